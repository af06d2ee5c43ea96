"""The `claimcheck` command line: a thin layer over the pipeline."""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from checker import __version__
from checker.errors import CheckerError

if TYPE_CHECKING:
    from checker.config import Config
    from checker.decide import DecisionModel
    from checker.pipeline import Checker
    from checker.ruleset import RuleSpec
    from checker.run import CheckOutcome

# Plain help and usage errors: rich's help renderer costs 0.2 s of imports on every `--help`.
app = typer.Typer(no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None,
                  help="Find claims that cannot all be true across conflicting reports.")
rules_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None,
                        help="List, explain and test the contradiction rules.")
app.add_typer(rules_app, name="rules")


class OutputFormat(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"
    html = "html"


class ExtractFormat(str, Enum):
    text = "text"
    json = "json"


class Severity(str, Enum):
    info = "info"
    warning = "warning"
    error = "error"


def _warn(message: str) -> None:
    typer.echo(f"warning: {message}", err=True)


def _note(message: str) -> None:
    """Progress and outcomes that are not warnings; standard error, like all logs."""
    typer.echo(message, err=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Find claims that cannot all be true across conflicting reports."""


DocsArg = Annotated[list[str], typer.Argument(help="Article files (.txt, .md); '-' reads standard input.",
                                              show_default=False, metavar="DOCS")]
RulesOpt = Annotated[Optional[list[Path]], typer.Option("--rules", metavar="FOLDER", help="Extra rules folder (repeatable).")]


def _rule_folders(extra: list[Path] | None) -> list[Path]:
    from checker.ruleset import SHIPPED_RULES

    return [SHIPPED_RULES, *(extra or [])]


def _build_checker(rules: "list[RuleSpec]", cache: Path | None, decision: Path | None = None,
                   min_confidence: float | None = None, decide: bool = True) -> "Checker":
    from checker.embed import CachedEmbedder, load_embedder
    from checker.extract import ClaimExtractor
    from checker.lexicon import load_lexicon
    from checker.nlp import load_parser
    from checker.pipeline import Checker
    from checker.ruleset import SHIPPED_RULES

    model = _load_decision(decision) if decide else None  # before the slow loads, so a bad file fails at once
    lexicon = load_lexicon(SHIPPED_RULES)
    embedder = load_embedder()
    wrapped = CachedEmbedder(embedder, cache) if cache else embedder
    return Checker(ClaimExtractor(load_parser(), lexicon), wrapped, lexicon, rules, model, min_confidence)


def _load_decision(path: Path | None) -> "DecisionModel | None":
    """The decision model at `path`, else the shipped one (rules/decision.json)."""
    from checker import errors
    from checker.decide import MODEL_FILE, DecisionModelError, load_decision
    from checker.ruleset import SHIPPED_RULES

    chosen = path if path is not None else SHIPPED_RULES / MODEL_FILE
    if path is None and not chosen.is_file():
        return None
    try:
        return load_decision(chosen)
    except DecisionModelError as exc:
        raise CheckerError(errors.E403_DECISION, str(exc),
                           "give a file written by `claimcheck fit`, or leave --decision out for the shipped one") from None


def _load_config(path: Path | None) -> "Config":
    from checker.config import find_config, load_config

    return load_config(path if path is not None else find_config(Path.cwd()))


def _progress(done: int, total: int) -> None:
    if total >= 5 and sys.stderr.isatty():
        sys.stderr.write(f"\rreading documents {done}/{total}")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()


ConfigOpt = Annotated[Optional[Path], typer.Option("--config", help="Settings file (default: the nearest "
                                                      ".claimcheck.toml or pyproject.toml with [tool.claimcheck]).")]


DecisionOpt = Annotated[Optional[Path], typer.Option(
    help="Decision model from `claimcheck fit` (default: the shipped rules/decision.json).")]
MinConfidenceOpt = Annotated[Optional[float], typer.Option(
    "--min-confidence", min=0.0, max=1.0,
    help="Report conflicts at least this likely (default: the decision model's own cut). Lower finds more, "
         "with more false alarms.")]


@app.command()
def check(
    docs: DocsArg,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Report format.")] = OutputFormat.text,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report here, not to stdout.")] = None,
    against: Annotated[Optional[list[Path]], typer.Option(
        metavar="DOC", help="Source documents to check DOCS against; only conflicts involving DOCS are reported.")] = None,
    rules: RulesOpt = None,
    select: Annotated[Optional[list[str]], typer.Option(metavar="CODE", help="Only these rule codes or prefixes, e.g. NUM.")] = None,
    ignore: Annotated[Optional[list[str]], typer.Option(metavar="CODE", help="Skip these rule codes or prefixes.")] = None,
    fail_on: Annotated[Optional[Severity], typer.Option(
        help="Lowest severity that makes the exit status 1 (default: error).")] = None,
    baseline: Annotated[Optional[Path], typer.Option(help="Accepted conflicts (from `claimcheck baseline`).")] = None,
    cache: Annotated[Optional[Path], typer.Option(help="Folder for an embedding cache (off unless given).")] = None,
    archive: Annotated[Optional[Path], typer.Option(
        metavar="STORE", help="A claim archive (`claimcheck index --store`): also report where DOCS disagree "
        "with earlier stories.")] = None,
    decision: DecisionOpt = None,
    min_confidence: MinConfidenceOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Flag claims in DOCS that cannot all be true. Exit 0: none; 1: conflicts found; 2: usage or input error."""
    from checker.run import CheckRequest, run_check

    try:
        settings = _load_config(config)
        request = CheckRequest(docs=docs, against=[str(p) for p in against or []], rules=rules or [],
                               select=select, ignore=ignore or [], baseline=baseline, archive=archive)
        _refuse_overwriting_input(output, [*docs, *request.against])
        outcome = run_check(lambda chosen: _build_checker(
            chosen, cache or settings.cache, decision or settings.decision,
            min_confidence if min_confidence is not None else settings.min_confidence), settings, request, _warn, _progress)
        text = _render(output_format, outcome, colour=output is None and sys.stdout.isatty()
                       and "NO_COLOR" not in os.environ)
        _emit(text, output)
    except CheckerError as exc:
        typer.echo(exc.render(), err=True)
        raise typer.Exit(2) from None
    if outcome.baselined:
        _warn(f"{outcome.baselined} conflicts are accepted in the baseline and not reported")
    from checker.models import SEVERITY_RANK  # here, not at the top: `--help` needs no data model

    threshold = SEVERITY_RANK[(fail_on.value if fail_on else settings.fail_on)]
    failing = any(SEVERITY_RANK[c.severity] >= threshold for c in outcome.report.conflicts)
    raise typer.Exit(1 if failing else 0)


def _render(output_format: OutputFormat, outcome: "CheckOutcome", colour: bool) -> str:
    from checker.formats import render_github, render_html, render_sarif
    from checker.report import render_json, render_text

    if output_format is OutputFormat.json:
        return render_json(outcome.report)
    if output_format is OutputFormat.sarif:
        return render_sarif(outcome.report, outcome.rules, outcome.documents)
    if output_format is OutputFormat.github:
        return render_github(outcome.report, outcome.documents)
    if output_format is OutputFormat.html:
        return render_html(outcome.report, outcome.documents)
    return render_text(outcome.report, colour=colour)


def _refuse_overwriting_input(output: Path | None, inputs: list[str]) -> None:
    from checker import errors

    if output is None:
        return
    if any(p != "-" and Path(p).exists() and Path(p).resolve() == output.resolve() for p in inputs):
        raise CheckerError(errors.E105_UNREADABLE, f"{output}: is one of the input documents",
                           "give --output a new file name; inputs are never overwritten")
    if output.is_dir():
        raise CheckerError(errors.E102_DIRECTORY, f"{output}: is a directory", "give --output a file name")


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        from checker import errors

        raise CheckerError(errors.E105_UNREADABLE, f"{output}: cannot be written ({exc.strerror})") from exc


@app.command("baseline")
def baseline_command(
    docs: DocsArg,
    output: Annotated[Path, typer.Option("--output", "-o", help="Baseline file to write.")] = Path(
        ".claimcheck-baseline.json"),
    rules: RulesOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Record the conflicts in DOCS as accepted; `check --baseline FILE` then reports only new ones."""
    from checker.baseline import write_baseline
    from checker.run import CheckRequest, run_check

    try:
        settings = _load_config(config).model_copy(update={"baseline": None})
        request = CheckRequest(docs=docs, rules=rules or [])
        _refuse_overwriting_input(output, docs)
        outcome = run_check(lambda chosen: _build_checker(chosen, settings.cache, settings.decision, settings.min_confidence),
                            settings, request, _warn)
        write_baseline(output, outcome.report.conflicts)
    except CheckerError as exc:
        typer.echo(exc.render(), err=True)
        raise typer.Exit(2) from None
    typer.echo(f"recorded {len(outcome.report.conflicts)} conflicts in {output}", err=True)


@app.command()
def extract(
    docs: DocsArg,
    output_format: Annotated[ExtractFormat, typer.Option("--format", "-f", help="Output format.")] = ExtractFormat.text,
) -> None:
    """List every claim found in DOCS with its span, speaker, stance and quantity."""
    from checker.extract import ClaimExtractor
    from checker.ingest import read_documents
    from checker.lexicon import load_lexicon
    from checker.nlp import load_parser
    from checker.pipeline import read_together
    from checker.report import render_claims_json, render_claims_text
    from checker.ruleset import SHIPPED_RULES

    try:
        documents = read_documents(docs, _warn)
        extractor = ClaimExtractor(load_parser(), load_lexicon(SHIPPED_RULES))
        claims = read_together([c for d in documents for c in extractor.extract(d)], documents)
    except CheckerError as exc:
        typer.echo(exc.render(), err=True)
        raise typer.Exit(2) from None
    render = render_claims_json if output_format is ExtractFormat.json else render_claims_text
    sys.stdout.write(render(claims, documents))


@app.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the `check --format json` report."""
    import json

    from checker.models import Report

    sys.stdout.write(json.dumps(report_schema(Report), indent=2) + "\n")


def report_schema(model: type) -> dict[str, object]:
    schema = model.model_json_schema()  # type: ignore[attr-defined]
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


@rules_app.command("list")
def rules_list(rules: RulesOpt = None) -> None:
    """List the rules: code, severity, kind and name."""
    from checker.ruleset import load_rules

    try:
        loaded = load_rules(_rule_folders(rules))
    except CheckerError as exc:
        typer.echo(exc.render(), err=True)
        raise typer.Exit(2) from None
    for rule in loaded:
        typer.echo(f"{rule.code}  {rule.severity:<7}  {rule.kind:<9}  {rule.name}")


@rules_app.command("explain")
def rules_explain(code: Annotated[str, typer.Argument(help="Rule code or name, e.g. NUM101.")],
                  rules: RulesOpt = None) -> None:
    """Print what a rule flags, why it matters and what it does not flag."""
    from checker.ruleset import find_rule, load_rules

    try:
        rule = find_rule(load_rules(_rule_folders(rules)), code)
    except CheckerError as exc:
        typer.echo(exc.render(), err=True)
        raise typer.Exit(2) from None
    if rule is None:
        typer.echo(f"error: no rule '{code}'; `claimcheck rules list` shows them all", err=True)
        raise typer.Exit(2)
    typer.echo(f"{rule.code} {rule.name} ({rule.kind}, {rule.severity})\n")
    typer.echo(f"## What it flags\n{rule.doc.flags.strip()}\n")
    typer.echo(f"## Why it matters\n{rule.doc.why.strip()}\n")
    typer.echo(f"## Not flagged\n{rule.doc.not_flagged.strip()}\n")
    typer.echo("## Example that is flagged")
    for text in rule.examples.fail[0]:
        typer.echo(f"  {text}")
    typer.echo("\n## Example that is not flagged")
    for text in rule.examples.pass_[0]:
        typer.echo(f"  {text}")


@rules_app.command("test")
def rules_test(rules: RulesOpt = None) -> None:
    """Run every rule's pass and fail examples; exit 1 if any example gives the wrong answer."""
    from checker.rule_examples import known_false_alarms, run_examples
    from checker.ruleset import load_rules

    try:
        checker = _build_checker(load_rules(_rule_folders(rules)), None)
        failures = run_examples(checker)
        known = known_false_alarms(checker)
    except CheckerError as exc:
        typer.echo(exc.render(), err=True)
        raise typer.Exit(2) from None
    for line in [*failures, *known]:
        typer.echo(line)
    typer.echo(f"{len(checker.rules)} rules, {len(failures)} failing examples, {len(known)} known false alarms")
    raise typer.Exit(1 if failures else 0)


@app.command("serve")
def serve_command(rules: RulesOpt = None, decision: DecisionOpt = None, min_confidence: MinConfidenceOpt = None,
                  config: ConfigOpt = None) -> None:
    """Keep the models loaded and check on request: one JSON request per line on standard input, one
    JSON answer per line on standard output (see docs/serve.md)."""
    from checker.serve import serve

    checker = _long_running_checker(rules, decision, min_confidence, config)
    _note("ready: one JSON request per line")
    serve(checker, sys.stdin, sys.stdout)


@app.command("lsp")
def lsp_command(rules: RulesOpt = None, decision: DecisionOpt = None, min_confidence: MinConfidenceOpt = None,
                config: ConfigOpt = None) -> None:
    """Run as a language server on standard input and output: editors show conflicts as diagnostics."""
    try:
        from checker.lsp import build_server
    except ImportError:
        typer.echo("error E401: the language server needs pygls\n  hint: pip install pygls", err=True)
        raise typer.Exit(2) from None
    build_server(_long_running_checker(rules, decision, min_confidence, config)).start_io()


def _long_running_checker(rules: list[Path] | None, decision: Path | None, min_confidence: float | None,
                          config: Path | None) -> "Checker":
    """The checker `serve` and `lsp` keep: settings, rules and decision as `check` resolves them."""
    from checker.run import CheckRequest, resolve_rules

    try:
        settings = _load_config(config)
        chosen = resolve_rules(settings, CheckRequest(docs=[], rules=rules or []))
        return _build_checker(chosen, settings.cache, decision or settings.decision,
                              min_confidence if min_confidence is not None else settings.min_confidence)
    except CheckerError as exc:
        typer.echo(exc.render(), err=True)
        raise typer.Exit(2) from None


@app.command("prepare")
def prepare_command(force: Annotated[bool, typer.Option(help="Export again even if prepared.")] = False) -> None:
    """Export the embedding model to ONNX (int8), index the gazetteer's cities and WordNet's nouns
    and verbs, once, so checks start without torch and without parsing the gazetteer or WordNet."""
    from checker.attributes import city_index_file, write_city_index
    from checker.embed import export_onnx_model, onnx_model_file
    from checker.wordnet import noun_kinds_file, wordnet_folder, write_noun_kinds

    cities = city_index_file()
    if force or not cities.is_file():
        _note(f"prepared {write_city_index(cities)}")
    nouns = noun_kinds_file()
    if force or not nouns.is_file():
        wordnet = wordnet_folder()
        if wordnet is None:
            _warn("WordNet not found: figures that count different kinds of thing are not told apart, a "
                  "nationality is matched to its country by spelling alone, and places of one act are not told "
                  "from places of two; install Debian's wordnet-base, or set CLAIMCHECK_WORDNET to a folder of "
                  "its files")
        else:
            _note(f"prepared {write_noun_kinds(nouns, wordnet)}")
            for stale in nouns.parent.glob("noun-kinds-wordnet-*.tsv"):
                if stale != nouns:
                    stale.unlink()  # a table of an earlier layout, which this version no longer reads
    target = onnx_model_file()
    if target.is_file() and not force:
        _note(f"already prepared: {target}")
        return
    try:
        export_onnx_model(target)
    except ImportError as exc:
        typer.echo(f"error E401: cannot export the model ({exc})\n  hint: pip install torch==2.13.0 onnx onnxruntime",
                   err=True)
        raise typer.Exit(2) from None
    _note(f"prepared {target}")


@app.command("index")
def index_command(
    archive: Annotated[list[Path], typer.Argument(
        metavar="ARCHIVE", help="Folders of .txt/.md stories, or JSON Lines files of {id, date, source, text}.",
        show_default=False)],
    store: Annotated[Path, typer.Option(metavar="FOLDER", help="Where the claims are kept (made if missing).")],
    workers: Annotated[int, typer.Option(min=1, help="Ray workers reading stories; 1 reads in this process.")] = 1,
    ray_address: Annotated[Optional[str], typer.Option(
        help="A running Ray cluster to use (default: a local one with --workers CPUs).")] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Stories read and stored together.")] = 16,
) -> None:
    """Store the claims of an archive of stories, for `check --archive`; re-indexing adds only new or changed stories."""
    try:
        from tqdm import tqdm

        from checker.archive import ArchiveStore, index_archive, index_archive_on_ray, read_archive
        from checker.embed import MODEL_NAME

        stories = list(read_archive(archive, _warn))
        target = ArchiveStore(store, MODEL_NAME, create=True)
        target.lock()
        bar = tqdm(total=len(stories), unit="story", file=sys.stderr, disable=None, desc="indexing")
        try:
            if workers > 1 or ray_address:
                counts = index_archive_on_ray(target, stories, workers, batch_size, bar.update, ray_address)
            else:
                from checker.archive import extraction_checker

                counts = index_archive(extraction_checker(), target, stories, batch_size, bar.update)
        finally:
            bar.close()
        _note(f"{counts.added} stories added, {counts.updated} updated, {counts.unchanged} unchanged; "
              f"{counts.claims} claims stored; the archive holds {target.stories()} stories, {target.claims()} claims")
        target.close()
    except CheckerError as exc:
        typer.echo(exc.render(), err=True)
        raise typer.Exit(2) from None


@app.command("fit")
def fit_command(
    cases: Annotated[list[Path], typer.Argument(
        metavar="CASES", help="Labelled case folders (each with gold.json), or folders of them.", show_default=False)],
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", help="Write the fitted decision model here (default: only print the scores).")] = None,
    folds: Annotated[int, typer.Option(min=2, help="Cross-validation folds, split by case.")] = 5,
    repeats: Annotated[int, typer.Option(
        min=1, help="Cross-validation rounds, each splitting the cases into folds anew; the scores pool them.")] = 5,
    regularisation: Annotated[Optional[float], typer.Option(
        min=1e-6, help="Inverse L2 strength of the logistic model (default: the best of 0.1, 0.3, 1 held out).")] = None,
    force: Annotated[bool, typer.Option(help="Overwrite --output if it exists.")] = False,
    nested: Annotated[bool, typer.Option(
        "--nested", help="Also score the whole procedure held out: regularisation and cut chosen on the training "
                         "folds alone (about --folds times slower).")] = False,
    show_learning_curve: Annotated[bool, typer.Option(
        "--learning-curve", help="Also score models fit on a quarter, half, three quarters and all of each "
                                 "training fold: whether labelling more cases would pay.")] = False,
    rules: RulesOpt = None,
    output_format: Annotated[ExtractFormat, typer.Option("--format", "-f", help="Output format.")] = ExtractFormat.text,
) -> None:
    """Fit the decision model on labelled cases; print its cross-validated (held-out by case) scores."""
    from checker import errors
    from checker.fit import (REGULARISATIONS, CaseError, choose_settings, collect, f_beta, find_cases, fit_model,
                             learning_curve, load_case, nested_cross_validate, trade_off)
    from checker.ruleset import load_rules

    try:
        if output is not None and output.exists() and not force:
            raise CheckerError(errors.E105_UNREADABLE, f"{output}: exists", "give a new file name, or --force")
        try:
            labelled = [load_case(folder) for folder in find_cases(cases)]
        except CaseError as exc:
            raise CheckerError(errors.E501_CASES, str(exc), "see docs/cases.md for the case format") from None
        checker = _build_checker(load_rules(_rule_folders(rules)), None, decide=False)  # fitting makes the decision
        data = []
        for n, case in enumerate(labelled, 1):
            data.append(collect(checker, case))
            _progress(n, len(labelled))
        if len(data) < 2:
            _warn("one case: no fold leaves a case to fit on, so the held-out scores are the rules' own "
                  "confidences; label more cases (docs/cases.md)")
        choices = (regularisation,) if regularisation is not None else REGULARISATIONS
        chosen, cut, tallies = choose_settings(data, folds, choices, repeats)
        scores = tallies[cut].scores()
        curve = trade_off(tallies)
        whole = None
        if nested:
            result = nested_cross_validate(data, folds, choices, repeats, progress=_progress)
            whole = {"scores": result.tally.scores(), "f0.5": round(f_beta(result.tally), 3),
                     "settings": [{"regularisation": c, "min_confidence": t} for c, t in result.settings]}
        validation = {"folds": folds, "repeats": repeats, "min_confidence": cut, "regularisation": chosen,
                      "scores": scores, "by_cut": curve}
        if whole is not None:
            validation["nested"] = whole
        if show_learning_curve:
            validation["learning_curve"] = [
                point.summary() for point in learning_curve(data, folds, chosen, repeats=repeats, progress=_progress)]
        model = fit_model(data, chosen, cut).model_copy(update={"cross_validation": validation})
        if output is not None:
            output.write_text(model.model_dump_json(indent=1) + "\n", encoding="utf-8")
    except CheckerError as exc:
        typer.echo(exc.render(), err=True)
        raise typer.Exit(2) from None
    if output_format is ExtractFormat.json:
        typer.echo(json.dumps({"cases": len(data), **validation}, indent=2))
        return
    rounds = f", {repeats} rounds pooled (reports per round)" if repeats > 1 else ""
    typer.echo(f"{len(data)} cases, {folds}-fold cross-validation by case{rounds}, min confidence {cut}, "
               f"regularisation {chosen}")
    _echo_scores(scores)
    typer.echo("held out at each cut (--min-confidence), all kinds:")
    typer.echo(f"{'cut':10} " + " ".join(f"{c:>6}" for c in curve))
    for name in ("precision", "recall", "f0.5"):
        typer.echo(f"{name:10} " + " ".join(f"{v[name]:6.3f}" for v in curve.values()))
    if whole is not None:
        typer.echo("the whole procedure held out (--nested: regularisation and cut chosen on the training folds "
                   "alone):")
        _echo_scores(whole["scores"])
        chosen_counts = Counter(f"{s['regularisation']}/{s['min_confidence']}" for s in whole["settings"])
        typer.echo(f"f0.5 {whole['f0.5']:.3f}; regularisation/cut chosen per fold: "
                   + ", ".join(f"{k} x{n}" for k, n in sorted(chosen_counts.items())))
    if show_learning_curve:
        _echo_learning_curve(validation["learning_curve"], chosen)
    if output is not None:
        _note(f"wrote {output}; use it with `claimcheck check --decision {output}` or `decision = ...` in the config")


def _echo_learning_curve(points: list[dict], regularisation: float) -> None:
    from checker.fit import F_TOLERANCE

    typer.echo(f"held out, fit on part of each training fold (--learning-curve, regularisation {regularisation}; "
               "each at its best cut):")
    for label, key, width in (("cases", "cases", ".1f"), ("cut", "min_confidence", ".2f"),
                              ("precision", "precision", ".3f"), ("recall", "recall", ".3f"), ("f0.5", "f0.5", ".3f")):
        typer.echo(f"{label:10} " + " ".join(f"{p[key]:6{width}}" for p in points))
    if len(points) > 1 and points[-1]["f0.5"] - points[-2]["f0.5"] > F_TOLERANCE:
        typer.echo("still rising at the full share: more labelled cases should raise these scores (docs/cases.md)")


def _echo_scores(scores: dict[str, dict]) -> None:
    typer.echo(f"{'kind':10} {'precision':>9} {'recall':>7} {'reported':>9} {'labelled':>9}")
    for kind, s in scores.items():
        typer.echo(f"{kind:10} {s['precision']:9.3f} {s['recall']:7.3f} {s['reported']:9} {s['gold']:9}")


def main() -> None:
    """Run the CLI; an unexpected failure is reported in one line, never as a traceback."""
    try:
        app()
    except CheckerError as exc:
        typer.echo(exc.render(), err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - the last line of defence for users
        if os.environ.get("CLAIMCHECK_DEBUG"):
            raise
        typer.echo(f"error: internal error: {exc.__class__.__name__}: {exc}\n"
                   "  hint: rerun with CLAIMCHECK_DEBUG=1 for details and report it", err=True)
        sys.exit(2)
