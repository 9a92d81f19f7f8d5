"""Fit the key-event decision on one labelled real set, report it on another (issue 13).

    PYTHONPATH=src python bench/key_fit.py [--train bench/data/real] [--dev bench/data/real_e] [--cache DIR]
                                           [--write src/storyline/data/key_weights.json]

storyline runs over each set as bench/real_bench.py runs it (its loading, alignment and key-event scoring are
imported, not copied). Every extracted event becomes one row per source, with one column per score term and per
"never key" reason of salience.py (``HAND_FEATURES``), and the label real_bench's key P/R uses: the source overlaps a
gold key event of its article. A logistic regression (scikit-learn, here only) is fitted on the training set;
its penalty, its strength and the decision threshold are chosen by cross-validation inside that set, grouped by
article (an event belongs to the article of its first source), maximising the F1 of real_bench's key P/R on the
out-of-fold decisions. Two forms compete in that choice: every column a weighted term ("free"), and the hand
rule's "never key" reasons kept as vetoes with the score terms weighted ("vetoes"). The fitted rule is then
scored once on the dev set beside the hand rule (salience.KEY_SCORE over the same events).

The held-out sets (real_d, real_f) are never given to this script: their figures must predict unseen news.
"""
from __future__ import annotations

import argparse
import copy
import json
import math
import os
import pickle
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import real_bench  # noqa: E402

from storyline import salience  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
HELD_OUT = {"real_d", "real_f", "real_j", "real_k"}

# The hand rule's own terms and vetoes (kept beside the fitted weights for this comparison).
HAND_TERMS = salience.score_terms
HAND_VETOES = salience.weak_reasons


# -- the columns: salience's score terms and "never key" reasons, read off its own functions ----------------------
HAND_FEATURES = [
    # score terms (hand weight in salience.score_terms)
    "specific type", "the lead's news by named actors", "independent sources beyond the first", "named actors",
    "dated", "to the day", "told as done", "in the lead", "the report's own news", "background",
    "hypothetical or questioned", "negated or denied", "planned", "alleged", "fragment",
    # "never key" reasons without a score term (salience.weak_reasons)
    "future or modal", "describes a noun", "tried, asked or expected", "state or habit", "said, not done",
    "named in passing", "quoted",
]
# The hand rule's weight of each column (salience.score_terms; "veto": a "never key" reason of weak_reasons).
HAND_WEIGHTS = {"specific type": "+1.5 (veto at 0)", "the lead's news by named actors": "counts as a type",
                "independent sources beyond the first": "+1 each", "named actors": "+0.5 each", "dated": "+0.5",
                "to the day": "+0.5", "told as done": "+0.5", "in the lead": "+1", "the report's own news": "+1",
                "background": "-2, veto", "hypothetical or questioned": "-1.5, veto", "negated or denied": "-1",
                "planned": "-0.5", "alleged": "-0.25", "fragment": "-1, veto"}
VETO_COLUMNS = ["specific type", "background", "hypothetical or questioned", "fragment", "future or modal",
                "describes a noun", "tried, asked or expected", "state or habit", "said, not done",
                "named in passing", "quoted"]
MODALITY = {"hypothetical": "hypothetical or questioned", "questioned": "hypothetical or questioned",
            "negated": "negated or denied", "denied": "negated or denied", "planned": "planned", "alleged": "alleged"}


def hand_features(ev: dict, published: dict, bounds: dict) -> dict[str, float]:
    """The event's columns, from salience's own terms and reasons (so that they are exactly what the hand rule
    reads)."""
    f = dict.fromkeys(HAND_FEATURES, 0.0)
    for name, v in salience.score_terms(ev, published, bounds):
        if name.startswith("type "):
            f["specific type"] = float(v > 0)
        elif name == "the lead's news by named actors":
            f["specific type"] = f[name] = 1.0
        elif name.endswith("independent sources"):
            f["independent sources beyond the first"] = float(min(ev["independent_sources"] - 1, 3))
        elif name.endswith("named actors"):
            f["named actors"] = float(min(len(ev["actors"]), 3))
        elif name in MODALITY:
            f[MODALITY[name]] = 1.0
        else:
            f[name] = 1.0
    for r in salience.weak_reasons(ev, published, bounds):
        if r in MODALITY:
            f[MODALITY[r]] = 1.0
        elif r in ("future tense", "modal tense"):
            f["future or modal"] = 1.0
        elif r != "generic type":
            f[r] = 1.0
    return f


