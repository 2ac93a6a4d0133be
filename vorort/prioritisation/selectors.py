"""Reads for prioritisation. Callers pass a municipality already scoped by `municipality_for`.

`build_ranking` gathers the values of every criterion in a fixed number of queries and hands them to
`ranking.rank`; `catalogue_ranking` reads a frozen catalogue back without recomputing anything.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from django.apps import apps
from django.db.models import Count, F, OuterRef, QuerySet, Subquery, Sum
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from vorort.accounts.models import Membership, Role, User
from vorort.core.templatetags.vorort_format import format_number
from vorort.measures.models import Benefit, Measure, MeasureStatus

from . import ranking
from .models import (
    COST_YEARS,
    Catalogue,
    CatalogueEntry,
    CouncilResolution,
    Criterion,
    CriterionTemplate,
    Direction,
    Rating,
    RatingRound,
    RoundStatus,
    Source,
)

# Measures a new round proposes: not yet adopted, under way or dropped for good.
CANDIDATE_STATUSES = [MeasureStatus.IDEA, MeasureStatus.PLANNED, MeasureStatus.DEFERRED]
# Who may be invited to rate; viewers are the council members and the administration's leadership.
RATER_ROLES = [Role.COORDINATOR, Role.EDITOR, Role.COACH, Role.VIEWER]


# Criteria --------------------------------------------------------------------------------------------------


def criterion_templates_of(network) -> QuerySet[CriterionTemplate]:
    return CriterionTemplate.objects.filter(network=network).order_by("order", "id")


def criterion_template_in(network, pk: int) -> CriterionTemplate:
    return get_object_or_404(criterion_templates_of(network), pk=pk)


def criteria_of(municipality) -> QuerySet[Criterion]:
    return Criterion.objects.filter(municipality=municipality).order_by("order", "id")


def criterion_in(municipality, pk: int) -> Criterion:
    return get_object_or_404(criteria_of(municipality).select_related("municipality__network"), pk=pk)


def shares_of(criteria) -> dict[int, float]:
    """Criterion id → normalised share of its weight (empty if no weight is positive)."""
    criteria = list(criteria)
    try:
        shares = ranking.normalise_weights([c.weight for c in criteria])
    except ValueError:
        return {}
    return {c.pk: share for c, share in zip(criteria, shares, strict=True)}


def template_shares(templates) -> dict[int, float]:
    """Template id → normalised share of its proposed weight."""
    templates = list(templates)
    try:
        shares = ranking.normalise_weights([t.default_weight for t in templates])
    except ValueError:
        return {}
    return {t.pk: share for t, share in zip(templates, shares, strict=True)}


# Rounds ----------------------------------------------------------------------------------------------------


def rounds_of(municipality) -> QuerySet[RatingRound]:
    return RatingRound.objects.filter(municipality=municipality).order_by("-opened_on", "-id")


def round_in(municipality, pk: int) -> RatingRound:
    return get_object_or_404(rounds_of(municipality).select_related("municipality__network"), pk=pk)


def open_round(municipality) -> RatingRound | None:
    return rounds_of(municipality).filter(status=RoundStatus.OPEN).first()


def current_round(municipality) -> RatingRound | None:
    """The open round, else the round closed last."""
    return (
        rounds_of(municipality)
        .order_by(F("closed_on").desc(nulls_first=True), "-opened_on", "-id")
        .select_related("municipality")
        .first()
    )


def eligible_raters(municipality) -> QuerySet[User]:
    """Members who may be invited to rate, each with `member_role` (their role in the municipality)."""
    role = Membership.objects.filter(user=OuterRef("pk"), municipality=municipality).values("role")[:1]
    return (
        User.objects.filter(is_active=True, memberships__municipality=municipality, memberships__role__in=RATER_ROLES)
        .annotate(member_role=Subquery(role))
        .distinct()
        .order_by("name", "email")
    )


def candidate_measures(municipality) -> QuerySet[Measure]:
    return Measure.objects.filter(municipality=municipality, status__in=CANDIDATE_STATUSES).order_by("title", "id")


def measures_of(municipality) -> QuerySet[Measure]:
    return Measure.objects.filter(municipality=municipality).order_by("title", "id")


def round_measures(rating_round: RatingRound) -> QuerySet[Measure]:
    return Measure.objects.filter(rating_rounds=rating_round, municipality_id=rating_round.municipality_id).order_by(
        "title", "id"
    )


def round_measure_in(rating_round: RatingRound, pk: int) -> Measure:
    return get_object_or_404(round_measures(rating_round), pk=pk)


def is_rater(rating_round: RatingRound, user) -> bool:
    return user.is_authenticated and rating_round.raters.filter(pk=user.pk).exists()


def rated_criteria(municipality) -> QuerySet[Criterion]:
    return criteria_of(municipality).filter(source=Source.RATING)


def own_ratings(rating_round: RatingRound, measure: Measure, user) -> dict[int, int]:
    """Criterion id → value the user gave `measure` in the round."""
    return dict(
        Rating.objects.filter(rating_round=rating_round, measure=measure, rater=user).values_list(
            "criterion_id", "value"
        )
    )


def ratings_done_by_measure(rating_round: RatingRound, user) -> dict[int, int]:
    """Measure id → how many rated criteria the user has rated there."""
    return dict(
        Rating.objects.filter(
            rating_round=rating_round, rater=user, criterion__source=Source.RATING, measure__rating_rounds=rating_round
        )
        .values("measure_id")
        .annotate(n=Count("id"))
        .values_list("measure_id", "n")
    )


@dataclass(frozen=True)
class RaterProgress:
    user: User
    done: int  # measures with every rated criterion rated
    total: int

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.done >= self.total


def rater_progress(rating_round: RatingRound) -> list[RaterProgress]:
    """For each invited person: how many of the round's measures they have rated completely (3 queries)."""
    criteria_count = rated_criteria(rating_round.municipality).count()
    measure_ids = set(round_measures(rating_round).values_list("pk", flat=True))
    counts = (
        Rating.objects.filter(rating_round=rating_round, criterion__source=Source.RATING)
        .values("rater_id", "measure_id")
        .annotate(n=Count("id"))
    )
    done: dict[int, int] = defaultdict(int)
    for row in counts:
        if row["measure_id"] in measure_ids and criteria_count and row["n"] >= criteria_count:
            done[row["rater_id"]] += 1
    raters = rating_round.raters.order_by("name", "email")
    return [RaterProgress(user=user, done=done[user.pk], total=len(measure_ids)) for user in raters]


