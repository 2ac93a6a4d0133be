"""Content that was public because of something else stops being public with it: documentation of an event made
internal is withdrawn, and lessons about an internal measure or event stay internal when that is deleted."""

import pytest
from django.urls import reverse

from tests.events.support import make_event
from tests.search.support import make_lesson, make_measure
from vorort.events.services import event_delete, event_documentation_update, event_update
from vorort.measures.services import measure_delete
from vorort.publishing.models import Audience, Publication
from vorort.publishing.services import publication_publish
from vorort.search.selectors import search

pytestmark = pytest.mark.django_db


def published_documentation(event) -> Publication:
    publication = Publication.objects.create(
        network=event.network,
        municipality=event.municipality,
        event=event,
        kind="event",
        format="pdf",
        audience=Audience.PUBLIC,
        series=f"event-{event.pk}",
        number=1,
        title=f"Dokumentation: {event.title}",
        file="x/doku.pdf",
        filename="doku.pdf",
        size=100,
        sha256="0" * 64,
    )
    return publication_publish(actor=None, publication=publication, public=True)


@pytest.fixture
def documented(town_a):
    event = make_event(municipality=town_a, title="Zuckerhut-Werkstatt", is_public=True)
    event = event_documentation_update(
        actor=None, event=event, data={"documentation_public": True}, expected_version=event.version
    )
    return event, published_documentation(event)


def listed_on_the_portal(client, town) -> str:
    return client.get(reverse("portal:municipality", kwargs={"slug": town.slug})).content.decode()


def test_documentation_is_withdrawn_when_the_event_becomes_internal(client, town_a, documented):
    event, publication = documented
    assert "Dokumentation: Zuckerhut-Werkstatt" in listed_on_the_portal(client, town_a)
    assert search("Zuckerhut").total == 2  # the event and its documentation
    event_update(actor=None, event=event, data={"is_public": False}, expected_version=event.version)
    publication.refresh_from_db()
    assert publication.is_public is False
    assert "Zuckerhut" not in listed_on_the_portal(client, town_a)
    assert search("Zuckerhut").total == 0
    assert client.get(reverse("publishing:public_file", kwargs={"pk": publication.pk})).status_code == 404


def test_documentation_is_withdrawn_when_it_is_no_longer_public(client, town_a, documented):
    event, publication = documented
    event_documentation_update(
        actor=None, event=event, data={"documentation_public": False}, expected_version=event.version
    )
    publication.refresh_from_db()
    assert publication.is_public is False
    assert [hit.kind for hit in search("Zuckerhut").hits] == ["format"]


def test_public_documentation_stays_when_the_event_only_changes(town_a, documented):
    event, publication = documented
    event_update(actor=None, event=event, data={"location": "Bürgerhaus"}, expected_version=event.version)
    publication.refresh_from_db()
    assert publication.is_public is True


def test_lessons_about_a_deleted_internal_measure_stay_internal(client, town_a):
    measure = make_measure(town_a, "Geheime Planung", public=False)
    lesson = make_lesson(town_a, "Quasimodo-Erfahrung", measure=measure)  # public in name, hidden by the measure
    address = reverse("portal:lesson", kwargs={"slug": town_a.slug, "pk": lesson.pk})
    assert client.get(address).status_code == 404
    measure_delete(actor=None, measure=measure)
    lesson.refresh_from_db()
    assert lesson.is_public is False and lesson.measure is None
    assert client.get(address).status_code == 404
    assert search("Quasimodo").total == 0


def test_lessons_about_a_deleted_internal_event_stay_internal(client, town_a):
    event = make_event(municipality=town_a, title="Interne Runde", is_public=False)
    lesson = make_lesson(town_a, "Quasimodo-Erfahrung", event=event)
    event_delete(actor=None, event=event)
    lesson.refresh_from_db()
    assert lesson.is_public is False
    assert client.get(reverse("portal:lesson", kwargs={"slug": town_a.slug, "pk": lesson.pk})).status_code == 404


def test_lessons_about_a_deleted_public_measure_stay_public(client, town_a):
    measure = make_measure(town_a, "Offene Planung")
    lesson = make_lesson(town_a, "Quasimodo-Erfahrung", measure=measure)
    measure_delete(actor=None, measure=measure)
    lesson.refresh_from_db()
    assert lesson.is_public is True
    assert client.get(reverse("portal:lesson", kwargs={"slug": town_a.slug, "pk": lesson.pk})).status_code == 200
