"""Open data: what the portal publishes, as CSV, JSON and a DCAT-AP.de catalogue (JSON-LD), under CC BY 4.0.

One place for the web downloads (`views_opendata`) and the command (`vorort export_opendata`). The records come
only from the portal's published selectors (`selectors.public_measures`, `public_events`, `public_indicators`,
`public_measurements`): visibility is never decided here. Each dataset lists its fields explicitly, so a new model
field never slips into an export by accident; internal fields (risks, status reports, milestone titles, event
protocols and online links, measurement notes, partner contacts) are simply not among them.

Formats (documented on /opendaten/ as well):

* Field names are English and stable; labels of choices are German (`status` = key, `status_label` = text).
* Every record has `id` (the database key, never reused) and, where the portal has a page for it, `uri`
  (its absolute address, e.g. ``<base>/kommunen/<slug>/massnahmen/<id>/``).
* CSV: RFC 4180 – comma, double quotes, CRLF line ends, a header row, UTF-8 without BOM. Dates ISO 8601
  (``2025-03-01``, times with offset), numbers with a dot and no thousands separator, lists joined with ``"; "``,
  empty cells for missing values. Text that a spreadsheet would run as a formula (starting with =, +, -, @, tab
  or CR) gets a leading apostrophe (`vorort.measures.parsing.neutralise`).
* JSON: an object with metadata (dataset, generated, license, fields) and `records`, a list of objects; numbers
  are JSON numbers (at most 14 significant digits, exact as binary floats), lists are arrays, missing is null.
* Downloads stream: rows come from `.iterator(chunk_size=CHUNK_SIZE)`; lists from many-to-many tables are read
  with one query per list and chunk (a constant number of queries per CHUNK_SIZE rows, never one per row).
"""

from __future__ import annotations

import csv
import datetime
import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property, lru_cache
from typing import Any

from django.db.models import Max, QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vorort.events.models import Event, EventKind, EventMode
from vorort.measures.models import Benefit, Measure, MeasureStatus, Origin, Transferability
from vorort.measures.parsing import neutralise
from vorort.network.models import Network

from . import selectors

CHUNK_SIZE = 1000
BUFFER_CHARS = 64 * 1024
DEFAULT_BASE_URL = "http://localhost:8000"

LICENSE_URI = "http://dcat-ap.de/def/licenses/cc-by/4.0"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/deed.de"
LICENSE_NAME = gettext_lazy("Creative Commons Namensnennung 4.0 International (CC BY 4.0)")

CSV_MEDIA_TYPE = "text/csv"
JSON_MEDIA_TYPE = "application/json"
JSONLD_MEDIA_TYPE = "application/ld+json"
FORMATS = {
    # extension: (media type for the response, IANA media type URI, EU file type, label)
    "csv": (f"{CSV_MEDIA_TYPE}; charset=utf-8; header=present", CSV_MEDIA_TYPE, "CSV", "CSV"),
    "json": (f"{JSON_MEDIA_TYPE}; charset=utf-8", JSON_MEDIA_TYPE, "JSON", "JSON"),
}
CATALOGUE_FILE = "katalog.jsonld"
CATALOGUE_CONTENT_TYPE = f"{JSONLD_MEDIA_TYPE}; charset=utf-8"

IANA = "https://www.iana.org/assignments/media-types/"
EU = "http://publications.europa.eu/resource/authority/"
CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "dcatde": "http://dcat-ap.de/def/dcatde/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
MUNICIPALITY_LEVEL = "http://dcat-ap.de/def/politicalGeocoding/Level/municipality"


def default_base_url() -> str:
    """The installation's public address for exports made without a request: $VORORT_SITE_URL (as for the
    reminder mails), else http://localhost:8000."""
    return (os.environ.get("VORORT_SITE_URL") or DEFAULT_BASE_URL).rstrip("/")


