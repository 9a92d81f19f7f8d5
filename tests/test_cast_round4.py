"""Cast error classes, fourth round (issue 13): one test per class, on sentences written for these tests.

Found by reading the cast errors of the 44 development articles (``bench/real_bench.py --labels
bench/data/real --errors``), then checked on set E; see docs/cast.md, round 4. Every name here is made up."""
from __future__ import annotations

from test_cast_round3 import _resolved, _resolved_in


# -- over-joins --------------------------------------------------------------------------------------------------

def test_a_country_of_the_gazetteer_is_no_short_form_of_a_longer_place():
    # "Peru" beside "Peru City" in one article: the country and the city stay two places
    got = _resolved_in("Flights to Peru City resumed. Peru said the outbreak was over, and Peru City reopened.",
                       tags={"Peru City": "GPE", "Peru": "GPE"})
    assert got[(0, "Peru")] == "Peru" and got[(0, "Peru City")] == "Peru City"
    # a place the gazetteer does not hold still shortens its longer name (a river, a valley)
    # a US state of the gazetteer neither ("Texas" / "Texas City")
    got = _resolved_in("Texas City was hit, and Texas sent help.", tags={"Texas City": "GPE", "Texas": "GPE"})
    assert got[(0, "Texas")] == "Texas"
    got = _resolved_in("Boats crossed the Tarnwick River. The Tarnwick was high.",
                       tags={"Tarnwick River": "LOC", "Tarnwick": "LOC"})
    assert got[(0, "Tarnwick")] == "Tarnwick River"


def test_an_abbreviation_written_in_lower_case_is_no_acronym():
    # "Mw." after a town is a state's abbreviation, not the initials of a "Marrow Wetlands" of another article
    got = _resolved([("Marrow Wetlands", "LOC")], [("Mw.", "GPE")])
    assert got["Mw."] == "Mw."
    # an acronym in capitals still joins the name its initials spell
    got = _resolved([("Marrow Wetlands", "LOC")], [("MW", "LOC")])
    assert got["MW"] == "Marrow Wetlands"


# -- splits ------------------------------------------------------------------------------------------------------

def _resolved_cues(*texts: str) -> dict[tuple[int, str], str]:
    """Each name's entity name, as a build finds them (model, judges, cues, resolution)."""
    from test_cast_classes import _cast
    ents, ms = _cast(*texts)
    names = {e.id: e.name for e in ents}
    return {(int(m.article[1:]), m.text): names.get(m.entity) for m in ms}


def test_an_acronym_given_after_a_comma_and_or_joins_the_name():
    # (an acronym that is not the initials, so that only the ", or" can join it)
    got = _resolved_cues("The suit was brought by the Southlake Transit Authority, or SOTA, which runs the "
                         "buses. The SOTA declined to comment.")
    assert got[(0, "SOTA")] == "Southlake Transit Authority"
    got = _resolved_cues("The suit was brought by the Southlake Transit Authority, which runs the buses. "
                         "The SOTA declined to comment.")
    assert got.get((0, "SOTA")) != "Southlake Transit Authority"
    # capitals that the name does not spell are another name, not its acronym
    from storyline import profile
    assert profile._spells("LRTA", "Lakeland Regional Transit Authority")
    assert profile._spells("CDC", "U.S. Centers for Disease Control and Prevention")
    assert not profile._spells("BKX", "Lakeland Regional Transit Authority")
    assert not profile._spells("TRA", "Lakeland Regional Transit Authority")


def test_a_ministry_named_either_way_round_is_one_body():
    got = _resolved([("Department of the Coast", "ORG")], [("Coast Department", "ORG")])
    assert got["Coast Department"] == got["Department of the Coast"]
    got = _resolved([("Ministry of Harbours", "ORG"), ("Harbours Ministry", "ORG")])
    assert got["Harbours Ministry"] == got["Ministry of Harbours"]
    # another body's "of" stays apart
    got = _resolved([("Department of the Coast", "ORG")], [("Coast Authority", "ORG")])
    assert got["Coast Authority"] != got["Department of the Coast"]


