"""Events: clause-level predicates from the dependency parse, typed, dated and with their modality.

One clause, one event: a verb that heads a clause (root, coordinated, adverbial, complement or relative clause)
with the tokens of its subtree minus the subtrees of other clause heads. The clause's own time expression dates
it; a reporting verb's date ("a US official said on Wednesday") dates the report, not the reported event.
"""
from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from importlib import resources

from .model import Event, Mention, Sentence, Source, stable_id
from . import dating
from .timex import Timex, granularity
from .ingest.chrome import opener_end
from .nlp import DASHES, doc_text

CLAUSE_DEPS = {"ROOT", "conj", "advcl", "ccomp", "xcomp", "relcl", "pcomp", "acl", "parataxis"}
REPORTING = {"say", "tell", "add", "state", "note", "report", "quote", "cite", "write", "explain", "insist",
             "argue", "stress", "reiterate", "acknowledge", "admit", "claim", "allege", "deny", "reject", "confirm",
             "understand", "believe", "describe", "suggest", "comment", "respond", "decline", "refuse",
             "accuse", "warn", "emerge", "know", "ask", "urge", "reveal", "announce"}
SPEECH_EVENTS = {"announce", "warn", "urge", "reveal", "accuse", "allege", "deny", "reject", "claim"}
DENY = {"deny", "reject", "refute", "dismiss"}
ALLEGE = {"allege", "accuse", "claim"}
LEAD = 2    # the first body sentences of a report: its news, whatever the verb
STATIVE = {"be", "have", "seem", "appear", "remain", "become", "include", "involve", "mean", "require", "know",
           "think", "believe", "hope", "want", "need", "see", "consider", "come", "do", "make", "take", "get",
           "continue", "begin", "start", "keep", "try", "let", "help", "feel", "look", "use", "show", "centre",
           "center", "represent", "concern", "focus", "contain", "say", "tell"}
FUTURE_AUX = {"will", "shall", "'ll"}
HYPO_AUX = {"would", "could", "might", "may", "should"}
PLAN_LEMMAS = {"plan", "expect", "due", "set", "intend", "schedule", "aim", "prepare", "ready", "promise", "pledge",
               "vow", "threaten", "propose", "likely", "poised", "decide", "agree"}
# Verbs that ask someone else to act ("called on Mongolia to arrest him", "ordered his administration to share
# evidence"): the request is the happening; the act asked for has not happened, and alone ("to arrest him") a
# reader cannot follow it. Written from general English, not from any corpus.
DIRECTIVE = {"call", "urge", "order", "ask", "tell", "warn", "press", "pressure", "demand", "request", "instruct",
             "encourage", "invite", "advise", "appeal", "beg", "implore", "petition", "recommend", "direct",
             "command", "lobby", "push", "exhort", "summon"}
# Verbs that credit a text to its source and tell nothing themselves: with no object or clause of their own
# ("..., The Tribune reported on Monday", "the agency said") they are the attribution of the clause beside them.
# ("tell" is left out: "told reporters" has an object that is only the audience, and "told the court" is a hearing.)
ATTRIBUTION = {"say", "add", "state", "note", "report", "quote", "cite", "write", "explain", "reveal"}
# Verbs whose object is a happening wanted, feared or kept from happening, not one that happened: in "sought the
# arrests of", "called for the resignation of", "postponed the vote", "blocked the sale" the arrests, resignation,
# vote and sale are the object of the verb's event (whose line names them), never happenings of their own.
# ("considering Khan's request, filed in May", "rejected the appeal": a request or an appeal is itself an act
# done, so speech-act nouns are never unrealised, and verbs that weigh an existing thing are not listed.)
UNREALISED = {"seek", "want", "propose", "plan", "threaten", "block", "prevent", "delay", "postpone", "cancel",
              "avoid", "hope", "intend", "fear", "call", "push", "press", "demand", "request", "urge", "ask",
              "appeal", "lobby", "recommend"}
SPEECH_ACT_NOUNS = {"request", "application", "bid", "proposal", "plan", "appeal", "demand", "call", "offer",
                    "threat", "warning", "statement", "announcement"}
NEG_WORDS = {"nobody", "nothing", "none", "neither", "no one"}
# Not "see": "has seen its shares fall" is a fact; "remains to be seen whether" is caught by its "whether".
QUESTION = {"unclear", "question", "ask", "wonder", "doubt", "uncertain"}


@functools.lru_cache(maxsize=1)
def taxonomy() -> list[dict]:
    data = json.loads(resources.files("storyline.data").joinpath("event_types.json").read_text("utf-8"))
    return data["rules"]


def event_type(lemma: str, clause_words: set[str], noun: bool = False) -> str:
    key = "nouns" if noun else "triggers"
    for rule in taxonomy():
        if lemma in rule.get(key, ()) and (not rule.get("with") or clause_words & set(rule["with"])) and \
                not clause_words & set(rule.get("without", ())):
            return rule["type"]
    return "other"


@functools.lru_cache(maxsize=1)
def event_nouns() -> frozenset:
    return frozenset(n for rule in taxonomy() for n in rule.get("nouns", ()))


def _phrase(tok) -> str | None:
    """A noun phrase in the text's own words, without relative clauses or parentheticals."""
    if tok is None:
        return None
    toks = list(tok.subtree)
    cut = [t for t in toks if t.i > tok.i and t.dep_ in ("relcl", "acl", "appos", "punct", "cc", "conj")]
    if cut:
        toks = [t for t in toks if t.i < min(c.i for c in cut)]
    toks = toks[-12:] if len(toks) > 12 else toks
    return doc_text(tok.doc)[toks[0].idx:toks[-1].idx + len(toks[-1])] if toks else None


def arguments(head, mentions: list[Mention]) -> tuple[str | None, str | None, str | None]:
    """(agent, patient or theme, location) of a verb or an event noun."""
    kids = list(head.children)
    agent = patient = location = None
    if head.pos_ in ("NOUN", "PROPN"):
        agent = next((c for c in kids if c.dep_ == "poss"), None)
        for p in kids:
            if p.dep_ == "prep" and p.lower_ in ("of", "for", "against"):
                patient = next((g for g in p.children if g.dep_ == "pobj"), None) or patient
            if p.dep_ == "prep" and p.lower_ == "by" and agent is None:
                agent = next((g for g in p.children if g.dep_ == "pobj"), None)
    else:
        agent = next((c for c in kids if c.dep_ == "nsubj"), None)
        patient = next((c for c in kids if c.dep_ in ("dobj", "nsubjpass")), None)
        for p in kids:
            if p.dep_ == "agent":
                agent = next((g for g in p.children if g.dep_ == "pobj"), agent)
    places = [m for m in mentions if m.label in ("GPE", "LOC", "FAC")]
    for p in kids:
        if p.dep_ == "prep" and p.lower_ in ("in", "at", "near", "outside", "inside", "to"):
            g = next((g for g in p.children if g.dep_ == "pobj"), None)
            if g is not None and (any(m.start <= g.idx < m.end for m in places) or (
                    g.pos_ == "PROPN" and g.ent_type_ not in ("DATE", "TIME", "PERSON", "ORG", "NORP") and
                    p.lower_ in ("in", "at", "near"))):
                location = g
                break
    if agent is not None and agent.lower_ in ("who", "which", "that") and head.dep_ == "relcl":
        agent = dating.antecedent(head)
    if patient is not None and _clock_object(patient):
        patient = None
    return _phrase(agent), _phrase(patient), _phrase(location)


