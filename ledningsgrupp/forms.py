"""Thin forms: fields and widgets. The rules live in services."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedFormMixin
from core.models import Organisation, Role, User, Verksamhet
from core.textlimits import TextLimitsMixin
from systembrister.models import Systembrist

from .models import (
    ActionItem,
    AttendanceStatus,
    Ledningsgrupp,
    Meeting,
    MemberOrganisation,
    Paragraph,
    Protokoll,
    Representative,
    SeatOffer,
)
from .selectors import OFFER_TYPES, OPEN_FOR_MEMBERS


def choices_of(form: forms.BaseForm, name: str) -> forms.ModelChoiceField:
    """The form's model choice field ``name``, to narrow its queryset (``form.fields`` is typed
    as plain fields)."""
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)
    return field


class RepresentativeChoiceField(forms.ModelChoiceField):
    @staticmethod
    def name_of(obj: Any) -> str:
        return f"{obj.display_name} ({obj.member_organisation.organisation.name})"

    def label_from_instance(self, obj: Any) -> str:
        return self.name_of(obj)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%H:%M", **kwargs)


class LedningsgruppForm(TextLimitsMixin, VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Ledningsgrupp
        fields = ["name", "convened_by", "quorum"]

    def __init__(self, *args: Any, verksamhet: Verksamhet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices_of(self, "convened_by").queryset = verksamhet.kommuner.all()


class MemberOrganisationForm(TextLimitsMixin, forms.ModelForm):
    class Meta:
        model = MemberOrganisation
        fields = ["organisation", "start", "end"]
        widgets = {"start": DateInput(), "end": DateInput()}

    def __init__(self, *args: Any, verksamhet: Verksamhet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices_of(self, "organisation").queryset = Organisation.objects.filter(
            verksamhet=verksamhet, active=True
        )


class RepresentativeForm(TextLimitsMixin, forms.ModelForm):
    class Meta:
        model = Representative
        fields = ["user", "name", "title", "role", "start", "end"]
        widgets = {"start": DateInput(), "end": DateInput()}
        labels = {"user": _("User with a login")}

    def __init__(self, *args: Any, verksamhet: Verksamhet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices_of(self, "user").queryset = User.objects.filter(
            roles__verksamhet=verksamhet, roles__role=Role.MEMBER
        ).distinct()


class SeatOfferForm(TextLimitsMixin, forms.ModelForm):
    class Meta:
        model = SeatOffer
        fields = ["organisation", "offered_on", "answer", "answered_on", "note"]
        widgets = {
            "offered_on": DateInput(),
            "answered_on": DateInput(),
            "note": forms.Textarea(attrs={"rows": 2}),
        }
        labels = {"organisation": _("Organisation")}

    def __init__(self, *args: Any, verksamhet: Verksamhet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices_of(self, "organisation").queryset = Organisation.objects.filter(
            verksamhet=verksamhet, type__in=OFFER_TYPES
        )


class MeetingForm(TextLimitsMixin, VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["date", "start_time", "end_time", "place", "link", "status"]
        widgets = {"date": DateInput(), "start_time": TimeInput(), "end_time": TimeInput()}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            del self.fields["status"]
            self.initial.setdefault("start_time", datetime.time(13, 0))
            self.initial.setdefault("end_time", datetime.time(15, 0))


class AgendaItemForm(TextLimitsMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class AttendanceForm(TextLimitsMixin, forms.Form):
    """One status and substitute field per representative; then the others present."""

    staff = forms.ModelMultipleChoiceField(
        label=_("Staff present (samordnare, ombud)"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    guests = forms.CharField(
        label=_("Invited guests present"),
        help_text=_("One per line: name, then a comma and their role or organisation."),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(
        self,
        *args: Any,
        representatives: list[Representative],
        current: dict[int, Any],
        staff: Any,
        others: list[Any],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.representatives = representatives
        choices = [("", _("Not recorded")), *AttendanceStatus.choices]
        for rep in representatives:
            row = current.get(rep.pk)
            label = f"{rep.display_name} ({rep.member_organisation.organisation.name})"
            self.fields[f"status_{rep.pk}"] = forms.ChoiceField(
                label=label, choices=choices, required=False, initial=row.status if row else ""
            )
            self.fields[f"substitute_{rep.pk}"] = forms.CharField(
                label=_("Substitute for %(name)s") % {"name": rep.display_name},
                required=False,
                max_length=200,
                initial=row.substitute_name if row else "",
            )
        staff_field = self.fields["staff"]
        assert isinstance(staff_field, forms.ModelMultipleChoiceField)
        staff_field.queryset = staff
        staff_field.initial = [o.user_id for o in others if o.user_id]
        self.fields["guests"].initial = "\n".join(
            f"{o.name}, {o.capacity}" if o.capacity else o.name for o in others if not o.user_id
        )
        # The others come after the representatives on the page.
        self.order_fields([k for k in self.fields if k not in ("staff", "guests")])

    def clean_guests(self) -> list[tuple[str, str]]:
        guests = []
        for line in self.cleaned_data["guests"].splitlines():
            name, _sep, capacity = line.partition(",")
            if len(name.strip()) > 200 or len(capacity.strip()) > 200:
                raise forms.ValidationError(_("Write at most 200 characters per name and role."))
            if name.strip():
                guests.append((name.strip(), capacity.strip()))
        return guests

    def rows(self) -> list[tuple[Representative, str, str]]:
        return [
            (
                rep,
                self.cleaned_data.get(f"status_{rep.pk}", ""),
                self.cleaned_data.get(f"substitute_{rep.pk}", ""),
            )
            for rep in self.representatives
        ]

    def pairs(self) -> list[tuple[Any, Any]]:
        return [(self[f"status_{r.pk}"], self[f"substitute_{r.pk}"]) for r in self.representatives]


class ProtokollSetupForm(TextLimitsMixin, VersionedFormMixin, forms.ModelForm):
    """Chair and justerare among the representatives present with a login; the secretary a
    representative present or the samordnare."""

    minutes_by = forms.ChoiceField(label=_("Secretary"), required=False)

    class Meta:
        model = Protokoll
        fields = ["chair", "justerare"]
        field_classes = dict.fromkeys(fields, RepresentativeChoiceField)

    def __init__(
        self,
        *args: Any,
        signatories: list[Representative],
        present: list[Representative],
        samordnare: list[Any],
        defaults: dict[str, Any],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        ids = [r.pk for r in signatories]
        for name in ("chair", "justerare"):
            field = choices_of(self, name)
            field.queryset = Representative.objects.filter(pk__in=ids).select_related(
                "user", "member_organisation__organisation"
            )
            default = defaults.get(name)
            if getattr(self.instance, f"{name}_id") is None and default is not None:
                self.initial[name] = default.pk
        self.present = {r.pk: r for r in present}
        self.samordnare = {u.pk: u for u in samordnare}
        minutes_by = self.fields["minutes_by"]
        assert isinstance(minutes_by, forms.ChoiceField)
        minutes_by.choices = [
            ("", "---------"),
            (
                _("Representatives present"),
                [(f"r{r.pk}", RepresentativeChoiceField.name_of(r)) for r in present],
            ),
            (_("Samordnare"), [(f"u{u.pk}", str(u)) for u in samordnare]),
        ]
        current = self.instance
        if current.secretary_user_id:
            self.fields["minutes_by"].initial = f"u{current.secretary_user_id}"
        elif current.secretary_id:
            self.fields["minutes_by"].initial = f"r{current.secretary_id}"
        else:
            self.fields["minutes_by"].initial = defaults.get("minutes_by", "")

    def clean_minutes_by(self) -> tuple[Representative | None, Any]:
        value = self.cleaned_data["minutes_by"]
        if not value:
            return None, None
        kind, pk = value[0], int(value[1:])
        if kind == "r" and pk in self.present:
            return self.present[pk], None
        if kind == "u" and pk in self.samordnare:
            return None, self.samordnare[pk]
        raise forms.ValidationError(_("Choose a representative present or the samordnare."))


class ParagraphForm(TextLimitsMixin, VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Paragraph
        fields = ["title", "discussion", "decision", "systembrister"]
        widgets = {
            "discussion": forms.Textarea(attrs={"rows": 4}),
            "decision": forms.Textarea(attrs={"rows": 3}),
            "systembrister": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args: Any, verksamhet: Verksamhet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        chosen = list(self.instance.systembrister.all()) if self.instance.pk else []
        field = choices_of(self, "systembrister")
        field.queryset = Systembrist.objects.filter(
            verksamhet=verksamhet, status__in=OPEN_FOR_MEMBERS
        ) | Systembrist.objects.filter(pk__in=[s.pk for s in chosen])
        field.required = False


class ActionItemForm(TextLimitsMixin, VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = ActionItem
        fields = [
            "title",
            "description",
            "owner_organisation",
            "owner_representative",
            "due",
            "status",
        ]
        widgets = {"due": DateInput(), "description": forms.Textarea(attrs={"rows": 2})}
        labels = {"title": _("Action item")}

    def __init__(self, *args: Any, group: Ledningsgrupp, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices_of(self, "owner_organisation").queryset = Organisation.objects.filter(
            verksamhet_id=group.verksamhet_id
        )
        choices_of(self, "owner_representative").queryset = Representative.objects.filter(
            member_organisation__ledningsgrupp=group
        ).select_related("user", "member_organisation__organisation")
        if not self.instance.pk:
            del self.fields["status"]
