"""Writes for events: the event itself, agenda, topics, registrations, documentation, results, feeds, reminders."""

from __future__ import annotations

import datetime
import logging
import secrets
from typing import Any

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from vorort.core.audit import audit_changes, audit_record, snapshot
from vorort.core.models import AuditAction
from vorort.core.services import create_audited, delete_audited, update_audited
from vorort.core.uploads import CheckedUpload, delete_stored, store_upload
from vorort.portal.services import lessons_keep_internal
from vorort.publishing.models import Publication
from vorort.publishing.services import publication_publish
from vorort.search.services import search_index_remove, search_index_update

from .models import (
    AgendaItem,
    CalendarToken,
    Event,
    EventDocument,
    EventResult,
    Registration,
    RegistrationStatus,
    WorkshopResult,
    WorkshopTopic,
)
from .selectors import linkable_municipality_ids, seats_left, token_hash

logger = logging.getLogger(__name__)

EVENT_FIELDS = (
    "title",
    "kind",
    "mode",
    "description",
    "starts_at",
    "ends_at",
    "location",
    "online_url",
    "is_public",
    "registration_open",
    "capacity",
)


def _one_line(text: str) -> str:
    """For e-mail subjects: no line breaks (they would be refused as header injection)."""
    return " ".join(text.split())


def event_page_url(event: Event, site_url: str) -> str:
    return site_url.rstrip("/") + reverse("events:public_detail", kwargs={"pk": event.pk})


def _names(municipalities) -> str:
    return ", ".join(sorted(m.name for m in municipalities))


def _set_participants(*, actor, event: Event, municipalities) -> None:
    """Replace the participating municipalities (only towns of the event's network, never the host itself)."""
    wanted = [m for m in municipalities if m.network_id == event.network_id and m.pk != event.municipality_id]
    before = list(event.participating_municipalities.all())
    if {m.pk for m in before} == {m.pk for m in wanted}:
        return
    event.participating_municipalities.set(wanted)
    event._participating_ids = {m.pk for m in wanted}
    audit_changes(
        actor=actor,
        instance=event,
        changes=[
            {
                "field": "participating_municipalities",
                "label": str(Event._meta.get_field("participating_municipalities").verbose_name),
                "before": _names(before),
                "after": _names(wanted),
            }
        ],
    )


@transaction.atomic
def event_create(*, actor, network, municipality=None, data: dict[str, Any], participating=()) -> Event:
    """A new event of the network (municipality None) or of a municipality of that network."""
    if municipality is not None and municipality.network_id != network.pk:
        raise ValidationError(_("Die Kommune gehört nicht zu diesem Netzwerk."))
    values = {name: data[name] for name in EVENT_FIELDS if name in data}
    event = create_audited(
        actor=actor,
        instance=Event(network=network, municipality=municipality, created_by=actor, **values),
    )
    _set_participants(actor=actor, event=event, municipalities=participating)
    search_index_update(event)
    return event


@transaction.atomic
def event_update(
    *,
    actor,
    event: Event,
    data: dict[str, Any],
    expected_version: int | None,
    participating=None,
    site_url: str = "",
) -> Event:
    """Change an event; more seats move people up from the waiting list. Fewer seats than people who already have
    one are refused: nobody loses a seat they were given."""
    values = {name: data[name] for name in data if name in EVENT_FIELDS}
    event = _lock_event(event)
    capacity = values.get("capacity", event.capacity)
    if capacity is not None:
        taken = Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED).count()
        if capacity < taken:
            raise ValidationError(
                {
                    "capacity": _(
                        "Es haben bereits %(taken)s Personen einen Platz. Bitte mindestens %(taken)s Plätze angeben."
                    )
                    % {"taken": taken}
                }
            )
    event = update_audited(actor=actor, instance=event, data=values, expected_version=expected_version)
    if participating is not None:
        _set_participants(actor=actor, event=event, municipalities=participating)
    _fill_seats(actor=actor, event=event, site_url=site_url)
    _withdraw_private_documentation(actor=actor, event=event)
    search_index_update(event)
    return event


def _withdraw_private_documentation(*, actor, event: Event) -> None:
    """Published documentation of an event that is no longer public, or whose documentation is no longer public,
    is withdrawn: it does not stay online behind the event's back."""
    if event.is_public and event.documentation_public:
        return
    for publication in Publication.objects.filter(event=event, is_public=True).select_for_update():
        publication_publish(actor=actor, publication=publication, public=False)


