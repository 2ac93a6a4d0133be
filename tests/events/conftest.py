import pytest
from django.test import Client

from .support import LOGIN_BACKEND


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploads of these tests go to a temporary directory."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


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
