"""Claims: who said what, with stance and anonymous sourcing marked.

Two passes over an article. First the direct quotes: quote marks are paired over the raw text (curly, straight,
single; a paragraph that ends inside a quote continues when the next paragraph opens a quote, the newspaper
convention), and each quote takes the nearest reporting verb outside quotes in its own or an adjacent sentence,
whether the attribution comes before, after or inside it. A quote with no verb of its own that follows an attributed
quote continues that claim. Then reported speech: a reporting verb with a complement ("X said that ...", "X denied
...", "X told Reuters ..."), "according to X", refusals to comment and "it is understood that".

spaCy has no quotation or attribution component and textacy's direct_quotations gives up on unclosed quotes and
reported speech, hence this module (bench/claims_bench.py compares the two).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .coref import GENDERED
from .ingest.chrome import opener_end
from .profile import HONORIFICS, HUMAN_NOUNS, TITLE_HEADS
from .model import Claim, Mention, Sentence, Source, stable_id, word_key
from .stance import NO_COMMENT, claim_stance, of_tokens  # noqa: F401  (claim_stance: the text entry point)
from .nlp import DASHES, doc_text

SAY = {"say", "tell", "add", "state", "announce", "claim", "allege", "accuse", "deny", "reject", "confirm", "insist",
       "argue", "warn", "note", "explain", "write", "describe", "reiterate", "admit", "acknowledge", "stress",
       "urge", "suggest", "dismiss", "refute", "respond", "reply", "comment", "understand", "concede",
       "decline", "refuse", "predict", "maintain", "assert", "contend", "testify", "tweet", "post", "recall",
       "complain", "estimate", "forecast", "promise", "pledge", "vow", "conclude", "find", "show", "report",
       "dispute", "contest", "repudiate", "rebut", "lament", "quip", "remark", "observe", "exclaim", "muse"}
# Verbs that make a claim only with a clausal complement, never with a plain object ("showed the bridge").
NEEDS_CLAUSE = {"find", "show", "report", "write", "note", "understand", "post", "recall", "conclude", "suggest",
                "estimate", "add", "explain", "predict", "maintain",     # ("paid the firm to maintain it")
                "lament", "remark", "observe", "muse"}                   # ("lamented the loss", "observed a minute's silence")
# Claims only, not event modality (events.py reads SAY too): opinions stated as a source's ("experts fear that
# ..."), and speech verbs that report only a quote or a clause ("he continued", "she asked", "pointed out that").
THINK = {"believe", "suspect", "fear", "worry", "expect",
         "agree", "consider"}     # a view held ("experts agree that", "considers the plan to be"), with a clause only
SPEAK_ON = {"continue", "ask", "answer", "highlight", "reveal", "inform", "point",
            # speech verbs among those bench/claims_vocab.py finds taking a that-clause in Timeline17 articles
            # outside the labelled set (declare, mention, observe, speculate, assure), with emphasise (missed in
            # the real set) and caution, stress's and warn's kin; with a plain object they are acts ("declared a
            # pandemic")
            "emphasize", "emphasise", "declare", "mention", "observe", "speculate", "assure", "caution",
            "disclose",     # (bench/claims_vocab.py, round 5: "He disclosed that the company has ...")
            # words said aloud, which report only a quote or a clause ('was led out shouting: "..."')
            "shout", "yell", "scream", "chant"}
NEEDS_CLAUSE |= THINK | SPEAK_ON
# What a sign, banner or placard reads is a claim of its unnamed author, as the real-set labellers count it ('"...,"
# reads a sign in a front yard'); the sign phrase stands as the speaker. A sign that only appeals
# ("God save us all") is left to the labels' own rule (appeals are no claims), which the parse cannot tell.
INSCRIPTIONS = {"sign", "banner", "placard", "poster", "billboard", "inscription", "slogan", "graffiti", "plaque",
                "sticker", "t-shirt", "shirt"}
# Verbs that report what someone called a thing only with "as" ("denounced the plan as a giveaway") or a clause:
# with a plain object they tell of an act or a subject matter ("described the backlog to a panel", "describes the
# atmosphere"), not of words the speaker stands by.
AS_VERBS = {"describe", "denounce", "brand", "label", "characterise", "characterize", "portray", "hail"}
# "Blamed the spill on a breakdown of safety", "blamed the regulator for the delays", "criticised the board for
# failing to act": an allegation only with what is blamed and on whom (or for what); "blamed himself", "is to
# blame" or "criticised the plan" alone names no fault.
BLAME = {"blame", "criticise", "criticize", "fault"}
# Verbs whose particle makes them speech or not: "pointed out that" is, "find out whether" is not.
PARTICLE = {"point": "out", "find": None}
ANON_HEADS = {"source", "sources", "official", "officials", "diplomat", "diplomats", "insider", "insiders", "aide",
              "aides", "person", "people", "someone", "witness", "witnesses", "resident", "residents", "analyst",
              "analysts", "worker", "workers", "employee", "employees", "parent", "parents", "tenant", "tenants",
              "neighbour", "neighbours", "neighbor", "neighbors", "commander", "commanders", "officer", "officers",
              "colleague", "colleagues", "staff", "member", "members", "expert", "experts", "nurse", "doctor",
              "driver", "passenger", "passengers", "friend", "friends", "relative", "relatives", "man", "woman",
              "men", "women", "guard", "guards", "student", "students", "teacher", "villager", "villagers",
              "survivor", "survivors", "executive", "executives", "one", "two", "three", "several", "many",
              "some", "others", "investigator"}
ANON_PHRASE = re.compile(r"\b(on condition of anonymity|(?:asked|declined|refused|wished|preferred|did not want|"
                         r"didn't want|does not want) (?:not )?to be (?:named|identified)|requested anonymity|"
                         r"not authori[sz]ed|familiar with|close to the|speaking privately|said privately)\b", re.I)
PRONOUNS = {"he", "she", "they", "we", "i", "it"}
OPENERS = {"“": "”", "‘": "’", '"': '"', "'": "'", "«": "»", "``": "''", "`": "'"}


@dataclass
class RawClaim:
    article: str
    sent: Sentence                 # the sentence that carries the attribution (or the first one)
    speaker_text: str | None
    speaker_start: int
    speaker_end: int
    stance: str
    anonymous: bool
    kind: str
    content: str
    content_start: int
    content_end: int
    parts: list[tuple[int, int]] = field(default_factory=list)
    span: tuple[int, int] = (0, 0)     # the sentences the claim covers, for the claim's source span
    speaker_entity_hint: int = -1      # index of an earlier claim whose speaker a pronoun refers to
    verb: str | None = None            # lemma of the reporting verb
    carried: bool = False              # an unattributed quote paragraph: its speaker is the claim's at hint
    evidence: bool = False             # the speaker is a test or finding ("tests showed"), not one who speaks
    # What speaker_entity needs from the parse (the raw claims outlive it):
    it_subject: tuple[int, int] | None = None   # for an "it" speaker, the previous sentence's singular subject
    role_head: str | None = None       # the title noun heading a description speaker ("the port's director")
    definite: bool = False             # that description is definite ("the", a possessive), so names one holder
    name_runs: list[tuple[int, int]] = field(default_factory=list)  # proper-noun runs in the speaker phrase
    spokesperson: bool = False         # an unnamed spokesperson ("a spokeswoman for the office of X")
    dwellers: bool = False             # a plural of people who live or are somewhere ("families in X, Y and Z")


# --- quotes ---

def quote_spans(text: str) -> list[list[tuple[int, int]]]:
    """Quotes as lists of content parts (without the marks); a part ends at a paragraph break when the next
    paragraph reopens the quote. Straight and single marks are told from apostrophes by their neighbours."""
    out: list[list[tuple[int, int]]] = []
    i, n = 0, len(text)
    while i < n:
        # Penn Treebank text (tokenised corpora) writes `` and '' for double quotes, ` and ' for single.
        ch = "``" if text.startswith("``", i) else text[i]
        if ch in OPENERS and _opens(text, i):
            close = OPENERS[ch]
            start = i + len(ch)
            while start < n and text[start] == " ":
                start += 1      # tokenised text puts a space inside the marks
            parts, j = [], start
            while j < n:
                c = text[j:j + len(close)]
                if c == close and _closes(text, j, ch) and not (close == "'" and text.startswith("''", j)):
                    parts.append((start, _rstrip(text, start, j)))
                    j += len(close) - 1
                    break
                if c == "\n":
                    k = j
                    while k < n and text[k].isspace():
                        k += 1
                    if "\n" not in text[j + 1:k] and k < n and not text.startswith(ch, k):
                        j += 1      # a line wrapped inside a paragraph, not a paragraph break
                        continue
                    parts.append((start, _rstrip(text, start, j)))
                    if k < n and text.startswith(ch, k):
                        start = j = k + len(ch)     # left open: the quote runs on into the next paragraph
                        while start < n and text[start] == " ":
                            start = j = start + 1
                        continue
                    if _closed_later(text, k, ch, close):
                        start = j = k       # text with one sentence a line: the quote closes a line or two on
                        continue
                    break
                j += 1
            else:
                parts.append((start, _rstrip(text, start, n)))
            parts = [(a, b) for a, b in parts if b > a]
            if parts:
                out.append(parts)
            i = max(j, i) + 1
            continue
        i += 1
    return out


RUN_ON_LINES = 6     # how many lines on a quote left open may still close


def _closed_later(text: str, k: int, opener: str, close: str) -> bool:
    """Whether a double quote left open at a line break closes in one of the next few lines, before any quote
    opens: corpora written one sentence a line (Timeline17) break a quoted passage at every sentence without
    reopening the mark. A lone closing mark is what tells; single marks are left out, as apostrophes look alike."""
    if opener not in ("“", '"', "``"):
        return False
    lines = [m.span() for m in re.finditer(r"[^\n]+", text[k:]) if m.group().strip()][:RUN_ON_LINES]
    for a, b in lines:
        for i in range(k + a, k + b):
            if text.startswith(opener, i) and _opens(text, i):
                return False
            if text.startswith(close, i) and _closes(text, i, opener):
                return True
    return False


def _rstrip(text: str, a: int, b: int) -> int:
    while b > a and text[b - 1].isspace():
        b -= 1
    return b


def _opens(text: str, i: int) -> bool:
    ch = text[i]
    prev = text[i - 1] if i else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if ch in "“«" or text.startswith("``", i):
        return True
    if ch == "`":
        return not prev.isalnum()
    if ch == "'" and re.match(r"(s|re|ll|ve|d|m|t)\b", text[i + 1:i + 4], re.I):
        return False     # a clitic split off by tokenisation ("He 's", "they 're")
    if ch == "‘":
        return not prev.isalnum()
    # Straight marks and ‘ open after a space or bracket and before a word; "rock 'n' roll" and "'90s" do not.
    return (prev.isspace() or prev in "([—–-:") and (nxt.isalnum() or nxt in "….")


def _closes(text: str, j: int, opener: str) -> bool:
    if opener in ("“", "«", "``"):
        return True
    if opener == "`":      # tokenised text: the closing ' stands alone between spaces ("mess . '")
        return j + 1 >= len(text) or not text[j + 1].isalnum()
    nxt = text[j + 1] if j + 1 < len(text) else " "
    prev = text[j - 1]
    # An apostrophe sits between letters ("don't", "Koss’s"); a closing mark is followed by a non-letter.
    return not nxt.isalnum() and not prev.isspace()


# --- helpers over the parse ---

# "put the number of infections at 840", "estimated the damage at $2bn", "placed the toll at 26": a figure someone
# gives, told without a clause.
FIGURE_VERBS = {"put", "estimate", "place"}
FIGURE_NOUNS = {"number", "toll", "figure", "cost", "costs", "damage", "damages", "total", "count", "tally",
                "value", "loss", "losses", "bill", "price", "rate", "amount", "size", "flow", "casualties", "death",
                "deaths", "estimate", "level"}


def figure_at(t):
    """The "at" phrase that gives a figure to a figure verb's object, or None."""
    obj = next((c for c in t.children if c.dep_ == "dobj"), None)
    if t.lemma_.lower() not in FIGURE_VERBS or obj is None or obj.lemma_.lower() not in FIGURE_NOUNS:
        return None
    # The parser hangs "at ..." on the verb or on its object ("estimated [the damage at $2bn]").
    return next((c for c in [*t.children, *obj.children] if c.dep_ == "prep" and c.lower_ == "at" and
                 any(g.like_num or re.search(r"\d", g.text) for g in c.subtree)), None)


def is_claim_verb(t) -> bool:
    """A reporting verb: one of SAY, or an opinion or speech verb of its own kind (THINK, SPEAK_ON), with the
    particle that makes it speech, and none of the control complements that make it an act ("continued to rise",
    "asked him to leave")."""
    lemma = t.lemma_.lower()
    if lemma == "put" and _as_clause(t) or figure_at(t) is not None:
        return True   # "as the minister put it": an idiom of attribution; "put the toll at 26": a figure given
    if lemma == "read" and t.pos_ == "VERB" and (subj := _subject(t)) is not None and \
            subj.lemma_.lower() in INSCRIPTIONS:
        return True   # "a sign reads", '"...," reads a banner'
    if t.pos_ in ("VERB", "AUX") and _phrased_speech(t):
        return True
    if t.pos_ not in ("VERB", "AUX") or lemma not in SAY | THINK | SPEAK_ON | AS_VERBS | BLAME:
        return False
    if lemma in PARTICLE and PARTICLE[lemma] != next((c.lower_ for c in t.children if c.dep_ == "prt"), None):
        return False
    return lemma in SAY or not any(c.dep_ == "xcomp" for c in t.children)


# A view held, said with an adjective and a clause ("officials are worried it might return", "she is confident
# that the dam will hold"), as THINK's verbs say it.
VIEW_ADJS = {"worried", "concerned", "confident", "convinced", "sure", "certain", "hopeful", "optimistic",
             "pessimistic", "adamant", "fearful", "afraid"}


POSSIBILITIES = {"risk", "possibility", "chance", "link", "connection", "involvement", "likelihood", "prospect",
                 "foul"}      # ("ruled out foul play")
QUOTE_MARKS = set('"“”‘’«»') | {"``", "''"}


