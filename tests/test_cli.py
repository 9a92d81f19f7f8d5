"""The command line: exit codes, summary, JSON output."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import DEMO


def run(*args):
    return subprocess.run([sys.executable, "-m", "storyline.cli", *args], capture_output=True, text=True, timeout=300)


def test_version():
    r = run("--version")
    assert r.returncode == 0 and r.stdout.startswith("storyline ")


def test_missing_path_is_a_usage_error(tmp_path):
    r = run("build", str(tmp_path / "missing"), "--out", str(tmp_path / "out"))
    assert r.returncode == 2 and "no such file or directory" in r.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
def test_build_json_summary_and_skips(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text((DEMO / "herald-2025-03-04-veldra-dam-collapse.txt").read_text())
    (corpus / "junk.bin").write_bytes(b"\x00\x01" * 100)
    r = run("build", str(corpus), "--out", str(tmp_path / "out"), "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["summary"]["articles"] == 1 and out["summary"]["skipped"] == 1
    assert out["skipped"][0]["path"].endswith("junk.bin") and out["skipped"][0]["reason"]
    assert (tmp_path / "out" / "storyline.json").exists()
