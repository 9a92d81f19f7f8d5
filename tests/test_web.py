"""The web app over a build of the demo corpus, through FastAPI's test client (real app, real store)."""
from __future__ import annotations

import re
import sqlite3

import pytest

from conftest import article_for

pytestmark = pytest.mark.slow   # needs the demo build (spaCy)


@pytest.fixture(scope="module")
def client(demo_build):
    from fastapi.testclient import TestClient
    from storyline.web import create_app
    _result, _data, out = demo_build
    return TestClient(create_app(out), raise_server_exceptions=False)


@pytest.fixture(scope="module")
def data(demo_build):
    return demo_build[1]


def biggest(data):
    return max(data["stories"], key=lambda s: len(s["articles"]))


def test_stories_list_shows_title_dates_cast_counts(client, data):
    r = client.get("/")
    assert r.status_code == 200
    s = biggest(data)
    assert s["title"] in r.text.replace("&#39;", "'")
    assert s["date_range"][0] in r.text and s["date_range"][1] in r.text
    assert f'{len(s["articles"])} articles' in r.text
    first = next(e for e in data["entities"] if e["id"] == s["entities"][0])
    assert f'href="/entity/{first["id"]}"' in r.text


def test_story_timeline_has_dates_cards_and_sources(client, data):
    s = biggest(data)
    html, p = "", 1
    while True:      # every page of the story's events
        r = client.get(f"/story/{s['id']}?view=all&p={p}")
        assert r.status_code == 200
        html += r.text
        if 'rel="next"' not in r.text:
            break
        p += 1
    dated = sorted({e["date"] for e in data["events"] if e["story"] == s["id"] and e["date"]})
    heads = list(dict.fromkeys(re.findall(r'<h2 class="date" id="d-([^"]+)"', html)))   # a day may span pages
    assert heads[:len(dated)] == dated                       # date headers, in order
    assert html.count('<details class="card') == len(s["events"])
    ev = next(e for e in data["events"] if e["story"] == s["id"] and e["actors"])
    card = html[html.index(f'id="{ev["id"]}"'):]
    card = card[:card.index("</details>")]
    assert f'badge m-{ev["modality"]}' in card and f'{ev["independent_sources"]} source' in card
    assert f'href="/entity/{ev["actors"][0]}"' in card
    src = ev["sources"][0]
    assert f'/article/{src["article"]}?start={src["start"]}&amp;end={src["end"]}' in card
    assert 'id="density-data"' in html and "/static/app.js" in html


def test_article_page_highlights_the_span(client, data):
    ev = data["events"][0]
    src = ev["sources"][0]
    r = client.get(f"/article/{src['article']}", params={"start": src["start"], "end": src["end"]})
    assert r.status_code == 200
    m = re.search(r'<mark id="hl">(.*?)</mark>', r.text, re.S)
    from html import unescape
    assert m and unescape(m.group(1)) == src["text"]


def test_injected_markup_is_escaped(client, data):
    art = article_for(data, "marenland-today-2025-07-23-interim-report.html")[0]
    assert "<script>alert(1)</script>" in art["text"]      # the corpus carries it as text
    r = client.get(f"/article/{art['id']}")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text
    assert "<script>alert(1)" not in r.text
    r = client.get("/search", params={"q": "alert"})
    assert "<script>alert" not in r.text and "&lt;script&gt;" in r.text


def test_unknown_ids_are_404_pages(client):
    for url in ("/story/s-nope", "/article/a-nope", "/entity/e-nope"):
        r = client.get(url)
        assert r.status_code == 404 and "Not found" in r.text and "Traceback" not in r.text
    r = client.get("/api/events/ev-nope")
    assert r.status_code == 404 and r.json()["detail"].startswith("no event")


def test_entity_page(client, data):
    ent = max(data["entities"], key=lambda e: e["mention_count"])
    r = client.get(f"/entity/{ent['id']}")
    assert r.status_code == 200
    for alias in ent["aliases"]:
        assert alias.replace("'", "&#39;") in r.text
    api = client.get(f"/api/entities/{ent['id']}").json()
    n_events = sum(ent["id"] in e["actors"] for e in data["events"])
    assert api["n_events"] == n_events and len(api["events"]) == min(n_events, 100)
    n_claims = sum(c["speaker"] == ent["id"] for c in data["claims"])
    assert api["n_claims"] == n_claims and len(api["claims"]) == min(n_claims, 100)
    # the rest a page at a time: every event once, in the order of the first page
    pages = [client.get(f"/api/entities/{ent['id']}", params={"offset": o, "limit": 3}).json()["events"]
             for o in range(0, n_events, 3)]
    assert [e["id"] for p in pages for e in p] == [e["id"] for e in api["events"]][:n_events]
    assert len({e["id"] for p in pages for e in p}) == n_events
    assert api["cooccurring"] and all(c["id"] != ent["id"] for c in api["cooccurring"])


