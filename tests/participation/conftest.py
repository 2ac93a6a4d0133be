import pytest
from django.core.cache import cache
from django.test import Client

from ..factories import MeasureFactory
from .support import make_citizen, make_participation

LOGIN_BACKEND = "vorort.accounts.backends.EmailBackend"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Rate-limit counters live in the cache; every test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def safe_client():
    """A client that returns 500 pages instead of raising, so a crash shows up as a status."""
    return Client(raise_request_exception=False)


@pytest.fixture
def measures(town_a):
    return [
        MeasureFactory(municipality=town_a, title="Mobilstation am Bahnhof", summary="Rad, Bus und Carsharing."),
        MeasureFactory(municipality=town_a, title="Digitale Bürgersprechstunde", summary="Termine online."),
    ]


@pytest.fixture
def participation(town_a, measures):
    return make_participation(town_a, measures=measures)


@pytest.fixture
def citizen(users, participation):
    return make_citizen(users["participant"], participation)


@pytest.fixture
def citizen_client(safe_client, citizen):
    safe_client.force_login(citizen, backend=LOGIN_BACKEND)
    return safe_client
