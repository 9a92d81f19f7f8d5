"""Events: taxonomy as data, modality, arguments, nominal events, and conflicts in storyline.json."""
from __future__ import annotations

import pytest

from storyline.events import event_type, taxonomy


def test_taxonomy_is_data_and_tells_warrant_stages_apart():
    types = {r["type"] for r in taxonomy()}
    assert {"arrest_warrant_requested", "arrest_warrant_issued", "arrest_warrant_executed", "charges_confirmed",
            "charges_withdrawn", "surrender_or_arrest", "trial", "verdict", "recusal_or_step_aside",
            "cooperation_or_evidence_sharing", "jurisdiction", "meeting_or_visit", "appointment", "election",
            "attack", "death", "agreement", "sanction", "investigation", "lawsuit"} <= types
    assert event_type("seek", {"arrest", "warrant"}) == "arrest_warrant_requested"
    assert event_type("issue", {"warrant"}) == "arrest_warrant_issued"
    assert event_type("execute", {"warrant"}) == "arrest_warrant_executed"
    assert event_type("withdrawal", {"charges"}, noun=True) == "charges_withdrawn"
    assert event_type("visit", set(), noun=True) == "meeting_or_visit"
    assert event_type("juggle", {"balls"}) == "other"


def test_a_force_of_nature_that_strikes_is_a_disaster_not_an_attack():
    assert event_type("strike", {"the", "earthquake"}) == "disaster"
    assert event_type("hit", {"storm", "coast"}) == "disaster"
    assert event_type("strike", {"missile", "convoy"}) == "attack"


def _events(text, published="2025-03-10"):
    from datetime import date

    from storyline import events, nlp, timex
    from storyline.model import Article
    doc = next(nlp.parse([text]))
    art = Article("t", "t", text=text)
    sents = nlp.sentences(art, doc)
    tx = timex.find(text, date.fromisoformat(published))
    return doc, events.extract("t", doc, sents, nlp.mentions(art, doc, sents), tx)


@pytest.mark.slow
@pytest.mark.parametrize("text,trigger,expected", [
    ("Police arrested Jon Ferrow in Kestrow on Monday.", "arrested", "asserted"),
    ("Jon Ferrow allegedly attacked a guard in Kestrow on Monday.", "attacked", "alleged"),
    ("Jon Ferrow will visit Kestrow on Friday.", "visit", "planned"),
    ("Jon Ferrow could visit Kestrow on Friday.", "visit", "hypothetical"),
    ("Jon Ferrow denied that he attacked a guard in Kestrow on Monday.", "attacked", "denied"),
    ("It is unclear whether Jon Ferrow visited Kestrow on Monday.", "visited", "questioned"),
    ("Jon Ferrow did not visit Kestrow on Monday.", "visit", "negated"),
    ("Officials said Jon Ferrow visited Kestrow on Monday.", "visited", "reported"),
    ("If Jon Ferrow visits Kestrow on Friday, he will be arrested.", "visits", "hypothetical"),
])
def test_modality(text, trigger, expected):
    from storyline.events import modality
    doc, _ = _events(text)
    tok = next(t for t in doc if t.text == trigger)
    assert modality(tok)[0] == expected


@pytest.mark.slow
def test_arguments_and_summary_in_the_events_own_words():
    _, evs = _events("Police arrested Jon Ferrow in Kestrow on Monday.")
    ev = next(e for e in evs if e.trigger == "arrested")
    assert (ev.agent, ev.patient, ev.location) == ("Police", "Jon Ferrow", "Kestrow")
    assert ev.type == "surrender_or_arrest" and ev.date == "2025-03-10"
    assert all(w in ev.sent.text for w in ev.summary.split())


@pytest.mark.slow
def test_a_nominalisation_with_a_date_or_actor_is_an_event():
    _, evs = _events("The January 2024 withdrawal of the charges against Jon Ferrow drew criticism.")
    noun = [e for e in evs if e.trigger == "withdrawal"]
    assert noun and noun[0].type == "charges_withdrawn" and noun[0].date == "2024-01"