def columns() -> list[str]:
    return HAND_FEATURES


def row(ev: dict, published: dict, bounds: dict) -> list[float]:
    f = hand_features(ev, published, bounds)
    return [float(f[c]) for c in columns()]


# -- the sets ------------------------------------------------------------------------------------------------------
def build(label_dir: Path, t17: Path, cache: Path | None) -> tuple[list[dict], dict]:
    """real_bench's run of storyline over a labelled set, gold spans attached; cached as a pickle when asked."""
    if label_dir.name in HELD_OUT:
        raise SystemExit(f"{label_dir} is a held-out set: nothing is fitted or scored on it here")
    f = cache / f"{label_dir.name}.pkl" if cache else None
    if f and f.exists():
        return pickle.loads(f.read_bytes())
    labels = real_bench.load_labels([label_dir])
    result, data = real_bench.run_storyline(labels, t17)
    real_bench.attach(labels, t17, result)
    if f:
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_bytes(pickle.dumps((labels, data)))
    return labels, data


class Set:
    """One labelled set as rows: X per event, the sources of each event with their labels, the gold key events
    each source finds (for real_bench's recall), and the group (labelled file) each event belongs to."""

    def __init__(self, labels: list[dict], data: dict):
        self.labels, self.data = labels, data
        published = {a["id"]: a["published"] for a in data["articles"]}
        bounds = {a["id"]: a.get("published_bound") for a in data["articles"] if not a["published"]}
        file_of = {aid: lab["file"] for lab in labels for aid in lab["articles"]}
        gold = defaultdict(list)
        for lab in labels:
            for i, g in enumerate(lab["events"]):
                if g["key"] and g["at"]:
                    gold[g["at"][0]].append(((lab["file"], i), g["at"][1:]))
        self.n_gold = sum(1 for lab in labels for g in lab["events"] if g["key"])
        self.X, self.hand, self.groups, self.sources = [], [], [], []
        self.hand_score, self.hand_veto = [], []
        for ev in data["events"]:
            self.X.append(row(ev, published, bounds))
            self.hand.append(bool(ev.get("key")))
            self.hand_score.append(sum(v for _, v in HAND_TERMS(ev, published, bounds)))
            self.hand_veto.append(bool(HAND_VETOES(ev, published, bounds)))
            self.groups.append(file_of.get(ev["sources"][0]["article"], "?"))
            self.sources.append([[gid for gid, span in gold[s["article"]]
                                  if real_bench.overlap((s["start"], s["end"]), span)] for s in ev["sources"]])

    def source_rows(self, idx) -> tuple[list[list[float]], list[int]]:
        X, y = [], []
        for i in idx:
            for found in self.sources[i]:
                X.append(self.X[i])
                y.append(int(bool(found)))
        return X, y

    def pr(self, key: list[bool]) -> dict:
        """real_bench's key P/R for a key decision per event (checked against score_key_events in main)."""
        n_key = tp = 0
        found = set()
        for k, srcs in zip(key, self.sources):
            if k:
                n_key += len(srcs)
                tp += sum(1 for s in srcs if s)
                found.update(g for s in srcs for g in s)
        p = tp / n_key if n_key else 0.0
        r = len(found) / self.n_gold if self.n_gold else 0.0
        return {"P": round(p, 3), "R": round(r, 3), "F1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
                "key_sources": n_key}

    def bench_pr(self, key: list[bool]) -> dict:
        data = copy.deepcopy(self.data)
        for ev, k in zip(data["events"], key):
            ev["key"] = k
        fig, _ = real_bench.score_key_events(self.labels, data)
        return {"P": fig["P"], "R": fig["R"], "key_sources": fig["storyline_key_sources"]}


