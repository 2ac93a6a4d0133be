"""An idea becomes a need or a measure; both keep where they came from."""

import pytest
from django.urls import reverse

from vorort.measures.models import Measure, MeasureStatus, Origin
from vorort.participation.models import Idea
from vorort.strategy.models import Need, NeedSource

from .conftest import LOGIN_BACKEND

pytestmark = pytest.mark.django_db


@pytest.fixture
def idea(participation, citizen, network):
    return Idea.objects.create(
        participation=participation,
        author=citizen,
        title="Trinkbrunnen am Markt",
        text="Im Sommer fehlt Wasser in der Innenstadt.",
        action_field=network.action_fields.get(slug="nachhaltigkeit"),
        place="Marktplatz",
    )


def test_idea_becomes_a_need(safe_client, users, idea, network):
    safe_client.force_login(users["editor"], backend=LOGIN_BACKEND)
    url = reverse("participation:idea_to_need", kwargs={"slug": "beckum", "pk": idea.pk})
    form = safe_client.get(url).content.decode()
    assert 'value="Trinkbrunnen am Markt"' in form
    field = network.action_fields.get(slug="nachhaltigkeit")
    response = safe_client.post(
        url, {"title": "Trinkwasser in der Innenstadt", "description": idea.text, "action_field": field.pk, "weight": 4}
    )
    assert response.status_code == 302
    need = Need.objects.get()
    idea.refresh_from_db()
    assert idea.need == need
    assert (need.source, need.weight, need.action_field, need.municipality) == (
        NeedSource.IDEA,
        4,
        field,
        idea.municipality,
    )
    assert f"Idee Nr. {idea.pk}" in need.source_detail and "Trinkbrunnen am Markt" in need.source_detail
    # A second conversion is refused; the page names the need instead.
    again = safe_client.post(url, {"title": "Doppelt", "action_field": field.pk, "weight": 3})
    assert again.status_code == 200 and "bereits als Bedarf übernommen" in again.content.decode()
    assert Need.objects.count() == 1


def test_need_needs_an_action_field(safe_client, users, idea):
    safe_client.force_login(users["editor"], backend=LOGIN_BACKEND)
    url = reverse("participation:idea_to_need", kwargs={"slug": "beckum", "pk": idea.pk})
    response = safe_client.post(url, {"title": "Trinkwasser", "action_field": "", "weight": 3})
    assert response.status_code == 200 and 'id="id_action_field_error"' in response.content.decode()
    assert not Need.objects.exists()


def test_idea_becomes_a_measure(safe_client, users, idea, network, participation):
    safe_client.force_login(users["coordinator"], backend=LOGIN_BACKEND)
    url = reverse("participation:idea_to_measure", kwargs={"slug": "beckum", "pk": idea.pk})
    field = network.action_fields.get(slug="nachhaltigkeit")
    response = safe_client.post(
        url, {"title": "Trinkbrunnen", "summary": "Zwei Brunnen", "action_field": field.pk}, HTTP_HOST="localhost"
    )
    assert response.status_code == 302
    idea.refresh_from_db()
    measure = Measure.objects.get(pk=idea.measure_id)
    assert (measure.origin, measure.status, measure.is_public) == (Origin.IDEA, MeasureStatus.IDEA, False)
    assert f"Idee Nr. {idea.pk}" in measure.origin_note and participation.title in measure.origin_note
    assert measure.description == idea.text
    assert measure.source_url == f"http://localhost/beteiligung/beckum/{participation.pk}/ideen/{idea.pk}/"
    assert measure.status_changes.count() == 1
    overview = safe_client.get(reverse("participation:manage", kwargs={"slug": "beckum", "pk": participation.pk}))
    assert "Trinkbrunnen</a>" in overview.content.decode()


def test_viewer_cannot_convert(safe_client, users, idea):
    safe_client.force_login(users["viewer"], backend=LOGIN_BACKEND)
    url = reverse("participation:idea_to_measure", kwargs={"slug": "beckum", "pk": idea.pk})
    assert safe_client.post(url, {"title": "x"}).status_code == 403
    assert not Measure.objects.filter(origin=Origin.IDEA).exists()
