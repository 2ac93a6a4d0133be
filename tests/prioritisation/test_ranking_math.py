"""The arithmetic of vorort.prioritisation.ranking against cases worked out by hand (no database)."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vorort.prioritisation import ranking
from vorort.prioritisation.ranking import BENEFIT, COST

# Normalisation of weights ---------------------------------------------------------------------------------


def test_weights_are_normalised_to_shares():
    assert ranking.normalise_weights([2, 1, 1]) == [0.5, 0.25, 0.25]
    assert ranking.normalise_weights([0, 3]) == [0.0, 1.0]
    # The eight default points 20, 15, 15, 10, 10, 10, 10, 10 add up to 100: shares are the points in %.
    assert ranking.normalise_weights([20, 15, 15, 10, 10, 10, 10, 10]) == pytest.approx(
        [0.2, 0.15, 0.15, 0.1, 0.1, 0.1, 0.1, 0.1]
    )
    assert sum(ranking.normalise_weights([7, 13, 29])) == pytest.approx(1.0)


@pytest.mark.parametrize("weights", [[1, -1], [0, 0], [], [math.inf, 1], [math.nan, 1]])
def test_weights_that_cannot_be_normalised_are_refused(weights):
    with pytest.raises(ValueError):
        ranking.normalise_weights(weights)


# Min-max scaling and direction -----------------------------------------------------------------------------


def test_benefit_values_scale_from_worst_0_to_best_1():
    assert ranking.scale_values([1, 3, 5], BENEFIT) == [0.0, 0.5, 1.0]
    assert ranking.scale_values([10, 0, 5], BENEFIT) == [1.0, 0.0, 0.5]


def test_cost_values_scale_the_other_way_round():
    # 100 € is the cheapest and best (1), 500 € the dearest (0), 300 € half way.
    assert ranking.scale_values([100, 300, 500], COST) == [1.0, 0.5, 0.0]
    assert ranking.scale_values([250_000, 50_000], COST) == [0.0, 1.0]


def test_missing_values_get_the_worst_scaled_value_and_do_not_move_min_or_max():
    assert ranking.scale_values([2, None, 4], BENEFIT) == [0.0, 0.0, 1.0]
    assert ranking.scale_values([2, None, 4], COST) == [1.0, 0.0, 0.0]
    assert ranking.scale_values([None, None], BENEFIT) == [0.0, 0.0]


def test_a_criterion_on_which_all_are_equal_gives_everyone_1():
    assert ranking.scale_values([3, 3, 3], BENEFIT) == [1.0, 1.0, 1.0]
    assert ranking.scale_values([7, None, 7], COST) == [1.0, 0.0, 1.0]


def test_unknown_direction_is_refused():
    with pytest.raises(ValueError):
        ranking.scale_values([1, 2], "egal")


# Weighted score ---------------------------------------------------------------------------------------------


def test_weighted_score_by_hand():
    """Three measures, Wirkung (benefit) 3 / 1 / 2, Kosten (cost) 300 / 100 / 200 €, weights 3 : 1.

    Shares 0.75 and 0.25. Scaled Wirkung 1, 0, 0.5; scaled Kosten 0, 1, 0.5.
    A = 0.75·1 + 0.25·0 = 0.75; B = 0.75·0 + 0.25·1 = 0.25; C = 0.75·0.5 + 0.25·0.5 = 0.5.
    """
    result = ranking.rank([[3, 1, 2], [300, 100, 200]], [BENEFIT, COST], [3, 1])
    assert result.shares == [0.75, 0.25]
    assert result.scaled == [[1.0, 0.0, 0.5], [0.0, 1.0, 0.5]]
    assert [m.score for m in result.measures] == pytest.approx([0.75, 0.25, 0.5])
    assert [m.rank for m in result.measures] == [1, 3, 2]
    assert [m.index for m in result.ordered()] == [0, 2, 1]


def test_score_with_missing_values_by_hand():
    """Criterion 1 (benefit) 4 / – / 2, criterion 2 (cost) 100 / 200 / –, equal weights.

    Scaled 1 / 0 / 0 and 1 / 0 / 0 (missing = 0): scores 1, 0, 0 → ranks 1, 2, 2.
    """
    result = ranking.rank([[4, None, 2], [100, 200, None]], [BENEFIT, COST], [1, 1])
    assert [m.score for m in result.measures] == [1.0, 0.0, 0.0]
    assert [m.rank for m in result.measures] == [1, 2, 2]


def test_scores_stay_between_0_and_1():
    result = ranking.rank([[1, 9, 4], [5, 5, 1], [0, 2, 7]], [BENEFIT, COST, BENEFIT], [5, 0, 2])
    assert all(0.0 <= m.score <= 1.0 for m in result.measures)


# Competition ranking with ties ------------------------------------------------------------------------------


def test_ties_share_a_rank_and_the_next_rank_is_skipped():
    assert ranking.competition_ranks([0.9, 0.5, 0.5, 0.1]) == [1, 2, 2, 4]
    assert ranking.competition_ranks([0.5, 0.7, 0.5, 0.2]) == [2, 1, 2, 4]
    assert ranking.competition_ranks([0.3, 0.3, 0.3]) == [1, 1, 1]
    assert ranking.competition_ranks([]) == []


def test_floating_point_noise_is_a_tie_but_a_real_difference_is_not():
    assert 0.1 + 0.2 != 0.3
    assert ranking.competition_ranks([0.1 + 0.2, 0.3]) == [1, 1]
    assert ranking.competition_ranks([0.5, 0.5 + 1e-12]) == [1, 1]
    assert ranking.competition_ranks([0.5, 0.5 + 1e-6]) == [2, 1]


def test_the_tolerance_does_not_chain():
    """Each of the three differs from its neighbour by less than the tolerance, the outer two by more:
    only scores within the tolerance of the best score of the group tie."""
    top = 1.0
    scores = [top, top - 0.6e-9, top - 1.2e-9]
    assert ranking.competition_ranks(scores) == [1, 1, 3]


def test_ties_arising_from_different_values():
    """A: benefit 10, cost 500 €; B: benefit 0, cost 100 €; C: benefit 0, cost 500 €; equal weights.

    Scaled (benefit, cost): A (1, 0), B (0, 1), C (0, 0) → scores 0.5, 0.5, 0 → ranks 1, 1, 3.
    """
    result = ranking.rank([[10, 0, 0], [500, 100, 500]], [BENEFIT, COST], [1, 1])
    assert [m.score for m in result.measures] == [0.5, 0.5, 0.0]
    assert [m.rank for m in result.measures] == [1, 1, 3]


# Sensitivity: rank range under ±20 % of any single weight ------------------------------------------------


def test_sensitivity_ranges_by_hand():
    """X: benefit 10, cost 500 €; Y: benefit 0, cost 100 €; Z: benefit 5, cost 300 €; weights 11 : 10.

    Scaled (benefit, cost): X (1, 0), Y (0, 1), Z (0.5, 0.5). Z always scores 0.5.
    Base shares 11/21, 10/21: X 0.524, Z 0.5, Y 0.476 → ranks X 1, Z 2, Y 3.
    benefit 11 × 0.8 = 8.8 against 10: X 0.468, Y 0.532 → Y 1, Z 2, X 3.
    benefit 11 × 1.2 = 13.2 against 10: X first, Y last (as the base).
    cost 10 × 0.8 = 8 against 11: X first, Y last.
    cost 10 × 1.2 = 12 against 11: X 0.478, Y 0.522 → Y 1, Z 2, X 3.
    So X and Y range over ranks 1–3 (unsicher); Z is 2 in every case (stabil).
    """
    result = ranking.rank([[10, 0, 5], [500, 100, 300]], [BENEFIT, COST], [11, 10])
    assert [m.rank for m in result.measures] == [1, 3, 2]
    assert [(m.rank_low, m.rank_high) for m in result.measures] == [(1, 3), (1, 3), (2, 2)]
    assert [m.stable for m in result.measures] == [False, False, True]


def test_a_clear_lead_is_stable():
    """Shares 0.75 / 0.25 (the weighted-score case): ±20 % of one weight never brings them level."""
    result = ranking.rank([[3, 1, 2], [300, 100, 200]], [BENEFIT, COST], [3, 1])
    assert [(m.rank_low, m.rank_high) for m in result.measures] == [(1, 1), (3, 3), (2, 2)]
    assert all(m.stable for m in result.measures)


def test_a_tie_that_a_weight_change_breaks_is_unsicher():
    """A (1, 0) and B (0, 1) tie at 1 with weights 1 : 1; first weight × 0.8 → A 0.444, B 0.556: A is 2nd."""
    result = ranking.rank([[1, 0], [0, 1]], [BENEFIT, BENEFIT], [1, 1])
    assert [m.rank for m in result.measures] == [1, 1]
    assert [(m.rank_low, m.rank_high) for m in result.measures] == [(1, 2), (1, 2)]
    assert not any(m.stable for m in result.measures)


def test_a_weight_of_zero_adds_no_scenario():
    """Only the first criterion counts (weight 0 for the second), so ±20 % of anything keeps the order."""
    result = ranking.rank([[3, 2, 1], [1, 2, 3]], [BENEFIT, BENEFIT], [5, 0])
    assert [(m.rank_low, m.rank_high) for m in result.measures] == [(1, 1), (2, 2), (3, 3)]


def test_the_stability_threshold():
    assert ranking.STABLE_SPREAD == 0
    assert ranking.is_stable(4, 4)
    assert not ranking.is_stable(4, 5)
    assert ranking.is_stable(4, 5, stable_spread=1)


def _naive_ranges(columns, shares, delta=0.2):
    """Recompute every scenario from renormalised weights, the long way round."""
    ranks = ranking.competition_ranks(ranking.weighted_scores(columns, shares))
    low, high = list(ranks), list(ranks)
    for k in range(len(shares)):
        for factor in (1 - delta, 1 + delta):
            moved = list(shares)
            moved[k] *= factor
            scenario = ranking.competition_ranks(
                ranking.weighted_scores(columns, ranking.normalise_weights(moved))
                if sum(moved)
                else [0.0] * len(columns[0])
            )
            low = [min(a, b) for a, b in zip(low, scenario, strict=True)]
            high = [max(a, b) for a, b in zip(high, scenario, strict=True)]
    return list(zip(low, high, strict=True))


@settings(max_examples=150, deadline=None)
@given(
    st.integers(min_value=1, max_value=5).flatmap(
        lambda k: st.tuples(
            st.lists(st.integers(min_value=0, max_value=20), min_size=k, max_size=k).filter(any),
            st.lists(st.lists(st.integers(min_value=0, max_value=4), min_size=k, max_size=k), min_size=1, max_size=12),
        )
    )
)
def test_the_shortcut_for_scenarios_equals_renormalising_each_time(case):
    weights, measures = case
    columns = [[float(row[k]) for row in measures] for k in range(len(weights))]
    scaled = [ranking.scale_values(column, BENEFIT) for column in columns]
    shares = ranking.normalise_weights(weights)
    assert ranking.rank_ranges(scaled, shares) == _naive_ranges(scaled, shares)


# Aggregation of ratings --------------------------------------------------------------------------------------


def test_mean_spread_and_count():
    assert ranking.aggregate([1, 3]) == ranking.Aggregate(2.0, 1.0, 2)
    assert ranking.aggregate([2, 2, 2]) == ranking.Aggregate(2.0, 0.0, 3)
    four = ranking.aggregate([1, 2, 3, 4])
    # variance ((1.5² + 0.5²) × 2) / 4 = 1.25 (population standard deviation, divided by n)
    assert (four.mean, four.count) == (2.5, 4)
    assert four.spread == pytest.approx(math.sqrt(1.25))
    assert ranking.aggregate([]) == ranking.Aggregate(None, None, 0)


def test_aggregate_from_database_sums_matches():
    assert ranking.aggregate_sums(4, 10, 30) == ranking.aggregate([1, 2, 3, 4])
    assert ranking.aggregate_sums(1, 5, 25) == ranking.Aggregate(5.0, 0.0, 1)
    assert ranking.aggregate_sums(0, 0, 0) == ranking.Aggregate(None, None, 0)


def test_rank_checks_its_input():
    with pytest.raises(ValueError):
        ranking.rank([[1, 2]], [BENEFIT, COST], [1])
    with pytest.raises(ValueError):
        ranking.rank([[1, 2], [1]], [BENEFIT, COST], [1, 1])
