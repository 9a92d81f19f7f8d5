"""The sieve of entity resolution: a shared state over the corpus's name mentions and the ordered passes over it.

After the design of Stanford's deterministic coreference system (Lee et al. 2013): each pass has one job, the
passes run most precise first, and a later pass sees the clusters the earlier ones made. ``TYPE_PASSES`` repair what
the model gets wrong about a mention's type before anything is joined; ``LINK_PASSES`` join mentions into clusters,
each join recording its evidence with the name of the pass that made it. ``resolve.resolve`` builds the state, runs
``PASSES`` and collects the clusters into entities.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable, NamedTuple

from rapidfuzz import fuzz

from .model import Mention, stable_id
from .cast_types import given_name_genders, has_given_name
from .profile import TITLE_HEADS, TITLE_MODS

TYPE_OF = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place"}
TITLES = {"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "president",
          "prime", "minister", "chief", "prosecutor", "judge", "justice", "general", "gen", "colonel", "col",
          "senator", "sen", "rep", "representative", "governor", "gov", "mayor", "king", "queen", "prince",
          "princess", "pope", "sheikh", "ambassador", "secretary", "chancellor", "commander", "kc", "qc", "mp",
          "jr", "sr", "former", "late", "deputy", "vice", "foreign", "defence", "defense", "presidential",
          "spokesman", "spokeswoman", "lawyer", "dictator", "ombudsman", "leader", "speaker", "cleric",
          "candidate", "children's", "russian", "israeli", "us", "u.s.", "british", "iranian", "ukrainian"}
TITLES |= TITLE_HEADS | TITLE_MODS | {"striker", "coach", "manager", "midfielder", "defender", "goalkeeper",
                                      "forward", "captain", "winger", "skipper"}
_WS = re.compile(r"\s+")


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return _WS.sub(" ", s).strip()


def norm_name(text: str, label: str) -> str:
    t = fold(text.replace("’", "'"))
    t = re.sub(r"'s$", "", t)
    t = re.sub(r"^the\s+", "", t, flags=re.I)
    if label == "PERSON":
        words = [w for w in re.split(r"[\s]+", t) if w]
        while words and words[0].lower().rstrip(".") in TITLES:
            words = words[1:]
        while words and words[-1].lower().rstrip(".") in TITLES:
            words = words[:-1]
        t = " ".join(words)
    # A hyphenated surname ("Okonkwo-Bey") stays one word in a person's key, so that it is read as the surname of
    # "Paul Okonkwo-Bey" in its article; a body's or place's hyphen is a space ("Saint-Aubin" / "Saint Aubin").
    t = t.lower().strip(" .,-")
    t = t if label == "PERSON" else t.replace("-", " ")
    return re.sub(r"isation\b", "ization", t)


def skeleton(word: str) -> str:
    """First letter plus consonants with doubles collapsed: spelling variants of one name share it."""
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        return ""
    body = re.sub(r"[aeiouwh]", "", w[1:])
    body = re.sub(r"(.)\1+", r"\1", body)
    first = "a" if w[0] in "aeiou" else w[0]
    return first + body


def acronym(name: str) -> str:
    words = [w for w in re.findall(r"[A-Za-z]+", name) if w.lower() not in ("of", "the", "and", "for", "on", "in")]
    return "".join(w[0] for w in words).upper()


class UnionFind:
    def __init__(self):
        self.p: dict = {}

    def find(self, x):
        self.p.setdefault(x, x)
        while self.p[x] != x:
            self.p[x] = self.p[self.p[x]]
            x = self.p[x]
        return x

    def union(self, a, b) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.p[max(ra, rb)] = min(ra, rb)
        return ra != rb


# Well-known alternative names of countries and bodies that no string rule can join (a lexicon, not learned).
SAME_AS = {"u.s": "united states", "us": "united states", "usa": "united states", "u.s.a": "united states",
           "america": "united states", "united states of america": "united states", "uk": "united kingdom",
           "u.k": "united kingdom", "britain": "united kingdom", "great britain": "united kingdom",
           "u.n": "united nations", "un": "united nations", "fed": "federal reserve", "eu": "european union",
           "e.u": "european union"}


def _country_forms() -> dict[str, str]:
    """ISO long forms of country names ("Russian Federation", "Islamic Republic of Iran") -> the short name, from
    the gazetteer in data/places.json (ISO 3166 via pycountry; see bench/make_places.py)."""
    from .nlp import gazetteer
    out = {}
    for long_, short in gazetteer()["long_forms"].items():
        a, b = norm_name(long_, "GPE"), norm_name(short, "GPE")
        out[a] = SAME_AS.get(b, b)
    return out


PERSON_TITLES = {"dr", "judge", "justice", "president", "senator", "governor", "mayor", "premier", "professor",
                 "prof"}
# Ranks: titles that tell one holder apart (a courtesy title, Mr or Ms, is given to anyone; "Dr" to many).
RANKS = PERSON_TITLES - {"dr"}


def _rank(words: list[str]) -> str | None:
    """The rank a name is written with ("president" of "President Hosni Mubarak"), or None."""
    w = words[0].rstrip(".") if words else ""
    return w if w in RANKS else None
GENDER = {"mr": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f", "dame": "f", "lady": "f"}
GENERIC_FIRST = {"river", "lake", "mount", "cape", "port", "fort"}
PLACE_BEFORE = re.compile(r"\b(?:(?:in|near|outside|across|around)(?:\s+(?:north|south|east|west|central)[a-z-]*)?|"
                          r"(?:north|south|east|west|residents|parts|"
                          r"people|towns?|city|cities|villages?|outskirts|centre|center) of)\s+$", re.I)
_STRONG_PLACE = re.compile(r"\b(?:near|(?:town|city|village|region|province|district|port|capital|suburb|outskirts)"
                           r" of)\s+$", re.I)
_PRONOUN = re.compile(r"\b(he|him|his|himself|she|her|hers|herself)\b", re.I)


def group_of(typ: str) -> str:
    # spaCy often swaps ORG and GPE for one name (the Kremlin, a country as a government): one group for both.
    return "person" if typ == "person" else "thing"


def honorific_gender(text: str) -> str | None:
    first = fold(text).split()[0].lower().rstrip(".") if text.strip() else ""
    return GENDER.get(first)


def article_key(base: str, m: Mention, gendered: bool = True) -> str:
    """The key of a one-word person name: it means one person only inside its article ("Haddad" in two stories may
    be two people)."""
    return f"{base}@{stable_id('', m.article)}{gendered and honorific_gender(m.text) or ''}"


class Readings(NamedTuple):
    """How each one-word person name of an article reads against the full names of that article."""
    linked: list[tuple[int, str, str, str]]     # (mention, the one full name, "surname"/"first name"..., the word)
    unlinked: list[int]                         # no full name of the article ends or starts with it
    ambiguous: list[tuple[int, set]]            # an honorific, and two full names its pronouns do not tell apart


@dataclass
class State:
    """What the passes share: the mentions, their nodes (mention index -> (group, normalised key)), the clusters
    (a union-find over nodes, keys and mentions) and the evidence of each join.

    Type passes change nodes through ``retype`` only, which drops the indexes derived from them."""
    mentions: list[Mention]
    texts: dict[str, str]
    cues: list[dict]
    nodes: dict[int, tuple[str, str]]
    places: set[str] = field(default_factory=set)                   # gazetteer countries and cities
    country_long: dict[str, str] = field(default_factory=dict)      # short country key -> its long form as written
    by_prep: set[str] = field(default_factory=set)                  # keys written after a place preposition
    after_prep: set[int] = field(default_factory=set)               # mentions written so
    uf: UnionFind = field(default_factory=UnionFind)
    evidence: dict = field(default_factory=dict)                    # node -> (pass, why)
    merges: list[tuple[str, object, object]] = field(default_factory=list)     # (pass, a, b) for each real merge
    retypes: list[tuple[str, int, str]] = field(default_factory=list)          # (pass, mention, new label)
    current: str = ""                                                # the pass now running

    @classmethod
    def build(cls, mentions: list[Mention], texts: dict[str, str] | None = None,
              cues: list[dict] | None = None) -> State:
        from .nlp import ORG_HEADS, common_acronyms, gazetteer
        long_forms = _country_forms()
        st = cls(mentions, texts or {}, cues or [], {}, places=gazetteer()["countries"] | gazetteer()["cities"])
        # An acronym one article defines as a common noun's ("the pressure relief valve (PRV)") is no name in the
        # article that writes it bare either.
        common = set().union(*(common_acronyms(t) for t in st.texts.values()))
        for i, m in enumerate(mentions):
            typ = TYPE_OF.get(m.label)
            if typ is None or m.inferred or m.text in common:
                continue
            # Before the key, since the key depends on the label (a person's titles are stripped).
            # A title word also opens a body's name ("Justice Department", "President's Office"): the last word,
            # a body's head noun, says which.
            if typ != "person" and len(m.text.split()) >= 2 and (
                    honorific_gender(m.text) or fold(m.text).split()[0].lower().rstrip(".") in PERSON_TITLES and
                    fold(m.text).split()[-1].lower() not in ORG_HEADS | {"office", "court"}):
                m.label, typ = "PERSON", "person"     # "Mr Arven" tagged ORG by the model: the honorific decides
            elif typ != "person" and st.texts and " " not in m.text.strip() and \
                    re.search(r"\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+$", st.before(m, 6)):
                m.label, typ = "PERSON", "person"     # "Mr" written before the span the model tagged ORG
            key = norm_name(m.text, m.label)
            if typ != "person":
                key = SAME_AS.get(key, key)
                # "U.S. Justice Department" and "Justice Department": a country's short name before a body's name
                # of two words or more names no other body.
                parts = key.split(" ", 1)
                if len(parts) == 2 and parts[0].rstrip(".") in ("us", "u.s", "uk", "u.k") and " " in parts[1]:
                    key = parts[1]
                # "Department of the Interior" and "Interior Department": English names a ministry either way
                # round; one key for both.
                dept = re.fullmatch(r"(department|ministry) of (?:the )?((?:(?!of\b)[\w&'-]+ ?){1,4})", key)
                if dept:
                    key = f"{dept.group(2).strip()} {dept.group(1)}"
                # "La." or "Kestrow, LA." (a state) and "LA" (a city's initials) are keyed apart: a capital and lower
                # case letters with a full stop, or a short word between a town's comma and a full stop, are an
                # abbreviation, not an acronym.
                short = m.text.strip()
                abbreviated = re.fullmatch(r"[A-Z][a-z]{1,4}\.", short) or \
                    typ == "place" and re.fullmatch(r"[A-Z][A-Za-z]{1,4}", short) and \
                    st.texts.get(m.article, "")[m.end:m.end + 1] == "." and bool(_AFTER_TOWN.search(st.before(m, 40)))
                if abbreviated and short not in st.places and norm_name(short, m.label) not in SAME_AS:
                    key = key.rstrip(".") + "."
                if key in long_forms:
                    st.country_long[long_forms[key]] = m.text
                    key = long_forms[key]
            if not key or len(key) < 2:
                continue
            if typ == "person" and " " not in key:
                key = article_key(key, m)
            st.nodes[i] = (group_of(typ), key)
        for short, long_ in st.country_long.items():
            st.evidence[("thing", short)] = ("name_key", f"'{long_}' is the ISO 3166 long form of the country's name")
        return st

    # -- what passes do to the state

    def retype(self, i: int, label: str, node: tuple[str, str] | None = None) -> None:
        self.mentions[i].label = label
        if node is not None:
            self.nodes[i] = node
        self.retypes.append((self.current, i, label))
        for name in ("by_key", "art_keys", "key_arts", "full_names", "readings"):
            self.__dict__.pop(name, None)

    def join(self, a, b, why: str | None = None, on=None) -> None:
        """Join the clusters of ``a`` and ``b``; ``why`` is recorded on node ``on`` (``b`` unless told), where a
        later pass's evidence for that node replaces it."""
        if self.uf.union(a, b):
            self.merges.append((self.current, a, b))
        if why is not None:
            self.evidence[b if on is None else on] = (self.current, why)

    def before(self, m: Mention, n: int = 30) -> str:
        return self.texts.get(m.article, "")[max(0, m.start - n):m.start]

    def placed(self, m: Mention) -> bool:
        """Written after a place preposition, and not as a possessor ("in Tarvik's office": the office is in), nor
        after one in capitals before a name that is not ("THE WORLD WE LIVE IN Hayward": a heading run into the
        line; "FLOODS IN CARRICK" keeps its place)."""
        return self.prep_before(m) and not re.match(r"['’]s?\b", self.texts.get(m.article, "")[m.end:m.end + 2])

    def prep_before(self, m: Mention) -> bool:
        """A place preposition just before the mention, unless in capitals before a name that is not."""
        hit = PLACE_BEFORE.search(self.before(m))
        return bool(hit) and not (hit.group().strip().isupper() and not m.text.isupper())

    # -- indexes over the nodes, read by the link passes

    @cached_property
    def per_article(self) -> dict[str, list[int]]:
        out: dict[str, list[int]] = defaultdict(list)
        for i in self.nodes:
            out[self.mentions[i].article].append(i)
        return out

    @cached_property
    def by_key(self) -> dict[tuple[str, str], list[int]]:
        out: dict[tuple[str, str], list[int]] = defaultdict(list)
        for i, gk in self.nodes.items():
            out[gk].append(i)
        return out

    @cached_property
    def art_keys(self) -> dict[str, set]:
        out: dict[str, set] = defaultdict(set)
        for i, gk in self.nodes.items():
            out[self.mentions[i].article].add(gk)
        return out

    @cached_property
    def key_arts(self) -> dict[tuple, set]:
        out: dict[tuple, set] = defaultdict(set)
        for i, gk in self.nodes.items():
            out[gk].add(self.mentions[i].article)
        return out

    def context(self, gk) -> set:
        """The other keys of the articles that write ``gk``."""
        return set().union(*(self.art_keys[a] for a in self.key_arts[gk])) - {gk}

    @cached_property
    def full_names(self) -> list[str]:
        return sorted({key for (grp, key) in self.by_key if grp == "person" and " " in key})

    @cached_property
    def readings(self) -> Readings:
        """A surname-only (or first-name-only) mention against the full names of its article that end (start) with
        it; an honorific picks between two by the pronouns after each full name."""
        gender = _pronoun_gender(self.mentions, self.nodes, self.texts)
        out = Readings([], [], [])
        for art, idx in self.per_article.items():
            fulls = {self.nodes[i][1] for i in idx if self.nodes[i][0] == "person" and " " in self.nodes[i][1]}
            for i in idx:
                grp, key = self.nodes[i]
                if grp != "person" or " " in key:
                    continue
                key = key.split("@")[0]
                cands = {f for f in fulls if f.split()[-1] == key}
                if cands and not any(has_given_name(f.title()) for f in cands) and any(
                        f.split()[-1] == key and has_given_name(f.title()) for f in self.full_names):
                    # "Team Obama" is the article's one "full name" ending in the surname, and "Barack Obama" is
                    # written elsewhere: the surname is his (surname_across_articles), not the glued phrase's.
                    cands = set()
                how = "surname"
                if len(cands) > 1:
                    # "John McCain" beside a headline's "Obama Resists McCain" glued into one name: the one that
                    # opens with a given name is the person's
                    named = {f for f in cands if has_given_name(f.title())}
                    cands = named if len(named) == 1 else cands
                if not cands:
                    cands = {f for f in fulls if f.split()[0] == key}
                    how = "first name"
                said = honorific_gender(self.mentions[i].text)
                if len(cands) > 1 and said:
                    # "Ms Petrov" beside Anna and Ivan Petrov: the honorific picks the one whose pronouns agree.
                    agree = {f for f in cands if gender.get((art, f)) == said}
                    if len(agree) != 1:
                        out.ambiguous.append((i, cands))
                        continue
                    cands = agree
                    how += " with honorific"
                if len(cands) == 1:
                    out.linked.append((i, next(iter(cands)), how, key))
                elif not cands:
                    out.unlinked.append(i)
                # Two full names share it in this article (Anna and Ivan Petrov): left apart, precision first.
        return out


