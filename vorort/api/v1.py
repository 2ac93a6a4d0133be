"""The REST API, version 1, mounted at /api/v1/; its OpenAPI schema is served at /api/openapi.json.

Public reads need no token and show only what the portal shows (the portal's and the events app's selectors
decide). Everything under /arbeitsbereich/ needs `Authorization: Bearer <token>`: the token acts as its user;
a municipality the user cannot see is 404, a missing right 403 – the same rules as the web pages. The JSON
conventions are described in `vorort.api.schemas` and in the schema's description below.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from django.db.models import QuerySet
from django.http import JsonResponse
from django.urls import path, re_path, reverse
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Path, Query, Router, Schema, Status
from ninja.errors import HttpError

from vorort.accounts.selectors import role_map
from vorort.events.selectors import PAST, UPCOMING
from vorort.measures import services as measure_services
from vorort.measures.models import MeasureStatus
from vorort.network.models import SizeClass
from vorort.network.selectors import municipality_for
from vorort.portal import services as lesson_services
from vorort.strategy import services as strategy_services

from . import selectors
from .auth import RateLimit, TokenAuth
from .errors import NON_FIELD, FieldErrors, register
from .schemas import (
    ERRORS,
    MAX_ID,
    SLUG_PATTERN,
    EventOut,
    EventPage,
    IndicatorPage,
    InternalIndicatorPage,
    InternalLessonOut,
    InternalLessonPage,
    InternalMeasureOut,
    InternalMeasurePage,
    LessonIn,
    LessonOut,
    LessonPage,
    LessonPatch,
    MeasureIn,
    MeasurementConflictOut,
    MeasurementIn,
    MeasurementOut,
    MeasurementPage,
    MeasureOut,
    MeasurePage,
    MeasurePatch,
    MunicipalityDetailOut,
    MunicipalityPage,
    Slug,
    StaleOut,
    WorkspacePage,
)

MAX_LIMIT = 100
DEFAULT_LIMIT = 25
MAX_OFFSET = 1_000_000


class VorortApi(NinjaAPI):
    def _get_urls(self):
        """ninja's own root view raises Django's HTML 404; answer the root and every address below it that names no
        endpoint with the API's JSON 404 instead."""
        urls = [url for url in super()._get_urls() if getattr(url, "name", None) != "api-root"]
        for url in urls:
            url.callback = _json_not_allowed(url.callback)
        return [*urls, path("", _not_found, name="api-root"), re_path(r"^.+$", _not_found, name="not_found")]


def _not_found(request, **kwargs):
    return JsonResponse({"detail": _("Nicht gefunden.")}, status=404, json_dumps_params={"ensure_ascii": False})


def _json_not_allowed(view):
    """ninja answers a method an address does not offer with a plain-text 405: give it the API's JSON body."""

    @wraps(view)  # keeps csrf_exempt
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code == 405:
            allowed = response.get("Allow", "")
            answer = JsonResponse(
                {"detail": _("Diese Methode ist hier nicht erlaubt (erlaubt: %(allowed)s).") % {"allowed": allowed}},
                status=405,
                json_dumps_params={"ensure_ascii": False},
            )
            answer["Allow"] = allowed
            return answer
        return response

    return wrapper


