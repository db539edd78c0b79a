"""Thin forms: widgets and field types. The rules live in services."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedFormMixin
from core.forms import ConfirmMixin
from core.models import Organisation, Verksamhet
from core.textlimits import TextLimitsMixin

from .models import Answer, Outcome, Status, Systembrist
from .services import ForwardTo
from .services.review import MERGE_TARGETS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _rows(n: int) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": n})


class ReportForm(TextLimitsMixin, VersionedFormMixin, ConfirmMixin, forms.ModelForm):
    class Meta:
        model = Systembrist
        fields = [
            "title",
            "description",
            "level",
            "organisations",
            "life_area",
            "clients_affected",
            "first_observed",
            "examples",
            "suggested_improvement",
        ]
        widgets = {
            "description": _rows(5),
            "examples": _rows(4),
            "suggested_improvement": _rows(3),
            "first_observed": DATE,
            "organisations": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "description": _(
                "A recurring failure in the support system, not a single event. "
                "Never write names, personal identity numbers, phone numbers or e-mail addresses."
            ),
            "examples": _("Describe situations without anything that could identify a client."),
            "clients_affected": _("A number only; never a link to client records."),
        }

    def __init__(self, *args: Any, verksamhet: Verksamhet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organisations = cast(forms.ModelMultipleChoiceField, self.fields["organisations"])
        organisations.queryset = Organisation.objects.filter(
            verksamhet=verksamhet, active=True
        ).order_by("name")
        self.fields["clients_affected"].widget.attrs["min"] = 1


class SupportForm(TextLimitsMixin, forms.Form):
    clients_affected = forms.IntegerField(
        label=_("Number of your clients affected"), min_value=1, initial=1
    )
    note = forms.CharField(label=_("Note (optional)"), required=False, widget=_rows(2))


class CommentForm(TextLimitsMixin, forms.Form):
    comment = forms.CharField(label=_("Comment"), required=False, widget=_rows(2))


class ReturnForm(TextLimitsMixin, forms.Form):
    comment = forms.CharField(label=_("What should the reporter change?"), widget=_rows(3))


class MergeForm(TextLimitsMixin, forms.Form):
    into = forms.ModelChoiceField(label=_("Merge into"), queryset=Systembrist.objects.none())
    comment = forms.CharField(label=_("Comment"), required=False, widget=_rows(2))

    def __init__(self, *args: Any, report: Systembrist, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        into = cast(forms.ModelChoiceField, self.fields["into"])
        into.queryset = (
            Systembrist.objects.filter(verksamhet_id=report.verksamhet_id, status__in=MERGE_TARGETS)
            .exclude(pk=report.pk)
            .order_by("title")
        )


class AgendaForm(TextLimitsMixin, forms.Form):
    meeting = forms.ChoiceField(label=_("Meeting"))

    def __init__(self, *args: Any, meetings: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.meetings = {str(m.pk): m for m in meetings}
        meeting = cast(forms.ChoiceField, self.fields["meeting"])
        meeting.choices = [
            (str(m.pk), f"{m.date:%Y-%m-%d} {m.start_time:%H:%M} {m.place}".strip())
            for m in meetings
        ]


class SendForAnswerForm(TextLimitsMixin, forms.Form):
    answer_due = forms.DateField(label=_("Answer due"), widget=DATE)
    comment = forms.CharField(
        label=_("Question to the organisations"), required=False, widget=_rows(2)
    )


class AnswerForm(TextLimitsMixin, VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Answer
        fields = ["text", "planned_action", "planned_by"]
        widgets = {"text": _rows(4), "planned_action": _rows(3), "planned_by": DATE}


class CloseForm(TextLimitsMixin, forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=Outcome.choices, widget=forms.RadioSelect
    )
    conclusion = forms.CharField(label=_("The steering group's conclusion"), widget=_rows(4))


class ForwardForm(TextLimitsMixin, forms.Form):
    to = forms.ChoiceField(
        label=_("Forward to"), choices=ForwardTo.choices, widget=forms.RadioSelect
    )
    forwarded_on = forms.DateField(label=_("Sent on"), widget=DATE)
    comment = forms.CharField(label=_("Comment"), required=False, widget=_rows(2))


STATUS_CHOICES = [(s.value, s.label) for s in Status]
