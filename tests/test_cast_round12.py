"""Error classes of the nineteenth session (issue 13), read off the development sets' cast errors.

- A body whose name ends in a list ("Department for Culture, Media and Sport"): the model cut it at the first comma
  and made the list's words names of their own.

Every name here is made up or generic."""
from __future__ import annotations

import pytest

from storyline.nlp import get_nlp


def _ents(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in get_nlp()(text).ents]


@pytest.mark.parametrize("text, name", [
    ("A spokesman for the Department for Culture, Media and Sport declined to comment.",
     "Department for Culture, Media and Sport"),
    ("Ivo Rask, director of the Bureau of Seed Safety, Soil Health and Crop Diseases, said the grain was safe.",
     "Bureau of Seed Safety, Soil Health and Crop Diseases"),
    ("The Office of Fisheries, Wildlife, and Parks opened an inquiry on Monday.",
     "Office of Fisheries, Wildlife, and Parks"),
])
def test_a_bodys_name_that_ends_in_a_list_is_one_name(text, name):
    got = _ents(text)
    assert any(n.endswith(name) for n, _ in got), got
    words = name.split(" of ")[-1].split(" for ")[-1].replace(",", "").replace(" and ", " ").split()
    assert not any(n in words or n in " ".join(words) for n, _ in got if not n.endswith(name)), got


@pytest.mark.parametrize("text", [
    "Officials of the Ministry of Health, Oxfam and Save the Children met in Geneva on Monday.",
    "The Department of Health, the Red Cross and Unicef signed the appeal.",
])
def test_a_list_of_bodies_after_a_body_is_not_joined_to_it(text):
    got = [n for n, _ in _ents(text)]
    assert not any("," in n for n in got), got


def test_bodies_listed_after_a_body_stay_apart():
    # (the model itself may run "Ministry of Defence, Foreign Office" together; the list rule adds nothing to it)
    got = [n for n, _ in _ents("The Ministry of Defence, Foreign Office and Home Office said the talks would go on.")]
    assert "Home Office" in got, got



# -- cues of a name's type (cast_types) ------------------------------------------------------------------------------
from storyline import cast_types, nlp as _nlp  # noqa: E402
from storyline.model import Article  # noqa: E402
from test_cast_round11 import _cues, _types  # noqa: E402  (the words around a name; a build's cast types)


@pytest.mark.parametrize("text, name", [
    ("Analysts praised Harbour Goods's (HBG) ad with a talking crab.", "Harbour Goods"),
    ("Shares of Tarn Mobile (TRNM) rose 4 percent on Friday.", "Tarn Mobile"),
])
def test_a_ticker_in_brackets_after_a_name_makes_it_a_company(text, name):
    assert "organization" in _cues(text, name)


@pytest.mark.parametrize("after, name", [
    (" (VRA) sent tents.", "Veldra Relief Agency"),     # an acronym of the name itself
    (" (D) voted against it.", "Ada Marsh"),            # a party's letter, not a ticker
    (" (UAE) said on Monday", "United Arab Emirates"),
    (" (CNN) -- Hours before the vote", "Halvor"),     # a wire's credit after its dateline
    (" (AFP) reported on Monday", "Veldra"),
])
def test_an_acronym_or_a_party_letter_in_brackets_is_no_ticker(after, name):
    assert not cast_types._ticker_after(after, name)
    assert cast_types._ticker_after(" (TRNM) rose", "Tarn Mobile")


@pytest.mark.parametrize("text, name", [
    ("Companies paid $3m for spots during this year's Harvest Bowl.", "Harvest Bowl"),
    ("Tickets for last year's Marnfest sold out in an hour.", "Marnfest"),
])
def test_this_years_name_is_an_event(text, name):
    assert "other" in _cues(text, name)


def test_a_name_before_fault_is_a_place():
    text = "Seismic data suggest the quake struck on the Varrow-Kessel fault in the south."
    assert "place" in _cues(text, "Varrow-Kessel")


