from django.urls import path

from . import views

app_name = "strategy"

W = "arbeitsbereich/<slug:slug>/"

urlpatterns = [
    # Reifegrad-Check: the network's questionnaire
    path("netzwerk/reifegrad-check/", views.question_list, name="question_list"),
    path("netzwerk/reifegrad-check/neu/", views.question_create, name="question_create"),
    path("netzwerk/reifegrad-check/standardfragen/", views.question_defaults, name="question_defaults"),
    path("netzwerk/reifegrad-check/<int:pk>/", views.question_edit, name="question_edit"),
    # Reifegrad-Check: a municipality's rounds
    path(W + "reifegrad-check/", views.assessment, name="assessment"),
    path(W + "reifegrad-check/neu/", views.round_create, name="round_create"),
    path(W + "reifegrad-check/<int:pk>/", views.round_detail, name="round_detail"),
    path(W + "reifegrad-check/<int:pk>/bearbeiten/", views.round_edit, name="round_edit"),
    path(W + "reifegrad-check/<int:pk>/abschliessen/", views.round_complete, name="round_complete"),
    path(W + "reifegrad-check/<int:pk>/loeschen/", views.round_delete, name="round_delete"),
    path(W + "reifegrad-check/<int:pk>/fragen/<slug:field>/", views.round_answer, name="round_answer"),
    # Bedarfe
    path(W + "bedarfe/", views.need_list, name="need_list"),
    path(W + "bedarfe/neu/", views.need_create, name="need_create"),
    path(W + "bedarfe/<int:pk>/", views.need_edit, name="need_edit"),
    path(W + "bedarfe/<int:pk>/loeschen/", views.need_delete, name="need_delete"),
    # Vision
    path(W + "vision/", views.vision, name="vision"),
    path(W + "vision/neu/", views.vision_create, name="vision_create"),
    path(W + "vision/neue-fassung/", views.vision_new_version, name="vision_new_version"),
    path(W + "vision/vergleich/", views.vision_compare, name="vision_compare"),
    path(W + "vision/<int:pk>/", views.vision_detail, name="vision_detail"),
    path(W + "vision/<int:pk>/bearbeiten/", views.vision_edit, name="vision_edit"),
    path(W + "vision/<int:pk>/beschliessen/", views.vision_adopt, name="vision_adopt"),
    path(W + "vision/<int:pk>/loeschen/", views.vision_delete, name="vision_delete"),
    # Handlungsschwerpunkte, suggestions, goals, indicators
    path(W + "schwerpunkte/", views.focus_list, name="focus_list"),
    path(W + "schwerpunkte/neu/", views.focus_create, name="focus_create"),
    path(W + "schwerpunkte/<int:pk>/", views.focus_edit, name="focus_edit"),
    path(W + "schwerpunkte/<int:pk>/loeschen/", views.focus_delete, name="focus_delete"),
    path(W + "schwerpunkte/<int:pk>/ziele/neu/", views.goal_create, name="goal_create"),
    path(W + "schwerpunkte/vorschlaege/<slug:field>/", views.suggestion_confirm, name="suggestion_confirm"),
    path(W + "schwerpunkte/vorschlaege/<slug:field>/verwerfen/", views.suggestion_drop, name="suggestion_drop"),
    path(
        W + "schwerpunkte/vorschlaege/<slug:field>/wieder-anbieten/",
        views.suggestion_restore,
        name="suggestion_restore",
    ),
    path(W + "schwerpunkte/ziele/<int:pk>/", views.goal_edit, name="goal_edit"),
    path(W + "schwerpunkte/ziele/<int:pk>/loeschen/", views.goal_delete, name="goal_delete"),
    path(W + "schwerpunkte/ziele/<int:pk>/indikatoren/neu/", views.indicator_create, name="indicator_create"),
    path(W + "schwerpunkte/indikatoren/<int:pk>/", views.indicator_detail, name="indicator_detail"),
    path(W + "schwerpunkte/indikatoren/<int:pk>/bearbeiten/", views.indicator_edit, name="indicator_edit"),
    path(W + "schwerpunkte/indikatoren/<int:pk>/loeschen/", views.indicator_delete, name="indicator_delete"),
    path(W + "schwerpunkte/indikatoren/<int:pk>/messwerte/", views.measurement_create, name="measurement_create"),
    path(W + "schwerpunkte/messwerte/<int:pk>/loeschen/", views.measurement_delete, name="measurement_delete"),
]
