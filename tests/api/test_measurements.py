"""Token access to a municipality's indicators and measurements, as a sensor platform or statistics office would post
them: all indicators (also of a strategy not yet adopted) with the latest value, measurements recorded through the
strategy service with an audit entry, one value per indicator and day (a second one is 409, as the web form refuses
it), German 422 messages with nothing saved."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType

from tests.search.support import field
from vorort.core.models import AuditAction, AuditEntry
from vorort.strategy import services as strategy
from vorort.strategy.models import Indicator, Measurement

from .conftest import SECRET

pytestmark = pytest.mark.django_db

BASE = "/api/v1/arbeitsbereich"


def indicators_url(town) -> str:
    return f"{BASE}/{town.slug}/indikatoren/"


def measurements_url(town, indicator) -> str:
    return f"{BASE}/{town.slug}/indikatoren/{indicator.pk}/messwerte/"


def saved() -> tuple[int, int]:
    return Measurement.objects.count(), AuditEntry.objects.count()


@pytest.fixture
def indicator(portal):
    return Indicator.objects.get(name="Radverkehrsanteil")


@pytest.fixture
def draft_indicator(town_b):
    """An indicator of Billerbeck, whose strategy is not adopted: internal."""
    focus = strategy.focus_create(actor=None, municipality=town_b, action_field=field(town_b), title="Schwerpunkt B")
    goal = strategy.goal_create(actor=None, focus=focus, title="Ziel B")
    return strategy.indicator_create(
        actor=None,
        goal=goal,
        name="Fahrgäste Bürgerbus",
        unit="Anzahl",
        baseline_value=Decimal("100"),
        baseline_date=datetime.date(2024, 1, 1),
        target_value=Decimal("300"),
        target_date=datetime.date(2030, 1, 1),
    )


NEW = {"measured_on": "2026-03-01", "value": "17.5", "note": "Zählstelle Bahnhof"}


def test_reader_sees_indicators_with_latest_value(api, indicator, users, token_for, town_a):
    data = api.get(indicators_url(town_a), token_for(users["viewer"])).json()
    assert data["count"] == 1
    item = data["items"][0]
    assert item["id"] == indicator.pk and item["name"] == "Radverkehrsanteil"
    assert item["latest_value"] == "15.00" and item["latest_date"] == "2025-01-01" and item["progress"] == 50
    assert item["goal"] == "Mehr Radverkehr" and item["focus"] == "Radverkehr stärken"
    assert item["action_field"] == "mobilitaet" and item["is_public"] is True and item["version"] == 1
    assert item["url"].endswith(f"/{indicator.pk}/")


def test_indicators_of_a_strategy_not_adopted_are_listed_as_internal(api, draft_indicator, users, token_for, town_b):
    token = token_for(users["coordinator_b"])
    item = api.get(indicators_url(town_b), token).json()["items"][0]
    assert item["name"] == "Fahrgäste Bürgerbus" and item["is_public"] is False
    assert item["latest_value"] is None and item["progress"] is None
    assert api.get(f"/api/v1/kommunen/{town_b.slug}/indikatoren/").json()["count"] == 0  # not public


def test_reader_sees_measurements_with_notes(api, indicator, users, token_for, town_a):
    token = token_for(users["viewer"])
    strategy.measurement_create(actor=None, indicator=indicator, measured_on=datetime.date(2025, 6, 1), value=18)
    data = api.get(measurements_url(town_a, indicator), token).json()
    assert [(item["measured_on"], item["value"], item["progress"]) for item in data["items"]] == [
        ("2025-01-01", "15.00", 50),
        ("2025-06-01", "18.00", 80),
    ]
    assert data["items"][0]["note"] == SECRET  # internal notes are for the town's people
    later = api.get(measurements_url(town_a, indicator), token, since="2025-02-01").json()
    assert [item["measured_on"] for item in later["items"]] == ["2025-06-01"]
    earlier = api.get(measurements_url(town_a, indicator), token, until="2025-02-01").json()
    assert [item["measured_on"] for item in earlier["items"]] == ["2025-01-01"]


def test_record_through_the_service_with_audit(api, indicator, users, token_for, town_a):
    editor = users["editor"]
    token = token_for(editor)
    response = api.post(measurements_url(town_a, indicator), NEW, token)
    assert response.status_code == 201, response.content
    data = response.json()
    assert data == {**NEW, "id": data["id"], "value": "17.50", "progress": 75}
    measurement = Measurement.objects.get(pk=data["id"])
    assert measurement.indicator == indicator and measurement.value == Decimal("17.5")
    entry = AuditEntry.objects.get(
        content_type=ContentType.objects.get_for_model(Measurement), object_id=str(measurement.pk)
    )
    assert entry.action == AuditAction.CREATE and entry.actor == editor and entry.municipality == town_a
    listed = api.get(indicators_url(town_a), token).json()["items"][0]
    assert (listed["latest_value"], listed["latest_date"]) == ("17.50", "2026-03-01")
    negative = api.post(measurements_url(town_a, indicator), {"measured_on": "2026-03-02", "value": -3}, token)
    assert negative.status_code == 201 and negative.json()["value"] == "-3.00" and negative.json()["progress"] == 0


def test_second_value_for_the_same_day_is_409_and_changes_nothing(api, indicator, users, token_for, town_a):
    token = token_for(users["editor"])
    first = api.post(measurements_url(town_a, indicator), NEW, token).json()
    before = saved()
    response = api.post(measurements_url(town_a, indicator), {**NEW, "value": "99"}, token)
    assert response.status_code == 409
    body = response.json()
    assert body["detail"].startswith("Für diesen Tag gibt es schon einen Messwert.")
    assert body["existing"] == first
    assert saved() == before
    assert Measurement.objects.get(pk=first["id"]).value == Decimal("17.5")


def test_viewer_cannot_record(api, indicator, users, token_for, town_a):
    token = token_for(users["viewer"])
    before = saved()
    response = api.post(measurements_url(town_a, indicator), NEW, token)
    assert response.status_code == 403
    assert saved() == before


def test_other_towns_indicators_are_404(api, indicator, draft_indicator, users, token_for, town_a, town_b):
    token = token_for(users["coordinator"])
    before = saved()
    for response in [
        api.get(indicators_url(town_b), token),
        api.get(measurements_url(town_b, draft_indicator), token),
        api.get(measurements_url(town_a, draft_indicator), token),
        api.post(measurements_url(town_b, draft_indicator), NEW, token),
        api.post(measurements_url(town_a, draft_indicator), NEW, token),
    ]:
        assert response.status_code == 404
        assert response.json() == {"detail": "Nicht gefunden."}
    assert saved() == before


@pytest.mark.parametrize(
    ("payload", "field", "message"),
    [
        ({"value": "1"}, "measured_on", "Dieses Feld ist erforderlich."),
        ({"measured_on": "2026-03-01"}, "value", "Dieses Feld ist erforderlich."),
        ({**NEW, "measured_on": "01.03.2026"}, "measured_on", "Bitte ein Datum im Format JJJJ-MM-TT angeben."),
        ({**NEW, "measured_on": "2026-03-01T10:15:00"}, "measured_on", "Bitte ein Datum ohne Uhrzeit angeben."),
        ({**NEW, "value": "viel"}, "value", "Bitte eine Zahl angeben"),
        ({**NEW, "value": "17,5"}, "value", "Bitte eine Zahl angeben"),
        ({**NEW, "value": "1.234"}, "value", "Höchstens 2 Nachkommastellen."),
        ({**NEW, "value": "1e20"}, "value", "Höchstens 14 Ziffern."),
        ({**NEW, "value": "NaN"}, "value", "Bitte eine"),
        ({**NEW, "note": "x" * 301}, "note", "Höchstens 300 Zeichen."),
        ({**NEW, "indicator": 1}, "indicator", "Dieses Feld gibt es nicht."),
    ],
)
def test_bad_input_is_422_in_german_and_saves_nothing(
    api, indicator, users, token_for, town_a, payload, field, message
):
    token = token_for(users["editor"])
    before = saved()
    response = api.post(measurements_url(town_a, indicator), payload, token)
    assert response.status_code == 422, response.content
    body = response.json()
    assert body["detail"] == "Die Eingaben sind ungültig."
    assert body["errors"][field][0].startswith(message), body
    assert saved() == before


def test_value_recorded_meanwhile_is_409_too(api, indicator, users, token_for, town_a, monkeypatch):
    """Between the API's look and the service's write someone records the day: the service refuses, and the answer
    is the same 409."""
    from vorort.api import selectors

    token = token_for(users["editor"])
    first = api.post(measurements_url(town_a, indicator), NEW, token).json()
    real, calls = selectors.measurement_on, []

    def not_yet_then_real(indicator, day):
        calls.append(day)
        return None if len(calls) == 1 else real(indicator, day)

    monkeypatch.setattr(selectors, "measurement_on", not_yet_then_real)
    before = saved()
    response = api.post(measurements_url(town_a, indicator), {**NEW, "value": "1"}, token)
    assert response.status_code == 409 and response.json()["existing"] == first
    assert len(calls) == 2 and saved() == before
