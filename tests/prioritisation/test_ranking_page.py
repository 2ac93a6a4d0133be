"""The ranking page: formula, table, what-if sliders (htmx and without JavaScript), votes, query counts."""

import sys

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from vorort.accounts.models import Role
from vorort.prioritisation import selectors, services
from vorort.prioritisation.models import Criterion

from ..factories import member
from .conftest import benefits, euros, field_errors, measure, only_criteria, text

URL = reverse("prioritisation:ranking", kwargs={"slug": "beckum"})


def _what_if(scenario, dringlichkeit="100", kosten="0", mehrwert="0"):
    first, second, third = scenario["criteria"]
    return {f"w_{first.pk}": dringlichkeit, f"w_{second.pk}": kosten, f"w_{third.pk}": mehrwert}


def _titles(html: str) -> list[str]:
    order = []
    for title in ("Bürger-App", "Smarte Beleuchtung", "Mobilstation"):
        order.append((html.index(f">{title}</a>"), title))
    return [title for _position, title in sorted(order)]


def test_ranking_page_shows_formula_table_and_stability(login, scenario):
    response = login("viewer").get(URL)
    html = response.content.decode()
    page = text(response)
    assert "Punktzahl = Σ Gewicht_k × normierter Wert_k" in page
    assert "(größter Wert − Wert) ÷ (größter Wert − kleinster Wert)" in page
    assert "„stabil“ heißt: Der Rang bleibt bei jeder dieser Änderungen gleich" in page
    assert "um −20 % und um +20 %" in page
    assert "„fehlt“" in page and "schlechtesten normierten Wert 0" in page
    assert _titles(html) == ["Bürger-App", "Smarte Beleuchtung", "Mobilstation"]
    assert "83,33" in page and "76,79" in page and "0,00" in page
    assert page.count("stabil") >= 3
    assert '<th scope="col" class="num">Rang</th>' in html and "<caption>" in html
    assert 'type="range"' in html and "Neu berechnen" in html
    assert "15.000,00 €" in page and "(0,67) · ± 1,00 · n = 2" in page


def test_what_if_reranks_without_storing(login, scenario, town_a):
    stored = list(Criterion.objects.filter(municipality=town_a).values_list("pk", "weight", "version"))
    client = login("editor")
    response = client.get(URL, _what_if(scenario))
    html = response.content.decode()
    # Only Dringlichkeit counts: Beleuchtung 5 (1.0), App 4 (2/3), Mobilstation 2 (0).
    assert _titles(html) == ["Smarte Beleuchtung", "Bürger-App", "Mobilstation"]
    assert "Was-wäre-wenn" in html and "100,0 %" in text(response)
    assert list(Criterion.objects.filter(municipality=town_a).values_list("pk", "weight", "version")) == stored
    # The sliders keep the tried values.
    assert f'name="w_{scenario["criteria"][0].pk}" value="100"' in html

    partial = client.get(URL, _what_if(scenario), headers={"HX-Request": "true"})
    assert partial.status_code == 200
    body = partial.content.decode()
    assert "<html" not in body and body.lstrip().startswith('<div id="rangfolge-ergebnis">')
    assert _titles(body) == ["Smarte Beleuchtung", "Bürger-App", "Mobilstation"]
    assert list(Criterion.objects.filter(municipality=town_a).values_list("pk", "weight", "version")) == stored


@pytest.mark.parametrize("value", ["-20", "500", "viel"])
def test_bad_what_if_weights_are_explained(login, scenario, value):
    first = scenario["criteria"][0]
    response = login("editor").get(URL, _what_if(scenario, dringlichkeit=value))
    assert response.status_code == 200
    assert "von 0 bis 100 Punkten" in field_errors(response.content.decode(), f"w_{first.pk}")
    # The table falls back to the stored weights.
    assert _titles(response.content.decode()) == ["Bürger-App", "Smarte Beleuchtung", "Mobilstation"]


def test_all_zero_what_if_is_explained(login, scenario):
    response = login("editor").get(URL, _what_if(scenario, dringlichkeit="0"))
    assert "Mindestens ein Kriterium braucht ein Gewicht über 0" in response.content.decode()


def test_page_without_criteria_or_round(login, town_a, users):
    page = text(login("coordinator").get(URL))
    assert "Es sind noch keine Kriterien festgelegt" in page
    only_criteria(town_a, users["coordinator"], ("Dringlichkeit", "bewertung", "nutzen", 1))
    measure(town_a, "Bürger-App")
    page = text(login("coordinator").get(URL))
    assert "Noch keine Bewertungsrunde" in page and "fehlt" in page


