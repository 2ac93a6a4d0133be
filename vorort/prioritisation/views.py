"""Pages of the prioritisation: criteria and weights, rating rounds, the ranking, frozen catalogues."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vorort.core.access import municipality_view, network_admin_view
from vorort.core.concurrency import StaleEditError
from vorort.core.forms import add_service_error
from vorort.core.pagination import paginate

from . import ranking, selectors, services
from .forms import (
    AdoptionForm,
    CloseRoundForm,
    CriterionForm,
    CriterionTemplateForm,
    RatingForm,
    RoundForm,
    WeightsForm,
    WhatIfForm,
)
from .models import COST_YEARS, RoundStatus

RANKING_PAGE_SIZE = 100


def _url(name: str, municipality, **kwargs) -> str:
    return reverse(f"prioritisation:{name}", kwargs={"slug": municipality.slug, **kwargs})


def _first_error(error: ValidationError) -> str:
    return " ".join(str(message) for message in error.messages)


def _method_context() -> dict:
    """The numbers the explanation of the method shows (the same the arithmetic uses)."""
    return {
        "sensitivity_percent": round(ranking.SENSITIVITY * 100),
        "stable_spread": ranking.STABLE_SPREAD,
        "cost_years": COST_YEARS,
    }


# The network's criteria template ---------------------------------------------------------------------------


@network_admin_view
def template_list(request, network):
    form = CriterionTemplateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            template = services.criterion_template_create(actor=request.user, network=network, data=form.values())
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Kriterium „%(name)s“ ergänzt.") % {"name": template.name})
            return redirect("prioritisation:template_list")
    templates = list(selectors.criterion_templates_of(network))
    shares = selectors.template_shares(templates)
    return render(
        request,
        "prioritisation/template_list.html",
        {
            "network": network,
            "templates": [(t, shares.get(t.pk)) for t in templates],
            "form": form,
        },
    )


@require_POST
@network_admin_view
def template_defaults(request, network):
    created = services.criterion_templates_ensure_defaults(actor=request.user, network=network)
    if created:
        messages.success(request, _("Die %(count)s Standardkriterien sind angelegt.") % {"count": created})
    else:
        messages.warning(request, _("Das Netzwerk hat bereits Kriterien; es wurde nichts angelegt."))
    return redirect("prioritisation:template_list")


@network_admin_view
def template_edit(request, network, pk: int):
    template = selectors.criterion_template_in(network, pk)
    form = CriterionTemplateForm(request.POST or None, instance=template)
    if request.method == "POST" and form.is_valid():
        try:
            services.criterion_template_update(actor=request.user, template=template, data=form.values())
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Kriterium gespeichert."))
            return redirect("prioritisation:template_list")
    return render(
        request, "prioritisation/template_form.html", {"network": network, "template": template, "form": form}
    )


@network_admin_view
def template_delete(request, network, pk: int):
    template = selectors.criterion_template_in(network, pk)
    if request.method == "POST":
        services.criterion_template_delete(actor=request.user, template=template)
        messages.success(request, _("Kriterium „%(name)s“ aus der Vorlage entfernt.") % {"name": template.name})
        return redirect("prioritisation:template_list")
    return render(
        request,
        "prioritisation/confirm.html",
        {
            "network": network,
            "question": _(
                "Soll „%(name)s“ aus der Vorlage entfernt werden? Kommunen, die das Kriterium übernommen haben, "
                "behalten es."
            )
            % {"name": template.name},
            "cancel_url": reverse("prioritisation:template_list"),
        },
    )


# Overview --------------------------------------------------------------------------------------------------


@municipality_view("prioritisation.view_prioritisation")
def overview(request, municipality):
    criteria = list(selectors.criteria_of(municipality))
    shares = selectors.shares_of(criteria)
    open_round = selectors.open_round(municipality)
    own_progress = None
    if open_round is not None and selectors.is_rater(open_round, request.user):
        own_progress = next((p for p in selectors.rater_progress(open_round) if p.user.pk == request.user.pk), None)
    user = request.user
    return render(
        request,
        "prioritisation/overview.html",
        {
            "municipality": municipality,
            "criteria": [(c, shares.get(c.pk)) for c in criteria],
            "open_round": open_round,
            "own_progress": own_progress,
            "rounds": paginate(request, selectors.rounds_of(municipality).select_related("catalogue")),
            "catalogues": selectors.catalogues_of(municipality)[:20],
            "can_manage_criteria": user.has_perm("prioritisation.manage_criteria", municipality),
            "can_manage_rounds": user.has_perm("prioritisation.manage_rounds", municipality),
        },
    )


# Criteria and weights -------------------------------------------------------------------------------------


@municipality_view("prioritisation.manage_criteria")
def criteria(request, municipality):
    current = list(selectors.criteria_of(municipality))
    form = WeightsForm(request.POST or None, criteria=current)
    if request.method == "POST" and form.is_valid():
        try:
            services.criteria_weights_save(
                actor=request.user, municipality=municipality, weights=form.weights(), versions=form.versions()
            )
        except StaleEditError as error:
            form.show_stale(error)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Gewichte gespeichert."))
            return redirect(_url("criteria", municipality))
    shares = selectors.shares_of(current)
    return render(
        request,
        "prioritisation/criteria.html",
        {
            "municipality": municipality,
            "form": form,
            "rows": [(criterion, field, shares.get(criterion.pk)) for criterion, field in form.rows()],
            "template_count": selectors.criterion_templates_of(municipality.network).count(),
            **_method_context(),
        },
    )


@require_POST
@municipality_view("prioritisation.manage_criteria")
def template_adopt(request, municipality):
    added = services.criteria_adopt_template(actor=request.user, municipality=municipality)
    if added:
        messages.success(request, _("%(count)s Kriterien aus der Vorlage des Netzwerks übernommen.") % {"count": added})
    else:
        messages.warning(request, _("Alle Kriterien der Vorlage sind bereits übernommen."))
    return redirect(_url("criteria", municipality))


@municipality_view("prioritisation.manage_criteria")
def criterion_create(request, municipality):
    form = CriterionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            criterion = services.criterion_create(actor=request.user, municipality=municipality, data=form.values())
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Kriterium „%(name)s“ ergänzt.") % {"name": criterion.name})
            return redirect(_url("criteria", municipality))
    return render(request, "prioritisation/criterion_form.html", {"municipality": municipality, "form": form})


@municipality_view("prioritisation.manage_criteria")
def criterion_edit(request, municipality, pk: int):
    criterion = selectors.criterion_in(municipality, pk)
    form = CriterionForm(request.POST or None, instance=criterion)
    if request.method == "POST" and form.is_valid():
        try:
            services.criterion_update(
                actor=request.user,
                criterion=criterion,
                data=form.values(),
                expected_version=form.cleaned_data.get("version"),
            )
        except StaleEditError as error:
            form.show_stale(error)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Kriterium gespeichert."))
            return redirect(_url("criteria", municipality))
    return render(
        request,
        "prioritisation/criterion_form.html",
        {"municipality": municipality, "form": form, "criterion": criterion},
    )


@municipality_view("prioritisation.manage_criteria")
def criterion_delete(request, municipality, pk: int):
    criterion = selectors.criterion_in(municipality, pk)
    if request.method == "POST":
        services.criterion_delete(actor=request.user, criterion=criterion)
        messages.success(request, _("Kriterium „%(name)s“ entfernt.") % {"name": criterion.name})
        return redirect(_url("criteria", municipality))
    return render(
        request,
        "prioritisation/confirm.html",
        {
            "municipality": municipality,
            "question": _(
                "Soll das Kriterium „%(name)s“ entfernt werden? Bewertungen dazu in Bewertungsrunden werden gelöscht; "
                "festgeschriebene Kataloge bleiben unverändert."
            )
            % {"name": criterion.name},
            "cancel_url": _url("criteria", municipality),
        },
    )


# The ranking with what-if weights ---------------------------------------------------------------------------


@municipality_view("prioritisation.view_prioritisation")
def ranking_page(request, municipality):
    """The current ranking. Weights in the address (w_<id>) re-rank it for a what-if; nothing is stored."""
    current = list(selectors.criteria_of(municipality))
    trying = any(key.startswith("w_") for key in request.GET)
    form = WhatIfForm(request.GET if trying else None, criteria=current)
    weights = form.weights_or_stored() if trying and form.is_valid() else None
    result = selectors.build_ranking(municipality, weights=weights)
    page = paginate(request, result.rows, per_page=RANKING_PAGE_SIZE)
    context = {
        "municipality": municipality,
        "form": form,
        "result": result,
        "page": page,
        "what_if": weights is not None,
        "can_manage_criteria": request.user.has_perm("prioritisation.manage_criteria", municipality),
        **_method_context(),
    }
    if request.htmx:
        return render(request, "prioritisation/_ranking_result.html", context)
    return render(request, "prioritisation/ranking.html", context)


# Rating rounds ------------------------------------------------------------------------------------------------


def _round_form(request, municipality, instance=None):
    initial = {}
    if instance is None:
        initial["measures"] = list(selectors.candidate_measures(municipality).values_list("pk", flat=True))
    else:
        initial["measures"] = list(instance.measures.values_list("pk", flat=True))
        initial["raters"] = list(instance.raters.values_list("pk", flat=True))
    return RoundForm(
        request.POST or None,
        instance=instance,
        initial=initial,
        measures=selectors.measures_of(municipality),
        raters=selectors.eligible_raters(municipality),
    )


@municipality_view("prioritisation.manage_rounds")
def round_create(request, municipality):
    open_round = selectors.open_round(municipality)
    form = _round_form(request, municipality)
    if request.method == "POST" and open_round is None and form.is_valid():
        try:
            rating_round = services.rating_round_create(
                actor=request.user,
                municipality=municipality,
                title=form.cleaned_data["title"],
                measures=form.cleaned_data["measures"],
                raters=form.cleaned_data["raters"],
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Bewertungsrunde „%(title)s“ eröffnet.") % {"title": rating_round.title})
            return redirect(_url("round_detail", municipality, pk=rating_round.pk))
    return render(
        request,
        "prioritisation/round_form.html",
        {
            "municipality": municipality,
            "form": form,
            "open_round": open_round,
            "has_criteria": selectors.criteria_of(municipality).exists(),
        },
    )


@municipality_view("prioritisation.manage_rounds")
def round_edit(request, municipality, pk: int):
    rating_round = selectors.round_in(municipality, pk)
    if not rating_round.is_open:
        messages.warning(request, _("Die Runde ist abgeschlossen und lässt sich nicht mehr ändern."))
        return redirect(_url("round_detail", municipality, pk=pk))
    form = _round_form(request, municipality, instance=rating_round)
    if request.method == "POST" and form.is_valid():
        try:
            services.rating_round_update(
                actor=request.user,
                rating_round=rating_round,
                title=form.cleaned_data["title"],
                measures=form.cleaned_data["measures"],
                raters=form.cleaned_data["raters"],
                expected_version=form.cleaned_data.get("version"),
            )
        except StaleEditError as error:
            form.show_stale(error)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Bewertungsrunde gespeichert."))
            return redirect(_url("round_detail", municipality, pk=pk))
    return render(
        request,
        "prioritisation/round_form.html",
        {"municipality": municipality, "form": form, "round": rating_round, "has_criteria": True},
    )


@municipality_view("prioritisation.view_prioritisation")
def round_detail(request, municipality, pk: int):
    rating_round = selectors.round_in(municipality, pk)
    result = selectors.build_ranking(municipality, rating_round=rating_round, use_current_round=False)
    rated = [(index, column) for index, column in enumerate(result.columns) if column.is_rated]
    rows = sorted(result.rows, key=lambda row: (row.title.lower(), row.measure_id or 0))
    page = paginate(request, rows)
    table = [(row, [row.cells[index] for index, _column in rated]) for row in page.object_list]
    user = request.user
    catalogue = getattr(rating_round, "catalogue", None) if rating_round.status == RoundStatus.CLOSED else None
    return render(
        request,
        "prioritisation/round_detail.html",
        {
            "municipality": municipality,
            "round": rating_round,
            "progress": selectors.rater_progress(rating_round),
            "rated_columns": [column for _index, column in rated],
            "table": table,
            "page": page,
            "problem": result.problem,
            "catalogue": catalogue,
            "can_rate": rating_round.is_open and user.has_perm("prioritisation.rate_round", rating_round),
            "can_manage": rating_round.is_open and user.has_perm("prioritisation.manage_rounds", municipality),
        },
    )


@municipality_view("prioritisation.manage_rounds")
def round_close(request, municipality, pk: int):
    rating_round = selectors.round_in(municipality, pk)
    if not rating_round.is_open:
        messages.warning(request, _("Die Runde ist bereits abgeschlossen."))
        return redirect(_url("round_detail", municipality, pk=pk))
    form = CloseRoundForm(request.POST or None, initial={"version": rating_round.version})
    if request.method == "POST" and form.is_valid():
        try:
            catalogue = services.rating_round_close(
                actor=request.user, rating_round=rating_round, expected_version=form.cleaned_data["version"]
            )
        except StaleEditError as error:
            form.add_error(None, str(error))
            form.data = form.data.copy()
            form.data["version"] = error.current.version
        except ValidationError as error:
            form.add_error(None, _first_error(error))
        else:
            messages.success(
                request, _("Die Runde ist abgeschlossen. Der priorisierte Maßnahmenkatalog ist festgeschrieben.")
            )
            return redirect(_url("catalogue", municipality, pk=catalogue.pk))
    progress = selectors.rater_progress(rating_round)
    return render(
        request,
        "prioritisation/round_close.html",
        {
            "municipality": municipality,
            "round": rating_round,
            "form": form,
            "incomplete": [p for p in progress if not p.complete],
        },
    )


def _rater_round(request, municipality, pk: int):
    rating_round = selectors.round_in(municipality, pk)
    if not request.user.has_perm("prioritisation.rate_round", rating_round):
        raise PermissionDenied
    return rating_round


@municipality_view("prioritisation.view_prioritisation")
def round_rate(request, municipality, pk: int):
    """The invited person's list of measures to rate, with their progress."""
    rating_round = _rater_round(request, municipality, pk)
    criteria_count = selectors.rated_criteria(municipality).count()
    done = selectors.ratings_done_by_measure(rating_round, request.user)
    page = paginate(request, selectors.round_measures(rating_round))
    rows = [(measure, min(done.get(measure.pk, 0), criteria_count)) for measure in page.object_list]
    complete = sum(1 for count in done.values() if criteria_count and count >= criteria_count)
    return render(
        request,
        "prioritisation/round_rate.html",
        {
            "municipality": municipality,
            "round": rating_round,
            "rows": rows,
            "page": page,
            "criteria_count": criteria_count,
            "complete": complete,
            "total": page.paginator.count,
        },
    )


