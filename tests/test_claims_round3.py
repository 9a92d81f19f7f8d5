"""Real-news claim classes of round 3 (branch claims3): each test on sentences written for it."""
from __future__ import annotations

import pytest
from test_claims import _claims     # the same one-article extraction


# --- a phrase quoted inside reported speech is part of the reported clause, not the claim ---

@pytest.mark.slow
@pytest.mark.parametrize("text,words", [
    ('The inspector said the bridge was sound, although a "hairline crack" needed watching.', "the bridge was sound"),
    ("The trust said the ward would reopen soon , calling the delay `` regrettable '' .", "the ward would reopen"),
])
def test_a_phrase_quoted_inside_reported_speech_leaves_the_claim_to_the_reported_clause(text, words):
    got = _claims(text)
    assert len(got) == 1 and got[0].kind == "reported" and words in got[0].content


@pytest.mark.slow
def test_a_quoted_phrase_inside_one_verbs_clause_is_not_lent_to_the_nearer_verb():
    # The quoted phrase sits nearer to "added" than to "said", but inside what "said" reports.
    got = _claims('The mayor said the flood marked a "turning point", but added "we are not safe yet".')
    assert sorted((c.kind, c.speaker_text, c.content[:16]) for c in got) == [
        ("direct", "The mayor", "we are not safe "), ("reported", "The mayor", "the flood marked")]


# --- "according to X" sources the clause before it when one stands there ---

@pytest.mark.slow
@pytest.mark.parametrize("text,words", [
    # what follows is a relative clause on the source
    ("The ferry company paid the pilots a bonus in June, according to the harbour fund, which was set up "
     "last year to pay the families of lost crews and keeps records of every payment.", "paid the pilots a bonus"),
    # what follows is the writer's own clause
    ("Nine climbers were brought down by the rescue teams, according to the park service, but the search "
     "goes on for the two still missing on the north face of the mountain.", "Nine climbers were brought down"),
    # no clause before: the words follow
    ("According to the park service, nine climbers were brought down.", "nine climbers were brought down"),
    ("The ferry, according to the harbour master, was late.", "was late"),
])
def test_according_to_sources_the_clause_it_is_set_after(text, words):
    got = _claims(text)
    assert len(got) == 1 and words in got[0].content and "according" not in got[0].content


# --- a reporting verb in a parenthetical "as" clause vouches for the clause it is set in ---

@pytest.mark.slow
@pytest.mark.parametrize("text,speaker,words", [
    ("But as Dr Ines Ruiz, a vet at the county farm, has pointed out, this is not the first outbreak of the "
     "fever in the valley.", "Dr Ines Ruiz", "this is not the first outbreak"),
    ("As the minister said last week, the bridge will not reopen before May.", "the minister",
     "the bridge will not reopen"),
    ("The crew wanted a bigger boat to finish the survey, as the skipper put it.", "the skipper",
     "a bigger boat"),
])
def test_a_reporting_verb_in_an_as_clause_reports_the_clause_it_is_set_in(text, speaker, words):
    got = _claims(text)
    assert [c.speaker_text for c in got] == [speaker] and words in got[0].content
    assert not got[0].content.lower().startswith(("but", "as "))


@pytest.mark.slow
def test_an_as_clause_of_manner_inside_a_condition_makes_no_claim():
    assert _claims("If the storm tracks as forecasters predict, the slick may reach the beaches by Friday.") == []


# --- the writer's own first person outside quotes cites no source ---

@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Using figures from the port, we estimate that the strike cost the region two billion dollars.",
    "I reported last week that the ferry would be sold.",
    "Each week we print a riddle and ask readers to suggest what the answer might be.",
])
def test_the_writers_own_we_or_i_makes_no_claim(text):
    assert _claims(text) == []


@pytest.mark.slow
def test_a_first_person_inside_what_a_source_says_still_makes_a_claim():
    got = _claims("The water board said we would all pay more for water next year.")
    assert [c.speaker_text for c in got] == ["The water board"]


# --- an unnamed spokesperson speaks for a body, never as the person named in the description ---

