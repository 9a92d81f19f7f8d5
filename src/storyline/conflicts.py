"""Conflicts and updates within a story: pairs of events or claims that disagree, or where a later report changes
the state an earlier one gave.

Kinds:
* ``figure``: the same kind of event (deaths, damage) counted differently ("Twelve people were killed" -> "the toll
  rose to 14").
* ``date``: the same event (same type, same actor, near-identical object) given different days by two articles.
* ``denial``: an allegation (an alleging claim or an alleged event) and a denial or rejection by the accused, about
  the same matter: the denier is the one accused, and both name the same kind of act (money, sex, violence, deceit,
  legal steps, ...; see ``MATTERS``). A denial that names no act ("denied the allegations", "any wrongdoing") answers
  the allegation reported beside it in the same article, or anywhere in the story when every allegation against the
  denier is about one kind of act.
* ``update``: a later report changes someone's position ("would stay on" -> "steps aside" -> "stepped down").

Rules, not a model: each pair must share the story and an anchor (actor, speaker, or event type), and the pair is
kept with both sources so that a reader can check it.
"""
from __future__ import annotations

import re

from .model import Article, Claim, Entity, Event, stable_id

NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
FIGURE_TYPES = {"death", "attack", "disaster"}
# Thousands separated by commas ("250,000"), never a comma after the number ("April 20, killing 11").
NUM = r"(\d{1,3}(?:,\d{3})+\b|\d+|" + "|".join(NUMBER_WORDS) + r")"
_NUMBER = re.compile(r"(?i)(?<![\w$£€.,])" + NUM + r"(?![\w%]|,\d|\.\d)")
# The people a count counts, written right after it ("200 people", "83 dead", "1,000 cases").
_PEOPLE_AFTER = re.compile(r"(?i)^\s+(?:[\w-]+\s+){0,2}?(?:people|persons|bodies|dead|died|deaths|killed|victims|"
                           r"workers|residents|villagers|civilians|injured|wounded|missing|cases|infections|"
                           r"patients)\b")
# A count belongs to one clause: "has infected 1,000 people and killed around 150" counts the ill, then the dead.
_CLAUSE_BREAK = re.compile(r"(?i)[,;:()]|\s[-–—]\s|\b(?:and|but|while|whereas|although|including)\b|\.(?!\d)")
# A number of something else: "three months ago", "5,000 barrels", "74 countries", "$20 million".
_UNIT_AFTER = re.compile(r"(?i)^\s+(?:[\w-]+\s+)?(?:years?|months?|weeks?|days?|hours?|minutes?|times|barrels|"
                         r"gallons|miles|kilometres|kilometers|km|metres|meters|feet|tons|tonnes|percent|per cent|"
                         r"million|billion|dollars|pounds|euros|countries|states|nations|cities|places)\b")
