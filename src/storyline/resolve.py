"""Resolve named mentions into entities across articles and spellings, precision first.

Before the sieve, untagged repeats of tagged names are added as mentions, and each mention gets a node: its group
(person, or one group for organisations and places) and its normalised name (titles, honorifics, possessives,
diacritics, case; a bare surname keyed by its article). Then the passes of ``resolve_passes.PASSES`` run in order:
first the type repairs (place prepositions, surnames the model tagged as bodies, corpus majority), then the joins,
most precise first -- equal names, acronyms in parentheses, a surname inside its article, spelling variants, a
surname across articles with shared context, short forms, "X of Y" heads, initials. Each join records its evidence.
The clusters become entities carrying the profile read by ``profile.cues`` (roles, ages, nationality) and their
first/last dates seen; last, definite descriptions that fit one entity of their article are linked.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from . import cast_types
from .model import Entity, Mention, stable_id
from .nlp import PLACE_HEADS
from .resolve_passes import (PASSES, TITLES, TYPE_OF, Pass, State, group_of, honorific_gender,
                             norm_name, run)
from .resolve_passes import skeleton  # noqa: F401  (imported from here by tests and benchmarks)

# Heads of descriptions that name a kind of body or place; a description joins an entity whose name has that word.
BODY_WORDS = {"court", "ministry", "office", "authority", "commission", "union", "council", "tribunal", "agency",
              "bank", "fund", "institute", "committee", "mechanism", "regulator", "company", "group", "party",
              "dam", "river", "accord", "valley", "lake", "island", "school", "university", "hospital", "assembly",
              "parliament", "army", "police", "service", "board"}


def resolve(mentions: list[Mention], texts: dict[str, str] | None = None, cues: list[dict] | None = None,
            dates: dict[str, str | None] | None = None, passes: tuple[Pass, ...] = PASSES) -> list[Entity]:
    """Assign ``mention.entity`` for every resolvable mention and return the entities with their profiles.

    Descriptions among ``cues`` that stand unambiguously for an entity are appended to ``mentions`` as inferred
    mentions (``inferred=True``). ``passes`` is the sieve to run (a subset or another order, for tests and
    benchmarks)."""
    if texts:
        _cut_run_ons(mentions, texts)
        mentions.extend(_untagged_repeats(mentions, texts))
        mentions.extend(_untagged_surnames(mentions, texts))
        cues = list(cues or ()) + _ages_after(mentions, texts, cues or ())
    st = run(State.build(mentions, texts, cues), passes)
    entities = collect(st, dates or {})
    _descriptions(mentions, entities, st.cues)
    entities.sort(key=lambda e: (-e.mention_count, e.name))
    return entities


def collect(st: State, dates: dict[str, str | None]) -> list[Entity]:
    """One entity per cluster of nodes, with its type, name, aliases, evidence and profile; sets ``mention.entity``."""
    from .nlp import gazetteer
    mentions, nodes, texts = st.mentions, st.nodes, st.texts
    clusters: dict = defaultdict(list)
    for i in nodes:
        clusters[st.uf.find(("m", i))].append(i)
    cue_at: dict[tuple, list[dict]] = defaultdict(list)
    for c in st.cues:
        if c["kind"] in ("role", "age", "nationality"):
            cue_at[(c["article"], c["start"], c["end"])].append(c)
    ev_of: dict = defaultdict(set)
    for k, (_pass, why) in st.evidence.items():
        ev_of[st.uf.find(k)].add(why)
    entities = []
    used: set[str] = set()
    surnames = {words[-1] for m in mentions if m.label == "PERSON" and len(words := _strip_titles(m.text).split()) > 1}
    for root, idx in sorted(clusters.items(), key=lambda kv: -len(kv[1])):
        types = Counter(TYPE_OF[mentions[i].label] for i in idx)
        typ = max(types, key=lambda t: (types[t], t == "person"))
        if typ != "person" and types["person"] and any(
                honorific_gender(mentions[i].text) or
                cue_at.get((mentions[i].article, mentions[i].start, mentions[i].end))
                for i in idx if mentions[i].label == "PERSON"):
            typ = "person"      # an honorific or a role read beside a person-tagged mention outweighs the count
        ev_extra = []
        if typ == "organization" and texts:
            # "Residents of Lower Brisk", "the villages of Lower Brisk": a name written where places are written,
            # again and again, is a place whatever the model's label.
            placed_n = sum(st.placed(mentions[i]) for i in idx)
            if placed_n >= 2 and placed_n * 5 >= len(idx) * 2:
                typ = "place"
                ev_extra.append(f"typed a place: written after a place preposition in {placed_n} of {len(idx)} "
                                f"mentions")
        if typ == "person" and texts:
            # "Santo Domingo", "Milton Keynes" tagged a person (their first words are given names): a city of the
            # gazetteer named in full, written where places are written ("a correspondent in Santo Domingo"), with
            # no honorific, is the city; its other forms are words of that name ("Domingo").
            forms_all = {mentions[i].text for i in idx}
            full = max(forms_all, key=len)
            if " " in full and full in gazetteer()["cities"] and all(set(f.split()) <= set(full.split())
                                                                      for f in forms_all) and \
                    any(st.placed(mentions[i]) for i in idx) and \
                    not any(honorific_gender(mentions[i].text) for i in idx):
                typ = "place"
                ev_extra.append(f"typed a place: the city '{full}' of the gazetteer, written after a place "
                                f"preposition")
                for i in idx:
                    mentions[i].label = "GPE"
        if texts:
            typ = _typed_by_cues(st, idx, typ, cue_at, ev_extra, surnames)
        forms = Counter(mentions[i].text for i in idx)
        if typ == "person":
            # The name as written without its title is an alias too: "Kareem Khan" in "Chief Prosecutor Kareem Khan".
            for i in idx:
                bare = _strip_titles(mentions[i].text)
                if bare and bare != mentions[i].text:
                    forms[bare] += 1
        keys = Counter(nodes[i][1] for i in idx)
        name = _canonical(keys, typ, mentions, idx, nodes)
        short = next((mentions[i].text for i in idx if nodes[i][1] in st.country_long and
                      norm_name(mentions[i].text, "GPE") == nodes[i][1]), None)
        name = short or name      # "Russia", not its ISO long form, when the text writes the short name
        if typ == "place" and "The " + name in gazetteer()["cities"]:
            name = "The " + name  # "The Hague": the article is part of that city's name
        eid = stable_id("e-", typ, norm_name(name, "PERSON" if typ == "person" else "ORG"))
        if eid in used:     # two people both shown as "Petrov": the first mention tells them apart, stably
            first = min((mentions[i].article, mentions[i].start) for i in idx)
            eid = stable_id("e-", typ, norm_name(name, "PERSON"), *first)
        used.add(eid)
        ev = sorted(ev_of.get(root, ())) + ev_extra
        arts = sorted({mentions[i].article for i in idx})
        ent = Entity(eid, name, typ, dict(forms.most_common()), len(idx), arts, evidence=ev)
        found = [c for i in idx for c in cue_at.get((mentions[i].article, mentions[i].start, mentions[i].end), [])]
        ent.roles = _dedup(c["value"] for c in found if c["kind"] == "role")
        ent.ages = _dedup(c["value"] for c in found if c["kind"] == "age")
        ent.nationality = _dedup(c["value"] for c in found if c["kind"] == "nationality")
        seen = sorted(d for d in (dates.get(a) for a in arts) if d)
        ent.first_seen, ent.last_seen = (seen[0], seen[-1]) if seen else (None, None)
        for i in idx:
            mentions[i].entity = eid
        entities.append(ent)
    return entities


LABEL_OF = {"person": "PERSON", "organization": "ORG", "place": "GPE", "other": "PRODUCT"}


def _typed_by_cues(st: State, idx: list[int], typ: str, cue_at: dict, ev_extra: list[str],
                   surnames: set[str] = frozenset()) -> str:
    """The cluster's type by what the text writes around its mentions (``cast_types``); a retyped cluster's
    mentions take the new type's label, so that a "person" found to be a rig is no antecedent of "he".
    ``surnames``: the last words of the corpus's full person names ("Marsh" of "Ada Marsh")."""
    mentions, texts = st.mentions, st.texts
    cues = Counter(c for i in idx if mentions[i].article in texts
                   for c in cast_types.mention_cues(texts[mentions[i].article], mentions[i].start, mentions[i].end))
    # A craft's cue ("the 280-foot Ada Marsh", "aboard the Ada Marsh") or a company's noun in apposition
    # outweighs a given name and a role read before the name (the measure itself reads as one), not an honorific.
    strong = any(cast_types.strong_cue(texts[mentions[i].article], mentions[i].start, mentions[i].end)
                 for i in idx if mentions[i].article in texts)
    # An honorific alone is no name ("OCEAN SPRINGS, Miss." is a state's abbreviation).
    signs = any(honorific_gender(mentions[i].text) and " " in mentions[i].text.strip() or not strong and
                any(c["kind"] == "role" and cast_types.personal_role(c["value"])
                    for c in cue_at.get((mentions[i].article, mentions[i].start, mentions[i].end), ())) for i in idx)
    # A person's full name with a given name keeps its type against cues of a thing ("the company Ada Marsh
    # founded"); a given name opens many a company's name too ("Morgan ..."), so it makes a body a person only
    # with "and her ..." after it.
    signs = signs or typ == "person" and not strong and \
        any(cast_types.has_given_name(_strip_titles(mentions[i].text)) for i in idx)
    cues["person"] += sum(cast_types.has_given_name(_strip_titles(mentions[i].text)) and
                          cast_types.pronoun_after(texts.get(mentions[i].article, ""), mentions[i].end) for i in idx)
    cues += Counter()       # drop zero counts
    words = {_strip_titles(mentions[i].text) for i in idx} if typ == "person" and not signs and not cues["person"] \
        else None
    if words and _one_word_unnamed(words, surnames) and \
            not any(_LEADER_AFTER.match(texts.get(mentions[i].article, "")[mentions[i].end:mentions[i].end + 40])
                    for i in idx):
        # News introduces a person by full name, a title or a role ("Ada Marsh", "Mr Marsh", "the nurse Marsh");
        # a one-word "person" the text never writes so ("Halvex said", "Zippo's new range") is the model's guess
        # from a capitalised word, most often a company's or a product's name. It leaves the cast. A given name
        # alone may be a singer's ("Madonna"), and a surname of a full name elsewhere is that person's.
        # A known city or country of that name is the place ("Monterrey said", the city's authorities speaking).
        # Where the words around it name one other type ("Chirper updates", "a Unicef representative"), that one.
        new = next(iter(cues)) if len(cues) == 1 else "place" if words <= cast_types._places() else "other"
        ev_extra.append(f"typed {new}: a one-word name never written with a given name, title or role"
                        + (f"; the words around {sum(cues.values())} mention(s) say {new}" if cues else ""))
        for i in idx:
            mentions[i].label = LABEL_OF[new]
        return new
    size = len(idx)
    known_place = bool({mentions[i].text for i in idx} & (cast_types._places() | cast_types._regions()))
    if typ == "place" and not known_place and not any(_feature_named(mentions[i].text) for i in idx) and \
            not any(st.placed(mentions[i]) for i in idx if mentions[i].article in texts):
        # A "place" that no gazetteer knows and no mention writes as one ("the charity Oxfam" tagged a place): the
        # words around it decide however few they are.
        size = 0
    got = cast_types.retype(typ, cues, signs, size)
    if got is not None and typ == "place" and got[0] == "organization" and known_place:
        # "California Republicans", "Shanghai's stock exchange", "a McLean consultant": a known country, state or
        # city written before a body's noun is where the body is, not the body; the cast shows the place.
        got = None
    if got is None:
        return typ
    new, why = got
    ev_extra.append(why)
    for i in idx:
        mentions[i].label = LABEL_OF[new]
    return new


