"""The two full-text engines behind one interface: SQLite FTS5 and PostgreSQL tsvector.

Both get the same sanitised tokens (vorort.search.text): stemming and folding happen in Python, so the engines
only match tokens, with a trailing prefix wildcard where the token is long enough. Nothing the user typed reaches
SQL except as [a-z0-9] tokens inside a bound parameter.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence

from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from .text import Group, Term

DOCUMENTS = "search_searchdocument"
# Relative weight of title, body and extra terms (municipality, action field and user group names).
WEIGHTS = (4.0, 1.0, 0.5)


class Engine(ABC):
    """SQL fragments for matching and the upkeep of the engine's own index structures."""

    vendor = ""

    @abstractmethod
    def expression(self, groups: Sequence[Group], *, any_group: bool = False) -> str:
        """The engine's query language for `groups`: all groups must match (or any, for `any_group`)."""

    @abstractmethod
    def match(self, expression: str) -> tuple[str, str, str, list]:
        """(FROM clause giving documents as `d`, WHERE condition, score expression (higher is better), params)."""

    @abstractmethod
    def document_frequency(self, token: str, cap: int) -> tuple[str, list]:
        """A scalar subquery: in how many documents `token` occurs in title or body, counted up to `cap`."""

    @abstractmethod
    def write(self, cursor, ids: Iterable[int]) -> None:
        """Bring the engine's index up to date for the document rows `ids` (just written)."""

    @abstractmethod
    def delete(self, cursor, ids: Iterable[int]) -> None:
        """Forget the document rows `ids` (about to be deleted)."""

    @abstractmethod
    def clear(self, cursor) -> None:
        """Forget everything (before a rebuild)."""

    @abstractmethod
    def load_all(self, cursor) -> None:
        """Index every document row (after a rebuild)."""

    @abstractmethod
    def raw_ids(self, cursor, expression: str, limit: int) -> list[int]:
        """The bare engine query: best `limit` document ids for `expression`, nothing else (benchmark baseline)."""


def _chunks(ids: Iterable[int], size: int = 500):
    ids = list(ids)
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


class SQLiteEngine(Engine):
    """FTS5 table `search_fts(title, body, extra)` whose rowid is the document id; ranked by bm25."""

    vendor = "sqlite"

    @staticmethod
    def _term(term: Term) -> str:
        return f'"{term.token}"*' if term.prefix else f'"{term.token}"'

    def expression(self, groups, *, any_group=False):
        rendered = []
        for group in groups:
            alternatives = ["(" + " AND ".join(self._term(term) for term in alt) + ")" for alt in group]
            rendered.append("(" + " OR ".join(alternatives) + ")")
        return (" OR " if any_group else " AND ").join(rendered)

    def match(self, expression):
        weights = ", ".join(str(weight) for weight in WEIGHTS)
        # CROSS JOIN keeps SQLite from driving the query from the document table.
        return (
            f"search_fts CROSS JOIN {DOCUMENTS} d ON d.id = search_fts.rowid",
            "search_fts MATCH %s",
            f"-bm25(search_fts, {weights})",
            [expression],
        )

    def document_frequency(self, token, cap):
        return (
            "(SELECT COUNT(*) FROM (SELECT 1 FROM search_fts WHERE search_fts MATCH %s LIMIT %s))",
            [f'{{title body}} : "{token}"', cap],
        )

    def write(self, cursor, ids):
        for chunk in _chunks(ids):
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(f"DELETE FROM search_fts WHERE rowid IN ({marks})", chunk)  # noqa: S608 - only %s marks
            cursor.execute(
                f"INSERT INTO search_fts(rowid, title, body, extra) "  # noqa: S608 - only %s marks
                f"SELECT id, title_terms, body_terms, extra_terms FROM {DOCUMENTS} WHERE id IN ({marks})",
                chunk,
            )

    def delete(self, cursor, ids):
        for chunk in _chunks(ids):
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(f"DELETE FROM search_fts WHERE rowid IN ({marks})", chunk)  # noqa: S608 - only %s marks

    def clear(self, cursor):
        cursor.execute("DELETE FROM search_fts")

    def load_all(self, cursor):
        cursor.execute(
            f"INSERT INTO search_fts(rowid, title, body, extra) "  # noqa: S608 - constant names
            f"SELECT id, title_terms, body_terms, extra_terms FROM {DOCUMENTS}"
        )
        cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")

    def raw_ids(self, cursor, expression, limit):
        weights = ", ".join(str(weight) for weight in WEIGHTS)
        cursor.execute(
            f"SELECT rowid FROM search_fts WHERE search_fts MATCH %s "  # noqa: S608 - constant weights only
            f"ORDER BY bm25(search_fts, {weights}) LIMIT %s",
            [expression, limit],
        )
        return [row[0] for row in cursor.fetchall()]


class PostgresEngine(Engine):
    """Generated column `search_vector` (title A, body B, extra C) with a GIN index; ranked by ts_rank."""

    vendor = "postgresql"

    @staticmethod
    def _term(term: Term) -> str:
        return f"{term.token}:*" if term.prefix else term.token

    def expression(self, groups, *, any_group=False):
        rendered = []
        for group in groups:
            alternatives = ["(" + " & ".join(self._term(term) for term in alt) + ")" for alt in group]
            rendered.append("(" + " | ".join(alternatives) + ")")
        return (" | " if any_group else " & ").join(rendered)

    def match(self, expression):
        return (
            f"{DOCUMENTS} d CROSS JOIN to_tsquery('simple', %s) q",
            "d.search_vector @@ q",
            "ts_rank('{0.1, 0.1, 0.25, 1.0}', d.search_vector, q, 1)",
            [expression],
        )

    def document_frequency(self, token, cap):
        # Counted over the whole vector, not only title and body (`token:AB`): a weight restriction makes the GIN
        # index lossy, so every match would be re-checked against its stored vector (3x slower at 100 000
        # documents). The extra terms are a few names per document, so the counts hardly differ.
        return (
            f"(SELECT COUNT(*) FROM (SELECT 1 FROM {DOCUMENTS} "  # noqa: S608 - constant names
            f"WHERE search_vector @@ to_tsquery('simple', %s) LIMIT %s) s)",
            [token, cap],
        )

    # The vector is a generated column of the document row: written, deleted and rebuilt with it.
    def write(self, cursor, ids):
        pass

    def delete(self, cursor, ids):
        pass

    def clear(self, cursor):
        pass

    def load_all(self, cursor):
        pass

    def raw_ids(self, cursor, expression, limit):
        cursor.execute(
            f"SELECT id FROM {DOCUMENTS}, to_tsquery('simple', %s) q WHERE search_vector @@ q "  # noqa: S608
            f"ORDER BY ts_rank('{{0.1, 0.1, 0.25, 1.0}}', search_vector, q, 1) DESC LIMIT %s",
            [expression, limit],
        )
        return [row[0] for row in cursor.fetchall()]


ENGINES = {"sqlite": SQLiteEngine(), "postgresql": PostgresEngine()}


def engine() -> Engine:
    try:
        return ENGINES[connection.vendor]
    except KeyError:
        raise ImproperlyConfigured("Die Volltextsuche braucht SQLite (FTS5) oder PostgreSQL.") from None
