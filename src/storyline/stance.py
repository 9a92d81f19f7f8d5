"""Stance: what a claim does to the matter at issue, read from the reporting verb and the claim's own clauses.

1. The reporting verb names the speech act when it is not neutral: deny -> denies, reject/dismiss -> rejects,
   accuse/allege -> alleges, confirm/admit -> confirms, a refusal to comment -> declines_comment.
2. A neutral verb ("said", "told", "claimed") reports an assertion unless the claim's own clauses do one of:
   * speak the act themselves: "I deny", "we reject the claim", "I can confirm" (a performative verb whose subject
     is the speaker's side);
   * plead innocence: "I am innocent", "not guilty", "no wrongdoing", "did nothing wrong";
   * negate a completed act of the speaker's own side: "I never signed", "none of our staff were there", reported
     "it had not dumped" (the pronoun of reported speech stands for the speaker). A negation with another subject
     ("the victim does not remember", "the inquiry never asked us") or of a plan or state ("we are not going
     anywhere", "prices will not come down", "we have never seen") is an assertion;
   * refuse a claim's authority: "we do not recognise this court", "we do not accept the findings";
   * call a claim false: a claim noun or a demonstrative as subject of a falsity predicate ("the report is false",
     "this is nonsense"), or a bare "Absurd.";
   * say that what was done is not the wrong it is charged with ("not an act of discrimination", "this is not a
     cover-up"): a denial;
   * accuse a third party of a completed act of wrongdoing (a misconduct verb in its misconduct sense, not
     negated, not modal, whose agent is not the speaker's side and not "whoever" of a rule: "he lied to the
     committee", "the referee had been bribed"; "crabs lay dead" and "oil covered the marsh" are not), of an act
     done in the manner of a wrong ("were unfairly confined"), or of a failure of duty ("the company did little to
     prevent the damage", "the agency failed to monitor safety");
   * affirm what was asked: "Yes, ...", "It is true that ...".
   Words anywhere else in the quote ("not", "never", "wrong", "fraud inquiry", "inflation") do not count.

The cue lists below are written from general knowledge of English reporting verbs (dictionary senses: verbs of
denial, rejection, accusation, admission) and of the ordinary vocabulary of misconduct in news, not from the gold
items; bench/data/claims_heldout.jsonl was written before these rules and is the figure to trust.
"""
from __future__ import annotations

import re
from functools import lru_cache

DENY_VERBS = {"deny", "refute", "rebut", "disavow"}
REJECT_VERBS = {"reject", "dismiss", "dispute", "contest", "repudiate", "rebuff", "disown"}
ALLEGE_VERBS = {"allege", "accuse", "blame", "denounce", "criticise", "criticize", "fault"}
CONFIRM_VERBS = {"confirm", "acknowledge", "admit", "concede", "verify", "corroborate"}
REFUSE_VERBS = {"decline", "refuse"}
VERB_STANCE = {**{v: "denies" for v in DENY_VERBS}, **{v: "rejects" for v in REJECT_VERBS},
               **{v: "alleges" for v in ALLEGE_VERBS}, **{v: "confirms" for v in CONFIRM_VERBS}}

NO_COMMENT = re.compile(r"\b((declined?s?|refused?s?) to (comment|discuss|respond|say|elaborate|answer|detail|specify|"
                        r"disclose|give details|provide details|name|identify)|declined?s? (to give |any )?comment|"
                        r"(is|are|was|were|has been|have been) (not available|unavailable) for comment|"
                        r"(did|does|do) not (immediately )?"
                        r"(respond|reply|return|comment)\w*( to [\w ]*?(requests?|calls?|messages?|emails?|questions?)"
                        r"( for comment)?)?|(went|go|have gone|has gone) unanswered|were not returned|"
                        r"offer(s|ed)? no comment|no comment|could not (immediately )?be reached( for comment)?|"
                        r"refused to comment|cannot comment|(would|will) not comment|had nothing (further )?to add|"
                        r"not going to (comment|discuss)|(would|will|could) not (say|discuss|elaborate))\b", re.I)
# The speech act named as a noun owned by the speaker ("its rejection of", "his denial that").
NOUN_STANCE = {"denial": "denies", "rejection": "rejects", "dismissal": "rejects", "accusation": "alleges",
               "allegation": "alleges", "confirmation": "confirms", "admission": "confirms"}
ACT_NOUN = re.compile(r"^\W*(its|his|her|their|our|my) (" + "|".join(NOUN_STANCE) + r")s?\b", re.I)
AFFIRM = re.compile(r"^\W*(yes\b|yeah\b|it is true|it's true|that is (true|correct)|that's (true|correct))", re.I)

# Nouns that name a claim, and predicates that call a claim false.
CLAIM_NOUNS = {"allegation", "claim", "accusation", "charge", "report", "story", "suggestion", "assertion",
               "rumour", "rumor", "smear", "insinuation", "statement", "article", "account", "conclusion",
               "finding", "assessment", "figure", "estimate", "version", "narrative", "theory", "case", "lawsuit",
               "complaint", "indictment"}
