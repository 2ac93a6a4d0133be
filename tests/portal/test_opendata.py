"""Open data (vorort.portal.opendata): the downloads on /opendaten/ and `vorort export_opendata`.

The `portal` fixture (conftest.py) puts the word SECRET into every kind of internal content; none of it may appear
in any file, neither on the web nor from the command. Records carry stable ids and URIs; CSV is RFC 4180 with
formula cells neutralised; the DCAT-AP.de catalogue describes every file under CC BY 4.0; a download's query count
does not depend on the amount of data.
"""

import csv
import datetime
import io
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.events.support import make_event
from tests.search.support import field, make_measure
from vorort.measures.services import measure_milestone_create
from vorort.portal import opendata, selectors
from vorort.strategy import services as strategy

from .conftest import SECRET

pytestmark = pytest.mark.django_db

BASE = "http://testserver"
DATASETS = ["massnahmen", "formate", "indikatoren", "messwerte"]
FILES = [f"{slug}.{extension}" for slug in DATASETS for extension in ("csv", "json")]


def url(filename: str) -> str:
    if filename == opendata.CATALOGUE_FILE:
        return reverse("portal:opendata_catalogue")
    slug, extension = filename.split(".")
    return reverse("portal:opendata_download", kwargs={"dataset": slug, "extension": extension})


def fetch(client, filename: str) -> str:
    response = client.get(url(filename))
    assert response.status_code == 200, filename
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return body.decode("utf-8")


def records(client, slug: str) -> list[dict]:
    return json.loads(fetch(client, f"{slug}.json"))["records"]


def csv_rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.fixture
def more_secrets(portal, town_a, town_b):
    """Indicators under Billerbeck's focus (its vision is only a draft), an online link of a public event,
    an internal network event, an adopted copy of an internal measure."""
    focus = town_b.foci.get()
    goal = strategy.goal_create(actor=None, focus=focus, title=f"{SECRET}-Ziel")
    indicator = strategy.indicator_create(
        actor=None,
        goal=goal,
        name=f"{SECRET}-Indikator",
        unit="Anzahl",
        baseline_value=Decimal("1"),
        baseline_date=datetime.date(2024, 1, 1),
        target_value=Decimal("2"),
        target_date=datetime.date(2030, 1, 1),
    )
    strategy.measurement_create(
        actor=None, indicator=indicator, measured_on=datetime.date(2025, 2, 1), value=Decimal("1.5")
    )
    make_event(
        municipality=town_a,
        title="Webinar Radverkehr",
        is_public=True,
        mode="digital",
        location="",
        online_url=f"https://meet.example.org/{SECRET}",
    )
    make_event(network=town_a.network, title=f"{SECRET} Netzwerktreffen", description=SECRET)
    copy = make_measure(town_b, "Übernommener Radweg", source_measure=portal["internal"], origin="uebernommen")
    return {"indicator": indicator, "copy": copy}


# Nothing internal leaks --------------------------------------------------------------------------------------------


def test_no_download_contains_internal_content(client, portal, more_secrets):
    for filename in [*FILES, opendata.CATALOGUE_FILE]:
        assert SECRET.lower() not in fetch(client, filename).lower(), filename
    page = client.get(reverse("portal:opendata"))
    assert page.status_code == 200
    assert SECRET.lower() not in page.content.decode().lower()


def test_signed_in_users_download_the_same(client_for, users, portal, more_secrets):
    for role in ["network_admin", "coordinator"]:
        client = client_for(users[role])
        for filename in FILES:
            assert SECRET.lower() not in fetch(client, filename).lower(), (role, filename)


def test_command_files_contain_nothing_internal(portal, more_secrets, tmp_path):
    call_command(
        "export_opendata", "-o", str(tmp_path), "--base-url", "https://portal.example.org/", stdout=io.StringIO()
    )
    written = sorted(path.name for path in tmp_path.iterdir())
    assert written == sorted([*FILES, opendata.CATALOGUE_FILE])
    for path in tmp_path.iterdir():
        assert SECRET.lower() not in path.read_text(encoding="utf-8").lower(), path.name