def contributor_id() -> str:
    """dcatde:contributorID, a URI of http://dcat-ap.de/def/contributors/ given by the portal that harvests this
    catalogue ($VORORT_OPENDATA_CONTRIBUTOR_ID); left out while not configured."""
    return os.environ.get("VORORT_OPENDATA_CONTRIBUTOR_ID", "").strip()


# Addresses ----------------------------------------------------------------------------------------------------------

_SLUG, _PK = "x-slug-x", 987654321


class Links:
    """Absolute addresses: `base` (scheme and host, on the command line maybe a path) + the URL configuration.
    Per-row addresses come from a template reversed once, not from a `reverse()` per row."""

    def __init__(self, base: str):
        self.base = base.rstrip("/")

    def url(self, name: str, **kwargs) -> str:
        return self.base + reverse(name, kwargs=kwargs or None)

    def _template(self, name: str, **kwargs) -> str:
        """The address with {slug} and {pk} in place of the placeholders, anything else taken literally."""
        literal = (self.base + reverse(name, kwargs=kwargs)).replace("{", "{{").replace("}", "}}")
        return literal.replace(_SLUG, "{slug}").replace(str(_PK), "{pk}")

    @cached_property
    def _measure(self) -> str:
        return self._template("portal:measure", slug=_SLUG, pk=_PK)

    @cached_property
    def _municipality(self) -> str:
        return self._template("portal:municipality", slug=_SLUG)

    @cached_property
    def _event(self) -> str:
        return self._template("events:public_detail", pk=_PK)

    def measure(self, slug: str, pk: int) -> str:
        return self._measure.format(slug=slug, pk=pk)

    def municipality(self, slug: str) -> str:
        return self._municipality.format(slug=slug)

    def indicator(self, slug: str, pk: int) -> str:
        """Indicators have no page of their own: their row on the municipality's page."""
        return f"{self.municipality(slug)}#indikator-{pk}"

    def event(self, pk: int) -> str:
        return self._event.format(pk=pk)

    @cached_property
    def page(self) -> str:
        return self.url("portal:opendata")

    def dataset(self, slug: str) -> str:
        return f"{self.page}#{slug}"

    def download(self, slug: str, extension: str) -> str:
        return self.url("portal:opendata_download", dataset=slug, extension=extension)

    @cached_property
    def catalogue(self) -> str:
        return self.url("portal:opendata_catalogue")


# Datasets -----------------------------------------------------------------------------------------------------------


KINDS = {
    "integer": gettext_lazy("ganze Zahl"),
    "decimal": gettext_lazy("Zahl"),
    "text": gettext_lazy("Text"),
    "date": gettext_lazy("Datum"),
    "datetime": gettext_lazy("Datum und Uhrzeit"),
    "uri": gettext_lazy("Adresse (URI)"),
    "list": gettext_lazy("Liste von Texten"),
}


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # a key of KINDS
    description: Any  # German, lazy

    @property
    def kind_label(self):
        return KINDS[self.kind]


@dataclass(frozen=True)
class Dataset:
    slug: str
    title: Any
    description: Any
    themes: tuple[str, ...]
    keywords: tuple[str, ...]
    fields: tuple[Field, ...]
    published: Callable[[], QuerySet]  # the selector: what is public, nothing more
    rows: Callable[[], QuerySet]  # the same, with everything a record needs from joined tables
    record: Callable[[Any, Links, Related], dict[str, Any]]
    municipality_path: str
    modified_field: str
    related: Callable[[list[int]], Related] | None = None  # names from many-to-many tables, per chunk of ids

    def count(self) -> int:
        return self.published().count()

    def records(self, links: Links) -> Iterator[dict[str, Any]]:
        """The records, read CHUNK_SIZE rows at a time; lists (action fields, municipalities…) come from one query
        per list and chunk, grouped by id (cheaper than prefetch_related, which builds a queryset per row)."""
        for chunk in _chunks(self.rows().iterator(chunk_size=CHUNK_SIZE), CHUNK_SIZE):
            related = self.related([item.pk for item in chunk]) if self.related else {}
            for item in chunk:
                yield self.record(item, links, related)

    def modified(self) -> datetime.datetime | datetime.date | None:
        return self.published().aggregate(latest=Max(self.modified_field))["latest"]

    def municipality_names(self) -> list[str]:
        name = f"{self.municipality_path}__name"
        named = self.published().filter(**{f"{self.municipality_path}__isnull": False})
        return list(named.order_by(name).values_list(name, flat=True).distinct())

    def filename(self, extension: str) -> str:
        return f"{self.slug}.{extension}"