def next_measure_to_rate(rating_round: RatingRound, user, after: Measure | None = None) -> Measure | None:
    """The first of the round's measures (after `after`, then from the start) the user has not rated fully."""
    criteria_count = rated_criteria(rating_round.municipality).count()
    done = ratings_done_by_measure(rating_round, user)
    measures = list(round_measures(rating_round).only("pk", "title"))
    if after is not None:
        position = next((i for i, m in enumerate(measures) if m.pk == after.pk), -1)
        measures = measures[position + 1 :] + measures[: position + 1]
    for measure in measures:
        if after is not None and measure.pk == after.pk:
            continue
        if done.get(measure.pk, 0) < criteria_count:
            return measure
    return None


# Catalogues ------------------------------------------------------------------------------------------------


def catalogues_of(municipality) -> QuerySet[Catalogue]:
    return (
        Catalogue.objects.filter(municipality=municipality)
        .select_related("rating_round", "resolution")
        .order_by("-frozen_at", "-id")
    )


def catalogue_in(municipality, pk: int) -> Catalogue:
    return get_object_or_404(catalogues_of(municipality).select_related("municipality__network"), pk=pk)


def catalogue_entries(catalogue: Catalogue) -> QuerySet[CatalogueEntry]:
    return CatalogueEntry.objects.filter(catalogue=catalogue).order_by("position")


# The ranking -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """A criterion as one ranking used it (live or frozen)."""

    key: str
    name: str
    description: str
    direction: str
    source: str
    weight: float
    share: float
    scale_min: int
    scale_max: int

    @property
    def share_percent(self) -> float:
        return self.share * 100

    @property
    def direction_label(self) -> str:
        return _("Kosten") if self.direction == Direction.COST else _("Nutzen")

    @property
    def source_label(self) -> str:
        labels = {
            Source.RATING: _("Bewertung %(low)s–%(high)s") % {"low": self.scale_min, "high": self.scale_max},
            Source.COST: _("Daten: Investition + %(years)s × laufende Kosten") % {"years": COST_YEARS},
            Source.PERSONNEL: _("Daten: Personalaufwand"),
            Source.BENEFIT: _("Daten: Summe der Mehrwert-Stärken"),
            Source.VOTES: _("Daten: Stimmen der Beteiligung"),
        }
        return labels.get(self.source, self.source)

    @property
    def is_rated(self) -> bool:
        return self.source == Source.RATING

    def as_json(self) -> dict:
        return {
            "key": self.key,
            "name": self.name,
            "description": self.description,
            "direction": self.direction,
            "source": self.source,
            "weight": self.weight,
            "share": self.share,
            "scale_min": self.scale_min,
            "scale_max": self.scale_max,
        }

    @classmethod
    def from_json(cls, data: Mapping) -> Column:
        return cls(**{name: data[name] for name in cls.__dataclass_fields__})


