"""A warm process: the models load once, then each request is checked as `claimcheck check` would.

One JSON object per line in, one per line out:

    {"id": 1, "paths": ["draft.md", "wire.txt"]}
    {"id": 2, "documents": [{"path": "draft.md", "text": "..."}]}

answers {"id": 1, "report": {...}} (the report `check --format json` prints) or
{"id": 1, "error": {"code": "E101", "message": "...", "hint": "..."}}. Claims of unchanged
documents and vectors of unchanged sentences are kept, so a re-check costs only what changed."""

from __future__ import annotations

import dataclasses
import json
from typing import IO

from checker.embed import MemoryCachedEmbedder
from checker import errors
from checker.errors import CheckerError
from checker.ingest import decode_text, document_from_text, read_document
from checker.models import Document
from checker.pipeline import Checker


def warm(checker: Checker) -> Checker:
    """The same checker, keeping claims, parsed passages and vectors between requests."""
    keeping = getattr(checker.extractor, "keeping_parses", None)
    extractor = keeping() if keeping is not None else checker.extractor
    return dataclasses.replace(checker, extractor=extractor, embedder=MemoryCachedEmbedder(checker.embedder),
                               claim_cache={})


def handle(checker: Checker, request: object) -> dict:
    """Answer one request (already parsed from JSON)."""
    if not isinstance(request, dict):
        return {"id": None, "error": {"code": errors.E601_REQUEST, "message": "a request is a JSON object",
                                      "hint": 'send {"id": 1, "paths": ["draft.md"]}'}}
    ident = request.get("id")
    try:
        report = checker.check(_documents(request))
    except CheckerError as exc:
        return {"id": ident, "error": {"code": exc.code, "message": exc.message, "hint": exc.hint}}
    return {"id": ident, "report": report.model_dump(mode="json")}


def _documents(request: dict) -> list[Document]:
    paths, given = request.get("paths"), request.get("documents")
    if isinstance(paths, list) and all(isinstance(p, str) for p in paths) and paths:
        return [read_document(p, lambda message: None) for p in paths]
    if isinstance(given, list) and given and all(isinstance(d, dict) and isinstance(d.get("path"), str)
                                                 and isinstance(d.get("text"), str) for d in given):
        return [document_from_text(d["path"], decode_text(d["text"].encode("utf-8", "replace"), d["path"],
                                                          lambda message: None)) for d in given]
    raise CheckerError(errors.E601_REQUEST, "a request needs 'paths' (a list of files) or 'documents' (a list of "
                       "{path, text})", 'send {"id": 1, "paths": ["draft.md"]}')


def serve(checker: Checker, stdin: IO[str], stdout: IO[str]) -> None:
    """Answer each line of `stdin` on `stdout` until it closes."""
    desk = warm(checker)
    for line in stdin:
        if not line.strip():
            continue
        try:
            request = json.loads(line)
        except ValueError as exc:
            answer = {"id": None, "error": {"code": errors.E601_REQUEST, "message": f"not JSON ({exc})",
                                            "hint": "send one JSON object per line"}}
        else:
            answer = handle(desk, request)
        stdout.write(json.dumps(answer, ensure_ascii=False) + "\n")
        stdout.flush()