_MONTH_BEFORE = re.compile(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+$")
# A day before its month ("ruptured on 20 April") is a date, not a count.
_MONTH_AFTER = re.compile(r"(?i)^(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|"
                          r"dec)[a-z]*\b")
# Counts of animals are no toll of people: "3,473 wildlife have died", "40 pelicans were found dead".
_ANIMALS_AFTER = re.compile(r"(?i)^\s+(?:[\w-]+\s+)?(?:wildlife|animals?|birds?|fish|turtles?|dolphins?|whales?|"
                            r"pelicans?|mammals?|cattle|pigs?|chickens?|poultry|livestock|sheep|cows?|dogs?|horses?)\b")
# What a count counts, by the word that says it: a count of the dead and one of the homeless never disagree.
MEASURES = {"dead": r"dead|died|deaths?|killed|kill(?:s|ing)|toll|bodies|victims|lives",
            "hurt": r"injured|wounded|hurt|injuries",
            "missing": r"missing",
            "homeless": r"homeless|displaced|evacuated",
            "ill": r"cases|infected|infections|sick|ill\b"}
_MEASURE = [(k, re.compile(r"(?i)\b(?:" + v + r")")) for k, v in MEASURES.items()]
# A rate, not the count of a happening: "seasonal flu kills 250,000 people worldwide in an average year".
GENERIC_COUNT = re.compile(r"(?i)\b(a|per|each|every|an average) year\b|\bannually\b|\bworldwide\b|\bon average\b")
STATE_TYPES = {"position_retained", "recusal_or_step_aside", "leave_or_resignation"}
# Kinds of act an allegation can be about, as word stems: written from general knowledge of what news reports
# accuse people of, not from any corpus. Two claims are about the same matter when they share a kind.
MATTERS = {
    "money": r"brib|embezzl|fraud|launder|kickback|money|paid|pay|payment|steal|stole|theft|tax|corrupt|funds?\b|"
             r"invoice|account|contract|loan|cash|misappropriat|siphon|overcharg",
    "sexual": r"sex|rape|harass|molest|grop|misconduct|affair|assault",
    "violence": r"kill|murder|beat|tortur|shot|shoot|fired on|attack|abus|massacre|bomb|wound|injur|assault",
    "deceit": r"\blie|\blied|lying|mislead|misled|deceiv|cover(ed)?[- ]up|conceal|hid|falsif|forg|fabricat|doctor",
    "legal": r"charge|indict|prosecut|warrant|arrest|investigat|inquiry|probe|withdr[ae]w|drop(ped)? the case|"
             r"recus|immunity|obstruct",
    "harm": r"spill|leak|pollut|dump|waste|contaminat|negligen|safety|warning",
    "election": r"rig|ballot|vote|election|poll",
    "secrets": r"leak(ed)? (documents|information)|spy|espionage|classified|secret",
}
MATTER_RE = {k: re.compile(r"(?i)(" + v + r")") for k, v in MATTERS.items()}
GENERIC_DENIAL = re.compile(r"(?i)\b(allegations?|accusations?|claims?|charges?|reports?|wrongdoing|"
                            r"any of it)\b")


def matters(text: str) -> set[str]:
    return {k for k, r in MATTER_RE.items() if r.search(text or "")}


def same_matter(allegation: str, denial: str, same_article: bool) -> bool:
    """Do an allegation and a denial concern the same kind of act? A denial that names no act of its own answers
    only the allegation reported in the same article."""
    # "denied the charges", "the allegations": words naming the allegation itself are not an act
    a, d = matters(allegation), matters(GENERIC_DENIAL.sub(" ", denial))
    if d:
        return bool(a & d)
    return same_article and bool(GENERIC_DENIAL.search(denial) or len(denial.split()) <= 4)


# A floor, not a count: "more than 100 people have died" is not contradicted by a later "around 150".
_FLOOR_BEFORE = re.compile(r"(?i)\b(?:more than|over|at least|upwards of|in excess of|no fewer than|no less than)\s+$")


def floors(text: str) -> set[str]:
    """The measures whose first count in the sentence is given as a floor ("more than 100 people have died")."""
    out: set[str] = set()
    seen: set[str] = set()
    for measure, m, _ in _counted(text):
        if measure not in seen:
            seen.add(measure)
            if _FLOOR_BEFORE.search(text[max(0, m.start() - 25):m.start()]):
                out.add(measure)
    return out


def counts(text: str) -> dict[str, int]:
    """Each measure's first count in a sentence: {"dead": 200, "homeless": 1500} for "killed 200 people and left
    1,500 homeless". A number is a count of people when people are named right after it or a measure word stands
    before it in its clause ("the toll stood at 83", "killed around 150"); the measure is the nearest word of
    ``MEASURES`` in the number's own clause, after it first ("200 people died"), else before it."""
    out: dict[str, int] = {}
    for measure, _, n in _counted(text):
        out.setdefault(measure, n)
    return out


def _counted(text: str):
    """(measure, number match, number) for each number of the sentence that counts people, in order."""
    for m in _NUMBER.finditer(text):
        w = m.group(1).lower().replace(",", "")
        n = NUMBER_WORDS.get(w, int(w) if w.isdigit() else None)
        left = _CLAUSE_BREAK.split(text[max(0, m.start() - 100):m.start()])[-1]
        right = _CLAUSE_BREAK.split(text[m.end():m.end() + 60])[0]
        year = len(w) == 4 and n is not None and 1900 <= n <= 2100 and "," not in m.group(1)
        if n is None or year or _MONTH_BEFORE.search(left) or _UNIT_AFTER.match(right) or \
                _MONTH_AFTER.match(text[m.end():m.end() + 14]) or _ANIMALS_AFTER.match(right):
            continue
        after = [(x.start(), k) for k, r in _MEASURE for x in r.finditer(right)]
        before = [(len(left) - x.end(), k) for k, r in _MEASURE for x in r.finditer(left)]
        if not (_PEOPLE_AFTER.match(right) or before):
            continue
        measure = min(after)[1] if after else (min(before)[1] if before else None)
        if measure:
            yield measure, m, n


def _side(kind: str, obj, value: str | None, source=None) -> dict:
    if kind == "event":
        s = source or obj.sources[0]
        return {"ref": obj.id, "ref_kind": "event", "article": s.article, "start": s.start, "end": s.end,
                "text": s.text, "value": value}
    return {"ref": obj.id, "ref_kind": "claim", "article": obj.article, "start": obj.start, "end": obj.end,
            "text": obj.text, "value": value}


def _state(e: Event) -> str:
    """The position an event gives, in the source's own words: the trigger with its particles."""
    # "on" is a particle in "stay on (and lead)", a preposition in "stepped down on Friday".
    m = re.search(r"\b" + re.escape(e.trigger) + r"\b(\s+(aside|down|back|up|on(?=\s*(?:[,.;]|$|and\b|as\b|to\b|"
                  r"until\b|at\b))))?(\s+temporarily)?", e.sources[0].text)
    return (m.group(0) if m else e.trigger).lower()


def _norm_state(state: str) -> str:
    words = state.split()
    words[0] = re.sub(r"(?<=p)ped$|ed$|s$", "", words[0])
    return " ".join(w for w in words if w != "temporarily")


def find(events: list[Event], claims: list[Claim], articles: list[Article], entities: list[Entity]) -> list[dict]:
    """Every conflict in every story, story by story: figures, dates and updates among its events, then denials
    among its claims."""
    published = {a.id: a.published or "9999" for a in articles}
    when = first_reported(published)
    names = {e.id: [a for a in e.aliases if len(a) > 2] or [e.name] for e in entities}
    places = place_names(entities)
    events_by_story = _by_story(events)
    found = Found()
    for story, evs in events_by_story.items():
        evs = sorted(evs, key=when)
        found.add(story, figure_changes(evs, places, published))
        found.add(story, date_disagreements(evs))
        found.add(story, position_updates(evs, when))
    for story, cls in _by_story(claims).items():
        found.add(story, denials(cls, events_by_story.get(story, []), names))
    return found.records


class Found:
    """The conflict records so far. A record's id comes from its kind and both sides, so a pair judged twice is
    kept once, where it was first found."""

    def __init__(self):
        self.records: list[dict] = []
        self.ids: set[str] = set()

    def add(self, story: str, pairs) -> None:
        for kind, what, a, b in pairs:
            cid = stable_id("x-", kind, a["ref"], b["ref"])
            if cid not in self.ids:
                self.ids.add(cid)
                self.records.append({"id": cid, "kind": kind, "story": story, "what": what, "a": a, "b": b})


def first_reported(published: dict[str, str]):
    """Sort key of an event: when, where and at what offset it was first reported."""
    def when(e: Event) -> tuple:
        # A merged event was reported first by its earliest source, whichever source merging put first.
        return min((published[s.article], s.article, s.start) for s in e.sources)
    return when


def _by_story(items: list) -> dict[str, list]:
    """Events or claims grouped by story, in first-seen order; those in no story are never compared."""
    out: dict[str, list] = {}
    for x in items:
        if x.story is not None:
            out.setdefault(x.story, []).append(x)
    return out


def _factual(e: Event) -> bool:
    return e.modality in ("asserted", "reported")


def figure_changes(evs: list[Event], places: re.Pattern | None = None, published: dict[str, str] | None = None):
    """Consecutive reports of a count of the same happening that give different numbers, in two articles. Every
    source of an event is a report (a merged event's outlets may count differently), in order of publication. The
    same happening: the same event, or a count of the same thing (the dead are not the homeless) that states the
    same date, or shares an actor, or names a shared place in both sentences ("the Veldra dam gave way" -> "the
    toll from the collapse of the Veldra dam rose", days apart); otherwise two counts are two stories. A shared
    actor alone can join two happenings years apart (an oil company's two explosions): dates do not veto yet. A
    rate ("seasonal flu kills 250,000 a year") is no count of a happening, and a floor ("more than 100 have died")
    does not disagree with a count above it. Deaths folded into the happening that caused them (timeline.fold_harm)
    are counted with it, whatever its type."""
    reports = []
    for i, e in enumerate(evs):
        if e.type not in FIGURE_TYPES or not _factual(e):
            continue
        for j, src in enumerate(e.sources):
            c = {} if GENERIC_COUNT.search(src.text) else counts(src.text)
            if c:
                when = published.get(src.article, "9999") if published is not None else ""
                reports.append(((when, i, j), e, src, c, _places_in(src.text, places), floors(src.text)))
    reports.sort(key=lambda r: r[0])
    for measure in MEASURES:
        same = [r for r in reports if measure in r[3]]
        for k, (_, e1, s1, c1, p1, f1) in enumerate(same):
            # the next count of the same thing in the same happening after this one
            nxt = next(((e2, s2, c2, f2) for _, e2, s2, c2, p2, f2 in same[k + 1:] if e2 is e1 or
                        (e1.date and e1.date == e2.date) or set(e1.actors) & set(e2.actors) or p1 & p2), None)
            if nxt is None:
                continue
            e2, s2, c2, f2 = nxt
            n1, n2 = c1[measure], c2[measure]
            # a floor is no disagreement with a count above it ("more than 100" -> "around 150")
            floored = measure in f1 and n2 >= n1 or measure in f2 and n1 >= n2
            if n1 != n2 and s1.article != s2.article and not floored:
                what = e1.type if e1.type == e2.type else "death" if measure == "dead" else e2.type
                yield "figure", what, _side("event", e1, str(n1), s1), _side("event", e2, str(n2), s2)


def place_names(entities: list[Entity]) -> re.Pattern | None:
    """One pattern for every name of every place of the cast (the longest first)."""
    names = sorted({a for e in entities if e.type == "place" for a in [e.name, *e.aliases] if len(a) > 2},
                   key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\b") if names else None


def _places_in(text: str, places: re.Pattern | None) -> set[str]:
    return {m.group(1) for m in places.finditer(text)} if places else set()



def date_disagreements(evs: list[Event]):
    """The same event (type, a shared actor, the same object) given different days by two articles."""
    dated = [e for e in evs if e.type not in ("other", "statement") and e.date and len(e.date) == 10 and _factual(e)]
    for e1, e2 in same_type_and_month(dated):
        if _same_event_other_day(e1, e2):
            yield "date", e1.type, _side("event", e1, e1.date), _side("event", e2, e2.date)


def same_type_and_month(dated: list[Event], cap: int = 200):
    """Candidate pairs for a date disagreement: events of one type dated in one month, in order."""
    groups: dict[tuple, list[Event]] = {}
    for e in dated:
        groups.setdefault((e.type, e.date[:7]), []).append(e)
    # The pairs grow with the square of a group; only a group's first `cap` events are paired.
    for group in groups.values():
        for i, x in enumerate(group[:cap]):
            for y in group[i + 1:cap]:
                yield x, y


def _same_event_other_day(e1: Event, e2: Event) -> bool:
    return (e1.date != e2.date and bool(set(e1.actors) & set(e2.actors))
            and e1.sources[0].article != e2.sources[0].article
            and (e1.patient or "").lower() == (e2.patient or "").lower())


def position_updates(evs: list[Event], when):
    """A person's position as reported over time: each newly reported state against the last new one."""
    # Later articles retell earlier states ("had said he would stay on"), so only a state not reported
    # before counts as a change, paired with the last new state.
    seen: dict[str, Event] = {}
    last: Event | None = None
    # A state someone only should, might or may take ("the prosecutor should resign") is a demand or a guess,
    # not a position anyone reported him in.
    for e in (e for e in evs if e.type in STATE_TYPES and e.modality not in ("hypothetical", "questioned")):
        st = _norm_state(_state(e))
        if st in seen:
            continue
        # An update is about the same person's position: a shared actor where both events name one (the
        # demo's "would step aside" has none resolved; requiring one there lost a true update).
        if last is not None and when(last)[0] < when(e)[0] and \
                (not last.actors or not e.actors or set(last.actors) & set(e.actors)):
            yield "update", "position", _side("event", last, _state(last)), _side("event", e, _state(e))
        seen[st] = last = e


def denials(cls: list[Claim], story_events: list[Event], names: dict[str, list[str]]):
    """An allegation against someone and that someone's denial, in one story: the alleging claim the denial
    answers, or failing one, the alleged event it answers, or failing both, the report of the very act a denial
    says did not happen ("said they heard shots" / "the ministry denied there was shooting")."""
    accusations = [c for c in cls if c.stance == "alleges"]
    alleged = [e for e in story_events if e.modality == "alleged"]
    for d in (c for c in cls if c.stance in ("denies", "rejects")):
        target = denied_claim(d, accusations_against(d, accusations, names.get(d.speaker, []))) if d.speaker else None
        if target is not None:
            yield "denial", d.stance, _side("claim", target, target.stance), _side("claim", d, d.stance)
            continue
        ev = denied_event(d, alleged, names.get(d.speaker, [])) if d.speaker else None
        if ev is not None:
            yield "denial", d.stance, _side("event", ev, ev.modality), _side("claim", d, d.stance)
            continue
        # "rejects" names what the rejecter accuses the other side of ("this report is misleading"), not an act
        # it says did not happen.
        said = denied_report(d, cls) if d.stance == "denies" else None
        if said is not None:
            yield "denial", d.stance, _side("claim", said, said.stance), _side("claim", d, d.stance)


def denied_report(d: Claim, cls: list[Claim]) -> Claim | None:
    """The claim a denial of fact contradicts: in the same article, by another speaker, asserting or alleging an
    act of the kind the denial names, the nearest one before the denial first. The denial must name the act itself;
    "denied the reports" names none and answers nothing here, as a reader could not tell which report."""
    kinds = matters(GENERIC_DENIAL.sub(" ", d.content))
    if not kinds:
        return None
    said = [c for c in cls if c.article == d.article and c.stance in ("asserts", "alleges") and c.start != d.start
            and (c.speaker_text or "").lower() != (d.speaker_text or "").lower()
            and not (d.speaker and c.speaker == d.speaker) and kinds & matters(c.content)]
    before = [c for c in said if c.start < d.start]
    return max(before, key=lambda c: c.start) if before else min(said, key=lambda c: c.start, default=None)


# "accused the Pentagon of undermining the prosecution of Russia": the accused stands before "of"/"for"; a name
# after it is part of the act (here its victim), and that one denying war crimes answers nothing here.
_ACCUSING = re.compile(r"(?i)\b(?:accus|blam|charg|suspect|fault|criticis|criticiz|condemn)\w*\W*(?:\w+\W+){0,2}$")
_ACCUSED = re.compile(r"(?i)^(.{1,80}?)\s+(?:of|for|over)\s")


def accused_part(c: Claim) -> str:
    """The words of an alleging claim that can name whom it accuses."""
    lead = c.text[:max(0, c.content_start - c.start)]
    m = _ACCUSED.match(c.content) if _ACCUSING.search(lead) else None
    return m.group(1) if m else c.content


def accusations_against(d: Claim, accusations: list[Claim], aliases: list[str]) -> list[Claim]:
    """Alleging claims by someone else that name the denier as the one accused."""
    if not aliases:
        return []
    pat = re.compile(r"\b(" + "|".join(re.escape(a) for a in aliases) + r")\b")
    return [c for c in accusations if c.speaker != d.speaker and pat.search(accused_part(c))]


def denied_claim(d: Claim, against: list[Claim]) -> Claim | None:
    """The allegation a denial answers: one on the same matter, the one in the denial's own article first."""
    # A generic denial in another article answers the allegation only when every allegation against the
    # denier is about one kind of act.
    one_kind = len({frozenset(matters(c.content)) for c in against}) == 1
    on_matter = [c for c in against if same_matter(c.content, d.content, c.article == d.article or one_kind)]
    return next((c for c in on_matter if c.article == d.article), None) or next(iter(on_matter), None)


def _done_to(e: Event, aliases: list[str]) -> bool:
    """Whether the denier is only the one the act was done to ("war crimes prosecution of Russia")."""
    def names(text):
        return bool(text) and any(re.search(r"\b" + re.escape(a) + r"\b", text) for a in aliases)
    return names(e.patient) and not names(e.agent)


def denied_event(d: Claim, alleged: list[Event], aliases: list[str] = ()) -> Event | None:
    """An alleged act of the denier's that a denial answers, by the same test as for an alleging claim."""
    mine = [e for e in alleged if d.speaker in e.actors and not _done_to(e, list(aliases))]
    one_kind = len({frozenset(matters(e.sources[0].text)) for e in mine}) == 1
    evs = [e for e in mine if same_matter(e.sources[0].text, d.content, e.sources[0].article == d.article
                                         or one_kind)]
    return next((e for e in evs if e.sources[0].article == d.article), None) or next(iter(evs), None)
