"""Vocabulary shared by several apps."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class LifeArea(models.TextChoices):
    BOENDE = "boende", _("Housing")
    EKONOMI = "ekonomi", _("Finances")
    SYSSELSATTNING = "sysselsattning", _("Occupation and work")
    STUDIER = "studier", _("Studies")
    VARD_PSYKIATRI = "vard_psykiatri", _("Psychiatric care")
    VARD_SOMATIK = "vard_somatik", _("Physical health care")
    MISSBRUK = "missbruk", _("Substance use and addiction")
    SOCIALT_NATVERK = "socialt_natverk", _("Social network")
    VARDAGSLIV = "vardagsliv", _("Everyday life")
    JURIDIK = "juridik", _("Legal matters")
    ANNAT = "annat", pgettext_lazy("life area", "Other")
