"""Cast classes of the thirteenth session: a surname shared by two people of the corpus, a name written with and
without its hyphen. Sentences written for these tests."""
from __future__ import annotations

from test_cast_classes import _cast

# A president and his wife share the surname; later reports name one of them by the surname alone.
PAIR = ("President Dalmar Oveso toured the flooded district on Monday. His wife, Lina Oveso, visited a clinic, "
        "where she met nurses.")


def _owner_of(ents, article: str, form: str) -> str | None:
    """The entity shown for the mention ``form`` of ``article``."""
    for e in ents:
        if article in e.articles and form in e.aliases and e.type == "person":
            return e.name
    return None


def test_a_rank_only_one_bearer_of_the_surname_holds_picks_him():
    ents, _ = _cast(PAIR, "President Oveso declared a state of emergency. Oveso said the army would help.")
    assert _owner_of(ents, "a1", "President Oveso") == "Dalmar Oveso"
    assert _owner_of(ents, "a1", "Oveso") == "Dalmar Oveso"


def test_an_honorific_or_the_pronouns_pick_the_one_bearer_of_that_sex():
    ents, _ = _cast(PAIR, "Mrs Oveso opened a shelter for families. She said more beds were coming.",
                    "Oveso flew to the capital on Tuesday, where she thanked volunteers for their work.",
                    "Mr Oveso said the army would stay.")
    assert _owner_of(ents, "a1", "Mrs Oveso") == "Lina Oveso"
    assert _owner_of(ents, "a2", "Oveso") == "Lina Oveso"
    assert _owner_of(ents, "a3", "Mr Oveso") == "Dalmar Oveso"


def test_a_bare_surname_with_nothing_to_tell_two_bearers_apart_stays_apart():
    ents, _ = _cast(PAIR, "Oveso said the talks had failed.", "The minister Sera Oveso said the talks had failed.")
    assert _owner_of(ents, "a1", "Oveso") == "Oveso"


def test_a_rank_both_bearers_hold_decides_nothing():
    ents, _ = _cast("Senator Ivo Brask and his brother, Senator Emil Brask, voted on Friday.",
                    "Senator Brask said the vote was close.")
    assert _owner_of(ents, "a1", "Senator Brask") == "Brask"


def test_a_name_written_with_and_without_its_hyphen_is_one_person():
    ents, _ = _cast("Former president Jean-Paul Morlaix spoke at the rally.",
                    "Jean Paul Morlaix said he was hopeful about the vote.")
    names = [e.name for e in ents if e.type == "person"]
    assert names.count("Jean-Paul Morlaix") + names.count("Jean Paul Morlaix") == 1


def test_a_state_abbreviated_after_a_town_is_the_state_and_shown_by_its_name():
    ents, _ = _cast("Residents of Pelham Cove, La., watched the boats come in.",
                    "Officials in Marsh Point, Ala., closed the beach. Alabama said the oil had not arrived.",
                    "She grew up in Eastbrook, Penn., and now runs a lab in Halvern, N.J., with two partners.")
    places = {e.name: sorted(e.aliases) for e in ents if e.type == "place"}
    assert places.get("Louisiana") == ["La."]
    assert places.get("Alabama") == ["Ala.", "Alabama"]
    assert places.get("Pennsylvania") == ["Penn"]       # tagged a person by the model
    assert places.get("New Jersey") == ["N.J."]
    assert not {"La.", "Ala.", "Penn", "N.J."} & {e.name for e in ents}


def test_an_abbreviation_joins_a_state_that_is_also_a_towns_name_but_not_a_country():
    ents, _ = _cast("He lives in Arlen Park, Va., and works in Virginia. She moved to Tolvey, Ga., from Georgia's "
                    "capital Tbilisi.")
    aliases = {e.name: sorted(e.aliases) for e in ents if e.type == "place"}
    assert aliases.get("Virginia") == ["Va.", "Virginia"]
    assert "Ga." not in aliases.get("Georgia", [])


def test_an_abbreviation_whose_state_shares_a_citys_name_is_not_joined_to_the_city():
    # "Wash." after a town is the state, not the capital the story also names; left as written.
    ents, _ = _cast("The fleet left Tolmer Bay, Wash., on Monday, and the minister flew to Washington.")
    assert "Washington" in {e.name for e in ents}
    assert all("Wash." not in e.aliases for e in ents if e.name == "Washington")


