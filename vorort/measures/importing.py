"""Import measures from Excel (.xlsx) and CSV files: read, check, dry run, then an all-or-nothing import.

    report = plan_import(municipality=..., data=bytes, filename="liste.xlsx", options=ImportOptions(...))
    report.ok              # False: report.issues says what is wrong, row by row and column by column
    apply_import(actor=user_or_None, municipality=..., report=report)   # one transaction, via measure_create/update

Rows are matched to the municipality's measures by Kennung (reference) if the row has one, else by the
normalised title, so importing the same file again changes nothing. A column that is present in the file is
authoritative: an empty cell empties the field, except for Kennung, Titel, Handlungsfeld, Status and öffentlich,
which an empty cell never clears (and every field, if `keep_existing_when_empty` is set). Columns that are
missing from the file leave the fields alone.
"""

from __future__ import annotations

import codecs
import copy
import csv
import datetime
import hashlib
import io
import itertools
import json
import os
import re
import secrets
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vorort.core.concurrency import StaleEditError
from vorort.network.models import ActionField

from . import parsing
from .models import Measure, MeasureStatus, Origin, Transferability
from .parsing import ParseError, cell_text, compact, format_date, format_decimal, map_header, normalise_title
from .services import measure_create, measure_update

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_ROWS = 50_000
MAX_COLUMNS = 200
HEADER_SCAN_ROWS = 30
MAX_EMPTY_RUN = 1000

Progress = Callable[[str, int, int], None]


class ImportFileError(Exception):
    """The file cannot be read as a spreadsheet at all; the message is German."""


class ImportRefused(Exception):
    """The import was refused and nothing was written; `issues` say why."""

    def __init__(self, issues: list[Issue]):
        self.issues = issues
        super().__init__("\n".join(str(issue) for issue in issues))


# Reading files -------------------------------------------------------------------------------------------


class ExcelPercent(float):
    """A number from a cell Excel formats as a percentage (0.8 shown as 80 %)."""


def detect_kind(data: bytes) -> str:
    """'xlsx' or 'csv', judged by the content (never by the file name); else ImportFileError."""
    if not data:
        raise ImportFileError(_("Die Datei ist leer."))
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise ImportFileError(
            _(
                "Das ist eine Datei im alten Excel-Format (.xls) oder eine verschlüsselte Arbeitsmappe. "
                "Bitte speichern Sie sie ohne Kennwort als Excel-Arbeitsmappe (.xlsx) oder als CSV."
            )
        )
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
                mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
        except (zipfile.BadZipFile, OSError, ValueError):
            raise ImportFileError(_("Die Excel-Datei ist beschädigt und lässt sich nicht öffnen.")) from None
        if b"opendocument" in mimetype:
            raise ImportFileError(
                _(
                    "Das ist eine OpenDocument-Tabelle (.ods). Bitte speichern Sie sie als Excel-Arbeitsmappe "
                    "(.xlsx) oder als CSV."
                )
            )
        if "[Content_Types].xml" in names and any(name.startswith("xl/") for name in names):
            return "xlsx"
        raise ImportFileError(_("Die Datei ist ein ZIP-Archiv, aber keine Excel-Arbeitsmappe (.xlsx)."))
    try:
        decode_text(data)
    except ImportFileError:
        raise ImportFileError(
            _("Die Datei ist weder eine Excel-Arbeitsmappe (.xlsx) noch eine CSV-Datei. Bitte prüfen Sie das Format.")
        ) from None
    return "csv"


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode_text(data: bytes) -> str:
    """CSV bytes as text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252."""
    if data.startswith(codecs.BOM_UTF8):
        candidates = [("utf-8", data[len(codecs.BOM_UTF8) :])]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = [("utf-16", data)]
    else:
        candidates = [("utf-8", data), ("cp1252", data)]
    for encoding, body in candidates:
        try:
            text = body.decode(encoding)
        except UnicodeDecodeError:
            continue
        sample = text[:65536]
        if "\x00" in sample or len(_CONTROL.findall(sample)) > max(2, len(sample) // 200):
            break
        return text
    raise ImportFileError(_("Die Datei lässt sich nicht als Text lesen."))


def sniff_delimiter(text: str) -> str:
    """The field separator of a CSV text: semicolon, comma, tab or pipe, whichever splits the rows evenly."""
    sample = text[:65536]
    best, best_score = ";", (-1, -1)
    for delimiter in (";", ",", "\t", "|"):
        try:
            records = list(itertools.islice(csv.reader(io.StringIO(sample), delimiter=delimiter), 40))
        except csv.Error:
            continue
        counts = [len(record) for record in records if any(cell.strip() for cell in record)]
        multi = [count for count in counts if count > 1]
        if not multi:
            continue
        modal = max(set(multi), key=multi.count)
        score = (multi.count(modal), modal)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _csv_rows(data: bytes) -> tuple[str, Iterable[tuple[int, list]]]:
    text = decode_text(data)
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)

    def rows():
        try:
            yield from enumerate(reader, start=1)
        except csv.Error as error:
            raise ImportFileError(
                _("Die CSV-Datei ist fehlerhaft (Zeile %(row)s): %(error)s") % {"row": reader.line_num, "error": error}
            ) from None

    label = {";": _("Semikolon"), ",": _("Komma"), "\t": _("Tabulator"), "|": _("senkrechter Strich")}[delimiter]
    return _("CSV, getrennt durch %(delimiter)s") % {"delimiter": label}, rows()


