"""Partners (Akteur*innen) and their involvement in measures; bodies (Gremien); staff, their capacity and
their assignments to measures."""

from __future__ import annotations

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from vorort.core.models import TimeStampedModel, VersionedModel
from vorort.core.templatetags.vorort_format import format_number


class PartnerType(models.TextChoices):
    COMPANY = "unternehmen", _("Unternehmen")
    ASSOCIATION = "verein", _("Verein / Verband")
    UNIVERSITY = "hochschule", _("Hochschule / Forschung")
    UTILITY = "stadtwerke", _("Stadtwerke / Versorger")
    CHAMBER = "kammer", _("Kammer")
    INITIATIVE = "initiative", _("Initiative")
    PUBLIC = "oeffentlich", _("Öffentliche Stelle")
    OTHER = "sonstiges", _("Sonstiges")


class Partner(VersionedModel):
    """An organisation a municipality works with."""

    municipality = models.ForeignKey(
        "network.Municipality", verbose_name=_("Kommune"), on_delete=models.CASCADE, related_name="partners"
    )
    name = models.CharField(_("Name"), max_length=200)
    kind = models.CharField(_("Art"), max_length=20, choices=PartnerType.choices, default=PartnerType.OTHER)
    website = models.URLField(_("Website"), blank=True)
    contact_name = models.CharField(_("Ansprechperson"), max_length=150, blank=True)
    contact_email = models.EmailField(_("E-Mail der Ansprechperson"), blank=True)
    contact_phone = models.CharField(_("Telefon"), max_length=60, blank=True)
    contact_legal_basis = models.CharField(
        _("Rechtsgrundlage für Kontaktdaten"),
        max_length=300,
        blank=True,
        help_text=_("z. B. „Einwilligung vom 12.03.2025“ oder „Art. 6 Abs. 1 lit. e DSGVO“"),
    )
    notes = models.TextField(_("Notizen"), blank=True, max_length=5_000)

    class Meta:
        verbose_name = _("Partner")
        verbose_name_plural = _("Partner")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["municipality", "name"], name="partner_name_unique")]
        indexes = [models.Index(fields=["municipality", "kind"], name="partner_kind_idx")]

    def __str__(self) -> str:
        return self.name


class Involvement(TimeStampedModel):
    partner = models.ForeignKey(
        Partner, verbose_name=_("Partner"), on_delete=models.CASCADE, related_name="involvements"
    )
    measure = models.ForeignKey(
        "measures.Measure", verbose_name=_("Maßnahme"), on_delete=models.CASCADE, related_name="involvements"
    )
    role = models.CharField(_("Rolle"), max_length=200, help_text=_("z. B. „Betreiber“, „Fördermittelgeber“"))

    class Meta:
        verbose_name = _("Beteiligung")
        verbose_name_plural = _("Beteiligungen")
        ordering = ["partner__name"]
        constraints = [models.UniqueConstraint(fields=["partner", "measure"], name="one_involvement_per_partner")]

    def __str__(self) -> str:
        return f"{self.partner}: {self.role}"

    @property
    def municipality(self):
        return self.measure.municipality


# Bodies (Gremien) ----------------------------------------------------------------------------------------------


class BodyKind(models.TextChoices):
    """The tiers of the organisation chart, top to bottom."""

    STEERING = "lenkungsgruppe", _("Lenkungsgruppe")
    TEAM = "smart_city_team", _("Smart-City-Team")
    WORKING_GROUP = "arbeitskreis", _("Arbeitskreis")


class MeetingRhythm(models.TextChoices):
    WEEKLY = "woechentlich", _("wöchentlich")
    FORTNIGHTLY = "zweiwoechentlich", _("alle zwei Wochen")
    MONTHLY = "monatlich", _("monatlich")
    BIMONTHLY = "zweimonatlich", _("alle zwei Monate")
    QUARTERLY = "vierteljaehrlich", _("vierteljährlich")
    HALF_YEARLY = "halbjaehrlich", _("halbjährlich")
    YEARLY = "jaehrlich", _("jährlich")
    AS_NEEDED = "nach_bedarf", _("nach Bedarf")


class Body(VersionedModel):
    """A body of the strategy process: Lenkungsgruppe, Smart-City-Team or an Arbeitskreis."""

    municipality = models.ForeignKey(
        "network.Municipality", verbose_name=_("Kommune"), on_delete=models.CASCADE, related_name="bodies"
    )
    kind = models.CharField(_("Art"), max_length=20, choices=BodyKind.choices, default=BodyKind.WORKING_GROUP)
    name = models.CharField(_("Name"), max_length=200)
    purpose = models.TextField(
        _("Aufgabe"), blank=True, max_length=5_000, help_text=_("Wofür ist das Gremium da, was entscheidet es?")
    )
    rhythm = models.CharField(
        _("Sitzungsrhythmus"), max_length=20, choices=MeetingRhythm.choices, default=MeetingRhythm.MONTHLY
    )
    rhythm_note = models.CharField(
        _("Termine im Detail"), max_length=200, blank=True, help_text=_("z. B. „jeden zweiten Dienstag, 16 Uhr“")
    )

    class Meta:
        verbose_name = _("Gremium")
        verbose_name_plural = _("Gremien")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["municipality", "name"], name="body_name_unique")]
        indexes = [models.Index(fields=["municipality", "kind"], name="body_kind_idx")]

    def __str__(self) -> str:
        return self.name


class MemberRole(models.TextChoices):
    CHAIR = "vorsitz", _("Vorsitz")
    DEPUTY = "stellvertretung", _("stellvertretender Vorsitz")
    MANAGEMENT = "geschaeftsfuehrung", _("Geschäftsführung")
    MEMBER = "mitglied", _("Mitglied")
    ADVISORY = "beratend", _("beratendes Mitglied")
    GUEST = "gast", _("ständiger Gast")