def _pronoun_gender(mentions, nodes, texts) -> dict[tuple[str, str], str]:
    """(article, full name) -> "m"/"f" from an honorific on the name or the first pronoun after it (majority)."""
    votes: dict[tuple, Counter] = defaultdict(Counter)
    for i, (grp, key) in nodes.items():
        if grp != "person" or " " not in key:
            continue
        m = mentions[i]
        g = honorific_gender(m.text)
        if not g and m.article in texts:
            g = _pronoun_after(texts[m.article], m.end)
        if g:
            votes[(m.article, key)][g] += 1
    return {k: c.most_common(1)[0][0] for k, c in votes.items() if len(c) == 1 or c.most_common(2)[0][1] >
            c.most_common(2)[1][1]}


def _pronoun_after(text: str, end: int) -> str | None:
    """"m" or "f": the first he/she/his/her... within 160 characters after ``end``."""
    p = _PRONOUN.search(text, end, end + 160)
    return p and ("f" if p.group(1).lower() in ("she", "her", "hers", "herself") else "m")


def _full_lasts_by_article(st: State) -> dict[str, set]:
    out: dict[str, set] = defaultdict(set)
    for i, (grp, key) in st.nodes.items():
        if grp == "person" and " " in key:
            out[st.mentions[i].article].add(key.split()[-1])
    return out


