"""End-to-end: Reifegrad-Check round → suggested focus → a measure by hand → the Velbert list imported."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from vorort.measures.models import Measure
from vorort.strategy import services as strategy_services
from vorort.strategy.models import AssessmentQuestion, AssessmentRound, Focus, RoundStatus

from .axe import assert_accessible
from .conftest import login

pytestmark = pytest.mark.browser

SAMPLE = Path(__file__).resolve().parents[1] / "measures_io" / "data" / "beispiel-projektliste-velbert.xlsx"
IMPORTED = [
    "Digitaler Zwilling Innenstadt",
    "Schlüsselmuseum digital",
    "Quartiersbus Langenberg",
    "Klimasensoren an Schulen",
    "Wohnungsbörse Neviges",
    "Digitale Ehrenamtskarte",
]


@pytest.fixture
def data_dir(settings, tmp_path):
    """Uploads waiting for confirmation go to a temporary VORORT_DATA_DIR (the live server shares settings)."""
    settings.DATA_DIR = tmp_path
    return tmp_path


def answer_other_fields(assessment_round: AssessmentRound, *, skip: str, level: int, actor) -> None:
    """Every active question outside the action field `skip` gets `level` (a shortcut for the walk)."""
    questions = AssessmentQuestion.objects.filter(
        network_id=assessment_round.municipality.network_id, active=True
    ).exclude(action_field__slug=skip)
    strategy_services.round_answers_save(
        actor=actor, assessment_round=assessment_round, answers={q.pk: {"level": level} for q in questions}
    )


def test_strategy_walk_from_maturity_check_to_imported_measures(new_page, live_server, beckum, data_dir):
    base = live_server.url
    town, coordinator = beckum["town"], beckum["coordinator"]
    workspace = f"{base}/arbeitsbereich/beckum"
    page = new_page()
    login(page, base, "koordination@example.org")

    # 1. A new Reifegrad-Check round.
    page.goto(f"{workspace}/reifegrad-check/neu/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Neue Runde des Reifegrad-Checks")
    assert_accessible(page, "round form")
    page.get_by_label("Bezeichnung").fill("Bestandsaufnahme Frühjahr 2026")
    page.get_by_label("durchgeführt am").fill("2026-03-02")
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reifegrad-Check: Bestandsaufnahme Frühjahr 2026")
    expect(page.locator(".messages")).to_contain_text("Beantworten Sie nun die Fragen")
    assessment_round = AssessmentRound.objects.get(municipality=town)
    round_url = f"{workspace}/reifegrad-check/{assessment_round.pk}/"
    assert page.url == round_url

    # 2. Mobility is answered through the radio buttons, at level 1 for every question.
    page.get_by_role("link", name="Fragen beantworten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reifegrad-Check: Mobilität")
    questions = page.locator("fieldset[id^=frage-]")
    count = questions.count()
    assert count == AssessmentQuestion.objects.filter(action_field__slug="mobilitaet", active=True).count() > 0
    for index in range(count):
        questions.nth(index).get_by_role("radio", name=re.compile(r"^Stufe 1:")).check()
    questions.first.get_by_label("Anmerkung (optional)").fill("Radwegenetz lückenhaft")
    assert_accessible(page, "round answer form")
    page.get_by_role("button", name="Als Entwurf speichern").click()
    assert page.url == round_url
    expect(page.locator(".messages")).to_contain_text("Antworten zu Mobilität gespeichert (Entwurf).")
    expect(page.get_by_role("listitem").filter(has_text="Mobilität:")).to_contain_text(f"{count} von {count}")
    saved = assessment_round.answers.filter(question__action_field__slug="mobilitaet")
    assert sorted(saved.values_list("level", flat=True)) == [1] * count
    assert saved.filter(comment="Radwegenetz lückenhaft").count() == 1

    # The other five fields are answered behind the scenes (level 4: nothing to suggest there).
    answer_other_fields(assessment_round, skip="mobilitaet", level=4, actor=coordinator)
    page.reload()
    expect(page.get_by_text("Alle Fragen sind beantwortet.")).to_be_visible()

    # 3. Complete the round; the result page shows the radar chart and the table.
    page.get_by_role("link", name="Runde abschließen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Runde „Bestandsaufnahme Frühjahr 2026“ abschließen")
    assert_accessible(page, "complete round")
    page.get_by_role("button", name="Ja, Runde abschließen").click()
    assert page.url == round_url
    expect(page.get_by_text("Diese Runde ist abgeschlossen; ihre Antworten sind festgeschrieben.")).to_be_visible()
    expect(page.get_by_role("img", name=re.compile(r"^Reifegrad je Handlungsfeld"))).to_be_visible()
    mobility = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name="Mobilität", exact=True))
    expect(mobility.get_by_role("cell").nth(1)).to_contain_text("1,0")
    assessment_round.refresh_from_db()
    assert assessment_round.status == RoundStatus.DONE
    assert_accessible(page, "round result (radar chart)")

    # 4. The foci page suggests mobility, giving its reasons in German; the coordinator accepts.
    page.goto(f"{workspace}/schwerpunkte/")
    suggestion = page.locator("#vorschlaege article")
    expect(suggestion).to_have_count(1)
    title = "Reifegrad im Handlungsfeld Mobilität steigern"
    expect(suggestion.get_by_role("heading", level=3)).to_have_text(title)
    rationale = "Reifegrad Mobilität 1,0 von 4 (Lücke 3,0); keine Bedarfe erfasst"
    expect(suggestion).to_contain_text(f"Warum? {rationale}")
    assert_accessible(page, "foci page with suggestion")
    suggestion.get_by_role("button", name=re.compile(rf"^Übernehmen ?: {title}$")).click()
    expect(page.locator(".messages")).to_contain_text(f"Schwerpunkt „{title}“ übernommen.")
    expect(page.locator("#vorschlaege article")).to_have_count(0)
    focus = Focus.objects.get(municipality=town)
    assert (focus.title, focus.rationale, focus.suggested, focus.action_field.slug) == (
        title,
        rationale,
        True,
        "mobilitaet",
    )
    card = page.locator(f"#schwerpunkt-{focus.pk}")
    expect(card).to_contain_text("aus Vorschlag")
    expect(card).to_contain_text(f"Begründung: {rationale}")
    assert_accessible(page, "foci page after accepting")

    # 5. A measure through the form, with a German amount.
    page.goto(f"{workspace}/massnahmen/neu/")
    assert_accessible(page, "measure form")
    page.get_by_role("textbox", name=re.compile(r"^Titel")).fill("Radschnellweg zum Bahnhof")
    page.get_by_label(re.compile(r"^Handlungsfeld")).select_option(label="Mobilität")
    page.get_by_label(re.compile(r"^Status")).select_option(label="Geplant")
    page.get_by_label(re.compile(r"^Handlungsschwerpunkt")).select_option(label=title)
    page.get_by_label(re.compile(r"^Investitionskosten")).fill("12.500,00")
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Radschnellweg zum Bahnhof")
    expect(page.locator(".messages")).to_contain_text("Maßnahme „Radschnellweg zum Bahnhof“ angelegt.")
    measure = Measure.objects.get(municipality=town, title="Radschnellweg zum Bahnhof")
    assert page.url == f"{workspace}/massnahmen/{measure.pk}/"
    assert str(measure.investment_cost) == "12500.00"
    assert (measure.status, measure.action_field.slug, measure.focus_id) == ("geplant", "mobilitaet", focus.pk)
    expect(page.get_by_text("12.500,00 €")).to_be_visible()
    assert_accessible(page, "measure detail")

    # 6. Import the Velbert list: the dry run reports the counts and writes nothing until confirmed.
    page.goto(f"{workspace}/massnahmen/import/")
    assert_accessible(page, "import upload page")
    page.get_by_label("Datei").set_input_files(SAMPLE)
    page.get_by_role("button", name="Hochladen und Vorschau zeigen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Vorschau des Imports: beispiel-projektliste-velbert.xlsx"
    )
    summary = page.locator("section[aria-labelledby=h-summary] dl")
    expect(summary).to_contain_text("neu anzulegen6")
    expect(summary).to_contain_text("zu ändern0")
    expect(summary).to_contain_text("Zeilen mit Fehlern0")
    expect(page.get_by_text("Geprüft, noch nichts gespeichert.")).to_be_visible()
    assert Measure.objects.filter(municipality=town).count() == 1, "the dry run must not write"
    assert_accessible(page, "import preview")
    page.get_by_role("button", name="Jetzt importieren").click()
    expect(page.locator(".messages")).to_contain_text(
        "Import aus „beispiel-projektliste-velbert.xlsx“ abgeschlossen: 6 neu, 0 geändert, 0 unverändert."
    )
    assert Measure.objects.filter(municipality=town).count() == 7

    # 7. The list shows all seven.
    page.goto(f"{workspace}/massnahmen/")
    expect(page.locator(".result-count")).to_have_text("7 Maßnahmen")
    table = page.locator("table.measure-table")
    for name in ["Radschnellweg zum Bahnhof", *IMPORTED]:
        expect(table.get_by_role("link", name=name, exact=True)).to_be_visible()
    assert_accessible(page, "measure list")
