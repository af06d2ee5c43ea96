"""Turn paths (or standard input) into Documents, and blank out Markdown that holds no claims."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from checker import errors
from checker.errors import CheckerError
from checker.models import Document

MAX_BYTES = 20 * 1024 * 1024
MARKDOWN_SUFFIXES = {".md", ".markdown"}
TEXT_SUFFIXES = {".txt", ".text", ""} | MARKDOWN_SUFFIXES


def read_documents(paths: list[str], warn: Callable[[str], None]) -> list[Document]:
    """Read every path in `paths` ("-" is standard input) into a Document."""
    return [read_document(p, warn) for p in paths]


def read_document(path: str, warn: Callable[[str], None]) -> Document:
    """Read one `path`, refusing what is not a text document."""
    if path == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
    else:
        data = _read_file(Path(path))
    name = path
    if len(data) > MAX_BYTES:
        raise CheckerError(
            errors.E104_TOO_LARGE,
            f"{name}: larger than {MAX_BYTES // (1024 * 1024)} MB",
            "split the document into the articles it holds and check those",
        )
    if b"\x00" in data[:8192]:
        raise CheckerError(
            errors.E103_BINARY,
            f"{name}: looks like a binary file (it holds NUL bytes)",
            "give claimcheck plain-text (.txt) or Markdown (.md) articles",
        )
    return document_from_text(name, decode_text(data, name, warn))


def document_from_text(path: str, text: str) -> Document:
    """A document given as text (a file's, an editor's buffer, an archived story's); a path ending
    in .md is read as Markdown."""
    markdown = Path(path).suffix.lower() in MARKDOWN_SUFFIXES
    return Document(path=path, text=text, analysis_text=mask_markdown(text) if markdown else text, markdown=markdown)


def _read_file(path: Path) -> bytes:
    if not path.exists():
        raise CheckerError(errors.E101_MISSING, f"{path}: no such file", "check the path")
    if path.is_dir():
        raise CheckerError(
            errors.E102_DIRECTORY,
            f"{path}: is a directory",
            f"name the files, e.g. {path}/*.md",
        )
    if path.suffix.lower() not in TEXT_SUFFIXES:
        raise CheckerError(
            errors.E106_SUFFIX,
            f"{path}: unsupported file type '{path.suffix}'",
            "claimcheck reads .txt and .md files; convert other formats to text first",
        )
    try:
        if path.stat().st_size > MAX_BYTES:
            raise CheckerError(
                errors.E104_TOO_LARGE,
                f"{path}: larger than {MAX_BYTES // (1024 * 1024)} MB",
                "split the document into the articles it holds and check those",
            )
        return path.read_bytes()
    except OSError as exc:
        raise CheckerError(errors.E105_UNREADABLE, f"{path}: cannot be read ({exc.strerror})") from exc


def decode_text(data: bytes, name: str, warn: Callable[[str], None]) -> str:
    """Decode UTF-8; replace undecodable bytes with U+FFFD and say so."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        warn(
            f"{name}: not valid UTF-8 (first bad byte at offset {exc.start}); "
            "undecodable bytes were replaced with U+FFFD, so offsets count the replacements"
        )
        return data.decode("utf-8", errors="replace")


_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})[^\n]*\n.*?(?:^\1?\2[ \t]*$|\Z)", re.S | re.M)
_INDENTED_CODE = re.compile(r"(?:(?<=\n\n)|\A)(?:(?: {4}|\t)[^\n]*(?:\n|\Z))+")
_INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1", re.S)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_HTML_TAG = re.compile(r"</?[A-Za-z][^>\n]*>")
_LINK_TARGET = re.compile(r"(?<=\])\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")
_REF_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:[^\n]*$", re.M)
_AUTOLINK = re.compile(r"<(?:https?|mailto):[^>\s]+>")
# A pipe table: a header row, a delimiter row ("|---|:--:|"), then rows, each a line with a pipe.
_TABLE = re.compile(r"^ {0,3}(?=[^\n]*\|)[^\n]+\n {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*\n"
                    r"(?:^ {0,3}(?=[^\n]*\|)[^\n]*\S[^\n]*(?:\n|\Z))*", re.M)


@dataclass(frozen=True)
class TableCell:
    """A cell of a Markdown pipe table: its place in the text, and the row and column it reads in
    (the row's first cell, the column's header)."""

    start: int
    end: int
    row: str
    column: str


def _cells(text: str, line_start: int, line_end: int) -> list[tuple[int, int]]:
    """The spans of a table line's cells, without their padding or the pipes that bound them."""
    line = text[line_start:line_end]
    bars = [m.start() for m in re.finditer(r"(?<!\\)\|", line)]
    edges = ([-1] if not line.lstrip().startswith("|") else []) + bars
    if not line.rstrip().endswith("|"):
        edges.append(len(line))
    spans = []
    for a, b in zip(edges, edges[1:]):
        cell = line[a + 1:b]
        lead = len(cell) - len(cell.lstrip())
        spans.append((line_start + a + 1 + lead, line_start + a + 1 + len(cell.rstrip())))
    return spans


def markdown_table_cells(text: str) -> list[TableCell]:
    """Every body cell of the pipe tables in Markdown `text`, with its row's and column's names; not
    of a table inside code or a comment, and without the markup around a cell's words."""
    found: list[TableCell] = []
    if not _TABLE.search(text):
        return found  # most drafts hold no table: no second masking pass for them
    text = mask_markdown(text, tables=False)
    for table in _TABLE.finditer(text):
        lines = list(re.finditer(r"[^\n]+", text[table.start():table.end()]))
        if len(lines) < 3:
            continue
        base = table.start()
        header = [" ".join(text[a:b].split()) for a, b in _cells(text, base + lines[0].start(), base + lines[0].end())]
        for line in lines[2:]:
            cells = _cells(text, base + line.start(), base + line.end())
            if not cells:
                continue
            row = " ".join(text[cells[0][0]:cells[0][1]].split())
            for n, (a, b) in enumerate(cells[1:], 1):
                if a < b:
                    found.append(TableCell(a, b, row, header[n] if n < len(header) else ""))
    return found


_MARKUP = re.compile(r"^ {0,3}(?:#{1,6}|>|[-*+]|\d{1,9}[.)])(?=\s)|[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}|[\[\]!]", re.M)


def mask_markdown(text: str, tables: bool = True) -> str:
    """Blank out what holds no claims in Markdown `text`, keeping every offset in place; with
    `tables`, pipe tables too, whose cells are read apart (`markdown_table_cells`)."""
    chars = list(text)

    def blank(match: re.Match[str]) -> str:
        for i in range(match.start(), match.end()):
            if chars[i] != "\n":
                chars[i] = " "
        return match.group(0)

    for pattern in (_FRONT_MATTER, _FENCE, _HTML_COMMENT, _INDENTED_CODE, _INLINE_CODE,
                    _LINK_TARGET, _REF_DEFINITION, _AUTOLINK, _HTML_TAG) + ((_TABLE,) if tables else ()):
        pattern.sub(blank, "".join(chars))
    _MARKUP.sub(blank, "".join(chars))
    return "".join(chars)
