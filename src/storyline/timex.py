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
from typing import Callable

from dateutil.easter import easter as _easter_sunday

from .ingest.pubdate import WEEKDAYS, month_num

_MON = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
        r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_MONTH_FULL = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
               r"Jan\.|Feb\.|Aug\.|Sept\.?|Sep\.|Oct\.|Nov\.|Dec\.)")
# A bare three-letter abbreviation is a month only next to a day number (Reuters datelines "Dec 8", "Jun 24").
_MON_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
# A month in capitals ("21 JANUARY 2010" on a page's section heading) only inside a date that writes its year.
_MON_CAPS = (r"(?:JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|JAN|FEB|MAR|"
             r"APR|JUN|JUL|AUG|SEPT?|OCT|NOV|DEC)")
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUM = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
        "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "several": None,
        "a few": None, "few": None}
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
# A count in words up to ninety-nine ("Seventy-five years ago"): without the tens, "five years ago" matched inside it.
_NUMW = (rf"(?:\d{{1,3}}|(?:{_TENS})(?:[- ](?:{_UNITS})\b)?|a|an|{_UNITS}|ten|eleven|twelve|thirteen|fourteen|"
         r"fifteen|sixteen|seventeen|eighteen|nineteen)")
_UNIT = r"(?:day|week|month|year)s?"
# Days written as ordinal words: "the first of May", "the twenty-first of June".
_ORDINAL_DAYS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                 "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                 "eighteenth", "nineteenth", "twentieth"] + [f"twenty-{w}" for w in ("first", "second", "third",
                 "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")] + ["thirtieth", "thirty-first"]
_ORDW = "(?:" + "|".join(sorted(_ORDINAL_DAYS, key=len, reverse=True)) + ")"
_Y = r"(?:1[6-9]|20)\d\d"
_DURN = (r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|thirty|"
         r"forty|fifty|several|\w+\s+and\s+a\s+half)")
_DUNIT = r"(?:minute|hour|day|week|month|year|decade)s?"
_SEASON = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_FUTURE = re.compile(r"\b(will|'ll|shall|is due to|are due to|is expected to|are expected to|is set to|are set to|"
                     r"plans? to|planned to|is scheduled|are scheduled|coming|upcoming|next|would be held)\b", re.I)


_PREP = re.compile(r"(?i)(in|on|at|since|until|till|by|from|during|through|for|over|within|after|before|to|between|"
                   r"and|or|of)\s+")


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
    tens, _, unit = w.replace(" ", "-").partition("-")
    if tens in _TENS.split("|") and unit in _UNITS.split("|"):
        return _NUM[tens] + _NUM[unit]      # "seventy-five" (not "a few": no number of words adds up there)
    return int(w) if w.isdigit() else _NUM.get(w)


def _shift_months(y: int, m: int, k: int) -> tuple[int, int]:
    t = y * 12 + (m - 1) + k
    return t // 12, t % 12 + 1


def _iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


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


# Holidays news dates by name, held as data: (month, day), or (month, weekday, n) for the n-th weekday of the
# month (n = -1: the last), as the US and UK calendars fix them. Easter moves by the moon: ``_easter``.
_HOLIDAYS = {"christmas day": (12, 25), "christmas": (12, 25), "xmas": (12, 25), "christmas eve": (12, 24),
             "boxing day": (12, 26), "new year's eve": (12, 31), "new year's day": (1, 1), "valentine's day": (2, 14),
             "independence day": (7, 4), "the fourth of july": (7, 4), "fourth of july": (7, 4),
             "july fourth": (7, 4), "halloween": (10, 31),
             "veterans day": (11, 11), "armistice day": (11, 11), "bonfire night": (11, 5), "may day": (5, 1),
             "martin luther king day": (1, 0, 3), "martin luther king jr. day": (1, 0, 3),
             "presidents day": (2, 0, 3), "presidents' day": (2, 0, 3), "memorial day": (5, 0, -1),
             "labor day": (9, 0, 1), "columbus day": (10, 0, 2), "thanksgiving": (11, 3, 4),
             "thanksgiving day": (11, 3, 4)}
_PART = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_SET_UNIT = {"day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y", "daily": "P1D", "weekly": "P1W",
             "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y", "fortnightly": "P2W"}
AN = "anchored on the publication date"
# ``future_of``'s answer for a future told under a past verb ("said the well was to be sealed by Sunday"): ahead
# of the saying, which news reports within a day or two, so ahead of the report too unless the day has just passed.
LATER = "later than the saying"
LATER_PAST_DAYS = 2
# ``future_of``'s answer for a word inside a person's name ("spokeswoman Hannah August", "April Ryan said"): no time.
NAME = "part of a name"


def _tense(future: bool | None) -> str:
    return " (future tense)" if future else " (past tense)"


def _duration_value(g: dict) -> str | None:
    """P/PT value for 'six weeks', 'seven and a half hours', 'three years and six months', 'half an hour'."""
    parts = []
    for n_key, u_key in (("n", "unit"), ("n2", "unit2")):
        if g.get(n_key) and g.get(u_key):
            parts.append((g[n_key].lower(), g[u_key].lower().rstrip("s")))
    if g.get("a"):
        parts = [({"a": "1", "an": "1", "half an": "0.5", "a half": "0.5"}.get(g["a"].lower(), "X"),
                  g["unit3"].lower().rstrip("s"))]
    if g.get("fort"):
        return "P2W"
    out_d, out_t = "", ""
    for n, unit in parts:
        half = n.endswith("and a half")
        if half:
            n = n.split()[0]
        k = "X" if n in ("several", "x", "a few", "a couple of") else _num(n) if n != "0.5" else 0.5
        if k is None:
            return None
        if unit == "decade" and k != "X":
            k, unit = k * 10, "year"
        if unit in ("hour", "minute"):
            if k == 0.5 or half:
                whole = "" if k == 0.5 else f"{k}"
                mins = 30 if unit == "hour" else None
                if mins is None:
                    return None
                out_t += (f"{whole}H" if whole else "") + f"{mins}M"
            else:
                out_t += f"{k}{unit[0].upper()}"
        else:
            if half or k == 0.5:
                return None
            out_d += f"{k}{unit[0].upper()}"
    if not out_d and not out_t:
        return None
    return "P" + out_d + ("T" + out_t if out_t else "")


# --- one handler per kind of expression: (match, context) -> (type, value, how), or None when the match is not a
# time expression after all ---

@dataclass(frozen=True)
class _At:
    """What a value may depend on besides the words: the publication date, the tense of the clause, and the
    latest full date given earlier in the text (for narrative anchors)."""
    anchor: date | None
    future: bool | None      # None: the tense evidence is split or absent (read as not future)
    last_value: str | None

    @property
    def anchored(self) -> str:
        return f"{AN} {self.anchor.isoformat()}" if self.anchor else AN


def _explicit_day(m: re.Match, at: _At):
    """'March 17, 2023', '17 March 2023'."""
    day = int(m["day"]) if m["day"] else _ORDINAL_DAYS.index(m["dayw"].lower()) + 1
    d = _d(int(m["year"]), month_num(m["mon"]), day)
    return ("DATE", d.isoformat(), "explicit") if d else None


def _iso_date(m: re.Match, at: _At):
    d = _d(int(m["year"]), int(m["m"]), int(m["day"]))
    return ("DATE", d.isoformat(), "explicit") if d else None


def _month_year(m: re.Match, at: _At):
    """'March 2022', 'early May 2019'."""
    return "DATE", f"{m['year']}-{month_num(m['mon']):02d}", "explicit"


def _month_of_relative_year(m: re.Match, at: _At):
    """'October last year', '5 May next year', 'last March'."""
    anchor = at.anchor
    mon = month_num(m["mon"] or m["mon2"])
    if anchor is None:
        return "DATE", None, "no publication date to anchor the year"
    if m["mon"]:
        k = {"last": -1, "this": 0, "next": 1}[m["which"].lower()]
        day = m["day"] or m["day2"]
        if day:
            d = _d(anchor.year + k, mon, int(day))
            return ("DATE", d.isoformat(), at.anchored) if d else None
        return "DATE", f"{anchor.year + k}-{mon:02d}", at.anchored
    y = anchor.year if mon < anchor.month else anchor.year - 1
    return "DATE", f"{y}-{mon:02d}", at.anchored


def _season_year(m: re.Match, at: _At):
    return "DATE", f"{m['year']}-{_SEASON[m['season'].lower()]}", "explicit"


def _quarter(m: re.Match, at: _At):
    """'the third quarter of 2021', 'Q3 2021', '3Q 2021', "the third quarter of '09"."""
    if m["q"]:
        return "DATE", f"{m['year2']}-Q{m['q']}", "explicit"
    if m["q2"]:
        return "DATE", f"{m['year3']}-Q{m['q2']}", "explicit"
    word = m["ord"].lower()
    q = "4" if word in ("last", "final") else "1234"[["first", "second", "third", "fourth"].index(word)] \
        if word[0].isalpha() else word[0]
    if m["ry"]:     # "the last quarter of this year": the year counted from publication
        if at.anchor is None:
            return "DATE", None, "quarter of a relative year without a publication date"
        year = at.anchor.year + {"this": 0, "last": -1, "next": 1}[m["ry"].lower()]
        return "DATE", f"{year}-Q{q}", at.anchored
    year = m["year"] or _short_year(m["yy"], at.anchor)
    return "DATE", f"{year}-Q{q}", "explicit"


def _half(m: re.Match, at: _At):
    """'the first half of 2009'; 'the first half of the year' (this year: a report counts the year it is in), 'of
    last year', 'of next year'."""
    h = 1 if (m["ord"] or m["ord2"]).lower() == "first" else 2
    if m["ord2"] and at.anchor is not None:
        # results of the first half are this year's; of the second, last year's until the year's own second half
        y = at.anchor.year - (1 if h == 2 and at.anchor.month <= 6 else 0)
        return "DATE", f"{y}-H{h}", at.anchored + " (the company's latest such half)"
    if m["year"]:
        return "DATE", f"{m['year']}-H{h}", "explicit"
    if at.anchor is None:
        return "DATE", None, "half-year without a year or publication date"
    k = {"last": -1, "next": 1}.get((m["rel"] or "").lower(), 0)
    return "DATE", f"{at.anchor.year + k}-H{h}", at.anchored + {-1: " (the year before)", 0: " (this year)",
                                                                  1: " (the year after)"}[k]


