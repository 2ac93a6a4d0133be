"""Milestones (htmx tick), status reports with a traffic light, and partners with their role."""

import datetime

import pytest
from django.urls import reverse

from vorort.core.models import AuditEntry
from vorort.measures.models import MeasureMilestone, StatusReport
from vorort.resources.models import Involvement, Partner

from .conftest import field_errors


def test_milestone_add_tick_edit_delete(login, measure):
    client = login("editor")
    create = reverse("measures:milestone_create", kwargs={"slug": "beckum", "pk": measure.pk})
    assert client.get(create).status_code == 200
    response = client.post(create, {"title": "Standort klären", "due_date": "2026-09-30"})
    assert response.status_code == 302
    milestone = MeasureMilestone.objects.get(measure=measure)

    toggle = reverse("measures:milestone_toggle", kwargs={"slug": "beckum", "pk": milestone.pk})
    row = client.post(toggle, {"done": "1"}, headers={"HX-Request": "true"})
    assert row.status_code == 200
    html = row.content.decode()
    assert html.startswith(f'<li id="meilenstein-{milestone.pk}"')
    assert "Als erledigt gespeichert." in html and "wieder öffnen" in html
    milestone.refresh_from_db()
    assert milestone.done and milestone.done_at is not None
    # A double click changes nothing.
    client.post(toggle, {"done": "1"}, headers={"HX-Request": "true"})
    milestone.refresh_from_db()
    assert milestone.done and milestone.version == 2
    # Without JavaScript: the same form posts and redirects.
    plain = client.post(toggle, {"done": "0"})
    assert plain.status_code == 302 and plain["Location"].endswith(f"#meilenstein-{milestone.pk}")
    milestone.refresh_from_db()
    assert not milestone.done

    edit = reverse("measures:milestone_edit", kwargs={"slug": "beckum", "pk": milestone.pk})
    stale = client.post(edit, {"title": "Alt", "due_date": "2026-10-01", "version": 1})
    assert stale.status_code == 200 and "inzwischen geändert" in stale.content.decode()
    bad = client.post(edit, {"title": "", "due_date": "2026-02-30", "version": milestone.version})
    assert field_errors(bad.content.decode(), "title") and field_errors(bad.content.decode(), "due_date")
    ok = client.post(edit, {"title": "Standort festlegen", "due_date": "2026-10-01", "version": milestone.version})
    assert ok.status_code == 302
    milestone.refresh_from_db()
    assert milestone.title == "Standort festlegen"
    history = reverse(
        "core:object_history", kwargs={"slug": "beckum", "model": "measures.measuremilestone", "pk": milestone.pk}
    )
    assert "Standort festlegen" in client.get(history).content.decode()

    delete = reverse("measures:milestone_delete", kwargs={"slug": "beckum", "pk": milestone.pk})
    assert client.get(delete).status_code == 200
    assert client.post(delete).status_code == 302
    assert not MeasureMilestone.objects.exists()


def test_status_report_with_traffic_light_text(login, measure, users):
    client = login("editor")
    url = reverse("measures:report_create", kwargs={"slug": "beckum", "pk": measure.pk})
    page = client.get(url).content.decode()
    assert "grün – im Plan" in page and "rot – gefährdet" in page
    response = client.post(url, {"reported_on": "2026-03-31", "traffic_light": "gelb", "text": "Lieferverzug"})
    assert response.status_code == 302
    report = StatusReport.objects.get(measure=measure)
    assert report.author == users["editor"]
    html = client.get(reverse("measures:measure", kwargs={"slug": "beckum", "pk": measure.pk})).content.decode()
    assert "Ampel: gelb – Verzug oder Risiko" in html  # the light is named in text, not only by colour
    assert "Lieferverzug" in html and "31. März 2026" in html and users["editor"].display_name in html

    delete = reverse("measures:report_delete", kwargs={"slug": "beckum", "pk": report.pk})
    assert client.post(delete).status_code == 302
    assert not StatusReport.objects.exists()


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"reported_on": "2026-03-31", "traffic_light": "blau", "text": "x"}, "traffic_light"),
        ({"reported_on": "2026-02-30", "traffic_light": "rot", "text": "x"}, "reported_on"),
        ({"reported_on": "2999-01-01", "traffic_light": "rot", "text": "x"}, "reported_on"),
        ({"reported_on": "2026-03-31", "traffic_light": "rot", "text": ""}, "text"),
        ({"reported_on": "2026-03-31", "traffic_light": "rot", "text": "x" * 100_000}, "text"),
    ],
)
def test_status_report_bad_input(login, measure, data, field):
    response = login("editor").post(
        reverse("measures:report_create", kwargs={"slug": "beckum", "pk": measure.pk}), data
    )
    assert response.status_code == 200
    assert field_errors(response.content.decode(), field)
    assert not StatusReport.objects.exists()


