"""The claim error classes of issue 13, one test per class, on sentences written for these tests."""
from __future__ import annotations

import pytest

from storyline.claims import quote_spans
from storyline.conflicts import same_matter
from storyline.stance import claim_stance


def _claims(text):
    from storyline import claims, nlp
    from storyline.model import Article
    doc = next(nlp.parse([text]))
    art = Article("t", "t", text=text)
    sents = nlp.sentences(art, doc)
    return claims.extract("t", doc, sents, nlp.mentions(art, doc, sents))


@pytest.mark.parametrize("content", [
    "The harbour will not reopen before the spring",         # a negated plan
    "Nobody told the drivers about the detour",              # a negation whose subject is someone else
    "Inflation has doubled the price of bread",              # a wrongdoing-sounding noun
    "The lorries dumped gravel along the verge overnight",   # an act that is not misconduct
    "It would be wrong to cut the bus routes now",           # "wrong" as an opinion, not about a claim
    "We have never seen the lake this low",                  # a negated perception
])
def test_words_in_a_plain_said_quote_do_not_make_a_stance(content):
    assert claim_stance("say", content) == "asserts"


@pytest.mark.parametrize("verb,content,stance", [
    ("say", "I never took a cent from the builders", "denies"),          # the speaker's own act, negated
    ("say", "We categorically deny these claims", "denies"),              # the act performed in the quote
    ("say", "The report is false from start to finish", "rejects"),       # a claim called false
    ("say", "The treasurer stole from the pension fund", "alleges"),      # a third party's misconduct
    ("say", "I am innocent of every charge", "denies"),                   # a plea of innocence
    ("say", "It is untrue that we hid the losses", "denies"),             # falsity said of our own act
    ("dismiss", "the audit as a stunt", "rejects"),                        # the verb names the act
    ("accuse", "the mayor of nepotism", "alleges"),
])
def test_stance_comes_from_the_verb_or_what_the_claim_does_to_the_matter(verb, content, stance):
    assert claim_stance(verb, content) == stance


@pytest.mark.parametrize("content,stance", [
    ("The ferry company did little to prevent the flooding of the quay", "alleges"),
    ("The county has not done enough to protect the cyclists on that road", "alleges"),
    ("The water board failed to warn residents downstream", "alleges"),
    ("The inspectors ignored repeated warnings about the bridge", "alleges"),
    # a failure that blames nobody, a failure to win, the speaker's own failure, a failure still to come
    ("The talks failed to produce a deal", "asserts"),
    ("He failed to win a third term", "asserts"),
    ("She did little to hide her delight", "asserts"),
    ("We failed to warn them in time", "asserts"),
    ("The council will fail to protect the park", "asserts"),
])
def test_a_failure_of_duty_laid_at_a_third_party_is_an_allegation(content, stance):
    assert claim_stance("say", content) == stance


@pytest.mark.slow
def test_a_speaker_is_a_noun_phrase_not_a_clause_fragment():
    got = _claims("A surveyor who inspected the tower said the cracks were old. "
                  "Weeks after the flood, the council said the road would be rebuilt.")
    speakers = [c.speaker_text for c in got]
    assert speakers == ["A surveyor", "the council"]


@pytest.mark.slow
def test_passive_reporting_verbs_give_the_agent_or_no_speaker():
    assert _claims("Mayor Ona Vell is urged to give up her seat on the port board.") == []
    # With nobody named, the charge is an unsourced allegation (never Ruck's own words): set G's and set I's
    # labellers count it so (tests/test_claims_unnamed.py).
    got = _claims("Teodor Ruck was accused of hiding the losses.")
    assert [(c.speaker_text, c.stance, c.anonymous) for c in got] == [(None, "alleges", True)]
    got = _claims("Teodor Ruck was accused by three shareholders of hiding the losses.")
    assert [(c.speaker_text, c.stance) for c in got] == [("three shareholders", "alleges")]


@pytest.mark.slow
def test_an_anonymous_source_negating_someone_elses_act_asserts():
    got = _claims("A person familiar with the case said the witness does not recall the meeting.")
    assert [(c.stance, c.anonymous) for c in got] == [("asserts", True)]


@pytest.mark.slow
def test_one_sentence_one_claim_per_speaker():
    got = _claims("The dam will be drained next month, the water board said, according to local radio.")
    assert [c.speaker_text for c in got] == ["the water board"]