def test_exactly_the_published_records(client, portal, more_secrets, town_a):
    measures = records(client, "massnahmen")
    assert {row["id"] for row in measures} == set(selectors.public_measures().values_list("id", flat=True))
    assert {row["id"] for row in measures} == {portal["radweg"].pk, portal["pendler"].pk, more_secrets["copy"].pk}
    events = records(client, "formate")
    assert {row["title"] for row in events} == {"Bürgerforum Radverkehr", "Webinar Radverkehr"}
    assert all("online_url" not in row and "protocol" not in row for row in events)
    # Indicators exactly as the municipality pages show them (public_foci: only with an adopted vision)
    shown = {
        indicator.pk
        for town in (town_a, more_secrets["indicator"].municipality)
        for focus in selectors.public_foci(town, selectors.adopted_vision(town))
        for goal in focus.goals.all()
        for indicator in goal.indicators.all()
    }
    assert {row["id"] for row in records(client, "indikatoren")} == shown
    assert more_secrets["indicator"].pk not in shown
    values = records(client, "messwerte")
    assert [row["value"] for row in values] == [15]
    assert "note" not in values[0]


# Records: stable ids, URIs, types ------------------------------------------------------------------------------------


def test_measure_record(client, portal, town_a):
    radweg = portal["radweg"]
    row = next(row for row in records(client, "massnahmen") if row["id"] == radweg.pk)
    assert row["uri"] == f"{BASE}/kommunen/{town_a.slug}/massnahmen/{radweg.pk}/"
    assert client.get(row["uri"].removeprefix(BASE)).status_code == 200
    assert row["municipality"] == "Beckum"
    assert row["municipality_slug"] == town_a.slug
    assert row["title"] == "Radweg zum Bahnhof"
    assert row["action_field"] == field(town_a).name
    assert row["user_groups"] == ["Pendler*innen"]
    assert row["status"] == "in_umsetzung"
    assert row["status_label"] == "In Umsetzung"
    assert row["investment_cost_eur"] == 250000
    assert row["running_cost_eur_per_year"] is None
    assert (row["milestones_total"], row["milestones_done"], row["progress_percent"]) == (2, 1, 50)
    assert datetime.datetime.fromisoformat(row["updated_at"]).tzinfo is not None
    assert "risks" not in row and "reference" not in row


def test_ids_and_uris_are_stable(client, portal):
    first = {row["id"]: row["uri"] for row in records(client, "massnahmen")}
    make_measure(portal["radweg"].municipality, "Noch eine Maßnahme")
    second = {row["id"]: row["uri"] for row in records(client, "massnahmen")}
    assert {key: second[key] for key in first} == first
    assert len(second) == len(first) + 1


def test_adopted_from_only_names_public_sources(client, portal, more_secrets, town_b):
    public_copy = make_measure(town_b, "Radweg nach Beckumer Vorbild", source_measure=portal["radweg"])
    rows = {row["id"]: row for row in records(client, "massnahmen")}
    radweg = portal["radweg"]
    assert rows[public_copy.pk]["adopted_from_id"] == radweg.pk
    assert (
        rows[public_copy.pk]["adopted_from_uri"]
        == f"{BASE}/kommunen/{radweg.municipality.slug}/massnahmen/{radweg.pk}/"
    )
    assert more_secrets["copy"].pk in rows  # public, but its source is internal
    assert rows[more_secrets["copy"].pk]["adopted_from_id"] is None
    assert rows[more_secrets["copy"].pk]["adopted_from_uri"] is None