@dataclass(frozen=True)
class Cell:
    """One measure's value on one criterion: raw value (mean for ratings), scaled 0…1, spread and count."""

    source: str
    value: float | None
    scaled: float
    spread: float | None = None
    count: int | None = None

    @property
    def missing(self) -> bool:
        return self.value is None

    @property
    def text(self) -> str:
        if self.value is None:
            return _("fehlt")
        if self.source == Source.RATING:
            return format_number(self.value, 2)
        if self.source == Source.COST:
            return f"{format_number(self.value, 2)}\u00a0€"
        if self.source == Source.PERSONNEL:
            return _("%(days)s PT/Jahr") % {"days": format_number(self.value, 1)}
        return format_number(self.value, 0)

    @property
    def detail(self) -> str:
        """Spread and number of raters of a rated criterion."""
        if self.source != Source.RATING or not self.count:
            return ""
        return _("± %(spread)s · n = %(count)s") % {"spread": format_number(self.spread or 0, 2), "count": self.count}

    def as_json(self) -> dict:
        return {
            "source": self.source,
            "value": self.value,
            "scaled": self.scaled,
            "spread": self.spread,
            "count": self.count,
        }

    @classmethod
    def from_json(cls, data: Mapping) -> Cell:
        return cls(**{name: data.get(name) for name in cls.__dataclass_fields__})


@dataclass(frozen=True)
class Row:
    measure_id: int | None
    title: str
    reference: str
    rank: int
    score: float
    rank_low: int
    rank_high: int
    stable: bool
    cells: list[Cell]
    adopted: bool = False

    @property
    def points(self) -> float:
        return self.score * 100

    @property
    def stability_label(self) -> str:
        return _("stabil") if self.stable else _("unsicher")

    @property
    def range_label(self) -> str:
        if self.rank_low == self.rank_high:
            return str(self.rank_low)
        return f"{self.rank_low}–{self.rank_high}"


@dataclass
class RankingResult:
    columns: list[Column] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    rating_round: RatingRound | None = None
    votes_available: bool = True
    problem: str = ""  # why there is no ranking (no criteria, no measures, all weights 0)

    @property
    def stable_count(self) -> int:
        return sum(1 for row in self.rows if row.stable)

    @property
    def missing_count(self) -> int:
        return sum(1 for row in self.rows for cell in row.cells if cell.missing)


def vote_counts(municipality, measure_ids: list[int]) -> dict[int, int] | None:
    """Votes per measure from the participation app; None where that app offers none (yet)."""
    if not apps.is_installed("vorort.participation"):
        return None
    try:
        from vorort.participation.selectors import vote_counts as participation_vote_counts
    except ImportError:
        return None
    return participation_vote_counts(municipality, measure_ids)


def _number(value) -> float | None:
    return None if value is None else float(value)


def _cost(investment: Decimal | None, running: Decimal | None) -> float | None:
    if investment is None and running is None:
        return None
    return float((investment or 0) + COST_YEARS * (running or 0))


def _rating_aggregates(rating_round: RatingRound | None, criterion_ids: list[int]):
    if rating_round is None or not criterion_ids:
        return {}
    rows = (
        Rating.objects.filter(rating_round=rating_round, criterion_id__in=criterion_ids)
        .values("measure_id", "criterion_id")
        .annotate(n=Count("id"), total=Sum("value"), squares=Sum(F("value") * F("value")))
        .order_by()
    )
    return {
        (row["measure_id"], row["criterion_id"]): ranking.aggregate_sums(row["n"], row["total"], row["squares"])
        for row in rows
    }


