"""Forms of the administration: thin, the rules are in services/."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedFormMixin
from core.models import Kommun, Organisation, Role, User, Verksamhet
from core.textlimits import TextLimitsMixin

REASON_HELP = _("Shown in the history with your name.")
STALE_LIST = _(
    "The user's clients changed while you were filling in the form. Check the list again."
)


class ReasonField(forms.CharField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("Reason"))
        kwargs.setdefault("help_text", REASON_HELP)
        super().__init__(
            max_length=300,
            widget=forms.TextInput(attrs={"autocomplete": "off"}),
            error_messages={"required": _("Give the reason for the change.")},
            **kwargs,
        )


class OrganisationChoice(forms.ModelChoiceField):
    def __init__(self, verksamhet: Verksamhet, **kwargs: Any) -> None:
        super().__init__(
            queryset=Organisation.objects.filter(verksamhet=verksamhet, active=True).order_by(
                "name"
            ),
            required=False,
            label=_("Organisation (steering group members)"),
            help_text=_("The organisation a steering group member represents."),
            **kwargs,
        )


class RoleChoice(forms.ChoiceField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            choices=[("", "---------"), *Role.choices],
            label=_("Role"),
            error_messages={"required": _("Choose a role.")},
            **kwargs,
        )


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        error_messages={
            "required": _("Enter the e-mail address."),
            "invalid": _("Enter a valid e-mail address."),
        },
    )
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    role = RoleChoice()

    def __init__(self, *args: Any, verksamhet: Verksamhet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"] = OrganisationChoice(verksamhet)


class RoleAddForm(forms.Form):
    role = RoleChoice()
    reason = ReasonField()

    def __init__(self, *args: Any, verksamhet: Verksamhet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"] = OrganisationChoice(verksamhet)
        self.order_fields(["role", "organisation", "reason"])


class ReasonForm(forms.Form):
    reason = ReasonField()


class AcceptForm(forms.Form):
    """A new account: name and password (the e-mail address is the invitation's)."""

    first_name = forms.CharField(
        label=_("First name"),
        max_length=150,
        error_messages={"required": _("Enter your first name.")},
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Last name"),
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    new_password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        max_length=200,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
        error_messages={"required": _("Choose a password.")},
    )
    new_password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        max_length=200,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": _("Type the password once more.")},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        one, two = data.get("new_password1"), data.get("new_password2")
        if one and two and one != two:
            self.add_error("new_password2", _("The two passwords differ."))
        return data


class OffboardingForm(forms.Form):
    """One select per current client (another ombud, or the waiting list), the reason, and
    the list of clients the page showed (so a change in between is noticed)."""

    shown = forms.CharField(widget=forms.HiddenInput, required=False)
    reason = ReasonField(label=_("Why the account is closed"))

    def __init__(self, *args: Any, uppdrag: list[Any], ombud: list[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.current = [u.pk for u in uppdrag]
        self.initial.setdefault("shown", ",".join(str(pk) for pk in self.current))
        choices = [
            ("", "---------"),
            ("0", _("Back on the waiting list")),
            *[(str(o.pk), str(o)) for o in ombud],
        ]
        self.ombud = {str(o.pk): o for o in ombud}
        self.client_fields = []
        for u in uppdrag:
            name = f"client_{u.pk}"
            self.fields[name] = forms.ChoiceField(
                label=str(u.client),
                choices=choices,
                error_messages={"required": _("Choose another ombud or the waiting list.")},
            )
            self.client_fields.append(name)
        self.order_fields([*self.client_fields, "reason", "shown"])

    def clean_shown(self) -> list[int]:
        raw = self.cleaned_data.get("shown") or ""
        try:
            shown = [int(x) for x in raw.split(",") if x.strip()][:10_000]
        except ValueError:
            shown = []
        return shown

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if set(data.get("shown") or []) != set(self.current):
            # Shown again with today's list: the next submit is checked against that one.
            self.data = {
                **dict(self.data.items()),
                "shown": ",".join(str(pk) for pk in self.current),
            }
            self.add_error(None, STALE_LIST)
        return data

    def plan(self) -> dict[int, Any]:
        out: dict[int, Any] = {}
        for name in self.client_fields:
            value = self.cleaned_data.get(name)
            pk = int(name.removeprefix("client_"))
            out[pk] = 0 if value == "0" else self.ombud.get(value or "")
        return out


class OrganisationForm(TextLimitsMixin, VersionedFormMixin, forms.ModelForm):
    """An organisation of the register; the municipality among those the service serves."""

    class Meta:
        model = Organisation
        fields = ["name", "type", "kommun", "active"]
        help_texts = {
            "active": _(
                "An inactive organisation stays on old records but is not offered for new ones."
            ),
        }

    def __init__(self, *args: Any, verksamhet: Verksamhet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kommun = self.fields["kommun"]
        assert isinstance(kommun, forms.ModelChoiceField)
        current = self.instance.kommun_id if self.instance.pk else None
        kommun.queryset = (
            (verksamhet.kommuner.all() | Kommun.objects.filter(pk__in=[current]))
            .distinct()
            .order_by("name")
        )
        if not self.instance.pk:
            del self.fields["active"]


class VerksamhetSettingsForm(TextLimitsMixin, VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Verksamhet
        fields = [
            "name",
            "form",
            "contractor",
            "huvudman",
            "kommuner",
            "no_contact_days",
            "contact_phone",
            "contact_email",
            "postal_address",
        ]
        widgets = {
            "kommuner": forms.CheckboxSelectMultiple,
            "postal_address": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "kommuner": _(
                "Clients keep the municipality recorded on them when one is removed here; new "
                "clients are registered in the municipalities served."
            ),
            "contractor": _("Only for a service contracted out."),
            "contact_email": _(
                "Printed with the telephone and address on the registerutdrag a client receives."
            ),
            "no_contact_days": _(
                "The dashboard reminds the ombud of a client without contact for this long."
            ),
        }

    def __init__(self, *args: Any, all_kommuner: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kommuner = self.fields["kommuner"]
        assert isinstance(kommuner, forms.ModelMultipleChoiceField)
        if not all_kommuner:
            # The län of the service, and whatever it serves elsewhere: a list to read, not
            # all 290 (the page links to the whole list).
            verksamhet = self.instance
            kommuner.queryset = (
                (
                    Kommun.objects.filter(lan_kod=verksamhet.huvudman.lan_kod)
                    | verksamhet.kommuner.all()
                )
                .distinct()
                .order_by("name")
            )
