from django.contrib import admin

from .models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: the audit trail cannot be edited or deleted."""

    list_display = ["created_at", "actor_label", "municipality", "content_type", "object_repr", "action"]
    list_filter = ["action", "content_type", "municipality"]
    search_fields = ["object_repr", "actor_label"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