def _percent_format(number_format: str | None) -> bool:
    if not number_format or "%" not in number_format:
        return False
    return "%" in re.sub(r'"[^"]*"|\\.', "", number_format)


def _xlsx_sheets(data: bytes):
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds of errors for broken files
        raise ImportFileError(_("Die Excel-Datei ist beschädigt und lässt sich nicht öffnen.")) from None

    def rows(worksheet):
        worksheet.reset_dimensions()
        for number, row in enumerate(worksheet.iter_rows(), start=1):
            values = []
            for cell in row:
                value = cell.value
                if (
                    isinstance(value, float | int)
                    and not isinstance(value, bool)
                    and _percent_format(getattr(cell, "number_format", None))
                ):
                    value = ExcelPercent(value)
                values.append(value)
            row_number = getattr(row[0], "row", None) if row else None
            yield row_number or number, values

    return workbook, [(worksheet.title, rows(worksheet)) for worksheet in workbook.worksheets]


# The report ----------------------------------------------------------------------------------------------


@dataclass
class Issue:
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        if self.row is not None and self.column:
            return _("Zeile %(row)s, Spalte „%(column)s“: %(message)s") % {
                "row": self.row,
                "column": self.column,
                "message": self.message,
            }
        if self.row is not None:
            return _("Zeile %(row)s: %(message)s") % {"row": self.row, "message": self.message}
        if self.column:
            return _("Spalte „%(column)s“: %(message)s") % {"column": self.column, "message": self.message}
        return self.message


@dataclass
class Change:
    field: str
    label: str
    before: str
    after: str


CREATE, UPDATE, UNCHANGED, ERROR = "create", "update", "unchanged", "error"
ACTION_LABELS = {
    CREATE: gettext_lazy("neu"),
    UPDATE: gettext_lazy("ändern"),
    UNCHANGED: gettext_lazy("unverändert"),
    ERROR: gettext_lazy("Fehler"),
}


@dataclass
class RowPlan:
    row: int
    title: str
    action: str = ERROR
    measure: Measure | None = None
    expected_version: int | None = None
    data: dict = field(default_factory=dict)
    further_action_fields: list | None = None
    changes: list[Change] = field(default_factory=list)
    errors: list[Issue] = field(default_factory=list)

    @property
    def action_label(self) -> str:
        return str(ACTION_LABELS[self.action])


@dataclass
class Column:
    index: int
    header: str
    key: str | None
    label: str = ""


@dataclass
class ImportOptions:
    default_action_field: ActionField | None = None
    keep_existing_when_empty: bool = False
    may_publish: bool = False

    def as_dict(self) -> dict:
        return {
            "default_action_field": self.default_action_field.pk if self.default_action_field else None,
            "keep_existing_when_empty": self.keep_existing_when_empty,
            "may_publish": self.may_publish,
        }


@dataclass
class ImportReport:
    filename: str
    source: str = ""
    header_row: int | None = None
    columns: list[Column] = field(default_factory=list)
    notes: list[Issue] = field(default_factory=list)
    file_errors: list[Issue] = field(default_factory=list)
    rows: list[RowPlan] = field(default_factory=list)

    @property
    def issues(self) -> list[Issue]:
        return self.file_errors + [issue for row in self.rows for issue in row.errors]

    @property
    def ok(self) -> bool:
        return not self.issues and bool(self.rows)

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)

    @property
    def counts(self) -> dict[str, int]:
        return {action: self.count(action) for action in (CREATE, UPDATE, UNCHANGED, ERROR)}

    @property
    def recognised_columns(self) -> list[Column]:
        return [column for column in self.columns if column.key]

    @property
    def writes(self) -> list[RowPlan]:
        return [row for row in self.rows if row.action in (CREATE, UPDATE)]

    def fingerprint(self) -> str:
        """Identifies what the import would do; a confirmed import must match the preview's fingerprint."""
        payload = [
            [
                row.row,
                row.action,
                row.measure.pk if row.measure else None,
                row.expected_version,
                [[change.field, change.after] for change in row.changes],
            ]
            for row in self.rows
        ]
        return hashlib.sha256(json.dumps(payload, default=str).encode()).hexdigest()

    def summary(self) -> str:
        counts = self.counts
        return _("%(create)s neu, %(update)s geändert, %(unchanged)s unverändert, %(error)s mit Fehlern") % counts

    def as_text(self, *, with_rows: bool = False) -> str:
        """The report as German plain text (for the command line)."""
        lines = [_("Datei: %(name)s") % {"name": self.filename}]
        if self.source:
            line = self.source
            if self.header_row:
                line += _(", Kopfzeile in Zeile %(row)s") % {"row": self.header_row}
            lines.append(line)
        recognised = [f"„{column.header}“ → {column.label}" for column in self.recognised_columns]
        if recognised:
            lines.append(_("Erkannte Spalten: %(columns)s") % {"columns": ", ".join(recognised)})
        for note in self.notes:
            lines.append(_("Hinweis: %(note)s") % {"note": note})
        if with_rows:
            for row in self.rows:
                line = f"  {_('Zeile')} {row.row}: {row.action_label} – {row.title}"
                if row.changes:
                    line += " (" + "; ".join(f"{c.label}: {c.before} → {c.after}" for c in row.changes) + ")"
                lines.append(line)
        issues = self.issues
        if issues:
            lines.append(_("Fehler:"))
            lines.extend(f"  {issue}" for issue in issues)
        lines.append(_("Ergebnis: %(summary)s.") % {"summary": self.summary()})
        return "\n".join(lines)


