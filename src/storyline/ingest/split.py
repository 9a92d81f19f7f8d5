"""Split a page that carries a second, unrelated story glued after the first.

Cue: a headline-like line (short, no closing punctuation) deep in the page, after which the names of the first
part (full multi-word names, so "Lower Brisk" is not "Brisk United") barely recur. A sub-heading inside one story
is followed by the story's own names again (the court, the prosecutor), so it is not split.
"""
from __future__ import annotations

import re
from collections import Counter

from .chrome import _STAMP_WORD, opener_end
from .clean import Para
from .pubdate import DAY_STAMP, WEEKDAYS

_STOP = {"The", "A", "An", "In", "On", "At", "It", "He", "She", "They", "This", "That", "But", "And", "However",
         "Last", "We", "His", "Her", "Its", "There", "After", "When", "As", "If", "For", "Since", "Now", "Their",
         "Then", "Also", "While", "With", "By", "From", "Of", "To", "Mr", "Ms", "Mrs", "Dr", "Asked", "According"}
_NAME = re.compile(r"[A-Z][\w'’-]+(?:\s+(?:of\s+|the\s+|for\s+|de\s+)?[A-Z][\w'’-]+)*")
_MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
MAX_SHARE = 0.12


def names(paras: list[Para]) -> list[str]:
    out = []
    for p in paras:
        for m in _NAME.finditer(p.text):
            ws = m.group(0).split()
            while ws and ws[0] in _STOP:
                ws = ws[1:]
            w = re.sub(r"['’]s$", "", " ".join(ws))
            if len(w) > 2 and w not in _MONTHS:
                out.append(w)
    return out


def is_headline(p: Para) -> bool:
    s = p.text.strip()
    return 2 <= len(s.split()) <= 14 and not re.search(r"[.!?:;,\"”’')]$", s) and s[:1].isupper()


def shared_share(before: list[Para], after: list[Para]) -> float:
    """Share of the name occurrences after the line that were already named before it."""
    known = set(names(before))
    later = names(after)
    return sum(n in known for n in later) / len(later) if later else 1.0


def split_glued(paras: list[Para], min_paras: int = 3) -> list[list[Para]]:
    """Return the page's paragraphs as one or more stories."""
    for i, p in enumerate(paras):
        if i < min_paras or len(paras) - i - 1 < min_paras or not is_headline(p):
            continue
        if shared_share(paras[:i], paras[i + 1:]) < MAX_SHARE:
            p.kind = "heading"
            return [paras[:i]] + split_glued(paras[i:], min_paras)
    return [paras]


# A word that opens a sentence and never continues a headline: a determiner or a pronoun written with a capital.
_OPENER = r"(?:The|A|An|This|These|Those|It|He|She|They|We|His|Her|Its|Their|As|When|While|After|Although|Despite)"
_RUNON = re.compile(r"(?<=[\w'’)])\s+(?=" + _OPENER + r"\s+[\w'’-])")
# After these a capitalised "The" is part of a name ("told The Guardian", "in The Hague", "bought The Post").
_NAME_BEFORE = {"about", "in", "at", "of", "to", "from", "by", "for", "with", "on", "into", "told", "and", "or",
                "the", "a", "an", "said", "says", "via", "read", "see", "called", "named", "like", "than", "as",
                "wrote", "writes", "edits", "edited", "owns", "owned", "runs", "ran", "bought", "joined", "founded",
                "publishes", "published", "leads", "led", "left", "sued"}
# A headline and its standfirst run together with no cue between them run to 30 words and more ("BP clashes with
# scientists over deep sea oil pollution Obama team 'incensed at being kept in the dark' as company denies ...":
# 26); 25 until the eighteenth session.
MAX_HEAD_WORDS = 35
STAMP_HEAD_WORDS, DATELINE_HEAD_WORDS = 50, 75     # before a page's stamp, before a wire's dateline
_RENAMED = re.compile(r"(?<![\w'’.-])(?P<prev>[a-z][a-z'’-]*)(?P<gap>\s+)"
                      r"(?=(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)+)\s+[a-z])")
