"""Views of the publishing app.

The pages exist twice with the same code: for a municipality's documents under /arbeitsbereich/<slug>/publikationen/
(workspace roles) and for the network's own under /netzwerk/publikationen/ (network admin). The shared functions
take a `Scope`; the thin decorated views in front of them do the access checks. The public views serve only
published versions.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from vorort.core.access import municipality_view, network_admin_view
from vorort.core.concurrency import StaleEditError
from vorort.core.forms import add_service_error
from vorort.core.pagination import paginate

from . import documents, selectors, services
from .documents import KIND_SLUGS, SLUG_OF_KIND, Spec
from .forms import ForewordForm, FreezeForm
from .models import CONTENT_TYPES, Audience, JobMode, PublicationFormat, PublicationKind
from .selectors import Scope
from .storage import open_stored

PAGE_SIZE = 20
PUBLIC = "oeffentlich"
# A downloaded HTML document carries its own style sheet and no script: it may show itself, nothing else.
DOCUMENT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox"
FORMAT_LABELS = {PublicationFormat.PDF: "PDF", PublicationFormat.HTML: "HTML", PublicationFormat.DOCX: "Word (DOCX)"}
DESCRIPTIONS = {
    PublicationKind.STRATEGY: gettext_lazy(
        "Titelseite, Vorwort, Prozess, Bestandsaufnahme, Vision, Schwerpunkte und Ziele mit Indikatoren, ein "
        "Steckbrief je Maßnahme, Fahrplan und der priorisierte Katalog als Anhang."
    ),
    PublicationKind.ANNEX: gettext_lazy(
        "Der zuletzt festgeschriebene Maßnahmenkatalog als knappe Tabellen für die Beschlussvorlage – als Word-Datei "
        "zum Bearbeiten durch die Verwaltung oder als PDF."
    ),
    PublicationKind.NETWORK: gettext_lazy(
        "Fortschritt und Phasen aller Kommunen, Maßnahmen je Handlungsfeld, durchgeführte Formate und Lessons learned."
    ),
    PublicationKind.EVENT: gettext_lazy("Eckdaten, Ablauf, Punktabfrage, Ergebnisse, Protokoll und Fotos des Formats."),
}


def _kinds(scope: Scope) -> list[str]:
    return [PublicationKind.NETWORK] if scope.is_network else [PublicationKind.STRATEGY, PublicationKind.ANNEX]


@dataclass
class Link:
    label: str
    url: str


@dataclass
class Card:
    kind: str
    title: str
    description: str
    internal: list[Link]
    public: list[Link]
    background: bool


def _preview_links(url_of, audience: str) -> list[Link]:
    suffix = f"?fassung={PUBLIC}" if audience == Audience.PUBLIC else ""
    return [Link(FORMAT_LABELS[fmt], url_of(fmt) + suffix) for fmt in PublicationFormat.values]


def _card(scope: Scope, kind: str) -> Card:
    def url_of(fmt: str) -> str:
        return scope.url("preview", kind=SLUG_OF_KIND[kind], fmt=fmt)

    spec = Spec(kind=kind, format=PublicationFormat.PDF, network=scope.network, municipality=scope.municipality)
    return Card(
        kind=kind,
        title=str(PublicationKind(kind).label),
        description=str(DESCRIPTIONS[kind]),
        internal=_preview_links(url_of, Audience.INTERNAL),
        public=_preview_links(url_of, Audience.PUBLIC),
        background=selectors.needs_background(spec),
    )


def _permissions(request, scope: Scope) -> dict:
    if scope.is_network:
        return {"can_freeze": True, "can_publish": True, "can_edit_foreword": False}
    user, municipality = request.user, scope.municipality
    return {
        "can_freeze": user.has_perm("publishing.freeze_publication", municipality),
        "can_publish": user.has_perm("publishing.publish_publication", municipality),
        "can_edit_foreword": user.has_perm("publishing.edit_foreword", municipality),
    }


def _context(request, scope: Scope, **extra) -> dict:
    return {
        "scope": scope,
        "network": scope.network,
        "municipality": scope.municipality,
        **_permissions(request, scope),
        **extra,
    }


# Responses ---------------------------------------------------------------------------------------------------


def _document_response(body, *, filename: str, fmt: str, public: bool = False):
    """A document for the browser: PDF and HTML inline, DOCX as a download. `body` is bytes or an open file."""
    inline = fmt != PublicationFormat.DOCX
    content_type = CONTENT_TYPES[fmt]
    if isinstance(body, bytes | bytearray):
        response = HttpResponse(body, content_type=content_type)
        disposition = "inline" if inline else "attachment"
        response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    else:
        response = FileResponse(body, as_attachment=not inline, filename=filename, content_type=content_type)
    if fmt == PublicationFormat.HTML:
        response["Content-Security-Policy"] = DOCUMENT_CSP
    response["Cache-Control"] = "public, max-age=300" if public else "private, no-store"
    return response


def _stored(name: str, *, filename: str, fmt: str, public: bool = False):
    try:
        handle = open_stored(name)
    except (FileNotFoundError, OSError) as error:
        raise Http404 from error
    return _document_response(handle, filename=filename, fmt=fmt, public=public)


# The list ----------------------------------------------------------------------------------------------------


def _list(request, scope: Scope, *, form: FreezeForm | None = None, status: int = 200):
    kinds = _kinds(scope)
    return render(
        request,
        "publishing/list.html",
        _context(
            request,
            scope,
            page=paginate(request, selectors.publications_of(scope), per_page=PAGE_SIZE),
            cards=[_card(scope, kind) for kind in kinds],
            form=form or FreezeForm(kinds=kinds),
            foreword=None if scope.is_network else selectors.foreword_of(scope.municipality),
            events=selectors.recent_events(scope),
            jobs=selectors.active_jobs(scope),
        ),
        status=status,
    )


def _event_page(request, scope: Scope, pk: int, *, form: FreezeForm | None = None, status: int = 200):
    event = selectors.event_in(scope, pk)

    def url_of(fmt: str) -> str:
        return scope.url("event_preview", pk=event.pk, fmt=fmt)

    public_allowed = event.is_public and event.documentation_public
    return render(
        request,
        "publishing/event_page.html",
        _context(
            request,
            scope,
            event=event,
            page=paginate(request, selectors.event_publications(scope, event), per_page=PAGE_SIZE),
            internal=_preview_links(url_of, Audience.INTERNAL),
            public=_preview_links(url_of, Audience.PUBLIC) if public_allowed else [],
            form=form or FreezeForm(kinds=[PublicationKind.EVENT], initial={"event": event.pk}),
            description=DESCRIPTIONS[PublicationKind.EVENT],
        ),
        status=status,
    )


def _audience(request) -> str:
    return Audience.PUBLIC if request.GET.get("fassung") == PUBLIC else Audience.INTERNAL


def _preview(request, scope: Scope, *, kind: str, fmt: str, event=None):
    """Generate the document on demand and show it. A long one (see `selectors.needs_background`) is not made in
    the request: the page offers to start it in the background (POST), then shows its progress."""
    if fmt not in PublicationFormat.values:
        raise Http404
    spec = Spec(
        kind=kind,
        format=fmt,
        network=scope.network,
        municipality=scope.municipality,
        event=event,
        audience=_audience(request),
    )
    back = scope.url("event", pk=event.pk) if event is not None else scope.url("list")
    try:
        spec.check()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(back)
    if selectors.needs_background(spec):
        if request.method == "POST":
            job = selectors.running_job(
                scope, kind=kind, format=fmt, audience=spec.audience, mode=JobMode.PREVIEW, event=event
            ) or services.publication_job_create(actor=request.user, spec=spec, mode=JobMode.PREVIEW)
            return redirect(scope.url("job", pk=job.pk))
        return render(request, "publishing/preview_wait.html", _context(request, scope, spec=spec, back=back))
    if fmt == PublicationFormat.HTML:
        response = HttpResponse(documents.render_page(spec))
        response["Cache-Control"] = "private, no-store"
        return response
    rendered = documents.render(spec)
    return _document_response(rendered.content, filename=rendered.filename, fmt=fmt)


def _freeze(request, scope: Scope):
    """Freeze a new version: generate, store with SHA-256 and number it. Long ones run in the background."""
    event_pk = request.POST.get("event") or None
    kinds = [PublicationKind.EVENT] if event_pk else _kinds(scope)
    form = FreezeForm(request.POST, kinds=kinds)

    def again(status: int = 200):
        if event_pk and str(event_pk).isdigit():
            return _event_page(request, scope, int(event_pk), form=form, status=status)
        return _list(request, scope, form=form, status=status)

    if not form.is_valid():
        return again()
    data = form.cleaned_data
    event = (
        selectors.event_in(scope, data["event"]) if data["kind"] == PublicationKind.EVENT and data["event"] else None
    )
    spec = Spec(
        kind=data["kind"],
        format=data["format"],
        network=scope.network,
        municipality=scope.municipality,
        event=event,
        audience=data["audience"],
    )
    back = scope.url("event", pk=event.pk) if event is not None else scope.url("list")
    try:
        if selectors.needs_background(spec):
            job = selectors.running_job(
                scope, kind=spec.kind, format=spec.format, audience=spec.audience, mode=JobMode.FREEZE, event=event
            ) or services.publication_job_create(actor=request.user, spec=spec, mode=JobMode.FREEZE)
            return redirect(scope.url("job", pk=job.pk))
        services.check_freezable(spec)
        publication = services.publication_freeze(actor=request.user, spec=spec, rendered=documents.render(spec))
    except ValidationError as error:
        add_service_error(form, error)
        return again()
    messages.success(
        request,
        _("%(title)s: Fassung %(number)s (%(format)s) ist festgeschrieben.")
        % {"title": publication.title, "number": publication.number, "format": publication.get_format_display()},
    )
    return redirect(back)


def _publish(request, scope: Scope, pk: int):
    publication = selectors.publication_in(scope, pk)
    public = request.POST.get("oeffentlich") == "1"
    try:
        publication = services.publication_publish(actor=request.user, publication=publication, public=public)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if public:
            messages.success(request, _("Fassung %(number)s ist veröffentlicht.") % {"number": publication.number})
        else:
            messages.success(
                request, _("Fassung %(number)s ist nicht mehr öffentlich.") % {"number": publication.number}
            )
    if publication.event_id is not None:
        return redirect(scope.url("event", pk=publication.event_id))
    return redirect(scope.url("list"))


def _download(request, scope: Scope, pk: int):
    publication = selectors.publication_in(scope, pk)
    return _stored(publication.file.name, filename=publication.filename, fmt=publication.format)


def _job(request, scope: Scope, pk: int):
    """The progress of a background job; htmx asks every two seconds for the status part, a browser without
    JavaScript reloads the page (meta refresh in a noscript) until the job has ended."""
    job = selectors.job_in(scope, pk)
    context = _context(request, scope, job=job)
    if request.htmx:
        return render(request, "publishing/_job_status.html", context)
    return render(request, "publishing/job.html", context)


def _job_file(request, scope: Scope, pk: int):
    job = selectors.job_in(scope, pk)
    if not job.is_done or not job.result_file:
        raise Http404
    return _stored(job.result_file, filename=job.result_name or "vorschau", fmt=job.format)


# A municipality's documents ------------------------------------------------------------------------------------


def _kind_or_404(scope: Scope, slug: str) -> str:
    kind = KIND_SLUGS.get(slug)
    if kind is None or kind not in _kinds(scope):
        raise Http404
    return kind


@require_safe
@municipality_view("publishing.view_publications")
def m_list(request, municipality):
    return _list(request, Scope.of_municipality(municipality))


@require_http_methods(["GET", "HEAD", "POST"])
@municipality_view("publishing.view_publications")
def m_preview(request, municipality, kind: str, fmt: str):
    scope = Scope.of_municipality(municipality)
    return _preview(request, scope, kind=_kind_or_404(scope, kind), fmt=fmt)


@require_POST
@municipality_view("publishing.freeze_publication")
def m_freeze(request, municipality):
    return _freeze(request, Scope.of_municipality(municipality))


@require_POST
@municipality_view("publishing.publish_publication")
def m_publish(request, municipality, pk: int):
    return _publish(request, Scope.of_municipality(municipality), pk)


@require_safe
@municipality_view("publishing.view_publications")
def m_download(request, municipality, pk: int):
    return _download(request, Scope.of_municipality(municipality), pk)


@require_safe
@municipality_view("publishing.view_publications")
def m_event(request, municipality, pk: int):
    return _event_page(request, Scope.of_municipality(municipality), pk)


@require_http_methods(["GET", "HEAD", "POST"])
@municipality_view("publishing.view_publications")
def m_event_preview(request, municipality, pk: int, fmt: str):
    scope = Scope.of_municipality(municipality)
    return _preview(request, scope, kind=PublicationKind.EVENT, fmt=fmt, event=selectors.event_in(scope, pk))


@require_safe
@municipality_view("publishing.view_publications")
def m_job(request, municipality, pk: int):
    return _job(request, Scope.of_municipality(municipality), pk)


@require_safe
@municipality_view("publishing.view_publications")
def m_job_file(request, municipality, pk: int):
    return _job_file(request, Scope.of_municipality(municipality), pk)


@require_http_methods(["GET", "HEAD", "POST"])
@municipality_view("publishing.edit_foreword")
def m_foreword(request, municipality):
    foreword = selectors.foreword_of(municipality)
    form = ForewordForm(request.POST or None, instance=foreword)
    if request.method == "POST" and form.is_valid():
        try:
            services.foreword_save(
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
            messages.success(request, _("Das Vorwort ist gespeichert."))
            return redirect("publishing:m_list", slug=municipality.slug)
    return render(
        request,
        "publishing/foreword_form.html",
        {"municipality": municipality, "network": municipality.network, "form": form, "foreword": foreword},
    )


# The network's own documents -------------------------------------------------------------------------------------


@require_safe
@network_admin_view
def n_list(request, network):
    return _list(request, Scope.of_network(network))


@require_http_methods(["GET", "HEAD", "POST"])
@network_admin_view
def n_preview(request, network, kind: str, fmt: str):
    scope = Scope.of_network(network)
    return _preview(request, scope, kind=_kind_or_404(scope, kind), fmt=fmt)


@require_POST
@network_admin_view
def n_freeze(request, network):
    return _freeze(request, Scope.of_network(network))


@require_POST
@network_admin_view
def n_publish(request, network, pk: int):
    return _publish(request, Scope.of_network(network), pk)


@require_safe
@network_admin_view
def n_download(request, network, pk: int):
    return _download(request, Scope.of_network(network), pk)


@require_safe
@network_admin_view
def n_event(request, network, pk: int):
    return _event_page(request, Scope.of_network(network), pk)


@require_http_methods(["GET", "HEAD", "POST"])
@network_admin_view
def n_event_preview(request, network, pk: int, fmt: str):
    scope = Scope.of_network(network)
    return _preview(request, scope, kind=PublicationKind.EVENT, fmt=fmt, event=selectors.event_in(scope, pk))


@require_safe
@network_admin_view
def n_job(request, network, pk: int):
    return _job(request, Scope.of_network(network), pk)


@require_safe
@network_admin_view
def n_job_file(request, network, pk: int):
    return _job_file(request, Scope.of_network(network), pk)


# Public ------------------------------------------------------------------------------------------------------


@require_safe
def public_municipality(request, slug: str):
    municipality = selectors.public_municipality(slug)
    page = paginate(request, selectors.published_of_municipality(municipality), per_page=PAGE_SIZE)
    return render(request, "publishing/public_list.html", {"owner": municipality.name, "page": page})


@require_safe
def public_network(request, slug: str):
    network = selectors.public_network(slug)
    page = paginate(request, selectors.published_of_network(network), per_page=PAGE_SIZE)
    return render(request, "publishing/public_list.html", {"owner": network.name, "page": page})


@require_safe
def public_file(request, pk: int):
    publication = selectors.public_publication(pk)
    return _stored(publication.file.name, filename=publication.filename, fmt=publication.format, public=True)