Related = dict[str, dict[int, list[str]]]


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _grouped(pairs: Iterable[tuple[int, str]]) -> dict[int, list[str]]:
    grouped: dict[int, list[str]] = {}
    for key, name in pairs:
        grouped.setdefault(key, []).append(name)
    return grouped


@lru_cache(maxsize=256)
def _cached_label(choices, value: str, language: str | None) -> str:
    return str(choices(value).label) if value in choices.values else value


def _label(choices, value: str) -> str:
    return _cached_label(choices, value, translation.get_language())


def _names(items: Iterable) -> list[str]:
    return [item.name for item in items]


# Maßnahmen


def _measure_rows() -> QuerySet[Measure]:
    return (
        selectors.with_progress(selectors.public_measures())
        .select_related("municipality", "action_field", "source_measure__municipality")
        .order_by("id")
    )


def _measure_related(ids: list[int]) -> Related:
    fields = Measure.further_action_fields.through.objects.filter(measure_id__in=ids)
    partners = Measure.partner_municipalities.through.objects.filter(measure_id__in=ids)
    benefits = Benefit.objects.filter(measure_id__in=ids, strength__gte=1)
    return {
        "further_action_fields": _grouped(
            fields.order_by("actionfield__order", "actionfield__name", "id").values_list(
                "measure_id", "actionfield__name"
            )
        ),
        "partner_municipalities": _grouped(
            partners.order_by("municipality__name", "id").values_list("measure_id", "municipality__name")
        ),
        "user_groups": _grouped(
            benefits.order_by("user_group__order", "user_group__name", "id").values_list(
                "measure_id", "user_group__name"
            )
        ),
    }


def _measure_record(measure: Measure, links: Links, related: Related) -> dict[str, Any]:
    town = measure.municipality
    source = measure.source_measure if measure.source_measure_id and measure.source_measure.is_public else None
    total, done = measure.milestones_total, measure.milestones_done
    return {
        "id": measure.pk,
        "uri": links.measure(town.slug, measure.pk),
        "municipality": town.name,
        "municipality_slug": town.slug,
        "title": measure.title,
        "summary": measure.summary,
        "description": measure.description,
        "action_field": measure.action_field.name,
        "further_action_fields": related["further_action_fields"].get(measure.pk, []),
        "user_groups": related["user_groups"].get(measure.pk, []),
        "status": measure.status,
        "status_label": _label(MeasureStatus, measure.status),
        "start_date": measure.start_date,
        "end_date": measure.end_date,
        "investment_cost_eur": measure.investment_cost,
        "running_cost_eur_per_year": measure.running_cost,
        "funding_programme": measure.funding_programme,
        "funding_share_percent": measure.funding_share,
        "personnel_effort_days_per_year": measure.personnel_effort,
        "responsible_unit": measure.responsible_unit,
        "partner_municipalities": related["partner_municipalities"].get(measure.pk, []),
        "origin": measure.origin,
        "origin_label": _label(Origin, measure.origin),
        "adopted_from_id": source.pk if source else None,
        "adopted_from_uri": links.measure(source.municipality.slug, source.pk) if source else None,
        "transferability": measure.transferability,
        "transferability_label": _label(Transferability, measure.transferability),
        "transfer_note": measure.transfer_note,
        "milestones_total": total,
        "milestones_done": done,
        "progress_percent": round(done * 100 / total) if total else None,
        "updated_at": measure.updated_at,
    }


