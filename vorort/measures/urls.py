from django.urls import path

from . import views, views_io

app_name = "measures"

urlpatterns = [
    path("arbeitsbereich/<slug:slug>/massnahmen/", views.measure_list, name="list"),
    path("arbeitsbereich/<slug:slug>/massnahmen/neu/", views.measure_create, name="create"),
    path("arbeitsbereich/<slug:slug>/massnahmen/<int:pk>/", views.measure_detail, name="measure"),
    path("arbeitsbereich/<slug:slug>/massnahmen/<int:pk>/bearbeiten/", views.measure_edit, name="edit"),
    path("arbeitsbereich/<slug:slug>/massnahmen/<int:pk>/loeschen/", views.measure_delete, name="delete"),
    path("arbeitsbereich/<slug:slug>/massnahmen/<int:pk>/status/", views.measure_status, name="status"),
    path("arbeitsbereich/<slug:slug>/massnahmen/<int:pk>/mehrwert/", views.measure_benefits, name="benefits"),
    path("arbeitsbereich/<slug:slug>/massnahmen/<int:pk>/zeile/status/", views.row_status, name="row_status"),
    path("arbeitsbereich/<slug:slug>/massnahmen/<int:pk>/zeile/sichtbarkeit/", views.row_public, name="row_public"),
    path(
        "arbeitsbereich/<slug:slug>/massnahmen/<int:pk>/abhaengigkeiten/neu/",
        views.dependency_add,
        name="dependency_add",
    ),
    path(
        "arbeitsbereich/<slug:slug>/massnahmen/abhaengigkeiten/<int:pk>/entfernen/",
        views.dependency_remove,
        name="dependency_remove",
    ),
    path(
        "arbeitsbereich/<slug:slug>/massnahmen/<int:pk>/meilensteine/neu/",
        views.milestone_create,
        name="milestone_create",
    ),
    path(
        "arbeitsbereich/<slug:slug>/massnahmen/meilensteine/<int:pk>/",
        views.milestone_edit,
        name="milestone_edit",
    ),
    path(
        "arbeitsbereich/<slug:slug>/massnahmen/meilensteine/<int:pk>/erledigt/",
        views.milestone_toggle,
        name="milestone_toggle",
    ),
    path(
        "arbeitsbereich/<slug:slug>/massnahmen/meilensteine/<int:pk>/loeschen/",
        views.milestone_delete,
        name="milestone_delete",
    ),
    path(
        "arbeitsbereich/<slug:slug>/massnahmen/<int:pk>/berichte/neu/",
        views.report_create,
        name="report_create",
    ),
    path(
        "arbeitsbereich/<slug:slug>/massnahmen/berichte/<int:pk>/loeschen/",
        views.report_delete,
        name="report_delete",
    ),
    path(
        "arbeitsbereich/<slug:slug>/massnahmen/<int:pk>/partner/neu/",
        views.involvement_add,
        name="involvement_add",
    ),
    path(
        "arbeitsbereich/<slug:slug>/massnahmen/partner/<int:pk>/entfernen/",
        views.involvement_remove,
        name="involvement_remove",
    ),
]

urlpatterns += [
    path("arbeitsbereich/<slug:slug>/massnahmen/import/", views_io.measure_import, name="import"),
    path(
        "arbeitsbereich/<slug:slug>/massnahmen/import/bestaetigen/",
        views_io.measure_import_confirm,
        name="import_confirm",
    ),
    path("arbeitsbereich/<slug:slug>/massnahmen/export.xlsx", views_io.measure_export_xlsx, name="export_xlsx"),
    path("arbeitsbereich/<slug:slug>/massnahmen/export.csv", views_io.measure_export_csv, name="export_csv"),
]
