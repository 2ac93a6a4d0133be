"""Pages of the measure catalogue (Maßnahmen). Import and export live in views_io.py."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import ProtectedError, RestrictedError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from vorort.core.access import municipality_view
from vorort.core.concurrency import StaleEditError
from vorort.core.forms import add_service_error
from vorort.core.pagination import paginate
from vorort.core.templatetags.vorort_format import format_number
from vorort.resources import services as resource_services
from vorort.search.selectors import similar_measures

from . import selectors, services
from .forms import (
    BenefitMatrixForm,
    DependencyForm,
    InvolvementForm,
    MeasureFilterForm,
    MeasureForm,
    MeasureMilestoneForm,
    RowPublicForm,
    RowStatusForm,
    StatusChangeForm,
    StatusReportForm,
)
from .models import Measure, MeasureStatus

SORT_COLUMNS = [
    ("titel", gettext_lazy("Titel")),
    ("status", gettext_lazy("Status")),
    ("beginn", gettext_lazy("Beginn")),
    ("kosten", gettext_lazy("Investitionskosten")),
    ("geaendert", gettext_lazy("geändert")),
]


def _measure_url(measure: Measure, anchor: str = "") -> str:
    url = reverse("measures:measure", kwargs={"slug": measure.municipality.slug, "pk": measure.pk})
    return f"{url}#{anchor}" if anchor else url


def _list_url(municipality) -> str:
    return reverse("measures:list", kwargs={"slug": municipality.slug})


def _next_url(request, fallback: str) -> str:
    """Where to go back to: a `next` address on this site, else `fallback`."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


def _permissions(request, municipality) -> dict[str, bool]:
    user = request.user
    return {
        "can_edit": user.has_perm("measures.change_measure", municipality),
        "can_publish": user.has_perm("measures.publish_measure", municipality),
        "can_delete": user.has_perm("measures.delete_measure", municipality),
    }


# The list ------------------------------------------------------------------------------------------


def _sort_columns(sort: str) -> list[dict]:
    columns = []
    for key, label in SORT_COLUMNS:
        if sort == key:
            state, following = "ascending", f"-{key}"
            hint = _("aufsteigend sortiert; aktivieren, um absteigend zu sortieren")
        elif sort == f"-{key}":
            state, following = "descending", key
            hint = _("absteigend sortiert; aktivieren, um aufsteigend zu sortieren")
        else:
            state, following = "", key
            hint = _("aktivieren, um danach zu sortieren")
        columns.append({"key": key, "label": label, "state": state, "next": following, "hint": hint})
    return columns


@municipality_view("measures.view_measure")
def measure_list(request, municipality):
    form = MeasureFilterForm(request.GET or None, municipality=municipality)
    filters = form.filters() if form.is_bound else {}
    sort = filters.get("sortierung", selectors.DEFAULT_SORT)
    if sort.lstrip("-") not in selectors.SORTS:
        sort = selectors.DEFAULT_SORT
    page = paginate(request, selectors.measure_list(municipality, filters, sort), per_page=selectors.PAGE_SIZE)
    counts = selectors.status_counts(municipality)
    return render(
        request,
        "measures/list.html",
        {
            "municipality": municipality,
            "form": form,
            "filtered": form.is_bound and form.active,
            "page": page,
            "columns": _sort_columns(sort),
            "total": sum(number for _value, _label, number in counts),
            "status_counts": counts,
            "statuses": MeasureStatus.choices,
            "next": request.get_full_path(),
            **_permissions(request, municipality),
        },
    )


def _row_response(request, municipality, pk: int, *, error: str = "", announce: str = "", chosen=None):
    """The updated table row for htmx; a plain form post gets a message and goes back to the list."""
    if request.htmx:
        measure = selectors.measure_in(municipality, pk)
        return render(
            request,
            "measures/_row.html",
            {
                "municipality": municipality,
                "measure": measure,
                "statuses": MeasureStatus.choices,
                "next": _next_url(request, _list_url(municipality)),
                "row_error": error,
                "announce": announce,
                "chosen_status": chosen,
                **_permissions(request, municipality),
            },
        )
    if error:
        messages.error(request, error)
    elif announce:
        messages.success(request, announce)
    return redirect(_next_url(request, _list_url(municipality)) + f"#measure-{pk}")


