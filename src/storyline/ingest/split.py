"""Split a page that carries a second, unrelated story glued after the first.

Cue: a headline-like line (short, no closing punctuation) deep in the page, after which the names of the first
part (full multi-word names, so "Lower Brisk" is not "Brisk United") barely recur. A sub-heading inside one story
is followed by the story's own names again (the court, the prosecutor), so it is not split.
"""
from __future__ import annotations

import re

from .clean import Para

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
    return 2 <= len(s.split()) <= 14 and not re.search(r"[.!?:;,\"”’)]$", s) and s[:1].isupper()


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