def test_event_and_indicator_records(client, portal, town_a):
    forum = portal["forum"]
    event = next(row for row in records(client, "formate") if row["id"] == forum.pk)
    assert event["uri"] == f"{BASE}/formate/{forum.pk}/"
    assert client.get(event["uri"].removeprefix(BASE)).status_code == 200
    assert event["host"] == "Beckum"
    assert event["host_municipality_slug"] == town_a.slug
    assert datetime.datetime.fromisoformat(event["starts_at"]) == forum.starts_at
    assert event["location"] == "Rathaus, Ratssaal"

    (indicator,) = records(client, "indikatoren")
    assert indicator["uri"] == f"{BASE}/kommunen/{town_a.slug}/#indikator-{indicator['id']}"
    page = client.get(f"/kommunen/{town_a.slug}/").content.decode()
    assert f'id="indikator-{indicator["id"]}"' in page
    assert indicator["goal"] == "Mehr Radverkehr"
    assert indicator["focus"] == "Radverkehr stärken"
    assert (indicator["baseline_value"], indicator["target_value"], indicator["latest_value"]) == (10, 20, 15)
    assert indicator["latest_date"] == "2025-01-01"
    assert indicator["progress_percent"] == 50

    (value,) = records(client, "messwerte")
    assert value["indicator_id"] == indicator["id"]
    assert value["indicator_uri"] == indicator["uri"]
    assert value["measured_on"] == "2025-01-01"


def test_json_envelope(client, portal):
    document = json.loads(fetch(client, "massnahmen.json"))
    assert document["dataset"] == "massnahmen"
    assert document["license"]["uri"] == opendata.LICENSE_URI
    assert document["license"]["attribution"]
    assert document["count"] == len(document["records"]) == 2
    assert [item["name"] for item in document["fields"]] == list(document["records"][0])
    datetime.datetime.fromisoformat(document["generated"])


def test_decimals_are_numbers_in_json_and_dotted_in_csv(client, portal, town_a):
    make_measure(
        town_a,
        "Förderung mit Quote",
        investment_cost=Decimal("1234567.89"),
        funding_share=Decimal("80.50"),
        personnel_effort=Decimal("12.5"),
    )
    row = next(row for row in records(client, "massnahmen") if row["title"] == "Förderung mit Quote")
    assert row["investment_cost_eur"] == 1234567.89
    assert row["funding_share_percent"] == 80.5
    assert row["personnel_effort_days_per_year"] == 12.5
    cells = next(row for row in csv_rows(fetch(client, "massnahmen.csv")) if row["title"] == "Förderung mit Quote")
    assert cells["investment_cost_eur"] == "1234567.89"
    assert cells["funding_share_percent"] == "80.50"
    assert cells["personnel_effort_days_per_year"] == "12.5"
    assert cells["running_cost_eur_per_year"] == ""


# CSV ----------------------------------------------------------------------------------------------------------------


def test_csv_is_rfc_4180_and_neutralises_formulas(client, portal, town_a):
    attack = "=cmd|' /C calc'!A0"
    make_measure(
        town_a,
        attack,
        summary='+SUM(1,2); "quoted", and\nnew line',
        description="@import",
        responsible_unit="-Bauamt",
    )
    response = client.get(url("massnahmen.csv"))
    assert response["Content-Type"].startswith("text/csv; charset=utf-8")
    assert 'filename="massnahmen.csv"' in response["Content-Disposition"]
    body = b"".join(response.streaming_content)
    assert not body.startswith(b"\xef\xbb\xbf")  # UTF-8 without BOM
    text = body.decode("utf-8")
    assert text.split("\r\n", 1)[0] == ",".join(field.name for field in opendata.DATASETS["massnahmen"].fields)
    rows = csv_rows(text)
    row = next(row for row in rows if row["title"].endswith(attack))
    assert row["title"] == "'" + attack
    assert row["summary"] == "'" + '+SUM(1,2); "quoted", and\nnew line'
    assert row["description"] == "'@import"
    assert row["responsible_unit"] == "'-Bauamt"
    # JSON keeps the text as it is
    assert attack in {row["title"] for row in records(client, "massnahmen")}
    for cells in rows:
        for value in cells.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value


def test_csv_of_every_dataset_parses_with_its_header(client, portal, more_secrets):
    for slug in DATASETS:
        rows = csv_rows(fetch(client, f"{slug}.csv"))
        names = [field.name for field in opendata.DATASETS[slug].fields]
        assert rows and list(rows[0]) == names, slug
        assert len(rows) == len(records(client, slug)), slug


