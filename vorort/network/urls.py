from django.urls import path

from . import views

app_name = "network"

urlpatterns = [
    path("arbeitsbereich/<slug:slug>/", views.workspace, name="workspace"),
    path("netzwerk/cockpit/", views.cockpit, name="cockpit"),
    path("netzwerk/kommunen/", views.municipality_list, name="municipality_list"),
    path("netzwerk/kommunen/neu/", views.municipality_create, name="municipality_create"),
    path("netzwerk/kommunen/<int:pk>/", views.municipality_edit, name="municipality_edit"),
    path("netzwerk/handlungsfelder/", views.action_field_list, name="action_field_list"),
    path("netzwerk/handlungsfelder/neu/", views.action_field_create, name="action_field_create"),
    path("netzwerk/handlungsfelder/<int:pk>/", views.action_field_edit, name="action_field_edit"),
]