# ---- Type passes: repair a mention's type before anything is joined.

def company_suffix(st: State) -> None:
    # "Halliburton Co", "Halvex Inc" tagged a person: no person's name ends with a company's legal suffix, and the
    # company passes below read the suffixed names as the corpus's companies.
    for i, (grp, key) in list(st.nodes.items()):
        words = st.mentions[i].text.split()
        if grp == "person" and len(words) >= 2 and words[-1].rstrip(".,").lower() in CORP_SUFFIX - {"ratings"}:
            st.retype(i, "ORG", ("thing", norm_name(st.mentions[i].text, "ORG")))


def place_after_preposition(st: State) -> None:
    # "in Carrick", "residents of Carrick": a one-word "person" after a place preposition is a place (the town
    # that shares its name with the spokesman Owen Carrick).
    for i, (grp, key) in list(st.nodes.items()):
        m = st.mentions[i]
        if " " not in m.text.strip() and m.article in st.texts and st.placed(m):
            st.by_prep.add(key.split("@")[0])
            st.after_prep.add(i)
            if grp == "person":
                st.retype(i, "GPE", ("thing", key.split("@")[0]))


def org_in_place_phrase(st: State) -> None:
    # "the town of Bucha", "near Bucha": an organisation written where only places are written is a place (one
    # such mention is enough: no body is "the town of" anything); so is a gazetteer city after "in"/"near".
    for i, (grp, key) in list(st.nodes.items()):
        m = st.mentions[i]
        if grp != "thing" or m.label != "ORG" or m.article not in st.texts:
            continue
        before = st.before(m)
        if _STRONG_PLACE.search(before) or m.text in st.places and st.prep_before(m):
            st.retype(i, "GPE")
            st.by_prep.add(key)
            st.after_prep.add(i)


def surname_tagged_as_thing(st: State) -> None:
    # "Raisi, 63, died" beside "Ebrahim Raisi": a one-word place or body that is the surname of a person named
    # in full in the same article, and not written after a place preposition nor a known place, is that person.
    full_lasts = _full_lasts_by_article(st)
    for i, (grp, key) in list(st.nodes.items()):
        m = st.mentions[i]
        if grp == "thing" and " " not in key and key in full_lasts[m.article] and i not in st.after_prep and \
                m.text not in st.places:
            st.retype(i, "PERSON", ("person", article_key(key, m)))


def full_name_tagged_as_org(st: State) -> None:
    # "Lionel Ashdown" tagged an organisation, then "Ashdown" a person in the same article, with no person's full
    # name ending so: the two-word name is that person's.
    to_person: set[tuple] = set()
    for art, idx in st.per_article.items():
        lasts = {st.nodes[i][1].split()[-1] for i in idx if st.nodes[i][0] == "person" and " " in st.nodes[i][1]}
        singles = {st.nodes[i][1].split("@")[0] for i in idx
                   if st.nodes[i][0] == "person" and " " not in st.nodes[i][1]}
        for i in idx:
            grp, key = st.nodes[i]
            words = st.mentions[i].text.split()
            if grp == "thing" and len(words) == 2 and all(w[:1].isupper() and w[1:].islower() for w in words) \
                    and key.split()[-1] in singles - lasts and st.mentions[i].label == "ORG":
                to_person.add((grp, key))
    for j in st.nodes:
        if st.nodes[j] in to_person:
            st.retype(j, "PERSON", ("person", st.nodes[j][1]))


def name_cut_by_the_tagger(st: State) -> None:
    # The text writes the full name but the model tagged only its tail: "aboard the Deepwater Horizon drilling rig"
    # gives "Horizon". Where the capitalised word before the mention and the mention make a name tagged in full
    # elsewhere in the corpus, with the same type, the mention is keyed by that name (before any join, so that it
    # does not carry other bare uses of the word with it: "Spirit" of "Spirit Airlines" stays apart).
    full: dict[str, set[str]] = defaultdict(set)
    for i, (grp, key) in st.nodes.items():
        if grp == "thing" and " " in key:
            full[TYPE_OF[st.mentions[i].label]].add(key)
    for i, (grp, key) in list(st.nodes.items()):
        m = st.mentions[i]
        if grp != "thing" or " " in key:
            continue
        w = re.search(r"([A-Z][\w'’-]*)\s+$", st.before(m, 40))
        longer = norm_name(w.group(1) + " " + m.text, m.label) if w else None
        if longer in full[TYPE_OF[m.label]]:
            st.retype(i, m.label, ("thing", longer))
    # "Chairman Ben S." of "Chairman Ben S. Bernanke": a person cut after a middle initial, the surname left out;
    # keyed by the full name when the corpus writes it so ("Ben S." alone is no one).
    fulls = set(st.full_names)
    for i, (grp, key) in list(st.nodes.items()):
        m = st.mentions[i]
        if grp != "person" or not re.search(r"\b[A-Z]\.$", m.text):
            continue
        w = re.match(r"\s*([A-Z][\w'’-]+)", st.texts.get(m.article, "")[m.end:m.end + 40])
        longer = norm_name(m.text + " " + w.group(1), m.label) if w else None
        if longer in fulls:
            st.retype(i, m.label, ("person", longer))


