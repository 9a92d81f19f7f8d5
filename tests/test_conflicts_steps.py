"""The steps of finding conflicts one at a time: candidate pairs, each kind of judgement, the records."""
from __future__ import annotations

from storyline.conflicts import (Found, accusations_against, date_disagreements, denied_claim, denied_event,
                                 figure_changes, first_reported, position_updates, same_type_and_month)
from storyline.model import Claim, Event, Source


def ev(i, art, text, typ, date=None, actors=("e1",), patient=None, trigger="x", modality="asserted"):
    return Event(f"ev{i}", date, text, typ, list(actors), modality, [Source(art, 0, len(text), text)],
                 trigger=trigger, story="s1", patient=patient)


def cl(i, art, speaker, stance, content):
    return Claim(f"c{i}", speaker, speaker, False, stance, content, art, 0, len(content), story="s1",
                 content=content)


def test_date_candidates_share_type_and_month_and_stop_at_the_cap():
    evs = [ev(1, "a1", "t", "arrest", "2024-05-03"), ev(2, "a2", "t", "arrest", "2024-05-04"),
           ev(3, "a2", "t", "arrest", "2024-06-04"), ev(4, "a2", "t", "death", "2024-05-04"),
           ev(5, "a3", "t", "arrest", "2024-05-09")]
    pairs = [(x.id, y.id) for x, y in same_type_and_month(evs)]
    assert pairs == [("ev1", "ev2"), ("ev1", "ev5"), ("ev2", "ev5")]
    assert [(x.id, y.id) for x, y in same_type_and_month(evs, cap=2)] == [("ev1", "ev2")]


def test_a_date_disagreement_needs_another_article_a_shared_actor_and_the_same_object():
    base = ev(1, "a1", "t", "arrest", "2024-05-03", patient="the mayor")
    assert [k for k, *_ in date_disagreements([base, ev(2, "a2", "t", "arrest", "2024-05-04",
                                                        patient="The Mayor")])] == ["date"]
    for other in (ev(2, "a1", "t", "arrest", "2024-05-04", patient="the mayor"),            # same article
                  ev(2, "a2", "t", "arrest", "2024-05-04", actors=("e2",), patient="the mayor"),
                  ev(2, "a2", "t", "arrest", "2024-05-04", patient="the judge"),
                  ev(2, "a2", "t", "arrest", "2024-05-04", patient="the mayor", modality="alleged")):
        assert list(date_disagreements([base, other])) == []


def test_figures_change_only_between_articles():
    one = ev(1, "a1", "Nine people died.", "death")
    assert [(a["value"], b["value"]) for _, _, a, b in figure_changes([one, ev(2, "a2", "The toll rose to 11.",
                                                                               "death")])] == [("9", "11")]
    assert list(figure_changes([one, ev(2, "a1", "The toll rose to 11.", "death")])) == []
    assert list(figure_changes([one, ev(2, "a2", "Nine people died.", "death")])) == []


def test_a_floor_does_not_disagree_with_a_count_above_it():
    from storyline.conflicts import floors
    assert floors("More than 100 people have died in Varno since Friday.") == {"dead"}
    assert floors("The fever has infected at least 2,000 people and killed 40.") == {"ill"}
    assert floors("The quake killed 200 people.") == set()
    floor = ev(1, "a1", "More than 100 people have died in Varno.", "death")
    assert list(figure_changes([floor, ev(2, "a2", "The toll in Varno stands at around 150.", "death")])) == []
    # the same floor, then a count below it: that does disagree
    assert [(a["value"], b["value"]) for *_, a, b in figure_changes(
        [floor, ev(2, "a2", "The toll in Varno stands at 83.", "death")])] == [("100", "83")]
    # a count, then a floor below it, says nothing new; a floor above it is a rise
    count = ev(1, "a1", "The toll in Varno stands at around 150.", "death")
    assert list(figure_changes([count, ev(2, "a2", "Over 120 people died in Varno.", "death")])) == []
    assert [(a["value"], b["value"]) for *_, a, b in figure_changes(
        [count, ev(2, "a2", "More than 200 people have died in Varno.", "death")])] == [("150", "200")]


