import re

import pytest
from django.test import Client

from vorort.network.models import ActionField, UserGroup
from vorort.strategy.models import Focus, Goal

from ..factories import MeasureFactory

LOGIN_BACKEND = "vorort.accounts.backends.EmailBackend"


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
def fields(network):
    return {field.slug: field for field in ActionField.objects.filter(network=network)}


@pytest.fixture
def groups(network):
    return {group.name: group for group in UserGroup.objects.filter(network=network)}


@pytest.fixture
def focus(town_a, fields):
    return Focus.objects.create(municipality=town_a, action_field=fields["mobilitaet"], title="Mobilität im Quartier")


@pytest.fixture
def goal(town_a, focus):
    return Goal.objects.create(municipality=town_a, focus=focus, title="Mehr Wege mit dem Rad")


@pytest.fixture
def measure(town_a, fields):
    return MeasureFactory(municipality=town_a, title="Mobilstation am Bahnhof", action_field=fields["mobilitaet"])


def field_errors(html: str, field: str) -> str:
    """The error list rendered next to form field `field`, as text ("" if there is none)."""
    match = re.search(rf'<ul class="errorlist" id="id_{field}_error">(.*?)</ul>', html, re.S)
    return re.sub(r"<[^>]+>", " ", match.group(1)) if match else ""


def measure_data(measure=None, **overrides) -> dict:
    """A complete, valid post of the measure form (for `measure` if given)."""
    data = {
        "reference": "",
        "title": "Mobilstation am Bahnhof",
        "summary": "",
        "description": "",
        "risks": "",
        "action_field": measure.action_field_id if measure else "",
        "focus": "",
        "start_date": "",
        "end_date": "",
        "status": measure.status if measure else "idee",
        "investment_cost": "",
        "running_cost": "",
        "funding_programme": "",
        "funding_share": "",
        "personnel_effort": "",
        "responsible_unit": "",
        "origin": "eigene",
        "origin_note": "",
        "source_measure": "",
        "source_url": "",
        "transferability": "",
        "transfer_note": "",
        "status_note": "",
    }
    if measure is not None:
        data["version"] = measure.version
        data["title"] = measure.title
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
