from django.contrib import admin

from .models import (
    AssessmentAnswer,
    AssessmentQuestion,
    AssessmentRound,
    DroppedSuggestion,
    Focus,
    Goal,
    GuidingPrinciple,
    Indicator,
    Measurement,
    Need,
    VisionVersion,
)


@admin.register(AssessmentQuestion)
class AssessmentQuestionAdmin(admin.ModelAdmin):
    list_display = ["text", "action_field", "guideline", "order", "active", "network"]
    list_filter = ["network", "action_field__name", "guideline", "active"]
    search_fields = ["text"]


class AssessmentAnswerInline(admin.TabularInline):
    model = AssessmentAnswer
    extra = 0
    fields = ["question", "level", "comment"]
    raw_id_fields = ["question"]


@admin.register(AssessmentRound)
class AssessmentRoundAdmin(admin.ModelAdmin):
    list_display = ["title", "municipality", "conducted_on", "status", "completed_at"]
    list_filter = ["status", "municipality__network", "municipality"]
    search_fields = ["title", "municipality__name"]
    inlines = [AssessmentAnswerInline]


@admin.register(Need)
class NeedAdmin(admin.ModelAdmin):
    list_display = ["title", "municipality", "action_field", "user_group", "source", "weight", "recorded_on"]
    list_filter = ["municipality", "action_field__name", "source", "weight"]
    search_fields = ["title", "description"]


class GuidingPrincipleInline(admin.TabularInline):
    model = GuidingPrinciple
    extra = 0


@admin.register(VisionVersion)
class VisionVersionAdmin(admin.ModelAdmin):
    list_display = ["title", "municipality", "number", "state", "adopted_on", "resolution_number"]
    list_filter = ["state", "municipality"]
    search_fields = ["title", "text"]
    inlines = [GuidingPrincipleInline]


class GoalInline(admin.TabularInline):
    model = Goal
    extra = 0
    fields = ["title", "order"]


@admin.register(Focus)
class FocusAdmin(admin.ModelAdmin):
    list_display = ["title", "municipality", "action_field", "suggested", "order"]
    list_filter = ["municipality", "action_field__name", "suggested"]
    search_fields = ["title", "rationale"]
    filter_horizontal = ["needs"]
    inlines = [GoalInline]


@admin.register(DroppedSuggestion)
class DroppedSuggestionAdmin(admin.ModelAdmin):
    list_display = ["action_field", "municipality", "dropped_by", "created_at"]
    list_filter = ["municipality"]


class IndicatorInline(admin.TabularInline):
    model = Indicator
    extra = 0
    fields = ["name", "unit", "baseline_value", "baseline_date", "target_value", "target_date"]


@admin.register(Goal)
class GoalAdmin(admin.ModelAdmin):
    list_display = ["title", "focus", "municipality", "order"]
    list_filter = ["municipality"]
    search_fields = ["title"]
    inlines = [IndicatorInline]


class MeasurementInline(admin.TabularInline):
    model = Measurement
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["name", "unit", "goal", "municipality", "baseline_value", "target_value", "target_date"]
    list_filter = ["municipality"]
    search_fields = ["name"]
    inlines = [MeasurementInline]
