"""Building spreadsheets for the import tests."""

import csv
import io

import openpyxl


def xlsx(rows: list[list], *, title: str = "Maßnahmen", formats: dict[str, str] | None = None) -> bytes:
    """A workbook with `rows` from A1 on; `formats` sets number formats by cell name, e.g. {"C3": "0%"}."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    for name, number_format in (formats or {}).items():
        sheet[name].number_format = number_format
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows: list[list], *, delimiter: str = ";", encoding: str = "utf-8", bom: bool = False) -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    data = buffer.getvalue().encode(encoding)
    return (b"\xef\xbb\xbf" + data) if bom else data


def read_xlsx(data: bytes) -> list[list]:
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]
