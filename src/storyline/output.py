"""Write a build's outputs: storyline.json (the contract), timeline.md (the readable report), storyline.db."""
from __future__ import annotations

import functools
import json
from dataclasses import asdict
from importlib import resources
from pathlib import Path

from . import store
from .timeline import attribution, date_label, reported_on, said_by_of, shown, speaker_label


@functools.lru_cache(maxsize=1)
def schema() -> dict:
    return json.loads(resources.files("storyline.schema").joinpath("storyline.schema.json").read_text("utf-8"))


def validate(data: dict) -> None:
    """Raise jsonschema.ValidationError when ``data`` breaks the output contract."""
    import jsonschema
    jsonschema.validate(data, schema())


def write_all(result, out_dir, extra: dict[str, str] | None = None) -> dict[str, Path]:
    """Write every output into a new generation of ``out_dir`` and publish them together (see outdir.py).

    ``extra``: more text files to publish with the build, by name (the update digest whats_new.*).
    Returns OUT/<name> by kind. A failure or a kill before the publish leaves the previous build in place."""
    from . import outdir
    out = Path(out_dir)
    data = result.to_dict()
    validate(data)
    with outdir.lock(out):
        gen = outdir.new_generation(out)
        try:
            (gen / "storyline.json").write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
            (gen / "timeline.md").write_text(markdown(data), encoding="utf-8")
            for name, text in (extra or {}).items():
                (gen / name).write_text(text, encoding="utf-8")
            store.write({**data, "mentions": [asdict(m) for m in result.mentions],
                         "analysis": getattr(result, "analysis_rows", []),
                         "whats_new": getattr(result, "whats_new", None)}, gen / "storyline.db")
            outdir.publish(out, gen)
        except BaseException:
            outdir.discard(gen)
            raise
    return {"json": out / "storyline.json", "markdown": out / "timeline.md", "db": out / "storyline.db",
            **{name: out / name for name in (extra or {})}}


def _md(text: str | None) -> str:
    """Article text is untrusted: escape what Markdown or an HTML renderer would interpret."""
    if text is None:
        return ""
    t = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for ch in "\\`*_[]#|":
        t = t.replace(ch, "\\" + ch)
    return t.replace("\n", " ")


def _event_line(e: dict, arts: dict, said_by=lambda s: None) -> str:
    cites = "; ".join(f"{_md(_outlet(arts[x['article']]))} [{x['article']} {x['start']}-{x['end']}]"
                      for x in e["sources"])
    whose = attribution(e, said_by)
    badge = f" *({_md(whose)})*" if whose else ""
    return (f"- **{date_label(e)}** · {e['type']}{badge}: {_md(e['summary'])} "
            f"— {e['independent_sources']} independent source(s): {cites}")


def _outlet(a: dict) -> str:
    """A short name for a citation: the outlet, else the start of the title (a full headline buries the line)."""
    if a["outlet"]:
        return a["outlet"]
    t = a["title"] or a["id"]
    return t if len(t) <= 48 else t[:47].rsplit(" ", 1)[0] + "…"


def published_label(a: dict) -> str:
    """An article's day as a reader should take it: the day, or where only a bound is known, the bound ("date
    unknown, not before 2024-05-01"), never a bare "date unknown" that hides what the text does pin."""
    if a.get("published"):
        return a["published"]
    bound = a.get("published_bound")
    return f"date unknown, {bound}" if bound else "date unknown"


def _story_span(s: dict, arts: dict) -> str:
    """"5 articles, 2024-11-09 to 2024-11-09" read as if all five were of that day; say how many carry no day."""
    days = [d for d in s["date_range"] if d]
    span = "undated" if not days else days[0] if len(set(days)) == 1 else " to ".join(days)
    undated = sum(1 for a in s["articles"] if a in arts and not arts[a].get("published"))
    if days and undated:
        span += f"; {undated} of them undated"
    n = len(s["articles"])
    return f"{n} article{'s' if n != 1 else ''}, {span}"


