"""storyline: turn a pile of messy news articles into a sourced account.

A small API for scripts and notebooks::

    import storyline
    result = storyline.build(["examples/demo"])              # or build_records([...]) or load("out/demo")
    for story in storyline.iter_stories(result):
        print(story.title, story.date_range)
        for entry in storyline.timeline_of(result, story.id, dates=8, lines=1):
            ln = entry["lines"][0]
            print(entry["date"], ln["date_basis"], ln["text"], ln["article"], ln["start"], ln["end"])

``build``/``build_records``/``load`` return a :class:`storyline.pipeline.Result` whose ``articles``,
``entities``, ``events``, ``claims`` and ``stories`` are the dataclasses of :mod:`storyline.model`; every event
source and claim carries (article id, start, end) into ``result.article(id).text``.

The functions are ``iter_*`` and ``timeline_of`` because ``storyline.events``, ``storyline.claims``,
``storyline.stories`` and ``storyline.timeline`` are the pipeline's modules. Importing this package is cheap:
spaCy loads on the first build, not on import.
"""
from __future__ import annotations

import json
import os
from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

__version__ = "0.1.0"

if TYPE_CHECKING:  # pragma: no cover
    from .model import Claim, Entity, Event, Story
    from .pipeline import Result

__all__ = ["build", "build_records", "load", "iter_stories", "iter_events", "iter_claims", "iter_entities", "timeline_of",
           "pick_timeline", "Result", "__version__"]


def __getattr__(name: str):
    # Result lives with the pipeline, which imports spaCy; load it only when asked for.
    if name == "Result":
        from .pipeline import Result
        return Result
    raise AttributeError(f"module 'storyline' has no attribute {name!r}")


def build(paths: Iterable[str | os.PathLike], out_dir: str | os.PathLike | None = None, **hooks) -> "Result":
    """Build from files and directories (text, HTML, JSON/JSONL, WARC, gzip); write outputs into ``out_dir`` when
    given (storyline.json, timeline.md, storyline.db). ``hooks``: ``on_file``, ``on_article`` callbacks."""
    from .pipeline import build as _build
    return _build(paths, out_dir, **hooks)


def build_records(records: Iterable[dict], out_dir: str | os.PathLike | None = None, name: str = "records") -> "Result":
    """Build from in-memory article records: dicts with ``text`` (or ``html``) and optionally ``id``, ``title``,
    ``date`` (YYYY-MM-DD...), ``url``, ``source`` -- the same fields a JSON input file may carry."""
    from .ingest import ingest_raw
    from .ingest.html import extract_html
    from .ingest.readers import record_to_doc
    from .pipeline import analyse
    raws = []
    for n, rec in enumerate(records):
        if not isinstance(rec, dict):
            raise TypeError(f"record {n}: expected a dict, got {type(rec).__name__}")
        rid = rec.get("id", n)
        raw = record_to_doc(rec, f"{name}:{n}", f"{name}#{rid}")
        raws.append(extract_html(raw) if raw.html is not None and not raw.skip else raw)
    result = analyse(ingest_raw(raws))
    if out_dir is not None:
        from .output import write_all
        write_all(result, out_dir)
    return result


def load(out_dir: str | os.PathLike) -> "Result":
    """Read a build back from ``out_dir/storyline.json`` into the same dataclasses ``build`` returns
    (mentions and time expressions are not part of the JSON and come back empty; conflicts come back as the
    JSON's dicts)."""
    from .model import Article, Claim, Dropped, Entity, Event, Source, Story
    from .pipeline import Result
    path = Path(out_dir) / "storyline.json"
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no storyline.json (run `storyline build PATH... --out {out_dir}`)")
    data = json.loads(path.read_text("utf-8"))

    def make(cls, d: dict, **over):
        names = {f.name for f in fields(cls)}
        return cls(**{**{k: v for k, v in d.items() if k in names}, **over})

    arts = [make(Article, a, dropped=[Dropped(**x) for x in a.get("dropped", [])]) for a in data["articles"]]
    ents = [make(Entity, e, aliases=e.get("alias_counts") or {k: 1 for k in e["aliases"]}) for e in data["entities"]]
    evs = [make(Event, e, sources=[Source(**s) for s in e["sources"]]) for e in data["events"]]
    return Result(arts, ents, evs, [make(Claim, c) for c in data["claims"]], [make(Story, s) for s in data["stories"]],
                  conflicts=data.get("conflicts", []))


