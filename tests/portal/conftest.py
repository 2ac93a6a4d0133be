"""A small network with published and internal content side by side; internal text carries the word SECRET."""

import datetime
from decimal import Decimal

import pytest

from tests.events.support import make_event
from tests.search.support import field, make_lesson, make_measure
from vorort.events.services import event_documentation_update
from vorort.measures.services import measure_milestone_create, measure_milestone_set_done, status_report_create
from vorort.strategy import services as strategy

SECRET = "Quasimodo"


@pytest.fixture
def portal(town_a, town_b, users):
    """Beckum (A) has an adopted vision; Billerbeck (B) only a draft. Both have public and internal content."""
    mobility = field(town_a)
    vision = strategy.vision_create(
        actor=None,
        municipality=town_a,
        title="Smartes Beckum 2030",
        text="Beckum verbindet Stadt und Land.",
        principles={mobility: "Wege kurz und sicher machen."},
    )
    vision = strategy.vision_adopt(
        actor=None,
        vision=vision,
        adopted_on=datetime.date(2025, 6, 1),
        resolution_number="DS 12/2025",
        expected_version=vision.version,
    )
    strategy.vision_create(actor=None, municipality=town_a, title=f"{SECRET} 2040", text=f"Entwurf {SECRET}.")
    need = strategy.need_create(actor=None, municipality=town_a, title=f"{SECRET}-Bedarf", action_field=mobility)
    focus = strategy.focus_create(
        actor=None,
        municipality=town_a,
        action_field=mobility,
        title="Radverkehr stärken",
        description="Alltagswege mit dem Rad.",
        rationale=f"Lücke im Check ({SECRET})",
        needs=[need],
    )
    goal = strategy.goal_create(actor=None, focus=focus, title="Mehr Radverkehr")
    indicator = strategy.indicator_create(
        actor=None,
        goal=goal,
        name="Radverkehrsanteil",
        unit="%",
        baseline_value=Decimal("10"),
        baseline_date=datetime.date(2024, 1, 1),
        target_value=Decimal("20"),
        target_date=datetime.date(2030, 1, 1),
    )
    strategy.measurement_create(
        actor=None, indicator=indicator, measured_on=datetime.date(2025, 1, 1), value=Decimal("15"), note=SECRET
    )

    radweg = make_measure(
        town_a,
        "Radweg zum Bahnhof",
        summary="Ein beleuchteter Radweg für Pendler.",
        description="Der Radweg verbindet die Ortsteile.",
        risks=f"Grunderwerb {SECRET}",
        groups=("Pendler*innen",),
        status="in_umsetzung",
        investment_cost=Decimal("250000"),
    )
    first = measure_milestone_create(
        actor=None, measure=radweg, title=f"{SECRET}-Meilenstein", due_date=datetime.date(2026, 1, 1)
    )
    measure_milestone_set_done(actor=None, milestone=first, done=True)
    measure_milestone_create(actor=None, measure=radweg, title="Bau", due_date=datetime.date(2027, 1, 1))
    status_report_create(
        actor=users["coordinator"],
        measure=radweg,
        reported_on=datetime.date(2026, 1, 1),
        traffic_light="gelb",
        text=SECRET,
    )
    internal = make_measure(
        town_a, f"{SECRET}-Radweg", summary=f"Interner Radweg {SECRET}", description=SECRET, public=False
    )
    make_lesson(town_a, "Früh mit Landwirten sprechen", "Grundstücke für den Radweg früh sichern.", measure=radweg)
    make_lesson(town_a, f"{SECRET}-Lektion", f"Zur internen Maßnahme {SECRET}.", measure=internal)
    make_lesson(town_a, f"{SECRET}-Notiz", f"Nur intern {SECRET}.", public=False)

    forum = make_event(
        municipality=town_a, title="Bürgerforum Radverkehr", is_public=True, description="Alle sind eingeladen."
    )
    event_documentation_update(
        actor=None, event=forum, data={"protocol": f"Protokoll {SECRET}"}, expected_version=forum.version
    )
    make_event(municipality=town_a, title=f"{SECRET}-Werkstatt", description=SECRET)

    strategy.vision_create(actor=None, municipality=town_b, title=f"{SECRET} Billerbeck", text=SECRET)
    strategy.focus_create(
        actor=None, municipality=town_b, action_field=field(town_b), title=f"{SECRET}-Schwerpunkt", description=SECRET
    )
    pendler = make_measure(
        town_b, "Radwege für Pendler", summary="Pendler fahren sicher zum Bahnhof.", groups=("Pendler*innen",)
    )
    make_measure(town_b, f"{SECRET} Bürgerbus", summary=SECRET, public=False)
    return {"radweg": radweg, "internal": internal, "pendler": pendler, "forum": forum, "vision": vision}
