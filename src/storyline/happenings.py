"""Cross-outlet merging by meaning: the same happening told in other words.

``timeline.merge`` joins events that share a resolved actor. Outlets often name no actor at all ("the April 20
explosion", "an explosion on the Deepwater Horizon rig"), so that pass leaves one happening as many events. This
pass compares the events of one story and one type by the meaning of their clauses (the sentence embeddings the
stories stage already loads) and gathers those that are close enough for the dates they state:

- two events that state the same day need only be about the same thing (``SIM_SAME_DAY``): within one story and
  one type, a second explosion on the same day is rare, and the embedding keeps "11 killed on the rig" apart from
  "3 killed in the clean-up";
- a happening named by its noun on its day ("the April 20 catastrophe", "the disaster on 20 April") needs only
  ``SIM_NAMED_DAY``: later reports refer back to the story's happening that way, in words too few to compare;
- two events that state the same day with the same verb ("exploded" / "exploded") need less (``SIM_SAME_VERB``):
  the shared verb is half the evidence the embedding would otherwise have to give ("the Deepwater Horizon rig
  exploded" and "the offshore rig, leased by BP, exploded off Louisiana" score below ``SIM_SAME_DAY``);
- a month beside a day inside it, or an undated report published on or after the date, must read much the same
  (``SIM_LOOSE``), except that an undated report of a disaster in words of the dated one's family ("an explosion"
  after "the rig exploded") needs only ``SIM_SAME_VERB`` where the story has one such dated disaster
  (``_family_joins``);
- "family" is wider than one word: the words of one kind of disaster ("exploded", "blast", "blowout", "the well
  erupted"; "quake", "tremor") are one family, and "the disaster on 20 April" is of every kind (``KINDS``);
- a definite back-reference to a disaster with nothing of its own to pin it ("the tanker explosion", "destroyed
  by the earthquake" -> "the earthquake") is a tentative event (events._noun_events): it joins only through
  ``_family_joins`` and is dropped where it joins nothing, so it adds a report to the happening, never an event;
  a single-report dated disaster takes such joins while it is news (``RECENT`` days), and a name in the joining
  words must be named by the happening's reports ("the Marlow Bay disaster" is another disaster);
- a disaster told with its month ("the dam collapsed in March") joins the story's one day group of its family
  inside that month (``_month_joins``); a group's kind is the one most of its day-stating reports name ("the
  disaster on 20 April" joined by "the April 20 explosion" is an explosion: ``group_kinds``);
- one happening told in two stories joins across them (``across.py``): the same day in words of one family, or an
  undated report that names it as its reports do ("the Haiti earthquake");
- an event with no stated date never founds a group (there is nothing to pin two undated reports to one
  happening), it can only join a dated one;
- clause fragments (fewer than ``MIN_WORDS`` content words, one fewer for a clause that states its day),
  generic types and events whose people differ never merge here; two events of one article merge only when
  both state a date, the dates fit and they read much the same (``SIM_LOOSE``): a report retells its news lower
  down ("was released on bail on Friday evening" ... "released on bail on Friday after his family put up the
  bond"); a disaster of one day named twice in words of one kind ("Tuesday's quake") needs no more than across
  reports (``one_disaster``).

Thresholds were set on the demo corpus and a slice of Timeline17 development topics by reading the merges, before
the real labelled set existed; that set (bench/real_bench.py) is their held-out check.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

import numpy as np

from .events import event_nouns
from .model import Article, Event

SIM_SAME_DAY = 0.5
SIM_SAME_VERB = 0.4
SIM_NAMED_DAY = 0.25
SIM_LOOSE = 0.75
SIM_OLD = 0.9       # an undated report and a dated happening more than RECENT days before it
MIN_WORDS = 3
# Types of which a story holds few happenings, so that an undated report in the same words joins the dated one.
ONE_OFF = {"disaster"}
SCAN = 200          # groups compared per event within a block: keeps the pass near-linear in the corpus
PER_GROUP = 8       # members of a group compared (the first ones: the anchor and the earliest joins)
# Function words left out when comparing wordings (also timeline._overlap).
STOP = set("the and for that with from this have has had was were been are its his her their they which who "
           "said says will would could also after before into over about than then there when where while".split())


def stated(e: Event) -> str | None:
    """The date the event's own clause states (a report's publication date is not a statement of when)."""
    return e.date if getattr(e, "date_basis", "stated") in (None, "stated") else None


def happened(e: Event) -> bool:
    """Told as done, in the writer's voice or a source's."""
    return e.modality in ("asserted", "reported")


def polarity(e: Event, by_id: dict[str, Article] | None = None) -> tuple[str, bool]:
    """What a report says of the happening, for merging: that it happened ("asserted" and "reported" are one
    happening told two ways), or a plan, a hypothesis, a denial..., and whether it is negated. Given the articles,
    a plan for a stated day, reported before that day ("is due to meet the president on Wednesday", "set to visit
    the coast on Monday"), is that day's happening: the report of the plan and the report that it took place are
    one line of the timeline. A plan for a vaguer time ("will visit next month"), or one told after its day ("was
    to have met on Wednesday"), stays a plan."""
    day = stated(e) or ""
    planned_day = e.modality == "planned" and len(day) == 10 and by_id is not None and \
        min((by_id[s.article].published or "9" for s in e.sources if s.article in by_id), default="9") <= day
    return ("happened" if happened(e) or planned_day else e.modality), e.negated


def _content_words(text: str) -> int:
    return sum(1 for w in re.findall(r"[a-z]{3,}", text.lower()) if w not in STOP)


def _comparable(e: Event) -> bool:
    """Enough words to compare by meaning: MIN_WORDS content words, or one fewer when the clause states its day or
    month ("killing 11 workers" on April 20, "a rig exploded" last week): the date pins the happening that a short
    clause alone would not. The month's joins still need SIM_LOOSE; on the real set this took merging recall from
    0.245 to 0.305 at the same precision (docs/stories.md). A happening named by its noun is its own evidence: "the
    disaster" on a stated day, or "the Haiti earthquake" in a later report, is the story's happening in two words."""
    n = _content_words(e.summary)
    if tentative(e):
        return n >= 1      # "the earthquake": it only joins through _family_joins' guards
    if e.type in ONE_OFF and not stated(e) and n == MIN_WORDS - 1:
        return True        # "the boiler blew up": under MIN_WORDS it too only joins through _family_joins
    if e.type in ONE_OFF and n and _kinds(e) - {"*"}:
        return True        # "it exploded" (last week): a verb of a kind of disaster names it as a noun would; with
        #                    no day it joins only the story's one day group of its kind (_family_joins, _month_joins),
        #                    with its day ("two days after it exploded") a group of that day as any clause would
    if _named_by_noun(e) and n >= (1 if len(stated(e) or "") == 10 else MIN_WORDS - 1):
        return True
    return n >= MIN_WORDS or n == MIN_WORDS - 1 and len(stated(e) or "") >= 7


def _published(e: Event, by_id: dict[str, Article]) -> str | None:
    pubs = [by_id[s.article].published for s in e.sources if s.article in by_id and by_id[s.article].published]
    return min(pubs) if pubs else None


# Digits only, unlike timeline.toll: a number word ("one of the schools", "two days after") too often counts
# nothing, and a false clash here would keep one happening apart.
_COUNT = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?![\w.,]\d)")


def _count(text: str) -> int | None:
    m = _COUNT.search(text)
    return int(m.group(1).replace(",", "")) if m else None


def counts_clash(a: Event, b: Event) -> bool:
    """Two tellings that count different numbers ("almost 100 people died", "more than 100,000 people had died"):
    an embedding reads them as alike, but they are two happenings, or a later figure (conflicts.py)."""
    x, y = _count(a.summary), _count(b.summary)
    return x is not None and y is not None and max(x, y) > 1.5 * max(1, min(x, y))


def _threshold(anchor: Event, e: Event, by_id: dict[str, Article]) -> float | None:
    """The similarity two events need to be one happening, given what their dates say; None if the dates clash."""
    if counts_clash(anchor, e):
        return None
    a, b = stated(anchor), stated(e)
    if a and b:
        if a == b and len(a) == 10:
            if _named_by_noun(anchor) or _named_by_noun(e):
                return SIM_NAMED_DAY
            return SIM_SAME_VERB if _verb(anchor) and _verb(anchor) == _verb(e) else SIM_SAME_DAY
        return SIM_LOOSE if a.startswith(b) or b.startswith(a) else None
    if a and not b:
        pub = _published(e, by_id)
        # An undated report can only be of something that had happened (or was under way) by its publication.
        if pub is not None and pub[:len(a)] < a[:len(pub)]:
            return None
        # Something long past is told again in nearly its own words, not just alike: "more than 100,000 people
        # have died" in a report of January 2010 reads like "almost 100 people died when two schools collapsed in
        # November 2008" (SIM_LOOSE), and is not it. (A disaster named again months later joins through
        # _family_joins, by the words of its kind.)
        if pub is not None and anchor.type not in ONE_OFF and not _news_then(a, pub):
            return SIM_OLD
        return SIM_LOOSE
    return None


def _news_then(day: str, pub: str) -> bool:
    """Whether a happening of ``day`` (a day, month or year: its last day) was still news on ``pub``: RECENT days."""
    from datetime import date

    from .salience import last_day
    last = last_day(day)
    try:
        return last is None or (date.fromisoformat(pub[:10]) - last).days <= RECENT
    except ValueError:
        return True


def tentative(e: Event) -> bool:
    """A definite back-reference with nothing of its own to pin it ("the explosion", events._noun_events): it is
    kept only as a report of the happening it joins."""
    return getattr(e, "tentative", False)


# Words of one kind of disaster, by their first five letters: outlets name one happening with any of them ("the
# rig exploded", "the blast", "the blowout", "the boiler blew up"; "the quake", "the tremor"). Written out here
# because the taxonomy types them all "disaster" and an embedding of two words cannot tell kinds apart.
KINDS = {
    "blast": ["explo", "blast", "blowo", "blew", "blow", "erupt"],
    "quake": ["earth", "quake", "tremo", "tembl"],
    "flood": ["flood", "inund", "delug"],
    "fire": ["fire", "blaze", "wildf", "flame", "burne", "burnt", "burni"],
    "storm": ["storm", "hurri", "cyclo", "typho", "torna"],
    "crash": ["crash", "colli", "derai"],
    "collapse": ["colla", "caved"],
}
KIND_OF = {stem: k for k, stems in KINDS.items() for stem in stems}
# Nouns that name whatever disaster a story holds ("the disaster on 20 April", "the April 20 catastrophe").
ANY_KIND = {"disas", "catas"}


def kinds(text: str) -> set[str]:
    """The kinds of disaster the words name; "*" for a word that names any kind ("the disaster")."""
    out = set()
    for w in re.findall(r"[a-z]{3,}", text.lower()):
        k = KIND_OF.get(w[:5]) or KIND_OF.get(w[:4])
        if k:
            out.add(k)
        elif w[:5] in ANY_KIND:
            out.add("*")
    return out


def _kinds(e: Event) -> set[str]:
    """The kinds of disaster the event names: by its trigger, or for a verb of no kind ("the quake struck", "was
    destroyed by the earthquake") by the disaster nouns of its clause."""
    return kinds(e.trigger or "") or kinds(e.summary)


def same_word(a: Event, b: Event) -> bool:
    ta, tb = (a.trigger or "").lower(), (b.trigger or "").lower()
    return bool(ta and tb) and (_verb(a) == _verb(b) or len(ta) >= 5 and len(tb) >= 5 and ta[:5] == tb[:5])


def _named_by_noun(e: Event) -> bool:
    """A happening named by its noun with its day ("the April 20 catastrophe", "the earthquake on 12 January"): a
    later report's back-reference, in few words that an embedding cannot tie to the first telling."""
    return (e.trigger or "").lower() in event_nouns()


def _verb(e: Event) -> str:
    """The trigger without its inflection ("exploded", "explodes" -> "explod"); empty for an event without one."""
    return re.sub(r"(?:ed|d|es|s|ing)$", "", (e.trigger or "").lower())


def _sim(products: np.ndarray) -> float:
    """The best similarity, rounded: the same wording in two groups must tie exactly, whatever the thread count or
    batch the embeddings came from (float noise in the last bits otherwise picks the group, and a rebuild could
    differ from the build)."""
    return round(float(np.max(products)), 4)


def _people_clash(g: Event, e: Event, persons: set[str]) -> bool:
    pg, pe = set(g.actors) & persons, set(e.actors) & persons
    return bool(pg and pe and not pg & pe)


def gather(events: list[Event], by_id: dict[str, Article], persons: set[str], generic: set[str],
           places: frozenset[str] = frozenset()) -> list[Event]:
    """Join events of one story, type, modality and polarity that tell the same happening; returns the survivors
    in their original order (a joined event's sources move to the group's anchor)."""
    from .across import same_day_across
    from .stories import backend, embed
    cands = [e for e in events if e.story and e.type not in generic and _comparable(e)]
    # Hashed term vectors measure shared words, not meaning; thresholds are for sentence embeddings.
    if len(cands) < 2 or backend() != "minilm":
        return [e for e in events if not tentative(e)]
    vecs = embed([e.summary for e in cands])
    row = {id(e): i for i, e in enumerate(cands)}
    blocks: dict[tuple, list[Event]] = defaultdict(list)
    for e in cands:
        blocks[(e.story, e.type, *polarity(e, by_id))].append(e)
    gone: set[int] = set()
    groups: list[tuple[Event, list[int]]] = []
    left: list[Event] = []
    for block in blocks.values():
        g, lft, gn = _gather_block(block, vecs, row, by_id, persons)
        groups += g
        gone |= gn
        joined = _news_joins(lft, vecs, row, by_id, persons, places)
        gone |= joined
        left += [e for e in lft if id(e) not in joined]
    # One happening told in two stories (the spill story and the hearing story both tell the April 20 explosion).
    gone |= same_day_across(groups, cands, vecs, persons)
    groups = [g for g in groups if id(g[0]) not in gone]
    gone |= _month_joins(groups, vecs, persons, cands)
    groups = [g for g in groups if id(g[0]) not in gone]
    gone |= _family_joins(groups, left, vecs, row, by_id, persons, cands)
    # A back-reference that joined no happening was never an event of its own.
    return [e for e in events if id(e) not in gone and not tentative(e)]


def _gather_block(block: list[Event], vecs: np.ndarray, row: dict[int, int], by_id: dict[str, Article],
                  persons: set[str]) -> tuple[list[tuple[Event, list[int]]], list[Event], set[int]]:
    """The groups of one story, type and polarity, the undated events that joined none, and the joined events."""
    # Best-attested and most precisely dated events anchor groups; the rest join the closest fitting group.
    order = sorted(block, key=lambda e: (-len({s.article for s in e.sources}), -len(stated(e) or ""),
                                         e.sources[0].article, e.sources[0].start))
    groups: list[tuple[Event, list[int]]] = []
    gone: set[int] = set()
    left: list[Event] = []          # undated events that joined no group
    for e in order:
        v = vecs[row[id(e)]]
        arts = {s.article for s in e.sources}
        best, best_sim = None, 0.0
        if tentative(e) or not stated(e) and _content_words(e.summary) < MIN_WORDS:
            # "the Haiti earthquake" reads like every earthquake (0.8 from "the earthquake" of 2008 named in
            # passing): only the story's one dated happening of its family can take it (_family_joins). So for a
            # back-reference: "custody over the collapse of the dam" reads like "the dam collapsed in March".
            left.append(e)
            continue
        for anchor, members in groups[-SCAN:]:
            need = _threshold(anchor, e, by_id)
            if need is None or _people_clash(anchor, e, persons):
                continue
            if arts & {s.article for s in anchor.sources}:
                if not stated(e):
                    continue
                if not one_disaster(anchor, e):
                    need = max(need, SIM_LOOSE)
            sim = _sim(vecs[members[:PER_GROUP]] @ v)
            if sim >= need and sim > best_sim:
                best, best_sim = (anchor, members), sim
        if best is None:
            if stated(e):
                groups.append((e, [row[id(e)]]))
            else:
                left.append(e)
            continue
        anchor, members = best
        _join(anchor, members, e, row)
        d = stated(e)
        if d and len(d) > len(anchor.date or ""):
            anchor.date, anchor.date_how = d, e.date_how
        gone.add(id(e))
    gone |= _late_joins(groups, vecs, persons)
    return [g for g in groups if id(g[0]) not in gone], left, gone


TALLIES = {"death", "infection"}
NEWS_DAYS = 1        # reports at most this many days apart tell the same day's news
DONE = {"past", "perfect"}


_SMALL = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}


