"""Ideas, comments and votes: who may, when, and what happens to bad or hostile input."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from vorort.core.models import AuditEntry
from vorort.participation.models import Comment, Idea, ParticipationState, Vote
from vorort.participation.selectors import vote_counts

from ..factories import MeasureFactory, MunicipalityFactory
from .conftest import LOGIN_BACKEND
from .support import make_citizen, make_participation

pytestmark = pytest.mark.django_db


def urls(participation, measure=None, idea=None) -> dict:
    base = {"slug": participation.municipality.slug, "pk": participation.pk}
    result = {
        "page": reverse("participation:participation", kwargs=base),
        "idea_create": reverse("participation:idea_create", kwargs=base),
    }
    if measure is not None:
        result["vote"] = reverse("participation:vote", kwargs={**base, "measure_pk": measure.pk})
        result["measure"] = reverse("participation:measure", kwargs={**base, "measure_pk": measure.pk})
        result["measure_comment"] = reverse("participation:measure_comment", kwargs={**base, "measure_pk": measure.pk})
    if idea is not None:
        result["idea"] = reverse("participation:idea", kwargs={**base, "idea_pk": idea.pk})
        result["idea_comment"] = reverse("participation:idea_comment", kwargs={**base, "idea_pk": idea.pk})
    return result


IDEA = {"title": "Trinkbrunnen am Markt", "text": "Im Sommer fehlt Wasser.", "action_field": "", "place": "Marktplatz"}


def test_citizen_submits_an_idea(citizen_client, participation, network):
    page = citizen_client.get(urls(participation)["idea_create"])
    assert page.status_code == 200
    field = network.action_fields.get(slug="nachhaltigkeit")
    response = citizen_client.post(urls(participation)["idea_create"], {**IDEA, "action_field": field.pk})
    idea = Idea.objects.get()
    assert response.status_code == 302 and response["Location"] == urls(participation, idea=idea)["idea"]
    assert (idea.title, idea.place, idea.action_field, idea.author.email) == (
        "Trinkbrunnen am Markt",
        "Marktplatz",
        field,
        "buerger@example.org",
    )
    shown = citizen_client.get(response["Location"]).content.decode()
    assert "Trinkbrunnen am Markt" in shown and "Im Sommer fehlt Wasser." in shown
    # The audit names no citizen.
    entry = AuditEntry.objects.get(object_id=str(idea.pk), content_type__model="idea")
    assert entry.actor_id == idea.author_id
    assert entry.actor_label == "Bürger*in"
    assert "Person" not in str(entry.changes) and idea.author.name not in str(entry.changes)


def test_idea_needs_title_and_text(citizen_client, participation):
    response = citizen_client.post(urls(participation)["idea_create"], {**IDEA, "title": "", "text": ""})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_title_error"' in html and 'id="id_text_error"' in html
    assert not Idea.objects.exists()


def test_action_field_of_another_network_is_refused(citizen_client, participation):
    other = MunicipalityFactory(network__name="Anderes Netzwerk").network.action_fields.first()
    response = citizen_client.post(urls(participation)["idea_create"], {**IDEA, "action_field": other.pk})
    assert response.status_code == 200 and 'id="id_action_field_error"' in response.content.decode()
    assert not Idea.objects.exists()


def test_comments_on_ideas_and_measures(citizen_client, participation, measures, citizen):
    idea = Idea.objects.create(participation=participation, author=citizen, title="Bänke", text="Mehr Bänke.")
    links = urls(participation, measure=measures[0], idea=idea)
    response = citizen_client.post(links["idea_comment"], {"text": "Ja, am Markt!"})
    comment = Comment.objects.get(idea=idea)
    assert response["Location"] == f"{links['idea']}#kommentar-{comment.pk}"
    assert "Ja, am Markt!" in citizen_client.get(links["idea"]).content.decode()
    response = citizen_client.post(links["measure_comment"], {"text": "Bitte mit Radbügeln."})
    assert Comment.objects.get(measure=measures[0]).text == "Bitte mit Radbügeln."
    assert "Bitte mit Radbügeln." in citizen_client.get(links["measure"]).content.decode()
    empty = citizen_client.post(links["idea_comment"], {"text": "   "})
    assert empty.status_code == 200 and 'id="id_text_error"' in empty.content.decode()
    assert Comment.objects.count() == 2


def test_vote_change_and_withdraw(citizen_client, participation, measures, citizen):
    links = urls(participation, measure=measures[0])
    response = citizen_client.post(links["vote"], {"action": "support"})
    assert response.status_code == 302 and response["Location"].endswith(f"#massnahme-{measures[0].pk}")
    assert Vote.objects.filter(participant=citizen, measure=measures[0]).count() == 1
    citizen_client.post(links["vote"], {"action": "support"})  # a second click changes nothing
    assert Vote.objects.count() == 1
    page = citizen_client.get(links["page"]).content.decode()
    assert "Sie unterstützen diese Maßnahme" in page and "Stimme zurücknehmen" in page
    response = citizen_client.post(links["vote"], {"action": "withdraw", "zurueck": "massnahme"})
    assert response["Location"] == f"{links['measure']}#stimme"
    assert not Vote.objects.exists()
    citizen_client.post(links["vote"], {"action": "support"})
    citizen_client.post(urls(participation, measure=measures[1])["vote"], {"action": "support"})
    assert vote_counts(participation.municipality, [m.pk for m in measures]) == {measures[0].pk: 1, measures[1].pk: 1}


def test_vote_by_htmx_swaps_the_box(citizen_client, participation, measures):
    links = urls(participation, measure=measures[0])
    response = citizen_client.post(links["vote"], {"action": "support"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'id="stimme-{measures[0].pk}"' in html and "1 Stimme" in html
    assert 'hx-swap-oob="innerHTML"' in html and "ist gespeichert" in html
    assert "<html" not in html


def test_only_measures_of_the_participation_can_be_voted_on(citizen_client, participation, town_a):
    outside = MeasureFactory(municipality=town_a, title="Nicht zur Abstimmung")
    assert citizen_client.post(urls(participation, measure=outside)["vote"], {"action": "support"}).status_code == 404
    assert not Vote.objects.exists()


@pytest.mark.parametrize("state", [ParticipationState.CLOSED, "expired", "future"])
def test_closed_participation_refuses_posts_and_votes(safe_client, town_a, measures, users, state):
    today = timezone.localdate()
    fields = {}
    if state == "expired":
        fields = {"starts_on": today - datetime.timedelta(days=30), "ends_on": today - datetime.timedelta(days=1)}
    elif state == "future":
        fields = {"starts_on": today + datetime.timedelta(days=1), "ends_on": today + datetime.timedelta(days=9)}
    participation = make_participation(
        town_a,
        measures=measures,
        state=ParticipationState.CLOSED if state == ParticipationState.CLOSED else ParticipationState.OPEN,
        **fields,
    )
    citizen = make_citizen(users["participant"], participation)
    idea = Idea.objects.create(participation=participation, author=citizen, title="Bänke", text="Mehr Bänke.")
    Vote.objects.create(participation=participation, measure=measures[1], participant=citizen)
    safe_client.force_login(citizen, backend=LOGIN_BACKEND)
    links = urls(participation, measure=measures[0], idea=idea)
    for url, data in [
        (links["vote"], {"action": "support"}),
        (urls(participation, measure=measures[1])["vote"], {"action": "withdraw"}),
        (links["idea_create"], IDEA),
        (links["idea_comment"], {"text": "Noch ein Kommentar"}),
        (links["measure_comment"], {"text": "Noch ein Kommentar"}),
    ]:
        response = safe_client.post(url, data, follow=True)
        assert response.status_code == 200
        assert "nimmt zurzeit keine Beiträge und Stimmen an" in response.content.decode()
    assert Vote.objects.count() == 1  # neither added nor withdrawn
    assert Idea.objects.count() == 1
    assert not Comment.objects.exists()


def test_unconfirmed_or_unconsented_citizens_cannot_post(safe_client, participation, measures, users):
    citizen = make_citizen(users["participant"], participation, confirmed=False)
    safe_client.force_login(citizen, backend=LOGIN_BACKEND)
    links = urls(participation, measure=measures[0])
    response = safe_client.post(links["vote"], {"action": "support"}, follow=True)
    assert "Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse" in response.content.decode()
    response = safe_client.get(links["idea_create"], follow=True)
    assert "Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse" in response.content.decode()
    other = make_participation(participation.municipality, measures=measures, title="Zweite Runde")
    response = safe_client.post(urls(other, measure=measures[0])["vote"], {"action": "support"}, follow=True)
    assert "Bitte willigen Sie in den Datenschutzhinweis ein" in response.content.decode()
    assert not Vote.objects.exists()


def test_staff_and_citizens_of_other_towns_may_not_post(safe_client, participation, measures, users):
    links = urls(participation, measure=measures[0])
    for role in ("coordinator", "editor", "coordinator_b", "network_admin"):
        safe_client.force_login(users[role], backend=LOGIN_BACKEND)
        assert safe_client.post(links["vote"], {"action": "support"}).status_code == 403
        assert safe_client.post(links["idea_create"], IDEA).status_code == 403
    assert not Vote.objects.exists() and not Idea.objects.exists()


def test_filled_honeypot_stores_nothing(citizen_client, participation, measures, citizen):
    response = citizen_client.post(urls(participation)["idea_create"], {**IDEA, "website": "spam"})
    assert response.status_code == 302
    idea = Idea.objects.create(participation=participation, author=citizen, title="Bänke", text="Mehr Bänke.")
    response = citizen_client.post(
        urls(participation, idea=idea)["idea_comment"], {"text": "Kauf jetzt!", "website": "x"}
    )
    assert response.status_code == 302
    assert Idea.objects.count() == 1 and not Comment.objects.exists()


HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_hostile_input_is_escaped(citizen_client, safe_client, participation, measures, citizen):
    citizen_client.post(
        urls(participation)["idea_create"], {**IDEA, "title": HOSTILE, "text": HOSTILE, "place": HOSTILE}
    )
    idea = Idea.objects.get()
    assert idea.title == HOSTILE  # stored as written, shown escaped
    citizen_client.post(urls(participation, idea=idea)["idea_comment"], {"text": HOSTILE})
    citizen_client.post(urls(participation, measure=measures[0])["measure_comment"], {"text": HOSTILE})
    safe_client.logout()
    for url in (
        urls(participation)["page"],
        urls(participation, idea=idea)["idea"],
        urls(participation, measure=measures[0])["measure"],
    ):
        html = safe_client.get(url).content.decode()
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "&lt;script&gt;" in html


def test_huge_input_is_refused_without_error(citizen_client, participation, measures, citizen):
    huge = "x" * 100_000
    response = citizen_client.post(urls(participation)["idea_create"], {**IDEA, "title": huge, "text": huge})
    assert response.status_code == 200
    assert "höchstens 200 Zeichen" in response.content.decode()
    assert not Idea.objects.exists()
    idea = Idea.objects.create(participation=participation, author=citizen, title="Bänke", text="Mehr Bänke.")
    response = citizen_client.post(urls(participation, idea=idea)["idea_comment"], {"text": huge})
    assert response.status_code == 200 and 'id="id_text_error"' in response.content.decode()
    response = citizen_client.post(urls(participation, measure=measures[0])["vote"], {"action": huge})
    assert response.status_code == 302  # anything but "withdraw" means support
    assert not Comment.objects.exists()


def test_hidden_idea_cannot_be_commented(citizen_client, participation, citizen):
    idea = Idea.objects.create(
        participation=participation, author=citizen, title="Bänke", text="Mehr Bänke.", moderation="moderiert"
    )
    response = citizen_client.post(urls(participation, idea=idea)["idea_comment"], {"text": "Doch!"}, follow=True)
    assert "kann nicht kommentiert werden" in response.content.decode()
    assert not Comment.objects.exists()


def test_huge_and_hostile_input_elsewhere_never_fails(safe_client, users, participation, measures, citizen):
    """Registration, moderation and the participation form answer 100 000 characters with a message, not a 500."""
    huge = "<script>" + "x" * 100_000
    register = reverse("participation:register", kwargs={"slug": "beckum", "pk": participation.pk})
    response = safe_client.post(
        register, {"name": huge, "email": huge, "password1": huge, "password2": huge, "consent": "on"}
    )
    assert response.status_code == 200 and "<script>xxx" not in response.content.decode()
    idea = Idea.objects.create(participation=participation, author=citizen, title="Bänke", text="Mehr Bänke.")
    safe_client.force_login(users["coordinator"], backend=LOGIN_BACKEND)
    moderate = reverse("participation:moderate_idea", kwargs={"slug": "beckum", "pk": idea.pk})
    response = safe_client.post(moderate, {"action": "hide", "reason": huge}, follow=True)
    assert response.status_code == 200
    assert "Der Grund darf höchstens 300 Zeichen lang sein" in response.content.decode()
    assert Idea.objects.get(pk=idea.pk).moderation == "neu"
    create = reverse("participation:manage_create", kwargs={"slug": "beckum"})
    response = safe_client.post(
        create,
        {"title": huge, "question": huge, "privacy_text": huge, "starts_on": huge, "ends_on": "2026-13-45"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    for field in ("title", "question", "privacy_text", "starts_on", "ends_on"):
        assert f'id="id_{field}_error"' in html, field
