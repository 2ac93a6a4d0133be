"""API tokens: the pages under /konto/api-zugang/, what is stored, and which tokens the API accepts."""

import datetime
import hashlib

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from vorort.api.models import ApiToken
from vorort.api.services import api_token_create, api_token_revoke
from vorort.core.models import AuditAction, AuditEntry

pytestmark = pytest.mark.django_db

TOKENS = "/konto/api-zugang/"
REVOKE = "/konto/api-zugang/widerrufen/"
MEASURES = "/api/v1/arbeitsbereich/beckum/massnahmen/"


def token_audit(token):
    return AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(ApiToken), object_id=str(token.pk)
    ).order_by("id")


def test_addresses():
    assert reverse("api:tokens") == TOKENS
    assert reverse("api:token_revoke") == REVOKE
    assert reverse("api:openapi") == "/api/openapi.json"


def test_anonymous_goes_to_login(client):
    assert client.get(TOKENS).status_code == 302
    assert client.post(REVOKE, {"token": 1}).status_code == 302


def test_create_shows_the_secret_exactly_once_and_stores_only_its_hash(client_for, users):
    editor = users["editor"]
    client = client_for(editor)
    response = client.post(TOKENS, {"name": "Ratsinformationssystem", "valid_days": "30"}, follow=True)
    assert response.status_code == 200
    secret = response.context["new_secret"]
    assert secret.startswith("vo_") and len(secret) > 40
    assert secret in response.content.decode()
    token = ApiToken.objects.get(user=editor)
    assert token.token_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert token.prefix == secret[: len(token.prefix)] and len(token.prefix) < 12
    assert secret not in str(ApiToken.objects.filter(pk=token.pk).values().get())
    assert token.expires_at.date() == (timezone.now() + datetime.timedelta(days=30)).date()
    entry = token_audit(token).get()
    assert entry.action == AuditAction.CREATE and entry.actor == editor
    assert secret not in str(entry.changes)
    again = client.get(TOKENS).content.decode()
    assert secret not in again and "Ratsinformationssystem" in again and token.prefix in again


def test_create_needs_a_name(client_for, users):
    response = client_for(users["viewer"]).post(TOKENS, {"name": "  ", "valid_days": ""})
    assert response.status_code == 200
    assert "Dieses Feld ist zwingend erforderlich." in response.content.decode()
    assert not ApiToken.objects.exists()


def test_revoke_via_post_with_audit(client_for, users, api, town_a):
    editor = users["editor"]
    token, secret = api_token_create(actor=editor, name="Skript")
    assert api.get(MEASURES, secret).status_code == 200
    client = client_for(editor)
    assert client.get(REVOKE).status_code == 405
    response = client.post(REVOKE, {"token": token.pk})
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert token_audit(token).last().action == AuditAction.UPDATE
    assert api.get(MEASURES, secret).status_code == 401
    # Twice is harmless.
    assert client.post(REVOKE, {"token": token.pk}).status_code == 302


def test_nobody_revokes_or_sees_another_persons_token(client_for, users):
    token, _secret = api_token_create(actor=users["editor"], name="Fremder Zugang")
    client = client_for(users["coordinator"])
    assert "Fremder Zugang" not in client.get(TOKENS).content.decode()
    assert client.post(REVOKE, {"token": token.pk}).status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None
    with pytest.raises(PermissionError):
        api_token_revoke(actor=users["coordinator"], token=token)


def test_page_is_linked_from_the_header(client_for, users):
    content = client_for(users["viewer"]).get(reverse("core:dashboard")).content.decode()
    assert f'href="{TOKENS}"' in content


@pytest.mark.parametrize(
    "header",
    [
        None,
        "Bearer",
        "Bearer ",
        "Bearer vo_unbekannt",
        "Bearer nicht-einmal-das-format",
        "Basic dXNlcjpwYXNz",
        "Token vo_abc",
        "Bearer " + "x" * 5000,
    ],
)
def test_missing_or_unknown_token_is_401_json(client, header, users, town_a):
    headers = {"Authorization": header} if header is not None else {}
    response = client.get(MEASURES, headers=headers)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"
    assert response.json()["detail"].startswith("Bitte mit einem gültigen API-Schlüssel anfragen")


def test_revoked_expired_and_deactivated_tokens_are_401(api, users, town_a):
    editor = users["editor"]
    revoked, revoked_secret = api_token_create(actor=editor, name="widerrufen")
    api_token_revoke(actor=editor, token=revoked)
    expired, expired_secret = api_token_create(actor=editor, name="abgelaufen", valid_days=30)
    ApiToken.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert api.get(MEASURES, revoked_secret).status_code == 401
    assert api.get(MEASURES, expired_secret).status_code == 401
    _token, secret = api_token_create(actor=editor, name="gültig")
    assert api.get(MEASURES, secret).status_code == 200
    editor.is_active = False
    editor.save()
    assert api.get(MEASURES, secret).status_code == 401


def test_use_is_stamped(api, users, town_a):
    token, secret = api_token_create(actor=users["viewer"], name="Lesen")
    assert token.last_used_at is None
    api.get(MEASURES, secret)
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_lost_membership_means_404(api, users, town_a):
    from vorort.accounts.models import Membership

    _token, secret = api_token_create(actor=users["editor"], name="Skript")
    Membership.objects.filter(user=users["editor"]).delete()
    assert api.get(MEASURES, secret).status_code == 404
