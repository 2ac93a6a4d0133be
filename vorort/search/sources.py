"""What goes into the index, per kind of object: which objects are public, and the document each becomes.

Only published content is indexed: public measures, public events, lessons that are public together with their
measure and event, and published documents of vorort.publishing when that app is installed. Only text the public
pages show is indexed (never risks, status reports, protocols or anything else internal), so a search cannot
probe internal text either.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from vorort.events.models import Event
from vorort.measures.models import Benefit, Measure
from vorort.portal.models import Lesson
from vorort.publishing.models import Publication

from .models import DocumentKind, id_list
from .text import index_text

SUMMARY_CHARS = 300

# Objects about to be deleted, per kind: a lesson of a deleted measure is judged as if it had no measure any more
# (the database sets the link to NULL), before the deletion happens.
Gone = dict[str, set[int]]


def _summary(*texts: str) -> str:
    for text in texts:
        text = " ".join((text or "").split())
        if text:
            return text if len(text) <= SUMMARY_CHARS else text[: SUMMARY_CHARS - 1].rstrip() + "…"
    return ""


def _municipality_facets(municipality) -> dict[str, Any]:
    if municipality is None:
        return {"municipality": None, "size_class": "", "rural": False}
    return {"municipality": municipality, "size_class": str(municipality.size_class), "rural": municipality.rural}


class Source(ABC):
    kind: str

    @abstractmethod
    def public_ids(self) -> QuerySet:
        """Ids of every object that may be public (for a rebuild); `load` decides."""

    @abstractmethod
    def load(self, ids: Iterable[int], gone: Gone) -> dict[int, Any]:
        """The public objects among `ids`, with everything `document` reads, in a fixed number of queries.

        Loaded by primary key and judged here: a condition on `is_public` would tempt SQLite to walk the index on
        the flag (every public row) instead of looking up the few ids."""

    @abstractmethod
    def document(self, obj) -> dict[str, Any]:
        """The fields of the object's search document."""

    def chunks(self, size: int = 1000) -> Iterator[list[int]]:
        ids = list(self.public_ids().order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), size):
            yield ids[start : start + size]


class MeasureSource(Source):
    kind = DocumentKind.MEASURE

    def public_ids(self):
        return Measure.objects.filter(is_public=True)

    @staticmethod
    def with_everything(ids: Iterable[int]) -> QuerySet[Measure]:
        """The measures `ids`, public or not, with what `document` reads."""
        return (
            Measure.objects.filter(pk__in=ids)
            .order_by()
            .select_related("municipality", "action_field")
            .prefetch_related(
                "further_action_fields",
                Prefetch(
                    "benefits",
                    queryset=Benefit.objects.filter(strength__gte=1).select_related("user_group"),
                    to_attr="index_benefits",
                ),
            )
        )

    def load(self, ids, gone):
        ids = set(ids) - gone.get(self.kind, set())
        if not ids:
            return {}
        return {measure.pk: measure for measure in self.with_everything(ids) if measure.is_public}

    def document(self, measure):
        municipality = measure.municipality
        fields = [measure.action_field, *measure.further_action_fields.all()]
        groups = [benefit.user_group for benefit in measure.index_benefits]
        return {
            "network_id": municipality.network_id,
            **_municipality_facets(municipality),
            "title": measure.title,
            "summary": _summary(measure.summary, measure.description),
            "date": timezone.localtime(measure.updated_at).date() if measure.updated_at else None,
            "action_field_id": measure.action_field_id,
            "action_field_ids": id_list(field.pk for field in fields),
            "user_group_ids": id_list(group.pk for group in groups),
            "status": measure.status,
            "title_terms": index_text(measure.title),
            "body_terms": index_text(
                measure.summary,
                measure.description,
                measure.transfer_note,
                *(benefit.text for benefit in measure.index_benefits),
            ),
            "extra_terms": index_text(
                municipality.name,
                *(field.name for field in fields),
                *(group.name for group in groups),
                measure.funding_programme,
                measure.responsible_unit,
            ),
        }


