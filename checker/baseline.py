"""A baseline of accepted conflicts, recorded by fingerprints of their normalised claims."""

from __future__ import annotations

import json
from pathlib import Path

from checker import errors
from checker.errors import CheckerError
from checker.models import Conflict

BASELINE_KIND = "claimcheck-baseline"


def write_baseline(path: Path, conflicts: list[Conflict]) -> None:
    """Record `conflicts` in `path`; refuse to overwrite a file that is not a baseline."""
    if path.exists():
        read_baseline(path)  # raises unless it is a baseline we wrote
    entries = sorted({c.fingerprint: {"fingerprint": c.fingerprint, "code": c.code, "message": c.message}
                      for c in conflicts}.values(), key=lambda e: (e["code"], e["fingerprint"]))
    payload = {"kind": BASELINE_KIND, "version": 1, "conflicts": entries}
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(path)


def read_baseline(path: Path) -> set[str]:
    """Return the fingerprints recorded in the baseline at `path`."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise CheckerError(errors.E301_CONFIG, f"{path}: no such baseline",
                           "create it with: claimcheck baseline --output PATH DOC...") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise CheckerError(errors.E301_CONFIG, f"{path}: not a claimcheck baseline (not JSON)",
                           "pass the file written by `claimcheck baseline`") from exc
    if not isinstance(data, dict) or data.get("kind") != BASELINE_KIND:
        raise CheckerError(errors.E301_CONFIG, f"{path}: not a claimcheck baseline",
                           "pass the file written by `claimcheck baseline`; it will not be overwritten")
    return {e["fingerprint"] for e in data.get("conflicts", []) if isinstance(e, dict) and "fingerprint" in e}
