"""Generating a document: which one (`Spec`), its content (`content.py`), and the file — HTML from the templates
under ``templates/publishing/``, PDF from the same HTML with WeasyPrint, DOCX with python-docx (`docx_writer`).

The PDF is laid out by WeasyPrint through `vorort.core.pdf`, whose URL fetcher loads nothing but the package's
own assets: user text can never make the renderer fetch a URL or read a file.
"""

from __future__ import annotations

import datetime
import logging
import re
import threading
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext as _

from vorort.core.pdf import render_accessible_pdf_from_html
from vorort.events.models import Event
from vorort.network.models import Municipality, Network

from . import content, docx_writer
from .models import CONTENT_TYPES, Audience, PublicationFormat, PublicationKind
from .text import clean

logger = logging.getLogger(__name__)

# Kinds in addresses (…/vorschau/strategie.pdf) and their code names.
KIND_SLUGS = {
    "strategie": PublicationKind.STRATEGY,
    "anlage": PublicationKind.ANNEX,
    "dokumentation": PublicationKind.EVENT,
    "netzwerkbericht": PublicationKind.NETWORK,
}
SLUG_OF_KIND = {kind: slug for slug, kind in KIND_SLUGS.items()}
MUNICIPALITY_KINDS = (PublicationKind.STRATEGY, PublicationKind.ANNEX, PublicationKind.EVENT)
NETWORK_KINDS = (PublicationKind.NETWORK, PublicationKind.EVENT)
FORMATS = tuple(PublicationFormat.values)

STATIC_DIR = Path(__file__).resolve().parent / "static" / "publishing"
FONTS_CSS = "core/pdf_fonts.css"

# How the HTML is used: laid out as PDF, saved as a file of its own, or shown as a page of the application.
HTML_PDF = "pdf"
HTML_FILE = "file"
HTML_PAGE = "page"

Progress = Callable[[float, str], None]


def _no_progress(fraction: float, step: str) -> None:
    return None


@dataclass(frozen=True)
class Spec:
    """Which document: kind, file format and audience, for a municipality or (municipality None) the network."""

    kind: str
    format: str
    network: Network
    municipality: Municipality | None = None
    event: Event | None = None
    audience: str = Audience.INTERNAL

    @property
    def public(self) -> bool:
        return self.audience == Audience.PUBLIC

    @property
    def series(self) -> str:
        """The document a version belongs to, e.g. "m12/strategy/pdf/intern" or "n3/event45/pdf/intern"."""
        scope = f"m{self.municipality.pk}" if self.municipality is not None else f"n{self.network.pk}"
        kind = f"event{self.event.pk}" if self.event is not None else self.kind
        return f"{scope}/{kind}/{self.format}/{self.audience}"

    @property
    def scope_slug(self) -> str:
        return self.municipality.slug if self.municipality is not None else self.network.slug

    def filename(self, number: int | None = None, today: datetime.date | None = None) -> str:
        today = today or timezone.localdate()
        parts = [SLUG_OF_KIND[self.kind], self.scope_slug]
        if self.event is not None:
            parts.append(slugify(self.event.title)[:60] or str(self.event.pk))
        if self.public:
            parts.append("oeffentlich")
        parts.append(today.isoformat())
        if number is not None:
            parts.append(f"fassung-{number}")
        stem = "-".join(part for part in parts if part)
        return f"{stem}.{self.format}"

    def check(self) -> None:
        """Raise ValidationError (German) if this combination cannot be generated."""
        allowed = MUNICIPALITY_KINDS if self.municipality is not None else NETWORK_KINDS
        if self.kind not in allowed:
            raise ValidationError(_("Diese Art von Dokument gibt es hier nicht."), code="kind")
        if self.format not in FORMATS:
            raise ValidationError(_("Dieses Dateiformat gibt es nicht."), code="format")
        if self.audience not in Audience.values:
            raise ValidationError(_("Bitte wählen Sie, für wen die Fassung gedacht ist."), code="audience")
        if self.kind == PublicationKind.EVENT:
            if self.event is None:
                raise ValidationError(_("Bitte wählen Sie ein Format."), code="event")
            host = self.event.municipality_id
            expected = self.municipality.pk if self.municipality is not None else None
            if self.event.network_id != self.network.pk or host != expected:
                raise ValidationError(_("Dieses Format gehört nicht hierher."), code="event")
            if self.public and not (self.event.is_public and self.event.documentation_public):
                raise ValidationError(
                    _(
                        "Die Dokumentation dieses Formats ist nicht öffentlich. Eine Fassung für die Öffentlichkeit "
                        "gibt es erst, wenn Format und Dokumentation öffentlich sind."
                    ),
                    code="audience",
                )
        elif self.event is not None:
            raise ValidationError(_("Ein Format gehört nur zur Dokumentation eines Formats."), code="event")


@dataclass
class Rendered:
    content: bytes
    content_type: str
    filename: str
    title: str
    html: str = ""


def build_content(spec: Spec):
    """The content object of the document (see content.py)."""
    if spec.kind == PublicationKind.STRATEGY:
        return content.strategy_document(spec.municipality, public=spec.public)
    if spec.kind == PublicationKind.ANNEX:
        return content.annex_document(spec.municipality, public=spec.public)
    if spec.kind == PublicationKind.EVENT:
        return content.event_document(spec.event, public=spec.public)
    return content.network_document(spec.network, public=spec.public)


# HTML ------------------------------------------------------------------------------------------------------


@cache
def _stylesheet(name: str) -> str:
    return (STATIC_DIR / name).read_text(encoding="utf-8")


