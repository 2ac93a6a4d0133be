"""Changes made in the Django admin reach the search index too (the admin writes past the services)."""

import pytest
from django.urls import reverse

from vorort.accounts.models import User
from vorort.measures.models import Measure
from vorort.search.selectors import search

from .support import make_lesson, make_measure

pytestmark = pytest.mark.django_db

BACKEND = "vorort.accounts.backends.EmailBackend"


@pytest.fixture
def admin_client(client):
    admin = User.objects.create_superuser(email="super@example.org", password="sehr-geheim-2026")
    client.force_login(admin, backend=BACKEND)
    return client


def test_unpublishing_a_lesson_in_the_admin_updates_the_search(admin_client, town_a):
    lesson = make_lesson(town_a, "Quasimodo-Erfahrung", "Früh fragen.")
    assert search("Quasimodo").total == 1
    response = admin_client.post(
        reverse("admin:portal_lesson_change", args=[lesson.pk]),
        {"municipality": town_a.pk, "title": "Quasimodo-Erfahrung", "text": "Früh fragen.", "version": lesson.version},
    )  # "is_public" left out: unticked
    assert response.status_code == 302, response.content.decode()[:2000]
    lesson.refresh_from_db()
    assert lesson.is_public is False
    assert search("Quasimodo").total == 0


def test_deleting_measures_in_the_admin_updates_the_search(admin_client, town_a):
    measure = make_measure(town_a, "Quasimodo-Radweg")
    assert search("Quasimodo").total == 1
    response = admin_client.post(
        reverse("admin:measures_measure_changelist"),
        {"action": "delete_selected", "_selected_action": [measure.pk], "post": "yes"},
    )
    assert response.status_code == 302
    assert not Measure.objects.filter(pk=measure.pk).exists()
    assert search("Quasimodo").total == 0


def test_renaming_a_municipality_in_the_admin_updates_the_search(admin_client, town_a):
    make_measure(town_a, "Radweg zum Bahnhof")
    assert search("Quasimodohausen").total == 0
    response = admin_client.post(
        reverse("admin:network_municipality_change", args=[town_a.pk]),
        {
            "network": town_a.network_id,
            "name": "Quasimodohausen",
            "slug": town_a.slug,
            "county": town_a.county,
            "population": town_a.population,
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert [hit.municipality_name for hit in search("Quasimodohausen").hits] == ["Quasimodohausen"]
