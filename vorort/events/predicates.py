"""Who may see and manage an event. The event names its host (network or municipality); nothing else is trusted.

The same rules exist as a query in `selectors.visible_events`; tests check that both agree.
"""

from __future__ import annotations

import rules

from vorort.accounts.models import INTERNAL_ROLES, Role
from vorort.accounts.selectors import role_map


def coached_networks(user) -> set[int]:
    roles = role_map(user)
    return {roles.networks[mid] for mid, role in roles.roles.items() if role == Role.COACH}


def participating_ids(event) -> set[int]:
    """Ids of the event's participating municipalities, read once per event object."""
    cached = getattr(event, "_participating_ids", None)
    if cached is None:
        cached = set(event.participating_municipalities.values_list("pk", flat=True))
        event._participating_ids = cached
    return cached


@rules.predicate
def is_event_host_reader(user, event) -> bool:
    """Internal readers of the host: they see internal events and the whole documentation."""
    if event is None:
        return False
    roles = role_map(user)
    if event.network_id in roles.admin_networks:
        return True
    if event.municipality_id is not None:
        return roles.role_in(event.municipality_id) in INTERNAL_ROLES
    if event.network_id in coached_networks(user):
        return True
    internal = set(roles.internal_municipality_ids)
    return bool(internal) and bool(internal & participating_ids(event))


@rules.predicate
def is_public_event(user, event) -> bool:
    return event is not None and event.is_public


@rules.predicate
def is_event_manager(user, event) -> bool:
    """The organisers: the network admin for network events, editors and up for a municipality's events."""
    if event is None:
        return False
    roles = role_map(user)
    if event.network_id in roles.admin_networks:
        return True
    if event.municipality_id is None:
        return False
    return roles.role_in(event.municipality_id) in (Role.COACH, Role.COORDINATOR, Role.EDITOR)


@rules.predicate
def is_event_publisher(user, event) -> bool:
    """Who may make an event or its documentation public: network admin, or the host's coordination."""
    if event is None:
        return False
    roles = role_map(user)
    if event.network_id in roles.admin_networks:
        return True
    return event.municipality_id is not None and roles.role_in(event.municipality_id) == Role.COORDINATOR


@rules.predicate
def has_public_documentation(user, event) -> bool:
    return event is not None and event.is_public and event.documentation_public


can_view_event = is_public_event | is_event_host_reader
can_view_documentation = is_event_host_reader | has_public_documentation
