"""Export a municipality's measures to Excel (.xlsx) and CSV, in German, in a shape the importer reads back.

The headers are German whatever the interface language is, and each of them maps back to its field in the
importer, so export → import reports every row as unchanged. Text that a spreadsheet could run as a formula
(starting with =, +, -, @, tab or carriage return) gets a protecting apostrophe, in both formats.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable, Mapping
from decimal import Decimal

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone, translation

from .models import Benefit, Measure, MeasureStatus, Transferability
from .parsing import format_date, format_decimal, neutralise

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"

# (field, German header, column width in the workbook)
COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("reference", "Kennung", 12),
    ("title", "Titel", 40),
    ("summary", "Kurzbeschreibung", 40),
    ("description", "Beschreibung", 60),
    ("action_field", "Handlungsfeld", 20),
    ("further_action_fields", "weitere Handlungsfelder", 24),
    ("status", "Status", 16),
    ("start_date", "Beginn", 12),
    ("end_date", "Ende", 12),
    ("investment_cost", "Investitionskosten (EUR)", 18),
    ("running_cost", "laufende Kosten pro Jahr (EUR)", 18),
    ("funding_programme", "Förderprogramm", 28),
    ("funding_share", "Förderquote (%)", 12),
    ("personnel_effort", "Personalaufwand (Personentage pro Jahr)", 14),
    ("responsible_unit", "federführende Stelle", 24),
    ("risks", "Risiken", 40),
    ("transferability", "Übertragbarkeit", 22),
    ("transfer_note", "Hinweise für andere Kommunen", 40),
    ("is_public", "öffentlich (ja/nein)", 10),
)
HEADERS = [header for _, header, _ in COLUMNS]


def measures_for_export(municipality, params: Mapping[str, str] | None = None) -> QuerySet[Measure]:
    """The municipality's measures, narrowed by the same query parameters as the measure list:
    `q` (text in the title), `handlungsfeld` (action field id or slug), `status`, `gruppe` (user group id: at
    least a small benefit for it), `schwerpunkt` (focus id) and `oeffentlich` (ja/nein). Invalid values are
    ignored; ids of another municipality's objects simply match nothing."""
    params = params or {}
    queryset = (
        Measure.objects.filter(municipality=municipality)
        .select_related("action_field")
        .prefetch_related("further_action_fields")
        .order_by("reference", "title", "id")
    )
    query = (params.get("q") or "").strip()[:200]
    if query:
        queryset = queryset.filter(title__icontains=query)
    field = (params.get("handlungsfeld") or "").strip()
    if field:
        condition = Q(action_field__slug=field)
        if field.isdigit():
            condition |= Q(action_field_id=int(field))
        queryset = queryset.filter(condition)
    status = (params.get("status") or "").strip()
    if status in MeasureStatus.values:
        queryset = queryset.filter(status=status)
    group = (params.get("gruppe") or "").strip()
    if group.isdigit():
        queryset = queryset.filter(
            Exists(Benefit.objects.filter(measure=OuterRef("pk"), user_group_id=int(group), strength__gte=1))
        )
    focus = (params.get("schwerpunkt") or "").strip()
    if focus.isdigit():
        queryset = queryset.filter(focus_id=int(focus))
    public = (params.get("oeffentlich") or "").strip()
    if public in ("ja", "nein"):
        queryset = queryset.filter(is_public=public == "ja")
    return queryset


def _further(measure: Measure) -> str:
    items = sorted(measure.further_action_fields.all(), key=lambda item: (item.order, item.name))
    return "; ".join(item.name for item in items)


def _typed_values(measure: Measure) -> list:
    """One row with Python values: Decimal, date, bool or str."""
    values = []
    for name, _header, _width in COLUMNS:
        if name == "action_field":
            values.append(measure.action_field.name)
        elif name == "further_action_fields":
            values.append(_further(measure))
        elif name == "status":
            values.append(str(MeasureStatus(measure.status).label))
        elif name == "transferability":
            values.append(str(Transferability(measure.transferability).label))
        else:
            values.append(getattr(measure, name))
    return values


def _csv_cell(name: str, value) -> str:
    if value is None:
        return ""
    if name in ("investment_cost", "running_cost"):
        return format_decimal(value, 2)
    if name == "funding_share":
        return f"{format_decimal(value, 2, strip_zeros=True)} %"
    if name == "personnel_effort":
        return format_decimal(value, 1, strip_zeros=True)
    if isinstance(value, datetime.date):
        return format_date(value)
    if isinstance(value, bool):
        return "ja" if value else "nein"
    return neutralise(str(value))


def write_csv(measures: Iterable[Measure], stream) -> None:
    """UTF-8 with BOM, semicolons, German numbers and dates; `stream` takes text."""
    stream.write("\ufeff")
    writer = csv.writer(stream, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(HEADERS)
    with translation.override("de"):
        for measure in measures:
            values = _typed_values(measure)
            writer.writerow([_csv_cell(name, value) for (name, _h, _w), value in zip(COLUMNS, values, strict=True)])


def csv_bytes(measures: Iterable[Measure]) -> bytes:
    buffer = io.StringIO(newline="")
    write_csv(measures, buffer)
    return buffer.getvalue().encode("utf-8")


def _xlsx_text(value: str) -> str:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return neutralise(ILLEGAL_CHARACTERS_RE.sub("", value))


def write_xlsx(measures: Iterable[Measure], stream, *, title: str = "Maßnahmen") -> None:
    """A workbook with one sheet: a header row, then one measure per row; numbers and dates as real cells."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title[:31])
    for index, (_name, _header, width) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header_cells = []
    for header in HEADERS:
        cell = WriteOnlyCell(sheet, value=header)
        cell.font = bold
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        header_cells.append(cell)
    sheet.append(header_cells)
    formats = {
        "investment_cost": '#,##0.00 "€"',
        "running_cost": '#,##0.00 "€"',
        "funding_share": "0.00%",
        "personnel_effort": "0.0",
        "start_date": "DD.MM.YYYY",
        "end_date": "DD.MM.YYYY",
    }
    rows = 0
    with translation.override("de"):
        for measure in measures:
            cells = []
            for (name, _header, _width), value in zip(COLUMNS, _typed_values(measure), strict=True):
                if value is None or value == "":
                    cells.append(None)
                    continue
                if name == "funding_share":
                    value = float(Decimal(value) / 100)
                elif isinstance(value, Decimal):
                    value = float(value)
                elif isinstance(value, bool):
                    value = "ja" if value else "nein"
                elif isinstance(value, str):
                    value = _xlsx_text(value)
                cell = WriteOnlyCell(sheet, value=value)
                if name in formats:
                    cell.number_format = formats[name]
                cells.append(cell)
            sheet.append(cells)
            rows += 1
    if rows:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{rows + 1}"
    workbook.save(stream)


def xlsx_bytes(measures: Iterable[Measure]) -> bytes:
    buffer = io.BytesIO()
    write_xlsx(measures, buffer)
    return buffer.getvalue()


def export_filename(municipality, extension: str) -> str:
    return f"massnahmen-{municipality.slug}-{timezone.localdate():%Y-%m-%d}.{extension}"