# -- the fit -------------------------------------------------------------------------------------------------------
CS = [0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0]
PENALTIES = ["l2", "l1"]
THRESHOLDS = [round(0.05 * i, 2) for i in range(2, 19)]
FORMS = ["free", "vetoes"]


def vetoes_of(x: list[float], cols: list[str]) -> list[str]:
    """The hand rule's "never key" reasons, read off the columns (no specific type is a veto too)."""
    return [c for c in VETO_COLUMNS if ((x[cols.index(c)] == 0) if c == "specific type" else bool(x[cols.index(c)]))]


def vetoed(x: list[float], cols: list[str]) -> bool:
    return bool(vetoes_of(x, cols))


def lift_each_veto(s: Set) -> dict[str, dict]:
    """The hand rule with one "never key" reason lifted at a time: what each veto buys on its own."""
    cols = columns()
    vs = [vetoes_of(x, cols) for x in s.X]
    return {c: s.pr([not [v for v in vv if v != c] and sc >= salience.KEY_SCORE for vv, sc in zip(vs, s.hand_score)])
            for c in VETO_COLUMNS}


def fit(s: Set, idx: list[int], form: str, c: float, penalty: str):
    from sklearn.linear_model import LogisticRegression
    cols = columns()
    idx = [i for i in idx if not (form == "vetoes" and vetoed(s.X[i], cols))]
    X, y = s.source_rows(idx)
    m = LogisticRegression(C=c, l1_ratio=1.0 if penalty == "l1" else 0.0, solver="liblinear",
                           # a large scaling leaves the intercept nearly unpenalised: the empty model is the base rate
                           intercept_scaling=100.0, random_state=0, max_iter=1000)
    m.fit(X, y)
    return [float(w) for w in m.coef_[0]], float(m.intercept_[0])


def prob(x: list[float], w: list[float], b: float) -> float:
    return 1.0 / (1.0 + math.exp(-(b + sum(a * v for a, v in zip(w, x)))))


def decide(s: Set, w, b, form: str, threshold: float) -> list[bool]:
    cols = columns()
    return [not (form == "vetoes" and vetoed(x, cols)) and prob(x, w, b) >= threshold for x in s.X]


def out_of_fold(s: Set, folds: int, form: str, penalty: str, c: float) -> list[float]:
    """Each event's probability from the model fitted without its article's fold (-1 where a veto rules it out)."""
    from sklearn.model_selection import GroupKFold
    cols = columns()
    p = [0.0] * len(s.X)
    for tr, te in GroupKFold(n_splits=folds).split(s.X, groups=s.groups):
        w, b = fit(s, list(tr), form, c, penalty)
        for i in te:
            p[i] = -1.0 if form == "vetoes" and vetoed(s.X[i], cols) else prob(s.X[i], w, b)
    return p


def log_loss(s: Set, p: list[float]) -> float:
    """Mean negative log-likelihood over the sources the form models (vetoed events are not modelled)."""
    ll = [-math.log(max(1e-9, q if y else 1 - q)) for q, srcs in zip(p, s.sources) if q >= 0
          for y in (bool(x) for x in srcs)]
    return sum(ll) / len(ll)


def cross_validate(s: Set, folds: int) -> tuple[list[dict], list[dict]]:
    """Per form: the penalty and C with the best out-of-fold log-likelihood, then the threshold with the best
    out-of-fold F1 of real_bench's key P/R. Returns the chosen setting per form and the whole grid (by F1)."""
    chosen, grid = [], []
    for form in FORMS:
        best = None
        for penalty in PENALTIES:
            for c in CS:
                p = out_of_fold(s, folds, form, penalty, c)
                row = {"form": form, "penalty": penalty, "C": c, "log_loss": round(log_loss(s, p), 4)}
                for t in THRESHOLDS:
                    grid.append({**row, "threshold": t, **s.pr([q >= t for q in p])})
                if best is None or row["log_loss"] < best[0]["log_loss"]:
                    best = (row, p)
        row, p = best
        curve = [{**row, "threshold": t, **s.pr([q >= t for q in p])} for t in THRESHOLDS]
        chosen.append({**max(curve, key=lambda g: (g["F1"], g["P"])), "curve": curve})
    return chosen, grid


