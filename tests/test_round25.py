"""Classes of the twenty-fifth session, read off the ICC seed build and the development real sets. Every sentence
and page here is written for the test.

- a verb that names what it takes ("called the explosion "a tragic disaster"") after a subject with an apposition
  set off by commas was read as an inverted attribution, so the thing named became the speaker;
- an infinitive of speech inside another speaker's reported clause ("she said the council had been too quick to
  declare the river safe") made a claim of its own for the one it is told of, and "the report failed to explain
  how" made the report speak;
- a story whose reports are mostly undated showed "5 articles, 2024-11-09 to 2024-11-09", as if all five were of
  that day, and an article known only by a bound showed a bare "date unknown" in the sources and the web page."""
from __future__ import annotations

import pytest

from storyline import output
from test_claims_classes import _claims


@pytest.mark.slow
@pytest.mark.parametrize("sentence, speaker", [
    ('In a letter to the staff, the firm\'s chief executive, Olle Brandt, called the fire, in which two guards are '
     'missing and presumed dead, "a terrible blow".', "Olle Brandt"),
    ('The mayor, Ilse Varga, called the flooding, which closed the bridge, "a wake-up call".', "Ilse Varga"),
])
def test_what_a_naming_verb_names_is_no_speaker(sentence, speaker):
    assert [c.speaker_text for c in _claims(sentence)] == [speaker]


@pytest.mark.slow
def test_an_inverted_attribution_still_gives_its_speaker():
    cs = _claims("The closure, writes Ana Pell, is based on fear of a second flood.")
    assert [c.speaker_text for c in cs] == ["Ana Pell"]


@pytest.mark.slow
def test_a_speech_act_told_inside_another_speaker_s_claim_is_no_claim_of_its_own():
    cs = _claims("The day was calm.\n\nAna Pell, a hydrologist at the water board, said the council had been too "
                 "quick to declare the river safe.")
    assert [(c.speaker_text, c.content) for c in cs] == \
        [("Ana Pell", "the council had been too quick to declare the river safe")]
    cs = _claims("The day was calm.\n\nShe said the survey failed to explain how it reached its figures.")
    assert [c.speaker_text for c in cs] == ["She"]
    # told by the writer, the council's declaring is a claim
    cs = _claims("The day was calm.\n\nThe council declared that the river was safe.")
    assert [c.speaker_text for c in cs] == ["The council"]


@pytest.mark.slow
def test_what_was_failed_to_be_said_is_no_claim():
    assert _claims("The day was calm.\n\nThe survey failed to explain how it reached its figures.") == []


def test_an_article_known_only_by_a_bound_shows_the_bound():
    assert output.published_label({"published": None, "published_bound": "not before 2024-05-01"}) == \
        "date unknown, not before 2024-05-01"
    assert output.published_label({"published": "2024-11-09", "published_bound": None}) == "2024-11-09"
    assert output.published_label({"published": None}) == "date unknown"


def test_a_story_span_says_how_many_reports_carry_no_day():
    arts = {"a": {"published": "2024-11-09"}, "b": {"published": None}, "c": {"published": None}}
    story = {"articles": ["a", "b", "c"], "date_range": ["2024-11-09", "2024-11-09"]}
    assert output._story_span(story, arts) == "3 articles, 2024-11-09; 2 of them undated"
    arts["b"]["published"] = arts["c"]["published"] = "2024-11-12"
    story["date_range"] = ["2024-11-09", "2024-11-12"]
    assert output._story_span(story, arts) == "3 articles, 2024-11-09 to 2024-11-12"
    assert output._story_span({"articles": ["x"], "date_range": [None, None]}, {"x": {"published": None}}) == \
        "1 article, undated"


def test_the_article_page_shows_where_its_date_came_from():
    from storyline.web import env
    a = {"id": "a-1", "title": "t", "outlet": None, "published": None, "published_from": "bound",
         "published_evidence": "not before 2024-05-01 (latest date stated); nothing in the text pins the day",
         "status": "ingested", "reason": None, "duplicate_of": None, "source_path": "x", "url": None,
         "stories": [], "text": "body", "captions": [], "dropped": []}
    html = env().get_template("article.html").render(a=a, start=None, end=None, path="/", q="")
    assert "date unknown" in html and "not before 2024-05-01" in html
