"""JSON shapes of the API (pydantic via django-ninja). Keys are English and snake_case; dates are ISO 8601
(`2025-06-01`, `2025-06-01T18:00:00+02:00`); money and other decimals are strings with a dot (`"250000.00"`);
choices carry their code (`status`) and German label (`status_label`); ids are the database ids and stable."""

import datetime
import re
from decimal import Decimal
from typing import Annotated

from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, Schema
from pydantic import AfterValidator, ConfigDict, StringConstraints

from vorort.measures.models import MeasureStatus, Transferability

MAX_ID = 2**63 - 1  # ids are 64-bit; anything larger cannot name a row
SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def _storable(value: str) -> str:
    """Text the databases can store: no NUL (PostgreSQL refuses it) and no lone surrogates."""
    if _UNSTORABLE.search(value):
        raise ValueError(_("Der Text enthält unzulässige Zeichen."))
    return value


def bounded_text(max_length: int, *, required: bool = False):
    """A text field: surrounding blanks removed, at most `max_length` characters, storable."""
    return Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=1 if required else 0, max_length=max_length),
        AfterValidator(_storable),
    ]


Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=50)]
Money = Annotated[Decimal, Field(ge=0, max_digits=14, decimal_places=2)]
Share = Annotated[Decimal, Field(ge=0, le=100, max_digits=5, decimal_places=2)]
Effort = Annotated[Decimal, Field(ge=0, max_digits=8, decimal_places=1)]


# Errors ---------------------------------------------------------------------------------------------------------


class ErrorOut(Schema):
    detail: str = Field(description="Was nicht geklappt hat, auf Deutsch.")


class StaleOut(ErrorOut):
    current_version: int = Field(description="Die Version, die jetzt gespeichert ist.")


class ValidationErrorOut(ErrorOut):
    errors: dict[str, list[str]] = Field(description="Meldungen je Feld (Feldname → Meldungen).")


ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ValidationErrorOut, 429: ErrorOut}


# Pages ----------------------------------------------------------------------------------------------------------


class PageOut(Schema):
    count: int = Field(description="Anzahl aller Treffer.")
    limit: int
    offset: int
    next: str | None = Field(description="Adresse der nächsten Seite, falls es eine gibt.")
    previous: str | None = Field(description="Adresse der vorigen Seite, falls es eine gibt.")


# Municipalities --------------------------------------------------------------------------------------------------


class MunicipalityOut(Schema):
    slug: str
    name: str
    network: str = Field(description="Kurzname des Netzwerks.")
    network_name: str
    county: str
    county_free: bool
    population: int
    size_class: str = Field(description="klein (< 20 000), mittel (< 100 000) oder gross.")
    size_class_label: str
    rural: bool
    structurally_weak: bool
    public_measure_count: int
    url: str = Field(description="Seite der Kommune im Portal.")

    @staticmethod
    def resolve_network(obj) -> str:
        return obj.network.slug

    @staticmethod
    def resolve_network_name(obj) -> str:
        return obj.network.name

    @staticmethod
    def resolve_size_class(obj) -> str:
        return str(obj.size_class.value)

    @staticmethod
    def resolve_url(obj) -> str:
        return reverse("portal:municipality", kwargs={"slug": obj.slug})


class MunicipalityPage(PageOut):
    items: list[MunicipalityOut]


class VisionOut(Schema):
    title: str
    text: str
    adopted_on: datetime.date | None


class MunicipalityDetailOut(MunicipalityOut):
    vision: VisionOut | None = Field(description="Die beschlossene Vision; Entwürfe sind nie öffentlich.")


class IndicatorOut(Schema):
    id: int
    name: str
    unit: str
    baseline_value: Decimal
    baseline_date: datetime.date
    target_value: Decimal
    target_date: datetime.date
    latest_value: Decimal | None
    latest_date: datetime.date | None
    goal_id: int
    goal: str
    focus_id: int
    focus: str
    action_field: str


class IndicatorPage(PageOut):
    items: list[IndicatorOut]


class InternalIndicatorOut(IndicatorOut):
    is_public: bool = Field(description="Im Portal sichtbar: die Kommune hat eine Vision beschlossen.")
    progress: int | None = Field(description="Anteil des Wegs vom Ausgangs- zum Zielwert (0–100 %), letzter Wert.")
    version: int
    url: str = Field(description="Seite des Indikators im Arbeitsbereich.")


class InternalIndicatorPage(PageOut):
    items: list[InternalIndicatorOut]


class MeasurementOut(Schema):
    id: int
    measured_on: datetime.date
    value: Decimal
    note: str
    progress: int | None = Field(description="Anteil des Wegs vom Ausgangs- zum Zielwert (0–100 %).")


