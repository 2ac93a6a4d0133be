"""Public pages: what they show (and hide), drafts stay internal, and the query count does not grow with data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from vorort.accounts.models import Membership, Role
from vorort.participation.models import Comment, Idea, ParticipationState, Vote

from ..factories import MeasureFactory, MunicipalityFactory, UserFactory, network_admin
from .conftest import LOGIN_BACKEND
from .support import make_citizen, make_participation

pytestmark = pytest.mark.django_db


def page_url(participation) -> str:
    return reverse(
        "participation:participation", kwargs={"slug": participation.municipality.slug, "pk": participation.pk}
    )


def test_public_page_shows_question_measures_results_and_ideas(safe_client, participation, measures, citizen):
    participation.description = '<p>Mehr auf <a href="https://beckum.de" onclick="x()">beckum.de</a></p>'
    participation.save()
    Vote.objects.create(participation=participation, measure=measures[1], participant=citizen)
    Idea.objects.create(participation=participation, author=citizen, title="Trinkbrunnen", text="Wasser!")
    response = safe_client.get(page_url(participation))
    html = response.content.decode()
    assert response.status_code == 200
    assert participation.question in html
    assert '<a href="https://beckum.de" rel="noopener noreferrer nofollow">beckum.de</a>' in html
    assert "onclick" not in html
    assert "Mobilstation am Bahnhof" in html and "Rad, Bus und Carsharing." in html
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img"' in html
    assert "Digitale Bürgersprechstunde: 1." in html  # the chart description
    assert '<th scope="row">Digitale Bürgersprechstunde</th><td class="num">1</td><td class="num">100' in html
    assert "Trinkbrunnen" in html and "von Person" in html
    assert "Registrieren" in html  # anonymous visitors are invited to register


def test_results_list_only_the_selected_measures(safe_client, participation, town_a):
    MeasureFactory(municipality=town_a, title="Geheime Maßnahme")
    assert "Geheime Maßnahme" not in safe_client.get(page_url(participation)).content.decode()


def test_drafts_are_not_public(safe_client, town_a, users):
    draft = make_participation(town_a, state=ParticipationState.DRAFT, title="Noch geheim")
    assert safe_client.get(page_url(draft)).status_code == 404
    listing = safe_client.get(reverse("participation:public_list", kwargs={"slug": "beckum"}))
    assert listing.status_code == 200 and "Noch geheim" not in listing.content.decode()
    safe_client.force_login(users["coordinator"], backend=LOGIN_BACKEND)
    assert safe_client.get(page_url(draft)).status_code == 404  # the workspace shows drafts, the public page not
    internal = reverse("participation:manage", kwargs={"slug": "beckum", "pk": draft.pk})
    assert safe_client.get(internal).status_code == 200


def test_another_towns_participation_is_not_found_under_this_town(safe_client, town_b):
    other = make_participation(town_b)
    assert (
        safe_client.get(reverse("participation:participation", kwargs={"slug": "beckum", "pk": other.pk})).status_code
        == 404
    )
    assert safe_client.get(reverse("participation:public_list", kwargs={"slug": "gibt-es-nicht"})).status_code == 404


def test_unknown_idea_or_measure_is_404(safe_client, participation, town_a, town_b):
    other_idea = Idea.objects.create(participation=make_participation(town_b), title="x", text="y")
    kwargs = {"slug": "beckum", "pk": participation.pk}
    assert (
        safe_client.get(reverse("participation:idea", kwargs={**kwargs, "idea_pk": other_idea.pk})).status_code == 404
    )
    outside = MeasureFactory(municipality=town_a)
    assert (
        safe_client.get(reverse("participation:measure", kwargs={**kwargs, "measure_pk": outside.pk})).status_code
        == 404
    )


def build(town, size: int):
    """A participation with `size` measures, 3×`size` ideas (some hidden), comments and votes of `size` citizens."""
    measures = [MeasureFactory(municipality=town, title=f"Maßnahme {n}", summary="Kurz") for n in range(size)]
    participation = make_participation(town, measures=measures, title=f"Runde {size}")
    citizens = []
    for _ in range(size):
        user = UserFactory()
        Membership.objects.create(user=user, network=town.network, municipality=town, role=Role.PARTICIPANT)
        citizens.append(make_citizen(user, participation))
    for n in range(3 * size):
        idea = Idea.objects.create(
            participation=participation,
            author=citizens[n % size],
            title=f"Idee {n}",
            text="Text",
            action_field=measures[0].action_field if n % 2 else None,
            moderation="moderiert" if n % 5 == 0 else "neu",
            moderation_reason="Werbung" if n % 5 == 0 else "",
        )
        Comment.objects.create(participation=participation, author=citizens[0], idea=idea, text="Kommentar")
    for citizen in citizens:
        for measure in measures[: size // 2 + 1]:
            Vote.objects.create(participation=participation, measure=measure, participant=citizen)
        Comment.objects.create(participation=participation, author=citizen, measure=measures[0], text="Zur Maßnahme")
    return participation, citizens[0], measures[0]


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_query_count_does_not_depend_on_the_amount_of_data(safe_client, network):
    small_town = MunicipalityFactory(network=network, name="Klein", slug="klein")
    large_town = MunicipalityFactory(network=network, name="Groß", slug="gross")
    small, small_citizen, small_measure = build(small_town, 2)
    large, large_citizen, large_measure = build(large_town, 12)

    def pages(participation, measure):
        kwargs = {"slug": participation.municipality.slug, "pk": participation.pk}
        idea = participation.ideas.order_by("id").last()
        return [
            page_url(participation),
            reverse("participation:public_list", kwargs={"slug": participation.municipality.slug}),
            reverse("participation:idea", kwargs={**kwargs, "idea_pk": idea.pk}),
            reverse("participation:measure", kwargs={**kwargs, "measure_pk": measure.pk}),
        ]

    for small_url, large_url in zip(pages(small, small_measure), pages(large, large_measure), strict=True):
        safe_client.logout()
        assert count_queries(safe_client, small_url) == count_queries(safe_client, large_url), small_url
        safe_client.force_login(small_citizen, backend=LOGIN_BACKEND)
        small_count = count_queries(safe_client, small_url)
        safe_client.force_login(large_citizen, backend=LOGIN_BACKEND)
        assert count_queries(safe_client, large_url) == small_count, large_url

    # The workspace pages, for the network's admin.
    def workspace(participation):
        kwargs = {"slug": participation.municipality.slug, "pk": participation.pk}
        return [
            reverse("participation:manage_list", kwargs={"slug": participation.municipality.slug}),
            reverse("participation:manage", kwargs=kwargs),
            reverse("participation:moderation", kwargs=kwargs),
            reverse("participation:moderation", kwargs=kwargs) + "?status=moderiert",
        ]

    safe_client.force_login(network_admin(network), backend=LOGIN_BACKEND)
    for small_url, large_url in zip(workspace(small), workspace(large), strict=True):
        assert count_queries(safe_client, small_url) == count_queries(safe_client, large_url), small_url
