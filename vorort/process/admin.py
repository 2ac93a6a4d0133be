from django.contrib import admin

from .models import Milestone, Phase, PhaseDefinition, Process


@admin.register(PhaseDefinition)
class PhaseDefinitionAdmin(admin.ModelAdmin):
    list_display = ["name", "network", "order"]
    list_filter = ["network"]


class PhaseInline(admin.TabularInline):
    model = Phase
    extra = 0
    fields = ["definition", "status", "planned_start", "planned_end", "actual_start", "actual_end"]


@admin.register(Process)
class ProcessAdmin(admin.ModelAdmin):
    list_display = ["municipality", "title"]
    inlines = [PhaseInline]


@admin.register(Milestone)
class MilestoneAdmin(admin.ModelAdmin):
    list_display = ["title", "phase", "due_date", "done", "owner"]
    list_filter = ["done", "phase__definition", "phase__process__municipality"]
    search_fields = ["title"]
