"""Pronoun coreference: storyline's rules (coref.py) against the nearest-preceding-name baseline, in one run.

Two sets:
  * bench/data/coref/texts.txt -- short stories written for this benchmark, every he/she/his/her marked with the
    person it stands for ([=Full Name]) or with [=] (an unnamed person, or two readings: any link is wrong);
  * the real labelled Timeline17 articles (helpers' bench/data/real, format in their protocol), when present: each
    claim whose speaker is written as "he"/"she" and labelled with a cluster; the text is read from shared/.
A link is right when the entity it gives holds the gold person (by name, or on the real set by a mention overlapping a
gold mention of the labelled cluster). Precision = right links / links made; recall = right links / gold pronouns
that have a named antecedent. Run:

    PYTHONPATH=src python bench/coref_bench.py [--shared /work/shared] [--real DIR ...] [--errors]
"""
from __future__ import annotations

import argparse
import json
import os
import re
from pathlib import Path

from storyline import coref, nlp, profile
from storyline.model import Article
from storyline.resolve import norm_name, resolve

ROOT = Path(__file__).resolve().parents[1]
TEXTS = ROOT / "bench" / "data" / "coref" / "texts.txt"
PRONOUNS = set(profile.PRONOUN_GENDER)


def load_written() -> list[tuple[str, list[tuple[int, int, str | None]]]]:
    stories = []
    raw = "\n".join(line for line in TEXTS.read_text(encoding="utf-8").splitlines() if not line.startswith("#"))
    for block in re.split(r"\n\s*\n", raw.strip()):
        text, gold, pos = "", [], 0
        for hit in re.finditer(r"(\w+)\[=([^\]]*)\]", block):
            text += block[pos:hit.start()] + hit.group(1)
            gold.append((len(text) - len(hit.group(1)), len(text), hit.group(2).strip() or None))
            pos = hit.end()
        text += block[pos:]
        unmarked = [w for w in re.findall(r"\b\w+\b", re.sub(r"\w+\[=[^\]]*\]", "", block)) if w.lower() in PRONOUNS]
        assert not unmarked, f"unmarked pronouns {unmarked} in: {block[:60]}"
        stories.append((" ".join(text.split()) if "\n" not in text else text, gold))
    return stories


def analyse(texts: dict[str, str]):
    arts = [Article(k, k, t) for k, t in texts.items()]
    ms, cues = [], []
    for a, doc in zip(arts, nlp.parse(a.text for a in arts)):
        m = nlp.mentions(a, doc, nlp.sentences(a, doc))
        ms += m
        cues += profile.cues(a, doc, m)
    ents = resolve(ms, texts=texts, cues=cues)
    links = coref.link(ms, cues, {e.id: e.roles for e in ents})
    system = {(m.article, m.start): m.entity for m in links}
    people = sorted((m.article, m.start, m.end, m.entity) for m in ms if m.entity and m.label == "PERSON"
                    and not m.inferred)

    def nearest(art: str, pos: int):
        before = [e for a, s, en, e in people if a == art and en <= pos]
        return before[-1] if before else None
    return ents, ms, system, nearest


def score(items, name: str, errors: bool) -> dict:
    out = {}
    for system in ("storyline", "nearest name"):
        made = right = gold_n = 0
        for it in items:
            guess = it[system]
            gold_n += it["gold"] is not None
            if guess is None:
                continue
            made += 1
            ok = it["gold"] is not None and it["check"](guess)
            right += ok
            if errors and not ok and system == "storyline":
                print(f"  wrong [{name}] {it['where']}: gold {it['gold']}")
        p = right / made if made else 0.0
        r = right / gold_n if gold_n else 0.0
        out[system] = (p, r, 2 * p * r / (p + r) if p + r else 0.0, made, right, gold_n)
    return out


def written_items():
    stories = load_written()
    texts = {f"s{i:02d}": t for i, (t, _) in enumerate(stories)}
    ents, _ms, system, nearest = analyse(texts)
    by_id = {e.id: e for e in ents}
    items = []
    for i, (t, gold) in enumerate(stories):
        art = f"s{i:02d}"
        for s, e, g in gold:
            def check(eid, g=g):
                ent = by_id.get(eid)
                return ent is not None and any(norm_name(a, "PERSON") == norm_name(g, "PERSON")
                                               for a in list(ent.aliases) + [ent.name])
            items.append({"gold": g, "storyline": system.get((art, s)), "nearest name": nearest(art, s),
                          "check": check, "where": f"{art} '{t[max(0, s - 40):e]}'"})
    return items


def real_items(dirs: list[Path], shared: Path):
    t17 = shared / "datasets" / "t17"
    labels = [json.loads(p.read_text(encoding="utf-8")) for d in dirs if d.is_dir() for p in sorted(d.glob("*.json"))]
    labels = [x for x in labels if any((c.get("speaker_text") or "").lower() in PRONOUNS and c.get("speaker_cluster")
                                       for c in x.get("claims", []))]
    texts = {}
    for x in labels:
        f = t17 / x["path"]
        if f.is_file():
            texts[x["path"]] = f.read_text(encoding="utf-8")
    if not texts:
        return []
    _ents, ms, system, nearest = analyse(texts)
    items = []
    for x in labels:
        if x["path"] not in texts:
            continue
        for c in x["claims"]:
            if (c.get("speaker_text") or "").lower() not in PRONOUNS or c.get("speaker_start") is None:
                continue
            gold_spans = [(m["start"], m["end"]) for m in x["mentions"] if m.get("cluster") == c["speaker_cluster"]]

            def check(eid, art=x["path"], spans=gold_spans):
                return any(m.entity == eid and any(m.start < e and s < m.end for s, e in spans)
                           for m in ms if m.article == art)
            items.append({"gold": c["speaker_cluster"], "storyline": system.get((x["path"], c["speaker_start"])),
                          "nearest name": nearest(x["path"], c["speaker_start"]), "check": check,
                          "where": f"{x['path']} @{c['speaker_start']}"})
    return items


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.environ.get("STORYLINE_SHARED", ROOT.parent / "shared"))
    ap.add_argument("--real", nargs="*", default=["/work/wt-labels-a/bench/data/real",
                                                  "/work/wt-labels-b/bench/data/real", str(ROOT / "bench/data/real")])
    ap.add_argument("--errors", action="store_true")
    args = ap.parse_args()
    print("| set | system | P | R | F1 | links | right | gold |\n|---|---|---|---|---|---|---|---|")
    sets = [("written stories", written_items())]
    real = real_items([Path(d) for d in args.real], Path(args.shared))
    if real:
        sets.append(("real T17 pronoun speakers", real))
    else:
        print("(real labelled set: no pronoun speakers found or shared/ absent; skipped)")
    for name, items in sets:
        for system, (p, r, f, made, right, gold_n) in score(items, name, args.errors).items():
            print(f"| {name} | {system} | {p:.3f} | {r:.3f} | {f:.3f} | {made} | {right} | {gold_n} |")


if __name__ == "__main__":
    main()