def _any_count(text: str) -> int | None:
    """A count in digits or a small number word ("four American citizens"); "one" is left out ("one of the
    schools" counts nothing)."""
    n = _count(text)
    if n is not None:
        return n
    m = re.search(r"\b(" + "|".join(list(_SMALL)[2:]) + r")\b", text.lower())
    return _SMALL[m.group(1)] if m else None


_PERSONAL = re.compile(r"(?i)(?:i|we|you)\b")    # a speaker's own experience ("I met him once") is no outlet's news
_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def _days_clash(a: Event, b: Event) -> bool:
    """The sentences name different days ("police fired tear gas ... Friday", "... on Saturday"), though the
    parser hung neither on the event's verb."""
    da = {d for s in a.sources for d in _WEEKDAY.findall(s.text)}
    db = {d for s in b.sources for d in _WEEKDAY.findall(s.text)}
    return bool(da and db and not da & db)


def _any_counts_clash(a: Event, b: Event) -> bool:
    x, y = _any_count(a.summary), _any_count(b.summary)
    return x is not None and y is not None and max(x, y) > 1.5 * max(1, min(x, y))


def _news_joins(left: list[Event], vecs: np.ndarray, row: dict[int, int], by_id: dict[str, Article],
                persons: set[str], places: frozenset[str]) -> set[int]:
    """Undated reports of one day's news in other outlets: events of one block (story, type, polarity) that join
    no dated group, told as done (past or present perfect) in the report's voice, in reports published at most
    NEWS_DAYS apart, reading alike at SIM_LOOSE against every member, with no clash of counts, people, places or
    named weekdays. Deaths and infections are left out: their reports are running tallies ("has killed up to 159
    people", "a man has tested positive"), each a happening of its own, and four earlier tries that let them in
    joined tolls, past pandemics and different patients (docs/stories.md)."""
    from datetime import date
    gone: set[int] = set()
    cands = [e for e in left if e.type not in ONE_OFF | TALLIES and not tentative(e) and e.tense in DONE
             and not e.quoted and not _PERSONAL.match(e.agent or "") and not _PERSONAL.match(e.summary)
             and _content_words(e.summary) >= MIN_WORDS and _published(e, by_id)]
    groups: list[tuple[Event, list[int]]] = []
    by_row = {row[id(e)]: e for e in cands}
    for e in cands:
        pub = date.fromisoformat(_published(e, by_id)[:10])
        arts = {s.article for s in e.sources}
        best, best_sim = None, 0.0
        for anchor, members in groups[-SCAN:]:
            told = [by_row[r] for r in members]
            if arts & {s.article for m in told for s in m.sources} or any(
                    _any_counts_clash(m, e) or _people_clash(m, e, persons) or _people_clash(m, e, places) or
                    _days_clash(m, e) or abs((date.fromisoformat(_published(m, by_id)[:10]) - pub).days) > NEWS_DAYS
                    for m in told):
                continue
            sim = round(float(np.min(vecs[members] @ vecs[row[id(e)]])), 4)    # alike with every member
            if sim >= SIM_LOOSE and sim > best_sim:
                best, best_sim = (anchor, members), sim
        if best is None:
            groups.append((e, [row[id(e)]]))
            continue
        _join(*best, e, row)
        gone.add(id(e))
    return gone


