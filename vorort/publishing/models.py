"""Publikationen: generated documents, their frozen versions, the foreword, and background generation jobs."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vorort.core.models import VersionedModel

from .storage import publication_storage

# A job that has not moved for this long is taken as lost (its process ended); a new one may start.
STALE_AFTER = datetime.timedelta(minutes=10)


class PublicationKind(models.TextChoices):
    STRATEGY = "strategy", _("Strategiedokument")
    ANNEX = "annex", _("Anlage zur Beschlussvorlage")
    EVENT = "event", _("Dokumentation eines Formats")
    NETWORK = "network", _("Netzwerkbericht")


class PublicationFormat(models.TextChoices):
    PDF = "pdf", "PDF"
    DOCX = "docx", _("DOCX (Word)")
    HTML = "html", "HTML"


class Audience(models.TextChoices):
    INTERNAL = "intern", _("intern")
    PUBLIC = "oeffentlich", _("für die Öffentlichkeit")


CONTENT_TYPES = {
    PublicationFormat.PDF: "application/pdf",
    PublicationFormat.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    PublicationFormat.HTML: "text/html; charset=utf-8",
}


class Foreword(VersionedModel):
    """Vorwort of a municipality's strategy document, written by the coordination (e.g. for the mayor)."""

    municipality = models.OneToOneField(
        "network.Municipality", verbose_name=_("Kommune"), on_delete=models.CASCADE, related_name="foreword"
    )
    title = models.CharField(_("Überschrift"), max_length=200, default="Vorwort")
    text = models.TextField(_("Text"), max_length=10_000, help_text=_("Absätze durch eine Leerzeile trennen."))
    signature = models.CharField(
        _("Unterschrift"), max_length=300, blank=True, help_text=_("z. B. „Maria Muster, Bürgermeisterin“")
    )

    class Meta:
        verbose_name = _("Vorwort")
        verbose_name_plural = _("Vorworte")

    def __str__(self) -> str:
        return f"{self.title} – {self.municipality}"


