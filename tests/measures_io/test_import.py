"""The import service: reading the family of real-world files, the dry run, all-or-nothing, no duplicates."""

import datetime
from decimal import Decimal

import pytest

from vorort.core.models import AuditEntry
from vorort.measures.importing import (
    CREATE,
    ERROR,
    UNCHANGED,
    UPDATE,
    ImportOptions,
    ImportRefused,
    apply_import,
    import_measures,
    plan_import,
)
from vorort.measures.models import Measure, Origin, StatusChange

from .conftest import SAMPLE, SHARED_SAMPLE
from .helpers import csv_bytes, xlsx

HEADER = ["Kennung", "Titel", "Handlungsfeld", "Status", "Beginn", "Ende", "Kosten"]


def plan(municipality, data, filename="liste.xlsx", **options):
    return plan_import(municipality=municipality, data=data, filename=filename, options=ImportOptions(**options))


def run(municipality, data, filename="liste.xlsx", actor=None, **options):
    return import_measures(
        actor=actor, municipality=municipality, data=data, filename=filename, options=ImportOptions(**options)
    )


# The sample file --------------------------------------------------------------------------------------


def test_the_copy_in_the_repository_is_the_shared_sample():
    if SHARED_SAMPLE.exists():
        assert SAMPLE.read_bytes() == SHARED_SAMPLE.read_bytes()


def test_sample_file_dry_run_reads_everything(velbert, sample_bytes):
    report = plan(velbert, sample_bytes, "beispiel-projektliste-velbert.xlsx")
    assert report.ok, report.as_text()
    assert report.header_row == 2
    assert "Projekte" in report.source
    assert report.counts == {CREATE: 6, UPDATE: 0, UNCHANGED: 0, ERROR: 0}
    assert {column.header: column.key for column in report.columns} == {
        "Projekttitel": "title",
        "Beschreibung": "description",
        "Handlungsfeld": "action_field",
        "Budget": "investment_cost",
        "Beginn": "start_date",
        "Ende": "end_date",
        "Stand": "status",
        "Ansprechpartner*in": "responsible_unit",
    }
    notes = [str(note) for note in report.notes]
    assert any(note.startswith("Zeile 10") and "Quelle: Arbeitsgruppe Smart City" in note for note in notes), notes
    assert Measure.objects.count() == 0, "a dry run writes nothing"


def test_sample_file_import(velbert, sample_bytes, field):
    report = run(velbert, sample_bytes, "beispiel-projektliste-velbert.xlsx")
    assert report.counts[CREATE] == 6
    measures = {m.title: m for m in Measure.objects.filter(municipality=velbert)}
    assert len(measures) == 6
    twin = measures["Digitaler Zwilling Innenstadt"]
    assert twin.description == "3D-Stadtmodell für Planung und Beteiligung"
    assert twin.action_field == field("verwaltung")
    assert twin.investment_cost == Decimal("75000.00")
    assert twin.start_date == datetime.date(2025, 6, 1)
    assert twin.end_date == datetime.date(2026, 12, 31)
    assert twin.status == "in_umsetzung"
    assert twin.responsible_unit == "Stadtplanung"
    assert twin.origin == Origin.IMPORT
    assert "beispiel-projektliste-velbert.xlsx" in twin.origin_note
    museum = measures["Schlüsselmuseum digital"]
    assert museum.investment_cost == Decimal("22500.00")
    assert museum.start_date == datetime.date(2025, 5, 1)  # "Mai 2025"
    assert museum.end_date is None
    assert museum.status == "geplant"
    assert measures["Quartiersbus Langenberg"].investment_cost is None
    assert measures["Quartiersbus Langenberg"].start_date == datetime.date(2026, 1, 1)
    assert measures["Klimasensoren an Schulen"].investment_cost == Decimal("18000")
    assert measures["Wohnungsbörse Neviges"].status == "idee"
    assert measures["Digitale Ehrenamtskarte"].action_field == field("zivilgesellschaft")
    # Written through the services: audited by "System", with a status history.
    entries = AuditEntry.objects.filter(municipality=velbert, action="create", content_type__model="measure")
    assert entries.count() == 6 and {entry.actor_label for entry in entries} == {"System"}
    assert StatusChange.objects.filter(measure__municipality=velbert).count() == 6


