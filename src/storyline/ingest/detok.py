"""Undo Penn-Treebank tokenisation (Timeline17-style text: "Sept. 11 , 2001", "BP 's", "do n't", `` '' -LRB-, \\/).

Why our own code: sacremoses' detokeniser also rewrites characters and guesses quote direction over whole texts,
and returns no offset map; we need to change only whitespace and the PTB quote/bracket tokens, and to map every
output offset back to the raw file (the real-text benchmark stores offsets in the raw text).
The text is touched only when it measurably looks tokenised (``looks_tokenised``), so normal prose never changes.
"""
from __future__ import annotations

import re

_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
# One left-to-right pass; each alternative names what it becomes.
_RX = re.compile(
    # A line the dataset's sentence splitter began with a comma or semicolon ("Henry Waxman , D-Calif . \n, and Bart
    # Stupak"): no sentence begins so, so it runs on from the line before
    r"[ \t]*\n[ \t]*(?=[,;](?:[ \t]|$))|"
    # The Guardian's standfirst bullets, garbled to the word "cents" in Timeline17 ("hotel cents Guests locked in ...";
    # 86 pages): the word goes and the text stays as it stood. Making the bullets lines of their own cost the
    # timeline scores (docs/ingest.md). Not a price: a digit, or nothing but a space, stands before a price's "cents"
    # (a year may: "... for 2010 cents No cap on compensation").
    r"(?:^|(?<=\n)|(?<=[^\s\d] )|(?<=(?:19|20)\d\d ))cents (?=[A-Z`])|"
    # A stock code the dataset's sentence splitter broke at its dot ("-LRB- NOVN . \nVX -RRB-" -> "(NOVN.VX)")
    r"(?<=[A-Z0-9])[ \t]*(?P<tick>\.)[ \t]*\n[ \t]*(?=[A-Z]{1,3}[ \t]*-RRB-)"
    r"|(?P<open>-LRB-|-LSB-|-LCB-|``)[ \t]*"                    # opening token: drop the space after it
    r"|[ \t]*(?P<close>-RRB-|-RSB-|-RCB-|'')"                    # closing token: drop the space before it
    r"|[ \t]+(?=(?:[,.;:?!%]|'s|'S|n't|N'T|'ve|'re|'ll|'d|'m|'VE|'RE|'LL|'D|'M)(?:[ \t\n]|$|''|-RRB-))"
    r"|\\(?P<esc>[/*])"                                          # PTB escapes "/" and "*": "Moir\/Reuters"
    # PTB single quotes: "` dead '" -> "'dead'"; a lone " '" before a space is a closing quote or a plural's
    # possessive ("the workers ' union" -> "the workers' union"): either way it joins the word before it.
    r"|(?P<sopen>`)(?!`)[ \t]*"
    r"|[ \t]+(?P<sclose>')(?=[ \t,.;:?!]|$)"
)
_SPACED = re.compile(r" [,.;:?!](?=[ \n]|$)| (?:'s|n't) ")
_PUNCT = re.compile(r"[,.;:?!](?=[ \n]|$)")


def looks_tokenised(text: str) -> bool:
    """True when most sentence punctuation stands apart from the word before it (PTB style), or PTB bracket/quote
    tokens occur. Normal prose has almost no " , " (a typo now and then), tokenised text has nearly all of them."""
    if re.search(r"-[LR][RSC]B-|``", text):
        return True
    # Short tokenised texts (a two-sentence video blurb) have one or two marks; a false positive on a short prose
    # text would only close the gap of a stray " ," .
    n = len(_PUNCT.findall(text))
    spaced = len(_SPACED.findall(text))
    return n >= 1 and spaced / n >= 0.5


def detokenise(text: str) -> tuple[str, list[int]]:
    """(text, offsets): ``offsets[i]`` is the raw offset of output character i (one extra entry for the end)."""
    out: list[str] = []
    pos: list[int] = []
    last = 0
    for m in _RX.finditer(text):
        out.append(text[last:m.start()])
        pos.extend(range(last, m.start()))
        tok = m.group("open") or m.group("close")
        if m.group("sopen") or m.group("sclose"):
            at = m.start("sopen") if m.group("sopen") else m.start("sclose")
            out.append("'")
            pos.append(at)
        elif m.group("esc") or m.group("tick"):
            out.append(m.group("esc") or m.group("tick"))
            pos.append(m.start("esc") if m.group("esc") else m.start("tick"))
        elif tok:
            rep = '"' if tok in ("``", "''") else _BRACKETS[tok]
            at = m.start("open") if m.group("open") else m.start("close")
            out.append(rep)
            pos.append(at)
        last = m.end()
    out.append(text[last:])
    pos.extend(range(last, len(text) + 1))
    return "".join(out), pos


def normalise(text: str) -> str:
    """The text detokenised when it looks PTB-tokenised, else unchanged: the one entry point for every reader."""
    return detokenise(text)[0] if looks_tokenised(text) else text
