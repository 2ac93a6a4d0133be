"""Import (upload → dry run → confirm) and export (.xlsx, .csv) of a municipality's measures."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vorort.core.access import municipality_view
from vorort.network.selectors import action_fields_of

from . import exporting
from .forms_io import ImportUploadForm
from .importing import (
    UNCHANGED,
    ImportOptions,
    ImportRefused,
    Issue,
    apply_import,
    discard_pending,
    load_pending,
    plan_import,
    store_pending,
    update_pending_fingerprint,
)
from .parsing import HEADER_SYNONYMS

ROWS_SHOWN = 1000


def _column_help() -> list[dict]:
    """The columns the importer understands, with the header words it accepts, for the upload page."""
    from .importing import field_label

    return [
        {"label": field_label(key), "words": ", ".join(words[:8]) + (" …" if len(words) > 8 else "")}
        for key, words in HEADER_SYNONYMS.items()
    ]


def _preview(request, municipality, report, *, token: str | None, notice: str = "", status: int = 200):
    rows = report.rows
    shown = [row for row in rows if row.action != UNCHANGED][:ROWS_SHOWN]
    return render(
        request,
        "measures/io_preview.html",
        {
            "municipality": municipality,
            "report": report,
            "counts": report.counts,
            "issues": report.issues[:ROWS_SHOWN],
            "issues_hidden": max(0, len(report.issues) - ROWS_SHOWN),
            "rows_shown": shown,
            "rows_hidden": len([row for row in rows if row.action != UNCHANGED]) - len(shown),
            "unchanged": [row for row in rows if row.action == UNCHANGED][:ROWS_SHOWN],
            "token": token,
            "notice": notice,
            "form": ImportUploadForm(network=municipality.network) if not token else None,
        },
        status=status,
    )


@municipality_view("measures.import_measures")
def measure_import(request, municipality):
    """Upload a file; answer with the dry run. Nothing is written here."""
    form = ImportUploadForm(request.POST or None, request.FILES or None, network=municipality.network)
    if request.method == "POST" and form.is_valid():
        filename = form.cleaned_data["file"].name or "import"
        options = ImportOptions(
            default_action_field=form.cleaned_data.get("default_action_field"),
            keep_existing_when_empty=form.cleaned_data.get("keep_existing_when_empty", False),
            may_publish=request.user.has_perm("measures.publish_measure", municipality),
        )
        report = plan_import(municipality=municipality, data=form.content, filename=filename, options=options)
        token = None
        if report.ok and report.writes:
            token = store_pending(
                user=request.user,
                municipality=municipality,
                data=form.content,
                filename=filename,
                options=options,
                fingerprint=report.fingerprint(),
            )
        return _preview(request, municipality, report, token=token)
    return render(
        request,
        "measures/io_import.html",
        {
            "municipality": municipality,
            "form": form,
            "columns": _column_help(),
            "action_fields": action_fields_of(municipality.network),
            "can_export": request.user.has_perm("measures.export_measures", municipality),
        },
    )


@require_POST
@municipality_view("measures.import_measures")
def measure_import_confirm(request, municipality):
    """Import exactly the previewed file, all or nothing; or discard it."""
    token = request.POST.get("token", "")
    pending = load_pending(token, user=request.user, municipality=municipality)
    if pending is None:
        messages.error(
            request,
            _("Die Vorschau ist abgelaufen oder nicht mehr vorhanden. Bitte laden Sie die Datei erneut hoch."),
        )
        return redirect("measures:import", slug=municipality.slug)
    if request.POST.get("action") == "discard":
        discard_pending(token)
        messages.info(request, _("Der Import wurde verworfen. Es wurde nichts gespeichert."))
        return redirect("measures:import", slug=municipality.slug)
    options = pending.import_options(
        municipality, may_publish=request.user.has_perm("measures.publish_measure", municipality)
    )
    report = plan_import(municipality=municipality, data=pending.data, filename=pending.filename, options=options)
    if not report.ok:
        discard_pending(token)
        return _preview(request, municipality, report, token=None)
    fingerprint = report.fingerprint()
    if fingerprint != pending.fingerprint:
        update_pending_fingerprint(token, fingerprint)
        notice = _(
            "Seit der Vorschau haben sich Maßnahmen geändert. Es wurde nichts gespeichert. Bitte prüfen Sie die "
            "aktualisierte Vorschau und bestätigen Sie erneut."
        )
        return _preview(request, municipality, report, token=token, notice=notice)
    try:
        counts = apply_import(actor=request.user, municipality=municipality, report=report)
    except ImportRefused as refused:
        report.file_errors.extend(refused.issues)
        report.file_errors.insert(0, Issue(None, None, _("Der Import wurde abgebrochen; es wurde nichts gespeichert.")))
        return _preview(request, municipality, report, token=None)
    discard_pending(token)
    messages.success(
        request,
        _("Import aus „%(file)s“ abgeschlossen: %(create)s neu, %(update)s geändert, %(unchanged)s unverändert.")
        % {"file": pending.filename, **counts},
    )
    return redirect("measures:import", slug=municipality.slug)


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@municipality_view("measures.export_measures")
def measure_export_xlsx(request, municipality):
    measures = exporting.measures_for_export(municipality, request.GET)
    return _download(
        exporting.xlsx_bytes(measures),
        exporting.XLSX_CONTENT_TYPE,
        exporting.export_filename(municipality, "xlsx"),
    )


@municipality_view("measures.export_measures")
def measure_export_csv(request, municipality):
    measures = exporting.measures_for_export(municipality, request.GET)
    return _download(
        exporting.csv_bytes(measures),
        exporting.CSV_CONTENT_TYPE,
        exporting.export_filename(municipality, "csv"),
    )
