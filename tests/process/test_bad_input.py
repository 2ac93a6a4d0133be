"""Bad input is answered with a German message at the field: never a server error, nothing saved."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from vorort.core.models import AuditEntry
from vorort.network.models import ActionField, Municipality
from vorort.process.models import Milestone, Phase, Process

from ..factories import MilestoneFactory, first_phase

HUGE = "x" * 100_000
ENGLISH = ("This field is required", "Enter a valid", "Ensure this value", "already exists")


def _field_errors(html: str, field: str) -> str:
    """The error list rendered next to form field `field`, as text ("" if there is none)."""
    match = re.search(rf'<ul class="errorlist" id="id_{field}_error">(.*?)</ul>', html, re.S)
    return re.sub(r"<[^>]+>", " ", match.group(1)) if match else ""


def _assert_refused(response, field: str, *german: str) -> str:
    assert response.status_code == 200
    html = response.content.decode()
    errors = _field_errors(html, field)
    assert errors, f"no error list next to {field}"
    for text in german:
        assert text in errors, errors
    for text in ENGLISH:
        assert text not in html
    assert "Es wurde nichts gespeichert" in html or "form-errors" in html
    return html


@pytest.fixture
def safe_client():
    """A client that returns 500 pages instead of raising, so a crash shows up as a status."""
    return Client(raise_request_exception=False)


@pytest.fixture
def editor(safe_client, users):
    safe_client.force_login(users["editor"], backend="vorort.accounts.backends.EmailBackend")
    return safe_client


@pytest.fixture
def admin(safe_client, users):
    safe_client.force_login(users["network_admin"], backend="vorort.accounts.backends.EmailBackend")
    return safe_client


@pytest.fixture
def counts():
    def take():
        return {
            "milestones": Milestone.objects.count(),
            "municipalities": Municipality.objects.count(),
            "processes": Process.objects.count(),
            "phases": Phase.objects.count(),
            "action_fields": ActionField.objects.count(),
            "audit": AuditEntry.objects.count(),
        }

    return take


# Milestones ------------------------------------------------------------------------------------


def _milestone_data(phase_obj, **overrides):
    data = {"phase": phase_obj.pk, "title": "Bürgerwerkstatt", "due_date": "2026-03-15", "owner": ""}
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    ("overrides", "field", "german"),
    [
        ({"due_date": "2026-02-30"}, "due_date", ["gültiges Datum"]),
        ({"due_date": "15.03.2026x"}, "due_date", ["gültiges Datum"]),
        ({"due_date": ""}, "due_date", ["zwingend erforderlich"]),
        ({"title": ""}, "title", ["zwingend erforderlich"]),
        ({"title": "   "}, "title", ["zwingend erforderlich"]),
        ({"title": HUGE}, "title", ["höchstens 200 Zeichen", "100000"]),
        ({"phase": "999999"}, "phase", ["gültige Auswahl"]),
        ({"phase": "abc"}, "phase", ["gültige Auswahl"]),
    ],
    ids=["impossible-date", "garbage-date", "no-date", "empty-title", "blank-title", "huge-title", "no-phase", "nan"],
)
def test_milestone_create_refuses_bad_input(editor, town_a, counts, overrides, field, german):
    before = counts()
    url = reverse("process:milestone_create", kwargs={"slug": town_a.slug})
    response = editor.post(url, _milestone_data(first_phase(town_a), **overrides))
    _assert_refused(response, field, *german)
    assert counts() == before


def test_milestone_create_refuses_a_phase_of_another_town(editor, town_a, town_b, counts):
    before = counts()
    url = reverse("process:milestone_create", kwargs={"slug": town_a.slug})
    response = editor.post(url, _milestone_data(first_phase(town_b)))
    _assert_refused(response, "phase", "gültige Auswahl")
    assert counts() == before


def test_milestone_create_refuses_an_owner_outside_the_town(editor, town_a, users, counts):
    before = counts()
    url = reverse("process:milestone_create", kwargs={"slug": town_a.slug})
    response = editor.post(url, _milestone_data(first_phase(town_a), owner=users["coordinator_b"].pk))
    _assert_refused(response, "owner", "gültige Auswahl")
    assert counts() == before


def test_milestone_create_keeps_the_typed_input(editor, town_a):
    url = reverse("process:milestone_create", kwargs={"slug": town_a.slug})
    response = editor.post(url, _milestone_data(first_phase(town_a), title="Ideenwerkstatt <Markt>", due_date="x"))
    html = response.content.decode()
    assert 'value="Ideenwerkstatt &lt;Markt&gt;"' in html


def test_valid_milestone_is_saved(editor, town_a, counts):
    """Control: the same request with good data goes through."""
    before = counts()
    url = reverse("process:milestone_create", kwargs={"slug": town_a.slug})
    response = editor.post(url, _milestone_data(first_phase(town_a)))
    assert response.status_code == 302
    assert counts()["milestones"] == before["milestones"] + 1
    assert Milestone.objects.get(title="Bürgerwerkstatt").due_date.isoformat() == "2026-03-15"


@pytest.mark.parametrize(
    ("overrides", "field", "german"),
    [
        ({"due_date": "2026-02-30"}, "due_date", ["gültiges Datum"]),
        ({"title": ""}, "title", ["zwingend erforderlich"]),
        ({"title": HUGE}, "title", ["höchstens 200 Zeichen"]),
    ],
    ids=["impossible-date", "empty-title", "huge-title"],
)
def test_milestone_edit_refuses_bad_input(editor, town_a, counts, overrides, field, german):
    milestone = MilestoneFactory(phase=first_phase(town_a), title="Vorher")
    before = counts()
    url = reverse("process:milestone_edit", kwargs={"slug": town_a.slug, "pk": milestone.pk})
    data = _milestone_data(milestone.phase, version=milestone.version, **overrides)
    response = editor.post(url, data)
    _assert_refused(response, field, *german)
    assert counts() == before
    milestone.refresh_from_db()
    assert (milestone.title, milestone.due_date.isoformat(), milestone.version) == ("Vorher", "2030-01-15", 1)


# Phases ---------------------------------------------------------------------------------------


def _phase_data(phase, **overrides):
    data = {
        "status": "offen",
        "planned_start": "",
        "planned_end": "",
        "actual_start": "",
        "actual_end": "",
        "notes": "",
        "version": phase.version,
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    ("overrides", "field", "german"),
    [
        ({"notes": HUGE}, "notes", ["höchstens 10000 Zeichen"]),
        ({"planned_start": "2026-05-01", "planned_end": "2026-04-30"}, "planned_end", ["nicht vor dem Beginn"]),
        ({"actual_start": "2026-05-01", "actual_end": "2026-01-01"}, "actual_end", ["nicht vor dem Beginn"]),
        ({"planned_start": "2026-13-01"}, "planned_start", ["gültiges Datum"]),
        ({"status": "fertig"}, "status", ["gültige Auswahl"]),
    ],
    ids=["huge-notes", "planned-end-first", "actual-end-first", "bad-month", "bad-status"],
)
def test_phase_form_refuses_bad_input(editor, town_a, counts, overrides, field, german):
    phase = first_phase(town_a)
    before = counts()
    url = reverse("process:phase_edit", kwargs={"slug": town_a.slug, "pk": phase.pk})
    response = editor.post(url, _phase_data(phase, **overrides))
    _assert_refused(response, field, *german)
    assert counts() == before
    fresh = Phase.objects.get(pk=phase.pk)
    assert (fresh.status, fresh.notes, fresh.planned_start, fresh.planned_end, fresh.actual_end, fresh.version) == (
        phase.status,
        phase.notes,
        phase.planned_start,
        phase.planned_end,
        phase.actual_end,
        phase.version,
    )


def test_closing_a_phase_that_starts_in_the_future_asks_for_the_end(editor, town_a, counts):
    """Closing fills the actual end with today; a later start must give a field error, not a constraint text."""
    phase = first_phase(town_a)
    future = timezone.localdate() + datetime.timedelta(days=30)
    before = counts()
    url = reverse("process:phase_edit", kwargs={"slug": town_a.slug, "pk": phase.pk})
    response = editor.post(url, _phase_data(phase, status="abgeschlossen", actual_start=future.isoformat()))
    html = _assert_refused(response, "actual_end", "nicht vor dem Beginn", future.strftime("%d.%m.%Y"))
    assert "phase_actual_dates_ordered" not in html
    assert counts() == before
    fresh = Phase.objects.get(pk=phase.pk)
    assert (fresh.status, fresh.actual_start, fresh.actual_end) == ("offen", None, None)
    # With an end date the same phase can be closed.
    later = (future + datetime.timedelta(days=1)).isoformat()
    data = _phase_data(phase, status="abgeschlossen", actual_start=future.isoformat(), actual_end=later)
    assert editor.post(url, data).status_code == 302


def test_closing_a_phase_whose_stored_start_is_in_the_future(editor, town_a, counts):
    phase = first_phase(town_a)
    future = timezone.localdate() + datetime.timedelta(days=10)
    Phase.objects.filter(pk=phase.pk).update(status="laufend", actual_start=future)
    before = counts()
    url = reverse("process:phase_edit", kwargs={"slug": town_a.slug, "pk": phase.pk})
    response = editor.post(url, _phase_data(phase, status="abgeschlossen"))
    html = _assert_refused(response, "actual_end", "nicht vor dem Beginn")
    assert "phase_actual_dates_ordered" not in html
    assert counts() == before
    assert Phase.objects.get(pk=phase.pk).status == "laufend"


def test_phase_form_accepts_good_dates(editor, town_a):
    """Control: ordered dates are saved."""
    phase = first_phase(town_a)
    url = reverse("process:phase_edit", kwargs={"slug": town_a.slug, "pk": phase.pk})
    response = editor.post(url, _phase_data(phase, planned_start="2026-04-01", planned_end="2026-04-01"))
    assert response.status_code == 302
    phase.refresh_from_db()
    assert phase.planned_start.isoformat() == phase.planned_end.isoformat() == "2026-04-01"


# Municipalities (network administration) ------------------------------------------------------


def _municipality_data(**overrides):
    data = {
        "name": "Neustadt",
        "slug": "neustadt",
        "county": "Kreis Steinfurt",
        "population": "8000",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    ("overrides", "field", "german"),
    [
        ({"name": ""}, "name", ["zwingend erforderlich"]),
        ({"population": "-5"}, "population", ["größer oder gleich"]),
        ({"population": "0"}, "population", ["größer oder gleich 1"]),
        ({"population": "viele"}, "population", ["ganze Zahl"]),
        ({"population": "99999999999999999999"}, "population", ["kleiner oder gleich"]),
        ({"slug": "beckum"}, "slug", ["existiert bereits"]),
        ({"slug": "Neu Stadt"}, "slug", []),
        ({"name": HUGE}, "name", ["höchstens 120 Zeichen"]),
        ({"county": ""}, "county", ["Kreis angeben"]),
    ],
    ids=["empty-name", "negative", "zero", "text", "huge-number", "dup-slug", "bad-slug", "huge-name", "no-county"],
)
def test_municipality_create_refuses_bad_input(admin, town_a, counts, overrides, field, german):
    before = counts()
    response = admin.post(reverse("network:municipality_create"), _municipality_data(**overrides))
    _assert_refused(response, field, *german)
    assert counts() == before


def test_municipality_create_refuses_duplicate_name_in_network(admin, town_a, counts):
    before = counts()
    response = admin.post(reverse("network:municipality_create"), _municipality_data(name=town_a.name))
    assert response.status_code == 200
    assert "existiert bereits" in response.content.decode()
    assert counts() == before


def test_valid_municipality_is_created_with_process(admin, network, counts):
    """Control: with good data the municipality and its process with all phases exist."""
    before = counts()
    response = admin.post(reverse("network:municipality_create"), _municipality_data())
    assert response.status_code == 302
    created = Municipality.objects.get(slug="neustadt")
    assert created.network == network
    assert counts()["processes"] == before["processes"] + 1
    assert Phase.objects.filter(process__municipality=created).count() == network.phase_definitions.count()


# Action fields --------------------------------------------------------------------------------


@pytest.mark.parametrize("colour", ["rot", "#12345", "#gggggg", "123456", "#1234567", ""])
def test_action_field_refuses_an_invalid_colour(admin, network, counts, colour):
    before = counts()
    data = {"name": "Gesundheit", "slug": "gesundheit", "colour": colour, "description": "", "order": "40"}
    response = admin.post(reverse("network:action_field_create"), data)
    _assert_refused(response, "colour")
    errors = _field_errors(response.content.decode(), "colour")
    assert "#1a2b3c" in errors or "zwingend erforderlich" in errors or "höchstens 7 Zeichen" in errors
    assert counts() == before


def test_action_field_edit_refuses_an_invalid_colour(admin, network):
    field = ActionField.objects.filter(network=network).first()
    url = reverse("network:action_field_edit", kwargs={"pk": field.pk})
    data = {"name": field.name, "slug": field.slug, "colour": "blau", "description": "", "order": field.order}
    response = admin.post(url, data)
    _assert_refused(response, "colour", "#1a2b3c")
    assert ActionField.objects.get(pk=field.pk).colour == field.colour


def test_action_field_duplicate_slug_is_refused_without_error_page(admin, network, counts):
    existing = ActionField.objects.filter(network=network).first()
    before = counts()
    data = {"name": "Ganz neu", "slug": existing.slug, "colour": "#123456", "description": "", "order": "40"}
    response = admin.post(reverse("network:action_field_create"), data)
    assert response.status_code == 200
    assert "existiert bereits" in response.content.decode()
    assert counts() == before


def test_valid_action_field_is_saved(admin, network, counts):
    before = counts()
    data = {"name": "Gesundheit", "slug": "gesundheit", "colour": "#A1b2C3", "description": "", "order": "40"}
    response = admin.post(reverse("network:action_field_create"), data)
    assert response.status_code == 302
    assert counts()["action_fields"] == before["action_fields"] + 1
    assert ActionField.objects.get(network=network, slug="gesundheit").colour == "#A1b2C3"