def _phrased_speech(t) -> bool:
    """Speech said with a verb's phrase rather than a verb of saying: "ruled out any risk", "spoke of seeing bodies",
    "called the explosion "a tragic disaster"", "are worried (that) ..."; each only in the frame that makes it
    speech ("ruled on the appeal", "spoke to reporters", "called a meeting", "are worried" alone are not)."""
    lemma = t.lemma_.lower()
    kids = list(t.children)
    if lemma == "rule":     # a possibility ruled out is a claim; a measure ruled out ("a travel ban") a decision
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in kids) and any(
            c.dep_ == "dobj" and (c.lemma_.lower() in POSSIBILITIES or any(g.lower_ in POSSIBILITIES for g in
                                                                          c.children)) for c in kids)
    if lemma == "speak":
        return any(c.dep_ == "prep" and c.lower_ == "of" for c in kids)
    if lemma == "call":
        # a judgement quoted ('called the blast "a tragic accident"'), not a name in general use ("what locals
        # call the pit", "they call them camps") nor a name given ("called it Mexico flu", "calls itself ...")
        subj = next((c for c in kids if c.dep_ == "nsubj"), None)
        usage = t.tag_ == "VBP" and (subj is None or subj.lower_ in ("they", "we", "you", "people", "locals")) or \
            any(c.dep_ == "dobj" and (c.tag_ in ("WP", "WDT") or c.lower_.endswith("self")) for c in kids)
        quoted = any(c.dep_ == "oprd" and any(g.tag_ in ("``", "''") or g.text in QUOTE_MARKS for g in c.subtree)
                     for c in kids)
        return not usage and quoted and any(c.dep_ == "dobj" for c in kids)
    if lemma == "be":
        subj = next((c for c in kids if c.dep_ == "nsubj"), None)
        return subj is not None and subj.lower_ not in ("it", "this", "that") and any(
            c.dep_ == "acomp" and c.lower_ in VIEW_ADJS and any(g.dep_ == "ccomp" for g in c.children) for c in kids)
    return False


def _pieces(text: str, parts: list[tuple[int, int]]) -> str:
    """A claim's words from its pieces (a split quote, a clause around its source), joined by a space."""
    return " ".join(text[a:b] for a, b in parts)


def _span_text(tokens) -> tuple[str, int, int]:
    toks = sorted(tokens, key=lambda t: t.i)
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
    return doc_text(toks[0].doc)[start:end], start, end


def _subject(verb):
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects and subjects[0].i < verb.i:
        # "GENEVA (Reuters) - The World Health Organization declared ...": the parser may make the dateline's place
        # a subject, with the speaker a second subject or hung on the place as an apposition; the words of a
        # dateline say where the report was filed, never who spoke.
        sent = verb.sent
        cut = sent.start_char + opener_end(sent.text)
        if subjects[0].idx < cut:
            # (not a medium the parser hung there: "(Update ...) Via Twitter, CNN's Ann Lee reported:")
            appos = [c for c in subjects[0].subtree
                     if c.dep_ == "appos" and c.idx >= cut and c.pos_ in ("NOUN", "PROPN") and
                     c.left_edge.lower_ not in MEDIUM_PREPS]
            subjects = [c for c in subjects if c.idx >= cut] or appos[:1] or subjects
        if subjects[0].left_edge.lower_ in MEDIUM_PREPS:
            # "Via Twitter, Ana Pell reported:" parsed with the medium as the subject and the person its apposition
            appos = [c for c in subjects[0].children if c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN")]
            subjects = appos[:1] or subjects
    if subjects:
        # Two subjects are a misparse. Where the first is no noun ("Both in X's testimony and in a statement, the
        # administration vowed") or the first half of a hyphenated word ("E-mails" split as "E", "-", "mails"),
        # the later one is the noun phrase that acts; otherwise the first stays ("A statement on the page of the
        # website Facebook said": the parser's second subject is a name inside the first's modifier).
        before = [c for c in subjects if c.i < verb.i]
        first = subjects[0]
        misread = first.pos_ not in ("NOUN", "PROPN", "PRON") or first.tag_ in ("DT", "PDT") or \
            _hyphen_joined(first.doc[first.i + 1])
        return before[-1] if len(before) > 1 and misread else first
    # "state media quoting spokesman Dmitry Peskov as saying": the speaker is the one quoted.
    # "X was quoted by the agency as saying": in the passive the one quoted is the subject.
    if verb.head.lower_ == "as" and verb.head.head.lemma_.lower() in ("quote", "cite"):
        return next((c for c in verb.head.head.children if c.dep_ in ("dobj", "nsubjpass")), None)
    # "X released a statement denying ...", "X filed a suit accusing ...": the one who issued it speaks.
    doc_noun = verb.head
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and doc_noun.lemma_.lower() in DOCUMENTS | LEGAL_PAPERS and \
            doc_noun.dep_ == "dobj" and doc_noun.head.lemma_.lower() in ISSUE_VERBS:
        return _subject(doc_noun.head)
    if verb.dep_ == "xcomp" and (obj := next((c for c in verb.head.children if c.dep_ == "dobj" and
                                               c.i < verb.i), None)) is not None:
        return obj      # "the outbreak led the WHO to declare that ...": the one led speaks, not what led it
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.pos_ in ("VERB", "AUX") and \
            verb.i > verb.head.i and not any(c.dep_ == "mark" for c in verb.children) and \
            (is_claim_verb(verb.head) and not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.head.children)
             or verb.lemma_.lower() in ALOUD):
        # '"...," he pledged, adding that ...', 'was led out shouting: "..."': a participle of speech after its
        # host speaks with the host's subject where the host is speech too, or the participle is words said
        # aloud. Not after an act ("X captured the mood, noting that ...", "suspending his campaign and
        # declaring that ..."), where the writer sums up, nor set before the host ("Describing themselves as
        # ..., X said"), a circumstance of the speech: the labellers leave both out. Nor after a passive ("A
        # statement was expected, announcing that ..."): nothing has been said yet.
        return _subject(verb.head)
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.lower_ == "by" and \
            verb.head.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head.head)    # "X dented hopes by saying that ...": the means is X's own speech
    if verb.dep_ == "advcl" and verb.head.lemma_.lower() == "go" and \
            any(c.dep_ == "prt" and c.lower_ == "on" for c in verb.head.children):
        return _subject(verb.head)     # "X went on to warn of ...", which the parser may read as a purpose
    if verb.dep_ == "conj" and any(c.dep_ == "conj" and c.i < verb.i and
                                   any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
                                   for c in verb.head.children):
        # "Vaccines are a key weapon, but the bulk of production is in Europe and experts in Asia find that
        # worrying": a clause with a subject of its own stands between, so the first clause's subject is not this
        # verb's (the parser lost the verb's own subject in the list before it).
        return None
    if verb.dep_ in ("xcomp", "conj") and verb.head is not verb:
        # "X was eager to stress that ...": the adjective's subject is the copula's.
        head = verb.head.head if verb.head.pos_ == "ADJ" and verb.head.dep_ == "acomp" else verb.head
        return _subject(head)
    return None


ALOUD = {"say", "shout", "yell", "scream", "chant"}
MEDIUM_PREPS = {"via", "on", "in", "through", "from", "at", "by", "with", "over"}
LEGAL_PAPERS = {"lawsuit", "suit", "complaint", "petition", "motion", "appeal", "claim"}
ISSUE_VERBS = {"issue", "release", "publish", "file", "send", "post", "lodge", "submit", "put", "distribute"}


# A time phrase is never a speaker ("Days after the report, ..." parsed as the subject).
TIME_NOUNS = {"day", "week", "month", "year", "hour", "minute", "second", "time", "moment", "morning", "evening",
              "night", "afternoon", "weekend", "decade", "today", "yesterday", "tomorrow"}


def _speaker_subject(verb):
    """Who performs the reporting verb: its subject, or in a passive the agent ("was urged by X", "was accused by
    X"); the passive's subject is the one spoken to or about, never the speaker. None when that is not a noun
    phrase that can speak."""
    if _judgment(verb):
        return None
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    if passive:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        subj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
    else:
        subj = _subject(verb) if _inverted_speaker(verb) is None else _inverted_speaker(verb)
    if subj is not None and subj.lemma_.lower() in TIME_NOUNS:
        # "Days after the report, a diplomat, close to the case, told ...": the parser makes the time phrase the
        # subject and hangs the one who speaks on it as an apposition.
        subj = next((c for c in subj.children if c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN") and
                     c.lemma_.lower() not in TIME_NOUNS), None)
    if subj is None or subj.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "ADJ", "X"):
        return None     # (a time phrase is never a speaker, but not by the DATE label: "The 58-year-old" speaks)
    return subj


def _judgment(verb) -> bool:
    """"it's safe to say", "it was still too early to say how ...": an infinitive under an adjective whose subject
    is the empty "it" is the writer's judgment (or no one's), not something the subject said."""
    if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
        return False
    h = verb.head
    adj = h if h.pos_ == "ADJ" else next((c for c in h.children if c.dep_ == "acomp"), None)
    if adj is None:
        return False
    host = h.head if h.pos_ == "ADJ" else h
    subj = next((c for c in host.children if c.dep_ in ("nsubj", "expl")), None)
    return subj is not None and subj.lower_ == "it"


def _inverted_speaker(verb):
    """The name after a reporting verb set off by commas inside its host ("The moratorium, writes Ana Pell, is
    based on fear"), where the parser may give the verb the host's subject too, or read the name as its object:
    the inverted order of attribution puts the speaker after the verb. None where the verb is not so set off, or takes
    an addressee ("told the court")."""
    doc = verb.doc
    # Set off by a comma, or by the comma, question or exclamation mark and closing mark of a quotation before it
    # ('"...," lamented X', '"Do you think ...?" said X'); a stray space token between does not count.
    k = verb.i - 1
    while k > 0 and doc[k].is_space:
        k -= 1
    set_off = verb.i > 0 and (doc[k].text == "," or k > 0 and doc[k - 1].text in (",", "?", "!") and
                              doc[k].text in ('"', "''", "”", "’", "'"))
    if not set_off or verb.lemma_.lower() in ("tell", "inform", "ask", "urge", "warn", "assure") or \
            verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None     # (a participle has no inverted subject: ", accusing its government of ..." is its object)
    if any(c.dep_ == "oprd" or c.dep_ == "prep" and c.lower_ == "as" for c in verb.children):
        # "the chief executive, Tony Hayward, called the explosion "a tragic disaster"": a verb that names what
        # it takes ("called X Y", "described X as Y") after a subject's apposition has X as the thing named; an
        # inverted attribution ("writes Ana Pell,") takes no such second part.
        return None
    after = next((c for c in verb.children if c.dep_ in ("nsubj", "dobj") and c.i > verb.i), None)
    if after is None or after.pos_ not in ("PROPN", "NOUN") or after.left_edge.i != verb.i + 1 or \
            after.right_edge.i + 1 >= len(verb.doc) or verb.doc[after.right_edge.i + 1].text not in (",", "."):
        return None
    return after


# A document speaks for whoever issued it: "a statement from the family", "the report, by analyst X".
DOCUMENTS = {"statement", "report", "letter", "release", "memo", "email", "note", "filing", "study", "paper",
             "communique", "notice", "message"}


def _issuer(subj):
    """The named body or person a document subject was issued by ("A statement issued on behalf of the pilot,
    Tom Reyes"; "the report, from analyst Rita Moss"), or None."""
    if subj.lemma_.lower() not in DOCUMENTS:
        return None
    # The parser may hang ", from X" after an inverted subject on the verb ("said the report, from X").
    after = [t for c in subj.head.children if c.dep_ == "prep" and c.i > subj.i for t in c.subtree]
    for t in [*subj.subtree, *after]:
        owner = t.dep_ == "pobj" and (t.head.lower_ in ("from", "by") or
                                      t.head.lower_ == "of" and t.head.head.lower_ == "behalf")
        if owner and any(g.pos_ == "PROPN" for g in t.subtree):
            return t
    return None


def _clause_which(subj) -> bool:
    """A relative pronoun that stands for a whole clause ("Gas leaked, which suggests that ..."), not for a noun
    ("the report, which said ...", read by _speaker_tokens): nobody speaks there."""
    return subj.lower_ in ("which", "what") and subj.tag_ in ("WDT", "WP") and subj.head.dep_ != "relcl"


