"""The ingest option of the command line: --field-map."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"


def test_bad_field_map_is_a_usage_error_naming_the_entry(tmp_path):
    (tmp_path / "a.json").write_text('{"body": "text"}')
    env = dict(os.environ, PYTHONPATH=str(SRC) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    r = subprocess.run([sys.executable, "-m", "storyline.cli", "build", str(tmp_path), "--out", str(tmp_path / "o"),
                        "--field-map", "txt=body"], capture_output=True, text=True, timeout=120, env=env)
    assert r.returncode == 2 and "--field-map" in r.stderr and "txt" in r.stderr
    assert not (tmp_path / "o").exists()