DEMONSTRATIVES = {"this", "that", "these", "those"}
FALSITY = {"false", "untrue", "baseless", "unfounded", "groundless", "absurd", "ridiculous", "nonsense", "rubbish",
           "fabricated", "fabrication", "fiction", "lie", "invented", "inaccurate", "incorrect", "wrong", "fake",
           "misleading", "preposterous", "ludicrous", "slander", "libel", "defamatory", "garbage"}
INNOCENCE = re.compile(r"\b(innocent|not guilty|no wrongdoing|nothing wrong|did nothing illegal|"
                       r"nothing (illegal|improper|unlawful))\b", re.I)
# Verbs whose negation states a perception, belief or wish, not an act anyone could be accused of.
NOT_ACTS = {"see", "know", "think", "believe", "expect", "hear", "feel", "remember", "understand", "want", "need",
            "like", "hope", "seem", "notice", "imagine", "doubt", "mean", "plan", "intend", "wish", "recall",
            "anticipate", "foresee", "realise", "realize", "bother", "worry", "have", "get", "sleep"}
# The ordinary vocabulary of misconduct (crime, corruption, abuse, deceit) as verbs.
MISCONDUCT = {"bribe", "embezzle", "steal", "defraud", "falsify", "forge", "launder", "rig", "extort", "torture",
              "rape", "assault", "harass", "abuse", "cheat", "lie", "mislead", "deceive", "conceal", "smuggle",
              "traffic", "kidnap", "abduct", "murder", "blackmail", "plagiarise", "plagiarize", "collude", "loot",
              "massacre", "intimidate", "overcharge", "fabricate", "misappropriate", "siphon", "bully", "molest",
              "coerce", "swindle", "rob", "hide", "cover", "doctor", "manipulate", "persecute", "execute",
              "misuse", "divert", "pocket", "inflate", "breach", "violate", "evade"}
MISCONDUCT_OBJECTS = {"bribe", "kickback", "backhander", "shortcut"}     # ("took shortcuts")
NON_ACCEPT = {"recognise", "recognize", "accept", "acknowledge"}
MODALS = {"will", "would", "could", "can", "should", "may", "might", "must", "shall", "'ll", "wo", "ca"}
FIRST = {"i", "we", "me", "us", "my", "our", "myself", "ourselves"}
THIRD = {"he", "she", "it", "they", "him", "her", "them", "his", "its", "their"}
NEGATORS = {"none", "nobody", "nothing", "neither", "no one", "noone"}


def verb_stance(lemma: str | None) -> str | None:
    return VERB_STANCE.get(lemma or "")


