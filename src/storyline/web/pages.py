"""The HTML pages: stories, a story (summary timeline, key events, all events), an article, entities, claims,
search and the API index. One router; every view reads the generation current for its request."""
from __future__ import annotations

from typing import Optional
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from ..timeline import KEEP_DATES, KEEP_LINES
from ..timeline import shown as shown_timeline
from .common import (CONFLICTS_SHOWN, ENTITIES_PAGE, EVENTS_PAGE, PAGE, SEARCH_PAGE, SPEAKERS_SHOWN, STANCES, checked,
                     current, last_page, need, page)
from .data import Store

router = APIRouter()

# -- pages ---------------------------------------------------------------------------------------------------
@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def stories_page(request: Request, db: Store = Depends(current)):
    return page("stories.html", request, stories=db.stories())

@router.get("/story/{sid}", response_class=HTMLResponse, include_in_schema=False)
def story_page(request: Request, sid: str, view: str = Query("key", pattern="^(key|all)$"),
               p: int = Query(1, ge=1, le=100000),
               dates: Optional[int] = Query(None, ge=1, le=KEEP_DATES),
               lines: Optional[int] = Query(None, ge=1, le=KEEP_LINES), db: Store = Depends(current)):
    story = need(db.story(sid), "story", sid)
    stored = db.story_timeline(sid)
    summary = shown_timeline(stored, dates, lines)
    counts = db.story_counts(sid)
    # One page of EVENTS_PAGE events in date order, read as one page from the store: the largest T17 story has
    # 9,000 events, and reading or rendering them all was the slowest page under load.
    total = counts["n_key"] if view == "key" else counts["n"]
    last = last_page(total, EVENTS_PAGE)
    shown = db.story_events(sid, view == "key", (p - 1) * EVENTS_PAGE, EVENTS_PAGE)
    groups: dict[str, list] = {}
    for e in shown:
        groups.setdefault(e["date"] or "undated", []).append(e)
    for d, evs in groups.items():    # within a day, the best-sourced and most specific first
        groups[d] = sorted(evs, key=lambda e: -e["salience"])
    return page("story.html", request, story=story, groups=groups, n_events=counts["n"], n_key=counts["n_key"],
                view=view, density=db.density(sid), pages={"p": p, "last": last, "query": f"view={view}"},
                since=db.since_update(sid), summary=summary, max_dates=KEEP_DATES, max_lines=KEEP_LINES,
                n_dates=dates or stored.get("dates") or 0, n_lines=lines or stored.get("lines") or 1)

@router.get("/article/{aid}", response_class=HTMLResponse, include_in_schema=False)
def article_page(request: Request, aid: str, start: Optional[int] = None, end: Optional[int] = None,
        db: Store = Depends(current)):
    art = need(db.article(aid), "article", aid)
    return page("article.html", request, a=art, start=start, end=end)

@router.get("/entity/{eid}", response_class=HTMLResponse, include_in_schema=False)
def entity_page(request: Request, eid: str, p: int = Query(1, ge=1, le=100000), db: Store = Depends(current)):
    e = need(db.entity(eid), "entity", eid)
    events = db.entity_events(eid, (p - 1) * EVENTS_PAGE, EVENTS_PAGE)
    claims = db.claims(speaker=eid, limit=PAGE) if p == 1 else []
    return page("entity.html", request, e=e, events=events, claims=claims,
                pages={"p": p, "last": last_page(e["n_events"], EVENTS_PAGE), "query": ""})

@router.get("/entities", response_class=HTMLResponse, include_in_schema=False)
def entities_page(request: Request, p: int = Query(1, ge=1, le=100000), db: Store = Depends(current)):
    ents = db.entities()
    return page("entities.html", request, entities=ents[(p - 1) * ENTITIES_PAGE:p * ENTITIES_PAGE],
                total=len(ents), pages={"p": p, "last": last_page(len(ents), ENTITIES_PAGE), "query": ""})

@router.get("/claims", response_class=HTMLResponse, include_in_schema=False)
def claims_page(request: Request, speaker: str = "", stance: str = "", anonymous: str = "", story: str = "",
                p: int = Query(1, ge=1, le=100000), db: Store = Depends(current)):
    # One page of PAGE claims: a large build holds thousands, and rendering them all made this the slowest page.
    anon = {"yes": True, "no": False}.get(anonymous)
    filters = dict(speaker=speaker or None, stance=stance or None, anonymous=anon, story=story or None)
    total = db.count_claims(**filters)
    claims = db.claims(**filters, offset=(p - 1) * PAGE, limit=PAGE)
    f = {"speaker": speaker, "stance": stance, "anonymous": anonymous, "story": story}
    pages = {"p": p, "last": last_page(total, PAGE), "query": urlencode({k: v for k, v in f.items() if v})}
    # The most quoted speakers (a large build has thousands: the list was most of this page), and the chosen one.
    every = db.speakers()
    speakers = every[:SPEAKERS_SHOWN] + [s for s in every[SPEAKERS_SHOWN:] if s["id"] == speaker]
    return page("claims.html", request, claims=claims, total=total, pages=pages, speakers=speakers,
                n_speakers=len(every),
                stances=STANCES, stories=db.stories(), conflicts=db.conflicts(CONFLICTS_SHOWN),
                n_conflicts=db.count_conflicts(), f=f)

@router.get("/search", response_class=HTMLResponse, include_in_schema=False)
def search_page(request: Request, q: str = "", kind: str = "", p: int = Query(1, ge=1, le=1000),
                db: Store = Depends(current)):
    hits = db.search(checked(q), kind or None, SEARCH_PAGE + 1, (p - 1) * SEARCH_PAGE) if q else []
    more = len(hits) > SEARCH_PAGE
    pages = {"p": p, "last": p + more, "query": urlencode({k: v for k, v in (("q", q), ("kind", kind)) if v})}
    return page("search.html", request, q=q, kind=kind, hits=hits[:SEARCH_PAGE], pages=pages,
                first=(p - 1) * SEARCH_PAGE + 1)

@router.get("/api", response_class=HTMLResponse, include_in_schema=False)
def api_page(request: Request):
    ops = [(p, m.upper(), op.get("summary", "")) for p, item in request.app.openapi()["paths"].items()
           for m, op in item.items()]
    return page("api.html", request, ops=ops)
