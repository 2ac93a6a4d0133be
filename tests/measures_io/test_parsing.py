"""German numbers, money, percentages, dates and headers, including property tests (hypothesis)."""

import datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vorort.measures import parsing
from vorort.measures.parsing import (
    MONTH_NAMES,
    ParseError,
    format_decimal,
    map_header,
    neutralise,
    parse_bool,
    parse_date,
    parse_decimal,
    parse_percent,
    parse_status,
    unneutralise,
)

# Numbers -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.234,50 €", "1234.50"),
        ("1234,5", "1234.5"),
        ("1.234", "1234"),
        ("18.000", "18000"),
        ("1.234.567,89", "1234567.89"),
        ("75.000 €", "75000"),
        ("4.000,00 €", "4000.00"),
        ("EUR 1.000", "1000"),
        ("1000 EUR", "1000"),
        ("12 Euro", "12"),
        ("-1.234,50", "-1234.50"),
        ("−12", "-12"),
        ("1.234,50-", "-1234.50"),
        ("1 234,50", "1234.50"),
        ("1\u00a0234,50\u00a0€", "1234.50"),
        ("1234.5", "1234.5"),
        ("0.8", "0.8"),
        ("1,234.50", "1234.50"),
        ("2,5 Mio. €", "2500000"),
        ("250 T€", "250000"),
        ("42", "42"),
        ("'-3", "-3"),
    ],
)
def test_german_numbers(text, expected):
    assert parse_decimal(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["", "   ", "-", "–", "k. A.", "€", None])
def test_empty_numbers(text):
    assert parse_decimal(text) is None


@pytest.mark.parametrize("text", ["zwölf", "1,2,3", "1.23.4", "1.234,5.6", "12 Stück", "1.2.3 €"])
def test_invalid_numbers_name_the_value(text):
    with pytest.raises(ParseError) as error:
        parse_decimal(text)
    assert f"„{text}“" in str(error.value)


def test_excel_numbers():
    assert parse_decimal(75000) == Decimal(75000)
    assert parse_decimal(1234.5) == Decimal("1234.5")
    assert parse_decimal(0.1) == Decimal("0.1")
    with pytest.raises(ParseError):
        parse_decimal(True)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("80 %", "80"), ("80", "80"), ("0,8", "80"), ("0.8", "80"), ("12,5 %", "12.5"), ("1", "100"), (0.65, "65")],
)
def test_funding_share(value, expected):
    assert parse_percent(value) == Decimal(expected)


def test_funding_share_from_percent_formatted_cell():
    assert parse_percent(0.8, cell_is_percent=True) == Decimal("80.0")
    assert parse_percent(1, cell_is_percent=True) == Decimal(100)


def _german(number: Decimal, places: int) -> str:
    """Independent formatter: thousands dots, decimal comma."""
    sign = "-" if number < 0 else ""
    whole, _, fraction = f"{abs(number):.{places}f}".partition(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    text = sign + ".".join(groups)
    return f"{text},{fraction}" if places else text


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=2, allow_nan=False, allow_infinity=False))
def test_german_money_round_trips(number):
    text = _german(number, 2)
    assert parse_decimal(text) == number
    assert parse_decimal(f"{text} €") == number
    assert parse_decimal(f"{text}\u00a0EUR") == number


@given(st.integers(min_value=1000, max_value=10**12))
def test_whole_amounts_with_thousands_dots_round_trip(number):
    assert parse_decimal(_german(Decimal(number), 0)) == number


@given(st.decimals(min_value=0, max_value=10**12, places=2, allow_nan=False, allow_infinity=False))
def test_export_format_round_trips(number):
    assert parse_decimal(format_decimal(number, 2)) == number


@given(st.decimals(min_value=Decimal("1.01"), max_value=100, places=2, allow_nan=False, allow_infinity=False))
def test_percent_round_trips(share):
    text = format_decimal(share, 2, strip_zeros=True)
    assert parse_percent(f"{text} %") == share
    assert parse_percent(text) == share


# Dates -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("01.03.2025", datetime.date(2025, 3, 1)),
        ("1.3.25", datetime.date(2025, 3, 1)),
        ("1.3.2025", datetime.date(2025, 3, 1)),
        ("2025-03-01", datetime.date(2025, 3, 1)),
        ("2025-03-01 00:00:00", datetime.date(2025, 3, 1)),
        ("1. März 2025", datetime.date(2025, 3, 1)),
        ("März 2025", datetime.date(2025, 3, 1)),
        ("Maerz 2025", datetime.date(2025, 3, 1)),
        ("Mrz. 2025", datetime.date(2025, 3, 1)),
        ("Mai 2025", datetime.date(2025, 5, 1)),
        ("Sept. 2025", datetime.date(2025, 9, 1)),
        ("03/2025", datetime.date(2025, 3, 1)),
        ("3/2025", datetime.date(2025, 3, 1)),
        ("2025-03", datetime.date(2025, 3, 1)),
        ("Q2 2025", datetime.date(2025, 4, 1)),
        ("2. Quartal 2025", datetime.date(2025, 4, 1)),
        ("2. Halbjahr 2025", datetime.date(2025, 7, 1)),
        ("2025", datetime.date(2025, 1, 1)),
        (2025, datetime.date(2025, 1, 1)),
        (datetime.datetime(2025, 6, 1, 0, 0), datetime.date(2025, 6, 1)),
        (datetime.date(2025, 6, 1), datetime.date(2025, 6, 1)),
        (45658, datetime.date(2025, 1, 1)),  # an Excel serial number in an unformatted cell
    ],
)
def test_dates(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mai 2025", datetime.date(2025, 5, 31)),
        ("Feb. 2024", datetime.date(2024, 2, 29)),
        ("2026", datetime.date(2026, 12, 31)),
        ("Q1 2025", datetime.date(2025, 3, 31)),
        ("1. Halbjahr 2025", datetime.date(2025, 6, 30)),
        ("15.03.2025", datetime.date(2025, 3, 15)),
    ],
)
def test_periods_as_end_dates_mean_their_last_day(text, expected):
    assert parse_date(text, period_end=True) == expected


