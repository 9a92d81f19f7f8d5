"""The build: ingest -> nlp -> time -> events & claims -> resolve -> stories -> timeline. Pure until written."""
from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Callable, Iterable

from . import claims as claims_mod
from . import conflicts as conflicts_mod
from . import events as events_mod
from . import dating, nlp, profile, timex
from .ingest import ingest
from .model import Article, Claim, Entity, Event, Mention, Story, TimeExpr
from .resolve import resolve
from .stories import cluster
from .timeline import attach, date_basis, independent_sources, merge, rank_fields, reading_of

SCHEMA_VERSION = 1


@dataclass
class Result:
    articles: list[Article]
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    timexes: list[TimeExpr] = field(default_factory=list)
    conflicts: list[dict] = field(default_factory=list)
    reading: dict = field(default_factory=dict)   # per-article sentences and time expressions the timelines use

    def article(self, aid: str) -> Article:
        return next(a for a in self.articles if a.id == aid)

    def to_dict(self) -> dict:
        by_id = {a.id: a for a in self.articles}
        arts = []
        for a in self.articles:
            d = asdict(a)
            arts.append(d)
        ents = []
        for e in self.entities:
            d = asdict(e)
            d["aliases"] = list(e.aliases)
            d["alias_counts"] = e.aliases
            ents.append(d)
        evs = []
        for e in self.events:
            d = asdict(e)
            d["independent_sources"] = independent_sources(e, by_id)
            d.update(rank_fields(d))
            evs.append(d)
        return {
            "schema_version": SCHEMA_VERSION,
            "articles": arts,
            "entities": ents,
            "events": evs,
            "claims": [asdict(c) for c in self.claims],
            "stories": [asdict(s) for s in self.stories],
            "conflicts": self.conflicts,
        }

    def summary(self) -> dict[str, int]:
        st = [a.status for a in self.articles]
        return {"articles": st.count("ingested"), "duplicates": st.count("duplicate"), "skipped": st.count("skipped"),
                "stories": len(self.stories), "events": len(self.events),
                "dated events": sum(1 for e in self.events if e.date), "entities": len(self.entities),
                "claims": len(self.claims)}


def _anchor(a: Article) -> date | None:
    return date.fromisoformat(a.published) if a.published else None


@dataclass
class ArticleAnalysis:
    """What one article yields before anything is compared across articles: the unit a worker computes.

    Plain dataclasses only (no spaCy objects), so it can be pickled to and from worker processes and cached."""
    article: str
    sentences: list = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    timexes: list[TimeExpr] = field(default_factory=list)
    cues: list[dict] = field(default_factory=list)
    raw_events: list = field(default_factory=list)
    raw_claims: list = field(default_factory=list)


def english_articles(articles: list[Article]) -> list[Article]:
    """The articles the analysis reads: ingested or duplicate, in English (others get a reason and pass through)."""
    english = []
    for a in articles:
        if a.status not in ("ingested", "duplicate"):
            continue
        if a.language not in (None, "en"):
            a.reason = (a.reason + "; " if a.reason else "") + f"language '{a.language}': not analysed"
        else:
            english.append(a)
    return english


def read_article(a: Article, doc) -> tuple[list, list]:
    """Sentences and time expressions of one parsed article: what the timeline reads (tls.read uses it alone)."""
    return nlp.sentences(a, doc), timex.find(a.text, _anchor(a), future_of=dating.future_of(doc))


def analyse_article(a: Article, doc) -> ArticleAnalysis:
    """Per-article analysis of one parsed article: sentences, mentions, time expressions, raw events and claims.
    Pure: reads only this article, so a cluster can fan it out."""
    sents, tx = read_article(a, doc)
    ments = nlp.mentions(a, doc, sents)
    if a.published_from == "inferred":
        for t in tx:
            if "publication" in t.how:
                t.how += " (inferred)"
    return ArticleAnalysis(
        article=a.id, sentences=sents, mentions=ments,
        timexes=[TimeExpr(a.id, t.start, t.end, t.text, t.type, t.value or "", t.how) for t in tx],
        cues=profile.cues(a, doc, ments),
        raw_events=events_mod.extract(a.id, doc, sents, ments, tx),
        raw_claims=claims_mod.extract(a.id, doc, sents, ments))


