"""Strategy content of the demo network: assessment rounds, needs, visions, foci, goals, indicators and measures.

`seed_strategy` fills every demo town that has no strategy content yet, from the catalogue in `demo_catalogue`
and the town profiles in `demo_profiles`. Rounds, needs, visions, foci, goals, indicators and partners are written
through the apps' services with actor=None ("System"). Measures with their parts (status history, benefits,
partners, milestones, reports) and the measurements are many, so they are validated field by field, inserted in
bulk and audited entry by entry with `audit_record` / `audit_changes` in the shape the services record – the
audit trail shows every seeded object. Choices are made by `random.Random` seeded with the town's slug and all
dates derive from the town's process schedule (nothing lies after the start of the running phase), so the
content is the same on every run; a town that already has strategy content is left alone (running the seed
twice changes nothing).
"""

from __future__ import annotations

import datetime
import random
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.utils.translation import gettext

from vorort.accounts.models import User
from vorort.core.audit import audit_changes, audit_record
from vorort.core.models import AuditAction
from vorort.measures.models import (
    Benefit,
    Measure,
    MeasureMilestone,
    MeasureStatus,
    Origin,
    StatusChange,
    StatusReport,
    TrafficLight,
)
from vorort.measures.services import _benefit_lines, audit_measure_part, dependency_add
from vorort.process.models import Phase, PhaseStatus
from vorort.resources.models import Involvement, Partner, PartnerType
from vorort.resources.services import partner_create
from vorort.strategy.models import AssessmentQuestion, Focus, Goal, Measurement, Need
from vorort.strategy.services import (
    focus_create,
    goal_create,
    indicator_create,
    need_create,
    round_answers_save,
    round_complete,
    round_create,
    vision_adopt,
    vision_create,
    vision_new_version,
    vision_update,
)

from .demo_catalogue import (
    FOCI_BY_KEY,
    FUNDING,
    GROUPS,
    LARGE,
    MEASURES,
    MEDIUM,
    NEEDS,
    SMALL,
    FocusTemplate,
    MeasureTemplate,
    NeedTemplate,
)
from .demo_profiles import PROFILES, TownProfile
from .models import ActionField, Municipality, Network, UserGroup

DAY = datetime.timedelta(days=1)
LATEST_END = datetime.date(2028, 12, 31)

# At most this many measures per town are adopted from towns further along.
MAX_ADOPTED = 3
# How many measures a town gets, by size.
MEASURE_COUNTS = {SMALL: (16, 22), MEDIUM: (20, 30), LARGE: (28, 38)}