def _speaker_tokens(subj):
    """The subject phrase without trailing relative clauses or parentheticals set off by commas: a noun phrase,
    never a clause fragment ("A lawyer who")."""
    if subj.lower_ in ("who", "which", "that") and subj.head.dep_ == "relcl":
        subj = subj.head.head       # "the report, which said ...": the speaker is what the clause modifies
        group = subj.head           # "Dr Holm is among the many who fear ...", "one of those who say ...": Dr Holm
        if subj.dep_ == "pobj" and group.lower_ in ("among", "of") and group.head.lemma_ == "be" and \
                (member := _subject(group.head)) is not None and member.pos_ in ("PROPN", "NOUN", "PRON"):
            subj = member
        elif subj.dep_ == "pobj" and group.lower_ == "of" and group.head.lower_ == "one" and \
                group.head.dep_ == "attr" and (member := _subject(group.head.head)) is not None:
            subj = member
    named = [c for c in subj.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    if named and subj.pos_ != "PROPN":      # "the defendant, Piotr Ansel," speaks as Piotr Ansel
        subj = named[0]
    if subj.tag_ == "PRP":
        return [subj]   # a pronoun takes no words before it: "... pump heavy mud - abandoned He said" runs a list on
    toks = list(subj.subtree)
    second = next((c for c in subj.head.children if c.dep_ == "nsubj" and c.i > subj.i and
                   c.left_edge.i == toks[-1].i + 1), None) if _as_well_as(toks[-1]) else None
    if second is not None:
        toks += list(second.subtree)    # "Doctors as well as nurses said": the parser makes two subjects
    cut = [t for t in toks if t.i > subj.i and (t.dep_ in ("relcl", "acl", "appos") and t.lower_ != "'s" and
                                                 not _list_item(t) and t.tag_ != "ADD" or     # "of Moody's x.com"
                                                 t.dep_ == "punct" and not _inside_phrase(t) or
                                                 t.dep_ == "prep" and any(g.dep_ == "pcomp" or   # "on Monday":
                                                                          g.dep_ == "pobj" and t.head == subj and
                                                                          t.lower_ == "on" and
                                                                          g.ent_type_ in ("DATE", "TIME")
                                                                          for g in t.children))]
    if cut:
        first = min(t.left_edge.i for t in cut)     # the left edge: a relative clause starts at its "who"
        toks = [t for t in toks if t.i < first]
    # (never the head itself: "the WHO" tagged as the pronoun "who" is a name, not a relative clause's start)
    while len(toks) > 1 and toks[-1].i > subj.i and (toks[-1].pos_ in ("ADP", "CCONJ", "SCONJ", "DET", "PUNCT") or
                                                     toks[-1].tag_ in ("WDT", "WP", "WP$")):
        toks = toks[:-1]
    toks = toks or [subj]
    # A quote mark or comma left of the phrase ('..." Jeremy Ginsberg, lead engineer, said') is no part of it.
    while len(toks) > 1 and toks[0].i < subj.i and (toks[0].is_punct or toks[0].is_quote):
        toks = toks[1:]
    # A headline run into the sentence without a stop ("... those over 65 most likely to die The World Health
    # Organization said"): a capital "The" after a word in lower case opens the phrase.
    # (Not after a preposition or determiner: "a spokesman for The Hague tribunal", "reporters at The Times".)
    glued = [k for k, t in enumerate(toks) if 0 < k and t.text == "The" and toks[k - 1].is_lower and
             toks[k - 1].is_alpha and toks[k - 1].pos_ in ("VERB", "NOUN", "ADJ", "ADV", "NUM")]
    if glued:
        toks = toks[glued[-1]:]
    # A chronology's day or a list's dash run into the phrase ("May 28 - Obama tours ..., saying"): the speaker
    # starts after a free-standing dash.
    dash = [k for k, t in enumerate(toks)
            if t.i < subj.i and t.text in DASHES and not _hyphen_joined(t)]
    if dash:
        toks = toks[dash[-1] + 1:] or toks
    # A live page's update stamp hung on the phrase ("Cairo, 10:50 p.m. ET) CNN's Ivan Watson says"): the words of
    # the sentence's opener are no part of the speaker.
    opener = subj.sent.start_char + opener_end(subj.sent.text)
    if toks[0].idx < opener <= subj.idx:
        toks = [t for t in toks if t.idx >= opener] or toks
    while toks[0].i >= 2 and _hyphen_joined(toks[0].doc[toks[0].i - 1]):
        toks = [toks[0].doc[toks[0].i - 2], toks[0].doc[toks[0].i - 1], *toks]   # "E-mails" split as "E", "-", "mails"
    return toks


def _as_well_as(t) -> bool:
    """The last "as" of "as well as", which joins two speakers ("Doctors as well as nurses said")."""
    return t.lower_ == "as" and t.i >= 2 and t.doc[t.i - 1].lower_ == "well" and t.doc[t.i - 2].lower_ == "as"


def _hyphen_joined(t) -> bool:
    """A hyphen written inside a word ("US-wide", "E-mails"): no space on either side."""
    return t.text == "-" and not t.whitespace_ and not t.doc[t.i - 1].whitespace_ if t.i else False


def _inside_phrase(t) -> bool:
    """Punctuation that belongs to the noun phrase rather than setting off what follows it: a hyphen inside a word
    ("a US-wide boycott"), a comma in a list of speakers ("Ana Pell, Tom Reyes and Ines Ruiz said")."""
    if _hyphen_joined(t):
        return True
    return t.text == "," and any(s.dep_ == "conj" and s.i > t.i or _list_item(s) for s in t.head.children)


def _list_item(t) -> bool:
    """A name the parser hangs on the one before as an apposition though a conjunction follows it: the middle of a
    list ("Ana Pell, Tom Reyes and Ines Ruiz"), not a second name for the same one ("the minister, Ana Pell") nor
    a description with a conjunction of its own ("Saad Djebbar, a lawyer and analyst")."""
    return t.dep_ == "appos" and t.pos_ == "PROPN" and any(c.dep_ == "cc" for c in t.children) and \
        any(c.dep_ == "conj" for c in t.children)


def is_anonymous(phrase_tokens, has_name: bool) -> bool:
    """Unnamed people and groups are anonymous; institutions, their spokespeople and named people are not."""
    if not phrase_tokens or has_name:
        return False
    text = " ".join(t.text for t in phrase_tokens)
    if re.search(r"\bsources?\b", text, re.I) or ANON_PHRASE.search(text):
        return True
    if re.search(r"\b(spokes\w+|lawyers?|attorneys?|counsel|office|ministry|government|police|court)\b", text, re.I):
        return False
    heads = [t for t in phrase_tokens if t.dep_ in ("nsubj", "nsubjpass", "pobj", "ROOT") or t.head not in
             phrase_tokens]
    head = heads[0] if heads else phrase_tokens[-1]
    return head.lower_ in ANON_HEADS and head.pos_ != "PROPN"


def _in_quotes(i: int, quotes) -> bool:
    return any(a <= i < b for q in quotes for a, b in q)


def _cue_for(doc, q0: int, q1: int, quotes, sents_idx):
    """The reporting verb for a quote spanning [q0, q1): outside all quotes, in the sentences the quote touches,
    else a following sentence ("he said.") or a preceding one ending in a colon. Nearest wins."""
    touched = [k for k, s in enumerate(sents_idx) if s.start_char < q1 + 1 and s.end_char > q0 - 1]
    if not touched:
        return None
    window = list(touched)
    last = touched[-1]
    if last + 1 < len(sents_idx):
        window.append(last + 1)
    if touched[0] > 0 and sents_idx[touched[0] - 1].text.rstrip().endswith(":"):
        window.append(touched[0] - 1)
    cands = []
    for k in window:
        for t in sents_idx[k]:
            if is_claim_verb(t) and not _in_quotes(t.idx, quotes) and not _own_words_only(t) and \
                    (_subject(t) is not None or t.dep_ == "ROOT"):
                if k not in touched and (k > last and t.idx - q1 > 60):
                    continue     # a following sentence lends its verb only when it opens with it ("she said")
                gap = doc.text[min(t.idx, q1):max(t.idx, q0)]
                if PARAGRAPH_BREAK.search(gap) and not gap.rstrip().endswith(":") and \
                        not (t.idx > q1 and _opens_line_lower(doc.text, t)) and \
                        not (k == last + 1 and _bare_attribution(t) and
                             not re.search(r"\w", doc.text[q1:sents_idx[k].start_char])):
                    continue     # a closed quote's speaker is in its own paragraph

                dist = min(abs(t.idx - q0), abs(t.idx - q1))
                cands.append((dist, t))
    if not cands:
        return None
    return min(cands, key=lambda c: (c[0], c[1].i))[1]


SPEAKING_PRONOUNS = {"he", "she", "some", "others", "many"}     # ("they include:" is as often things)
GROUP_HEADS = ANON_HEADS - {"one", "two", "three", "several", "many", "some", "others"}   # nouns, not counts


def _colon_cue(p: Parsed, q0: int):
    """The verb of a clause that introduces a quote with a colon though it is no verb of saying ('Bob Fryer, a
    senior executive, offered up this assessment: "..."', 'Some are angry: "..."'): its subject speaks, where the
    subject is someone (a name, a person's pronoun, an unnamed group) and not a thing ("The message was clear:")."""
    before = p.text[:q0].rstrip(" \t\"“‘'`")
    if not before.endswith(":"):
        return None
    colon = p.doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    if colon is None:
        return None
    c = colon[0]
    # the clause before the colon: its last verb with a subject (the parser may make the quote's verb the root)
    verbs = [t for t in c.sent if t.i < c.i and t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass")
             and not p.in_quotes(t.idx) and _subject(t) is not None]
    if not verbs or any(a.dep_ == "auxpass" for a in verbs[-1].children):
        return None     # ("X was interviewed by Y: ..." leaves open which of them speaks)
    v = verbs[-1]
    subj = _speaker_subject(v)
    if subj is None:
        return None
    someone = subj.pos_ == "PROPN" or subj.lower_ in SPEAKING_PRONOUNS or subj.lemma_.lower() in GROUP_HEADS or \
        any(person.start <= subj.idx < person.end for person in p.persons)
    return v if someone and subj.i < v.i else None


def _own_words_only(t) -> bool:
    """A phrase that says its own words ("spoke of their fears", "ruled out any risk", "are worried that ...")
    speaks no quote beside it ('"We thought it was a bomb." / Other passengers spoke of their fears')."""
    return t.lemma_.lower() in ("speak", "rule", "be") and _phrased_speech(t)


def _bare_attribution(t) -> bool:
    """A sentence that is only an attribution, opening with its speaker and reporting no words of its own ("Fed
    Chairman Ana Pell told Congress last week."): the words are the quote just before it, which the corpus's
    splitter cut off at its question or exclamation mark and set on a line of its own (Timeline17 writes one
    sentence a line)."""
    if t.dep_ != "ROOT" or t.lemma_.lower() in ("decline", "refuse", "respond", "comment", "reply"):
        return False      # ("X declined to comment." answers a question; it does not speak the quote before)
    words = [w for w in t.sent if not w.is_space and not w.is_punct]
    subj = _subject(t)
    if not words or subj is None or subj.i > t.i or subj.left_edge.i != words[0].i or \
            any(w.text in ('"', "“", "”", "``", "''") for w in t.sent):
        return False
    if any(c.dep_ in ("ccomp", "xcomp", "parataxis", "conj", "advcl", "oprd") for c in t.children):
        return False
    return not any(c.dep_ == "dobj" for c in t.children) or t.lemma_.lower() in ("tell", "inform", "brief")


def _opens_line_lower(text: str, t) -> bool:
    """A line that opens with a lower-case verb ('said Dr Ruiz, who runs the clinic.') continues the line before:
    no writer opens a paragraph that way, corpora split one sentence a line (Timeline17) break where their
    sentence splitter guessed wrong."""
    return t.text[:1].islower() and not text[text.rfind("\n", 0, t.idx) + 1:t.idx].strip()


def _lent_cue(doc, q0: int, quotes, sents_idx):
    """The verb of the sentence before, in the same paragraph, when that sentence attributes a quote and this
    quote opens the next sentence: '..., said Ana Pell, a pilot. "We saw it come down."' The second quote is the
    same speaker's, also where the first lost its opening mark (then the verb stays with its own clause too)."""
    k = next((k for k, s in enumerate(sents_idx) if s.start_char <= q0 < s.end_char), None)
    if not k:
        return None
    prev, here = sents_idx[k - 1], sents_idx[k]
    words = [t for t in prev if not t.is_space]
    if not words or re.search(r"\w", doc.text[here.start_char:q0]) or "\n" in doc.text[words[-1].idx:q0]:
        return None
    closer = next((t.idx for t in prev if t.text in ('"', "”", "''")), None)
    verbs = [t for t in prev if closer is not None and t.idx > closer and is_claim_verb(t) and
             not _in_quotes(t.idx, quotes) and _subject(t) is not None]
    return verbs[0] if verbs else None


# --- extraction ---

def extract(article_id: str, doc, sents: list[Sentence], mentions: list[Mention]) -> list[RawClaim]:
    p = Parsed.of(article_id, doc, sents, mentions)
    used_verbs = _direct_quotes(p)
    # Reported speech, "according to", refusals and impersonal attributions, sentence by sentence.
    for s in sents:
        span = doc.char_span(s.start, s.end, alignment_mode="expand")
        if span is None:
            continue
        # A heading that reports a statement ("The UN has warned that ...") is a claim, as the labels have it;
        # headline quote marks and "according to" fragments are left to the body, where they are reliable.
        # A question is not ("Do you believe that this is an appropriate amount?" at a press conference): it asks
        # what someone holds, it says nothing of it (a quoted question keeps its quote: "'Why now?' she asked").
        # (The verb's own test of this reads spaCy's sentence, which a transcript's lines may run into.)
        if s.text.rstrip().rstrip('"”’\'').endswith("?"):
            continue
        _reported_speech(p, s, span, used_verbs)
        if s.kind != "body":
            continue
        _according_to(p, s)
        _speech_noun(p, s, span)
        _refusal(p, s)
    p.claims.sort(key=lambda c: (c.content_start, c.speaker_start))
    return _carry_speakers(p, one_per_speaker(p.claims))


def _carry_speakers(p: Parsed, claims: list[RawClaim]) -> list[RawClaim]:
    """A paragraph that is only a quote, with no attribution, right after a paragraph whose claim has a speaker
    continues that speaker: the newspaper convention of attributing a run of quoted paragraphs once ("'We have
    stopped the leak,' Mr Dudley said." / "'Second, our clean-up efforts have gotten results.'"). Each paragraph
    is its own claim (its own stance); the speaker's words stay where they were written, and the entity is the
    earlier claim's (``speaker_entity_hint``). Not across a paragraph with no claim, nor from a claim with no
    speaker, and a quote inside a sentence that says more than the quote is left alone."""
    out = list(claims)
    for q in p.unattributed:
        q0, q1 = q[0][0], q[-1][1]
        s, last = p.sent_of(q0), p.sent_of(q1 - 1)
        if s is None or last is None or not (s.start == 0 or p.text[:s.start].rstrip(" \t").endswith("\n")):
            continue    # not the start of a paragraph
        # The quote is the whole of its sentences: nothing but marks and spaces outside it.
        outside = p.text[s.start:q0] + p.text[q1:last.end]
        if re.search(r"\w", re.sub(r"''|``", "", outside)):
            continue
        before = [c for c in out if c.span[1] <= s.start and c.content_end <= q0]
        if not before:
            continue
        c = max(before, key=lambda c: c.span[1])
        if not c.speaker_text or re.search(r"\w", p.text[c.span[1]:s.start]) and not _runs_on(p, c, s.start):
            continue    # another sentence stands between them
        toks = _tokens_in(p.doc, q)
        stance = of_tokens(c.verb or "say", toks)
        content = " ".join(p.text[a:b] for a, b in q)
        carried = RawClaim(p.id, s, c.speaker_text, -1, -1, stance, c.anonymous, "direct", content, q0, q1,
                           list(q), (s.start, last.end), -1, c.verb, carried=True)
        out.append(carried)
    out.sort(key=lambda c: (c.content_start, c.speaker_start))
    for i, c in enumerate(out):
        if c.carried:
            # The nearest earlier claim with a speaker, in the final order (the pipeline's list of speakers).
            c.speaker_entity_hint = max(i for i, o in enumerate(out) if o.span[1] <= c.span[0] and o.speaker_text)
        elif c.speaker_entity_hint >= 0:
            c.speaker_entity_hint = _pronoun_antecedent(p, out, i)
    return out


def _runs_on(p: Parsed, c: RawClaim, end: int) -> bool:
    """Whether the lines between a direct claim and ``end`` are that quote run on without its marks: the quote was
    left open at its line's end, and the lines after it, up to ``end``, hold no quote mark. Corpora written one
    sentence a line (Timeline17) split a quoted paragraph into lines and reopen the mark only where the writer's
    next paragraph began ('said: "I send my condolences.' / 'This is a tragedy.' / '"Tragic though ..."')."""
    if c.kind != "direct" or c.carried:
        return False
    rest = p.text[c.content_end:end]
    line_end = rest.find("\n")
    if line_end < 0 or QUOTES_BETWEEN.search(rest) or rest.count("\n") > 2 * RUN_ON_LINES:
        return False
    return not rest[:line_end].strip()      # (a closing mark, single or double, would stand before the break)


def _pronoun_antecedent(p: Parsed, out: list[RawClaim], i: int) -> int:
    """A pronoun speaker's claim, in the final text order: the claim just before it with a speaker, unless a
    person is named in between. (The index taken while claims were being found pointed into a list still to be
    sorted and thinned, so "he said" could take the speaker of a claim further down the page.)"""
    c = out[i]
    k = next((k for k in range(i - 1, -1, -1) if out[k].speaker_text and
              (out[k].speaker_start if out[k].speaker_start >= 0 else out[k].content_start) < c.speaker_start), -1)
    if k < 0:
        return -1
    end = out[k].speaker_end if out[k].speaker_end >= 0 else out[k].content_end
    return -1 if any(end <= person.start < c.speaker_start for person in p.persons) else k


@dataclass
class Parsed:
    """An article's parse as the extraction steps read it, and the claims found so far (a pronoun's speaker is
    taken from the claim before it)."""
    id: str
    doc: object
    text: str
    sents: list[Sentence]
    persons: list[Mention]
    quotes: list[list[tuple[int, int]]]
    claims: list[RawClaim] = field(default_factory=list)
    unattributed: list[list[tuple[int, int]]] = field(default_factory=list)

    @classmethod
    def of(cls, article_id: str, doc, sents: list[Sentence], mentions: list[Mention]) -> Parsed:
        text = doc_text(doc)
        p = cls(article_id, doc, text, sents, [m for m in mentions if m.label == "PERSON"], [])
        p.quotes = [q for q in quote_spans(text) if p.in_body(q[0][0])]
        return p

    def sent_of(self, offset: int) -> Sentence | None:
        return next((s for s in self.sents if s.start <= offset < s.end), None)

    def in_body(self, offset: int) -> bool:
        s = self.sent_of(offset)
        return s is not None and s.kind == "body"

    def in_quotes(self, i: int) -> bool:
        return _in_quotes(i, self.quotes)


@dataclass(frozen=True)
class Speaker:
    text: str | None
    start: int             # -1: no speaker
    end: int
    phrase: list           # the whole subject phrase, which tells an anonymous source
    has_name: bool
    head: object = None    # the token the phrase is headed by


NO_SPEAKER = Speaker(None, -1, -1, [], False)


# --- the steps: quoted or reported words, their speaker, stance and anonymity, the claim ---

def _direct_quotes(p: Parsed) -> set[int]:
    """Each quote in text order with the reporting verb nearest it (its cue); the verbs used, which the reported
    speech step then leaves alone. Quotes with no cue that continue no claim are kept in ``p.unattributed``."""
    by_verb: dict[int, RawClaim] = {}
    prev: RawClaim | None = None
    prev_end = -1
    doc_sents = list(p.doc.sents)
    for q in p.quotes:
        q0, q1 = q[0][0], q[-1][1]
        v = _cue_for(p.doc, q0, q1, p.quotes, doc_sents)
        if v is not None and q1 <= v.idx and _reports_own_clause(p, v, q1):
            v = None    # 'a "day of anger", which observers say could be decisive': the verb reports its own
                        # clause after it, not the phrase quoted before it
        if v is not None and _inside_reported_clause(p, q0, q1):
            continue    # a phrase quoted inside reported speech: the reported clause is the claim (step 2)
        if v is not None and _writers_phrase(p, q, v):
            continue    # 'he said, calling that "a blessing"': the verb keeps its own clause (step 2)
        if v is not None and v.i in by_verb:          # a split quote: "A," he said, "B."
            prev, prev_end = _join(p, by_verb[v.i], q), q1
            continue
        if v is None:
            # No verb of its own: it continues the previous quote when nothing but whitespace or an attribution
            # sentence separates them. A paragraph break ends a closed quote (a quote left open at the end of its
            # paragraph was already joined to the next one by quote_spans).
            if prev is not None and prev.kind == "direct" and 0 <= q0 - prev_end < 160 and \
                    not QUOTES_BETWEEN.search(p.text[prev_end + 1:q0 - 1]) and \
                    not PARAGRAPH_BREAK.search(p.text[prev_end:q0]):
                _join(p, prev, q)
                prev_end = q1
            elif (lent := _lent_cue(p.doc, q0, p.quotes, doc_sents) or _colon_cue(p, q0)) is not None:
                prev, prev_end = make_claim(p, lent, q, "direct"), q1
                p.claims.append(prev)
            else:
                p.unattributed.append(q)
            continue
        c = make_claim(p, v, _with_what_is_called(p, v, q), "direct")
        p.claims.append(c)
        by_verb[v.i] = c
        prev, prev_end = c, q1
    return set(by_verb)


def _with_what_is_called(p: Parsed, v, q: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """'described Ukraine as a "crime scene"', 'called the ruling "a disgrace"': a quoted phrase is what the speaker
    called something, and the claim is the two together ('Ukraine as a "crime scene"'); the phrase alone told a
    reader nothing of what it was said of."""
    toks = [t for t in _tokens_in(p.doc, q) if not t.is_punct and not t.is_space]
    if len(q) != 1 or not toks:
        return q
    inside = {t.i for t in toks}
    roots = [t for t in toks if t.head.i not in inside]
    if len(roots) != 1:
        return q
    r, lemma = roots[0], v.lemma_.lower()
    taken = r.dep_ == "pobj" and r.head.lower_ == "as" and r.head.head.i == v.i and lemma in AS_VERBS or \
        r.dep_ == "oprd" and r.head.i == v.i and lemma == "call"
    # (an object after the verb: "a crisis that an engineer described as a "nightmare"" has a relative pronoun)
    obj = next((c for c in v.children if c.dep_ == "dobj" and v.i < c.i < r.i and not p.in_quotes(c.idx)), None)
    if not taken or obj is None:
        return q
    close = re.match(r"\s*[,.;:!?]?\s*(?:''|[\"”’'])", p.text[q[-1][1]:q[-1][1] + 6])   # its closing mark too
    return [(obj.left_edge.idx, q[-1][1] + (close.end() if close else 0))]


def _reports_own_clause(p: Parsed, v, q1: int) -> bool:
    """Whether a verb after a quote reports a clause of its own after it ('a "day of anger", which observers say
    could be decisive'). Not where the speaker follows the quote with nothing between ('"...," S&P said last week
    in a report that concluded X': the parser may take a clause in a modifier of the verb for its complement, and
    a quote closed right before its speaker is that speaker's)."""
    if not any(c.dep_ == "ccomp" and c.i > v.i and not p.in_quotes(c.idx) for c in v.children):
        return False
    subj = _subject(v)
    if subj is None or subj.i > v.i or subj.left_edge.idx < q1 or not p.text[:q1].rstrip().endswith(","):
        # (a quote inside the subject names it: 'Organisers of the "Hope Now" telethon say'; a quote that ends
        # its sentence is not attributed by the next one's verb: '"... I should not have." He said he had ...')
        return True
    gap = p.text[q1:subj.left_edge.idx]
    return bool(re.search(r"\w", re.sub(r"''|``", "", gap)))


def _inside_reported_clause(p: Parsed, q0: int, q1: int) -> bool:
    """Whether the quote is a phrase inside a clause a reporting verb reports in the writer's own words ('The
    inspector said the bridge was sound, although a "hairline crack" needed watching'): the claim is that clause,
    whose head stands outside the quote, and a reader (or a labeller) takes the quoted phrase as part of it, not as
    the claim. Any reporting verb of the sentence counts, not only the nearest ('said the flood marked a "turning
    point", but added "..."')."""
    span = p.doc.char_span(q0, q1, alignment_mode="expand")
    if span is None:
        return False
    for v in span.sent:
        if not is_claim_verb(v) or p.in_quotes(v.idx) or _writers_account(v):
            continue
        for c in v.children:
            if c.dep_ != "ccomp" or c.i < v.i:
                continue
            a, b = c.left_edge.idx, c.right_edge.idx + len(c.right_edge)
            if _writers_clause(p, c) and a <= q0 and q1 <= b + 1:
                return True
    return False


def _writers_account(v) -> bool:
    """"X captured the mood, saying ...", "..., noting that": a participle on a clause that is the writer's account,
    not speech, reports nothing of its own; "he pledged, adding that ..." does (both labellers' way)."""
    return v.dep_ == "advcl" and v.tag_ == "VBG" and not is_claim_verb(v.head)


def _writers_clause(p: Parsed, c) -> bool:
    """A clause in the writer's words: its head outside quotes, or, where the parser makes a quoted phrase its
    head, its first word before the quote ('said X had been "made aware" of it')."""
    first = next((t for t in c.subtree if not t.is_punct), c)
    return not p.in_quotes(c.idx) or first.i < c.i and not p.in_quotes(first.idx)


def _writers_phrase(p: Parsed, q: list[tuple[int, int]], v) -> bool:
    """Whether a quote is a phrase of the writer's own sentence: a quoted noun phrase, with no finite verb of its
    own, that a verb other than a reporting verb takes ('The spill offered an "accidental experiment" that
    showed ...', 'he said, calling that "a blessing"', 'the report, titled "Deep Waters", found that ...'). Such
    quote marks label or distance a phrase, and the reporting verb nearest it reports something else (its own
    clause, or nothing); taking the phrase as that verb's words gave it a speaker made of the phrase itself.
    A phrase the reporting verb takes ('dismissed the claims as "nonsense"', '"Money," a source said') or a
    copula predicates of the speaker ('"Absurd," was how she described it') is still a claim."""
    toks = [t for t in _tokens_in(p.doc, q) if not t.is_punct and not t.is_space]
    if not toks or len(q) > 1 or any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in toks):
        return False
    inside = {t.i for t in toks}
    roots = [t for t in toks if t.head.i not in inside]
    if len(roots) != 1:
        return False
    gov = roots[0].head
    while gov.pos_ not in ("VERB", "AUX") and gov.head.i != gov.i:
        gov = gov.head          # through "as", a noun or a preposition to the verb that takes the phrase
    # A copula is left alone: '"Absurd," was how she described the claim' predicates the quote of the speaker.
    return gov.pos_ in ("VERB", "AUX") and gov.i != v.i and not is_claim_verb(gov) and \
        gov.lemma_.lower() != "be" and not p.in_quotes(gov.idx)


def _join(p: Parsed, c: RawClaim, q: list[tuple[int, int]]) -> RawClaim:
    """More quoted words for a claim: the rest of a split quote, or a quote that continues it."""
    q0, q1 = q[0][0], q[-1][1]
    c.parts += q
    c.content_end = q1
    c.content = " ".join(p.text[a:b] for a, b in c.parts)
    s = p.sent_of(q1 - 1)
    c.span = (min(c.span[0], s.start if s else q0), max(c.span[1], s.end if s else q1))
    c.stance = of_tokens(c.verb, _tokens_in(p.doc, c.parts))
    return c


def _reported_speech(p: Parsed, s: Sentence, span, used_verbs: set[int]) -> None:
    """'X said that ...', 'X denied ...', 'X told Reuters ...': a reporting verb outside quotes and the words it
    reports."""
    for v in span:
        lemma = v.lemma_.lower()
        if _hearing_heard(v) and not p.in_quotes(v.idx) and (c := _heard(p, s, v)) is not None:
            p.claims.append(c)
            continue
        if v.i in used_verbs or not is_claim_verb(v) or p.in_quotes(v.idx):
            continue
        comp = reported_words(p, v)
        if (c := _unattributed_charge(p, s, v)) is not None:
            p.claims.append(c)
            used_verbs.add(v.i)
            continue
        if _no_claim(v, comp):
            continue
        if lemma in IMPERSONAL and v.tag_ == "VBN" and any(c.lower_ == "it" for c in v.children):
            c = _impersonal(p, s, v)
            if c is not None:
                p.claims.append(c)
            continue
        if _speaker_subject(v) is None or not comp:
            continue    # includes "is accused of", "is urged to": an agentless passive only marks modality
        if _clause_which(_speaker_subject(v)):
            continue    # "..., which would suggest that it was not working": the writer's inference, no speaker
        if _nobody(_speaker_subject(v)):
            continue    # "No one in the ministry said the dam had failed": nobody claims it
        if _writers_account(v):
            continue
        if v.tag_ == "VBN" and not any(c.dep_ in ("aux", "nsubj", "auxpass", "agent") for c in v.children) \
                and v.dep_ != "ROOT":
            continue
        ante = _antecedent_span(v, comp)
        words = [ante] if ante else _host_parts(v, comp) or [_after_verb(v, comp)]
        host_subj = next((c for c in v.children if c.dep_ == "nsubj" and c.i < v.i), None)
        if _inverted_speaker(v) is not None and host_subj is not None and host_subj.idx < words[0][0]:
            # "The bridge, says Ana Pell, was built in haste": the parser hung the host's subject on "says"
            last = max((t for t in host_subj.subtree if not t.is_punct), key=lambda t: t.i)
            words.insert(0, (host_subj.left_edge.idx, last.idx + len(last)))
        c = make_claim(p, v, words, "reported")
        if c.speaker_text is None:
            continue
        p.claims.append(c)
        used_verbs.add(v.i)


ADDRESSED = {"tell", "inform", "assure", "brief", "remind", "warn"}    # their object is who is told
APPEALS = {"urge", "tell", "warn", "advise", "encourage", "implore", "exhort", "instruct", "remind"}


def reported_words(p: Parsed, v) -> list:
    """The heads of what a reporting verb reports: its clausal complement, else its object."""
    lemma = v.lemma_.lower()
    if _as_clause(v) and not p.in_quotes(v.head.idx):
        return [v.head]    # "As the minister said, the bridge will stay shut": the clause it is set in
    comp = [c for c in v.children if c.dep_ in ("ccomp", "xcomp", "dobj", "parataxis", "oprd", "acomp",
                                                   "pcomp") and (not p.in_quotes(c.idx) or
                                                                 c.dep_ == "ccomp" and _writers_clause(p, c) or
                                                                 c.dep_ == "oprd" and lemma == "call")]
    heads = [v] + [g for a in v.children if a.dep_ == "agent" for g in a.children]   # "accused by X of"
    comp += [g for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in ("of", "as") and
             lemma in {"accuse", "dismiss", "reject", "speak"} | AS_VERBS for g in c.children
             if g.dep_ in ("pobj", "pcomp")]
    if lemma == "be":       # "are worried it might return": the view is the adjective's clause
        comp = [g for c in v.children if c.dep_ == "acomp" for g in c.children if g.dep_ == "ccomp"]
    clausal = [c for c in comp if c.dep_ in ("ccomp", "parataxis")]
    if not clausal and lemma in ADDRESSED:
        # "has told many of the reporters who gathered at his home that he felt ill": the parser hangs the
        # "that" clause on the relative clause inside the addressee; it is what was told.
        clausal = [g for c in comp if c.dep_ == "dobj" for g in c.subtree if g.dep_ == "ccomp" and
                   any(m.dep_ == "mark" and m.lower_ == "that" for m in g.children)][:1]
    if clausal:
        comp = clausal     # "told Reuters the ferry ...": the object is the addressee, not the claim
    elif (at := figure_at(v)) is not None:
        comp = [c for c in comp if c.dep_ == "dobj"] + [at]      # "the number of infections ... at 840"
    elif lemma in BLAME:
        # "blamed the spill on a breakdown of safety": the cause laid is part of the allegation
        comp += [c for c in v.children if c.dep_ == "prep" and c.lower_ in ("on", "for")]
    elif lemma == "warn":
        # "warned of a tipping point", "warned managers about the cracks": what is warned of is the claim, the
        # object only who was warned
        told = [c for c in comp if c.dep_ == "dobj"]
        comp = [c for c in comp if c.dep_ != "dobj"] + [
            g for h in [v, *told] for c in h.children if c.dep_ == "prep" and c.lower_ in ("of", "about")
            for g in c.children if g.dep_ in ("pobj", "pcomp")]
    if not comp and _parenthetical(v) and not p.in_quotes(v.head.idx):
        comp = [v.head]    # "The ferry, he said, was late": the verb hangs on the clause it reports
    if not comp and (before := _split_off(p, v)) is not None:
        comp = [before]
    return comp


def _split_off(p: Parsed, v):
    """The root of the sentence before, where the sentence splitter cut a trailing attribution off the clause it
    reports ('..., and eight ledgers showed savings on repairs, / said Ana Pell, an investigator.'): the verb
    opens its sentence in lower case and the sentence before ends unfinished (no full stop), outside quotes."""
    words = [t for t in v.sent if not t.is_space and not t.is_punct]
    if not words or words[0].i != v.i or not v.text[:1].islower() or v.dep_ != "ROOT" or v.sent.start == 0:
        return None
    prev = p.doc[v.sent.start - 1].sent
    last = [t for t in prev if not t.is_space]
    if not last or last[-1].text in (".", "!", "?", '"', "''", "”") or p.in_quotes(prev.root.idx) or \
            not p.in_body(prev.start_char):
        return None
    return prev.root


def _parenthetical(v) -> bool:
    """A reporting verb set inside or after the clause it reports ("The ferry, he said, was late"; "The ferry was
    late, an official said"), which the parser hangs on that clause as a parataxis."""
    return v.dep_ == "parataxis" and v.head.pos_ in ("VERB", "AUX") and v.head.i != v.i and \
        not any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in v.children) or _as_clause(v)


