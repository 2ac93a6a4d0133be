"""Invitations: a coordinator invites by e-mail, the link is used once to join the municipality."""

import datetime
import hashlib
import re
from urllib.parse import quote

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from vorort.accounts.models import Invitation, Membership, Role, User
from vorort.core.models import AuditEntry

from ..factories import PASSWORD, UserFactory, member

NEW_PASSWORD = "Fahrradstrasse-am-Markt-7"
LINK = re.compile(r"http://testserver(/einladung/([^/\s]+)/)")


def _members_url(municipality) -> str:
    return reverse("accounts:members", kwargs={"slug": municipality.slug})


def _accept_url(token: str) -> str:
    return f"/einladung/{quote(token, safe='')}/"


def _field_errors(html: str, field: str) -> str:
    """The text of the error list rendered next to form field `field` ("" if there is none)."""
    match = re.search(rf'<ul class="errorlist" id="id_{field}_error">(.*?)</ul>', html, re.S)
    return match.group(1) if match else ""


@pytest.fixture
def invite(client_for, users, town_a, django_capture_on_commit_callbacks):
    """Invite an address through the members page as town A's coordinator; returns (token, link path)."""

    def send(email="neu@example.org", role=Role.EDITOR):
        client = client_for(users["coordinator"])
        outbox_before = len(mail.outbox)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(_members_url(town_a), {"email": email, "role": role})
        assert response.status_code == 302
        assert response["Location"] == _members_url(town_a)
        assert len(mail.outbox) == outbox_before + 1
        match = LINK.search(mail.outbox[-1].body)
        assert match, mail.outbox[-1].body
        client.logout()
        return match.group(2), match.group(1)

    return send


def _accept(client, path, name="Nina Neu", password1=NEW_PASSWORD, password2=NEW_PASSWORD):
    return client.post(path, {"name": name, "password1": password1, "password2": password2})


# Sending --------------------------------------------------------------------------------------


def test_coordinator_invites_and_mail_contains_one_time_link(invite, town_a, users):
    token, path = invite(email="Neu@Example.org", role=Role.VIEWER)
    message = mail.outbox[-1]
    assert message.to == ["neu@example.org"]
    assert town_a.name in message.subject
    assert path in message.body
    invitation = Invitation.objects.get(municipality=town_a)
    assert invitation.email == "neu@example.org"
    assert invitation.role == Role.VIEWER
    assert invitation.invited_by == users["coordinator"]
    assert invitation.is_open
    assert invitation.expires_at > timezone.now() + datetime.timedelta(days=1)


def test_invitation_mail_waits_for_the_commit(client_for, users, town_a, django_capture_on_commit_callbacks):
    client = client_for(users["coordinator"])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(_members_url(town_a), {"email": "spaeter@example.org", "role": Role.EDITOR})
    assert mail.outbox == []
    assert len(callbacks) == 1
    callbacks[0]()
    assert [m.to for m in mail.outbox] == [["spaeter@example.org"]]


def test_only_the_token_hash_is_stored(invite, town_a):
    token, _ = invite()
    invitation = Invitation.objects.get(municipality=town_a)
    assert invitation.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert len(token) >= 32
    stored = " ".join(str(value) for row in Invitation.objects.values() for value in row.values())
    assert token not in stored
    audit = " ".join(str(entry.changes) + entry.object_repr for entry in AuditEntry.objects.all())
    assert token not in audit
    assert invitation.token_hash not in audit


