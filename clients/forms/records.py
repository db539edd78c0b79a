"""Forms for the client's record."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedFormMixin
from core.models import Kommun, Verksamhet
from core.textlimits import TextLimitsMixin

from .. import personnummer
from ..models import (
    Client,
    ClientGroup,
)
from ._common import (
    choose_from,
    date_field,
)


class ClientForm(TextLimitsMixin, VersionedFormMixin, forms.ModelForm):
    personnummer = forms.CharField(
        label=_("Personal identity number"),
        required=False,
        max_length=20,
        help_text=_("Optional. 12 digits, e.g. 19850312-1234. Samordningsnummer are accepted."),
    )
    other_groups = forms.TypedMultipleChoiceField(
        label=_("Other client groups"),
        choices=ClientGroup.choices,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Client
        fields = [
            "alias",
            "first_name",
            "last_name",
            "personnummer",
            "birth_year",
            "gender",
            "kommun",
            "phone",
            "email",
            "address",
            "preferred_contact",
            "contact_notes",
            "primary_group",
            "other_groups",
            "missbruk",
            "hemloshet",
            "enskild_verksamhet",
            "risk_severe",
        ]
        help_texts = {
            "alias": _("Required. A name the client chooses; it need not be their real name."),
            "first_name": _("Optional. Leave empty if the client wants to stay anonymous."),
        }
        widgets = {
            "address": forms.Textarea(attrs={"rows": 2}),
            "contact_notes": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, verksamhet: Verksamhet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A kommun no longer served stays on the clients registered in it.
        kept = Kommun.objects.filter(pk=self.instance.kommun_id) if self.instance.pk else None
        served = verksamhet.kommuner.all()
        choose_from(
            self,
            "kommun",
            (served | kept if kept is not None else served).distinct().order_by("name"),
        )

    def clean_personnummer(self) -> str:
        try:
            return personnummer.normalise(self.cleaned_data.get("personnummer", ""))
        except ValidationError as exc:
            raise ValidationError(exc.messages) from None


class ClientCreateForm(ClientForm):
    waiting_since = date_field(_("On the waiting list since"), initial_today=True)
    referred_by = forms.CharField(
        label=_("How the client came to us"), required=False, max_length=200
    )
    take = forms.BooleanField(
        label=_("I take this client myself (contact-building starts today)"), required=False
    )

    class Meta(ClientForm.Meta):
        pass

    def __init__(self, *args: Any, can_take: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not can_take:
            del self.fields["take"]
