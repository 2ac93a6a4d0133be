"""Handlungsschwerpunkte: suggestions from gaps and needs, confirm/edit/drop, foci, goals, indicators."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from vorort.core.models import AuditEntry
from vorort.strategy import selectors, services
from vorort.strategy.models import DroppedSuggestion, Focus, Goal, Indicator, Measurement

from .conftest import HUGE, assert_refused
from .support import completed_round, field, indicator, need

pytestmark = pytest.mark.django_db


def _url(name, **kwargs):
    return reverse(f"strategy:{name}", kwargs={"slug": "beckum", **kwargs})


@pytest.fixture
def gaps_and_needs(town_a):
    """Mobilität 1,3 (gap 2,7) with five needs of weight 18; Wohnen 2,0 without needs; Verwaltung 4,0 with two
    needs (weight 6); Nachhaltigkeit 3,0; Wirtschaft 3,5 (gap below 1); Zivilgesellschaft 4,0."""
    completed_round(
        town_a,
        {
            "mobilitaet": [1, 1, 1, 2],
            "nachhaltigkeit": 3,
            "verwaltung": 4,
            "wohnen": 2,
            "wirtschaft": [3, 4, 3, 4],
            "zivilgesellschaft": 4,
        },
    )
    for title, weight in [
        ("Radweg zum Bahnhof", 5),
        ("Carsharing am Markt", 4),
        ("Bus am Sonntag", 4),
        ("Ladesäulen", 3),
        ("Mitfahrbank", 2),
    ]:
        need(town_a, "mobilitaet", title, weight)
    need(town_a, "verwaltung", "Termine online", 3)
    need(town_a, "verwaltung", "Bürgerkonto", 3)


def test_suggestions_are_ranked_by_gap_and_need_weight(town_a, gaps_and_needs):
    suggestions = selectors.suggestions_for(town_a)
    assert [s.action_field.slug for s in suggestions] == ["mobilitaet", "wohnen", "verwaltung"]
    mobility, housing, administration = suggestions
    assert (mobility.score, mobility.gap, mobility.need_count, mobility.need_weight) == (
        Decimal("1.3"),
        Decimal("2.7"),
        5,
        18,
    )
    assert mobility.rationale == (
        "Reifegrad Mobilität 1,3 von 4 (Lücke 2,7); 5 Bedarfe mit Gewicht 18, u. a. „Radweg zum Bahnhof“, "
        "„Bus am Sonntag“"
    )
    assert mobility.title == "Mobilität: Radweg zum Bahnhof"
    assert housing.rationale == "Reifegrad Wohnen 2,0 von 4 (Lücke 2,0); keine Bedarfe erfasst"
    assert housing.title == "Reifegrad im Handlungsfeld Wohnen steigern"
    assert administration.rationale == (
        "Reifegrad Verwaltung 4,0 von 4 (Lücke 0,0); 2 Bedarfe mit Gewicht 6: „Bürgerkonto“, „Termine online“"
    )
    every = [s.action_field.slug for s in selectors.suggestions_for(town_a, limit=None)]
    assert every == ["mobilitaet", "wohnen", "verwaltung", "nachhaltigkeit"]  # Wirtschaft: gap 0,5, no needs


def test_suggestions_without_an_assessment(town_a, town_b):
    need(town_a, "wohnen", "Barrierefreie Wohnungen", 3)
    (only,) = selectors.suggestions_for(town_a)
    assert (
        only.rationale == "noch kein abgeschlossener Reifegrad-Check; 1 Bedarf mit Gewicht 3: „Barrierefreie Wohnungen“"
    )
    assert selectors.suggestions_for(town_b) == []


def test_confirming_a_suggestion_creates_the_focus_with_rationale_and_needs(login, users, town_a, gaps_and_needs):
    client = login(users["editor"])
    response = client.post(_url("suggestion_confirm", field="mobilitaet"), {"direkt": "1"})
    assert response.status_code == 302
    focus = Focus.objects.get()
    assert focus.suggested and focus.action_field.slug == "mobilitaet"
    assert focus.title == "Mobilität: Radweg zum Bahnhof"
    assert focus.rationale.startswith("Reifegrad Mobilität 1,3 von 4 (Lücke 2,7); 5 Bedarfe mit Gewicht 18")
    assert sorted(focus.needs.values_list("title", flat=True)) == [
        "Bus am Sonntag",
        "Carsharing am Markt",
        "Ladesäulen",
        "Mitfahrbank",
        "Radweg zum Bahnhof",
    ]
    assert AuditEntry.objects.filter(object_id=str(focus.pk), content_type__model="focus").count() == 2
    # A confirmed suggestion is not offered again; the next field moves up.
    assert [s.action_field.slug for s in selectors.suggestions_for(town_a)] == [
        "wohnen",
        "verwaltung",
        "nachhaltigkeit",
    ]
    assert client.get(_url("suggestion_confirm", field="mobilitaet")).status_code == 404
    html = client.get(_url("focus_list")).content.decode()
    assert "aus Vorschlag" in html and "Radweg zum Bahnhof" in html


def test_suggestion_can_be_edited_before_confirming(login, users, town_a, gaps_and_needs):
    client = login(users["editor"])
    url = _url("suggestion_confirm", field="verwaltung")
    form = client.get(url)
    assert form.status_code == 200
    assert form.context["form"].initial["rationale"].startswith("Reifegrad Verwaltung 4,0 von 4")
    keep = selectors.needs_of(town_a).get(title="Termine online")
    response = client.post(
        url, {"title": "Digitales Rathaus", "description": "", "rationale": "Viele fragen danach.", "needs": [keep.pk]}
    )
    assert response.status_code == 302
    focus = Focus.objects.get()
    assert (focus.title, focus.rationale, focus.suggested) == ("Digitales Rathaus", "Viele fragen danach.", True)
    assert list(focus.needs.all()) == [keep]
    bad = client.post(_url("suggestion_confirm", field="wohnen"), {"title": "", "rationale": HUGE})
    assert_refused(bad, "title", "zwingend erforderlich")
    assert Focus.objects.count() == 1


def test_dropped_suggestions_are_remembered_and_can_be_restored(login, users, town_a, gaps_and_needs):
    client = login(users["editor"])
    assert client.post(_url("suggestion_drop", field="mobilitaet")).status_code == 302
    dropped = DroppedSuggestion.objects.get()
    assert (dropped.municipality, dropped.action_field.slug, dropped.dropped_by) == (
        town_a,
        "mobilitaet",
        users["editor"],
    )
    assert dropped.rationale.startswith("Reifegrad Mobilität 1,3")
    assert "mobilitaet" not in [s.action_field.slug for s in selectors.suggestions_for(town_a, limit=None)]
    # Adding more needs does not bring it back.
    need(town_a, "mobilitaet", "Noch ein Radweg", 5)
    assert "mobilitaet" not in [s.action_field.slug for s in selectors.suggestions_for(town_a, limit=None)]
    html = client.get(_url("focus_list")).content.decode()
    assert "1 verworfener Vorschlag" in html
    assert client.post(_url("suggestion_drop", field="mobilitaet")).status_code == 404
    assert client.post(_url("suggestion_restore", field="mobilitaet")).status_code == 302
    assert selectors.suggestions_for(town_a)[0].action_field.slug == "mobilitaet"
    assert not DroppedSuggestion.objects.exists()


def test_focus_crud_links_needs_and_audits_them(login, users, town_a):
    first = need(town_a, "wohnen", "Barrierefreie Wohnungen", 3)
    second = need(town_a, "wohnen", "Quartierstreff", 2)
    client = login(users["editor"])
    data = {
        "title": "Wohnen im Alter",
        "action_field": field(town_a, "wohnen").pk,
        "description": "",
        "rationale": "Viele Ältere im Ortskern.",
        "needs": [first.pk],
        "order": "",
    }
    assert client.post(_url("focus_create"), data).status_code == 302
    focus = Focus.objects.get()
    assert (focus.suggested, list(focus.needs.all()), focus.order) == (False, [first], 1)
    data |= {"needs": [first.pk, second.pk], "version": focus.version}
    assert client.post(_url("focus_edit", pk=focus.pk), data).status_code == 302
    focus.refresh_from_db()
    assert focus.order == 1  # an empty order keeps the current one
    changes = [
        c for e in AuditEntry.objects.filter(object_id=str(focus.pk)) for c in e.changes if c["field"] == "needs"
    ]
    assert changes[0] == {
        "field": "needs",
        "label": "zugehörige Bedarfe",
        "before": "Barrierefreie Wohnungen",
        "after": "Barrierefreie Wohnungen; Quartierstreff",
    }
    assert_refused(client.post(_url("focus_create"), data | {"title": HUGE}), "title", "höchstens 200 Zeichen")
    assert client.post(_url("focus_delete", pk=focus.pk)).status_code == 302
    assert not Focus.objects.exists()


def test_focus_cannot_link_needs_of_another_town(login, users, town_a, town_b):
    foreign = need(town_b, "wohnen", "Fremder Bedarf")
    data = {"title": "X", "action_field": field(town_a, "wohnen").pk, "needs": [foreign.pk]}
    assert_refused(login(users["editor"]).post(_url("focus_create"), data), "needs", "gültige Auswahl")
    assert not Focus.objects.exists()


# Goals, indicators, measurements -------------------------------------------------------------------------------


def test_goals_indicators_and_measurements(login, users, town_a):
    focus = services.focus_create(
        actor=None, municipality=town_a, action_field=field(town_a, "nachhaltigkeit"), title="Klimaschutz"
    )
    client = login(users["editor"])
    assert client.post(_url("goal_create", pk=focus.pk), {"title": "CO₂ senken", "order": ""}).status_code == 302
    goal = Goal.objects.get()
    data = {
        "name": "CO₂-Emissionen",
        "unit": "t",
        "baseline_value": "1.250,5",
        "baseline_date": "2024-01-01",
        "target_value": "800",
        "target_date": "2030-12-31",
    }
    # German decimal comma (without thousands separator) is understood.
    data["baseline_value"] = "1250,5"
    assert client.post(_url("indicator_create", pk=goal.pk), data).status_code == 302
    measured = Indicator.objects.get()
    assert measured.baseline_value == Decimal("1250.50")
    url = _url("measurement_create", pk=measured.pk)
    assert client.post(url, {"measured_on": "2025-12-31", "value": "1025,25", "note": ""}).status_code == 302
    response = client.post(url, {"measured_on": "2025-12-31", "value": "1000", "note": ""})
    assert_refused(response, "measured_on", "Für diesen Tag gibt es schon einen Messwert")
    assert_refused(client.post(url, {"measured_on": "2025-02-29", "value": "1"}), "measured_on", "gültiges Datum")
    assert_refused(client.post(url, {"measured_on": "2025-03-01", "value": "viel"}), "value", "Zahl")
    assert Measurement.objects.count() == 1
    page = client.get(_url("indicator_detail", pk=measured.pk))
    html = page.content.decode()
    assert page.context["progress"] == 50  # 1250,5 → 1025,25 of the way to 800
    assert 'role="img"' in html and "Ausgangswert, Messwerte und Zielwert" in html
    assert "1.025,25 t" in html and "50&nbsp;%" in html
    measurement = Measurement.objects.get()
    assert client.post(_url("measurement_delete", pk=measurement.pk)).status_code == 302
    assert not Measurement.objects.exists()


@pytest.mark.parametrize(
    ("field_name", "value", "message"),
    [
        ("target_date", "2020-01-01", "nicht vor dem Datum des Ausgangswerts"),
        ("baseline_date", "2024-02-30", "gültiges Datum"),
        ("name", "", "zwingend erforderlich"),
        ("name", HUGE, "höchstens 200 Zeichen"),
        ("unit", HUGE, "höchstens 40 Zeichen"),
        ("target_value", "1" * 20, "Ziffern"),
    ],
)
def test_indicator_bad_input(login, users, town_a, field_name, value, message):
    goal = indicator(town_a).goal
    Indicator.objects.all().delete()
    data = {
        "name": "Radverkehrsanteil",
        "unit": "%",
        "baseline_value": "12",
        "baseline_date": "2024-01-01",
        "target_value": "25",
        "target_date": "2030-12-31",
        field_name: value,
    }
    assert_refused(login(users["editor"]).post(_url("indicator_create", pk=goal.pk), data), field_name, message)
    assert not Indicator.objects.exists()


def test_indicator_progress(town_a):
    co2 = indicator(town_a, baseline="100", target="60")  # a reduction: the target lies below the baseline
    assert co2.progress_for(None) is None
    assert co2.progress_for(Decimal("100")) == 0
    assert co2.progress_for(Decimal("80")) == 50
    assert co2.progress_for(Decimal("60")) == 100
    assert co2.progress_for(Decimal("50")) == 100  # beyond the target
    assert co2.progress_for(Decimal("120")) == 0  # worse than at the start
    cycling = indicator(town_a, baseline="12", target="25", name="Radverkehrsanteil", unit="%")
    assert cycling.progress_for(Decimal("18.5")) == 50
    assert cycling.progress_for(Decimal("10")) == 0
    flat = indicator(town_a, baseline="5", target="5", name="Gleich")
    assert (flat.progress_for(Decimal("5")), flat.progress_for(Decimal("4"))) == (100, 0)
    services.measurement_create(actor=None, indicator=co2, measured_on=datetime.date(2025, 1, 1), value=Decimal("90"))
    services.measurement_create(actor=None, indicator=co2, measured_on=datetime.date(2026, 1, 1), value=Decimal("70"))
    latest = selectors.indicator_in(town_a, co2.pk)
    assert (latest.latest_value, latest.latest_date) == (Decimal("70"), datetime.date(2026, 1, 1))
    assert latest.progress_for(latest.latest_value) == 75


def test_foci_page_query_count_does_not_grow(login, users, town_a, gaps_and_needs):
    client = login(users["viewer"])

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(_url("focus_list"))
        assert response.status_code == 200
        return len(queries)

    measured = indicator(town_a)
    services.measurement_create(
        actor=None, indicator=measured, measured_on=datetime.date(2025, 1, 1), value=Decimal("90")
    )
    small = count()
    needs = list(selectors.needs_of(town_a))
    for number in range(6):
        focus = services.focus_create(
            actor=None,
            municipality=town_a,
            action_field=field(town_a, ["wohnen", "wirtschaft"][number % 2]),
            title=f"Schwerpunkt {number}",
            needs=needs[: number + 1],
        )
        for goal_number in range(2):
            goal = services.goal_create(actor=None, focus=focus, title=f"Ziel {number}.{goal_number}")
            extra = services.indicator_create(
                actor=None,
                goal=goal,
                name=f"Indikator {number}.{goal_number}",
                unit="%",
                baseline_value=Decimal("10"),
                baseline_date=datetime.date(2024, 1, 1),
                target_value=Decimal("20"),
                target_date=datetime.date(2030, 1, 1),
            )
            for year in (2025, 2026):
                services.measurement_create(
                    actor=None, indicator=extra, measured_on=datetime.date(year, 1, 1), value=Decimal(year - 2010)
                )
    services.suggestion_drop(actor=None, municipality=town_a, suggestion=selectors.suggestion_for(town_a, "wohnen"))
    assert count() == small
    html = client.get(_url("focus_list")).content.decode()
    assert "Indikator 5.1" in html and "60&nbsp;%" in html  # latest value 16 on the way from 10 to 20
