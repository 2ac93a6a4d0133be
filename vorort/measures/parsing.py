"""Reading the values people type into German spreadsheets: numbers, money, percentages, dates, headers.

Every parser takes a raw cell value (str, int, float, Decimal, date, datetime or None) and returns the
Python value, `None` for an empty cell, or raises `ParseError` with a German message that names the value.

Decisions (documented here because they answer ambiguous input):

* Numbers: the comma is the decimal separator. A dot is a thousands separator when it groups exactly three
  digits (``1.234`` and ``18.000`` are read as 1234 and 18000); any other single dot is a decimal point
  (``1234.5``, ``0.8``). With both separators the one that comes last is the decimal separator, so
  ``1.234,50`` and ``1,234.50`` both mean 1234.50. Spaces (also thin and non-breaking) may group thousands.
  ``€``, ``EUR`` and ``Euro`` are dropped; ``-`` and ``−`` make a number negative; a lone dash or
  ``k. A.`` counts as empty.
* Förderquote: ``80 %``, ``80`` and ``0,8`` all mean 80 %. A value with a percent sign, or a cell that Excel
  formats as a percentage (stored as 0.8), is taken as a percentage; a plain number from 0 to 1 is a fraction
  (``0,8`` → 80 %, ``1`` → 100 %); a plain number above 1 is already in percent.
* Dates: ``01.03.2025``, ``1.3.25`` (two-digit years below 70 are 20xx, others 19xx), ``2025-03-01``,
  ``1. März 2025``, real Excel dates and date-times, an Excel serial number in an unformatted cell, and
  periods: ``März 2025``/``Mrz. 2025``/``Mai 2025``, ``03/2025``/``03.2025``/``2025-03``, ``Q1 2025``/
  ``1. Quartal 2025``, ``2. Halbjahr 2025`` and ``2025`` alone. A period is read as its first day; the importer
  asks for the last day (``period_end=True``) for end dates, so that ``Ende: 2026`` means 31.12.2026 and a
  measure running "März 2025 – 2025" is not refused as ending before it starts.
"""

from __future__ import annotations

import calendar
import datetime
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _


class ParseError(ValueError):
    """A cell value that cannot be read; the message is German and names the value."""


# Text ------------------------------------------------------------------------------------------------

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def fold(text: str) -> str:
    """Lower case with umlauts and ß spelled out and other accents dropped: 'Mobilität' -> 'mobilitaet'."""
    text = unicodedata.normalize("NFKC", str(text)).lower().translate(_UMLAUTS)
    text = unicodedata.normalize("NFKD", text)
    return "".join(char for char in text if not unicodedata.combining(char))


def compact(text: str) -> str:
    """`fold`, then only letters and digits: 'Förder-Quote ' -> 'foerderquote'."""
    return re.sub(r"[^a-z0-9]+", "", fold(text))


def normalise_title(text: str) -> str:
    """The key under which titles are compared: case, umlauts, spacing and punctuation do not count."""
    return compact(text)


_GENDER = re.compile(r"(?<=[a-z])(?:[*:_/]\s*innen|[*:_/]\s*in|innen)\b")
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_CURRENCY = re.compile(r"(?:\bin\s+)?(?:€|\beur\b|\beuro\b)")


def header_key(text) -> str:
    """Normalise a column header: 'Investitionskosten (EUR)' -> 'investitionskosten',
    'Ansprechpartner*in' -> 'ansprechpartner', 'Förderquote in %' -> 'foerderquote'."""
    if text is None:
        return ""
    folded = fold(str(text)).strip()
    folded = _BRACKETS.sub(" ", folded)
    folded = _GENDER.sub("", folded)
    folded = _CURRENCY.sub(" ", folded)
    folded = re.sub(r"\bin\s*%|%", " ", folded)
    return re.sub(r"[^a-z0-9]+", "", folded)


# Formula neutralisation ------------------------------------------------------------------------------

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """Prefix an apostrophe so no spreadsheet runs the cell as a formula (=, +, -, @, tab, CR at the start).
    A text that already starts with apostrophes before such a character gets one more, so that
    `unneutralise` gives back exactly the original."""
    if text and text.lstrip("'").startswith(FORMULA_STARTS):
        return "'" + text
    return text


def unneutralise(text: str) -> str:
    """Undo `neutralise`: drop one leading apostrophe that protects a formula character."""
    if text.startswith("'") and text.lstrip("'").startswith(FORMULA_STARTS):
        return text[1:]
    return text