def test_a_one_word_name_listed_among_full_names_of_people_is_a_person():
    text = ("Cheryl Vance, Alexandra Burke, Zelka, James Morrow and Susan Boyle have all passed through the studio. "
            "Tuesday began with Zelka arriving fresh from France to sing.")
    assert _types(text).get("Zelka") == "person", _types(text)
    assert "person" in _cues(text, "Zelka")
    # Not among bodies or places, and not from one name beside it.
    assert "person" not in _cues("Talks between Veldra, Hamza and Ada Marsh ended.", "Hamza")
    assert "person" not in _cues("Oxfam, Save the Children and Christian Aid sent tents.", "Oxfam")
    # A place after a preposition inside a list of people is no item of it.
    text = "Reporting by Ada Ek from Varnholm, Ola Brekke and Ivo Lund in Kelby."
    assert "person" not in _cues(text, "Varnholm")


# -- a page's stamp in the paragraph under its headline (ingest) ----------------------------------------------------
def test_a_stamp_in_the_paragraph_under_the_headline_ends_the_page_top():
    from storyline.ingest.clean import Para
    from storyline.ingest.split import headline_runon
    paras = [Para("Tarn harbour: will the spill sink the old port?", "heading"),
             Para("Mud-smeared logos and boycotts show deep anger over the handling of the slick Wednesday 2 June "
                  "2010 17.37 BST Crosses erected this week on Tarn Isle flag up the damage from the rig spill."),
             Para("At a service station in Kelby the company's logo has been smeared with mud.")]
    out = headline_runon(paras)
    assert [p.text for p in out if p.kind != "heading"][0].startswith("Crosses erected"), [(p.kind, p.text) for p in out]
    assert any(p.kind == "heading" and p.text.startswith("Mud-smeared") for p in out)
    # Without a stamp the paragraph under a heading is left as it is.
    plain = [paras[0], Para("Anger grows over the handling of the slick Crosses were erected on Tarn Isle."), paras[2]]
    assert [(p.kind, p.text) for p in headline_runon(plain)] == [(p.kind, p.text) for p in plain]
    # A short first line that is no heading yet (a question headline) becomes one when a stamp follows under it.
    asked = [Para(paras[0].text)] + paras[1:]
    assert [p.kind for p in headline_runon(asked)][:4] == ["heading", "heading", "heading", "body"]


# -- roles read with their complement or from the predicate (profile) -----------------------------------------------
def _roles(text: str, name: str) -> list[str]:
    from storyline import profile
    a = Article("a1", "a1.txt", text=text)
    doc = next(_nlp.parse([text]))
    sents = _nlp.sentences(a, doc)
    ms = [m for m in _nlp.mentions(a, doc, sents) if name in m.text]
    return [c["value"] for c in profile.cues(a, doc, ms) if c["kind"] == "role"]


def test_a_title_keeps_the_place_or_body_after_the_name():
    assert "Mayor of Tarnholm" in _roles("Mayor Anna Berg of Tarnholm described the flood as the worst in memory.",
                                          "Anna Berg")
    assert "Governor of the Veldra Province" in _roles(
        "Governor Peter Brandt of the Veldra Province flew over the flooded valley on Monday.", "Peter Brandt")


@pytest.mark.parametrize("text, name, role", [
    ("Peter Brandt has been elected mayor of Port Kessel after a bitter campaign.", "Peter Brandt",
     "mayor of Port Kessel"),
    ("Ola Brekke was appointed chief executive of Tarn Shipping in March.", "Ola Brekke", "chief executive of Tarn Shipping"),
    ("Ivo Lund became president of the Veldra Rowing Club last year.", "Ivo Lund", "president of the Veldra Rowing Club"),
])
def test_a_role_given_by_election_or_appointment_is_read(text, name, role):
    assert role in _roles(text, name)


def test_no_role_from_a_predicate_that_is_not_an_office():
    assert _roles("Ivo Lund became a problem for the club last year.", "Ivo Lund") == []
    assert _roles("Vera Lusk was named in the report.", "Vera Lusk") == []


def test_a_persons_noun_opening_the_sentence_is_a_role_not_part_of_the_name():
    text = ("The winner came late. Striker Jonas Veldt, 22, who joined in January, curled his shot into the corner. "
            "Veldt said it was the best goal of his life.")
    types = _types(text)
    assert "Jonas Veldt" in types and not any(n.startswith("Striker") for n in types), types
    assert "Striker" in _roles(text, "Jonas Veldt") or "striker" in [r.lower() for r in _roles(text, "Jonas Veldt")]


