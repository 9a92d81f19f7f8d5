"""Count summary-timeline lines of a build that look like page furniture (timestamps, datelines, comment
signatures, tweets) rather than news, and print them for reading.

    python bench/summary_furniture.py OUT_DIR [--show 40]

A pattern count, not a judgement: it also flags lines such as "CNN continues ..." (an outlet in capitals), so the
printed lines are to be read. Used to check what reaches a reader after the cleaning and line-opener rules.
"""
from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

FURNITURE = re.compile(r"\b\d{1,2}:\d{2}\s*(am|pm|AM|PM|a\.m\.|p\.m\.)|\(Reuters\)|^[A-Z]{3,}[ ,|]|\bEDT\b|\bGMT\b|"
                       r"\bUpdated\b|Posted by|Report abuse|wrote:|RETWEET")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--show", type=int, default=40)
    a = ap.parse_args(argv)
    data = json.loads((a.out_dir / "storyline.json").read_text("utf-8"))
    lines = [(x["date"], ln["text"]) for s in data["stories"] for x in (s.get("timeline") or {}).get("entries", [])
             for ln in x["lines"]]
    flagged = [(d, t) for d, t in lines if FURNITURE.search(t)]
    print(f"{len(flagged)} of {len(lines)} summary lines match the furniture pattern")
    for d, t in flagged[:a.show]:
        print(f"  {d}  {t[:140]}")


if __name__ == "__main__":
    main()
