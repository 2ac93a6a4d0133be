"""End-to-end: a citizen registers, confirms the address, submits an idea and votes; the coordination moderates.
axe-core checks every page on the way."""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from playwright.sync_api import expect

from vorort.accounts.models import Membership, Role, User
from vorort.participation.models import CitizenProfile, Idea, Moderation, Vote

from ..factories import MeasureFactory
from ..participation.support import make_citizen, make_participation
from .axe import assert_accessible
from .conftest import htmx_settled, login

pytestmark = pytest.mark.browser

PASSWORD = "Marktplatz-Beckum-2026"


@pytest.fixture
def round_open(beckum):
    """Beckum's open participation with two measures up for a vote."""
    cache.clear()  # rate-limit counters of earlier tests in this process
    town = beckum["town"]
    measures = [
        MeasureFactory(
            municipality=town, title="Mobilstation am Bahnhof", summary="Rad, Bus und Carsharing an einem Ort."
        ),
        MeasureFactory(municipality=town, title="Digitale Bürgersprechstunde", summary="Termine online buchen."),
    ]
    participation = make_participation(
        town,
        measures=measures,
        title="Innenstadt 2030",
        privacy_text=(
            "<p>Verantwortlich ist die <strong>Stadt Beckum</strong>. Ihre Angaben dienen nur dieser Beteiligung.</p>"
        ),
    )
    return {**beckum, "participation": participation, "measures": measures}


def test_citizen_registers_confirms_submits_an_idea_and_votes(new_page, live_server, round_open):
    base = live_server.url
    participation = round_open["participation"]
    public = f"{base}/beteiligung/beckum/{participation.pk}/"

    page = new_page()
    page.goto(public)
    expect(page.get_by_role("heading", level=1)).to_have_text("Innenstadt 2030")
    assert_accessible(page, "public participation page")

    # Register with consent to the municipality's privacy text.
    page.get_by_role("link", name="Registrieren").click()
    expect(page.get_by_text("Verantwortlich ist die Stadt Beckum.", exact=False)).to_be_visible()
    assert_accessible(page, "registration")
    page.get_by_role("button", name="Registrieren").click()  # empty: errors at the fields, axe-clean too
    expect(page.locator("#id_email_error")).to_be_visible()
    assert_accessible(page, "registration with errors")
    page.get_by_label("Name, der bei Ihren Beiträgen steht").fill("Mia Muster")
    page.get_by_label("E-Mail-Adresse").fill("mia@example.org")
    page.get_by_label(re.compile(r"^Passwort(?! wiederholen)")).fill(PASSWORD)
    page.get_by_label("Passwort wiederholen").fill(PASSWORD)
    page.get_by_label(re.compile("Datenschutzhinweis gelesen")).check()
    page.get_by_role("button", name="Registrieren").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Bitte bestätigen Sie Ihre E-Mail-Adresse")
    assert_accessible(page, "registered")

    # Confirm with the link from the e-mail, then sign in.
    assert len(mail.outbox) == 1
    link = re.search(r"http\S+/konto/bestaetigen/\S+/", mail.outbox[0].body).group(0)
    page.goto(link)
    assert_accessible(page, "confirmation")
    page.get_by_role("button", name="E-Mail-Adresse bestätigen").click()
    expect(page.locator(".messages")).to_contain_text("Ihre E-Mail-Adresse ist bestätigt")
    assert CitizenProfile.objects.get(user__email="mia@example.org").email_confirmed_at is not None
    page.get_by_label("E-Mail-Adresse").fill("mia@example.org")
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(public)

    # Submit an idea.
    page.get_by_role("link", name="Idee einreichen").first.click()
    assert_accessible(page, "idea form")
    page.get_by_label("Titel").fill("Trinkbrunnen am Markt")
    page.get_by_label("Ihre Idee").fill("Im Sommer fehlt Trinkwasser in der Innenstadt.")
    page.get_by_label("Handlungsfeld").select_option(label="Nachhaltigkeit")
    page.get_by_label("Ort").fill("Marktplatz")
    page.get_by_role("button", name="Idee einreichen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Trinkbrunnen am Markt")
    expect(page.get_by_text("Idee von Mia Muster", exact=False)).to_be_visible()
    assert_accessible(page, "idea page")

    # Vote (htmx swaps the vote box in place and announces the result), then take it back and vote again.
    page.goto(public)
    measure = round_open["measures"][0]
    box = page.locator(f"#stimme-{measure.pk}")
    expect(box).to_contain_text("0 Stimmen")
    box.get_by_role("button", name=re.compile(r"^Unterstützen ?: Mobilstation am Bahnhof$")).click()
    htmx_settled(page)
    assert page.url == public
    expect(box).to_contain_text("1 Stimme")
    expect(box).to_contain_text("Sie unterstützen diese Maßnahme")
    expect(page.locator("#live-status")).to_have_text("Ihre Stimme für „Mobilstation am Bahnhof“ ist gespeichert.")
    expect(page.locator(f"#stimme-{measure.pk}-button")).to_be_focused()
    assert_accessible(page, "after voting")
    box.get_by_role("button", name=re.compile("Stimme zurücknehmen")).click()
    htmx_settled(page)
    expect(box).to_contain_text("0 Stimmen")
    box.get_by_role("button", name=re.compile("Unterstützen")).click()
    htmx_settled(page)
    expect(box).to_contain_text("1 Stimme")
    assert Vote.objects.filter(measure=measure, participant__email="mia@example.org").count() == 1

    # Results: chart and table.
    page.reload()
    table = page.get_by_role("table", name=re.compile("Stimmen je Maßnahme"))
    expect(table.get_by_role("row", name=re.compile("Mobilstation am Bahnhof"))).to_contain_text("100")
    expect(page.get_by_role("img", name=re.compile("Unterstützung je Maßnahme"))).to_be_visible()

    # The start page leads to the participation and to the own account.
    page.goto(f"{base}/start/")
    expect(page.get_by_role("link", name="Innenstadt 2030")).to_be_visible()
    page.get_by_role("link", name="Mein Konto und meine Daten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mein Konto")
    assert_accessible(page, "account page")
    page.get_by_role("link", name="Konto löschen …").click()
    assert_accessible(page, "account deletion")


