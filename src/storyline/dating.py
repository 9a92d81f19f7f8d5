"""Event dating: which time expression, if any, governs a clause's predicate.

A clause is dated by a time expression of its own (inside its tokens, other clause heads' subtrees excluded), and
only by one that is about the predicate itself:
- not one that places another event relative to it ("days after Russia's invasion on Feb. 24, 2022", "since
  2018", "before the vote on Friday"): the event is not *at* that time;
- a reporting verb keeps its own date ("a US official said on Wednesday"): the reported clause is a separate
  clause and does not inherit it.
A clause with no date of its own takes none, except one coordinated with a later clause that shares its subject
and carries the date at the end ("surrendered by Chad and brought to The Hague in March 2022"): English puts
such a date after the last conjunct and it scopes over them all; a participial adjunct with no subject ("...
on March 3, killing 14") and a main clause dated only by its "when"-clause take the date of the clause they are tied
to. The inheritance is written in date_how.
Seasons, quarters, references and durations give no calendar point and date nothing; a week dates its month when
it lies inside one.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from . import timex as timex_mod
from .ingest.pubdate import MONTHS, WEEKDAYS
from .timex import Timex, granularity

# Prepositions that put the event before/after/since the time named, not at it.
RELATIVE_PREPS = {"after", "before", "since", "until", "till", "following", "prior", "ahead", "than", "within"}


def _root(tokens: list):
    """The token of a time expression whose head lies outside it (the expression's syntactic root)."""
    ids = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return tokens[0]


def _governs(tx_tokens: list, head, heads: set) -> tuple[bool, str | None]:
    """Whether the expression attaches to ``head``'s predicate as a point in time, and if not, why."""
    # spaCy makes a new Token object on each access: compare by index, never by identity.
    t = _root(tx_tokens)
    n = _dated_noun(t)
    if n is not None and n.i != head.i and _names_happening(n) and _ongoing(head):
        return False, f"'{t.text}' is the date of the happening '{n.text}', not of the predicate"
    depth = 0
    prep = t.doc[t.i - 1] if t.i > 0 else None
    if t.dep_ == "compound" and prep is not None and prep.dep_ == "prep" and prep.lower_ in ("on", "in") and \
            not any(c.dep_ == "pobj" for c in prep.children):
        # "On Saturday Foreign Minister Ada Marsh criticised ...": with no comma the parser takes the day into the
        # name after it and leaves "On" without its object; the phrase is the predicate's time.
        t, depth = prep, 1
    elif t.dep_ in ("compound", "poss", "nmod", "amod", "nummod") and t.head.pos_ in ("NOUN", "PROPN"):
        # "the November report was discussed": the date of a thing named; "won in Sunday's run-off": the
        # predicate happened in that dated event, so the date is the predicate's too.
        n = t.head
        if not (n.dep_ == "pobj" and n.head.lower_ in ("in", "at", "during", "on")):
            return False, f"'{t.text}' names the time of '{n.text}', not of the predicate"
        t, depth = n, 1
    while t.i != head.i and t.head.i != t.i:
        t = t.head
        depth += 1
        if t.i == head.i:
            break
        if t.lower_ in RELATIVE_PREPS:
            return False, f"'{t.text}' relates the event to that time; it is not the event's date"
        if t.i in heads:
            return False, None
    return depth, None


def _dated_noun(t):
    """The noun a date in "on 20 April" / "in May" directly follows ("the disaster on 20 April"), or None. The
    parser hangs such a phrase on the verb as often as on the noun, so the text's order decides."""
    if t.dep_ != "pobj" or t.head.lower_ not in ("on", "in") or t.head.i == 0:
        return None
    prev = t.doc[t.head.i - 1]
    return prev if prev.pos_ == "NOUN" else None


def _ongoing(head) -> bool:
    """A clause told as going on or still true ("is investigating", "has examined"), which no past day dates; a
    past verb may well be of that day ("issued a warrant for his arrest on June 13")."""
    from .events import tense
    return tense(head) in ("present", "progressive", "perfect")


def _names_happening(n) -> bool:
    """"is investigating the cause of the disaster on 20 April": the date belongs to the happening the noun names
    (its own event), not to the ongoing clause that refers to it. A verb that
    happened *in* that happening shares its day ("killed in the earthquake on 12 January") and keeps it."""
    from .events import event_nouns
    if n.lemma_.lower() not in event_nouns():
        return False
    return not (n.dep_ == "pobj" and n.head.lower_ in ("in", "at", "during", "on"))


def clause_dates(doc, heads: list, clauses: dict, timexes: list[Timex]) -> dict[int, tuple[str, str]]:
    """{clause head index: (value, how)} for the clauses of one sentence that the text dates."""
    head_set = {h.i for h in heads}
    dated: dict[int, tuple[str, str]] = {}
    for h in heads:
        clause = clauses[h.i]
        c0, c1 = clause[0].idx, clause[-1].idx + len(clause[-1])
        cands = []
        for t in timexes:
            value = _calendar_value(t)
            if not value or not (c0 <= t.start and t.end <= c1):
                continue
            toks = [tok for tok in clause if t.start <= tok.idx < t.end]
            if not toks:
                continue
            depth, _why = _governs(toks, h, head_set)
            if depth is not False:
                cands.append((depth, -len(value), value, t))
        if cands:
            # The expression attached closest to the predicate wins; then the most precise one.
            _d, _n, value, t = min(cands, key=lambda c: c[:2])
            # ... unless it counts from another date of the same clause ("had arrived on 4 April and developed
            # symptoms four days later", with "later" hung on "arrived"): the count dates what came after.
            counted = _COUNTED_FROM.match(t.how)
            anchor = next((c for c in cands if counted and c[2] == counted.group(1)), None)
            if anchor is not None:
                _d, _n, value, t = anchor
            dated[h.i] = (value, f"{t.how} ('{t.text}')")
    # A date after the last of coordinated predicates with one subject covers the earlier ones.
    for h in heads:
        if h.i in dated:
            continue
        for c in _later_conjuncts(h):
            if c.i in dated and not any(k.dep_ in ("nsubj", "nsubjpass") for k in c.children):
                v, how = dated[c.i]
                dated[h.i] = (v, f"shared with the coordinated clause '{c.text}' that carries it: {how}")
                break
    _measured_clauses(heads, dated, timexes)
    _borrow_from_linked_clauses(heads, dated)
    _past_of_the_governor(heads, dated)
    _harm_of_a_dated_happening(heads, dated, timexes)
    return dated


_BACK = re.compile(r"(?i)\b(?:yesterday|last night)\b")
# timex's narrative count: "narrative: 4 day(s) after 2009-04-04 given in the text".
_COUNTED_FROM = re.compile(r"narrative: \d+ \w+\(s\) (?:after|before) (\S+) given in the text")


def _past_of_the_governor(heads: list, dated: dict) -> None:
    """'The mayor introduced her plan to rebuild the harbour yesterday': the parser hangs "yesterday" on the
    infinitive, but a plan to rebuild is not done yesterday; what the past verb that governs it tells is. An
    infinitive dated only by "yesterday" or "last night" lends that day to the undated past verb above it (through
    the noun it completes, "her plan to", or directly, "agreed to pay"); the infinitive keeps it too. A future or a
    weekday is left alone: "planned to visit on Friday" does not say when the planning was."""
    for h in heads:
        if h.i not in dated or h.tag_ != "VB" or h.dep_ not in ("acl", "xcomp") or \
                not any(c.dep_ == "aux" and c.lower_ == "to" for c in h.children) or not _BACK.search(dated[h.i][1]):
            continue
        gov = h.head if h.dep_ == "xcomp" else h.head.head
        if gov.i != h.i and gov.tag_ == "VBD" and gov.i not in dated and any(g.i == gov.i for g in heads):
            v, how = dated[h.i]
            dated[gov.i] = (v, f"the day of the infinitive it governs, '{h.text}': {how}")


def _modifies(t, n) -> bool:
    """Whether a date token modifies the noun ``n`` directly: "the April 20 (well) blowout", "the blowout on
    April 20" (through compounds and an "on"/"in" phrase, not through a verb or another preposition)."""
    for _ in range(4):
        if t.dep_ in ("compound", "nmod", "amod", "nummod", "npadvmod"):
            t = t.head
        elif t.dep_ == "pobj" and t.head.lower_ in ("on", "in"):
            t = t.head.head
        else:
            return False
        if t.i == n.i:
            return True
        if t.dep_ != "compound":
            return False
    return False


def antecedent(relcl):
    """The noun a relative clause is about. The parser hangs the clause on the nearest noun, which is the date in
    "the disaster on 20 April, which killed 11 people": then the clause is about the noun the date modifies."""
    n = relcl.head
    if n.ent_type_ in ("DATE", "TIME"):
        # "a quake, Haiti's worst in two centuries, which struck ...": a span of time set off by commas is no
        # antecedent; the clause is about the noun before the apposition's comma
        comma = next((t for t in reversed(relcl.doc[relcl.sent.start:n.i]) if t.text == ","), None)
        before = relcl.doc[comma.i - 1] if comma is not None and comma.i > relcl.sent.start and not any(
            t.pos_ in ("VERB", "AUX") for t in relcl.doc[comma.i:n.i]) else None
        return _dated_noun(n) or (before if before is not None and before.pos_ in ("NOUN", "PROPN") and
                                  before.ent_type_ not in ("DATE", "TIME") else n)
    # "a warrant for the prosecutor who in March prepared ...": the parser may hang a "who" clause on the head of
    # the phrase; "who" is about the noun right before it (or before its comma), which names a person.
    who = next((c for c in relcl.children if c.lower_ in ("who", "whom") and c.i < relcl.i), None)
    if who is not None and who.i > 0:
        prev = relcl.doc[who.i - 1]
        if prev.text == "," and who.i > 1:
            prev = relcl.doc[who.i - 2]
        if prev.pos_ in ("NOUN", "PROPN") and prev.i != n.i and prev.i > n.i:
            return prev
    return n


# Verbs of the immediate harm a happening does: its deaths and damage are of its day.
HARM = {"kill", "injure", "wound", "destroy", "damage", "flatten", "displace", "leave", "sink", "flood"}


def _harm_of_a_dated_happening(heads: list, dated: dict, timexes: list[Timex]) -> None:
    """"The April 20 blowout killed 11 workers", "the March 11 earthquake, which destroyed 500 homes": the date
    names the happening that is the subject, and the harm it did is of that day. Only verbs of immediate harm:
    "the 2010 spill cost BP $60bn" or "the March report angered ministers" are not of the subject's day."""
    for h in heads:
        if h.i in dated or h.lemma_.lower() not in HARM:
            continue
        n = antecedent(h) if h.dep_ == "relcl" else next((c for c in h.children if c.dep_ == "nsubj"), None)
        if n is None or n.pos_ != "NOUN":
            continue
        for t in timexes:
            value = _calendar_value(t)
            toks = [k for k in h.doc if t.start <= k.idx < t.end] if value else []
            if not toks:
                continue
            root = _root(toks)
            dn = _dated_noun(root)
            if _modifies(root, n) or dn is not None and dn.i == n.i:
                dated[h.i] = (value, f"the harm done by '{n.text}', which the text dates: {t.how} ('{t.text}')")
                break


# A subordinate clause that says *why* or *how far from* the time is no point in it ("after killing", "since").
_NOT_AT = RELATIVE_PREPS | {"by", "without", "despite", "instead", "besides"}


def _borrow_from_linked_clauses(heads: list, dated: dict) -> None:
    """Clause links that English uses to put a clause at another's time, without repeating the date:
    - a participial adjunct with no subject of its own happens with its main clause ("The ferry capsized on
      March 3, killing 14 passengers and injuring dozens": the deaths are of March 3, and so is "injuring"), and
      one set before it dates it ("Speaking on Monday, the mayor praised ...": one act);
    - a main clause with no date of its own happens when its "when"-clause does ("Nine miners died when the shaft
      collapsed on June 2").
    Only these: an adjunct led by "after", "since", "before"... is at another time, and a relative clause
    ("the rig, which had passed an inspection in March,") is about its noun, not the main clause's moment."""
    for h in heads:    # token order: a participle is dated before the participles coordinated with it
        if h.i in dated:
            continue
        participle = h.tag_ == "VBG" and (h.dep_ == "advcl" or
                                          h.dep_ == "conj" and h.head.tag_ == "VBG" and h.head.dep_ == "advcl")
        if participle and h.head.i in dated and \
                not any(c.dep_ in ("nsubj", "nsubjpass", "mark", "aux") or c.lower_ in _NOT_AT for c in h.children):
            v, how = dated[h.head.i]
            dated[h.i] = (v, f"the participle happens with the clause it follows, '{h.head.text}': {how}")
    for h in heads:
        if h.i in dated:
            continue
        for c in h.children:
            if c.dep_ == "advcl" and c.i in dated and any(k.lower_ == "when" and k.dep_ in ("advmod", "mark")
                                                          for k in c.children):
                v, how = dated[c.i]
                dated[h.i] = (v, f"it happened when '{c.text}' did: {how}")
                break
            # "Speaking on television on Monday evening, the president praised ...": a participle set before
            # the main clause, with no subject of its own, is the same act at the same time
            if c.dep_ == "advcl" and c.i in dated and c.tag_ == "VBG" and c.i < h.i and \
                    not any(k.dep_ in ("nsubj", "nsubjpass", "mark", "aux") or k.lower_ in _NOT_AT
                            for k in c.children):
                v, how = dated[c.i]
                dated[h.i] = (v, f"the participle before it, '{c.text}', is the same act: {how}")
                break


_UNIT_DAYS = {"day": 1, "days": 1, "week": 7, "weeks": 7}


def _measured_clauses(heads: list, dated: dict, timexes: list[Timex]) -> None:
    """ "said on Friday, a day after the agency declared a pandemic", "reopened on Thursday, two weeks before the
    ministry ordered it closed": a clause measured in days or weeks after or before its governor is that far from
    the governor's day, the other way round. The governor (often a verb of saying, no event itself) must be dated
    to the day by the text, and the measure must give a count."""
    head_set = {h.i for h in heads}
    for h in heads:
        if h.i in dated or h.dep_ != "advcl":
            continue
        mark = next((k for k in h.children if k.dep_ == "mark" and k.lower_ in ("after", "before")), None)
        unit = next((k for k in h.children if k.dep_ == "npadvmod" and k.lower_ in _UNIT_DAYS), None)
        count = unit is not None and next((timex_mod._num(k.lower_) for k in unit.children
                                           if k.dep_ in ("det", "nummod")), None)
        if mark is None or not count:
            continue
        gov = h.head
        got = dated.get(gov.i)
        if got is None:
            s0 = gov.sent.start_char
            for t in timexes:
                v = _calendar_value(t)
                toks = [k for k in gov.sent if t.start <= k.idx < t.end]
                if v and s0 <= t.start and toks and _governs(toks, gov, head_set - {gov.i})[0] is not False:
                    got = (v, f"{t.how} ('{t.text}')")
                    break
        if got is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", got[0]):
            continue
        days = count * _UNIT_DAYS[unit.lower_] * (-1 if mark.lower_ == "after" else 1)
        day = (date.fromisoformat(got[0]) + timedelta(days=days)).isoformat()
        dated[h.i] = (day, f"{unit.text} {mark.text} the day of '{gov.text}' ({got[0]}: {got[1]})")


def _calendar_value(t: Timex) -> str | None:
    """A calendar point at day, month or year granularity; a part of day ("Friday evening") dates its day; a week
    or weekend that lies inside one month ("last week" in a report of April 29: April 19-25) dates its month, the
    most the timeline's dates can say of it (a week across two months dates nothing)."""
    if t.type == "DATE" and granularity(t.value):
        return t.value
    if t.type == "DATE" and t.value and (m := re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", t.value)):
        try:
            first = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 6 if m.group(3) else 1)
        except ValueError:
            return None
        last = first + timedelta(days=1 if m.group(3) else 6)
        return f"{first.year}-{first.month:02d}" if (first.year, first.month) == (last.year, last.month) else None
    if t.type == "TIME" and t.value and granularity(t.value.split("T")[0]) == "day":
        return t.value.split("T")[0]
    return None


def _later_conjuncts(h) -> list:
    out, stack = [], [c for c in h.children if c.dep_ == "conj" and c.i > h.i]
    while stack:
        c = stack.pop(0)
        out.append(c)
        stack += [k for k in c.children if k.dep_ == "conj"]
    return out[::-1]   # the last conjunct first: that is where the shared date sits


# Words just before a time that put it after the act they modify, where the parser may not hang the time under them.
_AHEAD = re.compile(r"(?i)(?:\buntil\s+(?:at\s+least|at\s+the\s+earliest)\s+|"
                    r"\bahead\s+of\b[^.;:!?]{0,70}?\s(?:on|at|in)\s+|"
                    # "landfall that could come as early as Friday": the earliest of times still possible
                    r"\b(?:could|may|might)\s+(?:[\w-]+\s+){1,3}as\s+(?:early|soon)\s+as\s+)$")


_WEEKDAY3 = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"}


def future_of(doc):
    """Tense of the clause that governs a character offset, from the parse: True (future), False (past) or None
    (the evidence is split or absent, so the caller takes the nearest reading); ``timex.LATER`` for a future told
    under a past verb (ahead of the saying), ``timex.NAME`` for a word of a person's name (no time at all).

    Climbing from the expression: "since" above it -> past ("since the April 20 rig blast"); "ahead of", "until" ->
    future; the first verb decides (will/shall/would/should, a plan verb, "is set/due/scheduled", a scheduled present
    such as "starts on Monday" -> future; a past form -> past). A verb reached only through a noun the expression
    dates ("a hearing on June 17 that will focus", "its explosion, on 20 April, will not testify") says when the
    clause happens, not when that thing did: split evidence, so None (a past clause keeps the thing past). With no verb above it, timex's clause-level
    cue rules decide."""
    # Verbs that news writes in the present for a scheduled future event ("They travel to X on Saturday").
    sched = {"start", "begin", "open", "reopen", "close", "take", "resume", "end", "expect", "run", "return", "last",
             "travel", "play", "face", "host", "meet", "visit", "arrive", "leave", "fly", "sit", "vote", "kick"}

    text = doc.text   # Doc.text re-joins every token on each access: read it once per article
    # Words of a person's name of two words or more ("Hannah August", "April Ryan"): the model reads the whole
    # name, which a pattern for months cannot.
    # Not a stamp the model took for a name ("Thu Jun 10, 2010": a weekday in it, a number after it).
    in_name = {t.i for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 and
               not any(w.lower_.rstrip(".")[:3] in _WEEKDAY3 for w in e) and
               not (e.end < len(doc) and doc[e.end].like_num) for t in e}

    def fut(offset: int) -> bool | str | None:
        span = doc.char_span(offset, offset + 1, alignment_mode="expand")
        if span is None:
            return False
        tok = span[0]
        if tok.i in in_name:
            return timex_mod.NAME
        if tok.i > 0 and doc[tok.i - 1].lower_ == "since":
            return False
        if _when_will(tok):
            return True     # "BP reports its results on 27 July, when it will announce its payout": the day of a
            #                 thing that will happen then lies ahead
        if _deadline_day(tok):
            return None     # "have given the company a Jan. 1 deadline": a deadline lies ahead of its setting, and
            #                 may have passed since, so the nearer reading (not one missed or met: below)
        first = tok.head
        if tok.dep_ == "conj" and first.i < tok.i and _is_time_word(first) and first.lower_ not in _TIME_WORDS:
            return fut(first.idx)   # "an estimate come Thursday or Friday": one reading for the pair
        through_noun, lean, by_only = False, None, False
        # "closed until at least Thursday", "ahead of their hearing with him on Thursday": the parser often hangs
        # the day beside these words rather than under them
        if _AHEAD.search(text, max(0, offset - 90), offset):
            lean = True
        # A month with no day beside it ("in September", not "September 3" or "3 September").
        bare_month = tok.text[:1].isupper() and tok.lower_.rstrip(".")[:3] in MONTHS and \
            not (tok.i + 1 < len(doc) and doc[tok.i + 1].like_num) and not (tok.i > 0 and doc[tok.i - 1].like_num)
        if re.search(r"\bcome\s+$", text[max(0, offset - 6):offset]):
            return True     # "come the autumn": the subjunctive of a time still to come
        season = doc[tok.i + 1] if tok.lower_ == "the" and tok.i + 1 < len(doc) else tok
        if season.lower_ not in _SEASONS:
            season = None
        named_by = season if season is not None else tok
        thing = named_by.head
        # "the June European elections": the parser may hang the month on the adjective before the noun
        modified = thing.pos_ in ("NOUN", "PROPN") or \
            thing.pos_ == "ADJ" and thing.dep_ == "amod" and thing.head.pos_ in ("NOUN", "PROPN")
        while thing.dep_ in ("compound", "amod") and thing.head is not thing and \
                (thing.dep_ == "compound" or thing.pos_ == "ADJ"):
            thing = thing.head      # "the winter flu season": a time ("season"), not a thing
        # "in his June 15 speech": a month with its day, naming a thing as a bare month does
        day_named = tok.text[:1].isupper() and tok.lower_.rstrip(".")[:3] in MONTHS and \
            any(c.like_num and c.dep_ == "nummod" for c in tok.children)
        if day_named and tok.dep_ in ("compound", "nmod", "amod", "poss") and tok.head.pos_ in ("NOUN", "PROPN") and \
                not _is_time_word(tok.head):
            through_noun = True     # the thing's day: a past clause keeps it past, a coming one leaves it open
        if (bare_month or tok.lower_ in WEEKDAYS or tok.lower_ in _SEASONAL_DAYS or season is not None) and \
                named_by.dep_ in ("compound", "nmod", "amod", "poss") and \
                modified and not _is_time_word(thing):
            if thing.lemma_.lower() in _UNFORESEEN:
                return False    # "victims of Tuesday's earthquake": nobody names a quake to come by its day
            if _there_will_be(thing):
                return True     # "Will there be a winter wave of infections?": what will exist lies ahead
            if _told_as_done(thing):
                return False    # "the February tests were conducted on ...", "a February analysis sent to BP"
            if thing.dep_ == "pobj" and thing.head.lower_ in ("until", "till") and \
                    not any(a.tag_ in ("VBD", "VBN") for a in thing.ancestors):
                return True     # "a caretaker government running the country until the fall elections": what
                #                 lasts until a named thing comes before it, so the thing lies ahead
            if thing.dep_ == "pobj" and thing.head.lower_ in ("until", "till", "before") and \
                    thing.head.head.pos_ in ("VERB", "AUX") and any(
                        c.dep_ == "aux" and c.lower_ in ("would", "will", "'ll", "'d")
                        for c in thing.head.head.children):
                # "said he would wait until the September elections", "would not step down before September
                # elections": what someone will wait for lay ahead of the saying; a month still does, a day may be
                # past by now
                return True if bare_month or season is not None else timex_mod.LATER
            return None     # a month, day or season naming a thing ("the November elections", "Friday's protests",
            #                 "after Friday prayers", "the autumn flu vaccine"): past or coming alike, so the nearer
            #                 reading
        if _after_a_happening(tok) or _of_a_thing(tok):
            through_noun = True
        below, via_participle = tok, False
        for t in tok.ancestors:
            child, below = below, t     # the token on the path just under t
            if t.lower_ == "since" and t.dep_ in ("prep", "mark"):
                return False
            if t.lower_ in ("after", "following") and t.dep_ == "prep" and child.dep_ == "pobj" and \
                    child.pos_ in ("NOUN", "PROPN") and not _is_time_word(child):
                through_noun = True     # "would prevent it after the blow-out at its well in April": the date of
                #                         the happening the act is counted from, which the act's tense leaves open
            if t.lower_ == "for" and (t.head.lower_ in ("ready", "time", "prepare", "prepared", "preparing") or
                                      t.i > 1 and doc[t.i - 1].lower_ == "time" and doc[t.i - 2].lower_ == "in"):
                lean = True     # "ready for the autumn", "in time for Christmas": a purpose still ahead (the
                #                 parser may hang "for" on the verb: "expected it to be disbursed in time for")
            if t.dep_ == "prep" and t.lower_ in ("about", "of", "for") and child.dep_ == "pcomp" and \
                    child.tag_ == "VBG" and t.head.lemma_.lower() in _INTENT and lean is None:
                lean = True     # "There is talk among protesters about staging a big demonstration on Friday": what
                #                 is talked of or planned lies ahead of the talk
            if t.lower_ == "for" and t.head.lemma_.lower() in ("preparation", "anticipation", "readiness"):
                # "a paper released earlier this month in preparation for the G-20 summit in April": what is prepared
                # for comes after the preparing; a month is then ahead, a day may be past by now
                return True if bare_month or season is not None else None
            if t.lower_ == "to" and t.dep_ == "prep" and lean is None and \
                    any(a.lemma_ in _MOVED and a.pos_ == "VERB" for a in list(t.ancestors)[:6]):
                lean = True     # "postponed to March", "pushing back the attempt to seal it by cutting the valve to
                #                 late August" (the parser hangs the date on the nearer verb): a new date
            if t.lower_ == "by" and t.dep_ == "agent" and lean is None:
                lean, by_only = True, True  # "to be sealed by mid-August": the parser takes the deadline for the
                #                             passive's doer; no doer is a date
            if t.lower_ in ("ahead", "until", "till", "through", "by", "towards", "toward") and \
                    t.dep_ in ("prep", "advmod") and lean is None and child.dep_ != "pcomp":    # not "by cycling"
                lean = True     # "ahead of a November election", "not until September": unless a past verb says
                by_only = t.lower_ == "by"
            if t.lower_ == "before" and t.dep_ == "prep" and t.i == named_by.head.i and lean is None and \
                    (season is not None or bare_month) and not any(
                        a.tag_ == "VBD" or a.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") and c.lower_ in (
                            "was", "were", "had", "has", "have") for c in a.children) for a in t.ancestors):
                lean = True     # "the stepping-up of vaccine production before the autumn": what is to be done
                #                 before a season or month lies ahead of it, unless a past verb is above it ("sold
                #                 the unit before the autumn")
            # A noun inside a prepositional phrase of the verb ("return in a virulent form in the winter") is
            # where the parser hung the time, not a thing it dates.
            if t.pos_ in ("NOUN", "PROPN") and t.dep_ not in ("npadvmod", "pobj") and not _is_time_word(t):
                through_noun = True
            if t.pos_ not in ("VERB", "AUX"):
                continue
            aux = {c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass")}
            if t.tag_ in ("VBD", "VBN") and t.dep_ == "advcl" and not aux and t.head.pos_ in ("VERB", "AUX") and \
                    t.lower_.endswith("ed") and t.head.i < t.i and \
                    not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in t.children):
                continue    # "will meet Obama at the White House on Wednesday prepared to offer concessions": a
                #             participle with no subject of its own describes the subject of the verb before it,
                #             whose tense it has (the parser hangs the day on the participle)
            if t.tag_ == "VBN" and t.dep_ in ("acomp", "oprd") and not aux:
                continue    # "will continue unabated until August", "stay closed until May": an adjective; the
                #             verb it completes has the tense
            passive_pair = t.tag_ == "VBD" and t.head.tag_ == "VBN" and \
                any(c.dep_ == "auxpass" for c in t.head.children)   # "would be deployed ... and hooked up": the
            #                                                           tagger's VBD for a shared participle
            if not aux and t.dep_ == "conj" and (t.tag_ in ("VB", "VBN") or passive_pair) and \
                    t.head.pos_ in ("VERB", "AUX") and t.i - t.head.i <= 10 and \
                    not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
                # "would be deployed by tomorrow and hooked up over the weekend": a conjunct shares its auxiliaries
                # (not a finite one: "will visit on Friday and met her on Thursday")
                aux = {c.lower_ for c in t.head.children if c.dep_ in ("aux", "auxpass")}
            verdict = None
            if t.lemma_ == "be" and t.tag_ == "VBD" and \
                    any(c.dep_ == "acomp" and c.lower_ in _POSSIBLE for c in t.children):
                return None     # "said completion between 20 and 27 July was possible": a past judgement of what
                #                 may come, before or after publication alike, so the nearer reading
            if "'d" in aux and aux & {"have", "'ve"}:
                aux = aux | {"would"}   # "we'd have arrived on Saturday": "would have", not "had"
            if aux & {"will", "shall", "'ll", "wo"} or t.lower_ in ("will", "shall"):
                # "will" keeps its future under a past verb ("confirmed yesterday that it will be delayed until
                # Friday"): reported speech backshifts to "would" when the time is no longer ahead.
                if through_noun and child.dep_ in ("nsubj", "nsubjpass") and child.lemma_.lower() in _GATHERINGS:
                    return True     # "The beach concert on Sunday will also feature ...": a gathering that will
                    #                 do something has not happened yet
                return None if through_noun else True
            if aux & {"may", "might"} and "be" in aux and t.tag_ == "VBG":
                return None     # "a cool late spring may be helping keep it going": a guess about now, not ahead
            if "would" in aux or aux & {"should", "must", "may", "might", "can", "ca"} and not aux & {"have", "'ve"}:
                verdict = True      # not "could" alone: "On Thursday I could smell the oil" is past; not "should
                #                     have been aware ... as early as mid-November": a modal perfect looks back
            elif "could" in aux and not aux & {"have", "'ve", "not", "n't"} and \
                    (t.tag_ == "VB" or t.tag_ == "VBN" and "be" in aux) and \
                    (t.lemma_ not in _SENSED or t.lemma_ == "be" and
                     any(c.dep_ == "acomp" and c.lower_ in _READY | _POSSIBLE for c in t.children) or
                     t.lower_ == "done" and "be" in aux):   # "could be done by August": finished, as "ready"
                verdict = True      # "oil could reach the wildlife area Friday night", "a vaccine that could be ready
                #                     as early as July": a possibility ahead
            elif t.dep_ == "xcomp" and t.head.lemma_ in ("plan", "expect", "due", "schedule", "set", "intend", "aim",
                                                           "mean", "design"):
                verdict = True      # "the relief wells meant to stop the flow in August": a purpose lies ahead
            elif t.tag_ == "VB" and "to" in aux and t.dep_ in ("xcomp", "ccomp") and t.head.lemma_ in _COMMIT and \
                    t.lemma_ in sched | {"hold", "convene", "stage", "attend"}:
                verdict = True      # "The delegates agreed to hold a donors' conference in March": a gathering agreed,
                #                     promised or offered is still to come when it is (not a deal's act: "agreed to buy
                #                     the field in March" may date the agreement)
            elif t.tag_ == "VB" and "to" in aux and t.dep_ in ("ROOT", "ccomp", "advcl", "parataxis") and \
                    any(c.dep_ == "nsubj" and c.i < t.i for c in t.children) and \
                    not any(c.dep_ == "mark" for c in t.children):
                verdict = True      # a headline's "Haiti donors to meet in March": the infinitive with a subject of
                #                     its own and no finite verb is the headline's future
            elif t.tag_ == "VB" and "to" in aux and t.dep_ == "xcomp" and \
                    t.head.lower_ in ("likely", "unlikely", "poised", "bound", "certain", "sure", "about"):
                verdict = True      # "the virus was likely to cause an epidemic in the autumn": a forecast
            elif t.tag_ == "VB" and "to" in aux and t.dep_ == "xcomp" and t.head.lemma_ in _REQUESTS:
                # "told offices to stop work on Friday": what is asked is not done yet when asked; asked in the
                # past ("were told to attend the school over the weekend"), before or after publication alike
                head_aux = {c.lower_ for c in t.head.children if c.dep_ in ("aux", "auxpass")}
                if t.head.tag_ == "VBD" or head_aux & {"was", "were", "had"}:
                    return None
                verdict = True
            elif t.tag_ == "VB" and "to" in aux and t.dep_ in ("advcl", "relcl", "acl") and \
                    t.head.lemma_ not in _IMPLICATIVE and \
                    (t.head.tag_ not in ("VBD", "VBN") or t.head.lemma_ in _STATES):
                verdict = True      # a purpose of a state: "a plane standing by to fly supplies in on Saturday", "a
                #                     plan to close it on Friday" is not done yet when it is told (under a past verb,
                #                     the nearer reading: below); a past act's purpose ("went there to buy food on
                #                     Saturday") was done with it
            elif t.lower_ in ("set", "scheduled", "slated", "planned", "due", "expected") and \
                    aux & {"is", "are", "'s", "'re", "be", "remains", "remain"}:
                verdict = True      # "is slated for mid-August", "remains slated for ...": a plan's date ahead
            elif t.lower_ in ("scheduled", "slated", "planned", "due", "expected") and aux & {"was", "were"} and \
                    not aux & {"had", "'d", "been"} and t.dep_ in ("ccomp", "conj") and \
                    t.head.lemma_.lower() in _SAYS | {"confirm", "report"}:
                # "the source confirmed the filing was expected on Wednesday": a plan reported under a past verb
                # was still ahead when it was told; a month still is, a day may be past by now
                return True if bare_month or season is not None else timex_mod.LATER
            elif t.dep_ == "xcomp" and t.head.lemma_ == "be" and "to" in aux and \
                    not any(c.dep_ in ("prep", "acomp", "attr") for c in t.head.children):
                verdict = True      # "is to meet", "was to meet on Monday": an arrangement, still ahead when made
            elif t.tag_ in ("VBZ", "VBP") and t.lemma_ in sched and not via_participle and \
                    not _captioned(text, tok.sent):
                verdict = True
            elif t.tag_ == "VBG" and aux & _PROGRESSIVE_AUX and t.lemma_ in _AIM and not through_noun and \
                    tok.head.lower_ in ("at", "for", "to") and tok.head.head.i == t.i:
                return True     # "we're still looking at mid-August for completing the relief well", "are aiming
                #                 for June": a target being set now lies ahead
            elif t.tag_ == "VBG" and aux & _PROGRESSIVE_AUX and through_noun:
                return None     # "websites that are promoting a rally on Monday": the thing has its own day, the
                #                 activity now says nothing of it
            elif t.tag_ == "VBG" and aux & _PROGRESSIVE_AUX and not through_noun and \
                    (t.lemma_ in sched | {"approach", "come", "go", "head"} or
                     tok.lower_ in WEEKDAYS and tok.head.head.i == t.i and
                     (tok.head.i == tok.sent.start or doc[tok.head.i - 1].dep_ == "cc" and tok.head.i < t.i)):
                # an arrangement or an approach in the present progressive: "are meeting on Saturday", "is fast
                # approaching in June", and any act in it after a day that opens the sentence or a clause after
                # "but" or "and" ("On Friday, ShelterBox is chartering a 747", "but on Sunday it is preparing its
                # latest attempt"); not an activity under way ("is investigating the blast on 20 April")
                verdict = True
            elif lean and (t.tag_ == "VBD" or t.tag_ == "VBN" and aux & {"had", "'d"}) and t.lemma_ in _EXPECT:
                # "They expected 750 skimmers in action by August": what was expected lay ahead when it was said; a
                # month is still ahead, a day may be past (below)
                return True if bare_month or season is not None else None
            elif lean and by_only and t.tag_ == "VBD" and t.lemma_ in _SAYS and any(
                    c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in _AHEAD_AUX for a in c.children)
                    for c in t.children):
                return timex_mod.LATER   # "By Wednesday, Ogrydziak said they should have a machine on the beach":
                #                          a deadline set before the saying verb belongs to what was said, ahead
            elif lean and by_only and t.tag_ == "VBD" and t.lemma_ in _COMMIT:
                # "She pledged legislation by August": the deadline of what was promised lay ahead of the promise; a
                # month still does, a day may be past by now
                return True if bare_month or season is not None else timex_mod.LATER
            elif lean and by_only and (t.tag_ == "VBD" or aux & {"was", "were"}):
                verdict = False     # "knew by 20 April", "soared to 498 by the weekend": a past act's deadline
            elif lean and (t.tag_ == "VBD" or aux & {"was", "were"}) and not aux & {"had", "'d"} or \
                    lean and not by_only and t.tag_ == "VBN" and (aux & {"had", "'d"} or t.dep_ == "acl" and not aux):
                return None         # "came ahead of the hearing on Thursday", "was closed until Thursday", "I had
                #                     every day booked through July": after a past act, before or after publication
                #                     alike, so the nearer reading ("had sealed it by Friday" stays past: below)
            elif lean and t.tag_ == "VBN" and aux & {"have", "has", "'ve", "'s"}:
                return lean     # a present perfect speaks from now: "have become bolder ... but not until September"
            elif t.dep_ == "ccomp" and (t.head.lemma_ in _HOPE or t.head.lower_ in ("hoping", "hopes", "hoped")) and \
                    t.tag_ in ("VB", "VBZ", "VBP") and \
                    not aux & {"did", "had", "was", "were"} and _present(t.head):
                verdict = True      # "Buffett is hoping bad weather doesn't create problems this weekend": what is
                #                     hoped or feared now lies ahead
            elif t.tag_ == "VB" and "to" in aux and t.dep_ == "xcomp" and t.head.tag_ == "VBG" and \
                    t.head.lemma_ in _ATTEMPT and _in_progress(t.head) and \
                    not any(w.lower_ in ("after", "following", "since") for w in tok.ancestors if w.i > t.i):
                return True     # "he is still making phone calls trying to add acts for Sunday": an attempt under
                #                 way now (in the present, even under "said") is at something not yet done, and so
                #                 is the thing it is for
            elif t.tag_ in ("VBD", "VBN") and not aux and _hypothetical(t):
                verdict = True      # "would struggle if the river flooded in March": a past form, a coming March
            elif t.tag_ in ("VBN", "VBD") and t.dep_ in ("acl", "advcl") and not aux and t.lemma_ in _FORETOLD and \
                    (t.doc[t.left_edge.i].lower_ == "with" or
                     not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)):
                return None         # "another protest predicted again Friday": a forecast's day, after or before
                #                     publication alike (the nearer reading), not a past act's
            elif t.tag_ == "VBN" and t.dep_ == "acl" and not aux and t.lemma_ in ("plan", "schedule", "set", "slate") \
                    and not any(c.dep_ == "prt" and c.lower_ in ("out", "down", "forth", "off", "aside")
                                for c in t.children):
                # "a call planned for Friday": a plan's day, after or before publication alike (not "the
                # questions, set out in a letter on Sunday": written, done); a month of a plan ("elections
                # scheduled for September") lies ahead: a month-old plan would have been done or told as moved
                return True if (bare_month or season is not None) and tok.head.lower_ == "for" else None
            elif t.tag_ == "VBN" and aux & {"has", "have", "'ve"} and t.lemma_ in _ARRANGE and \
                    tok.head.lower_ == "for" and (tok.head.head.i == t.i or
                                                  tok.head.head.dep_ == "dobj" and tok.head.head.head.i == t.i):
                return True     # "has called a special meeting for Wednesday": what has just been arranged for a
                #                 day still lies ahead (a meeting held is told as held)
            elif t.tag_ == "VBD" and t.lemma_ in ("schedule", "slate", "reschedule"):
                return None         # "Obama scheduled his third visit to the Gulf on Friday": a schedule's day,
                #                     after or before publication alike (the nearer reading)
            elif (t.tag_ == "VBD" or t.tag_ == "VBG" and aux & {"was", "were"}) and t.lemma_ in _ARRANGE and \
                    tok.head.lower_ == "for" and (tok.head.head.i == t.i or
                                                  tok.head.head.dep_ == "dobj" and tok.head.head.head.i == t.i):
                return None         # "Protesters planned an anti-BP rally for Sunday", "said Monday they were
                #                     organizing a march ... for Tuesday": the day of the thing arranged, after or
                #                     before publication alike (the nearer reading)
            elif t.tag_ == "VBN" and t.dep_ in ("acl", "relcl") and "to" in aux and "be" in aux:
                return None         # "an interview to be broadcast on Sunday": still to come when it was arranged
            elif t.tag_ == "VBN" and aux and aux <= {"be", "to", "is", "are", "am", "'s", "'re", "being", "not", "n't"}:
                pass                # "to be known until the autumn", "to be held Friday": a passive, not a past
            elif t.tag_ in ("VBD", "VBN") or aux & {"did", "had", "was", "were"}:
                verdict = False
            if verdict is not None:
                # A future clause about a thing the date belongs to: the thing may well be past; a future under a
                # past verb ("said it expected to reach 60,000 people on Sunday") is future-in-the-past, before or
                # after publication. Split evidence either way.
                if verdict and through_noun:
                    return None
                if verdict and t.dep_ in ("acl", "relcl") and "to" in aux and t.head.pos_ == "NOUN" and \
                        any(a.tag_ == "VBD" for a in t.ancestors):
                    return None     # "the decision to suspend the dividend in June was ...": a past thing's act
                if verdict and any(a.tag_ == "VBD" or a.tag_ == "VBN" and any(
                        c.dep_ == "aux" and c.lower_ == "had" or a.lemma_ in _ARRANGED and
                        c.dep_ in ("aux", "auxpass") and c.lower_ in ("was", "were") for c in a.children)
                        for a in t.ancestors):
                    # and a past perfect or a past arrangement: "had been due to arrive on Friday", "was set to fly
                    # to Houston on 5 May"
                    # A month a past speaker put ahead ("told CNN he should be allowed a dignified exit in
                    # September") is still ahead: the speech is days old, a month (or a season) is far. A day is not.
                    return True if bare_month or season is not None or tok.lower_ in _SEASONAL_DAYS \
                        else timex_mod.LATER
                return verdict
            # a conjunct shares its clause's "if": "if flu spreads and becomes more severe in the winter"
            marks = list(t.children) + (list(t.head.children) if t.dep_ == "conj" else [])
            # a present passive too: "before a helpline is opened in the autumn"
            present = t.tag_ in ("VBZ", "VBP") or t.tag_ == "VBN" and bool(aux & {"is", "are", "am", "'s", "'re"}) \
                and not aux & {"was", "were", "has", "have", "had", "been"}
            if present and any(c.dep_ == "mark" and c.lower_ in ("until", "till", "when", "before",
                                                                                  "once", "unless", "if") or
                                                 c.dep_ == "advmod" and c.lower_ == "when" and t.dep_ == "advcl"
                                                 for c in marks):
                # English puts the future in the present here: "until his term expires in May", "something to show
                # investors when BP announces results on 27 July" (the parser makes that "when" an adverb)
                return True
            if t.tag_ in ("VBZ", "VBP") and t.lemma_ in ("approach", "come", "head", "near", "enter") and \
                    any(c.dep_ == "mark" and c.lower_ == "as" for c in t.children):
                return True     # "as we come to the flu season in the winter": a time being approached
            if t.tag_ in ("VBZ", "VBP") and lean is None and not through_noun:
                # a present with no plan in it ("the target remains mid-August"): nearer reading; a photo's
                # caption tells what the picture shows in the present, and a picture is of the past
                return False if _captioned(text, tok.sent) and not aux else None
            if t.tag_ == "VB" and t.dep_ == "xcomp" and t.head.lemma_ in _IMPLICATIVE:
                continue    # "failed to shut off the well after the blast on April 20": the act is the verb's
            if t.tag_ == "VB" and "to" in aux and t.dep_ == "xcomp" and t.head.lemma_ == "be" and \
                    any(c.dep_ == "acomp" and c.lower_ in _POSSIBLE | _READY for c in t.head.children):
                continue    # "it could be possible to stop the well between July 20 and July 27": the parser hangs
                #             the infinitive on "be"; "could be possible" has the tense
            if t.tag_ == "VB" and "to" in aux and t.dep_ == "xcomp" and t.head.pos_ == "ADJ" and \
                    t.head.dep_ in ("acomp", "xcomp"):
                continue    # "the school might be lucky to make it to March", "was able to reach it on Friday":
                #             the infinitive of an adjective has the tense of the verb the adjective completes
            if t.tag_ == "VB" and not aux and t.dep_ in ("xcomp", "ccomp") and t.head.tag_ == "VBD":
                continue    # "helped some banks endure through autumn": a bare infinitive has its host's tense
            if t.tag_ == "VB" and "to" in aux and t.dep_ in ("xcomp", "advcl") and lean is None and \
                    not through_noun and _present(t.head):
                s = tok.sent    # "Pressure is mounting on the company to clarify ... at its meeting on Tuesday": what
                #                 a present asks for or aims at is not done yet, a day before or after publication alike
                return True if timex_mod.clause_future(text, offset, offset + 1, s.start_char, s.end_char) else None
            if t.tag_ == "VBG" and not aux and (t.lemma_ in ("begin", "start") or
                                                t.dep_ in ("advcl", "pcomp", "xcomp", "csubj")) and \
                    not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
                # "to stop work beginning on Friday": when the act it hangs on starts, that act's time; "ignited a
                # fireball, killing 11 workers, until Thursday", "by intercepting the well to late August": a bare
                # participle has the tense of the clause it hangs on, a gerund that of the verb it is the subject of
                # ("passing Ixtoc just before the July Fourth weekend ... is bitter timing"); not a schedule's
                # present: "Stewart travels out, getting close to where the rig sank ... on the 22nd April"
                via_participle = True
                continue
            if t.tag_ == "VBG" and t.lemma_ in ("approach", "come", "head", "near", "enter") and \
                    (aux & _PROGRESSIVE_AUX or any(c.lower_ == "now" for c in t.children)):
                return True     # "countries now entering the summer months": a time being approached now
            if t.dep_ == "conj" and t.tag_ == "VB" and t.head.tag_ == "VB" and t.head.dep_ == "xcomp" and \
                    not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in t.children):
                continue    # "preparing to inject mud and possibly cement into its well on Tuesday": a bare conjunct
                #             of a verb's complement is read as that complement is (not of a purpose: "vessels work
                #             the area to contain the spill and do cleanup in June", a caption, stays as it was)
            if t.tag_ in ("VBZ", "VBP", "VBG", "VB"):
                break
        if lean is not None:
            return lean
        s = tok.sent
        ahead = timex_mod.clause_future(text, offset, offset + 1, s.start_char, s.end_char)
        return None if ahead and through_noun else ahead
    return fut


