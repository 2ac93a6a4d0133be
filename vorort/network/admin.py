from django.contrib import admin

from vorort.search.admin import SearchIndexedAdmin

from .models import ActionField, Municipality, Network


@admin.register(Network)
class NetworkAdmin(admin.ModelAdmin):
    list_display = ["name", "programme"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Municipality)
class MunicipalityAdmin(SearchIndexedAdmin, admin.ModelAdmin):
    list_display = ["name", "county_label", "population", "size_class_label", "rural", "structurally_weak"]
    list_filter = ["network", "rural", "structurally_weak"]
    search_fields = ["name", "county"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(ActionField)
class ActionFieldAdmin(SearchIndexedAdmin, admin.ModelAdmin):
    list_display = ["name", "network", "order", "colour"]
    list_editable = ["order"]
    list_filter = ["network"]
