"""Formate: events of the network or a municipality, with registrations, agenda, documentation and results."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vorort.core.models import TimeStampedModel, VersionedModel


def optional_link(to, verbose_name, *, related_name: str) -> models.ForeignKey:
    """A link that may be empty and becomes empty when the other object is deleted."""
    return models.ForeignKey(
        to, verbose_name=verbose_name, null=True, blank=True, on_delete=models.SET_NULL, related_name=related_name
    )


class EventKind(models.TextChoices):
    STRATEGY_WORKSHOP = "strategiewerkstatt", _("Strategiewerkstatt")
    WORKSHOP = "workshop", _("Workshop")
    EXCHANGE = "erfahrungsaustausch", _("Erfahrungsaustausch")
    EXCURSION = "exkursion", _("Exkursion")
    WEBINAR = "webinar", _("Webinar")
    CITIZEN_FORUM = "buergerforum", _("Bürgerforum")


class EventMode(models.TextChoices):
    ANALOG = "analog", _("analog (vor Ort)")
    DIGITAL = "digital", _("digital (online)")
    HYBRID = "hybrid", _("hybrid (vor Ort und online)")


class Event(VersionedModel):
    """A format: hosted by the network (municipality empty) or by one municipality."""

    network = models.ForeignKey(
        "network.Network", verbose_name=_("Netzwerk"), on_delete=models.CASCADE, related_name="events"
    )
    municipality = models.ForeignKey(
        "network.Municipality",
        verbose_name=_("gastgebende Kommune"),
        on_delete=models.CASCADE,
        related_name="events",
        null=True,
        blank=True,
    )
    title = models.CharField(_("Titel"), max_length=200)
    kind = models.CharField(_("Format"), max_length=30, choices=EventKind.choices, default=EventKind.WORKSHOP)
    mode = models.CharField(_("Durchführung"), max_length=10, choices=EventMode.choices, default=EventMode.ANALOG)
    description = models.TextField(_("Beschreibung"), blank=True, max_length=10_000)
    starts_at = models.DateTimeField(_("Beginn"))
    ends_at = models.DateTimeField(_("Ende"))
    location = models.CharField(
        _("Ort / Adresse"),
        max_length=300,
        blank=True,
        help_text=_("z. B. „Rathaus, Ratssaal, Weststraße 1, 59269 Beckum“"),
    )
    online_url = models.URLField(
        _("Online-Zugang (Link)"),
        max_length=500,
        blank=True,
        help_text=_("Nur angemeldete Teilnehmende und das Orga-Team sehen den Link."),
    )
    participating_municipalities = models.ManyToManyField(
        "network.Municipality", verbose_name=_("beteiligte Kommunen"), blank=True, related_name="participated_events"
    )
    is_public = models.BooleanField(
        _("öffentlich"), default=False, help_text=_("Öffentliche Formate stehen im öffentlichen Kalender.")
    )
    registration_open = models.BooleanField(_("Anmeldung möglich"), default=True)
    capacity = models.PositiveIntegerField(
        _("Plätze"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Leer lassen, wenn die Zahl der Plätze nicht begrenzt ist. Weitere Anmeldungen kommen auf die Warteliste."
        ),
    )
    protocol = models.TextField(_("Protokoll"), blank=True, max_length=50_000)
    documentation_public = models.BooleanField(
        _("Dokumentation öffentlich"),
        default=False,
        help_text=_("Protokoll, Ergebnisse und Dateien eines öffentlichen Formats für alle sichtbar machen."),
    )
    created_by = optional_link(settings.AUTH_USER_MODEL, _("angelegt von"), related_name="+")

    class Meta:
        verbose_name = _("Format")
        verbose_name_plural = _("Formate")
        ordering = ["starts_at", "id"]
        indexes = [
            models.Index(fields=["is_public", "starts_at"], name="event_public_start_idx"),
            models.Index(fields=["municipality", "starts_at"], name="event_municipality_start_idx"),
            models.Index(fields=["network", "starts_at"], name="event_network_start_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=F("starts_at")),
                name="event_dates_ordered",
                violation_error_message=_("Das Ende darf nicht vor dem Beginn liegen."),
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gte=1),
                name="event_capacity_positive",
                violation_error_message=_("Bitte mindestens einen Platz angeben oder das Feld leer lassen."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def host_name(self) -> str:
        return self.municipality.name if self.municipality_id else self.network.name

    @property
    def is_network_event(self) -> bool:
        return self.municipality_id is None

    @property
    def has_started(self) -> bool:
        return self.starts_at <= timezone.now()

    @property
    def is_over(self) -> bool:
        return self.ends_at < timezone.now()

    @property
    def needs_location(self) -> bool:
        return self.mode in (EventMode.ANALOG, EventMode.HYBRID)

    @property
    def needs_online_url(self) -> bool:
        return self.mode in (EventMode.DIGITAL, EventMode.HYBRID)


class EventPart(models.Model):
    """Something that belongs to an event; the audit trail finds the event's tenant through these properties."""

    class Meta:
        abstract = True

    @property
    def municipality(self):
        return self.event.municipality

    @property
    def network_id(self) -> int:
        return self.event.network_id


class AgendaItem(EventPart, TimeStampedModel):
    event = models.ForeignKey(Event, verbose_name=_("Format"), on_delete=models.CASCADE, related_name="agenda_items")
    time = models.TimeField(_("Uhrzeit"), null=True, blank=True)
    title = models.CharField(_("Programmpunkt"), max_length=200)
    note = models.CharField(_("Hinweis"), max_length=500, blank=True)
    order = models.PositiveIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        verbose_name = _("Programmpunkt")
        verbose_name_plural = _("Ablauf")
        ordering = [F("time").asc(nulls_first=True), "order", "id"]

    def __str__(self) -> str:
        return self.title


