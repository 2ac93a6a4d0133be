"""Reads about users and their roles, scoped by the acting user."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import QuerySet

from .models import INTERNAL_ROLES, Invitation, Membership, Role

_CACHE_ATTR = "_vorort_role_map"


@dataclass(frozen=True)
class RoleMap:
    """Everything the permission predicates need, read in one query per request."""

    admin_networks: frozenset[int] = frozenset()
    roles: dict[int, str] = field(default_factory=dict)  # municipality id -> role
    networks: dict[int, int] = field(default_factory=dict)  # municipality id -> network id

    def role_in(self, municipality_id: int | None) -> str | None:
        return self.roles.get(municipality_id) if municipality_id is not None else None

    @property
    def internal_municipality_ids(self) -> list[int]:
        return [mid for mid, role in self.roles.items() if role in INTERNAL_ROLES]

    @property
    def is_coach(self) -> bool:
        return Role.COACH in self.roles.values()


def role_map(user) -> RoleMap:
    if user is None or not user.is_authenticated or not user.is_active:
        return RoleMap()
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is None:
        admin, roles, networks = set(), {}, {}
        for network_id, municipality_id, role in Membership.objects.filter(user=user).values_list(
            "network_id", "municipality_id", "role"
        ):
            if municipality_id is None:
                admin.add(network_id)
            else:
                roles[municipality_id] = role
                networks[municipality_id] = network_id
        cached = RoleMap(frozenset(admin), roles, networks)
        setattr(user, _CACHE_ATTR, cached)
    return cached


def forget_role_map(user) -> None:
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def members_of(municipality) -> QuerySet[Membership]:
    """Memberships of a municipality; the caller has checked the acting user may see it."""
    return (
        Membership.objects.filter(municipality=municipality)
        .exclude(role=Role.PARTICIPANT)
        .select_related("user")
        .order_by("role", "user__name", "user__email")
    )


def membership_in(municipality, pk) -> Membership:
    from django.shortcuts import get_object_or_404

    return get_object_or_404(members_of(municipality), pk=pk)


def invitations_of(municipality) -> QuerySet[Invitation]:
    return Invitation.objects.filter(municipality=municipality).select_related("invited_by")


def assignable_owners(municipality):
    """People who may own a milestone: the municipality's internal members."""
    from .models import User

    return User.objects.filter(
        memberships__municipality=municipality, memberships__role__in=INTERNAL_ROLES, is_active=True
    ).distinct()
