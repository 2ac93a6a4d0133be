"""Views of the strategy: Reifegrad-Check, needs, vision, foci with suggestions, goals and indicators."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vorort.core.access import municipality_view, network_admin_view
from vorort.core.concurrency import StaleEditError
from vorort.core.forms import add_service_error
from vorort.core.pagination import paginate
from vorort.network.models import ActionField

from . import charts, selectors, services
from .diff import word_diff
from .forms import (
    AnswerForm,
    CompleteRoundForm,
    FocusForm,
    GoalForm,
    IndicatorForm,
    MeasurementForm,
    NeedFilterForm,
    NeedForm,
    QuestionForm,
    RoundForm,
    SuggestionForm,
    VisionAdoptForm,
    VisionCompareForm,
    VisionForm,
)
from .models import RoundStatus


def _url(name: str, municipality, anchor: str = "", **kwargs) -> str:
    url = reverse(f"strategy:{name}", kwargs={"slug": municipality.slug, **kwargs})
    return f"{url}#{anchor}" if anchor else url


def _first_error(error: ValidationError) -> str:
    return " ".join(error.messages)


def _action_fields(municipality):
    return ActionField.objects.filter(network_id=municipality.network_id).order_by("order", "name")


# Questionnaire (network office) -------------------------------------------------------------------------------


@network_admin_view
def question_list(request, network):
    return render(
        request,
        "strategy/question_list.html",
        {"network": network, "questions": selectors.questions_of(network)},
    )


@require_POST
@network_admin_view
def question_defaults(request, network):
    created = services.questionnaire_ensure_defaults(actor=request.user, network=network)
    if created:
        messages.success(request, _("%(count)d Standardfragen übernommen.") % {"count": created})
    else:
        messages.warning(request, _("Das Netzwerk hat bereits Fragen; es wurde nichts ergänzt."))
    return redirect("strategy:question_list")


@network_admin_view
def question_create(request, network):
    form = QuestionForm(request.POST or None, network=network)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            question = services.question_create(actor=request.user, network=network, **data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Frage angelegt."))
            return redirect(reverse("strategy:question_list") + f"#frage-{question.pk}")
    return render(request, "strategy/question_form.html", {"network": network, "form": form})


@network_admin_view
def question_edit(request, network, pk: int):
    question = selectors.question_in(network, pk)
    form = QuestionForm(request.POST or None, instance=question, network=network)
    if request.method == "POST" and form.is_valid():
        try:
            services.question_update(actor=request.user, question=question, data=form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Frage gespeichert."))
            return redirect(reverse("strategy:question_list") + f"#frage-{question.pk}")
    return render(request, "strategy/question_form.html", {"network": network, "form": form, "question": question})


# Assessment rounds --------------------------------------------------------------------------------------------


def _history_context(municipality, fields) -> dict:
    history = selectors.completed_history(municipality)
    return {
        "history": history,
        "history_chart": charts.progress_chart(history) if history else "",
        "history_rows": [{"result": result, "scores": [result.scores.get(f.pk) for f in fields]} for result in history],
    }


@municipality_view("strategy.view_strategy")
def assessment(request, municipality):
    """The rounds of this town's Reifegrad-Check and how the scores developed."""
    fields = selectors.action_fields_for(municipality)
    page = paginate(request, selectors.rounds_of(municipality))
    overall = selectors.overall_by_round(page.object_list)
    return render(
        request,
        "strategy/assessment.html",
        {
            "municipality": municipality,
            "page": page,
            "rows": [(r, overall.get(r.pk)) for r in page.object_list],
            "fields": fields,
            "can_edit": request.user.has_perm("strategy.change_strategy", municipality),
            **_history_context(municipality, fields),
        },
    )


@municipality_view("strategy.change_strategy")
def round_create(request, municipality):
    form = RoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            created = services.round_create(actor=request.user, municipality=municipality, **data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request, _("Runde „%(title)s“ angelegt. Beantworten Sie nun die Fragen.") % {"title": created.title}
            )
            return redirect(_url("round_detail", municipality, pk=created.pk))
    return render(request, "strategy/round_form.html", {"municipality": municipality, "form": form})