# Numbers ---------------------------------------------------------------------------------------------

_EMPTY_WORDS = {"", "-", "–", "—", "ka", "keineangabe", "keineangaben", "na", "nv"}
_SPACES = re.compile(r"[\s\u00a0\u2009\u202f']+")
_GROUPED_DOTS = re.compile(r"^[1-9]\d{0,2}(?:\.\d{3})+$")
_GROUPED_COMMAS = re.compile(r"^[1-9]\d{0,2}(?:,\d{3}){2,}$")
_GERMAN = re.compile(r"^[1-9]\d{0,2}(?:\.\d{3})+,\d+$")
_ENGLISH = re.compile(r"^[1-9]\d{0,2}(?:,\d{3})+\.\d+$")
_CURRENCY_WORDS = re.compile(r"(?i)€|euro|eur")
_SCALE = [
    (re.compile(r"(?i)\s*(?:mio|millionen|million)\.?\s*(?:€|euro|eur)?$"), Decimal(1_000_000)),
    (re.compile(r"(?i)(?<![a-z])\s*(?:tsd|tausend|t)\.?\s*(?:€|euro|eur)?$"), Decimal(1_000)),
]


def _is_empty_word(text: str) -> bool:
    return compact(text) in _EMPTY_WORDS and not re.search(r"\d", text)


def _number_text(text: str, original: str) -> Decimal:
    body = text
    if "," in body and "." in body:
        if body.rfind(",") > body.rfind("."):
            if not _GERMAN.match(body):
                raise ParseError(_("„%(value)s“ ist keine gültige Zahl.") % {"value": original})
            body = body.replace(".", "").replace(",", ".")
        else:
            if not _ENGLISH.match(body):
                raise ParseError(_("„%(value)s“ ist keine gültige Zahl.") % {"value": original})
            body = body.replace(",", "")
    elif "," in body:
        body = body.replace(",", "") if _GROUPED_COMMAS.match(body) else body.replace(",", ".")
    elif "." in body and _GROUPED_DOTS.match(body):
        body = body.replace(".", "")
    if not re.fullmatch(r"\d+(?:\.\d+)?|\.\d+|\d+\.", body):
        raise ParseError(_("„%(value)s“ ist keine gültige Zahl.") % {"value": original})
    return Decimal(body)