api = VorortApi(
    title="vorort API",
    version="1",
    description=(
        "Öffentliche Daten des Netzwerks (Kommunen, veröffentlichte Maßnahmen, Wissen, öffentliche Formate, "
        "Indikatoren beschlossener Strategien) ohne Anmeldung; unter /arbeitsbereich/ Maßnahmen, Wissen und "
        "Indikatoren mit Messwerten der eigenen Kommunen mit einem persönlichen API-Schlüssel "
        "(`Authorization: Bearer …`), angelegt unter /konto/api-zugang/; der Schlüssel hat genau die Rechte seiner "
        "Person.\n\n"
        "JSON-Schlüssel sind englisch; Daten und Zeitpunkte ISO 8601; Beträge und andere Dezimalzahlen Zeichenketten "
        'mit Punkt (`"250000.00"`); Auswahlwerte mit Code und deutscher Bezeichnung (`status`, `status_label`); '
        "Ids sind stabil. Listen blättern mit `limit` (1–100, Vorgabe 25) und `offset` und liefern `count`, `next`, "
        "`previous` und `items`. Fehler sind JSON mit deutscher Meldung `detail`, ungültige Eingaben (422) zusätzlich "
        "mit `errors` je Feld; eine veraltete `version` beim Ändern gibt 409, ebenso ein zweiter Messwert für "
        "denselben Tag (er wird nicht überschrieben); zu viele Anfragen 429 mit Retry-After."
    ),
    urls_namespace="api-v1",
    openapi_url=None,  # served at /api/openapi.json by vorort.api.views
    docs_url=None,  # the interactive docs load JavaScript from a CDN, which the CSP forbids
    throttle=[RateLimit()],
)
register(api)

IdPath = Path(..., ge=1, le=MAX_ID)
SlugPath = Path(..., pattern=SLUG_PATTERN, max_length=50)


def responses(ok: dict[int, Any], *codes: int) -> dict[int, Any]:
    """The success response plus the documented errors (422 and 429 always; 404 always for the JSON 404)."""
    return {**ok, **{code: ERRORS[code] for code in (404, 422, 429, *codes)}}


# Paging ---------------------------------------------------------------------------------------------------------


class PageQuery(Schema):
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"Einträge je Seite (1–{MAX_LIMIT}).")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Wie viele Einträge übersprungen werden.")


def page(request, rows: QuerySet | list, query: PageQuery) -> dict[str, Any]:
    """One page of `rows` with the total count and the addresses of the neighbouring pages."""
    count = rows.count() if isinstance(rows, QuerySet) else len(rows)
    start, limit = query.offset, query.limit

    def link(offset: int) -> str:
        params = request.GET.copy()
        params["offset"], params["limit"] = str(offset), str(limit)
        return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")

    return {
        "count": count,
        "limit": limit,
        "offset": start,
        "next": link(start + limit) if start + limit < count else None,
        "previous": link(max(0, start - limit)) if start > 0 else None,
        "items": list(rows[start : start + limit]),
    }


# Public reads -----------------------------------------------------------------------------------------------------

public = Router(tags=["öffentlich"])


class MunicipalityQuery(PageQuery):
    network: Slug | None = Field(None, description="Kurzname des Netzwerks.")
    size_class: SizeClass | None = None
    rural: bool | None = None


@public.get("/kommunen/", response=responses({200: MunicipalityPage}), url_name="municipality_list")
def municipality_list(request, query: Query[MunicipalityQuery]):
    """Die Mitgliedskommunen mit der Zahl ihrer veröffentlichten Maßnahmen."""
    rows = selectors.municipality_list(
        network=query.network or "", size_class=query.size_class or "", rural=query.rural
    )
    return page(request, rows, query)


@public.get("/kommunen/{slug}", response=responses({200: MunicipalityDetailOut}), url_name="municipality")
def municipality_detail(request, slug: str = SlugPath):
    """Eine Kommune mit ihrer beschlossenen Vision (falls es eine gibt)."""
    municipality = selectors.municipality_detail(slug)
    municipality.vision = selectors.adopted_vision(municipality)
    return municipality


@public.get("/kommunen/{slug}/indikatoren/", response=responses({200: IndicatorPage}), url_name="indicator_list")
def indicator_list(request, query: Query[PageQuery], slug: str = SlugPath):
    """Indikatoren der beschlossenen Strategie: Schwerpunkt, Ziel, Ausgangs-, Ziel- und letzter Messwert."""
    municipality = selectors.municipality_detail(slug)
    rows = [
        {
            **{name: getattr(row["indicator"], name) for name in _INDICATOR_FIELDS},
            "goal_id": row["goal"].pk,
            "goal": row["goal"].title,
            "focus_id": row["focus"].pk,
            "focus": row["focus"].title,
            "action_field": row["focus"].action_field.slug,
            # The latest value comes from a subquery: SQLite drops its decimal places, so restore them.
            "latest_value": _cents(row["indicator"].latest_value),
        }
        for row in selectors.public_indicators(municipality)
    ]
    return page(request, rows, query)