# The head words of a sea's or a landform's name: "the Gulf of Mexico", "the Caspian Sea", "Prudhoe Bay". Such a
# name says itself what it is, as a body's head word does, however the text writes it ("in the Gulf of Mexico",
# where "the" stands between the preposition and the name, or "the Gulf of Mexico well").
FEATURE_HEADS = PLACE_HEADS - {"hotel", "street", "square", "cathedral", "basilica", "country", "pass"} | {
    "gulf", "coast", "channel", "sound", "delta", "basin", "cape", "bayou", "estuary", "lagoon", "fjord", "marsh",
    "marshes", "plain", "plains", "bight", "archipelago", "atoll", "glacier", "mount", "mountain", "volcano"}


def _feature_named(text: str) -> bool:
    """The name's head (its last word, or the word before "of") is a sea's or landform's: it is a place."""
    words = re.sub(r"^the\s+", "", text.strip(), flags=re.I).split()
    if not words:
        return False
    head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
    return head.lower() in FEATURE_HEADS


MIN_TAGS = 1
_WORD_START = re.compile(r"(?<![\w-])\w+")
_WORD_CHAR = re.compile(r"[\w-]")


class Names:
    r"""Whole-word occurrences of many literal names in one left-to-right pass, the longest name first at a place.

    Why not one regular expression alternating the names: Python's re tries the alternatives one by one at every
    place, so with the thousands of names of a large corpus this step grew with names x characters (a 2,744-article
    build spent most of its corpus stage here). Keyed on each name's first word, every word of a text costs one
    lookup. Same matches as ``(?<![\w-])(name|...)(?![\w-])`` with the names longest first."""

    def __init__(self, names):
        self.by_first: dict[str, list[str]] = defaultdict(list)
        for n in sorted(names, key=len, reverse=True):
            first = re.match(r"\w+", n)
            if first:
                self.by_first[first.group()].append(n)

    def finditer(self, text: str):
        pos = 0
        for w in _WORD_START.finditer(text):
            s = w.start()
            if s < pos:
                continue
            for n in self.by_first.get(w.group(), ()):
                e = s + len(n)
                if text.startswith(n, s) and not _WORD_CHAR.match(text, e):
                    yield s, e, n
                    pos = e
                    break


