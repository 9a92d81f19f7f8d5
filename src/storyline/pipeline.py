"""The build: ingest -> nlp -> time -> events & claims -> resolve -> stories -> timeline. Pure until written."""
from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Callable, Iterable

from . import claims as claims_mod
from . import events as events_mod
from . import nlp, timex
from .ingest import ingest
from .model import Article, Claim, Entity, Event, Mention, Story, TimeExpr
from .resolve import resolve
from .stories import cluster
from .timeline import independent_sources, merge

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
            evs.append(d)
        return {
            "schema_version": SCHEMA_VERSION,
            "articles": arts,
            "entities": ents,
            "events": evs,
            "claims": [asdict(c) for c in self.claims],
            "stories": [asdict(s) for s in self.stories],
        }

    def summary(self) -> dict[str, int]:
        st = [a.status for a in self.articles]
        return {"articles": st.count("ingested"), "duplicates": st.count("duplicate"), "skipped": st.count("skipped"),
                "stories": len(self.stories), "events": len(self.events),
                "dated events": sum(1 for e in self.events if e.date), "entities": len(self.entities),
                "claims": len(self.claims)}


def _anchor(a: Article) -> date | None:
    return date.fromisoformat(a.published) if a.published else None


def analyse(articles: list[Article], on_article: Callable[[Article], None] | None = None) -> Result:
    """Language analysis and extraction over ingested articles (skipped ones pass through untouched)."""
    live = [a for a in articles if a.status in ("ingested", "duplicate")]
    english = []
    for a in live:
        if a.language not in (None, "en"):
            a.reason = (a.reason + "; " if a.reason else "") + f"language '{a.language}': not analysed"
        else:
            english.append(a)
    mentions: list[Mention] = []
    all_timex: list[TimeExpr] = []
    raw_events, raw_claims = [], []
    for a, doc in zip(english, nlp.parse(a.text for a in english)):
        sents = nlp.sentences(a, doc)
        ments = nlp.mentions(a, doc, sents)
        tx = timex.find(a.text, _anchor(a), future_of=_future_of(doc))
        if a.published_from == "inferred":
            for t in tx:
                if "publication" in t.how:
                    t.how += " (inferred)"
        all_timex += [TimeExpr(a.id, t.start, t.end, t.text, t.type, t.value or "", t.how) for t in tx]
        mentions += ments
        raw_events += events_mod.extract(a.id, doc, sents, ments, tx)
        raw_claims += [(c, sents, ments) for c in claims_mod.extract(a.id, doc, sents, ments)]
        if on_article:
            on_article(a)
    entities = resolve(mentions)
    entity_of = {(m.article, m.start, m.end): m.entity for m in mentions if m.entity}
    ev = [events_mod.finalize(r, {(s, e): v for (art, s, e), v in entity_of.items() if art == r.article})
          for r in raw_events]
    cl = [claims_mod.finalize(r, _speaker_entity(r, mentions)) for r, _s, _m in raw_claims]
    stories = cluster(english, mentions)
    ev = merge(ev, stories, articles, {e.id for e in entities if e.type == "person"})
    story_of = {aid: s.id for s in stories for aid in s.articles}
    for c in cl:
        c.story = story_of.get(c.article)
    return Result(articles, entities, ev, cl, stories, mentions, all_timex)


def _future_of(doc):
    """Tense of the clause around a character offset, from the parse: will/shall/'ll or a plan verb -> future."""
    def fut(offset: int) -> bool:
        span = doc.char_span(offset, offset + 1, alignment_mode="expand")
        if span is None:
            return False
        tok = span[0]
        for t in [tok, *tok.ancestors]:
            if t.pos_ in ("VERB", "AUX"):
                kids = {c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass")}
                if kids & {"will", "shall", "'ll"} or t.lower_ in ("will", "shall"):
                    return True
                if t.head.lemma_ in ("plan", "expect", "due", "schedule", "set") and t.dep_ == "xcomp":
                    return True
                if t.tag_ in ("VBD", "VBN"):
                    return False
        return bool(timex.is_future(tok.sent.text)) and "coming" in tok.sent.text.lower()
    return fut


def _speaker_entity(raw, mentions: list[Mention]) -> str | None:
    if raw.speaker_start < 0:
        return None
    inside = [m for m in mentions if m.article == raw.article and raw.speaker_start <= m.start and
              m.end <= raw.speaker_end and m.entity]
    people = [m for m in inside if m.label == "PERSON"]
    if people or inside:
        return (people or inside)[0].entity
    words = (raw.speaker_text or "").lower().split()
    if words and words[0] in ("he", "she", "his", "her"):
        # A pronoun speaker: the last person named before this sentence, within the article.
        before = [m for m in mentions if m.article == raw.article and m.label == "PERSON" and m.entity and
                  m.end <= raw.sent.start]
        if before:
            return before[-1].entity
    return None


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
