"""The web app over a built store: server-rendered pages, a little local JavaScript, and a JSON API under /api.

Article text is untrusted: every template goes through Jinja2 with autoescape on, and the only markup the app
adds to article text (highlights, search hits) is inserted after escaping (see ``highlight`` and ``marked``).
"""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Optional
from urllib.parse import urlencode

import jinja2
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from markupsafe import Markup, escape
from starlette.exceptions import HTTPException as StarletteHTTPException

from .data import Live, Store, StoreMissing
from .guard import Credential, Guard
from ..timeline import KEEP_DATES, KEEP_LINES
from ..timeline import shown as shown_timeline

__all__ = ["create_app", "Credential", "Store", "StoreMissing"]

MAX_QUERY = 1000   # characters of search text; longer input is a 400, not a slow scan
PAGE = 100        # claims per page
EVENTS_PAGE = 200
ENTITIES_PAGE = 200
CONFLICTS_SHOWN = 25   # on the claims page; /api/conflicts has them all

STANCES = ["asserts", "alleges", "denies", "rejects", "confirms", "declines_comment"]


def _dir(name: str) -> Path:
    return Path(str(resources.files("storyline.web").joinpath(name)))


def env() -> jinja2.Environment:
    e = jinja2.Environment(loader=jinja2.FileSystemLoader(_dir("templates")), autoescape=True)
    e.filters["highlight"] = highlight
    e.filters["marked"] = marked
    return e


def highlight(text: str, start: int | None, end: int | None) -> Markup:
    """The article text, escaped, with [start, end) wrapped in <mark id="hl">."""
    text = text or ""
    if start is None or end is None or not (0 <= start < end <= len(text)):
        return escape(text)
    return Markup("{}<mark id=\"hl\">{}</mark>{}").format(text[:start], text[start:end], text[end:])


def marked(snippet: str) -> Markup:
    """An FTS5 snippet whose hits are delimited by \\x02 ... \\x03: escape first, then mark."""
    return Markup(str(escape(snippet or "")).replace("\x02", "<mark>").replace("\x03", "</mark>"))


