"""Inter-annotator agreement between two label files of the same real article (issue 13).

    python bench/real_agreement.py A.json B.json [A2.json B2.json ...]
    python bench/real_agreement.py --dirs DIR_A DIR_B        # every file name present in both

Works on the label files alone (offsets into the same raw text), so it needs no ../shared text.
Figures, pooled over all pairs given:
  mentions  exact-span F1 (one labeller as reference, the other as response; F1 is symmetric), type agreement
            and Cohen's kappa on the matched spans, cluster B3 F1 on the matched spans;
  events    span F1 where two spans match when their character overlap (Jaccard) is >= 0.5 (a clause's
            boundaries are a judgement call; exact match would mostly measure punctuation), and a lenient F1
            where the overlap covers >= 0.5 of the shorter span (one labeller took the quote marks or the
            trailing clause, the other did not); key agreement and kappa, date agreement, same-happening
            agreement on the lenient pairs;
  claims    span F1 with the same two rules, then on the lenient pairs speaker agreement (same cluster, or
            overlapping speaker spans, or both anonymous), stance agreement (strict, and lenient: one's
            stance is the other's alt_stance), and Cohen's kappa for stance where it means something.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from sklearn.metrics import cohen_kappa_score

sys.path.insert(0, str(Path(__file__).resolve().parent))   # the sibling script real_check.py
from real_check import greedy_pairs  # noqa: E402

OVERLAP = 0.5


def jaccard(a: dict, b: dict) -> float:
    inter = min(a["end"], b["end"]) - max(a["start"], b["start"])
    if inter <= 0:
        return 0.0
    return inter / (max(a["end"], b["end"]) - min(a["start"], b["start"]))


def covered(a: dict, b: dict) -> float:
    """Overlap as a share of the shorter span: 1.0 when one span contains the other."""
    inter = min(a["end"], b["end"]) - max(a["start"], b["start"])
    return max(inter, 0) / max(1, min(a["end"] - a["start"], b["end"] - b["start"]))


def match(xs: list[dict], ys: list[dict], exact: bool, contain: bool = False) -> list[tuple[int, int]]:
    """One-to-one pairs, best overlap first (greedy: spans rarely compete for the same partner)."""
    cands = []
    for i, x in enumerate(xs):
        for j, y in enumerate(ys):
            if exact:
                if (x["start"], x["end"]) == (y["start"], y["end"]):
                    cands.append(((1.0, 1.0), i, j))
            else:
                o = jaccard(x, y)
                if o >= OVERLAP or contain and covered(x, y) >= OVERLAP:
                    # Jaccard first: a clause nested in a longer one pairs with its own twin before the container
                    cands.append(((o, covered(x, y)), i, j))
    return greedy_pairs(cands)


def f1(n_match: int, n_a: int, n_b: int) -> float | None:
    return 2 * n_match / (n_a + n_b) if n_a + n_b else None


def kappa(xs: list, ys: list) -> float | None:
    """Cohen's kappa; None where it means nothing (too few items, or both labellers used a single value)."""
    if len(xs) < 2 or len(set(xs)) < 2 and len(set(ys)) < 2:
        return None
    return float(cohen_kappa_score(xs, ys))


def b3(clusters_a: list[str], clusters_b: list[str]) -> float | None:
    """B3 F1 of two clusterings of the same items (here: mentions both labellers marked)."""
    n = len(clusters_a)
    if not n:
        return None
    p = r = 0.0
    for i in range(n):
        same_a = {j for j in range(n) if clusters_a[j] == clusters_a[i]}
        same_b = {j for j in range(n) if clusters_b[j] == clusters_b[i]}
        common = len(same_a & same_b)
        p += common / len(same_b)
        r += common / len(same_a)
    p, r = p / n, r / n
    return 2 * p * r / (p + r)


class Tally:
    def __init__(self):
        self.counts: dict[str, list[int]] = {}    # name -> [agree, total]
        self.spans: dict[str, list[int]] = {}     # name -> [matched, n_a, n_b]
        self.labels: dict[str, tuple[list, list]] = {}
        self.clusters: tuple[list, list] = ([], [])

    def agree(self, name: str, ok: bool):
        c = self.counts.setdefault(name, [0, 0])
        c[0] += bool(ok)
        c[1] += 1

    def span(self, name: str, matched: int, n_a: int, n_b: int):
        s = self.spans.setdefault(name, [0, 0, 0])
        for k, v in enumerate((matched, n_a, n_b)):
            s[k] += v

    def pair(self, name: str, a, b):
        xs, ys = self.labels.setdefault(name, ([], []))
        xs.append(a)
        ys.append(b)

    def figures(self) -> dict:
        out = {}
        for name, (m, na, nb) in self.spans.items():
            out[f"{name} span F1"] = (f1(m, na, nb), f"{m} matched of {na} / {nb}")
        for name, (ok, n) in self.counts.items():
            out[f"{name} agreement"] = (ok / n if n else None, f"{ok}/{n}")
        for name, (xs, ys) in self.labels.items():
            out[f"{name} kappa"] = (kappa(xs, ys), f"n={len(xs)}")
        a, b = self.clusters
        out["mention cluster B3 F1"] = (b3(a, b), f"n={len(a)} matched mentions")
        return out