def type_by_majority(st: State) -> None:
    # One word tagged a person here and a place or organisation there ("Qeshet", "Reuters"): when no full name in
    # the corpus ends with it, it is not a surname, and the corpus majority decides its type.
    full_last = {key.split()[-1] for grp, key in st.nodes.values() if grp == "person" and " " in key}
    votes: dict[str, Counter] = defaultdict(Counter)
    for i, (grp, key) in st.nodes.items():
        base = key.split("@")[0]
        if " " not in base:
            votes[base][st.mentions[i].label] += 1
    for i, (grp, key) in list(st.nodes.items()):
        base = key.split("@")[0]
        c = votes.get(base)
        if not c or " " in base or base in full_last or len({group_of(TYPE_OF[lab]) for lab in c}) < 2:
            continue
        label = "GPE" if base in st.by_prep else max(c, key=lambda lab: (c[lab], lab != "PERSON"))
        if group_of(TYPE_OF[label]) != grp:
            st.retype(i, label, ("thing", base) if label != "PERSON" else
                      ("person", article_key(base, st.mentions[i], gendered=False)))


# Words that end only a company's name ("Novartis AG", "Baxter International Inc", "GlaxoSmithKline Plc").
# "ratings": a ratings agency's name ends so ("Halbrook Ratings"), as a company's ends with its legal form.
CORP_SUFFIX = {"ag", "inc", "plc", "ltd", "corp", "llc", "gmbh", "sa", "nv", "co", "ratings"}


def _companies(st: State) -> dict[str, set[str]]:
    """{first word: the full keys} of the organisations named with a company suffix ("novartis": {"novartis ag"})."""
    firms: dict[str, set[str]] = defaultdict(set)
    for i, (grp, key) in st.nodes.items():
        # (not a national subsidiary, "BP Exploration Company (Colombia) Ltd": its country in brackets says it is
        # one arm of the company its first word names, and that word, written alone, is the parent)
        if grp == "thing" and " " in key and TYPE_OF[st.mentions[i].label] == "organization" and \
                st.mentions[i].text.split()[-1].rstrip(".,").lower() in CORP_SUFFIX and "(" not in st.mentions[i].text:
            firms[key.split()[0]].add(key)
    return firms


def company_named_in_full(st: State) -> None:
    # "Novartis" tagged a person beside "Novartis AG" elsewhere in the corpus: the one word is that company's name,
    # unless a person's full name ends with it or it is written after a place preposition.
    firms = _companies(st)
    full_last = {key.split()[-1] for grp, key in st.nodes.values() if grp == "person" and " " in key}
    for i, (grp, key) in list(st.nodes.items()):
        base = key.split("@")[0]
        m = st.mentions[i]
        if " " in base or base not in firms or base in full_last or i in st.after_prep:
            continue
        if TYPE_OF[m.label] != "organization":
            st.retype(i, "ORG", ("thing", base))


def company_short_form(st: State) -> None:
    # The one word of a company named in full elsewhere ("Baxter" and "Baxter International Inc") is that company
    # when only one such company starts with it (two would chain two companies into one); so is the full name
    # without its legal form.
    firms = _companies(st)
    # The name without its legal form ("Exxon Mobil" for "Exxon Mobil Corp") is that company too.
    bare: dict[str, set[str]] = defaultdict(set)
    for full in (f for fulls in firms.values() for f in fulls):
        if len(full.split()) > 2:
            bare[full.rsplit(" ", 1)[0]].add(full)
    for i, (grp, key) in st.nodes.items():
        if grp != "thing" or TYPE_OF[st.mentions[i].label] != "organization":
            continue
        fulls = firms.get(key) or bare.get(key)
        if fulls and len(fulls) == 1:
            full = next(iter(fulls))
            st.join(("thing", full), ("m", i), f"'{key}' is the short form of the company '{full}'")


def surname_tagged_as_org(st: State) -> None:
    # The model tags a bare surname as an organisation now and then ("Bly" after "Mark Bly"): inside an article,
    # an ORG one-word name that is the surname of a full person name there is that surname.
    surnames_in = _full_lasts_by_article(st)
    for i, (grp, key) in list(st.nodes.items()):
        m = st.mentions[i]
        if grp == "thing" and m.label == "ORG" and " " not in key and key in surnames_in[m.article] and \
                i not in st.after_prep:     # "firms in Carrick": the town, whatever the spokesman is called
            st.retype(i, "PERSON", ("person", article_key(key, m, gendered=False)))


def surname_of_one_person(st: State) -> None:
    # "Hayward" tagged a place all through a report on Tony Hayward (a town of that name is in the gazetteer),
    # "Sebelius" or "Fukuda" tagged a body: one sense per discourse (Gale, Church and Yarowsky, 1992). A one-word
    # place or body (not a country or a state) that is the surname of exactly one person named in full, with a
    # given name, in the corpus is that person in an article that writes the full name or tags the same word a
    # person elsewhere, or when the corpus's reports mostly read it a person; unless the article writes the word
    # as a place ("in Hayward", "Hayward, California") or a company's ("Hayward shares"). Two people of that
    # surname decide nothing here.
    from .cast_types import CORP_AFTER, _regions, has_given_name
    owners: dict[str, set[str]] = defaultdict(set)
    for f in st.full_names:
        owners[f.split()[-1]].add(f)
    for last, names in owners.items():
        # Only a name that opens with a given name is a person's for sure ("Earthquake Haiti", a campaign tagged a
        # person, owns no "Haiti"); "Behind Hayward" (a word the tagger glued on) is no second owner beside "Tony
        # Hayward"; "Eric H. Holder" and "Eric Holder" are one.
        owners[last] = {f.split()[0] for f in names if has_given_name(f.title())}
    countries = _regions()      # a country or a state is never read as someone's surname here
    # The full name as the article writes it, tagged a person there or anywhere in the corpus ("Keiji Fukuda"
    # tagged a body in one report and a person in the others).
    fulls = set(st.full_names)
    full_lasts: dict[str, set[str]] = defaultdict(set)
    as_person: Counter = Counter()
    # Written as a place: one such mention outweighs up to three the model tags a person ("THE WORLD WE LIVE IN
    # Hayward", a heading in capitals, is one mention among twenty of the man). Nor a company's: "Ford shares".
    placed: Counter = Counter()
    firm: set[tuple[str, str]] = set()
    for i, (grp, key) in st.nodes.items():
        m, base = st.mentions[i], key.split("@")[0]
        after = st.texts.get(m.article, "")[m.end:m.end + 40]
        if " " in key and key in fulls:
            full_lasts[m.article].add(key.split()[-1])
        if grp == "person" and " " not in key:
            as_person[m.article, base] += 1
        region = re.match(r",\s+([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)", after)
        if i in st.after_prep or region and region.group(1) in countries:
            placed[m.article, base] += 1
        if CORP_AFTER.match(after):
            firm.add((m.article, base))
    # (word, group, article): each report votes once for each reading
    read_as = {(key.split("@")[0], grp, st.mentions[i].article) for i, (grp, key) in st.nodes.items()
               if " " not in key.split("@")[0] and (st.mentions[i].article, key.split("@")[0]) not in firm}
    votes = Counter((w, g) for w, g, _a in read_as)
    for i, (grp, key) in list(st.nodes.items()):
        m = st.mentions[i]
        if grp != "thing" or " " in key or len(owners.get(key, ())) != 1 or i in st.after_prep or \
                m.text in countries or \
                placed[m.article, key] * 3 >= max(1, as_person[m.article, key]) or (m.article, key) in firm:
            continue
        # The corpus's reports read the word a person more than twice as often as a thing: "Holder said" tagged a
        # body in one report, a person in twelve.
        if key in full_lasts[m.article] or as_person[m.article, key] or \
                votes[key, "person"] > 2 * votes[key, "thing"] and not placed[m.article, key]:
            st.retype(i, "PERSON", ("person", article_key(key, m)))


