"""The portal's Atom feeds (vorort/portal/feeds.py): only published content, links to the portal pages, escaped
text, well-formed XML, and a query count that does not grow with the data."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.events.support import make_event
from tests.search.support import make_lesson, make_measure
from vorort.measures.models import Measure
from vorort.portal import feeds
from vorort.portal.models import Lesson

from .conftest import SECRET

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
HOST = "http://testserver"


def fetch(client, url: str) -> ET.Element:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


def entries(root: ET.Element) -> list[dict]:
    return [
        {
            "title": entry.findtext(f"{ATOM}title"),
            "link": entry.find(f"{ATOM}link").get("href"),
            "id": entry.findtext(f"{ATOM}id"),
            "summary": entry.findtext(f"{ATOM}summary"),
            "author": entry.findtext(f"{ATOM}author/{ATOM}name"),
            "published": entry.findtext(f"{ATOM}published"),
            "updated": entry.findtext(f"{ATOM}updated"),
        }
        for entry in root.findall(f"{ATOM}entry")
    ]


def titles(client, url: str) -> list[str]:
    return [entry["title"] for entry in entries(fetch(client, url))]


def lesson_url(lesson: Lesson) -> str:
    return HOST + reverse("portal:lesson", kwargs={"slug": lesson.municipality.slug, "pk": lesson.pk})


def measure_url(measure: Measure) -> str:
    return HOST + reverse("portal:measure", kwargs={"slug": measure.municipality.slug, "pk": measure.pk})


FEEDS = ["/wissen/feed/", "/massnahmen/feed/", "/kommunen/beckum/feed/", "/kommunen/billerbeck/feed/"]


def test_the_names_resolve_to_the_addresses(town_a):
    assert reverse("portal:lesson_feed") == "/wissen/feed/"
    assert reverse("portal:measure_feed") == "/massnahmen/feed/"
    assert reverse("portal:municipality_feed", kwargs={"slug": town_a.slug}) == "/kommunen/beckum/feed/"


@pytest.mark.parametrize("url", FEEDS)
def test_no_feed_shows_internal_content(client, portal, url):
    response = client.get(url)
    assert response.status_code == 200
    assert SECRET.lower() not in response.content.decode().lower()
    ET.fromstring(response.content)


def test_lesson_feed_has_the_published_lessons_with_links_to_the_portal(client, portal, town_a):
    radweg = portal["radweg"]
    root = fetch(client, "/wissen/feed/")
    assert root.findtext(f"{ATOM}title") == "vorort – Wissen aus den Kommunen"
    assert root.find(f"{ATOM}link[@rel='alternate']").get("href") == HOST + "/wissen/"
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == HOST + "/wissen/feed/"
    lesson = Lesson.objects.get(title="Früh mit Landwirten sprechen")
    [entry] = entries(root)  # the lesson on the internal measure and the internal note are left out
    assert entry["title"] == lesson.title
    assert entry["link"] == entry["id"] == lesson_url(lesson)
    assert entry["author"] == town_a.name
    assert "Beckum" in entry["summary"] and radweg.title in entry["summary"]
    assert "Grundstücke für den Radweg früh sichern." in entry["summary"]
    assert entry["published"] and entry["updated"]
    assert client.get(lesson_url(lesson)).status_code == 200


def test_lesson_feed_leaves_out_lessons_of_measures_and_events_made_internal(client, portal, town_a):
    radweg = portal["radweg"]
    workshop = make_event(municipality=town_a, title="Werkstatt intern")
    make_lesson(town_a, "Aus der internen Werkstatt", event=workshop)
    assert titles(client, "/wissen/feed/") == ["Früh mit Landwirten sprechen"]
    Measure.objects.filter(pk=radweg.pk).update(is_public=False)
    assert titles(client, "/wissen/feed/") == []
    assert titles(client, f"/kommunen/{town_a.slug}/feed/") == []


def test_lesson_excerpt_is_cut(client, town_a):
    make_lesson(town_a, "Lang", " ".join(f"Wort{number}" for number in range(200)))
    [entry] = entries(fetch(client, "/wissen/feed/"))
    assert "Wort59" in entry["summary"]
    assert "Wort60" not in entry["summary"]


def test_measure_feed_has_the_public_measures(client, portal):
    radweg, pendler = portal["radweg"], portal["pendler"]
    root = fetch(client, "/massnahmen/feed/")
    assert root.findtext(f"{ATOM}title") == "vorort – Maßnahmen aller Kommunen"
    assert "geänderte" in root.findtext(f"{ATOM}subtitle")  # says that it is sorted by the last change
    found = {entry["title"]: entry for entry in entries(root)}
    assert set(found) == {radweg.title, pendler.title}
    entry = found[radweg.title]
    assert entry["link"] == measure_url(radweg)
    assert entry["author"] == "Beckum"
    assert "Beckum" in entry["summary"]
    assert f"Handlungsfeld: {radweg.action_field.name}" in entry["summary"]
    assert "Status: In Umsetzung" in entry["summary"]
    assert "Ein beleuchteter Radweg für Pendler." in entry["summary"]
    assert client.get(measure_url(radweg)).status_code == 200


def test_measure_feed_newest_first_and_limited(client, town_a, monkeypatch):
    monkeypatch.setattr(feeds, "FEED_SIZE", 3)
    made = [make_measure(town_a, f"Maßnahme {number}") for number in range(5)]
    for number, measure in enumerate(made):  # updated at distinct times: 0 oldest, 4 newest
        Measure.objects.filter(pk=measure.pk).update(updated_at=timezone.now() - datetime.timedelta(days=10 - number))
    assert titles(client, "/massnahmen/feed/") == ["Maßnahme 4", "Maßnahme 3", "Maßnahme 2"]


def test_municipality_feed_combines_measures_and_lessons_of_the_municipality(client, portal, town_a, town_b):
    radweg, pendler = portal["radweg"], portal["pendler"]
    lesson = Lesson.objects.get(title="Früh mit Landwirten sprechen")
    Lesson.objects.filter(pk=lesson.pk).update(updated_at=timezone.now() + datetime.timedelta(minutes=1))
    root = fetch(client, f"/kommunen/{town_a.slug}/feed/")
    assert root.findtext(f"{ATOM}title") == "vorort – Neues aus Beckum"
    assert root.find(f"{ATOM}link[@rel='alternate']").get("href") == HOST + "/kommunen/beckum/"
    assert [(entry["title"], entry["link"]) for entry in entries(root)] == [
        (lesson.title, lesson_url(lesson)),
        (radweg.title, measure_url(radweg)),
    ]
    assert [entry["link"] for entry in entries(fetch(client, f"/kommunen/{town_b.slug}/feed/"))] == [
        measure_url(pendler)
    ]


def test_municipality_feed_is_limited(client, town_a, monkeypatch):
    monkeypatch.setattr(feeds, "FEED_SIZE", 3)
    for number in range(3):
        measure = make_measure(town_a, f"Maßnahme {number}")
        make_lesson(town_a, f"Erfahrung {number}", measure=measure)
    assert len(titles(client, f"/kommunen/{town_a.slug}/feed/")) == 3


def test_unknown_municipality_is_not_found(client, portal):
    assert client.get("/kommunen/gibt-es-nicht/feed/").status_code == 404
    assert client.get(reverse("portal:municipality_feed", kwargs={"slug": "unbekannt"})).status_code == 404


def test_feeds_answer_only_reads(client, portal):
    assert client.post("/wissen/feed/").status_code == 405
    assert client.head("/massnahmen/feed/").status_code == 200


def test_text_is_escaped_and_the_xml_parses(client, town_a):
    title = "<script>alert(1)</script> Tom & Jerry"
    measure = make_measure(town_a, title, summary="Kurz <b>fett</b> & <script>x()</script>")
    make_lesson(town_a, title, "Text mit <script>alert(2)</script> & mehr", measure=measure)
    for url in ["/wissen/feed/", "/massnahmen/feed/", f"/kommunen/{town_a.slug}/feed/"]:
        raw = client.get(url).content.decode()
        assert "<script" not in raw, url
        assert "&lt;script&gt;alert(1)&lt;/script&gt; Tom &amp; Jerry" in raw, url
        found = entries(ET.fromstring(raw))
        assert found and all(entry["title"] == title for entry in found), url  # text, escaped once
        for entry in found:  # summaries are HTML: the values in them are HTML-escaped before the XML escaping
            assert "<script" not in entry["summary"] and "<b>" not in entry["summary"], url
            assert "&lt;script&gt;alert(1)&lt;/script&gt; Tom &amp; Jerry" in entry["summary"] or (
                "&lt;script&gt;x()&lt;/script&gt;" in entry["summary"]
            ), url


def test_control_characters_do_not_break_the_feeds(client, town_a):
    """Forms and the API accept e.g. a vertical tab; XML cannot carry it, so the feeds drop it."""
    measure = make_measure(town_a, "Radweg\x0bBahnhof", summary="Kurz\x1b gesagt")
    make_lesson(town_a, "Gelernt\x0c", "Text \x1b mit Steuerzeichen", measure=measure)
    for url in ["/wissen/feed/", "/massnahmen/feed/", f"/kommunen/{town_a.slug}/feed/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        titles = [entry["title"] for entry in entries(ET.fromstring(response.content))]
        assert "RadwegBahnhof" in titles or "Gelernt" in titles, url


def test_portal_pages_point_to_their_feeds(client, portal, town_a):
    pages = {
        "/wissen/": "/wissen/feed/",
        "/massnahmen/": "/massnahmen/feed/",
        f"/kommunen/{town_a.slug}/": f"/kommunen/{town_a.slug}/feed/",
    }
    for page, feed in pages.items():
        content = client.get(page).content.decode()
        head = content.split("</head>")[0]
        assert f'<link rel="alternate" type="application/atom+xml" href="{feed}"' in head, page
        body = content.split("</head>")[1]
        assert f'<a href="{feed}" type="application/atom+xml">Feed abonnieren (Atom)</a>' in body, page
    home = client.get("/").content.decode().split("</head>")[0]
    assert 'href="/wissen/feed/"' in home and 'href="/massnahmen/feed/"' in home


def grow(town_a, town_b, count: int) -> None:
    """`count` more public measures with a lesson each (with an event) in both towns, plus internal ones."""
    for town in (town_a, town_b):
        for number in range(count):
            measure = make_measure(town, f"Zuwachs {town.slug} {number}", summary="Mehr.")
            event = make_event(municipality=town, title=f"Format {town.slug} {number}", is_public=True)
            make_lesson(town, f"Erfahrung {town.slug} {number}", measure=measure, event=event)
            make_measure(town, f"{SECRET} {town.slug} {number}", public=False)


def test_query_count_does_not_grow_with_the_data(client, portal, town_a, town_b, django_assert_num_queries):
    # one query per list; the municipality feed: the municipality, its measures, its lessons
    expected = {"/wissen/feed/": 1, "/massnahmen/feed/": 1, f"/kommunen/{town_a.slug}/feed/": 3}
    sizes = {}
    for count in (1, 6):
        grow(town_a, town_b, count)
        for url, queries in expected.items():
            with django_assert_num_queries(queries):
                sizes[url, count] = len(titles(client, url))
    assert sizes["/wissen/feed/", 1] < sizes["/wissen/feed/", 6] == 1 + 2 * 7
    assert sizes["/massnahmen/feed/", 1] < sizes["/massnahmen/feed/", 6]