def _speaker_entities(text):
    from storyline import claims, nlp
    from storyline.model import Article
    doc = next(nlp.parse([text]))
    art = Article("t", "t", text=text)
    sents = nlp.sentences(art, doc)
    ments = nlp.mentions(art, doc, sents)
    for m in ments:
        m.entity = "e:" + m.text.split()[-1]     # entities by hand: "e:" and the name's last word
    found: list = []
    for r in claims.extract("t", doc, sents, ments):
        found.append(claims.speaker_entity(r, ments, found))
    return found


@pytest.mark.slow
def test_a_spokeswoman_for_the_office_of_a_person_is_not_that_person():
    assert _speaker_entities("A spokeswoman for the office of Prime Minister Ana Kovac said the talks would "
                             "resume.") == [None]
    assert _speaker_entities("Helen Carter, a spokeswoman for the office of Prime Minister Ivo Rudan, said the "
                             "talks would resume.") == ["e:Carter"]      # a named spokeswoman speaks as herself
    assert _speaker_entities("A spokeswoman for the Harbour Authority said the pier was closed.") == ["e:Authority"]


# --- a verb that reports its own clause after it is not the cue of a phrase quoted before it ---

@pytest.mark.slow
def test_a_quoted_name_before_a_verb_with_its_own_clause_is_no_claim_of_that_verb():
    got = _claims('The crowd gathered for what organisers call a "day of anger", which many observers say could '
                  'decide the election.')
    assert [(c.speaker_text, c.kind) for c in got] == [("many observers", "reported")]
    assert got[0].content.startswith("could decide")


# --- a line opening with a lower-case reporting verb continues the line before (one sentence a line, split
# where the splitter guessed wrong) ---

@pytest.mark.slow
def test_a_quote_takes_the_verb_opening_the_next_line_in_lower_case():
    got = _claims('"Is there damage to the eyes?\n\nAre there lesions in the stomach?"\n\n'
                  "said Dr Ana Ruiz, who directs the wildlife clinic.\n")
    assert [(c.speaker_text, c.kind) for c in got] == [("Dr Ana Ruiz", "direct")]


@pytest.mark.slow
def test_a_verb_cut_off_its_subject_takes_the_name_left_after_the_quote():
    got = _claims('"Our trust in the trading system is frayed," Sen. Ann Marsh (D-Ore.)\n\n'
                  'said at the hearing yesterday.\n\n"Our faith in it is badly shaken."\n\n'
                  'The hearing ended at noon.\n')
    assert [(c.speaker_text, c.content[:9]) for c in got] == [("Sen. Ann Marsh", "Our trust"),
                                                             ("Sen. Ann Marsh", "Our faith")]


@pytest.mark.slow
def test_an_attribution_cut_off_an_unfinished_sentence_reports_that_sentence():
    got = _claims("Of nine ledgers the inspectors read, eight showed savings on repairs,\n\n"
                  "said Ana Pell, an inspector for the port authority.\n")
    assert [c.speaker_text for c in got] == ["Ana Pell"] and got[0].content.startswith("Of nine ledgers")
    assert _claims("The pier was closed.\n\nsaid the harbour master, who runs it.\n") == []


@pytest.mark.slow
def test_a_pronoun_speaker_is_the_pronoun_alone_whatever_runs_on_before_it():
    # A fact box run into the next sentence with no full stop: the list's last words are no part of the speaker.
    got = _claims("Sandbags - partly successful Pumps used - blocked by silt Wall of gravel - abandoned He said the "
                  "council would know by Friday if the new barrier held.")
    assert [c.speaker_text for c in got] == ["He"]


@pytest.mark.slow
def test_a_pronoun_speaker_points_at_the_claim_before_it_in_the_final_order():
    # Direct quotes are found first, reported speech after: the pointer must be to the list as the pipeline reads it.
    got = _claims("Tomas Brenn said costs rose. Jon Ferrow said the funds were short. He said the bridge would "
                  "close. \u201cWe will act,\u201d Ana Ruiz said.")
    he = next(i for i, c in enumerate(got) if c.speaker_text == "He")
    assert got[got[he].speaker_entity_hint].speaker_text == "Jon Ferrow"
