"""Pydantic models: documents, claims, groups, conflicts and the report."""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.2"  # 1.1: claims from an archive carry `archived`; 1.2: conflicts carry `evidence`

ClaimKind = Literal["numeric", "date", "statement"]
Stance = Literal["asserted", "negated", "denied", "hedged", "reported"]
Qualifier = Literal["exact", "range", "lower_bound", "upper_bound", "approximate", "vague"]
Severity = Literal["info", "warning", "error"]
ConflictKind = Literal["numeric", "polarity", "date", "attribute", "scope"]

SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(Frozen):
    """Character offsets into a document's decoded text; `end` is exclusive."""

    document: str
    start: int
    end: int


class Document(Frozen):
    """One input file: its path as given and its decoded text."""

    path: str
    text: str
    # Text the extractor reads: markup, code and link targets blanked out, same length as `text`.
    analysis_text: str
    markdown: bool = False

    def slice(self, start: int, end: int) -> str:
        return self.text[start:end]

    def line_col(self, offset: int) -> tuple[int, int]:
        """Return the 1-based line and column of `offset` (for display only)."""
        starts = _line_starts(self.text)
        line = bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1


@lru_cache(maxsize=64)
def _line_starts(text: str) -> tuple[int, ...]:
    # NOTE: cached, since every claim of a report asks for its line; texts do not change.
    return (0, *(i + 1 for i, ch in enumerate(text) if ch == "\n"))


class Speaker(Frozen):
    """Who makes a claim inside a document; `key` is the same for every mention."""

    key: str
    name: str
    organisation: str | None = None
    named: bool = True


class Quantity(Frozen):
    """A figure as an interval: an open end is None."""

    text: str
    low: float | None
    high: float | None
    qualifier: Qualifier
    unit: str | None = None
    # The counted thing with its modifiers: "Syrian militants", "per cent of voters".
    counted: str | None = None
    tolerance: float = 0.0
    # low and high are in the canonical unit; this is what one written unit is worth in it.
    unit_factor: float = 1.0


class DateValue(Frozen):
    """A date or weekday, resolved against the dateline where the text allows."""

    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # Monday = 0
    season: str | None = None
    # Part of a year as its first and last month: "early 2027" is (1, 4), "the second half of 2027" (7, 12).
    months: tuple[int, int] | None = None
    part_of_day: str | None = None
    # The time of day as minutes after midnight, first and last: "at about 6:40 a.m." is (370, 430).
    time_of_day: tuple[int, int] | None = None


class Attribute(Frozen):
    """A categorical value ("Social Democrats", class party) said of `anchor` through `frame`."""

    cls: str
    value: str
    frame: str
    anchor: str
    # Names the documents themselves put this place inside or around ("Velmora" for "East Tarn",
    # from "Velmora's East Tarn province"): a place and a part of it are not rival values.
    linked_places: list[str] = Field(default_factory=list)
    # The frame is a verb, an act that happened at the value ("set off from"), not a noun ("bank of").
    act: bool = False


class Claim(Frozen):
    id: str
    document: str
    start: int
    end: int
    text: str
    kind: ClaimKind
    speaker: str | None = Field(description="Display name of the speaker; null for the document's own voice.")
    speaker_key: str | None = None
    organisation: str | None = None
    stance: Stance
    quantity: Quantity | None = None
    date: DateValue | None = None
    # Stance-free content: what is claimed, with negation and hedges removed.
    content: str = ""
    subject: str = ""
    # For figures: what they count, from rules/lexicon/measures.toml ("deaths", "turnout").
    measure: str | None = None
    # For figures: whose they are, where the parse names it ("Portugal's 510 deaths", "the Civic Union
    # took 36 seats"), and the entity label of that name ("GPE", "ORG", "PERSON").
    holder: str | None = None
    holder_label: str | None = None
    # For figures: named as a whole that others are parts of: the whole of a share ("43 of the 120
    # seats") or the size of what it describes ("the 120-seat chamber").
    whole: bool = False
    # Lemma of the clause's main verb or predicate ("leave", "remain"); for a date, of what happened
    # on it, with its particle or object ("set off", "see starlight").
    predicate: str = ""
    sentence_start: int = 0
    sentence_end: int = 0
    # Time the claim refers to ("before the evacuation", "in March"), when the text gives one.
    time_frame: str | None = None
    # The first date the claim's clause names, resolved against the dateline, and how many days
    # before the story was filed it falls (0: the day of filing) when the day and the filing are known.
    when: DateValue | None = None
    days_before_filing: int | None = None
    # planned: scheduled or expected; revised: a figure the text marks as superseded.
    # part: a figure for part of another ("including six children").
    modality: Literal["actual", "planned", "revised", "opinion", "part"] = "actual"
    # The text marks the claim as an update of an earlier figure ("later rose to 24").
    updated: bool = False
    # For figures: "inclusive" ("including ..."), "additive" ("plus ..."), "restrictive" ("... alone",
    # "directly"), "total" ("across all ...") and the set or word that says so.
    scope_relation: Literal["inclusive", "additive", "restrictive", "total"] | None = None
    scope_set: str | None = None
    # For attribute claims: the categorical value the claim gives.
    attribute: Attribute | None = None
    # The claim whose content this one denies (the asserting speaker's claim), if any.
    denies: str | None = None
    # The claim stands inside a direct quotation in its sentence (a source's own words).
    quoted: bool = False
    # The claim is in the document's headline, which sums up the story rather than reporting it.
    headline: bool = False
    # For a figure in a Markdown table: the row it stands in (its first cell).
    table_row: str | None = None
    # How many claims of its kind come before it in its document, and how many there are.
    place_in_document: int = 0
    kind_in_document: int = 1


class ClaimGroup(Frozen):
    id: str
    subject: str
    claim_ids: list[str]
    cohesion: float


class ConflictClaim(Frozen):
    """A claim as it appears in a conflict, with its display position."""

    document: str
    start: int
    end: int
    line: int
    column: int
    text: str
    speaker: str | None
    stance: Stance
    claim_id: str
    # For a claim from an archive (`check --archive`): the story's id, date and source.
    archived: dict[str, str | None] | None = None


class Conflict(Frozen):
    code: str
    rule: str
    kind: ConflictKind
    severity: Severity
    confidence: float
    message: str
    reason: str
    # What weighs most toward the conflict in the decision model, in words ("two sources", "both
    # count one measure"); empty where the rule has no fitted model.
    evidence: list[str] = Field(default_factory=list)
    group: str | None = None
    fingerprint: str
    claims: list[ConflictClaim]


class DocumentInfo(Frozen):
    path: str
    characters: int
    claims: int


class Report(Frozen):
    schema_version: str = SCHEMA_VERSION
    tool_version: str
    documents: list[DocumentInfo]
    rules_run: list[str]
    groups: list[ClaimGroup] = Field(default_factory=list)
    conflicts: list[Conflict]
    warnings: list[str] = Field(default_factory=list)
