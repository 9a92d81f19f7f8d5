"""Event dates with their basis (stated / reported / none) and the stored story timeline's truncation."""
from __future__ import annotations

import pytest

from storyline.model import Article, Event, Source, Story
from storyline.timeline import date_basis, date_label, shown


def _ev(eid, date, article):
    return Event(eid, date, "something happened", "other", [], "asserted", [Source(article, 0, 4, "Text")],
                 story="s1")


def test_every_event_gets_a_date_and_says_how_it_is_known():
    arts = [Article("a", "a.txt", text="Text", published="2025-05-16"),
            Article("b", "b.txt", text="Text", published="2025-05-20"),
            Article("c", "c.txt", text="Text")]
    bounded = Article("d", "d.txt", text="Text")
    bounded.published_bound = "not before 2025-03-14"   # as ingest writes a publication date only bounded
    stated, reported, none, bound = _ev("e1", "2025-05-01", "a"), _ev("e2", None, "b"), _ev("e3", None, "c"), \
        _ev("e4", None, "d")
    reported.sources.append(Source("a", 0, 4, "Text"))     # reported by two articles: the earliest bounds it
    story = Story("s1", "t", ["a", "b", "c", "d"])
    out = date_basis([none, reported, stated, bound], [story], arts + [bounded])
    assert (stated.date, stated.date_basis) == ("2025-05-01", "stated")
    assert (reported.date, reported.date_basis) == ("2025-05-16", "reported")
    assert (none.date, none.date_basis) == (None, None)
    assert (bound.date, bound.date_basis, bound.date_bound) == (None, "reported", "2025-03-14")
    assert [e.id for e in out][:2] == ["e1", "e2"] and story.events == [e.id for e in out]
    assert date_label({"date": "2025-05-16", "date_basis": "reported"}) == "reported 2025-05-16"
    assert date_label({"date": None, "date_basis": "reported", "date_bound": "2025-03-14"}) == \
        "reported, not before 2025-03-14"
    assert date_label({"date": "2025-05-01", "date_basis": "stated"}) == "2025-05-01"
    assert date_label({"date": None, "date_basis": None}) == "undated"


def test_reported_dates_weigh_less_than_stated_ones():
    from storyline.timeline import salience
    base = {"type": "arrest", "independent_sources": 1, "actors": [], "modality": "asserted",
            "summary": "Police arrested the mayor"}
    # A reported date (the day of the report) only bounds the event: no credit, as when undated, so the key-event
    # weights chosen on the real set's dev half hold (salience.py).
    assert salience(base | {"date": "2025-05-01", "date_basis": "stated"}) > \
        salience(base | {"date": "2025-05-01", "date_basis": "reported"}) == salience(base | {"date": None})


def test_shown_timeline_is_the_best_ranked_dates_in_date_order():
    line = lambda t: {"text": t, "article": "a", "start": 0, "end": 1, "date_basis": "stated",
                      "independent_sources": 1, "sources": [{"article": "a", "start": 0, "end": 1, "text": t}]}
    tl = {"dates": 2, "lines": 1, "entries": [
        {"date": "2025-01-01", "rank": 2, "lines": [line("x"), line("y")]},
        {"date": "2025-02-01", "rank": 0, "lines": [line("z")]},
        {"date": "2025-03-01", "rank": 1, "lines": [line("w"), line("v")]}]}
    got = shown(tl)
    assert [x["date"] for x in got] == ["2025-02-01", "2025-03-01"] and all(len(x["lines"]) == 1 for x in got)
    assert [len(x["lines"]) for x in shown(tl, 3, 2)] == [2, 1, 2]
    assert shown({}) == []
    with pytest.raises(ValueError):
        shown(tl, 0, 1)


def test_a_line_labelled_with_a_later_report_day_follows_the_day_s_stated_lines():
    # A lead filed under the day before its report reads "reported <the report's day>"; shown before a line stated
    # for the day it is filed under, the timeline ran out of date order (24, 23, 24).
    line = lambda t, basis="stated", on=None: {"text": t, "article": "a", "start": 0, "end": 1, "date_basis": basis,
                                               "reported_on": on, "independent_sources": 1, "sources": []}
    tl = {"dates": 2, "lines": 2, "entries": [
        {"date": "2025-06-23", "rank": 0, "lines": [line("lead", "reported", "2025-06-24"), line("stated")]},
        {"date": "2025-06-24", "rank": 1, "lines": [line("next", "reported", "2025-06-24")]}]}
    got = shown(tl)
    assert [ln["text"] for x in got for ln in x["lines"]] == ["stated", "lead", "next"]
    # the length asked for still takes the best-ranked lines first
    assert [ln["text"] for x in shown(tl, 2, 1) for ln in x["lines"]] == ["lead", "next"]


