"""Knowledge transfer in the demo network: measures one town adopts from another through the portal, and lessons
learned (Wissen) about measures, formats and the strategy process.

Adoptions go through `measure_adopt` (an Idee with its origin); the adopting town then gives the copy its own title,
reference and responsible unit through `measure_update`, and the adoption is dated along its process (before its
running phase, like all strategy content; see demo_strategy) – the service dates the first status change today.

Lessons go through `lesson_create` with actor=None ("System"). Afterwards their date is set to when the town
learned them (after the measure's latest report, a few days after the format, or during the process) and their
author to the town's coordinator, as the strategy seed signs status reports; the search index is then updated once
more. Each town gets two to four public lessons – on its public measures in implementation or done, on a format it
hosted or took part in, otherwise on its strategy process – and one internal lesson. A town that already has lessons
is left alone, and each adoption happens once, so running the seed twice changes nothing.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from vorort.accounts.models import User
from vorort.events.models import Event
from vorort.measures.models import Measure, MeasureStatus, StatusChange, StatusReport
from vorort.measures.services import measure_update
from vorort.portal.models import Lesson
from vorort.portal.services import lesson_create, measure_adopt
from vorort.search.services import search_index_update

from .demo_catalogue import MEASURES_BY_KEY
from .demo_events import NETWORK_EVENTS, TOWN_EVENTS
from .demo_lessons import (
    EVENT_LESSONS,
    INTERNAL_GENERAL,
    INTERNAL_LESSONS,
    MEASURE_LESSONS,
    PROCESS_LESSONS,
    LessonText,
)
from .demo_support import DAY, demo_user, fill, local_moment, measures_by_key, running_phase, template_title
from .models import Municipality

ACTIVE = (MeasureStatus.IN_PROGRESS, MeasureStatus.DONE, MeasureStatus.SUSTAINED)
MAX_PUBLIC = 4
MAX_MEASURE_LESSONS = 3


@dataclass(frozen=True)
class Adoption:
    town: str  # slug of the adopting town
    source: str  # slug of the town whose published measure is adopted
    key: str  # measure template
    public: bool = False  # whether the adopting town publishes its copy


# Who adopts what (after the exchange at the network meeting and the excursion, see demo_events).
ADOPTIONS = [
    Adoption("billerbeck", "winterberg", "dorfplatz", public=True),
    Adoption("drensteinfurt", "winterberg", "dorfplatz"),
    Adoption("bruehl", "muenster", "baumbewaesserung"),
    Adoption("velbert", "beckum", "energiemonitoring", public=True),
    Adoption("krefeld", "unna", "eakte"),
]


def seed_transfer(towns: dict[str, Municipality], coordinators: dict[str, User | None]) -> None:
    seed_adoptions(towns)
    seed_lessons(towns, coordinators)


# Adoptions -----------------------------------------------------------------------------------------------------


@transaction.atomic
def seed_adoptions(towns: dict[str, Municipality]) -> None:
    """Adopt the published measures listed in ADOPTIONS, where the source exists and the town has no copy yet."""
    for adoption in ADOPTIONS:
        town, source_town = towns.get(adoption.town), towns.get(adoption.source)
        if town is None or source_town is None:
            continue
        source = measures_by_key(source_town).get(adoption.key)
        if source is None or not source.is_public:
            continue
        title = template_title(town, adoption.key)
        own = Measure.objects.filter(municipality=town)
        if own.filter(source_measure=source).exists() or own.filter(title__in=[title, source.title]).exists():
            continue
        _adopt(town, source, title, adoption)


def _adopt(town: Municipality, source: Measure, title: str, adoption: Adoption) -> None:
    rng = random.Random(f"{adoption.town}-{adoption.source}-{adoption.key}")
    _phase, cutoff = running_phase(town)
    source_moved = StatusChange.objects.filter(measure=source).aggregate(last=Max("changed_on"))["last"]
    on = cutoff - rng.randint(10, 45) * DAY
    if source_moved is not None and on <= source_moved:
        on = min(source_moved + 7 * DAY, cutoff - DAY)
    measure = measure_adopt(actor=None, source=source, municipality=town, source_url="", on=on)
    references = Measure.objects.filter(municipality=town).exclude(reference="").values_list("reference", flat=True)
    numbers = [int(ref[2:]) for ref in references if ref.startswith("M-") and ref[2:].isdigit()]
    measure = measure_update(
        actor=None,
        measure=measure,
        data={
            "title": title,
            "reference": f"M-{max(numbers, default=0) + 1:02d}",
            "responsible_unit": MEASURES_BY_KEY[adoption.key].unit,
            "is_public": adoption.public,
        },
        expected_version=measure.version,
    )
    # The adoption lies before the town's running phase, like the rest of its strategy content.
    StatusChange.objects.filter(measure=measure).update(changed_on=on)


# Lessons learned ---------------------------------------------------------------------------------------------------


@dataclass
class _Planned:
    text: LessonText
    measure: Measure | None = None
    event: Event | None = None
    public: bool = True
    on: datetime.date | None = None


def seed_lessons(towns: dict[str, Municipality], coordinators: dict[str, User | None]) -> None:
    """Lessons for every town that has none yet; each text is used once in the network."""
    used = set(Lesson.objects.values_list("title", flat=True))
    pending = [town for town in towns.values() if not Lesson.objects.filter(municipality=town).exists()]
    candidates = {town.slug: _measure_candidates(town) for town in pending}
    # Towns with few public measures in implementation choose first, so that each gets a lesson on one.
    for town in sorted(pending, key=lambda t: (len(candidates[t.slug]), t.slug)):
        coordinator = coordinators.get(town.slug) or demo_user(f"koordination@{town.slug}.demo")
        _seed_town_lessons(town, candidates[town.slug], used, coordinator)


def _measure_candidates(town: Municipality) -> list[tuple[str, Measure]]:
    by_key = measures_by_key(town)
    return [
        (key, by_key[key])
        for key in MEASURE_LESSONS
        if key in by_key and by_key[key].is_public and by_key[key].status in ACTIVE
    ]


def _unused(texts: list[LessonText], used: set[str], town: Municipality) -> LessonText | None:
    """The first text not used yet that fits the town (rural or not, not one of the speakers)."""
    for text in texts:
        fits = text.rural is None or text.rural == town.rural
        if fits and town.slug not in text.not_for and fill(text.title, town) not in used:
            return text
    return None


@transaction.atomic
def _seed_town_lessons(town, candidates, used: set[str], coordinator: User | None) -> None:
    rng = random.Random(f"{town.slug}-lessons")
    phase, cutoff = running_phase(town)
    today = timezone.localdate()
    plans: list[_Planned] = []

    def take(text: LessonText, **values) -> None:
        plans.append(_Planned(text=text, **values))
        used.add(fill(text.title, town, measure=getattr(values.get("measure"), "title", "")))

    for _key, measure in candidates:
        if len(plans) >= MAX_MEASURE_LESSONS:
            break
        text = _unused(MEASURE_LESSONS[_key], used, town)
        if text is not None:
            take(text, measure=measure, on=_after_progress(measure, rng, today))
    event, text = _event_lesson(town, used)
    if event is not None and len(plans) < MAX_PUBLIC:
        take(text, event=event, on=timezone.localtime(event.ends_at).date() + rng.randint(1, 6) * DAY)
    for text in PROCESS_LESSONS:
        if len(plans) >= 2:
            break
        if text.phase <= phase and fill(text.title, town) not in used:
            take(text, on=cutoff - rng.randint(15, 120) * DAY)
    internal = _internal_measure(town)
    if internal is None:
        text = INTERNAL_GENERAL
    else:  # some notes only fit a measure that has started
        started = internal.status == MeasureStatus.IN_PROGRESS
        text = rng.choice([text for text in INTERNAL_LESSONS if started or not text.started])
    plans.append(_Planned(text=text, measure=internal, public=False, on=cutoff + rng.randint(3, 40) * DAY))
    for plan in plans:
        plan.on = min(plan.on, today - DAY)  # learned by yesterday at the latest
        _write(town, plan, coordinator, rng)


def _after_progress(measure: Measure, rng: random.Random, today: datetime.date) -> datetime.date:
    """Some weeks after the measure's latest status change or report: when there was something to learn."""
    moved = StatusChange.objects.filter(measure=measure).aggregate(last=Max("changed_on"))["last"]
    reported = StatusReport.objects.filter(measure=measure).aggregate(last=Max("reported_on"))["last"]
    latest = max(day for day in (moved, reported, today - 400 * DAY) if day is not None)
    return latest + rng.randint(12, 50) * DAY


