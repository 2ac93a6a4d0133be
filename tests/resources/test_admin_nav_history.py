"""Django admin for the new models, the workspace navigation, and the Verlauf pages of bodies, partners, people,
capacities and assignments."""

import datetime

import pytest
from django.urls import reverse

from vorort.accounts.models import User
from vorort.resources import services
from vorort.resources.models import Assignment, Body, BodyMembership, Capacity, Partner

from .conftest import LOGIN_BACKEND, person

pytestmark = pytest.mark.django_db


@pytest.fixture
def objects(town_a, measure):
    body = Body.objects.create(municipality=town_a, kind="lenkungsgruppe", name="Lenkungsgruppe")
    kim = person(town_a, "Kim", hours=20, start=datetime.date(2026, 1, 1))
    BodyMembership.objects.create(body=body, person=kim)
    assignment = Assignment.objects.create(
        person=kim, measure=measure, hours_per_week=4, start=datetime.date(2026, 1, 1), end=datetime.date(2026, 6, 30)
    )
    partner = Partner.objects.create(municipality=town_a, name="Stadtwerke Beckum")
    return {"body": body, "person": kim, "assignment": assignment, "partner": partner}


def test_admin_pages_load(client, objects):
    admin = User.objects.create_superuser(email="super@example.org", password="sehr-geheim-2026")
    client.force_login(admin, backend=LOGIN_BACKEND)
    for url in [
        reverse("admin:resources_body_changelist"),
        reverse("admin:resources_body_change", args=[objects["body"].pk]),
        reverse("admin:resources_person_changelist"),
        reverse("admin:resources_person_change", args=[objects["person"].pk]),
        reverse("admin:resources_assignment_changelist"),
        reverse("admin:resources_assignment_change", args=[objects["assignment"].pk]),
    ]:
        assert client.get(url).status_code == 200, url


def test_workspace_navigation_links_the_three_pages(login, objects):
    client = login("viewer")
    html = client.get(reverse("network:workspace", kwargs={"slug": "beckum"})).content.decode()
    for name in ("body_list", "partner_list", "personnel"):
        assert f'href="{reverse(f"resources:{name}", kwargs={"slug": "beckum"})}"' in html
    pages = {
        "Gremien": reverse("resources:body_detail", kwargs={"slug": "beckum", "pk": objects["body"].pk}),
        "Partner": reverse("resources:partner_detail", kwargs={"slug": "beckum", "pk": objects["partner"].pk}),
        "Personal": reverse("resources:person_detail", kwargs={"slug": "beckum", "pk": objects["person"].pk}),
    }
    for label, url in pages.items():
        html = client.get(url).content.decode()
        assert f'aria-current="true">{label}</a>' in html, label
    # A measure's partner form is no "Partner" page of the registry.
    measure_partner = reverse(
        "measures:involvement_add", kwargs={"slug": "beckum", "pk": objects["assignment"].measure_id}
    )
    html = login("editor").get(measure_partner).content.decode()
    assert 'aria-current="true">Partner</a>' not in html and 'aria-current="true">Maßnahmen</a>' in html


def test_history_pages_show_the_changes(login, users, objects):
    actor = users["editor"]
    services.body_update(actor=actor, body=objects["body"], data={"rhythm": "vierteljaehrlich"}, expected_version=None)
    services.partner_update(
        actor=actor, partner=objects["partner"], data={"notes": "Netzbetreiber"}, expected_version=None
    )
    services.person_update(actor=actor, person=objects["person"], data={"unit": "Amt 10"}, expected_version=None)
    capacity = Capacity.objects.get(person=objects["person"])
    services.capacity_update(actor=actor, capacity=capacity, data={"note": "Teilzeit"}, expected_version=None)
    services.assignment_update(
        actor=actor, assignment=objects["assignment"], data={"note": "Projektleitung"}, expected_version=None
    )
    for model, pk, text in [
        ("resources.body", objects["body"].pk, "vierteljährlich"),
        ("resources.partner", objects["partner"].pk, "Netzbetreiber"),
        ("resources.person", objects["person"].pk, "Amt 10"),
        ("resources.capacity", capacity.pk, "Teilzeit"),
        ("resources.assignment", objects["assignment"].pk, "Projektleitung"),
    ]:
        url = reverse("core:object_history", kwargs={"slug": "beckum", "model": model, "pk": pk})
        response = login("viewer").get(url)
        assert response.status_code == 200 and text in response.content.decode(), model
        other_town = reverse("core:object_history", kwargs={"slug": "billerbeck", "model": model, "pk": pk})
        assert login("coordinator_b").get(other_town).status_code == 404
