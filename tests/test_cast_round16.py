"""Cast classes of the twenty-third session (issue 13), read off a build of 74 Reuters reports on the 2009 flu and
written here as fresh sentences (every name but the agency's is made up):

- the agency credited in a lead's dateline ("MANILA (Reuters) - ...") filed the report; it is not in the story.
  Counted as a mention it was the third cast member of the flu story (92 credits), ahead of every health ministry,
  and a "main entity" that every wire report shared;
- a dateline's place in capitals is the whole run of capitals before the credit: the model had tagged "KUALA" of
  "KUALA LUMPUR (Reuters) -" as an organisation."""
from __future__ import annotations

import pytest
from spacy.tokens import Span

from storyline import nlp
from storyline.model import Article
from test_cast_classes import _cast

pytestmark = pytest.mark.slow


def _mentions(text: str):
    a = Article("a", "a.txt", text)
    doc = nlp.get_nlp()(text)
    return [(m.text, m.label) for m in nlp.mentions(a, doc, nlp.sentences(a, doc))]


def test_the_dateline_s_credit_is_no_mention_but_the_agency_in_the_story_is():
    ms = _mentions("TALVOR (Reuters) - The Talvor health board closed three schools on Monday.\n\n"
                   "Board chair Ines Coll told Reuters the schools would reopen next week.")
    assert ms.count(("Reuters", "ORG")) == 1          # "told Reuters", not the credit
    ms = _mentions("TALVOR, Marenland (Reuters) -- The Talvor board met on Monday to discuss the fever.")
    assert not any(t == "Reuters" for t, _ in ms), ms


def test_wire_reports_do_not_make_the_agency_a_cast_member():
    ents, _ = _cast("TALVOR (Reuters) - The Talvor health board confirmed 40 new cases of the fever on Monday.",
                    "KESTROW (Reuters) - Kestrow's council voted on Tuesday to widen the harbour channel.",
                    "VELMAR (Reuters) - Velmar airport reopened on Wednesday after the snow.")
    assert not any("Reuters" in e.aliases for e in ents), [e.name for e in ents]


def test_a_dateline_place_in_capitals_is_the_whole_run():
    model = nlp.get_nlp()
    doc = model.make_doc("PORT TALVOR (Reuters) - The council met on Monday.")
    doc.ents = [Span(doc, 0, 1, label="ORG")]          # the model's cut: "PORT" an organisation
    out = nlp.datelines(doc)
    assert [(e.text, e.label_) for e in out.ents] == [("PORT TALVOR", "GPE")]
    # an acronym the model tagged alone before the credit stays what it is
    doc = model.make_doc("WHO (Reuters) - The agency met on Monday.")
    doc.ents = [Span(doc, 0, 1, label="ORG")]
    assert [(e.text, e.label_) for e in nlp.datelines(doc).ents] == [("WHO", "ORG")]


def test_a_transcript_speaker_label_is_not_a_dateline():
    # "ANA PELL, CNN CORRESPONDENT:" opens a line with capitals and a comma, but no credit follows: the model's
    # person stays a person (a first version of the rule above made the anchors of a CNN transcript places).
    model = nlp.get_nlp()
    doc = model.make_doc("ANA PELL, CNN CORRESPONDENT: Good morning from Talvor.")
    doc.ents = [Span(doc, 1, 2, label="PERSON")]
    assert [(e.text, e.label_) for e in nlp.datelines(doc).ents] == [("PELL", "PERSON")]
    doc = model.make_doc("PORT TALVOR, Marenland (Reuters) - The council met on Monday.")
    doc.ents = [Span(doc, 0, 1, label="ORG")]
    assert [(e.text, e.label_) for e in nlp.datelines(doc).ents][0] == ("PORT TALVOR", "GPE")
