"""The audit trail: who changed what, before → after; entries are immutable and tenant-scoped."""

import datetime
import html
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.urls import reverse

from vorort.accounts.models import Role, User
from vorort.core.models import AuditAction, AuditEntry
from vorort.network.models import Municipality
from vorort.network.services import municipality_update
from vorort.process.models import Milestone, Phase
from vorort.process.services import (
    milestone_create,
    milestone_delete,
    milestone_set_done,
    milestone_update,
    phase_update,
)

from ..factories import MilestoneFactory, first_phase, member

pytestmark = pytest.mark.django_db


def _changes(entry: AuditEntry) -> dict[str, tuple]:
    return {change["field"]: (change["before"], change["after"]) for change in entry.changes}


def _entries_for(instance) -> list[AuditEntry]:
    content_type = ContentType.objects.get_for_model(instance)
    return list(AuditEntry.objects.filter(content_type=content_type, object_id=str(instance.pk)))


@pytest.fixture
def coordinator(town_a):
    return member(town_a, Role.COORDINATOR, email="koordination@beckum.example", name="Kim Koordination")


@pytest.fixture
def milestone(town_a):
    return MilestoneFactory(
        phase=first_phase(town_a), title="Lenkungsgruppe einrichten", due_date=datetime.date(2030, 1, 15)
    )


# --- services write entries -------------------------------------------------------------------------


def test_milestone_update_records_actor_municipality_object_and_each_change(coordinator, milestone, town_a):
    before_count = AuditEntry.objects.count()

    updated = milestone_update(
        actor=coordinator,
        milestone=milestone,
        data={"title": "Lenkungsgruppe eingerichtet", "due_date": datetime.date(2030, 3, 1)},
        expected_version=milestone.version,
    )

    assert AuditEntry.objects.count() == before_count + 1
    entry = AuditEntry.objects.order_by("-id").first()
    assert entry.action == AuditAction.UPDATE
    assert entry.actor == coordinator
    assert entry.actor_label == "Kim Koordination"
    assert entry.municipality == town_a
    assert entry.network_id == town_a.network_id
    assert entry.content_type == ContentType.objects.get_for_model(Milestone)
    assert entry.object_id == str(milestone.pk)
    assert entry.object_repr == "Lenkungsgruppe eingerichtet"
    assert _changes(entry) == {
        "title": ("Lenkungsgruppe einrichten", "Lenkungsgruppe eingerichtet"),
        "due_date": ("2030-01-15", "2030-03-01"),
    }
    labels = {change["field"]: change["label"] for change in entry.changes}
    assert labels == {"title": "Titel", "due_date": "fällig am"}
    # Technical fields are never part of the diff, even though the version moved on.
    assert updated.version == milestone.version + 1


def test_milestone_done_records_done_flag_and_timestamp(coordinator, milestone):
    milestone_set_done(actor=coordinator, milestone=milestone, done=True)

    entry = _entries_for(milestone)[0]
    changes = _changes(entry)
    assert changes["done"] == (False, True)
    assert changes["done_at"][0] is None
    assert changes["done_at"][1] is not None
    assert set(changes) == {"done", "done_at"}


def test_milestone_owner_change_is_recorded_by_name(coordinator, milestone, town_a):
    owner = member(town_a, Role.EDITOR, name="Rita Redaktion")

    milestone_update(actor=coordinator, milestone=milestone, data={"owner": owner}, expected_version=None)

    assert _changes(_entries_for(milestone)[0]) == {"owner": (None, "Rita Redaktion")}


def test_municipality_update_records_every_changed_field(network, town_a, users):
    admin = users["network_admin"]

    municipality_update(
        actor=admin,
        municipality=town_a,
        data={"population": 36_500, "rural": True, "name": "Beckum"},
        expected_version=town_a.version,
    )

    entries = _entries_for(town_a)
    update = [e for e in entries if e.action == AuditAction.UPDATE]
    assert len(update) == 1
    entry = update[0]
    assert entry.actor == admin
    assert entry.municipality == town_a
    assert entry.network == network
    assert entry.object_repr == "Beckum"
    assert _changes(entry) == {"population": (37_000, 36_500), "rural": (False, True)}


