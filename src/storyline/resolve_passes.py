"""Name normalisation, name lexicons and the union-find that entity resolution (``resolve.py``) is built on."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict

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
    t = t.lower().strip(" .,-").replace("-", " ")
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
GENDER = {"mr": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f", "dame": "f", "lady": "f"}
GENERIC_FIRST = {"river", "lake", "mount", "cape", "port", "fort"}
PLACE_BEFORE = re.compile(r"\b(?:in|near|outside|across|around|(?:north|south|east|west|residents|parts|"
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


def _pronoun_gender(mentions, nodes, texts) -> dict[tuple[str, str], str]:
    """(article, full name) -> "m"/"f" from an honorific on the name or the first pronoun after it (majority)."""
    votes: dict[tuple, Counter] = defaultdict(Counter)
    for i, (grp, key) in nodes.items():
        if grp != "person" or " " not in key:
            continue
        m = mentions[i]
        g = honorific_gender(m.text)
        if not g and m.article in texts:
            p = _PRONOUN.search(texts[m.article], m.end, m.end + 160)
            g = p and ("f" if p.group(1).lower() in ("she", "her", "hers", "herself") else "m")
        if g:
            votes[(m.article, key)][g] += 1
    return {k: c.most_common(1)[0][0] for k, c in votes.items() if len(c) == 1 or c.most_common(2)[0][1] >
            c.most_common(2)[1][1]}
