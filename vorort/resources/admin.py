from django.contrib import admin
from django.db import models

from .models import Assignment, Body, BodyMembership, Capacity, Involvement, Partner, Person


class InvolvementInline(admin.TabularInline):
    model = Involvement
    extra = 0
    raw_id_fields = ["measure"]


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["name", "kind", "municipality", "contact_name"]
    list_filter = ["kind", "municipality__network", "municipality"]
    search_fields = ["name", "contact_name"]
    readonly_fields = ["version", "created_at", "updated_at"]
    inlines = [InvolvementInline]


@admin.register(Involvement)
class InvolvementAdmin(admin.ModelAdmin):
    list_display = ["partner", "measure", "role"]
    list_filter = ["partner__municipality"]
    search_fields = ["partner__name", "measure__title", "role"]
    raw_id_fields = ["partner", "measure"]


class BodyMembershipInline(admin.TabularInline):
    model = BodyMembership
    extra = 0
    raw_id_fields = ["person", "partner"]


@admin.register(Body)
class BodyAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "rhythm", "municipality"]
    list_filter = ["kind", "rhythm", "municipality__network", "municipality"]
    search_fields = ["name", "purpose"]
    readonly_fields = ["version", "created_at", "updated_at"]
    inlines = [BodyMembershipInline]


class CapacityInline(admin.TabularInline):
    model = Capacity
    extra = 0
    fields = ["valid_from", "valid_to", "hours_per_week", "note"]


class AssignmentInline(admin.TabularInline):
    model = Assignment
    extra = 0
    fields = ["measure", "hours_per_week", "start", "end", "note"]
    raw_id_fields = ["measure"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "position", "unit", "municipality"]
    list_filter = ["municipality__network", "municipality"]
    search_fields = ["name", "unit", "position"]
    readonly_fields = ["version", "created_at", "updated_at"]
    inlines = [CapacityInline, AssignmentInline]


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ["person", "measure", "hours_per_week", "start", "end"]
    list_filter = ["person__municipality"]
    search_fields = ["person__name", "measure__title", "note"]
    raw_id_fields = ["person", "measure"]
    readonly_fields = ["version", "created_at", "updated_at"]
