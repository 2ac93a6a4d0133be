"""Workshop kit: a printable A4 handout and A3 posters for analog formats, with QR codes into the online part.

Each QR code is made with segno and embedded as an SVG ``data:`` URI; the address it encodes is printed as text
beneath it, so people without a camera can type it.
"""

from __future__ import annotations

from dataclasses import dataclass

import segno
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from vorort.core.pdf import render_pdf

from . import selectors
from .models import Event, WorkshopTopic

FORMATS = ("a4", "a3")
# The participation app's public pages: one participation, and one measure inside it.
PARTICIPATION_URL_NAME = "participation:participation"
PARTICIPATION_MEASURE_URL_NAME = "participation:measure"


def qr_data_uri(url: str) -> str:
    """The QR code of `url` as an SVG data URI (error correction M, quiet zone of 4 modules)."""
    return segno.make(url, error="m", boost_error=False).svg_data_uri(scale=1, border=4, dark="#000", light="#fff")


def open_participation(municipality):
    """The municipality's participation that is open today, if the participation app is there; else None."""
    if municipality is None:
        return None
    try:
        from vorort.participation.models import Participation, ParticipationState
    except ImportError:
        return None
    today = timezone.localdate()
    return (
        Participation.objects.filter(
            municipality=municipality, state=ParticipationState.OPEN, starts_on__lte=today, ends_on__gte=today
        )
        .prefetch_related("measures")
        .order_by("-starts_on", "-id")
        .first()
    )


def participation_url(participation, request, measure=None) -> str | None:
    """Absolute address of the participation's public page (of the measure in it, if it is up for a vote there);
    None if the participation app offers no such page."""
    kwargs = {"slug": participation.municipality.slug, "pk": participation.pk}
    candidates = []
    if measure is not None and any(m.pk == measure.pk for m in participation.measures.all()):
        candidates.append((PARTICIPATION_MEASURE_URL_NAME, {**kwargs, "measure_pk": measure.pk}))
    candidates.append((PARTICIPATION_URL_NAME, kwargs))
    for name, values in candidates:
        try:
            return request.build_absolute_uri(reverse(name, kwargs=values))
        except NoReverseMatch:
            continue
    return None


def event_url(event: Event, request) -> str:
    return request.build_absolute_uri(reverse("events:public_detail", kwargs={"pk": event.pk}))


def measure_url(measure, request) -> str:
    return request.build_absolute_uri(
        reverse("measures:measure", kwargs={"slug": measure.municipality.slug, "pk": measure.pk})
    )


@dataclass(frozen=True)
class KitTopic:
    topic: WorkshopTopic
    target: str
    qr: str


def build_context(event: Event, request, page_format: str) -> dict:
    """Everything the kit template shows. QR targets: the host's open online participation (for a measure that is
    up for a vote there: its page in the participation), else the measure page or, for a question, the event page."""
    participation = open_participation(event.municipality)
    main_participation = participation_url(participation, request) if participation is not None else None
    main_target = main_participation or event_url(event, request)
    topics = []
    for topic in selectors.topics_of(event).select_related("measure__municipality"):
        target = None
        if participation is not None:
            target = participation_url(participation, request, measure=topic.measure)
        if target is None:
            target = measure_url(topic.measure, request) if topic.measure_id is not None else event_url(event, request)
        topics.append(KitTopic(topic=topic, target=target, qr=qr_data_uri(target)))
    return {
        "event": event,
        "format": page_format if page_format in FORMATS else "a4",
        "agenda": list(selectors.agenda_of(event)),
        "topics": topics,
        "main_target": main_target,
        "main_qr": qr_data_uri(main_target),
        "has_participation": main_participation is not None,
        "dot_boxes": range(10),
    }


def render_kit(event: Event, request, page_format: str) -> bytes:
    return render_pdf("events/kit.html", build_context(event, request, page_format))
