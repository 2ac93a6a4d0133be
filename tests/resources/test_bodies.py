"""Bodies (Gremien): the organisation chart, members from the staff and partners, meeting rhythm."""

import re

import pytest
from django.urls import reverse

from vorort.core.models import AuditEntry
from vorort.resources import services
from vorort.resources.models import Body, BodyKind, BodyMembership, MeetingRhythm, Partner

from .conftest import HOSTILE, HUGE, assert_refused, person

pytestmark = pytest.mark.django_db

CHART = reverse("resources:body_list", kwargs={"slug": "beckum"})
CREATE = reverse("resources:body_create", kwargs={"slug": "beckum"})


def detail(body) -> str:
    return reverse("resources:body_detail", kwargs={"slug": "beckum", "pk": body.pk})


def add_member(body) -> str:
    return reverse("resources:body_member_add", kwargs={"slug": "beckum", "pk": body.pk})


@pytest.fixture
def structure(town_a):
    steering = Body.objects.create(
        municipality=town_a, kind=BodyKind.STEERING, name="Lenkungsgruppe", rhythm=MeetingRhythm.QUARTERLY
    )
    team = Body.objects.create(
        municipality=town_a,
        kind=BodyKind.TEAM,
        name="Smart-City-Team",
        rhythm=MeetingRhythm.FORTNIGHTLY,
        rhythm_note="dienstags, 9 Uhr",
    )
    mobility = Body.objects.create(municipality=town_a, kind=BodyKind.WORKING_GROUP, name="AK Mobilität")
    data = Body.objects.create(municipality=town_a, kind=BodyKind.WORKING_GROUP, name="AK Daten")
    mayor = person(town_a, "Bürgermeisterin Strothmann")
    works = Partner.objects.create(municipality=town_a, name="Stadtwerke Beckum", contact_name="Dana Beispiel")
    BodyMembership.objects.create(body=steering, person=mayor, role="vorsitz")
    BodyMembership.objects.create(body=steering, partner=works)
    return {"steering": steering, "team": team, "mobility": mobility, "data": data, "works": works, "mayor": mayor}


def test_org_chart_is_a_nested_list_from_steering_group_to_working_groups(login, structure, town_b):
    Body.objects.create(municipality=town_b, kind=BodyKind.STEERING, name="Lenkungsgruppe Billerbeck")
    html = login("viewer").get(CHART).content.decode()
    chart = html[html.index('<ul class="orgchart"') :]
    # Top to bottom, each level nested in the one above.
    positions = [
        chart.index(text) for text in ("Lenkungsgruppe</a>", "Smart-City-Team</a>", "AK Daten", "AK Mobilität")
    ]
    assert positions == sorted(positions)
    nesting = re.findall(r'<ul class="orgchart(?:-below)?"', chart)
    assert nesting == ['<ul class="orgchart"', '<ul class="orgchart-below"', '<ul class="orgchart-below"']
    before_team = chart[: chart.index("Smart-City-Team</a>")]
    assert before_team.count("<ul") - before_team.count("</ul>") >= 2  # the team sits inside the steering level
    # Members with their function, the rhythm in words.
    assert 'Bürgermeisterin Strothmann <span class="help">(Vorsitz)</span>' in chart
    assert "Dana Beispiel (Stadtwerke Beckum)" in chart
    assert "vierteljährlich" in chart and "alle zwei Wochen – dienstags, 9 Uhr" in chart
    assert "Lenkungsgruppe Billerbeck" not in html
    assert 'aria-current="page">Gremien</a>' in html


def test_empty_tiers_say_so_and_offer_to_create(login, town_a):
    html = login("editor").get(CHART).content.decode()
    assert "Noch keine Lenkungsgruppe." in html and "Noch kein Smart-City-Team." in html
    assert f"{CREATE}?art=lenkungsgruppe" in html
    form = login("editor").get(f"{CREATE}?art=arbeitskreis").content.decode()
    assert '<option value="arbeitskreis" selected>' in form


def test_create_edit_and_delete_a_body(login, town_a):
    client = login("editor")
    response = client.post(
        CREATE,
        {"kind": "arbeitskreis", "name": " AK  Wohnen ", "purpose": "", "rhythm": "monatlich", "rhythm_note": ""},
    )
    body = Body.objects.get(municipality=town_a)
    assert response.status_code == 302 and response["Location"] == detail(body)
    assert body.name == "AK Wohnen"
    edit = reverse("resources:body_edit", kwargs={"slug": "beckum", "pk": body.pk})
    data = {"kind": "arbeitskreis", "name": "AK Wohnen", "purpose": "Wohnen im Quartier", "rhythm": "nach_bedarf"}
    assert client.post(edit, dict(data, rhythm_note="", version=1)).status_code == 302
    body.refresh_from_db()
    assert (body.rhythm, body.version) == ("nach_bedarf", 2)
    stale = client.post(edit, dict(data, rhythm_note="alt", version=1)).content.decode()
    assert "inzwischen geändert" in stale
    delete = reverse("resources:body_delete", kwargs={"slug": "beckum", "pk": body.pk})
    assert client.post(delete).status_code == 403  # editors may not delete
    assert login("coordinator").post(delete).status_code == 302
    assert not Body.objects.exists()
    history = [entry.action for entry in AuditEntry.objects.filter(content_type__model="body")]
    assert sorted(history) == ["create", "delete", "update"]


