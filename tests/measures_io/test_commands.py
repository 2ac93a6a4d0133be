"""The command line: `vorort import_measures` and `vorort export_measures`."""

import io

import pytest
from django.core.management import CommandError, call_command

from vorort.core.models import AuditEntry
from vorort.measures.models import Measure

from .conftest import copy_sample
from .helpers import csv_bytes, read_xlsx, xlsx


def command(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_dry_run_reports_and_writes_nothing(velbert, tmp_path):
    path = copy_sample(tmp_path / "projektliste.xlsx")
    out, _err = command("import_measures", "velbert", str(path), "--dry-run")
    assert "6 neu" in out and "Probelauf" in out
    assert "Zeile 3: neu – Digitaler Zwilling Innenstadt" in out
    assert Measure.objects.count() == 0


def test_import_as_system_then_again_without_duplicates(velbert, tmp_path):
    path = copy_sample(tmp_path / "projektliste.xlsx")
    out, _err = command("import_measures", "velbert", str(path))
    assert "Import abgeschlossen: 6 neu" in out
    assert Measure.objects.filter(municipality=velbert).count() == 6
    entry = AuditEntry.objects.filter(content_type__model="measure").first()
    assert entry.actor is None and entry.actor_label == "System"
    out, _err = command("import_measures", "velbert", str(path))
    assert "0 neu, 0 geändert, 6 unverändert" in out
    assert Measure.objects.filter(municipality=velbert).count() == 6


def test_refused_file_exits_non_zero_with_the_german_report(velbert, tmp_path):
    path = tmp_path / "fehler.csv"
    path.write_bytes(csv_bytes([["Titel", "Handlungsfeld", "Beginn"], ["Test", "Wohnen", "31.02.2025"]]))
    with pytest.raises(CommandError) as error:
        command("import_measures", "velbert", str(path))
    message = str(error.value)
    assert "Zeile 2, Spalte „Beginn“: „31.02.2025“ ist kein gültiges Datum." in message
    assert "nichts gespeichert" in message
    with pytest.raises(CommandError):
        command("import_measures", "velbert", str(path), "--dry-run")
    assert Measure.objects.count() == 0


def test_not_a_spreadsheet_unknown_town_and_missing_file(velbert, tmp_path):
    image = tmp_path / "bild.xlsx"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    with pytest.raises(CommandError, match="weder eine Excel-Arbeitsmappe"):
        command("import_measures", "velbert", str(image))
    with pytest.raises(CommandError, match="Kommune „atlantis“"):
        command("import_measures", "atlantis", str(image))
    with pytest.raises(CommandError, match="gibt es nicht"):
        command("import_measures", "velbert", str(tmp_path / "fehlt.xlsx"))


def test_default_action_field_option(velbert, tmp_path):
    path = tmp_path / "liste.xlsx"
    path.write_bytes(xlsx([["Titel", "Status"], ["Ohne Feld", "Idee"]]))
    with pytest.raises(CommandError, match="Handlungsfeld fehlt"):
        command("import_measures", "velbert", str(path))
    command("import_measures", "velbert", str(path), "--handlungsfeld", "Wohnen")
    assert Measure.objects.get(title="Ohne Feld").action_field.slug == "wohnen"
    with pytest.raises(CommandError, match="kein Handlungsfeld"):
        command("import_measures", "velbert", str(path), "--handlungsfeld", "Raumfahrt")


def test_progress_bar_on_stderr_for_large_files(velbert, tmp_path):
    rows = [["Titel", "Handlungsfeld"]] + [[f"Maßnahme {n}", "Wohnen"] for n in range(600)]
    path = tmp_path / "gross.csv"
    path.write_bytes(csv_bytes(rows))
    out, err = command("import_measures", "velbert", str(path))
    assert "Prüfen" in err and "100 %" in err and "Speichern" in err
    assert "600 neu" in out


@pytest.mark.parametrize("extension", ["xlsx", "csv"])
def test_export_by_extension(velbert, tmp_path, extension):
    command("import_measures", "velbert", str(copy_sample(tmp_path / "liste.xlsx")))
    target = tmp_path / f"massnahmen.{extension}"
    out, _err = command("export_measures", "velbert", "-o", str(target))
    assert "6 Maßnahmen" in out
    if extension == "xlsx":
        rows = read_xlsx(target.read_bytes())
        assert rows[0][:2] == ["Kennung", "Titel"] and len(rows) == 7
    else:
        assert target.read_bytes().startswith(b"\xef\xbb\xbfKennung;Titel;")
    out, _err = command("import_measures", "velbert", str(target))
    assert "0 neu, 0 geändert, 6 unverändert" in out


def test_export_refuses_unknown_extension(velbert, tmp_path):
    with pytest.raises(CommandError, match=r"\.xlsx oder \.csv"):
        command("export_measures", "velbert", "-o", str(tmp_path / "liste.ods"))