def test_claims_filters(client, data):
    anon = [c for c in data["claims"] if c["anonymous"]]
    r = client.get("/api/claims", params={"anonymous": True})
    assert sorted(c["id"] for c in r.json()) == sorted(c["id"] for c in anon)
    speaker = next(c["speaker"] for c in data["claims"] if c["speaker"])
    got = client.get("/api/claims", params={"speaker": speaker}).json()
    assert got and {c["speaker"] for c in got} == {speaker}
    assert len(got) == sum(c["speaker"] == speaker for c in data["claims"])
    page = client.get("/claims", params={"stance": "denies"})
    assert page.status_code == 200
    assert page.text.count('class="claim"') == sum(c["stance"] == "denies" for c in data["claims"])
    assert "No conflicts or updates recorded" in page.text or "class=\"conflict\"" in page.text


def test_conflicts_side_by_side(tmp_path, demo_build, data):
    """Conflicts given by event or claim id show both sides with their sources."""
    import json
    import shutil
    from fastapi.testclient import TestClient
    from storyline.web import create_app
    out = tmp_path / "b"
    shutil.copytree(demo_build[2], out)
    a, b = data["claims"][0], data["events"][1]
    con = sqlite3.connect(out / "storyline.db")     # the store holds the list the conflicts stage wrote
    con.execute("DELETE FROM conflicts")
    con.execute("INSERT INTO conflicts VALUES('x-1', NULL, 'update', ?)",
                (json.dumps({"kind": "update", "a": a["id"], "b": b["id"]}),))
    con.commit()
    con.close()
    r = TestClient(create_app(out)).get("/claims")
    block = r.text[r.text.index('class="conflict"'):]
    assert "update" in block and f"/article/{a['article']}?start={a['start']}" in block
    assert f"/article/{b['sources'][0]['article']}?start={b['sources'][0]['start']}" in block


def test_search_all_kinds(client, data):
    hits = client.get("/api/search", params={"q": "warrant"}).json()
    assert {"article", "event"} <= {h["kind"] for h in hits}
    c = data["claims"][0]
    words = " ".join(sorted(set(re.findall(r"[A-Za-z]{6,}", c["text"])), key=len)[-3:])
    found = client.get("/api/search", params={"q": words, "kind": "claim", "limit": 500}).json()
    assert c["id"] in {h["ref"] for h in found} and {h["kind"] for h in found} == {"claim"}
    assert all("warrant" in (h["snippet"] + h["title"]).lower() for h in hits)
    assert client.get("/api/search", params={"q": 'warrant" OR ('}).status_code == 200   # FTS syntax is not injected
    r = client.get("/search", params={"q": "warrant", "kind": "event"})
    assert r.status_code == 200 and "<mark>" in r.text and 'k-article' not in r.text


def test_openapi_and_no_cdn(client):
    spec = client.get("/openapi.json").json()
    for p in ("/api/stories", "/api/stories/{sid}/timeline", "/api/entities/{eid}", "/api/claims", "/api/search"):
        assert p in spec["paths"]
    assert not any(p.startswith("/story") or p == "/" for p in spec["paths"])   # pages are not API
    for url in ("/", "/api", "/claims"):
        html = client.get(url).text
        assert not re.search(r'(src|href)="(https?:)?//', html), url
    assert client.get("/static/app.js").status_code == 200