def _involve(client, measure, **data):
    return client.post(reverse("measures:involvement_add", kwargs={"slug": "beckum", "pk": measure.pk}), data)


def test_partner_by_new_name_then_existing(login, measure, town_a, town_b):
    client = login("editor")
    response = _involve(
        client, measure, new_partner="Stadtwerke Beckum", new_partner_kind="stadtwerke", role="Betreiber"
    )
    assert response.status_code == 302
    partner = Partner.objects.get(municipality=town_a, name="Stadtwerke Beckum")
    assert partner.kind == "stadtwerke"
    assert Involvement.objects.get(measure=measure).role == "Betreiber"
    assert AuditEntry.objects.filter(object_id=str(partner.pk), action="create").exists()

    # The same name typed again, in other case, is the same partner: refused as already involved.
    again = _involve(client, measure, new_partner="stadtwerke beckum", role="Fördermittelgeber")
    assert "schon beteiligt" in field_errors(again.content.decode(), "inv_partner")
    assert Partner.objects.count() == 1

    other = Partner.objects.create(municipality=town_a, name="IHK Nord Westfalen", kind="kammer")
    assert _involve(client, measure, partner=other.pk, role="Beratung").status_code == 302
    html = client.get(reverse("measures:measure", kwargs={"slug": "beckum", "pk": measure.pk})).content.decode()
    assert "IHK Nord Westfalen" in html and "Beratung" in html and "Stadtwerke / Versorger" in html

    foreign = Partner.objects.create(municipality=town_b, name="Fremder Partner")
    refused = _involve(client, measure, partner=foreign.pk, role="x")
    assert field_errors(refused.content.decode(), "inv_partner")


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"role": "Betreiber"}, "inv_partner"),
        ({"new_partner": "Neu", "role": ""}, "inv_role"),
        ({"new_partner": "x" * 100_000, "role": "r"}, "inv_new_partner"),
        ({"partner": "999999", "role": "r"}, "inv_partner"),
    ],
)
def test_partner_bad_input(login, measure, data, field):
    response = _involve(login("editor"), measure, **data)
    assert response.status_code == 200
    assert field_errors(response.content.decode(), field)
    assert not Partner.objects.exists() and not Involvement.objects.exists()


def test_both_existing_and_new_partner_is_refused(login, measure, town_a):
    existing = Partner.objects.create(municipality=town_a, name="Verein")
    response = _involve(login("editor"), measure, partner=existing.pk, new_partner="Anderer", role="r")
    assert "entweder" in field_errors(response.content.decode(), "inv_new_partner")
    assert not Involvement.objects.exists()


def test_remove_involvement(login, measure, town_a):
    partner = Partner.objects.create(municipality=town_a, name="Hochschule Hamm-Lippstadt", kind="hochschule")
    involvement = Involvement.objects.create(partner=partner, measure=measure, role="Evaluation")
    client = login("editor")
    url = reverse("measures:involvement_remove", kwargs={"slug": "beckum", "pk": involvement.pk})
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 302
    assert not Involvement.objects.exists()
    assert Partner.objects.filter(pk=partner.pk).exists()  # the partner stays known to the municipality
    entry = AuditEntry.objects.filter(object_id=str(measure.pk)).first()
    assert entry.changes[0]["before"] == "Hochschule Hamm-Lippstadt: Evaluation"


def test_milestone_due_dates(measure):
    past = MeasureMilestone.objects.create(measure=measure, title="alt", due_date=datetime.date(2020, 1, 1))
    assert past.is_overdue
