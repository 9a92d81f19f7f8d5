"""Output directory: generations published together, the lock, stale locks, failed builds, cleanup."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from storyline import outdir
from storyline.output import write_all


def _files(out):
    return sorted(p.name for p in out.iterdir())


def test_outputs_are_links_into_one_generation(demo_build, tmp_path):
    result, data, _ = demo_build
    paths = write_all(result, tmp_path)
    assert set(paths) == {"json", "markdown", "db"}
    for p in paths.values():
        assert p.is_symlink() and os.readlink(p) == f".current/{p.name}"
    gen = outdir.generation(tmp_path)
    assert gen.parent.name == ".generations" and (gen / "storyline.json").is_file()
    assert json.loads(paths["json"].read_text()) == data


def test_rebuild_replaces_everything_and_cleans_old_generations(demo_build, tmp_path):
    result = demo_build[0]
    seen = []
    for _ in range(4):
        write_all(result, tmp_path)
        seen.append(outdir.generation(tmp_path))
    gens = sorted(p.name for p in (tmp_path / ".generations").iterdir())
    # the current one, and the one before it for a reader that resolved it just before the swap
    assert gens == sorted([seen[-1].name, seen[-2].name])
    assert not [p for p in tmp_path.iterdir() if ".tmp" in p.name]


def test_failed_write_keeps_the_previous_build(demo_build, tmp_path):
    result, data, _ = demo_build
    write_all(result, tmp_path)
    before = outdir.generation(tmp_path)

    class Broken:
        mentions = result.mentions

        def to_dict(self):
            d = result.to_dict()
            d["claims"] = d["claims"] + d["claims"][:1]   # a duplicate claim id: the store write fails
            return d
    if not data["claims"]:
        pytest.skip("demo build has no claims")
    with pytest.raises(sqlite3.IntegrityError):
        write_all(Broken(), tmp_path)
    assert outdir.generation(tmp_path) == before
    assert [p.name for p in (tmp_path / ".generations").iterdir()] == [before.name]   # the partial one is gone
    assert json.loads((tmp_path / "storyline.json").read_text()) == data


def test_old_layout_is_migrated(demo_build, tmp_path):
    """A build from before generations (plain files, a stale temp file) becomes links; the temp file goes."""
    (tmp_path / "storyline.json").write_text("{}")
    (tmp_path / "storyline.db").write_text("old")
    (tmp_path / "storyline.db.tmp4242").write_text("partial")
    write_all(demo_build[0], tmp_path)
    assert (tmp_path / "storyline.db").is_symlink() and not (tmp_path / "storyline.db.tmp4242").exists()
    sqlite3.connect(f"file:{tmp_path / 'storyline.db'}?mode=ro", uri=True).execute("SELECT * FROM meta")


def test_second_build_into_the_same_dir_is_refused(tmp_path):
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time; from storyline import outdir\n"
                               f"with outdir.lock({str(tmp_path)!r}):\n print('held', flush=True); time.sleep(60)"],
                              stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(outdir.OutDirLocked, match=rf"another build \(pid {holder.pid}\)"):
            with outdir.lock(tmp_path):
                pass
    finally:
        holder.kill()
        holder.wait()
    # killed with SIGKILL: the lock file still names it, but the lock is free and the stale pid is reported
    assert (tmp_path / outdir.LOCK).read_text() == str(holder.pid)
    stale = []
    with outdir.lock(tmp_path, on_stale=stale.append):
        assert (tmp_path / outdir.LOCK).read_text() == str(os.getpid())
    assert stale == [holder.pid]


def test_lock_is_reentrant_in_one_process(tmp_path):
    with outdir.lock(tmp_path):
        with outdir.lock(tmp_path):
            pass
        with pytest.raises(outdir.OutDirLocked):   # another open file description is another holder
            fd = os.open(tmp_path / outdir.LOCK, os.O_RDWR)
            try:
                import fcntl
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    raise outdir.OutDirLocked("held") from None
            finally:
                os.close(fd)


@pytest.mark.slow
def test_cli_ctrl_c_is_a_message_and_130(tmp_path):
    from conftest import DEMO
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    # The child gets Ctrl-C's default action as in a terminal: a test run started in the background (`make test &`)
    # inherits SIGINT ignored, and Python then never raises KeyboardInterrupt.
    p = subprocess.Popen([sys.executable, "-m", "storyline.cli", "build", str(DEMO), "-o", str(tmp_path / "o"), "-q"],
                         stderr=subprocess.PIPE, text=True, env=env,
                         preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    # Interrupt once the build holds its lock (past the imports, into the work): a fixed wait raced the end of the
    # build on a quiet machine, where the whole demo takes about four seconds.
    lock = tmp_path / "o" / ".storyline.lock"
    deadline = time.monotonic() + 60
    while not lock.exists() and p.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    if p.returncode is not None:
        pytest.skip("the build finished before it could be interrupted")
    time.sleep(0.3)
    p.send_signal(signal.SIGINT)
    _, stderr = p.communicate(timeout=60)
    # 130, or death by SIGINT (-2) when the interrupt lands while the interpreter is still importing: a shell
    # reports both as 130
    assert p.returncode in (130, -signal.SIGINT), stderr
    assert "interrupted" in stderr and "Traceback" not in stderr
    assert not (tmp_path / "o" / "storyline.json").exists()
