"""The workspace overview (/arbeitsbereich/<slug>/): what a mayor sees at a glance, counted right, escaped,
charted as well-formed SVG, and with helpful empty states."""

from __future__ import annotations

import datetime
import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from vorort.core.charts import Bar, Series, bar_chart, stacked_bar_chart
from vorort.measures.models import Measure, MeasureMilestone, MeasureStatus, StatusReport, TrafficLight
from vorort.network.models import ActionField
from vorort.network.overview import workspace_overview
from vorort.process.models import Milestone, Phase, PhaseStatus
from vorort.strategy.models import Focus, Goal, Indicator, Measurement, VisionState, VisionVersion

from ..factories import MilestoneFactory
from ..strategy.support import completed_round

pytestmark = pytest.mark.django_db

NS = "{http://www.w3.org/2000/svg}"
HOSTILE = '<script>alert("x")</script>&amp; <b onmouseover="x">\'"'
TODAY = timezone.localdate()
PAST = TODAY - datetime.timedelta(days=20)
SOON = TODAY + datetime.timedelta(days=10)


def url(town) -> str:
    return reverse("network:workspace", kwargs={"slug": town.slug})


def fields_of(town) -> dict[str, ActionField]:
    return {f.slug: f for f in ActionField.objects.filter(network_id=town.network_id)}


def svgs(html: str) -> list[ET.Element]:
    return [ET.fromstring(markup) for markup in re.findall(r"<svg\b.*?</svg>", html, re.S)]


def assert_safe_svg(root: ET.Element) -> None:
    for element in root.iter():
        assert element.tag.replace(NS, "") not in {"script", "foreignObject", "style"}
        assert "style" not in element.attrib
        assert not any(name.lower().startswith("on") for name in element.attrib)
        for name in ("fill", "stroke"):
            value = element.get(name)
            assert (
                value is None
                or value == "none"
                or re.fullmatch(r"#[0-9a-f]{6}", value)
                or re.fullmatch(r"url\(#chart-[\w-]+\)", value)
            ), value


def measure(town, field, status, title=None, **extra) -> Measure:
    return Measure.objects.create(
        municipality=town, title=title or f"{field.name} {status}", action_field=field, status=status, **extra
    )