# Last words of companies' and schools' names beyond the heads ``nlp`` reads ("Tolvane Holdings", "The Hall School").
NAME_END_WORDS = {"holdings", "industries", "partners", "systems", "school", "academy", "foods", "motors",
                  "energy", "capital", "media", "communications", "messaging", "brothers", "sons"}


def _cut_run_ons(mentions: list[Mention], texts: dict[str, str]) -> None:
    """"... into the Halden Scientists at the lab say", "Follow us on Talvor Latest news": a line run into the next
    without its full stop glues the next line's first word, capitalised, to the name before it. ``nlp._judge`` cuts
    such a word when its own article gives the evidence; this reads the corpus: the span is written once, the word
    is written in lower case in some article and a lower-case word follows it, and what comes before it is a name
    tagged alone elsewhere (or a country or city of the gazetteer). A body's head, a title, a feature or a
    masthead's word ends names and stays. The mention is cut in place, with the label the shorter name has."""
    from .nlp import _NAME_LAST_WORDS, FEATURES, gazetteer
    from .profile import TITLE_HEADS, TITLE_MODS
    # (on the corpus, more words that end bodies' names are in reach than one article holds: "The Hall School in",
    # "Tolvane Holdings on Thursday")
    ends_names = _NAME_LAST_WORDS | TITLE_HEADS | TITLE_MODS | BODY_WORDS | NAME_END_WORDS
    alone: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        if m.label in TYPE_OF and not m.inferred:
            alone[m.text][m.label] += 1
    lower: set[str] | None = None
    known = gazetteer()["countries"] | gazetteer()["cities"]
    for m in mentions:
        words = m.text.split()
        if m.inferred or m.label not in TYPE_OF or len(words) < 2 or m.article not in texts:
            continue
        last, pre = words[-1], " ".join(words[:-1])
        text = texts[m.article]
        nxt = re.match(r" ([a-z]+)", text[m.end:m.end + 30])
        if not (last.istitle() and last.isalpha()) or last.lower() in ends_names or not nxt or \
                nxt.group(1) in FEATURES or text[m.start:m.end] != m.text or not (alone.get(pre) or pre in known):
            continue      # ("the Kestrow Gulf coast": a feature noun after it makes the word part of a place)
        if lower is None:
            lower = {w for t in texts.values() for w in re.findall(r"(?<![\w-])[a-z]+(?![\w-])", t)}
        if last.lower() not in lower or sum(t.count(m.text) for t in texts.values()) != 1:
            continue
        label = alone[pre].most_common(1)[0][0] if alone.get(pre) else "GPE"
        m.end = m.start + len(pre)
        m.text, m.label = pre, label


