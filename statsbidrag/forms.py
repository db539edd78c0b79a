"""Thin forms: widgets and field validation; rules live in services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from core.access import CAPABILITIES
from core.concurrency import MISSING_VERSION, VersionedFormMixin
from core.models import User, Verksamhet
from core.textlimits import TextLimitsMixin

from .models import CoFinancing, Decision, EmploymentPeriod, GrantYear, Payment, Repayment

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _limit(form: forms.BaseForm, name: str, queryset: QuerySet[Any]) -> None:
    """Offer only ``queryset`` in the choice field ``name`` (the verksamhet's own)."""
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)
    field.queryset = queryset


class EmploymentPeriodForm(TextLimitsMixin, VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = EmploymentPeriod
        fields = ["ombud", "name", "start", "end", "percent", "employer_kommun", "employer_name"]
        widgets = {"start": DATE, "end": DATE}

    def __init__(self, *args: Any, verksamhet: Verksamhet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        counted = CAPABILITIES["grant.employment.counted"]
        _limit(
            self,
            "ombud",
            User.objects.filter(roles__verksamhet=verksamhet, roles__role__in=counted).distinct(),
        )
        self.fields["ombud"].required = False
        _limit(self, "employer_kommun", verksamhet.kommuner.all())


class GrantYearForm(TextLimitsMixin, VersionedFormMixin, forms.ModelForm):
    year = forms.IntegerField(label=_("Year"), min_value=2013, max_value=2100)

    class Meta:
        model = GrantYear
        fields = [
            "amount_per_arsanstallning",
            "applicant_kommun",
            "participating_kommuner",
            "planned_arsanstallningar",
            "contact_person",
            "contact_email",
            "costs",
        ]
        widgets = {"participating_kommuner": forms.CheckboxSelectMultiple}

    def __init__(self, *args: Any, verksamhet: Verksamhet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kommuner = verksamhet.kommuner.all()
        _limit(self, "applicant_kommun", kommuner)
        _limit(self, "participating_kommuner", kommuner)
        if self.instance.pk:
            del self.fields["year"]


class CoFinancingForm(TextLimitsMixin, forms.ModelForm):
    class Meta:
        model = CoFinancing
        fields = ["kommun", "planned", "actual"]

    def __init__(self, *args: Any, verksamhet: Verksamhet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _limit(self, "kommun", verksamhet.kommuner.all())


class DecisionForm(TextLimitsMixin, forms.ModelForm):
    class Meta:
        model = Decision
        fields = ["decided_on", "reference", "granted_amount", "arsanstallningar", "note"]
        widgets = {"decided_on": DATE, "note": forms.Textarea(attrs={"rows": 3})}


class PaymentForm(TextLimitsMixin, forms.ModelForm):
    class Meta:
        model = Payment
        fields = ["paid_on", "amount", "note"]
        widgets = {"paid_on": DATE}


class RepaymentForm(TextLimitsMixin, forms.ModelForm):
    class Meta:
        model = Repayment
        fields = ["demanded_on", "amount", "reason", "repaid_on"]
        widgets = {
            "demanded_on": DATE,
            "repaid_on": DATE,
            "reason": forms.Textarea(attrs={"rows": 3}),
        }


class AnswersForm(TextLimitsMixin, VersionedFormMixin, forms.Form):
    """One text area per free-text question of the document's question list."""

    def __init__(
        self, *args: Any, questions: list[dict[str, str]], instance: Any, **kwargs: Any
    ) -> None:
        self.instance = instance
        super().__init__(*args, **kwargs)
        for q in questions:
            if q["kind"] == "text":
                self.fields[q["key"]] = forms.CharField(
                    label=q["label"],
                    required=False,
                    widget=forms.Textarea(attrs={"rows": 5}),
                    initial=(instance.answers or {}).get(q["key"], ""),
                )

    def answers(self) -> dict[str, str]:
        return {k: v for k, v in self.cleaned_data.items() if k != "version"}


class SubmitForm(TextLimitsMixin, forms.Form):
    """The submit button's form: the version of the document the user read, so that a
    document changed since is not frozen unread. ``NO_DOCUMENT``: the page showed a draft
    that nobody had saved yet."""

    NO_DOCUMENT = 0

    version = forms.IntegerField(
        min_value=0,
        widget=forms.HiddenInput,
        error_messages={"required": MISSING_VERSION},
    )

    @classmethod
    def for_document(cls, document: Any) -> SubmitForm:
        version = document.version if document is not None else cls.NO_DOCUMENT
        return cls(initial={"version": version})


class QuestionChangeForm(TextLimitsMixin, forms.Form):
    """One change to a year's question list (the page's small forms all post this)."""

    # Hidden and checked by the service, whose message the page shows above the list.
    action = forms.CharField(max_length=10, required=False, widget=forms.HiddenInput)
    revision = forms.CharField(max_length=64, required=False, widget=forms.HiddenInput)
    key = forms.CharField(max_length=50, required=False, widget=forms.HiddenInput)
    label = forms.CharField(label=_("Question"), max_length=300, required=False)
    kind = forms.ChoiceField(label=_("Answered with"), required=False)

    def __init__(self, *args: Any, kinds: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kind = self.fields["kind"]
        assert isinstance(kind, forms.ChoiceField)
        kind.choices = kinds
