"""Writes for the strategy: questionnaire, assessment rounds, needs, vision, foci, goals, indicators.

Every function takes keyword arguments, runs in one transaction and leaves an audit entry. Input that breaks a
rule raises ValidationError with a German message (at a field where one fits); frozen objects refuse edits."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from vorort.core.audit import audit_changes, audit_record
from vorort.core.concurrency import lock_current
from vorort.core.models import AuditAction
from vorort.core.services import create_audited, delete_audited, update_audited
from vorort.network.models import ActionField, UserGroup

from .defaults import DEFAULT_QUESTIONS
from .models import (
    LEVELS,
    AssessmentAnswer,
    AssessmentQuestion,
    AssessmentRound,
    DroppedSuggestion,
    Focus,
    Goal,
    GuidingPrinciple,
    Indicator,
    Measurement,
    Need,
    RoundStatus,
    VisionState,
    VisionVersion,
)


def _actor_or_none(actor):
    return actor if actor is not None and actor.is_authenticated else None


def _check_same_network(network_id: int, **objects) -> None:
    """Action fields and user groups must belong to the municipality's network."""
    errors = {}
    for name, obj in objects.items():
        if obj is not None and obj.network_id != network_id:
            errors[name] = _("Bitte eine Auswahl aus Ihrem Netzwerk treffen.")
    if errors:
        raise ValidationError(errors)


# Questionnaire ------------------------------------------------------------------------------------------------


@transaction.atomic
def questionnaire_ensure_defaults(*, actor, network) -> int:
    """Give a network the default Reifegrad-Check once (24 questions); returns how many were created."""
    if AssessmentQuestion.objects.filter(network=network).exists():
        return 0
    fields = {f.slug: f for f in ActionField.objects.filter(network=network)}
    questions = []
    for slug, items in DEFAULT_QUESTIONS.items():
        action_field = fields.get(slug)
        if action_field is None:
            continue
        for order, item in enumerate(items, start=1):
            question = AssessmentQuestion(
                network=network,
                action_field=action_field,
                guideline=item.guideline,
                text=item.text,
                order=order,
                **{f"level_{level}": text for level, text in zip(LEVELS, item.levels, strict=True)},
            )
            question.full_clean(exclude=["network", "action_field"])
            questions.append(question)
    created = AssessmentQuestion.objects.bulk_create(questions)
    for question in created:
        audit_record(actor=actor, instance=question, action=AuditAction.CREATE)
    return len(created)


@transaction.atomic
def question_create(*, actor, network, action_field: ActionField, **fields: Any) -> AssessmentQuestion:
    _check_same_network(network.pk, action_field=action_field)
    if fields.get("order") is None:
        highest = AssessmentQuestion.objects.filter(network=network, action_field=action_field).aggregate(
            m=Max("order")
        )
        fields["order"] = (highest["m"] or 0) + 1
    return create_audited(
        actor=actor, instance=AssessmentQuestion(network=network, action_field=action_field, **fields)
    )


@transaction.atomic
def question_update(*, actor, question: AssessmentQuestion, data: dict[str, Any]) -> AssessmentQuestion:
    if "action_field" in data:
        _check_same_network(question.network_id, action_field=data["action_field"])
    return update_audited(actor=actor, instance=question, data=data)


# Assessment rounds --------------------------------------------------------------------------------------------


def frozen_round_message() -> str:
    return _(
        "Diese Runde ist abgeschlossen und kann nicht mehr geändert werden. Legen Sie für eine neue "
        "Einschätzung eine neue Runde an."
    )


def _ensure_draft(assessment_round: AssessmentRound) -> None:
    if assessment_round.status == RoundStatus.DONE:
        raise ValidationError(frozen_round_message(), code="frozen")


@transaction.atomic
def round_create(*, actor, municipality, title: str, conducted_on: datetime.date, notes: str = "") -> AssessmentRound:
    return create_audited(
        actor=actor,
        instance=AssessmentRound(municipality=municipality, title=title, conducted_on=conducted_on, notes=notes),
    )


@transaction.atomic
def round_update(
    *, actor, assessment_round: AssessmentRound, data: dict[str, Any], expected_version: int | None
) -> AssessmentRound:
    current = lock_current(assessment_round, expected_version)
    _ensure_draft(current)
    return update_audited(actor=actor, instance=current, data=data)


