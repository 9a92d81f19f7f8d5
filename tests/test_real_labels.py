"""The real-article labels (issue 13) and their benchmark: label files always valid; offsets checked against the
Timeline17 text when the workspace's shared/ folder is there; the benchmark runs end to end on three articles."""
from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest

from conftest import T17

BENCH = Path(__file__).resolve().parents[1] / "bench"
LABELS = BENCH / "data" / "real"
# Sets D and F (held-out) and E (development): pairs may point into the first set, so all are checked together.
ALL_SETS = [LABELS, BENCH / "data" / "real_d", BENCH / "data" / "real_e", BENCH / "data" / "real_f",
            BENCH / "data" / "real_g", BENCH / "data" / "real_h", BENCH / "data" / "real_i",
            BENCH / "data" / "real_j", BENCH / "data" / "real_k"]


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


check = _load("real_check")
bench = _load("real_bench")


def test_label_files_follow_the_schema():
    n, errs = check.check_dirs(ALL_SETS, None)
    assert n >= 86
    assert errs == []


def test_label_offsets_match_the_article_text():
    if not T17.is_dir():
        pytest.skip(f"Timeline17 not found at {T17} (it lives in the workspace's shared/ folder)")
    n, errs = check.check_dirs(ALL_SETS, T17)
    assert n >= 72 and errs == []


def test_checker_catches_a_bad_stance(tmp_path):
    src = sorted(LABELS.glob("*.json"))[0]
    text = src.read_text("utf-8").replace('"stance": "asserts"', '"stance": "claims"', 1)
    bad = tmp_path / src.name
    bad.write_text(text, "utf-8")
    errs = check.check_file(bad, None)
    assert any("stance" in e for e in errs)


def test_checker_takes_pass_provenance_but_no_other_unknown_field(tmp_path):
    src = LABELS / "H1N1_guardian__2009-05-26__1128.htm.json"
    d = json.loads(src.read_text("utf-8"))
    assert any("added" in e for e in d["events"]) and any("added" in p for p in d["pairs"])
    assert check.check_file(src, None) == []
    d["pairs"][-1]["source"] = "x"
    bad = tmp_path / src.name
    bad.write_text(json.dumps(d), "utf-8")
    assert any("unknown field 'source'" in e for e in check.check_file(bad, None))


def test_checker_catches_a_pair_side_that_names_no_happening(tmp_path):
    src = LABELS / "H1N1_bbc__2009-06-24__749.htm.json"
    d = json.loads(src.read_text("utf-8"))
    d["pairs"].append({"kind": "update", "a": "h1n1:2009-06-15:no-such-happening", "b": "0", "note": "x"})
    (tmp_path / src.name).write_text(json.dumps(d), "utf-8")
    _, errs = check.check_dirs([tmp_path], None)
    assert any("no-such-happening" in e and "happening of no event" in e for e in errs)


def test_cross_article_pairs_point_from_an_earlier_article_to_a_later_one():
    files = {f.name: json.loads(f.read_text("utf-8")) for f in LABELS.glob("*.json")}
    date = {name: name.split("__")[1] for name in files}
    when: dict[str, str] = {}       # a happening is first reported on the earliest date any article gives it
    for name, d in sorted(files.items(), key=lambda kv: date[kv[0]], reverse=True):
        when.update({e["happening"]: date[name] for e in d["events"] if e["happening"]})
    n = 0
    for name, d in files.items():
        for p in d["pairs"]:
            if "added" not in p or p["kind"] != "update":
                continue
            sides = [date[v.split("#")[0]] if "#" in v else date[name] if v.isdigit() else when[v]
                     for v in (p["a"], p["b"])]
            assert sides[0] <= sides[1] <= date[name], (name, p)
            n += 1
    assert n >= 20