# Verbs that tell of a thing still to come, or one moved or called off: its month says nothing of the past.
_UNDONE = {"push", "delay", "postpone", "defer", "move", "extend", "reschedule", "bring", "put", "shift", "adjourn",
           "cancel", "call", "suspend", "schedule", "plan", "set", "slate", "announce", "expect", "propose",
           "intend", "anticipate", "forecast", "predict", "project", "due", "hope", "aim", "tip"}


# A photographer's credit after a caption: "(Patrick Semansky/Associated Press)", "-LRB- Ana Pell\/AP -RRB-".
_SLASH_CREDIT = re.compile(r"\s*(?:\(|-LRB-\s*)[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*\\?/"
                           r"\s*[\w.&'’ -]{2,40}?\s*(?:\)|-RRB-)")


def _captioned(text: str, sent) -> bool:
    """Whether a photographer's credit follows the sentence: the sentence is the photo's caption."""
    return _SLASH_CREDIT.match(text, sent.end_char) is not None


def _told_as_done(noun) -> bool:
    """The thing a month or day names is told as done: the subject of a past verb ("the February tests were
    conducted"), or described by a past participle that is no plan ("a February analysis sent to BP", not "the
    November vote planned by ...")."""
    verb = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass") and verb.pos_ in ("VERB", "AUX") and verb.lemma_ not in _UNDONE:
        aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        if (verb.tag_ == "VBD" and not aux) or aux & {"was", "were"} and verb.tag_ == "VBN":
            return True
    return any(c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_ not in _UNDONE and
               not any(g.dep_ in ("aux", "auxpass") for g in c.children) for c in noun.children)