def test_importing_the_same_file_again_creates_no_duplicates(velbert, sample_bytes):
    run(velbert, sample_bytes)
    audit_before = AuditEntry.objects.count()
    report = plan(velbert, sample_bytes)
    assert report.counts == {CREATE: 0, UPDATE: 0, UNCHANGED: 6, ERROR: 0}
    apply_import(actor=None, municipality=velbert, report=report)
    assert Measure.objects.filter(municipality=velbert).count() == 6
    assert AuditEntry.objects.count() == audit_before, "unchanged rows cause no audit entries"


def test_reimport_updates_only_what_changed(velbert, users):
    data = xlsx([HEADER, ["M-1", "Bürgerbus", "Mobilität", "Idee", "01.03.2025", "", "1.000 €"]])
    run(velbert, data)
    changed = xlsx([HEADER, ["M-1", "Bürgerbus Nord", "Mobilität", "in Umsetzung", "01.03.2025", "", "1.500 €"]])
    report = plan(velbert, changed)
    assert report.counts[UPDATE] == 1
    row = report.rows[0]
    assert {change.field for change in row.changes} == {"title", "status", "investment_cost"}
    status_change = next(change for change in row.changes if change.field == "status")
    assert (status_change.before, status_change.after) == ("Idee", "In Umsetzung")
    apply_import(actor=users["editor"], municipality=velbert, report=report)
    measure = Measure.objects.get(municipality=velbert)
    assert measure.title == "Bürgerbus Nord" and measure.status == "in_umsetzung"
    assert measure.investment_cost == Decimal("1500")
    assert measure.version == 2
    assert AuditEntry.objects.filter(object_id=str(measure.pk), action="update").count() == 1
    assert measure.status_changes.count() == 2


def test_rows_are_matched_by_reference_then_by_normalised_title(velbert, make_measure):
    by_reference = make_measure(velbert, "Altes Projekt", reference="M-7")
    by_title = make_measure(velbert, "Smarte Parkplätze")
    data = xlsx(
        [
            HEADER,
            ["M-7", "Neuer Name", "Mobilität", "", "", "", ""],
            ["", "  SMARTE parkplaetze ", "Mobilität", "", "", "", ""],
            ["M-8", "Ganz neu", "Mobilität", "", "", "", ""],
        ]
    )
    report = plan(velbert, data)
    assert [(row.action, row.measure) for row in report.rows] == [
        (UPDATE, by_reference),
        (UPDATE, by_title),
        (CREATE, None),
    ]
    # Title case and umlaut spelling differ: the title is updated to the file's spelling.
    assert [change.field for change in report.rows[1].changes] == ["title"]


def test_title_matching_two_measures_needs_a_reference(velbert, make_measure):
    make_measure(velbert, "Sensorik")
    make_measure(velbert, "Sensorik")
    report = plan(velbert, xlsx([["Titel", "Handlungsfeld"], ["Sensorik", "Mobilität"]]))
    assert not report.ok
    assert "Kennung" in str(report.issues[0])


def test_duplicate_rows_in_the_file_are_errors(velbert):
    data = xlsx([["Titel", "Handlungsfeld"], ["Radweg", "Mobilität"], ["radweg", "Mobilität"]])
    report = plan(velbert, data)
    assert not report.ok
    assert str(report.issues[0]) == "Zeile 3: Diese Maßnahme steht schon in Zeile 2 der Datei."


# Other files of the family -----------------------------------------------------------------------------


