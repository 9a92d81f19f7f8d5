"""Cues for entity profiles, read from the parse of one article: roles, ages, nationality, explicit acronyms and
definite descriptions ("the prosecutor") that may stand for a named entity.

A cue is a plain dict keyed by the mention span it belongs to; ``resolve`` folds them into entities. spaCy has no
apposition-to-profile component, so the few dependency patterns news uses are read here directly.
"""
from __future__ import annotations

import re

from .model import Article, Mention
from .nlp import _dictionary_word, _person_nouns

HONORIFICS = {"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame"}
_ACR = re.compile(r"\s*(?:\(|-LRB-)\s*([A-Z][A-Za-z.&]{1,11})\s*(?:\)|-RRB-)")
# "the Coastal Transit Authority, or CTA, which runs ...": the acronym given as another name after a comma.
_ACR_OR = re.compile(r"\s*,\s*or\s+([A-Z][A-Z&]{1,9})(?=\s*[,.;:)])")
_AGE = re.compile(r"\b[Tt]he (\d{1,3})-year-old\b")
_AGE_APPOS = re.compile(r"^\s*,\s*(\d{1,3})\s*,")
ROLE_DEPS = {"compound", "amod", "nmod", "nummod", "poss", "case"}
POSSESSIVES = {"his", "her", "its", "their", "our", "my", "your"}


def _clean(words: list) -> str:
    while words and (words[0].is_punct or words[0].lower_ in ("a", "an", "the")):
        words = words[1:]
    while words and words[-1].is_punct:
        words = words[:-1]
    return "".join(t.text_with_ws for t in words).strip()


def _role_cues(a: Article, doc, m: Mention) -> list[dict]:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return []
    out = []
    root = span.root
    # A title inside the span ("Chief Prosecutor Lena Drozd", "Karim Khan KC").
    lead = []
    for t in span:
        if t.lower_.rstrip(".") in HONORIFICS:
            continue
        if t.is_title and t.lower_ in TITLE_HEADS | TITLE_MODS:
            lead.append(t.text)
        else:
            break
    if lead:
        # "Mayor Jana Orbeck of Kestrow", "Judge Ruth Kallen of Kestrow District Court": the title's place or body,
        # written after the name, is part of the role.
        of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == span.end), None)
        where = next((g for g in of.children if g.dep_ == "pobj" and g.pos_ == "PROPN"), None) if of else None
        value = " ".join(lead)
        rest = [t for t in span if t.i >= span.start + len(lead) and t.lower_.rstrip(".") not in HONORIFICS]
        named = len(rest) >= 2 or len(rest) == 1 and not _dictionary_word(rest[0].lower_)   # not "Deputy Clerk"
        if where is not None and lead[-1].lower() in TITLE_HEADS and named:
            value += " of " + "".join(t.text_with_ws for t in where.subtree).strip()
        out.append({"kind": "role", "value": value})
    # Role words written before the name: "ICC chief prosecutor Karim Khan", "former defence minister Sergei Shoigu".
    pre = []
    i = span.start - 1
    while i >= 0 and doc[i].dep_ in ROLE_DEPS and (doc[i].head.i >= span.start and doc[i].head.i < span.end or
                                                   any(doc[i].head.i == p.i for p in pre)):
        pre.insert(0, doc[i])
        i -= 1
    # ("Striker Jonas Veldt": the model tags a capitalised person's noun as a proper noun)
    if pre and any(t.pos_ == "NOUN" or t.is_title and t.lower_ in _person_nouns() for t in pre):
        out.append({"kind": "role", "value": _clean(pre), "tokens": pre})
    elif pre:
        out.append({"kind": "", "value": "-", "tokens": pre})
    # Appositions: "Karim Khan, the ICC chief prosecutor," / "Khan, 55,".
    for c in root.children:
        if c.dep_ != "appos" or c.i < span.end:
            continue
        if c.like_num:
            out.append({"kind": "age", "value": c.text})
            continue
        if c.pos_ != "NOUN" or c.tag_ == "NNS":
            continue
        words = _noun_phrase(c)
        if len(words) <= 10:
            out.append({"kind": "role", "value": _clean(words), "tokens": words})
    # An apposition before the name, set off by its comma: "his lawyer, Petra Sollen", "a ministry spokesman, Oskar
    # Brandl". (Without the comma the parser also makes "services company Halliburton Co" one: a kind of firm the
    # model took for a person, whose "role" would let "the company" stand for it.)
    head = root.head
    if root.dep_ == "appos" and head.pos_ == "PROPN" and head.dep_ == "pobj" and head.head.dep_ == "prep" and \
            head.head.head.pos_ == "NOUN":
        head = head.head.head     # "a spokeswoman for the NWA, Ilse Harrow": the parser hangs the name on "NWA"
    if root.dep_ == "appos" and head.i < span.start and head.pos_ == "NOUN" and head.tag_ != "NNS" and \
            span.start > 0 and doc[span.start - 1].text == ",":
        words = [t for t in _noun_phrase(head) if t.i < span.start]
        while words and (words[0].is_punct or words[0].lower_ in POSSESSIVES):
            words = words[1:]
        if words and len(words) <= 10:
            out.append({"kind": "role", "value": _clean(words), "tokens": words})
    # "X has been elected mayor of Port Sallin", "was appointed chief executive of ...", "became president of ...":
    # the office an election or an appointment gives its subject.
    office = _office(root)
    if office:
        out.append({"kind": "role", "value": _clean(office), "tokens": office})
    m_age = _AGE_APPOS.match(a.text[m.end:m.end + 8])
    if m_age and not any(o["kind"] == "age" for o in out):
        out.append({"kind": "age", "value": m_age.group(1)})
    for o in list(out):
        for t in o.pop("tokens", []):
            if t.ent_type_ == "NORP":
                out.append({"kind": "nationality", "value": t.text})
    out = [o for o in out if o["kind"] != "role" or _plausible(o["value"])]
    return [{**o, "article": m.article, "start": m.start, "end": m.end} for o in out if o["value"] and o["kind"]]


