"""Main text and metadata from HTML pages, with trafilatura and htmldate."""
from __future__ import annotations

import html as htmllib
import re

from .readers import RawDoc


def _printed_date(page: str) -> str | None:
    """htmldate's extensive search, kept only when the page prints that day in full (day, month and year).

    The extensive search also turns a bare year (a copyright line) into 1 January; that would be an invented date."""
    from htmldate import find_date
    from .pubdate import full_dates

    try:
        d = find_date(page, original_date=True, extensive_search=True)
    except Exception:
        return None
    if not d:
        return None
    visible = re.sub(r"(?is)<(script|style|noscript|template|svg)\b.*?</\1>", " ", page)
    visible = htmllib.unescape(re.sub(r"<[^>]+>", " ", visible))
    return d if any(x.isoformat() == d for x, _, _ in full_dates(visible)) else None


_TITLE_SUFFIX = re.compile(r"<title[^>]*>.*?\s[|\u2013\u2014-]\s+([^<|]{2,60}?)\s*</title>", re.S | re.I)


def _named_site(page: str, sitename: str | None) -> str | None:
    """The site's name as its pages write it after the headline in <title> ("Bridge vote | Daily Planet"), where
    trafilatura found no site name and fell back to the host ("daily-planet.test"): the suffix names the site when
    its letters are the host's first label's ("dailyplanet"), or one starts the other ("BBC News", bbc.co.uk)."""
    if not sitename or " " in sitename or "." not in sitename:
        return None
    m = _TITLE_SUFFIX.search(page)
    if not m:
        return None
    name = htmllib.unescape(m.group(1)).strip()
    letters = re.sub(r"[^a-z0-9]", "", name.lower())
    host = re.sub(r"^www\.", "", sitename.lower()).split(".")[0].replace("-", "")
    if len(name.split()) <= 5 and letters and host and (letters.startswith(host) or host.startswith(letters)):
        return name
    return None


def extract_html(doc: RawDoc) -> RawDoc:
    """Fill doc.text/title/date/outlet from doc.html. Leaves a skip reason when no main text is found."""
    import trafilatura

    page = doc.html or ""
    text = trafilatura.extract(page, include_comments=False, include_tables=False, favor_precision=True,
                               deduplicate=False, with_metadata=False)
    if not text or not text.strip():
        # A page too small for trafilatura's heuristics: fall back to its baseline extractor.
        try:
            _, text, _ = trafilatura.baseline(page)
        except Exception:
            text = ""
    # One date search, done inside the metadata pass (it also reads the canonical URL); original_date: the
    # publication date, not the last modification. The extensive text search comes later, and only with a check.
    meta = trafilatura.extract_metadata(page, date_config={"original_date": True, "extensive_search": False})
    if meta is not None:
        doc.title = doc.title or (meta.title or None)
        doc.outlet = doc.outlet or (_named_site(page, meta.sitename) or meta.sitename or None)
        doc.url = doc.url or (meta.url or None)
    if not doc.title:
        m = re.search(r"<title[^>]*>(.*?)</title>", page, re.S | re.I)
        if m:
            doc.title = htmllib.unescape(m.group(1)).strip() or None
    if doc.date is None:
        d = meta.date if meta is not None else None
        if not d:
            d = _printed_date(page)
            if d:
                doc.meta["date_evidence"] = f"date printed on the page ({d}), found by htmldate's text search"
        if d:
            doc.date, doc.date_from = d, "metadata"
        elif doc.meta.get("crawl_date"):
            doc.meta["crawl_date_hint"] = doc.meta["crawl_date"]
    if not text or not text.strip():
        doc.skip = "HTML page without extractable main text"
        return doc
    # Put the headline first, as a line of its own, when the extractor left it out.
    if doc.title and not text.lstrip().startswith(doc.title[:40]):
        text = doc.title.strip() + "\n" + text
    doc.text = text
    return doc
