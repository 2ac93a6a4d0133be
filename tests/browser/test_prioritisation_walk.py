"""End-to-end: criteria and weights → rating round with invited raters → ranking with what-if → frozen catalogue."""

import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from vorort.accounts.models import Role
from vorort.measures.models import Measure, MeasureStatus
from vorort.measures.services import measure_create
from vorort.network.models import ActionField
from vorort.prioritisation import services as prioritisation_services
from vorort.prioritisation.models import Catalogue, Criterion, Rating, RatingRound, RoundStatus

from ..factories import member
from .axe import assert_accessible
from .conftest import htmx_settled, login

pytestmark = pytest.mark.browser

RADWEG = "Radschnellweg zum Bahnhof"
PORTAL = "Digitales Bürgerportal"
SENSOREN = "Klimasensoren an Schulen"
RATED = ["Beitrag zu Vision und Zielen", "Dringlichkeit", "Umsetzbarkeit", "Fördermöglichkeit"]
# Weight points the coordinator enters: two rated criteria and the costs count, the rest not.
WEIGHTS = {
    "Wirkung / Mehrwert für Nutzer*innengruppen": 0,
    "Beitrag zu Vision und Zielen": 20,
    "Dringlichkeit": 30,
    "Umsetzbarkeit": 0,
    "Kosten": 10,
    "Personalaufwand": 0,
    "Fördermöglichkeit": 0,
    "Bürger*innenvotum": 0,
}
# Every rater gives a measure the same level in every rated criterion.
LEVELS = {RADWEG: 5, PORTAL: 3, SENSOREN: 1}
# Stored weights: ratings dominate (Radschnellweg 83,33 · Bürgerportal 55,27 · Klimasensoren 16,67 points).
STORED_ORDER = [RADWEG, PORTAL, SENSOREN]
# What-if with "Kosten" at 100 points: Bürgerportal 71,09 · Klimasensoren 66,67 · Radschnellweg 33,33 points.
WHAT_IF_ORDER = [PORTAL, SENSOREN, RADWEG]


@pytest.fixture
def measures(beckum):
    """Three candidate measures with very different costs, and one finished measure that is no candidate."""
    town = beckum["town"]
    mobility = ActionField.objects.get(network=beckum["network"], slug="mobilitaet")
    specs = [
        (RADWEG, MeasureStatus.PLANNED, "500000"),
        (PORTAL, MeasureStatus.IDEA, "100000"),
        (SENSOREN, MeasureStatus.PLANNED, "10000"),
        ("Stadtfest-App", MeasureStatus.DONE, "2000"),
    ]
    return {
        title: measure_create(
            actor=None,
            municipality=town,
            data={
                "title": title,
                "action_field": mobility,
                "status": status,
                "investment_cost": Decimal(cost),
                "running_cost": Decimal(0),
            },
        )
        for title, status, cost in specs
    }


@pytest.fixture
def editor(beckum):
    return member(beckum["town"], Role.EDITOR, email="redaktion@example.org", name="Eda Redaktion")


def rate(rating_round, rater, measure, level: int) -> None:
    criteria = Criterion.objects.filter(municipality=rating_round.municipality, name__in=RATED)
    prioritisation_services.ratings_save(
        actor=rater, rating_round=rating_round, measure=measure, values={c.pk: level for c in criteria}
    )


def ranked_titles(page) -> list[str]:
    return page.locator("#rangfolge-ergebnis table.ranking-table tbody th[scope=row] a").all_inner_texts()


def stored_weights(town) -> dict[str, int]:
    return dict(Criterion.objects.filter(municipality=town).values_list("name", "weight"))


