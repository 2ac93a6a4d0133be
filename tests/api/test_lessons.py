"""Token access to a municipality's lessons learned (Wissen): internal reads, writes through the portal's services
with audit entries, publishing only with the right to publish, links only to the town's own measures and events,
optimistic locking (409) and German 422 messages with nothing saved."""

import pytest
from django.contrib.contenttypes.models import ContentType

from tests.events.support import make_event
from tests.search.support import make_lesson
from vorort.core.models import AuditAction, AuditEntry
from vorort.portal.models import Lesson

from .conftest import SECRET

pytestmark = pytest.mark.django_db

BASE = "/api/v1/arbeitsbereich"


def lessons_url(town) -> str:
    return f"{BASE}/{town.slug}/wissen/"


def lesson_url(town, lesson) -> str:
    return f"{BASE}/{town.slug}/wissen/{lesson.pk}"


def audit_of(lesson_pk):
    return AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Lesson), object_id=str(lesson_pk)
    ).order_by("id")


def saved() -> tuple[int, int]:
    return Lesson.objects.count(), AuditEntry.objects.count()


NEW = {"title": "Bürgerbeteiligung früh planen", "text": "Die Ortsteile wollten früher gefragt werden."}


def test_reader_sees_all_lessons_of_own_town(api, portal, users, token_for, town_a):
    token = token_for(users["viewer"])
    data = api.get(lessons_url(town_a), token).json()
    by_title = {item["title"]: item for item in data["items"]}
    assert set(by_title) == {"Früh mit Landwirten sprechen", f"{SECRET}-Lektion", f"{SECRET}-Notiz"}
    published = by_title["Früh mit Landwirten sprechen"]
    assert published["is_published"] is True and published["url"].endswith(f"/{published['id']}/")
    assert published["measure_id"] == portal["radweg"].pk and published["municipality"] == town_a.slug
    # Public itself, but about an internal measure: not in the portal.
    lesson = by_title[f"{SECRET}-Lektion"]
    assert lesson["is_public"] is True and lesson["is_published"] is False and lesson["url"] is None
    internal = api.get(lessons_url(town_a), token, public="false").json()
    assert [item["title"] for item in internal["items"]] == [f"{SECRET}-Notiz"]
    about_radweg = api.get(lessons_url(town_a), token, measure_id=portal["radweg"].pk).json()
    assert [item["title"] for item in about_radweg["items"]] == ["Früh mit Landwirten sprechen"]
    detail = api.get(lesson_url(town_a, Lesson.objects.get(title=f"{SECRET}-Notiz")), token).json()
    assert detail["is_public"] is False and detail["version"] == 1


def test_create_through_the_service_with_audit(api, portal, users, token_for, town_a):
    editor = users["editor"]
    payload = {**NEW, "measure_id": portal["radweg"].pk, "event_id": portal["forum"].pk}
    response = api.post(lessons_url(town_a), payload, token_for(editor))
    assert response.status_code == 201, response.content
    data = response.json()
    lesson = Lesson.objects.get(pk=data["id"])
    assert lesson.municipality == town_a and lesson.created_by == editor and lesson.is_public is False
    assert lesson.measure == portal["radweg"] and lesson.event == portal["forum"]
    assert data["version"] == 1 and data["url"] is None and data["measure_id"] == portal["radweg"].pk
    entry = audit_of(lesson.pk).get()
    assert entry.action == AuditAction.CREATE and entry.actor == editor and entry.municipality == town_a


def test_coordinator_publishes(api, portal, users, token_for, town_a):
    response = api.post(
        lessons_url(town_a),
        {**NEW, "measure_id": portal["radweg"].pk, "is_public": True},
        token_for(users["coordinator"]),
    )
    assert response.status_code == 201, response.content
    assert response.json()["is_published"] is True
    assert api.get(f"/api/v1/wissen/{response.json()['id']}").status_code == 200


def test_update_through_the_service_with_audit(api, portal, users, token_for, town_a):
    coordinator = users["coordinator"]
    lesson = Lesson.objects.get(title=f"{SECRET}-Lektion")
    response = api.patch(
        lesson_url(town_a, lesson),
        {"version": lesson.version, "title": "Interne Lektion", "measure_id": None},
        token_for(coordinator),
    )
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["version"] == lesson.version + 1 and data["measure_id"] is None and data["is_published"] is True
    entry = audit_of(lesson.pk).filter(action=AuditAction.UPDATE).get()
    assert entry.actor == coordinator
    assert {change["field"] for change in entry.changes} == {"title", "measure"}
    lesson.refresh_from_db()
    assert lesson.text == f"Zur internen Maßnahme {SECRET}."  # keys not sent stay as they are


