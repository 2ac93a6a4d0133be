"""Writes for API tokens. Creating and revoking are audited; using a token only stamps `last_used_at`."""

from __future__ import annotations

import datetime
import secrets

from django.db import transaction
from django.utils import timezone

from vorort.core.services import create_audited, update_audited

from .models import ApiToken
from .selectors import SECRET_PREFIX, token_hash

VISIBLE_PREFIX_LENGTH = len(SECRET_PREFIX) + 6
# Stamping last_used_at on every request would turn each read into a write; once a minute is enough.
TOUCH_INTERVAL = datetime.timedelta(minutes=1)


@transaction.atomic
def api_token_create(*, actor, name: str, valid_days: int | None = None) -> tuple[ApiToken, str]:
    """A new token of the acting person. Returns (token, secret); the secret is never stored and shown once."""
    raw = SECRET_PREFIX + secrets.token_urlsafe(32)
    expires_at = timezone.now() + datetime.timedelta(days=valid_days) if valid_days else None
    token = create_audited(
        actor=actor,
        instance=ApiToken(
            user=actor,
            name=name.strip(),
            token_hash=token_hash(raw),
            prefix=raw[:VISIBLE_PREFIX_LENGTH],
            expires_at=expires_at,
        ),
    )
    return token, raw


@transaction.atomic
def api_token_revoke(*, actor, token: ApiToken) -> ApiToken:
    """Revoke one of the acting person's tokens. Idempotent: revoking twice changes nothing."""
    current = ApiToken.objects.select_for_update().get(pk=token.pk)
    if current.user_id != actor.pk:
        raise PermissionError("Only the owner revokes a token.")
    if current.revoked_at is not None:
        return current
    return update_audited(actor=actor, instance=current, data={"revoked_at": timezone.now()})


def api_token_touch(*, token: ApiToken) -> None:
    """Remember when a token was last used (at most once a minute; a read, not a change, so not audited)."""
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > TOUCH_INTERVAL:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
