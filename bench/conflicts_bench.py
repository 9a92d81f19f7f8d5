"""Conflict pairs benchmark: allegation-denial pairing on a small hand-written dev set.

Each item of bench/data/conflicts_dev.jsonl is one story: its cast (entities with aliases), its claims (speaker
entity, stance, content, article, the article's date) and the gold allegation-denial pairs. The claims are given,
not extracted, so the figure measures the pairing rule alone (same story, the denier is the one accused, same kind of
act); extraction is scored by claims_bench.py. Written for this project, fictional names; a dev set (the rule was
written beside it), not a held-out figure.

Run: PYTHONPATH=src python bench/conflicts_bench.py [--show]
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from storyline import conflicts
from storyline.model import Article, Claim, Entity

DEV = Path(__file__).parent / "data" / "conflicts_dev.jsonl"


def run(item: dict) -> set[tuple[str, str]]:
    ents = [Entity(e["id"], e["name"], "person", aliases={a: 1 for a in e["aliases"]}) for e in item["entities"]]
    arts = {c["article"]: Article(c["article"], c["article"], published=c["published"]) for c in item["claims"]}
    cls = [Claim(c["id"], c["speaker"], c["speaker"], False, c["stance"], c["content"], c["article"], 0,
                 len(c["content"]), story="s", content=c["content"]) for c in item["claims"]]
    got = conflicts.find([], cls, list(arts.values()), ents)
    return {(x["a"]["ref"], x["b"]["ref"]) for x in got if x["kind"] == "denial"}


def main(show: bool = False) -> dict:
    tp = fp = fn = 0
    for line in DEV.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        gold = {tuple(p) for p in item["pairs"]}
        got = run(item)
        tp += len(got & gold)
        fp += len(got - gold)
        fn += len(gold - got)
        if show and got != gold:
            print(f"{item['id']}: extra {sorted(got - gold)} missed {sorted(gold - got)}", file=sys.stderr)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    print(f"allegation-denial pairs: gold {tp + fn}, found {tp + fp}; precision {p:.3f}, recall {r:.3f}")
    return {"precision": p, "recall": r}


if __name__ == "__main__":
    main(show="--show" in sys.argv)
