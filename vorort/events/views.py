"""Views of the events app.

Management pages exist twice with the same code: for network events under /netzwerk/formate/… (network admin)
and for a municipality's events under /arbeitsbereich/<slug>/formate/… (workspace roles). The shared functions
take a `Host`; the thin decorated views in front of them do the access checks. Public pages (calendar, event
page, feeds, file downloads) check the event's visibility themselves and answer 404 where it is not visible.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST, require_safe

from vorort.core.access import municipality_view, network_admin_view, user_view
from vorort.core.concurrency import StaleEditError
from vorort.core.forms import add_service_error
from vorort.core.pagination import paginate
from vorort.core.pdf import pdf_response
from vorort.core.uploads import open_stored
from vorort.network.selectors import administered_network

from . import ics, kit, selectors, services
from .forms import AgendaItemForm, DocumentationForm, DocumentUploadForm, DotCountForm, EventForm, ResultForm, TopicForm
from .models import AgendaItem, EventDocument, EventResult, RegistrationStatus, WorkshopTopic
from .selectors import PAST, UPCOMING, Host

PAGE_SIZE = 25


def _site_url(request) -> str:
    return request.build_absolute_uri("/")


def _period(request) -> str:
    return PAST if request.GET.get("zeitraum") == PAST else UPCOMING


def _visible_event_or_404(request, pk: int):
    event = selectors.event_by_pk(pk)
    if not request.user.has_perm("events.view_event", event):
        raise Http404
    return event


def _show_online_link(user, event, registration) -> bool:
    if user.has_perm("events.manage_event", event):
        return True
    return registration is not None and registration.status == RegistrationStatus.CONFIRMED


# Public pages -------------------------------------------------------------------------------------------------------


@require_GET
def public_calendar(request):
    """Public events of all networks; optionally of one municipality (?kommune=slug)."""
    municipality = selectors.municipality_or_none(request.GET.get("kommune", "").strip())
    events = (
        selectors.municipality_public_events(municipality) if municipality is not None else selectors.public_events()
    )
    period = _period(request)
    page = paginate(request, selectors.in_period(events, period), per_page=PAGE_SIZE)
    feed = (
        reverse("events:ics_municipality", kwargs={"slug": municipality.slug})
        if municipality
        else reverse("events:ics_network")
    )
    return render(
        request,
        "events/public_calendar.html",
        {"page": page, "period": period, "municipality": municipality, "feed_url": feed},
    )


@require_GET
def public_detail(request, pk: int):
    event = _visible_event_or_404(request, pk)
    user = request.user
    registration = selectors.registration_of(event, user)
    can_manage = user.has_perm("events.manage_event", event)
    can_read_host = user.has_perm("events.view_documentation", event)
    context = {
        "event": event,
        "registration": registration,
        "waiting_position": selectors.waiting_position(registration),
        "seats_left": selectors.seats_left(event),
        "can_manage": can_manage,
        "manage_url": Host.of_event(event).url("detail", event.pk) if can_manage else "",
        "show_online_link": _show_online_link(user, event, registration),
        "agenda": selectors.agenda_of(event),
        "show_documentation": can_read_host,
    }
    if can_read_host:
        context.update(
            {
                "results": selectors.results_of(event),
                "documents": selectors.documents_of(event),
                "topics": selectors.topics_of(event),
            }
        )
    return render(request, "events/event_page.html", context)


@require_safe
def event_ics(request, pk: int):
    event = _visible_event_or_404(request, pk)
    registration = selectors.registration_of(event, request.user)
    online = {event.pk} if _show_online_link(request.user, event, registration) else set()
    body = ics.build_calendar([event], request=request, name=event.title, online_link_for=online)
    return ics.ics_response(body, f"format-{event.pk}.ics", private=not event.is_public)


@require_safe
def network_ics(request):
    """All public events; only those of one network with ?netzwerk=<slug>."""
    events = selectors.public_events()
    name = _("vorort – öffentliche Formate")
    if slug := request.GET.get("netzwerk", "").strip():
        events = events.filter(network__slug=slug)
        name = _("vorort – Formate (%(network)s)") % {"network": slug}
    body = ics.build_calendar(events.order_by("starts_at", "id"), request=request, name=name)
    return ics.ics_response(body, "kalender.ics")


@require_safe
def municipality_ics(request, slug: str):
    municipality = selectors.public_municipality(slug)
    events = selectors.municipality_public_events(municipality).order_by("starts_at", "id")
    name = _("Formate – %(municipality)s") % {"municipality": municipality.name}
    body = ics.build_calendar(events, request=request, name=name)
    return ics.ics_response(body, f"kalender-{municipality.slug}.ics")


@require_safe
def private_ics(request, token: str):
    """The feed behind a secret address: the events of its owner's networks they may see (internal ones included)
    and the events they registered for."""
    found = selectors.calendar_token_user(token)
    if found is None:
        raise Http404
    user = found.user
    events = list(selectors.private_feed_events(user).order_by("starts_at", "id"))
    confirmed = selectors.confirmed_event_ids(user)
    online = {e.pk for e in events if e.pk in confirmed or user.has_perm("events.manage_event", e)}
    name = _("vorort – Mein Kalender")
    body = ics.build_calendar(events, request=request, name=name, online_link_for=online)
    services.calendar_token_touch(token=found)
    return ics.ics_response(body, "mein-kalender.ics", private=True)


@require_GET
def document_download(request, pk: int):
    """A documentation file, only for those who may see the documentation (else 404, as if it did not exist)."""
    document = selectors.document_by_pk(pk)
    if not request.user.has_perm("events.view_documentation", document.event):
        raise Http404
    try:
        handle = open_stored(document.file.name)
    except (FileNotFoundError, OSError) as error:
        raise Http404 from error
    inline = document.is_image and request.GET.get("anzeigen") == "1"
    response = FileResponse(
        handle, as_attachment=not inline, filename=document.original_name, content_type=document.content_type
    )
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


# Signed-in people ---------------------------------------------------------------------------------------------------


@require_POST
@user_view()
def register(request, pk: int):
    event = _visible_event_or_404(request, pk)
    try:
        registration = services.registration_create(actor=request.user, event=event)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if registration.status == RegistrationStatus.CONFIRMED:
            messages.success(request, _("Sie sind für „%(title)s“ angemeldet.") % {"title": event.title})
        else:
            messages.success(
                request,
                _("Alle Plätze sind vergeben. Sie stehen auf der Warteliste für „%(title)s“.") % {"title": event.title},
            )
    return redirect("events:public_detail", pk=event.pk)


@require_POST
@user_view()
def cancel(request, pk: int):
    event = _visible_event_or_404(request, pk)
    try:
        registration = services.registration_cancel(actor=request.user, event=event, site_url=_site_url(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if registration is not None:
            messages.success(request, _("Sie haben Ihre Teilnahme an „%(title)s“ abgesagt.") % {"title": event.title})
    return redirect("events:public_detail", pk=event.pk)


_NEW_TOKEN_KEY = "events_new_calendar_token"


@user_view()
def my_calendar(request):
    new_token = request.session.pop(_NEW_TOKEN_KEY, None)
    feed_url = (
        request.build_absolute_uri(reverse("events:ics_private", kwargs={"token": new_token})) if new_token else ""
    )
    return render(
        request,
        "events/my_calendar.html",
        {
            "registrations": selectors.registrations_of_user(request.user),
            "token": selectors.active_calendar_token(request.user),
            "new_feed_url": feed_url,
        },
    )


@require_POST
@user_view()
def calendar_token_create(request):
    _token, raw = services.calendar_token_create(actor=request.user)
    # Shown once on the next page, then gone: only the hash is stored.
    request.session[_NEW_TOKEN_KEY] = raw
    messages.success(request, _("Ihre private Kalender-Adresse ist erstellt. Eine frühere gilt nicht mehr."))
    return redirect("events:my_calendar")


@require_POST
@user_view()
def calendar_token_revoke(request):
    if services.calendar_token_revoke(actor=request.user):
        messages.success(request, _("Die private Kalender-Adresse ist widerrufen und funktioniert nicht mehr."))
    return redirect("events:my_calendar")


@user_view("events.view_network_calendar")
def network_calendar(request):
    period = _period(request)
    page = paginate(request, selectors.in_period(selectors.network_calendar(request.user), period), per_page=PAGE_SIZE)
    return render(
        request,
        "events/network_calendar.html",
        {"page": page, "period": period, "network": administered_network(request.user)},
    )


# Management, shared by network and municipality hosts ----------------------------------------------------------


def _can_publish(request, host: Host, event=None) -> bool:
    if event is not None:
        return request.user.has_perm("events.publish_event", event)
    if host.municipality is None:
        return True
    return request.user.has_perm("events.publish_event_in", host.municipality)


def _context(host: Host, **extra) -> dict:
    return {"host": host, "municipality": host.municipality, "network": host.network, **extra}


def _manage_list(request, host: Host):
    period = _period(request)
    events = (
        selectors.workspace_events(host.municipality)
        if host.municipality is not None
        else selectors.events_of_host(host)
    )
    page = paginate(request, selectors.in_period(events, period), per_page=PAGE_SIZE)
    can_edit = (
        request.user.has_perm("events.change_event", host.municipality) if host.municipality is not None else True
    )
    return render(request, "events/manage_list.html", _context(host, page=page, period=period, can_edit=can_edit))


def _manage_create(request, host: Host):
    form = EventForm(
        request.POST or None,
        municipalities=selectors.participant_choices(host),
        can_publish=_can_publish(request, host),
        network_host=host.municipality is None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            event = services.event_create(
                actor=request.user,
                network=host.network,
                municipality=host.municipality,
                data=form.event_values(),
                participating=form.cleaned_data.get("participating_municipalities") or (),
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Format „%(title)s“ angelegt.") % {"title": event.title})
            return redirect(host.url("detail", event.pk))
    return render(request, "events/event_form.html", _context(host, form=form))


def _manage_detail(request, host: Host, pk: int):
    event = selectors.event_of_host(host, pk)
    topics = list(selectors.topics_of(event))
    dots_total = sum(t.result.dots for t in topics if getattr(t, "result", None) is not None)
    return render(
        request,
        "events/manage_detail.html",
        _context(
            host,
            event=event,
            agenda=selectors.agenda_of(event),
            topics=topics,
            dots_total=dots_total,
            results=selectors.results_of(event),
            documents=selectors.documents_of(event),
            can_edit=request.user.has_perm("events.manage_event", event),
            can_delete=host.municipality is None or request.user.has_perm("events.delete_event", host.municipality),
            seats_left=selectors.seats_left(event),
        ),
    )


def _manage_edit(request, host: Host, pk: int):
    event = selectors.event_of_host(host, pk)
    form = EventForm(
        request.POST or None,
        instance=event,
        municipalities=selectors.participant_choices(host),
        can_publish=_can_publish(request, host, event),
        network_host=host.municipality is None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            event = services.event_update(
                actor=request.user,
                event=event,
                data=form.event_values(),
                expected_version=form.cleaned_data.get("version"),
                participating=form.cleaned_data.get("participating_municipalities")
                if "participating_municipalities" in form.fields
                else None,
                site_url=_site_url(request),
            )
        except StaleEditError as error:
            form.show_stale(error)
            event = error.current
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Format „%(title)s“ gespeichert.") % {"title": event.title})
            return redirect(host.url("detail", event.pk))
    return render(request, "events/event_form.html", _context(host, form=form, event=event))


def _manage_delete(request, host: Host, pk: int):
    event = selectors.event_of_host(host, pk)
    if request.method == "POST":
        services.event_delete(actor=request.user, event=event)
        messages.success(request, _("Format gelöscht."))
        return redirect(host.url("list"))
    return render(
        request,
        "core/confirm_delete.html",
        _context(
            host,
            object=event,
            cancel_url=host.url("detail", event.pk),
            question=_("Soll das Format „%(title)s“ mit allen Anmeldungen und der Dokumentation gelöscht werden?")
            % {"title": event.title},
        ),
    )


def _manage_program(request, host: Host, pk: int):
    """Agenda and the topics to discuss (measures or questions) on one page, each with its own form."""
    event = selectors.event_of_host(host, pk)
    which = request.POST.get("form") if request.method == "POST" else None
    agenda_form = AgendaItemForm(request.POST if which == "agenda" else None)
    topic_form = TopicForm(request.POST if which == "topic" else None, measures=selectors.linkable_measures(event))
    if which == "agenda" and agenda_form.is_valid():
        try:
            services.agenda_item_create(actor=request.user, event=event, **agenda_form.cleaned_data)
        except ValidationError as error:
            add_service_error(agenda_form, error)
        else:
            messages.success(request, _("Programmpunkt ergänzt."))
            return redirect(host.url("program", event.pk) + "#ablauf")
    if which == "topic" and topic_form.is_valid():
        data = topic_form.cleaned_data
        try:
            services.workshop_topic_create(
                actor=request.user,
                event=event,
                measure=data["measure"],
                question=data["question"],
                description=data["description"],
            )
        except ValidationError as error:
            add_service_error(topic_form, error)
        else:
            messages.success(request, _("Diskussionspunkt ergänzt."))
            return redirect(host.url("program", event.pk) + "#themen")
    return render(
        request,
        "events/program.html",
        _context(
            host,
            event=event,
            agenda=selectors.agenda_of(event),
            topics=selectors.topics_of(event),
            agenda_form=agenda_form,
            topic_form=topic_form,
        ),
    )


def _manage_registrations(request, host: Host, pk: int):
    """Who registered, the waiting list, and attendance (ticked after the event)."""
    event = selectors.event_of_host(host, pk)
    if request.method == "POST":
        attended = {int(value) for value in request.POST.getlist("teilgenommen") if value.isdigit()}
        changed = services.attendance_record(actor=request.user, event=event, attended_ids=attended)
        messages.success(request, _("Teilnahme gespeichert (%(count)s Änderungen).") % {"count": changed})
        return redirect(host.url("registrations", event.pk))
    registrations = list(selectors.registrations_of(event))
    waiting = [r for r in registrations if r.status == RegistrationStatus.WAITING]
    for position, registration in enumerate(waiting, start=1):
        registration.position = position
    return render(
        request,
        "events/registrations.html",
        _context(
            host,
            event=event,
            confirmed=[r for r in registrations if r.status == RegistrationStatus.CONFIRMED],
            waiting=waiting,
            cancelled=[r for r in registrations if r.status == RegistrationStatus.CANCELLED],
        ),
    )


def _manage_documentation(request, host: Host, pk: int):
    """After the event: protocol, results (linked to needs and measures) and files."""
    event = selectors.event_of_host(host, pk)
    which = request.POST.get("form") if request.method == "POST" else None
    can_publish = _can_publish(request, host, event)
    protocol_form = DocumentationForm(
        request.POST if which == "protocol" else None, instance=event, can_publish=can_publish
    )
    result_form = ResultForm(
        request.POST if which == "result" else None,
        needs=selectors.linkable_needs(event),
        measures=selectors.linkable_measures(event),
        ideas=selectors.linkable_ideas(event),
    )
    upload_form = DocumentUploadForm(
        request.POST if which == "upload" else None, request.FILES if which == "upload" else None
    )
    back = host.url("documentation", event.pk)
    if which == "protocol" and protocol_form.is_valid():
        try:
            services.event_documentation_update(
                actor=request.user,
                event=event,
                data=protocol_form.changed_values(),
                expected_version=protocol_form.cleaned_data.get("version"),
            )
        except StaleEditError as error:
            protocol_form.show_stale(error)
        except ValidationError as error:
            add_service_error(protocol_form, error)
        else:
            messages.success(request, _("Protokoll gespeichert."))
            return redirect(back + "#protokoll")
    if which == "result" and result_form.is_valid():
        try:
            services.event_result_create(actor=request.user, event=event, **result_form.cleaned_data)
        except ValidationError as error:
            add_service_error(result_form, error)
        else:
            messages.success(request, _("Ergebnis gespeichert."))
            return redirect(back + "#ergebnisse")
    if which == "upload" and upload_form.is_valid():
        try:
            document = services.event_document_create(
                actor=request.user,
                event=event,
                upload=upload_form.cleaned_data["file"],
                caption=upload_form.cleaned_data["caption"],
            )
        except ValidationError as error:
            add_service_error(upload_form, error)
        else:
            messages.success(request, _("Datei „%(name)s“ hochgeladen.") % {"name": document.original_name})
            return redirect(back + "#dateien")
    return render(
        request,
        "events/documentation.html",
        _context(
            host,
            event=event,
            protocol_form=protocol_form,
            result_form=result_form,
            upload_form=upload_form,
            results=selectors.results_of(event),
            documents=selectors.documents_of(event),
        ),
    )


def _part_delete(kind: str, model, delete, page: str, anchor: str, done, question=None):
    """A confirm-and-delete handler for a part of an event (agenda item, topic, result, file); it goes back to the
    page the part is listed on."""

    def handler(request, host: Host, pk: int):
        part = selectors.part_of_host(model, host, pk)
        back = host.url(page, part.event_id) + f"#{anchor}"
        if request.method == "POST":
            delete(actor=request.user, part=part)
            messages.success(request, str(done))
            return redirect(back)
        extra = {"question": question(part)} if question else {}
        return render(request, "core/confirm_delete.html", _context(host, object=part, cancel_url=back, **extra))

    handler.__name__ = f"_manage_{kind}_delete"
    return handler


_manage_agenda_delete = _part_delete(
    "agenda",
    AgendaItem,
    lambda *, actor, part: services.agenda_item_delete(actor=actor, item=part),
    "program",
    "ablauf",
    gettext_lazy("Programmpunkt entfernt."),
)
_manage_topic_delete = _part_delete(
    "topic",
    WorkshopTopic,
    lambda *, actor, part: services.workshop_topic_delete(actor=actor, topic=part),
    "program",
    "themen",
    gettext_lazy("Diskussionspunkt entfernt."),
    question=lambda topic: (
        _("Soll „%(title)s“ mit seinen gezählten Punkten entfernt werden?") % {"title": topic.display_title}
    ),
)
_manage_result_delete = _part_delete(
    "result",
    EventResult,
    lambda *, actor, part: services.event_result_delete(actor=actor, result=part),
    "documentation",
    "ergebnisse",
    gettext_lazy("Ergebnis entfernt."),
)
_manage_document_delete = _part_delete(
    "document",
    EventDocument,
    lambda *, actor, part: services.event_document_delete(actor=actor, document=part),
    "documentation",
    "dateien",
    gettext_lazy("Datei gelöscht."),
)


def _manage_kit(request, host: Host, pk: int):
    event = selectors.event_of_host(host, pk)
    page_format = "a3" if request.GET.get("format") == "a3" else "a4"
    pdf = kit.render_kit(event, request, page_format)
    stamp = timezone.localtime(event.starts_at).strftime("%Y-%m-%d")
    name = "plakate" if page_format == "a3" else "handout"
    return pdf_response(pdf, f"werkstatt-kit-{stamp}-{name}-{page_format}.pdf")


def _manage_dots(request, host: Host, pk: int):
    """Type in the dots counted on the posters: analog results next to the digital ones."""
    event = selectors.event_of_host(host, pk)
    topics = list(selectors.topics_of(event))
    form = DotCountForm(request.POST or None, topics=topics)
    if request.method == "POST" and form.is_valid():
        try:
            services.workshop_results_record(actor=request.user, event=event, counts=form.counts())
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Punkte der Punktabfrage gespeichert."))
            return redirect(host.url("detail", event.pk) + "#punkte")
    return render(request, "events/dots.html", _context(host, event=event, form=form, topics=topics))


# The decorated entry points ----------------------------------------------------------------------------------------


def _for_municipality(perm: str, handler, *, post_only: bool = False):
    @municipality_view(perm)
    def view(request, municipality, **kwargs):
        return handler(request, Host.of_municipality(municipality), **kwargs)

    view.__name__ = f"m_{handler.__name__.removeprefix('_manage_')}"
    return require_POST(view) if post_only else view


def _for_network(handler, *, post_only: bool = False):
    @network_admin_view
    def view(request, network, **kwargs):
        return handler(request, Host(network=network), **kwargs)

    view.__name__ = f"n_{handler.__name__.removeprefix('_manage_')}"
    return require_POST(view) if post_only else view


READ, EDIT, DELETE = "events.view_events", "events.change_event", "events.delete_event"

m_list = _for_municipality(READ, _manage_list)
m_create = _for_municipality(EDIT, _manage_create)
m_detail = _for_municipality(READ, _manage_detail)
m_edit = _for_municipality(EDIT, _manage_edit)
m_delete = _for_municipality(DELETE, _manage_delete)
m_program = _for_municipality(EDIT, _manage_program)
m_agenda_delete = _for_municipality(EDIT, _manage_agenda_delete)
m_topic_delete = _for_municipality(EDIT, _manage_topic_delete)
m_registrations = _for_municipality(EDIT, _manage_registrations)
m_documentation = _for_municipality(EDIT, _manage_documentation)
m_result_delete = _for_municipality(EDIT, _manage_result_delete)
m_document_delete = _for_municipality(EDIT, _manage_document_delete)
m_kit = _for_municipality(READ, _manage_kit)
m_dots = _for_municipality(EDIT, _manage_dots)

n_list = _for_network(_manage_list)
n_create = _for_network(_manage_create)
n_detail = _for_network(_manage_detail)
n_edit = _for_network(_manage_edit)
n_delete = _for_network(_manage_delete)
n_program = _for_network(_manage_program)
n_agenda_delete = _for_network(_manage_agenda_delete)
n_topic_delete = _for_network(_manage_topic_delete)
n_registrations = _for_network(_manage_registrations)
n_documentation = _for_network(_manage_documentation)
n_result_delete = _for_network(_manage_result_delete)
n_document_delete = _for_network(_manage_document_delete)
n_kit = _for_network(_manage_kit)
n_dots = _for_network(_manage_dots)
