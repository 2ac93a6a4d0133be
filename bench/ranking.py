"""Benchmark: rank 1 000 measures × 8 criteria × 20 raters with the sensitivity analysis, against NumPy.

    .venv/bin/python bench/ranking.py [--measures 1000] [--criteria 8] [--raters 20] [--repeat 5] [--django]

Generates (seeded) 20 ratings on a 1–5 scale per measure and criterion, two of the eight criteria in the cost
direction, weights 1–20 points. Then times, in the same run,

1. vorort's arithmetic (`vorort.prioritisation.ranking`, plain Python): mean, spread and count of the ratings,
   min-max scaling, weighted score, competition ranks and the sensitivity analysis (every single weight ±20 %,
   renormalised: 2 × 8 re-rankings), rank ranges and stability;
2. the same arithmetic written directly in NumPy (vectorised over measures, raters and scenarios);

checks that both give the same ranks, ranges and stability, and prints the best of `--repeat` runs of each
and their ratio. NumPy is only needed here (`pip install numpy`, or the test extra); the app never imports it.

With `--django` it also builds the same data in a temporary SQLite database (measures, criteria, people,
a rating round with 160 000 ratings) and times `selectors.build_ranking`, the function behind the ranking
page and `vorort ranking`: one grouped query for the ratings plus the arithmetic above.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from vorort.prioritisation import ranking  # noqa: E402  (no Django needed for the arithmetic)


def _data(measures: int, criteria: int, raters: int, seed: int = 2026):
    rng = random.Random(seed)
    # ratings[k][i] = the raters' values for criterion k and measure i; each measure has its own tendency.
    ratings = []
    for _k in range(criteria):
        column = []
        for _i in range(measures):
            centre = rng.uniform(1.5, 4.5)
            column.append([min(5, max(1, round(rng.gauss(centre, 0.9)))) for _r in range(raters)])
        ratings.append(column)
    directions = [ranking.COST if k in (4, 5) else ranking.BENEFIT for k in range(criteria)]
    weights = [rng.randint(1, 20) for _k in range(criteria)]
    return ratings, directions, weights


def _python(ratings, directions, weights):
    aggregates = [[ranking.aggregate(values) for values in column] for column in ratings]
    means = [[a.mean for a in column] for column in aggregates]
    result = ranking.rank(means, directions, weights)
    ranks = [m.rank for m in result.measures]
    ranges = [(m.rank_low, m.rank_high) for m in result.measures]
    stable = [m.stable for m in result.measures]
    spreads = [[a.spread for a in column] for column in aggregates]
    return ranks, ranges, stable, spreads


def _numpy(np, cube, directions, weights):
    """cube: ratings as an array (criteria, measures, raters)."""
    tolerance = ranking.TIE_TOLERANCE
    means = cube.mean(axis=2)
    spreads = cube.std(axis=2)  # population standard deviation, as in vorort
    low = means.min(axis=1, keepdims=True)
    high = means.max(axis=1, keepdims=True)
    width = high - low
    cost = np.array([d == ranking.COST for d in directions])[:, None]
    safe = np.where(width == 0, 1.0, width)
    scaled = np.where(cost, (high - means) / safe, (means - low) / safe)
    scaled = np.where(width == 0, 1.0, scaled)
    points = np.asarray(weights, dtype=float)
    shares = points / points.sum()
    base = shares @ scaled

    # All scenarios at once: (base + c·x_k) / (1 + c) with c = ±0.2 · share_k, for every k with share_k > 0.
    active = np.flatnonzero(shares > 0)
    factors = np.array([1 - ranking.SENSITIVITY, 1 + ranking.SENSITIVITY]) - 1
    changes = (shares[active][:, None] * factors[None, :]).reshape(-1)
    rows = np.repeat(active, 2)
    scenarios = (base[None, :] + changes[:, None] * scaled[rows]) / (1 + changes)[:, None]
    every = np.vstack([base[None, :], scenarios])

    order = np.argsort(-every, axis=1, kind="stable")
    ordered = np.take_along_axis(every, order, axis=1)
    starts = np.ones_like(ordered, dtype=bool)
    starts[:, 1:] = (ordered[:, :-1] - ordered[:, 1:]) > tolerance
    positions = np.arange(1, every.shape[1] + 1)
    group_ranks = np.maximum.accumulate(np.where(starts, positions, 0), axis=1)
    ranks = np.empty_like(group_ranks)
    np.put_along_axis(ranks, order, group_ranks, axis=1)
    low_rank, high_rank = ranks.min(axis=0), ranks.max(axis=0)
    stable = (high_rank - low_rank) <= ranking.STABLE_SPREAD
    return ranks[0], np.stack([low_rank, high_rank], axis=1), stable, spreads


def _thousands(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def _best(function, repeat: int):
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return min(times), sorted(times)[len(times) // 2], result


def _django(ratings, directions, weights, repeat: int) -> tuple[float, list[int]]:
    """The app's own path on SQLite: build the data, then time `build_ranking`."""
    data_dir = tempfile.mkdtemp(prefix="vorort-bench-")
    os.environ["VORORT_DATA_DIR"] = data_dir
    os.environ["DJANGO_SETTINGS_MODULE"] = "vorort.settings"
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("SECRET_KEY", "bench-only-" + "x" * 50)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    call_command("migrate", verbosity=0, interactive=False)
    from vorort.accounts.models import Membership, Role, User
    from vorort.measures.models import Measure
    from vorort.network.models import ActionField, Municipality, Network
    from vorort.network.services import network_ensure_defaults
    from vorort.prioritisation import selectors
    from vorort.prioritisation.models import Criterion, Rating, RatingRound

    network = Network.objects.create(name="Benchmark-Netzwerk", slug="benchmark")
    network_ensure_defaults(actor=None, network=network)
    town = Municipality.objects.create(network=network, name="Bench-Stadt", slug="bench-stadt", population=50_000)
    field = ActionField.objects.filter(network=network).first()
    with transaction.atomic():
        criteria = [
            Criterion.objects.create(
                municipality=town, name=f"Kriterium {k + 1}", direction=direction, weight=weight, order=k
            )
            for k, (direction, weight) in enumerate(zip(directions, weights, strict=True))
        ]
        measures = Measure.objects.bulk_create(
            [Measure(municipality=town, title=f"Maßnahme {i:04d}", action_field=field) for i in range(len(ratings[0]))]
        )
        people = [User.objects.create_user(f"person{r}@bench.example") for r in range(len(ratings[0][0]))]
        Membership.objects.bulk_create(
            [Membership(user=u, network=network, municipality=town, role=Role.EDITOR) for u in people]
        )
        rating_round = RatingRound.objects.create(municipality=town, title="Bench", opened_on="2026-01-01")
        rating_round.measures.set(measures)
        rating_round.raters.set(people)
        Rating.objects.bulk_create(
            [
                Rating(rating_round=rating_round, measure=m, criterion=c, rater=p, value=ratings[k][i][r])
                for k, c in enumerate(criteria)
                for i, m in enumerate(measures)
                for r, p in enumerate(people)
            ],
            batch_size=5000,
        )
    print(f"Django: {_thousands(Rating.objects.count())} Bewertungen in {connection.vendor}")
    best, median, result = _best(lambda: selectors.build_ranking(town, rating_round=rating_round), repeat)
    by_measure = {row.measure_id: row.rank for row in result.rows}
    return best, median, [by_measure[m.pk] for m in measures]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--measures", type=int, default=1000)
    parser.add_argument("--criteria", type=int, default=8)
    parser.add_argument("--raters", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--django", action="store_true", help="also time the app's path on a temporary SQLite DB")
    args = parser.parse_args()
    try:
        import numpy as np
    except ImportError:
        sys.exit("NumPy fehlt für den Vergleich: .venv/bin/pip install numpy (oder das Extra „test“).")

    ratings, directions, weights = _data(args.measures, args.criteria, args.raters)
    count = args.measures * args.criteria * args.raters
    scenarios = 2 * sum(1 for w in weights if w)
    print(
        f"{args.measures} Maßnahmen × {args.criteria} Kriterien × {args.raters} Bewertende = "
        f"{_thousands(count)} Bewertungen; Gewichte (Punkte) {weights}; {scenarios} Szenarien (±20 %)"
    )

    py_best, py_median, (ranks, ranges, stable, spreads) = _best(
        lambda: _python(ratings, directions, weights), args.repeat
    )
    cube = np.asarray(ratings, dtype=float)
    np_best, np_median, (np_ranks, np_ranges, np_stable, np_spreads) = _best(
        lambda: _numpy(np, cube, directions, weights), args.repeat
    )

    assert list(np_ranks) == ranks, "ranks differ"
    assert [tuple(r) for r in np_ranges.tolist()] == ranges, "rank ranges differ"
    assert list(np_stable) == stable, "stability differs"
    assert np.allclose(np_spreads, np.asarray(spreads)), "spreads differ"

    aggregate_best, _median, means = _best(
        lambda: [[ranking.aggregate(values).mean for values in column] for column in ratings], args.repeat
    )
    rank_best, _median, _result = _best(lambda: ranking.rank(means, directions, weights), args.repeat)

    stable_count = sum(stable)
    widest = max(high - low for low, high in ranges)
    print(
        "Ergebnis gleich in beiden: Ränge, Rangspannen, Stabilität "
        f"({stable_count} stabil, breiteste Rangspanne {widest})"
    )
    print(f"vorort (reines Python):  {py_best * 1000:8.1f} ms  (Median {py_median * 1000:.1f} ms)")
    print(
        f"  davon Mittelwert/Streuung {aggregate_best * 1000:.1f} ms, "
        f"Normierung/Punktzahl/Rang/Sensitivität {rank_best * 1000:.1f} ms"
    )
    print(f"NumPy direkt:            {np_best * 1000:8.1f} ms  (Median {np_median * 1000:.1f} ms)")
    print(f"Verhältnis vorort / NumPy: {py_best / np_best:.1f}")
    if args.django:
        dj_best, dj_median, dj_ranks = _django(ratings, directions, weights, args.repeat)
        assert dj_ranks == ranks, "the app's ranks differ"
        print(f"build_ranking (SQLite):  {dj_best * 1000:8.1f} ms  (Median {dj_median * 1000:.1f} ms)")
        print(f"Verhältnis build_ranking / NumPy: {dj_best / np_best:.1f}")


if __name__ == "__main__":
    main()
