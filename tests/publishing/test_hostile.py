"""Hostile text comes out as plain text and does not break the layout; the PDF renderer loads nothing but the
package's assets, whatever the text asks for."""

import io
import pathlib
import re
import subprocess

import pytest
from django.db import connection
from django.template.loader import render_to_string
from docx import Document

from vorort.core import pdf as core_pdf
from vorort.core.pdf import AssetFetcher, AssetRefused, asset_roots, render_accessible_pdf_from_html
from vorort.events.models import Event
from vorort.measures.models import Measure
from vorort.publishing import documents
from vorort.publishing.models import Foreword

from .support import HAS_POPPLER, HOSTILE, LONG_WORD, flat, pdf_pages, pdf_text

pytestmark = [pytest.mark.django_db]
needs_poppler = pytest.mark.skipif(not HAS_POPPLER, reason="needs pdftotext (poppler-utils, see make test)")

EXTERNAL = '<img src="http://example.org/x.png"> <link rel="stylesheet" href="file:///etc/passwd">'
# Control characters that python-docx refuses and PDF viewers show as boxes.
# Control characters that could break PDF or DOCX (NUL is left out: PostgreSQL text cannot store it at all).
CONTROL = "Vor\x01mit\x1bSteuer\x0bzeichen\x7f"


@pytest.fixture
def hostile(town_a, strategy):
    """A measure whose title is hostile, one whose title is a single 2 000-character word (written past the form's
    limit), a foreword and an event that try to load outside files."""
    if connection.vendor == "postgresql":
        pytest.skip(
            "PostgreSQL enforces varchar(200) and cannot store the 2 000-character title written past the form; "
            "rendering does not depend on the database and runs on SQLite"
        )
    Measure.objects.filter(pk=strategy[0].pk).update(title=HOSTILE, description=f"{EXTERNAL}\n\n{CONTROL}")
    Measure.objects.filter(pk=strategy[1].pk).update(title=LONG_WORD, summary=LONG_WORD)
    Foreword.objects.filter(municipality=town_a).update(title=HOSTILE, text=f"{EXTERNAL}\n\n{LONG_WORD}")
    Event.objects.filter(municipality=town_a).update(title=HOSTILE, protocol=EXTERNAL)
    return strategy