def _cents(value) -> Decimal | None:
    return None if value is None else Decimal(value).quantize(Decimal("0.01"))


_INDICATOR_FIELDS = (
    "id",
    "name",
    "unit",
    "baseline_value",
    "baseline_date",
    "target_value",
    "target_date",
    "latest_value",
    "latest_date",
)


class MeasureQuery(PageQuery):
    municipality: Slug | None = Field(None, description="Kurzname der Kommune.")
    action_field: Slug | None = Field(None, description="Kurzname des Handlungsfelds (auch weitere Felder).")
    status: MeasureStatus | None = None
    user_group: int | None = Field(None, ge=1, le=MAX_ID, description="Id einer Nutzer*innengruppe mit Mehrwert.")


@public.get("/massnahmen/", response=responses({200: MeasurePage}), url_name="measure_list")
def measure_list(request, query: Query[MeasureQuery]):
    """Veröffentlichte Maßnahmen aller Kommunen, nach Titel sortiert."""
    rows = selectors.public_measure_list(
        municipality=query.municipality or "",
        action_field=query.action_field or "",
        status=query.status or "",
        user_group=query.user_group,
    )
    return page(request, rows, query)


@public.get("/massnahmen/{id}", response=responses({200: MeasureOut}), url_name="measure")
def measure_detail(request, id: int = IdPath):
    """Eine veröffentlichte Maßnahme; interne Maßnahmen gibt es hier nicht (404)."""
    return selectors.public_measure(id)


class LessonQuery(PageQuery):
    municipality: Slug | None = None
    action_field: Slug | None = None


@public.get("/wissen/", response=responses({200: LessonPage}), url_name="lesson_list")
def lesson_list(request, query: Query[LessonQuery]):
    """Veröffentlichtes Wissen (Lessons learned), neueste zuerst."""
    rows = selectors.public_lesson_list(municipality=query.municipality or "", action_field=query.action_field or "")
    return page(request, rows, query)


@public.get("/wissen/{id}", response=responses({200: LessonOut}), url_name="lesson")
def lesson_detail(request, id: int = IdPath):
    return selectors.public_lesson(id)


class EventQuery(PageQuery):
    municipality: Slug | None = Field(None, description="Formate, die diese Kommune ausrichtet oder mitmacht.")
    period: str = Field(UPCOMING, pattern=f"^({UPCOMING}|{PAST})$", description="kommend oder vergangen.")


@public.get("/formate/", response=responses({200: EventPage}), url_name="event_list")
def event_list(request, query: Query[EventQuery]):
    """Öffentliche Formate (Veranstaltungen): kommende nach Beginn, vergangene neueste zuerst."""
    rows = selectors.public_event_list(municipality=query.municipality or "", period=query.period)
    return page(request, rows, query)


@public.get("/formate/{id}", response=responses({200: EventOut}), url_name="event")
def event_detail(request, id: int = IdPath):
    return selectors.public_event(id)


# The workspace (token) ---------------------------------------------------------------------------------------------

workspace = Router(tags=["arbeitsbereich"], auth=TokenAuth())


def _user(request):
    return request.auth.user


def _municipality(request, slug: str, perm: str):
    """The municipality among those the token's user may see (else 404), if they hold `perm` there (else 403)."""
    user = _user(request)
    municipality = municipality_for(user, slug)
    if not user.has_perm(perm, municipality):
        raise PermissionDenied
    return municipality


