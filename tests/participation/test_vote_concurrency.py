"""One vote per person and measure, even when 50 requests arrive at the same moment (SQLite and PostgreSQL).

Each thread works like a request of its own: its own database connection, closed at the end (see tests/concurrency.py
for how SQLite's in-memory test database is replaced by a file copy with the production settings).
"""

import pytest
from django.test import Client
from django.urls import reverse

from vorort.accounts.models import User
from vorort.measures.models import Measure
from vorort.participation.models import Participation, Vote
from vorort.participation.services import vote_cast

from .. import concurrency
from ..concurrency import in_thread
from .conftest import LOGIN_BACKEND

THREADS = 50

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def thread_database(tmp_path):
    with concurrency.thread_database(tmp_path):
        yield


def votes_of(citizen, participation, measure) -> int:
    return in_thread(
        lambda: Vote.objects.filter(participant=citizen.pk, measure=measure.pk, participation=participation.pk).count()
    )


def test_fifty_concurrent_votes_by_one_person_leave_exactly_one(citizen, participation, measures, thread_database):
    measure = measures[0]

    def vote(_index):
        # Fresh objects per thread, as separate requests would load them.
        vote_cast(
            participant=User.objects.get(pk=citizen.pk),
            participation=Participation.objects.select_related("municipality").get(pk=participation.pk),
            measure=Measure.objects.get(pk=measure.pk),
        )

    errors = concurrency.run_concurrently(vote, THREADS)
    assert errors == []
    assert votes_of(citizen, participation, measure) == 1
    assert in_thread(lambda: Vote.objects.count()) == 1


def test_fifty_concurrent_vote_requests_leave_exactly_one(citizen, participation, measures, thread_database):
    """The same through the web: 50 signed-in POSTs of one citizen at once, all answered without an error."""
    measure = measures[1]
    url = reverse(
        "participation:vote",
        kwargs={"slug": participation.municipality.slug, "pk": participation.pk, "measure_pk": measure.pk},
    )
    statuses: list[int] = []

    def post(_index):
        client = Client(raise_request_exception=True)
        client.force_login(User.objects.get(pk=citizen.pk), backend=LOGIN_BACKEND)
        statuses.append(client.post(url, {"action": "support"}).status_code)

    errors = concurrency.run_concurrently(post, THREADS)
    assert errors == []
    assert statuses == [302] * THREADS
    assert votes_of(citizen, participation, measure) == 1
