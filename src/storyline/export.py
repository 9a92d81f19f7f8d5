"""Exports of a build for other tools: Markdown, CSV tables, one offline HTML file, TimelineJS JSON, plain JSON.

All read DIR/storyline.json (the contract), so an export never needs the pipeline or spaCy.
"""
from __future__ import annotations

import csv
import io
import json
from datetime import date
from html import escape
from pathlib import Path

from .timeline import attribution, reported_on, said_by_of, shown, speaker_label

FORMATS = ("md", "csv", "html", "timelinejs", "json")
DEFAULT_NAME = {"md": "report.md", "csv": "csv", "html": "storyline.html", "timelinejs": "timelinejs.json",
                "json": "export.json"}


class ExportError(Exception):
    pass


def load(out_dir: str | Path) -> dict:
    from .outdir import generation
    # One generation (see outdir.py): the file is opened once, after the link is resolved.
    path = generation(out_dir, "storyline.json") / "storyline.json"
    if not path.is_file():
        path = Path(out_dir) / "storyline.json"
        raise ExportError(f"{path}: not found (build first: `storyline build PATH... --out {out_dir}`)")
    try:
        data = json.loads(path.read_text("utf-8"))
    except ValueError as e:
        raise ExportError(f"{path}: invalid JSON ({e})") from None
    from .output import validate
    try:
        validate(data)
    except Exception as e:  # jsonschema.ValidationError: name the field that breaks the contract
        raise ExportError(f"{path}: does not match the storyline schema: {getattr(e, 'message', e)}") from None
    return data