def _frozen_round(request, municipality, assessment_round):
    """A completed round is frozen: the edit is refused with a clear message (403)."""
    return render(
        request,
        "strategy/frozen.html",
        {
            "municipality": municipality,
            "message": services.frozen_round_message(),
            "back_url": _url("round_detail", municipality, pk=assessment_round.pk),
            "back_label": _("Zum Ergebnis der Runde"),
        },
        status=403,
    )


@municipality_view("strategy.change_strategy")
def round_edit(request, municipality, pk: int):
    assessment_round = selectors.round_in(municipality, pk)
    if assessment_round.status == RoundStatus.DONE:
        return _frozen_round(request, municipality, assessment_round)
    form = RoundForm(request.POST or None, instance=assessment_round)
    if request.method == "POST" and form.is_valid():
        try:
            services.round_update(
                actor=request.user,
                assessment_round=assessment_round,
                data=form.changed_values(),
                expected_version=form.cleaned_data.get("version"),
            )
        except StaleEditError as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Runde gespeichert."))
            return redirect(_url("round_detail", municipality, pk=pk))
    return render(
        request,
        "strategy/round_form.html",
        {"municipality": municipality, "form": form, "round": assessment_round},
    )


@municipality_view("strategy.view_strategy")
def round_detail(request, municipality, pk: int):
    """Result of a round: scores per action field as radar chart and table, peers, progress over rounds."""
    assessment_round = selectors.round_in(municipality, pk)
    fields = selectors.action_fields_for(municipality)
    means = selectors.field_means([assessment_round.pk]).get(assessment_round.pk, {})
    scores = {field_id: selectors.rounded(value) for field_id, value in means.items()}
    progress = selectors.answer_progress(assessment_round)
    peers = selectors.peer_averages(municipality)
    rows = [
        {
            "field": f,
            "score": scores.get(f.pk),
            "progress": progress[f.pk],
            "network": peers.network.get(f.pk),
            "network_count": peers.network_count.get(f.pk, 0),
            "size_class": peers.size_class.get(f.pk),
            "size_class_count": peers.size_class_count.get(f.pk, 0),
        }
        for f in fields
    ]
    return render(
        request,
        "strategy/round_detail.html",
        {
            "municipality": municipality,
            "round": assessment_round,
            "rows": rows,
            "peers": peers,
            "min_peers": selectors.MIN_PEERS,
            "overall": selectors.overall_score(means),
            "open_questions": sum(max(0, p.total - p.answered) for p in progress.values()),
            "radar": charts.round_radar(municipality, assessment_round, rows, peers),
            "answers": selectors.answers_in_order(assessment_round),
            "is_draft": assessment_round.status == RoundStatus.DRAFT,
            "can_edit": request.user.has_perm("strategy.change_strategy", municipality),
            **_history_context(municipality, fields),
            "fields": fields,
        },
    )


