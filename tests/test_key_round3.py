"""Key events, third round: what the clause says of time (tense, quotation, presupposition) decides whether it is a
happening a timeline lists; a noun's own date and a few general news types. Sentences written for these tests."""
from __future__ import annotations

import pytest

from storyline.events import event_type
from storyline.salience import rank_fields

PUB = {"a1": "2031-07-16"}


def ev(summary, tense, date=None, start=300, type_="disaster", basis="stated", quoted=False, modality="asserted"):
    return {"summary": summary, "date": date, "date_basis": basis if date else None, "type": type_,
            "actors": ["e1"], "modality": modality, "independent_sources": 1, "tense": tense, "quoted": quoted,
            "sources": [{"article": "a1", "start": start, "end": start + 60, "text": summary}]}


def _events(text, published="2031-07-16"):
    from test_events import _events as parse
    return parse(text, published)[1]


def _one(evs, trigger):
    return next(e for e in evs if e.trigger == trigger)


# -- the decision, on event dicts -----------------------------------------------------------------------------------
def test_a_state_or_habit_in_the_present_is_not_key_but_a_headline_present_is():
    habit = rank_fields(ev("seasonal flu kills thousands of people each winter", "present", type_="death"), PUB)
    headline = rank_fields(ev("Regulator fines the Nerin operator", "present", start=0, type_="sanction"), PUB)
    chronology = rank_fields(ev("the operator announces on 4 June a new cap", "present", "2031-06-04",
                                type_="statement"), PUB)
    assert not habit["key"] and "state or habit" in habit["weak"]
    assert headline["key"] and chronology["key"]


def test_a_forecast_is_not_key_and_a_scheduled_day_is_not_ruled_out():
    forecast = rank_fields(ev("The leak will hurt the coast's finances for years", "future", modality="planned"), PUB)
    maybe = rank_fields(ev("The slick could reach the islands", "modal", type_="other"), PUB)
    trial = rank_fields(ev("The trial will open on August 3", "future", "2031-08-03", type_="trial",
                           modality="planned"), PUB)
    assert not forecast["key"] and forecast["weak"] == ["future tense"]
    assert "modal tense" in maybe["weak"]
    assert "future tense" not in trial["weak"] and trial["key"]


def test_words_inside_a_quotation_and_a_participle_describing_a_noun_are_not_key():
    quote = rank_fields(ev("We will win back trust", "past", quoted=True, type_="statement"), PUB)
    leak = rank_fields(ev("contaminating the bay", "participle", start=50), PUB)
    assert not quote["key"] and "quoted" in quote["weak"]
    assert not leak["key"] and "describes a noun" in leak["weak"]


def test_the_storys_own_past_day_is_not_background_but_a_bare_year_and_last_year_are():
    named = rank_fields(ev("the April 20 explosion on the platform", None, "2031-04-20"), PUB)
    year = rank_fields(ev("the tanker ran aground and spilled its oil", "past", "2019"), PUB)
    long_ago = rank_fields(ev("the platform exploded and sank", "past", "2030-04-20"), PUB)
    assert named["key"] and "background" not in named["weak"]
    assert year["weak"] == ["background"] and long_ago["weak"] == ["background"]


def test_a_day_and_the_past_tense_each_count_half_a_point():
    late = 2000     # past the lead: the tense alone decides
    bare = rank_fields(ev("Four reporters were detained", "progressive", start=late), PUB)
    past = rank_fields(ev("Four reporters were detained", "past", start=late), PUB)
    day = rank_fields(ev("Four reporters were detained", "past", "2031-07-14", start=late), PUB)
    month = rank_fields(ev("Four reporters were detained", "past", "2031-07", start=late), PUB)
    assert past["salience"] - bare["salience"] == 0.5 and "told as done +0.5" in past["why"]
    assert day["salience"] - month["salience"] == 0.5 and "to the day +0.5" in day["why"]
    assert not bare["key"] and past["key"]