def _short_year(yy: str, anchor: date | None) -> str:
    """ "'09" is the year of that number nearest publication (a century never in doubt in news): 2009 in 2010,
    1998 in 2008 for "'98"."""
    if anchor is None:      # no day to count from: the usual pivot of two-digit years
        return str((1900 if int(yy) >= 50 else 2000) + int(yy))
    base = anchor.year
    return str(min((c + int(yy) for c in (base // 100 * 100 - 100, base // 100 * 100)),
                   key=lambda y: abs(y - base) + (100 if y > base + 20 else 0)))


def _short_year_rule(m: re.Match, at: _At):
    """ "of '09", "in '09"; the second year of "1997-98", which takes the first one's century (or the next)."""
    if m["yy2"]:
        first = int(m.string[m.start() - 5:m.start() - 1])
        y = first // 100 * 100 + int(m["yy2"])
        return "DATE", str(y if y > first else y + 100), "explicit (the second year of a written pair)"
    return "DATE", _short_year(m["yy"], at.anchor), "explicit (a two-digit year)"


def _relative_quarter(m: re.Match, at: _At):
    """'the first quarter' (tensed), 'the previous quarter'."""
    anchor, future = at.anchor, at.future
    if anchor is None:
        return "DATE", None, "quarter without a year or publication date"
    cur = (anchor.month - 1) // 3 + 1
    if m["ord"]:
        q = ["first", "second", "third", "fourth"].index(m["ord"].lower()) + 1
        y = anchor.year + (1 if future and q < cur else -1 if not future and q > cur else 0)
        return "DATE", f"{y}-Q{q}", at.anchored + _tense(future)
    rel = {"previous": -1, "last": -1, "past": -1, "next": 1, "coming": 1, "current": 0}
    k = 0 if m["this"] else rel[m["rel"].lower()]
    t = anchor.year * 4 + cur - 1 + k
    return "DATE", f"{t // 4}-Q{t % 4 + 1}", at.anchored


def _week_number(m: re.Match, at: _At):
    w = int(m["w"])
    if at.anchor is None or not 1 <= w <= 53:
        return "DATE", None, "week number without a publication date"
    return "DATE", f"{at.anchor.year}-W{w:02d}", at.anchored + " (year of publication)"


def _month_day(m: re.Match, at: _At):
    """'March 17', '17 March', 'the first of May': the year from the publication date and the tense."""
    day = int(m["day"]) if m["day"] else _ORDINAL_DAYS.index(m["dayw"].lower()) + 1
    return _day_of_year(month_num(m["mon"].rstrip(".")), day, at)


def _holiday(m: re.Match, at: _At):
    got = _holiday_day(m, at)
    if got is None or not m["wkd"] or not got[1] or len(got[1]) != 10:
        return got
    return "DATE", _holiday_weekend(date.fromisoformat(got[1])), got[2] + "; the holiday's weekend"


def _holiday_weekend(d: date) -> str:
    """"Labor Day weekend": the weekend a holiday falls in or next to. A Monday's holiday closes the weekend
    before it, a Friday's opens the one after it, a Saturday or Sunday is in one, and a midweek day (Thanksgiving)
    leads into the weekend after it."""
    wd = d.weekday()
    sat = d - timedelta(days=2) if wd == 0 else d + timedelta(days=(5 - wd) % 7) if wd <= 5 else d - timedelta(1)
    y, w, _ = sat.isocalendar()
    return f"{y}-W{w:02d}-WE"


def _holiday_day(m: re.Match, at: _At):
    rule = _HOLIDAYS[re.sub(r"\s+", " ", m["hol"].lower())]
    if re.search(r"\blike\s+$", m.string[max(0, m.start() - 6):m.start()]):
        return None     # "it will be like New Year's Eve": a likeness, not a day
    if m["hy"]:         # "on Boxing Day, 2004": the year the text gives
        y = int(m["hy"])
        day = date(y, *rule) if len(rule) == 2 else _nth_weekday(y, *rule)
        return "DATE", day.isoformat(), "explicit year"
    if len(rule) == 2:
        return _day_of_year(*rule, at)
    if at.anchor is None:
        return "DATE", None, "a holiday that moves with the year, and no publication date"
    # The year the tense gives that month's span, then the holiday's day in that year.
    mon, wd, n = rule
    near = _day_of_year(mon, _nth_weekday(at.anchor.year, mon, wd, n).day, at)
    if near is None or not near[1]:
        return near
    y = int(near[1][:4])
    return "DATE", _nth_weekday(y, mon, wd, n).isoformat(), near[2]


_EASTER_SHIFT = {"good friday": -2, "easter monday": 1}


def _easter(m: re.Match, at: _At):
    """'Easter', 'Good Friday', 'Easter Monday', 'the Easter holidays', 'Easter weekend'. Easter Sunday moves by the
    moon (dateutil's Western computus); the year from the text or the tense, as for any holiday. The holidays or
    break around it are the month it falls in: a school's Easter holidays span two or three weeks."""
    shift = timedelta(days=_EASTER_SHIFT.get(re.sub(r"\s+", " ", m["eday"].lower()), 0))
    if m["ey"]:
        y, how = int(m["ey"]), "explicit year"
    elif at.anchor is None:
        return "DATE", None, "Easter, and no publication date"
    else:
        a = at.anchor
        this = _easter_sunday(a.year) + shift
        y = a.year + (1 if at.future and this < a else -1 if not at.future and this > a else 0)
        how = at.anchored + _tense(at.future)
    day = _easter_sunday(y) + shift
    if m["eper"] and "weekend" in m["eper"]:
        return "DATE", _holiday_weekend(day), how + "; the holiday's weekend"
    if m["eper"]:
        return "DATE", f"{day.year}-{day.month:02d}", how + "; the holidays around Easter: its month"
    return "DATE", day.isoformat(), how


def _nth_weekday(y: int, mon: int, wd: int, n: int) -> date:
    if n > 0:
        first = date(y, mon, 1)
        return first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    last = (date(y + (mon == 12), mon % 12 + 1, 1) - timedelta(days=1))
    return last - timedelta(days=(last.weekday() - wd) % 7)


def _day_of_year(mon: int, day: int, at: _At):
    if not 1 <= day <= 31:
        return None
    if at.anchor is None:
        return "DATE", f"XXXX-{mon:02d}-{day:02d}", "no year in text and no publication date"
    d = _anchor_md(mon, day, at.anchor, at.future)
    return ("DATE", d.isoformat(), at.anchored + _tense(at.future)) if d else None


def _month(m: re.Match, at: _At):
    """'in December', 'last June', 'next May'."""
    anchor = at.anchor
    mon = month_num(m["mon"])
    low = m.group(0).lower()
    if anchor is None:
        return "DATE", f"XXXX-{mon:02d}", "no year in text and no publication date"
    if low.startswith("last "):
        y = anchor.year if mon < anchor.month else anchor.year - 1
    elif low.startswith("next "):
        y = anchor.year if mon > anchor.month else anchor.year + 1
    else:
        y, _ = _anchor_month(mon, anchor, at.future)
    return "DATE", f"{y}-{mon:02d}", at.anchored + _tense(at.future)


def _relative_unit(m: re.Match, at: _At):
    """'last month', 'next year', 'earlier this week'."""
    anchor = at.anchor
    unit = (m["unit"] or m["unit2"]).lower()
    which = (m["which"] or "this").lower()
    if anchor is None:
        return "DATE", None, "relative expression without a publication date"
    k = {"last": -1, "previous": -1, "past": -1, "this": 0, "next": 1}[which]
    if m["coming"] and which == "this":
        k = 1   # "in the course of this coming week": the next one ("the coming week", no "this", matches no rule)
    if unit == "year":
        return "DATE", str(anchor.year + k), at.anchored
    if unit == "month":
        y, mo = _shift_months(anchor.year, anchor.month, k)
        return "DATE", f"{y}-{mo:02d}", at.anchored
    if which in ("last", "past", "previous") and anchor.weekday() == 6 and not m["rel"]:
        # A Sunday paper's "last week" is the working week just ended, which ends the ISO week of the Sunday itself
        return "DATE", _iso_week(anchor), at.anchored + " (a Sunday: the week just ended)"
    if which == "this" and anchor.weekday() == 6 and at.future is not False and not m["rel"] and not m["rel2"]:
        # and its "this week" in a clause not told as past ("will triple", "head back ... this week") is the
        # working week that starts the next day
        return "DATE", _iso_week(anchor + timedelta(days=1)), at.anchored + " (a Sunday: the week ahead)"
    if which == "this" and anchor.weekday() == 5 and at.future is True and not m["rel"] and not m["rel2"]:
        # so is a Saturday's "this week" told as still to come ("schools will remain closed this week"): what is
        # left of the ISO week is its weekend
        return "DATE", _iso_week(anchor + timedelta(days=2)), at.anchored + " (a Saturday: the week ahead)"
    return "DATE", _iso_week(anchor + timedelta(weeks=k)), at.anchored


def _weekend(m: re.Match, at: _At):
    anchor = at.anchor
    if anchor is None:
        return "DATE", None, "weekend without a publication date"
    k = {"last": -1, "next": 1}.get(m["which"].lower(), 0)
    which = m["which"].lower()
    if m["past"]:
        # "this past weekend", "over the past weekend": the one just gone (on a weekend day, this one)
        return "DATE", _iso_week(anchor - timedelta(weeks=1 if anchor.weekday() < 5 else 0)) + "-WE", at.anchored
    if which == "the" and not at.future or which == "this" and not at.future and _told_as_past(m):
        # told as past on a weekday ("earned two profiles this weekend", written on Monday): the one just gone
        k = -1 if anchor.weekday() < 5 else 0
    return "DATE", _iso_week(anchor + timedelta(weeks=k)) + "-WE", at.anchored + _tense(at.future)


def _told_as_past(m: re.Match) -> bool:
    """A past form before the expression in its sentence ("earned ... this weekend"). "This weekend" on a weekday
    is the coming one unless the words say it is past: a clause read as not future for want of any cue ("may gain
    approval to operate this weekend") is no evidence."""
    s0, s1 = _sentence_span(m.string, m.start())
    if _PAST_CUE.search(m.string, s0, m.start()):
        return True
    # or the verb right after it: "The U.S. financial system this weekend faced its gravest crisis"; or a past
    # perfect later in the sentence, which can only look back: "As of this weekend, 91,000 people had filed"
    return bool(_PAST_AFTER.match(m.string[m.end():s1]) or
                re.search(r"\bhad\s+(?:\w+ly\s+)?(?:been\s+)?\w+(?:ed|en|t)\b", m.string[m.end():s1]))


def _part_of_day(m: re.Match, at: _At):
    """'Tuesday morning', 'yesterday afternoon'."""
    anchor = at.anchor
    part = _PART[(m["part"] or m["part2"]).lower()]
    day = "yesterday" if m["lastev"] else m["day"].lower()     # "last evening", as "last night"
    if day == "this" and part == "NI":
        return None   # "tonight"-like; left to the deictic rule
    if anchor is None:
        if day in WEEKDAYS:
            return "TIME", f"XXXX-WXX-{WEEKDAYS.index(day) + 1}T{part}", "weekday without a publication date"
        return "TIME", None, "part of day without a publication date"
    if day in ("yesterday", "today", "tomorrow", "this"):
        d = anchor + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(day, 0))
    elif part in ("MO", "NI") and _early_next_day(m, WEEKDAYS.index(day), anchor):
        d = anchor + timedelta(days=1)      # "early Thursday morning" on a Wednesday page: the small hours after it
    else:
        d = _weekday(WEEKDAYS.index(day), "", anchor, at.future)
    return "TIME", f"{d.isoformat()}T{part}", at.anchored + _tense(at.future)


def _deictic(m: re.Match, at: _At):
    """'yesterday', 'today', 'last night', 'tomorrow'."""
    low = re.sub(r"\s+", " ", m.group(0).lower())
    if at.anchor is None:
        return "DATE", None, "relative expression without a publication date"
    off = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(low, 0)
    return "DATE", (at.anchor + timedelta(days=off)).isoformat(), at.anchored


def _ago(m: re.Match, at: _At):
    """'two weeks ago', 'three years ago'."""
    anchor = at.anchor
    n, unit = _num(m["n"]), m["unit"].lower().rstrip("s")
    if anchor is None or n is None:
        return "DATE", None, "relative expression without a publication date"
    if unit == "day":
        return "DATE", (anchor - timedelta(days=n)).isoformat(), at.anchored
    if unit == "week":
        # "Six weeks ago" names a week, not a day (as "last week" does): a day would be precision the text never
        # gave, and a timeline would print it as the date of the event. TIMEX3 and HeidelTime give the week too.
        return "DATE", _iso_week(anchor - timedelta(weeks=n)), at.anchored
    if unit == "month":
        y, mo = _shift_months(anchor.year, anchor.month, -n)
        return "DATE", f"{y}-{mo:02d}", at.anchored
    if unit == "decade":
        n *= 10         # "a decade ago" is a year, as "ten years ago" is
    return "DATE", str(anchor.year - n), at.anchored


_NOW_LATER = re.compile(r"(?i)\b(?:today|now)\s*,?\s*(?:(?:almost|nearly|about|some|roughly|more\s+than|over|just|"
                        r"exactly)\s+)?$")


def _narrative(m: re.Match, at: _At):
    """'six months later', 'the next day', 'a year earlier': counted from the previous date in the text, at the
    granularity of the expression's unit."""
    g, last_value = m.groupdict(), at.last_value
    if g.get("same"):
        unit, n, sign = "day", 0, 1
    elif g.get("unit3"):
        unit, n, sign = "day", 1, (-1 if g["dir3"].lower() == "before" else 1)
    elif g.get("unit2"):
        unit = g["unit2"].lower()
        n, sign = 1, (-1 if g["dir2"].lower() == "previous" else 1)
    else:
        unit = g["unit"].lower().rstrip("s")
        n = _num(g["n"])
        sign = -1 if g["dir"].lower().startswith(("earlier", "before")) else 1
    if unit == "morning":
        return "DATE", None, "narrative: a part of the day after an event, not a calendar value"
    if unit == "hour":
        # "48 hours later" is two days on; "36 hours later" falls on one day or the next, by the hour of the first
        if n is None or n % 24:
            return "DATE", None, "narrative: hours that are not whole days"
        unit, n = "day", n // 24
    if sign > 0 and at.anchor and _NOW_LATER.search(m.string, max(0, m.start() - 40), m.start()):
        # "Today, almost five months later, the company has given its opinion": the later time is the present
        a = at.anchor
        v = {"day": a.isoformat(), "week": "%d-W%02d" % a.isocalendar()[:2], "month": a.isoformat()[:7],
             "year": str(a.year)}.get(unit)
        if v:
            return "DATE", v, f"the time of writing ('{m.group(0)}' after 'today' or 'now'), at the unit's precision"
    if not last_value or n is None:
        return "DATE", None, "narrative expression: the text gives no earlier date to count from"
    v = _add(last_value, sign * n, unit, iso_week=bool(g.get("unit2")) and unit == "week")
    if v is None:
        return "DATE", None, f"narrative: {last_value} is too coarse to count {unit}s from"
    if n == 0:
        return "DATE", v, f"narrative: the same day as {last_value} given in the text"
    return "DATE", v, f"narrative: {n} {unit}(s) {'after' if sign > 0 else 'before'} {last_value} given in the text"


def _vague_narrative(m: re.Match, at: _At):
    # "days after the invasion on Feb. 24, 2022": anchored on that event, but how many days the text does not
    # say, so no value (a guessed day would be an invented date).
    return "DATE", None, f"narrative: an unstated number of {m['unit'].lower()} {m['dir'].lower()} another event"


def _clock(m: re.Match, at: _At):
    # The date is filled in by find() from a date expression next to it ("at 3am on 13 February 2021").
    if m["word"]:
        hh, mm = {"noon": (12, 0), "midday": (12, 0), "midnight": (0, 0)}[m["word"].lower()]
        if hh == 0 and re.search(r"(?i)\b(?:to|until|till|through|by)\s+$", m.string[max(0, m.start() - 8):m.start()]):
            return "TIME", "T24:00", "clock time (the end of the day: 'the 24 hours to midnight Saturday')"
    elif m["h24"]:
        return "TIME", f"T{m['h24']}:{m['m24']}", "clock time (24-hour, with its zone)"
    else:
        hh, mm = int(m["hh"]), int(m["mm"] or 0)
        # "00:36 am" is written by some wires for the half hour after midnight.
        if not (0 <= hh <= 12 and mm < 60) or (hh == 0 and m["ap"].lower().startswith("p")):
            return None
        pm = m["ap"].lower().startswith("p")
        hh = (hh % 12) + (12 if pm else 0)
    return "TIME", f"T{hh:02d}:{mm:02d}", "clock time"


def _set(m: re.Match, at: _At):
    """'every Monday', 'every week', 'daily'."""
    if m["wd"]:
        return "SET", f"XXXX-WXX-{WEEKDAYS.index(m['wd'].lower()) + 1}", "explicit set"
    return "SET", _SET_UNIT[(m["unit"] or m["adv"]).lower()], "explicit set"


def _weekday_date(m: re.Match, at: _At):
    """'on Friday', 'last Tuesday', 'this coming Friday'."""
    wd = WEEKDAYS.index(m["wd"].lower())
    mod = (m["mod"] or "").lower()
    if at.anchor is None:
        return "DATE", f"XXXX-WXX-{wd + 1}", "weekday without a publication date"
    if not mod and _early_next_day(m, wd, at.anchor):
        # "Mubarak said early Saturday" on a Friday page: the small hours after the page's day, in a zone ahead of
        # the writer's (a live page updated at 7:40 p.m. ET is 02:40 in Cairo), not a week before
        return "DATE", (at.anchor + timedelta(days=1)).isoformat(), \
            at.anchored + " (early the next day: the small hours after the page's day)"
    return "DATE", _weekday(wd, mod, at.anchor, at.future).isoformat(), at.anchored + _tense(at.future)


_EARLY = re.compile(r"(?i)\bearly\s+(?:on\s+)?$")


def _early_next_day(m: re.Match, wd: int, anchor: date) -> bool:
    """ "early <the weekday after the page's day>": the small hours after it, wherever the tense puts the weekday."""
    return wd == (anchor.weekday() + 1) % 7 and _EARLY.search(m.string, max(0, m.start() - 10), m.start()) is not None


def _season(m: re.Match, at: _At):
    """'last summer', 'in the spring'."""
    anchor = at.anchor
    s = _SEASON[m["season"].lower()]
    if anchor is None:
        return "DATE", f"XXXX-{s}", "no publication date"
    low = m.group(0).lower()
    st = _SEASON_START[s]
    if low.startswith("next"):
        # The next one to begin: "next winter" in June is the coming December's; in a winter, the one after it.
        y = anchor.year if anchor.month < st else anchor.year + 1
    elif low.startswith("last") or m["past"]:
        # "last spring", "this past spring", "the previous winter": the last one to have ended
        y = anchor.year if anchor.month >= st + 3 else anchor.year - 1
    elif low.startswith("this"):
        # "this summer" in September is the summer just gone; "this winter" in January began last December.
        y = anchor.year - 1 if s == "WI" and anchor.month < 3 else anchor.year
    elif at.future:
        y = anchor.year if anchor.month < st + 3 else anchor.year + 1
    else:
        y = anchor.year if anchor.month >= st else anchor.year - 1
    return "DATE", f"{y}-{s}", at.anchored + _tense(at.future)


def _decade(m: re.Match, at: _At):
    return "DATE", m["dec"] + "X", "explicit"


_DECADE_WORDS = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]


