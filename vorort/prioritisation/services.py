"""Writes for prioritisation: criteria and weights, rating rounds, ratings, frozen catalogues, council adoption."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from vorort.core.audit import audit_changes, audit_record, snapshot
from vorort.core.concurrency import StaleEditError, lock_current
from vorort.core.models import AuditAction
from vorort.core.services import create_audited, delete_audited, update_audited
from vorort.measures.models import Measure, MeasureStatus
from vorort.measures.services import measure_update
from vorort.network.models import Municipality

from . import ranking, selectors
from .models import (
    COST_YEARS,
    DEFAULT_CRITERIA,
    MAX_WEIGHT,
    SOURCE_DIRECTIONS,
    Catalogue,
    CatalogueEntry,
    CouncilResolution,
    Criterion,
    CriterionTemplate,
    Rating,
    RatingRound,
    RoundStatus,
)

# Statuses the council's adoption moves to "Beschlossen"; later statuses (in Umsetzung …) stay as they are.
ADOPTABLE_STATUSES = {MeasureStatus.IDEA, MeasureStatus.PLANNED, MeasureStatus.DEFERRED, MeasureStatus.REJECTED}


def _check_direction(data: Mapping[str, Any]) -> None:
    expected = SOURCE_DIRECTIONS.get(data.get("source"))
    if expected is not None and data.get("direction") != expected:
        raise ValidationError(
            {
                "direction": _("Werte aus dieser Quelle haben die Richtung „%(direction)s“.")
                % {"direction": expected.label}
            }
        )


# The network's template -----------------------------------------------------------------------------------


@transaction.atomic
def criterion_templates_ensure_defaults(*, actor, network) -> int:
    """Give a network the eight default criteria, once. Returns how many were created."""
    if CriterionTemplate.objects.filter(network=network).exists():
        return 0
    for order, (name, description, direction, source, weight) in enumerate(DEFAULT_CRITERIA, start=1):
        create_audited(
            actor=actor,
            instance=CriterionTemplate(
                network=network,
                name=name,
                description=description,
                direction=direction,
                source=source,
                default_weight=weight,
                order=order,
            ),
        )
    return len(DEFAULT_CRITERIA)


@transaction.atomic
def criterion_template_create(*, actor, network, data: Mapping[str, Any]) -> CriterionTemplate:
    _check_direction(data)
    data = dict(data)
    if not data.get("order"):
        data["order"] = (CriterionTemplate.objects.filter(network=network).aggregate(m=Max("order"))["m"] or 0) + 1
    return create_audited(actor=actor, instance=CriterionTemplate(network=network, **data))


@transaction.atomic
def criterion_template_update(*, actor, template: CriterionTemplate, data: Mapping[str, Any]) -> CriterionTemplate:
    _check_direction({**{"source": template.source, "direction": template.direction}, **data})
    return update_audited(actor=actor, instance=template, data=dict(data))


@transaction.atomic
def criterion_template_delete(*, actor, template: CriterionTemplate) -> None:
    """Municipalities keep the criteria they adopted from it."""
    delete_audited(actor=actor, instance=template)


# A municipality's criteria and weights --------------------------------------------------------------------


@transaction.atomic
def criteria_adopt_template(*, actor, municipality: Municipality) -> int:
    """Copy the network's template criteria the municipality does not have yet. Returns how many were added.

    A network without a template gets the default criteria first.
    """
    criterion_templates_ensure_defaults(actor=actor, network=municipality.network)
    own = selectors.criteria_of(municipality)
    taken_templates = set(own.exclude(template=None).values_list("template_id", flat=True))
    taken_names = {name.casefold() for name in own.values_list("name", flat=True)}
    added = 0
    for template in selectors.criterion_templates_of(municipality.network):
        if template.pk in taken_templates or template.name.casefold() in taken_names:
            continue
        create_audited(
            actor=actor,
            instance=Criterion(
                municipality=municipality,
                template=template,
                name=template.name,
                description=template.description,
                direction=template.direction,
                source=template.source,
                scale_min=template.scale_min,
                scale_max=template.scale_max,
                order=template.order,
                weight=template.default_weight,
            ),
        )
        added += 1
    return added


def _check_name(municipality, name: str, exclude_pk: int | None = None) -> None:
    clash = selectors.criteria_of(municipality).filter(name__iexact=name.strip())
    if exclude_pk is not None:
        clash = clash.exclude(pk=exclude_pk)
    if clash.exists():
        raise ValidationError({"name": _("Ein Kriterium mit diesem Namen gibt es bereits.")})


@transaction.atomic
def criterion_create(*, actor, municipality: Municipality, data: Mapping[str, Any]) -> Criterion:
    _check_direction(data)
    _check_name(municipality, data.get("name", ""))
    data = dict(data)
    if not data.get("order"):
        data["order"] = (selectors.criteria_of(municipality).aggregate(m=Max("order"))["m"] or 0) + 1
    return create_audited(actor=actor, instance=Criterion(municipality=municipality, **data))


@transaction.atomic
def criterion_update(
    *, actor, criterion: Criterion, data: Mapping[str, Any], expected_version: int | None
) -> Criterion:
    merged = {"source": criterion.source, "direction": criterion.direction, **data}
    _check_direction(merged)
    if "name" in data:
        _check_name(criterion.municipality, data["name"], exclude_pk=criterion.pk)
    low = data.get("scale_min", criterion.scale_min)
    high = data.get("scale_max", criterion.scale_max)
    outside = Rating.objects.filter(criterion=criterion, rating_round__status=RoundStatus.OPEN).filter(
        Q(value__lt=low) | Q(value__gt=high)
    )
    if outside.exists():
        raise ValidationError(
            {"scale_max": _("In der offenen Runde gibt es schon Bewertungen außerhalb dieser Skala.")}
        )
    return update_audited(
        actor=actor,
        instance=criterion,
        data=dict(data),
        expected_version=expected_version,
        municipality=criterion.municipality,
    )


@transaction.atomic
def criterion_delete(*, actor, criterion: Criterion) -> None:
    """Drop a criterion; its ratings in rounds go with it. Frozen catalogues keep their copy."""
    delete_audited(actor=actor, instance=criterion, municipality=criterion.municipality)


@transaction.atomic
def criteria_weights_save(
    *,
    actor,
    municipality: Municipality,
    weights: Mapping[int, int],
    versions: Mapping[int, int | None],
) -> list[Criterion]:
    """Store the weight points of the municipality's criteria; refuse if any criterion changed meanwhile."""
    criteria = list(selectors.criteria_of(municipality).select_for_update())
    known = {c.pk for c in criteria}
    if set(weights) - known:
        raise ValidationError(_("Unbekanntes Kriterium."))
    for criterion in criteria:
        expected = versions.get(criterion.pk)
        if criterion.pk in weights and expected is not None and criterion.version != expected:
            raise StaleEditError(criterion)
    final = {c.pk: weights.get(c.pk, c.weight) for c in criteria}
    errors = {}
    for pk, value in final.items():
        if value is None or value < 0 or value > MAX_WEIGHT:
            errors[f"weight_{pk}"] = _("Bitte ein Gewicht von 0 bis %(max)s Punkten angeben.") % {"max": MAX_WEIGHT}
    if errors:
        raise ValidationError(errors)
    if criteria and not any(final.values()):
        raise ValidationError(_("Mindestens ein Kriterium braucht ein Gewicht über 0."))
    saved = []
    for criterion in criteria:
        if criterion.weight == final[criterion.pk]:
            saved.append(criterion)
            continue
        saved.append(
            update_audited(
                actor=actor,
                instance=criterion,
                data={"weight": final[criterion.pk]},
                expected_version=criterion.version,
                municipality=municipality,
            )
        )
    return saved