def build_ranking(
    municipality,
    *,
    rating_round: RatingRound | None = None,
    use_current_round: bool = True,
    weights: Mapping[int, float] | None = None,
) -> RankingResult:
    """Rank a round's measures (the current round's by default; without a round the candidate measures).

    `weights` (criterion id → points) replaces the stored weights for a what-if; nothing is stored.
    """
    if rating_round is None and use_current_round:
        rating_round = current_round(municipality)
    result = RankingResult(rating_round=rating_round)
    criteria = list(criteria_of(municipality))
    if not criteria:
        result.problem = _("Es sind noch keine Kriterien festgelegt.")
        return result
    points = [float(weights.get(c.pk, c.weight)) if weights is not None else float(c.weight) for c in criteria]
    measures_qs = round_measures(rating_round) if rating_round is not None else candidate_measures(municipality)
    measures = list(
        measures_qs.values_list("pk", "title", "reference", "investment_cost", "running_cost", "personnel_effort")
    )
    try:
        shares = ranking.normalise_weights(points)
    except ValueError:
        result.problem = _("Alle Gewichte sind 0. Mindestens ein Kriterium braucht ein Gewicht über 0.")
        result.columns = [_column(c, w, 0.0) for c, w in zip(criteria, points, strict=True)]
        return result
    result.columns = [_column(c, w, s) for c, w, s in zip(criteria, points, shares, strict=True)]
    if not measures:
        result.problem = _("Es gibt keine Maßnahmen zu priorisieren.")
        return result

    ids = [m[0] for m in measures]
    sources = {c.source for c in criteria}
    aggregates = _rating_aggregates(rating_round, [c.pk for c in criteria if c.source == Source.RATING])
    benefits: dict[int, float] = {}
    if Source.BENEFIT in sources:
        benefits = dict(
            Benefit.objects.filter(measure__in=measures_qs.values("pk"))
            .values("measure_id")
            .annotate(total=Sum("strength"))
            .values_list("measure_id", "total")
            .order_by()
        )
    votes: dict[int, int] = {}
    if Source.VOTES in sources:
        counted = vote_counts(municipality, ids)
        result.votes_available = counted is not None
        votes = counted or {}

    values: list[list[float | None]] = []
    details: list[list[ranking.Aggregate | None]] = []
    for criterion in criteria:
        column: list[float | None] = []
        detail: list[ranking.Aggregate | None] = []
        for pk, _title, _reference, investment, running, personnel in measures:
            found = None
            if criterion.source == Source.RATING:
                found = aggregates.get((pk, criterion.pk))
                column.append(found.mean if found else None)
            elif criterion.source == Source.COST:
                column.append(_cost(investment, running))
            elif criterion.source == Source.PERSONNEL:
                column.append(_number(personnel))
            elif criterion.source == Source.BENEFIT:
                column.append(_number(benefits.get(pk)))
            else:  # votes: a measure nobody voted for has 0 votes, not a missing value
                column.append(float(votes.get(pk, 0)))
            detail.append(found)
        values.append(column)
        details.append(detail)

    ranked = ranking.rank(values, [c.direction for c in criteria], points)
    rows = []
    for item in ranked.ordered():
        pk, title, reference, *_rest = measures[item.index]
        cells = []
        for k, criterion in enumerate(criteria):
            found = details[k][item.index]
            cells.append(
                Cell(
                    source=criterion.source,
                    value=values[k][item.index],
                    scaled=ranked.scaled[k][item.index],
                    spread=found.spread if found else None,
                    count=found.count if found else (0 if criterion.source == Source.RATING else None),
                )
            )
        rows.append(
            Row(
                measure_id=pk,
                title=title,
                reference=reference,
                rank=item.rank,
                score=item.score,
                rank_low=item.rank_low,
                rank_high=item.rank_high,
                stable=item.stable,
                cells=cells,
            )
        )
    rows.sort(key=lambda row: (row.rank, row.title.lower(), row.measure_id or 0))
    result.rows = rows
    return result


def _column(criterion: Criterion, weight: float, share: float) -> Column:
    return Column(
        key=str(criterion.pk),
        name=criterion.name,
        description=criterion.description,
        direction=criterion.direction,
        source=criterion.source,
        weight=weight,
        share=share,
        scale_min=criterion.scale_min,
        scale_max=criterion.scale_max,
    )


def catalogue_ranking(catalogue: Catalogue) -> RankingResult:
    """A frozen catalogue as a ranking, read from its stored copies only (2 queries)."""
    columns = [Column.from_json(item) for item in catalogue.criteria]
    adopted: set[int] = set()
    resolution = resolution_of(catalogue)
    if resolution is not None:
        adopted = set(resolution.entries.values_list("pk", flat=True))
    rows = [
        Row(
            measure_id=entry.measure_id,
            title=entry.title,
            reference=entry.reference,
            rank=entry.rank,
            score=entry.score,
            rank_low=entry.rank_low,
            rank_high=entry.rank_high,
            stable=entry.stable,
            cells=[Cell.from_json(cell) for cell in entry.cells],
            adopted=entry.pk in adopted,
        )
        for entry in catalogue_entries(catalogue)
    ]
    return RankingResult(columns=columns, rows=rows, rating_round=None)


def resolution_of(catalogue: Catalogue) -> CouncilResolution | None:
    try:
        return catalogue.resolution
    except CouncilResolution.DoesNotExist:
        return None
