"""Pages of the participation.

Public (no sign-in): a town's participations, one participation with its measures, results and ideas, an idea, a
measure, registration and the confirmation link. Citizens (signed in, citizen role in the town): join, ideas,
comments, votes. Everyone signed in: their own account, data export and deletion. The workspace: set up,
open/close, moderate, take ideas over, anonymise.
"""

from __future__ import annotations

from functools import wraps
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from vorort.core.access import municipality_view, user_view
from vorort.core.concurrency import StaleEditError
from vorort.core.forms import add_service_error
from vorort.core.pagination import paginate
from vorort.core.ratelimit import over_limit, rate_limited

from . import selectors, services
from .charts import support_chart
from .exporting import personal_data_filename, personal_data_zip
from .forms import (
    AccountDeleteForm,
    CommentForm,
    ConsentForm,
    IdeaForm,
    MeasureFromIdeaForm,
    ModerationForm,
    NeedFromIdeaForm,
    ParticipationForm,
    RegistrationForm,
)
from .models import Moderation, Participation, ParticipationState
from .services import ConfirmationError, ParticipationRefused

# Addresses -----------------------------------------------------------------------------------------------------


def public_url(participation: Participation, anchor: str = "") -> str:
    url = reverse(
        "participation:participation", kwargs={"slug": participation.municipality.slug, "pk": participation.pk}
    )
    return f"{url}#{anchor}" if anchor else url


def _idea_url(participation: Participation, idea_pk: int, anchor: str = "") -> str:
    url = reverse(
        "participation:idea",
        kwargs={"slug": participation.municipality.slug, "pk": participation.pk, "idea_pk": idea_pk},
    )
    return f"{url}#{anchor}" if anchor else url


def _measure_url(participation: Participation, measure_pk: int, anchor: str = "") -> str:
    url = reverse(
        "participation:measure",
        kwargs={"slug": participation.municipality.slug, "pk": participation.pk, "measure_pk": measure_pk},
    )
    return f"{url}#{anchor}" if anchor else url


def _manage_url(participation: Participation, name: str = "manage") -> str:
    return reverse(f"participation:{name}", kwargs={"slug": participation.municipality.slug, "pk": participation.pk})


def _posted(request):
    """The form data of a POST (even an empty one), else None for an unbound form."""
    return request.POST if request.method == "POST" else None


def _site_url(request) -> str:
    return request.build_absolute_uri("/")


# Access for citizens -------------------------------------------------------------------------------------------


