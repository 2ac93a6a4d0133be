"""Wissen (lessons learned): what a municipality learned, attached to a measure or an event, public once published."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from vorort.core.models import VersionedModel


class Lesson(VersionedModel):
    municipality = models.ForeignKey(
        "network.Municipality", verbose_name=_("Kommune"), on_delete=models.CASCADE, related_name="lessons"
    )
    measure = models.ForeignKey(
        "measures.Measure",
        verbose_name=_("Maßnahme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="lessons",
    )
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("Format"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="lessons",
    )
    title = models.CharField(_("Titel"), max_length=200)
    text = models.TextField(_("Was wir gelernt haben"), max_length=10_000)
    is_public = models.BooleanField(
        _("öffentlich"),
        default=False,
        help_text=_(
            "Öffentliches Wissen steht im Portal – bei einer Maßnahme oder einem Format nur, wenn diese auch "
            "öffentlich sind."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("erfasst von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Wissen (Lessons learned)")
        verbose_name_plural = _("Wissen (Lessons learned)")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["municipality", "is_public", "-created_at"], name="lesson_public_idx")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        """Visible to the public: public itself, and its measure and event (if any) public too."""
        return (
            self.is_public
            and (self.measure_id is None or self.measure.is_public)
            and (self.event_id is None or self.event.is_public)
        )
