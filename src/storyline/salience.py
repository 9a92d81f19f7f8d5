"""Which events a reader should see first: the key-event decision, as a news editor would make it.

A fixed, explainable score rather than a learned one: a reader (or fact-checker) must be able to tell why an event
is shown as key, and the inputs are few. Each term below is written into ``why`` so the reason travels with the
event. The weights were chosen on labeller A's half of the real labelled set (bench/data/real) and checked on
labeller B's half (docs/key-events.md).

- the day's news, not background: an event dated near its report's publication date counts for, one dated long
  before it (the "1918 pandemic", "the 1989 spill" of a fact box) counts against and is never key;
- the lead: an event told in an article's opening lines is what the article is about (there a verb outside the
  taxonomy, told by named actors, counts as a specific type would: the taxonomy cannot name every kind of news);
- several independent outlets report it; it has named actors; its type is specific;
- hedged, negated or planned events count less; a clause fragment tells the reader nothing;
- a timeline lists happenings: a clause told in the past counts for, a day counts more than a month, and a forecast,
  a state or habit in the present, a quotation's own words or a participle describing a noun is never key
  (round 3, docs/key-events.md);
- nor is what was only tried, asked or expected, what a source says without a date of its own (an accusation, a
  warning, an appeal), or a happening a noun names in passing without a date (round 4).
"""
from __future__ import annotations

import re
from datetime import date, timedelta

GENERIC = {"other"}    # too vague to put on a timeline by itself; a statement of substance ("announced") may be news
HEDGED = {"hypothetical": 1.5, "questioned": 1.5, "negated": 1.0, "denied": 1.0, "planned": 0.5, "alleged": 0.25}
MIN_WORDS = 3          # "contracted", "stepped", "led": a bare verb tells the reader nothing
KEY_SCORE = 2.5

LEAD_CHARS = 600       # about the first three sentences of a news story
LEAD = 1.0
CURRENT_DAYS = 7       # "on Tuesday", "last week": the report's own news
CURRENT = 1.0
BACKGROUND_DAYS = 60   # dated more than two months before the report: background, not the day's news
BACKGROUND = 2.0
HISTORY_DAYS = 365     # a day or month the story's own reports keep coming back to ("the April 20 explosion")
UNREAL_TENSES = {"future", "modal"}   # "will muck up for years", "could reach the coast": not a happening (yet)
# Who is to blame, what should be done, what may go wrong: words a source says, which the claims record with their
# speaker and stance; a timeline lists what happened (round 4). Read off the trigger's stem, as the event keeps the
# word and not its lemma.
SAID_TYPES = {"accusation"}                                          # "blamed the spill on", "accused the agency of"
EXHORTATION = re.compile(r"(?i)^(?:warn|urg|appeal|plead)")          # "warned that", "is urging motorists to"
DAY = 0.5              # on top of "dated": "on 20 April", not just "in April"
PAST = 0.5             # "were arrested", "erupted": a completed happening, what a timeline lists


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _day(d: str | None) -> date | None:
    """The first day of an ISO date of any precision (YYYY, YYYY-MM, YYYY-MM-DD)."""
    if not d:
        return None
    parts = (d.split("-") + ["01", "01"])[:3]
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return None


def age_days(ev: dict, published: dict[str, str | None] | None) -> int | None:
    """Days between the event's date and the earliest publication date of the articles reporting it (positive
    when the event is older); None when either is unknown. A date of year or month precision is read at its
    last day, so that "in May" in a report of May 20 is not taken for background."""
    # A reported date is the publication date itself ("on or before"): it says nothing of the event's age.
    if not published or not ev.get("date") or ev.get("date_basis", "stated") != "stated":
        return None
    pubs = [_day(published.get(s["article"])) for s in ev.get("sources", [])]
    pubs = [p for p in pubs if p]
    d = last_day(ev["date"])     # the end of a stated year or month: the least age the text allows
    if not pubs or not d:
        return None
    return (min(pubs) - d).days


