"""Timeline: merge the same happening reported by several articles, count independent sources, sort by date."""
from __future__ import annotations

import re

from .happenings import STOP, gather, happened, kinds, polarity, stated, tentative
from .model import Article, Event, Source, Story, word_key
from .resolve_passes import UnionFind


def compatible_dates(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return a.startswith(b) or b.startswith(a)


def root_of(article_id: str, by_id: dict[str, Article]) -> str:
    """The independent source an article belongs to: near-copies count with their original."""
    a = by_id.get(article_id)
    while a is not None and a.duplicate_of:
        a = by_id.get(a.duplicate_of)
        if a is not None:
            article_id = a.id
    return article_id


def independent_sources(ev: Event, by_id: dict[str, Article]) -> int:
    """Distinct origins among the sources: a near-copy counts with its original, and two articles that report the
    happening in the very same words (one wire story under two mastheads) count once."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    first_with: dict[str, str] = {}
    for s in ev.sources:
        r = find(root_of(s.article, by_id))
        key = word_key(s.text)
        if len(key) > 40:      # a short sentence ("He denied it.") can recur by chance
            other = find(first_with.setdefault(key, r))
            if other != r:
                parent[r] = other
    return len({find(x) for x in list(parent)})


GENERIC = {"other", "statement"}    # too vague to merge without a date to pin them down
BEFALLS = {"disaster", "death", "infection", "spread", "market_fall", "market_rise"}   # no one does these
SCAN = 200                          # candidates looked at per (story, type, actor): keeps merging linear


WORDING = 0.1
# An event with no stated date from reports with no publication date can be of any time: only the words tie it.
UNPINNED_WORDING = 0.25


def _unpinned(e: Event, by_id: dict[str, Article]) -> bool:
    return not stated(e) and not any(by_id[s.article].published for s in e.sources if s.article in by_id)


def _overlap(a: str, b: str) -> float:
    """Jaccard overlap of content-word stems (5-letter prefixes: 'denied'/'denies', 'arrests'/'arrest')."""
    wa = {w[:5] for w in re.findall(r"[a-z]{3,}", a.lower()) if w not in STOP}
    wb = {w[:5] for w in re.findall(r"[a-z]{3,}", b.lower()) if w not in STOP}
    return len(wa & wb) / (len(wa | wb) or 1)


def _dates_fit(m: Event, e: Event, by_id: dict[str, Article]) -> bool:
    md, ed = stated(m), stated(e)     # a reported (publication) date says "on or before", so it pins nothing
    if md and ed:
        return compatible_dates(md, ed)
    if not md and not ed:
        return m.type not in GENERIC or _wire_copy(m, e, by_id)
    dated, undated = (m, e) if md else (e, m)
    if dated.type in GENERIC:
        return False
    # An undated report can only be of something that had happened (or was under way) by its publication.
    pubs = [by_id[s.article].published for s in undated.sources if s.article in by_id and by_id[s.article].published]
    when = stated(dated)
    return not pubs or min(pubs)[:len(when)] >= when[:len(min(pubs))]


SAME_WORDS = 0.6     # a generic event merges only with one of the same day told in much the same words
COPY_WORDS = 0.8     # a sentence printed by two outlets on one day: the same wire copy


def _wire_copy(m: Event, e: Event, by_id: dict[str, Article]) -> bool:
    """Two reports of one day that print the same sentence ("His lawyer called the allegations baseless" in two
    outlets' copies of one wire story): the same statement, though no date pins it."""
    days = {by_id[s.article].published for s in m.sources if s.article in by_id} - {None}
    other = {by_id[s.article].published for s in e.sources if s.article in by_id} - {None}
    return bool(days & other) and max(_overlap(a.text, b.text) for a in m.sources for b in e.sources) >= COPY_WORDS


def _same_day_words(e: Event) -> bool:
    return len(stated(e) or "") == 10


def _same_happening(m: Event, e: Event, persons: set[str], by_id: dict[str, Article],
                    places: frozenset[str] = frozenset(), names: dict[str, list[str]] | None = None) -> bool:
    """Same type (checked by the caller), compatible dates, shared actors, and no clash of the people involved:
    two warrants by the same court against different people stay two events."""
    shared = set(m.actors) & set(e.actors)
    if not shared or not _dates_fit(m, e, by_id):
        return False
    # A place is where the whole story happens ("in the Gulf of Mexico"): an explosion and a controlled fire there
    # are two happenings. A place shared alone merges only two reports that state the same day, or two in which
    # the place is the doer ("the US launched a criminal investigation", "the US government has opened a criminal
    # probe"): a country acting is an actor, not a setting. A happening that befalls a place ("Haiti's worst
    # quake", "Mexico's death toll") has no doer.
    dm, de = doers(m, names or {}), doers(e, names or {})
    acts = m.type not in BEFALLS and shared & dm & de
    if shared <= places and not (_same_day_words(m) and stated(m) == stated(e)) and not acts:
        return False
    # Without two dates to agree, the wording must: the sentences share much of their content words.
    need = UNPINNED_WORDING if _unpinned(m, by_id) or _unpinned(e, by_id) else WORDING
    if not (stated(m) and stated(e)) and \
            max(_overlap(s.text, e.sources[0].text) for s in m.sources) < need:
        return False
    if m.type == "other" and (stated(m) != stated(e) or _overlap(m.summary, e.summary) < SAME_WORDS):
        return False
    pm, pe = set(m.actors) & persons, set(e.actors) & persons
    if pm and pe and not pm & pe:
        return False
    # Who did it: "Russia issued a warrant for the ICC prosecutor" and "the ICC issued a warrant" share the ICC,
    # but as the target of one and the doer of the other.
    return not (dm and de and not dm & de)


def doers(e: Event, names: dict[str, list[str]]) -> set[str]:
    """The actors named in the event's agent phrase ("the ICC's governing body" -> the ICC)."""
    if not e.agent:
        return set()
    return {a for a in e.actors if any(re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", e.agent)
                                       for n in names.get(a, ()))}


def merge(events: list[Event], stories: list[Story], articles: list[Article],
          persons: set[str] | None = None, places: set[str] | None = None,
          names: dict[str, list[str]] | None = None) -> list[Event]:
    """Join events of one story with the same type, compatible dates and shared actors, from different articles.

    ``persons`` (entity ids of people) keeps apart events whose people differ; ``places`` (entity ids of places)
    are settings, not actors: sharing one alone needs the same stated day; ``names`` (entity id -> its names) tells
    who did it, and two events whose doers differ stay apart. An event without a date joins one with a date only
    when the article reporting it appeared after that date."""
    by_id = {a.id: a for a in articles}
    persons = persons or set()
    places = frozenset(places or ())
    story_of = {aid: s.id for s in stories for aid in s.articles}
    for e in events:
        e.story = story_of.get(e.sources[0].article)
    merged: list[Event] = []
    by_actor: dict[tuple, list[Event]] = {}
    for e in events:
        key = (e.story, e.type, *polarity(e, by_id))
        target = None
        if tentative(e):
            merged.append(e)     # a back-reference has no actor; gather joins it to its happening or drops it
            continue
        if e.type != "other" or _same_day_words(e):
            seen = set()
            for actor in e.actors:
                for m in reversed(by_actor.get(key + (actor,), [])[-SCAN:]):
                    if id(m) in seen:
                        continue
                    seen.add(id(m))
                    if _same_happening(m, e, persons, by_id, places, names) and \
                            e.sources[0].article not in {s.article for s in m.sources}:
                        target = m
                        break
                if target is not None:
                    break
        if target is None:
            merged.append(e)
            target = e
        else:
            target.sources.extend(e.sources)
            if stated(e) and len(e.date) > len(stated(target) or ""):
                target.date, target.date_how = e.date, e.date_how
                if hasattr(e, "date_basis"):
                    target.date_basis = e.date_basis
        for actor in e.actors:
            lst = by_actor.setdefault(key + (actor,), [])
            if target not in lst:
                lst.append(target)
        target.actors += [a for a in e.actors if a not in target.actors]
    merged = _same_sentence(merged)
    merged = gather(merged, by_id, persons, GENERIC, places)   # the same happening in other words, no actor shared
    merged = fold_harm(merged)
    for e in merged:
        e.sources = _once_each(e.sources)
    own_voice(merged, events)
    merged = sort_events(merged, by_id)
    for s in stories:
        s.events = [e.id for e in merged if e.story == s.id]
    return merged


def _once_each(sources: list[Source]) -> list[Source]:
    """A sentence that tells one happening twice ("the rig exploded and sank") gives two events that merge into one;
    the reader should meet that sentence once among the event's reports, keeping the copy that carries a claim."""
    out: dict[tuple[str, int, int], Source] = {}
    for s in sources:
        k = (s.article, s.start, s.end)
        if k not in out or (s.claim and not out[k].claim):
            out[k] = s
    return list(out.values())


def own_voice(merged: list[Event], told: list[Event]) -> None:
    """A happening that one report tells in its own voice is asserted, however many others attribute it: a merged
    event keeps its anchor's modality, and the quake 76 outlets reported as fact read "attributed to the UN, Experts
    ... and 59 more" when the best-attested report was a quote. ``told`` are the events before merging (a joined
    event's sources are the same objects in the merged one)."""
    own = {id(s) for e in told if e.modality == "asserted" for s in e.sources}
    for e in merged:
        if e.modality == "reported" and any(id(s) in own for s in e.sources):
            e.modality = "asserted"


def _same_sentence(events: list[Event]) -> list[Event]:
    """One clause of one sentence printed again in another report of the story (an outlet re-running a paragraph in
    the next day's update, a wire sentence under two mastheads): the same happening, whatever publication dates
    the two reports carry, unless their own clauses state different dates. Neither has to name an actor: "It also
    isolated everyone in the traveller's hotel" has none to merge on. (The independent-source count still counts the
    two as one origin.)"""
    first: dict[tuple, Event] = {}
    out = []
    for e in events:
        words = word_key(e.sources[0].text)
        key = (e.story, e.type, *polarity(e), (e.trigger or "").lower(), words)
        m = first.get(key) if len(words) > 40 and not tentative(e) else None
        if m is not None and stated(m) == stated(e) and \
                e.sources[0].article not in {s.article for s in m.sources}:
            m.sources.extend(e.sources)
            m.actors += [a for a in e.actors if a not in m.actors]
            continue
        first.setdefault(key, e)
        out.append(e)
    return out


HARM_TYPES = {"death"}
CAUSE_TYPES = {"disaster", "attack"}


def fold_harm(events: list[Event]) -> list[Event]:
    """The deaths a happening caused, told in the same sentence and of the same date ("the rig exploded on April 20,
    killing 11 workers"), are part of that happening: one event, whose sources are both clauses' sources. Outlets
    tell one half or the other ("the April 20 blowout that killed 11", "the rig exploded"), so kept apart the two
    halves never met and each outlet's report counted for only one of them."""
    uf = UnionFind()
    causes: dict[tuple[str, int], list[int]] = {}
    for i, e in enumerate(events):
        if e.type in CAUSE_TYPES and happened(e):
            for s in e.sources:
                causes.setdefault((s.article, s.start), []).append(i)
    for i, e in enumerate(events):
        if e.type not in HARM_TYPES or not happened(e):
            continue
        for s in e.sources:
            j = next((j for j in causes.get((s.article, s.start), ()) if events[j].date == e.date
                      or e.date is None and (_done_by(e, events[j]) or _result_of(e, events[j]))), None)
            if j is not None:
                uf.union(i, j)
    _same_toll(events, uf)
    groups: dict[int, list[int]] = {}
    for i in range(len(events)):
        groups.setdefault(uf.find(i), []).append(i)
    out = []
    for idx in groups.values():
        # The cause speaks for the happening: its words, type and date head the event.
        idx.sort(key=lambda i: (events[i].type not in CAUSE_TYPES, -len(events[i].sources), i))
        head = events[idx[0]]
        # "exploded" + "killing 11 workers": the reader sees what the happening did, in the sentence's own words.
        told = next((events[i].summary for i in idx[1:] if re.match(r"[a-z]+ing\b", events[i].summary)
                     and events[i].sources[0].start == head.sources[0].start
                     and events[i].sources[0].article == head.sources[0].article), None)
        if told and told not in head.summary:
            head.summary = f"{head.summary}, {told}"
        # "the disaster" + "the disaster killed 11 people" (a relative clause on the dated noun): the clause that
        # names the happening and says what it did is the better line.
        # So is the clause a bare dated noun came from ("the earthquake" of "killed in the earthquake in Varno on
        # 3 May", events._death_date).
        fuller = next((events[i].summary for i in idx[1:] if len(events[i].summary) > len(head.summary)
                       and (events[i].summary.lower().startswith(head.summary.lower() + " ")
                            or len(head.summary.split()) <= 2 and head.summary.endswith(head.trigger)
                            and f" {head.summary.lower()} " in f" {events[i].summary.lower()} ")
                       and (events[i].sources[0].article, events[i].sources[0].start)
                       == (head.sources[0].article, head.sources[0].start)), None)
        if fuller:
            head.summary = fuller
        for i in idx[1:]:
            seen = {(x.article, x.start, x.end) for x in head.sources}
            head.sources += [x for x in events[i].sources if (x.article, x.start, x.end) not in seen]
            head.actors += [a for a in events[i].actors if a not in head.actors]
        out.append(head)
    return out


NUMBER_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve "
                                            "thirteen fourteen fifteen sixteen seventeen eighteen nineteen "
                                            "twenty".split())}