def _level_text(level: int | None) -> str | None:
    return None if level is None else _("Stufe %(level)s") % {"level": level}


@transaction.atomic
def round_answers_save(*, actor, assessment_round: AssessmentRound, answers: dict[int, dict[str, Any]]) -> int:
    """Store answers: question id -> {"level": 0–4 or None, "comment": str}; only given keys change.

    Returns the number of answers that changed. A completed round refuses."""
    current = lock_current(assessment_round, None)  # serialises saves against completion
    _ensure_draft(current)
    if not answers:
        return 0
    questions = {
        q.pk: q
        for q in AssessmentQuestion.objects.filter(
            network_id=current.municipality.network_id, pk__in=list(answers)
        ).select_related("action_field")
    }
    if set(answers) - set(questions):
        raise ValidationError(_("Die Frage gehört nicht zum Reifegrad-Check Ihres Netzwerks."))
    existing = {a.question_id: a for a in AssessmentAnswer.objects.filter(round=current, question_id__in=list(answers))}
    changes = []
    for question_id, values in answers.items():
        question = questions[question_id]
        answer = existing.get(question_id) or AssessmentAnswer(round=current, question=question)
        before_level, before_comment = answer.level, answer.comment
        if "level" in values:
            level = values["level"]
            if level is not None and level not in LEVELS:
                raise ValidationError(_("Die Stufe muss zwischen 0 und 4 liegen."))
            answer.level = level
        if "comment" in values:
            answer.comment = (values["comment"] or "").strip()
        if answer.pk and (answer.level, answer.comment) == (before_level, before_comment):
            continue
        if not answer.pk and answer.level is None and not answer.comment:
            continue
        answer.full_clean(exclude=["round", "question"])
        answer.save()
        label = f"{question.action_field.name}: {question.text[:80]}"
        if answer.level != before_level:
            changes.append(
                {
                    "field": f"answer_{question_id}",
                    "label": label,
                    "before": _level_text(before_level),
                    "after": _level_text(answer.level),
                }
            )
        if answer.comment != before_comment:
            changes.append(
                {
                    "field": f"comment_{question_id}",
                    "label": f"{label} – " + _("Anmerkung"),
                    "before": before_comment or None,
                    "after": answer.comment or None,
                }
            )
    if changes:
        audit_changes(actor=actor, instance=current, changes=changes)
    return len({change["field"].split("_", 1)[1] for change in changes})


@transaction.atomic
def round_complete(*, actor, assessment_round: AssessmentRound, expected_version: int | None = None) -> AssessmentRound:
    """Freeze the round. Every active question must have a level first."""
    current = lock_current(assessment_round, expected_version)
    _ensure_draft(current)
    answered = set(
        AssessmentAnswer.objects.filter(round=current, level__isnull=False).values_list("question_id", flat=True)
    )
    missing = [
        q
        for q in AssessmentQuestion.objects.filter(network_id=current.municipality.network_id, active=True)
        .select_related("action_field")
        .order_by("action_field__order", "order")
        if q.pk not in answered
    ]
    if missing:
        fields = ", ".join(dict.fromkeys(q.action_field.name for q in missing))
        raise ValidationError(
            ngettext(
                "Es ist noch %(count)d Frage offen (%(fields)s). Bitte beantworten Sie alle Fragen, bevor Sie "
                "die Runde abschließen.",
                "Es sind noch %(count)d Fragen offen (%(fields)s). Bitte beantworten Sie alle Fragen, bevor Sie "
                "die Runde abschließen.",
                len(missing),
            )
            % {"count": len(missing), "fields": fields},
            code="incomplete",
        )
    return update_audited(
        actor=actor, instance=current, data={"status": RoundStatus.DONE, "completed_at": timezone.now()}
    )


@transaction.atomic
def round_delete(*, actor, assessment_round: AssessmentRound) -> None:
    current = lock_current(assessment_round, None)
    _ensure_draft(current)
    delete_audited(actor=actor, instance=current)


# Needs --------------------------------------------------------------------------------------------------------


