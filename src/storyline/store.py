"""The embedded store: one SQLite file, with full-text search (FTS5) over articles, events and claims.

A build writes a new database beside the old one and renames it into place, so a crash or kill mid-run leaves
the previous store intact (rename is atomic on POSIX filesystems).
"""
from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE articles(id TEXT PRIMARY KEY, source_path TEXT, title TEXT, outlet TEXT, url TEXT, published TEXT,
  published_from TEXT, published_evidence TEXT, language TEXT, status TEXT, reason TEXT, duplicate_of TEXT,
  part_of TEXT, text TEXT, dropped TEXT, captions TEXT);
CREATE TABLE entities(id TEXT PRIMARY KEY, name TEXT, type TEXT, mention_count INTEGER, roles TEXT, evidence TEXT);
CREATE TABLE aliases(entity TEXT, alias TEXT, count INTEGER, PRIMARY KEY(entity, alias));
CREATE TABLE mentions(article TEXT, start INTEGER, "end" INTEGER, text TEXT, label TEXT, entity TEXT);
CREATE TABLE stories(id TEXT PRIMARY KEY, title TEXT, date_from TEXT, date_to TEXT, entities TEXT, timeline TEXT);
CREATE TABLE story_articles(story TEXT, article TEXT, PRIMARY KEY(story, article));
CREATE TABLE events(id TEXT PRIMARY KEY, date TEXT, summary TEXT, type TEXT, modality TEXT, story TEXT,
  trigger TEXT, date_how TEXT, negated INTEGER, independent_sources INTEGER, date_basis TEXT, date_bound TEXT,
  salience REAL, key INTEGER, weak TEXT, why TEXT);
CREATE TABLE event_actors(event TEXT, entity TEXT, PRIMARY KEY(event, entity));
CREATE TABLE event_sources(event TEXT, article TEXT, start INTEGER, "end" INTEGER, text TEXT, claim TEXT);
CREATE TABLE claims(id TEXT PRIMARY KEY, speaker TEXT, speaker_text TEXT, anonymous INTEGER, stance TEXT, kind TEXT,
  text TEXT, article TEXT, start INTEGER, "end" INTEGER, story TEXT, seq INTEGER);
CREATE TABLE conflicts(id TEXT, story TEXT, kind TEXT, body TEXT);
CREATE TABLE analysis(key TEXT PRIMARY KEY, article TEXT, blob BLOB);
-- What the entity page reads, computed once here rather than per request (the load test's slowest page on a
-- large build): the articles that mention each entity, and each entity's 15 most frequent companions in them.
CREATE TABLE entity_articles(entity TEXT, article TEXT, PRIMARY KEY(entity, article)) WITHOUT ROWID;
CREATE TABLE cooccurring(entity TEXT, other TEXT, articles INTEGER, PRIMARY KEY(entity, other)) WITHOUT ROWID;
CREATE VIRTUAL TABLE search USING fts5(kind UNINDEXED, ref UNINDEXED, title, body);
CREATE INDEX events_story ON events(story, date);
CREATE INDEX claims_seq ON claims(seq);
CREATE INDEX claims_speaker ON claims(speaker, seq);
CREATE INDEX claims_stance ON claims(stance, seq);
CREATE INDEX mentions_entity ON mentions(entity);
CREATE INDEX mentions_article ON mentions(article, entity);
CREATE INDEX event_sources_event ON event_sources(event);
CREATE INDEX event_actors_entity ON event_actors(entity);
CREATE INDEX claims_story ON claims(story, seq);
CREATE INDEX story_articles_article ON story_articles(article);
CREATE INDEX entity_articles_article ON entity_articles(article, entity);
"""

COOCCURRENCE = """
INSERT INTO entity_articles SELECT DISTINCT entity, article FROM mentions WHERE entity IS NOT NULL;
INSERT INTO cooccurring SELECT entity, other, n FROM (
  SELECT entity, other, n, ROW_NUMBER() OVER (PARTITION BY entity ORDER BY n DESC, other) AS rank FROM (
    SELECT a.entity AS entity, b.entity AS other, COUNT(*) AS n FROM entity_articles a
    JOIN entity_articles b ON b.article = a.article AND b.entity != a.entity GROUP BY a.entity, b.entity))