def toll(text: str) -> int | None:
    """The first count of people a death clause gives ("the 11 men lost their lives", "eleven workers died")."""
    m = re.search(r"\b(\d[\d,]*|" + "|".join(NUMBER_WORDS) + r")\b", text.lower())
    if not m:
        return None
    w = m.group(1)
    return NUMBER_WORDS.get(w) if w in NUMBER_WORDS else int(w.replace(",", ""))


def _same_toll(events: list[Event], uf: UnionFind) -> None:
    """Undated deaths told with the count a story's dated happening killed ("the 11 men who lost their lives on
    board the rig", months after "the rig exploded on April 20, killing 11 workers") are that happening's dead:
    they join it where one dated disaster or attack of the story, and only one, killed that many."""
    tolls: dict[tuple, set[int]] = {}
    # Deaths folded into a dated happening are that day's deaths, whether or not their own clause gives the day.
    dated = {uf.find(i) for i, e in enumerate(events) if e.type in CAUSE_TYPES and e.date and happened(e)}
    for i, e in enumerate(events):
        root = uf.find(i)
        if e.type in HARM_TYPES and (e.date or root in dated) and (n := toll(e.summary)) is not None and n > 1:
            tolls.setdefault(root, set()).add(n)
    by_count: dict[tuple[str | None, int], set] = {}
    for i, e in enumerate(events):
        if e.type in CAUSE_TYPES and e.date and happened(e):
            for n in tolls.get(uf.find(i), ()):
                by_count.setdefault((e.story, n), set()).add(uf.find(i))
    size: dict = {}
    for i in range(len(events)):
        size[uf.find(i)] = size.get(uf.find(i), 0) + 1
    for i, e in enumerate(events):
        if e.type not in HARM_TYPES or e.date or not happened(e) or size[uf.find(i)] > 1:
            continue
        roots = by_count.get((e.story, toll(e.summary)), set())
        if len(roots) == 1:
            uf.union(next(iter(roots)), i)


