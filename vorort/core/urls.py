from django.urls import path

from vorort.portal.views import home as portal_home

from . import views

app_name = "core"

urlpatterns = [
    path("", portal_home, name="home"),  # the public portal (vorort.portal) is the start page
    path("start/", views.dashboard, name="dashboard"),
    path("healthz", views.healthz, name="healthz"),
    path("arbeitsbereich/<slug:slug>/verlauf/", views.municipality_audit, name="municipality_audit"),
    path(
        "arbeitsbereich/<slug:slug>/verlauf/<str:model>/<int:pk>/",
        views.object_history,
        name="object_history",
    ),
    path("netzwerk/verlauf/", views.network_audit, name="network_audit"),
]