@workspace.get("/arbeitsbereich/", response=responses({200: WorkspacePage}, 401), url_name="workspace_list")
def workspace_list(request, query: Query[PageQuery]):
    """Die Kommunen, deren Arbeitsbereich der Schlüssel sehen darf, mit Rolle und Rechten."""
    user = _user(request)
    roles = role_map(user)
    rows = [
        {
            "slug": town.slug,
            "name": town.name,
            "role": roles.role_in(town.pk),
            "can_edit": user.has_perm("measures.change_measure", town),
            "can_publish": user.has_perm("measures.publish_measure", town),
        }
        for town in selectors.workspace_municipalities(user)
    ]
    return page(request, rows, query)


class InternalMeasureQuery(PageQuery):
    action_field: Slug | None = None
    status: MeasureStatus | None = None
    user_group: int | None = Field(None, ge=1, le=MAX_ID)
    public: bool | None = Field(None, description="true: nur öffentliche, false: nur interne.")


MEASURES = "/arbeitsbereich/{slug}/massnahmen/"


@workspace.get(MEASURES, response=responses({200: InternalMeasurePage}, 401, 403), url_name="workspace_measures")
def workspace_measure_list(request, query: Query[InternalMeasureQuery], slug: str = SlugPath):
    """Alle Maßnahmen der Kommune, auch interne (Recht: Maßnahmen lesen)."""
    municipality = _municipality(request, slug, "measures.view_measure")
    rows = selectors.internal_measure_list(
        municipality,
        action_field=query.action_field or "",
        status=query.status or "",
        user_group=query.user_group,
        public=query.public,
    )
    return page(request, rows, query)


@workspace.post(MEASURES, response=responses({201: InternalMeasureOut}, 400, 401, 403), url_name="workspace_measures")
def workspace_measure_create(request, payload: MeasureIn, slug: str = SlugPath):
    """Eine Maßnahme anlegen (Recht: Maßnahmen bearbeiten; `is_public: true` nur mit dem Recht zu veröffentlichen)."""
    municipality = _municipality(request, slug, "measures.change_measure")
    data, m2m = _measure_values(request, municipality, payload.model_dump())
    measure = measure_services.measure_create(actor=_user(request), municipality=municipality, data=data, m2m=m2m)
    return Status(201, selectors.internal_measure(municipality, measure.pk))


MEASURE = "/arbeitsbereich/{slug}/massnahmen/{id}"


@workspace.get(MEASURE, response=responses({200: InternalMeasureOut}, 401, 403), url_name="workspace_measure")
def workspace_measure_detail(request, slug: str = SlugPath, id: int = IdPath):
    municipality = _municipality(request, slug, "measures.view_measure")
    return selectors.internal_measure(municipality, id)


@workspace.patch(
    MEASURE, response=responses({200: InternalMeasureOut, 409: StaleOut}, 400, 401, 403), url_name="workspace_measure"
)
def workspace_measure_update(request, payload: MeasurePatch, slug: str = SlugPath, id: int = IdPath):
    """Felder einer Maßnahme ändern. `version` ist Pflicht: Hat jemand die Maßnahme seitdem gespeichert, kommt 409
    mit der aktuellen Version, und nichts wird geändert."""
    municipality = _municipality(request, slug, "measures.change_measure")
    measure = selectors.internal_measure(municipality, id)
    changes = payload.model_dump(exclude_unset=True)
    version = changes.pop("version")
    data, m2m = _measure_values(request, municipality, changes, current=measure)
    measure_services.measure_update(actor=_user(request), measure=measure, data=data, m2m=m2m, expected_version=version)
    return selectors.internal_measure(municipality, id)


