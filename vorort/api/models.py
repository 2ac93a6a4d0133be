"""API tokens: a signed-in person's keys to the REST API (/api/v1/). Only a hash of the secret is stored."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ApiToken(models.Model):
    """A bearer token that acts as its user, with the user's memberships and roles."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("Person"), on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("Bezeichnung"), max_length=100, help_text=_("Wofür der Zugang gedacht ist."))
    token_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(_("Anfang des Schlüssels"), max_length=12)
    created_at = models.DateTimeField(_("erstellt am"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("zuletzt verwendet"), null=True, blank=True)
    expires_at = models.DateTimeField(_("gültig bis"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("widerrufen am"), null=True, blank=True)

    class Meta:
        verbose_name = _("API-Zugang")
        verbose_name_plural = _("API-Zugänge")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "revoked_at"], name="api_token_user_idx")]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def municipality(self):
        """Tokens belong to a person, not to a municipality (for the audit trail)."""
        return None

    def is_active_at(self, now) -> bool:
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > now)

    @property
    def is_active(self) -> bool:
        return self.is_active_at(timezone.now())
