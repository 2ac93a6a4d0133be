"""The arithmetic of the multi-criteria ranking, in plain Python (no Django, no NumPy).

Everything the ranking page, the frozen catalogue, the CLI and the benchmark compute goes through this
module, so the formulas are in one place and can be checked against cases worked out by hand.

1. **Weights.** Every criterion carries non-negative weight points. They are normalised to shares that
   add up to 1: ``share_k = points_k / Σ points``. At least one weight must be positive.
2. **Scaling.** The values of one criterion are min-max scaled to 0…1 over the measures that have a value:
   benefit criteria ``(x − min) / (max − min)``, cost criteria ``(max − x) / (max − min)``, so 1 is always
   the best value. If all present values are equal the criterion separates nothing and every measure
   gets 1. A missing value (``None``, shown as "fehlt") gets 0, the worst scaled value.
3. **Score.** ``score = Σ share_k × scaled_k``, between 0 and 1 (pages show it × 100 as points).
4. **Ranks.** Competition ranking ("1, 2, 2, 4"): equal scores share a rank and the next rank skips.
   Two scores count as equal when they differ by at most ``TIE_TOLERANCE`` (1e-9) from the best score
   of their tie group; the tolerance only absorbs floating-point noise, it does not chain.
5. **Sensitivity.** Each single weight in turn is moved by −20 % and +20 % of its own value, the others
   stay, the weights are renormalised and the measures ranked again (2 × K scenarios). A measure's rank
   range is the lowest and highest rank over the base ranking and all scenarios. A measure is *stabil*
   when the range is ``STABLE_SPREAD`` (0) wide – its rank never moves – otherwise *unsicher*.
   A weight of 0 stays 0 and adds no scenario.

Ratings are aggregated per measure and criterion as mean, spread and count; the spread is the population
standard deviation (divided by n, so one rating has spread 0).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

BENEFIT = "nutzen"
COST = "kosten"
DIRECTIONS = (BENEFIT, COST)

TIE_TOLERANCE = 1e-9
SENSITIVITY = 0.2
STABLE_SPREAD = 0

Value = float | None


# Aggregation of ratings -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Aggregate:
    """Mean, spread (population standard deviation) and number of ratings of one measure and criterion."""

    mean: float | None
    spread: float | None
    count: int


def aggregate(values: Iterable[float]) -> Aggregate:
    values = [float(v) for v in values]
    if not values:
        return Aggregate(None, None, 0)
    mean = sum(values) / len(values)
    variance = sum((v - mean) ** 2 for v in values) / len(values)
    return Aggregate(mean, math.sqrt(variance), len(values))


def aggregate_sums(count: int, total: float, squares: float) -> Aggregate:
    """The same as `aggregate`, from n, Σx and Σx² (what a database can sum in one grouped query)."""
    if not count:
        return Aggregate(None, None, 0)
    mean = total / count
    variance = max(0.0, squares / count - mean * mean)
    return Aggregate(mean, math.sqrt(variance), count)


# Weights, scaling, scores, ranks --------------------------------------------------------------------------


def normalise_weights(weights: Sequence[float]) -> list[float]:
    """Weight points → shares that add up to 1. Negative, infinite or all-zero weights are refused."""
    values = [float(w) for w in weights]
    for value in values:
        if not math.isfinite(value) or value < 0:
            raise ValueError("weights must be finite and not negative")
    total = sum(values)
    if total <= 0:
        raise ValueError("at least one weight must be positive")
    return [value / total for value in values]


def scale_values(values: Sequence[Value], direction: str) -> list[float]:
    """Min-max scale one criterion's values to 0…1 (1 = best); missing values get 0."""
    if direction not in DIRECTIONS:
        raise ValueError(f"unknown direction {direction!r}")
    present = [float(v) for v in values if v is not None]
    if not present:
        return [0.0] * len(values)
    low, high = min(present), max(present)
    width = high - low
    scaled = []
    for value in values:
        if value is None:
            scaled.append(0.0)
        elif width == 0:
            scaled.append(1.0)
        elif direction == BENEFIT:
            scaled.append((float(value) - low) / width)
        else:
            scaled.append((high - float(value)) / width)
    return scaled


