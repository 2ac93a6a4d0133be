"""Pages for one's own API tokens (/konto/api-zugang/) and the API's OpenAPI schema (/api/openapi.json)."""

from __future__ import annotations

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from vorort.core.access import user_view

from . import selectors, services
from .forms import ApiTokenCreateForm, ApiTokenRevokeForm
from .v1 import api

_NEW_SECRET_KEY = "vorort_api_new_secret"


@require_GET
def openapi_schema(request):
    """The OpenAPI 3 description of /api/v1/ (public, like the API's public part)."""
    return JsonResponse(api.get_openapi_schema(), json_dumps_params={"ensure_ascii": False})


@never_cache
@user_view()
def tokens(request):
    form = ApiTokenCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _token, secret = services.api_token_create(
            actor=request.user, name=form.cleaned_data["name"], valid_days=form.cleaned_valid_days()
        )
        # Shown once on the next page, then gone: only the hash is stored.
        request.session[_NEW_SECRET_KEY] = secret
        messages.success(request, _("Der API-Zugang ist angelegt. Kopieren Sie den Schlüssel jetzt."))
        return redirect("api:tokens")
    return render(
        request,
        "api/tokens.html",
        {
            "form": form,
            "tokens": selectors.tokens_of(request.user),
            "new_secret": request.session.pop(_NEW_SECRET_KEY, None),
        },
    )


@require_POST
@user_view()
def token_revoke(request):
    form = ApiTokenRevokeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Bitte einen API-Zugang zum Widerrufen auswählen."))
        return redirect("api:tokens")
    token = selectors.token_of(request.user, form.cleaned_data["token"])  # someone else's token: 404
    services.api_token_revoke(actor=request.user, token=token)
    messages.success(request, _("Der API-Zugang „%(name)s“ ist widerrufen.") % {"name": token.name})
    return redirect("api:tokens")