def one_disaster(a: Event, b: Event) -> bool:
    """Within one report, a disaster of one day named twice in words of one kind ("Sunday's quake in Varnia",
    "placed Sunday's quake on the fault") is one disaster: a report does not tell two quakes of a day without
    saying so, and the second naming is often a sentence about something else, which reads unlike the first."""
    day = stated(a)
    return a.type in ONE_OFF and b.type == a.type and bool(day) and len(day) == 10 and stated(b) == day and \
        bool(_kinds(a) & _kinds(b))


def _told_by(e: Event) -> int:
    return len({s.article for s in e.sources})


def _family_joins(groups: list[tuple[Event, list[int]]], left: list[Event], vecs: np.ndarray, row: dict[int, int],
                  by_id: dict[str, Article], persons: set[str], cands: list[Event]) -> set[int]:
    """An undated later report of a disaster in words of the dated one's family ("an explosion in the Gulf" after
    "the rig exploded on April 20": 0.53 apart, below SIM_LOOSE) joins it at SIM_SAME_VERB, but only where the
    story leaves one reading: a single day-dated group of that family told by two reports or more (a passing
    mention of an old quake is told once), or one with three times the reports of any other (a story of an
    earthquake also names the quakes of 1760 and 2004, and "the earthquake" is its own). A report whose story
    holds no such happening looks in the other stories, but only by a name the happening's reports give too
    ("the Haiti earthquake" in a story of the telethon): "the earthquake" alone could be any."""
    from .across import names, names_fit_across
    gone: set[int] = set()
    # Day-dated groups of a one-off type, by story: what a report can join, so the pass stays near-linear.
    days: dict[str | None, list[tuple[Event, list[int]]]] = defaultdict(list)
    for g in groups:
        if g[0].type in ONE_OFF and len(stated(g[0]) or "") == 10:
            days[g[0].story].append(g)
    every = [g for lst in days.values() for g in lst]
    # What the group's own reports say, before any back-reference joins it: the names a back-reference gives
    # must be among them. A clause that tells the happening in words of its kind adds to them.
    told = {id(g[0]): " ".join(s.text for s in g[0].sources) for g in every}
    kinds_of = {id(g[0]): group_kinds(g[1], cands) for g in every}

    def fits(g: tuple[Event, list[int]], e: Event, pub: str | None) -> bool:
        return (g[0].type == e.type and polarity(g[0], by_id) == polarity(e, by_id)
                and _in_family(g[0], kinds_of[id(g[0])], e)
                and (_told_by(g[0]) > 1 or _recent(stated(g[0]), pub)) and (pub is None or pub >= stated(g[0])))

    # Clauses that tell the happening join before back-references to it, so that a report's telling is its
    # source there rather than a passing "the explosion" of the same report.
    for e in sorted(left, key=tentative):
        if e.type not in ONE_OFF:
            continue
        pub = _published(e, by_id)
        fam = [g for g in days.get(e.story, ()) if fits(g, e, pub)]
        across = not fam
        if across and names(e.summary):
            fam = [g for g in every if g[0].story != e.story and fits(g, e, pub)
                   and names_fit_across(e, told[id(g[0])])]
        if not fam:
            continue
        fam.sort(key=lambda g: -len(g[0].sources))
        if len(fam) > 1 and len(fam[0][0].sources) < 3 * len(fam[1][0].sources):
            continue
        anchor, members = fam[0]
        # The names must fit where the join rests on less than an outlet's telling in words of the kind: a
        # back-reference, a group that only one report tells, or "the disaster" beside "the well fires lit by the
        # retreating army" (a disaster of another kind, or another time).
        told_as = same_word(anchor, e) or bool(kinds_of[id(anchor)] & _kinds(e) - {"*"})
        loose = tentative(e) or _told_by(anchor) == 1 or not told_as
        if _told_in(anchor, e) or loose and not across and not _names_fit(e, told[id(anchor)]):
            continue
        if _people_clash(anchor, e, persons) or _sim(vecs[members[:PER_GROUP]] @ vecs[row[id(e)]]) < SIM_SAME_VERB:
            continue
        _join(anchor, members, e, row)
        if not loose:
            told[id(anchor)] += " " + " ".join(s.text for s in e.sources)
        gone.add(id(e))
    return gone


