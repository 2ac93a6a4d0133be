"""Priorisierung: criteria and weights, rating rounds, and the frozen, council-ready catalogue."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from vorort.core.models import TimeStampedModel, VersionedModel

from . import ranking

# Years of running cost added to the investment for the data criterion "Kosten".
COST_YEARS = 5
MAX_WEIGHT = 100
MAX_SCALE = 10
SCALE_ORDER = _("Das Ende der Skala muss größer sein als ihr Anfang.")


class Direction(models.TextChoices):
    BENEFIT = ranking.BENEFIT, _("Nutzen – mehr ist besser")
    COST = ranking.COST, _("Kosten – weniger ist besser")


class Source(models.TextChoices):
    RATING = "bewertung", _("Bewertung durch die eingeladenen Personen")
    COST = "kosten", _("Kosten der Maßnahme (Investition + 5 × laufende Kosten)")
    PERSONNEL = "personal", _("Personalaufwand der Maßnahme")
    BENEFIT = "mehrwert", _("Mehrwert je Nutzer*innengruppe (Summe der Stärken)")
    VOTES = "stimmen", _("Stimmen aus der Bürger*innenbeteiligung")


# Data criteria have a fixed direction: more cost is worse, more benefit or votes is better.
SOURCE_DIRECTIONS = {
    Source.COST: Direction.COST,
    Source.PERSONNEL: Direction.COST,
    Source.BENEFIT: Direction.BENEFIT,
    Source.VOTES: Direction.BENEFIT,
}


class CriterionFields(models.Model):
    name = models.CharField(_("Name"), max_length=120)
    description = models.CharField(_("Beschreibung"), max_length=500, blank=True)
    direction = models.CharField(_("Richtung"), max_length=10, choices=Direction.choices, default=Direction.BENEFIT)
    source = models.CharField(_("Quelle der Werte"), max_length=12, choices=Source.choices, default=Source.RATING)
    scale_min = models.PositiveSmallIntegerField(
        _("Skala von"), default=1, validators=[MaxValueValidator(MAX_SCALE)], help_text=_("nur für Bewertungen")
    )
    scale_max = models.PositiveSmallIntegerField(
        _("Skala bis"), default=5, validators=[MaxValueValidator(MAX_SCALE)], help_text=_("nur für Bewertungen")
    )
    order = models.PositiveIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    @property
    def is_rated(self) -> bool:
        return self.source == Source.RATING

    @property
    def scale(self) -> range:
        return range(self.scale_min, self.scale_max + 1)


class CriterionTemplate(CriterionFields, TimeStampedModel):
    """A criterion of the network's template, which municipalities adopt."""

    network = models.ForeignKey(
        "network.Network", verbose_name=_("Netzwerk"), on_delete=models.CASCADE, related_name="criterion_templates"
    )
    default_weight = models.PositiveSmallIntegerField(
        _("vorgeschlagenes Gewicht (Punkte)"), default=10, validators=[MaxValueValidator(MAX_WEIGHT)]
    )

    class Meta:
        verbose_name = _("Kriterium (Vorlage)")
        verbose_name_plural = _("Kriterien (Vorlage)")
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["network", "name"], name="criterion_template_name_unique"),
            models.CheckConstraint(
                condition=Q(scale_min__lt=F("scale_max")),
                name="criterion_template_scale",
                violation_error_message=SCALE_ORDER,
            ),
            models.CheckConstraint(condition=Q(default_weight__lte=MAX_WEIGHT), name="criterion_template_weight"),
        ]


