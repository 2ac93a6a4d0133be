from django.urls import path

from . import views

app_name = "process"

urlpatterns = [
    path("arbeitsbereich/<slug:slug>/prozess/", views.process_detail, name="detail"),
    path("arbeitsbereich/<slug:slug>/prozess/phasen/<int:pk>/", views.phase_edit, name="phase_edit"),
    path("arbeitsbereich/<slug:slug>/prozess/meilensteine/neu/", views.milestone_create, name="milestone_create"),
    path("arbeitsbereich/<slug:slug>/prozess/meilensteine/<int:pk>/", views.milestone_edit, name="milestone_edit"),
    path(
        "arbeitsbereich/<slug:slug>/prozess/meilensteine/<int:pk>/erledigt/",
        views.milestone_toggle,
        name="milestone_toggle",
    ),
    path(
        "arbeitsbereich/<slug:slug>/prozess/meilensteine/<int:pk>/loeschen/",
        views.milestone_delete,
        name="milestone_delete",
    ),
    path("netzwerk/phasen/", views.phase_definition_list, name="phase_definitions"),
    path("netzwerk/phasen/<int:pk>/", views.phase_definition_edit, name="phase_definition_edit"),
    path("netzwerk/phasen/<int:pk>/verschieben/", views.phase_definition_move, name="phase_definition_move"),
]