# Rating rounds -------------------------------------------------------------------------------------------


def _check_round_members(municipality, measures: Iterable[Measure], raters: Iterable) -> tuple[list, list]:
    measures, raters = list(measures), list(raters)
    if any(m.municipality_id != municipality.pk for m in measures):
        raise ValidationError({"measures": _("Nur Maßnahmen dieser Kommune können bewertet werden.")})
    allowed = set(selectors.eligible_raters(municipality).values_list("pk", flat=True))
    if any(user.pk not in allowed for user in raters):
        raise ValidationError({"raters": _("Einladen lassen sich nur Mitglieder der Kommune mit einer Rolle im Team.")})
    return measures, raters


def _names(items: Iterable) -> str:
    return ", ".join(sorted(str(item) for item in items))


def _audit_round_members(*, actor, rating_round: RatingRound, before: dict[str, str]) -> None:
    after = {
        "measures": _names(rating_round.measures.all()),
        "raters": _names(user.display_name for user in rating_round.raters.all()),
    }
    changes = [
        {
            "field": name,
            "label": str(RatingRound._meta.get_field(name).verbose_name),
            "before": before.get(name, ""),
            "after": after[name],
        }
        for name in ("measures", "raters")
        if before.get(name, "") != after[name]
    ]
    if changes:
        audit_changes(actor=actor, instance=rating_round, changes=changes)


