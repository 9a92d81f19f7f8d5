"""The sieve's passes one at a time, on small hand-made states; then the sieve with a pass switched off."""
from __future__ import annotations

from storyline import resolve_passes as rp
from storyline.model import Mention
from storyline.resolve import resolve
from storyline.resolve_passes import State, run


def _state(texts: dict[str, str], spans: list[tuple[str, str, str] | tuple[str, str, str, int]], cues=None):
    """Mentions at the first (or the n-th) occurrence of each (article, text, label[, n]) in its article's text."""
    ms = []
    for art, text, label, *n in spans:
        start = -1
        for _ in range((n or [0])[0] + 1):
            start = texts[art].index(text, start + 1)
        ms.append(Mention(art, start, start + len(text), text, label))
    return State.build(ms, texts, cues), ms


def _joined(st: State, a, b) -> bool:
    return st.uf.find(a) == st.uf.find(b)


def test_the_table_types_before_it_joins_and_names_are_unique():
    names = [p.__name__ for p in rp.PASSES]
    assert len(set(names)) == len(names)
    assert rp.PASSES == rp.TYPE_PASSES + rp.LINK_PASSES
    assert names.index("same_name") == len(rp.TYPE_PASSES)
    assert names.index("surname_in_article") < names.index("surname_across_articles")


# ---- type passes

def test_place_after_preposition_retypes_the_town_not_the_spokesman():
    st, ms = _state({"a": "Owen Carrick said firms in Carrick closed. Carrick added more."},
                    [("a", "Owen Carrick", "PERSON"), ("a", "Carrick", "PERSON", 1), ("a", "Carrick", "PERSON", 2)])
    rp.place_after_preposition(st)
    assert ms[1].label == "GPE" and st.nodes[1] == ("thing", "carrick")
    assert ms[2].label == "PERSON" and st.nodes[2][0] == "person"
    assert st.by_prep == {"carrick"} and st.after_prep == {1}
    assert st.retypes == [("", 1, "GPE")]      # called alone: no pass name set by the runner



def test_a_company_named_in_full_elsewhere_types_and_joins_its_one_word():
    # Written for this test: "Halvern" is tagged a person in one report and named "Halvern AG" in another; "Ruska"
    # is the surname of a person named in full, so "Ruska Ltd" leaves the person alone.
    st, ms = _state({"a": "Drugmaker Halvern AG will test the vaccine. Ruska Ltd declined.",
                     "b": "Halvern said the doses were ready. Ida Ruska said so too. Ruska added more."},
                    [("a", "Halvern AG", "ORG"), ("a", "Ruska Ltd", "ORG"), ("b", "Halvern", "PERSON"),
                     ("b", "Ida Ruska", "PERSON"), ("b", "Ruska", "PERSON", 1)])
    rp.company_named_in_full(st)
    assert ms[2].label == "ORG" and st.nodes[2] == ("thing", "halvern")
    assert ms[4].label == "PERSON"
    rp.same_name(st)
    rp.company_short_form(st)
    assert _joined(st, ("thing", "halvern ag"), ("m", 2))

def test_org_in_place_phrase():
    st, ms = _state({"a": "Shelling hit the town of Bucha. Bucha Holdings said nothing."},
                    [("a", "Bucha", "ORG"), ("a", "Bucha Holdings", "ORG")])
    rp.org_in_place_phrase(st)
    assert ms[0].label == "GPE" and ms[1].label == "ORG"
    assert 0 in st.after_prep and "bucha" in st.by_prep


def test_surname_tagged_as_thing_and_not_after_a_preposition():
    st, ms = _state({"a": "Ebrahim Raisi spoke. Raisi, 63, died. Residents of Raisi mourned."},
                    [("a", "Ebrahim Raisi", "PERSON"), ("a", "Raisi", "GPE", 1), ("a", "Raisi", "GPE", 2)])
    rp.place_after_preposition(st)
    rp.surname_tagged_as_thing(st)
    assert ms[1].label == "PERSON" and st.nodes[1][0] == "person" and st.nodes[1][1].startswith("raisi@")
    assert ms[2].label == "GPE"


