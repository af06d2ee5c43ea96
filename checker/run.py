"""One `check` run as CI uses it: settings, rules, per-file ignores, suppressions, baseline, --against."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from checker.baseline import read_baseline
from checker.config import Config
from checker.ingest import read_documents
from checker.models import Conflict, Document, Report
from checker.pipeline import Checker
from checker.ruleset import SHIPPED_RULES, RuleSpec, load_rules, select_rules
from checker.suppress import apply_suppressions, find_suppressions


@dataclass
class CheckRequest:
    """What the user asked for on the command line; None leaves the config's value."""

    docs: list[str]
    against: list[str] = field(default_factory=list)
    rules: list[Path] = field(default_factory=list)
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    baseline: Path | None = None
    # A claim archive (`claimcheck index --store`) to check the documents against.
    archive: Path | None = None


@dataclass
class CheckOutcome:
    report: Report
    documents: list[Document]
    rules: list[RuleSpec]
    baselined: int


def resolve_rules(config: Config, request: CheckRequest) -> list[RuleSpec]:
    """Shipped rules plus the config's and the command line's folders, selected and re-graded."""
    rules = load_rules([SHIPPED_RULES, *config.rules, *request.rules])
    select = request.select if request.select is not None else config.select
    chosen = select_rules(rules, select, [*config.ignore, *request.ignore])
    return [r.model_copy(update={"severity": config.severity[r.code]}) if r.code in config.severity else r
            for r in chosen]


def run_check(checker_for: Callable[[list[RuleSpec]], Checker], config: Config, request: CheckRequest,
              warn: Callable[[str], None], progress: Callable[[int, int], None] | None = None) -> CheckOutcome:
    """Read, check and filter; `checker_for(rules)` builds the pipeline (the model loads there)."""
    drafts = read_documents(request.docs, warn)
    sources = read_documents(request.against, warn)
    documents = drafts + sources
    rules = resolve_rules(config, request)
    checker = checker_for(rules)
    report = checker.check(documents, progress)
    conflicts = list(report.conflicts)
    if request.archive is not None:
        documents = documents + _with_archive(checker, drafts, request.archive, conflicts)
    conflicts = [c for c in conflicts if _allowed_by_file_settings(c, config)]
    if request.against:
        draft_paths = {d.path for d in drafts}
        conflicts = [c for c in conflicts if any(cl.document in draft_paths for cl in c.claims)]
    suppressions = [s for d in documents for s in find_suppressions(d)]
    conflicts, warnings = apply_suppressions(conflicts, suppressions)
    baseline_path = request.baseline or config.baseline
    baselined = 0
    if baseline_path is not None:
        accepted = read_baseline(baseline_path)
        baselined = sum(1 for c in conflicts if c.fingerprint in accepted)
        conflicts = [c for c in conflicts if c.fingerprint not in accepted]
    for message in warnings:
        warn(message)
    report = report.model_copy(update={"conflicts": conflicts, "warnings": [*report.warnings, *warnings]})
    return CheckOutcome(report, documents, rules, baselined)


def _with_archive(checker: Checker, drafts: list[Document], folder: Path, conflicts: list[Conflict]) -> list[Document]:
    """Add the drafts' disagreements with the archive to `conflicts`; return the archived stories they cite."""
    from checker.archive import ArchiveStore, archive_conflicts

    store = ArchiveStore(folder, checker.embedder.name)
    try:
        found, stories = archive_conflicts(checker, drafts, store)
    finally:
        store.close()
    conflicts += found
    return stories


def _allowed_by_file_settings(conflict: Conflict, config: Config) -> bool:
    for claim in conflict.claims:
        select, ignore = config.ignored_for(claim.document)
        if ignore and any(conflict.code.startswith(p.upper()) for p in ignore):
            return False
        if select is not None and not any(conflict.code.startswith(p.upper()) for p in select):
            return False
    return True