def _month_joins(groups: list[tuple[Event, list[int]]], vecs: np.ndarray, persons: set[str],
                 cands: list[Event]) -> set[int]:
    """A disaster told with its month ("the dam collapsed in March", "the collapse ... last month") is the
    story's disaster of that family on a day inside the month ("the dam gave way on March 3"), where the story
    leaves one reading (one such day group, or one with three times the reports of any other): in words of the
    day group's kind at SIM_SAME_VERB, or with a name its reports give. Apart, each month telling was an event of
    its own beside the happening."""
    gone: set[int] = set()
    told = {id(g[0]): " ".join(s.text for s in g[0].sources) for g in groups}
    days = [g for g in groups if g[0].type in ONE_OFF and len(stated(g[0]) or "") == 10]
    for month_g in groups:
        m, m_members = month_g
        if m.type not in ONE_OFF or len(stated(m) or "") != 7:
            continue
        fam = [g for g in days if g[0].story == m.story and polarity(g[0]) == polarity(m) and g[0].type == m.type
               and stated(g[0]).startswith(stated(m)) and id(g[0]) not in gone
               and _in_family(g[0], group_kinds(g[1], cands), m)]
        fam.sort(key=lambda g: -len(g[0].sources))
        if not fam or len(fam) > 1 and len(fam[0][0].sources) < 3 * len(fam[1][0].sources):
            continue
        anchor, members = fam[0]
        told_as = same_word(anchor, m) or bool(group_kinds(members, cands) & _kinds(m) - {"*"})
        if not told_as and not _names_fit(m, told[id(anchor)]) or _people_clash(anchor, m, persons):
            continue
        if _sim(vecs[members[:PER_GROUP]] @ vecs[m_members[:PER_GROUP]].T) < SIM_SAME_VERB:
            continue
        anchor.sources.extend(m.sources)
        anchor.actors += [a for a in m.actors if a not in anchor.actors]
        members.extend(m_members)
        gone.add(id(m))
    return gone


