"""Benchmark: full-text search over 200 000 published measures, through the service layer.

    .venv/bin/python bench/search.py [--count 200000] [--searches 100]
    .venv/bin/python bench/search.py --postgres postgres://postgres@127.0.0.1:5432/postgres [--count 200000]

SQLite runs in a temporary data directory. With --postgres the URL names a server and a maintenance database: the
benchmark creates a scratch database `vorort_bench` there, and drops it again at the end.

It loads `--count` published measures (seeded, German vocabulary, ten municipalities, two user groups each) with
bulk inserts into the measure table, builds their search documents with the same code as `vorort
rebuild_search_index` and loads the engine's index (FTS5 / tsvector) in one go. Then, in the same run, it times
`--searches` searches (a fixed mix of words, word forms, prefixes, umlaut spellings and two-word queries; every
fourth with a facet filter), each three ways:

1. the service: `vorort.search.selectors.search()` – ranked page of 20 hits, total, all seven facets, hits checked
   against the live objects, facet labels; what the search page gets;
2. the raw engine query for the same answer: the two statements the service sends (facet counts and total, page
   of 20 ranked ids), written out beforehand and run on a bare cursor – no sanitising, no Python objects;
3. the bare ranked match: the best 20 document ids for the same sanitised query and nothing else (bm25 / ts_rank),
   the floor any search pays; the difference to 2. is the price of counting the facets over all matches;
4. a LIKE scan: count and first 20 ids of public measures whose title, summary or description contain the first
   query word (no stemming, no ranking) – what a search without an index would do.

It prints median and p95 latency of each and the ratios of the service to 2. (goal: at most 2×), to 3., and of the
LIKE scan to the service.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

BENCH_DATABASE = "vorort_bench"

TOWNS = [
    ("Beckum", 37_000, False),
    ("Billerbeck", 12_000, True),
    ("Brühl", 44_000, False),
    ("Drensteinfurt", 15_500, True),
    ("Krefeld", 227_000, False),
    ("Münster", 320_000, False),
    ("Siegen", 101_000, False),
    ("Unna", 59_000, False),
    ("Velbert", 81_000, False),
    ("Winterberg", 12_500, True),
]

TOPICS = [
    ("Radweg", "mobilitaet", "Radwege verbinden Ortsteile, Schulen und den Bahnhof sicher."),
    ("Bürgerbus", "mobilitaet", "Ehrenamtliche fahren Bürgerinnen und Bürger zum Arzt und zum Einkauf."),
    ("Straßenbeleuchtung", "nachhaltigkeit", "LED-Leuchten dimmen nachts und sparen Strom auf den Straßen."),
    ("Mobilstation", "mobilitaet", "Bus, Leihrad und Carsharing an einem Ort am Bahnhof."),
    ("Ladesäulen", "mobilitaet", "Öffentliche Ladepunkte für Elektroautos und E-Bikes."),
    ("Lastenrad-Verleih", "mobilitaet", "Lastenräder für Einkauf und Familien zum Ausleihen."),
    ("Parkleitsystem", "mobilitaet", "Sensoren zeigen freie Parkplätze in der Innenstadt."),
    ("Glasfaser", "wirtschaft", "Schnelles Internet für Gewerbegebiete und Schulen."),
    ("WLAN in der Innenstadt", "wirtschaft", "Kostenloses WLAN auf Marktplatz und in der Fußgängerzone."),
    ("Online-Terminvergabe", "verwaltung", "Termine im Bürgerbüro online buchen statt warten."),
    ("Bürgerportal", "verwaltung", "Anträge digital stellen, Bescheide online erhalten."),
    ("Open-Data-Portal", "verwaltung", "Offene Daten der Verwaltung für alle nutzbar machen."),
    ("Mängelmelder", "verwaltung", "Schäden im Stadtgebiet per App melden und verfolgen."),
    ("Hochwasserwarnung", "nachhaltigkeit", "Pegelsensoren warnen Anwohnende früh vor Starkregen."),
    ("Photovoltaik auf Schuldächern", "nachhaltigkeit", "Solarstrom von kommunalen Dächern."),
    ("Wärmenetz", "nachhaltigkeit", "Nahwärme aus Abwärme und Biogas für das Quartier."),
    ("Baumkataster", "nachhaltigkeit", "Stadtbäume digital erfassen, Bewässerung steuern."),
    ("Leerstandsmanagement", "wohnen", "Leere Ladenlokale erfassen und neu vermitteln."),
    ("Quartiersmanagement", "wohnen", "Nachbarschaften im Quartier stärken und begleiten."),
    ("Seniorenwohnen", "wohnen", "Barrierearme Wohnungen mit digitaler Assistenz."),
    ("Innenstadt-App", "wirtschaft", "Handel, Gastronomie und Veranstaltungen in einer App."),
    ("Wochenmarkt digital", "wirtschaft", "Marktstände online bestellen und abholen."),
    ("Co-Working-Space", "wirtschaft", "Arbeitsplätze für Pendlerinnen und Gründer im Ortskern."),
    ("Tourismus-App", "wirtschaft", "Wanderwege, Gastgeber und Sehenswürdigkeiten für Gäste."),
    ("Ehrenamtsbörse", "zivilgesellschaft", "Vereine finden Engagierte, Engagierte finden Aufgaben."),
    ("Nachbarschaftsplattform", "zivilgesellschaft", "Hilfe unter Nachbarn digital organisieren."),
    ("Schul-Tablets", "zivilgesellschaft", "Tablets und Lernplattform für alle Schülerinnen und Schüler."),
    ("Bibliothek als dritter Ort", "zivilgesellschaft", "Makerspace, Lesecafé und digitale Medien."),
    ("Digitale Bürgerbeteiligung", "zivilgesellschaft", "Ideen sammeln, abstimmen und Ergebnisse zeigen."),
    ("Smarte Mülleimer", "nachhaltigkeit", "Füllstandssensoren planen die Leerung."),
]
QUALIFIERS = [
    "im Ortskern",
    "am Bahnhof",
    "für Pendler",
    "im ländlichen Raum",
    "entlang der Bahnstrecke",
    "an Schulen",
    "für ältere Menschen",
    "im Gewerbegebiet",
    "im Neubaugebiet",
    "im Stadtteil Nord",
    "mit Sensorik",
    "als Pilotprojekt",
    "interkommunal",
    "mit Förderung",
    "in Kooperation mit Vereinen",
]
SENTENCES = [
    "Die Maßnahme wurde in einer Strategiewerkstatt mit Bürgerinnen und Bürgern entwickelt.",
    "Die Finanzierung erfolgt über ein Förderprogramm des Landes.",
    "Ein Arbeitskreis aus Verwaltung, Stadtwerken und Vereinen begleitet die Umsetzung.",
    "Erste Erfahrungen zeigen eine hohe Akzeptanz in der Bevölkerung.",
    "Die Daten werden als Open Data veröffentlicht.",
    "Kleine Kommunen können das Vorgehen gut übernehmen.",
    "Die Stadtwerke betreiben die technische Infrastruktur.",
    "Im ländlichen Raum sind die Wege besonders lang.",
    "Pendlerinnen und Pendler profitieren besonders.",
    "Die Beleuchtung der Straßen wird dabei mitgedacht.",
    "Der Radverkehr soll bis 2030 deutlich steigen.",
    "Sensoren messen Luftqualität, Temperatur und Verkehr.",
    "Die Innenstadt soll lebendiger werden.",
    "Ältere Menschen werden bei der Nutzung begleitet.",
    "Schulen und Kitas sind früh eingebunden.",
    "Der Klimaschutz steht im Mittelpunkt.",
]
QUERIES = [
    "Radweg",
    "Radwege",
    "Radwegen",
    "Bürgerbus",
    "Buergerbus",
    "Bürger*innen",
    "Straßenbeleuchtung",
    "strassenbeleuchtung",
    "Straßenbel",
    "Mobilstation Bahnhof",
    "Ladesäule",
    "Lastenrad",
    "Glasfaser Schule",
    "WLAN Innenstadt",
    "Online-Termin",
    "Bürgerportal Antrag",
    "Open Data",
    "Mängelmelder",
    "Hochwasser",
    "Photovoltaik",
    "Wärmenetz Quartier",
    "Baumkataster",
    "Leerstand",
    "Quartier",
    "Senioren",
    "App",
    "Wochenmarkt",
    "Co-Working",
    "Tourismus Wanderwege",
    "Ehrenamt",
    "Nachbarschaft",
    "Tablets",
    "Bibliothek",
    "Beteiligung",
    "Sensor",
    "Müll",
    "Pendler",
    "ländlich",
    "Förderprogramm",
    "Stadtwerke",
    "Klimaschutz",
    "Innenstadt lebendig",
    "Parkplätze",
    "Carsharing",
    "Solarstrom",
    "Verwaltung digital",
    "Mobil",
    "Digital",
]


def _postgres_url(server_url: str, database: str) -> str:
    parts = urlsplit(server_url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{database}", parts.query, parts.fragment))


def _scratch_database(server_url: str, *, create: bool) -> None:
    import psycopg

    parts = urlsplit(server_url)
    dsn = urlunsplit(("postgresql", parts.netloc, parts.path or "/postgres", parts.query, ""))
    with psycopg.connect(dsn, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{BENCH_DATABASE}" WITH (FORCE)')
        if create:
            connection.execute(f'CREATE DATABASE "{BENCH_DATABASE}"')


def _setup(postgres: str | None) -> str:
    os.environ["VORORT_DATA_DIR"] = tempfile.mkdtemp(prefix="vorort-bench-search-")
    os.environ["DJANGO_SETTINGS_MODULE"] = "vorort.settings"
    os.environ.setdefault("SECRET_KEY", "bench-only-" + "x" * 50)
    os.environ["DEBUG"] = "0"
    os.environ["ALLOWED_HOSTS"] = "localhost"
    if postgres:
        _scratch_database(postgres, create=True)
        os.environ["DATABASE_URL"] = _postgres_url(postgres, BENCH_DATABASE)
    else:
        os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False, run_syncdb=True)
    from django.db import connection

    return f"{connection.vendor} {connection.Database.sqlite_version if connection.vendor == 'sqlite' else ''}".strip()


def _load(count: int, seed: int = 2026) -> dict[str, float]:
    """Bulk-insert `count` published measures with benefits; build and load their search documents."""
    from django.db import connection, transaction

    from vorort.measures.models import Benefit, Measure, MeasureStatus
    from vorort.network.models import ActionField, Municipality, Network, UserGroup
    from vorort.network.services import network_ensure_defaults
    from vorort.search.engines import engine
    from vorort.search.models import SearchDocument
    from vorort.search.sources import MEASURES

    rng = random.Random(seed)
    network = Network.objects.create(name="Netzwerk Innenstadt NRW", slug="netzwerk-innenstadt-nrw")
    network_ensure_defaults(actor=None, network=network)
    towns = Municipality.objects.bulk_create(
        [
            Municipality(
                network=network, name=name, slug=name.lower().replace("ü", "ue"), population=population, rural=rural
            )
            for name, population, rural in TOWNS
        ]
    )
    fields = {field.slug: field for field in ActionField.objects.filter(network=network)}
    groups = list(UserGroup.objects.filter(network=network))
    statuses = [value for value in MeasureStatus.values if value not in ("verworfen",)]
    timings = {}
    started = time.perf_counter()
    batch = 10_000
    for start in range(0, count, batch):
        measures = []
        for number in range(start, min(count, start + batch)):
            title, slug, summary = TOPICS[number % len(TOPICS)]
            qualifier = rng.choice(QUALIFIERS)
            description = " ".join(rng.sample(SENTENCES, rng.randint(3, 6)))
            measures.append(
                Measure(
                    municipality=rng.choice(towns),
                    title=f"{title} {qualifier} ({number})",
                    summary=summary,
                    description=description,
                    action_field=fields[slug],
                    status=rng.choice(statuses),
                    is_public=True,
                )
            )
        with transaction.atomic():
            created = Measure.objects.bulk_create(measures, batch_size=2_000)
            Benefit.objects.bulk_create(
                [
                    Benefit(measure=measure, user_group=group, strength=rng.randint(1, 3))
                    for measure in created
                    for group in rng.sample(groups, 2)
                ],
                batch_size=5_000,
            )
    timings["measures"] = time.perf_counter() - started

    started = time.perf_counter()
    with transaction.atomic():
        for chunk in MEASURES.chunks(size=2_000):
            objects = MEASURES.load(chunk, {})
            SearchDocument.objects.bulk_create(
                [
                    SearchDocument(kind=MEASURES.kind, object_id=pk, **MEASURES.document(obj))
                    for pk, obj in objects.items()
                ],
                batch_size=2_000,
            )
        with connection.cursor() as cursor:
            engine().load_all(cursor)
    timings["index"] = time.perf_counter() - started
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    return timings


def _time(function, repeat: int = 1) -> float:
    started = time.perf_counter()
    for _ in range(repeat):
        function()
    return (time.perf_counter() - started) / repeat * 1000


def _summary(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _run(searches: int, seed: int = 7) -> None:
    from django.db import connection

    from vorort.network.models import ActionField, Municipality, SizeClass
    from vorort.search.engines import engine
    from vorort.search.selectors import Filters, _facets_sql, _hits_sql, search
    from vorort.search.text import query_groups, words

    rng = random.Random(seed)
    towns = list(Municipality.objects.all())
    fields = list(ActionField.objects.all())
    plan = []
    for number in range(searches):
        query = QUERIES[number % len(QUERIES)]
        filters = Filters()
        if number % 4 == 3:
            filters = rng.choice(
                [
                    Filters(size_class=rng.choice(SizeClass.values)),
                    Filters(rural=True),
                    Filters(municipality=rng.choice(towns).pk),
                    Filters(action_field=rng.choice(fields).pk, status="in_umsetzung"),
                ]
            )
        plan.append((query, filters))

    like = "ILIKE" if connection.vendor == "postgresql" else "LIKE"
    true = "TRUE" if connection.vendor == "postgresql" else "1"

    def bare(query: str) -> list[int]:
        with connection.cursor() as cursor:
            return engine().raw_ids(cursor, engine().expression(query_groups(query)), 20)

    prepared = {}
    for query, filters in plan:
        groups = query_groups(query)
        prepared[(query, repr(filters))] = (_facets_sql(groups, filters), _hits_sql(groups, filters, 20, 0))

    def raw(query: str, filters) -> int:
        (facets, facet_params), (hits, hit_params) = prepared[(query, repr(filters))]
        with connection.cursor() as cursor:
            cursor.execute(facets, facet_params)
            total = sum(row[-1] for row in cursor.fetchall() if row[0] is not None)
            cursor.execute(hits, hit_params)
            cursor.fetchall()
        return total

    def like_scan(query: str) -> int:
        pattern = f"%{words(query)[0].surface}%"
        condition = f"is_public = {true} AND (title {like} %s OR summary {like} %s OR description {like} %s)"
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM measures_measure WHERE {condition}", [pattern] * 3)  # noqa: S608
            total = cursor.fetchone()[0]
            cursor.execute(f"SELECT id FROM measures_measure WHERE {condition} ORDER BY id LIMIT 20", [pattern] * 3)  # noqa: S608
            cursor.fetchall()
        return total

    for query, filters in plan[: len(QUERIES)]:  # warm the caches once
        search(query, filters)
        raw(query, filters)
        bare(query)
    service_times, raw_times, bare_times, like_times, totals = [], [], [], [], []
    for number, (query, filters) in enumerate(plan):
        # The three ways take turns going first, so none profits more from pages the others just read.
        ways = [
            (service_times, lambda q=query, f=filters: totals.append(search(q, f).total)),
            (raw_times, lambda q=query, f=filters: raw(q, f)),
            (bare_times, lambda q=query: bare(q)),
        ]
        for times, function in ways[number % 3 :] + ways[: number % 3]:
            times.append(_time(function))
    for query, _filters in plan[: min(len(plan), 20)]:  # the scan is slow; 20 of the queries show its cost
        like_times.append(_time(lambda q=query: like_scan(q)))

    service, same, floor, scan = (_summary(values) for values in (service_times, raw_times, bare_times, like_times))
    print(f"searches: {len(plan)} (hits per query: median {statistics.median(totals):.0f}, max {max(totals)})")
    print(f"{'':34}{'median ms':>11}{'p95 ms':>9}")
    print(f"{'1 service search()':34}{service[0]:11.1f}{service[1]:9.1f}")
    print(f"{'2 raw engine query, same answer':34}{same[0]:11.1f}{same[1]:9.1f}")
    print(f"{'3 bare ranked match (top 20 ids)':34}{floor[0]:11.1f}{floor[1]:9.1f}")
    print(f"{'4 LIKE scan (20 queries)':34}{scan[0]:11.1f}{scan[1]:9.1f}")
    print(
        f"service / raw engine query: median {service[0] / same[0]:.2f}×, p95 {service[1] / same[1]:.2f}× (goal ≤ 2×)"
    )
    print(f"service / bare ranked match: median {service[0] / floor[0]:.2f}×, p95 {service[1] / floor[1]:.2f}×")
    print(f"LIKE scan / service: median {scan[0] / service[0]:.1f}×")

    from vorort.measures.models import Measure
    from vorort.search.selectors import similar_measures

    ids = list(Measure.objects.order_by("?").values_list("pk", flat=True)[:20])
    measures = list(Measure.objects.filter(pk__in=ids).select_related("municipality"))
    similar_times = [_time(lambda m=measure: similar_measures(m)) for measure in measures]
    median, p95 = _summary(similar_times)
    print(f"similar measures (20 measure pages): median {median:.1f} ms, p95 {p95:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=200_000, help="published measures to load (default 200 000)")
    parser.add_argument("--searches", type=int, default=100, help="searches to time (default 100)")
    parser.add_argument("--postgres", metavar="URL", help="PostgreSQL server URL; uses a scratch database")
    args = parser.parse_args()
    try:
        engine_name = _setup(args.postgres)
        print(f"engine: {engine_name}, measures: {args.count}")
        timings = _load(args.count)
        print(f"load: measures {timings['measures']:.1f} s, search documents and index {timings['index']:.1f} s")
        _run(args.searches)
    finally:
        if args.postgres:
            from django.db import connections

            connections.close_all()
            _scratch_database(args.postgres, create=False)


if __name__ == "__main__":
    main()