@transaction.atomic
def event_documentation_update(*, actor, event: Event, data: dict[str, Any], expected_version: int | None) -> Event:
    values = {name: data[name] for name in ("protocol", "documentation_public") if name in data}
    event = update_audited(actor=actor, instance=event, data=values, expected_version=expected_version)
    _withdraw_private_documentation(actor=actor, event=event)
    return event


@transaction.atomic
def event_delete(*, actor, event: Event) -> None:
    files = list(EventDocument.objects.filter(event=event).values_list("file", flat=True))
    _withdraw_private_documentation(actor=actor, event=event)
    lessons_keep_internal(actor=actor, event=event)
    search_index_remove(event)
    delete_audited(actor=actor, instance=event)
    transaction.on_commit(lambda: [delete_stored(name) for name in files])


# Agenda and topics ---------------------------------------------------------------------------------------------------


def _next_order(queryset) -> int:
    return (queryset.aggregate(m=Max("order"))["m"] or 0) + 1


@transaction.atomic
def agenda_item_create(
    *, actor, event: Event, title: str, time: datetime.time | None = None, note: str = ""
) -> AgendaItem:
    item = AgendaItem(
        event=event, title=title, time=time, note=note, order=_next_order(AgendaItem.objects.filter(event=event))
    )
    return create_audited(actor=actor, instance=item)


@transaction.atomic
def agenda_item_delete(*, actor, item: AgendaItem) -> None:
    delete_audited(actor=actor, instance=item)


@transaction.atomic
def workshop_topic_create(
    *, actor, event: Event, measure=None, question: str = "", description: str = ""
) -> WorkshopTopic:
    """A topic for the workshop kit: a measure of the linkable towns, or a free question."""
    question = (question or "").strip()
    if (measure is None) == (not question):
        raise ValidationError(_("Bitte entweder eine Maßnahme wählen oder eine Frage eingeben."))
    if measure is not None:
        if measure.municipality_id not in linkable_municipality_ids(event):
            raise ValidationError({"measure": _("Diese Maßnahme gehört nicht zu den Kommunen dieses Formats.")})
        if WorkshopTopic.objects.filter(event=event, measure=measure).exists():
            raise ValidationError({"measure": _("Diese Maßnahme steht schon auf der Liste.")})
        title = measure.title
        description = description or measure.summary
    else:
        title = question
    topic = WorkshopTopic(
        event=event,
        measure=measure,
        title=title[:200],
        description=(description or "")[:600],
        order=_next_order(WorkshopTopic.objects.filter(event=event)),
    )
    return create_audited(actor=actor, instance=topic)


@transaction.atomic
def workshop_topic_delete(*, actor, topic: WorkshopTopic) -> None:
    delete_audited(actor=actor, instance=topic)


# Registrations ------------------------------------------------------------------------------------------------------


def _lock_event(event: Event) -> Event:
    """Re-read the event under a row lock: registrations of one event happen one after the other."""
    return Event.objects.select_for_update().get(pk=event.pk)


def _send_moved_up(registrations: list[Registration], site_url: str) -> None:
    for registration in registrations:
        event = registration.event
        context = {"registration": registration, "event": event, "link": event_page_url(event, site_url)}
        send_mail(
            subject=_("Sie haben einen Platz: %(title)s") % {"title": _one_line(event.title)},
            message=render_to_string("events/email/moved_up.txt", context),
            from_email=None,
            recipient_list=[registration.user.email],
        )


def _fill_seats(*, actor, event: Event, site_url: str) -> list[Registration]:
    """Move people up from the waiting list while seats are free; they get an e-mail after the commit. Once the
    event has begun, nobody moves up any more."""
    event = _lock_event(event)
    if event.has_started:
        return []
    free = seats_left(event)
    queue = (
        Registration.objects.filter(event=event, status=RegistrationStatus.WAITING)
        .select_related("user")
        .order_by("queued_at", "id")
    )
    if free is not None:
        queue = queue[:free]
    moved = []
    for registration in list(queue):
        before = snapshot(registration)
        registration.status = RegistrationStatus.CONFIRMED
        registration.confirmed_at = timezone.now()
        registration.save(update_fields=["status", "confirmed_at", "updated_at"])
        audit_record(actor=actor, instance=registration, action=AuditAction.UPDATE, before=before)
        registration.event = event
        moved.append(registration)
    if moved and site_url:
        transaction.on_commit(lambda: _send_moved_up(moved, site_url))
    return moved


def _check_open(event: Event) -> None:
    if not event.registration_open:
        raise ValidationError(_("Für dieses Format ist keine Anmeldung möglich."))
    if event.has_started:
        raise ValidationError(_("Das Format hat bereits begonnen; An- und Abmeldungen sind nicht mehr möglich."))


