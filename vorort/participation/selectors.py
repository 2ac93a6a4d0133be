"""Reads for participations. Internal reads take a municipality scoped by `municipality_for`; public reads only
ever return participations that are no longer drafts."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from vorort.accounts.models import Role
from vorort.accounts.selectors import role_map
from vorort.measures.models import Measure
from vorort.network.models import Municipality

from .models import CitizenProfile, Comment, Consent, Idea, Moderation, Participation, ParticipationState, Vote

IDEAS_PER_PAGE = 20
COMMENTS_PER_PAGE = 50


# The ranking's input ------------------------------------------------------------------------------------------


def vote_counts(municipality, measure_ids: Iterable[int]) -> dict[int, int]:
    """Supporting votes per measure, summed over all participations of `municipality`; 0 for measures without.

    Every stored vote counts: votes of accounts deleted later and votes of anonymised participations stay (only
    the link to the person goes), so a result once published does not change afterwards. Withdrawn votes are
    deleted and do not count. Moderation applies to ideas and comments, never to votes.
    """
    ids = [int(pk) for pk in measure_ids]
    counts = dict.fromkeys(ids, 0)
    if not ids:
        return counts
    rows = (
        Vote.objects.filter(participation__municipality=municipality, measure_id__in=ids)
        .values("measure_id")
        .annotate(total=Count("id"))
        .order_by()
    )
    for row in rows:
        counts[row["measure_id"]] = row["total"]
    return counts


# Internal (workspace) reads -----------------------------------------------------------------------------------


def _count_of(model, *, filter_q: Q | None = None, **outer) -> Subquery:
    """A correlated COUNT subquery (no join fan-out when a query counts several relations)."""
    queryset = model.objects.filter(**{key: OuterRef(value) for key, value in outer.items()})
    if filter_q is not None:
        queryset = queryset.filter(filter_q)
    counted = queryset.order_by().values(next(iter(outer))).annotate(total=Count("pk")).values("total")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def participations_of(municipality) -> QuerySet[Participation]:
    return (
        Participation.objects.filter(municipality=municipality)
        .annotate(
            idea_count=_count_of(Idea, participation="pk"),
            vote_count=_count_of(Vote, participation="pk"),
            new_count=_count_of(Idea, participation="pk", filter_q=Q(moderation=Moderation.NEW))
            + _count_of(Comment, participation="pk", filter_q=Q(moderation=Moderation.NEW)),
        )
        .order_by("-starts_on", "-id")
    )


def participation_in(municipality, pk: int) -> Participation:
    return get_object_or_404(
        Participation.objects.select_related("municipality__network"), municipality=municipality, pk=pk
    )


def idea_in(municipality, pk: int) -> Idea:
    return get_object_or_404(
        Idea.objects.select_related(
            "participation__municipality__network", "author", "action_field", "need", "measure"
        ),
        participation__municipality=municipality,
        pk=pk,
    )


def comment_in(municipality, pk: int) -> Comment:
    return get_object_or_404(
        Comment.objects.select_related("participation__municipality__network", "author", "idea", "measure"),
        participation__municipality=municipality,
        pk=pk,
    )


def moderation_queue(participation: Participation, state: str = Moderation.NEW) -> tuple[QuerySet, QuerySet]:
    """Ideas and comments of a participation in one moderation state, oldest first."""
    ideas = (
        Idea.objects.filter(participation=participation, moderation=state)
        .select_related("author", "action_field", "moderated_by")
        .order_by("created_at", "id")
    )
    comments = (
        Comment.objects.filter(participation=participation, moderation=state)
        .select_related("author", "idea", "measure", "moderated_by")
        .order_by("created_at", "id")
    )
    return ideas, comments


def convertible_ideas(participation: Participation) -> QuerySet[Idea]:
    """Ideas for the workspace overview, newest first, with what became of them."""
    return (
        Idea.objects.filter(participation=participation)
        .select_related("author", "action_field", "need", "measure")
        .annotate(comment_count=_count_of(Comment, idea="pk"))
        .order_by("-created_at", "-id")
    )


def selectable_measures(municipality) -> QuerySet[Measure]:
    return Measure.objects.filter(municipality=municipality).select_related("action_field").order_by("title", "id")


# Public reads -------------------------------------------------------------------------------------------------


def public_municipality(slug: str) -> Municipality:
    """Municipality names are public (see the start page)."""
    return get_object_or_404(Municipality.objects.select_related("network"), slug=slug)


def public_participations(municipality) -> QuerySet[Participation]:
    return (
        Participation.objects.filter(municipality=municipality)
        .exclude(state=ParticipationState.DRAFT)
        .order_by("-starts_on", "-id")
    )


def public_participation(slug: str, pk: int) -> Participation:
    """A participation that is open or closed (drafts are 404), found by its municipality's slug."""
    return get_object_or_404(
        Participation.objects.select_related("municipality__network").exclude(state=ParticipationState.DRAFT),
        municipality__slug=slug,
        pk=pk,
    )


def _visible_comments(**outer) -> Subquery:
    return _count_of(Comment, filter_q=~Q(moderation=Moderation.HIDDEN), **outer)


def measure_rows(participation: Participation) -> list[Measure]:
    """The measures up for a vote, each with `support` (votes here) and `comment_count`, most supported first."""
    measures = (
        participation.measures.all()
        .select_related("action_field")
        .annotate(
            support=_count_of(Vote, measure="pk", filter_q=Q(participation=participation)),
            comment_count=_count_of(
                Comment, measure="pk", filter_q=Q(participation=participation) & ~Q(moderation=Moderation.HIDDEN)
            ),
        )
        .order_by("-support", "title", "id")
    )
    return list(measures)