@pytest.mark.slow
@pytest.mark.parametrize("text,trigger,date", [
    # the date follows the noun, though the parse may hang it on the verb
    ("Aid has reached the town since the devastating earthquake on 12 January.", "earthquake", "2025-01-12"),
    ("Nine workers were killed in the explosion on March 3 at the Orsk refinery.", "explosion", "2025-03-03"),
    # a verdict noun names a happening only with its date
    ("Repairs have gone slowly since the disaster on 20 February.", "disaster", "2025-02-20"),
])
def test_a_happening_named_by_its_noun_takes_the_date_that_follows_it(text, trigger, date):
    _, evs = _events(text)
    noun = [e for e in evs if e.trigger == trigger]
    assert noun and noun[0].type == "disaster" and noun[0].date == date


@pytest.mark.slow
def test_a_verdict_noun_with_a_name_but_no_date_is_no_event():
    _, evs = _events("Analysts called the strike a public relations disaster for Dravik Engineering.")
    assert not [e for e in evs if e.trigger == "disaster"]


@pytest.mark.slow
def test_demo_conflicts_record_the_updates(demo_build, expected):
    _, data, _ = demo_build
    from storyline.output import validate
    validate(data)
    texts = {a["id"]: a["text"] for a in data["articles"]}
    for c in data["conflicts"]:
        for side in (c["a"], c["b"]):
            assert texts[side["article"]][side["start"]:side["end"]] == side["text"]
    for u in expected["updates"]:
        chain = [u["old"], *([u["middle"]] if "middle" in u else []), u["new"]]
        for old, new in zip(chain, chain[1:]):
            assert any(old["contains"] in c["a"]["text"] and new["contains"] in c["b"]["text"]
                       for c in data["conflicts"] if c["kind"] in ("figure", "update")), (old, new)
    assert any(c["kind"] == "denial" for c in data["conflicts"])


@pytest.mark.slow
def test_icc_warrant_requests_and_issued_warrants_are_different_types(icc_build):
    _, data, _ = icc_build
    types = {e["type"] for e in data["events"]}
    assert {"arrest_warrant_requested", "arrest_warrant_issued"} <= types
    issued = [e for e in data["events"] if e["type"] == "arrest_warrant_issued"]
    assert any("issued an arrest warrant" in s["text"] for e in issued for s in e["sources"])
    requested = [e for e in data["events"] if e["type"] == "arrest_warrant_requested"]
    assert not any("issued" == e["trigger"] for e in requested)


def test_conflicts_find_dates_and_figures_but_not_restated_states():
    from storyline.conflicts import find
    from storyline.model import Article, Event, Source

    def ev(i, art, text, typ, date=None, actors=("e1",), patient=None, trigger="x", modality="asserted"):
        return Event(f"ev{i}", date, text, typ, list(actors), modality, [Source(art, 0, len(text), text)],
                     trigger=trigger, story="s1", patient=patient)
    arts = [Article("a1", "p", published="2025-01-02"), Article("a2", "p", published="2025-01-05"),
            Article("a3", "p", published="2025-01-09")]
    evs = [ev(1, "a1", "Nine people died in the blast.", "death", trigger="died"),
           ev(2, "a2", "The toll rose to eleven on Sunday.", "death", trigger="rose"),
           ev(3, "a1", "The mayor opened the bridge on 3 May 2024.", "agreement", "2024-05-03", patient="the bridge"),
           ev(4, "a2", "The mayor opened the bridge on 4 May 2024.", "agreement", "2024-05-04", patient="the bridge"),
           ev(5, "a1", "She said she would stay on.", "position_retained", trigger="stay"),
           ev(6, "a2", "She stepped down on Friday.", "recusal_or_step_aside", trigger="stepped"),
           ev(7, "a3", "She had said she would stay on.", "position_retained", trigger="stay")]
    got = {(c["kind"], c["a"]["value"], c["b"]["value"]) for c in find(evs, [], arts, [])}
    assert got == {("figure", "9", "11"), ("date", "2024-05-03", "2024-05-04"), ("update", "stay on", "stepped down")}