@pytest.fixture
def filled(town_a, town_b):
    """Beckum with phases, vision, a completed Reifegrad-Check, foci, indicators, measures, milestones, reports;
    Billerbeck with a measure that must not show up in Beckum."""
    fields = fields_of(town_a)
    phases = list(Phase.objects.filter(process__municipality=town_a).order_by("definition__order"))
    for number, phase in enumerate(phases):
        phase.status = PhaseStatus.DONE if number < 4 else PhaseStatus.RUNNING if number == 4 else PhaseStatus.OPEN
        phase.save()
    VisionVersion.objects.create(
        municipality=town_a,
        number=1,
        title="Smarte Stadt 2030",
        text="…",
        state=VisionState.ADOPTED,
        adopted_on=datetime.date(2026, 3, 1),
        resolution_number="2026/017",
    )
    VisionVersion.objects.create(municipality=town_a, number=2, title="Smarte Stadt 2035", text="…")
    completed_round(town_a, {"mobilitaet": 3}, default=2, title="Bestandsaufnahme 2026")

    mobility, housing, admin = fields["mobilitaet"], fields["wohnen"], fields["verwaltung"]
    focus = Focus.objects.create(municipality=town_a, action_field=mobility, title="Mobilität im Quartier")
    Focus.objects.create(municipality=town_a, action_field=mobility, title="Radverkehr", order=2)
    Focus.objects.create(municipality=town_a, action_field=housing, title="Quartiere digital")
    goal = Goal.objects.create(municipality=town_a, focus=focus, title="Mehr Wege mit dem Rad")
    Goal.objects.create(municipality=town_a, focus=focus, title="Weniger Autoverkehr", order=1)
    indicator = Indicator.objects.create(
        municipality=town_a,
        goal=goal,
        name="CO₂-Emissionen Verkehr",
        unit="t",
        baseline_value=Decimal(100),
        baseline_date=datetime.date(2024, 1, 1),
        target_value=Decimal(60),
        target_date=datetime.date(2030, 12, 31),
    )
    Measurement.objects.create(indicator=indicator, measured_on=datetime.date(2025, 1, 1), value=Decimal(90))
    Measurement.objects.create(indicator=indicator, measured_on=datetime.date(2026, 1, 1), value=Decimal(82))
    Indicator.objects.create(
        municipality=town_a,
        goal=goal,
        name="Radverkehrsanteil",
        unit="%",
        baseline_value=Decimal(12),
        baseline_date=datetime.date(2024, 1, 1),
        target_value=Decimal(25),
        target_date=datetime.date(2030, 12, 31),
    )

    planned_1 = measure(town_a, mobility, MeasureStatus.PLANNED, "Mobilstation am Bahnhof", focus=focus)
    measure(town_a, mobility, MeasureStatus.PLANNED, "Carsharing", focus=focus)
    running = measure(town_a, mobility, MeasureStatus.IN_PROGRESS, "Radweg Nord")
    idea = measure(town_a, housing, MeasureStatus.IDEA, "Smarte Quartiersheizung")
    rejected = measure(town_a, admin, MeasureStatus.REJECTED, "Verworfene App")
    measure(town_b, fields_of(town_b)["mobilitaet"], MeasureStatus.PLANNED, "Billerbecker Geheimprojekt")

    MilestoneFactory(municipality=town_a, title="Auftaktworkshop durchführen", due_date=PAST)
    MilestoneFactory(municipality=town_a, title="Lenkungsgruppe einberufen", due_date=SOON)
    MilestoneFactory(municipality=town_a, title="Längst erledigt", due_date=PAST, done=True)
    MeasureMilestone.objects.create(measure=running, title="Ausschreibung Radweg", due_date=PAST)
    MeasureMilestone.objects.create(measure=planned_1, title="Förderantrag stellen", due_date=SOON)
    MeasureMilestone.objects.create(measure=rejected, title="Nie wieder fällig", due_date=PAST)

    older, newer = datetime.date(2026, 1, 1), datetime.date(2026, 2, 1)
    StatusReport.objects.create(measure=planned_1, reported_on=older, traffic_light=TrafficLight.RED, text="alt")
    StatusReport.objects.create(measure=planned_1, reported_on=newer, traffic_light=TrafficLight.GREEN, text="ok")
    StatusReport.objects.create(
        measure=running, reported_on=newer, traffic_light=TrafficLight.RED, text="Baufirma insolvent"
    )
    StatusReport.objects.create(
        measure=idea, reported_on=older, traffic_light=TrafficLight.YELLOW, text="Partner fehlt"
    )
    StatusReport.objects.create(measure=rejected, reported_on=newer, traffic_light=TrafficLight.RED, text="egal")
    return {"fields": fields, "focus": focus, "indicator": indicator, "running": running, "idea": idea}


# The selector --------------------------------------------------------------------------------------------------


def test_overview_counts(town_a, filled):
    overview = workspace_overview(town_a, today=TODAY)

    assert (overview.process.position, overview.process.total, overview.process.done) == (5, 8, 4)
    assert overview.vision.adopted.title == "Smarte Stadt 2030"
    assert overview.vision.draft_pending.number == 2
    assert overview.assessment.round.title == "Bestandsaufnahme 2026"
    assert overview.assessment.overall == Decimal("2.2")  # (3 + 5 × 2) / 6

    matrix = overview.measures
    assert matrix.total == 5  # Billerbeck's measure is not counted
    rows = {row.action_field.slug: (dict(row.counts), row.total) for row in matrix.rows}
    assert rows["mobilitaet"][0]["geplant"] == 2 and rows["mobilitaet"][0]["in_umsetzung"] == 1
    assert rows["mobilitaet"][1] == 3
    assert rows["wohnen"][1] == 1 and rows["verwaltung"][1] == 1 and rows["wirtschaft"][1] == 0
    assert len(matrix.rows) == 6  # every action field, also those without measures
    totals = {status.value: status.total for status in matrix.statuses}
    assert totals == {
        **dict.fromkeys(MeasureStatus.values, 0),
        "geplant": 2,
        "in_umsetzung": 1,
        "idee": 1,
        "verworfen": 1,
    }

    groups = {group.action_field.slug: group.foci for group in overview.foci}
    assert list(groups) == ["mobilitaet", "wohnen"]
    first = groups["mobilitaet"][0]
    assert (first.title, first.goal_count, first.measure_count) == ("Mobilität im Quartier", 2, 2)
    assert [f.slug for f in overview.fields_without_focus] == [
        "nachhaltigkeit",
        "verwaltung",
        "wirtschaft",
        "zivilgesellschaft",
    ]

    assert overview.indicator_total == 2
    progress = {row.indicator.name: row.progress for row in overview.indicators}
    assert progress == {"CO₂-Emissionen Verkehr": 45, "Radverkehrsanteil": None}  # 100 → 82 of 100 → 60

    deadlines = overview.deadlines
    # The process milestone and the running measure's; not the done one, not the rejected measure's.
    assert [item.milestone.title for item in deadlines.overdue] == [
        "Auftaktworkshop durchführen",
        "Ausschreibung Radweg",
    ]
    assert (deadlines.overdue_total, deadlines.overdue_process, deadlines.overdue_measures) == (2, 1, 1)
    assert [item.milestone.title for item in deadlines.upcoming] == [
        "Lenkungsgruppe einberufen",
        "Förderantrag stellen",
    ]

    lights = overview.lights
    # Latest report per active measure: green (the old red one is history), red, yellow; not the rejected one.
    assert lights.counts == [
        ("rot", "rot – gefährdet", 1),
        ("gelb", "gelb – Verzug oder Risiko", 1),
        ("gruen", "grün – im Plan", 1),
    ]
    assert [r.measure.title for r in lights.flagged] == ["Radweg Nord", "Smarte Quartiersheizung"]
    assert lights.flagged_total == 2


