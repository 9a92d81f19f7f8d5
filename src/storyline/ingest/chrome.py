"""Page chrome in scraped plain text: bylines, timestamps, menus, link lists, comment sections, footers.

Written here rather than taken from an extractor because plain text has lost the HTML structure those tools read;
the cues are shape and position: how long a line is and how it ends, whether its words are all capitalised,
whether it sits before the lead or after the story, whether it shares a single-newline block with an appeal,
whether it runs as a list of headline-shaped lines. Each rule returns a reason so the decision stays auditable.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_SENT_END = re.compile(r"([.!?\"”’:)]|'')\s*$")
_BYLINE = re.compile(r"^(by|words by|written by|posted by|story by|text by)\s+(?!(?:the|a|an|monday|tuesday|wednesday|"
                     r"thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|"
                     r"october|november|december)\b)[A-Z][\w.'’-]+", re.I)
_TIME_WORDS = re.compile(
    r"\b(\d{1,2}[:.]\d{2}(\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.m\.|[ap]m|bst|gmt|utc|[ecmp][sd]t|\d+\s+(min|mins|minutes?)"
    r"\s+read|\d+\s+(seconds?|minutes?|hours?|days?|weeks?)\s+ago|published|updated|last updated|last modified|posted|"
    r"(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|"
    r"\d{4}|\d{1,2}(st|nd|rd|th)?|on|at)\b", re.I)
_TIME_SIGNAL = re.compile(r"(\b\d{4}\b|\bago\b|\bmin read\b|\b\d{1,2}[:.]\d{2}\b|\bupdated\b|\bpublished\b|\bposted\b)", re.I)
_ROLE = {"staff", "reporter", "correspondent", "editor", "writer", "report", "desk", "newsroom", "columnist"}
# A column's one-line author note, at the top or the foot of the page: "- Ana Pell is a Northern Wire senior
# correspondent in Talvor.", "-- Ada Marsh is a Herald columnist." Nothing after the role but where it is held.
_ONE_LINE_BIO = re.compile(
    r"^[-–—\s]*[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}\s+is\s+(?:a|an|the)\s+(?:[A-Z][\w.&'’-]*\s+){0,3}"
    r"(?:(?:senior|chief|staff|special|contributing|freelance|political|economics|business|health|science|foreign|"
    r"diplomatic|legal|technology|energy|markets?|investment|finance|financial)\s+){0,2}"
    r"(?:correspondent|columnist|editor|reporter|writer|journalist|commentator)"
    r"(?:\s+(?:in|at|for|based\s+in)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})?\s*\.?\s*$")
_BIO = re.compile(r"^(about the author\b|[A-Z][\w'’-]+(\s+[A-Z][\w'’-]+){1,2}\s+(is|covers|writes|reports|joined)\b)")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b")
_FOOTER = re.compile(r"(^(©|\(c\)\s|copyright\b)|all rights reserved|may not be (published|reproduced|redistributed)|"
                     r"views expressed (in this|here)|do not necessarily reflect|^our standards\b|trust principles|"
                     r"\bis published by\b.*\b(ltd|limited|inc|llc|media|group)\b|news tip\b|^got a (news )?tip)", re.I)
_COMMENTS_HEAD = re.compile(r"^(\d+\s+comments?|comments?\s*\(\d+\)|comments?$|join the (conversation|discussion)\b|"
                            r"view comments|show comments|load more comments|log in to comment|sign in to comment|"
                            r"leave a comment|add a comment)", re.I)
_COMMENTS_LINE = re.compile(r"(^comments (are|have been) (closed|disabled)|^sort by:|^reply\b.*\blike\b|"
                            r"\s[—–-]\s\d+\s+(minutes?|hours?|days?|weeks?)\s+ago$)", re.I)
_MENU_SEP = re.compile(r"\s+[|·•—–/›>»]\s+")
_SOCIAL = re.compile(r"^((facebook|twitter|x|whatsapp|email|e-mail|linkedin|reddit|print|copy link|telegram|pinterest|"
                     r"messenger|bluesky|threads)[\s·|,/•]*)+$", re.I)
_UI = re.compile(r"^(menu|search|sign in|log in|login|register|subscribe|sign up|back to top|skip to (main )?content|"
                 r"close|next|previous|more|home|(previous|next|prev)( article| story| post)?:.*)$", re.I)
_LIST_HEAD = re.compile(r"^(most read|most popular|most viewed|trending( now)?|you may also like|you might also like|"
                        r"more from\b.*|more (stories|news|obituaries|on this)\b.*|popular now|latest( news)?|"
                        r"top stories|editor'?s picks|related( stories| articles| content)?|photo gallery:.*|"
                        r"gallery:.*|video:.*|watch:.*|listen:.*|in other news|elsewhere on\b.*)$", re.I)
_AD_TEASER = re.compile(r"^(sponsored|promoted|partner content|paid post|shop now|learn more|find out more)\b|"
                        r"\b(see if you qualify|click here)\b|^story continues below", re.I)


def words(s: str) -> list[str]:
    return re.findall(r"[\w'’-]+", s)


def is_title_case(s: str, allow: int = 0) -> bool:
    ws = [w for w in words(s) if w.lower() not in {"and", "of", "the", "de", "van", "von", "al"}]
    low = sum(1 for w in ws if not (w[:1].isupper() or w[:1].isdigit()))
    return bool(ws) and low <= allow


def is_headline_shape(s: str) -> bool:
    """A link text or list item: 3-16 words, no closing punctuation, a capital first."""
    w = words(s)
    return 3 <= len(w) <= 16 and not _SENT_END.search(s) and not s.endswith(",") and s[:1].isupper()


def is_menu(s: str) -> bool:
    parts = _MENU_SEP.split(s.strip())
    if len(parts) < 2 or len(s) > 150:
        return False
    if any(len(words(p)) > 4 or _SENT_END.search(p) for p in parts):
        return False
    arrows = re.search(r"\s[›>»/]\s", s)
    return len(parts) >= 3 or bool(arrows)


def is_dateline(s: str) -> bool:
    """A line that is only a date/time/'updated'/'N min read', possibly with a name or section beside it."""
    if len(s) > 90 or not _TIME_SIGNAL.search(s):
        return False
    if re.search(r"[.!?]\s*$", s) and not re.search(r"\b[ap]\.m\.\s*$", s):
        return False   # a sentence that starts with a date ("4 Aug 1946: Samana ...") is content
    rest = _TIME_WORDS.sub(" ", s)
    rest = re.sub(r"[|•·,:\-–—]+", " ", rest)
    return len(words(rest)) <= 3


DATELINE = "dateline / timestamp"
# A page's timestamp run into the front of its first line ("Page last updated at 11:51 GMT, Friday, 29 January
# 2010 Ferry sinks ...", "Last updated: 14 January, 2010 - 17:26 GMT Ferry ..."), as plain-text scrapes of some
# outlets have it: up to the year, and the clock time after it if there is one.
# The words by which a page says a time is its own.
_CUE = r"(?:updated|published|posted|modified)"
STAMP_CUE = re.compile(r"(?i)\b" + _CUE + r"\b")
_GLUED_STAMP = re.compile(r"(?i)^\s*(?:page\s+)?(?:last\s+)?" + _CUE + r"\s*(?:at|on|:)?\s*"
                          r"(?P<when>(?:[\w:.,]+\s*){1,9}?\b(?:19|20)\d\d\b)"
                          r"(?:\s*[-–—,|]?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4}\b)?)?\s*")
# What a web server prints where an include failed: never story, wherever it stands.
SERVER_ERROR = re.compile(r"\s*[\[(]\s*an error occurred while processing this directive\s*[\])]\s*", re.I)


def timestamp_end(line: str) -> int | None:
    """Where the story resumes after a page timestamp glued to the front of a line, or None. The words between
    the cue and the year must all be date or time words, so that a sentence ("Updated figures published on Monday
    show 2024 ...") is not cut."""
    m = _GLUED_STAMP.match(line)
    if not m or len(line) - m.end() < 20:
        return None
    return m.end() if not words(_TIME_WORDS.sub(" ", m.group("when"))) else None


# "Posted by Ada Marsh, on June 4, 2010 4:36 PM": a blog's post stamp; a line of several is its list of posts.
_POST_STAMP = re.compile(r"\bposted by\s+[^,.]{2,60}?\s*,?\s+on\s+[A-Z][a-z]+\.?\s+\d{1,2}\s*,\s*\d{4}", re.I)


def is_post_list(s: str) -> bool:
    """A line of two or more post stamps, whatever its length (a blog's list of posts runs on with its comments)."""
    return len(_POST_STAMP.findall(s)) >= 2


# "Oil nears the coast - 30 mins ago National Herald": a news aggregator's list of linked headlines, each with the
# outlet and its age, run into the page as one line.
_AGO_STAMP = re.compile(r"(?:-|–|—)\s*\d{1,3}\s+(?:mins?|minutes?|hrs?|hours?|days?)\s+ago\b", re.I)


def is_link_list(s: str) -> bool:
    """A line of two or more "- 30 mins ago" stamps, whatever its length: an aggregator's list of headlines."""
    return len(_AGO_STAMP.findall(s)) >= 2


# A newspaper's print-edition note: "This article appeared on p29 of the Main section section of the Guardian on
# 00.01 BST on Wednesday 29 April 2009", "A version of this article appeared in print on April 21, 2010, on page A1
# of the New York edition". Where and when the piece was printed, not story; it runs to the end of its line (a
# page's follow-us plugs come after it) and may follow the story's last words on the line.
COLOPHON = re.compile(r"\b(?:This article|A version(?: of this article)?)\s+appeared\s+(?:on|in)\s+"
                      r"(?:p\.?\s*\d+|page\s+[A-Z]?\d+|print)\b.*$", re.I)
PRINT_NOTE = "print-edition note"


# A news site's link label between its list of other stories and the story itself ("Helicopter crashes into crane
# on London tower, kills two. Full Article Egypt orders cull of pig herds ..."): what stands before it at the top of
# the page is another story's headline.
FULL_ARTICLE = re.compile(r"(?:^|\s)Full Article\s+(?=[A-Z\"“‘'])")
TEASER = "another story's headline (before the page's 'Full Article' link)"
PAGE_STAMP = "page header stamp (place | day, time)"
# A wire page's header: "[headline] [By Ann Lee, Health Editor] WASHINGTON | Tue Jun 30, 2009 4:18 am IST
# WASHINGTON (Reuters) - Health experts ...". The place before the pipe is the dateline's, written again after the
# stamp; what stands before that place is the headline, a byline or the tail of a photo credit, never the lead.
_HEADER_STAMP = re.compile(r"\s*\|\s*(?P<stamp>(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+[A-Z][a-z]{2,8}\.?"
                           r"\s+\d{1,2}\s*,\s*\d{4}(?:\s+\d{1,2}:\d{2}\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4}\b)?)\s+")
_WIRE_DATELINE = re.compile(r"(?P<place>[^()|]{2,60}?)\s*\([A-Z][\w.&'’ -]{1,30}\)\s*(?:--?|—|–|:)\s")
_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
_HEAD_BYLINE = re.compile(r"(?:^|\s)By\s+" + _NAME + r"(?:\s*(?:,|and)\s+" + _NAME + r")*"
                          r"(?:\s*,\s*(?:[A-Z][\w'’-]*|and|of|for)(?:\s+(?:[A-Z][\w'’-]*|and|of|for)){0,5})?\s*$")
HEAD_CREDIT = re.compile(r"(?:^|\s)Credit\s*:\s*\S.*$")   # a photo credit, run to the end of its line
# A wire page stamped in numbers at the head of its first line, the byline after it, then the dateline:
# "2009 04 25 08:50 JST By Ann Lee and Bo Ek MEXICO CITY (Reuters) - ..." (the agency's Japanese site).
NUMERIC_STAMP = re.compile(r"^\s*(?P<y>(?:19|20)\d\d) (?P<m>0[1-9]|1[0-2]) (?P<d>0?[1-9]|[12]\d|3[01]) "
                           r"(?P<hm>[0-2]\d:[0-5]\d)(?: [A-Z]{2,4})?\s+")
_STAMP_BYLINE = re.compile(r"By\s+(?:[A-Z][a-z][\w.'’-]*|[A-Z]\.|and)(?:\s+(?:[A-Z][a-z][\w.'’-]*|[A-Z]\.|and))*"
                           r"\s+(?=[A-Z]{2})")


@dataclass
class PageHeader:
    """What a wire page's header line holds: the headline (may be empty), the lead from its dateline on, and the
    furniture between them, each as written."""
    headline: str
    lead: str
    stamp: str
    byline: str = ""
    credit: str = ""


def page_header(line: str) -> PageHeader | None:
    """The parts of a wire page's header line ("Headline By Ann Lee WASHINGTON | Tue Jun 30, 2009 4:18 am IST
    WASHINGTON (Reuters) - The lead ..."), or None when ``line`` is no such header. The dateline after the stamp must
    begin with the place written before the pipe, so that a pipe in a sentence is never taken for one."""
    m = _HEADER_STAMP.search(line)
    if not m:
        return _numeric_header(line)
    lead = line[m.end():]
    d = _WIRE_DATELINE.match(lead)
    if not d or len(lead) - d.end() < 20:
        return None
    before, place = line[:m.start()].rstrip(), d.group("place").strip()
    # The longest tail of ``before``, from a word's start, with which the dateline's place begins.
    cut = next((i for i in range(len(before)) if (i == 0 or before[i - 1] == " ") and before[i:] and
                place.startswith(before[i:]) and re.match(r"[A-Z]", before[i:])), None)
    if cut is None:
        return None
    head = before[:cut].strip()
    out = PageHeader("", lead, f"{before[cut:]} | {m.group('stamp')}")
    b = _HEAD_BYLINE.search(head)
    if b:
        out.byline, head = head[b.start():].strip(), head[:b.start()].strip()
    c = HEAD_CREDIT.search(head)
    if c:
        out.credit, head = head[c.start():].strip(), head[:c.start()].strip()
    elif re.search(r"\w/\w", head):       # the tail of a credit the line above began ("Coast Guard photo/Handout")
        out.credit, head = head, ""
    out.headline = head
    return out


def _numeric_header(line: str) -> PageHeader | None:
    """The header of a page stamped in numbers ("2009 04 25 08:50 JST [By ...] PLACE (Reuters) - ..."): only where
    the wire's dateline follows the stamp and its byline."""
    m = NUMERIC_STAMP.match(line)
    if not m:
        return None
    rest = line[m.end():]
    b = _STAMP_BYLINE.match(rest)
    lead = rest[b.end():] if b else rest
    d = _WIRE_DATELINE.match(lead)
    if not d or len(lead) - d.end() < 20 or not re.fullmatch(r"[A-Z][A-Z.' -]*", d.group("place").strip()):
        return None
    return PageHeader("", lead, m.group(0).strip(), b.group(0).strip() if b else "")


def stamp_day(text: str) -> date | None:
    """The day of a numeric page stamp ("2009 04 25 08:50 JST"), as written (the stamp's own time zone)."""
    m = NUMERIC_STAMP.match(text + " ")
    if not m:
        return None
    try:
        return date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None


def line_reason(s: str) -> str | None:
    """A reason to drop this line on its own, from its shape; None when it may be story."""
    n = len(words(s))
    if _BYLINE.search(s) and n <= 16 and (not _SENT_END.search(s) or "|" in s) and " said" not in s:
        return "byline"
    if is_dateline(s):
        return DATELINE
    ws = words(s)
    if 1 <= n <= 5 and ws[-1].lower() in _ROLE and is_title_case(" ".join(ws[:-1]) or "X") and not _SENT_END.search(s):
        return "byline (staff / role line)"
    if re.match(r"about the author\b", s, re.I) and len(s) < 400 or _ONE_LINE_BIO.match(s):
        return "author bio"
    if len(s) < 300 and _FOOTER.search(s):
        return "footer (copyright, disclaimer, publisher, tip line)"
    if _COMMENTS_HEAD.search(s) and len(s) < 60 or _COMMENTS_LINE.search(s) and len(s) < 120:
        return "comments section"
    if _SOCIAL.search(s):
        return "share line"
    if len(s) < 80 and _UI.search(s):
        return "navigation / page control"
    if is_menu(s):
        return "navigation menu"
    if len(s) < 60 and _LIST_HEAD.search(s):
        return "related / most-read list"
    if _AD_TEASER.search(s) and len(s) < 160 and not re.search(r"[\"“”]", s):
        return "advertisement / sponsored teaser"
    if _EMAIL.search(s) and re.search(r"\b(reach|email|contact|write to|follow)\b", s, re.I) and len(s) < 200:
        return "contact line"
    return None


def lead_index(lines: list[str], drop: dict[int, str]) -> int:
    """The first paragraph that reads as story prose (a dozen words or more, closing punctuation)."""
    for i, s in enumerate(lines):
        if i not in drop and len(words(s)) >= 12 and _SENT_END.search(s):
            return i
    return len(lines)


def is_paragraphed(lines: list[tuple[str, int]]) -> bool:
    """Paragraphs separated by blank lines (so single-newline groups are boxes), not one sentence per line."""
    return len(lines) >= 4 and sum(1 for _, g in lines[1:] if g > 0) >= 0.5 * (len(lines) - 1)


def position_reasons(lines: list[str], drop: dict[int, str], paragraphed: bool) -> None:
    """Rules that need the page: names before the lead, bios and comment sections at the end, link lists."""
    n = len(lines)
    lead = lead_index(lines, drop)
    head = next((i for i in range(lead) if i not in drop and len(words(lines[i])) >= 3), None)
    for i in range(lead):
        s = lines[i]
        if i in drop or head is None or i <= head:
            continue
        # Between headline and lead: a bare name or "Name, Outlet" is the byline.
        if len(words(s)) <= 6 and not _SENT_END.search(s) and is_title_case(s):
            drop[i] = "byline (name line before the lead)"
    tail = max(lead + 1, n - n // 3)
    for i in range(tail, n):
        if i not in drop and _BIO.search(lines[i]) and (
                re.search(r"\b(reporter|correspondent|editor|writer|columnist|covers|joined the|newsroom)\b",
                          lines[i], re.I) or _EMAIL.search(lines[i])):
            drop[i] = "author bio"
    # A comment section runs from its header to the end of the page.
    for i in range(max(lead + 1, n // 2), n):
        if _COMMENTS_HEAD.search(lines[i]) and len(lines[i]) < 60:
            for j in range(i, n):
                drop.setdefault(j, "comments section (header to the end of the page)")
            break
    # Link lists: two or more headline-shaped (or numbered) lines in a row after the lead, or items under a list head.
    i = lead + 1
    while i < n:
        j = i
        while j < n and j not in drop and (is_headline_shape(lines[j]) or re.match(r"^\d{1,2}[.)]\s+\S", lines[j])):
            j += 1
        prev = drop.get(i - 1, "")
        # Without blank-line paragraphs (one sentence per line), unpunctuated story lines look like links.
        if (j - i >= 2 and paragraphed) or (j > i and re.search(r"related|read-more|navigation|list", prev)):
            for k in range(i, j):
                drop[k] = "related / most-read list (headline-shaped links)"
        i = max(j, i + 1)


def absorb_fragments(lines: list[str], drop: dict[int, str], protect: set[int]) -> None:
    """Buttons and labels (one to three words, no punctuation) beside dropped chrome belong to it."""
    changed = True
    while changed:
        changed = False
        for i, s in enumerate(lines):
            if i in drop or i in protect:
                continue
            if len(words(s)) <= 3 and len(s) <= 25 and not _SENT_END.search(s) and not s.isdigit():
                for j in (i - 1, i + 1):
                    if j in drop:
                        drop[i] = drop[j].split(" (")[0] + " (button or label beside it)"
                        changed = True
                        break


def block_reasons(lines: list[tuple[str, int]], drop: dict[int, str]) -> None:
    """On pages whose paragraphs are blank-line separated, lines packed together by single newlines form a box;
    a box with appeal, cookie or list chrome in it is chrome as a whole (its short lines included)."""
    if not is_paragraphed(lines):
        return
    blocks, cur = [], [0]
    for i in range(1, len(lines)):
        if lines[i][1] == 0:
            cur.append(i)
        else:
            blocks.append(cur)
            cur = [i]
    blocks.append(cur)
    for b in blocks:
        if len(b) < 2:
            continue
        reasons = [drop[i] for i in b if i in drop]
        if not reasons:
            continue
        rest = [i for i in b if i not in drop]
        if all(len(lines[i][0]) <= 120 and not re.search(r"[\"“”]", lines[i][0]) for i in rest):
            for i in rest:
                drop[i] = reasons[0].split(" (")[0] + " (same box as the line above/below)"


# Openers of a lead that say where, when or by whom, never what: a wire dateline ("SAN JUAN, Puerto Rico (Reuters)
# -", "WASHINGTON --"), a page timestamp ("JAKARTA | Wed Jun 24, 2009 8:20 pm EDT", "Friday 1 May 2009 22.47 BST")
# and a byline naming the desk or outlet ("By the CNN Wire staff", "By Emily Smith and Katie Glaeser, CNN"). Scraped
# text with no headline keeps them in its first line, where they would otherwise become the story's title.
_OPENERS = (
    # A live page's update stamp: "(Update 6:56 a.m. Friday in Cairo, 11:56 p.m. Thursday ET)".
    re.compile(r"^(?:--\s*)?\(Update\b[^)]{0,80}\)\s*(?:[-–—]+\s*)?"),
    re.compile(r"^.{0,140}?\((?:Reuters|AP|AFP|CNN|Bloomberg|UPI|dpa|Xinhua|Billboard)\)\s*(?:--?|—|–|:)\s*"),
    re.compile(r"^[A-Z][A-Z.'’ -]{2,30}(?:, [A-Z][\w.]*(?: [A-Z][\w.]*){0,2})?\s*(?:--|—|–)\s*"),
    # A city in capitals and a lone hyphen, as tokenised copy writes the dash: "HOUSTON - Federal investigators".
    re.compile(r"^[A-Z][A-Z.'’]{2,}(?: [A-Z][A-Z.'’]+){0,2}(?:, [A-Z][\w.]*(?: [A-Z][\w.]*){0,2})?\s+-\s+"),
    # Any wire's name in brackets after a city in capitals: "TALVOR, Marenland (Northern Wire) - ".
    re.compile(r"^[A-Z][A-Z.'’ -]{2,30}(?:, [A-Z][\w.]*(?: [A-Z][\w.]*){0,2})?\s*\([A-Z][\w.&'’ -]{1,40}\)\s*"
               r"(?:--?|—|–|:)\s*"),
    re.compile(r"^.{0,90}?\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?\s*)?(?:UK time\b|[A-Z]{2,4}\b)?\)?,?"
               r"(?:\s*\w+day,?\s*\d{1,2} \w+,? \d{4})?\s*(?:[-–—]+\s*)?"),
    re.compile(r"^By (?:the )?[A-Z][\w.'’ -]{1,60}?(?:,\s*(?:CNN|Reuters|AP|AFP|BBC News|Associated Press)\b|"
               r"\b[Ww]ire [Ss]taff\b)\s*"),
)
# What a stamp is made of: a line of nothing else ("Friday, May 28, 2010; 4:37 PM", "January 31, 2011 at 3:03 pm |")
# says when a page or comment was posted, never what happened.
_STAMP_WORD = re.compile(
    r"(?i)^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon|tue|wed|thu|fri|sat|sun|\w+day|[ap]\.?m\.?|et|gmt|bst|edt|est|"
    r"cet|utc|pst|pdt|ist|uk|time|at|on|in|update[ds]?|last|posted|added|\d[\d:.,]*(?:st|nd|rd|th)?)$")


def opener_end(text: str) -> int:
    """Where the sentence proper starts in ``text``, after the openers it begins with (0 when none)."""
    pos = 0
    for _ in range(4):   # a byline, then a timestamp, then a dateline may follow each other
        rest = text[pos:]
        for rx in _OPENERS:
            m = rx.match(rest)
            # Only a cut that leaves a sentence starting: a time inside the lead's first words is not an opener.
            if m and m.end() and m.end() < len(rest) and re.match(r"[A-Z\"“‘'(]", rest[m.end():]):
                pos += m.end()
                break
        else:
            break
    return pos


def only_opener(text: str) -> bool:
    """A sentence that is nothing but a dateline, a timestamp or a byline ("HOUSTON, April 30 (Reuters) -"): the
    sentence splitter cut it off the lead it opens."""
    t = text.strip()
    return bool(t) and any((m := rx.match(t)) and m.end() >= len(t.rstrip(" -–—:")) for rx in _OPENERS)


def is_stamp(text: str) -> bool:
    """A line that is only a date, a time and their labels (the words left besides them: a place at most)."""
    words = re.findall(r"[\w:.]+", text)
    return bool(words) and sum(not _STAMP_WORD.match(w.rstrip(".")) for w in words) <= 1 \
        and bool(re.search(r"\d", text))


# A broadcast transcript's notes on itself: 'This is a RUSH transcript from "The Evening Desk," June 15, 2031.',
# "This copy may not be in its final form and may be updated."
_TRANSCRIPT_NOTE = re.compile(r"^\W*(?:This\s+is\s+an?\s+(?:RUSH\s+|partial\s+)?transcript\b|"
                              r"This\s+copy\s+may\s+not\s+be\s+in\s+its\s+final\s+form\b)", re.I)


def is_transcript_note(text: str) -> bool:
    """A transcript's note on itself: page furniture, whose date is the show's, not news of the day."""
    return bool(_TRANSCRIPT_NOTE.match(text))


def is_chrome_heading(text: str) -> bool:
    """A heading that is page furniture, not a headline: a byline or dateline run to a pipe ("Ann Lee |",
    "KESTROW, Marenland | Mon May 18, 2009 11:51 am EDT"), a lone stamp or an opener."""
    t = text.strip()
    return bool(re.search(r"(?:^|\s)\|(?:\s|$)", t)) or is_stamp(t) or only_opener(t)


def lead_title(lead: str, limit: int = 100) -> str:
    """The words that stand in for a missing headline: the lead without its openers, cut at a word near ``limit``."""
    text = lead[opener_end(lead):].lstrip("-–—• ")
    return cut_title(text if len(text) >= 20 else lead, limit)


def cut_title(text: str, limit: int = 100) -> str:
    """``text`` cut at a word near ``limit`` characters, marked with an ellipsis."""
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"
