"""The error taxonomy.

Domain code raises :class:`UserError` (the user's input or data was refused: exit 2, a Chinese
message, nothing changed) with a stable code such as ``E_LEDGER_HEADER``. Anything else escaping to
the command line or the GUI is an unexpected fault (exit 1, crash dialog, logged).
"""

from __future__ import annotations

from mediation_desktop.core import error_codes


class UserError(Exception):
    """Refused input. ``code`` is stable (tests and scripts match on it); ``message`` is Chinese.

    Every code is registered in :mod:`core.error_codes`; without a ``message`` the registered
    template is the message (for codes whose template needs no particulars)."""

    def __init__(self, code: str, message: str | None = None, *, field: str | None = None):
        if message is None:
            message = error_codes.message_template(code)
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.field = field

    @property
    def next_step(self) -> str:
        """What the user can do about it (下一步), from the registry."""
        return error_codes.next_step(self.code)

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


class ValidationError(UserError):
    """A single field failed validation; ``field`` names it for inline display in forms."""


class ValidationErrors(UserError):
    """Several fields failed at once (a form is checked as a whole before anything is saved)."""

    def __init__(self, errors: list[ValidationError]):
        self.errors = errors
        joined = "；".join(e.message for e in errors)
        super().__init__(errors[0].code if errors else "E_INVALID", joined)


class TransitionError(UserError):
    """A lifecycle action that is not legal in the case's current state."""


class NotFoundError(UserError):
    pass


class PermissionDenied(UserError):
    pass
