"""Rate limits: 429 as JSON with Retry-After, per client IP without a token and per token with one."""

from types import SimpleNamespace

import pytest

from tests.search.support import make_measure
from vorort.core import ratelimit

pytestmark = pytest.mark.django_db


@pytest.fixture
def tight_limits(settings, monkeypatch):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "api": (3, 60), "api_token": (2, 60)}
    # The limiter counts in fixed windows: a clock standing 10 s into one keeps a window edge out of the test.
    monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda: 999_970.0))


def test_anonymous_reads_are_limited_per_ip(client, tight_limits, town_a):
    make_measure(town_a, "Radweg")
    for _ in range(3):
        assert client.get("/api/v1/massnahmen/").status_code == 200
    response = client.get("/api/v1/massnahmen/")
    assert response.status_code == 429
    assert int(response["Retry-After"]) == 50
    assert response.json()["detail"].startswith("Zu viele Anfragen.")
    # Another address counts for itself.
    assert client.get("/api/v1/massnahmen/", REMOTE_ADDR="10.0.0.2").status_code == 200


def test_tokens_are_limited_per_token(client, tight_limits, users, town_a, token_for):
    first, second = token_for(users["editor"]), token_for(users["editor"])
    address = f"/api/v1/arbeitsbereich/{town_a.slug}/massnahmen/"
    for _ in range(2):
        assert client.get(address, headers={"Authorization": f"Bearer {first}"}).status_code == 200
    response = client.get(address, headers={"Authorization": f"Bearer {first}"})
    assert response.status_code == 429 and "Retry-After" in response
    assert response.json()["detail"].startswith("Zu viele Anfragen.")
    assert client.get(address, headers={"Authorization": f"Bearer {second}"}).status_code == 200


def test_guessing_tokens_is_limited(client, tight_limits, town_a):
    address = f"/api/v1/arbeitsbereich/{town_a.slug}/massnahmen/"
    statuses = [client.get(address, headers={"Authorization": f"Bearer vo_rate{n}"}).status_code for n in range(5)]
    assert statuses[:3] == [401, 401, 401]
    assert statuses[3:] == [429, 429]