# ---- Link passes: join mentions into clusters, most precise first.

def same_name(st: State) -> None:
    """Same group and same normalised name."""
    for k, idx in st.by_key.items():
        st.uf.find(k)
        for i in idx:
            st.join(k, ("m", i))


def same_name_across_types(st: State) -> None:
    # A full name tagged once as a person and elsewhere as an organisation ("Marta Ilkov"): one entity.
    for grp, key in list(st.by_key):
        if grp == "thing" and " " in key and ("person", key) in st.by_key:
            st.join(("person", key), ("thing", key), f"'{key}' is tagged a person elsewhere")


def acronym_in_parentheses(st: State) -> None:
    """An acronym written in parentheses after its expansion: "Coastal Fisheries Authority (CFA)"."""
    pos = {(m.article, m.start, m.end): i for i, m in enumerate(st.mentions)}
    for c in st.cues:
        if c["kind"] != "acronym":
            continue
        i = pos.get((c["article"], c["start"], c["end"]))
        acr = ("thing", c["value"].lower().rstrip("."))
        if i in st.nodes and acr in st.by_key and st.nodes[i][0] == "thing":
            st.join(st.nodes[i], acr, f"'{c['value']}' written in parentheses after '{st.mentions[i].text}'")


def surname_in_article(st: State) -> None:
    """Inside an article: a surname-only (or first-name-only) mention joins the one full name it ends (starts)
    with (see ``State.readings``)."""
    for i, full, how, key in st.readings.linked:
        st.join(("person", full), ("m", i), f"{how} '{key}' and the full name in the same article",
                on=("person", full))


def spelling_variant(st: State) -> None:
    # Across articles: spelling variants of a full person name. Same surname skeleton and either the same
    # first-name skeleton (Kareem/Karim) or a close first name (rapidfuzz) with another entity in common.
    by_last: dict[str, list[str]] = defaultdict(list)
    for f in st.full_names:
        by_last[skeleton(f.split()[-1])].append(f)
    for sk, group in by_last.items():
        for a_i, a in enumerate(group):
            for b in group[a_i + 1:]:
                fa, fb = a.split()[0], b.split()[0]
                ma, mb = _middle_initials(a), _middle_initials(b)
                if ma and mb and ma != mb:
                    continue    # "george w. bush" and "george h.w. bush": father and son, not one spelling
                if bool(ma) != bool(mb):
                    # "george bush" beside both of them: it joins the one the corpus names most, never both
                    rivals = [c for c in group if skeleton(c.split()[0]) == skeleton(fa) and _middle_initials(c)]
                    if len({_middle_initials(c) for c in rivals}) > 1 and \
                            (a if ma else b) != max(rivals, key=lambda c: (len(st.by_key.get(("person", c), ())), c)):
                        continue
                if a.replace("-", " ") == b.replace("-", " "):
                    why = f"'{a}' and '{b}' differ only by a hyphen"
                elif skeleton(fa) == skeleton(fb):
                    why = f"spelling variant of '{a}' (name skeletons {skeleton(fa)}|{sk})"
                elif _nickname_of(fa, fb) and len(st.context(("person", a)) & st.context(("person", b))) >= 2:
                    why = f"'{fb}' and '{fa}' are one given name (nicknames table), shared context"
                elif fuzz.ratio(fa, fb) >= 72 and len(st.context(("person", a)) & st.context(("person", b))) >= 2:
                    why = f"spelling variant of '{a}' (first names {fuzz.ratio(fa, fb):.0f}% alike, shared context)"
                else:
                    continue
                st.join(("person", a), ("person", b), why)


def _middle_initials(full: str) -> str:
    """The initials between a full name's first word and its last ("h.w." in "george h.w. bush"), as letters."""
    words = full.split()[1:-1]
    return "".join(w.replace(".", "") for w in words if re.fullmatch(r"(?:[a-z]\.)+[a-z]?", w))


@functools.lru_cache(maxsize=1)
def _nicknamer():
    # A hand-curated table of English given names and their nicknames (PyPI `nicknames`, Apache-2.0): "Hank" for
    # "Henry", "Bob" for "Robert". Broad (it is made for genealogy), so a join also needs shared context.
    from nicknames import NickNamer
    return NickNamer()


def _nickname_of(a: str, b: str) -> bool:
    a, b = a.strip(".").lower(), b.strip(".").lower()
    if len(a) < 2 or len(b) < 2 or a == b:
        return False
    # Only a shorter form is a nickname here: the table also lists a name's forms in other languages ("Ivan" for
    # "John"), which are other people's names in news.
    nn = _nicknamer()
    return len(b) < len(a) and b in nn.nicknames_of(a) or len(a) < len(b) and a in nn.nicknames_of(b)


def honorific_elsewhere(st: State) -> None:
    # Still two candidates for "Mr Petrov": drop the one whose honorifics elsewhere in the corpus say otherwise
    # (Anna is "Ms Petrov" in articles where she is the only Petrov).
    for _ in range(2):      # a second pass sees the honorifics the first one linked (Mr Petrov -> Ivan)
        said: dict = defaultdict(Counter)
        for i, (grp, key) in st.nodes.items():
            g = honorific_gender(st.mentions[i].text)
            if grp == "person" and g:
                said[st.uf.find(("m", i))][g] += 1
        for i, cands in st.readings.ambiguous:
            want = honorific_gender(st.mentions[i].text)
            other = "f" if want == "m" else "m"
            keep = {f for f in cands if not (said[st.uf.find(("person", f))][other] and
                                             not said[st.uf.find(("person", f))][want])}
            if len(keep) == 1:
                full = keep.pop()
                st.join(("person", full), ("m", i),
                        f"'{st.mentions[i].text}' beside two full names ending '{full.split()[-1]}': "
                        f"the other is addressed with the other honorific elsewhere")


def rank_picks_one(st: State) -> None:
    # "President Mubarak" beside Hosni and Gamal Mubarak in one article: left apart by the readings (two full names
    # end with it), unless the rank is written before exactly one of them ("President Hosni Mubarak") somewhere in
    # the corpus (RANKS).
    ranked: dict = defaultdict(set)
    for i, (grp, key) in st.nodes.items():
        words = fold(st.mentions[i].text).lower().split()
        if grp == "person" and " " in key and len(words) >= 3 and _rank(words):
            ranked[st.uf.find(("person", key))].add(_rank(words))
    for art, idx in st.per_article.items():
        fulls = {st.nodes[i][1] for i in idx if st.nodes[i][0] == "person" and " " in st.nodes[i][1]}
        for i in idx:
            grp, key = st.nodes[i]
            words = fold(st.mentions[i].text).lower().split()
            if grp != "person" or " " in key or len(words) != 2 or not _rank(words):
                continue
            cands = {f for f in fulls if f.split()[-1] == key.split("@")[0]}
            if len(cands) < 2:
                continue
            rank = _rank(words)
            fit = {f for f in cands if rank in ranked[st.uf.find(("person", f))]}
            if len(fit) == 1:
                full = fit.pop()
                st.join(("person", full), ("m", i), f"'{st.mentions[i].text}' beside {len(cands)} full names ending "
                        f"'{key.split('@')[0]}': only '{full}' is written with that rank")


