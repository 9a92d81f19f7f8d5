"""Time-expression classes of the twenty-second session (issue 12), read off set J's errors after its first run
(bench/data/timex_real, held-out P 0.953 / R 0.907 before them). Every sentence here is written for the test.

- a present tense in a "when" clause under a modal points ahead, where the parser makes "when" an adverb ("give
  investors something to show when the firm announces results on 27 July");
- what a future existential says will be lies ahead ("Will there be a winter wave of infections?");
- "Xmas" is Christmas; "<holiday> weekend" is that holiday's weekend;
- "in the fall" is the season, "the fall in prices" and "the fall of the regime" are not;
- "to winter along the coast" is a verb; "USA Today" is a newspaper."""
from __future__ import annotations

import pytest

from test_timex_round8 import values

pytestmark = pytest.mark.slow


def _parsed(rows):
    """A Doc with the parse given (word, tag, pos, dep, head index, lemma): the model parses the real sentence this
    way, and a made-up one not always, so the rule is tested on the parse itself."""
    from spacy.tokens import Doc
    from storyline import nlp
    words, tags, pos, deps, heads, lemmas = zip(*rows)
    return Doc(nlp.get_nlp().vocab, words=list(words), tags=list(tags), pos=list(pos), deps=list(deps),
               heads=list(heads), lemmas=list(lemmas))


def test_when_parsed_as_an_adverb_of_a_present_clause_under_a_modal_is_ahead():
    from storyline import dating
    doc = _parsed([("The", "DT", "DET", "det", 1, "the"), ("cap", "NN", "NOUN", "nsubj", 3, "cap"),
                   ("would", "MD", "AUX", "aux", 3, "would"), ("give", "VB", "VERB", "ROOT", 3, "give"),
                   ("investors", "NNS", "NOUN", "dative", 3, "investor"), ("something", "NN", "PRON", "dobj", 3,
                                                                            "something"),
                   ("when", "WRB", "SCONJ", "advmod", 8, "when"), ("Halvex", "NNP", "PROPN", "nsubj", 8, "Halvex"),
                   ("announces", "VBZ", "VERB", "advcl", 3, "announce"), ("results", "NNS", "NOUN", "dobj", 8,
                                                                          "result"),
                   ("on", "IN", "ADP", "prep", 9, "on"), ("27", "CD", "NUM", "nummod", 12, "27"),
                   ("July", "NNP", "PROPN", "pobj", 10, "July"), (".", ".", "PUNCT", "punct", 3, ".")])
    at = doc[11].idx
    assert dating.future_of(doc)(at) is True


def test_a_present_in_a_when_clause_under_a_modal_is_ahead():
    v = values("A new pump would give the chief executive something to show investors when Halvex announces "
               "half-year results on 27 July .", "2011-07-09")
    assert v["27 July"] == "2011-07-27"
    # a past "when" clause stays past
    assert values("Shares fell when Halvex announced results on 27 June .", "2011-07-09")["27 June"] == \
        "2011-06-27"


def test_what_a_future_existential_says_will_be_is_ahead():
    assert values("Will there be a winter wave of the virus ?", "2011-05-03")["winter"] == "2011-WI"
    assert values("There will be a summer lull in cases , doctors say .", "2011-05-03")["summer"] == "2011-SU"


def test_xmas_and_a_holiday_weekend():
    assert values("Sales were poor over Xmas 2010 , the shop said .", "2011-03-01")["Xmas 2010"] == "2010-12-25"
    v = values("The valve was raised from the sea floor over Labor Day weekend .", "2011-09-08")
    assert v["Labor Day weekend"] == "2011-W35-WE"       # Monday 5 September 2011: the weekend before it
    v = values("Crowds are expected over the Memorial Day weekend .", "2011-05-20")
    assert v["Memorial Day weekend"] == "2011-W21-WE"    # Monday 30 May 2011


def test_the_fall_as_a_season_and_as_a_drop():
    assert values("The agency will decide when flu season arrives in the fall .", "2011-06-26")["the fall"] == \
        "2011-FA"
    v = values("The fall in prices hurt growers . The fall of the council surprised few .", "2011-06-26")
    assert not any("fall" in k for k in v), v


def test_a_verb_and_a_newspaper_are_no_times():
    assert "winter" not in values("The plovers will come to winter along the coast as usual .", "2011-08-03")
    assert "Today" not in values("The association ran a full-page advertisement in USA Today on Monday .",
                                 "2011-05-25")
    assert values("Today , the firm said it would pay .", "2011-05-25")["Today"] == "2011-05-25"