# Field handling ------------------------------------------------------------------------------------------

TEXT_FIELDS = (
    "reference",
    "title",
    "summary",
    "description",
    "funding_programme",
    "responsible_unit",
    "risks",
    "transfer_note",
)
MONEY_FIELDS = ("investment_cost", "running_cost")
NEVER_CLEARED = {"reference", "title", "action_field", "status", "is_public"}
# Fields the importer writes, in the order of the export's columns.
IMPORT_FIELDS = (
    "reference",
    "title",
    "summary",
    "description",
    "action_field",
    "further_action_fields",
    "status",
    "start_date",
    "end_date",
    "investment_cost",
    "running_cost",
    "funding_programme",
    "funding_share",
    "personnel_effort",
    "responsible_unit",
    "risks",
    "transferability",
    "transfer_note",
    "is_public",
)
_FK_AND_M2M = ["municipality", "action_field", "focus", "source_measure", "further_action_fields", "goals"]


def field_label(key: str) -> str:
    if key == "partners":
        return _("Partner")
    return str(Measure._meta.get_field(key).verbose_name)


def _limits(name: str) -> tuple[int, int]:
    model_field = Measure._meta.get_field(name)
    return model_field.max_digits, model_field.decimal_places


def _money_text(value) -> str:
    return f"{format_decimal(value, 2)}\u00a0€" if value is not None else "–"


def display(name: str, value) -> str:
    """A field value as the preview shows it."""
    if value is None or value == "" or value == []:
        return "–"
    if name in MONEY_FIELDS:
        return _money_text(value)
    if name == "funding_share":
        return f"{format_decimal(value, 2, strip_zeros=True)}\u00a0%"
    if name == "personnel_effort":
        return format_decimal(value, 1, strip_zeros=True)
    if name in ("start_date", "end_date"):
        return format_date(value)
    if name == "status":
        return str(MeasureStatus(value).label)
    if name == "transferability":
        return str(Transferability(value).label)
    if name == "is_public":
        return _("ja") if value else _("nein")
    if name == "action_field":
        return value.name
    if name == "further_action_fields":
        return ", ".join(item.name for item in value)
    text = str(value)
    return text if len(text) <= 140 else text[:139] + "…"


def _plain_text(value) -> str:
    return (value or "").replace("\r\n", "\n").replace("\r", "\n").strip()


def _same(name: str, old, new) -> bool:
    if name in TEXT_FIELDS or name == "transferability":
        return _plain_text(old) == _plain_text(new)
    if name == "action_field":
        return getattr(old, "pk", None) == getattr(new, "pk", None)
    if name == "further_action_fields":
        return {item.pk for item in old} == {item.pk for item in new}
    return old == new


class _ActionFields:
    """The network's action fields, looked up by name or slug, ignoring case, umlauts and punctuation."""

    def __init__(self, network):
        self.fields = list(ActionField.objects.filter(network=network).order_by("order", "name"))
        self.by_key = {}
        for item in self.fields:
            self.by_key.setdefault(compact(item.name), item)
            self.by_key.setdefault(compact(item.slug), item)

    def names(self) -> str:
        return ", ".join(item.name for item in self.fields)

    def find(self, text: str) -> ActionField | None:
        return self.by_key.get(compact(text))

    def one(self, value) -> ActionField | None:
        text = cell_text(value)
        if not text or parsing._is_empty_word(text):
            return None
        found = self.find(text)
        if found is None:
            raise ParseError(
                _("„%(value)s“ ist kein Handlungsfeld dieses Netzwerks (%(names)s).")
                % {"value": text, "names": self.names()}
            )
        return found

    def many(self, value) -> list[ActionField]:
        text = cell_text(value)
        if not text or parsing._is_empty_word(text):
            return []
        found = self.find(text)
        if found is not None:
            return [found]
        result, unknown = [], []
        for part in (part.strip() for part in re.split(r"[;\n|]", text)):
            if not part:
                continue
            # A name may itself contain a comma; only split on commas if the whole part is no action field.
            names = [part] if self.find(part) else [piece.strip() for piece in part.split(",") if piece.strip()]
            for name in names:
                item = self.find(name)
                if item is None:
                    unknown.append(name)
                elif item not in result:
                    result.append(item)
        if unknown:
            raise ParseError(
                _("„%(value)s“ ist kein Handlungsfeld dieses Netzwerks (%(names)s).")
                % {"value": ", ".join(unknown), "names": self.names()}
            )
        return result


