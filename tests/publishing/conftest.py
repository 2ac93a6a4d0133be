import pytest
from django.test import Client

from .support import LOGIN_BACKEND, build_strategy


@pytest.fixture(autouse=True)
def publications_dir(settings, tmp_path):
    """Generated files and uploads of these tests go to a temporary directory."""
    settings.VORORT_PUBLICATIONS_DIR = tmp_path / "publications"
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.VORORT_PUBLICATIONS_DIR


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
def strategy(town_a, users):
    """Town A with a whole strategy of twelve measures and a frozen catalogue of the first ten."""
    return build_strategy(town_a, users["coordinator"], measures=12)