def test_figures_pair_only_counts_of_the_same_thing_in_the_same_happening():
    killed = ev(1, "a1", "The quake killed 200 people in Varno.", "death", "2025-02-03")
    # the homeless are not the dead
    assert list(figure_changes([killed, ev(2, "a2", "The quake left 1,500 people homeless.", "death",
                                           "2025-02-03")])) == []
    # a count of another happening: no shared day, no shared actor
    other = ev(2, "a2", "Seasonal flu kills 5,000 people a year.", "death", actors=())
    assert list(figure_changes([killed, other])) == []
    # the same day, the same measure: a disagreement, and it skips the unrelated count between them
    later = ev(3, "a3", "The death toll of the Varno quake rose to 240.", "death", "2025-02-03", actors=())
    assert [(a["value"], b["value"]) for *_, a, b in figure_changes([killed, other, later])] == [("200", "240")]
    # the toll of the same disaster counted on another day: a place named in both
    import re
    toll = ev(5, "a5", "The toll of the Varno quake rose to 260 on Friday.", "death", "2025-02-07", actors=())
    assert list(figure_changes([killed, toll])) == []
    assert [(a["value"], b["value"]) for *_, a, b in figure_changes([killed, toll], re.compile(r"\b(Varno)\b"))] \
        == [("200", "260")]
    # a day of the month before a comma is no count
    blast = ev(6, "a6", "Since the Varno quake struck on February 3, killing 200 people, aid has arrived.", "death",
               "2025-02-03")
    assert list(figure_changes([killed, blast])) == []
    # a rate is no count of a happening, even on the same day
    rate = ev(4, "a4", "Quakes kill 10,000 people worldwide in an average year.", "death", "2025-02-03")
    assert list(figure_changes([killed, rate])) == []



def test_a_shared_actor_does_not_join_counts_of_two_years_or_of_a_sentence_run_into_the_next():
    blast = ev(1, "a1", "The Kestrow refinery exploded on 20 April, killing 11 workers.", "disaster", "2025-04-20")
    old = ev(2, "a2", "Inspectors cited a 2019 explosion at the company's Varno plant that killed 15 workers.",
             "disaster", "2019")
    for e in (blast, old):
        e.date_basis = "stated"
    assert list(figure_changes([blast, old])) == []
    later = ev(5, "a5", "The toll of the Kestrow refinery blast rose to 12 workers.", "disaster", "2025-04-24")
    later.date_basis = "reported"     # no year of its own: the shared actor joins them
    assert len(list(figure_changes([blast, later]))) == 1
    told = ev(4, "a4", "Inspectors cited a 2019 explosion at a plant in Varno City, Marenland, that killed 15 workers.",
              "disaster", "2025-04-21")
    told.date_basis = "reported"      # the sentence's event is this year's; its count is the 2019 blast's
    assert list(figure_changes([blast, told])) == []
    runon = ev(3, "a3", "Hundreds of birds have died near the refinery The Kestrow council has approved 186 relief grants.",
               "disaster", "2025-04-20")
    assert list(figure_changes([blast, runon])) == []


def test_an_update_is_between_two_people_only_when_they_share_an_actor():
    when = first_reported({"a1": "2025-01-02", "a2": "2025-01-05"})
    stay = ev(1, "a1", "She said she would stay on.", "position_retained", trigger="stay")
    down = ev(2, "a2", "She stepped down on Friday.", "recusal_or_step_aside", trigger="stepped")
    assert [(a["value"], b["value"]) for *_, a, b in position_updates([stay, down], when)] == \
        [("stay on", "stepped down")]
    other = ev(2, "a2", "He stepped down on Friday.", "recusal_or_step_aside", actors=("e2",), trigger="stepped")
    assert list(position_updates([stay, other], when)) == []


def test_a_demand_or_a_guess_is_no_position_to_update_from():
    when = first_reported({"a1": "2025-01-02", "a2": "2025-01-05"})
    should = ev(1, "a1", "The chair should resign at once, the letter says.", "leave_or_resignation",
                trigger="resign", modality="hypothetical")
    down = ev(2, "a2", "The chair stepped down on Friday.", "recusal_or_step_aside", trigger="stepped")
    assert list(position_updates([should, down], when)) == []
    said = ev(1, "a1", "The chair said she would resign.", "leave_or_resignation", trigger="resign",
              modality="planned")
    assert len(list(position_updates([said, down], when))) == 1


def test_accusations_against_the_denier_name_him_and_are_someone_elses():
    accusations = [cl(1, "a1", "e2", "alleges", "Arven took bribes"), cl(2, "a1", "e1", "alleges", "Arven lied"),
                   cl(3, "a1", "e2", "alleges", "Holt took bribes")]
    d = cl(4, "a1", "e1", "denies", "taking any money")
    assert [c.id for c in accusations_against(d, accusations, ["Arven"])] == ["c1"]
    assert accusations_against(d, accusations, []) == []


