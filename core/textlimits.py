"""Every free-text field of a form has a maximum length, with one Swedish message.

Text columns (``TextField``) have no length, so a form built on one took a text of any size and
handed it to the services and to the de-identification guard. ``TextLimitsMixin``, a base of
every form in the apps (a test lists them), gives each character field without a maximum
``TEXT_MAX_LENGTH`` when it is a text area and ``LINE_MAX_LENGTH`` otherwise, keeps a maximum
a field already has (a CharField column's), and shows the same message for every limit. The limit
lives in the form only: the columns are unchanged, and so are texts already stored.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.postgres.forms import SimpleArrayField
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

# A systembrist's description or a protokoll paragraph is a page or two; ten thousand
# characters are five pages. A line (a title, a reason) is one or two sentences.
TEXT_MAX_LENGTH = 10_000
LINE_MAX_LENGTH = 500

MESSAGE = _("The text may have at most %(limit_value)d characters (now %(show_value)d).")


class _Limit(MaxLengthValidator):
    message = MESSAGE


def limit_text_field(field: forms.Field) -> None:
    """Give a character field its maximum length and the shared message (once)."""
    if not isinstance(field, forms.CharField) or isinstance(
        field, (forms.JSONField, SimpleArrayField)
    ):
        return
    if any(isinstance(v, _Limit) for v in field.validators):
        return
    if field.max_length:
        limit = int(field.max_length)  # the column's own (a CharField's), or the form's
    else:
        limit = TEXT_MAX_LENGTH if isinstance(field.widget, forms.Textarea) else LINE_MAX_LENGTH
    field.validators = [v for v in field.validators if not isinstance(v, MaxLengthValidator)]
    field.validators.append(_Limit(limit))
    field.max_length = limit
    if not field.widget.is_hidden:
        field.widget.attrs["maxlength"] = str(limit)


class TextLimitsMixin(forms.Form):
    """Limits every character field of the form (see the module docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.limit_texts()

    def limit_texts(self) -> None:
        for field in self.fields.values():
            limit_text_field(field)

    def full_clean(self) -> None:
        # Again here: some forms add fields after __init__ (the statsbidrag answers).
        self.limit_texts()
        super().full_clean()