def _css(mode: str) -> str:
    """The style sheet embedded into the HTML: the package fonts only for the PDF (WeasyPrint loads them from the
    package); a saved HTML file relies on installed fonts."""
    sheets = [_stylesheet("document.css")]
    if mode == HTML_PDF:
        sheets.insert(0, render_to_string(FONTS_CSS))
    return "\n".join(sheets)


_UNWANTED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def render_html(spec: Spec, document, *, mode: str = HTML_FILE) -> str:
    """The finished HTML of the document. Every user text is escaped by the template engine; control characters
    are removed from the result (no document format carries them)."""
    html = render_to_string(
        f"publishing/{spec.kind}.html",
        {
            "doc": document,
            "info": document.info,
            "spec": spec,
            "mode": mode,
            "for_pdf": mode == HTML_PDF,
            "embed_css": mode != HTML_PAGE,
            "css": mark_safe(_css(mode)),  # noqa: S308 - the package's own style sheets
        },
    )
    return _UNWANTED.sub("", html)


# PDF progress ----------------------------------------------------------------------------------------------


class _PageListener(logging.Handler):
    """Hands WeasyPrint's progress messages ("Step 5 - Creating layout - Page 12") to the callback registered for
    the thread that logs them."""

    def __init__(self):
        super().__init__(level=logging.INFO)
        self.callbacks: dict[int, Callable[[str], None]] = {}
        self.lock = threading.Lock()
        self.saved: tuple[int, bool] | None = None

    def emit(self, record: logging.LogRecord) -> None:
        callback = self.callbacks.get(record.thread)
        if callback is not None:
            try:
                callback(record.getMessage())
            except Exception:  # noqa: BLE001 - progress must never break the rendering
                logger.exception("Progress callback failed")


_LISTENER = _PageListener()
_PAGE = re.compile(r"Creating layout - Page (\d+)")


@contextmanager
def _page_progress(callback: Callable[[str], None]):
    """While the block runs, WeasyPrint's progress logger reports to `callback` (for this thread only). The logger
    is switched to INFO without propagation only meanwhile, so its messages never reach the console."""
    from weasyprint import PROGRESS_LOGGER

    ident = threading.get_ident()
    with _LISTENER.lock:
        if not _LISTENER.callbacks:
            _LISTENER.saved = (PROGRESS_LOGGER.level, PROGRESS_LOGGER.propagate)
            PROGRESS_LOGGER.setLevel(logging.INFO)
            PROGRESS_LOGGER.propagate = False
            PROGRESS_LOGGER.addHandler(_LISTENER)
        _LISTENER.callbacks[ident] = callback
    try:
        yield
    finally:
        with _LISTENER.lock:
            _LISTENER.callbacks.pop(ident, None)
            if not _LISTENER.callbacks:
                PROGRESS_LOGGER.removeHandler(_LISTENER)
                level, propagate = _LISTENER.saved or (logging.NOTSET, True)
                PROGRESS_LOGGER.setLevel(level)
                PROGRESS_LOGGER.propagate = propagate


def render_pdf(html: str, *, expected_pages: int = 10, progress: Progress = _no_progress) -> bytes:
    """Lay out the finished HTML as a tagged PDF; progress from 0,3 to 0,95 while pages are laid out."""
    expected = max(expected_pages, 1)

    def on_message(message: str) -> None:
        if match := _PAGE.search(message):
            page = int(match.group(1))
            progress(0.3 + 0.6 * min(1.0, page / expected), _("Seite %(page)s wird gesetzt") % {"page": page})
        elif "Creating PDF" in message:
            progress(0.92, _("PDF wird geschrieben"))

    with _page_progress(on_message):
        return render_accessible_pdf_from_html(html)


# Everything ------------------------------------------------------------------------------------------------


def render(spec: Spec, *, progress: Progress = _no_progress, number: int | None = None) -> Rendered:
    """Generate the document `spec` names, in its format; `number` (a frozen version) goes into the file name.
    Documents are German whatever language the person who asks for them reads the application in."""
    with translation.override("de"):
        return _render(spec, progress=progress, number=number)


def _render(spec: Spec, *, progress: Progress, number: int | None) -> Rendered:
    spec.check()
    progress(0.02, _("Daten werden gelesen"))
    document = build_content(spec)
    title = clean(document.info.title)
    filename = spec.filename(number=number)
    content_type = CONTENT_TYPES[spec.format]
    if spec.format == PublicationFormat.DOCX:
        progress(0.3, _("Word-Dokument wird erstellt"))
        data = docx_writer.write(spec, document)
        progress(1.0, _("fertig"))
        return Rendered(data, content_type, filename, title)
    progress(0.15, _("Abschnitte werden gesetzt"))
    mode = HTML_PDF if spec.format == PublicationFormat.PDF else HTML_FILE
    html = render_html(spec, document, mode=mode)
    if spec.format == PublicationFormat.HTML:
        progress(1.0, _("fertig"))
        return Rendered(html.encode("utf-8"), content_type, filename, title, html=html)
    progress(0.3, _("Seiten werden gesetzt"))
    data = render_pdf(html, expected_pages=document.expected_pages, progress=progress)
    progress(1.0, _("fertig"))
    return Rendered(data, content_type, filename, title, html=html)


def render_page(spec: Spec) -> str:
    """The HTML preview as a page of the application (style sheet linked, not embedded)."""
    with translation.override("de"):
        spec.check()
        return render_html(spec, build_content(spec), mode=HTML_PAGE)
