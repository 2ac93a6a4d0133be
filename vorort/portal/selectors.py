"""Reads for the public portal. Everything here is public by construction: published measures (is_public),
adopted visions, foci of municipalities with an adopted vision, public events and published lessons. Internal
reads (the workspace's lesson pages) take a municipality already scoped by `municipality_view`."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from vorort.events.models import Event
from vorort.events.selectors import municipality_public_events
from vorort.measures.models import Benefit, Measure, MeasureStatus
from vorort.network.models import ActionField, Municipality, Network, SizeClass, UserGroup, size_class_q
from vorort.network.selectors import visible_municipalities
from vorort.publishing.models import Publication
from vorort.resources.models import Involvement
from vorort.strategy.models import Focus, Goal, Indicator, Measurement, VisionState, VisionVersion
from vorort.strategy.selectors import current_vision, indicators_with_latest

from .models import Lesson

PAGE_SIZE = 25


# Municipalities and the network --------------------------------------------------------------------------------


def public_municipality(slug: str) -> Municipality:
    """Municipality names and slugs are public (the member list is)."""
    return get_object_or_404(Municipality.objects.select_related("network"), slug=slug)


def portal_networks() -> QuerySet[Network]:
    """Networks with their municipalities, each annotated with its number of public measures and lessons."""
    municipalities = Municipality.objects.annotate(
        public_measures=Count("measures", filter=Q(measures__is_public=True), distinct=True),
    ).order_by("name")
    return Network.objects.prefetch_related(Prefetch("municipalities", queryset=municipalities)).order_by("name")


def network_figures() -> dict[str, int]:
    """How much the portal holds: public measures, municipalities with one, published lessons, adoptions."""
    measures = Measure.objects.filter(is_public=True)
    return {
        "measures": measures.count(),
        "municipalities": measures.values("municipality").distinct().count(),
        "lessons": published_lessons().count(),
        "adoptions": Measure.objects.filter(source_measure__is_public=True).count(),
    }


# Measures -------------------------------------------------------------------------------------------------------


def public_measures() -> QuerySet[Measure]:
    return Measure.objects.filter(is_public=True)


def with_progress(queryset: QuerySet[Measure]) -> QuerySet[Measure]:
    """Measures annotated with their milestones (all, done): progress without a query per row."""
    return queryset.annotate(
        milestones_total=Count("milestones", distinct=True),
        milestones_done=Count("milestones", filter=Q(milestones__done=True), distinct=True),
    )


def latest_public_measures(limit: int = 6) -> list[Measure]:
    return list(public_measures().select_related("municipality", "action_field").order_by("-updated_at", "-id")[:limit])


def filter_choices() -> dict[str, Any]:
    """Choices for the public filters: action fields and user groups of all networks, municipalities."""
    several_networks = Network.objects.count() > 1
    fields = ActionField.objects.select_related("network").order_by("network__name", "order", "name")
    groups = UserGroup.objects.select_related("network").order_by("network__name", "order", "name")

    def label(item) -> str:
        return f"{item.name} ({item.network.name})" if several_networks else item.name

    return {
        "action_fields": [(item.pk, label(item)) for item in fields],
        "user_groups": [(item.pk, label(item)) for item in groups],
        "municipalities": list(Municipality.objects.order_by("name").values_list("slug", "name")),
        "size_classes": SizeClass.choices,
        "statuses": MeasureStatus.choices,
    }


def public_measure_list(filters: dict[str, Any]) -> QuerySet[Measure]:
    """Public measures of all municipalities, filtered; each row needs no further query."""
    queryset = with_progress(public_measures()).select_related("municipality", "action_field")
    if action_field := filters.get("handlungsfeld"):
        queryset = queryset.filter(Q(action_field=action_field) | Q(further_action_fields=action_field)).distinct()
    if size_class := filters.get("groesse"):
        queryset = queryset.filter(size_class_q(size_class, prefix="municipality__"))
    rural = filters.get("laendlich")
    if rural == "ja":
        queryset = queryset.filter(municipality__rural=True)
    elif rural == "nein":
        queryset = queryset.filter(municipality__rural=False)
    if status := filters.get("status"):
        queryset = queryset.filter(status=status)
    if group := filters.get("gruppe"):
        queryset = queryset.filter(
            Exists(Benefit.objects.filter(measure=OuterRef("pk"), user_group=group, strength__gte=1))
        )
    if slug := filters.get("kommune"):
        queryset = queryset.filter(municipality__slug=slug)
    return queryset.order_by("title", "id")


def municipality_measures(municipality: Municipality) -> QuerySet[Measure]:
    return (
        with_progress(public_measures().filter(municipality=municipality))
        .select_related("municipality", "action_field")
        .order_by("action_field__order", "title", "id")
    )


def status_summary(municipality: Municipality) -> list[tuple[str, str, int]]:
    """(status, label, number) of the municipality's public measures, for the statuses that occur; one query."""
    counted = dict(
        public_measures().filter(municipality=municipality).order_by().values_list("status").annotate(n=Count("id"))
    )
    return [(value, label, counted[value]) for value, label in MeasureStatus.choices if counted.get(value)]