def test_full_name_tagged_as_org():
    st, ms = _state({"a": "Lionel Ashdown resigned. Ashdown said so."},
                    [("a", "Lionel Ashdown", "ORG"), ("a", "Ashdown", "PERSON", 1)])
    rp.full_name_tagged_as_org(st)
    assert ms[0].label == "PERSON" and st.nodes[0] == ("person", "lionel ashdown")


def test_type_by_majority():
    st, ms = _state({"a": "Reuters reported it.", "b": "Reuters said so.", "c": "Reuters wrote."},
                    [("a", "Reuters", "PERSON"), ("b", "Reuters", "ORG"), ("c", "Reuters", "ORG")])
    rp.type_by_majority(st)
    assert [m.label for m in ms] == ["ORG"] * 3 and set(st.nodes.values()) == {("thing", "reuters")}


def test_surname_tagged_as_org():
    st, ms = _state({"a": "Mark Bly wrote the report. Bly said it was late."},
                    [("a", "Mark Bly", "PERSON"), ("a", "Bly", "ORG", 1)])
    rp.surname_tagged_as_org(st)
    assert ms[1].label == "PERSON" and st.nodes[1] == ("person", rp.article_key("bly", ms[1], gendered=False))


# ---- link passes

def test_same_name_joins_equal_keys_only():
    st, ms = _state({"a": "Karim Khan spoke.", "b": "Prosecutor Karim Khan and Ann Lee spoke."},
                    [("a", "Karim Khan", "PERSON"), ("b", "Prosecutor Karim Khan", "PERSON"),
                     ("b", "Ann Lee", "PERSON")])
    rp.same_name(st)
    assert _joined(st, ("m", 0), ("m", 1)) and not _joined(st, ("m", 0), ("m", 2))


def test_same_name_across_types():
    st, _ = _state({"a": "Marta Ilkov spoke.", "b": "Marta Ilkov wrote."},
                   [("a", "Marta Ilkov", "PERSON"), ("b", "Marta Ilkov", "ORG")])
    st.current = "same_name_across_types"
    rp.same_name_across_types(st)
    assert _joined(st, ("person", "marta ilkov"), ("thing", "marta ilkov"))
    assert st.evidence[("thing", "marta ilkov")] == ("same_name_across_types",
                                                     "'marta ilkov' is tagged a person elsewhere")


def test_acronym_in_parentheses():
    text = "The Coastal Fisheries Authority (CFA) opened an inquiry. The CFA said more."
    st, _ = _state({"a": text}, [("a", "Coastal Fisheries Authority", "ORG"), ("a", "CFA", "ORG", 1)],
                   cues=[{"kind": "acronym", "article": "a", "start": 4, "end": 31, "value": "CFA"}])
    rp.acronym_in_parentheses(st)
    assert _joined(st, ("thing", "coastal fisheries authority"), ("thing", "cfa"))


def test_surname_in_article_only_inside_its_article():
    st, _ = _state({"a": "Karim Haddad spoke. Haddad left.", "b": "Haddad arrived."},
                   [("a", "Karim Haddad", "PERSON"), ("a", "Haddad", "PERSON", 1), ("b", "Haddad", "PERSON")])
    run(st, (rp.surname_in_article,))
    assert _joined(st, ("person", "karim haddad"), ("m", 1)) and not _joined(st, ("person", "karim haddad"), ("m", 2))
    assert st.evidence[("person", "karim haddad")][0] == "surname_in_article"
    assert st.merges == [("surname_in_article", ("person", "karim haddad"), ("m", 1))]
    assert st.readings.unlinked == [2]


def test_spelling_variant_by_skeleton():
    st, _ = _state({"a": "Kareem Khan spoke.", "b": "Karim Khan spoke.", "c": "Karen Khan spoke."},
                   [("a", "Kareem Khan", "PERSON"), ("b", "Karim Khan", "PERSON"), ("c", "Karen Khan", "PERSON")])
    rp.spelling_variant(st)
    assert _joined(st, ("person", "kareem khan"), ("person", "karim khan"))
    assert not _joined(st, ("person", "karen khan"), ("person", "karim khan"))


