"""Crash safety: SIGKILL `storyline build` at random moments and check what a reader can ever see.

    PYTHONPATH=src python bench/kill_test.py --n 200 --trials 20 [--rerun-every 1] [--work /tmp/storyline-kill]

1. Copies N articles of ../shared/datasets/t17 (every k-th file in sorted path order) to WORK/corpus.
2. Builds them once, uninterrupted, into WORK/ref (the reference) and times the phases of that run.
3. TRIALS times: starts `storyline build WORK/corpus -o WORK/out`, kills it with SIGKILL at a random moment of a
   chosen phase (reading, analysing, or writing the store: the last one is caught by watching for the new
   generation folder), then checks the directory: either nothing was ever published, or storyline.json,
   timeline.md and storyline.db are the last complete build, equal to the reference (timing fields ignored).
   Every RERUN_EVERY trials the build is rerun to completion and compared again, and the folder must hold no
   temporary files and no unpublished generation.
   In one trial a second build is started while the first runs: it must be refused (exit 3, "another build").
   A rebuild into a folder that holds a build reuses its stored analyses (cache.py) and is much shorter, so kill
   moments are placed from a second, cached reference run once the folder holds a complete build.
3b. UPDATE_TRIALS times (--update-trials): the same for `storyline build --update`: the last tenth of the articles
   are added to a build of the rest. After each kill the folder must hold the previous complete build or the
   updated one (storyline.json, timeline.md, storyline.db and whats_new.json of one generation), never a mix; a
   rerun of the update must equal an uninterrupted update (the update reference).
4. All along, a reader thread resolves the current generation and reads storyline.json (json.loads), the store
   (SQLite quick_check, article count equal to the JSON's) and the web app's Store; it must never fail.

Prints one line per trial and a summary as JSON; exits 1 when any check failed.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from storyline import outdir  # noqa: E402

T17 = Path(os.environ.get("STORYLINE_SHARED", ROOT.parent / "shared")) / "datasets" / "t17"
TIMING = {"seconds", "elapsed", "built_at", "timings"}
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}


def strip_timing(x):
    if isinstance(x, dict):
        return {k: strip_timing(v) for k, v in x.items() if k not in TIMING}
    if isinstance(x, list):
        return [strip_timing(v) for v in x]
    return x


def corpus(n: int, work: Path) -> tuple[Path, Path, Path]:
    """WORK/corpus (all N), and the same split into WORK/base (the first nine tenths) and WORK/new (the rest)."""
    files = sorted(p for p in T17.glob("*/InputDocs/*/*") if p.is_file())
    if not files:
        sys.exit(f"{T17}: no Timeline17 articles here (set STORYLINE_SHARED)")
    step = max(1, len(files) // n)
    chosen = files[::step][:n]
    cut = len(chosen) - max(1, len(chosen) // 10)
    dirs = [work / "corpus", work / "base", work / "new"]
    for d in dirs:
        shutil.rmtree(d, ignore_errors=True)
    for i, f in enumerate(chosen):
        for d in (dirs[0], dirs[1] if i < cut else dirs[2]):
            t = d / f.relative_to(T17)
            t.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(f, t)
    return dirs[0], dirs[1], dirs[2]


def build_cmd(src: Path, out: Path, update: bool = False) -> list[str]:
    return [sys.executable, "-m", "storyline.cli", "build", str(src), *(["--update"] if update else ["-o"]),
            str(out), "-q"]


def timed(cmd: list[str], out: Path) -> tuple[float, float]:
    """Run a build to completion; (seconds until its new generation folder appeared, seconds in all)."""
    before = set((out / ".generations").iterdir()) if (out / ".generations").is_dir() else set()
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, env=ENV)
    t_write = None
    while p.poll() is None:
        if t_write is None and (out / ".generations").is_dir() and set((out / ".generations").iterdir()) - before:
            t_write = time.monotonic() - t0
        time.sleep(0.02)
    t_total = time.monotonic() - t0
    if p.returncode != 0:
        sys.exit(f"{' '.join(cmd[3:])}: reference build failed (exit {p.returncode})")
    return t_write or t_total, t_total


def copy_build(src: Path, dst: Path) -> None:
    """A build folder copied with its links (they are relative, so the copy is a build of its own)."""
    shutil.rmtree(dst, ignore_errors=True)
    shutil.copytree(src, dst, symlinks=True)


def kill_at(rng, p, out: Path, phase: str, t_write: float, t_total: float, before: set) -> None:
    """Wait until a random moment of ``phase`` of the running build ``p`` (timings from its reference)."""
    start = time.monotonic()
    if phase == "writing":
        while p.poll() is None:
            now = set((out / ".generations").iterdir()) if (out / ".generations").is_dir() else set()
            if now - before:
                break
            time.sleep(0.005)
        time.sleep(rng.uniform(0, max(0.05, t_total - t_write)))
        return
    # Reading and analysing are not visible from outside; about a third of the time before writing goes to
    # reading for these inputs, so the split is approximate (recorded as such).
    t_read_end = 0.35 * t_write
    lo, hi = (0.5, t_read_end) if phase == "reading" else (t_read_end, t_write)
    at = rng.uniform(lo, max(lo + 0.1, hi))
    while p.poll() is None and time.monotonic() - start < at:
        time.sleep(0.005)


class Reader(threading.Thread):
    """Reads the build the way the web app and `export` do, as fast as it can, and records every failure."""

    def __init__(self, out: Path, reference: dict, also: tuple = ()):
        super().__init__(daemon=True)
        self.out, self.ref, self.also = out, reference, also
        # Held for each read; the test takes it to put a build folder in place by copying (no build does that).
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.reads = self.absent = 0
        self.failures: list[str] = []

    def run(self):
        from storyline.web.data import Store, StoreMissing
        while not self.stop.is_set():
            with self.lock:
                self.read_once(Store, StoreMissing)

    def read_once(self, Store, StoreMissing):
        gen = outdir.generation(self.out)
        if not (gen / "storyline.db").exists():
            self.absent += 1
            time.sleep(0.01)
            return
        try:
            data = json.loads((gen / "storyline.json").read_text("utf-8"))
            con = sqlite3.connect(f"file:{gen / 'storyline.db'}?mode=ro", uri=True)
            try:
                ok = con.execute("PRAGMA quick_check").fetchone()[0]
                n = con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            finally:
                con.close()
            md = (gen / "timeline.md").read_text("utf-8")
            if ok != "ok" or n != len(data["articles"]) or not md.startswith("# Storyline report"):
                self.failures.append(f"{gen.name}: quick_check={ok} db articles={n} json={len(data['articles'])}")
            elif strip_timing(data) not in (self.ref, *self.also):
                self.failures.append(f"{gen.name}: a published storyline.json differs from the reference")
            Store(self.out).stories()
            self.reads += 1
        except FileNotFoundError:
            # The generation was removed between resolving and opening: only allowed for one that is
            # no longer current (two publishes happened meanwhile); resolve again.
            if outdir.generation(self.out) == gen:
                self.failures.append(f"{gen.name}: current generation vanished")
        except (ValueError, sqlite3.Error, StoreMissing, KeyError) as e:
            self.failures.append(f"{gen.name}: {type(e).__name__}: {e}")


def check_dir(out: Path, ref: dict, complete: bool, allowed: tuple = ()) -> list[str]:
    """Problems with what OUT holds: it must be nothing (unless ``complete``) or one whole generation whose
    storyline.json equals ``ref`` or one of ``allowed`` (the build before an update)."""
    problems = []
    gen = outdir.generation(out)
    if not (out / "storyline.json").exists():
        if complete:
            problems.append("no storyline.json after a complete build")
        return problems
    if strip_timing(json.loads((out / "storyline.json").read_text("utf-8"))) not in (ref, *allowed):
        problems.append("storyline.json differs from the reference")
    links = ["storyline.db", "timeline.md", *[p.name for p in out.iterdir() if p.name.startswith("whats_new")]]
    if any((out / n).resolve().parent != gen for n in links):
        problems.append("outputs point into different generations")
    if (gen / "whats_new.json").exists() != (out / "whats_new.json").exists():
        problems.append("whats_new.json of another generation (or missing)")
    if complete:
        junk = [p.name for p in out.iterdir() if ".tmp" in p.name]
        gens = [p.name for p in (out / ".generations").iterdir()]
        if junk:
            problems.append(f"temporary files left: {junk}")
        if len(gens) > 2:
            problems.append(f"{len(gens)} generations left (current + previous expected)")
    return problems


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=200, help="articles")
    ap.add_argument("--trials", type=int, default=20, help="kills of a full build")
    ap.add_argument("--update-trials", type=int, default=6, help="kills of `build --update`")
    ap.add_argument("--rerun-every", type=int, default=1, help="complete a build after every K kills")
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--work", type=Path, default=Path("/tmp/storyline-kill"))
    a = ap.parse_args(argv)
    rng = random.Random(a.seed)
    a.work.mkdir(parents=True, exist_ok=True)
    src, base_src, new_src = corpus(a.n, a.work)
    ref_out, out = a.work / "ref", a.work / "out"
    for d in (ref_out, out):
        shutil.rmtree(d, ignore_errors=True)

    # Reference builds: from nothing, then again into the same folder (the analyses come from its cache).
    cold = timed(build_cmd(src, ref_out), ref_out)
    ref = strip_timing(json.loads((ref_out / "storyline.json").read_text("utf-8")))
    warm = timed(build_cmd(src, ref_out), ref_out)
    problems = [f"cached rebuild: {x}" for x in check_dir(ref_out, ref, complete=True)]
    print(f"reference: {len(ref['articles'])} articles in {cold[1]:.1f} s (writing from {cold[0]:.1f} s); "
          f"cached rebuild {warm[1]:.1f} s (writing from {warm[0]:.1f} s)", flush=True)

    reader = Reader(out, ref)
    reader.start()
    phases = ["reading", "analysing", "writing"]
    trials = []
    lock_checked = False
    for i in range(a.trials):
        phase = phases[i % 3]
        if i == 2 and not (out / "storyline.json").exists():
            # Two kills of a build into an empty folder are enough to show that nothing is published early;
            # later trials start from a complete build (copied from the reference rather than built a third
            # time from nothing: a cold build of a few hundred articles takes most of the time here).
            with reader.lock:
                copy_build(ref_out, out)
        t_write, t_total = warm if (out / "storyline.json").exists() else cold
        before = set((out / ".generations").iterdir()) if (out / ".generations").is_dir() else set()
        start = time.monotonic()
        p = subprocess.Popen(build_cmd(src, out), env=ENV, stderr=subprocess.PIPE, text=True)
        if not lock_checked and phase == "analysing":
            time.sleep(min(0.35 * t_write, 3.0))
            second = subprocess.run(build_cmd(src, out), env=ENV, capture_output=True, text=True)
            lock_checked = True
            if second.returncode != 3 or "another build" not in second.stderr:
                problems.append(f"trial {i}: second build not refused (exit {second.returncode}): "
                                f"{second.stderr.strip()[-200:]}")
        kill_at(rng, p, out, phase, t_write, t_total, before)
        finished = p.poll() is not None
        p.send_signal(signal.SIGKILL)
        p.wait()
        killed_at = time.monotonic() - start
        found = check_dir(out, ref, complete=False)
        rerun = ""
        if (i + 1) % a.rerun_every == 0 or i == a.trials - 1:
            r = subprocess.run(build_cmd(src, out), env=ENV, capture_output=True, text=True)
            if r.returncode != 0:
                found.append(f"rerun failed (exit {r.returncode}): {r.stderr.strip()[-300:]}")
            found += check_dir(out, ref, complete=True)
            rerun = " rerun ok" if not found else " rerun FAILED"
        trials.append({"trial": i, "kind": "build", "phase": phase, "killed_at_s": round(killed_at, 2),
                       "finished_before_kill": finished, "problems": found})
        problems += [f"trial {i}: {x}" for x in found]
        print(f"trial {i:2d}: SIGKILL while {phase:9s} at {killed_at:6.2f} s"
              f"{' (had finished)' if finished else ''}{rerun}; {'ok' if not found else found}", flush=True)
    reader.stop.set()
    reader.join()
    problems += [f"reader: {x}" for x in reader.failures[:20]]

    upd = update_trials(a, rng, ref_out, base_src, new_src, phases) if a.update_trials else {}
    trials += upd.get("trials", [])
    problems += upd.get("problems", [])
    summary = {"articles": len(ref["articles"]), "trials": len(trials), "reference_s": round(cold[1], 1),
               "cached_rebuild_s": round(warm[1], 1),
               "kills_by_phase": {f"{k} {ph}": sum(t["kind"] == k and t["phase"] == ph and not t["finished_before_kill"]
                                                   for t in trials) for k in ("build", "update") for ph in phases},
               "finished_before_kill": sum(t["finished_before_kill"] for t in trials),
               "reader_reads": reader.reads, "reader_absent": reader.absent, "reader_failures": len(reader.failures),
               "lock_refused_second_build": lock_checked and not any("second build" in x for x in problems),
               **{k: v for k, v in upd.items() if k not in ("trials", "problems")},
               "problems": problems}
    print(json.dumps(summary, indent=1))
    return 1 if problems else 0


def update_trials(a, rng, ref_out: Path, base_src: Path, new_src: Path, phases: list[str]) -> dict:
    """Kill `build --update` at random moments: the folder must hold the build before the update or the updated
    one, and a rerun of the update must equal an uninterrupted one."""
    base, upd_ref, uout = a.work / "ubase", a.work / "uref", a.work / "uout"
    # The build of the first nine tenths: into a copy of the full reference, so that its analyses come from the
    # cache; it keeps only its own articles' analyses, so the update analyses the new tenth afresh, as a real one.
    copy_build(ref_out, base)
    timed(build_cmd(base_src, base), base)
    before = strip_timing(json.loads((base / "storyline.json").read_text("utf-8")))
    copy_build(base, upd_ref)
    t_write, t_total = timed(build_cmd(new_src, upd_ref, update=True), upd_ref)
    after = strip_timing(json.loads((upd_ref / "storyline.json").read_text("utf-8")))
    print(f"update reference: {len(before['articles'])} + {len(after['articles']) - len(before['articles'])} "
          f"articles in {t_total:.1f} s (writing from {t_write:.1f} s)", flush=True)
    problems = [] if before != after else ["the update reference did not change the build"]
    copy_build(base, uout)
    reader = Reader(uout, after, also=(before,))
    reader.start()
    trials = []
    for i in range(a.update_trials):
        phase = phases[i % 3]
        gens = set((uout / ".generations").iterdir())
        start = time.monotonic()
        p = subprocess.Popen(build_cmd(new_src, uout, update=True), env=ENV, stderr=subprocess.PIPE, text=True)
        kill_at(rng, p, uout, phase, t_write, t_total, gens)
        finished = p.poll() is not None
        p.send_signal(signal.SIGKILL)
        p.wait()
        killed_at = time.monotonic() - start
        found = check_dir(uout, after, complete=False, allowed=(before,))
        if not (uout / "storyline.json").exists():
            found.append("no build at all after a killed update")
        state = "updated" if not found and strip_timing(json.loads((uout / "storyline.json").read_text("utf-8"))) \
            == after else "previous"
        if state == "previous":
            r = subprocess.run(build_cmd(new_src, uout, update=True), env=ENV, capture_output=True, text=True)
            if r.returncode != 0:
                found.append(f"rerun failed (exit {r.returncode}): {r.stderr.strip()[-300:]}")
            found += check_dir(uout, after, complete=True)
        if not found and strip_timing(json.loads((uout / "whats_new.json").read_text("utf-8"))) != \
                strip_timing(json.loads((upd_ref / "whats_new.json").read_text("utf-8"))):
            found.append("whats_new.json differs from the uninterrupted update's")
        trials.append({"trial": i, "kind": "update", "phase": phase, "killed_at_s": round(killed_at, 2),
                       "finished_before_kill": finished, "found": state, "problems": found})
        problems += [f"update trial {i}: {x}" for x in found]
        print(f"update {i:2d}: SIGKILL while {phase:9s} at {killed_at:6.2f} s{' (had finished)' if finished else ''};"
              f" left the {state} build; {'rerun ok' if state == 'previous' and not found else ''}"
              f"{'' if not found else found}", flush=True)
        with reader.lock:
            copy_build(base, uout)   # the next trial updates the same previous build
    reader.stop.set()
    reader.join()
    problems += [f"update reader: {x}" for x in reader.failures[:20]]
    return {"trials": trials, "problems": problems, "update_reference_s": round(t_total, 1),
            "update_reader_reads": reader.reads, "update_reader_failures": len(reader.failures)}


if __name__ == "__main__":
    sys.exit(main())