def test_phase_update_records_status_by_its_label(coordinator, town_a):
    phase = first_phase(town_a)

    phase_update(actor=coordinator, phase=phase, data={"status": "laufend"}, expected_version=phase.version)

    entry = _entries_for(phase)[0]
    assert entry.municipality == town_a
    changes = _changes(entry)
    assert changes["status"] == ("offen", "laufend")
    assert changes["actual_start"][0] is None
    assert changes["actual_start"][1] is not None


def test_update_without_change_writes_no_entry(coordinator, milestone, town_a, users):
    count = AuditEntry.objects.count()

    milestone_update(
        actor=coordinator,
        milestone=milestone,
        data={"title": milestone.title, "due_date": milestone.due_date},
        expected_version=milestone.version,
    )
    municipality_update(
        actor=users["network_admin"],
        municipality=town_a,
        data={"population": town_a.population, "name": town_a.name},
        expected_version=town_a.version,
    )
    milestone_update(actor=coordinator, milestone=milestone, data={}, expected_version=None)

    assert AuditEntry.objects.count() == count


def test_create_and_delete_are_recorded(coordinator, town_a):
    phase = first_phase(town_a)

    milestone = milestone_create(
        actor=coordinator, phase=phase, title="Statusbericht", due_date=datetime.date(2030, 6, 30)
    )
    pk = milestone.pk
    milestone_delete(actor=coordinator, milestone=milestone)

    entries = AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Milestone), object_id=str(pk)
    ).order_by("id")
    assert [e.action for e in entries] == [AuditAction.CREATE, AuditAction.DELETE]
    created, deleted = entries
    assert created.municipality == deleted.municipality == town_a
    assert _changes(created)["title"] == (None, "Statusbericht")
    assert _changes(created)["due_date"] == (None, "2030-06-30")
    assert _changes(deleted)["title"] == ("Statusbericht", None)
    assert not Milestone.objects.filter(pk=pk).exists()


def test_entry_survives_deletion_of_its_actor(coordinator, milestone):
    milestone_update(actor=coordinator, milestone=milestone, data={"title": "Neu"}, expected_version=None)
    entry = _entries_for(milestone)[0]

    User.objects.filter(pk=coordinator.pk).delete()

    entry = AuditEntry.objects.get(pk=entry.pk)
    assert entry.actor is None
    assert entry.actor_label == "Kim Koordination"


# --- immutability -----------------------------------------------------------------------------------


@pytest.fixture
def entry(coordinator, milestone):
    milestone_update(actor=coordinator, milestone=milestone, data={"title": "Vorher/Nachher"}, expected_version=None)
    return _entries_for(milestone)[0]


def _unchanged(entry: AuditEntry) -> bool:
    stored = AuditEntry.objects.filter(pk=entry.pk).values("object_repr", "changes", "actor_label").get()
    return stored["object_repr"] == "Vorher/Nachher" and stored["actor_label"] == "Kim Koordination"


def test_saving_an_existing_entry_raises(entry):
    entry.object_repr = "gefälscht"
    entry.actor_label = "Jemand anderes"
    with pytest.raises(PermissionError):
        entry.save()
    assert _unchanged(entry)


def test_deleting_an_entry_raises(entry):
    with pytest.raises(PermissionError):
        entry.delete()
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_queryset_update_raises(entry):
    with pytest.raises(PermissionError):
        AuditEntry.objects.filter(pk=entry.pk).update(object_repr="gefälscht")
    with pytest.raises(PermissionError):
        AuditEntry.objects.all().update(actor_label="Jemand anderes")
    assert _unchanged(entry)


def test_queryset_delete_raises(entry):
    count = AuditEntry.objects.count()
    with pytest.raises(PermissionError):
        AuditEntry.objects.filter(pk=entry.pk).delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.count() == count


def test_bulk_update_raises(entry):
    entry.object_repr = "gefälscht"
    # bulk_update runs in a transaction without savepoint; give it one so the test can read afterwards.
    with pytest.raises(PermissionError), transaction.atomic():
        AuditEntry.objects.bulk_update([entry], ["object_repr"])
    assert _unchanged(entry)


# --- Django admin -----------------------------------------------------------------------------------


@pytest.fixture
def superuser_client(client):
    superuser = User.objects.create_superuser("root@example.org", "sehr-geheimes-passwort-2026")
    client.force_login(superuser, backend="vorort.accounts.backends.EmailBackend")
    return client