class MeasurementPage(PageOut):
    items: list[MeasurementOut]


class MeasurementIn(Schema):
    """A new measurement (e.g. from a sensor platform or the statistics office). Unknown keys are refused."""

    model_config = ConfigDict(extra="forbid")

    measured_on: datetime.date = Field(description="Tag der Messung; je Indikator und Tag ein Wert.")
    value: Decimal = Field(max_digits=14, decimal_places=2, description="Der Wert in der Einheit des Indikators.")
    note: bounded_text(300) = ""


class MeasurementConflictOut(ErrorOut):
    existing: MeasurementOut = Field(description="Der Messwert, der für diesen Tag schon gespeichert ist.")


# Measures ---------------------------------------------------------------------------------------------------------


class BenefitOut(Schema):
    user_group_id: int
    user_group: str
    strength: int = Field(description="0 = kein, 1 = gering, 2 = mittel, 3 = hoch")
    text: str

    @staticmethod
    def resolve_user_group(obj) -> str:
        return obj.user_group.name


class _OfMunicipality(Schema):
    """An object of one municipality, named by its slug and its name."""

    id: int
    municipality: str = Field(description="Kurzname der Kommune.")
    municipality_name: str

    @staticmethod
    def resolve_municipality(obj) -> str:
        return obj.municipality.slug

    @staticmethod
    def resolve_municipality_name(obj) -> str:
        return obj.municipality.name


class MeasureOut(_OfMunicipality):
    title: str
    summary: str
    description: str
    action_field: str = Field(description="Kurzname des Handlungsfelds.")
    action_field_name: str
    further_action_fields: list[str]
    status: str
    status_label: str
    start_date: datetime.date | None
    end_date: datetime.date | None
    investment_cost: Decimal | None
    running_cost: Decimal | None
    funding_programme: str
    funding_share: Decimal | None
    personnel_effort: Decimal | None
    responsible_unit: str
    origin: str
    transferability: str
    transfer_note: str
    partner_municipalities: list[str]
    benefits: list[BenefitOut]
    milestones_total: int
    milestones_done: int
    updated_at: datetime.datetime
    url: str | None = Field(description="Seite der Maßnahme im Portal (nur bei öffentlichen Maßnahmen).")

    @staticmethod
    def resolve_action_field(obj) -> str:
        return obj.action_field.slug

    @staticmethod
    def resolve_action_field_name(obj) -> str:
        return obj.action_field.name

    @staticmethod
    def resolve_further_action_fields(obj) -> list[str]:
        return [field.slug for field in obj.further_action_fields.all()]

    @staticmethod
    def resolve_status_label(obj) -> str:
        return str(obj.get_status_display())

    @staticmethod
    def resolve_partner_municipalities(obj) -> list[str]:
        return [town.slug for town in obj.partner_municipalities.all()]

    @staticmethod
    def resolve_benefits(obj) -> list:
        return list(obj.benefits.all())

    @staticmethod
    def resolve_url(obj) -> str | None:
        if not obj.is_public:
            return None
        return reverse("portal:measure", kwargs={"slug": obj.municipality.slug, "pk": obj.pk})


class MeasurePage(PageOut):
    items: list[MeasureOut]


class InternalMeasureOut(MeasureOut):
    reference: str
    is_public: bool
    version: int = Field(description="Für PATCH mitsenden (optimistisches Sperren).")
    risks: str
    origin_note: str
    source_url: str
    focus_id: int | None
    created_at: datetime.datetime


class InternalMeasurePage(PageOut):
    items: list[InternalMeasureOut]


class MeasureIn(Schema):
    """A new measure. Unknown keys are refused."""

    model_config = ConfigDict(extra="forbid")

    title: bounded_text(200, required=True)
    summary: bounded_text(600) = ""
    description: bounded_text(20_000) = ""
    action_field: Slug = Field(description="Kurzname eines Handlungsfelds des Netzwerks, z. B. mobilitaet.")
    further_action_fields: list[Slug] = Field(default_factory=list, max_length=50)
    status: MeasureStatus = MeasureStatus.IDEA
    start_date: datetime.date | None = None
    end_date: datetime.date | None = None
    investment_cost: Money | None = None
    running_cost: Money | None = None
    funding_programme: bounded_text(200) = ""
    funding_share: Share | None = None
    personnel_effort: Effort | None = None
    responsible_unit: bounded_text(200) = ""
    reference: bounded_text(40) = ""
    risks: bounded_text(5_000) = ""
    transferability: Transferability = Transferability.UNKNOWN
    transfer_note: bounded_text(5_000) = ""
    is_public: bool = Field(False, description="Veröffentlichen darf nur, wer dort veröffentlichen darf.")