def test_lists_in_csv(client, portal, town_a):
    make_measure(town_a, "Mehrere Felder", further=("nachhaltigkeit", "verwaltung"), groups=("Pendler*innen",))
    row = next(row for row in csv_rows(fetch(client, "massnahmen.csv")) if row["title"] == "Mehrere Felder")
    assert row["further_action_fields"] == f"{field(town_a, 'nachhaltigkeit').name}; {field(town_a, 'verwaltung').name}"
    assert row["user_groups"] == "Pendler*innen"


# Catalogue ----------------------------------------------------------------------------------------------------------


def check_catalogue(document: dict, base: str) -> None:
    context = document["@context"]
    assert context["dcat"] == "http://www.w3.org/ns/dcat#"
    assert context["dct"] == "http://purl.org/dc/terms/"
    assert context["dcatde"] == "http://dcat-ap.de/def/dcatde/"
    assert document["@type"] == "dcat:Catalog"
    assert document["dct:publisher"]["foaf:name"]
    datasets = document["dcat:dataset"]
    assert [item["@id"] for item in datasets] == [f"{base}/opendaten/#{slug}" for slug in DATASETS]
    downloads = []
    for dataset in datasets:
        assert dataset["@type"] == "dcat:Dataset"
        assert dataset["dct:identifier"] == dataset["@id"]
        assert dataset["dct:title"]["@language"] == "de" and dataset["dct:title"]["@value"]
        assert dataset["dct:description"]["@value"]
        assert dataset["dcat:theme"]
        for theme in dataset["dcat:theme"]:
            assert theme["@id"].startswith("http://publications.europa.eu/resource/authority/data-theme/")
        assert dataset["dcat:contactPoint"]["vcard:fn"]
        assert dataset["dcatde:politicalGeocodingLevelURI"]["@id"].endswith("/Level/municipality")
        datetime.datetime.fromisoformat(dataset["dct:modified"]["@value"])
        formats = set()
        for distribution in dataset["dcat:distribution"]:
            assert distribution["@type"] == "dcat:Distribution"
            assert distribution["dct:license"] == {"@id": "http://dcat-ap.de/def/licenses/cc-by/4.0"}
            assert distribution["dcatde:licenseAttributionByText"]["@value"]
            assert distribution["dcat:accessURL"] == {"@id": f"{base}/opendaten/"}
            assert distribution["dcat:downloadURL"]["@id"] == distribution["@id"]
            formats.add(distribution["dct:format"]["@id"].rsplit("/", 1)[1])
            assert distribution["dcat:mediaType"]["@id"].startswith("https://www.iana.org/assignments/media-types/")
            downloads.append(distribution["dcat:downloadURL"]["@id"])
        assert formats == {"CSV", "JSON"}
    # one distribution per file, each file once
    assert downloads == [f"{base}/opendaten/{name}" for name in FILES]


def test_catalogue_on_the_web(client, portal, more_secrets):
    response = client.get(url(opendata.CATALOGUE_FILE))
    assert response["Content-Type"] == "application/ld+json; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    document = json.loads(response.content)
    check_catalogue(document, BASE)
    for dataset in document["dcat:dataset"]:
        for distribution in dataset["dcat:distribution"]:
            assert client.get(distribution["dcat:downloadURL"]["@id"].removeprefix(BASE)).status_code == 200
    measures = document["dcat:dataset"][0]
    assert measures["dcatde:geocodingDescription"]["@value"] == "Beckum, Billerbeck"
    assert "dcatde:contributorID" not in measures


def test_catalogue_names_a_configured_contributor(client, portal, monkeypatch):
    monkeypatch.setenv("VORORT_OPENDATA_CONTRIBUTOR_ID", "http://dcat-ap.de/def/contributors/openNRW")
    document = json.loads(fetch(client, opendata.CATALOGUE_FILE))
    for dataset in document["dcat:dataset"]:
        assert dataset["dcatde:contributorID"] == {"@id": "http://dcat-ap.de/def/contributors/openNRW"}


