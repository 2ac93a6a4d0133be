"""Bedarfe: list with filters and pagination, create/edit/delete, bad input, stale edits, query counts."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import NetworkFactory
from vorort.core.models import AuditEntry
from vorort.network.models import UserGroup
from vorort.strategy import services
from vorort.strategy.models import Need, NeedSource

from .conftest import HUGE, assert_refused, field_errors
from .support import field, need

pytestmark = pytest.mark.django_db

LIST = reverse("strategy:need_list", kwargs={"slug": "beckum"})
CREATE = reverse("strategy:need_create", kwargs={"slug": "beckum"})


def _edit_url(pk):
    return reverse("strategy:need_edit", kwargs={"slug": "beckum", "pk": pk})


def _data(municipality, **overrides):
    data = {
        "title": "Sichere Radwege zur Schule",
        "description": "Eltern wünschen sich getrennte Radwege.",
        "action_field": field(municipality, "mobilitaet").pk,
        "user_group": UserGroup.objects.get(network=municipality.network, name="Kinder und Jugendliche").pk,
        "source": NeedSource.SURVEY,
        "source_detail": "Bürgerumfrage 2025, Frage 7",
        "weight": "4",
        "recorded_on": "2025-11-03",
    }
    data.update(overrides)
    return data


def test_need_is_created_edited_and_deleted(login, users, town_a):
    client = login(users["editor"])
    assert client.post(CREATE, _data(town_a)).status_code == 302
    created = Need.objects.get()
    assert (created.municipality, created.weight, created.source) == (town_a, 4, NeedSource.SURVEY)
    response = client.post(_edit_url(created.pk), _data(town_a, weight="5", version=created.version))
    assert response.status_code == 302
    created.refresh_from_db()
    assert (created.weight, created.version) == (5, 2)
    entry = AuditEntry.objects.filter(object_id=str(created.pk), content_type__model="need").first()
    assert entry.changes == [{"field": "weight", "label": "Gewicht", "before": 4, "after": 5}]
    delete = reverse("strategy:need_delete", kwargs={"slug": "beckum", "pk": created.pk})
    assert client.post(delete).status_code == 302
    assert not Need.objects.exists()


@pytest.mark.parametrize(
    ("field_name", "value", "message"),
    [
        ("title", "", "zwingend erforderlich"),
        ("title", HUGE, "höchstens 200 Zeichen"),
        ("description", HUGE, "höchstens 10000 Zeichen"),
        ("recorded_on", "2025-02-30", "gültiges Datum"),
        ("recorded_on", "2999-01-01", "nicht in der Zukunft"),
        ("action_field", "", "zwingend erforderlich"),
        ("weight", "9", "gültige Auswahl"),
        ("source_detail", HUGE, "höchstens 200 Zeichen"),
    ],
)
def test_need_bad_input_is_refused_in_german(login, users, town_a, field_name, value, message):
    response = login(users["editor"]).post(CREATE, _data(town_a, **{field_name: value}))
    assert_refused(response, field_name, message)
    assert not Need.objects.exists()


def test_action_field_of_another_network_is_refused(login, users, town_a):
    other = NetworkFactory(name="Anderes Netzwerk")
    foreign = other.action_fields.get(slug="mobilitaet")
    response = login(users["editor"]).post(CREATE, _data(town_a, action_field=foreign.pk))
    assert_refused(response, "action_field", "gültige Auswahl")
    with pytest.raises(ValidationError, match="Netzwerk"):
        services.need_create(actor=None, municipality=town_a, title="x", action_field=foreign)
    assert not Need.objects.exists()


def test_stale_edit_keeps_the_users_input(login, users, town_a):
    item = need(town_a, "mobilitaet", "Radweg zum Bahnhof")
    opened_at = item.version
    services.need_update(actor=None, need=item, data={"weight": 1}, expected_version=opened_at)
    response = login(users["editor"]).post(
        _edit_url(item.pk), _data(town_a, title="Radweg und Abstellanlagen am Bahnhof", version=opened_at)
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Jemand anderes hat diesen Eintrag inzwischen geändert" in html
    assert 'value="Radweg und Abstellanlagen am Bahnhof"' in html
    item.refresh_from_db()
    assert (item.title, item.weight) == ("Radweg zum Bahnhof", 1)


@pytest.fixture
def many(town_a):
    group = UserGroup.objects.get(network=town_a.network, name="Ältere Menschen")
    need(town_a, "mobilitaet", "Bus am Sonntag", 4, user_group=group, source=NeedSource.SURVEY)
    need(town_a, "mobilitaet", "Bank an der Haltestelle", 1, user_group=group, source=NeedSource.CONVERSATION)
    need(town_a, "verwaltung", "Termine online buchen", 5, source=NeedSource.SURVEY)
    need(town_a, "wohnen", "Barrierefreie Wohnungen", 3, user_group=group, source=NeedSource.WORKSHOP)
    return group


def _titles(response) -> list[str]:
    return [need.title for need in response.context["page"].object_list]


def test_filters(login, users, town_a, town_b, many):
    need(town_b, "mobilitaet", "Fremder Bedarf", 5)
    client = login(users["viewer"])
    assert _titles(client.get(LIST)) == [
        "Termine online buchen",
        "Bus am Sonntag",
        "Barrierefreie Wohnungen",
        "Bank an der Haltestelle",
    ]
    mobility = field(town_a, "mobilitaet").pk
    assert _titles(client.get(LIST, {"action_field": mobility})) == ["Bus am Sonntag", "Bank an der Haltestelle"]
    assert _titles(client.get(LIST, {"user_group": many.pk, "min_weight": 3})) == [
        "Bus am Sonntag",
        "Barrierefreie Wohnungen",
    ]
    assert _titles(client.get(LIST, {"source": NeedSource.SURVEY})) == ["Termine online buchen", "Bus am Sonntag"]
    # A wrong value in one filter is named at that filter; the others still apply.
    response = client.get(LIST, {"action_field": "999999", "min_weight": "4"})
    assert response.status_code == 200
    assert "gültige Auswahl" in field_errors(response.content.decode(), "action_field")
    assert _titles(response) == ["Termine online buchen", "Bus am Sonntag"]
    html = client.get(LIST).content.decode()
    assert "Fremder Bedarf" not in html
    assert "bearbeiten" not in html  # viewers only read


def test_pagination_keeps_the_filters(login, users, town_a):
    mobility = field(town_a, "mobilitaet")
    Need.objects.bulk_create(
        [Need(municipality=town_a, action_field=mobility, title=f"Bedarf {n:03}", weight=2) for n in range(55)]
    )
    need(town_a, "wohnen", "Anderes Feld", 5)
    client = login(users["editor"])
    response = client.get(LIST, {"action_field": mobility.pk})
    html = response.content.decode()
    assert len(_titles(response)) == 50
    assert f"?action_field={mobility.pk}&amp;seite=2" in html
    second = client.get(LIST, {"action_field": mobility.pk, "seite": 2})
    assert len(_titles(second)) == 5 and "Anderes Feld" not in _titles(second)
    assert client.get(LIST, {"seite": "999"}).status_code == 200


def test_need_list_query_count_does_not_grow(login, users, town_a, many):
    client = login(users["editor"])

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(LIST).status_code == 200
        return len(queries)

    small = count()
    groups = list(UserGroup.objects.filter(network=town_a.network))
    for number in range(40):
        need(
            town_a,
            ["mobilitaet", "wohnen", "wirtschaft"][number % 3],
            f"Bedarf {number}",
            1 + number % 5,
            user_group=groups[number % len(groups)],
        )
    assert count() == small