def citizen_view(*, joining: bool = False):
    """A citizen's action in a public participation: signed in (else to the login), the participation is open or
    closed (a draft is 404), and the person has the citizen role in its town (else 403). With `joining`, anyone
    signed in without a staff role in the town may come (to take part for the first time). The services check
    the rest: confirmed address, consent, participation open."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, slug: str, pk: int, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            participation = selectors.public_participation(slug, pk)
            if joining:
                if selectors.standing(request.user, participation).staff_role:
                    raise PermissionDenied
            elif not request.user.has_perm("participation.take_part", participation):
                raise PermissionDenied
            return view(request, participation, **kwargs)

        wrapper.vorort_access = ("citizen", None if joining else "participation.take_part")
        return wrapper

    return decorator


# Public pages --------------------------------------------------------------------------------------------------


@require_GET
def public_list(request, slug: str):
    municipality = selectors.public_municipality(slug)
    page = paginate(request, selectors.public_participations(municipality), per_page=20)
    return render(request, "participation/public_list.html", {"municipality": municipality, "page": page})


@require_GET
def participation_page(request, slug: str, pk: int):
    participation = selectors.public_participation(slug, pk)
    measures = selectors.measure_rows(participation)
    ideas = paginate(request, selectors.public_ideas(participation), per_page=selectors.IDEAS_PER_PAGE)
    return render(
        request,
        "participation/participation.html",
        {
            "participation": participation,
            "municipality": participation.municipality,
            "standing": selectors.standing(request.user, participation),
            "measures": measures,
            "total_support": sum(measure.support for measure in measures),
            "chart": support_chart(participation, measures),
            "page": ideas,
        },
    )


def _idea_response(request, participation, idea, form=None, status: int = 200):
    standing = selectors.standing(request.user, participation)
    if form is None and standing.can_take_part and not idea.is_hidden:
        form = CommentForm()
    comments = paginate(request, selectors.comments_on(participation, idea=idea), per_page=selectors.COMMENTS_PER_PAGE)
    return render(
        request,
        "participation/idea.html",
        {
            "participation": participation,
            "municipality": participation.municipality,
            "idea": idea,
            "standing": standing,
            "page": comments,
            "form": form if not idea.is_hidden else None,
        },
        status=status,
    )


@require_GET
def idea_page(request, slug: str, pk: int, idea_pk: int):
    participation = selectors.public_participation(slug, pk)
    return _idea_response(request, participation, selectors.public_idea(participation, idea_pk))


def _measure_response(request, participation, measure, form=None, status: int = 200):
    standing = selectors.standing(request.user, participation)
    if form is None and standing.can_take_part:
        form = CommentForm()
    comments = paginate(
        request, selectors.comments_on(participation, measure=measure), per_page=selectors.COMMENTS_PER_PAGE
    )
    return render(
        request,
        "participation/measure.html",
        {
            "participation": participation,
            "municipality": participation.municipality,
            "measure": measure,
            "standing": standing,
            "page": comments,
            "form": form,
        },
        status=status,
    )


@require_GET
def measure_page(request, slug: str, pk: int, measure_pk: int):
    participation = selectors.public_participation(slug, pk)
    return _measure_response(request, participation, selectors.participation_measure(participation, measure_pk))


# Registration and confirmation ---------------------------------------------------------------------------------


def register(request, slug: str, pk: int):
    participation = selectors.public_participation(slug, pk)
    if request.user.is_authenticated:
        return redirect("participation:join", slug=slug, pk=pk)
    accepting = participation.state == ParticipationState.OPEN
    form = RegistrationForm(_posted(request)) if accepting else None
    if request.method == "POST" and form is not None:
        # Complete submissions count against the limit (per IP); a typo in the password does not.
        spam = form.is_spam
        if (spam or form.is_valid()) and (refused := over_limit(request, "registration", per="ip")) is not None:
            return refused
        if spam:  # a bot filled in the honeypot: looks like success, nothing is stored or sent
            return redirect("participation:registered", slug=slug, pk=pk)
        if form.is_valid():
            try:
                services.citizen_register(
                    participation=participation,
                    email=form.cleaned_data["email"],
                    name=form.cleaned_data["name"],
                    password=form.cleaned_data["password1"],
                    site_url=_site_url(request),
                )
            except ParticipationRefused as error:
                form.add_error(None, str(error))
            except ValidationError as error:
                add_service_error(form, error)
            else:
                return redirect("participation:registered", slug=slug, pk=pk)
    return render(
        request,
        "participation/register.html",
        {"participation": participation, "municipality": participation.municipality, "form": form},
    )


@require_GET
def registered(request, slug: str, pk: int):
    participation = selectors.public_participation(slug, pk)
    return render(
        request,
        "participation/registered.html",
        {"participation": participation, "municipality": participation.municipality},
    )


def confirm(request, token: str):
    """The link from the e-mail: a button confirms (so that link scanners cannot), then on to the login."""
    try:
        user, participation = services.read_confirmation_token(token)
    except ConfirmationError as error:
        return render(request, "participation/confirm_invalid.html", {"reason": str(error)}, status=410)
    if request.method == "POST":
        try:
            user, participation, fresh = services.citizen_confirm(token=token)
        except ConfirmationError as error:
            return render(request, "participation/confirm_invalid.html", {"reason": str(error)}, status=410)
        if fresh:
            messages.success(request, _("Danke! Ihre E-Mail-Adresse ist bestätigt."))
        else:
            messages.info(request, _("Ihre E-Mail-Adresse war bereits bestätigt."))
        if request.user.is_authenticated and request.user.pk == user.pk:
            return redirect(public_url(participation))
        if request.user.is_authenticated:
            logout(request)
        login_url = reverse("accounts:login")
        return redirect(f"{login_url}?{urlencode({'next': public_url(participation)})}")
    return render(
        request,
        "participation/confirm.html",
        {"participation": participation, "municipality": participation.municipality, "email": user.email},
    )


@require_POST
@citizen_view(joining=True)
@rate_limited("registration")
def confirmation_resend(request, participation):
    if services.confirmation_resend(user=request.user, participation=participation, site_url=_site_url(request)):
        messages.success(request, _("Wir haben den Link an %(email)s geschickt.") % {"email": request.user.email})
    else:
        messages.info(request, _("Ihre E-Mail-Adresse ist bereits bestätigt."))
    return redirect(public_url(participation))


# Citizens' actions ---------------------------------------------------------------------------------------------


@citizen_view(joining=True)
def join(request, participation):
    """Take part (again) with this participation's privacy text: for signed-in people, e.g. from another town."""
    standing = selectors.standing(request.user, participation)
    form = ConsentForm(_posted(request))
    if standing.participant and standing.consented:
        messages.info(request, _("Sie nehmen an dieser Beteiligung bereits teil."))
        return redirect(public_url(participation))
    if request.method == "POST" and form.is_valid():
        try:
            services.citizen_join(user=request.user, participation=participation, site_url=_site_url(request))
        except ParticipationRefused as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Sie nehmen jetzt an „%(title)s“ teil.") % {"title": participation.title})
            return redirect(public_url(participation))
    return render(
        request,
        "participation/join.html",
        {
            "participation": participation,
            "municipality": participation.municipality,
            "form": form,
            "accepting": participation.state == ParticipationState.OPEN,
        },
    )


