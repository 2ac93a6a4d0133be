"""Reads about the network and its municipalities, scoped by the acting user."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from vorort.accounts.selectors import role_map

from .models import ActionField, Municipality, Network, size_class_q


def visible_municipalities(user) -> QuerySet[Municipality]:
    """Municipalities whose internal workspace `user` may open."""
    roles = role_map(user)
    condition = Q(network_id__in=roles.admin_networks) | Q(pk__in=roles.internal_municipality_ids)
    if not roles.admin_networks and not roles.internal_municipality_ids:
        return Municipality.objects.none()
    return Municipality.objects.filter(condition).select_related("network")


def municipality_for(user, slug: str) -> Municipality:
    return get_object_or_404(visible_municipalities(user), slug=slug)


def cockpit_municipalities(user, *, size_class: str = "", rural: str = "") -> QuerySet[Municipality]:
    """Municipalities in the cockpit: all of the admin's networks, a coach's assigned ones."""
    roles = role_map(user)
    from vorort.accounts.models import Role

    coached = [mid for mid, role in roles.roles.items() if role == Role.COACH]
    queryset = Municipality.objects.filter(Q(network_id__in=roles.admin_networks) | Q(pk__in=coached))
    if size_class:
        queryset = queryset.filter(size_class_q(size_class))
    if rural == "ja":
        queryset = queryset.filter(rural=True)
    elif rural == "nein":
        queryset = queryset.filter(rural=False)
    return queryset.select_related("network").order_by("name")


def administered_network(user) -> Network | None:
    """The network the user administers (the first, if several), else None."""
    roles = role_map(user)
    if not roles.admin_networks:
        return None
    return Network.objects.filter(pk__in=roles.admin_networks).order_by("pk").first()


def network_of_user(user) -> Network | None:
    """The network the user works in: administered, or that of their first municipality."""
    network = administered_network(user)
    if network is not None:
        return network
    roles = role_map(user)
    if roles.networks:
        return Network.objects.filter(pk__in=set(roles.networks.values())).order_by("pk").first()
    return None


def administered_network_or_403(user) -> Network:
    network = administered_network(user)
    if network is None:
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied
    return network


def action_fields_of(network: Network) -> QuerySet[ActionField]:
    return ActionField.objects.filter(network=network).order_by("order", "name")


def action_field_in(network: Network, pk: int) -> ActionField:
    return get_object_or_404(action_fields_of(network), pk=pk)


def public_networks() -> QuerySet[Network]:
    """Networks and their member list are public information (names, county, size)."""
    return Network.objects.prefetch_related("municipalities").order_by("name")


def municipalities_of(network: Network) -> QuerySet[Municipality]:
    return Municipality.objects.filter(network=network).order_by("name")


def municipality_in(network: Network, pk: int) -> Municipality:
    return get_object_or_404(municipalities_of(network), pk=pk)
