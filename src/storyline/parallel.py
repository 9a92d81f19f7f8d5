"""Per-article work on every core, or on a Ray cluster: parse, analyse and embed articles in chunks.

The unit of work is a *chunk* of ``CHUNK`` consecutive articles (by position in the corpus). A worker loads the
spaCy model and the embedding model once, then parses a whole chunk with ``nlp.pipe`` and embeds it in one call.
Chunks are cut at fixed positions whatever the number of workers, so every article is parsed and embedded in the
same batch company on 1 worker, on 8, or on Ray: the output does not depend on the backend.

What travels: the articles of a chunk (text, title, date, headings) go out; plain ``ArticleAnalysis`` dataclasses
(sentences, mentions, time expressions, raw events and claims, the story vector) come back. Corpus-level stages
(resolution, stories, merging, conflicts) stay in the calling process.

Failures: an article whose analysis raises is returned as failed, with the reason, and the rest of its chunk goes
on. A worker process that dies (killed, out of memory, a crash in native code) loses its chunk; the chunk is
retried in a fresh pool, then article by article, and an article that still kills its worker is reported failed.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Callable, Iterable

from .model import Article

CHUNK = 16                # articles per task: one nlp.pipe batch and one embedding call
# Below this, starting worker processes (each loads spaCy and MiniLM, ~10 s) costs more than it saves: on the
# 2-core machine at low load, 69 articles built in 31.7 s in process and 40.9 s on 2 workers (docs/scale.md).
MIN_FOR_POOL = 10 * CHUNK
RETRIES = 1               # whole-chunk retries after a worker died, before going article by article


@dataclass
class Failed:
    """An article the analyser could not finish: it is listed as skipped with this reason."""
    article: str
    reason: str


def _setup_worker() -> None:
    # One process per core already: more threads per process would only fight over the same cores.
    try:
        import torch
        torch.set_num_threads(1)
    except ImportError:
        pass


def analyse_chunk(articles: list[Article]) -> list:
    """Parse, analyse and embed one chunk; one ArticleAnalysis or Failed per article, in order."""
    from . import nlp
    from .pipeline import analyse_article, article_vectors
    out: list = []
    try:
        docs = list(nlp.parse([a.text for a in articles], batch_size=len(articles)))
    except Exception:   # a text that breaks the batch: parse one by one so that only it fails
        docs = []
        for a in articles:
            try:
                docs.append(next(nlp.parse([a.text])))
            except Exception as e:
                docs.append(e)
    for a, doc in zip(articles, docs):
        if isinstance(doc, Exception):
            out.append(Failed(a.id, f"analysis failed: {type(doc).__name__}: {doc}"))
            continue
        try:
            out.append(analyse_article(a, doc))
        except Exception as e:
            out.append(Failed(a.id, f"analysis failed: {type(e).__name__}: {e}"))
    done = [x for x in out if not isinstance(x, Failed)]
    if done:
        by_id = {a.id: a for a in articles}
        for x, v in zip(done, article_vectors([by_id[x.article] for x in done])):
            x.vector = v
    return out


def chunks(articles: list[Article], size: int | None = None) -> list[list[Article]]:
    size = size or CHUNK
    return [articles[i:i + size] for i in range(0, len(articles), size)]


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def run(articles: list[Article], backend: str = "local", workers: int | None = None, address: str | None = None,
        on_article: Callable[[Article], None] | None = None) -> list:
    """ArticleAnalysis or Failed for each article, in input order.

    backend "local": a process pool of ``workers`` (default: every core; a corpus under MIN_FOR_POOL articles,
    or workers=1, runs in this process). backend "ray": Ray actors on the cluster at ``address`` (default: start
    or join a local Ray), ``workers`` actors (default: the cluster's CPUs)."""
    parts = chunks(articles)
    by_id = {a.id: a for a in articles}

    def report(results):
        if on_article:
            for x in results:
                on_article(by_id[x.article])

    if backend == "ray":
        results = _run_ray(parts, workers, address, report)
    elif backend != "local":
        raise ValueError(f"unknown backend {backend!r} (local or ray)")
    else:
        n = workers or (default_workers() if len(articles) >= MIN_FOR_POOL else 1)
        n = min(n, len(parts)) or 1
        results = _run_pool(parts, n, report) if n > 1 else _run_here(parts, report)
    return [x for part in results for x in part]


def _run_here(parts: list[list[Article]], report) -> list[list]:
    out = []
    for p in parts:
        out.append(analyse_chunk(p))
        report(out[-1])
    return out


def _pool(n: int):
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor
    # spawn, not fork: the parent may hold torch/OpenMP threads, which a forked child inherits broken.
    return ProcessPoolExecutor(n, mp_context=mp.get_context("spawn"), initializer=_setup_worker)


def _run_pool(parts: list[list[Article]], n: int, report) -> list[list]:
    from concurrent.futures import as_completed
    from concurrent.futures.process import BrokenProcessPool
    results: dict[int, list] = {}
    todo = list(range(len(parts)))
    for attempt in range(RETRIES + 1):
        if not todo:
            break
        with _pool(n) as ex:
            futs = {ex.submit(analyse_chunk, parts[i]): i for i in todo}
            for f in as_completed(futs):
                try:
                    results[futs[f]] = f.result()
                    report(results[futs[f]])
                except BrokenProcessPool:
                    pass   # a worker died: every chunk still out is retried below
        todo = [i for i in todo if i not in results]
    for i in todo:   # still dying: one article per task, so that only the article that kills a worker is lost
        results[i] = []
        for a in parts[i]:
            try:
                with _pool(1) as ex:
                    results[i] += ex.submit(analyse_chunk, [a]).result()
            except BrokenProcessPool:
                results[i].append(Failed(a.id, "analysis failed: the worker process died on this article"))
        report(results[i])
    return [results[i] for i in range(len(parts))]


def _run_ray(parts: list[list[Article]], workers: int | None, address: str | None, report) -> list[list]:
    try:
        import ray
    except ImportError:
        raise RuntimeError("--backend ray needs Ray: pip install 'storyline[ray]'") from None
    started = False
    if not ray.is_initialized():
        # A remote cluster must have storyline installed on its nodes; a local Ray is given this checkout.
        ray.init(address=address, include_dashboard=False, log_to_driver=False,
                 runtime_env=_ray_env() if address is None else None)
        started = True
    try:
        n = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        n = min(n, len(parts)) or 1
        # Ray restarts an actor that dies and retries its task (max_restarts / max_task_retries).
        Actor = ray.remote(num_cpus=1, max_restarts=RETRIES + 1, max_task_retries=RETRIES + 1)(_Analyser)
        actors = [Actor.remote() for _ in range(n)]
        pending = {}
        queue = list(range(len(parts)))
        free = list(actors)
        results: dict[int, list] = {}
        while queue or pending:
            while queue and free:
                i, actor = queue.pop(0), free.pop()
                pending[actor.run.remote(parts[i])] = (i, actor)
            ready, _ = ray.wait(list(pending), num_returns=1)
            i, actor = pending.pop(ready[0])
            free.append(actor)
            try:
                results[i] = ray.get(ready[0])
            except ray.exceptions.RayError as e:
                results[i] = [Failed(a.id, f"analysis failed: Ray worker lost ({type(e).__name__})")
                              for a in parts[i]]
            report(results[i])
        return [results[i] for i in range(len(parts))]
    finally:
        if started:
            ray.shutdown()


class _Analyser:
    """A Ray actor: one spaCy model and one embedding model, loaded once, serving chunk after chunk."""

    def __init__(self):
        _setup_worker()

    def run(self, articles: list[Article]) -> list:
        return analyse_chunk(articles)


def _ray_env() -> dict:
    # Workers of a local Ray import storyline from the same place as this process (a source checkout included).
    import storyline
    src = os.path.dirname(os.path.dirname(os.path.abspath(storyline.__file__)))
    path = os.environ.get("PYTHONPATH", "")
    return {"env_vars": {"PYTHONPATH": src + (os.pathsep + path if path else "")}}


def iter_results(results: Iterable) -> tuple[list, list[Failed]]:
    done, failed = [], []
    for x in results:
        (failed if isinstance(x, Failed) else done).append(x)
    return done, failed