class WorkshopTopic(EventPart, TimeStampedModel):
    """A measure or a question that is discussed (and dot-voted) at the event."""

    event = models.ForeignKey(Event, verbose_name=_("Format"), on_delete=models.CASCADE, related_name="topics")
    measure = optional_link("measures.Measure", _("Maßnahme"), related_name="workshop_topics")
    title = models.CharField(_("Frage / Thema"), max_length=200)
    description = models.CharField(_("Erläuterung"), max_length=600, blank=True)
    order = models.PositiveIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        verbose_name = _("Diskussionspunkt")
        verbose_name_plural = _("Diskussionspunkte")
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "measure"], condition=Q(measure__isnull=False), name="topic_measure_once_per_event"
            )
        ]

    def __str__(self) -> str:
        return self.display_title

    @property
    def display_title(self) -> str:
        return self.measure.title if self.measure_id else self.title


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "angemeldet", _("angemeldet")
    WAITING = "warteliste", _("auf der Warteliste")
    CANCELLED = "abgemeldet", _("abgemeldet")


class Registration(EventPart, TimeStampedModel):
    event = models.ForeignKey(Event, verbose_name=_("Format"), on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("Person"), on_delete=models.CASCADE, related_name="event_registrations"
    )
    status = models.CharField(_("Status"), max_length=12, choices=RegistrationStatus.choices)
    queued_at = models.DateTimeField(_("angemeldet am"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("Platz seit"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("abgemeldet am"), null=True, blank=True)
    attended = models.BooleanField(_("teilgenommen"), default=False)
    reminded_for = models.DateTimeField(
        _("Erinnerung gesendet für Beginn"), null=True, blank=True, help_text=_("Beginn, an den zuletzt erinnert wurde")
    )

    class Meta:
        verbose_name = _("Anmeldung")
        verbose_name_plural = _("Anmeldungen")
        ordering = ["queued_at", "id"]
        constraints = [models.UniqueConstraint(fields=["event", "user"], name="one_registration_per_person")]
        indexes = [models.Index(fields=["event", "status", "queued_at"], name="registration_queue_idx")]

    def __str__(self) -> str:
        return f"{self.user} – {self.event}"


class EventResult(EventPart, TimeStampedModel):
    """A result of the event, optionally linked to a need, a measure or a participation idea of the host (or, for a
    network event, the participating) municipalities."""

    event = models.ForeignKey(Event, verbose_name=_("Format"), on_delete=models.CASCADE, related_name="results")
    text = models.TextField(_("Ergebnis"), max_length=2_000)
    need = optional_link("strategy.Need", _("Bedarf"), related_name="event_results")
    measure = optional_link("measures.Measure", _("Maßnahme"), related_name="event_results")
    idea = optional_link("participation.Idea", _("Idee aus der Beteiligung"), related_name="event_results")
    created_by = optional_link(settings.AUTH_USER_MODEL, _("erfasst von"), related_name="+")

    class Meta:
        verbose_name = _("Ergebnis")
        verbose_name_plural = _("Ergebnisse")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        text = " ".join(self.text.split())
        return text if len(text) <= 80 else text[:79] + "…"


class EventDocument(EventPart, TimeStampedModel):
    """A photo or file of the documentation. Stored under a random name, served only through a checked view."""

    event = models.ForeignKey(Event, verbose_name=_("Format"), on_delete=models.CASCADE, related_name="documents")
    file = models.FileField(_("Datei"), max_length=255)
    original_name = models.CharField(_("Dateiname"), max_length=255)
    kind = models.CharField(_("Dateityp"), max_length=10)
    content_type = models.CharField(_("Inhaltstyp"), max_length=100)
    size = models.PositiveBigIntegerField(_("Größe (Bytes)"))
    caption = models.CharField(_("Beschreibung"), max_length=200, blank=True)
    uploaded_by = optional_link(settings.AUTH_USER_MODEL, _("hochgeladen von"), related_name="+")

    class Meta:
        verbose_name = _("Datei der Dokumentation")
        verbose_name_plural = _("Dateien der Dokumentation")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.original_name

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")


class WorkshopResult(EventPart, TimeStampedModel):
    """The dots a topic received on the printed poster, typed in after the event."""

    event = models.ForeignKey(
        Event, verbose_name=_("Format"), on_delete=models.CASCADE, related_name="workshop_results"
    )
    topic = models.OneToOneField(
        WorkshopTopic, verbose_name=_("Diskussionspunkt"), on_delete=models.CASCADE, related_name="result"
    )
    dots = models.PositiveIntegerField(_("Klebepunkte"))
    recorded_by = optional_link(settings.AUTH_USER_MODEL, _("erfasst von"), related_name="+")

    class Meta:
        verbose_name = _("Ergebnis der Punktabfrage")
        verbose_name_plural = _("Ergebnisse der Punktabfrage")
        ordering = ["-dots", "topic__order", "id"]

    def __str__(self) -> str:
        return f"{self.topic}: {self.dots}"


class CalendarToken(models.Model):
    """A secret address for a person's private calendar feed. Only the token's hash is stored."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("Person"), on_delete=models.CASCADE, related_name="calendar_tokens"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("erstellt am"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("widerrufen am"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("zuletzt abgerufen"), null=True, blank=True)

    class Meta:
        verbose_name = _("Kalender-Abo")
        verbose_name_plural = _("Kalender-Abos")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "revoked_at"], name="calendar_token_user_idx")]

    def __str__(self) -> str:
        return f"{self.user} ({self.created_at:%d.%m.%Y})"

    @property
    def municipality(self):
        return None
