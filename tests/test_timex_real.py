"""Time expressions on real-news forms: the year of a month or day from evidence (the parse's tense, "since",
"until", a scene-setting year), clock times with zones, and the real-text gold files are valid. Sentences written
for these tests; the benchmark on real articles is bench/timex_real_bench.py."""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from storyline import dating, nlp, timex

GOLD = Path(__file__).resolve().parents[1] / "bench" / "data" / "timex_real"


@pytest.fixture(scope="module")
def parse():
    return nlp.get_nlp()


def parsed(parse, text, pub):
    return {t.text: (t.value, t.how) for t in timex.find(text, date.fromisoformat(pub),
                                                         future_of=dating.future_of(parse(text)))}


@pytest.mark.parametrize("text,pub,expr,value", [
    # a future clause about a thing the date belongs to: split evidence, the nearer reading
    ("The chief will testify at a congressional hearing on June 17 that will focus on safety.", "2010-06-08",
     "June 17", "2010-06-17"),
    ("The foreman, who was on the rig at the time of its explosion, on 20 April, will not testify.", "2010-07-20",
     "20 April", "2010-04-20"),
    # "since" above the expression, however deep: past
    ("The president will travel there on Friday for the second time since the April 20 rig blast.", "2010-05-26",
     "April 20", "2010-04-20"),
    # a past-tense verb: past, even with "would" in the reported clause
    ("On June 19, the company said it would not pay a dividend.", "2010-06-25", "June 19", "2010-06-19"),
    # future-in-the-past: the nearer reading
    ("The agency said it expected to reach 60,000 people on Sunday.", "2010-01-18", "Sunday", "2010-01-17"),
    # "through" with no past verb: the coming date
    ("The bill pays for the troops through September 30.", "2009-06-24", "September 30", "2009-09-30"),
    # "until" after a past verb stays past
    ("They did not find out until mid-July.", "2010-12-23", "July", "2010-07"),
])
def test_year_from_the_evidence(parse, text, pub, expr, value):
    got = parsed(parse, text, pub)
    assert got[expr][0] == value, got


def test_split_evidence_says_so(parse):
    # The date belongs to the explosion, the subject; the future verb says when it is studied, not when it blew.
    got = parsed(parse, "The explosion on June 17 will be studied by the committee.", "2010-06-08")
    assert "nearest reading" in got["June 17"][1]
    # A noun in the verb's own prepositional phrase is where the time hangs, not a thing it dates: the verb decides.
    got = parsed(parse, "The chief will testify at a congressional hearing on June 17 that will focus on safety.",
                 "2010-06-08")
    assert got["June 17"] == ("2010-06-17", "anchored on the publication date 2010-06-08 (future tense)")


def test_a_day_a_year_off_under_a_past_verb_is_the_near_one(parse):
    got = parsed(parse, "He testified at a hearing on June 17.", "2010-06-08")
    assert got["June 17"][0] == "2010-06-17" and "356 days" in got["June 17"][1]


def test_scene_setting_year_carries_through_a_past_narrative():
    got = {t.text: t.value for t in timex.find(
        "In 1918, there was a first wave of mild flu in April. It then seemed to disappear during the summer but "
        "came back severely in August.", date(2009, 4, 29))}
    assert (got["April"], got["the summer"], got["August"]) == ("1918-04", "1918-SU", "1918-08")
    # a year that qualifies a thing does not set the scene
    got = {t.text: t.value for t in timex.find(
        "Miles driven fell below 2004 levels. The cartel has cut output three times since September.",
        date(2009, 2, 20))}
    assert got["September"] == "2008-09"


@pytest.mark.parametrize("text,expr,value", [
    ("It was confirmed at 00:36 am on Tuesday.", "00:36 am", "2025-05-13T00:36"),
    ("The well was shut at 1830 GMT on 12 May.", "1830 GMT", "2025-05-12T18:30"),
    ("Wednesday 14 May 2025 17.00 BST The chief executive stepped aside.", "17.00 BST", "2025-05-14T17:00"),
])
def test_clock_times(text, expr, value):
    got = {t.text: t.value for t in timex.find(text, date(2025, 5, 16))}
    assert got[expr] == value, got
    assert "1830" not in got and "2025" not in {v for v in got.values() if v == "1830"}


def test_a_local_time_before_its_gmt_in_brackets_is_no_year():
    # a dense Haiti slice dated the tremor "1653" ("The tremor hit at 1653 (2153 GMT)")
    for text in ("The tremor hit at 1653 (2153 GMT) on Tuesday, south-west of the capital.",
                 "The tremor hit at 1653 -LRB- 2153 GMT -RRB- on Tuesday."):
        got = {t.text: (t.type, t.value) for t in timex.find(text, date(2025, 5, 16))}
        assert got["1653"][0] == "TIME" and got["2153 GMT"][0] == "TIME", got
    got = {t.text: t.value for t in timex.find("The bridge was built in 1653 (rebuilt 1820).", date(2025, 5, 16))}
    assert got["1653"] == "1653"