def test_the_accused_is_the_one_before_of_not_a_name_inside_the_act():
    def accusation(i, text, content):
        c = cl(i, "a1", "e2", "alleges", content)
        c.text, c.content_start, c.end = text, text.index(content), len(text)
        return c
    against_ministry = accusation(
        1, "Deputies have accused the ministry of obstructing the inquiry into Velmora.",
        "the ministry of obstructing the inquiry into Velmora")
    against_velmora = accusation(
        2, "Deputies have accused Velmora of shelling the port.", "Velmora of shelling the port")
    told = accusation(3, "Deputies said Velmora shelled the port.", "Velmora shelled the port")
    d = cl(4, "a1", "e1", "denies", "allegations of shelling")
    assert [c.id for c in accusations_against(d, [against_ministry, against_velmora, told], ["Velmora"])] == \
        ["c2", "c3"]


def test_a_denier_answers_an_alleged_act_it_did_not_one_done_to_it():
    done_to = ev(1, "a1", "They allegedly attacked the port of Velmora.", "attack", patient="the port of Velmora",
                 modality="alleged")
    done_by = ev(2, "a1", "Velmora allegedly attacked the port.", "attack", modality="alleged")
    done_by.agent = "Velmora"
    d = cl(3, "a1", "e1", "denies", "allegations that it attacked the port")
    assert denied_event(d, [done_to], ["Velmora"]) is None
    assert denied_event(d, [done_to, done_by], ["Velmora"]) is done_by


def test_a_denial_answers_the_allegation_in_its_own_article_first():
    against = [cl(1, "a1", "e2", "alleges", "Arven took bribes"), cl(2, "a2", "e3", "alleges", "Arven paid off")]
    assert denied_claim(cl(3, "a2", "e1", "denies", "taking any money"), against).id == "c2"
    assert denied_claim(cl(3, "a3", "e1", "denies", "taking any money"), against).id == "c1"
    assert denied_claim(cl(3, "a2", "e1", "denies", "any sexual misconduct"), against) is None


def test_a_denial_that_names_no_act_answers_the_nearest_allegation_before_it():
    def at(c, start):
        c.start, c.end = start, start + len(c.content)
        return c
    earlier = at(cl(1, "a1", "e2", "alleges", "Arven of harassing a colleague"), 100)
    nearest = at(cl(2, "a1", "e3", "alleges", "Arven met the judge in secret"), 900)
    later = at(cl(3, "a1", "e4", "alleges", "Arven of bullying his staff"), 2000)
    d = at(cl(4, "a1", "e1", "denies", "these claims"), 1000)
    assert denied_claim(d, [earlier, nearest, later]).id == "c2"
    assert denied_claim(at(cl(5, "a1", "e1", "denies", "these claims"), 50), [earlier, nearest, later]).id == "c1"


def test_a_denial_answers_an_alleged_act_of_the_denier_only():
    alleged = [ev(1, "a1", "Arven allegedly took bribes.", "bribery", actors=("e2",), modality="alleged"),
               ev(2, "a1", "He allegedly paid the haulier.", "bribery", actors=("e1",), modality="alleged")]
    assert denied_event(cl(3, "a2", "e1", "denies", "taking any money"), alleged).id == "ev2"
    assert denied_event(cl(3, "a2", "e3", "denies", "taking any money"), alleged) is None


def test_found_keeps_a_pair_once_where_it_was_first_found():
    a, b = {"ref": "ev1"}, {"ref": "ev2"}
    found = Found()
    found.add("s1", [("date", "arrest", a, b)])
    found.add("s2", [("date", "arrest", a, b), ("figure", "death", a, b)])
    assert [(r["kind"], r["story"]) for r in found.records] == [("date", "s1"), ("figure", "s2")]


def test_a_count_takes_the_measure_of_its_own_clause():
    from storyline.conflicts import counts
    # the infected and the dead of one sentence are two counts, each with its own word
    assert counts("The fever, which has infected some 2,000 people and killed around 40 in Ostrava, spreads.") == \
        {"ill": 2000, "dead": 40}
    assert counts("The toll in the valley stands at 31, while 4 people have died in the capital.") == {"dead": 31}
    assert counts("The blast on May 4 killed 6 miners and injured 9.") == {"dead": 6, "hurt": 9}
    # an age, a span of time and a sum are no counts of people
    assert counts("Ana Ruiz, 44, from Tarvo, was named as the first to have died since it began three months ago.") \
        == {}
    assert counts("The firm paid $30 million to 400 families after 12 people died.") == {"dead": 12}
    # a day before its month is a date, and a count of animals is no toll
    assert counts("The dam that gave way on 20 March caused the deaths of 14 villagers.") == {"dead": 14}
    assert counts("Some 2,300 wildlife have died since the spill, and 9 fishermen were killed.") == {"dead": 9}