def test_invalid_invitation_form_shows_german_errors_and_sends_nothing(
    client_for, users, town_a, django_capture_on_commit_callbacks
):
    client = client_for(users["coordinator"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_members_url(town_a), {"email": "kein-at-zeichen", "role": Role.NETWORK_ADMIN})
    assert response.status_code == 200
    assert "gültige E-Mail-Adresse" in _field_errors(response.content.decode(), "email")
    assert _field_errors(response.content.decode(), "role")
    assert mail.outbox == []
    assert not Invitation.objects.exists()


def test_editor_cannot_invite(client_for, users, town_a, django_capture_on_commit_callbacks):
    client = client_for(users["editor"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_members_url(town_a), {"email": "x@example.org", "role": Role.COORDINATOR})
    assert response.status_code == 403
    assert mail.outbox == []
    assert not Invitation.objects.exists()


# Accepting as a new person --------------------------------------------------------------------


def test_link_shows_the_form(invite, town_a):
    _, path = invite(role=Role.COORDINATOR)
    response = Client().get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert town_a.name in html
    assert "neu@example.org" in html
    assert str(Role.COORDINATOR.label) in html
    for field in ("name", "password1", "password2"):
        assert f'name="{field}"' in html


def test_accepting_creates_account_membership_and_logs_in(invite, town_a):
    token, path = invite(role=Role.COORDINATOR)
    client = Client()
    users_before = User.objects.count()
    response = _accept(client, path)
    assert response.status_code == 302
    assert response["Location"] == reverse("network:workspace", kwargs={"slug": town_a.slug})
    assert User.objects.count() == users_before + 1
    user = User.objects.get(email="neu@example.org")
    assert user.name == "Nina Neu"
    assert user.check_password(NEW_PASSWORD)
    membership = Membership.objects.get(user=user)
    assert membership.municipality == town_a
    assert membership.network == town_a.network
    assert membership.role == Role.COORDINATOR
    assert int(client.session["_auth_user_id"]) == user.pk
    workspace = client.get(response["Location"])
    assert workspace.status_code == 200
    assert "Willkommen" in workspace.content.decode()
    invitation = Invitation.objects.get(token_hash=hashlib.sha256(token.encode()).hexdigest())
    assert invitation.accepted_by == user
    assert invitation.accepted_at is not None
    assert not invitation.is_open


def test_same_link_cannot_be_used_twice(invite):
    _, path = invite()
    assert _accept(Client(), path).status_code == 302
    users_before, memberships_before = User.objects.count(), Membership.objects.count()
    for response in (Client().get(path), _accept(Client(), path, name="Zweiter Versuch")):
        assert response.status_code == 410
        assert "bereits verwendet" in response.content.decode()
    assert (User.objects.count(), Membership.objects.count()) == (users_before, memberships_before)
    assert not User.objects.filter(name="Zweiter Versuch").exists()


def test_expired_link_is_refused(invite, town_a):
    _, path = invite()
    Invitation.objects.filter(municipality=town_a).update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    users_before = User.objects.count()
    for response in (Client().get(path), _accept(Client(), path)):
        assert response.status_code == 410
        assert "abgelaufen" in response.content.decode()
    assert User.objects.count() == users_before
    assert not User.objects.filter(email="neu@example.org").exists()


def test_link_still_valid_just_before_expiry(invite, town_a):
    _, path = invite()
    Invitation.objects.filter(municipality=town_a).update(expires_at=timezone.now() + datetime.timedelta(minutes=5))
    assert Client().get(path).status_code == 200


def test_revoked_invitation_is_refused(invite, client_for, users, town_a):
    _, path = invite()
    invitation = Invitation.objects.get(municipality=town_a)
    coordinator = client_for(users["coordinator"])
    revoke_url = reverse("accounts:invitation_revoke", kwargs={"slug": town_a.slug, "pk": invitation.pk})
    assert coordinator.post(revoke_url).status_code == 302
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None
    coordinator.logout()
    for response in (Client().get(path), _accept(Client(), path)):
        assert response.status_code == 410
        assert "zurückgezogen" in response.content.decode()
    assert not User.objects.filter(email="neu@example.org").exists()


@pytest.mark.parametrize(
    "token",
    [
        "falsch",
        "x" * 20_000,
        "ÄÖÜ-漢字-🙂",
        "' OR 1=1 --",
        "\x00",
        "..%2F..",
    ],
    ids=["short", "very-long", "unicode", "sql", "nul", "dots"],
)
def test_garbage_token_is_refused_in_german(db, invite, token):
    invite()  # a real invitation exists, the garbage must not match it
    client = Client(raise_request_exception=False)
    users_before = User.objects.count()
    for response in (client.get(_accept_url(token)), _accept(client, _accept_url(token))):
        assert response.status_code == 410
        html = response.content.decode()
        assert "ungültig" in html
        assert 'lang="de"' in html
    assert User.objects.count() == users_before
    assert Invitation.objects.get().accepted_at is None


def test_token_differing_in_one_character_is_refused(invite):
    token, _ = invite()
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")
    response = Client().get(_accept_url(tampered))
    assert response.status_code == 410
    assert "ungültig" in response.content.decode()


# Form errors ----------------------------------------------------------------------------------


def test_mismatched_passwords_give_german_error_and_create_nothing(invite):
    _, path = invite()
    users_before, memberships_before = User.objects.count(), Membership.objects.count()
    response = _accept(Client(), path, password2=NEW_PASSWORD + "x")
    assert response.status_code == 200
    assert "stimmen nicht überein" in _field_errors(response.content.decode(), "password2")
    assert (User.objects.count(), Membership.objects.count()) == (users_before, memberships_before)
    assert Invitation.objects.get().accepted_at is None


@pytest.mark.parametrize(
    ("password", "expected"),
    [("kurz-7", "zu kurz"), ("2026202620262026", "komplett numerisch"), ("password123", "zu üblich")],
)
def test_weak_password_gives_german_error_and_creates_nothing(invite, password, expected):
    _, path = invite()
    users_before = User.objects.count()
    response = _accept(Client(), path, password1=password, password2=password)
    assert response.status_code == 200
    assert expected in _field_errors(response.content.decode(), "password1")
    assert User.objects.count() == users_before
    assert Invitation.objects.get().accepted_at is None
    # The link stays usable after a failed attempt.
    assert _accept(Client(), path).status_code == 302


def test_missing_name_is_required(invite):
    _, path = invite()
    response = _accept(Client(), path, name="")
    assert response.status_code == 200
    assert "zwingend erforderlich" in _field_errors(response.content.decode(), "name")
    assert not User.objects.filter(email="neu@example.org").exists()


# Existing accounts ----------------------------------------------------------------------------


def test_existing_user_signed_in_gets_the_role(invite, town_a, town_b, client_for):
    existing = member(town_b, Role.EDITOR, email="neu@example.org", name="Erika Bestand")
    _, path = invite(role=Role.VIEWER)
    client = client_for(existing)
    page = client.get(path)
    assert page.status_code == 200
    assert "Sie sind angemeldet als" in page.content.decode()
    users_before = User.objects.count()
    response = client.post(path)
    assert response.status_code == 302
    assert response["Location"] == reverse("network:workspace", kwargs={"slug": town_a.slug})
    assert User.objects.count() == users_before
    assert Membership.objects.get(user=existing, municipality=town_a).role == Role.VIEWER
    assert Membership.objects.get(user=existing, municipality=town_b).role == Role.EDITOR
    existing.refresh_from_db()
    assert existing.check_password(PASSWORD)
    assert client.get(response["Location"]).status_code == 200
    assert Client().get(path).status_code == 410


def test_existing_user_not_signed_in_cannot_take_over_the_account(invite, town_a):
    existing = UserFactory(email="neu@example.org", name="Erika Bestand")
    _, path = invite()
    client = Client()
    response = _accept(client, path, name="Eindringling")
    assert response.status_code == 410
    html = response.content.decode()
    assert "gibt es schon ein Konto" in html
    existing.refresh_from_db()
    assert existing.check_password(PASSWORD)
    assert not existing.check_password(NEW_PASSWORD)
    assert existing.name == "Erika Bestand"
    assert not Membership.objects.filter(user=existing).exists()
    assert "_auth_user_id" not in client.session
    assert Invitation.objects.get().accepted_at is None


def test_existing_address_with_different_case_is_recognised(invite, town_a, client_for):
    existing = UserFactory(email="neu@example.org")
    _, path = invite(email="NEU@example.ORG")
    response = client_for(existing).post(path)
    assert response.status_code == 302
    assert Membership.objects.get(user=existing, municipality=town_a).role == Role.EDITOR
    assert User.objects.filter(email__iexact="neu@example.org").count() == 1


def test_someone_else_signed_in_cannot_accept(invite, users, town_a, client_for):
    UserFactory(email="neu@example.org")
    _, path = invite()
    intruder = users["coordinator_b"]
    response = client_for(intruder).post(path)
    assert response.status_code == 410
    assert "gibt es schon ein Konto" in response.content.decode()
    assert not Membership.objects.filter(user=intruder, municipality=town_a).exists()
    assert Invitation.objects.get().accepted_at is None


def test_signed_in_as_other_person_for_new_address_is_refused(invite, users, town_a, client_for):
    _, path = invite()
    signed_in = users["coordinator_b"]
    users_before = User.objects.count()
    response = client_for(signed_in).post(path)
    assert response.status_code == 410
    assert "Bitte melden Sie sich zuerst ab" in response.content.decode()
    assert User.objects.count() == users_before
    assert not Membership.objects.filter(user=signed_in, municipality=town_a).exists()
    assert Invitation.objects.get().accepted_at is None


def test_invitation_cannot_demote_the_last_coordinator(users, town_a, client_for, django_capture_on_commit_callbacks):
    """The admin invites the only coordinator as editor: accepting must not leave the town without one."""
    coordinator = users["coordinator"]
    admin = client_for(users["network_admin"])
    with django_capture_on_commit_callbacks(execute=True):
        admin.post(_members_url(town_a), {"email": coordinator.email, "role": Role.EDITOR})
    path = LINK.search(mail.outbox[-1].body).group(1)
    client = Client(raise_request_exception=False)
    client.force_login(coordinator, backend="vorort.accounts.backends.EmailBackend")
    response = client.post(path)
    assert response.status_code < 500
    assert "mindestens eine Smart-City-Koordination" in response.content.decode()
    assert Membership.objects.get(user=coordinator, municipality=town_a).role == Role.COORDINATOR
    assert Invitation.objects.get().accepted_at is None


def test_accepting_is_audited(invite, town_a):
    _, path = invite(role=Role.EDITOR)
    _accept(Client(), path)
    user = User.objects.get(email="neu@example.org")
    membership = Membership.objects.get(user=user)
    created = AuditEntry.objects.filter(object_id=str(membership.pk), action="create", municipality=town_a)
    assert created.filter(content_type__model="membership").exists()
    invitation = Invitation.objects.get()
    update = AuditEntry.objects.get(content_type__model="invitation", object_id=str(invitation.pk), action="update")
    assert update.actor == user
    assert {change["field"] for change in update.changes} >= {"accepted_at", "accepted_by"}
