"""The key-event decision on events written here: the day's news against background, lead against late, fragments."""
from storyline.salience import age_days, rank_fields

PUB = {"a1": "2010-05-20", "a2": "2010-05-21"}


def ev(summary, date=None, start=0, type_="disaster", actors=("e1",), sources=1, modality="asserted", art="a1"):
    return {"summary": summary, "date": date, "type": type_, "actors": list(actors), "modality": modality,
            "independent_sources": sources, "sources": [{"article": art, "start": start, "end": start + 40,
                                                         "text": summary}]}


def test_the_days_news_is_key_and_a_dated_background_event_is_not():
    news = rank_fields(ev("The rig exploded and sank in the gulf", "2010-05-18", start=0), PUB)
    past = rank_fields(ev("the tanker ran aground and spilled its oil", "1989", start=0), PUB)
    assert news["key"] and "the report's own news +1" in news["why"]
    assert not past["key"] and past["weak"] == ["background"]
    assert past["salience"] < news["salience"]


def test_the_same_event_is_key_in_the_lead_and_not_deep_in_the_article():
    lead = rank_fields(ev("Engineers capped the leaking well", start=120), PUB)
    late = rank_fields(ev("Engineers capped the leaking well", start=4000), PUB)
    assert lead["key"] and not late["key"]
    assert lead["salience"] - late["salience"] == 1.0


def test_a_clause_fragment_and_a_hypothetical_are_never_key_however_well_placed():
    frag = rank_fields(ev("sank", "2010-05-19", sources=4), PUB)
    maybe = rank_fields(ev("The dam could fail within days", "2010-05-19", modality="hypothetical"), PUB)
    assert not frag["key"] and "fragment" in frag["weak"]
    assert not maybe["key"] and maybe["weak"] == ["hypothetical"]


def test_age_reads_a_month_or_year_at_its_end_and_uses_the_earliest_report():
    assert age_days(ev("x y z", "2010-05"), PUB) == -11           # "in May", reported May 20: not background
    assert age_days(ev("x y z", "2009"), PUB) == 140
    assert age_days(ev("x y z", "2010-05-18", art="a2"), PUB) == 3
    assert age_days(ev("x y z", "2010-05-18"), None) is None      # no publication dates: age not judged


def test_without_publication_dates_a_background_date_is_not_held_against_the_event():
    e = ev("the tanker ran aground and spilled its oil", "1989", start=0)
    assert rank_fields(e)["key"] and not rank_fields(e, PUB)["key"]


def test_a_verb_outside_the_taxonomy_is_key_in_the_lead_with_named_actors_only():
    # "Coast guards have joined the clean-up": no event type names "join", but told in the lead by named actors
    # it is the report's news. Deep in the article, or without a named actor, it stays a generic event.
    lead = rank_fields(ev("The Vardo coast guard has joined the clean-up of the slick", "2010-05-19",
                          start=0, type_="other"), PUB)
    late = rank_fields(ev("The Vardo coast guard has joined the clean-up of the slick", "2010-05-19",
                          start=3000, type_="other"), PUB)
    nobody = rank_fields(ev("Crews have joined the clean-up of the slick", "2010-05-19", start=0, type_="other",
                            actors=()), PUB)
    assert lead["key"] and "the lead's news by named actors +1.5" in lead["why"]
    assert not late["key"] and late["weak"] == ["generic type"]
    assert not nobody["key"] and nobody["weak"] == ["generic type"]


def test_history_is_told_apart_in_a_report_with_only_a_bound_on_its_date():
    old = ev("the Talvor tanker spill in the Baltic killed nine sailors", "1989")
    # No publication date: the age is unknown, so nothing rules the old spill out ...
    assert "background" not in rank_fields(old, {"a1": None})["weak"]
    # ... but a report that cannot be older than 2031-09-13 tells of 1989 as history.
    assert "background" in rank_fields(old, {"a1": None}, {"a1": "not before 2031-09-13"})["weak"]
    # The bound says nothing of how current the news is: a day just before it is not ruled out.
    recent = ev("the Talvor tanker sank in the Baltic with nine sailors aboard", "2031-09-10")
    fields = rank_fields(recent, {"a1": None}, {"a1": "not before 2031-09-13"})
    assert "background" not in fields["weak"] and not any("own news" in w for w in fields["why"])