def _as_clause(v) -> bool:
    """A reporting verb in an "as" clause ("As the minister said, ..."; "..., as Dr Ruiz has pointed out";
    "..., as one pilot put it") vouches for the clause it is set in, as a parenthetical does; with a clause of its
    own ("as he said he would") it reports that one instead. The "as" is set off as a parenthetical is, after a
    comma or opening the sentence; without the comma it tells a manner ("if the storm tracks as forecasters
    predict"), and a clause that is itself a condition or a time is vouched for by nobody."""
    mark = next((c for c in v.children if c.dep_ == "mark" and c.lower_ == "as"), None)
    if mark is None or v.dep_ != "advcl" or v.head.pos_ not in ("VERB", "AUX") or \
            any(c.dep_ == "mark" for c in v.head.children):
        return False
    before = [t for t in v.sent if t.i < mark.i and not t.is_space]
    set_off = not before or before[-1].text == "," or all(t.dep_ == "cc" or t.is_punct for t in before)
    return set_off and not any(c.dep_ in ("ccomp", "xcomp") or c.dep_ == "dobj" and c.lower_ != "it"
                               for c in v.children)


def _host_parts(v, comp) -> list[tuple[int, int]] | None:
    """The words a parenthetical reporting verb reports: its host clause without the verb's own phrase, in two
    pieces where the phrase stands inside it ("While X, Ana Pell explains, some of its actions ...")."""
    if comp != [v.head] or not _parenthetical(v):
        return None
    inner = {t.i for t in v.subtree}
    toks = [t for t in v.head.subtree if t.i not in inner and not t.is_punct and not t.is_space]
    if all(t.dep_ == "cc" for t in toks if t.i < v.i):
        toks = [t for t in toks if t.i > v.i]     # "But as Dr Ruiz said, ...": the words after the verb's clause
    if not toks:
        return None
    head = [t for t in toks if t.i < v.left_edge.i]
    tail = [t for t in toks if t.i > v.right_edge.i]
    if head and tail:
        return [(head[0].idx, head[-1].idx + len(head[-1])), (tail[0].idx, tail[-1].idx + len(tail[-1]))]
    return [(toks[0].idx, toks[-1].idx + len(toks[-1]))]


