"""Every page type of the public portal with realistic content, checked with axe-core; keyboard use of the portal
(skip link, search, facets, the measure filter, also without JavaScript); the workspace's lessons pages."""

import datetime
import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from vorort.accounts.models import Role
from vorort.measures.services import measure_milestone_create, measure_milestone_set_done
from vorort.network.models import Municipality
from vorort.portal.models import Lesson
from vorort.publishing import services as publishing
from vorort.publishing.models import Audience, Publication
from vorort.strategy import services as strategy

from ..events.support import make_event
from ..factories import member
from ..search.support import field, make_lesson, make_measure
from ..strategy.support import indicator
from .axe import assert_accessible
from .conftest import login

pytestmark = pytest.mark.browser

# More measures about cycle paths than fit on one search page (20) and one list page (25).
EXTRA_CYCLE_PATHS = 26
ALL_MEASURES = EXTRA_CYCLE_PATHS + 4  # and two more of Beckum's, two of Billerbeck's


@pytest.fixture
def site(beckum):
    """Beckum has published a whole strategy: adopted vision with principles, a focus with a goal and an indicator,
    measures with milestones and lessons, a public event and a published document. Billerbeck (rural) has a few
    measures of its own. Beckum also has an editor and an internal lesson."""
    town = beckum["town"]
    billerbeck = Municipality.objects.get(slug="billerbeck")
    vision = strategy.vision_create(
        actor=None,
        municipality=town,
        title="Smartes Beckum 2030",
        text="Beckum verbindet Stadt und Land.\n\nDigitale Angebote machen den Alltag leichter.",
        principles={field(town): "Wege kurz und sicher machen.", field(town, "nachhaltigkeit"): "Klima schützen."},
    )
    strategy.vision_adopt(
        actor=None,
        vision=vision,
        adopted_on=datetime.date(2025, 6, 1),
        resolution_number="Ratsbeschluss 2025/041",
        expected_version=vision.version,
    )
    # A focus "Klima" with the goal "Emissionen senken" and its indicator, measured once.
    co2 = indicator(town, baseline="100", target="60")
    strategy.measurement_create(actor=None, indicator=co2, measured_on=datetime.date(2025, 1, 1), value=Decimal("85"))

    radweg = make_measure(
        town,
        "Radweg zum Bahnhof",
        summary="Ein beleuchteter Radweg für Pendler.",
        description="Der Radweg verbindet die Ortsteile mit dem Bahnhof.",
        groups=("Pendler*innen",),
        status="in_umsetzung",
        investment_cost=Decimal("250000"),
    )
    first = measure_milestone_create(actor=None, measure=radweg, title="Planung", due_date=datetime.date(2026, 1, 1))
    measure_milestone_set_done(actor=None, milestone=first, done=True)
    measure_milestone_create(actor=None, measure=radweg, title="Bau", due_date=datetime.date(2027, 1, 1))
    make_measure(
        town,
        "Intelligente Straßenbeleuchtung",
        summary="LED-Leuchten dimmen nachts.",
        field_slug="nachhaltigkeit",
        status="geplant",
    )
    for number in range(1, EXTRA_CYCLE_PATHS + 1):
        make_measure(town, f"Radweg Ortsteil {number}", summary=f"Lückenschluss im Radwegenetz, Abschnitt {number}.")
    make_measure(
        billerbeck,
        "Radwege für Pendler",
        summary="Pendler fahren sicher zum Bahnhof.",
        groups=("Pendler*innen",),
    )
    make_measure(billerbeck, "Bürgerbus auf Abruf", summary="Ein Bus, der kommt, wenn man ihn ruft.")

    forum = make_event(
        municipality=town, title="Bürgerforum Radverkehr", is_public=True, description="Alle sind eingeladen."
    )
    lesson = make_lesson(
        town, "Früh mit Landwirten sprechen", "Grundstücke für den Radweg früh sichern.", measure=radweg
    )
    make_lesson(town, "Einladungen über Vereine verteilen", "So kamen viel mehr Menschen.", event=forum)
    make_lesson(billerbeck, "Fahrplan mit Schulen abstimmen", "Schulzeiten bestimmen die Nachfrage.")
    internal = make_lesson(town, "Interne Notiz zum Haushalt", "Nur für das Team.", public=False)

    publication = Publication.objects.create(
        network=town.network,
        municipality=town,
        kind="strategy",
        format="pdf",
        audience=Audience.PUBLIC,
        series="beckum-strategy-pdf-oeffentlich",
        number=1,
        title="Smart-City-Strategie Beckum",
        file="beckum/strategie.pdf",
        filename="smart-city-strategie-beckum-fassung-1.pdf",
        size=12_345,
        sha256="0" * 64,
    )
    publishing.publication_publish(actor=None, publication=publication, public=True)

    editor = member(town, Role.EDITOR, email="redaktion@example.org", name="Rita Redaktion")
    return {
        **beckum,
        "billerbeck": billerbeck,
        "radweg": radweg,
        "lesson": lesson,
        "internal": internal,
        "editor": editor,
    }


