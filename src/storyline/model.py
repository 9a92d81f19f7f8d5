"""The typed data model that flows between stages.

Every object that a reader sees carries provenance: an article id and a character span into that
article's cleaned ``text``. Spans are half-open ``[start, end)`` offsets, so
``article.text[span.start:span.end] == span.text`` holds everywhere (tests check it).
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field
from typing import Any


def word_key(text: str) -> str:
    """Lower-cased words joined by single spaces: the key under which two reports say "the same words"."""
    return " ".join(re.findall(r"\w+", text.lower()))


def stable_id(prefix: str, *parts: object, n: int = 12) -> str:
    """An id that depends only on its parts, so that re-running a build gives the same ids."""
    h = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}{h[:n]}"


@dataclass
class Dropped:
    """A paragraph that cleaning removed, with why: cleaning decisions stay auditable."""
    text: str
    reason: str


@dataclass
class Article:
    id: str
    source_path: str
    text: str = ""
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None          # YYYY-MM-DD
    published_from: str = "none"          # header | metadata | path | inferred | bound | none
    published_evidence: str | None = None
    published_bound: str | None = None    # "not before YYYY-MM-DD" when the text bounds the date but does not pin it
    language: str | None = None
    status: str = "ingested"              # ingested | duplicate | skipped
    reason: str | None = None
    duplicate_of: str | None = None
    dropped: list[Dropped] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    headings: list[list[int]] = field(default_factory=list)   # [start, end) spans of headline-like lines
    part_of: str | None = None            # for a glued story split off a page: the page's first article
    raw_format: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Sentence:
    article: str
    start: int
    end: int
    text: str
    kind: str = "body"         # body | heading


@dataclass
class Mention:
    """A named mention in an article; ``entity`` is filled by the resolve stage."""
    article: str
    start: int
    end: int
    text: str
    label: str                 # spaCy label: PERSON, ORG, GPE, LOC, NORP, FAC, ...
    entity: str | None = None
    sentence: int = -1
    inferred: bool = False     # a description ("the prosecutor") linked to a named entity, not a name


@dataclass
class TimeExpr:
    """A temporal expression normalised to a TIMEX3-style value."""
    article: str
    start: int
    end: int
    text: str
    type: str                  # DATE | TIME | DURATION | SET
    value: str                 # e.g. 2024-03-17, 2024-03, 2024, XXXX-03-07, P6M, PRESENT_REF
    how: str                   # how the value was obtained (explicit, anchored on publication, ...)


@dataclass
class Entity:
    id: str
    name: str
    type: str                  # person | organization | place | other
    aliases: dict[str, int] = field(default_factory=dict)   # surface form -> count
    mention_count: int = 0
    articles: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)       # why mentions were merged
    inferred_aliases: list[str] = field(default_factory=list)  # aliases that are descriptions, not names
    ages: list[str] = field(default_factory=list)
    nationality: list[str] = field(default_factory=list)
    first_seen: str | None = None
    last_seen: str | None = None
    stories: list[str] = field(default_factory=list)


@dataclass
class Source:
    article: str
    start: int
    end: int
    text: str
    # For an event's source: the claim whose words tell the event there ("the council said it would close the
    # bridge"): whom that report attributes it to. None where the report tells it in its own voice.
    claim: str | None = None


@dataclass
class Event:
    id: str
    date: str | None
    summary: str
    type: str
    actors: list[str]
    modality: str
    sources: list[Source]
    trigger: str = ""
    date_how: str | None = None
    story: str | None = None
    negated: bool = False
    agent: str | None = None       # who did it, in the text's words
    patient: str | None = None     # to whom or what
    location: str | None = None
    # How the date is known: "stated" (the clause states it), "reported" (the publication date of the earliest
    # report: it happened on or before it), None (no report has a publication date: listed apart, undated).
    date_basis: str | None = None
    date_bound: str | None = None  # for an undated report whose publication is only bounded: "not before" this day
    # The verb's tense as the clause tells it (events.tense): "present" is a state or habit, not a happening.
    tense: str | None = None
    quoted: bool = False           # told inside a direct quotation: the speaker's words, not the report's news


@dataclass
class Claim:
    id: str
    speaker: str | None
    speaker_text: str | None
    anonymous: bool
    stance: str
    text: str
    article: str
    start: int
    end: int
    kind: str = "reported"     # direct | reported
    story: str | None = None
    content: str = ""          # the claim's own words: inside the quote marks, or the reported proposition
    content_start: int = 0
    content_end: int = 0
    content_parts: list[list[int]] = field(default_factory=list)   # [start, end) pieces of a split quote
    speaker_start: int | None = None
    speaker_end: int | None = None
    sources: list[Source] = field(default_factory=list)   # every article reporting it; the first is start/end


@dataclass
class Story:
    id: str
    title: str
    articles: list[str]
    events: list[str] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)
    date_range: list[str | None] = field(default_factory=lambda: [None, None])
    # The story's summary timeline (tls.summarise), stored longer than shown so that a reader can ask for fewer
    # dates or lines: {"dates": N, "lines": K, "entries": [{"date", "rank", "lines": [...]}]}.
    timeline: dict = field(default_factory=dict)