# A role written before a name is part of its noun phrase ("chief executive Ana Pell"): no caption ends there.
_ROLE_BEFORE = {"president", "minister", "secretary", "governor", "chief", "executive", "boss", "administrator",
                "director", "spokesman", "spokeswoman", "mogul", "star", "singer", "actor", "actress", "reporter",
                "correspondent", "editor", "leader", "general", "commander", "officer", "official", "manager",
                "chairman", "chairwoman", "founder", "head", "mayor", "senator", "congressman", "congresswoman",
                "prosecutor", "judge", "expert", "professor", "doctor", "scientist", "analyst", "presenter", "host",
                "rapper", "musician", "player", "coach", "captain", "member", "blogger", "ceo", "chancellor",
                "ambassador", "envoy", "adviser", "advisor", "aide", "lawyer", "attorney", "campaigner", "activist",
                "charity", "group", "firm", "company", "agency", "organisation", "organization", "body", "network",
                "party", "band", "team", "club", "newspaper", "channel", "broadcaster", "website", "magazine",
                # and words that open a clause or a phrase, after which a name goes on the sentence ("died when
                # Ana Pell's boat sank")
                "when", "where", "while", "after", "before", "since", "because", "until", "that", "which", "who",
                "whom", "whose", "if", "though", "although", "whether", "near", "over", "under", "against",
                "between", "during", "across", "through", "without", "within", "including", "unlike", "amid",
                "among", "toward", "towards", "upon", "despite", "behind", "beyond", "but", "nor", "so", "yet"}
# A wire's dateline run into after the headline or its highlight bullets ("... against spill HAVANA, May 28
# (Reuters) - Red flags went up ..."): where the page's top ends and the lead begins, however long the top.
# CNN writes the city in title case and no date: "... this week Cairo, Egypt (CNN) -- Hours ahead of ...".
_WIRE_DATELINE = re.compile(r"(?<=[\w'’)])\s+(?=(?:[A-Z][A-Z.'’ -]{2,30}(?:, [A-Z][\w.]*(?: [A-Z][\w.]*){0,2})?, "
                            r"[A-Z][a-z]{2,8}\.? \d{1,2}\s*\((?:Reuters|AP|AFP|Bloomberg|UPI|dpa|Xinhua)\)|"
                            r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}(?:, [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2})?"
                            r"\s*\(CNN\))\s*(?:--?|—|–)\s+\S)")
# A common word capitalised because it opens the next part ("Haiti victims Up to 200,000 people are missing",
# "after the earthquake Firefighters from Wales are ..."): a capital after a word in lower case, before one.
# ("the Gulf of Mexico": a capital before "of" and a capital opens a name; "Thousands of people" a sentence)
_COMMON_OPENER = re.compile(r"(?<=[a-z'’)])(?P<gap>\s+)(?=(?P<word>[A-Z][a-z'’-]+)\s+(?!of\s+[A-Z])[a-z])")
# After a day's stamp: its clock time and zone, if any (group 1), then the capital that opens the next part.
_AFTER_STAMP = re.compile(r"((?:\s+\d{1,2}[.:]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4}\b)?)?)\s+(?=[A-Z])")


def headline_runon(paras: list[Para]) -> list[Para]:
    """Split the headline (and the standfirst or caption after it) off the lead it runs into.

    Pages scraped to plain text often join the top of the page into one line with no punctuation between its parts:
    "Swine flu reaches Europe The UN warns of a pandemic The first cases were confirmed on Monday." Read as one
    sentence, the headline becomes the subject of an event, a cast name ("Europe The UN") and the first line of the
    timeline. A part is split off when it is short, has no closing punctuation, and the next part opens with a
    capitalised determiner or pronoun after a word that would not take a name ("told The Guardian" stays whole).
    Only the page's first paragraph is read: further down, such a run is far more often a title in running text.
    Under a headline of its own, the paragraph after it is read for a page's stamp alone ("... the handling of the
    slick Wednesday 2 June 2010 17.37 BST Crosses erected this week ..."): a standfirst, the stamp, a caption."""
    if not paras:
        return paras
    out = paras if paras[0].kind == "heading" else headline_runon_at(paras)
    if out is paras and len(paras) > 1 and paras[1].kind != "heading" and \
            (paras[0].kind == "heading" or len(paras[0].text.split()) <= MAX_HEAD_WORDS):
        rest = paras[1:]
        under = headline_runon_at(rest, stamps_only=True)
        if under is not rest:
            # (a short first line over a standfirst with the page's stamp is the headline, whatever it ends with:
            # "Gulf oil spill: will the port survive?")
            return [Para(paras[0].text, "heading", paras[0].gap_before)] + under
    return out