def _untagged_repeats(mentions: list[Mention], texts: dict[str, str]) -> list[Mention]:
    """Occurrences the model left untagged of a name it tagged elsewhere in the corpus with one kind of label
    ("Almara" tagged in one article, missed in the next). Names whose lower-case form is an ordinary word in the
    corpus ("Court", "Reform") are skipped, and so are bare surnames also tagged otherwise ("Carrick")."""
    labels: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        if m.label in TYPE_OF and not m.inferred:
            labels[m.text][m.label] += 1
    wanted: dict[str, str] = {}
    for name, c in labels.items():
        groups = Counter({g: sum(v for lab, v in c.items() if group_of(TYPE_OF[lab]) == g) for g in ("person", "thing")})
        grp, n = groups.most_common(1)[0]
        label = max((lab for lab in c if group_of(TYPE_OF[lab]) == grp), key=lambda lab: (c[lab], lab == "GPE"))
        # Short names only in capitals ("BP"): an acronym, not a word that happens to be capitalised.
        short_ok = len(name) >= 2 and name.isupper() and name.isalpha()
        if n < MIN_TAGS or n < 0.75 * sum(c.values()) or len(name) < 4 and not short_ok or not name[0].isupper() \
                or "\n" in name:
            continue
        if label == "PERSON" and " " not in name and len(c) > 1:
            continue
        wanted[name] = label
    if not wanted:
        return []
    lower = Names({n.lower() for n in wanted})
    common = {n for t in texts.values() for _, _, n in lower.finditer(t)}
    wanted = {n: lab for n, lab in wanted.items() if n.lower() not in common}
    if not wanted:
        return []
    occupied = {art: bytearray(len(t)) for art, t in texts.items()}
    for m in mentions:
        if m.article in occupied:
            occupied[m.article][m.start:m.end] = b"\x01" * (m.end - m.start)
    pat = Names(wanted)
    out = []
    for art, text in texts.items():
        occ = occupied[art]
        for s, e, name in pat.finditer(text):
            if not any(occ[s:e]):
                out.append(Mention(art, s, e, name, wanted[name]))
                occ[s:e] = b"\x01" * (e - s)
    return out


