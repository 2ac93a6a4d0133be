"""Public reads: only what the portal publishes, never drafts or internal content; JSON errors; paging."""

import pytest

from vorort.portal.models import Lesson

from .conftest import SECRET

pytestmark = pytest.mark.django_db

BASE = "/api/v1"


def addresses(portal, town_a, town_b) -> list[str]:
    radweg, pendler, forum = portal["radweg"], portal["pendler"], portal["forum"]
    lesson = Lesson.objects.get(title="Früh mit Landwirten sprechen")
    result = [
        f"{BASE}/kommunen/",
        f"{BASE}/massnahmen/",
        f"{BASE}/massnahmen/?status=idee",
        f"{BASE}/massnahmen/?action_field=mobilitaet",
        f"{BASE}/wissen/",
        f"{BASE}/formate/",
        f"{BASE}/formate/?period=vergangen",
        f"{BASE}/massnahmen/{radweg.pk}",
        f"{BASE}/massnahmen/{pendler.pk}",
        f"{BASE}/wissen/{lesson.pk}",
        f"{BASE}/formate/{forum.pk}",
    ]
    for town in (town_a, town_b):
        result += [
            f"{BASE}/kommunen/{town.slug}",
            f"{BASE}/kommunen/{town.slug}/indikatoren/",
            f"{BASE}/massnahmen/?municipality={town.slug}",
            f"{BASE}/wissen/?municipality={town.slug}",
            f"{BASE}/formate/?municipality={town.slug}",
        ]
    return result


def test_no_public_endpoint_shows_internal_content(client, portal, town_a, town_b):
    for address in addresses(portal, town_a, town_b):
        response = client.get(address)
        assert response.status_code == 200, address
        assert response["Content-Type"].startswith("application/json"), address
        assert SECRET.lower() not in response.content.decode().lower(), address


def test_lists_hold_exactly_the_published_items(api, portal):
    measures = api.get(f"{BASE}/massnahmen/").json()
    assert measures["count"] == 2
    assert {item["id"] for item in measures["items"]} == {portal["radweg"].pk, portal["pendler"].pk}
    lessons = api.get(f"{BASE}/wissen/").json()
    assert [item["title"] for item in lessons["items"]] == ["Früh mit Landwirten sprechen"]
    events = api.get(f"{BASE}/formate/").json()
    assert [item["title"] for item in events["items"]] == ["Bürgerforum Radverkehr"]


def test_internal_ids_are_404_with_json(api, portal):
    internal_lesson = Lesson.objects.get(title=f"{SECRET}-Notiz")
    lesson_of_internal_measure = Lesson.objects.get(title=f"{SECRET}-Lektion")
    internal_event = portal["forum"].__class__.objects.get(title=f"{SECRET}-Werkstatt")
    for address in [
        f"{BASE}/massnahmen/{portal['internal'].pk}",
        f"{BASE}/wissen/{internal_lesson.pk}",
        f"{BASE}/wissen/{lesson_of_internal_measure.pk}",
        f"{BASE}/formate/{internal_event.pk}",
        f"{BASE}/massnahmen/999999",
        f"{BASE}/kommunen/gibt-es-nicht",
    ]:
        response = api.get(address)
        assert response.status_code == 404, address
        assert response.json() == {"detail": "Nicht gefunden."}


def test_measure_json(api, portal, town_a):
    radweg = portal["radweg"]
    data = api.get(f"{BASE}/massnahmen/{radweg.pk}").json()
    assert data["id"] == radweg.pk
    assert data["municipality"] == town_a.slug
    assert data["action_field"] == "mobilitaet"
    assert data["status"] == "in_umsetzung"
    assert data["status_label"] == "In Umsetzung"
    assert data["investment_cost"] == "250000.00"
    assert data["milestones_total"] == 2 and data["milestones_done"] == 1
    assert [benefit["user_group"] for benefit in data["benefits"]] == ["Pendler*innen"]
    assert data["url"] == f"/kommunen/{town_a.slug}/massnahmen/{radweg.pk}/"
    assert "risks" not in data and "version" not in data  # internal fields stay internal


