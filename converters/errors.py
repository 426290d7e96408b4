"""Error types with messages meant for a person: every one names the input and the problem in one line."""
from __future__ import annotations


class ConversionError(Exception):
    """A document could not be read or written. `str()` is the one-line message shown to the user."""

    def __init__(self, message: str, path: str | None = None):
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}" if path else message)


class InputError(ConversionError):
    """The input is empty, binary, mislabelled or otherwise not a document this toolkit reads."""


class FormatNotAvailable(ConversionError):
    """The requested input or output format is not available in this build."""


class OutputExists(ConversionError):
    """The output exists and overwriting was not asked for."""


class TimeLimitExceeded(ConversionError):
    """Converting one document took longer than the per-document time limit."""
