"""The documents' content and order, read back from the files: PDF via pdftotext/pdfinfo/pdftohtml, DOCX via
python-docx, HTML as text."""

import io
import re
import subprocess
import zlib

import pytest
from docx import Document

from vorort.publishing import documents
from vorort.publishing.models import Audience
from vorort.strategy.models import AssessmentRound

from .support import HAS_POPPLER, flat, pdf_info, pdf_text

pytestmark = [pytest.mark.django_db]
needs_poppler = pytest.mark.skipif(not HAS_POPPLER, reason="needs pdftotext (poppler-utils, see make test)")

STRATEGY_SECTIONS = [
    "Inhalt",
    "Vorwort",
    "Der Prozess",
    "Bestandsaufnahme",
    "Vision",
    "Handlungsfelder, Schwerpunkte und Ziele",
    "Maßnahmen",
    "Fahrplan",
    "Personelle Kapazitäten",
    "Anhang: Priorisierter Maßnahmenkatalog",
]


def render(town, kind, fmt, **extra):
    spec = documents.Spec(kind=kind, format=fmt, network=town.network, municipality=town, **extra)
    return documents.render(spec).content


def in_order(text: str, parts: list[str], start: int = 0) -> list[int]:
    """Positions of `parts` in `text`, each searched after the previous one; fails naming the first missing."""
    positions = []
    for part in parts:
        found = text.find(part, start)
        assert found >= 0, f"{part!r} missing (or out of order) after position {start}"
        positions.append(found)
        start = found + len(part)
    return positions


def docx_text(data: bytes) -> tuple[str, list]:
    document = Document(io.BytesIO(data))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(p.text for p in document.paragraphs), document


def pdf_streams(pdf: bytes) -> bytes:
    """The PDF with its compressed streams unpacked (to find catalogue entries inside object streams)."""
    parts = [pdf]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"".join(parts)


def outline(pdf: bytes) -> list[str]:
    xml = subprocess.run(
        ["pdftohtml", "-xml", "-stdout", "-i", "-q", "-", "x"], input=pdf, capture_output=True, check=True
    ).stdout.decode("utf-8", "replace")
    block = xml.split("<outline>", 1)[1] if "<outline>" in xml else ""
    return re.findall(r"<item[^>]*>([^<]*)</item>", block)


@needs_poppler
def test_strategy_pdf_has_sections_measures_and_ranking_in_order(town_a, strategy):
    pdf = render(town_a, "strategy", "pdf")
    text = flat(pdf_text(pdf))
    # The table of contents, then the sections in order (searched after the contents).
    toc_end = text.find("Anhang: Priorisierter Maßnahmenkatalog") + 10
    in_order(text, STRATEGY_SECTIONS[1:], start=toc_end)
    # Measures in document order — by action field, then title —, each with its Steckbrief page.
    profiles_start = text.find("Steckbrief:")
    ordered = sorted(strategy, key=lambda m: (m.action_field.order, m.title.lower(), m.pk))
    in_order(text, [f"Steckbrief: {m.reference} {m.title}" for m in ordered], start=profiles_start)
    for measure in strategy:
        assert text.count(measure.title) >= 3, measure.title  # contents, overview, Steckbrief (and annex)
    # The ranking in the annex: ranks 1, 2, 3 … with the frozen titles in their order.
    annex = text[text.rfind("Anhang: Priorisierter Maßnahmenkatalog") :]
    from vorort.prioritisation.models import CatalogueEntry

    entries = list(CatalogueEntry.objects.filter(catalogue__municipality=town_a).order_by("position"))
    assert len(entries) == 10
    in_order(annex, [f"{entry.reference} {entry.title}" for entry in entries])
    # German formats.
    assert "1.234,50 €" in text  # investment of measure 1
    assert re.search(
        r"\d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4}", text
    )
    assert "„Smarte Stadt 2030“" in text
    assert "Maria Muster, Bürgermeisterin" in text


@needs_poppler
def test_strategy_pdf_is_german_tagged_with_bookmarks_and_embedded_font(town_a, strategy):
    pdf = render(town_a, "strategy", "pdf")
    info = pdf_info(pdf)
    assert info["Title"].strip() == "Smart-City-Strategie Beckum"
    assert info["Tagged"].strip() == "yes"
    assert re.search(rb"/Lang\s*\(de\)", pdf_streams(pdf))
    fonts = subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    rows = [line for line in fonts.splitlines()[2:] if line.strip()]
    assert rows and all("DejaVu" in row for row in rows), fonts
    assert all(re.search(r"\byes\s+yes\s+yes\b", row) for row in rows), fonts  # embedded, subset, unicode
    marks = outline(pdf)
    assert marks[:3] == ["Inhalt", "Vorwort", "Der Prozess"]
    assert "Mobilität" in marks and f"Steckbrief: {strategy[5].reference} {strategy[5].title}" not in marks
    assert any(strategy[5].title in mark for mark in marks)
    # Running header on a Steckbrief page, page numbers in the footer.
    page_text = pdf_text(pdf, layout=True)
    assert "Steckbrief: M-" in page_text
    assert re.search(r"Seite 3 von \d+", page_text)


