"""Entity resolution: unit cases on hand-made mentions, then the demo and ICC corpora (slow, shared builds)."""
from __future__ import annotations

import pytest

from storyline.model import Mention
from storyline.resolve import norm_name, resolve, skeleton


def _m(art, text, label="PERSON", start=0):
    return Mention(art, start, start + len(text), text, label)


def test_norm_name_strips_titles_possessives_diacritics():
    assert norm_name("Chief Prosecutor Karim Khan KC", "PERSON") == "karim khan"
    assert norm_name("Zelenskyy’s", "PERSON") == "zelenskyy"
    assert norm_name("Nicolás Maduro", "PERSON") == "nicolas maduro"
    assert skeleton("Zelensky") == skeleton("Zelenskyy") and skeleton("Mohammed") == skeleton("Muhammad")


def test_same_surname_in_two_stories_stays_two_people():
    ms = [_m("a", "Karim Haddad", start=0), _m("a", "Mr Haddad", start=50), _m("a", "Haddad", start=90),
          _m("b", "Dr Leila Haddad", start=0), _m("b", "Haddad", start=40), _m("b", "Dr Haddad", start=80)]
    ents = resolve(ms)
    people = {e.name: e for e in ents}
    assert set(people) == {"Karim Haddad", "Leila Haddad"}
    assert {m.entity for m in ms[:3]} == {people["Karim Haddad"].id}
    assert {m.entity for m in ms[3:]} == {people["Leila Haddad"].id}
    assert all(e.evidence for e in ents)


def test_honorific_separates_siblings_in_one_article():
    text = "Anna Petrov said she would testify. Ivan Petrov said he would not. Ms Petrov spoke. Mr Petrov left."
    spans = [("Anna Petrov", "PERSON"), ("Ivan Petrov", "PERSON"), ("Ms Petrov", "PERSON"), ("Mr Petrov", "PERSON")]
    ms = [Mention("a", text.index(t), text.index(t) + len(t), t, lab) for t, lab in spans]
    resolve(ms, texts={"a": text})
    assert ms[2].entity == ms[0].entity and ms[3].entity == ms[1].entity and ms[0].entity != ms[1].entity


def test_variants_and_explicit_acronym():
    text = "The Coastal Fisheries Authority (CFA) opened an inquiry."
    s = text.index("Coastal")
    ms = [Mention("a", s, s + 27, "Coastal Fisheries Authority", "ORG"),
          Mention("a", text.index("CFA"), text.index("CFA") + 3, "CFA", "ORG"),
          _m("b", "Volodymyr Zelensky"), _m("c", "Volodymyr Zelenskyy"), _m("c", "U.S.", "GPE", 40),
          _m("d", "United States", "GPE")]
    cues = [{"kind": "acronym", "article": "a", "start": s, "end": s + 27, "value": "CFA"}]
    ents = resolve(ms, cues=cues)
    assert ms[0].entity == ms[1].entity
    assert ms[2].entity == ms[3].entity and ms[4].entity == ms[5].entity
    assert len(ents) == 3


@pytest.mark.slow
def test_demo_people_orgs_places_and_must_not_merge(demo_build, expected):
    _result, data, _out = demo_build
    ents = data["entities"]

    def owner(name: str) -> set[str]:
        return {e["id"] for e in ents if name in e["aliases"]}

    missing = [item["name"] for group in ("people", "organizations", "places") for item in expected[group]
               if not owner(item["name"])]
    # "Veldra river" / "Veldra dam" included: the lower-case feature noun is taken into the place's span.
    assert not missing, missing
    # Different expected people, bodies and places are different entities.
    names = [item["name"] for group in ("people", "organizations", "places") for item in expected[group]]
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            assert not owner(a) & owner(b), f"{a} merged with {b}"
    for a, b in expected["must_not_merge"]:
        assert not owner(a) & owner(b), f"{a} merged with {b}"
    # Types: the model mislabels a few one-mention names (a person tagged as a place); most must come out right.
    typed = {e["id"]: e["type"] for e in ents}
    people_right = [p["name"] for p in expected["people"] if {typed[i] for i in owner(p["name"])} == {"person"}]
    assert len(people_right) >= 0.85 * len(expected["people"]), set(p["name"] for p in expected["people"]) - set(
        people_right)
    # A place shown as a person ("Hallen", tagged PERSON by the model, "the village of Hallen") is the error class
    # that the place-preposition and corpus-majority rules exist for.
    assert not [p["name"] for p in expected["places"] if "person" in {typed[i] for i in owner(p["name"])}]
    # Full-name variants of the people resolve to the one entity of the name.
    for p in expected["people"]:
        names = [v for v in p["variants"] if len(v.split()) >= 2 and v[0].isupper() and "'" not in v]
        ids = set().union(*(owner(v) for v in names)) if names else set()
        assert len(ids) <= 1, f"{p['name']} split into {len(ids)} entities by {names}"