OFFICE_VERBS = {"elect", "re-elect", "reelect", "appoint", "name", "become", "install", "choose", "select",
                "promote", "nominate"}


def _office(root) -> list:
    """The words of the office the name's subject clause gives it: a predicate noun (``oprd``/``attr``) of an
    election or appointment verb whose head is an office's title ("mayor", "chief executive", "president"); not
    "became a problem", not "was named in the report"."""
    verb = root.head
    if root.dep_ not in ("nsubj", "nsubjpass") or verb.lemma_.lower() not in OFFICE_VERBS:
        return []
    noun = next((c for c in verb.children if c.dep_ in ("oprd", "attr") and c.pos_ == "NOUN" and c.tag_ != "NNS"),
                None)
    if noun is None or noun.lower_ not in TITLE_HEADS:
        return []
    words = _noun_phrase(noun)
    return words if len(words) <= 10 else []


def _noun_phrase(noun) -> list:
    """A role noun's words without the clauses on it ("the lawyer who represented him" -> "the lawyer")."""
    clauses = [range(r.left_edge.i, r.right_edge.i + 1) for r in noun.children if r.dep_ in ("relcl", "acl")]
    return [t for t in noun.subtree if not any(t.i in r for r in clauses)]


def _plausible(role: str) -> bool:
    """Not a dateline's time ("2010 9:31 pm EDT") nor a relative clause ("whose spokesman")."""
    first = role.split()[0].lower() if role.split() else ""
    return bool(re.search(r"[a-z]{3}", role)) and not role[:1].isdigit() and first not in ("whose", "who", "which")


def _spells(acr: str, name: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z]+", name) if w.lower() not in ("the", "of", "and", "for", "on")]
    words = [w for w in words if w not in ("U", "S", "UK", "US")] or words     # "U.S. Centers for ..."
    letters = acr.replace("&", "").lower()
    if not words or words[0][0].lower() != letters[0]:
        return False
    return re.search(".*".join(map(re.escape, letters)), " ".join(words).lower()) is not None


