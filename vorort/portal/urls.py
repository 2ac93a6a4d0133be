from django.urls import path, re_path
from django.views.decorators.http import require_safe

from . import feeds, views, views_opendata

app_name = "portal"

# The public start page "/" keeps its name core:home (vorort/core/urls.py points it to views.home).
urlpatterns = [
    # Public
    path("suche/", views.search_page, name="search"),
    path("massnahmen/", views.measure_list, name="measure_list"),
    path("wissen/", views.lesson_list, name="lesson_list"),
    path("kommunen/<slug:slug>/", views.municipality, name="municipality"),
    path("kommunen/<slug:slug>/massnahmen/<int:pk>/", views.measure, name="measure"),
    path("kommunen/<slug:slug>/wissen/<int:pk>/", views.lesson, name="lesson"),
    # Atom feeds (vorort.portal.feeds): lessons, measures, one municipality's news
    path("wissen/feed/", require_safe(feeds.LessonFeed()), name="lesson_feed"),
    path("massnahmen/feed/", require_safe(feeds.MeasureFeed()), name="measure_feed"),
    path("kommunen/<slug:slug>/feed/", require_safe(feeds.MunicipalityFeed()), name="municipality_feed"),
    # Open data (vorort.portal.opendata): the page, the datasets as CSV and JSON, the DCAT-AP.de catalogue
    path("opendaten/", views_opendata.opendata_page, name="opendata"),
    path("opendaten/katalog.jsonld", views_opendata.catalogue, name="opendata_catalogue"),
    re_path(
        r"^opendaten/(?P<dataset>[a-z]+)\.(?P<extension>csv|json)$", views_opendata.download, name="opendata_download"
    ),
    # Signed-in editors of another municipality
    path("kommunen/<slug:slug>/massnahmen/<int:pk>/uebernehmen/", views.adopt, name="adopt"),
    # Workspace
    path("arbeitsbereich/<slug:slug>/wissen/", views.lessons, name="lessons"),
    path("arbeitsbereich/<slug:slug>/wissen/neu/", views.lesson_create, name="lesson_create"),
    path("arbeitsbereich/<slug:slug>/wissen/<int:pk>/bearbeiten/", views.lesson_edit, name="lesson_edit"),
    path("arbeitsbereich/<slug:slug>/wissen/<int:pk>/loeschen/", views.lesson_delete, name="lesson_delete"),
]
