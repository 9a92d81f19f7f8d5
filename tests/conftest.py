"""Shared fixtures: builds of the bundled demo corpus and, when present, the ICC seed corpus."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
DEMO = EXAMPLES / "demo"
# The workspace's shared/ sits beside the checkout; STORYLINE_SHARED points elsewhere (e.g. from a git worktree).
SHARED = Path(os.environ.get("STORYLINE_SHARED", ROOT.parent / "shared"))
ICC = SHARED / "corpus" / "icc-seeds"
T17 = SHARED / "datasets" / "t17"


@pytest.fixture(scope="session")
def expected() -> dict:
    return json.loads((EXAMPLES / "expected.json").read_text())


@pytest.fixture(scope="session")
def demo_build(tmp_path_factory):
    import storyline
    out = tmp_path_factory.mktemp("demo")
    result = storyline.build([DEMO], out_dir=out)
    data = json.loads((out / "storyline.json").read_text())
    return result, data, out


@pytest.fixture(scope="session")
def icc_build(tmp_path_factory):
    if not ICC.is_dir():
        pytest.skip(f"ICC seed corpus not found at {ICC} (it lives in the workspace's shared/ folder)")
    import storyline
    out = tmp_path_factory.mktemp("icc")
    result = storyline.build([ICC], out_dir=out)
    data = json.loads((out / "storyline.json").read_text())
    return result, data, out


def article_for(data: dict, relpath: str) -> list[dict]:
    """Articles whose source path ends with the given path (a .jsonl gives one per record)."""
    return [a for a in data["articles"] if a["source_path"].replace("\\", "/").split(":")[0].endswith(relpath)]
