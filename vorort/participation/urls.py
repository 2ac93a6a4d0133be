from django.urls import path

from . import views

app_name = "participation"

PUBLIC = "beteiligung/<slug:slug>/<int:pk>/"
WORKSPACE = "arbeitsbereich/<slug:slug>/beteiligung/"

urlpatterns = [
    # Public pages
    path("beteiligung/<slug:slug>/", views.public_list, name="public_list"),
    path(PUBLIC, views.participation_page, name="participation"),
    path(f"{PUBLIC}ideen/<int:idea_pk>/", views.idea_page, name="idea"),
    path(f"{PUBLIC}massnahmen/<int:measure_pk>/", views.measure_page, name="measure"),
    path(f"{PUBLIC}registrieren/", views.register, name="register"),
    path(f"{PUBLIC}registriert/", views.registered, name="registered"),
    path("konto/bestaetigen/<str:token>/", views.confirm, name="confirm"),
    # Citizens
    path(f"{PUBLIC}teilnehmen/", views.join, name="join"),
    path(f"{PUBLIC}bestaetigung-senden/", views.confirmation_resend, name="confirmation_resend"),
    path(f"{PUBLIC}ideen/neu/", views.idea_create, name="idea_create"),
    path(f"{PUBLIC}ideen/<int:idea_pk>/kommentieren/", views.idea_comment, name="idea_comment"),
    path(f"{PUBLIC}massnahmen/<int:measure_pk>/kommentieren/", views.measure_comment, name="measure_comment"),
    path(f"{PUBLIC}massnahmen/<int:measure_pk>/stimme/", views.vote, name="vote"),
    # The signed-in person's own data
    path("konto/", views.account, name="account"),
    path("konto/daten/", views.account_data, name="account_data"),
    path("konto/loeschen/", views.account_delete, name="account_delete"),
    # Workspace
    path(WORKSPACE, views.manage_list, name="manage_list"),
    path(f"{WORKSPACE}neu/", views.manage_create, name="manage_create"),
    path(f"{WORKSPACE}<int:pk>/", views.manage, name="manage"),
    path(f"{WORKSPACE}<int:pk>/bearbeiten/", views.manage_edit, name="manage_edit"),
    path(f"{WORKSPACE}<int:pk>/status/", views.manage_state, name="manage_state"),
    path(f"{WORKSPACE}<int:pk>/moderation/", views.moderation, name="moderation"),
    path(f"{WORKSPACE}<int:pk>/anonymisieren/", views.anonymise, name="anonymise"),
    path(f"{WORKSPACE}ideen/<int:pk>/moderieren/", views.moderate_idea, name="moderate_idea"),
    path(f"{WORKSPACE}kommentare/<int:pk>/moderieren/", views.moderate_comment, name="moderate_comment"),
    path(f"{WORKSPACE}ideen/<int:pk>/als-bedarf/", views.idea_to_need, name="idea_to_need"),
    path(f"{WORKSPACE}ideen/<int:pk>/als-massnahme/", views.idea_to_measure, name="idea_to_measure"),
]
