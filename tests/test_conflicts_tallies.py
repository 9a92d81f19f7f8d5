"""Updates of running figures (conflicts.figures, tally_updates, find): fictional sentences, each rule with a case
it must pair and a case it must not."""
from storyline.conflicts import figures, find, tally_updates
from storyline.model import Article, Claim, Entity

PLACES = {"Veloria": "p-vel", "Ostmark": "p-ost", "UK": "p-uk"}


def one(text, year="2031"):
    got = figures(text, PLACES, year)
    return [(f["measure"], f["subject"], f["value"], f["hedge"], f["status"]) for f in got]


def test_a_figure_is_a_number_with_its_measure_and_place():
    assert one("Veloria has confirmed 40 cases of the fever.") == [("cases", "p-vel", 40.0, "", "confirmed")]
    assert one("The death toll in Ostmark stands at 83.") == [("deaths", "p-ost", 83.0, "", "")]
    assert one("About 1,300 people around the world have been infected.") == [("cases", "", 1300.0, "approx", "")]
    # a measure needs its word: a bare number counts nothing
    assert one("The committee met 12 delegates in Veloria.") == []


def test_units_barrels_gallons_rates_and_money():
    assert one("Some 8,400 gallons of crude spilled into the bay.") == [("barrels", "", 200.0, "approx", "")]
    assert one("An estimated 3,000 barrels a day are leaking from the pipe.")[0][:3] == ("barrels a day", "", 3000.0)
    # oil that was stored or burnt is no part of the spill
    assert one("The tanker stored 3,000 barrels of the recovered crude.") == []
    assert one("The insurer has paid claimants $ 12m so far.") == [("money paid in compensation", "", 12e6, "", "")]
    # a fee, a cost or a fund's size is no running tally
    assert one("The firm has been paid $ 2m for its advice.") == []
    assert one("The clean-up has cost $ 40m.") == []


def test_what_is_not_a_running_figure():
    assert one("Seasonal fever kills 3,000 people a year in Veloria.") == []          # a rate per year
    assert one("Between 1,000 and 5,000 barrels of oil are leaking.") == []           # a range
    assert one("Up to 90,000 people could die in Ostmark in a bad winter.") == []     # a projection
    assert one("The 1998 flood killed 400 people in Ostmark.") == []                  # another year's figure
    assert one("A further 59 cases were found in Veloria.") == []                     # an increment
    assert one("The toll was revised from an earlier estimate of 300.") == []         # an old value
    assert one("Officials had earlier put the number of dead at 12.") == []          # a retold old value
    assert one("Veloria is one of the worst hit countries.") == []                    # a part
    assert one("A lawyer asked the court to join more than 100 cases against the firm.") == []   # court cases
    # several places in the sentence and none in the figure's clause: whose count it is cannot be told
    assert one("Officials of Veloria and Ostmark met; 30 deaths were reported.") == []


def test_a_list_shares_its_measure_and_a_total_takes_the_sentence_s():
    got = one("The number of cases in Ostmark hit four figures; in the UK it rose to more than 750.")
    assert ("cases", "p-uk", 750.0, "floor", "") in got
    assert one("Two more patients were diagnosed, taking the total in the UK to 184.") == \
        [("cases", "p-uk", 184.0, "", "")]


def report(measure, subject, value, date, art, hedge="", status="", words=None, rank=(False,)):
    return {"measure": measure, "subject": subject, "place": "", "value": value, "words": words or str(value),
            "hedge": hedge, "status": status, "date": date, "article": art, "offset": 0, "rank": rank,
            "side": {"ref": art, "ref_kind": "sentence", "article": art, "start": 0, "end": 1, "text": "x"}}


def pairs(reports):
    return [(a["value"], b["value"]) for _, _, a, b in tally_updates(reports)]