S = MeasureStatus
# The usual path of a measure; deferred and rejected measures leave it after "Idee" or "Geplant".
PATH = [S.IDEA, S.PLANNED, S.ADOPTED, S.IN_PROGRESS, S.DONE, S.SUSTAINED]
RANK = {status: index for index, status in enumerate(PATH)} | {S.DEFERRED: 0, S.REJECTED: -1}
# Status mix by the town's running phase: later phases have more adopted, running and finished measures.
STATUS_WEIGHTS = {
    3: {S.IDEA: 72, S.PLANNED: 18, S.IN_PROGRESS: 4, S.DEFERRED: 4, S.REJECTED: 2},
    4: {S.IDEA: 50, S.PLANNED: 34, S.ADOPTED: 4, S.IN_PROGRESS: 6, S.DEFERRED: 4, S.REJECTED: 2},
    5: {S.IDEA: 25, S.PLANNED: 45, S.ADOPTED: 10, S.IN_PROGRESS: 10, S.DEFERRED: 6, S.REJECTED: 4},
    6: {S.IDEA: 10, S.PLANNED: 50, S.ADOPTED: 15, S.IN_PROGRESS: 14, S.DONE: 3, S.DEFERRED: 5, S.REJECTED: 3},
    7: {S.IDEA: 4, S.PLANNED: 10, S.ADOPTED: 24, S.IN_PROGRESS: 40, S.DONE: 14, S.DEFERRED: 5, S.REJECTED: 3},
    8: {S.PLANNED: 5, S.ADOPTED: 10, S.IN_PROGRESS: 34, S.DONE: 26, S.SUSTAINED: 17, S.DEFERRED: 5, S.REJECTED: 3},
}
STATUS_NOTES = {
    S.PLANNED: [
        "Steckbrief in der Strategiewerkstatt ausgearbeitet",
        "Kosten, Förderung und Partner geprüft",
        "Vom Smart-City-Team zur Umsetzung vorgeschlagen",
    ],
    S.IN_PROGRESS: [
        "Auftrag vergeben, Projektstart mit den Partnern",
        "Kick-off-Termin durchgeführt",
        "Förderbescheid liegt vor, Umsetzung beginnt",
    ],
    S.DONE: ["Abnahme erfolgt, Abschlussbericht liegt vor", "Pilotphase erfolgreich abgeschlossen"],
    S.SUSTAINED: ["In den Regelbetrieb übernommen, Mittel im Haushalt verankert"],
    S.DEFERRED: [
        "Zurückgestellt, bis die Förderung geklärt ist",
        "Zurückgestellt wegen fehlender Personalkapazität",
        "Zurückgestellt bis zum Abschluss der Vorgängermaßnahme",
    ],
    S.REJECTED: [
        "Nach Prüfung verworfen: Aufwand und Nutzen stehen in keinem Verhältnis",
        "Verworfen: ein Angebot des Kreises deckt den Bedarf bereits ab",
        "Verworfen nach ablehnendem Votum der Lenkungsgruppe",
    ],
}
GENERIC_MILESTONES = [
    "Leistungsbeschreibung fertig",
    "Auftrag vergeben",
    "Pilotbetrieb gestartet",
    "Evaluation vorgelegt",
]
REPORTS = {
    TrafficLight.GREEN: [
        "Die Umsetzung liegt im Zeit- und Kostenrahmen. Die Partner arbeiten gut zusammen; die nächsten Schritte "
        "sind abgestimmt.",
        "Alle Meilensteine bis heute erreicht. Erste Rückmeldungen aus der Bürgerschaft sind positiv.",
        "Im Plan. Die Abstimmung mit den Fachbereichen ist abgeschlossen, die Beschaffung läuft.",
    ],
    TrafficLight.YELLOW: [
        "Lieferverzug bei der Hardware: Die Inbetriebnahme verschiebt sich um etwa sechs Wochen.",
        "Die ausgeschriebene Stelle ist noch nicht besetzt; die Umsetzung läuft vorerst mit reduzierter Kapazität.",
        "Der Förderbescheid kam später als erwartet; der Zeitplan wurde angepasst.",
    ],
    TrafficLight.RED: [
        "Das Vergabeverfahren musste aufgehoben werden, weil kein wirtschaftliches Angebot einging. Eine neue "
        "Ausschreibung wird vorbereitet.",
        "Die Kosten liegen deutlich über der Planung; die Lenkungsgruppe entscheidet über das weitere Vorgehen.",
    ],
}
FINAL_REPORT = (
    "Abschlussbericht: Die Maßnahme ist umgesetzt. Ziele und Kennzahlen wurden ausgewertet; die Erfahrungen "
    "stehen anderen Kommunen im Netzwerk zur Verfügung."
)
ANSWER_COMMENTS = {
    "mobilitaet": [
        "Mobilitätskonzept wird gerade fortgeschrieben.",
        "Bürgerbusverein als starker Partner.",
        "Echtzeitdaten liegen beim Verkehrsunternehmen, nicht bei der Stadt.",
    ],
    "nachhaltigkeit": [
        "Klimaschutzkonzept beschlossen, digitale Bausteine fehlen noch.",
        "Energiebericht erscheint jährlich, aber nur als PDF.",
    ],
    "verwaltung": [
        "OZG-Umsetzung läuft über den kommunalen IT-Dienstleister.",
        "Personal für Digitalisierung ist der Engpass.",
    ],
    "wohnen": ["Leerstandserhebung zuletzt vor fünf Jahren.", "Breitbandausbau im Außenbereich läuft."],
    "wirtschaft": ["Werbegemeinschaft ist sehr aktiv.", "Wirtschaftsförderung mit nur einer Stelle besetzt."],
    "zivilgesellschaft": [
        "Viele digitale Initiativen im Ehrenamt, wenig Vernetzung.",
        "Beteiligung bisher fast nur analog.",
    ],
}
# Partner archetypes: (name pattern, kind). Region-specific names come from the town profile.
PARTNERS = {
    "stadtwerke": ("Stadtwerke {town}", PartnerType.UTILITY),
    "vhs": ("Volkshochschule {town}", PartnerType.PUBLIC),
    "werbegemeinschaft": ("Werbegemeinschaft {town} e. V.", PartnerType.ASSOCIATION),
    "digitalinitiative": ("Digitalwerkstatt {town} e. V.", PartnerType.INITIATIVE),
    "seniorenbeirat": ("Seniorenbeirat der Stadt {town}", PartnerType.PUBLIC),
    "buergerbus": ("Bürgerbusverein {town} e. V.", PartnerType.ASSOCIATION),
    "heimatverein": ("Heimatverein {town} e. V.", PartnerType.ASSOCIATION),
    "carsharing": ("Carsharing-Verein {town} e. V.", PartnerType.ASSOCIATION),
    "handyparken": ("Handyparken-Dienstleister (Rahmenvertrag)", PartnerType.COMPANY),
    "adfc": ("ADFC-Ortsgruppe {town}", PartnerType.ASSOCIATION),
    "schulen": ("Schulleitungskonferenz {town}", PartnerType.PUBLIC),
    "feuerwehr": ("Feuerwehr {town}", PartnerType.PUBLIC),
    "entsorger": ("Entsorgungsbetriebe {town}", PartnerType.UTILITY),
    "verbraucherzentrale": ("Verbraucherzentrale NRW", PartnerType.ASSOCIATION),
    "energiegenossenschaft": ("Bürgerenergiegenossenschaft {town} eG", PartnerType.INITIATIVE),
    "hausundgrund": ("Haus & Grund {town} e. V.", PartnerType.ASSOCIATION),
    "wohnungsbau": ("Wohnungsbaugesellschaft {town}", PartnerType.COMPANY),
    "pflege": ("Pflegestützpunkt {town}", PartnerType.PUBLIC),
    "netzbetreiber": ("Netzbetreiber aus der Gigabit-Ausschreibung", PartnerType.COMPANY),
    "freifunk": ("Freifunk-Initiative {town}", PartnerType.INITIATIVE),
    "caritas": ("Caritasverband {town} e. V.", PartnerType.ASSOCIATION),
    "landwirtschaft": ("Landwirtschaftlicher Ortsverband {town}", PartnerType.ASSOCIATION),
    "sportverein": ("Stadtsportverband {town} e. V.", PartnerType.ASSOCIATION),
    "jugendring": ("Stadtjugendring {town} e. V.", PartnerType.ASSOCIATION),
    "behindertenbeirat": ("Behindertenbeirat der Stadt {town}", PartnerType.PUBLIC),
    "polizei": ("Kreispolizeibehörde {county}", PartnerType.PUBLIC),
    "kreis": ("{county}", PartnerType.PUBLIC),
    "it": ("", PartnerType.PUBLIC),
    "hochschule": ("", PartnerType.UNIVERSITY),
    "ihk": ("", PartnerType.CHAMBER),
    "hwk": ("", PartnerType.CHAMBER),
    "verkehr": ("", PartnerType.COMPANY),
    "tourismus": ("", PartnerType.COMPANY),
    "sparkasse": ("", PartnerType.COMPANY),
    "forst": ("", PartnerType.PUBLIC),
}
REGIONAL_PARTNERS = {
    "it": "it",
    "hochschule": "university",
    "ihk": "ihk",
    "hwk": "hwk",
    "verkehr": "transport",
    "tourismus": "tourism",
    "sparkasse": "savings_bank",
    "forst": "forestry",
}


