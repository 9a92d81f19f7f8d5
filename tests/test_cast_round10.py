"""Cast classes of the sixteenth session, on sentences written for these tests (docs/cast.md)."""
from __future__ import annotations

from spacy.tokens import Span

from storyline import nlp
from storyline import resolve_passes as rp
from storyline.model import Mention
from storyline.resolve import resolve
from storyline.resolve_passes import State


def _judged(text: str, name: str, label: str) -> list[tuple[str, str]]:
    doc = next(nlp.parse([text]))
    start = text.index(name)
    span = doc.char_span(start, start + len(name))
    return [(e.text, e.label_) for e in nlp._judge(doc, Span(doc, span.start, span.end, label=label))]


def test_an_influenza_subtype_or_a_disease_tagged_a_body_is_no_body():
    assert _judged("It is a new version of the H1N1 strain that caused the 1918 pandemic.", "H1N1", "ORG") == \
        [("H1N1", "PRODUCT")]
    assert _judged("Labs confirmed the A/H3N2 strain in Tarnow.", "A/H3N2", "ORG") == [("A/H3N2", "PRODUCT")]
    assert _judged("Officials fear Bird Flu will return this winter.", "Bird Flu", "ORG") == \
        [("Bird Flu", "PRODUCT")]
    assert _judged("Severe Acute Respiratory Syndrome killed hundreds in 2003.",
                   "Severe Acute Respiratory Syndrome", "ORG") == [("Severe Acute Respiratory Syndrome", "PRODUCT")]
    # A body named for a disease stays a body: its head word, or "for"/"of", says so.
    assert _judged("The Centers for Disease Control said so.", "Centers for Disease Control", "ORG") == \
        [("Centers for Disease Control", "ORG")]
    assert _judged("The Tarnow Flu Foundation gave money.", "Tarnow Flu Foundation", "ORG") == \
        [("Tarnow Flu Foundation", "ORG")]
    # A model's code of letters and digits is still a company's when tagged so.
    assert _judged("Halvex bought the A380 fleet.", "A380", "ORG") == [("A380", "ORG")]


def _state(texts, spans):
    ms = []
    for art, text, label, n in spans:
        start = -1
        for _ in range(n + 1):
            start = texts[art].index(text, start + 1)
        ms.append(Mention(art, start, start + len(text), text, label))
    return State.build(ms, texts), ms


TEXTS = {
    # the full name in the article; the surname tagged a place (a town of that name is in the gazetteer)
    "a": "Oil chief Tony Preston flew to Houston. Later Preston said the leak was slowing.",
    # no full name, but the model tags the word a person once: the other mention, tagged a body, is the person
    "b": "Preston told investors costs were rising. Preston said the well would be plugged.",
    # the article writes the word as a place: the town stays a town
    "c": "Floods hit homes in Preston on Monday. Preston council met.",
    # two people of one surname: nothing decides which
    "d": "Ada Lenn and Ruth Lenn spoke. Lenn said the vote was close.",
    "e": "Firms in Dorsey, Texas, closed. Ivo Dorsey said Dorsey was quiet.",
    # the full name tagged a body here, a person in another report
    "f": "Agency chief Ines Varga spoke in Geneva. Varga said the risk was rising.",
    "g": "Ines Varga said so.",
}


def test_a_surname_of_one_person_tagged_a_place_or_a_body_is_that_person():
    st, ms = _state(TEXTS, [("a", "Tony Preston", "PERSON", 0), ("a", "Preston", "GPE", 1),
                            ("b", "Preston", "PERSON", 0), ("b", "Preston", "ORG", 1),
                            ("c", "Preston", "GPE", 0), ("c", "Preston", "ORG", 1),
                            ("d", "Ada Lenn", "PERSON", 0), ("d", "Ruth Lenn", "PERSON", 0), ("d", "Lenn", "ORG", 2),
                            ("e", "Dorsey", "GPE", 0), ("e", "Ivo Dorsey", "PERSON", 0), ("e", "Dorsey", "GPE", 2),
                            ("f", "Ines Varga", "ORG", 0), ("f", "Varga", "ORG", 1), ("g", "Ines Varga", "PERSON", 0)])
    rp.place_after_preposition(st)
    rp.surname_of_one_person(st)
    assert [m.label for m in ms] == ["PERSON", "PERSON", "PERSON", "PERSON", "GPE", "ORG",
                                     "PERSON", "PERSON", "ORG", "GPE", "PERSON", "GPE", "ORG", "PERSON", "PERSON"]
    assert st.nodes[1][0] == "person" and st.nodes[3][0] == "person"


