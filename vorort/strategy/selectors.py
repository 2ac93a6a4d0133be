"""Reads for the strategy. Callers pass a municipality already scoped by `municipality_view` (or a network
from `network_admin_view`); every query here stays inside it. Query counts do not grow with the data."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, F, OuterRef, Prefetch, QuerySet, Subquery, Sum, Window
from django.db.models.functions import RowNumber
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from vorort.core.templatetags.vorort_format import format_number
from vorort.network.models import ActionField, Municipality, UserGroup, size_class_for

from .models import (
    AssessmentAnswer,
    AssessmentQuestion,
    AssessmentRound,
    DroppedSuggestion,
    Focus,
    Goal,
    Indicator,
    Measurement,
    Need,
    RoundStatus,
    VisionState,
    VisionVersion,
)

MAX_LEVEL = 4
ONE_DECIMAL = Decimal("0.1")
# An average is only shown if it hides every single municipality behind it.
MIN_PEERS = 2
MAX_SUGGESTIONS = 3
# A field is suggested if its gap is at least this large, or if needs were voiced in it.
MIN_GAP = Decimal(1)


def rounded(value: Decimal | None) -> Decimal | None:
    """A score as shown: one decimal, halves rounded up (1,25 → 1,3)."""
    return None if value is None else value.quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


def mean(values) -> Decimal | None:
    values = [Decimal(v) for v in values if v is not None]
    return sum(values, Decimal(0)) / len(values) if values else None


# Action fields ------------------------------------------------------------------------------------------------


def action_fields_for(municipality) -> list[ActionField]:
    return list(ActionField.objects.filter(network_id=municipality.network_id).order_by("order", "name"))


def action_field_by_slug(municipality, slug: str) -> ActionField:
    return get_object_or_404(ActionField, network_id=municipality.network_id, slug=slug)


def user_groups_for(municipality) -> QuerySet[UserGroup]:
    return UserGroup.objects.filter(network_id=municipality.network_id).order_by("order", "name")


# Questionnaire ------------------------------------------------------------------------------------------------


def questions_of(network) -> QuerySet[AssessmentQuestion]:
    return (
        AssessmentQuestion.objects.filter(network=network)
        .select_related("action_field")
        .order_by("action_field__order", "action_field__name", "order", "id")
    )


def question_in(network, pk: int) -> AssessmentQuestion:
    return get_object_or_404(questions_of(network), pk=pk)


def active_questions(network_id: int, action_field: ActionField | None = None) -> QuerySet[AssessmentQuestion]:
    questions = AssessmentQuestion.objects.filter(network_id=network_id, active=True).select_related("action_field")
    if action_field is not None:
        questions = questions.filter(action_field=action_field)
    return questions.order_by("action_field__order", "order", "id")


# Rounds and scores --------------------------------------------------------------------------------------------


def rounds_of(municipality) -> QuerySet[AssessmentRound]:
    return AssessmentRound.objects.filter(municipality=municipality).order_by("-conducted_on", "-id")


def round_in(municipality, pk: int) -> AssessmentRound:
    return get_object_or_404(
        AssessmentRound.objects.select_related("municipality__network"), municipality=municipality, pk=pk
    )


def latest_completed_round(municipality) -> AssessmentRound | None:
    return (
        AssessmentRound.objects.filter(municipality=municipality, status=RoundStatus.DONE)
        .order_by("-conducted_on", "-completed_at", "-id")
        .first()
    )


def answers_of(assessment_round: AssessmentRound, questions) -> dict[int, AssessmentAnswer]:
    ids = [question.pk for question in questions]
    return {
        answer.question_id: answer
        for answer in AssessmentAnswer.objects.filter(round=assessment_round, question_id__in=ids)
    }


def answers_in_order(assessment_round: AssessmentRound) -> QuerySet[AssessmentAnswer]:
    """Every stored answer of a round with its question and action field, in questionnaire order."""
    return (
        AssessmentAnswer.objects.filter(round=assessment_round)
        .exclude(level__isnull=True, comment="")
        .select_related("question__action_field")
        .order_by("question__action_field__order", "question__action_field__name", "question__order", "question_id")
    )


def field_means(round_ids) -> dict[int, dict[int, Decimal]]:
    """round id -> action field id -> mean answered level (unrounded), in one query."""
    round_ids = list(round_ids)
    result: dict[int, dict[int, Decimal]] = defaultdict(dict)
    if not round_ids:
        return result
    rows = (
        AssessmentAnswer.objects.filter(round_id__in=round_ids, level__isnull=False)
        .values("round_id", "question__action_field_id")
        .annotate(total=Sum("level"), count=Count("id"))
        .order_by()
    )
    for row in rows:
        result[row["round_id"]][row["question__action_field_id"]] = Decimal(row["total"]) / Decimal(row["count"])
    return result


def round_scores(assessment_round: AssessmentRound) -> dict[int, Decimal]:
    """Action field id -> score (mean level 0–4, one decimal) of one round; unanswered fields are missing."""
    return {
        field_id: rounded(value) for field_id, value in field_means([assessment_round.pk])[assessment_round.pk].items()
    }


def overall_score(means: dict[int, Decimal]) -> Decimal | None:
    """Mean over the action fields (each field counts the same), one decimal."""
    return rounded(mean(means.values()))


@dataclass
class FieldProgress:
    answered: int = 0
    total: int = 0

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.answered >= self.total


def answer_progress(assessment_round: AssessmentRound) -> dict[int, FieldProgress]:
    """Action field id -> answered / active questions in this round (two queries)."""
    progress: dict[int, FieldProgress] = defaultdict(FieldProgress)
    totals = (
        AssessmentQuestion.objects.filter(network_id=assessment_round.municipality.network_id, active=True)
        .values("action_field_id")
        .annotate(count=Count("id"))
        .order_by()
    )
    for row in totals:
        progress[row["action_field_id"]].total = row["count"]
    answered = (
        AssessmentAnswer.objects.filter(round=assessment_round, level__isnull=False, question__active=True)
        .values("question__action_field_id")
        .annotate(count=Count("id"))
        .order_by()
    )
    for row in answered:
        progress[row["question__action_field_id"]].answered = row["count"]
    return progress


@dataclass
class PeerAverages:
    """Averages of the other municipalities' latest completed rounds, per action field."""

    size_class_label: str
    network: dict[int, Decimal | None] = field(default_factory=dict)
    network_count: dict[int, int] = field(default_factory=dict)
    size_class: dict[int, Decimal | None] = field(default_factory=dict)
    size_class_count: dict[int, int] = field(default_factory=dict)
    towns_network: int = 0
    towns_size_class: int = 0


