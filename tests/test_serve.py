"""The warm process: answers per request, re-checks that reuse what did not change, bad requests."""

from __future__ import annotations

import io
import json
import subprocess
import sys

from checker.serve import handle, serve, warm

DRAFT = ("The ministry said 12 people died in the warehouse fire on Tuesday. "
         "Hospital officials said 30 people died in the warehouse fire on Tuesday.")


class CountingExtractor:
    def __init__(self, inner) -> None:
        self.inner, self.calls = inner, 0

    def extract(self, doc):
        self.calls += 1
        return self.inner.extract(doc)


def test_serve_recheck_reads_only_changed_documents(checker):
    import dataclasses

    counting = CountingExtractor(checker.extractor)
    desk = warm(dataclasses.replace(checker, extractor=counting))
    request = {"id": 1, "documents": [{"path": "draft.txt", "text": DRAFT}, {"path": "wire.txt", "text": "Nothing."}]}
    first = handle(desk, request)
    again = handle(desk, {**request, "id": 2})
    assert counting.calls == 2 and again["id"] == 2
    assert first["report"]["conflicts"] == again["report"]["conflicts"] != []
    edited = {"id": 3, "documents": [{"path": "draft.txt", "text": DRAFT.replace("30", "31")},
                                     {"path": "wire.txt", "text": "Nothing."}]}
    answer = handle(desk, edited)
    assert counting.calls == 3  # only the edited draft is read again
    assert "31" in json.dumps(answer["report"]["conflicts"])


def test_serve_bad_requests_get_errors_not_exits(checker):
    desk = warm(checker)
    out = io.StringIO()
    serve(desk, io.StringIO('{not json\n[1]\n{"id": 7, "paths": ["missing.txt"]}\n{"id": 8}\n'), out)
    answers = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [a["error"]["code"] for a in answers] == ["E601", "E601", "E101", "E601"]
    assert answers[2]["id"] == 7


def test_cli_serve_answers_each_line(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    lines = json.dumps({"id": "a", "paths": [str(draft)]}) + "\n" + json.dumps({"id": "b", "paths": [str(draft)]}) + "\n"
    run = subprocess.run([sys.executable, "-m", "checker", "serve"], input=lines, capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 0, run.stderr
    answers = [json.loads(line) for line in run.stdout.splitlines()]
    assert [a["id"] for a in answers] == ["a", "b"]
    assert answers[0]["report"]["conflicts"] and answers[0]["report"] == answers[1]["report"]


def test_serve_edit_parses_only_the_changed_passage(checker):
    calls: list[int] = []
    desk = warm(checker)
    real_pipe = desk.extractor.nlp.pipe

    class CountingNlp:
        def pipe(self, texts):
            texts = list(texts)
            calls.append(len(texts))
            return real_pipe(texts)

    desk.extractor.nlp = CountingNlp()
    story = "\n\n".join(f"Officials in district {n} said {n + 10} homes were flooded." for n in range(6))
    handle(desk, {"id": 1, "documents": [{"path": "story.txt", "text": story}]})
    edited = story.replace("district 3 said 13", "district 3 said 31")
    answer = handle(desk, {"id": 2, "documents": [{"path": "story.txt", "text": edited}]})
    assert calls == [6, 1]  # six passages read first, then only the edited one
    assert answer["report"]["documents"][0]["claims"] >= 6
