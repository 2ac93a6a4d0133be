"""Helpers for the search and portal tests: content created through the write services, so the index hooks run."""

from __future__ import annotations

from vorort.measures.services import benefit_matrix_save, measure_create
from vorort.network.models import ActionField, UserGroup
from vorort.portal.services import lesson_create


def field(town, slug: str = "mobilitaet") -> ActionField:
    return ActionField.objects.get(network=town.network, slug=slug)


def group(town, name: str) -> UserGroup:
    return UserGroup.objects.get(network=town.network, name=name)


def make_measure(
    town,
    title: str,
    *,
    summary: str = "",
    description: str = "",
    field_slug: str = "mobilitaet",
    further: tuple[str, ...] = (),
    groups: tuple[str, ...] = (),
    public: bool = True,
    status: str = "idee",
    actor=None,
    **data,
):
    """A measure of `town` created through measures.services (published unless public=False)."""
    measure = measure_create(
        actor=actor,
        municipality=town,
        data={
            "title": title,
            "summary": summary,
            "description": description,
            "action_field": field(town, field_slug),
            "is_public": public,
            "status": status,
            **data,
        },
        m2m={"further_action_fields": [field(town, slug) for slug in further]},
    )
    if groups:
        rows = {group(town, name).pk: (2, "") for name in groups}
        measure = benefit_matrix_save(actor=actor, measure=measure, rows=rows, expected_version=measure.version)
    return measure


def make_lesson(town, title: str, text: str = "Wir haben gelernt.", *, public: bool = True, measure=None, event=None):
    return lesson_create(
        actor=None,
        municipality=town,
        data={"title": title, "text": text, "is_public": public, "measure": measure, "event": event},
    )