def _timeline_md(s: dict, arts: dict) -> list[str]:
    entries = shown(s.get("timeline") or {})
    if not entries:
        return []
    out = ["### Timeline", "", f"{len(entries)} dates, up to {s['timeline']['lines']} sentence(s) each, chosen from "
           "the story's articles (the timeline `storyline eval tls` scores); *reported* marks a date known only "
           "as the day of the report.", ""]
    for x in entries:
        for ln in x["lines"]:
            when = x["date"] if ln["date_basis"] == "stated" else f"reported {reported_on(ln, x)}"
            cites = "; ".join(f"{_md(_outlet(arts[c['article']]))} [{c['article']} {c['start']}-{c['end']}]"
                              for c in ln["sources"][:5])
            more = f" and {len(ln['sources']) - 5} more" if len(ln["sources"]) > 5 else ""
            out.append(f"- **{when}**: {_md(ln['text'])} — {ln['independent_sources']} independent source(s): "
                       f"{cites}{more}")
    return out + [""]


def markdown(data: dict) -> str:
    arts = {a["id"]: a for a in data["articles"]}
    ents = {e["id"]: e for e in data["entities"]}
    evs = {e["id"]: e for e in data["events"]}
    said_by = said_by_of(data)
    lines = ["# Storyline report", ""]
    live = [a for a in data["articles"] if a["status"] != "skipped"]
    lines.append(f"{len(live)} articles ({sum(a['status'] == 'duplicate' for a in live)} near-copies), "
                 f"{len(data['stories'])} stories, {len(data['events'])} events, {len(data['entities'])} entities, "
                 f"{len(data['claims'])} claims.")
    lines.append("")
    for s in data["stories"]:
        lines += [f"## {_md(s['title'])}", "", f"*{_story_span(s, arts)}*", ""]
        cast = [ents[e]["name"] for e in s["entities"] if e in ents]
        if cast:
            lines += ["Cast: " + ", ".join(_md(c) for c in cast), ""]
        lines += _timeline_md(s, arts)
        story_evs = [evs[eid] for eid in s["events"]]
        undated = [e for e in story_evs if not e["date"] and not e.get("date_bound")]
        story_evs = [e for e in story_evs if e["date"] or e.get("date_bound")]
        key = [e for e in story_evs if e.get("key", True)]
        rest = [e for e in story_evs if not e.get("key", True)]
        lines += ["### Key events", "", f"{len(key)} key events of {len(story_evs) + len(undated)}: a specific type "
                  "(or the lead's news told by named actors), a line that says who did what, not hypothetical; the rest follow under *Other events*. A date "
                  "marked *reported* is the publication date of the earliest report (on or before).", ""]
        lines += [_event_line(e, arts, said_by) for e in key]
        if undated:
            lines += ["", "### Undated events", "", "From reports without a publication date.", ""]
            lines += [_event_line(e, arts, said_by) for e in undated]
        if rest:
            lines += ["", "### Other events", "", "Generic, fragmentary or hypothetical events, kept for reference.", ""]
            lines += [_event_line(e, arts, said_by) + (f" *[{', '.join(e['weak'])}]*" if e.get("weak") else "")
                      for e in rest]
        claims = [c for c in data["claims"] if c["story"] == s["id"]]
        if claims:
            lines += ["", "### Claims", ""]
            names = {e["id"]: e["name"] for e in data["entities"]}
            for c in claims:
                who = _md(speaker_label(c, names))
                anon = " (anonymous)" if c["anonymous"] else ""
                lines.append(f"- {who}{anon} — *{c['stance']}*: “{_md(c['text'])}” [{c['article']} "
                             f"{c['start']}-{c['end']}]")
        conflicts = [x for x in data.get("conflicts", []) if x["story"] == s["id"]]
        if conflicts:
            lines += ["", "### Conflicts and updates", ""]
            for x in conflicts:
                a, b = x["a"], x["b"]
                lines.append(f"- {x['kind']} ({_md(x['what'])}): {_md(a['value'])} [{a['article']} "
                             f"{a['start']}-{a['end']}] → {_md(b['value'])} [{b['article']} {b['start']}-{b['end']}]")
        lines.append("")
    lines += ["## Cast", ""]
    for e in data["entities"][:200]:
        aliases = ", ".join(_md(a) for a in e["aliases"] if a != e["name"])
        lines.append(f"- **{_md(e['name'])}** ({e['type']}, {e['mention_count']} mentions)"
                     + (f" — also: {aliases}" if aliases else ""))
    lines += ["", "## Sources", ""]
    for a in data["articles"]:
        extra = f" — {a['status']}: {_md(a['reason'])}" if a["status"] != "ingested" or a["reason"] else ""
        lines.append(f"- `{a['id']}` {_md(a['title'])} ({_md(a['outlet']) or 'outlet unknown'}, "
                     f"{published_label(a)}) {_md(a['source_path'])}{extra}")
    return "\n".join(lines) + "\n"
