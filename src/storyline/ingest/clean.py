"""Clean extracted article text: keep the story, drop (and record) what is not.

trafilatura and friends work on HTML structure; scraped *plain text* has no structure left, so these rules
work on lines, with cues beyond word lists: repetition within the page, outlet voice ("we", "your support"),
runs of short fragments around appeal lines, position (a closing appeal block runs to the end of the page),
and caption shape (photo credits, "(pictured)", a trailing source domain).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Callable

from ..model import Dropped
from .chrome import (COLOPHON, DATELINE, FULL_ARTICLE, HEAD_CREDIT, PAGE_STAMP, PRINT_NOTE, SERVER_ERROR, TEASER,
                     absorb_fragments, block_reasons, is_link_list, is_paragraphed, is_post_list, line_reason,
                     page_header, position_reasons, timestamp_end)

_APPEAL = re.compile(
    r"\b(donat(e|ion|ions|ing)|support (us|our|independent|quality)|your support|subscri(be|ption|bers?)|"
    r"newsletter|sign up|contribution|become a (member|patron|supporter)|ad-free|disabled all ads|"
    r"reading experience|keep providing|need your help|paywall|membership|make a gift|"
    r"chip in|every contribution|support today|remind me later|payment methods|paiment methods|"
    r"supporting (the|us|our)|please consider|readers like you|funded by (its )?readers|inbox|email address|"
    r"privacy policy|never miss)\b", re.I)
# Case-sensitive "us", so that "the US" is not the outlet speaking.
_VOICE = re.compile(r"\b([Ww]e|us|[Oo]ur|[Yy]ou|[Yy]our)\b")
# What an outlet asks support for: itself (its journalism, its newsletter), not a charity the story is about.
_SELF = re.compile(r"\b(journalism|journalists|reporting|newsroom|subscri\w*|newsletters?|members?(hip)?|ad-free|ads|"
                   r"paywall|inbox|sign up|email address|privacy policy|independent|local news)\b", re.I)
_QUOTE = re.compile(r"[\"“”]|``|''")
_APPEAL_HEADER = re.compile(r"^(a message from\b|dear readers?\b|before you go\b|a note to (our )?readers|"
                            r"we have a small favou?r)", re.I)
_NAV = re.compile(r"^\s*(home|news|world|politics|business)\s*(>|›|»|/|\|)\s*\w", re.I)
_READMORE = re.compile(r"^\s*(read more|read also|also read|see also|related( articles| stories)?:?|more on this|"
                       r"recommended|most read|continue reading)\b", re.I)
_SHARE = re.compile(r"^\s*(share( this( article| story)?)?|tweet|email|print|copy link|follow us)\b", re.I)
_COOKIE = re.compile(r"\bcookies?\b.*\b(accept|consent|policy|settings|use)\b", re.I)
_CONTRIB = re.compile(r"(contributed (reporting )?to this (report|story)|^\s*\(?\s*(additional )?(reporting|editing|writing)"
                      r" by\b)", re.I)
_AD = re.compile(r"^\s*(advertisement|advert|sponsored( content)?|ad)\s*$", re.I)
# An agency's photo credit: "(AP Photo)", "(AP Photo/Ana Pell)", "(Reuters Pictures)", often followed by a second
# bracket with the photographer ("(Ana Pell - AP)"); or bare at the start of a line, "AP Photo/Ana Pell The spill
# ...", where the photographer's name (two words, or one) ends before the story's first capital. Agencies listed by
# name: a general list of wire agencies, not names from any corpus.
_AGENCIES = r"(?:AP|Reuters|AFP|EPA|Getty Images|Bloomberg)"
_AGENCY_PHOTO = r"\((?:(?:[A-Z][\w.]*\s+){1,3}(?:Photo|Photograph|Pictures?|Images?)\b|Photos?\s+by\b)[^)]*\)"
_PHOTOGRAPHER = r"\([^()]{1,40}\s-\s[^()]{1,30}\)"          # "(Ana Pell - AP)"
_AGENCY_CREDIT = re.compile(_AGENCY_PHOTO + r"(?:\s*" + _PHOTOGRAPHER + r")?\s*")
# A credit whose opening was cut with the caption before it: "Ana Pell) (Ana Pell - AP) The spill ...".
_CUT_CREDIT = re.compile(r"^[^()]{1,40}\)\s*" + _PHOTOGRAPHER + r"\s*")
_BARE_CREDIT = re.compile(r"^" + _AGENCIES + r"\s+(?:Photo|Pictures?|Images?)"
                          r"(?:\s*/\s*(?:[A-Z][\w'’-]*\s+(?:[A-Z]\.\s+)?[A-Z][\w'’.-]*|[A-Z][\w'’.-]*))?\s+"
                          r"(?=[A-Z\"“‘])")
_CREDIT = re.compile(_AGENCY_PHOTO + r"|\((photo|photograph|image|picture|credit|credits|file photo)\b[^)]*\)|\(photo by [^)]*\)|"
                     r"\bphoto:\s|\(pictured\)|,\s(left|right|centre|center)(,|\s+and\b)|^\((combo|files)\)|\b(getty images|/ ?afp\)|via reuters\))", re.I)
_TRAILING_DOMAIN = re.compile(r"\.\s+[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.(com|org|net|gov|ua|ru|uk|info|io)"
                              r"(\.[a-z]{2})?\s*$")
_SENT_END = re.compile(r"[.!?\"”’:]\s*$")
_AGENCY_ALONE = re.compile(r"^" + _AGENCIES + r"\s+(?=[A-Z\"“‘])")
# A reader comment's signature: who posted it and when, with the "Report abuse" link. Comment sections without a
# header (the scraped text of many news pages ends in them) are found by these, not by their words.
_COMMENT_SIG = re.compile(
    r"\|\s*Report abuse\b|\bPosted by:\s*\S.{0,60}?\|\s*\w+ \d{1,2}, \d{4}"
    r"|^At \d{1,2}:\d{2}(?:\s*[ap]m)?,? (?:on )?\d{1,2}(?:st|nd|rd|th)? \w+ \d{4}, .{1,80}? wrote:"
    r"|\b\w+ \d{1,2}, \d{4} (?:\d{1,2}:\d{2}\s*[ap]m )?at \d{1,2}:\d{2}\s*[ap]m\s*\|"
    r"|^Added: \w+day, \d{1,2} \w+,? \d{4},? \d{1,2}:\d{2}\s*GMT"
    r"|\(required, but will not be displayed\)|\bwelcomes a lively and courteous discussion\b", re.I)
# The first comment's signature run into the line before the section (a byline or the story's last line had no
# line break after it: "... head of the newsroom At 18:20 29th Apr 2009, vampfan wrote: I have never ...").
_GLUED_SIG = re.compile(r"(?<=\S)\s+At \d{1,2}:\d{2}(?:\s*[ap]m)?,? (?:on )?\d{1,2}(?:st|nd|rd|th)? \w+ \d{4}, "
                        r".{1,80}? wrote:")
GLUED_BACK = 8      # how many lines before the first signed one the first comment may have begun
_TWEET = re.compile(r"\bRETWEET\b|^\s*(Reply|Retweet|Favorite)\s*$")
# A media player's or a programme page's notice: "Can not play media.", "Media playback is unsupported on your
# device", "PLEASE NOTE: We are unable to offer transcripts ...", "the running order is subject to change". Scraped
# pages open with them, so they became the stand-in title of a page without a headline.
_PLAYER = re.compile(r"(?i)^\s*(?:sorry\s*,?\s*)?(?:can\s?not|cannot|unable to)\s+play\s+(?:this\s+)?(?:media|video|audio)"
                     r"|\bmedia playback is (?:not supported|unsupported)|^\s*please note\s*:"
                     r"|\brunning order is subject to change\b|\bthis (?:media|video|clip) is (?:not|no longer) available")
_IMPERATIVE = re.compile(r"(^|[.!?]\s+)(please\s+)?(donate|subscribe|sign up|support (the|us|our)|become a|give once|"
                         r"join (us|the)|register|get (the|our)\b.*\b(inbox|newsletter|briefing))\b", re.I)
_CREDIT_ONLY = re.compile(r"^(photo|photograph|picture|image|credit|photos)s?\s*:\s*([\w'’.&/-]+\s*){1,7}$", re.I)


def norm_key(text: str) -> str:
    """Key for repetition: case, accents, punctuation and spacing ignored."""
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "", t)


def is_appeal(line: str) -> bool:
    return bool(_APPEAL.search(line))


def is_strict_appeal(line: str) -> bool:
    """The outlet asking for itself (an imperative, or we/you with its journalism, newsletter, membership), or a
    short slogan; not a story line about a charity's appeal, and not a line that quotes someone."""
    if not is_appeal(line) or len(line) >= 300 or _QUOTE.search(line):
        return False
    return bool(_IMPERATIVE.search(line) or len(line) <= 40 or (_VOICE.search(line) and (
        _SELF.search(line) or re.search(r"\b(your support|support (us|our)|keep (us|our))\b", line, re.I))))