def test_a_ministry_named_by_its_field_alone_in_its_article():
    got = _resolved([("Coastal Security", "ORG"), ("Department of Coastal Security", "ORG")])
    assert got["Coastal Security"] == "Department of Coastal Security"
    # not across articles: another article's "Coastal Security" may be a firm's
    got = _resolved([("Coastal Security", "ORG")], [("Department of Coastal Security", "ORG")])
    assert got["Coastal Security"] == "Coastal Security"


def test_a_surname_with_the_same_rank_in_two_articles_is_one_person():
    arts = ([("Ada Halloran", "PERSON"), ("Senator Halloran", "PERSON")],
            [("Senator Halloran", "PERSON"), ("Halloran", "PERSON")])
    got = _resolved(*arts)
    assert got["Halloran"] == "Ada Halloran"
    # a courtesy title is given to anyone: no join on "Mr" alone
    got = _resolved([("Piet Halloran", "PERSON"), ("Mr Halloran", "PERSON")], [("Mr Halloran", "PERSON")])
    assert set(got.values()) != {"Piet Halloran"}


def test_a_city_still_shortens_its_name_with_a_lower_case_noun():
    got = _resolved_in("Crowds filled Lima airport on Friday, and Lima was calm.",
                       tags={"Lima airport": "FAC", "Lima": "GPE"})
    # one entity; since the eighth session it is named by the bare place (a lower-case noun after a place's name
    # names a thing at it: test_cast_round5)
    assert got[(0, "Lima")] == got[(0, "Lima airport")] == "Lima"


# -- fragments ---------------------------------------------------------------------------------------------------

def _cut(texts: dict[str, str], tagged: list[tuple[str, str, str]]) -> list[tuple[str, str]]:
    from storyline.model import Mention
    from storyline.resolve import _cut_run_ons
    ms = [Mention(a, texts[a].index(t), texts[a].index(t) + len(t), t, lab) for a, t, lab in tagged]
    _cut_run_ons(ms, texts)
    return [(m.text, m.label) for m in ms]


def test_a_line_run_into_the_next_is_cut_on_the_corpus_evidence():
    texts = {"a0": "Follow the paper on Talvor Latest news and views from our desk.",
             "a1": "The latest figures came from Talvor, which said so."}
    got = _cut(texts, [("a0", "Talvor Latest", "PERSON"), ("a1", "Talvor", "ORG")])
    assert got[0] == ("Talvor", "ORG")
    # a country of the gazetteer needs no other mention; it is a place
    texts = {"a0": "Ships may carry the oil to Chile Scientists at the institute say so.",
             "a1": "Scientists and scientists alike."}
    assert _cut(texts, [("a0", "Chile Scientists", "LOC")])[0] == ("Chile", "GPE")


def test_a_name_whose_last_word_is_no_common_word_or_is_written_twice_stays():
    # the last word is never written in lower case
    texts = {"a0": "Follow the paper on Talvor Quay where boats dock.", "a1": "Talvor said so."}
    assert _cut(texts, [("a0", "Talvor Quay", "GPE"), ("a1", "Talvor", "ORG")])[0] == ("Talvor Quay", "GPE")
    # written twice: a name
    texts = {"a0": "The Talvor Latest team says latest news is good. Talvor Latest staff agree.",
             "a1": "Talvor said so."}
    assert _cut(texts, [("a0", "Talvor Latest", "ORG"), ("a1", "Talvor", "ORG")])[0] == ("Talvor Latest", "ORG")
    # a body's head noun ends names
    texts = {"a0": "He joined the Talvor Police last year; police say so.", "a1": "Talvor said so."}
    assert _cut(texts, [("a0", "Talvor Police", "ORG"), ("a1", "Talvor", "GPE")])[0] == ("Talvor Police", "ORG")
    # a school's or a company's last word; a feature noun after the word
    texts = {"a0": "Boys at The Hall School in Belsize caught it; the school shut.", "a1": "Mr Hall said so."}
    assert _cut(texts, [("a0", "Hall School", "ORG"), ("a1", "Hall", "PERSON")])[0] == ("Hall School", "ORG")
    texts = {"a0": "The investor Tolvane Holdings on Thursday denied it; its holdings grew.", "a1": "Tolvane said so."}
    assert _cut(texts, [("a0", "Tolvane Holdings", "ORG"), ("a1", "Tolvane", "ORG")])[0] == \
        ("Tolvane Holdings", "ORG")
    texts = {"a0": "Oil reached the Peru Gulf coast; the gulf is wide.", "a1": "Peru said so."}
    assert _cut(texts, [("a0", "Peru Gulf", "LOC"), ("a1", "Peru", "GPE")])[0] == ("Peru Gulf", "LOC")
    # the next word capitalised or a stop: no run-on to see
    texts = {"a0": "Follow the paper on Talvor Latest. The latest is good.", "a1": "Talvor said so."}
    assert _cut(texts, [("a0", "Talvor Latest", "ORG"), ("a1", "Talvor", "ORG")])[0] == ("Talvor Latest", "ORG")