@pytest.mark.slow
@pytest.mark.parametrize("text,trigger,expected", [
    ("Mikhail Arven, the former chief executive of Dravik, was released on bail on Friday.", "released",
     "Mikhail Arven was released on bail on Friday"),
    ("The prosecutor, Karim Khan, has stepped down temporarily.", "stepped", "The prosecutor has stepped down"),
    ("He stepped aside in May and stepped down for good in July.", "stepped", "He stepped aside in May"),
    ("The dam, which collapsed in March, killed 14 people.", "collapsed", "The dam collapsed in March"),
    # Cut to "has prevented the flood", the line would say the opposite of the text.
    ("The mayor of Orrin has prevented the flood from becoming a disaster for the whole valley so far.",
     "prevented", "The mayor of Orrin has prevented the flood from becoming a disaster for the whole valley"),
    # An object-less verb keeps the act it is about: "The gate failed" would say the opposite of the text.
    ("The Orrin flood gate failed to close on Monday night.", "failed",
     "The Orrin flood gate failed to close on Monday night"),
    ("The mayor of Orrin is expected to extend the curfew for six months.", "expected",
     "The mayor of Orrin is expected to extend the curfew for six months"),
    ("The Orrin board said it was investigating how to increase its stock of masks.", "investigating",
     "it was investigating how to increase its stock of masks"),
])
def test_summary_says_who_did_what_in_the_sources_words(text, trigger, expected):
    _, evs = _events(text)
    ev = next(e for e in evs if e.trigger == trigger)
    assert ev.summary == expected
    assert all(w in text for w in ev.summary.split()) and " , " not in ev.summary


@pytest.mark.slow
def test_a_coordinated_verb_borrows_its_subject():
    _, evs = _events("He stepped aside in May and stepped down for good in July.")
    assert [e.summary for e in evs if e.trigger == "stepped"][1] == "He stepped down for good in July"


@pytest.mark.slow
def test_a_sourcing_line_is_no_event():
    # Written for this test: the first sentence says where the text comes from; the second is news.
    _, evs = _events("The Vardo dam operator was charged on Monday by prosecutors in Kestrow.\n\n"
                     "This was reported by the Kestrow Herald with reference to Reuters.\n\n"
                     "The closure of the Vardo dam was reported by the Kestrow Herald on Monday.")
    triggers = {e.trigger for e in evs}
    assert "charged" in triggers and "reported" not in {e.trigger for e in evs if "This" in e.summary}
    assert not any(e.trigger == "reported" for e in evs), [e.summary for e in evs]


@pytest.mark.slow
def test_a_verb_outside_the_taxonomy_needs_two_anchors_among_actor_date_and_lead():
    # Written for this test. The lead's "has joined" has a named actor and is the lead: an event. Further down,
    # "Kestrow relies on ..." has a named actor but no date and is not the lead: page talk, no event; with a
    # date ("on Friday") it is one.
    text = ("The Vardo coast guard has joined efforts to contain the oil slick.\n\n"
            "Officials said the spill was growing.\n\n"
            "The Kestrow Herald relies on readers for its funding.\n\n"
            "The Kestrow Herald moved its offices to Talvor on Friday.")
    _, evs = _events(text)
    triggers = {e.trigger for e in evs}
    assert "joined" in triggers and "relies" not in triggers and "moved" in triggers


@pytest.mark.slow
def test_no_event_takes_its_words_or_date_from_a_dateline_run_into_the_lead():
    from storyline.ingest.chrome import only_opener
    assert only_opener("VARNO, May 3 (Reuters) -") and not only_opener("VARNO (Reuters) - The dam gave way.")
    _doc, evs = _events("TALVOR | Fri May 2, 2025 4:10 pm EDT TALVOR (Reuters) - Police in Kestrow arrested the former "
                        "harbour master on Thursday.", published="2025-05-02")
    assert evs and all("TALVOR" not in e.summary and "EDT" not in e.summary for e in evs)
    # the page's own stamp is when it was filed: the sentence's own "on Thursday" dates the arrest
    assert [e.date for e in evs if e.trigger == "arrested"] == ["2025-05-01"]