def _refused(request, participation, error: ParticipationRefused, target: str = ""):
    messages.error(request, str(error))
    return redirect(target or public_url(participation))


@citizen_view()
@rate_limited("idea")
def idea_create(request, participation):
    standing = selectors.standing(request.user, participation)
    if not standing.can_take_part:
        return _refused(request, participation, ParticipationRefused(standing.reason))
    form = IdeaForm(_posted(request), network=participation.municipality.network)
    if request.method == "POST":
        if form.is_spam:
            messages.success(request, _("Danke für Ihre Idee!"))
            return redirect(public_url(participation, "ideen"))
        if form.is_valid():
            try:
                idea = services.idea_create(
                    author=request.user,
                    participation=participation,
                    title=form.cleaned_data["title"],
                    text=form.cleaned_data["text"],
                    action_field=form.cleaned_data["action_field"],
                    place=form.cleaned_data["place"],
                )
            except ParticipationRefused as error:
                return _refused(request, participation, error)
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("Danke für Ihre Idee „%(title)s“!") % {"title": idea.title})
                return redirect(_idea_url(participation, idea.pk))
    return render(
        request,
        "participation/idea_form.html",
        {"participation": participation, "municipality": participation.municipality, "form": form},
    )


def _comment(request, participation, *, idea=None, measure=None):
    form = CommentForm(request.POST)
    page_url = _idea_url(participation, idea.pk) if idea else _measure_url(participation, measure.pk)
    if form.is_spam:
        messages.success(request, _("Danke für Ihren Kommentar!"))
        return redirect(f"{page_url}#kommentare")
    if form.is_valid():
        try:
            comment = services.comment_create(
                author=request.user,
                participation=participation,
                text=form.cleaned_data["text"],
                idea=idea,
                measure=measure,
            )
        except ParticipationRefused as error:
            return _refused(request, participation, error, page_url)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Danke für Ihren Kommentar!"))
            return redirect(f"{page_url}#kommentar-{comment.pk}")
    if idea is not None:
        return _idea_response(request, participation, idea, form=form)
    return _measure_response(request, participation, measure, form=form)


