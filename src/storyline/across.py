"""The same happening told in two stories: merging across the story boundary.

Stories split a corpus by what its articles are about, and one happening is often told in several of them: the rig
explosion of April 20 in the spill story, in the hearings story and in a museum's story of Gulf specimens; the
earthquake in the telethon story and in the story of the doctors' photos. ``happenings.gather`` merges within a
story; this pass joins its groups across stories where the happening is plainly the same:

- the same stated day, the same type and polarity, words of one family ("exploded" / "the explosion", "the
  disaster on 20 April" / "the April 20 explosion") and the similarity a same-day join within a story needs;
- for a type a story holds many of (a warrant, a death, an arrest) a shared actor too: two stories each tell
  their own arrest on a busy day, but rarely two disasters of one kind;
- no two people apart, and where both sides name something (a rig, a city), one name in common: "the mine
  explosion at Varno" and "the refinery explosion at Ostria" on one day are two explosions.

An undated report joins a happening of another story only by a name the happening's reports give too
(``names_fit_across``, used by ``happenings._family_joins``). Groups are bucketed by day, type and polarity, so
the pass stays near-linear in the corpus.
"""
from __future__ import annotations

from collections import defaultdict

import numpy as np

from .happenings import (ONE_OFF, PER_GROUP, _in_family, _people_clash, _sim, _threshold, _told_by, absorb,
                         capitalised, group_kinds, polarity, stated, written_in)
from .model import Event

# Capitalised words that name a time, not a thing: "the April 20 explosion" names no rig.
CALENDAR = set("january february march april may june july august september october november december monday "
               "tuesday wednesday thursday friday saturday sunday".split())


def names(text: str) -> set[str]:
    """The capitalised words after a text's first word, possessives cut, calendar words left out."""
    return {w.removesuffix("'s") for w in capitalised(text) if w.lower() not in CALENDAR}


def names_fit_across(e: Event, text: str) -> bool:
    """An undated report of another story is the happening's only if it names it as the happening's reports do
    ("the Haiti earthquake", and "Haiti" in the happening's sentences); without a name nothing ties it there."""
    got = names(e.summary)
    return bool(got) and any(written_in(n, text) for n in got)


def _names_agree(a: list[str], b: list[str], told: str) -> bool:
    """Where both sides' lines name something, one name is shared or named in the other side's sentences."""
    na, nb = set().union(*map(names, a)), set().union(*map(names, b))
    return not (na and nb) or bool(na & nb) or any(written_in(n, told) for n in nb)


def same_day_across(groups: list[tuple[Event, list[int]]], cands: list[Event], vecs: np.ndarray,
                    persons: set[str]) -> set[int]:
    """Join day-dated groups of different stories that tell one happening; smaller into larger, so that a chain
    of joins cannot drift. Returns the ids of the anchors that were joined into another."""
    gone: set[int] = set()
    buckets: dict[tuple, list[tuple[Event, list[int]]]] = defaultdict(list)
    for g in groups:
        day = stated(g[0])
        if day and len(day) == 10 and g[0].story:
            buckets[(g[0].type, *polarity(g[0]), day)].append(g)
    for bucket in buckets.values():
        if len({g[0].story for g in bucket}) < 2:
            continue
        bucket.sort(key=lambda g: (-_told_by(g[0]), -len(g[0].sources)))
        for i in range(len(bucket) - 1, 0, -1):
            small, members = bucket[i]
            for big, big_members in bucket[:i]:
                if id(big) in gone or big.story == small.story or not _fits(big, big_members, small, members,
                                                                             cands, persons):
                    continue
                need = _threshold(big, small, {})
                if need is None or _sim(vecs[big_members[:PER_GROUP]] @ vecs[members[:PER_GROUP]].T) < need:
                    continue
                absorb(big, big_members, small, members)
                gone.add(id(small))
                break
    return gone


def _fits(big: Event, big_members: list[int], small: Event, members: list[int], cands: list[Event],
          persons: set[str]) -> bool:
    if _people_clash(big, small, persons):
        return False
    if big.type not in ONE_OFF and not set(big.actors) & set(small.actors):
        return False
    kinds = group_kinds(big_members, cands)
    if not any(_in_family(big, kinds, cands[r]) for r in members[:PER_GROUP]):
        return False
    return _names_agree([cands[r].summary for r in big_members[:PER_GROUP]],
                        [cands[r].summary for r in members[:PER_GROUP]], " ".join(s.text for s in big.sources))