class LessonSource(Source):
    kind = DocumentKind.LESSON

    def public_ids(self):
        return Lesson.objects.filter(is_public=True)

    def load(self, ids, gone):
        ids = set(ids) - gone.get(self.kind, set())
        if not ids:
            return {}
        lessons = (
            Lesson.objects.filter(pk__in=ids)
            .order_by()
            .select_related("municipality", "measure__action_field", "event")
        )
        result = {}
        for lesson in lessons:
            if lesson.measure_id in gone.get(DocumentKind.MEASURE, ()):
                lesson.measure = None
            if lesson.event_id in gone.get(DocumentKind.EVENT, ()):
                lesson.event = None
            if lesson.is_published:
                result[lesson.pk] = lesson
        return result

    def document(self, lesson):
        municipality = lesson.municipality
        measure = lesson.measure
        return {
            "network_id": municipality.network_id,
            **_municipality_facets(municipality),
            "title": lesson.title,
            "summary": _summary(lesson.text),
            "date": timezone.localtime(lesson.created_at).date(),
            "action_field_id": measure.action_field_id if measure else None,
            "action_field_ids": id_list([measure.action_field_id] if measure else []),
            "user_group_ids": "",
            "status": "",
            "title_terms": index_text(lesson.title),
            "body_terms": index_text(lesson.text),
            "extra_terms": index_text(
                municipality.name,
                measure.title if measure else "",
                measure.action_field.name if measure else "",
                lesson.event.title if lesson.event else "",
            ),
        }


class EventSource(Source):
    kind = DocumentKind.EVENT

    def public_ids(self):
        return Event.objects.filter(is_public=True)

    def load(self, ids, gone):
        ids = set(ids) - gone.get(self.kind, set())
        if not ids:
            return {}
        events = Event.objects.filter(pk__in=ids).order_by().select_related("network", "municipality")
        return {event.pk: event for event in events if event.is_public}

    def document(self, event):
        host = event.municipality
        return {
            "network_id": event.network_id,
            **_municipality_facets(host),
            "title": event.title,
            "summary": _summary(event.description),
            "date": timezone.localtime(event.starts_at).date(),
            "action_field_id": None,
            "action_field_ids": "",
            "user_group_ids": "",
            "status": "",
            "title_terms": index_text(event.title),
            "body_terms": index_text(event.description),
            "extra_terms": index_text(
                event.get_kind_display(), event.get_mode_display(), event.location, event.host_name
            ),
        }


class PublicationSource(Source):
    """Published documents of vorort.publishing (strategy, annex, event documentation, network report). Their
    content is a file, so the title, kind, municipality and event are indexed."""

    kind = DocumentKind.PUBLICATION

    def public_ids(self):
        return Publication.objects.filter(is_public=True)

    def load(self, ids, gone):
        ids = set(ids) - gone.get(self.kind, set())
        if not ids:
            return {}
        publications = (
            Publication.objects.filter(pk__in=ids).order_by().select_related("network", "municipality", "event")
        )
        return {publication.pk: publication for publication in publications if publication.is_public}

    def document(self, publication):
        municipality = publication.municipality
        kind = publication.get_kind_display()
        when = publication.published_at or publication.created_at
        return {
            "network_id": publication.network_id,
            **_municipality_facets(municipality),
            "title": publication.title,
            "summary": _summary(f"{kind} · {publication.get_format_display()}"),
            "date": timezone.localtime(when).date(),
            "action_field_id": None,
            "action_field_ids": "",
            "user_group_ids": "",
            "status": "",
            "title_terms": index_text(publication.title),
            "body_terms": index_text(kind),
            "extra_terms": index_text(
                municipality.name if municipality else publication.network.name,
                publication.event.title if publication.event_id else "",
            ),
        }


MEASURES = MeasureSource()
LESSONS = LessonSource()
EVENTS = EventSource()
PUBLICATIONS = PublicationSource()
SOURCES: dict[str, Source] = {source.kind: source for source in (MEASURES, LESSONS, EVENTS, PUBLICATIONS)}
MODEL_KINDS: dict[type, str] = {
    Measure: DocumentKind.MEASURE,
    Lesson: DocumentKind.LESSON,
    Event: DocumentKind.EVENT,
    Publication: DocumentKind.PUBLICATION,
}


def lesson_ids_linked_to(*, measure_ids: Iterable[int] = (), event_ids: Iterable[int] = ()) -> list[int]:
    condition = Q(measure_id__in=list(measure_ids)) | Q(event_id__in=list(event_ids))
    return list(Lesson.objects.filter(condition).values_list("pk", flat=True))