def analyse_articles(english: list[Article], on_article: Callable[[Article], None] | None = None
                     ) -> list[ArticleAnalysis]:
    """The per-article stage over a corpus, streaming through spaCy's ``nlp.pipe``."""
    out = []
    for a, doc in zip(english, nlp.parse(a.text for a in english)):
        out.append(analyse_article(a, doc))
        if on_article:
            on_article(a)
    return out


def assemble(articles: list[Article], english: list[Article], analyses: list[ArticleAnalysis]) -> Result:
    """The corpus-level stages over per-article analyses: resolve the cast, finish events and claims, cluster
    stories, merge events across outlets, find conflicts."""
    mentions = [m for x in analyses for m in x.mentions]
    entities = resolve_cast(english, analyses, mentions)
    events = finish_events(analyses, mentions)
    claims = finish_claims(english, analyses)
    stories = cluster(english, mentions)
    events = merge(events, stories, articles, {e.id for e in entities if e.type == "person"})
    events = date_basis(events, stories, articles)
    place_in_stories(stories, entities, claims)
    conflicts = conflicts_mod.find(events, claims, articles, entities)
    result = Result(articles, entities, events, claims, stories, mentions,
                    [t for x in analyses for t in x.timexes], conflicts, reading_of(analyses))
    attach(result)
    return result


def resolve_cast(english: list[Article], analyses: list[ArticleAnalysis], mentions: list[Mention]) -> list[Entity]:
    # resolve() appends the mentions it finds itself (untagged repeats, role mentions) to ``mentions``.
    return resolve(mentions, texts={a.id: a.text for a in english}, cues=[c for x in analyses for c in x.cues],
                   dates={a.id: a.published for a in english})


def finish_events(analyses: list[ArticleAnalysis], mentions: list[Mention]) -> list[Event]:
    # One lookup table per article, so finalising events stays linear in the corpus.
    entity_of: dict[str, dict[tuple[int, int], str]] = {}
    for m in mentions:
        if m.entity:
            entity_of.setdefault(m.article, {})[(m.start, m.end)] = m.entity
    return [events_mod.finalize(r, entity_of.get(r.article, {})) for x in analyses for r in x.raw_events]


def finish_claims(english: list[Article], analyses: list[ArticleAnalysis]) -> list[Claim]:
    text_of = {a.id: a.text for a in english}
    out: list[Claim] = []
    for x in analyses:
        speakers: list = []   # earlier speakers of this article, for "he said" after a named quote
        for r in x.raw_claims:
            speakers.append(claims_mod.speaker_entity(r, x.mentions, speakers))
            out.append(claims_mod.finalize(r, speakers[-1], text_of[r.article]))
    return claims_mod.merge_repeats(claims_mod.one_per_quote(out))


def place_in_stories(stories: list[Story], entities: list[Entity], claims: list[Claim]) -> None:
    story_of = {aid: s.id for s in stories for aid in s.articles}
    for e in entities:
        e.stories = sorted({story_of[a] for a in e.articles if a in story_of})
    for c in claims:
        c.story = story_of.get(c.article)


def analyse(articles: list[Article], on_article: Callable[[Article], None] | None = None) -> Result:
    """Language analysis and extraction over ingested articles (skipped ones pass through untouched)."""
    english = english_articles(articles)
    analyses = analyse_articles(english, on_article)
    return assemble(articles, english, analyses)


def build(paths: Iterable[str | os.PathLike], out_dir: str | os.PathLike | None = None,
          on_file: Callable[[str], None] | None = None,
          on_article: Callable[[Article], None] | None = None) -> Result:
    """Build a storyline from files and directories; write the outputs into ``out_dir`` when given."""
    articles = ingest(paths, on_file=on_file)
    result = analyse(articles, on_article=on_article)
    if out_dir is not None:
        from .output import write_all
        write_all(result, out_dir)
    return result
