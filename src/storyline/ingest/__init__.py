"""Ingest: files -> cleaned, split, dated, de-duplicated articles. Every input ends up ingested or skipped."""
from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from typing import Callable, Iterable

from ..model import Article, stable_id
from .chrome import DATELINE, PAGE_STAMP, PRINT_NOTE, STAMP_CUE, cut_title, is_chrome_heading, lead_title, \
    stamp_day
from .clean import Para, addresses_reader, clean_text, norm_key
from .dedupe import NearDuplicates
from .detok import normalise as detok
from .html import extract_html
from . import limits
from .lang import detect
from .pubdate import PubDate, full_dates, path_date, published_from_text
from .readers import InputError, RawDoc, iter_files, parse_field_map, read_file
from .split import headline_runon, label_runon, split_glued

__all__ = ["ingest", "InputError", "ingest_raw", "parse_field_map"]


def _outlet_key(raw: RawDoc) -> str | None:
    if raw.outlet:
        return raw.outlet.lower()
    if raw.url:
        from urllib.parse import urlparse
        return urlparse(raw.url).netloc.lower() or None
    return None


def _recurring_lines(raws: list[RawDoc], min_pages: int = 3) -> dict[str, set[str]]:
    """Lines that recur on many pages of one outlet (footers, appeals): boilerplate for that outlet."""
    per_outlet: dict[str, Counter] = defaultdict(Counter)
    pages: Counter = Counter()
    for r in raws:
        o = _outlet_key(r)
        if not o or r.skip:
            continue
        pages[o] += 1
        per_outlet[o].update({norm_key(s) for s in r.text.splitlines() if len(s.strip()) > 20})
    out = {}
    for o, c in per_outlet.items():
        need = max(min_pages, (pages[o] + 1) // 2)
        out[o] = {k for k, n in c.items() if n >= need and k}
    return out


def _reader_notes(raws: list[RawDoc], min_pages: int = 3) -> set[str]:
    """Lines addressed to the reader ("Your comments may be published on any BBC media worldwide", "If you have any
    information you wish to share ...") that recur word for word on several pages of the batch, whatever their
    outlet: a site's note to its readers, never news. Files without an outlet or address (Timeline17's) get no
    outlet boilerplate, so these reached the events. A line with quotation marks stays: outlets printing one
    speaker's "you" is a quotation repeated."""
    seen: Counter = Counter()
    quoted: set[str] = set()
    for r in raws:
        if r.skip:
            continue
        keys, prev = set(), ""
        for s in r.text.splitlines():
            if len(s.strip()) > 20 and addresses_reader(s):
                # A quotation run over several lines opens on the line before and leaves this one without marks
                # ("`` We just don't know what to do ." / "You can see how terrible the damage is ."); a line
                # quoted on any page is a speaker's words on every page (pages reprint pull quotes bare).
                (quoted if _opens_quote(prev) else keys).add(norm_key(s))
            prev = s if s.strip() else prev
        seen.update(keys)
    return {k for k, n in seen.items() if n >= min_pages and k and k not in quoted}


_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{2,}")


def _content_words(s: str) -> set[str]:
    from spacy.lang.en.stop_words import STOP_WORDS
    return {w.lower() for w in _WORD.findall(s)} - STOP_WORDS


def _lead_teasers(raws: list[RawDoc], min_pages: int = 3) -> set[str]:
    """First lines that lead several pages of the batch without being about them: a site's ticker or promotion
    printed above every page ("2 men charged in death of Chicago teen ..." on 58 CNN pages about Egypt, snow and
    the Super Bowl). Such a line would become the page's headline and its story's title. A line counts when most
    of the pages it leads share under half of its words, and those pages differ from each other (one reader
    callout saved three times is one page, not a site-wide line). Works without an outlet or address, which
    Timeline17's files lack; a headline shared by copies of one story shares its words with their text."""
    firsts: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for r in raws:
        if r.skip:
            continue
        lines = [s for s in r.text.splitlines() if s.strip()]
        if len(lines) > 1 and len(lines[0].strip()) > 20:
            # keyed as clean_text will see it, after detokenising (PTB's "-LRB-" is a bracket there)
            firsts[norm_key(re.sub(r"-[LR][RSC]B-", "", lines[0]))].append((lines[0], lines[1], "\n".join(lines[1:])))
    out = set()
    for key, pages in firsts.items():
        if len(pages) < min_pages:
            continue
        words = _content_words(pages[0][0])     # one line under one key: its words are the same on every page
        unrelated = {norm_key(second) for _, second, rest in pages if len(words & _content_words(rest)) * 2 < len(words)}
        if len(unrelated) >= min_pages and len(unrelated) * 2 > len(pages):
            out.add(key)
    return out


def _opens_quote(line: str) -> bool:
    opened = line.count("``") + line.count("“")
    closed = line.count("''") + line.count("”")
    return opened > closed or (opened == closed == 0 and line.count('"') % 2 == 1)


def _assemble(parts: list[Para]) -> tuple[str, list[list[int]]]:
    chunks, heads, pos = [], [], 0
    for p in parts:
        if chunks:
            pos += 2
        if p.kind == "heading":
            heads.append([pos, pos + len(p.text)])
        chunks.append(p.text)
        pos += len(p.text)
    return "\n\n".join(chunks), heads


def ingest_raw(raws: list[RawDoc]) -> list[Article]:
    """Clean, split, date and de-duplicate raw docs (already read and HTML-extracted)."""
    recurring = _recurring_lines(raws)
    notes = _reader_notes(raws)
    teasers = _lead_teasers(raws)
    articles: list[Article] = []
    for raw in raws:
        aid = stable_id("a-", raw.key)
        if raw.skip:
            articles.append(Article(aid, raw.source_path, status="skipped", reason=raw.skip, raw_format=raw.fmt))
            continue
        # PTB-tokenised text (Timeline17) is detokenised here, once, so every later stage sees normal prose.
        cleaned = clean_text(detok(raw.text), (recurring.get(_outlet_key(raw) or "") or set()) | notes or None,
                             teasers)
        if not cleaned.paras:
            articles.append(Article(aid, raw.source_path, status="skipped", reason="no story text after cleaning",
                                    dropped=cleaned.dropped, raw_format=raw.fmt))
            continue
        if raw.title:
            # The headline printed again in the body is a heading, whatever its case: never a story sentence.
            tkey = norm_key(raw.title)
            for p in cleaned.paras:
                if norm_key(p.text) == tkey:
                    p.kind = "heading"
        parts = split_glued(label_runon(headline_runon(cleaned.paras)))
        first_id = aid
        for n, part in enumerate(parts, 1):
            text, heads = _assemble(part)
            a = Article(aid if n == 1 else f"{aid}#{n}", raw.source_path, text=text, outlet=raw.outlet,
                        url=raw.url, raw_format=raw.fmt, headings=heads)
            # A heading split off a scraped page's top may run on into the standfirst: cut like a stand-in title.
            a.title = raw.title if (n == 1 and raw.title) else (cut_title(part[0].text) if part[0].kind == "heading"
                                                                  and not is_chrome_heading(part[0].text) else None)
            if not a.title:
                # No headline: the lead's first words stand in (shown as a title, never parsed as a date), without
                # the dateline, timestamp or byline that scraped text often opens with.
                lead = next((p for p in part if p.kind != "heading" or not is_chrome_heading(p.text)), part[0])
                a.title = lead_title(lead.text)
            if n == 1:
                a.dropped = list(cleaned.dropped)
            else:
                a.part_of = first_id
                a.dropped = []
            a.captions = (list(cleaned.captions) if len(parts) == 1
                          else _captions_for_part(cleaned.captions, part, parts))
            _date(a, raw)
            a.language = detect(text)
            articles.append(a)
    _link_duplicates(articles)
    return articles


def _captions_for_part(captions: list[str], part: list[Para], parts: list[list[Para]]) -> list[str]:
    """Give each caption to the part of a split page whose words it shares most."""
    def words(ps):
        return {w.lower() for p in ps for w in p.text.split() if len(w) > 3}
    mine = words(part)
    out = []
    for c in captions:
        cw = {w.lower() for w in c.split() if len(w) > 3}
        scores = [len(cw & words(p)) for p in parts]
        if len(cw & mine) == max(scores):
            out.append(c)
    return out


def _date(a: Article, raw: RawDoc) -> None:
    # A page's own date (header, metadata, path) holds for every story printed on it.
    if raw.date:
        a.published, a.published_from = raw.date, raw.date_from
        a.published_evidence = raw.meta.get("date_evidence")
        return
    pd = path_date(raw.key) or path_date(raw.source_path) or (path_date(raw.url) if raw.url else None)
    if pd:
        a.published, a.published_from, a.published_evidence = pd, "path", "date component in the path or URL"
        return
    stamp = _dateline(a)
    if stamp is not None:
        a.published, a.published_from, a.published_evidence = stamp.date, "inferred", stamp.evidence
        return
    p = published_from_text(a.text, a.captions)
    a.published_evidence, a.published_bound = p.evidence, p.bound
    if p.date:
        a.published, a.published_from = p.date, "inferred"
    elif p.bound:
        a.published_from = "bound"


def _dateline(a: Article):
    """The page's own timestamp ("Updated 14:05 GMT, 3 March 2025"), its wire header stamp ("OSLO | Mon Jun 7,
    2010 10:40 pm IST", the place repeated by the dateline after it), or its print-edition note ("This article
    appeared on p29 ... on Wednesday 29 April 2009"), which cleaning drops from the story as chrome but which pin
    the day the page was written; the first one the page gives. Only a line that says it is the page's
    ("updated", "published", "posted", "appeared on p", the header's place): a bare date line may head a related
    story's teaser."""
    what = {PRINT_NOTE: "the page's print-edition note", PAGE_STAMP: "the page's header stamp",
            DATELINE: "dateline: the page's timestamp"}
    for d in a.dropped:
        days = full_dates(d.text) if d.reason == DATELINE and STAMP_CUE.search(d.text) or \
            d.reason in (PRINT_NOTE, PAGE_STAMP) else []
        if not days and d.reason == PAGE_STAMP and stamp_day(d.text):
            days = [(stamp_day(d.text), 0, len(d.text))]
        if days:
            return PubDate(days[0][0].isoformat(), None, f"{what[d.reason]} '{d.text}'")
    return None


def _link_duplicates(articles: list[Article]) -> None:
    live = [a for a in articles if a.status != "skipped"]
    # Earliest first, so the original of a wire story is the one that others point to.
    live.sort(key=lambda a: (a.published or "9999", a.id))
    nd = NearDuplicates()
    root: dict[str, str] = {}
    for a in live:
        other, score = nd.add(a.id, a.text)
        if other:
            r = root.get(other, other)
            root[a.id] = r
            a.status, a.duplicate_of = "duplicate", r
            a.reason = f"near-copy of {r} (estimated Jaccard {score:.2f} over 5-word shingles)"


def ingest(paths: Iterable[str | os.PathLike], on_file: Callable[[str], None] | None = None,
           field_map: dict[str, tuple[str, ...]] | None = None) -> list[Article]:
    """Read, clean and date everything under ``paths``. Raises InputError for a path that does not exist.

    ``field_map`` names the JSON fields of other layouts (see readers.parse_field_map)."""
    raws: list[RawDoc] = []
    seen_keys: Counter = Counter()
    for f, key in iter_files(list(paths)):
        for raw in limits.read(f, key, field_map):   # read + HTML extraction, under the per-file limits
            # Two inputs with the same relative key (same name under two roots) must stay two articles.
            seen_keys[raw.key] += 1
            if seen_keys[raw.key] > 1:
                raw.key = f"{raw.key}@{os.path.abspath(raw.source_path)}"
            raws.append(raw)
        if on_file:
            on_file(str(f))
    return ingest_raw(raws)
