"""Reading the search index: `search(query, filters, page)` and `similar_measures(measure)`.

Only published content is in the index; hits and similar measures are checked against the live objects once
more before they are shown, so an object unpublished behind the services' back (e.g. in the Django admin) is
never displayed.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from vorort.events.models import Event
from vorort.measures.models import Measure, MeasureStatus
from vorort.network.models import ActionField, Municipality, Network, SizeClass, UserGroup, size_class_for
from vorort.publishing.models import Publication

from .engines import DOCUMENTS, engine
from .models import DocumentKind, SearchDocument, parse_id_list
from .sources import MEASURES
from .text import Term, query_groups, stem, words

PER_PAGE = 20
MAX_PAGE = 500


@dataclass
class Filters:
    """Facet filters; empty values filter nothing. Ids and choices are validated by the caller's form."""

    kind: str = ""
    action_field: int | None = None
    size_class: str = ""
    rural: bool | None = None
    status: str = ""
    user_group: int | None = None
    municipality: int | None = None


@dataclass
class Hit:
    kind: str
    kind_label: str
    title: str
    summary: str
    url: str
    municipality_name: str
    score: float
    status: str = ""
    status_label: str = ""
    date: Any = None


@dataclass(frozen=True)
class _Town:
    name: str
    slug: str
    size_class: str
    rural: bool


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class Facet:
    key: str
    label: str
    options: list[FacetOption] = field(default_factory=list)


@dataclass
class Results:
    query: str
    hits: list[Hit] = field(default_factory=list)
    facets: list[Facet] = field(default_factory=list)
    total: int = 0
    page: int = 1
    per_page: int = PER_PAGE
    searched: bool = False  # False: the query held no searchable word

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def first_number(self) -> int:
        return (self.page - 1) * self.per_page + 1 if self.hits else 0

    @property
    def last_number(self) -> int:
        return self.first_number + len(self.hits) - 1 if self.hits else 0


# The search --------------------------------------------------------------------------------------------------------


def _contains(haystack: str, needle: str) -> str:
    """SQL: does the "|1|4|" list `haystack` contain the id expression `needle`?"""
    function = "instr" if connection.vendor == "sqlite" else "strpos"
    return f"{function}({haystack}, '|' || CAST({needle} AS TEXT) || '|') > 0"


def _filter_sql(filters: Filters) -> tuple[list[str], list]:
    conditions, params = [], []
    if filters.kind:
        conditions.append("d.kind = %s")
        params.append(filters.kind)
    if filters.action_field is not None:
        conditions.append(_contains("d.action_field_ids", "%s"))
        params.append(filters.action_field)
    if filters.size_class:
        conditions.append("d.size_class = %s")
        params.append(filters.size_class)
    if filters.rural is not None:
        conditions.append("d.municipality_id IS NOT NULL AND d.rural = %s")
        params.append(filters.rural)
    if filters.status:
        conditions.append("d.status = %s")
        params.append(filters.status)
    if filters.user_group is not None:
        conditions.append(_contains("d.user_group_ids", "%s"))
        params.append(filters.user_group)
    if filters.municipality is not None:
        conditions.append("d.municipality_id = %s")
        params.append(filters.municipality)
    return conditions, params


def _hits_sql(groups, filters: Filters, limit: int, offset: int) -> tuple[str, list]:
    """The page of hits, best first: what the result list shows, straight from the documents."""
    from_sql, match_sql, score_sql, params = engine().match(engine().expression(groups))
    conditions, filter_params = _filter_sql(filters)
    where = " AND ".join([match_sql, *conditions])
    sql = (
        f"SELECT d.kind, d.object_id, d.title, d.summary, d.municipality_id, d.status, d.date, {score_sql} AS score "  # noqa: S608
        f"FROM {from_sql} WHERE {where} "
        f"ORDER BY score DESC, d.id LIMIT %s OFFSET %s"
    )  # built from constant fragments; every value is a bound parameter
    return sql, [*params, *filter_params, limit, offset]