def _host_span(v, comp) -> tuple[int, int] | None:
    """The host clause's extent, first word to last (where a claim needs one span, not its pieces)."""
    parts = _host_parts(v, comp)
    return (parts[0][0], parts[-1][1]) if parts else None


def _no_claim(v, comp) -> bool:
    """A reporting verb that, here, makes no claim."""
    lemma = v.lemma_.lower()
    if lemma in ("decline", "refuse", "respond", "comment", "reply"):
        return True   # refusals are read by the no-comment step (_refusal)
    if v.dep_ == "xcomp" and v.head.lemma_.lower() in ("decline", "refuse") or \
            any(c.dep_ == "neg" or c.dep_ == "advmod" and any(g.dep_ == "neg" for g in c.children)
                for c in v.children):
        return True   # "refused to say whether", "did not say", "is no longer urging": no claim is made
    if lemma == "ask":
        return True   # "asking that her name not be used", "asked whether ...": a request or a question; a quote
                      # still takes "she asked" as its cue (_cue_for)
    if lemma in ("say", "believe", "report", "think", "understand") and any(
            c.dep_ == "xcomp" and c.lemma_ in ("be", "have") and c.i == v.i + 2 and v.doc[v.i + 1].lower_ == "to"
            for c in v.children):
        return True   # "the three million people said to be in need": a hedge on the noun ("reportedly"), which
                      # the parser may read as the noun saying something
    if lemma in APPEALS and any(c.dep_ == "xcomp" for c in v.children) and \
            not any(c.dep_ in ("ccomp", "parataxis", "auxpass") for c in [*comp, *v.children]):
        return True   # "urged Mexicans to avoid travel", "told people to stay at home": an appeal or an instruction,
                      # which the real sets' labellers do not count as claims (1 of about 960 claims is one); told
                      # in the passive ("X was urged by councillors to step aside") the gold sets do count it
    if lemma in {"say", "tell", "confirm", "comment"} | THINK and any(
            g.dep_ == "mark" and g.lower_ in ("whether", "if") for c in comp for g in c.children):
        return True   # "would not say whether ...": a question left open, not a claim
    if v.sent.text.rstrip(" '\"”").endswith("?"):
        return True   # "Do you believe the cap will hold?": a question claims nothing
    if lemma in ("find", "show", "prove", "demonstrate") and v.i + 1 < len(v.doc) and \
            v.doc[v.i + 1].lower_ in ("themselves", "himself", "herself", "itself", "ourselves", "myself"):
        return True   # "two of the Goldman figures who find themselves managing the crisis": where they are
    subj = _subject(v)
    if lemma in ("show", "prove", "demonstrate") and subj is not None and \
            (subj.pos_ == "PROPN" or subj.lower_ in ("he", "she")):
        return True   # "Marsh has shown that he is a man of limited experience": what his acts show, not his words
    if _irrealis(v):
        return True   # "charges if they find that ...", "he might have pointed out that ...": nothing was said
    who = getattr(_subject(v), "lower_", None)
    if who in ("i", "we") or who in ("'s", "us") and v.head.lemma_.lower() == "let":
        return True   # the writer's own voice outside quotes ("we estimate that", "I believe", "let's say that
                      # 30 million gallons have spilled"): no source cited
    if (lemma in THINK or lemma == "be") and v.dep_ == "ccomp" and is_claim_verb(v.head):
        return True   # an opinion already inside a claim ("said he believed")
    if lemma == "understand" and _understands_as_person(v):
        return True   # "He understands that ...", "said he understood": a state of mind, where "the paper
                      # understands that" is the press's way to report what its sources say
    if v.dep_ == "xcomp" and v.head.lemma_.lower() in ("fail", "neglect", "omit"):
        return True   # "the report failed to explain how it reached its estimates": nothing was explained
    if _nested_infinitive(v):
        return True   # "she said the White House had been too quick to declare the oil was gone": her claim,
                      # within which the White House's declaring is what she says of it, no claim of its own
    if v.dep_ == "xcomp" and v.head.lemma_.lower() in ("expect", "plan", "schedule", "due", "intend",
                                                         "want", "hope", "set"):
        return True   # "is expected to announce": a speech act still to come
    if v.dep_ == "xcomp" and v.head.lemma_.lower() in ("ask", "urge", "press", "invite", "challenge", "encourage",
                                                         "request", "order", "call", "tell", "need", "try"):
        return True   # "asked the minister to confirm that ...": asked for, not yet made (where "led the WHO to
                      # declare" reports what the WHO declared)
    if lemma in NEEDS_CLAUSE and any(c.dep_ == "oprd" for c in v.children):
        return True   # "homes declared uninhabitable", "found him guilty": a verdict on something, not words
    hosted = comp == [v.head] and _parenthetical(v)      # "..., he added": the clause is the verb's host
    clause = hosted or any(c.dep_ in ("ccomp", "parataxis") for c in comp)
    if lemma in AS_VERBS and not clause and not any(c.dep_ == "prep" and c.lower_ == "as" for c in v.children):
        return True   # "described the backlog to a House panel": a subject matter, not what was said of it
    if lemma in BLAME and not clause and not (any(c.dep_ == "dobj" for c in v.children) and
                                              any(c.dep_ == "prep" and c.lower_ in ("on", "for") for c in v.children)):
        return True
    if lemma == "tell" and not clause and not any(w.pos_ in ("VERB", "AUX") for c in comp for w in c.subtree):
        return True   # "told Congress last week": only the one told, whose words are elsewhere (a quote before);
                      # a clause the parser hangs on the one told still counts ("told the panel how it failed")
    if lemma in NAMES_ONLY and not clause and comp and all(_bare_thing(c) for c in comp):
        return True   # "announced the result in a news conference": the thing announced is named, not what was
                      # said of it ("announced a $20bn fund", "announced 12 new cases" still carry news)
    if comp and all(c.i < v.i and c.left_edge.tag_ in ("WDT", "WP") for c in comp) and \
            _antecedent_span(v, comp) is None:
        return True   # "declined to specify which assets banks have pledged": a bare "which" with nothing it
                      # stands for ("the charges, which he denies" reads the charges, _antecedent_span)
    return lemma in NEEDS_CLAUSE and not hosted and not any(c.dep_ in ("ccomp", "parataxis") for c in comp) and \
        figure_at(v) is None


def _nested_infinitive(v) -> bool:
    """An infinitive of speech inside the clause another reporting verb reports (the path up from it passes a
    clausal complement of that verb): the outer speaker's words describe the act; it is not a claim of the one it
    is told of."""
    if v.dep_ != "xcomp":
        return False
    t = v
    while t.head.i != t.i:
        if t.dep_ == "ccomp" and is_claim_verb(t.head):
            return True
        t = t.head
    return False


# Neutral verbs of announcing whose plain object may only name what was announced.
NAMES_ONLY = {"announce", "state", "claim", "say"}
# (not "that": the parser reads "claims that BP ... had" as an object "that BP")
DEFINITE = {"the", "its", "his", "her", "their", "our", "my", "your"}


def _bare_thing(c) -> bool:
    """An object of a few words that only points at a thing ("the result", "his decision"): definite, no figure,
    no quote, no clause."""
    words = [t for t in c.subtree if not t.is_punct]
    return c.dep_ == "dobj" and 0 < len(words) <= 3 and words[0].lower_ in DEFINITE and \
        not any(t.like_num or t.pos_ in ("VERB", "AUX") or t.is_quote for t in c.subtree)


def _irrealis(v) -> bool:
    """Whether the reporting verb tells of speech that has not happened: set in a condition ("charges will follow
    if investigators find that ...", "unless the board says otherwise") or under a modal perfect, the writer's
    counterfactual ("the senator might have pointed out that ...", "he could have said that ...")."""
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in v.children):
        return True
    auxes = [c.lower_ for c in v.children if c.dep_ == "aux"]
    if any(a in ("may", "might", "could") for a in auxes) and not any(c.dep_ == "neg" for c in v.children):
        return True     # "the company may find that it becomes a target", "officials could announce that ...":
        #                 speech or a view that may come, not one given ("could not say" is a refusal)
    return v.tag_ == "VBN" and "have" in auxes and any(a in ("might", "could", "would", "should", "may", "must")
                                                        for a in auxes)


def _understands_as_person(v) -> bool:
    """Whether "understand" has a person for subject (a personal pronoun, a person's name, a person noun), or sits
    inside another reporting verb's words."""
    subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return v.dep_ == "ccomp" and is_claim_verb(v.head)
    return subj.lower_ in ("i", "we", "you", "he", "she", "they") or subj.ent_type_ == "PERSON" or \
        subj.lemma_.lower() in HUMAN_NOUNS or v.dep_ == "ccomp" and is_claim_verb(v.head)


# Bodies that hear evidence: what "the inquiry heard" was said by a witness the sentence does not name.
HEARINGS = {"court", "inquiry", "hearing", "investigation", "tribunal", "jury", "inquest", "committee", "panel",
            "commission", "trial", "judge"}


def _hearing_heard(v) -> bool:
    """'The inquiry heard that ...', '..., a federal investigation has heard.': testimony, whose speaker is no
    party to the sentence (the court is its hearer, not its source)."""
    if v.lemma_.lower() != "hear" or v.pos_ != "VERB" or any(c.dep_ in ("nsubjpass", "neg") for c in v.children):
        return False
    subj = _subject(v)
    return subj is not None and subj.lemma_.lower() in HEARINGS