DEFAULT_CRITERIA = [
    # name, description, direction, source, weight
    (
        "Wirkung / Mehrwert für Nutzer*innengruppen",
        "Summe der Mehrwert-Stärken (0–3) über alle Nutzer*innengruppen der Maßnahme.",
        Direction.BENEFIT,
        Source.BENEFIT,
        20,
    ),
    (
        "Beitrag zu Vision und Zielen",
        "Wie stark trägt die Maßnahme zum Leitbild und zu den Zielen bei?",
        Direction.BENEFIT,
        Source.RATING,
        15,
    ),
    ("Dringlichkeit", "Wie dringend wird die Maßnahme vor Ort gebraucht?", Direction.BENEFIT, Source.RATING, 15),
    (
        "Umsetzbarkeit",
        "Wie gut lässt sich die Maßnahme mit den vorhandenen Mitteln umsetzen?",
        Direction.BENEFIT,
        Source.RATING,
        10,
    ),
    (
        "Kosten",
        "Investitionskosten plus fünf Jahre laufende Kosten aus den Angaben der Maßnahme.",
        Direction.COST,
        Source.COST,
        10,
    ),
    (
        "Personalaufwand",
        "Personentage pro Jahr aus den Angaben der Maßnahme.",
        Direction.COST,
        Source.PERSONNEL,
        10,
    ),
    (
        "Fördermöglichkeit",
        "Wie gut sind die Aussichten auf Fördermittel?",
        Direction.BENEFIT,
        Source.RATING,
        10,
    ),
    ("Bürger*innenvotum", "Stimmen aus der Bürger*innenbeteiligung.", Direction.BENEFIT, Source.VOTES, 10),
]


class Criterion(CriterionFields, VersionedModel):
    """A criterion a municipality ranks its measures by, with its weight."""

    municipality = models.ForeignKey(
        "network.Municipality", verbose_name=_("Kommune"), on_delete=models.CASCADE, related_name="criteria"
    )
    template = models.ForeignKey(
        CriterionTemplate,
        verbose_name=_("übernommen aus der Vorlage"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="adoptions",
    )
    weight = models.PositiveSmallIntegerField(
        _("Gewicht (Punkte)"), default=10, validators=[MaxValueValidator(MAX_WEIGHT)]
    )

    class Meta:
        verbose_name = _("Kriterium")
        verbose_name_plural = _("Kriterien")
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="criterion_name_unique"),
            models.UniqueConstraint(
                fields=["municipality", "template"], condition=Q(template__isnull=False), name="criterion_template_once"
            ),
            models.CheckConstraint(
                condition=Q(scale_min__lt=F("scale_max")), name="criterion_scale", violation_error_message=SCALE_ORDER
            ),
            models.CheckConstraint(condition=Q(weight__lte=MAX_WEIGHT), name="criterion_weight"),
        ]


class RoundStatus(models.TextChoices):
    OPEN = "offen", _("offen")
    CLOSED = "abgeschlossen", _("abgeschlossen")


class RatingRound(VersionedModel):
    """Invited people rate the round's measures per rated criterion; closing it freezes the catalogue."""

    municipality = models.ForeignKey(
        "network.Municipality", verbose_name=_("Kommune"), on_delete=models.CASCADE, related_name="rating_rounds"
    )
    title = models.CharField(_("Titel"), max_length=200)
    status = models.CharField(_("Status"), max_length=20, choices=RoundStatus.choices, default=RoundStatus.OPEN)
    opened_on = models.DateField(_("eröffnet am"))
    closed_on = models.DateField(_("abgeschlossen am"), null=True, blank=True)
    measures = models.ManyToManyField(
        "measures.Measure", verbose_name=_("Maßnahmen"), blank=True, related_name="rating_rounds"
    )
    raters = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("Bewertende"), blank=True, related_name="rating_rounds"
    )

    class Meta:
        verbose_name = _("Bewertungsrunde")
        verbose_name_plural = _("Bewertungsrunden")
        ordering = ["-opened_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["municipality"], condition=Q(status="offen"), name="one_open_rating_round"),
        ]
        indexes = [models.Index(fields=["municipality", "status", "-opened_on"], name="rating_round_idx")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status == RoundStatus.OPEN


class Rating(models.Model):
    """One person's rating of one measure on one criterion within a round."""

    rating_round = models.ForeignKey(
        RatingRound, verbose_name=_("Bewertungsrunde"), on_delete=models.CASCADE, related_name="ratings"
    )
    measure = models.ForeignKey(
        "measures.Measure", verbose_name=_("Maßnahme"), on_delete=models.CASCADE, related_name="ratings"
    )
    criterion = models.ForeignKey(Criterion, verbose_name=_("Kriterium"), on_delete=models.CASCADE, related_name="+")
    rater = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("bewertet von"), on_delete=models.CASCADE, related_name="+"
    )
    value = models.PositiveSmallIntegerField(_("Wert"), validators=[MaxValueValidator(MAX_SCALE)])
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    class Meta:
        verbose_name = _("Bewertung")
        verbose_name_plural = _("Bewertungen")
        constraints = [
            models.UniqueConstraint(fields=["rating_round", "measure", "criterion", "rater"], name="one_rating"),
        ]
        indexes = [models.Index(fields=["rating_round", "rater"], name="rating_rater_idx")]

    def __str__(self) -> str:
        return f"{self.measure} – {self.criterion}: {self.value}"

    @property
    def municipality(self):
        return self.rating_round.municipality


class FrozenQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("A frozen catalogue never changes.")


class FrozenModel(models.Model):
    """Written once when a round closes; never saved again."""

    objects = FrozenQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise PermissionError("A frozen catalogue never changes.")
        super().save(*args, **kwargs)


class Catalogue(FrozenModel):
    """The ranked catalogue as it stood when its round closed: criteria, weights, values and ranks are copies,
    so later edits to measures, criteria or weights never change it."""

    municipality = models.ForeignKey(
        "network.Municipality", verbose_name=_("Kommune"), on_delete=models.CASCADE, related_name="catalogues"
    )
    rating_round = models.OneToOneField(
        RatingRound, verbose_name=_("Bewertungsrunde"), on_delete=models.PROTECT, related_name="catalogue"
    )
    title = models.CharField(_("Titel"), max_length=200)
    frozen_on = models.DateField(_("festgeschrieben am"))
    frozen_at = models.DateTimeField(_("festgeschrieben um"), auto_now_add=True)
    frozen_by = models.CharField(_("festgeschrieben von"), max_length=255, blank=True)
    criteria = models.JSONField(_("Kriterien und Gewichte"), default=list)
    parameters = models.JSONField(_("Rechenparameter"), default=dict)
    raters = models.JSONField(_("Bewertende"), default=list)

    class Meta:
        verbose_name = _("Maßnahmenkatalog")
        verbose_name_plural = _("Maßnahmenkataloge")
        ordering = ["-frozen_at", "-id"]
        indexes = [models.Index(fields=["municipality", "-frozen_at"], name="catalogue_municipality_idx")]

    def __str__(self) -> str:
        return self.title


class CatalogueEntry(FrozenModel):
    catalogue = models.ForeignKey(
        Catalogue, verbose_name=_("Maßnahmenkatalog"), on_delete=models.CASCADE, related_name="entries"
    )
    measure = models.ForeignKey(
        "measures.Measure",
        verbose_name=_("Maßnahme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="catalogue_entries",
    )
    position = models.PositiveIntegerField(_("Position"))
    title = models.CharField(_("Maßnahme"), max_length=200)
    reference = models.CharField(_("Kennung"), max_length=40, blank=True)
    rank = models.PositiveIntegerField(_("Rang"))
    score = models.FloatField(_("Punktzahl"))
    rank_low = models.PositiveIntegerField(_("bester Rang"))
    rank_high = models.PositiveIntegerField(_("schlechtester Rang"))
    stable = models.BooleanField(_("stabil"))
    cells = models.JSONField(_("Werte je Kriterium"), default=list)

    class Meta:
        verbose_name = _("Eintrag im Maßnahmenkatalog")
        verbose_name_plural = _("Einträge im Maßnahmenkatalog")
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["catalogue", "position"], name="catalogue_position_unique")]

    def __str__(self) -> str:
        return f"{self.rank}. {self.title}"

    @property
    def municipality(self):
        return self.catalogue.municipality


class CouncilResolution(FrozenModel):
    """Ratsbeschluss: the council adopted (part of) a frozen catalogue."""

    catalogue = models.OneToOneField(
        Catalogue, verbose_name=_("Maßnahmenkatalog"), on_delete=models.CASCADE, related_name="resolution"
    )
    decided_on = models.DateField(_("Beschlussdatum"))
    reference = models.CharField(_("Drucksache"), max_length=100)
    recorded_at = models.DateTimeField(_("erfasst am"), auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("erfasst von"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    entries = models.ManyToManyField(
        CatalogueEntry, verbose_name=_("beschlossene Maßnahmen"), blank=True, related_name="resolutions"
    )

    class Meta:
        verbose_name = _("Ratsbeschluss")
        verbose_name_plural = _("Ratsbeschlüsse")

    def __str__(self) -> str:
        return f"{self.catalogue} – {self.reference}"

    @property
    def municipality(self):
        return self.catalogue.municipality
