from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from vorort.accounts.selectors import members_of
from vorort.core.access import municipality_view, network_admin_view, user_view
from vorort.core.concurrency import StaleEditError
from vorort.core.forms import add_service_error
from vorort.core.selectors import audit_of_municipality
from vorort.process import selectors as process_selectors

from . import selectors, services
from .charts import measure_chart
from .forms import ActionFieldForm, CockpitFilterForm, MunicipalityForm
from .overview import workspace_overview

RECENT_CHANGES = 6


@municipality_view("network.view_municipality")
def workspace(request, municipality):
    """A municipality's overview at a glance: phase, vision, Reifegrad-Check, measures, foci, indicators,
    deadlines and traffic lights, team and recent changes."""
    overview = workspace_overview(municipality)
    return render(
        request,
        "network/workspace.html",
        {
            "municipality": municipality,
            "overview": overview,
            "measure_chart": measure_chart(overview.measures),
            "members": members_of(municipality),
            "recent": audit_of_municipality(municipality)[:RECENT_CHANGES],
            "can_manage": request.user.has_perm("network.manage_municipality", municipality),
            "can_edit": request.user.has_perm("network.edit_content", municipality),
        },
    )


@user_view("network.view_cockpit")
def cockpit(request):
    form = CockpitFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    overview = process_selectors.cockpit(
        request.user, size_class=filters.get("size_class", ""), rural=filters.get("rural", "")
    )
    return render(request, "network/cockpit.html", {"cockpit": overview, "form": form})


@network_admin_view
def municipality_list(request, network):
    return render(
        request,
        "network/municipality_list.html",
        {"network": network, "municipalities": selectors.municipalities_of(network)},
    )


@network_admin_view
def municipality_create(request, network):
    form = MunicipalityForm(request.POST or None, network=network)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            municipality = services.municipality_create(actor=request.user, network=network, **data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Kommune „%(name)s“ angelegt.") % {"name": municipality.name})
            return redirect("network:municipality_list")
    return render(request, "network/municipality_form.html", {"network": network, "form": form})


@network_admin_view
def municipality_edit(request, network, pk: int):
    municipality = selectors.municipality_in(network, pk)
    form = MunicipalityForm(request.POST or None, instance=municipality, network=network)
    if request.method == "POST" and form.is_valid():
        try:
            services.municipality_update(
                actor=request.user,
                municipality=municipality,
                data=form.changed_values(),
                expected_version=form.cleaned_data.get("version"),
            )
        except StaleEditError as error:
            form.show_stale(error)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Kommune gespeichert."))
            return redirect("network:municipality_list")
    return render(
        request,
        "network/municipality_form.html",
        {"network": network, "form": form, "municipality": municipality},
    )


@network_admin_view
def action_field_list(request, network):
    return render(
        request,
        "network/action_field_list.html",
        {"network": network, "action_fields": selectors.action_fields_of(network)},
    )


@network_admin_view
def action_field_create(request, network):
    form = ActionFieldForm(request.POST or None, network=network)
    if request.method == "POST" and form.is_valid():
        try:
            field = services.action_field_create(actor=request.user, network=network, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Handlungsfeld „%(name)s“ angelegt.") % {"name": field.name})
            return redirect("network:action_field_list")
    return render(request, "network/action_field_form.html", {"network": network, "form": form})


@network_admin_view
def action_field_edit(request, network, pk: int):
    action_field = selectors.action_field_in(network, pk)
    form = ActionFieldForm(request.POST or None, instance=action_field, network=network)
    if request.method == "POST" and form.is_valid():
        try:
            services.action_field_update(actor=request.user, action_field=action_field, data=form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Handlungsfeld gespeichert."))
            return redirect("network:action_field_list")
    return render(
        request,
        "network/action_field_form.html",
        {"network": network, "form": form, "action_field": action_field},
    )
