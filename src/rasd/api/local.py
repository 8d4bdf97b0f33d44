"""Run ``rasd serve`` as a subprocess on a free loopback port (for the browser test and the load
script): ``with serve_in_subprocess(db, log) as base_url: ...`` stops it afterwards."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve_in_subprocess(db: Path, log: Path, *, timeout: float = 30.0) -> Iterator[str]:
    """Start ``rasd serve --db DB`` (read-only: no token) on a free loopback port, wait until
    ``/api/health`` answers, yield its base URL; its output goes to ``log``. Raises RuntimeError
    with the log when it does not start within ``timeout`` seconds."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with open(log, "wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "rasd.cli", "serve", "--db", str(db), "--port", str(port),
                                 "--log-level", "warning"], stdout=out, stderr=subprocess.STDOUT,
                                env={**os.environ, "RASD_TOKEN": ""})
        try:
            deadline = time.monotonic() + timeout
            while True:
                try:
                    if httpx.get(f"{base}/api/health", timeout=1).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"rasd serve did not start: {Path(log).read_text(errors='replace')}")
                time.sleep(0.2)
            yield base
        finally:
            proc.terminate()
            proc.wait(timeout=10)
