"""Input that breaks a rule, reported per form field.

The store raises a subclass (``LeaveError``, ``ApprovalRefused`` …) with one Chinese message per
field; the form shows each beside its input (``ui.forms.show_errors``) and the CLI prints ``str()``.
"""

from __future__ import annotations


class FieldErrors(ValueError):
    """``errors`` maps a form field's name to a Chinese message; ``str()`` joins them with "；"."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("；".join(errors.values()))
        self.errors = errors
