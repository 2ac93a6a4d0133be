"""Writes for the network, its municipalities and action fields."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Max

from vorort.core.services import create_audited, update_audited
from vorort.search.services import search_index_update

from .models import DEFAULT_ACTION_FIELDS, DEFAULT_USER_GROUPS, ActionField, Municipality, Network, UserGroup


@transaction.atomic
def network_ensure_defaults(*, actor, network: Network) -> None:
    """Give a network the default action fields, user groups and phases, once each."""
    from vorort.process.services import phase_definitions_ensure_defaults
    from vorort.strategy.services import questionnaire_ensure_defaults

    if not network.action_fields.exists():
        for order, (name, slug, colour, description) in enumerate(DEFAULT_ACTION_FIELDS, start=1):
            create_audited(
                actor=actor,
                instance=ActionField(
                    network=network, name=name, slug=slug, colour=colour, description=description, order=order
                ),
            )
    if not network.user_groups.exists():
        for order, (name, description) in enumerate(DEFAULT_USER_GROUPS, start=1):
            create_audited(
                actor=actor,
                instance=UserGroup(network=network, name=name, description=description, order=order),
            )
    phase_definitions_ensure_defaults(actor=actor, network=network)
    questionnaire_ensure_defaults(actor=actor, network=network)


@transaction.atomic
def municipality_create(*, actor, network: Network, **fields: Any) -> Municipality:
    """A new member municipality, with its strategy process and all phases."""
    from vorort.process.services import process_create

    municipality = create_audited(actor=actor, instance=Municipality(network=network, **fields))
    process_create(actor=actor, municipality=municipality)
    return municipality


@transaction.atomic
def municipality_update(
    *, actor, municipality: Municipality, data: dict[str, Any], expected_version: int | None
) -> Municipality:
    municipality = update_audited(actor=actor, instance=municipality, data=data, expected_version=expected_version)
    search_index_update(municipality)
    return municipality


@transaction.atomic
def action_field_create(*, actor, network: Network, **fields: Any) -> ActionField:
    if fields.get("order") is None:
        fields["order"] = (network.action_fields.aggregate(m=Max("order"))["m"] or 0) + 1
    return create_audited(actor=actor, instance=ActionField(network=network, **fields))


@transaction.atomic
def action_field_update(*, actor, action_field: ActionField, data: dict[str, Any]) -> ActionField:
    action_field = update_audited(actor=actor, instance=action_field, data=data)
    search_index_update(action_field)
    return action_field
