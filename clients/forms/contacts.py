"""Forms for the contact log."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import ConfirmMixin
from core.models import Verksamhet
from core.textlimits import TextLimitsMixin

from ..models import (
    Client,
    Contact,
    ContactKind,
    ContactType,
)
from ._common import (
    DateInput,
    LabelledMultipleChoiceField,
    choose_from,
    organisations,
    show_consent,
)


class ContactLogForm(TextLimitsMixin, ConfirmMixin, forms.ModelForm):
    class Meta:
        model = Contact
        fields = ["kind", "date", "type", "duration_minutes", "organisations", "note"]
        field_classes = {"organisations": LabelledMultipleChoiceField}
        widgets = {
            "kind": forms.RadioSelect,
            "date": DateInput(),
            "organisations": forms.CheckboxSelectMultiple,
            "note": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "note": _("Keep it short. Write only what is needed."),
            "organisations": _(
                "A contact about the client needs the client's valid consent on the day of "
                "the contact. Today's consent is shown after each name."
            ),
        }

    def __init__(self, *args: Any, verksamhet: Verksamhet, client: Client, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choose_from(self, "organisations", organisations(verksamhet))
        show_consent(self, "organisations", client=client, day=timezone.localdate())
        self.fields["date"].initial = timezone.localdate
        self.fields["kind"].required = False

    def clean_kind(self) -> str:
        return self.cleaned_data.get("kind") or ContactKind.ABOUT_CLIENT

    def clean(self) -> dict[str, Any]:
        data = super().clean() or self.cleaned_data
        if data.get("kind") == ContactKind.AVIDENTIFIERAD:
            self.confirmed(
                _(
                    "I confirm: the client was not named, and nothing I said or wrote could "
                    "identify them. This contact needs no consent."
                )
            )
        return data


class QuickContactForm(TextLimitsMixin, forms.ModelForm):
    """The phone's short form: type, date (today), minutes and organisations, saved in one
    tap; a note, or an anonymised contact, goes through the full contact form."""

    class Meta:
        model = Contact
        fields = ["type", "date", "duration_minutes", "organisations"]
        field_classes = {"organisations": LabelledMultipleChoiceField}
        widgets = {
            "type": forms.RadioSelect,
            "date": DateInput(),
            "duration_minutes": forms.NumberInput(attrs={"inputmode": "numeric", "min": 0}),
            "organisations": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "organisations": _(
                "A contact about the client needs the client's valid consent on the day of "
                "the contact. Today's consent is shown after each name."
            ),
        }

    def __init__(self, *args: Any, verksamhet: Verksamhet, client: Client, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choose_from(self, "organisations", organisations(verksamhet))
        show_consent(self, "organisations", client=client, day=timezone.localdate())
        self.fields["date"].initial = timezone.localdate
        type_field = self.fields["type"]
        if isinstance(type_field, forms.ChoiceField):  # a radio list has no empty choice
            type_field.choices = ContactType.choices


class StrikeForm(TextLimitsMixin, forms.Form):
    reason = forms.CharField(label=_("Why is the entry wrong?"), max_length=300)