def _word_decade(m: re.Match, at: _At):
    """ "the sixties": the latest such decade that began before the anchor's year, as for "'60s"."""
    if at.anchor is None:
        return None
    y = at.anchor.year // 100 * 100 + (_DECADE_WORDS.index(m["wdec"].lower()) + 2) * 10
    return "DATE", f"{(y if y <= at.anchor.year else y - 100) // 10}X", "explicit"


def _short_decade(m: re.Match, at: _At):
    """ "'70s": the latest such decade that began before the anchor's year (the 1920s, not the 2020s, in 2010)."""
    if at.anchor is None:
        return None
    y = at.anchor.year // 100 * 100 + int(m["sdec"] or m["sdec2"]) * 10
    return "DATE", f"{(y if y <= at.anchor.year else y - 100) // 10}X", "explicit"


def _this_decade(m: re.Match, at: _At):
    """ "this decade": the decade of the time of writing; "the end of the next decade", the one after it."""
    if at.anchor is None:
        return None
    d = at.anchor.year // 10 + (1 if m["next"] else 0)
    return "DATE", f"{d}X", at.anchored


def _duration(m: re.Match, at: _At):
    v = _duration_value(m.groupdict())
    return ("DURATION", v, "explicit duration") if v else None


def _year(m: re.Match, at: _At):
    return "DATE", m["year"], "explicit"


def _fixed(value: str, how: str):
    """A handler for words with one value whatever the context ('now', 'recently', 'soon')."""
    return lambda m, at: ("DATE", value, how)


_present = _fixed("PRESENT_REF", "reference to the time of writing")
_past_ref = _fixed("PAST_REF", "vague past")
_future_ref = _fixed("FUTURE_REF", "vague future")


# --- the rules: a pattern per kind of expression and its handler ---

@dataclass(frozen=True)
class Rule:
    kind: str
    rx: re.Pattern
    handle: Callable[[re.Match, _At], tuple | None]
    # The year (or week) is left to the tense of the clause: find() weighs the past and the future reading.
    tensed: bool


def _rule(kind: str, handle, rx: str, case: bool = False, tensed: bool = False) -> Rule:
    """``case``: the pattern relies on capitals (the month May, not the verb may)."""
    return Rule(kind, re.compile(rx, 0 if case else re.I), handle, tensed)


_ZONE = r"(?:GMT|BST|UTC|CET|CEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|JST|IST|HKT|SGT|AEST|AEDT|MSK|UK\s+time|" \
    r"local\s+time)"