@pytest.mark.slow
def test_icc_prosecutor_one_entity_with_roles(icc_build):
    _result, data, _out = icc_build
    ents = data["entities"]
    khan = [e for e in ents if e["type"] == "person" and "Khan" in e["aliases"]]
    assert len(khan) == 1
    k = khan[0]
    for alias in ("Kareem Khan", "Karim Khan", "Mr Khan", "Khan"):
        assert alias in k["aliases"], alias
    assert any("prosecutor" in r.lower() for r in k["roles"])
    assert k["first_seen"] and k["last_seen"] and k["first_seen"] <= k["last_seen"] and k["stories"]
    icc = [e for e in ents if "ICC" in e["aliases"]]
    assert len(icc) == 1 and "International Criminal Court" in icc[0]["aliases"]
    # No two people merged: no person entity carries two different full names with different surnames.
    for e in ents:
        if e["type"] == "person":
            names = [norm_name(a, "PERSON") for a in e["aliases"] if a not in e.get("inferred_aliases", [])]
            surnames = {skeleton(n.split()[-1]) for n in names if len(n.split()) >= 2}
            assert len(surnames) <= 1, (e["name"], e["aliases"])


@pytest.mark.slow
def test_descriptions_roles_and_ages_from_the_parse():
    from storyline import nlp, profile
    from storyline.model import Article
    text = ("Chief Prosecutor Lena Drozd charged Mikhail Arven, 58, the former chief executive of Dravik Group. "
            "The prosecutor said the evidence was strong. The 58-year-old denied it.\n\n"
            "The court will sit in May. Judge Anton Reiss of the Kestrow District Court set the date; the court "
            "declined to comment.")
    a = Article("a", "a.txt", text=text, published="2025-05-20")
    doc = next(nlp.parse([text]))
    ms = nlp.mentions(a, doc, nlp.sentences(a, doc))
    cues = profile.cues(a, doc, ms)
    ents = {e.name: e for e in resolve(ms, texts={"a": text}, cues=cues, dates={"a": a.published})}
    drozd, arven = ents["Lena Drozd"], ents["Mikhail Arven"]
    assert "Chief Prosecutor" in drozd.roles and "The prosecutor" in drozd.inferred_aliases
    assert "58" in arven.ages and any("chief executive" in r for r in arven.roles)
    assert "The 58-year-old" in arven.inferred_aliases
    assert drozd.first_seen == drozd.last_seen == "2025-05-20"
    inferred = [m for m in ms if m.inferred]
    assert all(text[m.start:m.end] == m.text for m in inferred)
    # "The court" is used before any court is named, so "the court" later in the article stays unlinked too.
    assert not any(m.text.lower() == "the court" for m in inferred)


def _doc(words, spaces, ents, pos=None):
    """A hand-made parse: tokens, entity spans (start, end, label) and part-of-speech tags, no model."""
    import spacy
    from spacy.tokens import Doc, Span
    starts = [i == 0 or "\n" in words[i - 1] for i in range(len(words))]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, sent_starts=starts)
    for t, p in zip(doc, pos or ["PROPN"] * len(words)):
        t.pos_ = p
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in ents]
    return doc


def test_first_name_split_spans_and_known_places_in_title_names():
    from storyline.nlp import title_names
    # "Aleksandr" tagged a place, "Volkov" a person; "Prosecutor Karim" + "Haddad KC" two person spans.
    words = ["Aleksandr", "Volkov", "met", "Chief", "Prosecutor", "Karim", "Haddad", "KC", "in", "Kyiv", "."]
    pos = ["PROPN", "PROPN", "VERB", "PROPN", "PROPN", "PROPN", "PROPN", "PROPN", "ADP", "PROPN", "PUNCT"]
    doc = _doc(words, [True] * 9 + [False, False],
               [(0, 1, "GPE"), (1, 2, "PERSON"), (4, 6, "PERSON"), (6, 8, "PERSON"), (9, 10, "PERSON")], pos)
    got = [(e.text, e.label_) for e in title_names(doc).ents]
    assert got == [("Aleksandr Volkov", "PERSON"), ("Chief Prosecutor Karim Haddad KC", "PERSON"),
                   ("Kyiv", "GPE")]
    # A verb or a common word before a surname is not a first name.
    doc = _doc(["Meanwhile", "Volkov", "left"], [True, True, False], [(1, 2, "PERSON")], ["ADV", "PROPN", "VERB"])
    assert [e.text for e in title_names(doc).ents] == ["Volkov"]


def test_heading_names_count_only_when_the_body_writes_them():
    from storyline import nlp
    from storyline.model import Article
    words = ["Biden", "Orders", "US", "to", "Act", "\n\n", "Biden", "said", "so", "."]
    doc = _doc(words, [True, True, True, True, False, False, True, True, False, False],
               [(0, 3, "ORG"), (6, 7, "PERSON")])
    head_end = len("Biden Orders US to Act")
    a = Article("a", "a.txt", text=doc.text, headings=[[0, head_end]])
    ms = nlp.mentions(a, doc, nlp.sentences(a, doc))
    assert [m.text for m in ms] == ["Biden"]
    a2 = Article("a", "a.txt", text=doc.text)      # no heading marked: the line is an ordinary source
    assert [m.text for m in nlp.mentions(a2, doc, nlp.sentences(a2, doc))] == ["Biden Orders US", "Biden"]


