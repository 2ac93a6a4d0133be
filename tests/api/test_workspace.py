"""Token access to a municipality's measures: tenant isolation (404), roles (403), writes through the measures
services with audit entries, optimistic locking (409) and German 422 messages with nothing saved."""

import pytest
from django.contrib.contenttypes.models import ContentType

from vorort.core.models import AuditAction, AuditEntry
from vorort.measures.models import Measure, StatusChange

from .conftest import SECRET

pytestmark = pytest.mark.django_db

BASE = "/api/v1/arbeitsbereich"


def measures_url(town) -> str:
    return f"{BASE}/{town.slug}/massnahmen/"


def measure_url(town, measure) -> str:
    return f"{BASE}/{town.slug}/massnahmen/{measure.pk}"


def audit_of(measure):
    return AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Measure), object_id=str(measure.pk)
    ).order_by("id")


NEW = {"title": "Digitale Parkraumerfassung", "action_field": "mobilitaet", "investment_cost": "12000.50"}


def test_reader_sees_internal_measures_of_own_town(api, portal, users, token_for, town_a):
    token = token_for(users["viewer"])
    data = api.get(measures_url(town_a), token).json()
    titles = {item["title"] for item in data["items"]}
    assert titles == {"Radweg zum Bahnhof", f"{SECRET}-Radweg"}
    internal = api.get(measure_url(town_a, portal["internal"]), token).json()
    assert internal["is_public"] is False and internal["version"] == portal["internal"].version
    assert internal["url"] is None
    only_public = api.get(measures_url(town_a), token, public="true").json()
    assert [item["title"] for item in only_public["items"]] == ["Radweg zum Bahnhof"]


def test_token_of_town_a_cannot_read_or_write_town_b(api, portal, users, token_for, town_b):
    token = token_for(users["coordinator"])
    secret_b = Measure.objects.get(municipality=town_b, is_public=False)
    before = Measure.objects.count()
    responses = [
        api.get(measures_url(town_b), token),
        api.get(measure_url(town_b, secret_b), token),
        api.post(measures_url(town_b), NEW, token),
        api.patch(measure_url(town_b, secret_b), {"version": secret_b.version, "title": "Übernommen"}, token),
    ]
    for response in responses:
        assert response.status_code == 404
        assert response.json() == {"detail": "Nicht gefunden."}
    assert Measure.objects.count() == before
    secret_b.refresh_from_db()
    assert secret_b.title == f"{SECRET} Bürgerbus"


def test_town_b_object_under_town_a_address_is_404(api, portal, users, token_for, town_a):
    token = token_for(users["coordinator"])
    pendler = portal["pendler"]  # town B's (public) measure
    assert api.get(measure_url(town_a, pendler), token).status_code == 404
    response = api.patch(measure_url(town_a, pendler), {"version": pendler.version, "title": "X"}, token)
    assert response.status_code == 404


def test_citizens_and_other_networks_see_no_workspace(api, portal, users, token_for, town_a):
    token = token_for(users["participant"])
    assert api.get(measures_url(town_a), token).status_code == 404
    assert api.get(f"{BASE}/", token).json()["count"] == 0


def test_reader_role_cannot_write(api, portal, users, token_for, town_a):
    token = token_for(users["viewer"])
    radweg = portal["radweg"]
    before = Measure.objects.count()
    created = api.post(measures_url(town_a), NEW, token)
    changed = api.patch(measure_url(town_a, radweg), {"version": radweg.version, "title": "Neu"}, token)
    for response in (created, changed):
        assert response.status_code == 403
        assert response.json() == {"detail": "Dafür fehlt Ihnen in dieser Kommune die Berechtigung."}
    assert Measure.objects.count() == before
    radweg.refresh_from_db()
    assert radweg.title == "Radweg zum Bahnhof"


