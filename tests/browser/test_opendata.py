"""The open data page: reached from the portal navigation, accessible, its downloads work in the browser."""

import json

import pytest
from playwright.sync_api import expect

from ..search.support import make_measure
from .axe import assert_accessible

pytestmark = pytest.mark.browser


def test_open_data_page(new_page, live_server, beckum):
    source = make_measure(beckum["town"], "Offenes WLAN am Marktplatz", summary="Freies WLAN in der Innenstadt.")
    make_measure(beckum["town"], "Interne Planung", public=False)
    base = live_server.url
    page = new_page()
    page.goto(f"{base}/massnahmen/")
    page.get_by_role("navigation", name="Wissenstransfer").get_by_role("link", name="Offene Daten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Offene Daten")
    expect(page.get_by_role("link", name="Offene Daten", exact=True)).to_have_attribute("aria-current", "page")
    expect(page.get_by_text("1 Datensatz", exact=True)).to_be_visible()
    assert_accessible(page, "open data page")

    page.get_by_text("32 Felder").click()  # the field table of the measures opens
    expect(page.get_by_role("table", name="Felder von „Smart-City-Maßnahmen der Kommunen“")).to_be_visible()
    assert_accessible(page, "open data page with a field table")

    href = page.get_by_role("link", name="massnahmen.json").get_attribute("href")
    response = page.request.get(base + href)
    assert response.ok
    records = json.loads(response.text())["records"]
    assert [record["title"] for record in records] == ["Offenes WLAN am Marktplatz"]
    assert records[0]["uri"] == f"{base}/kommunen/beckum/massnahmen/{source.pk}/"
    catalogue = page.request.get(f"{base}/opendaten/katalog.jsonld")
    assert catalogue.headers["content-type"].startswith("application/ld+json")
