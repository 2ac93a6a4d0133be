from django.contrib import admin
from django.db import models

from .models import Involvement, Partner


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