@transaction.atomic
def rating_round_create(
    *, actor, municipality: Municipality, title: str, measures: Iterable[Measure], raters: Iterable
) -> RatingRound:
    measures, raters = _check_round_members(municipality, measures, raters)
    Municipality.objects.select_for_update().filter(pk=municipality.pk).first()
    if RatingRound.objects.filter(municipality=municipality, status=RoundStatus.OPEN).exists():
        raise ValidationError(_("Es gibt bereits eine offene Bewertungsrunde. Bitte schließen Sie diese zuerst ab."))
    rating_round = create_audited(
        actor=actor,
        instance=RatingRound(municipality=municipality, title=title, opened_on=timezone.localdate()),
    )
    rating_round.measures.set(measures)
    rating_round.raters.set(raters)
    _audit_round_members(actor=actor, rating_round=rating_round, before={})
    return rating_round


def _lock_open(rating_round: RatingRound, expected_version: int | None) -> RatingRound:
    current = lock_current(rating_round, expected_version)
    if current.status != RoundStatus.OPEN:
        raise ValidationError(_("Die Runde ist abgeschlossen und lässt sich nicht mehr ändern."))
    return current


@transaction.atomic
def rating_round_update(
    *,
    actor,
    rating_round: RatingRound,
    title: str,
    measures: Iterable[Measure],
    raters: Iterable,
    expected_version: int | None,
) -> RatingRound:
    """Rename an open round and change its measures and raters. Ratings of people or measures taken out stay
    stored but no longer count."""
    current = _lock_open(rating_round, expected_version)
    measures, raters = _check_round_members(current.municipality, measures, raters)
    before = {
        "measures": _names(current.measures.all()),
        "raters": _names(user.display_name for user in current.raters.all()),
    }
    current = update_audited(actor=actor, instance=current, data={"title": title}, expected_version=current.version)
    current.measures.set(measures)
    current.raters.set(raters)
    _audit_round_members(actor=actor, rating_round=current, before=before)
    return current


@transaction.atomic
def ratings_save(
    *, actor, rating_round: RatingRound, measure: Measure, values: Mapping[int, int | None]
) -> dict[int, int]:
    """Store the acting rater's ratings of `measure`: criterion id → value on its scale, None = no rating."""
    current = RatingRound.objects.select_for_update().get(pk=rating_round.pk)
    if current.status != RoundStatus.OPEN:
        raise ValidationError(_("Die Runde ist abgeschlossen; Bewertungen lassen sich nicht mehr ändern."))
    if not current.raters.filter(pk=actor.pk).exists():
        raise ValidationError(_("Sie sind zu dieser Bewertungsrunde nicht eingeladen."))
    if not current.measures.filter(pk=measure.pk).exists():
        raise ValidationError(_("Diese Maßnahme gehört nicht zur Bewertungsrunde."))
    criteria = {c.pk: c for c in selectors.rated_criteria(current.municipality)}
    errors = {}
    for pk, value in values.items():
        criterion = criteria.get(pk)
        if criterion is None:
            errors[f"criterion_{pk}"] = _("Dieses Kriterium wird nicht bewertet.")
        elif value is not None and not (criterion.scale_min <= value <= criterion.scale_max):
            errors[f"criterion_{pk}"] = _("Bitte einen Wert von %(low)s bis %(high)s wählen.") % {
                "low": criterion.scale_min,
                "high": criterion.scale_max,
            }
    if errors:
        raise ValidationError(errors)
    existing = {r.criterion_id: r for r in Rating.objects.filter(rating_round=current, measure=measure, rater=actor)}
    changes = []
    for pk, value in values.items():
        rating = existing.get(pk)
        before = rating.value if rating else None
        if before == value:
            continue
        if value is None:
            rating.delete()
        elif rating is None:
            Rating.objects.create(
                rating_round=current, measure=measure, criterion=criteria[pk], rater=actor, value=value
            )
        else:
            rating.value = value
            rating.save(update_fields=["value", "updated_at"])
        changes.append(
            {
                "field": f"rating_{measure.pk}_{pk}",
                "label": _("Bewertung „%(measure)s“ – %(criterion)s (%(rater)s)")
                % {"measure": measure.title, "criterion": criteria[pk].name, "rater": actor.display_name},
                "before": before,
                "after": value,
            }
        )
    if changes:
        audit_changes(actor=actor, instance=current, changes=changes)
    return selectors.own_ratings(current, measure, actor)