def surname_across_articles(st: State) -> None:
    # A surname-only mention in an article without the full name: join when one person in the corpus has that
    # surname and the article shares another entity with that person's articles.
    surname_owners: dict[str, set] = defaultdict(set)
    for f in st.full_names:
        surname_owners[f.split()[-1]].add(st.uf.find(("person", f)))
    owner_keys: dict = defaultdict(set)
    for f in st.full_names:
        owner_keys[st.uf.find(("person", f))].add(("person", f))
    # "Senator Halloran" here and beside "Ada Halloran" there: the same rank before the same surname is context
    # too (a courtesy title, Mr or Ms, is not: it is given to anyone). Read after the joins on shared context,
    # which bring the owner more of its titled forms.
    titled: dict[int, str] = {}
    for i, (grp, _) in st.nodes.items():
        words = fold(st.mentions[i].text).lower().split()
        if grp == "person" and len(words) == 2 and _rank(words):
            titled[i] = " ".join(words)
    by_rank, marks = [], _marks(st)       # read before any join below, like the owners
    for i in st.readings.unlinked:
        key = st.nodes[i][1].split("@")[0]
        owners = surname_owners.get(key, set())
        if len(owners) > 1:
            # Two people of the corpus share the surname (a president and his wife): the rank or the sex the
            # article gives the bare surname picks one.
            owner, why = _owner_by_rank_or_sex(st, i, owners, owner_keys, marks)
            if owner is not None:
                st.join(owner, ("m", i), f"surname '{key}' matches {len(owners)} people in the corpus; {why}")
                continue
            # "Thankfully Obama", "Comrade Obama": a word the tagger glued to the surname makes no second owner of
            # it beside the one person whose full name opens with a given name.
            named = {o for o in owners if any(has_given_name(f.title()) for _, f in owner_keys[o])}
            owners = named if len(named) == 1 else owners
            if len(owners) > 1:
                # "Bush" in 2008 news beside George W. Bush (hundreds of mentions) and George H.W. Bush (two): the
                # bearer the corpus names three times as often as any other, when the article shares context
                # with him, is the reading a reader takes.
                size = {o: sum(len(st.by_key.get(k, ())) for k in owner_keys[o]) for o in owners}
                top = sorted(owners, key=lambda o: -size[o])
                if size[top[0]] >= 3 * size[top[1]]:
                    shared = _shared_context(st, i, owner_keys[top[0]])
                    if shared:
                        st.join(top[0], ("m", i), f"surname '{key}' matches {len(owners)} people in the corpus; "
                                f"the one named most ({size[top[0]]} mentions against {size[top[1]]}), shared "
                                "context: " + ", ".join(sorted(k for _, k in shared)[:3]))
                        continue
        if len(owners) != 1:
            continue
        owner = next(iter(owners))
        shared = _shared_context(st, i, owner_keys[owner])
        if shared:
            st.join(owner, ("m", i), f"surname '{key}' matches one person in the corpus; shared context: "
                    + ", ".join(sorted(k for _, k in shared)[:3]))
        else:
            by_rank.append((i, key, owner))
    for i, key, owner in by_rank:
        if st.uf.find(("m", i)) == st.uf.find(owner):
            continue
        mine = {f for j, f in titled.items() if st.uf.find(("m", j)) == st.uf.find(("m", i))}
        theirs = {f for j, f in titled.items() if st.uf.find(("m", j)) == st.uf.find(owner)}
        if mine & theirs:
            st.join(owner, ("m", i), f"surname '{key}' matches one person in the corpus, written "
                    f"'{min(mine & theirs)}' in both")


def _shared_context(st: State, i: int, keys: set) -> set:
    """The keys mention ``i``'s article shares with the articles of an owner's ``keys`` (the mention's own left out)."""
    shared = st.art_keys[st.mentions[i].article] & set().union(*(st.context(k) for k in keys))
    shared.discard(st.nodes[i])
    return shared


def _sex_of_bare(st: State, i: int) -> str | None:
    """The sex an article gives its bare surname: an honorific on one of its mentions there, else the first
    he/she after each of them (all agreeing)."""
    same = [j for j in st.by_key[st.nodes[i]] if st.mentions[j].article == st.mentions[i].article]
    said = {honorific_gender(st.mentions[j].text) for j in same} - {None}
    if said:
        return said.pop() if len(said) == 1 else None
    text = st.texts.get(st.mentions[i].article, "")
    votes = {_pronoun_after(text, st.mentions[j].end) for j in same} - {None}
    return votes.pop() if len(votes) == 1 else None


def _owner_sex(said: set, keys: set, pronouns: dict) -> str | None:
    """A person's sex from the corpus: the honorifics ``said`` on the cluster, else the given name's (nam_dict),
    else the pronouns after the full name (``pronouns``: full name -> the sexes its articles' pronouns gave)."""
    if len(said) == 1:
        return next(iter(said))
    sexes = {given_name_genders().get(f.split()[0].title()) for _, f in keys} - {None}
    if not sexes:
        sexes = set().union(*(pronouns.get(f, set()) for _, f in keys))
    return sexes.pop() if len(sexes) == 1 else None


def _owner_by_rank_or_sex(st: State, i: int, owners: set, owner_keys: dict, marks: Marks) -> tuple[object, str]:
    """Among several people of one surname, the one a bare surname's article points to: a rank written before it
    ("President X") that only one of them is written with anywhere, else its honorific or pronouns' sex that only
    one of them has (the others' sex known and other). None when nothing tells them apart."""
    art = st.mentions[i].article
    ranks = {_rank(fold(st.mentions[j].text).lower().split()) for j in st.by_key[st.nodes[i]]
             if st.mentions[j].article == art} - {None}
    if ranks:
        fit = [o for o in owners if marks.of[o]["rank"] & ranks]
        if len(fit) == 1:
            return fit[0], f"only one of them is written '{min(marks.of[fit[0]]['rank'] & ranks)}'"
    want = _sex_of_bare(st, i)
    # ("Team Obama", a phrase the tagger took for a full name, has no sex to compare: the people named with a
    # given name are the bearers)
    named = [o for o in owners if any(has_given_name(f.title()) for _, f in owner_keys[o])]
    if want:
        sexes = {o: _owner_sex(marks.of[o]["sex"], owner_keys[o], marks.pronouns)
                 for o in (named if len(named) >= 2 else owners)}
        fit = [o for o, sx in sexes.items() if sx == want]
        if len(fit) == 1 and all(sx is not None for sx in sexes.values()):
            return fit[0], f"the article writes it as a {'man' if want == 'm' else 'woman'}'s, and only one is"
    return None, ""


class Marks(NamedTuple):
    """What the corpus writes of each person: cluster -> {"rank": ranks, "sex": honorific sexes} written on its
    mentions, and full name -> the sexes the pronouns after it gave (``_pronoun_gender``)."""
    of: dict
    pronouns: dict


