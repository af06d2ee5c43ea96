"""Render reports: grep-able text, JSON, and the claims list of `extract`."""

from __future__ import annotations

import json
from collections import defaultdict

from checker.models import SCHEMA_VERSION, Claim, Conflict, Document, Report, Span

_COLOURS = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
_RESET, _DIM, _BOLD = "\x1b[0m", "\x1b[2m", "\x1b[1m"


def render_json(report: Report) -> str:
    return json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def render_text(report: Report, colour: bool = False) -> str:
    """Conflicts grouped by subject: a claim matrix (every source's claim side by side), then one
    `file:line:col: CODE severity message` line per conflict, under it how likely the conflict is and
    its evidence; a summary line last."""
    lines: list[str] = []
    for conflicts in subject_blocks(report.conflicts):
        rows = _matrix_rows(conflicts)
        subject = conflicts[0].kind + ": " + _short(conflicts[0].claims[0].text, 50)
        lines.append(f"{_BOLD}{subject}{_RESET}" if colour else subject)
        width = max(len(source) for source, _, _ in rows)
        for source, quote, where in rows:
            row = f"  {source:<{width}}  “{quote}”  {where}"
            lines.append(f"{_DIM}{row}{_RESET}" if colour else row)
        for conflict in conflicts:
            first = conflict.claims[0]
            sev = conflict.severity
            sev_text = f"{_COLOURS[sev]}{sev}{_RESET}" if colour else sev
            code = f"{_BOLD}{conflict.code}{_RESET}" if colour else conflict.code
            lines.append(f"{first.document}:{first.line}:{first.column}: {code} {sev_text} {conflict.message}")
            why = "  " + evidence_line(conflict)
            lines.append(f"{_DIM}{why}{_RESET}" if colour else why)
        lines.append("")
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


def evidence_line(conflict: Conflict) -> str:
    """How likely a conflict is and what weighs most toward it, as every report format tells it."""
    told = f"confidence {conflict.confidence:.2f}"
    return f"{told}; evidence: " + "; ".join(conflict.evidence) if conflict.evidence else told


def subject_blocks(conflicts: list[Conflict]) -> list[list[Conflict]]:
    """Conflicts that share a claim are about one subject: connected components, in report order."""
    blocks: list[list[Conflict]] = []
    claim_block: dict[str, int] = {}
    for conflict in conflicts:
        ids = [c.claim_id for c in conflict.claims]
        hits = sorted({claim_block[i] for i in ids if i in claim_block})
        if not hits:
            blocks.append([conflict])
            target = len(blocks) - 1
        else:
            target = hits[0]
            for other in hits[1:]:
                blocks[target].extend(blocks[other])
                blocks[other] = []
                for key, value in claim_block.items():
                    if value == other:
                        claim_block[key] = target
            blocks[target].append(conflict)
        for i in ids:
            claim_block[i] = target
    return [b for b in blocks if b]


def _matrix_rows(conflicts: list[Conflict]) -> list[tuple[str, str, str]]:
    rows: dict[str, tuple[str, str, str]] = {}
    for conflict in conflicts:
        for claim in conflict.claims:
            source = f"{claim.speaker or 'the author'} ({claim.document})"
            if claim.archived:  # from the archive: which story, when, from whom
                when = ", ".join(v for v in (claim.archived.get("date"), claim.archived.get("source")) if v)
                source = f"{claim.speaker or 'the author'} (archive {claim.document}{', ' + when if when else ''})"
            stance = "" if claim.stance == "asserted" else f" [{claim.stance}]"
            rows.setdefault(claim.claim_id, (source, _short(claim.text, 70) + stance,
                                             f"{claim.document}:{claim.line}:{claim.column}"))
    return list(rows.values())


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def summary_line(report: Report) -> str:
    counts = defaultdict(int)
    for conflict in report.conflicts:
        counts[conflict.severity] += 1
    n = len(report.conflicts)
    parts = ", ".join(f"{counts[s]} {s}" for s in ("error", "warning", "info") if counts[s])
    docs = len(report.documents)
    claims = sum(d.claims for d in report.documents)
    head = f"{n} conflict{'s' if n != 1 else ''}" + (f" ({parts})" if parts else "")
    return f"{head} among {claims} claims in {docs} document{'s' if docs != 1 else ''}"


def claim_record(claim: Claim, document: Document) -> dict[str, object]:
    """The public JSON shape of one claim (field names are a stable contract)."""
    line, column = document.line_col(claim.start)
    data = claim.model_dump(mode="json", exclude={"id"})
    data["span"] = Span(document=claim.document, start=claim.start, end=claim.end).model_dump()
    data["line"], data["column"] = line, column
    return {"id": claim.id, **data}


def render_claims_json(claims: list[Claim], documents: list[Document]) -> str:
    by_path = {d.path: d for d in documents}
    payload = {
        "schema_version": SCHEMA_VERSION,
        "documents": [d.path for d in documents],
        "claims": [claim_record(c, by_path[c.document]) for c in claims],
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def render_claims_text(claims: list[Claim], documents: list[Document]) -> str:
    by_path = {d.path: d for d in documents}
    lines = []
    for c in claims:
        line, column = by_path[c.document].line_col(c.start)
        extra = ""
        if c.quantity is not None:
            q = c.quantity
            extra = f" [{q.qualifier} {q.low}..{q.high}{' ' + q.unit if q.unit else ''}{' of ' + q.counted if q.counted else ''}]"
        if c.date is not None:
            extra = f" [date {c.date.year or '?'}-{c.date.month or '?'}-{c.date.day or '?'}]"
        text = " ".join(c.text.split())
        lines.append(f"{c.document}:{line}:{column}: {c.kind} {c.stance} {c.speaker or 'the author'}: “{text}”{extra}")
    return "\n".join(lines) + ("\n" if lines else "")
