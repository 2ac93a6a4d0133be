"""A municipality with a whole strategy for the publication tests: assessment, vision, foci with goals and
indicators, measures with everything a Steckbrief shows, events held, a participation, and a frozen catalogue."""

from __future__ import annotations

import datetime
import re
import shutil
import subprocess
from decimal import Decimal

from django.utils import timezone

from tests.strategy.support import completed_round, field, need
from vorort.events.models import Event, EventMode, Registration, RegistrationStatus
from vorort.measures.models import Benefit, Measure, MeasureMilestone, MeasureStatus, StatusReport
from vorort.network.models import UserGroup
from vorort.participation.models import Idea, Participation, ParticipationState
from vorort.prioritisation import services as prioritisation_services
from vorort.prioritisation.models import Criterion
from vorort.publishing import services as publishing_services
from vorort.resources.models import Involvement, Partner
from vorort.strategy import services as strategy_services

LOGIN_BACKEND = "vorort.accounts.backends.EmailBackend"
HAS_POPPLER = shutil.which("pdftotext") is not None and shutil.which("pdfinfo") is not None
HOSTILE = "<script>alert('x')</script> =cmd|' /C calc'!A0"
LONG_WORD = "Ü" + "x" * 1998 + "Z"
FIELD_SLUGS = ["mobilitaet", "nachhaltigkeit", "verwaltung", "wohnen", "wirtschaft", "zivilgesellschaft"]
STATUSES = [
    MeasureStatus.PLANNED,
    MeasureStatus.ADOPTED,
    MeasureStatus.IN_PROGRESS,
    MeasureStatus.IDEA,
    MeasureStatus.DONE,
]


def pdf_text(pdf: bytes, *, layout: bool = False) -> str:
    """The PDF's text via pdftotext, with words that hyphenation split across lines joined again."""
    command = ["pdftotext", "-enc", "UTF-8", *(["-layout"] if layout else []), "-", "-"]
    text = subprocess.run(command, input=pdf, capture_output=True, check=True).stdout.decode("utf-8")
    return re.sub(r"[\u2010\u00ad-]\n(?=\w)", "", text)


def flat(text: str) -> str:
    """Text with every run of white space turned into one space."""
    return " ".join(text.split())


def pdf_info(pdf: bytes) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line)


def pdf_pages(pdf: bytes) -> int:
    return int(pdf_info(pdf)["Pages"].strip())


def measure_title(number: int) -> str:
    return f"Maßnahme {number:03d} Quartiersbus"


