"""The prioritisation's URLs in the role × URL matrix (see tests/test_url_matrix.py)."""

from tests.factories import MeasureFactory
from tests.matrix_support import ADMIN, MANAGE, READ, Entry, town, town_and
from vorort.accounts.models import Membership, Role
from vorort.prioritisation import services
from vorort.prioritisation.models import Criterion, CriterionTemplate

# The open round in `objects` invites the coordinator, the editor and the coach; the viewer may read it but
# was not invited, the network admin is no member of the town.
RATERS = frozenset({"coordinator", "editor", "coach"})


def _template(objects):
    return {"pk": objects["criterion_template"]}


ENTRIES = {
    "prioritisation:template_list": Entry("network", ADMIN),
    "prioritisation:template_defaults": Entry("network", ADMIN, method="post"),
    "prioritisation:template_edit": Entry("network", ADMIN, _template, names_object=True),
    "prioritisation:template_delete": Entry("network", ADMIN, _template, names_object=True),
    "prioritisation:overview": Entry("municipality", READ, town),
    "prioritisation:criteria": Entry("municipality", MANAGE, town),
    "prioritisation:template_adopt": Entry("municipality", MANAGE, town, method="post"),
    "prioritisation:criterion_create": Entry("municipality", MANAGE, town),
    "prioritisation:criterion_edit": Entry("municipality", MANAGE, town_and("criterion")),
    "prioritisation:criterion_delete": Entry("municipality", MANAGE, town_and("criterion")),
    "prioritisation:ranking": Entry("municipality", READ, town),
    "prioritisation:round_create": Entry("municipality", MANAGE, town),
    "prioritisation:round_detail": Entry("municipality", READ, town_and("rating_round")),
    "prioritisation:round_edit": Entry("municipality", MANAGE, town_and("rating_round")),
    "prioritisation:round_close": Entry("municipality", MANAGE, town_and("rating_round")),
    "prioritisation:round_rate": Entry("municipality", RATERS, town_and("rating_round")),
    "prioritisation:rating": Entry(
        "municipality",
        RATERS,
        lambda o: {"slug": o["municipality"].slug, "pk": o["rating_round"], "measure": o["rating_measure"]},
    ),
    "prioritisation:catalogue": Entry("municipality", READ, town_and("catalogue")),
    "prioritisation:catalogue_adopt": Entry("municipality", MANAGE, town_and("catalogue")),
}


def objects(municipality, coordinator) -> dict:
    services.criteria_adopt_template(actor=coordinator, municipality=municipality)
    measure = MeasureFactory(municipality=municipality, title=f"Bürger-App {municipality.name}")
    raters = [
        m.user
        for m in Membership.objects.filter(
            municipality=municipality, role__in=[Role.COORDINATOR, Role.EDITOR, Role.COACH]
        ).select_related("user")
    ]
    closed = services.rating_round_create(
        actor=coordinator, municipality=municipality, title="Runde 2025", measures=[measure], raters=raters
    )
    catalogue = services.rating_round_close(actor=coordinator, rating_round=closed, expected_version=None)
    open_round = services.rating_round_create(
        actor=coordinator, municipality=municipality, title="Runde 2026", measures=[measure], raters=raters
    )
    return {
        "criterion_template": CriterionTemplate.objects.filter(network=municipality.network).first().pk,
        "criterion": Criterion.objects.filter(municipality=municipality).first().pk,
        "rating_round": open_round.pk,
        "rating_measure": measure.pk,
        "catalogue": catalogue.pk,
    }
