"""Pronoun coreference (coref.py): links where the text leaves one reading, none where it leaves two."""
from __future__ import annotations

from storyline import coref, nlp, profile
from storyline.model import Article
from storyline.resolve import resolve


def _links(text: str) -> dict[str, str]:
    a = Article("a", "a.txt", text)
    doc = next(nlp.parse([text]))
    ms = nlp.mentions(a, doc, nlp.sentences(a, doc))
    cues = profile.cues(a, doc, ms)
    ents = resolve(ms, texts={"a": text}, cues=cues)
    name = {e.id: e.name for e in ents}
    return {f"{m.text}@{m.start}": name[m.entity] for m in coref.link(ms, cues, {e.id: e.roles for e in ents})}


def test_one_person_in_reach_is_the_reading():
    text = "Harbour master Edvin Lauk closed the port on Sunday. He said the storm would pass by Tuesday."
    assert _links(text) == {f"He@{text.index('He said')}": "Edvin Lauk"}


def test_two_people_without_known_gender_leave_two_readings():
    assert _links("Anna Lind met Peter Sato in Tallinn. He said the talks went well.") == {}


def test_honorifics_give_gender_and_pick_one():
    text = "Ms Greta Holm and Mr Anders Wiik signed the deal. He called it fair."
    assert _links(text) == {f"He@{text.index('He called')}": "Anders Wiik"}


def test_an_unnamed_person_in_between_is_a_rival_reading():
    assert _links("Selma Vik left the hearing early. A witness said she was upset.") == {}


def test_object_pronoun_never_means_its_own_subject():
    text = "The defender Rui Lopes scored. Manager Tiago Alves praised him after the game."
    assert _links(text) == {f"him@{text.index('him')}": "Rui Lopes"}


def test_pronoun_speakers_reach_claims_in_the_build(tmp_path):
    import storyline
    (tmp_path / "a.txt").write_text(
        "date 2024-05-02\ntitle Port closed\n\nHarbour master Edvin Lauk closed the port on Sunday.\n\n"
        "\"The storm will pass by Tuesday,\" he said.\n", encoding="utf-8")
    result = storyline.build([tmp_path])
    lauk = next(e.id for e in result.entities if e.name == "Edvin Lauk")
    assert [c.speaker for c in result.claims if c.speaker_text == "he"] == [lauk]


def test_a_name_used_as_a_modifier_is_no_antecedent():
    text = "Trade envoy Rena Marsh criticised the Obama administration on Monday. She said the deal was unfair."
    assert _links(text) == {f"She@{text.index('She')}": "Rena Marsh"}


def test_a_pro_name_adjective_is_not_a_person():
    a = Article("a", "a.txt", "A pro-Moreno supporter threatened the reporter Lia Duarte.")
    doc = next(nlp.parse([a.text]))
    assert "pro-Moreno" not in [m.text for m in nlp.mentions(a, doc, nlp.sentences(a, doc))]
