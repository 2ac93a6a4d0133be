"""Nothing internal leaks through any public page, feed, the search, its facets or the similar measures.

The fixture puts the word SECRET into every kind of internal content: draft visions, foci without an adopted
vision, needs, focus rationales, measurement notes, internal measures, risks, milestone titles and status reports
of public measures, internal events, event protocols, internal lessons and public lessons of internal measures.
"""

import pytest
from django.urls import reverse

from vorort.measures.models import Measure
from vorort.search.selectors import search, similar_measures

from .conftest import SECRET

pytestmark = pytest.mark.django_db


def public_addresses(portal, town_a, town_b) -> list[str]:
    radweg, pendler, forum = portal["radweg"], portal["pendler"], portal["forum"]
    addresses = [
        "/",
        "/massnahmen/",
        "/massnahmen/?status=idee",
        f"/massnahmen/?kommune={town_a.slug}",
        "/massnahmen/?laendlich=ja",
        "/wissen/",
        f"/wissen/?kommune={town_a.slug}",
        "/kalender/",
        "/kalender.ics",
        f"/kommunen/{town_a.slug}/kalender.ics",
        f"/kalender/?kommune={town_a.slug}",
        reverse("events:public_detail", kwargs={"pk": forum.pk}),
        reverse("events:ics_event", kwargs={"pk": forum.pk}),
    ]
    for town in (town_a, town_b):
        addresses.append(reverse("portal:municipality", kwargs={"slug": town.slug}))
    for measure in (radweg, pendler):
        addresses.append(reverse("portal:measure", kwargs={"slug": measure.municipality.slug, "pk": measure.pk}))
    for query in ["Radweg", "Bürgerbus", "Werkstatt", "Bedarf", "Meilenstein", "Lektion", "Protokoll", "Grunderwerb"]:
        addresses.append(f"/suche/?q={query}")
        addresses.append(f"/suche/?q={query}&kommune={town_a.slug}&art=massnahme")
    return addresses


def test_no_public_page_shows_internal_content(client, portal, town_a, town_b):
    for address in public_addresses(portal, town_a, town_b):
        response = client.get(address)
        assert response.status_code == 200, address
        assert SECRET.lower() not in response.content.decode().lower(), address


@pytest.mark.parametrize("query", [SECRET, SECRET.lower(), f"{SECRET}*", f"{SECRET[:5]}", f'"{SECRET}-Radweg"'])
def test_searching_for_internal_words_finds_nothing(client, portal, town_a, query):
    for params in [{"q": query}, {"q": query, "kommune": town_a.slug}, {"q": query, "art": "massnahme"}]:
        response = client.get("/suche/", params)
        content = response.content.decode()
        assert response.status_code == 200
        assert "0 Treffer für" in content
        assert 'class="hit"' not in content
        assert 'class="facet-options"' not in content


def test_signed_in_users_see_no_more_on_public_pages(client_for, users, portal, town_a, town_b):
    client = client_for(users["coordinator_b"])  # may adopt: the measure page shows the form
    for address in public_addresses(portal, town_a, town_b):
        assert SECRET.lower() not in client.get(address).content.decode().lower(), address


def test_internal_objects_are_not_found(client, portal, town_a):
    internal = portal["internal"]
    assert client.get(reverse("portal:measure", kwargs={"slug": town_a.slug, "pk": internal.pk})).status_code == 404
    # a public measure under another town's address is not found either
    pendler = portal["pendler"]
    assert client.get(reverse("portal:measure", kwargs={"slug": town_a.slug, "pk": pendler.pk})).status_code == 404
    for lesson in town_a.lessons.filter(title__startswith=SECRET):
        address = reverse("portal:lesson", kwargs={"slug": town_a.slug, "pk": lesson.pk})
        assert client.get(address).status_code == 404


def test_search_facets_and_similar_count_only_published(portal):
    assert search(SECRET).total == 0
    results = search("Radweg")
    assert {hit.title for hit in results.hits} == {
        "Radweg zum Bahnhof",
        "Radwege für Pendler",
        "Früh mit Landwirten sprechen",
    }
    assert results.total == len(results.hits)
    for facet in results.facets:
        if facet.key == "art":
            assert sum(option.count for option in facet.options) == results.total
    assert {item.measure.title for item in similar_measures(portal["radweg"])} == {"Radwege für Pendler"}
    # An internal measure (on its workspace page) is compared with published ones only, never with internal ones.
    suggested = [item.measure for item in similar_measures(portal["internal"])]
    assert all(measure.is_public for measure in suggested)
    assert all(measure.municipality_id != portal["internal"].municipality_id for measure in suggested)


def test_content_unpublished_behind_the_services_back_is_not_shown(client, portal, town_b):
    """The Django admin and bulk updates bypass the index hooks: the hit is still checked against the object."""
    pendler = portal["pendler"]
    Measure.objects.filter(pk=pendler.pk).update(is_public=False, title=f"{SECRET} Pendler")
    results = search("Pendler Bahnhof")
    assert "Radwege für Pendler" not in [hit.title for hit in results.hits]
    assert all(SECRET not in hit.title for hit in results.hits)
    assert pendler.pk not in [item.measure.pk for item in similar_measures(portal["radweg"])]
    response = client.get(reverse("portal:measure", kwargs={"slug": town_b.slug, "pk": pendler.pk}))
    assert response.status_code == 404
