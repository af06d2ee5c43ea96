"""Machine and browser formats: SARIF 2.1.0, GitHub workflow annotations, one-file HTML."""

from __future__ import annotations

import html
import json
from collections import defaultdict

from checker import __version__
from checker.models import Conflict, ConflictClaim, Document, Report, SEVERITY_RANK
from checker.report import evidence_line
from checker.ruleset import RuleSpec

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}
# GitHub shows at most 10 annotations of each level per step.
GITHUB_CAP_PER_LEVEL = 10


def render_sarif(report: Report, rules: list[RuleSpec], documents: list[Document]) -> str:
    """A SARIF 2.1.0 log: one result per conflict, the second claim as a related location."""
    by_path = {d.path: d for d in documents}
    index = {r.code: i for i, r in enumerate(rules)}
    results = []
    for conflict in report.conflicts:
        first, *others = conflict.claims
        results.append({
            "ruleId": conflict.code,
            "ruleIndex": index.get(conflict.code, -1),
            "level": _SARIF_LEVEL[conflict.severity],
            "message": {"text": conflict.message},
            "locations": [_sarif_location(first, by_path)],
            "relatedLocations": [
                {"id": n, **_sarif_location(claim, by_path),
                 "message": {"text": f"{claim.speaker or 'the author'}: {_one_line(claim.text)}"}}
                for n, claim in enumerate(others, 1)
            ],
            "partialFingerprints": {"claimcheckConflict/v1": conflict.fingerprint},
            "properties": {"kind": conflict.kind, "confidence": conflict.confidence, "reason": conflict.reason,
                           "evidence": conflict.evidence},
        })
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "claimcheck",
                "version": __version__,
                "rules": [_sarif_rule(r) for r in rules],
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _sarif_rule(rule: RuleSpec) -> dict[str, object]:
    return {
        "id": rule.code,
        "name": _camel(rule.name),
        "shortDescription": {"text": rule.doc.flags.strip().split("\n")[0]},
        "fullDescription": {"text": " ".join(rule.doc.flags.split())},
        "help": {"text": f"{' '.join(rule.doc.why.split())} Not flagged: {' '.join(rule.doc.not_flagged.split())}"},
        "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
        "properties": {"kind": rule.kind},
    }


def _camel(name: str) -> str:
    head, *rest = name.split("-")
    return head + "".join(w.capitalize() for w in rest)


def _sarif_location(claim: ConflictClaim, by_path: dict[str, Document]) -> dict[str, object]:
    end_line, end_col = by_path[claim.document].line_col(claim.end)
    return {"physicalLocation": {
        "artifactLocation": {"uri": claim.document},
        "region": {"startLine": claim.line, "startColumn": claim.column, "endLine": end_line,
                   "endColumn": end_col, "charOffset": claim.start, "charLength": claim.end - claim.start,
                   "snippet": {"text": claim.text}},
    }}


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report, documents: list[Document]) -> str:
    """GitHub workflow commands: the most severe conflicts as annotations, the rest summed up."""
    by_path = {d.path: d for d in documents}
    ordered = sorted(report.conflicts, key=lambda c: (-SEVERITY_RANK[c.severity], -c.confidence))
    shown: dict[str, int] = defaultdict(int)
    lines: list[str] = []
    left_out: list[Conflict] = []
    for conflict in ordered:
        level = _GITHUB_LEVEL[conflict.severity]
        if shown[level] >= GITHUB_CAP_PER_LEVEL:
            left_out.append(conflict)
            continue
        shown[level] += 1
        first, second = conflict.claims[0], conflict.claims[1]
        end_line, end_col = by_path[first.document].line_col(first.end)
        props = (f"file={_escape_property(first.document)},line={first.line},col={first.column},"
                 f"endLine={end_line},endColumn={end_col},title={_escape_property(conflict.code + ' ' + conflict.rule)}")
        body = (f"{conflict.message}\nother claim: {second.document}:{second.line}:{second.column} "
                f"“{_one_line(second.text)}”")
        body += "\n" + evidence_line(conflict)
        lines.append(f"::{level} {props}::{_escape_data(body)}")
    if left_out:
        counts = defaultdict(int)
        for conflict in left_out:
            counts[conflict.severity] += 1
        summary = ", ".join(f"{n} {s}" for s, n in sorted(counts.items(), key=lambda x: -SEVERITY_RANK[x[0]]))
        lines.append(f"::notice title=claimcheck::{len(left_out)} more conflicts not shown as annotations ({summary})")
        for conflict in left_out:
            first = conflict.claims[0]
            lines.append(f"{first.document}:{first.line}:{first.column}: {conflict.code} {conflict.severity} "
                         f"{_one_line(conflict.message)}")
    return "\n".join(lines) + ("\n" if lines else "")