def parse_decimal(value) -> Decimal | None:
    """A German (or plain) number or amount of money: '1.234,50 €' -> Decimal('1234.50')."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ParseError(_("„%(value)s“ ist keine Zahl.") % {"value": "WAHR" if value else "FALSCH"})
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ParseError(_("„%(value)s“ ist keine gültige Zahl.") % {"value": value})
        return Decimal(repr(value))
    if isinstance(value, datetime.date):
        raise ParseError(_("„%(value)s“ ist ein Datum, keine Zahl.") % {"value": value.strftime("%d.%m.%Y")})
    original = str(value).strip()
    text = unneutralise(original)
    if _is_empty_word(text):
        return None
    scale = Decimal(1)
    for pattern, factor in _SCALE:
        scaled = pattern.sub("", text.strip())
        if scaled != text.strip() and re.search(r"\d", scaled):
            text, scale = scaled, factor
            break
    text = _CURRENCY_WORDS.sub("", text)
    text = _SPACES.sub("", text)
    negative = False
    if text[:1] in ("-", "−", "–"):
        negative, text = True, text[1:]
    elif text[:1] == "+":
        text = text[1:]
    elif text[-1:] in ("-", "−"):
        negative, text = True, text[:-1]
    if not text:
        raise ParseError(_("„%(value)s“ ist keine gültige Zahl.") % {"value": original})
    number = _number_text(text, original) * scale
    return -number if negative else number


def parse_percent(value, *, cell_is_percent: bool = False) -> Decimal | None:
    """A share in percent (0–100): '80 %', '80', '0,8' and a percent-formatted cell holding 0.8 give 80."""
    if value is None:
        return None
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        number = parse_decimal(value)
        if cell_is_percent:
            return number * 100
        return number * 100 if 0 <= number <= 1 else number
    text = str(value).strip()
    if _is_empty_word(text):
        return None
    has_sign = "%" in text
    number = parse_decimal(text.replace("%", "").replace("Prozent", "").replace("prozent", ""))
    if number is None:
        raise ParseError(_("„%(value)s“ ist keine gültige Prozentangabe.") % {"value": text})
    if has_sign or cell_is_percent:
        return number
    return number * 100 if 0 <= number <= 1 else number


def quantize(number: Decimal, places: int, *, exact: bool, original) -> Decimal:
    """Round to `places` decimals. Typed text must not have more (`exact`); Excel floats are rounded."""
    step = Decimal(1).scaleb(-places)
    rounded = number.quantize(step, rounding=ROUND_HALF_UP)
    if exact and rounded != number:
        if places == 0:
            message = _("„%(value)s“ muss eine ganze Zahl sein.")
        elif places == 1:
            message = _("„%(value)s“ hat zu viele Nachkommastellen (höchstens eine).")
        else:
            message = _("„%(value)s“ hat zu viele Nachkommastellen (höchstens %(places)s).")
        raise ParseError(message % {"value": original, "places": places})
    return rounded


def format_decimal(number: Decimal | None, places: int = 2, *, strip_zeros: bool = False) -> str:
    """Decimal('1234.5') -> '1.234,50'; `strip_zeros` drops trailing decimal zeros ('80', '12,5')."""
    if number is None:
        return ""
    number = Decimal(number).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{number:,.{places}f}"
    if strip_zeros and "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(",", "\u0001").replace(".", ",").replace("\u0001", ".")


# Booleans --------------------------------------------------------------------------------------------

_TRUE = {"ja", "j", "x", "wahr", "true", "yes", "y", "1", "oeffentlich", "veroeffentlicht", "public"}
_FALSE = {"nein", "n", "falsch", "false", "no", "0", "intern", "nichtoeffentlich", "internal"}


def parse_bool(value) -> bool | None:
    """ja/nein, x, wahr/falsch, 1/0, öffentlich/intern, or an Excel TRUE/FALSE."""
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float | Decimal) and value in (0, 1):
        return bool(value)
    text = str(value).strip()
    if _is_empty_word(text):
        return None
    key = compact(text)
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise ParseError(_("„%(value)s“ ist weder „ja“ noch „nein“.") % {"value": text})


# Dates -----------------------------------------------------------------------------------------------

MONTHS = {
    "januar": 1,
    "jan": 1,
    "jaenner": 1,
    "jaen": 1,
    "january": 1,
    "februar": 2,
    "feb": 2,
    "febr": 2,
    "february": 2,
    "maerz": 3,
    "mrz": 3,
    "maer": 3,
    "mar": 3,
    "march": 3,
    "april": 4,
    "apr": 4,
    "mai": 5,
    "may": 5,
    "juni": 6,
    "jun": 6,
    "june": 6,
    "juli": 7,
    "jul": 7,
    "july": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "oct": 10,
    "october": 10,
    "november": 11,
    "nov": 11,
    "dezember": 12,
    "dez": 12,
    "dec": 12,
    "december": 12,
}
MONTH_NAMES = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
]

MIN_YEAR, MAX_YEAR = 1950, 2200
# Excel serial numbers for 1.1.1950 and 31.12.2200 (1900 date system).
_SERIAL_RANGE = (18264, 110960)

_DMY = re.compile(r"^(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_DMY_TIME = re.compile(r"^(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})\s+\d{1,2}:\d{2}(?::\d{2})?$")
_DAY_MONTH_NAME = re.compile(r"^(\d{1,2})\.?\s*([a-zäöüß]+)\.?\s*(\d{4})$")
_MONTH_NAME = re.compile(r"^([a-zäöüß]+)\.?\s*'?(\d{4}|\d{2})$")
_MONTH_NUMBER = re.compile(r"^(\d{1,2})\s*[/.]\s*(\d{4})$")
_YEAR_MONTH = re.compile(r"^(\d{4})\s*[-/]\s*(\d{1,2})$")
_QUARTER = re.compile(r"^(?:q\s*([1-4])|([1-4])\.?\s*(?:quartal|qu\.?|q))\s*[/.\-]?\s*(\d{4})$")
_HALF = re.compile(r"^([12])\.?\s*(?:halbjahr|hj\.?)\s*(\d{4})$")
_YEAR = re.compile(r"^(\d{4})$")


def _invalid(original) -> ParseError:
    return ParseError(_("„%(value)s“ ist kein gültiges Datum.") % {"value": original})


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 70 else 1900
    return year


def _make(year: int, month: int, day: int, original) -> datetime.date:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise _invalid(original)
    try:
        return datetime.date(year, month, day)
    except ValueError:
        raise _invalid(original) from None


def _period(year: int, first_month: int, months: int, period_end: bool, original) -> datetime.date:
    if not 1 <= first_month <= 12:
        raise _invalid(original)
    if not period_end:
        return _make(year, first_month, 1, original)
    last_month = first_month + months - 1
    return _make(year, last_month, calendar.monthrange(year, last_month)[1], original)


def _from_serial(number: float, original) -> datetime.date:
    if not _SERIAL_RANGE[0] <= number <= _SERIAL_RANGE[1]:
        raise _invalid(original)
    return datetime.date(1899, 12, 30) + datetime.timedelta(days=int(number))


def parse_date(value, *, period_end: bool = False) -> datetime.date | None:
    """A German (or ISO) date, an Excel date, or a month/quarter/half-year/year (its first day, or its last
    day with `period_end`)."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return _make(value.year, value.month, value.day, value.strftime("%d.%m.%Y"))
    if isinstance(value, datetime.date):
        return _make(value.year, value.month, value.day, value.strftime("%d.%m.%Y"))
    if isinstance(value, bool):
        raise _invalid("WAHR" if value else "FALSCH")
    if isinstance(value, int | float | Decimal):
        number = float(value)
        if number.is_integer() and MIN_YEAR <= number <= MAX_YEAR:
            return _period(int(number), 1, 12, period_end, int(number))
        return _from_serial(number, value)
    original = str(value).strip()
    text = unneutralise(original)
    if _is_empty_word(text):
        return None
    text = re.sub(r"\s+", " ", fold(text).strip())
    if match := _DMY.match(text) or _DMY_TIME.match(text):
        day, month, year = match.groups()
        return _make(_year(year), int(month), int(day), original)
    if match := _ISO.match(text):
        year, month, day = match.groups()
        return _make(int(year), int(month), int(day), original)
    if match := _QUARTER.match(text):
        quarter = int(match.group(1) or match.group(2))
        return _period(int(match.group(3)), 3 * quarter - 2, 3, period_end, original)
    if match := _HALF.match(text):
        half, year = match.groups()
        return _period(int(year), 1 if half == "1" else 7, 6, period_end, original)
    if match := _DAY_MONTH_NAME.match(text):
        day, name, year = match.groups()
        month = MONTHS.get(compact(name))
        if month is None:
            raise _invalid(original)
        return _make(int(year), month, int(day), original)
    if match := _MONTH_NAME.match(text):
        name, year = match.groups()
        month = MONTHS.get(compact(name))
        if month is None:
            raise _invalid(original)
        return _period(_year(year), month, 1, period_end, original)
    if match := _MONTH_NUMBER.match(text):
        month, year = match.groups()
        return _period(int(year), int(month), 1, period_end, original)
    if match := _YEAR_MONTH.match(text):
        year, month = match.groups()
        return _period(int(year), int(month), 1, period_end, original)
    if match := _YEAR.match(text):
        return _period(int(match.group(1)), 1, 12, period_end, original)
    if re.fullmatch(r"\d{5,6}(?:[.,]\d+)?", text):
        return _from_serial(float(text.replace(",", ".")), original)
    raise _invalid(original)