def of_tokens(verb_lemma: str | None, tokens, reported: bool = False) -> str:
    """The stance of a claim whose reporting verb has ``verb_lemma`` and whose content is ``tokens`` (spaCy tokens,
    in order). ``reported``: the content is reported speech, where he/she/it/they stand for the speaker."""
    by_verb = verb_stance(verb_lemma)
    if by_verb:
        return by_verb
    toks = [t for t in tokens if not t.is_space]
    if not toks:
        return "asserts"
    text = " ".join(t.text for t in toks)
    if NO_COMMENT.search(text) and len(toks) <= 12:
        return "declines_comment"
    m = ACT_NOUN.match(text)
    if m:       # "reiterated its rejection of the ruling": the noun names the speech act
        return NOUN_STANCE[m.group(2).lower()]
    mine = FIRST | (THIRD if reported else set())
    inside = {t.i for t in toks}
    verbs = [t for t in toks if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass")]
    for v in verbs:                     # performatives first: "We categorically deny", "I can confirm"
        subj = _subject(v)
        if subj is not None and subj.lower_ in FIRST and _present_or_modal(v) and not _negated(v):
            got = verb_stance(v.lemma_.lower())
            if got:
                return got
    if AFFIRM.search(text):
        return "confirms"
    for v in verbs:
        subj = _subject(v)
        if v.lemma_.lower() in NON_ACCEPT and _negated(v) and _own_side(subj, mine):
            return "rejects"       # "We do not recognise this court": refusing a claim's authority
        if INNOCENCE.search(" ".join(t.text for t in v.subtree if t.i in inside)) and _own_side(subj, mine):
            return "denies"
        if _negated(v) and _completed(v) and v.lemma_.lower() not in NOT_ACTS and _own_side(subj, mine) and \
                not _state_or_unfinished(v) and not _aside_or_undergone(v, subj) and _charged(v, subj, mine):
            return "denies"
    called = _calls_false(toks, verbs, mine)
    if called:
        return called
    for v in verbs:
        if _disowns_wrong(v) or _done_properly(v, mine):
            return "denies"
    for v in verbs:
        if _accuses(v, mine) or _fails_duty(v, mine) or _done_wrongly(v, mine) or _names_wrong(v) or \
                _reports_accusation(v, mine) or _breaks_rules(v, mine) or _disables_protection(v, mine) or \
                _harms_people(v, mine) or _presses_into_wrong(v, mine):
            return "alleges"
    return "asserts"


# An act named as a wrong (general knowledge of what news reports accuse people of), and the manner of a wrong.
WRONG_NOUNS = {"discrimination", "racism", "corruption", "fraud", "bribery", "theft", "abuse", "harassment",
               "negligence", "cover-up", "coverup", "censorship", "persecution", "retaliation", "retribution",
               "sabotage", "extortion", "blackmail", "intimidation", "misconduct", "wrongdoing", "crime", "lie",
               "deception", "bullying", "torture", "kidnapping", "propaganda", "abduction", "robbery", "scam",
               "murder", "massacre", "violation", "betrayal", "exploitation", "manipulation", "whitewash",
               "embezzlement", "trafficking", "smuggling", "looting", "vandalism", "assault", "rape"}
WRONGLY = {"unfairly", "illegally", "unlawfully", "wrongly", "wrongfully", "improperly", "unjustly",
           "fraudulently", "illegitimately", "arbitrarily"}


# The manner of proper conduct: what a side says of its own acts when their propriety is at issue.
PROPERLY = {"properly", "appropriately", "lawfully", "legally", "correctly", "responsibly", "independently",
            "ethically", "legitimately", "fairly", "transparently"}
# Rules and standards one can be blamed for not following.
RULES = {"rule", "procedure", "practice", "standard", "regulation", "guideline", "protocol", "law", "order",
         "instruction", "policy", "requirement", "code", "norm", "safeguard", "precaution", "principle"}
RULE_VERBS = {"follow", "meet", "obey", "observe", "respect", "honour", "honor", "adhere", "apply", "enforce"}
# What protects people, and the acts that put it out of action.
PROTECTION = {"alarm", "sensor", "safeguard", "safety", "warning", "detector", "sprinkler", "brake", "interlock",
              "failsafe", "fail-safe", "lock", "guard"}
DISABLING = {"disable", "bypass", "override", "deactivate", "inhibit", "disconnect", "tamper", "silence"}


# Violence against people, and what it is threatened with ("beat" and "attack" alone are said of rivals and plans).
VIOLENCE = {"beat", "attack", "shoot", "club", "tear-gas", "teargas", "whip", "stab", "punch", "kick"}
HARMS = {"kill", "beat", "arrest", "jail", "imprison", "shoot", "hurt", "harm", "attack", "torture", "deport", "detain",
         "expel", "punish", "haul", "lock"}
PEOPLE = {"protester", "demonstrator", "journalist", "reporter", "civilian", "people", "prisoner", "detainee", "child",
          "woman", "student", "worker", "villager", "resident", "crowd", "activist", "refugee", "migrant", "patient",
          "passenger", "man", "men", "women", "children", "family", "voter", "supporter", "crew", "team"}


def _harms_people(v, mine: set) -> bool:
    """"police beat the protesters", "they are attacking journalists", "the police threatened to beat them": an act
    of violence against people, or the threat of one, by someone other than the speaker's side."""
    lemma = v.lemma_.lower()
    subj = _subject(v)
    if _negated(v) or subj is None or _own_side(subj, mine | FIRST) or subj.lower_ in ANYONE or \
            any(a.lower_ in MODALS for a in _auxes(v)) or any(c.dep_ == "mark" for c in v.children):
        return False
    if lemma == "threaten":
        return any(c.dep_ == "xcomp" and c.lemma_.lower() in HARMS for c in v.children)
    if lemma not in VIOLENCE:
        return False
    objs = [c for c in v.children if c.dep_ == "dobj"]
    return any(o.lemma_.lower() in PEOPLE or o.lower_ in PEOPLE or o.lower_ in ("them", "him", "her", "us", "me")
               for o in objs)


# Subjecting someone to an act, or pressing someone into one, and the words that make that act a wrong ("unwanted
# sexual advances", "degrading treatment", "a fraudulent lease"); general knowledge of how abuse is reported.
SUBJECTING = {"subject"}
COMPELLING = {"force", "pressure", "pressurise", "pressurize", "coerce", "compel", "push", "bully", "blackmail"}
UNWANTED = {"sexual", "sexually", "unwanted", "inappropriate", "inappropriately", "degrading", "inhuman", "inhumane",
            "cruel", "humiliating", "non-consensual", "nonconsensual", "abusive", "fraudulent", "illegal", "unlawful"}
HARM_NOUNS = WRONG_NOUNS | {"beating", "advance", "ill-treatment", "mistreatment", "maltreatment", "violence",
                            "humiliation", "threat"}
# Who can be wronged: a pronoun, a name, or a word for people ("the interns", "staff", "the prisoners").
PERSON_WORDS = PEOPLE | {"intern", "employee", "colleague", "aide", "victim", "girl", "boy", "inmate", "staff",
                         "servant", "maid", "pupil", "athlete", "player", "tenant", "client", "subordinate"}


def _a_person(t) -> bool:
    return t.lower_ in ("her", "him", "them", "me", "us", "you", "she", "he", "they", "i", "we") or \
        t.ent_type_ == "PERSON" or t.lemma_.lower() in PERSON_WORDS or t.lower_ in PERSON_WORDS


def _presses_into_wrong(v, mine: set) -> bool:
    """"he subjected her to unwanted sexual advances", "sought to pressure her into sexual activity", "she had been
    subjected to degrading treatment": what a third party did to a person, told as an unwanted or wrongful act
    forced on them. No verb of misconduct carries it (the wrong is in what the person was subjected or pressed
    to), so MISCONDUCT does not; the same verbs on things ("subjected the samples to tests", "the crisis pushed
    the bank into a merger") assert."""
    lemma = v.lemma_.lower()
    if lemma not in SUBJECTING | COMPELLING:
        return False
    # "sought to pressure her": the attempt is the act told; its tense and subject are the head's
    act = v.head if v.dep_ == "xcomp" and v.head is not v and v.head.pos_ in ("VERB", "AUX") else v
    if _negated(v) or _negated(act) or not _completed(act) or _open_question(act) or _supposed(act):
        return False
    subj = _subject(act)
    passive = any(c.dep_ == "auxpass" for c in v.children)
    if passive:
        victims = [subj] if subj is not None and _a_person(subj) else []
    else:
        if subj is None or _own_side(subj, FIRST) or subj.lower_ in ANYONE:
            return False
        victims = [c for c in v.children if c.dep_ == "dobj" and _a_person(c)]
    if not victims:
        return False
    preps = {"to"} if lemma in SUBJECTING else {"into"}
    heads = [v] + victims
    return any(t.lemma_.lower() in HARM_NOUNS or t.lower_ in UNWANTED
               for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in preps for t in p.subtree)


def _done_properly(v, mine: set) -> bool:
    """"we acted properly", "he is operating independently of the company": the speaker's side says its own act
    was proper, the usual form of a denial when its propriety is at issue."""
    if _negated(v) or not any(c.dep_ == "advmod" and c.lower_ in PROPERLY for c in v.children):
        return False
    # an act done or being done, not one promised or aimed at ("we will act properly", "to respond appropriately"),
    # nor a condition ("if it is prepared properly") or a thing handled (a passive's subject is no actor)
    if v.tag_ == "VB" or any(a.lower_ in MODALS | {"to"} or a.dep_ == "auxpass" for a in _auxes(v)) or \
            any(c.dep_ == "mark" for c in v.children):
        return False
    return _own_side(_subject(v), mine)


def _names_wrong(v) -> bool:
    """"This is an abduction, not an adoption", "it was a cover-up", "this is like a kidnapping": what was done is
    called a wrong (the mirror of _disowns_wrong)."""
    if v.lemma_ != "be" or _negated(v):
        return False
    subj = _subject(v)
    if subj is None or subj.lower_ not in DEMONSTRATIVES | {"it", "what"}:
        return False
    preds = [c for c in v.children if c.dep_ in ("attr", "acomp")]
    preds += [g for p in v.children if p.dep_ == "prep" and p.lower_ == "like" for g in p.children
              if g.dep_ == "pobj"]
    for a in preds:
        if any(c.dep_ == "neg" and c.i < a.i for c in a.children):     # ("an abduction, not an adoption")
            continue
        if (_as_written(a) | {a.lemma_.lower()}) & WRONG_NOUNS:
            return True
    return False


def _as_written(a) -> set[str]:
    """A predicate noun, alone and with the words hyphenated or compounded onto it ("cover-up")."""
    joined = "".join(t.text for t in a.lefts if t.dep_ in ("compound", "punct") and t.text != '"') + a.text
    return {a.lower_, joined.lower()}


def _reports_accusation(v, mine: set) -> bool:
    """"some experts blamed the outbreak on intensive farming", "critics accuse the firm of negligence": the claim
    tells of an accusation made by someone other than the speaker's side."""
    if v.lemma_.lower() not in ALLEGE_VERBS or _negated(v) or not _completed(v) and v.tag_ not in ("VBP", "VBZ"):
        return False
    subj = _subject(v)
    return subj is not None and not _own_side(subj, mine | FIRST) and subj.lower_ not in ANYONE


def _rule_noun(t) -> bool:
    return t.lemma_.lower() in RULES or any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in RULES | {"safety"}
                                            and t.lemma_.lower() in RULES | {"measure", "check"} for c in t.children)


