"""Load on the web app: N concurrent asyncio HTTP clients against `storyline serve` on loopback.

    PYTHONPATH=src python bench/load_test.py OUT_DIR [--clients 50] [--seconds 60] [--port 8765] [--workers 1]

OUT_DIR is a finished build (e.g. `storyline build ../shared/datasets/t17 -o /tmp/t17`). The script starts
`storyline serve OUT_DIR` itself, reads the ids it can ask for from the API (httpx), then each client (one
keep-alive connection: see Conn) requests, one after the other, a random page or API route: stories, a story's timeline, an entity, claims (filtered and paged), an
article, search (words taken from the build, plus hostile input), and the matching JSON API. It prints requests/s,
p50/p95/p99 latency overall and per route kind, and errors (any status >= 500, a 4xx where none is expected, or a
transport error); exit 1 when there was any error.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import quote, urlencode

import httpx

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = ['" OR 1=1 --', "NEAR(a b)", "*", "\x00\x1f", "\u202eevil", "(((", "x" * 1001, "ダム"]


def quantile(xs: list[float], q: float) -> float:
    return statistics.quantiles(xs, n=100, method="inclusive")[int(q * 100) - 1] if len(xs) > 1 else (xs or [0])[0]


async def targets(client: httpx.AsyncClient) -> dict:
    stories = (await client.get("/api/stories")).json()
    ents = (await client.get("/api/entities")).json()[:300]
    arts = [a for a in (await client.get("/api/articles")).json() if a["status"] != "skipped"][:300]
    claims = (await client.get("/api/claims", params={"limit": 300})).json()
    words = sorted({w for s in stories for w in (s["title"] or "").split() if len(w) > 4 and w.isalpha()})
    return {"stories": [s["id"] for s in stories], "entities": [e["id"] for e in ents], "articles": [a["id"] for a in arts],
            "speakers": sorted({c["speaker"] for c in claims if c["speaker"]}), "words": words or ["the"]}


def pick(rng: random.Random, t: dict) -> tuple[str, str, dict, int]:
    """(kind, path, params, expected status)."""
    k = rng.choice(["stories", "story", "timeline", "entity", "claims", "claims_filtered", "article", "search",
                    "search_hostile", "api_stories", "api_timeline", "api_entity", "api_claims", "api_search"])
    sid = rng.choice(t["stories"]) if t["stories"] else "none"
    eid = rng.choice(t["entities"]) if t["entities"] else "none"
    q = " ".join(rng.sample(t["words"], min(2, len(t["words"]))))
    return {
        "stories": ("stories", "/", {}, 200),
        "story": ("story", f"/story/{sid}", {"view": rng.choice(["key", "all"])}, 200),
        "timeline": ("story", f"/story/{sid}", {}, 200),
        "entity": ("entity", f"/entity/{eid}", {}, 200),
        "claims": ("claims", "/claims", {"p": rng.randint(1, 3)}, 200),
        "claims_filtered": ("claims", "/claims", {"speaker": rng.choice(t["speakers"] or [""]),
                                                  "stance": rng.choice(["", "asserts", "denies"])}, 200),
        "article": ("article", f"/article/{rng.choice(t['articles'])}" if t["articles"] else "/", {}, 200),
        "search": ("search", "/search", {"q": q}, 200),
        "search_hostile": ("search", "/api/search", {"q": (h := rng.choice(HOSTILE))}, 400 if len(h) > 1000 else 200),
        "api_stories": ("api", "/api/stories", {}, 200),
        "api_timeline": ("api", f"/api/stories/{sid}/timeline", {"length": 20}, 200),
        "api_entity": ("api", f"/api/entities/{eid}", {}, 200),
        "api_claims": ("api", "/api/claims", {"limit": 100, "offset": rng.randint(0, 200)}, 200),
        "api_search": ("api", "/api/search", {"q": q}, 200),
    }[k]


class Conn:
    """One keep-alive HTTP/1.1 connection that sends GETs and reads whole answers.

    Written here instead of using httpx for the measured requests: with 50 httpx clients on the 2-core machine the
    clients spent more CPU than the server (9.5 s against 7.5 s in a 30 s run), so the figures measured the
    client. This reads only what the test needs (status, Content-Length or chunked body) at a fraction of that."""

    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.reader = self.writer = None

    async def get(self, path: str, params: dict) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        target = quote(path, safe="/") + ("?" + urlencode(params) if params else "")
        self.writer.write(f"GET {target} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n\r\n".encode("ascii"))
        head = (await self.reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
        status = int(head[0].split(" ", 2)[1])
        headers = dict(h.lower().split(": ", 1) for h in head[1:] if ": " in h)
        if "content-length" in headers:
            await self.reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding") == "chunked":
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
                await self.reader.readexactly(size + 2)
                if size == 0:
                    break
        if headers.get("connection") == "close":
            await self.close()
        return status

    async def close(self):
        if self.writer is not None:
            self.writer.close()
            self.reader = self.writer = None


async def client_loop(base: str, t: dict, until: float, seed: int, lat: dict, errors: list):
    rng = random.Random(seed)
    host, port = base.split("//")[1].split(":")
    conn = Conn(host, int(port))
    try:
        while time.monotonic() < until:
            kind, path, params, want = pick(rng, t)
            t0 = time.perf_counter()
            try:
                status = await asyncio.wait_for(conn.get(path, params), 30)
            except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ValueError) as e:
                status = f"{type(e).__name__}"
                await conn.close()
            dt = (time.perf_counter() - t0) * 1000
            lat[kind].append(dt)
            if status != want:
                errors.append(f"{path} {params}: {status} (expected {want})")
    finally:
        await conn.close()


async def run(base: str, clients: int, seconds: float) -> dict:
    async with httpx.AsyncClient(base_url=base, timeout=60) as c:
        t = await targets(c)
    lat: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = []
    t0 = time.monotonic()
    await asyncio.gather(*(client_loop(base, t, t0 + seconds, i, lat, errors) for i in range(clients)))
    took = time.monotonic() - t0
    allv = [x for v in lat.values() for x in v]
    return {"clients": clients, "seconds": round(took, 1), "requests": len(allv),
            "req_per_s": round(len(allv) / took, 1),
            "p50_ms": round(quantile(allv, .5), 1), "p95_ms": round(quantile(allv, .95), 1),
            "p99_ms": round(quantile(allv, .99), 1), "errors": len(errors), "error_examples": errors[:5],
            "by_kind": {k: {"n": len(v), "p50_ms": round(quantile(v, .5), 1), "p95_ms": round(quantile(v, .95), 1)}
                        for k, v in sorted(lat.items())}}


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of a process and its live descendants, from /proc (Linux)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        kids = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK") + sum(cpu_seconds(int(k)) for k in kids)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--workers", type=int, default=1, help="`storyline serve --workers`: server processes")
    a = ap.parse_args(argv)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    server = subprocess.Popen([sys.executable, "-m", "storyline.cli", "serve", str(a.out_dir), "--port", str(a.port),
                               "--quiet", "--workers", str(a.workers)], env=env)
    base = f"http://127.0.0.1:{a.port}"
    try:
        for _ in range(300):
            if server.poll() is not None:
                sys.exit(f"storyline serve exited ({server.returncode})")
            try:
                httpx.get(base + "/api/stories", timeout=2)
                break
            except httpx.HTTPError:
                time.sleep(0.2)
        # The machine's load average before and after: on a shared machine the figures mean little without it.
        # CPU time of the server and of these clients: which of the two the cores were spent on.
        load_before, server_cpu, client_cpu = os.getloadavg(), cpu_seconds(server.pid), time.process_time()
        res = asyncio.run(run(base, a.clients, a.seconds))
        res = {"workers": a.workers, **res, "loadavg_before": [round(x, 2) for x in load_before],
               "loadavg_after": [round(x, 2) for x in os.getloadavg()],
               "server_cpu_s": round(cpu_seconds(server.pid) - server_cpu, 1),
               "client_cpu_s": round(time.process_time() - client_cpu, 1)}
    finally:
        server.terminate()
        server.wait(10)
    print(json.dumps(res, indent=1))
    return 1 if res["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
