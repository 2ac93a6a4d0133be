from django.db import connection
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from vorort.network.selectors import network_of_user, visible_municipalities

from .access import municipality_view, network_admin_view, user_view
from .history import history_lookup
from .pagination import paginate
from .selectors import audit_of_municipality, audit_of_network, audit_of_object


@user_view()
def dashboard(request):
    """The signed-in user's start: their municipalities with the current phase."""
    from vorort.process.selectors import dashboard_rows

    municipalities = visible_municipalities(request.user).order_by("name")
    return render(
        request,
        "core/dashboard.html",
        {"rows": dashboard_rows(municipalities), "network": network_of_user(request.user)},
    )


@never_cache
@require_safe
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        database = "ok"
    except Exception as error:  # noqa: BLE001 - any failure means "not healthy"
        return JsonResponse({"status": "error", "database": "error", "detail": type(error).__name__}, status=503)
    return JsonResponse({"status": "ok", "database": database, "vendor": connection.vendor})


@municipality_view("network.view_audit")
def municipality_audit(request, municipality):
    page = paginate(request, audit_of_municipality(municipality))
    return render(request, "core/audit_list.html", {"municipality": municipality, "page": page})


@municipality_view("network.view_audit")
def object_history(request, municipality, model: str, pk: int):
    lookup = history_lookup(model)
    if lookup is None:
        raise Http404
    instance = lookup(municipality, pk)
    page = paginate(request, audit_of_object(instance))
    return render(
        request,
        "core/audit_list.html",
        {"municipality": municipality, "page": page, "object": instance},
    )


@network_admin_view
def network_audit(request, network):
    page = paginate(request, audit_of_network(network))
    return render(request, "core/audit_list.html", {"network": network, "page": page})
