"""Exports of the demo build: each checked for what it must contain."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from html.parser import HTMLParser

import pytest

from conftest import article_for

pytestmark = pytest.mark.slow   # needs the demo build (spaCy)


def cli(*args):
    return subprocess.run([sys.executable, "-m", "storyline.cli", *args], capture_output=True, text=True, timeout=120)


def test_markdown(demo_build, tmp_path):
    _r, data, out = demo_build
    r = cli("export", str(out), "--format", "md", "--out", str(tmp_path / "r.md"), "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == {"format": "md", "path": str(tmp_path / "r.md")}
    md = (tmp_path / "r.md").read_text()
    from storyline.output import _md
    for s in data["stories"]:
        assert f"## {_md(s['title'])}" in md
    ev = data["events"][0]
    assert f"[{ev['sources'][0]['article']} {ev['sources'][0]['start']}-{ev['sources'][0]['end']}]" in md
    assert "<script>" not in md and "&lt;script&gt;" in md


def test_csv_tables(demo_build, tmp_path):
    from storyline.export import export
    _r, data, out = demo_build
    folder = export(out, "csv", tmp_path / "csv")
    tables = {p.stem: list(csv.DictReader(io.StringIO(p.read_text()))) for p in folder.glob("*.csv")}
    assert set(tables) == {"timeline", "events", "entities", "claims", "articles"}
    assert {r["date_basis"] for r in tables["events"]} <= {"stated", "reported", ""}
    shown_lines = [x for s in data["stories"] for x in s["timeline"]["entries"]]
    assert tables["timeline"] and len({(r["story"], r["date"]) for r in tables["timeline"]}) <= len(shown_lines)
    for row in tables["timeline"]:
        aid, rng = row["sources"].split("; ")[0].rsplit(":", 1)
        start, end = map(int, rng.split("-"))
        assert texts_of(data)[aid][start:end] == row["text"] and row["date_basis"] in ("stated", "reported")
    assert len(tables["events"]) == len(data["events"]) and len(tables["claims"]) == len(data["claims"])
    assert len(tables["entities"]) == len(data["entities"]) and len(tables["articles"]) == len(data["articles"])
    texts = {a["id"]: a["text"] for a in data["articles"]}
    for row in tables["events"]:
        for span in row["sources"].split("; "):
            aid, rng = span.rsplit(":", 1)
            start, end = map(int, rng.split("-"))
            assert texts[aid][start:end] in row["source_text"]
    c = tables["claims"][0]
    assert texts[c["article"]][int(c["start"]):int(c["end"])] == data["claims"][0]["text"]


def texts_of(data):
    return {a["id"]: a["text"] for a in data["articles"]}


def test_csv_neutralises_formulas():
    from storyline.export import _csv
    assert _csv(["a"], [["=HYPERLINK(\"x\")"], ["ok"]]).splitlines()[1].startswith("\"'=HYPERLINK")


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.ids, self.hrefs, self.text = [], set(), [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if "href" in a:
            self.hrefs.append(a["href"])
        if "src" in a:
            self.hrefs.append(a["src"])

    def handle_data(self, data):
        self.text.append(data)


def test_html_is_self_contained_and_escaped(demo_build, tmp_path):
    from storyline.export import export
    _r, data, out = demo_build
    page = export(out, "html", tmp_path / "s.html").read_text()
    p = _Tags()
    p.feed(page)
    assert "script" not in p.tags and "link" not in p.tags and "img" not in p.tags   # nothing to fetch, no JS
    assert "style" in p.tags
    # every in-page link lands on an element of the page; the only others point at the original articles
    inner = [h for h in p.hrefs if h.startswith("#")]
    assert inner and all(h[1:] in p.ids for h in inner)
    urls = {a.get("url") for a in data["articles"]}
    assert all(h in urls for h in p.hrefs if not h.startswith("#"))
    art = article_for(data, "marenland-today-2025-07-23-interim-report.html")[0]
    assert "<script>alert(1)</script>" in "".join(p.text)    # shown as text ...
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page    # ... because it is escaped
    for s in data["stories"]:
        assert s["id"] in p.ids
    assert art["id"] in p.ids


def test_timelinejs(demo_build, tmp_path):
    from storyline.export import export
    from storyline.timeline import shown
    _r, data, out = demo_build
    tl = json.loads(export(out, "timelinejs", tmp_path / "t.json").read_text())
    entries = [(s, x) for s in data["stories"] for x in shown(s["timeline"])]
    assert len(tl["events"]) == len(entries) and tl["title"]["text"]["headline"]
    titles = {s["title"] for s in data["stories"]}
    for slide in tl["events"]:
        d = slide["start_date"]
        assert isinstance(d["year"], int) and 1 <= d.get("month", 1) <= 12 and 1 <= d.get("day", 1) <= 31
        assert slide["text"]["headline"] and "<li>" in slide["text"]["text"]
        assert slide["group"] in {t.replace("&", "&amp;") for t in titles} | titles
        assert "<script" not in slide["text"]["text"]
    by_id = {f"{s['id']}-{x['date']}": x for s, x in entries}
    for slide in tl["events"]:
        x = by_id[slide["unique_id"]]
        reported = all(ln["date_basis"] == "reported" for ln in x["lines"])
        # The report's own day, which may be the day after the date the lead is filed under.
        days = ", ".join(sorted({ln.get("reported_on") or x["date"] for ln in x["lines"]}))
        assert (slide.get("display_date") == f"reported {days}") == reported
    keys = [tuple(s["start_date"].get(k, 0) for k in ("year", "month", "day")) for s in tl["events"]]
    assert keys == sorted(keys)


def test_json_matches_the_contract(demo_build, tmp_path):
    from storyline.export import export
    from storyline.output import validate
    _r, data, out = demo_build
    got = json.loads(export(out, "json", tmp_path / "x.json").read_text())
    validate(got)
    assert got == data


def test_errors_name_the_problem(tmp_path):
    r = cli("export", str(tmp_path), "--format", "md")
    assert r.returncode == 2 and "storyline.json" in r.stderr and "not found" in r.stderr
    (tmp_path / "storyline.json").write_text('{"schema_version": 1}')
    r = cli("export", str(tmp_path), "--format", "csv")
    assert r.returncode == 2 and "schema" in r.stderr
    r = cli("export", str(tmp_path), "--format", "pdf")
    assert r.returncode == 2 and "unknown format" in r.stderr
    r = cli("serve", str(tmp_path / "nothing"))
    assert r.returncode == 2 and "no built store" in r.stderr


def test_a_speaker_resolved_from_a_pronoun_or_a_title_is_named_beside_the_words():
    from storyline.timeline import speaker_label
    names = {"e1": "Karl Vidar", "e2": "Ministry of Health"}
    assert speaker_label({"speaker": "e1", "speaker_text": "he"}, names) == "he (Karl Vidar)"
    assert speaker_label({"speaker": "e1", "speaker_text": "The minister"}, names) == "The minister (Karl Vidar)"
    assert speaker_label({"speaker": "e1", "speaker_text": "Lawyers for Mr Vidar"}, names) == "Lawyers for Mr Vidar"
    assert speaker_label({"speaker": "e1", "speaker_text": "Vidar's office"}, names) == "Vidar's office"
    assert speaker_label({"speaker": None, "speaker_text": "a source"}, names) == "a source"
    assert speaker_label({"speaker": None, "speaker_text": None}, names) == "unattributed"


def test_the_markdown_and_html_name_who_a_pronoun_speaker_is(demo_build, tmp_path):
    from storyline import export
    _, data, out = demo_build
    names = {e["id"]: e["name"] for e in data["entities"]}
    resolved = [c for c in data["claims"] if c["speaker"] and c["speaker_text"] in ("he", "she", "He", "She")]
    assert resolved, "the demo has pronoun speakers resolved to the cast"
    md = (out / "timeline.md").read_text()
    page = export.html(data)
    for c in resolved:
        assert f"{c['speaker_text']} ({names[c['speaker']]})" in md
        assert f"{c['speaker_text']} ({names[c['speaker']]})" in page