def _petrovs():
    # Article a: Anna is the only Petrov and is "Ms Petrov"; article b names both and says "Mr Petrov" with no
    # pronoun to tell them apart.
    return _state({"a": "Anna Petrov testified. Ms Petrov left.",
                   "b": "Anna Petrov and Ivan Petrov came. Mr Petrov spoke."},
                  [("a", "Anna Petrov", "PERSON"), ("a", "Ms Petrov", "PERSON"), ("b", "Anna Petrov", "PERSON"),
                   ("b", "Ivan Petrov", "PERSON"), ("b", "Mr Petrov", "PERSON")])


def test_honorific_elsewhere_picks_the_other_petrov():
    st, _ = _petrovs()
    assert [i for i, _ in st.readings.ambiguous] == [4]
    run(st, (rp.same_name, rp.surname_in_article, rp.honorific_elsewhere))
    assert _joined(st, ("m", 4), ("m", 3)) and not _joined(st, ("m", 4), ("m", 0))
    assert st.evidence[("m", 4)][0] == "honorific_elsewhere"
    # Without it, "Mr Petrov" stays apart from both.
    st, _ = _petrovs()
    run(st, (rp.same_name, rp.surname_in_article))
    assert not _joined(st, ("m", 4), ("m", 3)) and not _joined(st, ("m", 4), ("m", 0))


def test_surname_across_articles_needs_shared_context():
    st, _ = _state({"a": "Karim Haddad of the ICC spoke.", "b": "The ICC said Haddad left.", "c": "Haddad won."},
                   [("a", "Karim Haddad", "PERSON"), ("a", "ICC", "ORG"), ("b", "ICC", "ORG"),
                    ("b", "Haddad", "PERSON"), ("c", "Haddad", "PERSON")])
    rp.surname_across_articles(st)
    assert _joined(st, ("person", "karim haddad"), ("m", 3))
    assert not _joined(st, ("person", "karim haddad"), ("m", 4))


def test_one_word_name_joins_across_articles_when_no_full_name_ends_with_it():
    st, _ = _state({"a": "Mokom spoke.", "b": "Mokom left.", "c": "Haddad won. Karim Haddad", "d": "Haddad lost."},
                   [("a", "Mokom", "PERSON"), ("b", "Mokom", "PERSON"), ("c", "Haddad", "PERSON"),
                    ("c", "Karim Haddad", "PERSON"), ("d", "Haddad", "PERSON")])
    rp.one_word_name(st)
    assert _joined(st, ("m", 0), ("m", 1)) and not _joined(st, ("m", 2), ("m", 4))


def test_one_word_prefix_and_not_a_town():
    st, _ = _state({"a": "Halvern Systems said Halvern would appeal.",
                    "b": "The Kestrow District Court sat in Kestrow. Kestrow ruled."},
                   [("a", "Halvern Systems", "ORG"), ("a", "Halvern", "ORG", 1), ("b", "Kestrow District Court", "ORG"),
                    ("b", "Kestrow", "GPE", 1), ("b", "Kestrow", "ORG", 2)])
    rp.one_word_prefix(st)
    assert _joined(st, ("thing", "halvern systems"), ("m", 1))
    assert not _joined(st, ("thing", "kestrow district court"), ("m", 4))


def test_x_of_y_and_its_one_word_head():
    st, _ = _state({"a": "The High Court of Marenburg sat.", "b": "The High Court ruled.",
                    "c": "The Board of River Wardens met Ann Lee.", "d": "The Board said Ann Lee was right.",
                    "e": "The Board voted."},
                   [("a", "High Court of Marenburg", "ORG"), ("b", "High Court", "ORG"),
                    ("c", "Board of River Wardens", "ORG"), ("c", "Ann Lee", "PERSON"), ("d", "Board", "ORG"),
                    ("d", "Ann Lee", "PERSON"), ("e", "Board", "ORG")])
    rp.x_of_y(st)
    assert _joined(st, ("thing", "high court of marenburg"), ("thing", "high court"))
    assert not _joined(st, ("thing", "board of river wardens"), ("m", 4))
    rp.one_word_x_of_y(st)
    assert _joined(st, ("thing", "board of river wardens"), ("m", 4))
    assert not _joined(st, ("thing", "board of river wardens"), ("m", 6))


