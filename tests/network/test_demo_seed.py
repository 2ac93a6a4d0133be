"""The demo network: `vorort seed_demo` loads DOMAIN.md's ten towns, once, reproducibly."""

from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.utils import timezone

from vorort.accounts.models import Membership, Role, User
from vorort.core.models import AuditEntry
from vorort.network.demo import ADMIN_EMAIL, DEMO_PASSWORD
from vorort.network.models import Municipality, Network, SizeClass
from vorort.process.models import Milestone, Phase, PhaseStatus, Process

pytestmark = pytest.mark.django_db

TOWNS = {
    # name: (population, size class, rural)
    "Beckum": (37_000, SizeClass.MEDIUM, False),
    "Billerbeck": (12_000, SizeClass.SMALL, True),
    "Brühl": (44_000, SizeClass.MEDIUM, False),
    "Drensteinfurt": (15_500, SizeClass.SMALL, True),
    "Krefeld": (227_000, SizeClass.LARGE, False),
    "Münster": (320_000, SizeClass.LARGE, False),
    "Siegen": (101_000, SizeClass.LARGE, False),
    "Unna": (59_000, SizeClass.MEDIUM, False),
    "Velbert": (81_000, SizeClass.MEDIUM, False),
    "Winterberg": (12_500, SizeClass.SMALL, True),
}
TOWN_ROLES = [Role.COORDINATOR, Role.EDITOR, Role.VIEWER, Role.PARTICIPANT]


def seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def _database_state() -> dict[str, list[dict]]:
    """Every row of every model of the project (and auth/contenttypes), all fields."""
    state = {}
    for model in apps.get_models():
        if model._meta.app_label in {"sessions", "admin"}:
            continue
        state[model._meta.label] = list(model._base_manager.order_by("pk").values())
    return state


@pytest.fixture
def seeded(db):
    seed()
    return Network.objects.get(slug="netzwerk-innenstadt-nrw")


def test_creates_the_network(seeded):
    assert seeded.name == "Netzwerk Innenstadt NRW"
    assert seeded.programme == "Netzwerk vor Ort – Smart City"
    assert Network.objects.count() == 1
    assert seeded.action_fields.count() == 6
    assert seeded.phase_definitions.count() == 8


def test_creates_the_ten_towns_of_domain_md_with_their_size_classes(seeded):
    towns = {m.name: m for m in Municipality.objects.filter(network=seeded)}

    assert set(towns) == set(TOWNS)
    for name, (population, size_class, rural) in TOWNS.items():
        town = towns[name]
        assert town.population == population, name
        assert town.size_class == size_class, name
        assert town.rural is rural, name


def test_small_rural_and_large_towns(seeded):
    small = set(Municipality.objects.filter(population__lt=20_000).values_list("name", flat=True))
    rural = set(Municipality.objects.filter(rural=True).values_list("name", flat=True))
    large = {m.name for m in Municipality.objects.all() if m.size_class == SizeClass.LARGE}

    assert small == rural == {"Billerbeck", "Drensteinfurt", "Winterberg"}
    assert large == {"Krefeld", "Münster", "Siegen"}
    assert {m.size_class_label for m in Municipality.objects.filter(name__in=small)} == {"Kleinstadt"}
    assert {m.size_class_label for m in Municipality.objects.filter(name__in=large)} == {"Großstadt"}


def test_county_free_cities(seeded):
    county_free = set(Municipality.objects.filter(county_free=True).values_list("name", flat=True))
    assert county_free == {"Krefeld", "Münster"}
    assert not Municipality.objects.filter(county_free=True).exclude(county="").exists()
    assert not Municipality.objects.filter(county_free=False, county="").exists()


def test_one_user_per_role_per_town(seeded):
    for town in Municipality.objects.all():
        roles = list(Membership.objects.filter(municipality=town).values_list("role", flat=True))
        for role in TOWN_ROLES:
            assert roles.count(role) == 1, (town.name, role)
        assert roles.count(Role.COACH) == 1, town.name
        coordinator = User.objects.get(memberships__municipality=town, memberships__role=Role.COORDINATOR)
        assert coordinator.email == f"koordination@{town.slug}.demo"
        assert coordinator.is_demo


