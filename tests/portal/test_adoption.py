"""Adopting a published measure of another municipality into one's own catalogue as an Idee."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import MunicipalityFactory, NetworkFactory, member
from tests.search.support import field, make_measure
from vorort.accounts.models import Role
from vorort.core.models import AuditEntry
from vorort.measures.models import Measure
from vorort.portal.services import measure_adopt

pytestmark = pytest.mark.django_db


@pytest.fixture
def source(town_a):
    return make_measure(
        town_a,
        "Bürgerbus",
        summary="Ehrenamtliche fahren ältere Menschen zum Arzt.",
        description="Ein Verein betreibt den Bus, die Stadt stellt das Fahrzeug.",
        further=("zivilgesellschaft",),
        groups=("Ältere Menschen",),
        status="verstetigt",
        transfer_note="Gut übertragbar auf kleine Orte.",
        risks="Intern: Fahrermangel",
        reference="M-07",
    )


def adopt_url(measure) -> str:
    return reverse("portal:adopt", kwargs={"slug": measure.municipality.slug, "pk": measure.pk})


def page_url(measure) -> str:
    return reverse("portal:measure", kwargs={"slug": measure.municipality.slug, "pk": measure.pk})


def test_an_editor_adopts_a_measure_of_another_municipality(client_for, users, source, town_b):
    editor = member(town_b, Role.EDITOR, email="redaktion-b@example.org")
    client = client_for(editor)
    assert "Für Billerbeck übernehmen" in client.get(page_url(source)).content.decode()
    response = client.post(adopt_url(source), HTTP_HOST="localhost")
    adopted = Measure.objects.get(municipality=town_b)
    assert response.status_code == 302
    assert response["Location"] == reverse("measures:measure", kwargs={"slug": town_b.slug, "pk": adopted.pk})
    assert (adopted.title, adopted.summary, adopted.description) == (source.title, source.summary, source.description)
    assert adopted.status == "idee" and adopted.is_public is False
    assert adopted.origin == "uebernommen" and adopted.source_measure == source
    assert adopted.source_url == f"http://localhost/kommunen/beckum/massnahmen/{source.pk}/"
    today = datetime.date.today()
    assert "Übernommen von Beckum („Bürgerbus“) am" in adopted.origin_note and str(today.year) in adopted.origin_note
    assert adopted.transfer_note == source.transfer_note
    assert adopted.risks == "" and adopted.reference == ""  # the source's internal planning stays there
    assert adopted.action_field == field(town_b, "mobilitaet")
    assert list(adopted.further_action_fields.values_list("slug", flat=True)) == ["zivilgesellschaft"]
    assert [(b.user_group.name, b.strength) for b in adopted.benefits.all()] == [("Ältere Menschen", 2)]
    assert adopted.status_changes.get().note == "übernommen von Beckum"
    assert AuditEntry.objects.filter(municipality=town_b, object_id=str(adopted.pk), action="create").exists()
    assert "übernommen von 1 Kommune" in client.get(page_url(source)).content.decode()


def test_the_count_names_distinct_municipalities(client, source, town_b, network):
    measure_adopt(actor=None, source=source, municipality=town_b, source_url="")
    third = MunicipalityFactory(network=network, name="Drensteinfurt")
    measure_adopt(actor=None, source=source, municipality=third, source_url="")
    assert "übernommen von 2 Kommunen" in client.get(page_url(source)).content.decode()


def test_adopting_twice_does_not_copy_twice(client_for, users, source, town_b):
    client = client_for(users["coordinator_b"])
    client.post(adopt_url(source))
    response = client.post(adopt_url(source), follow=True)
    assert Measure.objects.filter(municipality=town_b).count() == 1
    assert "steht bereits im Maßnahmenkatalog von Billerbeck" in response.content.decode()
    with pytest.raises(Exception, match="bereits"):
        measure_adopt(actor=None, source=source, municipality=town_b, source_url="")


def test_several_municipalities_ask_which(client_for, users, source, town_b, network):
    third = MunicipalityFactory(network=network, name="Drensteinfurt", slug="drensteinfurt")
    client = client_for(users["network_admin"])
    page = client.get(page_url(source)).content.decode()
    assert 'name="kommune"' in page and "Drensteinfurt" in page and "Billerbeck" in page
    response = client.post(adopt_url(source))
    assert response.status_code == 200
    assert "„Bürgerbus“ übernehmen</h1>" in response.content.decode()
    assert not Measure.objects.filter(source_measure=source).exists()
    response = client.post(adopt_url(source), {"kommune": third.slug})
    assert response.status_code == 302
    assert Measure.objects.get(source_measure=source).municipality == third
    response = client.post(adopt_url(source), {"kommune": "beckum"})  # the source's own town is no choice
    assert response.status_code == 200
    assert Measure.objects.filter(source_measure=source).count() == 1


def test_who_may_not_adopt(client, client_for, users, source, town_a):
    assert client.post(adopt_url(source))["Location"].startswith("/anmelden/")
    for role in ["coordinator", "editor", "viewer", "participant", "coach"]:
        assert client_for(users[role]).post(adopt_url(source)).status_code == 403, role
    assert client_for(users["coordinator_b"]).get(adopt_url(source)).status_code == 405
    assert (
        "In den eigenen Maßnahmenkatalog übernehmen"
        in client_for(users["coordinator"]).get(page_url(source)).content.decode()
    )  # the section explains who may, without a form
    assert not Measure.objects.filter(source_measure=source).exists()


def test_internal_measures_cannot_be_adopted(client_for, users, town_a, town_b):
    internal = make_measure(town_a, "Interne Idee", public=False)
    assert client_for(users["coordinator_b"]).post(adopt_url(internal)).status_code == 404
    with pytest.raises(Exception, match="veröffentlichte"):
        measure_adopt(actor=None, source=internal, municipality=town_b, source_url="")


def test_adoption_into_another_network_maps_fields_and_groups_by_name(source):
    other = MunicipalityFactory(network=NetworkFactory(name="Netzwerk Süd"), name="Tübingen")
    adopted = measure_adopt(actor=None, source=source, municipality=other, source_url="https://vorort.example.org/")
    assert adopted.action_field.network == other.network and adopted.action_field.slug == "mobilitaet"
    assert [b.user_group.network_id for b in adopted.benefits.all()] == [other.network_id]


def test_benefit_notes_the_public_does_not_see_are_not_copied(source, town_b):
    """A benefit of strength 0 is not on the public page; its text must not travel with the adoption."""
    from vorort.measures.models import Benefit
    from vorort.network.models import UserGroup

    hidden, _created = UserGroup.objects.get_or_create(network=source.municipality.network, name="Pendler*innen")
    Benefit.objects.create(measure=source, user_group=hidden, strength=0, text="intern Quasimodo")
    adopted = measure_adopt(actor=None, source=source, municipality=town_b, source_url="")
    assert [(b.user_group.name, b.strength) for b in adopted.benefits.all()] == [("Ältere Menschen", 2)]
    assert not adopted.benefits.filter(text__contains="Quasimodo").exists()