def seed_strategy(network: Network, towns: dict[str, Municipality], coordinators: dict[str, User]) -> None:
    """Give every demo town (by slug) without strategy content its rounds, needs, vision, foci, goals, indicators
    and measures. The coordinator of a town moderates its rounds and signs its status reports."""
    context = _NetworkContext(network)
    seeders = [
        _TownSeeder(context, municipality, PROFILES[slug], coordinators.get(slug))
        for slug, municipality in towns.items()
        if slug in PROFILES and not _has_strategy_content(municipality)
    ]
    # Towns further along go first, so that others can adopt their running measures (origin "übernommen").
    for seeder in sorted(seeders, key=lambda seeder: (-seeder.phase, seeder.municipality.slug)):
        seeder.run()


def _has_strategy_content(municipality: Municipality) -> bool:
    return (
        municipality.measures.exists()
        or municipality.assessment_rounds.exists()
        or municipality.vision_versions.exists()
        or municipality.needs.exists()
        or municipality.foci.exists()
    )


class _NetworkContext:
    """What all towns share: action fields, user groups, questions, and public measures others may adopt."""

    def __init__(self, network: Network):
        self.network = network
        self.fields = {f.slug: f for f in ActionField.objects.filter(network=network)}
        by_name = {g.name: g for g in UserGroup.objects.filter(network=network)}
        self.groups = {key: by_name[name] for key, name in GROUPS.items() if name in by_name}
        self.questions = list(
            AssessmentQuestion.objects.filter(network=network, active=True)
            .select_related("action_field")
            .order_by("action_field__order", "order", "id")
        )
        # Public measures that are running or done, by template key, with the phase of their town.
        self.good_practice: dict[str, list[tuple[int, Measure]]] = {}


@dataclass
class _Plan:
    """A measure to create: its template and the decisions made for this town."""

    template: MeasureTemplate
    status: str
    history: list[tuple[str, datetime.date, str]] = field(default_factory=list)
    measure: Measure | None = None
    m2m: dict[str, list] = field(default_factory=dict)
    benefits: list[tuple[UserGroup, int, str]] = field(default_factory=list)
    involvements: list[tuple[Partner, str]] = field(default_factory=list)


def _money(value: float) -> Decimal:
    return Decimal(value).quantize(Decimal("1"), rounding=ROUND_HALF_UP)


