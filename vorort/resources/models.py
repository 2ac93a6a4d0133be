"""Partners (Akteur*innen) and their involvement in measures."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from vorort.core.models import TimeStampedModel, VersionedModel


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
