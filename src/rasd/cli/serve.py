"""``rasd serve``: run the HTTP API and the offline map-and-timeline page (one process, uvicorn)."""

from __future__ import annotations

import ipaddress
import sqlite3

import click

from rasd.errors import RasdError


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

    Example: rasd serve --db rasd.db --port 8000
    """
    import uvicorn

    from rasd.api import create_app

    try:
        app = create_app(db_path, token=token or None)
    except FileNotFoundError as err:
        raise click.ClickException(str(err)) from err
    except (OSError, sqlite3.Error, RasdError) as err:  # e.g. no such folder, a file that is not SQLite
        raise click.ClickException(f"cannot open database {db_path}: {err}") from err
    if not _is_loopback(host):
        click.echo(f"warning: binding {host}: the API is reachable from other machines", err=True)
    mode = "read-write (token set)" if token else "read-only"
    click.echo(f"rasd serve: {db_path} ({mode}) on http://{host}:{port}/", err=True)
    uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False,
                limit_concurrency=64, timeout_keep_alive=5)
