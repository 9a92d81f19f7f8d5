"""Whole answers kept in memory per build generation, served without running the app again.

A published generation never changes (outdir.py), so the answer to GET path?query is the same for as long as it
is current: the first request renders it, later ones get the stored bytes. The store of answers hangs on the
generation's ``Store``, so a new build (a new Store, see ``Live.get``) starts with an empty one and the old answers
go with the old generation; nothing has to be invalidated by hand.

This sits inside ``guard.Guard``: the credential is checked before any lookup, and the headers Guard adds (security
headers, the token cookie) are added to a stored answer as to a fresh one, so nothing per-client is ever stored.
Under the load test the route, dependency and template work was most of a request's CPU time; an answer served
from here skips all of it.
"""
from __future__ import annotations

import threading
from collections import OrderedDict

MAX_BYTES = 64 * 1024 * 1024   # per generation and per server process
MAX_ONE = 4 * 1024 * 1024      # a larger answer (the full article list of a huge build) is rendered each time
STORE_KEY = "storyline_store"  # in scope["state"]: the generation this request reads (common.current)


class Answers:
    """A least-recently-used map (path, query) -> (status, headers, body), bounded by the bytes of the bodies."""

    def __init__(self, max_bytes: int = MAX_BYTES):
        self.max_bytes = max_bytes
        self.bytes = 0
        self.hits = self.misses = 0
        self._d: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            hit = self._d.get(key)
            if hit is None:
                self.misses += 1
                return None
            self._d.move_to_end(key)
            self.hits += 1
            return hit

    def put(self, key, value) -> None:
        size = len(value[2])
        if size > MAX_ONE or size > self.max_bytes:
            return
        with self._lock:
            old = self._d.pop(key, None)
            if old is not None:
                self.bytes -= len(old[2])
            self._d[key] = value
            self.bytes += size
            while self.bytes > self.max_bytes:
                _, dropped = self._d.popitem(last=False)
                self.bytes -= len(dropped[2])

    def __len__(self) -> int:
        return len(self._d)


class Cached:
    """ASGI middleware: resolve the request's generation once, answer from its stored answers or render and store.

    Only complete 200 answers to GET are stored; static files (served by the browser's own cache) and anything
    streamed in several parts pass through untouched."""

    def __init__(self, app, live):
        self.app = app
        self.live = live

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        try:
            store = self.live.get()
        except Exception:   # a broken or missing build: the app's own error pages answer it
            return await self.app(scope, receive, send)
        # The route reads this Store too (common.current), so an answer is stored under the generation it was
        # rendered from even when a new build is published while it renders.
        scope.setdefault("state", {})[STORE_KEY] = store
        if scope["method"] != "GET" or scope["path"].startswith("/static/"):
            return await self.app(scope, receive, send)
        key = (scope["path"], scope.get("query_string", b""))
        hit = store.answers.get(key)
        if hit is not None:
            status, headers, body = hit
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        start: dict = {}
        parts: list[bytes] = []
        whole = True

        async def keep(message):
            nonlocal whole
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                parts.append(message.get("body", b""))
                if message.get("more_body"):
                    whole = False
            await send(message)

        await self.app(scope, receive, keep)
        if whole and start.get("status") == 200 and len(parts) == 1:
            store.answers.put(key, (200, list(start.get("headers", [])), parts[0]))
