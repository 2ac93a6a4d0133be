"""Who sees which event: public pages and feeds answer 404 for internal events the person may not see, and the
permission rule (predicates) and the query (selectors.visible_events) agree for every role."""

import pytest
from django.urls import reverse

from tests.factories import MunicipalityFactory, NetworkFactory, member, network_admin
from vorort.accounts.models import Role
from vorort.events.models import EventDocument
from vorort.events.selectors import visible_events

from .support import LOGIN_BACKEND, make_event

pytestmark = pytest.mark.django_db

ROLES = ["network_admin", "coach", "coordinator", "editor", "viewer", "participant", "coordinator_b"]


@pytest.fixture
def events(network, town_a, town_b):
    return {
        "a_public": make_event(municipality=town_a, title="Bürgerforum Beckum", is_public=True),
        "a_internal": make_event(municipality=town_a, title="Lenkungsgruppe Beckum"),
        "b_internal": make_event(municipality=town_b, title="Lenkungsgruppe Billerbeck"),
        "net_internal_a": make_event(network=network, title="Austausch mit Beckum", participating=[town_a]),
        "net_internal": make_event(network=network, title="Geschäftsstellentreffen"),
        "net_public": make_event(network=network, title="Webinar Förderprogramme", is_public=True),
    }


# Who may see what (besides public events, which everybody sees).
EXPECTED_INTERNAL = {
    "network_admin": {"a_internal", "b_internal", "net_internal_a", "net_internal"},
    # The coach of Beckum sees Beckum's and the network's internal events (coaches work network-wide).
    "coach": {"a_internal", "net_internal_a", "net_internal"},
    "coordinator": {"a_internal", "net_internal_a"},
    "editor": {"a_internal", "net_internal_a"},
    "viewer": {"a_internal", "net_internal_a"},
    "participant": set(),
    "coordinator_b": {"b_internal"},
    "anonymous": set(),
}


def _visible_keys(events, user) -> set[str]:
    ids = set(visible_events(user).values_list("pk", flat=True))
    return {key for key, event in events.items() if event.pk in ids}


@pytest.mark.parametrize("role", [*ROLES, "anonymous"])
def test_rule_and_query_agree(users, events, role):
    from django.contrib.auth.models import AnonymousUser

    user = AnonymousUser() if role == "anonymous" else users[role]
    expected = EXPECTED_INTERNAL[role] | {"a_public", "net_public"}
    by_rule = {key for key, event in events.items() if user.has_perm("events.view_event", event)}
    assert by_rule == expected
    assert _visible_keys(events, user) == expected


@pytest.mark.parametrize("role", [*ROLES, "anonymous"])
def test_public_event_page_and_feed_follow_the_rule(client, users, events, role):
    if role != "anonymous":
        client.force_login(users[role], backend=LOGIN_BACKEND)
    expected = EXPECTED_INTERNAL[role] | {"a_public", "net_public"}
    for key, event in events.items():
        page = client.get(reverse("events:public_detail", kwargs={"pk": event.pk}))
        feed = client.get(reverse("events:ics_event", kwargs={"pk": event.pk}))
        wanted = 200 if key in expected else 404
        assert page.status_code == wanted, f"{role} → {key} page"
        assert feed.status_code == wanted, f"{role} → {key} feed"


