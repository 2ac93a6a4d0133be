import datetime
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone

from vorort.measures.templatetags.measure_format import decimal_de
from vorort.resources.capacity import Quarter, hours
from vorort.resources.models import Assignment, Capacity, Person

from ..factories import MeasureFactory
from ..process.test_bad_input import HUGE  # noqa: F401 - shared with the tests of this folder
from ..process.test_bad_input import _assert_refused as assert_refused  # noqa: F401

LOGIN_BACKEND = "vorort.accounts.backends.EmailBackend"
HOSTILE = '<script>alert("x")</script>&amp; <b onmouseover="x">\'"'


@pytest.fixture
def safe_client():
    """A client that returns 500 pages instead of raising, so a crash shows up as a status."""
    return Client(raise_request_exception=False)


@pytest.fixture
def login(safe_client, users):
    def as_role(role: str) -> Client:
        safe_client.force_login(users[role], backend=LOGIN_BACKEND)
        return safe_client

    return as_role


@pytest.fixture
def this_quarter() -> Quarter:
    return Quarter.containing(timezone.localdate())


@pytest.fixture
def measure(town_a):
    return MeasureFactory(municipality=town_a, title="Mobilstation am Bahnhof")


def person(town, name: str, hours: int | str | None = None, start: datetime.date | None = None, **fields) -> Person:
    """A person of `town`, with an open-ended capacity of `hours` per week from `start` if given."""
    created = Person.objects.create(municipality=town, name=name, **fields)
    if hours is not None:
        Capacity.objects.create(person=created, valid_from=start, hours_per_week=Decimal(str(hours)))
    return created


def assign(who: Person, measure, hours, start: datetime.date, end: datetime.date) -> Assignment:
    return Assignment.objects.create(
        person=who, measure=measure, hours_per_week=Decimal(str(hours)), start=start, end=end
    )


def hours_text(hours_per_week, days: int) -> str:
    """How pages show `hours_per_week` over `days` days: h × d ÷ 7, German, decimals only where needed."""
    return decimal_de(hours(Decimal(str(hours_per_week)) * days), 1)