@pytest.mark.slow
def test_a_complement_verb_borrows_the_subject_and_verb_it_completes():
    # "flowing into the bay" or "to have died" alone tells the reader nothing: the line says who and what.
    _, evs = _events("The diesel stopped flowing into Kestrow Bay on Thursday. Up to 40 people are believed to have "
                     "died in the Kestrow flood on Monday.")
    summaries = {e.trigger: e.summary for e in evs}
    assert summaries["flowing"] == "The diesel stopped flowing into Kestrow Bay on Thursday"
    assert summaries["died"] == "Up to 40 people are believed to have died in the Kestrow flood on Monday"


@pytest.mark.slow
def test_a_wire_dateline_with_any_agency_gives_no_event_its_words():
    from storyline.ingest.chrome import opener_end
    text = "KESTROW, Marenland (Northern Wire) - The chief prosecutor has asked a court to issue a warrant for Jon Ferrow."
    assert text[opener_end(text):].startswith("The chief prosecutor")
    _, evs = _events(text)
    assert evs and not any("KESTROW" in e.summary for e in evs), [e.summary for e in evs]


@pytest.mark.slow
@pytest.mark.parametrize("text,line", [
    ("The foreign ministry of Velmora has called on Ostrava to arrest the visiting president.",
     "The foreign ministry of Velmora has called on Ostrava to arrest the visiting president"),
    ("President Ana Kell has ordered her administration to begin sharing evidence with the tribunal.",
     "President Ana Kell has ordered her administration to begin sharing evidence with the tribunal"),
    ("Several aid groups called for the prosecutor to step down for the duration of the inquiry.",
     "Several aid groups called for the prosecutor to step down for the duration of the inquiry"),
    ("In a letter the prosecutor is urged to relinquish his duties.",
     "In a letter the prosecutor is urged to relinquish his duties"),
])
def test_a_request_is_one_event_whose_line_keeps_the_act_asked_for(text, line):
    # The act asked for has not happened: alone ("to arrest him") it is a fragment no reader can follow, so it is
    # part of the request's line and no event of its own.
    _, evs = _events(text)
    assert [e.summary for e in evs] == [line]


@pytest.mark.slow
def test_asking_for_oneself_is_no_request_and_a_warrant_request_keeps_its_type():
    _, evs = _events("The diplomat asked to remain anonymous.")
    assert not any("asked" in e.summary for e in evs), [e.summary for e in evs]
    _, evs = _events("The chief prosecutor has asked a court to issue a warrant for Jon Ferrow.")
    assert [(e.type, e.summary) for e in evs] == [
        ("arrest_warrant_requested", "The chief prosecutor has asked a court to issue a warrant for Jon Ferrow")]


@pytest.mark.slow
@pytest.mark.parametrize("text, noun", [
    ("The chief prosecutor sought the arrests of the prime minister Olav Brenn and his deputy in May.", "arrests"),
    ("Protesters called for the resignation of mayor Ana Kell on Friday.", "resignation"),
    ("The Vardo council postponed the vote on the Kestrow bridge.", "vote"),
    ("A Kestrow court issued a warrant for his arrest on June 13.", "arrest"),
])
def test_a_happening_only_wanted_or_put_off_is_no_event_of_its_own(text, noun):
    # Written for this test: the arrests were sought, not made; the vote was put off, not held. The verb's event
    # keeps them in its line.
    _, evs = _events(text)
    assert not any(e.trigger == noun for e in evs), [(e.trigger, e.summary) for e in evs]
    assert any(noun in e.summary for e in evs), [e.summary for e in evs]


@pytest.mark.slow
def test_an_outlet_credited_for_a_clause_is_no_event():
    # Written for this test: "reported", "citing" and "can reveal that" say where the news comes from.
    _, evs = _events("The Vardo tribunal will open two cases against Kestrow officials, The Tribune reported on "
                     "Monday, citing officials.\n\nThe Courier can reveal that a second inquiry has begun.")
    assert not {"reported", "citing", "reveal"} & {e.trigger for e in evs}, [e.summary for e in evs]
    _, evs = _events("The company revealed a plan to close the Vardo plant on Monday.")
    assert "revealed" in {e.trigger for e in evs}    # what was revealed is its object: a statement of substance


