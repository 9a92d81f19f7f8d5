"""Resolve named mentions into entities across articles and spellings, precision first.

Steps: repair what the model gets wrong about a mention's type (honorifics, place prepositions, corpus majority)
and add untagged repeats of tagged names; normalise each name (titles, honorifics, possessives, diacritics, case);
inside an article, link a bare surname to the one full name that ends with it (honorifics pick between two);
across articles, join equal names, spelling variants (consonant skeletons, rapidfuzz with shared context) and a
surname whose one owner shares context; join acronyms to their written or initial-spelled expansion; then link
definite descriptions that fit one entity of their article. Each join records its evidence; the entity carries the
profile read by ``profile.cues`` (roles, ages, nationality) and first/last dates seen.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from rapidfuzz import fuzz

from .model import Entity, Mention, stable_id
from .resolve_passes import (GENERIC_FIRST, PERSON_TITLES, PLACE_BEFORE, SAME_AS, TITLES, TYPE_OF,  # noqa: F401
                             _STRONG_PLACE, UnionFind, _country_forms, _pronoun_gender, acronym, fold, group_of,
                             honorific_gender, norm_name, skeleton)

# Heads of descriptions that name a kind of body or place; a description joins an entity whose name has that word.
BODY_WORDS = {"court", "ministry", "office", "authority", "commission", "union", "council", "tribunal", "agency",
              "bank", "fund", "institute", "committee", "mechanism", "regulator", "company", "group", "party",
              "dam", "river", "accord", "valley", "lake", "island", "school", "university", "hospital", "assembly",
              "parliament", "army", "police", "service", "board"}


def resolve(mentions: list[Mention], texts: dict[str, str] | None = None, cues: list[dict] | None = None,
            dates: dict[str, str | None] | None = None) -> list[Entity]:
    """Assign ``mention.entity`` for every resolvable mention and return the entities with their profiles.

    Descriptions among ``cues`` that stand unambiguously for an entity are appended to ``mentions`` as inferred
    mentions (``inferred=True``)."""
    cues = cues or []
    dates = dates or {}
    if texts:
        mentions.extend(_untagged_repeats(mentions, texts))
        mentions.extend(_untagged_surnames(mentions, texts))
    nodes: dict[int, tuple[str, str]] = {}     # mention index -> (group, normalised key)
    long_forms = _country_forms()
    country_long: dict[str, str] = {}
    from .nlp import gazetteer
    places = gazetteer()["countries"] | gazetteer()["cities"]
    for i, m in enumerate(mentions):
        typ = TYPE_OF.get(m.label)
        if typ is None or m.inferred:
            continue
        if typ != "person" and len(m.text.split()) >= 2 and (
                honorific_gender(m.text) or fold(m.text).split()[0].lower().rstrip(".") in PERSON_TITLES):
            m.label, typ = "PERSON", "person"     # "Mr Arven" tagged ORG by the model: the honorific decides
        key = norm_name(m.text, m.label)
        if typ != "person":
            key = SAME_AS.get(key, key)
            if key in long_forms:
                country_long[long_forms[key]] = m.text
                key = long_forms[key]
        if not key or len(key) < 2:
            continue
        if typ == "person" and " " not in key:
            # A bare surname means one person only inside its article: "Haddad" in two stories may be two people.
            key = f"{key}@{stable_id('', m.article)}{honorific_gender(m.text) or ''}"
        nodes[i] = (group_of(typ), key)
    by_prep: set[str] = set()
    after_prep: set[int] = set()
    # "in Carrick", "residents of Carrick": a one-word "person" after a place preposition is a place (the town
    # that shares its name with the spokesman Owen Carrick).
    for i, (grp, key) in list(nodes.items()):
        m = mentions[i]
        if " " not in m.text.strip() and m.article in (texts or {}) and \
                PLACE_BEFORE.search(texts[m.article][max(0, m.start - 30):m.start]):
            by_prep.add(key.split("@")[0])
            after_prep.add(i)
            if grp == "person":
                m.label = "GPE"
                nodes[i] = ("thing", key.split("@")[0])
    # "the town of Bucha", "near Bucha": an organisation written where only places are written is a place (one
    # such mention is enough: no body is "the town of" anything); so is a gazetteer city after "in"/"near".
    for i, (grp, key) in list(nodes.items()):
        m = mentions[i]
        if grp != "thing" or m.label != "ORG" or m.article not in (texts or {}):
            continue
        before = texts[m.article][max(0, m.start - 30):m.start]
        if _STRONG_PLACE.search(before) or m.text in places and PLACE_BEFORE.search(before):
            m.label = "GPE"
            by_prep.add(key)
            after_prep.add(i)
    # "Raisi, 63, died" beside "Ebrahim Raisi": a one-word place or body that is the surname of a person named
    # in full in the same article, and not written after a place preposition nor a known place, is that person.
    full_lasts: dict[str, set] = defaultdict(set)
    for i, (grp, key) in nodes.items():
        if grp == "person" and " " in key:
            full_lasts[mentions[i].article].add(key.split()[-1])
    for i, (grp, key) in list(nodes.items()):
        m = mentions[i]
        if grp == "thing" and " " not in key and key in full_lasts[m.article] and i not in after_prep and \
                m.text not in places:
            m.label = "PERSON"
            nodes[i] = ("person", f"{key}@{stable_id('', m.article)}{honorific_gender(m.text) or ''}")
    # "Lionel Ashdown" tagged an organisation, then "Ashdown" a person in the same article, with no person's full
    # name ending so: the two-word name is that person's.
    arts_idx: dict[str, list[int]] = defaultdict(list)
    for i in nodes:
        arts_idx[mentions[i].article].append(i)
    to_person: set[tuple] = set()
    for art, idx in arts_idx.items():
        lasts = {nodes[i][1].split()[-1] for i in idx if nodes[i][0] == "person" and " " in nodes[i][1]}
        singles = {nodes[i][1].split("@")[0] for i in idx if nodes[i][0] == "person" and " " not in nodes[i][1]}
        for i in idx:
            grp, key = nodes[i]
            words = mentions[i].text.split()
            if grp == "thing" and len(words) == 2 and all(w[:1].isupper() and w[1:].islower() for w in words) \
                    and key.split()[-1] in singles - lasts and mentions[i].label == "ORG":
                to_person.add((grp, key))
    for j in nodes:
        if nodes[j] in to_person:
            mentions[j].label = "PERSON"
            nodes[j] = ("person", nodes[j][1])
    # One word tagged a person here and a place or organisation there ("Qeshet", "Reuters"): when no full name in
    # the corpus ends with it, it is not a surname, and the corpus majority decides its type.
    full_last = {key.split()[-1] for grp, key in nodes.values() if grp == "person" and " " in key}
    votes: dict[str, Counter] = defaultdict(Counter)
    for i, (grp, key) in nodes.items():
        base = key.split("@")[0]
        if " " not in base:
            votes[base][mentions[i].label] += 1
    for i, (grp, key) in list(nodes.items()):
        base = key.split("@")[0]
        c = votes.get(base)
        if not c or " " in base or base in full_last or len({group_of(TYPE_OF[lab]) for lab in c}) < 2:
            continue
        label = "GPE" if base in by_prep else max(c, key=lambda lab: (c[lab], lab != "PERSON"))
        m = mentions[i]
        if group_of(TYPE_OF[label]) != grp:
            m.label = label
            nodes[i] = ("thing", base) if label != "PERSON" else ("person", f"{base}@{stable_id('', m.article)}")
    # The model tags a bare surname as an organisation now and then ("Bly" after "Mark Bly"): inside an article,
    # an ORG one-word name that is the surname of a full person name there is that surname.
    surnames_in: dict[str, set] = defaultdict(set)
    for i, (grp, key) in nodes.items():
        if grp == "person" and " " in key:
            surnames_in[mentions[i].article].add(key.split()[-1])
    for i, (grp, key) in list(nodes.items()):
        m = mentions[i]
        if grp == "thing" and m.label == "ORG" and " " not in key and key in surnames_in[m.article] and \
                i not in after_prep:     # "firms in Carrick": the town, whatever the spokesman is called
            m.label = "PERSON"
            nodes[i] = ("person", f"{key}@{stable_id('', m.article)}")

    uf = UnionFind()
    evidence: dict[tuple, str] = {}
    for short, long_ in country_long.items():
        evidence[("thing", short)] = f"'{long_}' is the ISO 3166 long form of the country's name"
    # 1. Same group and same normalised name.
    by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, gk in nodes.items():
        by_key[gk].append(i)
    for k, idx in by_key.items():
        uf.find(k)
        for i in idx:
            uf.union(k, ("m", i))
    # A full name tagged once as a person and elsewhere as an organisation ("Marta Ilkov"): one entity.
    for grp, key in list(by_key):
        if grp == "thing" and " " in key and ("person", key) in by_key:
            uf.union(("person", key), ("thing", key))
            evidence[("thing", key)] = f"'{key}' is tagged a person elsewhere"
    art_keys: dict[str, set] = defaultdict(set)
    for i, gk in nodes.items():
        art_keys[mentions[i].article].add(gk)
    key_arts: dict[tuple, set] = defaultdict(set)
    for i, gk in nodes.items():
        key_arts[gk].add(mentions[i].article)

    def context(gk) -> set:
        return set().union(*(art_keys[a] for a in key_arts[gk])) - {gk}

    # 2. An acronym written in parentheses after its expansion: "Coastal Fisheries Authority (CFA)".
    pos = {(m.article, m.start, m.end): i for i, m in enumerate(mentions)}
    for c in cues:
        if c["kind"] != "acronym":
            continue
        i = pos.get((c["article"], c["start"], c["end"]))
        acr = ("thing", c["value"].lower().rstrip("."))
        if i in nodes and acr in by_key and nodes[i][0] == "thing":
            uf.union(nodes[i], acr)
            evidence[acr] = f"'{c['value']}' written in parentheses after '{mentions[i].text}'"

    # 3. Inside an article: a surname-only (or first-name-only) mention joins the one full name it ends (starts) with.
    per_article: dict[str, list[int]] = defaultdict(list)
    for i in nodes:
        per_article[mentions[i].article].append(i)
    gender = _pronoun_gender(mentions, nodes, texts or {})
    single_unlinked: list[int] = []
    ambiguous: list[tuple[int, set]] = []
    for art, idx in per_article.items():
        fulls = {nodes[i][1] for i in idx if nodes[i][0] == "person" and " " in nodes[i][1]}
        for i in idx:
            grp, key = nodes[i]
            if grp != "person" or " " in key:
                continue
            key = key.split("@")[0]
            cands = {f for f in fulls if f.split()[-1] == key}
            how = "surname"
            if not cands:
                cands = {f for f in fulls if f.split()[0] == key}
                how = "first name"
            if len(cands) > 1 and honorific_gender(mentions[i].text):
                # "Ms Petrov" beside Anna and Ivan Petrov: the honorific picks the one whose pronouns agree.
                agree = {f for f in cands if gender.get((art, f)) == honorific_gender(mentions[i].text)}
                if len(agree) != 1:
                    ambiguous.append((i, cands))
                    continue
                cands = agree
                how += " with honorific"
            if len(cands) == 1:
                full = cands.pop()
                uf.union(("person", full), ("m", i))
                evidence[("person", full)] = f"{how} '{key}' and the full name in the same article"
            elif not cands:
                single_unlinked.append(i)
            # Two full names share it in this article (Anna and Ivan Petrov): left apart, precision first.

    # 4. Across articles: spelling variants of a full person name. Same surname skeleton and either the same
    # first-name skeleton (Kareem/Karim) or a close first name (rapidfuzz) with another entity in common.
    fulls = sorted({key for (grp, key) in by_key if grp == "person" and " " in key})
    by_last: dict[str, list[str]] = defaultdict(list)
    for f in fulls:
        by_last[skeleton(f.split()[-1])].append(f)
    for sk, group in by_last.items():
        for a_i, a in enumerate(group):
            for b in group[a_i + 1:]:
                fa, fb = a.split()[0], b.split()[0]
                if skeleton(fa) == skeleton(fb):
                    why = f"spelling variant of '{a}' (name skeletons {skeleton(fa)}|{sk})"
                elif fuzz.ratio(fa, fb) >= 72 and len(context(("person", a)) & context(("person", b))) >= 2:
                    why = f"spelling variant of '{a}' (first names {fuzz.ratio(fa, fb):.0f}% alike, shared context)"
                else:
                    continue
                uf.union(("person", a), ("person", b))
                evidence[("person", b)] = why

    # Still two candidates for "Mr Petrov": drop the one whose honorifics elsewhere in the corpus say otherwise
    # (Anna is "Ms Petrov" in articles where she is the only Petrov).
    for _ in range(2):      # a second pass sees the honorifics the first one linked (Mr Petrov -> Ivan)
        said: dict = defaultdict(Counter)
        for i, (grp, key) in nodes.items():
            g = honorific_gender(mentions[i].text)
            if grp == "person" and g:
                said[uf.find(("m", i))][g] += 1
        for i, cands in ambiguous:
            want = honorific_gender(mentions[i].text)
            other = "f" if want == "m" else "m"
            keep = {f for f in cands if not (said[uf.find(("person", f))][other] and
                                             not said[uf.find(("person", f))][want])}
            if len(keep) == 1:
                full = keep.pop()
                uf.union(("person", full), ("m", i))
                evidence[("m", i)] = (f"'{mentions[i].text}' beside two full names ending '{full.split()[-1]}': "
                                      f"the other is addressed with the other honorific elsewhere")

    # 5. A surname-only mention in an article without the full name: join when one person in the corpus has that
    # surname and the article shares another entity with that person's articles.
    surname_owners: dict[str, set] = defaultdict(set)
    for f in fulls:
        surname_owners[f.split()[-1]].add(uf.find(("person", f)))
    owner_keys: dict = defaultdict(set)
    for f in fulls:
        owner_keys[uf.find(("person", f))].add(("person", f))
    no_owner: dict[str, list[int]] = defaultdict(list)
    for i in single_unlinked:
        key = nodes[i][1].split("@")[0]
        owners = surname_owners.get(key, set())
        if not owners:
            no_owner[key].append(i)
        if len(owners) != 1:
            continue
        owner = next(iter(owners))
        shared = art_keys[mentions[i].article] & set().union(*(context(k) for k in owner_keys[owner]))
        shared.discard(nodes[i])
        if shared:
            uf.union(owner, ("m", i))
            evidence[("m", i)] = (f"surname '{key}' matches one person in the corpus; shared context: "
                                  + ", ".join(sorted(k for _, k in shared)[:3]))

    # A one-word name that no full name in the corpus ends with ("Mokom", "Madonna"): one entity by its key.
    for key, idx in no_owner.items():
        for i in idx[1:]:
            uf.union(("m", idx[0]), ("m", i))
        if len(idx) > 1:
            evidence[("m", idx[0])] = f"the one-word name '{key}' in several articles; no full name ends with it"

    # In an article, a one-word name that starts one longer name of the same type: "Halvern" for "Halvern
    # Systems", "Dravik" for "Dravik Engineering Group" (not "Kestrow" the town for "Kestrow District Court").
    placed = {nodes[i][1] for i in nodes if TYPE_OF[mentions[i].label] == "place"}
    short_of: dict[str, list[tuple[int, str]]] = defaultdict(list)
    spaced: dict[str, set] = {}
    for art, idx in per_article.items():
        longs = defaultdict(set)
        spaced[art] = {nodes[i][1] for i in idx if " " in mentions[i].text.strip()}
        for i in idx:
            if nodes[i][0] == "thing" and " " in nodes[i][1]:
                longs[TYPE_OF[mentions[i].label]].add(nodes[i][1])
        for i in idx:
            grp, key = nodes[i]
            if grp != "thing" or " " in key:
                continue
            typ = TYPE_OF[mentions[i].label]
            if key in placed and typ != "place":
                continue      # "Kestrow" is a town elsewhere: not a short form of "Kestrow District Court"
            cands = {k for k in longs[typ]
                     if k.split()[0] == key or k.split()[0] in GENERIC_FIRST and k.split()[-1] == key}
            m = mentions[i]
            if not cands and typ == "organization" and texts and m.text.istitle() and \
                    texts.get(m.article, "")[max(0, m.start - 4):m.start].lower() == "the ":
                # "the Times" beside "The New York Times": the one body of the article whose name ends with that
                # word written apart (not "BP" of "TNK-BP", an acronym that names a company of its own).
                cands = {k for k in longs[typ] if k.split()[-1] == key and k in spaced[art]}
            if len(cands) == 1:
                short_of[key].append((i, cands.pop()))
    # The bare word joins all its uses, so one word that shortens two different names in two articles ("Veldra"
    # for the Veldra river here and the Veldra dam there) would chain them: then it shortens neither.
    for key, pairs in short_of.items():
        if len({uf.find(("thing", full)) for _, full in pairs}) > 1:
            continue
        for i, full in pairs:
            uf.union(("thing", full), ("m", i))     # this mention only: elsewhere the word may be a town
            evidence[("m", i)] = f"short form '{key}' of '{full}' in the same article"

    # "High Court" for "High Court of Marenburg": the one "X of Y" in the corpus with that X.
    of_forms: dict[str, list[str]] = defaultdict(list)
    for grp, key in by_key:
        if grp == "thing" and " of " in key:
            of_forms[key.split(" of ")[0]].append(key)
    for short, longs in of_forms.items():
        if len(longs) == 1 and ("thing", short) in by_key and " " in short:
            uf.union(("thing", longs[0]), ("thing", short))
            evidence[("thing", short)] = f"'{short}' is the one '{longs[0]}' in the corpus"
        elif len(longs) == 1 and ("thing", short) in by_key:
            # "the Board" for "Board of River Wardens": a one-word head is too common a word to join on the
            # corpus alone, so its article must name the long form or share another entity with it.
            long_ctx = context(("thing", longs[0])) | {("thing", longs[0])}
            for i in by_key[("thing", short)]:
                shared = (art_keys[mentions[i].article] - {("thing", short)}) & long_ctx
                if shared:
                    uf.union(("thing", longs[0]), ("m", i))
                    evidence[("m", i)] = (f"'{short}' is the one '{longs[0]}' in the corpus; shared context: "
                                          + ", ".join(sorted(k for _, k in shared)[:3]))

    # 6. Acronyms: "ICC" joins the one organisation whose initials spell it.
    things = sorted({key for (grp, key) in by_key if grp == "thing"})
    initials: dict[str, list[str]] = defaultdict(list)
    for o in things:
        if " " in o:
            initials[acronym(o)].append(o)
    for o in things:
        up = o.upper().replace(".", "")
        if " " not in o and up in initials and len(initials[up]) == 1 and len(up) >= 2:
            uf.union(("thing", initials[up][0]), ("thing", o))
            evidence[("thing", o)] = f"acronym of '{initials[up][0]}'"

    # Collect clusters.
    clusters: dict = defaultdict(list)
    for i in nodes:
        clusters[uf.find(("m", i))].append(i)
    cue_at: dict[tuple, list[dict]] = defaultdict(list)
    for c in cues:
        if c["kind"] in ("role", "age", "nationality"):
            cue_at[(c["article"], c["start"], c["end"])].append(c)
    ev_of: dict = defaultdict(set)
    for k, why in evidence.items():
        ev_of[uf.find(k)].add(why)
    entities = []
    used: set[str] = set()
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
            placed_n = sum(bool(PLACE_BEFORE.search(texts.get(mentions[i].article, "")[
                max(0, mentions[i].start - 30):mentions[i].start])) for i in idx)
            if placed_n >= 2 and placed_n * 5 >= len(idx) * 2:
                typ = "place"
                ev_extra.append(f"typed a place: written after a place preposition in {placed_n} of {len(idx)} "
                                f"mentions")
        forms = Counter(mentions[i].text for i in idx)
        if typ == "person":
            # The name as written without its title is an alias too: "Kareem Khan" in "Chief Prosecutor Kareem Khan".
            for i in idx:
                bare = _strip_titles(mentions[i].text)
                if bare and bare != mentions[i].text:
                    forms[bare] += 1
        keys = Counter(nodes[i][1] for i in idx)
        name = _canonical(keys, typ, mentions, idx, nodes)
        short = next((mentions[i].text for i in idx if nodes[i][1] in country_long and
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
    _descriptions(mentions, entities, cues)
    entities.sort(key=lambda e: (-e.mention_count, e.name))
    return entities


MIN_TAGS = 1


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
    # One alternation per pass, longest names first, instead of one search per name and text (this runs on every
    # build: a corpus of thousands of articles would otherwise pay names x texts scans).
    def alternation(names):
        return re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) +
                          r")(?![\w-])")
    lower = alternation({n.lower() for n in wanted})
    common = {h.group(1) for t in texts.values() for h in lower.finditer(t)}
    wanted = {n: lab for n, lab in wanted.items() if n.lower() not in common}
    if not wanted:
        return []
    occupied = {art: bytearray(len(t)) for art, t in texts.items()}
    for m in mentions:
        if m.article in occupied:
            occupied[m.article][m.start:m.end] = b"\x01" * (m.end - m.start)
    pat = alternation(wanted)
    out = []
    for art, text in texts.items():
        occ = occupied[art]
        for hit in pat.finditer(text):
            s, e = hit.start(), hit.end()
            if not any(occ[s:e]):
                out.append(Mention(art, s, e, hit.group(1), wanted[hit.group(1)]))
                occ[s:e] = b"\x01" * (e - s)
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
    out = []
    for art, names in fulls.items():
        text = texts.get(art, "")
        taken = bytearray(len(text))
        for m in mentions:
            if m.article == art:
                taken[m.start:m.end] = b"\x01" * (m.end - m.start)
        for name in names:
            if re.search(r"(?<![\w-])" + re.escape(name.lower()) + r"(?![\w-])", text):
                continue
            for hit in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text):
                s, e = hit.start(), hit.end()
                if any(taken[s:e]) or re.match(r"['’]?s?\s+[A-Z]", text[e:e + 4]) or \
                        re.search(r"[A-Z][\w.]*\s+$", text[max(0, s - 20):s]):
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


def _role_heads(ent: Entity) -> list[tuple[str, set]]:
    """(head noun, all words) of each role: "former chief executive of X" -> ("executive", {...})."""
    out = []
    for r in ent.roles:
        words = re.findall(r"[a-z]+", r.lower().split(" of ")[0])
        if words:
            out.append((words[-1], set(words) | ({"former"} if "ex" in words else set())))
    return out


def _fits(c: dict, before: set, by_id: dict) -> set:
    """Entities among ``before`` that description cue ``c`` could stand for: by age, role or name word."""
    cands = set()
    for eid in before:
        ent = by_id[eid]
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
    if typ == "person":
        best_key = max(keys, key=lambda k: (len(k.split()) >= 2, keys[k], len(k)))
    else:
        best_key = max(keys, key=lambda k: (len(k.split()) >= 2 and len(k) > 4, keys[k], len(k)))
    surface = Counter(mentions[i].text for i in idx if nodes[i][1] == best_key)
    text = surface.most_common(1)[0][0]
    if typ == "person":
        text = _strip_titles(text) or text
    return re.sub(r"['’]s$", "", re.sub(r"^the\s+", "", text, flags=re.I))


def _strip_titles(text: str) -> str:
    words = text.split()
    while words and words[0].lower().rstrip(".") in TITLES:
        words = words[1:]
    while words and words[-1].lower().rstrip(".") in TITLES:
        words = words[:-1]
    return " ".join(words)