def _facets_sql(groups, filters: Filters) -> tuple[str, list]:
    """Every facet's counts in one statement over the matching documents (taken once): one grouped query for the
    single-valued facets together (kind, municipality, status, action fields), one for the user groups. Size class
    and rural follow from the municipality, the lists of ids are split in Python."""
    from_sql, match_sql, _score, params = engine().match(engine().expression(groups))
    conditions, filter_params = _filter_sql(filters)
    where = " AND ".join([match_sql, *conditions])
    sql = f"""
        WITH m AS MATERIALIZED (
            SELECT d.kind, d.municipality_id, d.status, d.action_field_ids, d.user_group_ids FROM {from_sql}
            WHERE {where}
        )
        SELECT kind, municipality_id, status, action_field_ids, COUNT(*) FROM m
            GROUP BY kind, municipality_id, status, action_field_ids
        UNION ALL SELECT NULL, NULL, NULL, user_group_ids, COUNT(*) FROM m GROUP BY user_group_ids
    """  # noqa: S608 - built from constant fragments; every value is a bound parameter
    return sql, [*params, *filter_params]


@dataclass
class _Counts:
    kind: Counter = field(default_factory=Counter)
    municipality: Counter = field(default_factory=Counter)
    status: Counter = field(default_factory=Counter)
    action_field: Counter = field(default_factory=Counter)
    user_group: Counter = field(default_factory=Counter)
    total: int = 0


def _count(rows) -> _Counts:
    counts = _Counts()
    for kind, municipality_id, status, field_ids, number in rows:
        if kind is None:  # a row of the user-group query
            for group_id in parse_id_list(field_ids):
                counts.user_group[group_id] += number
            continue
        counts.total += number
        counts.kind[kind] += number
        if municipality_id is not None:
            counts.municipality[municipality_id] += number
        if status:
            counts.status[status] += number
        for field_id in parse_id_list(field_ids):
            counts.action_field[field_id] += number
    return counts


def search(query: str, filters: Filters | None = None, page: int = 1, per_page: int = PER_PAGE) -> Results:
    """Full-text search over published measures, lessons, events (and publications), with facet counts.

    Any input is safe: it is reduced to [a-z0-9] tokens (vorort.search.text) that reach the engine inside one bound
    parameter. A query without a searchable word finds nothing. Two statements do the work: the page of hits and
    the facet counts (whose sum is the total)."""
    filters = filters or Filters()
    page = min(max(1, page), MAX_PAGE)
    results = Results(query=query, page=page, per_page=per_page)
    groups = query_groups(query)
    if not groups:
        return results
    results.searched = True
    with connection.cursor() as cursor:
        cursor.execute(*_facets_sql(groups, filters))
        counts = _count(cursor.fetchall())
        found = []
        if counts.total > (page - 1) * per_page:
            cursor.execute(*_hits_sql(groups, filters, per_page, (page - 1) * per_page))
            found = cursor.fetchall()
    towns, field_names, group_names = _labels(counts)
    results.total = counts.total
    results.hits = _live_hits(found, towns)
    results.facets = _facets(counts, filters, towns, field_names, group_names)
    return results


def _marks(ids) -> str:
    return ", ".join(["%s"] * len(ids))


