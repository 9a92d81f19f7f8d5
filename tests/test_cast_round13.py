"""Error classes of the twentieth session (issue 13), read off builds of Timeline17 slices.

- A wire story's credits ("(Reporting by Ann Lee in Kestrow; Editing by Ola Berg)"): the model read journalists'
  names as places or bodies, most often the one before "in <city>".
- A two-word rank after a body's name ("Coast Guard Rear Adm. Ada Berg", "Coast Guard Petty Officer ..."): the
  model put the rank's first word in the body's name ("Coast Guard Rear").
- A company named in full in one report and without its legal form in another ("Halvex Energy Corp", "Halvex
  Energy"): two cast entries.
- A role held in apposition ("Zoltan Brekk, director of consultancy Agro-Nord, said"): a person, which the model had
  read as a body.

Every name here is made up."""
from __future__ import annotations

from test_cast_round11 import _cues, _types

from storyline import nlp
from storyline.model import Article


CREDITS = ("The harbour at Kestrow reopened on Monday after the storm.\n\n"
           "(Reporting by Maren Holt and Tobias Lind in Kestrow, Anna Sorvik in Talvor; Dagny Brekke in Orsk; "
           "Writing by Henrik Vale; Editing by Krista J. Moen)")


def test_names_in_a_wire_storys_credits_are_journalists():
    for name in ("Maren Holt", "Tobias Lind", "Anna Sorvik", "Dagny Brekke", "Henrik Vale", "Krista J. Moen"):
        assert _cues(CREDITS, name) == ["person"], name
    # The places of the credits keep no person's cue, and neither does a name after the bracket.
    assert _cues(CREDITS, "Talvor") == []
    after = CREDITS + " Santa Clara reopened its port too."
    assert "person" not in _cues(after, "Santa Clara")
    types = _types(CREDITS)
    assert all(types.get(n, "person") == "person" for n in ("Anna Sorvik", "Dagny Brekke", "Henrik Vale")), types


def test_a_role_in_apposition_makes_a_person():
    text = ('"Fear, rather than the illness, cuts demand for pork," Zoltan Brekk, director of consultancy Agro-Nord, '
            "said. Ilse Varga, chief executive at Halvex, agreed. Talvor, home of the fair, was quiet. Oxfam, a member "
            "of the alliance, sent tents. The Seed Bureau, director of the scheme, declined.")
    assert _cues(text, "Zoltan Brekk") == ["person"]
    assert _cues(text, "Ilse Varga") == ["person"]
    for name in ("Talvor", "Oxfam", "The Seed Bureau"):
        assert "person" not in _cues(text, name), name


def _mentions(text: str) -> list[tuple[str, str]]:
    a = Article("a1", "a1.txt", text=text)
    doc = next(nlp.parse([text]))
    return [(m.text, m.label) for m in nlp.mentions(a, doc, nlp.sentences(a, doc))]


def test_a_two_word_rank_is_no_part_of_the_body_before_it():
    for text in ("The two principal briefers have been Coast Guard Rear Adm. Ada Berg and Halvex chief Ivo Rask.",
                 "Coast Guard Petty Officer Ada Berg said the crew was safe.",
                 "Coast Guard Rear Admiral Ada Berg said on Monday the slick had grown."):
        orgs = [n for n, label in _mentions(text) if label == "ORG"]
        assert "Coast Guard" in orgs and not any(n.endswith(("Rear", "Petty")) for n in orgs), (text, orgs)


def test_a_company_without_its_legal_form_is_the_same_company():
    from storyline.resolve import resolve

    texts = {"a1": "Shares of Halvex Energy Corp fell 4 percent on Monday after the spill.",
             "a2": "Halvex Energy said it would cut 900 jobs.",
             "a3": "Halvex Energy Group, a separate unit, reported higher profits."}
    ments = []
    for aid, text in texts.items():
        a = Article(aid, aid + ".txt", text=text)
        doc = next(nlp.parse([text]))
        ments += nlp.mentions(a, doc, nlp.sentences(a, doc))
    ents = resolve(ments, texts, [])
    names = {e.name: set(e.aliases) for e in ents if e.type == "organization"}
    full = next(n for n in names if n.startswith("Halvex Energy Corp"))
    assert "Halvex Energy" in names[full], names
    assert not any("Group" in a for a in names[full]), names
