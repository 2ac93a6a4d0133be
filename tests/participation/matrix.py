"""The participation's URLs in the role × URL matrix (see tests/test_url_matrix.py).

Public pages (the participation, ideas, measures, registration, confirmation) are in PUBLIC there. The citizens'
actions are "user" scoped: signed in, and only people with the citizen role in the town may use them (403 for
everyone else); joining is open to anyone signed in without a staff role in the town.
"""

from tests.factories import MeasureFactory
from tests.matrix_support import EDIT, MANAGE, READ, Entry, town, town_and
from vorort.accounts.models import Membership, Role
from vorort.participation.models import Comment, Idea

from .support import make_citizen, make_participation

EVERYONE = {"network_admin", "coach", "coordinator", "editor", "viewer", "participant", "coordinator_b", "other_admin"}
CITIZEN = {"participant"}
# Anyone without a staff role in town A (its network's admin and its coach have one).
JOINING = {"participant", "coordinator_b", "other_admin"}


def public(objects: dict) -> dict:
    return {"slug": objects["municipality"].slug, "pk": objects["participation"]}


def public_and(key: str, name: str):
    return lambda objects: {**public(objects), name: objects[key]}


ENTRIES = {
    # Citizens
    "participation:join": Entry("user", JOINING, public),
    "participation:confirmation_resend": Entry("user", JOINING, public, method="post"),
    "participation:idea_create": Entry("user", CITIZEN, public),
    "participation:idea_comment": Entry("user", CITIZEN, public_and("participation_idea", "idea_pk"), method="post"),
    "participation:measure_comment": Entry(
        "user", CITIZEN, public_and("participation_measure", "measure_pk"), method="post"
    ),
    "participation:vote": Entry("user", CITIZEN, public_and("participation_measure", "measure_pk"), method="post"),
    # The signed-in person's own data
    "participation:account": Entry("user", EVERYONE),
    "participation:account_data": Entry("user", EVERYONE),
    "participation:account_delete": Entry("user", EVERYONE),
    # Workspace
    "participation:manage_list": Entry("municipality", READ, town),
    "participation:manage_create": Entry("municipality", EDIT, town),
    "participation:manage": Entry("municipality", READ, town_and("participation")),
    "participation:manage_edit": Entry("municipality", EDIT, town_and("participation")),
    "participation:manage_state": Entry("municipality", MANAGE, town_and("participation"), method="post"),
    "participation:moderation": Entry("municipality", EDIT, town_and("participation")),
    "participation:anonymise": Entry("municipality", MANAGE, town_and("participation")),
    "participation:moderate_idea": Entry("municipality", EDIT, town_and("participation_idea"), method="post"),
    "participation:moderate_comment": Entry("municipality", EDIT, town_and("participation_comment"), method="post"),
    "participation:idea_to_need": Entry("municipality", EDIT, town_and("participation_idea")),
    "participation:idea_to_measure": Entry("municipality", EDIT, town_and("participation_idea")),
}


def objects(municipality, coordinator) -> dict:
    """An open participation with one measure, an idea and a comment; the town's citizens may take part."""
    measure = MeasureFactory(municipality=municipality, title=f"Bürgerbus {municipality.name}")
    participation = make_participation(municipality, measures=[measure], title=f"Beteiligung {municipality.name}")
    citizens = Membership.objects.filter(municipality=municipality, role=Role.PARTICIPANT).select_related("user")
    for membership in citizens:
        make_citizen(membership.user, participation)
    idea = Idea.objects.create(participation=participation, title="Sitzbänke am Markt", text="Mehr Bänke.")
    comment = Comment.objects.create(participation=participation, idea=idea, text="Gute Idee!")
    return {
        "participation": participation.pk,
        "participation_measure": measure.pk,
        "participation_idea": idea.pk,
        "participation_comment": comment.pk,
    }
