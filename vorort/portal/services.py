"""Writes of the portal: lessons learned, and adopting another municipality's published measure."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from vorort.core.services import create_audited, delete_audited, update_audited
from vorort.core.templatetags.vorort_format import date_long
from vorort.measures.models import Benefit, Measure, MeasureStatus, Origin
from vorort.measures.services import benefit_matrix_save, measure_create
from vorort.network.models import ActionField, Municipality, UserGroup
from vorort.search.services import search_index_remove, search_index_update

from .models import Lesson

LESSON_FIELDS = ("title", "text", "measure", "event", "is_public")


def lesson_links_check(municipality: Municipality, data: dict[str, Any]) -> None:
    """A lesson belongs to a measure of its own municipality and to an event of it or of its network."""
    measure, event = data.get("measure"), data.get("event")
    if measure is not None and measure.municipality_id != municipality.pk:
        raise ValidationError({"measure": _("Bitte eine Maßnahme dieser Kommune wählen.")})
    if event is not None and not (
        event.municipality_id == municipality.pk
        or (event.municipality_id is None and event.network_id == municipality.network_id)
    ):
        raise ValidationError({"event": _("Bitte ein Format dieser Kommune oder ihres Netzwerks wählen.")})


@transaction.atomic
def lesson_create(*, actor, municipality: Municipality, data: dict[str, Any]) -> Lesson:
    values = {name: data[name] for name in LESSON_FIELDS if name in data}
    lesson_links_check(municipality, values)
    author = actor if actor is not None and actor.is_authenticated else None
    lesson = create_audited(actor=actor, instance=Lesson(municipality=municipality, created_by=author, **values))
    search_index_update(lesson)
    return lesson


@transaction.atomic
def lesson_update(*, actor, lesson: Lesson, data: dict[str, Any], expected_version: int | None) -> Lesson:
    values = {name: data[name] for name in LESSON_FIELDS if name in data}
    lesson_links_check(lesson.municipality, values)
    lesson = update_audited(actor=actor, instance=lesson, data=values, expected_version=expected_version)
    search_index_update(lesson)
    return lesson


@transaction.atomic
def lesson_delete(*, actor, lesson: Lesson) -> None:
    search_index_remove(lesson)
    delete_audited(actor=actor, instance=lesson)


@transaction.atomic
def lessons_keep_internal(*, actor, measure: Measure | None = None, event=None) -> None:
    """Before an internal `measure` or `event` is deleted: lessons about it that are marked public (and so far
    hidden, because it is internal) become internal, so that the deletion does not publish them."""
    linked = Lesson.objects.none()
    if measure is not None and not measure.is_public:
        linked = linked | Lesson.objects.filter(measure=measure, is_public=True)
    if event is not None and not event.is_public:
        linked = linked | Lesson.objects.filter(event=event, is_public=True)
    for lesson in linked.select_for_update():
        update_audited(actor=actor, instance=lesson, data={"is_public": False})


# Adoption ----------------------------------------------------------------------------------------------------------

# What an adopted measure takes over from its source: the content, not the source's own plans.
COPIED_FIELDS = (
    "summary",
    "description",
    "investment_cost",
    "running_cost",
    "funding_programme",
    "funding_share",
    "personnel_effort",
    "transferability",
    "transfer_note",
)


def _matching(items, target_network_id: int, model) -> dict[int, Any]:
    """Source item id → the same item in the target network: itself, else one with the same slug or name."""
    items = list(items)
    if not items or all(item.network_id == target_network_id for item in items):
        return {item.pk: item for item in items}
    candidates = list(model.objects.filter(network_id=target_network_id))
    result = {}
    for item in items:
        same = [
            other
            for other in candidates
            if other.name.casefold() == item.name.casefold()
            or (getattr(item, "slug", None) and getattr(other, "slug", None) == item.slug)
        ]
        if same:
            result[item.pk] = same[0]
    return result


@transaction.atomic
def measure_adopt(
    *, actor, source: Measure, municipality: Municipality, source_url: str, on: datetime.date | None = None
) -> Measure:
    """Take a published measure of another municipality into `municipality`'s catalogue as an Idee: its content,
    action fields and benefits, with its origin (municipality, link, date). Once per municipality and source."""
    source = (
        Measure.objects.select_related("municipality", "action_field")
        .prefetch_related(
            "further_action_fields",
            # Only what the public page shows: a benefit of strength 0 is the source's internal note.
            Prefetch("benefits", queryset=Benefit.objects.filter(strength__gte=1).select_related("user_group")),
        )
        .get(pk=source.pk)
    )
    if not source.is_public:
        raise ValidationError(_("Nur veröffentlichte Maßnahmen können übernommen werden."))
    if source.municipality_id == municipality.pk:
        raise ValidationError(_("Eine Maßnahme der eigenen Kommune muss nicht übernommen werden."))
    # One adoption at a time per municipality, so a double click cannot create two copies.
    Municipality.objects.select_for_update().filter(pk=municipality.pk).first()
    if Measure.objects.filter(municipality=municipality, source_measure=source).exists():
        raise ValidationError(
            _("„%(title)s“ steht bereits im Maßnahmenkatalog von %(name)s.")
            % {"title": source.title, "name": municipality.name}
        )
    fields = _matching([source.action_field, *source.further_action_fields.all()], municipality.network_id, ActionField)
    primary = fields.get(source.action_field_id) or (
        ActionField.objects.filter(network_id=municipality.network_id).order_by("order", "name").first()
    )
    on = on or timezone.localdate()
    note = _("Übernommen von %(name)s („%(title)s“) am %(date)s") % {
        "name": source.municipality.name,
        "title": source.title,
        "date": date_long(on),
    }
    try:
        URLValidator()(source_url)
    except ValidationError:
        source_url = ""  # e.g. a host name without a domain: the link to the source measure remains
    data = {name: getattr(source, name) for name in COPIED_FIELDS}
    data.update(
        title=source.title,
        action_field=primary,
        status=MeasureStatus.IDEA,
        origin=Origin.ADOPTED,
        origin_note=note[:300],
        source_measure=source,
        source_url=source_url[:500],
        is_public=False,
    )
    further = [item for pk, item in fields.items() if pk != source.action_field_id and item != primary]
    measure = measure_create(
        actor=actor,
        municipality=municipality,
        data=data,
        m2m={"further_action_fields": further},
        status_note=_("übernommen von %(name)s") % {"name": source.municipality.name},
    )
    benefits = list(source.benefits.all())
    groups = _matching([benefit.user_group for benefit in benefits], municipality.network_id, UserGroup)
    rows = {
        groups[benefit.user_group_id].pk: (benefit.strength, benefit.text)
        for benefit in benefits
        if benefit.user_group_id in groups
    }
    if rows:
        measure = benefit_matrix_save(actor=actor, measure=measure, rows=rows, expected_version=measure.version)
    return measure