def _text(value) -> str:
    text = cell_text(value)
    return "" if text in ("-", "–", "—") else text


_NOTE_START = re.compile(
    r"^(?:quelle|quellen|stand|datenstand|hinweis|hinweise|anmerkung|anmerkungen|bemerkung|legende|fussnote|"
    r"erstellt|bearbeitung|summe|gesamt|gesamtsumme|insgesamt|\*|¹|²)\b"
)
_SUM_START = re.compile(r"^(?:summe|gesamt|gesamtsumme|insgesamt|zwischensumme)\b")


def _looks_like_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", "!")) and len(text.split()) >= 5


class _Planner:
    def __init__(self, *, municipality, filename: str, options: ImportOptions, report: ImportReport):
        self.municipality = municipality
        self.filename = filename
        self.options = options
        self.report = report
        self.action_fields = _ActionFields(municipality.network)
        existing = list(
            Measure.objects.filter(municipality=municipality)
            .select_related("action_field")
            .prefetch_related("further_action_fields")
        )
        self.by_reference: dict[str, list[Measure]] = defaultdict(list)
        self.by_title: dict[str, list[Measure]] = defaultdict(list)
        for measure in existing:
            if measure.reference.strip():
                self.by_reference[measure.reference.strip().casefold()].append(measure)
            self.by_title[normalise_title(measure.title)].append(measure)
        self.claimed: dict[int, int] = {}  # measure id -> row
        self.new_keys: dict[str, int] = {}  # reference/title key of rows that create -> row
        self.labels: dict[str, str] = {}

    def label(self, key: str) -> str:
        if key not in self.labels:
            self.labels[key] = field_label(key)
        return self.labels[key]

    # Columns ---------------------------------------------------------------------------------------------

    def set_columns(self, header: list) -> None:
        seen: dict[str, Column] = {}
        for index, raw in enumerate(header[:MAX_COLUMNS]):
            text = cell_text(raw)
            key = map_header(text) if text else None
            column = Column(index=index, header=text or _("Spalte %(number)s") % {"number": index + 1}, key=key)
            if key == "is_public" and not self.options.may_publish:
                self.report.notes.append(
                    Issue(
                        None,
                        column.header,
                        _(
                            "wird nicht übernommen: Maßnahmen veröffentlichen darf nur die Smart-City-Koordination "
                            "oder die Netzwerk-Geschäftsstelle."
                        ),
                    )
                )
                column.key = None
            elif key and key in seen:
                self.report.notes.append(
                    Issue(
                        None,
                        column.header,
                        _("wird nicht übernommen: „%(label)s“ steht schon in Spalte „%(other)s“.")
                        % {"label": field_label(key), "other": seen[key].header},
                    )
                )
                column.key = None
            elif key:
                seen[key] = column
                column.label = field_label(key)
            elif text:
                self.report.notes.append(Issue(None, text, _("unbekannte Spalte, wird nicht übernommen.")))
            self.report.columns.append(column)
        if "partners" in seen:
            self.report.notes.append(
                Issue(
                    None,
                    seen["partners"].header,
                    _(
                        "Partner werden bei neuen Maßnahmen unter „Herkunft im Detail“ vermerkt, bei bestehenden "
                        "nicht geändert. Partner mit Rolle pflegen Sie in der Maßnahme."
                    ),
                )
            )
        if "title" not in seen:
            self.report.file_errors.append(
                Issue(
                    self.report.header_row,
                    None,
                    _(
                        "Die Datei hat keine Spalte für den Titel der Maßnahme (z. B. „Titel“, „Maßnahme“, "
                        "„Projekt“, „Projekttitel“ oder „Bezeichnung“)."
                    ),
                )
            )
        self.mapped = [column for column in self.report.columns if column.key]
        self.title_index = seen["title"].index if "title" in seen else None

    # Rows ------------------------------------------------------------------------------------------------

    def is_note(self, values: list, trailing: bool) -> str | None:
        """Why a row is skipped as a note or sum line, or None if it is data."""
        filled = [(index, value) for index, value in enumerate(values) if cell_text(value)]
        first_index, first_value = filled[0]
        text = cell_text(first_value)
        key = parsing.fold(text).strip()
        if len(filled) <= 3 and _SUM_START.match(key):
            return _("Summenzeile")
        if len(filled) == 1:
            if _NOTE_START.match(key):
                return _("Anmerkung")
            if trailing and (first_index != self.title_index or len(text) > 200 or _looks_like_sentence(text)):
                return _("Anmerkung unter der Tabelle")
        return None

    def parse(self, number: int, values: list) -> tuple[dict, list[Issue], str]:
        parsed, errors = {}, []
        partners = ""
        for column in self.mapped:
            raw = values[column.index] if column.index < len(values) else None
            key = column.key
            try:
                if key == "partners":
                    partners = _text(raw)
                    continue
                parsed[key] = self.parse_value(key, raw)
            except ParseError as error:
                errors.append(Issue(number, column.header, str(error)))
                parsed[key] = _INVALID
        return parsed, errors, partners

    def parse_value(self, key: str, raw):
        if key in TEXT_FIELDS:
            return _text(raw)
        if key in MONEY_FIELDS or key == "personnel_effort":
            number = parsing.parse_decimal(raw)
            if number is None:
                return None
            if number < 0:
                raise ParseError(_("„%(value)s“: Der Wert darf nicht negativ sein.") % {"value": cell_text(raw)})
            digits, places = _limits(key)
            number = parsing.quantize(number, places, exact=isinstance(raw, str), original=cell_text(raw))
            if abs(number) >= Decimal(10) ** (digits - places):
                raise ParseError(_("„%(value)s“ ist zu groß.") % {"value": cell_text(raw)})
            return number
        if key == "funding_share":
            share = parsing.parse_percent(raw, cell_is_percent=isinstance(raw, ExcelPercent))
            if share is None:
                return None
            share = parsing.quantize(share, 2, exact=False, original=cell_text(raw))
            if not 0 <= share <= 100:
                raise ParseError(
                    _("„%(value)s“: Die Förderquote muss zwischen 0 und 100 %% liegen.") % {"value": cell_text(raw)}
                )
            return share
        if key == "start_date":
            return parsing.parse_date(raw)
        if key == "end_date":
            return parsing.parse_date(raw, period_end=True)
        if key == "status":
            return parsing.parse_status(raw)
        if key == "transferability":
            return parsing.parse_transferability(raw)
        if key == "is_public":
            return parsing.parse_bool(raw)
        if key == "action_field":
            return self.action_fields.one(raw)
        if key == "further_action_fields":
            return self.action_fields.many(raw)
        raise AssertionError(key)

    def match(self, number: int, parsed: dict) -> tuple[Measure | None, Issue | None]:
        reference = parsed.get("reference") or ""
        title_key = normalise_title(parsed.get("title") or "")
        if reference and reference is not _INVALID:
            found = self.by_reference.get(reference.casefold(), [])
            if len(found) == 1:
                return found[0], None
            if len(found) > 1:
                return None, Issue(
                    number, None, _("Die Kennung „%(value)s“ passt zu mehreren Maßnahmen.") % {"value": reference}
                )
            candidates = [m for m in self.by_title.get(title_key, []) if not m.reference.strip()] if title_key else []
        else:
            candidates = self.by_title.get(title_key, [])
        if len(candidates) == 1:
            return candidates[0], None
        if len(candidates) > 1:
            return None, Issue(
                number,
                None,
                _(
                    "Der Titel „%(title)s“ passt zu %(count)s bestehenden Maßnahmen. Bitte geben Sie in der Datei "
                    "eine Kennung an, damit klar ist, welche gemeint ist."
                )
                % {"title": parsed.get("title"), "count": len(candidates)},
            )
        return None, None

    def plan_row(self, number: int, values: list) -> RowPlan:
        parsed, errors, partners = self.parse(number, values)
        title = parsed.get("title") or ""
        plan = RowPlan(row=number, title=title if title is not _INVALID else "")
        title_column = next(column.header for column in self.mapped if column.key == "title")
        measure, problem = self.match(number, parsed) if title or parsed.get("reference") else (None, None)
        if problem:
            errors.append(problem)
        if not title and measure is None:
            errors.append(Issue(number, title_column, _("Der Titel fehlt.")))
        if measure is not None and not title:
            plan.title = measure.title
        if measure is not None:
            if measure.pk in self.claimed:
                errors.append(
                    Issue(
                        number,
                        None,
                        _("Die Zeile betrifft dieselbe Maßnahme wie Zeile %(row)s („%(title)s“).")
                        % {"row": self.claimed[measure.pk], "title": measure.title},
                    )
                )
            else:
                self.claimed[measure.pk] = number
        elif title and not problem:
            keys = [normalise_title(title)]
            reference = parsed.get("reference")
            if reference and reference is not _INVALID:
                keys = [f"ref:{reference.casefold()}"]
            for key in keys:
                if key in self.new_keys:
                    errors.append(
                        Issue(
                            number,
                            None,
                            _("Diese Maßnahme steht schon in Zeile %(row)s der Datei.") % {"row": self.new_keys[key]},
                        )
                    )
                else:
                    self.new_keys[key] = number
        plan.measure = measure
        invalid = {key for key, value in parsed.items() if value is _INVALID}
        values_to_set = {key: value for key, value in parsed.items() if key not in invalid}
        if measure is None:
            self.prepare_create(plan, values_to_set, partners, errors, field_invalid="action_field" in invalid)
        else:
            self.prepare_update(plan, measure, values_to_set, errors)
        self.validate(plan, measure, invalid, errors)
        plan.errors = errors
        if errors:
            plan.action = ERROR
        elif measure is None:
            plan.action = CREATE
        elif plan.data or plan.further_action_fields is not None:
            plan.action = UPDATE
        else:
            plan.action = UNCHANGED
        return plan

    def prepare_create(
        self, plan: RowPlan, values: dict, partners: str, errors: list[Issue], *, field_invalid: bool
    ) -> None:
        data = {}
        further = values.pop("further_action_fields", None) or []
        for key, value in values.items():
            if value is None or value == "":
                continue
            data[key] = value
        if "action_field" not in data:
            if self.options.default_action_field is not None:
                data["action_field"] = self.options.default_action_field
            elif not field_invalid:
                column = next((c.header for c in self.mapped if c.key == "action_field"), None)
                errors.append(
                    Issue(
                        plan.row,
                        column,
                        _(
                            "Das Handlungsfeld fehlt. Tragen Sie es in der Datei ein oder wählen Sie ein "
                            "Handlungsfeld für Zeilen ohne Angabe."
                        ),
                    )
                )
        data.setdefault("status", MeasureStatus.IDEA)
        note = _("Import aus „%(file)s“, Zeile %(row)s") % {"file": self.filename[:120], "row": plan.row}
        if partners:
            note += "; " + _("Partner: %(partners)s") % {"partners": partners}
        data["origin"] = Origin.IMPORT
        data["origin_note"] = note if len(note) <= 300 else note[:299] + "…"
        if data.get("action_field") is not None:
            further = [item for item in further if item.pk != data["action_field"].pk]
        plan.data = data
        plan.further_action_fields = further or None
        plan.changes = [
            Change(key, self.label(key), "–", display(key, value))
            for key, value in data.items()
            if key not in ("origin", "origin_note")
        ]
        if further:
            plan.changes.append(
                Change(
                    "further_action_fields",
                    self.label("further_action_fields"),
                    "–",
                    display("further_action_fields", further),
                )
            )

    def prepare_update(self, plan: RowPlan, measure: Measure, values: dict, errors: list[Issue]) -> None:
        plan.expected_version = measure.version
        data = {}
        further = values.pop("further_action_fields", None)
        for key, value in values.items():
            if value is None or value == "":
                if key in NEVER_CLEARED or self.options.keep_existing_when_empty:
                    continue
                value = "" if key in TEXT_FIELDS or key == "transferability" else None
            old = getattr(measure, key)
            if not _same(key, old, value):
                data[key] = value
                plan.changes.append(Change(key, self.label(key), display(key, old), display(key, value)))
        if further is not None:
            primary = data.get("action_field", measure.action_field)
            further = [item for item in further if item.pk != primary.pk]
            current = list(measure.further_action_fields.all())
            if not further and self.options.keep_existing_when_empty:
                pass
            elif not _same("further_action_fields", current, further):
                plan.further_action_fields = further
                plan.changes.append(
                    Change(
                        "further_action_fields",
                        self.label("further_action_fields"),
                        display("further_action_fields", current),
                        display("further_action_fields", further),
                    )
                )
        plan.data = data

    def validate(self, plan: RowPlan, measure: Measure | None, invalid: set[str], errors: list[Issue]) -> None:
        headers = {column.key: column.header for column in self.mapped}
        checked = set(invalid)
        for key, value in plan.data.items():
            if key in TEXT_FIELDS and isinstance(value, str):
                limit = Measure._meta.get_field(key).max_length
                if limit and len(value) > limit:
                    errors.append(
                        Issue(
                            plan.row,
                            headers.get(key),
                            _("Der Text ist zu lang (höchstens %(limit)s Zeichen, hier %(length)s).")
                            % {"limit": limit, "length": len(value)},
                        )
                    )
                    checked.add(key)
        start = plan.data.get("start_date", measure.start_date if measure else None)
        end = plan.data.get("end_date", measure.end_date if measure else None)
        if start and end and end < start and not {"start_date", "end_date"} & invalid:
            errors.append(
                Issue(
                    plan.row,
                    headers.get("end_date") or headers.get("start_date"),
                    _("Das Ende (%(end)s) liegt vor dem Beginn (%(start)s).")
                    % {"end": format_date(end), "start": format_date(start)},
                )
            )
        if not plan.data:
            return
        # Safety net: the model's own field validation, so the import never fails later than the preview.
        candidate = copy.copy(measure) if measure else Measure(municipality=self.municipality)
        for key, value in plan.data.items():
            if key != "action_field":
                setattr(candidate, key, value)
        exclude = set(_FK_AND_M2M) | checked | {f.name for f in Measure._meta.fields if f.name not in plan.data}
        try:
            candidate.clean_fields(exclude=exclude)
        except ValidationError as error:
            for key, messages in error.message_dict.items():
                for message in messages:
                    errors.append(Issue(plan.row, headers.get(key, field_label(key)), message))


