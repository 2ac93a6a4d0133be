from django.urls import path

from . import views

app_name = "events"

# The management pages, once for a municipality's events and once for the network's own.
_MANAGEMENT = [
    ("", "list"),
    ("neu/", "create"),
    ("<int:pk>/", "detail"),
    ("<int:pk>/bearbeiten/", "edit"),
    ("<int:pk>/loeschen/", "delete"),
    ("<int:pk>/programm/", "program"),
    ("<int:pk>/anmeldungen/", "registrations"),
    ("<int:pk>/dokumentation/", "documentation"),
    ("<int:pk>/punkte/", "dots"),
    ("<int:pk>/werkstatt-kit.pdf", "kit"),
    ("ablauf/<int:pk>/loeschen/", "agenda_delete"),
    ("themen/<int:pk>/loeschen/", "topic_delete"),
    ("ergebnisse/<int:pk>/loeschen/", "result_delete"),
    ("dateien/<int:pk>/loeschen/", "document_delete"),
]

urlpatterns = [
    # Public
    path("kalender/", views.public_calendar, name="public_calendar"),
    path("kalender.ics", views.network_ics, name="ics_network"),
    path("kalender/<str:token>.ics", views.private_ics, name="ics_private"),
    path("kommunen/<slug:slug>/kalender.ics", views.municipality_ics, name="ics_municipality"),
    path("formate/<int:pk>/", views.public_detail, name="public_detail"),
    path("formate/<int:pk>/kalender.ics", views.event_ics, name="ics_event"),
    path("formate/dateien/<int:pk>/", views.document_download, name="document"),
    # Signed-in people
    path("formate/<int:pk>/anmelden/", views.register, name="register"),
    path("formate/<int:pk>/abmelden/", views.cancel, name="cancel"),
    path("mein-kalender/", views.my_calendar, name="my_calendar"),
    path("mein-kalender/abo/", views.calendar_token_create, name="calendar_token_create"),
    path("mein-kalender/abo/widerrufen/", views.calendar_token_revoke, name="calendar_token_revoke"),
    path("netzwerk/kalender/", views.network_calendar, name="network_calendar"),
]
urlpatterns += [
    path(f"arbeitsbereich/<slug:slug>/formate/{route}", getattr(views, f"m_{name}"), name=f"m_{name}")
    for route, name in _MANAGEMENT
]
urlpatterns += [
    path(f"netzwerk/formate/{route}", getattr(views, f"n_{name}"), name=f"n_{name}") for route, name in _MANAGEMENT
]
