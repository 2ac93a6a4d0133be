"""The measure catalogue's URLs in the role × URL matrix (see tests/test_url_matrix.py)."""

import datetime

from tests.factories import MeasureFactory
from tests.matrix_support import EDIT, MANAGE, READ, Entry, town, town_and
from vorort.measures.models import MeasureDependency, MeasureMilestone, StatusReport
from vorort.resources.models import Involvement, Partner

ENTRIES = {
    "measures:list": Entry("municipality", READ, town),
    "measures:create": Entry("municipality", EDIT, town),
    "measures:measure": Entry("municipality", READ, town_and("measure")),
    "measures:edit": Entry("municipality", EDIT, town_and("measure")),
    "measures:delete": Entry("municipality", MANAGE, town_and("measure")),
    "measures:status": Entry("municipality", EDIT, town_and("measure")),
    "measures:benefits": Entry("municipality", EDIT, town_and("measure")),
    "measures:row_status": Entry("municipality", EDIT, town_and("measure"), method="post"),
    "measures:row_public": Entry("municipality", MANAGE, town_and("measure"), method="post"),
    "measures:dependency_add": Entry("municipality", EDIT, town_and("measure")),
    "measures:dependency_remove": Entry("municipality", EDIT, town_and("measure_dependency")),
    "measures:milestone_create": Entry("municipality", EDIT, town_and("measure")),
    "measures:milestone_edit": Entry("municipality", EDIT, town_and("measure_milestone")),
    "measures:milestone_toggle": Entry("municipality", EDIT, town_and("measure_milestone"), method="post"),
    "measures:milestone_delete": Entry("municipality", EDIT, town_and("measure_milestone")),
    "measures:report_create": Entry("municipality", EDIT, town_and("measure")),
    "measures:report_delete": Entry("municipality", EDIT, town_and("measure_report")),
    "measures:involvement_add": Entry("municipality", EDIT, town_and("measure")),
    "measures:involvement_remove": Entry("municipality", EDIT, town_and("involvement")),
}


def objects(municipality, coordinator) -> dict:
    measure = MeasureFactory(municipality=municipality, title=f"Mobilstation {municipality.name}")
    prerequisite = MeasureFactory(municipality=municipality, title=f"Lastenrad-Verleih {municipality.name}")
    dependency = MeasureDependency.objects.create(measure=measure, depends_on=prerequisite)
    milestone = MeasureMilestone.objects.create(
        measure=measure, title="Standort klären", due_date=datetime.date(2030, 1, 1)
    )
    report = StatusReport.objects.create(
        measure=measure,
        reported_on=datetime.date(2026, 1, 15),
        traffic_light="gruen",
        text="Im Plan.",
        author=coordinator,
    )
    partner = Partner.objects.create(municipality=municipality, name="Stadtwerke")
    involvement = Involvement.objects.create(partner=partner, measure=measure, role="Betreiber")
    return {
        "measure": measure.pk,
        "measure_dependency": dependency.pk,
        "measure_milestone": milestone.pk,
        "measure_report": report.pk,
        "involvement": involvement.pk,
    }