def _there_will_be(noun) -> bool:
    """The noun is what a future existential says will be: "there will be a winter wave", "Will there be ...?"."""
    verb = noun.head
    return noun.dep_ in ("attr", "nsubj") and verb.lemma_ == "be" and \
        any(c.dep_ == "expl" for c in verb.children) and \
        any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for c in verb.children)


def _when_will(tok) -> bool:
    """The date is followed by ", when <subject> will ...": read from the words, since the parser hangs the "when"
    clause on the verb as often as on the date."""
    doc, j = tok.doc, tok.i + 1
    while j < len(doc) and j <= tok.i + 3 and (doc[j].like_num or doc[j].lower_.rstrip(".")[:3] in MONTHS):
        j += 1
    if not (j + 1 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ == "when"):
        return False
    for w in doc[j + 2:j + 6]:
        if w.lower_ in ("will", "'ll", "shall"):
            return True
        if w.is_punct or w.pos_ in ("VERB", "AUX"):
            return False
    return False


def _deadline_day(tok) -> bool:
    """The date names a deadline ("a Jan. 1 deadline", "a deadline of New Year's Day") that is not said to be missed
    or met ("BP missed the June 1 deadline" is past)."""
    node = tok
    if tok.lemma_.lower() == "deadline":
        return False    # the word itself, not a date naming it
    while node.dep_ in ("compound", "poss", "nummod", "amod", "nmod", "case") and node.head is not node and \
            node.head.pos_ in ("PROPN", "NOUN", "NUM", "PART") and node.head.lemma_.lower() != "deadline":
        node = node.head
    if node.dep_ in ("compound", "nmod", "amod", "npadvmod") and node.head.lemma_.lower() == "deadline":
        deadline = node.head
    elif node.dep_ == "pobj" and node.head.lower_ in ("of", "for") and node.head.head.lemma_.lower() == "deadline":
        deadline = node.head.head
    else:
        return False
    verb = deadline.head
    return not (verb.pos_ == "VERB" and verb.lemma_ in ("miss", "meet", "pass", "beat", "blow", "break", "extend",
                                                         "push", "ignore") and deadline.dep_ in ("dobj", "nsubjpass"))