def group_kinds(members: list[int], cands: list[Event]) -> set[str]:
    """The kinds of disaster a group's reports name with its day: "the disaster on 20 April" joined by "the April
    20 explosion" is an explosion, so a later "the rig exploded" is told in the group's words. Only reports that
    state the day count: an undated "the fire that followed the explosion" joins an explosion, and would otherwise
    make every later fire (a refinery's, a war's) a telling of it. And only the kind most of them name: "the
    April 20 fire and explosion" makes the explosion no fire."""
    day = stated(cands[members[0]])
    told = Counter(k for r in members if stated(cands[r]) == day for k in _kinds(cands[r]))
    top = max((n for k, n in told.items() if k != "*"), default=0)
    return {k for k, n in told.items() if k == "*" or n == top}


def _in_family(anchor: Event, kinds_: set[str], e: Event) -> bool:
    """Told in words of the group's family: the anchor's verb or its noun ("exploded" / "explosion"), a word of a
    kind the group's reports name ("blowout" in a group that holds "the April 20 explosion"), or "the disaster"
    beside any kind."""
    ke = _kinds(e)
    return same_word(anchor, e) or bool(kinds_ & ke - {"*"}) or bool(kinds_ and ke and "*" in kinds_ | ke)


RECENT = 31    # days: "the earthquake" in a report of the month after it is that earthquake