@require_POST
@municipality_view("measures.change_measure")
def row_status(request, municipality, pk: int):
    """Change the status from the list (inline, via htmx or a plain form)."""
    measure = selectors.measure_in(municipality, pk)
    form = RowStatusForm(request.POST)
    if not form.is_valid():
        return _row_response(request, municipality, pk, error=_("Bitte wählen Sie einen gültigen Status."))
    status, version = form.cleaned_data["status"], form.cleaned_data["version"]
    if status == measure.status and version == measure.version:
        return _row_response(request, municipality, pk)
    try:
        measure = services.measure_status_change(
            actor=request.user, measure=measure, status=status, expected_version=version
        )
    except StaleEditError:
        return _row_response(
            request,
            municipality,
            pk,
            error=_(
                "„%(title)s“ wurde inzwischen von jemand anderem geändert; der Status wurde nicht gespeichert. "
                "Die Zeile zeigt jetzt den aktuellen Stand, Ihre Auswahl ist erhalten – speichern Sie erneut, "
                "um sie zu übernehmen."
            )
            % {"title": measure.title},
            chosen=status,
        )
    except ValidationError as error:
        return _row_response(request, municipality, pk, error=" ".join(error.messages))
    return _row_response(
        request,
        municipality,
        pk,
        announce=_("Status von „%(title)s“ ist jetzt „%(status)s“.")
        % {"title": measure.title, "status": measure.get_status_display()},
    )


@require_POST
@municipality_view("measures.publish_measure")
def row_public(request, municipality, pk: int):
    """Publish a measure or make it internal again, from the list."""
    measure = selectors.measure_in(municipality, pk)
    form = RowPublicForm(request.POST)
    if not form.is_valid():
        return _row_response(request, municipality, pk, error=_("Die Sichtbarkeit wurde nicht geändert."))
    try:
        measure = services.measure_set_public(
            actor=request.user,
            measure=measure,
            is_public=form.cleaned_data["is_public"],
            expected_version=form.cleaned_data["version"],
        )
    except StaleEditError:
        return _row_response(
            request,
            municipality,
            pk,
            error=_(
                "„%(title)s“ wurde inzwischen von jemand anderem geändert; die Sichtbarkeit wurde nicht geändert. "
                "Bitte prüfen Sie den aktuellen Stand und versuchen Sie es erneut."
            )
            % {"title": measure.title},
        )
    if measure.is_public:
        announce = _("„%(title)s“ ist jetzt öffentlich.") % {"title": measure.title}
    else:
        announce = _("„%(title)s“ ist jetzt intern.") % {"title": measure.title}
    return _row_response(request, municipality, pk, announce=announce)


# One measure ---------------------------------------------------------------------------------------


@municipality_view("measures.view_measure")
def measure_detail(request, municipality, pk: int):
    measure = selectors.measure_detail(municipality, pk)
    permissions = _permissions(request, municipality)
    context = {
        "municipality": municipality,
        "measure": measure,
        "benefit_rows": selectors.benefit_rows(measure, selectors.user_groups_for(municipality)),
        "similar": similar_measures(measure),
        **permissions,
    }
    if permissions["can_edit"]:
        context["dependency_form"] = DependencyForm(measure=measure, auto_id="id_dep_%s")
        context["involvement_form"] = InvolvementForm(municipality=municipality, auto_id="id_inv_%s")
    return render(request, "measures/detail.html", context)


def _save(form, write, on_stale=None):
    """Run the service call `write()` for a valid form. A refusal (stale version, ValidationError) is shown
    at the form, keeping the user's input; then the result is None."""
    try:
        return write()
    except StaleEditError as error:
        form.show_stale(error)
        if on_stale is not None:
            on_stale(error.current)
    except ValidationError as error:
        add_service_error(form, error)
    return None


def _confirm(request, municipality, *, obj, cancel_url: str, perform, done: str, done_url: str, question=None):
    """A confirmation page (GET) for removing `obj`; the POST calls `perform()` and goes to `done_url`."""
    if request.method == "POST":
        perform()
        messages.success(request, done)
        return redirect(done_url)
    context = {"municipality": municipality, "object": obj, "cancel_url": cancel_url, "question": question}
    return render(request, "core/confirm_delete.html", context)


def _page(request, template: str, municipality, **context):
    return render(request, f"measures/{template}", {"municipality": municipality, **context})