def _decimal(value: float, places: int) -> Decimal:
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _format_level(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


class _TownSeeder:
    def __init__(self, context: _NetworkContext, municipality: Municipality, profile: TownProfile, coordinator):
        self.context = context
        self.municipality = municipality
        self.profile = profile
        self.coordinator = coordinator
        self.rng = random.Random(municipality.slug)
        self.fields = context.fields
        self.phase, self.phase_windows = self._schedule()
        # Nothing in the demo's history lies after the start of the running phase.
        self.cutoff = self.phase_windows[self.phase][0]
        self.places = {
            "town": municipality.name,
            "centre": profile.centre,
            "district": profile.districts[0],
            "district2": profile.districts[1 % len(profile.districts)],
        }
        self.partners: dict[str, Partner | None] = {}
        self.existing_partners = {p.name: p for p in Partner.objects.filter(municipality=municipality)}
        self.adopted = 0
        self.council: tuple[datetime.date, str] | None = None
        self.scores: dict[str, float] = {}
        self.needs: list[Need] = []
        self.foci: dict[str, Focus] = {}
        self.focus_goals: dict[int, list[Goal]] = {}

    # Schedule ---------------------------------------------------------------------------------------------

    def _schedule(self) -> tuple[int, dict[int, tuple[datetime.date, datetime.date]]]:
        phases = list(
            Phase.objects.filter(process__municipality=self.municipality)
            .select_related("definition")
            .order_by("definition__order", "definition_id")
        )
        windows = {}
        running = None
        for index, phase in enumerate(phases, start=1):
            if phase.planned_start and phase.planned_end:
                windows[index] = (phase.planned_start, phase.planned_end)
            if phase.status == PhaseStatus.RUNNING and running is None:
                running = index
        running = running or 5
        if running not in windows or len(windows) < len(phases):  # no dates yet: 120-day phases around the anchor
            anchor = datetime.date(2026, 9, 1)
            windows = {
                i: (anchor + (i - running) * 120 * DAY, anchor + ((i - running) * 120 + 119) * DAY) for i in range(1, 9)
            }
        return running, windows

    def window(self, phase: int) -> tuple[datetime.date, datetime.date]:
        phase = min(max(phase, 1), max(self.phase_windows))
        return self.phase_windows[phase]

    def date_between(self, start: datetime.date, end: datetime.date) -> datetime.date:
        if end <= start:
            return start
        return start + self.rng.randint(0, (end - start).days) * DAY

    def text(self, value: str) -> str:
        return value.format(**self.places)

    # Run --------------------------------------------------------------------------------------------------

    @transaction.atomic
    def run(self) -> None:
        self.seed_rounds()
        self.seed_needs()
        self.seed_vision()
        self.seed_foci()
        self.seed_measures()
        self.update_search_index()

    def update_search_index(self) -> None:
        """Measures are written in bulk, past the services that keep the search index current: index the town's
        published objects once, as a change of the municipality does."""
        from vorort.search.services import search_index_update  # search imports network: import late

        search_index_update(self.municipality)

    # Assessment -------------------------------------------------------------------------------------------

    def seed_rounds(self) -> None:
        questions = self.context.questions
        if not questions:
            return
        base = self.profile.levels
        first = {
            q.pk: min(4, max(0, round(base.get(q.action_field.slug, 1.5) + self.rng.uniform(-0.9, 0.9))))
            for q in questions
        }
        phase2_start = self.window(2)[0]
        first_on = min(phase2_start + self.rng.randint(35, 70) * DAY, self.cutoff - 30 * DAY)
        rounds = [(first_on, first)]
        if self.phase >= 5:
            chance = 0.25 + 0.05 * (self.phase - 5)
            second = {pk: min(4, level + (1 if self.rng.random() < chance else 0)) for pk, level in first.items()}
            improvable = [pk for pk, level in first.items() if level < 4]
            for pk in self.rng.sample(improvable, min(3, len(improvable))):
                second[pk] = max(second[pk], first[pk] + 1)
            second_on = max(self.cutoff - self.rng.randint(40, 100) * DAY, first_on + 180 * DAY)
            rounds.append((min(second_on, self.cutoff - DAY), second))
        for number, (conducted_on, levels) in enumerate(rounds):
            title = f"Reifegrad-Check {conducted_on.year}" + (" (Wiederholung)" if number else "")
            assessment_round = round_create(
                actor=None,
                municipality=self.municipality,
                title=title,
                conducted_on=conducted_on,
                notes=self._round_notes(number),
            )
            round_answers_save(actor=None, assessment_round=assessment_round, answers=self._answers(levels))
            round_complete(actor=None, assessment_round=assessment_round)
        latest = rounds[-1][1]
        for slug in self.fields:
            values = [latest[q.pk] for q in questions if q.action_field.slug == slug]
            if values:
                self.scores[slug] = sum(values) / len(values)
        if self.phase in (4, 7, 8):
            self._draft_round(latest)

    def _round_notes(self, number: int) -> str:
        who = self.coordinator.name if self.coordinator is not None else "Smart-City-Koordination"
        if number == 0:
            return (
                f"Erste Einschätzung im Smart-City-Team mit allen Fachbereichen; Moderation: {who}. Die Ergebnisse "
                "wurden in der Lenkungsgruppe besprochen."
            )
        return f"Wiederholung im laufenden Strategieprozess, um Fortschritte sichtbar zu machen; Moderation: {who}."

    def _answers(self, levels: dict[int, int]) -> dict[int, dict]:
        answers = {pk: {"level": level} for pk, level in levels.items()}
        for question in self.rng.sample(self.context.questions, min(5, len(self.context.questions))):
            comments = ANSWER_COMMENTS.get(question.action_field.slug)
            if comments:
                answers[question.pk]["comment"] = self.rng.choice(comments)
        return answers

    def _draft_round(self, latest: dict[int, int]) -> None:
        conducted_on = self.cutoff - self.rng.randint(3, 14) * DAY
        assessment_round = round_create(
            actor=None,
            municipality=self.municipality,
            title=f"Reifegrad-Check {conducted_on.year} (Zwischenstand)",
            conducted_on=conducted_on,
            notes="In Bearbeitung: Die Fachbereiche ergänzen ihre Einschätzungen bis zur nächsten Lenkungsgruppe.",
        )
        questions = self.context.questions[: len(self.context.questions) // 2]
        answers = {q.pk: {"level": min(4, latest[q.pk] + (1 if self.rng.random() < 0.3 else 0))} for q in questions}
        round_answers_save(actor=None, assessment_round=assessment_round, answers=answers)

    # Needs ------------------------------------------------------------------------------------------------

    def seed_needs(self) -> None:
        kind = self.profile.kind
        pool = [n for n in NEEDS if kind in n.kinds and n.field in self.fields]
        chosen: list[NeedTemplate] = [n for n in self.profile.needs if n.field in self.fields]
        focus_fields = [FOCI_BY_KEY[key].field for key in self.profile.foci if key in FOCI_BY_KEY]
        for field_slug in focus_fields:
            if not any(n.field == field_slug for n in chosen):
                candidates = [n for n in pool if n.field == field_slug and n not in chosen]
                if candidates:
                    chosen.append(self.rng.choice(candidates))
        target = self.rng.randint(max(8, len(chosen)), 15)
        rest = [n for n in pool if n not in chosen]
        self.rng.shuffle(rest)
        chosen += rest[: max(0, target - len(chosen))]
        start, end = self.window(2)
        end = min(end, self.cutoff - DAY)
        for template in chosen:
            recorded_on = self.date_between(start, end)
            self.needs.append(
                need_create(
                    actor=None,
                    municipality=self.municipality,
                    title=self.text(template.title),
                    description=self.text(template.description),
                    action_field=self.fields[template.field],
                    user_group=self.context.groups.get(template.group),
                    source=template.source,
                    source_detail=template.detail.format(year=recorded_on.year),
                    weight=self.rng.randint(*template.weight),
                    recorded_on=recorded_on,
                )
            )

    # Vision -----------------------------------------------------------------------------------------------

    def _resolution(self, on: datetime.date) -> str:
        return self.profile.resolution_style.format(
            year=on.year, short_year=f"{on.year % 100:02d}", number=self.rng.randint(40, 480)
        )

    def seed_vision(self) -> None:
        vision_text = self.profile.vision
        principles = {self.fields[slug]: text for slug, text in vision_text.principles.items() if slug in self.fields}
        vision = vision_create(
            actor=None,
            municipality=self.municipality,
            title=vision_text.title,
            text=vision_text.text,
            principles=principles,
        )
        if self.phase <= 3:
            return  # the vision is still being written
        adopted_on = min(self.window(3)[1] - self.rng.randint(5, 25) * DAY, self.cutoff - DAY)
        vision_adopt(
            actor=None,
            vision=vision,
            adopted_on=adopted_on,
            resolution_number=self._resolution(adopted_on),
            expected_version=None,
        )
        revision = self.profile.revision
        if revision is None:
            return
        draft = vision_new_version(actor=None, municipality=self.municipality)
        changes = {self.fields[slug]: text for slug, text in revision.principles.items() if slug in self.fields}
        draft = vision_update(
            actor=None,
            vision=draft,
            data={"text": revision.text} if revision.text else {},
            principles=changes,
            expected_version=None,
        )
        if revision.adopted:
            revised_on = max(self.cutoff - self.rng.randint(30, 90) * DAY, adopted_on + 90 * DAY)
            vision_adopt(
                actor=None,
                vision=draft,
                adopted_on=min(revised_on, self.cutoff - DAY),
                resolution_number=self._resolution(revised_on),
                expected_version=None,
            )

    # Foci, goals, indicators ------------------------------------------------------------------------------

    def seed_foci(self) -> None:
        for order, key in enumerate(self.profile.foci, start=1):
            template = FOCI_BY_KEY[key]
            if template.field not in self.fields:
                continue
            field_needs = sorted(
                (n for n in self.needs if n.action_field.slug == template.field), key=lambda n: (-n.weight, n.title)
            )
            top_need = field_needs[0].title if field_needs else "mehr digitale Angebote vor Ort"
            rationale = template.rationale.format(
                score=_format_level(self.scores.get(template.field, 1.5)), need=top_need
            )
            focus = focus_create(
                actor=None,
                municipality=self.municipality,
                action_field=self.fields[template.field],
                title=template.title,
                description=self.text(template.description),
                rationale=rationale,
                needs=field_needs[:3],
                # The first focus of a field is the one vorort suggested from the gap and the needs.
                suggested=not any(f.action_field_id == self.fields[template.field].pk for f in self.foci.values()),
                order=order,
            )
            self.foci[key] = focus
            self.focus_goals[focus.pk] = self._seed_goals(focus, template)

    def _seed_goals(self, focus: Focus, template: FocusTemplate) -> list[Goal]:
        count = len(template.goals) if len(template.goals) < 2 else self.rng.choice((1, 2, 2))
        goals = []
        for order, goal_template in enumerate(template.goals[:count], start=1):
            goal = goal_create(
                actor=None, focus=focus, title=goal_template.title, description=goal_template.description, order=order
            )
            for indicator_template in goal_template.indicators[:2]:
                self._seed_indicator(goal, indicator_template)
            goals.append(goal)
        return goals

    def _seed_indicator(self, goal: Goal, template) -> None:
        scale = (self.municipality.population / 10_000) ** template.scaling
        baseline = template.baseline * scale
        target = template.target * scale
        baseline_date = self.window(2)[0] + 30 * DAY
        target_date = datetime.date(self.rng.choice((2028, 2030)), 12, 31)
        indicator = indicator_create(
            actor=None,
            goal=goal,
            name=template.name,
            unit=template.unit,
            baseline_value=_decimal(baseline, template.decimals),
            baseline_date=baseline_date,
            target_value=_decimal(target, template.decimals),
            target_date=target_date,
        )
        count = {3: 2, 4: 2, 5: 3, 6: self.rng.randint(3, 4)}.get(self.phase, self.rng.randint(4, 5))
        reached = {3: 0.05, 4: 0.1, 5: 0.2, 6: 0.3, 7: 0.45}.get(self.phase, 0.6)
        reached = min(0.95, max(0.02, reached + self.rng.uniform(-0.12, 0.12)))
        last = max(self.cutoff - self.rng.randint(5, 20) * DAY, baseline_date + 10 * count * DAY)
        span = (last - baseline_date).days
        measurements = []
        for step in range(count):
            share = step / (count - 1)
            value = baseline + (target - baseline) * reached * share
            if step > 0:
                value += (target - baseline) * self.rng.uniform(-0.03, 0.03)
            measurement = Measurement(
                indicator=indicator,
                measured_on=baseline_date + round(span * share) * DAY,
                value=_decimal(max(value, 0), template.decimals),
                note="Ausgangswert" if step == 0 else "",
            )
            measurement.clean_fields(exclude=["indicator"])
            measurements.append(measurement)
        # In bulk, audited one by one as measurement_create does it.
        for measurement in Measurement.objects.bulk_create(measurements):
            audit_record(actor=None, instance=measurement, action=AuditAction.CREATE, municipality=self.municipality)

    # Measures ---------------------------------------------------------------------------------------------
    #
    # Measures and their parts are many (about 250 measures with 2 000 parts in the network), so they are
    # written in bulk: validated field by field, inserted together, and audited entry by entry in the shape
    # the measure services record (create, many-to-many, status changes, benefits, partners, milestones,
    # reports). The status history is dated along the process instead of "today".

    def seed_measures(self) -> None:
        if self.phase >= 7:  # the council adopted the measure catalogue at the end of phase 6
            council_on = self.window(6)[1] - self.rng.randint(10, 30) * DAY
            self.council = (council_on, self._resolution(council_on))
        plans = self._plan_measures()
        for number, plan in enumerate(plans, start=1):
            self._prepare(plan, reference=f"M-{number:02d}")
        self._write_measures(plans)
        by_key = {plan.template.key: plan for plan in plans}
        for plan in plans:
            for key in plan.template.depends_on:
                prerequisite = by_key.get(key)
                if prerequisite is not None:
                    dependency_add(actor=None, measure=plan.measure, depends_on=prerequisite.measure)
            if plan.measure.is_public and RANK[plan.status] >= RANK[S.IN_PROGRESS]:
                self.context.good_practice.setdefault(plan.template.key, []).append((self.phase, plan.measure))

    def _plan_measures(self) -> list[_Plan]:
        kind = self.profile.kind
        pool = [t for t in MEASURES if kind in t.kinds and t.field in self.fields]
        keys = {t.key for t in pool}
        must = [key for key in self.profile.must if key in keys]
        focus_fields = {FOCI_BY_KEY[key].field for key in self.profile.foci}

        def preference(template: MeasureTemplate) -> float:
            favoured = template.focus in self.profile.foci or template.field in focus_fields
            return self.rng.random() * (0.55 if favoured else 1.0)

        rest = sorted((t for t in pool if t.key not in must), key=preference)
        low, high = MEASURE_COUNTS[kind]
        count = min(self.rng.randint(low, high), len(pool))
        chosen = set(must) | {t.key for t in rest[: max(0, count - len(must))]}
        weights = STATUS_WEIGHTS[min(max(self.phase, 3), 8)]
        plans = []
        for template in pool:  # catalogue order: prerequisites come first
            if template.key not in chosen:
                continue
            mandatory = template.key in must
            options = {s: w for s, w in weights.items() if not (mandatory and s in (S.DEFERRED, S.REJECTED))}
            status = self.rng.choices(list(options), weights=list(options.values()))[0]
            plans.append(_Plan(template, status))
        # A measure cannot be further along than the measures it depends on.
        by_key = {plan.template.key: plan for plan in plans}
        for plan in reversed(plans):
            for key in plan.template.depends_on:
                prerequisite = by_key.get(key)
                if prerequisite is not None and RANK[plan.status] > RANK[prerequisite.status]:
                    prerequisite.status = plan.status
        return plans

    def _history(self, status: str) -> list[tuple[str, datetime.date, str]]:
        """(status, date, note) from "Idee" to `status`, dated along the town's process and never after cutoff."""
        if status in (S.DEFERRED, S.REJECTED):
            steps = [S.IDEA, S.PLANNED, status] if self.rng.random() < 0.5 else [S.IDEA, status]
        else:
            steps = PATH[: RANK[status] + 1]
        windows = {
            S.IDEA: (self.window(2)[0], self.window(4)[1]),
            S.PLANNED: self.window(5),
            S.ADOPTED: (self.council[0], self.council[0]) if self.council else self.window(6),
            S.IN_PROGRESS: (self.window(6)[1], self.window(7)[1]),
            S.DONE: self.window(7),
            S.SUSTAINED: self.window(8),
            S.DEFERRED: (self.window(4)[0], self.window(6)[1]),
            S.REJECTED: (self.window(4)[0], self.window(6)[1]),
        }
        latest_idea = self.cutoff - 45 * DAY
        dates: list[datetime.date] = []
        for index, step in enumerate(steps):
            low, high = windows[step]
            if dates:
                low = max(low, dates[-1] + 7 * DAY)
            high = min(high, latest_idea if index == 0 else self.cutoff - (len(steps) - index) * DAY)
            if low > high:  # the phase lies ahead: a quick win, moved forward right after the previous step
                low = (dates[-1] if dates else self.window(2)[0]) + DAY
                high = max(low, min(low + 25 * DAY, self.cutoff - (len(steps) - index) * DAY))
            dates.append(self.date_between(low, high))
        for index in range(1, len(dates)):  # strictly increasing
            dates[index] = max(dates[index], dates[index - 1] + DAY)
        return [(step, on, self._status_note(step, on)) for step, on in zip(steps, dates, strict=True)]

    def _status_note(self, status: str, on: datetime.date) -> str:
        if status == S.IDEA:
            return ""
        if status == S.ADOPTED:
            if self.council and on == self.council[0]:
                return f"Ratsbeschluss zum Maßnahmenkatalog vom {on:%d.%m.%Y} ({self.council[1]})"
            return "Vorab-Beschluss des Haupt- und Finanzausschusses (Sofortmaßnahme)"
        return self.rng.choice(STATUS_NOTES[status])

    def _dates(self, plan: _Plan, history) -> tuple[datetime.date | None, datetime.date | None]:
        template = plan.template
        months = self.rng.randint(*template.months)
        status = plan.status
        moments = {step: on for step, on, _note in history}
        if status in (S.DONE, S.SUSTAINED):
            return moments[S.IN_PROGRESS], moments[S.DONE]
        if status == S.REJECTED:
            return None, None
        if status == S.IN_PROGRESS:
            start = moments[S.IN_PROGRESS]
        elif status == S.ADOPTED:
            start = self.cutoff + self.rng.randint(30, 240) * DAY
        elif status == S.PLANNED:
            start = self.cutoff + self.rng.randint(90, 420) * DAY
        elif self.rng.random() < 0.5:  # ideas and deferred measures: often no date yet
            return None, None
        else:
            start = datetime.date(self.rng.choice((2027, 2028)), self.rng.randint(1, 12), 1)
        end = start + months * 30 * DAY
        if status == S.IN_PROGRESS and end <= self.cutoff:
            end = self.cutoff + self.rng.randint(60, 300) * DAY
        if start <= LATEST_END:
            end = max(start, min(end, LATEST_END))
        return start, end

    def _costs(self, template: MeasureTemplate) -> tuple[Decimal | None, Decimal | None]:
        scale = {SMALL: 0.6, MEDIUM: 1.0, LARGE: 1.8}[self.profile.kind]

        def amount(bounds: tuple[int, int], step: int) -> Decimal | None:
            low, high = bounds
            if high <= 0:
                return None
            value = self.rng.uniform(low, high) * scale
            return _money(max(step, round(value / step) * step))

        return amount(template.invest, 1_000), amount(template.running, 500)

    def _funding(self, template: MeasureTemplate, status: str) -> tuple[str, Decimal | None]:
        kind = self.profile.kind
        options = [name for name in template.funding if not name or kind in FUNDING.get(name, (0, {kind}))[1]]
        if not options or (status == S.IDEA and self.rng.random() < 0.5):
            return "", None
        programme = self.rng.choice(options)
        if not programme:
            return "", None
        share = FUNDING[programme][0] + (10 if self.municipality.structurally_weak else 0)
        return programme, Decimal(min(share, 90))

    def _origin(self, template: MeasureTemplate, idea_on: datetime.date) -> tuple[str, str, Measure | None]:
        sources = [m for phase, m in self.context.good_practice.get(template.key, []) if phase > self.phase]
        if sources and self.adopted < MAX_ADOPTED and self.rng.random() < 0.35:
            self.adopted += 1
            source = self.rng.choice(sources)
            note = f"Nach dem Vorbild von {source.municipality.name} (Erfahrungsaustausch im Netzwerk)"
            return Origin.ADOPTED, note, source
        origin = self.rng.choices([Origin.WORKSHOP, Origin.SURVEY, Origin.IDEA, Origin.OWN], weights=[35, 20, 15, 30])[
            0
        ]
        field_name = self.fields[template.field].name
        notes = {
            Origin.WORKSHOP: f"Strategiewerkstatt {field_name} am {idea_on:%d.%m.%Y}",
            Origin.SURVEY: f"Bürgerumfrage {idea_on.year}",
            Origin.IDEA: f"Ideenplattform, Vorschlag mit {self.rng.randint(12, 140)} Unterstützungen",
            Origin.OWN: self.rng.choice(
                [
                    "Vorschlag des Fachbereichs",
                    "Aus dem Smart-City-Team",
                    "Fortführung eines bereits laufenden Projekts",
                ]
            ),
        }
        return origin, notes[origin], None

    def _is_public(self, status: str) -> bool:
        if status in (S.DEFERRED, S.REJECTED):
            return False
        if RANK[status] >= RANK[S.ADOPTED]:
            return self.rng.random() < (0.65 if self.phase >= 5 else 0.4)
        return self.rng.random() < (0.2 if status == S.PLANNED and self.phase >= 5 else 0.05)

    def _focus_for(self, template: MeasureTemplate) -> tuple[Focus | None, list[Goal]]:
        focus = self.foci.get(template.focus)
        if focus is not None:
            return focus, self.focus_goals.get(focus.pk, [])[:1]
        for focus in self.foci.values():
            if focus.action_field.slug == template.field:
                return focus, []
        return None, []

    def _prepare(self, plan: _Plan, reference: str) -> None:
        """Decide everything about one measure; nothing is written yet (except partners met for the first time)."""
        template = plan.template
        plan.history = self._history(plan.status)
        start, end = self._dates(plan, plan.history)
        invest, running = self._costs(template)
        programme, share = self._funding(template, plan.status)
        origin, origin_note, source = self._origin(template, plan.history[0][1])
        focus, goals = self._focus_for(template)
        unrated = plan.status == S.IDEA and self.rng.random() < 0.5
        if plan.status == S.IDEA and self.rng.random() < 0.3:
            invest, running = (invest, None) if self.rng.random() < 0.5 else (None, None)
        measure = Measure(
            municipality=self.municipality,
            reference=reference,
            title=self.profile.titles.get(template.key) or self.text(template.title),
            summary=self.text(template.summary),
            description=self.text(template.description),
            action_field=self.fields[template.field],
            focus=focus,
            status=S.IDEA,  # the status history below moves it on
            start_date=start,
            end_date=end,
            investment_cost=invest,
            running_cost=running,
            funding_programme=programme,
            funding_share=share,
            personnel_effort=Decimal(self.rng.randint(*template.effort)),
            responsible_unit=template.unit,
            risks=template.risks,
            origin=origin,
            origin_note=origin_note,
            source_measure=source,
            transferability="" if unrated else template.transferability,
            transfer_note="" if unrated else template.transfer_note,
            is_public=self._is_public(plan.status),
        )
        measure.clean_fields(exclude=["municipality", "action_field", "focus", "source_measure"])
        plan.measure = measure
        plan.m2m = {
            "further_action_fields": [self.fields[slug] for slug in template.further if slug in self.fields],
            "goals": goals,
            "partner_municipalities": self._neighbours() if template.intermunicipal else [],
        }
        plan.benefits = self._benefits(template)
        plan.involvements = self._involvements(template)

    def _neighbours(self) -> list[Municipality]:
        county = self.municipality.county
        if not county:
            return []
        return list(
            Municipality.objects.filter(network_id=self.municipality.network_id, county=county)
            .exclude(pk=self.municipality.pk)
            .order_by("name")
        )

    def _benefits(self, template: MeasureTemplate) -> list[tuple[UserGroup, int, str]]:
        rows = []
        for key, strength, text in template.benefits:
            group = self.context.groups.get(key)
            if group is None:
                continue
            if self.rng.random() < 0.2:
                strength = min(3, max(1, strength + self.rng.choice((-1, 1))))
            rows.append((group, strength, text))
        return rows

    def partner(self, key: str) -> Partner | None:
        """The town's partner of an archetype (see PARTNERS), created through the service on first use."""
        if key in self.partners:
            return self.partners[key]
        pattern, kind = PARTNERS.get(key, ("", PartnerType.OTHER))
        regional = REGIONAL_PARTNERS.get(key)
        if regional:
            pattern = getattr(self.profile.regional, regional)
        if key == "stadtwerke" and self.profile.regional.utility:
            pattern = self.profile.regional.utility
        county = self.municipality.county
        if "{county}" in pattern and not county:
            pattern = ""
        name = pattern.format(town=self.municipality.name, county=county.removeprefix("Kreis ").strip())
        if key == "kreis":
            name = county
        elif key == "polizei" and not county:
            name = f"Polizeipräsidium {self.municipality.name}"
        if kind == PartnerType.COMPANY and name.endswith("e. V."):
            kind = PartnerType.ASSOCIATION
        partner = None
        if name:
            partner = self.existing_partners.get(name) or partner_create(
                actor=None, municipality=self.municipality, name=name, kind=kind
            )
        self.partners[key] = partner
        return partner

    def _involvements(self, template: MeasureTemplate) -> list[tuple[Partner, str]]:
        rows, seen = [], set()
        for key, role in template.partners:
            partner = self.partner(key)
            if partner is not None and partner.pk not in seen:
                seen.add(partner.pk)
                rows.append((partner, role))
        return rows

    def _milestones(self, plan: _Plan) -> list[MeasureMilestone]:
        if RANK[plan.status] < RANK[S.ADOPTED]:
            return []
        measure = plan.measure
        titles = list(plan.template.milestones or GENERIC_MILESTONES)
        titles = titles[: self.rng.randint(2, min(3, len(titles)))]
        moments = {step: on for step, on, _note in plan.history}
        begin = moments[S.ADOPTED] + 14 * DAY
        finish = measure.end_date if measure.end_date and measure.end_date > begin else begin + 365 * DAY
        finished = plan.status in (S.DONE, S.SUSTAINED)
        milestones = []
        for number, title in enumerate(titles, start=1):
            due = begin + (finish - begin) * number // (len(titles) + 1)
            done = finished or (plan.status == S.IN_PROGRESS and due <= self.cutoff and self.rng.random() < 0.8)
            done_at = datetime.datetime.combine(min(due, self.cutoff), datetime.time(12), tzinfo=datetime.UTC)
            milestones.append(
                MeasureMilestone(
                    measure=measure, title=title, due_date=due, done=done, done_at=done_at if done else None
                )
            )
        return milestones

    def _reports(self, plan: _Plan) -> list[StatusReport]:
        """Status reports with traffic light, by the town's coordinator (the audit entry says "System")."""
        if RANK[plan.status] < RANK[S.IN_PROGRESS]:
            return []
        moments = {step: on for step, on, _note in plan.history}
        started = moments[S.IN_PROGRESS]
        finished = moments.get(S.DONE)
        end = (finished - DAY) if finished else self.cutoff
        count = self.rng.randint(1, 3)
        days = max(1, (end - started).days)
        dates = sorted({started + max(1, days * (i + 1) // (count + 1)) * DAY for i in range(count)})
        reports = []
        for on in dates:
            light = self.rng.choices(list(REPORTS), weights=[65, 27, 8])[0]
            reports.append((on, light, self.rng.choice(REPORTS[light])))
        if finished:
            reports.append((finished, TrafficLight.GREEN, FINAL_REPORT))
        return [
            StatusReport(measure=plan.measure, reported_on=on, traffic_light=light, text=text, author=self.coordinator)
            for on, light, text in reports
        ]

    def _write_measures(self, plans: list[_Plan]) -> None:
        measures = Measure.objects.bulk_create([plan.measure for plan in plans])
        for measure in measures:
            audit_record(actor=None, instance=measure, action=AuditAction.CREATE)
        self._write_m2m(plans)
        self._write_status_history(plans)
        self._write_parts(plans)

    def _write_m2m(self, plans: list[_Plan]) -> None:
        rows = defaultdict(list)
        for plan in plans:
            changes = []
            for name, values in plan.m2m.items():
                if not values:
                    continue
                m2m_field = Measure._meta.get_field(name)
                through = m2m_field.remote_field.through
                source, target = m2m_field.m2m_field_name(), m2m_field.m2m_reverse_field_name()
                rows[through] += [through(**{source: plan.measure, target: value}) for value in values]
                after = ", ".join(sorted(str(value) for value in values))
                changes.append({"field": name, "label": str(m2m_field.verbose_name), "before": "", "after": after})
            if changes:
                audit_changes(actor=None, instance=plan.measure, changes=changes)
        for through, objects in rows.items():
            through.objects.bulk_create(objects)

    def _write_status_history(self, plans: list[_Plan]) -> None:
        label = str(Measure._meta.get_field("status").verbose_name)
        changes = []
        for plan in plans:
            measure = plan.measure
            first_on = plan.history[0][1]
            changes.append(
                StatusChange(
                    measure=measure,
                    from_status="",
                    to_status=S.IDEA,
                    changed_on=first_on,
                    note=measure.origin_note[:500],
                )
            )
            previous = S.IDEA
            for status, on, note in plan.history[1:]:
                changes.append(
                    StatusChange(measure=measure, from_status=previous, to_status=status, changed_on=on, note=note)
                )
                audit_changes(
                    actor=None,
                    instance=measure,
                    changes=[
                        {
                            "field": "status",
                            "label": label,
                            "before": str(MeasureStatus(previous).label),
                            "after": str(MeasureStatus(status).label),
                        }
                    ],
                )
                previous = status
            measure.status = previous
        for change in changes:
            change.clean_fields(exclude=["measure", "changed_by"])
        StatusChange.objects.bulk_create(changes)
        by_status = defaultdict(list)
        for plan in plans:
            by_status[plan.measure.status].append(plan.measure.pk)
        for status, pks in by_status.items():
            if status != S.IDEA:
                Measure.objects.filter(pk__in=pks).update(status=status)

    def _write_parts(self, plans: list[_Plan]) -> None:
        benefits, involvements, milestones, reports = [], [], [], []
        benefits_label = str(gettext("Mehrwert je Nutzer*innengruppe"))
        partners_label = str(gettext("Partner mit Rolle"))
        for plan in plans:
            measure = plan.measure
            rows = [Benefit(measure=measure, user_group=g, strength=st, text=text) for g, st, text in plan.benefits]
            if rows:
                benefits += rows
                audit_measure_part(
                    actor=None,
                    measure=measure,
                    field="benefits",
                    label=benefits_label,
                    before="",
                    after=_benefit_lines(rows),
                )
            links = [Involvement(partner=partner, measure=measure, role=role) for partner, role in plan.involvements]
            if links:
                involvements += links
                after = "; ".join(
                    f"{link.partner.name}: {link.role}" for link in sorted(links, key=lambda link: link.partner.name)
                )
                audit_measure_part(
                    actor=None, measure=measure, field="involvements", label=partners_label, before="", after=after
                )
            milestones += self._milestones(plan)
            reports += self._reports(plan)
        for objects, exclude in (
            (benefits, ["measure", "user_group"]),
            (involvements, ["measure", "partner"]),
            (milestones, ["measure"]),
            (reports, ["measure", "author"]),
        ):
            for obj in objects:
                obj.clean_fields(exclude=exclude)
            created = type(objects[0]).objects.bulk_create(objects) if objects else []
            if objects and not isinstance(objects[0], Benefit | Involvement):
                for obj in created:
                    audit_record(actor=None, instance=obj, action=AuditAction.CREATE, municipality=self.municipality)