@transaction.atomic
def need_create(
    *,
    actor,
    municipality,
    title: str,
    action_field: ActionField,
    description: str = "",
    user_group: UserGroup | None = None,
    source: str = "",
    source_detail: str = "",
    weight: int = 3,
    recorded_on: datetime.date | None = None,
) -> Need:
    _check_same_network(municipality.network_id, action_field=action_field, user_group=user_group)
    need = Need(
        municipality=municipality,
        title=title,
        description=description,
        action_field=action_field,
        user_group=user_group,
        source_detail=source_detail,
        weight=weight,
        recorded_on=recorded_on,
    )
    if source:
        need.source = source
    return create_audited(actor=actor, instance=need)


@transaction.atomic
def need_update(*, actor, need: Need, data: dict[str, Any], expected_version: int | None) -> Need:
    _check_same_network(
        need.municipality.network_id, action_field=data.get("action_field"), user_group=data.get("user_group")
    )
    return update_audited(actor=actor, instance=need, data=data, expected_version=expected_version)


@transaction.atomic
def need_delete(*, actor, need: Need) -> None:
    delete_audited(actor=actor, instance=need)


# Vision -------------------------------------------------------------------------------------------------------


def frozen_vision_message() -> str:
    return _("Diese Fassung ist beschlossen und kann nicht mehr geändert werden. Legen Sie eine neue Fassung an.")


def _save_principles(*, actor, vision: VisionVersion, principles: dict[ActionField, str]) -> None:
    """Create, change or remove (empty text) the guiding principles and audit them on the vision."""
    _check_same_network(vision.municipality.network_id, **{f"principle_{f.pk}": f for f in principles})
    existing = {p.action_field_id: p for p in GuidingPrinciple.objects.filter(vision=vision)}
    changes = []
    for action_field, text in principles.items():
        text = (text or "").strip()
        principle = existing.get(action_field.pk)
        before = principle.text if principle else ""
        if text == before:
            continue
        if not text:
            principle.delete()
        else:
            principle = principle or GuidingPrinciple(vision=vision, action_field=action_field)
            principle.text = text
            principle.full_clean(exclude=["vision", "action_field"])
            principle.save()
        changes.append(
            {
                "field": f"principle_{action_field.slug}",
                "label": _("Leitsatz %(field)s") % {"field": action_field.name},
                "before": before or None,
                "after": text or None,
            }
        )
    if changes:
        audit_changes(actor=actor, instance=vision, changes=changes)


@transaction.atomic
def vision_create(
    *, actor, municipality, title: str, text: str, principles: dict[ActionField, str] | None = None
) -> VisionVersion:
    """The first version (or any new draft) of a municipality's vision."""
    number = (VisionVersion.objects.filter(municipality=municipality).aggregate(m=Max("number"))["m"] or 0) + 1
    vision = create_audited(
        actor=actor,
        instance=VisionVersion(
            municipality=municipality, number=number, title=title, text=text, author=_actor_or_none(actor)
        ),
    )
    _save_principles(actor=actor, vision=vision, principles=principles or {})
    return vision


@transaction.atomic
def vision_update(
    *,
    actor,
    vision: VisionVersion,
    data: dict[str, Any],
    principles: dict[ActionField, str] | None = None,
    expected_version: int | None,
) -> VisionVersion:
    current = lock_current(vision, expected_version)
    if current.is_frozen:
        raise ValidationError(frozen_vision_message(), code="frozen")
    current = update_audited(actor=actor, instance=current, data=data)
    _save_principles(actor=actor, vision=current, principles=principles or {})
    return current


@transaction.atomic
def vision_adopt(
    *,
    actor,
    vision: VisionVersion,
    adopted_on: datetime.date,
    resolution_number: str,
    expected_version: int | None,
) -> VisionVersion:
    """Entwurf → Beschlossen, with the date and the council's Drucksache. The version is frozen afterwards."""
    current = lock_current(vision, expected_version)
    if current.is_frozen:
        raise ValidationError(frozen_vision_message(), code="frozen")
    errors = {}
    if adopted_on is None:
        errors["adopted_on"] = _("Bitte das Datum des Beschlusses angeben.")
    elif adopted_on > timezone.localdate():
        errors["adopted_on"] = _("Das Beschlussdatum darf nicht in der Zukunft liegen.")
    if not (resolution_number or "").strip():
        errors["resolution_number"] = _("Bitte die Drucksache des Beschlusses angeben.")
    if errors:
        raise ValidationError(errors)
    return update_audited(
        actor=actor,
        instance=current,
        data={"state": VisionState.ADOPTED, "adopted_on": adopted_on, "resolution_number": resolution_number.strip()},
    )