def cues(a: Article, doc, mentions: list[Mention]) -> list[dict]:
    """All profile cues of one article: roles and ages of people, acronyms in parentheses, descriptions."""
    out: list[dict] = []
    spans = [(m.start, m.end) for m in mentions]
    for m in mentions:
        if m.label == "PERSON":
            out += _role_cues(a, doc, m)
        if m.label in ("ORG", "GPE", "LOC", "FAC"):
            acr = _ACR.match(a.text, m.end)
            # "Cairo, Egypt (CNN) --": an outlet's dateline credit, not the place's acronym.
            credit = re.match(r"\s*(?:-|--|—|–)", a.text[acr.end():acr.end() + 4]) if acr else None
            if acr and acr.group(1).replace(".", "").isupper() and acr.group(1) != m.text and not credit:
                out.append({"kind": "acronym", "article": a.id, "start": m.start, "end": m.end,
                            "value": acr.group(1), "at": acr.start(1)})
            alt = _ACR_OR.match(a.text, m.end)
            # ", or X" also offers a second name of anything ("the Halden flu, or HFV"): only capitals that
            # open with the name's first letter and whose letters the name holds in order are its acronym.
            if alt and " " in m.text.strip() and _spells(alt.group(1), m.text):
                out.append({"kind": "acronym", "article": a.id, "start": m.start, "end": m.end,
                            "value": alt.group(1), "at": alt.start(1)})
        if m.label in ("GPE", "LOC", "FAC"):
            # "the town of Carrick": the kind of place, for a later "the town".
            before = a.text[max(0, m.start - 20):m.start]
            kind = re.search(r"\b(town|city|village|region|province|district|river|valley|port|island)\s+of\s+$",
                             before)
            if kind:
                out.append({"kind": "role", "article": a.id, "start": m.start, "end": m.end, "value": kind.group(1)})
    out += pronoun_cues(a, doc, spans)
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand") if m.label == "PERSON" else None
        if span is not None and span.root.dep_ == "compound" and span.root.head.pos_ == "NOUN":
            # "the Bush administration": the name qualifies a thing; no pronoun after it means that person.
            out.append({"kind": "modifier", "article": a.id, "start": m.start, "end": m.end})
    for hit in _AGE.finditer(a.text):
        s, e = hit.start(), hit.end()
        if not any(s < me and ms < e for ms, me in spans):
            out.append({"kind": "description", "article": a.id, "start": s, "end": e, "head": "year-old",
                        "mods": [], "age": hit.group(1), "text": a.text[s:e]})
    for t in doc:
        if t.pos_ != "NOUN" or t.tag_ != "NN" or t.dep_ in ("appos", "attr", "compound") or t.ent_type_:
            continue
        dets = [c for c in t.children if c.dep_ == "det" and c.lower_ == "the"]
        if not dets or t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "of":
            continue
        d = dets[0]
        mods = doc[d.i + 1:t.i]
        if any(x.ent_type_ or x.pos_ not in ("ADJ", "NOUN") for x in mods) or len(mods) > 3:
            continue
        s, e = d.idx, t.idx + len(t.text)
        if any(s < me and ms < e for ms, me in spans):
            continue
        out.append({"kind": "description", "article": a.id, "start": s, "end": e, "head": t.lower_,
                    "mods": [x.lower_ for x in mods], "text": a.text[s:e]})
    return out


TITLE_HEADS = {"president", "minister", "prosecutor", "judge", "justice", "secretary", "premier", "mayor",
               "governor", "senator", "chancellor", "ambassador", "commissioner", "director", "chairman",
               "chairwoman", "chair", "executive", "general", "colonel", "captain", "king", "queen", "prince",
               "princess", "pope", "sheikh", "spokesman", "spokeswoman", "officer", "inspector", "superintendent",
               "lord", "lady", "professor", "prof", "kc", "qc", "mp", "jr", "sr", "emir", "ayatollah", "cardinal",
               "archbishop", "bishop", "rabbi", "imam", "commander", "marshal", "admiral", "sergeant", "deputy",
               # abbreviated ranks, as wire copy writes them before a name ("Adm. Thad Lund", "Lt Ada Marsh")
               "adm", "lt", "capt", "sgt", "maj", "cmdr", "gen", "col", "gov", "sen", "supt"}
