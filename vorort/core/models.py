"""Base models and the audit log shared by all apps."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    class Meta:
        abstract = True


class VersionedModel(TimeStampedModel):
    """Carries a version number for optimistic locking (see core.concurrency)."""

    version = models.PositiveIntegerField(_("Version"), default=1, editable=False)

    class Meta:
        abstract = True


class AuditAction(models.TextChoices):
    CREATE = "create", _("angelegt")
    UPDATE = "update", _("geändert")
    DELETE = "delete", _("gelöscht")


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("Audit entries are immutable.")

    def delete(self):
        raise PermissionError("Audit entries are immutable.")


class AuditEntry(models.Model):
    """One change made through a service. Written once, never edited or deleted."""

    created_at = models.DateTimeField(_("Zeitpunkt"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geändert von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_label = models.CharField(_("geändert von (Name)"), max_length=255, blank=True)
    network = models.ForeignKey("network.Network", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    municipality = models.ForeignKey(
        "network.Municipality", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField(_("Objekt"), max_length=255)
    action = models.CharField(_("Aktion"), max_length=10, choices=AuditAction.choices)
    changes = models.JSONField(_("Änderungen"), default=list)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("Protokolleintrag")
        verbose_name_plural = _("Protokoll")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["municipality", "-created_at"], name="audit_municipality_idx"),
            models.Index(fields=["content_type", "object_id", "-created_at"], name="audit_object_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.object_repr} {self.get_action_display()}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("Audit entries are immutable.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Audit entries are immutable.")