@municipality_view("prioritisation.view_prioritisation")
def rating(request, municipality, pk: int, measure: int):
    """One measure's rating form: htmx swaps the form in place, a plain post goes on to the next measure."""
    rating_round = _rater_round(request, municipality, pk)
    measure_obj = selectors.round_measure_in(rating_round, measure)
    criteria = list(selectors.rated_criteria(municipality))
    own = selectors.own_ratings(rating_round, measure_obj, request.user)
    initial = {f"criterion_{pk}": str(value) for pk, value in own.items()}
    form = RatingForm(request.POST or None, criteria=criteria, initial=initial)
    saved = False
    if request.method == "POST":
        if not rating_round.is_open:
            form.add_error(None, _("Die Runde ist abgeschlossen; Bewertungen lassen sich nicht mehr ändern."))
        elif form.is_valid():
            try:
                services.ratings_save(
                    actor=request.user, rating_round=rating_round, measure=measure_obj, values=form.values()
                )
            except ValidationError as error:
                add_service_error(form, error)
            else:
                saved = True
                if not request.htmx:
                    messages.success(
                        request, _("Bewertung von „%(title)s“ gespeichert.") % {"title": measure_obj.title}
                    )
                    following = selectors.next_measure_to_rate(rating_round, request.user, after=measure_obj)
                    if following is not None:
                        return redirect(_url("rating", municipality, pk=rating_round.pk, measure=following.pk))
                    return redirect(_url("round_rate", municipality, pk=rating_round.pk))
    context = {
        "municipality": municipality,
        "round": rating_round,
        "measure": measure_obj,
        "form": form,
        "saved": saved,
        "has_criteria": bool(criteria),
    }
    if request.htmx:
        return render(request, "prioritisation/_rating_form.html", context)
    return render(request, "prioritisation/rating.html", context)


