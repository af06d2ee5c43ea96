"""Reading documents: encodings, refusals, Markdown that holds no claims, offsets kept."""

from __future__ import annotations

import pytest

from checker.errors import CheckerError
from checker.ingest import TableCell, markdown_table_cells, mask_markdown, read_document

MARKDOWN = """---
title: 300 people
---
# Storm hits the coast

Officials said 40 people were hurt. See [the report](https://example.org/2024/300-dead).

```
total = 9000
```

Police said `12` were arrested.
"""


def test_ingest_markdown_keeps_offsets():
    masked = mask_markdown(MARKDOWN)
    assert len(masked) == len(MARKDOWN)
    assert [i for i, ch in enumerate(MARKDOWN) if ch == "\n"] == [i for i, ch in enumerate(masked) if ch == "\n"]


@pytest.mark.parametrize("hidden", ["title: 300 people", "https://example.org/2024/300-dead", "total = 9000", "`12`"])
def test_ingest_markdown_blanks_what_holds_no_claims(hidden):
    masked = mask_markdown(MARKDOWN)
    start = MARKDOWN.index(hidden)
    assert masked[start:start + len(hidden)].strip() == ""


@pytest.mark.parametrize("kept", ["Officials said 40 people were hurt.", "Storm hits the coast", "the report"])
def test_ingest_markdown_keeps_prose(kept):
    start = MARKDOWN.index(kept)
    assert mask_markdown(MARKDOWN)[start:start + len(kept)] == kept


TABLE = """The latest polling average:

| Party | Polling average | 2022 result |
|---|:---:|---|
| Social Democrats | 24% | 20.9% |
| Centre Party | 19% |  |

Turnout was 71.8%.
"""


def test_ingest_table_cells_know_their_row_and_column():
    cells = markdown_table_cells(TABLE)
    assert [(TABLE[c.start:c.end], c.row, c.column) for c in cells] == [
        ("24%", "Social Democrats", "Polling average"), ("20.9%", "Social Democrats", "2022 result"),
        ("19%", "Centre Party", "Polling average")]  # an empty cell is none
    assert all(isinstance(c, TableCell) for c in cells)


def test_ingest_table_in_code_is_no_table_and_markup_is_no_name():
    text = ("```\n| a | b |\n|---|---|\n| x | 12 |\n```\n\n"
            "| Party | **Polling** average |\n|---|---|\n| **Social Democrats** | **24%** |\n")
    assert [(text[c.start:c.end], c.row, c.column) for c in markdown_table_cells(text)] == [
        ("24%", "Social Democrats", "Polling average")]


def test_ingest_table_is_read_apart_from_the_prose():
    masked = mask_markdown(TABLE)
    assert "|" not in masked and "24%" not in masked  # cells are read by row and column instead
    assert "Turnout was 71.8%." in masked and "The latest polling average:" in masked


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda p: p / "missing.txt", "E101"),
        (lambda p: p, "E102"),
        (lambda p: _write(p / "bin.txt", b"\x00\x01\x02binary"), "E103"),
        (lambda p: _write(p / "story.pdf", b"%PDF-1.4"), "E106"),
    ],
)
def test_ingest_refuses_bad_input(tmp_path, make, code):
    with pytest.raises(CheckerError) as info:
        read_document(str(make(tmp_path)), lambda m: None)
    assert info.value.code == code
    assert info.value.hint


def test_ingest_refuses_huge_file(tmp_path, monkeypatch):
    import checker.ingest as ingest

    monkeypatch.setattr(ingest, "MAX_BYTES", 1000)
    path = _write(tmp_path / "big.txt", b"x" * 2000)
    with pytest.raises(CheckerError) as info:
        read_document(str(path), lambda m: None)
    assert info.value.code == "E104"


def test_ingest_replaces_invalid_utf8_and_says_so(tmp_path):
    warnings: list[str] = []
    path = _write(tmp_path / "latin.txt", "Caf\xe9 owners said 40 people came.".encode("latin-1"))
    doc = read_document(str(path), warnings.append)
    assert "\ufffd" in doc.text and len(doc.text) == len(doc.analysis_text)
    assert warnings and "not valid UTF-8" in warnings[0] and "U+FFFD" in warnings[0]


def test_ingest_keeps_crlf_and_bom_offsets(tmp_path):
    raw = "\ufeffLine one.\r\nPolice said 40 people were hurt.\r\n"
    path = _write(tmp_path / "crlf.txt", raw.encode("utf-8"))
    assert read_document(str(path), lambda m: None).text == raw


def _write(path, data: bytes):
    path.write_bytes(data)
    return path