def _measure_values(request, municipality, values: dict[str, Any], current=None) -> tuple[dict, dict]:
    """API values → (model fields, many-to-many) for the measures services; German messages for what is wrong."""
    errors: dict[str, list[str]] = {}
    data = dict(values)
    m2m: dict[str, list] = {}
    if "action_field" in data:
        field = selectors.action_field_of(municipality, data["action_field"])
        if field is None:
            errors["action_field"] = [_("Dieses Handlungsfeld gibt es im Netzwerk nicht.")]
        data["action_field"] = field
    if "further_action_fields" in data:
        slugs = list(dict.fromkeys(data.pop("further_action_fields")))
        fields = selectors.action_fields_of(municipality, slugs)
        if unknown := [slug for slug in slugs if slug not in fields]:
            errors["further_action_fields"] = [
                _("Diese Handlungsfelder gibt es im Netzwerk nicht: %(slugs)s.") % {"slugs": ", ".join(unknown)}
            ]
        m2m["further_action_fields"] = list(fields.values())
    for name in ("status", "transferability"):
        if data.get(name) is not None:
            data[name] = str(data[name].value if hasattr(data[name], "value") else data[name])
    start = data.get("start_date", getattr(current, "start_date", None))
    end = data.get("end_date", getattr(current, "end_date", None))
    if start and end and end < start:
        errors["end_date"] = [_("Das Ende darf nicht vor dem Beginn liegen.")]
    if errors:
        raise FieldErrors(errors)
    publishing = data.get("is_public", getattr(current, "is_public", False)) != getattr(current, "is_public", False)
    if publishing and not _user(request).has_perm("measures.publish_measure", municipality):
        raise HttpError(403, _("Veröffentlichen oder zurückziehen darf nur, wer das Recht zu veröffentlichen hat."))
    return data, m2m


# Lessons learned (Wissen) -------------------------------------------------------------------------------------------


class InternalLessonQuery(PageQuery):
    public: bool | None = Field(None, description="true: nur zur Veröffentlichung freigegebene, false: nur interne.")
    measure_id: int | None = Field(None, ge=1, le=MAX_ID, description="Nur Wissen zu dieser Maßnahme.")


LESSONS = "/arbeitsbereich/{slug}/wissen/"


@workspace.get(LESSONS, response=responses({200: InternalLessonPage}, 401, 403), url_name="workspace_lessons")
def workspace_lesson_list(request, query: Query[InternalLessonQuery], slug: str = SlugPath):
    """Alles Wissen (Lessons learned) der Kommune, auch internes, neueste zuerst (Recht: Wissen lesen)."""
    municipality = _municipality(request, slug, "portal.view_lessons")
    rows = selectors.internal_lesson_list(municipality, public=query.public, measure=query.measure_id)
    return page(request, rows, query)


@workspace.post(LESSONS, response=responses({201: InternalLessonOut}, 400, 401, 403), url_name="workspace_lessons")
def workspace_lesson_create(request, payload: LessonIn, slug: str = SlugPath):
    """Wissen anlegen (Recht: Wissen bearbeiten; `is_public: true` nur mit dem Recht zu veröffentlichen). Maßnahme
    und Format müssen zur Kommune gehören (das Format auch zu ihrem Netzwerk), sonst 422."""
    municipality = _municipality(request, slug, "portal.change_lesson")
    data = _lesson_values(request, municipality, payload.model_dump())
    lesson = _lesson_write(
        lambda: lesson_services.lesson_create(actor=_user(request), municipality=municipality, data=data)
    )
    return Status(201, selectors.internal_lesson(municipality, lesson.pk))


LESSON = "/arbeitsbereich/{slug}/wissen/{id}"


@workspace.get(LESSON, response=responses({200: InternalLessonOut}, 401, 403), url_name="workspace_lesson")
def workspace_lesson_detail(request, slug: str = SlugPath, id: int = IdPath):
    municipality = _municipality(request, slug, "portal.view_lessons")
    return selectors.internal_lesson(municipality, id)


@workspace.patch(
    LESSON, response=responses({200: InternalLessonOut, 409: StaleOut}, 400, 401, 403), url_name="workspace_lesson"
)
def workspace_lesson_update(request, payload: LessonPatch, slug: str = SlugPath, id: int = IdPath):
    """Wissen ändern. `version` ist Pflicht: Hat es jemand seitdem gespeichert, kommt 409 mit der aktuellen Version,
    und nichts wird geändert."""
    municipality = _municipality(request, slug, "portal.change_lesson")
    lesson = selectors.internal_lesson(municipality, id)
    changes = payload.model_dump(exclude_unset=True)
    version = changes.pop("version")
    data = _lesson_values(request, municipality, changes, current=lesson)
    _lesson_write(
        lambda: lesson_services.lesson_update(actor=_user(request), lesson=lesson, data=data, expected_version=version)
    )
    return selectors.internal_lesson(municipality, id)


