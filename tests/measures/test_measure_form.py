"""Creating and editing a measure: every field, German numbers, permissions, optimistic locking."""

from decimal import Decimal

import pytest
from django.urls import reverse

from vorort.core.models import AuditEntry
from vorort.measures.forms import parse_german_decimal
from vorort.measures.models import Measure, StatusChange
from vorort.measures.services import measure_update

from ..factories import MeasureFactory, MunicipalityFactory
from .conftest import field_errors, measure_data

ENGLISH = ("This field is required", "Enter a valid", "Ensure this value", "already exists", "Select a valid")


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("1.234,50", Decimal("1234.50")),
        ("1234,5", Decimal("1234.5")),
        ("1.234", Decimal("1234")),
        ("1.234.567", Decimal("1234567")),
        ("12.5", Decimal("12.5")),
        ("25000", Decimal("25000")),
        ("  3.000,00 € ", Decimal("3000.00")),
        ("50 %", Decimal("50")),
        (",5", Decimal("0.5")),
    ],
)
def test_german_numbers_are_read(text, number):
    assert parse_german_decimal(text) == number


@pytest.mark.parametrize("text", ["abc", "1,2,3", "1.23,4.5", "1e5", "NaN", "12,", "1.2.3", "--1"])
def test_non_numbers_are_refused(text):
    with pytest.raises(ValueError):
        parse_german_decimal(text)


def test_create_with_every_field(login, town_a, town_b, fields, focus, goal, users):
    client = login("coordinator")
    source = MeasureFactory(municipality=town_b, title="Dorfbus", is_public=True)
    url = reverse("measures:create", kwargs={"slug": town_a.slug})
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    for legend in (
        "Grunddaten",
        "Einordnung",
        "Zeitraum und Status",
        "Kosten und Förderung",
        "Personal und Verantwortung",
        "Interkommunal",
        "Herkunft und Übertragbarkeit",
        "Sichtbarkeit",
    ):
        assert f"<legend>{legend}</legend>" in html
    data = measure_data(
        reference="M-07",
        title="Mobilstation am Bahnhof",
        summary="Rad, Bus und Carsharing an einem Ort",
        description="Eine Mobilstation mit Radboxen.",
        risks="Fördermittel kommen spät.",
        action_field=fields["mobilitaet"].pk,
        further_action_fields=[fields["nachhaltigkeit"].pk, fields["mobilitaet"].pk],
        focus=focus.pk,
        goals=[goal.pk],
        start_date="2026-03-01",
        end_date="2027-06-30",
        status="geplant",
        status_note="aus dem Workshop",
        investment_cost="1.234.567,50",
        running_cost="12.000",
        funding_programme="Modellprojekte Smart Cities",
        funding_share="65,5",
        personnel_effort="12,5",
        responsible_unit="Amt für Stadtentwicklung",
        partner_municipalities=[town_b.pk],
        origin="uebernommen",
        origin_note="Exkursion 2025",
        source_measure=source.pk,
        source_url="https://example.org/gute-praxis/mobilstation",
        transferability="hoch",
        transfer_note="Klein anfangen.",
        is_public="on",
    )
    response = client.post(url, data)
    assert response.status_code == 302, field_errors(response.content.decode(), "title")
    measure = Measure.objects.get(municipality=town_a, reference="M-07")
    assert response["Location"] == reverse("measures:measure", kwargs={"slug": "beckum", "pk": measure.pk})
    assert measure.investment_cost == Decimal("1234567.50")
    assert measure.running_cost == Decimal("12000")
    assert measure.funding_share == Decimal("65.5")
    assert measure.personnel_effort == Decimal("12.5")
    assert measure.is_public is True
    assert measure.focus == focus
    assert list(measure.goals.all()) == [goal]
    assert list(measure.further_action_fields.all()) == [fields["nachhaltigkeit"]]  # the primary is not repeated
    assert list(measure.partner_municipalities.all()) == [town_b]
    assert measure.source_measure == source
    change = StatusChange.objects.get(measure=measure)
    assert (change.from_status, change.to_status, change.note) == ("", "geplant", "aus dem Workshop")
    assert AuditEntry.objects.filter(object_id=str(measure.pk), action="create").exists()

    detail = client.get(response["Location"]).content.decode()
    assert "1.234.567,50\u00a0€" in detail
    assert "65,50" in detail
    assert "Billerbeck" in detail
    assert "Dorfbus (Billerbeck)" in detail

    edit = client.get(reverse("measures:edit", kwargs={"slug": "beckum", "pk": measure.pk})).content.decode()
    assert 'value="1.234.567,50"' in edit  # shown the German way, so saving again changes nothing
    assert 'value="12.000"' in edit


