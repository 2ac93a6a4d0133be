"""Size classes are computed, never stored: the Python property and the database filter must agree."""

import pytest
from django.db import transaction
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from vorort.network.models import SIZE_CLASS_LIMITS, Municipality, SizeClass, size_class_for, size_class_q
from vorort.process.models import Process

from ..factories import MunicipalityFactory, NetworkFactory

BOUNDARIES = [1, 19_999, 20_000, 20_001, 99_999, 100_000, 100_001, 20_000_000]
populations = st.one_of(st.sampled_from(BOUNDARIES), st.integers(min_value=1, max_value=20_000_000))


class _Rollback(Exception):
    pass


@pytest.mark.parametrize(
    ("population", "expected"),
    [
        (1, SizeClass.SMALL),
        (19_999, SizeClass.SMALL),
        (20_000, SizeClass.MEDIUM),
        (99_999, SizeClass.MEDIUM),
        (100_000, SizeClass.LARGE),
        (20_000_000, SizeClass.LARGE),
    ],
)
def test_size_class_boundaries(population, expected):
    assert size_class_for(population) == expected


def test_limits_match_domain():
    assert SIZE_CLASS_LIMITS == {SizeClass.SMALL: 20_000, SizeClass.MEDIUM: 100_000}


@given(st.integers(min_value=1, max_value=20_000_000), st.integers(min_value=1, max_value=20_000_000))
def test_size_class_grows_with_population(a, b):
    order = [SizeClass.SMALL, SizeClass.MEDIUM, SizeClass.LARGE]
    low, high = sorted((a, b))
    assert order.index(size_class_for(low)) <= order.index(size_class_for(high))


@pytest.mark.django_db
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(populations, min_size=1, max_size=12))
@example(BOUNDARIES)
@example([19_999, 20_000, 99_999, 100_000])
def test_filter_agrees_with_property(db, population_list):
    """For any set of populations, size_class_q selects exactly the towns size_class_for puts in the class."""
    try:
        with transaction.atomic():
            network = NetworkFactory(defaults=False)
            towns = [
                MunicipalityFactory(network=network, name=f"Ort {i}", slug=f"ort-{i}", population=population)
                for i, population in enumerate(population_list)
            ]
            for size_class in SizeClass:
                expected = {town.pk for town in towns if town.size_class == size_class}
                found = set(
                    Municipality.objects.filter(network=network)
                    .filter(size_class_q(size_class))
                    .values_list("pk", flat=True)
                )
                assert found == expected, (size_class, population_list)
                # The same through a relation (prefix), as other apps use it.
                through_process = set(
                    Process.objects.filter(municipality__network=network)
                    .filter(size_class_q(size_class, prefix="municipality__"))
                    .values_list("municipality_id", flat=True)
                )
                assert through_process == expected, (size_class, population_list)
            # The three classes split the towns without gap or overlap.
            total = sum(Municipality.objects.filter(network=network).filter(size_class_q(c)).count() for c in SizeClass)
            assert total == len(towns)
            raise _Rollback
    except _Rollback:
        pass
