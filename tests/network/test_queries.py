"""The cockpit, the process pages and the workspace overview run the same number of queries with 3 and with 30
municipalities (and, in the measured town, 3 and 30 measures per action field with their foci, goals, indicators,
milestones and status reports)."""

import datetime
from dataclasses import dataclass

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from vorort.accounts.models import Membership, Role, User
from vorort.measures.models import Measure, MeasureMilestone, MeasureStatus, StatusReport, TrafficLight
from vorort.network.models import ActionField, Municipality, Network
from vorort.network.services import municipality_update
from vorort.process.models import Milestone, Phase, PhaseStatus
from vorort.process.services import milestone_update
from vorort.strategy.models import Focus, Goal, Indicator, Measurement, VisionState, VisionVersion

from ..factories import MunicipalityFactory, NetworkFactory, UserFactory, member, network_admin
from ..strategy.support import completed_round

pytestmark = pytest.mark.django_db


@dataclass
class Setup:
    network: Network
    admin: User
    coach: User
    coordinator: User
    town: Municipality  # the town whose pages are measured


def fill_strategy(town: Municipality, per_field: int) -> None:
    """What the workspace overview shows, growing with `per_field`: per action field `per_field` measures in
    every status (each with an overdue and an upcoming milestone and two status reports), `per_field // 3`
    foci with two goals of two indicators each (with measurements); a vision and a completed Reifegrad-Check."""
    today = timezone.localdate()
    VisionVersion.objects.create(
        municipality=town,
        number=1,
        title="Smarte Stadt 2030",
        text="Vision",
        state=VisionState.ADOPTED,
        adopted_on=datetime.date(2026, 3, 1),
        resolution_number="2026/017",
    )
    VisionVersion.objects.create(municipality=town, number=2, title="Smarte Stadt 2035", text="Entwurf")
    completed_round(town, default=2)
    statuses, lights = MeasureStatus.values, TrafficLight.values
    for field in ActionField.objects.filter(network_id=town.network_id):
        foci = [
            Focus.objects.create(municipality=town, action_field=field, title=f"{field.name}: Schwerpunkt {n}", order=n)
            for n in range(per_field // 3)
        ]
        for focus in foci:
            for g in range(2):
                goal = Goal.objects.create(municipality=town, focus=focus, title=f"{focus.title}, Ziel {g}", order=g)
                for i in range(2):
                    indicator = Indicator.objects.create(
                        municipality=town,
                        goal=goal,
                        name=f"{goal.title}, Indikator {i}",
                        unit="%",
                        baseline_value=10,
                        baseline_date=datetime.date(2024, 1, 1),
                        target_value=50,
                        target_date=datetime.date(2030, 1, 1),
                    )
                    Measurement.objects.bulk_create(
                        Measurement(indicator=indicator, measured_on=datetime.date(2024, 6, 1 + d), value=10 + 5 * d)
                        for d in range(per_field // 3)
                    )
        measures = Measure.objects.bulk_create(
            Measure(
                municipality=town,
                title=f"{field.name}: Maßnahme {n}",
                action_field=field,
                status=statuses[n % len(statuses)],
                focus=foci[n % len(foci)],
            )
            for n in range(per_field)
        )
        MeasureMilestone.objects.bulk_create(
            MeasureMilestone(
                measure=m, title=f"{m.title}, Meilenstein {k}", due_date=today + datetime.timedelta(days=d)
            )
            for n, m in enumerate(measures)
            for k, d in enumerate((-10 - n, 5 + n))
        )
        StatusReport.objects.bulk_create(
            StatusReport(
                measure=m,
                reported_on=datetime.date(2026, 1, 1) + datetime.timedelta(days=30 * k),
                traffic_light=lights[(n + k) % len(lights)],
                text=f"Bericht {k}",
            )
            for n, m in enumerate(measures)
            for k in range(2)
        )


def build(prefix: str, towns: int, per_phase: int, per_field: int) -> Setup:
    """A network with `towns` municipalities, each phase with `per_phase` milestones of varying owners; the
    measured town with strategy and measures growing with `per_field` (see fill_strategy)."""
    network = NetworkFactory(name=f"Netzwerk {prefix}")
    admin = network_admin(network, name=f"Geschäftsstelle {prefix}")
    coach = UserFactory(name=f"Begleitung {prefix}")
    today = timezone.localdate()
    first = None
    first_coordinator = None
    for index in range(towns):
        town = MunicipalityFactory(
            network=network,
            name=f"{prefix} Stadt {index}",
            slug=f"{prefix.lower()}-stadt-{index}",
            population=5_000 + index * 9_000,
            rural=index % 2 == 0,
        )
        Membership.objects.create(user=coach, network=network, municipality=town, role=Role.COACH)
        people = [member(town, role) for role in (Role.COORDINATOR, Role.EDITOR, Role.VIEWER, Role.PARTICIPANT)]
        people += [member(town, Role.EDITOR) for _ in range(per_phase)]
        phases = list(Phase.objects.filter(process__municipality=town).order_by("definition__order"))
        running = index % len(phases)
        for number, phase in enumerate(phases):
            phase.status = (
                PhaseStatus.DONE if number < running else PhaseStatus.RUNNING if number == running else PhaseStatus.OPEN
            )
            phase.planned_start = datetime.date(2026, 1, 1) + datetime.timedelta(days=30 * number)
            phase.planned_end = phase.planned_start + datetime.timedelta(days=29)
            phase.save()
        Milestone.objects.bulk_create(
            [
                Milestone(
                    phase=phase,
                    title=f"Meilenstein {number}.{m}",
                    due_date=today + datetime.timedelta(days=(m - per_phase // 2) * 7 + number),
                    owner=people[(number + m) % len(people)] if m % 3 else None,
                    done=m % 4 == 1,
                )
                for number, phase in enumerate(phases)
                for m in range(per_phase)
            ]
        )
        if first is None:
            first, first_coordinator = town, people[0]
    # Some audited changes in the measured town, by different people.
    for milestone in Milestone.objects.filter(phase__process__municipality=first)[: per_phase * 2]:
        milestone_update(
            actor=milestone.owner,
            milestone=milestone,
            data={"title": milestone.title + " (neu)"},
            expected_version=None,
        )
    municipality_update(actor=admin, municipality=first, data={"population": 4_321}, expected_version=None)
    fill_strategy(first, per_field)
    return Setup(network=network, admin=admin, coach=coach, coordinator=first_coordinator, town=first)


def pages(setup: Setup) -> list[tuple[str, User, str]]:
    slug = setup.town.slug
    return [
        ("cockpit (Geschäftsstelle)", setup.admin, "/netzwerk/cockpit/"),
        ("cockpit gefiltert", setup.admin, "/netzwerk/cockpit/?size_class=mittel&rural=ja"),
        ("cockpit (Begleitung)", setup.coach, "/netzwerk/cockpit/"),
        ("start (Geschäftsstelle)", setup.admin, "/start/"),
        ("start (Begleitung)", setup.coach, "/start/"),
        ("start (Koordination)", setup.coordinator, "/start/"),
        ("arbeitsbereich (Geschäftsstelle)", setup.admin, f"/arbeitsbereich/{slug}/"),
        ("arbeitsbereich (Koordination)", setup.coordinator, f"/arbeitsbereich/{slug}/"),
        ("prozess (Geschäftsstelle)", setup.admin, f"/arbeitsbereich/{slug}/prozess/"),
        ("prozess (Koordination)", setup.coordinator, f"/arbeitsbereich/{slug}/prozess/"),
        ("verlauf (Koordination)", setup.coordinator, f"/arbeitsbereich/{slug}/verlauf/"),
    ]


def measure(client, user: User, url: str) -> CaptureQueriesContext:
    client.force_login(user, backend="vorort.accounts.backends.EmailBackend")
    client.get(url)  # warm-up: per-process caches (content types, templates) are filled once
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return queries


@pytest.fixture
def small():
    return build("Klein", towns=3, per_phase=2, per_field=3)


@pytest.fixture
def large():
    return build("Gross", towns=30, per_phase=6, per_field=30)


def test_setups_differ_in_size(small, large):
    assert Municipality.objects.filter(network=small.network).count() == 3
    assert Municipality.objects.filter(network=large.network).count() == 30
    assert Milestone.objects.filter(phase__process__municipality=large.town).count() == 8 * 6
    assert Milestone.objects.filter(phase__process__municipality=small.town).count() == 8 * 2
    assert Measure.objects.filter(municipality=large.town).count() == 6 * 30
    assert Measure.objects.filter(municipality=small.town).count() == 6 * 3
    assert Focus.objects.filter(municipality=large.town).count() == 6 * 10
    assert Indicator.objects.filter(municipality=large.town).count() == 6 * 10 * 4
    assert Indicator.objects.filter(municipality=small.town).count() == 6 * 1 * 4


def test_same_number_of_queries_with_3_and_30_municipalities(client, small, large):
    differences = []
    for (name, small_user, small_url), (_, large_user, large_url) in zip(pages(small), pages(large), strict=True):
        few = measure(client, small_user, small_url)
        many = measure(client, large_user, large_url)
        if len(few) != len(many):
            extra = [q["sql"] for q in many.captured_queries][len(few) :][:5]
            differences.append(f"{name}: {len(few)} vs {len(many)} queries; e.g. {extra}")
    assert not differences, "\n".join(differences)


def test_pages_show_the_data_they_were_measured_with(client, small, large):
    """Guards the measurement: the large pages really render all towns and milestones."""
    client.force_login(large.admin, backend="vorort.accounts.backends.EmailBackend")
    cockpit = client.get("/netzwerk/cockpit/")
    assert len(cockpit.context["cockpit"].rows) == 30
    assert all(len(row.cells) == 8 for row in cockpit.context["cockpit"].rows)
    start = client.get("/start/")
    assert len(start.context["rows"]) == 30
    process = client.get(f"/arbeitsbereich/{large.town.slug}/prozess/")
    assert process.content.decode().count('<li id="milestone-') == 8 * 6

    client.force_login(large.coach, backend="vorort.accounts.backends.EmailBackend")
    assert len(client.get("/netzwerk/cockpit/").context["cockpit"].rows) == 30

    client.force_login(large.coordinator, backend="vorort.accounts.backends.EmailBackend")
    overview = client.get(f"/arbeitsbereich/{large.town.slug}/").context["overview"]
    assert overview.measures.total == 6 * 30
    assert sum(len(group.foci) for group in overview.foci) == 6 * 10
    assert (len(overview.indicators), overview.indicator_total) == (10, 240)
    # Each measure has one overdue milestone; milestones of deferred and rejected measures do not count.
    active = Measure.objects.filter(municipality=large.town).exclude(status__in=["zurueckgestellt", "verworfen"])
    process_overdue = Milestone.objects.filter(
        phase__process__municipality=large.town, done=False, due_date__lt=timezone.localdate()
    ).count()
    assert overview.deadlines.overdue_total == active.count() + process_overdue
    assert len(overview.deadlines.overdue) == 10
    assert overview.lights.reported == active.count()
    assert len(overview.lights.flagged) == 6


def test_cockpit_query_count_is_small(client, django_assert_max_num_queries, large):
    """Session, user, roles, towns, phase definitions, phases: a handful of queries, not one per cell."""
    client.force_login(large.admin, backend="vorort.accounts.backends.EmailBackend")
    client.get("/netzwerk/cockpit/")
    with django_assert_max_num_queries(10):
        assert client.get("/netzwerk/cockpit/").status_code == 200


def test_process_page_query_count_matches_exactly(client, django_assert_num_queries, small, large):
    few = measure(client, small.coordinator, f"/arbeitsbereich/{small.town.slug}/prozess/")
    client.force_login(large.coordinator, backend="vorort.accounts.backends.EmailBackend")
    with django_assert_num_queries(len(few)):
        client.get(f"/arbeitsbereich/{large.town.slug}/prozess/")


def test_workspace_overview_query_count_matches_exactly(client, django_assert_num_queries, small, large):
    few = measure(client, small.coordinator, f"/arbeitsbereich/{small.town.slug}/")
    client.force_login(large.coordinator, backend="vorort.accounts.backends.EmailBackend")
    with django_assert_num_queries(len(few)):
        client.get(f"/arbeitsbereich/{large.town.slug}/")