def test_prioritisation_walk_from_criteria_to_frozen_catalogue(new_page, live_server, beckum, measures, editor):
    base = live_server.url
    town, coordinator = beckum["town"], beckum["coordinator"]
    area = f"{base}/arbeitsbereich/beckum/priorisierung"
    page = new_page()
    login(page, base, "koordination@example.org")

    # 1. Adopt the network's criteria template, then set the weights.
    page.goto(f"{area}/kriterien/")
    expect(page.get_by_text("Noch keine Kriterien.")).to_be_visible()
    assert_accessible(page, "criteria page without criteria")
    page.get_by_role("button", name="Vorlage des Netzwerks übernehmen").click()
    expect(page.locator(".messages")).to_contain_text("8 Kriterien aus der Vorlage des Netzwerks übernommen.")
    assert Criterion.objects.filter(municipality=town).count() == 8
    for name, points in WEIGHTS.items():
        page.get_by_label(f"Gewicht von „{name}“ in Punkten").fill(str(points))
    page.get_by_role("button", name="Gewichte speichern").click()
    expect(page.locator(".messages")).to_contain_text("Gewichte gespeichert.")
    assert stored_weights(town) == WEIGHTS
    dringlichkeit = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name=re.compile("^Dringlichkeit")))
    expect(dringlichkeit.get_by_role("cell").nth(3)).to_have_text("50,0 %")  # 30 of 60 points
    assert_accessible(page, "criteria page with weights")

    # 2. Open a rating round: the candidates are preselected; invite the coordinator and the editor.
    page.goto(f"{area}/runden/neu/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Bewertungsrunde eröffnen")
    for title in STORED_ORDER:
        expect(page.get_by_role("checkbox", name=re.compile(rf"^{title} \("))).to_be_checked()
    expect(page.get_by_role("checkbox", name="Stadtfest-App (Abgeschlossen)")).not_to_be_checked()
    page.get_by_label(re.compile(r"^Titel")).fill("Priorisierung 2026")
    page.get_by_role("checkbox", name=re.compile(r"^Kim Koordination")).check()
    page.get_by_role("checkbox", name=re.compile(r"^Eda Redaktion")).check()
    assert_accessible(page, "round form")
    page.get_by_role("button", name="Runde eröffnen").click()
    expect(page.locator(".messages")).to_contain_text("Bewertungsrunde „Priorisierung 2026“ eröffnet.")
    rating_round = RatingRound.objects.get(municipality=town)
    round_url = f"{area}/runden/{rating_round.pk}/"
    assert page.url == round_url
    assert {m.title for m in rating_round.measures.all()} == set(STORED_ORDER)
    assert set(rating_round.raters.all()) == {coordinator, editor}

    # The editor rates everything and the coordinator all but the Radschnellweg, behind the scenes.
    for title, level in LEVELS.items():
        rate(rating_round, editor, measures[title], level)
        if title != RADWEG:
            rate(rating_round, coordinator, measures[title], level)
    page.reload()
    progress = page.get_by_role("table", name=re.compile("^Eingeladene Personen"))
    expect(progress.get_by_role("row", name=re.compile("^Eda Redaktion"))).to_contain_text("3 von 3")
    expect(progress.get_by_role("row", name=re.compile("^Kim Koordination"))).to_contain_text("2 von 3")
    assert_accessible(page, "round detail")

    # 3. The coordinator rates the Radschnellweg through the form; htmx saves it in place.
    page.get_by_role("link", name="Bewerten", exact=True).click()
    expect(page.get_by_role("status").filter(has_text="Vollständig bewertet")).to_have_text(
        "Vollständig bewertet: 2 von 3 Maßnahmen."
    )
    assert_accessible(page, "own rating overview")
    page.get_by_role("link", name=re.compile(rf"^bewerten ?: {RADWEG}$")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"„{RADWEG}“ bewerten")
    assert_accessible(page, "rating form")
    rating_url = page.url
    for name in RATED:
        page.get_by_label(name, exact=True).select_option("5")
    with page.expect_response(lambda response: response.url == rating_url) as response_info:
        page.get_by_role("button", name="Speichern und weiter").click()
    assert response_info.value.ok
    htmx_settled(page)
    assert page.url == rating_url
    expect(page.locator("#bewertung").get_by_role("status")).to_contain_text("Gespeichert.")
    expect(page.locator("#live-status")).to_have_text(f"Bewertung von „{RADWEG}“ gespeichert.")
    expect(page.get_by_label("Dringlichkeit", exact=True)).to_have_value("5")
    # Keyboard users stay where they were: the swapped-in form keeps the focus on its button.
    expect(page.get_by_role("button", name="Speichern und weiter")).to_be_focused()
    own = Rating.objects.filter(rating_round=rating_round, rater=coordinator, measure=measures[RADWEG])
    assert sorted(own.values_list("value", flat=True)) == [5, 5, 5, 5]
    assert_accessible(page, "rating form after saving")

    # 4. The ranking explains its formula; the what-if slider re-ranks through htmx and stores nothing.
    page.goto(f"{area}/rangfolge/")
    method = page.locator("#methode")
    method.get_by_text("So wird gerechnet").click()
    expect(method).to_contain_text("Punktzahl = Σ Gewicht_k × normierter Wert_k")
    expect(method).to_contain_text("Gewicht_k = Punkte des Kriteriums ÷ Summe aller Punkte")
    assert ranked_titles(page) == STORED_ORDER
    assert_accessible(page, "ranking")
    slider = page.get_by_role("slider", name=re.compile(r"^Kosten"))
    expect(slider).to_have_value("10")
    with page.expect_response(lambda response: "/rangfolge/?" in response.url) as response_info:
        slider.focus()
        page.keyboard.press("End")
    assert response_info.value.ok
    assert response_info.value.request.headers.get("hx-request") == "true"
    htmx_settled(page)
    expect(slider).to_have_value("100")
    expect(slider).to_be_focused()
    # Screen readers hear the new order through the page's persistent live region.
    expect(page.locator("#live-status[role=status]")).to_contain_text(f"Platz 1: {PORTAL}")
    expect(page.get_by_role("status").filter(has_text="Was-wäre-wenn:")).to_contain_text("Gespeichert wird nichts.")
    expect(page.locator("#rangfolge-ergebnis table.ranking-table tbody th[scope=row]").first).to_contain_text(PORTAL)
    assert ranked_titles(page) == WHAT_IF_ORDER
    assert page.url == f"{area}/rangfolge/", "htmx swapped the result in place"
    assert stored_weights(town) == WEIGHTS, "the what-if must not change stored weights"
    assert_accessible(page, "ranking with what-if weights")

    # 5. Close the round: the catalogue is frozen with the stored weights.
    page.goto(round_url)
    page.get_by_role("link", name="Runde abschließen und Katalog festschreiben").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Runde „Priorisierung 2026“ abschließen")
    assert_accessible(page, "close round")
    page.get_by_role("button", name="Abschließen und festschreiben").click()
    expect(page.locator(".messages")).to_contain_text("Der priorisierte Maßnahmenkatalog ist festgeschrieben.")
    catalogue = Catalogue.objects.get(rating_round=rating_round)
    assert page.url == f"{area}/kataloge/{catalogue.pk}/"
    rating_round.refresh_from_db()
    assert rating_round.status == RoundStatus.CLOSED
    assert list(catalogue.entries.order_by("position").values_list("title", flat=True)) == STORED_ORDER
    expect(page.get_by_role("heading", level=1)).to_have_text("Priorisierter Maßnahmenkatalog: Priorisierung 2026")
    expect(page.get_by_text("Dieser Katalog ändert sich nicht mehr.")).to_be_visible()
    expect(page.locator(".facts")).to_contain_text("Eda Redaktion, Kim Koordination")
    assert ranked_titles_of_catalogue(page) == STORED_ORDER
    assert_accessible(page, "frozen catalogue")

    # Later changes to the weights leave the frozen catalogue as it was.
    kosten = Criterion.objects.get(municipality=town, name="Kosten")
    prioritisation_services.criteria_weights_save(
        actor=coordinator, municipality=town, weights={kosten.pk: 100}, versions={kosten.pk: kosten.version}
    )
    assert stored_weights(town)["Kosten"] == 100
    page.reload()
    assert ranked_titles_of_catalogue(page) == STORED_ORDER
    costs = page.get_by_role("table", name=re.compile("^Kriterien und Gewichte, wie sie")).get_by_role(
        "row", name=re.compile("^Kosten")
    )
    expect(costs.get_by_role("cell").nth(2)).to_have_text("10")
    assert Measure.objects.filter(municipality=town).count() == 4


def ranked_titles_of_catalogue(page) -> list[str]:
    return page.locator("table.ranking-table tbody th[scope=row] a").all_inner_texts()
