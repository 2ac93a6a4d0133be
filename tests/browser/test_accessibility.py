"""Keyboard use and axe-core checks on the main pages."""

import re

import pytest
from playwright.sync_api import expect

from ..factories import PASSWORD
from .axe import assert_accessible
from .conftest import htmx_settled, login

pytestmark = pytest.mark.browser


def test_skip_link_is_first_and_moves_focus_to_main(page, live_server, beckum):
    page.goto(f"{live_server.url}/anmelden/")
    # The e-mail field has autofocus. Move the focus starting point back to the top of the document by clicking
    # an empty spot of <body> (the margin left of the centred content), then tab as a keyboard user would.
    assert page.evaluate("document.elementFromPoint(2, 300) === document.body")
    page.mouse.click(2, 300)
    expect(page.get_by_label("E-Mail-Adresse")).not_to_be_focused()
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Zum Inhalt springen")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("main#inhalt")).to_be_focused()
    assert page.url.endswith("/anmelden/#inhalt")


def test_login_by_keyboard_only(page, live_server, beckum):
    page.goto(f"{live_server.url}/anmelden/")
    email = page.get_by_label("E-Mail-Adresse")
    expect(email).to_be_focused()
    page.keyboard.type("koordination@example.org")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Passwort")).to_be_focused()
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/start/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Guten Tag, Kim Koordination")


def test_milestone_toggle_by_keyboard_keeps_focus(page, live_server, beckum, overdue_milestone):
    """After htmx swaps the row, focus stays on the (new) toggle button instead of falling back to <body>."""
    login(page, live_server.url, "koordination@example.org")
    page.goto(f"{live_server.url}/arbeitsbereich/beckum/prozess/")
    toggle = page.locator(f"#milestone-{overdue_milestone.pk}-toggle")
    to_close = re.compile(r"^als erledigt markieren ?: Auftaktworkshop durchführen$")
    to_reopen = re.compile(r"^wieder öffnen ?: Auftaktworkshop durchführen$")
    toggle.focus()
    expect(toggle).to_have_accessible_name(to_close)
    page.keyboard.press("Enter")
    expect(toggle).to_have_accessible_name(to_reopen)
    htmx_settled(page)
    expect(toggle).to_be_focused()
    expect(page.locator("#live-status")).to_have_text("Als erledigt gespeichert.")
    page.keyboard.press("Space")
    expect(toggle).to_have_accessible_name(to_close)
    htmx_settled(page)
    expect(toggle).to_be_focused()
    expect(page.locator("#live-status")).to_have_text("Wieder geöffnet.")
    assert page.url == f"{live_server.url}/arbeitsbereich/beckum/prozess/"  # htmx both times, no page load
    overdue_milestone.refresh_from_db()
    assert overdue_milestone.done is False
    assert_accessible(page, "process page after toggling")


def test_login_errors_are_announced(page, live_server, beckum):
    page.goto(f"{live_server.url}/anmelden/")
    page.get_by_label("E-Mail-Adresse").fill("koordination@example.org")
    page.get_by_label("Passwort").fill("falsch-falsch-falsch")
    page.get_by_role("button", name="Anmelden").click()
    expect(page.get_by_role("alert")).to_contain_text("stimmen nicht")
    assert_accessible(page, "login with error")


def test_public_pages_have_no_serious_axe_violations(page, live_server, beckum):
    page.goto(f"{live_server.url}/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page, "public start page")
    page.goto(f"{live_server.url}/anmelden/")
    assert_accessible(page, "login page")


def test_coordinator_pages_have_no_serious_axe_violations(page, live_server, beckum, overdue_milestone):
    base = live_server.url
    login(page, base, "koordination@example.org")
    assert_accessible(page, "dashboard")
    for path, label in [
        ("/arbeitsbereich/beckum/", "workspace"),
        ("/arbeitsbereich/beckum/prozess/", "process page"),
        ("/arbeitsbereich/beckum/mitglieder/", "members page"),
    ]:
        page.goto(base + path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert_accessible(page, label)

    # A form with validation errors: the milestone form posted with an empty title.
    page.goto(f"{base}/arbeitsbereich/beckum/prozess/meilensteine/neu/")
    page.get_by_label("Phase").select_option(label="Vision")
    page.get_by_label("Fällig am").fill("2030-06-30")
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_role("alert")).to_contain_text("Bitte korrigieren Sie")
    title = page.get_by_label("Titel")
    expect(title).to_have_attribute("aria-invalid", "true")
    expect(title).to_have_accessible_description(re.compile("erforderlich"))
    expect(page.get_by_label("Fällig am")).not_to_have_attribute("aria-invalid", "true")
    assert_accessible(page, "milestone form with errors")


def test_cockpit_has_no_serious_axe_violations(page, live_server, beckum, overdue_milestone):
    login(page, live_server.url, "admin@example.org")
    page.goto(f"{live_server.url}/netzwerk/cockpit/")
    expect(page.get_by_role("cell", name=re.compile("überfällig"))).to_have_count(1)
    assert_accessible(page, "cockpit")