def _of_a_thing(tok) -> bool:
    """ "its results for the second quarter", "tickets for Saturday": a time a thing is for, read from the words (the
    parser hangs the phrase on the verb as often as on the noun)."""
    doc = tok.doc
    k = tok.i - 1
    if k > 0 and doc[k].lower_ == "the":
        k -= 1
    return k > 0 and doc[k].lower_ == "for" and doc[k - 1].pos_ == "NOUN" and not _is_time_word(doc[k - 1])


def _after_a_happening(tok) -> bool:
    """The date closes a phrase that counts from a happening ("after the blow-out at its well in April"): read from
    the words, since the parser hangs such a date on the verb as often as on the noun. Not "before": what a coming
    act precedes is still to come ("will decide before a meeting at the White House on Wednesday")."""
    doc = tok.doc
    k = tok.i - 1
    if k < 0 or doc[k].lower_ not in ("in", "on"):
        return False
    seen_noun = False
    for j in range(k - 1, max(k - 13, -1), -1):
        w = doc[j]
        if w.lower_ in ("after", "following") and w.pos_ in ("ADP", "VERB", "SCONJ"):
            return seen_noun
        if w.pos_ in ("NOUN", "PROPN"):
            seen_noun = seen_noun or not _is_time_word(w)
        elif w.pos_ not in ("DET", "ADJ", "ADP", "NUM", "PRON") and w.tag_ not in ("HYPH", "POS", "PRP$"):
            return False
    return False


