"""Find figures in text and read each as an interval with its qualifier and unit."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from checker.lexicon import MeasureLexicon, QuantityLexicon
from checker.models import Claim, Quantity
from checker.spans import Spans
from checker.numwords import (
    DENOMINATORS,
    DIGITS,
    TENS,
    UNITS,
    parse_spelled_fraction,
    trim_number_words,
    FRACTIONS,
    MULTIPLIERS,
    NUMBER_WORDS,
    SCALES,
    SHORT_SCALES,
    parse_digits,
    parse_number_words,
)
from checker.units import (ABBREVIATIONS, CURRENCY_BEFORE, CURRENCY_SYMBOLS, ISO_CODE_AFTER, SCALED_CODE, UNIT_AFTER,
                           bare_currency_nouns, currency_code, is_currency, iso_currency_codes, length_spread, lookup_unit)

_SCALE_WORDS = r"million|billion|trillion|thousand|lakh|crore|bn|mn|mln|bln|tln|mil|tn|trn|MM|k|m|b|T"
_ATOM = re.compile(
    rf"(?<![\w.,:/])(?P<cur>(?:US\$|A\$|C\$|HK\$|\$|€|£|¥|₹|USD|EUR|GBP|JPY|CHF|CNY|INR|Rs\.?|(?-i:[A-Z]{{3}}))\s?)?"
    rf"(?:(?:(?<=[$€£¥₹DPRYFs.\s])|(?<![\w.,:/]))(?P<num>{DIGITS})(?!,\d)(?:\s?(?P<scale>{_SCALE_WORDS})(?![a-zA-Z]))?"
    rf"|(?<![\w-])(?P<words>{NUMBER_WORDS})(?![\w])(?:\s(?P<wscale>million|billion|trillion|lakh\s+crore|lakh|crore)\b)?)",
    re.I,
)
# What stands between "a third of" and the figure: a determiner, a possessive ("the school's").
_OF_WHOSE = r"\s+of\s+(?:(?:the|its|their|his|her|our|this|these|those)\s+)?(?:[\w-]+['’]s\s+)?"
_FRACTION_OF = re.compile(
    rf"(?<![\w-])(?:(?P<count>an?|one|two|three|four|\d+)[\s-]+(?P<frac>{'|'.join(FRACTIONS)})|(?P<half>half))"
    + _OF_WHOSE,
    re.I,
)
# "a third of the 900 staff": the fraction is taken of the figure that follows (read with it).
_FRACTION_OF_FIGURE = re.compile(rf"{_OF_WHOSE}(?:\d|(?:{NUMBER_WORDS})\b)", re.I)
_FRACTION_WORDS = "|".join(sorted({*FRACTIONS, "halves", "fourth", "fourths", "sixths", "sevenths", "eighths",
                                   "ninths"}, key=len, reverse=True))
_WORD_FRACTION = re.compile(rf"(?:\s+(?P<and>and)\s+(?P<count>an?|one|two|three)\s+|[\s-]+)(?P<frac>{_FRACTION_WORDS})\b", re.I)
# "3/4", "2 1/4"; only denominators that fractions use, so "9/11" is not read as a figure.
_DIGIT_FRACTION = re.compile(r"(?:(?P<sep>/)|\s+(?P<num2>\d{1,2})/)(?P<den>2|3|4|5|8|10|16|32|100)(?![\d/])")
_MULTIPLIER_AFTER = re.compile(r"\s+(dozens?|dzs?|doz|dozs|hundred|score)\b(?!\s+of\b)", re.I)
_IN_RATIO = re.compile(rf"\s+(?:in|out\s+of)\s+(?P<den>\d{{1,3}}(?![,.]\d)|{NUMBER_WORDS})(?![\w-])", re.I)
_RANGE_SEP = re.compile(r"\s*-?\s*(?:to|through|thru)\s*|\s*(?:-|–|—|~)\s*|\s+(?:and|or)\s+", re.I)
# "above 1000 and below 1500", "at most 100 and at least 20": two bounds that make one range.
_BOUND_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+|but\s+)?|(?:and|but)\s+)", re.I)
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b", re.I)
_TIME_OR_VERSION = re.compile(r"[:/]\d|\.\d+\.\d")
_URL = re.compile(r"\b(?:https?://|www\.)\S+|\b[\w.+-]+@[\w-]+\.[\w.]+")
_PHONE = re.compile(r"\+\d[\d\s()./-]{6,}\d|\+?\(?\d{2,4}\)?[\s.-]\d{3,4}[\s.-]\d{3,4}(?:[\s.-]\d{2,4})?")
# Between "none" and what it counts: "none (of the 21 workers) (was) (seriously) hurt".
_ZERO_TO_MEASURE = re.compile(r"(?:\s+of\s+(?:the\s+|its\s+|their\s+|these\s+|those\s+)?(?:[\w-]+\s+){0,2}[\w-]+)?"
                              r"(?:\s+(?:was|were|is|are|has|have|had|been|being|got|gets|seriously|critically|badly|"
                              r"severely|reportedly|fatally|ever|yet|so\s+far))*\s+", re.I)
_SPACED_THOUSANDS = re.compile(r"\d{1,3}(?: \d{3})+")  # "1 414 021 100" is a number, not a phone number
_SCORE_CONTEXT = re.compile(
    r"\b(?:beat|beats|won|win|wins|victory|defeat|defeated|lost|lose|loss|drew|draw|voted|vote|votes|"
    r"score|scored|lead|led|trail|trailed|margin)\b",
    re.I,
)
_DIGIT_WORD = r"(?:zero|nought|naught|oh|one|two|three|four|five|six|seven|eight|nine|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_WORD_DECIMAL = re.compile(rf"\s+point\s+(?P<digits>{_DIGIT_WORD}(?:\s+{_DIGIT_WORD})*)(?![\w-])", re.I)
# "rose from 5% to 7%": an old and a new figure, not a range.
_CHANGE_FROM = re.compile(r"\b(?:ris(?:e|es|en|ing)|rose|f[ae]ll(?:s|en|ing)?|increas\w*|decreas\w*|climb\w*|dropp?\w*|"
                          r"jump\w*|gr[eo]w\w*|declin\w*|cut|rais\w*|lower\w*|reduc\w*|revis\w*|up|down|chang\w*)"
                          r"\s+(?:[\w,]+\s+){0,3}from\s+$", re.I)
_PLUS_MINUS = re.compile(rf"\s*(?:±|\+/-|\+-)\s*(?P<margin>{DIGITS})")
_ORDINAL_UNIT = re.compile(r"[\s-](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)\b", re.I)
_RUN_WORDS = "|".join(sorted({*UNITS, *TENS, *SCALES, "a", "an", "and"}, key=len, reverse=True))
_DENOMINATOR_WORDS = "|".join(sorted(DENOMINATORS, key=len, reverse=True))
_FRACTION_RUN = re.compile(rf"(?<![\w-])(?:(?:{_RUN_WORDS})(?:\s+|\s*-\s*))+(?:{_DENOMINATOR_WORDS})(?![\w-])", re.I)
# "one over three": only as a whole phrase, since "$10000 over 3 years" is a sum and a duration.
_OVER = re.compile(rf"(?<![\w.,$€£-])(?P<a>{DIGITS}|{NUMBER_WORDS})\s+over\s+(?P<b>{DIGITS}|{NUMBER_WORDS})"
                   r"(?=\s*(?:[.,;:!?)]|$))", re.I)
_SCALE_CHAIN = re.compile(rf"(?:\s+and)?\s+(?:(?P<n>\d{{1,3}})(?![\d,.])|(?P<w>{NUMBER_WORDS}))(?:\s+(?P<s>hundred|thousand))?(?![\w-])",
                          re.I)
_CRORE_AFTER = re.compile(r"\s+crore\b", re.I)
_SCALE_WORD_AFTER = re.compile(r"\s+(thousand|million|billion|trillion)\b", re.I)
_AND_FRACTION = re.compile(rf"\s+and\s+(?P<count>an?|one|two|three)\s+(?P<frac>{'|'.join(FRACTIONS)})\b", re.I)
_FOOT, _INCH, _POUND = lookup_unit("feet"), lookup_unit("inches"), lookup_unit("lb")
# Every scale word, written on a figure or after its currency, and what it multiplies by.
_SCALE_VALUE = {**SCALES, **SHORT_SCALES, "t": 1e12, "mm": 1e6}
# Words before a figure in "pounds" that make it a weight, not sterling.
_WEIGHT_CUE = re.compile(r"\b(?:weigh\w*|weight|heav\w*|light\w*|lifts?|lifted|tons?|cargo|payload)\b", re.I)
_OPERATORS = {"<", ">", "<=", ">=", "≤", "≥"}
_VULGAR_VALUES = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875,
                  "⅕": 0.2, "⅖": 0.4, "⅗": 0.6, "⅘": 0.8, "⅙": 1 / 6, "⅚": 5 / 6, "⅐": 1 / 7, "⅑": 1 / 9, "⅒": 0.1}
_VULGAR = re.compile("[" + "".join(_VULGAR_VALUES) + "]")
_PRONOUN_ONE = re.compile(r"(?:\b(?:no|any|every|each|the|this|that|which)\s+$)", re.I)
_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")


@dataclass(frozen=True)
class FoundQuantity:
    """A figure found in text: where it is, and what it means."""

    start: int
    end: int
    quantity: Quantity
    score: str | None = None


@dataclass(frozen=True)
class _Atom:
    start: int
    end: int
    value: float
    currency: str | None
    integer_text: str
    is_word: bool
    scaled: bool = False  # a scale word was written on it: "1.2 million", "3bn"


def find_quantities(text: str, lexicon: QuantityLexicon, skip: list[tuple[int, int]] | None = None) -> list[FoundQuantity]:
    """Return the figures in `text`, leaving out those overlapping the `skip` spans (dates, times)."""
    skip = list(skip or []) + [(m.start(), m.end()) for m in _PHONE.finditer(text)
                               if not _SPACED_THOUSANDS.fullmatch(m.group(0))]
    skip += [(m.start(), m.end()) for m in _URL.finditer(text)]
    skipped = Spans(skip)
    atoms = [a for a in _atoms(text) if not skipped.overlaps(a.start, a.end)]
    found: list[FoundQuantity] = []
    used_until = -1
    i = 0
    while i < len(atoms):
        atom = atoms[i]
        if atom.start < used_until:
            i += 1
            continue
        nxt = atoms[i + 1] if i + 1 < len(atoms) else None
        item, consumed = _read_figure(text, atom, nxt, lexicon)
        if item is not None:
            found.append(item)
            used_until = item.end
        i += consumed
    found = _join_bounds(text, found)
    found = _join_unit_ranges(text, found)
    found = _join_compound_units(text, found)
    found = [_as_share(f) for f in found]
    found.extend(_halves(text, lexicon, Spans([(f.start, f.end) for f in found] + skip)))
    found.extend(_vague_amounts(text, lexicon, Spans([(f.start, f.end) for f in found] + skip)))
    return sorted(found, key=lambda f: f.start)


_SPELLED_FRACTION = re.compile(rf"\b(?:{_FRACTION_WORDS})\b", re.I)


def _as_share(found: FoundQuantity) -> FoundQuantity:
    """ "about a third", "two-thirds", "a fifth of their ice": a fraction written in words and not
    taken of a figure is a share, read as a percentage (33.3) so it meets "60 per cent"."""
    q = found.quantity
    values = [v for v in (q.low, q.high) if v is not None]
    if (q.unit is not None or not values or not all(0 < v <= 1 for v in values) or any(ch.isdigit() for ch in q.text)
            or not _SPELLED_FRACTION.search(q.text)):
        return found
    share = q.model_copy(update={"low": q.low * 100 if q.low is not None else None,
                                 "high": q.high * 100 if q.high is not None else None,
                                 "unit": "percent", "unit_factor": 100.0 * (q.unit_factor or 1.0)})
    return FoundQuantity(found.start, found.end, share, score=found.score)


def find_zero_figures(text: str, lexicon: QuantityLexicon, measures: MeasureLexicon,
                      skip: list[tuple[int, int]]) -> list[FoundQuantity]:
    """ "none is seriously hurt", "no one died", "no deaths": a count of zero of something news counts.

    A zero word counts only when a measure follows it closely, so "no plans" and "none of that" stay words."""
    words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(lexicon.zero_words, key=len, reverse=True))
    if not words:
        return []
    found: list[FoundQuantity] = []
    skipped = Spans(skip)
    for m in re.finditer(rf"(?<![\w-])(?:(?P<pronoun>{words})|no(?!\s+(?:longer|more|less|fewer)\b))(?![\w-])", text, re.I):
        if skipped.overlaps(m.start(), m.end()):
            continue
        after = measures.measure_after(text, m.end(), 8 if m.group("pronoun") else 2)
        between = text[m.end():after[1]] if after is not None else ""
        if m.group("pronoun") and m.group("pronoun").lower().startswith("not "):
            between = re.sub(r"^\s+[\w-]+(?=\s)", "", between)  # "not a single person was hurt": its noun
        if after is None or (m.group("pronoun") and not _ZERO_TO_MEASURE.fullmatch(between)):
            continue  # "nobody knows how many died" does not say that nobody died
        end = m.end() if m.group("pronoun") else after[2]
        qty = Quantity(text=text[m.start():end], low=0, high=0, qualifier="exact")
        found.append(FoundQuantity(m.start(), end, qty))
    return found


def _join_bounds(text: str, found: list[FoundQuantity]) -> list[FoundQuantity]:
    """Merge a lower and an upper bound joined by "and" into one range."""
    out: list[FoundQuantity] = []
    for item in found:
        prev = out[-1] if out else None
        if (prev is not None and _BOUND_JOIN.fullmatch(text[prev.end:item.start])
                and {prev.quantity.qualifier, item.quantity.qualifier} == {"lower_bound", "upper_bound"}
                and prev.quantity.unit == item.quantity.unit):
            low = prev.quantity.low if prev.quantity.low is not None else item.quantity.low
            high = prev.quantity.high if prev.quantity.high is not None else item.quantity.high
            if low is not None and high is not None and low < high:
                qty = prev.quantity.model_copy(update={"text": text[prev.start:item.end], "low": low, "high": high,
                                                       "qualifier": "range"})
                out[-1] = FoundQuantity(prev.start, item.end, qty)
                continue
        out.append(item)
    return out


def _join_unit_ranges(text: str, found: list[FoundQuantity]) -> list[FoundQuantity]:
    """ "44 mg to 50 mg", "between 44 mg and 50 mg", "-18 °C to -34 °C": a range with its unit written twice."""
    out: list[FoundQuantity] = []
    for item in found:
        prev = out[-1] if out else None
        if prev is None or prev.quantity.unit is None or prev.quantity.unit != item.quantity.unit:
            out.append(item)
            continue
        p, q = prev.quantity, item.quantity
        between = p.qualifier == "range" and p.low == p.high and re.match(r"between\b", p.text, re.I)
        gap = text[prev.end:item.start]
        sep = _RANGE_SEP.fullmatch(gap)
        is_and = sep is not None and gap.strip().lower() in ("and", "or")
        if (p.qualifier == "exact" or between) and q.qualifier == "exact" and sep and (not is_and or between) \
                and p.low is not None and q.low is not None and p.low != q.low \
                and not _CHANGE_FROM.search(text[max(0, prev.start - 40):prev.start]):
            qty = p.model_copy(update={"text": text[prev.start:item.end], "low": min(p.low, q.low),
                                       "high": max(p.low, q.low), "qualifier": "range", "tolerance": 0.0})
            out[-1] = FoundQuantity(prev.start, item.end, qty)
            continue
        out.append(item)
    return out


_COMPOUND_GAP = re.compile(r"\s*(?:,\s*|\s+and\s+)?")
# What a bare number after a unit is in: "12 ft 2 in", "15 dollars 50".
_BARE_MINOR = re.compile(r"\s+in\b(?!\s+(?:the|a|an|\d))|\s*(?=[.;!?]|$)")


def _join_compound_units(text: str, found: list[FoundQuantity]) -> list[FoundQuantity]:
    """Read "5 feet 2 inches", "2 hours and 30 minutes" and "3 dollars 50 cents" as one figure: a unit
    followed by a smaller unit of the same kind; a bare number after dollars or feet is cents or inches."""
    out: list[FoundQuantity] = []
    for item in found:
        prev = out[-1] if out else None
        if prev is None or prev.quantity.qualifier != "exact" or item.quantity.qualifier != "exact":
            out.append(item)
            continue
        gap = _COMPOUND_GAP.fullmatch(text[prev.end:item.start])
        p, q = prev.quantity, item.quantity
        minor = None
        if gap and q.unit is not None and q.unit == p.unit and q.unit_factor < p.unit_factor:
            minor = q.low, item.end
        elif gap and q.unit is None and p.unit is not None and q.low is not None and 0 <= q.low < 100:
            bare = _BARE_MINOR.match(text, item.end)
            if bare and bare.group(0).strip() == "in" and (p.unit, p.unit_factor) == _FOOT:
                minor = q.low * _INCH[1], bare.end()
            elif bare and not bare.group(0).strip() and is_currency(p.unit):
                minor = q.low * 0.01, item.end  # cents
        if minor is None or p.low is None:
            out.append(item)
            continue
        value = p.low + minor[0]
        qty = p.model_copy(update={"text": text[prev.start:minor[1]], "low": value, "high": value})
        out[-1] = FoundQuantity(prev.start, minor[1], qty)
    return out


def _atoms(text: str) -> list[_Atom]:
    """Every number in `text`, in digits, words, spelled fractions or vulgar fractions, by position."""
    fractions = _spelled_fractions(text)
    atoms: list[_Atom] = list(fractions)
    pos = 0
    while (m := _ATOM.search(text, pos)) is not None:
        pos = max(m.end(), m.start() + 1)
        if m.group("num") is None and m.group("words") is None:
            continue
        fraction = next((f for f in fractions if f.start < m.end() and m.start() < f.end), None)
        if fraction is not None and m.start() >= fraction.start:
            pos = max(pos, fraction.end)  # read already, as a spelled fraction
            continue
        if fraction is not None:
            m = _ATOM.match(text[:fraction.start], m.start())  # the figure just before a fraction
            if m is None or (m.group("num") is None and m.group("words") is None):
                continue
        atom = _atom_from_match(text, m)
        if atom is not None:
            atoms.append(atom)
            if atom.end < m.end():
                pos = atom.end  # "ten and fifteen" is two numbers: read on after the first
    for v in _VULGAR.finditer(text):
        at = next((i for i, a in enumerate(atoms) if a.end == v.start() and not a.is_word), None)
        if at is not None:  # "1½": a whole number and its fraction
            whole = atoms[at]
            atoms[at] = _Atom(whole.start, v.end(), whole.value + _VULGAR_VALUES[v.group(0)], whole.currency,
                              whole.integer_text, False)
        elif not any(a.start < v.end() and v.start() < a.end for a in atoms):
            atoms.append(_Atom(v.start(), v.end(), _VULGAR_VALUES[v.group(0)], None, "", False))
    return sorted(atoms, key=lambda a: a.start)


def _spelled_fractions(text: str) -> list[_Atom]:
    """ "three twenty-firsts", "a hundredth", "two and fifty-four hundredths", "one over three"."""
    found: list[_Atom] = []
    for m in _FRACTION_RUN.finditer(text):
        run, start = m.group(0), m.start()
        lead = re.match(r"(?:and\s+)+", run, re.I)
        if lead:
            run, start = run[lead.end():], start + lead.end()
        if run.split()[0].lower() in SCALES:
            continue  # "3 million and a half": the end of a figure written in digits
        after = text[m.end():m.end() + 12]
        if re.search(r"\b(?:and|the)\s+$", text[max(0, start - 5):start], re.I) or re.match(
                r"[\s-]+(?:an?\s+)?(?:thousand|million|billion|trillion)\b", after, re.I) or _FRACTION_OF_FIGURE.match(
                text, m.end()):
            continue  # "an hour and a half", "the fifth", "a quarter million", "a third of the 900 staff"
        joined = re.sub(r"\s*-\s*", "-", run)  # "ninety - five": a hyphen set apart by spaces
        words = [[p for p in w.lower().split("-") if p] for w in joined.split() if w.strip("-")]
        value = parse_spelled_fraction(words)
        if value is None:
            continue
        value = _signed(text, start, value)
        found.append(_Atom(_sign_start(text, start, value), m.end(), value, None, "", True))
    for m in _OVER.finditer(text):
        top, bottom = (parse_digits(g) if g[0].isdigit() else parse_number_words(trim_number_words(g))
                       for g in (m.group("a"), m.group("b")))
        if top is None or not bottom or any(f.start < m.end() and m.start() < f.end for f in found):
            continue
        value = _signed(text, m.start(), top / bottom)
        found.append(_Atom(_sign_start(text, m.start(), value), m.end(), value, None, "", True))
    return found


_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“‘(\n])\s*$")


def _atom_from_match(text: str, m: re.Match[str]) -> _Atom | None:
    start, end = m.start(), m.end()
    after = text[end:end + 4]
    cur = currency_code(m.group("cur")) if m.group("cur") else None
    if cur is not None and m.group("cur").strip().lower() not in CURRENCY_SYMBOLS and _SENTENCE_START.search(text[:start]):
        cur = None  # "ALL 5 solutions": a word in capitals opening a sentence, not the Albanian lek
    if m.group("cur") and cur is None:
        start = m.start("num") if m.group("num") is not None else m.start("words")  # "THE 5": not money
    if m.group("num") is not None:
        num = m.group("num")
        fraction = _DIGIT_FRACTION.match(text, m.end("num"))
        if fraction and not m.group("scale") and "." not in num:
            value = parse_digits(num)
            value = value / int(fraction.group("den")) if fraction.group("sep") == "/" else (
                value + int(fraction.group("num2")) / int(fraction.group("den")))
            return _Atom(start, fraction.end(), _signed(text, start, value), cur, "", False)
        if _ORDINAL_SUFFIX.match(after) or _TIME_OR_VERSION.match(after) or (end < len(text) and text[end] == ":"):
            return None
        if len(num) > 1 and num[0] == "0" and num[1].isdigit():
            return None  # "01", "0085": codes and months, not figures
        code = re.match(r"[A-Za-z]{1,3}-?\d+", text[m.end():m.end() + 8])
        if code and lookup_unit(code.group(0)) is None:
            return None  # "24703L202": a code, not a figure; "24703m2" is square metres
        if start > 0 and text[start - 1] in ":/#":
            return None
        if re.search(r"(?<!\d)(?:1[5-9]|20)\d\d[-–/]$", text[max(0, start - 6):start]) and len(num) == 2:
            return None  # "2013-14": the second year of a span
        operator = re.search(r"[<>=≤≥]+-?$", text[max(0, m.start("num") - 4):m.start("num")])
        if operator and operator.group(0).rstrip("-") not in _OPERATORS:
            return None  # "<>30", "=>30": no reading of the operator gives a figure
        if start > 1 and text[start - 1] == "-" and re.search(r"[A-Za-z]\w*-$", text[max(0, start - 12):start]) and not re.search(
                rf"(?<![A-Za-z])\d[\d.,]*(?:{_SCALE_WORDS})-$", text[max(0, start - 12):start], re.I):
            return None  # a model name: "Aurelia-2", "F-16", "scp2-173m"; but "5k-20k" is a range
        value = parse_digits(num)
        if end < len(text) and text[end] in ":/":
            return None
        value = _signed(text, m.start("num"), value)
        scale = (m.group("scale") or "").lower()
        if scale:
            written = m.group("scale")
            if (scale in ("m", "b") and written not in ("M", "B") and not _is_money_scale(text, end, cur)) or (
                    scale == "t" and (written != "T" or not cur)) or (scale == "mm" and written != "MM"):
                end = m.end("num")
                scale = ""  # "5m" may be metres, "5mm" millimetres, "1500b" bytes; "T" is a trillion only on money
            else:
                value *= _SCALE_VALUE[scale]
                crore = _CRORE_AFTER.match(text, end) if scale in ("lakh", "thousand") else None
                if crore:
                    value, end = value * 1e7, crore.end()  # "1.5 lakh crore", "50 thousand crore"
        and_fraction = _AND_FRACTION.match(text, end) if scale in ("million", "billion", "trillion", "thousand") else None
        if and_fraction:
            # "3 million and a half"
            count = parse_number_words(and_fraction.group("count")) or 1
            value += FRACTIONS[and_fraction.group("frac").lower()] * count * SCALES[scale]
            end = and_fraction.end()
        multiplier = _MULTIPLIER_AFTER.match(text, end)
        unit_of_last = SCALES.get(scale) or SHORT_SCALES.get(scale) or 0.0
        if multiplier and not scale:
            factor = 100 if multiplier.group(1).lower() == "hundred" else 20 if multiplier.group(1).lower() == "score" else 12
            value *= factor
            end = multiplier.end()
            unit_of_last = factor if factor == 100 else 0.0
        while unit_of_last >= 100 and (chain := _SCALE_CHAIN.match(text, end)):
            # "4 thousand 3 hundred and 21": each further part is smaller than the scale before it
            part = parse_digits(chain.group("n")) if chain.group("n") else parse_number_words(chain.group("w")) or 0.0
            step = SCALES.get((chain.group("s") or "").lower(), 1.0)
            if not 0 < part * step < unit_of_last or (chain.group("w") and step > 1):
                break
            if unit_of_last >= 1e6 and chain.group(0).lstrip().lower().startswith("and"):
                break  # "$3 million and 200 jobs": two figures
            value, end, unit_of_last = value + part * step, chain.end(), step
        start_at = start if cur else _sign_start(text, m.start("num"), value)
        return _Atom(start_at, end, value, cur, num, False, bool(scale))
    words = trim_number_words(m.group("words"))
    split = re.match(r"(?P<whole>.*\S)\s+and\s+(?:an?|one|two|three|four|five|six|seven|eight|nine)$", words, re.I)
    after_words = _WORD_FRACTION.match(text, start + len(words))
    if split and after_words and not after_words.group("and"):
        words = split.group("whole")  # "five billion and three quarters": the fraction takes "and three"
    end = start + len(words)
    if words.lower().split()[-1] in TENS and _ORDINAL_UNIT.match(text, end):
        return None  # "the fifty-fifth anniversary", "the twenty-first century": ranks, not figures
    value = parse_number_words(words)
    if value is None:
        return None
    point = _WORD_DECIMAL.match(text, end)
    if point and not m.group("wscale"):
        # "five point five", "two hundred point zero three": the digits after "point" are read one by one
        digits = "".join(str(int(parse_number_words(w) or 0)) for w in re.split(r"\s+", point.group("digits").strip()))
        value, end = value + float("0." + digits), point.end()
    fraction = _WORD_FRACTION.match(text, end)
    if fraction and not fraction.group("and") and _FRACTION_OF_FIGURE.match(text, fraction.end()):
        return None  # "two-thirds of the 300 delegates": read with the figure it is taken of
    if fraction:
        part = FRACTIONS[fraction.group("frac").lower().rstrip("s") if fraction.group("frac").lower().rstrip("s") in FRACTIONS
                         else fraction.group("frac").lower()]
        count = parse_number_words(fraction.group("count")) or 1 if fraction.group("and") else 1
        after = _SCALE_WORD_AFTER.match(text, fraction.end())
        scale = SCALES[after.group(1).lower()] if after else None
        last_word = words.lower().split()[-1]
        last = SCALES.get(last_word) if last_word != "hundred" else None
        if not fraction.group("and"):
            value = value * part * (scale or 1)  # "three quarters", "three quarters million"
        elif last and scale:
            value = value + part * count * scale  # "one billion and a half million"
        elif scale:
            value = (value + part * count) * scale  # "two and a half million"
        else:
            value = value + part * count * (last or 1)  # "one million and a half", "two and a half"
        end = after.end() if after else fraction.end()
        return _Atom(start, end, value, cur, "", True, bool(scale or last))
    multiplier = _MULTIPLIER_AFTER.match(text, end)
    if multiplier and multiplier.group(1).lower() == "dozens":
        return _Atom(start, multiplier.end(), value * 12, cur, "", True)
    if words.lower() == "one" and (_PRONOUN_ONE.search(text[max(0, start - 12):start])
                                   or re.match(r"\s+(?:of|another|day|way|side|thing)\b", text[end:end + 9], re.I)):
        return None
    scaled = any(w in words.lower() for w in ("thousand", "million", "billion", "trillion"))
    if m.group("wscale") and m.end("words") == end:
        value *= math.prod(_SCALE_VALUE[w] for w in m.group("wscale").lower().split())  # "lakh crore" is 1e12
        end = m.end()
        scaled = True
    value = _signed(text, start, value)
    return _Atom(_sign_start(text, start, value), end, value, cur, "", True, scaled)


def _sign_start(text: str, start: int, value: float) -> int:
    """Where a negative figure begins: at its "-" or its "minus"."""
    if value >= 0:
        return start
    if start > 0 and text[start - 1] in "-−":
        return start - 1
    m = re.search(r"\b(?:minus|negative)\s+$", text[max(0, start - 10):start], re.I)
    return start - len(m.group(0)) if m else start


def _signed(text: str, start: int, value: float) -> float:
    """ "-9.23" at the start of a text or after a space is negative, and so is "minus 5";
    "2-1" and "COVID-19" are not."""
    if start > 0 and text[start - 1] in "-−" and (start == 1 or text[start - 2] in " (\t\n<>=≤≥"):
        return -value
    if re.search(r"\b(?:minus|negative)\s+$", text[max(0, start - 10):start], re.I):
        return -value
    return value


def _is_money_scale(text: str, end: int, currency: str | None) -> bool:
    """Read "m" and "b" after a figure as million and billion next to money or a noun."""
    if currency:
        return True
    return bool(re.match(r"\s*(?:dollars|euros|pounds|yen|people|residents|users|customers|viewers|voters|households|"
                         r"jobs|barrels|tonnes|passengers|visitors|subscribers|shares)\b", text[end:end + 16]))


def _read_figure(text: str, atom: _Atom, nxt: _Atom | None, lex: QuantityLexicon) -> tuple[FoundQuantity | None, int]:
    """Read the figure starting at `atom`: a range with `nxt`, a score, or a single value."""
    start, end = atom.start, atom.end
    low = high = atom.value
    qualifier = "exact"
    score = None
    consumed = 1
    before_text = text[max(0, start - 40):start]
    if nxt is not None:
        gap = text[end:nxt.start]
        sep = _RANGE_SEP.fullmatch(gap)
        between = re.search(r"\bbetween\s+$", before_text, re.I)
        is_and = sep is not None and gap.strip().lower() in ("and", "or")
        if sep and (not is_and or between) and not _CHANGE_FROM.search(before_text):
            window = text[max(0, start - 40):min(len(text), nxt.end + 25)]
            if (gap.strip() in ("-", "–", "—") and atom.value > nxt.value and float(nxt.value).is_integer()
                    and atom.value < 200 and _SCORE_CONTEXT.search(window)):
                score = f"{int(atom.value)}-{int(nxt.value)}"
            elif gap.strip() in ("-", "–", "—", "to") and nxt.value <= atom.value and not atom.is_word:
                nxt = None  # "2-1" without a score context, or "50 to 40": not a range
            if nxt is not None:
                low, high = min(atom.value, nxt.value), max(atom.value, nxt.value)
                # "1.2 to 1.5 million": the scale written once applies to both ends.
                if nxt.scaled and not atom.scaled and nxt.value / max(abs(atom.value), 1e-9) > 100:
                    low = atom.value * _scale_of(nxt.value)
                end = nxt.end
                qualifier = "range"
                consumed = 2
                currency = atom.currency or nxt.currency
                atom = _Atom(start, end, low, currency, atom.integer_text, atom.is_word)
    if score:
        qty = Quantity(text=text[start:end], low=None, high=None, qualifier="exact", unit="score")
        return FoundQuantity(start, end, qty, score=score), consumed
    # A fraction of a figure: "a third of the 900 staff".
    frac = None
    for fm in _FRACTION_OF.finditer(text[max(0, start - 30):start]):
        if fm.end() == start - max(0, start - 30):
            frac = fm
    if frac is not None and qualifier == "exact":
        count = (frac.group("count") or "a").lower()
        n = 1.0 if count in ("a", "an") else (parse_number_words(count) or float(count) if not count.isdigit() else float(count))
        factor = n * FRACTIONS[(frac.group("frac") or frac.group("half")).lower()]
        start = start - (len(text[max(0, start - 30):start]) - frac.start())
        low = high = atom.value * factor
    spread = _PLUS_MINUS.match(text, end) if qualifier == "exact" else None
    if spread:
        # "2,000.45±0.01 pounds", "9.83e-3 +/- 1e-5": the figure with its stated uncertainty
        margin = parse_digits(spread.group("margin"))
        low, high, end, qualifier = atom.value - margin, atom.value + margin, spread.end(), "range"
    unit, factor, end = _unit_after(text, end, atom)
    low, high = low * factor, high * factor
    scale, start, end, code = _currency_scale(text, start, end, unit, atom)
    if scale != 1.0:
        low, high, unit = low * scale, high * scale, code
    # "one in eight patients": a share.
    ratio = _IN_RATIO.match(text, atom.end) if qualifier == "exact" and unit is None else None
    if ratio is not None:
        den = parse_number_words(ratio.group("den")) if not ratio.group("den").isdigit() else float(ratio.group("den"))
        if den and atom.value <= den:
            low = high = 100.0 * atom.value / den
            unit, end = "percent", ratio.end()
    q_start, qualifier, low, high, tolerance = _apply_qualifier(text, start, qualifier, low, high, atom, lex)
    tolerance = max(tolerance, length_spread(unit, factor))
    if qualifier == "exact":
        side, end = _bound_after(text, end, lex)
        if side == "lower":
            qualifier, high = "lower_bound", None
        elif side == "upper":
            qualifier, low = "upper_bound", None
    if qualifier == "exact" and unit is None and _YEAR.fullmatch(atom.integer_text or ""):
        return None, consumed  # a bare year is a date, not a figure
    qty = Quantity(text=text[q_start:end], low=low, high=high, qualifier=qualifier, unit=unit, tolerance=tolerance,
                   unit_factor=factor)
    return FoundQuantity(q_start, end, qty), consumed


_SCALE_AFTER_CODE = re.compile(r"\s+(?P<scale>million|billion|trillion|thousand|bn|mn|m)\b", re.I)
_SCALED_CODE_BEFORE = re.compile(r"(?<![A-Za-z])" + SCALED_CODE.pattern + r"\s?$")
_SCALED_CODE_AFTER = re.compile(r"\s?" + SCALED_CODE.pattern)


def _currency_scale(text: str, start: int, end: int, unit: str | None, atom: _Atom) -> tuple[float, int, int, str | None]:
    """A scale written around a currency rather than on the figure: "75 USD million", "120 MEUR",
    "MAUD 60". Return (scale, start, end, currency)."""
    if atom.scaled:
        return 1.0, start, end, unit
    if is_currency(unit):
        after = _SCALE_AFTER_CODE.match(text, end)
        if after:
            return _SCALE_VALUE[after.group("scale").lower()], start, after.end(), unit
    before = _SCALED_CODE_BEFORE.search(text[max(0, start - 6):start])
    if before and unit in (None, before.group("code")):
        return _SHORTHAND[before.group("scale")], start - len(before.group(0)), end, before.group("code")
    if unit is None:
        after = _SCALED_CODE_AFTER.match(text, end)
        if after:
            return _SHORTHAND[after.group("scale")], start, after.end(), after.group("code")
    return 1.0, start, end, unit


_SHORTHAND = {"M": 1e6, "K": 1e3}


def _scale_of(value: float) -> float:
    for scale in (1e12, 1e9, 1e6, 1e3):
        if value >= scale:
            return scale
    return 1.0


def _unit_after(text: str, end: int, atom: _Atom) -> tuple[str | None, float, int]:
    """Return (unit, factor, new end) for the unit written after a figure ending at `end`."""
    if atom.currency:
        return atom.currency, 1.0, end
    rest = text[end:]
    hyphen = re.match(r"-(?P<word>[A-Za-z]+)", rest)
    if hyphen and hyphen.group("word").lower() == "pound":
        return (*_POUND, end + hyphen.end())  # "a 2,000-pound bomb" weighs; money is "£2,000"
    if hyphen:
        found = lookup_unit(hyphen.group("word"))
        if found and hyphen.group("word").lower() not in ABBREVIATIONS - {"km", "kg"}:
            return found[0], found[1], end + hyphen.end()
        return None, 1.0, end
    m = UNIT_AFTER.match(rest)
    if m and re.match(r"-?\d", rest[m.end():m.end() + 2]):
        m = None  # "24703 L-202": a part number, not litres
    if m:
        surface = m.group(0)
        found = lookup_unit(surface)
        if found:
            canonical, factor = found
            if canonical == "percentage point" and surface.strip().lower() in ("point", "points") and not re.match(
                    r"\s*(?:increase|rise|cut|hike|drop)", rest[m.end():], re.I):
                return None, 1.0, end
            if canonical == "GBP" and surface.strip().lower() == "pounds" and (
                    _WEIGHT_CUE.search(text[max(0, atom.start - 40):atom.start]) or rest[m.end():].lstrip().startswith("of ")):
                return (*_POUND, end + m.end())  # "weighs 300 pounds", "300 pounds of rice"
            return canonical, factor, end + m.end()
    iso = ISO_CODE_AFTER.match(rest)
    if iso and iso.group(1) in iso_currency_codes():
        return iso.group(1), 1.0, end + iso.end()
    if re.search(r"\bmagnitude[\s-]+$", text[max(0, atom.start - 12):atom.start], re.I):
        return "magnitude", 1.0, end
    before = CURRENCY_BEFORE.search(text[max(0, atom.start - 5):atom.start])
    if before:
        code = currency_code(before.group(0))
        if code:
            return code, 1.0, end
    return None, 1.0, end


def _apply_qualifier(text: str, start: int, qualifier: str, low: float, high: float, atom: _Atom,
                     lex: QuantityLexicon) -> tuple[int, str, float | None, float | None, float]:
    """Widen [low, high] by the bound or approximation word just before `start`."""
    before = text[max(0, start - 40):start]
    phrase, kind = _qualifier_before(before, lex)
    if kind == "approximate" and re.search(r"\b(?:how|what)\s+" + re.escape(phrase.strip()) + r"\s*$", before, re.I):
        phrase, kind = "", ""  # "how about 2 in 5": a question, not an approximation
    tolerance = 0.0
    new_start = start - len(phrase) if phrase else start
    lo: float | None = low
    hi: float | None = high
    if kind == "between":
        return new_start, "range", lo, hi, 0.0
    if kind in ("lower", "lower_strict"):
        return new_start, "lower_bound", low, None, 0.0
    if kind in ("upper", "upper_strict"):
        return new_start, "upper_bound", None, high, 0.0
    if kind == "below_near":
        tolerance = lex.approximate.get(_norm(phrase), 0.1)
        return new_start, "approximate", low * (1 - tolerance), high, tolerance
    if kind == "above_near":
        tolerance = lex.approximate.get(_norm(phrase), 0.05)
        return new_start, "approximate", low, high * (1 + tolerance), tolerance
    if kind == "approximate":
        return new_start, "approximate", lo, hi, lex.approximate.get(_norm(phrase), 0.1)
    if qualifier == "exact" and not atom.is_word and _looks_rounded(atom.integer_text, lex):
        tolerance = lex.rounding.tolerance
    return new_start, qualifier, lo, hi, tolerance


def _bound_after(text: str, end: int, lex: QuantityLexicon) -> tuple[str, int]:
    """ "2,000 or more", "50 or fewer": a bound written after the figure. Return (side, new end)."""
    for side, words in (("lower", lex.bounds.lower_after), ("upper", lex.bounds.upper_after)):
        for word in sorted(words, key=len, reverse=True):
            m = re.compile(r"\s+" + re.escape(word).replace(r"\ ", r"\s+") + r"(?![\w-])(?!\s+than\b)(?!\s*[\d$€£])", re.I).match(text, end)
            if m:
                return side, m.end()
    return "", end


def _norm(phrase: str) -> str:
    return re.sub(r"\s+", " ", phrase.strip().strip("“\"'(").strip().lower())


def _qualifier_before(before: str, lex: QuantityLexicon) -> tuple[str, str]:
    """Return (phrase as written, kind) of the qualifier that ends `before`, or ("", "")."""
    candidates: list[tuple[str, str]] = [("between", "between")]
    b = lex.bounds
    for kind, words in (("lower_strict", b.lower_strict), ("lower", b.lower), ("upper_strict", b.upper_strict),
                        ("upper", b.upper), ("below_near", b.below_near), ("above_near", b.above_near)):
        candidates += [(w, kind) for w in words]
    candidates += [(w, "approximate") for w in lex.approximate if (w, "below_near") not in candidates]
    best = ("", "")
    for word, kind in candidates:
        body = re.escape(word).replace(r"\ ", r"\s+")
        space = r"\s*" if not word[-1].isalnum() else r"\s+"
        m = re.search(r"(?:^|(?<=[\s“\"'(]))" + body + space + r"[“\"']?$", before, re.I)
        if m and len(m.group(0)) > len(best[0]):
            best = (m.group(0), kind)
    return best


def _looks_rounded(integer_text: str, lex: QuantityLexicon) -> bool:
    digits = integer_text.replace(",", "").split(".")[0]
    stripped = digits.rstrip("0")
    return bool(stripped) and len(digits) - len(stripped) >= lex.rounding.min_trailing_zeros


_HALF = re.compile(r"(?<![\w-])half(?=\s+(?!an?\b|hour|day|week|month|year|mile|dozen|million|billion)[a-z]+)", re.I)


def _halves(text: str, lex: QuantityLexicon, taken: Spans) -> list[FoundQuantity]:
    """ "fewer than half", "just over half the vote": a share of 50 percent."""
    found: list[FoundQuantity] = []
    for m in _HALF.finditer(text):
        if taken.overlaps(m.start(), m.end()) or re.search(r"(?:\ban?|one)\s+$", text[:m.start()], re.I):
            continue
        atom = _Atom(m.start(), m.end(), 50.0, None, "", True)
        q_start, qualifier, low, high, tolerance = _apply_qualifier(text, m.start(), "exact", 50.0, 50.0, atom, lex)
        if q_start == m.start():
            continue  # a bare "half" is too loose to read as a figure
        qty = Quantity(text=text[q_start:m.end()], low=low, high=high, qualifier=qualifier, unit="percent",
                       tolerance=tolerance)
        found.append(FoundQuantity(q_start, m.end(), qty))
    return found


def _vague_amounts(text: str, lex: QuantityLexicon, taken: Spans) -> list[FoundQuantity]:
    found: list[FoundQuantity] = []
    for phrase in sorted(lex.vague, key=len, reverse=True):
        body = re.escape(phrase).replace(r"\ ", r"\s+")
        pattern = re.compile(r"(?<![\w-])" + body + r"(?![\w-])(?=\s+(?:of\s+)?[a-z])", re.I)
        for m in pattern.finditer(text):
            if taken.overlaps(m.start(), m.end()):
                continue
            low, *rest = lex.vague[phrase]
            high = rest[0] if rest else None
            end = m.end()
            scaled = _VAGUE_SCALE.match(text, end)
            if scaled:  # "a few dozen", "several hundred", "hundreds of millions": the amount times the scale
                times = _VAGUE_SCALES[scaled.group(1).lower()]
                low, high, end = low * times, None if high is None else high * times, scaled.end()
            unit, factor, end = _unit_after(text, end, _Atom(m.start(), end, low, None, "", is_word=True))
            if unit is not None:  # "several million euros" is money, as "5 million euros" is
                low, high = low * factor, None if high is None else high * factor
            qty = Quantity(text=text[m.start():end], low=low, high=high, qualifier="vague", unit=unit,
                           tolerance=lex.vague_tolerance, unit_factor=factor)
            found.append(FoundQuantity(m.start(), end, qty))
            taken.add(m.start(), end)
    return found


# A scale word after a vague amount: "a few dozen", "several hundred", "hundreds of millions".
_VAGUE_SCALES = {**SCALES, "dozen": MULTIPLIERS["dozen"]}
_VAGUE_SCALE = re.compile(rf"\s+(?:of\s+)?({'|'.join(sorted(_VAGUE_SCALES))})s?\b(?!-)", re.I)


def with_named_currencies(claims: list[Claim]) -> list[Claim]:
    """The claims, each sum in a bare currency noun ("3.6 billion crowns") in the one currency of that
    noun the texts name ("NOK 3.2 billion", "Norwegian crowns"): a story names its currency once."""
    bare = bare_currency_nouns()
    named = {c.quantity.unit for c in claims if c.quantity is not None and c.quantity.unit in iso_currency_codes()}
    out = []
    for claim in claims:
        q = claim.quantity
        if q is not None and q.unit is None and q.counted and q.counted.lower() in bare:
            choices = bare[q.counted.lower()] & named
            if len(choices) == 1:
                claim = claim.model_copy(update={"quantity": q.model_copy(update={"unit": min(choices), "counted": None})})
        out.append(claim)
    return out
