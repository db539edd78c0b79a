"""Thin forms: fields and widgets only; the rules live in the services."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedFormMixin
from core.textlimits import TextLimitsMixin
from dataprotection.models import RequestKind


class GallringRuleForm(TextLimitsMixin, VersionedFormMixin):
    years_after_end = forms.IntegerField(
        label=_("Years after the last uppdrag ended"), min_value=1, max_value=50
    )
    access_log_years = forms.IntegerField(
        label=_("Years the access log is kept"), min_value=1, max_value=50
    )
    decision = forms.CharField(
        label=_("Decision reference"),
        required=False,
        max_length=200,
        help_text=_("For example the nämnd's decision on gallring (dokumenthanteringsplan)."),
    )


class GallringRunForm(TextLimitsMixin, forms.Form):
    confirm = forms.BooleanField(
        label=_("I have checked the list: remove these data now. This cannot be undone."),
        required=True,
    )


class AnonymisationRequestForm(TextLimitsMixin, forms.Form):
    kind = forms.ChoiceField(
        label=_("What the client asks for"), choices=RequestKind.choices, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label=_("Reason and legal assessment"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Why erasure is allowed, or why the data must be kept and only restricted. "
            "Do not write anything that identifies the client."
        ),
    )


class DecisionForm(TextLimitsMixin, VersionedFormMixin):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve and carry out")), ("reject", _("Reject"))],
        widget=forms.RadioSelect,
    )
    decision_comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class LogReviewForm(TextLimitsMixin, forms.Form):
    comment = forms.CharField(
        label=_("What you checked and what you found"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