def test_stale_version_is_409_and_changes_nothing(api, portal, users, token_for, town_a):
    lesson = Lesson.objects.get(title=f"{SECRET}-Notiz")
    token = token_for(users["editor"])
    stale = lesson.version
    assert api.patch(lesson_url(town_a, lesson), {"version": stale, "text": "Erste"}, token).status_code == 200
    response = api.patch(lesson_url(town_a, lesson), {"version": stale, "text": "Zweite"}, token)
    assert response.status_code == 409
    body = response.json()
    assert body["current_version"] == stale + 1
    assert body["detail"].startswith("Jemand anderes hat diesen Eintrag inzwischen geändert.")
    lesson.refresh_from_db()
    assert lesson.text == "Erste" and lesson.version == stale + 1


def test_delete_through_the_service_with_audit(api, portal, users, token_for, town_a):
    editor = users["editor"]
    lesson = Lesson.objects.get(title=f"{SECRET}-Notiz")
    response = api.client.delete(lesson_url(town_a, lesson), headers={"Authorization": f"Bearer {token_for(editor)}"})
    assert response.status_code == 204 and response.content == b""
    assert not Lesson.objects.filter(pk=lesson.pk).exists()
    entry = audit_of(lesson.pk).get(action=AuditAction.DELETE)
    assert entry.actor == editor and entry.municipality == town_a