def _labels(counts: _Counts) -> tuple[dict[int, _Town], dict[int, str], dict[int, str]]:
    """Municipalities (name, slug, size class, rural), action field and user group names of the facets: one query
    (two when the facets span several networks, whose names then tell same-named fields apart)."""
    parts, params = [], []
    for key, model, extra, ids in [
        ("m", Municipality, "slug, population, CASE WHEN rural THEN 1 ELSE 0 END", list(counts.municipality)),
        ("f", ActionField, "NULL, NULL, NULL", list(counts.action_field)),
        ("g", UserGroup, "NULL, NULL, NULL", list(counts.user_group)),
    ]:
        if ids:
            table = model._meta.db_table
            sql = f"SELECT '{key}', id, name, network_id, {extra} FROM {table} WHERE id IN ({_marks(ids)})"  # noqa: S608
            parts.append(sql)
            params.extend(ids)
    towns, fields, groups, networks = {}, {}, {}, set()
    if parts:
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(parts), params)
            rows = cursor.fetchall()
        for key, pk, name, network_id, slug, population, rural in rows:
            if key == "m":
                towns[pk] = _Town(name, slug, str(size_class_for(population)), bool(rural))
            else:
                (fields if key == "f" else groups)[pk] = (name, network_id)
                networks.add(network_id)
    network_names = dict(Network.objects.filter(pk__in=networks).values_list("pk", "name")) if len(networks) > 1 else {}

    def named(items: dict) -> dict[int, str]:
        return {
            pk: f"{name} ({network_names[network]})" if network_names else name for pk, (name, network) in items.items()
        }

    return towns, named(fields), named(groups)


def _visible_ids(kind: str, ids: list[int]) -> set[int]:
    """Which of the objects `ids` are public right now (the index could lag behind an edit in the Django admin).

    The flag is read by primary key and tested here: a condition on it would tempt SQLite to walk the index on
    `is_public` (every public row) instead of looking up the few ids."""
    if kind == DocumentKind.MEASURE:  # the common case, without the ORM's overhead
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT id, is_public FROM {Measure._meta.db_table} WHERE id IN ({_marks(ids)})",  # noqa: S608
                ids,
            )
            return {pk for pk, public in cursor.fetchall() if public}
    if kind == DocumentKind.LESSON:
        from vorort.portal.selectors import published_lessons

        return set(published_lessons().filter(pk__in=ids).values_list("pk", flat=True))
    if kind == DocumentKind.EVENT:
        model = Event
    elif kind == DocumentKind.PUBLICATION:
        model = Publication
    else:
        return set()
    return {pk for pk, public in model.objects.filter(pk__in=ids).values_list("pk", "is_public") if public}


_SLUG, _PK = "slug__", 987654321


def _url_makers(kinds) -> dict[str, Any]:
    """Address of a hit per kind, from one reverse() per kind instead of one per hit."""
    makers = {}
    for kind, name, kwargs in [
        (DocumentKind.MEASURE, "portal:measure", {"slug": _SLUG, "pk": _PK}),
        (DocumentKind.LESSON, "portal:lesson", {"slug": _SLUG, "pk": _PK}),
        (DocumentKind.EVENT, "events:public_detail", {"pk": _PK}),
        (DocumentKind.PUBLICATION, "publishing:public_file", {"pk": _PK}),
    ]:
        if kind not in kinds:
            continue
        try:
            template = reverse(name, kwargs=kwargs)
        except NoReverseMatch:
            continue
        makers[kind] = lambda slug, pk, template=template: template.replace(_SLUG, slug).replace(str(_PK), str(pk))
    return makers


def _live_hits(found: list[tuple], towns: dict[int, _Town]) -> list[Hit]:
    """The hits in rank order, each checked to be public right now."""
    by_kind: dict[str, list[int]] = {}
    for kind, object_id, *_rest in found:
        by_kind.setdefault(kind, []).append(object_id)
    visible = {kind: _visible_ids(kind, ids) for kind, ids in by_kind.items()}
    urls = _url_makers(by_kind)
    kinds = {value: str(label) for value, label in DocumentKind.choices}
    statuses = {value: str(label) for value, label in MeasureStatus.choices} if found else {}
    hits = []
    for kind, object_id, title, summary, municipality_id, status, date, score in found:
        town = towns.get(municipality_id)
        if object_id not in visible[kind] or kind not in urls or (municipality_id is not None and town is None):
            continue
        hits.append(
            Hit(
                kind=kind,
                kind_label=kinds.get(kind, kind),
                title=title,
                summary=summary,
                url=urls[kind](town.slug if town else "", object_id),
                municipality_name=town.name if town else "",
                score=float(score),
                status=status,
                status_label=statuses.get(status, ""),
                date=None if kind == DocumentKind.MEASURE else date,
            )
        )
    return hits


