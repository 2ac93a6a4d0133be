"""Benchmark: the strategy document of a municipality with 100 measures, through vorort and through WeasyPrint alone.

    .venv/bin/python bench/publish.py [--measures 100] [--repeat 3]

Builds, in a temporary SQLite data directory, a network and a municipality with a whole strategy: a completed
Reifegrad-Check, an adopted vision with guiding principles, foci with goals and indicators (with measurements),
`--measures` measures with benefits, milestones, partners and status reports, formats held, a participation, a
frozen catalogue and a foreword. Then times, in the same run and the same process,

1. the service: `vorort.publishing.documents.render` of the strategy PDF — reading the data, drawing the charts,
   rendering the templates and laying out the PDF (tagged, PDF/UA-1, package fonts);
2. WeasyPrint alone on the same finished HTML with the same options and URL fetcher;

and prints the best (and median) of `--repeat` runs of each, the page count and the ratio service / WeasyPrint.
A warm-up render first loads fonts and the hyphenation dictionary, which both paths share.
"""

from __future__ import annotations

import argparse
import datetime
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _setup() -> None:
    os.environ["VORORT_DATA_DIR"] = tempfile.mkdtemp(prefix="vorort-bench-publish-")
    os.environ["DJANGO_SETTINGS_MODULE"] = "vorort.settings"
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("SECRET_KEY", "bench-only-" + "x" * 50)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def _build(measures: int):
    """The municipality with its strategy; returns it."""
    from django.db import transaction
    from django.utils import timezone

    from vorort.accounts.models import Membership, Role, User
    from vorort.events.models import Event, Registration, RegistrationStatus
    from vorort.measures.models import Benefit, Measure, MeasureMilestone, MeasureStatus, StatusReport
    from vorort.network.models import ActionField, Municipality, Network, UserGroup
    from vorort.network.services import network_ensure_defaults
    from vorort.participation.models import Idea, Participation, ParticipationState
    from vorort.prioritisation import services as prioritisation
    from vorort.prioritisation.models import Criterion
    from vorort.process.services import process_create
    from vorort.publishing.models import Foreword
    from vorort.resources.models import Involvement, Partner
    from vorort.strategy import services as strategy
    from vorort.strategy.models import AssessmentQuestion

    today = timezone.localdate()
    network = Network.objects.create(name="Netzwerk Innenstadt NRW", slug="netzwerk", programme="Smart City")
    network_ensure_defaults(actor=None, network=network)
    town = Municipality.objects.create(network=network, name="Bench-Stadt", slug="bench-stadt", population=48_000)
    Municipality.objects.create(network=network, name="Nachbarstadt", slug="nachbarstadt", population=21_000)
    process_create(actor=None, municipality=town)
    user = User.objects.create_user("koordination@bench.example", name="Koordination")
    Membership.objects.create(user=user, network=network, municipality=town, role=Role.COORDINATOR)
    fields = list(ActionField.objects.filter(network=network).order_by("order"))
    groups = list(UserGroup.objects.filter(network=network).order_by("order"))

    with transaction.atomic():
        assessment = strategy.round_create(actor=user, municipality=town, title="Bestandsaufnahme", conducted_on=today)
        questions = AssessmentQuestion.objects.filter(network=network, active=True)
        strategy.round_answers_save(
            actor=user, assessment_round=assessment, answers={q.pk: {"level": q.pk % 5} for q in questions}
        )
        strategy.round_complete(actor=user, assessment_round=assessment)
        vision = strategy.vision_create(
            actor=user,
            municipality=town,
            title="Smarte Stadt 2030",
            text="Eine Stadt, in der digitale Angebote das Leben leichter machen.\n\nNiemand bleibt zurück.",
            principles={f: f"Leitsatz für {f.name}: vernetzt, offen und nah an den Menschen." for f in fields},
        )
        strategy.vision_adopt(
            actor=user,
            vision=vision,
            adopted_on=today - datetime.timedelta(days=10),
            resolution_number="DS 2026/1",
            expected_version=vision.version,
        )
        goals = []
        for f in fields:
            focus = strategy.focus_create(actor=user, municipality=town, action_field=f, title=f"Schwerpunkt {f.name}")
            goal = strategy.goal_create(actor=user, focus=focus, title=f"Ziel im Handlungsfeld {f.name}")
            indicator = strategy.indicator_create(
                actor=user,
                goal=goal,
                name=f"Indikator {f.name}",
                unit="%",
                baseline_value=Decimal(20),
                baseline_date=datetime.date(2024, 1, 1),
                target_value=Decimal(80),
                target_date=datetime.date(2030, 12, 31),
            )
            for year in (2024, 2025, 2026):
                strategy.measurement_create(
                    actor=user, indicator=indicator, measured_on=datetime.date(year, 6, 30), value=Decimal(year - 1990)
                )
            goals.append(goal)
        partner = Partner.objects.create(municipality=town, name="Stadtwerke Bench-Stadt", kind="stadtwerke")
        statuses = [MeasureStatus.PLANNED, MeasureStatus.ADOPTED, MeasureStatus.IN_PROGRESS, MeasureStatus.DONE]
        created = []
        for number in range(1, measures + 1):
            field = fields[number % len(fields)]
            start = datetime.date(2025 + number % 4, 1 + number % 12, 1)
            measure = Measure.objects.create(
                municipality=town,
                reference=f"M-{number:03d}",
                title=f"Maßnahme {number:03d}: Digitale Angebote im Quartier",
                summary="Bürgerinnen und Bürger erledigen Anliegen online und vor Ort in den Quartieren.",
                description="Die Maßnahme verbindet Verwaltung und Quartiere.\n\nSie wird schrittweise umgesetzt.",
                action_field=field,
                focus=goals[number % len(goals)].focus,
                status=statuses[number % len(statuses)],
                start_date=start,
                end_date=start + datetime.timedelta(days=400),
                investment_cost=Decimal(2500 * number),
                running_cost=Decimal(300 + number),
                funding_programme="Smart Cities made in Germany",
                funding_share=Decimal(65),
                personnel_effort=Decimal("20.5"),
                responsible_unit="Stabsstelle Digitalisierung",
                is_public=True,
            )
            measure.goals.add(goals[number % len(goals)])
            Benefit.objects.bulk_create(
                [
                    Benefit(measure=measure, user_group=group, strength=(number + i) % 4)
                    for i, group in enumerate(groups)
                ]
            )
            MeasureMilestone.objects.bulk_create(
                [
                    MeasureMilestone(measure=measure, title="Konzept", due_date=start, done=True),
                    MeasureMilestone(measure=measure, title="Start", due_date=start + datetime.timedelta(days=120)),
                ]
            )
            Involvement.objects.create(partner=partner, measure=measure, role="Betrieb")
            StatusReport.objects.create(
                measure=measure, reported_on=today, traffic_light="gruen", text="Im Plan.", author=user
            )
            created.append(measure)
        past = timezone.now() - datetime.timedelta(days=30)
        for number in range(5):
            event = Event.objects.create(
                network=network,
                municipality=town,
                title=f"Strategiewerkstatt {number + 1}",
                kind="strategiewerkstatt",
                starts_at=past + datetime.timedelta(days=number),
                ends_at=past + datetime.timedelta(days=number, hours=3),
                location="Rathaus",
            )
            Registration.objects.create(event=event, user=user, status=RegistrationStatus.CONFIRMED, attended=True)
        participation = Participation.objects.create(
            municipality=town,
            title="Ideen für die Stadt",
            question="Was fehlt?",
            starts_on=today - datetime.timedelta(days=90),
            ends_on=today - datetime.timedelta(days=60),
            privacy_text="Datenschutz",
            state=ParticipationState.CLOSED,
        )
        Idea.objects.create(participation=participation, title="Mehr Bänke", text="Am Markt.", moderation="geprueft")
        prioritisation.criteria_adopt_template(actor=user, municipality=town)
        urgency = Criterion.objects.get(municipality=town, name="Dringlichkeit")
        rating_round = prioritisation.rating_round_create(
            actor=user, municipality=town, title="Priorisierung", measures=created, raters=[user]
        )
        for measure in created:
            prioritisation.ratings_save(
                actor=user, rating_round=rating_round, measure=measure, values={urgency.pk: 1 + measure.pk % 5}
            )
        rating_round.refresh_from_db()
        prioritisation.rating_round_close(actor=user, rating_round=rating_round, expected_version=rating_round.version)
        Foreword.objects.create(municipality=town, text="Liebe Leserinnen und Leser,\n\ndies ist unsere Strategie.")
    return town


