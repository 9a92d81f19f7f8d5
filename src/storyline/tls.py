"""Timeline summarisation: pick the dates that matter, then summarise each date from the sentences about it.

This is the one timeline of storyline: the story timelines of a build (timeline.md, the web app, the exports,
``storyline.timeline_of``) and the ones ``storyline eval tls`` scores are made by :func:`summarise` from the same
per-article analysis (spaCy sentences and the time expressions of ``timex``, see :func:`read`).

The method follows DATEWISE (Gholipour Ghalandari and Ifrim, ACL 2020):
1. date selection ranks days by a mix of (a) how many articles mention the day (each article once), discounted by
   the number of reports of its week (a day most reports of a quiet week name is news; DENSITY), (b) how many
   articles are published on it and in the few days after it (reporting follows the happening), and (c) the day's
   PageRank in the date-reference graph (an article published on day p that mentions day d draws an edge p -> d);
   the days are then taken greedily, each one's score discounted by its nearness to the days already taken (SPREAD,
   0.25 in the in-sample choice; ``eval tls --cv`` fits both on the other topics);
2. each selected day is summarised from its candidate sentences (those that mention the day, plus the leading
   sentences of articles published on the day that mention no other day) by greedy centroid optimisation over
   TF-IDF vectors, skipping sentences too close to one already chosen (redundancy).
Every line keeps its article id and character span, the other articles that say the same (its corroboration), and
its date basis: "stated" (the sentence names the day) or "reported" (a lead sentence of a report published then).
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from .ingest.chrome import is_stamp, is_transcript_note, only_opener, opener_end
from .model import Article

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
# Leading sentences of an article that speak for its publication day: DATEWISE's 5 (its clip_sents). Ours was 8
# until 2026-12-06; fitted between the two by ``eval tls --cv`` the folds all chose 5, but the means moved by under
# 0.001 (docs/timeline.md): kept for the lines a reader gets (the report's news, not a quote from its middle).
LEAD_SENTS = 5
MIN_WORDS, MAX_WORDS = 5, 50
REDUNDANT = 0.5         # cosine above which a sentence repeats one already chosen
PUB_DAYS = 2            # an article's lead speaks for its publication day and the day before
DAY_VECTOR = False      # if set, keep only the day's sentences near its DATEWISE date vector (day_pool)
WINDOW = None           # if set: a sentence speaks for a day it mentions only when published 0..WINDOW days after
# Weights of the date-ranking signals (mentions, publications on and after the day, date-graph PageRank).
# ``storyline eval tls --cv`` chooses them (and DENSITY, SPREAD: evaluate.GRID) on the other topics; the defaults
# here are the in-sample choice on the 10 development folders (docs/timeline.md).
WEIGHTS = (1.0, 0.0, 0.0)
# What a mention counts: "sentences" (every sentence that names the day), "articles" (each article once: a
# long piece that repeats a date is one voice; the article frequency of the date), "past" (articles once, and only
# those published on or after the day: reports of what happened, not announcements).
MENTIONS = "articles"
# Spread of the chosen dates over the time span: once a day is chosen, a day dt days from it keeps a share
# 1 - exp(-dt / tau) of its score, tau = SPREAD * span / dates asked. A timeline of a long story (a spill and its
# trials, years apart) should not spend its dates on the busiest fortnight; 0 turns this off.
SPREAD = 0.25          # the in-sample choice since 2026-12-05 (0.0 before; the two are within 0.005 everywhere)
ONCE = True             # a sentence is a line of one date only
# Mentions of a day divided by (1 + the reports of its week) ** DENSITY (see rank_dates): the in-sample choice.
DENSITY = 0.25
# Bump when what read() stores changes: the evaluation cache is keyed by it.
READ_VERSION = "1"


@dataclass
class Sent:
    article: str
    start: int
    end: int
    text: str
    published: date | None
    index: int                         # position in its article
    dates: list[date] = field(default_factory=list)   # days it mentions


@dataclass
class Line:
    """One summary sentence with its provenance: ``article``'s text[start:end] == text. ``sources`` are every
    (article, start, end, text) that says much the same on that day (the line's own first); ``independent`` counts
    their distinct origins (a near-copy counts with its original)."""
    date: date
    text: str
    article: str
    start: int
    end: int
    basis: str = "stated"              # stated | reported
    sources: list[tuple[str, int, int, str]] = field(default_factory=list)
    independent: int = 1
    rank: int = 0                      # the rank of its date among the chosen ones (0 = best)
    # For a reported line: the publication day of its report. A report's lead also speaks for the day before
    # (PUB_DAYS), so the line's date can be that day; what the text attests is only "reported on this day".
    reported_on: date | None = None


def _day(value: str) -> date | None:
    if len(value) == 10 and value[4] == "-" and value[7] == "-" and "X" not in value:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def read(articles: list[Article]) -> dict[str, tuple[list, list]]:
    """The per-article reading a timeline needs, as the build does it (pipeline.read_article): spaCy sentences and
    time expressions, {article id: ([(start, end, kind)], [(start, end, type, value)])}."""
    from . import nlp, pipeline
    out = {}
    for a, doc in zip(articles, nlp.parse(a.text for a in articles)):
        sents, tx = pipeline.read_article(a, doc)
        out[a.id] = ([(s.start, s.end, s.kind) for s in sents], [(t.start, t.end, t.type, t.value) for t in tx])
    return out


def _key(a: Article) -> str:
    # The code version (every source file, the model, the embedding backend) is part of the key: a change to the
    # time expressions or the sentence splitter must not be scored on a stale reading of the same text.
    from .cache import code_version
    return hashlib.sha1("\x1f".join((READ_VERSION, code_version(), a.published or "", a.text)).encode("utf-8")
                        ).hexdigest()


def read_cached(articles: list[Article], cache_dir: str | os.PathLike | None) -> dict[str, tuple[list, list]]:
    """:func:`read` with a cache of one JSON file per article keyed by the hash of its text and publication date
    (the evaluation reads the same thousands of articles on every run)."""
    if cache_dir is None:
        return read(articles)
    root = Path(cache_dir)
    root.mkdir(parents=True, exist_ok=True)
    out, todo = {}, []
    for a in articles:
        f = root / f"{_key(a)}.json"
        if f.is_file():
            s, t = json.loads(f.read_text("utf-8"))
            out[a.id] = ([tuple(x) for x in s], [tuple(x) for x in t])
        else:
            todo.append(a)
    for i in range(0, len(todo), 16):       # batches: spaCy's pipe is faster, and a kill loses little
        chunk = todo[i:i + 16]
        for a, one in zip(chunk, read(chunk).values()):
            (root / f"{_key(a)}.json").write_text(json.dumps(one), "utf-8")
            out[a.id] = one
    return out


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"
_ENTRY = re.compile(r"(?:" + _MONTH + r"\s+\d{1,2}|\d{1,2}\s+" + _MONTH + r")(?:,?\s+\d{4})?\s+[-–—]{1,2}\s+(?=[A-Z\"“'‘])")


def sentences(articles: list[Article], reading: dict[str, tuple[list, list]]) -> list[Sent]:
    """Body sentences with the days they mention, from the per-article reading."""
    out = []
    for a in articles:
        if a.id not in reading:
            continue
        pub = date.fromisoformat(a.published) if a.published else None
        spans, tx = reading[a.id]
        tx = sorted(tx)
        k, n = 0, 0
        for s, e, kind in spans:
            line = a.text[s:e]
            if kind != "body" or is_stamp(line) or only_opener(line) or is_transcript_note(line):
                continue
            # A line starts where the sentence does: a wire dateline or page timestamp before it is where and when
            # the page was filed, not news (and its date is the publication date, not one the sentence states).
            s += opener_end(line)
            # A chronology's entry ("May 14 - Obama slams ...") states its day before a dash: the day is the
            # sentence's, the line starts after the dash (the line's date says it).
            entry = _ENTRY.match(a.text, s, e)
            shown = entry.end() if entry else s
            st = Sent(a.id, shown, e, a.text[shown:e], pub, n)
            n += 1
            while k < len(tx) and tx[k][0] < s:
                k += 1
            j = k
            while j < len(tx) and tx[j][0] < e:
                if tx[j][2] == "DATE":
                    d = _day(tx[j][3] or "")
                    if d and d not in st.dates:
                        st.dates.append(d)
                j += 1
            out.append(st)
    return out


def _pagerank(edges: dict[tuple[date, date], float], nodes: set[date], iters: int = 30, damp: float = 0.85):
    out_w: dict[date, float] = defaultdict(float)
    for (p, _d), w in edges.items():
        out_w[p] += w
    pr = {n: 1.0 / len(nodes) for n in nodes}
    for _ in range(iters):
        nxt = {n: (1 - damp) / len(nodes) for n in nodes}
        for (p, d), w in edges.items():
            nxt[d] += damp * pr[p] * w / out_w[p]
        pr = nxt
    return pr


def _norm(c: dict) -> dict:
    top = max(c.values(), default=0) or 1
    return {k: v / top for k, v in c.items()}


def rank_dates(sents: list[Sent], articles: list[Article], span: tuple[date, date] | None = None,
               after_days: int = 2) -> list[tuple[date, float]]:
    """Days ranked by mentions (see MENTIONS), publication volume on and after the day, and date-graph PageRank."""
    mentions: Counter = Counter()
    seen: set[tuple[str, date]] = set()
    edges: dict[tuple[date, date], float] = defaultdict(float)
    for s in sents:
        for d in s.dates:
            if MENTIONS == "sentences":
                mentions[d] += 1
            elif (s.article, d) not in seen and not (MENTIONS == "past" and s.published and s.published < d):
                seen.add((s.article, d))
                mentions[d] += 1
            if s.published and s.published != d:
                edges[(s.published, d)] += 1
    pubs: Counter = Counter(date.fromisoformat(a.published) for a in articles if a.published)
    days = set(mentions) | set(pubs)
    if span:
        days = {d for d in days if span[0] <= d <= span[1]}
    around = {d: sum(pubs.get(d + timedelta(k), 0) for k in range(after_days + 1)) for d in days}
    nodes = days | {p for p, _ in edges} | {d for _, d in edges}
    pr = _pagerank(edges, nodes) if nodes else {}
    if DENSITY:
        # A day named by 3 of the 4 reports of a quiet week says more than one named by 5 of the 60 of a busy one.
        week = {d: sum(pubs.get(d + timedelta(k), 0) for k in range(-3, 4)) for d in days}
        mentions = Counter({d: mentions[d] / (1 + week[d]) ** DENSITY for d in days})
    m, p, g = _norm({d: mentions[d] for d in days}), _norm(around), _norm({d: pr.get(d, 0) for d in days})
    wm, wp, wg = WEIGHTS
    score = {d: wm * m.get(d, 0) + wp * p.get(d, 0) + wg * g.get(d, 0) for d in days}
    return sorted(score.items(), key=lambda kv: (-kv[1], kv[0]))


# A question, or a sentence in the first person outside quotation marks, is no timeline line: a headline's
# question ("Swine flu: how serious a threat?"), a reader's testimony or comment ("I arrived in Mexico City on
# Saturday", "On Sunday we had our first death in the area"), a columnist's aside. A timeline states what
# happened, in the reporter's third person; a speaker's first person is kept inside the quote that attributes it.
_QUOTED = re.compile(r'"[^"]*"|“[^“”]*”|‘[^‘’]*’(?!\w)')
_FIRST_PERSON = re.compile(r"\b(?:we|our|ours|us|me|my|mine|myself|ourselves)\b|(?:^|[^\w\s,]\s*)(?:We|Our|My)\b")
# The outlet's own voice is a newsroom's, not a first person: "our correspondent says", "our science editor".
_OUTLET = re.compile(r"\b[Oo]ur\s+(?:[\w-]+\s+){0,2}(?:correspondents?|reporters?|editors?|team|staff|"
                     r"journalists?|producers?|analysts?|colleagues?)\b")
_I = re.compile(r"\bI\b(?=\s*(?:'|’|[a-z]))")
# The writer addressing the reader, or a reader the expert: "Could you please review your estimated mortality rate",
# "If you travel to the region, ...". Outside quotations a news line speaks of others.
_SECOND_PERSON = re.compile(r"\b(?:[Yy]ou|[Yy]our|[Yy]ours|[Yy]ourself|[Yy]ourselves)\b")


def _outside_quotes(text: str) -> str | None:
    """The sentence's words outside its quotations (a mark left open quotes to the end), or None where its first
    mark closes a quotation begun in an earlier sentence."""
    out = _QUOTED.sub(" ", text)
    marks = [i for i, ch in enumerate(out) if ch in '"“”']
    if not marks:
        return out
    i = marks[0]
    if out[i] == "“" or out[i] == '"' and (i == 0 or out[i - 1].isspace() or out[i - 1] in "(:"):
        return out[:i]
    return None


def readable(text: str) -> bool:
    """Whether a sentence can stand as a timeline line: no question, no first or second person of its own, and not
    the end of a quotation begun in an earlier sentence ('She's going to be briefed," he said ...': the reader meets
    the speaker's words without their start)."""
    outside = _outside_quotes(text)
    if text.rstrip(" '\"”’)").endswith("?") or outside is None:
        return False
    bare = _OUTLET.sub(" ", outside)
    if _FIRST_PERSON.search(bare) or _SECOND_PERSON.search(bare):
        return False
    # "I" is the writer's where it opens the sentence, or follows its first word or a lower-case word or a mark;
    # after a capitalised word inside the sentence it ends a name ("World War I was", "Phase I trials").
    for m in _I.finditer(bare):
        before = bare[:m.start()].split()
        if len(before) <= 1 or not before[-1][:1].isupper():
            return False
    return True


def _ok(s: Sent, keywords: list[str] | None) -> bool:
    n = len(s.text.split())
    if n < MIN_WORDS or n > MAX_WORDS:
        return False
    if keywords:
        low = s.text.lower()
        return any(k in low for k in keywords)
    return True


def candidates(sents: list[Sent]) -> tuple[dict[date, list[Sent]], dict[date, list[Sent]]]:
    """Per day, as in DATEWISE's candidate step: the sentences that mention it, and the leading sentences that
    mention no day of the articles published on it or in the PUB_DAYS - 1 days after (reporting follows the
    happening)."""
    ment: dict[date, list[Sent]] = defaultdict(list)
    pub: dict[date, list[Sent]] = defaultdict(list)
    for s in sents:
        if not _ok(s, None):
            continue
        for d in s.dates:
            if WINDOW is None or s.published is None or 0 <= (s.published - d).days <= WINDOW:
                ment[d].append(s)
        if not s.dates and s.published and s.index < LEAD_SENTS:
            for k in range(PUB_DAYS):
                pub[s.published - timedelta(k)].append(s)
    return ment, pub


def _knee(values) -> int:
    """Index of the point of a descending curve farthest from the chord between its ends."""
    import numpy as np

    y = np.asarray(values, dtype=float)
    if len(y) < 3:
        return len(y) - 1
    x = np.arange(len(y), dtype=float)
    dx, dy = x[-1] - x[0], y[-1] - y[0]
    dist = np.abs(dy * (x - x[0]) - dx * (y - y[0])) / (np.hypot(dx, dy) or 1.0)
    return int(np.argmax(dist))


def day_pool(ment: list[Sent], pub: list[Sent], vec) -> list[Sent]:
    """The sentences that speak for a day. DATEWISE's date vector: the words common to the day's mentioning and its
    published sentences, weighted by their mean TF-IDF in both; the sentences closer to it than the knee of the
    sorted similarities are kept (what both views of the day say, without the side remarks)."""
    import numpy as np

    both = ment + pub
    if not ment or not pub or not DAY_VECTOR:
        return both
    cm = np.asarray(vec.transform([s.text for s in ment]).mean(axis=0)).ravel()
    cp = np.asarray(vec.transform([s.text for s in pub]).mean(axis=0)).ravel()
    c = np.where((cm > 0) & (cp > 0), cm + cp, 0.0)
    if not c.any():
        return both
    sims = vec.transform([s.text for s in both]) @ (c / np.linalg.norm(c))
    cut = sorted(sims, reverse=True)[_knee(sorted(sims, reverse=True))]
    kept = [s for s, v in zip(both, sims) if v > 0 and v > cut]
    return kept or both


def _pub_span(articles: list[Article]) -> tuple[date, date] | None:
    days = sorted(date.fromisoformat(a.published) for a in articles if a.published)
    return (days[0], days[-1]) if days else None


def spread(ranked: list[tuple[date, float]], n_dates: int, span: tuple[date, date] | None) -> list[date]:
    """Days in the order they are chosen: greedily the best score, each score discounted by its nearness to the
    days already chosen (see SPREAD). Every day is yielded once (a day with no sentence is skipped by the caller),
    and the order does not depend on how many of them are used, only on ``n_dates`` through tau."""
    import math

    if not SPREAD or not span or len(ranked) < 2:
        return [d for d, _s in ranked]
    tau = SPREAD * ((span[1] - span[0]).days + 1) / max(1, n_dates)
    # Scores are kept positive so that a discount always lowers them.
    left = {d: max(s, 0.0) + 1e-9 for d, s in ranked}
    out: list[date] = []
    while left:
        d = max(left, key=lambda x: (left[x], -x.toordinal()))
        out.append(d)
        del left[d]
        if len(out) > 4 * max(1, n_dates):
            out += [x for x, _s in ranked if x in left]      # the rest in their undiscounted order
            break
        for x in left:
            left[x] *= 1 - math.exp(-abs((x - d).days) / tau)
    return out


def default_length(articles: list[Article], sents: list[Sent] | None = None) -> tuple[int, int]:
    """A length sized to the corpus when the user sets none: about one date per three dated articles (at least 3,
    at most 20), and two lines per date once there are several reports to choose from. Given the sentences, no
    more dates than the days the reports attest (``attested_days``): a four-day story of ninety reports has a
    handful of news days, and its twentieth-ranked day is a date one report names in passing (a list of the
    region's earthquakes since 1843, "like New Year's Eve")."""
    n = sum(1 for a in articles if a.published)
    dates = max(3, min(20, round(n / 3) or 1))
    if sents is not None:
        dates = max(3, min(dates, attested_days(sents, articles)))
    return dates, (2 if n >= 10 else 1)


def attested_days(sents: list[Sent], articles: list[Article]) -> int:
    """Days that two reports or more name, or on which a report was published."""
    named: dict[date, set[str]] = defaultdict(set)
    for s in sents:
        for d in s.dates:
            named[d].add(s.article)
    pubs = {date.fromisoformat(a.published) for a in articles if a.published}
    return len({d for d, arts in named.items() if len(arts) >= 2} | pubs)


def summarise(articles: list[Article], n_dates: int, per_date: int = 1, keywords: list[str] | None = None,
              span: tuple[date, date] | None = None, sents: list[Sent] | None = None,
              strict: bool = True, reading: dict | None = None) -> list[tuple[date, list[Line]]]:
    """A timeline of ``n_dates`` days with up to ``per_date`` sourced sentences each, in date order.

    ``reading`` is the per-article analysis (:func:`read`; computed when not given). ``keywords`` focus the
    timeline: only sentences that contain one of them (case-insensitive) are used, when any do; with
    ``strict=False`` they are preferred instead. ``span`` limits the days. A longer request extends a shorter one:
    dates are taken in rank order and lines in greedy order, so the first N dates and K lines of a long timeline
    are the timeline of N dates and K lines (the web app and exports truncate a stored timeline this way).
    """
    from sklearn.feature_extraction.text import TfidfVectorizer

    if sents is None:
        sents = sentences(articles, reading if reading is not None else read(articles))
    by_id = {a.id: a for a in articles}
    kws = [k.lower() for k in keywords or [] if k.strip()]
    ment, pub = candidates(sents)
    pool = [s for s in sents if _ok(s, None)]
    if not pool:
        return []
    # The focus words, when they name nothing at all, would empty the timeline: then they are ignored.
    if kws and not any(_ok(s, kws) for s in pool):
        kws = []
    vec = TfidfVectorizer(stop_words="english", sublinear_tf=True, token_pattern=r"(?u)\b[A-Za-z][A-Za-z-]+\b")
    try:
        vec.fit([s.text for s in pool])
    except ValueError:          # no word outside the stop list
        return []
    chosen = []
    used: set[tuple[str, int]] = set()
    for d in spread(rank_dates(sents, articles, span), n_dates, span or _pub_span(articles)):
        if len(chosen) >= n_dates:
            break
        if span and not span[0] <= d <= span[1]:
            continue
        cs = day_pool(ment.get(d, []), pub.get(d, []), vec)
        if ONCE:
            # A report's lead speaks for two days (PUB_DAYS); a reader should not meet the same line twice.
            cs = [s for s in cs if (s.article, s.start) not in used]
        if not cs:
            continue
        allowed = [_ok(s, kws) for s in cs] if kws else None
        if allowed is not None and not any(allowed):
            # The focus words outrank the date vector's cut: a day's sentence that names them is not left out.
            named = [s for s in ment.get(d, []) + pub.get(d, []) if _ok(s, kws)]
            if named:
                cs, allowed = named, None
        if allowed is not None and not any(allowed):
            if strict:
                continue
            allowed = None
        # What the day is about is read from all its sentences (the centroid); a line is only a readable one.
        allowed = [readable(s.text) and (allowed is None or allowed[i]) for i, s in enumerate(cs)]
        if not any(allowed):
            continue
        lines = _centroid_opt(cs, vec, per_date, allowed)
        if lines:
            chosen.append((d, [_line(d, s, twins, by_id, len(chosen)) for s, twins in lines]))
            used.update((s.article, s.start) for s, _twins in lines)
    chosen.sort(key=lambda x: x[0])
    return chosen


def _line(d: date, s: Sent, twins: list[Sent], by_id: dict[str, Article], rank: int) -> Line:
    from .timeline import root_of
    srcs, seen = [], set()
    for t in [s] + twins:
        if (t.article, t.start) not in seen:
            seen.add((t.article, t.start))
            srcs.append((t.article, t.start, t.end, t.text))
    roots = {root_of(a, by_id) for a, *_ in srcs}
    stated = d in s.dates
    return Line(d, s.text, s.article, s.start, s.end, "stated" if stated else "reported", srcs, len(roots),
                rank, None if stated else s.published)


def _centroid_opt(cs: list[Sent], vec, k: int, allowed: list[bool] | None = None) -> list[tuple[Sent, list[Sent]]]:
    """Greedy centroid optimisation: add the sentence that brings the summary closest to the centroid of all the
    day's candidates; only ``allowed`` ones are picked. Vectorised over candidates (a day can have thousands).
    Each pick comes with the candidates that repeat it (cosine above REDUNDANT): its corroboration."""
    import numpy as np

    # Near-identical sentences (the same wire copy in several outlets) are candidates once.
    first: dict[str, int] = {}
    uniq, ok, copies = [], [], []
    for i, s in enumerate(cs):
        key = " ".join(s.text.lower().split())
        if key in first:
            copies[first[key]].append(s)
            continue
        first[key] = len(uniq)
        uniq.append(s)
        copies.append([])
        ok.append(True if allowed is None else allowed[i])
    X = vec.transform([s.text for s in uniq]).tocsr()
    centroid = np.asarray(X.mean(axis=0)).ravel()
    centroid /= np.linalg.norm(centroid) or 1.0
    to_c = X @ centroid
    sq = np.asarray(X.multiply(X).sum(axis=1)).ravel()
    blocked = ~np.asarray(ok, dtype=bool)
    total = np.zeros_like(centroid)
    picked: list[tuple[Sent, list[Sent]]] = []
    for _ in range(min(k, len(uniq))):
        norms = np.sqrt(total @ total + 2 * (X @ total) + sq)
        with np.errstate(divide="ignore", invalid="ignore"):
            v = (total @ centroid + to_c) / norms
        v[~np.isfinite(v) | blocked] = -np.inf
        best = int(np.argmax(v))
        if v[best] == -np.inf:
            break
        row = X[best].toarray().ravel()
        near = (X @ row) > REDUNDANT
        twins = copies[best] + [uniq[j] for j in np.flatnonzero(near) if j != best]
        for j in np.flatnonzero(near):
            twins += copies[j] if j != best else []
        picked.append((uniq[best], twins))
        total = total + row
        blocked[best] = True
        blocked |= near
    return picked


def keyword_focus(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def lines_ok(lines: list[tuple[date, list[Line]]], by_id: dict[str, Article]) -> bool:
    """Every line is the exact text of its source span."""
    return all(by_id[ln.article].text[ln.start:ln.end] == ln.text for _d, ls in lines for ln in ls)