_CSS = """
body{font:15px/1.55 Georgia,serif;margin:0;color:#1d1d1d;background:#fafaf7}
header{background:#1f3a5f;color:#fff;padding:14px 24px}header h1{margin:0;font-size:20px}
main{display:grid;grid-template-columns:minmax(300px,38%) 1fr;gap:24px;padding:20px 24px}
section.conflicts article{background:#fff;border-left:6px solid #c62828;margin:0 0 14px;padding:10px 14px;
box-shadow:0 1px 2px #0002}section.conflicts article.warning{border-color:#ef8f00}
section.conflicts article.info{border-color:#1e88e5}.code{font:bold 13px monospace}
.doc{background:#fff;padding:12px 18px;margin-bottom:18px;box-shadow:0 1px 2px #0002}
.doc pre{white-space:pre-wrap;font:15px/1.55 Georgia,serif;margin:0}
mark{background:#ffe082;padding:1px 0}mark.c-error{background:#ffab91}mark.c-warning{background:#ffe082}
mark.c-info{background:#bbdefb}mark:target{outline:3px solid #1f3a5f}
a{color:#1f3a5f}blockquote{margin:6px 0;padding-left:10px;border-left:3px solid #ccc}
p.evidence{margin:6px 0 0;color:#555;font-size:13px}
"""


def render_html(report: Report, documents: list[Document]) -> str:
    """One self-contained HTML page: conflicts on the left, documents with claims marked on the right."""
    marks: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
    items: list[str] = []
    for n, conflict in enumerate(report.conflicts, 1):
        quotes = []
        for k, claim in enumerate(conflict.claims):
            anchor = f"c{n}-{k}"
            marks[claim.document].append((claim.start, claim.end, anchor, conflict.severity))
            quotes.append(f'<blockquote><a href="#{anchor}">{html.escape(claim.document)}:{claim.line}:{claim.column}</a>'
                          f' {html.escape(claim.speaker or "the author")}: “{html.escape(_one_line(claim.text))}”</blockquote>')
        items.append(f'<article class="{conflict.severity}" id="conflict-{n}"><span class="code">{conflict.code}'
                     f'</span> {conflict.severity} · {html.escape(conflict.kind)}<p>{html.escape(conflict.message)}</p>'
                     + "".join(quotes) + _evidence_html(conflict) + "</article>")
    docs = [f'<div class="doc"><h2>{html.escape(d.path)}</h2><pre>{_marked(d.text, marks[d.path])}</pre></div>'
            for d in documents]
    summary = html.escape(f"{len(report.conflicts)} conflicts in {len(documents)} documents")
    return ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>claimcheck report</title>"
            f"<style>{_CSS}</style></head><body><header><h1>claimcheck report</h1>{summary}</header><main>"
            f"<section class=\"conflicts\">{''.join(items) or '<p>No conflicts.</p>'}</section>"
            f"<section class=\"documents\">{''.join(docs)}</section></main></body></html>\n")


def _evidence_html(conflict: Conflict) -> str:
    return f'<p class="evidence">{html.escape(evidence_line(conflict))}</p>'


def _marked(text: str, spans: list[tuple[int, int, str, str]]) -> str:
    """Escape `text`, wrapping each claim span in <mark>; overlapping spans are merged into the first."""
    out: list[str] = []
    pos = 0
    for start, end, anchor, severity in sorted(spans):
        if start < pos:
            out.append(f'<a id="{anchor}"></a>')  # nested in an earlier mark: keep the link target
            continue
        out.append(html.escape(text[pos:start]))
        out.append(f'<mark id="{anchor}" class="c-{severity}">{html.escape(text[start:end])}</mark>')
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)
