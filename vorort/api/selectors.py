"""Reads for the API: tokens, and the public lists and details with their rows prefetched.

Visibility is never decided here: public data comes from the portal's and the events app's selectors
(`public_measure_list`, `published_lessons`, `public_events`, `public_foci` …), internal data from the measures
app's selectors for a municipality the caller has already scoped with `municipality_for`.
"""

from __future__ import annotations

import datetime
import hashlib
from typing import Any

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from vorort.events import selectors as events
from vorort.events.models import Event
from vorort.measures import selectors as measures
from vorort.measures.models import Benefit, Measure
from vorort.network.models import ActionField, Municipality, size_class_q
from vorort.network.selectors import visible_municipalities
from vorort.portal import selectors as portal
from vorort.portal.models import Lesson
from vorort.resources.models import Involvement
from vorort.strategy import selectors as strategy
from vorort.strategy.models import Indicator, Measurement

from .models import ApiToken

SECRET_PREFIX = "vo_"


# Tokens ---------------------------------------------------------------------------------------------------------


def token_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


def tokens_of(user) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user).order_by("-created_at", "-id")


def token_of(user, pk: int) -> ApiToken:
    return get_object_or_404(tokens_of(user), pk=pk)


def active_token(raw: str) -> ApiToken | None:
    """The token with this secret if it is neither revoked nor expired and its person may still sign in."""
    if not raw.startswith(SECRET_PREFIX) or len(raw) > 200:
        return None
    token = ApiToken.objects.select_related("user").filter(token_hash=token_hash(raw)).first()
    if token is None or not token.is_active_at(timezone.now()) or not token.user.is_active:
        return None
    return token


# Municipalities ---------------------------------------------------------------------------------------------------


def municipality_list(*, network: str = "", size_class: str = "", rural: bool | None = None) -> QuerySet[Municipality]:
    """Member municipalities (public, like the portal's member list) with their number of public measures."""
    public_count = (
        portal.public_measures()
        .filter(municipality=OuterRef("pk"))
        .order_by()
        .values("municipality")
        .annotate(n=Count("id"))
        .values("n")
    )
    queryset = Municipality.objects.select_related("network").annotate(
        public_measure_count=Coalesce(Subquery(public_count, output_field=IntegerField()), Value(0))
    )
    if network:
        queryset = queryset.filter(network__slug=network)
    if size_class:
        queryset = queryset.filter(size_class_q(size_class))
    if rural is not None:
        queryset = queryset.filter(rural=rural)
    return queryset.order_by("name", "id")


def municipality_detail(slug: str) -> Municipality:
    return get_object_or_404(municipality_list(), slug=slug)


def adopted_vision(municipality: Municipality):
    """The vision in force (drafts are never public)."""
    return portal.adopted_vision(municipality)


def public_indicators(municipality: Municipality) -> list[dict[str, Any]]:
    """Indicators of the municipality's published strategy (foci of an adopted vision), one row each."""
    rows = []
    for focus in portal.public_foci(municipality, portal.adopted_vision(municipality)):
        for goal in focus.goals.all():
            for indicator in goal.indicators.all():
                rows.append({"indicator": indicator, "goal": goal, "focus": focus})
    return rows


# Measures ---------------------------------------------------------------------------------------------------------


def _with_rows(queryset: QuerySet[Measure], *, public: bool) -> QuerySet[Measure]:
    """Everything a measure's JSON shows, in a fixed number of queries however many rows there are."""
    benefits = Benefit.objects.select_related("user_group").order_by("user_group__order", "user_group__name")
    if public:  # the portal shows only benefits of some strength
        benefits = benefits.filter(strength__gte=1)
    return queryset.select_related("municipality", "action_field").prefetch_related(
        Prefetch("further_action_fields", queryset=ActionField.objects.order_by("order", "name")),
        Prefetch("partner_municipalities", queryset=Municipality.objects.order_by("name")),
        Prefetch("benefits", queryset=benefits),
    )


def _field_filter(queryset: QuerySet[Measure], action_field: str) -> QuerySet[Measure]:
    return queryset.filter(Q(action_field__slug=action_field) | Q(further_action_fields__slug=action_field)).distinct()


def public_measure_list(
    *, municipality: str = "", action_field: str = "", status: str = "", user_group: int | None = None
) -> QuerySet[Measure]:
    """Published measures of all municipalities (the portal's list), filtered."""
    queryset = portal.public_measure_list({"kommune": municipality, "status": status, "gruppe": user_group})
    if action_field:
        queryset = _field_filter(queryset, action_field)
    return _with_rows(queryset, public=True)


def public_measure(pk: int) -> Measure:
    queryset = _with_rows(portal.with_progress(portal.public_measures()), public=True).prefetch_related(
        Prefetch("involvements", queryset=Involvement.objects.select_related("partner").order_by("partner__name"))
    )
    return get_object_or_404(queryset, pk=pk)


