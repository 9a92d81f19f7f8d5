"""Resolve named mentions into entities across articles and spellings, precision first.

Steps: normalise each name (titles, honorifics, possessives, diacritics, case); inside an article, link
surname-only mentions to the one full name that ends with that surname; across articles, join names whose
normalised form is equal, or whose consonant skeletons agree (Kareem/Karim, Mohammed/Muhammad) with the same
surname; join acronyms to the one expansion whose initials they spell. Each join records its evidence.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict

from .model import Entity, Mention, stable_id

TYPE_OF = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place"}
TITLES = {"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "president",
          "prime", "minister", "chief", "prosecutor", "judge", "justice", "general", "gen", "colonel", "col",
          "senator", "sen", "rep", "representative", "governor", "gov", "mayor", "king", "queen", "prince",
          "princess", "pope", "sheikh", "ambassador", "secretary", "chancellor", "commander", "kc", "qc", "mp",
          "jr", "sr", "former", "late", "deputy", "vice", "foreign", "defence", "defense", "presidential",
          "spokesman", "spokeswoman", "lawyer", "dictator", "ombudsman", "leader", "speaker", "cleric",
          "candidate", "children's", "russian", "israeli", "us", "u.s.", "british", "iranian", "ukrainian"}
_WS = re.compile(r"\s+")


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return _WS.sub(" ", s).strip()


def norm_name(text: str, label: str) -> str:
    t = fold(text).replace("’", "'")
    t = re.sub(r"'s$", "", t)
    t = re.sub(r"^the\s+", "", t, flags=re.I)
    if label == "PERSON":
        words = [w for w in re.split(r"[\s]+", t) if w]
        while words and words[0].lower().rstrip(".") in TITLES:
            words = words[1:]
        while words and words[-1].lower().rstrip(".") in TITLES:
            words = words[:-1]
        t = " ".join(words)
    return t.lower().strip(" .,-")


def skeleton(word: str) -> str:
    """First letter plus consonants with doubles collapsed: spelling variants of one name share it."""
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        return ""
    body = re.sub(r"[aeiouwh]", "", w[1:])
    body = re.sub(r"(.)\1+", r"\1", body)
    first = "a" if w[0] in "aeiou" else w[0]
    return first + body


def _acronym(name: str) -> str:
    words = [w for w in re.findall(r"[A-Za-z]+", name) if w.lower() not in ("of", "the", "and", "for", "on", "in")]
    return "".join(w[0] for w in words).upper()


class _UF:
    def __init__(self):
        self.p: dict = {}

    def find(self, x):
        self.p.setdefault(x, x)
        while self.p[x] != x:
            self.p[x] = self.p[self.p[x]]
            x = self.p[x]
        return x

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.p[max(ra, rb)] = min(ra, rb)


def resolve(mentions: list[Mention], texts: dict[str, str] | None = None) -> list[Entity]:
    """Assign ``mention.entity`` for every resolvable mention and return the entities."""
    nodes: dict[int, tuple[str, str]] = {}     # mention index -> (type, normalised key)
    for i, m in enumerate(mentions):
        typ = TYPE_OF.get(m.label)
        if typ is None:
            continue
        key = norm_name(m.text, m.label)
        if not key or len(key) < 2:
            continue
        nodes[i] = (typ, key)

    uf = _UF()
    evidence: dict[tuple, str] = {}
    # 1. Same type and same normalised name.
    by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, (typ, key) in nodes.items():
        by_key[(typ, key)].append(i)
    for k, idx in by_key.items():
        uf.find(k)
        for i in idx:
            uf.union(k, ("m", i))

    # 2. Inside an article: a surname-only person mention joins the one full name ending with it.
    per_article: dict[str, list[int]] = defaultdict(list)
    for i in nodes:
        per_article[mentions[i].article].append(i)
    single_unlinked: list[int] = []
    for art, idx in per_article.items():
        fulls = {nodes[i][1] for i in idx if nodes[i][0] == "person" and " " in nodes[i][1]}
        for i in idx:
            typ, key = nodes[i]
            if typ != "person" or " " in key:
                continue
            cands = {f for f in fulls if f.split()[-1] == key}
            if len(cands) == 1:
                full = cands.pop()
                uf.union(("person", full), ("m", i))
                evidence[("person", full)] = f"surname '{key}' and full name in the same article"
            else:
                single_unlinked.append(i)

    # 3. Across articles: spelling variants of a full person name (same surname, same first-name skeleton).
    fulls = sorted({key for (typ, key) in by_key if typ == "person" and " " in key})
    by_skel: dict[str, list[str]] = defaultdict(list)
    for f in fulls:
        w = f.split()
        by_skel[skeleton(w[0]) + "|" + skeleton(w[-1])].append(f)
    for sk, group in by_skel.items():
        for other in group[1:]:
            uf.union(("person", group[0]), ("person", other))
            evidence[("person", other)] = f"spelling variant of '{group[0]}' (name skeleton {sk})"

    # 4. A surname-only mention in an article without the full name: join when one person in the corpus has it.
    surname_owners: dict[str, set] = defaultdict(set)
    for f in fulls:
        surname_owners[f.split()[-1]].add(uf.find(("person", f)))
    for i in single_unlinked:
        key = nodes[i][1]
        owners = surname_owners.get(key, set())
        if len(owners) == 1:
            uf.union(next(iter(owners)), ("m", i))
            evidence[("m", i)] = f"surname '{key}' matches one person in the corpus"

    # 5. Acronyms: "ICC" joins the one organisation whose initials spell it.
    orgs = sorted({key for (typ, key) in by_key if typ == "organization"})
    initials: dict[str, list[str]] = defaultdict(list)
    for o in orgs:
        if " " in o:
            initials[_acronym(o)].append(o)
    for o in orgs:
        if " " not in o and o.upper() in initials and len(initials[o.upper()]) == 1:
            uf.union(("organization", initials[o.upper()][0]), ("organization", o))
            evidence[("organization", o)] = f"acronym of '{initials[o.upper()][0]}'"

    # Collect clusters.
    clusters: dict = defaultdict(list)
    for i in nodes:
        clusters[uf.find(("m", i))].append(i)
    entities = []
    for root, idx in clusters.items():
        typ = nodes[idx[0]][0]
        forms = Counter(mentions[i].text for i in idx)
        keys = Counter(nodes[i][1] for i in idx)
        name = _canonical(forms, keys, typ, mentions, idx)
        eid = stable_id("e-", typ, norm_name(name, "PERSON" if typ == "person" else "ORG"))
        ev = sorted({evidence[k] for k in list(evidence) if uf.find(k) == root})
        arts = sorted({mentions[i].article for i in idx})
        ent = Entity(eid, name, typ, dict(forms.most_common()), len(idx), arts, evidence=ev)
        for i in idx:
            mentions[i].entity = eid
        entities.append(ent)
    entities.sort(key=lambda e: (-e.mention_count, e.name))
    return entities


def _canonical(forms: Counter, keys: Counter, typ: str, mentions, idx) -> str:
    """The most frequent full form: for people the longest normalised name, shown as written without titles."""
    if typ == "person":
        best_key = max(keys, key=lambda k: (len(k.split()) >= 2, keys[k], len(k)))
    else:
        best_key = max(keys, key=lambda k: (len(k.split()) >= 2 and len(k) > 4, keys[k], len(k)))
    surface = Counter(mentions[i].text for i in idx if norm_name(mentions[i].text, mentions[i].label) == best_key)
    text = surface.most_common(1)[0][0]
    if typ == "person":
        words = text.split()
        while words and words[0].lower().rstrip(".") in TITLES:
            words = words[1:]
        while words and words[-1].lower().rstrip(".") in TITLES:
            words = words[:-1]
        text = " ".join(words) or text
    return re.sub(r"['’]s$", "", re.sub(r"^the\s+", "", text, flags=re.I))