@municipality_view("strategy.change_strategy")
def round_answer(request, municipality, pk: int, field: str):
    """Answer the questions of one action field; save as draft any time."""
    assessment_round = selectors.round_in(municipality, pk)
    fields = selectors.action_fields_for(municipality)
    action_field = next((f for f in fields if f.slug == field), None)
    if action_field is None:
        raise Http404
    if assessment_round.status == RoundStatus.DONE:
        return _frozen_round(request, municipality, assessment_round)
    questions = list(selectors.active_questions(municipality.network_id, action_field))
    answers = selectors.answers_of(assessment_round, questions)
    form = AnswerForm(request.POST or None, questions=questions, answers=answers)
    progress = selectors.answer_progress(assessment_round)
    index = fields.index(action_field)
    next_field = fields[index + 1] if index + 1 < len(fields) else None
    if request.method == "POST" and form.is_valid():
        try:
            services.round_answers_save(
                actor=request.user, assessment_round=assessment_round, answers=form.changed_answers()
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Antworten zu %(field)s gespeichert (Entwurf).") % {"field": action_field.name})
            if request.POST.get("weiter") and next_field is not None:
                return redirect(_url("round_answer", municipality, pk=pk, field=next_field.slug))
            return redirect(_url("round_detail", municipality, pk=pk))
    return render(
        request,
        "strategy/round_answer.html",
        {
            "municipality": municipality,
            "round": assessment_round,
            "action_field": action_field,
            "field_links": [(f, progress[f.pk]) for f in fields],
            "form": form,
            "next_field": next_field,
        },
    )


@municipality_view("strategy.change_strategy")
def round_complete(request, municipality, pk: int):
    assessment_round = selectors.round_in(municipality, pk)
    if assessment_round.status == RoundStatus.DONE:
        return _frozen_round(request, municipality, assessment_round)
    form = CompleteRoundForm(request.POST or None, initial={"version": assessment_round.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.round_complete(
                actor=request.user,
                assessment_round=assessment_round,
                expected_version=form.cleaned_data.get("version"),
            )
        except StaleEditError as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Die Runde ist abgeschlossen. Das Ergebnis ist jetzt festgeschrieben."))
            return redirect(_url("round_detail", municipality, pk=pk))
    progress = selectors.answer_progress(assessment_round)
    return render(
        request,
        "strategy/round_complete.html",
        {
            "municipality": municipality,
            "round": assessment_round,
            "form": form,
            "open_questions": sum(max(0, p.total - p.answered) for p in progress.values()),
        },
    )


@municipality_view("strategy.change_strategy")
def round_delete(request, municipality, pk: int):
    assessment_round = selectors.round_in(municipality, pk)
    if assessment_round.status == RoundStatus.DONE:
        return _frozen_round(request, municipality, assessment_round)
    if request.method == "POST":
        try:
            services.round_delete(actor=request.user, assessment_round=assessment_round)
        except ValidationError as error:
            messages.error(request, _first_error(error))
            return redirect(_url("round_detail", municipality, pk=pk))
        messages.success(request, _("Runde gelöscht."))
        return redirect(_url("assessment", municipality))
    return render(
        request,
        "core/confirm_delete.html",
        {
            "municipality": municipality,
            "object": assessment_round,
            "cancel_url": _url("round_detail", municipality, pk=pk),
        },
    )


# Needs --------------------------------------------------------------------------------------------------------


def _need_form(request, municipality, instance=None):
    return NeedForm(
        request.POST or None,
        instance=instance,
        action_fields=_action_fields(municipality),
        user_groups=selectors.user_groups_for(municipality),
    )


@municipality_view("strategy.view_strategy")
def need_list(request, municipality):
    form = NeedFilterForm(
        request.GET, action_fields=_action_fields(municipality), user_groups=selectors.user_groups_for(municipality)
    )
    filters = form.filters()
    page = paginate(request, selectors.needs_of(municipality, **filters))
    return render(
        request,
        "strategy/need_list.html",
        {
            "municipality": municipality,
            "form": form,
            "filtered": bool(filters),
            "page": page,
            "totals": selectors.need_totals(municipality, selectors.action_fields_for(municipality)),
            "can_edit": request.user.has_perm("strategy.change_strategy", municipality),
        },
    )


@municipality_view("strategy.change_strategy")
def need_create(request, municipality):
    form = _need_form(request, municipality)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            need = services.need_create(actor=request.user, municipality=municipality, **data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Bedarf „%(title)s“ erfasst.") % {"title": need.title})
            if request.POST.get("weiter"):
                return redirect(_url("need_create", municipality))
            return redirect(_url("need_list", municipality))
    return render(request, "strategy/need_form.html", {"municipality": municipality, "form": form})


@municipality_view("strategy.change_strategy")
def need_edit(request, municipality, pk: int):
    need = selectors.need_in(municipality, pk)
    form = _need_form(request, municipality, instance=need)
    if request.method == "POST" and form.is_valid():
        try:
            need = services.need_update(
                actor=request.user,
                need=need,
                data=form.changed_values(),
                expected_version=form.cleaned_data.get("version"),
            )
        except StaleEditError as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Bedarf „%(title)s“ gespeichert.") % {"title": need.title})
            return redirect(_url("need_list", municipality))
    return render(request, "strategy/need_form.html", {"municipality": municipality, "form": form, "need": need})


@municipality_view("strategy.change_strategy")
def need_delete(request, municipality, pk: int):
    need = selectors.need_in(municipality, pk)
    if request.method == "POST":
        services.need_delete(actor=request.user, need=need)
        messages.success(request, _("Bedarf gelöscht."))
        return redirect(_url("need_list", municipality))
    return render(
        request,
        "core/confirm_delete.html",
        {"municipality": municipality, "object": need, "cancel_url": _url("need_edit", municipality, pk=pk)},
    )


# Vision -------------------------------------------------------------------------------------------------------


@municipality_view("strategy.view_strategy")
def vision(request, municipality):
    versions = selectors.visions_of(municipality)
    page = paginate(request, versions)
    current = selectors.current_vision(municipality)
    fields = selectors.action_fields_for(municipality)
    listed = list(page.object_list)
    latest = listed[0] if page.number == 1 and listed else None
    compare_form = VisionCompareForm(versions=versions)
    if len(listed) >= 2:
        compare_form.initial = {"a": listed[1].pk, "b": listed[0].pk}
    return render(
        request,
        "strategy/vision.html",
        {
            "municipality": municipality,
            "page": page,
            "current": current,
            "principles": selectors.principles_by_field(current, fields) if current else [],
            "latest": latest,
            "compare_form": compare_form,
            "can_edit": request.user.has_perm("strategy.change_strategy", municipality),
            "can_adopt": request.user.has_perm("strategy.adopt_vision", municipality),
        },
    )


def _vision_form(request, municipality, instance=None, principles=None):
    return VisionForm(
        request.POST or None,
        instance=instance,
        action_fields=selectors.action_fields_for(municipality),
        principles=principles or {},
    )


@municipality_view("strategy.change_strategy")
def vision_create(request, municipality):
    if selectors.visions_of(municipality).exists():
        messages.info(
            request, _("Es gibt schon eine Vision. Bearbeiten Sie den Entwurf oder legen Sie eine neue Fassung an.")
        )
        return redirect(_url("vision", municipality))
    form = _vision_form(request, municipality)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.vision_create(
                actor=request.user,
                municipality=municipality,
                title=form.cleaned_data["title"],
                text=form.cleaned_data["text"],
                principles=form.principle_values(),
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Fassung 1 der Vision angelegt (Entwurf)."))
            return redirect(_url("vision_detail", municipality, pk=created.pk))
    return render(request, "strategy/vision_form.html", {"municipality": municipality, "form": form})


@municipality_view("strategy.view_strategy")
def vision_detail(request, municipality, pk: int):
    version = selectors.vision_in(municipality, pk)
    return render(
        request,
        "strategy/vision_detail.html",
        {
            "municipality": municipality,
            "version": version,
            "principles": selectors.principles_by_field(version, selectors.action_fields_for(municipality)),
            "can_edit": request.user.has_perm("strategy.change_strategy", municipality),
            "can_adopt": request.user.has_perm("strategy.adopt_vision", municipality),
        },
    )


def _frozen_vision(request, municipality, version):
    return render(
        request,
        "strategy/frozen.html",
        {
            "municipality": municipality,
            "message": services.frozen_vision_message(),
            "back_url": _url("vision_detail", municipality, pk=version.pk),
            "back_label": _("Zur Fassung"),
        },
        status=403,
    )


@municipality_view("strategy.change_strategy")
def vision_edit(request, municipality, pk: int):
    version = selectors.vision_in(municipality, pk)
    if version.is_frozen:
        return _frozen_vision(request, municipality, version)
    principles = {p.action_field_id: p.text for p in version.principles.all()}
    form = _vision_form(request, municipality, instance=version, principles=principles)
    if request.method == "POST" and form.is_valid():
        try:
            services.vision_update(
                actor=request.user,
                vision=version,
                data=form.changed_values(),
                principles=form.principle_values(),
                expected_version=form.cleaned_data.get("version"),
            )
        except StaleEditError as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Entwurf gespeichert."))
            return redirect(_url("vision_detail", municipality, pk=pk))
    return render(
        request, "strategy/vision_form.html", {"municipality": municipality, "form": form, "version": version}
    )


@municipality_view("strategy.adopt_vision")
def vision_adopt(request, municipality, pk: int):
    version = selectors.vision_in(municipality, pk)
    if version.is_frozen:
        return _frozen_vision(request, municipality, version)
    form = VisionAdoptForm(request.POST or None, instance=version)
    if request.method == "POST" and form.is_valid():
        try:
            services.vision_adopt(
                actor=request.user,
                vision=version,
                adopted_on=form.cleaned_data["adopted_on"],
                resolution_number=form.cleaned_data["resolution_number"],
                expected_version=form.cleaned_data.get("version"),
            )
        except StaleEditError as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Fassung %(number)s ist beschlossen.") % {"number": version.number})
            return redirect(_url("vision_detail", municipality, pk=pk))
    return render(
        request, "strategy/vision_adopt.html", {"municipality": municipality, "form": form, "version": version}
    )


@require_POST
@municipality_view("strategy.change_strategy")
def vision_new_version(request, municipality):
    try:
        created = services.vision_new_version(actor=request.user, municipality=municipality)
    except ValidationError as error:
        messages.error(request, _first_error(error))
        return redirect(_url("vision", municipality))
    messages.success(
        request,
        _("Fassung %(number)s als Entwurf angelegt – eine Kopie der vorigen Fassung.") % {"number": created.number},
    )
    return redirect(_url("vision_edit", municipality, pk=created.pk))


@municipality_view("strategy.change_strategy")
def vision_delete(request, municipality, pk: int):
    version = selectors.vision_in(municipality, pk)
    if version.is_frozen:
        return _frozen_vision(request, municipality, version)
    if request.method == "POST":
        services.vision_delete(actor=request.user, vision=version)
        messages.success(request, _("Entwurf gelöscht."))
        return redirect(_url("vision", municipality))
    return render(
        request,
        "core/confirm_delete.html",
        {"municipality": municipality, "object": version, "cancel_url": _url("vision_detail", municipality, pk=pk)},
    )


@municipality_view("strategy.view_strategy")
def vision_compare(request, municipality):
    """Two versions side by side; changes marked word by word in the text and in every principle."""
    versions = selectors.visions_of(municipality)
    form = VisionCompareForm(request.GET if {"a", "b"} & set(request.GET) else None, versions=versions)
    comparison = None
    if form.is_bound and form.is_valid():
        left, right = form.cleaned_data["a"], form.cleaned_data["b"]
        if left.number > right.number:
            left, right = right, left
        left = selectors.vision_in(municipality, left.pk)
        right = selectors.vision_in(municipality, right.pk)
        fields = selectors.action_fields_for(municipality)
        old_principles = dict(selectors.principles_by_field(left, fields))
        new_principles = dict(selectors.principles_by_field(right, fields))
        comparison = {
            "left": left,
            "right": right,
            "title": word_diff(left.title, right.title),
            "text": word_diff(left.text, right.text),
            "principles": [(f, word_diff(old_principles[f], new_principles[f])) for f in fields],
        }
    elif not form.is_bound:
        listed = list(versions[:2])
        if len(listed) == 2:
            form.initial = {"a": listed[1].pk, "b": listed[0].pk}
    return render(
        request,
        "strategy/vision_compare.html",
        {"municipality": municipality, "form": form, "comparison": comparison},
    )


# Foci and suggestions -----------------------------------------------------------------------------------------


def _focus_form(request, municipality, instance=None):
    return FocusForm(
        request.POST or None,
        instance=instance,
        action_fields=_action_fields(municipality),
        needs=selectors.needs_for_choice(municipality),
    )


@municipality_view("strategy.view_strategy")
def focus_list(request, municipality):
    page = paginate(request, selectors.foci_of(municipality))
    return render(
        request,
        "strategy/focus_list.html",
        {
            "municipality": municipality,
            "page": page,
            "suggestions": selectors.suggestions_for(municipality),
            "dropped": selectors.dropped_suggestions(municipality),
            "can_edit": request.user.has_perm("strategy.change_strategy", municipality),
        },
    )


@municipality_view("strategy.change_strategy")
def focus_create(request, municipality):
    form = _focus_form(request, municipality)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            focus = services.focus_create(actor=request.user, municipality=municipality, **data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Schwerpunkt „%(title)s“ angelegt.") % {"title": focus.title})
            return redirect(_url("focus_list", municipality, anchor=f"schwerpunkt-{focus.pk}"))
    return render(request, "strategy/focus_form.html", {"municipality": municipality, "form": form})


@municipality_view("strategy.change_strategy")
def focus_edit(request, municipality, pk: int):
    focus = selectors.focus_in(municipality, pk)
    form = _focus_form(request, municipality, instance=focus)
    if request.method == "POST" and form.is_valid():
        try:
            focus = services.focus_update(
                actor=request.user,
                focus=focus,
                data=form.changed_values(),
                needs=form.cleaned_data["needs"],
                expected_version=form.cleaned_data.get("version"),
            )
        except StaleEditError as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Schwerpunkt „%(title)s“ gespeichert.") % {"title": focus.title})
            return redirect(_url("focus_list", municipality, anchor=f"schwerpunkt-{focus.pk}"))
    return render(request, "strategy/focus_form.html", {"municipality": municipality, "form": form, "focus": focus})


@municipality_view("strategy.change_strategy")
def focus_delete(request, municipality, pk: int):
    focus = selectors.focus_in(municipality, pk)
    if request.method == "POST":
        services.focus_delete(actor=request.user, focus=focus)
        messages.success(request, _("Schwerpunkt gelöscht."))
        return redirect(_url("focus_list", municipality))
    return render(
        request,
        "core/confirm_delete.html",
        {
            "municipality": municipality,
            "object": focus,
            "question": _(
                "Soll der Schwerpunkt „%(title)s“ mit allen Zielen, Indikatoren und Messwerten gelöscht werden?"
            )
            % {"title": focus.title},
            "cancel_url": _url("focus_list", municipality, anchor=f"schwerpunkt-{focus.pk}"),
        },
    )


@municipality_view("strategy.change_strategy")
def suggestion_confirm(request, municipality, field: str):
    """Confirm a suggested focus: at once ("direkt") or after editing title, rationale and needs."""
    suggestion = selectors.suggestion_for(municipality, field)
    if request.method == "POST" and request.POST.get("direkt"):
        try:
            focus = services.suggestion_confirm(actor=request.user, municipality=municipality, suggestion=suggestion)
        except ValidationError as error:
            messages.error(request, _first_error(error))
            return redirect(_url("focus_list", municipality))
        messages.success(request, _("Schwerpunkt „%(title)s“ übernommen.") % {"title": focus.title})
        return redirect(_url("focus_list", municipality, anchor=f"schwerpunkt-{focus.pk}"))
    needs = selectors.needs_for_choice(municipality)
    form = SuggestionForm(
        request.POST or None,
        needs=needs,
        initial={
            "title": suggestion.title,
            "rationale": suggestion.rationale,
            "needs": [n.pk for n in needs if n.action_field_id == suggestion.action_field.pk],
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            focus = services.suggestion_confirm(
                actor=request.user,
                municipality=municipality,
                suggestion=suggestion,
                title=form.cleaned_data["title"],
                description=form.cleaned_data["description"],
                rationale=form.cleaned_data["rationale"],
                needs=form.cleaned_data["needs"],
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Schwerpunkt „%(title)s“ übernommen.") % {"title": focus.title})
            return redirect(_url("focus_list", municipality, anchor=f"schwerpunkt-{focus.pk}"))
    return render(
        request,
        "strategy/suggestion_form.html",
        {"municipality": municipality, "form": form, "suggestion": suggestion},
    )


@require_POST
@municipality_view("strategy.change_strategy")
def suggestion_drop(request, municipality, field: str):
    suggestion = selectors.suggestion_for(municipality, field)
    services.suggestion_drop(actor=request.user, municipality=municipality, suggestion=suggestion)
    messages.success(
        request,
        _("Vorschlag für %(field)s verworfen. Er wird nicht mehr angeboten, bis Sie ihn wieder aufnehmen.")
        % {"field": suggestion.action_field.name},
    )
    return redirect(_url("focus_list", municipality, anchor="vorschlaege"))


@require_POST
@municipality_view("strategy.change_strategy")
def suggestion_restore(request, municipality, field: str):
    dropped = selectors.dropped_suggestion_in(municipality, field)
    services.suggestion_restore(actor=request.user, dropped=dropped)
    messages.success(
        request, _("Vorschlag für %(field)s wird wieder angeboten.") % {"field": dropped.action_field.name}
    )
    return redirect(_url("focus_list", municipality, anchor="vorschlaege"))


# Goals --------------------------------------------------------------------------------------------------------


@municipality_view("strategy.change_strategy")
def goal_create(request, municipality, pk: int):
    focus = selectors.focus_in(municipality, pk)
    form = GoalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            goal = services.goal_create(actor=request.user, focus=focus, **data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Ziel „%(title)s“ angelegt.") % {"title": goal.title})
            return redirect(_url("focus_list", municipality, anchor=f"ziel-{goal.pk}"))
    return render(request, "strategy/goal_form.html", {"municipality": municipality, "form": form, "focus": focus})


@municipality_view("strategy.change_strategy")
def goal_edit(request, municipality, pk: int):
    goal = selectors.goal_in(municipality, pk)
    form = GoalForm(request.POST or None, instance=goal)
    if request.method == "POST" and form.is_valid():
        try:
            goal = services.goal_update(
                actor=request.user,
                goal=goal,
                data=form.changed_values(),
                expected_version=form.cleaned_data.get("version"),
            )
        except StaleEditError as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Ziel gespeichert."))
            return redirect(_url("focus_list", municipality, anchor=f"ziel-{goal.pk}"))
    return render(
        request,
        "strategy/goal_form.html",
        {"municipality": municipality, "form": form, "goal": goal, "focus": goal.focus},
    )


@municipality_view("strategy.change_strategy")
def goal_delete(request, municipality, pk: int):
    goal = selectors.goal_in(municipality, pk)
    if request.method == "POST":
        services.goal_delete(actor=request.user, goal=goal)
        messages.success(request, _("Ziel gelöscht."))
        return redirect(_url("focus_list", municipality, anchor=f"schwerpunkt-{goal.focus_id}"))
    return render(
        request,
        "core/confirm_delete.html",
        {
            "municipality": municipality,
            "object": goal,
            "question": _("Soll das Ziel „%(title)s“ mit seinen Indikatoren und Messwerten gelöscht werden?")
            % {"title": goal.title},
            "cancel_url": _url("focus_list", municipality, anchor=f"ziel-{goal.pk}"),
        },
    )


# Indicators and measurements ----------------------------------------------------------------------------------


@municipality_view("strategy.change_strategy")
def indicator_create(request, municipality, pk: int):
    goal = selectors.goal_in(municipality, pk)
    form = IndicatorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            indicator = services.indicator_create(actor=request.user, goal=goal, **data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Indikator „%(name)s“ angelegt.") % {"name": indicator.name})
            return redirect(_url("indicator_detail", municipality, pk=indicator.pk))
    return render(request, "strategy/indicator_form.html", {"municipality": municipality, "form": form, "goal": goal})


def _indicator_page(request, municipality, indicator, form=None, status=200):
    measurements = selectors.measurements_of(indicator)
    rows = [(m, indicator.progress_for(m.value)) for m in measurements]
    return render(
        request,
        "strategy/indicator_detail.html",
        {
            "municipality": municipality,
            "indicator": indicator,
            "rows": rows,
            "progress": indicator.progress_for(indicator.latest_value),
            "chart": charts.indicator_chart(indicator, measurements),
            "form": form,
            "can_edit": request.user.has_perm("strategy.change_strategy", municipality),
        },
        status=status,
    )


@municipality_view("strategy.view_strategy")
def indicator_detail(request, municipality, pk: int):
    indicator = selectors.indicator_in(municipality, pk)
    can_edit = request.user.has_perm("strategy.change_strategy", municipality)
    return _indicator_page(request, municipality, indicator, form=MeasurementForm() if can_edit else None)


@municipality_view("strategy.change_strategy")
def indicator_edit(request, municipality, pk: int):
    indicator = selectors.indicator_in(municipality, pk)
    form = IndicatorForm(request.POST or None, instance=indicator)
    if request.method == "POST" and form.is_valid():
        try:
            services.indicator_update(
                actor=request.user,
                indicator=indicator,
                data=form.changed_values(),
                expected_version=form.cleaned_data.get("version"),
            )
        except StaleEditError as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Indikator gespeichert."))
            return redirect(_url("indicator_detail", municipality, pk=pk))
    return render(
        request,
        "strategy/indicator_form.html",
        {"municipality": municipality, "form": form, "indicator": indicator, "goal": indicator.goal},
    )


@municipality_view("strategy.change_strategy")
def indicator_delete(request, municipality, pk: int):
    indicator = selectors.indicator_in(municipality, pk)
    if request.method == "POST":
        services.indicator_delete(actor=request.user, indicator=indicator)
        messages.success(request, _("Indikator gelöscht."))
        return redirect(_url("focus_list", municipality, anchor=f"ziel-{indicator.goal_id}"))
    return render(
        request,
        "core/confirm_delete.html",
        {
            "municipality": municipality,
            "object": indicator,
            "question": _("Soll der Indikator „%(name)s“ mit allen Messwerten gelöscht werden?")
            % {"name": indicator.name},
            "cancel_url": _url("indicator_detail", municipality, pk=pk),
        },
    )


@municipality_view("strategy.change_strategy")
def measurement_create(request, municipality, pk: int):
    indicator = selectors.indicator_in(municipality, pk)
    form = MeasurementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.measurement_create(actor=request.user, indicator=indicator, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Messwert gespeichert."))
            return redirect(_url("indicator_detail", municipality, pk=pk, anchor="messwerte"))
    return _indicator_page(request, municipality, indicator, form=form)


@municipality_view("strategy.change_strategy")
def measurement_delete(request, municipality, pk: int):
    measurement = selectors.measurement_in(municipality, pk)
    indicator_url = _url("indicator_detail", municipality, pk=measurement.indicator_id, anchor="messwerte")
    if request.method == "POST":
        services.measurement_delete(actor=request.user, measurement=measurement)
        messages.success(request, _("Messwert gelöscht."))
        return redirect(indicator_url)
    return render(
        request,
        "core/confirm_delete.html",
        {
            "municipality": municipality,
            "object": measurement,
            "question": _("Soll der Messwert vom %(date)s gelöscht werden?")
            % {"date": measurement.measured_on.strftime("%d.%m.%Y")},
            "cancel_url": indicator_url,
        },
    )
