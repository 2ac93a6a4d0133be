"""The list endpoints' query counts do not grow with the data (two sizes)."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.events.support import make_event
from tests.search.support import field, make_lesson, make_measure
from vorort.strategy import services as strategy

pytestmark = pytest.mark.django_db


def add_content(town, town_b, goal, number: int, tracked=None) -> None:
    for index in range(number):
        if tracked is not None:  # one indicator with more and more measurements
            strategy.measurement_create(
                actor=None,
                indicator=tracked,
                measured_on=datetime.date(2020, 1, 1) + datetime.timedelta(days=number * 100 + index),
                value=Decimal(index),
            )
        measure = make_measure(
            town, f"Maßnahme {number}-{index}", further=("verwaltung", "wohnen"), groups=("Pendler*innen",)
        )
        measure.partner_municipalities.add(town_b)
        make_measure(town, f"Intern {number}-{index}", public=False, groups=("Pendler*innen",))
        make_lesson(town, f"Wissen {number}-{index}", measure=measure)
        make_event(municipality=town, title=f"Format {number}-{index}", is_public=True)
        indicator = strategy.indicator_create(
            actor=None,
            goal=goal,
            name=f"Indikator {number}-{index}",
            unit="%",
            baseline_value=Decimal("1"),
            baseline_date=datetime.date(2024, 1, 1),
            target_value=Decimal("2"),
            target_date=datetime.date(2030, 1, 1),
        )
        strategy.measurement_create(
            actor=None, indicator=indicator, measured_on=datetime.date(2025, 1, 1), value=Decimal("1.5")
        )


@pytest.fixture
def goal(town_a):
    vision = strategy.vision_create(actor=None, municipality=town_a, title="Vision", text="Text.")
    strategy.vision_adopt(
        actor=None, vision=vision, adopted_on=datetime.date(2025, 1, 1), resolution_number="1", expected_version=1
    )
    focus = strategy.focus_create(actor=None, municipality=town_a, action_field=field(town_a), title="Schwerpunkt")
    return strategy.goal_create(actor=None, focus=focus, title="Ziel")


@pytest.fixture
def tracked(goal):
    return strategy.indicator_create(
        actor=None,
        goal=goal,
        name="Gemessen",
        unit="Anzahl",
        baseline_value=Decimal("0"),
        baseline_date=datetime.date(2020, 1, 1),
        target_value=Decimal("10"),
        target_date=datetime.date(2030, 1, 1),
    )


def test_list_queries_do_not_grow(client, django_assert_num_queries, users, town_a, town_b, goal, tracked, token_for):
    token = token_for(users["coordinator"])
    headers = {"Authorization": f"Bearer {token}"}
    addresses = [
        ("/api/v1/kommunen/", {}),
        ("/api/v1/massnahmen/", {}),
        ("/api/v1/massnahmen/?action_field=wohnen", {}),
        ("/api/v1/wissen/", {}),
        ("/api/v1/formate/", {}),
        (f"/api/v1/kommunen/{town_a.slug}/indikatoren/", {}),
        ("/api/v1/arbeitsbereich/", headers),
        (f"/api/v1/arbeitsbereich/{town_a.slug}/wissen/", headers),
        (f"/api/v1/arbeitsbereich/{town_a.slug}/indikatoren/", headers),
        (f"/api/v1/arbeitsbereich/{town_a.slug}/indikatoren/{tracked.pk}/messwerte/", headers),
        (f"/api/v1/arbeitsbereich/{town_a.slug}/massnahmen/", headers),
    ]
    add_content(town_a, town_b, goal, 2, tracked)
    client.get(addresses[-1][0], headers=headers)  # the token's first use stamps last_used_at once
    small = {}
    for address, extra in addresses:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(address, headers=extra)
        assert response.status_code == 200, address
        small[address] = len(queries)
    add_content(town_a, town_b, goal, 12, tracked)
    for address, extra in addresses:
        with django_assert_num_queries(small[address]):
            response = client.get(address, headers=extra)
        assert response.json()["count"] >= 12 or "kommunen/" in address or address.endswith("arbeitsbereich/")