MEASURE_FIELDS = (
    Field("id", "integer", gettext_lazy("Dauerhafte Kennung der Maßnahme")),
    Field("uri", "uri", gettext_lazy("Adresse der Maßnahme im Portal")),
    Field("municipality", "text", gettext_lazy("Kommune")),
    Field("municipality_slug", "text", gettext_lazy("Kurzname der Kommune")),
    Field("title", "text", gettext_lazy("Titel")),
    Field("summary", "text", gettext_lazy("Kurzbeschreibung")),
    Field("description", "text", gettext_lazy("Beschreibung")),
    Field("action_field", "text", gettext_lazy("Handlungsfeld")),
    Field("further_action_fields", "list", gettext_lazy("weitere Handlungsfelder")),
    Field("user_groups", "list", gettext_lazy("Nutzer*innengruppen mit Mehrwert")),
    Field("status", "text", gettext_lazy("Status (Schlüssel)")),
    Field("status_label", "text", gettext_lazy("Status")),
    Field("start_date", "date", gettext_lazy("Beginn")),
    Field("end_date", "date", gettext_lazy("Ende")),
    Field("investment_cost_eur", "decimal", gettext_lazy("Investitionskosten in Euro")),
    Field("running_cost_eur_per_year", "decimal", gettext_lazy("laufende Kosten pro Jahr in Euro")),
    Field("funding_programme", "text", gettext_lazy("Förderprogramm")),
    Field("funding_share_percent", "decimal", gettext_lazy("Förderquote in Prozent")),
    Field("personnel_effort_days_per_year", "decimal", gettext_lazy("Personalaufwand in Personentagen pro Jahr")),
    Field("responsible_unit", "text", gettext_lazy("federführende Stelle")),
    Field("partner_municipalities", "list", gettext_lazy("beteiligte Kommunen (interkommunal)")),
    Field("origin", "text", gettext_lazy("Herkunft (Schlüssel)")),
    Field("origin_label", "text", gettext_lazy("Herkunft")),
    Field("adopted_from_id", "integer", gettext_lazy("übernommen von: Kennung der veröffentlichten Vorlage")),
    Field("adopted_from_uri", "uri", gettext_lazy("übernommen von: Adresse der Vorlage")),
    Field("transferability", "text", gettext_lazy("Übertragbarkeit (Schlüssel)")),
    Field("transferability_label", "text", gettext_lazy("Übertragbarkeit")),
    Field("transfer_note", "text", gettext_lazy("Hinweise für andere Kommunen")),
    Field("milestones_total", "integer", gettext_lazy("Zahl der Meilensteine")),
    Field("milestones_done", "integer", gettext_lazy("davon erledigt")),
    Field("progress_percent", "integer", gettext_lazy("Fortschritt in Prozent (erledigte Meilensteine)")),
    Field("updated_at", "datetime", gettext_lazy("zuletzt geändert")),
)


# Formate


def _event_rows() -> QuerySet[Event]:
    return selectors.public_events().select_related("municipality", "network").order_by("id")


def _event_related(ids: list[int]) -> Related:
    participants = Event.participating_municipalities.through.objects.filter(event_id__in=ids)
    return {
        "municipalities": _grouped(
            participants.order_by("municipality__name", "id").values_list("event_id", "municipality__name")
        )
    }


def _event_record(event: Event, links: Links, related: Related) -> dict[str, Any]:
    return {
        "id": event.pk,
        "uri": links.event(event.pk),
        "title": event.title,
        "kind": event.kind,
        "kind_label": _label(EventKind, event.kind),
        "mode": event.mode,
        "mode_label": _label(EventMode, event.mode),
        "description": event.description,
        "starts_at": event.starts_at,
        "ends_at": event.ends_at,
        "location": event.location,
        "host": event.host_name,
        "host_municipality_slug": event.municipality.slug if event.municipality_id else "",
        "network": event.network.name,
        "municipalities": related["municipalities"].get(event.pk, []),
        "updated_at": event.updated_at,
    }


