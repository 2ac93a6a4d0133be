"""Navigation entries, Verlauf pages of the app's objects, and the (read-only) admin of frozen catalogues."""

from django.urls import reverse

from vorort.prioritisation import services
from vorort.prioritisation.models import Catalogue

from .conftest import text


def test_workspace_and_network_navigation_link_the_prioritisation(login, criteria):
    page = login("viewer").get(reverse("prioritisation:overview", kwargs={"slug": "beckum"})).content.decode()
    overview = reverse("prioritisation:overview", kwargs={"slug": "beckum"})
    assert f'<a href="{overview}" aria-current="page">Priorisierung</a>' in page
    ranking = login("viewer").get(reverse("prioritisation:ranking", kwargs={"slug": "beckum"})).content.decode()
    assert f'<a href="{overview}" aria-current="true">Priorisierung</a>' in ranking
    admin_page = login("network_admin").get(reverse("prioritisation:template_list")).content.decode()
    assert f'<a href="{reverse("prioritisation:template_list")}" aria-current="page">Kriterien</a>' in admin_page


def test_history_pages(login, scenario, users):
    catalogue = services.rating_round_close(
        actor=users["coordinator"], rating_round=scenario["round"], expected_version=None
    )
    client = login("viewer")
    for model, pk in (
        ("prioritisation.criterion", scenario["criteria"][0].pk),
        ("prioritisation.ratinground", scenario["round"].pk),
        ("prioritisation.catalogue", catalogue.pk),
    ):
        url = reverse("core:object_history", kwargs={"slug": "beckum", "model": model, "pk": pk})
        response = client.get(url)
        assert response.status_code == 200, model
    rounds = text(
        client.get(
            reverse(
                "core:object_history",
                kwargs={"slug": "beckum", "model": "prioritisation.ratinground", "pk": scenario["round"].pk},
            )
        )
    )
    assert "Bewertung „Bürger-App“ – Dringlichkeit" in rounds
    other = reverse(
        "core:object_history", kwargs={"slug": "billerbeck", "model": "prioritisation.catalogue", "pk": catalogue.pk}
    )
    assert login("coordinator_b").get(other).status_code == 404


def test_admin_shows_catalogues_read_only(client, scenario, users):
    catalogue = services.rating_round_close(
        actor=users["coordinator"], rating_round=scenario["round"], expected_version=None
    )
    from ..factories import UserFactory

    staff = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(staff, backend="vorort.accounts.backends.EmailBackend")
    for name in ("criteriontemplate", "criterion", "ratinground", "catalogue", "councilresolution"):
        assert client.get(reverse(f"admin:prioritisation_{name}_changelist")).status_code == 200
    detail = client.get(reverse("admin:prioritisation_catalogue_change", args=[catalogue.pk]))
    assert detail.status_code == 200
    client.post(reverse("admin:prioritisation_catalogue_change", args=[catalogue.pk]), {"title": "Anders"})
    assert Catalogue.objects.get(pk=catalogue.pk).title == "Priorisierung 2026"