@municipality_view("measures.change_measure")
def measure_create(request, municipality):
    can_publish = request.user.has_perm("measures.publish_measure", municipality)
    form = MeasureForm(
        request.POST or None,
        instance=Measure(municipality=municipality),
        municipality=municipality,
        can_publish=can_publish,
    )
    if request.method == "POST" and form.is_valid():
        values, m2m = form.service_values()
        measure = _save(
            form,
            lambda: services.measure_create(
                actor=request.user,
                municipality=municipality,
                data=values,
                m2m=m2m,
                status_note=form.cleaned_data.get("status_note", ""),
            ),
        )
        if measure is not None:
            messages.success(request, _("Maßnahme „%(title)s“ angelegt.") % {"title": measure.title})
            return redirect(_measure_url(measure))
    return _page(request, "form.html", municipality, form=form)


def _display(value) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return _("ja") if value else _("nein")
    if isinstance(value, Decimal):
        return format_number(value, 0 if value == value.to_integral_value() else 2)
    if isinstance(value, datetime.date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, list | tuple | set | models.QuerySet):
        return ", ".join(sorted(str(item) for item in value)) or "–"
    return str(value)


def _stale_differences(form: MeasureForm, current: Measure) -> list[tuple[str, str]]:
    """Fields where the current version differs from what the user entered: (label, current value)."""
    differences = []
    for name in form.Meta.fields:
        if name not in form.cleaned_data:
            continue
        field = Measure._meta.get_field(name)
        entered = form.cleaned_data[name]
        if field.many_to_many:
            now = list(getattr(current, name).all())
            if {item.pk for item in now} != {item.pk for item in entered}:
                differences.append((str(field.verbose_name), _display(now)))
            continue
        now = getattr(current, name)
        if now != entered and not (now in (None, "") and entered in (None, "")):
            shown = getattr(current, f"get_{name}_display")() if field.choices else now
            differences.append((str(field.verbose_name), _display(shown)))
    return differences


@municipality_view("measures.change_measure")
def measure_edit(request, municipality, pk: int):
    measure = selectors.measure_in(municipality, pk)
    title = measure.title
    form = MeasureForm(
        request.POST or None,
        instance=measure,
        municipality=municipality,
        can_publish=request.user.has_perm("measures.publish_measure", municipality),
    )
    stale: list[tuple[str, str]] = []
    if request.method == "POST" and form.is_valid():
        values, m2m = form.service_values()
        saved = _save(
            form,
            lambda: services.measure_update(
                actor=request.user,
                measure=measure,
                data=values,
                expected_version=form.cleaned_data.get("version"),
                m2m=m2m,
                status_date=form.cleaned_data.get("status_changed_on"),
                status_note=form.cleaned_data.get("status_note", ""),
            ),
            on_stale=lambda current: stale.extend(_stale_differences(form, current)),
        )
        if saved is not None:
            messages.success(request, _("Maßnahme „%(title)s“ gespeichert.") % {"title": saved.title})
            return redirect(_measure_url(saved))
    return _page(request, "form.html", municipality, form=form, measure=measure, title=title, stale=stale)


@municipality_view("measures.delete_measure")
def measure_delete(request, municipality, pk: int):
    measure = selectors.measure_in(municipality, pk)
    names = {"title": measure.title}
    try:
        return _confirm(
            request,
            municipality,
            obj=measure,
            cancel_url=_measure_url(measure),
            perform=lambda: services.measure_delete(actor=request.user, measure=measure),
            done=_("Maßnahme „%(title)s“ gelöscht.") % names,
            done_url=_list_url(municipality),
            question=_(
                "Soll die Maßnahme „%(title)s“ mit Mehrwerten, Statusverlauf, Meilensteinen, Statusberichten, "
                "Abhängigkeiten und Partnerbeteiligungen wirklich gelöscht werden? Wer sie nur nicht weiter "
                "verfolgen will, setzt besser den Status „Verworfen“."
            )
            % names,
        )
    except (ProtectedError, RestrictedError):
        messages.error(
            request,
            _(
                "„%(title)s“ kann nicht gelöscht werden, weil andere Einträge auf sie verweisen. "
                "Setzen Sie stattdessen den Status „Verworfen“."
            )
            % names,
        )
        return redirect(_measure_url(measure))