@require_POST
@citizen_view()
@rate_limited("comment")
def idea_comment(request, participation, idea_pk: int):
    return _comment(request, participation, idea=selectors.public_idea(participation, idea_pk))


@require_POST
@citizen_view()
@rate_limited("comment")
def measure_comment(request, participation, measure_pk: int):
    return _comment(request, participation, measure=selectors.participation_measure(participation, measure_pk))


@require_POST
@citizen_view()
@rate_limited("vote")
def vote(request, participation, measure_pk: int):
    """Support a measure or withdraw the support: htmx swaps the vote box, a plain form post goes back."""
    measure = selectors.participation_measure(participation, measure_pk)
    withdraw = request.POST.get("action") == "withdraw"
    error = announce = ""
    try:
        if withdraw:
            services.vote_withdraw(participant=request.user, participation=participation, measure=measure)
            announce = _("Ihre Stimme für „%(title)s“ ist zurückgenommen.") % {"title": measure.title}
        else:
            services.vote_cast(participant=request.user, participation=participation, measure=measure)
            announce = _("Ihre Stimme für „%(title)s“ ist gespeichert.") % {"title": measure.title}
    except ParticipationRefused as refusal:
        error = str(refusal)
    if request.htmx:
        return render(
            request,
            "participation/_vote.html",
            {
                "participation": participation,
                "measure": selectors.participation_measure(participation, measure_pk),
                "standing": selectors.standing(request.user, participation),
                "error": error,
                "announce": error or announce,
                "back": request.POST.get("zurueck", ""),
            },
        )
    if error:
        messages.error(request, error)
    else:
        messages.success(request, announce)
    if request.POST.get("zurueck") == "massnahme":
        return redirect(_measure_url(participation, measure.pk, "stimme"))
    return redirect(public_url(participation, f"massnahme-{measure.pk}"))


# The person's own account --------------------------------------------------------------------------------------


@user_view()
def account(request):
    return render(
        request,
        "participation/account.html",
        {
            "profile": selectors.profile_of(request.user),
            "participations": selectors.citizen_participations(request.user),
            "deletable": services.account_deletable(request.user),
        },
    )


