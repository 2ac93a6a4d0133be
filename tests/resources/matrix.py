"""Bodies, the partner registry and personnel capacity in the role × URL matrix (see tests/test_url_matrix.py)."""

import datetime

from tests.factories import MeasureFactory
from tests.matrix_support import EDIT, MANAGE, READ, Entry, town, town_and
from vorort.resources.models import Assignment, Body, BodyKind, BodyMembership, Capacity, Partner, Person

ENTRIES = {
    "resources:body_list": Entry("municipality", READ, town),
    "resources:body_create": Entry("municipality", EDIT, town),
    "resources:body_detail": Entry("municipality", READ, town_and("body")),
    "resources:body_edit": Entry("municipality", EDIT, town_and("body")),
    "resources:body_delete": Entry("municipality", MANAGE, town_and("body")),
    "resources:body_member_add": Entry("municipality", EDIT, town_and("body")),
    "resources:body_member_remove": Entry("municipality", EDIT, town_and("body_member")),
    "resources:partner_list": Entry("municipality", READ, town),
    "resources:partner_create": Entry("municipality", EDIT, town),
    "resources:partner_detail": Entry("municipality", READ, town_and("registry_partner")),
    "resources:partner_edit": Entry("municipality", EDIT, town_and("registry_partner")),
    "resources:partner_delete": Entry("municipality", MANAGE, town_and("registry_partner")),
    "resources:personnel": Entry("municipality", READ, town),
    "resources:person_create": Entry("municipality", EDIT, town),
    "resources:person_detail": Entry("municipality", READ, town_and("person")),
    "resources:person_edit": Entry("municipality", EDIT, town_and("person")),
    "resources:person_delete": Entry("municipality", MANAGE, town_and("person")),
    "resources:capacity_create": Entry("municipality", EDIT, town_and("person")),
    "resources:capacity_edit": Entry("municipality", EDIT, town_and("capacity")),
    "resources:capacity_delete": Entry("municipality", EDIT, town_and("capacity")),
    "resources:assignment_create": Entry("municipality", EDIT, town),
    "resources:assignment_edit": Entry("municipality", EDIT, town_and("assignment")),
    "resources:assignment_delete": Entry("municipality", EDIT, town_and("assignment")),
}


def objects(municipality, coordinator) -> dict:
    body = Body.objects.create(municipality=municipality, kind=BodyKind.STEERING, name="Lenkungsgruppe Smart City")
    partner = Partner.objects.create(
        municipality=municipality, name=f"Hochschule {municipality.name}", kind="hochschule"
    )
    person = Person.objects.create(municipality=municipality, name=f"Koordination {municipality.name}")
    member = BodyMembership.objects.create(body=body, person=person, role="vorsitz")
    capacity = Capacity.objects.create(person=person, valid_from=datetime.date(2026, 1, 1), hours_per_week=20)
    measure = MeasureFactory(municipality=municipality, title=f"Digitale Bürgerdienste {municipality.name}")
    assignment = Assignment.objects.create(
        person=person,
        measure=measure,
        hours_per_week=8,
        start=datetime.date(2026, 1, 1),
        end=datetime.date(2026, 12, 31),
    )
    return {
        "body": body.pk,
        "body_member": member.pk,
        "registry_partner": partner.pk,
        "person": person.pk,
        "capacity": capacity.pk,
        "assignment": assignment.pk,
    }