def _hypothetical(verb) -> bool:
    """A past form in an "if"/"unless" clause after a modal ("might come if a second wave swept", "could fail if
    heavy rain fell"), or in a "before"/"until"/"once" clause after one ("would gain strength before it was over the
    site about midday Saturday"): English backshifts a supposed future there, so it says nothing of the past. Read
    from the words, not the tree: the parser hangs "if" as a mark, a preposition or nothing in such sentences."""
    doc, start = verb.doc, verb.sent.start
    finite = ("VBD", "VBZ", "VBP", "MD")
    k = verb.i - 1
    # "if" as the parser hangs it anywhere; a time word only as a clause's conjunction ("before it was over the site",
    # not the preposition of "coming up until August")
    while k >= start and not (doc[k].lower_ in ("if", "unless") or
                              doc[k].lower_ in ("before", "until", "till", "once") and doc[k].dep_ == "mark"):
        if doc[k].tag_ in finite:
            return False
        k -= 1
    if k < start:
        return False
    for m in range(k - 1, start - 1, -1):
        if doc[m].tag_ == "MD":
            return doc[m].lower_ in ("would", "might", "could", "may", "'d")
        if doc[m].tag_ in finite:
            return False
    return False


# Verbs whose infinitive happens (or not) when they do: "failed to stop", "managed to reach", "refused to testify".
_IMPLICATIVE = {"fail", "manage", "refuse", "decline", "neglect", "try", "attempt", "struggle", "rush", "hurry",
                "failure", "refusal", "inability"}   # "his failure to attend hearings in May": the nouns too
