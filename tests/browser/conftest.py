"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server."""

import datetime
import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from vorort.accounts.models import Role

from ..factories import PASSWORD, MilestoneFactory, MunicipalityFactory, NetworkFactory, member, network_admin

# The live server runs in a thread next to Playwright's event loop; Django's async guard would refuse the ORM.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "1")

HERE = Path(__file__).parent
TIMEOUT_MS = 10_000
expect.set_options(timeout=TIMEOUT_MS)

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": "/usr/bin/chromium", "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "de-DE", "timezone_id": "Europe/Berlin"}


@pytest.fixture
def page(page):
    """pytest-playwright's page, failing in seconds rather than half a minute."""
    page.set_default_timeout(TIMEOUT_MS)
    return page


@pytest.fixture
def new_page(new_context):
    """A page in a fresh browser context (own cookies): `new_page(java_script_enabled=False)`."""

    def open_page(**context_args):
        page = new_context(**context_args).new_page()
        page.set_default_timeout(TIMEOUT_MS)
        return page

    return open_page


@pytest.fixture
def beckum(transactional_db):
    """A small network: Beckum with a coordinator, a second town and a network admin."""
    network = NetworkFactory(name="Netzwerk Innenstadt NRW")
    town = MunicipalityFactory(network=network, name="Beckum", slug="beckum", population=37_000, rural=False)
    MunicipalityFactory(network=network, name="Billerbeck", slug="billerbeck", population=12_000)
    return {
        "network": network,
        "town": town,
        "coordinator": member(town, Role.COORDINATOR, email="koordination@example.org", name="Kim Koordination"),
        "admin": network_admin(network, email="admin@example.org", name="Alex Netzwerk"),
    }


@pytest.fixture
def overdue_milestone(beckum):
    """A milestone of Beckum's first phase, due long ago and not done: overdue."""
    return MilestoneFactory(
        municipality=beckum["town"], title="Auftaktworkshop durchführen", due_date=datetime.date(2020, 3, 1)
    )


def login(page, base_url: str, email: str, password: str = PASSWORD) -> None:
    """Sign in through the real login form."""
    page.goto(f"{base_url}/anmelden/")
    page.get_by_label("E-Mail-Adresse").fill(email)
    page.get_by_label("Passwort").fill(password)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(f"{base_url}/start/")


def htmx_settled(page) -> None:
    """Wait until htmx has swapped in a response and wired up the new content (it does so after a short settle
    delay; a click before that would be an ordinary form post)."""
    page.wait_for_function(
        "() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling, .htmx-added')"
    )


def pytest_collection_modifyitems(config, items):
    # pytest-base-url (pulled in by pytest-playwright) defines `base_url` in a way pytest 9 deprecates.
    ignore = pytest.mark.filterwarnings("ignore:Session-scoped fixtures defined as instance methods")
    for item in items:
        if item.path.parent == HERE:
            item.add_marker(ignore)
