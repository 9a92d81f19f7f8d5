"""Fuzz every reader of ingest with Hypothesis: generated and mutated files, the property checked on each.

    PYTHONPATH=src python bench/fuzz.py --cases 10000 [--readers text,html,json,warc,gzip,fs] [--seed 0]
        [--max-seconds S] [--progress N]

Readers: plain text, HTML, JSON/JSONL, WARC, gzip (of any of the others, plus truncated streams and bombs), and fs
(the filesystem around the files: symlinks, dangling and looping links, FIFOs, devices, empty and unreadable
directories). Generators are structure-aware (header lines, nested or unclosed tags, records with odd field types,
WARC records with bad headers or lengths) and mutations act on the bytes (truncation, another encoding, BOMs, NUL
bytes, one very long line, flipped bytes).

The property, per case: ``ingest([dir])`` returns without an exception, within the time limit, and every file
written into ``dir`` is accounted for by at least one article whose source path names it, each ingested, a
duplicate, or skipped with a reason. A failing case is saved under --failures and printed (Hypothesis shrinks it
first); it then belongs in tests/test_fuzz_ingest.py as a regression test.
"""
from __future__ import annotations

import argparse
import codecs
import gzip
import io
import json
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("STORYLINE_MAX_SECONDS", "20")

from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

READERS = ("text", "html", "json", "warc", "gzip", "fs")
WORDS = ["Minister", "said", "the", "dam", "on", "Tuesday", "Reuters", "2011-02-02", "«quoted»", "protest", "Cairo",
         "H1N1", "\u202eevil", "<b>", "&amp;", "=1+2", "null", "\u00e9t\u00e9", "\u4e2d\u6587", "\U0001f600", "\t"]
word = st.sampled_from(WORDS) | st.text(min_size=1, max_size=12)
sentence = st.lists(word, min_size=1, max_size=30).map(" ".join)
paragraphs = st.lists(sentence, min_size=0, max_size=8).map("\n\n".join)
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "latin-1", "cp1252", "shift_jis", "koi8-r",
             "utf-32"]
BOMS = [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, b""]


# -- structure-aware generators ------------------------------------------------------------------------------------
@st.composite
def text_doc(draw) -> tuple[str, str]:
    head = draw(st.lists(st.sampled_from(["date 2011-02-02", "date 2011-02-02 The day began", "title A headline",
                                          "url http://x.test/a?b=c", "source Outlet", "date 99999-99-99",
                                          "author \x00", "title " + "T" * 500]), max_size=4))
    return draw(st.sampled_from(["a.txt", "b.md", "c.text", "noext", "d.log", "e.csv"])), \
        "\n".join(head) + "\n\n" + draw(paragraphs)


def _node(draw, depth: int) -> str:
    tag = draw(st.sampled_from(["p", "div", "span", "article", "script", "style", "svg", "a", "table", "td", "h1",
                                "title", "meta", "iframe", "x-y", "p/", "!--"]))
    attrs = draw(st.sampled_from(["", ' class="content"', " onload=alert(1)", ' href="javascript:alert(1)"',
                                  ' data-x="\'"><', ' property="article:published_time" content="2011-02-02"']))
    inner = draw(sentence) if depth <= 0 else "".join(_node(draw, depth - 1)
                                                      for _ in range(draw(st.integers(0, 3))))
    close = draw(st.sampled_from([f"</{tag}>", "", "</div>", "</"]))
    return f"<{tag}{attrs}>{inner}{close}"


@st.composite
def html_doc(draw) -> tuple[str, str]:
    depth = draw(st.sampled_from([0, 1, 2, 3, 4]))
    body = "".join(_node(draw, depth) for _ in range(draw(st.integers(0, 4))))
    deep = draw(st.sampled_from([0, 0, 0, 200, 3000, 20000]))
    if deep:   # deeply nested, unclosed
        body += "<div>" * deep + draw(sentence)
    head = draw(st.sampled_from(["<!doctype html><html><head><title>T</title></head>", "<html>", "", "<?xml?>",
                                 '<meta charset="shift_jis">']))
    return draw(st.sampled_from(["p.html", "p.htm", "p.xhtml"])), head + "<body>" + body + draw(paragraphs)


