"""Writes for partners and their involvement in measures, bodies and their members, and personnel capacity.
Every write is audited."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from vorort.core.audit import audit_changes
from vorort.core.services import create_audited, delete_audited, update_audited
from vorort.core.templatetags.vorort_format import format_number
from vorort.measures.services import audit_measure_part

from .models import Assignment, Body, BodyMembership, Capacity, Involvement, MemberRole, Partner, PartnerType, Person
from .selectors import similar_partners


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


# The partner registry --------------------------------------------------------------------------------------------

PARTNER_FIELDS = (
    "name",
    "kind",
    "website",
    "contact_name",
    "contact_email",
    "contact_phone",
    "contact_legal_basis",
    "notes",
)


class SimilarPartnersError(Exception):
    """Partners with a similar name exist; the user has to confirm ("trotzdem anlegen") before it is saved."""

    def __init__(self, partners: list[Partner]):
        self.partners = partners
        super().__init__(_("Es gibt schon Partner mit ähnlichem Namen."))


def _check_partner_name(*, municipality, name: str, allow_similar: bool, exclude_pk: int | None = None) -> None:
    same = Partner.objects.filter(municipality=municipality, name__iexact=name.strip())
    if exclude_pk is not None:
        same = same.exclude(pk=exclude_pk)
    if same.exists():
        raise ValidationError({"name": _("Einen Partner „%(name)s“ gibt es schon.") % {"name": name.strip()}})
    if not allow_similar:
        similar = similar_partners(municipality, name, exclude_pk=exclude_pk)
        if similar:
            raise SimilarPartnersError(similar)


def _partner_values(data: dict[str, Any]) -> dict[str, Any]:
    values = {name: data[name] for name in PARTNER_FIELDS if name in data}
    if "name" in values:
        values["name"] = " ".join(str(values["name"]).split())
    return values


@transaction.atomic
def partner_register(*, actor, municipality, data: dict[str, Any], allow_similar: bool = False) -> Partner:
    """A new partner in the registry. Refused with SimilarPartnersError while partners with a similar name exist
    and the user has not confirmed (`allow_similar`); an equal name (ignoring case) is always refused."""
    values = _partner_values(data)
    _check_partner_name(municipality=municipality, name=values.get("name", ""), allow_similar=allow_similar)
    return create_audited(actor=actor, instance=Partner(municipality=municipality, **values), municipality=municipality)


@transaction.atomic
def partner_update(
    *, actor, partner: Partner, data: dict[str, Any], expected_version: int | None, allow_similar: bool = False
) -> Partner:
    """Change a partner; a new name is checked like a new partner's."""
    values = _partner_values(data)
    # The stored name: a bound ModelForm has already written the input onto `partner`.
    stored = Partner.objects.filter(pk=partner.pk).values_list("name", flat=True).first()
    name = values.get("name", stored)
    if name != stored:
        _check_partner_name(
            municipality=partner.municipality, name=name, allow_similar=allow_similar, exclude_pk=partner.pk
        )
    return update_audited(
        actor=actor,
        instance=partner,
        data=values,
        expected_version=expected_version,
        municipality=partner.municipality,
    )


@transaction.atomic
def partner_delete(*, actor, partner: Partner) -> None:
    """Remove a partner with its involvements (noted in each measure's history) and its seats in bodies."""
    measures = [item.measure for item in partner.involvements.select_related("measure__municipality")]
    bodies = list(Body.objects.filter(memberships__partner=partner).distinct())
    before = {measure.pk: _involvement_lines(measure) for measure in measures}
    members_before = {body.pk: _member_lines(body) for body in bodies}
    delete_audited(actor=actor, instance=partner, municipality=partner.municipality)
    for measure in measures:
        _audit_involvements(actor=actor, measure=measure, before=before[measure.pk])
    for body in bodies:
        _audit_members(actor=actor, body=body, before=members_before[body.pk])


# Bodies (Gremien) ------------------------------------------------------------------------------------------------

BODY_FIELDS = ("kind", "name", "purpose", "rhythm", "rhythm_note")


def _body_values(data: dict[str, Any]) -> dict[str, Any]:
    values = {name: data[name] for name in BODY_FIELDS if name in data}
    if "name" in values:
        values["name"] = " ".join(str(values["name"]).split())
    return values


