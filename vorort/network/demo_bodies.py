"""Bodies (Gremien) of the demo towns: Lenkungsgruppe, Smart-City-Team, the council committee that accompanies the
strategy, and in most towns an Arbeitskreis with the town's partners – with the staff who sit in them.

The members of staff (Personal) are invented per town by a random generator seeded with the town's slug; their
hours for the smart-city work are entered as capacities. Bodies go through `body_create` with actor=None ("System");
staff, capacities and seats are many, so they are validated field by field, inserted in bulk and audited in the shape
the services record (as demo_strategy does with the parts of measures). A town that already has bodies is left
alone.

A network-wide Lenkungskreis cannot be a body (bodies belong to one municipality); the demo shows its meetings as
internal network events instead (see demo_events).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from vorort.accounts.models import Membership, Role
from vorort.core.audit import audit_record
from vorort.core.models import AuditAction
from vorort.process.models import Phase
from vorort.resources.models import (
    Body,
    BodyKind,
    BodyMembership,
    Capacity,
    MeetingRhythm,
    MemberRole,
    Partner,
    Person,
)
from vorort.resources.services import _audit_members, body_create

from .demo_support import fill
from .models import Municipality

FEMALE = [
    "Anna",
    "Birgit",
    "Claudia",
    "Daniela",
    "Elena",
    "Franziska",
    "Julia",
    "Katrin",
    "Laura",
    "Miriam",
    "Nadine",
    "Sabine",
    "Sandra",
    "Stefanie",
    "Tanja",
    "Ulrike",
]
MALE = [
    "Andreas",
    "Christian",
    "Dirk",
    "Frank",
    "Jan",
    "Jens",
    "Markus",
    "Martin",
    "Matthias",
    "Michael",
    "Oliver",
    "Ralf",
    "Sebastian",
    "Stefan",
    "Thomas",
    "Tobias",
]
SURNAMES = [
    "Becker",
    "Brinkmann",
    "Dreier",
    "Esser",
    "Hagemann",
    "Hartmann",
    "Hoffmann",
    "Holtkamp",
    "Jansen",
    "Kemper",
    "Krämer",
    "Kuhlmann",
    "Lange",
    "Lohmann",
    "Meier",
    "Niehues",
    "Overbeck",
    "Pieper",
    "Richter",
    "Schäfer",
    "Schulte",
    "Sommer",
    "Terhorst",
    "Vogt",
    "Wagner",
    "Winkelmann",
    "Wolff",
    "Zimmermann",
]


@dataclass(frozen=True)
class StaffRole:
    key: str
    position: tuple[str, str]  # (female, male)
    unit: str
    hours: int | None  # hours per week for the smart-city work; None: no capacity entered


STAFF = [
    StaffRole("spitze", ("Bürgermeisterin", "Bürgermeister"), "Verwaltungsvorstand", None),
    StaffRole(
        "dezernat",
        ("Erste Beigeordnete und Kämmerin", "Erster Beigeordneter und Kämmerer"),
        "Dezernat I – Finanzen und Zentrale Dienste",
        None,
    ),
    StaffRole(
        "koordination", ("Smart-City-Koordinatorin", "Smart-City-Koordinator"), "Stabsstelle Digitalisierung", 30
    ),
    StaffRole(
        "it",
        ("Leiterin der Informationstechnik", "Leiter der Informationstechnik"),
        "Amt 10 – Zentrale Dienste und IT",
        6,
    ),
    StaffRole(
        "planung",
        ("Sachgebietsleiterin Stadtentwicklung", "Sachgebietsleiter Stadtentwicklung"),
        "Amt 61 – Stadtplanung",
        5,
    ),
    StaffRole(
        "wirtschaft", ("Wirtschaftsförderin", "Wirtschaftsförderer"), "Wirtschaftsförderung und Stadtmarketing", 4
    ),
    StaffRole(
        "buergerbuero", ("Leiterin des Bürgerbüros", "Leiter des Bürgerbüros"), "Amt 32 – Bürgerbüro und Ordnung", 3
    ),
    StaffRole("klima", ("Klimaschutzmanagerin", "Klimaschutzmanager"), "Klimaschutz und Umwelt", 4),
]

# Name of the council committee that accompanies the strategy, by town.
COMMITTEES = {
    "beckum": "Ausschuss für Digitalisierung, Wirtschaft und Stadtmarketing",
    "billerbeck": "Ausschuss für Digitalisierung und Ortsentwicklung",
    "bruehl": "Ausschuss für Digitalisierung und Verwaltungsmodernisierung",
    "drensteinfurt": "Haupt- und Digitalausschuss",
    "krefeld": "Ausschuss für Digitalisierung und Smart City",
    "muenster": "Ausschuss für Digitalisierung, Wissenschaft und Smart City",
    "siegen": "Ausschuss für Digitalisierung und Stadtentwicklung",
    "unna": "Ausschuss für Digitales, Wirtschaft und Innenstadt",
    "velbert": "Ausschuss für Digitalisierung und Wirtschaftsförderung",
    "winterberg": "Ausschuss für Digitales, Tourismus und Dorfentwicklung",
}


@dataclass(frozen=True)
class WorkingGroup:
    name: str
    purpose: str
    staff: tuple[str, ...]
    partners: tuple[str, ...]  # name patterns of partners the strategy seed may have created ({town})


WORKING_GROUPS = [
    WorkingGroup(
        "Arbeitskreis Mobilität",
        "Bürgerbusverein, Verkehrsunternehmen und Verwaltung stimmen Bürgerbus, Mitfahrangebote und Mobilstationen "
        "aufeinander ab und werten die Fahrgastzahlen aus.",
        ("koordination", "planung"),
        ("Bürgerbusverein {town} e. V.", "ADFC-Ortsgruppe {town}", "Carsharing-Verein {town} e. V."),
    ),
    WorkingGroup(
        "Arbeitskreis Innenstadt und Handel",
        "Werbegemeinschaft, Wirtschaftsförderung und Immobilieneigentümer*innen arbeiten an Leerstandsmanagement, "
        "Online-Marktplatz und Frequenzmessung in der {centre}.",
        ("wirtschaft", "planung"),
        ("Werbegemeinschaft {town} e. V.", "Haus & Grund {town} e. V."),
    ),
    WorkingGroup(
        "Arbeitskreis Digitale Teilhabe",
        "Seniorenbeirat, Volkshochschule und Digital-Lots*innen sorgen dafür, dass die digitalen Angebote alle "
        "erreichen – mit Sprechstunden, Kursen und Nutzertests.",
        ("koordination", "buergerbuero"),
        ("Seniorenbeirat der Stadt {town}", "Volkshochschule {town}", "Digitalwerkstatt {town} e. V."),
    ),
    WorkingGroup(
        "Arbeitskreis Klima und Sensorik",
        "Stadtwerke, Klimaschutzmanagement und IT planen Sensorik, Energiemonitoring und die Auswertung der Daten.",
        ("klima", "it"),
        ("Stadtwerke {town}", "Bürgerenergiegenossenschaft {town} eG"),
    ),
]


def seed_bodies(towns: dict[str, Municipality]) -> None:
    """Staff and bodies of every town that has no bodies yet."""
    for municipality in towns.values():
        if not Body.objects.filter(municipality=municipality).exists():
            _seed_town(municipality)


def _names(rng: random.Random) -> list[tuple[str, int]]:
    """(name, 0 female / 1 male) for each staff role, all different."""
    surnames = rng.sample(SURNAMES, len(STAFF))
    result = []
    for surname in surnames:
        female = rng.random() < 0.5
        result.append((f"{rng.choice(FEMALE if female else MALE)} {surname}", 0 if female else 1))
    return result


@transaction.atomic
def _seed_town(municipality: Municipality) -> None:
    rng = random.Random(f"{municipality.slug}-bodies")
    first_phase = (
        Phase.objects.filter(process__municipality=municipality, planned_start__isnull=False)
        .order_by("definition__order")
        .values_list("planned_start", flat=True)
        .first()
    )
    people = _staff(municipality, rng, first_phase)
    seats: list[BodyMembership] = []
    partners = {partner.name: partner for partner in Partner.objects.filter(municipality=municipality)}
    coach = (
        Membership.objects.filter(municipality=municipality, role=Role.COACH)
        .select_related("user")
        .order_by("id")
        .first()
    )
    guest = f" Die Prozessbegleitung ({coach.user.name}) nimmt als Gast teil." if coach else ""

    steering = _body(
        municipality,
        BodyKind.STEERING,
        "Lenkungsgruppe Smart City",
        "Steuert den Strategieprozess: beschließt Zeitplan, Handlungsschwerpunkte und die Reihenfolge der Maßnahmen, "
        "bereitet die Beschlussvorlagen für den Rat vor und entscheidet über Mittel und Personal." + guest,
        MeetingRhythm.QUARTERLY,
        "vierteljährlich, dienstags 14 Uhr im Rathaus, Besprechungsraum der Verwaltungsspitze",
    )
    _seat(seats, steering, people["spitze"], MemberRole.CHAIR)
    _seat(seats, steering, people["dezernat"], MemberRole.DEPUTY)
    _seat(seats, steering, people["koordination"], MemberRole.MANAGEMENT)
    _seat(seats, steering, people["it"], MemberRole.MEMBER)
    _seat(seats, steering, people["planung"], MemberRole.MEMBER)
    utility = next((p for name, p in sorted(partners.items()) if name.startswith("Stadtwerke")), None)
    if utility is not None:
        _seat(seats, steering, utility, MemberRole.ADVISORY)

    team = _body(
        municipality,
        BodyKind.TEAM,
        "Smart-City-Team",
        "Das Projektteam aus den Fachbereichen: plant und begleitet die Maßnahmen, schreibt die Steckbriefe und "
        "Statusberichte und bereitet die Sitzungen der Lenkungsgruppe vor.",
        MeetingRhythm.FORTNIGHTLY,
        "jeden zweiten Mittwoch, 9 Uhr, im Wechsel im Rathaus und per Videokonferenz",
    )
    _seat(seats, team, people["koordination"], MemberRole.CHAIR)
    for key in ("it", "planung", "wirtschaft", "buergerbuero", "klima"):
        _seat(seats, team, people[key], MemberRole.MEMBER)

    committee = _body(
        municipality,
        BodyKind.WORKING_GROUP,
        COMMITTEES.get(municipality.slug, "Ausschuss für Digitalisierung"),
        "Fachausschuss des Rates: berät die Beschlussvorlagen zur Smart-City-Strategie vor, bevor der Rat "
        "entscheidet. Die Smart-City-Koordination berichtet in jeder Sitzung über den Stand der Maßnahmen.",
        MeetingRhythm.BIMONTHLY,
        "nach dem Sitzungskalender des Rates, öffentliche Sitzung",
    )
    _seat(seats, committee, people["dezernat"], MemberRole.ADVISORY)
    _seat(seats, committee, people["koordination"], MemberRole.GUEST)

    groups = list(WORKING_GROUPS)
    rng.shuffle(groups)
    for group in groups:
        names = [fill(name, municipality) for name in group.partners]
        members = [partners[name] for name in names if name in partners]
        if len(members) >= 2 or (members and municipality.population < 20_000):
            working = _body(
                municipality,
                BodyKind.WORKING_GROUP,
                group.name + (" im ländlichen Raum" if "Mobilität" in group.name and municipality.rural else ""),
                fill(group.purpose, municipality),
                MeetingRhythm.BIMONTHLY,
                "alle zwei Monate, abends im Bürgerhaus",
            )
            for key in group.staff:
                _seat(seats, working, people[key], MemberRole.CHAIR if key == group.staff[0] else MemberRole.MEMBER)
            for partner in members:
                _seat(seats, working, partner, MemberRole.MEMBER)
            break
    _write_seats(seats)


def _body(municipality, kind: str, name: str, purpose: str, rhythm: str, note: str) -> Body:
    return body_create(
        actor=None,
        municipality=municipality,
        data={"kind": kind, "name": name, "purpose": purpose, "rhythm": rhythm, "rhythm_note": note},
    )


# Seats are many (about 150), so they are collected, validated, inserted together and audited body by body in the
# shape body_member_add records ("members" before and after).


def _seat(seats: list[BodyMembership], body: Body, member: Person | Partner, role: str) -> None:
    person, partner = (member, None) if isinstance(member, Person) else (None, member)
    seat = BodyMembership(body=body, person=person, partner=partner, role=role)
    seat.clean_fields(exclude=["body", "person", "partner"])
    seats.append(seat)


def _write_seats(seats: list[BodyMembership]) -> None:
    bodies = {seat.body.pk: seat.body for seat in seats}
    BodyMembership.objects.bulk_create(seats)
    for body in bodies.values():
        _audit_members(actor=None, body=body, before="")


def _staff(municipality: Municipality, rng: random.Random, first_phase) -> dict[str, Person]:
    """The staff of the town by role key, with their hours for the smart-city work from the first phase on;
    inserted together and audited one by one as person_create and capacity_create do it."""
    people, capacities = {}, []
    for role, (name, male) in zip(STAFF, _names(rng), strict=True):
        person = Person(municipality=municipality, name=name, unit=role.unit, position=role.position[male])
        person.clean_fields(exclude=["municipality"])
        people[role.key] = person
    Person.objects.bulk_create(people.values())
    for role in STAFF:
        person = people[role.key]
        audit_record(actor=None, instance=person, action=AuditAction.CREATE, municipality=municipality)
        if role.hours and first_phase:
            hours = role.hours if role.key == "koordination" else rng.randint(max(2, role.hours - 2), role.hours + 2)
            if role.key == "koordination" and municipality.population < 20_000:
                hours = 19.5  # a part-time post in the small towns
            capacity = Capacity(
                person=person,
                valid_from=first_phase,
                hours_per_week=Decimal(str(hours)),
                note="Teilzeitstelle, gefördert" if hours == 19.5 else "",
            )
            capacity.clean_fields(exclude=["person"])
            capacities.append(capacity)
    for capacity in Capacity.objects.bulk_create(capacities):
        audit_record(actor=None, instance=capacity, action=AuditAction.CREATE, municipality=municipality)
    return people
