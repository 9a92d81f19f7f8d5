"""Ingest alone (no NLP) over the real corpora in shared/: the ICC seed pages and the Timeline17 dev topics."""
from __future__ import annotations

import re
from collections import Counter

import pytest

from conftest import ICC, T17
from storyline.ingest import ingest

# Every reason cleaning may give; each names a kind of page furniture, none says "story".
BOILERPLATE_REASONS = re.compile(
    r"^(appeal|appeal block|navigation|navigation crumb|navigation menu|navigation / page control|read-more / related "
    r"link|related / most-read list|share line|cookie prompt|byline|byline / contributor line|dateline / timestamp|"
    r"author bio|footer|comments section|advertisement marker|advertisement / sponsored teaser|contact line|photo "
    r"credit line|photo caption|repeated photo caption|repeated paragraph|page fragment|recurs across pages of this "
    r"outlet|a note to readers, recurring across pages)\b")


@pytest.fixture(scope="module")
def icc_articles():
    if not ICC.is_dir():
        pytest.skip(f"ICC seed corpus not found at {ICC}")
    return ingest([ICC])


def test_icc_dropped_paragraphs_each_have_a_boilerplate_reason(icc_articles):
    dropped = [(a.source_path.rsplit("/", 1)[-1], d.reason, d.text) for a in icc_articles for d in a.dropped]
    for name, reason, text in dropped:
        print(f"{name}\t{reason}\t{text[:60]}")   # the list, for the record (pytest -s)
        assert BOILERPLATE_REASONS.match(reason), (name, reason, text)
    reasons = Counter(r.split(" (")[0] for _, r, _ in dropped)
    assert reasons["appeal block"] >= 10 and reasons["repeated photo caption"] >= 5
    # What is dropped is gone from the text; captions are kept once, apart from the story.
    for a in icc_articles:
        for d in a.dropped:
            if len(d.text) > 40 and "repeated paragraph" not in d.reason:
                assert d.text not in a.text, d
        for c in a.captions:
            assert c not in a.text


def test_icc_no_appeal_read_more_or_caption_text_in_story_text(icc_articles):
    bad = re.compile(r"(?i)support us|your support|dear readers|remind me later|^read more|ad-free|\(photo by|"
                     r"\(combo\)|\(files\)|contributed to this report")
    for a in icc_articles:
        for para in a.text.split("\n\n"):
            assert not bad.search(para), (a.id, para[:80])


def test_icc_glued_iran_story_is_its_own_article(icc_articles):
    iran = [a for a in icc_articles if (a.title or "").startswith("Iran to Hold")]
    assert len(iran) == 1 and iran[0].id.endswith("#2") and iran[0].part_of
    assert "Biden" not in iran[0].text and "Pezeshkian" in iran[0].text
    first = next(a for a in icc_articles if a.id == iran[0].part_of)
    assert "Pezeshkian" not in first.text


def test_icc_dates_read_inferred_with_evidence_or_null(icc_articles):
    for a in icc_articles:
        assert a.published_from in ("header", "metadata", "path", "inferred", "bound", "none")
        if a.published_from == "inferred":
            assert a.published and a.published_evidence and "caption" not in a.published_evidence
        if a.published_from in ("bound", "none"):
            assert a.published is None
        if a.published_from == "bound":
            assert a.published_bound.startswith("not before ") and a.published_evidence
    assert any(a.published_from == "header" for a in icc_articles)


@pytest.mark.slow
def test_t17_every_dev_file_is_ingested_with_its_path_date():
    if not T17.is_dir():
        pytest.skip(f"Timeline17 dev topics not found at {T17}")
    files = sorted(p for p in T17.glob("*/InputDocs/*/*") if p.is_file())
    assert len(files) > 2500
    arts = ingest([T17])
    by_path: dict[str, list] = {}
    for a in arts:
        by_path.setdefault(a.source_path, []).append(a)
    problems, empty, comments_only = [], 0, 0
    for f in files:
        got = by_path.get(str(f))
        want = f.parent.name
        if not got:
            problems.append(f"{f}: no article")
            continue
        if not f.read_bytes().strip():
            # A few dev files are empty: skipped with that reason is the right outcome.
            empty += 1
            if [(a.status, a.reason) for a in got] != [("skipped", "empty file")]:
                problems.append(f"{f}: empty file given {got[0].status} {got[0].reason}")
            continue
        if [(a.status, a.reason) for a in got] == [("skipped", "no story text after cleaning")] and \
                got[0].dropped and got[0].dropped[0].reason.startswith("reader comments"):
            comments_only += 1     # a page that is nothing but a comment thread: no story, rightly skipped
            continue
        for a in got:
            if a.status not in ("ingested", "duplicate") or (a.published, a.published_from) != (want, "path"):
                problems.append(f"{f}: {a.status} {a.reason} {a.published} {a.published_from}")
    assert not problems, problems[:10]
    assert empty < 0.02 * len(files) and comments_only < 0.005 * len(files)
    # Ids are unique although file names repeat across date folders and topics.
    assert len({a.id for a in arts}) == len(arts)
