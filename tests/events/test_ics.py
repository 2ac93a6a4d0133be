"""iCalendar feeds, parsed back with the icalendar library: event count, DTSTART with TZID Europe/Berlin, a valid
VTIMEZONE, escaping, and no internal event in a public feed; the private feed with its revocable address."""

import datetime
import re
import zoneinfo

import pytest
from django.urls import reverse
from icalendar import Calendar

from tests.factories import UserFactory
from vorort.events import services
from vorort.events.models import CalendarToken
from vorort.events.selectors import token_hash

from .support import LOGIN_BACKEND, at, make_event

pytestmark = pytest.mark.django_db

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def parse(response) -> Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content
    # RFC 5545: CRLF line ends, no content line longer than 75 octets.
    assert b"\r\n" in body and not re.search(rb"(?<!\r)\n", body)
    assert all(len(line) <= 75 for line in body.split(b"\r\n"))
    return Calendar.from_ical(body)


def summaries(calendar: Calendar) -> list[str]:
    return sorted(str(item["SUMMARY"]) for item in calendar.walk("VEVENT"))


@pytest.fixture
def calendar_events(network, town_a, town_b):
    return {
        "summer": make_event(
            municipality=town_a,
            title="Bürgerforum Sommer",
            is_public=True,
            starts_at=at(days=200, hour=18),
            ends_at=at(days=200, hour=20),
        ),
        "winter": make_event(municipality=town_a, title="Bürgerforum Winter", is_public=True, days=60),
        "b_public": make_event(municipality=town_b, title="Werkstatt Billerbeck", is_public=True),
        "internal": make_event(municipality=town_a, title="Lenkungsgruppe intern"),
        "network_public": make_event(
            network=network,
            title="Webinar Förderung",
            is_public=True,
            participating=[town_a],
            mode="digital",
            location="",
            online_url="https://meet.example/geheim",
        ),
        "network_internal": make_event(network=network, title="Netzwerk intern", participating=[town_a]),
    }


def test_network_feed_lists_public_events_only(client, calendar_events):
    calendar = parse(client.get("/kalender.ics"))
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    assert summaries(calendar) == [
        "Bürgerforum Sommer",
        "Bürgerforum Winter",
        "Webinar Förderung",
        "Werkstatt Billerbeck",
    ]
    body = client.get("/kalender.ics").content.decode()
    assert "intern" not in body and "CLASS:PRIVATE" not in body
    assert "meet.example/geheim" not in body  # the online link is for registered people only


def test_dtstart_carries_tzid_and_the_local_time(client, calendar_events):
    response = client.get("/kalender.ics")
    body = response.content.decode()
    summer = calendar_events["summer"]
    local = summer.starts_at.astimezone(BERLIN)
    assert f"DTSTART;TZID=Europe/Berlin:{local:%Y%m%dT%H%M%S}" in body
    assert f"DTEND;TZID=Europe/Berlin:{summer.ends_at.astimezone(BERLIN):%Y%m%dT%H%M%S}" in body
    calendar = parse(response)
    timezones = calendar.walk("VTIMEZONE")
    assert [str(tz["TZID"]) for tz in timezones] == ["Europe/Berlin"]
    for item in calendar.walk("VEVENT"):
        assert item["DTSTART"].params["TZID"] == "Europe/Berlin"
        assert item["DTSTAMP"].dt.tzinfo is not None
        assert str(item["UID"]).startswith("event-") and str(item["UID"]).endswith("@testserver")
        assert str(item["URL"]).startswith("http://testserver/formate/")
    parsed = {str(item["SUMMARY"]): item for item in calendar.walk("VEVENT")}
    # The instant is the same as stored, whatever the season (CEST in summer, CET in winter).
    assert parsed["Bürgerforum Sommer"]["DTSTART"].dt == summer.starts_at
    assert parsed["Bürgerforum Winter"]["DTSTART"].dt == calendar_events["winter"].starts_at


def test_vtimezone_rules_give_the_right_offsets(client, calendar_events):
    tz = parse(client.get("/kalender.ics")).walk("VTIMEZONE")[0].to_tz()
    assert datetime.datetime(2027, 7, 1, 12, tzinfo=tz).utcoffset() == datetime.timedelta(hours=2)
    assert datetime.datetime(2027, 1, 15, 12, tzinfo=tz).utcoffset() == datetime.timedelta(hours=1)
    # Last Sunday in March 2027 is the 28th: 01:59 is still winter time, 03:00 summer time.
    assert datetime.datetime(2027, 3, 28, 1, 59, tzinfo=tz).utcoffset() == datetime.timedelta(hours=1)
    assert datetime.datetime(2027, 3, 28, 3, 0, tzinfo=tz).utcoffset() == datetime.timedelta(hours=2)


def test_uid_is_stable(client, calendar_events):
    first = {str(e["SUMMARY"]): str(e["UID"]) for e in parse(client.get("/kalender.ics")).walk("VEVENT")}
    second = {str(e["SUMMARY"]): str(e["UID"]) for e in parse(client.get("/kalender.ics")).walk("VEVENT")}
    assert first == second
    assert first["Bürgerforum Sommer"] == f"event-{calendar_events['summer'].pk}@testserver"


def test_municipality_feed(client, calendar_events):
    calendar = parse(client.get(reverse("events:ics_municipality", kwargs={"slug": "beckum"})))
    assert summaries(calendar) == ["Bürgerforum Sommer", "Bürgerforum Winter", "Webinar Förderung"]


