"""One strategy process per municipality, walked through the network's phases."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vorort.core.models import TimeStampedModel, VersionedModel


class PhaseDefinition(TimeStampedModel):
    """A phase as the network defines it (name, order); every process has one Phase per definition."""

    network = models.ForeignKey(
        "network.Network", verbose_name=_("Netzwerk"), on_delete=models.CASCADE, related_name="phase_definitions"
    )
    name = models.CharField(_("Name"), max_length=120)
    description = models.TextField(_("Beschreibung"), blank=True, max_length=2000)
    order = models.PositiveIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        verbose_name = _("Phase (Vorlage)")
        verbose_name_plural = _("Phasen (Vorlagen)")
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["network", "name"], name="phase_definition_name_unique"),
        ]

    def __str__(self) -> str:
        return self.name


DEFAULT_PHASES = [
    ("Auftakt & Organisation", "Strukturen, Team, Rollen, Zeitplan"),
    ("Bestandsaufnahme", "Reifegrad-Check, Bedarfe der Menschen vor Ort"),
    ("Vision", "Leitbild „Smarte Stadt“"),
    ("Handlungsschwerpunkte", "Schwerpunkte aus Lücken und Bedarfen"),
    ("Strategie & Maßnahmen", "Ziele, Indikatoren, Maßnahmen mit Mehrwert je Nutzer*innengruppe"),
    ("Priorisierung & Beschluss", "Priorisierter Katalog, Ratsbeschluss"),
    ("Umsetzung", "Meilensteine, Statusberichte, Ressourcen, Indikatoren"),
    ("Verstetigung & Transfer", "Evaluation, Lessons learned, Veröffentlichung für andere Kommunen"),
]


class Process(TimeStampedModel):
    municipality = models.OneToOneField(
        "network.Municipality", verbose_name=_("Kommune"), on_delete=models.CASCADE, related_name="process"
    )
    title = models.CharField(_("Titel"), max_length=200, default="Smart-City-Strategieprozess")

    class Meta:
        verbose_name = _("Prozess")
        verbose_name_plural = _("Prozesse")

    def __str__(self) -> str:
        return f"{self.title} – {self.municipality}"


class PhaseStatus(models.TextChoices):
    OPEN = "offen", _("offen")
    RUNNING = "laufend", _("laufend")
    DONE = "abgeschlossen", _("abgeschlossen")


class Phase(VersionedModel):
    process = models.ForeignKey(Process, verbose_name=_("Prozess"), on_delete=models.CASCADE, related_name="phases")
    definition = models.ForeignKey(
        PhaseDefinition, verbose_name=_("Phase"), on_delete=models.CASCADE, related_name="phases"
    )
    status = models.CharField(_("Status"), max_length=20, choices=PhaseStatus.choices, default=PhaseStatus.OPEN)
    planned_start = models.DateField(_("geplanter Beginn"), null=True, blank=True)
    planned_end = models.DateField(_("geplantes Ende"), null=True, blank=True)
    actual_start = models.DateField(_("tatsächlicher Beginn"), null=True, blank=True)
    actual_end = models.DateField(_("tatsächliches Ende"), null=True, blank=True)
    notes = models.TextField(_("Notizen"), blank=True, max_length=10_000)

    class Meta:
        verbose_name = _("Phase")
        verbose_name_plural = _("Phasen")
        ordering = ["definition__order", "definition_id"]
        constraints = [
            models.UniqueConstraint(fields=["process", "definition"], name="one_phase_per_definition"),
            models.CheckConstraint(
                condition=Q(planned_end__isnull=True)
                | Q(planned_start__isnull=True)
                | Q(planned_end__gte=F("planned_start")),
                name="phase_planned_dates_ordered",
            ),
            models.CheckConstraint(
                condition=Q(actual_end__isnull=True)
                | Q(actual_start__isnull=True)
                | Q(actual_end__gte=F("actual_start")),
                name="phase_actual_dates_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.definition.name

    @property
    def municipality(self):
        return self.process.municipality


class Milestone(VersionedModel):
    phase = models.ForeignKey(Phase, verbose_name=_("Phase"), on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("Titel"), max_length=200)
    due_date = models.DateField(_("fällig am"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verantwortlich"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="milestones",
    )
    done = models.BooleanField(_("erledigt"), default=False)
    done_at = models.DateTimeField(_("erledigt am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Meilenstein")
        verbose_name_plural = _("Meilensteine")
        ordering = ["due_date", "id"]
        indexes = [models.Index(fields=["done", "due_date"], name="milestone_open_due_idx")]

    def __str__(self) -> str:
        return self.title

    @property
    def municipality(self):
        return self.phase.process.municipality

    @property
    def is_overdue(self) -> bool:
        return not self.done and self.due_date < timezone.localdate()