def last_day(iso: str | None) -> date | None:
    """The last day of an ISO date of any precision: a year's 31 December, a month's last day, the day itself."""
    d = _day(iso)
    if d is None:
        return None
    n = iso.count("-")
    if n == 0:
        return date(d.year, 12, 31)
    if n == 1:
        return date(d.year + d.month // 12, d.month % 12 + 1, 1) - timedelta(1)
    return d


def least_age(ev: dict, bounds: dict[str, str | None] | None) -> int | None:
    """For reports with no publication date but a bound the text gives ("not before 2010-09-13"): the least age
    the event can have, the bound minus its date (age_days with the bound in place of the publication date).
    Enough to tell history ("the Exxon Valdez disaster" of 1989) from news; never a measure of how current it is."""
    return age_days(ev, {a: b.split()[-1] for a, b in (bounds or {}).items() if b})


def background(ev: dict, age: int | None) -> bool:
    """History told as context: a bare year ("the 1989 spill", "in 2004") more than two months back, or any date
    more than a year back. A day or month earlier in the same year ("the April 20 catastrophe" in a July report) is
    the story's own past, which belongs on its timeline: reports keep naming the happening that began it."""
    if age is None or age <= BACKGROUND_DAYS:
        return False
    return ev["date"].count("-") == 0 or age > HISTORY_DAYS


def _to_the_day(ev: dict) -> bool:
    return ev.get("date_basis", "stated") == "stated" and len(ev.get("date") or "") == 10


def scheduled(ev: dict) -> bool:
    """A future with its day ("The trial will open on January 19", "the country will hold a runoff on Friday",
    "the president is expected to announce the plan today"): a date the timeline should show, unlike a forecast
    ("will muck up for years", "could reach the coast") or an attempt ("tried to shut down the leak")."""
    return ev.get("tense") in ("future", "complement") and _to_the_day(ev)


def habitual(ev: dict) -> bool:
    """A simple present that tells a state or a habit ("The museum complex holds ...", "seasonal flu kills
    several thousand people each winter", "the charity runs a home"), not a happening. Two presents do tell news: the
    headline present of an article's opening line ("US scientist retracts assurances"), and a chronology's
    historic present with its day ("the company announces on 4 June")."""
    if ev.get("tense") != "present":
        return False
    if _to_the_day(ev):
        return False
    return not any(s["start"] == 0 for s in ev.get("sources", []))


def said_only(ev: dict) -> bool:
    """An accusation, a warning or an appeal told without a date of its own ("he blamed the spill on a breakdown of
    responsibility", "Miller warned that burning oil was no solution", "the group is urging motorists to shun the
    brand"): what a source says, not a happening. With its own date it is an act the record keeps ("prosecutors
    accused him of negligence in May", "a report in November warning that the pipes were failing"). An announcement
    or a declaration stays a statement of substance ("BP announces on 4 June", "the WHO declared a pandemic")."""
    said = ev["type"] in SAID_TYPES or (ev["type"] == "statement" and bool(EXHORTATION.match(ev.get("trigger") or "")))
    return said and not _stated(ev)


def named_in_passing(ev: dict) -> bool:
    """A happening named by a noun with no date of its own ("a review of trade agreements signed by the previous
    administration", "children orphaned by the earthquake in Haiti", "a controlled fire in the Gulf"): the sentence
    refers to it and tells something else. With its own date a noun does place it ("the April 20 explosion", "the
    disaster on 20 April, which killed 11 people"). A noun event has no tense; a store written before tenses were
    kept has no tense field at all, and is not judged by this."""
    return "tense" in ev and ev["tense"] is None and not _stated(ev)


def _stated(ev: dict) -> bool:
    return bool(ev.get("date")) and ev.get("date_basis", "stated") == "stated"


def in_lead(ev: dict) -> bool:
    return any(s["start"] < LEAD_CHARS for s in ev.get("sources", []))


def lead_news(ev: dict) -> bool:
    """A verb outside the taxonomy told in the lead by named actors ("The US military has joined efforts to stop
    the leak", "Mexico City has closed universities"): the report's news, though no type names it. Chosen on
    labeller A's half, checked on B's (docs/key-events.md)."""
    return ev["type"] in GENERIC and in_lead(ev) and bool(ev["actors"])


def weak_reasons(ev: dict, published: dict[str, str | None] | None = None,
                 bounds: dict[str, str | None] | None = None) -> list[str]:
    """Why an event is not shown among the key events whatever its score (empty when nothing rules it out)."""
    out = []
    if ev["type"] in GENERIC and not lead_news(ev):
        out.append("generic type")
    if _words(ev["summary"]) < MIN_WORDS:
        out.append("fragment")
    if ev["modality"] in ("hypothetical", "questioned"):
        out.append(ev["modality"])
    if ev.get("tense") in UNREAL_TENSES and not scheduled(ev):
        out.append(f"{ev['tense']} tense")
    if ev.get("tense") in ("participle", "relative"):
        out.append("describes a noun")     # "the leak contaminating the Gulf": what a thing is doing, not news
    if ev.get("tense") == "complement" and not scheduled(ev):
        out.append("tried, asked or expected")   # "tried to shut down the leak": not told as done (round 4)
    if habitual(ev):
        out.append("state or habit")
    if said_only(ev):
        out.append("said, not done")
    if named_in_passing(ev):
        out.append("named in passing")
    if ev.get("quoted"):
        out.append("quoted")
    if _history(ev, age_days(ev, published), bounds):
        out.append("background")
    return out


def _history(ev: dict, age: int | None, bounds: dict[str, str | None] | None) -> bool:
    return background(ev, age if age is not None else least_age(ev, bounds))


def score_terms(ev: dict, published: dict[str, str | None] | None = None,
                bounds: dict[str, str | None] | None = None) -> list[tuple[str, float]]:
    """The terms of the score, each with the reason a reader sees."""
    terms = []
    if lead_news(ev):
        terms.append(("the lead's news by named actors", 1.5))
    else:
        terms.append((f"type {ev['type']}", 0.0 if ev["type"] in GENERIC else 1.5))
    if ev["independent_sources"] > 1:
        terms.append((f"{ev['independent_sources']} independent sources", 1.0 * min(ev["independent_sources"] - 1, 3)))
    if ev["actors"]:
        terms.append((f"{len(ev['actors'])} named actors", 0.5 * min(len(ev["actors"]), 3)))
    if ev["date"] and ev.get("date_basis", "stated") == "stated":
        terms.append(("dated", 0.5))      # a reported date only bounds the event: no credit (as when undated)
        if len(ev["date"]) == 10:         # a day places it on a timeline; a month or year only roughly
            terms.append(("to the day", DAY))
    if ev.get("tense") == "past":
        terms.append(("told as done", PAST))
    if in_lead(ev):
        terms.append(("in the lead", LEAD))
    age = age_days(ev, published)
    if age is not None and age <= CURRENT_DAYS:
        terms.append(("the report's own news", CURRENT))
    elif _history(ev, age, bounds):
        terms.append(("background", -BACKGROUND))
    if ev["modality"] in HEDGED:
        terms.append((ev["modality"], -HEDGED[ev["modality"]]))
    if _words(ev["summary"]) < MIN_WORDS:
        terms.append(("fragment", -1.0))
    return terms


def salience(ev: dict, published: dict[str, str | None] | None = None) -> float:
    """The order in which a story's events are worth reading."""
    return round(sum(v for _, v in score_terms(ev, published)), 2)


def rank_fields(ev: dict, published: dict[str, str | None] | None = None,
                bounds: dict[str, str | None] | None = None) -> dict:
    """The fields storyline.json carries so that every reader of it can show key events first and say why.
    ``published`` maps article ids to their publication dates; without it the event's age is not judged.
    ``bounds`` maps article ids to the "not before" bound of an undated report (history is told apart by it)."""
    terms = score_terms(ev, published, bounds)
    s = round(sum(v for _, v in terms), 2)
    reasons = weak_reasons(ev, published, bounds)
    why = [f"{name} {v:+g}" for name, v in terms]
    return {"salience": s, "key": not reasons and s >= KEY_SCORE, "weak": reasons, "why": why}
