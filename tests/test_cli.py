"""The command line: contracts on stdout, exit codes, stdin, Markdown offsets, bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from tests.conftest import ROOT

runner = CliRunner()
RAQQA = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "examples" / "raqqa").iterdir())
CONFLICTING = (
    "Police said about 3,000 people took part in the march on Saturday. "
    "Organisers said more than 20,000 people took part in the march on Saturday.\n"
)


def _run(*args: str, stdin: str | None = None):
    return runner.invoke(app, list(args), input=stdin, catch_exceptions=False)


def test_cli_help_and_version_do_not_load_torch():
    code = ("import sys\nfrom typer.testing import CliRunner\nfrom checker.cli import app\n"
            "r = CliRunner().invoke(app, ['--help']); v = CliRunner().invoke(app, ['--version'])\n"
            "l = CliRunner().invoke(app, ['rules', 'list'])\n"
            "assert r.exit_code == v.exit_code == l.exit_code == 0, (r.output, v.output, l.output)\n"
            "print(v.output.strip(), 'torch' in sys.modules, 'spacy' in sys.modules, "
            "'sentence_transformers' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["claimcheck", "0.1.0", "False", "False", "False"]


def test_cli_python_m_checker_works():
    out = subprocess.run([sys.executable, "-m", "checker", "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "claimcheck 0.1.0"


def test_cli_check_json_contract(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = _run("check", "--format", "json", *RAQQA)
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["schema_version"] and report["conflicts"]
    texts = {p: Path(ROOT / p).read_text(encoding="utf-8") for p in RAQQA}
    for conflict in report["conflicts"]:
        assert len(conflict["claims"]) >= 2
        for claim in conflict["claims"]:
            assert claim["document"] in RAQQA  # the path as given
            assert isinstance(claim["start"], int) and isinstance(claim["end"], int)
            assert texts[claim["document"]][claim["start"]:claim["end"]] == claim["text"]


def test_cli_check_text_report_is_greppable(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = _run("check", *RAQQA)
    flagged = [line for line in result.stdout.splitlines() if line.startswith("examples/")]
    assert len(flagged) == len(json.loads(_run("check", "--format", "json", *RAQQA).stdout)["conflicts"])
    for line in flagged:
        path, row, col, rest = line.split(":", 3)
        assert path in RAQQA and row.isdigit() and col.isdigit() and rest.split()[1] in ("error", "warning", "info")
    assert "conflict" in result.stdout.splitlines()[-1]


def test_cli_check_text_report_shows_claim_matrix(monkeypatch):
    monkeypatch.chdir(ROOT)
    out = _run("check", *RAQQA).stdout
    assert "  Talal Selo (examples/raqqa/sdf_statement.txt)" in out
    assert "“The civilians exited completely”" in out and "\x1b[" not in out  # plain text when piped


def test_cli_exit_zero_without_conflicts(tmp_path):
    doc = tmp_path / "calm.txt"
    doc.write_text("The council met on Tuesday. It approved the budget.\n", encoding="utf-8")
    result = _run("check", "--format", "json", str(doc))
    assert result.exit_code == 0 and json.loads(result.stdout)["conflicts"] == []


def test_cli_reads_stdin():
    result = _run("check", "--format", "json", "-", stdin=CONFLICTING)
    assert result.exit_code == 1
    claims = json.loads(result.stdout)["conflicts"][0]["claims"]
    assert {c["document"] for c in claims} == {"-"}
    assert all(CONFLICTING[c["start"]:c["end"]] == c["text"] for c in claims)


def test_cli_markdown_offsets_point_into_original_file(tmp_path):
    text = ("---\ntitle: 9,000 marchers\n---\n# March\n\n```\ncount = 7\n```\n\n" + CONFLICTING
            + "\nSee [figures](https://example.org/500-people).\n")
    doc = tmp_path / "draft.md"
    doc.write_text(text, encoding="utf-8")
    result = _run("extract", "--format", "json", str(doc))
    claims = json.loads(result.stdout)["claims"]
    assert claims
    for claim in claims:
        assert text[claim["start"]:claim["end"]] == claim["text"]
        assert claim["start"] > text.index("count = 7")
        assert not any(hidden in claim["text"] for hidden in ("9,000", "count = 7", "500-people"))
    assert {c["quantity"]["low"] for c in claims if c["kind"] == "numeric"} == {3000, 20000}


def test_cli_extract_json_fields():
    result = _run("extract", "--format", "json", "-", stdin=CONFLICTING)
    claims = json.loads(result.stdout)["claims"]
    numeric = [c for c in claims if c["kind"] == "numeric"]
    assert numeric
    for claim in claims:
        assert {"document", "start", "end", "text", "kind", "speaker", "stance"} <= claim.keys()
        assert claim["kind"] in ("numeric", "date", "statement")
        assert claim["stance"] in ("asserted", "negated", "denied", "hedged", "reported")
    q = numeric[0]["quantity"]
    assert {"low", "high", "qualifier", "unit"} <= q.keys()
    assert numeric[0]["speaker"] == "Police" and q["low"] == 3000


def test_cli_extract_reads_documents_together_as_check_does(tmp_path):
    release = tmp_path / "release.txt"
    release.write_text("Halvard Foods agreed to buy Brightmill for NOK 3.2 billion.\n", encoding="utf-8")
    wire = tmp_path / "wire.txt"
    wire.write_text("Halvard said on Monday it would buy Brightmill for 3.6 billion crowns.\n", encoding="utf-8")
    result = _run("extract", "--format", "json", str(release), str(wire))
    units = {c["document"]: c["quantity"]["unit"] for c in json.loads(result.stdout)["claims"] if c["kind"] == "numeric"}
    assert units == {str(release): "NOK", str(wire): "NOK"}  # "crowns": the one crown currency named


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "missing-file.txt"], "no such file"),
        (["check", "."], "is a directory"),
        (["check", "--format", "yaml", "x.txt"], "yaml"),
        (["check", "--rules", "no-such-rules-dir", "-"], "rules folder not found"),
        (["rules", "explain", "XYZ999"], "no rule"),
        (["frobnicate"], "No such command"),
    ],
)
def test_cli_usage_and_input_errors_exit_2(args, message):
    result = subprocess.run([sys.executable, "-m", "checker", *args], capture_output=True, text=True, cwd=ROOT,
                            input="", env={**os.environ, "NO_COLOR": "1"})
    assert result.returncode == 2, result.stderr
    assert message in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_cli_binary_file_exit_2(tmp_path):
    doc = tmp_path / "photo.txt"
    doc.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = runner.invoke(app, ["check", str(doc)])
    assert result.exit_code == 2 and "binary" in result.stderr


def test_cli_empty_file_is_a_clean_run(tmp_path):
    doc = tmp_path / "empty.txt"
    doc.write_text("", encoding="utf-8")
    result = _run("check", "--format", "json", str(doc))
    assert result.exit_code == 0 and json.loads(result.stdout)["conflicts"] == []


def test_cli_malformed_rules_folder_exit_2(tmp_path):
    (tmp_path / "broken.toml").write_text('code = "NUM999"\nname = \n', encoding="utf-8")
    result = runner.invoke(app, ["rules", "list", "--rules", str(tmp_path)])
    assert result.exit_code == 2 and "broken.toml" in result.stderr and "not valid TOML" in result.stderr


def test_cli_rules_explain():
    result = _run("rules", "explain", "NUM101")
    assert result.exit_code == 0
    assert "## What it flags" in result.stdout and "## Not flagged" in result.stdout