class MeasurePatch(Schema):
    """Changes to a measure: only the keys sent are changed; `version` is the one read before."""

    model_config = ConfigDict(extra="forbid")

    version: int = Field(ge=1, le=2**31 - 1)
    title: bounded_text(200, required=True) = None
    summary: bounded_text(600) = None
    description: bounded_text(20_000) = None
    action_field: Slug = None
    further_action_fields: list[Slug] = Field(None, max_length=50)
    status: MeasureStatus = None
    start_date: datetime.date | None = None
    end_date: datetime.date | None = None
    investment_cost: Money | None = None
    running_cost: Money | None = None
    funding_programme: bounded_text(200) = None
    funding_share: Share | None = None
    personnel_effort: Effort | None = None
    responsible_unit: bounded_text(200) = None
    reference: bounded_text(40) = None
    risks: bounded_text(5_000) = None
    transferability: Transferability = None
    transfer_note: bounded_text(5_000) = None
    is_public: bool = None


class WorkspaceOut(Schema):
    slug: str
    name: str
    role: str | None = Field(description="Rolle in der Kommune; leer für die Netzwerk-Geschäftsstelle.")
    can_edit: bool
    can_publish: bool


class WorkspacePage(PageOut):
    items: list[WorkspaceOut]


# Lessons and events ---------------------------------------------------------------------------------------------


class LessonOut(_OfMunicipality):
    title: str
    text: str
    measure_id: int | None
    event_id: int | None
    created_at: datetime.datetime
    url: str

    @staticmethod
    def resolve_url(obj) -> str:
        return reverse("portal:lesson", kwargs={"slug": obj.municipality.slug, "pk": obj.pk})


class LessonPage(PageOut):
    items: list[LessonOut]


class InternalLessonOut(LessonOut):
    is_public: bool = Field(description="Zur Veröffentlichung freigegeben.")
    is_published: bool = Field(
        description="Steht im Portal: öffentlich, und die verknüpfte Maßnahme und das Format (falls vorhanden) auch."
    )
    version: int = Field(description="Für PATCH mitsenden (optimistisches Sperren).")
    updated_at: datetime.datetime
    url: str | None = Field(description="Seite im Portal (nur bei veröffentlichtem Wissen).")

    @staticmethod
    def resolve_url(obj) -> str | None:
        if not obj.is_published:
            return None
        return reverse("portal:lesson", kwargs={"slug": obj.municipality.slug, "pk": obj.pk})


class InternalLessonPage(PageOut):
    items: list[InternalLessonOut]


LinkId = Annotated[int, Field(ge=1, le=MAX_ID)]


class LessonIn(Schema):
    """New lessons learned. Unknown keys are refused."""

    model_config = ConfigDict(extra="forbid")

    title: bounded_text(200, required=True)
    text: bounded_text(10_000, required=True) = Field(description="Was wir gelernt haben.")
    measure_id: LinkId | None = Field(None, description="Id einer Maßnahme dieser Kommune (optional).")
    event_id: LinkId | None = Field(
        None, description="Id eines Formats dieser Kommune oder ihres Netzwerks (optional)."
    )
    is_public: bool = Field(False, description="Veröffentlichen darf nur, wer dort veröffentlichen darf.")


class LessonPatch(Schema):
    """Changes to lessons learned: only the keys sent are changed; `version` is the one read before; `null` for
    `measure_id` or `event_id` removes the link."""

    model_config = ConfigDict(extra="forbid")

    version: int = Field(ge=1, le=2**31 - 1)
    title: bounded_text(200, required=True) = None
    text: bounded_text(10_000, required=True) = None
    measure_id: LinkId | None = None
    event_id: LinkId | None = None
    is_public: bool = None


class EventOut(Schema):
    id: int
    title: str
    kind: str
    kind_label: str
    mode: str
    mode_label: str
    description: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    location: str
    network: str
    municipality: str | None = Field(description="Gastgebende Kommune; leer bei Formaten des Netzwerks.")
    host_name: str
    registration_open: bool
    url: str

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return str(obj.get_kind_display())

    @staticmethod
    def resolve_mode_label(obj) -> str:
        return str(obj.get_mode_display())

    @staticmethod
    def resolve_network(obj) -> str:
        return obj.network.slug

    @staticmethod
    def resolve_municipality(obj) -> str | None:
        return obj.municipality.slug if obj.municipality_id else None

    @staticmethod
    def resolve_host_name(obj) -> str:
        return obj.host_name

    @staticmethod
    def resolve_url(obj) -> str:
        return reverse("events:public_detail", kwargs={"pk": obj.pk})


class EventPage(PageOut):
    items: list[EventOut]
