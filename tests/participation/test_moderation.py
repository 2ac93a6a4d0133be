"""The moderation queue: new posts are visible at once; hiding needs a reason, which stays public."""

import pytest
from django.urls import reverse

from vorort.core.models import AuditEntry
from vorort.participation.models import Comment, Idea, Moderation

from .conftest import LOGIN_BACKEND

pytestmark = pytest.mark.django_db


@pytest.fixture
def posts(participation, citizen, measures):
    idea = Idea.objects.create(participation=participation, author=citizen, title="Beleidigend", text="Schlimmer Text")
    fine = Idea.objects.create(participation=participation, author=citizen, title="Trinkbrunnen", text="Guter Text")
    comment = Comment.objects.create(participation=participation, author=citizen, measure=measures[0], text="Spam!!!")
    return {"idea": idea, "fine": fine, "comment": comment}


def moderate(client, kind: str, item, **data):
    name = "participation:moderate_idea" if kind == "idea" else "participation:moderate_comment"
    return client.post(reverse(name, kwargs={"slug": "beckum", "pk": item.pk}), data)


def test_queue_lists_new_posts(safe_client, users, participation, posts):
    safe_client.force_login(users["editor"], backend=LOGIN_BACKEND)
    url = reverse("participation:moderation", kwargs={"slug": "beckum", "pk": participation.pk})
    html = safe_client.get(url).content.decode()
    assert "Beleidigend" in html and "Trinkbrunnen" in html and "Spam!!!" in html
    assert "Keine Ideen" in safe_client.get(url + "?status=moderiert").content.decode()


def test_hiding_needs_a_reason(safe_client, users, posts):
    safe_client.force_login(users["coordinator"], backend=LOGIN_BACKEND)
    response = moderate(safe_client, "idea", posts["idea"], action="hide", reason="  ")
    assert response.status_code == 302
    follow = safe_client.get(response["Location"]).content.decode()
    assert "Bitte geben Sie einen Grund an" in follow
    posts["idea"].refresh_from_db()
    assert posts["idea"].moderation == Moderation.NEW


def test_hidden_posts_show_moderiert_with_reason_but_no_text(safe_client, users, participation, posts, measures):
    safe_client.force_login(users["coordinator"], backend=LOGIN_BACKEND)
    moderate(safe_client, "idea", posts["idea"], action="hide", reason="beleidigend")
    moderate(safe_client, "comment", posts["comment"], action="hide", reason="Werbung")
    moderate(safe_client, "idea", posts["fine"], action="approve")
    idea = Idea.objects.get(pk=posts["idea"].pk)
    assert (idea.moderation, idea.moderation_reason, idea.moderated_by) == (
        Moderation.HIDDEN,
        "beleidigend",
        users["coordinator"],
    )
    assert Idea.objects.get(pk=posts["fine"].pk).moderation == Moderation.APPROVED
    entry = AuditEntry.objects.filter(object_id=str(idea.pk), content_type__model="idea").latest("id")
    assert entry.actor == users["coordinator"]
    assert {change["field"] for change in entry.changes} >= {"moderation", "moderation_reason"}

    safe_client.logout()
    page = safe_client.get(reverse("participation:participation", kwargs={"slug": "beckum", "pk": participation.pk}))
    html = page.content.decode()
    assert "moderiert" in html and "beleidigend" in html
    assert "Schlimmer Text" not in html and "Beleidigend" not in html
    assert "Trinkbrunnen" in html
    detail = safe_client.get(
        reverse("participation:idea", kwargs={"slug": "beckum", "pk": participation.pk, "idea_pk": idea.pk})
    ).content.decode()
    assert "Beitrag moderiert" in detail and "Schlimmer Text" not in detail
    measure_page = safe_client.get(
        reverse(
            "participation:measure", kwargs={"slug": "beckum", "pk": participation.pk, "measure_pk": measures[0].pk}
        )
    ).content.decode()
    assert "Werbung" in measure_page and "Spam!!!" not in measure_page


def test_restore_shows_the_post_again(safe_client, users, posts):
    safe_client.force_login(users["editor"], backend=LOGIN_BACKEND)
    moderate(safe_client, "idea", posts["idea"], action="hide", reason="Irrtum")
    moderate(safe_client, "idea", posts["idea"], action="restore")
    idea = Idea.objects.get(pk=posts["idea"].pk)
    assert (idea.moderation, idea.moderation_reason) == (Moderation.APPROVED, "")


def test_viewer_and_citizen_may_not_moderate(safe_client, users, posts):
    for role in ("viewer", "participant"):
        safe_client.force_login(users[role], backend=LOGIN_BACKEND)
        assert moderate(safe_client, "idea", posts["idea"], action="hide", reason="x").status_code in (403, 404)
    assert Idea.objects.get(pk=posts["idea"].pk).moderation == Moderation.NEW
