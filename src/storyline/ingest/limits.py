"""Per-file limits of ingest, and the guard that turns any failure of a reader into a skip reason.

One bad input must never abort the build of the others, nor hang it, nor exhaust memory. Limits (per input file):

======================  ==========  =================================================================================
MAX_FILE_BYTES          32 MB       size on disk of a text, HTML or JSON file (a news article is a few hundred kB)
MAX_ARCHIVE_BYTES       512 MB      size on disk of a WARC (many pages in one file)
MAX_DECOMPRESSED_BYTES  64 MB       what a .gz may expand to (a gzip bomb stops there, it is never inflated whole)
MAX_HTML_CHARS          8,000,000   characters of one decoded HTML page (scripts and styles included)
MAX_TEXT_CHARS          1,000,000   characters of one document's text (a text file, a record, a page's extracted
                                    text): spaCy's own limit per text; Timeline17 has pages of 700,000
MAX_SECONDS             60 s        wall time to read, decode and extract one file (all its records)
======================  ==========  =================================================================================

A file over a limit is skipped with a reason naming the limit; so is a file whose reader fails in any way
(an exception from a library, deep recursion, memory): ``skipped: reader failed: RecursionError: ...``.
The time limit uses SIGALRM, so it applies when ingest runs in the main thread (the CLI, the library called
from a script); elsewhere the other limits still hold. Code that never returns to the interpreter (a C parser
stuck in one call) is not interrupted; the size limits keep those calls short.
"""
from __future__ import annotations

import contextlib
import os
import signal
import stat
import threading
import zlib
from pathlib import Path

MB = 1024 * 1024
MAX_FILE_BYTES = 32 * MB
MAX_ARCHIVE_BYTES = 512 * MB
MAX_DECOMPRESSED_BYTES = 64 * MB
MAX_HTML_CHARS = 8_000_000
MAX_TEXT_CHARS = 1_000_000
MAX_SECONDS = float(os.environ.get("STORYLINE_MAX_SECONDS", 60))


class LimitExceeded(Exception):
    """Raised by the checks below; the message is the skip reason."""


class TimeLimit(BaseException):
    """Raised by the alarm. A BaseException, so that a library's ``except Exception`` cannot swallow it."""


def check_file(path: Path, archive: bool) -> None:
    st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        raise LimitExceeded("not a regular file (a device, pipe or socket is never read)")
    cap = MAX_ARCHIVE_BYTES if archive else MAX_FILE_BYTES
    if st.st_size > cap:
        raise LimitExceeded(f"over the size limit: {st.st_size / MB:.1f} MB > {cap // MB} MB per file")


def gunzip(data: bytes) -> bytes:
    """Decompress a gzip stream (several members allowed), stopping at MAX_DECOMPRESSED_BYTES.

    Not gzip.decompress: it inflates everything first, so a small bomb would take gigabytes of memory."""
    out, total = [], 0
    rest = data
    while rest:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        while True:
            chunk = d.decompress(rest, MAX_DECOMPRESSED_BYTES + 1 - total)
            total += len(chunk)
            out.append(chunk)
            if total > MAX_DECOMPRESSED_BYTES:
                raise LimitExceeded(f"over the decompressed size limit: expands past "
                                    f"{MAX_DECOMPRESSED_BYTES // MB} MB")
            rest = d.unconsumed_tail
            if not rest or d.eof:
                break
        if not d.eof:
            raise LimitExceeded("corrupt gzip: truncated stream")
        rest = d.unused_data.lstrip(b"\x00")   # trailing zero padding is common after the last member
    return b"".join(out)


def check_text(text: str, cap: int = MAX_TEXT_CHARS, what: str = "text") -> None:
    if len(text) > cap:
        raise LimitExceeded(f"over the {what} limit: {len(text):,} characters > {cap:,} per document")


@contextlib.contextmanager
def deadline(seconds: float | None = None):
    seconds = MAX_SECONDS if seconds is None else seconds
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_alarm(signum, frame):
        raise TimeLimit(f"over the time limit: reading took more than {seconds:g} s")
    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _failed(e: BaseException) -> str:
    if isinstance(e, (LimitExceeded, TimeLimit)):
        return str(e)
    if isinstance(e, RecursionError):
        return "reader failed: too deeply nested (RecursionError)"
    if isinstance(e, MemoryError):
        return "reader failed: out of memory (MemoryError)"
    return f"reader failed: {type(e).__name__}: {str(e)[:200]}"


def read(path: Path, key: str, field_map=None) -> list:
    """Read one file and extract its HTML, under the limits: never raises for what is in the file.

    Returns RawDocs, each with text or a skip reason that says which limit or which failure."""
    from .html import extract_html
    from .readers import RawDoc, read_file
    try:
        with deadline():
            docs = read_file(path, key, field_map)
            out = []
            for raw in docs:
                if raw.html is not None and not raw.skip:
                    try:
                        check_text(raw.html, MAX_HTML_CHARS, "HTML")
                        raw = extract_html(raw)
                        if not raw.skip:
                            check_text(raw.text)
                    except (Exception, RecursionError) as e:   # one bad record of a file, not the whole file
                        raw.skip, raw.html = _failed(e), None
                elif raw.text and not raw.skip:
                    try:
                        check_text(raw.text)
                    except LimitExceeded as e:
                        raw.skip, raw.text = str(e), ""
                out.append(raw)
            return out
    except (Exception, TimeLimit) as e:
        return [RawDoc(str(path), key, skip=_failed(e))]