def _facets(
    counts: _Counts, filters: Filters, towns: dict[int, _Town], field_names: dict, group_names: dict
) -> list[Facet]:
    sizes, rural = Counter(), Counter()
    for pk, town in towns.items():
        sizes[town.size_class] += counts.municipality[pk]
        rural["ja" if town.rural else "nein"] += counts.municipality[pk]
    chosen_rural = "" if filters.rural is None else ("ja" if filters.rural else "nein")

    def options(found: Counter, labels: dict, selected, order=None, values=None) -> list[FacetOption]:
        keys = (
            [key for key in order if found.get(key)]
            if order
            else sorted(found, key=lambda key: (-found[key], labels.get(key, "")))
        )
        return [
            FacetOption(str((values or {}).get(key, key)), str(labels[key]), found[key], str(selected) == str(key))
            for key in keys
            if key in labels
        ]

    return [
        Facet("art", _("Art"), options(counts.kind, dict(DocumentKind.choices), filters.kind, DocumentKind.values)),
        Facet(
            "handlungsfeld",
            _("Handlungsfeld"),
            options(counts.action_field, field_names, filters.action_field or ""),
        ),
        Facet(
            "groesse", _("Größenklasse"), options(sizes, dict(SizeClass.choices), filters.size_class, SizeClass.values)
        ),
        Facet(
            "laendlich",
            _("Ländlich geprägt"),
            options(rural, {"ja": _("ländlich"), "nein": _("nicht ländlich")}, chosen_rural, ["ja", "nein"]),
        ),
        Facet(
            "status",
            _("Status"),
            options(counts.status, dict(MeasureStatus.choices), filters.status, MeasureStatus.values),
        ),
        Facet(
            "gruppe",
            _("Nutzer*innengruppe"),
            options(counts.user_group, group_names, filters.user_group or ""),
        ),
        Facet(
            "kommune",
            _("Kommune"),
            # Municipalities appear in addresses by their slug.
            options(
                counts.municipality,
                {pk: town.name for pk, town in towns.items()},
                filters.municipality or "",
                values={pk: town.slug for pk, town in towns.items()},
            ),
        ),
    ]


# Similar measures ------------------------------------------------------------------------------------------------

SIMILAR_CANDIDATES = 50
FIELD_CANDIDATES = 20
SOURCE_TERMS = 24  # terms of the measure whose document frequency is counted
QUERY_TERMS = 12  # the most distinctive of them look for candidates
DF_CAP = 2000  # document frequencies are counted up to here: beyond it a term is just "common"
TEXT_WEIGHT, FIELD_WEIGHT, GROUP_WEIGHT = 0.6, 0.25, 0.15


@dataclass
class Similar:
    measure: Measure
    score: float
    shared_fields: list[str]
    shared_terms: list[str]
    shared_groups: list[str]

    @property
    def reason(self) -> str:
        parts = []
        if self.shared_fields:
            label = ngettext("gleiches Handlungsfeld", "gleiche Handlungsfelder", len(self.shared_fields))
            parts.append(f"{label}: {', '.join(self.shared_fields)}")
        if self.shared_terms:
            parts.append(f"{_('gemeinsame Begriffe')}: {', '.join(self.shared_terms)}")
        if self.shared_groups:
            label = ngettext("gleiche Nutzer*innengruppe", "gleiche Nutzer*innengruppen", len(self.shared_groups))
            parts.append(f"{label}: {', '.join(self.shared_groups)}")
        return "; ".join(parts)