def participation_measure(participation: Participation, pk: int) -> Measure:
    """A measure of this participation (else 404), with its support here."""
    return get_object_or_404(
        participation.measures.select_related("action_field").annotate(
            support=_count_of(Vote, measure="pk", filter_q=Q(participation=participation))
        ),
        pk=pk,
    )


def public_ideas(participation: Participation) -> QuerySet[Idea]:
    """All ideas, newest first; hidden ones stay in the list (the template shows them as "moderiert")."""
    return (
        Idea.objects.filter(participation=participation)
        .select_related("author", "action_field")
        .annotate(comment_count=_visible_comments(idea="pk"))
        .order_by("-created_at", "-id")
    )


def public_idea(participation: Participation, pk: int) -> Idea:
    return get_object_or_404(
        Idea.objects.select_related("author", "action_field", "participation__municipality"),
        participation=participation,
        pk=pk,
    )


def comments_on(participation: Participation, *, idea: Idea | None = None, measure: Measure | None = None):
    target = {"idea": idea} if idea is not None else {"measure": measure}
    return (
        Comment.objects.filter(participation=participation, **target)
        .select_related("author")
        .order_by("created_at", "id")
    )


# The signed-in person's standing ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Standing:
    """What the visitor may do in a participation, and if not, why (German)."""

    signed_in: bool = False
    participant: bool = False  # has the citizen role in the participation's municipality
    staff_role: bool = False  # has another role there (or administers the network): cannot take part
    confirmed: bool = False
    consented: bool = False
    accepting: bool = False
    votes: frozenset[int] = field(default_factory=frozenset)  # measures this person supports here

    @property
    def can_take_part(self) -> bool:
        return self.participant and self.confirmed and self.consented and self.accepting

    @property
    def may_join(self) -> bool:
        """Signed in, not yet taking part here, and allowed to (no staff role here)."""
        return self.signed_in and not self.staff_role and not (self.participant and self.consented)

    @property
    def reason(self) -> str:
        if not self.accepting:
            return _("Diese Beteiligung nimmt zurzeit keine Beiträge und Stimmen an.")
        if not self.signed_in:
            return _(
                "Um Ideen einzureichen, zu kommentieren und abzustimmen, registrieren Sie sich oder melden sich an."
            )
        if self.staff_role:
            return _(
                "Sie arbeiten in dieser Kommune mit einer Rolle in der Verwaltung und nehmen daher nicht als "
                "Bürger*in teil."
            )
        if not (self.participant and self.consented):
            return _("Bitte willigen Sie in den Datenschutzhinweis ein, um teilzunehmen.")
        if not self.confirmed:
            return _("Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse über den Link, den wir Ihnen geschickt haben.")
        return ""


def standing(user, participation: Participation) -> Standing:
    """The visitor's standing in a participation: at most four small queries, whatever the data."""
    accepting = participation.is_accepting()
    if user is None or not user.is_authenticated:
        return Standing(accepting=accepting)
    roles = role_map(user)
    role = roles.role_in(participation.municipality_id)
    staff = (role is not None and role != Role.PARTICIPANT) or participation.municipality.network_id in (
        roles.admin_networks
    )
    participant = role == Role.PARTICIPANT
    confirmed = CitizenProfile.objects.filter(user=user, email_confirmed_at__isnull=False).exists()
    consented = participant and Consent.objects.filter(user=user, participation=participation).exists()
    votes = (
        frozenset(
            Vote.objects.filter(participant=user, participation=participation).values_list("measure_id", flat=True)
        )
        if participant
        else frozenset()
    )
    return Standing(
        signed_in=True,
        participant=participant,
        staff_role=staff,
        confirmed=confirmed,
        consented=consented,
        accepting=accepting,
        votes=votes,
    )


def citizen_participations(user) -> QuerySet[Participation]:
    """Public participations the user has consented to, for their start page."""
    if user is None or not user.is_authenticated:
        return Participation.objects.none()
    return (
        Participation.objects.filter(consents__user=user)
        .exclude(state=ParticipationState.DRAFT)
        .select_related("municipality")
        .order_by("-starts_on", "-id")
    )


def profile_of(user) -> CitizenProfile | None:
    return CitizenProfile.objects.filter(user=user).first()


# Personal data ------------------------------------------------------------------------------------------------


@dataclass
class PersonalData:
    user: object
    profile: CitizenProfile | None
    memberships: list
    consents: list[Consent]
    ideas: list[Idea]
    comments: list[Comment]
    votes: list[Vote]


def personal_data(user) -> PersonalData:
    """Everything vorort stores about a person as a citizen, in a fixed number of queries."""
    from vorort.accounts.models import Membership

    return PersonalData(
        user=user,
        profile=profile_of(user),
        memberships=list(Membership.objects.filter(user=user).select_related("municipality", "network")),
        consents=list(Consent.objects.filter(user=user).select_related("participation__municipality")),
        ideas=list(
            Idea.objects.filter(author=user)
            .select_related("participation__municipality", "action_field")
            .order_by("created_at", "id")
        ),
        comments=list(
            Comment.objects.filter(author=user)
            .select_related("participation__municipality", "idea", "measure")
            .order_by("created_at", "id")
        ),
        votes=list(
            Vote.objects.filter(participant=user)
            .select_related("participation__municipality", "measure")
            .order_by("created_at", "id")
        ),
    )
