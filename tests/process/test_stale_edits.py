"""Optimistic locking: saving a form opened before someone else's change is refused, input kept."""

import datetime
import html as html_lib
import re

import pytest
from django.test import Client
from django.urls import reverse

from vorort.core.models import AuditEntry
from vorort.process import services
from vorort.process.models import Milestone, Phase

from ..factories import MilestoneFactory, first_phase

STALE = "Jemand anderes hat diesen Eintrag inzwischen geändert"


def _hidden_version(html: str) -> int:
    tag = re.search(r'<input[^>]*name="version"[^>]*>', html)
    assert tag, "the form carries no version"
    assert 'type="hidden"' in tag.group(0)
    return int(re.search(r'value="(\d+)"', tag.group(0)).group(1))


def _input_value(html: str, name: str) -> str | None:
    tag = re.search(rf'<input[^>]*name="{name}"[^>]*>', html)
    if not tag:
        return None
    value = re.search(r'value="([^"]*)"', tag.group(0))
    return html_lib.unescape(value.group(1)) if value else None


def _textarea(html: str, name: str) -> str | None:
    match = re.search(rf'<textarea[^>]*name="{name}"[^>]*>(.*?)</textarea>', html, re.S)
    return html_lib.unescape(match.group(1)).strip() if match else None


def _selected(html: str, name: str) -> str | None:
    select = re.search(rf'<select[^>]*name="{name}"[^>]*>(.*?)</select>', html, re.S)
    option = re.search(r'<option value="([^"]*)"[^>]*selected', select.group(1)) if select else None
    return option.group(1) if option else None


@pytest.fixture
def editor(client_for, users):
    return client_for(users["editor"])


# Milestones -----------------------------------------------------------------------------------


@pytest.fixture
def milestone(town_a):
    return MilestoneFactory(phase=first_phase(town_a), title="Auftaktveranstaltung", due_date=datetime.date(2030, 3, 1))


def _milestone_url(milestone) -> str:
    return reverse(
        "process:milestone_edit", kwargs={"slug": milestone.phase.process.municipality.slug, "pk": milestone.pk}
    )


def _milestone_post(milestone, version, title, due_date="2030-04-01"):
    return {"phase": milestone.phase_id, "title": title, "due_date": due_date, "owner": "", "version": version}


def test_milestone_form_carries_the_current_version(editor, milestone, users):
    assert _hidden_version(editor.get(_milestone_url(milestone)).content.decode()) == 1
    services.milestone_update(
        actor=users["coordinator"], milestone=milestone, data={"title": "Neu"}, expected_version=1
    )
    assert _hidden_version(editor.get(_milestone_url(milestone)).content.decode()) == 2


def test_stale_milestone_edit_is_refused_and_keeps_input(editor, milestone, users):
    url = _milestone_url(milestone)
    version = _hidden_version(editor.get(url).content.decode())

    # Meanwhile the coordinator renames the milestone.
    services.milestone_update(
        actor=users["coordinator"],
        milestone=Milestone.objects.get(pk=milestone.pk),
        data={"title": "Auftakt im Rathaus"},
        expected_version=version,
    )
    audit_before = AuditEntry.objects.count()

    response = editor.post(url, _milestone_post(milestone, version, "Auftakt auf dem Marktplatz"))
    assert response.status_code == 200
    html = response.content.decode()
    assert STALE in html
    assert _input_value(html, "title") == "Auftakt auf dem Marktplatz"
    assert _input_value(html, "due_date") == "2030-04-01"

    fresh = Milestone.objects.get(pk=milestone.pk)
    assert fresh.title == "Auftakt im Rathaus"
    assert fresh.due_date == datetime.date(2030, 3, 1)
    assert fresh.version == version + 1
    assert AuditEntry.objects.count() == audit_before


def test_saving_again_after_the_warning_applies_the_input(editor, milestone, users):
    """The warning asks to check and save again; that second save must go through."""
    url = _milestone_url(milestone)
    version = _hidden_version(editor.get(url).content.decode())
    services.milestone_update(
        actor=users["coordinator"], milestone=milestone, data={"title": "Auftakt im Rathaus"}, expected_version=version
    )
    warned = editor.post(url, _milestone_post(milestone, version, "Auftakt auf dem Marktplatz")).content.decode()
    assert STALE in warned
    second = editor.post(url, _milestone_post(milestone, _hidden_version(warned), _input_value(warned, "title")))
    assert second.status_code == 302
    assert Milestone.objects.get(pk=milestone.pk).title == "Auftakt auf dem Marktplatz"


def test_current_milestone_version_is_saved(editor, milestone, users):
    url = _milestone_url(milestone)
    version = _hidden_version(editor.get(url).content.decode())
    response = editor.post(url, _milestone_post(milestone, version, "Auftakt auf dem Marktplatz"))
    assert response.status_code == 302
    fresh = Milestone.objects.get(pk=milestone.pk)
    assert fresh.title == "Auftakt auf dem Marktplatz"
    assert fresh.due_date == datetime.date(2030, 4, 1)
    assert fresh.version == version + 1