def _heard(p: Parsed, s: Sentence, v) -> RawClaim | None:
    """A claim with no speaker for what a hearing heard: the clause it takes, or the clause it is set in."""
    comp = [c for c in v.children if c.dep_ == "ccomp" and not p.in_quotes(c.idx)]
    if comp:
        parts = [_content_span(comp)]
    elif _parenthetical(v) and not p.in_quotes(v.head.idx) and (host := _host_span(v, [v.head])) is not None:
        parts = [host]
    else:
        return None
    return unsourced(p, s, parts, "hear", of_tokens(None, _tokens_in(p.doc, parts), reported=True))


# "It is understood / estimated / alleged that ...": the passive that reports words nobody is named for.
IMPERSONAL = {"understand", "estimate", "believe", "fear", "allege", "report", "say", "claim", "suspect"}


def _impersonal(p: Parsed, s: Sentence, v) -> RawClaim | None:
    """'It is understood that ...', 'It is alleged that ...': an anonymous claim with no speaker, its stance from
    the verb ("alleged" alleges) or else from its words."""
    cc = [c for c in v.children if c.dep_ == "ccomp"]
    if not cc:
        # set inside the clause it reports ("Such levels, it is feared, would trigger ..."): the pieces around it
        parts = _host_parts(v, [v.head]) if _parenthetical(v) and not p.in_quotes(v.head.idx) else None
        return unsourced(p, s, parts, v.lemma_.lower()) if parts else None
    parts = [_content_span(cc)]
    return unsourced(p, s, parts, v.lemma_.lower())


def _unattributed_charge(p: Parsed, s: Sentence, v) -> RawClaim | None:
    """'The firm was accused of withholding data', 'The agency was criticised for sticking to its estimates': a
    charge in the passive with nobody named who makes it is an allegation from an unnamed source, which a
    fact-checker needs to see as such (the labels count it so). With "by X" the accuser speaks (reported_words);
    a participle with no auxiliary ("the firm, accused of fraud,") describes the firm and is left alone."""
    lemma = v.lemma_.lower()
    if lemma not in BLAME | {"accuse"} or v.tag_ != "VBN" or p.in_quotes(v.idx) or _irrealis(v):
        return None
    kids = {c.dep_ for c in v.children}
    if "nsubjpass" not in kids or "auxpass" not in kids or "agent" in kids or "neg" in kids or \
            v.sent.text.rstrip(" '\"”").endswith("?"):
        return None
    said = [g for c in v.children if c.dep_ == "prep" and c.lower_ in ("of", "for") for g in c.children
            if g.dep_ in ("pobj", "pcomp")]
    if not said:
        return None
    return unsourced(p, s, [_content_span(said)], lemma, "alleges")


# Nouns that name a speech act, with the verb whose stance they carry: "X's claims that ...", "the minister's
# denial that ...".
SPEECH_NOUNS = {"claim": "claim", "assertion": "assert", "insistence": "insist", "warning": "warn",
                "denial": "deny", "admission": "admit", "accusation": "accuse", "allegation": "allege",
                "prediction": "predict", "promise": "promise", "pledge": "pledge", "assurance": "assure",
                "statement": "state", "contention": "contend", "argument": "argue"}


# Views held, named as a noun with a "that" clause: "There are fears that ...", "officials expressed concern that".
VIEW_NOUNS = {"fear", "concern", "worry", "suspicion", "doubt"}
VOICE = {"express", "voice", "raise", "air", "share"}     # "X expressed fears that ...": X holds them


def _speech_noun(p: Parsed, s: Sentence, span) -> None:
    """'Feinberg's claims that he is independent', 'the senator's insistence that the budget balanced': a speech
    act named as a noun, its speaker the named owner, its words the "that" clause. Only a name or a noun phrase
    owns it (a bare "his" would need the pronoun's antecedent, which claims read only from a verb's subject).
    Voiced by a subject ("officials have expressed fears that ..."), the subject speaks. With no owner at all
    ("There are fears that ...", "leading to allegations that ...") the claim is there with nobody named for it,
    which is what a reader should see; not where the noun lies inside another source's words ("he said there
    were fears that"), which that source's claim already holds, nor as a subject or a heading's noun, where the
    parse runs the clause into the main verb ("The claim that X has been rejected")."""
    for n in span:
        lemma = n.lemma_.lower()
        verb = SPEECH_NOUNS.get(lemma)
        if verb is None and lemma not in VIEW_NOUNS or n.pos_ != "NOUN" or p.in_quotes(n.idx):
            continue
        owner = next((c for c in n.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")), None) or \
            next((g for c in n.children if c.dep_ == "prep" and c.lower_ in ("by", "from") for g in c.children
                  if g.dep_ == "pobj" and g.pos_ in ("PROPN", "NOUN")), None)   # "claims by an engineer that"
        clause = next((c for c in n.children if c.dep_ in ("acl", "ccomp", "appos") and c.pos_ in ("VERB", "AUX")
                       and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None)
        if clause is None or p.in_quotes(clause.idx):
            continue
        if owner is None and n.dep_ == "dobj" and n.head.lemma_.lower() in VOICE:
            owner = next((c for c in n.head.children if c.dep_ == "nsubj" and c.lower_ not in ("i", "we")), None)
        if owner is None:
            if not any(c.dep_ == "poss" for c in n.children) and not any(is_claim_verb(a) for a in n.ancestors) \
                    and n.dep_ in ("dobj", "pobj", "attr") and (verb or _there_is(n)):
                p.claims.append(unsourced(p, s, [_content_span([clause])], verb))
            continue
        words = [t for t in owner.subtree if t.dep_ != "case"]
        while words and words[-1].is_punct:
            words = words[:-1]      # "claims by an engineer, Ann Lee, that": the appositive's closing comma
        sp, s0, s1 = _span_text(words)
        c0, c1 = _content_span([clause])
        parts = [(c0, c1)]
        has_name = owner.pos_ == "PROPN" or any(s0 <= m.start < s1 for m in p.persons)
        p.claims.append(RawClaim(p.id, s, sp, s0, s1, of_tokens(verb, _tokens_in(p.doc, parts), reported=True),
                                 is_anonymous(words, has_name), "reported", p.text[c0:c1], c0, c1, parts,
                                 (s.start, s.end), verb=verb))


def _there_is(n) -> bool:
    """'There are fears that ...': a view held by people unnamed. Elsewhere an unowned fear or concern is mostly the
    writer's framing ("dragged down by concerns that the deal would fall through"), which the labels leave out."""
    return n.dep_ == "attr" and any(c.dep_ == "expl" for c in n.head.children)


def unsourced(p: Parsed, s: Sentence, parts: list[tuple[int, int]], verb: str | None,
              stance: str | None = None) -> RawClaim:
    """A claim nobody is named for (anonymous, no speaker): its words at ``parts``, its stance given or read from
    the verb and the words."""
    c0, c1 = parts[0][0], parts[-1][1]
    stance = stance or of_tokens(verb, _tokens_in(p.doc, parts), reported=True)
    return RawClaim(p.id, s, None, -1, -1, stance, True, "reported", _pieces(p.text, parts), c0, c1, parts,
                    (s.start, s.end), verb=verb)


def _according_to(p: Parsed, s: Sentence) -> None:
    """'..., according to X' outside quotes."""
    for m in re.finditer(r"\b[Aa]ccording to ([^,.;]+)", s.text):
        a0 = s.start + m.start()
        if p.in_quotes(a0):
            continue
        sp0 = s.start + m.start(1)
        sp1 = sp0 + len(m.group(1).rstrip())
        parts = _according_to_words(p, s, m)
        c0, c1 = parts[0][0], parts[-1][1]
        sp_span = p.doc.char_span(sp0, sp1, alignment_mode="expand")
        has_name = any(sp0 <= person.start and person.end <= sp1 for person in p.persons)
        # "according to X" is a channel: X is the claim's source, with the reporting verb's neutral stance.
        p.claims.append(RawClaim(p.id, s, p.text[sp0:sp1], sp0, sp1,
                                 of_tokens(None, _tokens_in(p.doc, parts), reported=True),
                                 is_anonymous(list(sp_span) if sp_span is not None else [], has_name), "reported",
                                 _pieces(p.text, parts), c0, c1, parts, (s.start, s.end),
                                 verb="according to"))


def _according_to_words(p: Parsed, s: Sentence, m: re.Match) -> list[tuple[int, int]]:
    """The words sourced by "according to X": the clause before it when one stands there (what follows may be a
    relative clause on X, "..., according to the fund, which pays ...", or a clause of the writer's own, "..., but
    the search goes on"), else what follows ("According to X, ..."; "The ferry, according to X, was late")."""
    text = p.text
    before = s.text[:m.start()].rstrip(" ,")
    after = s.text[m.end():].lstrip(" ,")
    span = p.doc.char_span(s.start, s.start + len(before), alignment_mode="expand") if before else None
    # a clause stands before it: a finite verb, or a verb with its subject ("The crowd numbered into the
    # thousands", which the tagger may read as a participle)
    finite = span is not None and any(not p.in_quotes(t.idx) and (t.tag_ in ("VBD", "VBZ", "VBP", "MD") or
                                      t.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in t.children))
                                      for t in span)
    if finite or not re.search(r"\w", after):
        return [(s.start, s.start + len(before))]
    c0 = s.end - len(after)
    rest = (c0, _rstrip_punct(text, c0, s.end))
    # "The ferry, according to the port, was late": the subject before it and the rest of its clause after
    return [(s.start, s.start + len(before)), rest] if re.search(r"\w", before) else [rest]


def _refusal(p: Parsed, s: Sentence) -> None:
    """The first refusal to comment in the sentence, unless a reporting verb already gave one there."""
    for m in NO_COMMENT.finditer(s.text):
        a0 = s.start + m.start()
        if p.in_quotes(a0):
            continue
        c = _no_comment(p, s, a0, s.start + m.end())
        if c is not None and not any(o.stance == "declines_comment" and o.span == c.span for o in p.claims):
            p.claims.append(c)
        break


NOBODY = {"nobody", "none", "no-one", "noone", "neither"}


def _nobody(subj) -> bool:
    """A subject that counts no one ("nobody", "no one", "no official", "neither side") says nothing: a claim needs
    someone who makes it."""
    if subj is None:
        return False
    return subj.lower_ in NOBODY or any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in subj.children)


def make_claim(p: Parsed, v, parts: list[tuple[int, int]], kind: str, refusal: bool = False) -> RawClaim:
    """The claim a reporting verb makes with the words in ``parts``: its speaker, stance and anonymity."""
    speaker = find_speaker(p, v, refusal)
    stance = decide_stance(p.doc, v, parts, kind)
    anonymous = decide_anonymity(v, speaker)
    hint = _antecedent(p, speaker)
    if hint >= 0:
        anonymous = p.claims[hint].anonymous
    c0, c1 = parts[0][0], parts[-1][1]
    first = p.sent_of(min(c0, speaker.start if speaker.start >= 0 else c0)) or p.sent_of(c0)
    last = p.sent_of(max(c1 - 1, speaker.end - 1 if speaker.end >= 0 else 0, v.idx)) or first
    content = _pieces(p.text, parts)
    raw = RawClaim(p.id, p.sent_of(v.idx), speaker.text, speaker.start, speaker.end, stance, anonymous, kind,
                   content, c0, c1, list(parts), (first.start, last.end), hint, v.lemma_.lower(),
                   evidence=_is_evidence(speaker))
    _read_speaker(p, speaker, raw)
    return raw


# Title nouns a person holds ("the port's director", "the tribunal prosecutor"): such a description is a person,
# never the body named in its modifier. A spokesperson is the exception: what they say is their principal's.
SPEAKS_FOR = {"spokesman", "spokeswoman", "spokesperson"}
# People who live, work or are somewhere: "families in Kestrow", "residents of the town", "fishermen from the coast"
# speak for themselves, not for the place (its authorities would: "officials in Kestrow").
DWELLERS = {"family", "resident", "villager", "local", "people", "person", "fisherman", "farmer", "worker",
            "survivor", "victim", "parent", "household", "homeowner", "shopkeeper", "tenant", "neighbour", "neighbor",
            "citizen", "voter", "protester", "demonstrator", "student", "pupil", "patient", "passenger", "refugee",
            "evacuee", "child", "woman", "man"}
OFFICE_NOUNS = TITLE_HEADS - SPEAKS_FOR - {"lord", "lady", "prof", "kc", "qc", "mp", "jr", "sr"}


def _read_speaker(p: Parsed, speaker: Speaker, raw: RawClaim) -> None:
    """Note on ``raw`` what speaker_entity will need from the parse: the antecedent of "it", the title noun of a
    description, the runs of proper nouns in the speaker's words."""
    head = speaker.head
    if head is None:
        return
    if head.lower_ == "it":
        raw.it_subject = _it_antecedent(p, head)
    elif head.pos_ == "NOUN" and head.lemma_.lower() in SPEAKS_FOR and not speaker.has_name:
        raw.spokesperson = True
    elif head.pos_ == "NOUN" and head.tag_ == "NNS" and head.lemma_.lower() in DWELLERS:
        raw.dwellers = True
    elif head.pos_ == "NOUN" and head.lemma_.lower() in OFFICE_NOUNS:
        raw.role_head = head.lemma_.lower()
        raw.definite = any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in ("the", "this", "that")
                           for c in head.children)
    span = p.doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
    run: list = []
    for t in [*(span or ()), None]:
        if t is not None and t.pos_ == "PROPN":
            run.append(t)
            continue
        if len(run) > 1:
            raw.name_runs.append((run[0].idx, run[-1].idx + len(run[-1])))
        run = []


