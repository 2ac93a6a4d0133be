"""Rate limits on registration, ideas, comments and votes: 429 with a German message, nothing stored."""

from types import SimpleNamespace

import pytest
from django.urls import reverse

from vorort.accounts.models import User
from vorort.core import ratelimit
from vorort.participation.models import Comment, Idea, Vote

pytestmark = pytest.mark.django_db


@pytest.fixture
def tight_limits(settings, monkeypatch):
    settings.RATE_LIMITS = {"registration": (2, 3600), "idea": (2, 3600), "comment": (2, 3600), "vote": (3, 3600)}
    # Fixed windows: a clock standing 10 s into one keeps a window edge out of the test.
    monkeypatch.setattr(ratelimit, "time", SimpleNamespace(time=lambda: 3_600_010.0))


def assert_refused(response):
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    html = response.content.decode()
    assert "Zu viele Anfragen" in html and "Bitte versuchen Sie es in etwa" in html


def registration(email: str, **overrides) -> dict:
    data = {
        "name": "Bea",
        "email": email,
        "password1": "Lange-Passwort-1",
        "password2": "Lange-Passwort-1",
        "consent": "on",
    }
    return {**data, **overrides}


def test_registration_is_limited_per_ip(safe_client, participation, tight_limits):
    url = reverse("participation:register", kwargs={"slug": "beckum", "pk": participation.pk})
    for _ in range(3):  # typos do not count
        assert safe_client.post(url, registration("a@example.org", password2="vertippt")).status_code == 200
    assert safe_client.post(url, registration("a@example.org")).status_code == 302
    assert safe_client.post(url, registration("spam@example.org", website="x")).status_code == 302  # bots count
    assert_refused(safe_client.post(url, registration("b@example.org")))
    assert not User.objects.filter(email="b@example.org").exists()
    assert safe_client.get(url).status_code == 200  # reading is never limited
    assert safe_client.post(url, registration("b@example.org"), REMOTE_ADDR="192.0.2.7").status_code == 302
    assert User.objects.filter(email__in=["a@example.org", "b@example.org"]).count() == 2


def test_ideas_comments_and_votes_are_limited_per_user(citizen_client, participation, measures, tight_limits, citizen):
    kwargs = {"slug": "beckum", "pk": participation.pk}
    idea_url = reverse("participation:idea_create", kwargs=kwargs)
    for number in range(2):
        citizen_client.post(idea_url, {"title": f"Idee {number}", "text": "Text"})
    assert_refused(citizen_client.post(idea_url, {"title": "Zu viel", "text": "Text"}))
    assert Idea.objects.count() == 2

    idea = Idea.objects.first()
    comment_url = reverse("participation:idea_comment", kwargs={**kwargs, "idea_pk": idea.pk})
    for _ in range(2):
        citizen_client.post(comment_url, {"text": "Kommentar"})
    assert_refused(citizen_client.post(comment_url, {"text": "Zu viel"}))
    measure_comment = reverse("participation:measure_comment", kwargs={**kwargs, "measure_pk": measures[0].pk})
    assert_refused(citizen_client.post(measure_comment, {"text": "Zu viel"}))  # one budget for all comments
    assert Comment.objects.count() == 2

    vote_url = reverse("participation:vote", kwargs={**kwargs, "measure_pk": measures[0].pk})
    for action in ("support", "withdraw", "support"):
        citizen_client.post(vote_url, {"action": action})
    assert_refused(citizen_client.post(vote_url, {"action": "withdraw"}))
    assert Vote.objects.filter(participant=citizen).count() == 1


def test_counter_starts_again_in_the_next_window(settings, monkeypatch):
    settings.RATE_LIMITS = {"vote": (1, 60)}
    now = [1_000_040.0]  # 20 s into a 60-s window
    monkeypatch.setattr(ratelimit.time, "time", lambda: now[0])
    assert ratelimit.hit("vote", "u1") is None
    assert ratelimit.hit("vote", "u1") == 40  # seconds until the window ends
    assert ratelimit.hit("vote", "u2") is None  # others are not affected
    now[0] += 60
    assert ratelimit.hit("vote", "u1") is None


def test_client_ip_from_a_trusted_proxy_header(rf, settings):
    settings.RATE_LIMIT_IP_META = "HTTP_X_FORWARDED_FOR"
    request = rf.get("/", HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.4")
    assert ratelimit.client_ip(request) == "198.51.100.4"  # the entry the proxy wrote
