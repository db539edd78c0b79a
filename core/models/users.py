"""Users log in with their e-mail address and hold roles per verksamhet."""

from __future__ import annotations

from typing import Any, ClassVar

from django.contrib.auth.base_user import BaseUserManager
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.constraints import CheckOnField, UniqueOnField

from .history import ChangeHistory
from .tenancy import Organisation, Verksamhet


class Role(models.TextChoices):
    OMBUD = "ombud", _("Personal representative (ombud)")
    LEAD = "lead", _("Coordinator (samordnare)")
    MEMBER = "member", _("Steering group member")
    GRANT_OFFICER = "grant_officer", _("Grant officer")
    ADMIN = "admin", _("Administrator")


class EmailUserManager(BaseUserManager["User"]):
    """Users are known by their e-mail address; there is no username."""

    use_in_migrations = True

    def _create_user(self, email: str | None, password: str | None, **extra_fields: Any) -> User:
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(
        self, email: str | None = None, password: str | None = None, **extra_fields: Any
    ) -> User:
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(
        self, email: str | None = None, password: str | None = None, **extra_fields: Any
    ) -> User:
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    username = None  # type: ignore[assignment]
    email = models.EmailField(_("e-mail address"), unique=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    objects: ClassVar[EmailUserManager] = EmailUserManager()  # type: ignore[assignment]
    # A login saves last_login only: no history row (a password change does write one).
    history = ChangeHistory(excluded_fields=["password", "last_login"], quiet_fields=["last_login"])

    class Meta:
        ordering = ["first_name", "last_name", "email"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.name_of(self.first_name, self.last_name, self.email)

    @staticmethod
    def name_of(first_name: str | None, last_name: str | None, email: str | None) -> str:
        """How a user is named (``str(user)``) from the columns alone, for value rows: the
        full name, else the e-mail address."""
        return f"{first_name or ''} {last_name or ''}".strip() or (email or "")


class RoleAssignment(models.Model):
    """A role held by a user in one verksamhet. Members are bound to one organisation."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="roles")
    verksamhet = models.ForeignKey(
        Verksamhet, on_delete=models.CASCADE, related_name="role_assignments"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="role_assignments",
        verbose_name=_("organisation"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            UniqueOnField(
                fields=["user", "verksamhet", "role"],
                name="role_unique_per_verksamhet",
                field="role",
                violation_error_message=_("The person already has this role in the PO service."),
            ),
            CheckOnField(
                condition=~models.Q(role="member") | models.Q(organisation__isnull=False),
                name="member_has_organisation",
                field="organisation",
                violation_error_message=_(
                    "A steering group member represents an organisation: choose it."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} ({self.verksamhet})"