def _result_of(death: Event, cause: Event) -> bool:
    """Deaths told as the result of the sentence's happening in an -ing clause after it ("the rig exploded on 20
    April and sank, killing 11 workers"): the happening did them, whichever verb the parser hung the clause on."""
    return bool(re.match(r"[a-z]+ing\b", death.summary)) and death.trigger != cause.trigger and \
        death.sources[0].start == cause.sources[0].start and death.sources[0].article == cause.sources[0].article


def _done_by(death: Event, cause: Event) -> bool:
    """Deaths whose doer is the happening, named by a word of its kind: "the 6.8-magnitude quake, which killed some
    3,000 people" beside a quake event told by the same sentence. Undated, such a clause has no day but the
    quake's; "30 have died of cholera since the quake" names no doer and stays apart."""
    k, ck = kinds(death.agent or ""), kinds(cause.trigger or cause.summary)
    # "The disaster" as a doer names no kind; as the happening ("the April 20 disaster") it is of every kind.
    return bool(k) and "*" not in k and bool(k & ck or "*" in ck)


def date_basis(events: list[Event], stories: list[Story], articles: list[Article]) -> list[Event]:
    """Give every event a date and say how it is known (Event.date_basis): the date its clause states, else the
    publication date of its earliest report ("reported": on or before that day). Events whose reports all lack a
    publication date stay undated; one whose report's date is only bounded keeps the bound (``date_bound``).
    Runs after merging, so that merging still joins an undated report with the dated event it tells of."""
    by_id = {a.id: a for a in articles}
    for e in events:
        if e.date:
            e.date_basis = "stated"
            continue
        arts = [by_id[s.article] for s in e.sources if s.article in by_id]
        pubs = sorted(a.published for a in arts if a.published)
        if pubs:
            e.date, e.date_basis = pubs[0], "reported"
            e.date_how = "publication date of its earliest report (on or before)"
            continue
        # ``published_bound`` comes with the ingest change that records "not before" bounds; older articles
        # have no such field.
        # The article's bound reads "not before YYYY-MM-DD"; the event keeps the day (shown "reported, not before").
        bounds = sorted(b.removeprefix("not before ").strip() for a in arts
                        if (b := getattr(a, "published_bound", None)))
        if bounds:
            e.date_basis, e.date_bound = "reported", bounds[0]
    events = sort_events(events, by_id)
    for s in stories:
        s.events = [e.id for e in events if e.story == s.id]
    return events


