"""Users, their roles in municipalities, and invitations."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    NETWORK_ADMIN = "network_admin", _("Netzwerk-Geschäftsstelle")
    COACH = "coach", _("Prozessbegleitung")
    COORDINATOR = "coordinator", _("Smart-City-Koordination")
    EDITOR = "editor", _("Redaktion")
    VIEWER = "viewer", _("Lesezugriff (Rat, Verwaltungsspitze)")
    PARTICIPANT = "participant", _("Bürger*in")


# Roles a coordinator may hand out inside their municipality.
MUNICIPALITY_ROLES = [Role.COORDINATOR, Role.EDITOR, Role.VIEWER]
# Roles that see a municipality's internal workspace.
INTERNAL_ROLES = [Role.COACH, Role.COORDINATOR, Role.EDITOR, Role.VIEWER]


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra):
        if not email:
            raise ValueError("E-Mail-Adresse fehlt.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("E-Mail-Adresse"), unique=True)
    name = models.CharField(_("Name"), max_length=150, blank=True)
    is_staff = models.BooleanField(_("Zugang zur Administration"), default=False)
    is_active = models.BooleanField(_("aktiv"), default=True)
    is_demo = models.BooleanField(
        _("Demo-Konto"), default=False, help_text=_("Anmeldung nur im Entwicklungsmodus möglich.")
    )
    date_joined = models.DateTimeField(_("registriert am"), default=timezone.now)

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("Person mit Zugang")
        verbose_name_plural = _("Personen mit Zugang")
        ordering = ["name", "email"]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.name or self.email

    def get_full_name(self) -> str:
        return self.display_name

    def get_short_name(self) -> str:
        return self.display_name


class Membership(models.Model):
    """A user's role in a municipality, or (municipality empty) in the whole network."""

    user = models.ForeignKey(User, verbose_name=_("Person"), on_delete=models.CASCADE, related_name="memberships")
    network = models.ForeignKey(
        "network.Network", verbose_name=_("Netzwerk"), on_delete=models.CASCADE, related_name="memberships"
    )
    municipality = models.ForeignKey(
        "network.Municipality",
        verbose_name=_("Kommune"),
        on_delete=models.CASCADE,
        related_name="memberships",
        null=True,
        blank=True,
    )
    role = models.CharField(_("Rolle"), max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(_("seit"), auto_now_add=True)

    class Meta:
        verbose_name = _("Rolle")
        verbose_name_plural = _("Rollen")
        ordering = ["municipality__name", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "municipality"],
                condition=Q(municipality__isnull=False),
                name="one_role_per_user_and_municipality",
            ),
            models.UniqueConstraint(
                fields=["user", "network"],
                condition=Q(municipality__isnull=True),
                name="one_network_role_per_user",
            ),
            models.CheckConstraint(
                condition=Q(municipality__isnull=False) | Q(role="network_admin"),
                name="network_role_is_network_admin",
            ),
        ]

    def __str__(self) -> str:
        where = self.municipality or self.network
        return f"{self.user}: {self.get_role_display()} ({where})"


class Invitation(models.Model):
    """An e-mailed link that grants a role in a municipality. Only the token's hash is stored."""

    municipality = models.ForeignKey(
        "network.Municipality", verbose_name=_("Kommune"), on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("E-Mail-Adresse"))
    role = models.CharField(_("Rolle"), max_length=20, choices=Role.choices)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        User, verbose_name=_("eingeladen von"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("eingeladen am"), auto_now_add=True)
    expires_at = models.DateTimeField(_("gültig bis"))
    accepted_at = models.DateTimeField(_("angenommen am"), null=True, blank=True)
    accepted_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    revoked_at = models.DateTimeField(_("zurückgezogen am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Einladung")
        verbose_name_plural = _("Einladungen")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} ({self.get_role_display()})"

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.revoked_at is None and self.expires_at > timezone.now()

    @property
    def state_label(self) -> str:
        if self.accepted_at:
            return str(_("angenommen"))
        if self.revoked_at:
            return str(_("zurückgezogen"))
        if self.expires_at <= timezone.now():
            return str(_("abgelaufen"))
        return str(_("offen"))