# Frozen catalogues ------------------------------------------------------------------------------------------


@municipality_view("prioritisation.view_prioritisation")
def catalogue(request, municipality, pk: int):
    frozen = selectors.catalogue_in(municipality, pk)
    result = selectors.catalogue_ranking(frozen)
    return render(
        request,
        "prioritisation/catalogue.html",
        {
            "municipality": municipality,
            "catalogue": frozen,
            "resolution": selectors.resolution_of(frozen),
            "result": result,
            "page": paginate(request, result.rows, per_page=RANKING_PAGE_SIZE),
            "parameters": frozen.parameters,
            "sensitivity_percent": round(float(frozen.parameters.get("sensitivity", ranking.SENSITIVITY)) * 100),
            "stable_spread": frozen.parameters.get("stable_spread", ranking.STABLE_SPREAD),
            "cost_years": frozen.parameters.get("cost_years", COST_YEARS),
            "can_adopt": request.user.has_perm("prioritisation.adopt_catalogue", municipality),
        },
    )


@municipality_view("prioritisation.adopt_catalogue")
def catalogue_adopt(request, municipality, pk: int):
    frozen = selectors.catalogue_in(municipality, pk)
    resolution = selectors.resolution_of(frozen)
    if resolution is not None:
        messages.warning(request, _("Der Ratsbeschluss zu diesem Katalog ist bereits erfasst."))
        return redirect(_url("catalogue", municipality, pk=pk))
    form = AdoptionForm(request.POST or None, entries=selectors.catalogue_entries(frozen))
    if request.method == "POST" and form.is_valid():
        try:
            services.catalogue_adopt(
                actor=request.user,
                catalogue=frozen,
                decided_on=form.cleaned_data["decided_on"],
                reference=form.cleaned_data["reference"],
                entries=form.chosen_entries(),
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Ratsbeschluss erfasst. Die beschlossenen Maßnahmen sind jetzt „Beschlossen“."))
            return redirect(_url("catalogue", municipality, pk=pk))
    return render(
        request,
        "prioritisation/catalogue_adopt.html",
        {"municipality": municipality, "catalogue": frozen, "form": form},
    )
