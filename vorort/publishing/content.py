"""Reads for the documents: everything a strategy, a council annex, an event documentation or the network report
shows, gathered into plain objects that the HTML templates and the DOCX writer both use.

Callers pass a municipality, network or event already checked by the view (or named on the command line). The
number of queries does not depend on the amount of data. A document "for the public" (``public=True``) leaves
out internal measures (their titles become "nicht öffentliche Maßnahme"), internal events, status report texts
and everything else that is not meant to leave the town hall.
"""

from __future__ import annotations

import base64
import datetime
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, Lower
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from vorort.core.charts import Series, stacked_bar_chart
from vorort.events.models import Event, RegistrationStatus
from vorort.measures.models import (
    Benefit,
    Measure,
    MeasureDependency,
    MeasureMilestone,
    MeasureStatus,
    StatusChange,
    StatusReport,
)
from vorort.network.models import ActionField, Municipality, Network, UserGroup
from vorort.network.overview import vision_summary
from vorort.participation.models import Comment, Idea, Moderation, Participation, ParticipationState, Vote
from vorort.prioritisation import selectors as prioritisation_selectors
from vorort.prioritisation.models import Catalogue
from vorort.process import selectors as process_selectors
from vorort.process.models import Phase, PhaseDefinition, PhaseStatus, Process
from vorort.resources.models import Involvement
from vorort.strategy import charts as strategy_charts
from vorort.strategy import selectors as strategy_selectors
from vorort.strategy.models import Focus, Goal, Indicator, Measurement, VisionState, VisionVersion

from .charts import RoadmapItem, roadmap_charts
from .models import Foreword
from .text import clean, shorten

logger = logging.getLogger(__name__)

# Measures that are not (or no longer) part of the strategy.
LEFT_OUT_STATUSES = (MeasureStatus.REJECTED,)
ACTIVE_STATUSES = (MeasureStatus.ADOPTED, MeasureStatus.IN_PROGRESS)
FINISHED_STATUSES = (MeasureStatus.DONE, MeasureStatus.SUSTAINED)
# Photos of an event documentation embedded in its document: at most this many, each at most this large.
MAX_PHOTOS = 12
MAX_PHOTO_BYTES = 6 * 1024 * 1024
PHOTO_TYPES = {"image/jpeg", "image/png", "image/webp"}
RUNNING_CHARS = 70
TOC_CHARS = 110
LONG_TITLE = 160


def internal_title() -> str:
    return _("nicht öffentliche Maßnahme")


@dataclass
class TocEntry:
    anchor: str
    text: str
    children: list[TocEntry] = field(default_factory=list)


@dataclass
class DocumentInfo:
    """What every document carries: title, subtitle, who it is about, the date, and the table of contents."""

    title: str
    subtitle: str
    issuer: str
    network: Network
    municipality: Municipality | None
    today: datetime.date
    public: bool
    toc: list[TocEntry] = field(default_factory=list)

    @property
    def running_title(self) -> str:
        return shorten(self.title, RUNNING_CHARS)

    @property
    def audience_label(self) -> str:
        return _("Fassung für die Öffentlichkeit") if self.public else _("Interne Fassung")

    def add(self, anchor: str, text: str, level: int = 1) -> str:
        """A table-of-contents entry; level 2 goes under the last level-1 entry."""
        entry = TocEntry(anchor=anchor, text=shorten(text, TOC_CHARS))
        if level == 2 and self.toc:
            self.toc[-1].children.append(entry)
        else:
            self.toc.append(entry)
        return anchor

    @property
    def toc_flat(self) -> list[tuple[int, TocEntry]]:
        return [(level, item) for entry in self.toc for level, item in [(1, entry)] + [(2, c) for c in entry.children]]


# The process ------------------------------------------------------------------------------------------------


@dataclass
class PhaseRow:
    name: str
    description: str
    status: str
    status_label: str
    start: datetime.date | None
    end: datetime.date | None
    planned: bool  # the dates are planned ones (nothing actual recorded yet)


@dataclass
class EventRow:
    event: Event
    confirmed: int
    attended: int


@dataclass
class ParticipationRow:
    participation: Participation
    ideas: int
    comments: int
    votes: int


