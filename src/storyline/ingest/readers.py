"""Read input files into raw records, one per article, or a skip reason per file.

Supported: plain text (with optional header lines), HTML, JSON / JSONL records, WARC(.gz), and gzip of any
of these. Directories are walked recursively in sorted order so that builds are reproducible.
"""
from __future__ import annotations

import io
import json
import os
import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from charset_normalizer import from_bytes

TEXT_EXT = {".txt", ".text", ".md"}
HTML_EXT = {".html", ".htm", ".xhtml"}
JSON_EXT = {".json", ".jsonl", ".ndjson"}
WARC_EXT = {".warc"}

# Header keywords accepted at the top of a plain-text file ("date 2024-11-09", "title ...").
HEADER_KEYS = ("date", "title", "url", "source", "outlet", "author")
_HEADER_RE = re.compile(r"^\s*(date|title|url|source|outlet|author)[ \t]+(.+?)\s*$", re.I)
_DATE_HEADER_RE = re.compile(r"^\s*date[ \t]+(\d{4}-\d{2}-\d{2})\b[ \t]*", re.I)

# JSON field names seen in news-please, common crawls and hand-made dumps, first match wins.
FIELD_MAP = {
    "id": ("id", "_id", "doc_id", "uuid"),
    "title": ("title", "headline"),
    "text": ("text", "maintext", "body", "content", "article"),
    "date": ("date", "date_publish", "published", "pubdate", "publish_date", "date_published"),
    "url": ("url", "link", "source_url"),
    "source": ("source", "source_domain", "outlet", "publisher", "site"),
    "html": ("html", "raw_html"),
}


@dataclass
class RawDoc:
    """What a reader found in one file (or one record of a file) before cleaning."""
    source_path: str          # path as shown to the user
    key: str                  # stable key for the id: relative path, plus '#record' for multi-record files
    text: str = ""
    html: str | None = None
    title: str | None = None
    date: str | None = None
    date_from: str = "none"
    url: str | None = None
    outlet: str | None = None
    fmt: str = "text"
    skip: str | None = None   # reason, when the file (or record) cannot be used
    meta: dict = field(default_factory=dict)


class InputError(Exception):
    """A path given by the user that cannot be read at all (not found)."""


def iter_files(paths: list[str | os.PathLike]) -> Iterator[tuple[Path, str]]:
    """Yield (file, key) for every file under the given paths; key is relative to the given root."""
    for p in paths:
        root = Path(p)
        if not root.exists():
            raise InputError(f"{p}: no such file or directory")
        if root.is_file():
            yield root, root.name
            continue
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                if name.startswith(".") or name.lower() == "readme.md":
                    continue
                f = Path(dirpath) / name
                yield f, f.relative_to(root).as_posix()


def decode(data: bytes) -> tuple[str | None, str | None]:
    """Decode bytes to text: UTF-8 first, then charset detection. Returns (text, error reason)."""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, "binary file (NUL bytes)"
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        return None, "undecodable: no text encoding fits the bytes"
    return str(best), None


def _kind(name: str) -> str | None:
    ext = Path(name).suffix.lower()
    if ext in TEXT_EXT:
        return "text"
    if ext in HTML_EXT:
        return "html"
    if ext in JSON_EXT:
        return "json"
    if ext in WARC_EXT:
        return "warc"
    return None


def parse_field_map(spec: str | None) -> dict[str, tuple[str, ...]]:
    """'text=story.body,date=meta.published' -> {"text": ("story.body",), ...}. Dotted names reach nested objects.

    Raises ValueError naming the bad entry, so the CLI can say what is wrong with the option."""
    out: dict[str, tuple[str, ...]] = {}
    for part in (spec or "").split(","):
        if not part.strip():
            continue
        k, sep, v = part.partition("=")
        k, v = k.strip().lower(), v.strip()
        if not sep or not v:
            raise ValueError(f"field map entry '{part.strip()}' is not of the form name=field")
        if k not in FIELD_MAP and k != "records":
            raise ValueError(f"field map entry '{part.strip()}': unknown name '{k}' "
                             f"(known: {', '.join(FIELD_MAP)}, records)")
        out[k] = tuple(x.strip() for x in v.split("|") if x.strip())
    return out


