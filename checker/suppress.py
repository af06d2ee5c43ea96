"""Inline suppressions in Markdown drafts: `<!-- claimcheck-ignore CODE: reason -->`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.models import Conflict, Document

_COMMENT = re.compile(r"<!--\s*claimcheck-ignore\s+(?P<codes>[A-Za-z0-9, ]+?)\s*(?::\s*(?P<reason>.*?))?\s*-->", re.S)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


@dataclass
class Suppression:
    document: str
    start: int
    end: int
    codes: tuple[str, ...]
    reason: str
    paragraph: tuple[int, int]
    used: bool = False


def find_suppressions(doc: Document) -> list[Suppression]:
    """Return the suppression comments of a Markdown `doc`, each with the paragraph it covers.

    A comment covers the paragraph it stands in, or, standing alone, the paragraph after it."""
    if not doc.markdown:
        return []
    found: list[Suppression] = []
    for m in _COMMENT.finditer(doc.text):
        codes = tuple(c.upper() for c in re.split(r"[,\s]+", m.group("codes")) if c)
        found.append(Suppression(doc.path, m.start(), m.end(), codes, (m.group("reason") or "").strip(),
                                 _paragraph(doc.text, m.start(), m.end())))
    return found


def _paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    breaks = [(b.start(), b.end()) for b in _PARAGRAPH_BREAK.finditer(text)]
    p_start = max([e for s, e in breaks if e <= start], default=0)
    p_end = min([s for s, e in breaks if s >= end], default=len(text))
    if text[p_start:p_end].strip() == text[start:end].strip():  # a comment on its own: the next paragraph
        nxt = min([e for s, e in breaks if s >= end], default=len(text))
        p_end = min([s for s, e in breaks if s >= nxt], default=len(text))
    return p_start, p_end


def apply_suppressions(conflicts: list[Conflict], suppressions: list[Suppression]) -> tuple[list[Conflict], list[str]]:
    """Drop conflicts that a suppression with a reason covers; return them and the warnings to give."""
    warnings = [f"{s.document}: suppression of {', '.join(s.codes)} has no reason; write "
                f"<!-- claimcheck-ignore {s.codes[0]}: why this is fine -->" for s in suppressions if not s.reason]
    active = [s for s in suppressions if s.reason]
    kept: list[Conflict] = []
    for conflict in conflicts:
        covering = [s for s in active if any(conflict.code.startswith(c) for c in s.codes) and any(
            cl.document == s.document and s.paragraph[0] <= cl.start < s.paragraph[1] for cl in conflict.claims)]
        for s in covering:
            s.used = True
        if not covering:
            kept.append(conflict)
    warnings += [f"{s.document}: suppression of {', '.join(s.codes)} matches no conflict; remove it"
                 for s in active if not s.used]
    return kept, warnings