class _Invalid:
    def __repr__(self) -> str:
        return "<invalid>"


_INVALID = _Invalid()


# Planning and applying -----------------------------------------------------------------------------------


def _find_header(rows_iter, report: ImportReport):
    """Consume rows up to and including the header row; returns the header values or None."""
    for position, (number, values) in enumerate(rows_iter):
        if sum(1 for value in values[:MAX_COLUMNS] if map_header(cell_text(value))) >= 2:
            report.header_row = number
            return values
        if position + 1 >= HEADER_SCAN_ROWS:
            break
    return None


def _read(data: bytes, report: ImportReport, planner: _Planner, progress: Progress | None) -> list:
    """The data rows below the header as (row number, values); fills in the report's source and columns."""
    kind = detect_kind(data)
    workbook = None
    try:
        if kind == "xlsx":
            workbook, sheets = _xlsx_sheets(data)
        else:
            source, rows = _csv_rows(data)
            sheets = [(source, rows)]
        header = None
        for name, rows in sheets:
            rows_iter = iter(rows)
            header = _find_header(rows_iter, report)
            if header is not None:
                report.source = _("Tabellenblatt „%(name)s“") % {"name": name} if kind == "xlsx" else name
                break
        if header is None:
            raise ImportFileError(
                _(
                    "In den ersten %(count)s Zeilen steht keine Kopfzeile mit bekannten Spaltennamen "
                    "(z. B. „Titel“, „Handlungsfeld“, „Status“, „Beginn“, „Kosten“)."
                )
                % {"count": HEADER_SCAN_ROWS}
            )
        planner.set_columns(header)
        collected = []
        empty_run = 0
        for number, values in rows_iter:
            if not any(value is not None and cell_text(value) for value in values):
                empty_run += 1
                if empty_run > MAX_EMPTY_RUN:
                    break  # formatted but empty rows to the end of the sheet
                continue
            empty_run = 0
            collected.append((number, values))
            if len(collected) > MAX_ROWS:
                raise ImportFileError(
                    _("Die Datei hat mehr als %(max)s Datenzeilen. Bitte teilen Sie sie auf.")
                    % {"max": format_decimal(Decimal(MAX_ROWS), 0)}
                )
            if progress and len(collected) % 1000 == 0:
                progress("read", len(collected), 0)
        return collected
    finally:
        if workbook is not None:
            workbook.close()