def build_strategy(municipality, actor, *, measures: int = 12, today: datetime.date | None = None) -> list[Measure]:
    """Fill `municipality` with a complete strategy; returns the measures in creation order."""
    today = today or timezone.localdate()
    network = municipality.network
    fields = {slug: field(municipality, slug) for slug in FIELD_SLUGS}
    groups = list(UserGroup.objects.filter(network=network).order_by("order"))

    completed_round(municipality, {"mobilitaet": 1, "verwaltung": 3, "wohnen": 2}, title="Bestandsaufnahme 2026")
    need(municipality, "mobilitaet", "Busanbindung der Ortsteile", weight=5)
    need(municipality, "nachhaltigkeit", "Mehr Grün in der Innenstadt", weight=4)

    vision = strategy_services.vision_create(
        actor=actor,
        municipality=municipality,
        title="Smarte Stadt 2030",
        text="Wir sind eine Stadt, in der digitale Angebote das Leben leichter machen.\n\nNiemand bleibt zurück.",
        principles={
            fields["mobilitaet"]: "Mobil ohne eigenes Auto.",
            fields["verwaltung"]: "Verwaltung rund um die Uhr.",
        },
    )
    strategy_services.vision_adopt(
        actor=actor,
        vision=vision,
        adopted_on=today - datetime.timedelta(days=30),
        resolution_number="DS 2026/017",
        expected_version=vision.version,
    )
    focus = strategy_services.focus_create(
        actor=actor, municipality=municipality, action_field=fields["mobilitaet"], title="Ländliche Mobilität"
    )
    goal = strategy_services.goal_create(actor=actor, focus=focus, title="Ortsteile stündlich anbinden")
    indicator = strategy_services.indicator_create(
        actor=actor,
        goal=goal,
        name="Fahrgäste pro Tag",
        unit="Anzahl",
        baseline_value=Decimal("120"),
        baseline_date=datetime.date(2024, 1, 1),
        target_value=Decimal("400"),
        target_date=datetime.date(2030, 12, 31),
    )
    for year, value in ((2024, "130"), (2025, "190.5"), (2026, "260")):
        strategy_services.measurement_create(
            actor=actor, indicator=indicator, measured_on=datetime.date(year, 6, 30), value=Decimal(value)
        )
    focus_green = strategy_services.focus_create(
        actor=actor, municipality=municipality, action_field=fields["nachhaltigkeit"], title="Klimaanpassung"
    )
    strategy_services.goal_create(actor=actor, focus=focus_green, title="Hitzeinseln verringern")

    partner = Partner.objects.create(municipality=municipality, name="Stadtwerke Musterstadt", kind="stadtwerke")
    created = []
    slugs = list(fields)
    for number in range(1, measures + 1):
        action_field = fields[slugs[number % len(slugs)]]
        start = datetime.date(2025 + number % 3, 1 + number % 12, 1)
        measure = Measure.objects.create(
            municipality=municipality,
            reference=f"M-{number:03d}",
            title=measure_title(number),
            summary=f"Kurzbeschreibung der Maßnahme {number}.",
            description="Die Maßnahme verbindet die Ortsteile.\n\nSie wird mit den Stadtwerken umgesetzt.",
            action_field=action_field,
            focus=focus if action_field == fields["mobilitaet"] else None,
            status=STATUSES[number % len(STATUSES)],
            start_date=start,
            end_date=start + datetime.timedelta(days=300 + 30 * (number % 10)) if number % 7 else None,
            investment_cost=Decimal(1234.5 * number).quantize(Decimal("0.01")),
            running_cost=Decimal(500 + number),
            funding_programme="Smart Cities made in Germany" if number % 2 else "",
            funding_share=Decimal("65") if number % 2 else None,
            personnel_effort=Decimal("12.5"),
            responsible_unit="Amt für Stadtentwicklung",
            is_public=number % 5 != 0,
        )
        if action_field == fields["mobilitaet"]:
            measure.goals.add(goal)
        Benefit.objects.bulk_create(
            [
                Benefit(measure=measure, user_group=group, strength=(number + i) % 4, text="")
                for i, group in enumerate(groups[:4])
            ]
        )
        MeasureMilestone.objects.create(measure=measure, title="Ausschreibung", due_date=start, done=True)
        MeasureMilestone.objects.create(
            measure=measure, title="Inbetriebnahme", due_date=start + datetime.timedelta(days=200)
        )
        Involvement.objects.create(partner=partner, measure=measure, role="Betreiber")
        StatusReport.objects.create(
            measure=measure, reported_on=today, traffic_light="gelb", text="Verzug bei der Lieferung.", author=actor
        )
        created.append(measure)

    # Events held, with registrations and attendance.
    past = timezone.now() - datetime.timedelta(days=20)
    workshop = Event.objects.create(
        network=network,
        municipality=municipality,
        title="Strategiewerkstatt Mobilität",
        kind="strategiewerkstatt",
        mode=EventMode.ANALOG,
        starts_at=past,
        ends_at=past + datetime.timedelta(hours=3),
        location="Rathaus",
        is_public=True,
        documentation_public=True,
        protocol="Begrüßung durch die Bürgermeisterin.\nDiskussion in drei Gruppen.",
    )
    Registration.objects.create(event=workshop, user=actor, status=RegistrationStatus.CONFIRMED, attended=True)

    # A participation with an idea.
    participation = Participation.objects.create(
        municipality=municipality,
        title="Ideen für die Innenstadt",
        question="Was fehlt?",
        starts_on=today - datetime.timedelta(days=60),
        ends_on=today - datetime.timedelta(days=30),
        privacy_text="Datenschutz.",
        state=ParticipationState.CLOSED,
    )
    Idea.objects.create(participation=participation, title="Mehr Bänke", text="Am Markt.", moderation="geprueft")

    # A frozen catalogue of the first measures.
    prioritisation_services.criteria_adopt_template(actor=actor, municipality=municipality)
    urgency = Criterion.objects.get(municipality=municipality, name="Dringlichkeit")
    ranked = created[: min(len(created), 10)]
    rating_round = prioritisation_services.rating_round_create(
        actor=actor, municipality=municipality, title="Priorisierung 2026", measures=ranked, raters=[actor]
    )
    for position, measure in enumerate(ranked):
        prioritisation_services.ratings_save(
            actor=actor, rating_round=rating_round, measure=measure, values={urgency.pk: 1 + position % 5}
        )
    rating_round.refresh_from_db()
    prioritisation_services.rating_round_close(
        actor=actor, rating_round=rating_round, expected_version=rating_round.version
    )
    publishing_services.foreword_save(
        actor=actor,
        municipality=municipality,
        data={
            "title": "Vorwort",
            "text": "Liebe Bürgerinnen und Bürger,\n\ndies ist unsere Strategie.",
            "signature": "Maria Muster, Bürgermeisterin",
        },
    )
    return created