def test_only_the_first_ten_indicators_are_listed(town_a, filled):
    for number in range(11):
        Indicator.objects.create(
            municipality=town_a,
            goal=filled["focus"].goals.first(),
            name=f"Indikator {number:02d}",
            unit="Anzahl",
            baseline_value=Decimal(0),
            baseline_date=datetime.date(2024, 1, 1),
            target_value=Decimal(10),
            target_date=datetime.date(2030, 1, 1),
        )
    overview = workspace_overview(town_a)
    assert overview.indicator_total == 13
    assert len(overview.indicators) == 10


def test_overdue_list_is_capped_but_counts_everything(town_a, filled):
    MeasureMilestone.objects.bulk_create(
        MeasureMilestone(measure=filled["running"], title=f"Alt {n}", due_date=PAST - datetime.timedelta(days=n))
        for n in range(1, 15)
    )
    deadlines = workspace_overview(town_a).deadlines
    assert len(deadlines.overdue) == 10
    assert deadlines.overdue_total == 16
    assert deadlines.overdue[0].milestone.title == "Alt 14"  # the oldest first


# The page ------------------------------------------------------------------------------------------------------


def test_page_shows_phase_vision_and_assessment(client_for, users, town_a, filled):
    html = client_for(users["viewer"]).get(url(town_a)).content.decode()
    assert "Phase 5 von 8" in html and "<strong>Strategie &amp; Maßnahmen</strong>" in html
    assert "4 von 8 Phasen abgeschlossen" in html
    assert '<progress id="phase-progress" class="overview-progress" max="8" value="4">' in html
    assert "„Smarte Stadt 2030“" in html
    assert "am 1. März 2026" in html and "2026/017" in html
    assert "Neue Fassung 2 im Entwurf." in html
    assert "Im Mittel 2,2 von 4" in html
    round_url = reverse("strategy:round_detail", kwargs={"slug": "beckum", "pk": filled_round_pk(town_a)})
    assert f'href="{round_url}"' in html
    assert 'aria-current="step"' in html


def filled_round_pk(town) -> int:
    return town.assessment_rounds.get().pk


def test_page_links_counts_to_the_filtered_measure_list(client_for, users, town_a, filled):
    html = client_for(users["coordinator"]).get(url(town_a)).content.decode()
    mobility = filled["fields"]["mobilitaet"]
    listing = reverse("measures:list", kwargs={"slug": "beckum"})
    hidden = '<span class="visually-hidden">'
    assert (
        f'<a href="{listing}?handlungsfeld={mobility.pk}&amp;status=geplant">2{hidden} – Mobilität, Geplant</span></a>'
        in html
    )
    assert f'<a href="{listing}?handlungsfeld={mobility.pk}">3{hidden} – Mobilität, alle</span></a>' in html
    assert f'<a href="{listing}?status=in_umsetzung">1{hidden} – alle Handlungsfelder, In Umsetzung</span></a>' in html
    assert f'<a href="{listing}">5{hidden} – alle Maßnahmen</span></a>' in html
    assert f"{listing}?schwerpunkt={filled['focus'].pk}" in html
    assert "Billerbecker Geheimprojekt" not in html