def create_app(out_dir: str | Path, credential: Credential | None = None) -> Guard:
    """The app over the build in ``out_dir``; every request reads the generation current when it arrives.
    With ``credential``, every route asks for it (see guard.py)."""
    live = Live(out_dir)
    jenv = env()
    # No Swagger/ReDoc pages: they load their scripts from a CDN. /api lists the endpoints from /openapi.json.
    app = FastAPI(title="storyline", version=_version(), docs_url=None, redoc_url=None,
                  description="Read-only API over a storyline build: stories, timelines, entities, claims, search. "
                              "Every event source and claim carries (article id, start, end).")
    app.mount("/static", StaticFiles(directory=_dir("static")), name="static")

    def page(name: str, request: Request, status: int = 200, **ctx) -> HTMLResponse:
        html = jenv.get_template(name).render(request=request, path=request.url.path, **ctx)
        return HTMLResponse(html, status_code=status)

    def checked(q: str) -> str:
        if len(q) > MAX_QUERY:
            raise HTTPException(400, f"search text is {len(q)} characters long; at most {MAX_QUERY} are allowed")
        return q

    def as_json(db: Store, key, make) -> Response:
        """A JSON answer serialised once per generation: FastAPI's encoder walks every value on every request,
        which made the large entity and event answers the slowest API routes under load."""
        body = db._cached(("json", key), lambda: json.dumps(make(), ensure_ascii=False).encode("utf-8"))
        return Response(body, media_type="application/json")

    def need(obj, what: str, key: str):
        if obj is None:
            raise HTTPException(404, f"no {what} with id {key!r}")
        return obj

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        return page("error.html", request, status=exc.status_code, status_code=exc.status_code,
                    message=str(exc.detail))

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception):
        # No stack trace to the client; the server log keeps it (uvicorn prints it).
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": "internal error"}, status_code=500)
        return page("error.html", request, status=500, status_code=500, message="internal error")

    # -- pages ---------------------------------------------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def stories_page(request: Request, db: Store = Depends(live.get)):
        return page("stories.html", request, stories=db.stories())

    @app.get("/story/{sid}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, sid: str, view: str = Query("key", pattern="^(key|all)$"),
                   p: int = Query(1, ge=1, le=100000),
                   dates: Optional[int] = Query(None, ge=1, le=KEEP_DATES),
                   lines: Optional[int] = Query(None, ge=1, le=KEEP_LINES), db: Store = Depends(live.get)):
        story = need(db.story(sid), "story", sid)
        stored = db.story_timeline(sid)
        summary = shown_timeline(stored, dates, lines)
        events = db.ranked_events(sid)
        n_key = sum(e["key"] for e in events)
        shown = [e for e in events if e["key"]] if view == "key" else events
        # A page of EVENTS_PAGE events in date order: the largest T17 story has 1,300, and rendering them all
        # was the slowest page under load.
        last = max(1, -(-len(shown) // EVENTS_PAGE))
        shown = shown[(p - 1) * EVENTS_PAGE:p * EVENTS_PAGE]
        groups: dict[str, list] = {}
        for e in shown:
            groups.setdefault(e["date"] or "undated", []).append(e)
        for d, evs in groups.items():    # within a day, the best-sourced and most specific first
            groups[d] = sorted(evs, key=lambda e: -e["salience"])
        return page("story.html", request, story=story, groups=groups, n_events=len(events), n_key=n_key,
                    view=view, density=db.density(sid), pages={"p": p, "last": last, "query": f"view={view}"},
                    since=db.since_update(sid), summary=summary, max_dates=KEEP_DATES, max_lines=KEEP_LINES,
                    n_dates=dates or stored.get("dates") or 0, n_lines=lines or stored.get("lines") or 1)

    @app.get("/article/{aid}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, aid: str, start: Optional[int] = None, end: Optional[int] = None,
            db: Store = Depends(live.get)):
        art = need(db.article(aid), "article", aid)
        return page("article.html", request, a=art, start=start, end=end)

    @app.get("/entity/{eid}", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(request: Request, eid: str, db: Store = Depends(live.get)):
        return page("entity.html", request, e=need(db.entity(eid), "entity", eid))

    @app.get("/entities", response_class=HTMLResponse, include_in_schema=False)
    def entities_page(request: Request, p: int = Query(1, ge=1, le=100000), db: Store = Depends(live.get)):
        ents = db.entities()
        return page("entities.html", request, entities=ents[(p - 1) * ENTITIES_PAGE:p * ENTITIES_PAGE],
                    total=len(ents), pages={"p": p, "last": max(1, -(-len(ents) // ENTITIES_PAGE)), "query": ""})

    @app.get("/claims", response_class=HTMLResponse, include_in_schema=False)
    def claims_page(request: Request, speaker: str = "", stance: str = "", anonymous: str = "", story: str = "",
                    p: int = Query(1, ge=1, le=100000), db: Store = Depends(live.get)):
        # One page of PAGE claims: a large build holds thousands, and rendering them all made this the slowest page.
        anon = {"yes": True, "no": False}.get(anonymous)
        filters = dict(speaker=speaker or None, stance=stance or None, anonymous=anon, story=story or None)
        total = db.count_claims(**filters)
        claims = db.claims(**filters, offset=(p - 1) * PAGE, limit=PAGE)
        f = {"speaker": speaker, "stance": stance, "anonymous": anonymous, "story": story}
        pages = {"p": p, "last": max(1, -(-total // PAGE)), "query": urlencode({k: v for k, v in f.items() if v})}
        return page("claims.html", request, claims=claims, total=total, pages=pages, speakers=db.speakers(),
                    stances=STANCES, stories=db.stories(), conflicts=db.conflicts()[:CONFLICTS_SHOWN],
                    n_conflicts=len(db.conflicts()), f=f)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request, q: str = "", kind: str = "", db: Store = Depends(live.get)):
        hits = db.search(checked(q), kind or None) if q else []
        return page("search.html", request, q=q, kind=kind, hits=hits)

    @app.get("/api", response_class=HTMLResponse, include_in_schema=False)
    def api_page(request: Request):
        ops = [(p, m.upper(), op.get("summary", "")) for p, item in app.openapi()["paths"].items()
               for m, op in item.items()]
        return page("api.html", request, ops=ops)

    # -- JSON API ------------------------------------------------------------------------------------------------
    @app.get("/api/stories", tags=["stories"], summary="All stories with date range, cast and counts")
    def api_stories(db: Store = Depends(live.get)):
        return as_json(db, "stories", db.stories)

    @app.get("/api/stories/{sid}", tags=["stories"], summary="One story")
    def api_story(sid: str, db: Store = Depends(live.get)):
        return need(db.story(sid), "story", sid)

    @app.get("/api/stories/{sid}/events", tags=["stories"], summary="A story's events in date order")
    def api_story_events(sid: str, db: Store = Depends(live.get)):
        need(db.story(sid), "story", sid)
        return as_json(db, ("events", sid), lambda: db.events(sid))

    @app.get("/api/stories/{sid}/timeline", tags=["stories"],
             summary="The story's summary timeline: DATES dates of up to LINES sourced sentences each, in date "
                     "order (the timeline `storyline eval tls` scores); default length sized to the story")
    def api_story_timeline(sid: str, dates: Optional[int] = Query(None, ge=1, le=KEEP_DATES),
                           lines: Optional[int] = Query(None, ge=1, le=KEEP_LINES),
                           db: Store = Depends(live.get)):
        need(db.story(sid), "story", sid)
        return shown_timeline(db.story_timeline(sid), dates, lines)

    @app.get("/api/events/{eid}", tags=["events"], summary="One event with its actors and source sentences")
    def api_event(eid: str, db: Store = Depends(live.get)):
        return need(db.event(eid), "event", eid)

    @app.get("/api/entities", tags=["entities"], summary="All entities, most mentioned first")
    def api_entities(type: Optional[str] = None, db: Store = Depends(live.get)):
        return as_json(db, ("entities", type), lambda: db.entities(type))

    @app.get("/api/entities/{eid}", tags=["entities"],
             summary="An entity: aliases, roles, events, claims, co-occurring entities")
    def api_entity(eid: str, db: Store = Depends(live.get)):
        need(db.entity(eid), "entity", eid)
        return as_json(db, ("entity", eid), lambda: db.entity(eid))

    @app.get("/api/claims", tags=["claims"], summary="Claims, filtered by speaker, stance, anonymity or story")
    def api_claims(speaker: Optional[str] = None, stance: Optional[str] = None, anonymous: Optional[bool] = None,
                   story: Optional[str] = None, offset: int = Query(0, ge=0), limit: int = Query(1000, ge=1, le=5000),
                   db: Store = Depends(live.get)):
        return db.claims(speaker, stance, anonymous, story, offset=offset, limit=limit)

    @app.get("/api/claims/{cid}", tags=["claims"], summary="One claim")
    def api_claim(cid: str, db: Store = Depends(live.get)):
        return need(db.claim(cid), "claim", cid)

    @app.get("/api/conflicts", tags=["claims"], summary="Conflicts and updates between events or claims")
    def api_conflicts(db: Store = Depends(live.get)):
        return db.conflicts()

    @app.get("/api/articles", tags=["articles"], summary="All inputs with their status (ingested/duplicate/skipped)")
    def api_articles(db: Store = Depends(live.get)):
        return as_json(db, "articles", db.articles)

    @app.get("/api/articles/{aid}", tags=["articles"], summary="One article with its cleaned text")
    def api_article(aid: str, db: Store = Depends(live.get)):
        return need(db.article(aid), "article", aid)

    @app.get("/api/search", tags=["search"], summary="Full-text search (SQLite FTS5) over articles, events, claims")
    def api_search(q: str, kind: Optional[str] = Query(None, pattern="^(article|event|claim)$"),
                   limit: int = Query(50, ge=1, le=500), db: Store = Depends(live.get)):
        hits = db.search(checked(q), kind, limit)
        for h in hits:
            h["snippet"] = h["snippet"].replace("\x02", "").replace("\x03", "")
        return hits

    return Guard(app, credential)


def _version() -> str:
    from .. import __version__
    return __version__