EVENT_FIELDS = (
    Field("id", "integer", gettext_lazy("Dauerhafte Kennung des Formats")),
    Field("uri", "uri", gettext_lazy("Adresse des Formats im Portal")),
    Field("title", "text", gettext_lazy("Titel")),
    Field("kind", "text", gettext_lazy("Art (Schlüssel)")),
    Field("kind_label", "text", gettext_lazy("Art, z. B. Workshop, Webinar, Bürgerforum")),
    Field("mode", "text", gettext_lazy("Durchführung (Schlüssel)")),
    Field("mode_label", "text", gettext_lazy("Durchführung: analog, digital oder hybrid")),
    Field("description", "text", gettext_lazy("Beschreibung")),
    Field("starts_at", "datetime", gettext_lazy("Beginn")),
    Field("ends_at", "datetime", gettext_lazy("Ende")),
    Field("location", "text", gettext_lazy("Ort")),
    Field("host", "text", gettext_lazy("Gastgeber: Kommune oder Netzwerk")),
    Field("host_municipality_slug", "text", gettext_lazy("Kurzname der gastgebenden Kommune (leer: das Netzwerk)")),
    Field("network", "text", gettext_lazy("Netzwerk")),
    Field("municipalities", "list", gettext_lazy("beteiligte Kommunen")),
    Field("updated_at", "datetime", gettext_lazy("zuletzt geändert")),
)


# Indikatoren and Messwerte


def _indicator_rows():
    return (
        selectors.public_indicators()
        .select_related("goal__focus__action_field", "goal__focus__municipality")
        .order_by("id")
    )


def _indicator_record(indicator, links: Links, related: Related) -> dict[str, Any]:
    goal = indicator.goal
    focus = goal.focus
    town = focus.municipality
    return {
        "id": indicator.pk,
        "uri": links.indicator(town.slug, indicator.pk),
        "municipality": town.name,
        "municipality_slug": town.slug,
        "action_field": focus.action_field.name,
        "focus_id": focus.pk,
        "focus": focus.title,
        "goal_id": goal.pk,
        "goal": goal.title,
        "name": indicator.name,
        "unit": indicator.unit,
        "baseline_value": indicator.baseline_value,
        "baseline_date": indicator.baseline_date,
        "target_value": indicator.target_value,
        "target_date": indicator.target_date,
        "latest_value": indicator.latest_value,
        "latest_date": indicator.latest_date,
        "progress_percent": indicator.progress_for(indicator.latest_value),
        "updated_at": indicator.updated_at,
    }


INDICATOR_FIELDS = (
    Field("id", "integer", gettext_lazy("Dauerhafte Kennung des Indikators")),
    Field("uri", "uri", gettext_lazy("Adresse des Indikators auf der Seite der Kommune")),
    Field("municipality", "text", gettext_lazy("Kommune")),
    Field("municipality_slug", "text", gettext_lazy("Kurzname der Kommune")),
    Field("action_field", "text", gettext_lazy("Handlungsfeld des Schwerpunkts")),
    Field("focus_id", "integer", gettext_lazy("Kennung des Handlungsschwerpunkts")),
    Field("focus", "text", gettext_lazy("Handlungsschwerpunkt")),
    Field("goal_id", "integer", gettext_lazy("Kennung des Ziels")),
    Field("goal", "text", gettext_lazy("Ziel")),
    Field("name", "text", gettext_lazy("Indikator")),
    Field("unit", "text", gettext_lazy("Einheit")),
    Field("baseline_value", "decimal", gettext_lazy("Ausgangswert")),
    Field("baseline_date", "date", gettext_lazy("Ausgangswert vom")),
    Field("target_value", "decimal", gettext_lazy("Zielwert")),
    Field("target_date", "date", gettext_lazy("Ziel bis")),
    Field("latest_value", "decimal", gettext_lazy("letzter Messwert")),
    Field("latest_date", "date", gettext_lazy("letzter Messwert vom")),
    Field("progress_percent", "integer", gettext_lazy("Fortschritt vom Ausgangs- zum Zielwert in Prozent")),
    Field("updated_at", "datetime", gettext_lazy("zuletzt geändert")),
)