def test_choices_are_limited_to_own_municipality_and_network(login, town_a, town_b, fields, focus, goal, measure):
    from vorort.strategy.models import Focus, Goal

    foreign_focus = Focus.objects.create(municipality=town_b, action_field=fields["wohnen"], title="Fremd")
    foreign_goal = Goal.objects.create(municipality=town_b, focus=foreign_focus, title="Fremdes Ziel")
    internal_b = MeasureFactory(municipality=town_b, title="Interne Nachbarmaßnahme")
    client = login("editor")
    url = reverse("measures:edit", kwargs={"slug": "beckum", "pk": measure.pk})
    html = client.get(url).content.decode()
    assert "Mobilität im Quartier" in html and "Fremd" not in html
    assert "Interne Nachbarmaßnahme" not in html
    response = client.post(
        url, measure_data(measure, focus=foreign_focus.pk, goals=[foreign_goal.pk], source_measure=internal_b.pk)
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert field_errors(html, "focus") and field_errors(html, "goals") and field_errors(html, "source_measure")
    measure.refresh_from_db()
    assert measure.focus is None


def test_editor_cannot_publish(login, measure):
    client = login("editor")
    url = reverse("measures:edit", kwargs={"slug": "beckum", "pk": measure.pk})
    html = client.get(url).content.decode()
    assert "Veröffentlichen darf nur die Smart-City-Koordination." in html
    response = client.post(url, measure_data(measure, is_public="on", title="Neu"))
    assert response.status_code == 302
    measure.refresh_from_db()
    assert measure.title == "Neu"
    assert measure.is_public is False


def test_coordinator_publishes_and_unpublishes(login, measure):
    client = login("coordinator")
    url = reverse("measures:edit", kwargs={"slug": "beckum", "pk": measure.pk})
    client.post(url, measure_data(measure, is_public="on"))
    measure.refresh_from_db()
    assert measure.is_public is True
    client.post(url, measure_data(measure))
    measure.refresh_from_db()
    assert measure.is_public is False


def test_stale_edit_is_refused_and_input_kept(login, measure, users):
    client = login("editor")
    url = reverse("measures:edit", kwargs={"slug": "beckum", "pk": measure.pk})
    opened = client.get(url)
    assert 'name="version" value="1"' in opened.content.decode()
    # Someone else saves in between.
    measure_update(actor=users["coordinator"], measure=measure, data={"title": "Mobilstation Nord"}, expected_version=1)
    before = Measure.objects.get(pk=measure.pk)
    audit_before = AuditEntry.objects.count()

    response = client.post(
        url, measure_data(measure, version=1, title="Mobilstation Süd mit Radboxen", investment_cost="48.000")
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Jemand anderes hat diesen Eintrag inzwischen geändert" in html
    assert 'value="Mobilstation Süd mit Radboxen"' in html  # the user's input is still in the form
    assert 'value="48.000"' in html
    assert "Mobilstation Nord" in html  # the current version is shown for comparison
    after = Measure.objects.get(pk=measure.pk)
    assert (after.title, after.version, after.investment_cost) == ("Mobilstation Nord", 2, None)
    assert after.updated_at == before.updated_at
    assert AuditEntry.objects.count() == audit_before

    # Saving again, now knowing the current version, goes through.
    assert 'name="version" value="2"' in html
    again = client.post(url, measure_data(measure, version=2, title="Mobilstation Süd mit Radboxen"))
    assert again.status_code == 302
    assert Measure.objects.get(pk=measure.pk).title == "Mobilstation Süd mit Radboxen"


HUGE = "x" * 100_000


@pytest.mark.parametrize(
    ("overrides", "field", "german"),
    [
        ({"start_date": "2026-02-30"}, "start_date", "gültiges Datum"),
        ({"start_date": "2027-01-01", "end_date": "2026-01-01"}, "end_date", "nicht vor dem Beginn"),
        ({"investment_cost": "-5"}, "investment_cost", "nicht negativ"),
        ({"running_cost": "-1.000,00"}, "running_cost", "nicht negativ"),
        ({"funding_share": "150"}, "funding_share", "zwischen 0 und 100"),
        ({"title": HUGE}, "title", "höchstens 200 Zeichen"),
        ({"title": ""}, "title", "Dieses Feld ist zwingend erforderlich"),
        ({"investment_cost": "abc"}, "investment_cost", "Bitte geben Sie eine Zahl ein"),
        ({"investment_cost": "999.999.999.999.999,00"}, "investment_cost", "zu groß"),
        ({"personnel_effort": "1,2,3"}, "personnel_effort", "Bitte geben Sie eine Zahl ein"),
        ({"status": "fertig"}, "status", "gültige Auswahl"),
        ({"action_field": "999999"}, "action_field", "gültige Auswahl"),
        ({"source_url": "kein link"}, "source_url", "gültige"),
        ({"status_changed_on": "2999-01-01", "status": "geplant"}, "status_changed_on", "Zukunft"),
    ],
)
def test_bad_input_is_refused_at_the_field(login, measure, overrides, field, german):
    client = login("editor")
    url = reverse("measures:edit", kwargs={"slug": "beckum", "pk": measure.pk})
    before = Measure.objects.values().get(pk=measure.pk)
    audit = AuditEntry.objects.count()
    response = client.post(url, measure_data(measure, **overrides))
    assert response.status_code == 200
    html = response.content.decode()
    errors = field_errors(html, field)
    assert german in errors, errors
    assert "Es wurde nichts gespeichert" in html
    for text in ENGLISH:
        assert text not in html
    assert Measure.objects.values().get(pk=measure.pk) == before
    assert AuditEntry.objects.count() == audit


def test_bad_input_on_create_saves_nothing(login, town_a, fields):
    client = login("editor")
    url = reverse("measures:create", kwargs={"slug": town_a.slug})
    response = client.post(
        url,
        measure_data(title=HUGE, action_field=fields["wohnen"].pk, investment_cost="abc", funding_share="150"),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "höchstens 200 Zeichen" in field_errors(html, "title")
    assert "Zahl" in field_errors(html, "investment_cost")
    assert "zwischen 0 und 100" in field_errors(html, "funding_share")
    assert not Measure.objects.exists()
    assert 'value="abc"' in html


def test_reference_is_unique_within_the_municipality(login, town_a, town_b, fields, measure):
    MeasureFactory(municipality=town_a, reference="M-01")
    MeasureFactory(municipality=town_b, reference="M-02")
    client = login("editor")
    url = reverse("measures:edit", kwargs={"slug": "beckum", "pk": measure.pk})
    response = client.post(url, measure_data(measure, reference="M-01"))
    assert "schon eine andere Maßnahme" in field_errors(response.content.decode(), "reference")
    assert client.post(url, measure_data(measure, reference="M-02")).status_code == 302


def test_edit_with_status_change_records_history(login, measure):
    client = login("editor")
    url = reverse("measures:edit", kwargs={"slug": "beckum", "pk": measure.pk})
    response = client.post(
        url, measure_data(measure, status="beschlossen", status_changed_on="2026-02-10", status_note="Ratsbeschluss")
    )
    assert response.status_code == 302
    change = StatusChange.objects.get(measure=measure)
    assert (change.from_status, change.to_status, str(change.changed_on), change.note) == (
        "idee",
        "beschlossen",
        "2026-02-10",
        "Ratsbeschluss",
    )


def test_delete_needs_coordinator_and_is_audited(login, measure):
    url = reverse("measures:delete", kwargs={"slug": "beckum", "pk": measure.pk})
    assert login("editor").post(url).status_code == 403
    client = login("coordinator")
    assert client.get(url).status_code == 200
    response = client.post(url)
    assert response.status_code == 302
    assert not Measure.objects.filter(pk=measure.pk).exists()
    assert AuditEntry.objects.filter(object_id=str(measure.pk), action="delete").exists()


def test_other_municipality_cannot_reach_measure(login, measure, network):
    other = MunicipalityFactory(network=network, name="Unna", slug="unna")
    url = reverse("measures:measure", kwargs={"slug": other.slug, "pk": measure.pk})
    assert login("coordinator").get(url).status_code == 404


def test_detail_links_history(login, measure):
    client = login("viewer")
    html = client.get(reverse("measures:measure", kwargs={"slug": "beckum", "pk": measure.pk})).content.decode()
    history = reverse("core:object_history", kwargs={"slug": "beckum", "model": "measures.measure", "pk": measure.pk})
    assert history in html
    assert "Bearbeiten" not in html  # a viewer reads only
    assert client.get(history).status_code == 200