json_scalar = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=40) | sentence
json_value = st.recursive(json_scalar, lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=8), c,
                                                                                            max_size=4), max_leaves=12)
record = st.fixed_dictionaries({}, optional={
    "id": json_value, "title": json_value, "text": sentence | json_value, "html": st.just("<p>x</p>") | json_value,
    "date": st.sampled_from(["2011-02-02", "2 February 2011", "yesterday", "", "9999999999999", "0000-00-00"])
    | json_value, "url": json_value, "source": json_value, "maintext": paragraphs})


@st.composite
def json_doc(draw) -> tuple[str, str]:
    shape = draw(st.sampled_from(["list", "object", "wrapped", "jsonl", "broken", "nested", "scalar"]))
    recs = draw(st.lists(record, max_size=5))
    if shape == "list":
        text = json.dumps(recs)
    elif shape == "object":
        text = json.dumps(recs[0] if recs else {})
    elif shape == "wrapped":
        text = json.dumps({"articles": recs, "meta": draw(json_value)})
    elif shape == "jsonl":
        text = "\n".join(json.dumps(r) if draw(st.booleans()) else json.dumps(r)[:-2] for r in recs)
    elif shape == "nested":
        n = draw(st.sampled_from([100, 5000, 200000]))
        text = "[" * n + "]" * draw(st.sampled_from([0, n]))
    elif shape == "scalar":
        text = json.dumps(draw(json_scalar))
    else:
        text = draw(st.sampled_from(['{"text": "unterminated', "{'text': 'single quotes'}", "[1,,2]", "{}{}",
                                     '{"text": "\\ud800"}', "NaN", '{"text": 1e999999}']))
    return draw(st.sampled_from(["r.json", "r.jsonl", "r.ndjson"])), text


@st.composite
def warc_doc(draw) -> tuple[str, bytes]:
    out = io.BytesIO()
    for _ in range(draw(st.integers(0, 3))):
        _, page = draw(html_doc())
        body = page.encode("utf-8", "surrogatepass")
        http = (b"HTTP/1.1 200 OK\r\nContent-Type: " + draw(st.sampled_from([b"text/html", b"text/plain", b""]))
                + b"\r\n\r\n" + body)
        length = len(http) + draw(st.sampled_from([0, 0, 0, -5, 7, 10**9]))
        headers = [b"WARC/1.0", b"WARC-Type: " + draw(st.sampled_from([b"response", b"request", b"resource", b""])),
                   b"WARC-Target-URI: " + draw(st.sampled_from([b"http://x.test/a", b"", b"\xff\xfe", b"::"])),
                   b"WARC-Date: " + draw(st.sampled_from([b"2011-02-02T00:00:00Z", b"garbage"])),
                   b"Content-Length: " + draw(st.sampled_from([str(length).encode(), b"-1", b"abc", b""]))]
        if draw(st.booleans()):
            headers.insert(1, b"Content-Type: application/http; msgtype=response")
        out.write(b"\r\n".join(headers) + b"\r\n\r\n" + http + b"\r\n\r\n")
    return "c.warc", out.getvalue()


# -- byte mutations ------------------------------------------------------------------------------------------------
@st.composite
def mutated(draw, doc) -> tuple[str, bytes]:
    name, content = draw(doc)
    data = content if isinstance(content, bytes) else content.encode(
        draw(st.sampled_from(ENCODINGS)), "replace") if draw(st.booleans()) else content.encode("utf-8", "replace")
    for m in draw(st.lists(st.sampled_from(["truncate", "bom", "nul", "longline", "flip", "mixed", "empty", "none"]),
                           max_size=3)):
        if m == "truncate" and data:
            data = data[:draw(st.integers(0, len(data)))]
        elif m == "bom":
            data = draw(st.sampled_from(BOMS)) + data
        elif m == "nul" and data:
            i = draw(st.integers(0, len(data)))
            data = data[:i] + b"\x00" * draw(st.integers(1, 8)) + data[i:]
        elif m == "longline":
            data += b"word " * draw(st.sampled_from([1000, 200_000, 2_000_000]))   # up to a 10 MB line
        elif m == "flip" and data:
            i = draw(st.integers(0, len(data) - 1))
            data = data[:i] + bytes([data[i] ^ draw(st.integers(1, 255))]) + data[i + 1:]
        elif m == "mixed":
            data += "\n\u00e9t\u00e9 \u4e2d\u6587".encode(draw(st.sampled_from(["latin-1", "utf-16-le", "gbk"])),
                                                            "replace")
        elif m == "empty":
            data = draw(st.sampled_from([b"", b" \n\t", b"\xef\xbb\xbf"]))
    return name, data