def test_two_editors_with_the_same_version_only_the_first_wins(users, milestone):
    first, second = Client(), Client()
    first.force_login(users["editor"], backend="vorort.accounts.backends.EmailBackend")
    second.force_login(users["coordinator"], backend="vorort.accounts.backends.EmailBackend")
    url = _milestone_url(milestone)
    version_first = _hidden_version(first.get(url).content.decode())
    version_second = _hidden_version(second.get(url).content.decode())
    assert first.post(url, _milestone_post(milestone, version_first, "Erste Fassung")).status_code == 302
    response = second.post(url, _milestone_post(milestone, version_second, "Zweite Fassung"))
    assert response.status_code == 200
    assert STALE in response.content.decode()
    assert Milestone.objects.get(pk=milestone.pk).title == "Erste Fassung"


def test_ticking_done_counts_as_a_change(editor, milestone, users):
    """A toggle between opening and saving the form also makes the form stale."""
    url = _milestone_url(milestone)
    version = _hidden_version(editor.get(url).content.decode())
    services.milestone_set_done(actor=users["coordinator"], milestone=milestone, done=True)
    response = editor.post(url, _milestone_post(milestone, version, "Umbenannt"))
    assert STALE in response.content.decode()
    fresh = Milestone.objects.get(pk=milestone.pk)
    assert fresh.done is True
    assert fresh.title == "Auftaktveranstaltung"


# Phases ---------------------------------------------------------------------------------------


@pytest.fixture
def phase(town_a):
    return first_phase(town_a)


def _phase_url(phase) -> str:
    return reverse("process:phase_edit", kwargs={"slug": phase.process.municipality.slug, "pk": phase.pk})


def _phase_post(version, **fields):
    data = {
        "status": "offen",
        "planned_start": "",
        "planned_end": "",
        "actual_start": "",
        "actual_end": "",
        "notes": "",
        "version": version,
    }
    data.update(fields)
    return data


def test_stale_phase_edit_is_refused_and_keeps_input(editor, phase, users):
    url = _phase_url(phase)
    version = _hidden_version(editor.get(url).content.decode())

    services.phase_update(
        actor=users["coordinator"],
        phase=Phase.objects.get(pk=phase.pk),
        data={"notes": "Rat hat den Zeitplan bestätigt."},
        expected_version=version,
    )
    audit_before = AuditEntry.objects.count()

    response = editor.post(
        url,
        _phase_post(version, notes="Meine Notiz zur Lenkungsgruppe", planned_start="2026-09-01", status="laufend"),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert STALE in html
    assert _textarea(html, "notes") == "Meine Notiz zur Lenkungsgruppe"
    assert _input_value(html, "planned_start") == "2026-09-01"
    assert _selected(html, "status") == "laufend"

    fresh = Phase.objects.get(pk=phase.pk)
    assert fresh.notes == "Rat hat den Zeitplan bestätigt."
    assert fresh.status == "offen"
    assert fresh.planned_start is None
    assert fresh.actual_start is None
    assert fresh.version == version + 1
    assert AuditEntry.objects.count() == audit_before


def test_saving_phase_again_after_the_warning_applies_the_input(editor, phase, users):
    url = _phase_url(phase)
    version = _hidden_version(editor.get(url).content.decode())
    services.phase_update(actor=users["coordinator"], phase=phase, data={"notes": "Andere"}, expected_version=version)
    warned = editor.post(url, _phase_post(version, notes="Meine Notiz")).content.decode()
    assert STALE in warned
    second = editor.post(url, _phase_post(_hidden_version(warned), notes=_textarea(warned, "notes")))
    assert second.status_code == 302
    assert Phase.objects.get(pk=phase.pk).notes == "Meine Notiz"


def test_current_phase_version_is_saved(editor, phase):
    url = _phase_url(phase)
    version = _hidden_version(editor.get(url).content.decode())
    response = editor.post(url, _phase_post(version, notes="Alles im Plan", planned_start="2026-09-01"))
    assert response.status_code == 302
    fresh = Phase.objects.get(pk=phase.pk)
    assert fresh.notes == "Alles im Plan"
    assert fresh.planned_start == datetime.date(2026, 9, 1)
    assert fresh.version == version + 1


def test_version_from_the_future_is_refused(editor, phase):
    """A tampered version number is as stale as an old one."""
    response = editor.post(_phase_url(phase), _phase_post(phase.version + 5, notes="Manipuliert"))
    assert response.status_code == 200
    assert STALE in response.content.decode()
    assert Phase.objects.get(pk=phase.pk).notes == ""
