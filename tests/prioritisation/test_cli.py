"""`vorort ranking <kommune> [--format table|csv|json]`."""

import csv
import io
import json
from decimal import Decimal

import pytest
from django.core.management import CommandError, ManagementUtility, call_command

from .conftest import measure, only_criteria


def _run(*args) -> str:
    out = io.StringIO()
    call_command("ranking", *args, stdout=out)
    return out.getvalue()


def test_table(scenario):
    lines = _run("beckum").splitlines()
    assert lines[0].split() == ["Rang", "Maßnahme", "Punktzahl", "Stabilität"]
    assert set(lines[1]) <= {"-", " "}
    rows = [line.split("  ") for line in lines[2:]]
    assert len(rows) == 3
    assert lines[2].startswith("   1  Bürger-App") and lines[2].rstrip().endswith("83,33  stabil")
    assert "Smarte Beleuchtung" in lines[3] and "76,79" in lines[3]
    assert "Mobilstation" in lines[4] and "0,00" in lines[4]


def test_csv(scenario):
    rows = list(csv.reader(io.StringIO(_run("beckum", "--format", "csv")), delimiter=";"))
    assert rows == [
        ["Rang", "Maßnahme", "Punktzahl", "Stabilität"],
        ["1", "Bürger-App", "83,33", "stabil"],
        ["2", "Smarte Beleuchtung", "76,79", "stabil"],
        ["3", "Mobilstation", "0,00", "stabil"],
    ]


def test_json(scenario):
    data = json.loads(_run("beckum", "--format=json"))
    assert data == [
        {"rank": 1, "measure": "Bürger-App", "score": 83.33, "stability": "stabil", "rank_min": 1, "rank_max": 1},
        {
            "rank": 2,
            "measure": "Smarte Beleuchtung",
            "score": 76.79,
            "stability": "stabil",
            "rank_min": 2,
            "rank_max": 2,
        },
        {"rank": 3, "measure": "Mobilstation", "score": 0.0, "stability": "stabil", "rank_min": 3, "rank_max": 3},
    ]


def test_ties_and_uncertain_ranks_in_the_output(town_a, users):
    only_criteria(
        town_a, users["coordinator"], ("Kosten", "kosten", "kosten", 1), ("Personal", "personal", "kosten", 1)
    )
    measure(town_a, "A", investment_cost=Decimal(100), personnel_effort=Decimal(5))
    measure(town_a, "B", investment_cost=Decimal(200), personnel_effort=Decimal(1))
    data = json.loads(_run("beckum", "--format", "json"))
    # A (1, 0) and B (0, 1) tie at 50 points; ±20 % on one weight splits them: both unsicher, range 1–2.
    assert [(row["rank"], row["score"], row["stability"]) for row in data] == [
        (1, 50.0, "unsicher"),
        (1, 50.0, "unsicher"),
    ]
    assert {(row["rank_min"], row["rank_max"]) for row in data} == {(1, 2)}


def test_unknown_municipality_is_a_german_error(db):
    with pytest.raises(CommandError, match="Eine Kommune „atlantis“ gibt es nicht"):
        _run("atlantis")


def test_unknown_format_is_refused(db):
    with pytest.raises(CommandError):
        _run("beckum", "--format", "xml")


def test_no_criteria_is_a_german_error(town_a):
    with pytest.raises(CommandError, match="keine Kriterien festgelegt"):
        _run("beckum")


def test_exit_code_for_an_unknown_slug(db, capsys):
    """As on the command line (`vorort ranking atlantis`): a German message on stderr and exit status 1."""
    with pytest.raises(SystemExit) as exit_info:
        ManagementUtility(["vorort", "ranking", "atlantis"]).execute()
    assert exit_info.value.code == 1
    assert "Eine Kommune „atlantis“ gibt es nicht" in capsys.readouterr().err
