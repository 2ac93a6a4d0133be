"""Writes for partners and their involvement in measures. Every write is audited."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from vorort.core.services import create_audited
from vorort.measures.services import audit_measure_part

from .models import Involvement, Partner, PartnerType


@transaction.atomic
def partner_create(*, actor, municipality, name: str, kind: str = PartnerType.OTHER) -> Partner:
    return create_audited(
        actor=actor,
        instance=Partner(municipality=municipality, name=name.strip(), kind=kind),
        municipality=municipality,
    )


def partner_named(municipality, name: str) -> Partner | None:
    """The municipality's partner of that name (ignoring case and surrounding blanks), if any."""
    return Partner.objects.filter(municipality=municipality, name__iexact=name.strip()).first()


def _involvement_lines(measure) -> str:
    return "; ".join(f"{item.partner.name}: {item.role}" for item in measure.involvements.select_related("partner"))


def _audit_involvements(*, actor, measure, before: str) -> None:
    audit_measure_part(
        actor=actor,
        measure=measure,
        field="involvements",
        label=str(_("Partner mit Rolle")),
        before=before,
        after=_involvement_lines(measure),
    )


@transaction.atomic
def involvement_add(
    *,
    actor,
    measure,
    role: str,
    partner: Partner | None = None,
    new_partner_name: str = "",
    new_partner_kind: str = PartnerType.OTHER,
) -> Involvement:
    """Involve a partner in a measure: an existing partner of the municipality, or a new one by name."""
    municipality = measure.municipality
    if partner is None:
        name = new_partner_name.strip()
        if not name:
            raise ValidationError(
                {"partner": _("Bitte wählen Sie einen Partner oder geben Sie einen neuen Namen ein.")}
            )
        partner = partner_named(municipality, name) or partner_create(
            actor=actor, municipality=municipality, name=name, kind=new_partner_kind
        )
    elif partner.municipality_id != measure.municipality_id:
        raise ValidationError({"partner": _("Dieser Partner gehört zu einer anderen Kommune.")})
    if Involvement.objects.filter(partner=partner, measure=measure).exists():
        raise ValidationError(
            {"partner": _("„%(name)s“ ist an dieser Maßnahme schon beteiligt.") % {"name": partner.name}}
        )
    before = _involvement_lines(measure)
    involvement = Involvement(partner=partner, measure=measure, role=role.strip())
    involvement.full_clean()
    involvement.save()
    _audit_involvements(actor=actor, measure=measure, before=before)
    return involvement


@transaction.atomic
def involvement_remove(*, actor, involvement: Involvement) -> None:
    measure = involvement.measure
    before = _involvement_lines(measure)
    involvement.delete()
    _audit_involvements(actor=actor, measure=measure, before=before)