def _breaks_rules(v, mine: set) -> bool:
    """"key safety practices had not been followed", "the doctors did not meet the standards of the profession":
    a failure to follow rules, by someone other than the speaker's side (active) or by nobody named (passive)."""
    if v.lemma_.lower() not in RULE_VERBS or not _negated(v) or not _completed(v):
        return False
    return _acted_on(v, mine, _rule_noun, preps=True)      # ("adhere to" the rules)


def _acted_on(v, mine: set, fits, preps: bool = False) -> bool:
    """Whether what the act was done to ``fits``: the subject of a passive (nobody named did it), or an object of an
    active verb whose subject is not the speaker's side."""
    subj = _subject(v)
    if any(c.dep_ == "auxpass" for c in v.children):
        return subj is not None and fits(subj)
    objs = [c for c in v.children if c.dep_ == "dobj"]
    if preps:
        objs += [g for p in v.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
    return any(fits(o) for o in objs) and subj is not None and not _own_side(subj, mine | FIRST)


def _protective(t) -> bool:
    return t.lemma_.lower() in PROTECTION or any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in PROTECTION
                                                 for c in t.children)


def _disables_protection(v, mine: set) -> bool:
    """"the alarm system had been disabled", "vital warning systems were switched off", "they bypassed the safety
    device": a protection put out of action, told as done (by another side, or in the passive)."""
    lemma = v.lemma_.lower()
    off = lemma in ("switch", "turn", "shut") and any(c.dep_ == "prt" and c.lower_ == "off" for c in v.children)
    if not (lemma in DISABLING or off) or _negated(v) or not _completed(v):
        return False
    return _acted_on(v, mine, _protective)


