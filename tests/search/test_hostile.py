"""Any user input is safe: quotes, operators, wildcards, SQL fragments and huge inputs never cause an error."""

import pytest
from django.db import connection

from vorort.measures.models import Measure
from vorort.search.selectors import Filters, search

from .support import make_measure

pytestmark = pytest.mark.django_db

HOSTILE = [
    '"',
    '"Radweg',
    "'",
    "Radweg'",
    "NOT",
    "Radweg NOT Bus",
    "NOT Radweg",
    "Rad-Weg",
    "-Radweg",
    "Radweg-",
    "*",
    "Rad*",
    "**",
    "(",
    ")",
    "(Radweg",
    "Radweg OR",
    "AND OR NOT NEAR",
    "NEAR(Radweg Bus)",
    "title:Radweg",
    "{title}:Radweg",
    "^Radweg",
    "Radweg:*",
    "!Radweg & | <->",
    "'); DROP TABLE measures_measure;--",
    "1; DROP TABLE search_fts",
    "%",
    "_%_",
    "\\",
    "\x00",
    "Radweg\x00Bus",
    "😀 Radweg 🚲",
    "   ",
    "",
    "x" * 10_000,
    "Radweg " * 2_000,
    " ".join(["Rad-Weg-Netz-Ausbau"] * 500),
]


@pytest.fixture
def radweg(town_a):
    return make_measure(town_a, "Radweg zum Bahnhof", summary="Der Weg für Pendler, auch mit dem Bus.")


@pytest.mark.parametrize("query", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_queries_are_answered(radweg, query):
    results = search(query)
    assert results.total >= 0
    assert results.total == len(results.hits) or results.total > len(results.hits)


@pytest.mark.parametrize("query", HOSTILE, ids=range(len(HOSTILE)))
def test_the_search_page_answers_hostile_queries(client, radweg, query):
    response = client.get("/suche/", {"q": query, "handlungsfeld": "1'; --", "gruppe": "x", "seite": "-3"})
    assert response.status_code == 200


def test_sql_in_a_query_stays_text(radweg):
    search("'); DROP TABLE measures_measure;--")
    search('"); DELETE FROM search_fts; --')
    assert Measure.objects.filter(pk=radweg.pk).exists()
    assert search("Radweg").total == 1
    with connection.cursor() as cursor:  # the engine's own table is intact too
        cursor.execute("SELECT COUNT(*) FROM search_searchdocument")
        assert cursor.fetchone()[0] == 1


def test_operators_are_words_not_syntax(radweg):
    assert search("Radweg NOT Bus").total == 0  # "not" is a word the measure lacks, not a negation
    assert search("Rad*").total == 1  # a trailing star is just a prefix, which every word is anyway
    assert search('"Radweg"').total == 1


def test_wrong_filter_values_filter_nothing_they_should_not(radweg):
    assert search("Radweg", Filters(action_field=999_999)).total == 0
    assert search("Radweg", Filters(municipality=radweg.municipality_id)).total == 1


def test_page_numbers_out_of_range_do_not_fail(radweg):
    assert search("Radweg", page=10_000).hits == []
    assert search("Radweg", page=-5).page == 1


@pytest.mark.parametrize("name", ["handlungsfeld", "gruppe", "seite"])
def test_numbers_too_big_for_the_database_are_ignored(client, radweg, name):
    response = client.get("/suche/", {"q": "Radweg", name: "100000000000000000000"})
    assert response.status_code == 200
    assert "Radweg" in response.content.decode()