def test_a_denial_of_fact_answers_the_report_of_that_act_in_its_article():
    from storyline.conflicts import denials
    heard = cl(1, "a1", "Two reporters", "asserts", "they heard shots being fired near the bridge")
    denied = cl(2, "a1", "The police", "denies", "there was any shooting")
    denied.speaker, denied.start = None, 60       # an unresolved body: no cast member to accuse
    pairs = list(denials([heard, denied], [], {}))
    assert [(a["ref"], b["ref"]) for *_, a, b in pairs] == [("c1", "c2")]
    # in another article, or denying no act of its own ("the reports"), it answers nothing here
    assert list(denials([cl(1, "a2", "Two reporters", "asserts", "they heard shots"), denied], [], {})) == []
    vague = cl(3, "a1", "The police", "denies", "the reports")
    vague.speaker, vague.start = None, 60
    assert list(denials([heard, vague], [], {})) == []
    # a rejection names what the rejecter accuses the other side of, not an act that did not happen
    rejects = cl(4, "a1", "The minister", "rejects", "the reporters' account of shots is misleading")
    rejects.speaker, rejects.start = None, 60
    assert list(denials([heard, rejects], [], {})) == []


def test_a_denial_of_fact_does_not_answer_its_own_side_or_a_report_that_agrees():
    from storyline.conflicts import denials
    denied = cl(2, "a1", "The city police", "denies", "there was any shooting near the bridge")
    denied.speaker, denied.start = None, 90
    own = cl(1, "a1", "City police spokeswoman Ana Ruiz", "asserts", "officers heard shots being fired")
    agrees = cl(3, "a1", "Two reporters", "asserts", "they heard no shots being fired")
    assert list(denials([own, agrees, denied], [], {})) == []
    heard = cl(4, "a1", "Two reporters", "asserts", "they heard shots being fired")
    assert [(a["ref"], b["ref"]) for *_, a, b in denials([own, heard, denied], [], {})] == [("c4", "c2")]
    # denying "accusations that" answers an allegation, not an account
    of_acc = cl(5, "a1", "The city police", "denies", "accusations that officers fired shots near the bridge")
    of_acc.speaker, of_acc.start = None, 90
    assert list(denials([heard, of_acc], [], {})) == []
    alleged = cl(6, "a1", "Two reporters", "alleges", "officers fired shots near the bridge")
    assert [(a["ref"], b["ref"]) for *_, a, b in denials([alleged, of_acc], [], {})] == [("c6", "c5")]


def test_each_source_of_a_merged_event_is_a_report_of_its_count():
    from storyline.model import Source
    e = ev(1, "a1", "The blast killed 9 workers.", "disaster")
    e.sources.append(Source("a2", 0, 40, "The toll from the blast rose to 11."))
    pairs = list(figure_changes([e], published={"a1": "2031-05-03", "a2": "2031-05-05"}))
    assert [(a["article"], a["value"], b["article"], b["value"]) for *_, a, b in pairs] == [("a1", "9", "a2", "11")]


def test_two_happenings_of_one_type_on_two_days_are_no_date_disagreement():
    # Written for this test: the platform exploded on 9 March (one report) and sank on 11 March (another).
    blast = ev(1, "a1", "the Kalmar Star platform exploded on 9 March", "disaster", "2031-03-09", trigger="exploded")
    sank = ev(2, "a2", "the Kalmar Star platform sank on 11 March", "disaster", "2031-03-11", trigger="sank")
    assert list(date_disagreements([blast, sank])) == []
    blast2 = ev(3, "a2", "the blast on the Kalmar Star on 10 March", "disaster", "2031-03-10", trigger="blast")
    assert [k for k, *_ in date_disagreements([blast, blast2])] == ["date"]


def test_two_publication_dates_are_no_date_disagreement():
    # Written for this test: one sentence printed by two reports a day apart, dated only by their publication.
    a = ev(1, "a1", "the city isolated everyone in the hotel", "containment", "2031-05-04", trigger="isolated")
    b = ev(2, "a2", "the city isolated everyone in the hotel", "containment", "2031-05-05", trigger="isolated")
    assert [k for k, *_ in date_disagreements([a, b])] == ["date"]      # as stated dates: they disagree
    a.date_basis = b.date_basis = "reported"
    assert list(date_disagreements([a, b])) == []
