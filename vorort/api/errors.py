"""Every API error is JSON with a German `detail`; invalid input (422) adds German messages per field."""

from __future__ import annotations

import logging
import math
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja.errors import AuthenticationError, HttpError, Throttled
from ninja.errors import ValidationError as NinjaValidationError

from vorort.core.concurrency import StaleEditError
from vorort.measures.models import Measure

logger = logging.getLogger(__name__)

NON_FIELD = "__all__"

# pydantic error types → German messages; %(name)s takes the error's context (limits, allowed values).
MESSAGES = {
    "missing": gettext_lazy("Dieses Feld ist erforderlich."),
    "extra_forbidden": gettext_lazy("Dieses Feld gibt es nicht."),
    "string_type": gettext_lazy("Bitte einen Text angeben."),
    "string_too_short": gettext_lazy("Dieses Feld darf nicht leer sein."),
    "string_too_long": gettext_lazy("Höchstens %(max_length)s Zeichen."),
    "string_pattern_mismatch": gettext_lazy("Nur Buchstaben, Ziffern, Bindestriche und Unterstriche."),
    "int_type": gettext_lazy("Bitte eine ganze Zahl angeben."),
    "int_parsing": gettext_lazy("Bitte eine ganze Zahl angeben."),
    "int_from_float": gettext_lazy("Bitte eine ganze Zahl angeben."),
    "int_parsing_size": gettext_lazy("Die Zahl ist zu groß."),
    "greater_than": gettext_lazy("Der Wert muss größer als %(gt)s sein."),
    "greater_than_equal": gettext_lazy("Der Wert muss mindestens %(ge)s sein."),
    "less_than": gettext_lazy("Der Wert muss kleiner als %(lt)s sein."),
    "less_than_equal": gettext_lazy("Der Wert darf höchstens %(le)s sein."),
    "decimal_type": gettext_lazy("Bitte eine Zahl angeben, z. B. 1234.50."),
    "decimal_parsing": gettext_lazy("Bitte eine Zahl angeben, z. B. 1234.50."),
    "decimal_max_digits": gettext_lazy("Höchstens %(max_digits)s Ziffern."),
    "decimal_max_places": gettext_lazy("Höchstens %(decimal_places)s Nachkommastellen."),
    "decimal_whole_digits": gettext_lazy("Die Zahl ist zu groß."),
    "finite_number": gettext_lazy("Bitte eine endliche Zahl angeben."),
    "date_type": gettext_lazy("Bitte ein Datum im Format JJJJ-MM-TT angeben."),
    "date_parsing": gettext_lazy("Bitte ein Datum im Format JJJJ-MM-TT angeben."),
    "date_from_datetime_parsing": gettext_lazy("Bitte ein Datum im Format JJJJ-MM-TT angeben."),
    "date_from_datetime_inexact": gettext_lazy("Bitte ein Datum ohne Uhrzeit angeben."),
    "bool_type": gettext_lazy("Bitte true oder false angeben."),
    "bool_parsing": gettext_lazy("Bitte true oder false angeben."),
    "enum": gettext_lazy("Unbekannter Wert. Erlaubt sind: %(expected)s."),
    "literal_error": gettext_lazy("Unbekannter Wert. Erlaubt sind: %(expected)s."),
    "list_type": gettext_lazy("Bitte eine Liste angeben."),
    "too_long": gettext_lazy("Höchstens %(max_length)s Einträge."),
    "model_type": gettext_lazy("Bitte ein JSON-Objekt senden."),
    "model_attributes_type": gettext_lazy("Bitte ein JSON-Objekt senden."),
    "dict_type": gettext_lazy("Bitte ein JSON-Objekt senden."),
    "json_invalid": gettext_lazy("Der Inhalt ist kein gültiges JSON."),
}
FALLBACK = gettext_lazy("Ungültiger Wert.")


def _message(error: dict[str, Any]) -> str:
    kind = error.get("type", "")
    context = error.get("ctx") or {}
    if kind == "value_error" and context.get("error"):
        return str(context["error"])  # our own validators raise German messages
    template = MESSAGES.get(kind)
    if template is None:
        return str(FALLBACK)
    try:
        return str(template) % {key: str(value) for key, value in context.items()}
    except (KeyError, TypeError, ValueError):
        return str(FALLBACK)