@transaction.atomic
def registration_create(*, actor, event: Event) -> Registration:
    """Register the acting person: a seat if one is free, else the waiting list. Registering twice changes nothing.

    The event row is locked first (SELECT … FOR UPDATE; SQLite serialises writers with BEGIN IMMEDIATE), so that
    of many simultaneous registrations for the last seat exactly one gets it.
    """
    event = _lock_event(event)
    _check_open(event)
    registration = Registration.objects.filter(event=event, user=actor).first()
    if registration is not None and registration.status != RegistrationStatus.CANCELLED:
        return registration
    free = seats_left(event)
    status = RegistrationStatus.CONFIRMED if free is None or free > 0 else RegistrationStatus.WAITING
    now = timezone.now()
    confirmed_at = now if status == RegistrationStatus.CONFIRMED else None
    if registration is None:
        return create_audited(
            actor=actor,
            instance=Registration(event=event, user=actor, status=status, queued_at=now, confirmed_at=confirmed_at),
        )
    return update_audited(
        actor=actor,
        instance=registration,
        data={
            "status": status,
            "queued_at": now,
            "confirmed_at": confirmed_at,
            "cancelled_at": None,
            "attended": False,
            "reminded_for": None,
        },
    )


@transaction.atomic
def registration_cancel(*, actor, event: Event, site_url: str = "") -> Registration | None:
    """Cancel the acting person's registration; the first on the waiting list moves up (and is told by e-mail)."""
    event = _lock_event(event)
    registration = Registration.objects.filter(event=event, user=actor).first()
    if registration is None or registration.status == RegistrationStatus.CANCELLED:
        return registration
    if event.has_started:
        raise ValidationError(_("Das Format hat bereits begonnen; An- und Abmeldungen sind nicht mehr möglich."))
    registration = update_audited(
        actor=actor,
        instance=registration,
        data={"status": RegistrationStatus.CANCELLED, "cancelled_at": timezone.now(), "confirmed_at": None},
    )
    _fill_seats(actor=actor, event=event, site_url=site_url)
    return registration


@transaction.atomic
def attendance_record(*, actor, event: Event, attended_ids: set[int]) -> int:
    """Tick who took part (confirmed registrations only); returns how many entries changed."""
    changed = 0
    registrations = Registration.objects.select_for_update().filter(event=event, status=RegistrationStatus.CONFIRMED)
    for registration in registrations:
        attended = registration.pk in attended_ids
        if registration.attended != attended:
            update_audited(actor=actor, instance=registration, data={"attended": attended})
            changed += 1
    return changed


# Documentation: results and files -----------------------------------------------------------------------------------


@transaction.atomic
def event_result_create(*, actor, event: Event, text: str, need=None, measure=None, idea=None) -> EventResult:
    """A result of the event; a linked need, measure or idea must belong to the event's towns."""
    allowed = linkable_municipality_ids(event)
    errors = {}
    if need is not None and need.municipality_id not in allowed:
        errors["need"] = _("Dieser Bedarf gehört nicht zu den Kommunen dieses Formats.")
    if measure is not None and measure.municipality_id not in allowed:
        errors["measure"] = _("Diese Maßnahme gehört nicht zu den Kommunen dieses Formats.")
    if idea is not None and idea.participation.municipality_id not in allowed:
        errors["idea"] = _("Diese Idee gehört nicht zu den Kommunen dieses Formats.")
    if errors:
        raise ValidationError(errors)
    return create_audited(
        actor=actor,
        instance=EventResult(event=event, text=text, need=need, measure=measure, idea=idea, created_by=actor),
    )


@transaction.atomic
def event_result_delete(*, actor, result: EventResult) -> None:
    delete_audited(actor=actor, instance=result)


@transaction.atomic
def event_document_create(*, actor, event: Event, upload: CheckedUpload, caption: str = "") -> EventDocument:
    """Store a checked upload under a random name and record it; the file goes again if the transaction fails."""
    name = store_upload(upload, folder=f"events/{event.pk}")
    try:
        document = create_audited(
            actor=actor,
            instance=EventDocument(
                event=event,
                file=name,
                original_name=upload.original_name,
                kind=upload.kind.key,
                content_type=upload.kind.content_type,
                size=upload.size,
                caption=caption,
                uploaded_by=actor,
            ),
        )
    except Exception:
        delete_stored(name)
        raise
    return document


