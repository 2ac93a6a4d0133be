"""Reads for events, scoped by the acting user or by a host the view has already checked."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone

from vorort.accounts.selectors import role_map
from vorort.measures.models import Measure
from vorort.network.models import Municipality, Network
from vorort.strategy.models import Need

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
from .predicates import coached_networks

UPCOMING = "kommend"
PAST = "vergangen"


@dataclass(frozen=True)
class Host:
    """Who organises: the network (municipality None) or a municipality. Builds the host's management URLs."""

    network: Network
    municipality: Municipality | None = None

    @classmethod
    def of_municipality(cls, municipality: Municipality) -> Host:
        return cls(network=municipality.network, municipality=municipality)

    @classmethod
    def of_event(cls, event: Event) -> Host:
        return cls(network=event.network, municipality=event.municipality)

    @property
    def prefix(self) -> str:
        return "m_" if self.municipality is not None else "n_"

    @property
    def name(self) -> str:
        return self.municipality.name if self.municipality is not None else self.network.name

    def url(self, name: str, pk: int | None = None) -> str:
        kwargs = {"slug": self.municipality.slug} if self.municipality is not None else {}
        if pk is not None:
            kwargs["pk"] = pk
        return reverse(f"events:{self.prefix}{name}", kwargs=kwargs)


# Lists -----------------------------------------------------------------------------------------------------------


def _with_counts(queryset: QuerySet[Event]) -> QuerySet[Event]:
    return queryset.select_related("municipality", "network").annotate(
        confirmed_count=Count("registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED)),
        waiting_count=Count("registrations", filter=Q(registrations__status=RegistrationStatus.WAITING)),
    )


def in_period(queryset: QuerySet[Event], period: str) -> QuerySet[Event]:
    now = timezone.now()
    if period == PAST:
        return queryset.filter(ends_at__lt=now).order_by("-starts_at", "-id")
    return queryset.filter(ends_at__gte=now).order_by("starts_at", "id")


def public_events() -> QuerySet[Event]:
    return _with_counts(Event.objects.filter(is_public=True))


def visible_events(user) -> QuerySet[Event]:
    """Every event `user` may see: public ones and internal ones of hosts they may read (see predicates)."""
    if user is None or not user.is_authenticated:
        return _with_counts(Event.objects.filter(is_public=True))
    roles = role_map(user)
    internal = roles.internal_municipality_ids
    participating = Event.participating_municipalities.through.objects.filter(
        event_id=OuterRef("pk"), municipality_id__in=internal
    )
    condition = (
        Q(is_public=True)
        | Q(network_id__in=roles.admin_networks)
        | Q(municipality_id__in=internal)
        | Q(municipality__isnull=True, network_id__in=coached_networks(user))
    )
    if internal:
        condition |= Q(municipality__isnull=True) & Exists(participating)
    return _with_counts(Event.objects.filter(condition))


def private_feed_events(user) -> QuerySet[Event]:
    """A person's private feed: what they may see in the networks they belong to, and whatever they registered for."""
    roles = role_map(user)
    networks = set(roles.admin_networks) | set(roles.networks.values())
    registered = Registration.objects.filter(event_id=OuterRef("pk"), user=user).exclude(
        status=RegistrationStatus.CANCELLED
    )
    return visible_events(user).filter(Q(network_id__in=networks) | Exists(registered))


def network_calendar(user) -> QuerySet[Event]:
    """The network calendar of admins and coaches: what they may see in their networks."""
    networks = set(role_map(user).admin_networks) | coached_networks(user)
    return visible_events(user).filter(network_id__in=networks)


def events_of_host(host: Host) -> QuerySet[Event]:
    return _with_counts(Event.objects.filter(network=host.network, municipality=host.municipality))


def workspace_events(municipality: Municipality) -> QuerySet[Event]:
    """A municipality's calendar: its own events and the network events it takes part in."""
    takes_part = Event.participating_municipalities.through.objects.filter(
        event_id=OuterRef("pk"), municipality_id=municipality.pk
    )
    return _with_counts(
        Event.objects.filter(
            Q(municipality=municipality)
            | (Q(municipality__isnull=True, network_id=municipality.network_id) & Exists(takes_part))
        )
    )


def municipality_public_events(municipality: Municipality) -> QuerySet[Event]:
    """Public events a municipality hosts or takes part in (its public calendar)."""
    takes_part = Event.participating_municipalities.through.objects.filter(
        event_id=OuterRef("pk"), municipality_id=municipality.pk
    )
    return _with_counts(Event.objects.filter(Q(municipality=municipality) | Exists(takes_part), is_public=True))


def municipality_or_none(slug: str) -> Municipality | None:
    """For the public calendar's filter: an unknown slug just means no filter."""
    if not slug:
        return None
    return Municipality.objects.filter(slug=slug).select_related("network").first()


def participant_choices(host: Host) -> QuerySet[Municipality]:
    """Towns that may take part in the host's events: the network's, without the host itself."""
    queryset = Municipality.objects.filter(network=host.network).order_by("name")
    if host.municipality is not None:
        queryset = queryset.exclude(pk=host.municipality.pk)
    return queryset


def public_municipality(slug: str) -> Municipality:
    """Municipality names and slugs are public (the member list is)."""
    return get_object_or_404(Municipality.objects.select_related("network"), slug=slug)


# One event ---------------------------------------------------------------------------------------------------------


def _event_detail() -> QuerySet[Event]:
    return (
        _with_counts(Event.objects.all())
        .select_related("municipality__network", "created_by")
        .prefetch_related("participating_municipalities")
    )


def event_of_host(host: Host, pk: int) -> Event:
    """An event of the host, else 404 (another town's event is not found)."""
    return get_object_or_404(_event_detail(), pk=pk, network=host.network, municipality=host.municipality)


def event_by_pk(pk: int) -> Event:
    """Any event by id; the caller checks `events.view_event` and answers 404 if not allowed."""
    return get_object_or_404(_event_detail(), pk=pk)


def event_in(municipality: Municipality, pk: int) -> Event:
    """For the "Verlauf" page of a municipality's event."""
    return get_object_or_404(Event, municipality=municipality, pk=pk)


def result_in(municipality: Municipality, pk: int) -> EventResult:
    return get_object_or_404(EventResult, event__municipality=municipality, pk=pk)


def workshop_result_in(municipality: Municipality, pk: int) -> WorkshopResult:
    return get_object_or_404(WorkshopResult, event__municipality=municipality, pk=pk)


def agenda_of(event: Event) -> QuerySet[AgendaItem]:
    return AgendaItem.objects.filter(event=event)


def topics_of(event: Event) -> QuerySet[WorkshopTopic]:
    return WorkshopTopic.objects.filter(event=event).select_related("measure", "result")


def results_of(event: Event) -> QuerySet[EventResult]:
    return EventResult.objects.filter(event=event).select_related(
        "need__municipality", "measure__municipality", "idea__participation__municipality"
    )


def documents_of(event: Event) -> QuerySet[EventDocument]:
    return EventDocument.objects.filter(event=event)


def registrations_of(event: Event) -> QuerySet[Registration]:
    """Confirmed first, then the waiting list in its order, then cancellations."""
    return Registration.objects.filter(event=event).select_related("user").order_by("status", "queued_at", "id")


def agenda_item_of(event: Event, pk: int) -> AgendaItem:
    return get_object_or_404(AgendaItem, event=event, pk=pk)


def part_of_host(model, host: Host, pk: int):
    """An agenda item, topic, result or file (`model`) of one of the host's events, else 404."""
    return get_object_or_404(
        model.objects.select_related("event"), pk=pk, event__network=host.network, event__municipality=host.municipality
    )


def document_by_pk(pk: int) -> EventDocument:
    return get_object_or_404(EventDocument.objects.select_related("event__municipality", "event__network"), pk=pk)


# Registrations ---------------------------------------------------------------------------------------------------


def seats_left(event: Event) -> int | None:
    """Free seats (None: no limit)."""
    if event.capacity is None:
        return None
    taken = Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED).count()
    return max(event.capacity - taken, 0)


