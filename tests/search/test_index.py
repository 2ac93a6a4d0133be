"""The index stays current with every change made through the services, and holds only published content."""

import pytest
from django.core.management import call_command

from tests.events.support import make_event
from vorort.events.services import event_delete, event_update
from vorort.measures.services import (
    benefit_matrix_save,
    measure_delete,
    measure_set_public,
    measure_status_change,
    measure_update,
)
from vorort.network.services import action_field_update, municipality_update
from vorort.portal.services import lesson_delete, lesson_update
from vorort.search.models import SearchDocument
from vorort.search.selectors import Filters, search
from vorort.search.services import search_index_rebuild

from .support import field, group, make_lesson, make_measure

pytestmark = pytest.mark.django_db


def found(query: str, **filters) -> list[str]:
    return [hit.title for hit in search(query, Filters(**filters)).hits]


def test_internal_measures_are_not_indexed_until_published(town_a):
    measure = make_measure(town_a, "Mobilstation am Markt", public=False)
    assert found("Mobilstation") == []
    assert not SearchDocument.objects.exists()
    measure = measure_set_public(actor=None, measure=measure, is_public=True, expected_version=measure.version)
    assert found("Mobilstation") == ["Mobilstation am Markt"]
    measure_set_public(actor=None, measure=measure, is_public=False, expected_version=measure.version)
    assert found("Mobilstation") == []
    assert not SearchDocument.objects.exists()


def test_edits_replace_the_old_text(town_a):
    measure = make_measure(town_a, "Mobilstation am Markt")
    measure_update(actor=None, measure=measure, data={"title": "Quartiersgarage"}, expected_version=measure.version)
    assert found("Mobilstation") == []
    assert found("Quartiersgarage") == ["Quartiersgarage"]
    assert SearchDocument.objects.count() == 1


def test_status_benefits_and_fields_follow(town_a):
    measure = make_measure(town_a, "Mobilstation am Markt")
    measure = measure_status_change(actor=None, measure=measure, status="geplant", expected_version=measure.version)
    assert found("Mobilstation", status="geplant") == ["Mobilstation am Markt"]
    pendler = group(town_a, "Pendler*innen")
    assert found("Mobilstation", user_group=pendler.pk) == []
    measure = benefit_matrix_save(
        actor=None, measure=measure, rows={pendler.pk: (3, "")}, expected_version=measure.version
    )
    assert found("Mobilstation", user_group=pendler.pk) == ["Mobilstation am Markt"]
    assert found("Pendler Mobilstation") == ["Mobilstation am Markt"]  # the group's name is searchable
    green = field(town_a, "nachhaltigkeit")
    measure_update(
        actor=None, measure=measure, data={}, m2m={"further_action_fields": [green]}, expected_version=measure.version
    )
    assert found("Mobilstation", action_field=green.pk) == ["Mobilstation am Markt"]


def test_deleted_measures_leave_the_index(town_a):
    measure = make_measure(town_a, "Mobilstation am Markt")
    measure_delete(actor=None, measure=measure)
    assert found("Mobilstation") == []
    assert not SearchDocument.objects.exists()


def test_lessons_follow_their_measure(town_a):
    measure = make_measure(town_a, "Mobilstation am Markt", public=False)
    lesson = make_lesson(town_a, "Standortsuche dauert", "Grundstücke früh sichern.", measure=measure)
    assert found("Grundstücke") == []  # public lesson, internal measure: not published
    measure = measure_set_public(actor=None, measure=measure, is_public=True, expected_version=measure.version)
    assert found("Grundstücke") == ["Standortsuche dauert"]
    lesson = lesson_update(actor=None, lesson=lesson, data={"is_public": False}, expected_version=lesson.version)
    assert found("Grundstücke") == []
    lesson = lesson_update(actor=None, lesson=lesson, data={"is_public": True}, expected_version=lesson.version)
    assert found("Grundstücke") == ["Standortsuche dauert"]
    lesson_delete(actor=None, lesson=lesson)
    assert found("Grundstücke") == []


