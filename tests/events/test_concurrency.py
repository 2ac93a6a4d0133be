"""20 people register at the same moment for the last seat: exactly one gets it, 19 go to the waiting list.

Each thread works like a request of its own: its own database connection, closed at the end (see
tests/concurrency.py: on SQLite the threads work on a file copy with the production settings – WAL, BEGIN IMMEDIATE,
busy timeout – because the in-memory test database cannot make a writer wait). On PostgreSQL the service's
SELECT … FOR UPDATE on the event row is what serialises the registrations.
"""

import pytest

from tests.concurrency import in_thread, run_concurrently, thread_database
from tests.factories import UserFactory
from vorort.accounts.models import User
from vorort.events.models import Event, Registration, RegistrationStatus
from vorort.events.services import registration_cancel, registration_create

from .support import make_event

THREADS = 20

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def threads_db(tmp_path):
    with thread_database(tmp_path):
        yield


@pytest.fixture
def last_seat(town_a):
    """An event with 3 seats, 2 of them taken: one seat left."""
    event = make_event(municipality=town_a, title="Strategiewerkstatt", is_public=True, capacity=3)
    for person in UserFactory.create_batch(2):
        registration_create(actor=person, event=event)
    return event


def test_twenty_concurrent_registrations_for_the_last_seat(last_seat, threads_db):
    # The people must exist where the threads work (on SQLite: in the file copy), so they are created there.
    def create_people():
        return [UserFactory(email=f"gleichzeitig{index}@example.org") for index in range(THREADS)]

    people = in_thread(create_people)
    errors = run_concurrently(lambda index: registration_create(actor=people[index], event=last_seat), THREADS)
    assert errors == []

    def outcome():
        rows = Registration.objects.filter(event_id=last_seat.pk, user__in=people)
        return {
            "confirmed": rows.filter(status=RegistrationStatus.CONFIRMED).count(),
            "waiting": rows.filter(status=RegistrationStatus.WAITING).count(),
            "all_confirmed": Registration.objects.filter(
                event_id=last_seat.pk, status=RegistrationStatus.CONFIRMED
            ).count(),
        }

    assert in_thread(outcome) == {"confirmed": 1, "waiting": THREADS - 1, "all_confirmed": 3}


def test_concurrent_cancellations_fill_each_seat_once(last_seat, threads_db):
    """Two seated people cancel at once while many wait: exactly two move up, nobody twice."""

    def fill():
        seated = list(
            Registration.objects.filter(event_id=last_seat.pk, status=RegistrationStatus.CONFIRMED).values_list(
                "user_id", flat=True
            )
        )
        waiting = [UserFactory(email=f"warte{index}@example.org") for index in range(6)]
        event = Event.objects.get(pk=last_seat.pk)
        registration_create(actor=UserFactory(email="dritte@example.org"), event=event)
        for person in waiting:
            registration_create(actor=person, event=event)
        return seated

    seated_ids = in_thread(fill)
    seated = in_thread(lambda: list(User.objects.filter(pk__in=seated_ids)))
    errors = run_concurrently(lambda index: registration_cancel(actor=seated[index], event=last_seat), 2)
    assert errors == []
    counts = in_thread(
        lambda: {
            status: Registration.objects.filter(event_id=last_seat.pk, status=status).count()
            for status in RegistrationStatus.values
        }
    )
    assert counts == {"angemeldet": 3, "warteliste": 4, "abgemeldet": 2}