def _field(loc: tuple | list) -> str:
    """('body', 'payload', 'title') → 'title'; ('query', 'limit') → 'limit'; list indexes stay: 'x.0'."""
    parts = [str(part) for part in loc]
    if parts and parts[0] in {"body", "query", "path", "header", "cookie", "form", "file"}:
        parts = parts[1:]
    if len(parts) > 1 and parts[0] == "payload":
        parts = parts[1:]
    return ".".join(parts) or NON_FIELD


def field_errors(errors: list[dict[str, Any]]) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {}
    for error in errors:
        result.setdefault(_field(error.get("loc", ())), []).append(_message(error))
    return result


def invalid(api, request, errors: dict[str, list[str]]):
    return api.create_response(request, {"detail": str(_("Die Eingaben sind ungültig.")), "errors": errors}, status=422)


class FieldErrors(Exception):
    """Raised by an endpoint: 422 with these messages per field."""

    def __init__(self, errors: dict[str, list[str]]):
        self.errors = errors
        super().__init__(errors)


def register(api) -> None:
    """Install the JSON error handlers on the NinjaAPI `api`."""

    def respond(request, detail: str, status: int, **extra):
        return api.create_response(request, {"detail": str(detail), **extra}, status=status)

    @api.exception_handler(NinjaValidationError)
    def on_invalid_input(request, exc):
        return invalid(api, request, field_errors(exc.errors))

    @api.exception_handler(FieldErrors)
    def on_field_errors(request, exc):
        return invalid(api, request, exc.errors)

    @api.exception_handler(DjangoValidationError)
    def on_model_errors(request, exc):
        if hasattr(exc, "error_dict"):
            errors = {name: [str(message) for message in messages] for name, messages in exc.message_dict.items()}
        else:
            errors = {NON_FIELD: [str(message) for message in exc.messages]}
        return invalid(api, request, errors)

    @api.exception_handler(StaleEditError)
    def on_stale(request, exc):
        if isinstance(exc.current, Measure):
            detail = _(
                "Jemand anderes hat diese Maßnahme inzwischen geändert. Bitte die aktuelle Fassung lesen und die "
                "Änderung mit der neuen Version erneut senden."
            )
        else:
            detail = _(
                "Jemand anderes hat diesen Eintrag inzwischen geändert. Bitte die aktuelle Fassung lesen und die "
                "Änderung mit der neuen Version erneut senden."
            )
        return respond(request, detail, 409, current_version=exc.current.version)

    @api.exception_handler(AuthenticationError)
    def on_unauthenticated(request, exc):
        response = respond(
            request,
            _("Bitte mit einem gültigen API-Schlüssel anfragen (Kopfzeile „Authorization: Bearer …“)."),
            401,
        )
        response["WWW-Authenticate"] = "Bearer"
        return response

    @api.exception_handler(PermissionDenied)
    def on_forbidden(request, exc):
        return respond(request, _("Dafür fehlt Ihnen in dieser Kommune die Berechtigung."), 403)

    @api.exception_handler(Http404)
    def on_not_found(request, exc):
        return respond(request, _("Nicht gefunden."), 404)

    @api.exception_handler(Throttled)
    def on_throttled(request, exc):
        wait = max(1, math.ceil(exc.wait or 1))
        response = respond(
            request,
            _("Zu viele Anfragen. Bitte in %(seconds)s Sekunden erneut versuchen.") % {"seconds": wait},
            429,
        )
        response["Retry-After"] = str(wait)
        return response

    @api.exception_handler(HttpError)
    def on_http_error(request, exc):
        if exc.status_code == 400:  # ninja's only 400: a request body it cannot parse
            return respond(request, _("Der Inhalt der Anfrage ist kein gültiges JSON."), 400)
        return respond(request, exc.message, exc.status_code)

    @api.exception_handler(Exception)
    def on_server_error(request, exc):
        logger.exception("API error on %s %s", request.method, request.path)
        return respond(request, _("Interner Fehler. Bitte später erneut versuchen."), 500)
