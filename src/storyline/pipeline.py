"""The build: ingest -> nlp -> time -> events & claims -> resolve -> stories -> timeline. Pure until written."""
from __future__ import annotations

import os
import re
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Callable, Iterable

from . import claims as claims_mod
from . import conflicts as conflicts_mod
from . import events as events_mod
from . import coref, dating, nlp, profile, timex
from .ingest import ingest
from .ingest.pubdate import heading_day, opening_day, stamp_lines, transcript_day
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
    analysis_rows: list[tuple] = field(default_factory=list, repr=False)   # (key, article, blob): cache.py
    whats_new: dict | None = field(default=None, repr=False)               # the digest of an update (update.py)

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
        evs, published = [], {a.id: a.published for a in self.articles}
        bounds = {a.id: a.published_bound for a in self.articles if not a.published}
        for e in self.events:
            d = asdict(e)
            d["independent_sources"] = independent_sources(e, by_id)
            d.update(rank_fields(d, published, bounds))
            evs.append(d)
        return {
            "schema_version": SCHEMA_VERSION,
            "articles": arts,
            "entities": ents,
            "events": evs,
            "claims": [_plain_sources(asdict(c)) for c in self.claims],
            "stories": [asdict(s) for s in self.stories],
            "conflicts": self.conflicts,
        }

    def summary(self) -> dict[str, int]:
        st = [a.status for a in self.articles]
        return {"articles": st.count("ingested"), "duplicates": st.count("duplicate"), "skipped": st.count("skipped"),
                "stories": len(self.stories), "events": len(self.events),
                "dated events": sum(1 for e in self.events if e.date), "entities": len(self.entities),
                "claims": len(self.claims)}


def anchor_of(a: Article) -> date | None:
    """The day the text's "today" means: the publication date, or the day a diary page's heading (or its one day
    stamp in capitals at a line's start) names when the page was filed a few days after it (pubdate.heading_day),
    or the day a page's opening line gives in figures (pubdate.opening_day), or the day a broadcast transcript's
    header gives for its show (pubdate.transcript_day)."""
    day = heading_day([a.text[s:e] for s, e in a.headings] + stamp_lines(a.text), a.published) or \
        opening_day(a.text[:120].split("\n", 1)[0], a.published) or transcript_day(a.text, a.published) or \
        a.published
    return date.fromisoformat(day) if day else None


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
    vector: object = None        # the story-clustering vector of the article (stories.embed), computed alongside


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
    return nlp.sentences(a, doc), timex.find(a.text, anchor_of(a), future_of=dating.future_of(doc))


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


def article_vectors(articles: list[Article]) -> list:
    """One story vector per article, embedded in one batch (per-article work: workers compute it)."""
    from .stories import embed, text_of
    if not articles:
        return []
    X = embed([text_of(a) for a in articles])
    return [X[i] for i in range(X.shape[0])]


def analyse_articles(english: list[Article], on_article: Callable[[Article], None] | None = None,
                     backend: str = "local", workers: int | None = None, address: str | None = None
                     ) -> list[ArticleAnalysis]:
    """The per-article stage over a corpus, in chunks on every core (see parallel.py). An article whose analysis
    fails is marked skipped with the reason and left out of the corpus stages."""
    from .parallel import Failed, run
    out = []
    by_id = {a.id: a for a in english}
    for x in run(english, backend=backend, workers=workers, address=address, on_article=on_article):
        if isinstance(x, Failed):
            a = by_id[x.article]
            a.status, a.reason, a.duplicate_of = "skipped", x.reason, None
        else:
            out.append(x)
    return out


def assemble(articles: list[Article], english: list[Article], analyses: list[ArticleAnalysis]) -> Result:
    """The corpus-level stages over per-article analyses: resolve the cast, finish events and claims, cluster
    stories, merge events across outlets, find conflicts."""
    done = {x.article for x in analyses}
    english = [a for a in english if a.id in done]
    mentions = [m for x in analyses for m in x.mentions]
    entities = resolve_cast(english, analyses, mentions)
    # Pronouns resolved to the cast ("he" -> Karim Khan) serve events' agents and claims' speakers; stories keep
    # counting names only.
    linked = mentions + coref.link(mentions, [c for x in analyses for c in x.cues], {e.id: e.roles for e in entities})
    claims = finish_claims(english, analyses, linked,
                           {e.id: e.roles + e.nationality for e in entities if e.type == "person"})
    events = finish_events(analyses, linked, claims)
    vec = {x.article: x.vector for x in analyses}
    stories = cluster(english, mentions, vectors=[vec[a.id] for a in english])
    events = merge(events, stories, articles, {e.id for e in entities if e.type == "person"},
                   {e.id for e in entities if e.type == "place"},
                   {e.id: [n for n in (e.name, *e.aliases) if len(n) > 1] for e in entities})
    events = date_basis(events, stories, articles)
    place_in_stories(stories, entities, claims)
    reading = reading_of(analyses)
    conflicts = conflicts_mod.find(events, claims, articles, entities, reading)
    result = Result(articles, entities, events, claims, stories, linked,
                    [t for x in analyses for t in x.timexes], conflicts, reading=reading)
    attach(result)
    return result


