"""The Django admin writes past the services: this mixin keeps the search index current for what it changes."""

from __future__ import annotations

from .services import search_index_remove, search_index_update
from .sources import MODEL_KINDS


class SearchIndexedAdmin:
    """For ModelAdmins of indexed models (measures, lessons, events, publications) and of what their documents
    name (municipalities, action fields)."""

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        search_index_update(form.instance)  # after the inlines and m2m: benefits and fields are in the document

    def delete_model(self, request, obj):
        if type(obj) in MODEL_KINDS:  # a deleted municipality takes its documents with it (foreign key)
            search_index_remove(obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        if queryset.model in MODEL_KINDS:
            for obj in queryset:
                search_index_remove(obj)
        super().delete_queryset(request, queryset)
