"""The build: ingest -> nlp -> time -> events & claims -> resolve -> stories -> timeline. Pure until written."""
from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Callable, Iterable

from . import claims as claims_mod
from . import conflicts as conflicts_mod
from . import events as events_mod
from . import nlp, profile, timex
from .ingest import ingest
from .model import Article, Claim, Entity, Event, Mention, Story, TimeExpr
from .resolve import resolve
from .stories import cluster
from .timeline import independent_sources, merge, rank_fields

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


def analyse(articles: list[Article], on_article: Callable[[Article], None] | None = None) -> Result:
    """Language analysis and extraction over ingested articles (skipped ones pass through untouched)."""
    live = [a for a in articles if a.status in ("ingested", "duplicate")]
    english = []
    for a in live:
        if a.language not in (None, "en"):
            a.reason = (a.reason + "; " if a.reason else "") + f"language '{a.language}': not analysed"
        else:
            english.append(a)
    text_of = {a.id: a.text for a in english}
    mentions: list[Mention] = []
    all_timex: list[TimeExpr] = []
    raw_events, raw_claims, cues = [], [], []
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
        cues += profile.cues(a, doc, ments)
        raw_events += events_mod.extract(a.id, doc, sents, ments, tx)
        raw_claims += [(c, ments) for c in claims_mod.extract(a.id, doc, sents, ments)]
        if on_article:
            on_article(a)
    entities = resolve(mentions, texts=text_of, cues=cues,
                       dates={a.id: a.published for a in english})
    # One lookup table per article, so finalising events stays linear in the corpus.
    entity_of: dict[str, dict[tuple[int, int], str]] = {}
    for m in mentions:
        if m.entity:
            entity_of.setdefault(m.article, {})[(m.start, m.end)] = m.entity
    ev = [events_mod.finalize(r, entity_of.get(r.article, {})) for r in raw_events]
    cl, speakers = [], []
    for r, art_mentions in raw_claims:
        if speakers and cl and cl[-1].article != r.article:
            speakers = []
        speakers.append(claims_mod.speaker_entity(r, art_mentions, speakers))
        cl.append(claims_mod.finalize(r, speakers[-1], text_of[r.article]))
    cl = claims_mod.merge_repeats(claims_mod.one_per_quote(cl))
    stories = cluster(english, mentions)
    ev = merge(ev, stories, articles, {e.id for e in entities if e.type == "person"})
    story_of = {aid: s.id for s in stories for aid in s.articles}
    for e in entities:
        e.stories = sorted({story_of[a] for a in e.articles if a in story_of})
    for c in cl:
        c.story = story_of.get(c.article)
    conflicts = conflicts_mod.find(ev, cl, articles, entities)
    return Result(articles, entities, ev, cl, stories, mentions, all_timex, conflicts)


def _future_of(doc):
    """Tense of the clause that governs a character offset, from the parse: the first verb above the expression
    decides (will/shall/would/should, a plan verb, "is set/due/scheduled", a scheduled present such as "starts
    on Monday" -> future; a past form -> past); with no verb above it, timex's clause-level cue rules decide."""
    # Verbs that news writes in the present for a scheduled future event ("They travel to X on Saturday").
    sched = {"start", "begin", "open", "reopen", "close", "take", "resume", "end", "expect", "run", "return", "last",
             "travel", "play", "face", "host", "meet", "visit", "arrive", "leave", "fly", "sit", "vote", "kick"}

    def fut(offset: int) -> bool:
        span = doc.char_span(offset, offset + 1, alignment_mode="expand")
        if span is None:
            return False
        tok = span[0]
        if tok.i > 0 and doc[tok.i - 1].lower_ == "since":
            return False
        for t in [tok, *tok.ancestors]:
            if t.pos_ not in ("VERB", "AUX"):
                continue
            aux = {c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass")}
            if aux & {"will", "shall", "'ll", "wo", "would", "should", "must"} or t.lower_ in ("will", "shall"):
                return True
            if t.dep_ == "xcomp" and t.head.lemma_ in ("plan", "expect", "due", "schedule", "set", "intend", "aim"):
                return True
            if t.lower_ in ("set", "scheduled", "due", "expected") and aux & {"is", "are", "'s", "'re", "be"}:
                return True
            if t.tag_ in ("VBZ", "VBP") and t.lemma_ in sched:
                return True
            if t.tag_ in ("VBD", "VBN"):
                return False
            if t.tag_ in ("VBZ", "VBP", "VBG", "VB"):
                break
        s = tok.sent
        return timex.clause_future(doc.text, offset, offset + 1, s.start_char, s.end_char)
    return fut


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
