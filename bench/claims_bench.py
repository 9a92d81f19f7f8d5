"""Claims and modality benchmark: storyline against textacy's direct-quotation extractor, in one run.

Gold: bench/data/claims_gold.jsonl (see bench/data/README_claims.md). Each item's text is analysed the way
``pipeline.analyse`` analyses an article (spaCy parse, sentences, mentions, time expressions), then:

* attribution: a predicted claim matches a gold claim when their speaker spans overlap (or both have no speaker)
  and their content spans overlap (outer spans). Matching is one-to-one, greedy in text order.
* anonymity and stance: per label, a true positive is a matched pair where both sides carry the label; every other
  predicted claim with the label is a false positive and every other gold claim with it a false negative (so
  attribution errors count against every label).
* modality: the modality storyline gives to each gold event trigger (accuracy, and per-label P/R/F1), plus the
  trigger recall of the event extractor.
* the peer, textacy.extract.triples.direct_quotations, is scored on the gold direct quotes only, with the same
  matching rule; storyline's direct-quote attribution is scored on the same subset beside it.

* fairness: textacy gives up on a text with an odd number of quote marks, so both systems are also scored on the
  items textacy can handle.
* stance accuracy: the share of matched claims whose stance is right (so it does not count attribution twice).

Gold sets: the in-sample claims_gold.jsonl (the cues were written after it) and the held-out claims_heldout.jsonl
(written before the stance rewrite, never tuned on).

Run: PYTHONPATH=src python bench/claims_bench.py [--gold bench/data/claims_heldout.jsonl] [--show-errors]
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from storyline import claims as claims_mod
from storyline import events as events_mod
from storyline import nlp, timex
from storyline.model import Article

GOLD = Path(__file__).parent / "data" / "claims_gold.jsonl"
STANCES = ["asserts", "alleges", "denies", "rejects", "confirms", "declines_comment"]
MODALITIES = ["asserted", "reported", "alleged", "denied", "planned", "hypothetical", "questioned", "negated"]


def overlap(a0, a1, b0, b1) -> bool:
    return a0 < b1 and b0 < a1


def match(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    pairs, used = [], set()
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if pi in used:
                continue
            if g["speaker_start"] is None:
                sp_ok = p["speaker_start"] is None
            else:
                sp_ok = p["speaker_start"] is not None and overlap(g["speaker_start"], g["speaker_end"],
                                                                   p["speaker_start"], p["speaker_end"])
            if sp_ok and overlap(g["content_start"], g["content_end"], p["content_start"], p["content_end"]):
                pairs.append((gi, pi))
                used.add(pi)
                break
    return pairs


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


class Tally:
    def __init__(self):
        self.c: dict[str, Counter] = {}

    def add(self, label: str, tp=0, fp=0, fn=0):
        c = self.c.setdefault(label, Counter())
        c["tp"] += tp
        c["fp"] += fp
        c["fn"] += fn

    def row(self, label: str):
        c = self.c.get(label, Counter())
        return (c["tp"] + c["fn"], *prf(c["tp"], c["fp"], c["fn"]))


def storyline_claims(item_id: str, text: str, doc) -> tuple[list[dict], list]:
    art = Article(item_id, "bench", text=text)
    sents = nlp.sentences(art, doc)
    ments = nlp.mentions(art, doc, sents)
    raw = claims_mod.extract(item_id, doc, sents, ments)
    preds = [{"speaker_start": r.speaker_start if r.speaker_start >= 0 else None,
              "speaker_end": r.speaker_end if r.speaker_start >= 0 else None,
              "content_start": r.content_start, "content_end": r.content_end, "kind": r.kind,
              "anonymous": r.anonymous, "stance": r.stance, "speaker": r.speaker_text} for r in raw]
    tx = timex.find(text, None)
    evs = events_mod.extract(item_id, doc, sents, ments, tx)
    return preds, evs


def textacy_quotes(doc) -> list[dict] | None:
    """textacy's quotes, or None where it gives up (an odd number of quote marks)."""
    from textacy.extract.triples import direct_quotations
    try:
        triples = list(direct_quotations(doc))
    except ValueError:
        return None
    out = []
    for t in triples:
        sp, ct = t.speaker, t.content
        out.append({"speaker_start": sp[0].idx, "speaker_end": sp[-1].idx + len(sp[-1]),
                    "content_start": ct[0].idx, "content_end": ct[-1].idx + len(ct[-1])})
    return out


