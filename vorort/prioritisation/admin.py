from django.contrib import admin

from .models import Catalogue, CatalogueEntry, CouncilResolution, Criterion, CriterionTemplate, RatingRound


@admin.register(CriterionTemplate)
class CriterionTemplateAdmin(admin.ModelAdmin):
    list_display = ["name", "network", "direction", "source", "default_weight", "order"]
    list_filter = ["network", "source"]


@admin.register(Criterion)
class CriterionAdmin(admin.ModelAdmin):
    list_display = ["name", "municipality", "direction", "source", "weight", "order"]
    list_filter = ["municipality", "source"]
    search_fields = ["name"]


@admin.register(RatingRound)
class RatingRoundAdmin(admin.ModelAdmin):
    list_display = ["title", "municipality", "status", "opened_on", "closed_on"]
    list_filter = ["status", "municipality"]
    filter_horizontal = ["measures", "raters"]


class FrozenAdmin(admin.ModelAdmin):
    """Frozen catalogues are read-only, also here."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class CatalogueEntryInline(admin.TabularInline):
    model = CatalogueEntry
    fields = ["rank", "title", "score", "rank_low", "rank_high", "stable"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Catalogue)
class CatalogueAdmin(FrozenAdmin):
    list_display = ["title", "municipality", "frozen_on"]
    list_filter = ["municipality"]
    inlines = [CatalogueEntryInline]


@admin.register(CouncilResolution)
class CouncilResolutionAdmin(FrozenAdmin):
    list_display = ["catalogue", "decided_on", "reference"]
