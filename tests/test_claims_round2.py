"""Speaker classes found reading the ICC seed build (round 2): each test on sentences written for it."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from storyline import claims


def _doc(rows):
    """A parse written by hand, (word, pos, tag, dep, head index, lemma) per token, so that a test pins the parser's
    reading it is about whatever the model's next version does."""
    words, pos, tags, deps, heads, lemmas = zip(*rows)
    return Doc(Vocab(), words=list(words), pos=list(pos), tags=list(tags), deps=list(deps), heads=list(heads),
               lemmas=list(lemmas), spaces=[True] * len(rows))


def test_a_time_phrase_parsed_as_subject_gives_the_speaker_in_apposition():
    # "Days after the audit, a senior banker, close to the merger, told the Courier ...": the parser's reading
    # with "Days" as subject and the banker hung on it.
    doc = _doc([
        ("Days", "NOUN", "NNS", "nsubj", 11, "day"), ("after", "ADP", "IN", "prep", 0, "after"),
        ("the", "DET", "DT", "det", 3, "the"), ("audit", "NOUN", "NN", "pobj", 1, "audit"),
        (",", "PUNCT", ",", "punct", 0, ","), ("a", "DET", "DT", "det", 7, "a"),
        ("senior", "ADJ", "JJ", "amod", 7, "senior"), ("banker", "NOUN", "NN", "appos", 0, "banker"),
        (",", "PUNCT", ",", "punct", 7, ","), ("close", "ADJ", "JJ", "amod", 7, "close"),
        (",", "PUNCT", ",", "punct", 0, ","), ("told", "VERB", "VBD", "ROOT", 11, "tell"),
        ("the", "DET", "DT", "det", 13, "the"), ("Courier", "PROPN", "NNP", "dobj", 11, "Courier"),
    ])
    subj = claims._speaker_subject(doc[11])
    assert subj is not None and subj.text == "banker"
    assert " ".join(t.text for t in claims._speaker_tokens(subj)) == "a senior banker"


def test_a_time_phrase_subject_with_no_apposition_is_still_no_speaker():
    doc = _doc([
        ("Weeks", "NOUN", "NNS", "nsubj", 3, "week"), ("later", "ADV", "RB", "advmod", 0, "later"),
        (",", "PUNCT", ",", "punct", 3, ","), ("said", "VERB", "VBD", "ROOT", 3, "say"),
        ("nothing", "PRON", "NN", "dobj", 3, "nothing"),
    ])
    assert claims._speaker_subject(doc[3]) is None