TITLE_MODS = {"chief", "prime", "foreign", "defence", "defense", "interior", "health", "finance", "justice", "vice",
              "deputy", "former", "acting", "attorney", "district", "supreme", "high", "crown", "state", "home",
              "infrastructure", "energy", "environment", "trade", "economy", "education", "transport", "senior",
              "lieutenant", "major", "brigadier", "grand", "first", "general"}


PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f",
                  "herself": "f"}
# Common nouns for a person: an unnamed person written between a name and a pronoun may be whom the pronoun means
# ("Khan met a lawyer. She said ..."), so coref reads such a noun as a rival reading.
HUMAN_NOUNS = {"spokesman", "spokeswoman", "spokesperson", "official", "source", "lawyer", "attorney", "man",
               "woman", "boy", "girl", "person", "witness", "resident", "diplomat", "analyst", "expert", "victim",
               "suspect", "father", "mother", "son", "daughter", "wife", "husband", "brother", "sister", "friend",
               "colleague", "aide", "employee", "worker", "student", "doctor", "nurse", "teacher", "soldier",
               "officer", "reporter", "journalist", "candidate", "leader", "member", "chief", "head", "founder",
               "owner", "investigator", "staffer", "adviser", "advisor", "whistleblower", "accuser", "client",
               "partner", "player", "coach", "manager", "driver", "pilot", "passenger", "survivor", "patient",
               "customer", "neighbour", "neighbor", "farmer", "citizen", "activist", "protester", "individual"
               } | TITLE_HEADS


def pronoun_cues(a: Article, doc, spans: list[tuple[int, int]]) -> list[dict]:
    """Third-person singular pronouns with what coref needs from the parse (gender, subject or not, the starts of
    their sentence and the two before), and the unnamed person nouns that are rival readings for them."""
    out = []
    starts = [s.start_char for s in doc.sents]
    inside = _inside_quote(doc.text, starts)
    for t in doc:
        low = t.lower_
        if low in PRONOUN_GENDER and t.pos_ == "PRON" or low == "her" and t.tag_ == "PRP$":
            k = max(i for i, st in enumerate(starts) if st <= t.idx)
            # An object pronoun never means its own clause's subject ("Alban praised him": not Alban).
            subj = next((c.idx for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")), None) \
                if t.dep_ in ("dobj", "dative", "pobj") or low in ("him", "her") and t.tag_ == "PRP" else None
            out.append({"kind": "pronoun", "article": a.id, "start": t.idx, "end": t.idx + len(t), "text": t.text,
                        "gender": PRONOUN_GENDER[low], "subject": t.dep_ in ("nsubj", "nsubjpass"),
                        "not_at": subj, "sents": _window(starts, inside, k)})
        elif t.pos_ == "NOUN" and t.lemma_.lower() in HUMAN_NOUNS and not t.ent_type_ and \
                not any(s0 <= t.idx < s1 for s0, s1 in spans) and t.dep_ not in ("compound", "amod", "appos", "attr"):
            out.append({"kind": "human", "article": a.id, "start": t.idx, "end": t.idx + len(t), "text": t.text,
                        "plural": t.tag_ == "NNS"})
    return out


def _inside_quote(text: str, starts: list[int]) -> list[bool]:
    """For each sentence start: is a quotation open there (opened in an earlier sentence of the paragraph)?"""
    out, depth, pos = [], 0, 0
    for st in starts:
        chunk = text[pos:st]
        if "\n" in chunk:
            depth, chunk = 0, chunk[chunk.rindex("\n"):]
        for q in re.findall(r"``|''|[“”\"]", chunk):
            depth = 1 if q in ("``", "“") else 0 if q in ("''", "”") else 1 - depth
        out.append(depth > 0)
        pos = st
    return out


def _window(starts: list[int], inside: list[bool], k: int) -> list[int]:
    """The pronoun's sentence and the two before it, not counting sentences that continue a quotation (a quote
    of several sentences sits between "Kirk said:" and "he said" without moving the subject on)."""
    out, j = [starts[k]], k - 1
    while j >= 0 and len(out) < 3:
        if not inside[j] or j == 0:
            out.append(starts[j])
        elif len(out) == 1:
            out.append(starts[j])
        j -= 1
    return out
