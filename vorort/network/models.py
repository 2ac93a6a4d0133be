"""The network, its member municipalities (the tenants) and the action fields."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from vorort.core.models import TimeStampedModel, VersionedModel


class SizeClass(models.TextChoices):
    SMALL = "klein", _("Kleinstadt")
    MEDIUM = "mittel", _("Mittelstadt")
    LARGE = "gross", _("Großstadt")


# Upper bounds (exclusive) of the size classes by population, per DOMAIN.md.
SIZE_CLASS_LIMITS = {SizeClass.SMALL: 20_000, SizeClass.MEDIUM: 100_000}


def size_class_for(population: int) -> SizeClass:
    if population < SIZE_CLASS_LIMITS[SizeClass.SMALL]:
        return SizeClass.SMALL
    if population < SIZE_CLASS_LIMITS[SizeClass.MEDIUM]:
        return SizeClass.MEDIUM
    return SizeClass.LARGE


def size_class_q(size_class: str, prefix: str = "") -> Q:
    """Query for municipalities of a size class; the class itself is never stored."""
    field = f"{prefix}population"
    if size_class == SizeClass.SMALL:
        return Q(**{f"{field}__lt": SIZE_CLASS_LIMITS[SizeClass.SMALL]})
    if size_class == SizeClass.MEDIUM:
        return Q(
            **{
                f"{field}__gte": SIZE_CLASS_LIMITS[SizeClass.SMALL],
                f"{field}__lt": SIZE_CLASS_LIMITS[SizeClass.MEDIUM],
            }
        )
    return Q(**{f"{field}__gte": SIZE_CLASS_LIMITS[SizeClass.MEDIUM]})


class Network(TimeStampedModel):
    name = models.CharField(_("Name"), max_length=200)
    slug = models.SlugField(_("Kurzname"), unique=True)
    programme = models.CharField(_("Programm"), max_length=200, blank=True)
    description = models.TextField(_("Beschreibung"), blank=True, max_length=5000)

    class Meta:
        verbose_name = _("Netzwerk")
        verbose_name_plural = _("Netzwerke")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Municipality(VersionedModel):
    network = models.ForeignKey(
        Network, verbose_name=_("Netzwerk"), on_delete=models.PROTECT, related_name="municipalities"
    )
    name = models.CharField(_("Name"), max_length=120)
    slug = models.SlugField(
        _("Kurzname (für Adressen)"),
        unique=True,
        validators=[RegexValidator(r"^[a-z0-9-]+$", _("Nur Kleinbuchstaben, Ziffern und Bindestriche."))],
    )
    county = models.CharField(
        _("Kreis"), max_length=120, blank=True, help_text=_("Leer lassen bei kreisfreien Städten.")
    )
    county_free = models.BooleanField(_("kreisfrei"), default=False)
    population = models.PositiveIntegerField(
        _("Einwohnerzahl"), validators=[MinValueValidator(1), MaxValueValidator(20_000_000)]
    )
    rural = models.BooleanField(_("ländlich geprägt"), default=False)
    structurally_weak = models.BooleanField(_("strukturschwach"), default=False)

    class Meta:
        verbose_name = _("Kommune")
        verbose_name_plural = _("Kommunen")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["network", "name"], name="municipality_name_unique_in_network"),
        ]
        indexes = [models.Index(fields=["network", "population"], name="municipality_population_idx")]

    def __str__(self) -> str:
        return self.name

    @property
    def size_class(self) -> SizeClass:
        return size_class_for(self.population)

    @property
    def size_class_label(self) -> str:
        return str(self.size_class.label)

    @property
    def county_label(self) -> str:
        return str(_("kreisfreie Stadt")) if self.county_free else (self.county or "")


class ActionField(TimeStampedModel):
    """Handlungsfeld: the six defaults, configurable per network."""

    network = models.ForeignKey(
        Network, verbose_name=_("Netzwerk"), on_delete=models.CASCADE, related_name="action_fields"
    )
    name = models.CharField(_("Name"), max_length=80)
    slug = models.SlugField(_("Kurzname"))
    colour = models.CharField(
        _("Farbe"),
        max_length=7,
        default="#1f5f8b",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Bitte eine Farbe im Format #1a2b3c angeben."))],
    )
    description = models.TextField(_("Beschreibung"), blank=True, max_length=2000)
    order = models.PositiveIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        verbose_name = _("Handlungsfeld")
        verbose_name_plural = _("Handlungsfelder")
        ordering = ["order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["network", "slug"], name="action_field_slug_unique"),
            models.UniqueConstraint(fields=["network", "name"], name="action_field_name_unique"),
        ]

    def __str__(self) -> str:
        return self.name


DEFAULT_ACTION_FIELDS = [
    ("Mobilität", "mobilitaet", "#1f5f8b", "Verkehr, Rad- und Fußwege, ÖPNV, Sharing und Logistik."),
    ("Nachhaltigkeit", "nachhaltigkeit", "#2e7d32", "Klima, Energie, Umwelt und Ressourcen."),
    ("Verwaltung", "verwaltung", "#5e35b1", "Digitale Verwaltung, Dienste, Daten und Organisation."),
    ("Wohnen", "wohnen", "#ad1457", "Wohnen, Quartiere, Stadtentwicklung und Innenstadt."),
    ("Wirtschaft", "wirtschaft", "#b35900", "Handel, Gewerbe, Tourismus und Arbeit."),
    ("Zivilgesellschaft", "zivilgesellschaft", "#00695c", "Teilhabe, Ehrenamt, Bildung und Kultur."),
]


class UserGroup(TimeStampedModel):
    """Nutzer*innengruppe: who gains from a measure; configurable per network."""

    network = models.ForeignKey(
        Network, verbose_name=_("Netzwerk"), on_delete=models.CASCADE, related_name="user_groups"
    )
    name = models.CharField(_("Name"), max_length=80)
    description = models.CharField(_("Beschreibung"), max_length=300, blank=True)
    order = models.PositiveIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        verbose_name = _("Nutzer*innengruppe")
        verbose_name_plural = _("Nutzer*innengruppen")
        ordering = ["order", "name"]
        constraints = [models.UniqueConstraint(fields=["network", "name"], name="user_group_name_unique")]

    def __str__(self) -> str:
        return self.name


DEFAULT_USER_GROUPS = [
    ("Bürger*innen", "Alle Einwohner*innen"),
    ("Kinder und Jugendliche", "Schüler*innen, Auszubildende, junge Menschen"),
    ("Ältere Menschen", "Seniorinnen und Senioren"),
    ("Menschen mit Behinderung", "Menschen mit Einschränkungen und ihre Angehörigen"),
    ("Pendler*innen", "Wer zur Arbeit oder Ausbildung ein- oder auspendelt"),
    ("Handel und Gewerbe", "Einzelhandel, Gastronomie, Handwerk, Unternehmen"),
    ("Gäste und Tourist*innen", "Besucher*innen der Stadt"),
    ("Vereine und Ehrenamt", "Zivilgesellschaftliche Initiativen"),
    ("Verwaltung und Politik", "Mitarbeitende der Verwaltung, Rat"),
]
