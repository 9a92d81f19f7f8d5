"""Who gets in, and what a browser may do with a page: one ASGI middleware in front of every route.

- A credential given at start (an access token, or HTTP basic user:password) is checked on every request: pages,
  API, static files. A token comes as ``Authorization: Bearer TOKEN``, as ``?token=TOKEN`` (a link to share; the
  answer sets a cookie, so the pages' own links keep working), or as that cookie.
- Every answer carries a Content-Security-Policy (scripts only from this origin, no inline script, no plugins, no
  framing, no requests to other origins) and X-Content-Type-Options: nosniff.
- A path holding ``..``, a backslash or a NUL (raw or percent-encoded) is a 404 before any route sees it.

A pure ASGI middleware rather than Starlette's BaseHTTPMiddleware: the latter adds a task and a stream copy per
request, which shows in the load test.
"""
from __future__ import annotations

import base64
import hmac
from dataclasses import dataclass
from http.cookies import SimpleCookie
from urllib.parse import parse_qs, unquote

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
           (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]
COOKIE = "storyline_token"


@dataclass(frozen=True)
class Credential:
    """An access token, or a user and password for HTTP basic auth."""
    token: str | None = None
    user: str | None = None
    password: str | None = None

    @classmethod
    def parse_user(cls, spec: str) -> "Credential":
        user, sep, password = spec.partition(":")
        if not sep or not user or not password:
            raise ValueError("--user takes USER:PASSWORD (both non-empty)")
        return cls(user=user, password=password)

    def accepts(self, headers: dict[bytes, bytes], query: str) -> tuple[bool, bool]:
        """(allowed, came from the query string: set the cookie)."""
        auth = headers.get(b"authorization", b"").decode("latin-1")
        if self.token is not None:
            if auth.startswith("Bearer ") and _same(auth[7:].strip(), self.token):
                return True, False
            given = parse_qs(query).get("token", [None])[0]
            if given is not None and _same(given, self.token):
                return True, True
            cookie = SimpleCookie()
            try:
                cookie.load(headers.get(b"cookie", b"").decode("latin-1"))
            except Exception:   # a malformed cookie header is no credential, not an error
                return False, False
            return (COOKIE in cookie and _same(cookie[COOKIE].value, self.token)), False
        if auth.startswith("Basic "):
            try:
                user, _, password = base64.b64decode(auth[6:].strip(), validate=True).decode("utf-8").partition(":")
            except (ValueError, UnicodeDecodeError):
                return False, False
            return _same(user, self.user or "") and _same(password, self.password or ""), False
        return False, False


def _same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode("utf-8", "surrogateescape"), b.encode("utf-8", "surrogateescape"))


def _bad_path(raw: str) -> bool:
    once = unquote(raw)
    for p in (raw, once, unquote(once)):
        if "\x00" in p or "\\" in p or any(seg == ".." for seg in p.split("/")):
            return True
    return False


class Guard:
    def __init__(self, app, credential: Credential | None = None):
        self.app = app
        self.credential = credential

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        set_cookie = False

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = [h for h in message.get("headers", []) if h[0].lower() not in dict(HEADERS)] + HEADERS
                if set_cookie:
                    headers.append((b"set-cookie", f"{COOKIE}={self.credential.token}; Path=/; HttpOnly; "
                                                   f"SameSite=Strict".encode()))
                message = {**message, "headers": headers}
            await send(message)

        raw_path = scope.get("raw_path") or scope["path"].encode()
        if _bad_path(raw_path.decode("latin-1")) or _bad_path(scope["path"]):
            return await _answer(send_with_headers, 404, b"not found")
        if self.credential is not None:
            ok, set_cookie = self.credential.accepts(dict(scope["headers"]),
                                                     scope.get("query_string", b"").decode("latin-1"))
            if not ok:
                extra = ([] if self.credential.token is not None
                         else [(b"www-authenticate", b'Basic realm="storyline", charset="UTF-8"')])
                return await _answer(send_with_headers, 401, b"credential required (see `storyline serve --help`)",
                                     extra)
        await self.app(scope, receive, send_with_headers)


async def _answer(send, status: int, body: bytes, extra=()):
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode()), *extra]})
    await send({"type": "http.response.body", "body": body})