def words_outside(pdf: bytes) -> list[str]:
    """Words whose box reaches beyond the page (pdftotext -bbox)."""
    xml = subprocess.run(["pdftotext", "-bbox", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    outside = []
    for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', xml, re.S):
        width, height = float(page.group(1)), float(page.group(2))
        for word in re.finditer(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page.group(3)
        ):
            x_min, y_min, x_max, y_max = (float(word.group(i)) for i in range(1, 5))
            if x_min < 0 or y_min < 0 or x_max > width + 0.5 or y_max > height + 0.5:
                outside.append(word.group(5))
    return outside


@pytest.fixture
def fetched(monkeypatch):
    """Every URL the PDF renderer asks for."""
    seen = []
    original = AssetFetcher.fetch

    def recording(self, url, headers=None):
        seen.append(url)
        return original(self, url, headers)

    monkeypatch.setattr(AssetFetcher, "fetch", recording)
    return seen


@needs_poppler
def test_hostile_text_is_plain_text_in_the_pdf_and_stays_on_the_page(town_a, hostile, fetched):
    spec = documents.Spec(kind="strategy", format="pdf", network=town_a.network, municipality=town_a)
    pdf = documents.render(spec).content
    text = pdf_text(pdf)
    assert "<script>alert('x')</script>" in flat(text)
    assert "=cmd|' /C calc'!A0" in flat(text)
    assert '<img src="http://example.org/x.png">' in flat(text)
    # The long word wraps inside the page (a Steckbrief title of 2 000 letters needs a page, not forty).
    joined = re.sub(r"\s+", "", text)
    assert LONG_WORD in joined
    assert words_outside(pdf) == []
    assert pdf_pages(pdf) < 40
    assert "VormitSteuerzeichen" in joined
    # Only the package's own fonts were loaded; nothing from the network, nothing from /etc.
    assert fetched and all(url.startswith("file://") for url in fetched)
    roots = [str(root) for root in asset_roots()]
    assert all(any(url.removeprefix("file://").startswith(root) for root in roots) for url in fetched)


def test_hostile_text_is_escaped_in_html_and_plain_in_docx(town_a, hostile):
    spec = documents.Spec(kind="strategy", format="html", network=town_a.network, municipality=town_a)
    html = documents.render(spec).content.decode()
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert '<img src="http' not in html and "\x00" not in html and "\x1b" not in html
    spec = documents.Spec(kind="strategy", format="docx", network=town_a.network, municipality=town_a)
    document = Document(io.BytesIO(documents.render(spec).content))
    texts = [p.text for p in document.paragraphs]
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert any(HOSTILE in text for text in texts)
    assert any(LONG_WORD in text for text in texts)
    assert any("VormitSteuerzeichen" in text for text in texts)
    assert HOSTILE in cells
    # A formula-looking title is just text: no fields or formulas in the document.
    assert "calc" not in "".join(document.element.xpath("//w:instrText/text()"))


def test_event_documentation_with_hostile_title(town_a, hostile):
    event = Event.objects.get(municipality=town_a)
    for fmt in ("html", "docx"):
        spec = documents.Spec(kind="event", format=fmt, network=town_a.network, municipality=town_a, event=event)
        content = documents.render(spec).content
        if fmt == "html":
            assert b"&lt;script&gt;" in content and b"<script>" not in content


@pytest.mark.parametrize(
    "url",
    [
        "http://example.org/x.png",
        "https://example.org/font.ttf",
        "file:///etc/passwd",
        "file://localhost/etc/passwd",
        "file://example.org/etc/passwd",
        "ftp://example.org/x",
        "//example.org/x.png",
    ],
)
def test_the_fetcher_refuses_anything_outside_the_package(url):
    with pytest.raises(AssetRefused):
        AssetFetcher().fetch(url)


def test_the_fetcher_refuses_escapes_from_the_asset_folders(tmp_path):
    root = asset_roots()[0]
    with pytest.raises(AssetRefused):
        AssetFetcher().fetch(f"file://{root}/../../settings.py")
    link = tmp_path / "link.ttf"
    link.symlink_to("/etc/passwd")
    with pytest.raises(AssetRefused):  # a link inside an allowed folder that points outside it
        AssetFetcher(roots=(tmp_path.resolve(),)).fetch(f"file://{link}")
    font = AssetFetcher().fetch(f"file://{root}/vorort/fonts/DejaVuSans.ttf")
    assert font.headers["Content-Type"] == "font/ttf"


def test_rendering_html_with_external_references_reads_nothing(fetched, monkeypatch, caplog):
    opened = []
    real_read = pathlib.Path.read_bytes

    def watching_read(path):
        opened.append(str(path))
        return real_read(path)

    monkeypatch.setattr(pathlib.Path, "read_bytes", watching_read)
    fonts = render_to_string("core/pdf_fonts.css")
    html = (
        f'<!DOCTYPE html><html lang="de"><head><title>t</title><style>{fonts}</style>'
        '<link rel="stylesheet" href="file:///etc/passwd"></head><body>'
        '<img src="http://example.org/x.png" alt="x"><img src="file:///etc/passwd" alt="y">'
        "<p style=\"background: url('http://example.org/bg.png')\">Text</p></body></html>"
    )
    pdf = render_accessible_pdf_from_html(html)
    assert pdf.startswith(b"%PDF")
    assert "http://example.org/x.png" in fetched and "file:///etc/passwd" in fetched
    assert opened and not any("passwd" in path for path in opened)  # only the fonts were read
    assert "AssetRefused" in caplog.text or "Failed to load" in caplog.text
    assert core_pdf.MAX_ASSET_BYTES > 0
