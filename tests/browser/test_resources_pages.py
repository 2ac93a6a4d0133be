"""The resources pages as a coordinator: the partner registry (with the similar-name warning), the bodies with
their organisation chart, personnel and capacity with its chart. axe-core checks each of them."""

import datetime
import re
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from vorort.resources import services
from vorort.resources.capacity import Quarter
from vorort.resources.models import BodyKind, MemberRole, Partner, PartnerType

from ..search.support import make_measure
from .axe import assert_accessible
from .conftest import login

pytestmark = pytest.mark.browser

WORKSPACE = "/arbeitsbereich/beckum"


@pytest.fixture
def resources(beckum):
    """Beckum with partners (one in a measure), staff with hours (Anna and Ben planned beyond theirs this quarter)
    and the three tiers of bodies, with members from the staff and from partners."""
    town = beckum["town"]
    quarter = Quarter.containing(timezone.localdate())
    measure = make_measure(
        town,
        "Mobilstation am Bahnhof",
        status="in_umsetzung",
        start_date=quarter.start,
        end_date=quarter.end + datetime.timedelta(days=180),
    )

    def partner(name, kind, **data):
        return services.partner_register(actor=None, municipality=town, data={"name": name, "kind": kind, **data})

    utility = partner(
        "Stadtwerke Beckum GmbH",
        PartnerType.UTILITY,
        contact_name="Paula Netz",
        contact_email="p.netz@stadtwerke-beckum.example.org",
        contact_legal_basis="Einwilligung vom 12.03.2025",
    )
    association = partner("Bürgerverein Süd e. V.", PartnerType.ASSOCIATION)
    partner("Hochschule Hamm-Lippstadt", PartnerType.UNIVERSITY)
    partner("IHK Nord Westfalen", PartnerType.CHAMBER)
    services.involvement_add(actor=None, measure=measure, role="Betreiber", partner=utility)

    def person(name, hours, **data):
        created = services.person_create(actor=None, municipality=town, data={"name": name, **data})
        if hours is not None:
            services.capacity_create(
                actor=None, person=created, data={"valid_from": quarter.start, "hours_per_week": Decimal(hours)}
            )
        return created

    anna = person("Anna Arbeit", 10, position="Smart-City-Koordination", unit="Amt 10 – IT")
    ben = person("Ben Bauer", 20, position="Tiefbau", unit="Amt 66")
    person("Clara Claus", None, unit="Stabsstelle")
    for who, hours in ((anna, 12), (ben, 22)):
        services.assignment_create(
            actor=None,
            municipality=town,
            data={
                "person": who,
                "measure": measure,
                "hours_per_week": Decimal(hours),
                "start": quarter.start,
                "end": quarter.end,
            },
        )

    def body(name, kind, **data):
        return services.body_create(
            actor=None, municipality=town, data={"name": name, "kind": kind, "rhythm": "monatlich", **data}
        )

    steering = body(
        "Lenkungsgruppe Smart City", BodyKind.STEERING, purpose="Entscheidet über Strategie und Maßnahmenkatalog."
    )
    team = body("Smart-City-Team", BodyKind.TEAM, rhythm_note="jeden zweiten Dienstag, 16 Uhr")
    mobility = body("AK Mobilität", BodyKind.WORKING_GROUP)
    body("AK Verwaltung digital", BodyKind.WORKING_GROUP)
    services.body_member_add(actor=None, body=steering, person=anna, role=MemberRole.MANAGEMENT)
    services.body_member_add(actor=None, body=steering, partner=utility, role=MemberRole.MEMBER)
    services.body_member_add(actor=None, body=team, person=anna, role=MemberRole.CHAIR)
    services.body_member_add(actor=None, body=team, person=ben)
    services.body_member_add(
        actor=None, body=mobility, partner=association, contact_name="Gerd Süd", role=MemberRole.ADVISORY
    )
    return {**beckum, "quarter": quarter, "anna": anna, "steering": steering, "measure": measure}