def registration_of(event: Event, user) -> Registration | None:
    if user is None or not user.is_authenticated:
        return None
    return Registration.objects.filter(event=event, user=user).first()


def waiting_position(registration: Registration | None) -> int | None:
    """1 for the first on the waiting list; None if not waiting."""
    if registration is None or registration.status != RegistrationStatus.WAITING:
        return None
    ahead = Registration.objects.filter(event_id=registration.event_id, status=RegistrationStatus.WAITING).filter(
        Q(queued_at__lt=registration.queued_at) | Q(queued_at=registration.queued_at, pk__lt=registration.pk)
    )
    return ahead.count() + 1


def confirmed_event_ids(user) -> set[int]:
    return set(
        Registration.objects.filter(user=user, status=RegistrationStatus.CONFIRMED).values_list("event_id", flat=True)
    )


def registrations_of_user(user) -> QuerySet[Registration]:
    return (
        Registration.objects.filter(user=user, event__ends_at__gte=timezone.now())
        .exclude(status=RegistrationStatus.CANCELLED)
        .select_related("event__municipality", "event__network")
        .order_by("event__starts_at", "event_id")
    )


# Links of results and topics ---------------------------------------------------------------------------------------


def linkable_municipality_ids(event: Event) -> list[int]:
    """Whose needs and measures an event's results and topics may name: the host; for a network event the
    participating municipalities."""
    if event.municipality_id is not None:
        return [event.municipality_id]
    return [m.pk for m in event.participating_municipalities.all()]


def linkable_measures(event: Event) -> QuerySet[Measure]:
    return (
        Measure.objects.filter(municipality_id__in=linkable_municipality_ids(event))
        .select_related("municipality")
        .order_by("municipality__name", "title", "id")
    )


def linkable_needs(event: Event) -> QuerySet[Need]:
    return (
        Need.objects.filter(municipality_id__in=linkable_municipality_ids(event))
        .select_related("municipality")
        .order_by("municipality__name", "title", "id")
    )


def linkable_ideas(event: Event):
    """Ideas of the towns' participations (not hidden by moderation)."""
    from vorort.participation.models import Idea, Moderation

    return (
        Idea.objects.filter(participation__municipality_id__in=linkable_municipality_ids(event))
        .exclude(moderation=Moderation.HIDDEN)
        .select_related("participation__municipality")
        .order_by("participation__municipality__name", "title", "id")
    )


# Workshop results for others (measures, prioritisation) ------------------------------------------------------------


def workshop_dots_for_measures(measure_ids) -> dict[int, int]:
    """Sum of the dots each measure received on printed posters, over all events: {measure id: dots}."""
    rows = (
        WorkshopResult.objects.filter(topic__measure_id__in=list(measure_ids))
        .values("topic__measure_id")
        .annotate(total=Sum("dots"))
    )
    return {row["topic__measure_id"]: row["total"] for row in rows}


# Calendar tokens ---------------------------------------------------------------------------------------------------


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def active_calendar_token(user) -> CalendarToken | None:
    return CalendarToken.objects.filter(user=user, revoked_at__isnull=True).order_by("-created_at", "-id").first()


def calendar_token_user(token: str):
    """The active user behind a private feed token, or None (unknown, revoked, or the person was deactivated)."""
    if not token or len(token) > 100:
        return None
    found = (
        CalendarToken.objects.select_related("user")
        .filter(token_hash=token_hash(token), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    return found