def resolve_cast(english: list[Article], analyses: list[ArticleAnalysis], mentions: list[Mention]) -> list[Entity]:
    # resolve() appends the mentions it finds itself (untagged repeats, role mentions) to ``mentions``.
    return resolve(mentions, texts={a.id: a.text for a in english}, cues=[c for x in analyses for c in x.cues],
                   dates={a.id: a.published for a in english})


def _plain_sources(claim: dict) -> dict:
    """A claim's sources are the reports that carry it: they hold no claim of their own (an event's do)."""
    claim["sources"] = [{k: v for k, v in x.items() if k != "claim"} for x in claim["sources"]]
    return claim


def finish_events(analyses: list[ArticleAnalysis], mentions: list[Mention],
                  claims: list[Claim] | None = None) -> list[Event]:
    # One lookup table per article, so finalising events stays linear in the corpus.
    entity_of: dict[str, dict[tuple[int, int], str]] = {}
    for m in mentions:
        if m.entity:
            entity_of.setdefault(m.article, {})[(m.start, m.end)] = m.entity
    inferred: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.inferred and m.entity:
            inferred.setdefault(m.article, []).append(m)
    for x in analyses:
        for r in x.raw_events:
            # A pronoun or description that is the event's agent or patient ("he resigned") names its actor.
            r.actor_mentions = r.actor_mentions + [
                m for m in inferred.get(r.article, ()) if r.clause_start <= m.start and m.end <= r.clause_end and
                m.text in (r.agent, r.patient)]
    surnames = _surnames(mentions)
    said = _claim_spans(claims or [])
    out = []
    for x in analyses:
        for r in x.raw_events:
            ev = events_mod.finalize(r, entity_of.get(r.article, {}))
            ev.sources[0].claim = _told_in(r, said.get(r.article, ()))
            for who in (r.agent, r.patient):
                person = surnames.get(r.article, {}).get(_bare_surname(who))
                if person and person not in ev.actors:
                    ev.actors.append(person)
            out.append(ev)
    return out


_COMPLEMENTISERS = {"", "that", "whether", "if"}   # "": an opening quote mark the clause takes


def _told_in(r, spans: list[tuple[int, int, str]]) -> str | None:
    """The claim whose words hold the event's clause: the clause starts inside them, or just before them on the
    complementiser the claim leaves out ("The MoS understands [that] at least five officials ... have been
    interviewed": the clause's subtree takes "that", the claimed words do not)."""
    for s0, s1, cid in spans:
        if s0 <= r.clause_start < s1:
            return cid
        if r.clause_start < s0 < r.clause_end and r.sent.start <= r.clause_start and \
                r.sent.text[r.clause_start - r.sent.start:s0 - r.sent.start].strip(" '\"‘’“”").lower() in \
                _COMPLEMENTISERS:
            return cid
    return None


def _claim_spans(claims: list[Claim]) -> dict[str, list[tuple[int, int, str]]]:
    """Per article, the spans of claimed words (each piece of a split quote) with their claim: an event whose clause
    starts inside one is told as that speaker's, not in the report's own voice."""
    out: dict[str, list[tuple[int, int, str]]] = {}
    for c in claims:
        parts = c.content_parts or ([[c.content_start, c.content_end]] if c.content_end else [])
        out.setdefault(c.article, []).extend((s0, s1, c.id) for s0, s1 in parts)
    return out


_TITLE = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+")


def _bare_surname(phrase: str | None) -> str | None:
    """"Mr Arven", "Arven", "Arven's": the one capitalised word left, else None (a description names no one)."""
    if not phrase:
        return None
    word = _TITLE.sub("", phrase.strip()).removesuffix("'s").removesuffix("’s")
    return word if re.fullmatch(r"[A-Z][\w'’-]+", word) else None


