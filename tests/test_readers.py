"""Reading inputs: formats, headers, encodings, bad files. Every file is ingested or skipped with a reason."""
from __future__ import annotations

import gzip
import io
import json

import pytest

from storyline.ingest import ingest
from storyline.ingest.readers import InputError, parse_field_map, parse_text, read_file

STORY = ("The city council approved the new bridge on Tuesday after a long debate. "
         "Mayor Ada Lind said the bridge would open next year.\n\n"
         "Opponents said the cost was too high and promised to keep campaigning against it.\n")


def test_header_lines_and_date_glued_to_first_line():
    doc = parse_text(" date 2024-11-09 The court met today.\n\nMore text.", "f.txt", "f.txt")
    assert doc.date == "2024-11-09" and doc.date_from == "header"
    assert doc.text.startswith("The court met today.")
    doc = parse_text("date 2023-01-02\ntitle A headline\nsource Daily Planet\nurl https://x.test/a\n\nBody.",
                     "f.txt", "f.txt")
    assert (doc.title, doc.outlet, doc.url, doc.text) == ("A headline", "Daily Planet", "https://x.test/a", "Body.")


def test_every_file_is_ingested_or_skipped_with_a_reason(tmp_path):
    (tmp_path / "good.txt").write_text("date 2024-05-01\n\n" + STORY)
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02garbage\x00" * 50)
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "notes.xyz").write_text("some text")
    (tmp_path / "latin.txt").write_bytes(("date 2024-05-02\n\n" + STORY.replace("Mayor", "Maire José"))
                                         .encode("latin-1"))
    (tmp_path / "bad.jsonl").write_text('{"title": "ok", "text": "' + STORY.replace("\n", " ") + '"}\n{not json}\n')
    arts = ingest([tmp_path])
    by_path = {}
    for a in arts:
        by_path.setdefault(a.source_path.split("/")[-1], []).append(a)
    assert by_path["good.txt"][0].status == "ingested"
    # latin.txt repeats good.txt almost word for word: read correctly, then linked as its near-copy.
    latin = by_path["latin.txt"][0]
    assert latin.status == "duplicate" and latin.duplicate_of == by_path["good.txt"][0].id and "José" in latin.text
    assert by_path["empty.txt"][0].status == "skipped" and "empty" in by_path["empty.txt"][0].reason
    assert by_path["binary.txt"][0].status == "skipped" and "binary" in by_path["binary.txt"][0].reason
    assert by_path["image.png"][0].status == "skipped" and by_path["image.png"][0].reason
    assert by_path["notes.xyz"][0].status == "skipped" and "unsupported" in by_path["notes.xyz"][0].reason
    jsonl = [a for a in arts if "bad.jsonl" in a.source_path]
    assert [a.status for a in jsonl] == ["duplicate", "skipped"]
    assert "invalid JSON" in jsonl[1].reason and "line 2" in jsonl[1].reason
    assert all(a.status in ("ingested", "duplicate", "skipped") for a in arts)
    assert all(a.reason for a in arts if a.status == "skipped")


def test_missing_path_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        ingest([tmp_path / "nope"])


def test_same_name_in_two_folders_gives_two_articles(tmp_path):
    for d, extra in (("a", "The bridge opened."), ("b", "The tunnel closed for repairs on Monday.")):
        (tmp_path / d).mkdir()
        (tmp_path / d / "story.txt").write_text(STORY + "\n" + extra + " " + d * 30)
    arts = ingest([tmp_path])
    ids = [a.id for a in arts]
    assert len(ids) == 2 and len(set(ids)) == 2


def test_ids_are_stable_across_runs(tmp_path):
    (tmp_path / "one.txt").write_text(STORY)
    assert [a.id for a in ingest([tmp_path])] == [a.id for a in ingest([tmp_path])]


def test_json_records_news_please_fields(tmp_path):
    rec = {"id": "r1", "title": "T", "maintext": STORY, "date_publish": "2024-02-03 10:00:00", "url": "https://n.test/x",
           "source_domain": "n.test"}
    p = tmp_path / "recs.json"
    p.write_text(json.dumps([rec]))
    (a,) = ingest([p])
    assert (a.title, a.published, a.published_from, a.outlet, a.url) == (
        "T", "2024-02-03", "metadata", "n.test", "https://n.test/x")


def test_gzip_and_path_date(tmp_path):
    d = tmp_path / "2023-04-05"
    d.mkdir()
    (d / "x.txt.gz").write_bytes(gzip.compress(STORY.encode()))
    (a,) = ingest([tmp_path])
    assert a.status == "ingested" and a.published == "2023-04-05" and a.published_from == "path"


def test_html_page_main_text_and_metadata(tmp_path):
    page = """<html><head><title>Bridge vote | Daily Planet</title>
    <meta property="article:published_time" content="2024-03-05T09:00:00Z"></head><body>
    <nav>Home News Sport</nav><div class="cookie">We use cookies. Accept all cookies?</div>
    <article><h1>Council approves bridge</h1>""" + "".join(f"<p>{p}</p>" for p in STORY.split("\n\n")) + \
        """<p>The vote was 7 to 2. Work will start in the autumn, the council said in a statement.</p></article>
    <footer>Copyright Daily Planet</footer></body></html>"""
    p = tmp_path / "page.html"
    p.write_text(page)
    (a,) = ingest([p])
    assert a.status == "ingested"
    assert a.published == "2024-03-05"
    assert "approved the new bridge" in a.text and "cookies" not in a.text and "Copyright" not in a.text