@pytest.mark.parametrize("text, name", [
    ("Attorney General Eric Holder said the inquiry would go on.", "Attorney General Eric Holder"),
    ("Spokeswoman Sheila Warner said the plant was safe.", "Sheila Warner"),
])
def test_a_title_opening_the_sentence_is_not_cut_as_a_persons_noun(text, name):
    assert any(n.endswith(name) or name.endswith(n) and len(n.split()) >= 2 for n, _ in _ents(text)), _ents(text)
    assert not any(n.startswith("General") for n, _ in _ents(text))


def test_a_title_case_headline_ends_before_a_common_word_that_opens_the_lead():
    from storyline.ingest.clean import Para
    from storyline.ingest.split import headline_runon
    top = Para("Flood Waters Reach the Old Town of Kelby Thousands of residents were told to leave their homes on "
               "Monday as the river rose.")
    out = headline_runon([top, Para("The council opened two shelters.")])
    assert [(p.kind, p.text) for p in out][:2] == [("heading", "Flood Waters Reach the Old Town of Kelby"),
                                                   ("body", "Thousands of residents were told to leave their homes on "
                                                            "Monday as the river rose.")]
    # In prose, a capitalised word after a name is no break ("... said Ada Marsh Thousands" does not occur; a name
    # before a lower-case word is not a title-case run)
    prose = Para("Officials in Kelby said Thousands of residents had left.")
    assert [p.kind for p in headline_runon([prose])] == ["body"]


def test_a_labelled_caption_run_into_a_paragraph_below_the_top_is_a_heading():
    from storyline.ingest.clean import Para
    from storyline.ingest.split import label_runon
    paras = [Para("Nine people have died in the Kelby outbreak, officials said on Monday."),
             Para("Tarnia: one death, at least 40 confirmed cases The Tarnian boy had arrived in Kelby on 4 April and "
                  "fell ill four days later, the health ministry said."),
             Para("Officials said: the clinic will reopen on Friday. The mayor agreed.")]
    out = label_runon(paras)
    assert [(p.kind, p.text[:30]) for p in out] == [
        ("body", "Nine people have died in the K"),
        ("heading", "Tarnia: one death, at least 40"),
        ("body", "The Tarnian boy had arrived in"),
        ("body", "Officials said: the clinic wil")]
    assert out[1].text == "Tarnia: one death, at least 40 confirmed cases"
    # a photo credit is left to the credit rules; a quotation after the label is a speaker's, not a caption
    for text in ['Photograph: Ada Marsh/Wire The harbour was closed on Monday.',
                 'Mayor Berg: "This is good news" The council voted on Monday.',
                 "HOST: Let's say Plan A failed, the bigger dome is next.",      # "Plan A" is one name
                 "Gallery: Protesters on the streets of Kelby As the plan succeeded, crowds grew."]:
        assert [p.kind for p in label_runon([paras[0], Para(text)])] == ["body", "body"]


@pytest.mark.parametrize("text", [
    "Haitian Social Affairs Minister Yves Christallin was quoted as saying the children were taken.",
    "Veldran Foreign Affairs Minister Lars Holm said the embassy would stay open.",
])
def test_a_portfolio_before_a_ministers_title_is_no_body(text):
    got = _mentions(text)
    assert not any(n.endswith("Affairs") for n, _ in got), got
    assert any(label == "PERSON" for _, label in got), got


def test_a_body_before_a_title_stays():
    assert ("Home Office", "ORG") in _mentions("Officials said Home Office Minister Ada Marsh would visit on Monday.")
    # and a body named for its portfolio, with no title after it
    assert ("Department of Foreign Affairs", "ORG") in _mentions(
        "Officials from the Department of Foreign Affairs said the embassy would reopen.")


def _mentions(text: str) -> list[tuple[str, str]]:
    a = Article("a1", "a1.txt", text=text)
    doc = next(_nlp.parse([text]))
    return [(m.text, m.label) for m in _nlp.mentions(a, doc, _nlp.sentences(a, doc))]
