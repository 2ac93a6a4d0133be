"""iCalendar feeds (RFC 5545) of events, with a VTIMEZONE for Europe/Berlin and local times with TZID."""

from __future__ import annotations

import datetime
import zoneinfo
from collections.abc import Iterable

from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Timezone, TimezoneDaylight, TimezoneStandard
from icalendar import Event as VEvent

from vorort.core.text import clean

from .models import Event, EventMode

TZID = "Europe/Berlin"
BERLIN = zoneinfo.ZoneInfo(TZID)
PRODID = "-//vorort//Formate//DE"


def clean_text(value: str) -> str:
    """Normalise line ends and drop control characters; icalendar escapes the rest (\\n , ; \\\\)."""
    return clean(value)


def berlin_timezone() -> Timezone:
    """Europe/Berlin as a VTIMEZONE with the EU rules (last Sunday of March / October), valid for every year."""
    tz = Timezone()
    tz.add("tzid", TZID)
    tz.add("x-lic-location", TZID)
    daylight = TimezoneDaylight()
    daylight.add("tzname", "CEST")
    daylight.add("tzoffsetfrom", datetime.timedelta(hours=1))
    daylight.add("tzoffsetto", datetime.timedelta(hours=2))
    daylight.add("dtstart", datetime.datetime(1970, 3, 29, 2, 0, 0))
    daylight.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1su"})
    standard = TimezoneStandard()
    standard.add("tzname", "CET")
    standard.add("tzoffsetfrom", datetime.timedelta(hours=2))
    standard.add("tzoffsetto", datetime.timedelta(hours=1))
    standard.add("dtstart", datetime.datetime(1970, 10, 25, 3, 0, 0))
    standard.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1su"})
    tz.add_component(daylight)
    tz.add_component(standard)
    return tz


def uid_host(request) -> str:
    return request.get_host().split(":")[0] or "vorort"


def _location(event: Event) -> str:
    if event.mode == EventMode.DIGITAL:
        return "Online"
    if event.mode == EventMode.HYBRID:
        return f"{event.location} / Online" if event.location else "Online"
    return event.location


def to_vevent(event: Event, *, request, stamp: datetime.datetime, online_link: bool = False) -> VEvent:
    page = request.build_absolute_uri(reverse("events:public_detail", kwargs={"pk": event.pk}))
    item = VEvent()
    item.add("uid", f"event-{event.pk}@{uid_host(request)}")
    item.add("dtstamp", stamp)
    item.add("created", event.created_at.astimezone(datetime.UTC))
    item.add("last-modified", event.updated_at.astimezone(datetime.UTC))
    item.add("sequence", max(event.version - 1, 0))
    item.add("dtstart", event.starts_at.astimezone(BERLIN))
    item.add("dtend", event.ends_at.astimezone(BERLIN))
    item.add("summary", clean_text(event.title))
    description = [f"{event.get_kind_display()} – {event.host_name}"]
    if event.description:
        description.append(event.description)
    if online_link and event.online_url:
        description.append(f"Online-Zugang: {event.online_url}")
    description.append(page)
    item.add("description", clean_text("\n\n".join(description)))
    if location := _location(event):
        item.add("location", clean_text(location))
    item.add("url", page)
    item.add("class", "PUBLIC" if event.is_public else "PRIVATE")
    item.add("categories", [clean_text(str(event.get_kind_display()))])
    return item


def build_calendar(
    events: Iterable[Event], *, request, name: str, online_link_for: set[int] | frozenset[int] = frozenset()
) -> bytes:
    """A VCALENDAR with one VEVENT per event. `online_link_for`: ids of events whose online link may be shown."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", clean_text(name))
    calendar.add("x-wr-timezone", TZID)
    calendar.add_component(berlin_timezone())
    stamp = timezone.now().astimezone(datetime.UTC).replace(microsecond=0)
    for event in events:
        calendar.add_component(to_vevent(event, request=request, stamp=stamp, online_link=event.pk in online_link_for))
    return calendar.to_ical()


def ics_response(body: bytes, filename: str, *, private: bool = False) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "private, no-store" if private else "public, max-age=900"
    if private:
        response["X-Robots-Tag"] = "noindex"
    return response