# Most specific first: of the matches starting at one place the longest wins, and of equally long ones the earlier
# row. Adding a kind of expression is adding a row and its handler.
RULES: list[Rule] = [
    _rule("mdy", _explicit_day,
        rf"\b(?:(?:this|last|next|on)\s+)?(?:{_WD},?\s+)?(?P<mon>{_MON}|{_MON_CAPS})\.?\s+(?P<day>\d{{1,2}})"
        # not a clock time with its zone after the day: "19 JANUARY, 1815 GMT"
        rf"(?:st|nd|rd|th)?(?:,\s*|\s+|\.(?=(?:1[6-9]|20)\d\d\b))(?P<year>{_Y})\b(?!\s*{_ZONE}\b)", case=True),
    _rule("dmy", _explicit_day,
        rf"\b(?:(?:this|last|next|on)\s+)?(?:{_WD},?\s+)?(?:the\s+)?(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?|"
        rf"(?P<dayw>{_ORDW})(?=\s+of\s))\s+"     # "the first of June 2009"
        # ("Last updated: 1 may, 2009": between a day and a year even "may" in lower case is the month)
        rf"(?:of\s+)?(?P<mon>{_MON}|{_MON_CAPS}|may)\.?,?\s+(?P<year>{_Y})\b(?!\s*{_ZONE}\b)", case=True),
    _rule("iso", _iso_date,
        rf"\b(?P<year>{_Y})-(?P<m>[01]\d)-(?P<day>[0-3]\d)\b"),
    # a wire page's stamp in numbers at the head of a line, before its clock time: "2009 04 25 08:50 JST"
    _rule("stamp", _iso_date,
        rf"(?m)^(?P<year>{_Y}) (?P<m>0[1-9]|1[0-2]) (?P<day>0?[1-9]|[12]\d|3[01])(?= [0-2]\d:[0-5]\d\b|\Z)"),
    _rule("my", _month_year,
        rf"\b(?:(?:early|late|mid|mid-|the end of|the beginning of|the start of)\s+)?(?P<mon>{_MONTH_FULL}|May|{_MON_ABBR})\s+"
        rf"(?:of\s+)?(?P<year>{_Y})\b", case=True),     # "Feb 2012" too: a bare abbreviation beside its year
    _rule("mon_rel_year", _month_of_relative_year,
        rf"\b(?:(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?P<mon>{_MONTH_FULL}|May)"
        rf"(?:\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?)?\s+(?:of\s+)?(?P<which>last|next|this)\s+year\b"
        rf"|\blast\s+(?P<mon2>{_MONTH_FULL}|May)(?!\w)", case=True),
    _rule("season_year", _season_year,
        rf"\b(?:the\s+)?(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?P<year>{_Y})\b"),
    _rule("quarter", _quarter,
        rf"\b(?:the\s+)?(?P<ord>first|second|third|fourth|last|final|1st|2nd|3rd|4th)\s+quarter\s+(?:of\s+)?"
        rf"(?:(?P<year>{_Y})\b|'(?P<yy>\d\d)\b|(?:the\s+)?(?P<ry>this|last|next)\s+year\b)"
        rf"|\bQ(?P<q>[1-4])\s+(?P<year2>{_Y})\b"
        # an analyst's "by 1Q 2011"
        rf"|\b(?P<q2>[1-4])Q\s+(?P<year3>{_Y})\b"),
    _rule("half", _half,
        rf"\b(?:the\s+)?(?P<ord>first|second)\s+half\s+of\s+(?:(?P<year>{_Y})\b|(?:the|this|(?P<rel>last|next))\s+"
        r"year\b)"
        # a company's "first half results", "second-half profits": its latest such half
        r"|\b(?P<ord2>first|second)[\s-]+half(?=\s+(?:(?:financial|year|company)\s+)?(?:results|earnings|profits?)\b)"),
    _rule("quarter_rel", _relative_quarter,
        # "the third quarter", and a company's own: "its third quarter results"
        r"\b(?:(?:the|its|their|our)\s+(?:(?P<ord>first|second|third|fourth)|(?P<rel>previous|last|past|next|current|"
        r"coming))|(?P<this>this))\s+quarter\b",
        tensed=True),
    _rule("week_num", _week_number,
        r"\bweek\s+(?P<w>\d{1,2})\b"),
    _rule("md", _month_day,
        # "late April 20": late in that day, not the month's end
        rf"\b(?:(?:{_WD}),?\s+)?(?:(?:[Ee]arly|[Ll]ate|[Mm]id-?)\s+)?"
        rf"(?P<mon>{_MONTH_FULL}|May|{_MON_ABBR}\.?)\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
        # a number right after it, or one of three or four digits after a comma, is its year; "April 20, 50 miles
        # off the coast" is a day and a distance; a clock time is no year ("Wed, Dec 15 18:14 PM EST", a wire stamp)
        r"(?!\s*(?!\d{1,2}:\d\d\b)\d|\s*,\s*\d{3}|\s*(?:%|percent|per\s+cent))", case=True, tensed=True),
    _rule("dm", _month_day,
        rf"\b(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?|the\s+(?P<dayw>{_ORDW})\s+of\s+)"
        rf"(?P<mon>{_MONTH_FULL}|May|{_MON_ABBR}|{_MON_CAPS})\b"
        # a number after it is its year, unless it is a clock time with its zone ("19 JANUARY, 1815 GMT"); after a
        # comma only a number of three or four digits ("on 20 April, 50 miles off the coast": a distance)
        rf"(?!\s*(?!(?:[01]\d|2[0-3])[0-5]\d\s*{_ZONE}\b)\d|\s*,\s*(?!(?:[01]\d|2[0-3])[0-5]\d\s*{_ZONE}\b)\d{{3}})",
        case=True, tensed=True),
    _rule("easter", _easter,
        r"\b(?P<eday>Good Friday|Easter(?:\s+(?:Sunday|Day|Monday))?)(?![\w'-])"
        # named after it, not the day: the island, the rising, eggs and bunnies
        r"(?!\s+(?:Island|Islands|Rising|Uprising|Offensive|Road|Parade|egg|eggs|bunny|bunnies|lily|lilies)\b)"
        r"(?:,?\s+(?:of\s+)?(?P<ey>(?:1[6-9]|20)\d\d)(?![\w,.]\d))?"
        r"(?P<eper>\s+(?:school\s+)?(?:holidays?|break|recess|vacation|holiday\s+weekend|weekend)\b)?",
        case=True, tensed=True),
    _rule("holiday", _holiday,
        r"(?<!Father )\b(?P<hol>Christmas Day|Christmas Eve|New Year's Eve|New Year's Day|Boxing Day|Christmas|Xmas|"
        r"Valentine's Day|Independence Day|[Tt]he Fourth of July|Fourth of July|July Fourth|Halloween|Veterans Day|"
        r"Armistice Day|Bonfire Night|"
        r"May Day|"
        r"Martin Luther King(?: Jr\.)? Day|Presidents'? Day|Memorial Day|Labor Day|Columbus Day|"
        r"Thanksgiving(?: Day)?)(?!\w)"
        # a thing named after the holiday ("a 'Christmas tree' bill", "Christmas cards") is no day
        r"(?!\s+(?:tree|card|carol|pudding|decoration|light|cracker|present|gift|stocking|jumper|song)s?\b)"
        r"(?:,?\s+(?:of\s+|in\s+)?(?P<hy>(?:1[6-9]|20)\d\d)(?![\w,.]\d))?"     # "Thanksgiving in 2011"
        r"(?P<wkd>\s+(?:holiday\s+|long\s+|bank\s+holiday\s+)?[Ww]eekend\b)?",
        case=True, tensed=True),
    _rule("rel_unit", _relative_unit,
        r"\b(?:(?P<rel>late|early|earlier|later)\s+)?(?P<which>last|this|next|previous|past)\s+"
        r"(?:(?P<coming>coming)\s+)?(?P<unit>week|month|year)\b"
        r"|\b(?P<rel2>earlier|later)\s+this\s+(?P<unit2>week|month|year)\b"),
    _rule("weekend", _weekend,
        r"\b(?P<which>last|this|next|the)\s+(?:(?P<past>past)\s+)?weekend\b", tensed=True),
    _rule("part_of_day", _part_of_day,
        rf"\b(?P<day>{_WD}|yesterday|today|tomorrow|this)\s+(?P<part>morning|afternoon|evening|night)\b"
        r"|\b(?P<lastev>last)\s+(?P<part2>evening)\b", tensed=True),
    _rule("deictic", _deictic,
        r"\b(?:yesterday|today|tonight|last\s+night|tomorrow)\b"),
    _rule("ago", _ago,
        rf"\b(?P<n>{_NUMW})\s+(?P<unit>{_UNIT}|decades?)\s+ago\b"),
    _rule("later", _narrative,
        rf"\b(?P<n>{_NUMW})\s+(?P<unit>{_UNIT}|hours)\s+(?P<dir>later|afterwards|after\s+that|on(?=\s*[,;.]|$)|earlier|"
        # not a comparison: "began Wednesday -- a day later than scheduled" is Wednesday, not a day after it
        # not "could take three months before that is completed" ("that" opens a clause there)
        r"before\s+that(?!\s+(?:is|was|will|would|can|could|has|had|happens|happened)\b))\b(?!\s+than\b)"
        r"|\bthe\s+(?P<dir2>next|following|previous)\s+(?P<unit2>day|week|month|year|morning)\b"
        # Not "the day after the vote" nor "the day after Mubarak announced ...": a day counted from a happening
        # the words name, not from the date given last.
        r"|\bthe\s+(?P<unit3>day)\s+(?P<dir3>before|after)\b"
        r"(?!\s+\w)"
        # "That same day, BP agreed", "repeated at 0900 GMT the same day": the day given last; not "the same day as
        # Palin's fusillade" nor "the same day that firms repaid aid", the day of a happening the words name
        r"|\b(?:that|the)\s+(?P<same>same)\s+day\b(?!\s+(?:as|that)\b)"),
    _rule("vague_narrative", _vague_narrative,
        r"\b(?:(?:just|only|mere|a\s+few|several)\s+)?(?P<unit>days|weeks|months|years)\s+"
        r"(?P<dir>after|before|later|earlier)\b"),
    _rule("clock", _clock,
        r"\b(?P<hh>\d{1,2})(?:[:.](?P<mm>[0-5]\d))?\s*(?P<ap>am|pm|a\.m\.|p\.m\.)(?!\w)(?:\s+" + _ZONE + r"\b)?"
        r"|\b(?P<word>noon|midday|midnight)\b"
        # 24-hour times are written with a zone ("17.00 BST", "1830 GMT", "09:43 UK time"): never a year or a price.
        r"|(?<![\d$£€.,])\b(?P<h24>[01]\d|2[0-3])[:.]?(?P<m24>[0-5]\d)(?:\s*(?P<zone>" + _ZONE + r")\b"
        # "at 1653 (2153 GMT)": the local time before the same time in GMT, in brackets
        r"|(?=\s*(?:\(|-LRB-)\s*(?:[01]\d|2[0-3])[:.]?[0-5]\d\s*" + _ZONE + r"\s*(?:\)|-RRB-))"
        # "between 2300 and 0200 GMT", "(1900 to 2200 EST)": the first of two times that share the zone after them
        r"|(?<=\d{4})(?=\s*(?:and|to|-|–)\s*(?:[01]\d|2[0-3])[0-5]\d\s*" + _ZONE + r"\b)"
        # "around 1800 yesterday": a four-digit time before a day word (a year is never followed by one)
        r"|(?<=\d{4})(?=\s+(?:yesterday|today|tomorrow|(?:on\s+)?" + _WD + r")\b"
        # a listing's "repeated 1700, Sunday 14 June 2009": a four-digit time before a comma and a written day
        r"|\s*,\s*" + _WD + r",?\s+\d{1,2}(?:st|nd|rd|th)?\s+" + _MON + r"\b)"
        # "at 21:49 on April 20": a colon time right before "on" and its day
        r"|(?<=:\d\d)(?=\s+on\s+(?:" + _WD + r"|" + _MON + r")\b)"
        # a comment's stamp, "At 04:23 23rd Aug 2010": a colon time right before its written date
        r"|(?<=:\d\d)(?=\s*,?\s*\d{1,2}(?:st|nd|rd|th)?\s+" + _MON + r"\.?,?\s+(?:1[6-9]|20)\d\d\b))"),
    _rule("set", _set,
        rf"\bevery\s+(?P<wd>{_WD})\b|\bevery\s+(?P<unit>day|week|month|year)\b|"
        r"\b(?P<adv>daily|weekly|monthly|annually|yearly|fortnightly)\b"),
    _rule("weekday", _weekday_date,
        rf"\b(?:(?P<mod>[Ll]ast|[Nn]ext|[Tt]his(?:\s+coming)?)\s+)?(?P<wd>{_WD})\b", case=True, tensed=True),
    _rule("mon", _month,
        rf"\b(?:(?:in|since|until|by|from|during|through|early|late|mid-?|last|next|this|the end of|the beginning of|"
        rf"for|to|of|before|after|between|and|or|until|till|Last|Next)\s+)?(?P<mon>{_MONTH_FULL}|May)(?!\w)"
        # the noun of "a ` March of millions '", "the March of Dimes", not the month of "March of last year"
        r"(?!(?<=March)\s+of\s+(?!\d|['’]\d|(?:the|this|that|last|next|each|every)\b))",
        case=True, tensed=True),
    _rule("season", _season,
        r"\b(?:(?:last|this|next|the)\s+)?(?:(?P<past>past|previous)\s+)?"
        r"(?P<season>spring(?!\s+(?:into|up|back|to\s+life|waters?|tides?|onions?|rolls?|loaded)\b)|summer|autumn|"
        # "a nuclear winter": the cooling that would follow a war, not a season
        r"winter(?<!nuclear\swinter)(?<!volcanic\swinter)|(?<=last\s|this\s|next\s|past\s)fall|"
        # "in the fall", "by the fall": the season, where the noun "fall" (a drop, a collapse) would go on with what
        # fell ("the fall in prices", "the fall of Mubarak")
        r"(?:" + "|".join(rf"(?<=\b{w}\sthe\s)" for w in ("in", "by", "until", "till", "through", "during",
                                                           "before", "after", "into")) + r")fall"
        r"(?=\s*(?:[.,;:)?!]|$|\s+(?:and|or|when|as|if|with|semester|season|term|elections?|campaign|"
        r"(?:it|they|we|he|she)\s+(?:could|would|will|may|might))\b)))\b", tensed=True),
    _rule("decade", _decade,
        # "a 1920 s law": a page that drops apostrophes writes "1920's" so
        r"\b(?:the\s+(?:(?:early|mid|late)[\s-]+)?)?(?P<dec>(?:1[6-9]|20)\d)0(?:s|\ss(?=\s+[a-z]))\b"),
    # "the early sixties": a decade in words, with "the" (not "in his sixties", an age)
    _rule("word_decade", _word_decade,
        r"\bthe\s+(?:(?:early|mid|late)[\s-]+)?(?P<wdec>twenties|thirties|forties|fifties|sixties|seventies|"
        r"eighties|nineties)\b(?!\s*(?:degrees|percent|%))"),
    # "the 1960s and '70s": a decade written with its last two digits
    _rule("short_decade", _short_decade,
        r"(?<![\w'’])['’](?P<sdec>\d)0s\b"
        # "since the 70s": with "the" and no apostrophe (not "in their 70s", an age; not "hits the mid-20s" nor "rose
        # to the 60s", a level; temperatures: below); the 50s to the 90s, where "the 20s" to "the 40s" are as often
        # ages or percentages as decades
        r"|(?<!\bto\s)(?<!\bat\s)(?<!\bhit\s)(?<!\bhits\s)(?<!\breach\s)(?<!\breached\s)(?<!\baround\s)"
        r"\bthe\s+(?:(?:early|mid|late)[\s-]+)?(?P<sdec2>[5-9])0s\b(?!\s*(?:degrees|percent|%|°))"),
    # "the middle of this decade" (the writer's decade); "by the end of the next decade" (the one after it), a point
    # in it, not the span "over the next decade"
    _rule("this_decade", _this_decade,
        r"\b(?:(?:the\s+)?(?:middle|end|start|beginning|early\s+part|latter\s+part)\s+of\s+)?this\s+decade\b"
        r"|\bthe\s+(?:middle|end|start|beginning)\s+of\s+the\s+(?P<next>next)\s+decade\b"),
    _rule("duration", _duration,
        rf"\b(?:the\s+(?:past|last|next|coming|first|previous)\s+)?(?P<n>{_DURN})[\s-]+(?P<unit>{_DUNIT})"
        rf"(?:\s+and\s+(?P<n2>{_DURN})\s+(?P<unit2>{_DUNIT}))?(?:-long|\s+period)?\b"
        r"(?!-old|\s+old|\s+ago|\s+later|\s+earlier|\s+afterwards|\s+on\b)"
        rf"|\b(?P<pre>(?:for|in|within|over|after|back|about|nearly|almost|than|lasted|took|last|spent)\s+)"
        rf"(?P<a>a|an|half an|a half|a few|a couple of)\s+(?P<unit3>{_DUNIT})\b(?!\s+(?:ago|later|earlier|old))"
        r"|\b(?P<fort>a\s+fortnight)\b"),
    _rule("present", _present,
        r"\b(?:currently|at present|at the moment|nowadays|right now|now)\b(?!\s+that\b)"),
    _rule("past_ref", _past_ref,
        rf"\b(?:recently|the past)\b(?!\s+(?:few|couple|several|{_DURN})\b|\s+{_DUNIT}\b)"),
    _rule("future_ref", _future_ref,
        r"\b(?:the future|soon)\b"),
    _rule("short_year", _short_year_rule,
        r"(?P<pre>\b(?:of|in|since|by|until|from|to)\s+)'(?P<yy>\d\d)\b(?!\s*(?:%|percent|per\s+cent))"
        r"|(?<=\b(?:1[6-9]|20)\d\d[-–/])(?P<yy2>\d\d)\b(?![\d%]|[-–/]\d|\s*(?:%|percent|per\s+cent))"),
    _rule("year", _year,
        # A year before 1600 only after a preposition of time and before no noun ("caulk his ship in 1595"): a
        # number of that size is more often a count ("in 1200 homes").
        rf"(?<![\d$£€.,])\b(?P<year>{_Y}|(?:(?<=\bin\s)|(?<=\bsince\s)|(?<=\buntil\s)|(?<=\baround\s)|"
        r"(?<=\bcirca\s))1[0-5]\d\d(?!\s+[a-z]))\b(?![\d%]|\.\d|,\d)"
        r"(?!\s*(?:million|billion|votes|people|km|kg|signatures|hours?\b|hrs\b|GMT|BST|UTC|CET|EST|EDT|CDT|PDT|"
        r"ET\b|out\s+of\s+\d|(?:times|fold|more|less|fewer)\s+(?:dilute|diluted|than|likely|as)\b|"
        # "MOEX Offshore 2007 LLC": a year that is part of a company's name
        r"(?:LLC|Inc|Ltd|Corp|plc|PLC|LP|L\.P\.)\b))"),     # "shines 2000 out of 8700 hours": a count
]


def _weekday(wd: int, mod: str, anchor: date, future: bool) -> date:
    """Past: the latest such weekday on or before publication; future: the first on or after it. "This Friday" is
    the Friday of the publication's week, ahead or past ("was due to hold a celebration this Friday", written on a
    Wednesday); a future one already past in that week is the next week's."""
    if mod == "this":
        d = anchor + timedelta(days=wd - anchor.weekday())
        return d + timedelta(days=7) if future and d < anchor else d
    if mod.startswith("this coming") or mod == "next" or (future and not mod):
        delta = (wd - anchor.weekday()) % 7 or (7 if mod else 0)
        return anchor + timedelta(days=delta)
    delta = (anchor.weekday() - wd) % 7
    if mod == "last" and delta in (0, 1):
        delta += 7      # the day before is "yesterday": "last Thursday" written on a Friday is a week earlier
    return anchor - timedelta(days=delta)


def _add(value: str, n: int, unit: str, iso_week: bool = False) -> str | None:
    """n units after a TIMEX value, at the granularity of the unit: years -> YYYY (a season keeps its part),
    months -> YYYY-MM, days and weeks -> a full date (or an ISO week for "the following week"). None when the
    anchor is too coarse."""
    parts = value.split("T")[0].split("-")
    if not parts[0].isdigit():
        return None
    y = int(parts[0])
    if unit == "year":
        # "this spring ... the moment a year earlier": a season counts on as itself (a quarter's year before is the
        # same quarter only where the sentence compares the two: _year_on_year)
        part = parts[1] if len(parts) == 2 and parts[1] in ("SP", "SU", "FA", "WI") else None
        return f"{y + n}-{part}" if part else str(y + n)
    if len(parts) < 2 or not parts[1].isdigit():
        return None
    mo = int(parts[1])
    if unit == "month":
        y2, m2 = _shift_months(y, mo, n)
        return f"{y2}-{m2:02d}"
    if len(parts) < 3 or not parts[2].isdigit():
        return None
    d = _d(y, mo, int(parts[2]))
    if d is None:
        return None
    d2 = d + timedelta(days=n if unit == "day" else 7 * n)
    return _iso_week(d2) if iso_week else d2.isoformat()


