"""End to end in a real browser: Debian's Chromium, headless, driven by Playwright, against `storyline serve`.

Playwright never downloads a browser here: it launches /usr/bin/chromium (installed by scripts/sysdeps.sh).
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from conftest import ROOT, article_for

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = os.environ.get("STORYLINE_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
SHOTS = ROOT / "test-output"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(demo_build):
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)) and not shutil.which("chromium"):
        pytest.skip(f"Chromium not found at {CHROMIUM} (install the Debian package: `make sysdeps`)")
    pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.Popen([sys.executable, "-m", "storyline.cli", "serve", str(demo_build[2]), "--port", str(port),
                             "--quiet"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            if proc.poll() is not None:
                pytest.fail(f"storyline serve exited: {proc.stdout.read()}")
            try:
                urllib.request.urlopen(base + "/api/stories", timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("storyline serve did not answer within 20 s")
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def page(server):
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium") if not os.path.isfile(CHROMIUM)
                                    else CHROMIUM, args=ARGS, headless=True)
        pg = browser.new_page(viewport={"width": 1200, "height": 900})
        pg.dialogs = []
        pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
        pg.errors = []
        pg.on("pageerror", lambda e: pg.errors.append(str(e)))
        yield pg
        browser.close()


def test_follow_a_story_to_its_source_sentence(server, page, demo_build):
    data = demo_build[1]
    story = max(data["stories"], key=lambda s: len(s["articles"]))
    page.goto(server + "/")
    link = page.get_by_role("link", name=story["title"])
    assert link.is_visible()
    link.click()
    page.wait_for_url(f"**/story/{story['id']}")
    assert page.locator("h2.date").count() >= 5
    assert page.locator("svg#density rect.bar").count() > 0          # the chart drew
    before = page.locator("svg#density rect.bar").count()
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "timeline.png"))
    ev = next(e for e in data["events"] if e["story"] == story["id"] and e["date"] and e["actors"] and e["key"])
    card = page.locator(f"details#{ev['id']}")
    src = card.locator("ol.sources a.src").first
    assert not src.is_visible()                                       # collapsed
    card.locator("summary").click()
    assert card.evaluate("el => el.open") and src.is_visible()        # expanded to its sources
    page.locator("button[data-zoom=in]").click()
    assert page.locator("#range").inner_text() and page.locator("svg#density rect.bar").count() <= before + 60
    src.click()
    page.wait_for_url("**/article/**")
    mark = page.locator("mark#hl")
    assert mark.is_visible()
    assert mark.inner_text().split() == ev["sources"][0]["text"].split()
    assert not page.errors


def test_search(server, page):
    page.goto(server + "/")
    page.get_by_role("search").get_by_role("searchbox").fill("warrant")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=warrant")
    hits = page.locator("li.hit")
    assert hits.count() > 3
    assert "warrant" in page.locator("li.hit mark").first.inner_text().lower()


def test_injected_markup_shows_as_text(server, page, demo_build):
    art = article_for(demo_build[1], "marenland-today-2025-07-23-interim-report.html")[0]
    page.goto(f"{server}/article/{art['id']}")
    text = page.locator("article.text").inner_text()
    assert "<script>alert(1)</script>" in text
    assert page.locator("article.text script").count() == 0
    page.wait_for_timeout(300)
    assert page.dialogs == []                                          # no alert fired