def test_partners_list_create_and_similar_name_warning(new_page, live_server, resources):
    base = live_server.url + WORKSPACE
    page = new_page()
    login(page, live_server.url, "koordination@example.org")
    page.goto(f"{base}/partner/")
    expect(page.get_by_role("link", name="Partner", exact=True)).to_have_attribute("aria-current", "page")
    table = page.get_by_role("table", name="Partner der Kommune mit Art und Zahl der Maßnahmen")
    expect(table.get_by_role("row")).to_have_count(5)
    expect(table.get_by_role("row", name=re.compile("Stadtwerke Beckum GmbH"))).to_contain_text("Paula Netz")
    assert_accessible(page, "partner list")

    page.get_by_label("Art", exact=True).select_option(label="Verein / Verband")
    page.get_by_role("button", name="Filtern").click()
    expect(table.get_by_role("row")).to_have_count(2)
    expect(page.get_by_text("1 Partner passen zu den Filtern")).to_be_visible()
    assert_accessible(page, "partner list with a filter")
    page.get_by_label("Name oder Notiz enthält").fill("Xylophon")
    page.get_by_role("button", name="Filtern").click()
    expect(page.get_by_text("Kein Partner passt zu diesen Filtern.")).to_be_visible()
    assert_accessible(page, "partner list without results")

    page.goto(f"{base}/partner/")
    page.get_by_role("link", name="Partner anlegen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Partner anlegen")
    assert_accessible(page, "partner form")

    # Contact data without a legal basis: the message is at that field.
    page.get_by_label("Name").fill("Stadtwerke Beckum")
    page.get_by_role("combobox", name=re.compile("^Art")).select_option(label="Stadtwerke / Versorger")
    page.get_by_label("Ansprechperson", exact=True).fill("Tom Strom")
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_role("alert")).to_contain_text("Bitte korrigieren Sie die markierten Felder.")
    basis = page.get_by_label("Rechtsgrundlage für Kontaktdaten")
    expect(basis).to_have_attribute("aria-invalid", "true")
    expect(basis).to_have_accessible_description(re.compile("Bitte nennen Sie die Rechtsgrundlage"))
    expect(page.get_by_label("Name")).not_to_have_attribute("aria-invalid", "true")
    assert_accessible(page, "partner form with an error")

    # A name like a registered partner's: nothing saved, the similar partner shown, confirm to create anyway.
    page.get_by_label("Ansprechperson", exact=True).fill("")
    page.get_by_role("button", name="Speichern").click()
    warning = page.get_by_role("alert").filter(has=page.get_by_role("heading", name="ähnliche Partner"))
    expect(warning).to_contain_text("Der Name „Stadtwerke Beckum“ ähnelt diesem Partner:")
    expect(warning.get_by_role("link", name="Stadtwerke Beckum GmbH")).to_be_visible()
    assert not Partner.objects.filter(name="Stadtwerke Beckum").exists()
    expect(page.get_by_label("Name")).to_have_value("Stadtwerke Beckum")
    assert_accessible(page, "partner form with the similar-name warning")
    confirm = warning.get_by_role("button", name="Trotzdem anlegen")
    confirm.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".messages")).to_contain_text("Partner „Stadtwerke Beckum“ angelegt.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Stadtwerke Beckum")
    assert_accessible(page, "new partner's page")

    page.goto(f"{base}/partner/{Partner.objects.get(name='Stadtwerke Beckum GmbH').pk}/")
    expect(page.get_by_role("link", name="Mobilstation am Bahnhof")).to_be_visible()
    assert_accessible(page, "partner page with a measure and contact data")


def test_bodies_and_organisation_chart(new_page, live_server, resources):
    base = live_server.url + WORKSPACE
    page = new_page()
    login(page, live_server.url, "koordination@example.org")
    page.goto(f"{base}/gremien/")
    chart = page.get_by_role("list", name="Organigramm der Gremien in Beckum")
    expect(chart).to_be_visible()
    for tier in ("Lenkungsgruppe", "Smart-City-Team", "Arbeitskreise"):
        expect(chart.get_by_role("heading", level=2, name=tier)).to_be_visible()
    steering = chart.get_by_role("list", name="Mitglieder von Lenkungsgruppe Smart City")
    expect(steering).to_contain_text("Anna Arbeit")
    expect(steering).to_contain_text("Geschäftsführung")
    groups = chart.get_by_role("list", name="Arbeitskreise").get_by_role("listitem")
    expect(groups.filter(has=page.get_by_role("heading", level=3))).to_have_count(2)
    assert_accessible(page, "bodies and organisation chart")

    chart.get_by_role("link", name="Lenkungsgruppe Smart City").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Lenkungsgruppe Smart City")
    members = page.get_by_role("table", name="Mitglieder von „Lenkungsgruppe Smart City“ und ihre Funktion")
    expect(members.get_by_role("row")).to_have_count(3)
    assert_accessible(page, "body page")
    # Adding a member without choosing one: the message is at the field.
    page.get_by_role("button", name="Mitglied aufnehmen").click()
    expect(page.get_by_role("alert")).to_contain_text("Bitte korrigieren Sie die markierten Felder.")
    who = page.get_by_label("Person des Personals")
    expect(who).to_have_attribute("aria-invalid", "true")
    expect(who).to_have_accessible_description(re.compile("Bitte wählen Sie eine Person des Personals oder einen"))
    assert_accessible(page, "member form with an error")

    page.goto(f"{base}/gremien/neu/?art=arbeitskreis")
    expect(page.get_by_role("combobox", name=re.compile("^Art"))).to_have_value("arbeitskreis")
    assert_accessible(page, "body form")


def test_personnel_and_capacity_chart(new_page, live_server, resources):
    base = live_server.url + WORKSPACE
    quarter = resources["quarter"]
    page = new_page()
    login(page, live_server.url, "koordination@example.org")
    page.goto(f"{base}/personal/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Personal")
    expect(page.get_by_text("2 Personen sind in mindestens einem Quartal überlastet.")).to_be_visible()
    chart = page.get_by_role("img", name=re.compile("^Personal in Beckum: verfügbare und geplante Stunden je Quartal"))
    expect(chart).to_be_visible()
    expect(chart).to_have_accessible_name(re.compile(f"{quarter.label}: verfügbar .* – überlastet um"))
    totals = page.get_by_role("table", name="Alle Personen: verfügbare und geplante Stunden je Quartal")
    expect(totals.get_by_role("row").nth(1)).to_contain_text("überlastet")
    people = page.get_by_role("table", name="Geplante von verfügbaren Stunden je Person und Quartal")
    expect(people.get_by_role("row")).to_have_count(4)
    assert_accessible(page, "personnel page with the capacity chart")

    page.get_by_label("Zeitraum", exact=True).select_option(label="8 Quartale")
    page.get_by_role("button", name="Anzeigen").click()
    expect(totals.get_by_role("row")).to_have_count(9)
    assert_accessible(page, "personnel page over eight quarters")

    people.get_by_role("link", name="Anna Arbeit").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Anna Arbeit"))
    expect(page.get_by_role("img", name=re.compile("^Anna Arbeit: verfügbare und geplante Stunden"))).to_be_visible()
    assert_accessible(page, "person page with the capacity chart")
