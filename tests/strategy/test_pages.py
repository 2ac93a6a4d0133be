"""Navigation, Verlauf pages, Django admin and the read-only views of the strategy."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from vorort.strategy import services

from .support import completed_round, field, indicator, need

pytestmark = pytest.mark.django_db


def test_workspace_navigation_links_the_strategy_pages(login, users, town_a):
    html = login(users["viewer"]).get(reverse("strategy:need_list", kwargs={"slug": "beckum"})).content.decode()
    for name, label in [
        ("assessment", "Reifegrad-Check"),
        ("need_list", "Bedarfe"),
        ("vision", "Vision"),
        ("focus_list", "Schwerpunkte & Ziele"),
    ]:
        assert f'href="{reverse(f"strategy:{name}", kwargs={"slug": "beckum"})}"' in html
        assert label in html
    assert 'href="/arbeitsbereich/beckum/bedarfe/" aria-current="page"' in html
    item = need(town_a, "mobilitaet", "Radweg")
    html = (
        login(users["editor"])
        .get(reverse("strategy:need_edit", kwargs={"slug": "beckum", "pk": item.pk}))
        .content.decode()
    )
    assert 'href="/arbeitsbereich/beckum/bedarfe/" aria-current="true"' in html


def test_network_office_navigation(login, users):
    html = login(users["network_admin"]).get(reverse("strategy:question_list")).content.decode()
    assert 'href="/netzwerk/reifegrad-check/" aria-current="page">Reifegrad-Check' in html


def test_history_pages_of_strategy_objects(login, users, town_a, town_b):
    measured = indicator(town_a)
    services.indicator_update(
        actor=users["editor"], indicator=measured, data={"target_value": Decimal("50")}, expected_version=None
    )
    assessment_round = completed_round(town_a)
    vision = services.vision_create(actor=None, municipality=town_a, title="Vision", text="Text")
    objects = {
        "strategy.indicator": measured.pk,
        "strategy.goal": measured.goal_id,
        "strategy.focus": measured.goal.focus_id,
        "strategy.assessmentround": assessment_round.pk,
        "strategy.visionversion": vision.pk,
        "strategy.need": need(town_a, "wohnen", "Treffpunkt").pk,
    }
    client = login(users["viewer"])
    for model, pk in objects.items():
        response = client.get(reverse("core:object_history", kwargs={"slug": "beckum", "model": model, "pk": pk}))
        assert response.status_code == 200, model
    html = client.get(
        reverse("core:object_history", kwargs={"slug": "beckum", "model": "strategy.indicator", "pk": measured.pk})
    ).content.decode()
    assert "Zielwert" in html
    foreign = need(town_b, "wohnen", "Fremd")
    url = reverse("core:object_history", kwargs={"slug": "beckum", "model": "strategy.need", "pk": foreign.pk})
    assert client.get(url).status_code == 404


def test_completed_round_shows_each_answer(login, users, town_a):
    assessment_round = completed_round(town_a, {"mobilitaet": [0, 1, 2, 3]})
    html = (
        login(users["viewer"])
        .get(reverse("strategy:round_detail", kwargs={"slug": "beckum", "pk": assessment_round.pk}))
        .content.decode()
    )
    assert "Antworten im Einzelnen" in html
    assert "Stufe 0:</strong> Es gibt weder ein Mobilitätskonzept" in html
    assert "Fragen beantworten" not in html  # frozen: no way to edit


def test_viewer_sees_no_edit_actions(login, users, town_a):
    measured = indicator(town_a)
    client = login(users["viewer"])
    focus_page = client.get(reverse("strategy:focus_list", kwargs={"slug": "beckum"})).content.decode()
    assert "Schwerpunkt anlegen" not in focus_page and "Ziel bearbeiten" not in focus_page
    detail = client.get(reverse("strategy:indicator_detail", kwargs={"slug": "beckum", "pk": measured.pk}))
    assert detail.context["form"] is None and "Messwert ergänzen" not in detail.content.decode()


def test_admin_pages_load(client, network, town_a):
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin, backend="vorort.accounts.backends.EmailBackend")
    measured = indicator(town_a)
    services.measurement_create(
        actor=None, indicator=measured, measured_on=datetime.date(2025, 1, 1), value=Decimal("1")
    )
    completed_round(town_a)
    for model in [
        "assessmentquestion",
        "assessmentround",
        "need",
        "visionversion",
        "focus",
        "droppedsuggestion",
        "goal",
        "indicator",
    ]:
        assert client.get(f"/admin/strategy/{model}/").status_code == 200, model
    assert client.get(f"/admin/strategy/indicator/{measured.pk}/change/").status_code == 200
    assert client.get(f"/admin/strategy/focus/{measured.goal.focus_id}/change/").status_code == 200
    assert field(town_a, "mobilitaet").name == "Mobilität"
