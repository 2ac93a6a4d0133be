"""Coaches are assigned by the network: a coordinator cannot change or remove them."""

from django.urls import reverse

from vorort.accounts.models import Membership, Role


def test_coordinator_cannot_change_or_remove_a_coach(users, town_a, client_for):
    coach_membership = Membership.objects.get(user=users["coach"], municipality=town_a)
    client = client_for(users["coordinator"])
    role_url = reverse("accounts:member_role", kwargs={"slug": town_a.slug, "pk": coach_membership.pk})
    remove_url = reverse("accounts:member_remove", kwargs={"slug": town_a.slug, "pk": coach_membership.pk})
    assert client.post(role_url, {"role": Role.EDITOR}).status_code == 403
    assert client.post(remove_url).status_code == 403
    coach_membership.refresh_from_db()
    assert coach_membership.role == Role.COACH


def test_network_admin_can_remove_a_coach(users, town_a, client_for):
    coach_membership = Membership.objects.get(user=users["coach"], municipality=town_a)
    client = client_for(users["network_admin"])
    remove_url = reverse("accounts:member_remove", kwargs={"slug": town_a.slug, "pk": coach_membership.pk})
    assert client.post(remove_url).status_code == 302
    assert not Membership.objects.filter(pk=coach_membership.pk).exists()


def test_edit_without_version_is_refused(users, town_a, client_for):
    from tests.factories import MilestoneFactory, first_phase

    milestone = MilestoneFactory(phase=first_phase(town_a), title="Alt")
    client = client_for(users["coordinator"])
    url = reverse("process:milestone_edit", kwargs={"slug": town_a.slug, "pk": milestone.pk})
    response = client.post(url, {"phase": milestone.phase_id, "title": "Neu", "due_date": "2030-01-15"})
    assert response.status_code == 200
    assert "Bitte laden Sie die Seite neu" in response.content.decode()
    milestone.refresh_from_db()
    assert milestone.title == "Alt"
