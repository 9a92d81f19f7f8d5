"""The public Python API: build from paths or records, load a build, iterate, timeline of a story with a length."""
from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import DEMO


def test_import_is_light():
    # The API must be usable without paying for spaCy until a build runs.
    code = "import sys, storyline; print('spacy' in sys.modules, storyline.__version__)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out[0] == "False" and out[1]


def test_documented():
    import storyline
    for name in storyline.__all__:
        obj = getattr(storyline, name)
        assert name == "__version__" or obj.__doc__, name


def test_pick_timeline_spreads_over_dates():
    from storyline import pick_timeline
    rows = [{"id": f"e{i}", "date": d, "modality": "asserted", "type": "x", "sources": [1] * n,
             "independent_sources": n} for i, (d, n) in enumerate(
        [("2025-01-01", 3), ("2025-01-01", 3), ("2025-01-02", 1), ("2025-02", 2), (None, 9)])]
    got = pick_timeline(rows, 3)
    assert [r["id"] for r in got] == ["e0", "e2", "e3"]          # one per date first, chronological, undated out
    assert [r["id"] for r in pick_timeline(rows, 4)] == ["e0", "e1", "e2", "e3"]
    with pytest.raises(ValueError):
        pick_timeline(rows, 0)


@pytest.mark.slow
def test_load_round_trip_and_iterators(demo_build):
    import storyline
    result, data, out = demo_build
    back = storyline.load(out)
    assert [e.id for e in back.events] == [e.id for e in result.events]
    assert len(back.claims) == len(result.claims) and len(back.stories) == len(result.stories)
    top = next(storyline.iter_stories(back))
    assert top.id == max(data["stories"], key=lambda s: len(s["articles"]))["id"]
    evs = list(storyline.iter_events(back, story=top.id))
    assert {e.story for e in evs} == {top.id} and len(evs) == len(top.events)
    dated = [e.date for e in evs if e.date]
    assert dated == sorted(dated)
    people = list(storyline.iter_entities(back, type="person"))
    assert people and all(p.type == "person" for p in people)
    anon = list(storyline.iter_claims(back, anonymous=True))
    assert len(anon) == sum(c["anonymous"] for c in data["claims"])
    tl = storyline.timeline_of(back, top.id, dates=3, lines=1)
    assert len(tl) == 3 and [x["date"] for x in tl] == sorted(x["date"] for x in tl)
    for x in tl:                                         # every line traceable to its sentence
        assert len(x["lines"]) == 1
        ln = x["lines"][0]
        assert back.article(ln["article"]).text[ln["start"]:ln["end"]] == ln["text"]
        assert ln["date_basis"] in ("stated", "reported") and ln["independent_sources"] >= 1
    # The fresh build recomputes, the loaded one truncates what was stored: the same timeline.
    assert storyline.timeline_of(result, top.id, dates=3, lines=1) == tl


def test_load_missing_dir(tmp_path):
    import storyline
    with pytest.raises(FileNotFoundError, match="storyline.json"):
        storyline.load(tmp_path)


@pytest.mark.slow
def test_build_records(tmp_path):
    import storyline
    text = (DEMO / "northern-wire-2025-05-20-warrant-request.txt").read_text()
    recs = [{"id": "r1", "title": "Warrant request", "date": "2025-05-20", "source": "Wire", "text": text},
            {"id": "r2", "title": "empty"}]
    result = storyline.build_records(recs, out_dir=tmp_path)
    st = {a.status for a in result.articles}
    assert st == {"ingested", "skipped"} and (tmp_path / "storyline.json").exists()
    art = next(a for a in result.articles if a.status == "ingested")
    assert art.published == "2025-05-20" and art.outlet == "Wire"
    assert result.events and all(s.article == art.id for e in result.events for s in e.sources)
    with pytest.raises(TypeError, match="record 0"):
        storyline.build_records(["not a dict"])