def _measurement_rows():
    return (
        selectors.public_measurements()
        .select_related("indicator__goal__focus__municipality")
        .only(
            "id",
            "measured_on",
            "value",
            "indicator__id",
            "indicator__name",
            "indicator__unit",
            "indicator__goal__id",
            "indicator__goal__focus__id",
            "indicator__goal__focus__municipality__id",
            "indicator__goal__focus__municipality__slug",
        )
        .order_by("id")
    )


def _measurement_record(measurement, links: Links, related: Related) -> dict[str, Any]:
    indicator = measurement.indicator
    slug = indicator.goal.focus.municipality.slug
    return {
        "id": measurement.pk,
        "indicator_id": indicator.pk,
        "indicator_uri": links.indicator(slug, indicator.pk),
        "municipality_slug": slug,
        "indicator": indicator.name,
        "unit": indicator.unit,
        "measured_on": measurement.measured_on,
        "value": measurement.value,
    }


MEASUREMENT_FIELDS = (
    Field("id", "integer", gettext_lazy("Dauerhafte Kennung des Messwerts")),
    Field("indicator_id", "integer", gettext_lazy("Kennung des Indikators (siehe Indikatoren)")),
    Field("indicator_uri", "uri", gettext_lazy("Adresse des Indikators")),
    Field("municipality_slug", "text", gettext_lazy("Kurzname der Kommune")),
    Field("indicator", "text", gettext_lazy("Indikator")),
    Field("unit", "text", gettext_lazy("Einheit")),
    Field("measured_on", "date", gettext_lazy("gemessen am")),
    Field("value", "decimal", gettext_lazy("Wert")),
)


DATASETS: dict[str, Dataset] = {
    dataset.slug: dataset
    for dataset in (
        Dataset(
            slug="massnahmen",
            title=gettext_lazy("Smart-City-Maßnahmen der Kommunen"),
            description=gettext_lazy(
                "Veröffentlichte Maßnahmen der Mitgliedskommunen mit Handlungsfeldern, Nutzer*innengruppen, Status, "
                "Zeitraum, Kosten und Förderung, Fortschritt, Herkunft und Übertragbarkeit."
            ),
            themes=("GOVE", "REGI", "TECH"),
            keywords=("Smart City", "Maßnahmen", "Kommunen", "Digitalisierung", "Stadtentwicklung"),
            fields=MEASURE_FIELDS,
            published=selectors.public_measures,
            rows=_measure_rows,
            record=_measure_record,
            related=_measure_related,
            municipality_path="municipality",
            modified_field="updated_at",
        ),
        Dataset(
            slug="formate",
            title=gettext_lazy("Öffentliche Formate (Veranstaltungen)"),
            description=gettext_lazy(
                "Öffentliche Strategiewerkstätten, Workshops, Erfahrungsaustausche, Exkursionen, Webinare und "
                "Bürgerforen des Netzwerks und der Kommunen mit Zeit, Ort und beteiligten Kommunen."
            ),
            themes=("GOVE", "REGI", "EDUC"),
            keywords=("Smart City", "Veranstaltungen", "Beteiligung", "Workshops"),
            fields=EVENT_FIELDS,
            published=selectors.public_events,
            rows=_event_rows,
            record=_event_record,
            related=_event_related,
            municipality_path="municipality",
            modified_field="updated_at",
        ),
        Dataset(
            slug="indikatoren",
            title=gettext_lazy("Indikatoren der Smart-City-Strategien"),
            description=gettext_lazy(
                "Indikatoren zu den Zielen der Handlungsschwerpunkte von Kommunen mit beschlossener Vision: "
                "Einheit, Ausgangs- und Zielwert, letzter Messwert und Fortschritt."
            ),
            themes=("GOVE", "REGI"),
            keywords=("Smart City", "Indikatoren", "Ziele", "Monitoring"),
            fields=INDICATOR_FIELDS,
            published=selectors.public_indicators,
            rows=_indicator_rows,
            record=_indicator_record,
            municipality_path="goal__focus__municipality",
            modified_field="updated_at",
        ),
        Dataset(
            slug="messwerte",
            title=gettext_lazy("Messwerte der Indikatoren"),
            description=gettext_lazy("Alle Messwerte der veröffentlichten Indikatoren mit Datum und Wert."),
            themes=("GOVE", "REGI"),
            keywords=("Smart City", "Indikatoren", "Messwerte", "Monitoring"),
            fields=MEASUREMENT_FIELDS,
            published=selectors.public_measurements,
            rows=_measurement_rows,
            record=_measurement_record,
            municipality_path="indicator__goal__focus__municipality",
            modified_field="measured_on",
        ),
    )
}