def _marks(st: State) -> Marks:
    out = Marks(defaultdict(lambda: {"rank": set(), "sex": set()}), defaultdict(set))
    for (_art, full), sex in _pronoun_gender(st.mentions, st.nodes, st.texts).items():
        out.pronouns[full].add(sex)
    for j, (grp, _) in st.nodes.items():
        words = fold(st.mentions[j].text).lower().split()
        if grp == "person" and words:
            root = st.uf.find(("m", j))
            if len(words) >= 2 and _rank(words):
                out.of[root]["rank"].add(_rank(words))
            if honorific_gender(st.mentions[j].text):
                out.of[root]["sex"].add(honorific_gender(st.mentions[j].text))
    return out


def one_word_name(st: State) -> None:
    # A one-word name that no full name in the corpus ends with ("Mokom", "Madonna"): one entity by its key.
    full_lasts = {f.split()[-1] for f in st.full_names}
    no_owner: dict[str, list[int]] = defaultdict(list)
    for i in st.readings.unlinked:
        key = st.nodes[i][1].split("@")[0]
        if key not in full_lasts:
            no_owner[key].append(i)
    for key, idx in no_owner.items():
        for i in idx[1:]:
            st.join(("m", idx[0]), ("m", i), f"the one-word name '{key}' in several articles; no full name ends "
                    f"with it", on=("m", idx[0]))


# Names of a gathering, a prize or an index named after a body ("the Reuters Global Energy Summit", "the Halvern
# Prize"): the body's one-word name is no short form of them.
NAMED_AFTER = {"summit", "conference", "forum", "festival", "games", "awards", "award", "prize", "cup",
               "championship", "index", "expo", "lecture", "show"}


def one_word_prefix(st: State) -> None:
    # In an article, a one-word name that starts one longer name of the same type: "Halvern" for "Halvern
    # Systems", "Dravik" for "Dravik Engineering Group" (not "Kestrow" the town for "Kestrow District Court").
    placed = {st.nodes[i][1] for i in st.nodes if TYPE_OF[st.mentions[i].label] == "place"}
    from .nlp import gazetteer
    lower_places = {p.lower() for p in st.places | gazetteer()["us_states"]}
    lower_tail: set[str] = set()
    short_of: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for art, idx in st.per_article.items():
        longs = defaultdict(set)
        spaced = {st.nodes[i][1] for i in idx if " " in st.mentions[i].text.strip()}
        first_at: dict[str, int] = {}
        for i in idx:
            if st.nodes[i][0] == "thing" and " " in st.nodes[i][1]:
                longs[TYPE_OF[st.mentions[i].label]].add(st.nodes[i][1])
                if st.mentions[i].text.split()[-1].islower():
                    lower_tail.add(st.nodes[i][1])
                first_at[st.nodes[i][1]] = min(first_at.get(st.nodes[i][1], st.mentions[i].start),
                                               st.mentions[i].start)
        for i in idx:
            grp, key = st.nodes[i]
            if grp != "thing" or " " in key:
                continue
            typ = TYPE_OF[st.mentions[i].label]
            if key in placed and typ != "place":
                continue      # "Kestrow" is a town elsewhere: not a short form of "Kestrow District Court"
            pool = longs[typ]
            if typ == "place" and key in lower_places:
                # A country, US state or city of the gazetteer is a place of its own, not short for "X City"; it still
                # shortens a name whose rest is a lower-case noun ("X airport" is at X).
                pool = {k for k in pool if k in lower_tail}
            # (a national subsidiary, "BP Exploration Company (Colombia) Ltd", is no longer form of "BP")
            cands = {k for k in pool if k.split()[-1] not in NAMED_AFTER and "(" not in k and
                     (k.split()[0] == key or k.split()[0] in GENERIC_FIRST and k.split()[-1] == key)}
            m = st.mentions[i]
            if not cands and typ == "organization" and st.texts and m.text.istitle() and \
                    st.before(m, 4).lower() == "the ":
                # "the Times" beside "The New York Times": the one body of the article whose name ends with that
                # word written apart (not "BP" of "TNK-BP", an acronym that names a company of its own).
                # ("Celebrate the Herald and Observer Weekend": a longer name that writes "the Herald" inside it
                # names that body, it is not a longer form of it)
                cands = {k for k in longs[typ] if k.split()[-1] == key and k in spaced and k.split()[-2] != "the"}
            # News names a body in full before it shortens it: a word written before the longer name's first
            # mention is a name of its own ("KTN" reporting before "KTN International" is named; "Halvern"
            # the carmaker after "Halvern Finance", its credit arm, is named first, is not caught so).
            # (A body only: "Kestrow" is the city whether or not "Kestrow airport" came first; and not "the Post",
            # which a headline may write before the masthead's name.)
            if len(cands) == 1 and typ == "organization" and next(iter(cands)).split()[0] == key and \
                    m.start < first_at[next(iter(cands))]:
                continue
            if len(cands) == 1:
                short_of[key].append((i, cands.pop()))
    # The bare word joins all its uses, so one word that shortens two different names in two articles ("Veldra"
    # for the Veldra river here and the Veldra dam there) would chain them: then it shortens neither.
    for key, pairs in short_of.items():
        if len({st.uf.find(("thing", full)) for _, full in pairs}) > 1:
            continue
        for i, full in pairs:
            # this mention only: elsewhere the word may be a town
            st.join(("thing", full), ("m", i), f"short form '{key}' of '{full}' in the same article")


def tail_of_longer_name(st: State) -> None:
    # In an article, a body's name of three words or more that ends one longer name of the same type:
    # "Museum of Coastal Life" for "National Museum of Coastal Life". (Two words are too common a tail: a
    # "Harbour Council" may be another body than the "National Harbour Council".)
    for art, idx in st.per_article.items():
        keys = defaultdict(set)
        for i in idx:
            if st.nodes[i][0] == "thing":
                keys[TYPE_OF[st.mentions[i].label]].add(st.nodes[i][1])
        for i in idx:
            grp, key = st.nodes[i]
            if grp != "thing" or len(key.split()) < 3:
                continue
            longs = [k for k in keys[TYPE_OF[st.mentions[i].label]] if k.endswith(" " + key)]
            if len(longs) == 1:
                st.join(("thing", longs[0]), ("m", i), f"'{key}' ends '{longs[0]}' in the same article")


def ministry_without_head(st: State) -> None:
    # In an article, "Coastal Security" (as in "Coastal Security Secretary Ada Marsh") for its "Department of
    # Coastal Security": a ministry is named by its field alone. Two words or more: one word ("Justice",
    # "Defence") is too often the common noun.
    for art, idx in st.per_article.items():
        keys = {st.nodes[i][1] for i in idx if st.nodes[i][0] == "thing" and
                TYPE_OF[st.mentions[i].label] == "organization"}
        for i in idx:
            grp, key = st.nodes[i]
            if grp != "thing" or len(key.split()) < 2 or TYPE_OF[st.mentions[i].label] != "organization":
                continue
            longs = [k for k in (f"{key} department", f"{key} ministry") if k in keys]
            if len(longs) == 1:
                st.join(("thing", longs[0]), ("m", i), f"'{key}' names the field of '{longs[0]}' in the same "
                        "article")


# "Kestrow, Mw.": a state's abbreviation after a town (news style abbreviates states so, not countries).
_AFTER_TOWN = re.compile(r"[A-Z][\w.'-]*,\s*$")


