"""Who gets in (token, basic auth), the security headers, traversal, and hostile search input."""
from __future__ import annotations

import base64
import re

import pytest
from fastapi.testclient import TestClient

from storyline.web import Credential, create_app

ROUTES = ["/", "/entities", "/claims", "/search?q=dam", "/api", "/api/stories", "/api/claims", "/api/entities",
          "/api/search?q=dam", "/static/app.css", "/openapi.json"]


@pytest.fixture(scope="module")
def out(demo_build):
    return demo_build[2]


def test_token_is_required_on_every_route(out, demo_build):
    data = demo_build[1]
    routes = ROUTES + [f"/story/{data['stories'][0]['id']}", f"/article/{data['articles'][0]['id']}",
                       f"/api/articles/{data['articles'][0]['id']}"]
    c = TestClient(create_app(out, Credential(token="s3cret-token")))
    for r in routes:
        assert c.get(r).status_code == 401, r
        assert c.get(r, headers={"Authorization": "Bearer wrong-token"}).status_code == 401, r
        assert c.get(r, headers={"Authorization": "Bearer s3cret-token"}).status_code == 200, r


def test_token_link_sets_a_cookie_for_the_pages(out):
    c = TestClient(create_app(out, Credential(token="s3cret-token")))
    first = c.get("/?token=s3cret-token")
    assert first.status_code == 200 and "storyline_token" in first.headers["set-cookie"]
    assert "HttpOnly" in first.headers["set-cookie"]
    assert c.get("/entities").status_code == 200            # the cookie carries it now
    c.cookies.clear()
    assert c.get("/entities").status_code == 401
    assert c.get("/?token=s3cret-tokeX").status_code == 401


def test_basic_auth(out):
    c = TestClient(create_app(out, Credential.parse_user("editor:pa:ss")))
    r = c.get("/api/stories")
    assert r.status_code == 401 and r.headers["www-authenticate"].startswith("Basic")
    good = base64.b64encode(b"editor:pa:ss").decode()
    bad = base64.b64encode(b"editor:pa").decode()
    assert c.get("/api/stories", headers={"Authorization": f"Basic {good}"}).status_code == 200
    assert c.get("/api/stories", headers={"Authorization": f"Basic {bad}"}).status_code == 401
    assert c.get("/api/stories", headers={"Authorization": "Basic %%%notbase64"}).status_code == 401
    with pytest.raises(ValueError):
        Credential.parse_user("editor")


def test_security_headers_on_pages_api_errors_and_401(out):
    c = TestClient(create_app(out))
    locked = TestClient(create_app(out, Credential(token="s3cret-token")))
    for r in (c.get("/"), c.get("/api/stories"), c.get("/story/nope"), c.get("/static/app.js"), locked.get("/")):
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "default-src 'none'" in csp and "unsafe-inline" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("path", ["/static/../storyline.db", "/static/%2e%2e/%2e%2e/storyline.db",
                                  "/article/..%2F..%2Fstoryline.db", "/article/%252e%252e%252fetc",
                                  "/api/articles/..%5c..%5cx", "/entity/a%00b", "/static/..\\web\\data.py"])
def test_traversal_is_404(out, path):
    r = TestClient(create_app(out)).get(path)
    assert r.status_code == 404, path


@pytest.mark.parametrize("q", ['warrant" OR (', "NEAR(a b, 3)", "a AND OR NOT", "*", "^dam", "col:warrant",
                               '"""', "\x00\x01\x1f", "ダム 崩壊 \u202e", "x" * 1000, "(((((", "dam*" * 50])
def test_hostile_search_gives_results_not_500(out, q):
    c = TestClient(create_app(out), raise_server_exceptions=False)
    for url in ("/api/search", "/search"):
        r = c.get(url, params={"q": q})
        assert r.status_code == 200, (url, q, r.status_code)


def test_overlong_search_is_a_clear_400(out):
    c = TestClient(create_app(out), raise_server_exceptions=False)
    r = c.get("/api/search", params={"q": "dam " * 2600})
    assert r.status_code == 400 and "at most 1000" in r.json()["detail"]
    r = c.get("/search", params={"q": "x" * 10_000})
    assert r.status_code == 400 and "at most 1000" in r.text


def test_reader_follows_a_new_build(demo_build, tmp_path):
    """Each request reads the generation current when it arrives: a rebuild shows up without a restart."""
    from storyline.output import write_all
    write_all(demo_build[0], tmp_path)
    c = TestClient(create_app(tmp_path))
    first = c.get("/api/stories").json()
    write_all(demo_build[0], tmp_path)
    write_all(demo_build[0], tmp_path)   # the generation the app had opened is deleted now
    assert c.get("/api/stories").json() == first


def test_large_lists_are_paged(demo_build, monkeypatch):
    """Claims, cast and a story's events come a page at a time (the slow pages of the load test)."""
    import storyline.web.pages as web   # the page sizes the page views read
    monkeypatch.setattr(web, "PAGE", 2)
    monkeypatch.setattr(web, "ENTITIES_PAGE", 3)
    monkeypatch.setattr(web, "EVENTS_PAGE", 2)
    monkeypatch.setattr(web, "SEARCH_PAGE", 2)
    data = demo_build[1]
    c = TestClient(create_app(demo_build[2]))
    first, second = c.get("/claims").text, c.get("/claims?p=2").text
    assert first.count('class="claim"') == 2 and 'rel="next" href="/claims?p=2"' in first
    assert f"{len(data['claims'])} claims" in first and 'rel="prev"' in second
    assert c.get("/entities").text.count('<a href="/entity/') == 3
    s = max(data["stories"], key=lambda s: len(s["events"]))
    page = c.get(f"/story/{s['id']}?view=all").text
    assert page.count('<details class="card') == 2 and "view=all&amp;p=2" in page
    key = [e["id"] for e in sorted((e for e in data["events"] if e["story"] == s["id"] and e["key"]),
                                   key=lambda e: (e["date"] is None, e["date"] or "", e["id"]))]
    second = c.get(f"/story/{s['id']}?view=key&p=2").text   # the key view pages over key events only
    assert set(re.findall(r'<details class="card[^"]*" id="([^"]+)"', second)) == set(key[2:4])   # a day by salience
    ent = max(data["entities"], key=lambda e: sum(e["id"] in v["actors"] for v in data["events"]))
    n = sum(ent["id"] in v["actors"] for v in data["events"])
    mine = c.get(f"/entity/{ent['id']}").text
    assert mine.count('<details class="card') == 2 and f"Events ({n})" in mine and 'rel="next" href="?p=2"' in mine
    claims = sum(x["speaker"] == ent["id"] for x in data["claims"])
    assert mine.count('class="claim"') == min(2, claims)
    assert (f'all {claims} claims' in mine) == (claims > 2)
    hits = re.compile(r'<li class="hit k-(\w+)">.*?href="([^"]+)"', re.S)
    one, two = c.get("/search?q=warrant").text, c.get("/search?q=warrant&p=2").text
    assert len(hits.findall(one)) == 2 and 'rel="next" href="?q=warrant&amp;p=2"' in one and 'start="3"' in two
    every = [(h["kind"], h["ref"]) for h in c.get("/api/search", params={"q": "warrant", "limit": 4}).json()]
    assert len(every) == 4 and [h["ref"] for h in c.get("/api/search", params={"q": "warrant", "limit": 2,
                                                                               "offset": 2}).json()] == [r for _, r in every[2:]]
    assert all(ref in "".join(two.split('class="hits"')[1:]) for _, ref in every[2:])
