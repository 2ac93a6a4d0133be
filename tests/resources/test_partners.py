"""The partner registry: list with filter and search, a partner's measures, contact data as personal data, and the
warning before a partner with a similar name is created."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from vorort.core.models import AuditEntry
from vorort.resources import services
from vorort.resources.models import Involvement, Partner, PartnerType
from vorort.resources.similarity import normalise, similar

from ..factories import MeasureFactory
from .conftest import HOSTILE, HUGE, assert_refused

pytestmark = pytest.mark.django_db

LIST = reverse("resources:partner_list", kwargs={"slug": "beckum"})
CREATE = reverse("resources:partner_create", kwargs={"slug": "beckum"})


def detail(partner) -> str:
    return reverse("resources:partner_detail", kwargs={"slug": "beckum", "pk": partner.pk})


def edit(partner) -> str:
    return reverse("resources:partner_edit", kwargs={"slug": "beckum", "pk": partner.pk})


def partner_data(**overrides) -> dict:
    data = {
        "name": "Stadtwerke Beckum",
        "kind": PartnerType.UTILITY,
        "website": "",
        "contact_name": "",
        "contact_email": "",
        "contact_phone": "",
        "contact_legal_basis": "",
        "notes": "",
    }
    data.update(overrides)
    return data


# Similar names ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [
        ("Stadtwerke Beckum GmbH", "stadtwerke beckum"),
        ("Stadtwerke Beckum GmbH & Co. KG", "stadtwerke beckum"),
        ("Bürgerverein Süd e. V.", "buergerverein sued"),
        ("Bürgerverein Süd e.V.", "buergerverein sued"),
        ("BUERGERVEREIN SUED EV", "buergerverein sued"),
        ("Straßen.NRW AöR", "strassen nrw"),
        ("Café Müller UG (haftungsbeschränkt)", "cafe mueller"),
        ("Volksbank eG", "volksbank"),
        ("AG", "ag"),  # a legal form alone stays
        ("AG Digitales Beckum", "ag digitales beckum"),  # only at the end
    ],
)
def test_names_are_normalised(raw, normalised):
    assert normalise(raw) == normalised


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("Stadtwerke Beckum GmbH", "Stadtwerke Beckum", True),  # legal form
        ("stadtwerke beckum", "Stadtwerke Beckum AG", True),  # case
        ("Bürgerverein Süd e. V.", "Buergerverein Sued", True),  # umlauts
        ("Stadtwerke", "Stadtwerke Beckum", True),  # contained as whole words
        ("Volkshochschule Beckum-Wadersloh", "Volkshochschule Beckum Wadersloh", True),
        ("Wirtschaftsförderung Kreis Warendorf", "Wirtschaftsfoerderung Kreis Warendorff", True),  # ratio ≥ 0.85
        ("Stadtwerke Beckum", "Stadtbücherei Beckum", False),
        ("Hochschule Hamm-Lippstadt", "Handwerkskammer Münster", False),
        ("Stadt", "Stadtwerke Beckum", False),  # part of a word is no containment
        ("AG", "AG Digitales", False),  # too short to count as contained
    ],
)
def test_similar_names(first, second, expected):
    assert similar(first, second) is expected


def test_first_submit_with_a_similar_name_creates_nothing_and_lists_the_partners(login, town_a):
    existing = Partner.objects.create(municipality=town_a, name="Stadtwerke Beckum GmbH", kind=PartnerType.UTILITY)
    Partner.objects.create(municipality=town_a, name="Volkshochschule")
    client = login("editor")
    response = client.post(CREATE, partner_data(name="stadtwerke  beckum"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "ähnliche Partner gibt es schon" in html
    assert f'href="{detail(existing)}">Stadtwerke Beckum GmbH</a>' in html
    assert "Volkshochschule" not in html
    assert 'name="trotzdem" value="stadtwerke beckum"' in html and "Trotzdem anlegen" in html
    assert Partner.objects.filter(municipality=town_a).count() == 2

    # A changed name is checked again, even with the confirmation of the old one.
    again = client.post(CREATE, partner_data(name="Stadtwerke Beckum AG", trotzdem="stadtwerke beckum"))
    assert "ähnliche Partner gibt es schon" in again.content.decode()
    assert Partner.objects.filter(municipality=town_a).count() == 2

    confirmed = client.post(CREATE, partner_data(name="Stadtwerke Beckum AG", trotzdem="Stadtwerke Beckum AG"))
    assert confirmed.status_code == 302
    created = Partner.objects.get(municipality=town_a, name="Stadtwerke Beckum AG")
    assert confirmed["Location"] == detail(created)
    assert AuditEntry.objects.filter(object_id=str(created.pk), action="create").exists()


def test_without_similar_names_the_partner_is_created_at_once(login, town_a, town_b):
    Partner.objects.create(municipality=town_b, name="Stadtwerke Beckum")  # another town's partner does not count
    response = login("editor").post(CREATE, partner_data(website="stadtwerke-beckum.de"))
    assert response.status_code == 302
    partner = Partner.objects.get(municipality=town_a)
    assert (partner.name, partner.kind, partner.website) == (
        "Stadtwerke Beckum",
        PartnerType.UTILITY,
        "https://stadtwerke-beckum.de",
    )


def test_an_equal_name_is_refused_at_the_field(login, town_a):
    Partner.objects.create(municipality=town_a, name="Stadtwerke Beckum")
    response = login("editor").post(CREATE, partner_data(name="STADTWERKE BECKUM", trotzdem="STADTWERKE BECKUM"))
    assert_refused(response, "name", "gibt es schon")
    assert Partner.objects.count() == 1


def test_renaming_warns_about_similar_names_too(login, town_a):
    Partner.objects.create(municipality=town_a, name="Kreis Warendorf")
    partner = Partner.objects.create(municipality=town_a, name="Wirtschaftsförderung")
    client = login("coordinator")
    data = partner_data(name="Kreis Warendorf AöR", kind=PartnerType.PUBLIC, version=partner.version)
    warned = client.post(edit(partner), data)
    assert (
        "ähnliche Partner gibt es schon" in warned.content.decode() and "Trotzdem speichern" in warned.content.decode()
    )
    partner.refresh_from_db()
    assert partner.name == "Wirtschaftsförderung"
    saved = client.post(edit(partner), dict(data, trotzdem="Kreis Warendorf AöR"))
    assert saved.status_code == 302
    partner.refresh_from_db()
    assert (partner.name, partner.version) == ("Kreis Warendorf AöR", 2)
    # Other fields change without a warning while the name stays.
    client.post(edit(partner), dict(data, notes="Kontakt über die Wirtschaftsförderung", version=2))
    partner.refresh_from_db()
    assert partner.notes == "Kontakt über die Wirtschaftsförderung"


def test_service_refuses_similar_names_unless_confirmed(users, town_a):
    Partner.objects.create(municipality=town_a, name="Heimatverein Beckum e.V.")
    with pytest.raises(services.SimilarPartnersError) as raised:
        services.partner_register(actor=users["editor"], municipality=town_a, data={"name": "Heimatverein Beckum"})
    assert [p.name for p in raised.value.partners] == ["Heimatverein Beckum e.V."]
    created = services.partner_register(
        actor=users["editor"], municipality=town_a, data={"name": "Heimatverein Beckum"}, allow_similar=True
    )
    assert created.pk and Partner.objects.filter(municipality=town_a).count() == 2


# Registry, detail, contact data -------------------------------------------------------------------------------------


def test_list_filters_by_kind_and_searches(login, town_a, measure):
    works = Partner.objects.create(municipality=town_a, name="Stadtwerke Beckum", kind=PartnerType.UTILITY)
    Partner.objects.create(municipality=town_a, name="Hochschule Hamm-Lippstadt", kind=PartnerType.UNIVERSITY)
    Partner.objects.create(municipality=town_a, name="Digitalinitiative", kind=PartnerType.INITIATIVE, notes="LoRaWAN")
    Involvement.objects.create(partner=works, measure=measure, role="Betreiber")
    client = login("viewer")
    html = client.get(LIST).content.decode()
    assert "3 Partner" in html and "Hochschule Hamm-Lippstadt" in html
    assert '<td class="num">1</td>' in html  # Stadtwerke: one measure
    by_kind = client.get(LIST, {"art": PartnerType.UNIVERSITY}).content.decode()
    assert "Hochschule Hamm-Lippstadt" in by_kind and "Stadtwerke Beckum" not in by_kind
    by_text = client.get(LIST, {"q": "lorawan"}).content.decode()
    assert "Digitalinitiative" in by_text and "Hamm-Lippstadt" not in by_text
    broken = client.get(LIST, {"art": "quatsch", "q": HUGE})
    assert broken.status_code == 200


def test_partner_page_lists_its_measures_with_roles(login, town_a, measure):
    partner = Partner.objects.create(
        municipality=town_a,
        name="Stadtwerke Beckum",
        contact_name="Dana Beispiel",
        contact_email="dana@stadtwerke.example",
        contact_legal_basis="Einwilligung vom 12.03.2026",
    )
    other = MeasureFactory(municipality=town_a, title="Smarte Straßenbeleuchtung")
    Involvement.objects.create(partner=partner, measure=measure, role="Betreiber")
    Involvement.objects.create(partner=partner, measure=other, role="Netzbetreiber")
    html = login("viewer").get(detail(partner)).content.decode()
    assert "Mobilstation am Bahnhof" in html and "Betreiber" in html
    assert "Smarte Straßenbeleuchtung" in html and "Netzbetreiber" in html
    assert reverse("measures:measure", kwargs={"slug": "beckum", "pk": other.pk}) in html
    assert "Dana Beispiel" in html and "Einwilligung vom 12.03.2026" in html


def test_contact_data_is_only_for_internal_roles(users, town_a):
    for role in ("network_admin", "coach", "coordinator", "editor", "viewer"):
        assert users[role].has_perm("resources.view_partner_contact", town_a), role
    for role in ("participant", "coordinator_b"):
        assert not users[role].has_perm("resources.view_partner_contact", town_a), role


def test_contact_data_needs_a_legal_basis(login, town_a):
    client = login("editor")
    response = client.post(CREATE, partner_data(contact_name="Dana Beispiel", contact_email="dana@example.org"))
    assert_refused(response, "contact_legal_basis", "Rechtsgrundlage")
    assert not Partner.objects.exists()
    ok = client.post(
        CREATE,
        partner_data(contact_name="Dana Beispiel", contact_legal_basis="Art. 6 Abs. 1 lit. e DSGVO"),
    )
    assert ok.status_code == 302
    # A partner whose contact data lacks the basis (e.g. from before) is flagged on its page.
    Partner.objects.create(municipality=town_a, name="Altdaten GmbH", contact_phone="02521 123")
    html = client.get(detail(Partner.objects.get(name="Altdaten GmbH"))).content.decode()
    assert "fehlt – bitte ergänzen oder Kontaktdaten löschen" in html


def test_bad_input_is_answered_in_german(login, town_a):
    client = login("editor")
    assert_refused(client.post(CREATE, partner_data(name="")), "name", "Dieses Feld ist zwingend erforderlich")
    assert_refused(client.post(CREATE, partner_data(name=HUGE)), "name", "höchstens 200 Zeichen")
    assert_refused(client.post(CREATE, partner_data(notes=HUGE)), "notes", "höchstens 5000 Zeichen")
    assert_refused(client.post(CREATE, partner_data(kind="quatsch")), "kind")
    assert_refused(client.post(CREATE, partner_data(contact_email="kein-mail")), "contact_email")
    assert not Partner.objects.exists()


def test_stale_edit_keeps_the_input(login, town_a):
    partner = Partner.objects.create(municipality=town_a, name="Heimatverein")
    services.partner_update(actor=None, partner=partner, data={"notes": "neu"}, expected_version=1)
    response = login("editor").post(edit(partner), partner_data(name="Heimatverein", notes="meins", version=1))
    html = response.content.decode()
    assert response.status_code == 200 and "inzwischen geändert" in html and "meins" in html


def test_delete_notes_the_removed_involvements_in_the_measures_history(login, town_a, measure):
    partner = Partner.objects.create(municipality=town_a, name="Stadtwerke Beckum")
    Involvement.objects.create(partner=partner, measure=measure, role="Betreiber")
    delete = reverse("resources:partner_delete", kwargs={"slug": "beckum", "pk": partner.pk})
    assert login("editor").post(delete).status_code == 403
    response = login("coordinator").post(delete)
    assert response.status_code == 302 and not Partner.objects.exists()
    entry = AuditEntry.objects.filter(object_id=str(measure.pk), content_type__model="measure").first()
    assert entry.changes[0]["before"] == "Stadtwerke Beckum: Betreiber" and entry.changes[0]["after"] == ""


def test_hostile_names_are_escaped(login, town_a, measure):
    partner = Partner.objects.create(municipality=town_a, name=HOSTILE, notes=HOSTILE, contact_legal_basis=HOSTILE)
    Involvement.objects.create(partner=partner, measure=measure, role=HOSTILE)
    client = login("viewer")
    for url in (LIST, detail(partner)):
        html = client.get(url).content.decode()
        assert "<script>alert" not in html and 'onmouseover="x"' not in html
        assert "&lt;script&gt;" in html


def test_list_runs_the_same_number_of_queries_with_3_and_120_partners(login, town_a):
    client = login("coordinator")

    def add(count: int, offset: int) -> None:
        partners = Partner.objects.bulk_create(
            Partner(municipality=town_a, name=f"Partner {offset + n:04d}", kind=PartnerType.values[n % 8])
            for n in range(count)
        )
        measures = [MeasureFactory(municipality=town_a) for _ in range(2)]
        Involvement.objects.bulk_create(
            Involvement(partner=p, measure=m, role="Partner") for p in partners for m in measures
        )

    def queries(params=None) -> int:
        client.get(LIST, params or {})
        with CaptureQueriesContext(connection) as captured:
            assert client.get(LIST, params or {}).status_code == 200
        return len(captured)

    add(3, 0)
    few, few_filtered = queries(), queries({"art": "verein", "q": "Partner"})
    add(117, 3)
    assert queries() == few
    assert queries({"art": "verein", "q": "Partner"}) == few_filtered
    assert queries({"seite": "3"}) == few
