"""Coded error messages: every failure names its input and its reason.

Raise ``InputError(code, origin, detail)``; ``str()`` gives one line such as
``[E102] data/x.html: binary content (NUL bytes in the first 4 KiB)``.
"""

from __future__ import annotations

CODES: dict[str, str] = {
    "E100": "cannot read file",
    "E101": "empty input",
    "E102": "binary content",
    "E103": "undecodable text",
    "E104": "not Arabic text",
    "E105": "input too large",
    "E106": "malformed JSON",
    "E107": "broken HTML (no main text)",
    "E108": "unsupported input",
    "E109": "malformed WARC",
    "E200": "processing failed",
    "E300": "knowledge file invalid",
}


class RasdError(Exception):
    """Base class of rasd's own errors."""


class InputError(RasdError):
    """An input that cannot be processed; the batch records it and goes on."""

    def __init__(self, code: str, origin: str, detail: str = "") -> None:
        self.code = code
        self.origin = origin
        self.detail = detail or CODES.get(code, "")
        super().__init__(str(self))

    @property
    def reason(self) -> str:
        base = CODES.get(self.code, "error")
        return f"{base}: {self.detail}" if self.detail and self.detail != base else base

    def __str__(self) -> str:
        return f"[{self.code}] {self.origin}: {self.reason}"


class KnowledgeError(RasdError):
    """A knowledge data file (actors, triggers, gazetteer, patterns) failed its load check."""

    def __init__(self, path: str, line: int | None, detail: str) -> None:
        self.path, self.line, self.detail = path, line, detail
        where = f"{path}:{line}" if line else path
        super().__init__(f"[E300] {where}: {detail}")

    def __reduce__(self):  # picklable (Dask workers hand it back to the client)
        return (type(self), (self.path, self.line, self.detail))


class ConfigError(RasdError):
    """A setting (environment variable, option) that cannot be used: not an input's fault, so a
    batch stops on it, as on a ``KnowledgeError``, instead of failing every input."""


# errors that stop a whole batch (every input would fail the same way); the CLI exits 2 on them
FATAL_ERRORS: tuple[type[RasdError], ...] = (KnowledgeError, ConfigError)
