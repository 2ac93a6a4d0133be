from django.contrib import admin

from .models import CitizenProfile, Comment, Consent, Idea, Participation, Vote


@admin.register(Participation)
class ParticipationAdmin(admin.ModelAdmin):
    list_display = ["title", "municipality", "state", "starts_on", "ends_on", "anonymised_at"]
    list_filter = ["state", "municipality"]
    search_fields = ["title"]
    filter_horizontal = ["measures"]


@admin.register(Idea)
class IdeaAdmin(admin.ModelAdmin):
    list_display = ["title", "participation", "moderation", "created_at"]
    list_filter = ["moderation", "participation__municipality"]
    search_fields = ["title"]
    raw_id_fields = ["author", "moderated_by", "need", "measure"]


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "participation", "moderation", "created_at"]
    list_filter = ["moderation", "participation__municipality"]
    raw_id_fields = ["author", "moderated_by", "idea", "measure"]


@admin.register(Vote)
class VoteAdmin(admin.ModelAdmin):
    """Read-only: votes change only through the citizens' own requests."""

    list_display = ["measure", "participation", "created_at"]
    list_filter = ["participation__municipality"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Consent)
class ConsentAdmin(admin.ModelAdmin):
    list_display = ["participation", "given_at"]
    raw_id_fields = ["user"]

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(CitizenProfile)
class CitizenProfileAdmin(admin.ModelAdmin):
    list_display = ["__str__", "created_at", "email_confirmed_at"]
    raw_id_fields = ["user"]