@transaction.atomic
def rating_round_close(*, actor, rating_round: RatingRound, expected_version: int | None) -> Catalogue:
    """Close the round and freeze the ranked catalogue: criteria, weights, values and ranks as copies."""
    current = _lock_open(rating_round, expected_version)
    result = selectors.build_ranking(current.municipality, rating_round=current, use_current_round=False)
    if result.problem:
        raise ValidationError(result.problem)
    before = snapshot(current)
    today = timezone.localdate()
    current.status = RoundStatus.CLOSED
    current.closed_on = today
    current.version += 1
    current.full_clean()
    current.save()
    audit_record(actor=actor, instance=current, action=AuditAction.UPDATE, before=before)
    authenticated = actor is not None and actor.is_authenticated
    catalogue = create_audited(
        actor=actor,
        instance=Catalogue(
            municipality=current.municipality,
            rating_round=current,
            title=current.title,
            frozen_on=today,
            frozen_by=actor.display_name if authenticated else "System",
            criteria=[column.as_json() for column in result.columns],
            parameters={
                "sensitivity": ranking.SENSITIVITY,
                "stable_spread": ranking.STABLE_SPREAD,
                "tie_tolerance": ranking.TIE_TOLERANCE,
                "cost_years": COST_YEARS,
                "votes_available": result.votes_available,
            },
            raters=[user.display_name for user in current.raters.order_by("name", "email")],
        ),
    )
    CatalogueEntry.objects.bulk_create(
        [
            CatalogueEntry(
                catalogue=catalogue,
                measure_id=row.measure_id,
                position=position,
                title=row.title,
                reference=row.reference,
                rank=row.rank,
                score=row.score,
                rank_low=row.rank_low,
                rank_high=row.rank_high,
                stable=row.stable,
                cells=[cell.as_json() for cell in row.cells],
            )
            for position, row in enumerate(result.rows, start=1)
        ]
    )
    return catalogue


# Council adoption ------------------------------------------------------------------------------------------


@transaction.atomic
def catalogue_adopt(
    *,
    actor,
    catalogue: Catalogue,
    decided_on: datetime.date,
    reference: str,
    entries: Iterable[CatalogueEntry],
) -> CouncilResolution:
    """Record the council's resolution; the adopted measures move to "Beschlossen" (dated, with the Drucksache).

    Measures already beyond that (in Umsetzung …) keep their status; deleted measures are only recorded.
    """
    Catalogue.objects.select_for_update().filter(pk=catalogue.pk).first()
    if CouncilResolution.objects.filter(catalogue=catalogue).exists():
        raise ValidationError(_("Für diesen Katalog ist der Ratsbeschluss bereits erfasst."))
    entries = list(entries)
    if not entries:
        raise ValidationError({"entries": _("Bitte mindestens eine beschlossene Maßnahme auswählen.")})
    if any(entry.catalogue_id != catalogue.pk for entry in entries):
        raise ValidationError({"entries": _("Nur Maßnahmen dieses Katalogs können beschlossen werden.")})
    if decided_on > timezone.localdate():
        raise ValidationError({"decided_on": _("Das Beschlussdatum darf nicht in der Zukunft liegen.")})
    if decided_on < catalogue.frozen_on:
        raise ValidationError({"decided_on": _("Der Beschluss kann nicht vor dem Katalog liegen.")})
    authenticated = actor is not None and actor.is_authenticated
    resolution = create_audited(
        actor=actor,
        instance=CouncilResolution(
            catalogue=catalogue,
            decided_on=decided_on,
            reference=reference.strip(),
            recorded_by=actor if authenticated else None,
        ),
        municipality=catalogue.municipality,
    )
    resolution.entries.set(entries)
    audit_changes(
        actor=actor,
        instance=resolution,
        municipality=catalogue.municipality,
        changes=[
            {
                "field": "entries",
                "label": str(CouncilResolution._meta.get_field("entries").verbose_name),
                "before": "",
                "after": ", ".join(entry.title for entry in sorted(entries, key=lambda e: e.position)),
            }
        ],
    )
    note = _("Ratsbeschluss vom %(date)s, Drucksache %(reference)s") % {
        "date": decided_on.strftime("%d.%m.%Y"),
        "reference": resolution.reference,
    }
    measure_ids = [entry.measure_id for entry in entries if entry.measure_id is not None]
    for measure in Measure.objects.filter(pk__in=measure_ids, municipality=catalogue.municipality).order_by("pk"):
        if measure.status in ADOPTABLE_STATUSES:
            measure_update(
                actor=actor,
                measure=measure,
                data={"status": MeasureStatus.ADOPTED},
                expected_version=None,
                status_date=decided_on,
                status_note=note,
            )
    return resolution
