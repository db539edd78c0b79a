"""Choice labels for value rows (``.values()``), which have no ``get_<field>_display``."""

from __future__ import annotations

from typing import Any


def labels_of(choices: Any) -> dict[str, str]:
    """Value -> translated label of ``choices`` (a choices class or a list of pairs), made
    once for a list of value rows, which have no ``get_<field>_display``."""
    pairs = choices.choices if hasattr(choices, "choices") else choices
    return {str(value): str(label) for value, label in pairs}