def public_measure(municipality: Municipality, pk: int) -> Measure:
    """A public measure with everything its public page shows, in a fixed number of queries; else 404."""
    queryset = (
        with_progress(public_measures().filter(municipality=municipality))
        .select_related("municipality__network", "action_field", "source_measure__municipality")
        .prefetch_related(
            "further_action_fields",
            "partner_municipalities",
            Prefetch("benefits", queryset=Benefit.objects.select_related("user_group").filter(strength__gte=1)),
            Prefetch("involvements", queryset=Involvement.objects.select_related("partner").order_by("partner__name")),
        )
    )
    return get_object_or_404(queryset, pk=pk)


def adoption_count(measure: Measure) -> int:
    """How many other municipalities took this measure into their catalogue (public or not: only a number)."""
    return (
        Measure.objects.filter(source_measure=measure)
        .exclude(municipality_id=measure.municipality_id)
        .values("municipality_id")
        .distinct()
        .count()
    )


def public_adoptions(measure: Measure) -> list[Measure]:
    """The adopted copies that are themselves public (their municipality may be named)."""
    return list(
        public_measures()
        .filter(source_measure=measure)
        .exclude(municipality_id=measure.municipality_id)
        .select_related("municipality")
        .order_by("municipality__name", "id")
    )


def adoption_targets(user, source: Measure) -> list[Municipality]:
    """Municipalities `user` may add measures to, other than the source's own."""
    candidates = visible_municipalities(user).exclude(pk=source.municipality_id).order_by("name")
    return [municipality for municipality in candidates if user.has_perm("measures.change_measure", municipality)]


def adopted_copies(source: Measure, municipalities) -> list[Measure]:
    """The copies of `source` in `municipalities` (those the signed-in user works in)."""
    return list(
        Measure.objects.filter(source_measure=source, municipality__in=municipalities)
        .select_related("municipality")
        .order_by("municipality__name", "id")
    )


def existing_adoption(source: Measure, municipality: Municipality) -> Measure | None:
    return Measure.objects.filter(source_measure=source, municipality=municipality).order_by("id").first()


# Strategy: vision and foci -----------------------------------------------------------------------------------------


def adopted_vision(municipality: Municipality) -> VisionVersion | None:
    """The vision in force: the latest adopted version. Drafts are never public."""
    return current_vision(municipality)


def public_foci(municipality: Municipality, vision: VisionVersion | None) -> list[Focus]:
    """Foci with goals and indicators (latest value), shown once the municipality has adopted a vision: they
    follow from it. Without an adopted vision the foci are still work in progress and stay internal."""
    if vision is None:
        return []
    goals = Goal.objects.order_by("order", "id").prefetch_related(
        Prefetch("indicators", queryset=indicators_with_latest())
    )
    return list(
        Focus.objects.filter(municipality=municipality)
        .select_related("action_field")
        .prefetch_related(Prefetch("goals", queryset=goals))
        .order_by("action_field__order", "action_field__name", "order", "title", "id")
    )


def _vision_adopted(municipality_path: str) -> Exists:
    """True where the municipality at `municipality_path` has adopted a vision: the rule of `public_foci`."""
    return Exists(VisionVersion.objects.filter(municipality=OuterRef(municipality_path), state=VisionState.ADOPTED))