def test_acronym_initials_needs_one_expansion():
    st, _ = _state({"a": "The International Criminal Court sat.", "b": "The ICC ruled. The WHO and the World "
                    "Health Organisation and the Wide Hope Order met."},
                   [("a", "International Criminal Court", "ORG"), ("b", "ICC", "ORG"), ("b", "WHO", "ORG"),
                    ("b", "World Health Organisation", "ORG"), ("b", "Wide Hope Order", "ORG")])
    rp.acronym_initials(st)
    assert _joined(st, ("thing", "international criminal court"), ("thing", "icc"))
    assert not _joined(st, ("thing", "who"), ("thing", "world health organization"))


# ---- the sieve with a pass switched off

def _without(*names: str):
    return tuple(p for p in rp.PASSES if p.__name__ not in names)


def test_switching_off_surname_in_article_leaves_the_bare_surname_apart():
    def ents(passes):
        ms = [Mention("a", 0, 12, "Karim Haddad", "PERSON"), Mention("a", 20, 26, "Haddad", "PERSON")]
        out = resolve(ms, passes=passes)
        return {e.name: e for e in out}, ms

    whole, ms = ents(rp.PASSES)
    assert set(whole) == {"Karim Haddad"} and ms[0].entity == ms[1].entity
    assert "surname 'haddad' and the full name in the same article" in whole["Karim Haddad"].evidence
    cut, ms = ents(_without("surname_in_article"))
    assert set(cut) == {"Karim Haddad", "Haddad"} and ms[0].entity != ms[1].entity


def test_switching_off_place_after_preposition_makes_the_town_the_spokesman():
    text = "Owen Carrick said firms in Carrick closed."

    def ents(passes):
        ms = [Mention("a", 0, 12, "Owen Carrick", "PERSON"), Mention("a", 27, 34, "Carrick", "PERSON")]
        return {e.name: e.type for e in resolve(ms, texts={"a": text}, passes=passes)}

    assert ents(rp.PASSES) == {"Owen Carrick": "person", "Carrick": "place"}
    assert ents(_without("place_after_preposition")) == {"Owen Carrick": "person"}


def test_a_name_the_tagger_cut_to_its_tail_is_the_full_name():
    # Written for this test: "Vardo Spirit" is tagged in full in one report and only as "Spirit" in another,
    # though the text writes the whole name; a bare "Spirit" with no name before it stays apart.
    texts = {"a": "The Vardo Spirit ferry sank off Kestrow.", "b": "Divers reached the Vardo Spirit ferry.",
             "c": "Spirit Airlines cancelled flights."}
    st, ms = _state(texts, [("a", "Vardo Spirit", "ORG"), ("b", "Spirit", "ORG"), ("c", "Spirit", "ORG")])
    rp.name_cut_by_the_tagger(st)
    rp.same_name(st)
    assert _joined(st, ("m", 0), ("m", 1))
    assert not _joined(st, ("m", 0), ("m", 2))


def test_a_rank_picks_the_one_full_name_written_with_it():
    # Written for this test: two Vidars in one report; "President Vidar" is the one written "President Ole Vidar".
    texts = {"a": "President Ole Vidar spoke. His son Tor Vidar stayed home. President Vidar left."}
    st, ms = _state(texts, [("a", "President Ole Vidar", "PERSON"), ("a", "Tor Vidar", "PERSON"),
                            ("a", "President Vidar", "PERSON")])
    rp.same_name(st)
    rp.rank_picks_one(st)
    assert _joined(st, ("m", 0), ("m", 2)) and not _joined(st, ("m", 1), ("m", 2))
    texts = {"a": "Ole Vidar spoke. Tor Vidar stayed home. Mr Vidar left."}
    st, ms = _state(texts, [("a", "Ole Vidar", "PERSON"), ("a", "Tor Vidar", "PERSON"), ("a", "Mr Vidar", "PERSON")])
    rp.same_name(st)
    rp.rank_picks_one(st)
    assert not _joined(st, ("m", 0), ("m", 2)) and not _joined(st, ("m", 1), ("m", 2))
