"""Timeline: merge the same happening reported by several articles, count independent sources, sort by date."""
from __future__ import annotations

import re

from .model import Article, Event, Story


def compatible_dates(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return a.startswith(b) or b.startswith(a)


def root_of(article_id: str, by_id: dict[str, Article]) -> str:
    """The independent source an article belongs to: near-copies count with their original."""
    a = by_id.get(article_id)
    while a is not None and a.duplicate_of:
        a = by_id.get(a.duplicate_of)
        if a is not None:
            article_id = a.id
    return article_id


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def independent_sources(ev: Event, by_id: dict[str, Article]) -> int:
    """Distinct origins among the sources: a near-copy counts with its original, and two articles that report the
    happening in the very same words (one wire story under two mastheads) count once."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    first_with: dict[str, str] = {}
    for s in ev.sources:
        r = find(root_of(s.article, by_id))
        key = _norm(s.text)
        if len(key) > 40:      # a short sentence ("He denied it.") can recur by chance
            other = find(first_with.setdefault(key, r))
            if other != r:
                parent[r] = other
    return len({find(x) for x in list(parent)})


def _same_happening(m: Event, e: Event, persons: set[str]) -> bool:
    """Same type (checked by the caller), compatible dates, shared actors, and no clash of the people involved:
    two warrants by the same court against different people stay two events."""
    if not compatible_dates(m.date, e.date) or not set(m.actors) & set(e.actors):
        return False
    pm, pe = set(m.actors) & persons, set(e.actors) & persons
    return not (pm and pe and not pm & pe)


def merge(events: list[Event], stories: list[Story], articles: list[Article],
          persons: set[str] | None = None) -> list[Event]:
    """Join events of one story with the same type, compatible dates and shared actors, from different articles.

    ``persons`` (entity ids of people) keeps apart events whose people differ."""
    by_id = {a.id: a for a in articles}
    persons = persons or set()
    story_of = {aid: s.id for s in stories for aid in s.articles}
    for e in events:
        e.story = story_of.get(e.sources[0].article)
    merged: list[Event] = []
    buckets: dict[tuple, list[Event]] = {}
    for e in events:
        key = (e.story, e.type, e.modality in ("denied", "negated"))
        target = None
        if e.type != "other" and e.date is not None:
            for m in buckets.get(key, []):
                if _same_happening(m, e, persons) and \
                        e.sources[0].article not in {s.article for s in m.sources}:
                    target = m
                    break
        if target is None:
            merged.append(e)
            buckets.setdefault(key, []).append(e)
            continue
        target.sources.extend(e.sources)
        target.actors += [a for a in e.actors if a not in target.actors]
        if e.date and len(e.date) > len(target.date or ""):
            target.date = e.date
    merged = sort_events(merged, by_id)
    for s in stories:
        s.events = [e.id for e in merged if e.story == s.id]
    return merged


def sort_events(events: list[Event], by_id: dict[str, Article]) -> list[Event]:
    def key(e: Event):
        first = e.sources[0]
        return (e.date is None, e.date or "", by_id[first.article].published or "9999", first.article, first.start)
    return sorted(events, key=key)