def iter_stories(result: "Result") -> Iterator["Story"]:
    """Stories, largest first."""
    yield from sorted(result.stories, key=lambda s: -len(s.articles))


def iter_events(result: "Result", story: str | None = None) -> Iterator["Event"]:
    """Events (of one story when given), in date order; undated last."""
    for e in sorted(result.events, key=lambda e: (e.date is None, e.date or "", e.id)):
        if story is None or e.story == story:
            yield e


def iter_claims(result: "Result", story: str | None = None, speaker: str | None = None, stance: str | None = None,
           anonymous: bool | None = None) -> Iterator["Claim"]:
    """Claims, filtered by story id, speaker entity id, stance, or anonymity."""
    for c in result.claims:
        if ((story is None or c.story == story) and (speaker is None or c.speaker == speaker)
                and (stance is None or c.stance == stance) and (anonymous is None or c.anonymous == anonymous)):
            yield c


def iter_entities(result: "Result", type: str | None = None) -> Iterator["Entity"]:
    """Entities (person, organization, place, other), most mentioned first."""
    for e in sorted(result.entities, key=lambda e: (-e.mention_count, e.name)):
        if type is None or e.type == type:
            yield e


def timeline_of(result: "Result", story: str | None = None, dates: int | None = None, lines: int | None = None
                ) -> list[dict]:
    """A story's timeline (the largest story when None), as timeline.md, the web app and the exports show it and as
    ``storyline eval tls`` scores it: ``dates`` dates (a default sized to the story when None), each
    ``{"date", "rank", "lines"}`` with up to ``lines`` sentences; every line has ``text``, ``article``/``start``/
    ``end``, ``date_basis`` ("stated" or "reported"), ``independent_sources`` and its corroborating ``sources``.

    A fresh build recomputes it from its per-article reading at any length; a loaded one truncates the stored one
    (up to 30 dates of 3 lines)."""
    from .timeline import shown, story_timeline
    if story is None:
        top = next(iter_stories(result), None)
        story = top.id if top else None
    st = next((s for s in result.stories if s.id == story), None)
    if st is None:
        return []
    if getattr(result, "reading", None):
        return shown(story_timeline(st, result.articles, result.reading, dates, lines), dates, lines)
    return shown(st.timeline, dates, lines)


def pick_timeline(rows: list[dict], length: int) -> list[dict]:
    """The selection behind :func:`timeline_of`, over dicts with date, modality, type, sources, independent_sources
    (the web API uses it on rows from the store)."""
    if length < 1:
        raise ValueError("length must be at least 1")
    hedged = {"asserted": 0, "reported": 1, "planned": 2, "denied": 2, "alleged": 3}
    ranked = sorted((r for r in rows if r["date"]), key=lambda r: (
        -r["independent_sources"], -len(r["sources"]), r["type"] == "other", hedged.get(r["modality"], 4),
        r["date"], r["id"]))
    picked, dates, taken = [], set(), set()
    for r in ranked:                      # first pass: one per date
        if len(picked) < length and r["date"] not in dates:
            picked.append(r)
            dates.add(r["date"])
            taken.add(r["id"])
    for r in ranked:                      # then fill with the next best, if dates ran out
        if len(picked) >= length:
            break
        if r["id"] not in taken:
            picked.append(r)
            taken.add(r["id"])
    return sorted(picked, key=lambda r: (r["date"], r["id"]))
