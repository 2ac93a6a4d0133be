"""The demo network: Netzwerk Innenstadt NRW with its ten member towns (figures rounded, see DOMAIN.md)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction

from vorort.accounts.models import Membership, Role, User
from vorort.accounts.services import membership_grant
from vorort.process.models import Milestone, Phase, PhaseStatus

from .demo_bodies import seed_bodies
from .demo_events import seed_events
from .demo_strategy import seed_strategy
from .demo_transfer import seed_transfer
from .models import Municipality, Network
from .services import municipality_create, network_ensure_defaults

DEMO_PASSWORD = "vorort-demo-2026"
# Fixed dates keep the seed reproducible: running it again changes nothing.
ANCHOR = datetime.date(2026, 9, 1)
PHASE_DAYS = 120


@dataclass(frozen=True)
class DemoTown:
    name: str
    slug: str
    county: str
    population: int
    rural: bool
    structurally_weak: bool
    current_phase: int  # 1-based index of the running phase
    overdue: bool  # whether the running phase has an overdue milestone


TOWNS = [
    DemoTown("Beckum", "beckum", "Kreis Warendorf", 37_000, False, False, 5, True),
    DemoTown("Billerbeck", "billerbeck", "Kreis Coesfeld", 12_000, True, False, 7, False),
    DemoTown("Brühl", "bruehl", "Rhein-Erft-Kreis", 44_000, False, False, 4, False),
    DemoTown("Drensteinfurt", "drensteinfurt", "Kreis Warendorf", 15_500, True, False, 6, True),
    DemoTown("Krefeld", "krefeld", "", 227_000, False, True, 5, False),
    DemoTown("Münster", "muenster", "", 320_000, False, False, 8, False),
    DemoTown("Siegen", "siegen", "Kreis Siegen-Wittgenstein", 101_000, False, True, 3, True),
    DemoTown("Unna", "unna", "Kreis Unna", 59_000, False, True, 6, False),
    DemoTown("Velbert", "velbert", "Kreis Mettmann", 81_000, False, False, 5, True),
    DemoTown("Winterberg", "winterberg", "Hochsauerlandkreis", 12_500, True, True, 7, False),
]

MILESTONES = {
    1: ["Lenkungsgruppe eingerichtet", "Zeitplan mit der Verwaltungsspitze abgestimmt"],
    2: ["Reifegrad-Check ausgewertet", "Bürger*innenumfrage abgeschlossen"],
    3: ["Visionswerkstatt durchgeführt", "Leitbild im Ausschuss vorgestellt"],
    4: ["Handlungsschwerpunkte priorisiert", "Strategiewerkstatt mit Akteur*innen"],
    5: ["Maßnahmensteckbriefe erstellt", "Mehrwert je Nutzer*innengruppe bewertet"],
    6: ["Priorisierungsrunde abgeschlossen", "Beschlussvorlage für den Rat eingereicht"],
    7: ["Erste Pilotmaßnahme gestartet", "Statusbericht an die Lenkungsgruppe"],
    8: ["Evaluation abgeschlossen", "Lessons learned veröffentlicht"],
}

COACHES = [
    (
        "begleitung.muensterland@netzwerk-innenstadt.demo",
        "Petra Albers",
        ["beckum", "billerbeck", "drensteinfurt", "muenster", "unna"],
    ),
    (
        "begleitung.rheinland@netzwerk-innenstadt.demo",
        "Jonas Keller",
        ["bruehl", "krefeld", "siegen", "velbert", "winterberg"],
    ),
]
TOWN_ROLES = [
    ("koordination", Role.COORDINATOR, "Koordination"),
    ("redaktion", Role.EDITOR, "Redaktion"),
    ("lesezugriff", Role.VIEWER, "Rat"),
    ("buerger", Role.PARTICIPANT, "Bürger*in"),
]
ADMIN_EMAIL = "geschaeftsstelle@netzwerk-innenstadt.demo"


def _user(email: str, name: str, *, staff: bool = False) -> tuple[User, bool]:
    user = User.objects.filter(email=email).first()
    if user is not None:
        return user, False
    user = User(email=email, name=name, is_demo=True, is_staff=staff, is_superuser=staff)
    if settings.DEBUG:
        user.set_password(DEMO_PASSWORD)
    else:
        user.set_unusable_password()
    user.save()
    return user, True


def _grant(user: User, network: Network, municipality: Municipality | None, role: str) -> None:
    if not Membership.objects.filter(user=user, network=network, municipality=municipality).exists():
        membership_grant(actor=None, user=user, network=network, municipality=municipality, role=role)


def _schedule_process(municipality: Municipality, town: DemoTown, owner: User) -> None:
    """Dates and milestones of a fresh process, so that the running phase sits around the anchor."""
    phases = list(Phase.objects.filter(process__municipality=municipality).select_related("definition"))
    if any(phase.planned_start for phase in phases):
        return
    for index, phase in enumerate(phases, start=1):
        start = ANCHOR + datetime.timedelta(days=(index - town.current_phase) * PHASE_DAYS)
        end = start + datetime.timedelta(days=PHASE_DAYS - 1)
        phase.planned_start, phase.planned_end = start, end
        if index < town.current_phase:
            phase.status = PhaseStatus.DONE
            phase.actual_start = start + datetime.timedelta(days=3)
            phase.actual_end = end + datetime.timedelta(days=10)
        elif index == town.current_phase:
            phase.status = PhaseStatus.RUNNING
            phase.actual_start = start + datetime.timedelta(days=5)
        phase.save()
        for number, title in enumerate(MILESTONES.get(index, []), start=1):
            due = start + datetime.timedelta(days=40 * number)
            done = index < town.current_phase or (index == town.current_phase and number == 1)
            if index == town.current_phase and number == 2:
                due = datetime.date(2026, 11, 10) if town.overdue else datetime.date(2027, 1, 20)
            Milestone.objects.get_or_create(
                phase=phase,
                title=title,
                defaults={
                    "due_date": due,
                    "owner": owner,
                    "done": done,
                    "done_at": datetime.datetime.combine(due, datetime.time(12), tzinfo=datetime.UTC) if done else None,
                },
            )


@transaction.atomic
def seed_demo() -> list[tuple[str, str]]:
    """Create the demo network if missing; returns (login, role) pairs of the demo accounts."""
    network, _ = Network.objects.get_or_create(
        slug="netzwerk-innenstadt-nrw",
        defaults={
            "name": "Netzwerk Innenstadt NRW",
            "programme": "Netzwerk vor Ort – Smart City",
            "description": (
                "Zehn Mitgliedskommunen entwickeln gemeinsam ihre Smart-City-Strategien – mit dem Fokus auf "
                "ländliche und strukturschwache Räume und auf die Bedürfnisse der Menschen vor Ort."
            ),
        },
    )
    network_ensure_defaults(actor=None, network=network)
    logins: list[tuple[str, str]] = []
    admin, _ = _user(ADMIN_EMAIL, "Netzwerk-Geschäftsstelle", staff=True)
    _grant(admin, network, None, Role.NETWORK_ADMIN)
    logins.append((ADMIN_EMAIL, str(Role.NETWORK_ADMIN.label)))
    towns = {}
    coordinators = {}
    for town in TOWNS:
        municipality = Municipality.objects.filter(slug=town.slug).first()
        if municipality is None:
            municipality = municipality_create(
                actor=None,
                network=network,
                name=town.name,
                slug=town.slug,
                county=town.county,
                county_free=not town.county,
                population=town.population,
                rural=town.rural,
                structurally_weak=town.structurally_weak,
            )
        towns[town.slug] = municipality
        coordinator = None
        for prefix, role, label in TOWN_ROLES:
            email = f"{prefix}@{town.slug}.demo"
            user, _ = _user(email, f"{label} {town.name}")
            _grant(user, network, municipality, role)
            coordinator = coordinator or user
            if town.slug == "beckum":
                logins.append((email, str(role.label)))
        coordinators[town.slug] = coordinator
        _schedule_process(municipality, town, coordinator)
    for email, name, slugs in COACHES:
        coach, _ = _user(email, name)
        for slug in slugs:
            _grant(coach, network, towns[slug], Role.COACH)
        logins.append((email, str(Role.COACH.label)))
    seed_strategy(network, towns, coordinators)
    seed_bodies(towns)
    seed_events(network, towns)
    seed_transfer(towns, coordinators)
    return logins
