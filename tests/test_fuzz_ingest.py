"""Fuzzed inputs (bench/fuzz.py) and the cases that broke ingest before the per-file limits.

The fast tier runs 15 generated cases per reader; the slow tier a few hundred more per reader (another seed;
STORYLINE_FUZZ_CASES sets how many, default 300: about 90 s for the six readers on the loaded 2-core machine).
bench/fuzz.py runs thousands."""
from __future__ import annotations

import gzip
import os
import sys
import threading
from pathlib import Path

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
fuzz = pytest.importorskip("fuzz", reason="bench/fuzz.py needs hypothesis (pinned in requirements.txt)")

FAST_CASES = 15
CASES = int(os.environ.get("STORYLINE_FUZZ_CASES", 300))
GOOD = b"date 2011-02-02\ntitle Dam holds\n\nThe minister said on Tuesday that the dam on the river held."


@pytest.mark.parametrize("reader", fuzz.READERS)
def test_generated_cases_never_break_ingest(reader):
    s = fuzz.run(reader, FAST_CASES)
    assert s["failure"] is None, s["failure"]
    assert s["cases"] >= 10
    assert sum(s["statuses"].values()) >= s["cases"]


@pytest.mark.slow
@pytest.mark.parametrize("reader", fuzz.READERS)
def test_a_few_hundred_generated_cases_per_reader(reader):
    # Seeded rather than derandomized: other cases than the fast test's, the same ones on every run.
    s = fuzz.run(reader, CASES, seed=15)
    assert s["failure"] is None, s["failure"]
    assert s["cases"] >= min(CASES, 100)   # Hypothesis may stop early once it has tried every distinct input
    assert sum(s["statuses"].values()) >= s["cases"]


def _ingest_one(tmp_path: Path, name: str, data: bytes | None = None, make=None):
    from storyline.ingest import ingest
    root = tmp_path / "in"
    root.mkdir()
    (root / "good.txt").write_bytes(GOOD)
    if data is not None:
        (root / name).write_bytes(data)
    if make:
        make(root / name)
    arts = {Path(a.source_path.split(":")[0]).name: a for a in ingest([root])}
    assert arts["good.txt"].status == "ingested"   # one bad file never stops the others
    return arts[name]


def test_fifo_is_skipped_not_read_forever(tmp_path):
    """Found by the fs generator: reading a named pipe blocked ingest for ever."""
    result = {}
    t = threading.Thread(target=lambda: result.update(a=_ingest_one(tmp_path, "pipe.txt", make=os.mkfifo)),
                         daemon=True)
    t.start()
    t.join(60)
    assert not t.is_alive(), "ingest hangs on a FIFO"
    assert result["a"].status == "skipped" and "not a regular file" in result["a"].reason


def test_link_to_a_device_is_skipped(tmp_path):
    """Found by the fs generator: a link to /dev/zero was read until memory ran out."""
    a = _ingest_one(tmp_path, "zero.txt", make=lambda p: os.symlink("/dev/zero", p))
    assert a.status == "skipped" and "not a regular file" in a.reason


def test_gzip_bomb_stops_at_the_limit(tmp_path):
    """gzip.decompress inflated a bomb whole (128 MB here, any size in the wild) before anything was checked."""
    a = _ingest_one(tmp_path, "bomb.txt.gz", fuzz.gzip_bomb())
    assert a.status == "skipped" and "decompressed size limit" in a.reason


def test_text_over_the_limit_is_skipped(tmp_path):
    """A document over 1,000,000 characters made spaCy raise (E088) in the analysis: the whole build failed.
    It is now skipped at ingest with the limit named."""
    a = _ingest_one(tmp_path, "long.txt", b"date 2011-02-02\n\n" + b"word " * 210_000)   # 1,050,000 characters
    assert a.status == "skipped" and "over the text limit" in a.reason and "1,000,000" in a.reason


def test_file_over_the_size_limit_is_skipped(tmp_path):
    from storyline.ingest import limits
    def sparse(p: Path):
        p.write_bytes(GOOD)
        os.truncate(p, limits.MAX_FILE_BYTES + 1)   # sparse: no 32 MB written to disk
    a = _ingest_one(tmp_path, "huge.txt", make=sparse)
    assert a.status == "skipped" and "over the size limit" in a.reason


def test_truncated_and_multi_member_gzip(tmp_path):
    z = (gzip.compress(b"date 2011-02-11\n\nProtesters marched through Cairo on Friday and the army stood by.")
         + gzip.compress(b" Crowds stayed in Tahrir Square overnight."))
    assert _ingest_one(tmp_path, "ok.txt.gz", z).status == "ingested"
    (tmp_path / "2").mkdir()
    a = _ingest_one(tmp_path / "2", "cut.txt.gz", z[:15])
    assert a.status == "skipped" and "gzip" in a.reason


def test_a_reader_that_raises_becomes_a_skip(tmp_path):
    """Deeply nested HTML (recursion in the extractor) is a skip with the reason, never a crash."""
    a = _ingest_one(tmp_path, "deep.html", b"<html><body>" + b"<div>" * 100_000 + b"The minister said.")
    assert a.status in ("skipped", "ingested")
    assert a.status == "ingested" or a.reason


def test_time_limit_is_a_skip(tmp_path, monkeypatch):
    from storyline.ingest import limits
    monkeypatch.setattr(limits, "MAX_SECONDS", 0.001)
    page = b"<html><head><title>T</title></head><body>" + b"<p>The minister said the dam held.</p>" * 3000
    a = _ingest_one(tmp_path, "slow.html", page)
    assert a.status == "skipped" and "over the time limit" in a.reason
