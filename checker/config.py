"""Project settings from `.claimcheck.toml` or `[tool.claimcheck]` in `pyproject.toml`."""

from __future__ import annotations

import difflib
import fnmatch
import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from checker import errors
from checker.errors import CheckerError

SeverityName = Literal["info", "warning", "error"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PerFile(_Strict):
    """Settings for the documents whose path matches one of `paths` (glob patterns)."""

    paths: list[str] = Field(min_length=1)
    select: list[str] | None = None
    ignore: list[str] = Field(default_factory=list)


class Config(_Strict):
    rules: list[Path] = Field(default_factory=list, description="Extra rules folders.")
    select: list[str] | None = None
    ignore: list[str] = Field(default_factory=list)
    fail_on: SeverityName = Field("error", alias="fail-on")
    severity: dict[str, SeverityName] = Field(default_factory=dict, description="Severity overrides by rule code.")
    cache: Path | None = None
    baseline: Path | None = None
    decision: Path | None = Field(None, description="Decision model file (from `claimcheck fit`).")
    min_confidence: float | None = Field(None, alias="min-confidence", ge=0, le=1)
    per_file: list[PerFile] = Field(default_factory=list, alias="per-file")
    source: str = Field("", exclude=True, description="The file these settings came from.")

    def ignored_for(self, path: str) -> tuple[list[str] | None, list[str]]:
        """Return (select, ignore) for the document at `path`, per-file settings applied."""
        select, ignore = self.select, list(self.ignore)
        for entry in self.per_file:
            if any(fnmatch.fnmatch(path, pattern) for pattern in entry.paths):
                select = entry.select if entry.select is not None else select
                ignore += entry.ignore
        return select, ignore


def find_config(start: Path) -> Path | None:
    """Return the nearest `.claimcheck.toml`, or `pyproject.toml` with [tool.claimcheck], from `start` up."""
    for folder in [start, *start.parents]:
        own = folder / ".claimcheck.toml"
        if own.is_file():
            return own
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                if "claimcheck" in tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {}):
                    return pyproject
            except (tomllib.TOMLDecodeError, UnicodeDecodeError):
                continue
    return None


def load_config(path: Path | None) -> Config:
    """Load settings from `path` (None: defaults), with paths made relative to the file."""
    if path is None:
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise CheckerError(errors.E301_CONFIG, f"{path}: no such config file", "check the --config path") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise CheckerError(errors.E301_CONFIG, f"{path}: not valid TOML ({exc})", "fix the TOML syntax") from exc
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("claimcheck", {})
    try:
        config = Config.model_validate(data)
    except ValidationError as exc:
        first = sorted(exc.errors(), key=lambda e: e["type"] != "extra_forbidden")[0]
        key = ".".join(str(p) for p in first["loc"])
        valid = [f.alias or name for name, f in Config.model_fields.items() if name != "source"]
        close = difflib.get_close_matches(str(first["loc"][-1]), valid, n=1)
        hint = (f"did you mean '{close[0]}'? " if close else "") + f"valid keys: {', '.join(valid)}"
        raise CheckerError(errors.E301_CONFIG, f"{path}: key '{key}': {first['msg']}", hint) from exc
    base = path.parent
    return config.model_copy(update={
        "rules": [base / p for p in config.rules],
        "cache": base / config.cache if config.cache else None,
        "baseline": base / config.baseline if config.baseline else None,
        "decision": base / config.decision if config.decision else None,
        "source": str(path),
    })