@municipality_view("measures.change_measure")
def measure_status(request, municipality, pk: int):
    """Change the status with a date and a note; the change enters the dated status history."""
    measure = selectors.measure_in(municipality, pk)
    form = StatusChangeForm(request.POST or None, measure=measure)
    current = {"measure": measure}
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = _save(
            form,
            lambda: services.measure_status_change(
                actor=request.user,
                measure=measure,
                status=data["status"],
                on=data["changed_on"],
                note=data["note"],
                expected_version=data["version"],
            ),
            on_stale=lambda fresh: current.update(measure=fresh),
        )
        if saved is not None:
            messages.success(
                request,
                _("Status von „%(title)s“ ist jetzt „%(status)s“.")
                % {"title": saved.title, "status": saved.get_status_display()},
            )
            return redirect(_measure_url(saved, "statusverlauf"))
    measure = current["measure"]
    history = measure.status_changes.select_related("changed_by")
    return _page(request, "status_form.html", municipality, measure=measure, form=form, history=history)


@municipality_view("measures.change_measure")
def measure_benefits(request, municipality, pk: int):
    """Edit the whole benefit matrix (user groups × strength 0–3 with a text) in one form."""
    measure = selectors.measure_in(municipality, pk)
    rows = selectors.benefit_rows(measure, selectors.user_groups_for(municipality))
    form = BenefitMatrixForm(request.POST or None, rows=rows, measure=measure)
    if request.method == "POST" and form.is_valid():
        saved = _save(
            form,
            lambda: services.benefit_matrix_save(
                actor=request.user,
                measure=measure,
                rows=form.cleaned_rows(),
                expected_version=form.cleaned_data["version"],
            ),
        )
        if saved is not None:
            messages.success(request, _("Mehrwerte von „%(title)s“ gespeichert.") % {"title": measure.title})
            return redirect(_measure_url(measure, "mehrwert"))
    return _page(request, "benefits_form.html", municipality, measure=measure, form=form)


# Dependencies ---------------------------------------------------------------------------------------


@municipality_view("measures.change_measure")
def dependency_add(request, municipality, pk: int):
    measure = selectors.measure_in(municipality, pk)
    form = DependencyForm(request.POST or None, measure=measure, auto_id="id_dep_%s")
    if request.method == "POST" and form.is_valid():
        depends_on = form.cleaned_data["depends_on"]
        link = _save(form, lambda: services.dependency_add(actor=request.user, measure=measure, depends_on=depends_on))
        if link is not None:
            messages.success(
                request, _("„%(title)s“ hängt jetzt von „%(other)s“ ab.") % {"title": measure, "other": depends_on}
            )
            return redirect(_measure_url(measure, "abhaengigkeiten"))
    return _page(request, "dependency_form.html", municipality, measure=measure, form=form)


@municipality_view("measures.change_measure")
def dependency_remove(request, municipality, pk: int):
    link = selectors.dependency_in(municipality, pk)
    back = _next_url(request, _measure_url(link.measure, "abhaengigkeiten"))
    names = {"title": link.measure.title, "other": link.depends_on.title}
    return _confirm(
        request,
        municipality,
        obj=link,
        cancel_url=back,
        perform=lambda: services.dependency_remove(actor=request.user, link=link),
        done=_("„%(title)s“ hängt nicht mehr von „%(other)s“ ab.") % names,
        done_url=back,
        question=_("Soll die Abhängigkeit „%(title)s“ → „%(other)s“ entfernt werden?") % names,
    )


# Milestones -----------------------------------------------------------------------------------------


@municipality_view("measures.change_measure")
def milestone_create(request, municipality, pk: int):
    measure = selectors.measure_in(municipality, pk)
    form = MeasureMilestoneForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        milestone = _save(
            form,
            lambda: services.measure_milestone_create(
                actor=request.user, measure=measure, title=data["title"], due_date=data["due_date"]
            ),
        )
        if milestone is not None:
            messages.success(request, _("Meilenstein „%(title)s“ angelegt.") % {"title": milestone.title})
            return redirect(_measure_url(measure, "meilensteine"))
    return _page(request, "milestone_form.html", municipality, measure=measure, form=form)


@municipality_view("measures.change_measure")
def milestone_edit(request, municipality, pk: int):
    milestone = selectors.milestone_in(municipality, pk)
    measure = milestone.measure
    form = MeasureMilestoneForm(request.POST or None, instance=milestone)
    if request.method == "POST" and form.is_valid():
        saved = _save(
            form,
            lambda: services.measure_milestone_update(
                actor=request.user,
                milestone=milestone,
                data=form.changed_values(),
                expected_version=form.cleaned_data["version"],
            ),
        )
        if saved is not None:
            messages.success(request, _("Meilenstein „%(title)s“ gespeichert.") % {"title": saved.title})
            return redirect(_measure_url(measure, "meilensteine"))
    return _page(request, "milestone_form.html", municipality, measure=measure, form=form, milestone=milestone)


