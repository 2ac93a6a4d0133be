from django.urls import path

from . import views

app_name = "api"

urlpatterns = [
    path("api/openapi.json", views.openapi_schema, name="openapi"),
    path("konto/api-zugang/", views.tokens, name="tokens"),
    path("konto/api-zugang/widerrufen/", views.token_revoke, name="token_revoke"),
]
