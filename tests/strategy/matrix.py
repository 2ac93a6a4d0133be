"""The strategy's URLs in the role × URL matrix (see tests/test_url_matrix.py)."""

import datetime
from decimal import Decimal

from vorort.strategy import selectors, services
from vorort.strategy.models import AssessmentQuestion

from ..matrix_support import ADMIN, EDIT, MANAGE, READ, Entry, town, town_and
from .support import draft_round, indicator, need


def _with_field(field: str, key: str | None = None):
    def kwargs(objects):
        result = {"slug": objects["municipality"].slug, "field": field}
        if key:
            result["pk"] = objects[key]
        return result

    return kwargs


ENTRIES = {
    # The network's questionnaire
    "strategy:question_list": Entry("network", ADMIN),
    "strategy:question_create": Entry("network", ADMIN),
    "strategy:question_defaults": Entry("network", ADMIN, method="post"),
    "strategy:question_edit": Entry("network", ADMIN, lambda o: {"pk": o["question"]}, names_object=True),
    # Assessment rounds
    "strategy:assessment": Entry("municipality", READ, town),
    "strategy:round_create": Entry("municipality", EDIT, town),
    "strategy:round_detail": Entry("municipality", READ, town_and("assessment_round")),
    "strategy:round_edit": Entry("municipality", EDIT, town_and("assessment_round")),
    "strategy:round_complete": Entry("municipality", EDIT, town_and("assessment_round")),
    "strategy:round_delete": Entry("municipality", EDIT, town_and("assessment_round")),
    "strategy:round_answer": Entry("municipality", EDIT, _with_field("mobilitaet", "assessment_round")),
    # Needs
    "strategy:need_list": Entry("municipality", READ, town),
    "strategy:need_create": Entry("municipality", EDIT, town),
    "strategy:need_edit": Entry("municipality", EDIT, town_and("need")),
    "strategy:need_delete": Entry("municipality", EDIT, town_and("need")),
    # Vision
    "strategy:vision": Entry("municipality", READ, town),
    "strategy:vision_create": Entry("municipality", EDIT, town),
    "strategy:vision_new_version": Entry("municipality", EDIT, town, method="post"),
    "strategy:vision_compare": Entry("municipality", READ, town),
    "strategy:vision_detail": Entry("municipality", READ, town_and("vision")),
    "strategy:vision_edit": Entry("municipality", EDIT, town_and("vision")),
    "strategy:vision_adopt": Entry("municipality", MANAGE, town_and("vision")),
    "strategy:vision_delete": Entry("municipality", EDIT, town_and("vision")),
    # Foci, suggestions, goals, indicators, measurements
    "strategy:focus_list": Entry("municipality", READ, town),
    "strategy:focus_create": Entry("municipality", EDIT, town),
    "strategy:focus_edit": Entry("municipality", EDIT, town_and("focus")),
    "strategy:focus_delete": Entry("municipality", EDIT, town_and("focus")),
    "strategy:suggestion_confirm": Entry("municipality", EDIT, _with_field("mobilitaet")),
    "strategy:suggestion_drop": Entry("municipality", EDIT, _with_field("mobilitaet"), method="post"),
    "strategy:suggestion_restore": Entry("municipality", EDIT, _with_field("verwaltung"), method="post"),
    "strategy:goal_create": Entry("municipality", EDIT, town_and("focus")),
    "strategy:goal_edit": Entry("municipality", EDIT, town_and("goal")),
    "strategy:goal_delete": Entry("municipality", EDIT, town_and("goal")),
    "strategy:indicator_create": Entry("municipality", EDIT, town_and("goal")),
    "strategy:indicator_detail": Entry("municipality", READ, town_and("indicator")),
    "strategy:indicator_edit": Entry("municipality", EDIT, town_and("indicator")),
    "strategy:indicator_delete": Entry("municipality", EDIT, town_and("indicator")),
    "strategy:measurement_create": Entry("municipality", EDIT, town_and("indicator")),
    "strategy:measurement_delete": Entry("municipality", EDIT, town_and("measurement")),
}


def objects(municipality, coordinator) -> dict:
    """A draft round, needs (a suggestion in Mobilität, a dropped one in Verwaltung), a vision draft, and a
    focus with goal, indicator and measurement."""
    assessment_round = draft_round(municipality, actor=coordinator)
    first_need = need(municipality, "mobilitaet", "Radweg zum Bahnhof", weight=5, actor=coordinator)
    need(municipality, "verwaltung", "Online-Terminvergabe", actor=coordinator)
    services.suggestion_drop(
        actor=coordinator, municipality=municipality, suggestion=selectors.suggestion_for(municipality, "verwaltung")
    )
    vision = services.vision_create(
        actor=coordinator, municipality=municipality, title="Smarte Stadt 2030", text="Wir verbinden Stadt und Land."
    )
    measured = indicator(municipality, actor=coordinator)
    measurement = services.measurement_create(
        actor=coordinator, indicator=measured, measured_on=datetime.date(2025, 6, 30), value=Decimal("90")
    )
    return {
        "question": AssessmentQuestion.objects.filter(network_id=municipality.network_id).first().pk,
        "assessment_round": assessment_round.pk,
        "need": first_need.pk,
        "vision": vision.pk,
        "focus": measured.goal.focus_id,
        "goal": measured.goal_id,
        "indicator": measured.pk,
        "measurement": measurement.pk,
    }