@dataclass
class ProcessSection:
    title: str
    phases: list[PhaseRow]
    events: list[EventRow]
    participations: list[ParticipationRow]

    @property
    def phases_done(self) -> int:
        return sum(1 for phase in self.phases if phase.status == PhaseStatus.DONE)

    @property
    def attended_total(self) -> int:
        return sum(row.attended for row in self.events)

    @property
    def confirmed_total(self) -> int:
        return sum(row.confirmed for row in self.events)

    @property
    def ideas_total(self) -> int:
        return sum(row.ideas for row in self.participations)

    @property
    def comments_total(self) -> int:
        return sum(row.comments for row in self.participations)

    @property
    def votes_total(self) -> int:
        return sum(row.votes for row in self.participations)


def _phase_rows(phases) -> list[PhaseRow]:
    rows = []
    for phase in phases:
        actual = phase.actual_start is not None or phase.actual_end is not None
        rows.append(
            PhaseRow(
                name=phase.definition.name,
                description=phase.definition.description,
                status=phase.status,
                status_label=phase.get_status_display(),
                start=phase.actual_start if actual else phase.planned_start,
                end=phase.actual_end if actual else phase.planned_end,
                planned=not actual,
            )
        )
    return rows


def _held_events(events: QuerySet[Event], *, public: bool, now: datetime.datetime) -> list[EventRow]:
    """Past events with their confirmed registrations and attendance: one query."""
    events = events.filter(ends_at__lt=now)
    if public:
        events = events.filter(is_public=True)
    events = (
        events.select_related("municipality", "network")
        .annotate(
            confirmed=Count("registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED)),
            attended=Count("registrations", filter=Q(registrations__attended=True)),
        )
        .order_by("starts_at", "id")
    )
    return [EventRow(event=event, confirmed=event.confirmed, attended=event.attended) for event in events]


def _count(queryset: QuerySet, link: str) -> Coalesce:
    counted = queryset.filter(**{link: OuterRef("pk")}).order_by().values(link).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def _participations(municipality) -> list[ParticipationRow]:
    """Participations that went public, with ideas, comments (not hidden by moderation) and votes: one query."""
    rows = (
        Participation.objects.filter(municipality=municipality)
        .exclude(state=ParticipationState.DRAFT)
        .annotate(
            idea_total=_count(Idea.objects.exclude(moderation=Moderation.HIDDEN), "participation"),
            comment_total=_count(Comment.objects.exclude(moderation=Moderation.HIDDEN), "participation"),
            vote_total=_count(Vote.objects.all(), "participation"),
        )
        .order_by("starts_on", "id")
    )
    return [ParticipationRow(p, p.idea_total, p.comment_total, p.vote_total) for p in rows]


def municipality_events(municipality) -> QuerySet[Event]:
    """The municipality's own events and the network events it took part in."""
    takes_part = Event.participating_municipalities.through.objects.filter(
        event_id=OuterRef("pk"), municipality_id=municipality.pk
    )
    return Event.objects.filter(
        Q(municipality=municipality)
        | (Q(municipality__isnull=True, network_id=municipality.network_id) & Exists(takes_part))
    )


def process_section(municipality, *, public: bool, now: datetime.datetime) -> ProcessSection:
    process = (
        Process.objects.filter(municipality=municipality)
        .prefetch_related(Prefetch("phases", queryset=Phase.objects.select_related("definition")))
        .first()
    )
    phases = list(process.phases.all()) if process is not None else []
    return ProcessSection(
        title=process.title if process is not None else _("Smart-City-Strategieprozess"),
        phases=_phase_rows(phases),
        events=_held_events(municipality_events(municipality), public=public, now=now),
        participations=_participations(municipality),
    )


# Status analysis --------------------------------------------------------------------------------------------


@dataclass
class AssessmentRow:
    field: ActionField
    score: Decimal | None
    network: Decimal | None
    size_class: Decimal | None
    needs: int
    need_weight: int


@dataclass
class AssessmentSection:
    round: object | None
    overall: Decimal | None
    rows: list[AssessmentRow]
    radar: SafeString | None
    size_class_label: str

    @property
    def has_peers(self) -> bool:
        return any(row.network is not None for row in self.rows)

    @property
    def has_size_class(self) -> bool:
        return any(row.size_class is not None for row in self.rows)


def assessment_section(municipality, fields: list[ActionField]) -> AssessmentSection:
    latest = strategy_selectors.latest_completed_round(municipality)
    needs = {total.action_field.pk: total for total in strategy_selectors.need_totals(municipality, fields)}
    if latest is None:
        rows = [AssessmentRow(f, None, None, None, needs[f.pk].count, needs[f.pk].weight) for f in fields]
        return AssessmentSection(None, None, rows, None, municipality.size_class_label)
    means = strategy_selectors.field_means([latest.pk]).get(latest.pk, {})
    peers = strategy_selectors.peer_averages(municipality)
    rows = [
        AssessmentRow(
            field=f,
            score=strategy_selectors.rounded(means[f.pk]) if f.pk in means else None,
            network=peers.network.get(f.pk),
            size_class=peers.size_class.get(f.pk),
            needs=needs[f.pk].count,
            need_weight=needs[f.pk].weight,
        )
        for f in fields
    ]
    chart_rows = [{"field": r.field, "score": r.score, "network": r.network, "size_class": r.size_class} for r in rows]
    return AssessmentSection(
        round=latest,
        overall=strategy_selectors.overall_score(means),
        rows=rows,
        radar=strategy_charts.round_radar(municipality, latest, chart_rows, peers),
        size_class_label=peers.size_class_label,
    )


# Vision, foci, goals, indicators ------------------------------------------------------------------------------


@dataclass
class VisionSection:
    version: VisionVersion | None
    principles: list[tuple[ActionField, str]]

    @property
    def is_draft(self) -> bool:
        return self.version is not None and self.version.state == VisionState.DRAFT


def vision_section(municipality, fields: list[ActionField]) -> VisionSection:
    """The vision in force; without one, the newest draft (the document says it is a draft)."""
    summary = vision_summary(municipality)
    version = summary.adopted or summary.latest
    if version is not None:
        version = VisionVersion.objects.prefetch_related("principles").get(pk=version.pk)
    return VisionSection(version=version, principles=strategy_selectors.principles_by_field(version, fields))


@dataclass
class IndicatorBlock:
    indicator: Indicator
    measurements: list[Measurement]
    progress: int | None
    chart: SafeString

    @property
    def latest(self) -> Measurement | None:
        return self.measurements[-1] if self.measurements else None


@dataclass
class GoalBlock:
    goal: Goal
    indicators: list[IndicatorBlock]


@dataclass
class FocusBlock:
    focus: Focus
    goals: list[GoalBlock]


@dataclass
class FieldSection:
    field: ActionField
    anchor: str
    principle: str
    foci: list[FocusBlock]
    measure_count: int


def field_sections(
    municipality, fields: list[ActionField], principles: dict[int, str], measure_counts: dict[int, int]
) -> list[FieldSection]:
    """Each action field with its guiding principle and its foci, goals and indicators (with every measurement
    and a chart): four queries."""
    goals = Goal.objects.order_by("order", "id").prefetch_related(
        Prefetch("indicators", queryset=Indicator.objects.order_by("name", "id"))
    )
    foci = list(
        Focus.objects.filter(municipality=municipality)
        .prefetch_related(Prefetch("goals", queryset=goals))
        .order_by("order", Lower("title"), "id")
    )
    measurements: dict[int, list[Measurement]] = defaultdict(list)
    for measurement in Measurement.objects.filter(indicator__municipality=municipality).order_by(
        "indicator_id", "measured_on", "id"
    ):
        measurements[measurement.indicator_id].append(measurement)
    by_field: dict[int, list[FocusBlock]] = defaultdict(list)
    for focus in foci:
        blocks = []
        for goal in focus.goals.all():
            indicators = []
            for indicator in goal.indicators.all():
                values = measurements.get(indicator.pk, [])
                indicators.append(
                    IndicatorBlock(
                        indicator=indicator,
                        measurements=values,
                        progress=indicator.progress_for(values[-1].value) if values else None,
                        chart=strategy_charts.indicator_chart(indicator, values),
                    )
                )
            blocks.append(GoalBlock(goal=goal, indicators=indicators))
        by_field[focus.action_field_id].append(FocusBlock(focus=focus, goals=blocks))
    return [
        FieldSection(
            field=f,
            anchor=f"feld-{f.slug}",
            principle=principles.get(f.pk, ""),
            foci=by_field.get(f.pk, []),
            measure_count=measure_counts.get(f.pk, 0),
        )
        for f in fields
    ]


# Measures ----------------------------------------------------------------------------------------------------


@dataclass
class BenefitRow:
    group: UserGroup
    strength: int
    text: str


@dataclass
class MeasureProfile:
    """Everything a Steckbrief shows about one measure."""

    measure: Measure
    anchor: str
    benefits: list[BenefitRow]
    goals: list[Goal]
    further_fields: list[ActionField]
    partner_municipalities: list[Municipality]
    involvements: list[Involvement]
    milestones: list[MeasureMilestone]
    dependencies: list[str]
    status_since: datetime.date | None
    latest_report: StatusReport | None

    @property
    def title(self) -> str:
        return self.measure.title

    @property
    def heading(self) -> str:
        reference = self.measure.reference
        return f"{reference} {self.measure.title}" if reference else self.measure.title

    @property
    def running(self) -> str:
        return shorten(self.heading, RUNNING_CHARS)

    @property
    def long_title(self) -> bool:
        """A title too long for the large heading (only possible past the form's limit) is set smaller."""
        return len(self.measure.title) > LONG_TITLE

    @property
    def benefit_total(self) -> int:
        return sum(row.strength for row in self.benefits)

    @property
    def funded_amount(self) -> Decimal | None:
        measure = self.measure
        if measure.investment_cost is None or measure.funding_share is None:
            return None
        return (measure.investment_cost * measure.funding_share / 100).quantize(Decimal("0.01"))


def strategy_measures(municipality, *, public: bool) -> QuerySet[Measure]:
    """The measures of the strategy in document order: by action field, then title."""
    measures = Measure.objects.filter(municipality=municipality).exclude(status__in=LEFT_OUT_STATUSES)
    if public:
        measures = measures.filter(is_public=True)
    return measures.order_by("action_field__order", "action_field__name", Lower("title"), "id")


def measure_profiles(municipality, groups: list[UserGroup], *, public: bool) -> list[MeasureProfile]:
    """One profile per measure of the strategy, in document order: eleven queries for any number of measures."""
    queryset = (
        strategy_measures(municipality, public=public)
        .select_related("action_field", "focus")
        .prefetch_related(
            Prefetch("further_action_fields", queryset=ActionField.objects.order_by("order", "name")),
            Prefetch("goals", queryset=Goal.objects.order_by("order", "id")),
            Prefetch("partner_municipalities", queryset=Municipality.objects.order_by("name")),
            Prefetch("benefits", queryset=Benefit.objects.all()),
            Prefetch("milestones", queryset=MeasureMilestone.objects.order_by("due_date", "id")),
            Prefetch("involvements", queryset=Involvement.objects.select_related("partner").order_by("partner__name")),
            Prefetch(
                "dependency_links",
                queryset=MeasureDependency.objects.select_related("depends_on").order_by("depends_on__title"),
            ),
            Prefetch("status_changes", queryset=StatusChange.objects.order_by("-changed_on", "-id")),
        )
    )
    latest_reports: dict[int, StatusReport] = {}
    if not public:
        newest = StatusReport.objects.filter(measure=OuterRef("measure_id")).order_by("-reported_on", "-id")
        for report in StatusReport.objects.filter(measure__municipality=municipality).filter(
            pk=Subquery(newest.values("pk")[:1])
        ):
            latest_reports[report.measure_id] = report
    profiles = []
    for measure in queryset:
        stored = {benefit.user_group_id: benefit for benefit in measure.benefits.all()}
        benefits = []
        for group in groups:
            benefit = stored.get(group.pk)
            benefits.append(BenefitRow(group, benefit.strength if benefit else 0, benefit.text if benefit else ""))
        dependencies = [
            link.depends_on.title if (link.depends_on.is_public or not public) else internal_title()
            for link in measure.dependency_links.all()
        ]
        changes = [c for c in measure.status_changes.all() if c.to_status == measure.status]
        profiles.append(
            MeasureProfile(
                measure=measure,
                anchor=f"massnahme-{measure.pk}",
                benefits=benefits,
                goals=list(measure.goals.all()),
                further_fields=list(measure.further_action_fields.all()),
                partner_municipalities=list(measure.partner_municipalities.all()),
                involvements=list(measure.involvements.all()),
                milestones=list(measure.milestones.all()),
                dependencies=dependencies,
                status_since=changes[0].changed_on if changes else None,
                latest_report=latest_reports.get(measure.pk),
            )
        )
    return profiles


@dataclass
class MeasureOverview:
    profiles: list[MeasureProfile]
    roadmap: list[SafeString]
    undated: list[MeasureProfile]

    @property
    def investment_total(self) -> Decimal:
        return sum((p.measure.investment_cost or Decimal(0) for p in self.profiles), Decimal(0))

    @property
    def running_total(self) -> Decimal:
        return sum((p.measure.running_cost or Decimal(0) for p in self.profiles), Decimal(0))

    @property
    def status_counts(self) -> list[tuple[str, int]]:
        counted: dict[str, int] = defaultdict(int)
        for profile in self.profiles:
            counted[profile.measure.status] += 1
        return [(str(label), counted[value]) for value, label in MeasureStatus.choices if counted[value]]


def measure_overview(profiles: list[MeasureProfile], today: datetime.date) -> MeasureOverview:
    items = [
        RoadmapItem(
            label=p.heading,
            start=p.measure.start_date,
            end=p.measure.end_date,
            group=p.measure.action_field.name,
            colour=p.measure.action_field.colour,
            status=p.measure.get_status_display(),
        )
        for p in profiles
    ]
    return MeasureOverview(
        profiles=profiles,
        roadmap=roadmap_charts(items, today=today),
        undated=[p for p in profiles if p.measure.start_date is None and p.measure.end_date is None],
    )


# The ranked catalogue ----------------------------------------------------------------------------------------


@dataclass
class CatalogueRow:
    rank: int
    reference: str
    title: str
    field: str
    points: float
    range_label: str
    stable: bool
    adopted: bool
    cells: list
    hidden: bool = False


@dataclass
class CatalogueSection:
    catalogue: Catalogue | None
    columns: list
    rows: list[CatalogueRow]
    resolution: object | None

    @property
    def stable_count(self) -> int:
        return sum(1 for row in self.rows if row.stable)


def catalogue_section(municipality, *, public: bool) -> CatalogueSection:
    """The latest frozen catalogue as stored (ranks, points, values per criterion): four queries."""
    catalogue = prioritisation_selectors.catalogues_of(municipality).first()
    if catalogue is None:
        return CatalogueSection(None, [], [], None)
    ranking = prioritisation_selectors.catalogue_ranking(catalogue)
    measure_ids = [row.measure_id for row in ranking.rows if row.measure_id is not None]
    measures = {
        m.pk: m
        for m in Measure.objects.filter(pk__in=measure_ids, municipality=municipality).select_related("action_field")
    }
    rows = []
    for row in ranking.rows:
        measure = measures.get(row.measure_id)
        hidden = public and (measure is None or not measure.is_public)
        rows.append(
            CatalogueRow(
                rank=row.rank,
                reference="" if hidden else row.reference,
                title=internal_title() if hidden else row.title,
                field=measure.action_field.name if measure is not None else "",
                points=row.points,
                range_label=row.range_label,
                stable=row.stable,
                adopted=row.adopted,
                cells=row.cells,
                hidden=hidden,
            )
        )
    return CatalogueSection(
        catalogue=catalogue,
        columns=ranking.columns,
        rows=rows,
        resolution=prioritisation_selectors.resolution_of(catalogue),
    )


# Capacity ----------------------------------------------------------------------------------------------------


def capacity_section(municipality):
    """The personnel capacity summary of vorort.resources, if that app offers one (else None: no section)."""
    try:
        from vorort.resources import selectors as resource_selectors
    except ImportError:
        return None
    summary = getattr(resource_selectors, "capacity_summary", None)
    if summary is None:
        return None
    return summary(municipality)


# The strategy ------------------------------------------------------------------------------------------------


@dataclass
class StrategyDocument:
    info: DocumentInfo
    foreword: Foreword | None
    process: ProcessSection
    assessment: AssessmentSection
    vision: VisionSection
    fields: list[FieldSection]
    measures: MeasureOverview
    groups: list[UserGroup]
    capacity: object | None
    catalogue: CatalogueSection

    @property
    def expected_pages(self) -> int:
        """A rough page count, for the progress shown while the PDF is laid out."""
        indicators = sum(len(g.indicators) for f in self.fields for b in f.foci for g in b.goals)
        return 10 + len(self.fields) + indicators // 2 + len(self.measures.profiles) * 1 + len(self.measures.roadmap)


def strategy_document(municipality, *, public: bool, today: datetime.date | None = None) -> StrategyDocument:
    today = today or timezone.localdate()
    now = timezone.now()
    fields = strategy_selectors.action_fields_for(municipality)
    groups = list(UserGroup.objects.filter(network_id=municipality.network_id).order_by("order", "name"))
    foreword = Foreword.objects.filter(municipality=municipality).first()
    vision = vision_section(municipality, fields)
    profiles = measure_profiles(municipality, groups, public=public)
    counts: dict[int, int] = defaultdict(int)
    for profile in profiles:
        counts[profile.measure.action_field_id] += 1
    principles = {f.pk: text for f, text in vision.principles}
    subtitle = vision.version.title if vision.version is not None else ""
    info = DocumentInfo(
        title=_("Smart-City-Strategie %(name)s") % {"name": municipality.name},
        subtitle=clean(subtitle),
        issuer=municipality.name,
        network=municipality.network,
        municipality=municipality,
        today=today,
        public=public,
    )
    document = StrategyDocument(
        info=info,
        foreword=foreword if foreword is not None and foreword.text.strip() else None,
        process=process_section(municipality, public=public, now=now),
        assessment=assessment_section(municipality, fields),
        vision=vision,
        fields=field_sections(municipality, fields, principles, counts),
        measures=measure_overview(profiles, today),
        groups=groups,
        capacity=None if public else capacity_section(municipality),
        catalogue=catalogue_section(municipality, public=public),
    )
    if document.foreword is not None:
        info.add("vorwort", document.foreword.title or _("Vorwort"))
    info.add("prozess", _("Der Prozess"))
    info.add("bestandsaufnahme", _("Bestandsaufnahme"))
    info.add("vision", _("Vision"))
    info.add("schwerpunkte", _("Handlungsfelder, Schwerpunkte und Ziele"))
    for section in document.fields:
        info.add(section.anchor, section.field.name, level=2)
    info.add("massnahmen", _("Maßnahmen"))
    info.add("massnahmen-uebersicht", _("Übersicht"), level=2)
    if document.measures.roadmap:
        info.add("fahrplan", _("Fahrplan"), level=2)
    for profile in profiles:
        info.add(profile.anchor, profile.heading, level=2)
    if document.capacity is not None:
        info.add("kapazitaet", _("Personelle Kapazitäten"))
    info.add("anhang", _("Anhang: Priorisierter Maßnahmenkatalog"))
    return document


# The council annex -------------------------------------------------------------------------------------------


@dataclass
class AnnexDocument:
    info: DocumentInfo
    catalogue: CatalogueSection

    @property
    def expected_pages(self) -> int:
        return 2 + len(self.catalogue.rows) // 12


def annex_document(municipality, *, public: bool, today: datetime.date | None = None) -> AnnexDocument:
    today = today or timezone.localdate()
    catalogue = catalogue_section(municipality, public=public)
    subtitle = catalogue.catalogue.title if catalogue.catalogue is not None else ""
    info = DocumentInfo(
        title=_("Anlage zur Beschlussvorlage: Priorisierter Maßnahmenkatalog"),
        subtitle=clean(subtitle),
        issuer=municipality.name,
        network=municipality.network,
        municipality=municipality,
        today=today,
        public=public,
    )
    info.add("rangfolge", _("Rangfolge"))
    info.add("kriterien", _("Kriterien und Gewichte"))
    info.add("werte", _("Werte je Kriterium"))
    return AnnexDocument(info=info, catalogue=catalogue)


# Event documentation -----------------------------------------------------------------------------------------


@dataclass
class Photo:
    data_uri: str
    content: bytes
    content_type: str
    caption: str
    name: str


@dataclass
class ResultRow:
    text: str
    measure: str
    need: str
    idea: str


@dataclass
class TopicRow:
    title: str
    is_measure: bool
    description: str
    dots: int | None


@dataclass
class EventDocument:
    info: DocumentInfo
    event: Event
    participating: list[Municipality]
    agenda: list
    topics: list[TopicRow]
    results: list[ResultRow]
    photos: list[Photo]
    files: list
    confirmed: int
    attended: int
    waiting: int

    @property
    def dots_total(self) -> int:
        return sum(topic.dots or 0 for topic in self.topics)

    @property
    def expected_pages(self) -> int:
        return 3 + len(self.photos) // 2 + len(self.results) // 10


def _photo(document) -> Photo | None:
    from vorort.core.uploads import open_stored

    if document.content_type not in PHOTO_TYPES or document.size > MAX_PHOTO_BYTES:
        return None
    try:
        with open_stored(document.file.name) as handle:
            content = handle.read(MAX_PHOTO_BYTES + 1)
    except OSError:
        logger.warning("Photo %s of event %s is missing", document.pk, document.event_id)
        return None
    if len(content) > MAX_PHOTO_BYTES:
        return None
    encoded = base64.b64encode(content).decode("ascii")
    return Photo(
        data_uri=f"data:{document.content_type};base64,{encoded}",
        content=content,
        content_type=document.content_type,
        caption=document.caption,
        name=document.original_name,
    )


def event_document(event: Event, *, public: bool, today: datetime.date | None = None) -> EventDocument:
    """The documentation of one event: facts, agenda, dot-vote, results, protocol, photos and files."""
    from vorort.events import selectors as event_selectors

    today = today or timezone.localdate()
    counts = event.registrations.aggregate(
        confirmed=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
        waiting=Count("pk", filter=Q(status=RegistrationStatus.WAITING)),
        attended=Count("pk", filter=Q(attended=True)),
    )
    topics = []
    for topic in event_selectors.topics_of(event):
        hidden = public and topic.measure_id is not None and not topic.measure.is_public
        result = getattr(topic, "result", None)
        topics.append(
            TopicRow(
                title=internal_title() if hidden else topic.display_title,
                is_measure=topic.measure_id is not None,
                description="" if hidden else topic.description,
                dots=result.dots if result is not None else None,
            )
        )
    results = []
    for result in event_selectors.results_of(event):
        measure = need = idea = ""
        if result.measure_id is not None:
            visible = not public or result.measure.is_public
            measure = result.measure.title if visible else internal_title()
            if result.measure.municipality_id != event.municipality_id:
                measure = f"{measure} ({result.measure.municipality.name})"
        if result.need_id is not None:
            need = _("interner Bedarf") if public else result.need.title
        if result.idea_id is not None:
            idea_obj = result.idea
            visible = idea_obj.moderation != Moderation.HIDDEN
            shown = not public or (visible and idea_obj.participation.state != ParticipationState.DRAFT)
            idea = result.idea.title if shown else _("Idee aus der Beteiligung")
        results.append(ResultRow(text=result.text, measure=measure, need=need, idea=idea))
    documents = list(event_selectors.documents_of(event))
    photos = []
    files = []
    for document in documents:
        photo = _photo(document) if document.is_image and len(photos) < MAX_PHOTOS else None
        if photo is not None:
            photos.append(photo)
        else:
            files.append(document)
    info = DocumentInfo(
        title=_("Dokumentation: %(title)s") % {"title": event.title},
        subtitle=event.get_kind_display(),
        issuer=event.host_name,
        network=event.network,
        municipality=event.municipality,
        today=today,
        public=public,
    )
    info.add("eckdaten", _("Eckdaten"))
    info.add("ablauf", _("Ablauf"))
    info.add("punktabfrage", _("Diskussionspunkte und Punktabfrage"))
    info.add("ergebnisse", _("Ergebnisse"))
    info.add("protokoll", _("Protokoll"))
    if photos or files:
        info.add("fotos", _("Fotos und Dateien"))
    return EventDocument(
        info=info,
        event=event,
        participating=list(event.participating_municipalities.order_by("name")),
        agenda=list(event_selectors.agenda_of(event)),
        topics=topics,
        results=results,
        photos=photos,
        files=files,
        confirmed=counts["confirmed"],
        attended=counts["attended"],
        waiting=counts["waiting"],
    )


# The network report ------------------------------------------------------------------------------------------


@dataclass
class MunicipalityRow:
    municipality: Municipality
    current_phase: str
    current_position: int
    phases_done: int
    phases_running: int
    phases_total: int
    measures: int
    active: int
    finished: int
    cells: list[tuple[str, str]]  # (status value, label) per phase definition


@dataclass
class FieldStatusRow:
    field: ActionField
    counts: list[int]

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass
class KindRow:
    label: str
    count: int
    attended: int


@dataclass
class NetworkDocument:
    info: DocumentInfo
    definitions: list[PhaseDefinition]
    municipalities: list[MunicipalityRow]
    phase_chart: SafeString
    statuses: list[tuple[str, str]]
    field_rows: list[FieldStatusRow]
    field_chart: SafeString
    kinds: list[KindRow]
    events: list[EventRow]
    lessons: list

    @property
    def measures_total(self) -> int:
        return sum(row.total for row in self.field_rows)

    @property
    def expected_pages(self) -> int:
        return 6 + len(self.municipalities) // 8 + len(self.events) // 25 + len(self.lessons) // 4


def lessons_of(network, *, public: bool) -> list:
    """Lessons learned of the network's municipalities (vorort.portal); for the public only what the portal
    publishes."""
    from vorort.portal import selectors as portal_selectors  # the portal imports publishing: import late
    from vorort.portal.models import Lesson

    lessons = portal_selectors.published_lessons() if public else Lesson.objects.all()
    return list(
        lessons.filter(municipality__network=network)
        .select_related("municipality", "measure", "event")
        .order_by("municipality__name", "-created_at", "-id")
    )


def network_document(network: Network, *, public: bool, today: datetime.date | None = None) -> NetworkDocument:
    """All municipalities' progress and phases, measures per action field, formats held, lessons learned."""
    today = today or timezone.localdate()
    now = timezone.now()
    municipalities = list(Municipality.objects.filter(network=network).order_by("name"))
    overview = process_selectors.phase_overview(municipalities)
    statuses = list(MeasureStatus.choices)
    counted: dict[tuple[int, str], int] = defaultdict(int)
    by_field: dict[tuple[int, str], int] = defaultdict(int)
    for municipality_id, field_id, status, number in (
        Measure.objects.filter(municipality__network=network)
        .order_by()
        .values_list("municipality_id", "action_field_id", "status")
        .annotate(n=Count("id"))
    ):
        counted[(municipality_id, status)] += number
        by_field[(field_id, status)] += number
    rows = []
    for row in overview.rows:
        phases = [cell.phase for cell in row.cells if cell.phase is not None]
        current = row.current
        mid = row.municipality.pk
        rows.append(
            MunicipalityRow(
                municipality=row.municipality,
                current_phase=current.definition.name if current is not None else "",
                current_position=phases.index(current) + 1 if current in phases else 0,
                phases_done=sum(1 for p in phases if p.status == PhaseStatus.DONE),
                phases_running=sum(1 for p in phases if p.status == PhaseStatus.RUNNING),
                phases_total=len(phases),
                measures=sum(counted[(mid, value)] for value, _label in statuses),
                active=sum(counted[(mid, value)] for value in ACTIVE_STATUSES),
                finished=sum(counted[(mid, value)] for value in FINISHED_STATUSES),
                cells=[
                    (cell.phase.status, cell.phase.get_status_display()) if cell.phase is not None else ("", "–")
                    for cell in row.cells
                ],
            )
        )
    phase_chart = stacked_bar_chart(
        [row.municipality.name for row in rows],
        [
            Series(_("abgeschlossen"), [row.phases_done for row in rows], "#1e6b34"),
            Series(_("laufend"), [row.phases_running for row in rows], "#0b4f71"),
            Series(_("offen"), [row.phases_total - row.phases_done - row.phases_running for row in rows], "#9aa5b1"),
        ],
        title=_("Phasen je Kommune"),
        description=_("Anzahl der abgeschlossenen, laufenden und offenen Phasen des Strategieprozesses je Kommune."),
        unit=_("Phasen"),
        chart_id="network-phases",
    )
    fields = list(ActionField.objects.filter(network=network).order_by("order", "name"))
    field_rows = [FieldStatusRow(f, [by_field[(f.pk, value)] for value, _label in statuses]) for f in fields]
    used = [index for index, (value, _label) in enumerate(statuses) if any(r.counts[index] for r in field_rows)]
    field_chart = stacked_bar_chart(
        [f.name for f in fields],
        [Series(str(statuses[i][1]), [r.counts[i] for r in field_rows]) for i in used],
        title=_("Maßnahmen je Handlungsfeld und Status"),
        description=_("Maßnahmen aller Kommunen des Netzwerks je Handlungsfeld (Haupt-Handlungsfeld), nach Status."),
        unit=_("Maßnahmen"),
        chart_id="network-fields",
    )
    events = _held_events(Event.objects.filter(network=network), public=public, now=now)
    kinds: dict[str, KindRow] = {}
    for row in events:
        label = row.event.get_kind_display()
        kind = kinds.setdefault(label, KindRow(label=label, count=0, attended=0))
        kind.count += 1
        kind.attended += row.attended
    info = DocumentInfo(
        title=_("Netzwerkbericht %(name)s") % {"name": network.name},
        subtitle=network.programme,
        issuer=network.name,
        network=network,
        municipality=None,
        today=today,
        public=public,
    )
    lessons = lessons_of(network, public=public)
    info.add("fortschritt", _("Fortschritt der Kommunen"))
    info.add("phasen", _("Phasen je Kommune"))
    info.add("massnahmen", _("Maßnahmen je Handlungsfeld"))
    info.add("formate", _("Durchgeführte Formate"))
    info.add("lessons", _("Lessons learned"))
    return NetworkDocument(
        info=info,
        definitions=overview.definitions,
        municipalities=rows,
        phase_chart=phase_chart,
        statuses=[(value, str(label)) for value, label in statuses],
        field_rows=field_rows,
        field_chart=field_chart,
        kinds=sorted(kinds.values(), key=lambda kind: (-kind.count, kind.label)),
        events=events,
        lessons=lessons,
    )
