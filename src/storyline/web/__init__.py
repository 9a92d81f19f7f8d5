"""The web app over a built store: server-rendered pages, a little local JavaScript, and a JSON API under /api.

Article text is untrusted: every template goes through Jinja2 with autoescape on, and the only markup the app
adds to article text (highlights, search hits) is inserted after escaping (see ``common.highlight`` and
``common.marked``). One router per kind of view, as datasette keeps one view per page kind: ``pages`` (HTML) and
``api`` (JSON); ``common`` holds what they share; ``guard`` wraps the app (credential, security headers).
"""
from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from . import api, pages
from .common import _dir, env, highlight, marked, page  # noqa: F401  (env, highlight, marked: public helpers)
from .cached import Cached
from .data import Live, Store, StoreMissing
from .guard import Credential, Guard

__all__ = ["create_app", "from_env", "Credential", "Store", "StoreMissing"]

# Where `storyline serve --workers N` tells its server processes what to serve: uvicorn starts each worker by
# importing an app factory, so the build directory and the credential cannot be passed as arguments.
SERVE_ENV = "STORYLINE_SERVE"


def create_app(out_dir: str | Path, credential: Credential | None = None) -> Guard:
    """The app over the build in ``out_dir``; every request reads the generation current when it arrives.
    With ``credential``, every route asks for it (see guard.py)."""
    # No Swagger/ReDoc pages: they load their scripts from a CDN. /api lists the endpoints from /openapi.json.
    app = FastAPI(title="storyline", version=_version(), docs_url=None, redoc_url=None,
                  description="Read-only API over a storyline build: stories, timelines, entities, claims, search. "
                              "Every event source and claim carries (article id, start, end).")
    app.state.live = live = Live(out_dir)
    app.state.jenv = env()
    app.mount("/static", StaticFiles(directory=_dir("static")), name="static")

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

    app.include_router(pages.router)
    app.include_router(api.router)
    return Guard(Cached(app, live), credential)   # the credential first, then the cache


def from_env() -> Guard:
    """The app factory of each `serve --workers` process: create_app over what SERVE_ENV holds (JSON)."""
    cfg = json.loads(os.environ[SERVE_ENV])
    cred = cfg.get("credential")
    return create_app(cfg["dir"], Credential(**cred) if cred else None)


def serve_env(out_dir: str | Path, credential: Credential | None) -> str:
    return json.dumps({"dir": str(Path(out_dir).resolve()),
                       "credential": dataclasses.asdict(credential) if credential else None})


def _version() -> str:
    from .. import __version__
    return __version__
