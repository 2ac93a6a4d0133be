"""Similar measures in other municipalities: text similarity plus shared action fields and user groups."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import MunicipalityFactory
from vorort.measures.services import measure_set_public
from vorort.search.models import DocumentKind, SearchDocument
from vorort.search.selectors import similar_measures

from .support import make_measure

pytestmark = pytest.mark.django_db


@pytest.fixture
def radweg(town_a):
    return make_measure(
        town_a,
        "Radweg für Pendler zum Bahnhof",
        summary="Ein beleuchteter Radweg verbindet die Ortsteile mit dem Bahnhof.",
        groups=("Pendler*innen",),
    )


def test_the_most_similar_come_first_with_their_reason(radweg, town_a, town_b, town_c):
    best = make_measure(
        town_b,
        "Radwege für Pendler",
        summary="Pendler fahren auf neuen Radwegen zum Bahnhof.",
        groups=("Pendler*innen",),
    )
    same_field = make_measure(town_c, "Carsharing am Bahnhof", summary="Autos teilen statt besitzen.")
    make_measure(town_c, "Digitales Rathaus", field_slug="verwaltung", summary="Anträge online stellen.")
    make_measure(town_a, "Radweg-Lückenschluss für Pendler", summary="Im eigenen Ort.")  # own municipality
    similar = similar_measures(radweg)
    assert [item.measure for item in similar][:2] == [best, same_field]
    assert "Digitales Rathaus" not in [item.measure.title for item in similar]
    assert all(item.measure.municipality_id != town_a.pk for item in similar)
    reason = similar[0].reason
    assert "gleiches Handlungsfeld: Mobilität" in reason
    assert "gemeinsame Begriffe: " in reason and "Radweg" in reason and "Pendler" in reason
    assert "gleiche Nutzer*innengruppe: Pendler*innen" in reason


def test_never_more_than_five_and_never_internal(radweg, network):
    for number in range(7):
        town = MunicipalityFactory(network=network, name=f"Ort {number}")
        make_measure(town, f"Radweg für Pendler {number}", summary="Zum Bahnhof.")
    town = MunicipalityFactory(network=network, name="Geheimstadt")
    internal = make_measure(town, "Radweg für Pendler zum Bahnhof (intern)", public=False)
    similar = similar_measures(radweg)
    assert len(similar) == 5
    assert internal not in [item.measure for item in similar]


def test_unpublished_measures_disappear(radweg, town_b):
    other = make_measure(town_b, "Radweg für Pendler", summary="Zum Bahnhof.")
    assert [item.measure for item in similar_measures(radweg)] == [other]
    measure_set_public(actor=None, measure=other, is_public=False, expected_version=other.version)
    assert similar_measures(radweg) == []


def test_a_measure_sharing_only_the_field_still_counts(town_a, town_b):
    source = make_measure(town_a, "Quartiersgarage", summary="Parken bündeln.")
    other = make_measure(town_b, "Bürgerbus", summary="Ehrenamtliche fahren.")
    similar = similar_measures(source)
    assert [item.measure for item in similar] == [other]
    assert similar[0].reason == "gleiches Handlungsfeld: Mobilität"


def _queries(measure) -> int:
    with CaptureQueriesContext(connection) as captured:
        similar_measures(measure)
    return len(captured)


def test_query_count_does_not_grow_with_the_data(radweg, network):
    town = MunicipalityFactory(network=network, name="Ort")
    make_measure(town, "Radweg für Pendler", summary="Zum Bahnhof.", groups=("Pendler*innen",))
    small = _queries(radweg)
    for number in range(8):
        town = MunicipalityFactory(network=network, name=f"Ort {number}")
        make_measure(town, f"Radweg {number} für Pendler", summary="Zum Bahnhof.", groups=("Pendler*innen",))
    assert _queries(radweg) == small <= 8


def test_an_internal_draft_is_compared_with_what_others_published(town_a, town_b, town_c, users, client_for):
    """A town drafting a measure sees what others published; its draft stays out of the index and out of the
    public pages, and other towns' internal measures are never suggested."""
    draft = make_measure(
        town_a,
        "Radweg für Pendler zum Bahnhof",
        summary="Ein Radweg zum Bahnhof.",
        groups=("Pendler*innen",),
        public=False,
    )
    published = make_measure(
        town_b, "Radwege für Pendler", summary="Pendler fahren zum Bahnhof.", groups=("Pendler*innen",)
    )
    make_measure(town_c, "Radweg für Pendler (intern)", summary="Zum Bahnhof.", public=False)
    similar = similar_measures(draft)
    assert [item.measure for item in similar] == [published]
    assert "Radweg" in similar[0].reason
    assert not SearchDocument.objects.filter(kind=DocumentKind.MEASURE, object_id=draft.pk).exists()
    assert [item.measure for item in similar_measures(published)] == []  # the draft is not offered to others

    address = reverse("measures:measure", kwargs={"slug": town_a.slug, "pk": draft.pk})
    page = client_for(users["editor"]).get(address).content.decode()
    assert "Ähnliche Maßnahmen in anderen Kommunen" in page
    assert reverse("portal:measure", kwargs={"slug": town_b.slug, "pk": published.pk}) in page
    assert "(intern)" not in page


def test_workspace_page_query_count_does_not_grow_with_the_network(town_a, network, users, client_for):
    draft = make_measure(town_a, "Radweg für Pendler", summary="Zum Bahnhof.", groups=("Pendler*innen",), public=False)
    address = reverse("measures:measure", kwargs={"slug": town_a.slug, "pk": draft.pk})
    client = client_for(users["editor"])

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(address).status_code == 200
        return len(captured)

    town = MunicipalityFactory(network=network, name="Ort")
    make_measure(town, "Radweg für Pendler", summary="Zum Bahnhof.", groups=("Pendler*innen",))
    small = queries()
    for number in range(8):
        town = MunicipalityFactory(network=network, name=f"Ort {number}")
        make_measure(town, f"Radweg {number} für Pendler", summary="Zum Bahnhof.", groups=("Pendler*innen",))
    assert queries() == small
