"""Status lifecycle with its dated history, and the benefit matrix."""

import datetime

import pytest
from django.urls import reverse

from vorort.core.models import AuditEntry
from vorort.measures.models import Benefit, Measure, StatusChange
from vorort.measures.services import benefit_matrix_save, measure_status_change, measure_update

from .conftest import field_errors


def _status_url(measure):
    return reverse("measures:status", kwargs={"slug": "beckum", "pk": measure.pk})


def test_status_changes_build_a_dated_history(login, measure, users):
    client = login("editor")
    response = client.post(
        _status_url(measure),
        {"status": "beschlossen", "changed_on": "2026-02-10", "note": "Ratsbeschluss 2026/041", "version": 1},
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#statusverlauf")
    measure.refresh_from_db()
    client.post(
        _status_url(measure),
        {"status": "in_umsetzung", "changed_on": "2026-04-01", "note": "", "version": measure.version},
    )
    measure.refresh_from_db()
    assert measure.status == "in_umsetzung"
    history = list(StatusChange.objects.filter(measure=measure).values_list("from_status", "to_status", "changed_on"))
    assert history == [
        ("beschlossen", "in_umsetzung", datetime.date(2026, 4, 1)),
        ("idee", "beschlossen", datetime.date(2026, 2, 10)),
    ]
    assert StatusChange.objects.get(to_status="beschlossen").changed_by == users["editor"]

    html = client.get(reverse("measures:measure", kwargs={"slug": "beckum", "pk": measure.pk})).content.decode()
    assert "10.02.2026" in html and "Ratsbeschluss 2026/041" in html
    assert "Idee → <strong>Beschlossen</strong>" in html
    assert "Beschlossen → <strong>In Umsetzung</strong>" in html
    audit = AuditEntry.objects.filter(object_id=str(measure.pk), action="update")
    assert audit.count() == 2


def test_status_form_refuses_same_status_future_date_and_stale_version(login, measure, users):
    client = login("editor")
    same = client.post(_status_url(measure), {"status": "idee", "changed_on": "2026-01-01", "version": 1})
    assert "bereits den Status" in field_errors(same.content.decode(), "status")
    future = client.post(_status_url(measure), {"status": "geplant", "changed_on": "2999-01-01", "version": 1})
    assert "Zukunft" in field_errors(future.content.decode(), "changed_on")
    bad = client.post(_status_url(measure), {"status": "fertig", "changed_on": "2026-02-30", "version": 1})
    assert bad.status_code == 200
    assert field_errors(bad.content.decode(), "status") and field_errors(bad.content.decode(), "changed_on")

    measure_update(actor=users["coordinator"], measure=measure, data={"title": "Neu"}, expected_version=1)
    stale = client.post(_status_url(measure), {"status": "geplant", "changed_on": "2026-01-05", "version": 1})
    assert stale.status_code == 200
    assert "inzwischen geändert" in stale.content.decode()
    assert 'value="2026-01-05"' in stale.content.decode()
    assert Measure.objects.get(pk=measure.pk).status == "idee"
    assert not StatusChange.objects.filter(measure=measure).exists()


def test_status_service_records_date_and_note(measure, users):
    measure = measure_status_change(
        actor=users["coordinator"],
        measure=measure,
        status="zurueckgestellt",
        expected_version=1,
        on=datetime.date(2026, 5, 2),
        note="Haushaltssperre",
    )
    change = measure.status_changes.get()
    assert (change.to_status, change.changed_on, change.note) == (
        "zurueckgestellt",
        datetime.date(2026, 5, 2),
        "Haushaltssperre",
    )


def _benefit_url(measure):
    return reverse("measures:benefits", kwargs={"slug": "beckum", "pk": measure.pk})


def _matrix_post(groups, version, values):
    data = {"version": version}
    for group in groups.values():
        strength, text = values.get(group.name, (0, ""))
        data[f"strength_{group.pk}"] = strength
        data[f"text_{group.pk}"] = text
    return data


def test_benefit_matrix_is_saved_in_one_form(login, measure, groups):
    client = login("editor")
    page = client.get(_benefit_url(measure)).content.decode()
    for name in groups:
        assert name in page
    response = client.post(
        _benefit_url(measure),
        _matrix_post(
            groups,
            1,
            {
                "Pendler*innen": (3, "Umstieg Rad–Bahn ohne Umweg"),
                "Ältere Menschen": (1, "Sitzplätze und Rampe"),
                "Gäste und Tourist*innen": (0, "kaum"),
            },
        ),
    )
    assert response.status_code == 302
    stored = {b.user_group.name: (b.strength, b.text) for b in Benefit.objects.filter(measure=measure)}
    assert stored == {
        "Pendler*innen": (3, "Umstieg Rad–Bahn ohne Umweg"),
        "Ältere Menschen": (1, "Sitzplätze und Rampe"),
        "Gäste und Tourist*innen": (0, "kaum"),
    }
    measure.refresh_from_db()
    assert measure.version == 2
    entry = AuditEntry.objects.filter(object_id=str(measure.pk)).first()
    assert entry.changes[0]["field"] == "benefits"
    assert "Pendler*innen: 3" in entry.changes[0]["after"]

    html = client.get(reverse("measures:measure", kwargs={"slug": "beckum", "pk": measure.pk})).content.decode()
    assert "Umstieg Rad–Bahn ohne Umweg" in html
    assert "hoch (3)" in html and "gering (1)" in html

    # Lowering a row to 0 without text removes it; nothing else changes.
    client.post(_benefit_url(measure), _matrix_post(groups, 2, {"Pendler*innen": (2, "Umstieg")}))
    stored = {b.user_group.name: b.strength for b in Benefit.objects.filter(measure=measure)}
    assert stored == {"Pendler*innen": 2}


@pytest.mark.parametrize("strength", ["4", "-1", "drei", ""])
def test_benefit_matrix_refuses_bad_strength(login, measure, groups, strength):
    client = login("editor")
    data = _matrix_post(groups, 1, {"Pendler*innen": (2, "x")})
    data[f"strength_{groups['Pendler*innen'].pk}"] = strength
    response = client.post(_benefit_url(measure), data)
    assert response.status_code == 200
    assert field_errors(response.content.decode(), f"strength_{groups['Pendler*innen'].pk}")
    assert not Benefit.objects.exists()


def test_benefit_matrix_refuses_too_long_text_and_stale_version(login, measure, groups, users):
    client = login("editor")
    response = client.post(_benefit_url(measure), _matrix_post(groups, 1, {"Pendler*innen": (2, "x" * 100_000)}))
    assert "höchstens 500 Zeichen" in field_errors(response.content.decode(), f"text_{groups['Pendler*innen'].pk}")
    benefit_matrix_save(
        actor=users["coordinator"], measure=measure, rows={groups["Pendler*innen"].pk: (1, "a")}, expected_version=1
    )
    stale = client.post(_benefit_url(measure), _matrix_post(groups, 1, {"Pendler*innen": (3, "meins")}))
    assert stale.status_code == 200
    html = stale.content.decode()
    assert "inzwischen geändert" in html
    assert 'value="meins"' in html
    assert Benefit.objects.get().text == "a"


def test_viewer_sees_benefits_but_cannot_edit(login, measure, groups):
    Benefit.objects.create(measure=measure, user_group=groups["Bürger*innen"], strength=2, text="kurze Wege")
    client = login("viewer")
    html = client.get(reverse("measures:measure", kwargs={"slug": "beckum", "pk": measure.pk})).content.decode()
    assert "kurze Wege" in html and "mittel (2)" in html
    assert client.get(_benefit_url(measure)).status_code == 403
