"""Split a document's text into the passages the parser reads: paragraphs and headline lines."""

from __future__ import annotations

import re

_BLOCK = re.compile(r"\S(?:.*?\S)?(?=[ \t]*\n[ \t]*\n|\s*\Z)", re.S)
_LINE_END = re.compile(r"[.!?:;”\"')\]]\s*$")


def passages(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each passage of `text`: blocks split on blank lines, and lines
    that stand alone (headlines, bylines) split from the lines after them."""
    spans: list[tuple[int, int]] = []
    for block in _BLOCK.finditer(text):
        start = block.start()
        lines = block.group(0).split("\n")
        offset = start
        piece_start = start
        for i, line in enumerate(lines):
            line_end = offset + len(line)
            last = i == len(lines) - 1
            if last or _LINE_END.search(line) or len(line.strip()) < 60:
                if text[piece_start:line_end].strip():
                    spans.append(_trim(text, piece_start, line_end))
                piece_start = line_end + 1
            offset = line_end + 1
    return [s for s in spans if s[0] < s[1]]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