@pytest.mark.parametrize("text,absent,present", [
    ("Prices fell over the past few days.", "the past", None),
    ("ExxonMobil said it spent $50 million over three years on research.", "three years on", None),
    ("Talk of Father Christmas filled the room.", "Christmas", None),
    ("HOUSTON, Dec 8 (Reuters) - The company said.", None, ("Dec 8", "2025-12-08")),
    ("A cap was placed on the well after last week's explosion.", None, ("last week", "2025-W19")),
    ("I received a flu shot last Nov. and it helped.", None, ("last Nov.", "2024-11")),
    ("He was approached in the early 2000s by the actor's agents.", None, ("the early 2000s", "200X")),
])
def test_forms(text, absent, present):
    got = {t.text: t.value for t in timex.find(text, date(2025, 12, 9) if "Dec 8" in text else date(2025, 5, 16))}
    if absent:
        assert absent not in got, got
    if present:
        assert present in got.items(), got


def _gold_names() -> list[str]:
    return sorted((p.stem.removeprefix("gold_") for p in GOLD.glob("gold_*.jsonl")), key=lambda n: (len(n), n))


def test_gold_files_are_valid():
    cal = re.compile(r"^(\d{2,4}|\d{4}-(?:\d\d|W\d\d|SP|SU|FA|WI|Q\d|H\d)(?:-\d\d|-WE)?)(?:T(?:\d\d:\d\d|MO|AF|EV|NI))?$")
    counts = {}
    names = _gold_names()
    assert names[:3] == ["A", "B", "C"] and len(names) >= 26, names
    for name in names:
        rows = [json.loads(x) for x in (GOLD / f"gold_{name}.jsonl").read_text("utf-8").splitlines() if x.strip()]
        seen = set()
        for r in rows:
            assert set(r) >= {"path", "start", "end", "text", "type", "value", "note"}, r
            assert re.fullmatch(r"[\w-]+_\w+/InputDocs/\d{4}-\d\d-\d\d/\d+\.htm\.txt", r["path"]), r
            assert 0 <= r["start"] < r["end"] and r["end"] - r["start"] == len(r["text"]), r
            assert r["type"] in ("DATE", "TIME", "VAGUE", "NONE"), r
            assert (r["value"] is not None) == (r["type"] in ("DATE", "TIME")), r
            if r["value"]:
                assert cal.match(r["value"]), r
            key = (r["path"], r["start"], r["end"])
            assert key not in seen, r
            seen.add(key)
        counts[name] = (sum(r["type"] in ("DATE", "TIME") for r in rows), {r["path"] for r in rows})
    assert counts["A"][0] >= 300 and counts["B"][0] >= 150 and counts["C"][0] >= 300
    for i, x in enumerate(names):
        for y in names[i + 1:]:
            assert not counts[x][1] & counts[y][1], f"sets {x} and {y} share articles: each set's articles are its own"


def test_gold_offsets_point_at_the_raw_text():
    t17 = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "t17"
    if not t17.is_dir():
        pytest.skip(f"Timeline17 articles not found at {t17}")
    for name in _gold_names():
        for line in (GOLD / f"gold_{name}.jsonl").read_text("utf-8").splitlines():
            r = json.loads(line)
            raw = (t17 / r["path"]).read_text(encoding="utf-8", errors="replace")
            assert raw[r["start"]:r["end"]] == r["text"], r


def test_a_count_after_an_event_with_its_date_is_a_date_and_leaves_the_event_its_own():
    from datetime import date
    from storyline import timex
    got = [(t.text, t.type, t.value) for t in timex.find(
        "Oil has leaked since the Kalmar Star platform sank, two days after the initial explosion on 9 March.",
        date(2031, 4, 2))]
    assert ("two days after", "DATE", "2031-03-11") in got and ("9 March", "DATE", "2031-03-09") in got
    got = [(t.text, t.type, t.value) for t in timex.find("The vote came three weeks before the summit on 12 June 2031.",
                                                         date(2031, 7, 1))]
    assert ("three weeks before", "DATE", "2031-05-22") in got
    # A period ("for two days after"), an idiom ("after all") and a count across sentences stay durations.
    for text in ("He stayed for two days after the vote on May 3.", "The talks lasted two days after all, on Monday.",
                 "It took two days. After that, on May 3, the road opened."):
        kinds = {t.text: t.type for t in timex.find(text, date(2031, 7, 1))}
        assert kinds.get("two days") == "DURATION", (text, kinds)
