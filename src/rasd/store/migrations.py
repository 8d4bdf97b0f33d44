"""Create or upgrade a rasd database to the current schema, tracked by ``PRAGMA user_version``.

A new file gets ``schema.sql`` (always the latest schema) in one go. An older file gets each step of
``MIGRATIONS`` after its version, in order, in one transaction per step.
"""

from __future__ import annotations

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
}
VERSION = max(MIGRATIONS)


def schema_sql() -> str:
    return files("rasd.store").joinpath("schema.sql").read_text(encoding="utf-8")


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
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return before
