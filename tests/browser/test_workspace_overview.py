"""The workspace overview in Chromium: no serious axe violations with data and empty, readable without
JavaScript, numbers lead to the filtered measure list, and the print view drops the site chrome."""

import datetime
import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from vorort.measures.models import Measure, MeasureMilestone, MeasureStatus, StatusReport, TrafficLight
from vorort.network.models import ActionField
from vorort.process.models import Phase, PhaseStatus
from vorort.strategy.models import Focus, Goal, Indicator, Measurement, VisionState, VisionVersion

from ..factories import MilestoneFactory
from .axe import assert_accessible
from .conftest import login

pytestmark = pytest.mark.browser


@pytest.fixture
def overview_data(beckum):
    """Beckum in phase 5 with an adopted vision, foci, an indicator, measures in several statuses, an overdue
    milestone and red and yellow status reports."""
    town = beckum["town"]
    fields = {f.slug: f for f in ActionField.objects.filter(network=beckum["network"])}
    for number, phase in enumerate(Phase.objects.filter(process__municipality=town).order_by("definition__order")):
        phase.status = PhaseStatus.DONE if number < 4 else PhaseStatus.RUNNING if number == 4 else PhaseStatus.OPEN
        phase.save()
    VisionVersion.objects.create(
        municipality=town,
        number=1,
        title="Smarte Stadt 2030",
        text="Beckum ist vernetzt.",
        state=VisionState.ADOPTED,
        adopted_on=datetime.date(2026, 3, 1),
        resolution_number="2026/017",
    )
    focus = Focus.objects.create(municipality=town, action_field=fields["mobilitaet"], title="Mobilität im Quartier")
    goal = Goal.objects.create(municipality=town, focus=focus, title="Mehr Wege mit dem Rad")
    indicator = Indicator.objects.create(
        municipality=town,
        goal=goal,
        name="Radverkehrsanteil",
        unit="%",
        baseline_value=Decimal(12),
        baseline_date=datetime.date(2024, 1, 1),
        target_value=Decimal(32),
        target_date=datetime.date(2030, 12, 31),
    )
    Measurement.objects.create(indicator=indicator, measured_on=datetime.date(2026, 1, 1), value=Decimal(21))
    made = {}
    for slug, status, title in [
        ("mobilitaet", MeasureStatus.PLANNED, "Mobilstation am Bahnhof"),
        ("mobilitaet", MeasureStatus.PLANNED, "Carsharing im Quartier"),
        ("mobilitaet", MeasureStatus.IN_PROGRESS, "Radweg Nord"),
        ("verwaltung", MeasureStatus.DONE, "Online-Bürgerservice"),
        ("wohnen", MeasureStatus.IDEA, "Smarte Quartiersheizung"),
    ]:
        made[title] = Measure.objects.create(
            municipality=town, title=title, action_field=fields[slug], status=status, focus=focus
        )
    MilestoneFactory(municipality=town, title="Auftaktworkshop durchführen", due_date=datetime.date(2020, 3, 1))
    MeasureMilestone.objects.create(
        measure=made["Radweg Nord"], title="Ausschreibung Radweg", due_date=datetime.date(2021, 5, 1)
    )
    StatusReport.objects.create(
        measure=made["Radweg Nord"],
        reported_on=datetime.date(2026, 2, 1),
        traffic_light=TrafficLight.RED,
        text="Die Baufirma ist insolvent.",
    )
    StatusReport.objects.create(
        measure=made["Mobilstation am Bahnhof"],
        reported_on=datetime.date(2026, 2, 1),
        traffic_light=TrafficLight.YELLOW,
        text="Förderbescheid verzögert sich.",
    )
    return fields


def test_overview_with_data_is_accessible(page, live_server, beckum, overview_data):
    login(page, live_server.url, "koordination@example.org")
    page.goto(f"{live_server.url}/arbeitsbereich/beckum/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Beckum")
    expect(page.get_by_text("Phase 5 von 8")).to_be_visible()
    expect(page.get_by_role("img", name="Maßnahmen je Handlungsfeld nach Status")).to_be_visible()
    table = page.get_by_role("table", name=re.compile("Anzahl der Maßnahmen je Handlungsfeld"))
    expect(table.get_by_role("row", name=re.compile("^Mobilität"))).to_contain_text("3")
    expect(page.get_by_text("Ampel: rot – gefährdet")).to_be_visible()
    expect(page.get_by_text("Ampel: gelb – Verzug oder Risiko")).to_be_visible()
    expect(page.get_by_role("cell", name="45 %")).to_be_visible()
    assert_accessible(page, "workspace overview with data")


def test_empty_overview_is_accessible_and_says_where_to_start(page, live_server, beckum):
    login(page, live_server.url, "koordination@example.org")
    page.goto(f"{live_server.url}/arbeitsbereich/beckum/")
    expect(page.get_by_role("heading", name="So fangen Sie an")).to_be_visible()
    page.get_by_role("link", name="jetzt starten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reifegrad-Check")
    page.go_back()
    assert_accessible(page, "empty workspace overview")


def test_counts_lead_to_the_filtered_list_without_javascript(new_page, live_server, beckum, overview_data):
    page = new_page(java_script_enabled=False)
    login(page, live_server.url, "koordination@example.org")
    page.goto(f"{live_server.url}/arbeitsbereich/beckum/")
    table = page.get_by_role("table", name=re.compile("Anzahl der Maßnahmen je Handlungsfeld"))
    row = table.get_by_role("row", name=re.compile("^Mobilität"))
    row.get_by_role("link", name="2 – Mobilität, Geplant").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Maßnahmen")
    expect(page.get_by_text("2 von 5 Maßnahmen passen zu den Filtern.")).to_be_visible()
    expect(page.get_by_role("rowheader", name=re.compile("Mobilstation am Bahnhof"))).to_be_visible()
    expect(page.get_by_role("rowheader", name=re.compile("Radweg Nord"))).to_have_count(0)


def test_print_view_drops_navigation_and_keeps_the_overview(page, live_server, beckum, overview_data):
    login(page, live_server.url, "koordination@example.org")
    page.goto(f"{live_server.url}/arbeitsbereich/beckum/")
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.get_by_role("navigation", name="Arbeitsbereich")).to_be_hidden()
    expect(page.get_by_role("heading", name="Was Aufmerksamkeit braucht")).to_be_visible()
    expect(page.get_by_role("img", name="Maßnahmen je Handlungsfeld nach Status")).to_be_visible()