def peer_averages(municipality) -> PeerAverages:
    """Network and same-size-class averages from every *other* town's latest completed round: two queries.

    Each town counts once (the mean of its answers in that field). An average built from fewer than
    MIN_PEERS towns is withheld, so no single town's internal result can be read off."""
    latest = (
        AssessmentRound.objects.filter(municipality=OuterRef("pk"), status=RoundStatus.DONE)
        .order_by("-conducted_on", "-completed_at", "-id")
        .values("pk")[:1]
    )
    others = list(
        Municipality.objects.filter(network_id=municipality.network_id)
        .exclude(pk=municipality.pk)
        .annotate(latest_round=Subquery(latest))
        .filter(latest_round__isnull=False)
        .order_by()
        .values_list("population", "latest_round")
    )
    means = field_means(round_id for _population, round_id in others)
    own_class = municipality.size_class
    in_network: dict[int, list[Decimal]] = defaultdict(list)
    in_class: dict[int, list[Decimal]] = defaultdict(list)
    for population, round_id in others:
        same_class = size_class_for(population) == own_class
        for field_id, value in means.get(round_id, {}).items():
            in_network[field_id].append(value)
            if same_class:
                in_class[field_id].append(value)
    result = PeerAverages(
        size_class_label=str(own_class.label),
        towns_network=len(others),
        towns_size_class=sum(1 for population, _r in others if size_class_for(population) == own_class),
    )
    for source, averages, counts in (
        (in_network, result.network, result.network_count),
        (in_class, result.size_class, result.size_class_count),
    ):
        for field_id, values in source.items():
            counts[field_id] = len(values)
            averages[field_id] = rounded(mean(values)) if len(values) >= MIN_PEERS else None
    return result


