"""The output directory of a build: generations published by one atomic symlink swap, and a lock.

Layout of OUT after a build::

    OUT/.generations/<id>/storyline.json, timeline.md, storyline.db, ...   (one complete build each)
    OUT/.current -> .generations/<id>                                      (swapped with one rename)
    OUT/storyline.json -> .current/storyline.json                          (and one link per output)
    OUT/.storyline.lock                                                    (flock held while a build runs)

Renaming files one by one into OUT would leave a window where storyline.json is new and storyline.db old, and a
kill between the renames keeps that mix for good. Here a build writes a whole new generation directory, fsyncs it,
and only then renames one symlink (``.current``): readers see the old build or the new one, never a mix, never a
partial file. A reader resolves ``OUT/storyline.db`` once (``generation``) and reads everything from that folder.
The generation before the current one is kept until the next publish, so a reader that resolved it a moment before
the swap can still open it; older ones, unpublished ones (a killed build) and temp links are removed.

POSIX only (symlinks, flock, rename over a symlink); that is where storyline runs.
"""
from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import time
from pathlib import Path

GENERATIONS = ".generations"
CURRENT = ".current"
LOCK = ".storyline.lock"

_held: dict[str, int] = {}   # out dir -> depth, so that a build holding the lock can call write_all (re-entrant)


class OutDirLocked(Exception):
    """Another live process is building into the same directory."""


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextlib.contextmanager
def lock(out_dir: str | os.PathLike, on_stale=None):
    """Hold OUT/.storyline.lock (flock) for the duration; raise OutDirLocked when another build holds it.

    flock dies with its process, so a build killed with SIGKILL never leaves a lock that blocks the next one; the
    pid written in the file only tells the user who holds it, and a dead pid in it is reported through
    ``on_stale(pid)`` and overwritten."""
    out = Path(out_dir)
    key = str(out.resolve())
    if _held.get(key):
        _held[key] += 1
        try:
            yield
        finally:
            _held[key] -= 1
        return
    out.mkdir(parents=True, exist_ok=True)
    path = out / LOCK
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
            raise OutDirLocked(f"{out}: another build (pid {holder or 'unknown'}) is writing here; wait for it to "
                               f"finish or choose another --out") from None
        old = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
        if old.isdigit() and int(old) != os.getpid() and not _pid_alive(int(old)) and on_stale:
            on_stale(int(old))
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        _held[key] = 1
        try:
            yield
        finally:
            _held.pop(key, None)
            os.ftruncate(fd, 0)
    finally:
        os.close(fd)   # releases the flock


def new_generation(out_dir: str | os.PathLike) -> Path:
    gens = Path(out_dir) / GENERATIONS
    gens.mkdir(parents=True, exist_ok=True)
    g = gens / f"{time.strftime('%Y%m%dT%H%M%S')}-{time.time_ns() % 10**9:09d}-{os.getpid()}"
    g.mkdir()
    return g


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _symlink_over(target: str, link: Path) -> None:
    """Point ``link`` at ``target`` atomically (a new link renamed over the old file or link)."""
    tmp = link.with_name(f"{link.name}.tmp{os.getpid()}")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    os.symlink(target, tmp)
    os.replace(tmp, link)


def publish(out_dir: str | os.PathLike, gen: Path) -> dict[str, Path]:
    """Make ``gen`` the current build; return OUT/<name> for every output in it. Call under ``lock``."""
    out = Path(out_dir)
    names = sorted(p.name for p in gen.iterdir() if not p.name.startswith("."))
    for n in names:
        _fsync(gen / n)
    _fsync(gen)
    _fsync(gen.parent)
    previous = os.readlink(out / CURRENT) if (out / CURRENT).is_symlink() else None
    _symlink_over(f"{GENERATIONS}/{gen.name}", out / CURRENT)   # the commit point
    for n in names:
        link = out / n
        if not (link.is_symlink() and os.readlink(link) == f"{CURRENT}/{n}"):
            if link.is_dir() and not link.is_symlink():
                shutil.rmtree(link)
            _symlink_over(f"{CURRENT}/{n}", link)
    _fsync(out)
    _clean(out, keep={gen.name, Path(previous).name if previous else None}, names=set(names))
    return {n: out / n for n in names}


def _clean(out: Path, keep: set, names: set[str]) -> None:
    for g in (out / GENERATIONS).iterdir():
        if g.name not in keep:
            shutil.rmtree(g, ignore_errors=True)
    for p in out.iterdir():
        # temp files of this module, and of builds before generations existed (storyline.db.tmp123)
        if ".tmp" in p.name and p.name.split(".tmp")[-1].isdigit():
            with contextlib.suppress(OSError):
                shutil.rmtree(p) if p.is_dir() and not p.is_symlink() else p.unlink()
        # a link to an output the current build no longer has would dangle
        elif p.is_symlink() and os.readlink(p).startswith(CURRENT + "/") and p.name not in names:
            p.unlink()


def discard(gen: Path) -> None:
    shutil.rmtree(gen, ignore_errors=True)


def generation(out_dir: str | os.PathLike, name: str = "storyline.db") -> Path:
    """The folder of the build a reader should use: where OUT/<name> resolves to now (OUT itself for a build
    written before generations existed). Resolve once per request and read every file from the result."""
    out = Path(out_dir)
    return Path(os.path.realpath(out / name)).parent
