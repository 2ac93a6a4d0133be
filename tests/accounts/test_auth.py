"""Signing in and out, password reset, and the demo-account lock."""

import re

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.test import Client
from django.urls import reverse

from ..factories import PASSWORD, UserFactory

LOGIN = "/anmelden/"
LOGOUT = "/abmelden/"
DASHBOARD = "/start/"
WRONG_LOGIN = "E-Mail-Adresse oder Passwort stimmen nicht"
RESET_LINK = re.compile(r"https?://testserver(/passwort-neu/[^/\s]+/[^/\s]+/)")
NEW_PASSWORD = "Neues-Passwort-fuer-Beckum-9"


def _login(client, email, password):
    return client.post(LOGIN, {"username": email, "password": password})


def _signed_in_user_id(client):
    value = client.session.get("_auth_user_id")
    return int(value) if value is not None else None


@pytest.fixture
def person(db):
    return UserFactory(email="kim@example.org", name="Kim Koordination")


# Login ----------------------------------------------------------------------------------------


def test_login_page_is_german(client, db):
    response = client.get(LOGIN)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Anmelden" in html
    assert "E-Mail-Adresse" in html
    assert "Passwort vergessen?" in html


def test_login_with_correct_credentials_redirects_to_start(client, person):
    response = _login(client, "kim@example.org", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == DASHBOARD
    assert _signed_in_user_id(client) == person.pk
    assert client.get(DASHBOARD).status_code == 200


def test_login_respects_a_safe_next_url(client, person):
    response = client.post(LOGIN, {"username": person.email, "password": PASSWORD, "next": "/netzwerk/cockpit/"})
    assert response["Location"] == "/netzwerk/cockpit/"


def test_login_ignores_an_external_next_url(client, person):
    response = client.post(LOGIN, {"username": person.email, "password": PASSWORD, "next": "https://evil.example/"})
    assert response.status_code == 302
    assert response["Location"] == DASHBOARD


def test_wrong_password_shows_german_error(client, person):
    response = _login(client, "kim@example.org", PASSWORD + "-falsch")
    assert response.status_code == 200
    assert WRONG_LOGIN in response.content.decode()
    assert _signed_in_user_id(client) is None


def test_unknown_address_shows_the_same_error(client, person):
    response = _login(client, "niemand@example.org", PASSWORD)
    assert response.status_code == 200
    assert WRONG_LOGIN in response.content.decode()
    assert _signed_in_user_id(client) is None


def test_inactive_account_cannot_log_in(client, person):
    person.is_active = False
    person.save()
    response = _login(client, person.email, PASSWORD)
    assert response.status_code == 200
    assert _signed_in_user_id(client) is None


@pytest.mark.parametrize("typed", ["KIM@EXAMPLE.ORG", "Kim@Example.org", "  kim@example.org  "])
def test_email_is_case_insensitive(client, person, typed):
    response = _login(client, typed, PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == DASHBOARD
    assert _signed_in_user_id(client) == person.pk


def test_empty_form_gives_german_field_errors(client, db):
    response = client.post(LOGIN, {"username": "", "password": ""})
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(r'id="id_username_error">.*?zwingend erforderlich', html, re.S)
    assert re.search(r'id="id_password_error">.*?zwingend erforderlich', html, re.S)


def test_start_page_needs_login(client, db):
    response = client.get(DASHBOARD)
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


# Logout ---------------------------------------------------------------------------------------


def test_logout_via_post(client, person):
    _login(client, person.email, PASSWORD)
    assert _signed_in_user_id(client) == person.pk
    response = client.post(LOGOUT)
    assert response.status_code == 302
    assert response["Location"] == reverse(django_settings.LOGOUT_REDIRECT_URL)
    assert _signed_in_user_id(client) is None
    assert client.get(DASHBOARD).status_code == 302


def test_logout_via_get_is_not_allowed(client, person):
    _login(client, person.email, PASSWORD)
    response = client.get(LOGOUT)
    assert response.status_code == 405
    assert _signed_in_user_id(client) == person.pk


# Password reset -------------------------------------------------------------------------------


def _request_reset(client, email):
    response = client.post("/passwort-vergessen/", {"email": email})
    assert response.status_code == 302
    assert response["Location"] == "/passwort-vergessen/gesendet/"
    return response


def test_password_reset_full_flow(client, person):
    page = client.get("/passwort-vergessen/")
    assert page.status_code == 200
    assert "Passwort vergessen" in page.content.decode()

    _request_reset(client, "Kim@Example.org")
    done = client.get("/passwort-vergessen/gesendet/")
    assert "Bitte prüfen Sie Ihr Postfach" in done.content.decode()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [person.email]
    assert "Passwort" in message.subject
    link = RESET_LINK.search(message.body)
    assert link, message.body

    opened = client.get(link.group(1))
    assert opened.status_code == 302  # Django hides the token behind a session redirect
    form_url = opened["Location"]
    form_page = client.get(form_url)
    assert form_page.status_code == 200
    html = form_page.content.decode()
    assert "Neues Passwort setzen" in html
    assert 'name="new_password1"' in html

    saved = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert saved.status_code == 302
    assert saved["Location"] == "/passwort-neu/fertig/"
    assert "Ihr neues Passwort ist gespeichert" in client.get(saved["Location"]).content.decode()

    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)
    fresh = Client()
    assert _login(fresh, person.email, PASSWORD).status_code == 200
    assert _login(fresh, person.email, NEW_PASSWORD)["Location"] == DASHBOARD

    # The link works only once.
    again = Client().get(link.group(1), follow=True)
    assert "ungültig oder wurde schon verwendet" in again.content.decode()


def test_password_reset_mismatch_gives_german_error(client, person):
    _request_reset(client, person.email)
    form_url = client.get(RESET_LINK.search(mail.outbox[0].body).group(1))["Location"]
    response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD + "!"})
    assert response.status_code == 200
    assert re.search(r'id="id_new_password2_error">.*?nicht identisch', response.content.decode(), re.S)
    person.refresh_from_db()
    assert person.check_password(PASSWORD)


