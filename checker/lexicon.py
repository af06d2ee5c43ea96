"""The word lists and tolerances that extraction reads from `rules/lexicon/*.toml`."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from checker import errors
from checker.errors import CheckerError


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RoundingParams(_Strict):
    min_trailing_zeros: int = Field(2, ge=1)
    tolerance: float = Field(0.05, ge=0, le=1)


class BoundWords(_Strict):
    lower_strict: list[str]
    lower: list[str]
    upper_strict: list[str]
    upper: list[str]
    below_near: list[str]
    above_near: list[str]
    lower_after: list[str] = []
    upper_after: list[str] = []


class QuantityLexicon(_Strict):
    approximate: dict[str, float]
    rounding: RoundingParams
    bounds: BoundWords
    vague: dict[str, list[float]]
    vague_tolerance: float = Field(0.1, ge=0, le=1)
    zero_words: list[str] = []


class StanceLexicon(_Strict):
    speech_verbs: list[str]
    denial_verbs: list[str]
    hedge_words: list[str]
    hedge_verbs: list[str]
    negators: list[str]
    negative_verbs: list[str]
    opposite_predicates: list[list[str]]
    planned_markers: list[str]
    planned_verbs: list[str]
    revised_markers: list[str]
    update_markers: list[str]
    opinion_verbs: list[str]
    no_comment_phrases: list[str]


class AttributeLexicon(_Strict):
    classes: list[str]
    party_words: list[str]
    publication_verbs: list[str]
    origin_verbs: list[str]
    ignored_frames: list[str]
    attack_words: list[str] = []
    involvement_words: list[str] = []
    place_prepositions: list[str] = []
    cause_verbs: list[str] = []
    cause_links: list[str] = []
    sides: dict[str, list[str]] = {}

    def side_of(self, word: str) -> str | None:
        """The side a word names ("army" -> "government"), if any."""
        return next((side for side, words in self.sides.items() if word in words), None)


class MeasureLexicon(_Strict):
    measures: dict[str, list[str]]
    # The units a measure's figures take; a measure not listed counts things (no unit) or gives a share.
    units: dict[str, list[str]] = {}

    @model_validator(mode="after")
    def _units_name_measures(self) -> MeasureLexicon:
        unknown = sorted(set(self.units) - set(self.measures))
        if unknown:
            raise ValueError(f"[units] names {', '.join(unknown)}, which [measures] does not define")
        return self

    def takes_unit(self, measure: str, unit: str | None) -> bool:
        """Whether a figure in `unit` can be a figure of `measure`: "a nine-year-old girl" counts no deaths."""
        allowed = self.units.get(measure, ["count", "percent"])
        return "any" in allowed or (unit or "count") in allowed

    def measure_of(self, text: str, anchor: int, unit: str | None = None) -> str | None:
        """The measure named nearest to position `anchor` in `text` that a figure in `unit` can have, if any."""
        best: tuple[int, str] | None = None
        low = text.lower()
        for measure, words in self.measures.items():
            if not self.takes_unit(measure, unit):
                continue
            for word in words:
                for m in re.finditer(rf"\b{re.escape(word)}\b", low):
                    distance = min(abs(m.start() - anchor), abs(m.end() - anchor))
                    if best is None or distance < best[0]:
                        best = (distance, measure)
        return best[1] if best else None

    def measure_after(self, text: str, end: int, max_words: int) -> tuple[str, int, int] | None:
        """The measure named within `max_words` words after position `end`, and where its name starts and ends."""
        window = re.match(rf"(?:\W*[\w'-]+){{0,{max_words}}}", text[end:])
        stretch = text[end:end + window.end()].lower() if window else ""
        best: tuple[int, str, int] | None = None
        for measure, words in self.measures.items():
            for word in words:
                m = re.search(rf"\b{re.escape(word)}\b", stretch)
                if m and (best is None or m.start() < best[0]):
                    best = (m.start(), measure, end + m.end())
        return (best[1], end + best[0], best[2]) if best else None


class Lexicon(_Strict):
    quantities: QuantityLexicon
    stance: StanceLexicon
    attributes: AttributeLexicon
    measures: MeasureLexicon


def load_lexicon(rules_dir: Path) -> Lexicon:
    """Load and validate `rules_dir`/lexicon/quantities.toml, stance.toml, attributes.toml and measures.toml."""
    folder = rules_dir / "lexicon"
    parts = {}
    for name, model in (("quantities", QuantityLexicon), ("stance", StanceLexicon), ("attributes", AttributeLexicon),
                        ("measures", MeasureLexicon)):
        path = folder / f"{name}.toml"
        parts[name] = _load_part(path, model)
    return Lexicon(**parts)


def _load_part(path: Path, model: type[BaseModel]) -> BaseModel:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise CheckerError(errors.E204_RULES_DIR, f"{path}: missing", "restore it from the shipped rules/") from exc
    except tomllib.TOMLDecodeError as exc:
        raise CheckerError(errors.E201_RULE_TOML, f"{path}: not valid TOML ({exc})", "fix the TOML syntax") from exc
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        key = ".".join(str(p) for p in first["loc"])
        raise CheckerError(
            errors.E202_RULE_KEY,
            f"{path}: key '{key}': {first['msg']}",
            f"valid top-level keys: {', '.join(model.model_fields)}",
        ) from exc