@dataclass
class RoundResult:
    round: AssessmentRound
    scores: dict[int, Decimal | None]
    overall: Decimal | None


def completed_history(municipality) -> list[RoundResult]:
    """The town's completed rounds, oldest first, with their scores: two queries."""
    rounds = list(
        AssessmentRound.objects.filter(municipality=municipality, status=RoundStatus.DONE).order_by(
            "conducted_on", "completed_at", "id"
        )
    )
    means = field_means(r.pk for r in rounds)
    return [
        RoundResult(
            round=r,
            scores={field_id: rounded(value) for field_id, value in means.get(r.pk, {}).items()},
            overall=overall_score(means.get(r.pk, {})),
        )
        for r in rounds
    ]


def overall_by_round(rounds) -> dict[int, Decimal | None]:
    means = field_means(r.pk for r in rounds)
    return {r.pk: overall_score(means.get(r.pk, {})) for r in rounds}


# Needs --------------------------------------------------------------------------------------------------------


def needs_of(
    municipality,
    *,
    action_field: ActionField | None = None,
    user_group: UserGroup | None = None,
    source: str = "",
    min_weight: int | None = None,
) -> QuerySet[Need]:
    needs = Need.objects.filter(municipality=municipality).select_related("action_field", "user_group")
    if action_field is not None:
        needs = needs.filter(action_field=action_field)
    if user_group is not None:
        needs = needs.filter(user_group=user_group)
    if source:
        needs = needs.filter(source=source)
    if min_weight:
        needs = needs.filter(weight__gte=min_weight)
    return needs.order_by("-weight", "title", "id")


def need_in(municipality, pk: int) -> Need:
    return get_object_or_404(
        Need.objects.select_related("action_field", "user_group", "municipality"), municipality=municipality, pk=pk
    )


@dataclass
class NeedTotals:
    action_field: ActionField
    count: int
    weight: int


def need_totals(municipality, fields: list[ActionField]) -> list[NeedTotals]:
    """Number and summed weight of the needs per action field: one query."""
    rows = {
        row["action_field_id"]: row
        for row in Need.objects.filter(municipality=municipality)
        .values("action_field_id")
        .annotate(count=Count("id"), weight=Sum("weight"))
        .order_by()
    }
    return [NeedTotals(f, rows.get(f.pk, {}).get("count", 0), rows.get(f.pk, {}).get("weight", 0) or 0) for f in fields]


# Vision -------------------------------------------------------------------------------------------------------


def visions_of(municipality) -> QuerySet[VisionVersion]:
    return VisionVersion.objects.filter(municipality=municipality).select_related("author").order_by("-number")


def vision_in(municipality, pk: int) -> VisionVersion:
    return get_object_or_404(
        visions_of(municipality).select_related("municipality").prefetch_related("principles__action_field"),
        pk=pk,
    )


def current_vision(municipality) -> VisionVersion | None:
    """The latest adopted version: the vision in force."""
    return (
        VisionVersion.objects.filter(municipality=municipality, state=VisionState.ADOPTED)
        .prefetch_related("principles__action_field")
        .order_by("-number")
        .first()
    )


