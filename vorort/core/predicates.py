"""Shared django-rules predicates. Objects name their municipality; nothing else is trusted."""

from __future__ import annotations

import rules

from vorort.accounts.models import Role
from vorort.accounts.selectors import role_map


def tenant_of(obj) -> tuple[int | None, int | None]:
    """(municipality id, network id) of a Municipality, Network or any object with `.municipality`."""
    if obj is None:
        return None, None
    label = obj._meta.label
    if label == "network.Network":
        return None, obj.pk
    if label == "network.Municipality":
        return obj.pk, obj.network_id
    municipality = obj.municipality
    return municipality.pk, municipality.network_id


@rules.predicate
def is_network_admin(user, obj=None) -> bool:
    roles = role_map(user)
    if obj is None:
        return bool(roles.admin_networks)
    _, network_id = tenant_of(obj)
    return network_id in roles.admin_networks


def has_role(*allowed: str):
    names = "_or_".join(allowed)

    @rules.predicate(name=f"has_role_{names}")
    def predicate(user, obj=None) -> bool:
        if obj is None:
            return False
        municipality_id, _ = tenant_of(obj)
        return role_map(user).role_in(municipality_id) in allowed

    return predicate


is_coordinator = has_role(Role.COORDINATOR)
is_coach = has_role(Role.COACH)
is_editor = has_role(Role.EDITOR)
is_viewer = has_role(Role.VIEWER)


@rules.predicate
def is_any_coach(user) -> bool:
    return role_map(user).is_coach


# The three levels of access inside a municipality, used by every app's rules.
can_read_internal = is_network_admin | is_coach | is_coordinator | is_editor | is_viewer
can_edit_content = is_network_admin | is_coach | is_coordinator | is_editor
can_manage_municipality = is_network_admin | is_coordinator
