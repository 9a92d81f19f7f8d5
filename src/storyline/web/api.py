"""The JSON API under /api: stories, a story's events and summary timeline, events, entities, claims,
conflicts, articles and search; every event source and claim carries (article id, start, end)."""
from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Depends, Query

from ..timeline import KEEP_DATES, KEEP_LINES
from ..timeline import shown as shown_timeline
from .common import as_json, checked, current, need, to_json
from .data import Store

router = APIRouter()

# -- JSON API ------------------------------------------------------------------------------------------------
@router.get("/api/stories", tags=["stories"], summary="All stories with date range, cast and counts")
def api_stories(db: Store = Depends(current)):
    return as_json(db, "stories", db.stories)

@router.get("/api/stories/{sid}", tags=["stories"], summary="One story")
def api_story(sid: str, db: Store = Depends(current)):
    return to_json(need(db.story(sid), "story", sid))

@router.get("/api/stories/{sid}/events", tags=["stories"], summary="A story's events in date order")
def api_story_events(sid: str, db: Store = Depends(current)):
    need(db.story(sid), "story", sid)
    return as_json(db, ("events", sid), lambda: db.events(sid))

@router.get("/api/stories/{sid}/timeline", tags=["stories"],
         summary="The story's summary timeline: DATES dates of up to LINES sourced sentences each, in date "
                 "order (the timeline `storyline eval tls` scores); default length sized to the story")
def api_story_timeline(sid: str, dates: Optional[int] = Query(None, ge=1, le=KEEP_DATES),
                       lines: Optional[int] = Query(None, ge=1, le=KEEP_LINES),
                       db: Store = Depends(current)):
    need(db.story(sid), "story", sid)
    return to_json(shown_timeline(db.story_timeline(sid), dates, lines))

@router.get("/api/events/{eid}", tags=["events"], summary="One event with its actors and source sentences")
def api_event(eid: str, db: Store = Depends(current)):
    return to_json(need(db.event(eid), "event", eid))

@router.get("/api/entities", tags=["entities"], summary="All entities, most mentioned first")
def api_entities(type: Optional[str] = None, db: Store = Depends(current)):
    return as_json(db, ("entities", type), lambda: db.entities(type))

@router.get("/api/entities/{eid}", tags=["entities"],
         summary="An entity: aliases, roles, articles, co-occurring entities, and a page of its events and claims "
                 "(n_events and n_claims say how many; the rest with offset, or /api/claims?speaker=ID)")
def api_entity(eid: str, offset: int = Query(0, ge=0), limit: int = Query(100, ge=1, le=1000),
               db: Store = Depends(current)):
    e = need(db.entity(eid), "entity", eid)
    return to_json({**e, "events": db.entity_events(eid, offset, limit),
                    "claims": db.claims(speaker=eid, offset=offset, limit=limit)})

@router.get("/api/claims", tags=["claims"], summary="Claims, filtered by speaker, stance, anonymity or story")
def api_claims(speaker: Optional[str] = None, stance: Optional[str] = None, anonymous: Optional[bool] = None,
               story: Optional[str] = None, offset: int = Query(0, ge=0), limit: int = Query(1000, ge=1, le=5000),
               db: Store = Depends(current)):
    return to_json(db.claims(speaker, stance, anonymous, story, offset=offset, limit=limit))

@router.get("/api/claims/{cid}", tags=["claims"], summary="One claim")
def api_claim(cid: str, db: Store = Depends(current)):
    return to_json(need(db.claim(cid), "claim", cid))

@router.get("/api/conflicts", tags=["claims"], summary="Conflicts and updates between events or claims")
def api_conflicts(db: Store = Depends(current)):
    return to_json(db.conflicts())

@router.get("/api/articles", tags=["articles"], summary="All inputs with their status (ingested/duplicate/skipped)")
def api_articles(db: Store = Depends(current)):
    return as_json(db, "articles", db.articles)

@router.get("/api/articles/{aid}", tags=["articles"], summary="One article with its cleaned text")
def api_article(aid: str, db: Store = Depends(current)):
    return to_json(need(db.article(aid), "article", aid))

@router.get("/api/search", tags=["search"], summary="Full-text search (SQLite FTS5) over articles, events, claims")
def api_search(q: str, kind: Optional[str] = Query(None, pattern="^(article|event|claim)$"),
               limit: int = Query(20, ge=1, le=500), offset: int = Query(0, ge=0, le=100000),
               db: Store = Depends(current)):
    hits = db.search(checked(q), kind, limit, offset)
    for h in hits:
        h["snippet"] = h["snippet"].replace("\x02", "").replace("\x03", "")
    return to_json(hits)
