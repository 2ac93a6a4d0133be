"""End-to-end on the public portal: search, open a measure, see similar ones elsewhere, adopt it as an editor of
another municipality. axe-core checks every portal page on the way."""

import re

import pytest
from playwright.sync_api import expect

from vorort.accounts.models import Role
from vorort.measures.models import Measure
from vorort.network.models import Municipality

from ..factories import member
from ..search.support import make_lesson, make_measure
from .axe import assert_accessible
from .conftest import login

pytestmark = pytest.mark.browser


@pytest.fixture
def published(beckum):
    billerbeck = Municipality.objects.get(slug="billerbeck")
    source = make_measure(
        beckum["town"],
        "Intelligente Straßenbeleuchtung",
        summary="LED-Leuchten dimmen nachts und sparen Strom auf den Straßen.",
        groups=("Bürger*innen",),
        field_slug="nachhaltigkeit",
        status="in_umsetzung",
    )
    make_measure(
        billerbeck,
        "Strassenbeleuchtung mit Bewegungsmeldern",
        summary="Leuchten an Straßen schalten sich nur bei Bedarf ein.",
        groups=("Bürger*innen",),
        field_slug="nachhaltigkeit",
    )
    make_measure(beckum["town"], "Interne Straßenbeleuchtung", public=False)
    make_lesson(
        beckum["town"], "Anwohnende früh informieren", "Dunklere Straßen wirken erst ungewohnt.", measure=source
    )
    editor = member(billerbeck, Role.EDITOR, email="redaktion@billerbeck.example.org", name="Ria Redaktion")
    return {**beckum, "billerbeck": billerbeck, "source": source, "editor": editor}


def test_search_open_a_measure_see_similar_ones_and_adopt_it(new_page, live_server, published):
    base = live_server.url
    page = new_page()
    page.goto(f"{base}/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page, "portal start page")

    # Search with another spelling: ß and ss meet, word forms too.
    page.get_by_label("Maßnahmen, Wissen und Formate durchsuchen").fill("Strassenbeleuchtung")
    page.get_by_role("button", name="Suchen", exact=True).click()
    # Both measures and the lesson learned about one of them; never the internal measure.
    expect(page.get_by_role("heading", level=2, name=re.compile("3 Treffer"))).to_be_visible()
    expect(page.get_by_text("Interne Straßenbeleuchtung")).to_have_count(0)
    assert_accessible(page, "search results")

    # Narrow by a facet, then open the measure.
    page.get_by_role("complementary").get_by_role("link", name="Maßnahme").click()
    expect(page.get_by_role("heading", level=2, name=re.compile("2 Treffer"))).to_be_visible()
    page.get_by_role("complementary").get_by_role("link", name="Beckum").click()
    expect(page.get_by_role("heading", level=2, name=re.compile("1 Treffer"))).to_be_visible()
    expect(page.get_by_role("list", name="Aktive Filter")).to_contain_text("Kommune: Beckum")
    page.get_by_role("link", name="Intelligente Straßenbeleuchtung").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Intelligente Straßenbeleuchtung")
    similar = page.locator("ol.similar li")
    expect(similar).to_have_count(1)
    expect(similar.first).to_contain_text("Strassenbeleuchtung mit Bewegungsmeldern")
    expect(similar.first).to_contain_text("gleiches Handlungsfeld: Nachhaltigkeit")
    expect(similar.first).to_contain_text("gleiche Nutzer*innengruppe: Bürger*innen")
    expect(page.get_by_text("Anwohnende früh informieren")).to_be_visible()
    assert_accessible(page, "public measure page")

    page.get_by_role("link", name="Beckum", exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Beckum")
    assert_accessible(page, "public municipality page")
    page.goto(f"{base}/massnahmen/?laendlich=ja")
    expect(page.get_by_role("row")).to_have_count(2)  # header and Billerbeck's measure
    assert_accessible(page, "measure list with a filter")

    # An editor of Billerbeck adopts Beckum's measure.
    login(page, base, "redaktion@billerbeck.example.org")
    page.goto(f"{base}/suche/?q=Straßenbel")
    page.get_by_role("link", name="Intelligente Straßenbeleuchtung").click()
    adopt = page.get_by_role("region", name="In den eigenen Maßnahmenkatalog übernehmen")
    assert_accessible(page, "public measure page, signed in")
    adopt.get_by_role("button", name="Für Billerbeck übernehmen").click()
    expect(page.locator(".messages")).to_contain_text("ist jetzt als Idee im Maßnahmenkatalog von Billerbeck")
    expect(page.get_by_role("heading", level=1)).to_have_text("Intelligente Straßenbeleuchtung")
    adopted = Measure.objects.get(municipality=published["billerbeck"], source_measure=published["source"])
    assert adopted.status == "idee" and adopted.origin == "uebernommen"
    assert page.url == f"{base}/arbeitsbereich/billerbeck/massnahmen/{adopted.pk}/"

    page.goto(f"{base}/kommunen/beckum/massnahmen/{published['source'].pk}/")
    expect(page.get_by_text("übernommen von 1 Kommune")).to_be_visible()
    expect(page.get_by_role("link", name="Intelligente Straßenbeleuchtung").last).to_be_visible()
    assert_accessible(page, "public measure page after adoption")


def test_portal_works_without_javascript(new_page, live_server, published):
    page = new_page(java_script_enabled=False)
    page.goto(f"{live_server.url}/suche/?q=Bürgerinnen")
    expect(page.get_by_role("heading", level=2, name=re.compile("2 Treffer"))).to_be_visible()
    page.get_by_role("complementary").get_by_role("link", name="Billerbeck").click()  # facets are plain links
    expect(page.get_by_role("heading", level=2, name=re.compile("1 Treffer"))).to_be_visible()
