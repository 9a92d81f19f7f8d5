"""The cast's error classes (issue 13), one test per class, on sentences written for these tests."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from storyline import nlp, profile
from storyline.model import Article
from storyline.resolve import resolve

SRC = Path(__file__).resolve().parents[1] / "src" / "storyline"


def _cast(*texts: str):
    arts = [Article(f"a{i}", f"a{i}.txt", t) for i, t in enumerate(texts)]
    ms, cues = [], []
    for a, doc in zip(arts, nlp.parse(a.text for a in arts)):
        m = nlp.mentions(a, doc, nlp.sentences(a, doc))
        ms += m
        cues += profile.cues(a, doc, m)
    ents = resolve(ms, texts={a.id: a.text for a in arts}, cues=cues)
    return ents, ms


def _names(ents) -> dict[str, str]:
    return {e.name: e.type for e in ents}


def test_no_test_corpus_names_in_code_and_gazetteer_has_provenance():
    code = "".join((SRC / f).read_text() for f in ("nlp.py", "resolve.py", "resolve_passes.py"))
    for name in ("Independent Oversight Mechanism", "Assembly of States Parties", "Appeals Chamber", '"IOM"',
                 "KNOWN_PLACES"):
        assert name not in code
    data = json.loads((SRC / "data" / "places.json").read_text())
    assert "bench/make_places.py" in data["provenance"]["generator"]
    assert len(data["countries"]) > 200 and len(data["cities"]) > 1000
    # A capital the model may tag as a person is a place, from the gazetteer, for any country.
    ents, _ = _cast("Ouagadougou has rejected the proposal, and Lilongwe said it would wait.")
    assert all(t == "place" for n, t in _names(ents).items() if n in ("Ouagadougou", "Lilongwe"))
    ents, _ = _cast("The judges met in The Hague on Monday and flew back from the Hague on Friday.")
    assert _names(ents).get("The Hague") == "place"


def test_fragments_of_longer_names_and_mastheads_are_not_entities():
    ents, _ = _cast(
        "The claim first appeared on Kyivpost.COM before Reuters picked it up.\n\n"
        "Finance Minister Olga Brandt met Transport Minister Per Nyman, and Parliament speaker Ivo Kask joined.\n\n"
        "The court said the Court would rule in May. Critics hoped it would turn the West against the plan.\n\n"
        "He wrote to Norway’s Office of the Auditor General. The MoJ understands the file was sent.\n\n"
        "Reporters questioned Swedish Children's Ombudsman Elin Strand.")
    names = set(_names(ents))
    for frag in ("COM", "Kyivpost", "Finance", "Transport", "Parliament", "Court", "West", "Norway’s Office", "MoJ",
                 "Swedish Children"):
        assert frag not in names, frag
    assert "Reuters" in names and "Office of the Auditor General" in names and "Norway" in names
    assert "Elin Strand" in names


def test_types_from_the_evidence_of_mentions():
    ents, _ = _cast(
        "Investigators returned to the town of Zhytomyrka, where residents buried the dead. "
        "Finnish and Estonian officials said the Helsinki Accord had been broken. "
        "The warrant named Northern Fleet Commander Ivanov and Russian Strategic Aviation Commander Petrenko.")
    types = _names(ents)
    assert types.get("Zhytomyrka") == "place"
    assert "Finnish" not in types and "Estonian" not in types
    assert "Helsinki Accord" not in types          # a treaty: spaCy's LAW, outside the cast
    assert types.get("Russian Strategic Aviation") == "organization"
    assert all(t == "person" for n, t in types.items() if n in ("Ivanov", "Petrenko"))


def test_surname_and_country_long_form_merge_variants_kept():
    ents, ms = _cast(
        "President Omid Farahani won the vote. Farahani, 61, promised reform to the Republic of Moldova.\n\n"
        "Officials in Moldova welcomed the result.",
        "Prosecutor Kareem Haddad spoke in Geneva.",
        "Karim Haddad, the prosecutor, spoke in Geneva on Monday.")
    by_alias = {a: e for e in ents for a in e.aliases}
    assert by_alias["Farahani"] is by_alias["Omid Farahani"] and by_alias["Farahani"].type == "person"
    assert by_alias["Moldova"] is by_alias["Republic of Moldova"] and by_alias["Moldova"].name == "Moldova"
    assert any("ISO 3166 long form" in ev for ev in by_alias["Moldova"].evidence)
    assert by_alias["Kareem Haddad"] is by_alias["Karim Haddad"]


def test_the_short_form_of_a_paper_joins_its_full_name():
    ents, _ = _cast("The Oslo Evening Times reported the deal on Monday. The shares fell, the Times said.")
    herald = [e for e in ents if "Times" in e.aliases]
    assert len(herald) == 1 and herald[0].name == "Oslo Evening Times"


@pytest.mark.slow
def test_icc_seed_cast_is_free_of_the_classes(icc_build):
    _result, data, _out = icc_build
    ents = data["entities"]
    names = {e["name"]: e["type"] for e in ents}
    generic = {w for w in nlp.GENERIC_WORDS}
    assert not [n for n in names if n.lower() in generic], "one generic word as a cast member"
    assert not [n for n in names if re.search(r"['’]s\b", n)], "a possessive inside a name"
    assert not [n for n, t in names.items() if t == "place" and nlp.is_demonym(n)]
    russia = [e for e in ents if "Russia" in e["aliases"]]
    assert len(russia) == 1 and len([e for e in ents if "Russian Federation" in e["aliases"]]) <= 1


def test_a_page_timestamp_is_not_part_of_a_name():
    """Scraped wire pages open with a timestamp the model reads as names ("Fri Jun 12" a person, "BST BP" an
    organisation); a clock word alone is still a name ("Mr Sun", "Jan")."""
    _, ms = _cast("ZURICH | Fri Jun 12, 2009 4:45 pm BST BP said on Friday that it would pay the claims.",
                  "Mr Sun told reporters in Oslo that the talks would resume.")
    names = {m.text for m in ms}
    assert "BP" in names and not any(re.search(r"\b(Fri|Jun|BST)\b", n) for n in names)
    assert "Mr Sun" in names or "Sun" in names


def test_a_span_without_a_capital_is_not_a_name():
    from spacy.tokens import Span
    doc = next(nlp.parse(["Scientists found avian flu in plankton near Oslo."]))
    assert nlp._judge(doc, Span(doc, 2, 3, label="GPE")) == []          # "avian" read as a place
    assert nlp._judge(doc, Span(doc, 5, 6, label="LOC")) == []          # "plankton"
    assert [e.text for e in nlp._judge(doc, Span(doc, 7, 8, label="GPE"))] == ["Oslo"]


def test_a_code_of_letters_and_digits_is_no_person_or_place():
    from spacy.tokens import Span
    doc = next(nlp.parse(["Doctors said the H5N1 strain reached Oslo, and A380 flights resumed."]))
    assert [(e.text, e.label_) for e in nlp._judge(doc, Span(doc, 3, 4, label="PERSON"))] == [("H5N1", "PRODUCT")]
    assert [(e.text, e.label_) for e in nlp._judge(doc, Span(doc, 3, 4, label="GPE"))] == [("H5N1", "PRODUCT")]
    assert [(e.text, e.label_) for e in nlp._judge(doc, Span(doc, 9, 10, label="ORG"))] == [("A380", "ORG")]
    ents, _ = _cast("Doctors said the H5N1 strain had reached Oslo.")
    assert "H5N1" not in _names(ents)


def test_a_common_word_capitalised_by_its_place_in_the_sentence_is_no_name():
    # Written for this test: "Pigs" opens a sentence and the article says "pigs" elsewhere; "Halvorsen" opens one
    # too but is never written in lower case, so it stays a name.
    from storyline.nlp import _judge, get_nlp
    from spacy.tokens import Span
    doc = get_nlp()("Farmers in Tarnow culled the pigs on Monday.\nPigs were also moved from two farms.\n"
                    "Halvorsen said the farms would reopen.")
    pigs = next(t for t in doc if t.text == "Pigs")
    assert _judge(doc, Span(doc, pigs.i, pigs.i + 1, label="ORG")) == []
    hal = next(t for t in doc if t.text == "Halvorsen")
    assert _judge(doc, Span(doc, hal.i, hal.i + 1, label="PERSON"))


def test_a_name_headed_by_a_bodys_noun_is_an_organisation():
    # Written for this test: whatever label the model gives them, these names are bodies by their head noun;
    # "Gulf of Vardo" is headed by "Gulf" and stays a place.
    from spacy.tokens import Span

    from storyline.nlp import _judge, get_nlp
    doc = get_nlp()("Scientists at the Vardo Island Sea Lab and the Center for Coastal Recovery met lawyers of "
                    "Halden Rusk LLP in the Gulf of Vardo.")

    def judged(words, label):
        i = next(t.i for t in doc if t.text == words.split()[0])
        return _judge(doc, Span(doc, i, i + len(words.split()), label=label))[0].label_

    assert judged("Vardo Island Sea Lab", "GPE") == "ORG"
    assert judged("Center for Coastal Recovery", "LOC") == "ORG"
    assert judged("Halden Rusk LLP", "PERSON") == "ORG"
    assert judged("Gulf of Vardo", "LOC") == "LOC"


def test_edges_slash_credits_and_outlet_descriptions_are_cut_from_names():
    # Written for this test.
    from spacy.tokens import Span

    from storyline.nlp import _judge, get_nlp
    doc = get_nlp()("Ida Rask ' and the Lofoten - resort - spoke. Photo: Ho/Kestrow Herald\n"
                    "The Talvor news agency said Ida Rask s car was found.")

    def judged(first, n, label):
        i = next(t.i for t in doc if t.text == first)
        return [(x.text, x.label_) for x in _judge(doc, Span(doc, i, i + n, label=label))]

    assert judged("Ida", 3, "PERSON") == [("Ida Rask", "PERSON")]
    assert judged("Lofoten", 2, "LOC") == [("Lofoten", "LOC")]
    ho = next(t.i for t in doc if t.text.startswith("Ho"))
    assert _judge(doc, Span(doc, ho, ho + len(doc[ho:].text.split("\n")[0].split()), label="ORG")) == []
    assert judged("Talvor", 3, "ORG") == [("Talvor", "ORG")]


def test_a_noun_set_before_a_name_says_what_it_is():
    # The small model reads these made-up names as people; the nouns before them say companies, a drug, a rig.
    ents, _ = _cast("European drugmakers Halvexa, Borlind and Tessaro all received the seed strain on Friday. "
                    "Halvexa said the first doses would be ready in autumn.\n\n"
                    "Doctors can prescribe the antiviral Zorvamir. Zorvamir must be inhaled, and Dr Ann Bell said "
                    "Zorvamir worked well.\n\n"
                    "Fire broke out on the drilling rig Sea Lantern on Tuesday. Sea Lantern sank two days later.")
    names = _names(ents)
    assert names["Halvexa"] == "organization"
    # A drug and a rig are named things, not cast members: kept as "other", out of person/org/place.
    assert names["Zorvamir"] == "other" and names["Sea Lantern"] == "other"
    assert names["Ann Bell"] == "person"


def test_a_given_name_with_her_own_possessive_is_a_person():
    ents, ms = _cast("A nurse cared for the son of Evangeline Harcourt-Brisk and her husband on the ward.")
    assert _names(ents)["Evangeline Harcourt-Brisk"] == "person"
    # The mentions follow their entity's type, so that pronoun resolution sees a person.
    assert {m.label for m in ms if m.text == "Evangeline Harcourt-Brisk"} == {"PERSON"}
    from storyline import cast_types
    assert cast_types.has_given_name("Evangeline Harcourt-Brisk") and not cast_types.has_given_name("Sea Lantern")
    # "Morgan ..." opens companies' names too: a given name alone does not make a person of an organisation.
    ents, _ = _cast("Shares of Morgan Halberd rose after Morgan Halberd Inc said profits doubled.")
    assert _names(ents).get("Morgan Halberd Inc", "organization") == "organization"


def test_one_cue_does_not_retype_a_name_written_many_times():
    from collections import Counter
    from storyline.cast_types import retype
    assert retype("place", Counter({"person": 1}), False, size=20) is None      # "in Veldra, who ..."
    assert retype("person", Counter({"other": 1}), False, size=3)[0] == "other"
    assert retype("person", Counter({"organization": 2}), True, size=3) is None   # an honorific or role says person


def test_an_outlet_credit_after_a_dateline_is_not_the_place_acronym():
    ents, _ = _cast("Lakeport, Veldra (AP) -- Crowds gathered in Veldra on Sunday. AP's Ola Berg said they grew.")
    names = _names(ents)
    assert names.get("AP") == "organization" and names.get("Veldra") == "place"


def test_common_words_time_zones_and_cut_suffixes_are_no_cast():
    names = _names(_cast("Quiz answers are due on Friday.\n\nMarks are deducted for lateness. Worldwide, the quiz "
                         "has many fans.")[0])
    assert "Marks" not in names and "Worldwide" not in names
    # A common-noun acronym: defined after lower-case words.
    names = _names(_cast("Engineers lowered a cap onto the blowout preventer (BOP) on the seabed. The BOP had "
                         "failed in April.")[0])
    assert "BOP" not in names
    assert "CDT" not in _names(_cast("The cut was completed at 1930 CDT on Tuesday, and engineers watched.")[0])
    names = _names(_cast("ZURICH (Reuters) - Halvex AG expects a vaccine in September. Halvex said trials would "
                         "start soon.")[0])
    assert "AG" not in names and names["Halvex"] == "organization"
    # A name the article writes capitalised inside a sentence stays, wherever else it opens one.
    assert "Halvex" in _names(_cast("Halvex shares rose on Monday.\n\nAnalysts said Halvex had done well.")[0])



def test_a_dateline_or_a_caption_label_opens_the_text_anew():
    from storyline.nlp import _opens_sentence, get_nlp
    doc = get_nlp()("OSLO, March 7 (Reuters) - Bacteria ate most of the gas from the well. March 5: Divers inspect "
                    "the cap. Officials in Oslo said Bacteria Inc was hired.")
    at = {t.text + str(k): t for k, t in enumerate(doc) if t.text in ("Bacteria", "Divers")}
    opened = [_opens_sentence(doc, t) for t in at.values()]
    assert opened == [True, True, False]     # the dateline's, the caption's, not the mid-sentence name


def test_a_feature_noun_after_a_country_or_a_feature_name_is_not_part_of_a_name():
    names = _names(_cast("Oil reached the US coast on Friday, east of the Veldra River delta, and the Gulf coast "
                         "was closed.")[0])
    assert "US coast" not in names and "Veldra River delta" not in names
    assert "Gulf coast" in names and "Veldra River" in names


def test_a_descriptor_noun_tagged_into_the_name_is_cut_off():
    names = _names(_cast("Dutch bank Halvo said profits fell. Drugmakers Halvex and Borlind said sales doubled. "
                         "Bank of Marenland rates rose.")[0])
    assert names.get("Halvo") == "organization" and names.get("Halvex") == "organization"
    assert "Dutch bank Halvo" not in names and "Drugmakers Halvex" not in names
    assert "Bank of Marenland" in names


def test_places_by_their_head_word_their_route_and_the_place_they_lie_in():
    names = _names(_cast("Oil drifted into the Marrow Current, which flows past the cape. The Marrow Current could "
                         "carry it north.")[0])
    assert names["Marrow Current"] == "place"        # a feature of the sea heads the name
    names = _names(_cast("Flights ran from Lyon to Vellamore, and the ferry from Lisbon to Ostrava Kalne.")[0])
    assert names["Ostrava Kalne"] == "place"         # the other end of a route from a known place
    names = _names(_cast("A patient in Almora in the south-eastern province of Teruel was treated. Ilse Brand, 38, "
                         "from Corvadric in south Leeds, died.")[0])
    assert names["Almora"] == "place" and names["Leeds"] == "place"
    assert names["Ilse Brand"] == "person"           # an age in apposition
    names = _names(_cast("The software was named after the Quellin-Brae ski resort in Canada.")[0])
    assert names["Quellin-Brae"] == "place"


def test_a_prize_is_a_thing_not_a_place():
    assert "Halden Prize" not in _names(_cast("The painter was shortlisted for the Halden Prize last year.")[0])


def test_a_body_speaking_of_its_own_and_a_title_in_capitals():
    from storyline.cast_types import mention_cues
    text = "Brevik said its new plant would open in May."
    assert mention_cues(text, 0, 6) == ["organization"]
    text = "Ada Marsh said it was a mistake."       # "it" may be anything: no cue
    assert mention_cues(text, 0, 9) == []
    assert "MEP" not in _names(_cast("The MEP for the region, Lina Berg, voted against.")[0])


def test_a_possessor_after_a_place_preposition_is_not_the_place():
    # "in Tarvik's office": the preposition governs the office; the name is its owner.
    names = _names(_cast("Owen Tarvik spoke first. Reporters later waited in Tarvik's office for an hour.")[0])
    assert names == {"Owen Tarvik": "person"}


def test_a_nationality_word_comes_from_a_whole_short_country_name():
    from storyline.nlp import is_demonym
    # the short names whole: "Cuban", "Omani"; three letters of a short name are no stem ("Guam" / "Guardian")
    assert is_demonym("Cuban") and is_demonym("Omani") and is_demonym("Iranian") and is_demonym("Ukrainian")
    assert not is_demonym("Guardian") and not is_demonym("Frontier")


@pytest.mark.slow
def test_a_bodys_name_the_model_cut_short_takes_back_its_capitalised_words():
    ents, _ = _cast("The Courier quoted a National Security Council spokesperson as saying the talks were over.\n\n"
                    "On Friday Reuters reported that the council had agreed.")
    names = _names(ents)
    assert "National Security Council" in names and "Security Council" not in names
    # a date word or a sentence opening is no part of the name
    assert "Reuters" in names and not any(n.startswith("Friday") for n in names)


@pytest.mark.slow
def test_a_place_named_for_someone_or_by_a_feature_word_is_a_place():
    # Written for this test: "St Anne's Cathedral" is not owned by a St Anne; a pass and a seashore are places.
    ents, _ = _cast("Pilgrims gathered at St Anne 's Cathedral in Kestrow on Sunday .",
                    "Tar washed up at Marlow Pass and the Veldra Islands National Seashore on Monday .")
    names = _names(ents)
    assert names.get("St Anne 's Cathedral") == "place" and "St Anne" not in names, names
    assert names.get("Marlow Pass") == "place" and names.get("Veldra Islands National Seashore") == "place", names


@pytest.mark.slow
def test_a_persons_title_and_an_untagged_word_before_a_place_make_a_persons_name():
    # Written for this test: the model tagged "Rivera" of "Cardinal Norbeto Rivera" a place on a real page; here the
    # tag is set by hand on a made-up name, so the test does not hang on what the model does with it.
    from spacy.tokens import Span
    doc = nlp.get_nlp()("Cardinal Otmar Vellin has written a prayer .")
    doc.ents = [Span(doc, 2, 3, label="GPE")]
    assert [(x.text, x.label_) for x in nlp._judge(doc, doc.ents[0])] == [("Otmar Vellin", "PERSON")]
    doc = nlp.get_nlp()("General Otmar Motors said so .")        # "General" also opens bodies' names
    doc.ents = [Span(doc, 2, 3, label="ORG")]
    assert [x.label_ for x in nlp._judge(doc, doc.ents[0])] != ["PERSON"]
