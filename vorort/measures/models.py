"""Maßnahmen: the central object of a municipality's strategy."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vorort.core.models import TimeStampedModel, VersionedModel


class MeasureStatus(models.TextChoices):
    IDEA = "idee", _("Idee")
    PLANNED = "geplant", _("Geplant")
    ADOPTED = "beschlossen", _("Beschlossen")
    IN_PROGRESS = "in_umsetzung", _("In Umsetzung")
    DONE = "abgeschlossen", _("Abgeschlossen")
    SUSTAINED = "verstetigt", _("Verstetigt")
    DEFERRED = "zurueckgestellt", _("Zurückgestellt")
    REJECTED = "verworfen", _("Verworfen")


class Origin(models.TextChoices):
    OWN = "eigene", _("eigene Planung")
    WORKSHOP = "workshop", _("Workshop")
    SURVEY = "umfrage", _("Umfrage")
    IDEA = "idee", _("Idee aus der Beteiligung")
    IMPORT = "import", _("Import")
    ADOPTED = "uebernommen", _("übernommen aus anderer Kommune")


class Transferability(models.TextChoices):
    UNKNOWN = "", _("nicht bewertet")
    HIGH = "hoch", _("gut übertragbar")
    MEDIUM = "mittel", _("mit Anpassungen übertragbar")
    LOW = "gering", _("kaum übertragbar")


class TrafficLight(models.TextChoices):
    GREEN = "gruen", _("grün – im Plan")
    YELLOW = "gelb", _("gelb – Verzug oder Risiko")
    RED = "rot", _("rot – gefährdet")


class Measure(VersionedModel):
    municipality = models.ForeignKey(
        "network.Municipality", verbose_name=_("Kommune"), on_delete=models.CASCADE, related_name="measures"
    )
    reference = models.CharField(
        _("Kennung"), max_length=40, blank=True, help_text=_("Eigene Nummer, z. B. „M-07“; hilft beim erneuten Import.")
    )
    title = models.CharField(_("Titel"), max_length=200)
    summary = models.CharField(_("Kurzbeschreibung"), max_length=600, blank=True)
    description = models.TextField(_("Beschreibung"), blank=True, max_length=20_000)
    action_field = models.ForeignKey(
        "network.ActionField", verbose_name=_("Handlungsfeld"), on_delete=models.PROTECT, related_name="measures"
    )
    further_action_fields = models.ManyToManyField(
        "network.ActionField", verbose_name=_("weitere Handlungsfelder"), blank=True, related_name="+"
    )
    focus = models.ForeignKey(
        "strategy.Focus",
        verbose_name=_("Handlungsschwerpunkt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="measures",
    )
    goals = models.ManyToManyField("strategy.Goal", verbose_name=_("Ziele"), blank=True, related_name="measures")
    status = models.CharField(_("Status"), max_length=20, choices=MeasureStatus.choices, default=MeasureStatus.IDEA)
    start_date = models.DateField(_("Beginn"), null=True, blank=True)
    end_date = models.DateField(_("Ende"), null=True, blank=True)
    investment_cost = models.DecimalField(
        _("Investitionskosten (EUR)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    running_cost = models.DecimalField(
        _("laufende Kosten pro Jahr (EUR)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    funding_programme = models.CharField(_("Förderprogramm"), max_length=200, blank=True)
    funding_share = models.DecimalField(
        _("Förderquote (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    personnel_effort = models.DecimalField(
        _("Personalaufwand (Personentage pro Jahr)"),
        max_digits=8,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    responsible_unit = models.CharField(_("federführende Stelle"), max_length=200, blank=True)
    partner_municipalities = models.ManyToManyField(
        "network.Municipality",
        verbose_name=_("beteiligte Kommunen (interkommunal)"),
        blank=True,
        related_name="shared_measures",
    )
    risks = models.TextField(_("Risiken"), blank=True, max_length=5_000)
    origin = models.CharField(_("Herkunft"), max_length=20, choices=Origin.choices, default=Origin.OWN)
    origin_note = models.CharField(_("Herkunft im Detail"), max_length=300, blank=True)
    source_measure = models.ForeignKey(
        "self",
        verbose_name=_("übernommen von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="adoptions",
    )
    source_url = models.URLField(
        _("Quelle (Link)"),
        max_length=500,
        blank=True,
        help_text=_("Adresse der Vorlage, z. B. einer Gute-Praxis-Datenbank oder einer anderen Kommune."),
    )
    transferability = models.CharField(
        _("Übertragbarkeit"), max_length=10, choices=Transferability.choices, default="", blank=True
    )
    transfer_note = models.TextField(_("Hinweise für andere Kommunen"), blank=True, max_length=5_000)
    is_public = models.BooleanField(_("öffentlich"), default=False)
    dependencies = models.ManyToManyField(
        "self",
        verbose_name=_("hängt ab von"),
        through="MeasureDependency",
        symmetrical=False,
        blank=True,
        related_name="dependents",
    )

    class Meta:
        verbose_name = _("Maßnahme")
        verbose_name_plural = _("Maßnahmen")
        ordering = ["title", "id"]
        indexes = [
            models.Index(fields=["municipality", "status"], name="measure_status_idx"),
            models.Index(fields=["municipality", "action_field"], name="measure_field_idx"),
            models.Index(fields=["municipality", "title"], name="measure_title_idx"),
            models.Index(fields=["municipality", "reference"], name="measure_reference_idx"),
            models.Index(fields=["is_public", "status"], name="measure_public_idx"),
            # The list's sort orders within one municipality.
            models.Index("municipality", Lower("title"), name="measure_title_lower_idx"),
            models.Index(fields=["municipality", "start_date"], name="measure_start_idx"),
            models.Index(fields=["municipality", "investment_cost"], name="measure_cost_idx"),
            models.Index(fields=["municipality", "updated_at"], name="measure_updated_idx"),
            # The portal's newest public measures (feeds).
            models.Index(fields=["is_public", "-updated_at", "-id"], name="measure_public_updated_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(start_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="measure_dates_ordered",
            ),
            models.UniqueConstraint(
                fields=["municipality", "reference"],
                condition=~Q(reference=""),
                name="measure_reference_unique",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Benefit(models.Model):
    """Mehrwert: what a user group gains from a measure, strength 0–3."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="benefits")
    user_group = models.ForeignKey(
        "network.UserGroup", verbose_name=_("Nutzer*innengruppe"), on_delete=models.PROTECT, related_name="benefits"
    )
    strength = models.PositiveSmallIntegerField(
        _("Stärke"), validators=[MaxValueValidator(3)], help_text=_("0 = kein, 1 = gering, 2 = mittel, 3 = hoch")
    )
    text = models.CharField(_("Mehrwert"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("Mehrwert")
        verbose_name_plural = _("Mehrwerte")
        ordering = ["user_group__order"]
        constraints = [
            models.UniqueConstraint(fields=["measure", "user_group"], name="one_benefit_per_group"),
            models.CheckConstraint(condition=Q(strength__lte=3), name="benefit_strength_0_3"),
        ]

    def __str__(self) -> str:
        return f"{self.user_group}: {self.strength}"

    @property
    def municipality(self):
        return self.measure.municipality


class StatusChange(models.Model):
    """The dated history of a measure's status."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(_("von"), max_length=20, choices=MeasureStatus.choices, blank=True)
    to_status = models.CharField(_("nach"), max_length=20, choices=MeasureStatus.choices)
    changed_on = models.DateField(_("Datum"))
    changed_at = models.DateTimeField(_("erfasst am"), auto_now_add=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("von"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.CharField(_("Anmerkung"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("Statuswechsel")
        verbose_name_plural = _("Statuswechsel")
        ordering = ["-changed_on", "-id"]

    def __str__(self) -> str:
        return f"{self.measure}: {self.get_to_status_display()}"


class MeasureDependency(models.Model):
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="dependency_links")
    depends_on = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="dependent_links")

    class Meta:
        verbose_name = _("Abhängigkeit")
        verbose_name_plural = _("Abhängigkeiten")
        constraints = [
            models.UniqueConstraint(fields=["measure", "depends_on"], name="dependency_unique"),
            models.CheckConstraint(condition=~Q(measure=F("depends_on")), name="dependency_not_self"),
        ]

    def __str__(self) -> str:
        return f"{self.measure} → {self.depends_on}"

    @property
    def municipality(self):
        return self.measure.municipality


class MeasureMilestone(VersionedModel):
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("Titel"), max_length=200)
    due_date = models.DateField(_("fällig am"))
    done = models.BooleanField(_("erledigt"), default=False)
    done_at = models.DateTimeField(_("erledigt am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Meilenstein der Maßnahme")
        verbose_name_plural = _("Meilensteine der Maßnahme")
        ordering = ["due_date", "id"]

    def __str__(self) -> str:
        return self.title

    @property
    def municipality(self):
        return self.measure.municipality

    @property
    def is_overdue(self) -> bool:
        return not self.done and self.due_date < timezone.localdate()


class StatusReport(TimeStampedModel):
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="reports")
    reported_on = models.DateField(_("Stand vom"))
    traffic_light = models.CharField(_("Ampel"), max_length=10, choices=TrafficLight.choices)
    text = models.TextField(_("Bericht"), max_length=10_000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("verfasst von"), null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("Statusbericht")
        verbose_name_plural = _("Statusberichte")
        ordering = ["-reported_on", "-id"]

    def __str__(self) -> str:
        return f"{self.measure} ({self.reported_on:%d.%m.%Y})"

    @property
    def municipality(self):
        return self.measure.municipality
