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
    rf"(?:(?:an?|half\s+an?)\s+(?:dozen|hundred|thousand|million|billion)|hundred\s+(?:thousand|million|billion)"
    rf"|(?:(?:an?\s+|(?:{_FIRST_WORD_ALT})\s+)?(?:half|quarters?)\s+(?:an?\s+)?(?:thousand|million|billion|trillion))"
    rf"|(?:{_FIRST_WORD_ALT}))"
    rf"(?:(?:\s+and\s+|[\s-]+)(?:{_WORD_ALT}))*"
)
DIGITS = (r"(?:\d+(?:\.\d+)?(?:[eE][+-]?\d+|\s?[x×]\s?10\^?[-−+]?\d+|\^[-+]?\d+)(?![\w.])"  # "1e10", "1.3x10^6", "1.1^23"
          r"|(?:\d{1,2}(?:,\d{2})+,\d{3}(?![\d,])"  # Indian grouping: "12,34,567"
          r"|\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u202f\u00a0]\d{3})+(?![\d,])|\d+)(?:\.\d+)?|\.\d+)")


# Ordinal words as the denominators of spelled fractions, with the number each stands for.
DENOMINATORS = {
    "half": "two", "halves": "two", "quarter": "four", "quarters": "four", "third": "three", "fourth": "four",
    "fifth": "five", "sixth": "six", "seventh": "seven", "eighth": "eight", "ninth": "nine", "tenth": "ten",
    "eleventh": "eleven", "twelfth": "twelve", "thirteenth": "thirteen", "fourteenth": "fourteen",
    "fifteenth": "fifteen", "sixteenth": "sixteen", "seventeenth": "seventeen", "eighteenth": "eighteen",
    "nineteenth": "nineteen", "twentieth": "twenty", "thirtieth": "thirty", "fortieth": "forty", "fiftieth": "fifty",
    "sixtieth": "sixty", "seventieth": "seventy", "eightieth": "eighty", "ninetieth": "ninety",
    "hundredth": "hundred", "thousandth": "thousand", "millionth": "million", "billionth": "billion",
    "trillionth": "trillion", "first": "one", "second": "two",
}
DENOMINATORS.update({w + "s": n for w, n in list(DENOMINATORS.items()) if not w.endswith(("f", "s"))})
_SCALE_DENOMINATORS = {"hundred", "thousand", "million", "billion", "trillion"}


def parse_spelled_fraction(words: list[list[str]]) -> float | None:
    """The value of a spelled fraction given as words, each a list of its hyphen-joined parts:
    "three twenty-firsts" = 3/21, "one hundred thirty fifths" = 100/35, "two and fifty-four
    hundredths" = 2.54, "one million and a half" = 1,500,000. None when it is not one."""
    flat = [p for w in words for p in w]
    if len(flat) < 2 or flat[-1] not in DENOMINATORS:
        return None
    ands = [i for i, w in enumerate(words) if w == ["and"]]
    # "two and three fifths" is a whole and a fraction; "one hundred and thirty fifths" is 130 fifths
    after_and = words[ands[-1] + 1][0] if ands and ands[-1] + 1 < len(words) else ""
    if ands and ands[-1] > 0 and not (words[ands[-1] - 1][-1] == "hundred" and after_and in TENS
                                      and DENOMINATORS[flat[-1]] in UNITS):
        whole = parse_number_words(" ".join(p for w in words[:ands[-1]] for p in w))
        part = parse_spelled_fraction(words[ands[-1] + 1:])
        if whole is not None and part is not None:
            last = words[ands[-1] - 1][-1]
            scale = SCALES[last] if last in SCALES and last != "hundred" else 1.0
            return whole + part * scale  # "one million and a half": a half of the last scale
    k = _denominator_start(words)
    if k is None:
        return None
    top = " ".join(p for w in words[:k] for p in w)
    den = [p for w in words[k:] for p in w]
    num = 1.0 if top in ("a", "an") else parse_number_words(top)
    bottom = parse_number_words(" ".join(den[:-1] + [DENOMINATORS[den[-1]]]))
    return num / bottom if num is not None and bottom else None


def _denominator_start(words: list[list[str]]) -> int | None:
    """Where the denominator of a spelled fraction begins: the ordinal alone ("one hundred thirty
    two fifths" = 132/5), with a tens word written before it ("one hundred thirty fifths" = 100/35,
    but "one hundred and thirty fifths" = 130/5), or with "one hundred" ("one one hundred fifth" = 1/105)."""
    n = len(words)
    last = words[-1]
    cardinal = DENOMINATORS[last[-1]]
    if len(last) > 1:  # "twenty-firsts": the hyphen ties the tens word to the ordinal
        return n - 1 if n > 1 else None
    if last[-1].rstrip("s") in ("first", "second"):
        return None  # "a second", "the first": not fractions
    if cardinal in UNITS and n >= 3 and words[-2] != ["and"] and len(words[-2]) == 1 and words[-2][0] in TENS \
            and words[-3] != ["and"]:
        return n - 2
    scale_at = n - 3 if n >= 5 and words[-2] == ["and"] else n - 2
    if cardinal in UNITS and scale_at >= 2 and words[scale_at][0] in ("hundred", "thousand") \
            and len(words[scale_at - 1]) == 1 and words[scale_at - 1][0] in UNITS:
        return scale_at - 1  # "one one hundred (and) fifth" = 1/105
    return n - 1 if n > 1 else None


def parse_digits(text: str) -> float:
    """Return the value of a digit string such as "1,200.5"."""
    power = re.fullmatch(r"(?P<m>[\d.]+)\s?[x×]\s?10\^?(?P<e>[-−+]?\d+)", text.strip())
    if power:
        return float(power.group("m")) * 10 ** int(power.group("e").replace("−", "-"))
    raised = re.fullmatch(r"(?P<m>[\d.]+)\^(?P<e>[-+]?\d+)", text.strip())
    if raised:
        return float(raised.group("m")) ** int(raised.group("e"))
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