def test_network_filter(client, calendar_events):
    calendar = parse(client.get("/kalender.ics?netzwerk=netzwerk-innenstadt-nrw"))
    assert len(calendar.walk("VEVENT")) == 4
    assert parse(client.get("/kalender.ics?netzwerk=gibt-es-nicht")).walk("VEVENT") == []


def test_single_event_feed(client, users, calendar_events):
    summer = calendar_events["summer"]
    calendar = parse(client.get(reverse("events:ics_event", kwargs={"pk": summer.pk})))
    assert summaries(calendar) == ["Bürgerforum Sommer"]
    internal = calendar_events["internal"]
    assert client.get(reverse("events:ics_event", kwargs={"pk": internal.pk})).status_code == 404
    client.force_login(users["viewer"], backend=LOGIN_BACKEND)
    response = client.get(reverse("events:ics_event", kwargs={"pk": internal.pk}))
    assert summaries(parse(response)) == ["Lenkungsgruppe intern"]
    assert response["Cache-Control"] == "private, no-store"


def test_hostile_title_is_escaped(client, town_a):
    make_event(
        municipality=town_a,
        title="Böse\r\nBEGIN:VEVENT\rUID:x;Komma, Semikolon\\",
        description="Zeile 1\r\nEND:VCALENDAR\x07",
        is_public=True,
    )
    calendar = parse(client.get("/kalender.ics"))
    items = calendar.walk("VEVENT")
    assert len(items) == 1
    # The form would have collapsed the line breaks; the service stores what it is given, the feed escapes it.
    assert str(items[0]["SUMMARY"]) == "Böse\nBEGIN:VEVENT\nUID:x;Komma, Semikolon\\"
    assert "END:VCALENDAR" in str(items[0]["DESCRIPTION"]) and "\x07" not in str(items[0]["DESCRIPTION"])
    lines = client.get("/kalender.ics").content.decode().split("\r\n")
    assert lines.count("BEGIN:VEVENT") == 1 and lines.count("END:VCALENDAR") == 1


# The private feed --------------------------------------------------------------------------------------------------


def _create_token(client) -> str:
    response = client.post(reverse("events:calendar_token_create"), follow=True)
    match = re.search(r'value="(http://testserver/kalender/[^"]+\.ics)"', response.content.decode())
    assert match, "the new address is shown once"
    return match.group(1).removeprefix("http://testserver")


def test_private_feed_contains_internal_events_the_owner_may_see(client, users, calendar_events):
    client.force_login(users["viewer"], backend=LOGIN_BACKEND)
    path = _create_token(client)
    client.logout()
    calendar = parse(client.get(path))
    assert summaries(calendar) == [
        "Bürgerforum Sommer",
        "Bürgerforum Winter",
        "Lenkungsgruppe intern",
        "Netzwerk intern",
        "Webinar Förderung",
        "Werkstatt Billerbeck",
    ]
    assert client.get(path)["Cache-Control"] == "private, no-store"


def test_private_feed_shows_the_online_link_to_registered_people(client, users, calendar_events):
    person = users["participant"]
    services.registration_create(actor=person, event=calendar_events["network_public"])
    client.force_login(person, backend=LOGIN_BACKEND)
    path = _create_token(client)
    body = client.get(path).content.decode().replace("\r\n ", "")
    assert "meet.example/geheim" in body
    assert "Lenkungsgruppe" not in body


def test_address_shown_once_and_only_its_hash_stored(client, users):
    client.force_login(users["editor"], backend=LOGIN_BACKEND)
    path = _create_token(client)
    raw = path.removeprefix("/kalender/").removesuffix(".ics")
    token = CalendarToken.objects.get(user=users["editor"])
    assert token.token_hash == token_hash(raw) and raw not in token.token_hash
    assert raw not in client.get(reverse("events:my_calendar")).content.decode()


def test_revoked_and_replaced_addresses_stop_working(client, users, calendar_events):
    client.force_login(users["editor"], backend=LOGIN_BACKEND)
    first = _create_token(client)
    second = _create_token(client)
    assert client.get(first).status_code == 404
    assert client.get(second).status_code == 200
    client.post(reverse("events:calendar_token_revoke"))
    assert client.get(second).status_code == 404
    assert client.get("/kalender/erfunden.ics").status_code == 404
    assert CalendarToken.objects.filter(user=users["editor"], revoked_at__isnull=True).count() == 0


def test_feed_of_a_deactivated_person_stops(client, calendar_events):
    person = UserFactory()
    _token, raw = services.calendar_token_create(actor=person)
    assert client.get(f"/kalender/{raw}.ics").status_code == 200
    person.is_active = False
    person.save()
    assert client.get(f"/kalender/{raw}.ics").status_code == 404


def test_private_feed_of_an_outsider_shows_only_their_registrations(client, calendar_events):
    from tests.factories import MunicipalityFactory, NetworkFactory

    other = NetworkFactory(name="Anderes Netzwerk")
    make_event(
        municipality=MunicipalityFactory(network=other, name="Anderstadt"), title="Fremdes Forum", is_public=True
    )
    person = UserFactory()
    services.registration_create(actor=person, event=calendar_events["winter"])
    _token, raw = services.calendar_token_create(actor=person)
    assert summaries(parse(client.get(f"/kalender/{raw}.ics"))) == ["Bürgerforum Winter"]