def principles_by_field(vision: VisionVersion | None, fields: list[ActionField]) -> list[tuple[ActionField, str]]:
    """(action field, principle text or "") for every field, using prefetched principles."""
    texts = {p.action_field_id: p.text for p in vision.principles.all()} if vision is not None else {}
    return [(f, texts.get(f.pk, "")) for f in fields]


# Foci, goals, indicators --------------------------------------------------------------------------------------


def indicators_with_latest() -> QuerySet[Indicator]:
    """Indicators annotated with their latest measurement (value and date)."""
    latest = Measurement.objects.filter(indicator=OuterRef("pk")).order_by("-measured_on", "-id")
    return Indicator.objects.annotate(
        latest_value=Subquery(latest.values("value")[:1]),
        latest_date=Subquery(latest.values("measured_on")[:1]),
    ).order_by("name", "id")


def foci_of(municipality) -> QuerySet[Focus]:
    """Foci with action field, needs, goals and indicators (latest value): four queries for any number."""
    goals = Goal.objects.order_by("order", "id").prefetch_related(
        Prefetch("indicators", queryset=indicators_with_latest())
    )
    return (
        Focus.objects.filter(municipality=municipality)
        .select_related("action_field")
        .prefetch_related(
            Prefetch("needs", queryset=Need.objects.select_related("action_field").order_by("-weight", "title")),
            Prefetch("goals", queryset=goals),
        )
        .order_by("action_field__order", "action_field__name", "order", "title", "id")
    )


def focus_in(municipality, pk: int) -> Focus:
    return get_object_or_404(
        Focus.objects.select_related("action_field", "municipality").prefetch_related("needs"),
        municipality=municipality,
        pk=pk,
    )


def goal_in(municipality, pk: int) -> Goal:
    return get_object_or_404(
        Goal.objects.select_related("focus__action_field", "municipality"), municipality=municipality, pk=pk
    )


def indicator_in(municipality, pk: int) -> Indicator:
    return get_object_or_404(
        indicators_with_latest().select_related("goal__focus__action_field", "municipality"),
        municipality=municipality,
        pk=pk,
    )


def measurements_of(indicator: Indicator) -> list[Measurement]:
    return list(Measurement.objects.filter(indicator=indicator).order_by("measured_on", "id"))


def measurement_in(municipality, pk: int) -> Measurement:
    return get_object_or_404(
        Measurement.objects.select_related("indicator__municipality"), indicator__municipality=municipality, pk=pk
    )


def needs_for_choice(municipality) -> QuerySet[Need]:
    return (
        Need.objects.filter(municipality=municipality)
        .select_related("action_field")
        .order_by("action_field__order", "-weight", "title")
    )


# Suggestions --------------------------------------------------------------------------------------------------


@dataclass
class Suggestion:
    """A candidate focus in one action field, with the reasons in words."""

    action_field: ActionField
    score: Decimal | None
    gap: Decimal | None
    need_count: int
    need_weight: int
    priority: Decimal
    top_needs: list[str] = field(default_factory=list)
    has_round: bool = False

    @property
    def title(self) -> str:
        if self.top_needs:
            return f"{self.action_field.name}: {self.top_needs[0]}"[:200]
        return _("Reifegrad im Handlungsfeld %(field)s steigern") % {"field": self.action_field.name}

    @property
    def rationale(self) -> str:
        name = self.action_field.name
        if self.score is not None:
            maturity = _("Reifegrad %(field)s %(score)s von 4 (Lücke %(gap)s)") % {
                "field": name,
                "score": format_number(self.score, 1),
                "gap": format_number(self.gap, 1),
            }
        elif self.has_round:
            maturity = _("Reifegrad %(field)s im letzten Reifegrad-Check nicht bewertet") % {"field": name}
        else:
            maturity = _("noch kein abgeschlossener Reifegrad-Check")
        if not self.need_count:
            return f"{maturity}; " + _("keine Bedarfe erfasst")
        needs = ngettext(
            "%(count)d Bedarf mit Gewicht %(weight)d",
            "%(count)d Bedarfe mit Gewicht %(weight)d",
            self.need_count,
        ) % {"count": self.need_count, "weight": self.need_weight}
        quoted = ", ".join(f"„{title}“" for title in self.top_needs)
        joiner = _(", u. a. ") if self.need_count > len(self.top_needs) else ": "
        return f"{maturity}; {needs}{joiner}{quoted}"


