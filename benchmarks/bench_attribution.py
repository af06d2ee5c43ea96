"""Speaker and stance: claimcheck's spaCy-based extractor against hand-written patterns.

    python benchmarks/bench_attribution.py

Both read the same documents and answer, for each attributed sentence in
tests/data/attributed_sentences.json (the seed story's and the single-document dev stories'),
who says the quoted words and whether they assert, negate, deny or hedge them. A speaker counts
as right when the expected speaker's last word is in the answer ("Selo" in "SDF spokesman
Talal Selo"), so neither side is marked down for how it spells a name.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
EVAL = ROOT.parent / "shared" / "eval"
CASES = json.loads((ROOT / "tests" / "data" / "attributed_sentences.json").read_text(encoding="utf-8"))

_SPEECH = (r"(?:said|says|told|added|stated|announced|denied|rejected|estimated|reported|described|claimed|"
           r"insisted|confirmed|put)")
_NAME = r"(?:[A-Z][\w'’-]*(?:\s+(?:of\s+the\s+|of\s+)?[A-Z][\w'’-]*){0,4})"
_NOUN_PHRASE = r"(?:(?:[Tt]he|[Aa]n?|[Aa]nother|[Ss]everal|[Hh]is|[Hh]er|[Ii]ts)\s+[\w'’ -]{1,50}?|[A-Z][\w'’-]+(?:\s+[a-z]+){0,2})"
_BEFORE = re.compile(rf"(?P<s>{_NAME}|{_NOUN_PHRASE}|he|she|it|they)(?:,[^,]{{3,80}},)?\s+(?:has\s+|had\s+)?{_SPEECH}\b")
_AFTER = re.compile(rf"{_SPEECH}\s+(?P<s>{_NAME}|{_NOUN_PHRASE})\s*[,.]")
_ACCORDING = re.compile(rf"[Aa]ccording to (?P<s>{_NAME}|{_NOUN_PHRASE})\s*[,.]")
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][”\"]))\s+(?=[“\"]?[A-Z])")


def pattern_answers(text: str, quote: str, people: list[str]) -> tuple[str, str]:
    """Hand-written patterns: the sentence holding `quote`, its attribution, its stance words."""
    start = text.index(quote)
    sentences = _SENTENCE_END.split(text)
    offset = 0
    sentence = ""
    for s in sentences:
        at = text.index(s, offset)
        if at <= start < at + len(s):
            sentence = s
            break
        offset = at + len(s)
    speaker = ""
    for pattern in (_ACCORDING, _AFTER, _BEFORE):
        m = pattern.search(sentence)
        if m:
            speaker = m.group("s").strip()
            break
    if speaker.lower() in ("he", "she", "it", "they") and people:
        speaker = people[-1]
    before = sentence[: sentence.find(quote)] if quote in sentence else ""
    window = quote + " " + before[-40:]
    if re.search(r"\b(?:denied|rejected|dismissed)\b", before):
        stance = "denied"
    elif re.search(r"\b(?:not|n't|never|no|none|nobody|refused)\b", window):
        stance = "negated"
    elif re.search(r"\b(?:may|might|could|possibly|believed|reportedly)\b", window):
        stance = "hedged"
    else:
        stance = "asserted"
    return speaker, stance


def _people(text: str, upto: int) -> list[str]:
    return [m.group("s") for m in _BEFORE.finditer(text[:upto]) if m.group("s")[:1].isupper()]


def speaker_right(expected: str, answer: str | None) -> bool:
    return bool(answer) and expected.split()[-1].lower() in (answer or "").lower()


def main() -> None:
    from checker.extract import ClaimExtractor
    from checker.lexicon import load_lexicon
    from checker.models import Document
    from checker.nlp import load_parser
    from checker.ruleset import SHIPPED_RULES

    extractor = ClaimExtractor(load_parser(), load_lexicon(SHIPPED_RULES))
    texts = {(c["case"], c["doc"]): (EVAL / c["case"] / c["doc"]).read_text(encoding="utf-8") for c in CASES}
    start = time.perf_counter()
    claims = {key: extractor.extract(Document(path=key[1], text=t, analysis_text=t)) for key, t in texts.items()}
    parser_seconds = time.perf_counter() - start
    score = {"claimcheck (spaCy)": [0, 0], "patterns": [0, 0]}
    start = time.perf_counter()
    pattern_out = []
    for case in CASES:
        text = texts[(case["case"], case["doc"])]
        pattern_out.append(pattern_answers(text, case["quote"], _people(text, text.index(case["quote"]))))
    pattern_seconds = time.perf_counter() - start
    misses = []
    for case, (p_speaker, p_stance) in zip(CASES, pattern_out):
        text = texts[(case["case"], case["doc"])]
        q0 = text.index(case["quote"])
        q1 = q0 + len(case["quote"])
        over = [c for c in claims[(case["case"], case["doc"])] if c.kind == "statement" and c.start < q1 and q0 < c.end]
        spacy_speaker = any(speaker_right(case["speaker"], c.speaker) for c in over)
        spacy_stance = case["stance"] is None or any(c.stance == case["stance"] and speaker_right(case["speaker"], c.speaker)
                                                     for c in over)
        score["claimcheck (spaCy)"][0] += spacy_speaker
        score["claimcheck (spaCy)"][1] += spacy_stance
        score["patterns"][0] += speaker_right(case["speaker"], p_speaker)
        score["patterns"][1] += case["stance"] is None or p_stance == case["stance"]
        if not speaker_right(case["speaker"], p_speaker) or (case["stance"] and p_stance != case["stance"]):
            misses.append(f"  patterns: {case['quote'][:45]!r}: {p_speaker!r}/{p_stance} (want {case['speaker']}/{case['stance']})")
    n = len(CASES)
    sentences = sum(len(_SENTENCE_END.split(t)) for t in texts.values())
    print(f"{n} attributed sentences from {len(texts)} stories ({sentences} sentences in all)\n")
    print("| reader | right speaker | right stance | ms per sentence |")
    print("|---|---|---|---|")
    for name, (sp, st) in score.items():
        seconds = parser_seconds if name.startswith("claimcheck") else pattern_seconds
        print(f"| {name} | {sp}/{n} = {sp / n:.0%} | {st}/{n} = {st / n:.0%} | {seconds / sentences * 1000:.2f} |")
    print("\nWhere the patterns go wrong:")
    print("\n".join(misses))


if __name__ == "__main__":
    main()
