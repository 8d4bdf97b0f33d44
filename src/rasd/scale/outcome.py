"""What a worker hands back for one input: the ``Processed`` result or a picklable ``Failure``.

``InputError`` itself does not survive pickling (its ``args`` differ from its constructor), so
failures cross process boundaries as plain ``Failure`` records; ``Failure.error`` rebuilds the
``InputError`` on the writer's side, exactly as ``rasd.ingest.batch.run_batch`` would have it.
An unexpected exception (a bug) also carries its traceback text (``trace``) so the writer's side
can show it (``rasd.ingest.bugs``). ``KnowledgeError`` / ``ConfigError`` are never turned into a
``Failure``: they propagate (they pickle), and the batch stops.
"""

from __future__ import annotations

from dataclasses import dataclass

from rasd.errors import FATAL_ERRORS, InputError
from rasd.ingest.bugs import trace_of
from rasd.model import Source
from rasd.pipeline import Processed, process


@dataclass(slots=True, frozen=True)
class Failure:
    """One input that could not be processed: its ``rasd.errors`` code and detail."""

    origin: str
    code: str
    detail: str
    trace: str = ""  # the traceback of an unexpected exception (a bug), else empty

    @classmethod
    def from_error(cls, err: BaseException, origin: str) -> Failure:
        """An ``InputError`` keeps its code; any other exception is E200 (as ``run_batch`` does)."""
        if isinstance(err, InputError):
            return cls(err.origin or origin, err.code, err.detail)
        return cls(origin, "E200", f"{type(err).__name__}: {err}", trace_of(err))

    @property
    def bug(self) -> str:
        """The exception type of an unexpected failure (empty for an input's own fault)."""
        return self.trace.rstrip().rsplit("\n", 1)[-1].split(":", 1)[0] if self.trace else ""

    @property
    def error(self) -> InputError:
        return InputError(self.code, self.origin, self.detail)


Outcome = Processed | Failure


def process_safely(source: Source, *, extract: bool = True) -> Outcome:
    """``rasd.pipeline.process`` that never raises for an input: failures come back as ``Failure``
    (``KnowledgeError`` / ``ConfigError`` do raise: no input is at fault)."""
    try:
        return process(source, extract=extract)
    except FATAL_ERRORS:
        raise
    except Exception as err:  # noqa: BLE001 - every failure is recorded, the batch goes on
        return Failure.from_error(err, source.origin)


def process_chunk(sources: list[Source], extract: bool = True) -> list[Outcome]:
    """Process a list of sources in order (the unit of work shipped to one worker)."""
    return [process_safely(s, extract=extract) for s in sources]