def _recent(day: str, pub: str | None) -> bool:
    """A happening told by one report is the one a later undated "the earthquake" names only while it is news: a
    month after it. A quake of years before, named once in passing, is not."""
    from datetime import date
    if not pub:
        return False
    try:
        return 0 <= (date.fromisoformat(pub[:10]) - date.fromisoformat(day)).days <= RECENT
    except ValueError:
        return False


def capitalised(text: str) -> list[str]:
    """The capitalised words of a line after its first word, as written ("Ostria's" keeps its "'s")."""
    return re.findall(r"(?<=\s)[A-Z][\w'-]+", " " + text.split(" ", 1)[1]) if " " in text else []


def written_in(name: str, text: str) -> bool:
    """``name`` is written in ``text`` as a word of its own."""
    return re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text) is not None


def _names_fit(e: Event, text: str) -> bool:
    """A name in an undated report's words is named by the happening's reports too (one of them is enough: "the
    Baltic Sea" for "the Baltic"): "the Marlow Bay disaster", or "the Ostria earthquake", is another disaster
    than the story's, whatever its kind."""
    names = capitalised(e.summary)
    return not names or any(written_in(n.removesuffix("'s"), text) for n in names)


def _told_in(g: Event, e: Event) -> bool:
    """Whether the group already has the event's sentence: a report that told the happening ("the rig exploded on
    April 20") and tells it again lower down ("hours after the alarm, the boiler blew up") joins it once
    per sentence."""
    have = {(s.article, s.start) for s in g.sources}
    return any((s.article, s.start) in have for s in e.sources)