def test_filters(api, portal, town_a, town_b):
    def ids(**params):
        return {item["id"] for item in api.get(f"{BASE}/massnahmen/", **params).json()["items"]}

    assert ids(municipality=town_b.slug) == {portal["pendler"].pk}
    assert ids(status="in_umsetzung") == {portal["radweg"].pk}
    assert ids(action_field="wohnen") == set()
    group = portal["radweg"].benefits.get().user_group_id
    assert ids(user_group=group) == {portal["radweg"].pk, portal["pendler"].pk}
    assert ids(municipality="unbekannt") == set()


def test_municipalities_and_indicators(api, portal, town_a, town_b):
    towns = api.get(f"{BASE}/kommunen/").json()
    counts = {item["slug"]: item["public_measure_count"] for item in towns["items"]}
    assert counts == {town_a.slug: 1, town_b.slug: 1}
    beckum = api.get(f"{BASE}/kommunen/{town_a.slug}").json()
    assert beckum["vision"]["title"] == "Smartes Beckum 2030"
    assert beckum["size_class"] == "mittel"
    assert api.get(f"{BASE}/kommunen/{town_b.slug}").json()["vision"] is None  # only a draft
    indicators = api.get(f"{BASE}/kommunen/{town_a.slug}/indikatoren/").json()
    assert [(row["name"], row["latest_value"], row["focus"]) for row in indicators["items"]] == [
        ("Radverkehrsanteil", "15.00", "Radverkehr stärken")
    ]
    # Billerbeck's focus follows no adopted vision: it is still internal.
    assert api.get(f"{BASE}/kommunen/{town_b.slug}/indikatoren/").json()["count"] == 0


def test_paging(api, town_a):
    from tests.search.support import make_measure

    for number in range(5):
        make_measure(town_a, f"Maßnahme {number}")
    first = api.get(f"{BASE}/massnahmen/", limit=2).json()
    assert first["count"] == 5 and len(first["items"]) == 2 and first["previous"] is None
    assert first["next"] == "http://testserver/api/v1/massnahmen/?limit=2&offset=2"
    last = api.get(f"{BASE}/massnahmen/", limit=2, offset=4).json()
    assert [item["title"] for item in last["items"]] == ["Maßnahme 4"]
    assert last["next"] is None and last["previous"] == "http://testserver/api/v1/massnahmen/?limit=2&offset=2"


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"limit": 101}, "limit", "Der Wert darf höchstens 100 sein."),
        ({"limit": 0}, "limit", "Der Wert muss mindestens 1 sein."),
        ({"offset": "x"}, "offset", "Bitte eine ganze Zahl angeben."),
        ({"status": "fertig"}, "status", "Unbekannter Wert."),
        ({"municipality": "a b"}, "municipality", "Nur Buchstaben, Ziffern, Bindestriche und Unterstriche."),
        ({"user_group": 2**70}, "user_group", "Der Wert darf höchstens"),
    ],
)
def test_bad_query_is_422_in_german(api, params, field, message):
    response = api.get(f"{BASE}/massnahmen/", **params)
    assert response.status_code == 422
    body = response.json()
    assert body["detail"] == "Die Eingaben sind ungültig."
    assert body["errors"][field][0].startswith(message)


def test_bad_ids_are_422_not_500(api):
    for address in [f"{BASE}/massnahmen/abc", f"{BASE}/massnahmen/0", f"{BASE}/massnahmen/{2**64}"]:
        response = api.get(address)
        assert response.status_code == 422, address
        assert "id" in response.json()["errors"]


def test_openapi_schema(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/massnahmen/" in schema["paths"]
    assert "/api/v1/arbeitsbereich/{slug}/massnahmen/{id}" in schema["paths"]
    assert schema["components"]["securitySchemes"]["TokenAuth"]["scheme"] == "bearer"
    assert client.get("/api/v1/docs").status_code == 404  # no docs page (it would load JavaScript from a CDN)


@pytest.mark.parametrize("address", ["/api/v1/", "/api/v1/gibt-es-nicht/", "/api/v1/massnahmen/1/2/3"])
def test_unknown_addresses_are_json_404(client, address):
    response = client.get(address)
    assert response.status_code == 404
    assert response.json() == {"detail": "Nicht gefunden."}


def test_a_method_the_address_does_not_offer_is_a_json_405(client):
    response = client.delete("/api/v1/massnahmen/")
    assert response.status_code == 405
    assert "GET" in response["Allow"]
    assert response.json()["detail"].startswith("Diese Methode ist hier nicht erlaubt")
