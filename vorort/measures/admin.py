from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from vorort.search.admin import SearchIndexedAdmin

from .models import Benefit, Measure, MeasureDependency, MeasureMilestone, StatusChange, StatusReport


class BenefitInline(admin.TabularInline):
    model = Benefit
    extra = 0


class MeasureMilestoneInline(admin.TabularInline):
    model = MeasureMilestone
    extra = 0
    fields = ["title", "due_date", "done", "done_at"]


class StatusReportInline(admin.StackedInline):
    model = StatusReport
    extra = 0
    fields = ["reported_on", "traffic_light", "text", "author"]
    raw_id_fields = ["author"]


class StatusChangeInline(admin.TabularInline):
    model = StatusChange
    extra = 0
    fields = ["changed_on", "from_status", "to_status", "changed_by", "note"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class DependencyInline(admin.TabularInline):
    model = MeasureDependency
    fk_name = "measure"
    extra = 0
    raw_id_fields = ["depends_on"]
    verbose_name = _("hängt ab von")
    verbose_name_plural = _("hängt ab von")


@admin.register(Measure)
class MeasureAdmin(SearchIndexedAdmin, admin.ModelAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["title", "reference", "municipality", "action_field", "status", "is_public", "updated_at"]
    list_filter = ["status", "is_public", "origin", "transferability", "municipality__network", "municipality"]
    search_fields = ["title", "reference", "summary"]
    raw_id_fields = ["source_measure", "focus"]
    filter_horizontal = ["further_action_fields", "goals", "partner_municipalities"]
    readonly_fields = ["version", "created_at", "updated_at"]
    inlines = [BenefitInline, StatusChangeInline, DependencyInline, MeasureMilestoneInline, StatusReportInline]


@admin.register(MeasureMilestone)
class MeasureMilestoneAdmin(admin.ModelAdmin):
    list_display = ["title", "measure", "due_date", "done"]
    list_filter = ["done", "measure__municipality"]
    search_fields = ["title", "measure__title"]
    raw_id_fields = ["measure"]


@admin.register(StatusReport)
class StatusReportAdmin(admin.ModelAdmin):
    list_display = ["measure", "reported_on", "traffic_light", "author"]
    list_filter = ["traffic_light", "measure__municipality"]
    search_fields = ["measure__title", "text"]
    raw_id_fields = ["measure", "author"]


@admin.register(MeasureDependency)
class MeasureDependencyAdmin(admin.ModelAdmin):
    list_display = ["measure", "depends_on"]
    list_filter = ["measure__municipality"]
    search_fields = ["measure__title", "depends_on__title"]
    raw_id_fields = ["measure", "depends_on"]