def public_indicators() -> QuerySet[Indicator]:
    """The indicators the portal shows (see `public_foci`): those under the foci of municipalities with an adopted
    vision, annotated with their latest measurement."""
    return indicators_with_latest().filter(_vision_adopted("goal__focus__municipality"))


def public_measurements() -> QuerySet[Measurement]:
    """The measured values of the public indicators (value and date; the notes stay internal)."""
    return Measurement.objects.filter(_vision_adopted("indicator__goal__focus__municipality"))


# Events -------------------------------------------------------------------------------------------------------------


def public_events() -> QuerySet[Event]:
    """Every public event of every network, past and future (the public calendar's content)."""
    return Event.objects.filter(is_public=True)


def upcoming_public_events(municipality: Municipality | None = None, limit: int = 5) -> list[Event]:
    events = municipality_public_events(municipality) if municipality is not None else public_events()
    return list(
        events.filter(ends_at__gte=timezone.now())
        .select_related("municipality", "network")
        .order_by("starts_at")[:limit]
    )


# Publications --------------------------------------------------------------------------------------------------------


def published_publications_of(municipality: Municipality, limit: int = 10) -> list[Publication]:
    """The municipality's published documents, newest first."""
    published = Publication.objects.filter(municipality=municipality, is_public=True)
    return list(published.order_by("-created_at", "-id")[:limit])


# Lessons ------------------------------------------------------------------------------------------------------------


def published_lessons() -> QuerySet[Lesson]:
    """Public lessons whose measure and event (if any) are public too."""
    return Lesson.objects.filter(
        Q(measure__isnull=True) | Q(measure__is_public=True),
        Q(event__isnull=True) | Q(event__is_public=True),
        is_public=True,
    )


def published_lesson_list(filters: dict[str, Any]) -> QuerySet[Lesson]:
    queryset = published_lessons().select_related("municipality", "measure", "event")
    if slug := filters.get("kommune"):
        queryset = queryset.filter(municipality__slug=slug)
    if action_field := filters.get("handlungsfeld"):
        queryset = queryset.filter(measure__action_field=action_field)
    return queryset.order_by("-created_at", "-id")


def latest_lessons(limit: int = 4) -> list[Lesson]:
    return list(published_lessons().select_related("municipality", "measure").order_by("-created_at", "-id")[:limit])


def published_lessons_of(municipality: Municipality, limit: int | None = None) -> list[Lesson]:
    queryset = (
        published_lessons()
        .filter(municipality=municipality)
        .select_related("municipality", "measure", "event")
        .order_by("-created_at", "-id")
    )
    return list(queryset[:limit] if limit else queryset)


def published_lessons_of_measure(measure: Measure) -> list[Lesson]:
    return list(
        published_lessons()
        .filter(measure=measure)
        .select_related("municipality", "event")
        .order_by("-created_at", "-id")
    )


def published_lesson(municipality: Municipality, pk: int) -> Lesson:
    return get_object_or_404(
        published_lessons().select_related("municipality", "measure", "event"), municipality=municipality, pk=pk
    )


def lessons_of(municipality: Municipality) -> QuerySet[Lesson]:
    """All lessons of a municipality, for its workspace."""
    return (
        Lesson.objects.filter(municipality=municipality)
        .select_related("measure", "event", "created_by")
        .order_by("-created_at", "-id")
    )


def lesson_in(municipality: Municipality, pk: int) -> Lesson:
    return get_object_or_404(
        Lesson.objects.select_related("municipality__network", "measure", "event"), municipality=municipality, pk=pk
    )


def lesson_measure_choices(municipality: Municipality) -> QuerySet[Measure]:
    return Measure.objects.filter(municipality=municipality).only("id", "title").order_by("title", "id")


def lesson_event_choices(municipality: Municipality) -> QuerySet[Event]:
    """The municipality's own events and the events of its network."""
    return (
        Event.objects.filter(Q(municipality=municipality) | Q(municipality__isnull=True, network=municipality.network))
        .only("id", "title", "starts_at")
        .order_by("-starts_at", "id")
    )
