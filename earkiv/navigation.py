"""Navigation links and dashboard sections this app adds to the shared pages."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from core.registry import nav

nav(gettext_lazy("E-archive"), "earkiv:index", "earkiv.export", order=87)