# Happenings nobody can schedule: one named by its day or month ("Tuesday's earthquake", "the April blast") is past.
_UNFORESEEN = {"earthquake", "quake", "tremor", "aftershock", "explosion", "blast", "blowout", "blow-out", "attack",
               "bombing", "shooting", "crash", "accident", "collapse", "tsunami", "killing", "massacre",
               "assassination", "spill", "disaster", "murder", "death", "ambush", "coup", "derailment", "eruption",
               "landslide", "mudslide", "outbreak", "leak", "sinking", "stampede", "uprising"}
# A plan told in the past passive ("was set to", "were scheduled to"): made before the report, for a day before or
# after it alike.
_ARRANGED = {"set", "schedule", "slate", "plan", "expect", "suppose", "mean", "intend", "timetable"}

# What "could" says was possible at a past time, not ahead: "On Thursday I could smell the oil".
_SENSED = {"see", "smell", "hear", "feel", "taste", "tell", "remember", "recall", "understand", "afford", "sleep",
           "find", "get", "do", "be", "say", "only"}
# Adjectives of a thing made ready: "could be ready / available by July" is a possibility ahead.
_READY = {"ready", "available", "complete", "operational", "finished", "done", "open", "able", "online"}
# Verbs that arrange a thing for a day ("planned a rally for Sunday", "called a meeting for Thursday").
_ARRANGE = {"plan", "schedule", "set", "call", "arrange", "organise", "organize", "book", "fix", "slate", "announce"}
# Verbs of expecting: their object lies ahead of when they were said ("expected 750 skimmers by August").
_EXPECT = {"expect", "forecast", "predict", "project", "anticipate", "hope", "plan", "estimate"}
_SEASONS = {"winter", "spring", "summer", "autumn", "fall"}
# Holidays spoken of as seasons are, like a month, named far ahead ("that could mean a Christmas timeframe,"
# said Saleri, in June): still ahead when a past verb reports them.
_SEASONAL_DAYS = {"christmas", "xmas", "easter", "thanksgiving", "halloween"}
# Verbs of asking and ordering: the act asked for is still ahead when asked ("told them to stop work on Friday").
# Verbs of commitment: what they commit to is still to be done ("agreed to hold a conference in March").
_COMMIT = {"agree", "decide", "vote", "promise", "pledge", "vow", "offer", "propose", "threaten", "undertake",
           "resolve", "commit"}
