"""Where a municipality stands and where it wants to go: assessment, needs, vision, foci, goals."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from vorort.core.models import TimeStampedModel, VersionedModel


class Guideline(models.TextChoices):
    """The four guidelines of the Smart City Charta."""

    GOALS = "ziele", _("Ziele, Strategien und Strukturen")
    TRANSPARENCY = "transparenz", _("Transparenz, Teilhabe und Mitwirkung")
    INFRASTRUCTURE = "infrastruktur", _("Infrastrukturen, Daten und Dienstleistungen")
    RESOURCES = "ressourcen", _("Ressourcen, Kompetenzen und Kooperationen")


LEVELS = range(0, 5)


class AssessmentQuestion(TimeStampedModel):
    """A question of the network's Reifegrad-Check, with five described levels 0–4."""

    network = models.ForeignKey(
        "network.Network", verbose_name=_("Netzwerk"), on_delete=models.CASCADE, related_name="assessment_questions"
    )
    action_field = models.ForeignKey(
        "network.ActionField", verbose_name=_("Handlungsfeld"), on_delete=models.PROTECT, related_name="questions"
    )
    guideline = models.CharField(_("Leitlinie der Smart City Charta"), max_length=20, choices=Guideline.choices)
    text = models.CharField(_("Frage"), max_length=400)
    level_0 = models.CharField(_("Stufe 0"), max_length=300)
    level_1 = models.CharField(_("Stufe 1"), max_length=300)
    level_2 = models.CharField(_("Stufe 2"), max_length=300)
    level_3 = models.CharField(_("Stufe 3"), max_length=300)
    level_4 = models.CharField(_("Stufe 4"), max_length=300)
    order = models.PositiveIntegerField(_("Reihenfolge"), default=0)
    active = models.BooleanField(_("aktiv"), default=True)

    class Meta:
        verbose_name = _("Frage des Reifegrad-Checks")
        verbose_name_plural = _("Fragen des Reifegrad-Checks")
        ordering = ["action_field__order", "order", "id"]

    def __str__(self) -> str:
        return self.text

    @property
    def levels(self) -> list[tuple[int, str]]:
        return [(level, getattr(self, f"level_{level}")) for level in LEVELS]


class RoundStatus(models.TextChoices):
    DRAFT = "entwurf", _("Entwurf")
    DONE = "abgeschlossen", _("abgeschlossen")


