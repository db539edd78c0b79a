"""Forms for an uppdrag: advance, end, edit, reopen and hand over."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedFormMixin
from core.forms import ConfirmMixin
from core.models import User
from core.textlimits import TextLimitsMixin

from ..models import (
    Boende,
    EndReason,
    Forsorjning,
    Sysselsattning,
    Uppdrag,
)
from ._common import (
    DateInput,
    blank_choice,
    choose_from,
    date_field,
)


class AdvanceForm(TextLimitsMixin, VersionedFormMixin, forms.Form):
    on = date_field(_("Date"), initial_today=True)
    ombud = forms.ModelChoiceField(
        label=_("Responsible ombud"), queryset=User.objects.none(), required=False
    )

    def __init__(self, *args: Any, ombud_choices: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if ombud_choices is None:
            del self.fields["ombud"]
        else:
            choose_from(self, "ombud", ombud_choices)


class EndForm(TextLimitsMixin, VersionedFormMixin, forms.Form):
    on = date_field(_("The uppdrag ended on"), initial_today=True)
    end_reason = forms.ChoiceField(
        label=_("Reason for ending"), choices=blank_choice(EndReason.choices)
    )
    end_reason_other = forms.CharField(
        label=_("Other reason"),
        required=False,
        max_length=200,
        help_text=_("Only when the reason is “Other”."),
    )
    boende_end = forms.ChoiceField(
        label=_("Housing at end"), choices=blank_choice(Boende.choices), required=False
    )
    sysselsattning_end = forms.ChoiceField(
        label=_("Occupation at end"), choices=blank_choice(Sysselsattning.choices), required=False
    )
    forsorjning_end = forms.ChoiceField(
        label=_("Income at end"), choices=blank_choice(Forsorjning.choices), required=False
    )


class UppdragForm(TextLimitsMixin, VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Uppdrag
        fields = [
            "referred_by",
            "waiting_since",
            "contact_started",
            "started",
            "boende_start",
            "sysselsattning_start",
            "forsorjning_start",
            "boende_end",
            "sysselsattning_end",
            "forsorjning_end",
        ]
        widgets = {
            "waiting_since": DateInput(),
            "contact_started": DateInput(),
            "started": DateInput(),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.status != "ended":
            for name in ("boende_end", "sysselsattning_end", "forsorjning_end"):
                del self.fields[name]


class ReopenForm(TextLimitsMixin, forms.Form):
    on = date_field(_("New period starts on"), initial_today=True)
    referred_by = forms.CharField(
        label=_("How the client came back"), required=False, max_length=200
    )
    ombud = forms.ModelChoiceField(
        label=_("Responsible ombud"),
        queryset=User.objects.none(),
        required=False,
        help_text=_("Leave empty to put the client on the waiting list."),
    )

    def __init__(self, *args: Any, ombud_choices: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choose_from(self, "ombud", ombud_choices)


class HandoverForm(TextLimitsMixin, ConfirmMixin, forms.Form):
    to_ombud = forms.ModelChoiceField(
        label=_("New responsible ombud"), queryset=User.objects.none()
    )
    on = date_field(_("From"), initial_today=True)
    reason = forms.CharField(label=_("Reason for handover"), max_length=300)

    def __init__(self, *args: Any, ombud_choices: Any, former: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choose_from(self, "to_ombud", ombud_choices)
        self.former = former
        self.fields["on"].help_text = _(
            "The former ombud has no access to the client from this date."
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or self.cleaned_data
        to_ombud, on = data.get("to_ombud"), data.get("on")
        if to_ombud is not None and on is not None and not self.errors:
            self.confirmed(
                _(
                    "I confirm the handover: from %(day)s %(new)s is responsible, and "
                    "%(former)s loses access to the client from that date."
                )
                % {
                    "day": date_format(on, "j F Y"),
                    "new": str(to_ombud),
                    "former": self.former or _("the former ombud"),
                }
            )
        return data