def test_a_source_said_it_is_shown_apart_from_a_reported_date():
    # Two meanings of "reported" would read as one: the modality (a source said it) is shown as "attributed".
    from storyline.output import _event_line
    e = {"date": "2025-05-16", "date_basis": "reported", "type": "arrest", "modality": "reported",
         "summary": "Police arrested the mayor", "independent_sources": 1,
         "sources": [{"article": "a1", "start": 0, "end": 25}]}
    line = _event_line(e, {"a1": {"outlet": "Herald", "title": "t", "id": "a1"}})
    assert "reported 2025-05-16" in line and "*(attributed)*" in line and "*(reported)*" not in line


def _said(eid, art, text, typ, actors, agent=None, date=None):
    from storyline.model import Event, Source
    return Event(eid, date, text, typ, list(actors), "asserted", [Source(art, 0, len(text), text)], agent=agent,
                 date_basis="stated" if date else None)


def test_events_sharing_an_actor_as_doer_of_one_and_target_of_the_other_stay_apart():
    from storyline.model import Article
    from storyline.timeline import _same_happening
    by_id = {a: Article(a, a + ".txt", text="x", published="2031-05-02") for a in ("o1", "o2")}
    names = {"court": ["the Varno court", "court"], "ost": ["Ostland"]}
    court = _said("e1", "o1", "The Varno court issued an arrest warrant for the Ostland general.",
                  "arrest_warrant_issued", ["court", "ost"], agent="The Varno court")
    ostland = _said("e2", "o2", "Ostland issued an arrest warrant for the judge of the Varno court.",
                    "arrest_warrant_issued", ["ost", "court"], agent="Ostland")
    assert not _same_happening(court, ostland, set(), by_id, names=names)
    again = _said("e3", "o2", "The court issued an arrest warrant for the Ostland general on Friday.",
                  "arrest_warrant_issued", ["court", "ost"], agent="The court")
    assert _same_happening(court, again, set(), by_id, names=names)


def test_an_event_that_no_date_pins_needs_more_shared_words_to_join():
    from storyline.model import Article
    from storyline.timeline import _same_happening
    by_id = {"o1": Article("o1", "o1.txt", text="x", published="2031-05-02"),
             "o2": Article("o2", "o2.txt", text="x", published=None)}
    dated = _said("e1", "o1", "The Varno court opened an investigation into war crimes in the north in March.",
                  "investigation", ["court"], date="2031-03")
    # from a report with no publication date: it could be of any year, and shares only a few words
    loose = _said("e2", "o2", "Investigators of the court are examining the registrar's expenses and travel claims.",
                  "investigation", ["court"])
    assert not _same_happening(dated, loose, set(), by_id)
    by_id["o2"].published = "2031-04-01"        # pinned by its publication date: the looser test as before
    assert _same_happening(dated, loose, set(), by_id)


def test_deaths_told_with_the_happening_that_caused_them_are_part_of_it():
    from storyline.model import Event, Source
    from storyline.timeline import fold_harm
    s1 = Source("o1", 0, 60, "The Nerin platform exploded on May 3, killing 9 workers.")
    s2 = Source("o2", 0, 50, "The May 3 blast that killed 9 workers was the worst in years.")
    blast = Event("e1", "2031-05-03", "The Nerin platform exploded", "disaster", ["nerin"], "asserted", [s1])
    killing = Event("e2", "2031-05-03", "killing 9 workers", "death", [], "asserted", [s1, s2])
    other_day = Event("e3", "2031-05-04", "a diver died", "death", [], "asserted",
                      [Source("o1", 0, 60, s1.text)])
    elsewhere = Event("e4", "2031-05-03", "two men died", "death", [], "asserted",
                      [Source("o1", 70, 90, "Two men died in hospital.")])
    out = fold_harm([blast, killing, other_day, elsewhere])
    assert [e.id for e in out] == ["e1", "e3", "e4"]
    assert out[0].type == "disaster" and {(s.article, s.start) for s in out[0].sources} == {("o1", 0), ("o2", 0)}
    assert out[0].summary == "The Nerin platform exploded, killing 9 workers"


def test_one_wire_sentence_printed_by_two_outlets_on_a_day_is_one_statement():
    from storyline.timeline import _dates_fit
    arts = {a.id: a for a in (Article("a1", "p1", text="", published="2025-05-20"),
                              Article("a2", "p2", text="", published="2025-05-20"),
                              Article("a3", "p3", text="", published="2025-05-21"))}

    def said(eid, art, text):
        return Event(eid, None, text, "statement", ["p1"], "asserted", [Source(art, 0, len(text), text)])
    line = "His lawyer called the allegations against the engineer baseless."
    assert _dates_fit(said("e1", "a1", line), said("e2", "a2", line), arts)
    # another day, or other words: a statement needs a date to pin it
    assert not _dates_fit(said("e1", "a1", line), said("e3", "a3", line), arts)
    assert not _dates_fit(said("e1", "a1", line), said("e2", "a2", "His lawyer said the engineer would appeal."),
                          arts)