def test_untagged_acronym_repeats_short_heads_and_place_typing():
    # "BP" tagged once, untagged at a line start later: the repeat is taken (two capitals are enough).
    t1 = "BP said it would pay.\nBP shares fell."
    ms = [Mention("a", 0, 2, "BP", "ORG")]
    # "the Board" in an article that shares the WHO with the one "Board of River Wardens".
    t2 = "The WHO and the Board of River Wardens met."
    t3 = "The WHO said the Board decided."
    ms += [Mention("b", 4, 7, "WHO", "ORG"), Mention("b", 16, 38, "Board of River Wardens", "ORG"),
           Mention("c", 4, 7, "WHO", "ORG"), Mention("c", 17, 22, "Board", "ORG")]
    # "Lower Brisk" tagged an organisation, but written where places are written.
    t4 = "Residents of Lower Brisk fled. The villages of Lower Brisk flooded. Lower Brisk mourned."
    ms += [Mention("d", t4.index("Lower", k), t4.index("Lower", k) + 11, "Lower Brisk", "ORG") for k in (0, 30, 60)]
    texts = {"a": t1, "b": t2, "c": t3, "d": t4}
    ents = resolve(ms, texts=texts)
    bp = [m for m in ms if m.text == "BP"]
    assert len(bp) == 2 and bp[0].entity == bp[1].entity
    assert ms[2].entity == ms[4].entity                  # Board -> Board of River Wardens
    assert any("shared context" in ev for e in ents for ev in e.evidence if e.name == "Board of River Wardens")
    brisk = [e for e in ents if e.name == "Lower Brisk"]
    assert len(brisk) == 1 and brisk[0].type == "place"
    # Without shared context a one-word head stays apart.
    ms2 = [Mention("b", 16, 38, "Board of River Wardens", "ORG"), Mention("e", 4, 9, "Board", "ORG")]
    resolve(ms2, texts={"b": t2, "e": "The Board of Kestrow voted."})
    assert ms2[0].entity != ms2[1].entity


@pytest.mark.slow
def test_icc_headline_fragments_and_places_not_people(icc_build):
    _result, data, _out = icc_build
    ents = data["entities"]
    names = {e["name"] for e in ents}
    assert "Biden Orders US" not in names and not any(n.startswith("Hold Run") for n in names)
    assert all(e["type"] == "place" for e in ents if "Kyiv" in e["aliases"])


def test_feature_nouns_and_route_spans_in_title_names():
    from storyline.nlp import title_names
    words = ["oil", "reached", "the", "Gulf", "coast", "from", "Carrick", "to", "Port", "Ellis", "."]
    pos = ["NOUN", "VERB", "DET", "PROPN", "NOUN", "ADP", "PROPN", "ADP", "PROPN", "PROPN", "PUNCT"]
    doc = _doc(words, [True] * 9 + [False, False], [(3, 4, "LOC"), (6, 10, "ORG")], pos)
    assert [(e.text, e.label_) for e in title_names(doc).ents] == [
        ("Gulf coast", "LOC"), ("Carrick", "ORG"), ("Port Ellis", "ORG")]


def test_one_word_short_form_of_two_names_joins_neither_and_town_after_preposition():
    t1 = "The Veldra river rose. Veldra flooded."
    t2 = "The Veldra dam broke. Veldra was old."
    t3 = "Owen Carrick spoke. Mr Carrick said firms in Carrick lost power."
    ms = [Mention("a", 4, 16, "Veldra river", "LOC"), Mention("a", 23, 29, "Veldra", "ORG"),
          Mention("b", 4, 14, "Veldra dam", "LOC"), Mention("b", 22, 28, "Veldra", "ORG"),
          Mention("c", 0, 12, "Owen Carrick", "PERSON"), Mention("c", 20, 30, "Mr Carrick", "PERSON"),
          Mention("c", t3.rindex("Carrick"), t3.rindex("Carrick") + 7, "Carrick", "ORG")]
    resolve(ms, texts={"a": t1, "b": t2, "c": t3})
    assert ms[0].entity != ms[2].entity
    assert ms[4].entity == ms[5].entity != ms[6].entity


from hypothesis import given, settings, strategies as st  # noqa: E402

_PIECES = ["Almara", "Al", "Almara Bay", "al", "BP", "Ko-Ren", "Ko", "U.S.", "Ren", " ", " ", "-", ".", "'s", "x",
           "\n", "Bay"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30), st.sets(st.sampled_from(_PIECES[:9]), min_size=1))
def test_names_scanner_finds_what_the_alternation_regex_finds(pieces, names):
    import re
    from storyline.resolve import Names
    text = "".join(pieces)
    rx = re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) +
                    r")(?![\w-])")
    assert list(Names(names).finditer(text)) == [(m.start(), m.end(), m.group(1)) for m in rx.finditer(text)]