class AssessmentRound(VersionedModel):
    """One dated pass through the questionnaire; earlier rounds stay to show progress."""

    municipality = models.ForeignKey(
        "network.Municipality", verbose_name=_("Kommune"), on_delete=models.CASCADE, related_name="assessment_rounds"
    )
    title = models.CharField(_("Bezeichnung"), max_length=200)
    conducted_on = models.DateField(_("durchgeführt am"))
    status = models.CharField(_("Status"), max_length=20, choices=RoundStatus.choices, default=RoundStatus.DRAFT)
    notes = models.TextField(_("Notizen"), blank=True, max_length=10_000)
    completed_at = models.DateTimeField(_("abgeschlossen am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Runde des Reifegrad-Checks")
        verbose_name_plural = _("Runden des Reifegrad-Checks")
        ordering = ["-conducted_on", "-id"]
        indexes = [models.Index(fields=["municipality", "status", "-conducted_on"], name="round_municipality_idx")]

    def __str__(self) -> str:
        return f"{self.title} ({self.conducted_on:%d.%m.%Y})"


class AssessmentAnswer(models.Model):
    round = models.ForeignKey(AssessmentRound, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(AssessmentQuestion, on_delete=models.CASCADE, related_name="answers")
    level = models.PositiveSmallIntegerField(_("Stufe"), null=True, blank=True, validators=[MaxValueValidator(4)])
    comment = models.CharField(_("Anmerkung"), max_length=1000, blank=True)

    class Meta:
        verbose_name = _("Antwort")
        verbose_name_plural = _("Antworten")
        constraints = [
            models.UniqueConstraint(fields=["round", "question"], name="one_answer_per_question"),
            models.CheckConstraint(
                condition=Q(level__isnull=True) | Q(level__lte=4),
                name="answer_level_0_4",
                violation_error_message=_("Die Stufe muss zwischen 0 und 4 liegen."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question}: {self.level}"

    @property
    def municipality(self):
        return self.round.municipality

    @property
    def level_text(self) -> str:
        """The description of the chosen level, as the question words it."""
        return getattr(self.question, f"level_{self.level}") if self.level is not None else ""


class NeedSource(models.TextChoices):
    SURVEY = "umfrage", _("Umfrage")
    WORKSHOP = "workshop", _("Workshop")
    IDEA = "idee", _("Idee aus der Beteiligung")
    CONVERSATION = "gespraech", _("Gespräch / Sprechstunde")
    ANALYSIS = "analyse", _("Analyse / Statistik")
    OTHER = "sonstiges", _("Sonstiges")


class Need(VersionedModel):
    """Bedarf: a need voiced by people on site."""

    municipality = models.ForeignKey(
        "network.Municipality", verbose_name=_("Kommune"), on_delete=models.CASCADE, related_name="needs"
    )
    title = models.CharField(_("Bedarf"), max_length=200)
    description = models.TextField(_("Beschreibung"), blank=True, max_length=10_000)
    action_field = models.ForeignKey(
        "network.ActionField", verbose_name=_("Handlungsfeld"), on_delete=models.PROTECT, related_name="needs"
    )
    user_group = models.ForeignKey(
        "network.UserGroup",
        verbose_name=_("Nutzer*innengruppe"),
        on_delete=models.PROTECT,
        related_name="needs",
        null=True,
        blank=True,
    )
    source = models.CharField(_("Quelle"), max_length=20, choices=NeedSource.choices, default=NeedSource.WORKSHOP)
    source_detail = models.CharField(
        _("Quelle im Detail"), max_length=200, blank=True, help_text=_("z. B. „Bürgerumfrage 2025, Frage 7“")
    )
    weight = models.PositiveSmallIntegerField(
        _("Gewicht"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("1 = Einzelstimme … 5 = sehr viele / sehr dringlich"),
    )
    recorded_on = models.DateField(_("erfasst am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Bedarf")
        verbose_name_plural = _("Bedarfe")
        ordering = ["-weight", "title"]
        indexes = [models.Index(fields=["municipality", "action_field", "-weight"], name="need_field_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(weight__gte=1, weight__lte=5),
                name="need_weight_1_5",
                violation_error_message=_("Das Gewicht muss zwischen 1 und 5 liegen."),
            )
        ]

    def __str__(self) -> str:
        return self.title


class VisionState(models.TextChoices):
    DRAFT = "entwurf", _("Entwurf")
    ADOPTED = "beschlossen", _("Beschlossen")


class VisionVersion(VersionedModel):
    """One version of the vision; an adopted version is frozen, changes start a new version."""

    municipality = models.ForeignKey(
        "network.Municipality", verbose_name=_("Kommune"), on_delete=models.CASCADE, related_name="vision_versions"
    )
    number = models.PositiveIntegerField(_("Fassung"))
    title = models.CharField(_("Titel"), max_length=200, help_text=_("z. B. „Smarte Stadt 2030“"))
    text = models.TextField(_("Visionstext"), max_length=20_000)
    state = models.CharField(_("Stand"), max_length=20, choices=VisionState.choices, default=VisionState.DRAFT)
    adopted_on = models.DateField(_("beschlossen am"), null=True, blank=True)
    resolution_number = models.CharField(_("Drucksache"), max_length=60, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verfasst von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Vision (Fassung)")
        verbose_name_plural = _("Vision (Fassungen)")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "number"], name="vision_number_unique"),
            models.CheckConstraint(
                condition=Q(state="entwurf") | Q(adopted_on__isnull=False),
                name="adopted_vision_has_date",
                violation_error_message=_("Eine beschlossene Fassung braucht ein Beschlussdatum."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({_('Fassung')} {self.number})"

    @property
    def is_frozen(self) -> bool:
        return self.state == VisionState.ADOPTED


class GuidingPrinciple(models.Model):
    """Leitsatz: one guiding principle per action field in a vision version."""

    vision = models.ForeignKey(VisionVersion, on_delete=models.CASCADE, related_name="principles")
    action_field = models.ForeignKey("network.ActionField", verbose_name=_("Handlungsfeld"), on_delete=models.PROTECT)
    text = models.TextField(_("Leitsatz"), max_length=2000)

    class Meta:
        verbose_name = _("Leitsatz")
        verbose_name_plural = _("Leitsätze")
        ordering = ["action_field__order"]
        constraints = [models.UniqueConstraint(fields=["vision", "action_field"], name="one_principle_per_field")]

    def __str__(self) -> str:
        return self.text[:60]


class Focus(VersionedModel):
    """Handlungsschwerpunkt: a concrete focus within an action field, with its rationale."""

    municipality = models.ForeignKey(
        "network.Municipality", verbose_name=_("Kommune"), on_delete=models.CASCADE, related_name="foci"
    )
    action_field = models.ForeignKey(
        "network.ActionField", verbose_name=_("Handlungsfeld"), on_delete=models.PROTECT, related_name="foci"
    )
    title = models.CharField(_("Titel"), max_length=200)
    description = models.TextField(_("Beschreibung"), blank=True, max_length=10_000)
    rationale = models.TextField(_("Begründung"), blank=True, max_length=5_000)
    needs = models.ManyToManyField(Need, verbose_name=_("zugehörige Bedarfe"), blank=True, related_name="foci")
    suggested = models.BooleanField(_("aus Vorschlag übernommen"), default=False)
    order = models.PositiveIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        verbose_name = _("Handlungsschwerpunkt")
        verbose_name_plural = _("Handlungsschwerpunkte")
        ordering = ["action_field__order", "order", "title"]

    def __str__(self) -> str:
        return self.title


class Goal(VersionedModel):
    municipality = models.ForeignKey(
        "network.Municipality", verbose_name=_("Kommune"), on_delete=models.CASCADE, related_name="goals"
    )
    focus = models.ForeignKey(
        Focus, verbose_name=_("Handlungsschwerpunkt"), on_delete=models.CASCADE, related_name="goals"
    )
    title = models.CharField(_("Ziel"), max_length=300)
    description = models.TextField(_("Beschreibung"), blank=True, max_length=5_000)
    order = models.PositiveIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        verbose_name = _("Ziel")
        verbose_name_plural = _("Ziele")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.title


class Indicator(VersionedModel):
    municipality = models.ForeignKey(
        "network.Municipality", verbose_name=_("Kommune"), on_delete=models.CASCADE, related_name="indicators"
    )
    goal = models.ForeignKey(Goal, verbose_name=_("Ziel"), on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("Indikator"), max_length=200)
    unit = models.CharField(_("Einheit"), max_length=40, help_text=_("z. B. %, km, Anzahl"))
    baseline_value = models.DecimalField(_("Ausgangswert"), max_digits=14, decimal_places=2)
    baseline_date = models.DateField(_("Ausgangswert vom"))
    target_value = models.DecimalField(_("Zielwert"), max_digits=14, decimal_places=2)
    target_date = models.DateField(_("Ziel bis"))

    class Meta:
        verbose_name = _("Indikator")
        verbose_name_plural = _("Indikatoren")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(target_date__gte=models.F("baseline_date")),
                name="indicator_dates",
                violation_error_message=_("Das Zieldatum darf nicht vor dem Datum des Ausgangswerts liegen."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.unit})"

    def progress_for(self, value: Decimal | None) -> int | None:
        """Share of the way from baseline to target reached by `value`, in whole percent (0–100)."""
        if value is None:
            return None
        span = self.target_value - self.baseline_value
        if span == 0:
            return 100 if value == self.target_value else 0
        share = (value - self.baseline_value) / span * 100
        return int(max(Decimal(0), min(Decimal(100), share)).quantize(Decimal(1)))


class Measurement(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="measurements")
    measured_on = models.DateField(_("gemessen am"))
    value = models.DecimalField(_("Wert"), max_digits=14, decimal_places=2)
    note = models.CharField(_("Anmerkung"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("Messwert")
        verbose_name_plural = _("Messwerte")
        ordering = ["measured_on"]
        constraints = [models.UniqueConstraint(fields=["indicator", "measured_on"], name="one_value_per_day")]

    def __str__(self) -> str:
        return f"{self.value} ({self.measured_on:%d.%m.%Y})"

    @property
    def municipality(self):
        return self.indicator.municipality


class DroppedSuggestion(models.Model):
    """A focus suggestion a municipality dropped: it is not offered again unless restored."""

    municipality = models.ForeignKey(
        "network.Municipality",
        verbose_name=_("Kommune"),
        on_delete=models.CASCADE,
        related_name="dropped_suggestions",
    )
    action_field = models.ForeignKey(
        "network.ActionField", verbose_name=_("Handlungsfeld"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(_("vorgeschlagener Titel"), max_length=200, blank=True)
    rationale = models.TextField(_("Begründung des Vorschlags"), blank=True, max_length=5_000)
    dropped_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verworfen von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("verworfen am"), auto_now_add=True)

    class Meta:
        verbose_name = _("verworfener Vorschlag")
        verbose_name_plural = _("verworfene Vorschläge")
        ordering = ["action_field__order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "action_field"], name="one_dropped_suggestion_per_field")
        ]

    def __str__(self) -> str:
        return str(_("Vorschlag für %(field)s")) % {"field": self.action_field}