def test_missing_data_is_shown_as_fehlt(login, town_a, users):
    only_criteria(
        town_a,
        users["coordinator"],
        ("Kosten", "kosten", "kosten", 1),
        ("Personalaufwand", "personal", "kosten", 1),
        ("Mehrwert", "mehrwert", "nutzen", 1),
    )
    measure(town_a, "Ohne Angaben")
    full = measure(town_a, "Mit Angaben", investment_cost=euros(1000), personnel_effort=euros(20))
    benefits(full, 1)
    result = selectors.build_ranking(town_a)
    rows = {row.title: row for row in result.rows}
    assert [cell.missing for cell in rows["Ohne Angaben"].cells] == [True, True, True]
    assert [row.title for row in result.rows] == ["Mit Angaben", "Ohne Angaben"]
    assert result.missing_count == 3
    page = text(login("editor").get(URL))
    assert "3 Werte fehlen und zählen als schlechtester Wert" in page
    assert "20,0 PT/Jahr" in page


def test_votes_come_from_participation_when_it_offers_them(town_a, users, monkeypatch):
    only_criteria(town_a, users["coordinator"], ("Bürger*innenvotum", "stimmen", "nutzen", 1))
    popular = measure(town_a, "Beliebt")
    measure(town_a, "Leise")
    monkeypatch.setattr(selectors, "vote_counts", lambda municipality, ids: {popular.pk: 12})
    result = selectors.build_ranking(town_a)
    assert [(row.title, row.cells[0].value) for row in result.rows] == [("Beliebt", 12.0), ("Leise", 0.0)]
    assert result.votes_available

    monkeypatch.setattr(selectors, "vote_counts", lambda municipality, ids: None)
    result = selectors.build_ranking(town_a)
    assert not result.votes_available
    assert [row.rank for row in result.rows] == [1, 1]  # everyone 0 votes: a tie
    assert {row.cells[0].value for row in result.rows} == {0.0}


def test_votes_are_read_defensively(town_a, monkeypatch):
    """Without the participation app, or without its selector, there are no votes (None → 0 for everyone)."""
    monkeypatch.setitem(sys.modules, "vorort.participation.selectors", None)  # import fails
    assert selectors.vote_counts(town_a, [1, 2]) is None
    monkeypatch.setattr(selectors.apps, "is_installed", lambda name: False)
    assert selectors.vote_counts(town_a, [1, 2]) is None


def _many(municipality, users, count: int) -> None:
    coordinator = users["coordinator"]
    measures = []
    for number in range(count):
        item = measure(
            municipality,
            f"Maßnahme {number:03d}",
            investment_cost=euros(1000 * (number + 1)),
            running_cost=euros(10 * number),
            personnel_effort=euros(number % 7),
        )
        benefits(item, number % 4, (number + 1) % 4)
        measures.append(item)
    rating_round = services.rating_round_create(
        actor=coordinator,
        municipality=municipality,
        title=f"Runde {count}",
        measures=measures,
        raters=[coordinator, users["editor"]],
    )
    rated = list(selectors.rated_criteria(municipality))
    for index, item in enumerate(measures):
        for rater in (coordinator, users["editor"]):
            services.ratings_save(
                actor=rater,
                rating_round=rating_round,
                measure=item,
                values={c.pk: 1 + (index + c.pk) % 5 for c in rated},
            )


def _count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_query_count_does_not_depend_on_the_number_of_measures(login, criteria, town_a, town_b, users, network):
    _many(town_a, users, 10)
    # A second town with 60 measures, coordinated by the same kind of user.
    coordinator_b = users["coordinator_b"]
    services.criteria_adopt_template(actor=coordinator_b, municipality=town_b)
    editor_b = member(town_b, Role.EDITOR, email="redaktion-b@example.org")
    _many(town_b, {"coordinator": coordinator_b, "editor": editor_b}, 60)

    client_a = login("coordinator")
    few = _count_queries(client_a, URL)
    client_b = login("coordinator_b")
    many = _count_queries(client_b, reverse("prioritisation:ranking", kwargs={"slug": "billerbeck"}))
    assert few == many, f"{few} queries for 10 measures, {many} for 60"
    assert few <= 15
    few_detail = _count_queries(
        login("coordinator"),
        reverse("prioritisation:round_detail", kwargs={"slug": "beckum", "pk": selectors.open_round(town_a).pk}),
    )
    many_detail = _count_queries(
        login("coordinator_b"),
        reverse("prioritisation:round_detail", kwargs={"slug": "billerbeck", "pk": selectors.open_round(town_b).pk}),
    )
    assert few_detail == many_detail