@transaction.atomic
def vision_new_version(*, actor, municipality) -> VisionVersion:
    """Copy the latest version (text and principles) into a new draft; only when the latest is adopted."""
    latest = VisionVersion.objects.select_for_update().filter(municipality=municipality).order_by("-number").first()
    if latest is None:
        raise ValidationError(_("Es gibt noch keine Fassung, die kopiert werden könnte."))
    if not latest.is_frozen:
        raise ValidationError(
            _(
                "Fassung %(number)s ist noch ein Entwurf. Bearbeiten Sie diesen Entwurf, statt eine neue Fassung "
                "anzulegen."
            )
            % {"number": latest.number}
        )
    copies = {
        p.action_field: p.text for p in GuidingPrinciple.objects.filter(vision=latest).select_related("action_field")
    }
    return vision_create(
        actor=actor, municipality=municipality, title=latest.title, text=latest.text, principles=copies
    )


@transaction.atomic
def vision_delete(*, actor, vision: VisionVersion) -> None:
    current = lock_current(vision, None)
    if current.is_frozen:
        raise ValidationError(frozen_vision_message(), code="frozen")
    delete_audited(actor=actor, instance=current)


# Foci ---------------------------------------------------------------------------------------------------------


def _need_titles(needs: Iterable[Need]) -> str | None:
    titles = sorted(need.title for need in needs)
    return "; ".join(titles) if titles else None


def _set_needs(*, actor, focus: Focus, needs: Iterable[Need]) -> None:
    needs = list(needs)
    if any(need.municipality_id != focus.municipality_id for need in needs):
        raise ValidationError({"needs": _("Bitte nur Bedarfe Ihrer Kommune auswählen.")})
    before = list(focus.needs.all())
    if {n.pk for n in before} == {n.pk for n in needs}:
        return
    focus.needs.set(needs)
    audit_changes(
        actor=actor,
        instance=focus,
        changes=[
            {
                "field": "needs",
                "label": str(Focus._meta.get_field("needs").verbose_name),
                "before": _need_titles(before),
                "after": _need_titles(needs),
            }
        ],
    )


@transaction.atomic
def focus_create(
    *,
    actor,
    municipality,
    action_field: ActionField,
    title: str,
    description: str = "",
    rationale: str = "",
    needs: Iterable[Need] = (),
    suggested: bool = False,
    order: int | None = None,
) -> Focus:
    _check_same_network(municipality.network_id, action_field=action_field)
    if order is None:
        highest = Focus.objects.filter(municipality=municipality, action_field=action_field).aggregate(m=Max("order"))
        order = (highest["m"] or 0) + 1
    focus = create_audited(
        actor=actor,
        instance=Focus(
            municipality=municipality,
            action_field=action_field,
            title=title,
            description=description,
            rationale=rationale,
            suggested=suggested,
            order=order,
        ),
    )
    _set_needs(actor=actor, focus=focus, needs=needs)
    return focus


@transaction.atomic
def focus_update(
    *,
    actor,
    focus: Focus,
    data: dict[str, Any],
    needs: Iterable[Need] | None = None,
    expected_version: int | None,
) -> Focus:
    if "action_field" in data:
        _check_same_network(focus.municipality.network_id, action_field=data["action_field"])
    current = update_audited(actor=actor, instance=focus, data=data, expected_version=expected_version)
    if needs is not None:
        _set_needs(actor=actor, focus=current, needs=needs)
    return current


@transaction.atomic
def focus_delete(*, actor, focus: Focus) -> None:
    delete_audited(actor=actor, instance=focus)