def _it_antecedent(p: Parsed, it) -> tuple[int, int] | None:
    """The subject of the sentence before, for "it" opening its own sentence, where the text leaves that one
    reading: a singular noun (not a plural, not a pronoun) subject of that sentence's main verb, and no noun
    between it and "it" in this sentence. Whether that noun names a body or a place the mentions tell later."""
    sent = it.sent
    if any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in sent if t.i < it.i):
        return None
    k = sent.start - 1
    while k >= 0 and p.doc[k].is_space:
        k -= 1
    if k < 0:
        return None
    prev = p.doc[k].sent
    if not p.in_body(prev.start_char) or p.in_quotes(prev.start_char):
        return None
    subj = next((c for c in prev.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ not in ("PROPN", "NOUN") or subj.tag_ not in ("NN", "NNP") or \
            prev.root.tag_ == "VBP":
        return None
    return subj.idx, subj.idx + len(subj)


# Subjects that show or find but do not speak: where someone reports them, that one is the source.
EVIDENCE = {"test", "testing", "result", "evidence", "data", "finding", "analysis", "sample", "record", "figure",
            "research", "survey", "poll", "experiment", "trial",
            # a movement read as a sign ("the latest fall in the firm's shares suggests that ...")
            "fall", "rise", "drop", "decline", "increase", "jump", "surge", "slump"}


def _is_evidence(speaker: Speaker) -> bool:
    heads = [t for t in speaker.phrase if t.head not in speaker.phrase or t.head.i == t.i]
    return bool(heads) and (heads[0].lemma_.lower() in EVIDENCE or heads[0].tag_ == "VBG")


def find_speaker(p: Parsed, v, refusal: bool = False) -> Speaker:
    """Who performs the reporting verb ``v``, as written (a pronoun stays a pronoun)."""
    # In a refusal the passive's subject is the one who declines ("X could not be reached").
    subj = _subject(v) if refusal else _speaker_subject(v)
    if subj is None and _opens_line_lower(p.text, v):
        subj = _dangling_subject(p, v)
    if subj is not None and p.in_quotes(subj.idx):
        # The parser took a quoted word as the subject and hung the speaker on it: “Money,” a source said.
        subj = next((c for c in subj.children if c.dep_ == "appos" and not p.in_quotes(c.idx)), None)
    if subj is None or p.in_quotes(subj.idx):
        return NO_SPEAKER
    subj = _issuer(subj) or subj
    toks = _speaker_tokens(subj)
    name = _name_before_verb(toks, v)
    sp, s0, s1 = _span_text(toks + name)
    full = list(subj.subtree) + name
    # A name counts when it names the speaker, not when it sits in a modifier of the speaker's noun ("a source
    # close to Mr Olsen", "a source in Khan's office" stay anonymous).
    own = [t for t in full if not _under_modifier(t, subj)]
    has_name = any(any(person.start <= t.idx < person.end for t in own) for person in p.persons) or \
        subj.pos_ == "PROPN"
    return Speaker(sp, s0, s1, full, has_name, subj)


def _name_before_verb(toks, v) -> list:
    """The rest of a person's name the parser hung on the verb ("The company's managing director Seamus Connolly
    said", with "Connolly" read as an adverb of "said", or "Seamus" as the title's apposition and "Connolly" as
    the verb's): the words between the phrase and the verb, when they are all of one PERSON name that runs up to
    the verb, belong to the speaker."""
    doc, last = v.doc, toks[-1]
    if last.i + 1 >= v.i:
        return []       # the phrase runs up to the verb (or past it)
    gap = doc[last.i + 1:v.i]
    if any(t.ent_type_ != "PERSON" for t in gap) or any(t.ent_iob_ == "B" for t in gap[1:]) or \
            gap[0].ent_iob_ == "I" and last.ent_type_ != "PERSON":
        return []       # not one name, or two names
    return list(gap)


def _dangling_subject(p: Parsed, v):
    """For a verb opening a line in lower case with no subject of its own ('"...," Sen. Ann Marsh (D-Ore.) /
    said at the hearing'), the noun phrase left after the quote on the line before: one sentence cut in two."""
    k = v.sent.start - 1
    while k >= 0 and p.doc[k].is_space:
        k -= 1
    if k < 0:
        return None
    prev = p.doc[k].sent
    q_end = max((b for q in p.quotes for _, b in q if b <= v.idx), default=-1)
    if q_end < prev.start_char:
        return None
    region = [t for t in prev if t.idx > q_end and not t.is_space and not t.is_punct]
    ids = {t.i for t in region}
    heads = [t for t in region if t.pos_ in ("PROPN", "NOUN") and t.head.i not in ids]
    return heads[0] if len(heads) == 1 else None


def _under_modifier(t, head) -> bool:
    """Whether ``t`` sits in a modifier of the speaker's noun (a prepositional phrase, a relative or participial
    clause, an adjective on the head) rather than in the words that name the speaker."""
    while t.i != head.i and t.head.i != t.i:
        if t.dep_ in ("prep", "relcl", "acl") or t.dep_ == "amod" and t.head.i == head.i:
            return True
        t = t.head
    return False


def decide_stance(doc, v, parts: list[tuple[int, int]], kind: str) -> str:
    """From the reporting verb, then the claim's own words (stance.of_tokens); a refusing verb with a no-comment
    phrase ("declined to comment") is a refusal whatever else its words say."""
    lemma = v.lemma_.lower()
    # The writer's aside run on after the claim (", which would suggest that it was not working") is not the
    # speaker's words: its "not" denies nothing the speaker said.
    toks = [t for t in _tokens_in(doc, parts) if not any(
        c.dep_ == "nsubj" and _clause_which(c) for a in (t, *t.ancestors) for c in a.children)]
    stance = of_tokens(lemma, toks, reported=kind == "reported")
    if lemma in ("decline", "refuse", "respond", "comment", "reply") and NO_COMMENT.search(v.sent.text):
        stance = "declines_comment"
    return stance


def decide_anonymity(v, speaker: Speaker) -> bool:
    """An anonymity phrase in the sentence ("asked not to be named") makes an unnamed speaker anonymous whatever the
    phrase's head; a pronoun is left to the claim it refers back to (make_claim)."""
    if speaker.text and speaker.text.lower() not in PRONOUNS and not speaker.has_name and \
            ANON_PHRASE.search(v.sent.text):
        return True
    return is_anonymous(speaker.phrase, speaker.has_name)


def _antecedent(p: Parsed, speaker: Speaker) -> int:
    """The index of the claim whose speaker a pronoun speaker is, or -1."""
    if speaker.text and speaker.text.lower() in PRONOUNS and p.claims:
        # A pronoun refers to the previous claim's speaker unless a person is named in between, or the two differ
        # in number ("Officials say ... It suggests ...": "it" is a study, not the officials).
        named_between = any(p.claims[-1].speaker_end <= person.start < speaker.start for person in p.persons)
        if not named_between and not (speaker.text.lower() in ("it", "he", "she") and
                                      _plural_speaker(p, p.claims[-1])):
            return len(p.claims) - 1
    return -1


def _plural_speaker(p: Parsed, c: RawClaim) -> bool:
    """The claim's speaker phrase is headed by a plural common noun ("Health officials", "Sources close to the
    talks"; not "Reuters")."""
    span = p.doc.char_span(c.speaker_start, c.speaker_end, alignment_mode="expand") if c.speaker_start >= 0 else None
    return span is not None and span.root.tag_ == "NNS"


def one_per_speaker(claims: list[RawClaim]) -> list[RawClaim]:
    """One sentence yields one claim per speaker: a claim with no speaker gives way to one with a speaker in the
    same sentence, an "according to" channel to a reporting verb whose words it contains ("X, the minister said,
    according to state radio"), and two readings of one speaker's overlapping words are one claim."""
    def sent_key(c):
        return c.sent.start if c.sent is not None else c.content_start

    def overlaps(a, b):
        return a.content_start < b.content_end and b.content_start < a.content_end

    by_sent: dict[int, list[RawClaim]] = {}
    for c in claims:
        by_sent.setdefault(sent_key(c), []).append(c)
    drop: set[int] = set()
    for group in by_sent.values():
        # "X said tests showed ...", "Tests showed ..., according to X": X is the source, the tests its evidence.
        drop |= {id(c) for c in group if c.evidence and any(
            o is not c and not o.evidence and o.speaker_text and o.content_start <= c.speaker_start < o.content_end
            for o in group)}
        spoken = [c for c in group if c.speaker_text]
        for c in group:
            others = [o for o in spoken if o is not c and id(o) not in drop]
            if not c.speaker_text and others and c.kind == "direct" or \
                    not c.speaker_text and c.kind == "reported" and any(overlaps(c, o) for o in others):
                drop.add(id(c))
            elif c.verb == "according to" and any(o.verb != "according to" and overlaps(c, o) for o in others):
                drop.add(id(c))
            elif any(o.speaker_start == c.speaker_start and overlaps(o, c) for o in others
                     if claims.index(o) < claims.index(c)):
                drop.add(id(c))
    return [c for c in claims if id(c) not in drop]


def _tokens_in(doc, parts) -> list:
    """The tokens inside the given character spans, in order."""
    out = []
    for a, b in parts:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is not None:
            out.extend(span)
    return out


QUOTES_BETWEEN = re.compile(r"[“”\"«»]|``|''")
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def _antecedent_span(v, comp) -> tuple[int, int] | None:
    """"the allegations of bribery in the port contract, which the mayor denies": what is denied is the noun phrase
    the relative pronoun stands for, not the word "which". The parser hangs the relative clause on the nearest noun
    ("contract"), so the phrase is taken from the top of the chain of nouns and prepositions above it, without the
    relative clause itself."""
    if v.dep_ != "relcl" or v.head.pos_ not in ("NOUN", "PROPN") or \
            not any(c.tag_ in ("WDT", "WP") and c.dep_ == "dobj" for c in comp):
        return None
    top = v.head
    while top.dep_ in ("pobj", "prep") and top.head.pos_ in ("NOUN", "PROPN", "ADP"):
        top = top.head
    if top.dep_ == "dobj" and top.head.tag_ == "VBG":
        top = top.head          # "fined for dumping waste, which it denies": the act, not the waste
    host = _charge_host(top)
    if host is not None and v.doc[v.left_edge.i - 1].text == ",":
        top = host              # "was accused of bribery, which he denies": what he denies is the accusation
    skip = {t.i for t in v.subtree}
    toks = [t for t in top.subtree if t.i not in skip]
    while toks and (toks[0].dep_ == "mark" or toks[0].is_punct):
        toks = toks[1:]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    return (toks[0].idx, toks[-1].idx + len(toks[-1])) if toks else None


# Verbs that lay a charge on someone: a relative clause set off after the charge ("was fined for dumping waste,
# which it denies") answers the charge, not the last noun the parser hangs it on.
CHARGING = {"accuse", "allege", "charge", "suspect", "blame", "fine", "sue", "indict", "convict", "arrest",
            "criticise", "criticize", "investigate", "prosecute", "sanction"}


def _charge_host(top):
    """The charging verb the phrase hangs from ("accused X of bribery", "fined for dumping"), through its
    prepositions and gerunds, or None."""
    t = top
    while t.dep_ in ("pobj", "prep", "pcomp", "dobj") and t.head is not t:
        t = t.head
        if t.pos_ == "VERB" and (t.lemma_.lower() in CHARGING or t.lower_ in ("fined", "fines")):
            return t        # (the small model lemmatises "fined" as "fin")
        if t.tag_ not in ("IN", "VBG"):
            return None
    return None


def _after_verb(v, comp) -> tuple[int, int]:
    """The reported words, less a relative pronoun before the verb that reports them: the parser makes it the
    subject of the reported clause ('a march, which observers say could decide the vote'), so the span would run
    over the speaker and the verb."""
    a, b = span = _content_span(comp)
    before = [t for c in comp for t in c.subtree if t.i < v.i]
    if not a < v.idx < b or not all(t.tag_ in ("WDT", "WP") for t in before):
        return span
    after = [t for t in v.doc[v.i + 1:] if t.idx < b and not t.is_punct and not (t.dep_ == "mark" and
                                                                                   t.lower_ == "that")]
    return (after[0].idx, b) if after else span


def _content_span(comp) -> tuple[int, int]:
    toks = sorted({t for c in comp for t in c.subtree}, key=lambda t: t.i)
    others = {t.i for w in toks if w.dep_ == "relcl" and w not in comp and is_claim_verb(w) and any(
        c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in w.children) for t in w.subtree}
    toks = [t for t in toks if t.i not in others] or toks   # ", which he denies" is his claim, not the accuser's
    while toks and (toks[0].dep_ == "mark" and toks[0].lower_ == "that" or toks[0].is_punct):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space):     # a heading's words end at a line break
        toks = toks[:-1]
    if not toks:
        toks = [comp[0]]
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def _rstrip_punct(text: str, a: int, b: int) -> int:
    while b > a and (text[b - 1] in ".;:!?" or text[b - 1].isspace()):
        b -= 1
    return b


def _no_comment(p: Parsed, s: Sentence, a0: int, a1: int) -> RawClaim | None:
    """A refusal to comment: its speaker is the subject of the refusing verb, or X in "calls to X went
    unanswered" (then the claim's content is the whole clause)."""
    span = p.doc.char_span(a0, a1, alignment_mode="expand")
    if span is None:
        return None
    v = next((t for t in span if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass", "neg")), span.root)
    while v.pos_ not in ("VERB", "AUX") and v.head is not v:
        v = v.head
    subj = _subject(v)
    if subj is not None and subj.lemma_.lower() in ("call", "message", "request", "email", "question", "attempt"):
        target = [g for p in subj.subtree if p.dep_ == "prep" and p.lower_ in ("to", "for", "with")
                  for g in p.children if g.dep_ == "pobj"]
        if not target:
            return None
        sp, s0, s1 = _span_text(list(target[0].subtree))
        c0, c1 = subj.left_edge.idx, _rstrip_punct(p.text, a0, s.end)
        has_name = any(s0 <= person.start and person.end <= s1 for person in p.persons)
        return RawClaim(p.id, s, sp, s0, s1, "declines_comment", is_anonymous(list(target[0].subtree),
                        has_name), "reported", p.text[c0:c1], c0, c1, [(c0, c1)], (s.start, s.end))
    if subj is None:
        return None
    c = make_claim(p, v, [(a0, a1)], "reported", refusal=True)
    c.stance = "declines_comment"
    # The refusal phrase starts at its verb: "declined to comment", "did not respond to a request for comment".
    # (the verb's own auxiliaries, not those of a relative clause in its subject: "which paid X to maintain it")
    first = min((t for t in v.children if t.dep_ in ("aux", "neg") and t.i < v.i), default=v, key=lambda t: t.i)
    c.content_start = min(first.idx, a0)
    c.parts = [(c.content_start, c.content_end)]
    c.content = p.text[c.content_start:c.content_end]
    return c


# --- resolution and output ---

MUTE_LABELS = {"LOC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"}
# A name in a list after a preposition of place ("in Kestrow, Hallen and "), or of origin ("from the ").
_LIST_TAIL = r")\s+(?:the\s+)?(?:[\w'’.-]+,?\s+(?:and\s+)?)*$"
_IN_LIST = re.compile(r"\b(?:in|across|around|near" + _LIST_TAIL)
_OF_LIST = re.compile(r"\b(?:of|from" + _LIST_TAIL)


def speaker_entity(raw: RawClaim, mentions: list[Mention], entity_of_claim: list[str | None],
                   roles: dict[str, list[str]] | None = None) -> str | None:
    """The speaker's entity: a mention inside the speaker span, else for a pronoun the speaker of the claim just
    before in the same article, else the last person named before the claim. ``roles``: the cast's people and
    their roles, for a title description ("the tribunal's prosecutor") and a bare surname."""
    if getattr(raw, "carried", False):
        ok = 0 <= raw.speaker_entity_hint < len(entity_of_claim)
        return entity_of_claim[raw.speaker_entity_hint] if ok else None
    if raw.speaker_start < 0:
        return None
    # (a sea, a region, a rig, a work or an event named inside a longer description is not its speaker: "local
    # groups in the Gulf", "lawyers for Deepwater Horizon victims"; a name that is the whole speaker is left to the
    # cast's typing: "Interbrand said")
    inside = [m for m in mentions if m.article == raw.article and raw.speaker_start <= m.start and
              m.end <= raw.speaker_end and m.entity and not _name_fragment(m, raw, mentions) and
              (m.label not in MUTE_LABELS or raw.speaker_end - raw.speaker_start <= m.end - m.start + 4)]
    role_head = getattr(raw, "role_head", None)
    if role_head and not raw.anonymous:
        # "The tribunal prosecutor added ...": the body in the modifier is where the speaker holds office.
        where = [m.text for m in inside if m.label in ("GPE", "LOC")][-1:]    # the one next to the title
        inside = [m for m in inside if m.label == "PERSON"]
        if not inside:
            return _office_holder(raw, mentions, roles or {}, where) if raw.definite else None
    if getattr(raw, "spokesperson", False):
        # "A spokeswoman for the office of Prime Minister X": the spokeswoman speaks for a body (the office, the
        # ministry), and her words are not X's own; the person named in her description is never the speaker.
        inside = [m for m in inside if m.label != "PERSON"]
    if getattr(raw, "dwellers", False):
        # "Families in Kestrow, Hallen and Lower Brisk said": the places they are in do not speak for them
        # (a list after "in" holds places whatever the model calls them; after "of" or "from" a body may be where
        # they work: "workers from Halvex")
        inside = [m for m in inside if m.label == "PERSON" or not _IN_LIST.search(_text_before(raw, m)) and
                  not (m.label in ("GPE", "LOC", "FAC") and _OF_LIST.search(_text_before(raw, m)))]
    if getattr(raw, "evidence", False):
        # "the latest fall in Halvex's shares suggests ...", "tests by the agency confirmed ...": evidence speaks
        # for the one who made it ("by", "from"), never for what it is about.
        inside = [m for m in inside if re.search(r"\b(?:by|from)\s+(?:the\s+)?$", _text_before(raw, m))]
    people = [m for m in inside if m.label == "PERSON"]
    if raw.anonymous and not (raw.speaker_text or "").lower() in PRONOUNS:
        # "one source in the prosecutor's office", "a source close to Mr Khan": an unnamed speaker is never the
        # person named inside the phrase (that would put the source's words in that person's mouth); the body
        # named there is the affiliation, and the claim's entity.
        people = []
        inside = [m for m in inside if m.label != "PERSON" and not m.inferred]
    if people or inside:
        return (people or inside)[0].entity
    said = (raw.speaker_text or "").lower()
    if said == "it" and getattr(raw, "it_subject", None):
        a, b = raw.it_subject
        bodies = {m.entity for m in mentions if m.article == raw.article and m.entity and m.label != "PERSON" and
                  m.start <= a and b <= m.end}
        return bodies.pop() if len(bodies) == 1 else None
    surname = _surname_holder(raw, mentions)
    if surname:
        return surname
    if (raw.speaker_text or "").lower() in PRONOUNS - {"it", "we", "i"} or \
            (raw.speaker_text or "").lower() in ("i", "we") and raw.kind == "direct":
        said = (raw.speaker_text or "").lower()
        if 0 <= raw.speaker_entity_hint < len(entity_of_claim) and entity_of_claim[raw.speaker_entity_hint] and \
                not _gender_clash(said, entity_of_claim[raw.speaker_entity_hint], raw.article, mentions) and \
                not (said == "they" and _one_person(entity_of_claim[raw.speaker_entity_hint], raw.article, mentions)):
            return entity_of_claim[raw.speaker_entity_hint]
        if said == "they":
            return None     # "Some economists do; they note ...": never the one person named before
        before = [m for m in mentions if m.article == raw.article and m.label == "PERSON" and m.entity and
                  m.end <= raw.speaker_start]
        # The nearest person named before, unless the pronoun's gender clashes with how the article names them
        # ("She told The Guardian" after "Mr Khan": an unnamed colleague, not Khan).
        if before and not _gender_clash(said, before[-1].entity, raw.article, mentions):
            return before[-1].entity
    return None


def _text_before(raw: RawClaim, m: Mention) -> str:
    """The speaker's words before the mention (the claim's sentence holds both)."""
    s = raw.sent
    return s.text[max(0, raw.speaker_start - s.start):max(0, m.start - s.start)]


def _name_fragment(m: Mention, raw: RawClaim, mentions: list[Mention]) -> bool:
    """Whether a body's or place's mention is the tail of a longer name the speaker's words hold ("a Harbour
    Works Council spokesperson" tagged "Works Council"): the name goes on to the left in proper nouns no mention
    covers, so the shorter name is not the speaker's body."""
    if m.label == "PERSON":
        return False
    for a, b in getattr(raw, "name_runs", ()):
        if a < m.start < b:
            covered = any(o.article == m.article and o.start <= a and m.start <= o.end for o in mentions
                          if o is not m)
            if not covered:
                return True
    return False


def _office_holder(raw: RawClaim, mentions: list[Mention], roles: dict[str, list[str]],
                   where: list[str] = ()) -> str | None:
    """The one person of the article the cast gives a role with this title noun ("the prosecutor" -> whoever the
    story calls prosecutor), or None where no one or several do. ``roles`` holds each person's nationality words
    with the roles. The description must fit the title: a portfolio ("Egypt's finance minister") is not another
    one ("Health Minister"), and a place it names ("Scotland's health minister") must fit the holder's nationality
    or title: an article that quotes Mexico's health minister and then Scotland's has two holders of one title,
    and the cast may know only the first."""
    def titles(h: str) -> list[str]:
        return [r for r in roles.get(h, ()) if r.split() and r.split()[-1].lower() == raw.role_head]

    wanted = _portfolio(raw.speaker_text or "", raw.role_head, written_lower=True)

    def fits_title(h: str) -> bool:
        held = set().union(*(_portfolio(r, raw.role_head) for r in titles(h)))
        # "interim", "former": another holder of the office than the one the cast knows, unless it says so
        if wanted & _TENURE and not held & wanted & _TENURE:
            return False
        return not (wanted - _TENURE and held - _TENURE and not held & wanted - _TENURE)

    holders = {m.entity for m in mentions if m.article == raw.article and m.label == "PERSON" and m.entity and
               titles(m.entity) and fits_title(m.entity)}
    if not where:
        return holders.pop() if len(holders) == 1 else None
    # With a place: the one holder whose nationality or title names it; else a sole holder of whom the cast knows
    # no place ("Haiti's president" for "President Preval"), never one whose place is another.
    theirs = {h: [w for r in titles(h) + [r for r in roles.get(h, ()) if " " not in r]
                  for w in re.findall(r"[A-Z][A-Za-z.]+", r) if _of_place(w)] for h in holders}
    fits = [h for h in holders if theirs[h] and all(any(same_country(p, w) for w in theirs[h]) for p in where)]
    if len(fits) == 1:
        return fits[0]
    return holders.pop() if len(holders) == 1 and not theirs[next(iter(holders))] else None


_TENURE = {"interim", "acting", "new", "former", "incoming", "outgoing", "caretaker", "late", "ex"}


def _portfolio(phrase: str, head: str, written_lower: bool = False) -> set[str]:
    """The words just before a title's head noun, places and nationalities left out: "finance" in "Egypt's finance
    minister" and in "Finance Minister". In a description (``written_lower``) only words in lower case: "The
    Harbour Authority director" names the body, not a portfolio."""
    words = phrase.split()
    while words and words[-1].lower() != head:
        words.pop()
    out: set[str] = set()
    for w in reversed(words[:-1]):
        if not re.fullmatch(r"[A-Za-z-]+", w) or _of_place(w) or w.lower() in ("the", "a", "an", "its", "his", "her") \
                or written_lower and not w.islower():
            break
        out.add(w.lower())
    return out


_SAME = [{"US", "U.S.", "USA", "United States", "America"}, {"UK", "U.K.", "Britain", "United Kingdom",
                                                              "Great Britain"}]


def _of_place(word: str) -> bool:
    from .nlp import COUNTRY_SHORT, DEMONYM_COUNTRY, gazetteer, is_demonym
    return is_demonym(word) or word in DEMONYM_COUNTRY or word in gazetteer()["countries"] or word in COUNTRY_SHORT


def same_country(place: str, word: str) -> bool:
    """Whether a nationality or country word names the place ("Danish" and "Denmark", "American" and "US")."""
    from .nlp import DEMONYM_COUNTRY
    country = DEMONYM_COUNTRY.get(word, word)
    if place == country or len(place) >= 4 and len(country) >= 4 and place[:4].lower() == country[:4].lower():
        return True
    return any(place in group and country in group for group in _SAME)


def _surname_holder(raw: RawClaim, mentions: list[Mention]) -> str | None:
    """A speaker written as a bare surname ("Okafor", "Ms Okafor") that no mention covers: the one person of the
    article whose full name ends in it."""
    words = (raw.speaker_text or "").replace(".", "").split()
    if words and words[0].lower() in HONORIFICS:
        words = words[1:]
    if len(words) != 1 or not words[0][:1].isupper() or words[0].lower() in PRONOUNS:
        return None
    people = {m.entity for m in mentions if m.article == raw.article and m.label == "PERSON" and m.entity and
              not m.inferred and len(m.text.split()) > 1 and m.text.split()[-1] == words[0]}
    return people.pop() if len(people) == 1 else None


def _one_person(entity: str, article: str, mentions: list[Mention]) -> bool:
    """The entity is a person as the article names it: "they" is not him (a body may be "they")."""
    labels = {m.label for m in mentions if m.article == article and m.entity == entity and not m.inferred}
    return labels == {"PERSON"}


def _gender_clash(pronoun: str, entity: str, article: str, mentions: list[Mention]) -> bool:
    want = {"he": "m", "she": "f"}.get(pronoun)
    if want is None:
        return False
    seen = {GENDERED[w] for m in mentions if m.article == article and m.entity == entity and not m.inferred
            for w in m.text.lower().replace(".", "").split() if w in GENDERED}
    return bool(seen) and want not in seen


def finalize(raw: RawClaim, speaker: str | None, article_text: str) -> Claim:
    s0, s1 = raw.span
    # A wire dateline or page stamp the sentence opens with ("LONDON | Thu May 27, 2010 9:48 am EDT LONDON (Reuters)
    # -") says where and when the page was filed, not what anyone said: the claim and its words start after it
    # (the parser often hangs it inside the reported clause).
    cut = s0 + opener_end(article_text[s0:s1])
    c0, content, parts = raw.content_start, raw.content, raw.parts
    if c0 < cut < raw.content_end and cut <= (raw.speaker_start if raw.speaker_start >= 0 else cut):
        c0, content = cut, article_text[cut:raw.content_end]
        parts = [(max(a, cut), b) for a, b in parts if b > cut]
    s0 = min(cut, c0, raw.speaker_start if raw.speaker_start >= 0 else cut)
    s1 = max(s1, raw.content_end, raw.speaker_end)
    text = article_text[s0:s1]
    cid = stable_id("c-", raw.article, s0, s1, c0)
    return Claim(cid, speaker, raw.speaker_text, raw.anonymous, raw.stance, text, raw.article, s0, s1,
                 kind=raw.kind, content=content, content_start=c0, content_end=raw.content_end,
                 content_parts=[[a, b] for a, b in parts],
                 speaker_start=raw.speaker_start if raw.speaker_start >= 0 else None,
                 speaker_end=raw.speaker_end if raw.speaker_start >= 0 else None,
                 sources=[Source(raw.article, s0, s1, text)])


def one_per_quote(claims: list[Claim]) -> list[Claim]:
    """A quote is one claim: where the extractor found two speakers for the same words ("..., said the minister,
    according to the agency"), the speaker written nearest the quoted words keeps it. (Two readings of one quote
    can also share a claim id, which the store refuses.)"""
    kept: list[Claim] = []
    slot: dict[object, int] = {}   # claim id and (article, content span) -> index in kept

    def gap(c: Claim) -> int:
        if c.speaker_start is None:
            return 1 << 30
        return max(c.speaker_start - (c.content_end or c.end), (c.content_start or c.start) - c.speaker_end, 0)

    for c in claims:
        keys = (c.id, (c.article, c.content_start, c.content_end))
        i = next((slot[k] for k in keys if k in slot), None)
        if i is None:
            slot.update({k: len(kept) for k in keys})
            kept.append(c)
        elif gap(c) < gap(kept[i]):
            kept[i] = c
            slot.update({k: i for k in keys})
    return kept


def merge_repeats(claims: list[Claim]) -> list[Claim]:
    """The same claim (same speaker, same stance, near-identical words) reported by several articles becomes one
    claim with several sources; the first report keeps the claim's own article and span. Claims are bucketed by
    speaker and stance, and fuzzy matching looks at a bounded window, so a large corpus stays near-linear."""
    from rapidfuzz import fuzz
    kept: list[Claim] = []
    buckets: dict[tuple, list[tuple[Claim, str]]] = {}   # each kept claim with its word key, computed once
    exact: dict[tuple, Claim] = {}
    for c in claims:
        key = (c.speaker or word_key(c.speaker_text or ""), c.stance, c.kind)
        # a refusal's words are a formula ("declined to comment"): two refusals are one only as one sentence
        words = word_key(c.text if c.stance == "declines_comment" else c.content)
        twin = exact.get((*key, words))
        if twin is not None and any(s.article == c.article for s in twin.sources):
            twin = None
        if twin is None:
            for k, k_words in buckets.get(key, [])[-300:]:
                if any(s.article == c.article for s in k.sources):
                    continue
                if fuzz.ratio(k_words, words) >= 90:
                    twin = k
                    break
        if twin is None:
            kept.append(c)
            buckets.setdefault(key, []).append((c, words))
            exact.setdefault((*key, words), c)
        else:
            twin.sources.append(Source(c.article, c.start, c.end, c.text))
    return kept
