"""Main text and metadata from HTML pages, with trafilatura and htmldate."""
from __future__ import annotations

import html as htmllib
import re

from .readers import RawDoc


def extract_html(doc: RawDoc) -> RawDoc:
    """Fill doc.text/title/date/outlet from doc.html. Leaves a skip reason when no main text is found."""
    import trafilatura
    from htmldate import find_date

    page = doc.html or ""
    text = trafilatura.extract(page, include_comments=False, include_tables=False, favor_precision=True,
                               deduplicate=False, with_metadata=False)
    if not text or not text.strip():
        # A page too small for trafilatura's heuristics: fall back to its baseline extractor.
        try:
            _, text, _ = trafilatura.baseline(page)
        except Exception:
            text = ""
    meta = trafilatura.extract_metadata(page)
    if meta is not None:
        doc.title = doc.title or (meta.title or None)
        doc.outlet = doc.outlet or (meta.sitename or None)
        doc.url = doc.url or (meta.url or None)
    if not doc.title:
        m = re.search(r"<title[^>]*>(.*?)</title>", page, re.S | re.I)
        if m:
            doc.title = htmllib.unescape(m.group(1)).strip() or None
    if doc.date is None:
        try:
            # original_date: the publication date, not the last modification.
            d = find_date(page, original_date=True, extensive_search=False, url=doc.url)
        except Exception:
            d = None
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