@transaction.atomic
def suggestion_confirm(
    *,
    actor,
    municipality,
    suggestion,
    title: str | None = None,
    description: str = "",
    rationale: str | None = None,
    needs: Iterable[Need] | None = None,
) -> Focus:
    """Turn a suggestion (see selectors.suggestions_for) into a focus; unchanged values come from the suggestion."""
    action_field = suggestion.action_field
    if Focus.objects.filter(municipality=municipality, action_field=action_field, suggested=True).exists():
        raise ValidationError(_("Dieser Vorschlag wurde bereits übernommen."))
    if needs is None:
        needs = Need.objects.filter(municipality=municipality, action_field=action_field)
    return focus_create(
        actor=actor,
        municipality=municipality,
        action_field=action_field,
        title=title or suggestion.title,
        description=description,
        rationale=rationale if rationale is not None else suggestion.rationale,
        needs=needs,
        suggested=True,
    )


@transaction.atomic
def suggestion_drop(*, actor, municipality, suggestion) -> DroppedSuggestion:
    """Remember that this municipality does not want the suggestion; it is not offered again."""
    existing = DroppedSuggestion.objects.filter(municipality=municipality, action_field=suggestion.action_field).first()
    if existing is not None:
        return existing
    return create_audited(
        actor=actor,
        instance=DroppedSuggestion(
            municipality=municipality,
            action_field=suggestion.action_field,
            title=suggestion.title[:200],
            rationale=suggestion.rationale,
            dropped_by=_actor_or_none(actor),
        ),
    )


@transaction.atomic
def suggestion_restore(*, actor, dropped: DroppedSuggestion) -> None:
    """Offer a dropped suggestion again."""
    delete_audited(actor=actor, instance=dropped)


# Goals, indicators, measurements ------------------------------------------------------------------------------


@transaction.atomic
def goal_create(*, actor, focus: Focus, title: str, description: str = "", order: int | None = None) -> Goal:
    if order is None:
        order = (Goal.objects.filter(focus=focus).aggregate(m=Max("order"))["m"] or 0) + 1
    return create_audited(
        actor=actor,
        instance=Goal(municipality=focus.municipality, focus=focus, title=title, description=description, order=order),
    )


@transaction.atomic
def goal_update(*, actor, goal: Goal, data: dict[str, Any], expected_version: int | None) -> Goal:
    return update_audited(actor=actor, instance=goal, data=data, expected_version=expected_version)


@transaction.atomic
def goal_delete(*, actor, goal: Goal) -> None:
    delete_audited(actor=actor, instance=goal)


@transaction.atomic
def indicator_create(
    *,
    actor,
    goal: Goal,
    name: str,
    unit: str,
    baseline_value: Decimal,
    baseline_date: datetime.date,
    target_value: Decimal,
    target_date: datetime.date,
) -> Indicator:
    return create_audited(
        actor=actor,
        instance=Indicator(
            municipality=goal.municipality,
            goal=goal,
            name=name,
            unit=unit,
            baseline_value=baseline_value,
            baseline_date=baseline_date,
            target_value=target_value,
            target_date=target_date,
        ),
    )


@transaction.atomic
def indicator_update(*, actor, indicator: Indicator, data: dict[str, Any], expected_version: int | None) -> Indicator:
    return update_audited(actor=actor, instance=indicator, data=data, expected_version=expected_version)


@transaction.atomic
def indicator_delete(*, actor, indicator: Indicator) -> None:
    delete_audited(actor=actor, instance=indicator)


@transaction.atomic
def measurement_create(
    *, actor, indicator: Indicator, measured_on: datetime.date, value: Decimal, note: str = ""
) -> Measurement:
    if Measurement.objects.filter(indicator=indicator, measured_on=measured_on).exists():
        raise ValidationError(
            {
                "measured_on": _(
                    "Für diesen Tag gibt es schon einen Messwert. Löschen Sie ihn zuerst, um ihn zu ersetzen."
                )
            }
        )
    return create_audited(
        actor=actor,
        instance=Measurement(indicator=indicator, measured_on=measured_on, value=value, note=note),
        municipality=indicator.municipality,
    )


@transaction.atomic
def measurement_delete(*, actor, measurement: Measurement) -> None:
    delete_audited(actor=actor, instance=measurement, municipality=measurement.indicator.municipality)
