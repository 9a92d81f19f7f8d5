"""What every view shares: the current build of a request, the page renderer, and the answers a view gives
for a missing id, an over-long query or a cached JSON body."""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jinja2
from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup, escape

from .cached import STORE_KEY
from .data import Store

MAX_QUERY = 1000   # characters of search text; longer input is a 400, not a slow scan
PAGE = 100        # claims per page
EVENTS_PAGE = 100
ENTITIES_PAGE = 200
SEARCH_PAGE = 20  # hits per search page (their snippets are most of a search's cost)
SPEAKERS_SHOWN = 300   # in the claims page's speaker filter; any other speaker's claims are linked from their page
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


def current(request: Request) -> Store:
    """The Store of the generation current when the request arrived (one generation per request): the one the
    answer cache resolved for it, so that an answer is never stored under another generation than its own."""
    store = request.scope.get("state", {}).get(STORE_KEY)
    return store if store is not None else request.app.state.live.get()


def page(name: str, request: Request, status: int = 200, **ctx) -> HTMLResponse:
    html = request.app.state.jenv.get_template(name).render(request=request, path=request.url.path, **ctx)
    return HTMLResponse(html, status_code=status)


def last_page(n: int, size: int) -> int:
    """The number of the last page of ``n`` items shown ``size`` at a time (1 when there are none)."""
    return max(1, -(-n // size))


def checked(q: str) -> str:
    if len(q) > MAX_QUERY:
        raise HTTPException(400, f"search text is {len(q)} characters long; at most {MAX_QUERY} are allowed")
    return q


def as_json(db: Store, key, make) -> Response:
    """A JSON answer serialised once per generation: FastAPI's encoder walks every value on every request,
    which made the large entity and event answers the slowest API routes under load."""
    body = db._cached(("json", key), lambda: json.dumps(make(), ensure_ascii=False).encode("utf-8"))
    return Response(body, media_type="application/json")


def to_json(obj) -> Response:
    """A JSON answer serialised by json.dumps: the rows are plain JSON types already, and FastAPI's encoder, which
    walks every value to convert it, cost more than the query for a page of claims."""
    return Response(json.dumps(obj, ensure_ascii=False).encode("utf-8"), media_type="application/json")


def need(obj, what: str, key: str):
    if obj is None:
        raise HTTPException(404, f"no {what} with id {key!r}")
    return obj