def test_a_surname_the_corpus_tags_a_person_is_one_in_a_report_without_the_full_name():
    # No full name and no person tag in "n"; the corpus tags the word a person three times for one body: the person.
    # "o" writes a company's words after it: a firm of that name, left alone.
    texts = {"j": "Ada Quill spoke.", "k": "Quill said so.", "l": "Quill said no.", "m": "Quill said yes.",
             "n": "Quill told reporters the vote was close.", "o": "Quill shares fell. Quill said profits fell."}
    st, ms = _state(texts, [("j", "Ada Quill", "PERSON", 0), ("k", "Quill", "PERSON", 0),
                            ("l", "Quill", "PERSON", 0), ("m", "Quill", "PERSON", 0), ("n", "Quill", "ORG", 0),
                            ("o", "Quill", "ORG", 0), ("o", "Quill", "ORG", 1)])
    rp.surname_of_one_person(st)
    assert [m.label for m in ms] == ["PERSON"] * 5 + ["ORG", "ORG"]


def test_the_sieve_joins_the_retyped_surname_to_the_full_name():
    ms = [Mention("a", 10, 22, "Tony Preston", "PERSON"), Mention("a", 46, 53, "Preston", "GPE")]
    assert TEXTS["a"][46:53] == "Preston"
    ents = resolve(ms, texts={"a": TEXTS["a"]})
    assert [(e.name, e.type) for e in ents] == [("Tony Preston", "person")]


def _mentions(text: str) -> list[tuple[str, str]]:
    from storyline.model import Article
    a = Article("a", "a.txt", text)
    doc = next(nlp.parse([text]))
    return [(m.text, m.label) for m in nlp.mentions(a, doc, nlp.sentences(a, doc))]


def test_a_common_word_opening_the_sentence_is_cut_from_the_name_after_it():
    names = [t for t, _ in _mentions("Later in the day the team met.\n\nBehind Hayward, five large screens "
                                     "showed the well. Hayward said he was tired.")]
    assert "Behind Hayward" not in names and "Hayward" in names
    assert ("Edgar Ramos", "PERSON") in _mentions("Luckily Edgar Ramos was at home when it struck.")
    # A given name opens a name whatever else the word means.
    assert ("Will Smith", "PERSON") in _mentions("Will Smith said he was sorry.")
    assert ("Grant Shapps", "PERSON") in _mentions("Grant Shapps said the grant was late.")


def test_a_common_word_in_capitals_is_no_name_and_an_acronym_is():
    from storyline.nlp import _judge
    doc = next(nlp.parse(["SYMPTOMS\nThe symptoms are like those of a cold, NATO doctors said. DONALDSON wrote."]))
    caps = [t.i for t in doc if t.is_upper and t.is_alpha]
    assert [[e.text for e in _judge(doc, Span(doc, i, i + 1, label="ORG"))] for i in caps] == \
        [[], ["NATO"], ["DONALDSON"]]


def test_two_names_in_a_row_are_two_people():
    from storyline.nlp import _judge
    doc = next(nlp.parse(["Reporting by Helen Marsh Oliver Lund; editing by Juan Carlos Leon Calderon."]))
    two = doc.char_span(doc.text.index("Helen"), doc.text.index(";"))
    one = doc.char_span(doc.text.index("Juan"), doc.text.index("."))
    assert [e.text for e in _judge(doc, Span(doc, two.start, two.end, label="PERSON"))] == \
        ["Helen Marsh", "Oliver Lund"]
    assert [e.text for e in _judge(doc, Span(doc, one.start, one.end, label="PERSON"))] == \
        ["Juan Carlos Leon Calderon"]


