"""Thin forms: widgets, labels and field checks. Business rules live in services."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedFormMixin
from core.forms import ConfirmMixin
from core.models import Kommun, Organisation, User, Verksamhet
from core.textlimits import TextLimitsMixin

from . import personnummer
from .models import (
    ActionPlan,
    Boende,
    Client,
    ClientGroup,
    Consent,
    Contact,
    ContactKind,
    ContactType,
    EndReason,
    Forsorjning,
    Fullmakt,
    Goal,
    Need,
    Step,
    Sysselsattning,
    Task,
    Uppdrag,
)
from .selectors.consent import NO_CONSENT, ConsentToday, consent_today


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def date_field(
    label: Any, *, required: bool = True, initial_today: bool = False
) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        widget=DateInput(),
        initial=timezone.localdate if initial_today else None,
    )


def blank_choice(choices: Any) -> list[tuple[str, Any]]:
    return [("", "---------"), *choices]


def organisations(verksamhet: Verksamhet) -> QuerySet[Organisation]:
    return Organisation.objects.filter(verksamhet=verksamhet, active=True).order_by("name")


class LabelledChoiceField(forms.ModelChoiceField):
    """A model choice whose labels a form may set (``labels``), as Django names choices: by
    overriding ``label_from_instance``."""

    labels: Callable[[Any], str] | None = None

    def label_from_instance(self, obj: Any) -> str:
        return self.labels(obj) if self.labels is not None else super().label_from_instance(obj)


class LabelledMultipleChoiceField(LabelledChoiceField, forms.ModelMultipleChoiceField):
    pass


def choose_from(form: forms.BaseForm, name: str, queryset: QuerySet[Any]) -> None:
    """Offer ``queryset`` in the model choice field ``name`` (the verksamhet's own rows)."""
    field = form.fields[name]
    if not isinstance(field, forms.ModelChoiceField):
        raise TypeError(f"{name} is not a model choice field")
    field.queryset = queryset


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


def show_consent(
    form: forms.BaseForm, name: str, *, client: Client, day: datetime.date
) -> dict[int, ConsentToday]:
    """Name each organisation in the field ``name`` with whether the client consents to
    contact with it on ``day`` ("Försäkringskassan — samtycke t.o.m. 1 mars 2027",
    "Arbetsförmedlingen — INGET SAMTYCKE"): in words, so that no one needs the colour.
    One query; returns the states for the form's own checks."""
    states = consent_today(client=client, day=day)
    field = form.fields[name]
    if not isinstance(field, LabelledChoiceField):
        raise TypeError(f"{name} is not a labelled model choice field")

    def label(org: Organisation) -> str:
        return f"{org.name} — {states.get(org.pk, NO_CONSENT).text()}"

    field.labels = label
    return states


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


class NeedForm(TextLimitsMixin, VersionedFormMixin, forms.ModelForm):
    priority = forms.TypedChoiceField(
        label=_("The client's priority"),
        coerce=int,
        choices=[(i, str(i)) for i in range(1, 6)],
        initial=3,
        help_text=_("1 = most important"),
    )

    class Meta:
        model = Need
        fields = ["life_area", "description", "priority", "status"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class PlanForm(TextLimitsMixin, VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = ActionPlan
        fields = ["follow_up", "sip_status", "sip_date", "sip_with", "agreement_text"]
        widgets = {
            "follow_up": DateInput(),
            "sip_date": DateInput(),
            "agreement_text": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {"sip_with": _("Which organisations take part in the SIP.")}


class GoalForm(TextLimitsMixin, VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Goal
        fields = ["description", "needs", "achieved"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 2}),
            "needs": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args: Any, client: Client, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choose_from(self, "needs", client.needs.order_by("priority", "pk"))


class StepForm(TextLimitsMixin, VersionedFormMixin, ConfirmMixin, forms.ModelForm):
    class Meta:
        model = Step
        fields = ["description", "organisation", "responsible_text", "due", "status", "outcome"]
        field_classes = {"organisation": LabelledChoiceField}
        widgets = {
            "description": forms.Textarea(attrs={"rows": 2}),
            "due": DateInput(),
            "outcome": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "organisation": _(
                "The ombud sees that the organisation acts; the ombud never decides on insatser. "
                "Today's consent is shown after each name."
            ),
            "responsible_text": _("For example “the client” or “the ombud”."),
        }

    def __init__(self, *args: Any, verksamhet: Verksamhet, client: Client, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choose_from(self, "organisation", organisations(verksamhet))
        self.consent = show_consent(self, "organisation", client=client, day=timezone.localdate())

    def clean(self) -> dict[str, Any]:
        data = super().clean() or self.cleaned_data
        org = data.get("organisation")
        # Asked when the organisation is chosen, not again on every later edit of the step.
        if org is not None and org.pk != self.instance.organisation_id:
            state = self.consent.get(org.pk, NO_CONSENT)
            if not state.consents:
                self.confirmed(
                    _(
                        "The client has no valid consent to contact with %(org)s today "
                        "(%(state)s). Choose it for the step anyway: no contact about the "
                        "client before the consent is recorded."
                    )
                    % {"org": org.name, "state": state.text()}
                )
        return data


class TaskForm(TextLimitsMixin, forms.ModelForm):
    class Meta:
        model = Task
        fields = ["title", "due", "client"]
        widgets = {"due": DateInput()}

    def __init__(self, *args: Any, clients: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choose_from(self, "client", clients)
        self.fields["client"].required = False
        self.fields["client"].label = _("Client")
        self.fields["client"].help_text = _("Your own current clients.")