# A labelled caption or fact-box line run into the paragraph it heads, below the page's top ("US: one death, at
# least 91 confirmed cases The Mexican boy had arrived ..."): a short label, a colon, a phrase with no sentence
# punctuation or quotation, then a capitalised determiner or pronoun that opens the sentence.
_LABEL_RUNON = re.compile(r"^(?P<head>(?P<label>[A-Z][\w'’.&-]*(?:\s+[\w'’.&-]+){0,3}):\s+[^.!?:;\"“”‘’`]{3,90}?)"
                          r"\s+(?=" + _OPENER + r"\s+[\w'’-])")
_NO_LABEL = {"Photograph", "Photo", "Picture", "Image", "Video", "Graphic", "Pictures", "Photos"}
_LOOSE_END = {"of", "the", "a", "an", "to", "and", "or", "in", "on", "for", "with", "by", "at", "from", "as", "that"}


def label_runon(paras: list[Para]) -> list[Para]:
    """Below the page's first paragraph, a labelled caption run into the paragraph it heads is a heading of its
    own (see ``_LABEL_RUNON``): the phrase holds at most 14 words and ends on neither a function word nor a
    capitalised word. A credit ("Photograph: ...") is left to the credit rules."""
    out = paras[:1]
    for p in paras[1:]:
        m = _LABEL_RUNON.match(p.text) if p.kind != "heading" else None
        head = m.group("head") if m else ""
        last = head.split()[-1] if head else ""
        # (a capitalised word before the opener makes one name with it: "Plan A", "Before We Go", "Egypt They")
        if m and m.group("label") not in _NO_LABEL and len(head.split()) <= 18 and \
                last.lower() not in _LOOSE_END and not last[:1].isupper() and not head.endswith(","):
            out += [Para(head.strip(), "heading", p.gap_before), Para(p.text[m.end():], p.kind, 0)]
        else:
            out.append(p)
    return out


def headline_runon_at(paras: list[Para], stamps_only: bool = False) -> list[Para]:
    """:func:`headline_runon` on ``paras[0]``; ``stamps_only``: break only after a page's stamp."""
    first, heads, rest = paras[0], [], paras[0].text
    common = _common_words(paras)
    while True:
        cut = next(((a, b) for a, b, most in _breaks(rest, common) if _splits(rest[:a], most) and _prose(rest[b:])
                    and (not stamps_only or most == STAMP_HEAD_WORDS)), None)
        if cut is None:
            break
        heads.append(rest[:cut[0]].strip())
        rest = rest[cut[1]:]
    if not heads:
        return paras
    heads = [part for h in heads for part in _stamp_apart(h)]
    return [Para(h, "heading", first.gap_before if i == 0 else 0) for i, h in enumerate(heads)] + \
        [Para(rest, first.kind, 0)] + paras[1:]


def _common_words(paras: list[Para]) -> set[str]:
    """The page's common words written with a capital: each written in lower case somewhere on the page and with a
    capital nowhere else inside a sentence (so no name: "Hope", "Bill", "May" are written so mid-sentence too)."""
    text = " ".join(p.text for p in paras)
    lower = set(re.findall(r"(?<![\w'’-])[a-z][a-z'’-]+", text))
    inside = Counter(re.findall(r"(?<=[\w,;)'’] )[A-Z][a-z'’-]+", text))
    return {w for w, n in inside.items() if n == 1 and w.lower() in lower and w not in _MONTHS} | _COUNTS


# Words that open a lead with a count, whether or not the page writes them in lower case too ("... massive quake
# Thousands of people are feared dead", "Up to 200,000 people are missing"): no name is written so.
_COUNTS = {"Thousands", "Hundreds", "Millions", "Dozens", "Scores", "Tens", "Many", "Several", "Most", "Up",
           "Nearly", "Almost", "More"}