def _pages(pdf: bytes) -> str:
    """The page count from pdfinfo (poppler-utils), if installed."""
    if shutil.which("pdfinfo") is None:
        return ""
    out = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=False).stdout.decode()
    return next((line.split(":", 1)[1].strip() for line in out.splitlines() if line.startswith("Pages:")), "")


def _times(function, repeat: int):
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return min(times), statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--measures", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    _setup()
    started = time.perf_counter()
    town = _build(args.measures)
    print(f"{args.measures} Maßnahmen mit Strategie angelegt in {time.perf_counter() - started:.1f} s (SQLite)")

    from weasyprint import HTML
    from weasyprint.urls import path2url

    from vorort.core.pdf import BASE_DIR, AssetFetcher, accessible_pdf_options
    from vorort.publishing import documents

    spec = documents.Spec(kind="strategy", format="pdf", network=town.network, municipality=town)
    warm = documents.render(spec)  # loads fonts and hyphenation patterns once, for both paths
    html = warm.html
    options = accessible_pdf_options()

    def direct() -> bytes:
        document = HTML(string=html, base_url=path2url(str(BASE_DIR) + "/"), url_fetcher=AssetFetcher())
        return document.write_pdf(**options)

    service_best, service_median, rendered = _times(lambda: documents.render(spec), args.repeat)
    direct_best, direct_median, pdf = _times(direct, args.repeat)
    content_best, _median, content = _times(lambda: documents.build_content(spec), args.repeat)
    html_best, _median, _html = _times(
        lambda: documents.render_html(spec, content, mode=documents.HTML_PDF), args.repeat
    )
    pages = _pages(pdf)
    print(f"HTML: {len(html) / 1024:.0f} KB, PDF: {len(rendered.content) / 1024:.0f} KB, Optionen {options}")
    print(f"Dienst (Daten + Diagramme + Vorlagen + PDF): {service_best:6.2f} s  (Median {service_median:.2f} s)")
    print(f"  davon Daten und Diagramme {content_best:.2f} s, HTML aus den Vorlagen {html_best:.2f} s")
    print(f"WeasyPrint direkt (gleiches HTML):          {direct_best:6.2f} s  (Median {direct_median:.2f} s)")
    if pages:
        print(f"Seiten: {pages}")
    print(f"Verhältnis Dienst / WeasyPrint direkt: {service_best / direct_best:.2f} (Ziel: höchstens 1,5)")


if __name__ == "__main__":
    main()