def test_a_full_name_a_body_owns_or_that_writes_or_presents_is_a_person():
    from storyline.cast_types import mention_cues

    def cues(text, name):
        s = text.index(name)
        return mention_cues(text, s, s + len(name))

    assert cues("The Tarnow Herald's Imogen Marsh reports from Geneva.", "Imogen Marsh") == ["person"]
    assert cues("A TV appeal presented by Kirsty Lund raised money.", "Kirsty Lund") == ["person"]
    assert cues("Then a fresh catastrophe struck, writes Nick Varga.", "Nick Varga") == ["person"]
    # Without a given name, or owned by a place, the words say nothing of a person.
    assert cues("Halvex's Korrin Labs rose.", "Korrin Labs") == []
    assert cues("Texas's Morgan Hale said so.", "Morgan Hale") == []
    # A body's head word ends the name: "Sky" is a given name, "Sky News" a channel.
    assert cues("He told Veldra's Sky News the leak was slowing.", "Sky News") == []


def test_a_one_word_name_never_introduced_takes_the_type_the_words_around_it_give():
    # The model tags "Flickbook" a person; the text never writes it with a given name, a title or a role, and
    # "Flickbook updates" is what a service is written with: an organisation (one cue among nine mentions was too
    # few to outweigh the label before), not a person and not "other".
    from test_cast_classes import _cast
    ents, _ = _cast("Relatives posted Flickbook updates from the town. Flickbook said traffic doubled. Flickbook "
                    "added servers. Flickbook said the site was slow.",
                    "Flickbook said the outage was over. Flickbook apologised.",
                    "Flickbook said more people joined. Flickbook thanked them. Flickbook grew.")
    assert {e.name: e.type for e in ents}.get("Flickbook") == "organization"


def test_a_place_no_gazetteer_knows_and_no_mention_places_takes_the_type_the_words_give():
    # "Marenfam" is tagged a place (the model's guess); one mention of seven says "the charity Marenfam", none
    # writes it where places are written ("in", "near"), and the gazetteer does not know it: an organisation.
    from test_cast_classes import _cast
    ents, ms = _cast("The charity Marenfam sent tents. Marenfam said more were needed. Marenfam thanked donors.",
                     "Marenfam opened a clinic. Marenfam asked for help.", "Marenfam said the road was cut.",
                     "Marenfam sent water.")
    assert {e.name: e.type for e in ents}.get("Marenfam") == "organization"


def test_a_lower_case_noun_after_a_place_is_no_part_of_its_name():
    from storyline.nlp import _judge
    doc = next(nlp.parse(["The quake struck the Caribbean island on Tuesday, the Veldra dam failed, and Tarnow "
                          "City flooded."]))
    island = doc.char_span(doc.text.index("Caribbean"), doc.text.index(" on Tuesday"))
    dam = doc.char_span(doc.text.index("Veldra"), doc.text.index(" failed"))
    assert [e.text for e in _judge(doc, Span(doc, island.start, island.end, label="LOC"))] == ["Caribbean"]
    # a facility named for a place is a place of its own
    assert [e.text for e in _judge(doc, Span(doc, dam.start, dam.end, label="GPE"))] == ["Veldra dam"]
    # a capitalised kind is part of the name
    city = doc.char_span(doc.text.index("Tarnow"), doc.text.index(" flooded"))
    assert [e.text for e in _judge(doc, Span(doc, city.start, city.end, label="GPE"))] == ["Tarnow City"]


def test_a_city_of_the_gazetteer_tagged_a_person_and_written_as_a_place_is_the_city():
    # "Santo" is in the given names; the gazetteer (places.json, from GeoNames) knows the city, and a mention is
    # written where places are written ("a reporter in Santo Domingo").
    from test_cast_classes import _cast
    ents, _ = _cast("Planes landed at the airport outside the capital, Santo Domingo, on Friday. A reporter in Santo "
                    "Domingo said the runway was busy.", "Santo Domingo sent doctors and tents.")
    assert {e.name: e.type for e in ents}.get("Santo Domingo") == "place"


def test_a_preposition_in_a_heading_in_capitals_does_not_place_the_name_after_it():
    texts = {"a": "Tony Preston spoke. THE WORLD WE LIVE IN Preston is one of those minds.",
             "b": "FLOODS IN CARRICK LEAVE HUNDREDS HOMELESS"}
    st, ms = _state(texts, [("a", "Preston", "ORG", 1), ("b", "CARRICK", "GPE", 0)])
    assert [st.placed(m) for m in ms] == [False, True]
    rp.org_in_place_phrase(st)      # a gazetteer city after "in" is a place, but not after a heading's "IN"
    assert ms[0].label == "ORG" and 0 not in st.after_prep
