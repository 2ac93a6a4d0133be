"""The demo network: `vorort seed_demo` loads DOMAIN.md's ten towns, once, reproducibly."""

import datetime
from collections import Counter, defaultdict
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape

from vorort.accounts.models import Membership, Role, User
from vorort.core.models import AuditAction, AuditEntry
from vorort.events.models import (
    AgendaItem,
    Event,
    EventKind,
    EventResult,
    Registration,
    RegistrationStatus,
    WorkshopResult,
)
from vorort.measures.models import (
    Benefit,
    Measure,
    MeasureDependency,
    MeasureMilestone,
    MeasureStatus,
    StatusChange,
    StatusReport,
)
from vorort.network.demo import ADMIN_EMAIL, DEMO_PASSWORD
from vorort.network.demo_catalogue import MEASURES
from vorort.network.demo_strategy import seed_strategy
from vorort.network.demo_transfer import seed_adoptions
from vorort.network.models import Municipality, Network, SizeClass
from vorort.portal import selectors as portal_selectors
from vorort.portal.models import Lesson
from vorort.process.models import Milestone, Phase, PhaseStatus, Process
from vorort.resources.models import Body, BodyKind, BodyMembership, Capacity, Involvement, MemberRole, Partner, Person
from vorort.search.models import DocumentKind
from vorort.search.selectors import search
from vorort.strategy.models import (
    AssessmentAnswer,
    AssessmentQuestion,
    AssessmentRound,
    Focus,
    Goal,
    Indicator,
    Measurement,
    Need,
    RoundStatus,
    VisionState,
    VisionVersion,
)

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


S = MeasureStatus
ADVANCED = {S.ADOPTED, S.IN_PROGRESS, S.DONE, S.SUSTAINED}


def _running_phase() -> dict[int, int]:
    return dict(
        Phase.objects.filter(status=PhaseStatus.RUNNING).values_list("process__municipality_id", "definition__order")
    )


def _strategy_signature() -> dict:
    """The content of every town, without primary keys and time stamps."""
    return {
        "measures": sorted(
            Measure.objects.values_list(
                "municipality__slug",
                "reference",
                "title",
                "status",
                "start_date",
                "end_date",
                "investment_cost",
                "running_cost",
                "funding_programme",
                "is_public",
                "origin",
                "source_measure__title",
                "focus__title",
            )
        ),
        "history": sorted(StatusChange.objects.values_list("measure__title", "to_status", "changed_on", "note")),
        "benefits": sorted(Benefit.objects.values_list("measure__title", "user_group__name", "strength")),
        "answers": sorted(
            AssessmentAnswer.objects.values_list("round__municipality__slug", "round__title", "question__text", "level")
        ),
        "needs": sorted(Need.objects.values_list("municipality__slug", "title", "weight", "recorded_on")),
        "visions": sorted(
            VisionVersion.objects.values_list(
                "municipality__slug", "number", "state", "adopted_on", "resolution_number"
            )
        ),
        "values": sorted(
            Measurement.objects.values_list("indicator__municipality__slug", "indicator__name", "measured_on", "value")
        ),
    }


@pytest.fixture(scope="class")
def seeded_once(django_db_setup, django_db_blocker):
    """One seed for a whole test class, in a transaction rolled back afterwards. Every test runs in a savepoint
    inside it, so what one test changes (or seeds again) is gone for the next."""
    with django_db_blocker.unblock(), transaction.atomic():
        seed()
        yield
        transaction.set_rollback(True)