@pytest.mark.slow
def test_who_is_about_the_person_before_it_not_the_head_of_the_phrase():
    # Written for this test: the parser hangs "who ..." on "warrant"; the prosecutor prepared the warrant.
    _, evs = _events("Kestrow has issued an arrest warrant for the tribunal prosecutor who in March prepared a "
                     "warrant for Olav Brenn on war crimes charges.")
    line = next(e.summary for e in evs if e.trigger == "prepared")
    assert line.startswith("the tribunal prosecutor in March prepared"), line


@pytest.mark.slow
def test_testimony_revealed_at_a_hearing_stays_an_event():
    _, evs = _events("At a hearing this week, an investigator revealed that the Vardo plant manager had skipped "
                     "the test.\n\nA colleague had accused him of negligence, this newspaper revealed last year.")
    triggers = [e.trigger for e in evs]
    assert triggers.count("revealed") == 1, [e.summary for e in evs]


@pytest.mark.slow
def test_an_undated_relative_clause_describes_its_noun():
    from storyline.salience import weak_reasons
    _, evs = _events("Officials said Ana Kell held meetings about a case she was prosecuting in Vardo.\n\n"
                     "Kestrow has charged the tribunal prosecutor who in March prepared a warrant for Olav Brenn.")
    by = {e.trigger: e for e in evs}
    assert by["prosecuting"].tense == "relative"
    assert by["prepared"].tense == "past"        # its own date: a happening
    ev = {"type": "trial", "summary": by["prosecuting"].summary, "modality": "asserted", "tense": "relative",
          "actors": [], "date": None, "sources": [], "independent_sources": 1}
    assert "describes a noun" in weak_reasons(ev)


@pytest.mark.slow
def test_an_ing_adverbial_says_who_and_a_named_thing_is_no_act():
    # Written for this test.
    _, evs = _events("The Veldra dam gave way on March 3, sending a surge of water into the valley.")
    assert next(e.summary for e in evs if e.trigger == "sending").startswith("The Veldra dam sending")
    for text in ('The minister promised what he called "a complete and honest account" of the failure.',
                 "The Vardo crew used a device called a mud-gas separator.",
                 "Jon Vidar called it the Council on Youth Fitness in 1956."):
        _, evs = _events(text)
        assert not any(e.trigger == "called" for e in evs), [e.summary for e in evs]
    _, evs = _events("The Vardo dockers' union called a strike on Monday.")
    assert any(e.trigger == "called" for e in evs)


def test_a_noun_events_line_does_not_end_on_a_conjunction():
    from storyline.events import TRAILING_CONJ
    assert TRAILING_CONJ.sub("", "his arrest on June 13 and") == "his arrest on June 13"
    assert TRAILING_CONJ.sub("", "the sale of the plant, or") == "the sale of the plant"
    assert TRAILING_CONJ.sub("", "the storm and the flood") == "the storm and the flood"


def test_a_line_keeps_no_lone_quotation_mark():
    from storyline.events import balance_quotes
    assert balance_quotes('a home in Kestrow a result of the move to the Vardo Republic" or other') == \
        "a home in Kestrow a result of the move to the Vardo Republic or other"
    assert balance_quotes('what he called "a complete account') == "what he called a complete account"
    assert balance_quotes('he said "yes" twice') == 'he said "yes" twice'
    assert balance_quotes("what she called “gaps in the file") == "what she called gaps in the file"
    assert balance_quotes("the minister’s plan") == "the minister’s plan"     # an apostrophe is no quotation mark


@pytest.mark.slow
def test_an_announcements_line_keeps_what_was_announced():
    # Written for this test.
    _, evs = _events("The government announced on Thursday that an independent inquiry, led by retired judge Ana "
                     "Kell, would examine why the Vardo dam failed.")
    line = next(e.summary for e in evs if e.trigger == "announced")
    assert line == "The government announced on Thursday that an independent inquiry would examine", line