def test_body_bad_input(login, structure):
    client = login("editor")
    base = {"kind": "arbeitskreis", "purpose": "", "rhythm": "monatlich", "rhythm_note": ""}
    assert_refused(client.post(CREATE, dict(base, name="")), "name", "zwingend erforderlich")
    assert_refused(client.post(CREATE, dict(base, name=HUGE)), "name", "höchstens 200 Zeichen")
    assert_refused(client.post(CREATE, dict(base, name="Neu", purpose=HUGE)), "purpose", "höchstens 5000 Zeichen")
    assert_refused(client.post(CREATE, dict(base, name="Neu", rhythm="stündlich")), "rhythm")
    assert_refused(client.post(CREATE, dict(base, name="ak mobilität")), "name", "gibt es schon")
    assert Body.objects.count() == 4


def test_members_from_staff_and_partners(login, structure, town_b):
    team = structure["team"]
    coordinator = person(structure["team"].municipality, "Kim Koordination")
    client = login("editor")
    page = client.get(detail(team)).content.decode()
    assert "Kim Koordination" in page and "Stadtwerke Beckum" in page  # the choices
    assert client.post(add_member(team), {"person": coordinator.pk, "role": "geschaeftsfuehrung"}).status_code == 302
    assert (
        client.post(
            add_member(team), {"partner": structure["works"].pk, "contact_name": "Ole Vertretung", "role": "beratend"}
        ).status_code
        == 302
    )
    html = client.get(detail(team)).content.decode()
    assert "Kim Koordination" in html and "Geschäftsführung" in html
    assert "Ole Vertretung" in html and "beratendes Mitglied" in html
    entry = AuditEntry.objects.filter(content_type__model="body", object_id=str(team.pk)).first()
    assert entry.changes[0]["after"] == (
        "Kim Koordination (Geschäftsführung); Ole Vertretung (Stadtwerke Beckum) (beratendes Mitglied)"
    )

    # Neither, both, twice, another town's person: a German message at the field, nothing saved.
    assert_refused(client.post(add_member(team), {"role": "mitglied"}), "member_person", "Person des Personals")
    both = client.post(add_member(team), {"person": coordinator.pk, "partner": structure["works"].pk, "role": "gast"})
    assert_refused(both, "member_partner", "nicht beides")
    twice = client.post(add_member(team), {"person": coordinator.pk, "role": "mitglied"})
    assert_refused(twice, "member_person", "schon Mitglied")
    foreign = person(town_b, "Fremde Person")
    assert_refused(client.post(add_member(team), {"person": foreign.pk, "role": "mitglied"}), "member_person")
    assert_refused(
        client.post(add_member(team), {"partner": structure["works"].pk, "contact_name": HUGE, "role": "mitglied"}),
        "member_contact_name",
        "höchstens 150 Zeichen",
    )
    assert team.memberships.count() == 2

    membership = team.memberships.get(person=coordinator)
    remove = reverse("resources:body_member_remove", kwargs={"slug": "beckum", "pk": membership.pk})
    assert client.post(remove).status_code == 302
    assert list(team.memberships.values_list("contact_name", flat=True)) == ["Ole Vertretung"]


def test_member_service_checks_the_town(users, structure, town_b):
    foreign = person(town_b, "Fremde Person")
    with pytest.raises(Exception, match="anderen Kommune"):
        services.body_member_add(actor=users["editor"], body=structure["team"], person=foreign)


def test_deleting_a_person_notes_it_in_the_body_history(users, structure):
    services.person_delete(actor=users["coordinator"], person=structure["mayor"])
    entry = AuditEntry.objects.filter(content_type__model="body", object_id=str(structure["steering"].pk)).first()
    assert entry.changes[0]["before"].startswith("Bürgermeisterin Strothmann (Vorsitz)")
    assert "Strothmann" not in entry.changes[0]["after"]


def test_hostile_names_are_escaped_in_the_chart(login, town_a):
    body = Body.objects.create(municipality=town_a, kind=BodyKind.TEAM, name=HOSTILE, rhythm_note=HOSTILE)
    BodyMembership.objects.create(body=body, person=person(town_a, HOSTILE))
    for url in (CHART, detail(body)):
        html = login("viewer").get(url).content.decode()
        assert "<script>alert" not in html and 'onmouseover="x"' not in html and "&lt;script&gt;" in html


def test_org_chart_query_count_does_not_grow(login, town_a, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = login("viewer")

    def count() -> int:
        client.get(CHART)
        with CaptureQueriesContext(connection) as captured:
            client.get(CHART)
        return len(captured)

    def add(offset: int, bodies: int) -> None:
        for n in range(bodies):
            body = Body.objects.create(municipality=town_a, kind=BodyKind.values[n % 3], name=f"Gremium {offset + n}")
            for m in range(3):
                BodyMembership.objects.create(body=body, person=person(town_a, f"Mitglied {offset + n}.{m}"))

    add(0, 2)
    few = count()
    add(100, 12)
    assert count() == few
