"""The workspace side: set a participation up, open and close it; what is refused and why."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from vorort.core.models import AuditEntry
from vorort.participation.models import Participation, ParticipationState, Vote

from ..factories import MeasureFactory
from .conftest import LOGIN_BACKEND
from .support import make_participation

pytestmark = pytest.mark.django_db


def form_data(measures=(), **overrides) -> dict:
    today = timezone.localdate()
    data = {
        "title": "Innenstadt 2030",
        "question": "Was ist Ihnen wichtig?",
        "description": "<p>Hallo <em>Beckum</em></p><script>alert(1)</script>",
        "starts_on": today.isoformat(),
        "ends_on": (today + datetime.timedelta(days=28)).isoformat(),
        "privacy_text": '<p>Verantwortlich: Stadt Beckum. <a href="javascript:alert(1)">mehr</a></p>',
        "measures": [m.pk for m in measures],
    }
    data.update(overrides)
    return data


def test_editor_creates_a_draft_coordinator_opens_and_closes(safe_client, users, measures, town_a):
    safe_client.force_login(users["editor"], backend=LOGIN_BACKEND)
    response = safe_client.post(reverse("participation:manage_create", kwargs={"slug": "beckum"}), form_data(measures))
    assert response.status_code == 302
    participation = Participation.objects.get()
    assert participation.state == ParticipationState.DRAFT
    assert set(participation.measures.all()) == set(measures)
    assert participation.description == "<p>Hallo <em>Beckum</em></p>"  # cleaned with the allowlist
    assert "javascript" not in participation.privacy_text
    assert AuditEntry.objects.filter(object_id=str(participation.pk), content_type__model="participation").exists()

    state_url = reverse("participation:manage_state", kwargs={"slug": "beckum", "pk": participation.pk})
    assert safe_client.post(state_url, {"action": "open"}).status_code == 403  # editors do not publish
    safe_client.force_login(users["coordinator"], backend=LOGIN_BACKEND)
    safe_client.post(state_url, {"action": "open"})
    participation.refresh_from_db()
    assert participation.state == ParticipationState.OPEN and participation.opened_at is not None
    assert (
        safe_client.get(
            reverse("participation:participation", kwargs={"slug": "beckum", "pk": participation.pk})
        ).status_code
        == 200
    )
    safe_client.post(state_url, {"action": "close"})
    participation.refresh_from_db()
    assert participation.state == ParticipationState.CLOSED and participation.closed_at is not None
    response = safe_client.post(state_url, {"action": "open"}, follow=True)
    assert "Nur ein Entwurf kann geöffnet werden" in response.content.decode()


def test_bad_input_is_explained(safe_client, users, town_b):
    safe_client.force_login(users["editor"], backend=LOGIN_BACKEND)
    foreign = MeasureFactory(municipality=town_b)
    today = timezone.localdate()
    response = safe_client.post(
        reverse("participation:manage_create", kwargs={"slug": "beckum"}),
        form_data(
            [foreign],
            title="",
            ends_on=(today - datetime.timedelta(days=1)).isoformat(),
            privacy_text="",
        ),
    )
    html = response.content.decode()
    assert response.status_code == 200
    for field in ("title", "ends_on", "privacy_text", "measures"):
        assert f'id="id_{field}_error"' in html, field
    assert "Das Ende darf nicht vor dem Beginn liegen." in html
    assert not Participation.objects.exists()


def test_edit_keeps_voted_measures_and_refuses_stale_versions(safe_client, users, participation, measures, citizen):
    Vote.objects.create(participation=participation, measure=measures[0], participant=citizen)
    safe_client.force_login(users["editor"], backend=LOGIN_BACKEND)
    url = reverse("participation:manage_edit", kwargs={"slug": "beckum", "pk": participation.pk})
    response = safe_client.post(url, form_data([measures[1]], version=participation.version))
    assert response.status_code == 200
    assert "wurde schon abgestimmt" in response.content.decode()
    assert set(participation.measures.all()) == set(measures)

    response = safe_client.post(url, form_data(measures, title="Neu", version=participation.version))
    assert response.status_code == 302
    response = safe_client.post(url, form_data(measures, title="Veraltet", version=participation.version))
    assert response.status_code == 200 and "Jemand anderes hat diesen Eintrag" in response.content.decode()
    assert Participation.objects.get(pk=participation.pk).title == "Neu"


def test_closed_participation_cannot_be_edited(safe_client, users, town_a, measures):
    closed = make_participation(town_a, state=ParticipationState.CLOSED, measures=measures)
    safe_client.force_login(users["coordinator"], backend=LOGIN_BACKEND)
    url = reverse("participation:manage_edit", kwargs={"slug": "beckum", "pk": closed.pk})
    response = safe_client.post(url, form_data(measures, title="Geändert", version=closed.version))
    assert response.status_code == 200 and "kann nicht mehr geändert werden" in response.content.decode()
    assert Participation.objects.get(pk=closed.pk).title == "Innenstadt 2030"


def test_opening_needs_a_period_that_is_not_over(safe_client, users, town_a):
    today = timezone.localdate()
    draft = make_participation(
        town_a,
        state=ParticipationState.DRAFT,
        starts_on=today - datetime.timedelta(days=20),
        ends_on=today - datetime.timedelta(days=1),
    )
    safe_client.force_login(users["coordinator"], backend=LOGIN_BACKEND)
    url = reverse("participation:manage_state", kwargs={"slug": "beckum", "pk": draft.pk})
    response = safe_client.post(url, {"action": "open"}, follow=True)
    assert "Der Zeitraum ist schon vorbei" in response.content.decode()
    assert Participation.objects.get(pk=draft.pk).state == ParticipationState.DRAFT


def test_workspace_list_and_overview(safe_client, users, participation, citizen, measures):
    Vote.objects.create(participation=participation, measure=measures[0], participant=citizen)
    safe_client.force_login(users["viewer"], backend=LOGIN_BACKEND)
    listing = safe_client.get(reverse("participation:manage_list", kwargs={"slug": "beckum"})).content.decode()
    assert participation.title in listing and "Beteiligung anlegen" not in listing
    assert 'aria-current="page">Beteiligung</a>' in listing
    overview = safe_client.get(reverse("participation:manage", kwargs={"slug": "beckum", "pk": participation.pk}))
    html = overview.content.decode()
    assert "Mobilstation am Bahnhof" in html and "Beteiligung abschließen" not in html
    history = reverse(
        "core:object_history", kwargs={"slug": "beckum", "model": "participation.participation", "pk": participation.pk}
    )
    assert safe_client.get(history).status_code == 200