def is_future(sentence: str) -> bool:
    return bool(_FUTURE.search(sentence))


# Clause-level tense without a parse (find() is used on bare text by the benchmark and tests; the pipeline passes
# a parse-based ``future_of``). A clause ends at punctuation or a conjunction/subordinator; the verb that governs a
# time expression is nearly always to its left in the same clause, so that side decides, and only a clause with no
# verb before the expression ("On Friday, the court will ...") looks to its right.
_BOUNDARY = re.compile(r"[,;:—–()]|\b(?:and|but|while|whereas|that|which|who|because|although|though|when|"
                       r"before|after|once|if|unless)\b", re.I)
_FUT_CUE = re.compile(r"\b(?:will|'ll|shall|would|should|must|is due|are due|due to|expected to|expects?|is set|"
                      r"are set|set for|set to|scheduled|plans? to|planned|intends? to|is to|are to|upcoming|coming|"
                      r"starts?|begins?|opens?|takes? effect|reopens?|closes?|resumes?|ends|lasts|goes|due|"
                      r"returns?|hopes? to|aims? to|is going to|are going to)\b|\bwo\b|n't be\b", re.I)
_PAST_CUE = re.compile(r"\b(?:was|were|had|did|said|told|began|rose|fell|took|went|came|met|held|left|won|lost|"
                       r"struck|sank|broke|spoke|found|made|gave|saw|led|ran|wrote|paid|built|sold|bought|fled|hit|"
                       r"\w{3,}ed)\b", re.I)


_PAST_AFTER = re.compile(r"\s+(?:\w+ly\s+)?" + _PAST_CUE.pattern, re.I)


def clause_future(text: str, start: int, end: int, s0: int, s1: int) -> bool:
    # With no cue either side the clause is read as past: news mostly reports what has happened.
    before = text[max(s0, start - 12):start].lower().split()
    if before and before[-1] == "since":
        return False    # "since May": a time already past
    cuts = [s0] + [b.end() for b in _BOUNDARY.finditer(text, s0, start)]
    # Nearest clause first; a clause with no verb of its own ("on Wednesday [and Thursday]") looks one further.
    for k in range(len(cuts) - 1, max(len(cuts) - 3, -1), -1):
        left = text[cuts[k]:start]
        if _FUT_CUE.search(left):
            return True
        if _PAST_CUE.search(left):
            return False
    if before and before[-1] in ("until", "till", "by"):
        return True     # "can wait until January", with no past-tense verb before it
    rest = text[end:s1]
    rest = rest[len(rest) - len(rest.lstrip(" ,;:")):]
    b = _BOUNDARY.search(rest)
    right = rest[:b.start()] if b else rest
    return bool(_FUT_CUE.search(right)) and not _PAST_CUE.search(right.split(" ")[0] if right else "")


_RANGE_SEP = re.compile(r"\s*(?:to|until|till|through|and|-|–)\s*$", re.I)
_SPAN_SEP = re.compile(r"\s*(?:to|until|till|through|-|–)\s*$", re.I)     # not "and": "April and March" is a list


# A newspaper's print note: "This article appeared on p19 of the Main section section of the Guardian on 02.00 BST on
# Friday 20 August 2010".
_PRINT_NOTE = re.compile(r"appeared on p\s*\d+ of the .{0,80}? on (?:[\d.:]+ \w+ on )?(?:\w+day )?"
                         r"(?P<d>\d{1,2}) (?P<m>" + _MONTH_FULL + r") (?P<y>\d{4})")


def printed_next_day(text: str, anchor: date | None) -> date | None:
    """The print day of a page whose print note gives the day after its own: its copy is written for the next
    morning's paper, and its "yesterday" is the page's own day ("environmental scientists warned yesterday as BP
    spent a third day trying ... top kill", a page of Friday 28 May 2010 printed on the 29th). Seven of eight such
    "yesterday"s read in Timeline17 pages; its "today" stays the page's day (the web copy's)."""
    if anchor is None or "appeared on p" not in text:
        return None
    m = _PRINT_NOTE.search(text)
    if not m:
        return None
    day = _d(int(m["y"]), month_num(m["m"]), int(m["d"]))
    return day if day == anchor + timedelta(days=1) else None


def find(text: str, anchor: date | None, sentence_of=None, future_of=None) -> list[Timex]:
    """All temporal expressions in ``text``, left to right, without overlaps.

    ``future_of(start)`` tells whether the clause holding offset ``start`` is in the future tense; by default a
    cue search over that clause (``sentence_of(start)`` gives the sentence span).
    """
    out: list[Timex] = []
    names: list[str] = []
    taken_end = -1
    last: tuple[str, int, str] | None = None    # latest full value and where it was, for narrative anchors
    written_year: str | None = None             # the latest year written out, for "that year"
    print_day = printed_next_day(text, anchor)  # the day its "yesterday" counts from, where it is not the anchor
    posts = post_stamps(text, anchor)           # a blog page's posts, each with its own day
    captions = caption_days(text, anchor)       # lines labelled with their own day
    for s0, m, rule in _matches(text):
        name = rule.kind
        if s0 < taken_end:
            continue
        if name == "mon" and m.group("mon") == "May" and not re.match(
                r"(?i)(in|since|until|by|from|during|early|late|mid|last|next|this|for|of|before|after|between|till|"
                r"the end of|the beginning of|the start of)",
                m.group(0)) and not _MONTH_LIST.search(text, max(0, s0 - 30), m.start("mon")) and \
                not re.search(r"(?:^|[.!?]\s+|\n)(?:In|Since|Until|By|From|During|Before|After|Through|Last|Next|"
                              r"Early|Late)\s+$", text[max(0, s0 - 12):s0]) and \
                not (re.search(r"\b(?:the|a|this|that|last|next)\s+$", text[max(0, s0 - 6):s0]) and
                     re.match(r"\s+[a-z]", text[m.end():])) and \
                not re.search(r"(?i)\b(?:mid|early|late)\s*-\s*$", text[max(0, s0 - 8):s0]):
            continue    # the verb "may"; but "In May, 60 percent said" opens a sentence with its preposition, no
            #             verb follows "the": "the May attempt failed", and "mid-May" is the month
        if name == "weekday" and re.search(r"(?:\b[Tt]he|'s)\s+$", text[max(0, s0 - 5):s0]) and \
                re.match(r"\s+(?!(?:" + _MON + r"|" + _WD + r"|" + _ZONE + r")\b)[A-Z][a-z]", text[m.end():]):
            continue    # a name: "the Sunday Times", "London's Sunday Telegraph"
        if name == "season" and m.group("season")[:1].isupper() and re.search(
                r"(?<![.!?]\s)\b(?!(?:Last|This|Next|The|In|Early|Late|Mid|By|Since|Until|During)\b)[A-Z][a-z]+\s+$",
                text[max(0, m.start("season") - 20):m.start("season")]):
            continue    # a name: "the Arab Spring", "the Prague Spring"
        if name == "season" and m.group("season")[:1].isupper() and \
                re.match(r"\s+(?!(?:" + _MON + r"|" + _WD + r")\b)[A-Z][a-z]", text[m.end():]):
            continue    # a name it opens: "the Winter Olympics", "Summer Games", "the Spring Festival"
        if name == "present" and m.group(0).lower() == "now" and re.match(r"\s*,?\s*(?:that)\b", text[m.end():]):
            continue
        if name == "season" and m.group("season").lower() == "spring" and _SPRING_VERB.search(
                text, max(0, m.start("season") - 8), m.start("season")) and \
                re.match(r"\s+(?:an?|its|their|his|her)\s", text[m.end():]) and \
                not re.search(r"(?i)\b(?:winter|autumn|fall|summer)\s+to\s+$", text[max(0, s0 - 12):m.start("season")]):
            continue    # "prompted the pipelines to spring a leak": the verb
        if name == "weekday" and \
                re.match(r"\s+(?!(?:" + _MON + r"|" + _WD + r"|" + _ZONE + r")\b)[A-Z][a-z]+\s*,\s+(?:a|an)\s",
                         text[m.end():]) and \
                not re.search(r"(?i)\b(?:on|by|until|from|since|last|next|this|before|after)\s+$",
                              text[max(0, s0 - 7):s0]):
            continue    # a first name: "says Saturday Pirri, a local palm wine tapper"
        if name == "short_decade" and m.group("sdec2") and re.search(
                r"(?i)\b(?:temperatures?|degrees|highs?|lows?|weather|mercury|fahrenheit|celsius|scores?|ages?|aged)\b",
                text[max(0, s0 - 80):m.end() + 30]):
            continue    # "highs in the 70s", "men aged in the 50s": a temperature or an age, not a decade
        if name == "season" and re.search(
                r"(?i)(?<![\w-])(?!(?:mid|early|late|spring|summer|autumn|fall|winter)-)[a-z]+-$",
                text[max(0, m.start("season") - 12):m.start("season")]):
            continue    # "the well-spring of goodness", "a hot-spring resort": a word of its own, not a season
        if name == "season" and re.search(r"\bto\s+$", text[max(0, m.start("season") - 4):m.start("season")]) and \
                re.match(r"\s+(?:along|in|on|at|here|there|near|off|around|over|among)\b", text[m.end():]):
            continue    # "birds that will come to winter along the coast": the verb, to spend the winter
        if name == "deictic" and re.match(r"To(?:day|night|morrow)\b", text[s0:s0 + 8]) and \
                re.search(r"\b[A-Z]{2,5}\s+$", text[max(0, s0 - 7):s0]):
            continue    # a name: "an advertisement in USA Today" (a time word is capitalised mid-sentence in names)
        if name == "deictic" and re.match(r"Today\s+(?:program|programme|show)\b", text[s0:s0 + 20]):
            continue    # the radio programme ("told the BBC Radio 4 Today programme")
        if _in_title(text, s0, m.end()) and not re.fullmatch(r"(?:1[6-9]|20)\d\d", m.group(0)):
            continue    # (a year in a name still names its year: the "1965 Immigration Act")
        sa, sb = sentence_of(s0) if sentence_of else _sentence_span(text, s0)
        fut = future_of(s0) if future_of is not None else clause_future(text, s0, m.end(), sa, sb)
        if fut == NAME:
            continue
        if rule.tensed and _COME.search(text, max(0, s0 - 6), s0):
            fut = True      # "Come Saturday, we are going out there": the coming one
        if rule.tensed and re.match(r"\s*:", text[m.end():]) and (
                _LABEL_DATE.search(text, max(0, s0 - 40), s0) or
                re.match(r"[ \t]*:[ \t]+[\"'`A-Z]", text[m.end():]) and _ENTRY_BEFORE.search(text, max(0, s0 - 250), s0)):
            fut = None      # a caption's or a chronology's label, "Aug. 3: ... the new cap sits atop the well":
            #                 the present of what follows is the picture's, no tense of the date's
        # Narrative anchors count from a date given earlier in the same paragraph only.
        lv = last[0] if last and "\n\n" not in text[last[1]:s0] else None
        at = next((day for start, day in reversed(posts) if start <= s0), anchor)
        label_day = next((day for start, end, day in captions if start <= s0 < end), None) \
            if name in _COUNTED_FROM_LABEL else None
        at = label_day or at
        if name in ("deictic", "part_of_day") and re.match(r"(?i)yesterday|last\s+night", m.group(0)):
            at = print_day or at
        res = _choose(rule, m, at, fut, lv) if rule.tensed else \
            normalise(rule, m, at, None if fut == LATER else fut, lv)
        if res is None:
            continue
        typ, value, how = res
        end = m.end()
        if name == "weekday" and value and anchor and not m.group("mod"):
            value, how = _of_named_week(text, m, value, how, at)
            week = _DIRECT_WEEK.match(text, end)
            if week:
                end = week.end()    # "on Wednesday next week" is one expression, a day, as a reader takes it
        if name in ("md", "dm", "holiday") and value and anchor:
            kind_of = re.match(r"-(?:style|like|type)\b", text[m.end():m.end() + 6]) is not None
            if kind_of or re.search(r"(?i)(?:\bthe|'s)\s+$", text[max(0, s0 - 5):s0]):
                value, how = _named_by_date(m, value, how, anchor, kind_of=kind_of)
        if name == "ago" and value and last and re.fullmatch(r"\s*,\s*", text[last[1]:s0]) and \
                re.match(r"\d{4}", last[0]) and abs(int(last[0][:4]) - int(value[:4])) <= 1:
            value, how = last[0], f"the date written just before it ({last[0]}), which it restates"
        elif name in ("ago", "later") and value and last and last[1] >= sa:
            value, how = _year_on_year(text, m, value, how, last)
        elif name == "later" and value and at and last:
            value, how = _year_before_now(text, m, value, how, at, last)
        if name == "later" and value and "publication" in last[2] and not how.startswith("the time of writing"):
            how += f" (that date: {last[2]})"
        if anchor is None and lv and name in ("mon", "md", "dm") and value and value.startswith("XXXX"):
            value, how = _year_from_text(value, lv, how)
        elif anchor and last and name in ("mon", "md", "dm", "season") and value and how.startswith(AN) and fut is not True:
            value, how = _narrative_year(text, value, how, last, s0, anchor)
        if anchor and last and value and how.startswith(AN) and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
            value, how = _beside_full_date(text, value, how, last, s0, anchor)
        if name in ("mon", "md", "dm") and value and written_year and _THAT_YEAR.match(text, m.end()):
            value, how = written_year + value[4:], f"'that year': {written_year}, the year written before it"
        if at is not anchor and at != print_day and how.startswith(AN):
            how += " (the day of its line's label)" if label_day else " (the day of its post's stamp)"
        out.append(Timex(s0, end, text[s0:end], typ, value, how))
        names.append(name)
        if how.startswith("explicit") and value and re.match(r"\d{4}", value):
            written_year = value[:4]
        taken_end = end
        if typ == "DATE" and value and value[0].isdigit() and "X" not in value:
            last = (value, end, how)
        elif typ == "TIME" and value and re.fullmatch(r"\d{4}-\d\d-\d\dT[A-Z]{2}", value):
            last = (value[:10], end, how)   # "on Thursday morning and, almost a day later": counted from its day
    _ranges(text, out, names, anchor)
    _range_ends(text, out, names)
    _range_starts(text, out, names)
    _weekday_dates(text, out, names)
    _clock_dates(text, out, sentence_of, anchor)
    _counted_from_next(text, out)
    _round_counts_to_named_years(out)
    return out


