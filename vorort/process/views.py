from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vorort.accounts.selectors import assignable_owners
from vorort.core.access import municipality_view, network_admin_view
from vorort.core.concurrency import StaleEditError
from vorort.core.forms import add_service_error

from . import selectors, services
from .forms import MilestoneForm, PhaseDefinitionForm, PhaseForm
from .models import Phase


def _process_url(municipality, anchor: str = "") -> str:
    url = reverse("process:detail", kwargs={"slug": municipality.slug})
    return f"{url}#{anchor}" if anchor else url


@municipality_view("process.view_process")
def process_detail(request, municipality):
    process = selectors.process_of(municipality)
    return render(
        request,
        "process/detail.html",
        {
            "municipality": municipality,
            "process": process,
            "phases": process.phases.all(),
            "current": selectors.current_phase(process),
            "can_edit": request.user.has_perm("process.change_phase", municipality),
        },
    )


@municipality_view("process.change_phase")
def phase_edit(request, municipality, pk: int):
    phase = selectors.phase_in(municipality, pk)
    form = PhaseForm(request.POST or None, instance=phase)
    if request.method == "POST" and form.is_valid():
        try:
            services.phase_update(
                actor=request.user,
                phase=phase,
                data=form.changed_values(),
                expected_version=form.cleaned_data.get("version"),
            )
        except StaleEditError as error:
            form.show_stale(error)
            phase = error.current
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Phase „%(name)s“ gespeichert.") % {"name": phase.definition.name})
            return redirect(_process_url(municipality, f"phase-{phase.pk}"))
    return render(
        request,
        "process/phase_form.html",
        {"municipality": municipality, "phase": phase, "form": form},
    )


def _milestone_form(request, municipality, instance=None, initial=None):
    return MilestoneForm(
        request.POST or None,
        instance=instance,
        initial=initial,
        phases=Phase.objects.filter(process__municipality=municipality).select_related("definition"),
        owners=assignable_owners(municipality),
    )


@municipality_view("process.change_milestone")
def milestone_create(request, municipality):
    initial = {}
    phase_id = request.GET.get("phase", "").strip()
    if phase_id.isdigit():
        initial["phase"] = selectors.phase_in(municipality, int(phase_id))
    form = _milestone_form(request, municipality, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            milestone = services.milestone_create(
                actor=request.user,
                phase=data["phase"],
                title=data["title"],
                due_date=data["due_date"],
                owner=data["owner"],
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Meilenstein „%(title)s“ angelegt.") % {"title": milestone.title})
            return redirect(_process_url(municipality, f"phase-{milestone.phase_id}"))
    return render(request, "process/milestone_form.html", {"municipality": municipality, "form": form})


@municipality_view("process.change_milestone")
def milestone_edit(request, municipality, pk: int):
    milestone = selectors.milestone_in(municipality, pk)
    form = _milestone_form(request, municipality, instance=milestone)
    if request.method == "POST" and form.is_valid():
        try:
            milestone = services.milestone_update(
                actor=request.user,
                milestone=milestone,
                data=form.changed_values(),
                expected_version=form.cleaned_data.get("version"),
            )
        except StaleEditError as error:
            form.show_stale(error)
            milestone = error.current
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Meilenstein „%(title)s“ gespeichert.") % {"title": milestone.title})
            return redirect(_process_url(municipality, f"phase-{milestone.phase_id}"))
    return render(
        request,
        "process/milestone_form.html",
        {"municipality": municipality, "form": form, "milestone": milestone},
    )


@require_POST
@municipality_view("process.change_milestone")
def milestone_toggle(request, municipality, pk: int):
    """Tick a milestone done or open again; htmx swaps the row, a plain form post redirects."""
    milestone = selectors.milestone_in(municipality, pk)
    done = request.POST.get("done") == "1"
    milestone = services.milestone_set_done(actor=request.user, milestone=milestone, done=done)
    if request.htmx:
        milestone = selectors.milestone_in(municipality, pk)
        return render(
            request,
            "process/_milestone_row.html",
            {"municipality": municipality, "milestone": milestone, "can_edit": True, "announce": True},
        )
    if done:
        messages.success(request, _("Meilenstein „%(title)s“ ist erledigt.") % {"title": milestone.title})
    else:
        messages.success(request, _("Meilenstein „%(title)s“ ist wieder offen.") % {"title": milestone.title})
    return redirect(request.POST.get("next") or _process_url(municipality, f"phase-{milestone.phase_id}"))


@municipality_view("process.change_milestone")
def milestone_delete(request, municipality, pk: int):
    milestone = selectors.milestone_in(municipality, pk)
    if request.method == "POST":
        phase_id = milestone.phase_id
        services.milestone_delete(actor=request.user, milestone=milestone)
        messages.success(request, _("Meilenstein gelöscht."))
        return redirect(_process_url(municipality, f"phase-{phase_id}"))
    return render(
        request,
        "core/confirm_delete.html",
        {
            "municipality": municipality,
            "object": milestone,
            "cancel_url": _process_url(municipality, f"phase-{milestone.phase_id}"),
        },
    )


# Network-wide phase definitions -----------------------------------------------------------


@network_admin_view
def phase_definition_list(request, network):
    form = PhaseDefinitionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            definition = services.phase_definition_create(actor=request.user, network=network, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Phase „%(name)s“ ergänzt.") % {"name": definition.name})
            return redirect("process:phase_definitions")
    return render(
        request,
        "process/phase_definitions.html",
        {"network": network, "definitions": selectors.phase_definitions_of(network), "form": form},
    )


@network_admin_view
def phase_definition_edit(request, network, pk: int):
    definition = selectors.phase_definition_in(network, pk)
    form = PhaseDefinitionForm(request.POST or None, instance=definition)
    if request.method == "POST" and form.is_valid():
        try:
            services.phase_definition_update(actor=request.user, definition=definition, data=form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Phase gespeichert."))
            return redirect("process:phase_definitions")
    return render(
        request,
        "process/phase_definition_form.html",
        {"network": network, "definition": definition, "form": form},
    )


@require_POST
@network_admin_view
def phase_definition_move(request, network, pk: int):
    definition = selectors.phase_definition_in(network, pk)
    direction = "up" if request.POST.get("direction") == "up" else "down"
    services.phase_definition_move(actor=request.user, definition=definition, direction=direction)
    return redirect("process:phase_definitions")