@pytest.mark.parametrize("text", ["31.02.2025", "32.01.2025", "13/2025", "bald", "Brumaire 2025", "0.0.2025"])
def test_invalid_dates(text):
    with pytest.raises(ParseError) as error:
        parse_date(text)
    assert str(error.value) == f"„{text}“ ist kein gültiges Datum."


dates = st.dates(min_value=datetime.date(1950, 1, 1), max_value=datetime.date(2200, 12, 31))


@given(dates)
def test_full_dates_round_trip(day):
    assert parse_date(day.strftime("%d.%m.%Y")) == day
    assert parse_date(f"{day.day}.{day.month}.{day.year}") == day
    assert parse_date(day.isoformat()) == day
    assert parse_date(f"{day.day}. {MONTH_NAMES[day.month - 1]} {day.year}") == day
    assert parse_date(datetime.datetime(day.year, day.month, day.day, 0, 0)) == day


@given(st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2069, 12, 31)))
def test_two_digit_years_round_trip(day):
    assert parse_date(day.strftime("%-d.%-m.%y")) == day


@given(dates, st.booleans())
def test_months_round_trip_to_their_first_day(day, abbreviated):
    name = MONTH_NAMES[day.month - 1]
    if abbreviated:
        name = {"März": "Mrz."}.get(name, name[:3] + ".")
    first = day.replace(day=1)
    assert parse_date(f"{name} {day.year}") == first
    assert parse_date(f"{day.month:02d}/{day.year}") == first
    assert parse_date(f"{day.year}-{day.month:02d}") == first
    assert parse_date(str(day.year)) == datetime.date(day.year, 1, 1)


# Words -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("Titel", "title"),
        ("Maßnahme", "title"),
        ("MASSNAHME", "title"),
        ("Projekt", "title"),
        ("Projekttitel", "title"),
        (" Bezeichnung ", "title"),
        ("Kurzbeschreibung", "summary"),
        ("Kurzfassung", "summary"),
        ("Projektbeschreibung", "description"),
        ("Themenfeld", "action_field"),
        ("Bereich", "action_field"),
        ("Stand", "status"),
        ("Projektstart", "start_date"),
        ("von", "start_date"),
        ("bis", "end_date"),
        ("Projektende", "end_date"),
        ("Investitionskosten (EUR)", "investment_cost"),
        ("Gesamtkosten in €", "investment_cost"),
        ("Budget", "investment_cost"),
        ("Folgekosten", "running_cost"),
        ("Betriebskosten p.a.", "running_cost"),
        ("laufende Kosten pro Jahr (EUR)", "running_cost"),
        ("Förderprogramm", "funding_programme"),
        ("Foerderung", "funding_programme"),
        ("Förderquote in %", "funding_share"),
        ("federführend", "responsible_unit"),
        ("Zuständigkeit", "responsible_unit"),
        ("Amt", "responsible_unit"),
        ("Ansprechpartner*in", "responsible_unit"),
        ("Ansprechpartner:innen", "responsible_unit"),
        ("Nr.", "reference"),
        ("ID", "reference"),
        ("Projektnummer", "reference"),
        ("Risiken", "risks"),
        ("Personalaufwand (Personentage pro Jahr)", "personnel_effort"),
        ("öffentlich (ja/nein)", "is_public"),
        ("Partner", "partners"),
        ("Bemerkung", None),
        ("", None),
    ],
)
def test_headers(header, key):
    assert map_header(header) == key


@pytest.mark.parametrize(
    ("word", "status"),
    [
        ("Idee", "idee"),
        ("in Planung", "geplant"),
        ("GEPLANT", "geplant"),
        ("beschlossen", "beschlossen"),
        ("laufend", "in_umsetzung"),
        ("In Umsetzung", "in_umsetzung"),
        ("umgesetzt", "abgeschlossen"),
        ("fertig", "abgeschlossen"),
        ("verstetigt", "verstetigt"),
        ("Zurückgestellt", "zurueckgestellt"),
        ("verworfen", "verworfen"),
        ("", None),
    ],
)
def test_status_words(word, status):
    assert parse_status(word) == status


@pytest.mark.parametrize(("word", "value"), [("ja", True), ("Nein", False), ("x", True), ("", None), (True, True)])
def test_booleans(word, value):
    assert parse_bool(word) is value


def test_fold_and_titles():
    assert parsing.fold("Mobilität Straße") == "mobilitaet strasse"
    assert parsing.normalise_title("  Smarte  Parkplätze! ") == parsing.normalise_title("smarte parkplaetze")


# Formula neutralisation --------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["=SUMME(A1:A3)", "+49 2051", "-5", "@Team", "\tx", "\rx", "'=x"])
def test_dangerous_text_is_neutralised(text):
    assert neutralise(text).startswith("'")
    assert unneutralise(neutralise(text)) == text


@given(st.text(max_size=30))
def test_neutralisation_round_trips(text):
    safe = neutralise(text)
    assert not safe.startswith(parsing.FORMULA_STARTS)
    assert unneutralise(safe) == text