def place_abbreviation(st: State) -> None:
    # "Mw." after a town joins the one place of its article it abbreviates: same first letter, its letters in
    # order ("Marlowe"), not a city or a country of the gazetteer (a state is neither).
    if not st.texts:
        return
    places = sorted({key for i, (grp, key) in st.nodes.items() if grp == "thing" and " " not in key and
                     TYPE_OF[st.mentions[i].label] == "place"})
    lower_places = {p.lower() for p in st.places}
    from .nlp import gazetteer, postal_state, state_abbreviated
    states = {s.lower() for s in gazetteer()["us_states"]} - lower_places
    countries = {c.lower() for c in gazetteer()["countries"] | gazetteer()["capitals"]}
    for i, (grp, key) in list(st.nodes.items()):
        m = st.mentions[i]
        # ("Tex." after a town is tagged a person, "Tex" without its full stop: a state's abbreviation only)
        as_person = grp == "person" and m.text.endswith(".") or grp == "person" and \
            st.texts.get(m.article, "")[m.end:m.end + 1] == "."
        # "Jackson, MS": a postal code names its state; its letters in order would spell "Massachusetts"
        named = state_abbreviated(m.text) or postal_state(m.text)
        after_town = bool(_AFTER_TOWN.search(st.before(m, 40)))
        # the capital's district is the one place news names by its code alone ("back in DC")
        capital = named == "District of Columbia" and grp == "thing" and TYPE_OF[m.label] == "place"
        if not (grp == "thing" and TYPE_OF[m.label] == "place" or as_person) or \
                not (re.fullmatch(r"[A-Z][A-Za-z]{1,4}\.?", m.text) or named) or \
                not (after_town or capital):
            continue
        if named and named.lower() not in countries:
            # A standard abbreviation names its state whether or not the corpus writes the state in full (not a
            # state named as a country, "Ga.": the key would join the country).
            if as_person:
                st.retype(i, "GPE")
            state = named.lower()
            how = "after a town is the news-style abbreviation" if state_abbreviated(m.text) else \
                "after a town is the postal code" if after_town else "is the postal code"
            st.join(("thing", state), ("m", i), f"'{m.text}' {how} of '{named}'")
            st.nodes[i] = ("thing", state)
            continue
        abbr = m.text.lower().rstrip(".")
        pat = re.compile(".*".join(map(re.escape, abbr)))
        cands = [p for p in places if p != key and p[0] == abbr[0] and len(p) > len(abbr) and
                 pat.match(p) and p not in lower_places]
        # only a place its own article names ("Pw." is not the "Parnell" of another story; "Mw." could be
        # "Marrowby" too)
        here = [] if as_person else [p for p in cands if m.article in st.key_arts[("thing", p)] and
                                     len(p) > len(abbr) + 2]
        if not here or any(p in states for p in cands):
            # A state first: "La." after a town is Louisiana though a comment from "Lannet, Md." names a Lannet.
            # A US state of the gazetteer that the corpus names ("Sarasota, Fla." in a readers' Q&A, Florida in
            # another story): a state is abbreviated so, a town is not. Not a state named as a city too
            # ("Wash." is not the Washington of the capital).
            here = [p for p in cands if p in states]
        cands = here
        if len(cands) == 1:
            if as_person:
                st.retype(i, "GPE")
            st.join(("thing", cands[0]), ("m", i), f"'{m.text}' after a town abbreviates '{cands[0]}'")
            st.nodes[i] = ("thing", cands[0])     # shown by the name in full


def _of_forms(st: State) -> dict[str, list[str]]:
    """X -> the "X of Y" names of the corpus."""
    out: dict[str, list[str]] = defaultdict(list)
    for grp, key in st.by_key:
        if grp == "thing" and " of " in key:
            out[key.split(" of ")[0]].append(key)
    return out


def x_of_y(st: State) -> None:
    # "High Court" for "High Court of Marenburg": the one "X of Y" in the corpus with that X.
    for short, longs in _of_forms(st).items():
        if len(longs) == 1 and ("thing", short) in st.by_key and " " in short:
            st.join(("thing", longs[0]), ("thing", short), f"'{short}' is the one '{longs[0]}' in the corpus")


def one_word_x_of_y(st: State) -> None:
    # "the Board" for "Board of River Wardens": a one-word head is too common a word to join on the corpus alone,
    # so its article must name the long form or share another entity with it.
    for short, longs in _of_forms(st).items():
        if len(longs) != 1 or ("thing", short) not in st.by_key or " " in short:
            continue
        long_ctx = st.context(("thing", longs[0])) | {("thing", longs[0])}
        for i in st.by_key[("thing", short)]:
            shared = (st.art_keys[st.mentions[i].article] - {("thing", short)}) & long_ctx
            if shared:
                st.join(("thing", longs[0]), ("m", i), f"'{short}' is the one '{longs[0]}' in the corpus; shared "
                        "context: " + ", ".join(sorted(k for _, k in shared)[:3]))


def acronym_initials(st: State) -> None:
    """Acronyms: "ICC" joins the one organisation whose initials spell it."""
    from .nlp import postal_state
    things = sorted({key for (grp, key) in st.by_key if grp == "thing"})
    initials: dict[str, list[str]] = defaultdict(list)
    for o in things:
        if " " in o:
            initials[acronym(o)].append(o)
    def kind(key):
        return Counter(TYPE_OF[st.mentions[i].label] for i in st.by_key[("thing", key)]).most_common(1)[0][0]

    for o in things:
        up = o.upper().replace(".", "").replace("&", "")     # "H&P" for "Halden & Pryce"
        if " " in o or len(up) < 2:
            continue
        # An acronym is written in capitals; "Md." after a town is a state's abbreviation, not the initials of
        # the "Marrow Delta" its letters happen to spell.
        if o.endswith(".") or \
                not any(re.sub(r"[.&]", "", st.mentions[i].text).isupper() for i in st.by_key[("thing", o)]):
            continue      # (a key ending in a full stop is an abbreviation's, see ``State.build``)
        state = postal_state(o.upper())
        if state and any(_AFTER_TOWN.search(st.before(st.mentions[i], 40)) for i in st.by_key[("thing", o)]) or \
                state == "District of Columbia" and kind(o) == "place":
            continue      # "Jackson, MS", "back in DC": a state's code, not "Main Street" or "Dartmouth College" (a
            #               code alone may be a city's initials too: "LA")
        cands = initials.get(up, [])
        if len(cands) > 1:
            # "GV" beside "General Vortex" and "Gulf of Vardo": a body's acronym stands for a body, and for the
            # one its own articles name.
            cands = [c for c in cands if kind(c) == kind(o)]
            if len(cands) > 1:
                arts = st.key_arts[("thing", o)]
                cands = [c for c in cands if st.key_arts[("thing", c)] & arts]
        if len(cands) == 1:
            st.join(("thing", cands[0]), ("thing", o), f"acronym of '{cands[0]}'")


Pass = Callable[[State], None]
TYPE_PASSES: tuple[Pass, ...] = (company_suffix, place_after_preposition, org_in_place_phrase, surname_tagged_as_thing,
                                 full_name_tagged_as_org, type_by_majority, company_named_in_full,
                                 surname_tagged_as_org, surname_of_one_person, name_cut_by_the_tagger)
LINK_PASSES: tuple[Pass, ...] = (same_name, same_name_across_types, acronym_in_parentheses, surname_in_article,
                                 spelling_variant, honorific_elsewhere, rank_picks_one, surname_across_articles,
                                 one_word_name,
                                 one_word_prefix, tail_of_longer_name, ministry_without_head,
                                 place_abbreviation, company_short_form, x_of_y,
                                 one_word_x_of_y, acronym_initials)
PASSES: tuple[Pass, ...] = TYPE_PASSES + LINK_PASSES


def run(st: State, passes: tuple[Pass, ...] = PASSES) -> State:
    for p in passes:
        st.current = p.__name__
        p(st)
    st.current = ""
    return st
