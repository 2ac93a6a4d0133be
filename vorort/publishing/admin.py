from django.contrib import admin

from vorort.search.admin import SearchIndexedAdmin

from .models import Foreword, Publication, PublicationJob


@admin.register(Foreword)
class ForewordAdmin(admin.ModelAdmin):
    list_display = ["municipality", "title", "updated_at"]
    readonly_fields = ["version", "created_at", "updated_at"]


@admin.register(Publication)
class PublicationAdmin(SearchIndexedAdmin, admin.ModelAdmin):
    """Versions are written by the application only; the admin shows them."""

    list_display = [
        "title",
        "kind",
        "format",
        "audience",
        "number",
        "municipality",
        "network",
        "created_at",
        "is_public",
    ]
    list_filter = ["kind", "format", "audience", "is_public"]
    search_fields = ["title", "sha256"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(PublicationJob)
class PublicationJobAdmin(admin.ModelAdmin):
    list_display = ["kind", "format", "mode", "status", "progress", "municipality", "network", "created_at"]
    list_filter = ["status", "mode", "kind"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