def _clock_object(t) -> bool:
    """ "struck at 1653 local time": the parser makes the clock time the verb's object; no one was struck."""
    return t.dep_ == "dobj" and (t.ent_type_ == "TIME" or t.lemma_ == "time" and any(
        c.lower_ == "local" for c in t.children))


@dataclass
class RawEvent:
    """An event before entity resolution: actors are still mentions."""
    article: str
    sent: Sentence
    trigger_i: int
    trigger: str
    type: str
    modality: str
    negated: bool
    date: str | None
    date_how: str | None
    summary: str
    actor_mentions: list[Mention] = field(default_factory=list)
    clause_start: int = 0
    clause_end: int = 0
    agent: str | None = None
    patient: str | None = None
    location: str | None = None
    tense: str | None = None
    quoted: bool = False
    # A definite back-reference to a disaster ("the explosion", "the tanker explosion") with nothing of its own to
    # pin it: kept only if merging ties it to the story's happening (happenings.tentative).
    backref: bool = False


def _clause_heads(sent_span) -> list:
    return [t for t in sent_span if t.pos_ in ("VERB",) and t.dep_ in CLAUSE_DEPS]


def _clause_tokens(head, heads: set) -> list:
    out, stack = [], [head]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c in heads and c.i != head.i:
                continue
            stack.append(c)
    return sorted(out, key=lambda t: t.i)


def _quotes(doc) -> list:
    """Quote spans of the whole text, computed once per parse."""
    if "storyline_quotes" not in doc.user_data:
        from .claims import quote_spans
        doc.user_data["storyline_quotes"] = [p for q in quote_spans(doc.text) for p in q]
    return doc.user_data["storyline_quotes"]


SCARE_WORDS = 3    # 'a "march of millions"', 'the final "killing"': a phrase marked off, not someone's words


def _in_quote(tok) -> bool:
    """Inside a direct quotation: the speaker's own words ("We will earn back trust"), which a report relays
    rather than tells as its news. Short quoted phrases are the writer's scare quotes, not a quotation."""
    text = doc_text(tok.doc)
    return any(a <= tok.idx < b and len(text[a:b].split()) > SCARE_WORDS for a, b in _quotes(tok.doc))


MODAL_AUX = HYPO_AUX | {"must", "can", "cannot", "ca"}
# Verbs whose complement tells what happened: an aspect of it ("began throwing", "stopped flowing") or its success
# ("helped lead the rally", "managed to cap"). Under any other verb the complement is what was tried, asked,
# expected or wanted ("tried to shut down", "were told to attend", "is expected to announce").
CARRIES_COMPLEMENT = {"begin", "start", "continue", "resume", "keep", "stop", "cease", "finish", "help", "manage"}


def tense(head) -> str | None:
    """How the clause places its verb in time, read off the finite word (the first auxiliary, else the verb):
    "past" (exploded, was arrested, had died), "perfect" (has launched), "progressive" (is lending), "present"
    (holds, kills each winter: a state or habit), "future" (will muck up), "modal" (could reach), "nonfinite" (a
    participle or infinitive with no tense of its own: "to meet", "signed into law by"), "participle" (an -ing
    form describing a noun: "the leak contaminating the Gulf", "scientists examining dead animals"), "complement"
    (an infinitive or -ing form completing a verb of trying, asking, expecting or wanting: "BP has tried to shut
    down the leak", "parents were told to attend"; not under a verb of aspect or success, "began throwing", "helped
    lead", nor a perfect infinitive, "are believed to have died", which tells a done happening). A verb
    coordinated without its own auxiliary shares its first verb's ("was detained in June, charged in July")."""
    auxes = sorted((c for c in head.children if c.dep_ in ("aux", "auxpass") and c.i < head.i), key=lambda c: c.i)
    if head.dep_ == "acl" and head.tag_ == "VBG" and not auxes:
        return "participle"
    if not auxes and head.dep_ == "conj" and head.tag_ in ("VBN", "VB", "VBG") and head.head.pos_ in ("VERB", "AUX"):
        return tense(head.head)
    first = auxes[0] if auxes else head
    low = first.lower_
    if low in FUTURE_AUX or low == "wo":
        return "future"
    if low in MODAL_AUX:
        return "modal"
    if first.tag_ == "VBD":
        return "past"
    if first.tag_ in ("VBZ", "VBP"):
        if not auxes:
            return "present"
        if first.lemma_.lower() == "have":
            return "perfect"
        if head.tag_ == "VBG" or any(a.tag_ == "VBG" for a in auxes):
            return "progressive"
        if first.lemma_.lower() == "be" and head.tag_ == "VBN":
            return "present"       # "is owned", "are confirmed": a passive state, whatever happened before it
        return "present"
    if head.dep_ == "xcomp" and head.head.lemma_.lower() not in CARRIES_COMPLEMENT and \
            not any(a.lemma_.lower() == "have" for a in auxes):
        return "complement"
    return "nonfinite"


def _negated(tok) -> bool:
    for c in tok.children:
        if c.dep_ == "neg":
            return True
        if c.dep_ in ("nsubj", "nsubjpass", "dobj") and (c.lower_ in NEG_WORDS or any(
                d.dep_ == "det" and d.lower_ == "no" for d in c.children)):
            return True
    return False


def _own(tok, attributed: bool) -> str | None:
    """The modal operator attached to this clause head itself, if any (innermost scope wins)."""
    kids = list(tok.children)
    low = {c.lower_ for c in kids}
    if "allegedly" in low or any(c.lower_ == "alleged" and c.dep_ == "amod" for c in kids):
        return "alleged"
    if "reportedly" in low:
        return "reported"
    marks = {c.lower_ for c in kids if c.dep_ == "mark"}
    if "whether" in marks:
        return "questioned"
    if marks & {"if", "unless"} or (tok.dep_ == "advcl" and tok.doc[tok.left_edge.i].lower_ in
                                     ("had", "were", "should") and tok.left_edge.dep_ in ("aux", "auxpass")):
        return "hypothetical"
    if _negated(tok):
        return "denied" if attributed else "negated"
    auxes = {c.lower_ for c in kids if c.dep_ in ("aux", "auxpass")}
    if auxes & FUTURE_AUX:
        return "planned"
    if "would" in auxes:
        conditional = any(c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children)
                          for c in kids)
        return "planned" if attributed and not conditional else "hypothetical"
    if auxes & HYPO_AUX:
        return "hypothetical"
    if "going" in auxes or (tok.dep_ == "xcomp" and (tok.head.lemma_.lower() in PLAN_LEMMAS or any(
            c.dep_ in ("acomp", "oprd") and c.lemma_.lower() in PLAN_LEMMAS for c in tok.head.children))):
        if tok.dep_ == "xcomp" and auxes & {"have", "'ve"}:
            # a perfect infinitive looks back: "Thousands are expected to have died" is an estimate of what has
            # happened, told as "believed to have died" is; "likely to have been caused by" a judgement of it
            return "reported" if tok.head.lemma_.lower() == "expect" else "hypothetical"
        return "planned"
    return None