def _check_body_name(*, municipality, name: str, exclude_pk: int | None = None) -> None:
    same = Body.objects.filter(municipality=municipality, name__iexact=name)
    if exclude_pk is not None:
        same = same.exclude(pk=exclude_pk)
    if same.exists():
        raise ValidationError({"name": _("Ein Gremium „%(name)s“ gibt es schon.") % {"name": name}})


@transaction.atomic
def body_create(*, actor, municipality, data: dict[str, Any]) -> Body:
    values = _body_values(data)
    _check_body_name(municipality=municipality, name=values.get("name", ""))
    return create_audited(actor=actor, instance=Body(municipality=municipality, **values), municipality=municipality)


@transaction.atomic
def body_update(*, actor, body: Body, data: dict[str, Any], expected_version: int | None) -> Body:
    values = _body_values(data)
    _check_body_name(municipality=body.municipality, name=values.get("name", body.name), exclude_pk=body.pk)
    return update_audited(
        actor=actor, instance=body, data=values, expected_version=expected_version, municipality=body.municipality
    )


@transaction.atomic
def body_delete(*, actor, body: Body) -> None:
    delete_audited(actor=actor, instance=body, municipality=body.municipality)


def _member_lines(body: Body) -> str:
    members = BodyMembership.objects.filter(body=body).select_related("person", "partner").order_by("id")
    return "; ".join(str(member) for member in members)


def _audit_members(*, actor, body: Body, before: str) -> None:
    after = _member_lines(body)
    if before != after:
        audit_changes(
            actor=actor,
            instance=body,
            municipality=body.municipality,
            changes=[{"field": "members", "label": str(_("Mitglieder")), "before": before, "after": after}],
        )


@transaction.atomic
def body_member_add(
    *,
    actor,
    body: Body,
    role: str = MemberRole.MEMBER,
    person: Person | None = None,
    partner: Partner | None = None,
    contact_name: str = "",
) -> BodyMembership:
    """Seat a member of staff or a partner's contact in a body (one of `person` and `partner`)."""
    if (person is None) == (partner is None):
        raise ValidationError({"person": _("Bitte wählen Sie entweder eine Person des Personals oder einen Partner.")})
    if person is not None and person.municipality_id != body.municipality_id:
        raise ValidationError({"person": _("Diese Person gehört zu einer anderen Kommune.")})
    if partner is not None and partner.municipality_id != body.municipality_id:
        raise ValidationError({"partner": _("Dieser Partner gehört zu einer anderen Kommune.")})
    contact_name = " ".join(contact_name.split()) if partner is not None else ""
    duplicate = BodyMembership.objects.filter(body=body)
    if person is not None and duplicate.filter(person=person).exists():
        raise ValidationError({"person": _("„%(name)s“ ist schon Mitglied dieses Gremiums.") % {"name": person.name}})
    if partner is not None and duplicate.filter(partner=partner, contact_name=contact_name).exists():
        raise ValidationError({"partner": _("„%(name)s“ ist schon Mitglied dieses Gremiums.") % {"name": partner.name}})
    before = _member_lines(body)
    membership = BodyMembership(body=body, person=person, partner=partner, contact_name=contact_name, role=role)
    membership.full_clean()
    membership.save()
    _audit_members(actor=actor, body=body, before=before)
    return membership


@transaction.atomic
def body_member_remove(*, actor, membership: BodyMembership) -> None:
    body = membership.body
    before = _member_lines(body)
    membership.delete()
    _audit_members(actor=actor, body=body, before=before)


# People, capacities, assignments ---------------------------------------------------------------------------------

PERSON_FIELDS = ("name", "unit", "position")
CAPACITY_FIELDS = ("valid_from", "valid_to", "hours_per_week", "note")
ASSIGNMENT_FIELDS = ("person", "measure", "hours_per_week", "start", "end", "note")