def tab_to(page, target, limit: int = 60) -> int:
    """Press Tab until `target` has the focus (as a keyboard user would) and check that the focus is visible;
    the number of presses."""
    expect(target).to_be_attached()
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        # Matched by Playwright's own selector engine, which also works where the page's JavaScript is off.
        if target.and_(page.locator(":focus")).count():
            expect(target).to_have_css("outline-style", "solid")  # the focus ring of :focus-visible
            return presses
    raise AssertionError(f"{target} not reached with {limit} presses of Tab")


def start_from_top(page) -> None:
    """Move the sequential focus starting point back to the top of the document: click an empty spot of <body>
    (the margin left of the centred content), as in test_accessibility.py."""
    page.evaluate("window.scrollTo(0, 0)")
    y = page.evaluate(
        "() => { for (let y = 0; y < innerHeight; y += 10) { if (document.elementFromPoint(2, y) === document.body)"
        " return y; } return -1; }"
    )
    assert y >= 0, "no empty spot of <body> to click"
    page.mouse.click(2, y)


# axe on every page type -------------------------------------------------------------------------------------------


def test_every_portal_page_type_is_accessible(new_page, live_server, site):
    base = live_server.url
    page = new_page()

    page.goto(f"{base}/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_role("link", name="Früh mit Landwirten sprechen")).to_be_visible()
    expect(page.get_by_role("link", name="Bürgerforum Radverkehr")).to_be_visible()
    assert_accessible(page, "start page")

    page.goto(f"{base}/kommunen/beckum/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Beckum")
    expect(page.get_by_role("heading", name="Smartes Beckum 2030")).to_be_visible()
    expect(page.get_by_role("table", name="Indikatoren zum Ziel Emissionen senken")).to_contain_text("CO₂-Emissionen")
    expect(page.get_by_role("link", name="Smart-City-Strategie Beckum")).to_be_visible()
    expect(page.get_by_role("navigation", name="Seiten")).to_contain_text("Seite 1 von 2")
    assert_accessible(page, "municipality page")

    page.goto(f"{base}/kommunen/beckum/massnahmen/{site['radweg'].pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Radweg zum Bahnhof")
    expect(page.get_by_role("heading", name="Früh mit Landwirten sprechen")).to_be_visible()
    expect(page.locator("ol.similar li").first).to_be_visible()
    assert_accessible(page, "measure page")

    page.goto(f"{base}/kommunen/beckum/wissen/{site['lesson'].pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Früh mit Landwirten sprechen")
    assert_accessible(page, "lesson page")

    assert page.goto(f"{base}/kommunen/beckum/wissen/{site['internal'].pk}/").status == 404  # internal

    page.goto(f"{base}/massnahmen/")
    expect(page.get_by_role("table", name=f"{ALL_MEASURES} veröffentlichte Maßnahmen")).to_be_visible()
    assert_accessible(page, "measure list")
    page.goto(f"{base}/massnahmen/?handlungsfeld={field(site['town']).pk}&kommune=beckum&status=idee")
    expect(page.get_by_role("table", name=f"{EXTRA_CYCLE_PATHS} veröffentlichte Maßnahmen")).to_be_visible()
    expect(page.get_by_label("Status")).to_have_value("idee")
    assert_accessible(page, "measure list with filters")
    page.get_by_role("navigation", name="Seiten").get_by_role("link", name="weiter").click()
    expect(page.get_by_role("navigation", name="Seiten")).to_contain_text("Seite 2 von 2")
    expect(page.get_by_label("Kommune")).to_have_value("beckum")  # the filters stay
    assert_accessible(page, "measure list with filters, page 2")
    page.goto(f"{base}/massnahmen/?status=abgeschlossen")
    expect(page.get_by_text("Keine veröffentlichte Maßnahme passt zu diesen Filtern.")).to_be_visible()
    assert_accessible(page, "measure list without results")

    page.goto(f"{base}/wissen/")
    expect(page.get_by_role("heading", level=2)).to_have_text("3 Erfahrungen")
    assert_accessible(page, "lesson list")
    page.goto(f"{base}/wissen/?kommune=beckum")
    expect(page.get_by_role("heading", level=2)).to_have_text("2 Erfahrungen")
    assert_accessible(page, "lesson list with a filter")

    page.goto(f"{base}/suche/")
    assert_accessible(page, "empty search page")
    page.goto(f"{base}/suche/?q=Radweg")
    results = page.get_by_role("heading", level=2, name=re.compile("Treffer für"))
    expect(results).to_have_text(re.compile(r"^\d+ Treffer für „Radweg“$"))
    assert_accessible(page, "search results")
    facets = page.get_by_role("complementary")
    facets.get_by_role("link", name="Beckum").click()
    expect(page.get_by_role("list", name="Aktive Filter")).to_contain_text("Kommune: Beckum")
    expect(facets.get_by_role("link", name="Beckum")).to_have_attribute("aria-current", "true")
    assert_accessible(page, "search results with a facet selected")
    page.get_by_role("navigation", name="Seiten").get_by_role("link", name="weiter").click()
    expect(page.get_by_role("navigation", name="Seiten")).to_contain_text("Seite 2 von 2")
    expect(page.get_by_role("list", name="Aktive Filter")).to_contain_text("Kommune: Beckum")
    expect(page.locator("ol.hits")).to_have_attribute("start", "21")
    assert_accessible(page, "search results with a facet, page 2")
    page.goto(f"{base}/suche/?q=Xylophonwerkstatt")
    expect(page.get_by_text("Nichts gefunden.")).to_be_visible()
    assert_accessible(page, "search without hits")

    page.goto(f"{base}/opendaten/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Offene Daten")
    assert_accessible(page, "open data page")


# Keyboard ---------------------------------------------------------------------------------------------------------


def test_skip_link_is_the_first_stop_on_portal_pages(new_page, live_server, site):
    page = new_page()
    for path in ("/", f"/kommunen/beckum/massnahmen/{site['radweg'].pk}/", "/suche/?q=Radweg"):
        page.goto(live_server.url + path)
        start_from_top(page)
        page.keyboard.press("Tab")
        skip = page.get_by_role("link", name="Zum Inhalt springen")
        expect(skip).to_be_focused()
        expect(skip).to_be_visible()
        expect(skip).to_be_in_viewport()
        expect(skip).to_have_css("outline-style", "solid")
        page.keyboard.press("Enter")
        expect(page.locator("main#inhalt")).to_be_focused()
        # The next Tab continues inside the content, not at the header again.
        page.keyboard.press("Tab")
        assert page.evaluate("document.querySelector('main').contains(document.activeElement)"), path


def test_search_and_facets_by_keyboard_only(new_page, live_server, site):
    page = new_page()
    page.goto(f"{live_server.url}/")
    start_from_top(page)
    tab_to(page, page.get_by_label("Maßnahmen, Wissen und Formate durchsuchen"))
    page.keyboard.type("Bürgerbus")
    page.keyboard.press("Tab")
    expect(page.get_by_role("main").get_by_role("button", name="Suchen")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=2, name=re.compile("Treffer für „Bürgerbus“"))).to_be_visible()

    # The search page's own form: skip to the content, the field comes next, Enter submits.
    start_from_top(page)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    field_ = page.get_by_role("searchbox", name="Suchbegriffe")
    tab_to(page, field_, limit=3)
    page.keyboard.press("Control+A")
    page.keyboard.type("Radweg")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=2, name=re.compile("Treffer für „Radweg“"))).to_be_visible()

    # Every facet link is reachable with Tab; Enter on one narrows the results.
    facet_links = page.get_by_role("complementary").get_by_role("link")
    assert facet_links.count() >= 3
    start_from_top(page)
    for index in range(facet_links.count()):
        tab_to(page, facet_links.nth(index))
    billerbeck = page.get_by_role("complementary").get_by_role("link", name="Billerbeck")
    start_from_top(page)
    tab_to(page, billerbeck)
    page.keyboard.press("Enter")
    expect(page.get_by_role("list", name="Aktive Filter")).to_contain_text("Kommune: Billerbeck")
    expect(page.get_by_role("heading", level=2, name=re.compile("^1 Treffer"))).to_be_visible()
    # ... and the filter can be removed with the keyboard again.
    start_from_top(page)
    tab_to(page, page.get_by_role("link", name=re.compile(r"^Filter entfernen ?: Kommune Billerbeck$")))
    page.keyboard.press("Enter")
    expect(page.get_by_role("list", name="Aktive Filter")).to_have_count(0)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_measure_filter_by_keyboard_only(new_page, live_server, site, javascript):
    page = new_page(java_script_enabled=javascript)
    page.goto(f"{live_server.url}/massnahmen/")  # a fresh page: Tab starts at the top
    rural = page.get_by_label("Ländlich geprägt")
    tab_to(page, rural)
    page.keyboard.press("ArrowDown")  # alle → ländlich
    expect(rural).to_have_value("ja")
    status = page.get_by_label("Status")
    tab_to(page, status, limit=3)
    page.keyboard.type("Idee")
    expect(status).to_have_value("idee")
    tab_to(page, page.get_by_role("button", name="Filtern"), limit=5)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"laendlich=ja"))
    expect(page.get_by_role("table", name="2 veröffentlichte Maßnahmen")).to_be_visible()
    expect(page.get_by_role("rowheader", name=re.compile("Bürgerbus auf Abruf"))).to_be_visible()
    expect(rural).to_have_value("ja")  # the form keeps the choice
    # Back to all measures with the keyboard.
    tab_to(page, page.get_by_role("link", name="Filter zurücksetzen"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("table", name=f"{ALL_MEASURES} veröffentlichte Maßnahmen")).to_be_visible()


# Workspace: lessons learned ---------------------------------------------------------------------------------------


def test_workspace_lessons_as_editor(new_page, live_server, site):
    base = live_server.url
    page = new_page()
    login(page, base, "redaktion@example.org")
    page.goto(f"{base}/arbeitsbereich/beckum/wissen/")
    table = page.get_by_role("table", name="3 Erfahrungen")
    expect(table).to_contain_text("Interne Notiz zum Haushalt")
    expect(page.get_by_role("link", name="Wissen", exact=True)).to_have_attribute("aria-current", "page")
    assert_accessible(page, "workspace lessons list")

    page.get_by_role("link", name="Erfahrung festhalten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Erfahrung festhalten")
    assert_accessible(page, "lesson form")

    # Submitted without a title: the message is at the field, the field is marked and described by it.
    text = page.get_by_label("Was wir gelernt haben")
    text.fill("Der Bauhof braucht die Pläne drei Monate vorher.")
    page.get_by_label("Maßnahme").select_option(label="Radweg zum Bahnhof")
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_role("alert")).to_contain_text("Bitte korrigieren Sie die markierten Felder.")
    title = page.get_by_label("Titel")
    expect(title).to_have_attribute("aria-invalid", "true")
    expect(title).to_have_accessible_description(re.compile("erforderlich"))
    expect(page.locator("#id_title_error")).to_be_visible()
    expect(text).not_to_have_attribute("aria-invalid", "true")
    expect(text).to_have_value("Der Bauhof braucht die Pläne drei Monate vorher.")  # nothing typed is lost
    expect(page.get_by_label("Maßnahme")).to_have_accessible_description(re.compile("aus der Sie gelernt haben"))
    assert_accessible(page, "lesson form with an error")
    assert not Lesson.objects.filter(text__startswith="Der Bauhof").exists()

    title.fill("Bauhof früh einbinden")
    page.get_by_role("button", name="Speichern").click()
    expect(page.locator(".messages")).to_contain_text("„Bauhof früh einbinden“ gespeichert.")
    expect(page.get_by_role("table", name="4 Erfahrungen")).to_be_visible()
    assert_accessible(page, "workspace lessons list after saving")

    page.get_by_role("link", name=re.compile(r"^bearbeiten ?: Bauhof früh einbinden$")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("„Bauhof früh einbinden“ bearbeiten")
    expect(page.get_by_label("Titel")).to_have_value("Bauhof früh einbinden")
    assert_accessible(page, "lesson edit form")
    page.get_by_label("Titel").fill("Bauhof sehr früh einbinden")
    page.get_by_role("button", name="Speichern").click()
    expect(page.locator(".messages")).to_contain_text("„Bauhof sehr früh einbinden“ gespeichert.")

    page.get_by_role("link", name=re.compile(r"^löschen ?: Bauhof sehr früh einbinden$")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bitte bestätigen")
    expect(page.get_by_role("main")).to_contain_text("Soll „Bauhof sehr früh einbinden“ wirklich gelöscht werden?")
    assert_accessible(page, "lesson delete confirmation")
    page.get_by_role("button", name="Ja, ausführen").click()
    expect(page.locator(".messages")).to_contain_text("„Bauhof sehr früh einbinden“ gelöscht.")
    expect(page.get_by_role("table", name="3 Erfahrungen")).to_be_visible()