@require_GET
@user_view()
def account_data(request):
    response = HttpResponse(personal_data_zip(request.user), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{personal_data_filename()}"'
    response["Cache-Control"] = "no-store"
    return response


@user_view()
def account_delete(request):
    deletable = services.account_deletable(request.user)
    form = AccountDeleteForm(_posted(request), user=request.user) if deletable else None
    if request.method == "POST" and form is not None and form.is_valid():
        services.account_delete(user=request.user)
        logout(request)
        messages.success(
            request,
            _("Ihr Konto ist gelöscht. Ihre Beiträge stehen weiter da, aber als „gelöschte*r Nutzer*in“."),
        )
        return redirect("core:home")
    return render(request, "participation/account_delete.html", {"form": form, "deletable": deletable})


# The workspace -------------------------------------------------------------------------------------------------


def _workspace_permissions(request, municipality) -> dict[str, bool]:
    user = request.user
    return {
        "can_edit": user.has_perm("participation.change_participation", municipality),
        "can_publish": user.has_perm("participation.publish_participation", municipality),
        "can_moderate": user.has_perm("participation.moderate", municipality),
        "can_convert": user.has_perm("participation.convert_idea", municipality),
        "can_anonymise": user.has_perm("participation.anonymise", municipality),
    }


@municipality_view("participation.view_participation")
def manage_list(request, municipality):
    page = paginate(request, selectors.participations_of(municipality), per_page=20)
    return render(
        request,
        "participation/manage_list.html",
        {"municipality": municipality, "page": page, **_workspace_permissions(request, municipality)},
    )


def _form_data(form: ParticipationForm) -> dict:
    return {name: value for name, value in form.cleaned_data.items() if name not in ("measures", "version")}


@municipality_view("participation.change_participation")
def manage_create(request, municipality):
    form = ParticipationForm(_posted(request), measures=selectors.selectable_measures(municipality))
    if request.method == "POST" and form.is_valid():
        try:
            participation = services.participation_create(
                actor=request.user,
                municipality=municipality,
                data=_form_data(form),
                measures=form.cleaned_data["measures"],
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                _("Beteiligung „%(title)s“ als Entwurf angelegt. Öffentlich wird sie erst, wenn Sie sie öffnen.")
                % {"title": participation.title},
            )
            return redirect(_manage_url(participation))
    return render(request, "participation/manage_form.html", {"municipality": municipality, "form": form})


@municipality_view("participation.change_participation")
def manage_edit(request, municipality, pk: int):
    participation = selectors.participation_in(municipality, pk)
    form = ParticipationForm(
        _posted(request), instance=participation, measures=selectors.selectable_measures(municipality)
    )
    if request.method == "POST" and form.is_valid():
        try:
            participation = services.participation_update(
                actor=request.user,
                participation=participation,
                data=_form_data(form),
                measures=form.cleaned_data["measures"],
                expected_version=form.cleaned_data.get("version"),
            )
        except StaleEditError as error:
            form.show_stale(error)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Beteiligung gespeichert."))
            return redirect(_manage_url(participation))
    return render(
        request,
        "participation/manage_form.html",
        {"municipality": municipality, "form": form, "participation": participation},
    )


@municipality_view("participation.view_participation")
def manage(request, municipality, pk: int):
    participation = selectors.participation_in(municipality, pk)
    measures = selectors.measure_rows(participation)
    page = paginate(request, selectors.convertible_ideas(participation), per_page=selectors.IDEAS_PER_PAGE)
    return render(
        request,
        "participation/manage.html",
        {
            "municipality": municipality,
            "participation": participation,
            "measures": measures,
            "total_support": sum(measure.support for measure in measures),
            "chart": support_chart(participation, measures),
            "page": page,
            "anonymisable_from": participation.anonymisable_from(),
            **_workspace_permissions(request, municipality),
        },
    )


@require_POST
@municipality_view("participation.publish_participation")
def manage_state(request, municipality, pk: int):
    participation = selectors.participation_in(municipality, pk)
    action = request.POST.get("action")
    try:
        if action == "open":
            services.participation_open(actor=request.user, participation=participation)
            messages.success(request, _("Die Beteiligung ist geöffnet und öffentlich sichtbar."))
        elif action == "close":
            services.participation_close(actor=request.user, participation=participation)
            messages.success(request, _("Die Beteiligung ist abgeschlossen; das Ergebnis steht fest."))
        else:
            messages.error(request, _("Unbekannte Aktion."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(_manage_url(participation))


MODERATION_TABS = [
    (Moderation.NEW, "neu"),
    (Moderation.HIDDEN, "moderiert"),
    (Moderation.APPROVED, "geprüft"),
]


@municipality_view("participation.moderate")
def moderation(request, municipality, pk: int):
    participation = selectors.participation_in(municipality, pk)
    state = request.GET.get("status", Moderation.NEW)
    if state not in Moderation.values:
        state = Moderation.NEW
    ideas, comments = selectors.moderation_queue(participation, state)
    return render(
        request,
        "participation/moderation.html",
        {
            "municipality": municipality,
            "participation": participation,
            "state": state,
            "tabs": [(value, Moderation(value).label) for value, _label in MODERATION_TABS],
            "ideas": paginate(request, ideas),
            "comments": paginate(request, comments),
            "form": ModerationForm(),
        },
    )


def _moderate(request, municipality, contribution):
    participation = contribution.participation
    back = request.POST.get("status", Moderation.NEW)
    back = back if back in Moderation.values else Moderation.NEW
    form = ModerationForm(request.POST)
    if not form.is_valid():
        if "reason" in form.errors:
            messages.error(request, _("Der Grund darf höchstens 300 Zeichen lang sein. Nichts wurde geändert."))
        else:
            messages.error(request, _("Bitte eine Aktion wählen."))
    else:
        try:
            services.contribution_moderate(
                actor=request.user,
                contribution=contribution,
                action=form.cleaned_data["action"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            if form.cleaned_data["action"] == "hide":
                messages.success(
                    request, _("Beitrag ausgeblendet. Öffentlich steht nur noch „moderiert“ mit dem Grund.")
                )
            else:
                messages.success(request, _("Beitrag freigegeben."))
    return redirect(f"{_manage_url(participation, 'moderation')}?{urlencode({'status': back})}")


@require_POST
@municipality_view("participation.moderate")
def moderate_idea(request, municipality, pk: int):
    return _moderate(request, municipality, selectors.idea_in(municipality, pk))


@require_POST
@municipality_view("participation.moderate")
def moderate_comment(request, municipality, pk: int):
    return _moderate(request, municipality, selectors.comment_in(municipality, pk))


def _convert(request, municipality, pk: int, *, target: str):
    """Take an idea over as a need or a measure (`target`); once taken over, the page names the result."""
    idea = selectors.idea_in(municipality, pk)
    done = idea.need_id if target == "need" else idea.measure_id
    if target == "need":
        initial = {"title": idea.title, "description": idea.text, "action_field": idea.action_field_id, "weight": 3}
        form = NeedFromIdeaForm(_posted(request), initial=initial, network=municipality.network)
    else:
        initial = {"title": idea.title, "summary": idea.text[:600], "action_field": idea.action_field_id}
        form = MeasureFromIdeaForm(_posted(request), initial=initial, network=municipality.network)
    if done is None and request.method == "POST" and form.is_valid():
        try:
            if target == "need":
                result = services.idea_to_need(actor=request.user, idea=idea, **form.cleaned_data)
                message = _("Die Idee ist jetzt der Bedarf „%(title)s“.")
            else:
                public = request.build_absolute_uri(_idea_url(idea.participation, idea.pk))
                result = services.idea_to_measure(
                    actor=request.user,
                    idea=idea,
                    source_url=public if idea.participation.is_public else "",
                    **form.cleaned_data,
                )
                message = _("Die Idee ist jetzt die Maßnahme „%(title)s“.")
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, message % {"title": result.title})
            return redirect(_manage_url(idea.participation) + f"#idee-{idea.pk}")
    return render(
        request,
        "participation/idea_convert.html",
        {"municipality": municipality, "idea": idea, "form": form, "target": target},
    )


@municipality_view("participation.convert_idea")
def idea_to_need(request, municipality, pk: int):
    return _convert(request, municipality, pk, target="need")


@municipality_view("participation.convert_idea")
def idea_to_measure(request, municipality, pk: int):
    return _convert(request, municipality, pk, target="measure")


@municipality_view("participation.anonymise")
def anonymise(request, municipality, pk: int):
    participation = selectors.participation_in(municipality, pk)
    if request.method == "POST":
        try:
            counts = services.participation_anonymise(actor=request.user, participation=participation)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _(
                    "Anonymisiert. Ohne Namen sind jetzt: Ideen %(ideas)s, Kommentare %(comments)s, "
                    "Stimmen %(votes)s. Gelöschte Einwilligungen: %(consents)s."
                )
                % counts,
            )
        return redirect(_manage_url(participation))
    return render(
        request,
        "participation/anonymise.html",
        {
            "municipality": municipality,
            "participation": participation,
            "anonymisable_from": participation.anonymisable_from(),
        },
    )
