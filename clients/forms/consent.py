"""Forms for consents and fullmakter."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedFormMixin
from core.models import Verksamhet
from core.textlimits import TextLimitsMixin

from ..models import (
    Consent,
    Fullmakt,
)
from ._common import (
    DateInput,
    choose_from,
    date_field,
    organisations,
)


class ConsentEditForm(TextLimitsMixin, VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Consent
        fields = ["organisation", "person", "scope", "form", "witness", "valid_from", "valid_until"]
        widgets = {
            "scope": forms.Textarea(attrs={"rows": 3}),
            "form": forms.RadioSelect,
            "valid_from": DateInput(),
            "valid_until": DateInput(),
        }
        help_texts = {"valid_until": _("Leave empty if the consent has no end date.")}

    def __init__(self, *args: Any, verksamhet: Verksamhet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choose_from(self, "organisation", organisations(verksamhet))
        if not self.instance.pk:
            self.fields["valid_from"].initial = timezone.localdate


class WithdrawForm(TextLimitsMixin, VersionedFormMixin, forms.Form):
    on = date_field(_("Withdrawn on"), initial_today=True)
    reason = forms.CharField(label=_("Reason (optional)"), required=False, max_length=300)


class FullmaktEditForm(TextLimitsMixin, VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Fullmakt
        fields = ["organisation", "covers", "valid_from", "valid_until"]
        widgets = {
            "covers": forms.Textarea(attrs={"rows": 3}),
            "valid_from": DateInput(),
            "valid_until": DateInput(),
        }
        help_texts = {
            "covers": _("Be specific: which matter, which decisions, which documents."),
            "valid_until": _("Required. At most one year after the start."),
        }

    def __init__(self, *args: Any, verksamhet: Verksamhet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choose_from(self, "organisation", organisations(verksamhet))
        if not self.instance.pk:
            self.fields["valid_from"].initial = timezone.localdate
