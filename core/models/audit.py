"""Append-only access log: who read which personal data, when, and why if asked.

The app's database role may only INSERT and SELECT here (``grant_app_role``), and a trigger
(migrations 0002, 0007) refuses UPDATE and DELETE besides. The only way round it is gallring,
which runs as the owner role and sets the transaction-local setting ``ombud.gallring``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AccessLog(models.Model):
    class Action(models.TextChoices):
        VIEW = "view", _("Viewed")
        PDF = "pdf", _("Printed / PDF")
        EXPORT = "export", _("Exported")
        SEARCH = "search", _("Searched")

    at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    verksamhet_id = models.BigIntegerField(db_index=True)
    action = models.CharField(
        _("action"), max_length=10, choices=Action.choices, default=Action.VIEW
    )
    object_type = models.CharField(_("object type"), max_length=50)
    object_id = models.BigIntegerField(_("object id"))
    what = models.CharField(_("what"), max_length=200, blank=True)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    path = models.CharField(max_length=300, blank=True)
    # A search: how many records it found (``what`` holds what was searched for).
    hits = models.PositiveIntegerField(_("hits"), null=True, blank=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log")
        indexes = [models.Index(fields=["object_type", "object_id", "at"], name="accesslog_object")]
        default_permissions = ("view",)

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.user_id} {self.action} {self.object_type}:{self.object_id}"