def main(show_errors: bool = False, gold_path: Path = GOLD) -> dict:
    items = [json.loads(line) for line in Path(gold_path).read_text("utf-8").splitlines() if line.strip()]
    docs = list(nlp.parse(it["text"] for it in items))
    attr, anon, stance, mod_t = Tally(), Tally(), Tally(), Tally()
    dq_story, dq_peer = Tally(), Tally()
    fair_story, fair_peer = Tally(), Tally()
    stance_ok = anon_ok = n_matched = 0
    mod_ok = mod_n = trig_found = 0
    confusion: Counter = Counter()
    for it, doc in zip(items, docs):
        gold = it["claims"]
        pred, evs = storyline_claims(it["id"], it["text"], doc)
        pairs = match(gold, pred)
        attr.add("attribution", tp=len(pairs), fp=len(pred) - len(pairs), fn=len(gold) - len(pairs))
        matched_g = {g: p for g, p in pairs}
        matched_p = {p for _, p in pairs}
        n_matched += len(pairs)
        stance_ok += sum(gold[g]["stance"] == pred[p]["stance"] for g, p in pairs)
        anon_ok += sum(gold[g]["anonymous"] == pred[p]["anonymous"] for g, p in pairs)
        for lab_of, tally, labels in ((lambda c: "anonymous" if c["anonymous"] else "named", anon,
                                       ["anonymous", "named"]),
                                      (lambda c: c["stance"], stance, STANCES)):
            for lab in labels:
                tp = sum(1 for g, p in pairs if lab_of(gold[g]) == lab and lab_of(pred[p]) == lab)
                tally.add(lab, tp=tp, fp=sum(1 for p in pred if lab_of(p) == lab) - tp,
                          fn=sum(1 for g in gold if lab_of(g) == lab) - tp)
        if show_errors:
            for gi, g in enumerate(gold):
                p = pred[matched_g[gi]] if gi in matched_g else None
                if p is None:
                    print(f"MISS {it['id']} speaker={g['speaker']!r} {g['kind']} {g['stance']}", file=sys.stderr)
                elif (p["stance"], p["anonymous"]) != (g["stance"], g["anonymous"]):
                    print(f"LABEL {it['id']} {g['speaker']!r} gold={g['stance']},{g['anonymous']} "
                          f"pred={p['stance']},{p['anonymous']}", file=sys.stderr)
            for pi, p in enumerate(pred):
                if pi not in matched_p:
                    print(f"EXTRA {it['id']} speaker={p['speaker']!r} "
                          f"content={it['text'][p['content_start']:p['content_end']][:60]!r}", file=sys.stderr)
        # Direct quotes only: storyline beside the peer.
        gd = [c for c in gold if c["kind"] == "direct"]
        peer = textacy_quotes(doc)
        mine = [p for p in pred if p["kind"] == "direct"]
        for tally, pr in ((dq_story, mine), (dq_peer, peer or [])) + \
                (((fair_story, mine), (fair_peer, peer)) if peer is not None else ()):
            n = len(match(gd, pr))
            tally.add("direct", tp=n, fp=len(pr) - n, fn=len(gd) - n)
        # Modality on the gold triggers.
        by_tok = {e.trigger_i: e for e in evs}
        for ge in it["events"]:
            span = doc.char_span(ge["trigger_start"], ge["trigger_end"], alignment_mode="expand")
            tok = span.root if span is not None else None
            if tok is None:
                continue
            if tok.i in by_tok:
                trig_found += 1
            got = events_mod.modality(tok)[0]
            mod_n += 1
            mod_ok += got == ge["modality"]
            confusion[(ge["modality"], got)] += 1
            for lab in MODALITIES:
                mod_t.add(lab, tp=int(got == lab == ge["modality"]), fp=int(got == lab != ge["modality"]),
                          fn=int(ge["modality"] == lab != got))
            if show_errors and got != ge["modality"]:
                print(f"MOD {it['id']} {ge['trigger']!r} gold={ge['modality']} got={got}", file=sys.stderr)
    rows = [("attribution (all claims)", "storyline", *attr.row("attribution")),
            ("direct-quote attribution", "storyline", *dq_story.row("direct")),
            ("direct-quote attribution", "textacy 0.13 direct_quotations", *dq_peer.row("direct")),
            ("direct quotes, items textacy handles", "storyline", *fair_story.row("direct")),
            ("direct quotes, items textacy handles", "textacy 0.13 direct_quotations", *fair_peer.row("direct"))]
    rows += [(f"anonymity: {lab}", "storyline", *anon.row(lab)) for lab in ("anonymous", "named")]
    rows += [(f"stance: {lab}", "storyline", *stance.row(lab)) for lab in STANCES]
    rows += [(f"modality: {lab}", "storyline", *mod_t.row(lab)) for lab in MODALITIES]
    print("| label | system | gold n | P | R | F1 |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for label, system, n, p, r, f in rows:
        print(f"| {label} | {system} | {n} | {p:.3f} | {r:.3f} | {f:.3f} |")
    acc = mod_ok / mod_n if mod_n else 0.0
    st_acc = stance_ok / n_matched if n_matched else 0.0
    print(f"\nstance accuracy on {n_matched} matched claims: {st_acc:.3f}; "
          f"anonymity accuracy: {anon_ok / max(n_matched, 1):.3f}")
    print(f"\nmodality accuracy on {mod_n} gold triggers: {acc:.3f}")
    print(f"event trigger recall of the extractor: {trig_found}/{mod_n} = {trig_found / max(mod_n, 1):.3f}")
    if show_errors:
        print("modality confusion (gold, got):", confusion.most_common(12), file=sys.stderr)
    return {"attribution_f1": attr.row("attribution")[3], "peer_f1": dq_peer.row("direct")[3],
            "modality_accuracy": acc, "stance_accuracy": st_acc, "fair_f1": fair_story.row("direct")[3],
            "fair_peer_f1": fair_peer.row("direct")[3]}


if __name__ == "__main__":
    args = sys.argv[1:]
    main(show_errors="--show-errors" in args,
         gold_path=Path(args[args.index("--gold") + 1]) if "--gold" in args else GOLD)