def test_a_town_written_with_its_state_or_country_after_a_comma_is_a_place():
    from test_cast_round6 import _cues
    assert _cues("One advert promoting Marsh Point, Alabama and neighbouring Orange Bay shows families.",
                 "Marsh Point") == ["place"]
    assert _cues("A plant in Tolvik, Norway, closed on Friday.", "Tolvik") == ["place"]
    # a possessive, a longer name, or a list of countries says nothing of the name before it
    for text, name in (("Halvex, Norway's largest bank, said so.", "Halvex"),
                       ("1336 Ada Marsh, Norway, e-mails: my family is safe.", "Ada Marsh"),
                       ("1340 Tirell Vasko, Chile, writes: we are safe.", "Tirell Vasko"),
                       ("He met Ada Ek, Norway Radio host, on Monday.", "Ada Ek"),
                       ("Shares of Halvex, Norway and Sweden fell.", "Halvex")):
        assert "place" not in _cues(text, name), text
    ents, _ = _cast("One advert promoting Marsh Point, Alabama and neighbouring Orange Bay shows families on the "
                    "beach.")
    assert {e.name: e.type for e in ents}.get("Marsh Point") in (None, "place")


def test_a_nickname_and_the_given_name_it_shortens_are_one_person_given_shared_context():
    ents, _ = _cast("Treasury Secretary Hank Marrow met bankers from Halvern Bank and Osmark Capital on Sunday.",
                    "Henry M. Marrow told Halvern Bank and Osmark Capital that no rescue would come.")
    people = [e.name for e in ents if e.type == "person"]
    assert len([p for p in people if p.endswith("Marrow")]) == 1, people
    # without anything else in common, two reports of a "Bob" and a "Robert" of one surname stay apart
    ents, _ = _cast("Bob Tennant won the village bake-off.", "Robert Tennant was fined for speeding on the ring road.")
    assert len([e for e in ents if e.type == "person" and e.name.endswith("Tennant")]) == 2
    # a name's form in another language is not its nickname: two reporters of one surname and one network
    ents, _ = _cast("Ivan Marrow of Talvor News reported from Halden Square for Osmark Radio.",
                    "John Marrow of Talvor News reported from Halden Square for Osmark Radio too.")
    assert len([e for e in ents if e.type == "person" and e.name.endswith("Marrow")]) == 2


def test_a_name_is_shown_as_a_sentence_writes_it_not_in_a_datelines_capitals():
    ents, _ = _cast("HOUSTON (Wire) - Crews left Houston at dawn.", "HOUSTON (Wire) - The port reopened.",
                    "HOUSTON (Wire) - Ships waited.")
    names = {e.name for e in ents if e.type == "place"}
    assert "Houston" in names and "HOUSTON" not in names


def test_a_name_with_a_companys_legal_suffix_is_that_company_whatever_the_model_tagged():
    ents, _ = _cast("The rig owner hired service firms Ashworth Co (ASW.N) and Morrow Drilling Co for the job. Later, "
                    "Ashworth reported that gas could be leaking.")
    by_alias = {a: (e.name, e.type) for e in ents for a in e.aliases}
    assert by_alias.get("Ashworth Co", (None, None))[1] == "organization"
    assert by_alias.get("Ashworth") == by_alias.get("Ashworth Co")


def test_a_time_zone_is_no_body():
    ents, _ = _cast("Live updates from our correspondents.\n\n(All times GMT.)\n\nThe tremor hit at 1653 (2153 GMT) on "
                    "Tuesday, the survey said.",
                    "Obama will make a statement at 1500 GMT (1000 EST), says the White House.")
    names = {e.name for e in ents}
    assert "GMT" not in names and "White House" in names


def test_what_users_write_on_a_service_says_it_is_a_company():
    from test_cast_round6 import _cues
    assert "organization" in _cues("Readers sent us their emails, Chirper updates and photos.", "Chirper")
    assert "organization" in _cues("She replied with another Chirper post, saying sorry.", "Chirper")
    assert _cues("Ada Marsh's updates were read by millions.", "Ada Marsh") == []


def test_a_newspapers_masthead_is_an_organisation():
    ents, _ = _cast("Speaking to the Kestrow Gazette, she said the dam held. The Halden Herald reported the same.")
    types = {e.name: e.type for e in ents}
    assert types.get("Kestrow Gazette") == "organization" and types.get("Halden Herald") == "organization"