def is_fragment(line: str) -> bool:
    s = line.strip()
    return len(s) <= 25 and not _SENT_END.search(s)


def is_headingish(line: str) -> bool:
    s = line.strip()
    words = s.split()
    if not (1 <= len(words) <= 16) or _SENT_END.search(s) or s.endswith(","):
        return False
    caps = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    return s[:1].isupper() and caps / len(words) >= 0.6


# A credit glued between a caption and the story, as the Guardian's scraped pages have it: "Workers clean a beach
# Photograph: Ana Pell/AP The spill has ..." (or the credit alone opening the line). "Name/Agency" ends the credit;
# without a slash the credit is one word ("Photograph: Reuters It was ...").
_GLUED_CREDIT = re.compile(r"\b(?:Photograph|Photo|Picture)\s*:\s*(?:(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*\s*/\s*"
                           r"[A-Z][\w.'’-]*(?:\s+Images)?|[A-Z][\w.'’-]*)\s+(?=[A-Z0-9\"“‘'])")


def credit_end(line: str) -> int | None:
    """Where the story resumes after a caption and its credit run into the front of a line, or None."""
    m = _GLUED_CREDIT.search(line)
    return m.end() if m and m.end() < len(line) - 20 else None


# Where a sentence ends and the next begins (the caption rules walk back from a credit to its sentence's start).
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]?\s+(?=[A-Z(])")


def _sentence_starts(text: str) -> list[int]:
    return [b.end() for b in _SENTENCE_BREAK.finditer(text)]


def _kept_before(i: int, drop: dict[int, str]) -> int | None:
    """The nearest line before line ``i`` that is not dropped."""
    return next((k for k in range(i - 1, -1, -1) if k not in drop), None)


def caption_start(line: str) -> int | None:
    """Offset where a caption starts in a line, or None. A caption may be glued after story sentences."""
    m = _CREDIT.search(line)
    if not m and not (_TRAILING_DOMAIN.search(line) and len(line) < 200):
        return None
    pos = m.start() if m else len(line)
    # Walk back to the start of the sentence that the credit closes: the caption is that sentence.
    bounds = _sentence_starts(line[:pos])
    if m and m.group(0).startswith("(") and bounds and bounds[-1] >= pos - 1:
        bounds = bounds[:-1]   # the credit follows the caption's own full stop: "... 2025. (credit: ...)"
    start = bounds[-1] if bounds else 0
    if start and m is None:
        start = 0
    return start


@dataclass
class Para:
    text: str
    kind: str = "body"        # body | heading
    gap_before: int = 0       # blank lines before it in the source


@dataclass
class Cleaned:
    paras: list[Para] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    # One entry per non-empty input line: "story", "caption" or "drop:<reason>" (benchmarks score these).
    trace: list[str] = field(default_factory=list)


def _lines(text: str) -> list[tuple[str, int]]:
    out, gap = [], 0
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        s = raw.strip()
        if not s:
            gap += 1
            continue
        out.append((re.sub(r"[ \t\u00a0]+", " ", s), gap))
        gap = 0
    return out


APPEAL = "appeal (outlet asks readers for support)"
# Every line rule is for short lines; a line this long is story (or a caption, found later).
LONG = 400


def _outlet_appeal(s: str) -> bool:
    return is_strict_appeal(s) and bool(len(s) > 40 or _VOICE.search(s) or _IMPERATIVE.search(s))


def _short_imperative(s: str) -> bool:
    return bool(_IMPERATIVE.search(s)) and len(s) <= 40 and not _QUOTE.search(s)


def _page_fragment(s: str) -> bool:
    return len(s) <= 3 and not s.isdigit()


# (reason, test, applies to lines shorter than): the first row whose test matches a line gives the reason it is
# dropped; a line none matches is left to chrome.line_reason. Adding a kind of chrome is adding a row.
LINE_RULES: list[tuple[str, Callable[[str], object], int]] = [
    (APPEAL, _outlet_appeal, LONG),
    (APPEAL, _short_imperative, LONG),
    ("navigation crumb", _NAV.search, 120),
    ("read-more / related link", _READMORE.search, 80),
    ("share line", _SHARE.search, 60),
    ("cookie prompt", _COOKIE.search, 300),
    ("byline / contributor line", _CONTRIB.search, 160),
    ("advertisement marker", _AD.search, LONG),
    ("photo credit line", _CREDIT_ONLY.search, LONG),
    ("page fragment", _page_fragment, LONG),
    ("embedded tweet", _TWEET.search, 300),
    ("media player or programme notice", _PLAYER.search, 160),
]


_READER = re.compile(r"(?i)\byou(?:r|rs|rself)?\b")


def addresses_reader(line: str) -> bool:
    """A line that speaks to the reader ("you", "your") outside any quotation."""
    return bool(_READER.search(line)) and not _QUOTE.search(line)


def line_rule(s: str, outlet_boilerplate: set[str] | None) -> str | None:
    """Why this line, read alone, is not story; None when it may be."""
    if outlet_boilerplate and norm_key(s) in outlet_boilerplate:
        return "a note to readers, recurring across pages" if addresses_reader(s) else \
            "recurs across pages of this outlet"
    if is_post_list(s):
        return "list of posts (post stamps)"
    if is_link_list(s):
        return "list of linked headlines (\"- 30 mins ago\")"
    if len(s) >= LONG:
        return None
    rule = next((reason for reason, test, under in LINE_RULES if len(s) < under and test(s)), None)
    return rule or line_reason(s)


_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
          r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
# A wire photo's caption ends on the day the picture was taken, written in full and bare after the place or
# weekday: "A boy wears a mask inside a bus in Bogota May 4, 2009." News prose puts a word such as "on" before
# a full date ("filed for bankruptcy on Sept. 15, 2008"), or tells a past ("It was Aug. 9, 1989").
_DATED_CAPTION = re.compile(r"(?<![\w,])(\S+)\s+" + _MONTH + r"\s+\d{1,2},\s+(?:19|20)\d\d\s*\.\s*$")
_BEFORE_A_DATE = {"on", "since", "by", "until", "till", "from", "to", "of", "in", "before", "after", "through",
                  "between", "and", "or", "dated", "than", "at", "as", "effective", "during", "for", "around",
                  "about", "early", "late", "mid"}
_NOT_CAPTION = re.compile(r"(?i)\b(?:said|says|told|announced|reported|was|were|today|highest|lowest|since|ago|than)"
                          r"\b|[\"“”]|\bon\s+\w+day,?\s+\S+\s+\d{1,2},\s+\d{4}\s*\.\s*$")


def is_dated_caption(line: str) -> bool:
    """One sentence that ends on a bare full date, as a wire photo's caption does."""
    s = line.strip()
    m = _DATED_CAPTION.search(s)
    return bool(m) and len(s) <= 400 and not _NOT_CAPTION.search(s) and \
        m.group(1).lower().rstrip(",") not in _BEFORE_A_DATE and \
        not re.search(r"[a-z0-9)][.!?]\s+[A-Z]", s[:m.start()])


# The wire photo caption's own opening: "In this May 26 photo provided by the U.S. Coast Guard, ...", "In this image
# made from video released by ...", "In this July 31 file photo, ...".
_PHOTO_OPENING = re.compile(r"^\s*In this (?:(?:[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?|\d{4}|undated|handout|file|"
                            r"aerial|satellite|video) )*(?:photo|photograph|image|picture|frame grab)s?\b")


def _caption_lines(texts: list[str], drop: dict[int, str], first: int) -> set[int]:
    """Lines that are captions by position, repetition, their closing date or their opening, though they carry
    no credit."""
    # The opening formula marks a caption even on the first line: no headline is written that way.
    out = {i for i, s in enumerate(texts) if i not in drop and (is_dated_caption(s) or
                                                                  len(s) <= 400 and _PHOTO_OPENING.match(s))}
    for i, s in enumerate(texts):
        if drop.get(i) == "photo credit line":
            # A stand-alone credit sits beside its caption; the headline is never the caption.
            for j in (i - 1, i + 1):
                if 0 <= j < len(texts) and j not in drop and j != first and _SENT_END.search(texts[j]):
                    out.add(j)
                    break
    keys: dict[str, list[int]] = {}
    for i, s in enumerate(texts):
        keys.setdefault(norm_key(s), []).append(i)
    # Later copies of repeated lines; reprints standing together form a gallery strip of captions.
    dup = {i for idx in keys.values() for i in idx[1:]}
    for k, idx in keys.items():
        # A sentence printed twice on one page, other than the headline, is a photo caption (galleries reprint them).
        # Only a short, unattributed line qualifies: a lead paragraph reprinted under a photo stays story.
        live = [i for i in idx if i not in drop]
        if not (k and len(idx) >= 2 and live and live[0] != first):
            continue
        s = texts[live[0]]
        later = idx[1:]
        # Captions are scattered through the story: a first copy whose neighbours repeat too is a reprinted passage.
        strip = any(j - 1 in dup or j + 1 in dup for j in later) and len(later) <= 3 and not any(
            len(keys.get(norm_key(texts[j]), ())) > 1 for j in (live[0] - 1, live[0] + 1) if 0 <= j < len(texts))
        if strip and _SENT_END.search(s) and len(s) <= 150 and not re.search(r"\b(said|says|told)\b|[\"“”]", s):
            out.add(live[0])
    return out


LEAD_TEASER = "a line leading several pages of the batch, not about this one (a site's ticker or promotion)"


def clean_text(text: str, outlet_boilerplate: set[str] | None = None, teasers: set[str] | None = None) -> Cleaned:
    """The passes in order, each adding to ``drop`` (line index -> why it is not story); then what is left is
    assembled into paragraphs and captions. ``teasers``: keys of first lines that lead pages they are not about
    (ingest's ``_lead_teasers``)."""
    lines = _lines(text)
    stamps = live_stamps(lines)
    drop: dict[int, str] = {}
    if teasers and lines and norm_key(lines[0][0]) in teasers:
        drop[0] = LEAD_TEASER
    pulled: list[Dropped] = []
    heads = page_headers(lines, drop, pulled)
    texts = [s for s, _ in lines]
    closing_appeal_block(texts, drop)
    comment_signatures(texts, drop)
    appeal_runs(texts, drop)
    apply_line_rules(texts, drop, outlet_boilerplate)
    position_reasons(texts, drop, is_paragraphed(lines))
    block_reasons(lines, drop)
    # The first line kept is the headline: never absorbed into chrome, never a caption.
    headline = next((i for i in range(len(lines)) if i not in drop), -1)
    absorb_fragments(texts, drop, {headline})
    led, cut = agency_credits(lines, drop)
    pull_quotes(lines, drop, pulled)
    glued_comment(lines, drop, pulled)
    texts = [s for s, _ in lines]
    forced = _caption_lines(texts, drop, headline) | led
    cleaned = assemble(lines, drop, forced, heads)
    cleaned.dropped += pulled + [Dropped(t, "live page time stamp") for t in stamps]
    for c in cut:
        _keep_caption(cleaned, c)
    return cleaned


# A live page's entries open with the clock time, "2149 Mrs Clinton says ...", often run into the end of the entry
# before ("... taken from shops 2149 Mrs Clinton says ..."). A four-digit time before a capital, not after a word
# that takes a year ("in 2004", "the 2004 Olympic Games").
_LIVE_STAMP = re.compile(r"(?:^|(?<=[\w'’”\")] ))(?P<t>(?:[01]\d|2[0-3])[0-5]\d) (?=[A-Z\"“‘])")
_YEAR_BEFORE = _BEFORE_A_DATE | {"the", "year", "'s", "’s"}
LIVE_RUN = 5            # the fewest stamps, each earlier than the one above it, that make a page a live one


def live_stamps(lines: list[tuple[str, int]]) -> list[str]:
    """A live page's time stamps (``LIVE_RUN`` or more four-digit times running back through the page, the newest
    entry first): each is taken out, and an entry run into the line before starts a sentence of its own (a line
    break inside the line). Returns the stamps taken out. A page that names years, or a few times, is left alone."""
    found = []
    for i, (s, _gap) in enumerate(lines):
        for m in _LIVE_STAMP.finditer(s):
            prev = s[:m.start()].split()[-1:]
            if not prev or prev[0].lower() not in _YEAR_BEFORE:
                found.append((i, m.start("t"), int(m.group("t"))))
    run = _longest_falling(found)
    if len(run) < LIVE_RUN:
        return []
    out = []
    for i, at, t in sorted(run, reverse=True):      # from the end of each line, so offsets hold
        s, gap = lines[i]
        end = at + 4
        out.append(s[at:end])
        lines[i] = ((s[:at].rstrip() + "\n" if s[:at].strip() else "") + s[end:].lstrip(), gap)
    return out[::-1]


def _longest_falling(found: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The longest run of consecutive stamps, each earlier than the one before."""
    best, cur = [], found[:1]
    for a, b in zip(found, found[1:]):
        cur = cur + [b] if b[2] < a[2] else [b]
        best = max(best, cur, key=len)
    return max(best, cur, key=len)


def agency_credits(lines: list[tuple[str, int]], drop: dict[int, str]) -> tuple[set[int], list[str]]:
    """Agency photo credits cut out of the story. A credit closes the caption before it: the sentence before a
    bracketed credit on the same line ("... in Washington. (AP Photo/Ana Pell) (Ana Pell - AP) The president
    announced ..."), or the line before a credit that opens a line ("(AP Photo) Officials plan ...", "AP
    Photo/Ana Pell The spill ..."): pages without a headline open with the photo. The story resumes after the
    credit. Returns the lines that are captions, and the captions cut out of lines."""
    lines_out, cut = set(), []
    for i, (s, gap) in enumerate(lines):
        if i in drop:
            continue
        m = _BARE_CREDIT.match(s) or _AGENCY_CREDIT.match(s) or _CUT_CREDIT.match(s)
        j = _kept_before(i, drop)
        if not m and j is not None and _PHOTO_OPENING.match(lines[j][0]):
            m = _AGENCY_ALONE.match(s)      # "In this May 26 photo, ..." then "AP BP has launched ...": its credit
        if m and len(s) - m.end() >= 20:
            s = s[m.end():]
            # In a gallery the caption before is itself a line opened by a credit: a caption all the same.
            if j is not None and _SENT_END.search(lines[j][0]) and len(lines[j][0]) <= 400:
                lines_out.add(j)
        while (m := _AGENCY_CREDIT.search(s)) and len(s) - m.end() >= 20:
            # the caption is the sentence the credit closes
            bounds = _sentence_starts(s[:m.start()])
            start = bounds[-1] if bounds else 0
            cut.append(s[start:m.start()].strip())
            s = (s[:start] + s[m.end():]).strip()
        lines[i] = (s, gap)
    return lines_out, [c for c in cut if c]


def closing_appeal_block(texts: list[str], drop: dict[int, str]) -> None:
    """A closing appeal block: from its header to the end of the page, when what follows is appeal-like."""
    for i, s in enumerate(texts):
        if _APPEAL_HEADER.search(s) and i > 0:
            rest = texts[i:]
            cues = sum(1 for t in rest if is_appeal(t) or is_fragment(t))
            if cues / len(rest) >= 0.5:
                for j in range(i, len(texts)):
                    drop[j] = "appeal block (closing donation/subscription appeal)"
                break


COMMENTS = "reader comments (signed and dated, to the end of the page)"


def comment_signatures(texts: list[str], drop: dict[int, str]) -> None:
    """Reader comments: from the first signed comment to the end of the page when two or more are signed (a
    comment section), else the one signed line. A comment's words may be anything, so only the signatures tell."""
    signed = [i for i, s in enumerate(texts) if _COMMENT_SIG.search(s)]
    if len(signed) >= 2:
        for j in range(signed[0], len(texts)):
            drop.setdefault(j, COMMENTS)
    elif signed:
        drop.setdefault(signed[0], "reader comment (signed and dated)")


def glued_comment(lines: list[tuple[str, int]], drop: dict[int, str], dropped: list[Dropped]) -> None:
    """A comment section's first comment whose signature ran into a line of the page: the line is cut where the
    signature starts, and the comment's own lines up to the next signature go with the section."""
    first = next((i for i in sorted(drop) if drop[i] == COMMENTS), None)
    if first is None:
        return
    for j in range(first - 1, max(-1, first - 1 - GLUED_BACK), -1):
        if j in drop:
            continue
        s, gap = lines[j]
        m = _GLUED_SIG.search(s)
        if not m:
            continue
        dropped.append(Dropped(s[m.start():].strip(), COMMENTS))
        for k in range(j + 1, first):
            drop.setdefault(k, COMMENTS)
        lines[j] = (s[:m.start()].strip(), gap)
        if not lines[j][0]:
            drop[j] = COMMENTS
        return


def appeal_runs(texts: list[str], drop: dict[int, str]) -> None:
    """Runs of appeal lines and fragments anywhere (a top-of-page donation box): two appeals or more."""
    n, i = len(texts), 0
    while i < n:
        j, appeals = i, 0
        while j < n and j not in drop and (is_strict_appeal(texts[j]) or is_fragment(texts[j])):
            appeals += is_strict_appeal(texts[j])
            j += 1
        if appeals >= 2 and j - i >= 2:
            for k in range(i, j):
                drop[k] = "appeal block (donation/subscription prompts)"
        i = max(j, i + 1)


# A pull quote's end as a page's accessibility text gives it: 'two great companies" End Quote Ana Pell BP chief
# executive Since the spill ...'. The quote repeats the story's words; the name and title after it are its
# attribution; the story resumes after the title (a lower-case title word, then a capital or a quotation mark).
_PULL_QUOTE_END = re.compile(r"[\"”']\s*End Quote\s+|^End Quote\s+")
_OPENERS = r"(?:The|A|An|In|On|At|If|As|He|She|It|They|We|But|And|This|That|Since|After|When|While)\b"
_PULL_ATTRIBUTION = re.compile(
    r"^(?:[A-Z][\w.'’-]*\s+){1,4}?(?:[\w.'’-]+\s+){0,6}?"
    # the title ends on a lower-case word (not a function word) before a capital or a quotation mark, or on any
    # word before a common sentence opener ("Mayor of Kestrow The council ...")
    r"(?:(?!(?:of|the|and|for|at|in|on|to|a)\s)[a-z][\w'’-]+\s+(?=[A-Z\"“‘])|[\w.'’-]+\s+(?=" + _OPENERS + r"))"
    r"|^(?:[A-Z][\w.'’-]*\s+){2,8}(?=[\"“‘])")


def pull_quotes(lines: list[tuple[str, int]], drop: dict[int, str], dropped: list[Dropped]) -> None:
    """A pull quote and its attribution cut from the line they run into; the line is dropped when nothing of the
    story is left in it. A title with no lower-case word ("Ana Pell Fisherman Many ...") cannot be told from the
    story: then only the quote is cut."""
    for i, (s, gap) in enumerate(lines):
        m = _PULL_QUOTE_END.search(s)
        if i in drop or not m:
            continue
        rest = s[m.end():]
        a = _PULL_ATTRIBUTION.match(rest)
        cut = m.end() + (a.end() if a else 0)
        dropped.append(Dropped(s[:cut].strip(), "pull quote"))
        j = _kept_before(i, drop)
        if m.start() == 0 and j is not None and re.search(r"[\"”]\s*$", lines[j][0]) and \
                len(lines[j][0]) <= 300 and not re.search(r"\b(said|says|told|added)\b", lines[j][0]):
            drop[j] = "pull quote"      # the quote stands on the line before its "End Quote"
        if len(s) - cut < 20:
            drop[i] = "pull quote"
        else:
            lines[i] = (s[cut:], gap)


HEADER_LINES = 4        # a page's header stands in its first lines


def page_headers(lines: list[tuple[str, int]], drop: dict[int, str], dropped: list[Dropped]) -> dict[int, str]:
    """A wire page's header at the top of the page, taken apart (chrome.page_header): other stories' headlines
    before a "Full Article" link are dropped, the stamp, byline and photo credit recorded, the line left with its
    lead; returns {line: the headline written before its stamp}, which becomes a heading of its own."""
    top = min(len(lines), HEADER_LINES)
    for i in range(top):
        s, gap = lines[i]
        m = FULL_ARTICLE.search(s)
        if m and len(s) - m.end() >= 10:
            for k in range(i):
                drop[k] = TEASER
            if s[:m.start()].strip():
                dropped.append(Dropped(s[:m.start()].strip(), TEASER))
            lines[i] = (s[m.end():], gap)
            break
    for i in range(top):
        h = page_header(lines[i][0])
        if h is None:
            continue
        for k in range(i):      # a photo credit the line above runs to its end ("... Arctic Credit: Reuters/Ann")
            c = HEAD_CREDIT.search(lines[k][0])
            if k not in drop and c:
                dropped.append(Dropped(c.group(0).strip(), "photo credit"))
                lines[k] = (lines[k][0][:c.start()].strip(), lines[k][1])
                if not lines[k][0]:
                    drop[k] = "photo credit"
        for part, why in ((h.credit, "photo credit"), (h.byline, "byline"), (h.stamp, PAGE_STAMP)):
            if part:
                dropped.append(Dropped(part, why))
        lines[i] = (h.lead, lines[i][1])
        return {i: h.headline} if h.headline else {}
    return {}


def apply_line_rules(texts: list[str], drop: dict[int, str], outlet_boilerplate: set[str] | None) -> None:
    """Each line not yet dropped, read alone: the LINE_RULES table, then chrome.line_reason."""
    for i, s in enumerate(texts):
        if i not in drop:
            r = line_rule(s, outlet_boilerplate)
            if r:
                drop[i] = r


def assemble(lines: list[tuple[str, int]], drop: dict[int, str], forced: set[int],
             heads: dict[int, str] | None = None) -> Cleaned:
    """The story's paragraphs, captions split off, repeats dropped; every dropped line and caption recorded.
    ``heads``: a headline written on the same line before a line's lead, which goes before it as a heading."""
    seen: set[str] = set()
    cleaned = Cleaned()
    for i, (s, gap) in enumerate(lines):
        reason = drop.get(i)
        if reason:
            _drop_line(cleaned, s, reason)
            continue
        if heads and i in heads:
            cleaned.paras.append(Para(heads[i], "heading", gap))
            seen.add(norm_key(heads[i]))
            gap = 0
        s = _unstamped(cleaned, s)
        if not s:       # the whole line was what a cut took (its record is the last one)
            cleaned.trace.append("drop:" + cleaned.dropped[-1].reason)
            continue
        body = s
        lead = None if i in forced else credit_end(s)
        if lead is not None:
            _keep_caption(cleaned, s[:lead].strip())
            body = s = s[lead:].strip()
        cap = 0 if i in forced else caption_start(s)
        if cap is not None:
            line_kind = _keep_caption(cleaned, s[cap:].strip())
            body = s[:cap].strip()
            if not body:
                cleaned.trace.append(line_kind)
                continue
        reason = _repeat(body, cleaned.captions, seen)
        if reason:
            _drop_line(cleaned, body, reason)
            continue
        # A paragraph repeated with a prefix (a caption reusing the lead's words) is caught by the key.
        seen.add(norm_key(body))
        cleaned.trace.append("story")
        cleaned.paras.append(Para(body, "heading" if is_headingish(body) else "body", gap))
    return cleaned


# A column's disclaimer run into the front of its first paragraph: "The opinions expressed are his own -- Stock
# research analysts get no respect these days."
_OWN_OPINIONS = re.compile(r"^(?:[-–—]+\s*)?The (?:opinions|views) expressed (?:here |in this (?:column|article) )?"
                           r"are (?:his|her|their|the author's|the writer's) own\s*\.?\s*(?:--|—|–)?\s*"
                           r"(?=[A-Z\"“‘]|$)")


def _unstamped(cleaned: Cleaned, s: str) -> str:
    """The line without a page timestamp or a column's disclaimer glued to its front, a web server's error text or
    a print-edition note to its end; each cut is recorded (the timestamp and the note still date the page:
    ingest._date reads them)."""
    own = _OWN_OPINIONS.match(s)
    if own:
        cleaned.dropped.append(Dropped(own.group(0).strip(), "column disclaimer"))
        s = s[own.end():]
    for m in list(SERVER_ERROR.finditer(s))[::-1]:
        cleaned.dropped.append(Dropped(m.group(0).strip(), "web server error text"))
        s = s[:m.start()] + " " + s[m.end():]
    note = COLOPHON.search(s)
    if note:
        cleaned.dropped.append(Dropped(note.group(0).strip(), PRINT_NOTE))
        s = s[:note.start()]
    s = s.strip()
    stamp = timestamp_end(s)
    if stamp is not None:
        cleaned.dropped.append(Dropped(s[:stamp].strip(), DATELINE))
        s = s[stamp:].strip()
    return s


def _drop_line(cleaned: Cleaned, text: str, reason: str) -> None:
    cleaned.dropped.append(Dropped(text, reason))
    cleaned.trace.append("drop:" + reason)


def _keep_caption(cleaned: Cleaned, caption: str) -> str:
    """Record a caption split off a line, once; its trace entry, should the line hold nothing else."""
    ck = norm_key(caption)
    # A caption printed again, alone or run together with another caption, is a repeat.
    if any(ck.startswith(norm_key(c)) for c in cleaned.captions):
        cleaned.dropped.append(Dropped(caption, "repeated photo caption"))
        return "drop:repeated photo caption"
    cleaned.captions.append(caption)
    cleaned.dropped.append(Dropped(caption, "photo caption (kept once in captions)"))
    return "caption"


def _repeat(body: str, captions: list[str], seen: set[str]) -> str | None:
    """Why a paragraph is a repeat of a caption or of an earlier paragraph; None when it is new."""
    key = norm_key(body)
    if key and any(key == norm_key(c) for c in captions):
        return "repeated photo caption"
    if key and key in seen:
        return "repeated paragraph"
    return None
