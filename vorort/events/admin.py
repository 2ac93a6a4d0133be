from django.contrib import admin

from vorort.search.admin import SearchIndexedAdmin

from .models import (
    AgendaItem,
    CalendarToken,
    Event,
    EventDocument,
    EventResult,
    Registration,
    WorkshopResult,
    WorkshopTopic,
)


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 0
    fields = ["time", "title", "note", "order"]


class WorkshopTopicInline(admin.TabularInline):
    model = WorkshopTopic
    extra = 0
    fields = ["title", "measure", "description", "order"]
    raw_id_fields = ["measure"]


@admin.register(Event)
class EventAdmin(SearchIndexedAdmin, admin.ModelAdmin):
    list_display = ["title", "kind", "mode", "starts_at", "network", "municipality", "is_public", "capacity"]
    list_filter = ["kind", "mode", "is_public", "network", "municipality"]
    search_fields = ["title", "location"]
    date_hierarchy = "starts_at"
    filter_horizontal = ["participating_municipalities"]
    readonly_fields = ["version", "created_at", "updated_at", "created_by"]
    inlines = [AgendaItemInline, WorkshopTopicInline]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["event", "user", "status", "queued_at", "attended", "reminded_for"]
    list_filter = ["status", "attended"]
    search_fields = ["event__title", "user__email", "user__name"]
    raw_id_fields = ["event", "user"]


@admin.register(EventResult)
class EventResultAdmin(admin.ModelAdmin):
    list_display = ["__str__", "event", "need", "measure"]
    search_fields = ["text", "event__title"]
    raw_id_fields = ["event", "need", "measure", "idea", "created_by"]


@admin.register(EventDocument)
class EventDocumentAdmin(admin.ModelAdmin):
    list_display = ["original_name", "event", "kind", "size", "created_at"]
    list_filter = ["kind"]
    search_fields = ["original_name", "caption", "event__title"]
    readonly_fields = ["file", "original_name", "kind", "content_type", "size", "uploaded_by"]
    raw_id_fields = ["event"]


@admin.register(WorkshopResult)
class WorkshopResultAdmin(admin.ModelAdmin):
    list_display = ["topic", "event", "dots", "recorded_by", "updated_at"]
    raw_id_fields = ["event", "topic", "recorded_by"]


@admin.register(CalendarToken)
class CalendarTokenAdmin(admin.ModelAdmin):
    """Only the hash is stored; the admin can see that a feed exists and revoke it, never read the address."""

    list_display = ["user", "created_at", "revoked_at", "last_used_at"]
    list_filter = ["revoked_at"]
    search_fields = ["user__email"]
    readonly_fields = ["user", "token_hash", "created_at", "last_used_at"]

    def has_add_permission(self, request) -> bool:
        return False
