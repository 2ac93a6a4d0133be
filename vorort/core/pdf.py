"""PDF documents from Django templates with WeasyPrint, without network or file-system access.

The template is rendered by Django (autoescaped like any page) and laid out by WeasyPrint. Everything WeasyPrint
wants to load — fonts, images, style sheets — goes through :class:`AssetFetcher`, which serves only files inside
the package's own ``static/`` and ``assets/`` directories and ``data:`` URIs, and refuses everything else: no
http(s), no other files, no tricks with ``..`` or symbolic links. Relative URLs are resolved against the core
static directory, so a template writes ``url("vorort/fonts/DejaVuSans.ttf")``.

The embedded font is DejaVu Sans (free licence, see ``core/static/vorort/fonts/LICENSE-DejaVu.txt``); templates
include ``core/pdf_fonts.css`` to use it.
"""

from __future__ import annotations

import base64
import binascii
import mimetypes
from pathlib import Path
from urllib.parse import unquote, unquote_to_bytes, urlsplit
from urllib.request import url2pathname

from django.http import HttpResponse
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse, path2url

PACKAGE_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PACKAGE_DIR / "core" / "static"
MAX_ASSET_BYTES = 20 * 1024 * 1024


def asset_roots() -> tuple[Path, ...]:
    """The directories the PDF renderer may read: every `static/` and `assets/` folder of the package's apps."""
    roots = [path.resolve() for pattern in ("*/static", "*/assets") for path in PACKAGE_DIR.glob(pattern)]
    return tuple(sorted(root for root in roots if root.is_dir()))


class AssetRefused(ValueError):
    """WeasyPrint asked for something outside the allowed assets."""


def _decode_data_uri(url: str) -> tuple[str, bytes]:
    """RFC 2397: data:[<media type>][;base64],<data> → (content type, bytes)."""
    header, separator, payload = url[len("data:") :].partition(",")
    if not separator:
        raise AssetRefused("malformed data: URI")
    parameters = header.split(";")
    encoded = parameters[-1].strip().lower() == "base64"
    if encoded:
        parameters = parameters[:-1]
    content_type = ";".join(parameters).strip() or "text/plain;charset=US-ASCII"
    raw = unquote_to_bytes(payload)
    if encoded:
        try:
            raw = base64.b64decode(raw, validate=False)
        except (binascii.Error, ValueError) as error:
            raise AssetRefused("malformed base64 in data: URI") from error
    return content_type, raw


class AssetFetcher(URLFetcher):
    """A URL fetcher for WeasyPrint that serves package assets and data: URIs only."""

    def __init__(self, roots: tuple[Path, ...] | None = None):
        super().__init__(allowed_protocols=("file", "data"), allow_redirects=False)
        self.roots = roots if roots is not None else asset_roots()

    def fetch(self, url, headers=None):
        scheme = urlsplit(url).scheme.lower()
        if scheme == "data":
            content_type, body = _decode_data_uri(url)
            return URLFetcherResponse(url, body, {"Content-Type": content_type})
        if scheme == "file":
            return self._asset(url)
        raise AssetRefused(f"PDF rendering may not load {url!r}")

    def _asset(self, url: str) -> URLFetcherResponse:
        parts = urlsplit(url)
        if parts.netloc not in ("", "localhost"):
            raise AssetRefused(f"PDF rendering may not load {url!r}")
        path = Path(url2pathname(unquote(parts.path))).resolve()
        if not any(path.is_relative_to(root) for root in self.roots) or not path.is_file():
            raise AssetRefused(f"PDF rendering may not load {url!r}")
        if path.stat().st_size > MAX_ASSET_BYTES:
            raise AssetRefused(f"asset too large: {url!r}")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if path.suffix.lower() in {".ttf", ".otf", ".woff", ".woff2"}:
            content_type = f"font/{path.suffix.lower().lstrip('.')}"
        return URLFetcherResponse(path2url(str(path)), path.read_bytes(), {"Content-Type": content_type})


def render_pdf_from_html(html: str) -> bytes:
    font_config = FontConfiguration()
    document = HTML(string=html, base_url=path2url(str(BASE_DIR) + "/"), url_fetcher=AssetFetcher())
    return document.write_pdf(font_config=font_config)


# The accessible variant WeasyPrint offers from version 63 on: tagged PDF with PDF/UA-1 metadata.
PDF_UA_VARIANT = "pdf/ua-1"


def accessible_pdf_options() -> dict:
    """`write_pdf` options for a tagged PDF (PDF/UA-1) as far as the installed WeasyPrint supports them."""
    from weasyprint import DEFAULT_OPTIONS

    options = {}
    if "pdf_tags" in DEFAULT_OPTIONS:
        options["pdf_tags"] = True
    try:
        from weasyprint.pdf import VARIANTS
    except ImportError:  # pragma: no cover - very old WeasyPrint
        VARIANTS = {}  # noqa: N806
    if PDF_UA_VARIANT in VARIANTS:
        options["pdf_variant"] = PDF_UA_VARIANT
    return options


def render_accessible_pdf_from_html(html: str, **options) -> bytes:
    """Like `render_pdf_from_html`, but tagged for assistive technology (PDF/UA-1 where available); `options`
    go to WeasyPrint's `write_pdf` on top of `accessible_pdf_options()`."""
    document = HTML(string=html, base_url=path2url(str(BASE_DIR) + "/"), url_fetcher=AssetFetcher())
    return document.write_pdf(font_config=FontConfiguration(), **{**accessible_pdf_options(), **options})


def render_pdf(template_name: str, context: dict, request=None) -> bytes:
    """Render a Django template to PDF bytes."""
    return render_pdf_from_html(render_to_string(template_name, context, request=request))


def pdf_response(pdf: bytes, filename: str, *, inline: bool = True) -> HttpResponse:
    """An HTTP response for PDF bytes; `filename` should be plain ASCII (it is sanitised anyway)."""
    safe_name = "".join(char if char.isascii() and (char.isalnum() or char in "-_.") else "-" for char in filename)
    response = HttpResponse(pdf, content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{safe_name or "dokument.pdf"}"'
    return response
