"""Forms shared by every app: the account forms (login by e-mail, second factor), and the
one flow from a form to a service and back (``submit``, ``show_errors``, ``form_page``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from core.concurrency import StaleEdit, VersionedFormMixin


class EmailAuthenticationForm(AuthenticationForm):
    # Bounded like every text a user sends (core/textlimits.py): an e-mail address is at most
    # 254 characters, and no password needs more than 200.
    username = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "username"}),
        error_messages={
            "required": _("Enter your e-mail address."),
            "invalid": _("Enter a valid e-mail address."),
        },
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        max_length=200,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={
            "required": _("Enter your password."),
            "max_length": _("Wrong e-mail address or password."),
        },
    )
    error_messages = {
        "invalid_login": _(
            "Wrong e-mail address or password. Note that the password is case-sensitive."
        ),
        "inactive": _("This account is inactive."),
    }


class OtpTokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
        error_messages={"required": _("Enter the six-digit code.")},
    )


# The one form -> service -> errors flow, and the one form page ------------------------------

T = TypeVar("T")


def show_errors(form: forms.BaseForm, exc: ValidationError) -> None:
    """Put a service's ``ValidationError`` next to the fields it names; the rest (and errors
    about fields the form does not have) above the form."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def submit(
    request: HttpRequest, form: forms.BaseForm, action: Callable[[dict[str, Any]], T]
) -> T | None:
    """On a valid POST, call ``action(form.cleaned_data)`` (a service) and return its result.

    None when there is nothing to do (a GET) or the form now carries errors: the service
    refused (``ValidationError``, shown next to its field) or somebody saved in between
    (``StaleEdit``: their changes are shown and the user's input is kept).
    """
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        return action(form.cleaned_data)
    except StaleEdit as exc:
        if isinstance(form, VersionedFormMixin):
            form.show_conflict(exc.current)
        else:
            form.add_error(None, _("Someone else saved this while you were editing."))
    except ValidationError as exc:
        show_errors(form, exc)
    return None


Crumbs = Sequence[tuple[Any, str]]


def form_page(
    request: HttpRequest,
    form: forms.BaseForm,
    *,
    title: Any,
    crumbs: Crumbs = (),
    cancel_url: str = "",
    submit_label: Any = "",
    intro: Any = "",
    note: Any = "",
    warning: Any = "",
    danger: bool = False,
    template: str = "form_page.html",
    **extra: Any,
) -> HttpResponse:
    """The one form page (templates/form_page.html); ``template`` may extend it."""
    # The tab names what the page belongs to: the nearest crumb the title does not already
    # say ("Medfinansiering 2026 – Statsbidrag", not "– 2026").
    belongs_to = next((str(c) for c, _url in reversed(crumbs) if str(c) not in str(title)), "")
    return render(
        request,
        template,
        {
            "form": form,
            "title": title,
            "crumbs": crumbs,
            "belongs_to": belongs_to,
            "cancel_url": cancel_url,
            "submit": submit_label,
            "intro": intro,
            "note": note,
            "warning": warning,
            "danger": danger,
            **extra,
        },
    )


class ConfirmMixin(forms.Form):
    """A confirmation the server asks for on the first submit, not a script's dialog.

    The form's ``clean`` calls ``self.confirmed(message)`` when the choice needs one: the
    first time it is False, and the form comes back with ``message`` as an unticked box to
    tick; once ticked, it is True (and the box stays on the page, ticked). Forms that ask
    nothing render no box. ``confirm_words`` is the same for the de-identification guard: a
    service that raises an error on ``confirm_words`` (an alias that is also an ordinary word)
    shows its box; the view passes the box's value to the service.
    """

    confirm = forms.BooleanField(required=False, widget=forms.HiddenInput)
    confirm_words = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("confirm", "confirm_words"):  # the boxes come last, above the buttons
            self.fields[name] = self.fields.pop(name)

    def _show_box(self, name: str, label: Any) -> None:
        field = self.fields[name]
        field.widget = forms.CheckboxInput()
        field.label = label
        # The bound field was read during cleaning, with the old label: drop Django's copy.
        vars(self).get("_bound_fields_cache", {}).pop(name, None)

    def confirmed(self, message: Any, error: Any = None) -> bool:
        self._show_box("confirm", message)
        if getattr(self, "cleaned_data", {}).get("confirm"):
            return True
        self.add_error("confirm", error or _("Tick the box to confirm, or change your choice."))
        return False

    def add_error(self, field: str | None, error: Any) -> None:
        if field == "confirm_words":
            self._show_box("confirm_words", _("The word is used as an ordinary word"))
        super().add_error(field, error)

    def words_confirmation(self) -> bool:
        """For the service's ``confirm_words``: whether the box was ticked (False: ask)."""
        if self.is_bound and self.data.get("confirm_words") not in (None, "", "False"):
            self._show_box("confirm_words", _("The word is used as an ordinary word"))
        return bool(getattr(self, "cleaned_data", {}).get("confirm_words"))