def test_catalogue_as_rdf(client, portal):
    import rdflib
    graph = rdflib.Graph().parse(data=fetch(client, opendata.CATALOGUE_FILE), format="json-ld")
    dcat = rdflib.Namespace("http://www.w3.org/ns/dcat#")
    dct = rdflib.Namespace("http://purl.org/dc/terms/")
    assert len(list(graph.subjects(rdflib.RDF.type, dcat.Dataset))) == len(DATASETS)
    distributions = list(graph.subjects(rdflib.RDF.type, dcat.Distribution))
    assert len(distributions) == len(FILES)
    licence = rdflib.URIRef(opendata.LICENSE_URI)
    assert all((item, dct.license, licence) in graph for item in distributions)


# The page -----------------------------------------------------------------------------------------------------------


def test_page_explains_and_links_every_file(client, portal):
    response = client.get(reverse("portal:opendata"))
    content = response.content.decode()
    assert response.status_code == 200
    assert "CC BY 4.0" in content
    assert opendata.attribution() in content
    for filename in [*FILES, opendata.CATALOGUE_FILE]:
        assert f'href="{url(filename)}"' in content, filename
    for slug in DATASETS:
        assert f'id="{slug}"' in content  # the dataset URIs' fragments
    assert reverse("portal:opendata") in client.get("/").content.decode()  # linked from the portal


def test_unknown_files_are_not_found(client, portal):
    assert client.get("/opendaten/geheim.csv").status_code == 404
    assert client.get("/opendaten/massnahmen.xml").status_code == 404
    assert client.post(url("massnahmen.csv")).status_code == 405


# The command --------------------------------------------------------------------------------------------------------


def test_command_writes_every_file(portal, tmp_path):
    target = tmp_path / "neu" / "opendata"
    out = io.StringIO()
    call_command("export_opendata", "-o", str(target), "--base-url", "https://portal.example.org/vorort", stdout=out)
    summary = out.getvalue()
    for name in [*FILES, opendata.CATALOGUE_FILE]:
        assert (target / name).is_file(), name
        assert name in summary
    assert "massnahmen.csv: 2 Datensätze" in summary
    assert not list(target.glob(".*.tmp"))
    document = json.loads((target / opendata.CATALOGUE_FILE).read_text(encoding="utf-8"))
    check_catalogue(document, "https://portal.example.org/vorort")
    rows = json.loads((target / "massnahmen.json").read_text(encoding="utf-8"))["records"]
    radweg = portal["radweg"]
    uri = f"https://portal.example.org/vorort/kommunen/{radweg.municipality.slug}/massnahmen/{radweg.pk}/"
    assert uri in {row["uri"] for row in rows}
    assert csv_rows((target / "massnahmen.csv").read_text(encoding="utf-8"))[0]["uri"].startswith(
        "https://portal.example.org/vorort/kommunen/"
    )


def test_command_base_url_defaults_to_the_site_url(portal, tmp_path, monkeypatch):
    monkeypatch.setenv("VORORT_SITE_URL", "https://vorort.example.org/")
    call_command("export_opendata", "-o", str(tmp_path), stdout=io.StringIO())
    document = json.loads((tmp_path / opendata.CATALOGUE_FILE).read_text(encoding="utf-8"))
    assert document["@id"] == "https://vorort.example.org/opendaten/"
    monkeypatch.delenv("VORORT_SITE_URL")
    assert opendata.default_base_url() == "http://localhost:8000"


def test_command_replaces_earlier_files(portal, tmp_path):
    (tmp_path / "massnahmen.csv").write_text("alt", encoding="utf-8")
    call_command("export_opendata", "-o", str(tmp_path), stdout=io.StringIO())
    assert (tmp_path / "massnahmen.csv").read_text(encoding="utf-8").startswith("id,uri,")


@pytest.mark.parametrize("make_target", [lambda tmp: tmp / "datei.txt", lambda tmp: tmp / "datei.txt" / "unter"])
def test_command_refuses_an_unusable_directory(make_target, tmp_path):
    (tmp_path / "datei.txt").write_text("x", encoding="utf-8")
    with pytest.raises(CommandError) as error:
        call_command("export_opendata", "-o", str(make_target(tmp_path)), stdout=io.StringIO())
    assert error.value.returncode == 1
    assert "datei.txt" in str(error.value)