# Writers ------------------------------------------------------------------------------------------------------------


def _timestamp(value: datetime.datetime) -> str:
    return timezone.localtime(value).isoformat(timespec="seconds")


def _csv_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime.datetime):
        return _timestamp(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return neutralise("; ".join(str(item) for item in value))
    return neutralise(str(value))


def _json_value(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, datetime.datetime):
        return _timestamp(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


class _Line:
    """A file-like object that hands back what csv.writer writes (one row)."""

    def write(self, text: str) -> str:
        return text


def _buffered(pieces: Iterable[str]) -> Iterator[str]:
    """Join small pieces into chunks of about BUFFER_CHARS characters."""
    buffer, size = [], 0
    for piece in pieces:
        buffer.append(piece)
        size += len(piece)
        if size >= BUFFER_CHARS:
            yield "".join(buffer)
            buffer, size = [], 0
    if buffer:
        yield "".join(buffer)


def csv_chunks(dataset: Dataset, links: Links) -> Iterator[str]:
    """The dataset as RFC 4180 CSV, in chunks of text."""

    def rows() -> Iterator[str]:
        writer = csv.writer(_Line(), lineterminator="\r\n")
        yield writer.writerow([field.name for field in dataset.fields])
        with translation.override("de"):
            for record in dataset.records(links):
                yield writer.writerow([_csv_value(record[field.name]) for field in dataset.fields])

    return _buffered(rows())


def license_info() -> dict[str, str]:
    return {
        "name": str(LICENSE_NAME),
        "id": "CC-BY-4.0",
        "uri": LICENSE_URI,
        "url": LICENSE_URL,
        "attribution": attribution(),
    }


def json_chunks(dataset: Dataset, links: Links, generated: datetime.datetime | None = None) -> Iterator[str]:
    """The dataset as one JSON object: metadata, then `records` (a list of objects), then `count`."""
    generated = generated or timezone.now()

    def pieces() -> Iterator[str]:
        with translation.override("de"):
            head = {
                "dataset": dataset.slug,
                "title": str(dataset.title),
                "description": str(dataset.description),
                "uri": links.dataset(dataset.slug),
                "generated": _timestamp(generated),
                "license": license_info(),
                "catalogue": links.catalogue,
                "fields": [
                    {"name": field.name, "type": field.kind, "description": str(field.description)}
                    for field in dataset.fields
                ],
            }
            opening = json.dumps(head, ensure_ascii=False, indent=1)
            yield opening[:-2] + ',\n "records": ['
            count = 0
            for record in dataset.records(links):
                line = json.dumps({key: _json_value(value) for key, value in record.items()}, ensure_ascii=False)
                yield ("\n  " if count == 0 else ",\n  ") + line
                count += 1
            yield f'\n ],\n "count": {count}\n}}\n'

    return _buffered(pieces())


# DCAT-AP.de catalogue -----------------------------------------------------------------------------------------------


def _de(text) -> dict[str, str]:
    return {"@value": str(text), "@language": "de"}


def _typed(value: datetime.datetime | datetime.date) -> dict[str, str]:
    if isinstance(value, datetime.datetime):
        return {"@value": _timestamp(value), "@type": "xsd:dateTime"}
    return {"@value": value.isoformat(), "@type": "xsd:date"}


def _ref(uri: str) -> dict[str, str]:
    return {"@id": uri}


def publisher_name() -> str:
    names = list(Network.objects.order_by("name", "id").values_list("name", flat=True))
    return " / ".join(names) or "vorort"


def attribution(publisher: str | None = None) -> str:
    """dcatde:licenseAttributionByText: how users name the source."""
    with translation.override("de"):
        return _("%(publisher)s, Wissenstransfer-Portal vorort") % {"publisher": publisher or publisher_name()}


def catalogue(links: Links, generated: datetime.datetime | None = None) -> dict[str, Any]:
    """The DCAT-AP.de description of every dataset and its distributions, as a JSON-LD document."""
    generated = generated or timezone.now()
    name = publisher_name()
    with translation.override("de"):
        attribution_text = attribution(name)
        publisher = {"@type": "foaf:Organization", "foaf:name": name, "foaf:homepage": _ref(links.url("core:home"))}
        contact = {"@type": "vcard:Organization", "vcard:fn": name, "vcard:hasURL": _ref(links.page)}
        contributor = contributor_id()
        datasets = []
        for dataset in DATASETS.values():
            modified = dataset.modified() or generated
            distributions = []
            for extension, (_content_type, media_type, file_type, label) in FORMATS.items():
                url = links.download(dataset.slug, extension)
                distributions.append(
                    {
                        "@id": url,
                        "@type": "dcat:Distribution",
                        "dct:title": _de(f"{dataset.title} ({label})"),
                        "dcat:accessURL": _ref(links.page),
                        "dcat:downloadURL": _ref(url),
                        "dcat:mediaType": _ref(IANA + media_type),
                        "dct:format": _ref(f"{EU}file-type/{file_type}"),
                        "dct:license": _ref(LICENSE_URI),
                        "dcatde:licenseAttributionByText": _de(attribution_text),
                        "dct:modified": _typed(modified),
                    }
                )
            node = {
                "@id": links.dataset(dataset.slug),
                "@type": "dcat:Dataset",
                "dct:identifier": links.dataset(dataset.slug),
                "dct:title": _de(dataset.title),
                "dct:description": _de(dataset.description),
                "dcat:theme": [_ref(f"{EU}data-theme/{theme}") for theme in dataset.themes],
                "dcat:keyword": [_de(keyword) for keyword in dataset.keywords],
                "dct:publisher": publisher,
                "dcat:contactPoint": contact,
                "dcat:landingPage": _ref(links.dataset(dataset.slug)),
                "dct:language": _ref(f"{EU}language/DEU"),
                "dct:accessRights": _ref(f"{EU}access-right/PUBLIC"),
                "dct:modified": _typed(modified),
                "dcatde:politicalGeocodingLevelURI": _ref(MUNICIPALITY_LEVEL),
                "dcat:distribution": distributions,
            }
            if names := dataset.municipality_names():
                node["dcatde:geocodingDescription"] = _de(", ".join(names))
            if contributor:
                node["dcatde:contributorID"] = _ref(contributor)
            datasets.append(node)
        return {
            "@context": CONTEXT,
            "@id": links.page,
            "@type": "dcat:Catalog",
            "dct:title": _de(_("Offene Daten des Wissenstransfer-Portals")),
            "dct:description": _de(
                _(
                    "Was die Kommunen im Portal veröffentlicht haben – Maßnahmen, Formate, Indikatoren und "
                    "Messwerte – als CSV und JSON unter CC BY 4.0."
                )
            ),
            "dct:publisher": publisher,
            "foaf:homepage": _ref(links.page),
            "dct:language": _ref(f"{EU}language/DEU"),
            "dct:license": _ref(LICENSE_URI),
            "dct:modified": _typed(generated),
            "dcat:dataset": datasets,
        }


def catalogue_text(links: Links, generated: datetime.datetime | None = None) -> str:
    return json.dumps(catalogue(links, generated), ensure_ascii=False, indent=2) + "\n"