TIME_MARKS = {"when", "after", "before", "since", "until", "once"}


def _time_clause(tok) -> bool:
    return tok.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in TIME_MARKS and c.i < tok.i
                                       for c in tok.children)


def modality(head, sent_text: str | None = None) -> tuple[str, bool]:
    """(modality, negated) of the event headed by ``head``: the innermost modal frame scoping over it wins, from
    the clause's own operators outwards through the clauses and reporting verbs that govern it."""
    from .claims import SAY
    from .stance import of_tokens
    negated = _negated(head)
    quoted = any(a <= head.idx < b for a, b in _quotes(head.doc))
    sent_words = {t.lower_ for t in head.sent}
    reporter = next((g for g in head.ancestors if g.lemma_.lower() in SAY | REPORTING), None)
    attributed = quoted or reporter is not None or "according" in sent_words
    tok = head
    while True:
        got = _own(tok, attributed)
        if got:
            return got, negated
        # A coordinated or control verb shares its governor's operators: "will reopen and repair", "plans to"; a
        # conjunct with a subject and an auxiliary of its own is a clause of its own ("winds could drive the slick
        # ashore, and the army has called in troops").
        own_clause = tok.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) and \
            any(c.dep_ in ("aux", "auxpass") for c in tok.children)
        if tok.dep_ in ("conj", "xcomp") and tok.head.i != tok.i and tok.head.pos_ in ("VERB", "AUX") and \
                not own_clause:
            tok = tok.head
            continue
        break
    presupposed = False
    below = head
    for g in head.ancestors:
        gl = g.lemma_.lower()
        # "investigate what happened when the rig exploded", "unclear whether it will hold after the rig sank": a
        # time clause takes its happening as given; the doubt or condition above it is about something else.
        when_of_g = _time_clause(below)
        said_when = when_of_g or below.dep_ == "prep" and below.lower_ in ("after", "before", "following")
        presupposed = presupposed or when_of_g
        below = g
        if g.pos_ not in ("VERB", "AUX", "ADJ"):
            continue     # a noun ("claims that", "the question of") is not a speech act or a doubt
        if said_when and (gl in SAY or gl in REPORTING):
            # "After he was surrendered by Chad, his charges were confirmed", "said after a visit to Ukraine
            # that ...": a time clause or phrase of the saying itself says when it was said, in the report's voice
            continue
        if presupposed:
            if gl in SAY or gl in REPORTING:
                return "reported", negated     # told by a source, as a given: not what it denies or alleges
            continue
        if gl in DENY:
            return "denied", negated
        if gl in ALLEGE:
            return "alleged", negated
        if gl in QUESTION or (gl == "be" and any(c.lower_ in ("unclear", "uncertain") for c in g.children)):
            return "questioned", negated
        marks = {c.lower_ for c in g.children if c.dep_ == "mark"}
        if "whether" in marks:
            return "questioned", negated
        if marks & {"if", "unless"}:
            return "hypothetical", negated
        if gl in SAY or gl in REPORTING:
            branch = next((c for c in g.children if head in c.subtree), head)
            stance = of_tokens(None, list(branch.subtree), reported=True)
            return ("alleged" if stance == "alleges" else "reported"), negated
    if quoted or "according" in sent_words:
        quote = next(((a, b) for a, b in _quotes(head.doc) if a <= head.idx < b), None)
        if quote and of_tokens(None, [t for t in head.sent if quote[0] <= t.idx < quote[1]]) == "alleges":
            return "alleged", negated
        return "reported", negated
    return "asserted", negated


PARTICLES = {"down", "aside", "up", "out", "off", "back", "away", "over"}
CUT_DEPS = {"relcl", "appos", "acl", "parataxis"}
LOOSE_END = {"ADP", "DET", "CCONJ", "SCONJ", "PUNCT", "PART", "AUX"}


def _inside_cut(t, root) -> bool:
    """Whether ``t`` lies in a relative clause, apposition or parenthetical below ``root`` (or heads one). A name
    right after the noun it names, with no comma ("the union leader Ada Berg"), is kept: it says who."""
    while t.i != root.i and t.head.i != t.i:      # spaCy makes a new Token object per access: compare indices
        if t.dep_ in CUT_DEPS and not _close_name(t):
            return True
        t = t.head
    return False


def _close_name(t) -> bool:
    return t.dep_ == "appos" and t.pos_ == "PROPN" and t.ent_type_ == "PERSON" and t.head.pos_ == "NOUN" and \
        t.left_edge.i == t.head.i + 1


def _left_part(tok) -> list:
    """A phrase cut to its head and the words before it ("with negligence", not the clause hung on it)."""
    return [t for t in tok.subtree if t.i <= tok.i and not _inside_cut(t, tok)]


