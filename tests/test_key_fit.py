"""bench/key_fit.py: the columns it fits are the hand rule's own terms and vetoes, and its key P/R is real_bench's.
Events and labels written here (fictional)."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from storyline.salience import KEY_SCORE, rank_fields

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))
spec = importlib.util.spec_from_file_location("key_fit", BENCH / "key_fit.py")
key_fit = importlib.util.module_from_spec(spec)
spec.loader.exec_module(key_fit)

PUB = {"a1": "2031-03-10", "a2": "2031-03-11"}


def ev(summary, tense="past", date=None, start=40, type_="disaster", modality="asserted", sources=1, art="a1",
       quoted=False, actors=("e1",), trigger=None):
    return {"summary": summary, "date": date, "date_basis": "stated" if date else None, "type": type_,
            "actors": list(actors), "modality": modality, "independent_sources": sources, "tense": tense,
            "quoted": quoted, "trigger": trigger,
            "sources": [{"article": art, "start": start, "end": start + 30, "text": summary}]}


EVENTS = [
    ev("The ferry sank off the northern cape", date="2031-03-09", sources=2),
    ev("The ferry sank off the northern cape", start=3000),
    ev("A storm may flood the harbour", tense="modal", modality="hypothetical"),
    ev("The mayor warned residents of the surge", type_="statement", trigger="warned"),
    ev("The bridge collapsed in 2004", date="2004"),
    ev("Crews recovered the ferry's bell", type_="other", actors=()),
    ev("sank", date="2031-03-09"),
    ev("The harbour office holds the records", tense="present", start=900),
    ev("The port authority closed the quay", date="2031-03", quoted=True, modality="planned"),
    ev("Crews pumped water from the hold", tense="perfect", start=3000),
]


@pytest.mark.parametrize("e", EVENTS, ids=[e["summary"][:24] for e in EVENTS])
def test_the_columns_give_back_the_hand_rule(e):
    cols = key_fit.HAND_FEATURES
    f = key_fit.hand_features(e, PUB, {})
    assert list(f) == cols
    hand = rank_fields(e, PUB)
    x = [f[c] for c in cols]
    assert key_fit.vetoed(x, cols) == bool(hand["weak"])
    weights = {"specific type": 1.5, "independent sources beyond the first": 1.0, "named actors": 0.5, "dated": 0.5,
               "to the day": 0.5, "told as done": 0.5, "in the lead": 1.0, "the report's own news": 1.0,
               "background": -2.0, "hypothetical or questioned": -1.5, "negated or denied": -1.0, "planned": -0.5,
               "alleged": -0.25, "fragment": -1.0}
    assert sum(w * f[c] for c, w in weights.items()) == pytest.approx(hand["salience"])
    assert hand["key"] == (not key_fit.vetoed(x, cols) and hand["salience"] >= KEY_SCORE)


def test_key_precision_and_recall_are_real_benchs():
    events = [dict(e, **rank_fields(e, PUB)) for e in EVENTS[:2]] + [
        dict(ev("Divers reached the wreck on Monday", art="a2", start=10), key=True)]
    data = {"articles": [{"id": a, "published": d} for a, d in PUB.items()], "events": events}
    gold = lambda s, e, k: {"start": s, "end": e, "key": k, "text": "x", "date": None, "at": None}  # noqa: E731
    labels = [{"file": "one.json", "articles": ["a1"], "events": [gold(45, 60, True), gold(3000, 3010, False)]},
              {"file": "two.json", "articles": ["a2"], "events": [gold(500, 520, True)]}]
    for lab in labels:
        for g in lab["events"]:
            g["at"] = (lab["articles"][0], g["start"], g["end"])
    s = key_fit.Set(labels, data)
    for key in ([True, True, True], [True, False, False], [False, False, True], [False] * 3):
        got = s.pr(key)
        assert {k: got[k] for k in ("P", "R", "key_sources")} == s.bench_pr(key)
    assert s.pr([True, False, True])["P"] == 0.5 and s.pr([True, False, True])["R"] == 0.5
    assert s.groups == ["one.json", "one.json", "two.json"]


def test_the_held_out_sets_are_refused():
    with pytest.raises(SystemExit):
        key_fit.build(Path("bench/data/real_f"), Path("/nonexistent"), None)
