"""Errors, skip reasons and exit codes: the one catalogue of what can go wrong.

Exception hierarchy::

    ConsilienceError            base of everything this library raises on purpose
    ├── UsageError              the caller asked for something impossible (bad option, no input)  -> exit 2
    ├── InputError              one input cannot be used; carries the input's name and the reason
    └── MissingExtraError       an optional dependency is not installed; names the pip extra

An unusable input never raises out of a run: the read stage turns it into a ``skipped`` document
whose reason comes from :data:`SKIP_REASONS`, and the CLI exits with :data:`EXIT_INPUT_PROBLEMS`.
"""

from __future__ import annotations

__all__ = [
    "ConsilienceError",
    "UsageError",
    "InputError",
    "MissingExtraError",
    "SKIP_REASONS",
    "skip_message",
    "EXIT_OK",
    "EXIT_INPUT_PROBLEMS",
    "EXIT_USAGE",
    "EXIT_NO_DOCUMENTS",
    "EXIT_INTERNAL",
]

#: Everything worked.
EXIT_OK = 0
#: A report was produced, but some inputs were skipped (each named on stderr and in the JSON).
EXIT_INPUT_PROBLEMS = 1
#: The command line was wrong (unknown option, missing path); nothing was produced.
EXIT_USAGE = 2
#: No input could be used at all; the report, if written, lists only skipped documents.
EXIT_NO_DOCUMENTS = 3
#: A bug in consilience; please report it with the input that caused it.
EXIT_INTERNAL = 70

#: Closed vocabulary of reasons an input is skipped, with the message shown to the user.
SKIP_REASONS: dict[str, str] = {
    "not-found": "no such file or directory",
    "unreadable": "the file cannot be read (permission or I/O error)",
    "empty": "the input is empty",
    "whitespace-only": "the input holds only whitespace",
    "binary": "the input looks binary, not text (e.g. an image or archive renamed)",
    "undecodable": "the bytes could not be decoded as text in any likely encoding",
    "too-large": "the input is larger than the per-document limit",
    "no-text": "no article text could be found in the input",
    "bad-json": "a line is not valid JSON",
    "missing-text-field": "the record has no text field",
    "bad-record": "the record is malformed",
    "timeout": "extraction took longer than the per-document time bound",
    "unsupported": "the input format is not supported",
}


def skip_message(reason: str, detail: str = "") -> str:
    """The text stored in ``Document.skipped``: ``"<reason>: <explanation>[ (detail)]"``."""
    base = SKIP_REASONS.get(reason, reason)
    return f"{reason}: {base}" + (f" ({detail})" if detail else "")


class ConsilienceError(Exception):
    """Base class of the errors consilience raises on purpose."""


class UsageError(ConsilienceError):
    """The request cannot be carried out as asked; the message says how to fix it."""


class InputError(ConsilienceError):
    """One input cannot be used. ``origin`` names it; ``reason`` is a key of :data:`SKIP_REASONS`."""

    def __init__(self, origin: str, reason: str, detail: str = "") -> None:
        self.origin = origin
        self.reason = reason
        self.detail = detail
        super().__init__(f"{origin}: {skip_message(reason, detail)}")


class MissingExtraError(ConsilienceError, ImportError):
    """An optional dependency is missing; the message gives the exact install command."""

    def __init__(self, module: str, extra: str) -> None:
        super().__init__(f"{module} is not installed; install it with: pip install 'consilience[{extra}]'")
