"""Publication dates: from a path or URL component, or inferred from the text with its evidence.

Inference is deliberately conservative ("never invent a date"): the latest full date the text states is only a
lower bound, so it becomes the publication date only when a weekday word supports it.
"""
from __future__ import annotations

import re
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
    rf"{_M.replace('mon', 'mon2')}\s+(?P<y2>\d{{4}})|(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}}))\b")
_PATH_DATE = re.compile(r"(?<!\d)(\d{4})[-/_](\d{2})[-/_](\d{2})(?!\d)")
_WEEKDAY_CUE = re.compile(r"\b(?:on|said|last|this)\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_UNDATED_MD = re.compile(rf"\b{_M}\s+(?P<d>\d{{1,2}})\b(?!,?\s*\d{{4}})")


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


def infer_published(text: str, captions: list[str]) -> tuple[str | None, str | None]:
    """(date, evidence). Date is None when the text does not support one; evidence then says what is known."""
    found = full_dates(text) + [(d, -1, -1) for c in captions for d, _, _ in full_dates(c)]
    if not found:
        return None, None
    latest = max(d for d, _, _ in found)
    cues = set()
    for m in _WEEKDAY_CUE.finditer(text):
        # Skip a weekday that only introduces a full date, and weekdays in future clauses ("will ... on Saturday").
        if re.match(r",?\s+(\d{1,2}\s+)?" + _M, text[m.end():m.end() + 20]):
            continue
        s0 = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        prefix = text[s0:m.start()]
        fut = [x.end() for x in re.finditer(r"\b(will|would|'ll|is due to|next|coming)\b", prefix)]
        past = [x.end() for x in re.finditer(r"\b(said|told|announced|reported|confirmed|stated)\b", prefix)]
        # "an official said Saturday" reports the past even after a "will" in the same sentence.
        if fut and (not past or fut[-1] > past[-1]) and not m.group(0).lower().startswith("said"):
            continue
        cues.add(m.group(1).lower())
    if not cues and any(re.search(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+$",
                                  text[max(0, s - 12):s]) for d, s, _ in found if d == latest and s >= 0):
        return latest.isoformat(), f"latest date stated is {latest.isoformat()}, given with its weekday"
    # The latest weekday named is the report's own day ("a US official said on Wednesday").
    cands = [(latest + timedelta(days=(WEEKDAYS.index(c) - latest.weekday()) % 7), c) for c in cues]
    cands = [(d, c) for d, c in cands if _consistent(text, d)]
    if cands:
        cand, cue = max(cands)
        ev = (f"latest date stated is {latest.isoformat()} and the text says '{cue.title()}': "
              f"first {cue.title()} on or after it")
        return cand.isoformat(), ev
    return None, f"not before {latest.isoformat()} (latest date stated); no weekday word pins it"


def _consistent(text: str, cand: date) -> bool:
    """A month-day without a year said to be 'earlier this month' must not fall after the candidate."""
    if "this month" not in text:
        return True
    for m in _UNDATED_MD.finditer(text):
        mon = MONTHS.get(m.group("mon").lower()[:3])
        if mon == cand.month and int(m.group("d")) > cand.day:
            return False
        if mon is not None and mon != cand.month and "earlier this month" in text:
            return False
    return True