WHERE rank <= 15;
"""


def write(data: dict, path: str | os.PathLike) -> Path:
    """Write the build (``Result.to_dict()`` plus mentions) to a new SQLite file and move it into place."""
    path = Path(path)
    tmp = path.with_name(path.name + f".tmp{os.getpid()}")
    if tmp.exists():
        tmp.unlink()
    con = sqlite3.connect(tmp)
    try:
        con.executescript(SCHEMA)
        con.execute("INSERT INTO meta VALUES('schema_version', ?)", (str(data["schema_version"]),))
        for a in data["articles"]:
            con.execute("INSERT INTO articles VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", (
                a["id"], a["source_path"], a["title"], a["outlet"], a["url"], a["published"], a["published_from"],
                a["published_evidence"], a["language"], a["status"], a["reason"], a["duplicate_of"], a["part_of"],
                a["text"], json.dumps(a["dropped"]), json.dumps(a["captions"])))
            if a["status"] != "skipped":
                con.execute("INSERT INTO search VALUES('article', ?, ?, ?)", (a["id"], a["title"] or "", a["text"]))
        for e in data["entities"]:
            con.execute("INSERT INTO entities VALUES(?,?,?,?,?,?)", (
                e["id"], e["name"], e["type"], e["mention_count"], json.dumps(e["roles"]), json.dumps(e["evidence"])))
            con.executemany("INSERT INTO aliases VALUES(?,?,?)",
                            [(e["id"], k, v) for k, v in e["alias_counts"].items()])
        con.executemany("INSERT INTO mentions VALUES(?,?,?,?,?,?)", [
            (m["article"], m["start"], m["end"], m["text"], m["label"], m["entity"]) for m in data.get("mentions", [])])
        for s in data["stories"]:
            con.execute("INSERT INTO stories VALUES(?,?,?,?,?,?)", (
                s["id"], s["title"], s["date_range"][0], s["date_range"][1], json.dumps(s["entities"]),
                json.dumps(s.get("timeline") or {})))
            con.executemany("INSERT INTO story_articles VALUES(?,?)", [(s["id"], a) for a in s["articles"]])
        for e in data["events"]:
            con.execute("INSERT INTO events VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", (
                e["id"], e["date"], e["summary"], e["type"], e["modality"], e["story"], e["trigger"], e["date_how"],
                int(e["negated"]), e["independent_sources"], e.get("date_basis"), e.get("date_bound"),
                e["salience"], int(e["key"]), json.dumps(e["weak"]), json.dumps(e["why"])))
            con.executemany("INSERT OR IGNORE INTO event_actors VALUES(?,?)", [(e["id"], x) for x in e["actors"]])
            con.executemany("INSERT INTO event_sources VALUES(?,?,?,?,?,?)", [
                (e["id"], s["article"], s["start"], s["end"], s["text"], s.get("claim")) for s in e["sources"]])
            con.execute("INSERT INTO search VALUES('event', ?, ?, ?)", (
                e["id"], e["summary"], " ".join(s["text"] for s in e["sources"])))
        # seq: the claims page's reading order (publication date, undated first as SQL sorts NULL, then id), kept
        # so that a page of a large build is read from an index rather than sorted per request.
        published = {a["id"]: a["published"] for a in data["articles"]}
        order = sorted(data["claims"], key=lambda c: (published.get(c["article"]) is not None,
                                                      published.get(c["article"]) or "", c["id"]))
        for seq, c in enumerate(order):
            con.execute("INSERT INTO claims VALUES(?,?,?,?,?,?,?,?,?,?,?,?)", (
                c["id"], c["speaker"], c["speaker_text"], int(c["anonymous"]), c["stance"], c["kind"], c["text"],
                c["article"], c["start"], c["end"], c["story"], seq))
            con.execute("INSERT INTO search VALUES('claim', ?, ?, ?)", (c["id"], c["speaker_text"] or "", c["text"]))
        con.executemany("INSERT INTO conflicts VALUES(?,?,?,?)", [
            (c.get("id"), c.get("story"), c.get("kind"), json.dumps(c)) for c in data.get("conflicts") or []])
        con.executescript(COOCCURRENCE)
        # Per-article analyses (cache.py), so that `build --update` analyses only the articles it has not seen.
        con.executemany("INSERT OR REPLACE INTO analysis VALUES(?,?,?)", data.get("analysis", []))
        if data.get("whats_new"):   # read by the web app's "since the last update" box
            con.execute("INSERT INTO meta VALUES('whats_new', ?)", (json.dumps(data["whats_new"]),))
        con.commit()
    finally:
        con.close()
    os.replace(tmp, path)
    return path


def connect(path: str | os.PathLike) -> sqlite3.Connection:
    """Open a built store read-only."""
    con = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True, check_same_thread=False)
    con.row_factory = sqlite3.Row
    return con