def test_windows_1252_semicolon_csv(velbert, field):
    rows = [
        ["Projektliste der Stadt Velbert, Stand März 2025"],
        [],
        ["Nr.", "Maßnahme", "Themenfeld", "Stand", "Projektstart", "Projektende", "Gesamtkosten", "Förderquote"],
        ["V-01", "Bürgerbüro-Terminvergabe", "Verwaltung", "laufend", "1.3.25", "Dez. 2025", "12.345,67 €", "80 %"],
        ["V-02", "Grünflächen-Sensorik", "Nachhaltigkeit", "in Planung", "Q3 2025", "2026", "2.000", "0,5"],
        ["V-03", "Straßenfest digital", "Zivilgesellschaft", "umgesetzt", "2024-05-01", "31.05.2024", "", ""],
    ]
    data = csv_bytes(rows, delimiter=";", encoding="cp1252")
    assert "Maßnahme".encode("cp1252") in data
    report = run(velbert, data, "liste.csv")
    assert report.counts[CREATE] == 3, report.as_text()
    assert "Semikolon" in report.source and report.header_row == 3
    office = Measure.objects.get(reference="V-01")
    assert office.title == "Bürgerbüro-Terminvergabe"
    assert office.action_field == field("verwaltung")
    assert office.status == "in_umsetzung"
    assert office.start_date == datetime.date(2025, 3, 1)
    assert office.end_date == datetime.date(2025, 12, 31)  # a month as end date: its last day
    assert office.investment_cost == Decimal("12345.67")
    assert office.funding_share == Decimal("80")
    sensors = Measure.objects.get(reference="V-02")
    assert sensors.status == "geplant"
    assert sensors.start_date == datetime.date(2025, 7, 1)
    assert sensors.end_date == datetime.date(2026, 12, 31)
    assert sensors.investment_cost == Decimal("2000")
    assert sensors.funding_share == Decimal("50")
    assert Measure.objects.get(reference="V-03").status == "abgeschlossen"


def test_utf8_bom_comma_csv(velbert):
    rows = [
        ["Projekttitel", "Kurzfassung", "Handlungsfeld", "Budget", "laufende Kosten", "Beginn", "öffentlich"],
        ["Parkleitsystem", "Freie Plätze in Echtzeit", "mobilitaet", "1.234,50 €", "300", "2025-03-01", "ja"],
        ["Open-Data-Portal", "Daten der Stadt, offen", "VERWALTUNG", "EUR 5000", "1.200,00", "März 2025", "nein"],
    ]
    data = csv_bytes(rows, delimiter=",", bom=True)
    assert data.startswith(b"\xef\xbb\xbf")
    report = run(velbert, data, "export.csv", may_publish=True)
    assert "Komma" in report.source
    parking = Measure.objects.get(title="Parkleitsystem")
    assert parking.summary == "Freie Plätze in Echtzeit"
    assert parking.investment_cost == Decimal("1234.50")
    assert parking.running_cost == Decimal("300")
    assert parking.is_public is True
    portal = Measure.objects.get(title="Open-Data-Portal")
    assert portal.summary == "Daten der Stadt, offen"
    assert portal.start_date == datetime.date(2025, 3, 1)
    assert portal.is_public is False


def test_several_title_rows_and_unknown_columns(velbert):
    data = xlsx(
        [
            ["Stadt Velbert"],
            ["Smart-City-Maßnahmen", None, "Entwurf"],
            [],
            ["Maßnahme", "Handlungsfeld", "Bemerkung", "Priorität", "Partner"],
            ["Schul-WLAN", "Zivilgesellschaft", "dringend", "A", "Stadtwerke Velbert, Medienzentrum"],
        ]
    )
    report = plan(velbert, data)
    assert report.ok and report.header_row == 4
    notes = " ".join(str(note) for note in report.notes)
    assert "„Bemerkung“" in notes and "„Priorität“" in notes and "unbekannte Spalte" in notes
    assert "Partner" in notes
    apply_import(actor=None, municipality=velbert, report=report)
    measure = Measure.objects.get(title="Schul-WLAN")
    assert "Partner: Stadtwerke Velbert, Medienzentrum" in measure.origin_note


def test_percent_formatted_excel_cell_and_excel_numbers(velbert):
    data = xlsx(
        [
            ["Titel", "Handlungsfeld", "Förderquote", "Investitionskosten", "Personalaufwand", "Beginn"],
            ["Lastenrad", "Mobilität", 0.65, 12500.5, 12.5, datetime.datetime(2025, 4, 1, 0, 0)],
            ["Wärmeplan", "Nachhaltigkeit", 90, 1000, 3, 2026],
        ],
        formats={"C2": "0%"},
    )
    run(velbert, data)
    bike = Measure.objects.get(title="Lastenrad")
    assert bike.funding_share == Decimal("65.00")
    assert bike.investment_cost == Decimal("12500.50")
    assert bike.personnel_effort == Decimal("12.5")
    assert bike.start_date == datetime.date(2025, 4, 1)
    heat = Measure.objects.get(title="Wärmeplan")
    assert heat.funding_share == Decimal("90")
    assert heat.start_date == datetime.date(2026, 1, 1)


