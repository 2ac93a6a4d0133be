"""Relevance with German word forms, prefixes and ranking; the same tests run on SQLite (FTS5) and PostgreSQL."""

import pytest

from vorort.search.selectors import search

from .support import make_lesson, make_measure

pytestmark = pytest.mark.django_db


def titles(query: str, **kwargs) -> list[str]:
    return [hit.title for hit in search(query, **kwargs).hits]


@pytest.fixture
def corpus(town_a, town_b):
    return {
        "radweg": make_measure(town_a, "Radweg zum Bahnhof", summary="Ein sicherer Weg für Pendler."),
        "radwege": make_measure(town_b, "Neue Radwege im Ortskern", summary="Lückenschluss im Netz."),
        "radwegen": make_measure(town_a, "Beleuchtung an Radwegen", summary="Solarleuchten auf dem Land."),
        "buerger": make_measure(town_a, "Bürgerbus", summary="Ehrenamtliche fahren Bürger*innen zum Arzt."),
        "buerger2": make_measure(town_b, "Digitale Sprechstunde", description="Für alle Buerger und Buergerinnen."),
        "strasse": make_measure(
            town_a, "Intelligente Straßenbeleuchtung", summary="LED-Leuchten dimmen nachts auf den Straßen."
        ),
        "strasse2": make_measure(town_b, "Strassenbeleuchtung mit Bewegungsmeldern"),
        "other": make_measure(town_b, "Mängelmelder-App", summary="Schäden im Stadtgebiet melden."),
    }


@pytest.mark.parametrize("query", ["Radweg", "Radwege", "Radwegen", "radwegen", "RADWEGE"])
def test_every_form_of_radweg_finds_all_three(corpus, query):
    assert set(titles(query)) == {"Radweg zum Bahnhof", "Neue Radwege im Ortskern", "Beleuchtung an Radwegen"}


@pytest.mark.parametrize("query", ["Bürger*innen", "Bürgerinnen", "Buerger", "bürger", "Bürger:innen", "BürgerInnen"])
def test_gender_forms_and_transliteration_meet(corpus, query):
    assert {"Bürgerbus", "Digitale Sprechstunde"} <= set(titles(query))


@pytest.mark.parametrize("query", ["Straßen", "Strassen", "Straßenbeleuchtung", "strassenbeleuchtung", "STRASSEN"])
def test_sharp_s_and_ss_meet(corpus, query):
    assert {"Intelligente Straßenbeleuchtung", "Strassenbeleuchtung mit Bewegungsmeldern"} <= set(titles(query))


def test_prefixes_match(corpus):
    assert set(titles("Straßenbel")) == {"Intelligente Straßenbeleuchtung", "Strassenbeleuchtung mit Bewegungsmeldern"}
    assert "Mängelmelder-App" in titles("Mängel")
    assert "Mängelmelder-App" in titles("maengelmeld")


def test_all_words_must_match(corpus):
    assert titles("Radweg Bahnhof") == ["Radweg zum Bahnhof"]
    assert titles("Radweg Bürgerbus") == []


def test_hyphenated_query_finds_the_joined_word_and_the_parts(corpus):
    assert "Radweg zum Bahnhof" in titles("Rad-Weg")
    assert "Mängelmelder-App" in titles("Mängelmelder-App")
    assert "Mängelmelder-App" in titles("App")


def test_title_matches_rank_above_body_matches(town_a, town_b):
    make_measure(town_b, "Carsharing", description="Im Ortskern gibt es bald einen Radweg entlang der Bahn.")
    make_measure(town_a, "Radweg an der Bundesstraße", description="Eine neue Verbindung.")
    assert titles("Radweg") == ["Radweg an der Bundesstraße", "Carsharing"]


def test_more_occurrences_rank_higher(town_a):
    make_measure(town_a, "Quartierszentrum", description="Ein Treffpunkt. Dazu ein Lastenrad.")
    make_measure(
        town_a,
        "Verleihstation",
        description="Lastenrad leihen, Lastenrad laden, Lastenrad zurückgeben: das Lastenrad für alle.",
    )
    assert titles("Lastenrad") == ["Verleihstation", "Quartierszentrum"]


def test_lessons_and_events_are_found_too(town_a, corpus):
    from tests.events.support import make_event

    make_lesson(
        town_a, "Was wir beim Radweg gelernt haben", "Früh mit den Landwirten sprechen.", measure=corpus["radweg"]
    )
    make_event(municipality=town_a, title="Radwege-Werkstatt", is_public=True)
    kinds = {hit.kind for hit in search("Radweg").hits}
    assert kinds == {"massnahme", "wissen", "format"}


def test_municipality_and_field_names_are_searchable(corpus):
    assert "Bürgerbus" in titles("Beckum Bürgerbus")
    assert set(titles("Billerbeck Strassenbeleuchtung")) == {"Strassenbeleuchtung mit Bewegungsmeldern"}
