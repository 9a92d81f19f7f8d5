"""Whose account an event is (twenty-sixth session). An event told inside someone's claim ("the council said it
would close the bridge") was shown as "attributed" with no name: a reader could not tell by whom. Each event source
now carries the claim whose words tell the event there, and every view names the speaker: "attributed to the city
council", "denied, according to ...". Every page here is written for the test."""
from __future__ import annotations

import csv
import io
import json

import pytest

import storyline
from storyline import export, output
from storyline.timeline import attribution, said_by

PAGES = [
    {"id": "harbour-1", "date": "2031-03-04", "title": "Harbour bridge to close",
     "text": "The Vellmar harbour bridge will shut for repairs.\n\n"
             "The Vellmar city council said on Tuesday that engineers had found cracks in two of the bridge's "
             "piers.\n\n"
             "Traffic was diverted to the ring road on Tuesday afternoon, police said.\n\n"
             "The ferry operator Brisk Lines said it would add two crossings a day from Thursday."},
    {"id": "harbour-2", "date": "2031-03-05", "title": "Vellmar bridge shut",
     "text": "The harbour bridge in Vellmar shut on Wednesday.\n\n"
             "Inspectors found cracks in two of the bridge's piers on Monday, the city council said.\n\n"
             "Mayor Edda Stroem told reporters the bridge would reopen in May."},
]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("harbour")
    result = storyline.build_records(PAGES, out_dir=out)
    return result, out, json.loads((out / "storyline.json").read_text("utf-8"))


def _event(data: dict, words: str) -> dict:
    return next(e for e in data["events"] if words in e["summary"])


@pytest.mark.slow
def test_an_event_told_in_a_claim_keeps_the_claim(built):
    result, out, data = built
    claims = {c["id"]: c for c in data["claims"]}
    ev = _event(data, "Inspectors found cracks")
    told = [s["claim"] for s in ev["sources"] if s.get("claim")]
    assert told, ev
    assert all(claims[c]["speaker_text"] and "council" in claims[c]["speaker_text"] for c in told)
    # the report's own voice has no claim
    shut = _event(data, "shut on Wednesday")
    assert all(s.get("claim") is None for s in shut["sources"])


@pytest.mark.slow
def test_every_view_names_whose_account_it_is(built):
    result, out, data = built
    ev = _event(data, "would reopen in May")
    assert ev["modality"] == "planned"
    md = output.markdown(data)
    assert "*(planned, according to Mayor Edda Stroem)*" in md
    assert "*(attributed to the city council)*" in md
    rows = list(csv.DictReader(io.StringIO(export.csv_tables(data)["events"])))
    row = next(r for r in rows if r["id"] == ev["id"])
    assert row["attribution"] == "planned, according to Mayor Edda Stroem"
    assert "planned, according to Mayor Edda Stroem" in export.html(data)


@pytest.mark.slow
def test_the_store_and_the_web_data_carry_the_attribution(built):
    result, out, data = built
    from storyline.web.data import Store
    st = Store(out)
    evs = {e["id"]: e for e in st.events()}
    ev = _event(data, "Inspectors found cracks")
    web = evs[ev["id"]]
    assert any(s["claim"] and "council" in (s["said_by"] or "") for s in web["sources"])
    assert "council" in web["attribution"]


def test_attribution_reads_as_a_reader_expects():
    src = [{"article": "a", "start": 0, "end": 5, "text": "x", "claim": "c1"},
           {"article": "b", "start": 0, "end": 5, "text": "y", "claim": None}]
    who = {"c1": "the council"}.get
    name = lambda s: who(s.get("claim") or "")  # noqa: E731
    assert attribution({"modality": "reported", "sources": src}, name) == "attributed to the council"
    assert attribution({"modality": "denied", "sources": src}, name) == "denied, according to the council"
    assert attribution({"modality": "reported", "sources": src[1:]}, name) == "attributed"
    assert attribution({"modality": "asserted", "sources": src[1:]}, name) == ""


def test_a_claim_with_no_speaker_names_no_one():
    assert said_by({"speaker": None, "speaker_text": None}, {}) is None
    # a pronoun reads as the person it was resolved to, and names no one unresolved (twenty-seventh session)
    assert said_by({"speaker": "e-1", "speaker_text": "he"}, {"e-1": "Edda Stroem"}) == "Edda Stroem"
    assert said_by({"speaker": None, "speaker_text": "It"}, {}) is None
    assert said_by({"speaker": "e-2", "speaker_text": "The Red Cross"}, {"e-2": "Red Cross"}) == "the Red Cross"
    assert said_by({"speaker": None, "speaker_text": "Ms Harman"}, {}) == "Ms Harman"
    assert said_by({"speaker": None, "speaker_text": "Lawyers for Mr Lund"}, {}) == "lawyers for Mr Lund"
    assert said_by({"speaker": None, "speaker_text": "Reuters"}, {}) == "Reuters"


@pytest.mark.slow
def test_the_json_validates_and_claims_keep_their_sources_plain(built):
    result, out, data = built
    import jsonschema
    from importlib.resources import files
    schema = json.loads(files("storyline").joinpath("schema", "storyline.schema.json").read_text("utf-8"))
    jsonschema.validate(data, schema)
    assert all("claim" not in s for c in data["claims"] for s in c.get("sources", []))
    # a build read back keeps the link
    again = storyline.load(out)
    assert any(s.claim for e in again.events for s in e.sources)
