from django.urls import path

from . import views

app_name = "prioritisation"

BASE = "arbeitsbereich/<slug:slug>/priorisierung"

urlpatterns = [
    # The network's criteria template
    path("netzwerk/kriterien/", views.template_list, name="template_list"),
    path("netzwerk/kriterien/standard/", views.template_defaults, name="template_defaults"),
    path("netzwerk/kriterien/<int:pk>/", views.template_edit, name="template_edit"),
    path("netzwerk/kriterien/<int:pk>/loeschen/", views.template_delete, name="template_delete"),
    # A municipality's prioritisation
    path(f"{BASE}/", views.overview, name="overview"),
    path(f"{BASE}/kriterien/", views.criteria, name="criteria"),
    path(f"{BASE}/kriterien/vorlage/", views.template_adopt, name="template_adopt"),
    path(f"{BASE}/kriterien/neu/", views.criterion_create, name="criterion_create"),
    path(f"{BASE}/kriterien/<int:pk>/", views.criterion_edit, name="criterion_edit"),
    path(f"{BASE}/kriterien/<int:pk>/entfernen/", views.criterion_delete, name="criterion_delete"),
    path(f"{BASE}/rangfolge/", views.ranking_page, name="ranking"),
    path(f"{BASE}/runden/neu/", views.round_create, name="round_create"),
    path(f"{BASE}/runden/<int:pk>/", views.round_detail, name="round_detail"),
    path(f"{BASE}/runden/<int:pk>/bearbeiten/", views.round_edit, name="round_edit"),
    path(f"{BASE}/runden/<int:pk>/abschliessen/", views.round_close, name="round_close"),
    path(f"{BASE}/runden/<int:pk>/bewerten/", views.round_rate, name="round_rate"),
    path(f"{BASE}/runden/<int:pk>/bewerten/<int:measure>/", views.rating, name="rating"),
    path(f"{BASE}/kataloge/<int:pk>/", views.catalogue, name="catalogue"),
    path(f"{BASE}/kataloge/<int:pk>/ratsbeschluss/", views.catalogue_adopt, name="catalogue_adopt"),
]
