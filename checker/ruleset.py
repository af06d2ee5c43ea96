"""Load and validate the contradiction rules in `rules/*.toml` (one rule per file)."""

from __future__ import annotations

import difflib
import re
import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from checker import errors
from checker.errors import CheckerError
from checker.kinds import KINDS
from checker.models import Severity

SHIPPED_RULES = Path(__file__).resolve().parent.parent / "rules"
_CODE = re.compile(r"^[A-Z]{2,4}\d{3}$")
_NAME = re.compile(r"^[a-z][a-z0-9-]*$")


class RuleDoc(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    flags: str
    why: str
    not_flagged: str


class RuleExamples(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    # Each example is a list of documents (texts); a one-item list is one story.
    fail: list[list[str]] = Field(min_length=1)
    pass_: list[list[str]] = Field(alias="pass", min_length=1)
    # Examples that should pass but that the fitted decision still flags: shown by `rules test`
    # as known false alarms, so the documentation never claims more than the checker does.
    known_false_alarms: list[list[str]] = Field(default_factory=list, alias="known-false-alarms")


class RuleSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    code: str
    name: str
    kind: str
    severity: Severity
    message: str
    aliases: list[str] = Field(default_factory=list)
    params: dict[str, Any] = Field(default_factory=dict)
    doc: RuleDoc
    examples: RuleExamples
    path: str = ""

    def parsed_params(self) -> BaseModel:
        return KINDS[self.kind].params.model_validate(self.params)


def rule_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.toml") if p.is_file())


def load_rules(folders: list[Path]) -> list[RuleSpec]:
    """Load every rule file in `folders`; later folders may not reuse an earlier code."""
    rules: dict[str, RuleSpec] = {}
    for folder in folders:
        if not folder.is_dir():
            raise CheckerError(errors.E204_RULES_DIR, f"{folder}: rules folder not found", "pass an existing folder to --rules")
        for path in rule_files(folder):
            rule = load_rule(path)
            if rule.code in rules:
                raise CheckerError(errors.E203_RULE_VALUE, f"{path}: code {rule.code} is already used by {rules[rule.code].path}",
                                   "give the rule a code of its own")
            rules[rule.code] = rule
    return sorted(rules.values(), key=lambda r: r.code)


def load_rule(path: Path) -> RuleSpec:
    """Load one rule file, naming the file, the key and the fix on any error."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise CheckerError(errors.E201_RULE_TOML, f"{path}: not UTF-8 text", "save the rule file as UTF-8") from exc
    except tomllib.TOMLDecodeError as exc:
        raise CheckerError(errors.E201_RULE_TOML, f"{path}: not valid TOML ({exc})", "fix the TOML syntax") from exc
    try:
        rule = RuleSpec.model_validate({**data, "path": str(path)})
    except ValidationError as exc:
        # NOTE: a misspelt key shows up as an unknown key and a missing one; name the unknown one.
        first = sorted(exc.errors(), key=lambda e: e["type"] != "extra_forbidden")[0]
        key = ".".join(str(p) for p in first["loc"]) or "(top level)"
        valid = [k for k in RuleSpec.model_fields if k != "path"]
        close = difflib.get_close_matches(str(first["loc"][-1]), valid, n=1) if first["loc"] else []
        hint = (f"did you mean '{close[0]}'? " if close else "") + (
            f"valid keys: {', '.join(valid)}" if first["type"] == "extra_forbidden" else "see rules/README.md for the rule format")
        raise CheckerError(errors.E202_RULE_KEY, f"{path}: key '{key}': {first['msg']}", hint) from exc
    _check_rule(rule, path)
    return rule


def _check_rule(rule: RuleSpec, path: Path) -> None:
    if not _CODE.match(rule.code):
        raise CheckerError(errors.E203_RULE_VALUE, f"{path}: key 'code': '{rule.code}' is not a rule code",
                           "use two to four capital letters and three digits, e.g. NUM101")
    if not _NAME.match(rule.name):
        raise CheckerError(errors.E203_RULE_VALUE, f"{path}: key 'name': '{rule.name}' is not a rule name",
                           "use lowercase words joined by hyphens, e.g. figures-disagree")
    if rule.kind not in KINDS:
        raise CheckerError(errors.E203_RULE_VALUE, f"{path}: key 'kind': unknown kind '{rule.kind}'",
                           f"use one of: {', '.join(sorted(KINDS))}")
    try:
        rule.parsed_params()
    except ValidationError as exc:
        first = exc.errors()[0]
        key = "params." + ".".join(str(p) for p in first["loc"])
        valid = ", ".join(KINDS[rule.kind].params.model_fields)
        raise CheckerError(errors.E202_RULE_KEY, f"{path}: key '{key}': {first['msg']}",
                           f"valid params for kind '{rule.kind}': {valid}") from exc
    try:
        rule.message.format(**{k: "" for k in MESSAGE_FIELDS})
    except (KeyError, IndexError, ValueError) as exc:
        raise CheckerError(errors.E203_RULE_VALUE, f"{path}: key 'message': unknown placeholder {exc}",
                           f"placeholders: {', '.join('{' + f + '}' for f in MESSAGE_FIELDS)}") from exc


MESSAGE_FIELDS = ("source_a", "source_b", "quote_a", "quote_b", "value_a", "value_b", "subject", "detail")


def select_rules(rules: list[RuleSpec], select: list[str] | None, ignore: list[str] | None) -> list[RuleSpec]:
    """Keep rules whose code, name or alias starts with a `select` entry and none of `ignore`."""

    def hit(rule: RuleSpec, patterns: list[str]) -> bool:
        names = [rule.code, rule.name, *rule.aliases]
        return any(n.upper().startswith(p.upper()) for p in patterns for n in names)

    chosen = [r for r in rules if not select or hit(r, select)]
    return [r for r in chosen if not ignore or not hit(r, ignore)]


def find_rule(rules: list[RuleSpec], code: str) -> RuleSpec | None:
    for rule in rules:
        if code.upper() == rule.code or code in (rule.name, *rule.aliases):
            return rule
    return None