def test_warc_responses_become_articles(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)
    html = ("<html><head><title>Bridge</title></head><body><article><h1>Bridge approved</h1>" +
            "".join(f"<p>{s}</p>" for s in STORY.split("\n\n")) + "</article></body></html>").encode()
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    w.write_record(w.create_warc_record("https://news.test/2024/06/07/bridge", "response",
                                       payload=io.BytesIO(html), http_headers=headers))
    p = tmp_path / "crawl.warc.gz"
    p.write_bytes(buf.getvalue())
    (a,) = ingest([p])
    assert a.status == "ingested" and a.url == "https://news.test/2024/06/07/bridge"
    assert "approved the new bridge" in a.text
    assert a.published == "2024-06-07"


def test_read_file_never_raises_on_garbage(tmp_path):
    p = tmp_path / "x.warc"
    p.write_bytes(b"this is not a warc file at all")
    docs = read_file(p, "x.warc")
    assert all(d.skip for d in docs)


def test_field_map_reads_another_json_layout(tmp_path):
    recs = {"data": {"items": [
        {"key": "n1", "story": {"headline": "Bridge vote", "body": STORY}, "meta": {"published": 1709625600},
         "link": "https://o.test/1"},
        {"key": "n2", "story": {"headline": "Tunnel", "body": "The tunnel under the river closed on Monday for "
                                "repairs that will take a month, the transport authority said."},
         "meta": {"published": "5 March 2024"}}]}}
    p = tmp_path / "dump.json"
    p.write_text(json.dumps(recs))
    fmap = parse_field_map("records=data.items,id=key,title=story.headline,text=story.body,date=meta.published")
    a, b = ingest([p], field_map=fmap)
    assert (a.title, a.published, a.published_from, a.url) == ("Bridge vote", "2024-03-05", "metadata",
                                                               "https://o.test/1")
    assert "approved the new bridge" in a.text and b.published == "2024-03-05"
    assert a.id != b.id
    # Without the map the same file is read as one record without text: skipped with a hint, not a crash.
    (c,) = ingest([p])
    assert c.status == "skipped" and "--field-map" in c.reason


def test_field_map_errors_name_the_entry():
    with pytest.raises(ValueError, match="bogus"):
        parse_field_map("bogus=x")
    with pytest.raises(ValueError, match="name=field"):
        parse_field_map("text")


def test_cp1252_text_is_detected_and_decoded(tmp_path):
    text = ("date 2024-05-02\n\nThe mayor\u2019s office said on Tuesday that the caf\u00e9 on the square would reopen "
            "\u201cas soon as possible\u201d after the fire \u2013 the second this year. Residents of Saint-\u00c9tienne "
            "street were told to keep their windows closed while workers cleared the debris.\n")
    p = tmp_path / "cp.txt"
    p.write_bytes(text.encode("cp1252"))
    (a,) = ingest([p])
    assert a.status == "ingested" and a.published == "2024-05-02"
    assert "mayor\u2019s" in a.text and "\u201cas soon as possible\u201d" in a.text and "Saint-\u00c9tienne" in a.text


def test_ids_stay_distinct_for_same_name_under_two_roots(tmp_path):
    for d in ("x", "y"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "story.txt").write_text(STORY + f"\nA line only in {d} about the {d}-street market.")
    a = ingest([tmp_path / "x", tmp_path / "y"])
    assert len({x.id for x in a}) == 2


def _page(extra: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in STORY.split("\n\n"))
    return (f"<html><head><title>Bridge</title></head><body><article><h1>Council approves bridge</h1>{extra}"
            f"{body}<p>The vote was 7 to 2, and work will start in the autumn, the council said.</p></article>"
            "<footer>\u00a9 2024 Daily Planet</footer></body></html>")


def test_html_printed_date_is_used_but_a_copyright_year_is_not(tmp_path):
    (tmp_path / "dated.html").write_text(_page("<p class='date'>Posted: March 28, 2024</p>"))
    (tmp_path / "undated.html").write_text(_page(""))
    arts = {a.source_path.rsplit("/", 1)[-1]: a for a in ingest([tmp_path])}
    assert (arts["dated.html"].published, arts["dated.html"].published_from) == ("2024-03-28", "metadata")
    assert arts["undated.html"].published is None


def test_html_outlet_is_the_site_name_in_the_title_not_the_host(tmp_path):
    """trafilatura falls back to the host name ("daily-planet.test") when a page has no og:site_name; the page's
    <title> writes the site's name after the headline ("Bridge vote | Daily Planet"), which a reader knows it by."""
    def page(title, canonical):
        return (f"<html><head><title>{title}</title><link rel=\"canonical\" href=\"{canonical}\">"
                "<meta property=\"article:published_time\" content=\"2024-03-05T09:00:00Z\"></head><body><article>"
                "<h1>Council approves bridge</h1>" + "".join(f"<p>{p}</p>" for p in STORY.split("\n\n")) +
                "</article></body></html>")
    p = tmp_path / "a.html"
    p.write_text(page("Bridge vote | Daily Planet", "https://daily-planet.test/news/bridge"))
    (a,) = ingest([p])
    assert a.outlet == "Daily Planet"
    # A title suffix that is not the site's name (no match with the host) leaves the host.
    p.write_text(page("Bridge vote | Local News", "https://daily-planet.test/news/bridge"))
    (a,) = ingest([p])
    assert a.outlet == "daily-planet.test"
