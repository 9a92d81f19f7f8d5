"""Every CLI failure names the file and the reason, exits non-zero, and shows a traceback only with --debug."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest


def run(*args, env=None):
    return subprocess.run([sys.executable, "-m", "storyline.cli", *args], capture_output=True, text=True,
                          timeout=300, env={**os.environ, **(env or {})})


def test_export_of_a_broken_json_names_the_file(tmp_path):
    (tmp_path / "storyline.json").write_text("{not json")
    r = run("export", str(tmp_path), "-f", "md")
    assert r.returncode == 2 and str(tmp_path / "storyline.json") in r.stderr and "invalid JSON" in r.stderr
    assert "Traceback" not in r.stderr


def test_export_into_an_unwritable_place_names_it(demo_build, tmp_path):
    target = tmp_path / "file"
    target.write_text("x")
    r = run("export", str(demo_build[2]), "-f", "html", "-o", str(target / "sub" / "x.html"))
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert str(target / "sub") in r.stderr and "Not a directory" in r.stderr
    d = run("--debug", "export", str(demo_build[2]), "-f", "html", "-o", str(target / "sub" / "x.html"))
    assert d.returncode == 1 and "Traceback" in d.stderr


def test_build_into_a_file_names_it(tmp_path):
    from conftest import DEMO
    out = tmp_path / "out"
    out.write_text("a file, not a folder")
    r = run("build", str(DEMO / "herald-2025-03-04-veldra-dam-collapse.txt"), "-o", str(out), "-q")
    assert r.returncode != 0 and str(out) in r.stderr and "Traceback" not in r.stderr


def test_build_into_a_locked_dir_is_refused(tmp_path):
    from conftest import DEMO
    from storyline import outdir
    with outdir.lock(tmp_path):
        r = run("build", str(DEMO), "-o", str(tmp_path), "-q")
    assert r.returncode == 3 and "another build" in r.stderr and str(tmp_path) in r.stderr


def test_serve_of_a_missing_build_and_bad_options(tmp_path):
    r = run("serve", str(tmp_path))
    assert r.returncode == 2 and str(tmp_path / "storyline.db") in r.stderr and "Traceback" not in r.stderr
    r = run("serve", str(tmp_path), "--host", "0.0.0.0")
    assert r.returncode == 2 and "--token" in r.stderr
    r = run("serve", str(tmp_path), "--user", "nopassword")
    assert r.returncode == 2 and "USER:PASSWORD" in r.stderr
    r = run("serve", str(tmp_path), "--token", "short")
    assert r.returncode == 2 and "8 characters" in r.stderr


def test_usage_errors_exit_2_without_traceback():
    r = run("build", "--no-such-option")
    assert r.returncode == 2 and "No such option" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.slow
def test_serve_on_a_busy_port_names_it(demo_build):
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        r = run("serve", str(demo_build[2]), "--port", str(port), "-q")
    assert r.returncode == 1 and f"127.0.0.1:{port}" in r.stderr and "Traceback" not in r.stderr
