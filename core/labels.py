"""Choice labels without translating every label: ``get_<field>_display`` that translates
the one label it returns, and the labels of a choices class made once for value rows."""

from __future__ import annotations

from typing import Any

from django.utils.encoding import force_str


class ChoiceLabels:
    """Django's ``get_<field>_display`` builds a dict of all the field's choices on every
    call, and hashing a lazy label translates it: a status with nine choices cost nine
    translations per row of a list. Here the choices are compared in order and only the
    label found is translated; the result is the same.
    """

    def _get_FIELD_display(self, field: Any) -> Any:  # noqa: N802 (Django's name)
        value = getattr(self, field.attname)
        for choice, label in field.flatchoices:
            if choice == value:
                return force_str(label, strings_only=True)
        return force_str(value, strings_only=True)


def labels_of(choices: Any) -> dict[str, str]:
    """Value -> translated label of ``choices`` (a choices class or a list of pairs), made
    once for a list of value rows, which have no ``get_<field>_display``."""
    pairs = choices.choices if hasattr(choices, "choices") else choices
    return {str(value): str(label) for value, label in pairs}
