"""Claims: who said what, with stance and anonymous sourcing marked.

Sources of claims, in a sentence: a reporting verb with a subject ("X said that ...", "X denied ..."), "according
to X", refusals to comment ("declined to comment", "went unanswered", "offers no comment"), and impersonal
attributions ("It is claimed that ...", "it is understood"). A direct quote in a sentence without its own reporting
verb takes the speaker of a neighbouring sentence's quote ("... he said." after a quote running over paragraphs).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Claim, Mention, Sentence, stable_id

SAY = {"say", "tell", "add", "state", "announce", "claim", "allege", "accuse", "deny", "reject", "confirm", "insist",
       "argue", "warn", "note", "explain", "write", "describe", "reiterate", "admit", "acknowledge", "stress",
       "urge", "cite", "suggest", "dismiss", "refute", "respond", "reply", "quote", "comment", "understand",
       "report", "decline", "refuse", "believe", "call"}
STANCE_OF = {"deny": "denies", "refute": "denies", "reject": "rejects", "dismiss": "rejects",
             "allege": "alleges", "accuse": "alleges", "claim": "alleges", "confirm": "confirms", "admit": "confirms",
             "acknowledge": "confirms"}
NO_COMMENT = re.compile(r"\b(declined to (comment|discuss|respond|say)|did not (immediately )?(respond|reply|return|"
                        r"comment)|(went|go|have gone) unanswered|offers? no comment|no comment|could not be reached|"
                        r"refused to comment|cannot comment|would not comment|not going to discuss)\b", re.I)
DENIAL_WORDS = re.compile(r"\b(baseless|untrue|false|categorically|unfounded|no wrongdoing|did not|never|denied|"
                          r"deny|denies|lies|fabricat\w+)\b", re.I)
STRONG_DENIAL = re.compile(r"\b(baseless|untrue|unfounded|no wrongdoing|fabricat\w+|not guilty|innocent|"
                           r"without (any )?foundation|a lie|lies)\b", re.I)
ANON = re.compile(r"\b(sources?|officials?|diplomats?|insiders?|people familiar|person familiar|someone|aides?|"
                  r"a person|one person|it is understood|who spoke on condition|asked not to be named|anonymity|"
                  r"informed|familiar with|employees?|staff( members?)?|workers?|colleagues?|insiders?)\b", re.I)
NAMED_ROLE = re.compile(r"\b(spokes(man|woman|person)|lawyers?|attorneys?|ministry|office|court|government)\b", re.I)
PRONOUNS = {"he", "she", "they", "his", "her", "it", "we", "i"}
QUOTES = re.compile(r"[\"“”‘’']")


@dataclass
class RawClaim:
    article: str
    sent: Sentence
    speaker_text: str | None
    speaker_start: int
    speaker_end: int
    stance: str
    anonymous: bool
    kind: str
    content: str
    content_start: int
    content_end: int


def _span_text(tokens) -> tuple[str, int, int]:
    toks = sorted(tokens, key=lambda t: t.i)
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
    return toks[0].doc.text[start:end], start, end


def _subject(verb):
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return c
    if verb.dep_ in ("xcomp", "conj") and verb.head is not verb:
        return _subject(verb.head)
    return None


def _speaker_tokens(subj):
    """The subject phrase, without trailing relative clauses or parentheticals set off by commas."""
    toks = [t for t in subj.subtree]
    cut = [t for t in toks if t.dep_ in ("relcl", "acl", "appos", "punct") and t.i > subj.i and t.lower_ != "'s"]
    if cut:
        first = min(t.i for t in cut)
        toks = [t for t in toks if t.i < first]
    return toks or [subj]


def is_anonymous(speaker: str | None, has_name: bool) -> bool:
    if speaker is None:
        return False
    if has_name:
        return False
    if NAMED_ROLE.search(speaker) and not re.search(r"\bsources?\b", speaker, re.I):
        return False
    return bool(ANON.search(speaker))


def extract(article_id: str, doc, sents: list[Sentence], mentions: list[Mention]) -> list[RawClaim]:
    out: list[RawClaim] = []
    names = [m for m in mentions if m.label in ("PERSON", "ORG", "GPE")]
    for s in sents:
        if s.kind != "body":
            continue
        span = doc.char_span(s.start, s.end, alignment_mode="expand")
        if span is None:
            continue
        found = False
        for v in span:
            lemma = v.lemma_.lower()
            if v.pos_ not in ("VERB", "AUX") or lemma not in SAY:
                continue
            comp = [c for c in v.children if c.dep_ in ("ccomp", "xcomp", "dobj", "parataxis", "oprd", "acomp")]
            no_comment = bool(NO_COMMENT.search(s.text)) and lemma in ("decline", "refuse", "respond", "comment",
                                                                           "say", "reply")
            if lemma in ("decline", "refuse", "respond", "comment", "reply") and not no_comment:
                continue
            if lemma in ("believe", "understand", "report", "quote") and not comp:
                continue
            subj = _subject(v)
            if subj is None and not (lemma in ("claim", "allege", "understand") and v.dep_ == "ROOT"):
                continue
            if not comp and not no_comment and not QUOTES.search(s.text) and lemma not in STANCE_OF:
                continue
            if subj is not None:
                sp_toks = _speaker_tokens(subj)
                speaker, s0, s1 = _span_text(sp_toks)
            else:
                speaker, s0, s1 = None, -1, -1
            if comp:
                content, c0, c1 = _span_text([t for c in comp for t in c.subtree])
            else:
                content, c0, c1 = s.text, s.start, s.end
            stance = "declines_comment" if no_comment else STANCE_OF.get(lemma, "asserts")
            if stance == "asserts" and STRONG_DENIAL.search(content):
                stance = "denies"
            if stance == "asserts" and DENIAL_WORDS.search(content) and re.search(
                    r"\b(claims?|allegations?|suggestion|accusations?|reports?|it)\b", content, re.I):
                stance = "denies"
            # Only a named person makes a speaker named: "two Dravik employees" are still anonymous.
            has_name = any(s0 <= m.start and m.end <= s1 and m.label == "PERSON" for m in names) if s0 >= 0 \
                else False
            full = _span_text(list(subj.subtree))[0] if subj is not None else None
            anon = is_anonymous(full, has_name) if speaker else lemma in ("understand",)
            kind = "direct" if QUOTES.search(content) or QUOTES.search(s.text[:3]) else "reported"
            out.append(RawClaim(article_id, s, speaker, s0, s1, stance, anon, kind, content, c0, c1))
            found = True
            break   # one claim per sentence: the main reporting verb
        if found:
            continue
        m = re.search(r"\baccording to ([^,.;]+)", s.text, re.I)
        if m:
            speaker = m.group(1).strip()
            s0 = s.start + m.start(1)
            s1 = s0 + len(speaker)
            has_name = any(s0 <= x.start and x.end <= s1 and x.label == "PERSON" for x in names)
            out.append(RawClaim(article_id, s, speaker, s0, s1, "asserts", is_anonymous(speaker, has_name),
                                "reported", s.text, s.start, s.end))
            continue
        m = re.search(r"\b(it is|it was) (claimed|alleged|understood|believed|reported)\b", s.text, re.I)
        if m:
            stance = "alleges" if m.group(2).lower() in ("claimed", "alleged") else "asserts"
            out.append(RawClaim(article_id, s, None, -1, -1, stance, m.group(2).lower() == "understood",
                                "reported", s.text, s.start, s.end))
            continue
        if NO_COMMENT.search(s.text):
            ents = [x for x in names if s.start <= x.start and x.end <= s.end]
            sp = ents[0] if ents else None
            out.append(RawClaim(article_id, s, sp.text if sp else None, sp.start if sp else -1,
                                sp.end if sp else -1, "declines_comment", False, "reported", s.text, s.start, s.end))
    return out


def finalize(raw: RawClaim, speaker_entity: str | None) -> Claim:
    s = raw.sent
    cid = stable_id("c-", raw.article, s.start, s.end)
    return Claim(cid, speaker_entity, raw.speaker_text, raw.anonymous, raw.stance, s.text, raw.article, s.start,
                 s.end, kind=raw.kind)