def compare(a: dict, b: dict, t: Tally):
    if a["path"] != b["path"]:
        raise SystemExit(f"not the same article: {a['path']} vs {b['path']}")
    # mentions: exact spans (names have crisp boundaries)
    ma, mb = a["mentions"], b["mentions"]
    pairs = match(ma, mb, exact=True)
    t.span("mention", len(pairs), len(ma), len(mb))
    for i, j in pairs:
        t.agree("mention type", ma[i]["type"] == mb[j]["type"])
        t.pair("mention type", ma[i]["type"], mb[j]["type"])
        # cluster ids are slugs that are article-local sets; prefix with the path to keep articles apart in B3
        t.clusters[0].append(a["path"] + "|" + ma[i]["cluster"])
        t.clusters[1].append(a["path"] + "|" + mb[j]["cluster"])
    # events
    ea, eb = a["events"], b["events"]
    t.span("event (Jaccard>=0.5)", len(match(ea, eb, exact=False)), len(ea), len(eb))
    pairs = match(ea, eb, exact=False, contain=True)
    t.span("event (overlap>=0.5 of shorter)", len(pairs), len(ea), len(eb))
    key_a = [e for e in ea if e["key"]]
    key_b = [e for e in eb if e["key"]]
    t.span("key event (overlap>=0.5 of shorter)", len(match(key_a, key_b, exact=False, contain=True)),
           len(key_a), len(key_b))
    for i, j in pairs:
        x, y = ea[i], eb[j]
        t.agree("event key", x["key"] == y["key"])
        t.pair("event key", x["key"], y["key"])
        t.agree("event date", x["date"] == y["date"])
        t.agree("event happening", x["happening"] == y["happening"])
    # claims
    ca, cb = a["claims"], b["claims"]
    t.span("claim (Jaccard>=0.5)", len(match(ca, cb, exact=False)), len(ca), len(cb))
    pairs = match(ca, cb, exact=False, contain=True)
    t.span("claim (overlap>=0.5 of shorter)", len(pairs), len(ca), len(cb))
    for i, j in pairs:
        x, y = ca[i], cb[j]
        t.agree("claim speaker", same_speaker(x, y))
        t.agree("claim anonymous", x["anonymous"] == y["anonymous"])
        t.agree("claim stance (strict)", x["stance"] == y["stance"])
        t.agree("claim stance (lenient: alt_stance)", x["stance"] == y["stance"] or x["stance"] == y.get("alt_stance")
                or y["stance"] == x.get("alt_stance"))
        t.pair("claim stance", x["stance"], y["stance"])


def same_speaker(x: dict, y: dict) -> bool:
    if x["anonymous"] and y["anonymous"]:
        return True
    if x["speaker_cluster"] and x["speaker_cluster"] == y["speaker_cluster"]:
        return True
    if x["speaker_start"] is None or y["speaker_start"] is None:
        return x["speaker_start"] == y["speaker_start"] and x["anonymous"] == y["anonymous"]
    return min(x["speaker_end"], y["speaker_end"]) > max(x["speaker_start"], y["speaker_start"])


def pairs_from_args(args) -> list[tuple[Path, Path]]:
    if args.dirs:
        da, db = (Path(d) for d in args.dirs)
        names = sorted({p.name for p in da.glob("*.json")} & {p.name for p in db.glob("*.json")})
        return [(da / n, db / n) for n in names]
    if len(args.files) % 2:
        raise SystemExit("give the files in pairs: A.json B.json ...")
    return [(Path(args.files[k]), Path(args.files[k + 1])) for k in range(0, len(args.files), 2)]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*")
    ap.add_argument("--dirs", nargs=2, metavar=("DIR_A", "DIR_B"))
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    pairs = pairs_from_args(args)
    if not pairs:
        print("no pairs of label files to compare")
        return 1
    t = Tally()
    for pa, pb in pairs:
        compare(json.loads(pa.read_text()), json.loads(pb.read_text()), t)
    figs = t.figures()
    if args.json:
        print(json.dumps({k: {"value": v, "n": n} for k, (v, n) in figs.items()}, indent=1))
    else:
        print(f"{len(pairs)} article(s): " + ", ".join(pa.name for pa, _ in pairs))
        for k, (v, n) in figs.items():
            print(f"  {k:40s} {'n/a' if v is None else f'{v:.3f}':>6}  ({n})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
