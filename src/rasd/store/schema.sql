-- rasd SQLite schema, version 4 (store/migrations.py upgrades older files). Created and migrated by rasd.store (PRAGMA user_version).
-- Every offset is a character offset into documents.text (the original, never changed).

CREATE TABLE IF NOT EXISTS documents (
    id          TEXT PRIMARY KEY,
    hash        TEXT NOT NULL UNIQUE,      -- content hash: re-ingesting the same article is a no-op
    source      TEXT,
    url         TEXT,
    title       TEXT,
    published   TEXT,
    origin      TEXT,                      -- path / path#line / warc record it came from
    text        TEXT NOT NULL,
    source_hash TEXT,                      -- content hash of the raw input (HTML page), to skip it early
    ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE INDEX IF NOT EXISTS documents_source_hash ON documents(source_hash);

-- other raw inputs (another page, another URL) whose text turned out to be a stored document's:
-- a re-run skips them before cleaning, like documents.source_hash
CREATE TABLE IF NOT EXISTS source_hashes (
    hash   TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE
);

-- other ids the same text arrived under (one article filed under two ids): either id finds it
CREATE TABLE IF NOT EXISTS document_aliases (
    alias  TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS segments (
    doc_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx     INTEGER NOT NULL,
    kind    TEXT NOT NULL,                 -- article | title | boilerplate | teaser
    start   INTEGER NOT NULL,
    end     INTEGER NOT NULL,
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE IF NOT EXISTS events (
    id                 TEXT PRIMARY KEY,   -- stable key (see rasd.resolve)
    doc_id             TEXT NOT NULL,      -- first report
    event_type         TEXT NOT NULL,
    sub_event_type     TEXT NOT NULL,
    actor1             TEXT,
    assoc_actor_1      TEXT,
    inter1             INTEGER,
    actor2             TEXT,
    assoc_actor_2      TEXT,
    inter2             INTEGER,
    interaction        INTEGER,
    civilian_targeting TEXT,
    country            TEXT,
    admin1             TEXT,
    admin2             TEXT,
    admin3             TEXT,
    location           TEXT,
    location_ar        TEXT,
    latitude           REAL,
    longitude          REAL,
    geo_precision      INTEGER,
    event_date         TEXT,
    time_precision     INTEGER,
    fatalities         INTEGER NOT NULL DEFAULT 0,
    source             TEXT,
    notes              TEXT,
    evidence           TEXT,
    created_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX IF NOT EXISTS events_date ON events(event_date);
CREATE INDEX IF NOT EXISTS events_place ON events(country, admin1, admin2);
CREATE INDEX IF NOT EXISTS events_type ON events(event_type, sub_event_type);

-- which documents report which event (grows when resolve merges reports)
CREATE TABLE IF NOT EXISTS event_documents (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    doc_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, doc_id)
);

CREATE TABLE IF NOT EXISTS evidence_spans (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    doc_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    label    TEXT NOT NULL,                -- sentence | trigger | actor1 | actor2 | place | fatalities | date | source
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    text     TEXT
);
CREATE INDEX IF NOT EXISTS evidence_event ON evidence_spans(event_id);

CREATE TABLE IF NOT EXISTS errors (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    origin  TEXT NOT NULL,                 -- the file (and line / record) that failed
    code    TEXT NOT NULL,                 -- rasd.errors code, e.g. E102
    reason  TEXT NOT NULL,
    at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE UNIQUE INDEX IF NOT EXISTS errors_origin_code ON errors(origin, code);  -- a re-run updates, never repeats

-- full-text search over document text and event evidence
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(text, title, content='documents', content_rowid='rowid');
CREATE VIRTUAL TABLE IF NOT EXISTS events_fts USING fts5(evidence, notes, location_ar, content='events', content_rowid='rowid');
