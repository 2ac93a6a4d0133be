"""The role × URL matrix for the token-authenticated endpoints (listed in tests/api/matrix.py TOKEN_ENTRIES)."""

import datetime
import json
from decimal import Decimal

import pytest
from django.db import transaction
from django.urls import reverse

from tests.factories import NetworkFactory, network_admin
from tests.search.support import field, make_lesson, make_measure
from vorort.api.services import api_token_create
from vorort.strategy import services as strategy

from .matrix import EVERYONE, TOKEN_ENTRIES

pytestmark = pytest.mark.django_db

OUTSIDERS = {"participant", "coordinator_b", "other_admin"}


def _objects(town, name: str) -> dict:
    """One internal object of each kind the addresses name, in `town`."""
    focus = strategy.focus_create(actor=None, municipality=town, action_field=field(town), title=f"Schwerpunkt {name}")
    goal = strategy.goal_create(actor=None, focus=focus, title=f"Ziel {name}")
    return {
        "town": town,
        "measure": make_measure(town, f"Intern {name}", public=False),
        "lesson": make_lesson(town, f"Wissen {name}", public=False),
        "indicator": strategy.indicator_create(
            actor=None,
            goal=goal,
            name=f"Indikator {name}",
            unit="%",
            baseline_value=Decimal("1"),
            baseline_date=datetime.date(2024, 1, 1),
            target_value=Decimal("2"),
            target_date=datetime.date(2030, 1, 1),
        ),
    }


@pytest.fixture
def world(users, town_a, town_b):
    other = NetworkFactory(name="Anderes Netzwerk")
    users = dict(users, other_admin=network_admin(other, email="andere@example.org"))
    return {
        "tokens": {role: api_token_create(actor=user, name=role)[1] for role, user in users.items()},
        "a": _objects(town_a, "A"),
        "b": _objects(town_b, "B"),
    }


def _call(client, entry, url, token):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    method = getattr(client, entry.method)
    with transaction.atomic():  # each request on its own, rolled back
        if entry.method in {"get", "delete"}:
            response = method(url, headers=headers)
        else:
            payload = dict(entry.payload)
            if entry.method == "patch":
                payload["version"] = 1
            response = method(url, json.dumps(payload), content_type="application/json", headers=headers)
        transaction.set_rollback(True)
    return response


def _url(name, entry, town, objects) -> str:
    if entry.scope == "user":
        return reverse(name)
    kwargs = {"slug": town.slug}
    if entry.names:
        kwargs["id"] = objects[entry.names].pk
    return reverse(name, kwargs=kwargs)


@pytest.mark.parametrize("name", sorted(TOKEN_ENTRIES))
def test_token_matrix(client, world, name):
    problems = []
    for entry in TOKEN_ENTRIES[name]:
        a, b = world["a"], world["b"]
        url = _url(name, entry, a["town"], a)
        label = f"{entry.method.upper()} {name}"
        status = _call(client, entry, url, None).status_code
        if status != 401:
            problems.append(f"{label}: without a token got {status}, expected 401")
        for role in sorted(EVERYONE):
            status = _call(client, entry, url, world["tokens"][role]).status_code
            if entry.scope == "municipality" and role in OUTSIDERS:
                expected = {404}
            elif role in entry.allowed:
                expected = {200, 201, 204}
            else:
                expected = {403}
            if status not in expected:
                problems.append(f"{label}: {role} got {status}, expected {sorted(expected)}")
        if entry.scope == "municipality":
            targets = [_url(name, entry, b["town"], b)]
            if entry.names:  # own town in the address, town B's object
                targets.append(_url(name, entry, a["town"], b))
            for target in targets:
                status = _call(client, entry, target, world["tokens"]["coordinator"]).status_code
                if status != 404:
                    problems.append(f"{label}: town A's coordinator got {status} for {target}, expected 404")
    assert not problems, "\n".join(problems)
