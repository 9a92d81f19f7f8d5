"""Temporal expressions: find them and normalise them to TIMEX3-style values.

Why our own rules: dateparser's ``search_dates`` finds many dates but anchors relative ones on "now" (not on the
article's publication date), ignores tense ("in May" in a past vs a future clause), fills in guessed years, and
has no notion of narrative anchors ("six months later"). These rules do those things; full explicit dates are
validated with the standard library. ``bench/timex_bench.py`` compares both on the same gold data.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .ingest.pubdate import WEEKDAYS, month_num

_MON = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
        r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_MONTH_FULL = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
               r"Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)")
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUM = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18, "twenty": 20, "several": None,
        "a few": None, "few": None}
_NUMW = r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty)"
_UNIT = r"(?:day|week|month|year)s?"
_SEASON = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_FUTURE = re.compile(r"\b(will|'ll|shall|is due to|are due to|is expected to|are expected to|is set to|are set to|"
                     r"plans? to|planned to|is scheduled|are scheduled|coming|upcoming|next|would be held)\b", re.I)


_PREP = re.compile(r"(?i)(in|on|at|since|until|by|from|during|through|for|over|within|after)\s+")


@dataclass
class Timex:
    start: int
    end: int
    text: str
    type: str          # DATE | DURATION | SET
    value: str | None  # None when the text does not determine a value
    how: str


def _d(y, m, d):
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _num(w: str) -> int | None:
    w = w.lower()
    return int(w) if w.isdigit() else _NUM.get(w)


def _shift_months(y: int, m: int, k: int) -> tuple[int, int]:
    t = y * 12 + (m - 1) + k
    return t // 12, t % 12 + 1


def _iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


# Patterns, most specific first. Each handler gets (match, anchor date or None, future?) -> (type, value, how).
_P: list[tuple[re.Pattern, str]] = []


def _pat(rx: str, name: str, flags=re.I):
    _P.append((re.compile(rx, flags), name))


_pat(rf"\b(?:{_WD},?\s+)?(?P<mon>{_MON})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b",
     "mdy", 0)
_pat(rf"\b(?:{_WD},?\s+)?(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MON})\.?,?\s+"
     rf"(?P<year>(?:19|20)\d\d)\b", "dmy", 0)
_pat(r"\b(?P<year>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<day>[0-3]\d)\b", "iso")
_pat(rf"\b(?:(?:in|since|until|by|from|during|through|early|late|mid|mid-|the end of|the beginning of|the start of)"
     rf"\s+)?(?P<mon>{_MONTH_FULL}|May)\s+(?:of\s+)?(?P<year>(?:19|20)\d\d)\b", "my", 0)
_pat(rf"\b(?:(?:in|last|this)\s+)?(?P<mon>{_MONTH_FULL}|May)\s+(?:of\s+)?last\s+year\b|\blast\s+(?P<mon2>{_MONTH_FULL}|"
     rf"May)\b", "mon_last_year", 0)
_pat(rf"\b(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?P<year>(?:19|20)\d\d)\b", "season_year")
_pat(r"\b(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+(?:of\s+)?(?P<year>(?:19|20)\d\d)\b",
     "quarter")
_pat(rf"\b(?:(?:{_WD}),?\s+)?(?P<mon>{_MONTH_FULL}|May)\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*,?\s*\d)", "md", 0)
_pat(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MONTH_FULL}|May)\b(?!\s*,?\s*\d)", "dm", 0)
_pat(r"\b(?:(?P<rel>late|early|earlier|later)\s+)?(?P<which>last|this|next|previous|past)\s+(?P<unit>week|month|year)\b"
     r"|\b(?P<rel2>earlier|later)\s+this\s+(?P<unit2>week|month|year)\b", "rel_unit")
_pat(r"\b(?:yesterday|today|tonight|last\s+night|this\s+morning|this\s+afternoon|this\s+evening|tomorrow)\b", "deictic")
_pat(rf"\b(?P<n>{_NUMW})\s+(?P<unit>{_UNIT})\s+ago\b", "ago")
_pat(rf"\b(?P<n>{_NUMW})\s+(?P<unit>{_UNIT})\s+(?:later|afterwards|after\s+that|on)\b"
     r"|\bthe\s+(?:next|following)\s+(?P<unit2>day|week|month|year)\b", "later")
_pat(rf"\b(?:(?P<mod>last|next|this(?:\s+coming)?)\s+)?(?P<wd>{_WD})\b", "weekday", 0)
_pat(rf"\b(?:in|since|until|by|from|during|through|early|late|mid-?|last|next|this|the end of|the beginning of)\s+"
     rf"(?P<mon>{_MONTH_FULL}|May)\b", "mon", 0)
_pat(r"\b(?:(?:in|last|this|next)\s+)?(?P<season>spring|summer|autumn|winter)\b", "season")
_pat(r"\bthe\s+(?P<dec>(?:19|20)\d)0s\b", "decade")
_pat(rf"\b(?:for|over|after|within|in)\s+(?:the\s+(?:past|last|next)\s+)?(?P<n>{_NUMW})\s+(?P<unit>{_UNIT})\b"
     rf"|\b(?P<n2>\d{{1,3}}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)-(?P<unit2>day|week|month|year)\b",
     "duration")
_pat(r"\b(?:currently|at present|at the moment|nowadays)\b", "present")
_pat(r"\b(?:recently|in the past)\b", "past_ref")
_pat(r"\b(?:in the future|soon)\b", "future_ref")
_pat(r"(?<![\d$£€.,])\b(?P<year>(?:19|20)\d\d)\b(?![\d%]|\.\d|,\d)(?!\s*(?:million|billion|votes|people|km|kg))", "year")


def _anchor_month(m: int, anchor: date, future: bool) -> tuple[int, int]:
    if future:
        return (anchor.year if m >= anchor.month else anchor.year + 1), m
    return (anchor.year if m <= anchor.month else anchor.year - 1), m


def _anchor_md(m: int, d: int, anchor: date, future: bool) -> date | None:
    for y in ((anchor.year, anchor.year + 1) if future else (anchor.year, anchor.year - 1)):
        c = _d(y, m, d)
        if c and ((c >= anchor) if future else (c <= anchor)):
            return c
    return None


def _handle(name: str, m: re.Match, anchor: date | None, future: bool, last_value: str | None):
    g = m.groupdict()
    an = "anchored on the publication date"
    if name in ("mdy", "dmy"):
        d = _d(int(g["year"]), month_num(g["mon"]), int(g["day"]))
        return ("DATE", d.isoformat(), "explicit") if d else None
    if name == "iso":
        d = _d(int(g["year"]), int(g["m"]), int(g["day"]))
        return ("DATE", d.isoformat(), "explicit") if d else None
    if name == "my":
        return "DATE", f"{g['year']}-{month_num(g['mon']):02d}", "explicit"
    if name == "mon_last_year":
        mon = month_num(g["mon"] or g["mon2"])
        if anchor is None:
            return "DATE", None, "no publication date to anchor 'last year'"
        if g["mon"]:
            return "DATE", f"{anchor.year - 1}-{mon:02d}", an
        y = anchor.year if mon < anchor.month else anchor.year - 1
        return "DATE", f"{y}-{mon:02d}", an
    if name == "season_year":
        return "DATE", f"{g['year']}-{_SEASON[g['season'].lower()]}", "explicit"
    if name == "quarter":
        q = "1234"[["first", "second", "third", "fourth"].index(g["ord"].lower())] if g["ord"][0].isalpha() \
            else g["ord"][0]
        return "DATE", f"{g['year']}-Q{q}", "explicit"
    if name in ("md", "dm"):
        mon, day = month_num(g["mon"]), int(g["day"])
        if not 1 <= day <= 31:
            return None
        if anchor is None:
            return "DATE", f"XXXX-{mon:02d}-{day:02d}", "no year in text and no publication date"
        d = _anchor_md(mon, day, anchor, future)
        return ("DATE", d.isoformat(), an + (" (future tense)" if future else " (past tense)")) if d else None
    if name == "mon":
        mon = month_num(g["mon"])
        low = m.group(0).lower()
        if anchor is None:
            return "DATE", f"XXXX-{mon:02d}", "no year in text and no publication date"
        if low.startswith("last "):
            y = anchor.year if mon < anchor.month else anchor.year - 1
        elif low.startswith("next "):
            y = anchor.year if mon > anchor.month else anchor.year + 1
        else:
            y, _ = _anchor_month(mon, anchor, future)
        return "DATE", f"{y}-{mon:02d}", an + (" (future tense)" if future else " (past tense)")
    if name == "rel_unit":
        unit = (g["unit"] or g["unit2"]).lower()
        which = (g["which"] or "this").lower()
        if anchor is None:
            return "DATE", None, "relative expression without a publication date"
        k = {"last": -1, "previous": -1, "past": -1, "this": 0, "next": 1}[which]
        if unit == "year":
            return "DATE", str(anchor.year + k), an
        if unit == "month":
            y, mo = _shift_months(anchor.year, anchor.month, k)
            return "DATE", f"{y}-{mo:02d}", an
        return "DATE", _iso_week(anchor + timedelta(weeks=k)), an
    if name == "deictic":
        low = re.sub(r"\s+", " ", m.group(0).lower())
        if anchor is None:
            return "DATE", None, "relative expression without a publication date"
        off = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(low, 0)
        return "DATE", (anchor + timedelta(days=off)).isoformat(), an
    if name == "ago":
        n, unit = _num(g["n"]), g["unit"].lower().rstrip("s")
        if anchor is None or n is None:
            return "DATE", None, "relative expression without a publication date"
        if unit == "day":
            return "DATE", (anchor - timedelta(days=n)).isoformat(), an
        if unit == "week":
            return "DATE", (anchor - timedelta(weeks=n)).isoformat(), an
        if unit == "month":
            y, mo = _shift_months(anchor.year, anchor.month, -n)
            return "DATE", f"{y}-{mo:02d}", an
        return "DATE", str(anchor.year - n), an
    if name == "later":
        unit = (g["unit"] or g["unit2"]).lower().rstrip("s")
        n = _num(g["n"]) if g["n"] else 1
        if not last_value or n is None:
            return "DATE", None, "narrative expression: the text gives no earlier date to count from"
        return "DATE", _add(last_value, n, unit), f"narrative: {n} {unit}(s) after {last_value}"
    if name == "weekday":
        wd = WEEKDAYS.index(g["wd"].lower())
        mod = (g["mod"] or "").lower()
        if anchor is None:
            return "DATE", f"XXXX-WXX-{wd + 1}", "weekday without a publication date"
        if mod.startswith("this coming") or mod == "next" or (future and not mod):
            delta = (wd - anchor.weekday()) % 7 or (7 if mod else 0)
            return "DATE", (anchor + timedelta(days=delta)).isoformat(), an + " (future)"
        delta = (anchor.weekday() - wd) % 7
        if mod == "last" and delta == 0:
            delta = 7
        return "DATE", (anchor - timedelta(days=delta)).isoformat(), an + " (past)"
    if name == "season":
        s = _SEASON[g["season"].lower()]
        if anchor is None:
            return "DATE", f"XXXX-{s}", "no publication date"
        low = m.group(0).lower()
        y = anchor.year + (1 if low.startswith("next") else -1 if low.startswith("last") else 0)
        return "DATE", f"{y}-{s}", an
    if name == "decade":
        return "DATE", g["dec"] + "X", "explicit"
    if name == "duration":
        n = _num(g["n"] or g["n2"])
        unit = (g["unit"] or g["unit2"]).lower().rstrip("s")
        if n is None:
            return None
        return "DURATION", f"P{n}{unit[0].upper()}", "explicit duration"
    if name == "present":
        return "DATE", "PRESENT_REF", "reference to the time of writing"
    if name == "past_ref":
        return "DATE", "PAST_REF", "vague past"
    if name == "future_ref":
        return "DATE", "FUTURE_REF", "vague future"
    if name == "year":
        return "DATE", g["year"], "explicit"
    return None


def _add(value: str, n: int, unit: str) -> str | None:
    """Add n units to a TIMEX value, keeping the granularity that the anchor and the unit allow."""
    parts = value.split("-")
    try:
        y = int(parts[0])
    except ValueError:
        return None
    if unit == "year":
        return str(y + n) if len(parts) == 1 else None if not parts[1].isdigit() else \
            f"{y + n}-{parts[1]}" + (f"-{parts[2]}" if len(parts) > 2 else "")
    if len(parts) < 2 or not parts[1].isdigit():
        return None
    mo = int(parts[1])
    if unit == "month":
        y2, m2 = _shift_months(y, mo, n)
        return f"{y2}-{m2:02d}"
    if len(parts) < 3:
        return None
    d = _d(y, mo, int(parts[2]))
    if d is None:
        return None
    return (d + timedelta(days=n if unit == "day" else 7 * n)).isoformat()


def is_future(sentence: str) -> bool:
    return bool(_FUTURE.search(sentence))


def find(text: str, anchor: date | None, sentence_of=None, future_of=None) -> list[Timex]:
    """All temporal expressions in ``text``, left to right, without overlaps.

    ``future_of(start)`` tells whether the clause holding offset ``start`` is in the future tense; by default a
    cue search over the surrounding sentence (``sentence_of(start)`` gives its span).
    """
    cands = []
    for rx, name in _P:
        for m in rx.finditer(text):
            if m.end() > m.start():
                cands.append((m.start(), -(m.end() - m.start()), m, name))
    cands.sort(key=lambda c: (c[0], c[1]))
    out: list[Timex] = []
    taken_end = -1
    last_value: str | None = None
    for start, _neg, m, name in cands:
        if start < taken_end:
            continue
        if name == "mon" and m.group("mon") == "May" and not re.match(r"(?i)(in|since|until|by|from|during|"
                                                                       r"early|late|mid|last|next|this)", m.group(0)):
            continue
        if future_of is not None:
            fut = future_of(start)
        else:
            s0, s1 = sentence_of(start) if sentence_of else _sentence_span(text, start)
            fut = is_future(text[s0:s1])
        res = _handle(name, m, anchor, fut, last_value)
        if res is None:
            continue
        typ, value, how = res
        # TIMEX3 spans leave out a leading preposition ("in [March 2022]", "on [Friday]").
        lead = _PREP.match(m.group(0))
        s0 = m.start() + (lead.end() if lead and lead.end() < len(m.group(0)) else 0)
        out.append(Timex(s0, m.end(), text[s0:m.end()], typ, value, how))
        taken_end = m.end()
        if typ == "DATE" and value and value[0].isdigit() and "X" not in value:
            last_value = value
    return out


def _sentence_span(text: str, pos: int) -> tuple[int, int]:
    a = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos))
    b_candidates = [i for i in (text.find(". ", pos), text.find("\n", pos)) if i != -1]
    b = min(b_candidates) if b_candidates else len(text)
    return a + 1, b


def granularity(value: str | None) -> str | None:
    if not value:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return "day"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return "month"
    if re.fullmatch(r"\d{4}", value):
        return "year"
    return None
