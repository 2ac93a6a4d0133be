from django.contrib import admin

from vorort.search.admin import SearchIndexedAdmin

from .models import Lesson


@admin.register(Lesson)
class LessonAdmin(SearchIndexedAdmin, admin.ModelAdmin):
    list_display = ["title", "municipality", "measure", "event", "is_public", "created_at"]
    list_filter = ["is_public", "municipality__network", "municipality"]
    search_fields = ["title", "text"]
    raw_id_fields = ["measure", "event", "created_by"]
    readonly_fields = ["version", "created_at", "updated_at"]
