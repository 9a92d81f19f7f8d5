"""Read side of a build: queries over DIR/storyline.db (opened read-only) that the pages and the API share.

Every function returns plain dicts and lists (JSON-ready); ``None`` means "no such id" and becomes a 404.
"""
from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections import OrderedDict
from pathlib import Path

from .. import outdir, store
from ..timeline import attribution, said_by
from .cached import Answers


CACHE_SIZE = 2048   # answers kept per generation (an entity page of a large build is a few hundred kB at most)


class StoreMissing(Exception):
    pass


class Store:
    """One generation of a build (see outdir.py), read-only. Each thread keeps its own connection (SQLite
    connections must not be shared across threads), and the answers that every page repeats are cached: a
    generation never changes once published, so a cache can only go stale by a new build, which is a new Store."""

    def __init__(self, out_dir: str | Path):
        self.dir = outdir.generation(out_dir)
        self.db = self.dir / "storyline.db"
        if not self.db.is_file():
            raise StoreMissing(f"{Path(out_dir) / 'storyline.db'}: no built store here "
                               f"(run `storyline build PATH... --out {out_dir}`)")
        self._local = threading.local()
        self._cache: OrderedDict = OrderedDict()
        self._cache_lock = threading.Lock()
        self.answers = Answers()   # whole HTTP answers of this generation (cached.py)
        try:
            self._q("SELECT value FROM meta WHERE key='schema_version'")
            self._q("SELECT salience, key FROM events LIMIT 0")
            self._q("SELECT other FROM cooccurring LIMIT 0")
            self._q("SELECT body FROM conflicts LIMIT 0")
            self._q("SELECT seq FROM claims LIMIT 0")
            self._q("SELECT claim FROM event_sources LIMIT 0")
        except sqlite3.DatabaseError as e:
            raise StoreMissing(f"{self.db}: not a storyline store, or one written by an older storyline ({e}); "
                               f"build it again with `storyline build PATH... --out {out_dir}`") from None

    def _con(self) -> sqlite3.Connection:
        return store.connect(self.db)

    def _q(self, sql: str, args=()) -> list[dict]:
        con = getattr(self._local, "con", None)
        if con is None:
            con = self._local.con = self._con()
        return [dict(r) for r in con.execute(sql, args).fetchall()]

    def _cached(self, key, make):
        """The answer for ``key``, computed once per generation. Callers must not mutate what they get (copy
        first); at most CACHE_SIZE answers are kept, least recently used out first."""
        with self._cache_lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        value = make()
        with self._cache_lock:
            self._cache[key] = value
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        return value

    def _in(self, sql: str, ids) -> list[dict]:
        """``sql`` with its one ``IN ({})`` filled with ``ids``, in chunks (SQLite caps the parameters)."""
        ids, rows = list(dict.fromkeys(ids)), []
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            rows += self._q(sql.format(",".join("?" * len(chunk))), chunk)
        return rows

    def _names(self, ids) -> dict[str, str]:
        return {r["id"]: r["name"] for r in self._in("SELECT id, name FROM entities WHERE id IN ({})", ids)}

    def since_update(self, story: str) -> dict | None:
        """What the last `build --update` brought to this story (None after a full build, or nothing new)."""
        rows = self._q("SELECT value FROM meta WHERE key='whats_new'")
        if not rows:
            return None
        return next((s for s in json.loads(rows[0]["value"])["stories"] if s["story"] == story), None)

    # -- stories -----------------------------------------------------------------------------------------------
    def stories(self) -> list[dict]:
        return [dict(r) for r in self._cached("stories", self._stories)]

    def _stories(self) -> list[dict]:
        rows = self._q("""
            SELECT s.*, (SELECT COUNT(*) FROM story_articles sa WHERE sa.story = s.id) AS n_articles,
              (SELECT COUNT(DISTINCT COALESCE(a.outlet, a.id)) FROM story_articles sa JOIN articles a
                 ON a.id = sa.article WHERE sa.story = s.id AND a.status = 'ingested') AS n_sources,
              (SELECT COUNT(*) FROM events e WHERE e.story = s.id) AS n_events
            FROM stories s ORDER BY n_articles DESC, date_from""")
        names = self._names(e for r in rows for e in json.loads(r["entities"])[:6])
        for r in rows:
            ents = json.loads(r.pop("entities"))
            r["entities"] = [{"id": e, "name": names[e]} for e in ents[:6] if e in names]
            r["date_range"] = [r.pop("date_from"), r.pop("date_to")]
        return rows

    def story(self, sid: str) -> dict | None:
        return next((s for s in self.stories() if s["id"] == sid), None)

    def story_timeline(self, sid: str) -> dict:
        """The story's stored summary timeline (timeline.story_timeline), with each source's outlet and date."""
        rows = self._q("SELECT timeline FROM stories WHERE id = ?", (sid,))
        tl = json.loads(rows[0]["timeline"] or "{}") if rows else {}
        ids = {src["article"] for x in tl.get("entries", []) for ln in x["lines"] for src in ln["sources"]}
        arts = {r["id"]: r for r in self._in("SELECT id, outlet, title, published FROM articles WHERE id IN ({})", ids)}
        for x in tl.get("entries", []):
            for ln in x["lines"]:
                for src in ln["sources"]:
                    a = arts.get(src["article"], {})
                    src.update(outlet=a.get("outlet"), title=a.get("title"), published=a.get("published"))
        return tl

    # -- events ------------------------------------------------------------------------------------------------
    # The ranking (salience, key, why) is stored by the build, the same decision storyline.json carries, so that a
    # page of a story's events is one query for that page, whatever the story's size.
    ORDER = " ORDER BY e.date IS NULL, e.date, e.id"

    def _events(self, where: str, args, page: tuple[int, int] | None = None, join: str = "") -> list[dict]:
        """Events matching ``where`` in date order, each with its actors and sources; ``page`` is (offset, limit)."""
        sql = f"SELECT e.* FROM events e {join} WHERE {where}" + self.ORDER
        if page:
            sql, args = sql + " LIMIT ? OFFSET ?", (*args, page[1], page[0])
        evs = self._q(sql, args)
        if not evs:
            return []
        ids = [e["id"] for e in evs]
        actors = self._in("SELECT event, entity FROM event_actors WHERE event IN ({})", ids)
        sources = self._in("""SELECT s.event, s.article, s.start, s."end", s.text, s.claim, a.outlet, a.title,
            a.published, c.speaker AS claim_speaker, c.speaker_text AS claim_speaker_text
            FROM event_sources s LEFT JOIN articles a ON a.id = s.article LEFT JOIN claims c ON c.id = s.claim
            WHERE s.event IN ({})""", ids)
        names = self._names([a["entity"] for a in actors] + [s["claim_speaker"] for s in sources if s["claim_speaker"]])
        by = {e["id"]: e for e in evs}
        for e in evs:
            e["negated"], e["key"] = bool(e["negated"]), bool(e["key"])
            e["weak"], e["why"] = json.loads(e["weak"] or "[]"), json.loads(e["why"] or "[]")
            e["actors"], e["sources"] = [], []
        for a in actors:
            by[a["event"]]["actors"].append({"id": a["entity"], "name": names.get(a["entity"], a["entity"])})
        for s in sources:
            who = {"speaker": s.pop("claim_speaker"), "speaker_text": s.pop("claim_speaker_text")}
            s["said_by"] = said_by(who, names) if s["claim"] else None
            by[s.pop("event")]["sources"].append(s)
        for e in evs:
            e["attribution"] = attribution(e)
        return evs

    def events(self, story: str | None = None) -> list[dict]:
        """Cached per story: do not mutate the rows."""
        if not story:
            return self._events("1", ())
        return self._cached(("events", story), lambda: self._events("e.story = ?", (story,)))

    def story_events(self, story: str, key_only: bool, offset: int, limit: int) -> list[dict]:
        """One page of a story's events (its key events only, or all) in date order."""
        return self._events("e.story = ?" + (" AND e.key = 1" if key_only else ""), (story,), (offset, limit))

    def story_counts(self, story: str) -> dict:
        """How many events the story has, and how many of them are key events."""
        return self._q("SELECT COUNT(*) AS n, COALESCE(SUM(key), 0) AS n_key FROM events WHERE story = ?",
                       (story,))[0]

    def event(self, eid: str) -> dict | None:
        evs = self._events("e.id = ?", (eid,))
        return evs[0] if evs else None

    def density(self, story: str) -> list[dict]:
        """Events per date (dates may be a year or a month), for the overview chart."""
        return self._q("SELECT date, COUNT(*) AS n FROM events WHERE story = ? AND date IS NOT NULL "
                       "GROUP BY date ORDER BY date", (story,))

    # -- articles ----------------------------------------------------------------------------------------------
    def article(self, aid: str) -> dict | None:
        rows = self._q("SELECT * FROM articles WHERE id = ?", (aid,))
        if not rows:
            return None
        a = rows[0]
        a["dropped"] = json.loads(a["dropped"] or "[]")
        a["captions"] = json.loads(a["captions"] or "[]")
        a["stories"] = [r["story"] for r in self._q("SELECT story FROM story_articles WHERE article = ?", (aid,))]
        return a

    def articles(self) -> list[dict]:
        return self._q("SELECT id, title, outlet, url, published, status, reason, source_path FROM articles "
                       "ORDER BY published IS NULL, published, id")

    # -- entities ----------------------------------------------------------------------------------------------
    def entities(self, type: str | None = None) -> list[dict]:
        return self._cached(("entities", type), lambda: self._entities(type))

    def _entities(self, type: str | None = None) -> list[dict]:
        rows = self._q("SELECT id, name, type, mention_count, roles FROM entities "
                       + ("WHERE type = ? " if type else "") + "ORDER BY mention_count DESC, name",
                       (type,) if type else ())
        for r in rows:
            r["roles"] = json.loads(r["roles"] or "[]")
        return rows

    def entity(self, eid: str) -> dict | None:
        """An entity with its aliases, roles, articles and companions; its events and claims come a page at a time
        (``entity_events``, ``claims(speaker=...)``): the most mentioned entity of a large build has thousands."""
        return self._cached(("entity", eid), lambda: self._entity(eid))

    def _entity(self, eid: str) -> dict | None:
        rows = self._q("SELECT * FROM entities WHERE id = ?", (eid,))
        if not rows:
            return None
        e = rows[0]
        e["roles"] = json.loads(e["roles"] or "[]")
        e["evidence"] = json.loads(e["evidence"] or "[]")
        e["aliases"] = self._q("SELECT alias, count FROM aliases WHERE entity = ? ORDER BY count DESC", (eid,))
        e["n_events"] = self._q("SELECT COUNT(*) AS n FROM event_actors WHERE entity = ?", (eid,))[0]["n"]
        e["n_claims"] = self.count_claims(speaker=eid)
        e["articles"] = [r["article"] for r in
                         self._q("SELECT article FROM entity_articles WHERE entity = ? ORDER BY article", (eid,))]
        # Co-occurrence by shared articles (the simplest signal that survives every story size), counted at build.
        e["cooccurring"] = self._q("SELECT c.other AS id, n.name, c.articles FROM cooccurring c JOIN entities n "
                                   "ON n.id = c.other WHERE c.entity = ? ORDER BY c.articles DESC, c.other", (eid,))
        return e

    def entity_events(self, eid: str, offset: int, limit: int) -> list[dict]:
        return self._events("a.entity = ?", (eid,), (offset, limit), join="JOIN event_actors a ON a.event = e.id")

    # -- claims ------------------------------------------------------------------------------------------------
    def _claim_filter(self, speaker, stance, anonymous, story) -> tuple[str, list]:
        conds, args = [], []
        for col, val in (("c.speaker", speaker), ("c.stance", stance), ("c.story", story)):
            if val:
                conds.append(f"{col} = ?")
                args.append(val)
        if anonymous is not None:
            conds.append("c.anonymous = ?")
            args.append(int(anonymous))
        return ("WHERE " + " AND ".join(conds) if conds else ""), args

    def claims(self, speaker: str | None = None, stance: str | None = None, anonymous: bool | None = None,
               story: str | None = None, offset: int = 0, limit: int = -1) -> list[dict]:
        where, args = self._claim_filter(speaker, stance, anonymous, story)
        rows = self._q("SELECT c.*, e.name AS speaker_name, a.outlet, a.title AS article_title, a.published "
                       "FROM claims c LEFT JOIN entities e ON e.id = c.speaker LEFT JOIN articles a ON a.id = c.article "
                       + where + " ORDER BY c.seq LIMIT ? OFFSET ?", [*args, limit, offset])
        for r in rows:
            r["anonymous"] = bool(r["anonymous"])
        return rows

    def count_claims(self, speaker=None, stance=None, anonymous=None, story=None) -> int:
        where, args = self._claim_filter(speaker, stance, anonymous, story)
        return self._q("SELECT COUNT(*) AS n FROM claims c " + where, args)[0]["n"]

    def claim(self, cid: str) -> dict | None:
        rows = self._q("SELECT c.*, e.name AS speaker_name, a.outlet, a.title AS article_title, a.published "
                       "FROM claims c LEFT JOIN entities e ON e.id = c.speaker LEFT JOIN articles a "
                       "ON a.id = c.article WHERE c.id = ?", (cid,))
        if rows:
            rows[0]["anonymous"] = bool(rows[0]["anonymous"])
        return rows[0] if rows else None

    def speakers(self) -> list[dict]:
        return self._cached("speakers", lambda: self._q("SELECT e.id, e.name, COUNT(*) AS n FROM claims c JOIN entities e ON e.id = c.speaker "
                       "GROUP BY e.id ORDER BY n DESC, e.name"))

    # -- conflicts (the conflicts stage's list, stored as written into storyline.json) ----------------------------
    def conflicts(self, limit: int = -1) -> list[dict]:
        return self._cached(("conflicts", limit), lambda: [
            self._conflict(json.loads(r["body"])) for r in self._q("SELECT body FROM conflicts ORDER BY rowid LIMIT ?",
                                                                    (limit,))])

    def count_conflicts(self) -> int:
        return self._q("SELECT COUNT(*) AS n FROM conflicts")[0]["n"]

    def _side(self, side) -> dict:
        """One side of a conflict: an event or claim id, or an object carrying a span; shown as text + source."""
        if isinstance(side, str):
            ref = self.event(side) or self.claim(side)
            if ref and "sources" in ref:
                s = ref["sources"][0]
                return {"id": side, "label": ref["summary"], "date": ref["date"], "article": s["article"],
                        "start": s["start"], "end": s["end"], "text": s["text"], "outlet": s["outlet"]}
            if ref:
                return {"id": side, "label": ref["speaker_text"] or "", "date": ref["published"],
                        "article": ref["article"], "start": ref["start"], "end": ref["end"], "text": ref["text"],
                        "outlet": ref["outlet"]}
            return {"id": side, "text": side}
        if isinstance(side, dict):
            out = {k: side.get(k) for k in ("id", "date", "article", "start", "end", "text", "outlet")}
            ref = side.get("event") or side.get("claim") or side.get("ref")
            if ref and not out.get("text"):
                return {**self._side(ref), **{k: v for k, v in out.items() if v is not None}}
            src = side.get("sources") or []
            if src and isinstance(src[0], dict) and not out.get("text"):
                out.update({k: src[0].get(k) for k in ("article", "start", "end", "text")})
            out["label"] = side.get("summary") or side.get("label") or side.get("value")
            return out
        return {"text": json.dumps(side)}

    def _conflict(self, c: dict) -> dict:
        pair = None
        for a, b in (("a", "b"), ("left", "right"), ("earlier", "later"), ("first", "second"), ("old", "new")):
            if a in c and b in c:
                pair = [c[a], c[b]]
                break
        if pair is None:
            for key in ("items", "pair", "sides", "events", "claims", "sources"):
                if isinstance(c.get(key), list) and len(c[key]) >= 2:
                    pair = c[key][:2]
                    break
        return {"id": c.get("id"), "kind": c.get("kind") or c.get("type") or "conflict", "story": c.get("story"),
                "note": c.get("note") or c.get("reason") or c.get("detail"),
                "sides": [self._side(s) for s in pair] if pair else []}

    # -- search ------------------------------------------------------------------------------------------------
    def search(self, q: str, kind: str | None = None, limit: int = 20, offset: int = 0) -> list[dict]:
        """Best matches first. Each hit's snippet costs a pass over its whole text (an article's body), most of a
        search's time on a large build, so answers come a page at a time."""
        match = fts_query(q)
        if not match:
            return []
        sql = ("SELECT kind, ref, title, snippet(search, 3, char(2), char(3), '…', 16) AS snippet, bm25(search) AS score "
               "FROM search WHERE search MATCH ?" + (" AND kind = ?" if kind else "") + " ORDER BY rank LIMIT ? OFFSET ?")
        args = (match, kind, limit, offset) if kind else (match, limit, offset)
        try:
            hits = self._q(sql, args)
        except sqlite3.OperationalError:
            return []
        for h in hits:
            table = {"event": "events", "claim": "claims"}.get(h["kind"])
            row = self._q(f"SELECT story FROM {table} WHERE id = ?", (h["ref"],)) if table else []
            h["story"] = row[0]["story"] if row else None
        return hits


def fts_query(q: str) -> str:
    """User words as FTS5 string literals (AND-ed), so that quotes or operators in the input cannot break the query;
    the last word also matches as a prefix, which helps while typing."""
    words = re.findall(r"\w+", q or "")
    if not words:
        return ""
    parts = ['"' + w.replace('"', '""') + '"' for w in words]
    parts[-1] += "*"
    return " ".join(parts)


class Live:
    """The build in a directory as it is now: ``get()`` returns the Store of the current generation, the same
    object for every request until a new build is published (one generation per request, never a mix)."""

    def __init__(self, out_dir: str | Path):
        self.out = Path(out_dir)
        self._store = Store(self.out)
        self._lock = threading.Lock()

    def get(self) -> Store:
        gen = outdir.generation(self.out)
        st = self._store
        if st.dir != gen:
            with self._lock:
                if self._store.dir != gen:
                    self._store = Store(self.out)
                st = self._store
        return st
