"""Keeping the search index current. The write services of measures, lessons, events and municipalities call
`search_index_update` after a change and `search_index_remove` before a deletion; `vorort rebuild_search_index`
rebuilds everything. The index is derived data: its writes are not audited (the change that caused them is).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection, models, transaction

from vorort.network.models import ActionField, Municipality
from vorort.portal.models import Lesson

from .engines import DOCUMENTS, engine
from .models import DocumentKind, SearchDocument
from .sources import LESSONS, MODEL_KINDS, SOURCES, Gone, Source, lesson_ids_linked_to


def _sync(source: Source, ids: Iterable[int], gone: Gone | None = None) -> None:
    """Make the documents of `ids` match their objects: written if public, removed otherwise."""
    ids = {int(pk) for pk in ids}
    if not ids:
        return
    objects = source.load(ids, gone or {})
    existing = dict(SearchDocument.objects.filter(kind=source.kind, object_id__in=ids).values_list("object_id", "id"))
    stale = [doc_id for object_id, doc_id in existing.items() if object_id not in objects]
    written = []
    with connection.cursor() as cursor:
        if stale:
            engine().delete(cursor, stale)
            SearchDocument.objects.filter(pk__in=stale).delete()
        new = []
        for object_id, obj in objects.items():
            document = SearchDocument(kind=source.kind, object_id=object_id, **source.document(obj))
            if object_id in existing:
                document.pk = existing[object_id]
                document.save(force_update=True)
                written.append(document.pk)
            else:
                new.append(document)
        if new:
            written.extend(document.pk for document in SearchDocument.objects.bulk_create(new))
        if written:
            engine().write(cursor, written)


def _unindex_with_lessons(kind: str, pk: int) -> None:
    """An object that is not public leaves the index, and so do the lessons about it (which need it public).
    The common case of an import or an internal edit, so it costs one query when nothing is indexed."""
    sql = f"SELECT id FROM {DOCUMENTS} WHERE kind = %s AND object_id = %s"  # noqa: S608 - constant names
    params: list = [kind, pk]
    link = {DocumentKind.MEASURE: "measure_id", DocumentKind.EVENT: "event_id"}.get(kind)
    if link:
        sql += f" OR kind = %s AND object_id IN (SELECT id FROM {Lesson._meta.db_table} WHERE {link} = %s)"  # noqa: S608
        params += [DocumentKind.LESSON, pk]
    with connection.cursor() as cursor:  # raw: this runs for every row of an import
        cursor.execute(sql, params)
        stale = [row[0] for row in cursor.fetchall()]
    if stale:
        with connection.cursor() as cursor:
            engine().delete(cursor, stale)
        SearchDocument.objects.filter(pk__in=stale).delete()


def _linked_lessons(kind: str, pk: int) -> list[int]:
    """Lessons whose visibility follows the measure or event `pk`."""
    if kind == DocumentKind.MEASURE:
        return lesson_ids_linked_to(measure_ids=[pk])
    if kind == DocumentKind.EVENT:
        return lesson_ids_linked_to(event_ids=[pk])
    return []


def _documents_of_municipality(municipality_id: int) -> dict[str, set[int]]:
    ids: dict[str, set[int]] = {}
    for kind, object_id in SearchDocument.objects.filter(municipality_id=municipality_id).values_list(
        "kind", "object_id"
    ):
        ids.setdefault(kind, set()).add(object_id)
    return ids


@transaction.atomic(savepoint=False)  # part of the caller's transaction; no savepoint for every imported row
def search_index_update(instance: models.Model) -> None:
    """Re-index everything whose document depends on `instance`: a measure (and its lessons), an event (and its
    lessons), a lesson, a municipality (name, size class, rural flag) or an action field (its name)."""
    model = type(instance)
    if model in MODEL_KINDS:
        kind = MODEL_KINDS[model]
        if not instance.is_public:
            _unindex_with_lessons(kind, instance.pk)
            return
        _sync(SOURCES[kind], [instance.pk])
        _sync(LESSONS, _linked_lessons(kind, instance.pk))
    elif model is Municipality:
        indexed = _documents_of_municipality(instance.pk)
        for kind, source in SOURCES.items():
            candidates = set(source.public_ids().filter(municipality=instance).values_list("pk", flat=True))
            _sync(source, candidates | indexed.get(kind, set()))
    elif model is ActionField:
        for kind, object_ids in _documents_with_action_field(instance.pk).items():
            _sync(SOURCES[kind], object_ids)
    else:
        raise TypeError(f"{model.__name__} is not part of the search index")


def _documents_with_action_field(action_field_id: int) -> dict[str, set[int]]:
    ids: dict[str, set[int]] = {}
    rows = SearchDocument.objects.filter(action_field_ids__contains=f"|{action_field_id}|").values_list(
        "kind", "object_id"
    )
    for kind, object_id in rows:
        ids.setdefault(kind, set()).add(object_id)
    return ids


@transaction.atomic(savepoint=False)
def search_index_remove(instance: models.Model) -> None:
    """Drop the document of `instance` (a measure, lesson or event about to be deleted) and re-judge the lessons
    linked to it as they will be after the deletion."""
    kind = MODEL_KINDS[type(instance)]
    gone: Gone = {kind: {instance.pk}}
    _sync(SOURCES[kind], [instance.pk], gone)
    _sync(LESSONS, _linked_lessons(kind, instance.pk), gone)


@transaction.atomic
def search_index_rebuild() -> dict[str, int]:
    """Index every published object from scratch; returns the number of documents per kind."""
    counts = {}
    with connection.cursor() as cursor:
        engine().clear(cursor)
        SearchDocument.objects.all().delete()
        for kind, source in SOURCES.items():
            counts[kind] = 0
            for chunk in source.chunks():
                objects = source.load(chunk, {})
                SearchDocument.objects.bulk_create(
                    [SearchDocument(kind=kind, object_id=pk, **source.document(obj)) for pk, obj in objects.items()],
                    batch_size=500,
                )
                counts[kind] += len(objects)
        engine().load_all(cursor)
    return counts