def test_network_admin_and_coaches(seeded):
    admin = User.objects.get(email=ADMIN_EMAIL)
    assert Membership.objects.filter(user=admin, network=seeded, municipality=None, role=Role.NETWORK_ADMIN).exists()
    coaches = User.objects.filter(memberships__role=Role.COACH).distinct()
    assert coaches.count() == 2
    assert all(user.is_demo for user in User.objects.all())


def test_every_town_has_a_process_with_phases_and_milestones(seeded):
    for town in Municipality.objects.all():
        process = Process.objects.get(municipality=town)
        phases = list(process.phases.order_by("definition__order"))
        assert len(phases) == 8, town.name
        assert Milestone.objects.filter(phase__process=process).count() >= 8, town.name
        statuses = [phase.status for phase in phases]
        # Done phases, then exactly one running phase, then open ones.
        assert statuses.count(PhaseStatus.RUNNING) == 1, town.name
        running = statuses.index(PhaseStatus.RUNNING)
        assert set(statuses[:running]) <= {PhaseStatus.DONE}, town.name
        assert set(statuses[running + 1 :]) <= {PhaseStatus.OPEN}, town.name
        for phase in phases:
            assert phase.planned_start is not None
            assert phase.planned_end >= phase.planned_start


def test_towns_are_in_different_phases(seeded):
    running = {
        phase.process.municipality.name: phase.definition.order
        for phase in Phase.objects.filter(status=PhaseStatus.RUNNING).select_related(
            "definition", "process__municipality"
        )
    }
    assert len(running) == 10
    assert len(set(running.values())) >= 4
    assert running["Siegen"] == 3
    assert running["Münster"] == 8


def test_there_are_overdue_milestones(seeded):
    overdue = Milestone.objects.filter(done=False, due_date__lt=timezone.localdate())
    assert overdue.exists()
    towns = set(overdue.values_list("phase__process__municipality__name", flat=True))
    assert towns & {"Beckum", "Drensteinfurt", "Siegen", "Velbert"}
    # Done milestones carry their completion time.
    assert not Milestone.objects.filter(done=True, done_at__isnull=True).exists()
    assert not Milestone.objects.filter(done=False, done_at__isnull=False).exists()


def test_seed_is_audited_as_system(seeded):
    created = AuditEntry.objects.filter(content_type__model="municipality", action="create")
    assert created.count() == 10
    assert set(created.values_list("actor_label", flat=True)) == {"System"}


def test_running_twice_changes_nothing(seeded):
    before = _database_state()
    counts = {label: len(rows) for label, rows in before.items()}
    assert counts["core.AuditEntry"] > 0
    assert counts["process.Milestone"] > 0

    seed()

    after = _database_state()
    assert {label: len(rows) for label, rows in after.items()} == counts
    for label in before:
        assert after[label] == before[label], label


def test_seed_keeps_changes_made_since(seeded):
    beckum = Municipality.objects.get(slug="beckum")
    Municipality.objects.filter(pk=beckum.pk).update(population=37_500)
    milestones = Milestone.objects.count()

    seed()

    assert Municipality.objects.get(slug="beckum").population == 37_500
    assert Milestone.objects.count() == milestones


# --- demo log-ins -----------------------------------------------------------------------------------


def test_demo_users_cannot_log_in_without_debug(client, settings):
    settings.DEBUG = False
    out = seed()

    assert not client.login(username="koordination@beckum.demo", password=DEMO_PASSWORD)
    assert not client.login(username=ADMIN_EMAIL, password=DEMO_PASSWORD)
    assert not User.objects.get(email="koordination@beckum.demo").has_usable_password()
    assert DEMO_PASSWORD not in out


def test_demo_users_log_in_with_debug(client, settings):
    settings.DEBUG = True
    out = seed()

    assert client.login(username="koordination@beckum.demo", password=DEMO_PASSWORD)
    assert DEMO_PASSWORD in out
    assert "koordination@beckum.demo" in out
    response = client.get("/start/")
    assert response.status_code == 200
    assert "Beckum" in response.content.decode()


def test_demo_login_is_refused_once_debug_is_off_again(client, settings):
    """Passwords set in development do not open the accounts in production."""
    settings.DEBUG = True
    seed()
    settings.DEBUG = False

    assert not client.login(username="koordination@beckum.demo", password=DEMO_PASSWORD)
    response = client.post("/anmelden/", {"username": "koordination@beckum.demo", "password": DEMO_PASSWORD})
    assert response.status_code == 200  # the form again, not a redirect
    assert "_auth_user_id" not in client.session
