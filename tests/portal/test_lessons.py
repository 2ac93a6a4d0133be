"""Lessons learned (Wissen) in the workspace: editors write them, the coordination publishes."""

import pytest
from django.urls import reverse

from tests.events.support import make_event
from tests.search.support import make_lesson, make_measure
from vorort.core.models import AuditEntry
from vorort.portal.models import Lesson
from vorort.search.selectors import search

pytestmark = pytest.mark.django_db


def url(name: str, town, pk=None) -> str:
    kwargs = {"slug": town.slug} | ({"pk": pk} if pk else {})
    return reverse(f"portal:{name}", kwargs=kwargs)


def test_the_coordination_writes_and_publishes(client_for, users, town_a):
    measure = make_measure(town_a, "Mobilstation am Markt")
    client = client_for(users["coordinator"])
    assert 'name="is_public"' in client.get(url("lesson_create", town_a)).content.decode()
    response = client.post(
        url("lesson_create", town_a),
        {
            "title": "Standort zuerst",
            "text": "Den Standort vor der Technik klären.",
            "measure": measure.pk,
            "is_public": "on",
        },
    )
    assert response.status_code == 302
    lesson = Lesson.objects.get()
    assert (lesson.is_public, lesson.measure, lesson.created_by) == (True, measure, users["coordinator"])
    assert AuditEntry.objects.filter(object_id=str(lesson.pk), action="create").exists()
    assert [hit.title for hit in search("Standort Technik").hits] == ["Standort zuerst"]
    page = client.get(url("lessons", town_a)).content.decode()
    assert "Standort zuerst" in page and "im Portal" in page
    public = client.get(reverse("portal:measure", kwargs={"slug": town_a.slug, "pk": measure.pk})).content.decode()
    assert "Den Standort vor der Technik klären." in public


def test_editors_write_but_do_not_publish(client_for, users, town_a):
    client = client_for(users["editor"])
    assert 'name="is_public"' not in client.get(url("lesson_create", town_a)).content.decode()
    client.post(url("lesson_create", town_a), {"title": "Entwurf", "text": "Noch intern.", "is_public": "on"})
    lesson = Lesson.objects.get()
    assert lesson.is_public is False
    assert search("Entwurf").total == 0
    response = client.post(
        url("lesson_edit", town_a, lesson.pk),
        {"title": "Entwurf 2", "text": "Noch intern.", "version": lesson.version, "is_public": "on"},
    )
    assert response.status_code == 302
    lesson.refresh_from_db()
    assert (lesson.title, lesson.is_public) == ("Entwurf 2", False)


def test_editors_delete_internal_lessons_only(client_for, users, town_a):
    internal = make_lesson(town_a, "Intern", public=False)
    published = make_lesson(town_a, "Öffentlich")
    editor = client_for(users["editor"])
    assert editor.get(url("lesson_delete", town_a, published.pk)).status_code == 403
    assert editor.post(url("lesson_delete", town_a, internal.pk)).status_code == 302
    assert not Lesson.objects.filter(pk=internal.pk).exists()
    coordinator = client_for(users["coordinator"])
    assert coordinator.post(url("lesson_delete", town_a, published.pk)).status_code == 302
    assert search("Öffentlich").total == 0


def test_bad_input_is_refused_at_the_field(client_for, users, town_a, town_b):
    foreign = make_measure(town_b, "Fremde Maßnahme")
    foreign_event = make_event(municipality=town_b, title="Fremdes Format")
    client = client_for(users["coordinator"])
    response = client.post(
        url("lesson_create", town_a),
        {"title": "", "text": "x" * 10_001, "measure": foreign.pk, "event": foreign_event.pk},
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "Dieses Feld ist zwingend erforderlich." in content
    assert "Bitte korrigieren Sie die markierten Felder. Es wurde nichts gespeichert." in content
    assert content.count("Bitte eine gültige Auswahl treffen.") == 2  # another town's measure and event are no choice
    assert not Lesson.objects.exists()


def test_network_events_are_a_choice(client_for, users, town_a, network):
    network_event = make_event(network=network, title="Netzwerktreffen")
    client = client_for(users["coordinator"])
    client.post(url("lesson_create", town_a), {"title": "Austausch hilft", "text": "Ja.", "event": network_event.pk})
    assert Lesson.objects.get().event == network_event


def test_a_stale_edit_keeps_the_input(client_for, users, town_a):
    lesson = make_lesson(town_a, "Alt", public=False)
    client = client_for(users["coordinator"])
    client.post(url("lesson_edit", town_a, lesson.pk), {"title": "Erste", "text": "A", "version": lesson.version})
    response = client.post(
        url("lesson_edit", town_a, lesson.pk), {"title": "Zweite", "text": "B", "version": lesson.version}
    )
    assert response.status_code == 200
    assert 'value="Zweite"' in response.content.decode()
    lesson.refresh_from_db()
    assert lesson.title == "Erste"


def test_another_towns_lesson_is_not_found(client_for, users, town_b):
    lesson = make_lesson(town_b, "Billerbecker Wissen")
    client = client_for(users["coordinator"])
    assert client.get(reverse("portal:lesson_edit", kwargs={"slug": "beckum", "pk": lesson.pk})).status_code == 404