def test_updates_pair_each_new_value_with_the_last_earlier_one():
    rs = [report("cases", "p-uk", 2, "2031-04-01", "a1"), report("cases", "p-uk", 2, "2031-04-03", "a2"),
          report("cases", "p-uk", 184, "2031-05-01", "a3"), report("cases", "p-uk", 1320, "2031-06-01", "a4")]
    assert pairs(rs) == [("2", "184"), ("184", "1320")]


def test_no_update_across_subjects_measures_or_within_a_day():
    rs = [report("cases", "p-uk", 20, "2031-04-01", "a1"), report("cases", "p-vel", 40, "2031-04-02", "a2"),
          report("deaths", "p-uk", 3, "2031-04-03", "a3"), report("cases", "p-uk", 25, "2031-04-01", "a4")]
    assert pairs(rs) == []


def test_status_bounds_and_scale():
    # a confirmed count pairs with the earlier confirmed one, not with the suspected toll between them
    rs = [report("deaths", "p-vel", 20, "2031-04-01", "a1", status="confirmed"),
          report("deaths", "p-vel", 150, "2031-04-03", "a2", status="suspected", hedge="approx"),
          report("deaths", "p-vel", 66, "2031-05-01", "a3", status="confirmed")]
    assert pairs(rs) == [("20", "150"), ("20", "66")]
    # a later floor below the earlier figure says less, not otherwise; a floor passed is an update
    assert pairs([report("barrels", "", 4.9e6, "2031-04-01", "a1"),
                  report("barrels", "", 4e6, "2031-05-01", "a2", hedge="floor")]) == []
    assert pairs([report("cases", "p-uk", 750, "2031-04-01", "a1", hedge="floor"),
                  report("cases", "p-uk", 1261, "2031-04-05", "a2")]) == [("750", "1261")]
    # "about 150" restated as 149 is the same report; a thousandfold jump is another thing counted
    assert pairs([report("deaths", "", 150, "2031-04-01", "a1", hedge="approx"),
                  report("deaths", "", 149, "2031-04-02", "a2")]) == []
    assert pairs([report("cases", "", 33e6, "2031-04-01", "a1"), report("cases", "", 8000, "2031-04-02", "a2")]) \
        == []


def test_an_article_s_record_comparison_does_not_break_the_series():
    rs = [report("barrels", "", 4.0e6, "2031-04-01", "a1"),
          report("barrels", "", 2.6e5, "2031-04-05", "a2", rank=(False, 1)),
          report("barrels", "", 4.9e6, "2031-04-05", "a2", rank=(False, 2))]
    assert pairs(rs) == [("4000000.0", "4900000.0")]


def test_find_reports_updates_with_both_sources_and_keeps_figure_pairs_once():
    t1 = "Veloria has confirmed 40 cases of the fever. The ministry spoke."
    t2 = "The ministry spoke again. Veloria now has 95 confirmed cases."
    arts = [Article("a1", "p", text=t1, published="2031-03-01"), Article("a2", "p", text=t2, published="2031-03-04")]
    cls = [Claim("c1", None, None, False, "asserts", t1[:44], "a1", 0, 44, story="s1"),
           Claim("c2", None, None, False, "asserts", t2[26:], "a2", 26, len(t2), story="s1")]
    ents = [Entity("p-vel", "Veloria", "place")]
    reading = {"a1": ([(0, 44, "body"), (45, len(t1), "body")], []),
               "a2": ([(0, 25, "body"), (26, len(t2), "body")], [])}
    got = [c for c in find([], cls, arts, ents, reading) if c["kind"] == "update"]
    assert [(c["what"], c["a"]["value"], c["b"]["value"], c["a"]["ref"], c["b"]["ref"]) for c in got] == \
        [("cases in Veloria", "40", "95", "c1", "c2")]
    # a figure in a sentence no claim or event carries is cited by the sentence itself
    cls[1] = Claim("c2", None, None, False, "asserts", t2[:25], "a2", 0, 25, story="s1")
    got = [c for c in find([], cls, arts, ents, reading) if c["kind"] == "update"]
    assert [(c["a"]["ref"], c["b"]["ref_kind"], c["b"]["start"], c["b"]["text"]) for c in got] == \
        [("c1", "sentence", 26, t2[26:])]


