"""Helpers shared by the demo seed's later stages (bodies, events, knowledge transfer).

They read what `demo` and `demo_strategy` wrote: the town's running phase, its place names, and its measures by the
catalogue key they were made from (a measure's title is the template's title with the town's places filled in, or
the profile's local title).
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from vorort.accounts.models import User
from vorort.measures.models import Measure
from vorort.process.models import Phase, PhaseStatus

from .demo_catalogue import MEASURES, MEASURES_BY_KEY
from .demo_profiles import PROFILES
from .models import Municipality

DAY = datetime.timedelta(days=1)


def places(municipality: Municipality) -> dict[str, str]:
    """The placeholders of the catalogue texts for a town (see demo_catalogue)."""
    profile = PROFILES.get(municipality.slug)
    districts = profile.districts if profile else (municipality.name,)
    return {
        "town": municipality.name,
        "centre": profile.centre if profile else "Innenstadt",
        "district": districts[0],
        "district2": districts[1 % len(districts)],
    }


def fill(text: str, municipality: Municipality, **extra: str) -> str:
    return text.format(**places(municipality), **extra)


def template_title(municipality: Municipality, key: str) -> str:
    profile = PROFILES.get(municipality.slug)
    local = profile.titles.get(key) if profile else None
    return local or fill(MEASURES_BY_KEY[key].title, municipality)


def measures_by_key(municipality: Municipality) -> dict[str, Measure]:
    """The town's measures by the catalogue key they were made from (adopted copies under their source's key)."""
    titles = {template_title(municipality, template.key): template.key for template in MEASURES}
    result = {}
    for measure in Measure.objects.filter(municipality=municipality).order_by("id"):
        key = titles.get(measure.title)
        if key is not None and key not in result:
            result[key] = measure
    return result


def running_phase(municipality: Municipality) -> tuple[int, datetime.date]:
    """(number, planned start) of the town's running phase; the demo's history lies before that start."""
    phases = list(
        Phase.objects.filter(process__municipality=municipality)
        .select_related("definition")
        .order_by("definition__order", "definition_id")
    )
    for index, phase in enumerate(phases, start=1):
        if phase.status == PhaseStatus.RUNNING and phase.planned_start:
            return index, phase.planned_start
    return 5, datetime.date(2026, 9, 1)


def demo_user(email: str) -> User | None:
    return User.objects.filter(email=email).first()


def local_moment(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    """An aware datetime at a wall-clock time of the project's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))
