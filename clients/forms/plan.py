"""Forms for needs, the action plan, goals, steps and tasks."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedFormMixin
from core.forms import ConfirmMixin
from core.models import Verksamhet
from core.textlimits import TextLimitsMixin

from ..models import (
    ActionPlan,
    Client,
    Goal,
    Need,
    Step,
    Task,
)
from ..selectors.consent import NO_CONSENT
from ._common import (
    DateInput,
    LabelledChoiceField,
    choose_from,
    organisations,
    show_consent,
)


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