@pytest.mark.usefixtures("seeded_once")
class TestSeededDemo:
    """What `vorort seed_demo` loads (seeded once for the class; each test in its own savepoint)."""

    @pytest.fixture
    def seeded(self, db):
        return Network.objects.get(slug="netzwerk-innenstadt-nrw")

    def test_creates_the_network(self, seeded):
        assert seeded.name == "Netzwerk Innenstadt NRW"
        assert seeded.programme == "Netzwerk vor Ort – Smart City"
        assert Network.objects.count() == 1
        assert seeded.action_fields.count() == 6
        assert seeded.phase_definitions.count() == 8

    def test_creates_the_ten_towns_of_domain_md_with_their_size_classes(self, seeded):
        towns = {m.name: m for m in Municipality.objects.filter(network=seeded)}

        assert set(towns) == set(TOWNS)
        for name, (population, size_class, rural) in TOWNS.items():
            town = towns[name]
            assert town.population == population, name
            assert town.size_class == size_class, name
            assert town.rural is rural, name

    def test_small_rural_and_large_towns(self, seeded):
        small = set(Municipality.objects.filter(population__lt=20_000).values_list("name", flat=True))
        rural = set(Municipality.objects.filter(rural=True).values_list("name", flat=True))
        large = {m.name for m in Municipality.objects.all() if m.size_class == SizeClass.LARGE}

        assert small == rural == {"Billerbeck", "Drensteinfurt", "Winterberg"}
        assert large == {"Krefeld", "Münster", "Siegen"}
        assert {m.size_class_label for m in Municipality.objects.filter(name__in=small)} == {"Kleinstadt"}
        assert {m.size_class_label for m in Municipality.objects.filter(name__in=large)} == {"Großstadt"}

    def test_county_free_cities(self, seeded):
        county_free = set(Municipality.objects.filter(county_free=True).values_list("name", flat=True))
        assert county_free == {"Krefeld", "Münster"}
        assert not Municipality.objects.filter(county_free=True).exclude(county="").exists()
        assert not Municipality.objects.filter(county_free=False, county="").exists()

    def test_one_user_per_role_per_town(self, seeded):
        for town in Municipality.objects.all():
            roles = list(Membership.objects.filter(municipality=town).values_list("role", flat=True))
            for role in TOWN_ROLES:
                assert roles.count(role) == 1, (town.name, role)
            assert roles.count(Role.COACH) == 1, town.name
            coordinator = User.objects.get(memberships__municipality=town, memberships__role=Role.COORDINATOR)
            assert coordinator.email == f"koordination@{town.slug}.demo"
            assert coordinator.is_demo

    def test_network_admin_and_coaches(self, seeded):
        admin = User.objects.get(email=ADMIN_EMAIL)
        assert Membership.objects.filter(
            user=admin, network=seeded, municipality=None, role=Role.NETWORK_ADMIN
        ).exists()
        coaches = User.objects.filter(memberships__role=Role.COACH).distinct()
        assert coaches.count() == 2
        assert all(user.is_demo for user in User.objects.all())

    def test_every_town_has_a_process_with_phases_and_milestones(self, seeded):
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

    def test_towns_are_in_different_phases(self, seeded):
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

    def test_there_are_overdue_milestones(self, seeded):
        overdue = Milestone.objects.filter(done=False, due_date__lt=timezone.localdate())
        assert overdue.exists()
        towns = set(overdue.values_list("phase__process__municipality__name", flat=True))
        assert towns & {"Beckum", "Drensteinfurt", "Siegen", "Velbert"}
        # Done milestones carry their completion time.
        assert not Milestone.objects.filter(done=True, done_at__isnull=True).exists()
        assert not Milestone.objects.filter(done=False, done_at__isnull=False).exists()

    def test_seed_is_audited_as_system(self, seeded):
        created = AuditEntry.objects.filter(content_type__model="municipality", action="create")
        assert created.count() == 10
        assert set(created.values_list("actor_label", flat=True)) == {"System"}

    def test_running_twice_changes_nothing(self, seeded):
        before = _database_state()
        counts = {label: len(rows) for label, rows in before.items()}
        assert counts["core.AuditEntry"] > 0
        assert counts["process.Milestone"] > 0

        seed()

        after = _database_state()
        assert {label: len(rows) for label, rows in after.items()} == counts
        for label in before:
            assert after[label] == before[label], label

    def test_seed_keeps_changes_made_since(self, seeded):
        beckum = Municipality.objects.get(slug="beckum")
        Municipality.objects.filter(pk=beckum.pk).update(population=37_500)
        milestones = Milestone.objects.count()

        seed()

        assert Municipality.objects.get(slug="beckum").population == 37_500
        assert Milestone.objects.count() == milestones

    # --- strategy content (rounds, needs, vision, foci, goals, indicators, measures) ----------------------

    def test_every_town_has_15_to_40_measures_with_benefits_costs_and_partners(self, seeded):
        for town in Municipality.objects.all():
            measures = list(Measure.objects.filter(municipality=town))
            assert 15 <= len(measures) <= 40, (town.name, len(measures))
            with_benefits = set(Benefit.objects.filter(measure__municipality=town).values_list("measure_id", flat=True))
            assert with_benefits == {m.pk for m in measures}, town.name
            # Beyond the idea stage, every measure carries its costs.
            for measure in measures:
                if measure.status != S.IDEA:
                    assert measure.investment_cost is not None or measure.running_cost is not None, measure
            assert sum(1 for m in measures if m.investment_cost) >= len(measures) // 2, town.name
            assert Involvement.objects.filter(measure__municipality=town).exists(), town.name
            assert (
                not Involvement.objects.filter(measure__municipality=town).exclude(partner__municipality=town).exists()
            )
            assert Partner.objects.filter(municipality=town).exists(), town.name
            assert len({m.title for m in measures}) == len(measures), town.name  # no duplicate titles
            assert len({m.reference for m in measures}) == len(measures), town.name
            assert all(m.summary and m.description and m.responsible_unit for m in measures), town.name
            for measure in measures:  # placeholders of the catalogue are filled in
                assert "{" not in measure.title + measure.summary + measure.description, measure

    def test_measure_status_follows_the_phase_of_the_town(self, seeded):
        phase = _running_phase()
        share = {}
        for town in Municipality.objects.all():
            statuses = Counter(Measure.objects.filter(municipality=town).values_list("status", flat=True))
            share[town.slug] = sum(statuses[s] for s in ADVANCED) / sum(statuses.values())
            if phase[town.pk] >= 7:
                assert statuses[S.IN_PROGRESS] + statuses[S.DONE] + statuses[S.SUSTAINED] >= 5, town.name
        assert share["siegen"] < 0.2  # still writing the vision: mostly ideas
        assert share["muenster"] > 0.7  # Verstetigung & Transfer
        assert Measure.objects.filter(municipality__slug="muenster", status__in=[S.DONE, S.SUSTAINED]).count() >= 5
        early = [share[t.slug] for t in Municipality.objects.all() if phase[t.pk] <= 5]
        late = [share[t.slug] for t in Municipality.objects.all() if phase[t.pk] >= 7]
        assert max(early) < min(late)
        assert Measure.objects.filter(is_public=True).count() >= 20
        assert Measure.objects.filter(status__in=[S.DEFERRED, S.REJECTED]).exists()

    def test_status_history_is_dated_in_the_past_and_ends_in_the_current_status(self, seeded):
        starts = dict(
            Phase.objects.filter(status=PhaseStatus.RUNNING).values_list("process__municipality_id", "planned_start")
        )
        history = defaultdict(list)
        for change in StatusChange.objects.order_by("id"):
            history[change.measure_id].append(change)
        for measure in Measure.objects.all():
            changes = history[measure.pk]
            assert changes[0].from_status == "" and changes[0].to_status == S.IDEA, measure
            assert changes[-1].to_status == measure.status, measure
            dates = [change.changed_on for change in changes]
            assert dates == sorted(dates) and len(set(dates)) == len(dates), measure
            assert dates[-1] <= starts[measure.municipality_id], measure
            for before, after in zip(changes, changes[1:], strict=False):
                assert after.from_status == before.to_status, measure
            if measure.start_date and measure.end_date:
                assert measure.start_date <= measure.end_date
                assert datetime.date(2025, 1, 1) <= measure.start_date <= datetime.date(2028, 12, 31), measure
        # Running and finished measures report on their progress and have milestones.
        for measure in Measure.objects.filter(status__in=[S.IN_PROGRESS, S.DONE, S.SUSTAINED]):
            assert StatusReport.objects.filter(measure=measure).exists(), measure
            assert MeasureMilestone.objects.filter(measure=measure).exists(), measure
        assert not MeasureMilestone.objects.filter(done=True, done_at__isnull=True).exists()
        assert not MeasureMilestone.objects.filter(done=False, done_at__isnull=False).exists()

    def test_dependencies_stay_in_the_town_and_have_no_cycles(self, seeded):
        links = list(MeasureDependency.objects.select_related("measure", "depends_on"))
        assert len(links) >= 10
        assert len({link.measure.municipality_id for link in links}) >= 8
        edges = defaultdict(set)
        for link in links:
            assert link.measure.municipality_id == link.depends_on.municipality_id
            edges[link.measure_id].add(link.depends_on_id)
        # Kahn's algorithm: every node can be removed when nothing it depends on is left.
        remaining = dict(edges)
        while remaining:
            free = [node for node, targets in remaining.items() if not targets & set(remaining)]
            assert free, "cycle among the dependencies"
            for node in free:
                del remaining[node]
        order = {template.key: index for index, template in enumerate(MEASURES)}
        for template in MEASURES:  # the catalogue only refers back, so no seed can close a cycle
            assert all(order[key] < order[template.key] for key in template.depends_on), template.key

    def test_every_town_has_completed_assessment_rounds(self, seeded):
        questions = set(AssessmentQuestion.objects.filter(active=True).values_list("pk", flat=True))
        assert len(questions) == 24
        means = {}
        for town in Municipality.objects.all():
            done = list(
                AssessmentRound.objects.filter(municipality=town, status=RoundStatus.DONE).order_by("conducted_on")
            )
            assert 1 <= len(done) <= 2, town.name
            assert AssessmentRound.objects.filter(municipality=town, status=RoundStatus.DRAFT).count() <= 1
            town_means = []
            for assessment_round in done:
                answers = AssessmentAnswer.objects.filter(round=assessment_round, level__isnull=False)
                assert set(answers.values_list("question_id", flat=True)) == questions, assessment_round
                assert assessment_round.completed_at is not None
                levels = list(answers.values_list("level", flat=True))
                town_means.append(sum(levels) / len(levels))
            if len(town_means) == 2:
                assert town_means[1] > town_means[0], town.name  # the later round is a little better
                assert town_means[1] - town_means[0] < 1.2, town.name
            means[town.slug] = town_means[-1]
        assert means["muenster"] == max(means.values())
        assert len({round(mean, 2) for mean in means.values()}) >= 6  # levels vary by town

    def test_every_town_has_needs_a_vision_foci_goals_and_indicators(self, seeded):
        phase = _running_phase()
        for town in Municipality.objects.all():
            needs = Need.objects.filter(municipality=town)
            assert 8 <= needs.count() <= 15, town.name
            assert not needs.filter(user_group__isnull=True).exists()
            assert len(set(needs.values_list("source", flat=True))) >= 2, town.name
            assert len(set(needs.values_list("weight", flat=True))) >= 2, town.name

            versions = list(VisionVersion.objects.filter(municipality=town).order_by("number"))
            assert 1 <= len(versions) <= 2, town.name
            for version in versions:
                assert version.principles.count() == 6, town.name
            adopted = [v for v in versions if v.state == VisionState.ADOPTED]
            if phase[town.pk] > 3:
                assert adopted, town.name
                assert all(v.adopted_on and v.resolution_number for v in adopted), town.name
            else:
                assert not adopted, town.name

            foci = list(Focus.objects.filter(municipality=town))
            assert 3 <= len(foci) <= 6, town.name
            for focus in foci:
                assert focus.needs.exists() and focus.rationale, focus
                goals = list(Goal.objects.filter(focus=focus))
                assert 1 <= len(goals) <= 2, focus
                for goal in goals:
                    indicators = list(Indicator.objects.filter(goal=goal))
                    assert 1 <= len(indicators) <= 2, goal
                    for indicator in indicators:
                        assert indicator.unit and indicator.target_date >= indicator.baseline_date
                        values = Measurement.objects.filter(indicator=indicator)
                        assert 2 <= values.count() <= 5, indicator
                        assert values.order_by("measured_on").first().value == indicator.baseline_value
        assert VisionVersion.objects.filter(number=2).count() >= 2
        siegen = VisionVersion.objects.get(municipality__slug="siegen")
        assert siegen.state == VisionState.DRAFT

    def test_small_towns_get_rural_topics_and_cities_urban_ones(self, seeded):
        def titles(slug):
            return " | ".join(Measure.objects.filter(municipality__slug=slug).values_list("title", flat=True))

        assert "Besucherlenkung" in titles("winterberg")
        for slug in ("billerbeck", "drensteinfurt", "winterberg"):
            assert "Bürgerbus" in titles(slug) or "Dorf-App" in titles(slug), slug
            assert "Urbane Datenplattform" not in titles(slug)
        assert "Urbane Datenplattform" in titles("muenster")
        assert "Open-Data-Portal" in titles("krefeld")

    def test_seeded_objects_are_audited_as_system(self, seeded):
        for model in (
            Measure,
            Need,
            Focus,
            Goal,
            Indicator,
            Measurement,
            VisionVersion,
            AssessmentRound,
            Partner,
            MeasureMilestone,
            StatusReport,
            Lesson,
            Event,
            AgendaItem,
            Registration,
            EventResult,
            Body,
            Person,
            Capacity,
        ):
            created = set(
                AuditEntry.objects.filter(
                    content_type__model=model._meta.model_name, action=AuditAction.CREATE
                ).values_list("object_id", flat=True)
            )
            assert {str(pk) for pk in model.objects.values_list("pk", flat=True)} <= created, model.__name__
        assert set(AuditEntry.objects.values_list("actor_label", flat=True)) == {"System"}
        # Status changes, benefits and partners are recorded in the measure's own history.
        measure = Measure.objects.filter(status=S.IN_PROGRESS).first()
        fields = {
            change["field"]
            for entry in AuditEntry.objects.filter(content_type__model="measure", object_id=str(measure.pk))
            for change in entry.changes
        }
        assert {"status", "benefits", "involvements"} <= fields

    def test_strategy_content_is_the_same_on_every_fresh_run(self, seeded):
        """Chosen by a random generator seeded with the town's slug, dated along the process: never time-dependent."""
        before = _strategy_signature()
        for model in (Measure, Partner, AssessmentRound, VisionVersion, Focus, Need):
            model.objects.all().delete()
        towns = {town.slug: town for town in Municipality.objects.all()}
        coordinators = {slug: User.objects.get(email=f"koordination@{slug}.demo") for slug in towns}

        seed_strategy(seeded, towns, coordinators)
        seed_adoptions(towns)  # the adoptions through the portal are measures too, dated along the process

        assert _strategy_signature() == before

    def test_a_town_with_strategy_content_is_left_alone(self, seeded):
        beckum = Municipality.objects.get(slug="beckum")
        Measure.objects.filter(municipality=beckum).delete()
        counts = {model: model.objects.count() for model in (Measure, Need, Focus, AssessmentRound, VisionVersion)}

        seed()

        # Beckum still has needs, rounds and a vision, so nothing is added, not even the deleted measures.
        assert {model: model.objects.count() for model in counts} == counts

    # --- knowledge transfer: lessons, events (Formate), bodies (Gremien), adoptions ---------------------

    def test_every_town_has_public_lessons_on_the_portal_and_an_internal_one(self, seeded, client):
        for town in Municipality.objects.all():
            lessons = list(Lesson.objects.filter(municipality=town).select_related("measure", "event"))
            published = portal_selectors.published_lessons_of(town)
            assert 2 <= len(published) <= 4, (town.name, len(published))
            assert 3 <= len(lessons) <= 5, (town.name, len(lessons))
            internal = [lesson for lesson in lessons if not lesson.is_public]
            assert len(internal) == 1, town.name
            for lesson in lessons:
                assert len(lesson.text) > 200 and "{" not in lesson.title + lesson.text, lesson
                assert lesson.created_at <= timezone.now(), lesson
                assert lesson.created_by is not None and lesson.created_by.email == f"koordination@{town.slug}.demo"
            # Lessons on measures are about the town's public measures in implementation or done.
            for lesson in published:
                if lesson.measure is not None:
                    assert lesson.measure.municipality_id == town.pk
                    assert lesson.measure.status in {S.IN_PROGRESS, S.DONE, S.SUSTAINED}, lesson
            page = client.get(f"/kommunen/{town.slug}/").content.decode()
            for lesson in published:
                assert escape(lesson.title) in page, (town.name, lesson.title)
            assert escape(internal[0].title) not in page
            assert client.get(f"/kommunen/{town.slug}/wissen/{internal[0].pk}/").status_code == 404
        titles = list(Lesson.objects.values_list("title", flat=True))
        assert len(set(titles)) == len(titles)  # each lesson is told once in the network
        assert Lesson.objects.filter(measure__isnull=False, is_public=True).count() >= 15
        assert Lesson.objects.filter(event__isnull=False, is_public=True).count() >= 5

    def test_a_measure_page_shows_its_lessons_learned(self, seeded, client):
        lesson = portal_selectors.published_lessons().filter(measure__isnull=False).order_by("id").first()
        measure = lesson.measure
        page = client.get(f"/kommunen/{measure.municipality.slug}/massnahmen/{measure.pk}/").content.decode()
        assert escape(lesson.title) in page
        assert client.get(f"/kommunen/{measure.municipality.slug}/wissen/{lesson.pk}/").status_code == 200
        newest = portal_selectors.latest_lessons(limit=1)[0]
        assert escape(newest.title) in client.get("/wissen/").content.decode()

    def test_the_search_finds_published_lessons_but_no_internal_ones(self, seeded, client):
        results = search("Bürgerbus Buchung")
        lessons = [hit for hit in results.hits if hit.kind == DocumentKind.LESSON]
        assert lessons, [hit.title for hit in results.hits]
        assert all(
            hit.title in set(portal_selectors.published_lessons().values_list("title", flat=True)) for hit in lessons
        )
        internal = Lesson.objects.filter(is_public=False).first()
        found = search(internal.title.split("„")[0])  # "Intern: Leistungsbeschreibung für" …
        assert internal.title not in {hit.title for hit in found.hits}
        assert "Bürgerbus" in client.get("/suche/", {"q": "Bürgerbus"}).content.decode()

    def test_network_and_town_events_past_and_upcoming(self, seeded, client):
        now = timezone.now()
        events = Event.objects.all()
        network_events = events.filter(municipality__isnull=True)
        assert network_events.count() >= 5
        assert set(network_events.values_list("kind", flat=True)) >= {
            EventKind.EXCHANGE,
            EventKind.WORKSHOP,
            EventKind.WEBINAR,
            EventKind.EXCURSION,
        }
        upcoming_public = events.filter(is_public=True, starts_at__gt=now)
        assert upcoming_public.filter(municipality__isnull=True).count() >= 2
        assert upcoming_public.filter(municipality__isnull=False).count() >= 5
        assert events.filter(is_public=False).exists() and events.filter(ends_at__lt=now, is_public=True).exists()
        for town in Municipality.objects.all():
            assert 1 <= events.filter(municipality=town).count() <= 3, town.name
            assert portal_selectors.upcoming_public_events(town), town.name
        for event in events:
            assert AgendaItem.objects.filter(event=event).count() >= 3, event
            assert event.ends_at > event.starts_at
            assert bool(event.location) == (event.mode != "digital"), event
            assert bool(event.online_url) == (event.mode != "analog"), event
            if event.capacity:
                confirmed = Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED).count()
                assert confirmed <= event.capacity, event
        # Past formats are documented, their results name measures and needs of the towns involved.
        for event in events.filter(ends_at__lt=now):
            assert event.protocol and EventResult.objects.filter(event=event).exists(), event
        results = EventResult.objects.select_related("event", "measure", "need")
        assert results.filter(measure__isnull=False).count() >= 5
        assert results.filter(need__isnull=False).count() >= 3
        for result in results:
            towns = (
                {result.event.municipality_id}
                if result.event.municipality_id
                else set(result.event.participating_municipalities.values_list("pk", flat=True))
            )
            for linked in (result.measure, result.need):
                assert linked is None or linked.municipality_id in towns, result
        assert WorkshopResult.objects.exists()
        assert Registration.objects.filter(attended=True, event__ends_at__lt=now).exists()
        assert not Registration.objects.filter(attended=True, event__starts_at__gt=now).exists()
        home = client.get("/").content.decode()
        assert escape(upcoming_public.order_by("starts_at").first().title) in home

    def test_every_town_has_its_bodies_with_members(self, seeded):
        for town in Municipality.objects.all():
            bodies = {body.kind: body for body in Body.objects.filter(municipality=town)}
            assert {BodyKind.STEERING, BodyKind.TEAM, BodyKind.WORKING_GROUP} <= set(bodies), town.name
            # the council committee that accompanies the strategy (an Arbeitskreis: BodyKind has no council tier)
            assert Body.objects.filter(municipality=town, name__icontains="ausschuss").exists(), town.name
            steering = bodies[BodyKind.STEERING]
            roles = set(BodyMembership.objects.filter(body=steering).values_list("role", flat=True))
            assert {MemberRole.CHAIR, MemberRole.MANAGEMENT} <= roles, town.name
            for body in Body.objects.filter(municipality=town):
                members = BodyMembership.objects.filter(body=body).select_related("person", "partner")
                assert members.count() >= 2, body
                for member in members:
                    owner = member.person or member.partner
                    assert owner.municipality_id == town.pk, member
            assert Person.objects.filter(municipality=town).count() >= 6, town.name

    def test_towns_adopt_published_measures_of_others_through_the_portal(self, seeded, client):
        adopted = Measure.objects.filter(origin_note__startswith="Übernommen von").select_related(
            "source_measure__municipality", "municipality"
        )
        assert 3 <= adopted.count() <= 5
        for measure in adopted:
            assert measure.source_measure.is_public and measure.municipality != measure.source_measure.municipality
            assert measure.status == S.IDEA and measure.reference and measure.responsible_unit
        counts = Counter(adopted.values_list("source_measure", flat=True))
        source_pk, _ = counts.most_common(1)[0]
        source = Measure.objects.get(pk=source_pk)
        assert portal_selectors.adoption_count(source) >= 2
        page = client.get(f"/kommunen/{source.municipality.slug}/massnahmen/{source.pk}/").content.decode()
        assert "übernommen von" in page


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