def _join(anchor: Event, members: list[int], e: Event, row: dict[int, int]) -> None:
    """``e`` becomes part of the anchor's group: its sources and actors move there."""
    anchor.sources.extend(e.sources)
    anchor.actors += [a for a in e.actors if a not in anchor.actors]
    members.append(row[id(e)])


def absorb(big: Event, big_members: list[int], small: Event, members: list[int]) -> None:
    """Group ``small`` becomes part of group ``big``: its sources, actors and member rows move there."""
    big.sources.extend(small.sources)
    big.actors += [a for a in small.actors if a not in big.actors]
    big_members.extend(members)


def _late_joins(groups: list[tuple[Event, list[int]]], vecs: np.ndarray, persons: set[str]) -> set[int]:
    """Groups that came to state the same day after their joins ("the explosion in April" founded a group, then
    reports of April 20 joined it) join the larger group of that day when they read much the same; smaller into
    larger, so a chain of joins cannot drift."""
    gone: set[int] = set()
    by_day: dict[str, list[tuple[Event, list[int]]]] = defaultdict(list)
    for g in groups:
        day = stated(g[0])
        if day and len(day) == 10:
            by_day[day].append(g)
    for day_groups in by_day.values():
        day_groups.sort(key=lambda g: -len(g[0].sources))
        for i in range(len(day_groups) - 1, 0, -1):
            small, members = day_groups[i]
            for big, big_members in day_groups[:i]:
                if id(big) in gone or _people_clash(big, small, persons):
                    continue
                sim = _sim(vecs[big_members[:PER_GROUP]] @ vecs[members[:PER_GROUP]].T)
                if sim >= SIM_LOOSE:
                    absorb(big, big_members, small, members)
                    gone.add(id(small))
                    break
    return gone
