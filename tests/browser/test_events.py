"""End-to-end: a coordinator creates an event, registers, documents a result linked to a measure; axe on every page."""

import re

import pytest
from playwright.sync_api import expect

from vorort.events.models import Event, EventResult, Registration

from ..factories import MeasureFactory
from .axe import assert_accessible
from .conftest import login

pytestmark = pytest.mark.browser


@pytest.fixture
def measure(beckum):
    return MeasureFactory(municipality=beckum["town"], title="Mobilstation am Bahnhof")


def test_create_register_document_and_link_a_measure(new_page, live_server, beckum, measure):
    base = live_server.url
    page = new_page()
    login(page, base, "koordination@example.org")

    # The workspace calendar, reached through the workspace navigation.
    page.goto(f"{base}/arbeitsbereich/beckum/")
    page.get_by_role("navigation", name="Arbeitsbereich").get_by_role("link", name="Formate").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Formate in Beckum")
    assert_accessible(page, "Formate (Arbeitsbereich)")

    # Create the event.
    page.get_by_role("link", name="Format anlegen").click()
    assert_accessible(page, "Format anlegen")
    page.get_by_role("textbox", name="Titel (Pflichtfeld)").fill("Strategiewerkstatt Innenstadt")
    page.get_by_role("combobox", name="Format (Pflichtfeld)").select_option(label="Strategiewerkstatt")
    page.get_by_role("combobox", name="Durchführung (Pflichtfeld)").select_option(label="analog (vor Ort)")
    page.get_by_role("textbox", name="Beginn (Pflichtfeld)").fill("2031-05-06T17:00")
    page.get_by_role("textbox", name="Ende (Pflichtfeld)").fill("2031-05-06T20:00")
    page.get_by_role("textbox", name="Ort / Adresse").fill("Stadthalle Beckum")
    page.get_by_role("spinbutton", name="Plätze").fill("25")
    page.get_by_role("checkbox", name="Öffentlich").check()
    page.get_by_role("button", name="Speichern").click()
    expect(page.locator(".messages")).to_contain_text("Format „Strategiewerkstatt Innenstadt“ angelegt.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Strategiewerkstatt Innenstadt")
    expect(page.locator(".lead")).to_contain_text("Di., 6. Mai 2031, 17:00–20:00 Uhr")
    assert_accessible(page, "Format (Verwaltung)")
    event = Event.objects.get()
    assert event.is_public and event.capacity == 25 and event.municipality == beckum["town"]

    # Register on the event's own page.
    page.get_by_role("link", name="Seite des Formats (mit Anmeldung)").click()
    assert_accessible(page, "Seite des Formats")
    page.get_by_role("button", name="Verbindlich anmelden").click()
    expect(page.locator(".messages")).to_contain_text("Sie sind für „Strategiewerkstatt Innenstadt“ angemeldet.")
    expect(page.get_by_text("Sie sind angemeldet.")).to_be_visible()
    assert_accessible(page, "Seite des Formats nach der Anmeldung")
    assert Registration.objects.get(event=event).user == beckum["coordinator"]

    # Document a result and link it to the measure.
    page.get_by_role("link", name="Format verwalten").click()
    page.get_by_role("link", name="Dokumentation").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dokumentation")
    assert_accessible(page, "Dokumentation")
    page.get_by_role("textbox", name="Ergebnis (Pflichtfeld)").fill(
        "Die Mobilstation bekommt eine überdachte Radabstellanlage."
    )
    page.get_by_role("combobox", name="Verknüpfte Maßnahme").select_option(label="Mobilstation am Bahnhof (Beckum)")
    page.get_by_role("button", name="Ergebnis speichern").click()
    expect(page.locator(".messages")).to_contain_text("Ergebnis gespeichert.")
    results = page.get_by_role("region", name="Ergebnisse")
    expect(results).to_contain_text("überdachte Radabstellanlage")
    assert_accessible(page, "Dokumentation mit Ergebnis")
    result = EventResult.objects.get()
    assert result.measure == measure and result.event == event

    # The link leads to the measure.
    results.get_by_role("link", name="Mobilstation am Bahnhof").click()
    page.wait_for_url(re.compile(rf".*/arbeitsbereich/beckum/massnahmen/{measure.pk}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Mobilstation am Bahnhof")


def test_public_pages_and_calendars_are_accessible(new_page, live_server, beckum):
    from tests.events.support import make_event

    event = make_event(municipality=beckum["town"], title="Bürgerforum Markt", is_public=True, capacity=1)
    make_event(network=beckum["network"], title="Webinar Förderung", is_public=True)
    base = live_server.url
    page = new_page()
    page.goto(f"{base}/kalender/")
    expect(page.get_by_role("link", name="Bürgerforum Markt")).to_be_visible()
    assert_accessible(page, "öffentlicher Kalender")
    page.get_by_role("link", name="Bürgerforum Markt").click()
    expect(page.get_by_role("link", name="Anmelden, um teilzunehmen")).to_be_visible()
    assert_accessible(page, "öffentliche Seite eines Formats")

    admin = new_page()
    login(admin, base, "admin@example.org")
    admin.goto(f"{base}/netzwerk/kalender/")
    expect(admin.get_by_role("link", name="Webinar Förderung")).to_be_visible()
    assert_accessible(admin, "Netzwerk-Kalender")
    admin.goto(f"{base}/netzwerk/formate/")
    assert_accessible(admin, "Formate des Netzwerks")
    admin.goto(f"{base}/mein-kalender/")
    admin.get_by_role("button", name="Private Adresse erzeugen").click()
    feed = admin.get_by_label("Ihre neue Adresse (wird nur jetzt angezeigt)")
    expect(feed).to_have_value(re.compile(rf"^{re.escape(base)}/kalender/[A-Za-z0-9_-]+\.ics$"))
    assert_accessible(admin, "Mein Kalender")
    assert admin.get_by_role("link", name="Bürgerforum Markt").count() == 0  # not registered: not listed
    assert event.registrations.count() == 0


def test_registration_works_without_javascript(new_page, live_server, beckum):
    from tests.events.support import make_event

    event = make_event(municipality=beckum["town"], title="Exkursion", is_public=True, capacity=1)
    base = live_server.url
    page = new_page(java_script_enabled=False)
    login(page, base, "koordination@example.org")
    page.goto(f"{base}/formate/{event.pk}/")
    with page.expect_navigation():
        page.get_by_role("button", name="Verbindlich anmelden").click()
    expect(page.get_by_text("Sie sind angemeldet.")).to_be_visible()
    with page.expect_navigation():
        page.get_by_role("button", name="Teilnahme absagen").click()
    expect(page.locator(".messages")).to_contain_text("Sie haben Ihre Teilnahme an „Exkursion“ abgesagt.")
