"""A language server for editors: the conflicts in open drafts as diagnostics, while they are written.

Every open .txt or .md document is checked together on open, change and save, with the models
kept loaded and unchanged documents not read again (as `claimcheck serve` does); each document
gets a diagnostic on each of its claims in a conflict, pointing at the other claims."""

from __future__ import annotations

from urllib.parse import unquote, urlparse

from checker import __version__
from checker.models import Conflict
from checker.pipeline import Checker
from checker.report import evidence_line
from checker.ingest import document_from_text
from checker.serve import warm

CHECKED_SUFFIXES = (".txt", ".md", ".markdown")


def _path(uri: str) -> str:
    parsed = urlparse(uri)
    return unquote(parsed.path) if parsed.scheme == "file" else uri


def utf16_position(text: str, offset: int) -> tuple[int, int]:
    """(line, character) of a code-point offset, characters counted in UTF-16 units as LSP wants."""
    line = text.count("\n", 0, offset)
    start = text.rfind("\n", 0, offset) + 1
    return line, len(text[start:offset].encode("utf-16-le")) // 2


def diagnostics_by_uri(conflicts: list[Conflict], texts: dict[str, str], uris: dict[str, str]) -> dict[str, list]:
    """LSP diagnostics for each open document (by URI) from the conflicts among `texts` (by path)."""
    from lsprotocol import types

    severity = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning,
                "info": types.DiagnosticSeverity.Information}

    def location(path: str, start: int, end: int) -> types.Range:
        text = texts[path]
        return types.Range(start=types.Position(*utf16_position(text, start)),
                           end=types.Position(*utf16_position(text, end)))

    out: dict[str, list] = {uri: [] for uri in uris.values()}
    for conflict in conflicts:
        for claim in conflict.claims:
            others = [types.DiagnosticRelatedInformation(
                location=types.Location(uri=uris[o.document], range=location(o.document, o.start, o.end)),
                message=f"{o.speaker or 'the author'}: {o.text}") for o in conflict.claims if o is not claim]
            out[uris[claim.document]].append(types.Diagnostic(
                range=location(claim.document, claim.start, claim.end),
                message=f"{conflict.message}\n{evidence_line(conflict)}",
                severity=severity[conflict.severity], code=conflict.code, source="claimcheck",
                related_information=others))
    return out


def build_server(checker: Checker):  # -> pygls LanguageServer
    from lsprotocol import types
    from pygls.lsp.server import LanguageServer

    desk = warm(checker)
    server = LanguageServer("claimcheck", __version__)

    def check_open_documents(ls: LanguageServer) -> None:
        uris = {_path(uri): uri for uri in ls.workspace.text_documents if _path(uri).lower().endswith(CHECKED_SUFFIXES)}
        texts = {path: ls.workspace.get_text_document(uri).source for path, uri in uris.items()}
        documents = [document_from_text(p, t) for p, t in texts.items()]
        report = desk.check(documents) if documents else None
        for uri, diagnostics in diagnostics_by_uri(report.conflicts if report else [], texts, uris).items():
            ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: LanguageServer, params: types.DidOpenTextDocumentParams) -> None:
        check_open_documents(ls)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: LanguageServer, params: types.DidChangeTextDocumentParams) -> None:
        check_open_documents(ls)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: LanguageServer, params: types.DidSaveTextDocumentParams) -> None:
        check_open_documents(ls)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: LanguageServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=params.text_document.uri,
                                                                            diagnostics=[]))
        check_open_documents(ls)

    return server
