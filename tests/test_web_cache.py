"""The answer cache of the web app (web/cached.py) and `serve --workers`: a cached answer is never served to a
client without the credential, never outlives its build generation, and several server processes serve one build."""
from __future__ import annotations

import copy
import os
import socket
import subprocess
import sys
import time

import httpx
import pytest
from fastapi.testclient import TestClient

from storyline.web import Credential, create_app

TOKEN = "cache-test-token-1"


def answers(app):
    """The answer store of the generation the app serves now."""
    return app.app.live.get().answers


def test_a_repeated_get_is_answered_from_the_cache(demo_build):
    app = create_app(demo_build[2])
    c = TestClient(app)
    first = c.get("/claims")
    assert first.status_code == 200 and answers(app).misses >= 1
    hits = answers(app).hits
    again = c.get("/claims")
    assert answers(app).hits == hits + 1
    assert again.text == first.text
    # Guard's headers are added to a cached answer too
    assert again.headers["content-security-policy"] == first.headers["content-security-policy"]
    # other query, other answer; errors are not stored
    assert c.get("/claims", params={"p": 2}).status_code == 200
    assert c.get("/entity/no-such-id").status_code == 404
    assert ("/entity/no-such-id", b"") not in answers(app)._d


def test_a_new_generation_is_served_after_a_swap(demo_build, tmp_path):
    from storyline.output import write_all
    result = demo_build[0]
    write_all(result, tmp_path)
    app = create_app(tmp_path)
    c = TestClient(app)
    story = result.stories[0]
    old_title = story.title
    assert old_title in c.get("/api/stories").text
    assert c.get("/api/stories").text == c.get("/api/stories").text and answers(app).hits >= 1
    changed = copy.deepcopy(result)
    changed.stories[0].title = "A title only the second build has"
    write_all(changed, tmp_path)
    after = c.get("/api/stories")
    assert "A title only the second build has" in after.text and old_title not in after.text
    assert "A title only the second build has" in c.get("/").text.replace("&#39;", "'")
    assert answers(app).hits == 0   # the new generation started empty


def test_the_credential_is_checked_before_the_cache(demo_build):
    app = create_app(demo_build[2], Credential(token=TOKEN))
    c = TestClient(app)
    ok = c.get("/api/stories", headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 200
    assert ("/api/stories", b"") in answers(app)._d   # the answer is stored now ...
    c.cookies.clear()
    for headers in ({}, {"Authorization": "Bearer wrong-token-xx"}):
        r = c.get("/api/stories", headers=headers)
        assert r.status_code == 401 and "title" not in r.text   # ... and still refused without the credential
    page = c.get("/", headers={"Authorization": f"Bearer {TOKEN}"})
    assert page.status_code == 200
    c.cookies.clear()
    assert c.get("/").status_code == 401
    # a ?token= link sets the cookie even when the page comes from the cache
    r = c.get("/", params={"token": TOKEN})
    r2 = TestClient(app).get("/", params={"token": TOKEN})
    assert r.status_code == r2.status_code == 200 and "storyline_token" in r2.headers.get("set-cookie", "")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_serve_with_workers_serves_the_build_behind_the_credential(demo_build):
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "storyline.cli", "serve", str(demo_build[2]), "--port",
                               str(port), "--workers", "2", "--token", TOKEN, "-q"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ})
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            assert server.poll() is None, server.stderr.read().decode()
            try:
                if httpx.get(base + "/api/stories", timeout=2).status_code == 401:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        else:
            pytest.fail("serve --workers 2 did not answer")
        assert httpx.get(base + "/api/stories").status_code == 401
        r = httpx.get(base + "/api/stories", headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 200 and r.json()[0]["id"]
        # two server processes under the supervisor
        kids = open(f"/proc/{server.pid}/task/{server.pid}/children").read().split()
        assert len(kids) >= 2
    finally:
        server.terminate()
        server.wait(20)