def test_editor_cannot_publish(api, portal, users, token_for, town_a):
    token = token_for(users["editor"])
    response = api.post(measures_url(town_a), {**NEW, "is_public": True}, token)
    assert response.status_code == 403
    assert not Measure.objects.filter(title=NEW["title"]).exists()
    internal = portal["internal"]
    response = api.patch(measure_url(town_a, internal), {"version": internal.version, "is_public": True}, token)
    assert response.status_code == 403
    internal.refresh_from_db()
    assert internal.is_public is False
    # Sending the unchanged value is no publishing.
    response = api.patch(
        measure_url(town_a, internal), {"version": internal.version, "is_public": False, "title": "Intern"}, token
    )
    assert response.status_code == 200


def test_create_through_the_service_with_audit(api, portal, users, token_for, town_a):
    editor = users["editor"]
    response = api.post(
        measures_url(town_a),
        {**NEW, "further_action_fields": ["verwaltung"], "status": "geplant", "start_date": "2026-03-01"},
        token_for(editor),
    )
    assert response.status_code == 201, response.content
    data = response.json()
    measure = Measure.objects.get(pk=data["id"])
    assert measure.municipality == town_a and measure.is_public is False
    assert str(measure.investment_cost) == "12000.50"
    assert data["further_action_fields"] == ["verwaltung"]
    assert data["version"] == 1 and data["start_date"] == "2026-03-01"
    entries = list(audit_of(measure))
    assert entries[0].action == AuditAction.CREATE and entries[0].actor == editor
    assert entries[0].municipality == town_a
    assert StatusChange.objects.filter(measure=measure, to_status="geplant").exists()


def test_update_through_the_service_with_audit(api, portal, users, token_for, town_a):
    coordinator = users["coordinator"]
    radweg = portal["radweg"]
    response = api.patch(
        measure_url(town_a, radweg),
        {"version": radweg.version, "title": "Radweg zum Bahnhof (1. Abschnitt)", "status": "abgeschlossen"},
        token_for(coordinator),
    )
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["version"] == radweg.version + 1
    assert data["title"] == "Radweg zum Bahnhof (1. Abschnitt)" and data["status"] == "abgeschlossen"
    entry = audit_of(radweg).filter(action=AuditAction.UPDATE).last()
    assert entry.actor == coordinator
    assert {change["field"] for change in entry.changes} == {"title", "status"}
    radweg.refresh_from_db()
    assert radweg.summary == "Ein beleuchteter Radweg für Pendler."  # keys not sent stay as they are
    assert StatusChange.objects.filter(measure=radweg, to_status="abgeschlossen").exists()


def test_stale_version_is_409_and_changes_nothing(api, portal, users, token_for, town_a):
    radweg = portal["radweg"]
    token = token_for(users["editor"])
    stale = radweg.version
    assert api.patch(measure_url(town_a, radweg), {"version": stale, "summary": "Erste"}, token).status_code == 200
    response = api.patch(measure_url(town_a, radweg), {"version": stale, "summary": "Zweite"}, token)
    assert response.status_code == 409
    body = response.json()
    assert body["current_version"] == stale + 1
    assert body["detail"].startswith("Jemand anderes hat diese Maßnahme inzwischen geändert.")
    radweg.refresh_from_db()
    assert radweg.summary == "Erste" and radweg.version == stale + 1