# Nouns of intention: what they are about lies ahead ("talk about staging a demonstration on Friday").
_INTENT = {"talk", "plan", "call", "proposal", "threat", "promise", "pledge", "intention", "idea", "preparation"}
# Verbs of hoping and fearing: what they look to lies ahead of them.
# What a participle after a noun says is foretold ("a protest predicted Friday", "the storm forecast for Sunday").
_FORETOLD = {"predict", "expect", "forecast", "anticipate"}
_HOPE = {"hope", "expect", "fear", "worry", "pray", "bet", "anticipate"}
# Verbs of trying: while the trying goes on, what it is for is still to come.
_ATTEMPT = {"try", "seek", "attempt", "work", "scramble", "race", "rush", "hurry", "push", "fight", "prepare"}
# Gatherings and other scheduled happenings: one that "will" do something is still ahead.
_GATHERINGS = {"concert", "meeting", "summit", "hearing", "vote", "election", "rally", "match", "game", "show",
               "conference", "talks", "session", "ceremony", "march", "protest", "trial", "visit", "speech",
               "debate", "festival", "launch", "auction", "funeral", "service", "performance", "referendum"}
_PROGRESSIVE_AUX = {"is", "are", "am", "'s", "'re", "'m"}
_AIM = {"look", "aim", "target", "eye", "shoot", "plan", "hope", "anticipate"}