_ROUND_COUNT = re.compile(r"(?i)^(?:(?:over|nearly|almost|about|some|roughly)\s+)?(?:two|three|four|five|2|3|4|5)\s+"
                          r"decades\s+ago$")


def _round_counts_to_named_years(out: list[Timex]) -> None:
    """A count of decades back is rounded: where the text writes one year within three of it ("the 1989 Exxon
    Valdez disaster" beside "over two decades ago", in 2010), the count means that year. Only one such year: with
    two ("1979" and "1989") the count stays as counted."""
    written = {int(t.value) for t in out if t.how == "explicit" and t.value and re.fullmatch(r"\d{4}", t.value)}
    for t in out:
        if not (t.value and re.fullmatch(r"\d{4}", t.value) and _ROUND_COUNT.match(t.text.strip())):
            continue
        near = [y for y in written if 0 < abs(y - int(t.value)) <= 3]
        if len(near) == 1:
            t.value, t.how = str(near[0]), f"a round count back to {near[0]}, the year the text names ({t.how})"


# "April and May", "March to May": the month May in a list or a range of months, not the verb.
_MONTH_LIST = re.compile(rf"\b{_MONTH_FULL}\.?\s*(?:,|and|or|to|through|till|until|-|–)\s*$")
# "to spring a leak", "could spring a surprise": the verb before its object.
_SPRING_VERB = re.compile(r"\b(?:to|will|would|could|can|may|might|did|does|do)\s+$", re.I)
# "Come Saturday, ...", "come May": the one to come.
_COME = re.compile(r"(?:^|[\s\"“‘'(,])[Cc]ome\s+$")
# "on Wednesday next week", "Monday of this week": the weekday and its week, one expression.
_DIRECT_WEEK = re.compile(r"\s*,?\s+(?:of\s+)?(?:last|next|this)\s+week\b")
# "on Wednesday to Friday last week", "Monday of next week": weekdays of the week named after them.
_NAMED_WEEK = re.compile(rf"(?:\s*(?:,|to|and|or|through|-|–)\s*{_WD})*\s*,?\s+(?:of\s+)?"
                         r"(?P<wk>last|next|this)\s+week\b")


def _of_named_week(text: str, m: re.Match, value: str, how: str, anchor: date) -> tuple[str, str]:
    """A weekday followed by the week it falls in ("on Wednesday last week"): that week's day, not the nearest."""
    w = _NAMED_WEEK.match(text, m.end())
    if not w:
        return value, how
    shift = {"last": -7, "next": 7, "this": 0}[w["wk"].lower()]
    monday = anchor - timedelta(days=anchor.weekday()) + timedelta(days=shift)
    day = monday + timedelta(days=WEEKDAYS.index(m["wd"].lower()))
    return day.isoformat(), f"{AN} {anchor.isoformat()}: the {m['wd']} of {w['wk'].lower()} week"


# Words a title leaves in lower case.
_SMALL = {"of", "the", "a", "an", "and", "on", "in", "at", "to", "for", "with"}


def _in_title(text: str, start: int, end: int) -> bool:
    """A time word inside a name of a programme or paper: "appeared on `` Fox News Sunday ''", ABC's "This Week",
    NBC's "Today" show, "told ABC's This Week program". The words are capitalised as a title is, which a time
    expression in running text never is mid-sentence ("this week", "on Sunday" are lower case but for the weekday)."""
    word = text[start:end]
    # A relative expression in title case right after a possessive: "ABC's This Week", "NBC's Today".
    if re.fullmatch(r"(?:This|Next|Last)\s+[A-Z][a-z]+|Today|Tonight", word) and \
            re.search(r"(?:'s|s')\s+$", text[max(0, start - 4):start]):
        return True
    # Inside a quotation of at most six words, all capitalised as a title is but for short function words.
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - 40):start]
    opens = list(re.finditer(r"``|\u201c|\"", before))
    if not opens:
        return False
    q0 = max(line_start, start - 40) + opens[-1].end()
    if re.search(r"''|\u201d", text[q0:start]):
        return False
    at = q0 - 1
    if opens[-1].group() == '"' and not (at == line_start or text[at - 1].isspace() or text[at - 1] in "(["):
        # A straight mark with a space before it opens a quotation ('said on "Fox News Sunday"', even where a
        # quotation began on the line before and the marks of the line are even); any other is judged by the count
        # of the line's marks: one that closes a quotation ('"no" on Monday') leaves the day outside it.
        if text.count('"', line_start, start) % 2 == 0:
            return False
    close = re.search(r"''|\u201d|\"", text[end:end + 40])
    if not close or "\n" in text[end:end + close.start()]:
        return False
    inside = re.findall(r"[A-Za-z][\w'-]*", text[q0:end + close.start()])
    if not 1 <= len(inside) <= 6 or inside[0][0].islower() or any(w[0].islower() and w not in _SMALL for w in inside):
        return False
    # One word alone is a title only when the words after the quote say what kind ("`` Today '' show").
    return len(inside) >= 2 or bool(re.match(r"[\s.,]*(?:''|\u201d|\")\s*(?:show|program|programme|broadcast)\b",
                                               text[end:end + 40]))


# "on 15 October and 9 November that year": the dates (and a date listed with them) take a year written earlier.
_THAT_YEAR = re.compile(r"(?:\s*(?:,|and|or)\s*[^.;!?]{0,25}?)?\s+(?:of\s+)?that\s+year\b", re.I)
_COUNT_UNIT = {"D": "day", "W": "week", "M": "month", "Y": "year"}
_PERIOD_BEFORE = re.compile(r"(?i)\b(?:for|within|in|over|during|the|first|last|next|some)\s+"
                            r"(?:(?:nearly|almost|about|around|roughly|some|just|more\s+than|over)\s+)?$")


def _counted_from_next(text: str, out: list[Timex]) -> None:
    """ "sank two days after the initial explosion on 20 April": the duration and its "after" are a date, counted
    from the date the text gives the event named after it (2010-04-22), while "on 20 April" stays that event's.
    Without this the sinking took the explosion's day. Only within the clause (no full stop, no other date or
    duration between) and from a date precise enough for the unit."""
    for i, t in enumerate(out):
        m = re.fullmatch(r"P(\d+)([DWMY])", t.value or "")
        if t.type != "DURATION" or not m or i + 1 >= len(out):
            continue
        after = re.match(r"\s+(after|before)\b(?!\s+all\b)", text[t.end:])
        # "for two days after", "in the two days before": a period, not a point counted from the date.
        if _PERIOD_BEFORE.search(text[max(0, t.start - 25):t.start]):
            continue
        nxt = out[i + 1]
        if not after or nxt.type != "DATE" or not nxt.value or not nxt.value[:1].isdigit():
            continue
        gap = text[t.end + after.end():nxt.start]
        if len(gap) > 60 or re.search(r"[.;:!?]", gap):
            continue
        n, unit = int(m.group(1)), _COUNT_UNIT[m.group(2)]
        sign = 1 if after.group(1) == "after" else -1
        value = _add(nxt.value, sign * n, unit)
        if value is None:
            continue
        if unit == "week" and re.fullmatch(r"\d{4}-\d\d-\d\d", value) and \
                re.search(r"(?i)\b(?:about|around|roughly|some|nearly|almost|approximately)\s+$",
                          text[max(0, t.start - 15):t.start]):
            # "about a week after the explosion on 20 April": the week it reaches, not a day the count would invent
            value = _iso_week(date.fromisoformat(value))
        end = t.end + after.end()
        out[i] = Timex(t.start, end, text[t.start:end], "DATE", value,
                       f"counted: {n} {unit}(s) {after.group(1)} {nxt.value}, the date given to the event named "
                       f"after it")


def _matches(text: str) -> list[tuple[int, re.Match, Rule]]:
    """Every match of every rule with its start, in the order find() takes them: by start, longest first, and
    the table's order between equals."""
    cands = []
    for rule in RULES:
        for m in rule.rx.finditer(text):
            if m.end() > m.start():
                s0 = _span_start(m)
                cands.append((s0, -(m.end() - s0), m, rule))
    # Sort on the start without a leading preposition, so "from [December 14, 2019]" beats "from [December]".
    cands.sort(key=lambda c: (c[0], c[1]))
    return [(s0, m, rule) for s0, _neg, m, rule in cands]


def normalise(rule: Rule, m: re.Match, anchor: date | None, future: bool, last_value: str | None = None):
    """(type, value, how) of one match under one reading of its tense, or None when it is no time expression."""
    return rule.handle(m, _At(anchor, future, last_value))


def _start_of(value: str | None) -> date | None:
    """The first day a value names, for comparing distances (a month from its 15th, a week from its Monday)."""
    m = re.match(r"(\d{4})-(\d\d)(?:-(\d\d))?", value or "")
    if m:
        return _d(int(m.group(1)), int(m.group(2)), int(m.group(3) or 15))
    m = re.match(r"(\d{4})-W(\d\d)(-WE)?", value or "")
    if m:       # a weekend from its Saturday, a week from its Monday
        return date.fromisocalendar(int(m.group(1)), int(m.group(2)), 6 if m.group(3) else 1)
    m = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value or "")
    if m:
        return _d(int(m.group(1)), _SEASON_START[m.group(2)], 15)
    return None


def _choose(rule: Rule, m: re.Match, anchor: date | None, fut: bool | None, lv: str | None):
    """The past or future reading of an expression without its year. The clause's tense decides; when the tense
    evidence is split (``fut`` is None) the nearer reading to the publication date wins. A day-precise reading
    that the tense puts most of a year away when the other lies within two weeks of publication is taken as a
    misread tense or a misdated report (news rarely dates a day a year off without saying the year): nearer one."""
    if anchor is None:
        return normalise(rule, m, anchor, bool(fut), lv)
    if rule.kind in ("md", "dm") and _chronology_entry(m):
        fut = None      # "May 2 - Obama visits the coast": a chronology's historic present says nothing of the future
    rf, rp = normalise(rule, m, anchor, True, lv), normalise(rule, m, anchor, False, lv)
    if rf is None or rp is None or rf[1] == rp[1]:
        return rf if fut else rp
    df, dp = (_start_of(r[1].split("T")[0]) for r in (rf, rp))
    if df is None or dp is None:
        return rf if fut else rp
    dist_f, dist_p = abs((df - anchor).days), abs((dp - anchor).days)
    near = rf if dist_f < dist_p else rp
    base = re.sub(r" \((?:future|past) tense\)$", "", near[2])
    if fut == LATER and dist_f + dist_p > 7:
        fut = None      # a date a year off either way ("by 19 May"): the saying may be months old; the nearer reading
    if fut == LATER:
        later = dist_p > LATER_PAST_DAYS
        pick = rf if later else rp
        return pick[0], pick[1], re.sub(r" \((?:future|past) tense\)$", "", pick[2]) + (
            " (future under a past verb: ahead of the saying" +
            (")" if later else f", and the day {dist_p} day(s) back is nearer than the report's delay)"))
    if fut is None:
        return near[0], near[1], base + " (nearest reading: the tense evidence is split)"
    pick, other, d_pick, d_other = (rf, rp, dist_f, dist_p) if fut else (rp, rf, dist_p, dist_f)
    if rule.kind in ("md", "dm") and d_pick >= 300 and d_other <= 14:
        return other[0], other[1], (base + f" (nearest reading: the {'future' if fut else 'past'} tense would put "
                                           f"it {d_pick} days away)")
    return pick


def _chronology_entry(m: re.Match) -> bool:
    """The date opens its line and a dash or colon follows it: an entry of a list of key dates ("May 2 - Obama
    visits the coast", "June 15: hearing"), told in the historic present whatever its time."""
    text = m.string
    line_start = text.rfind("\n", 0, m.start()) + 1
    return not text[line_start:m.start()].strip() and re.match(r"\s*[-–—:]\s", text[m.end():m.end() + 4]) is not None


