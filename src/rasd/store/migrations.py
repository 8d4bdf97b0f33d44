"""Create or upgrade a rasd database to the current schema, tracked by ``PRAGMA user_version``.

A new file gets ``schema.sql`` (always the latest schema) in one go. An older file gets each step of
``MIGRATIONS`` after its version, in order, in one transaction per step. A file with rasd's tables
but no version (made by running ``schema.sql`` directly) counts as version 1; steps are idempotent.
"""

from __future__ import annotations

import re
import sqlite3
from importlib.resources import files

# version -> statements that upgrade a file from (version - 1)
MIGRATIONS: dict[int, tuple[str, ...]] = {
    2: (
        "ALTER TABLE documents ADD COLUMN source_hash TEXT",
        "CREATE INDEX IF NOT EXISTS documents_source_hash ON documents(source_hash)",
        "DELETE FROM errors WHERE id NOT IN (SELECT MAX(id) FROM errors GROUP BY origin, code)",
        "CREATE UNIQUE INDEX IF NOT EXISTS errors_origin_code ON errors(origin, code)",
    ),
    3: (
        "CREATE TABLE IF NOT EXISTS source_hashes (hash TEXT PRIMARY KEY,"
        " doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE)",
    ),
    4: (
        "CREATE TABLE IF NOT EXISTS document_aliases (alias TEXT PRIMARY KEY,"
        " doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE)",
    ),
}
VERSION = max(MIGRATIONS)


def schema_sql() -> str:
    return files("rasd.store").joinpath("schema.sql").read_text(encoding="utf-8")


_ADD_COLUMN = re.compile(r"ALTER TABLE (\w+) ADD COLUMN (\w+)", re.IGNORECASE)


def _has_column_already(conn: sqlite3.Connection, statement: str) -> bool:
    """True for an ``ADD COLUMN`` whose column exists (a file made from a newer schema.sql by hand)."""
    m = _ADD_COLUMN.match(statement)
    if not m:
        return False
    return any(row[1] == m.group(2) for row in conn.execute(f"PRAGMA table_info({m.group(1)})"))


def migrate(conn: sqlite3.Connection) -> int:
    """Bring ``conn``'s database to ``VERSION``; return the version it had before."""
    before = conn.execute("PRAGMA user_version").fetchone()[0]
    if before > VERSION:
        raise RuntimeError(f"database schema version {before} is newer than this rasd ({VERSION})")
    if before == VERSION:
        return before
    has_tables = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'documents'").fetchone()
    if before == 0 and not has_tables:
        conn.executescript(f"BEGIN;\n{schema_sql()}\nPRAGMA user_version = {VERSION};\nCOMMIT;")
        return before
    for version in range(max(before, 1) + 1, VERSION + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in MIGRATIONS[version]:
                if not _has_column_already(conn, statement):
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return before