def internal_measure_list(
    municipality: Municipality,
    *,
    action_field: str = "",
    status: str = "",
    user_group: int | None = None,
    public: bool | None = None,
) -> QuerySet[Measure]:
    """All measures of a municipality the caller may read internally (measures.view_measure), filtered."""
    filters: dict[str, Any] = {"status": status, "gruppe": user_group}
    if public is not None:
        filters["oeffentlich"] = "ja" if public else "nein"
    queryset = portal.with_progress(measures.measure_list(municipality, filters))
    if action_field:
        queryset = _field_filter(queryset, action_field)
    return _with_rows(queryset, public=False).select_related("focus")


def internal_measure(municipality: Municipality, pk: int) -> Measure:
    queryset = _with_rows(portal.with_progress(measures.measures_of(municipality)), public=False)
    return get_object_or_404(queryset.select_related("focus").prefetch_related("goals"), pk=pk)


def action_field_of(municipality: Municipality, slug: str) -> ActionField | None:
    return measures.action_fields_for(municipality).filter(slug=slug).first()


def action_fields_of(municipality: Municipality, slugs: list[str]) -> dict[str, ActionField]:
    return {field.slug: field for field in measures.action_fields_for(municipality).filter(slug__in=slugs)}


def workspace_municipalities(user) -> QuerySet[Municipality]:
    return visible_municipalities(user).order_by("name", "id")


# Lessons and events -------------------------------------------------------------------------------------------------


def public_lesson_list(*, municipality: str = "", action_field: str = "") -> QuerySet[Lesson]:
    queryset = portal.published_lesson_list({"kommune": municipality})
    if action_field:
        queryset = queryset.filter(measure__action_field__slug=action_field)
    return queryset


def public_lesson(pk: int) -> Lesson:
    return get_object_or_404(portal.published_lessons().select_related("municipality", "measure", "event"), pk=pk)


def internal_lesson_list(
    municipality: Municipality, *, public: bool | None = None, measure: int | None = None
) -> QuerySet[Lesson]:
    """All lessons of a municipality the caller may read internally (portal.view_lessons), filtered."""
    queryset = portal.lessons_of(municipality).select_related("municipality")
    if public is not None:
        queryset = queryset.filter(is_public=public)
    if measure is not None:
        queryset = queryset.filter(measure_id=measure)
    return queryset


def internal_lesson(municipality: Municipality, pk: int) -> Lesson:
    return portal.lesson_in(municipality, pk)


def lesson_measure(pk: int | None) -> Measure | None:
    """The measure a lesson should link to, whichever town it belongs to: the portal's service checks that."""
    return None if pk is None else Measure.objects.filter(pk=pk).first()


def lesson_event(pk: int | None) -> Event | None:
    return None if pk is None else Event.objects.filter(pk=pk).first()


def public_event_list(*, municipality: str = "", period: str = events.UPCOMING) -> QuerySet[Event]:
    if municipality:
        town = events.municipality_or_none(municipality)
        if town is None:
            return Event.objects.none()
        queryset = events.municipality_public_events(town)
    else:
        queryset = events.public_events()
    return events.in_period(queryset, period)


def public_event(pk: int) -> Event:
    return get_object_or_404(events.public_events(), pk=pk)


# Indicators and measurements -----------------------------------------------------------------------------------------


def internal_indicator_list(municipality: Municipality) -> QuerySet[Indicator]:
    """All indicators of a municipality (also of a strategy not yet adopted) with their latest value."""
    return (
        strategy.indicators_with_latest()
        .filter(municipality=municipality)
        .select_related("municipality", "goal__focus__action_field")
    )


def internal_indicator(municipality: Municipality, pk: int) -> Indicator:
    return strategy.indicator_in(municipality, pk)


def strategy_is_public(municipality: Municipality) -> bool:
    """The portal shows a municipality's indicators once it has adopted a vision (see portal.public_foci)."""
    return portal.adopted_vision(municipality) is not None


def measurement_list(
    indicator: Indicator, *, since: datetime.date | None = None, until: datetime.date | None = None
) -> QuerySet[Measurement]:
    """An indicator's measurements, oldest first (like the indicator's page), within the dates given."""
    queryset = Measurement.objects.filter(indicator=indicator)
    if since is not None:
        queryset = queryset.filter(measured_on__gte=since)
    if until is not None:
        queryset = queryset.filter(measured_on__lte=until)
    return queryset.order_by("measured_on", "id")


def measurement_on(indicator: Indicator, day: datetime.date) -> Measurement | None:
    return Measurement.objects.filter(indicator=indicator, measured_on=day).first()
