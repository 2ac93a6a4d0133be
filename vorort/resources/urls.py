from django.urls import path

from . import views

app_name = "resources"

BODIES = "arbeitsbereich/<slug:slug>/gremien/"
PARTNERS = "arbeitsbereich/<slug:slug>/partner/"
PERSONNEL = "arbeitsbereich/<slug:slug>/personal/"

urlpatterns = [
    path(BODIES, views.body_list, name="body_list"),
    path(f"{BODIES}neu/", views.body_create, name="body_create"),
    path(f"{BODIES}<int:pk>/", views.body_detail, name="body_detail"),
    path(f"{BODIES}<int:pk>/bearbeiten/", views.body_edit, name="body_edit"),
    path(f"{BODIES}<int:pk>/loeschen/", views.body_delete, name="body_delete"),
    path(f"{BODIES}<int:pk>/mitglieder/neu/", views.body_member_add, name="body_member_add"),
    path(f"{BODIES}mitglieder/<int:pk>/entfernen/", views.body_member_remove, name="body_member_remove"),
    path(PARTNERS, views.partner_list, name="partner_list"),
    path(f"{PARTNERS}neu/", views.partner_create, name="partner_create"),
    path(f"{PARTNERS}<int:pk>/", views.partner_detail, name="partner_detail"),
    path(f"{PARTNERS}<int:pk>/bearbeiten/", views.partner_edit, name="partner_edit"),
    path(f"{PARTNERS}<int:pk>/loeschen/", views.partner_delete, name="partner_delete"),
    path(PERSONNEL, views.personnel, name="personnel"),
    path(f"{PERSONNEL}neu/", views.person_create, name="person_create"),
    path(f"{PERSONNEL}<int:pk>/", views.person_detail, name="person_detail"),
    path(f"{PERSONNEL}<int:pk>/bearbeiten/", views.person_edit, name="person_edit"),
    path(f"{PERSONNEL}<int:pk>/loeschen/", views.person_delete, name="person_delete"),
    path(f"{PERSONNEL}<int:pk>/kapazitaet/neu/", views.capacity_create, name="capacity_create"),
    path(f"{PERSONNEL}kapazitaet/<int:pk>/bearbeiten/", views.capacity_edit, name="capacity_edit"),
    path(f"{PERSONNEL}kapazitaet/<int:pk>/loeschen/", views.capacity_delete, name="capacity_delete"),
    path(f"{PERSONNEL}einsaetze/neu/", views.assignment_create, name="assignment_create"),
    path(f"{PERSONNEL}einsaetze/<int:pk>/bearbeiten/", views.assignment_edit, name="assignment_edit"),
    path(f"{PERSONNEL}einsaetze/<int:pk>/loeschen/", views.assignment_delete, name="assignment_delete"),
]
