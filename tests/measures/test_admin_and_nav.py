"""Django admin for measures and partners; the workspace navigation links the catalogue."""

from django.urls import reverse

from vorort.accounts.models import User
from vorort.resources.models import Involvement, Partner

from .conftest import LOGIN_BACKEND


def test_admin_pages_load(client, measure, town_a):
    partner = Partner.objects.create(municipality=town_a, name="Stadtwerke")
    Involvement.objects.create(partner=partner, measure=measure, role="Betreiber")
    admin = User.objects.create_superuser(email="super@example.org", password="sehr-geheim-2026")
    client.force_login(admin, backend=LOGIN_BACKEND)
    for url in [
        reverse("admin:measures_measure_changelist"),
        reverse("admin:measures_measure_change", args=[measure.pk]),
        reverse("admin:measures_measuremilestone_changelist"),
        reverse("admin:measures_statusreport_changelist"),
        reverse("admin:measures_measuredependency_changelist"),
        reverse("admin:resources_partner_changelist"),
        reverse("admin:resources_partner_change", args=[partner.pk]),
        reverse("admin:resources_involvement_changelist"),
    ]:
        assert client.get(url).status_code == 200, url


def test_workspace_navigation_links_measures(login, measure):
    client = login("viewer")
    html = client.get(reverse("network:workspace", kwargs={"slug": "beckum"})).content.decode()
    assert f'href="{reverse("measures:list", kwargs={"slug": "beckum"})}"' in html
    html = client.get(reverse("measures:list", kwargs={"slug": "beckum"})).content.decode()
    assert 'aria-current="page">Maßnahmen</a>' in html
    html = client.get(reverse("measures:measure", kwargs={"slug": "beckum", "pk": measure.pk})).content.decode()
    assert 'aria-current="true">Maßnahmen</a>' in html
