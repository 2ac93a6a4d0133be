"""The documents as Word files (python-docx): real headings (Heading 1–3), tables with a repeating header row and
a caption, German language and number formats, page numbers in the footer.

The administration edits these files, so they carry text and tables only; a chart becomes the table of its data.
python-docx escapes XML itself; control characters, which it refuses, are removed by `text.clean` first.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence

from django.utils import timezone
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from vorort.core.templatetags.vorort_format import date_long, euro, format_number, percent
from vorort.events.templatetags.events_tags import event_when, filesize

from .models import PublicationKind
from .text import clean

LANGUAGE = "de-DE"
BRAND = RGBColor(0x0B, 0x4F, 0x71)
DOCX_PHOTO_TYPES = {"image/jpeg", "image/png"}


def _date(value) -> str:
    return date_long(value) if value else ""


def _period(start, end, empty: str = "–") -> str:
    if start is None and end is None:
        return empty
    return f"{_date(start) or _('offen')} – {_date(end) or _('offen')}"


def _strength(value: int) -> str:
    words = {3: _("hoch"), 2: _("mittel"), 1: _("gering")}
    return f"{'●' * value}{'○' * (3 - value)} {words.get(value, _('kein'))} ({value})"


class Writer:
    """A German Word document with the few building blocks the publications need."""

    def __init__(self, *, title: str, subject: str, author: str, landscape: bool = False):
        self.document = Document()
        self._set_up(title=title, subject=subject, author=author)
        if landscape:
            section = self.document.sections[0]
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = section.page_height, section.page_width
        for section in self.document.sections:
            section.left_margin = section.right_margin = Cm(2)
            section.top_margin = section.bottom_margin = Cm(2)

    # Document set-up ---------------------------------------------------------------------------------------

    def _set_up(self, *, title: str, subject: str, author: str) -> None:
        properties = self.document.core_properties
        properties.title = clean(title)[:255]
        properties.subject = clean(subject)[:255]
        properties.author = clean(author)[:255]
        properties.language = LANGUAGE
        properties.created = timezone.now()
        properties.comments = _("Erstellt mit vorort")
        styles = self.document.styles
        normal = styles["Normal"]
        normal.font.name = "DejaVu Sans"
        normal.font.size = Pt(10)
        for style in [normal, *(styles[f"Heading {level}"] for level in (1, 2, 3))]:
            self._language(style.element.get_or_add_rPr())
        defaults = self.document.styles.element.find(qn("w:docDefaults"))
        if defaults is not None:
            run_defaults = defaults.find(qn("w:rPrDefault"))
            if run_defaults is not None and run_defaults.find(qn("w:rPr")) is not None:
                self._language(run_defaults.find(qn("w:rPr")))
        settings = self.document.settings.element
        for tag, value in (("w:decimalSymbol", ","), ("w:listSeparator", ";")):
            element = settings.find(qn(tag))
            if element is not None:
                element.set(qn("w:val"), value)
        font_language = settings.find(qn("w:themeFontLang"))
        if font_language is not None:
            font_language.set(qn("w:val"), LANGUAGE)
        tab_stop = settings.find(qn("w:defaultTabStop"))
        hyphenation = OxmlElement("w:autoHyphenation")
        hyphenation.set(qn("w:val"), "true")
        if tab_stop is not None:
            tab_stop.addnext(hyphenation)
        self._footer()

    @staticmethod
    def _language(run_properties) -> None:
        for old in run_properties.findall(qn("w:lang")):
            run_properties.remove(old)
        language = OxmlElement("w:lang")
        language.set(qn("w:val"), LANGUAGE)
        language.set(qn("w:eastAsia"), LANGUAGE)
        language.set(qn("w:bidi"), "ar-SA")
        run_properties.append(language)

    def _footer(self) -> None:
        footer = self.document.sections[0].footer
        paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.add_run(_("Seite") + " ")
        self._field(paragraph, "PAGE")
        paragraph.add_run(" " + _("von") + " ")
        self._field(paragraph, "NUMPAGES")

    @staticmethod
    def _field(paragraph, instruction: str) -> None:
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), instruction)
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = "1"
        run.append(text)
        field.append(run)
        paragraph._p.append(field)

    def header_text(self, text: str) -> None:
        header = self.document.sections[0].header
        paragraph = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
        paragraph.text = clean(text)
        for run in paragraph.runs:
            run.font.size = Pt(8)

    # Blocks ------------------------------------------------------------------------------------------------

    def title(self, text: str, *, kicker: str = "", subtitle: str = "", meta: Sequence[str] = ()) -> None:
        if kicker:
            paragraph = self.document.add_paragraph()
            run = paragraph.add_run(clean(kicker))
            run.bold = True
            run.font.color.rgb = BRAND
        self.document.add_paragraph(clean(text), style="Title")
        if subtitle:
            self.document.add_paragraph(clean(subtitle), style="Subtitle")
        for line in meta:
            self.document.add_paragraph(clean(line))

    def heading(self, text: str, level: int = 1) -> None:
        self.document.add_heading(clean(text), level=level)

    def paragraph(self, text: str, *, bold: bool = False, style: str | None = None):
        paragraph = self.document.add_paragraph(style=style)
        run = paragraph.add_run(clean(text))
        run.bold = bold
        return paragraph

    def text(self, value: str) -> None:
        """User text: blank lines separate paragraphs, single line breaks stay line breaks."""
        for block in clean(value).strip().split("\n\n"):
            block = block.strip("\n")
            if not block:
                continue
            lines = block.split("\n")
            run = self.document.add_paragraph().add_run(lines[0])
            for line in lines[1:]:
                run.add_break()
                run.add_text(line)

    def bullets(self, items: Iterable[str]) -> None:
        for item in items:
            self.document.add_paragraph(clean(item), style="List Bullet")

    def page_break(self) -> None:
        self.document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def table(
        self,
        caption: str,
        header: Sequence[str],
        rows: Iterable[Sequence[str]],
        *,
        numeric: Iterable[int] = (),
        widths: Sequence[float] | None = None,
        row_headers: bool = True,
    ):
        """A table with a caption above, a header row that repeats on every page, and bold row headers."""
        numeric = set(numeric)
        self.document.add_paragraph(clean(caption), style="Caption")
        table = self.document.add_table(rows=1, cols=len(header))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        head = table.rows[0]
        properties = head._tr.get_or_add_trPr()
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        properties.append(repeat)
        for index, label in enumerate(header):
            cell = head.cells[index]
            cell.text = ""
            run = cell.paragraphs[0].add_run(clean(label))
            run.bold = True
            if index in numeric:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for values in rows:
            cells = table.add_row().cells
            for index, value in enumerate(values):
                paragraph = cells[index].paragraphs[0]
                run = paragraph.add_run(clean(value))
                if row_headers and index == 0 and not numeric.issuperset({0}):
                    run.bold = True
                if index in numeric:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if widths:
            for row in table.rows:
                for index, width in enumerate(widths):
                    row.cells[index].width = Cm(width)
        self.document.add_paragraph()
        return table

    def facts(self, caption: str, pairs: Iterable[tuple[str, str]]) -> None:
        self.table(caption, [_("Angabe"), _("Wert")], [(label, value) for label, value in pairs], widths=(5, 12))

    def toc(self) -> None:
        """A table-of-contents field; Word fills it in when the document is opened (updateFields)."""
        self.heading(_("Inhalt"), 1)
        paragraph = self.document.add_paragraph()
        run = paragraph.add_run()
        begin = OxmlElement("w:fldChar")
        begin.set(qn("w:fldCharType"), "begin")
        instruction = OxmlElement("w:instrText")
        instruction.set(qn("xml:space"), "preserve")
        instruction.text = 'TOC \\o "1-2" \\h \\z \\u'
        separate = OxmlElement("w:fldChar")
        separate.set(qn("w:fldCharType"), "separate")
        placeholder = OxmlElement("w:t")
        placeholder.text = _(
            "Das Inhaltsverzeichnis wird beim Öffnen aktualisiert (sonst: Rechtsklick → Feld aktualisieren)."
        )
        end = OxmlElement("w:fldChar")
        end.set(qn("w:fldCharType"), "end")
        for element in (begin, instruction, separate, placeholder, end):
            run._r.append(element)
        settings = self.document.settings.element
        update = OxmlElement("w:updateFields")
        update.set(qn("w:val"), "true")
        compat = settings.find(qn("w:compat"))
        if compat is not None:
            compat.addprevious(update)
        else:
            settings.append(update)
        self.page_break()

    def picture(self, content: bytes, caption: str) -> None:
        self.document.add_picture(io.BytesIO(content), width=Cm(14))
        self.document.add_paragraph(clean(caption), style="Caption")

    def save(self) -> bytes:
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()


def _meta(info) -> list[str]:
    return [f"{info.audience_label} · {_('Stand')}: {_date(info.today)}", info.network.name]


# The strategy ------------------------------------------------------------------------------------------------


def write_strategy(doc) -> bytes:
    info = doc.info
    writer = Writer(title=info.title, subject=info.subtitle, author=info.issuer)
    writer.header_text(info.running_title)
    writer.title(info.title, kicker=info.issuer, subtitle=info.subtitle, meta=_meta(info))
    writer.page_break()
    writer.toc()
    if doc.foreword is not None:
        writer.heading(doc.foreword.title or _("Vorwort"), 1)
        writer.text(doc.foreword.text)
        if doc.foreword.signature:
            writer.paragraph(doc.foreword.signature)
    _strategy_process(writer, doc.process)
    _strategy_assessment(writer, doc.assessment)
    _strategy_vision(writer, doc.vision)
    _strategy_fields(writer, doc.fields)
    _strategy_measures(writer, doc.measures)
    if doc.capacity is not None:
        _capacity(writer, doc.capacity)
    writer.heading(_("Anhang: Priorisierter Maßnahmenkatalog"), 1)
    _catalogue(writer, doc.catalogue)
    return writer.save()


def _strategy_process(writer: Writer, process) -> None:
    writer.heading(_("Der Prozess"), 1)
    writer.paragraph(
        _("Von %(total)s Phasen sind %(done)s abgeschlossen.")
        % {"total": len(process.phases), "done": process.phases_done}
    )
    if process.phases:
        writer.table(
            _("Phasen des Strategieprozesses"),
            [_("Phase"), _("Status"), _("Zeitraum")],
            [
                (
                    f"{number}. {phase.name}",
                    phase.status_label,
                    _period(phase.start, phase.end) + (f" ({_('geplant')})" if phase.planned and phase.start else ""),
                )
                for number, phase in enumerate(process.phases, start=1)
            ],
        )
    writer.heading(_("Durchgeführte Formate"), 2)
    if process.events:
        writer.table(
            _("Formate mit Datum, Art und Teilnahme"),
            [_("Format"), _("Datum"), _("Art"), _("Anmeldungen"), _("Teilnahmen")],
            [
                (
                    row.event.title,
                    _date(timezone.localtime(row.event.starts_at).date()),
                    row.event.get_kind_display(),
                    format_number(row.confirmed),
                    format_number(row.attended),
                )
                for row in process.events
            ],
            numeric=(3, 4),
        )
    else:
        writer.paragraph(_("Bisher wurden keine Formate durchgeführt."))
    writer.heading(_("Beteiligung der Bürger*innen"), 2)
    if process.participations:
        rows = [
            (
                row.participation.title,
                _period(row.participation.starts_on, row.participation.ends_on),
                format_number(row.ideas),
                format_number(row.comments),
                format_number(row.votes),
            )
            for row in process.participations
        ]
        rows.append(
            (
                _("Summe"),
                "",
                format_number(process.ideas_total),
                format_number(process.comments_total),
                format_number(process.votes_total),
            )
        )
        writer.table(
            _("Online-Beteiligungen mit Ideen, Kommentaren und Stimmen"),
            [_("Beteiligung"), _("Zeitraum"), _("Ideen"), _("Kommentare"), _("Stimmen")],
            rows,
            numeric=(2, 3, 4),
        )
    else:
        writer.paragraph(_("Bisher gab es keine Online-Beteiligung."))


def _one(value) -> str:
    return format_number(value, 1) if value is not None else "–"


def _strategy_assessment(writer: Writer, assessment) -> None:
    writer.heading(_("Bestandsaufnahme"), 1)
    if assessment.round is not None:
        writer.paragraph(
            _("Reifegrad-Check „%(title)s“ vom %(date)s: Reifegrad insgesamt %(overall)s von 4.")
            % {
                "title": assessment.round.title,
                "date": _date(assessment.round.conducted_on),
                "overall": _one(assessment.overall),
            }
        )
    else:
        writer.paragraph(_("Es gibt noch keinen abgeschlossenen Reifegrad-Check."))
    header = [_("Handlungsfeld"), _("Reifegrad")]
    if assessment.has_peers:
        header.append(_("Ø Netzwerk"))
    if assessment.has_size_class:
        header.append(_("Ø %(size)s") % {"size": assessment.size_class_label})
    header += [_("Bedarfe"), _("Gewicht der Bedarfe")]
    rows = []
    for row in assessment.rows:
        values = [row.field.name, _one(row.score)]
        if assessment.has_peers:
            values.append(_one(row.network))
        if assessment.has_size_class:
            values.append(_one(row.size_class))
        values += [format_number(row.needs), format_number(row.need_weight)]
        rows.append(values)
    writer.table(_("Reifegrad je Handlungsfeld (0 bis 4) und Bedarfe"), header, rows, numeric=range(1, len(header)))


def _strategy_vision(writer: Writer, vision) -> None:
    writer.heading(_("Vision"), 1)
    version = vision.version
    if version is None:
        writer.paragraph(_("Die Vision ist noch nicht formuliert."))
        return
    writer.heading(f"„{clean(version.title)}“", 2)
    if vision.is_draft:
        writer.paragraph(_("Entwurf (Fassung %(number)s), noch nicht beschlossen.") % {"number": version.number})
    else:
        state = _("Beschlossen am %(date)s (Fassung %(number)s)") % {
            "date": _date(version.adopted_on),
            "number": version.number,
        }
        if version.resolution_number:
            state += f", {_('Drucksache')} {version.resolution_number}"
        writer.paragraph(state + ".")
    writer.text(version.text)
    principles = [(field.name, text) for field, text in vision.principles if text]
    if principles:
        writer.table(_("Leitsätze je Handlungsfeld"), [_("Handlungsfeld"), _("Leitsatz")], principles, widths=(4, 13))


def _strategy_fields(writer: Writer, sections) -> None:
    writer.heading(_("Handlungsfelder, Schwerpunkte und Ziele"), 1)
    for section in sections:
        writer.heading(section.field.name, 2)
        if section.principle:
            writer.paragraph(section.principle, style="Quote")
        if not section.foci:
            writer.paragraph(_("In diesem Handlungsfeld gibt es noch keinen Schwerpunkt."))
        for block in section.foci:
            writer.heading(f"{_('Schwerpunkt')}: {block.focus.title}", 3)
            if block.focus.description:
                writer.text(block.focus.description)
            for goal_block in block.goals:
                writer.paragraph(f"{_('Ziel')}: {goal_block.goal.title}", bold=True)
                if goal_block.goal.description:
                    writer.text(goal_block.goal.description)
                for item in goal_block.indicators:
                    indicator = item.indicator
                    rows = [
                        (_("Ausgangswert"), _date(indicator.baseline_date), format_number(indicator.baseline_value, 2))
                    ]
                    rows += [
                        (_("Messwert"), _date(m.measured_on), format_number(m.value, 2)) for m in item.measurements
                    ]
                    rows.append((_("Zielwert"), _date(indicator.target_date), format_number(indicator.target_value, 2)))
                    progress = percent(item.progress) if item.progress is not None else "–"
                    writer.table(
                        _("Indikator „%(name)s“ (%(unit)s), Fortschritt %(progress)s")
                        % {"name": indicator.name, "unit": indicator.unit, "progress": progress},
                        [_("Wert"), _("Datum"), indicator.unit or _("Wert")],
                        rows,
                        numeric=(2,),
                    )


def _strategy_measures(writer: Writer, overview) -> None:
    writer.heading(_("Maßnahmen"), 1)
    writer.heading(_("Übersicht"), 2)
    if not overview.profiles:
        writer.paragraph(_("Es gibt noch keine Maßnahmen."))
        return
    writer.paragraph(
        _("%(count)s Maßnahmen, Investitionen %(investment)s, laufende Kosten %(running)s pro Jahr.")
        % {
            "count": len(overview.profiles),
            "investment": euro(overview.investment_total),
            "running": euro(overview.running_total),
        }
    )
    writer.table(
        _("Maßnahmen nach Handlungsfeld mit Status, Zeitraum und Investitionskosten"),
        [_("Maßnahme"), _("Kennung"), _("Handlungsfeld"), _("Status"), _("Zeitraum"), _("Investition")],
        [
            (
                p.measure.title,
                p.measure.reference or "–",
                p.measure.action_field.name,
                p.measure.get_status_display(),
                _period(p.measure.start_date, p.measure.end_date),
                euro(p.measure.investment_cost) or "–",
            )
            for p in overview.profiles
        ],
        numeric=(5,),
    )
    for profile in overview.profiles:
        writer.page_break()
        _profile(writer, profile)


def _capacity(writer: Writer, capacity) -> None:
    writer.heading(_("Personelle Kapazitäten"), 1)
    writer.paragraph(
        _(
            "Personalstunden der Kommune für die Smart-City-Maßnahmen im laufenden und in den nächsten Quartalen: "
            "verfügbar laut Kapazitäten, geplant laut Einsätzen auf Maßnahmen. Gesamteinschätzung: %(state)s."
        )
        % {"state": capacity.state_label}
    )
    writer.table(
        _("Verfügbare und geplante Stunden je Quartal"),
        [_("Quartal"), _("verfügbar (Std.)"), _("geplant (Std.)"), _("frei (Std.)"), _("Auslastung"), _("Stand")],
        [
            (
                load.quarter.long_label,
                format_number(load.available, 1),
                format_number(load.planned, 1),
                format_number(load.difference, 1),
                percent(load.utilisation) if load.utilisation is not None else "–",
                load.state_label,
            )
            for load in capacity.totals
        ],
        numeric=(1, 2, 3, 4),
    )
    if capacity.overloaded_total:
        writer.paragraph(
            _("%(count)s Person(en) in mindestens einem dieser Quartale überlastet.")
            % {"count": capacity.overloaded_total}
        )


def _profile(writer: Writer, profile) -> None:
    measure = profile.measure
    writer.heading(profile.heading, 2)
    if measure.summary:
        writer.paragraph(measure.summary, bold=True)
    status = measure.get_status_display()
    if profile.status_since:
        status += f" ({_('seit')} {_date(profile.status_since)})"
    facts = [
        (_("Status"), status),
        (_("Zeitraum"), _period(measure.start_date, measure.end_date, _("noch offen"))),
        (_("Handlungsfeld"), ", ".join([measure.action_field.name, *(f.name for f in profile.further_fields)])),
    ]
    if measure.focus is not None:
        facts.append((_("Handlungsschwerpunkt"), measure.focus.title))
    if profile.goals:
        facts.append((_("Ziele"), "; ".join(goal.title for goal in profile.goals)))
    facts += [
        (_("Federführung"), measure.responsible_unit or "–"),
        (_("Investitionskosten"), euro(measure.investment_cost) or "–"),
        (_("Laufende Kosten pro Jahr"), euro(measure.running_cost) or "–"),
        (_("Förderprogramm"), measure.funding_programme or "–"),
        (
            _("Förderquote"),
            f"{format_number(measure.funding_share, 2)}\u00a0%" if measure.funding_share is not None else "–",
        ),
        (
            _("Personalaufwand"),
            _("%(days)s Personentage pro Jahr") % {"days": format_number(measure.personnel_effort, 1)}
            if measure.personnel_effort is not None
            else "–",
        ),
    ]
    writer.facts(_("Eckdaten, Kosten und Ressourcen"), facts)
    if measure.description:
        writer.heading(_("Beschreibung"), 3)
        writer.text(measure.description)
    writer.table(
        _("Mehrwert je Nutzer*innengruppe, Stärke 0 (kein) bis 3 (hoch)"),
        [_("Nutzer*innengruppe"), _("Stärke"), _("Mehrwert")],
        [(row.group.name, _strength(row.strength), row.text or "–") for row in profile.benefits],
    )
    partners = [f"{i.partner.name} ({i.partner.get_kind_display()}): {i.role}" for i in profile.involvements]
    if profile.partner_municipalities:
        partners.append(f"{_('Interkommunal mit')}: " + ", ".join(town.name for town in profile.partner_municipalities))
    writer.heading(_("Partner"), 3)
    if partners:
        writer.bullets(partners)
    else:
        writer.paragraph(_("Keine Partner eingetragen."))
    if profile.milestones:
        writer.table(
            _("Meilensteine der Maßnahme"),
            [_("Meilenstein"), _("fällig am"), _("Stand")],
            [(m.title, _date(m.due_date), _("erledigt") if m.done else _("offen")) for m in profile.milestones],
        )
    if profile.dependencies:
        writer.heading(_("Hängt ab von"), 3)
        writer.bullets(profile.dependencies)
    if measure.risks:
        writer.heading(_("Risiken"), 3)
        writer.text(measure.risks)
    if profile.latest_report is not None:
        report = profile.latest_report
        writer.heading(_("Aktueller Stand"), 3)
        writer.paragraph(
            f"{report.get_traffic_light_display()} – {_('Statusbericht vom')} {_date(report.reported_on)}", bold=True
        )
        writer.text(report.text)


# The catalogue -------------------------------------------------------------------------------------------------


def _catalogue(writer: Writer, section, *, with_values: bool = False) -> None:
    if section.catalogue is None:
        writer.paragraph(
            _(
                "Es gibt noch keinen festgeschriebenen Maßnahmenkatalog. Er entsteht, wenn eine Bewertungsrunde "
                "der Priorisierung abgeschlossen wird."
            )
        )
        return
    catalogue = section.catalogue
    text = _("Maßnahmenkatalog „%(title)s“, festgeschrieben am %(date)s.") % {
        "title": catalogue.title,
        "date": _date(catalogue.frozen_on),
    }
    if section.resolution is not None:
        text += " " + _("Vom Rat beschlossen am %(date)s, Drucksache %(reference)s.") % {
            "date": _date(section.resolution.decided_on),
            "reference": section.resolution.reference,
        }
    else:
        text += " " + _("Der Ratsbeschluss steht noch aus.")
    writer.paragraph(text)
    header = [_("Rang"), _("Maßnahme"), _("Punkte"), _("Rangspanne"), _("Einschätzung")]
    if section.resolution is not None:
        header.append(_("Ratsbeschluss"))
    rows = []
    for row in section.rows:
        values = [
            str(row.rank),
            f"{row.reference} {row.title}".strip(),
            format_number(row.points, 1),
            row.range_label,
            _("stabil") if row.stable else _("unsicher"),
        ]
        if section.resolution is not None:
            values.append(_("beschlossen") if row.adopted else "–")
        rows.append(values)
    writer.table(
        _("Rangfolge der Maßnahmen mit Punktzahl (0–100), Rangspanne bei ±20 % je Gewicht und Einschätzung"),
        header,
        rows,
        numeric=(0, 2, 3),
        row_headers=False,
    )
    if not with_values:
        return
    writer.heading(_("Kriterien und Gewichte"), 1)
    writer.table(
        _("Kriterien, Richtung, Quelle der Werte und Gewicht, wie sie beim Festschreiben galten"),
        [_("Kriterium"), _("Richtung"), _("Quelle der Werte"), _("Punkte"), _("Gewicht")],
        [
            (
                column.name,
                column.direction_label,
                column.source_label,
                format_number(column.weight, 0),
                f"{format_number(column.share * 100, 1)}\u00a0%",
            )
            for column in section.columns
        ],
        numeric=(3, 4),
    )
    writer.heading(_("Werte je Kriterium"), 1)
    writer.table(
        _("Werte der Maßnahmen je Kriterium (Bewertungen: Mittelwert)"),
        [_("Rang"), _("Maßnahme"), *(column.name for column in section.columns)],
        [
            [str(row.rank), f"{row.reference} {row.title}".strip(), *(cell.text for cell in row.cells)]
            for row in section.rows
        ],
        numeric=(0, *range(2, 2 + len(section.columns))),
        row_headers=False,
    )


def write_annex(doc) -> bytes:
    info = doc.info
    writer = Writer(title=info.title, subject=info.subtitle, author=info.issuer, landscape=True)
    writer.header_text(f"{_('Anlage zur Beschlussvorlage')} · {info.issuer}")
    title = _("Priorisierter Maßnahmenkatalog")
    if info.subtitle:
        title = f"{title}: {info.subtitle}"
    writer.title(title, kicker=f"{_('Anlage zur Beschlussvorlage')} · {info.issuer}", meta=_meta(info)[:1])
    writer.heading(_("Rangfolge"), 1)
    _catalogue(writer, doc.catalogue, with_values=True)
    return writer.save()


# Event documentation -----------------------------------------------------------------------------------------


def write_event(doc) -> bytes:
    info = doc.info
    event = doc.event
    writer = Writer(title=info.title, subject=event.get_kind_display(), author=info.issuer)
    writer.header_text(info.running_title)
    writer.title(
        event.title, kicker=f"{_('Dokumentation')} · {event.get_kind_display()} · {info.issuer}", meta=_meta(info)[:1]
    )
    writer.heading(_("Eckdaten"), 1)
    facts = [(_("Wann"), event_when(event)), (_("Art"), f"{event.get_kind_display()}, {event.get_mode_display()}")]
    if event.location:
        facts.append((_("Ort"), event.location))
    facts.append((_("Gastgeber"), event.host_name))
    if doc.participating:
        facts.append((_("Beteiligte Kommunen"), ", ".join(town.name for town in doc.participating)))
    facts += [(_("Anmeldungen"), format_number(doc.confirmed)), (_("Teilnahmen"), format_number(doc.attended))]
    writer.facts(_("Eckdaten des Formats"), facts)
    if event.description:
        writer.text(event.description)
    writer.heading(_("Ablauf"), 1)
    if doc.agenda:
        writer.table(
            _("Ablauf des Formats"),
            [_("Programmpunkt"), _("Uhrzeit"), _("Hinweis")],
            [(item.title, f"{item.time:%H:%M} Uhr" if item.time else "–", item.note or "–") for item in doc.agenda],
        )
    else:
        writer.paragraph(_("Es ist kein Ablauf eingetragen."))
    writer.heading(_("Diskussionspunkte und Punktabfrage"), 1)
    if doc.topics:
        writer.table(
            _("Diskussionspunkte mit den Klebepunkten der Punktabfrage (insgesamt %(total)s)")
            % {"total": doc.dots_total},
            [_("Maßnahme oder Frage"), _("Punkte")],
            [
                (
                    topic.title + (f" ({_('Maßnahme')})" if topic.is_measure else ""),
                    format_number(topic.dots) if topic.dots is not None else _("nicht gezählt"),
                )
                for topic in doc.topics
            ],
            numeric=(1,),
        )
    else:
        writer.paragraph(_("Es gab keine Diskussionspunkte."))
    writer.heading(_("Ergebnisse"), 1)
    if doc.results:
        for result in doc.results:
            writer.paragraph(result.text, style="List Number")
            links = [
                f"{label}: {value}"
                for label, value in (
                    (_("Maßnahme"), result.measure),
                    (_("Bedarf"), result.need),
                    (_("Idee"), result.idea),
                )
                if value
            ]
            if links:
                writer.paragraph(" · ".join(links))
    else:
        writer.paragraph(_("Es sind keine Ergebnisse eingetragen."))
    writer.heading(_("Protokoll"), 1)
    if event.protocol:
        writer.text(event.protocol)
    else:
        writer.paragraph(_("Es gibt kein Protokoll."))
    if doc.photos or doc.files:
        writer.heading(_("Fotos und Dateien"), 1)
        for photo in doc.photos:
            if photo.content_type in DOCX_PHOTO_TYPES:
                writer.picture(photo.content, photo.caption or photo.name)
            else:
                writer.paragraph(f"{photo.name}{' – ' + photo.caption if photo.caption else ''}")
        if doc.files:
            writer.bullets(
                f"{file.original_name}{' – ' + file.caption if file.caption else ''} ({filesize(file.size)})"
                for file in doc.files
            )
    return writer.save()


# The network report ------------------------------------------------------------------------------------------


def write_network(doc) -> bytes:
    info = doc.info
    writer = Writer(title=info.title, subject=info.subtitle, author=info.issuer, landscape=True)
    writer.header_text(info.running_title)
    writer.title(info.title, kicker=info.issuer, subtitle=info.subtitle, meta=_meta(info)[:1])
    writer.heading(_("Fortschritt der Kommunen"), 1)
    writer.table(
        _("Kommunen mit aktueller Phase und Maßnahmen"),
        [
            _("Kommune"),
            _("aktuelle Phase"),
            _("Phasen abgeschlossen"),
            _("Maßnahmen"),
            _("beschlossen oder in Umsetzung"),
            _("abgeschlossen oder verstetigt"),
        ],
        [
            (
                row.municipality.name,
                f"{row.current_position}. {row.current_phase}" if row.current_phase else "–",
                f"{row.phases_done} / {row.phases_total}",
                format_number(row.measures),
                format_number(row.active),
                format_number(row.finished),
            )
            for row in doc.municipalities
        ],
        numeric=(2, 3, 4, 5),
    )
    writer.heading(_("Phasen je Kommune"), 1)
    writer.table(
        _("Stand jeder Phase je Kommune"),
        [_("Kommune"), *(f"{n}. {d.name}" for n, d in enumerate(doc.definitions, start=1))],
        [(row.municipality.name, *(label for _status, label in row.cells)) for row in doc.municipalities],
    )
    writer.heading(_("Maßnahmen je Handlungsfeld"), 1)
    writer.table(
        _("Maßnahmen je Handlungsfeld und Status"),
        [_("Handlungsfeld"), *(label for _value, label in doc.statuses), _("Summe")],
        [
            (row.field.name, *(format_number(count) for count in row.counts), format_number(row.total))
            for row in doc.field_rows
        ],
        numeric=range(1, len(doc.statuses) + 2),
    )
    writer.heading(_("Durchgeführte Formate"), 1)
    if doc.events:
        writer.table(
            _("Durchgeführte Formate nach Art"),
            [_("Art"), _("Anzahl"), _("Teilnahmen")],
            [(kind.label, format_number(kind.count), format_number(kind.attended)) for kind in doc.kinds],
            numeric=(1, 2),
        )
        writer.table(
            _("Alle durchgeführten Formate"),
            [_("Format"), _("Datum"), _("Gastgeber"), _("Art"), _("Teilnahmen")],
            [
                (
                    row.event.title,
                    _date(timezone.localtime(row.event.starts_at).date()),
                    row.event.host_name,
                    row.event.get_kind_display(),
                    format_number(row.attended),
                )
                for row in doc.events
            ],
            numeric=(4,),
        )
    else:
        writer.paragraph(_("Bisher wurden keine Formate durchgeführt."))
    writer.heading(_("Lessons learned"), 1)
    _lessons(writer, doc.lessons)
    return writer.save()


def _lessons(writer: Writer, lessons) -> None:
    if not lessons:
        writer.paragraph(_("Es sind noch keine Lessons learned festgehalten."))
        return
    for lesson in lessons:
        writer.heading(lesson.title, 2)
        about = [lesson.municipality.name]
        if lesson.measure is not None:
            about.append(f"{_('Maßnahme')}: {lesson.measure.title}")
        if lesson.event is not None:
            about.append(f"{_('Format')}: {lesson.event.title}")
        writer.paragraph(" · ".join(about))
        writer.text(lesson.text)


def write(spec, document) -> bytes:
    if spec.kind == PublicationKind.STRATEGY:
        return write_strategy(document)
    if spec.kind == PublicationKind.ANNEX:
        return write_annex(document)
    if spec.kind == PublicationKind.EVENT:
        return write_event(document)
    return write_network(document)