def read_file(path: Path, key: str, field_map: dict[str, tuple[str, ...]] | None = None) -> list[RawDoc]:
    """Read one file into raw docs. Never raises for bad content: a bad file becomes a skip record."""
    from . import limits
    shown = str(path)
    name = path.name
    gz = name.lower().endswith(".gz")
    try:
        limits.check_file(path, archive=_kind(name[:-3] if gz else name) == "warc")
        data = path.read_bytes()
    except limits.LimitExceeded as e:
        return [RawDoc(shown, key, skip=str(e))]
    except OSError as e:
        return [RawDoc(shown, key, skip=f"unreadable: {e.strerror or e}")]
    if gz:
        try:
            data = limits.gunzip(data)
        except limits.LimitExceeded as e:
            return [RawDoc(shown, key, skip=str(e))]
        except (zlib.error, EOFError) as e:
            return [RawDoc(shown, key, skip=f"corrupt gzip: {e}")]
        name = name[:-3]
    kind = _kind(name)
    if kind == "warc":
        return _read_warc(data, shown, key)
    if kind is None:
        # Files without a known extension are read as text when they decode cleanly; binaries are skipped.
        if Path(name).suffix and Path(name).suffix.lower() not in {".log"}:
            text, err = decode(data)
            if err:
                return [RawDoc(shown, key, skip=err)]
            return [RawDoc(shown, key, skip=f"unsupported file type '{Path(name).suffix}'")]
        kind = "text"
    if not data.strip():
        return [RawDoc(shown, key, skip="empty file")]
    text, err = decode(data)
    if err:
        return [RawDoc(shown, key, skip=err)]
    if not text.strip():
        return [RawDoc(shown, key, skip="empty file")]
    if kind == "text":
        return [parse_text(text, shown, key)]
    if kind == "html":
        return [RawDoc(shown, key, html=text, fmt="html")]
    return _read_json(text, shown, key, field_map)


def parse_text(text: str, shown: str, key: str) -> RawDoc:
    """Plain text with optional header lines at the top.

    Scraped files sometimes glue the date header to the first sentence on one line ("date 2024-11-09 The ..."),
    so a date header is accepted with text following it on the same line.
    """
    doc = RawDoc(shown, key, fmt="text")
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            if i < 6:
                i += 1
                continue
            break
        m = _DATE_HEADER_RE.match(line)
        if m and doc.date is None:
            doc.date, doc.date_from = m.group(1), "header"
            rest = line[m.end():]
            if rest.strip():
                lines[i] = rest
                break
            i += 1
            continue
        h = _HEADER_RE.match(line)
        if h and h.group(1).lower() != "date":
            k, v = h.group(1).lower(), h.group(2)
            if k == "title":
                doc.title = v
            elif k == "url":
                doc.url = v
            elif k in ("source", "outlet"):
                doc.outlet = v
            doc.meta[k] = v
            i += 1
            continue
        break
    doc.text = "\n".join(lines[i:])
    return doc


def _get(rec: dict, dotted: str):
    v: object = rec
    for part in dotted.split("."):
        if not isinstance(v, dict):
            return None
        v = v.get(part)
    return v


def _field(rec: dict, name: str, field_map: dict | None = None):
    # A user's mapping comes first; the usual names stay as a fallback.
    for k in tuple((field_map or {}).get(name, ())) + FIELD_MAP[name]:
        v = _get(rec, k)
        if v not in (None, ""):
            return v
    return None


def record_date(value) -> str | None:
    """ISO date prefix, epoch seconds/milliseconds, or a written date with day, month and year; else None."""
    from datetime import datetime, timezone
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        secs = value / 1000 if value > 1e11 else value
        try:
            return datetime.fromtimestamp(secs, tz=timezone.utc).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    m = re.match(r"(\d{4}-\d{2}-\d{2})", value.strip())
    if m:
        return m.group(1)
    import dateparser
    d = dateparser.parse(value, languages=["en"], settings={"STRICT_PARSING": True,
                                                           "REQUIRE_PARTS": ["day", "month", "year"]})
    return d.date().isoformat() if d else None


