"""Unexpected exceptions while processing an input: a bug in rasd, not a fault of the input.

The batch still records such an input as E200 (with the exception's type and message), but the
traceback is printed once per distinct bug (exception type + the line that raised it), so a code
bug is never silently blamed on the inputs it happens to hit. ``RASD_VERBOSE=1`` prints every one.
"""

from __future__ import annotations

import os
import re
import threading
import traceback
from collections.abc import Callable

_seen: set[tuple[str, str]] = set()
_lock = threading.Lock()
_LAST_FRAME = re.compile(r'File "([^"]+)", line (\d+)')


def trace_of(err: BaseException) -> str:
    """The formatted traceback of ``err`` (what ``Failure.trace`` carries across processes)."""
    return "".join(traceback.format_exception(type(err), err, err.__traceback__))


def first_sighting(kind: str, trace: str) -> bool:
    """True the first time this process sees this bug (``kind`` raised at the trace's last frame),
    always True when ``RASD_VERBOSE`` is set."""
    frames = _LAST_FRAME.findall(trace)
    key = (kind, ":".join(frames[-1]) if frames else trace[-200:])
    with _lock:
        if key in _seen and not os.environ.get("RASD_VERBOSE"):
            return False
        _seen.add(key)
        return True


def report_bug(kind: str, trace: str, origin: str, note: Callable[[str], None]) -> None:
    """Print (through ``note``) the traceback of an unexpected exception, once per distinct bug."""
    if not first_sighting(kind, trace):
        return
    note(f"rasd: unexpected {kind} while processing {origin}: this is a bug in rasd, not a fault of the "
         f"input (recorded as E200; later inputs failing the same way are recorded without this trace)\n"
         + trace.rstrip())


def report_exception(err: BaseException, origin: str, note: Callable[[str], None]) -> None:
    """``report_bug`` for an exception caught in this process."""
    report_bug(type(err).__name__, trace_of(err), origin, note)