@workspace.delete(LESSON, response=responses({204: None}, 401, 403), url_name="workspace_lesson")
def workspace_lesson_delete(request, slug: str = SlugPath, id: int = IdPath):
    """Wissen löschen (Recht: Wissen löschen; zur Veröffentlichung freigegebenes nur mit dem Recht zu
    veröffentlichen)."""
    municipality = _municipality(request, slug, "portal.delete_lesson")
    lesson = selectors.internal_lesson(municipality, id)
    if lesson.is_public and not _user(request).has_perm("portal.publish_lesson", municipality):
        raise HttpError(403, _("Öffentliches Wissen löschen darf nur, wer das Recht zu veröffentlichen hat."))
    lesson_services.lesson_delete(actor=_user(request), lesson=lesson)
    return Status(204, None)


# The API's names for the links, and the services' names (their ValidationErrors use the model's field names).
_LESSON_LINKS = {"measure_id": "measure", "event_id": "event"}


def _lesson_values(request, municipality, values: dict[str, Any], current=None) -> dict[str, Any]:
    """API values → model fields for the portal's lesson services. An unknown id gets the same message as another
    town's (which the service refuses), so ids of other towns cannot be probed."""
    errors: dict[str, list[str]] = {}
    data = dict(values)
    if "measure_id" in data:
        pk = data.pop("measure_id")
        data["measure"] = selectors.lesson_measure(pk)
        if pk is not None and data["measure"] is None:
            errors["measure_id"] = [_("Bitte eine Maßnahme dieser Kommune wählen.")]
    if "event_id" in data:
        pk = data.pop("event_id")
        data["event"] = selectors.lesson_event(pk)
        if pk is not None and data["event"] is None:
            errors["event_id"] = [_("Bitte ein Format dieser Kommune oder ihres Netzwerks wählen.")]
    if errors:
        raise FieldErrors(errors)
    # Links first, rights second: a 403 for another town's id would tell that the id exists.
    _lesson_write(lambda: lesson_services.lesson_links_check(municipality, data))
    publishing = data.get("is_public", getattr(current, "is_public", False)) != getattr(current, "is_public", False)
    if publishing and not _user(request).has_perm("portal.publish_lesson", municipality):
        raise HttpError(403, _("Veröffentlichen oder zurückziehen darf nur, wer das Recht zu veröffentlichen hat."))
    return data


def _lesson_write(write):
    """Run a lesson service; its ValidationError (e.g. another town's measure) becomes 422 at the API's field."""
    try:
        return write()
    except DjangoValidationError as error:
        messages = error.message_dict if hasattr(error, "error_dict") else {NON_FIELD: error.messages}
        names = {model: api for api, model in _LESSON_LINKS.items()}
        raise FieldErrors({names.get(name, name): list(texts) for name, texts in messages.items()}) from error


# Indicators and measurements -----------------------------------------------------------------------------------------


@workspace.get(
    "/arbeitsbereich/{slug}/indikatoren/",
    response=responses({200: InternalIndicatorPage}, 401, 403),
    url_name="workspace_indicators",
)
def workspace_indicator_list(request, query: Query[PageQuery], slug: str = SlugPath):
    """Alle Indikatoren der Kommune, auch die einer noch nicht beschlossenen Strategie, mit dem letzten Messwert
    (Recht: Strategie lesen)."""
    municipality = _municipality(request, slug, "strategy.view_strategy")
    is_public = selectors.strategy_is_public(municipality)
    result = page(request, selectors.internal_indicator_list(municipality), query)
    result["items"] = [_internal_indicator(municipality, indicator, is_public) for indicator in result["items"]]
    return result


