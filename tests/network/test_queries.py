"""The cockpit and the process pages run the same number of queries with 3 and with 30 municipalities."""

import datetime
from dataclasses import dataclass

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from vorort.accounts.models import Membership, Role, User
from vorort.network.models import Municipality, Network
from vorort.network.services import municipality_update
from vorort.process.models import Milestone, Phase, PhaseStatus
from vorort.process.services import milestone_update

from ..factories import MunicipalityFactory, NetworkFactory, UserFactory, member, network_admin

pytestmark = pytest.mark.django_db


@dataclass
class Setup:
    network: Network
    admin: User
    coach: User
    coordinator: User
    town: Municipality  # the town whose pages are measured


def build(prefix: str, towns: int, per_phase: int) -> Setup:
    """A network with `towns` municipalities, each phase with `per_phase` milestones of varying owners."""
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
    return build("Klein", towns=3, per_phase=2)


@pytest.fixture
def large():
    return build("Gross", towns=30, per_phase=6)


def test_setups_differ_in_size(small, large):
    assert Municipality.objects.filter(network=small.network).count() == 3
    assert Municipality.objects.filter(network=large.network).count() == 30
    assert Milestone.objects.filter(phase__process__municipality=large.town).count() == 8 * 6
    assert Milestone.objects.filter(phase__process__municipality=small.town).count() == 8 * 2


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