def test_vote_and_comment_without_javascript(new_page, live_server, round_open):
    town = round_open["town"]
    user = User.objects.create_user("ben@example.org", PASSWORD, name="Ben")
    Membership.objects.create(user=user, network=town.network, municipality=town, role=Role.PARTICIPANT)
    make_citizen(user, round_open["participation"])
    base = live_server.url
    page = new_page(java_script_enabled=False)
    login(page, base, "ben@example.org", PASSWORD)
    measure = round_open["measures"][1]
    page.goto(f"{base}/beteiligung/beckum/{round_open['participation'].pk}/massnahmen/{measure.pk}/")
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile("Unterstützen")).click()
    assert page.url.endswith("#stimme")
    expect(page.locator(".messages")).to_contain_text("ist gespeichert")
    expect(page.locator(f"#stimme-{measure.pk}")).to_contain_text("1 Stimme")
    page.get_by_label("Ihr Kommentar").fill("Bitte auch samstags!")
    with page.expect_navigation():
        page.get_by_role("button", name="Kommentar senden").click()
    expect(page.get_by_text("Bitte auch samstags!")).to_be_visible()


def test_coordinator_moderates_an_idea(new_page, live_server, round_open):
    participation = round_open["participation"]
    idea = Idea.objects.create(participation=participation, title="Kauft bei Firma X", text="Werbung, Werbung.")
    base = live_server.url
    page = new_page()
    login(page, base, "koordination@example.org")
    page.goto(f"{base}/arbeitsbereich/beckum/beteiligung/")
    assert_accessible(page, "workspace list")
    page.get_by_role("link", name="Beteiligung anlegen").click()
    page.get_by_role("button", name="Speichern").click()  # empty: errors at the fields
    expect(page.locator("#id_title_error")).to_be_visible()
    expect(page.get_by_role("group", name="Maßnahmen zur Abstimmung")).to_contain_text("Mobilstation am Bahnhof")
    assert_accessible(page, "participation form with errors")
    page.goto(f"{base}/arbeitsbereich/beckum/beteiligung/")
    page.get_by_role("link", name="Innenstadt 2030").click()
    assert_accessible(page, "workspace overview")
    page.get_by_role("link", name="Moderation").click()
    assert_accessible(page, "moderation queue")
    card = page.locator(f"#idee-{idea.pk}")
    card.get_by_label("Grund (öffentlich sichtbar)").fill("Werbung")
    card.get_by_role("button", name="ausblenden").click()
    expect(page.locator(".messages")).to_contain_text("Beitrag ausgeblendet")
    idea.refresh_from_db()
    assert (idea.moderation, idea.moderation_reason) == (Moderation.HIDDEN, "Werbung")

    visitor = new_page()
    visitor.goto(f"{base}/beteiligung/beckum/{participation.pk}/")
    ideas = visitor.locator("#ideen")
    expect(ideas).to_contain_text("moderiert")
    expect(ideas).to_contain_text("Grund: Werbung")
    expect(ideas).not_to_contain_text("Kauft bei Firma X")
    visitor.get_by_role("link", name="Mobilstation am Bahnhof").first.click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Mobilstation am Bahnhof")
    assert_accessible(visitor, "measure page (anonymous)")