@pytest.mark.parametrize(
    ("payload", "field", "message"),
    [
        ({"action_field": "mobilitaet"}, "title", "Dieses Feld ist erforderlich."),
        ({**NEW, "title": "   "}, "title", "Dieses Feld darf nicht leer sein."),
        ({**NEW, "title": "x" * 201}, "title", "Höchstens 200 Zeichen."),
        ({**NEW, "title": "Nul\x00l"}, "title", "Der Text enthält unzulässige Zeichen."),
        ({**NEW, "action_field": "raumfahrt"}, "action_field", "Dieses Handlungsfeld gibt es im Netzwerk nicht."),
        ({**NEW, "further_action_fields": ["x"]}, "further_action_fields", "Diese Handlungsfelder gibt es"),
        ({**NEW, "status": "fertig"}, "status", "Unbekannter Wert."),
        ({**NEW, "investment_cost": "-1"}, "investment_cost", "Der Wert muss mindestens 0 sein."),
        ({**NEW, "investment_cost": "1.234"}, "investment_cost", "Höchstens 2 Nachkommastellen."),
        ({**NEW, "investment_cost": "viel"}, "investment_cost", "Bitte eine Zahl angeben"),
        ({**NEW, "funding_share": 101}, "funding_share", "Der Wert darf höchstens 100 sein."),
        ({**NEW, "start_date": "01.03.2026"}, "start_date", "Bitte ein Datum im Format JJJJ-MM-TT angeben."),
        ({**NEW, "start_date": "2026-03-01", "end_date": "2026-01-01"}, "end_date", "Das Ende darf nicht vor"),
        ({**NEW, "municipality": "billerbeck"}, "municipality", "Dieses Feld gibt es nicht."),
    ],
)
def test_bad_input_is_422_in_german_and_saves_nothing(api, portal, users, token_for, town_a, payload, field, message):
    token = token_for(users["editor"])
    before = (Measure.objects.count(), AuditEntry.objects.count())
    response = api.post(measures_url(town_a), payload, token)
    assert response.status_code == 422, response.content
    body = response.json()
    assert body["detail"] == "Die Eingaben sind ungültig."
    assert body["errors"][field][0].startswith(message), body
    assert (Measure.objects.count(), AuditEntry.objects.count()) == before


def test_bad_patch_is_422_and_saves_nothing(api, portal, users, token_for, town_a):
    radweg = portal["radweg"]
    token = token_for(users["editor"])
    for payload, field in [
        ({"title": "Ohne Version"}, "version"),
        ({"version": radweg.version, "title": None}, "title"),
        ({"version": radweg.version, "end_date": "2000-01-01", "start_date": "2001-01-01"}, "end_date"),
        ({"version": "eins"}, "version"),
    ]:
        response = api.patch(measure_url(town_a, radweg), payload, token)
        assert response.status_code == 422, payload
        assert field in response.json()["errors"], payload
    response = api.client.patch(
        measure_url(town_a, radweg),
        "{kein json",
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 400
    assert response.json() == {"detail": "Der Inhalt der Anfrage ist kein gültiges JSON."}
    radweg.refresh_from_db()
    assert radweg.title == "Radweg zum Bahnhof" and radweg.version == portal["radweg"].version


def test_duplicate_reference_is_422(api, portal, users, token_for, town_a):
    token = token_for(users["editor"])
    assert api.post(measures_url(town_a), {**NEW, "reference": "M-01"}, token).status_code == 201
    response = api.post(measures_url(town_a), {**NEW, "reference": "M-01"}, token)
    assert response.status_code == 422
    assert response.json()["errors"]


def test_writes_need_a_token_not_a_session(client, portal, users, town_a):
    """A signed-in browser session is no API credential: no CSRF-free writes with cookies."""
    client.force_login(users["coordinator"], backend="vorort.accounts.backends.EmailBackend")
    before = Measure.objects.count()
    response = client.post(measures_url(town_a), NEW, content_type="application/json")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"
    assert client.get(measures_url(town_a)).status_code == 401
    assert Measure.objects.count() == before


def test_token_writes_need_no_csrf_token(portal, users, token_for, town_a):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post(
        measures_url(town_a),
        NEW,
        content_type="application/json",
        headers={"Authorization": f"Bearer {token_for(users['editor'])}"},
    )
    assert response.status_code == 201


def test_workspace_list_names_roles_and_rights(api, portal, users, token_for, town_a, town_b):
    viewer = api.get(f"{BASE}/", token_for(users["viewer"])).json()
    assert viewer["items"] == [
        {"slug": town_a.slug, "name": town_a.name, "role": "viewer", "can_edit": False, "can_publish": False}
    ]
    admin = api.get(f"{BASE}/", token_for(users["network_admin"])).json()
    assert {item["slug"] for item in admin["items"]} == {town_a.slug, town_b.slug}
    assert all(item["can_publish"] for item in admin["items"])
