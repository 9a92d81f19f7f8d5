"""Seeded pick of a real-article label set (issue 13): clusters of three Timeline17 articles of 250-900 words a few
days apart, in no earlier label set (real-article or time-expression), on days no earlier real set used (per topic,
within one day).

    python bench/real_pick.py [--seed 20261207] [--t17 ../shared/datasets/t17]

Set L was drawn with the defaults (the bpoil, H1N1, haiti and EgyptianProtest clusters; the Finan one was left out
to keep twelve articles, as in sets J and K). It reads only file names, word counts and the label files' paths.
"""
from __future__ import annotations

import argparse
import datetime as dt
import glob
import json
import os
import random
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# (topic, outlets wanted in the cluster (1: any), days the cluster may span)
PLAN = [("bpoil", 3, 2), ("H1N1", 3, 2), ("haiti", 1, 3), ("EgyptianProtest", 1, 2), ("Finan", 1, 3)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=20261207)
    ap.add_argument("--t17", default=str(ROOT.parent / "shared" / "datasets" / "t17"))
    args = ap.parse_args()
    t17 = args.t17
    used, used_days = set(), defaultdict(set)
    for f in glob.glob(str(ROOT / "bench/data/real*/*.json")):
        p = json.load(open(f))["path"]
        used.add(p)
        folder, _, day = p.split("/")[:3]
        used_days[folder.split("_")[0]].add(dt.date.fromisoformat(day))
    for f in glob.glob(str(ROOT / "bench/data/timex_real/gold_*.jsonl")):
        used.update(json.loads(line)["path"] for line in open(f))

    def fits(path: str) -> bool:
        return 250 <= len(open(os.path.join(t17, path), encoding="utf-8").read().split()) <= 900 and path not in used

    def near(topic: str, day: dt.date) -> bool:
        return any(abs((day - d).days) <= 1 for d in used_days[topic])

    arts = defaultdict(list)
    for folder in sorted(os.listdir(t17)):
        for p in sorted(glob.glob(f"{t17}/{folder}/InputDocs/*/*.txt")):
            rel = os.path.relpath(p, t17)
            arts[folder.split("_")[0]].append((dt.date.fromisoformat(rel.split("/")[2]), folder, rel))
    rng = random.Random(args.seed)
    for topic, outlets, span in PLAN:
        cand = [a for a in arts[topic] if not near(topic, a[0])]
        rng.shuffle(cand)
        for day, folder, rel in cand:
            if not fits(rel):
                continue
            pool = [a for a in arts[topic] if 0 <= (a[0] - day).days <= span and not near(topic, a[0]) and
                    fits(a[2]) and a[2] != rel]
            rng.shuffle(pool)
            got = [(day, folder, rel)]
            for a in pool:
                if len(got) == 3:
                    break
                if outlets == 1 or a[1] not in {g[1] for g in got}:
                    got.append(a)
            if len(got) == 3:
                for g in got:
                    print(topic, g[0], g[2])
                break


if __name__ == "__main__":
    main()