def _ages_after(mentions: list[Mention], texts: dict[str, str], cues) -> list[dict]:
    """Age cues ("Arven, 58, said") for the person mentions the article's own reading gave none: those added here
    (a surname spaCy left untagged) and those whose cue was read off another span. Without them "the 58-year-old"
    has no one to stand for."""
    from .profile import _AGE_APPOS
    have = {(c["article"], c["start"], c["end"]) for c in cues if c["kind"] == "age"}
    out = []
    for m in mentions:
        if m.label == "PERSON" and (m.article, m.start, m.end) not in have and \
                (hit := _AGE_APPOS.match(texts.get(m.article, "")[m.end:m.end + 8])):
            out.append({"kind": "age", "value": hit.group(1), "article": m.article, "start": m.start,
                        "end": m.end})
    return out


def _untagged_surnames(mentions: list[Mention], texts: dict[str, str]) -> list[Mention]:
    """"Raisi, 63, died ..." left untagged after "Ebrahim Raisi": the surname of a person named in full in the same
    article, written capitalised on its own, is a mention of a person (resolution then decides whom). Not when its
    lower-case form is a word of the article ("Brown", "Rice") or it runs into another capitalised word."""
    fulls: dict[str, set] = defaultdict(set)
    for m in mentions:
        if m.label == "PERSON" and not m.inferred and len(m.text.split()) >= 2:
            last = re.sub(r"['’]s$", "", m.text.split()[-1])
            if len(last) >= 4 and last[0].isupper() and last[1:].islower() and last.lower() not in TITLES:
                fulls[m.article].add(last)
    of_article: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        of_article[m.article].append(m)
    out = []
    for art, names in fulls.items():
        text = texts.get(art, "")
        taken = bytearray(len(text))
        for m in of_article[art]:
            taken[m.start:m.end] = b"\x01" * (m.end - m.start)
        for name in names:
            if re.search(r"(?<![\w-])" + re.escape(name.lower()) + r"(?![\w-])", text):
                continue
            for hit in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text):
                s, e = hit.start(), hit.end()
                prev = re.search(r"([A-Z][\w.]*)\s+$", text[max(0, s - 20):s])
                # (a capitalised word that ends its sentence, "on Friday. Korvel, 61, said", runs into nothing; a
                # title does, "Mr. Korvel")
                ends = prev is not None and prev.group(1).endswith(".") and len(prev.group(1)) > 4 and \
                    prev.group(1).rstrip(".").lower() not in TITLES and "." not in prev.group(1)[:-1]
                if any(taken[s:e]) or re.match(r"['’]?s?\s+[A-Z]", text[e:e + 4]) or prev and not ends:
                    continue
                out.append(Mention(art, s, e, name, "PERSON"))
                taken[s:e] = b"\x01" * (e - s)
    return out


