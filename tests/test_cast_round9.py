"""Cast classes of the fifteenth session: a one-word "person" the text never introduces as one. Sentences written
for these tests."""
from __future__ import annotations

from test_cast_classes import _cast


def _types(ents) -> dict[str, str]:
    return {e.name: e.type for e in ents}


def test_a_one_word_name_never_written_as_a_person_leaves_the_cast():
    # The model tags both names a person; nothing in the text writes either with a given name, a title or a role.
    ents, _ = _cast("Delvano has recalled the drug, Delvano said on Monday.",
                    "Ordering online from Fresko rose sharply, Fresko said.")
    types = _types(ents)
    assert types.get("Delvano") == "other" and types.get("Fresko") == "other"


def test_a_surname_of_a_full_name_in_the_corpus_stays_a_person():
    ents, _ = _cast("Delvano has recalled the drug, Delvano said on Monday.",
                    "The chemist Ivo Delvano said the recall was overdue.")
    assert _types(ents).get("Delvano") == "person"


def test_a_leaders_surname_before_administration_stays_a_person():
    ents, _ = _cast("Delvano has recalled the drug, the Delvano administration said on Monday.")
    assert _types(ents).get("Delvano") == "person"


def test_a_given_name_alone_stays_a_person():
    ents, _ = _cast("Madonna sang at the benefit on Friday. Madonna said the clinics needed help.")
    assert _types(ents).get("Madonna") == "person"


def test_a_one_word_name_that_is_a_known_city_is_the_place():
    # The model tags the city a person; the gazetteer (places.json, drawn from GeoNames) knows it.
    ents, _ = _cast("Delvano has recalled the drug, Delvano said on Monday.",
                    "Monterrey said on Monday that its schools would reopen, and Monterrey asked for calm.")
    types = _types(ents)
    assert types.get("Monterrey") == "place" and types.get("Delvano") == "other"


def test_an_age_after_a_surname_the_model_left_untagged_is_the_persons():
    # The model tags the full name only; the surname opening the next sentence, after "Friday.", is found by the
    # untagged-surname rule, and its age makes "the 61-year-old" hers.
    ents, _ = _cast("Prosecutors questioned Anna Korvel on Friday. Korvel, 61, said she had done nothing wrong. "
                    "The 61-year-old denied every charge.")
    korvel = next(e for e in ents if e.name == "Anna Korvel")
    assert "61" in korvel.ages and "The 61-year-old" in korvel.aliases
