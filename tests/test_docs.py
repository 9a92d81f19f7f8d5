"""The documentation site builds in strict mode (a broken link, a missing page or a bad nav entry fails CI)."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_docs_build_strict(tmp_path):
    mkdocs = Path(sys.executable).with_name("mkdocs")
    if not mkdocs.exists():
        mkdocs = shutil.which("mkdocs")
    if not mkdocs:
        pytest.fail("mkdocs is not installed: it is pinned in requirements.txt")
    r = subprocess.run([str(mkdocs), "build", "--strict", "--site-dir", str(tmp_path / "site")], cwd=ROOT,
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr[-2000:]
    assert (tmp_path / "site" / "index.html").exists()