class Publication(models.Model):
    """A frozen version of a document: the stored file with its SHA-256, never changed afterwards except for
    being published or withdrawn. `series` names the document (scope, kind, event, format); `number` counts its
    versions."""

    network = models.ForeignKey(
        "network.Network", verbose_name=_("Netzwerk"), on_delete=models.CASCADE, related_name="publications"
    )
    municipality = models.ForeignKey(
        "network.Municipality",
        verbose_name=_("Kommune"),
        on_delete=models.CASCADE,
        related_name="publications",
        null=True,
        blank=True,
    )
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("Format"),
        on_delete=models.SET_NULL,
        related_name="publications",
        null=True,
        blank=True,
    )
    kind = models.CharField(_("Art"), max_length=20, choices=PublicationKind.choices)
    format = models.CharField(_("Dateiformat"), max_length=10, choices=PublicationFormat.choices)
    audience = models.CharField(_("Fassung für"), max_length=20, choices=Audience.choices, default=Audience.INTERNAL)
    series = models.CharField(_("Reihe"), max_length=80, editable=False)
    number = models.PositiveIntegerField(_("Fassung"))
    title = models.CharField(_("Titel"), max_length=300)
    file = models.FileField(_("Datei"), storage=publication_storage, max_length=200)
    filename = models.CharField(_("Dateiname"), max_length=200)
    size = models.PositiveBigIntegerField(_("Größe (Bytes)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    created_at = models.DateTimeField(_("erstellt am"), default=timezone.now)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("erstellt von"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    author_label = models.CharField(_("erstellt von (Name)"), max_length=255, blank=True)
    is_public = models.BooleanField(_("veröffentlicht"), default=False)
    published_at = models.DateTimeField(_("veröffentlicht am"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("veröffentlicht von"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("Publikation")
        verbose_name_plural = _("Publikationen")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["series", "number"], name="publication_version_unique"),
            models.CheckConstraint(
                condition=Q(is_public=False) | Q(audience="oeffentlich"),
                name="publication_public_audience",
                violation_error_message=_("Nur Fassungen für die Öffentlichkeit können veröffentlicht werden."),
            ),
        ]
        indexes = [
            models.Index(fields=["municipality", "-created_at"], name="publication_municipality_idx"),
            models.Index(fields=["network", "municipality", "-created_at"], name="publication_network_idx"),
            models.Index(fields=["event", "-created_at"], name="publication_event_idx"),
            models.Index(fields=["is_public", "-created_at"], name="publication_public_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.get_format_display()}, {_('Fassung')} {self.number})"

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[self.format]

    @property
    def short_hash(self) -> str:
        return self.sha256[:12]


class JobStatus(models.TextChoices):
    QUEUED = "wartend", _("wartet")
    RUNNING = "laufend", _("läuft")
    DONE = "fertig", _("fertig")
    FAILED = "fehlgeschlagen", _("fehlgeschlagen")


class JobMode(models.TextChoices):
    PREVIEW = "vorschau", _("Vorschau")
    FREEZE = "fassung", _("Fassung festschreiben")


class PublicationJob(models.Model):
    """A document generated in the background (see vorort.publishing.jobs): its progress, and the result — a
    preview file or the frozen Publication."""

    network = models.ForeignKey(
        "network.Network", verbose_name=_("Netzwerk"), on_delete=models.CASCADE, related_name="publication_jobs"
    )
    municipality = models.ForeignKey(
        "network.Municipality",
        verbose_name=_("Kommune"),
        on_delete=models.CASCADE,
        related_name="publication_jobs",
        null=True,
        blank=True,
    )
    event = models.ForeignKey(
        "events.Event", verbose_name=_("Format"), on_delete=models.SET_NULL, related_name="+", null=True, blank=True
    )
    kind = models.CharField(_("Art"), max_length=20, choices=PublicationKind.choices)
    format = models.CharField(_("Dateiformat"), max_length=10, choices=PublicationFormat.choices)
    audience = models.CharField(_("Fassung für"), max_length=20, choices=Audience.choices, default=Audience.INTERNAL)
    mode = models.CharField(_("Auftrag"), max_length=20, choices=JobMode.choices)
    status = models.CharField(_("Status"), max_length=20, choices=JobStatus.choices, default=JobStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(_("Fortschritt (%)"), default=0, validators=[MaxValueValidator(100)])
    step = models.CharField(_("Schritt"), max_length=200, blank=True)
    error = models.CharField(_("Fehler"), max_length=500, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beauftragt von"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField(_("beauftragt am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("zuletzt aktualisiert"), auto_now=True)
    finished_at = models.DateTimeField(_("fertig am"), null=True, blank=True)
    result_file = models.CharField(_("Ergebnisdatei"), max_length=200, blank=True)
    result_name = models.CharField(_("Dateiname des Ergebnisses"), max_length=200, blank=True)
    publication = models.ForeignKey(
        Publication,
        verbose_name=_("festgeschriebene Fassung"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("Erzeugungsauftrag")
        verbose_name_plural = _("Erzeugungsaufträge")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["network", "municipality", "status"], name="publication_job_scope_idx"),
            models.Index(fields=["status", "finished_at"], name="publication_job_status_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.get_format_display()}): {self.get_status_display()}"

    @property
    def is_active(self) -> bool:
        return self.status in (JobStatus.QUEUED, JobStatus.RUNNING) and not self.is_stale

    @property
    def is_stale(self) -> bool:
        """Queued or running, but silent for too long: the process that ran it has ended."""
        return (
            self.status in (JobStatus.QUEUED, JobStatus.RUNNING)
            and self.updated_at is not None
            and self.updated_at < timezone.now() - STALE_AFTER
        )

    @property
    def is_done(self) -> bool:
        return self.status == JobStatus.DONE

    @property
    def has_failed(self) -> bool:
        return self.status == JobStatus.FAILED or self.is_stale