@transaction.atomic
def event_document_delete(*, actor, document: EventDocument) -> None:
    name = document.file.name
    delete_audited(actor=actor, instance=document)
    transaction.on_commit(lambda: delete_stored(name))


# Workshop kit: dot counts --------------------------------------------------------------------------------------------


@transaction.atomic
def workshop_results_record(*, actor, event: Event, counts: dict[int, int]) -> list[WorkshopResult]:
    """Store the dots counted on the posters, one number per topic of the event (replacing earlier counts)."""
    event = _lock_event(event)
    topics = {topic.pk: topic for topic in WorkshopTopic.objects.filter(event=event)}
    unknown = set(counts) - set(topics)
    if unknown:
        raise ValidationError(_("Die Punkte gehören zu Diskussionspunkten eines anderen Formats."))
    existing = {result.topic_id: result for result in WorkshopResult.objects.filter(event=event)}
    stored = []
    for topic_id, dots in counts.items():
        if dots is None:
            continue
        if dots < 0:
            raise ValidationError(_("Die Zahl der Punkte darf nicht negativ sein."))
        result = existing.get(topic_id)
        if result is None:
            result = create_audited(
                actor=actor,
                instance=WorkshopResult(event=event, topic=topics[topic_id], dots=dots, recorded_by=actor),
            )
        elif result.dots != dots:
            result = update_audited(actor=actor, instance=result, data={"dots": dots, "recorded_by": actor})
        stored.append(result)
    return stored


# Private calendar feed ---------------------------------------------------------------------------------------------


@transaction.atomic
def calendar_token_create(*, actor) -> tuple[CalendarToken, str]:
    """A new secret feed address for the acting person; an older one stops working. Returns (token, raw secret)."""
    calendar_token_revoke(actor=actor)
    raw = secrets.token_urlsafe(32)
    token = create_audited(actor=actor, instance=CalendarToken(user=actor, token_hash=token_hash(raw)))
    return token, raw


@transaction.atomic
def calendar_token_revoke(*, actor) -> int:
    """Revoke every active feed address of the acting person; returns how many."""
    revoked = 0
    for token in CalendarToken.objects.select_for_update().filter(user=actor, revoked_at__isnull=True):
        update_audited(actor=actor, instance=token, data={"revoked_at": timezone.now()})
        revoked += 1
    return revoked


def calendar_token_touch(*, token: CalendarToken) -> None:
    """Remember when a feed was last fetched (at most once an hour; not audited: a read, not a change)."""
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > datetime.timedelta(hours=1):
        CalendarToken.objects.filter(pk=token.pk).update(last_used_at=now)


# Reminders ---------------------------------------------------------------------------------------------------------


def reminders_send(*, now: datetime.datetime | None = None, hours: int = 48, site_url: str) -> int:
    """E-mail everyone with a seat at an event that starts within `hours`. Each person is reminded once per start
    time (a moved event is announced again); running twice sends nothing twice. Returns the number of e-mails."""
    now = now or timezone.now()
    due = (
        Registration.objects.filter(
            status=RegistrationStatus.CONFIRMED,
            event__starts_at__gt=now,
            event__starts_at__lte=now + datetime.timedelta(hours=hours),
            user__is_active=True,
        )
        .select_related("event__municipality", "event__network", "user")
        .order_by("event__starts_at", "id")
    )
    sent = 0
    for registration in due:
        if registration.reminded_for == registration.event.starts_at:
            continue
        if _reminder_claim(registration):
            _send_reminder(registration, site_url)
            sent += 1
    return sent


@transaction.atomic
def _reminder_claim(registration: Registration) -> bool:
    """Mark the reminder as sent before sending: a parallel run cannot send it as well."""
    starts_at = registration.event.starts_at
    claimed = (
        Registration.objects.filter(pk=registration.pk, status=RegistrationStatus.CONFIRMED)
        .exclude(reminded_for=starts_at)
        .update(reminded_for=starts_at)
    )
    if not claimed:
        return False
    before = snapshot(registration)
    registration.reminded_for = starts_at
    audit_record(actor=None, instance=registration, action=AuditAction.UPDATE, before=before)
    return True


def _send_reminder(registration: Registration, site_url: str) -> None:
    event = registration.event
    context = {"registration": registration, "event": event, "link": event_page_url(event, site_url)}
    try:
        send_mail(
            subject=_("Erinnerung: %(title)s") % {"title": _one_line(event.title)},
            message=render_to_string("events/email/reminder.txt", context),
            from_email=None,
            recipient_list=[registration.user.email],
        )
    except OSError:
        logger.exception("Reminder for registration %s could not be sent", registration.pk)