def _dedup(values) -> list[str]:
    out, seen = [], set()
    for v in values:
        if v.lower() not in seen:
            seen.add(v.lower())
            out.append(v)
    return out


ROLE_PP = re.compile(r"\s(?:of|for|in|on|at|with|from|to|aboard|during|over)\s")


def _role_heads(ent: Entity) -> list[tuple[str, set]]:
    """(head noun, all words) of each role: "former chief executive of X" -> ("executive", {...}). The head is
    the last word before the role's first preposition: "the national incident commander for the disaster" is a
    commander, and "the disaster" is no description of him."""
    out = []
    for r in ent.roles:
        words = re.findall(r"[a-z]+", ROLE_PP.split(r.lower())[0])
        if words:
            out.append((words[-1], set(words) | ({"former"} if "ex" in words else set())))
    return out


def _fits(c: dict, before: set, by_id: dict) -> set:
    """Entities among ``before`` that description cue ``c`` could stand for: by age, role or name word."""
    cands = set()
    for eid in before:
        ent = by_id[eid]
        if ent.type not in ("person", "organization", "place"):
            continue
        if c.get("age"):
            if c["age"] in ent.ages:
                cands.add(eid)
        elif ent.type == "person":
            if any(h == c["head"] and set(c["mods"]) <= ws for h, ws in _role_heads(ent)):
                cands.add(eid)
        elif c["head"] in BODY_WORDS or any(h == c["head"] for h, _ in _role_heads(ent)):
            words = {w for a in ent.aliases for w in re.findall(r"[a-z]+", a.lower())}
            heads = {h for h, _ in _role_heads(ent)}
            if (c["head"] in words or c["head"] in heads) and set(c["mods"]) <= words | heads:
                cands.add(eid)
    return cands