def _internal_indicator(municipality, indicator, is_public: bool) -> dict[str, Any]:
    latest = _cents(indicator.latest_value)
    return {
        **{name: getattr(indicator, name) for name in _INDICATOR_FIELDS},
        "latest_value": latest,
        "goal_id": indicator.goal_id,
        "goal": indicator.goal.title,
        "focus_id": indicator.goal.focus_id,
        "focus": indicator.goal.focus.title,
        "action_field": indicator.goal.focus.action_field.slug,
        "is_public": is_public,
        "progress": indicator.progress_for(latest),
        "version": indicator.version,
        "url": reverse("strategy:indicator_detail", kwargs={"slug": municipality.slug, "pk": indicator.pk}),
    }


class MeasurementQuery(PageQuery):
    since: datetime.date | None = Field(None, description="Nur Messwerte ab diesem Tag (JJJJ-MM-TT).")
    until: datetime.date | None = Field(None, description="Nur Messwerte bis zu diesem Tag (JJJJ-MM-TT).")


MEASUREMENTS = "/arbeitsbereich/{slug}/indikatoren/{id}/messwerte/"


@workspace.get(MEASUREMENTS, response=responses({200: MeasurementPage}, 401, 403), url_name="workspace_measurements")
def workspace_measurement_list(request, query: Query[MeasurementQuery], slug: str = SlugPath, id: int = IdPath):
    """Die Messwerte eines Indikators, älteste zuerst (Recht: Strategie lesen)."""
    municipality = _municipality(request, slug, "strategy.view_strategy")
    indicator = selectors.internal_indicator(municipality, id)
    result = page(request, selectors.measurement_list(indicator, since=query.since, until=query.until), query)
    result["items"] = [_measurement(indicator, row) for row in result["items"]]
    return result


@workspace.post(
    MEASUREMENTS,
    response=responses({201: MeasurementOut, 409: MeasurementConflictOut}, 400, 401, 403),
    url_name="workspace_measurements",
)
def workspace_measurement_create(request, payload: MeasurementIn, slug: str = SlugPath, id: int = IdPath):
    """Einen Messwert erfassen, z. B. automatisch aus einer Sensorplattform oder von der Statistikstelle (Recht:
    Strategie bearbeiten; protokolliert). Je Indikator und Tag gibt es einen Wert: Gibt es für den Tag schon einen,
    kommt 409 mit dem gespeicherten Wert, und nichts wird geändert – wie in der Weboberfläche wird ein Messwert nicht
    überschrieben; korrigieren lässt er sich dort (löschen und neu erfassen). Ein erneut gesendeter gleicher Wert
    lässt sich so am 409 und `existing` erkennen."""
    municipality = _municipality(request, slug, "strategy.change_strategy")
    indicator = selectors.internal_indicator(municipality, id)
    if (existing := selectors.measurement_on(indicator, payload.measured_on)) is None:
        try:
            measurement = strategy_services.measurement_create(
                actor=_user(request),
                indicator=indicator,
                measured_on=payload.measured_on,
                value=payload.value,
                note=payload.note,
            )
        except (DjangoValidationError, IntegrityError):
            # Recorded by someone else in the meantime (the service's check or the unique constraint)?
            if (existing := selectors.measurement_on(indicator, payload.measured_on)) is None:
                raise
        else:
            return Status(201, _measurement(indicator, measurement))
    return Status(
        409,
        {
            "detail": _(
                "Für diesen Tag gibt es schon einen Messwert. Er wird nicht überschrieben; korrigieren lässt er sich "
                "in der Weboberfläche (löschen und neu erfassen)."
            ),
            "existing": _measurement(indicator, existing),
        },
    )


def _measurement(indicator, measurement) -> dict[str, Any]:
    value = _cents(measurement.value)
    return {
        "id": measurement.pk,
        "measured_on": measurement.measured_on,
        "value": value,
        "note": measurement.note,
        "progress": indicator.progress_for(value),
    }


api.add_router("/", public)
api.add_router("/", workspace)
