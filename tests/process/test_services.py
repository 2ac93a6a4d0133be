"""Process services: phase dates, milestones, network phase definitions, and their audit trail."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from vorort.core.concurrency import StaleEditError
from vorort.core.models import AuditAction, AuditEntry
from vorort.process import services
from vorort.process.models import Milestone, Phase, PhaseDefinition, PhaseStatus, Process

from ..factories import MilestoneFactory, MunicipalityFactory, NetworkFactory, first_phase


def _entries(instance, action=None):
    entries = AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(type(instance)), object_id=str(instance.pk)
    )
    return entries.filter(action=action) if action else entries


def _change(entry, field):
    matches = [change for change in entry.changes if change["field"] == field]
    assert len(matches) == 1, entry.changes
    return matches[0]["before"], matches[0]["after"]


@pytest.fixture
def actor(users):
    return users["editor"]


@pytest.fixture
def phase(town_a):
    return first_phase(town_a)


@pytest.fixture
def milestone(town_a):
    return MilestoneFactory(phase=first_phase(town_a), title="Auftakt", due_date=datetime.date(2030, 1, 15))


# phase_update ---------------------------------------------------------------------------------


def test_status_running_fills_actual_start(actor, phase):
    today = timezone.localdate()
    updated = services.phase_update(
        actor=actor, phase=phase, data={"status": PhaseStatus.RUNNING}, expected_version=phase.version
    )
    assert updated.actual_start == today
    assert updated.actual_end is None
    fresh = Phase.objects.get(pk=phase.pk)
    assert (fresh.status, fresh.actual_start, fresh.actual_end) == (PhaseStatus.RUNNING, today, None)


def test_status_done_fills_actual_end_and_start(actor, phase):
    today = timezone.localdate()
    services.phase_update(actor=actor, phase=phase, data={"status": PhaseStatus.DONE}, expected_version=1)
    fresh = Phase.objects.get(pk=phase.pk)
    assert fresh.status == PhaseStatus.DONE
    assert fresh.actual_start == today
    assert fresh.actual_end == today


def test_running_then_done_keeps_the_original_start(actor, phase):
    started = datetime.date(2025, 11, 3)
    services.phase_update(
        actor=actor,
        phase=phase,
        data={"status": PhaseStatus.RUNNING, "actual_start": started},
        expected_version=1,
    )
    phase = Phase.objects.get(pk=phase.pk)
    assert phase.actual_start == started
    services.phase_update(actor=actor, phase=phase, data={"status": PhaseStatus.DONE}, expected_version=2)
    fresh = Phase.objects.get(pk=phase.pk)
    assert fresh.actual_start == started
    assert fresh.actual_end == timezone.localdate()


def test_dates_given_by_the_user_are_kept(actor, phase):
    start, end = datetime.date(2025, 1, 10), datetime.date(2025, 6, 30)
    services.phase_update(
        actor=actor,
        phase=phase,
        data={"status": PhaseStatus.DONE, "actual_start": start, "actual_end": end},
        expected_version=1,
    )
    fresh = Phase.objects.get(pk=phase.pk)
    assert (fresh.actual_start, fresh.actual_end) == (start, end)


def test_status_open_does_not_invent_dates(actor, phase):
    services.phase_update(actor=actor, phase=phase, data={"notes": "Nur eine Notiz"}, expected_version=1)
    fresh = Phase.objects.get(pk=phase.pk)
    assert fresh.actual_start is None and fresh.actual_end is None
    assert fresh.notes == "Nur eine Notiz"


@pytest.mark.parametrize(("status", "end_filled"), [("laufend", False), ("abgeschlossen", True)])
def test_phase_form_fills_actual_dates(client_for, users, phase, status, end_filled):
    url = reverse("process:phase_edit", kwargs={"slug": phase.process.municipality.slug, "pk": phase.pk})
    data = {"status": status, "planned_start": "", "planned_end": "", "actual_start": "", "actual_end": ""}
    response = client_for(users["editor"]).post(url, {**data, "notes": "", "version": phase.version})
    assert response.status_code == 302
    fresh = Phase.objects.get(pk=phase.pk)
    today = timezone.localdate()
    assert fresh.status == status
    assert fresh.actual_start == today
    assert fresh.actual_end == (today if end_filled else None)


def test_phase_update_with_stale_version_changes_nothing(actor, phase):
    services.phase_update(actor=actor, phase=phase, data={"notes": "Erste"}, expected_version=1)
    with pytest.raises(StaleEditError) as raised:
        services.phase_update(actor=actor, phase=phase, data={"notes": "Zweite"}, expected_version=1)
    assert raised.value.current.notes == "Erste"
    fresh = Phase.objects.get(pk=phase.pk)
    assert (fresh.notes, fresh.version) == ("Erste", 2)
    assert _entries(phase, AuditAction.UPDATE).count() == 1


def test_phase_update_is_audited_with_before_and_after(actor, phase, town_a):
    services.phase_update(
        actor=actor, phase=phase, data={"status": PhaseStatus.RUNNING, "notes": "Los geht's"}, expected_version=1
    )
    entry = _entries(phase, AuditAction.UPDATE).get()
    assert entry.actor == actor
    assert entry.actor_label == actor.display_name
    assert entry.municipality == town_a
    assert entry.network_id == town_a.network_id
    assert _change(entry, "status") == (str(PhaseStatus.OPEN.label), str(PhaseStatus.RUNNING.label))
    assert _change(entry, "notes") == ("", "Los geht's")
    assert _change(entry, "actual_start") == (None, timezone.localdate().isoformat())
    assert "version" not in {change["field"] for change in entry.changes}


def test_phase_update_without_a_change_writes_no_entry(actor, phase):
    services.phase_update(actor=actor, phase=phase, data={"notes": phase.notes}, expected_version=1)
    assert not _entries(phase, AuditAction.UPDATE).exists()


# Milestones -----------------------------------------------------------------------------------


def test_milestone_create_is_audited(actor, phase, town_a):
    milestone = services.milestone_create(
        actor=actor, phase=phase, title="Bürgerbefragung", due_date=datetime.date(2026, 6, 1)
    )
    entry = _entries(milestone, AuditAction.CREATE).get()
    assert entry.municipality == town_a
    assert _change(entry, "title") == (None, "Bürgerbefragung")
    assert _change(entry, "due_date") == (None, "2026-06-01")


def test_milestone_update_is_audited(actor, milestone):
    services.milestone_update(
        actor=actor,
        milestone=milestone,
        data={"title": "Auftakt im Rathaus", "due_date": datetime.date(2030, 2, 1)},
        expected_version=1,
    )
    entry = _entries(milestone, AuditAction.UPDATE).get()
    assert _change(entry, "title") == ("Auftakt", "Auftakt im Rathaus")
    assert _change(entry, "due_date") == ("2030-01-15", "2030-02-01")
    assert len(entry.changes) == 2
    assert Milestone.objects.get(pk=milestone.pk).version == 2


def test_milestone_delete_is_audited(actor, milestone, town_a):
    pk = milestone.pk
    services.milestone_delete(actor=actor, milestone=milestone)
    assert not Milestone.objects.filter(pk=pk).exists()
    entry = AuditEntry.objects.get(
        content_type=ContentType.objects.get_for_model(Milestone), object_id=str(pk), action=AuditAction.DELETE
    )
    assert entry.municipality == town_a
    assert _change(entry, "title") == ("Auftakt", None)


def test_milestone_set_done_marks_done_with_timestamp(actor, milestone):
    before = timezone.now()
    result = services.milestone_set_done(actor=actor, milestone=milestone, done=True)
    assert result.done is True
    fresh = Milestone.objects.get(pk=milestone.pk)
    assert fresh.done is True
    assert before <= fresh.done_at <= timezone.now()
    entry = _entries(milestone, AuditAction.UPDATE).get()
    assert _change(entry, "done") == (False, True)
    assert _change(entry, "done_at")[0] is None


def test_milestone_set_done_is_idempotent(actor, milestone):
    services.milestone_set_done(actor=actor, milestone=milestone, done=True)
    first = Milestone.objects.get(pk=milestone.pk)
    # A second click with the stale object in hand must not flip it back or touch the row again.
    again = services.milestone_set_done(actor=actor, milestone=milestone, done=True)
    assert again.done is True
    fresh = Milestone.objects.get(pk=milestone.pk)
    assert (fresh.done, fresh.done_at, fresh.version) == (True, first.done_at, first.version)
    assert _entries(milestone, AuditAction.UPDATE).count() == 1


def test_milestone_reopen_clears_done_at_and_is_idempotent(actor, milestone):
    services.milestone_set_done(actor=actor, milestone=milestone, done=True)
    services.milestone_set_done(actor=actor, milestone=milestone, done=False)
    services.milestone_set_done(actor=actor, milestone=milestone, done=False)
    fresh = Milestone.objects.get(pk=milestone.pk)
    assert (fresh.done, fresh.done_at) == (False, None)
    assert fresh.version == 3
    assert _entries(milestone, AuditAction.UPDATE).count() == 2


def test_set_done_on_already_open_milestone_does_nothing(actor, milestone):
    services.milestone_set_done(actor=actor, milestone=milestone, done=False)
    assert Milestone.objects.get(pk=milestone.pk).version == 1
    assert not _entries(milestone, AuditAction.UPDATE).exists()


# milestone_toggle view ------------------------------------------------------------------------


def _toggle_url(milestone):
    return reverse("process:milestone_toggle", kwargs={"slug": milestone.municipality.slug, "pk": milestone.pk})


def test_htmx_toggle_returns_the_row_partial(client_for, users, milestone):
    client = client_for(users["editor"])
    response = client.post(_toggle_url(milestone), {"done": "1"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    html = response.content.decode().strip()
    assert html.startswith(f'<li id="milestone-{milestone.pk}"')
    assert "<html" not in html and "<body" not in html
    assert 'class="is-done"' in html
    assert "Als erledigt gespeichert." in html
    assert 'name="done" value="0"' in html  # the button now reopens
    assert [t.name for t in response.templates][0] == "process/_milestone_row.html"
    assert Milestone.objects.get(pk=milestone.pk).done is True


def test_htmx_double_click_keeps_it_done(client_for, users, milestone):
    client = client_for(users["editor"])
    client.post(_toggle_url(milestone), {"done": "1"}, HTTP_HX_REQUEST="true")
    response = client.post(_toggle_url(milestone), {"done": "1"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert Milestone.objects.get(pk=milestone.pk).done is True
    assert _entries(milestone, AuditAction.UPDATE).count() == 1


def test_htmx_reopen_returns_open_row(client_for, users, milestone):
    services.milestone_set_done(actor=users["editor"], milestone=milestone, done=True)
    response = client_for(users["editor"]).post(_toggle_url(milestone), {"done": "0"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "Wieder geöffnet." in html
    assert 'name="done" value="1"' in html
    assert Milestone.objects.get(pk=milestone.pk).done is False


def test_plain_toggle_redirects_with_message(client_for, users, milestone, town_a):
    client = client_for(users["editor"])
    response = client.post(_toggle_url(milestone), {"done": "1"})
    assert response.status_code == 302
    assert (
        response["Location"] == reverse("process:detail", kwargs={"slug": town_a.slug}) + f"#phase-{milestone.phase_id}"
    )
    page = client.get(response["Location"])
    assert "ist erledigt" in page.content.decode()


def test_toggle_by_viewer_is_refused(client_for, users, milestone):
    response = client_for(users["viewer"]).post(_toggle_url(milestone), {"done": "1"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 403
    assert Milestone.objects.get(pk=milestone.pk).done is False


# Phase definitions ----------------------------------------------------------------------------


@pytest.fixture
def other_town(db):
    other = NetworkFactory(name="Anderes Netzwerk")
    return MunicipalityFactory(network=other, name="Anderswo", slug="anderswo")


def test_phase_definition_create_adds_a_phase_to_every_process(network, town_a, town_b, other_town, users):
    other_phases = Phase.objects.filter(process__municipality=other_town).count()
    highest = max(PhaseDefinition.objects.filter(network=network).values_list("order", flat=True))
    definition = services.phase_definition_create(
        actor=users["network_admin"], network=network, name="Evaluation", description="Wirkung messen"
    )
    assert definition.order == highest + 1
    for process in Process.objects.filter(municipality__network=network):
        assert process.phases.filter(definition=definition, status=PhaseStatus.OPEN).count() == 1
        assert process.phases.count() == PhaseDefinition.objects.filter(network=network).count()
    assert Phase.objects.filter(definition=definition).count() == 2
    assert Phase.objects.filter(process__municipality=other_town).count() == other_phases
    entry = _entries(definition, AuditAction.CREATE).get()
    assert entry.actor == users["network_admin"]
    assert entry.network_id == network.pk
    assert _change(entry, "name") == (None, "Evaluation")


def test_phase_definition_create_in_empty_network_starts_at_one(db):
    empty = NetworkFactory(name="Leeres Netzwerk", defaults=False)
    definition = services.phase_definition_create(actor=None, network=empty, name="Erste Phase")
    assert definition.order == 1


def test_new_municipality_gets_the_new_phase_too(network, town_a, users):
    definition = services.phase_definition_create(actor=users["network_admin"], network=network, name="Evaluation")
    later = MunicipalityFactory(network=network, name="Ahlen", slug="ahlen")
    assert Phase.objects.filter(process__municipality=later, definition=definition).exists()


def _orders(network):
    return list(PhaseDefinition.objects.filter(network=network).order_by("order", "id").values_list("pk", "order"))


def test_phase_definition_move_up_swaps_with_the_previous(network, users):
    before = [pk for pk, _ in _orders(network)]
    moved = PhaseDefinition.objects.get(pk=before[3])
    services.phase_definition_move(actor=users["network_admin"], definition=moved, direction="up")
    after = _orders(network)
    expected = before[:2] + [before[3], before[2]] + before[4:]
    assert [pk for pk, _ in after] == expected
    assert [order for _, order in after] == list(range(1, len(before) + 1))


def test_phase_definition_move_down_swaps_with_the_next(network, users):
    before = [pk for pk, _ in _orders(network)]
    services.phase_definition_move(
        actor=users["network_admin"], definition=PhaseDefinition.objects.get(pk=before[0]), direction="down"
    )
    after = [pk for pk, _ in _orders(network)]
    assert after == [before[1], before[0], *before[2:]]


@pytest.mark.parametrize(("index", "direction"), [(0, "up"), (-1, "down")])
def test_phase_definition_move_past_the_end_changes_nothing(network, users, index, direction):
    before = _orders(network)
    definition = PhaseDefinition.objects.get(pk=before[index][0])
    audit_before = AuditEntry.objects.count()
    services.phase_definition_move(actor=users["network_admin"], definition=definition, direction=direction)
    assert _orders(network) == before
    assert AuditEntry.objects.count() == audit_before


def test_phase_definition_move_renumbers_gaps_to_one_to_n(network, users):
    pks = [pk for pk, _ in _orders(network)]
    for position, pk in enumerate(pks):
        PhaseDefinition.objects.filter(pk=pk).update(order=(position + 1) * 10)
    services.phase_definition_move(
        actor=users["network_admin"], definition=PhaseDefinition.objects.get(pk=pks[-1]), direction="up"
    )
    after = _orders(network)
    assert [order for _, order in after] == list(range(1, len(pks) + 1))
    assert [pk for pk, _ in after] == [*pks[:-2], pks[-1], pks[-2]]


def test_phase_definition_move_is_audited(network, users):
    pks = [pk for pk, _ in _orders(network)]
    first, second = (PhaseDefinition.objects.get(pk=pk) for pk in pks[:2])
    services.phase_definition_move(actor=users["network_admin"], definition=second, direction="up")
    assert _change(_entries(second, AuditAction.UPDATE).get(), "order") == (2, 1)
    assert _change(_entries(first, AuditAction.UPDATE).get(), "order") == (1, 2)
    untouched = PhaseDefinition.objects.get(pk=pks[2])
    assert not _entries(untouched, AuditAction.UPDATE).exists()


def test_phase_definition_move_only_touches_own_network(network, other_town, users):
    other_before = _orders(other_town.network)
    pks = [pk for pk, _ in _orders(network)]
    services.phase_definition_move(
        actor=users["network_admin"], definition=PhaseDefinition.objects.get(pk=pks[1]), direction="up"
    )
    assert _orders(other_town.network) == other_before


def test_process_order_follows_the_definitions(network, town_a, users):
    pks = [pk for pk, _ in _orders(network)]
    services.phase_definition_move(
        actor=users["network_admin"], definition=PhaseDefinition.objects.get(pk=pks[1]), direction="up"
    )
    phases = list(Phase.objects.filter(process__municipality=town_a))
    assert [phase.definition_id for phase in phases][:2] == [pks[1], pks[0]]


def test_phase_definition_move_via_view(client_for, users, network):
    pks = [pk for pk, _ in _orders(network)]
    client = client_for(users["network_admin"])
    url = reverse("process:phase_definition_move", kwargs={"pk": pks[2]})
    response = client.post(url, {"direction": "up"})
    assert response.status_code == 302
    assert [pk for pk, _ in _orders(network)][1:3] == [pks[2], pks[1]]


def test_phase_definition_update_is_audited(network, users):
    definition = PhaseDefinition.objects.filter(network=network).first()
    old_name = definition.name
    services.phase_definition_update(actor=users["network_admin"], definition=definition, data={"name": "Start"})
    assert PhaseDefinition.objects.get(pk=definition.pk).name == "Start"
    assert _change(_entries(definition, AuditAction.UPDATE).get(), "name") == (old_name, "Start")
