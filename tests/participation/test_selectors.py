"""`vote_counts`, the ranking's input: supporting votes per measure across a municipality's participations."""

import pytest

from vorort.participation.models import ParticipationState, Vote
from vorort.participation.selectors import vote_counts

from ..factories import MeasureFactory, UserFactory
from .support import make_participation

pytestmark = pytest.mark.django_db


def test_counts_over_all_participations_of_the_town(town_a, town_b, measures):
    first = make_participation(town_a, measures=measures)
    second = make_participation(town_a, measures=measures[:1], state=ParticipationState.CLOSED, title="Runde 2")
    people = [UserFactory() for _ in range(3)]
    for person in people:
        Vote.objects.create(participation=first, measure=measures[0], participant=person)
    Vote.objects.create(participation=second, measure=measures[0], participant=people[0])
    Vote.objects.create(participation=first, measure=measures[1], participant=None)  # deleted account: still counts
    other_town = make_participation(town_b, measures=[MeasureFactory(municipality=town_b)])
    Vote.objects.create(participation=other_town, measure=other_town.measures.get(), participant=people[1])
    unvoted = MeasureFactory(municipality=town_a)

    counts = vote_counts(town_a, [measures[0].pk, measures[1].pk, unvoted.pk])
    assert counts == {measures[0].pk: 4, measures[1].pk: 1, unvoted.pk: 0}
    # Another town's measures are not counted under this town.
    assert vote_counts(town_a, [other_town.measures.get().pk]) == {other_town.measures.get().pk: 0}
    assert vote_counts(town_a, []) == {}


def test_constant_number_of_queries(town_a, measures, django_assert_num_queries):
    participation = make_participation(town_a, measures=measures)
    for _ in range(5):
        Vote.objects.create(participation=participation, measure=measures[0], participant=UserFactory())
    with django_assert_num_queries(1):
        vote_counts(town_a, [m.pk for m in measures] + [10_000 + n for n in range(50)])