def test_general_news_types_and_a_rule_that_names_what_rules_it_out():
    assert event_type("raise", {"alert", "level", "phase"}) == "alert"
    assert event_type("close", {"schools", "universities"}) == "closure"
    assert event_type("close", {"shares", "up", "percent"}) == "other"     # the market's close, not a closure
    assert event_type("downgrade", {"rating", "debt"}) == "rating_change"
    assert event_type("receive", {"billion", "loan"}) == "funding"
    assert event_type("receive", {"letter"}) == "other"
    assert event_type("march", {"square"}) == "protest"


def test_a_fragment_cause_takes_the_line_of_the_harm_that_names_it():
    from storyline.model import Event, Source
    from storyline.timeline import fold_harm
    s = Source("o1", 0, 80, "The panel is studying the disaster on 20 April, which killed 11 people.")
    cause = Event("e1", "2031-04-20", "the disaster", "disaster", [], "asserted", [s])
    harm = Event("e2", "2031-04-20", "the disaster killed 11 people", "death", [], "asserted", [s])
    out = fold_harm([cause, harm])
    assert [e.id for e in out] == ["e1"] and out[0].summary == "the disaster killed 11 people"


# -- what the parse says ---------------------------------------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.parametrize("text,trigger,expected", [
    ("The Nerin platform exploded on Monday.", "exploded", "past"),
    ("Four reporters were detained in Talvor.", "detained", "past"),
    ("The regulator has launched an inquiry.", "launched", "perfect"),
    ("The central bank is lending billions to the banks.", "lending", "progressive"),
    ("The museum holds a set of every species in the bay.", "holds", "present"),
    ("The leak will hurt the coast's finances for years.", "hurt", "future"),
    ("The slick could reach the islands within days.", "reach", "modal"),
    ("The oil leak contaminating the bay angered fishermen.", "contaminating", "participle"),
    ("Police detained him in June and charged him in July.", "charged", "past"),
])
def test_tense_of_the_clause(text, trigger, expected):
    from storyline.events import tense
    from storyline import nlp
    doc = next(nlp.parse([text]))
    assert tense(next(t for t in doc if t.text == trigger)) == expected


@pytest.mark.slow
def test_a_quotation_is_quoted_and_scare_quotes_are_not():
    from storyline import nlp
    from storyline.events import _in_quote
    doc = next(nlp.parse(['"We arrested the two men on Monday," the police chief told reporters in Talvor. '
                          'Thousands joined what organisers called a "march of millions" in Talvor.']))
    tok = {t.text: t for t in doc}
    assert _in_quote(tok["arrested"]) and not _in_quote(tok["told"])
    assert not _in_quote(tok["march"])       # three words marked off: the writer's scare quotes


@pytest.mark.slow
@pytest.mark.parametrize("text,trigger,expected", [
    ("The minister has asked the panel to investigate what happened when the Nerin platform exploded.", "exploded",
     "reported"),
    ("It is unclear whether the dam will hold after the river rose.", "rose", "asserted"),
    ("It is unclear whether the dam will hold after the river rose.", "hold", "questioned"),  # the question itself
])
def test_a_time_clause_is_taken_as_given_under_a_question(text, trigger, expected):
    from storyline import nlp
    from storyline.events import modality
    doc = next(nlp.parse([text]))
    assert modality(next(t for t in doc if t.text == trigger))[0] == expected


@pytest.mark.slow
def test_a_date_after_an_event_noun_dates_the_noun_not_an_ongoing_verb():
    evs = _events("Mira Castell gave evidence to the panel that is investigating the cause of the disaster on "
                  "20 April, which killed 11 people.")
    assert _one(evs, "investigating").date is None
    killed = _one(evs, "killed")
    assert killed.date == "2031-04-20" and killed.summary == "the disaster killed 11 people"
    # A past verb keeps the date it is told with.
    evs = _events("Kestrow District Court issued a warrant for his arrest on June 13.")
    assert _one(evs, "issued").date == "2031-06-13"
