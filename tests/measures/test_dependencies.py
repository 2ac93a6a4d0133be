"""Dependencies between measures of one municipality; cycles are refused and named."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from vorort.measures.models import MeasureDependency
from vorort.measures.services import dependency_add, dependency_cycle

from ..factories import MeasureFactory
from .conftest import field_errors


@pytest.fixture
def abc(town_a):
    return [MeasureFactory(municipality=town_a, title=title) for title in ("Glasfaser", "WLAN", "Sensorik")]


def _add(client, measure, other):
    return client.post(
        reverse("measures:dependency_add", kwargs={"slug": "beckum", "pk": measure.pk}), {"depends_on": other.pk}
    )


def test_add_and_show_both_directions(login, abc):
    glasfaser, wlan, _sensorik = abc
    client = login("editor")
    response = _add(client, wlan, glasfaser)
    assert response.status_code == 302
    assert MeasureDependency.objects.filter(measure=wlan, depends_on=glasfaser).exists()
    html = client.get(reverse("measures:measure", kwargs={"slug": "beckum", "pk": wlan.pk})).content.decode()
    assert "hängt ab von" in html and "Glasfaser" in html
    html = client.get(reverse("measures:measure", kwargs={"slug": "beckum", "pk": glasfaser.pk})).content.decode()
    assert "Voraussetzung für" in html and "WLAN" in html


def test_two_measure_cycle_is_refused_with_names(login, abc):
    glasfaser, wlan, _sensorik = abc
    client = login("editor")
    _add(client, wlan, glasfaser)
    response = _add(client, glasfaser, wlan)
    assert response.status_code == 200
    errors = field_errors(response.content.decode(), "dep_depends_on")
    assert "Kreis" in errors
    assert "„Glasfaser“ → „WLAN“ → „Glasfaser“" in errors
    assert MeasureDependency.objects.count() == 1


def test_three_measure_cycle_is_refused_with_names(login, abc):
    glasfaser, wlan, sensorik = abc
    client = login("editor")
    _add(client, wlan, glasfaser)  # WLAN needs Glasfaser
    _add(client, sensorik, wlan)  # Sensorik needs WLAN
    response = _add(client, glasfaser, sensorik)  # Glasfaser needs Sensorik would close the circle
    assert response.status_code == 200
    errors = field_errors(response.content.decode(), "dep_depends_on")
    assert "„Glasfaser“ → „Sensorik“ → „WLAN“ → „Glasfaser“" in errors
    assert MeasureDependency.objects.count() == 2


def test_service_refuses_self_duplicate_and_foreign(abc, town_b, users):
    glasfaser, wlan, _ = abc
    actor = users["editor"]
    with pytest.raises(ValidationError, match="sich selbst"):
        dependency_add(actor=actor, measure=glasfaser, depends_on=glasfaser)
    dependency_add(actor=actor, measure=wlan, depends_on=glasfaser)
    with pytest.raises(ValidationError, match="bereits"):
        dependency_add(actor=actor, measure=wlan, depends_on=glasfaser)
    foreign = MeasureFactory(municipality=town_b, title="Fremd")
    with pytest.raises(ValidationError, match="derselben Kommune"):
        dependency_add(actor=actor, measure=wlan, depends_on=foreign)


def test_cycle_search_on_a_longer_chain(town_a):
    chain = [MeasureFactory(municipality=town_a, title=f"M{i}") for i in range(6)]
    for first, second in zip(chain, chain[1:], strict=False):
        MeasureDependency.objects.create(measure=first, depends_on=second)
    cycle = dependency_cycle(municipality_id=town_a.pk, measure_id=chain[-1].pk, depends_on_id=chain[0].pk)
    assert cycle == [chain[-1].pk, *[m.pk for m in chain]]
    assert dependency_cycle(municipality_id=town_a.pk, measure_id=chain[0].pk, depends_on_id=chain[-1].pk) is None


def test_foreign_measure_cannot_be_picked(login, abc, town_b):
    foreign = MeasureFactory(municipality=town_b, title="Fremd")
    response = _add(login("editor"), abc[0], foreign)
    assert response.status_code == 200
    assert "gültige Auswahl" in field_errors(response.content.decode(), "dep_depends_on")
    assert not MeasureDependency.objects.exists()


def test_remove(login, abc):
    glasfaser, wlan, _ = abc
    link = MeasureDependency.objects.create(measure=wlan, depends_on=glasfaser)
    client = login("editor")
    url = reverse("measures:dependency_remove", kwargs={"slug": "beckum", "pk": link.pk})
    assert client.get(url).status_code == 200
    response = client.post(url, {"next": f"/arbeitsbereich/beckum/massnahmen/{glasfaser.pk}/"})
    assert response.status_code == 302
    assert response["Location"] == f"/arbeitsbereich/beckum/massnahmen/{glasfaser.pk}/"
    assert not MeasureDependency.objects.exists()
    # An address elsewhere is never followed.
    link = MeasureDependency.objects.create(measure=wlan, depends_on=glasfaser)
    response = client.post(
        reverse("measures:dependency_remove", kwargs={"slug": "beckum", "pk": link.pk}),
        {"next": "https://evil.example/"},
    )
    assert response["Location"].startswith(f"/arbeitsbereich/beckum/massnahmen/{wlan.pk}/")
