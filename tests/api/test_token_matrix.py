"""The role × URL matrix for the token-authenticated endpoints (listed in tests/api/matrix.py TOKEN_ENTRIES)."""

import json

import pytest
from django.db import transaction
from django.urls import reverse

from tests.factories import NetworkFactory, network_admin
from tests.search.support import make_measure
from vorort.api.services import api_token_create

from .matrix import EVERYONE, TOKEN_ENTRIES

pytestmark = pytest.mark.django_db

OUTSIDERS = {"participant", "coordinator_b", "other_admin"}


@pytest.fixture
def world(users, town_a, town_b):
    other = NetworkFactory(name="Anderes Netzwerk")
    users = dict(users, other_admin=network_admin(other, email="andere@example.org"))
    return {
        "tokens": {role: api_token_create(actor=user, name=role)[1] for role, user in users.items()},
        "a": {"town": town_a, "measure": make_measure(town_a, "Intern A", public=False)},
        "b": {"town": town_b, "measure": make_measure(town_b, "Intern B", public=False)},
    }


def _call(client, entry, url, token):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    method = getattr(client, entry.method)
    with transaction.atomic():  # each request on its own, rolled back
        if entry.method == "get":
            response = method(url, headers=headers)
        else:
            payload = dict(entry.payload)
            if entry.method == "patch":
                payload["version"] = 1
            response = method(url, json.dumps(payload), content_type="application/json", headers=headers)
        transaction.set_rollback(True)
    return response


def _url(name, entry, town, measure) -> str:
    if entry.scope == "user":
        return reverse(name)
    kwargs = {"slug": town.slug}
    if entry.names_measure:
        kwargs["id"] = measure.pk
    return reverse(name, kwargs=kwargs)


@pytest.mark.parametrize("name", sorted(TOKEN_ENTRIES))
def test_token_matrix(client, world, name):
    problems = []
    for entry in TOKEN_ENTRIES[name]:
        a, b = world["a"], world["b"]
        url = _url(name, entry, a["town"], a["measure"])
        label = f"{entry.method.upper()} {name}"
        status = _call(client, entry, url, None).status_code
        if status != 401:
            problems.append(f"{label}: without a token got {status}, expected 401")
        for role in sorted(EVERYONE):
            status = _call(client, entry, url, world["tokens"][role]).status_code
            if entry.scope == "municipality" and role in OUTSIDERS:
                expected = {404}
            elif role in entry.allowed:
                expected = {200, 201}
            else:
                expected = {403}
            if status not in expected:
                problems.append(f"{label}: {role} got {status}, expected {sorted(expected)}")
        if entry.scope == "municipality":
            targets = [_url(name, entry, b["town"], b["measure"])]
            if entry.names_measure:  # own town in the address, town B's measure
                targets.append(_url(name, entry, a["town"], b["measure"]))
            for target in targets:
                status = _call(client, entry, target, world["tokens"]["coordinator"]).status_code
                if status != 404:
                    problems.append(f"{label}: town A's coordinator got {status} for {target}, expected 404")
    assert not problems, "\n".join(problems)
