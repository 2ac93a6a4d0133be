"""Helpers for the events tests: events at fixed times relative to now, created through the services."""

import datetime

from django.utils import timezone

from vorort.events import services
from vorort.events.models import Event, EventMode

LOGIN_BACKEND = "vorort.accounts.backends.EmailBackend"


def at(days: int, hour: int = 10, minute: int = 0) -> datetime.datetime:
    """Local Berlin time `days` from today at hour:minute (aware)."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def make_event(
    *,
    municipality=None,
    network=None,
    title="Strategiewerkstatt Innenstadt",
    days=14,
    hours=3,
    participating=(),
    actor=None,
    **fields,
) -> Event:
    """An event hosted by `municipality` (or, without one, by `network`)."""
    network = network or municipality.network
    starts = fields.pop("starts_at", None) or at(days)
    data = {
        "title": title,
        "kind": "strategiewerkstatt",
        "mode": EventMode.ANALOG,
        "starts_at": starts,
        "ends_at": fields.pop("ends_at", None) or starts + datetime.timedelta(hours=hours),
        "location": "Rathaus, Ratssaal",
        "is_public": False,
        "registration_open": True,
        "capacity": None,
    }
    data.update(fields)
    return services.event_create(
        actor=actor, network=network, municipality=municipality, data=data, participating=participating
    )
