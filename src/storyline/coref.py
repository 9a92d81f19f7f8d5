"""Pronoun coreference: "he", "she", "his", "her" linked to the cast member they stand for, where the text leaves
one reading. Description subjects ("the prosecutor", "the company") are linked by ``resolve._descriptions``.

Why our own rules: spaCy's small model has no coreference component; coreferee 1.5 needs its model package
(``coreferee_model_en``), which is on no package registry (its installer downloads it from GitHub), and fastcoref
loads its weights from the Hugging Face hub at run time. Neither installs or runs offline here.

The rules, precision first (a wrong link puts words in someone's mouth; a missing one only leaves "he"):
  * candidates are people resolved to an entity, read back from the pronoun over growing windows -- its own
    sentence, then one, then two sentences before; the first window holding any candidate decides;
  * one person there, whose gender (when known) agrees, is the reading; an unnamed person noun written between
    that person and the pronoun ("a lawyer", "the woman") is a rival reading, and then nothing is linked;
  * two or more people: the one whose known gender agrees when every other one's known gender differs;
  * gender of an entity comes from honorifics and gendered role words, then from the pronouns linked in the
    first pass (a second pass uses them).
"""
from __future__ import annotations

from collections import Counter, defaultdict

from .model import Mention

GENDERED = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "dame": "f", "lord": "m", "lady": "f",
            "king": "m", "queen": "f", "prince": "m", "princess": "f", "spokesman": "m", "spokeswoman": "f",
            "chairman": "m", "chairwoman": "f", "businessman": "m", "businesswoman": "f", "actor": "m",
            "actress": "f", "father": "m", "mother": "f", "son": "m", "daughter": "f", "husband": "m",
            "wife": "f", "brother": "m", "sister": "f", "widow": "f", "widower": "m", "congressman": "m",
            "congresswoman": "f", "emir": "m", "sheikh": "m", "ayatollah": "m", "pope": "m", "cardinal": "m"}


def _entity_gender(mentions: list[Mention], roles: dict[str, list[str]]) -> dict[str, str]:
    votes: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        if m.entity and m.label == "PERSON" and not m.inferred:
            for w in m.text.lower().replace(".", "").split():
                if w in GENDERED:
                    votes[m.entity][GENDERED[w]] += 1
    for eid, rs in roles.items():
        for r in rs:
            for w in r.lower().split():
                if w in GENDERED:
                    votes[eid][GENDERED[w]] += 1
    return {e: c.most_common(1)[0][0] for e, c in votes.items() if len(c) == 1}


def link(mentions: list[Mention], cues: list[dict], roles: dict[str, list[str]] | None = None) -> list[Mention]:
    """Inferred mentions (``inferred=True``, label PERSON) for the pronouns that have one reading."""
    people: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    modifiers = {(c["article"], c["start"]) for c in cues if c["kind"] == "modifier"}
    for m in mentions:
        if m.entity and m.label == "PERSON" and (m.article, m.start) not in modifiers:
            people[m.article].append((m.start, m.end, m.entity))
    humans: dict[str, list[int]] = defaultdict(list)
    pronouns = []
    for c in cues:
        if c["kind"] == "human" and not c.get("plural"):
            humans[c["article"]].append(c["start"])
        elif c["kind"] == "pronoun":
            pronouns.append(c)
    # A person noun that a description link already tied to an entity ("the prosecutor" -> Khan) is no rival.
    linked_desc: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for m in mentions:
        if m.inferred and m.entity:
            linked_desc[m.article].append((m.start, m.end))
    gender = _entity_gender(mentions, roles or {})
    found: dict[tuple, str] = {}
    for rnd in range(2):
        learned: dict[str, Counter] = defaultdict(Counter)
        for c in pronouns:
            key = (c["article"], c["start"])
            if key in found:
                continue
            # Pronouns already linked count as mentions of their entity: "Her coach, Maria Ek, said she ..." has
            # two women in the window, so "she" has two readings.
            earlier = [(s, s + 1, e) for (a, s), e in found.items() if a == c["article"] and s < c["start"]]
            eid = _reading(c, people[c["article"]] + earlier, humans[c["article"]], linked_desc[c["article"]],
                           gender, strict=rnd == 0)
            if eid:
                found[key] = eid
                learned[eid][c["gender"]] += 1
        for eid, cnt in learned.items():
            if eid not in gender and len(cnt) == 1:
                gender[eid] = next(iter(cnt))
    by_start = {(c["article"], c["start"]): c for c in pronouns}
    return [Mention(a, s, by_start[(a, s)]["end"], by_start[(a, s)]["text"], "PERSON", entity=eid, inferred=True)
            for (a, s), eid in sorted(found.items())]


def _reading(c: dict, people: list, humans: list, linked_desc: list, gender: dict, strict: bool) -> str | None:
    p0 = c["start"]
    for lo in c["sents"]:
        cands = [(start, eid) for start, end, eid in people if lo <= start and end <= p0 and
                 not (c.get("not_at") is not None and start <= c["not_at"] < end)]
        if not cands:
            continue
        ents = {e for _, e in cands}
        agree = {e for e in ents if gender.get(e) in (None, c["gender"])}
        if len(ents) == 1:
            eid = ents.pop()
            if eid not in agree:
                return None
        elif strict:
            return None
        else:
            known = {e for e in ents if e in gender}
            fits = {e for e in known if gender[e] == c["gender"]}
            if len(fits) != 1 or known != ents:
                return None
            eid = fits.pop()
        last = max(s for s, e in cands if e == eid)
        if any(last < h < p0 and not any(s0 <= h < s1 for s0, s1 in linked_desc) for h in humans):
            return None
        return eid
    return None
