"""`storyline build --update DIR PATH...`: add new articles to an existing build, and say what is new.

The previous build is read back with ``storyline.load`` (its articles, with their cleaned text) and its stored
per-article analyses (cache.py). New articles are ingested, near-copies are linked again over old and new together,
only articles without a cached analysis are analysed, and every corpus stage (resolution, stories, merged events,
conflicts) runs again over all of them: the result is that of a full build over every article given so far.

Known difference from a full build: ingest learns each outlet's recurring boilerplate lines from the pages it reads
together; an update reads the new pages apart from the old ones, so a line that recurs only across the two batches
is not learnt (see docs/scale.md).
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Callable

from .model import Article

LANG_NOTE = re.compile(r"(?:; )?language '[^']*': not analysed$")


def fresh_state(a: Article) -> Article:
    """Undo what linking and analysis wrote on an article of the previous build, so that they can be redone over
    the grown corpus: near-copy links, the language note, an analysis failure (tried again)."""
    if a.reason:
        a.reason = LANG_NOTE.sub("", a.reason) or None
    if a.status == "duplicate":
        a.status, a.duplicate_of, a.reason = "ingested", None, None
    elif a.status == "skipped" and (a.reason or "").startswith("analysis failed"):
        a.status, a.reason = "ingested", None
    return a


def merge_articles(old: list[Article], new: list[Article]) -> list[Article]:
    """Old articles then new ones; an article given again (same id) takes its new version."""
    from .ingest import _link_duplicates
    by_id = {a.id: a for a in new}
    out = [by_id.pop(a.id, None) or fresh_state(a) for a in old]
    out += [a for a in new if a.id in by_id]
    for a in out:
        if a.status == "duplicate":
            fresh_state(a)
    _link_duplicates(out)
    return out


def update(out_dir, new_articles: list[Article], on_article: Callable | None = None,
           on_total: Callable[[int], None] | None = None, **engine):
    """Add ``new_articles`` to the build in ``out_dir``; write the build and the digest. Returns (result, paths)."""
    import storyline
    from .output import write_all
    from .pipeline import analyse
    prev = storyline.load(out_dir)
    before = prev.to_dict()
    articles = merge_articles(prev.articles, new_articles)
    result = analyse(articles, on_article=on_article, on_total=on_total, cache_dir=out_dir, **engine)
    digest = whats_new(before, result.to_dict())
    result.whats_new = digest
    written = write_all(result, out_dir, extra={"whats_new.json": json.dumps(digest, ensure_ascii=False, indent=1),
                                                "whats_new.md": digest_markdown(digest)})
    return result, written


def _src(s: dict) -> tuple:
    return (s["article"], s["start"], s["end"])


def whats_new(before: dict, after: dict) -> dict:
    """What the update brought, story by story. Ids of merged events and stories can change when members join, so
    things are matched by content: a story by the articles it shares with an old story, an event by its source
    sentences, a cast member by its names, a conflict by the two spans it opposes."""
    old_arts = {a["id"] for a in before["articles"] if a["status"] != "skipped"}
    new_arts = sorted(a["id"] for a in after["articles"] if a["status"] != "skipped" and a["id"] not in old_arts)
    old_src: dict[tuple, int] = {}
    for e in before["events"]:
        for s in e["sources"]:
            old_src[_src(s)] = max(old_src.get(_src(s), 0), e["independent_sources"])
    old_names = {n.lower() for e in before["entities"] for n in [e["name"], *e["aliases"]]}
    old_conf = {(c["kind"], _src(c["a"]), _src(c["b"])) for c in before.get("conflicts", [])}
    ents = {e["id"]: e for e in after["entities"]}
    stories = []
    for s in after["stories"]:
        known = [a for a in s["articles"] if a in old_arts]
        evs = [e for e in after["events"] if e["story"] == s["id"]]
        new_ev, corroborated = [], []
        for e in evs:
            seen = [old_src[_src(x)] for x in e["sources"] if _src(x) in old_src]
            if not seen:
                new_ev.append(_ev(e))
            elif e["independent_sources"] > max(seen):
                corroborated.append({**_ev(e), "independent_sources_before": max(seen)})
        conf = [c for c in after.get("conflicts", []) if c["story"] == s["id"]
                and (c["kind"], _src(c["a"]), _src(c["b"])) not in old_conf]
        cast = [ents[x]["name"] for x in s["entities"] if x in ents and
                not ({ents[x]["name"].lower(), *(n.lower() for n in ents[x]["aliases"])} & old_names)]
        added = [a for a in s["articles"] if a not in old_arts]
        if not (added or new_ev or corroborated or conf or cast):
            continue
        stories.append({"story": s["id"], "title": s["title"], "new_story": not known, "new_articles": added,
                        "new_events": new_ev, "newly_corroborated": corroborated,
                        "new_conflicts": [{"kind": c["kind"], "what": c["what"], "from": c["a"]["value"],
                                           "to": c["b"]["value"], "a": _src(c["a"]), "b": _src(c["b"])}
                                          for c in conf],
                        "new_cast": cast})
    return {"new_articles": new_arts, "new_stories": [x["story"] for x in stories if x["new_story"]],
            "stories": stories}


def _ev(e: dict) -> dict:
    return {"event": e["id"], "date": e["date"], "summary": e["summary"],
            "independent_sources": e["independent_sources"]}


def digest_markdown(d: dict) -> str:
    from .output import _md
    lines = ["# What's new", "", f"{len(d['new_articles'])} new articles, {len(d['new_stories'])} new stories.", ""]
    for s in d["stories"]:
        lines += [f"## {_md(s['title'])}" + (" (new story)" if s["new_story"] else ""), "",
                  f"{len(s['new_articles'])} new articles.", ""]
        for e in s["new_events"]:
            lines.append(f"- new event **{e['date'] or 'undated'}**: {_md(e['summary'])}")
        for e in s["newly_corroborated"]:
            lines.append(f"- now {e['independent_sources']} independent sources (was "
                         f"{e['independent_sources_before']}): {_md(e['summary'])}")
        for c in s["new_conflicts"]:
            lines.append(f"- new {c['kind']} ({_md(c['what'])}): {_md(c['from'])} → {_md(c['to'])}")
        if s["new_cast"]:
            lines.append("- new in the cast: " + ", ".join(_md(n) for n in s["new_cast"]))
        lines.append("")
    return "\n".join(lines)


def read_digest(out_dir) -> dict | None:
    """The digest of the last update in ``out_dir``, or None after a full build."""
    p = Path(out_dir) / "whats_new.json"
    try:
        return json.loads(p.read_text("utf-8"))
    except (OSError, ValueError):
        return None
