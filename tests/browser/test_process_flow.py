"""End-to-end: a coordinator ticks off a milestone, the network cockpit reflects it."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import htmx_settled, login

pytestmark = pytest.mark.browser


def beckum_row(page):
    return page.get_by_role("row").filter(has=page.get_by_role("rowheader", name=re.compile("Beckum")))


def test_coordinator_ticks_off_milestone_and_cockpit_updates(new_page, live_server, beckum, overdue_milestone):
    base = live_server.url

    # Before: the cockpit counts the milestone as overdue in Beckum's row.
    before = new_page()
    login(before, base, "admin@example.org")
    before.goto(f"{base}/netzwerk/cockpit/")
    expect(beckum_row(before)).to_contain_text("1 überfällig")
    expect(before.get_by_text("1 überfälliger Meilenstein")).to_be_visible()
    before.context.close()

    page = new_page()
    login(page, base, "koordination@example.org")
    page.goto(f"{base}/arbeitsbereich/beckum/prozess/")
    row = page.locator(f"#milestone-{overdue_milestone.pk}")
    expect(row).to_contain_text("überfällig")
    with page.expect_response(lambda response: "/erledigt/" in response.url) as response_info:
        row.get_by_role("button", name=re.compile("als erledigt markieren")).click()
    assert response_info.value.ok
    htmx_settled(page)
    # htmx replaced the row in place: no navigation, new state, button flipped.
    assert page.url == f"{base}/arbeitsbereich/beckum/prozess/"
    row = page.locator(f"#milestone-{overdue_milestone.pk}")
    expect(row).to_contain_text("erledigt")
    expect(row).not_to_contain_text("überfällig")
    expect(row.get_by_role("button", name=re.compile("wieder öffnen"))).to_be_visible()
    # Screen readers hear the result through the page's persistent live region.
    expect(page.locator("#live-status[role=status]")).to_have_text("Als erledigt gespeichert.")
    overdue_milestone.refresh_from_db()
    assert overdue_milestone.done is True
    assert overdue_milestone.done_at is not None
    page.context.close()

    # After: the network admin signs in afresh; Beckum has nothing overdue any more.
    admin = new_page()
    login(admin, base, "admin@example.org")
    admin.goto(f"{base}/netzwerk/cockpit/")
    expect(beckum_row(admin)).to_be_visible()
    expect(beckum_row(admin)).not_to_contain_text("überfällig")
    expect(admin.get_by_text("0 überfällige Meilensteine")).to_be_visible()


def test_milestone_toggle_without_javascript(new_page, live_server, beckum, overdue_milestone):
    base = live_server.url
    page = new_page(java_script_enabled=False)
    login(page, base, "koordination@example.org")
    page.goto(f"{base}/arbeitsbereich/beckum/prozess/")
    row = page.locator(f"#milestone-{overdue_milestone.pk}")
    with page.expect_navigation():
        row.get_by_role("button", name=re.compile("als erledigt markieren")).click()
    # The plain form post redirected back to the process page, anchored at the phase.
    assert re.fullmatch(rf"{re.escape(base)}/arbeitsbereich/beckum/prozess/#phase-\d+", page.url)
    expect(page.locator(".messages[role=status]")).to_contain_text("Auftaktworkshop durchführen“ ist erledigt")
    expect(page.locator(f"#milestone-{overdue_milestone.pk}")).to_contain_text("erledigt")
    overdue_milestone.refresh_from_db()
    assert overdue_milestone.done is True

    with page.expect_navigation():
        page.locator(f"#milestone-{overdue_milestone.pk}").get_by_role(
            "button", name=re.compile("wieder öffnen")
        ).click()
    overdue_milestone.refresh_from_db()
    assert overdue_milestone.done is False
