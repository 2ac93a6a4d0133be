"""Helpers for the strategy tests: answered and completed assessment rounds, needs, indicators."""

from __future__ import annotations

import datetime
from collections import defaultdict
from decimal import Decimal

from vorort.network.models import ActionField
from vorort.strategy import services
from vorort.strategy.models import AssessmentQuestion, AssessmentRound, Need

SLUGS = ["mobilitaet", "nachhaltigkeit", "verwaltung", "wohnen", "wirtschaft", "zivilgesellschaft"]


def field(municipality, slug: str) -> ActionField:
    return ActionField.objects.get(network_id=municipality.network_id, slug=slug)


def questions_by_field(municipality) -> dict[str, list[AssessmentQuestion]]:
    result = defaultdict(list)
    questions = (
        AssessmentQuestion.objects.filter(network_id=municipality.network_id, active=True)
        .select_related("action_field")
        .order_by("action_field__order", "order", "id")
    )
    for question in questions:
        result[question.action_field.slug].append(question)
    return result


def answer(assessment_round: AssessmentRound, levels: dict | None = None, default: int | None = 2, actor=None) -> None:
    """Answer every active question: `levels` maps a field slug to one level or a list (one per question)."""
    levels = levels or {}
    answers = {}
    for slug, questions in questions_by_field(assessment_round.municipality).items():
        spec = levels.get(slug, default)
        if spec is None:
            continue
        values = spec if isinstance(spec, list) else [spec] * len(questions)
        for question, level in zip(questions, values, strict=False):
            answers[question.pk] = {"level": level}
    services.round_answers_save(actor=actor, assessment_round=assessment_round, answers=answers)


def draft_round(municipality, *, title="Bestandsaufnahme", on=datetime.date(2026, 3, 1), actor=None) -> AssessmentRound:
    return services.round_create(actor=actor, municipality=municipality, title=title, conducted_on=on)


def completed_round(
    municipality,
    levels: dict | None = None,
    *,
    default: int = 2,
    title="Runde",
    on=datetime.date(2026, 3, 1),
    actor=None,
) -> AssessmentRound:
    assessment_round = draft_round(municipality, title=title, on=on, actor=actor)
    answer(assessment_round, levels, default=default, actor=actor)
    return services.round_complete(actor=actor, assessment_round=assessment_round)


def need(municipality, slug: str, title: str, weight: int = 3, actor=None, **extra) -> Need:
    return services.need_create(
        actor=actor,
        municipality=municipality,
        title=title,
        action_field=field(municipality, slug),
        weight=weight,
        **extra,
    )


def indicator(municipality, *, actor=None, baseline="100", target="60", name="CO₂-Emissionen", unit="t"):
    focus = services.focus_create(
        actor=actor, municipality=municipality, action_field=field(municipality, "nachhaltigkeit"), title="Klima"
    )
    goal = services.goal_create(actor=actor, focus=focus, title="Emissionen senken")
    return services.indicator_create(
        actor=actor,
        goal=goal,
        name=name,
        unit=unit,
        baseline_value=Decimal(baseline),
        baseline_date=datetime.date(2024, 1, 1),
        target_value=Decimal(target),
        target_date=datetime.date(2030, 12, 31),
    )