def test_sum_lines_and_notes_below_the_data_are_skipped(velbert):
    data = csv_bytes(
        [
            ["Titel", "Handlungsfeld", "Kosten"],
            ["Smarte Laternen", "Nachhaltigkeit", "10.000"],
            ["Summe", "", "10.000"],
            [],
            ["Stand: 01.03.2025"],
            ["Alle Beträge sind Schätzungen der Fachämter."],
        ]
    )
    report = plan(velbert, data, "liste.csv")
    assert report.ok and report.counts[CREATE] == 1
    notes = [str(note) for note in report.notes]
    assert any("Zeile 3" in note and "Summenzeile" in note for note in notes), notes
    assert any("Zeile 5" in note for note in notes) and any("Zeile 6" in note for note in notes)


# Errors ------------------------------------------------------------------------------------------------


def test_wrong_date_and_number_are_reported_by_row_and_column_and_nothing_is_written(velbert, sample_bytes):
    data = xlsx(
        [
            ["Smart-City-Projektliste"],
            ["Projekttitel", "Handlungsfeld", "Budget", "Beginn", "Ende", "Stand"],
            ["Gute Zeile", "Mobilität", "1.000 €", "01.02.2025", "", "Idee"],
            ["Schlechtes Datum", "Mobilität", "1.000 €", "31.02.2025", "", "Idee"],
            ["Schlechte Zahl", "Mobilität", "zwölf Euro", "01.02.2025", "", "Idee"],
            ["Unbekanntes", "Raumfahrt", "1,2,3", "01.02.2025", "01.01.2025", "vielleicht"],
        ]
    )
    audit_before = AuditEntry.objects.count()
    report = plan(velbert, data)
    assert not report.ok
    messages = [str(issue) for issue in report.issues]
    assert "Zeile 4, Spalte „Beginn“: „31.02.2025“ ist kein gültiges Datum." in messages
    assert "Zeile 5, Spalte „Budget“: „zwölf Euro“ ist keine gültige Zahl." in messages
    assert any(m.startswith("Zeile 6, Spalte „Handlungsfeld“: „Raumfahrt“ ist kein Handlungsfeld") for m in messages)
    assert any(m.startswith("Zeile 6, Spalte „Stand“: „vielleicht“ ist kein bekannter Status") for m in messages)
    assert any(m.startswith("Zeile 6, Spalte „Ende“: Das Ende (01.01.2025) liegt vor dem Beginn") for m in messages)
    assert not any("Handlungsfeld fehlt" in m for m in messages), "an unknown action field is reported once"
    assert report.counts == {CREATE: 1, UPDATE: 0, UNCHANGED: 0, ERROR: 3}
    with pytest.raises(ImportRefused):
        apply_import(actor=None, municipality=velbert, report=report)
    with pytest.raises(ImportRefused) as refused:
        run(velbert, data)
    assert "31.02.2025" in str(refused.value)
    assert Measure.objects.count() == 0
    assert AuditEntry.objects.count() == audit_before


def test_an_error_in_the_last_row_leaves_earlier_rows_unwritten(velbert):
    rows = [["Titel", "Handlungsfeld", "Förderquote"]]
    rows += [[f"Maßnahme {n}", "Wohnen", "50 %"] for n in range(20)]
    rows.append(["Zu viel", "Wohnen", "150 %"])
    with pytest.raises(ImportRefused) as refused:
        run(velbert, csv_bytes(rows), "liste.csv")
    assert "Zeile 22, Spalte „Förderquote“" in str(refused.value)
    assert Measure.objects.count() == 0


def test_database_refusal_during_the_import_rolls_everything_back(velbert, make_measure, monkeypatch):
    """If a write fails after earlier rows were written, the transaction leaves nothing behind."""
    from vorort.measures import importing

    data = xlsx([["Titel", "Handlungsfeld"], ["Eins", "Wohnen"], ["Zwei", "Wohnen"], ["Drei", "Wohnen"]])
    report = plan(velbert, data)
    calls = []
    original = importing.measure_create

    def failing(**kwargs):
        calls.append(kwargs["data"]["title"])
        if len(calls) == 3:
            from django.core.exceptions import ValidationError

            raise ValidationError({"title": ["kaputt"]})
        return original(**kwargs)

    monkeypatch.setattr(importing, "measure_create", failing)
    with pytest.raises(ImportRefused) as refused:
        apply_import(actor=None, municipality=velbert, report=report)
    assert "Zeile 4" in str(refused.value)
    assert Measure.objects.count() == 0
    assert AuditEntry.objects.filter(municipality=velbert, content_type__model="measure").count() == 0