def test_admin_offers_no_add(superuser_client, entry):
    assert superuser_client.get(reverse("admin:core_auditentry_add")).status_code == 403
    response = superuser_client.post(
        reverse("admin:core_auditentry_add"),
        {"object_repr": "neu", "object_id": "1", "action": "create", "content_type": entry.content_type_id},
    )
    assert response.status_code == 403
    assert not AuditEntry.objects.filter(object_repr="neu").exists()


def test_admin_change_page_is_read_only(superuser_client, entry):
    url = reverse("admin:core_auditentry_change", args=[entry.pk])

    response = superuser_client.get(url)

    assert response.status_code == 200
    content = response.content.decode()
    assert "Vorher/Nachher" in content
    assert 'name="object_repr"' not in content
    assert 'name="_save"' not in content
    assert not response.context["has_change_permission"]


def test_admin_change_post_changes_nothing(superuser_client, entry):
    url = reverse("admin:core_auditentry_change", args=[entry.pk])

    response = superuser_client.post(
        url,
        {
            "object_repr": "gefälscht",
            "actor_label": "Jemand anderes",
            "object_id": entry.object_id,
            "action": "delete",
            "content_type": entry.content_type_id,
            "changes": "[]",
            "_save": "Sichern",
        },
    )

    assert response.status_code == 403
    assert _unchanged(entry)


def test_admin_offers_no_delete(superuser_client, entry):
    url = reverse("admin:core_auditentry_delete", args=[entry.pk])
    assert superuser_client.get(url).status_code == 403
    assert superuser_client.post(url, {"post": "yes"}).status_code == 403
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_admin_changelist_has_no_add_link_and_no_delete_action(superuser_client, entry):
    response = superuser_client.get(reverse("admin:core_auditentry_changelist"))

    assert response.status_code == 200
    assert reverse("admin:core_auditentry_add") not in response.content.decode()
    assert "delete_selected" not in response.content.decode()

    count = AuditEntry.objects.count()
    response = superuser_client.post(
        reverse("admin:core_auditentry_changelist"),
        {"action": "delete_selected", "_selected_action": [entry.pk], "post": "yes"},
    )
    assert AuditEntry.objects.count() == count


# --- Verlauf pages ----------------------------------------------------------------------------------


def _diffs(content: str) -> list[tuple[str, str]]:
    """(before, after) pairs shown on a Verlauf page, visually hidden helper text stripped."""
    hidden = r'<span class="visually-hidden">[^<]*</span>'
    pairs = re.findall(
        rf'<span class="diff-before">{hidden}([^<]*)</span> → <span class="diff-after">{hidden}([^<]*)</span></li>',
        content,
    )
    return [(html.unescape(before).strip(), html.unescape(after).strip()) for before, after in pairs]


@pytest.fixture
def history(coordinator, town_a, town_b):
    """Changes in town A (milestone and municipality) and a change in town B."""
    milestone = milestone_create(
        actor=coordinator, phase=first_phase(town_a), title="Visionswerkstatt", due_date=datetime.date(2030, 5, 4)
    )
    milestone = milestone_update(
        actor=coordinator,
        milestone=milestone,
        data={"title": "Visionswerkstatt durchgeführt", "due_date": datetime.date(2030, 6, 5)},
        expected_version=milestone.version,
    )
    municipality_update(actor=None, municipality=town_a, data={"population": 38_123}, expected_version=None)
    coordinator_b = member(town_b, Role.COORDINATOR, name="Bert Billerbeck")
    milestone_b = milestone_create(
        actor=coordinator_b,
        phase=first_phase(town_b),
        title="Geheimprojekt Billerbeck",
        due_date=datetime.date(2030, 1, 1),
    )
    milestone_update(
        actor=coordinator_b,
        milestone=milestone_b,
        data={"title": "Geheimprojekt Billerbeck II"},
        expected_version=milestone_b.version,
    )
    municipality_update(actor=None, municipality=town_b, data={"population": 12_345}, expected_version=None)
    return {"milestone": milestone, "milestone_b": milestone_b}


def test_object_history_shows_before_and_after(client_for, coordinator, town_a, history):
    milestone = history["milestone"]
    url = f"/arbeitsbereich/{town_a.slug}/verlauf/process.milestone/{milestone.pk}/"

    response = client_for(coordinator).get(url)

    assert response.status_code == 200
    content = response.content.decode()
    assert "Kim Koordination" in content
    diffs = _diffs(content)
    assert ("Visionswerkstatt", "Visionswerkstatt durchgeführt") in diffs
    assert ("2030-05-04", "2030-06-05") in diffs
    # The creation is listed too, with "–" for the value before.
    assert ("–", "Visionswerkstatt") in diffs
    assert [e.pk for e in response.context["page"].object_list] == [e.pk for e in _entries_for(milestone)]
    # Only this milestone's entries: nothing about the municipality itself.
    assert "38123" not in content