def test_the_list_links_really_filter(client_for, users, town_a, filled):
    """The parameters the overview uses are the ones the measure list understands."""
    mobility = filled["fields"]["mobilitaet"]
    client = client_for(users["coordinator"])
    response = client.get(
        reverse("measures:list", kwargs={"slug": "beckum"}), {"handlungsfeld": mobility.pk, "status": "geplant"}
    )
    titles = {m.title for m in response.context["page"].object_list}
    assert titles == {"Mobilstation am Bahnhof", "Carsharing"}


def test_page_shows_indicator_progress_deadlines_and_traffic_lights(client_for, users, town_a, filled):
    html = client_for(users["viewer"]).get(url(town_a)).content.decode()
    assert '<progress max="100" value="45" aria-hidden="true">45 %</progress> <span>45\u00a0%</span>' in html
    assert "82 t" in html and "60 t" in html and "(bis 31.12.2030; Ausgangswert 100 t)" in html
    assert "noch kein Messwert" in html
    assert "Auftaktworkshop durchführen" in html and "Ausschreibung Radweg" in html
    assert "Nie wieder fällig" not in html and "Längst erledigt" not in html
    assert html.count('<span class="badge overdue">überfällig</span>') == 2
    assert html.count("(seit 20 Tagen)") == 2 and html.count("(in 10 Tagen)") == 2
    assert "Ampel: rot – gefährdet" in html and "Ampel: gelb – Verzug oder Risiko" in html
    assert "Baufirma insolvent" in html
    measure_url = reverse("measures:measure", kwargs={"slug": "beckum", "pk": filled["running"].pk})
    assert f'href="{measure_url}#statusberichte"' in html
    assert f'href="{measure_url}#meilensteine"' in html


def test_chart_is_well_formed_accessible_svg(client_for, users, town_a, filled):
    html = client_for(users["viewer"]).get(url(town_a)).content.decode()
    (chart,) = svgs(html)
    assert chart.get("role") == "img"
    assert chart.get("aria-labelledby") == "chart-measures-by-field-title chart-measures-by-field-desc"
    assert chart.find(f"{NS}title").text == "Maßnahmen je Handlungsfeld nach Status"
    desc = chart.find(f"{NS}desc").text
    assert "Mobilität: insgesamt 3 (Geplant (2) 2; In Umsetzung (1) 1)." in desc
    assert "Wirtschaft: insgesamt 0." in desc
    texts = [t.text for t in chart.iter(f"{NS}text")]
    assert "Geplant (2)" in texts and "Verworfen (1)" in texts  # legend, only statuses that occur
    assert "Beschlossen (0)" not in texts
    assert_safe_svg(chart)


def test_hostile_titles_are_escaped(client_for, users, town_a, filled):
    field = filled["fields"]["wirtschaft"]
    field.name = HOSTILE
    field.save()
    hostile = measure(town_a, field, MeasureStatus.IN_PROGRESS, HOSTILE)
    Focus.objects.create(municipality=town_a, action_field=field, title=HOSTILE)
    Indicator.objects.filter(pk=filled["indicator"].pk).update(name=HOSTILE, unit=HOSTILE[:40])  # unit is varchar(40)
    MeasureMilestone.objects.create(measure=hostile, title=HOSTILE, due_date=PAST)
    Milestone.objects.filter(title="Lenkungsgruppe einberufen").update(title=HOSTILE)
    StatusReport.objects.create(measure=hostile, reported_on=TODAY, traffic_light=TrafficLight.RED, text=HOSTILE)
    VisionVersion.objects.filter(number=1).update(title=HOSTILE, resolution_number=HOSTILE)

    html = client_for(users["coordinator"]).get(url(town_a)).content.decode()

    assert "<script>alert" not in html
    assert 'onmouseover="x"' not in html
    assert html.count("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;") >= 8
    for chart in svgs(html):
        assert_safe_svg(chart)


def test_a_draft_vision_is_shown_as_draft(client_for, users, town_a):
    VisionVersion.objects.create(municipality=town_a, number=1, title="Smarte Stadt 2030", text="…")
    VisionVersion.objects.create(municipality=town_a, number=2, title="Smarte Stadt 2035", text="…")
    html = client_for(users["viewer"]).get(url(town_a)).content.decode()
    assert "„Smarte Stadt 2035“" in html and "Smarte Stadt 2030" not in html
    assert '<span class="badge status-laufend">Entwurf</span> Fassung 2, noch nicht beschlossen' in html
    assert "Beschlossen" not in html


