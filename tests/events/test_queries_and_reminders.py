"""Calendar pages take the same number of queries for few and many events; reminder e-mails go out once."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import UserFactory
from vorort.events import services
from vorort.events.models import Registration

from .support import LOGIN_BACKEND, make_event

pytestmark = pytest.mark.django_db


def add_events(network, town_a, town_b, count: int, users) -> None:
    for index in range(count):
        host = {"municipality": town_a} if index % 3 == 0 else {"municipality": town_b} if index % 3 == 1 else {}
        event = make_event(
            network=network,
            title=f"Format {index}",
            days=5 + index,
            is_public=index % 2 == 0,
            capacity=2,
            participating=[town_a] if not host else (),
            **host,
        )
        if event.is_public:
            for person in (users["participant"], users["editor"], users["viewer"]):
                services.registration_create(actor=person, event=event)


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


PAGES = [
    ("anonymous", reverse("events:public_calendar")),
    ("anonymous", reverse("events:public_calendar") + "?kommune=beckum"),
    ("anonymous", reverse("events:ics_network")),
    ("anonymous", reverse("events:ics_municipality", kwargs={"slug": "beckum"})),
    ("coach", reverse("events:network_calendar")),
    ("network_admin", reverse("events:n_list")),
    ("viewer", reverse("events:m_list", kwargs={"slug": "beckum"})),
    ("participant", reverse("events:my_calendar")),
]


@pytest.mark.parametrize(("role", "url"), PAGES)
def test_query_count_does_not_grow_with_the_data(client, users, network, town_a, town_b, role, url):
    if role != "anonymous":
        client.force_login(users[role], backend=LOGIN_BACKEND)
    add_events(network, town_a, town_b, 3, users)
    small = count_queries(client, url)
    add_events(network, town_a, town_b, 20, users)
    large = count_queries(client, url)
    assert small == large, f"{url}: {small} queries for few events, {large} for many"


def test_private_feed_query_count(client, users, network, town_a, town_b):
    _token, raw = services.calendar_token_create(actor=users["coach"])
    add_events(network, town_a, town_b, 3, users)
    count_queries(client, f"/kalender/{raw}.ics")  # the first fetch also notes the time of use
    small = count_queries(client, f"/kalender/{raw}.ics")
    add_events(network, town_a, town_b, 20, users)
    assert count_queries(client, f"/kalender/{raw}.ics") == small


# Reminders -----------------------------------------------------------------------------------------------------------


@pytest.fixture
def soon(town_a):
    event = make_event(
        municipality=town_a,
        title="Bürgerforum morgen",
        is_public=True,
        starts_at=timezone.now() + datetime.timedelta(hours=20),
        ends_at=timezone.now() + datetime.timedelta(hours=22),
        capacity=1,
    )
    later = make_event(municipality=town_a, title="Werkstatt in drei Wochen", is_public=True, days=21)
    return event, later


def test_reminders_go_to_people_with_a_seat_once(soon):
    event, later = soon
    seated, waiting, elsewhere = UserFactory.create_batch(3)
    services.registration_create(actor=seated, event=event)
    services.registration_create(actor=waiting, event=event)
    services.registration_create(actor=elsewhere, event=later)
    call_command("send_event_reminders", "--site-url", "https://vorort.example")
    assert [m.to for m in mail.outbox] == [[seated.email]]
    message = mail.outbox[0]
    assert message.subject == "Erinnerung: Bürgerforum morgen"
    assert f"https://vorort.example/formate/{event.pk}/" in message.body and "Rathaus, Ratssaal" in message.body
    assert Registration.objects.get(user=seated).reminded_for == event.starts_at
    # Running again sends nothing twice.
    call_command("send_event_reminders", "--site-url", "https://vorort.example")
    assert len(mail.outbox) == 1


def test_a_moved_event_is_announced_again(soon):
    event, _later = soon
    person = UserFactory()
    services.registration_create(actor=person, event=event)
    services.reminders_send(site_url="https://x")
    services.event_update(
        actor=None,
        event=event,
        data={
            "starts_at": event.starts_at + datetime.timedelta(hours=2),
            "ends_at": event.ends_at + datetime.timedelta(hours=2),
        },
        expected_version=None,
    )
    assert services.reminders_send(site_url="https://x") == 1
    assert len(mail.outbox) == 2


def test_window_in_hours(soon):
    event, later = soon
    person = UserFactory()
    services.registration_create(actor=person, event=later)
    assert services.reminders_send(site_url="https://x", hours=48) == 0
    assert services.reminders_send(site_url="https://x", hours=24 * 22) == 1


def test_command_refuses_bad_options():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("send_event_reminders", "--hours", "0")
    with pytest.raises(CommandError):
        call_command("send_event_reminders", "--site-url", "vorort.example")


def test_hostile_title_in_the_subject(town_a):
    event = make_event(
        municipality=town_a,
        title="Forum\nBcc: alle@example.org",
        starts_at=timezone.now() + datetime.timedelta(hours=3),
        ends_at=timezone.now() + datetime.timedelta(hours=4),
    )
    services.registration_create(actor=UserFactory(), event=event)
    assert services.reminders_send(site_url="https://x") == 1
    assert mail.outbox[0].subject == "Erinnerung: Forum Bcc: alle@example.org"
    assert mail.outbox[0].bcc == []


def test_event_history_pages(client, users, town_a):
    event = make_event(municipality=town_a, title="Mit Verlauf")
    result = services.event_result_create(actor=users["editor"], event=event, text="Ein Ergebnis")
    client.force_login(users["viewer"], backend=LOGIN_BACKEND)
    for model, pk in (("events.event", event.pk), ("events.eventresult", result.pk)):
        url = reverse("core:object_history", kwargs={"slug": "beckum", "model": model, "pk": pk})
        assert client.get(url).status_code == 200
    other = reverse("core:object_history", kwargs={"slug": "billerbeck", "model": "events.event", "pk": event.pk})
    client.force_login(users["coordinator_b"], backend=LOGIN_BACKEND)
    assert client.get(other).status_code == 404


def test_navigation_has_formate(client, users):
    client.force_login(users["viewer"], backend=LOGIN_BACKEND)
    html = client.get(reverse("events:m_list", kwargs={"slug": "beckum"})).content.decode()
    assert 'href="/arbeitsbereich/beckum/formate/" aria-current="page">Formate<' in html
    client.force_login(users["network_admin"], backend=LOGIN_BACKEND)
    html = client.get(reverse("events:n_list")).content.decode()
    assert 'href="/netzwerk/formate/" aria-current="page">Formate<' in html


def test_admin_lists_events(client, users, town_a):
    make_event(municipality=town_a, title="Im Admin")
    admin = users["network_admin"]
    admin.is_staff = admin.is_superuser = True
    admin.save()
    client.force_login(admin, backend=LOGIN_BACKEND)
    for url in ("/admin/events/event/", "/admin/events/registration/", "/admin/events/calendartoken/"):
        assert client.get(url).status_code == 200
