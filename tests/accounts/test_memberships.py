"""Managing the team of a municipality: roles, removal, and the last-coordinator rule."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse

from vorort.accounts.models import Membership, Role
from vorort.core.models import AuditAction, AuditEntry

from ..factories import member

LAST_COORDINATOR = "mindestens eine Smart-City-Koordination"


def _membership(user, municipality) -> Membership:
    return Membership.objects.get(user=user, municipality=municipality)


def _role_url(membership) -> str:
    return reverse("accounts:member_role", kwargs={"slug": membership.municipality.slug, "pk": membership.pk})


def _remove_url(membership) -> str:
    return reverse("accounts:member_remove", kwargs={"slug": membership.municipality.slug, "pk": membership.pk})


def _audit_of(membership, action):
    return AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Membership), object_id=str(membership.pk), action=action
    )


def test_members_page_lists_the_team(client_for, users, town_a):
    response = client_for(users["coordinator"]).get(reverse("accounts:members", kwargs={"slug": town_a.slug}))
    assert response.status_code == 200
    html = response.content.decode()
    for key in ("coordinator", "editor", "viewer", "coach"):
        assert users[key].email in html
    assert users["participant"].email not in html
    assert users["coordinator_b"].email not in html


# The last coordinator -------------------------------------------------------------------------


def test_last_coordinator_cannot_remove_themselves(client_for, users, town_a):
    coordinator = users["coordinator"]
    membership = _membership(coordinator, town_a)
    client = client_for(coordinator)
    assert client.get(_remove_url(membership)).status_code == 200  # confirmation page
    response = client.post(_remove_url(membership), follow=True)
    assert response.status_code == 200
    assert LAST_COORDINATOR in response.content.decode()
    assert Membership.objects.filter(pk=membership.pk, role=Role.COORDINATOR).exists()
    assert not _audit_of(membership, AuditAction.DELETE).exists()


@pytest.mark.parametrize("new_role", [Role.EDITOR, Role.VIEWER])
def test_last_coordinator_cannot_be_demoted(client_for, users, town_a, new_role):
    coordinator = users["coordinator"]
    membership = _membership(coordinator, town_a)
    response = client_for(coordinator).post(_role_url(membership), {"role": new_role}, follow=True)
    assert response.status_code == 200
    assert LAST_COORDINATOR in response.content.decode()
    membership.refresh_from_db()
    assert membership.role == Role.COORDINATOR
    assert not _audit_of(membership, AuditAction.UPDATE).exists()


def test_network_admin_cannot_demote_the_last_coordinator_either(client_for, users, town_a):
    membership = _membership(users["coordinator"], town_a)
    response = client_for(users["network_admin"]).post(_role_url(membership), {"role": Role.EDITOR}, follow=True)
    assert LAST_COORDINATOR in response.content.decode()
    membership.refresh_from_db()
    assert membership.role == Role.COORDINATOR


def test_with_two_coordinators_one_can_be_removed(client_for, users, town_a):
    second = member(town_a, Role.COORDINATOR, email="zweite@example.org", name="Zoe Zweit")
    membership = _membership(second, town_a)
    response = client_for(users["coordinator"]).post(_remove_url(membership), follow=True)
    assert response.status_code == 200
    assert "hat keinen Zugang mehr" in response.content.decode()
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert _audit_of(membership, AuditAction.DELETE).get().actor == users["coordinator"]
    # Now the first one is the last again.
    remaining = _membership(users["coordinator"], town_a)
    client_for(users["coordinator"]).post(_remove_url(remaining))
    assert Membership.objects.filter(pk=remaining.pk).exists()


def test_with_two_coordinators_one_may_remove_themselves(client_for, users, town_a):
    member(town_a, Role.COORDINATOR, email="zweite@example.org")
    own = _membership(users["coordinator"], town_a)
    response = client_for(users["coordinator"]).post(_remove_url(own))
    assert response.status_code == 302
    assert not Membership.objects.filter(pk=own.pk).exists()


def test_with_two_coordinators_one_can_be_demoted(client_for, users, town_a):
    second = member(town_a, Role.COORDINATOR, email="zweite@example.org")
    membership = _membership(second, town_a)
    client_for(users["coordinator"]).post(_role_url(membership), {"role": Role.EDITOR})
    membership.refresh_from_db()
    assert membership.role == Role.EDITOR


def test_coordinator_of_another_town_does_not_count(client_for, users, town_a, town_b):
    """town B's coordinator does not keep town A staffed."""
    membership = _membership(users["coordinator"], town_a)
    assert Membership.objects.filter(municipality=town_b, role=Role.COORDINATOR).exists()
    client_for(users["coordinator"]).post(_role_url(membership), {"role": Role.VIEWER})
    membership.refresh_from_db()
    assert membership.role == Role.COORDINATOR