def _disowns_wrong(v) -> bool:
    """"the move was a medical measure and not an act of discrimination", "this is not a cover-up": what was done
    is said not to be the wrong it is charged with."""
    if v.lemma_ != "be":
        return False
    preds = [c for c in v.children if c.dep_ in ("attr", "acomp")]
    preds += [c for p in preds for c in p.children if c.dep_ == "conj"]     # "an issue and not an act of ..."
    for a in preds:
        neg = any(c.dep_ == "neg" for c in (*v.children, *a.children) if c.i < a.i)
        named = _as_written(a) | {g.lower_ for p in a.children if p.dep_ == "prep" and p.lower_ == "of"
                                  for g in p.children if g.dep_ == "pobj"}
        if neg and named & WRONG_NOUNS:
            return True
    return False


def _done_wrongly(v, mine: set) -> bool:
    """"their citizens were being unfairly confined", "the board illegally sold the land": an act told as done in
    the manner of a wrong, by someone other than the speaker's side."""
    if not any(c.dep_ == "advmod" and c.lower_ in WRONGLY for c in v.children) or _negated(v) or not _completed(v) \
            or v.lemma_.lower() in EXPERIENCED or _open_question(v) or _supposed(v):
        return False
    subj = _subject(v)
    passive = any(c.dep_ == "auxpass" for c in v.children)
    return passive or subj is not None and not _own_side(subj, mine | FIRST)


# Acts a side is held to account for, beyond the misconduct verbs: saying, ordering, taking part, causing harm.
CULPABLE = {"say", "tell", "order", "authorise", "authorize", "approve", "sanction", "involve", "participate",
            "interfere", "influence", "pressure", "threaten", "cause", "discriminate", "harm", "hurt", "kill",
            "endanger", "neglect", "ignore", "block", "withhold", "leak", "compromise", "spy", "hack", "sack",
            "commit", "mistreat", "punish", "target", "provoke", "incite", "fund", "finance", "profit", "benefit",
            "dump", "pollute", "discharge", "spill", "cut", "evict"}
# What such an act is about when the verb itself is plain ("made no mistakes", "took no part", "had no role").
FAULT_NOUNS = {"mistake", "error", "wrong", "responsibility", "fault", "blame", "link", "connection", "involvement",
               "contact", "shortcut", "corner", "favour", "favor"}
# Plain verbs that deny a wrong when what they take is money ("never took a penny", "did not pay them"), and the
# money itself (not MONEY, whose figures and estimates are what is inflated: "we have not received the results").
MONEY_VERBS = {"take", "receive", "accept", "pay", "ask", "demand", "give", "offer", "spend", "keep", "use"}
CURRENCY = {"money", "fund", "cash", "aid", "donation", "payment", "dollar", "pound", "euro", "million", "billion",
            "fee", "salary", "bonus", "grant", "loan"}
CASH = CURRENCY | {"cent", "penny", "dime", "sum", "kickback", "bribe", "gift"}
# "Part" and "role" are at issue only as what one takes or plays ("took no part", "played no role"; not "we did
# not receive the parts").
ROLE_VERBS = {"take", "play", "have"}
# Verbs of origin: negated with "from"/"by" they deny a link ("the baby did not die from swine flu", "the tar balls
# had not come from the spill").
ORIGIN = {"die", "originate", "come", "result", "stem", "arise", "spread", "cause", "catch", "contract"}
_CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "conj", "xcomp", "parataxis", "csubj", "acl"}