def test_deleting_the_measure_rejudges_its_lessons(town_a):
    public = make_measure(town_a, "Offene Vorplanung")
    lesson = make_lesson(town_a, "Früh beteiligen", "Anwohnende früh einladen.", measure=public)
    internal = make_measure(town_a, "Interne Vorplanung", public=False)
    hidden = make_lesson(town_a, "Intern beteiligen", "Anwohnende intern einladen.", measure=internal)
    assert found("Anwohnende") == ["Früh beteiligen"]
    measure_delete(actor=None, measure=public)
    measure_delete(actor=None, measure=internal)
    lesson.refresh_from_db()
    hidden.refresh_from_db()
    assert lesson.measure is None and hidden.measure is None
    # A lesson on its own stays public; one about an internal measure was made internal before the deletion.
    assert found("Anwohnende") == ["Früh beteiligen"]
    assert hidden.is_public is False


def test_events_follow_their_publication_and_deletion(town_a):
    event = make_event(municipality=town_a, title="Zukunftswerkstatt Ortskern")
    lesson = make_lesson(town_a, "Werkstatt-Erkenntnis", "Kleine Tische wirken.", event=event)
    assert found("Zukunftswerkstatt") == []
    assert found("Tische") == []
    event = event_update(actor=None, event=event, data={"is_public": True}, expected_version=event.version)
    assert found("Zukunftswerkstatt", kind="format") == ["Zukunftswerkstatt Ortskern"]
    assert found("Tische") == ["Werkstatt-Erkenntnis"]
    event_delete(actor=None, event=event)
    assert found("Zukunftswerkstatt") == []
    assert found("Tische") == ["Werkstatt-Erkenntnis"]
    assert lesson.pk


def test_municipality_changes_reach_the_facets(town_a):
    make_measure(town_a, "Mobilstation am Markt")
    assert found("Mobilstation", size_class="mittel") == ["Mobilstation am Markt"]
    municipality_update(
        actor=None,
        municipality=town_a,
        data={"population": 150_000, "rural": True, "name": "Beckum an der Werse"},
        expected_version=town_a.version,
    )
    assert found("Mobilstation", size_class="mittel") == []
    assert found("Mobilstation", size_class="gross", rural=True) == ["Mobilstation am Markt"]
    assert found("Werse Mobilstation") == ["Mobilstation am Markt"]


def test_action_field_renames_are_searchable(town_a):
    make_measure(town_a, "Mobilstation am Markt")
    action_field_update(actor=None, action_field=field(town_a), data={"name": "Verkehrswende"})
    assert found("Verkehrswende") == ["Mobilstation am Markt"]


def test_rebuild_reproduces_the_index(town_a, town_b):
    make_measure(town_a, "Mobilstation am Markt", groups=("Pendler*innen",))
    make_measure(town_b, "Bürgerbus", public=False)
    make_lesson(town_a, "Standortsuche dauert")
    make_event(municipality=town_b, title="Bürgerforum Innenstadt", is_public=True)
    before = sorted(SearchDocument.objects.values_list("kind", "object_id", "title_terms", "user_group_ids"))
    counts = search_index_rebuild()
    after = sorted(SearchDocument.objects.values_list("kind", "object_id", "title_terms", "user_group_ids"))
    assert before == after
    assert counts == {"massnahme": 1, "wissen": 1, "format": 1} | ({"publikation": 0} if len(counts) == 4 else {})
    assert found("Mobilstation") == ["Mobilstation am Markt"]
    assert found("Bürgerbus") == []


def test_rebuild_command(town_a, capsys):
    make_measure(town_a, "Mobilstation am Markt")
    SearchDocument.objects.all().delete()  # e.g. after an import that bypassed the services
    call_command("rebuild_search_index")
    assert "1 Maßnahme" in capsys.readouterr().out
    assert found("Mobilstation") == ["Mobilstation am Markt"]
