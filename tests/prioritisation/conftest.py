import re
from decimal import Decimal

import pytest
from django.test import Client

from vorort.network.models import UserGroup
from vorort.prioritisation import services
from vorort.prioritisation.models import Criterion

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
def criteria(town_a, users):
    """Town A adopted the network's eight default criteria."""
    services.criteria_adopt_template(actor=users["coordinator"], municipality=town_a)
    return {c.name: c for c in Criterion.objects.filter(municipality=town_a)}


def only_criteria(municipality, actor, *specs) -> list[Criterion]:
    """Replace the municipality's criteria by (name, source, direction, weight) tuples."""
    Criterion.objects.filter(municipality=municipality).delete()
    return [
        services.criterion_create(
            actor=actor,
            municipality=municipality,
            data={"name": name, "source": source, "direction": direction, "weight": weight, "order": order},
        )
        for order, (name, source, direction, weight) in enumerate(specs, start=1)
    ]


def measure(municipality, title: str, **fields):
    return MeasureFactory(municipality=municipality, title=title, **fields)


def benefits(measure_obj, *strengths: int) -> None:
    groups = list(UserGroup.objects.filter(network_id=measure_obj.municipality.network_id).order_by("order"))
    for group, strength in zip(groups, strengths, strict=False):
        measure_obj.benefits.create(user_group=group, strength=strength)


def euros(value) -> Decimal:
    return Decimal(str(value))


def field_errors(html: str, field: str) -> str:
    """The error list rendered next to form field `field`, as text ("" if there is none)."""
    match = re.search(rf'<ul class="errorlist" id="id_{field}_error">(.*?)</ul>', html, re.S)
    return re.sub(r"<[^>]+>", " ", match.group(1)) if match else ""


def text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


@pytest.fixture
def scenario(town_a, users):
    """Three measures worked out by hand (see test_catalogue.py): an open round with two raters.

    Criteria: Dringlichkeit (rated 1–5, weight 2), Kosten (data, weight 1), Mehrwert (data, weight 1).
    Bürger-App: ratings 5 and 3 (mean 4), cost 10 000 + 5 × 1 000 = 15 000 €, benefit 3 + 3 = 6.
    Mobilstation: ratings 2 and 2, cost 50 000 €, benefit 2.
    Smarte Beleuchtung: ratings 5 and 5, cost 20 000 + 5 × 2 000 = 30 000 €, benefit 1 + 1 + 1 + 1 = 4.
    """
    coordinator = users["coordinator"]
    dringlichkeit, kosten, mehrwert = only_criteria(
        town_a,
        coordinator,
        ("Dringlichkeit", "bewertung", "nutzen", 2),
        ("Kosten", "kosten", "kosten", 1),
        ("Mehrwert", "mehrwert", "nutzen", 1),
    )
    app = measure(town_a, "Bürger-App", investment_cost=euros(10_000), running_cost=euros(1_000))
    station = measure(town_a, "Mobilstation", investment_cost=euros(50_000))
    light = measure(town_a, "Smarte Beleuchtung", investment_cost=euros(20_000), running_cost=euros(2_000))
    benefits(app, 3, 3)
    benefits(station, 2)
    benefits(light, 1, 1, 1, 1)
    rating_round = services.rating_round_create(
        actor=coordinator,
        municipality=town_a,
        title="Priorisierung 2026",
        measures=[app, station, light],
        raters=[coordinator, users["editor"]],
    )
    for rater, values in ((coordinator, (5, 2, 5)), (users["editor"], (3, 2, 5))):
        for measure_obj, value in zip((app, station, light), values, strict=True):
            services.ratings_save(
                actor=rater, rating_round=rating_round, measure=measure_obj, values={dringlichkeit.pk: value}
            )
    return {
        "round": rating_round,
        "criteria": (dringlichkeit, kosten, mehrwert),
        "app": app,
        "station": station,
        "light": light,
    }
