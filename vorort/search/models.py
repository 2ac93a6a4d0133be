"""The search index: one row per published object, with its facets as columns and its text as search terms.

Rows are derived data, written only by `vorort.search.services`; the full-text part lives next to them: an FTS5
table `search_fts` on SQLite (same row id), a generated tsvector column `search_vector` with a GIN index on
PostgreSQL (see migration 0002).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    MEASURE = "massnahme", _("Maßnahme")
    LESSON = "wissen", _("Wissen")
    EVENT = "format", _("Format")
    PUBLICATION = "publikation", _("Publikation")


class SearchDocument(models.Model):
    kind = models.CharField(_("Art"), max_length=20, choices=DocumentKind.choices)
    object_id = models.PositiveBigIntegerField(_("Objekt"))
    network = models.ForeignKey("network.Network", on_delete=models.CASCADE, related_name="+")
    municipality = models.ForeignKey(
        "network.Municipality", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(_("Titel"), max_length=300)
    summary = models.CharField(_("Kurztext"), max_length=600, blank=True)
    date = models.DateField(_("Datum"), null=True, blank=True)
    # Facets. Lists of ids are kept as "|1|4|" so that one LIKE finds an id and one grouped query counts them.
    action_field = models.ForeignKey(
        "network.ActionField", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action_field_ids = models.CharField(max_length=200, blank=True)
    user_group_ids = models.CharField(max_length=400, blank=True)
    size_class = models.CharField(max_length=10, blank=True)
    rural = models.BooleanField(default=False)
    status = models.CharField(max_length=20, blank=True)
    # Folded and stemmed tokens (vorort.search.text), separated by spaces, in text order.
    title_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)
    extra_terms = models.TextField(blank=True)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Sucheintrag")
        verbose_name_plural = _("Suchindex")
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="search_document_unique")]
        indexes = [models.Index(fields=["kind", "municipality"], name="search_kind_municipality_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"


def id_list(ids) -> str:
    """Ids as stored in the list columns: "|1|4|" (empty for none)."""
    ids = sorted({int(value) for value in ids})
    return f"|{'|'.join(map(str, ids))}|" if ids else ""


def parse_id_list(value: str) -> list[int]:
    return [int(part) for part in value.split("|") if part]