@pytest.mark.slow
def test_a_phrase_whose_content_clause_is_cut_leaves_the_line():
    # Written for this test: "in the hope" without "that ..." says nothing.
    _, evs = _events('Jon Vidar issued these warrants in the hope that "it would make the West turn against Kestrow."')
    assert next(e.summary for e in evs if e.trigger == "issued") == "Jon Vidar issued these warrants"
    _, evs = _events("He issued warrants in the town of Kestrow.")
    assert next(e.summary for e in evs if e.trigger == "issued") == "He issued warrants in the town of Kestrow"


@pytest.mark.slow
def test_harm_told_in_a_relative_clause_is_news():
    # Written for this test.
    _, evs = _events("The Vardo fever outbreak, which has killed up to 160 people, reached Kestrow.")
    assert next(e.tense for e in evs if e.trigger == "killed") != "relative"


@pytest.mark.slow
def test_a_line_keeps_the_particle_of_its_verb():
    # Written for this test: "stayed on" and "stayed" say opposite things about a step-down.
    _, evs = _events("When the claims surfaced, two unions urged the mayor to resign, but the mayor stayed on.")
    assert next(e.summary for e in evs if e.trigger == "stayed") == "the mayor stayed on"


@pytest.mark.slow
def test_a_second_object_hung_on_the_verb_after_a_comma_leaves_the_line():
    # Written for this test: the parser makes "a result of ..." a second object of "visited".
    _, evs = _events('Vidar said he had visited a shelter for families in northern Kestrow that was "empty, a '
                     'result of the forced removal of families from Kestrow to the Vardo Republic" or other areas.')
    line = next(e.summary for e in evs if e.trigger == "visited")
    assert line.startswith("he had visited a shelter for families in northern Kestrow") and "result" not in line, line
    _, evs = _events("The mayor sent the council a letter on Monday.")      # two objects of the verb's own
    assert next(e.summary for e in evs if e.trigger == "sent") == "The mayor sent the council a letter on Monday"


def test_a_particle_the_parser_calls_a_preposition_ends_a_line():
    from types import SimpleNamespace as T
    from storyline.events import _particle
    verb = T(pos_="VERB")
    assert _particle(T(dep_="prep", n_lefts=0, n_rights=0, head=verb))          # "stayed on."
    assert not _particle(T(dep_="prep", n_lefts=0, n_rights=1, head=verb))      # "stayed on the board"
    assert _particle(T(dep_="prt", n_lefts=0, n_rights=0, head=verb))


def test_a_market_move_is_typed_by_its_direction():
    # A fall in shares is news of its own kind, not a disaster ("shares crashed") or a generic happening.
    assert event_type("plunge", {"shares", "in", "the", "company"}) == "market_fall"
    assert event_type("crash", {"stock", "prices"}) == "market_fall"
    assert event_type("rise", {"shares", "percent"}) == "market_rise"
    assert event_type("crash", {"the", "plane"}) == "disaster"
    assert event_type("rise", {"toll", "dead"}) == "death"


@pytest.mark.slow
@pytest.mark.parametrize("text,trigger,expected", [
    # Written for this test. A fact someone has seen is no question.
    ("Halvex has seen its shares fall by 9 % this week.", "fall", "asserted"),
    # A conjunct with its own subject and auxiliary does not share the first clause's "could".
    ("Forecasters warned that winds could drive the slick ashore, and the navy has called in more ships.",
     "called", "reported"),
    ("It remains to be seen whether the council will reopen the bridge.", "reopen", "questioned"),
])
def test_modality_frames_that_do_not_reach_a_clause(text, trigger, expected):
    _, evs = _events(text)
    assert [e.modality for e in evs if e.trigger == trigger] == [expected]


def test_general_news_acts_have_types_of_their_own():
    # Quarantines and culls, sending troops or aid, public criticism, a designation: timeline acts, not "other".
    assert event_type("quarantine", {"passengers"}) == "containment"
    assert event_type("cull", {"pigs"}) == "containment"
    assert event_type("send", {"troops", "the", "coast"}) == "deployment"
    assert event_type("send", {"a", "letter"}) == "other"
    assert event_type("criticise", {"the", "ministry"}) == "statement"
    assert event_type("designate", {"incident", "of", "national", "significance"}) == "alert"
    assert event_type("raise", {"questions", "incidents"}) == "other"