# Changing roles -------------------------------------------------------------------------------


def test_coordinator_changes_a_role_and_it_is_audited(client_for, users, town_a):
    editor = users["editor"]
    membership = _membership(editor, town_a)
    response = client_for(users["coordinator"]).post(_role_url(membership), {"role": Role.VIEWER}, follow=True)
    assert response.status_code == 200
    assert "Rolle von" in response.content.decode()
    membership.refresh_from_db()
    assert membership.role == Role.VIEWER
    entry = _audit_of(membership, AuditAction.UPDATE).get()
    assert entry.actor == users["coordinator"]
    assert entry.municipality == town_a
    assert entry.network_id == town_a.network_id
    role_changes = [change for change in entry.changes if change["field"] == "role"]
    assert role_changes == [
        {"field": "role", "label": "Rolle", "before": str(Role.EDITOR.label), "after": str(Role.VIEWER.label)}
    ]
    assert len(entry.changes) == 1


def test_promoting_to_coordinator_works(client_for, users, town_a):
    membership = _membership(users["viewer"], town_a)
    client_for(users["coordinator"]).post(_role_url(membership), {"role": Role.COORDINATOR})
    membership.refresh_from_db()
    assert membership.role == Role.COORDINATOR
    # Now the original coordinator is no longer the last one and may step down.
    own = _membership(users["coordinator"], town_a)
    client_for(users["coordinator"]).post(_role_url(own), {"role": Role.EDITOR})
    own.refresh_from_db()
    assert own.role == Role.EDITOR


def test_setting_the_same_role_writes_no_audit_entry(client_for, users, town_a):
    membership = _membership(users["editor"], town_a)
    client_for(users["coordinator"]).post(_role_url(membership), {"role": Role.EDITOR})
    membership.refresh_from_db()
    assert membership.role == Role.EDITOR
    assert not _audit_of(membership, AuditAction.UPDATE).exists()


@pytest.mark.parametrize("role", [Role.NETWORK_ADMIN, Role.COACH, Role.PARTICIPANT, "chef", ""])
def test_roles_outside_the_municipality_choices_are_refused(client_for, users, town_a, role):
    membership = _membership(users["editor"], town_a)
    response = client_for(users["coordinator"]).post(_role_url(membership), {"role": role}, follow=True)
    assert response.status_code == 200
    assert "Bitte eine gültige Rolle wählen" in response.content.decode()
    membership.refresh_from_db()
    assert membership.role == Role.EDITOR


@pytest.mark.parametrize("actor", ["editor", "viewer", "coordinator_b"])
def test_others_cannot_change_roles(client_for, users, town_a, actor):
    membership = _membership(users["viewer"] if actor != "viewer" else users["editor"], town_a)
    before = membership.role
    response = client_for(users[actor]).post(_role_url(membership), {"role": Role.COORDINATOR})
    assert response.status_code == (404 if actor == "coordinator_b" else 403)
    membership.refresh_from_db()
    assert membership.role == before
    assert not _audit_of(membership, AuditAction.UPDATE).exists()


def test_editor_cannot_remove_members(client_for, users, town_a):
    membership = _membership(users["viewer"], town_a)
    assert client_for(users["editor"]).post(_remove_url(membership)).status_code == 403
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_membership_of_another_town_cannot_be_addressed_through_own_town(client_for, users, town_a, town_b):
    foreign = _membership(users["coordinator_b"], town_b)
    url = reverse("accounts:member_role", kwargs={"slug": town_a.slug, "pk": foreign.pk})
    response = client_for(users["coordinator"]).post(url, {"role": Role.VIEWER})
    assert response.status_code == 404
    foreign.refresh_from_db()
    assert foreign.role == Role.COORDINATOR


def test_role_change_needs_post(client_for, users, town_a):
    membership = _membership(users["editor"], town_a)
    assert client_for(users["coordinator"]).get(_role_url(membership)).status_code == 405


def test_new_role_takes_effect_on_the_next_request(client_for, users, town_a):
    """The cached permissions must not outlive a role change."""
    editor = users["editor"]
    create_url = reverse("process:milestone_create", kwargs={"slug": town_a.slug})
    editor_client = client_for(editor)
    assert editor_client.get(create_url).status_code == 200
    membership = _membership(editor, town_a)
    coordinator = Client()
    coordinator.force_login(users["coordinator"], backend="vorort.accounts.backends.EmailBackend")
    coordinator.post(_role_url(membership), {"role": Role.VIEWER})
    assert editor_client.get(create_url).status_code == 403