def test_timeline_endpoint_respects_dates_and_lines(client, data):
    s = biggest(data)
    tl = client.get(f"/api/stories/{s['id']}/timeline", params={"dates": 3, "lines": 1}).json()
    assert len(tl) == 3 and [x["date"] for x in tl] == sorted(x["date"] for x in tl)
    assert all(len(x["lines"]) == 1 and x["lines"][0]["sources"][0]["outlet"] is not None for x in tl)
    assert client.get(f"/api/stories/{s['id']}/timeline", params={"dates": 0}).status_code == 422
    page = client.get(f"/story/{s['id']}", params={"dates": 3, "lines": 1}).text
    assert page.count('class="tl-line"') == 3 and 'name="dates"' in page
    for x in tl:
        basis = x["lines"][0]["date_basis"]
        assert f'data-date="{x["date"]}" data-basis="{basis}"' in page
        if basis == "reported":    # labelled with the day the report came out, not the day it is filed under
            assert f'reported {x["lines"][0]["reported_on"]}</span>' in page


def test_store_is_opened_read_only(demo_build):
    from storyline.web.data import Store
    st = Store(demo_build[2])
    con = st._con()
    with pytest.raises(sqlite3.OperationalError):
        con.execute("DELETE FROM events")
    con.close()


def test_missing_store_is_a_clear_error(tmp_path):
    from storyline.web import StoreMissing, create_app
    with pytest.raises(StoreMissing, match="no built store"):
        create_app(tmp_path)


def test_untrusted_fields_in_templates():
    """Titles, text and URLs come from articles: markup is escaped and a javascript: URL never becomes a link."""
    from storyline.web import env
    a = {"id": "a-1", "title": "<b>t</b>", "outlet": None, "published": None, "published_from": "none",
         "status": "ingested", "reason": None, "duplicate_of": None, "source_path": "x", "url": "javascript:alert(1)",
         "stories": [], "text": "one <img src=x onerror=alert(1)> two", "captions": [], "dropped": []}
    html = env().get_template("article.html").render(a=a, start=4, end=8, path="/", q="")
    assert 'href="javascript' not in html and "<img" not in html and "&lt;b&gt;t&lt;/b&gt;" in html
    assert '<mark id="hl">&lt;img</mark>' in html


def test_story_opens_on_key_events_and_links_to_all(client, data):
    s = biggest(data)
    evs = [e for e in data["events"] if e["story"] == s["id"]]
    key = [e for e in evs if e["key"]]
    assert 0 < len(key) < len(evs)
    html = client.get(f"/story/{s['id']}").text
    assert html.count('<details class="card') == len(key)
    assert 'href="?view=all"' in html and f"show all {len(evs)} events" in html
    weak = next(e for e in evs if not e["key"])
    assert f'id="{weak["id"]}"' not in html
    full = client.get(f"/story/{s['id']}?view=all").text
    minor = full[full.index(f'id="{weak["id"]}"') - 3000:full.index(f'id="{weak["id"]}"')]
    assert '<details class="minor">' in minor                     # collapsed with the other minor events
    assert client.get(f"/story/{s['id']}?view=bogus").status_code == 422


def test_store_holds_ranking_companions_and_conflicts(demo_build, data):
    """What the pages read from the store equals what storyline.json says (ranking, conflicts), and the companions
    counted at build equal a count over the stored mentions."""
    import json
    from collections import Counter, defaultdict
    con = sqlite3.connect(demo_build[2] / "storyline.db")
    stored = {r[0]: r[1:] for r in con.execute("SELECT id, salience, key, weak, why FROM events")}
    assert stored and all(stored[e["id"]] == (e["salience"], int(e["key"]), json.dumps(e["weak"]), json.dumps(e["why"]))
                          for e in data["events"])
    assert [json.loads(b) for (b,) in con.execute("SELECT body FROM conflicts ORDER BY rowid")] == data["conflicts"]
    arts = defaultdict(set)
    for art, ent in con.execute("SELECT article, entity FROM mentions WHERE entity IS NOT NULL"):
        arts[art].add(ent)
    co: dict[str, Counter] = defaultdict(Counter)
    for ents in arts.values():
        for a in ents:
            co[a].update(ents - {a})
    want = {(a, b, n) for a, c in co.items() for b, n in sorted(c.items(), key=lambda x: (-x[1], x[0]))[:15]}
    assert want and set(con.execute("SELECT entity, other, articles FROM cooccurring")) == want
    by_date = [r[0] for r in con.execute("SELECT c.id FROM claims c LEFT JOIN articles a ON a.id = c.article "
                                         "ORDER BY a.published, c.id")]
    assert [r[0] for r in con.execute("SELECT id FROM claims ORDER BY seq")] == by_date   # the stored reading order