@pytest.mark.parametrize("base", ["ftp://example.org", "portal.example.org", "https://example.org/?x=1"])
def test_command_refuses_a_bad_base_url(base, tmp_path):
    with pytest.raises(CommandError) as error:
        call_command("export_opendata", "-o", str(tmp_path), "--base-url", base, stdout=io.StringIO())
    assert error.value.returncode == 2
    assert not list(tmp_path.iterdir())


def test_exit_codes_on_the_command_line(tmp_path):
    """The real console script: a clear message on stderr and a non-zero exit code (no database needed)."""
    blocker = tmp_path / "datei.txt"
    blocker.write_text("x", encoding="utf-8")
    env = {"VORORT_DATA_DIR": str(tmp_path / "data"), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    root = Path(__file__).resolve().parents[2]

    def run(*args):
        return subprocess.run(  # noqa: S603
            [sys.executable, "-m", "vorort.cli", "export_opendata", *args],
            capture_output=True,
            text=True,
            env=env,
            cwd=root,
            timeout=120,
        )

    result = run("-o", str(blocker / "unter"))
    assert result.returncode == 1, result.stderr
    assert "CommandError" in result.stderr and "datei.txt" in result.stderr
    result = run("-o", str(tmp_path / "x"), "--base-url", "ftp://example.org")
    assert result.returncode == 2, result.stderr
    result = run()
    assert result.returncode == 2  # argparse: -o is required


# Speed --------------------------------------------------------------------------------------------------------------


def grow(town_a, town_b, n: int) -> None:
    """More of everything a record reads: measures with fields, groups, partners, milestones; events with
    participants; indicators with measurements."""
    focus = town_a.foci.get()
    for index in range(n):
        measure = make_measure(
            town_a,
            f"Maßnahme {index}",
            further=("nachhaltigkeit",),
            groups=("Pendler*innen",),
            source_measure=selectors.public_measures().first(),
        )
        measure.partner_municipalities.add(town_b)
        measure_milestone_create(actor=None, measure=measure, title="Start", due_date=datetime.date(2026, 1, 1))
        make_event(municipality=town_a, title=f"Forum {index}", is_public=True, participating=[town_b])
        goal = strategy.goal_create(actor=None, focus=focus, title=f"Ziel {index}")
        indicator = strategy.indicator_create(
            actor=None,
            goal=goal,
            name=f"Indikator {index}",
            unit="%",
            baseline_value=Decimal("0"),
            baseline_date=datetime.date(2024, 1, 1),
            target_value=Decimal("10"),
            target_date=datetime.date(2030, 1, 1),
        )
        for month in (1, 2):
            strategy.measurement_create(
                actor=None, indicator=indicator, measured_on=datetime.date(2025, month, 1), value=Decimal(month)
            )


def count_queries(client, filename: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        fetch(client, filename)
    return len(queries)


def test_query_count_does_not_grow_with_the_data(client, portal, town_a, town_b, django_assert_num_queries):
    grow(town_a, town_b, 2)
    names = [*FILES, opendata.CATALOGUE_FILE, "page"]
    small = {name: count_queries(client, name) for name in names if name != "page"}
    with CaptureQueriesContext(connection) as page_queries:
        client.get(reverse("portal:opendata"))
    grow(town_a, town_b, 5)
    for name, expected in small.items():
        with django_assert_num_queries(expected):
            text = fetch(client, name)
        assert text, name
    with django_assert_num_queries(len(page_queries)):
        client.get(reverse("portal:opendata"))
    assert len(records(client, "massnahmen")) == 2 + 7


def test_downloads_read_in_chunks(client, portal, town_a, town_b, monkeypatch):
    """Rows come through .iterator(chunk_size): with a tiny chunk size the prefetches run once per chunk."""
    grow(town_a, town_b, 3)
    whole = count_queries(client, "massnahmen.json")
    monkeypatch.setattr(opendata, "CHUNK_SIZE", 2)
    chunked = count_queries(client, "massnahmen.json")
    assert chunked > whole
    assert len(records(client, "massnahmen")) == 5