def export(out_dir: str | Path, fmt: str, out: str | Path | None = None) -> Path:
    """Write the export of the build in ``out_dir`` in format ``fmt``; return the path written (a folder for csv)."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    data = load(out_dir)
    target = Path(out) if out else Path(out_dir) / DEFAULT_NAME[fmt]
    if fmt == "csv":
        target.mkdir(parents=True, exist_ok=True)
        for name, text in csv_tables(data).items():
            (target / f"{name}.csv").write_text(text, encoding="utf-8", newline="")
        return target
    text = {"md": markdown, "html": html, "timelinejs": lambda d: json.dumps(timelinejs(d), ensure_ascii=False,
                                                                             indent=1),
            "json": lambda d: json.dumps(d, ensure_ascii=False, indent=1)}[fmt](data)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def markdown(data: dict) -> str:
    from .output import markdown as md
    return md(data)


# -- CSV -------------------------------------------------------------------------------------------------------
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def _cell(v):
    """Article text is untrusted: a cell that starts like a formula (after any blanks a spreadsheet would skip;
    fullwidth signs too) would run in a spreadsheet (CSV injection), so it gets a leading quote and stays text."""
    if isinstance(v, str) and v.lstrip(" \n\x0b\x0c")[:1] in FORMULA_START:
        return "'" + v
    return v


def _csv(header: list[str], rows) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(header)
    w.writerows([[_cell(v) for v in r] for r in rows])
    return buf.getvalue()


def csv_tables(data: dict) -> dict[str, str]:
    """Five tables (the story timelines as shown, events, entities, claims, articles); lists inside a cell are joined with '; ', source spans as ARTICLE:START-END."""
    ents = {e["id"]: e["name"] for e in data["entities"]}
    stories = {s["id"]: s["title"] for s in data["stories"]}
    said_by = said_by_of(data)
    return {
        "timeline": _csv(["story", "story_title", "date", "date_basis", "reported_on", "rank", "text",
                          "independent_sources", "sources"],
                         [[st["id"], st["title"], x["date"], ln["date_basis"], ln.get("reported_on") or "", x["rank"],
                           ln["text"],
                           ln["independent_sources"],
                           "; ".join(f"{c['article']}:{c['start']}-{c['end']}" for c in ln["sources"])]
                          for st in data["stories"] for x in shown(st.get("timeline") or {}) for ln in x["lines"]]),
        "events": _csv(["id", "date", "date_basis", "date_bound", "story", "story_title", "type", "modality",
                        "attribution", "summary", "actors", "actor_ids", "independent_sources", "sources",
                        "source_text"],
                       [[e["id"], e["date"] or "", e.get("date_basis") or "", e.get("date_bound") or "",
                         e["story"] or "", stories.get(e["story"], ""), e["type"],
                         e["modality"], attribution(e, said_by), e["summary"],
                         "; ".join(ents.get(a, a) for a in e["actors"]),
                         "; ".join(e["actors"]), e.get("independent_sources", ""),
                         "; ".join(f"{s['article']}:{s['start']}-{s['end']}" for s in e["sources"]),
                         " | ".join(s["text"] for s in e["sources"])] for e in data["events"]]),
        "entities": _csv(["id", "name", "type", "mention_count", "aliases", "roles"],
                         [[e["id"], e["name"], e["type"], e["mention_count"], "; ".join(e["aliases"]),
                           "; ".join(e.get("roles", []))] for e in data["entities"]]),
        "claims": _csv(["id", "story", "speaker", "speaker_name", "speaker_text", "anonymous", "stance", "kind",
                        "text", "article", "start", "end"],
                       [[c["id"], c.get("story") or "", c["speaker"] or "", ents.get(c["speaker"], ""),
                         c["speaker_text"] or "", int(c["anonymous"]), c["stance"], c.get("kind", ""), c["text"],
                         c["article"], c["start"], c["end"]] for c in data["claims"]]),
        "articles": _csv(["id", "title", "outlet", "published", "published_from", "url", "language", "status",
                          "reason", "duplicate_of", "source_path", "chars"],
                         [[a["id"], a["title"] or "", a["outlet"] or "", a["published"] or "", a["published_from"],
                           a.get("url") or "", a["language"] or "", a["status"], a["reason"] or "",
                           a.get("duplicate_of") or "", a["source_path"], len(a["text"])] for a in data["articles"]]),
    }


# -- TimelineJS ------------------------------------------------------------------------------------------------
def _tl_date(d: str) -> dict:
    parts = [int(x) for x in d.split("-")]
    return dict(zip(("year", "month", "day"), parts))


def timelinejs(data: dict, story: str | None = None) -> dict:
    """TimelineJS JSON (timeline.knightlab.com/docs/json-format.html): one slide per date of each story's summary
    timeline (as timeline.md and the web app show it), grouped by story; a date known only as the day of the report
    reads "reported ...". TimelineJS renders ``text`` as HTML, so every piece of article text is escaped here."""
    arts = {a["id"]: a for a in data["articles"]}
    titles = {s["id"]: s["title"] for s in data["stories"]}
    slides = []
    for st in data["stories"]:
        if story and st["id"] != story:
            continue
        for x in shown(st.get("timeline") or {}):
            items = []
            for ln in x["lines"]:
                cites = ", ".join(f"{escape(arts.get(c['article'], {}).get('outlet') or c['article'])} "
                                  f"[{escape(c['article'])} {c['start']}-{c['end']}]" for c in ln["sources"][:5])
                items.append(f"<li>&ldquo;{escape(ln['text'])}&rdquo; &mdash; {ln['independent_sources']} "
                             f"independent source(s): {cites}</li>")
            reported = all(ln["date_basis"] == "reported" for ln in x["lines"])
            slide = {"start_date": _tl_date(x["date"]), "unique_id": f"{st['id']}-{x['date']}",
                     "text": {"headline": escape(x["lines"][0]["text"]), "text": f"<ul>{''.join(items)}</ul>"},
                     "group": titles[st["id"]]}
            if reported:    # the report's own day: a lead may be filed under the day before it came out
                slide["display_date"] = "reported " + ", ".join(sorted({reported_on(ln, x) for ln in x["lines"]}))
            slides.append(slide)
    slides.sort(key=lambda s: (tuple(s["start_date"].get(k, 0) for k in ("year", "month", "day")), s["unique_id"]))
    head = titles.get(story) if story else "storyline"
    n = len({s.get("group") for s in slides})
    return {"title": {"text": {"headline": escape(head or "storyline"),
                               "text": f"<p>{len(slides)} dates from {n} stor{'y' if n == 1 else 'ies'}; "
                                       f"each with its source sentences.</p>"}},
            "events": slides}


# -- one self-contained HTML file ------------------------------------------------------------------------------
def html(data: dict) -> str:
    """Stories, timelines with their source sentences, claims, cast and every article's text, with inline CSS and
    no JavaScript or external resource: the file opens offline in any browser. Rendered with autoescape on."""
    import jinja2
    from importlib import resources
    web = resources.files("storyline.web")
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(web.joinpath("templates"))), autoescape=True)
    arts = {a["id"]: a for a in data["articles"]}
    ents = {e["id"]: e for e in data["entities"]}
    evs = {e["id"]: e for e in data["events"]}
    stories = []
    for s in sorted(data["stories"], key=lambda s: -len(s["articles"])):
        days: dict[str, list] = {}
        for eid in s["events"]:
            if eid in evs:
                days.setdefault(evs[eid]["date"] or "undated", []).append(evs[eid])
        order = sorted(days, key=lambda d: (d == "undated", d))
        stories.append({"s": s, "days": [(d, days[d]) for d in order], "summary": shown(s.get("timeline") or {}),
                        "claims": [c for c in data["claims"] if c.get("story") == s["id"]]})
    segs, anchor = _segments(data)
    names = {e["id"]: e["name"] for e in data["entities"]}
    said_by = said_by_of(data)
    return env.get_template("export.html").render(
        who=lambda c: speaker_label(c, names), whose=lambda e: attribution(e, said_by), stories=stories, arts=arts, ents=ents, data=data, segs=segs, anchor=anchor, css=web.joinpath("static", "app.css").read_text("utf-8"),
        made=date.today().isoformat())


def _segments(data: dict) -> tuple[dict[str, list], dict[tuple, str]]:
    """Each article's text cut at the cited spans (overlapping spans merged), so that the offline file can link a
    source sentence to its place in the article without JavaScript. Returns (segments per article, anchor of a span)."""
    spans: dict[str, set] = {}
    for e in data["events"]:
        for s in e["sources"]:
            spans.setdefault(s["article"], set()).add((s["start"], s["end"]))
    for st in data["stories"]:
        for x in (st.get("timeline") or {}).get("entries", []):
            for ln in x["lines"]:
                for s in ln["sources"]:
                    spans.setdefault(s["article"], set()).add((s["start"], s["end"]))
    for c in data["claims"]:
        spans.setdefault(c["article"], set()).add((c["start"], c["end"]))
    segs, anchor = {}, {}
    for a in data["articles"]:
        text, merged = a["text"], []
        for st, en in sorted(spans.get(a["id"], ())):
            if merged and st < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], en)
                merged[-1][2].append((st, en))
            else:
                merged.append([st, en, [(st, en)]])
        out, pos = [], 0
        for st, en, members in merged:
            mid = f"{a['id']}-{st}"
            out.append((text[pos:st], None))
            out.append((text[st:en], mid))
            for m in members:
                anchor[(a["id"], *m)] = mid
            pos = en
        out.append((text[pos:], None))
        segs[a["id"]] = out
    return segs, anchor