def test_publishing_needs_the_right_to_publish(api, portal, users, token_for, town_a):
    token = token_for(users["editor"])
    before = saved()
    response = api.post(lessons_url(town_a), {**NEW, "is_public": True}, token)
    assert response.status_code == 403
    assert response.json()["detail"].startswith("Veröffentlichen oder zurückziehen darf nur")
    internal = Lesson.objects.get(title=f"{SECRET}-Notiz")
    assert api.patch(lesson_url(town_a, internal), {"version": 1, "is_public": True}, token).status_code == 403
    public = Lesson.objects.get(title="Früh mit Landwirten sprechen")
    assert api.patch(lesson_url(town_a, public), {"version": 1, "is_public": False}, token).status_code == 403
    response = api.client.delete(lesson_url(town_a, public), headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 403
    assert response.json()["detail"].startswith("Öffentliches Wissen löschen darf nur")
    assert saved() == before
    # Editing a published lesson without touching `is_public` is editing, not publishing (as in the web form).
    response = api.patch(lesson_url(town_a, public), {"version": 1, "is_public": True, "text": "Ergänzt."}, token)
    assert response.status_code == 200 and response.json()["is_published"] is True


def test_viewer_cannot_write(api, portal, users, token_for, town_a):
    token = token_for(users["viewer"])
    lesson = Lesson.objects.get(title=f"{SECRET}-Notiz")
    before = saved()
    responses = [
        api.post(lessons_url(town_a), NEW, token),
        api.patch(lesson_url(town_a, lesson), {"version": lesson.version, "title": "Neu"}, token),
        api.client.delete(lesson_url(town_a, lesson), headers={"Authorization": f"Bearer {token}"}),
    ]
    for response in responses:
        assert response.status_code == 403
        assert response.json() == {"detail": "Dafür fehlt Ihnen in dieser Kommune die Berechtigung."}
    assert saved() == before
    lesson.refresh_from_db()
    assert lesson.title == f"{SECRET}-Notiz"


def test_other_towns_lessons_are_404(api, portal, users, token_for, town_a, town_b):
    lesson_b = make_lesson(town_b, f"{SECRET} B", SECRET, public=False)
    token = token_for(users["coordinator"])
    before = saved()
    responses = [
        api.get(lessons_url(town_b), token),
        api.post(lessons_url(town_b), NEW, token),
        api.get(lesson_url(town_b, lesson_b), token),
        api.get(lesson_url(town_a, lesson_b), token),
        api.patch(lesson_url(town_a, lesson_b), {"version": 1, "title": "Übernommen"}, token),
        api.client.delete(lesson_url(town_a, lesson_b), headers={"Authorization": f"Bearer {token}"}),
    ]
    for response in responses:
        assert response.status_code == 404
        assert response.json() == {"detail": "Nicht gefunden."}
    assert saved() == before


def test_links_to_another_towns_measure_or_event_are_refused(api, portal, users, token_for, town_a, town_b):
    token = token_for(users["coordinator"])
    event_b = make_event(municipality=town_b, title=f"{SECRET}-Format B")
    lesson = Lesson.objects.get(title=f"{SECRET}-Notiz")
    before = saved()
    measure_message = ["Bitte eine Maßnahme dieser Kommune wählen."]
    event_message = ["Bitte ein Format dieser Kommune oder ihres Netzwerks wählen."]
    for payload, field, message in [
        ({**NEW, "measure_id": portal["pendler"].pk}, "measure_id", measure_message),  # town B's measure
        ({**NEW, "measure_id": 987654}, "measure_id", measure_message),  # no such measure: the same answer
        ({**NEW, "event_id": event_b.pk}, "event_id", event_message),
        ({**NEW, "event_id": 987654}, "event_id", event_message),
    ]:
        response = api.post(lessons_url(town_a), payload, token)
        assert response.status_code == 422, payload
        assert response.json()["errors"] == {field: message}, payload
        changed = api.patch(lesson_url(town_a, lesson), {"version": lesson.version, **payload}, token)
        assert changed.status_code == 422 and changed.json()["errors"] == {field: message}, payload
    assert saved() == before
    lesson.refresh_from_db()
    assert lesson.measure_id is None and lesson.event_id is None and lesson.version == 1


def test_an_editor_cannot_probe_other_towns_ids_through_the_publish_check(api, portal, users, token_for, town_a):
    """An editor may not publish: the answer for another town's measure must still be the same as for no measure."""
    token = token_for(users["editor"])
    answers = [
        api.post(lessons_url(town_a), {**NEW, "measure_id": pk, "is_public": True}, token)
        for pk in (portal["pendler"].pk, 987654)
    ]
    assert [answer.status_code for answer in answers] == [422, 422]
    assert answers[0].json() == answers[1].json()


@pytest.mark.parametrize(
    ("payload", "field", "message"),
    [
        ({"text": "Ohne Titel"}, "title", "Dieses Feld ist erforderlich."),
        ({**NEW, "text": "  "}, "text", "Dieses Feld darf nicht leer sein."),
        ({**NEW, "title": "x" * 201}, "title", "Höchstens 200 Zeichen."),
        ({**NEW, "text": "x" * 10_001}, "text", "Höchstens 10000 Zeichen."),
        ({**NEW, "text": "Nul\x00l"}, "text", "Der Text enthält unzulässige Zeichen."),
        ({**NEW, "measure_id": "eins"}, "measure_id", "Bitte eine ganze Zahl angeben."),
        ({**NEW, "measure_id": 0}, "measure_id", "Der Wert muss mindestens 1 sein."),
        ({**NEW, "is_public": "vielleicht"}, "is_public", "Bitte true oder false angeben."),
        ({**NEW, "municipality": "billerbeck"}, "municipality", "Dieses Feld gibt es nicht."),
    ],
)
def test_bad_input_is_422_in_german_and_saves_nothing(api, portal, users, token_for, town_a, payload, field, message):
    token = token_for(users["editor"])
    before = saved()
    response = api.post(lessons_url(town_a), payload, token)
    assert response.status_code == 422, response.content
    body = response.json()
    assert body["detail"] == "Die Eingaben sind ungültig."
    assert body["errors"][field][0].startswith(message), body
    assert saved() == before


def test_bad_patch_is_422_and_saves_nothing(api, portal, users, token_for, town_a):
    lesson = Lesson.objects.get(title=f"{SECRET}-Notiz")
    token = token_for(users["editor"])
    before = saved()
    for payload, field in [
        ({"title": "Ohne Version"}, "version"),
        ({"version": lesson.version, "title": None}, "title"),
        ({"version": lesson.version, "text": ""}, "text"),
    ]:
        response = api.patch(lesson_url(town_a, lesson), payload, token)
        assert response.status_code == 422, payload
        assert field in response.json()["errors"], payload
    assert saved() == before