def record_to_doc(rec: dict, shown: str, key: str, field_map: dict | None = None) -> RawDoc:
    doc = RawDoc(shown, key, fmt="json")
    text, html = _field(rec, "text", field_map), _field(rec, "html", field_map)
    if isinstance(text, str) and text.strip():
        doc.text = text
    elif isinstance(html, str) and html.strip():
        doc.html, doc.fmt = html, "html"
    else:
        names = tuple((field_map or {}).get("text", ())) + FIELD_MAP["text"]
        doc.skip = "record has no text field (" + "/".join(names) + "; map another with --field-map text=NAME)"
    title = _field(rec, "title", field_map)
    doc.title = str(title) if title else None
    d = record_date(_field(rec, "date", field_map))
    if d:
        doc.date, doc.date_from = d, "metadata"
    url = _field(rec, "url", field_map)
    doc.url = str(url) if url else None
    src = _field(rec, "source", field_map)
    doc.outlet = str(src) if src else None
    return doc


def _read_json(text: str, shown: str, key: str, field_map: dict | None = None) -> list[RawDoc]:
    stripped = text.lstrip()
    records: list[tuple[str, object]] = []
    try:
        obj = json.loads(stripped)
        # Where the list of records sits in a wrapping object: a mapped path, or "articles".
        listed = None
        if isinstance(obj, dict):
            for k in tuple((field_map or {}).get("records", ())) + ("articles",):
                if isinstance(_get(obj, k), list):
                    listed = _get(obj, k)
                    break
        items = obj if isinstance(obj, list) else (listed if listed is not None else [obj])
        records = [(str(i), r) for i, r in enumerate(items)]
    except json.JSONDecodeError:
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                records.append((str(n), json.loads(line)))
            except json.JSONDecodeError as e:
                records.append((str(n), f"line {n}: invalid JSON ({e.msg})"))
    out = []
    for n, rec in records:
        if isinstance(rec, str):
            out.append(RawDoc(f"{shown}:{n}", f"{key}#{n}", skip=rec))
            continue
        if not isinstance(rec, dict):
            out.append(RawDoc(f"{shown}:{n}", f"{key}#{n}", skip="record is not a JSON object"))
            continue
        rid = _field(rec, "id", field_map)
        out.append(record_to_doc(rec, f"{shown}:{n}", f"{key}#{rid if rid is not None else n}", field_map))
    if not out:
        return [RawDoc(shown, key, skip="no records in JSON file")]
    return out


def _read_warc(data: bytes, shown: str, key: str) -> list[RawDoc]:
    from warcio.archiveiterator import ArchiveIterator

    out: list[RawDoc] = []
    try:
        for rec in ArchiveIterator(io.BytesIO(data)):
            if rec.rec_type != "response" or rec.http_headers is None:
                continue
            ctype = rec.http_headers.get_header("Content-Type") or ""
            if "html" not in ctype.lower():
                continue
            url = rec.rec_headers.get_header("WARC-Target-URI")
            body = rec.content_stream().read()
            text, err = decode(body)
            n = len(out) + 1
            doc = RawDoc(f"{shown}:{url}", f"{key}#{url}", fmt="html", url=url)
            if err:
                doc.skip = err
            else:
                doc.html = text
            wdate = rec.rec_headers.get_header("WARC-Date")
            if wdate:
                doc.meta["crawl_date"] = wdate[:10]
            doc.meta["record"] = n
            out.append(doc)
    except Exception as e:  # warcio raises several types for truncated archives
        out.append(RawDoc(shown, key + "#error", skip=f"corrupt WARC: {e}"))
    if not out:
        return [RawDoc(shown, key, skip="WARC holds no HTML responses")]
    return out
