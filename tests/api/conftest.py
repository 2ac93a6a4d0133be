"""Fixtures for the API tests: the portal's mixed public/internal network, tokens, and a JSON client."""

import json

import pytest
from django.core.cache import cache

from tests.portal.conftest import SECRET, portal  # noqa: F401 - the shared public/internal fixture
from vorort.api.services import api_token_create


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Rate-limit counters live in the cache; every test starts from zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def token_for(db):
    """`token_for(user)` → the secret of a new API token of `user`."""

    def make(user, **options) -> str:
        _token, secret = api_token_create(actor=user, name=options.pop("name", "Test"), **options)
        return secret

    return make


class Api:
    """Calls the API with the Django test client; `token` sends `Authorization: Bearer …`."""

    def __init__(self, client):
        self.client = client

    def _headers(self, token):
        return {"Authorization": f"Bearer {token}"} if token else {}

    def get(self, path, token=None, **params):
        return self.client.get(path, params, headers=self._headers(token))

    def post(self, path, data, token=None):
        return self.client.post(path, json.dumps(data), content_type="application/json", headers=self._headers(token))

    def patch(self, path, data, token=None):
        return self.client.patch(path, json.dumps(data), content_type="application/json", headers=self._headers(token))


@pytest.fixture
def api(client):
    return Api(client)