def date_label(ev: dict) -> str:
    """How a reader sees an event's date: "2025-05-16", "reported 2025-05-16", "reported, not before ...",
    "undated"."""
    if ev.get("date_basis") == "reported":
        return f"reported {ev['date']}" if ev.get("date") else f"reported, not before {ev.get('date_bound')}"
    return ev.get("date") or "undated"


def speaker_label(claim: dict, names: dict[str, str]) -> str:
    """How a reader sees who spoke: the words of the text, and the cast member they were resolved to when those
    words do not name it ("he (Karim Lund)", "The ministry's spokesman (Ministry of Health)"); the words stay
    first because the attribution is the text's, the resolution storyline's."""
    words = claim.get("speaker_text") or "unattributed"
    name = names.get(claim.get("speaker") or "")
    if not name or name.split()[-1].lower() in re.findall(r"\w+", words.lower()):
        return words
    return f"{words} ({name})"


# How a modality reads to a user. "reported" (a source said it happened) is shown as "attributed" so that it is
# not confused with a *reported date* (date_basis "reported": the publication date of the report).
MODALITY_LABEL = {"reported": "attributed"}


def attribution(ev: dict, said_by=lambda s: s.get("said_by")) -> str:
    """Whose account an event is, as a reader sees it: "attributed to the city council", "denied, according to
    Halvex", the bare modality where no claim of the reports holds it ("attributed": "according to" with no name),
    and "" for an event some report tells in its own voice. ``said_by(source)`` names the speaker of a source's
    claim (``speaker_label``), or None."""
    named = [said_by(s) for s in ev["sources"]]
    said = list(dict.fromkeys(w for w in named if w))
    label = MODALITY_LABEL.get(ev["modality"], ev["modality"])
    if ev["modality"] == "asserted" and not (named and all(named)):
        return ""       # some report tells it as fact: the others' sources are corroboration, not its authority
    if not said:
        return label
    who = ", ".join(said[:3]) + (f" and {len(said) - 3} more" if len(said) > 3 else "")
    return f"attributed to {who}" if ev["modality"] in ("reported", "asserted") else f"{label}, according to {who}"