def format_date(value: datetime.date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


# Text cells ------------------------------------------------------------------------------------------


def cell_text(value) -> str:
    """Any cell as text: numbers German-style without a trailing ',0', dates as dd.mm.yyyy, line breaks
    normalised to \\n, a protecting apostrophe from an export removed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0, 0):
            return value.strftime("%d.%m.%Y")
        return value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float | Decimal):
        number = Decimal(repr(value)) if isinstance(value, float) else value
        if number == number.to_integral_value():
            return str(int(number))
        return str(number).replace(".", ",")
    text = unneutralise(str(value).lstrip(" "))
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


# Column headers --------------------------------------------------------------------------------------

# Column key -> header words people use for it (compared after `header_key`). The first word of each list
# is the header the export writes.
HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "reference": (
        "Kennung",
        "Nr.",
        "Nummer",
        "ID",
        "Projektnummer",
        "Projekt-Nr.",
        "Maßnahmennummer",
        "Maßnahmen-Nr.",
        "Maßnahme Nr.",
        "lfd. Nr.",
        "laufende Nummer",
        "Kennziffer",
        "Kürzel",
        "Code",
        "Referenz",
        "Reference",
    ),
    "title": (
        "Titel",
        "Maßnahme",
        "Maßnahmentitel",
        "Maßnahmenname",
        "Name der Maßnahme",
        "Maßnahmenbezeichnung",
        "Projekt",
        "Projekttitel",
        "Projektname",
        "Projektbezeichnung",
        "Name des Projekts",
        "Bezeichnung",
        "Vorhaben",
        "Name",
        "Title",
    ),
    "summary": ("Kurzbeschreibung", "Kurzfassung", "Kurztext", "Zusammenfassung", "Kurzbeschrieb", "Summary"),
    "description": (
        "Beschreibung",
        "Projektbeschreibung",
        "Maßnahmenbeschreibung",
        "Beschreibung der Maßnahme",
        "Langbeschreibung",
        "Erläuterung",
        "Inhalt",
        "Details",
        "Description",
    ),
    "action_field": (
        "Handlungsfeld",
        "Themenfeld",
        "Bereich",
        "Handlungsbereich",
        "Themenbereich",
        "Thema",
        "Cluster",
        "Action field",
    ),
    "further_action_fields": (
        "weitere Handlungsfelder",
        "weiteres Handlungsfeld",
        "zusätzliche Handlungsfelder",
        "Nebenhandlungsfelder",
        "weitere Themenfelder",
    ),
    "status": (
        "Status",
        "Stand",
        "Projektstatus",
        "Projektstand",
        "Umsetzungsstand",
        "Umsetzungsstatus",
        "Sachstand",
    ),
    "start_date": (
        "Beginn",
        "Start",
        "Projektstart",
        "Projektbeginn",
        "Maßnahmenbeginn",
        "Umsetzungsbeginn",
        "Startdatum",
        "Beginndatum",
        "Laufzeit von",
        "Zeitraum von",
        "von",
        "Start date",
    ),
    "end_date": (
        "Ende",
        "Projektende",
        "Maßnahmenende",
        "Umsetzungsende",
        "Enddatum",
        "Laufzeit bis",
        "Zeitraum bis",
        "Fertigstellung",
        "Abschluss",
        "bis",
        "End",
        "End date",
    ),
    "investment_cost": (
        "Investitionskosten",
        "Investition",
        "Investitionen",
        "Investitionsvolumen",
        "Kosten",
        "Gesamtkosten",
        "Projektkosten",
        "Budget",
        "Projektbudget",
        "Projektvolumen",
        "Finanzvolumen",
        "Volumen",
        "Kostenschätzung",
        "geschätzte Kosten",
        "einmalige Kosten",
        "Betrag",
        "Investment cost",
    ),
    "running_cost": (
        "laufende Kosten pro Jahr",
        "laufende Kosten",
        "laufende Kosten p.a.",
        "laufende Kosten jährlich",
        "Folgekosten",
        "Folgekosten p.a.",
        "Folgekosten pro Jahr",
        "jährliche Folgekosten",
        "Betriebskosten",
        "Betriebskosten p.a.",
        "Betriebskosten pro Jahr",
        "jährliche Betriebskosten",
        "jährliche Kosten",
        "Kosten p.a.",
        "Kosten pro Jahr",
        "Unterhaltungskosten",
        "Wartungskosten",
        "Running cost",
    ),
    "funding_programme": (
        "Förderprogramm",
        "Förderung",
        "Fördermittel",
        "Fördermittelgeber",
        "Fördergeber",
        "Fördertopf",
        "Finanzierung",
        "Funding programme",
    ),
    "funding_share": ("Förderquote", "Förderanteil", "Fördersatz", "Funding share"),
    "personnel_effort": (
        "Personalaufwand",
        "Personalaufwand pro Jahr",
        "Personaleinsatz",
        "Personalbedarf",
        "Personentage",
        "Personentage pro Jahr",
        "PT",
        "Personnel effort",
    ),
    "responsible_unit": (
        "federführende Stelle",
        "federführend",
        "Federführung",
        "Zuständigkeit",
        "zuständig",
        "zuständige Stelle",
        "verantwortlich",
        "Verantwortung",
        "verantwortliche Stelle",
        "Amt",
        "Fachamt",
        "Fachbereich",
        "Organisationseinheit",
        "Ansprechpartner",
        "Ansprechperson",
        "Kontakt",
        "Responsible unit",
    ),
    "risks": ("Risiken", "Risiko", "Hemmnisse", "Risiken und Hemmnisse", "Risks"),
    "transferability": ("Übertragbarkeit", "übertragbar", "Transferability"),
    "transfer_note": (
        "Hinweise für andere Kommunen",
        "Transferhinweise",
        "Hinweise zur Übertragbarkeit",
        "Transfer note",
    ),
    "is_public": ("öffentlich", "veröffentlicht", "veröffentlichen", "Sichtbarkeit", "Public"),
    "partners": ("Partner", "Projektpartner", "Kooperationspartner", "Beteiligte", "Akteure", "Partners"),
}

HEADER_KEYS: dict[str, str] = {header_key(word): field for field, words in HEADER_SYNONYMS.items() for word in words}


def map_header(text) -> str | None:
    """The column key for a header cell, or None if the header is unknown."""
    return HEADER_KEYS.get(header_key(text)) if text is not None else None


# Status and transferability words ----------------------------------------------------------------------

STATUS_WORDS: dict[str, tuple[str, ...]] = {
    "idee": ("Idee", "Projektidee", "Vorschlag", "Ideenphase", "Ideensammlung", "offen", "neu", "idea"),
    "geplant": (
        "geplant",
        "in Planung",
        "Planung",
        "Planungsphase",
        "in Vorbereitung",
        "Vorbereitung",
        "Konzeption",
        "in Konzeption",
        "Konzeptphase",
        "planned",
    ),
    "beschlossen": (
        "beschlossen",
        "Beschluss",
        "Ratsbeschluss",
        "genehmigt",
        "bewilligt",
        "freigegeben",
        "adopted",
    ),
    "in_umsetzung": (
        "in Umsetzung",
        "in_umsetzung",
        "Umsetzung",
        "laufend",
        "läuft",
        "in Arbeit",
        "in Bearbeitung",
        "in Durchführung",
        "gestartet",
        "begonnen",
        "aktiv",
        "in progress",
        "ongoing",
    ),
    "abgeschlossen": (
        "abgeschlossen",
        "umgesetzt",
        "fertig",
        "fertiggestellt",
        "erledigt",
        "beendet",
        "realisiert",
        "done",
        "completed",
    ),
    "verstetigt": ("verstetigt", "Verstetigung", "Regelbetrieb", "im Regelbetrieb", "Dauerbetrieb", "sustained"),
    "zurueckgestellt": (
        "zurückgestellt",
        "zurueckgestellt",
        "pausiert",
        "ruhend",
        "aufgeschoben",
        "verschoben",
        "on hold",
        "deferred",
    ),
    "verworfen": ("verworfen", "abgelehnt", "abgebrochen", "gestoppt", "eingestellt", "rejected", "cancelled"),
}
_STATUS_KEYS = {compact(word): status for status, words in STATUS_WORDS.items() for word in words}


def parse_status(value) -> str | None:
    """A German status word (and common variants) -> MeasureStatus value."""
    text = cell_text(value)
    if _is_empty_word(text):
        return None
    status = _STATUS_KEYS.get(compact(text))
    if status is None:
        raise ParseError(
            _(
                "„%(value)s“ ist kein bekannter Status (Idee, Geplant, Beschlossen, In Umsetzung, Abgeschlossen, "
                "Verstetigt, Zurückgestellt, Verworfen)."
            )
            % {"value": text}
        )
    return status


TRANSFERABILITY_WORDS: dict[str, tuple[str, ...]] = {
    "": ("nicht bewertet", "unbekannt", "offen"),
    "hoch": ("hoch", "gut", "gut übertragbar", "sehr gut", "ja"),
    "mittel": ("mittel", "mit Anpassungen", "mit Anpassungen übertragbar", "teilweise", "bedingt"),
    "gering": ("gering", "niedrig", "kaum", "kaum übertragbar", "nein", "nicht übertragbar"),
}
_TRANSFER_KEYS = {compact(word): key for key, words in TRANSFERABILITY_WORDS.items() for word in words}


def parse_transferability(value) -> str | None:
    text = cell_text(value)
    if _is_empty_word(text):
        return None
    key = _TRANSFER_KEYS.get(compact(text))
    if key is None:
        raise ParseError(
            _("„%(value)s“ ist keine bekannte Übertragbarkeit (gut, mit Anpassungen, kaum, nicht bewertet).")
            % {"value": text}
        )
    return key