def _charged(v, subj, mine: set) -> bool:
    """A negated act of the speaker's own is a denial only when it is an act one is held to account for: a
    misconduct verb or one of CULPABLE, a plain verb whose object names a fault, money taken or paid, or a link
    to a cause denied; or when it is written as a denial is: "never" with the speaker's own pronoun ("I never
    signed it", "we never received the letter"), or an object the speaker points at as the matter at issue ("we
    did not sign that lease"). "We have not received any report of oil on the beach", "my teacher didn't come today",
    "I didn't cry when my father died" deny nothing at issue: most negated sentences in quotes are plain
    statements (bench/claims_t17.py: 23 of 30 such "said" denials read wrong)."""
    lemma = v.lemma_.lower()
    if lemma in MISCONDUCT | CULPABLE:
        return True
    # ("never tried to hide anything", "did not mean to mislead")
    if any(c.dep_ == "xcomp" and c.lemma_.lower() in MISCONDUCT | CULPABLE for c in v.children):
        return True
    if subj is not None and subj.lower_ in mine and any(c.lower_ == "never" for c in v.children):
        return True
    if any(c.dep_ == "dobj" and any(d.dep_ == "det" and d.lower_ in ("that", "those") for d in c.children)
           for c in v.children):
        return True
    words = [t for c in v.children if c.dep_ not in _CLAUSE_DEPS | {"nsubj", "nsubjpass", "aux", "auxpass", "neg"}
             for t in c.subtree]
    lemmas = {t.lemma_.lower() for t in words}
    if lemmas & (FAULT_NOUNS | WRONG_NOUNS | MISCONDUCT_OBJECTS) or lemma in ROLE_VERBS and lemmas & {"part", "role"}:
        return True
    if lemma in MONEY_VERBS and lemmas & CASH:
        return True
    return lemma in ORIGIN and any(c.dep_ in ("prep", "agent") and c.lower_ in ("from", "by", "of")
                                   for c in v.children)


def _state_or_unfinished(v) -> bool:
    """"we were not worried", "it was not clear" (a state, not an act), "we have not yet stopped it" (an act still
    to finish, not a denial)."""
    if v.lemma_ == "be" and any(c.dep_ in ("acomp", "attr") for c in v.children):
        return True
    return any(c.lower_ in ("yet", "still") for c in v.children)


# Verbs whose subject undergoes what happens ("communities were suffering unfairly"): no one is said to do a wrong.
EXPERIENCED = {"suffer", "lose", "die", "struggle", "endure"}


def _open_question(v) -> bool:
    """The verb, or the first of the verbs it is coordinated with, opens with if/whether/unless: "investigators are
    exploring whether BP ignored warnings, falsified records or tampered with equipment" asks, and accuses no one."""
    while True:
        if any(c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless") for c in v.children):
            return True
        if v.dep_ != "conj" or v.head is v:
            return False
        v = v.head


BELIEF = {"believe", "think", "feel", "consider", "suspect", "fear"}


def _supposed(v) -> bool:
    """A wrong told only as a supposition: the consequence of a condition ("if they had been, they were stolen"), or
    the belief of whoever may hold it ("any business that believes it was treated unfairly can file a claim")."""
    if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
           for c in v.children):
        return True
    h = v
    while h.dep_ in ("ccomp", "conj") and h.head is not h:
        h = h.head
        if h.lemma_.lower() in BELIEF and h.dep_ == "relcl":
            return True
    return False


# Subordinators of a condition, a cause or a time: the clause they open is no act the speaker stands by.
CLAUSE_MARKS = {"if", "unless", "whether", "because", "when", "while", "though", "although", "as", "since", "until"}


def _aside_or_undergone(v, subj) -> bool:
    """A negated verb that denies no act of the speaker's side: one in a relative clause ("a caveat he did not
    include", the reporter's aside) or a conditional or causal one ("if we weren't there"), a progressive ("it was
    not advising the public", "they were not suffering": what was going on, not an act done), or a passive whose
    subject is "he/she/it/they" ("she had not been given the drug": what was done to someone, whom reported speech
    need not make the speaker). "Involved" is the exception: "it had not been involved" disowns an act."""
    if v.dep_ in ("relcl", "acl") or any(c.dep_ == "mark" and c.lower_ in CLAUSE_MARKS for c in v.children):
        return True
    aux = _auxes(v)
    if v.tag_ == "VBG" and any(a.lemma_ == "be" for a in aux):
        return True
    return any(a.dep_ == "auxpass" for a in aux) and subj is not None and subj.lower_ in THIRD and \
        v.lemma_.lower() != "involve"


def _subject(v):
    s = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if s is None and v.dep_ == "conj" and v.head is not v:
        return _subject(v.head)     # "He lied to the committee and lied to the public"
    return s


def _negated(v) -> bool:
    if any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't") for c in v.children):
        return True
    subj = _subject(v)
    if subj is not None and (subj.lower_ in NEGATORS or any(c.lower_ == "no" and c.dep_ == "det"
                                                          for c in subj.children)):
        return True
    return any(c.dep_ in ("dobj", "attr") and (c.lower_ in NEGATORS or any(
        d.lower_ == "no" for d in c.children if d.dep_ == "det")) for c in v.children) and v.lemma_ != "be"


def _auxes(v) -> list:
    return [c for c in v.children if c.dep_ in ("aux", "auxpass")]


def _present_or_modal(v) -> bool:
    return v.tag_ in ("VBP", "VBZ", "VB") or any(a.lower_ in MODALS for a in _auxes(v))