def test_a_total_takes_the_sentence_s_measure_only_when_the_number_has_no_noun_of_its_own():
    assert one("The number of deaths in Veloria rose to 40; 3 ministers resigned.") == \
        [("deaths", "p-vel", 40.0, "", "")]
    assert one("The number of people in the UK that have the virus is heading towards the 3,000 mark.") == \
        [("cases", "p-uk", 3000.0, "approx", "")]


def test_a_list_head_names_countries_too():
    assert ("countries", "", 39.0, "", "") in one("The number of countries with cases of the fever rose to 39.")


def test_a_correction_pairs_the_wrong_figure_with_the_right_one_in_the_same_article():
    t = ("Some 3 million gallons of oil leaked into the bay. Crews worked all night. "
         "The leak is estimated at 3 million barrels, not 3 million gallons.")
    s1, s2, s3 = (0, 50), (51, 74), (75, len(t))
    arts = [Article("a1", "p", text=t, published="2031-03-01")]
    cls = [Claim("c1", None, None, False, "asserts", t[51:74], "a1", 51, 74, story="s1")]
    reading = {"a1": ([(*s1, "body"), (*s2, "body"), (*s3, "body")], [])}
    got = [c for c in find([], cls, arts, [], reading) if c["what"] == "correction"]
    assert [(c["a"]["start"], c["a"]["value"], c["b"]["start"], c["b"]["value"]) for c in got] == \
        [(0, "3 million gallons", 75, "3 million barrels")]
    # "not" with a figure no other sentence states corrects nothing that was printed
    t2 = t.replace("Some 3 million gallons", "Some oil")
    arts = [Article("a1", "p", text=t2, published="2031-03-01")]
    reading = {"a1": ([(0, 33, "body"), (34, 57, "body"), (58, len(t2), "body")], [])}
    assert [c for c in find([], cls, arts, [], reading) if c["what"] == "correction"] == []


def test_the_figure_kind_keeps_only_pairs_the_tally_reading_lets_stand():
    from storyline.conflicts import _tally_agrees

    def side(text, value, art):
        return {"ref": art, "ref_kind": "event", "article": art, "start": 0, "end": len(text), "text": text,
                "value": value}
    pub = {"a1": "2031-04-01", "a2": "2031-04-03"}
    there = side("The fever has killed 160 people in Ostmark.", "160", "a1")
    here = side("Up to 169 people are believed to have died in Veloria.", "169", "a2")
    assert not _tally_agrees(("figure", "death", there, here), PLACES, pub)        # two places
    suspected = side("Officials suspect 169 people have died in Veloria.", "169", "a1")
    counted = side("The toll in Veloria stands at 83.", "83", "a2")
    assert not _tally_agrees(("figure", "death", suspected, counted), PLACES, pub)  # narrower, not a fall
    later = side("The toll in Veloria rose to 180.", "180", "a2")
    assert _tally_agrees(("figure", "death", suspected, later), PLACES, pub)
    # where a side does not read as a tally, the figure pair stands
    assert _tally_agrees(("figure", "death", side("Nine died.", "9", "a1"), counted), PLACES, pub)


def test_one_incident_s_dead_are_no_running_tally_but_a_running_toll_is():
    # a story of many attacks: each attack's dead are its own
    assert one("A car bomb killed 12 people in Ostmark on Monday.") == []
    assert one("Gunmen shot dead 7 villagers in Veloria.") == []
    assert one("The toll from the attacks in Ostmark has risen to 40.") == [("deaths", "p-ost", 40.0, "", "")]
    assert one("Fighting has killed 300 people in Veloria since March.") == [("deaths", "p-vel", 300.0, "", "")]


def test_countries_are_counted_only_as_a_spread():
    assert one("Delegates from 30 countries met in Ostmark.") == []
    assert ("countries", "", 50.0, "approx", "confirmed") in one("Almost 50 countries have confirmed cases.")
