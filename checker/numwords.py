"""Numbers written as words or digits: "two hundred and seventy-five", "1,200", "half a million"."""

from __future__ import annotations

import re

UNITS = {
    "zero": 0, "nought": 0, "naught": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
SHORT_SCALES = {"lakh": 1e5, "crore": 1e7, "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "bln": 1e9, "tln": 1e12, "bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12}
MULTIPLIERS = {"dozen": 12, "score": 20}
FRACTIONS = {
    "half": 0.5, "third": 1 / 3, "quarter": 0.25, "fifth": 0.2, "sixth": 1 / 6,
    "seventh": 1 / 7, "eighth": 0.125, "ninth": 1 / 9, "tenth": 0.1, "fourth": 0.25,
    "thirds": 1 / 3, "quarters": 0.25, "fifths": 0.2, "tenths": 0.1, "halves": 0.5, "fourths": 0.25,
    "sixths": 1 / 6, "sevenths": 1 / 7, "eighths": 0.125, "ninths": 1 / 9,
}
ORDINAL_WORDS = {
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "twentieth", "hundredth", "thousandth", "last",
}

_WORD_ALT = "|".join(
    sorted(list(UNITS) + list(TENS) + list(SCALES) + ["dozen"], key=len, reverse=True)
)
# A run of number words: "two hundred and seventy-five", "twenty-one", "a dozen".
_FIRST_WORD_ALT = "|".join(sorted(list(UNITS) + list(TENS), key=len, reverse=True))
# A run of number words: "two hundred and seventy-five", "twenty-one", "a dozen". A run never starts
# with a bare scale word: "million" alone is not a number, "a million" is.
NUMBER_WORDS = (
    rf"(?:(?:an?|half\s+an?)\s+(?:dozen|hundred|thousand|million|billion)"
    rf"|(?:(?:an?\s+|(?:{_FIRST_WORD_ALT})\s+)?(?:half|quarters?)\s+(?:an?\s+)?(?:thousand|million|billion|trillion))"
    rf"|(?:{_FIRST_WORD_ALT}))"
    rf"(?:(?:\s+and\s+|[\s-]+)(?:{_WORD_ALT}))*"
)
DIGITS = (r"(?:\d+(?:\.\d+)?(?:[eE][+-]?\d+|\s?[x×]\s?10\^?[-−+]?\d+)(?![\w.])"  # "1e10", "1.3x10^6", "2.48×10−5"
          r"|(?:\d{1,2}(?:,\d{2})+,\d{3}(?![\d,])"  # Indian grouping: "12,34,567"
          r"|\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u202f\u00a0]\d{3})+(?![\d,])|\d+)(?:\.\d+)?|\.\d+)")


def parse_digits(text: str) -> float:
    """Return the value of a digit string such as "1,200.5"."""
    power = re.fullmatch(r"(?P<m>[\d.]+)\s?[x×]\s?10\^?(?P<e>[-−+]?\d+)", text.strip())
    if power:
        return float(power.group("m")) * 10 ** int(power.group("e").replace("−", "-"))
    return float(re.sub(r"[,\s\u202f\u00a0]", "", text))


_SCALE_NAMES = {"hundred", "thousand", "million", "billion", "trillion"}


def trim_number_words(text: str) -> str:
    """Cut a run of number words at an "and" that does not follow a scale word:
    "two hundred and five" stays whole, "twenty and three" is two numbers."""
    words = re.split(r"(\s+and\s+)", text)
    kept = words[0]
    for i in range(1, len(words) - 1, 2):
        previous = kept.split()[-1].lower().split("-")[-1] if kept.split() else ""
        if previous not in _SCALE_NAMES:
            break
        kept += words[i] + words[i + 1]
    return kept


def parse_number_words(text: str) -> float | None:
    """Return the value of number words such as "two hundred and seventy-five", or None."""
    words = [w for w in re.split(r"[\s-]+", text.lower().strip()) if w and w != "and"]
    if not words:
        return None
    total, current = 0.0, 0.0
    seen = False
    i = 0
    if words[0] == "half" and len(words) >= 3 and words[1] in ("a", "an"):
        scale = SCALES.get(words[2]) or MULTIPLIERS.get(words[2])
        return None if scale is None else 0.5 * scale
    # "a quarter million", "three quarters billion", "half a million"
    share = next((i for i, w in enumerate(words[:2]) if w in ("half", "quarter", "quarters")), None)
    if share is not None and words[-1] in SCALES:
        count = 1.0 if share == 0 or words[0] in ("a", "an") else UNITS.get(words[0])
        if count is not None:
            return count * FRACTIONS[words[share]] * SCALES[words[-1]]
    for i, word in enumerate(words):
        if word in ("a", "an") and i == 0:
            current, seen = 1.0, True
        elif word in UNITS:
            current += UNITS[word]
            seen = True
        elif word in TENS:
            current += TENS[word]
            seen = True
        elif word == "hundred":
            current = (current or 1) * 100
            seen = True
        elif word in MULTIPLIERS:
            current = (current or 1) * MULTIPLIERS[word]
            seen = True
        elif word in SCALES:
            total += (current or 1) * SCALES[word]
            current = 0.0
            seen = True
        else:
            return None
    return total + current if seen else None