def _borrowed_subject(head, cut: int = 0) -> list:
    """The subject a clause shares with another, in the source's own words and order: the antecedent of a
    relative clause ("the dam, which collapsed" -> "the dam ... collapsed"), the subject and verb a complement
    completes ("the oil stopped flowing"), or the subject (and auxiliary) of the first verb of a coordination
    ("Arven was detained in June, charged in July" -> "Arven was ... charged")."""
    if head.dep_ == "relcl" and head.head.pos_ in ("NOUN", "PROPN"):
        return _left_part(dating.antecedent(head))
    if head.dep_ == "acl" and head.head.pos_ in ("NOUN", "PROPN") and head.tag_ in ("VBN", "VB") and \
            head.head.i < head.i and head.head.ent_type_ not in ("DATE", "TIME"):
        # "a poll released on Thursday", "an operation to plug the leak": the noun the clause is on says what;
        # alone, "released on Thursday" or "to plug the leak" tells the reader nothing.
        return _left_part(head.head)
    rel = _relative_host(head)
    if rel is not None:
        # "the outbreak, which officials suspect has killed 150 people": "which" is the subject of a clause inside
        # the relative clause; the noun it stands for says what did it.
        return _left_part(dating.antecedent(rel))
    if head.dep_ == "xcomp" and head.head.dep_ == "acl" and head.head.tag_ == "VBN" and \
            head.head.head.pos_ in ("NOUN", "PROPN") and head.head.head.i < head.head.i and \
            head.head.head.ent_type_ not in ("DATE", "TIME") and \
            not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in head.head.children):
        # "Obama, set to visit the Gulf Coast on Monday": the noun the participle is on says who (not "a report that
        # the congressman had tried to meet ...", a clause with a subject of its own the parser hung on "report")
        return _left_part(head.head.head) + [head.head]
    if head.dep_ == "xcomp" and head.head.pos_ in ("VERB", "AUX"):
        # "The oil stopped flowing", "Up to 169 people are believed to have died": the verb it completes and that
        # verb's subject say who; alone, "flowing into the Gulf" tells the reader nothing.
        gov = head.head
        subj = next((c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        # A subject inside a dateline run into the lead ("TALVOR, Marenland (Wire) - ... has asked") is a misparse.
        if subj is None or subj.lower_ in ("which", "who", "that") or subj.left_edge.idx < cut:
            return []
        return _left_part(subj) + [c for c in gov.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < gov.i] \
            + [gov]
    if head.dep_ == "xcomp" and head.head.pos_ == "ADJ" and head.head.dep_ == "acomp" and \
            head.head.head.pos_ in ("VERB", "AUX"):
        # "BP bosses are due to meet Obama on Wednesday", "the rebels were ready to sign": the adjective and the
        # verb before it say who; alone, "to meet Obama on Wednesday" is a fragment
        adj, gov = head.head, head.head.head
        subj = next((c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.lower_ in ("which", "who", "that") or subj.left_edge.idx < cut or subj.i > gov.i:
            return []
        # with the words that grade or negate the adjective: "may be less willing to talk" is not "may be willing"
        return _left_part(subj) + [c for c in gov.children if c.dep_ in ("aux", "neg") and c.i < adj.i] + \
            [gov] + [c for c in adj.children if c.dep_ in ("advmod", "neg") and c.i < adj.i] + [adj]
    if head.dep_ == "advcl" and head.tag_ == "VBG" and head.head.pos_ in ("VERB", "AUX") and not any(
            c.dep_ in ("mark", "nsubj", "nsubjpass") for c in head.children):
        # "The dam gave way, sending a surge of water": the -ing adverbial's doer is its host's subject; alone,
        # "sending a surge of water" does not say who.
        subj = next((c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.lower_ in ("which", "who", "that") or subj.left_edge.idx < cut:
            return []
        return _left_part(subj)
    if _subjectless_adjunct(head):
        # "the company will test the cap by closing its valves", "Mubarak opened the door while calling out ...",
        # "BP will begin its offensive to cap its liabilities": a clause with no subject of its own, hung on a
        # verb as its means, its time or its purpose, is done by that verb's doer; alone ("closing its valves",
        # "to cap its liabilities") the line does not say who.
        gov = head.head.head if head.dep_ == "pcomp" else head.head
        doer = _doer(gov, cut)
        return doer if doer and max(t.i for t in doer) < head.i else []
    if head.dep_ == "conj" and head.head.pos_ in ("VERB", "AUX"):
        gov = head.head
        subj = next((c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None and head.tag_ == gov.tag_ and \
                not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in head.children):
            # "the rig exploded, killing 11 workers and collapsing into the Gulf": a conjunct of a clause that
            # borrows its subject, in the same form, borrows the same one (a finite verb hung on a participle,
            # "raising its threat level as the virus spread and killed ...", is a misparse: no subject is lent)
            return _borrowed_subject(gov, cut)
        if subj is None or _plural(subj) and _singular_verb(head):
            # "Ministers are to meet ..., which vets suspect has killed 150 cattle": a verb of its own number is no
            # conjunct of a plural subject, whatever the parse says; the clause's subject is elsewhere.
            return []
        out = _left_part(subj)
        if head.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in head.children):
            out += [c for c in gov.children if c.dep_ in ("aux", "auxpass") and c.i < gov.i]
        return out
    return []


# Words that hang a subjectless -ing clause on a verb as its means or its time ("by closing", "while calling",
# "after meeting", "with calling"); the doer is the verb's.
ADJUNCT_MARKS = {"by", "while", "after", "before", "since", "when", "without", "despite", "upon", "on", "in",
                 "through", "with"}


def _subjectless_adjunct(head) -> bool:
    """A clause with no subject of its own that says how, when or why its host verb's doer acted: an -ing clause
    after a preposition or a time word ("by closing its valves", "while calling out those"), or an infinitive of
    purpose ("to cap its liabilities")."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in head.children):
        return False
    if head.dep_ == "pcomp" and head.tag_ == "VBG":
        prep = head.head
        return prep.dep_ == "prep" and prep.lower_ in ADJUNCT_MARKS and prep.head.pos_ in ("VERB", "AUX")
    if head.dep_ != "advcl" or head.head.pos_ not in ("VERB", "AUX"):
        return False
    marks = [c.lower_ for c in head.children if c.dep_ == "mark"]
    if head.tag_ == "VBG":
        return bool(marks) and all(m in ADJUNCT_MARKS for m in marks)
    to = next((c for c in head.children if c.dep_ == "aux" and c.tag_ == "TO"), None)
    # not after a passive, whose subject is not the doer ("was arrested to stop ..."), nor after "close to" ("has
    # come close to collapse": no purpose, and no act)
    return head.tag_ == "VB" and not marks and to is not None and to.i > 0 and \
        head.doc[to.i - 1].pos_ not in ("ADJ", "ADV") and \
        not any(c.dep_ in ("nsubjpass", "auxpass") for c in head.head.children)


def _doer(gov, cut: int) -> list:
    """The subject of ``gov`` in the source's words (or of the verb it completes or continues, or a relative
    clause's antecedent); [] where none is sure."""
    subj = next((c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    # "will begin testing the cap by closing its valves": the doer of a verb that completes or continues another
    # is that verb's subject (the line takes the subject alone, not the verbs between)
    while subj is None and gov.dep_ in ("xcomp", "conj") and gov.head.pos_ in ("VERB", "AUX"):
        gov = gov.head
        subj = next((c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return []
    if subj.lower_ in ("which", "who", "that"):
        return _borrowed_subject(gov, cut) if gov.dep_ == "relcl" else []
    # a subject after the verb ("..., to block the well, BP said") is a sayer's, not the doer's; a pronoun ("We to
    # talk") makes no better line than none
    if subj.left_edge.idx < cut or subj.i > gov.i or subj.pos_ == "PRON" or subj.tag_ == "PRP$":
        return []
    return _left_part(subj)


def _plural(subj) -> bool:
    return subj.tag_ in ("NNS", "NNPS") or subj.lower_ in ("we", "they") or \
        any(c.dep_ == "conj" for c in subj.children)


def _singular_verb(head) -> bool:
    """The clause's finite word is singular: its first auxiliary, or the verb itself ("has killed", "was",
    "kills")."""
    auxes = sorted((c for c in head.children if c.dep_ in ("aux", "auxpass") and c.i < head.i), key=lambda c: c.i)
    first = auxes[0] if auxes else head
    return first.tag_ == "VBZ" or first.lower_ == "was"


def _relative_host(head):
    """The relative clause a clause whose subject is a relative pronoun sits inside ("which officials suspect has
    killed": the "suspect" clause on "the outbreak"), or None."""
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("which", "who", "that") for c in head.children):
        return None
    t = head
    while t.dep_ in ("ccomp", "xcomp", "conj") and t.head is not t:
        t = t.head
    return t if t.dep_ == "relcl" and t.head.pos_ in ("NOUN", "PROPN") else None


def requested(head):
    """The infinitive clause a directive verb asks for ("to arrest him" in "called on Mongolia to arrest him",
    "for the prosecutor to step down" in "called for the prosecutor to step down"), or None."""
    if head.lemma_.lower() not in DIRECTIVE:
        return None
    comp = next((c for c in head.children if c.dep_ in ("xcomp", "advcl", "ccomp") and c.i > head.i and c.pos_ ==
                 "VERB" and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children)), None)
    if comp is None:
        return None
    # Someone else is asked: an object ("urged residents to"), a passive subject ("Khan is urged to"), "on"
    # ("called on Mongolia to") or the act's own subject ("called for the prosecutor to"). "The diplomat asked to
    # remain anonymous" asks for the asker.
    if any(c.dep_ in ("dobj", "nsubjpass", "dative") or c.dep_ == "prep" and c.lower_ in ("on", "upon")
           for c in head.children) or any(c.dep_ == "nsubj" for c in comp.children):
        return comp
    return None


def completed(head, keep: set):
    """The act a verb with no object of its own is about: "is expected to extend a moratorium", "plans to
    eliminate 900 jobs", "stopped pumping", "failed to close". Cut to "Obama is expected", "BP stopped", "the
    gate failed", the line says nothing, or the opposite of the text."""
    if any(c.dep_ in ("dobj", "ccomp") and c in keep for c in head.children):
        return None
    doc = head.doc
    for c in head.children:
        if c.dep_ != "xcomp" or c.i <= head.i or c.pos_ not in ("VERB", "AUX"):
            continue
        # Right after the verb ("failed to close", "stopped pumping"), not a phrase further on the parser hung
        # there ("collapsed, the first government to fall"); a gerund only after a verb of aspect.
        gap = doc[head.i + 1:c.left_edge.i]
        if len(gap) > 2 or any(t.is_punct for t in gap):
            continue
        if c.tag_ == "VB" and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children) or \
                c.tag_ == "VBG" and head.lemma_.lower() in ASPECT:
            return c
    return None


WH_WORDS = {"how", "whether", "when", "where", "why"}     # "investigating how to increase": the act's own question
# Verbs whose gerund is what they are about ("stopped pumping", "began drilling").
ASPECT = {"stop", "start", "begin", "continue", "keep", "resume", "finish", "quit", "cease", "avoid", "risk"}


# Verbs whose clause is the news they make public: "announced on Thursday that an inquiry would examine ..."; a
# line without what was announced ("The government announced on Thursday") tells the reader nothing.
ANNOUNCING = {"announce", "declare", "confirm", "reveal", "disclose", "unveil"}


def announced(head):
    """The clause an announcing verb makes public, or None."""
    if head.lemma_.lower() not in ANNOUNCING:
        return None
    return next((c for c in head.children if c.dep_ == "ccomp" and c.i > head.i and c.pos_ in ("VERB", "AUX")),
                None)


def _chain(comp) -> list:
    """An asked-for act and the verbs it chains to ("to begin sharing evidence")."""
    out = [comp]
    while (nxt := next((c for c in out[-1].children if c.dep_ == "xcomp"), None)) is not None:
        out.append(nxt)
    return out


def _asked_words(comp) -> set:
    return {t for v in _chain(comp) for t in _core(v, set(v.subtree)) | {c for c in v.children if c.dep_ == "mark"}}


# Nouns whose content is a clause ("the hope that ...", "the grounds that ..."): cut from it, a phrase on them is
# empty.
CONTENT_NOUNS = {"hope", "belief", "grounds", "ground", "claim", "fear", "idea", "assumption", "expectation",
                 "condition", "understanding", "basis", "hopes", "fears", "view", "notion", "suggestion"}


_SPANS = {"minute", "hour", "day", "week", "month", "year", "decade"}


def _core(head, cl: set) -> set:
    """The clause's subject, verb, particles, objects and short prepositional phrases (tokens of ``cl``)."""
    keep = set()
    # A second direct object the parser hangs on the verb after a comma ('visited a home that was "empty, a
    # result of ..."') is an apposition of something cut; two objects with nothing between them ("send him an
    # e-mail", "calling plumes layers of oil") are the verb's own.
    objs = [c for c in head.children if c.dep_ == "dobj" and c in cl]
    doc = head.doc
    stray = {o.i for a, o in zip(objs, objs[1:])
             if any(doc[k].is_punct for k in range(a.right_edge.i + 1, o.left_edge.i))}
    for c in head.children:
        if c not in cl or c.i in stray or _clock_object(c):
            continue
        if c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "neg", "prt", "dobj", "attr", "agent", "dative",
                      "acomp", "oprd"):
            keep.update(t for t in c.subtree if t in cl)
        elif c.dep_ == "advmod" and c.lower_ in PARTICLES:
            keep.add(c)                  # "stepped down", "stepped aside": the verb means little without it
        elif c.dep_ == "prep" and any(g.dep_ == "npadvmod" and g.lemma_.lower() in _SPANS for g in c.children):
            continue   # "five weeks into the worst oil spill", "two days into the strike": when, not what
        elif c.dep_ == "prep" and c.lower_ in PARTICLES and len(list(c.subtree)) <= 8 and \
                not any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree):
            keep.update(t for t in c.subtree if t in cl)   # "walked out of the talks" (not "over the weekend")
        elif c.dep_ == "prep" and c.lower_ in ("to", "against", "for", "into", "from", "with", "on", "in", "of"):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and any(g.dep_ in ("acl", "ccomp") and g.i > obj.i for g in obj.children) and \
                    obj.lemma_.lower() in CONTENT_NOUNS:
                continue   # "in the hope that ...", "on the grounds that ...": empty without its clause
            sub = [t for t in c.subtree if t in cl]
            act = next((g for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)
            if c.lower_ == "from" and act is not None:
                # "prevented the spill from becoming his own nightmare": cut to "prevented the spill", the line
                # would say the opposite of the text; the gerund's core (a clause of its own) keeps what was
                # prevented
                keep.update([c] + list(_core(act, set(act.subtree))))
            elif len(sub) <= 8:
                keep.update(sub)
            else:
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                keep.update([c] + ([t for t in _left_part(obj) if t in cl] if obj is not None else []))
    keep.add(head)
    return keep


def _particle(t) -> bool:
    """A particle ends a line well ("stayed on", "step down"): it is part of the verb, not a dangling word. The
    parser sometimes calls it a preposition, one with no object, hung on the verb."""
    return t.dep_ == "prt" or (t.dep_ == "prep" and t.n_lefts + t.n_rights == 0 and t.head.pos_ == "VERB")


def summary(head, clause: list, cut: int = 0) -> str:
    """A short who-did-what line made only of the sentence's own words, in their order: the clause's subject,
    verb, particles, objects and short prepositional phrases, without relative clauses or appositions; a request
    keeps the act it asks for ("called on Mongolia to arrest him")."""
    keep = _core(head, set(clause))
    asked = requested(head)
    if asked is not None:
        keep |= _asked_words(asked)
    told = announced(head)
    if told is not None:
        keep |= _core(told, set(told.subtree)) | {c for c in told.children if c.dep_ == "mark"}
    done = completed(head, keep)
    if done is not None:
        keep |= _core(done, set(done.subtree)) | {c for c in done.children if c.dep_ == "aux" and c.tag_ == "TO"
                                                   or c.dep_ in ("advmod", "mark") and c.lower_ in WH_WORDS}
    keep = {t for t in keep if not _inside_cut(t, head)} | _subject_after_stamp(head, cut)
    subj = {"nsubj", "nsubjpass"}
    if not any(c.dep_ in subj and c in keep and c.lower_ not in ("which", "who", "that") for c in head.children):
        borrowed = _borrowed_subject(head, cut)
        if borrowed:
            keep = {t for t in keep if not (t.dep_ in subj and t.head.i == head.i)} | set(borrowed)
    toks = sorted(keep, key=lambda t: t.i)
    # A chronology's entry opens with its date and a dash ("May 2 - Obama visits the Gulf Coast"); the parser hangs
    # the date, or the day alone ("2 - Obama visits ..."), on the subject. The line is what happened: the date is
    # the event's field.
    k = next((k for k, t in enumerate(toks) if t.text in DASHES), None)
    if k and all(t.ent_type_ in ("DATE", "TIME") or t.like_num for t in toks[:k]) and \
            all(t.i != head.i for t in toks[:k + 1]):
        toks = toks[k + 1:]
    if len(toks) > 28:
        toks = toks[:28]
    # A comma left next to a removed stretch, or a function word left at the end, reads as a broken line.
    kept = {t.i for t in toks}
    toks = [t for t in toks if not (t.pos_ == "PUNCT" and (t.i - 1 not in kept or t.i + 1 not in kept))]
    while len(toks) > 1 and (toks[-1].pos_ in LOOSE_END and toks[-1].i != head.i and not _particle(toks[-1])):
        toks.pop()
    parts = []
    for a, b in zip(toks, toks[1:] + [None]):
        parts.append(a.text_with_ws if (b is not None and b.i == a.i + 1) or a.whitespace_ else a.text + " ")
    text = re.sub(r"\s+", " ", "".join(parts)).strip()
    return balance_quotes(text.rstrip(",;:—-– "))


def _subject_after_stamp(head, cut: int) -> set:
    """A live blog's stamp run into its line ("(Cairo, 1:53 p.m. ET) Google executive Wael Ghonim has been
    released"): the parser hangs the stamp's "Cairo" at the head of the subject, with the real subject as its
    apposition or conjunct, so cutting the stamp cut the whole subject. The first phrase after the stamp is it."""
    if cut <= 0:
        return set()
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    subj = next((c for c in subjects if c.idx < cut), None)
    if subj is None or any(c.idx >= cut for c in subjects):
        return set()
    root = next((t for t in subj.subtree if t.idx >= cut and t.head.idx < cut and t.pos_ in ("PROPN", "NOUN")),
                None)
    if root is None:
        return set()
    words = {t for t in root.subtree if t.idx >= cut}
    # the phrase must run from the stamp up to the verb's own words ("Vardo Air, the airline, has canceled"), not
    # be one of another clause ("State TV reports Shafiq called ... that X will be released")
    between = range(max(t.i for t in words) + 1, head.i)
    if any(not (head.doc[k].is_punct or head.doc[k].head.i == head.i and head.doc[k].dep_ in ("aux", "auxpass", "neg",
                                                                                            "advmod"))
           for k in between):
        return set()
    return {t for t in words if not _inside_cut(t, root)}


def balance_quotes(text: str) -> str:
    """A line cut from a sentence can keep one mark of a quotation and lose the other ('... to the Vardo Republic"
    or other', 'what he called "a complete account'): the mark left alone is dropped, so that no words read as
    quoted, or unquoted, that were not."""
    if text.count('"') % 2:
        i = text.rfind('"')
        text = (text[:i] + text[i + 1:]).replace("  ", " ")
    for a, b in (("“", "”"), ("‘", "’")):
        while text.count(a) > text.count(b):
            i = text.rfind(a)
            text = text[:i] + text[i + 1:]
    # A lone closing double mark goes too; a lone "’" stays: it is also the apostrophe ("the minister’s plan").
    while text.count("”") > text.count("“"):
        i = text.rfind("”")
        text = text[:i] + text[i + 1:]
    return text


def extract(article_id: str, doc, sents: list[Sentence], mentions: list[Mention], timexes: list[Timex]
            ) -> list[RawEvent]:
    out: list[RawEvent] = []
    body = 0
    for si, s in enumerate(sents):
        if s.kind != "body":
            continue
        body += 1
        span = doc.char_span(s.start, s.end, alignment_mode="expand")
        if span is None:
            continue
        heads = _clause_heads(span)
        head_set = set(heads)
        sent_mentions = [m for m in mentions if s.start <= m.start and m.end <= s.end]
        sent_timex = [t for t in timexes if s.start <= t.start and t.end <= s.end]
        # A dateline, page stamp or byline run into the lead ("HOUSTON | Wed Jun 2 ... BP's chief apologized") says
        # where and when the page was filed: no event is in it, and no event's words or date come from it.
        cut = s.start + opener_end(s.text)
        clauses = {h.i: [t for t in _clause_tokens(h, head_set) if t.idx >= cut] for h in heads}
        heads = [h for h in heads if h.idx >= cut and clauses[h.i]]
        sent_timex = [t for t in sent_timex if t.start >= cut]
        dated = dating.clause_dates(doc, heads, clauses, sent_timex)
        asks = {t.i for r in map(requested, heads) if r is not None for t in _chain(r)}
        for h in heads:
            lemma = h.lemma_.lower()
            clause = clauses[h.i]
            if _imperative(h):
                continue   # "Visit our site for instructions", "Send him an e-mail": advice or page furniture
            asked = requested(h)
            if asked is not None:
                # What is asked for types the request and names its actors ("asked a court to issue a warrant for
                # Jon Ferrow": a warrant request about Ferrow).
                clause = sorted(set(clause) | {t for t in asked.subtree if t.idx >= cut}, key=lambda t: t.i)
            if h.i in asks:
                continue   # the act a request asks for: part of the request's line, not a happening
            if lemma in REPORTING and lemma not in SPEECH_EVENTS and asked is None and any(
                    c.dep_ in ("ccomp", "xcomp") or c.lower_ in ("comment",) for c in h.children):
                continue   # a reporting verb: the claims stage records it
            if lemma == "name" and h.dep_ == "acl" and h.tag_ == "VBN" and any(
                    c.dep_ in ("oprd", "dobj", "attr") and c.pos_ == "PROPN" for c in h.children):
                continue   # "the man, named Ada Marsh, ...": naming a person, no appointment
            if lemma == "call" and any(c.lower_ == "what" or c.dep_ in ("oprd", "attr") for c in h.children):
                continue   # 'what he called "a complete account"', "a device called a separator", "called it the
                #            Council": naming a thing, no act ("called a strike", "called for" stay)
            if lemma in ATTRIBUTION and asked is None and not _passive(h) and (
                    lemma in ("cite", "quote")
                    or not any(c.dep_ in ("dobj", "ccomp", "xcomp", "dative") for c in h.children)
                    or lemma == "reveal" and _self_credit(h)):
                continue   # "..., the Tribune reported on Monday, citing officials", "this newspaper can
                #            reveal that": the attribution of the clause beside it (whose object is a source)
            if lemma in REPORTING and any(c.dep_ == "nsubjpass" and c.lower_ in ("this", "that", "it")
                                          for c in h.children) or \
                    lemma in ("report", "quote", "cite") and any(c.dep_ == "agent" for c in h.children):
                continue   # "This was reported by the Herald", "The closure was reported by state media": where
                #            the text comes from, not a happening (the closure is its own event where it has one)
            words = {t.lemma_.lower() for t in clause} | {t.lower_ for t in clause}
            if h.dep_ == "relcl" and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("which", "that", "who")
                                         for c in h.children):
                # "a quake, Haiti's worst in two centuries, which struck at dusk": the clause's subject is its
                # antecedent, so what the happening is comes from that noun too (a quake strikes; it is no attack)
                ante = dating.antecedent(h)
                words |= {ante.lemma_.lower(), ante.lower_}
            etype = event_type(lemma, words)
            c0, c1 = clause[0].idx, clause[-1].idx + len(clause[-1])
            actors = [m for m in sent_mentions if c0 <= m.start and m.end <= c1 and
                      any(m.start <= t.idx < m.end for t in clause)]
            date, how = dated.get(h.i, (None, None))
            # An unknown predicate is a generic event only when two of these anchor it: a named actor, a date, a
            # place in the report's lead (the news itself: "The US military has joined efforts to stop the leak").
            # One alone lets page furniture ("The Herald relies on readers") and background verbs in.
            if etype == "other" and (lemma in STATIVE or bool(actors) + (date is not None) + (body <= LEAD) < 2):
                continue
            mod, neg = modality(h, s.text)
            agent, patient, where = arguments(h, sent_mentions)
            out.append(RawEvent(article_id, s, h.i, h.text, etype, mod, neg, date, how, summary(h, clause, cut),
                                actors, c0, c1, agent, patient, where, clause_tense(h, date), _in_quote(h)))
        out += _noun_events(article_id, s, span, sent_mentions, sent_timex, {e.trigger_i for e in out}, dated)
    return out


# Nouns that name a happening only when dated ("the disaster on 20 April"); with a name alone they are a verdict
# ("a PR disaster for the bank").
DATED_ONLY = {"disaster", "catastrophe"}
# Happenings a story holds one of, so that "the explosion" in a later report names the story's explosion.
BACKREF_TYPES = {"disaster"}
TRAILING_CONJ = re.compile(r"(?:[\s,;:]+(?:and|or|but|as well as))+\s*$")
_DATE_AFTER = re.compile(r"^\s*(?:,\s*)?(?:on|of|in)?\s*$")
DEATH_VERBS = {"die", "kill"}
DEFINITE = {"the", "this", "that"}


def _death_date(t, dated: dict) -> tuple[str, str] | None:
    """The date of a death clause whose cause the noun is ("killed in the earthquake in Varno on 3 May",
    "died in the blast on Monday"): people killed in a sudden disaster die on its day, and the parse hangs the date
    on the verb. Only the verb's own "in"/"by" phrase: "died on Tuesday of injuries from the blast" is not the
    blast's day."""
    prep = t.head
    if t.dep_ != "pobj" or prep.lower_ not in ("in", "by") or prep.head.lemma_.lower() not in DEATH_VERBS:
        return None
    return dated.get(prep.head.i)


def _definite(t) -> bool:
    """Named as a happening the reader already knows ("the explosion", "the tanker explosion", "its collapse"),
    and not to describe a thing: in "legal claims arising from the disaster" or "a commission investigating the
    disaster" the clause is about the claims and the commission (a participle or relative clause on a noun that
    names no happening), and the disaster is background to them; so it is as the complement of another noun ("the
    causes of the explosion", "the site of the disaster", "in the wake of the disaster")."""
    if not any(c.dep_ in ("det", "poss") and (c.lower_ in DEFINITE or c.dep_ == "poss") for c in t.children):
        return False
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.pos_ == "NOUN":
        return False
    verb = next((a for a in t.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return not (verb is not None and verb.dep_ in ("acl", "relcl") and verb.head.pos_ == "NOUN"
                and verb.head.lemma_.lower() not in event_nouns() and verb.lemma_.lower() not in SEQUENCE)


# Words that set a happening before the story's own: "the last major earthquake", "the previous spill".
EARLIER = {"last", "previous", "earlier", "prior", "former", "past"}
# Verbs that place one happening after another: in "the oil spill that followed the explosion" the explosion is
# told as a happening, whatever the noun the clause describes.
SEQUENCE = {"follow", "result", "cause", "trigger", "unleash", "spark", "precede"}


OUTLET_WORDS = {"newspaper", "paper", "website", "magazine", "programme", "program", "channel", "we"}


def _self_credit(h) -> bool:
    """The publication crediting itself ("The Courier can reveal that", "this newspaper revealed"), unlike an
    investigator who revealed at a hearing that ...: that is testimony, and news."""
    subj = next((c for c in h.children if c.dep_ == "nsubj"), None)
    return subj is not None and (any(c.lower_ == "can" for c in h.children if c.dep_ == "aux")
                                 or subj.lemma_.lower() in OUTLET_WORDS)


def _passive(h) -> bool:
    # "allegations were reported to the court's governing body in October": a complaint made, not an attribution
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in h.children)


def _unrealised(t) -> bool:
    """The noun is what a verb wants, fears or keeps from happening ("sought the arrests of", "called for the
    resignation of", "postponed the vote"), or what a warrant or a request is for ("a warrant for his arrest")."""
    verb = t.head.head if t.dep_ == "pobj" and t.head.lower_ in ("for", "on") else t.head
    if t.lemma_.lower() in SPEECH_ACT_NOUNS:
        return False
    if t.dep_ == "pobj" and t.head.lower_ == "for" and t.head.head.lemma_.lower() in SPEECH_ACT_NOUNS | {"warrant"}:
        return True    # "a warrant for his arrest", "calls for his resignation": what the paper or the call asks
    return (t.dep_ in ("dobj", "pobj") and verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in UNREALISED
            and (t.dep_ == "dobj" or verb.lemma_.lower() in DIRECTIVE))


def _noun_events(article_id, s, span, sent_mentions, sent_timex, taken, dated=None) -> list[RawEvent]:
    """Nominalisations that head an event ("the withdrawal of charges in March", "Putin's visit"): only when
    the noun phrase carries its own date or a named actor, so that a passing mention is not an event. A disaster
    named by a definite noun of its kind with neither ("the explosion", "the tanker explosion") is a later report's
    back-reference to the story's disaster: it becomes a tentative event, which merging keeps only where it joins
    that happening (happenings.gather), so that it adds a report to the happening and never an event of its own."""
    out = []
    for t in span:
        lemma = t.lemma_.lower()
        if t.pos_ != "NOUN" or t.i in taken or lemma not in event_nouns():
            continue
        if _unrealised(t):
            continue
        np = _own_phrase(t)
        n0, n1 = np[0].idx, np[-1].idx + len(np[-1])
        words = {x.lemma_.lower() for x in np} | {x.lower_ for x in np} | {x.lemma_.lower() for x in t.head.subtree
                                                                           if x.dep_ in ("dobj", "pobj", "nsubj")}
        etype = event_type(lemma, words, noun=True)
        if etype == "other":
            continue
        actors = [m for m in sent_mentions if n0 <= m.start and m.end <= n1]
        # The noun's own date: inside its phrase ("the April 20 explosion"), or right after it where the parse
        # hung the date on the verb ("killed in the earthquake on 12 January", "since the disaster on 20 April").
        tx = [x for x in sent_timex if granularity(x.value) and
              (n0 <= x.start and x.end <= n1 or n1 <= x.start and _DATE_AFTER.match(doc_text(t.doc)[n1:x.start]))]
        date, how = (tx[0].value, tx[0].how) if tx else (None, None)
        if date is None and etype in BACKREF_TYPES and (got := _death_date(t, dated or {})):
            date, how = got[0], f"the day of the deaths it caused: {got[1]}"
        if date is None and any(c.dep_ == "amod" and c.lower_ in EARLIER for c in t.children):
            continue     # "the last major earthquake here was 150 years ago", "the previous spill": another one,
            #              which without a date of its own nothing can place or tell apart from the story's
        backref = False
        if date is None and (not actors or lemma in DATED_ONLY):
            # "The disaster", undated, is as often the whole affair (the spill, the cost, the inquiries) as the
            # happening: only a word of its kind ("the explosion", "the quake") refers back to it.
            if etype not in BACKREF_TYPES or lemma in DATED_ONLY or not _definite(t):
                continue
            backref = True
        mod, neg = modality(t)
        agent, patient, where = arguments(t, sent_mentions)
        text = doc_text(t.doc)[n0:n1]
        summary_text = re.sub(r"\s+", " ", text if len(np) <= 20 else doc_text(t.doc)[n0:np[19].idx + len(np[19])])
        # A noun phrase coordinated into the next ("his arrest on June 13 and his release") ends on its own words.
        summary_text = balance_quotes(TRAILING_CONJ.sub("", summary_text))
        out.append(RawEvent(article_id, s, t.i, t.text, etype, mod, neg, date, how, summary_text.strip(" ,;:"),
                            [] if backref else actors, n0, n1, agent, patient, where, None, _in_quote(t),
                            backref=backref))
    return out


def _own_phrase(t) -> list:
    """The noun's phrase without an adverbial clause of its own subject hung inside it ("an investigation into the
    spill ... since the rig exploded on 20 April"): that clause says when something else happened, and its date
    and words are not the noun's. Cut at the clause's first word, so the phrase stays one stretch of text."""
    np = list(t.subtree)
    cut = min((c.left_edge.i for x in np for c in x.children if c.dep_ == "advcl" and c.i > t.i and
               any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)), default=None)
    return [x for x in np if cut is None or x.i < cut]


def finalize(raw: RawEvent, entity_of: dict[tuple[int, int], str]) -> Event:
    actors = []
    for m in raw.actor_mentions:
        e = entity_of.get((m.start, m.end))
        if e and e not in actors:
            actors.append(e)
    s = raw.sent
    eid = stable_id("ev-", raw.article, s.start, raw.trigger_i)
    ev = Event(eid, raw.date, raw.summary, raw.type, actors, raw.modality,
               [Source(raw.article, s.start, s.end, s.text)], trigger=raw.trigger, date_how=raw.date_how,
               negated=raw.negated, agent=raw.agent, patient=raw.patient, location=raw.location,
               tense=raw.tense, quoted=raw.quoted)
    if getattr(raw, "backref", False):
        # Not an Event field: merging absorbs or drops a tentative event, so none reaches storyline.json.
        ev.tentative = True
    return ev


def _imperative(h) -> bool:
    """A sentence that opens with a bare verb and has no subject ("Follow the latest updates", "Send him an
    e-mail", "Visit the agency's website"): an instruction to the reader, which a news page prints as furniture or
    advice; nothing that happened."""
    if h.dep_ != "ROOT" or h.tag_ != "VB" or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "aux", "auxpass")
                                                 for c in h.children):
        return False
    first = next((t for t in h.sent if not (t.is_punct or t.is_space or t.lower_ in ("please", "now", "just"))), h)
    return first.i == h.i


def clause_tense(h, date: str | None) -> str | None:
    """:func:`tense`, except that an undated relative clause on a noun that names no happening ("a case he was
    prosecuting", "the company, which had leased the rig") is "relative": it tells what the noun is, not news. With
    its own date it does tell a happening ("the prosecutor, who in March prepared a warrant"), and so does harm done
    or a perfect ("the outbreak, which has killed up to 160 people": read on the 44, where it is a key event).
    An undated past participle on a noun ("the rig, owned by a drilling firm") describes the noun too, except harm
    ("eleven workers killed in the blast")."""
    t = tense(h)
    first = h
    while first.dep_ == "conj" and first.head is not first and first.head.pos_ in ("VERB", "AUX"):
        first = first.head     # "owned by a drilling firm and leased by the oil company": the first conjunct's
    if t == "nonfinite" and first.dep_ == "acl" and h.tag_ == "VBN" and date is None and \
            h.lemma_.lower() not in dating.HARM and not any(c.dep_ in ("aux", "auxpass") for c in h.children):
        return "participle"    # "the rig, owned by a drilling firm", "a leaflet produced by the ministry"
    if h.dep_ == "relcl" and date is None and dating.antecedent(h).lemma_.lower() not in event_nouns() and \
            t != "perfect" and h.lemma_.lower() not in dating.HARM:
        return "relative"
    if h.dep_ == "relcl" and date is None and _any_time(dating.antecedent(h)):
        return "relative"      # "at a time when banks have been injected with billions": a backdrop, not news
    return t


def _any_time(n) -> bool:
    """An indefinite time noun ("a time when", "an era in which"): the clause on it sets a scene. "The day when the
    bridge collapsed" names the day of a happening, which stays one."""
    return n.lemma_.lower() in ("time", "period", "era", "age", "moment") and \
        any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in n.children)
