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

import functools
import re

from .happenings import kinds, same_word
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
# A capitalised determiner and name after a lower-case word is a sentence run into the next, as scraped pages join a
# headline to the lead ("... related to the oil spill The Small Business Administration has approved 186 loans").
_CLAUSE_BREAK = re.compile(r"(?i)[,;:()]|\s[-–—]\s|\b(?:and|but|while|whereas|although|including)\b|\.(?!\d)|"
                           r"(?-i:(?<=[a-z])\s+(?=(?:The|A|An)\s+[A-Z]))")
# A number of something else: "three months ago", "5,000 barrels", "74 countries", "$20 million".
_UNIT_AFTER = re.compile(r"(?i)^\s+(?:[\w-]+\s+)?(?:years?|months?|weeks?|days?|hours?|minutes?|times|barrels|"
                         r"gallons|miles|kilometres|kilometers|km|metres|meters|feet|tons|tonnes|percent|per cent|"
                         r"million|billion|dollars|pounds|euros|countries|states|nations|cities|places)\b")
_MONTH_BEFORE = re.compile(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+$")
# A day before its month, the month spelt out or cut short ("20 April", "3 Sept"): "the 3,000 mark" is no March.
_DAY_OF_MONTH = re.compile(r"(?i)^(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|"
                           r"june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b")
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
                _DAY_OF_MONTH.match(text[m.end():m.end() + 14]) or _ANIMALS_AFTER.match(right):
            continue
        after = [(x.start(), k) for k, r in _MEASURE for x in r.finditer(right)]
        before = [(len(left) - x.end(), k) for k, r in _MEASURE for x in r.finditer(left)]
        if not (_PEOPLE_AFTER.match(right) or before):
            continue
        measure = min(after)[1] if after else (min(before)[1] if before else None)
        if measure:
            yield measure, m, n


def count_years(text: str) -> dict[str, str]:
    """Each measure's first count whose own clause names a year ("a 2005 explosion at a refinery that killed 15"):
    {measure: year}. Such a count is of that year's happening, not of the sentence's other event."""
    out: dict[str, str] = {}
    for measure, m, _ in _counted(text):
        # The happening may be named a few commas back ("a 2005 explosion at a plant in Texas City, Tex., that
        # killed 15"): look back over commas, not past a sentence or another number; "since 2009" dates no event.
        left = re.split(r"[;!?]|\.\s", text[max(0, m.start() - 90):m.start()])[-1]
        y = ([*re.finditer(r"\b(19\d\d|20\d\d)\b", left)] or [None])[-1]
        if y is not None and (re.search(r"\d", left[y.end():]) or left[:y.start()].rstrip().lower().endswith("since")):
            y = None
        if measure not in out:
            out[measure] = y.group(1) if y else ""
    return {k: v for k, v in out.items() if v}


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


def find(events: list[Event], claims: list[Claim], articles: list[Article], entities: list[Entity],
         reading: dict | None = None) -> list[dict]:
    """Every conflict in every story, story by story: figures, dates and updates among its events, then denials
    among its claims, then updates of running figures (tallies) among its reports' sentences (``reading``: the
    pipeline's sentences of each article; without it, the sentences of events and claims)."""
    published = {a.id: a.published or "9999" for a in articles}
    when = first_reported(published)
    names = {e.id: [a for a in e.aliases if len(a) > 2] or [e.name] for e in entities}
    places = place_names(entities)
    place_ids = _place_ids(entities)
    events_by_story = _by_story(events)
    found = Found()
    for story, evs in events_by_story.items():
        evs = sorted(evs, key=when)
        found.add(story, (p for p in figure_changes(evs, places, published)
                          if _tally_agrees(p, place_ids, published)))
        found.add(story, date_disagreements(evs))
        found.add(story, position_updates(evs, when))
    for story, cls in _by_story(claims).items():
        found.add(story, denials(cls, events_by_story.get(story, []), names))
    story_articles: dict[str, list[str]] = {}
    for story, aid in [(c.story, c.article) for c in claims] + \
            [(e.story, s.article) for e in events for s in e.sources]:
        if story is not None and aid not in story_articles.setdefault(story, []):
            story_articles[story].append(aid)
    for story, reports in story_figures(story_articles, articles, reading, events, claims, entities).items():
        found.add(story, (p for p in tally_updates(reports) if not _told(found.records, p)))
    for story, aids in story_articles.items():
        found.add(story, corrections(aids, articles, reading, events, claims))
    return found.records


def _place_ids(entities: list[Entity]) -> dict[str, str]:
    """Every name of every place of the cast -> its entity; two-letter names only in capitals ("UK", "US")."""
    return {n: e.id for e in entities if e.type == "place" for n in {e.name, *e.aliases}
            if len(n) > 2 or (len(n) == 2 and n.isupper())}


def _tally_agrees(pair, place_ids: dict[str, str], published: dict[str, str]) -> bool:
    """Does the tally reading of a figure pair's two sentences let it stand? Where both counts read as tallies, a
    pair of counts of different places ("40 in Veloria", "45 in Ostmark") or a confirmed or
    unqualified count below an earlier suspected one is not a disagreement; where either does not read, or one
    names no place ("nine died" may be the same dead as "the toll in Veloria"), the pair stands."""
    _, _, a, b = pair

    def read(side):
        year = (published.get(side["article"]) or "")[:4] or None
        return next((f for f in figures(side["text"], place_ids, year)
                     if abs(f["value"] - float(side["value"])) < 0.5), None)
    fa, fb = read(a), read(b)
    if fa is None or fb is None or fa["measure"] != fb["measure"]:
        return True
    if fa["subject"] and fb["subject"] and fa["subject"] != fb["subject"]:
        return False
    return not (fb["value"] < fa["value"] and fa["status"] != fb["status"])


def _told(records: list[dict], pair) -> bool:
    """Is a pair's update already recorded, by the figure kind, between the same two sentences?"""
    _, _, a, b = pair

    def at(x, y):
        return x["article"] == y["article"] and x["start"] < y["end"] and y["start"] < x["end"]
    return any((at(r["a"], a) and at(r["b"], b)) or (at(r["a"], b) and at(r["b"], a))
               for r in records if r["kind"] == "figure")


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
            if c and e.date:
                years = count_years(src.text)
                c = {k: n for k, n in c.items() if years.get(k, e.date[:4]) == e.date[:4]}
            if c:
                when = published.get(src.article, "9999") if published is not None else ""
                reports.append(((when, i, j), e, src, c, _places_in(src.text, places), floors(src.text)))
    reports.sort(key=lambda r: r[0])
    for measure in MEASURES:
        same = [r for r in reports if measure in r[3]]
        for k, (_, e1, s1, c1, p1, f1) in enumerate(same):
            # the next count of the same thing in the same happening after this one
            # Stated dates in two years are two happenings ("the rig exploded on 20 April" and "a 2005 explosion
            # at a BP facility", the same company).
            nxt = next(((e2, s2, c2, f2) for _, e2, s2, c2, p2, f2 in same[k + 1:] if e2 is e1 or
                        (e1.date and e1.date == e2.date) or (set(e1.actors) & set(e2.actors) or p1 & p2)
                        and not _two_years(e1, e2)), None)
            if nxt is None:
                continue
            e2, s2, c2, f2 = nxt
            n1, n2 = c1[measure], c2[measure]
            # a floor is no disagreement with a count above it ("more than 100" -> "around 150")
            floored = measure in f1 and n2 >= n1 or measure in f2 and n1 >= n2
            if n1 != n2 and s1.article != s2.article and not floored:
                what = e1.type if e1.type == e2.type else "death" if measure == "dead" else e2.type
                yield "figure", what, _side("event", e1, str(n1), s1), _side("event", e2, str(n2), s2)


def _two_years(a: Event, b: Event) -> bool:
    """Both events state their dates, in different years. (A day apart is no veto: "the toll rose to 260 on
    Friday" dates the count, not the quake.)"""
    return a.date_basis == "stated" and b.date_basis == "stated" and bool(a.date) and bool(b.date) and \
        a.date[:4] != b.date[:4]


def place_names(entities: list[Entity]) -> re.Pattern | None:
    """One pattern for every name of every place of the cast (the longest first)."""
    names = sorted({a for e in entities if e.type == "place" for a in [e.name, *e.aliases] if len(a) > 2},
                   key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\b") if names else None


def _places_in(text: str, places: re.Pattern | None) -> set[str]:
    return {m.group(1) for m in places.finditer(text)} if places else set()



def date_disagreements(evs: list[Event]):
    """The same event (type, a shared actor, the same object) given different days by two articles."""
    # A report's publication date ("reported") says when it was told, not when it happened: no disagreement there.
    dated = [e for e in evs if e.type not in ("other", "statement") and e.date and len(e.date) == 10 and _factual(e)
             and e.date_basis != "reported"]
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
            and (e1.patient or "").lower() == (e2.patient or "").lower() and _told_alike(e1, e2))


def _told_alike(e1: Event, e2: Event) -> bool:
    """Told with one verb, or words of one kind of happening ("exploded" / "the blast"): a rig that exploded on
    one day and sank on another is two happenings of one type, not two days for one."""
    return same_word(e1, e2) or bool(kinds(e1.trigger or "") & kinds(e2.trigger or "") - {"*"})


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


# A report that itself says the act did not happen ("the administration never tried to withhold") agrees with a
# denial of it.
_OF_ACCUSATIONS = re.compile(r"(?i)\s*(?:the\s+|any\s+|these\s+|those\s+)?(?:accusations?|allegations?|charges?|claims?|"
                             r"suggestions?)\b")
_NEGATED = re.compile(r"(?i)\b(?:not|never|no|nothing|none|nobody)\b|n't\b")


def _same_side(c: Claim, d: Claim) -> bool:
    """Whether two speakers are one side: the same words, or one named inside the other ("White House chief
    spokesman Robert Gibbs" speaks for "the White House")."""
    a, b = (re.sub(r"(?i)^the\s+", "", (x.speaker_text or "").strip()).lower() for x in (c, d))
    return bool(a) and bool(b) and (a == b or re.search(r"\b" + re.escape(b) + r"\b", a) is not None
                                    or re.search(r"\b" + re.escape(a) + r"\b", b) is not None)


def denied_report(d: Claim, cls: list[Claim]) -> Claim | None:
    """The claim a denial of fact contradicts: in the same article, by another speaker, asserting or alleging an
    act of the kind the denial names, the nearest one before the denial first. The denial must name the act itself;
    "denied the reports" names none and answers nothing here, as a reader could not tell which report."""
    kinds = matters(GENERIC_DENIAL.sub(" ", d.content))
    if not kinds:
        return None
    # "denied accusations that ...": it answers an allegation, not someone's account of what happened.
    answers = ("alleges",) if _OF_ACCUSATIONS.match(d.content) else ("asserts", "alleges")
    said = [c for c in cls if c.article == d.article and c.stance in answers and c.start != d.start
            and not _same_side(c, d) and not (d.speaker and c.speaker == d.speaker) and kinds & matters(c.content)
            and not _NEGATED.search(c.content)]
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
    here = [c for c in on_matter if c.article == d.article]
    # in its own article, the nearest allegation before the denial ("... Last night he denied these claims.")
    before = [c for c in here if c.start < d.start]
    return max(before, key=lambda c: c.start, default=None) or next(iter(here), None) or \
        next(iter(on_matter), None)


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


# -- tallies: the same measure of the same subject, given again by a later report -------------------------------
# Written from general knowledge of how news reports running figures (a toll, a case count, a leak rate, money paid
# out, the size of a response), not from any corpus. A figure is a number with what it counts (its measure) and
# whom or where it counts it (its subject); two reports of one story that give one measure of one subject different
# values on different days are an update, earlier -> later.
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_WORD_VALUES = {**NUMBER_WORDS, **{w: 20 + 10 * i for i, w in enumerate(_TENS)}}
_WORD_NUM = r"(?:(?:" + "|".join(_TENS) + r")(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|" + \
    "|".join(w for w in NUMBER_WORDS if w != "zero") + r")"
SCALES = {"thousand": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}
_FIGURE = re.compile(
    r"(?i)(?<![\w$£€.,/-])(?P<cur>\$|£|€|US\$)?\s?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|" +
    _WORD_NUM +
    r")(?:\s?(?P<scale>thousand|million|billion|trillion|bn|mn|m)\b)?(?![\w%-]|,\d|\.\d)")
# What a figure counts, by the words that name it: a unit right after the number ("40 confirmed cases", "5,000
# barrels"), or a word of the measure in the number's clause ("the death toll stands at 83", "killed about 150
# people"). Deaths, cases and the hurt are kept apart, as are barrels and vessels.
TALLIES = {
    "deaths": r"deaths?|dead|died|die|killed|kill(?:s|ing)?|fatalities|toll|lives",
    "cases": r"cases|infections|infected|diagnosed|caught|tested positive|(?:have|has|had|having|with|contracted) "
             r"(?:(?:confirmed|the|a) )?(?:[\w-]+ )?(?:virus|flu|influenza|disease|infection|illness|fever)",
    "injured": r"injured|wounded|injuries",
    "missing": r"missing",
    "displaced": r"homeless|displaced|evacuated|evacuees|refugees",
    "arrests": r"arrested|detained|arrests|detentions",
    "barrels": r"barrels|gallons",
    "vessels": r"vessels|ships|boats|skimmers",
    "aircraft": r"aircraft|aeroplanes|airplanes|planes|helicopters",
    "countries": r"countries|nations",
}
_TALLY = [(k, re.compile(r"(?i)\b(?:" + v + r")\b")) for k, v in TALLIES.items()]
# Units come after their number ("70 vessels"); a word of one of these measures before a number is about something
# else ("the number of countries ... rose to 39" is rare, "ships carrying 40 tonnes" common).
UNITS_AFTER_ONLY = {"barrels", "vessels", "aircraft", "countries"}
# What a sum of money is, by the word beside it: money paid out and money a thing cost are two measures, and a sum
# with none of these words (a salary, a fund's size, a profit) is no running tally.
# What a sum "cost" or "is worth" is rarely the same thing twice in a story (the cost of the crude, of the clean-up,
# of a firm's services), nor is a fine (each party is fined its own), so only compensation paid out is tallied: a
# sum paid is compensation when its clause names those it makes good ("in claims", "paid victims"); a fee is not.
MONEY = {"paid in compensation": r"(?:paid|payments?|payouts?)\b.*\b(?:claims?|claimants|victims|compensation|damages)|"
                                 r"(?:claims?|claimants|victims|compensation|damages)\b.*\b(?:paid|payments?|payouts?)"}
_MONEY = [(k, re.compile(r"(?i)\b(?:" + v + r")\b")) for k, v in MONEY.items()]
# A rate per day is its own measure ("5,000 barrels a day" is no total spilled); a rate per year is a norm, not
# the state of a story ("flu kills 250,000 people a year").
_PER_DAY = re.compile(r"(?i)^\s+(?:[\w-]+\s+){0,3}?(?:a|per|each)\s+day\b|^\s+(?:[\w-]+\s+){0,2}?daily\b")
_NORM = re.compile(r"(?i)(?<!\bin )(?<!\bwithin )\b(?:a|per|each|every|an average) "
                   r"(?:year|month|week|hour|minute|second)\b|\bannually\b|\bon average\b|\btypically\b|"
                   r"\busually\b|\bnormally\b|\bseasonal\b")
# How a report hedges a figure, said just before it.
_APPROX = re.compile(r"(?i)\b(?:about|around|some|roughly|approximately|an estimated|estimated|nearly|almost|"
                     r"close to|towards the|toward the)\s+$")
_FLOOR = re.compile(r"(?i)\b(?:more than|over|at least|upwards of|in excess of|passing|passed|exceeding|topping|"
                    r"no fewer than|no less than)\s+$")
_CEILING = re.compile(r"(?i)\b(?:up to|as many as|fewer than|less than|under|no more than|at most)\s+$")
# A figure that is not the report's own current one: the old value of a change ("from an earlier estimate of
# 4.9m", "rose from 20"), a past estimate, a historical year, an increment ("a further 59 cases", "40 other").
_FROM = re.compile(r"(?i)\bfrom\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:of\s+)?$")
_OLD = re.compile(r"(?i)\b(?:previously|initially|originally|earlier estimates?|previous estimates?|first estimated|"
                  r"had (?:\w+ )?(?:been )?(?:estimated|said|put|given|reported)|"
                  r"earlier (?:put|said|gave|estimated|reported)|last year|in the past)\b")
_INCREMENT_BEFORE = re.compile(r"(?i)\b(?:further|another|additional|extra|new)\s+$")
_INCREMENT_AFTER = re.compile(r"(?i)^\s+(?:more|other|further|additional|new|extra)\b")
_RANGE_AFTER = re.compile(r"(?i)^\s*(?:-|–|to|and)\s*(?:\$|£|€)?\s?(?:\d|" + _WORD_NUM + r"\b)")
_RANGE_BEFORE = re.compile(r"(?i)(?:\d|\b" + _WORD_NUM + r")\s*(?:m|bn|million|billion)?\s*(?:-|–|to|and)\s*$|"
                           r"\bbetween\s+$")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_NOT_A_COUNT_AFTER = re.compile(r"(?i)^(?:\s*(?:%|per ?cent|percent)|\s+(?:years?|months?|weeks?|days?|hours?|"
                                r"minutes?|times|am|pm|a\.m|p\.m|o'clock|miles|kilometres|kilometers|km|metres|"
                                r"meters|feet|ft|inches|degrees|points|per|percent|tons|tonnes|kg|kilograms|"
                                r"pounds|lbs|litres|liters|doses)\b|-(?:year|month|week|day|foot|"
                                r"metre|meter|mile|ton|tonne))")
_STATUS = {"confirmed": re.compile(r"(?i)\b(?:confirmed|laboratory-confirmed|lab-confirmed)\b"),
           "suspected": re.compile(r"(?i)\b(?:suspect(?:ed|s)?|possible|probable|believed|feared|thought)\b")}
_WORLD = re.compile(r"(?i)\b(?:worldwide|world-wide|globally|around the world|across the world|in the world|"
                    r"global)\b")
# A part, not a count: "one of the best prepared countries", "two of its planes".
_PART_AFTER = re.compile(r"(?i)^\s+of\b")
# A projection or a scenario is no report of the state of things: "up to 750,000 people could die".
_PROJECTION = re.compile(r"(?i)\b(?:could|would|might|may|will|expected to|projected|forecasts?|predict\w*|"
                         r"worst case|scenario)\b")
_ASIDE = re.compile(r"\([^()]{0,40}\)")
# A count of people tied to one incident ("a car bomb killed 12 people in the capital") is that happening's: a
# story of many attacks gives many such counts of one place, none an update of another. A running word makes it a
# tally again ("the toll from the attacks has risen to 40", "killed 300 since March").
_INCIDENT = re.compile(r"(?i)\b(?:bomb\w*|blasts?|explosions?|attacks?|raids?|strikes?|shelling|clash(?:es)?|"
                       r"shootings?|gunfire|gunmen|ambush\w*|suicide|massacres?|crash\w*|fighting)\b")
_RUNNING = re.compile(r"(?i)\b(?:toll|total|so far|to date|since|in all|altogether|overall|number of|risen|rose|"
                      r"climbed|stands|now)\b")
# A count of countries is a tally of a spread: countries with cases, affected, reporting.
_AFFECTED = re.compile(r"(?i)\b(?:cases|infect\w*|spread|affected|reported|reporting|confirmed|hit)\b")
# A word for a total whose unit the sentence names elsewhere.
_TOTAL = re.compile(r"(?i)\b(?:total|tally|figure|count)\b")
# What may follow a total's number in its clause: nothing, or when ("jumped to 1,320 today", "the 3,000 mark").
_BARE_RIGHT = re.compile(r"(?i)^\s*(?:(?:today|yesterday|now|so far|on \w+day|this week|last week|mark)\b\s*)*$")
_NUMBER_OF = re.compile(r"(?i)\b(?:number|total|tally|count) of (?:[\w-]+ ){0,2}?(cases|infections|deaths|dead|"
                        r"countries)\b")
_LEGAL = re.compile(r"(?i)\b(?:court|judges?|lawsuits?|suits|legal|filed|consolidate|lawyers?|plaintiffs?)\b")
# Units written right after the number (at most two words between: "40 confirmed cases", "70 vessels").
_UNIT_RIGHT = {k: re.compile(r"(?i)^\s+(?:[\w-]+\s+){0,2}?(?:" + TALLIES[k] + r")\b") for k in UNITS_AFTER_ONLY}
# A volume of oil is a tally of the spill only with what it did: escaped, not stored or burnt.
_OIL_FATE = re.compile(r"(?i)\b(?:spill(?:s|ed)?|spilt|spew(?:s|ed|ing)?|leak(?:s|ed|ing)?|gush(?:es|ed|ing)?|"
                       r"flow(?:s|ed|ing)?|pour(?:s|ed|ing)?|released|escap(?:e|ed|ing)|went into|into the)\b")
# People a count counts are of a place ("deaths in Mexico"); oil, money and ships are the story's own, wherever
# they went ("into the Gulf", "off Louisiana").
PEOPLE_COUNTS = {"deaths", "cases", "injured", "missing", "displaced", "arrests"}
# "United States: 40 confirmed cases": a fact box names its place before a colon.
_BOX_PLACE = r"\s*:\s*$"


class Figure:
    """One figure as a report gives it: value in the measure's unit, its words, and where it stands."""
    __slots__ = ("measure", "subject", "value", "words", "hedge", "status", "article", "start", "end", "date",
                 "offset")

    def __init__(self, **kw):
        for k, v in kw.items():
            setattr(self, k, v)


def _value(m: re.Match) -> float | None:
    w = m.group("num").lower().replace(",", "")
    if w in _WORD_VALUES:
        n = float(_WORD_VALUES[w])
    elif "-" in w:
        tens, unit = w.split("-", 1)
        n = float(_WORD_VALUES[tens] + _WORD_VALUES[unit])
    else:
        n = float(w)
    scale = (m.group("scale") or "").lower()
    return n * SCALES.get(scale, 1)


def figures(text: str, place_ids: dict[str, str] | None = None, year: str | None = None) -> list[dict]:
    """Each running figure a sentence states: measure, subject, place, value (in the measure's unit), words,
    hedge (floor, ceiling, approx or ""), status (confirmed, suspected or ""), offset. ``subject`` is the place
    whose people a count counts (an entity id; ``place`` its name as written), "" for the story as a whole;
    ``place_ids`` maps each place name of the cast to its entity. A number is a figure when its measure is named
    (``TALLIES``, ``MONEY``); not when it is a date, an age, a share, a range, a part ("one of"), a rate per year,
    a projection, an old value or an increment."""
    out = []
    places = place_ids or {}
    pat, box_pat = _place_patterns(tuple(sorted(places, key=len, reverse=True))) if places else (None, None)
    sentence_places = {places[x.group(1)] for x in pat.finditer(text)} if pat else set()
    for m in _FIGURE.finditer(text):
        raw = m.group("num")
        # a short aside in brackets does not end the clause: "cases of the new Influenza A (H1N1) flu has climbed to"
        left_all = _ASIDE.sub("", text[max(0, m.start() - 160):m.start()])[-120:]
        left = _CLAUSE_BREAK.split(left_all)[-1]
        right_all = _ASIDE.sub("", text[m.end():m.end() + 120])[:80]
        right = _CLAUSE_BREAK.split(right_all)[0]
        cur = m.group("cur")
        is_year = re.fullmatch(r"1[89]\d\d|20\d\d", raw) and not cur and not m.group("scale")
        if is_year or _MONTH_BEFORE.search(left_all) or _DAY_OF_MONTH.match(text[m.end():m.end() + 14]) \
                or _NOT_A_COUNT_AFTER.match(right_all) or _ANIMALS_AFTER.match(right) or _PART_AFTER.match(right_all):
            continue
        if _RANGE_AFTER.match(right_all) or _RANGE_BEFORE.search(left_all) or _FROM.search(left_all[-40:]) or \
                _INCREMENT_BEFORE.search(left_all[-20:]) or _INCREMENT_AFTER.match(right_all):
            continue
        clause = left + " " + right
        years = set(_YEAR.findall(left_all + " " + right))
        if _NORM.search(clause) or _OLD.search(clause) or _PROJECTION.search(clause) or (year and years - {year}):
            continue
        measure, factor = _measure(text, m, left, right, right_all, cur)
        if measure is None:
            continue
        subject, place = "", ""
        if pat and measure in PEOPLE_COUNTS:
            here = {places[x.group(1)]: x.group(1) for x in pat.finditer(clause)}
            box = box_pat.search(left_all)
            if box:
                here = {places[box.group(1)]: box.group(1)}
            if not here and not _WORLD.search(clause) and len(sentence_places) == 1:
                here = {places[x.group(1)]: x.group(1) for x in pat.finditer(text)}
            if len(here) > 1:
                continue
            if not here and len(sentence_places) > 1 and not _WORLD.search(clause):
                continue    # a count among several places, none its own: whose it is cannot be told
            subject, place = next(iter(here.items()), ("", ""))
        hedge = "floor" if _FLOOR.search(left_all[-25:]) else "ceiling" if _CEILING.search(left_all[-25:]) else \
            "approx" if _APPROX.search(left_all[-25:]) else ""
        # confirmed or suspected: said in the clause, else the nearest word of either before the figure
        status = next((k for k, r in _STATUS.items() if r.search(clause)), "") or \
            max(((x.end(), k) for k, r in _STATUS.items() for x in r.finditer(left_all)), default=(0, ""))[1]
        words = text[m.start():m.end()].strip()
        lead = re.search(r"(?i)(?:more than|over|at least|up to|as many as|about|around|some|nearly|almost|"
                         r"an estimated|fewer than|less than)\s+$", left_all)
        if lead:
            words = lead.group(0) + words
        out.append({"measure": measure, "subject": subject, "place": place, "value": _value(m) * factor,
                    "words": words, "hedge": hedge, "status": status, "offset": m.start(),
                    "whole": bool(re.search(r"(?i)\bout of\s+$", left_all))})
    return out


@functools.lru_cache(maxsize=8)
def _place_patterns(names: tuple[str, ...]) -> tuple[re.Pattern, re.Pattern]:
    """The cast's place names as one pattern, and as a fact box's label ("Mexico: ..."); built once per cast, not
    once per sentence (a large corpus has thousands of place names)."""
    alt = "|".join(map(re.escape, names))
    return re.compile(r"\b(" + alt + r")\b"), re.compile(r"\b(" + alt + r")" + _BOX_PLACE)


def _measure(text: str, m: re.Match, left: str, right: str, right_all: str, cur: str | None):
    """What a number counts, and the factor to the measure's unit; (None, 1) when the text does not say."""
    if cur:
        clause = left + " " + right
        kind = next((k for k, r in _MONEY if r.search(clause)), None)
        return ("money " + kind, 1.0) if kind else (None, 1.0)
    unit = next((k for k, r in _UNIT_RIGHT.items() if r.match(right_all)), None)
    if unit == "barrels":
        gallons = re.match(r"(?i)^\s+(?:[\w-]+\s+){0,1}?gallons", right_all)
        fate = _OIL_FATE.search(left + " " + right)
        if not fate:
            return None, 1.0   # oil stored, burnt, dispersant sprayed: not the oil that escaped
        rate = "barrels a day" if _PER_DAY.match(right_all) else "barrels"
        return rate, (1 / 42 if gallons else 1.0)    # a US oil barrel is 42 gallons
    if unit == "countries" and not _AFFECTED.search(left + " " + right):
        return None, 1.0       # countries in a coalition, at a meeting: no tally of a spread
    if unit:
        return unit, 1.0
    own = _NUMBER_OF.search(left)
    if own:
        # "the number of countries with cases rose to 39" counts countries, whatever else the clause names
        return next(k for k, r in _TALLY if r.fullmatch(own.group(1))), 1.0
    after = [(x.start(), k) for k, r in _TALLY if k not in UNITS_AFTER_ONLY for x in r.finditer(right[:50])]
    before = [(len(left) - x.end(), k) for k, r in _TALLY if k not in UNITS_AFTER_ONLY for x in r.finditer(left)]
    measure = min(after)[1] if after else min(before)[1] if before else None
    if measure is None and not _BARE_RIGHT.match(right):
        return None, 1.0       # a noun of its own after the number ("3 ministers"): not the total of the sentence
    if measure is None:
        # "the number of recorded cases in A hitting four figures; in the UK doubling to more than 750": the items of
        # a list share the measure its head names
        head = _NUMBER_OF.search(text[:m.start()])
        measure = next((k for k, r in _TALLY if head and r.fullmatch(head.group(1))), None)
    if measure is None and _TOTAL.search(left):
        # "taking the total in the UK to 184", "the total figure jumped to 1,320": a total of what the sentence counts
        words = [(abs(x.start() - m.start()), k) for k, r in _TALLY if k in PEOPLE_COUNTS for x in r.finditer(text)]
        measure = min(words)[1] if words else None
    if measure == "cases" and _LEGAL.search(left + " " + right):
        return None, 1.0       # court cases
    if measure in PEOPLE_COUNTS and _INCIDENT.search(left + " " + right) and not _RUNNING.search(left + " " + right):
        return None, 1.0       # one attack's dead: a happening's count (the figure kind's), not a running tally
    return measure, 1.0


def _same_value(x: float, y: float, hedged: bool) -> bool:
    # a hedged figure ("about 150", "more than 750") restated as a close round number is the same report
    return abs(x - y) <= (0.05 if hedged else 0.001) * max(abs(x), abs(y), 1)


# A tally that grows or shrinks a thousandfold between two reports is two different things counted ("33 million
# people live with HIV" beside a new outbreak's 8,000 cases), not an update.
MAX_RATIO = 1000
LOOK_BACK = 200


def tally_updates(reports: list[dict]):
    """Update pairs among the figures of one story: each report of a measure of a subject against the latest report
    of it on an earlier day, when the two values differ (a restatement of the same value updates nothing). A
    confirmed figure is paired with an earlier confirmed one where there is one ("20 confirmed deaths" -> "66
    deaths, confirmed"), a suspected one likewise; a confirmed count below an earlier suspected or unqualified one
    is a narrower count, not a fall, and a later floor below an earlier figure ("4.9m" -> "more than 4m") says
    less, not otherwise. Reports of the same day are not ordered, so never paired."""
    series: dict[tuple, list[dict]] = {}
    for r in reports:
        series.setdefault((r["measure"], r["subject"]), []).append(r)
    for (measure, subject), rs in series.items():
        chosen: list[dict] = []
        for r in _one_per_article(rs):
            # the latest reports are the ones an update answers; a bounded look-back keeps a story of thousands of
            # reports linear
            earlier = [p for p in chosen[-LOOK_BACK:] if p["date"] < r["date"] and
                       max(p["value"], r["value"]) <= MAX_RATIO * max(min(p["value"], r["value"]), 1e-9)]
            chosen.append(r)
            if r["status"]:
                earlier = [p for p in earlier if p["status"] == r["status"]] or earlier
            if not earlier:
                continue
            last = max(p["date"] for p in earlier)
            group = [p for p in earlier if p["date"] == last]
            if any(_same_value(p["value"], r["value"], bool(p["hedge"] or r["hedge"])) for p in group):
                continue
            p = group[0]
            if r["value"] < p["value"] and (p["status"] != r["status"] or r["hedge"] == "floor"):
                continue
            place = r["place"] or p["place"]
            what = measure + (f" in {place}" if place else "")
            yield "update", what, {**p["side"], "value": p["words"]}, {**r["side"], "value": r["words"]}


# Two figures of one measure in one article that differ tenfold are two things (this spill and a record one it
# is compared with): the one that continues the story's series is its report.
APART = 10


def _one_per_article(rs: list[dict]) -> list[dict]:
    """Each article's report of a series, in order of publication: its firmest figure, unless another of its
    figures continues the series where that one is tenfold off the article before."""
    by_article: dict[str, list[dict]] = {}
    for r in sorted(rs, key=lambda r: (r["date"], r["article"], r["rank"])):
        by_article.setdefault(r["article"], []).append(r)
    out: list[dict] = []
    for cands in by_article.values():
        pick = cands[0]
        if out and len(cands) > 1:
            prev = out[-1]["value"] or 1e-9

            def off(r):
                return max(r["value"], prev) / max(min(r["value"], prev), 1e-9)
            if off(pick) > APART:
                pick = min(cands, key=off) if off(min(cands, key=off)) <= APART else pick
        out.append(pick)
    return out


def story_figures(story_articles: dict[str, list[str]], articles: list[Article], reading: dict | None,
                  events: list[Event], claims: list[Claim], entities: list[Entity]) -> dict[str, list[dict]]:
    """The figures of every story's reports, each with the side that cites it: the claim that states it, else an
    event reported in its sentence, else the sentence itself. ``rank`` orders an article's figures of one measure,
    firmest first: a count or an estimate before a bound ("20 confirmed deaths" before "up to 60"), the body
    before a headline, a figure of its own before the whole a part is told against ("500 in Scotland, out of
    1,261 in the UK"), then in the text's order."""
    place_ids = _place_ids(entities)
    by_id = {a.id: a for a in articles}
    claims_in: dict[str, list[Claim]] = {}
    for c in claims:
        claims_in.setdefault(c.article, []).append(c)
    sources_in: dict[str, list[tuple]] = {}
    for e in events:
        if _factual(e):
            for s in e.sources:
                sources_in.setdefault(s.article, []).append((e, s))
    out: dict[str, list[dict]] = {}
    for story, aids in story_articles.items():
        for aid in aids:
            a = by_id.get(aid)
            if a is None or not a.published or a.status != "ingested":
                continue
            if reading and aid in reading:
                spans = [(s, e, kind) for s, e, kind in reading[aid][0]]
            else:
                spans = sorted({(c.start, c.end, "body") for c in claims_in.get(aid, [])} |
                               {(s.start, s.end, "body") for _, s in sources_in.get(aid, [])})
            for start, end, kind in spans:
                text = a.text[start:end]
                for f in figures(text, place_ids, a.published[:4]):
                    at = start + f["offset"]
                    side = _carrier(at, aid, start, end, text, claims_in.get(aid, []), sources_in.get(aid, []))
                    rank = (f["hedge"] in ("floor", "ceiling"), kind == "heading", f["whole"], at)
                    out.setdefault(story, []).append({**f, "date": a.published, "article": aid, "offset": at,
                                                      "rank": rank, "side": side})
    return out


def _carrier(at: int, aid: str, start: int, end: int, text: str, cls: list[Claim], srcs: list[tuple]) -> dict:
    claim = min((c for c in cls if c.start <= at < c.end), key=lambda c: c.end - c.start, default=None)
    if claim is not None:
        return _side("claim", claim, None)
    ev = min(((e, s) for e, s in srcs if s.start <= at < s.end), key=lambda x: x[1].end - x[1].start, default=None)
    if ev is not None:
        return _side("event", ev[0], None, ev[1])
    return {"ref": f"{aid}:{start}-{end}", "ref_kind": "sentence", "article": aid, "start": start, "end": end,
            "text": text, "value": None}


# "The spill is estimated at more than 4 million barrels, not 4 million gallons": a report that puts a figure
# right, where the wrong figure stands in another sentence of the same article (a correction's usual place).
_CORRECTED = re.compile(r"(?i),\s+not\s+(?:the\s+)?(?P<fig>(?:\$|£|€)?\s?\d[\d,.]*(?:\s?(?:thousand|million|billion|"
                        r"bn|m)\b)?\s+[a-z]+)")
_FIRST_NUMBER = re.compile(r"(?i)(?:(?:more than|over|at least|about|some|nearly|almost|up to)\s+)?(?:\$|£|€)?\s?\d")


def corrections(aids: list[str], articles: list[Article], reading: dict | None, events: list[Event],
                claims: list[Claim]):
    """A figure an article states and corrects ("..., not 4 million gallons"): the sentence giving the wrong figure
    -> the correcting sentence. A correction names the wrong figure in the words it was printed in, so the match
    is on those words, in the article's other sentences only."""
    by_id = {a.id: a for a in articles}
    for aid in aids:
        a = by_id.get(aid)
        if a is None or not reading or aid not in reading:
            continue
        spans = reading[aid][0]
        for start, end, _ in spans:
            text = a.text[start:end]
            m = _CORRECTED.search(text)
            if not m:
                continue
            wrong = re.compile(r"(?i)(?<![\w.,$£€])" + re.escape(m.group("fig").strip()) + r"\b")
            stated = next(((s2, e2, x) for s2, e2, _ in spans if s2 != start
                           for x in [wrong.search(a.text[s2:e2])] if x), None)
            if stated is None:
                continue
            s2, e2, x = stated
            head = _FIRST_NUMBER.search(text[:m.start()][-90:])
            value = text[:m.start()][-90:][head.start():].strip() if head else m.group(0)
            cls = [c for c in claims if c.article == aid]
            srcs = [(e, src) for e in events if _factual(e) for src in e.sources if src.article == aid]
            a_side = _carrier(s2 + x.start(), aid, s2, e2, a.text[s2:e2], cls, srcs)
            b_side = _carrier(start + m.start("fig"), aid, start, end, text, cls, srcs)
            yield "update", "correction", {**a_side, "value": x.group(0)}, {**b_side, "value": value}