def plan_import(
    *,
    municipality,
    data: bytes,
    filename: str,
    options: ImportOptions | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """The dry run: what importing `data` would create, change or leave alone, and every error found."""
    options = options or ImportOptions()
    report = ImportReport(filename=filename)
    planner = _Planner(municipality=municipality, filename=filename, options=options, report=report)
    try:
        rows = _read(data, report, planner, progress)
    except ImportFileError as error:
        report.file_errors.append(Issue(None, None, str(error)))
        return report
    if report.file_errors:
        return report
    last_data = max(
        (index for index, (_, values) in enumerate(rows) if sum(1 for v in values if cell_text(v)) > 1),
        default=-1,
    )
    total = len(rows)
    for index, (number, values) in enumerate(rows):
        reason = planner.is_note(values, trailing=index > last_data)
        if reason:
            text = next(cell_text(value) for value in values if cell_text(value))
            report.notes.append(
                Issue(
                    number,
                    None,
                    _("übersprungen (%(reason)s): „%(text)s“")
                    % {"reason": reason, "text": text if len(text) <= 80 else text[:79] + "…"},
                )
            )
            continue
        report.rows.append(planner.plan_row(number, values))
        if progress and (index + 1) % 250 == 0:
            progress("check", index + 1, total)
    if progress:
        progress("check", total, total)
    if not report.rows and not report.file_errors:
        report.file_errors.append(Issue(None, None, _("Die Datei enthält unter der Kopfzeile keine Maßnahmen.")))
    return report


def apply_import(*, actor, municipality, report: ImportReport, progress: Progress | None = None) -> dict[str, int]:
    """Write a checked report: all rows in one transaction, or nothing. Returns the counts."""
    if not report.ok:
        raise ImportRefused(report.issues or [Issue(None, None, _("Die Datei enthält keine Maßnahmen."))])
    note = _("Import aus „%(file)s“") % {"file": report.filename[:200]}
    writes = report.writes
    total = len(writes)
    with transaction.atomic():
        for done, row in enumerate(writes, start=1):
            m2m = (
                {"further_action_fields": [item.pk for item in row.further_action_fields]}
                if row.further_action_fields is not None
                else None
            )
            try:
                if row.action == CREATE:
                    measure_create(
                        actor=actor,
                        municipality=municipality,
                        data=row.data,
                        m2m=m2m,
                        status_note=note[:500],
                        validated=True,  # the dry run checked every field and constraint of this row
                    )
                else:
                    measure_update(
                        actor=actor,
                        measure=row.measure,
                        data=row.data,
                        expected_version=row.expected_version,
                        m2m=m2m,
                        status_note=note[:500],
                    )
            except StaleEditError:
                raise ImportRefused(
                    [
                        Issue(
                            row.row,
                            None,
                            _(
                                "„%(title)s“ wurde während des Imports von jemand anderem geändert. Es wurde nichts "
                                "gespeichert; bitte prüfen Sie die Vorschau erneut."
                            )
                            % {"title": row.title},
                        )
                    ]
                ) from None
            except ValidationError as error:
                messages = [
                    f"{field_label(key) if key in IMPORT_FIELDS else key}: {message}"
                    for key, items in getattr(error, "message_dict", {"": error.messages}).items()
                    for message in items
                ]
                raise ImportRefused([Issue(row.row, None, message) for message in messages]) from None
            if progress and (done % 250 == 0 or done == total):
                progress("write", done, total)
    return report.counts


def import_measures(
    *,
    actor,
    municipality,
    data: bytes,
    filename: str,
    options: ImportOptions | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Check and (unless `dry_run`) import a file; raises ImportRefused if it has errors."""
    report = plan_import(municipality=municipality, data=data, filename=filename, options=options, progress=progress)
    if not report.ok:
        raise ImportRefused(report.issues or [Issue(None, None, _("Die Datei enthält keine Maßnahmen."))])
    if not dry_run:
        apply_import(actor=actor, municipality=municipality, report=report, progress=progress)
    return report


# Uploaded files waiting for confirmation ----------------------------------------------------------------

PENDING_TTL = datetime.timedelta(hours=2)
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{40,64}$")


@dataclass
class PendingImport:
    token: str
    user_id: int
    municipality_id: int
    filename: str
    sha256: str
    options: dict
    fingerprint: str
    data: bytes = b""

    def import_options(self, municipality, *, may_publish: bool) -> ImportOptions:
        field_id = self.options.get("default_action_field")
        default = ActionField.objects.filter(network=municipality.network, pk=field_id).first() if field_id else None
        return ImportOptions(
            default_action_field=default,
            keep_existing_when_empty=bool(self.options.get("keep_existing_when_empty")),
            may_publish=may_publish,
        )


def _pending_dir() -> Path:
    directory = Path(settings.DATA_DIR) / "imports"
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    return directory


def _pending_paths(token: str) -> tuple[Path, Path]:
    directory = _pending_dir()
    return directory / f"{token}.upload", directory / f"{token}.json"


def purge_pending(now: datetime.datetime | None = None) -> int:
    """Delete uploads older than PENDING_TTL; returns how many were removed."""
    cutoff = (now or timezone.now()).timestamp() - PENDING_TTL.total_seconds()
    removed = 0
    for path in _pending_dir().iterdir():
        if path.suffix in (".upload", ".json") and path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)
            removed += path.suffix == ".json"
    return removed


def store_pending(*, user, municipality, data: bytes, filename: str, options: ImportOptions, fingerprint: str) -> str:
    """Keep an uploaded file server-side until the user confirms the previewed import; returns its token."""
    purge_pending()
    token = secrets.token_urlsafe(32)
    upload, meta = _pending_paths(token)
    descriptor = os.open(upload, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
    descriptor = os.open(meta, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        json.dump(
            {
                "user": user.pk,
                "municipality": municipality.pk,
                "filename": filename,
                "sha256": hashlib.sha256(data).hexdigest(),
                "options": options.as_dict(),
                "fingerprint": fingerprint,
            },
            handle,
        )
    return token


def load_pending(token: str, *, user, municipality) -> PendingImport | None:
    """The upload behind `token` if it belongs to this user and municipality, is unchanged and not expired."""
    if not isinstance(token, str) or not _TOKEN.match(token):
        return None
    upload, meta = _pending_paths(token)
    try:
        info = json.loads(meta.read_text(encoding="utf-8"))
        if meta.stat().st_mtime < timezone.now().timestamp() - PENDING_TTL.total_seconds():
            discard_pending(token)
            return None
        data = upload.read_bytes()
    except (OSError, ValueError):
        return None
    if info.get("user") != user.pk or info.get("municipality") != municipality.pk:
        return None
    if hashlib.sha256(data).hexdigest() != info.get("sha256"):
        return None
    return PendingImport(
        token=token,
        user_id=info["user"],
        municipality_id=info["municipality"],
        filename=str(info.get("filename") or ""),
        sha256=info["sha256"],
        options=info.get("options") or {},
        fingerprint=str(info.get("fingerprint") or ""),
        data=data,
    )


def update_pending_fingerprint(token: str, fingerprint: str) -> None:
    _upload, meta = _pending_paths(token)
    info = json.loads(meta.read_text(encoding="utf-8"))
    info["fingerprint"] = fingerprint
    meta.write_text(json.dumps(info), encoding="utf-8")


def discard_pending(token: str) -> None:
    if isinstance(token, str) and _TOKEN.match(token):
        for path in _pending_paths(token):
            path.unlink(missing_ok=True)
