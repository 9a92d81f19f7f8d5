"""A happening most reports tell in their own voice is not "attributed" (twenty-seventh session). When one report
told it as a source's statement and others as fact, the merged event kept the anchor's modality "reported" and read
"attributed to the UN, Experts ... and 59 more" for a quake that 76 outlets reported as fact. Every page here is
written for the test."""
from __future__ import annotations

import json

import pytest

import storyline
from storyline.model import Event, Source
from storyline.timeline import attribution, own_voice

PAGES = [
    {"id": "mill-1", "date": "2031-05-07", "title": "Fire at Dunmore mill",
     "text": "A fire destroyed the Dunmore paper mill on Tuesday night, the county fire service said.\n\n"
             "Forty firefighters fought the blaze for six hours."},
    {"id": "mill-2", "date": "2031-05-07", "title": "Dunmore mill burns",
     "text": "A fire destroyed the Dunmore paper mill on Tuesday night.\n\n"
             "The mill employed 300 people, and its owner Harl Bexley said it would be rebuilt."},
    {"id": "mill-3", "date": "2031-05-08", "title": "Dunmore counts the cost",
     "text": "A fire destroyed the Dunmore paper mill on Tuesday night.\n\n"
             "Town leaders met on Wednesday to discuss help for the workers."},
]


def _ev(modality: str, claim: str | None, art: str) -> Event:
    return Event(id=f"e-{art}", date="2031-05-06", summary="A fire destroyed the mill", type="disaster",
                 actors=[], modality=modality, sources=[Source(art, 0, 10, "A fire", claim)])


def test_one_report_in_its_own_voice_makes_the_merged_happening_asserted():
    told = [_ev("reported", "c1", "a"), _ev("asserted", None, "b")]
    merged = told[0]
    merged.sources += told[1].sources
    own_voice([merged], told)
    assert merged.modality == "asserted"
    # told only through sources, it stays attributed
    alone = [_ev("reported", "c1", "a"), _ev("reported", None, "b")]
    alone[0].sources += alone[1].sources
    own_voice([alone[0]], alone)
    assert alone[0].modality == "reported"


def test_an_asserted_happening_reads_as_fact_unless_every_report_attributes_it():
    src = [{"claim": "c1"}, {"claim": None}]
    name = {"c1": "the fire service"}.get
    said = lambda s: name(s.get("claim") or "")  # noqa: E731
    assert attribution({"modality": "asserted", "sources": src}, said) == ""
    assert attribution({"modality": "asserted", "sources": src[:1]}, said) == "attributed to the fire service"
    assert attribution({"modality": "reported", "sources": src}, said) == "attributed to the fire service"


@pytest.mark.slow
def test_a_build_shows_the_fire_as_fact(tmp_path):
    storyline.build_records(PAGES, out_dir=tmp_path)
    data = json.loads((tmp_path / "storyline.json").read_text("utf-8"))
    fire = [e for e in data["events"] if "destroyed the Dunmore paper mill" in e["summary"]]
    assert len(fire) == 1, [e["summary"] for e in data["events"]]
    assert len({s["article"] for s in fire[0]["sources"]}) == 3
    assert fire[0]["modality"] == "asserted"
    md = (tmp_path / "timeline.md").read_text("utf-8")
    line = next(x for x in md.splitlines() if "destroyed the Dunmore paper mill" in x)
    assert "attributed" not in line, line


UNDERSTANDS = [
    {"id": "port-1", "date": "2031-06-02", "title": "Port inquiry widens",
     "text": "An inquiry into contracts at the Harvik port authority has widened.\n\n"
             "The Courier understands that at least four officials at the port authority have been questioned by "
             "police investigators in Harvik.\n\n"
             "The authority's director, Lene Toft, declined to comment."},
]


@pytest.mark.slow
def test_an_event_after_the_claim_s_that_is_still_the_claim_s(tmp_path):
    # the clause's subtree takes "that"; the claimed words start after it
    storyline.build_records(UNDERSTANDS, out_dir=tmp_path)
    data = json.loads((tmp_path / "storyline.json").read_text("utf-8"))
    ev = next(e for e in data["events"] if "questioned" in e["summary"])
    claims = {c["id"]: c for c in data["claims"]}
    told = [s.get("claim") for s in ev["sources"]]
    assert told[0] and "Courier" in claims[told[0]]["speaker_text"], (ev, told)


@pytest.mark.slow
def test_a_time_clause_of_the_saying_is_the_report_s_own_voice():
    from storyline import events, nlp
    doc = nlp.get_nlp()('After the ferry was seized by customs officers, its cargo was confirmed as stolen. '
                        '"After the dam burst, the roads flooded," she said. '
                        'Officials said that after the dam burst the roads flooded.')
    mod = {(t.text, t.sent.start): events.modality(t)[0] for t in doc if t.lemma_ in ("seize", "burst")}
    assert [m for (w, _), m in sorted(mod.items(), key=lambda x: x[0][1])] == ["asserted", "reported", "reported"]


@pytest.mark.slow
def test_a_time_phrase_of_the_saying_is_the_report_s_own_voice():
    from storyline import events, nlp
    doc = nlp.get_nlp()("The minister said after a visit to the harbour that the repairs would take a year.")
    visit = next(t for t in doc if t.lower_ == "visit")
    assert events.modality(visit)[0] == "asserted"