def _surnames(mentions: list[Mention]) -> dict[str, dict[str, str]]:
    """Per article, each surname of exactly one person named there: spaCy often leaves a bare surname or "Mr X"
    untagged ("Mr Arven stepped aside in May"), and the event then had no actor to merge or rank on."""
    seen: dict[str, dict[str, set[str]]] = {}
    for m in mentions:
        if m.entity and m.label == "PERSON" and not m.inferred and len(m.text.split()) > 1:
            seen.setdefault(m.article, {}).setdefault(m.text.split()[-1], set()).add(m.entity)
    return {a: {s: next(iter(ids)) for s, ids in by.items() if len(ids) == 1} for a, by in seen.items()}


def finish_claims(english: list[Article], analyses: list[ArticleAnalysis],
                  mentions: list[Mention] | None = None, roles: dict[str, list[str]] | None = None) -> list[Claim]:
    text_of = {a.id: a.text for a in english}
    # Speakers are looked up among the mentions after resolution, which adds names spaCy missed.
    by_art: dict[str, list[Mention]] = {}
    for m in mentions or ():
        by_art.setdefault(m.article, []).append(m)
    out: list[Claim] = []
    for x in analyses:
        speakers: list = []   # earlier speakers of this article, for "he said" after a named quote
        # Names, descriptions and resolved pronouns in text order: "he said" takes the pronoun's own link first.
        ments = sorted(by_art.get(x.article, x.mentions), key=lambda m: (m.start, -m.end))
        for r in x.raw_claims:
            speakers.append(claims_mod.speaker_entity(r, ments, speakers, roles))
            out.append(claims_mod.finalize(r, speakers[-1], text_of[r.article]))
    return claims_mod.merge_repeats(claims_mod.one_per_quote(out))


def place_in_stories(stories: list[Story], entities: list[Entity], claims: list[Claim]) -> None:
    story_of = {aid: s.id for s in stories for aid in s.articles}
    for e in entities:
        e.stories = sorted({story_of[a] for a in e.articles if a in story_of})
    for c in claims:
        c.story = story_of.get(c.article)


def analyse(articles: list[Article], on_article: Callable[[Article], None] | None = None,
            backend: str = "local", workers: int | None = None, address: str | None = None,
            cache_dir: str | os.PathLike | None = None, on_total: Callable[[int], None] | None = None) -> Result:
    """Language analysis and extraction over ingested articles (skipped ones pass through untouched).

    Per-article work runs on every core by default (in this process for a corpus too small to repay starting
    workers); ``backend="ray"`` sends it to Ray actors. The result is the same whatever the backend.
    ``cache_dir``: a previous build whose stored analyses are reused for unchanged articles (cache.py);
    ``on_total`` hears how many articles are left to analyse."""
    from . import cache
    english = english_articles(articles)
    keys = {a.id: cache.key(a) for a in english}
    cached = cache.load(cache_dir, set(keys.values())) if cache_dir is not None else {}
    todo = [a for a in english if keys[a.id] not in cached]
    if on_total:
        on_total(len(todo))
    fresh = analyse_articles(todo, on_article, backend=backend, workers=workers, address=address)
    # Packed now: the corpus stages below fill in (and add) mentions, which the cache must not keep.
    blobs = {**cached, **{keys[x.article]: cache.pack(x) for x in fresh}}
    fresh_of = {x.article: x for x in fresh}
    analyses = [fresh_of[a.id] if a.id in fresh_of else cache.unpack(blobs[keys[a.id]])
                for a in english if a.id in fresh_of or keys[a.id] in cached]
    result = assemble(articles, english, analyses)
    result.analysis_rows = [(keys[x.article], x.article, blobs[keys[x.article]]) for x in analyses]
    return result


def build(paths: Iterable[str | os.PathLike], out_dir: str | os.PathLike | None = None,
          on_file: Callable[[str], None] | None = None,
          on_article: Callable[[Article], None] | None = None, **engine) -> Result:
    """Build a storyline from files and directories; write the outputs into ``out_dir`` when given.
    ``engine``: backend, workers, address (see analyse)."""
    articles = ingest(paths, on_file=on_file)
    result = analyse(articles, on_article=on_article, cache_dir=out_dir, **engine)
    if out_dir is not None:
        from .output import write_all
        write_all(result, out_dir)
    return result