def _event_lesson(town: Municipality, used: set[str]) -> tuple[Event | None, LessonText | None]:
    """A past public format the town hosted, else one of the network it took part in, with an unused text."""
    past = Event.objects.filter(is_public=True, ends_at__lt=timezone.now())
    own = list(past.filter(municipality=town).order_by("-starts_at", "id"))
    joined = list(
        past.filter(municipality__isnull=True, network_id=town.network_id, participating_municipalities=town).order_by(
            "-starts_at", "id"
        )
    )
    # The demo format an event was made from, by its title as demo_events fills it in.
    keys = {template.title: template.key for template in NETWORK_EVENTS}
    keys |= {fill(t.title, town): t.key for templates in TOWN_EVENTS.values() for t in templates}
    for event in own + joined:
        text = _unused(EVENT_LESSONS.get(keys.get(event.title, ""), []), used, town)
        if text is not None:
            return event, text
    return None, None


def _internal_measure(town: Municipality) -> Measure | None:
    """A measure the town works on but has not published: the subject of its internal note."""
    order = {MeasureStatus.IN_PROGRESS: 0, MeasureStatus.ADOPTED: 1, MeasureStatus.PLANNED: 2}
    measures = Measure.objects.filter(municipality=town, is_public=False, status__in=list(order)).order_by(
        "reference", "id"
    )
    return min(measures, key=lambda m: order[m.status], default=None)


def _write(town: Municipality, plan: _Planned, coordinator: User | None, rng: random.Random) -> None:
    values = {"measure": plan.measure.title} if plan.measure is not None else {"measure": "die Maßnahme"}
    lesson = lesson_create(
        actor=None,
        municipality=town,
        data={
            "title": fill(plan.text.title, town, **values)[:200],
            "text": fill(plan.text.text, town, **values),
            "measure": plan.measure,
            "event": plan.event,
            "is_public": plan.public,
        },
    )
    moment = local_moment(plan.on, rng.randint(8, 16), rng.choice((0, 15, 30, 45)))
    Lesson.objects.filter(pk=lesson.pk).update(created_at=moment, updated_at=moment, created_by=coordinator)
    if plan.public:
        lesson.refresh_from_db()
        search_index_update(lesson)
