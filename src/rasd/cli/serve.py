"""``rasd serve``: run the HTTP API and the offline map-and-timeline page (one process, uvicorn)."""

from __future__ import annotations

import ipaddress
import socket
import sqlite3

import click

from rasd.cli._exit import ConfigProblem
from rasd.errors import RasdError


def check_port(host: str, port: int) -> None:
    """``ConfigProblem`` (exit 2) when ``host:port`` cannot be bound (in use, or not an address here)."""
    if port == 0:
        return
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as err:
        raise ConfigProblem(f"cannot bind {host}:{port}: {err.strerror or err}") from err
    family, kind, proto, _, addr = infos[0]
    with socket.socket(family, kind, proto) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does
        try:
            sock.bind(addr)
        except OSError as err:
            raise ConfigProblem(f"cannot bind {host}:{port}: {err.strerror or err} "
                                "(another server on this port? choose one with --port)") from err


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@click.command("serve")
@click.option("--db", "db_path", default="rasd.db", show_default=True, type=click.Path(dir_okay=False),
              help="SQLite database built by `rasd ingest`.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; loopback by default. Anything else exposes the server to the network.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="TCP port.")
@click.option("--token", envvar="RASD_TOKEN", default=None,
              help="Enable POST /api/documents for clients sending 'Authorization: Bearer TOKEN' "
                   "(or set RASD_TOKEN). Without it the server is read-only.")
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]))
def serve_cmd(db_path: str, host: str, port: int, token: str | None, log_level: str) -> None:
    """Serve the events API and the map page at http://HOST:PORT/.

    Exit status 2 (configuration error) when the database is missing or not a rasd database, or
    the port cannot be bound (already in use).

    Example: rasd serve --db rasd.db --port 8000
    """
    import uvicorn

    from rasd.api import create_app

    try:
        app = create_app(db_path, token=token or None)
    except FileNotFoundError as err:
        raise ConfigProblem(str(err)) from err
    except (OSError, sqlite3.Error, RasdError) as err:  # e.g. no such folder, a file that is not SQLite
        raise ConfigProblem(f"cannot open database {db_path}: {err}") from err
    check_port(host, port)
    if not _is_loopback(host):
        click.echo(f"warning: binding {host}: the API is reachable from other machines", err=True)
    mode = "read-write (token set)" if token else "read-only"
    click.echo(f"rasd serve: {db_path} ({mode}) on http://{host}:{port}/", err=True)
    try:
        uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False,
                    limit_concurrency=64, timeout_keep_alive=5)
    except SystemExit as done:  # uvicorn exits 3 when it cannot start (e.g. the port was taken meanwhile)
        if done.code not in (None, 0):
            raise ConfigProblem(f"the server could not start on {host}:{port} (see the log above)") from None
        raise