def weighted_scores(columns: Sequence[Sequence[float]], shares: Sequence[float]) -> list[float]:
    """score_i = Σ_k share_k × columns[k][i]; `columns` holds one list of scaled values per criterion."""
    if len(columns) != len(shares):
        raise ValueError("one share per criterion")
    count = len(columns[0]) if columns else 0
    scores = [0.0] * count
    for share, column in zip(shares, columns, strict=True):
        if share:
            for index, value in enumerate(column):
                scores[index] += share * value
    return scores


def competition_ranks(scores: Sequence[float], tolerance: float = TIE_TOLERANCE) -> list[int]:
    """Ranks "1, 2, 2, 4" for `scores` (higher is better), in the order of `scores`."""
    order = sorted(range(len(scores)), key=lambda index: -scores[index])
    ranks = [0] * len(scores)
    group_best: float | None = None
    group_rank = 0
    for position, index in enumerate(order, start=1):
        score = scores[index]
        if group_best is None or group_best - score > tolerance:
            group_best, group_rank = score, position
        ranks[index] = group_rank
    return ranks


def rank_ranges(
    columns: Sequence[Sequence[float]],
    shares: Sequence[float],
    *,
    delta: float = SENSITIVITY,
    tolerance: float = TIE_TOLERANCE,
) -> list[tuple[int, int]]:
    """(lowest, highest) rank of each measure when any single weight moves by ±`delta` (then renormalised).

    Moving share s_k by the factor f and renormalising gives the weights s_j / (1 + (f − 1) s_k) for j ≠ k and
    f s_k / (1 + (f − 1) s_k) for k, so each scenario's scores are (base + (f − 1) s_k x_k) / (1 + (f − 1) s_k):
    one pass over the measures per scenario instead of a full weighted sum.
    """
    base = weighted_scores(columns, shares)
    ranks = competition_ranks(base, tolerance)
    low, high = list(ranks), list(ranks)
    for share, column in zip(shares, columns, strict=True):
        if share == 0:
            continue
        for factor in (1 - delta, 1 + delta):
            change = (factor - 1) * share
            norm = 1 + change
            scores = [(b + change * x) / norm for b, x in zip(base, column, strict=True)]
            for index, rank in enumerate(competition_ranks(scores, tolerance)):
                if rank < low[index]:
                    low[index] = rank
                if rank > high[index]:
                    high[index] = rank
    return list(zip(low, high, strict=True))


def is_stable(low: int, high: int, stable_spread: int = STABLE_SPREAD) -> bool:
    return high - low <= stable_spread


# Everything at once ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RankedMeasure:
    index: int  # position in the input
    score: float
    rank: int
    rank_low: int
    rank_high: int
    stable: bool


@dataclass(frozen=True)
class Ranking:
    shares: list[float]
    scaled: list[list[float]]  # per criterion, per measure
    measures: list[RankedMeasure]  # in input order

    def ordered(self) -> list[RankedMeasure]:
        return sorted(self.measures, key=lambda m: (m.rank, m.index))


def rank(
    values: Sequence[Sequence[Value]],
    directions: Sequence[str],
    weights: Sequence[float],
    *,
    delta: float = SENSITIVITY,
    tolerance: float = TIE_TOLERANCE,
    stable_spread: int = STABLE_SPREAD,
) -> Ranking:
    """Scale, score, rank and test the sensitivity. `values[k][i]` is criterion k of measure i."""
    if not (len(values) == len(directions) == len(weights)):
        raise ValueError("values, directions and weights need one entry per criterion")
    shares = normalise_weights(weights)
    scaled = [scale_values(column, direction) for column, direction in zip(values, directions, strict=True)]
    count = len(values[0]) if values else 0
    if any(len(column) != count for column in values):
        raise ValueError("every criterion needs one value per measure")
    scores = weighted_scores(scaled, shares)
    ranks = competition_ranks(scores, tolerance)
    ranges = rank_ranges(scaled, shares, delta=delta, tolerance=tolerance)
    measures = [
        RankedMeasure(
            index=index,
            score=scores[index],
            rank=ranks[index],
            rank_low=low,
            rank_high=high,
            stable=is_stable(low, high, stable_spread),
        )
        for index, (low, high) in enumerate(ranges)
    ]
    return Ranking(shares=shares, scaled=scaled, measures=measures)
