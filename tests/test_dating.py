"""Event dating: each clause gets the date that governs its predicate, or none; no year the text does not support."""
from __future__ import annotations

import json
import re

import pytest

pytestmark = pytest.mark.slow

# Written for this test (fictional events): one rule per paragraph.
TEXT = """date 2024-06-10
title Dating test

After Ana Ruiz was arrested by Portuguese police and flown to Madrid in May 2021, the charges against Ruiz were heard by the National Court in February 2022 before being dropped by prosecutor Luis Vega in September 2022.

Troops shelled the port of Odessa, a Ukrainian official said on Wednesday.

Rebels attacked the airport of Goma days after the ceasefire on 3 March 2024.

The Russian army withdrew from Kherson in November 2022. The Kremlin blamed NATO for the defeat.

Prosecutor Luis Vega will visit Lisbon on Friday and met Ana Ruiz on Thursday.

The March report was published by the Spanish ministry in June 2023.

Police in Porto detained Marco Silva on Saturday evening.

The Porto squad travels to Oslo on Saturday for the final.

The ferry Santa Lucia capsized off Vigo on 3 March 2024, injuring dozens and killing 14 passengers.

Nine miners died when the lift at Ponte Alta failed on 2 June 2024.

Rescuers at Ponte Alta found two more miners, ending a search that began on 28 May 2024.

The 9 April 2024 landslide destroyed 40 homes in Sarno. The 2023 flood at Sarno cost the town 3 million euros.

A grain barge sank in the Douro estuary last week.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    import storyline
    src = tmp_path_factory.mktemp("dating_in")
    (src / "a.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path_factory.mktemp("dating_out")
    storyline.build([src], out_dir=out)
    return json.loads((out / "storyline.json").read_text())


def _by_trigger(data, trigger):
    return [e for e in data["events"] if e.get("trigger") == trigger]


def test_each_clause_gets_its_own_date(built):
    want = {"flown": "2021-05", "heard": "2022-02", "dropped": "2022-09"}
    for trig, d in want.items():
        evs = _by_trigger(built, trig)
        assert evs and {e["date"] for e in evs} == {d}, (trig, evs)
    arrested = _by_trigger(built, "arrested")
    assert arrested and arrested[0]["date"] == "2021-05"
    assert "shared with the coordinated clause 'flown'" in arrested[0]["date_how"]


def test_reporting_date_does_not_date_the_reported_event(built):
    shelled = _by_trigger(built, "shelled")
    # No date of its own: at most the report's publication date, marked as such (date_basis "reported").
    assert shelled and all(e["date_basis"] != "stated" for e in shelled)


def test_date_of_another_event_in_a_relative_phrase_does_not_date_the_verb(built):
    attacked = _by_trigger(built, "attacked")
    assert attacked and all(e["date_basis"] != "stated" for e in attacked)


def test_no_date_of_its_own_takes_none(built):
    blamed = _by_trigger(built, "blamed")
    assert all(e["date_basis"] != "stated" for e in blamed)
    withdrew = _by_trigger(built, "withdrew")
    assert withdrew and withdrew[0]["date"] == "2022-11"


def test_tense_per_clause_in_one_sentence(built):
    visit, met = _by_trigger(built, "visit"), _by_trigger(built, "met")
    assert visit and visit[0]["date"] == "2024-06-14"      # future: the Friday after Monday 10 June
    assert met and met[0]["date"] == "2024-06-06"          # past: the Thursday before


def test_a_scheduled_present_is_future(built):
    travels = _by_trigger(built, "travels")
    assert travels and travels[0]["date"] == "2024-06-15"   # the Saturday after Monday 10 June


def test_a_date_naming_a_thing_does_not_date_the_verb_and_a_part_of_day_dates_its_day(built):
    published = _by_trigger(built, "published")
    assert published and published[0]["date"] == "2023-06"
    detained = _by_trigger(built, "detained")
    assert detained and detained[0]["date"] == "2024-06-08"


def _year_supported(e, articles) -> bool:
    """The event's year is written in a source sentence, or date_how names the anchor it was counted from:
    the article's own publication date, or a date that the article's text gives."""
    y = e["date"][:4]
    how = e.get("date_how") or ""
    for s in e["sources"]:
        a = articles[s["article"]]
        if y in s["text"]:
            return True
        pub = re.search(r"publication date (\d{4})-\d\d-\d\d", how)
        if pub and (a.get("published") or "").startswith(pub.group(1)) and abs(int(y) - int(pub.group(1))) <= 1:
            return True
        nar = re.search(r"after (\d{4})[-\dWQ]* given in the text", how)
        if nar and nar.group(1) in a["text"]:
            return True
    return False


def test_icc_no_event_carries_a_year_the_text_does_not_support(icc_build):
    _, data, _ = icc_build
    articles = {a["id"]: a for a in data["articles"]}
    # Stated dates: a reported one is the publication date, checked by the pubdate tests.
    dated = [e for e in data["events"] if e["date"] and e["date"][:4].isdigit() and e["date_basis"] == "stated"]
    assert len(dated) >= 10
    bad = [(e["date"], e["date_how"], e["sources"][0]["text"][:120]) for e in dated if not _year_supported(e, articles)]
    assert not bad, bad


def test_icc_relative_dates_are_anchored_and_explicit_dates_exact(icc_build):
    result, data, _ = icc_build
    arts = {a.id: a for a in result.articles}
    for t in result.timexes:
        a = arts[t.article]
        if t.value and t.value[:4].isdigit() and t.value[:4] not in t.text:
            # a year not written in the expression comes from the publication date or a date in the text
            assert a.published or "given in the text" in t.how or "range" in t.how, (t, a.id)
        if a.published is None and t.how.startswith("anchored"):
            pytest.fail(f"anchored without a publication date: {t}")
        if a.published_from == "inferred" and "publication date" in t.how:
            assert "(inferred)" in t.how, t
    # the explicit dates of the corpus, exactly
    vals = {(t.text, t.value) for t in result.timexes}
    for pair in [("March 17, 2023", "2023-03-17"), ("June 25, 2024", "2024-06-25"), ("March 2022", "2022-03"),
                 ("Feb. 24, 2022", "2022-02-24"), ("March 7", "XXXX-03-07")]:
        assert pair in vals, pair
    # The report on Khan stepping down has no publication date the text pins (only a photo caption's date bounds
    # it), so "October last year" has no year to count from.
    assert ("October last year", "") in vals or ("October last year", None) in vals


def test_a_participle_and_a_when_clause_take_the_time_of_the_clause_they_are_tied_to(built):
    # "injuring dozens and killing 14": the second participle is coordinated with the first.
    for trig, day in (("killing", "2024-03-03"), ("died", "2024-06-02")):
        evs = _by_trigger(built, trig)
        assert evs and all(e["date"] == day and e["date_basis"] == "stated" for e in evs), (trig, evs)
    assert "happens with the clause it follows, 'injuring'" in _by_trigger(built, "killing")[0]["date_how"]
    # (a lift that failed is no disaster of the taxonomy: a collapse would take the deaths into its own event,
    # timeline.fold_harm, and this test is about the date)
    assert "when 'failed' did" in _by_trigger(built, "died")[0]["date_how"]
    # "ending a search that began on 28 May": the date is the search's start, inside a relative clause, and the
    # main clause has no date of its own, so neither "found" nor "ending" is of 28 May.
    for trig in ("found", "ending"):
        assert all(e["date"] != "2024-05-28" or e["date_basis"] != "stated" for e in _by_trigger(built, trig))


def test_the_harm_a_dated_happening_did_is_of_its_day(built):
    # "The 9 April 2024 landslide destroyed 40 homes": the landslide's date is the destruction's; "the 2023 flood
    # ... cost the town" is no harm of that day (the cost came later), so it keeps no stated date.
    destroyed = _by_trigger(built, "destroyed")
    assert destroyed and all(e["date"] == "2024-04-09" and e["date_basis"] == "stated" for e in destroyed), destroyed
    assert all(e["date_basis"] != "stated" for e in _by_trigger(built, "cost"))


def test_a_week_inside_one_month_dates_its_month(built):
    sank = [e for e in _by_trigger(built, "sank") if "barge" in e["summary"]]
    assert sank and sank[0]["date"] == "2024-06" and "last week" in sank[0]["date_how"]


def test_a_week_across_two_months_dates_nothing():
    from storyline.dating import _calendar_value
    from storyline.timex import Timex
    assert _calendar_value(Timex(0, 9, "last week", "DATE", "2024-W22", "")) is None      # May 27 - June 2
    assert _calendar_value(Timex(0, 9, "last week", "DATE", "2024-W23", "")) == "2024-06"
    assert _calendar_value(Timex(0, 9, "the weekend", "DATE", "2024-W22-WE", "")) == "2024-06"   # June 1-2


def _build_one(tmp_path, day: str, text: str) -> dict:
    """storyline.json of a build of one article published on ``day``."""
    import storyline
    src = tmp_path / day[:4] / day
    src.mkdir(parents=True)
    (src / "a.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    storyline.build([src], out_dir=out)
    return json.loads((out / "storyline.json").read_text())


@pytest.mark.slow
def test_yesterday_on_an_infinitive_dates_the_past_verb_that_governs_it(tmp_path):
    data = _build_one(tmp_path, "2031-03-12",
                      "Harbour bill unveiled\n\nThe mayor unveiled her plan to rebuild the harbour yesterday as a key "
                      "to reviving the port. The council agreed to pay for the dredging last night. The mayor planned "
                      "to visit the quay on Friday.\n")
    unveiled = _by_trigger(data, "unveiled")
    assert unveiled and unveiled[0]["date"] == "2031-03-11" and unveiled[0]["date_basis"] == "stated"
    agreed = _by_trigger(data, "agreed")
    assert agreed and agreed[0]["date"] == "2031-03-11"
    # a weekday on the infinitive says nothing of when the planning was
    planned = _by_trigger(data, "planned")
    assert not planned or planned[0]["date_basis"] != "stated"


def test_a_day_run_into_the_name_after_it_and_a_fronted_participle_date_the_predicate(tmp_path):
    data = _build_one(tmp_path, "2031-03-12",      # a Wednesday
                      "Flights row deepens\n\nOn Saturday Foreign Minister Ada Marsh criticised Veldra for cutting "
                      "flights to Tarn. Speaking on state radio late on Monday evening, President Jon Vidar praised "
                      "the country's precautions against the fever.\n")
    criticised = _by_trigger(data, "criticised")
    assert criticised and criticised[0]["date"] == "2031-03-08" and criticised[0]["date_basis"] == "stated"
    praised = _by_trigger(data, "praised")
    assert praised and praised[0]["date"] == "2031-03-10" and praised[0]["date_basis"] == "stated"


def test_a_clause_measured_a_day_after_or_before_is_counted_from_its_governors_day(tmp_path):
    data = _build_one(tmp_path, "2031-03-15",      # a Saturday
                      "Vaccine trials to start\n\nThe Tarn vaccine will enter trials next month, the drugmaker Halvex "
                      "said on Friday, a day after the health agency declared an epidemic in Veldra. The port of Orsk "
                      "reopened on Thursday, two weeks before the ministry ordered the harbour closed again.\n")
    declared = _by_trigger(data, "declared")
    assert declared and declared[0]["date"] == "2031-03-13" and declared[0]["date_basis"] == "stated"
    ordered = _by_trigger(data, "ordered")
    assert ordered and ordered[0]["date"] == "2031-03-27"