def _pick(data: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    return {name: data[name] for name in names if name in data}


@transaction.atomic
def person_create(*, actor, municipality, data: dict[str, Any]) -> Person:
    values = _pick(data, PERSON_FIELDS)
    return create_audited(actor=actor, instance=Person(municipality=municipality, **values), municipality=municipality)


@transaction.atomic
def person_update(*, actor, person: Person, data: dict[str, Any], expected_version: int | None) -> Person:
    return update_audited(
        actor=actor,
        instance=person,
        data=_pick(data, PERSON_FIELDS),
        expected_version=expected_version,
        municipality=person.municipality,
    )


@transaction.atomic
def person_delete(*, actor, person: Person) -> None:
    """Remove a person with their capacities, assignments and seats in bodies (each body notes it)."""
    bodies = list(Body.objects.filter(memberships__person=person).distinct())
    members_before = {body.pk: _member_lines(body) for body in bodies}
    delete_audited(actor=actor, instance=person, municipality=person.municipality)
    for body in bodies:
        _audit_members(actor=actor, body=body, before=members_before[body.pk])


def _check_capacity_overlap(*, person: Person, values: dict[str, Any], exclude_pk: int | None = None) -> None:
    start, end = values.get("valid_from"), values.get("valid_to")
    if start is None:
        return
    others = Capacity.objects.filter(person=person)
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    if end is not None:
        others = others.filter(valid_from__lte=end)
    clash = others.exclude(valid_to__lt=start).order_by("valid_from").first()
    if clash is not None:
        hours = clash.hours_per_week
        names = {
            "hours": format_number(hours, 0 if hours == hours.to_integral_value() else 1),
            "start": clash.valid_from.strftime("%d.%m.%Y"),
        }
        if clash.valid_to is None:
            existing = _("%(hours)s Stunden pro Woche ab %(start)s, unbefristet") % names
        else:
            existing = _("%(hours)s Stunden pro Woche vom %(start)s bis %(end)s") % dict(
                names, end=clash.valid_to.strftime("%d.%m.%Y")
            )
        raise ValidationError(
            {
                "valid_from": _(
                    "Für diesen Zeitraum ist schon eine Kapazität eingetragen: %(existing)s. Passen Sie diese an "
                    "(z. B. mit einem Ende) oder wählen Sie einen anderen Zeitraum."
                )
                % {"existing": existing}
            }
        )


@transaction.atomic
def capacity_create(*, actor, person: Person, data: dict[str, Any]) -> Capacity:
    """Hours per week available from a date; periods of one person must not overlap."""
    values = _pick(data, CAPACITY_FIELDS)
    _check_capacity_overlap(person=person, values=values)
    return create_audited(actor=actor, instance=Capacity(person=person, **values), municipality=person.municipality)


@transaction.atomic
def capacity_update(*, actor, capacity: Capacity, data: dict[str, Any], expected_version: int | None) -> Capacity:
    values = _pick(data, CAPACITY_FIELDS)
    merged = {name: values.get(name, getattr(capacity, name)) for name in CAPACITY_FIELDS}
    _check_capacity_overlap(person=capacity.person, values=merged, exclude_pk=capacity.pk)
    return update_audited(
        actor=actor,
        instance=capacity,
        data=values,
        expected_version=expected_version,
        municipality=capacity.person.municipality,
    )


@transaction.atomic
def capacity_delete(*, actor, capacity: Capacity) -> None:
    delete_audited(actor=actor, instance=capacity, municipality=capacity.person.municipality)


def _check_assignment(values: dict[str, Any], municipality) -> None:
    person, measure = values.get("person"), values.get("measure")
    if person is not None and person.municipality_id != municipality.pk:
        raise ValidationError({"person": _("Diese Person gehört zu einer anderen Kommune.")})
    if measure is not None and measure.municipality_id != municipality.pk:
        raise ValidationError({"measure": _("Diese Maßnahme gehört zu einer anderen Kommune.")})


@transaction.atomic
def assignment_create(*, actor, municipality, data: dict[str, Any]) -> Assignment:
    """Plan hours per week of a person on a measure (both of `municipality`) over a period."""
    values = _pick(data, ASSIGNMENT_FIELDS)
    _check_assignment(values, municipality)
    return create_audited(actor=actor, instance=Assignment(**values), municipality=municipality)


@transaction.atomic
def assignment_update(
    *, actor, assignment: Assignment, data: dict[str, Any], expected_version: int | None
) -> Assignment:
    municipality = assignment.person.municipality
    values = _pick(data, ASSIGNMENT_FIELDS)
    _check_assignment(values, municipality)
    return update_audited(
        actor=actor, instance=assignment, data=values, expected_version=expected_version, municipality=municipality
    )


@transaction.atomic
def assignment_delete(*, actor, assignment: Assignment) -> None:
    delete_audited(actor=actor, instance=assignment, municipality=assignment.person.municipality)
