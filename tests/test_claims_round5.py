"""Real-news claim classes of round 5 (branch attr5): each test on sentences written for it."""
from __future__ import annotations

import pytest
from storyline import claims
from test_claims import _claims     # the same one-article extraction


def _doc(rows):
    """A parse written by hand, (word, pos, tag, dep, head index, lemma) per token, so that a test pins the parser's
    reading it is about whatever the model's next version does."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab
    words, pos, tags, deps, heads, lemmas = zip(*rows)
    return Doc(Vocab(), words=list(words), pos=list(pos), tags=list(tags), deps=list(deps), heads=list(heads),
               lemmas=list(lemmas), spaces=[True] * len(rows))


class _Quoted:
    """What _reports_own_clause reads of an article: its text and its quotes."""
    def __init__(self, doc, first: int, last: int):
        self.text = doc.text
        self.quotes = [[(doc[first].idx, doc[last].idx + len(doc[last]))]]

    def in_quotes(self, i: int) -> bool:
        return claims._in_quotes(i, self.quotes)


# --- a quote closed right before its speaker is that speaker's, whatever the parser hangs on the verb ---

def test_a_quote_right_before_its_speaker_is_not_left_for_a_clause_in_the_verbs_modifier():
    # '`` Rates rose , \'\' Fitch said in a note that concluded banks were coping .': the reading in which the
    # parser took the clause inside the relative clause for the complement of "said"
    doc = _doc([
        ("``", "PUNCT", "``", "punct", 2, "``"), ("Rates", "NOUN", "NNS", "nsubj", 2, "rate"),
        ("rose", "VERB", "VBD", "ROOT", 2, "rise"), (",", "PUNCT", ",", "punct", 2, ","),
        ("''", "PUNCT", "''", "punct", 2, "''"), ("Fitch", "PROPN", "NNP", "nsubj", 6, "Fitch"),
        ("said", "VERB", "VBD", "conj", 2, "say"), ("in", "ADP", "IN", "prep", 6, "in"),
        ("a", "DET", "DT", "det", 9, "a"), ("note", "NOUN", "NN", "pobj", 7, "note"),
        ("that", "PRON", "WDT", "nsubj", 11, "that"), ("concluded", "VERB", "VBD", "relcl", 9, "conclude"),
        ("banks", "NOUN", "NNS", "nsubj", 14, "bank"), ("were", "AUX", "VBD", "aux", 14, "be"),
        ("coping", "VERB", "VBG", "ccomp", 6, "cope"), (".", "PUNCT", ".", "punct", 2, "."),
    ])
    p = _Quoted(doc, 1, 3)
    assert not claims._reports_own_clause(p, doc[6], p.quotes[0][0][1])


def test_a_quoted_name_before_a_relative_clause_still_leaves_the_verb_its_own_clause():
    # 'a `` day of anger \'\' , which observers say could decide the vote'
    doc = _doc([
        ("a", "DET", "DT", "det", 2, "a"), ("``", "PUNCT", "``", "punct", 2, "``"),
        ("day", "NOUN", "NN", "ROOT", 2, "day"), ("of", "ADP", "IN", "prep", 2, "of"),
        ("anger", "NOUN", "NN", "pobj", 3, "anger"), ("''", "PUNCT", "''", "punct", 2, "''"),
        (",", "PUNCT", ",", "punct", 2, ","), ("which", "PRON", "WDT", "nsubj", 11, "which"),
        ("observers", "NOUN", "NNS", "nsubj", 9, "observer"), ("say", "VERB", "VBP", "parataxis", 2, "say"),
        ("could", "AUX", "MD", "aux", 11, "could"), ("decide", "VERB", "VB", "ccomp", 9, "decide"),
        ("the", "DET", "DT", "det", 13, "the"), ("vote", "NOUN", "NN", "dobj", 11, "vote"),
    ])
    p = _Quoted(doc, 2, 4)
    assert claims._reports_own_clause(p, doc[9], p.quotes[0][0][1])


@pytest.mark.slow
def test_a_quote_before_its_speaker_is_kept_when_a_modifier_of_the_verb_holds_a_clause():
    got = _claims('"The port will not close, but neither will it grow," the agency said on Monday in a note that '
                  'concluded harbour traffic was recovering.')
    assert any(c.kind == "direct" and c.speaker_text == "the agency" and c.content.startswith("The port")
               for c in got)


@pytest.mark.slow
def test_a_quoted_title_inside_the_speaker_phrase_is_no_claim():
    got = _claims('Organisers of the "Harbour Lights" festival say it has raised $2m for the lifeboat crews.')
    assert [(c.kind, c.speaker_text) for c in got] == [("reported", "Organisers")]
    assert "Harbour Lights" not in got[0].content


# --- verbs that need what was said: a subject matter, an addressee or a bare "which" is no claim ---

@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Last month the curator described the backlog to a House panel.",
    "Tom Reyes, our correspondent, describes the mood at the hearing.",
    "The pilots' union told the minister last week.",
    "The bank has also declined to specify which assets the lenders have pledged as collateral.",
])
def test_a_subject_matter_an_addressee_or_a_bare_which_is_no_claim(text):
    assert not any(c.stance != "declines_comment" for c in _claims(text))


@pytest.mark.slow
@pytest.mark.parametrize("text,speaker,words,stance", [
    ("A man from a local newsletter stood up and denounced the hearing as a corporate whitewash.",
     "A man from a local newsletter", "corporate whitewash", "alleges"),
    ("The minister hailed the deal as a turning point for the region.", "The minister", "turning point", "asserts"),
    # a clause the parser hangs on the one told still counts
    ("The senator told the hearing how everyone grieved for the crew.", "The senator", "grieved", "asserts"),
    # "which" standing for a noun phrase gives that phrase (round 1), not no claim
    ("The charges of bribery in the port contract, which the mayor denies, were filed in May.", "the mayor",
     "charges of bribery", "denies"),
])
def test_what_was_called_told_or_denied_is_still_a_claim(text, speaker, words, stance):
    got = _claims(text)
    assert [(c.speaker_text, c.stance) for c in got] == [(speaker, stance)] and words in got[0].content


# --- a line that only attributes gives its speaker to the quote on the line before ---

@pytest.mark.slow
def test_a_bare_attribution_line_after_a_quote_speaks_that_quote():
    got = _claims('"Is the bridge safe for lorries?"\n\nThe harbour master told the council last week.\n')
    assert [(c.kind, c.speaker_text, c.content) for c in got] == [
        ("direct", "The harbour master", "Is the bridge safe for lorries?")]


@pytest.mark.slow
def test_a_line_with_words_of_its_own_does_not_take_the_quote_before():
    got = _claims('"Is the bridge safe for lorries?"\n\nThe harbour master told the council the bridge was safe.\n')
    assert not any(c.kind == "direct" and c.speaker_text for c in got)
    assert any(c.kind == "reported" and c.speaker_text == "The harbour master" for c in got)


@pytest.mark.slow
def test_a_refusal_on_the_line_after_a_quote_does_not_speak_that_quote():
    got = _claims('"We are treating the oiled birds like a crime scene."\n\n'
                  "A spokeswoman for the ministry declined to comment on the inquiry.\n")
    assert [(c.kind, c.stance) for c in got] == [("reported", "declines_comment")]


# --- a participle of speech speaks with its host's subject ---

@pytest.mark.slow
@pytest.mark.parametrize("text,speaker,words", [
    ('"We will rebuild every house," she pledged, adding that the work would start in spring.', "she",
     "the work would start in spring"),
    ('The protester was led out of the hall shouting: "Nobody here is listening to us."', "The protester",
     "Nobody here is listening"),
])
def test_a_participle_of_speech_takes_its_hosts_speaker(text, speaker, words):
    got = _claims(text)
    assert any(c.speaker_text == speaker and words in c.content for c in got)


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    # the writer's account of a mood or an act, with a participle of speech hung on it
    "The broker captured the mood in the market, saying the firm could not survive.",
    "The engineers revised the estimate down, noting that the pumps had failed.",
])
def test_a_participle_after_an_act_that_is_no_speech_makes_no_claim(text):
    assert _claims(text) == []


@pytest.mark.slow
def test_the_one_led_to_a_view_holds_it_not_the_subject_of_the_act():
    got = _claims("Gas was not being consumed near the well, leading some chemists to suspect it might linger.")
    assert [c.speaker_text for c in got] == ["some chemists"]


# --- what a sign reads ---

@pytest.mark.slow
@pytest.mark.parametrize("text,speaker", [
    ('"The river took everything," reads a banner on the church fence.', "a banner on the church fence"),
    ('A placard by the gate reads: "This land is not for sale."', "A placard by the gate"),
])
def test_the_words_of_a_sign_are_a_claim_of_the_sign(text, speaker):
    got = _claims(text)
    assert [(c.kind, c.speaker_text) for c in got] == [("direct", speaker)]


@pytest.mark.slow
def test_reading_by_a_person_is_no_claim():
    assert _claims("The clerk read the minutes of the last meeting aloud.") == []


# --- views held, with a clause ---

@pytest.mark.slow
@pytest.mark.parametrize("text,speaker,words", [
    ("Outside experts generally agree that the central bank has been careful with its lending.", "Outside experts",
     "the central bank has been careful"),
    ("The agency considers the region to be one of the best-prepared in the country.", "The agency",
     "the region to be one of the best-prepared"),
])
def test_agreeing_and_considering_with_a_clause_are_claims(text, speaker, words):
    got = _claims(text)
    assert [c.speaker_text for c in got] == [speaker] and words in got[0].content


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The committee is considering whether the rules should change.",
    "The two firms agreed to share the cost of the repairs.",
    "The board will consider the offer next week.",
])
def test_agreeing_and_considering_without_a_clause_are_no_claims(text):
    assert _claims(text) == []



# --- what a hearing heard: a witness's claim with no speaker in the sentence ---

@pytest.mark.slow
@pytest.mark.parametrize("text,words", [
    ("Warning lights on the ferry were switched off to let the crew sleep, a maritime inquiry has heard.",
     "Warning lights on the ferry were switched off"),
    ("The court heard that the driver had been awake for twenty hours.", "the driver had been awake"),
])
def test_what_a_hearing_heard_is_a_claim_with_no_speaker(text, words):
    got = _claims(text)
    assert [(c.kind, c.speaker_text) for c in got] == [("reported", None)] and words in got[0].content


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The jury heard the recording twice.",
    "Residents heard that the ferry would stop running.",     # hearsay, no hearing
])
def test_hearing_a_thing_or_hearsay_is_no_claim(text):
    assert _claims(text) == []


# --- refusals and speaker phrases ---

@pytest.mark.slow
def test_refusing_to_name_is_a_refusal():
    got = _claims("The central bank refuses to name the lenders that borrowed from the scheme.")
    assert [(c.speaker_text, c.stance) for c in got] == [("The central bank", "declines_comment")]


@pytest.mark.slow
def test_a_web_address_in_the_speaker_phrase_is_part_of_it():
    got = _claims('"Tax revenues are a secondary issue," said economist Ana Pell of Moody\'s economy.com.')
    assert [c.speaker_text for c in got] == ["economist Ana Pell of Moody's economy.com"]


# --- a quote left open at its line's end runs on over unmarked lines to the next quoted paragraph ---

@pytest.mark.slow
def test_a_quoted_paragraph_after_unmarked_lines_of_an_open_quote_is_the_same_speakers():
    got = _claims('The health secretary said: "I send my condolences to the family.\n\n'
                  "This is a tragedy for those concerned.\n\n"
                  '"Tragic though this death is, most people with the virus have mild symptoms."\n')
    assert [(c.kind, c.speaker_text) for c in got] == [("direct", "The health secretary")] * 2
    assert got[1].content.startswith("Tragic")


@pytest.mark.slow
def test_a_closed_quote_lends_no_speaker_over_a_line_of_the_writers():
    got = _claims('The health secretary said: "I send my condolences to the family."\n\n'
                  "Officials are tracing everyone on the flight.\n\n"
                  '"Most people with the virus have mild symptoms."\n')
    assert [(c.kind, c.speaker_text) for c in got] == [("direct", "The health secretary")]


@pytest.mark.slow
def test_a_request_after_the_verb_is_no_claim():
    got = _claims("'The lift broke in March,' a tenant said, asking that her name not be used.")
    assert [(c.kind, c.speaker_text) for c in got] == [("direct", "a tenant")]


# --- blaming a cause, warning of a thing ---

@pytest.mark.slow
@pytest.mark.parametrize("text,speaker,words", [
    ("The mayor blamed the regulator for the delays.", "The mayor", "the regulator for the delays"),
    ('On Saturday the president blamed the flooding on "a failure of planning" at the water board.',
     "the president", "a failure of planning"),
    ("That was a riposte to those who have criticised the commission for failing to represent the fishermen.",
     "those", "the commission for failing"),
])
def test_blaming_someone_or_something_is_an_allegation(text, speaker, words):
    got = _claims(text)
    assert [(c.speaker_text, c.stance) for c in got] == [(speaker, "alleges")] and words in got[0].content


@pytest.mark.slow
def test_blame_with_no_cause_laid_is_no_claim():
    assert _claims("The coach blamed himself.") == [] and _claims("Nobody is to blame for the storm.") == []
    assert _claims("The union criticised the plan in a long letter.") == []


@pytest.mark.slow
def test_warning_of_a_thing_is_a_claim_of_the_one_who_went_on_to_warn():
    got = _claims("The scientist went on to warn of a tipping point from which the reef could not recover.")
    assert [c.speaker_text for c in got] == ["The scientist"] and got[0].content.startswith("a tipping point")


# --- a speech act named as a noun its speaker owns ---

@pytest.mark.slow
@pytest.mark.parametrize("text,speaker,words", [
    ("For some, the fees are undermining Pell's claims that she is working independently of the port.", "Pell",
     "she is working independently"),
    ("The senator's insistence that the budget was balanced was met with laughter.", "The senator",
     "the budget was balanced"),
])
def test_a_speech_noun_with_an_owner_and_a_that_clause_is_the_owners_claim(text, speaker, words):
    got = _claims(text)
    assert [c.speaker_text for c in got] == [speaker] and got[0].content.startswith(words)


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The claim that the bridge was safe was wrong.",          # no owner
    "His claim that the bridge was safe was wrong.",          # a pronoun owner is left (no antecedent read)
    "The minister's statement on Friday was brief.",          # no words
])
def test_a_speech_noun_without_a_named_owner_or_words_is_no_claim(text):
    assert _claims(text) == []


@pytest.mark.slow
def test_a_split_quote_ending_its_sentence_stays_with_its_speaker_not_the_next_sentences_verb():
    got = _claims('"We were told," Mr Pell said, "that the pumps were fine. I believed that." He said he had '
                  "decided to speak because he feared the logs would go missing.")
    direct = [c for c in got if c.kind == "direct"]
    assert [c.speaker_text for c in direct] == ["Mr Pell"] and "I believed that" in direct[0].content


@pytest.mark.slow
def test_a_participle_after_a_passive_speaks_for_no_one_yet():
    got = _claims("A statement was expected later on Friday announcing that the director was going on leave.")
    assert not any(c.speaker_text == "A statement" for c in got)


@pytest.mark.slow
def test_a_which_that_stands_for_a_clause_speaks_for_nobody():
    # The writer's inference after a comma: no claim, and so no denial read from its "not".
    cs = _claims("Gas could be leaking out of the valve, the operator reported, which would suggest that it was "
                 "not doing its job.")
    assert not any((c.speaker_text or "").lower() == "which" for c in cs), [(c.speaker_text, c.content) for c in cs]
    assert not any(c.stance == "denies" for c in cs)
    # A relative pronoun on a noun still gives the noun as the speaker.
    cs = _claims("The ministry issued a report, which said that the valve had been inspected in May.")
    assert [c.speaker_text for c in cs] == ["The ministry issued a report"] or \
        any("report" in (c.speaker_text or "") for c in cs), [(c.speaker_text, c.content) for c in cs]


@pytest.mark.slow
@pytest.mark.parametrize("text,speaker", [
    # Written for this test: a quote's attribution inverted after its closing mark, with a verb other than "said".
    ('"We will rebuild the bridge by spring," vowed the mayor of Kestrow.', "the mayor of Kestrow"),
    ('"On market days we would normally see 5,000 people here," lamented Ada Marsh, pointing at the square.',
     "Ada Marsh"),
])
def test_an_inverted_attribution_after_a_quote_names_its_speaker(text, speaker):
    got = [c.speaker_text for c in _claims(text)]
    assert got == [speaker], got


@pytest.mark.slow
@pytest.mark.parametrize("text,speaker", [
    # Written for this test: a figure given with "put / estimated / placed ... at", no clause.
    ("The ministry put the number of cases in Kestrow at 840 on Monday.", "The ministry"),
    ("Insurers estimated the damage at $2bn.", "Insurers"),
    ("The agency placed the death toll at 26.", "The agency"),
    ("He put the book on the shelf at 9pm.", None),                 # no figure of anything
])
def test_a_figure_put_at_a_number_is_a_claim(text, speaker):
    got = [c.speaker_text for c in _claims(text)]
    assert got == ([speaker] if speaker else []), got


@pytest.mark.slow
def test_what_was_told_is_the_that_clause_not_the_addressee():
    # Written for this test: the parser hangs "that he felt ..." on the relative clause inside the addressee.
    text = ("Luckily Edgar recovered, although he has told many of the reporters who have descended on his home "
            "that he felt very bad at the time.")
    got = [c.content for c in _claims(text)]
    assert got == ["he felt very bad at the time"], got
    got = [c.content for c in _claims("The minister told reporters on Tuesday that the bridge would reopen in May.")]
    assert got == ["the bridge would reopen in May"], got