@needs_poppler
def test_charts_are_vector_graphics(town_a, strategy):
    """The radar, indicator and roadmap charts are SVG in the HTML and vector paths in the PDF: no images."""
    spec = documents.Spec(kind="strategy", format="pdf", network=town_a.network, municipality=town_a)
    html = documents.render_html(spec, documents.build_content(spec), mode=documents.HTML_PDF)
    assert html.count("<svg") >= 3  # radar, indicator, roadmap
    assert "<img" not in html
    pdf = documents.render(spec).content
    images = subprocess.run(["pdfimages", "-list", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert len([line for line in images.splitlines()[2:] if line.strip()]) == 0


def test_annex_docx_has_headings_tables_and_the_ranking_in_order(town_a, strategy):
    data = render(town_a, "annex", "docx")
    text, document = docx_text(data)
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert [t for _s, t in headings] == ["Rangfolge", "Kriterien und Gewichte", "Werte je Kriterium"]
    assert all(style == "Heading 1" for style, _t in headings)
    ranking = document.tables[0]
    header = [cell.text for cell in ranking.rows[0].cells]
    assert header[:5] == ["Rang", "Maßnahme", "Punkte", "Rangspanne", "Einschätzung"]
    assert ranking.rows[0]._tr.xpath("./w:trPr/w:tblHeader")  # the header row repeats on every page
    from vorort.prioritisation.models import CatalogueEntry

    entries = list(CatalogueEntry.objects.filter(catalogue__municipality=town_a).order_by("position"))
    rows = [[cell.text for cell in row.cells] for row in ranking.rows[1:]]
    assert [row[1] for row in rows] == [f"{e.reference} {e.title}" for e in entries]
    assert [row[0] for row in rows] == [str(e.rank) for e in entries]
    assert all(re.fullmatch(r"\d+,\d", row[2]) for row in rows)  # points with a decimal comma
    assert document.core_properties.language == "de-DE"
    assert document.sections[0].orientation == 1  # landscape
    styles = document.styles.element.xml
    assert 'w:val="de-DE"' in styles


def test_strategy_docx_sections_and_measures_in_order(town_a, strategy):
    text, document = docx_text(render(town_a, "strategy", "docx"))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [
        "Inhalt",
        "Vorwort",
        "Der Prozess",
        "Bestandsaufnahme",
        "Vision",
        "Handlungsfelder, Schwerpunkte und Ziele",
        "Maßnahmen",
        "Personelle Kapazitäten",
        "Anhang: Priorisierter Maßnahmenkatalog",
    ]
    profiles = [p.text for p in document.paragraphs if p.style.name == "Heading 2" and p.text.startswith("M-")]
    expected = [
        f"{m.reference} {m.title}"
        for m in sorted(strategy, key=lambda m: (m.action_field.order, m.title.lower(), m.pk))
        if m.status != "verworfen"
    ]
    assert profiles == expected
    # Word finds a table-of-contents field and updates it on opening.
    assert "TOC \\o" in document.element.xml
    assert document.settings.element.xpath("./w:updateFields")


def test_html_file_and_preview_page(town_a, strategy):
    html = render(town_a, "strategy", "html").decode()
    assert html.startswith("<!DOCTYPE html>") and '<html lang="de">' in html
    assert "<style>" in html and "@page" in html and "<link" not in html
    spec = documents.Spec(kind="strategy", format="html", network=town_a.network, municipality=town_a)
    page = documents.render_page(spec)
    assert "<style>" not in page and 'href="/static/publishing/document.css"' in page
    in_order(flat(re.sub(r"<[^>]+>", " ", page)), STRATEGY_SECTIONS[1:5])


def test_public_version_leaves_out_internal_measures_and_reports(town_a, strategy):
    internal = [m for m in strategy if not m.is_public]
    assert internal
    html = render(town_a, "strategy", "html", audience=Audience.PUBLIC).decode()
    for measure in internal:
        assert measure.title not in html
    assert "nicht öffentliche Maßnahme" in html  # its place in the ranking
    assert "Verzug bei der Lieferung" not in html  # status reports stay internal
    assert "Personelle Kapazitäten" not in html
    assert "Fassung für die Öffentlichkeit" in html
    full = render(town_a, "strategy", "html").decode()
    assert all(measure.title in full for measure in internal) and "Verzug bei der Lieferung" in full


def test_documents_are_german_whatever_the_ui_language(town_a, strategy):
    from django.utils import translation

    with translation.override("en"):
        html = render(town_a, "annex", "html").decode()
    assert "Rangfolge" in html and "Kriterien und Gewichte" in html


def test_empty_municipality_renders_every_document(town_b):
    """A town that has nothing yet still gets complete documents with empty states, not errors."""
    assert not AssessmentRound.objects.filter(municipality=town_b).exists()
    for kind in ("strategy", "annex"):
        for fmt in ("html", "docx"):
            assert render(town_b, kind, fmt)
    html = render(town_b, "strategy", "html").decode()
    assert "Es gibt noch keinen abgeschlossenen Reifegrad-Check." in html
    assert "Es gibt noch keine Maßnahmen." in html
    assert "Es gibt noch keinen festgeschriebenen Maßnahmenkatalog" in html


@needs_poppler
def test_network_report_and_event_documentation(town_a, town_b, strategy, users):
    from vorort.events.models import Event

    network = town_a.network
    report = documents.render(documents.Spec(kind="network", format="pdf", network=network)).content
    text = flat(pdf_text(report))
    in_order(
        text, ["Fortschritt der Kommunen", "Phasen je Kommune", "Maßnahmen je Handlungsfeld", "Durchgeführte Formate"]
    )
    in_order(text[text.find("Fortschritt der Kommunen", 200) :], ["Beckum", "Billerbeck"])
    assert "Strategiewerkstatt Mobilität" in text
    event = Event.objects.get(municipality=town_a)
    data = render(town_a, "event", "pdf", event=event)
    text = flat(pdf_text(data))
    in_order(text, ["Strategiewerkstatt Mobilität", "Eckdaten", "Ablauf", "Ergebnisse", "Protokoll", "Begrüßung durch"])
    body, _document = docx_text(render(town_a, "event", "docx", event=event))
    in_order(body, ["Eckdaten", "Ablauf", "Diskussionspunkte und Punktabfrage", "Ergebnisse", "Protokoll"])


def test_network_report_lists_lessons_learned(town_a, town_b, strategy):
    """Lessons learned come from vorort.portal; the public report shows only published ones."""
    from vorort.portal.models import Lesson

    Lesson.objects.create(municipality=town_b, title="Früh die Ortsteile fragen", text="Sonst fehlt der Rückhalt.")
    Lesson.objects.create(
        municipality=town_a, title="Förderanträge bündeln", text="Gemeinsam geht es schneller.", is_public=True
    )
    network = town_a.network
    spec = documents.Spec(kind="network", format="html", network=network)
    html = documents.render(spec).content.decode()
    in_order(html, ["Lessons learned", "Förderanträge bündeln", "Beckum", "Früh die Ortsteile fragen"])
    public = documents.render(documents.Spec(kind="network", format="docx", network=network, audience="oeffentlich"))
    body, _document = docx_text(public.content)
    assert "Förderanträge bündeln" in body and "Früh die Ortsteile fragen" not in body


@needs_poppler
def test_event_documentation_embeds_its_photos(town_a, strategy):
    """Photos of the documentation are read by vorort (not by the renderer) and embedded; other files are listed."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from PIL import Image

    from vorort.events.models import Event, EventDocument

    event = Event.objects.get(municipality=town_a)
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "#0b4f71").save(buffer, format="PNG")
    name = default_storage.save("events/foto.png", ContentFile(buffer.getvalue()))
    EventDocument.objects.create(
        event=event,
        file=name,
        original_name="foto.png",
        kind="png",
        content_type="image/png",
        size=len(buffer.getvalue()),
        caption="Gruppenarbeit am Markt",
    )
    EventDocument.objects.create(
        event=event,
        file="events/fehlt.pdf",
        original_name="protokoll.pdf",
        kind="pdf",
        content_type="application/pdf",
        size=2048,
    )
    html = render(town_a, "event", "html", event=event).decode()
    assert 'src="data:image/png;base64,' in html and "Gruppenarbeit am Markt" in html and "protokoll.pdf" in html
    pdf = render(town_a, "event", "pdf", event=event)
    images = subprocess.run(["pdfimages", "-list", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert len([line for line in images.splitlines()[2:] if line.strip()]) == 1
    _body, document = docx_text(render(town_a, "event", "docx", event=event))
    assert len(document.inline_shapes) == 1