class BodyMembership(TimeStampedModel):
    """A member of a body: a person of the municipality's staff or the contact of a partner."""

    body = models.ForeignKey(Body, verbose_name=_("Gremium"), on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(
        "Person",
        verbose_name=_("Person (Personal)"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="body_memberships",
    )
    partner = models.ForeignKey(
        Partner,
        verbose_name=_("Partner"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="body_memberships",
    )
    contact_name = models.CharField(
        _("vertreten durch"),
        max_length=150,
        blank=True,
        help_text=_("Wer den Partner im Gremium vertritt; leer: die Ansprechperson des Partners."),
    )
    role = models.CharField(
        _("Funktion im Gremium"), max_length=20, choices=MemberRole.choices, default=MemberRole.MEMBER
    )

    class Meta:
        verbose_name = _("Mitglied eines Gremiums")
        verbose_name_plural = _("Mitglieder von Gremien")
        ordering = ["body", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(person__isnull=False) & Q(partner__isnull=True))
                | (Q(person__isnull=True) & Q(partner__isnull=False)),
                name="body_member_person_or_partner",
            ),
            models.UniqueConstraint(
                fields=["body", "person"], condition=Q(person__isnull=False), name="body_member_person_once"
            ),
            models.UniqueConstraint(
                fields=["body", "partner", "contact_name"],
                condition=Q(partner__isnull=False),
                name="body_member_partner_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.display_name} ({self.get_role_display()})"

    @property
    def municipality(self):
        return self.body.municipality

    @property
    def display_name(self) -> str:
        if self.person_id is not None:
            return self.person.name
        contact = self.contact_name or self.partner.contact_name
        return f"{contact} ({self.partner.name})" if contact else self.partner.name


# Personnel capacity (Personal, Kapazität, Einsatz) ---------------------------------------------------------------

HOURS_LIMIT = 60  # hours per week: more is a typing error, not a plan


class Person(VersionedModel):
    """A member of staff whose hours are planned; not necessarily a user of vorort."""

    municipality = models.ForeignKey(
        "network.Municipality", verbose_name=_("Kommune"), on_delete=models.CASCADE, related_name="people"
    )
    name = models.CharField(_("Name"), max_length=150)
    unit = models.CharField(_("Organisationseinheit"), max_length=200, blank=True, help_text=_("z. B. „Amt 10 – IT“"))
    position = models.CharField(
        _("Funktion"), max_length=200, blank=True, help_text=_("z. B. „Smart-City-Koordination“")
    )

    class Meta:
        verbose_name = _("Person (Personal)")
        verbose_name_plural = _("Personal")
        ordering = ["name", "id"]
        indexes = [models.Index(fields=["municipality", "name"], name="person_name_idx")]

    def __str__(self) -> str:
        return self.name


class Capacity(VersionedModel):
    """Hours per week a person has for the smart-city work, from a date (until a date, or open-ended)."""

    person = models.ForeignKey(Person, verbose_name=_("Person"), on_delete=models.CASCADE, related_name="capacities")
    valid_from = models.DateField(_("gültig ab"))
    valid_to = models.DateField(_("gültig bis"), null=True, blank=True, help_text=_("leer: unbefristet"))
    hours_per_week = models.DecimalField(
        _("Stunden pro Woche"),
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(0), MaxValueValidator(HOURS_LIMIT)],
        help_text=_("für die Smart-City-Arbeit verfügbar"),
    )
    note = models.CharField(_("Anmerkung"), max_length=200, blank=True, help_text=_("z. B. „Teilzeit“, „Elternzeit“"))

    class Meta:
        verbose_name = _("Kapazität")
        verbose_name_plural = _("Kapazitäten")
        ordering = ["person", "valid_from", "id"]
        indexes = [models.Index(fields=["person", "valid_from"], name="capacity_person_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")), name="capacity_dates_ordered"
            ),
            models.CheckConstraint(condition=Q(hours_per_week__gte=0), name="capacity_hours_not_negative"),
        ]

    def __str__(self) -> str:
        hours = format_number(self.hours_per_week, 1)
        return f"{self.person}: {hours} h/Woche ab {self.valid_from:%d.%m.%Y}"

    @property
    def municipality(self):
        return self.person.municipality


class Assignment(VersionedModel):
    """Einsatz: hours per week a person works on a measure over a period."""

    person = models.ForeignKey(Person, verbose_name=_("Person"), on_delete=models.CASCADE, related_name="assignments")
    measure = models.ForeignKey(
        "measures.Measure", verbose_name=_("Maßnahme"), on_delete=models.CASCADE, related_name="assignments"
    )
    hours_per_week = models.DecimalField(
        _("Stunden pro Woche"),
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(Decimal("0.1")), MaxValueValidator(HOURS_LIMIT)],
    )
    start = models.DateField(_("Beginn"))
    end = models.DateField(_("Ende"))
    note = models.CharField(_("Aufgabe"), max_length=200, blank=True, help_text=_("z. B. „Projektleitung“"))

    class Meta:
        verbose_name = _("Einsatz")
        verbose_name_plural = _("Einsätze")
        ordering = ["start", "id"]
        indexes = [
            models.Index(fields=["person", "start"], name="assignment_person_idx"),
            models.Index(fields=["measure", "start"], name="assignment_measure_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(end__gte=F("start")), name="assignment_dates_ordered"),
            models.CheckConstraint(condition=Q(hours_per_week__gt=0), name="assignment_hours_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.measure}"

    @property
    def municipality(self):
        return self.person.municipality