def test_a_us_states_abbreviation_joins_the_state_another_article_names():
    tags = {"Florida": "GPE", "Fla.": "GPE", "Kestrow": "GPE", "Halden": "GPE", "Tex": "PERSON", "Texas": "GPE"}
    got = _resolved_in("The oil may reach Florida within days, and Texas is bracing.",
                       "Kestrow, Fla.: What is a top kill? Halden, Tex.: Who pays?", tags=tags)
    assert got[(1, "Fla.")] == "Florida"
    assert got[(1, "Tex")] == "Texas"
    # a standard abbreviation names its state though the corpus never writes the state (since the thirteenth
    # session: tests/test_cast_round7.py); a place that is no state stays as written ("Hn." for "Halden")
    got = _resolved_in("Kestrow, Fla.: What is a top kill?", "Halden is calm.", "Kestrow, Hn.: Who pays?",
                       tags={**tags, "Hn.": "GPE"})
    assert got[(0, "Fla.")] == "Florida" and got[(2, "Hn.")] == "Hn."
    # a name after no town is no abbreviation
    got = _resolved_in("The oil may reach Florida within days.", "Fla. is where it was.", tags=tags)
    assert got[(1, "Fla.")] == "Fla."
    # a state's abbreviation is no city's acronym: "La." after a town stays apart from "LA" of "Lake Arden"
    got = _resolved_in("Crews flew from Lake Arden to LA and back.", "The Louisiana coast is oiled.",
                       "Kestrow, La.: Who pays?", tags={"Lake Arden": "GPE", "LA": "GPE", "Louisiana": "GPE",
                                                       "La.": "GPE", "Kestrow": "GPE"})
    assert got[(2, "La.")] == "Louisiana" and got[(0, "LA")] == "Lake Arden"
    # the full stop outside the span, and a dateline's capitals ("KESTROW, LA. -") are the same abbreviation
    got = _resolved_in("Crews flew from Lake Arden to LA and back.", "The Louisiana coast is oiled.",
                       "Boats in Chandel Sound, La.. More came.", "KESTROW, LA. - The well leaks.",
                       tags={"Lake Arden": "GPE", "LA": "GPE", "Louisiana": "GPE", "La": "GPE", "KESTROW": "GPE"})
    assert got[(2, "La")] == "Louisiana" and got[(3, "LA")] == "Louisiana" and got[(0, "LA")] == "Lake Arden"


def test_a_nationality_tagged_into_a_full_name_is_cut():
    from test_cast_round2 import _span
    assert _span("The body was identified as that of Briton Ada Marsh, from Essex.", "Briton Ada Marsh",
                 "PERSON") == [("Ada Marsh", "PERSON")]
    assert _span("The body was identified as that of Haitian Ada Marsh, from Essex.", "Haitian Ada Marsh",
                 "PERSON") == [("Ada Marsh", "PERSON")]
    # a full name without a given name after the nationality word is left as tagged
    assert _span("The body was identified as that of Briton Marsh Kell, from Essex.", "Briton Marsh Kell",
                 "PERSON") == [("Briton Marsh Kell", "PERSON")]
    # and the noun alone names no one
    assert _span("She was the second Briton to die in the quake.", "Briton", "PERSON") == [("Briton", "NORP")]
    # a nation's unit whose first word is also a given name is no person ("Long-Range", "Aviation")
    assert _span("Bombers of the Peruvian Long-Range Aviation flew by.", "Peruvian Long-Range Aviation", "PERSON") != \
        [("Long-Range Aviation", "PERSON")]
