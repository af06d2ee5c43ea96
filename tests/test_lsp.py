"""The language server, spoken to over standard input and output as an editor does."""

from __future__ import annotations

import json
import subprocess
import sys

from checker.lsp import utf16_position

DRAFT = ("The ministry said 12 people died in the warehouse fire on Tuesday.\n"
         "Hospital officials said 30 people died in the warehouse fire on Tuesday.\n")


def _send(proc, message: dict) -> None:
    body = json.dumps(message).encode("utf-8")
    proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    proc.stdin.flush()


def _receive(proc) -> dict:
    length = 0
    while True:
        line = proc.stdout.readline()
        assert line, "the server closed its output"
        if line in (b"\r\n", b"\n"):
            break
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    return json.loads(proc.stdout.read(length))


def test_lsp_publishes_conflicts_as_diagnostics(tmp_path):
    uri = (tmp_path / "draft.txt").as_uri()
    proc = subprocess.Popen([sys.executable, "-m", "checker", "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL)
    try:
        _send(proc, {"jsonrpc": "2.0", "id": 1, "method": "initialize",
                     "params": {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}}})
        assert _receive(proc)["id"] == 1
        _send(proc, {"jsonrpc": "2.0", "method": "initialized", "params": {}})
        _send(proc, {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri, "languageId": "plaintext", "version": 1, "text": DRAFT}}})
        message = _receive(proc)
        while message.get("method") != "textDocument/publishDiagnostics":
            message = _receive(proc)
        diagnostics = message["params"]["diagnostics"]
        assert message["params"]["uri"] == uri
        assert {d["code"] for d in diagnostics} == {"NUM101"} and len(diagnostics) == 2
        lines = sorted(d["range"]["start"]["line"] for d in diagnostics)
        assert lines == [0, 1]  # one on each figure, each pointing at the other
        assert all(len(d["relatedInformation"]) == 1 for d in diagnostics)
        assert all("\nconfidence " in d["message"] for d in diagnostics)  # how likely, and why, on a line of its own
        _send(proc, {"jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": None})
        _send(proc, {"jsonrpc": "2.0", "method": "exit", "params": None})
    finally:
        proc.stdin.close()
        proc.wait(timeout=60)


def test_lsp_positions_count_utf16_units():
    text = "€ 5 and 😀 7\nnext"
    assert utf16_position(text, text.index("5")) == (0, 2)
    assert utf16_position(text, text.index("7")) == (0, 11)  # the emoji is two UTF-16 units
    assert utf16_position(text, text.index("next")) == (1, 0)