def _breaks(text: str, common: set[str] | None = None) -> list[tuple[int, int, int]]:
    """Where a headline may end: before a capitalised determiner or pronoun or a common word written with a
    capital (``common``), or after a day's stamp (with its clock time, if any) that a capitalised word follows
    ("Your stories Thursday 14 January Up to 10,000 troops ...", "... five months on Sunday 19 September 2010 22.02
    BST Vessels work ...")."""
    cuts = [(m.start(), m.end(), MAX_HEAD_WORDS) for m in _RUNON.finditer(text)]
    cuts += [(m.start("gap"), m.end("gap"), MAX_HEAD_WORDS) for m in _COMMON_OPENER.finditer(text)
             if m.group("word") in (common or ()) and (prev := text[:m.start("gap")].split()[-1])[:1].islower()
             and prev not in _NAME_BEFORE | _ROLE_BEFORE]
    # A headline in title case has no word in lower case to break after ("Massive Oil Spill Washes Ashore in the
    # Gulf Millions of gallons of oil have leaked ..."): a common word after a run of four or more capitalised words
    # (small words between) that opens the text opens the lead.
    cuts += [(m.start("gap"), m.end("gap"), MAX_HEAD_WORDS) for m in _AFTER_CAPITAL.finditer(text)
             if m.group("word") in (common or ()) and _title_run(text[:m.start("gap")]) and
             not any(w[:1].isupper() for w in text[m.end():].split()[1:4])]     # not "Steep Drop in Oil Prices"
    # A caption names the lead's subject first: "Ana Pell grew up on the island as a child Ana Pell says ...": a full
    # name said again right after a word in lower case, with no punctuation between, opens the lead.
    cuts += [(m.start("gap"), m.end("gap"), MAX_HEAD_WORDS) for m in _RENAMED.finditer(text)
             if text.find(m.group("name")) < m.start("name") and m.group("prev") not in _ROLE_BEFORE]
    cuts += [(m.start(), m.end(), DATELINE_HEAD_WORDS) for m in _WIRE_DATELINE.finditer(text)]
    # A page's stamp is firm evidence of the top of a page: the headline and standfirst before it may run longer.
    for m in DAY_STAMP.finditer(text):
        r = _AFTER_STAMP.match(text, m.end())
        if r:
            cuts.append((r.end(1), r.end(), STAMP_HEAD_WORDS))
    return sorted(cuts)


_AFTER_CAPITAL = re.compile(r"(?<=[A-Za-z'’])(?P<gap>\s+)(?=(?P<word>[A-Z][a-z'’-]+)\s+(?!of\s+[A-Z])[a-z])")


def _title_run(head: str) -> bool:
    """The text so far is a title-case run: four or more capitalised words, the rest short function words."""
    words = head.split()
    return sum(w[:1].isupper() for w in words) >= 4 and \
        all(w[:1].isupper() or w in _TITLE_SMALL or not w[:1].isalpha() for w in words)


def _stamp_apart(head: str) -> list[str]:
    """A page timestamp at the end of a headline ("... drilling ban Thursday 24 June 2010 07.23 BST") is a part of
    its own: the headline is the page's title, the stamp is when the page was filed."""
    words = head.split()
    k = len(words)
    while k > 3 and _STAMP_WORD.match(words[k - 1].rstrip(".,")):
        k -= 1
    tail = " ".join(words[k:])
    # A stamp has a clock time, or a weekday and a year; "Fighting flares on 3 March" ends with a date, no stamp.
    if re.search(r"\b\d{1,2}[.:]\d{2}\b", tail) or (re.search(r"\b(?:19|20)\d{2}\b", tail) and any(
            w.strip(".,").lower() in WEEKDAYS for w in words[k:])):
        return [" ".join(words[:k]), tail]
    return [head]


def _prose(tail: str) -> bool:
    """The part after the break reads as a sentence: a word in lower case soon after its opener ("The UN has
    warned"). "Its Stance On Trade" is the rest of a title-case headline. A wire's dateline before it is read past."""
    tail = tail[opener_end(tail):]
    # A title-case headline writes its short function words in lower case ("Its Stance on Trade"); a sentence has
    # a word of its own in lower case within its first few ("The UK's Disasters Emergency Committee has launched").
    # A determiner or pronoun before it opens the sentence instead ("Rebuild Its Harbour Wall The council voted").
    for w in tail.split()[1:7]:
        if re.fullmatch(_OPENER, w):
            return False
        if w[:1].islower() and w not in _TITLE_SMALL:
            return True
    return False


_TITLE_SMALL = {"a", "an", "the", "of", "on", "in", "to", "and", "or", "but", "for", "at", "by", "with", "from",
                "as", "vs", "via", "up", "into", "over", "nor", "so", "yet"}


def _splits(head: str, most: int = MAX_HEAD_WORDS) -> bool:
    words = head.split()
    # A sentence's end ("U.S." is no end; a headline may hold a colon) or a relative clause ("who edits The Post")
    # is running prose, not a headline.
    # Before a page's stamp (``most`` above MAX_HEAD_WORDS) the standfirst may hold a relative clause ("BP shuts
    # off well that ruptured on 20 April, which caused ..."): the stamp, not the grammar, ends the page's top.
    relative = most <= MAX_HEAD_WORDS and re.search(r",\s+(?:who|which|whose|where)\b", head)
    return 3 <= len(words) <= most and words[-1].lower() not in _NAME_BEFORE and \
        not re.search(r"(?<!\b[A-Z])[.!?]\s", head) and not relative
