"""Registration: seats, the waiting list, moving up on cancellation (with an e-mail), attendance."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from tests.factories import UserFactory
from vorort.core.models import AuditEntry
from vorort.events import services
from vorort.events.models import Registration, RegistrationStatus
from vorort.events.selectors import seats_left, waiting_position

from .support import LOGIN_BACKEND, make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_event(town_a):
    return make_event(municipality=town_a, title="Exkursion nach Münster", is_public=True, capacity=2)


def register(user, event):
    return services.registration_create(actor=user, event=event)


def test_beyond_capacity_goes_to_the_waiting_list(small_event):
    people = UserFactory.create_batch(4)
    statuses = [register(person, small_event).status for person in people]
    assert statuses == ["angemeldet", "angemeldet", "warteliste", "warteliste"]
    assert seats_left(small_event) == 0
    waiting = Registration.objects.filter(event=small_event, status=RegistrationStatus.WAITING).order_by("queued_at")
    assert [waiting_position(r) for r in waiting] == [1, 2]


def test_registering_twice_changes_nothing(small_event):
    person = UserFactory()
    first = register(person, small_event)
    again = register(person, small_event)
    assert first.pk == again.pk
    assert Registration.objects.filter(event=small_event).count() == 1


def test_cancel_moves_the_first_waiting_person_up_and_emails_them(small_event, django_capture_on_commit_callbacks):
    first, second, third, fourth = UserFactory.create_batch(4)
    for person in (first, second, third, fourth):
        register(person, small_event)
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(actor=first, event=small_event, site_url="https://vorort.example")
    assert Registration.objects.get(event=small_event, user=first).status == RegistrationStatus.CANCELLED
    moved = Registration.objects.get(event=small_event, user=third)
    assert moved.status == RegistrationStatus.CONFIRMED and moved.confirmed_at is not None
    assert Registration.objects.get(event=small_event, user=fourth).status == RegistrationStatus.WAITING
    assert waiting_position(Registration.objects.get(event=small_event, user=fourth)) == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [third.email]
    assert "Exkursion nach Münster" in message.subject
    assert f"https://vorort.example/formate/{small_event.pk}/" in message.body
    # The move is in the audit trail.
    assert AuditEntry.objects.filter(object_id=str(moved.pk), action="update").exists()


def test_a_waiting_person_who_cancels_moves_nobody(small_event, django_capture_on_commit_callbacks):
    people = UserFactory.create_batch(3)
    for person in people:
        register(person, small_event)
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(actor=people[2], event=small_event, site_url="https://x")
    assert mail.outbox == []
    assert Registration.objects.filter(event=small_event, status=RegistrationStatus.CONFIRMED).count() == 2


def test_more_seats_move_people_up(small_event, django_capture_on_commit_callbacks):
    people = UserFactory.create_batch(4)
    for person in people:
        register(person, small_event)
    with django_capture_on_commit_callbacks(execute=True):
        services.event_update(
            actor=None, event=small_event, data={"capacity": 3}, expected_version=None, site_url="https://x"
        )
    assert Registration.objects.filter(event=small_event, status=RegistrationStatus.CONFIRMED).count() == 3
    assert [m.to for m in mail.outbox] == [[people[2].email]]


def test_cancelled_person_can_register_again_at_the_end_of_the_queue(small_event):
    people = UserFactory.create_batch(3)
    for person in people:
        register(person, small_event)
    services.registration_cancel(actor=people[0], event=small_event)
    again = register(people[0], small_event)
    assert again.status == RegistrationStatus.WAITING
    assert waiting_position(again) == 1


def test_no_registration_after_the_start_or_when_closed(town_a):
    started = make_event(
        municipality=town_a,
        is_public=True,
        starts_at=timezone.now() - datetime.timedelta(hours=1),
        ends_at=timezone.now() + datetime.timedelta(hours=1),
    )
    with pytest.raises(ValidationError, match="bereits begonnen"):
        register(UserFactory(), started)
    closed = make_event(municipality=town_a, is_public=True, registration_open=False)
    with pytest.raises(ValidationError, match="keine Anmeldung"):
        register(UserFactory(), closed)


def test_register_and_cancel_through_the_page(client, users, small_event):
    client.force_login(users["participant"], backend=LOGIN_BACKEND)
    page = reverse("events:public_detail", kwargs={"pk": small_event.pk})
    assert "Verbindlich anmelden" in client.get(page).content.decode()
    response = client.post(reverse("events:register", kwargs={"pk": small_event.pk}), follow=True)
    html = response.content.decode()
    assert "Sie sind für „Exkursion nach Münster“ angemeldet." in html
    assert "Sie sind angemeldet." in html
    response = client.post(reverse("events:cancel", kwargs={"pk": small_event.pk}), follow=True)
    assert "Sie haben Ihre Teilnahme an „Exkursion nach Münster“ abgesagt." in response.content.decode()
    assert Registration.objects.get(user=users["participant"]).status == RegistrationStatus.CANCELLED


def test_full_event_offers_the_waiting_list(client, users, small_event):
    for person in UserFactory.create_batch(2):
        register(person, small_event)
    client.force_login(users["participant"], backend=LOGIN_BACKEND)
    page = reverse("events:public_detail", kwargs={"pk": small_event.pk})
    assert "Auf die Warteliste" in client.get(page).content.decode()
    html = client.post(reverse("events:register", kwargs={"pk": small_event.pk}), follow=True).content.decode()
    assert "Warteliste" in html and "Platz 1" in html


def test_anonymous_is_asked_to_sign_in(client, small_event):
    html = client.get(reverse("events:public_detail", kwargs={"pk": small_event.pk})).content.decode()
    assert "Anmelden, um teilzunehmen" in html
    response = client.post(reverse("events:register", kwargs={"pk": small_event.pk}))
    assert response.status_code == 302 and "/anmelden/" in response["Location"]


def test_nobody_registers_for_an_event_they_cannot_see(client, users, town_a):
    internal = make_event(municipality=town_a)
    client.force_login(users["participant"], backend=LOGIN_BACKEND)
    assert client.post(reverse("events:register", kwargs={"pk": internal.pk})).status_code == 404
    assert not Registration.objects.exists()


def test_online_link_only_for_confirmed_people_and_organisers(client, users, town_a):
    webinar = make_event(
        municipality=town_a, is_public=True, mode="digital", location="", online_url="https://meet.example/raum-7"
    )
    page = reverse("events:public_detail", kwargs={"pk": webinar.pk})
    assert "raum-7" not in client.get(page).content.decode()
    client.force_login(users["participant"], backend=LOGIN_BACKEND)
    assert "raum-7" not in client.get(page).content.decode()
    client.post(reverse("events:register", kwargs={"pk": webinar.pk}))
    assert "raum-7" in client.get(page).content.decode()
    client.force_login(users["editor"], backend=LOGIN_BACKEND)
    assert "raum-7" in client.get(page).content.decode()


def test_organiser_records_attendance(client, users, small_event):
    first, second = UserFactory.create_batch(2)
    register(first, small_event)
    register(second, small_event)
    client.force_login(users["editor"], backend=LOGIN_BACKEND)
    url = reverse("events:m_registrations", kwargs={"slug": "beckum", "pk": small_event.pk})
    html = client.get(url).content.decode()
    assert first.email in html and second.email in html
    mine = Registration.objects.get(user=first)
    response = client.post(url, {"teilgenommen": [str(mine.pk), "abc", "999999"]}, follow=True)
    assert "Teilnahme gespeichert (1 Änderungen)" in response.content.decode()
    assert Registration.objects.get(user=first).attended is True
    assert Registration.objects.get(user=second).attended is False
    client.post(url, {})
    assert Registration.objects.get(user=first).attended is False


def test_viewer_may_not_see_the_registration_list(client, users, small_event):
    client.force_login(users["viewer"], backend=LOGIN_BACKEND)
    url = reverse("events:m_registrations", kwargs={"slug": "beckum", "pk": small_event.pk})
    assert client.get(url).status_code == 403


def test_fewer_seats_than_given_are_refused(login, small_event):
    for person in UserFactory.create_batch(2):
        register(person, small_event)
    with pytest.raises(ValidationError) as error:
        services.event_update(actor=None, event=small_event, data={"capacity": 1}, expected_version=None)
    assert error.value.message_dict == {
        "capacity": ["Es haben bereits 2 Personen einen Platz. Bitte mindestens 2 Plätze angeben."]
    }
    client = login("coordinator")
    url = reverse("events:m_edit", kwargs={"slug": "beckum", "pk": small_event.pk})
    from .test_manage import form_data

    response = client.post(url, form_data(capacity="1", version=str(small_event.version)))
    html = response.content.decode()
    assert 'id="id_capacity_error"' in html and "Bitte mindestens 2 Plätze angeben." in html
    small_event.refresh_from_db()
    assert small_event.capacity == 2