def _completed(v) -> bool:
    """A past or perfect act, not a plan, habit or possibility: "did not sign", "had not fired", "were not"."""
    aux = [a.lower_ for a in _auxes(v)]
    if any(a in MODALS for a in aux) or "going" in aux:
        return False
    if v.tag_ == "VBD" or any(a in ("did", "had", "has", "have", "was", "were", "'d") for a in aux):
        return True
    return False


def _own_side(subj, mine: set) -> bool:
    """The subject is the speaker's side: I, we, our staff, none of us (and in reported speech he/it/their)."""
    if subj is None:
        return False
    if subj.lower_ in mine:
        return True
    return any(t.lower_ in mine and t.dep_ in ("poss", "pobj", "nsubj") for t in subj.subtree)


def _calls_false(toks, verbs, mine: set) -> str | None:
    """"The report is false", "Absurd." -> rejects; "it is untrue that I took the money" -> denies (the falsity
    is said of the speaker's own act)."""
    words = [t for t in toks if not t.is_punct]
    if 0 < len(words) <= 3 and all(t.lower_ in FALSITY or t.dep_ in ("advmod", "det", "cc") for t in words) and \
            any(t.lower_ in FALSITY for t in words):
        return "rejects"      # "Absurd.", "Utter nonsense."
    for v in verbs:
        if v.lemma_ != "be" and v.tag_ != "VBN":
            continue
        subj = _subject(v)
        preds = [c for c in v.children if c.dep_ in ("acomp", "attr")] + ([v] if v.tag_ == "VBN" else [])
        # the parser hangs the that-clause on "was" or, after a quote mark ("it was 'untrue that ..."), on the
        # predicate itself
        clause = next((c for h in [v, *preds] for c in h.children if c.dep_ == "ccomp"), None)
        extraposed = subj is not None and subj.lower_ == "it" and clause is not None
        if subj is None or not (subj.lemma_.lower() in CLAIM_NOUNS or subj.lower_ in DEMONSTRATIVES or extraposed):
            continue
        if any(p.lemma_.lower() in FALSITY or p.lower_ in FALSITY or
               any(m.lower_ in FALSITY for m in p.children if m.dep_ in ("amod", "compound")) for p in preds) \
                and not _negated(v):
            if extraposed and _own_side(_subject(clause), mine):
                return "denies"
            return "rejects"
    return None


def _misconduct_sense(v) -> bool:
    """Whether a verb of MISCONDUCT is used in that sense. Three have an everyday sense as common: "oil covered the
    marsh" (only a cover-up is concealment), "crabs lay dead", "lying in the street" (the other "lie": placed, or in
    a state, where deceit is "lied", "was lying"), and "I was covered up" or "they hid in the cellar" (a person
    covered or hidden is no matter concealed)."""
    lemma, word = v.lemma_.lower(), v.lower_
    if lemma == "cover" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in v.children):
        return False
    if lemma == "lie" and (word in ("lay", "lain", "lays", "laying") or any(
            c.dep_ == "prep" and c.lower_ in PLACED or c.dep_ in ("acomp", "oprd") or
            c.dep_ == "advmod" and c.lower_ in ("down", "low", "still", "awake") for c in v.children)):
        return False
    subj = _subject(v)
    if lemma in LITERAL_FIRST:
        # "siphoned oil to the ship", "flights were diverted", "the river breached its banks": the everyday sense,
        # unless what is moved or broken is money or a rule ("siphoned off aid money", "breached the contract").
        things = [c for c in v.children if c.dep_ == "dobj"] + \
            ([subj] if subj is not None and any(c.dep_ == "auxpass" for c in v.children) else [])
        return any(t.lemma_.lower() in MONEY | RULES | {"contract", "agreement", "trust", "duty", "sanction"}
                   for t in things)
    if lemma in ("cover", "hide") and subj is not None and subj.lower_ in PERSONS_SELF:
        return not any(c.dep_ == "auxpass" for c in v.children) and any(c.dep_ == "dobj" for c in v.children)
    return True


# Verbs of MISCONDUCT whose everyday sense moves or breaks things, and what they move or break in the other sense.
LITERAL_FIRST = {"siphon", "divert", "inflate", "pocket", "breach"}
MONEY = CURRENCY | {"budget", "revenue", "profit", "asset", "account", "figure", "number", "price", "cost", "bill",
                    "claim", "tax", "saving", "pension", "wage", "invoice", "expense", "earning", "sale", "estimate",
                    "statistic", "rate", "value", "toll", "result", "record"}
# Prepositions that place the one lying ("lying in hospital", "lay along the shore").
PLACED = {"in", "on", "at", "under", "beneath", "along", "beside", "near", "across", "among", "inside", "outside",
          "around", "by", "within", "underneath", "below"}
# Words for the one covered or hidden (and not the thing concealed), and the indefinite "those who" of a rule.
PERSONS_SELF = {"i", "you", "he", "she", "we", "they", "who", "someone", "everyone"}
ANYONE = {"those", "anyone", "anybody", "whoever", "everyone", "people", "person", "someone", "whosoever"}


