"""Benchmark: import 10 000 measures from a generated file, compared with a raw bulk insert.

    .venv/bin/python bench/import_measures.py [--rows 10000] [--format xlsx|csv]

Runs on its own: a temporary VORORT_DATA_DIR with a fresh SQLite database, migrated, one network with its
default action fields and one municipality. It generates a German-style file (title row, German headers,
amounts like "1.234,50 €", dates like "01.03.2025" and "Mai 2025"), then times

1. the dry run (read + check, `plan_import`),
2. the import (`apply_import`: one transaction, every row through measure_create with its audit entry
   and status history),
3. a re-import of the same file (every row unchanged, nothing written),
4. `Measure.objects.bulk_create` of the same rows (no validation, no audit), in a second municipality,

and prints rows per second and the ratio of the import to the bulk insert.
"""

from __future__ import annotations

import argparse
import datetime
import io
import os
import random
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path


def _setup(data_dir: str) -> None:
    os.environ["VORORT_DATA_DIR"] = data_dir
    os.environ["DJANGO_SETTINGS_MODULE"] = "vorort.settings"
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("SECRET_KEY", "bench-only-" + "x" * 50)
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


STATUSES = ["Idee", "in Planung", "beschlossen", "laufend", "umgesetzt", "Zurückgestellt"]
MONTHS = ["Jan.", "Feb.", "März", "April", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."]


def _rows(count: int, fields: list[str], seed: int = 2026) -> list[list]:
    rng = random.Random(seed)
    rows = []
    for number in range(1, count + 1):
        start = datetime.date(2024, 1, 1) + datetime.timedelta(days=rng.randrange(0, 900))
        end = start + datetime.timedelta(days=rng.randrange(30, 1200))
        cost = Decimal(rng.randrange(0, 50_000_000)) / 100
        start_text = (
            start.strftime("%d.%m.%Y") if number % 3 else f"{MONTHS[start.month - 1]} {start.year}"
        )  # every third row a month only
        rows.append(
            [
                f"M-{number:05d}",
                f"Maßnahme {number}: {rng.choice(['Sensorik', 'Plattform', 'Mobilstation', 'Beratung'])}",
                f"Kurzbeschreibung der Maßnahme {number}",
                rng.choice(fields),
                rng.choice(STATUSES),
                start_text,
                end.strftime("%d.%m.%Y"),
                f"{cost:,.2f} €".replace(",", "\u0001").replace(".", ",").replace("\u0001", "."),
                f"{rng.randrange(0, 90)} %",
                rng.choice(["Amt 61", "Wirtschaftsförderung", "IT", "Bürgerbüro"]),
            ]
        )
    return rows


HEADER = [
    "Projektnummer",
    "Projekttitel",
    "Kurzfassung",
    "Themenfeld",
    "Stand",
    "Projektstart",
    "Projektende",
    "Gesamtkosten",
    "Förderquote",
    "federführend",
]


def _file(rows: list[list], fmt: str) -> bytes:
    if fmt == "csv":
        import csv

        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
        writer.writerow(["Projektliste (Benchmark)"])
        writer.writerow(HEADER)
        writer.writerows(rows)
        return buffer.getvalue().encode("cp1252", errors="replace")
    import openpyxl

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Projekte")
    sheet.append(["Projektliste (Benchmark)"])
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    sheet.append([])
    sheet.append(["Quelle: generiert für den Benchmark"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--format", choices=["xlsx", "csv"], default="xlsx")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="vorort-bench-") as data_dir:
        _setup(data_dir)
        from django.db import connection, transaction

        from vorort.measures.importing import ImportOptions, apply_import, plan_import
        from vorort.measures.models import Measure
        from vorort.network.models import ActionField, Municipality, Network
        from vorort.network.services import network_ensure_defaults

        network = Network.objects.create(name="Benchmark-Netzwerk", slug="benchmark")
        network_ensure_defaults(actor=None, network=network)
        town = Municipality.objects.create(network=network, name="Bench-Stadt", slug="bench-stadt", population=50_000)
        other = Municipality.objects.create(network=network, name="Bulk-Stadt", slug="bulk-stadt", population=50_000)
        fields = list(ActionField.objects.filter(network=network).values_list("name", flat=True))

        rows = _rows(args.rows, fields)
        data = _file(rows, args.format)
        size = len(data) / 1024 / 1024
        print(f"{args.rows} Zeilen als {args.format.upper()} ({size:.1f} MB), Datenbank: {connection.vendor}")

        started = time.perf_counter()
        report = plan_import(municipality=town, data=data, filename=f"bench.{args.format}", options=ImportOptions())
        planned = time.perf_counter() - started
        assert report.ok, report.as_text()[:2000]
        assert report.counts["create"] == args.rows, report.counts

        started = time.perf_counter()
        apply_import(actor=None, municipality=town, report=report)
        applied = time.perf_counter() - started
        assert Measure.objects.filter(municipality=town).count() == args.rows

        started = time.perf_counter()
        again = plan_import(municipality=town, data=data, filename=f"bench.{args.format}", options=ImportOptions())
        replanned = time.perf_counter() - started
        assert again.counts["unchanged"] == args.rows, again.counts

        # The same rows, already parsed, straight into the table: the floor any import is measured against.
        instances = [Measure(municipality=other, **row.data) for row in report.rows]
        started = time.perf_counter()
        with transaction.atomic():
            Measure.objects.bulk_create(instances, batch_size=1000)
        bulk = time.perf_counter() - started
        assert Measure.objects.filter(municipality=other).count() == args.rows

        total = planned + applied

        def rate(seconds: float) -> str:
            return f"{args.rows / seconds:10,.0f} Zeilen/s".replace(",", ".")

        print(f"Probelauf (lesen + prüfen):     {planned:7.2f} s  {rate(planned)}")
        print(f"Import (schreiben, mit Audit):  {applied:7.2f} s  {rate(applied)}")
        print(f"Probelauf + Import zusammen:    {total:7.2f} s  {rate(total)}")
        print(f"Erneuter Import, alles gleich:  {replanned:7.2f} s  {rate(replanned)}")
        print(f"bulk_create derselben Zeilen:   {bulk:7.2f} s  {rate(bulk)}")
        print(f"Verhältnis Import / bulk_create: {total / bulk:.1f} (nur Schreiben: {applied / bulk:.1f})")


if __name__ == "__main__":
    main()