def said_by_of(data: dict):
    """``said_by`` for :func:`attribution` over a build's storyline.json: a source's claim's speaker as shown."""
    claims = {c["id"]: c for c in data.get("claims", [])}
    names = {e["id"]: e["name"] for e in data.get("entities", [])}
    return lambda s: said_by(claims.get(s.get("claim") or ""), names)


# claims.PRONOUNS, which this module cannot import without loading spaCy (the web app reads timelines without it).
PRONOUNS = {"he", "she", "they", "we", "i", "it"}
# A description opening a sentence keeps its capital in the text ("The Red Cross said"); after "attributed to" it
# is lower case.
# So is a plural of the people news quotes unnamed ("Sources close to him", "Lawyers for Mr Khan"): a closed list
# rather than a guess, since an unresolved name ("Reuters") must keep its capital.
_OPENERS = re.compile(r"^(?:(?:The|A|An|Some|Many|Several|Other|Local|Senior|Two|Three|Four|Five)\s|"
                      r"(?:Sources|Officials|Lawyers|Experts|Witnesses|Eyewitnesses|Residents|Analysts|Investigators|"
                      r"Doctors|Scientists|Authorities|Diplomats|Critics|Protesters|Activists|Aides|Prosecutors|"
                      r"Expats|Survivors|Workers|Villagers|Relatives|Researchers|Officers|Police|Rescuers|Engineers|"
                      r"Regulators|Economists|Traders|Leaders|Ministers|Observers|Staff|Employees)\b)")


