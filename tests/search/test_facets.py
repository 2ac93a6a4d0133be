"""Facet counts with the search: action field, size class, rural, status, user group, municipality, kind."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.events.support import make_event
from tests.factories import MunicipalityFactory
from vorort.search.selectors import Filters, search

from .support import field, group, make_lesson, make_measure

pytestmark = pytest.mark.django_db


def facet(results, key: str) -> dict[str, int]:
    return {option.label: option.count for option in next(f for f in results.facets if f.key == key).options}


@pytest.fixture
def data(town_a, town_b, town_c):
    make_measure(town_a, "Radweg Nord", status="geplant", groups=("Pendler*innen",), further=("nachhaltigkeit",))
    make_measure(town_a, "Radweg Süd", status="in_umsetzung", groups=("Pendler*innen", "Kinder und Jugendliche"))
    make_measure(town_b, "Radweg zur Schule", status="geplant", groups=("Kinder und Jugendliche",))
    make_measure(town_c, "Radweg am Kanal", field_slug="nachhaltigkeit", status="abgeschlossen")
    make_measure(town_c, "Radweg intern", public=False, status="geplant", groups=("Pendler*innen",))
    make_lesson(town_b, "Radweg-Erfahrungen")
    make_event(municipality=town_c, title="Radweg-Werkstatt", is_public=True)


def test_counts_per_facet(data):
    results = search("Radweg")
    assert results.total == 6
    assert facet(results, "art") == {"Maßnahme": 4, "Wissen": 1, "Format": 1}
    assert facet(results, "status") == {"Geplant": 2, "In Umsetzung": 1, "Abgeschlossen": 1}
    assert facet(results, "handlungsfeld") == {"Mobilität": 3, "Nachhaltigkeit": 2}
    assert facet(results, "groesse") == {"Kleinstadt": 2, "Mittelstadt": 2, "Großstadt": 2}
    assert facet(results, "laendlich") == {"ländlich": 2, "nicht ländlich": 4}
    assert facet(results, "gruppe") == {"Pendler*innen": 2, "Kinder und Jugendliche": 2}
    assert facet(results, "kommune") == {"Beckum": 2, "Billerbeck": 2, "Münster": 2}


def test_filters_narrow_hits_and_counts(data, town_a, town_b):
    kids = group(town_a, "Kinder und Jugendliche")
    results = search("Radweg", Filters(user_group=kids.pk))
    assert {hit.title for hit in results.hits} == {"Radweg Süd", "Radweg zur Schule"}
    assert facet(results, "kommune") == {"Beckum": 1, "Billerbeck": 1}
    selected = [option for option in results.facets[5].options if option.selected]
    assert [option.label for option in selected] == ["Kinder und Jugendliche"]
    results = search("Radweg", Filters(action_field=field(town_a, "nachhaltigkeit").pk, size_class="mittel"))
    assert [hit.title for hit in results.hits] == ["Radweg Nord"]
    results = search("Radweg", Filters(rural=True, kind="massnahme"))
    assert [hit.title for hit in results.hits] == ["Radweg zur Schule"]
    assert search("Radweg", Filters(municipality=town_b.pk, status="geplant")).total == 1


def test_the_internal_measure_counts_nowhere(data):
    results = search("Radweg intern")
    assert results.total == 0
    assert all(not facet.options for facet in results.facets)


def test_paging(town_a):
    for number in range(25):
        make_measure(town_a, f"Ladesäule {number}")
    first = search("Ladesäule", per_page=10)
    third = search("Ladesäule", page=3, per_page=10)
    assert (first.total, first.pages, len(first.hits), len(third.hits)) == (25, 3, 10, 5)
    assert not {hit.title for hit in first.hits} & {hit.title for hit in third.hits}


def _queries_for_search(query: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        search(query)
    return len(captured)


def test_query_count_does_not_grow_with_the_data(network, town_a):
    make_measure(town_a, "Ladesäule am Rathaus", groups=("Pendler*innen",))
    make_lesson(town_a, "Ladesäulen-Erfahrung")
    make_event(municipality=town_a, title="Ladesäulen-Forum", is_public=True)
    small = _queries_for_search("Ladesäule")
    for number in range(6):
        other = MunicipalityFactory(network=network, name=f"Ort {number}", population=5_000 + number * 30_000)
        make_measure(other, f"Ladesäule {number}", groups=("Pendler*innen", "Bürger*innen"), further=("wohnen",))
        make_lesson(other, f"Ladesäulen-Wissen {number}")
        make_event(municipality=other, title=f"Ladesäulen-Tag {number}", is_public=True)
    assert _queries_for_search("Ladesäule") == small <= 9
