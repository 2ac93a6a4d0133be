from django.urls import path

from . import views

app_name = "publishing"

# The pages, once for a municipality's documents and once for the network's own.
_PAGES = [
    ("", "list"),
    ("vorschau/<str:kind>.<str:fmt>", "preview"),
    ("festschreiben/", "freeze"),
    ("<int:pk>/datei/", "download"),
    ("<int:pk>/veroeffentlichen/", "publish"),
    ("formate/<int:pk>/", "event"),
    ("formate/<int:pk>/vorschau.<str:fmt>", "event_preview"),
    ("auftraege/<int:pk>/", "job"),
    ("auftraege/<int:pk>/datei/", "job_file"),
]

urlpatterns = [
    # Public: published versions only
    path("publikationen/kommunen/<slug:slug>/", views.public_municipality, name="public_municipality"),
    path("publikationen/netzwerke/<slug:slug>/", views.public_network, name="public_network"),
    path("publikationen/dateien/<int:pk>/", views.public_file, name="public_file"),
    # A municipality's foreword
    path("arbeitsbereich/<slug:slug>/publikationen/vorwort/", views.m_foreword, name="m_foreword"),
]
urlpatterns += [
    path(f"arbeitsbereich/<slug:slug>/publikationen/{route}", getattr(views, f"m_{name}"), name=f"m_{name}")
    for route, name in _PAGES
]
urlpatterns += [
    path(f"netzwerk/publikationen/{route}", getattr(views, f"n_{name}"), name=f"n_{name}") for route, name in _PAGES
]
