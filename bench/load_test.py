"""Load on the web app: N concurrent clients (asyncio + httpx) against `storyline serve` on loopback.

    PYTHONPATH=src python bench/load_test.py OUT_DIR [--clients 50] [--seconds 60] [--port 8765]

OUT_DIR is a finished build (e.g. `storyline build ../shared/datasets/t17 -o /tmp/t17`). The script starts
`storyline serve OUT_DIR` itself, reads the ids it can ask for from the API, then each client requests, one after
the other, a random page or API route: stories, a story's timeline, an entity, claims (filtered and paged), an
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


async def client_loop(base: str, t: dict, until: float, seed: int, lat: dict, errors: list):
    rng = random.Random(seed)
    async with httpx.AsyncClient(base_url=base, timeout=30) as c:
        while time.monotonic() < until:
            kind, path, params, want = pick(rng, t)
            t0 = time.perf_counter()
            try:
                r = await c.get(path, params=params)
                status = r.status_code
            except httpx.HTTPError as e:
                status = f"{type(e).__name__}"
            dt = (time.perf_counter() - t0) * 1000
            lat[kind].append(dt)
            if status != want:
                errors.append(f"{path} {params}: {status} (expected {want})")


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


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--port", type=int, default=8765)
    a = ap.parse_args(argv)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    server = subprocess.Popen([sys.executable, "-m", "storyline.cli", "serve", str(a.out_dir), "--port", str(a.port),
                               "--quiet"], env=env)
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
        res = asyncio.run(run(base, a.clients, a.seconds))
    finally:
        server.terminate()
        server.wait(10)
    print(json.dumps(res, indent=1))
    return 1 if res["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
