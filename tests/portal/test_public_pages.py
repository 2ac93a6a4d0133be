"""The public portal pages: what they show, their filters, and query counts that do not grow with the data."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.events.support import make_event
from tests.factories import MunicipalityFactory
from tests.search.support import group, make_lesson, make_measure
from vorort.portal.services import measure_adopt

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_start_page_shows_the_network(client, portal, town_a):
    response = client.get("/")
    assert response.status_code == 200
    content = text(response)
    assert "Netzwerk Innenstadt NRW" in content
    assert reverse("portal:municipality", kwargs={"slug": town_a.slug}) in response.content.decode()
    assert "2 veröffentlichte Maßnahmen" in content
    assert "Radweg zum Bahnhof" in content and "Früh mit Landwirten sprechen" in content
    assert "Bürgerforum Radverkehr" in content
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", response.content.decode())
    assert not re.search(r'\sstyle="', response.content.decode())


def test_municipality_page(client, portal, town_a, town_b):
    content = text(client.get(reverse("portal:municipality", kwargs={"slug": town_a.slug})))
    assert "Smartes Beckum 2030" in content and "Beschlossen am 1. Juni 2025" in content
    assert "Wege kurz und sicher machen." in content
    assert "Radverkehr stärken" in content and "Mehr Radverkehr" in content
    assert "Radverkehrsanteil" in content and "50 %" in content  # 10 → 15 of 20
    assert "Radweg zum Bahnhof" in content and "1 von 2 erledigt" in content
    assert "In Umsetzung: 1" in content
    assert "Bürgerforum Radverkehr" in content
    assert "Früh mit Landwirten sprechen" in content
    other = text(client.get(reverse("portal:municipality", kwargs={"slug": town_b.slug})))
    assert "noch keine Vision beschlossen" in other
    assert "Handlungsschwerpunkte und Ziele" not in other  # foci follow an adopted vision only
    assert "Radwege für Pendler" in other
    assert client.get(reverse("portal:municipality", kwargs={"slug": "gibt-es-nicht"})).status_code == 404


def test_measure_page(client, portal, town_a, town_b):
    radweg = portal["radweg"]
    measure_adopt(actor=None, source=radweg, municipality=town_b, source_url="https://vorort.example.org/x")
    response = client.get(reverse("portal:measure", kwargs={"slug": town_a.slug, "pk": radweg.pk}))
    content = text(response)
    assert "Radweg zum Bahnhof" in content and "Der Radweg verbindet die Ortsteile." in content
    assert "250.000,00 €" in content
    assert "Pendler*innen" in content
    assert "1 von 2 Meilensteinen erledigt" in content
    assert "übernommen von 1 Kommune" in content
    assert "Früh mit Landwirten sprechen" in content  # its lesson learned
    assert "Ähnliche Maßnahmen in anderen Kommunen" in content
    assert "Radwege für Pendler" in content and "Warum ähnlich?" in content
    assert "In den eigenen Maßnahmenkatalog übernehmen" not in content  # anonymous: no adoption form


def test_measure_list_filters(client, portal, town_a, town_b):
    def titles(**params) -> list[str]:
        content = client.get("/massnahmen/", params).content.decode()
        return re.findall(r'<th scope="row"><a href="/kommunen/[^"]+">([^<]+)</a>', content)

    assert titles() == ["Radweg zum Bahnhof", "Radwege für Pendler"]
    assert titles(kommune=town_b.slug) == ["Radwege für Pendler"]
    assert titles(status="in_umsetzung") == ["Radweg zum Bahnhof"]
    assert titles(laendlich="ja") == ["Radwege für Pendler"]
    assert titles(groesse="mittel") == ["Radweg zum Bahnhof"]
    assert titles(gruppe=group(town_a, "Pendler*innen").pk) == ["Radweg zum Bahnhof", "Radwege für Pendler"]
    assert titles(gruppe=group(town_a, "Bürger*innen").pk) == []
    assert titles(handlungsfeld="x", status="gibt-es-nicht") == ["Radweg zum Bahnhof", "Radwege für Pendler"]


def test_lesson_list_and_page(client, portal, town_a, town_b):
    make_lesson(town_b, "Pendler früh fragen")
    content = text(client.get("/wissen/"))
    assert "Früh mit Landwirten sprechen" in content and "Pendler früh fragen" in content
    assert "Pendler früh fragen" not in text(client.get("/wissen/", {"kommune": town_a.slug}))
    lesson = town_a.lessons.get(title="Früh mit Landwirten sprechen")
    page = text(client.get(reverse("portal:lesson", kwargs={"slug": town_a.slug, "pk": lesson.pk})))
    assert "Grundstücke für den Radweg früh sichern." in page and "Radweg zum Bahnhof" in page


def test_search_page_shows_hits_and_facets_with_links(client, portal, town_a):
    response = client.get("/suche/", {"q": "Radwege"})
    content = response.content.decode()
    assert "3 Treffer für „Radwege“" in text(response)
    assert 'href="/kommunen/beckum/massnahmen/' in content
    assert "?q=Radwege&amp;kommune=beckum" in content  # a facet link keeps the query
    filtered = text(client.get("/suche/", {"q": "Radwege", "kommune": town_a.slug}))
    assert "2 Treffer" in filtered and "Filter entfernen" in filtered


def test_filters_without_hits_can_be_removed_and_pages_beyond_the_end_say_so(client, portal, town_a):
    content = text(
        client.get("/suche/", {"q": "Radwege", "status": "verworfen", "gruppe": group(town_a, "Bürger*innen").pk})
    )
    assert "0 Treffer" in content
    assert "Status: Verworfen Filter entfernen" in content
    assert "Nutzer*innengruppe: Bürger*innen Filter entfernen" in content
    assert "Kommune:" not in text(client.get("/suche/", {"q": "Radwege", "kommune": "gibt-es-nicht"}))
    content = text(client.get("/suche/", {"q": "Radwege", "seite": 9}))
    assert "Eine Seite 9 gibt es für diese Suche nicht." in content and "Zur ersten Seite" in content


def _count(client, address: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(address).status_code == 200
    return len(captured)


def test_query_counts_do_not_grow_with_the_data(client, portal, network, town_a):
    radweg = portal["radweg"]
    addresses = [
        "/",
        reverse("portal:municipality", kwargs={"slug": town_a.slug}),
        reverse("portal:measure", kwargs={"slug": town_a.slug, "pk": radweg.pk}),
        "/massnahmen/",
        "/wissen/",
        "/suche/?q=Radweg",
    ]
    small = [_count(client, address) for address in addresses]
    for number in range(4):
        town = MunicipalityFactory(network=network, name=f"Ort {number}")
        measure = make_measure(town, f"Radweg {number}", groups=("Pendler*innen", "Bürger*innen"))
        make_lesson(town, f"Radweg-Erfahrung {number}", measure=measure)
        make_event(municipality=town, title=f"Radtour {number}", is_public=True)
        make_measure(town_a, f"Radweg Beckum {number}", status="geplant", further=("wohnen",))
        make_lesson(town_a, f"Beckumer Erfahrung {number}")
        measure_adopt(actor=None, source=radweg, municipality=town, source_url="")
    assert [_count(client, address) for address in addresses] == small