def test_alignment_survives_detokenising_and_a_dropped_paragraph():
    raw = ("Share this story\nThe minister , Jon Vidar , said `` the bridge -LRB- the old one -RRB- is safe . ''\n"
           "He left on Tuesday .\n")
    story = 'The minister, Jon Vidar, said "the bridge (the old one) is safe."\n\nHe left on Tuesday.'
    al = bench.Aligner(raw, [("a1", story)])
    s = raw.index("Jon Vidar")
    assert al.span(s, s + len("Jon Vidar")) == ("a1", story.index("Jon Vidar"), story.index("Jon Vidar") + 9)
    q0, q1 = raw.index("the bridge"), raw.index("safe") + 4
    aid, a, b = al.span(q0, q1)
    assert story[a:b] == "the bridge (the old one) is safe"
    assert al.span(0, len("Share this story")) is None       # dropped by cleaning: not carried over


def test_b3_penalises_a_merge_and_a_split():
    assert bench.b3([("x", "A"), ("x", "A"), ("y", "B")])["F1"] == 1.0
    merged = bench.b3([("x", "A"), ("x", "B")])
    split = bench.b3([("x", "A"), ("y", "A")])
    assert merged["P"] == 0.5 and merged["R"] == 1.0
    assert split["P"] == 1.0 and split["R"] == 0.5


@pytest.mark.slow
def test_benchmark_runs_on_three_articles(tmp_path):
    if not T17.is_dir():
        pytest.skip(f"Timeline17 not found at {T17} (it lives in the workspace's shared/ folder)")
    for name in ("EgyptianProtest_cnn__2011-02-03__20.htm.json", "H1N1_reuters__2009-05-17__867.htm.json",
                 "bpoil_bbc__2010-10-25__1678.htm.json"):
        shutil.copy(LABELS / name, tmp_path / name)
    labels = bench.load_labels([tmp_path])
    figs, errors = bench.run(labels, T17)
    assert figs["articles"] == 3
    # Alignment must carry nearly every gold mention over; a broken alignment would score everything as missed.
    assert figs["mentions"]["gold_dropped_by_cleaning"] < 0.2 * figs["mentions"]["gold"]
    for part in ("cast", "key_events"):
        assert 0.0 <= figs[part]["P"] <= 1.0 and 0.0 <= figs[part]["R"] <= 1.0
    assert figs["claims"]["gold_claims"] == 31
    assert "| cast entries" in bench.table(figs)


def test_merging_scores_the_events_told_in_the_gold_clause_not_every_event_of_its_sentence():
    rb = _load("real_bench")
    # Offsets into one made-up sentence, "The dam failed on Monday and shares in the utility fell on Tuesday.": the
    # failure is told at 0-24 (trigger "failed" at 8), the fall at 29-66 (trigger "fell" at 54).
    clauses = {"a": [("ev-failure", 0, 24, "failed", 8, False), ("ev-fall", 29, 66, "fell", 54, False)]}
    failure = {"at": ("a", 0, 24), "text": "The dam failed on Monday"}
    fall = {"at": ("a", 29, 66), "text": "shares in the utility fell on Tuesday"}
    assert rb.events_at({}, failure, clauses) == {"ev-failure"}
    assert rb.events_at({}, fall, clauses) == {"ev-fall"}
    # A gold clause worded without the trigger is told by the event of the same extent only.
    slump = {"at": ("a", 29, 66), "text": "a slump in the utility's shares"}
    assert rb.events_at({}, slump, clauses) == {"ev-fall"}


def test_a_noun_phrase_naming_another_happening_inside_a_gold_clause_does_not_tell_it():
    rb = _load("real_bench")
    # "Two hundred people lost limbs in the flood, aid workers said.": the flood is a nominal event at 30-39, the
    # gold clause (0-39) tells the amputations.
    clauses = {"a": [("ev-flood", 30, 39, "flood", 34, True)]}
    limbs = {"at": ("a", 0, 39), "text": "Two hundred people lost limbs in the flood", "what": "amputations"}
    assert rb.events_at({}, limbs, clauses) == set()
    # Where the labeller's own words name it, or the noun phrase opens the clause, it does tell it.
    orphans = dict(limbs, what="children orphaned by the flood")
    assert rb.events_at({}, orphans, clauses) == {"ev-flood"}
    opens = {"a": [("ev-flood", 0, 70, "flood", 10, True)]}
    flood = {"at": ("a", 0, 30), "text": "the March flood that drowned", "what": "high water"}
    assert rb.events_at({}, flood, opens) == {"ev-flood"}