def hand_threshold(s: Set) -> list[dict]:
    """The hand rule's terms and vetoes with its threshold moved: what the threshold alone can buy."""
    return [{"threshold": t, **s.pr([not v and sc >= t for v, sc in zip(s.hand_veto, s.hand_score)])}
            for t in [1.5 + 0.5 * i for i in range(8)]]


def at_budget(s: Set, score: list[float], n: int) -> dict:
    """P/R when the best-scored events are key until n key sources are marked (the ranking, not the threshold)."""
    order = sorted(range(len(score)), key=lambda i: -score[i])
    key, used = [False] * len(score), 0
    for i in order:
        if used >= n or score[i] < 0:
            break
        key[i], used = True, used + len(s.sources[i])
    return s.pr(key)


def weights_file(cols, w, b, choice, train_dir, folds) -> dict:
    return {
        "about": "Fitted weights of the key-event decision (salience.py): key when no hard rule rules the event "
                 "out and 1 / (1 + exp(-(intercept + sum(weight * feature)))) >= threshold. Produced by "
                 f"`PYTHONPATH=src python bench/key_fit.py --train {train_dir} --dev bench/data/real_e --write "
                 "src/storyline/data/key_weights.json`: a logistic regression on every extracted event's sources "
                 f"in the training set ({train_dir}, the 44 labelled Timeline17 articles), label = the source "
                 "overlaps a gold key event; penalty, C and threshold chosen by "
                 f"{folds}-fold cross-validation grouped by article. docs/key-events.md has the figures.",
        "script": "bench/key_fit.py",
        "training_set": str(train_dir),
        "form": choice["form"], "penalty": choice["penalty"], "C": choice["C"],
        "threshold": choice["threshold"], "intercept": round(b, 4),
        "features": cols, "weights": {c: round(v, 4) for c, v in zip(cols, w)},
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", type=Path, default=ROOT / "bench" / "data" / "real")
    ap.add_argument("--dev", type=Path, default=ROOT / "bench" / "data" / "real_e")
    ap.add_argument("--shared", help="the workspace's shared/ folder (default ../shared or STORYLINE_SHARED)")
    ap.add_argument("--cache", type=Path, help="keep each set's build here (a pickle) and reuse it")
    ap.add_argument("--folds", type=int, default=11)
    ap.add_argument("--write", type=Path, help="write the chosen weights here (JSON)")
    args = ap.parse_args(argv)
    t17 = Path(args.shared or os.environ.get("STORYLINE_SHARED") or ROOT.parent / "shared") / "datasets" / "t17"
    if not t17.is_dir():
        print(f"skipped: the Timeline17 articles are not at {t17}")
        return 0
    train = Set(*build(args.train, t17, args.cache))
    dev = Set(*build(args.dev, t17, args.cache))
    cols = columns()
    print(f"train {args.train.name}: {len(train.X)} events, {sum(len(x) for x in train.sources)} sources, "
          f"{len(set(train.groups))} articles, {train.n_gold} gold key; dev {args.dev.name}: {len(dev.X)} events, "
          f"{dev.n_gold} gold key")

    chosen, grid = cross_validate(train, args.folds)
    best = max(chosen, key=lambda g: (g["F1"], g["P"]))
    print("\ncross-validation on the training set (out-of-fold, grouped by article); penalty and C by log-likelihood,")
    print("threshold by F1:")
    for g in chosen:
        print(f"  {g['form']:7s} {g['penalty']} C={g['C']} (log loss {g['log_loss']}) threshold {g['threshold']}: "
              f"P {g['P']} R {g['R']} F1 {g['F1']}")
        print("    by threshold: " + ", ".join(f"{c['threshold']}: {c['P']}/{c['R']}" for c in g["curve"]
                                            if c["key_sources"]))
    top = max(grid, key=lambda g: (g["F1"], g["P"]))
    print(f"  best F1 anywhere in the grid: {top['form']} {top['penalty']} C={top['C']} threshold {top['threshold']}: "
          f"P {top['P']} R {top['R']} F1 {top['F1']}")
    print(f"  hand rule, same events (in-sample: its rules were read off this set): {train.pr(train.hand)}")
    print("  hand terms with the threshold moved: " + ", ".join(
        f"{h['threshold']}: {h['P']}/{h['R']}" for h in hand_threshold(train)))

    fits = {g["form"]: (g, *fit(train, list(range(len(train.X))), g["form"], g["C"], g["penalty"])) for g in chosen}
    _, w, b = fits[best["form"]]
    fitted_train = decide(train, w, b, best["form"], best["threshold"])
    fitted_dev = decide(dev, w, b, best["form"], best["threshold"])
    for s, k in ((train, fitted_train), (dev, fitted_dev), (train, train.hand), (dev, dev.hand)):
        assert s.pr(k) == {**s.bench_pr(k), "F1": s.pr(k)["F1"]}, (s.pr(k), s.bench_pr(k))
    assert train.hand == [not v and sc >= salience.KEY_SCORE for v, sc in zip(train.hand_veto, train.hand_score)]
    print(f"\nchosen: {best['form']}, {best['penalty']}, C={best['C']}, threshold {best['threshold']}")
    heads = [f"{f} ({g['penalty']}, C={g['C']})" for f, (g, _, _) in fits.items()]
    print("\n| column | hand weight | " + " | ".join(f"fitted, {h}" for h in heads) + " |")
    print("| --- | --- | " + " | ".join("---" for _ in heads) + " |")
    print("| intercept | | " + " | ".join(f"{fb:+.3f}" for _, _, fb in fits.values()) + " |")
    for j, c in enumerate(cols):
        print(f"| {c} | {HAND_WEIGHTS.get(c, 'veto')} | " + " | ".join(
            ("veto" if f == "vetoes" and c in VETO_COLUMNS else f"{fw[j]:+.3f}") for f, (_, fw, _) in fits.items())
            + " |")
    print(f"\n| key events | {args.train.name} (in-sample) | {args.dev.name} (dev) |\n| --- | --- | --- |")
    rows = [("hand rule (KEY_SCORE)", train.pr(train.hand), dev.pr(dev.hand))]
    for f, (g, fw, fb) in fits.items():
        rows.append((f"fitted, {f}{' (chosen)' if f == best['form'] else ''}, threshold {g['threshold']}",
                     train.pr(decide(train, fw, fb, f, g["threshold"])),
                     dev.pr(decide(dev, fw, fb, f, g["threshold"]))))

        def ranked(s: Set) -> dict:
            p = [-1.0 if f == "vetoes" and vetoed(x, cols) else prob(x, fw, fb) for x in s.X]
            return at_budget(s, p, s.pr(s.hand)["key_sources"])
        rows.append((f"fitted, {f}, ranked, as many key sources as the hand rule", ranked(train), ranked(dev)))
    for name, ta, da in rows:
        print(f"| {name} | P {ta['P']} R {ta['R']} F1 {ta['F1']} ({ta['key_sources']} key sources) "
              f"| P {da['P']} R {da['R']} F1 {da['F1']} ({da['key_sources']} key sources) |")
    print(f"\n| hand rule with one veto lifted | {args.train.name} | {args.dev.name} |\n| --- | --- | --- |")
    lt, ld = lift_each_veto(train), lift_each_veto(dev)
    for c in VETO_COLUMNS:
        print(f"| {'generic type' if c == 'specific type' else c} | P {lt[c]['P']} R {lt[c]['R']} "
              f"({lt[c]['key_sources']}) | P {ld[c]['P']} R {ld[c]['R']} ({ld[c]['key_sources']}) |")
    if args.write:
        args.write.write_text(json.dumps(weights_file(cols, w, b, best, args.train.relative_to(ROOT)
                                                      if args.train.is_absolute() else args.train, args.folds),
                                         indent=1) + "\n", encoding="utf-8")
        print(f"\nwrote {args.write}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
