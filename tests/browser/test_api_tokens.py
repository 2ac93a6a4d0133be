"""End-to-end: a coordinator opens "API-Zugang" from the header, creates a token, sees the secret once, uses it
against the API and revokes it; axe on every state of the page."""

import urllib.error
import urllib.request

import pytest
from playwright.sync_api import expect

from vorort.api.models import ApiToken

from .axe import assert_accessible
from .conftest import login

pytestmark = pytest.mark.browser


def api_status(url: str, secret: str) -> int:
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {secret}"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - the live test server
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_create_use_and_revoke_a_token(new_page, live_server, beckum):
    base = live_server.url
    page = new_page()
    login(page, base, "koordination@example.org")

    page.get_by_role("link", name="API-Zugang").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("API-Zugang")
    expect(page.get_by_text("Sie haben noch keinen API-Zugang.")).to_be_visible()
    assert_accessible(page, "API-Zugang (leer)")

    # A name is required; nothing is created without one.
    page.get_by_role("button", name="Schlüssel erzeugen").click()
    expect(page.locator(".errorlist")).to_contain_text("Dieses Feld ist zwingend erforderlich.")
    assert_accessible(page, "API-Zugang mit Fehler")
    assert not ApiToken.objects.exists()

    page.get_by_role("textbox", name="Bezeichnung (Pflichtfeld)").fill("Ratsinformationssystem")
    page.get_by_role("combobox", name="Gültigkeit").select_option(label="1 Jahr")
    page.get_by_role("button", name="Schlüssel erzeugen").click()
    secret_field = page.get_by_role("textbox", name="Schlüssel (wird nur jetzt angezeigt)")
    secret = secret_field.input_value()
    assert secret.startswith("vo_")
    expect(page.get_by_role("row", name="Ratsinformationssystem")).to_contain_text("aktiv")
    assert_accessible(page, "API-Zugang mit neuem Schlüssel")

    measures = f"{base}/api/v1/arbeitsbereich/beckum/massnahmen/"
    assert api_status(measures, secret) == 200

    # Shown once only.
    page.reload()
    expect(secret_field).to_have_count(0)

    page.get_by_role("button", name="„Ratsinformationssystem“ widerrufen").click()
    expect(page.locator(".messages")).to_contain_text("Der API-Zugang „Ratsinformationssystem“ ist widerrufen.")
    expect(page.get_by_role("row", name="Ratsinformationssystem")).to_contain_text("widerrufen am")
    assert_accessible(page, "API-Zugang nach dem Widerruf")
    assert api_status(measures, secret) == 401
