"""Timeline: merge the same happening reported by several articles, count independent sources, sort by date."""
from __future__ import annotations

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


def independent_sources(ev: Event, by_id: dict[str, Article]) -> int:
    return len({root_of(s.article, by_id) for s in ev.sources})


def merge(events: list[Event], stories: list[Story], articles: list[Article]) -> list[Event]:
    """Join events of one story with the same type, compatible dates and shared actors, from different articles."""
    by_id = {a.id: a for a in articles}
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
                if compatible_dates(m.date, e.date) and set(m.actors) & set(e.actors) and \
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