_BOMB = None


def gzip_bomb() -> bytes:
    """About 100 kB that expand to 128 MB (twice the decompressed-size limit)."""
    global _BOMB
    if _BOMB is None:
        buf = io.BytesIO()
        with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=9) as f:
            chunk = b"\x00" * (1 << 20)
            for _ in range(128):
                f.write(chunk)
        _BOMB = buf.getvalue()
    return _BOMB


@st.composite
def gzip_doc(draw) -> tuple[str, bytes]:
    kind = draw(st.sampled_from(["text", "html", "json", "warc", "bomb", "garbage"]))
    if kind == "bomb":
        return draw(st.sampled_from(["b.txt.gz", "b.warc.gz", "b.json.gz"])), gzip_bomb()
    if kind == "garbage":
        return "g.html.gz", draw(st.binary(max_size=200))
    name, data = draw(mutated(GENERATORS[kind]))
    z = gzip.compress(data)
    cut = draw(st.sampled_from([None, None, None, len(z) // 2, 10]))
    if draw(st.booleans()):
        z += gzip.compress(b"second member")
    return name + ".gz", z if cut is None else z[:cut]


GENERATORS = {"text": text_doc(), "html": html_doc(), "json": json_doc(), "warc": warc_doc()}


# -- the property --------------------------------------------------------------------------------------------------
def check(files: dict[str, bytes], special=None) -> dict:
    """Write ``files`` into a fresh folder (``special(folder)`` adds links, pipes...), ingest it, check the property.

    Returns counts of article statuses and skip reasons; raises AssertionError when the property fails."""
    from storyline.ingest import ingest
    from storyline.ingest.limits import MAX_SECONDS
    with tempfile.TemporaryDirectory(prefix="storyline-fuzz-") as tmp:
        root = Path(tmp) / "in"
        root.mkdir()
        for name, data in files.items():
            p = root / name
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_bytes(data)
        if special:
            special(root)
        expected = sorted(str(p) for p in _walk(root))
        t0 = time.monotonic()
        arts = ingest([root])
        took = time.monotonic() - t0
        assert took < 2 * MAX_SECONDS * max(1, len(expected)) + 30, f"took {took:.1f} s"
        names = lambda sp, f: sp == f or sp.startswith(f + ":")   # noqa: E731  (records: FILE:n, FILE:url)
        for f in expected:
            assert any(names(a.source_path, f) for a in arts), f"{f} is not accounted for"
        for a in arts:
            assert a.status in ("ingested", "duplicate", "skipped"), a.status
            assert a.status != "skipped" or a.reason, f"{a.source_path}: skipped without a reason"
            assert any(names(a.source_path, f) for f in expected), f"{a.source_path} names no input file"
        return {"statuses": Counter(a.status for a in arts),
                "reasons": Counter((a.reason or "").split(":")[0] for a in arts if a.status == "skipped")}


def _walk(root: Path):
    """The files ingest must account for: what its own walk yields (hidden and README files are not inputs)."""
    from storyline.ingest.readers import iter_files
    return [f for f, _ in iter_files([root])]


def fs_special(kind: str):
    def make(root: Path):
        (root / "real.txt").write_text("date 2011-02-02\n\nThe minister said the dam held on Tuesday.")
        if kind == "symlink":
            os.symlink(root / "real.txt", root / "link.txt")
        elif kind == "dangling":
            os.symlink(root / "missing.txt", root / "dangling.txt")
        elif kind == "loop":
            os.symlink(root / "loop2.txt", root / "loop1.txt")
            os.symlink(root / "loop1.txt", root / "loop2.txt")
        elif kind == "dirlink":
            os.symlink(root, root / "self")
        elif kind == "fifo":
            os.mkfifo(root / "pipe.txt")
        elif kind == "device":
            os.symlink("/dev/zero", root / "zero.txt")
        elif kind == "emptydir":
            (root / "empty" / "deeper").mkdir(parents=True)
        elif kind == "unreadable":
            (root / "secret.txt").write_text("x")
            os.chmod(root / "secret.txt", 0)
            (root / "closed").mkdir()
            (root / "closed" / "in.txt").write_text("hidden")
            os.chmod(root / "closed", 0)
        elif kind == "dirnamed":
            (root / "folder.txt").mkdir()
    return make


FS_KINDS = ["symlink", "dangling", "loop", "dirlink", "fifo", "device", "emptydir", "unreadable", "dirnamed"]


def strategy(reader: str):
    if reader == "gzip":
        return gzip_doc()
    if reader == "fs":
        return st.tuples(st.sampled_from(FS_KINDS), mutated(text_doc()))
    return mutated(GENERATORS[reader])


class OutOfTime(BaseException):
    """Raised inside a case when the reader's time budget is spent: a BaseException, so that Hypothesis stops at
    once instead of treating it as a failure to shrink."""


def run(reader: str, cases: int, seed: int | None = None, failures: Path | None = None,
        max_seconds: float | None = None, progress=None) -> dict:
    """Run ``cases`` generated cases for one reader (fewer when ``max_seconds`` runs out first: ``stopped`` says
    so); return what ran (statuses, reasons, failure or None)."""
    stats = {"reader": reader, "cases": 0, "statuses": Counter(), "reasons": Counter(), "failure": None,
             "stopped": None}
    deadline = time.monotonic() + max_seconds if max_seconds else None

    @settings(max_examples=cases, deadline=None, database=None, derandomize=seed is None,
              
              suppress_health_check=list(HealthCheck), print_blob=False)
    @given(strategy(reader))
    def prop(case):
        if reader == "fs":
            kind, (name, data) = case
            files, special = {name: data}, fs_special(kind)
        else:
            name, data = case
            files, special = {name: data}, None
        if deadline and time.monotonic() > deadline:
            raise OutOfTime
        stats["cases"] += 1
        if progress and stats["cases"] % progress == 0:
            print(json.dumps({"reader": reader, "cases_so_far": stats["cases"]}), flush=True)
        try:
            got = check(files, special)
        except BaseException:
            if failures:
                failures.mkdir(parents=True, exist_ok=True)
                (failures / f"{reader}-{name}").write_bytes(data)
            raise
        stats["statuses"].update(got["statuses"])
        stats["reasons"].update(got["reasons"])

    if seed is not None:
        from hypothesis import seed as with_seed
        prop = with_seed(seed)(prop)
    try:
        prop()
    except OutOfTime:
        stats["stopped"] = f"time budget of {max_seconds:.0f} s spent"
    except Exception as e:
        stats["failure"] = f"{type(e).__name__}: {str(e)[:500]}"
    return stats


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cases", type=int, default=10000, help="generated cases per reader")
    ap.add_argument("--readers", default=",".join(READERS))
    ap.add_argument("--seed", type=int, default=None, help="random seed (default: derandomized, reproducible)")
    ap.add_argument("--failures", type=Path, default=Path("/tmp/storyline-fuzz-failures"))
    ap.add_argument("--max-seconds", type=float, default=None,
                    help="stop a reader after this long and report the cases it ran (a shared machine)")
    ap.add_argument("--progress", type=int, default=0, help="print the count every N cases")
    a = ap.parse_args(argv)
    import logging
    logging.disable(logging.WARNING)   # trafilatura/htmldate complain about every broken page
    report = []
    for r in a.readers.split(","):
        t0 = time.monotonic()
        s = run(r, a.cases, a.seed, a.failures, a.max_seconds, a.progress)
        s["seconds"] = round(time.monotonic() - t0, 1)
        report.append(s)
        print(json.dumps({**s, "statuses": dict(s["statuses"]), "reasons": dict(s["reasons"].most_common(8))}),
              flush=True)
    return 1 if any(s["failure"] for s in report) else 0


if __name__ == "__main__":
    sys.exit(main())
