"""Editorial CI: settings, inline suppressions, baseline, --against, pre-commit and Actions recipes."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
import yaml
from typer.testing import CliRunner

from checker.cli import app
from tests.conftest import ROOT

runner = CliRunner()
STORY = ("Police said about 3,000 people took part in the march on Saturday.\n\n"
         "Organisers said more than 20,000 people took part in the march on Saturday.\n")


def _check(tmp_path, *args: str):
    return runner.invoke(app, ["check", *args], catch_exceptions=False)


@pytest.fixture()
def drafts(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.md").write_text(STORY, encoding="utf-8")
    return tmp_path


def test_ci_config_in_pyproject_ignores_rule(drafts):
    (drafts / "pyproject.toml").write_text('[tool.claimcheck]\nignore = ["NUM"]\n', encoding="utf-8")
    result = _check(drafts, "--format", "json", "story.md")
    assert result.exit_code == 0 and json.loads(result.stdout)["conflicts"] == []


def test_ci_config_severity_override_and_fail_on(drafts):
    (drafts / ".claimcheck.toml").write_text('fail-on = "error"\n[severity]\nNUM101 = "warning"\n', encoding="utf-8")
    result = _check(drafts, "--format", "json", "story.md")
    report = json.loads(result.stdout)
    assert [c["severity"] for c in report["conflicts"]] == ["warning"] and result.exit_code == 0
    assert _check(drafts, "--fail-on", "warning", "story.md").exit_code == 1


def test_ci_config_per_file_ignore(drafts):
    (drafts / ".claimcheck.toml").write_text('[[per-file]]\npaths = ["story.*"]\nignore = ["NUM101"]\n',
                                             encoding="utf-8")
    assert _check(drafts, "story.md").exit_code == 0


def test_ci_config_unknown_key_exit_2(drafts):
    (drafts / ".claimcheck.toml").write_text('fail_on = "warning"\n', encoding="utf-8")
    result = runner.invoke(app, ["check", "story.md"])
    assert result.exit_code == 2
    assert "fail_on" in result.stderr and "did you mean 'fail-on'" in result.stderr


def test_ci_suppression_with_reason(drafts):
    text = STORY.replace("Organisers said", "<!-- claimcheck-ignore NUM101: organisers count everyone -->\nOrganisers said")
    (drafts / "story.md").write_text(text, encoding="utf-8")
    result = _check(drafts, "--format", "json", "story.md")
    assert result.exit_code == 0 and json.loads(result.stdout)["conflicts"] == []


def test_ci_suppression_without_reason_is_not_applied(drafts):
    (drafts / "story.md").write_text("<!-- claimcheck-ignore NUM101 -->\n" + STORY, encoding="utf-8")
    result = _check(drafts, "story.md")
    assert result.exit_code == 1 and "has no reason" in result.stderr


def test_ci_unused_suppression_warns(drafts):
    (drafts / "story.md").write_text("<!-- claimcheck-ignore DAT301: dates checked by hand -->\n" + STORY,
                                     encoding="utf-8")
    result = _check(drafts, "story.md")
    assert "matches no conflict" in result.stderr


def test_ci_baseline_survives_edits_and_catches_new_conflicts(drafts):
    written = runner.invoke(app, ["baseline", "--output", "base.json", "story.md"])
    assert written.exit_code == 0 and json.loads((drafts / "base.json").read_text())["conflicts"]
    assert _check(drafts, "--baseline", "base.json", "story.md").exit_code == 0
    edited = "A new opening paragraph about the weather.\n\n" + STORY
    (drafts / "story.md").write_text(edited, encoding="utf-8")
    assert _check(drafts, "--baseline", "base.json", "story.md").exit_code == 0
    (drafts / "story.md").write_text(edited + "\nThe ministry said 12 people died in the crush.\n\n"
                                     "Hospital officials said 30 people died in the crush.\n", encoding="utf-8")
    result = _check(drafts, "--baseline", "base.json", "--format", "json", "story.md")
    assert result.exit_code == 1 and len(json.loads(result.stdout)["conflicts"]) == 1


def test_ci_baseline_never_overwrites_other_files(drafts):
    result = runner.invoke(app, ["baseline", "--output", "story.md", "story.md"])
    assert result.exit_code == 2 and (drafts / "story.md").read_text(encoding="utf-8") == STORY
    (drafts / "notes.json").write_text('{"mine": true}', encoding="utf-8")
    result = runner.invoke(app, ["baseline", "--output", "notes.json", "story.md"])
    assert result.exit_code == 2 and (drafts / "notes.json").read_text() == '{"mine": true}'


def test_ci_against_reports_only_draft_conflicts(drafts):
    (drafts / "draft.md").write_text("The ministry said 12 people died in the crush.\n", encoding="utf-8")
    (drafts / "wire.txt").write_text("Hospital officials said 30 people died in the crush.\n", encoding="utf-8")
    result = _check(drafts, "--format", "json", "draft.md", "--against", "wire.txt", "--against", "story.md")
    conflicts = json.loads(result.stdout)["conflicts"]
    assert conflicts and all(any(c["document"] == "draft.md" for c in k["claims"]) for k in conflicts)


def test_ci_output_file(drafts):
    result = _check(drafts, "--format", "sarif", "--output", "out.sarif", "story.md")
    assert result.stdout == "" and json.loads((drafts / "out.sarif").read_text())["version"] == "2.1.0"


def test_ci_pre_commit_hook_runs(tmp_path):
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "claimcheck" and hook["language"] == "python"
    draft = tmp_path / "story.md"
    draft.write_text(STORY, encoding="utf-8")
    entry = hook["entry"].split()
    assert entry[0] == "claimcheck"
    result = subprocess.run([sys.executable, "-m", "checker", *entry[1:], str(draft)], capture_output=True, text=True)
    assert result.returncode == 1 and "NUM101" in result.stdout


def test_ci_actions_recipe_commands_run(tmp_path):
    docs = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    workflow = yaml.safe_load(re.search(r"```yaml\n(# \.github/workflows.*?)```", docs, re.S).group(1))
    runs = [step["run"] for step in workflow["jobs"]["check-drafts"]["steps"] if "run" in step]
    checks = [r for r in runs if r.startswith("claimcheck check --format github")]
    assert checks
    draft = tmp_path / "story.md"
    draft.write_text(STORY, encoding="utf-8")
    args = checks[0].split()[1:-1] + [str(draft)]
    result = subprocess.run([sys.executable, "-m", "checker", *args], capture_output=True, text=True)
    assert result.returncode == 1 and result.stdout.startswith("::error file=")
