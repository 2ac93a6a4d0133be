"""Beteiligung: a municipality asks its citizens; they submit ideas, comment and support measures.

Citizens are ordinary users with the role `participant` in the municipality. Their contributions keep the
author as a nullable link: deleting an account or anonymising a closed participation clears the link and
records why (`author_removed`), so the text stays and shows "gelöschte*r Nutzer*in" or "anonym".
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vorort.core.models import TimeStampedModel, VersionedModel


class ParticipationState(models.TextChoices):
    DRAFT = "entwurf", _("Entwurf")
    OPEN = "offen", _("offen")
    CLOSED = "abgeschlossen", _("abgeschlossen")


class Participation(VersionedModel):
    """One public participation: a question, a period and the measures citizens may support."""

    municipality = models.ForeignKey(
        "network.Municipality", verbose_name=_("Kommune"), on_delete=models.CASCADE, related_name="participations"
    )
    title = models.CharField(_("Titel"), max_length=200)
    question = models.TextField(_("Fragestellung"), max_length=2_000)
    description = models.TextField(
        _("Einleitung"),
        blank=True,
        max_length=10_000,
        help_text=_("Erlaubt sind Absätze, Listen, Fett- und Kursivschrift und Links."),
    )
    starts_on = models.DateField(_("Beginn"))
    ends_on = models.DateField(_("Ende"))
    privacy_text = models.TextField(
        _("Datenschutzhinweis"),
        max_length=20_000,
        help_text=_(
            "Wird bei der Registrierung angezeigt; Bürger*innen willigen in genau diesen Text ein. "
            "Erlaubt sind Absätze, Listen, Fett- und Kursivschrift und Links."
        ),
    )
    measures = models.ManyToManyField(
        "measures.Measure", verbose_name=_("Maßnahmen zur Abstimmung"), blank=True, related_name="participations"
    )
    state = models.CharField(
        _("Status"), max_length=20, choices=ParticipationState.choices, default=ParticipationState.DRAFT
    )
    opened_at = models.DateTimeField(_("geöffnet am"), null=True, blank=True)
    closed_at = models.DateTimeField(_("abgeschlossen am"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymisiert am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Beteiligung")
        verbose_name_plural = _("Beteiligungen")
        ordering = ["-starts_on", "-id"]
        indexes = [models.Index(fields=["municipality", "state", "-starts_on"], name="participation_state_idx")]
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="participation_dates_ordered"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_public(self) -> bool:
        return self.state != ParticipationState.DRAFT

    def is_accepting(self, today: datetime.date | None = None) -> bool:
        """Open, and today lies within the period: citizens may post and vote."""
        today = today or timezone.localdate()
        return self.state == ParticipationState.OPEN and self.starts_on <= today <= self.ends_on

    @property
    def period_state(self) -> str:
        """A German phrase for the period: noch nicht begonnen / läuft / beendet."""
        today = timezone.localdate()
        if self.state == ParticipationState.CLOSED:
            return str(_("abgeschlossen"))
        if self.state == ParticipationState.DRAFT:
            return str(_("Entwurf"))
        if today < self.starts_on:
            return str(_("beginnt bald"))
        if today > self.ends_on:
            return str(_("Zeitraum beendet"))
        return str(_("läuft"))

    def anonymisable_from(self) -> datetime.datetime | None:
        """When the retention period after closing ends (None while not closed)."""
        if self.closed_at is None:
            return None
        return self.closed_at + datetime.timedelta(days=settings.PARTICIPATION_RETENTION_DAYS)


class CitizenProfile(models.Model):
    """A citizen's account data beyond the user: whether the e-mail address is confirmed."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("Person"), on_delete=models.CASCADE, related_name="citizen_profile"
    )
    created_at = models.DateTimeField(_("registriert am"), auto_now_add=True)
    email_confirmed_at = models.DateTimeField(_("E-Mail bestätigt am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Bürger*innen-Konto")
        verbose_name_plural = _("Bürger*innen-Konten")

    def __str__(self) -> str:
        # No name: audit entries keep this text for good.
        return f"{_('Bürger*innen-Konto')} {self.pk}"

    @property
    def is_confirmed(self) -> bool:
        return self.email_confirmed_at is not None


class Consent(models.Model):
    """Consent to one participation's privacy text, with the exact text shown at the time."""

    participation = models.ForeignKey(
        Participation, verbose_name=_("Beteiligung"), on_delete=models.CASCADE, related_name="consents"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("Person"), on_delete=models.CASCADE, related_name="consents"
    )
    text = models.TextField(_("Text der Einwilligung"))
    given_at = models.DateTimeField(_("eingewilligt am"), default=timezone.now)

    class Meta:
        verbose_name = _("Einwilligung")
        verbose_name_plural = _("Einwilligungen")
        ordering = ["-given_at"]
        constraints = [models.UniqueConstraint(fields=["participation", "user"], name="one_consent_per_participation")]

    def __str__(self) -> str:
        return f"{_('Einwilligung')}: {self.participation}"

    @property
    def municipality(self):
        return self.participation.municipality


class AuthorRemoved(models.TextChoices):
    NO = "", _("–")
    DELETED = "geloescht", _("Konto gelöscht")
    ANONYMISED = "anonymisiert", _("anonymisiert")


class Moderation(models.TextChoices):
    NEW = "neu", _("neu")
    APPROVED = "geprueft", _("geprüft")
    HIDDEN = "moderiert", _("moderiert")


class Contribution(TimeStampedModel):
    """What ideas and comments share: an author who may go away, and moderation."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verfasst von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    author_removed = models.CharField(
        _("Verfasser*in entfernt"), max_length=20, choices=AuthorRemoved.choices, default="", blank=True
    )
    moderation = models.CharField(_("Moderation"), max_length=20, choices=Moderation.choices, default=Moderation.NEW)
    moderation_reason = models.CharField(_("Grund der Moderation"), max_length=300, blank=True)
    moderated_at = models.DateTimeField(_("moderiert am"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderiert von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True

    @property
    def is_hidden(self) -> bool:
        return self.moderation == Moderation.HIDDEN

    @property
    def author_label(self) -> str:
        if self.author_id is not None:
            return self.author.display_name
        if self.author_removed == AuthorRemoved.DELETED:
            return str(_("gelöschte*r Nutzer*in"))
        return str(_("anonym"))


class Idea(Contribution):
    participation = models.ForeignKey(
        Participation, verbose_name=_("Beteiligung"), on_delete=models.CASCADE, related_name="ideas"
    )
    title = models.CharField(_("Titel"), max_length=200)
    text = models.TextField(_("Ihre Idee"), max_length=5_000)
    action_field = models.ForeignKey(
        "network.ActionField",
        verbose_name=_("Handlungsfeld"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    place = models.CharField(_("Ort"), max_length=200, blank=True)
    need = models.ForeignKey(
        "strategy.Need",
        verbose_name=_("übernommen als Bedarf"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="source_ideas",
    )
    measure = models.ForeignKey(
        "measures.Measure",
        verbose_name=_("übernommen als Maßnahme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="source_ideas",
    )

    class Meta:
        verbose_name = _("Idee")
        verbose_name_plural = _("Ideen")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["participation", "-created_at"], name="idea_participation_idx"),
            models.Index(fields=["participation", "moderation"], name="idea_moderation_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def municipality(self):
        return self.participation.municipality


class Comment(Contribution):
    """A comment on an idea or on a measure of a participation (exactly one of the two)."""

    participation = models.ForeignKey(
        Participation, verbose_name=_("Beteiligung"), on_delete=models.CASCADE, related_name="comments"
    )
    idea = models.ForeignKey(
        Idea, verbose_name=_("Idee"), null=True, blank=True, on_delete=models.CASCADE, related_name="comments"
    )
    measure = models.ForeignKey(
        "measures.Measure",
        verbose_name=_("Maßnahme"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="participation_comments",
    )
    text = models.TextField(_("Kommentar"), max_length=2_000)

    class Meta:
        verbose_name = _("Kommentar")
        verbose_name_plural = _("Kommentare")
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["participation", "idea", "created_at"], name="comment_idea_idx"),
            models.Index(fields=["participation", "measure", "created_at"], name="comment_measure_idx"),
            models.Index(fields=["participation", "moderation"], name="comment_moderation_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(Q(idea__isnull=False) & Q(measure__isnull=True))
                | (Q(idea__isnull=True) & Q(measure__isnull=False)),
                name="comment_on_idea_or_measure",
            ),
        ]

    def __str__(self) -> str:
        return f"{_('Kommentar')} {self.pk}"

    @property
    def municipality(self):
        return self.participation.municipality


class Vote(models.Model):
    """A citizen's support for a measure in a participation; withdrawing deletes the row.

    The unique constraint is what makes "one vote per person and measure" hold under concurrent requests.
    Deleting the account or anonymising clears `participant`; the vote itself keeps counting.
    """

    participation = models.ForeignKey(
        Participation, verbose_name=_("Beteiligung"), on_delete=models.CASCADE, related_name="votes"
    )
    measure = models.ForeignKey(
        "measures.Measure", verbose_name=_("Maßnahme"), on_delete=models.CASCADE, related_name="participation_votes"
    )
    participant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Bürger*in"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("abgegeben am"), auto_now_add=True)

    class Meta:
        verbose_name = _("Stimme")
        verbose_name_plural = _("Stimmen")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "measure", "participation"], name="one_vote_per_participant_and_measure"
            ),
        ]
        indexes = [models.Index(fields=["measure", "participation"], name="vote_measure_idx")]

    def __str__(self) -> str:
        return f"{_('Stimme')}: {self.measure}"

    @property
    def municipality(self):
        return self.participation.municipality
