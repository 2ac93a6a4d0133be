"""The portal's URLs in the role × URL matrix (see tests/test_url_matrix.py).

The public pages (start page, municipality and measure pages, lists, search) are listed in PUBLIC there; that they
show nothing unpublished is tested in tests/portal/test_leaks.py.
"""

from tests.factories import MeasureFactory
from tests.matrix_support import EDIT, READ, Entry, town, town_and
from vorort.portal.models import Lesson

ENTRIES = {
    "portal:lessons": Entry("municipality", READ, town),
    "portal:lesson_create": Entry("municipality", EDIT, town),
    "portal:lesson_edit": Entry("municipality", EDIT, town_and("lesson")),
    "portal:lesson_delete": Entry("municipality", EDIT, town_and("lesson")),
    # Adopting town A's published measure: whoever may add measures in another municipality (the network admin,
    # town B's coordination); town A's own people have nowhere else to take it.
    "portal:adopt": Entry("user", {"network_admin", "coordinator_b"}, town_and("portal_measure"), method="post"),
}


def objects(municipality, coordinator) -> dict:
    lesson = Lesson.objects.create(municipality=municipality, title="Früh beteiligen", text="Intern.")
    measure = MeasureFactory(municipality=municipality, title=f"Bürgerbus {municipality.name}", is_public=True)
    return {"lesson": lesson.pk, "portal_measure": measure.pk}