def _top_need_titles(municipality, field_ids, per_field: int = 2) -> dict[int, list[str]]:
    """The heaviest `per_field` need titles of each field: one query (window function)."""
    if not field_ids:
        return {}
    rows = (
        Need.objects.filter(municipality=municipality, action_field_id__in=field_ids)
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("action_field_id")],
                order_by=[F("weight").desc(), F("title").asc(), F("id").asc()],
            )
        )
        .filter(rank__lte=per_field)
        .order_by("action_field_id", "rank")
        .values_list("action_field_id", "title")
    )
    titles: dict[int, list[str]] = defaultdict(list)
    for field_id, title in rows:
        titles[field_id].append(title)
    return titles


def suggestions_for(municipality, *, limit: int | None = MAX_SUGGESTIONS) -> list[Suggestion]:
    """Candidate foci ranked by assessment gap and need weight, skipping dropped and already confirmed ones.

    priority = gap / 4 + need weight / heaviest field's need weight (both 0..1, so gaps and needs count alike).
    Constant number of queries (seven)."""
    fields = action_fields_for(municipality)
    latest = latest_completed_round(municipality)
    scores = round_scores(latest) if latest is not None else {}
    totals = {t.action_field.pk: t for t in need_totals(municipality, fields)}
    excluded = set(
        DroppedSuggestion.objects.filter(municipality=municipality).values_list("action_field_id", flat=True)
    )
    excluded |= set(
        Focus.objects.filter(municipality=municipality, suggested=True).values_list("action_field_id", flat=True)
    )
    heaviest = max((t.weight for t in totals.values()), default=0)
    candidates = []
    for f in fields:
        if f.pk in excluded:
            continue
        score = scores.get(f.pk)
        gap = Decimal(MAX_LEVEL) - score if score is not None else None
        total = totals[f.pk]
        if not ((gap is not None and gap >= MIN_GAP) or total.weight > 0):
            continue
        priority = (gap or Decimal(0)) / MAX_LEVEL + (Decimal(total.weight) / heaviest if heaviest else Decimal(0))
        candidates.append(
            Suggestion(
                action_field=f,
                score=score,
                gap=gap,
                need_count=total.count,
                need_weight=total.weight,
                priority=priority,
                has_round=latest is not None,
            )
        )
    candidates.sort(key=lambda s: (-s.priority, -(s.gap or 0), -s.need_weight, s.action_field.order))
    chosen = candidates if limit is None else candidates[:limit]
    titles = _top_need_titles(municipality, [s.action_field.pk for s in chosen])
    for suggestion in chosen:
        suggestion.top_needs = titles.get(suggestion.action_field.pk, [])
    return chosen


def suggestion_for(municipality, field_slug: str) -> Suggestion:
    """The open suggestion for one action field, else 404."""
    for suggestion in suggestions_for(municipality, limit=None):
        if suggestion.action_field.slug == field_slug:
            return suggestion
    raise Http404


def dropped_suggestions(municipality) -> QuerySet[DroppedSuggestion]:
    return (
        DroppedSuggestion.objects.filter(municipality=municipality)
        .select_related("action_field", "dropped_by")
        .order_by("action_field__order", "id")
    )


def dropped_suggestion_in(municipality, field_slug: str) -> DroppedSuggestion:
    return get_object_or_404(
        DroppedSuggestion.objects.select_related("action_field", "municipality"),
        municipality=municipality,
        action_field__slug=field_slug,
    )
