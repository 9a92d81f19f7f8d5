"""Stories: group articles that tell the same story.

Articles are compared by TF-IDF over their words plus their resolved entities; pairs above a threshold are
joined (single link, union-find). Similarities are computed block by block and only pairs above the threshold
are kept, so memory does not grow with the square of the corpus. Near-copies join their original directly.
"""
from __future__ import annotations

from collections import Counter, defaultdict

from .model import Article, Mention, Story, stable_id

THRESHOLD = 0.18
BLOCK = 512


def cluster(articles: list[Article], mentions: list[Mention], threshold: float = THRESHOLD) -> list[Story]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    if not articles:
        return []
    ents: dict[str, list[str]] = defaultdict(list)
    for m in mentions:
        if m.entity:
            ents[m.article].append(m.entity)
    # Entity ids are added as words, so shared people and bodies weigh like shared rare words.
    docs = [a.text + " " + " ".join(e.replace("-", "_") for e in ents[a.id]) * 2 for a in articles]
    vec = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=1, max_df=0.9 if len(docs) > 10 else 1.0,
                          token_pattern=r"(?u)\b[A-Za-z_][A-Za-z0-9_]{2,}\b")
    X = vec.fit_transform(docs)
    parent = list(range(len(articles)))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    idx = {a.id: i for i, a in enumerate(articles)}
    for i, a in enumerate(articles):
        if a.duplicate_of in idx:
            parent[find(i)] = find(idx[a.duplicate_of])
    centrality = [0.0] * len(articles)
    for b0 in range(0, len(articles), BLOCK):
        S = (X[b0:b0 + BLOCK] @ X.T).tocoo()
        for i, j, v in zip(S.row, S.col, S.data):
            gi = b0 + i
            if gi == j:
                continue
            centrality[gi] += v
            if v >= threshold:
                ri, rj = find(gi), find(j)
                if ri != rj:
                    parent[max(ri, rj)] = min(ri, rj)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(articles)):
        groups[find(i)].append(i)
    stories = []
    for members in groups.values():
        arts = [articles[i] for i in members]
        arts.sort(key=lambda a: (a.published or "9999", a.id))
        lead = max(members, key=lambda i: (centrality[i], -i))
        dates = sorted(a.published for a in arts if a.published)
        counts = Counter(e for a in arts for e in ents[a.id])
        sid = stable_id("s-", min(a.id for a in arts))
        stories.append(Story(sid, articles[lead].title or "Untitled story", [a.id for a in arts],
                             entities=[e for e, _ in counts.most_common(8)],
                             date_range=[dates[0] if dates else None, dates[-1] if dates else None]))
    stories.sort(key=lambda s: (-len(s.articles), s.id))
    return stories