def _span_start(m: re.Match) -> int:
    """TIMEX3 spans leave out a leading preposition ("in [March 2022]", "on [Friday]", "lasted [an hour]")."""
    if "pre" in m.groupdict() and m.group("pre"):
        return m.end("pre")
    lead = _PREP.match(m.group(0))
    return m.start() + (lead.end() if lead and lead.end() < len(m.group(0)) else 0)


def _beside_full_date(text: str, value: str, how: str, last: tuple, s0: int, anchor: date) -> tuple[str, str]:
    """A day written right after a full date of another year, in the same or the next sentence, and at most a month
    after it, is in that year: a 2002 caption's "Friday Nov. 1, 2002. ... fans have gathered through Sunday, Nov. 3"
    is 2002-11-03, whatever the tense says about the page's own year."""
    lv, end, lhow = last
    if lhow != "explicit" or not re.fullmatch(r"\d{4}-\d\d-\d\d", lv) or int(lv[:4]) >= anchor.year:
        return value, how
    between = text[end:s0]
    if len(between) > 250 or len(re.findall(r"[.!?]\s+|\n", between)) > 1:
        return value, how
    first = date.fromisoformat(lv)
    day = _d(first.year, int(value[5:7]), int(value[8:10]))
    if day is None or not 0 < (day - first).days <= 31:
        return value, how
    return day.isoformat(), f"beside the full date {lv} written just before it: its year"


# A blog page's post stamp at the head of a line, after the page's opening: "May 24, 2010 21:58 UTC The message from".
_POST_STAMP = re.compile(rf"(?m)^[ \t]*(?P<mon>{_MONTH_FULL}|May|{_MON_ABBR})\.? (?P<day>\d{{1,2}}) ?, ?(?P<year>{_Y}),? "
                         r"[0-2]?\d:[0-5]\d(?: ?[AaPp]\.?[Mm]\.?)? (?:UTC|GMT|EDT|EST|BST|CET|ET)\b")


def post_stamps(text: str, anchor: date | None) -> list[tuple[int, date]]:
    """Where each post of a blog page begins and its day. A page of posts is filed on the day of its latest one;
    an earlier post's "today", "this week" and "Last Friday" count from its own stamp, not from the page's day.
    Only stamps after the page's opening (its own stamp is the page's day) and at most two months before it."""
    if anchor is None:
        return []
    out = []
    for m in _POST_STAMP.finditer(text):
        day = _d(int(m["year"]), month_num(m["mon"]), int(m["day"]))
        if m.start() > 200 and day is not None and 0 <= (anchor - day).days <= 62:
            out.append((m.end(), day))
    return out


# What a line's label day anchors: "last week", "this weekend", "yesterday", "this morning" (a weekday or a month keeps
# the page's day and its tense).
_COUNTED_FROM_LABEL = frozenset({"rel_unit", "weekend", "deictic", "part_of_day"})
_CAPTION_LABEL = re.compile(rf"^[ \t]*(?:(?P<mon>{_MON})\.?[ \t]+(?P<day>\d{{1,2}})|"
                            rf"(?P<day2>\d{{1,2}})[ \t]+(?P<mon2>{_MON}))[ \t]*:[ \t]+(?=[\"'`A-Z])", re.M)


def caption_days(text: str, anchor: date | None) -> list[tuple[int, int, date]]:
    """Lines that open with their own day as a label ("May 1 : Birds fly past booms placed ahead of last week 's
    collapse", a photo caption or a chronology's entry): (where the words after the label begin, where the line
    ends, that day). The line's "last week" or "yesterday" counts from that day, not from the page's. Only a day at
    most two months before the page's, in its year or the one before."""
    if anchor is None:
        return []
    out = []
    for m in _CAPTION_LABEL.finditer(text):
        mon, day = month_num(m["mon"] or m["mon2"]), int(m["day"] or m["day2"])
        d = _d(anchor.year, mon, day)
        if d is not None and d > anchor:
            d = _d(anchor.year - 1, mon, day)
        if d is not None and 0 <= (anchor - d).days <= 62:
            end = text.find("\n", m.end())
            out.append((m.end(), len(text) if end < 0 else end, d))
    return out


def _same_month_again(text: str, value: str, lv: str, lhow: str, end: int, s0: int, anchor: date) -> bool:
    """ "fell between January and March 2003. From the end of March it rallied": a month named again at most a
    sentence after it was written with a past year is that month, whatever the tense."""
    if lhow != "explicit" or not re.fullmatch(r"\d{4}-\d\d", lv) or value[4:7] != lv[4:7] or \
            int(lv[:4]) >= anchor.year or int(value[:4]) == int(lv[:4]):
        return False
    between = text[end:s0]
    return len(between) <= 300 and len(re.findall(r"[.!?]\s+|\n+", between)) <= 1 and \
        not re.search(r"(?i)\b(?:since|this|next|last)\s+$", text[max(0, s0 - 7):s0])


# A happening named by its year ("the 1918 pandemic", "the 1929 crash"), whose story the months after it tell.
_SUBJECT_THE = re.compile(r"(?:^|[.!?]\s+|\n|\b(?:[Tt]hat|[Ww]hen|[Ww]hile|and|but|[Tt]hen|says?|said)\s+)[Tt]he\s+$")
_HAPPENING_AFTER_YEAR = re.compile(r"\s+(?:\w+\s+)?(?:pandemic|epidemic|outbreak|flu|war|crisis|crash|recession|"
                                   r"depression|earthquake|quake|tsunami|hurricane|spill|revolution|uprising|"
                                   r"strike|famine|riots?)\b", re.I)


def _narrative_year(text: str, value: str, how: str, last: tuple, s0: int, anchor: date) -> tuple[str, str]:
    """A past narrative set in a written year keeps it: "In 1918, there was a first wave of mild flu in April. It
    then seemed to disappear during the summer but came back in August" -> 1918-04, 1918-SU, 1918-08. Only when that
    year is at least two years before publication (a nearer one is as likely to be left behind by a month that
    follows) and was written in the same sentence (or taken by a month at most two sentences back)."""
    lv, end, lhow = last
    if not (lhow == "explicit" or lhow.startswith("narrative year")) or not re.match(r"\d{4}", lv):
        return value, how
    if _same_month_again(text, value, lv, lhow, end, s0, anchor):
        return lv[:7] + value[7:], f"the month written with its year {lv[:4]} just before it, named again"
    # The year must set the scene ("In 1918, ...", "during 1957"), not qualify a thing ("below 2004 levels"), and
    # the month must not count from it ("since September").
    before_year = text[max(0, end - len(lv) - 12):end - len(lv)]
    if lhow == "explicit" and not re.search(r"(?i)\b(?:in|during)\s+(?:\w+\s+)?$", before_year) and \
            not (_SUBJECT_THE.search(before_year) and _HAPPENING_AFTER_YEAR.match(text, end)):
        return value, how       # (but "that the 1918 pandemic ... started in the spring": a happening's own year
        #                         as the subject, not as a thing set beside another: "Unlike the 2004 tsunami")
    if re.search(r"(?i)\bsince\s+$", text[max(0, s0 - 7):s0]):
        return value, how
    y = int(lv[:4])
    between = text[end:s0]
    # The written year sets the scene of its own sentence; the following sentences keep it only through a month
    # that took it ("... in April. It then ... came back in August").
    breaks = len(re.findall(r"[.!?]\s|\n", between))
    if y > anchor.year - 2 or len(between) > 300 or breaks > (0 if lhow == "explicit" else 2):
        return value, how
    # A list of happenings each with its own year ("the tsunami of 2004, Hurricane Katrina in 2005, the crisis
    # that began in 2008 and the earthquake in Haiti in January") sets no scene: the bare month is read alone.
    if len(set(re.findall(r"\b(?:1[89]|20)\d\d\b", text[_sentence_span(text, s0)[0]:s0]))) >= 3:
        return value, how
    v = f"{y}{value[4:]}"
    if re.fullmatch(r"\d{4}-\d\d-\d\d", v) and _d(y, int(v[5:7]), int(v[8:10])) is None:
        return value, how
    return v, f"narrative year {y}: the past narrative is set in the year written just before it"


def _named_by_date(m: re.Match, value: str, how: str, anchor: date, kind_of: bool = False) -> tuple[str, str]:
    """A day and month used as a name ("the Sept. 11 attacks", "the government's Sept. 11 fund") leave the year out
    because the reader knows it. Within eight months of publication that is this story's year ("the April 20
    blast" in November); further away it is a famous past event whose year the text does not give, and the nearest
    reading would invent one (2009-09-11 for the 2001 attacks): the year stays open. A date made a kind of thing
    ("another Sept. 11-style attack") names an archetype the reader knows, whatever the distance."""
    at = _start_of(value)
    if at is None or abs((at - anchor).days) <= 240 and not kind_of:
        return value, how
    why = "made a kind of thing" if kind_of else "over eight months from publication"
    return "XXXX" + value[4:], f"a date naming a thing ('{m.group(0).strip()}'), {why}: the text does not give its year"


# "a year ago", "a year earlier", "the previous year": what a comparison with the year before is written as.
_A_YEAR_BEFORE = re.compile(r"(?i)(?:a|one)\s+year\s+(?:ago|earlier|before)|the\s+(?:previous|prior)\s+year|"
                            r"the\s+year\s+before")


def _year_on_year(text: str, m: re.Match, value: str, how: str, last: tuple) -> tuple[str, str]:
    """A comparison with "a year ago" in a sentence about a month counts from that month, the way economic news
    compares like with like: "motorists in December drove less than a year ago" is December of the year before,
    not a year before publication; so is a quarter's ("profits for the third quarter of 2010 ... compared with $4.98bn
    a year ago", "net income for the second quarter ... up by 68% compared with the previous year")."""
    lv = last[0]
    if not (re.fullmatch(r"\d{4}-(?:\d\d|Q[1-4])", lv) and _A_YEAR_BEFORE.fullmatch(m.group(0))):
        return value, how
    if not re.search(r"(?i)\b(?:than|from|compared\s+(?:with|to)|versus|vs\.?|over)\b(?:[^.;]|(?<=\d)\.(?=\d)){0,30}$",
                     text[last[1]:m.start()]):
        return value, how     # (a decimal point is no sentence end: "compared with $4.98bn a year ago")
    return f"{int(lv[:4]) - 1}{lv[4:]}", f"a year before {lv}, the period the sentence compares"


def _year_before_now(text: str, m: re.Match, value: str, how: str, anchor: date,
                     last: tuple) -> tuple[str, str]:
    """A comparison with "a year earlier" or "the previous year" where neither its sentence nor the one before
    names a period compares with now: "demand has halved from a year earlier", "the price has been higher than in
    the previous year" is the year before publication, not the year before a date some sentences back (a date in
    the sentence before sets a narrative: "In 2005 the plant opened. Sales rose from a year earlier")."""
    if len(re.findall(r"[.!?]['\"”’]?\s+(?=[A-Z\"“‘`])|\n", text[last[1]:m.start()])) < 2:
        return value, how
    if not _A_YEAR_BEFORE.fullmatch(m.group(0)):
        return value, how
    if not re.search(r"(?i)\b(?:than(?:\s+in)?|from|compared\s+(?:with|to)|versus|vs\.?|over)\s+$",
                     text[max(0, m.start() - 20):m.start()]):
        return value, how
    return str(anchor.year - 1), f"a year before publication ({anchor.isoformat()}), what the sentence compares with"


def _year_from_text(value: str, lv: str, how: str) -> tuple[str, str]:
    """Without a publication date a bare month after a dated event in the same paragraph takes that event's year
    when it does not come before it ("published on 17 March 2023; a revised edition followed in June")."""
    if not re.match(r"\d{4}-\d\d", lv):
        return value, how
    y, mo = lv[:4], int(lv[5:7])
    if int(value[5:7]) < mo:
        return value, how
    return y + value[4:], f"year of {lv}, the date given before it in the text"


def _ranges(text: str, out: list[Timex], names: list[str], anchor: date | None = None) -> None:
    """ "from March to May 2022", "between 12 April and 9 May 1865": the first end takes the second's year.
    With no year on either end ("22 April - 15 May", "from 20 December to 3 January"), a range runs forward: an
    end that the tense guess put before the start takes the start's year (or the next one). Not after "and": "in
    April and March" lists two months, it is no range. A yearless range the future tense put in the next year
    while this year's holds the publication day is this year's ("The hurricane season runs from 1 June to 30
    November", on 30 June): a span under way is told in the present."""
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if anchor and names[i] in ("md", "dm") and names[i + 1] in ("md", "dm") and \
                _SPAN_SEP.match(text[a.end:b.start]) and "(future tense)" in (a.how or "") and \
                a.value and b.value and re.fullmatch(r"\d{4}-\d\d-\d\d", a.value) and \
                re.fullmatch(r"\d{4}-\d\d-\d\d", b.value) and int(a.value[:4]) == anchor.year + 1 and \
                a.value[4:] <= b.value[4:] and f"{anchor.year}{a.value[4:]}" <= anchor.isoformat() <= \
                f"{anchor.year}{b.value[4:]}":
            a.value, a.how = f"{anchor.year}{a.value[4:]}", \
                f"this year's: the range it starts holds the publication date {anchor.isoformat()}"
            b.value, b.how = f"{anchor.year}{b.value[4:]}", f"the end of the range that starts '{a.text}' ({a.value})"
            continue
        if names[i] in ("mon", "md", "dm") and names[i + 1] in ("mon", "md", "dm") and \
                (_SPAN_SEP.match(text[a.end:b.start]) or _between(text, a, b)) and \
                a.value and b.value and \
                re.fullmatch(r"\d{4}-\d\d(-\d\d)?", a.value) and re.fullmatch(r"\d{4}-\d\d(-\d\d)?", b.value) and \
                b.value < a.value[:len(b.value)]:
            y = int(a.value[:4]) + (b.value[4:] < a.value[4:len(b.value)])
            b.value, b.how = f"{y}{b.value[4:]}", f"the end of the range that starts '{a.text}' ({a.value})"
            continue
        # and a list whose last month carries the year: "in July and August of last year", "in May and June 2009"
        if names[i] not in ("mon", "md", "dm") or names[i + 1] not in ("my", "mdy", "dmy", "mon_rel_year"):
            continue
        if not _RANGE_SEP.match(text[a.end:b.start]) or not b.value:
            continue
        y = int(b.value[:4])
        if int(a.value[5:7] if a.value and len(a.value) >= 7 else 0) > int(b.value[5:7]):
            y -= 1
        mmdd = a.value[4:] if a.value else None
        if mmdd and re.match(r"-\d\d", mmdd):
            a.value, a.how = f"{y}{mmdd}", f"year from the end of the range '{b.text}'"