def _present(verb) -> bool:
    """A present verb: "hopes", or "is hoping"."""
    return verb.tag_ in ("VBZ", "VBP") or verb.tag_ == "VBG" and \
        any(c.dep_ == "aux" and c.lower_ in _PROGRESSIVE_AUX for c in verb.children)


def _in_progress(participle) -> bool:
    """A participle whose clause is under way now: itself in the present progressive, or hung (through a noun or
    other bare participles) on a present verb ("is still making phone calls trying to ...") or a coming one ("may
    soon come to an end, with BP preparing to inject mud")."""
    t = participle
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX") and (t.tag_ != "VBG" or any(c.dep_ == "aux" for c in t.children)):
            return _present(t) or t.tag_ == "VB" and any(
                c.dep_ == "aux" and c.lower_ in ("will", "'ll", "may", "might") for c in t.children)
        if t.head is t:
            return False
        t = t.head
    return False


# Saying verbs, and the auxiliaries that put what was said ahead ("By Wednesday, she said they should have ...").
_SAYS = {"say", "tell", "predict", "estimate", "warn", "promise", "vow", "pledge", "insist", "add", "announce"}
_AHEAD_AUX = {"should", "would", "will", "could", "might", "may", "must", "'ll", "'d"}
# A judgement of what may come ("completion by 27 July was possible").
_POSSIBLE = {"possible", "impossible", "likely", "unlikely", "feasible", "achievable", "realistic", "probable"}
_REQUESTS = {"tell", "order", "ask", "urge", "instruct", "direct", "advise", "require", "invite", "call", "force"}
# Verbs of a state, whose purpose is still ahead even told in the past ("had a jet standing by to fly on Saturday").
_STATES = {"have", "be", "keep", "hold", "stand", "wait"}
# Verbs that move a thing in time: "to" + a date after them is the new date, set ahead of when it was moved.
_MOVED = {"push", "delay", "postpone", "defer", "move", "extend", "reschedule", "bring", "put", "shift", "adjourn"}
_TIME_WORDS = {"day", "week", "month", "year", "morning", "afternoon", "evening", "night", "weekend", "time", "date",
               "end", "beginning", "start", "middle", "half", "quarter", "spring", "summer", "autumn", "fall",
               "winter", "season", "decade", "century", "timeframe", "timescale", "timetable", "deadline"}


def _is_time_word(t) -> bool:
    """'the end of May', 'the morning of June 3', the month of the expression itself: a noun that is a time, not
    an event the date belongs to."""
    low = t.lower_.rstrip(".")
    month = (low in MONTHS or low == "sept") and t.text[:1].isupper()     # not "a march", "may", "Marshall"
    # the day of "July Fourth", "June 4th": an ordinal after a month is the date's own day, not a thing it names
    day = t.i > 0 and (low in _ORDINALS or re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)", low)) and \
        t.doc[t.i - 1].lower_.rstrip(".")[:3] in MONTHS
    return t.lemma_.lower() in _TIME_WORDS or month or low in WEEKDAYS or low.isdigit() or day


_ORDINALS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
             "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
             "nineteenth", "twentieth", "thirtieth"}