def _term_frequencies(document: dict) -> Counter:
    """Title terms count twice: a shared word in both titles says more than one deep in a description."""
    counts = Counter(document["title_terms"].split())
    counts.update(counts)  # double the title
    counts.update(document["body_terms"].split())
    return counts


def _document_frequencies(tokens: list[str]) -> tuple[dict[str, int], int]:
    """How many measures contain each token (counted up to DF_CAP), and how many measures there are: one query."""
    parts, params = [], []
    for token in tokens:
        sql, token_params = engine().document_frequency(token, DF_CAP)
        parts.append(sql)
        params.extend(token_params)
    parts.append(f"(SELECT COUNT(*) FROM {DOCUMENTS} WHERE kind = %s)")  # noqa: S608 - constant name
    params.append(DocumentKind.MEASURE)
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts), params)
        row = cursor.fetchone()
    return dict(zip(tokens, (int(value) for value in row[:-1]), strict=True)), int(row[-1])


DOCUMENT_COLUMNS = ["id", "object_id", "title_terms", "body_terms", "action_field_ids", "user_group_ids"]


def _candidates(tokens: list[str], municipality_id: int | None) -> list[dict]:
    """Published measures of other municipalities sharing the most distinctive terms, best first (engine rank)."""
    expression = engine().expression([((Term(token, prefix=False),),) for token in tokens], any_group=True)
    from_sql, match_sql, score_sql, params = engine().match(expression)
    columns = ", ".join(f"d.{name}" for name in DOCUMENT_COLUMNS)
    sql = (
        f"SELECT {columns} FROM {from_sql} WHERE {match_sql} AND d.kind = %s "  # noqa: S608 - constant fragments
        f"AND (d.municipality_id IS NULL OR d.municipality_id <> %s) ORDER BY {score_sql} DESC, d.id LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, DocumentKind.MEASURE, municipality_id or 0, SIMILAR_CANDIDATES])
        return [dict(zip(DOCUMENT_COLUMNS, row, strict=True)) for row in cursor.fetchall()]


def _surface_forms(measure: Measure) -> dict[str, str]:
    """Token → the shortest word of the measure's own text that has it (a readable stand-in for the stem)."""
    forms: dict[str, str] = {}

    def keep(token: str, surface: str) -> None:
        if token not in forms or len(surface) < len(forms[token]):
            forms[token] = surface

    for word in words(" ".join([measure.title, measure.summary, measure.description])):
        keep(word.token, word.surface)
        for piece in word.surface.split("-"):
            if (token := stem(piece)) in word.parts:
                keep(token, piece)
    return forms


def _own_document(measure: Measure) -> dict | None:
    """The measure's terms and facets: from the index when it is published, else worked out from the measure
    itself (an internal draft compared with what others published; only its own editors see the result)."""
    own = (
        SearchDocument.objects.filter(kind=DocumentKind.MEASURE, object_id=measure.pk)
        .values(*DOCUMENT_COLUMNS, "municipality_id")
        .first()
    )
    if own is not None:
        return own
    loaded = MEASURES.with_everything([measure.pk]).first()
    if loaded is None:
        return None
    document = MEASURES.document(loaded)
    return {
        **{name: document[name] for name in DOCUMENT_COLUMNS if name in document},
        "id": None,
        "object_id": loaded.pk,
        "municipality_id": loaded.municipality_id,
    }


def similar_measures(measure: Measure, limit: int = 5) -> list[Similar]:
    """The `limit` published measures of other municipalities most like `measure` (published or not): TF-IDF
    cosine of title and description (title twice), plus shared action fields and user groups; each with the
    reason."""
    own = _own_document(measure)
    if own is None:
        return []
    own_tf = _term_frequencies(own)
    ranked_terms = [token for token, _count in own_tf.most_common(SOURCE_TERMS)]
    candidates = []
    total = 1
    if ranked_terms:
        frequencies, total = _document_frequencies(ranked_terms)
        rare_idf = math.log((total + 1) / 2) + 1

        def idf(token: str) -> float:
            df = frequencies.get(token)
            return rare_idf if df is None else math.log((total + 1) / (df + 1)) + 1

        own_weights = {token: count * idf(token) for token, count in own_tf.items()}
        by_weight = sorted(ranked_terms, key=lambda token: -own_weights[token])
        # Words in thousands of measures find everything and say little: look with the distinctive ones.
        query = [token for token in by_weight if frequencies[token] < DF_CAP][:QUERY_TERMS] or by_weight[:3]
        candidates = _candidates(query, own["municipality_id"])
    else:
        own_weights = {}

        def idf(token: str) -> float:
            return 1.0

    own_fields = set(parse_id_list(own["action_field_ids"]))
    own_groups = set(parse_id_list(own["user_group_ids"]))
    # Measures with the same primary action field but no distinctive word in common still count (one query, always
    # run so that the page's query count does not depend on the data; the newest first, along the field's index).
    seen = {candidate["id"] for candidate in candidates}
    more = (
        SearchDocument.objects.filter(kind=DocumentKind.MEASURE, action_field_id=measure.action_field_id)
        .exclude(municipality_id=own["municipality_id"])
        .order_by("-id")
        .values(*DOCUMENT_COLUMNS)[:FIELD_CANDIDATES]
    )
    candidates.extend(candidate for candidate in more if candidate["id"] not in seen)
    own_norm = math.sqrt(sum(weight * weight for weight in own_weights.values())) or 1.0
    scored = []
    for candidate in candidates:
        tf = _term_frequencies(candidate)
        weights = {token: count * idf(token) for token, count in tf.items()}
        norm = math.sqrt(sum(weight * weight for weight in weights.values())) or 1.0
        shared = {token: own_weights[token] * weights[token] for token in weights.keys() & own_weights.keys()}
        cosine = sum(shared.values()) / (own_norm * norm)
        fields = set(parse_id_list(candidate["action_field_ids"]))
        groups = set(parse_id_list(candidate["user_group_ids"]))
        field_share = len(own_fields & fields) / len(own_fields | fields) if own_fields | fields else 0.0
        group_share = len(own_groups & groups) / len(own_groups | groups) if own_groups | groups else 0.0
        score = TEXT_WEIGHT * cosine + FIELD_WEIGHT * field_share + GROUP_WEIGHT * group_share
        if score > 0:
            top_terms = sorted(shared, key=lambda token: -shared[token])[:3]
            scored.append((score, candidate["object_id"], top_terms, own_fields & fields, own_groups & groups))
    scored.sort(key=lambda item: (-item[0], item[1]))
    return _live_similar(measure, scored, limit)


def _live_similar(measure: Measure, scored: list, limit: int) -> list[Similar]:
    ids = [object_id for _score, object_id, *_rest in scored[: limit * 2]]
    live = {
        item.pk: item
        for item in Measure.objects.filter(pk__in=ids).select_related("municipality", "action_field")
        if item.is_public and item.municipality_id != measure.municipality_id  # see _visible_ids
    }
    field_ids = {pk for *_rest, fields, _groups in scored for pk in fields}
    group_ids = {pk for *_rest, groups in scored for pk in groups}
    names = dict(ActionField.objects.filter(pk__in=field_ids).values_list("pk", "name")) if field_ids else {}
    group_names = {}
    if group_ids:
        group_names = dict(UserGroup.objects.filter(pk__in=group_ids).order_by("order").values_list("pk", "name"))
    forms = _surface_forms(measure)
    result = []
    for score, object_id, terms, fields, groups in scored:
        if object_id not in live:
            continue
        result.append(
            Similar(
                measure=live[object_id],
                score=score,
                shared_fields=sorted(names[pk] for pk in fields if pk in names),
                shared_terms=[forms.get(token, token) for token in terms],
                shared_groups=[group_names[pk] for pk in group_names if pk in groups],
            )
        )
        if len(result) == limit:
            break
    return result
