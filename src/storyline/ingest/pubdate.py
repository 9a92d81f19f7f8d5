"""Publication dates: from a path or URL component, or inferred from the text with its evidence.

Inference is deliberately conservative ("never invent a date"): a date only when the text pins the day, otherwise
the lower bound the stated dates give ("not before 2025-03-14"), recorded as a bound and never used as a date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], 1)}
MONTHS.update({k[:3]: v for k, v in list(MONTHS.items())})
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

_M = r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|" \
     r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
FULL_DATE = re.compile(
    rf"\b(?:{_M}\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+"
    rf"{_M.replace('mon', 'mon2')},?\s+(?P<y2>\d{{4}})|(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}}))\b")
_MONTH_YEAR = re.compile(rf"\b{_M}\s+(?:of\s+)?(?P<y>(?:19|20)\d\d)\b")
_PATH_DATE = re.compile(r"(?<!\d)(\d{4})[-/_](\d{2})[-/_](\d{2})(?!\d)")
_WEEKDAY_CUE = re.compile(r"\b(?:on|said|last|this)\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


# A weekday with its day and month, as a page heads a day's entries: "Thursday 14 January", "Friday, Jan. 15".
DAY_STAMP = re.compile(
    rf"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+(?:(?P<d1>\d{{1,2}})"
    rf"(?:st|nd|rd|th)?\s+{_M}|{_M.replace('mon', 'mon2')}\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)"
    rf"(?:,?\s+(?P<y>\d{{4}}))?")


# The same stamp in capitals opening a line: "SUNDAY 17 JANUARY - CARWYN HILL This morning I arrived ...", a diary's
# entry whose heading ran into its first sentence.
_CAPS_STAMP = re.compile(r"(?m)^(?:MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY),?\s+"
                         r"(?:\d{1,2}(?:ST|ND|RD|TH)?\s+[A-Z]{3,9}|[A-Z]{3,9}\.?\s+\d{1,2}(?:ST|ND|RD|TH)?)\b"
                         r"(?:,?\s+\d{4})?")


def stamp_lines(text: str) -> list[str]:
    """A page's one day stamp in capitals at a line's start, as a heading for heading_day; none when the page has
    several (each entry would speak from its own day, which one anchor for the page cannot say)."""
    found = {m.group(0).title() for m in _CAPS_STAMP.finditer(text)}
    return list(found) if len(found) == 1 else []


def heading_day(headings: list[str], published: str | None) -> str | None:
    """The day a page's heading puts its entries on ("Your stories Thursday 14 January"), when the page was filed
    up to a week after it: a diary or live page speaks from the heading's day, so its "today" and "yesterday"
    count from there. The weekday must agree with the date, which pins the year; else no day."""
    if not published:
        return None
    pub = date.fromisoformat(published)
    for h in headings:
        for m in DAY_STAMP.finditer(h):
            mon = month_num(m.group("mon") or m.group("mon2"))
            day = int(m.group("d1") or m.group("d2"))
            years = [int(m.group("y"))] if m.group("y") else [pub.year, pub.year - 1]
            for y in years:
                d = _mk(y, mon, day)
                if d and WEEKDAYS[d.weekday()] == m.group("wd").lower() and pub - timedelta(days=7) <= d < pub:
                    return d.isoformat()
    return None


# "CNN Student News - 2/1/11": a page that opens with its own date in figures (month first or day first).
NUMERIC_DAY = re.compile(r"(?<![\d/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{2}|\d{4})(?![\d/])")


def opening_day(first_line: str, published: str | None) -> str | None:
    """The day a page's opening line gives in figures, when only one reading of it (month/day or day/month) lies
    within a week before publication or two days after (a show's transcript filed under the eve of its date): the
    page speaks from that day."""
    if not published:
        return None
    pub = date.fromisoformat(published)
    for m in NUMERIC_DAY.finditer(first_line):
        y = int(m.group("y")) + (2000 if len(m.group("y")) == 2 else 0)
        a, b = int(m.group("a")), int(m.group("b"))
        fits = {d for d in (_mk(y, a, b), _mk(y, b, a))
                if d and pub - timedelta(days=7) <= d <= pub + timedelta(days=2)}
        if len(fits) == 1:
            return fits.pop().isoformat()
    return None


# A broadcast transcript's header: 'This is a RUSH transcript from "The Evening Desk," June 15, 2010.'
_TRANSCRIPT_OF = re.compile(r"\btranscript\s+(?:from|of)\b[^.\n]{0,80}?,?\s*$", re.I)


def transcript_day(text: str, published: str | None) -> str | None:
    """The day a transcript's header gives for its show, near the top of the page, when it lies within a week
    before publication or two days after (shows aired in the evening are filed under the next day): the page's
    "tonight" and "today" are that day's."""
    if not published:
        return None
    pub = date.fromisoformat(published)
    head = text[:600]
    for d, start, _ in full_dates(head):
        if _TRANSCRIPT_OF.search(head[max(0, start - 120):start]) and \
                pub - timedelta(days=7) <= d <= pub + timedelta(days=2):
            return d.isoformat()
    return None


def month_num(name: str) -> int:
    return MONTHS[name.lower()[:3]]


def _mk(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def path_date(path: str) -> str | None:
    for m in _PATH_DATE.finditer(path):
        d = _mk(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d and 1990 <= d.year <= 2100:
            return d.isoformat()
    return None


def full_dates(text: str) -> list[tuple[date, int, int]]:
    out = []
    for m in FULL_DATE.finditer(text):
        if m.group("y1"):
            d = _mk(int(m.group("y1")), month_num(m.group("mon")), int(m.group("d1")))
        elif m.group("y2"):
            d = _mk(int(m.group("y2")), month_num(m.group("mon2")), int(m.group("d2")))
        else:
            d = _mk(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
        if d:
            out.append((d, m.start(), m.end()))
    return out


# Text that states a date that is not the report's own: a photo caption (often a file photo), a related-article
# teaser, a quotation (someone recalling a day). Such dates may bound publication, never pin it.
_CAPTION = re.compile(r"\((?:credit|photo|file photo|picture)\b|\bphoto(?:graph)?\s+by\b|\b(?:REUTERS|AP|AFP|"
                      r"Getty Images|EPA)\s*/|/\s*(?:REUTERS|AP|AFP|Getty Images|EPA|Pool)\b|\bFILE PHOTO\b|"
                      r"\b(?:pictured|is seen|are seen|poses?|gestures?|speaks|talks|looks on)\b[^.]*\d{4}\.?\s*$", re.I)
_TEASER = re.compile(r"^\s*(?:related|read more|read also|also read|see also|more on this|recommended|"
                     r"more from|watch|listen)\b\s*:?", re.I)
_QUOTED = re.compile(r'"[^"\n]{0,400}"|\u201c[^\u201d\n]{0,400}\u201d')
_FUTURE = re.compile(r"\b(?:will|would|'ll|is due|are due|is expected|are expected|scheduled|is set to|are set to|"
                     r"plans? to|next|upcoming)\b", re.I)


def _sentences(text: str):
    """(start, end) of sentences: a line, cut after a full stop followed by a capital."""
    for line in re.finditer(r"[^\n]+", text):
        a = line.start()
        for m in re.finditer(r"[.!?](?=\s+[A-Z(\"\u201c])", line.group(0)):
            yield a, line.start() + m.end()
            a = line.start() + m.end()
        yield a, line.end()


def _why_not_own(text: str, s0: int, s1: int, d0: int, d1: int) -> str | None:
    """Why a date at [d0, d1) in the sentence [s0, s1) is not evidence of the report's own day, or None."""
    sent = text[s0:s1]
    if _CAPTION.search(sent):
        return "a photo caption"
    line0 = text.rfind("\n", 0, d0) + 1
    if _TEASER.match(text[line0:d1]):
        return "a related-article teaser"
    for q in _QUOTED.finditer(sent):
        if q.start() <= d0 - s0 < q.end():
            return "a quotation"
    if _FUTURE.search(text[s0:d0]):
        return "a future plan"
    return None


@dataclass
class PubDate:
    date: str | None = None       # YYYY-MM-DD, only when the text pins the day
    bound: str | None = None      # "not before YYYY-MM-DD" when the text only bounds it
    evidence: str | None = None


def published_from_text(text: str, captions: list[str]) -> PubDate:
    """The publication date when the text pins it, else a lower bound, each with its evidence.

    Pins: a dateline (a full date alone at the head of the text, or after "Published"/"Updated"); a full date
    stated as "today" or "yesterday" ("today, March 14, 2025"); the latest date of the report's own text given with
    its weekday ("on Friday, June 13, 2025": news names the weekday of the days it reports), when no weekday word
    in the text points past it. A weekday word alone ("said on Wednesday") never pins a date: the week is unknown.
    Bounds: every stated past date, captions and quotations included (a photo or a quote cannot postdate the
    report), gives "not before"."""
    own: list[tuple[date, int, int, int, int]] = []   # date, its span, its sentence span
    others: list[tuple[date, str]] = []
    months: list[tuple[date, str]] = []
    for s0, s1 in _sentences(text):
        taken = full_dates(text[s0:s1])
        for d, a, b in taken:
            why = _why_not_own(text, s0, s1, s0 + a, s0 + b)
            if why is None:
                own.append((d, s0 + a, s0 + b, s0, s1))
            elif why != "a future plan":
                others.append((d, why))
        # A month stated as past ("sought the arrests in May 2024") bounds the report too, from the month's first
        # day; it never pins one. Without it a report that names no full date had no bound at all.
        for m in _MONTH_YEAR.finditer(text[s0:s1]):
            d = _mk(int(m.group("y")), month_num(m.group("mon")), 1)
            if d and not any(a <= m.start() < b for _, a, b in taken) and \
                    _why_not_own(text, s0, s1, s0 + m.start(), s0 + m.end()) != "a future plan":
                months.append((d, "a month stated in the text"))
    others += [(d, "a photo caption") for c in captions for d, _, _ in full_dates(c)] + months
    if not own and not others:
        return PubDate()
    for d, a, b, s0, s1 in own:
        head = text[:a]
        if a < 200 and (re.search(r"(?i)\b(?:published|posted|updated|first published)\s*:?\s*(?:on\s+)?$", head)
                        or (not head.strip() and re.match(r"\s*(?:$|[-\u2013\u2014|:(]|\d{1,2}[:.]\d\d)",
                                                          text[b:b + 8]))):
            return PubDate(d.isoformat(), None, f"dateline: '{text[a:b]}' heads the text")
        before = text[max(s0, a - 14):a]
        after = text[b:min(s1, b + 14)]
        word = re.search(r"(?i)\b(today|yesterday)\s*[,(]?\s*$", before) or \
            re.match(r"(?i)\s*[,(]?\s*(today|yesterday)\b", after)
        if word:
            pinned = d + timedelta(days=1) if word.group(1).lower() == "yesterday" else d
            return PubDate(pinned.isoformat(), None, f"the text calls {d.isoformat()} '{word.group(1).lower()}'")
    latest_all = max([d for d, *_ in own] + [d for d, _ in others])
    bound = f"not before {latest_all.isoformat()}"
    src = "the report's own text" if own and max(d for d, *_ in own) == latest_all else \
        next(why for d, why in others if d == latest_all)
    if own:
        latest = max(d for d, *_ in own)
        weekday_given = any(d == latest and re.search(
            r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+(?:the\s+)?$", text[max(0, a - 12):a])
            for d, a, *_ in own)
        # Another weekday said of a past event ("a source said on Monday") may be a later day than that date;
        # one in a future clause ("will appear on Saturday") is not.
        later_weekday = [m.group(1) for m in _WEEKDAY_CUE.finditer(text)
                         if not re.match(r",?\s+(\d{1,2}\s+)?" + _M, text[m.end():m.end() + 20])
                         and m.group(1).lower() != WEEKDAYS[latest.weekday()]
                         and not _FUTURE.search(text[max(text.rfind(". ", 0, m.start()),
                                                         text.rfind("\n", 0, m.start())) + 1:m.start()])]
        if weekday_given and latest == latest_all and not later_weekday:
            return PubDate(latest.isoformat(), None,
                           f"latest date stated is {latest.isoformat()}, given with its weekday")
    return PubDate(None, bound, f"{bound} (latest date stated, in {src}); nothing in the text pins the day")


def infer_published(text: str, captions: list[str]) -> tuple[str | None, str | None]:
    """(date, evidence): the date only when the text pins it (see published_from_text)."""
    p = published_from_text(text, captions)
    return p.date, p.evidence