def test_missing_action_field_is_an_error_unless_a_default_is_chosen(velbert, field):
    data = xlsx([["Titel", "Status"], ["Ohne Feld", "Idee"]])
    report = plan(velbert, data)
    assert not report.ok and "Handlungsfeld fehlt" in str(report.issues[0])
    run(velbert, data, default_action_field=field("wohnen"))
    assert Measure.objects.get(title="Ohne Feld").action_field == field("wohnen")


def test_text_too_long_and_negative_cost(velbert):
    data = xlsx([["Titel", "Handlungsfeld", "Kosten"], ["x" * 201, "Wohnen", "-5,00 €"]])
    report = plan(velbert, data)
    messages = [str(issue) for issue in report.issues]
    assert "Zeile 2, Spalte „Titel“: Der Text ist zu lang (höchstens 200 Zeichen, hier 201)." in messages
    assert "Zeile 2, Spalte „Kosten“: „-5,00 €“: Der Wert darf nicht negativ sein." in messages


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "weder eine Excel-Arbeitsmappe"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "alten Excel-Format"),
        (b"", "leer"),
        ("Liebe Grüße\nvom Rathaus\n".encode(), "keine Kopfzeile"),
    ],
)
def test_unreadable_files_are_refused_in_german(velbert, data, message):
    report = plan(velbert, data)
    assert not report.ok
    assert message in str(report.issues[0])


def test_public_column_needs_the_right_to_publish(velbert):
    data = xlsx([["Titel", "Handlungsfeld", "öffentlich"], ["Bürger-App", "Verwaltung", "ja"]])
    report = plan(velbert, data, may_publish=False)
    assert report.ok
    assert any("veröffentlichen darf nur" in str(note) for note in report.notes)
    apply_import(actor=None, municipality=velbert, report=report)
    assert Measure.objects.get(title="Bürger-App").is_public is False
    report = plan(velbert, data, may_publish=True)
    assert report.rows[0].action == UPDATE
    apply_import(actor=None, municipality=velbert, report=report)
    assert Measure.objects.get(title="Bürger-App").is_public is True


def test_empty_cells_clear_fields_unless_asked_to_keep(velbert):
    run(velbert, xlsx([["Titel", "Handlungsfeld", "Kurzbeschreibung"], ["Radstation", "Mobilität", "Am Bahnhof"]]))
    cleared = xlsx([["Titel", "Handlungsfeld", "Kurzbeschreibung"], ["Radstation", "", ""]])
    report = plan(velbert, cleared, keep_existing_when_empty=True)
    assert report.rows[0].action == UNCHANGED
    report = plan(velbert, cleared)
    assert [(c.field, c.before, c.after) for c in report.rows[0].changes] == [("summary", "Am Bahnhof", "–")]
    apply_import(actor=None, municipality=velbert, report=report)
    measure = Measure.objects.get(title="Radstation")
    assert measure.summary == "" and measure.action_field.slug == "mobilitaet"


def test_further_action_fields(velbert, field):
    data = xlsx(
        [
            ["Titel", "Handlungsfeld", "weitere Handlungsfelder"],
            ["Quartiersplattform", "Wohnen", "Zivilgesellschaft; Verwaltung, wohnen"],
        ]
    )
    run(velbert, data)
    measure = Measure.objects.get(title="Quartiersplattform")
    assert set(measure.further_action_fields.values_list("slug", flat=True)) == {"zivilgesellschaft", "verwaltung"}
    assert plan(velbert, data).rows[0].action == UNCHANGED


def test_a_row_with_a_known_reference_may_leave_the_title_empty(velbert, make_measure):
    measure = make_measure(velbert, "Bürgerbus", reference="M-1")
    rows = [["Kennung", "Titel", "Handlungsfeld", "Status"], ["M-1", "", "", "laufend"], ["M-2", "", "Wohnen", "Idee"]]
    report = plan(velbert, xlsx(rows))
    assert report.rows[0].action == UPDATE and report.rows[0].title == "Bürgerbus"
    assert [str(issue) for issue in report.issues] == ["Zeile 3, Spalte „Titel“: Der Titel fehlt."]
    assert measure.title == "Bürgerbus"