@pytest.mark.slow
def test_closed_quotes_in_consecutive_paragraphs_are_two_claims():
    text = ("“I never signed that lease,” the councillor, Aino Rask, said on Monday.\n\n"
            "“The library will stay shut until May,” a spokesman for the city said on Tuesday.")
    got = _claims(text)
    assert [(c.speaker_text, c.stance) for c in got] == [("Aino Rask", "denies"),
                                                         ("a spokesman for the city", "asserts")]


def test_penn_treebank_quotes_pair():
    text = "`` The ferry is late , '' he said . Olsen : ` It is a shambles . ' He 's tired ."
    assert [[text[a:b] for a, b in q] for q in quote_spans(text)] == [["The ferry is late ,"],
                                                                       ["It is a shambles ."]]


def test_an_allegation_and_a_denial_pair_only_on_the_same_matter():
    assert not same_matter("the prosecutor withdrew the charges against his deputy", "any sexual misconduct", True)
    assert same_matter("she took bribes from the haulier", "taking any money", False)
    assert same_matter("he assaulted a colleague", "the allegations", True)      # a generic denial, beside it
    assert not same_matter("he assaulted a colleague", "the allegations", False)  # ... but not in another article


@pytest.mark.slow
def test_an_unattributed_quote_paragraph_continues_the_speaker_of_the_paragraph_before():
    text = ('"We have sealed the leak," the operator\'s chief executive, Jon Ferrow, said on Monday.\n\n'
            '"Our crews will stay until the beaches are clean."\n\n'
            'The harbour master closed the port for two days.\n\n'
            '"Nobody can fish here now."\n\n'
            '"The nets are ruined," a fisherman said.\n\n'
            '"I have lost a month of work."')
    cs = _claims(text)
    by_words = {c.content.rstrip(",."): c for c in cs}
    carried = by_words["Our crews will stay until the beaches are clean"]
    assert carried.carried and carried.speaker_text == "Jon Ferrow" and carried.speaker_start == -1
    assert cs[carried.speaker_entity_hint].speaker_text == "Jon Ferrow"
    # After a paragraph with no claim, an unattributed quote has no speaker to continue: no claim is made up.
    assert "Nobody can fish here now" not in by_words
    assert by_words["I have lost a month of work"].speaker_text == "a fisherman"


@pytest.mark.slow
def test_what_a_relative_clause_denies_is_the_phrase_it_stands_for():
    cs = _claims("Reporters repeated the allegations of bribery in the port contract, which the mayor denies.")
    denial = next(c for c in cs if c.speaker_text == "the mayor")
    assert denial.stance == "denies" and denial.content == "the allegations of bribery in the port contract"


@pytest.mark.slow
def test_a_pronoun_speaker_never_takes_a_person_of_the_other_gender(tmp_path):
    # Written for this test: "She" follows a paragraph about Mr Olsen; the woman is an unnamed colleague.
    data = _build_port_story(tmp_path, "She told the Kestrow Herald that Mr Olsen had pressured her for months.\n\n"
                                       "He said the inquiry was welcome.")
    names = {e["id"]: e["name"] for e in data["entities"]}
    by = {c["speaker_text"]: names.get(c["speaker"]) for c in data["claims"]}
    assert by.get("She") is None and by.get("He") == "Peter Olsen", by


@pytest.mark.slow
def test_an_anonymous_source_is_never_the_person_named_inside_its_phrase(tmp_path):
    # Written for this test: the source works in Mr Olsen's office; the words are the source's, not Olsen's.
    data = _build_port_story(tmp_path, "A source close to Mr Olsen said the harbour master would step aside on "
                                       "Friday.")
    src = next(c for c in data["claims"] if (c["speaker_text"] or "").startswith("A source"))
    assert src["anonymous"] and src["speaker"] is None


def _build_port_story(tmp_path, rest: str) -> dict:
    """A one-article build (written for these tests): a paragraph naming Mr Olsen, then ``rest``."""
    import json

    import storyline
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(
        "date 2031-03-02\ntitle Port inquiry\n\n"
        "The harbour master of Kestrow, Peter Olsen, is under investigation, Mr Olsen confirmed.\n\n" + rest + "\n",
        encoding="utf-8")
    storyline.build([tmp_path / "in"], out_dir=tmp_path / "out")
    return json.loads((tmp_path / "out" / "storyline.json").read_text())
