"""Reads for publications. Views pass a `Scope` built from a municipality checked by `municipality_view` or from
the network of `network_admin_view`; every query stays inside it. Public reads only ever return published
versions."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone

from vorort.events.models import Event
from vorort.measures.models import Measure
from vorort.network.models import Municipality, Network

from .models import STALE_AFTER, Foreword, JobStatus, Publication, PublicationJob

# From this many measures on, the strategy takes longer than about two seconds to generate in this format (PDF:
# about 0,15 s per measure plus a second, DOCX about 0,02 s per measure, see bench/publish.py): it is generated
# in the background. HTML stays fast at any size.
BACKGROUND_FROM_MEASURES = {"pdf": 8, "docx": 80}
RECENT_EVENTS = 12


@dataclass(frozen=True)
class Scope:
    """Whose documents: a municipality's (workspace) or the network's own (municipality None)."""

    network: Network
    municipality: Municipality | None = None

    @classmethod
    def of_municipality(cls, municipality: Municipality) -> Scope:
        return cls(network=municipality.network, municipality=municipality)

    @classmethod
    def of_network(cls, network: Network) -> Scope:
        return cls(network=network)

    @property
    def is_network(self) -> bool:
        return self.municipality is None

    @property
    def prefix(self) -> str:
        return "n_" if self.is_network else "m_"

    @property
    def name(self) -> str:
        return self.network.name if self.is_network else self.municipality.name

    @property
    def filter(self) -> dict:
        return {"network": self.network, "municipality": self.municipality}

    def url(self, name: str, **kwargs) -> str:
        if not self.is_network:
            kwargs = {"slug": self.municipality.slug, **kwargs}
        return reverse(f"publishing:{self.prefix}{name}", kwargs=kwargs)


# Versions ----------------------------------------------------------------------------------------------------


def publications_of(scope: Scope) -> QuerySet[Publication]:
    return (
        Publication.objects.filter(**scope.filter)
        .select_related("author", "published_by", "event")
        .order_by("-created_at", "-id")
    )


def publication_in(scope: Scope, pk: int) -> Publication:
    return get_object_or_404(publications_of(scope).select_related("network", "municipality"), pk=pk)


def municipality_publication_in(municipality, pk: int) -> Publication:
    """For the "Verlauf" page of a version."""
    return get_object_or_404(Publication, municipality=municipality, pk=pk)


def event_publications(scope: Scope, event: Event) -> QuerySet[Publication]:
    return publications_of(scope).filter(event=event)


# Foreword ----------------------------------------------------------------------------------------------------


def foreword_of(municipality) -> Foreword | None:
    return Foreword.objects.filter(municipality=municipality).first()


def foreword_in(municipality, pk: int) -> Foreword:
    return get_object_or_404(Foreword, municipality=municipality, pk=pk)


# Events ------------------------------------------------------------------------------------------------------


def scope_events(scope: Scope) -> QuerySet[Event]:
    """Events the scope hosts: the municipality's own, or the network's own."""
    return Event.objects.filter(**scope.filter)


def event_in(scope: Scope, pk: int) -> Event:
    return get_object_or_404(scope_events(scope).select_related("network", "municipality"), pk=pk)


def recent_events(scope: Scope, limit: int = RECENT_EVENTS) -> list[Event]:
    """The events that have begun, newest first (those with a documentation to publish)."""
    return list(scope_events(scope).filter(starts_at__lte=timezone.now()).order_by("-starts_at", "-id")[:limit])


# Jobs --------------------------------------------------------------------------------------------------------


def jobs_of(scope: Scope) -> QuerySet[PublicationJob]:
    return PublicationJob.objects.filter(**scope.filter).select_related("requested_by", "publication", "event")


def job_in(scope: Scope, pk: int) -> PublicationJob:
    return get_object_or_404(jobs_of(scope).select_related("network", "municipality"), pk=pk)


def active_jobs(scope: Scope, limit: int = 10) -> list[PublicationJob]:
    fresh = timezone.now() - STALE_AFTER
    return list(
        jobs_of(scope)
        .filter(status__in=[JobStatus.QUEUED, JobStatus.RUNNING], updated_at__gte=fresh)
        .order_by("-created_at", "-id")[:limit]
    )


def running_job(scope: Scope, *, kind: str, format: str, audience: str, mode: str, event=None):
    """A job for the same document that is still under way (it is reused instead of starting another)."""
    fresh = timezone.now() - STALE_AFTER
    return (
        jobs_of(scope)
        .filter(
            kind=kind,
            format=format,
            audience=audience,
            mode=mode,
            event=event,
            status__in=[JobStatus.QUEUED, JobStatus.RUNNING],
            updated_at__gte=fresh,
        )
        .order_by("-created_at", "-id")
        .first()
    )


def needs_background(spec) -> bool:
    """Strategies with many measures take longer than about two seconds (see BACKGROUND_FROM_MEASURES)."""
    from .models import PublicationKind

    limit = BACKGROUND_FROM_MEASURES.get(spec.format)
    if spec.kind != PublicationKind.STRATEGY or limit is None:
        return False
    measures = Measure.objects.filter(municipality=spec.municipality)
    if spec.public:
        measures = measures.filter(is_public=True)
    return measures.count() >= limit


# Public ------------------------------------------------------------------------------------------------------


def public_publications() -> QuerySet[Publication]:
    return Publication.objects.filter(is_public=True).select_related("network", "municipality", "event")


def published_of_municipality(municipality) -> QuerySet[Publication]:
    """Published versions about a municipality: its own documents and its events' documentation."""
    return public_publications().filter(municipality=municipality).order_by("-created_at", "-id")


def published_of_network(network) -> QuerySet[Publication]:
    return public_publications().filter(network=network, municipality__isnull=True).order_by("-created_at", "-id")


def public_publication(pk: int) -> Publication:
    return get_object_or_404(public_publications(), pk=pk)


def public_municipality(slug: str) -> Municipality:
    """Municipality names and slugs are public (the member list is)."""
    return get_object_or_404(Municipality.objects.select_related("network"), slug=slug)


def public_network(slug: str) -> Network:
    return get_object_or_404(Network, slug=slug)