def said_by(claim: dict | None, names: dict[str, str]) -> str | None:
    """The speaker of an event source's claim as it reads after "attributed to": the words of the text, a pronoun
    replaced by the cast member it was resolved to ("attributed to Rene Preval", not "He (Rene Preval)"), or None
    where the claim has no one to name (an unresolved "it" names no one)."""
    if not claim or not (claim.get("speaker_text") or claim.get("speaker")):
        return None
    words = (claim.get("speaker_text") or "").strip()
    if words.lower() in PRONOUNS:
        return names.get(claim.get("speaker") or "")
    label = speaker_label(claim, names)
    return label[0].lower() + label[1:] if _OPENERS.match(label) else label


def reported_on(line: dict, entry: dict) -> str:
    """The day a reported timeline line's report came out: the day it is filed under may be the day before (a
    report's lead speaks for the news of the day before too), and "reported <that day>" would read as a report of
    that day."""
    return line.get("reported_on") or entry["date"]


def sort_events(events: list[Event], by_id: dict[str, Article]) -> list[Event]:
    def key(e: Event):
        first = e.sources[0]
        # On a day, what is stated to have happened then comes before what was reported then.
        return (e.date is None, e.date or "", e.date_basis == "reported", by_id[first.article].published or "9999",
                first.article, first.start)
    return sorted(events, key=key)


# -- what a reader should see first: the key-event decision lives in salience.py ----------------------------------
from .salience import rank_fields, salience, weak_reasons  # noqa: E402,F401  (kept importable from here)
# -- the story timelines a reader sees (the one path: tls.summarise, as ``storyline eval tls`` scores it) -----------
KEEP_DATES, KEEP_LINES = 30, 3     # stored per story, so that a reader can ask for up to this many without a rebuild


def reading_of(analyses) -> dict:
    """The per-article reading tls.summarise works on, from the pipeline's per-article analyses."""
    return {x.article: ([(s.start, s.end, s.kind) for s in x.sentences],
                        [(t.start, t.end, t.type, t.value) for t in x.timexes]) for x in analyses}


def story_timeline(story: Story, articles: list[Article], reading: dict, dates: int | None = None,
                   lines: int | None = None) -> dict:
    """A story's timeline: ``dates`` dates of up to ``lines`` sourced sentences each (a default sized to the
    story when None); stored with up to KEEP_DATES / KEEP_LINES so shorter ones are its truncations."""
    from . import tls
    mine = set(story.articles)
    arts = [a for a in articles if a.id in mine and a.id in reading and a.status != "duplicate"]
    sents = tls.sentences(arts, reading)
    d0, l0 = tls.default_length(arts, sents)
    dates, lines = dates or d0, lines or l0
    tl = tls.summarise(arts, max(dates, KEEP_DATES), max(lines, KEEP_LINES), sents=sents) if arts else []
    entries = [{"date": d.isoformat(), "rank": ls[0].rank, "lines": [
        {"text": ln.text, "article": ln.article, "start": ln.start, "end": ln.end, "date_basis": ln.basis,
         "reported_on": ln.reported_on.isoformat() if ln.reported_on else None,
         "independent_sources": ln.independent,
         "sources": [{"article": a, "start": s, "end": e, "text": t} for a, s, e, t in ln.sources]} for ln in ls]}
        for d, ls in tl]
    return {"dates": dates, "lines": lines, "entries": entries}


def shown(timeline: dict, dates: int | None = None, lines: int | None = None) -> list[dict]:
    """The entries of a stored story timeline a reader sees: the ``dates`` best-ranked dates (the stored default
    when None) in date order, each with its first ``lines`` lines."""
    if (dates is not None and dates < 1) or (lines is not None and lines < 1):
        raise ValueError("dates and lines must be at least 1")
    if not timeline:
        return []
    dates = dates or timeline.get("dates") or 0
    lines = lines or timeline.get("lines") or 1
    top = sorted(timeline.get("entries", []), key=lambda x: x["rank"])[:dates]
    # The best-ranked lines of each date, read in the order of the days they show: a lead filed under the day before
    # its report is labelled with the report's day, after the lines stated for the day it is filed under.
    return [{**x, "lines": sorted(x["lines"][:lines], key=lambda ln: _shown_day(ln, x))}
            for x in sorted(top, key=lambda x: x["date"])]


def _shown_day(line: dict, entry: dict) -> str:
    return entry["date"] if line.get("date_basis", "stated") == "stated" else reported_on(line, entry)


def attach(result, dates: int | None = None, lines: int | None = None) -> None:
    """(Re)compute every story's timeline of ``result`` from its per-article reading."""
    for s in result.stories:
        s.timeline = story_timeline(s, result.articles, result.reading, dates, lines)