def _between(text: str, a: Timex, b: Timex) -> bool:
    """ "between July 20 and July 27": two ends of one span, though joined by "and"."""
    return bool(re.search(r"\bbetween\s+$", text[max(0, a.start - 12):a.start], re.I)) and \
        re.fullmatch(r"\s*and\s*", text[a.end:b.start]) is not None


_DAY_AFTER_DASH = re.compile(r"[-–]\s*(\d{1,2})\b(?![-–.,/:]?\d|\s*(?:%|percent|per\s+cent))")
# Tokenised text spaces the dash ("April 21 - 22 - The valve failed"), as it does a dash between clauses ("on May 10 -
# 12 people were hurt"): spaced, the day must end its phrase.
_DAY_AFTER_SPACED_DASH = re.compile(r"\s+[-–]\s+(\d{1,2})(?=\s*(?:[-–,;.:)]|$)|\s+[A-Z])")
# "gripped Cairo on February 2 and 3.": a second day of the same month, which must end its phrase as after a spaced
# dash ("on May 10 and 12 people were hurt" is a count).
_DAY_AFTER_AND = re.compile(r"\s+(?:and|or)\s+(\d{1,2})(?=\s*(?:[-–,;.:)]|$)|\s+[A-Z])")


# "between 11 and 15 August", "from 11 to 15 August", "11-15 August": a bare day before a day-month date
_DAY_BEFORE_RANGE = re.compile(r"(?:\b(?:between|from)\s+(\d{1,2})\s+(?:and|to|until|till)|(?<![\d.,:])\b(\d{1,2})\s*[-–])"
                               r"\s*$")


def _range_starts(text: str, out: list[Timex], names: list[str]) -> None:
    """ "between 11 and 15 August": the first day is a date of the same month as the second. No rule matches a bare
    number, so without this the start of the range was lost."""
    for i in range(len(out) - 1, -1, -1):
        t = out[i]
        m = _DAY_BEFORE_RANGE.search(text, max(0, t.start - 20), t.start)
        if names[i] != "dm" or not m or not re.fullmatch(r"\d{4}-\d\d-\d\d", t.value or ""):
            continue
        g = 1 if m.group(1) else 2
        day = int(m.group(g))
        if not 1 <= day < int(t.value[8:]) or _d(int(t.value[:4]), int(t.value[5:7]), day) is None:
            continue
        out.insert(i, Timex(m.start(g), m.end(g), m.group(g), "DATE", f"{t.value[:8]}{day:02d}",
                            f"the start of the range that ends '{t.text}' ({t.value})"))
        names.insert(i, "dm")


def _range_ends(text: str, out: list[Timex], names: list[str]) -> None:
    """ "from May 10-12", "a June 19-28 cruise": the day after the dash is a date of the same month. No rule
    matches a bare number, so without this the end of the range was lost."""
    for i in range(len(out) - 1, -1, -1):
        t = out[i]
        m = _DAY_AFTER_DASH.match(text, t.end) or _DAY_AFTER_SPACED_DASH.match(text, t.end) or \
            _DAY_AFTER_AND.match(text, t.end)
        if names[i] != "md" or not m or not re.fullmatch(r"\d{4}-\d\d-\d\d", t.value or ""):
            continue
        day = int(m.group(1))
        if not int(t.value[8:]) < day <= 31 or _d(int(t.value[:4]), int(t.value[5:7]), day) is None:
            continue
        out.insert(i + 1, Timex(m.start(1), m.end(1), m.group(1), "DATE", f"{t.value[:8]}{day:02d}",
                                f"the end of the range that starts '{t.text}' ({t.value})"))
        names.insert(i + 1, "md")


_OPEN, _CLOSE = r"\s*(?:\(|-LRB-)\s*", r"\s*(?:\)|-RRB-)"
# What may stand between a clock time and its day: a bracket closed after a converted time, "at about", a page
# stamp's "Last updated at", and an abbreviated weekday before the date ("4:30 PM Thu, 11 Jun 2009").
_DAY_SEP = (r"[\s,;:|–—-]*(?:(?:\)|-RRB-)[\s,;:|–—-]*)?(?:(?:last\s+)?updated\s+)?"
            r"(?:on|of|at|local time|local time on|,|(?:at\s+)?(?:about|around)|(?:starting|beginning)\s+at|from)?"
            r"[\s,;:|–—-]*(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?[\s,]+)?")


# The start of a line, with at most an agency's or a photographer's credit ("Reuters", "AP Photo") before the label
# date.
_LABEL_DATE = re.compile(r"(?:^|\n)[ \t]*(?:[A-Z][\w.&'’/-]*[ \t]+){0,2}$")
# An earlier entry of a chronology run into one paragraph ("20 April : Rig explodes 28 April : Coastguard fears ...
# 15 July : New cap brings ..."): a date with a colon after it, after another such entry, is a label too.
_ENTRY_BEFORE = re.compile(rf"(?:\b\d{{1,2}}\s+{_MON}|\b{_MON}\.?\s+\d{{1,2}})\s*:[ \t]+[\"'`A-Z]")


def _weekday_dates(text: str, out: list[Timex], names: list[str]) -> None:
    """A weekday written before its day and month ("had been due to re-open on Sunday 31 May") is that day: the
    weekday's own reading (here the Sunday before) gives way to the date beside it, when the names agree."""
    for i in range(len(out) - 1):
        wd, d = out[i], out[i + 1]
        if names[i] == "weekday" and names[i + 1] in ("md", "dm") and d.value and \
                re.fullmatch(r"\d{4}-\d\d-\d\d", d.value) and \
                re.fullmatch(r",?\s+(?:the\s+)?|\s*(?:\(|-LRB-)\s*", text[wd.end:d.start]):   # "on Tuesday (March 10)"
            day = date.fromisoformat(d.value)
            if WEEKDAYS[day.weekday()] == wd.text.split()[-1].lower():
                wd.value, wd.how = d.value, f"the weekday of {d.text}: {d.how}"


# A live page's update stamp, opening its line: "(Update 8:53 p.m. Cairo, 1:53 p.m. ET)", "9:00 am ET - Remembering
# ...". Its clock times are of the page's own day, which the stamp does not repeat.
_UPDATE_STAMP = re.compile(r"(?im)^[ \t]*(?:(?:\(|-LRB-)[ \t]*Update[ \t]*:?[ \t]*[^()\n]{0,60}?(?:\)|-RRB-)|"
                           r"\d{1,2}[:.]\d\d[ \t]*(?:[ap]\.?m\.?)?[ \t]*(?:ET|EST|EDT|GMT|BST)?[ \t]+-[ \t])")


def _minutes(hm: str) -> int:
    return int(hm[1:3]) * 60 + int(hm[4:6])


def _update_stamp_days(text: str, out: list[Timex], clock: dict[int, str], anchor: date | None) -> dict[int, date]:
    """The day of each clock time in a live page's update stamps. The page lists its updates newest first, from the
    page's day back: where a stamp's time is later than the one above it, the page has gone back over a midnight
    (a Monday page's "(Update 12:14 a.m. Cairo ...)" then "(Update 8 p.m. Cairo ...)" is Sunday evening). A time
    converted beside it that is later than the local one is in a zone behind, on the day before ("12:14 a.m.
    Cairo, 5:14 p.m. ET")."""
    if anchor is None:
        return {}
    stamps = [inside for m in _UPDATE_STAMP.finditer(text)
              if (inside := [i for i in clock if m.start() <= out[i].start < m.end()])]
    firsts = [clock[inside[0]] for inside in stamps]
    # A page whose stamps mostly rise is a schedule or a log told in order ("9:00 am ET - ...", "10:20 am ET - ..."),
    # not an update page: its times are all of the page's day.
    newest_first = sum(a > b for a, b in zip(firsts, firsts[1:])) > sum(a < b for a, b in zip(firsts, firsts[1:]))
    days: dict[int, date] = {}
    back = 0
    for k, inside in enumerate(stamps):
        local = firsts[k]
        overnight = _minutes(firsts[k - 1]) + 24 * 60 - _minutes(local) if k else 0
        if newest_first and k and local > firsts[k - 1] and overnight <= 12 * 60:
            back += 1   # (a small rise, "4:30 a.m." below "3:55 a.m.", is an update out of order, not a day's silence)
        day = anchor - timedelta(days=back)
        for i in inside:
            days[i] = day - timedelta(days=1) if clock[i] > local else day
    return days


def _clock_dates(text: str, out: list[Timex], sentence_of, anchor: date | None = None) -> None:
    """A clock time takes the day of the date expression beside it ("at [3am] on [13 February 2021]"); a time
    converted in brackets ("at 0900 local time (1400 GMT) on Sunday") is on the day of the time it converts, and
    the day after the bracket is the pair's."""
    clock = {i: t.value for i, t in enumerate(out) if t.type == "TIME" and t.value and t.value.startswith("T")}
    stamp_days = _update_stamp_days(text, out, clock, anchor)
    partner = {}
    for i in clock:
        if i + 1 in clock and re.fullmatch(_OPEN, text[out[i].end:out[i + 1].start]) and \
                re.match(_CLOSE, text[out[i + 1].end:]):
            partner[i], partner[i + 1] = i + 1, i

    def day_of(o: Timex, gap: str) -> bool:
        # and the page stamp's separators: "September 2, 2010; 7:16 PM", "July 29, 2010 - 8:50 AM"
        return o.type == "DATE" and bool(o.value) and bool(re.fullmatch(r"(\d{4}|XXXX)-\d\d-\d\d", o.value)) and \
            bool(re.fullmatch(_DAY_SEP, gap, re.I))

    joined = []
    for i, hm in clock.items():
        t = out[i]
        # a pair looks for its day past the closing bracket, and before the time it converts
        last = max(i, partner.get(i, i))
        first = min(i, partner.get(i, i))
        near = []
        if last + 1 < len(out):
            gap = text[out[last].end:out[last + 1].start]
            if i in partner:
                gap = re.sub(r"^" + _CLOSE, "", gap)
            if day_of(out[last + 1], gap):
                near.append(out[last + 1])
        if first > 0 and day_of(out[first - 1], text[out[first - 1].end:out[first].start]):
            near.append(out[first - 1])
        if len(near) == 2 and re.fullmatch(r"\s*[;|–—-]\s*", text[near[1].end:out[first].start]):
            near = near[1:]     # a page stamp's "Tuesday, November 9, 2010; 9:09 PM", then "Monday was a good day"
        if near:
            t.value, t.how = near[0].value + hm, f"clock time on {near[0].text}: {near[0].how}"
        elif i in stamp_days:
            t.value, t.how = stamp_days[i].isoformat() + hm, "clock time of a live page's update stamp, counted " \
                "back from the page's day"
        else:
            t.value, t.how = None, "clock time: the text gives no day for it"
        if not near and i - 1 in clock and out[i - 1].value and out[i - 1].value[:1] != "T" and \
                hm > clock[i - 1] and re.fullmatch(r"\s*(?:,|and|or|,\s*and)\s*", text[out[i - 1].end:t.start]):
            # "on Saturday, 29 January at 0330 GMT and 1830 GMT": a later time listed with a time of that day is on
            # it too (not an earlier one: "from 2300 and 0200 GMT" runs into the next day)
            t.value = out[i - 1].value.split("T")[0] + hm
            t.how = f"clock time listed with {out[i - 1].text}, on its day"
        if near and i not in partner and i + 1 < len(out) and near[0] is out[i + 1] and \
                re.fullmatch(r"[ \t]+", text[t.end:near[0].start]) and \
                (re.fullmatch(_WD, near[0].text) or
                 re.fullmatch(r"(?i)today|tonight|tomorrow|yesterday", near[0].text)):
            joined.append(i)
    # "at 9:45 a.m. Wednesday", "by noon Friday", "at 12 noon today": a clock time written straight before its day is
    # one expression, a time on that day, as a reader takes it (not two, one with the day's value only)
    for i in reversed(joined):
        t, d = out[i], out[i + 1]
        out[i] = Timex(t.start, d.end, text[t.start:d.end], t.type, t.value, t.how)
        del out[i + 1]


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