def test_municipality_history_lists_all_changes_of_the_town(client_for, coordinator, town_a, history):
    response = client_for(coordinator).get(f"/arbeitsbereich/{town_a.slug}/verlauf/")

    assert response.status_code == 200
    diffs = _diffs(response.content.decode())
    assert ("Visionswerkstatt", "Visionswerkstatt durchgeführt") in diffs
    assert ("37000", "38123") in diffs
    entries = response.context["page"].object_list
    assert entries
    assert {entry.municipality_id for entry in entries} == {town_a.pk}


def test_town_b_never_appears_in_town_a_history(client_for, users, town_a, town_b, history):
    client = client_for(users["network_admin"])

    content = client.get(f"/arbeitsbereich/{town_a.slug}/verlauf/").content.decode()
    assert "Geheimprojekt Billerbeck" not in content
    assert "Bert Billerbeck" not in content
    assert "12345" not in content

    # The network admin may see town B itself, but not through town A's address.
    milestone_b = history["milestone_b"]
    assert client.get(f"/arbeitsbereich/{town_a.slug}/verlauf/process.milestone/{milestone_b.pk}/").status_code == 404
    assert client.get(f"/arbeitsbereich/{town_a.slug}/verlauf/network.municipality/{town_b.pk}/").status_code == 404
    response = client.get(f"/arbeitsbereich/{town_b.slug}/verlauf/")
    assert "Geheimprojekt Billerbeck" in response.content.decode()


def test_other_towns_coordinator_cannot_open_town_a_history(client_for, users, town_a, history):
    client = client_for(users["coordinator_b"])
    assert client.get(f"/arbeitsbereich/{town_a.slug}/verlauf/").status_code == 404
    milestone = history["milestone"]
    assert client.get(f"/arbeitsbereich/{town_a.slug}/verlauf/process.milestone/{milestone.pk}/").status_code == 404


@pytest.mark.parametrize("label", ["process.unknown", "accounts.user", "core.auditentry", "milestone", "x"])
def test_unknown_model_label_is_404(client_for, coordinator, town_a, history, label):
    response = client_for(coordinator).get(f"/arbeitsbereich/{town_a.slug}/verlauf/{label}/{history['milestone'].pk}/")
    assert response.status_code == 404


def test_unknown_object_is_404(client_for, coordinator, town_a, history):
    client = client_for(coordinator)
    missing = Milestone.objects.order_by("-pk").first().pk + 1000
    for pk in [missing, 0, 99_999_999_999_999_999_999]:
        assert client.get(f"/arbeitsbereich/{town_a.slug}/verlauf/process.milestone/{pk}/").status_code == 404
        assert client.get(f"/arbeitsbereich/{town_a.slug}/verlauf/network.municipality/{pk}/").status_code == 404


def test_phase_and_municipality_have_history_pages(client_for, coordinator, town_a, history):
    client = client_for(coordinator)
    phase = Phase.objects.filter(process__municipality=town_a).first()
    phase_update(actor=coordinator, phase=phase, data={"notes": "Kick-off im Rathaus"}, expected_version=None)

    response = client.get(f"/arbeitsbereich/{town_a.slug}/verlauf/process.phase/{phase.pk}/")
    assert response.status_code == 200
    assert ("", "Kick-off im Rathaus") in _diffs(response.content.decode())

    response = client.get(f"/arbeitsbereich/{town_a.slug}/verlauf/network.municipality/{town_a.pk}/")
    assert response.status_code == 200
    assert ("37000", "38123") in _diffs(response.content.decode())
    assert Municipality.objects.get(pk=town_a.pk).population == 38_123


def test_history_is_read_only_for_viewers_but_visible(client_for, users, town_a, history):
    response = client_for(users["viewer"]).get(f"/arbeitsbereich/{town_a.slug}/verlauf/")
    assert response.status_code == 200
    assert "Visionswerkstatt durchgeführt" in response.content.decode()
    # Citizens do not see the internal trail.
    assert client_for(users["participant"]).get(f"/arbeitsbereich/{town_a.slug}/verlauf/").status_code == 404
