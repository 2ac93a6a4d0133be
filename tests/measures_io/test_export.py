"""Export to XLSX and CSV: German format, formula neutralisation, filters, and the round trip back in."""

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest

from vorort.measures import exporting
from vorort.measures.importing import CREATE, UNCHANGED, ImportOptions, plan_import
from vorort.measures.models import Measure
from vorort.measures.parsing import map_header
from vorort.measures.services import measure_update

from .helpers import read_xlsx

DANGEROUS = {
    "title": '=HYPERLINK("http://example.org","Klick")',
    "summary": "+49 2051 26-0",
    "description": "-1+1",
    "funding_programme": "@SUMME(A1)",
    "responsible_unit": "\tAmt 61",
    "risks": "\rcmd",
}


@pytest.fixture
def measures(velbert, make_measure, field, town_a):
    full = make_measure(
        velbert,
        "Digitaler Zwilling",
        reference="V-01",
        summary="3D-Stadtmodell",
        description='Für Planung und Beteiligung;\nmit Zeilenumbruch, Komma und "Anführungszeichen"',
        status="in_umsetzung",
        start_date=datetime.date(2025, 6, 1),
        end_date=datetime.date(2026, 12, 31),
        investment_cost=Decimal("1234567.89"),
        running_cost=Decimal("1200.50"),
        funding_programme="Modellprojekte Smart Cities",
        funding_share=Decimal("33.33"),
        personnel_effort=Decimal("12.5"),
        responsible_unit="Stadtplanung",
        risks="Datenlage",
        transferability="hoch",
        transfer_note="Gut für Mittelstädte",
        is_public=True,
    )
    full.further_action_fields.set([field("wohnen"), field("verwaltung")])
    sparse = make_measure(velbert, "Quartiersbus", action_field=field("mobilitaet"))
    dangerous = make_measure(velbert, "Platzhalter", reference="-7", action_field=field("wohnen"))
    measure_update(actor=None, measure=dangerous, data=DANGEROUS, expected_version=None)
    make_measure(town_a, "Andere Stadt")
    return {"full": full, "sparse": sparse, "dangerous": Measure.objects.get(pk=dangerous.pk)}


def test_every_export_header_maps_back_to_its_field():
    for name, header, _width in exporting.COLUMNS:
        assert map_header(header) == name, header


def test_xlsx_export(velbert, measures):
    rows = read_xlsx(exporting.xlsx_bytes(exporting.measures_for_export(velbert)))
    assert rows[0] == exporting.HEADERS
    assert len(rows) == 4, "only the municipality's own measures"
    by_title = {row[1]: dict(zip(exporting.HEADERS, row, strict=True)) for row in rows[1:]}
    full = by_title["Digitaler Zwilling"]
    assert full["Kennung"] == "V-01"
    assert full["Handlungsfeld"] == "Mobilität"
    assert (
        full["weitere Handlungsfelder"] == "Verwaltung; Wohnen"
        or full["weitere Handlungsfelder"] == "Wohnen; Verwaltung"
    )
    assert full["Status"] == "In Umsetzung"
    assert full["Beginn"] == datetime.datetime(2025, 6, 1)
    assert full["Investitionskosten (EUR)"] == pytest.approx(1234567.89)
    assert full["Förderquote (%)"] == pytest.approx(0.3333)
    assert full["öffentlich (ja/nein)"] == "ja"
    assert full["Übertragbarkeit"] == "gut übertragbar"


def test_xlsx_export_neutralises_formulas(velbert, measures):
    data = exporting.xlsx_bytes(exporting.measures_for_export(velbert))
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"], "no cell may be a formula"
    texts = {cell.value for cell in cells if isinstance(cell.value, str)}
    for value in DANGEROUS.values():
        assert "'" + value in texts
        assert value not in texts
    assert "'-7" in texts
    for cell in cells:
        if isinstance(cell.value, str):
            assert not cell.value.startswith(("=", "+", "-", "@", "\t", "\r")), cell.coordinate


def test_csv_export_is_german_and_neutralised(velbert, measures):
    data = exporting.csv_bytes(exporting.measures_for_export(velbert))
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    header = text.split("\r\n", 1)[0]
    assert header == ";".join(exporting.HEADERS)
    assert "1.234.567,89" in text and "1.200,50" in text and "33,33 %" in text and ";12,5;" in text
    assert "01.06.2025" in text and "31.12.2026" in text
    assert "'=HYPERLINK" in text and ";=HYPERLINK" not in text and '"=HYPERLINK' not in text
    import csv

    cells = [cell for row in csv.reader(io.StringIO(text), delimiter=";") for cell in row]
    for cell in cells:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), repr(cell)
    for value in DANGEROUS.values():
        assert "'" + value in cells


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_round_trip_reports_every_row_unchanged(velbert, measures, fmt):
    queryset = exporting.measures_for_export(velbert)
    data = exporting.xlsx_bytes(queryset) if fmt == "xlsx" else exporting.csv_bytes(queryset)
    report = plan_import(
        municipality=velbert, data=data, filename=f"export.{fmt}", options=ImportOptions(may_publish=True)
    )
    assert report.ok, report.as_text()
    assert [row.action for row in report.rows] == [UNCHANGED] * 3, report.as_text(with_rows=True)
    assert not [note for note in report.notes if note.row is None], report.notes


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_round_trip_into_another_municipality_recreates_the_measures(velbert, measures, town_b, fmt):
    queryset = exporting.measures_for_export(velbert)
    data = exporting.xlsx_bytes(queryset) if fmt == "xlsx" else exporting.csv_bytes(queryset)
    report = plan_import(
        municipality=town_b, data=data, filename=f"export.{fmt}", options=ImportOptions(may_publish=True)
    )
    assert report.counts[CREATE] == 3
    from vorort.measures.importing import apply_import

    apply_import(actor=None, municipality=town_b, report=report)
    copy = Measure.objects.get(municipality=town_b, reference="V-01")
    original = measures["full"]
    for name, _header, _width in exporting.COLUMNS:
        if name == "further_action_fields":
            assert set(copy.further_action_fields.all()) == set(original.further_action_fields.all())
        else:
            assert getattr(copy, name) == getattr(original, name), name
    dangerous = Measure.objects.get(municipality=town_b, reference="-7")
    for name, value in DANGEROUS.items():
        assert getattr(dangerous, name) == value.strip(), "the formula text comes back without the apostrophe"


def test_export_respects_list_filters(velbert, measures, field):
    def titles(**params):
        return sorted(m.title for m in exporting.measures_for_export(velbert, params))

    assert titles(status="in_umsetzung") == ["Digitaler Zwilling"]
    assert titles(handlungsfeld=str(field("wohnen").pk)) == [DANGEROUS["title"]]
    assert titles(handlungsfeld="mobilitaet") == ["Digitaler Zwilling", "Quartiersbus"]
    assert titles(q="zwilling") == ["Digitaler Zwilling"]
    assert titles(oeffentlich="ja") == ["Digitaler Zwilling"]
    assert titles(status="gibt-es-nicht") == titles()
