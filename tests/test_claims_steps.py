"""The steps of claim extraction one at a time: the reported words, the speaker, the stance, the anonymity."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from storyline.claims import NO_SPEAKER, Speaker, decide_anonymity


def _verb_in(sentence_text):
    return SimpleNamespace(sent=SimpleNamespace(text=sentence_text))


def test_an_unnamed_speaker_is_anonymous_where_the_sentence_says_so():
    v = _verb_in("A port worker, speaking on condition of anonymity, said the ferry was sold.")
    assert decide_anonymity(v, Speaker("A port worker", 0, 13, [], False))


def test_a_named_or_pronoun_speaker_or_none_is_not_made_anonymous_by_the_sentence():
    v = _verb_in("Mira Holt, speaking on condition of anonymity, said the ferry was sold.")
    assert not decide_anonymity(v, Speaker("Mira Holt", 0, 9, [], True))
    assert not decide_anonymity(v, Speaker("she", 0, 3, [], False))
    assert not decide_anonymity(v, NO_SPEAKER)


def test_without_an_anonymity_phrase_a_phrase_without_tokens_is_not_anonymous():
    assert not decide_anonymity(_verb_in("A port worker said the ferry was sold."), Speaker("A port worker", 0, 13,
                                                                                          [], False))


# --- on a parse ---

def _parsed(text):
    from storyline import claims, nlp
    from storyline.model import Article
    doc = next(nlp.parse([text]))
    art = Article("t", "t", text=text)
    sents = nlp.sentences(art, doc)
    return claims.Parsed.of("t", doc, sents, nlp.mentions(art, doc, sents))


def _verb(p, word):
    return next(t for t in p.doc if t.text == word)


@pytest.mark.slow
@pytest.mark.parametrize("text,verb,refusal,speaker", [
    ("The harbour master, who spoke to reporters, said the ferry was late.", "said", False, "The harbour master"),
    ("The minister was accused by the opposition of lying to parliament.", "accused", False, "the opposition"),
    # The parser hangs the speaker on the quoted word; the speaker is still the source, never the quote.
    ("“Money,” a source close to the talks said on Monday.", "said", False, "a source close to the talks"),
    ("Mira Holt could not be reached for comment.", "reached", True, "Mira Holt"),
    ("The minister was accused of lying to parliament.", "accused", False, None),   # no agent: no speaker
    # A document speaks for the named one who issued it; a document with no named issuer speaks as itself.
    ("A statement issued on behalf of the pilot, Tom Reyes, said the crew was safe.", "said", False, "Tom Reyes"),
    ("The crew was safe, said the report, from analyst Rita Moss.", "said", False, "analyst Rita Moss"),
    ("The report said the crew was safe.", "said", False, "The report"),
])
def test_find_speaker(text, verb, refusal, speaker):
    from storyline.claims import find_speaker
    p = _parsed(text)
    got = find_speaker(p, _verb(p, verb), refusal)
    assert got.text == speaker
    if speaker:
        assert p.text[got.start:got.end] == speaker


@pytest.mark.slow
def test_a_named_speaker_has_a_name_and_a_generic_one_not():
    from storyline.claims import find_speaker
    p = _parsed("Tomasz Brenn said the ferry was late. A port official said it was sold.")
    brenn, official = (find_speaker(p, v) for v in p.doc if v.text == "said")
    assert brenn.has_name and not official.has_name


@pytest.mark.slow
def test_reported_words_are_the_clause_not_the_addressee():
    from storyline.claims import reported_words
    p = _parsed("The harbour master told Reuters the ferry had been delayed by fog.")
    comp = reported_words(p, _verb(p, "told"))
    assert [c.dep_ for c in comp] == ["ccomp"]
    assert "Reuters" not in {t.text for c in comp for t in c.subtree}


@pytest.mark.slow
@pytest.mark.parametrize("text,verb,words,stance", [
    ("The company denied that it had polluted the river.", "denied", "it had polluted the river", "denies"),
    ("The minister said the bridge will reopen on Friday.", "said", "the bridge will reopen on Friday", "asserts"),
    ("Mira Holt declined to comment on the report.", "declined", "declined to comment", "declines_comment"),
])
def test_decide_stance(text, verb, words, stance):
    from storyline.claims import decide_stance
    p = _parsed(text)
    a = text.index(words)
    assert decide_stance(p.doc, _verb(p, verb), [(a, a + len(words))], "reported") == stance


@pytest.mark.slow
def test_make_claim_gives_a_pronoun_the_previous_speaker_and_its_anonymity():
    from storyline.claims import extract
    p = _parsed("A port official, who asked not to be named, said the ferry had been sold. "
                "He said the buyer was foreign.")
    got = extract("t", p.doc, p.sents, [])
    assert [(c.speaker_text, c.anonymous, c.speaker_entity_hint) for c in got] == [
        ("A port official", True, -1), ("He", True, 0)]


@pytest.mark.slow
@pytest.mark.parametrize("text,speaker,words", [
    # set inside it, the speaker's phrase is not among the words (twelfth session: the two pieces around it)
    ("The ferry service, he said, will resume on Monday.", "he",
     "The ferry service will resume on Monday"),
    ("The toll on the coast rose to nine on Friday, a port official said, up from four.", "a port official",
     "The toll on the coast rose to nine on Friday"),
    # "note" and "report" report only a clause; set inside or after it, its host is the one they report.
    ("The bridge, she noted, was built in 1920.", "she", "The bridge was built in 1920"),
    ("The toll rose to nine on Friday, the agency reported, up from four.", "the agency",
     "The toll rose to nine on Friday"),
])
def test_a_reporting_verb_set_inside_or_after_its_clause_reports_that_clause(text, speaker, words):
    from storyline.claims import extract
    p = _parsed(text)
    got = extract("t", p.doc, p.sents, [])
    assert [(c.speaker_text, c.content) for c in got] == [(speaker, words)]


@pytest.mark.slow
def test_a_quote_opening_the_sentence_after_an_attributed_quote_is_the_same_speakers():
    from storyline.claims import extract
    # The first quote lost its opening mark, as in some tokenised corpora; the second is still the pilot's.
    text = ('The plane landed late.\n\nIt was rough all the way," said Ana Pell, a pilot at Skyline Air. '
            '"We never saw the runway until the last second."\n\nThe airline apologised.')
    p = _parsed(text)
    got = [(c.speaker_text, c.kind, c.content) for c in extract("t", p.doc, p.sents, [])]
    assert ("Ana Pell", "direct", "We never saw the runway until the last second.") in got


@pytest.mark.slow
@pytest.mark.parametrize("text,speaker,words", [
    ("Vets at the clinic suspect the herd was infected in March.", "Vets at the clinic",
     "the herd was infected in March"),
    ("Dr Ina Sorel has pointed out that the strain is not new.", "Dr Ina Sorel", "the strain is not new"),
    ('"The pumps failed twice," he continued.', "he", "The pumps failed twice,"),
    ('Omar Lind, a ferry captain, was quoted by the local radio as saying, "The harbour is closed."', "Omar Lind",
     "The harbour is closed."),
    ("Do you believe the cap will hold?", None, None),                  # a question claims nothing
    ("I believe the cap will hold.", None, None),                       # the writer's own opinion
    ("He found out that the ferry was late.", None, None),              # finding out is no speech act
    ("Sales continued to fall in May.", None, None),                    # continuing is not speaking here
])
def test_opinion_and_other_speech_verbs_make_claims_only_as_speech(text, speaker, words):
    from storyline.claims import extract
    p = _parsed(text)
    got = [(c.speaker_text, c.content) for c in extract("t", p.doc, p.sents, [])]
    assert got == ([(speaker, words)] if speaker else [])


@pytest.mark.slow
def test_an_opinion_inside_a_reported_claim_is_that_claim():
    from storyline.claims import extract
    p = _parsed("Mila Dunne, an analyst at Hart Bank, said she believed the fines could reach $4bn.")
    got = [(c.speaker_text, c.content) for c in extract("t", p.doc, p.sents, [])]
    assert got == [("Mila Dunne", "she believed the fines could reach $4bn")]


@pytest.mark.slow
@pytest.mark.parametrize("text,speakers", [
    ("The coast guard said tests showed that the tar balls had not come from the spill.", ["The coast guard"]),
    ("Testing has shown that the strain yields to the drug, according to the health agency.", ["the health agency"]),
    ("Tests showed that the water was clean.", ["Tests"]),     # no one reports the tests: they stay the source
])
def test_evidence_reported_by_someone_is_that_ones_claim(text, speakers):
    from storyline.claims import extract
    p = _parsed(text)
    assert [c.speaker_text for c in extract("t", p.doc, p.sents, [])] == speakers