@require_POST
@municipality_view("measures.change_measure")
def milestone_toggle(request, municipality, pk: int):
    """Tick a milestone done or open again; htmx swaps the row, a plain form post redirects."""
    milestone = selectors.milestone_in(municipality, pk)
    measure = milestone.measure
    done = request.POST.get("done") == "1"
    milestone = services.measure_milestone_set_done(actor=request.user, milestone=milestone, done=done)
    if request.htmx:
        return _page(
            request,
            "_milestone_row.html",
            municipality,
            milestone=selectors.milestone_in(municipality, pk),
            can_edit=True,
            announce=True,
        )
    if done:
        messages.success(request, _("Meilenstein „%(title)s“ ist erledigt.") % {"title": milestone.title})
    else:
        messages.success(request, _("Meilenstein „%(title)s“ ist wieder offen.") % {"title": milestone.title})
    return redirect(_measure_url(measure, f"meilenstein-{pk}"))


@municipality_view("measures.change_measure")
def milestone_delete(request, municipality, pk: int):
    milestone = selectors.milestone_in(municipality, pk)
    back = _measure_url(milestone.measure, "meilensteine")
    return _confirm(
        request,
        municipality,
        obj=milestone,
        cancel_url=back,
        perform=lambda: services.measure_milestone_delete(actor=request.user, milestone=milestone),
        done=_("Meilenstein „%(title)s“ gelöscht.") % {"title": milestone.title},
        done_url=back,
    )


# Status reports -------------------------------------------------------------------------------------


@municipality_view("measures.change_measure")
def report_create(request, municipality, pk: int):
    measure = selectors.measure_in(municipality, pk)
    form = StatusReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        report = _save(form, lambda: services.status_report_create(actor=request.user, measure=measure, **data))
        if report is not None:
            messages.success(request, _("Statusbericht gespeichert."))
            return redirect(_measure_url(measure, "statusberichte"))
    return _page(request, "report_form.html", municipality, measure=measure, form=form)


@municipality_view("measures.change_measure")
def report_delete(request, municipality, pk: int):
    report = selectors.report_in(municipality, pk)
    back = _measure_url(report.measure, "statusberichte")
    return _confirm(
        request,
        municipality,
        obj=report,
        cancel_url=back,
        perform=lambda: services.status_report_delete(actor=request.user, report=report),
        done=_("Statusbericht gelöscht."),
        done_url=back,
        question=_("Soll der Statusbericht vom %(date)s wirklich gelöscht werden?")
        % {"date": report.reported_on.strftime("%d.%m.%Y")},
    )


# Partners -------------------------------------------------------------------------------------------


@municipality_view("measures.change_measure")
def involvement_add(request, municipality, pk: int):
    measure = selectors.measure_in(municipality, pk)
    form = InvolvementForm(request.POST or None, municipality=municipality, auto_id="id_inv_%s")
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        involvement = _save(
            form,
            lambda: resource_services.involvement_add(
                actor=request.user,
                measure=measure,
                role=data["role"],
                partner=data["partner"],
                new_partner_name=data["new_partner"],
                new_partner_kind=data["new_partner_kind"],
            ),
        )
        if involvement is not None:
            messages.success(
                request,
                _("„%(partner)s“ ist als „%(role)s“ beteiligt.")
                % {"partner": involvement.partner.name, "role": involvement.role},
            )
            return redirect(_measure_url(measure, "partner"))
    return _page(request, "involvement_form.html", municipality, measure=measure, form=form)


@municipality_view("measures.change_measure")
def involvement_remove(request, municipality, pk: int):
    involvement = selectors.involvement_in(municipality, pk)
    back = _measure_url(involvement.measure, "partner")
    names = {"partner": involvement.partner.name, "role": involvement.role, "title": involvement.measure.title}
    return _confirm(
        request,
        municipality,
        obj=involvement,
        cancel_url=back,
        perform=lambda: resource_services.involvement_remove(actor=request.user, involvement=involvement),
        done=_("„%(partner)s“ ist nicht mehr an „%(title)s“ beteiligt.") % names,
        done_url=back,
        question=_("Soll „%(partner)s“ (%(role)s) nicht mehr an „%(title)s“ beteiligt sein?") % names,
    )