def _descriptions(mentions: list[Mention], entities: list[Entity], cues: list[dict]) -> None:
    """Link "the prosecutor", "the court", "the 55-year-old" to the one entity of the article that fits."""
    by_id = {e.id: e for e in entities}
    seen_in: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for m in mentions:
        if m.entity:
            seen_in[m.article].append((m.start, m.entity))
    label = {"person": "PERSON", "organization": "ORG", "place": "GPE"}
    # A description used before any entity it could stand for ("the court" about a court the article never
    # names) makes its later uses in that article ambiguous too: they are left unlinked.
    spoiled: set[tuple] = set()
    first_seen: set[tuple] = set()
    for c in sorted((c for c in cues if c["kind"] == "description"), key=lambda c: (c["article"], c["start"])):
        hk = (c["article"], c.get("age") or c["head"])
        if hk in first_seen:
            continue
        first_seen.add(hk)
        if not _fits(c, {e for s, e in seen_in[c["article"]] if s < c["start"]}, by_id):
            spoiled.add(hk)
    for c in cues:
        if c["kind"] != "description" or (c["article"], c.get("age") or c["head"]) in spoiled:
            continue
        cands = _fits(c, {e for s, e in seen_in[c["article"]] if s < c["start"]}, by_id)
        if len(cands) != 1:
            continue
        ent = by_id[cands.pop()]
        mentions.append(Mention(c["article"], c["start"], c["end"], c["text"], label[ent.type], entity=ent.id,
                                inferred=True))
        ent.aliases[c["text"]] = ent.aliases.get(c["text"], 0) + 1
        if c["text"] not in ent.inferred_aliases:
            ent.inferred_aliases.append(c["text"])
        ent.mention_count += 1
        why = f"description '{c['text']}' in {c['article']}: the one entity of the article that fits"
        if why not in ent.evidence:
            ent.evidence.append(why)


def _canonical(keys: Counter, typ: str, mentions, idx, nodes) -> str:
    """The most frequent full form: for people the longest normalised name, shown as written without titles."""
    from .nlp import postal_state, state_abbreviated
    if typ == "person":
        best_key = max(keys, key=lambda k: (len(k.split()) >= 2, keys[k], len(k)))
    else:
        # "Louisiana coast" beside "Louisiana": a name with a lower-case feature noun after it names the place
        # less well than the name alone (the cluster is the state; the coast is where something happened in it).
        tailed = {k for k in keys if any(nodes[i][1] == k and mentions[i].text.split()[-1].islower() for i in idx)}
        pool = [k for k in keys if k not in tailed] or list(keys)
        best_key = max(pool, key=lambda k: (len(k.split()) >= 2 and len(k) > 4, keys[k], len(k)))
    surface = Counter(mentions[i].text for i in idx if nodes[i][1] == best_key)
    if typ == "person":
        # a mention keyed by the full name it was cut from ("Chairman Ben S." of "... Ben S. Bernanke") is not how
        # the name is written
        whole = Counter({t: n for t, n in surface.items() if best_key.split()[-1] in t.lower()})
        surface = whole or surface
    text = surface.most_common(1)[0][0]
    if text.isupper() and len(text) > 4:
        # "HOUSTON" of the datelines beside "Houston" of the text: the name as a sentence writes it (an acronym,
        # "NASA" beside "Nasa", is left as the most frequent form)
        text = next((t for t, _ in surface.most_common() if not t.isupper() and t.lower() == text.lower()), text)
    state = state_abbreviated(text) or postal_state(text)
    if typ == "place" and state and state.lower() == best_key:
        text = state        # "Louisiana" for "La.": the state's name, as written or as the standard has it
    if typ == "person":
        text = _strip_titles(text) or text
    return re.sub(r"['’]s$", "", re.sub(r"^the\s+", "", text, flags=re.I))


# "the Marsh administration": a leader's surname alone, before the government it names.
_LEADER_AFTER = re.compile(r"(?:'s)?\s+(?:administration|presidency)\b")


def _one_word_unnamed(words: set[str], surnames: set[str]) -> bool:
    """Every form (titles stripped) is one word, neither a given name nor the surname of a full name in the corpus."""
    return all(len(w.split()) == 1 and w not in surnames and w.removesuffix("'s") not in surnames and
               w.capitalize() not in cast_types.given_names() for w in words)


def _strip_titles(text: str) -> str:
    words = text.split()
    while words and words[0].lower().rstrip(".") in TITLES:
        words = words[1:]
    while words and words[-1].lower().rstrip(".") in TITLES:
        words = words[:-1]
    return " ".join(words)