def test_public_calendar_lists_only_public_events(client, events):
    response = client.get(reverse("events:public_calendar"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bürgerforum Beckum" in html and "Webinar Förderprogramme" in html
    for hidden in ("Lenkungsgruppe", "Austausch mit Beckum", "Geschäftsstellentreffen"):
        assert hidden not in html


def test_public_calendar_of_one_municipality(client, events, town_a):
    response = client.get(reverse("events:public_calendar") + "?kommune=beckum")
    html = response.content.decode()
    assert "Bürgerforum Beckum" in html
    assert "Webinar Förderprogramme" not in html


def test_workspace_calendar_shows_own_and_participated_network_events(client, users, events):
    client.force_login(users["viewer"], backend=LOGIN_BACKEND)
    html = client.get(reverse("events:m_list", kwargs={"slug": "beckum"})).content.decode()
    assert "Lenkungsgruppe Beckum" in html and "Austausch mit Beckum" in html
    assert "Lenkungsgruppe Billerbeck" not in html and "Geschäftsstellentreffen" not in html


def test_network_calendar_for_admin_and_coach(client, users, events):
    client.force_login(users["coach"], backend=LOGIN_BACKEND)
    html = client.get(reverse("events:network_calendar")).content.decode()
    assert "Geschäftsstellentreffen" in html and "Lenkungsgruppe Beckum" in html
    assert "Lenkungsgruppe Billerbeck" not in html
    client.force_login(users["network_admin"], backend=LOGIN_BACKEND)
    html = client.get(reverse("events:network_calendar")).content.decode()
    assert "Lenkungsgruppe Billerbeck" in html


def test_events_of_another_network_stay_out(client, events):
    other = NetworkFactory(name="Anderes Netzwerk")
    town = MunicipalityFactory(network=other, name="Anderstadt", slug="anderstadt")
    make_event(municipality=town, title="Fremde Werkstatt")
    admin = network_admin(other, email="x@example.org")
    assert not admin.has_perm("events.view_event", events["a_internal"])
    client.force_login(admin, backend=LOGIN_BACKEND)
    html = client.get(reverse("events:network_calendar")).content.decode()
    assert "Fremde Werkstatt" in html and "Lenkungsgruppe Beckum" not in html
    assert client.get(reverse("events:n_detail", kwargs={"pk": events["net_internal"].pk})).status_code == 404


def test_participant_of_a_participating_town_does_not_see_internal_network_event(town_a, events):
    citizen = member(town_a, Role.PARTICIPANT, email="citizen@example.org")
    assert not citizen.has_perm("events.view_event", events["net_internal_a"])


def test_municipality_feed_and_unknown_slug(client, events):
    assert client.get(reverse("events:ics_municipality", kwargs={"slug": "gibt-es-nicht"})).status_code == 404
    body = client.get(reverse("events:ics_municipality", kwargs={"slug": "beckum"})).content.decode()
    assert "Bürgerforum Beckum" in body and "Lenkungsgruppe" not in body


@pytest.mark.parametrize(
    ("role", "documentation_public", "expected"),
    [
        ("anonymous", False, 404),
        ("anonymous", True, 200),
        ("coordinator_b", False, 404),
        ("participant", True, 200),
        ("viewer", False, 200),
    ],
)
def test_file_download_of_a_public_event(client, users, town_a, media_root, role, documentation_public, expected):
    event = make_event(municipality=town_a, is_public=True, documentation_public=False)
    event.documentation_public = documentation_public
    event.save()
    (media_root / "events").mkdir(parents=True)
    (media_root / "events" / "x.pdf").write_bytes(b"%PDF-1.4 test")
    document = EventDocument.objects.create(
        event=event,
        file="events/x.pdf",
        original_name="Protokoll.pdf",
        kind="pdf",
        content_type="application/pdf",
        size=13,
    )
    if role != "anonymous":
        client.force_login(users[role], backend=LOGIN_BACKEND)
    response = client.get(reverse("events:document", kwargs={"pk": document.pk}))
    assert response.status_code == expected
    if expected == 200:
        assert b"".join(response.streaming_content) == b"%PDF-1.4 test"
        assert response["Content-Disposition"].startswith("attachment")
        assert "Protokoll.pdf" in response["Content-Disposition"]
        assert response["Cache-Control"] == "private, no-store"


def test_file_of_an_internal_event_never_public(client, users, town_a, media_root):
    event = make_event(municipality=town_a, is_public=False)
    event.documentation_public = True  # cannot make an internal event's files public
    event.save()
    (media_root / "events").mkdir(parents=True)
    (media_root / "events" / "y.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    document = EventDocument.objects.create(
        event=event, file="events/y.png", original_name="foto.png", kind="png", content_type="image/png", size=8
    )
    url = reverse("events:document", kwargs={"pk": document.pk})
    assert client.get(url).status_code == 404
    client.force_login(users["participant"], backend=LOGIN_BACKEND)
    assert client.get(url).status_code == 404
    client.force_login(users["editor"], backend=LOGIN_BACKEND)
    assert client.get(url + "?anzeigen=1")["Content-Disposition"].startswith("inline")
    # Media files are not served under /media/ at all.
    assert client.get("/media/events/y.png").status_code == 404