def _generic_doer(v) -> bool:
    """"those who violated the order would be fined", "anyone who breaches it": a rule for whoever does it, not an
    accusation of anyone."""
    subj = _subject(v)
    return subj is not None and subj.lower_ in ("who", "that") and v.dep_ == "relcl" and v.head.lower_ in ANYONE


def _accuses(v, mine: set) -> bool:
    lemma = v.lemma_.lower()
    objs = [c for c in v.children if c.dep_ == "dobj"]
    if lemma not in MISCONDUCT and not any(o.lemma_.lower() in MISCONDUCT_OBJECTS for o in objs):
        return False
    if lemma in MISCONDUCT and not _misconduct_sense(v) or _generic_doer(v):
        return False
    if _negated(v) or not _completed(v) or _open_question(v) or _supposed(v):
        return False
    subj = _subject(v)
    if v.tag_ != "VBN" or not any(a.dep_ == "auxpass" for a in _auxes(v)):
        # ("this" as the doer is a parse that borrowed the subject of "this means that ...": no one accused)
        return subj is not None and not _own_side(subj, FIRST) and subj.lower_ not in ("this", "these")
    return True         # a passive act of misconduct ("had been bribed"): someone did it


# Who can be blamed for a failure: bodies and people named by their role (a name or a pronoun also counts).
AGENT_NOUNS = {"company", "firm", "government", "authorities", "authority", "agency", "regulator", "regulators",
               "police", "officials", "council", "ministry", "administration", "operator", "operators", "management",
               "board", "bank", "army", "military", "state", "owners", "owner", "contractor", "contractors",
               "school", "hospital", "court", "department", "commission", "minister", "president", "leaders",
               "county", "city", "town", "municipality", "province", "region", "staff", "union", "party", "club",
               "body", "landlord", "team", "crew", "guards", "troops", "soldiers", "doctors", "nurses", "teachers"}
# What one can be blamed for ignoring.
DUTIES = {"warning", "advice", "concern", "complaint", "rule", "law", "order", "request", "plea", "sign", "risk",
          "alarm", "report", "recommendation", "regulation", "safety"}


# What one can be blamed for failing to do: to protect, prevent, warn, disclose, act ("failed to win" or "did little
# to hide her anger" blames nobody).
DUTY_VERBS = {"prevent", "stop", "protect", "help", "combat", "address", "tackle", "curb", "ensure", "fix", "warn",
              "save", "reduce", "contain", "monitor", "act", "disclose", "report", "inform", "respond", "comply",
              "notify", "maintain", "inspect", "investigate", "pay", "provide", "supervise", "regulate", "enforce",
              "secure", "evacuate", "rescue", "tell", "alert", "clean", "check", "test", "train", "represent"}


def _fails_duty(v, mine: set) -> bool:
    """A failure of duty laid at a third party's door, as the claim's own predicate: "the company did little to
    prevent the damage", "the state has not done enough to protect them", "the agency failed to monitor safety",
    "the regulator ignored repeated warnings". The one failing must be someone who can be blamed (a name, a
    pronoun, or a body's or office's noun: "the talks failed to produce a deal" blames nobody), the failure past or
    perfect, and not the speaker's own side (that is an admission, and reads as an assertion)."""
    lemma = v.lemma_.lower()
    objs = [c for c in v.children if c.dep_ == "dobj"]
    duty = any(c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in DUTY_VERBS and
               any(a.lower_ == "to" for a in c.children) for c in v.children)
    if lemma == "do":
        little = any(o.lower_ in ("little", "nothing") for o in objs)
        short = any(o.lower_ == "enough" for o in objs) and any(c.dep_ == "neg" for c in v.children)
        failed = duty and (little or short)
    elif lemma == "fail":
        failed = duty and not _negated(v)
    elif lemma in ("ignore", "neglect", "disregard"):
        failed = any(o.lemma_.lower() in DUTIES or o.lemma_.lower() == "duty" for o in objs) and not _negated(v)
    else:
        return False
    if not failed or not _completed(v) or any(c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless")
                                              for c in v.children):
        return False
    subj = _subject(v)
    if subj is None or _own_side(subj, mine | FIRST):
        return False
    noun = subj.lemma_.lower()
    # an agent noun names someone by what they do: inspector, regulator, manager, engineer
    return subj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or subj.lower_ in THIRD or noun in AGENT_NOUNS or \
        subj.pos_ == "NOUN" and re.search(r"(?:[^e]er|or|ist|ian)$", noun) is not None


@lru_cache(maxsize=2048)
def _parse(text: str):
    from . import nlp
    return next(nlp.parse([text]))


def claim_stance(verb_lemma: str | None, content: str, reported: bool = False) -> str:
    """The stance of a claim given as text (parsed on its own)."""
    if verb_stance(verb_lemma):
        return verb_stance(verb_lemma)
    return of_tokens(verb_lemma, list(_parse(content)), reported)