def test_password_reset_short_password_is_refused(client, person):
    _request_reset(client, person.email)
    form_url = client.get(RESET_LINK.search(mail.outbox[0].body).group(1))["Location"]
    response = client.post(form_url, {"new_password1": "kurz-1", "new_password2": "kurz-1"})
    assert response.status_code == 200
    assert "zu kurz" in response.content.decode()
    person.refresh_from_db()
    assert person.check_password(PASSWORD)


def test_password_reset_for_unknown_address_sends_nothing_but_looks_the_same(client, person):
    _request_reset(client, "unbekannt@example.org")
    assert mail.outbox == []


def test_password_reset_with_forged_link_is_refused(client, person):
    response = client.get("/passwort-neu/MQ/falsches-token/", follow=True)
    assert response.status_code == 200
    assert "ungültig oder wurde schon verwendet" in response.content.decode()
    assert 'name="new_password1"' not in response.content.decode()


# Demo accounts --------------------------------------------------------------------------------


@pytest.fixture
def demo(db):
    return UserFactory(email="demo@example.org", is_demo=True)


def test_demo_account_cannot_log_in_in_production(client, demo, settings):
    settings.DEBUG = False
    response = _login(client, demo.email, PASSWORD)
    assert response.status_code == 200
    assert WRONG_LOGIN in response.content.decode()
    assert _signed_in_user_id(client) is None


def test_demo_account_can_log_in_in_development(client, demo, settings):
    settings.DEBUG = True
    response = _login(client, demo.email, PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == DASHBOARD
    assert _signed_in_user_id(client) == demo.pk


def test_demo_session_ends_when_debug_is_off(client, demo, settings):
    settings.DEBUG = True
    _login(client, demo.email, PASSWORD)
    assert client.get(DASHBOARD).status_code == 200
    settings.DEBUG = False
    response = client.get(DASHBOARD)
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


def test_normal_account_unaffected_by_debug(client, person, settings):
    settings.DEBUG = False
    assert _login(client, person.email, PASSWORD).status_code == 302