def test_empty_municipality_shows_where_to_start(client_for, users, town_b):
    html = client_for(users["coordinator_b"]).get(url(town_b)).content.decode()
    assessment = reverse("strategy:assessment", kwargs={"slug": "billerbeck"})
    vision = reverse("strategy:vision", kwargs={"slug": "billerbeck"})
    assert f'Noch kein Reifegrad-Check – <a href="{assessment}">jetzt starten</a>' in html
    assert f'Noch keine Vision – <a href="{vision}">jetzt formulieren</a>' in html
    assert f'<a href="{reverse("measures:create", kwargs={"slug": "billerbeck"})}">erste Maßnahme anlegen</a>' in html
    assert f'<a href="{reverse("measures:import", kwargs={"slug": "billerbeck"})}">' in html
    assert "Noch keine Indikatoren" in html and "Ziele und Indikatoren festlegen" in html
    assert "Noch keine Handlungsschwerpunkte" in html and "Vorschläge ansehen" in html
    assert "Nichts überfällig." in html and "Noch keine Statusberichte." in html
    assert "So fangen Sie an" in html and "Team einladen" in html
    assert "Phase 1 von 8" in html and "0 von 8 Phasen abgeschlossen" in html
    assert "<svg" not in html


def test_empty_municipality_for_readers_points_to_pages_not_to_forms(client_for, users, town_a):
    html = client_for(users["viewer"]).get(url(town_a)).content.decode()
    assert "jetzt starten" not in html and "erste Maßnahme anlegen" not in html
    assert "Noch kein Reifegrad-Check abgeschlossen." in html
    assert f'<a href="{reverse("measures:list", kwargs={"slug": "beckum"})}">zur Maßnahmenliste</a>' in html
    assert "Team einladen" not in html


def test_team_and_recent_changes_stay(client_for, users, town_a, filled):
    html = client_for(users["coordinator"]).get(url(town_a)).content.decode()
    assert "Smart-City-Koordination" in html and users["coordinator"].display_name in html
    assert "Team verwalten und einladen" in html
    assert "Letzte Änderungen" in html


# The chart helpers -----------------------------------------------------------------------------------------------


def test_bar_chart_is_accessible_and_escaped():
    root = ET.fromstring(
        str(
            bar_chart(
                [Bar("Mobilität", 3, "#0b4f71"), Bar(HOSTILE, 0), Bar("Wohnen", None, 'red" onload="x')],
                title=HOSTILE,
                description="Zahl der Maßnahmen.",
                unit="Maßnahmen",
                chart_id="bars",
            )
        )
    )
    assert root.get("role") == "img"
    assert root.find(f"{NS}title").text == HOSTILE
    desc = root.find(f"{NS}desc").text
    assert desc.startswith("Zahl der Maßnahmen. Mobilität: 3 Maßnahmen.")
    assert "Wohnen: 0 Maßnahmen." in desc
    rects = list(root.iter(f"{NS}rect"))
    assert len(rects) == 1 and rects[0].get("fill") == "#0b4f71"
    assert_safe_svg(root)


def test_stacked_bar_chart_segments_differ_by_pattern_too():
    root = ET.fromstring(
        str(
            stacked_bar_chart(
                ["A", "B"],
                [Series("eins", [1, 2], "#0b4f71"), Series("zwei", [3, None]), Series(HOSTILE, [0, 4])],
                title="Test",
                chart_id="stack",
            )
        )
    )
    patterns = list(root.iter(f"{NS}pattern"))
    assert [p.get("id") for p in patterns] == ["chart-stack-pattern-1", "chart-stack-pattern-2"]
    fills = [r.get("fill") for r in root.iter(f"{NS}rect")]
    assert "url(#chart-stack-pattern-1)" in fills and "url(#chart-stack-pattern-2)" in fills
    desc = root.find(f"{NS}desc").text
    assert "A: insgesamt 4 (eins 1; zwei 3)." in desc
    assert f"B: insgesamt 6 (eins 2; {HOSTILE} 4)." in desc
    assert HOSTILE in [t.text for t in root.iter(f"{NS}text")]  # legend, escaped and parsed back
    assert_safe_svg(root)


def test_bar_charts_without_data_say_so():
    for markup in (bar_chart([]), stacked_bar_chart([], [])):
        root = ET.fromstring(str(markup))
        assert root.find(f"{NS}desc").text == "Keine Daten vorhanden."


def test_overview_selector_runs_fifteen_queries(django_assert_num_queries, town_a, filled):
    with django_assert_num_queries(15):
        workspace_overview(town_a)
