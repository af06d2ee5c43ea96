"""Units and currencies: surface forms to a canonical unit and a factor to it."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

# Canonical unit -> surface forms. Factors turn the surface unit into the canonical one.
UNIT_FACTORS: dict[str, dict[str, float]] = {
    "percent": {"%": 1, "percent": 1, "per cent": 1, "pct": 1},
    "percentage point": {"percentage points": 1, "percentage point": 1, "points": 1, "point": 1,
                         "basis points": 0.01, "basis point": 0.01, "bps": 0.01, "bp": 0.01},
    "metre": {"kilometres": 1e3, "kilometers": 1e3, "kilometre": 1e3, "kilometer": 1e3, "km": 1e3,
              "metres": 1, "meters": 1, "metre": 1, "meter": 1, "m": 1,
              "centimetres": 0.01, "centimeters": 0.01, "cm": 0.01, "millimetres": 1e-3,
              "millimeters": 1e-3, "mm": 1e-3, "miles": 1609.344, "mile": 1609.344, "mi": 1609.344,
              "feet": 0.3048, "foot": 0.3048, "ft": 0.3048, "inches": 0.0254, "inch": 0.0254,
              "yards": 0.9144, "yard": 0.9144},
    "kilogram": {"kilograms": 1, "kilogram": 1, "kilos": 1, "kg": 1, "grams": 1e-3, "gram": 1e-3,
                 "g": 1e-3, "metric tons": 1e3, "metric tonnes": 1e3, "tonnes": 1e3, "tonne": 1e3,
                 "tons": 907.185, "ton": 907.185, "lbs": 0.4536, "lb": 0.4536,
                 "ounces": 0.02835, "oz": 0.02835, "milligrams": 1e-6, "mg": 1e-6, "micrograms": 1e-9,
                 "microgrammes": 1e-9, "mcg": 1e-9, "grammes": 1e-3},
    "hectare": {"hectares": 1, "hectare": 1, "ha": 1, "acres": 0.404686, "acre": 0.404686,
                "square kilometres": 100, "square kilometers": 100, "sq km": 100, "km2": 100,
                "square miles": 258.999, "sq mi": 258.999, "square metres": 1e-4, "square meters": 1e-4,
                "sq m": 1e-4, "m2": 1e-4, "m²": 1e-4},
    "litre": {"litres": 1, "liters": 1, "litre": 1, "liter": 1, "l": 1, "millilitres": 1e-3,
              "milliliters": 1e-3, "ml": 1e-3, "gallons": 3.785, "gallon": 3.785, "barrels": 159, "barrel": 159,
              "teaspoons": 0.005, "teaspoon": 0.005, "tablespoons": 0.015, "tablespoon": 0.015,
              # volumes in cubes of a length are litres too: a cubic metre holds 1,000
              "cubic metres": 1e3, "cubic meters": 1e3, "cubic metre": 1e3, "cubic meter": 1e3, "m3": 1e3,
              "m³": 1e3, "cubic kilometres": 1e12, "cubic kilometers": 1e12, "cubic kilometre": 1e12,
              "cubic kilometer": 1e12, "km3": 1e12, "km³": 1e12, "cubic feet": 28.3168, "cubic foot": 28.3168,
              "cu ft": 28.3168, "cubic centimetres": 1e-3, "cubic centimeters": 1e-3, "cm3": 1e-3, "cm³": 1e-3,
              "cubic yards": 764.555, "cubic yard": 764.555},
    "second": {"seconds": 1, "second": 1, "secs": 1, "minutes": 60, "minute": 60, "mins": 60, "min": 60,
               "hours": 3600, "hour": 3600, "hrs": 3600, "hr": 3600, "days": 86400, "day": 86400,
               "weeks": 604800, "week": 604800, "fortnight": 1209600, "months": 2629800, "month": 2629800,
               "years": 31557600, "year": 31557600, "decades": 315576000, "decade": 315576000},
    "degree": {"degrees celsius": 1, "degrees": 1, "°c": 1, "°": 1, "celsius": 1},
    # Fahrenheit is kept apart: it converts by an offset, not a factor.
    "degree fahrenheit": {"degrees fahrenheit": 1, "°f": 1, "fahrenheit": 1},
    "kilometre per hour": {"km/h": 1, "kph": 1, "mph": 1.609344, "miles per hour": 1.609344},
    "watt": {"megawatts": 1e6, "megawatt": 1e6, "mw": 1e6, "gigawatts": 1e9, "gigawatt": 1e9, "gw": 1e9,
             "terawatts": 1e12, "terawatt": 1e12, "kilowatts": 1e3, "kilowatt": 1e3, "kw": 1e3, "watts": 1, "watt": 1},
    "magnitude": {"magnitude": 1},
}

CURRENCY_SYMBOLS: dict[str, str] = {
    "us$": "USD", "a$": "AUD", "c$": "CAD", "hk$": "HKD", "$": "USD", "€": "EUR", "£": "GBP",
    "¥": "JPY", "₹": "INR", "usd": "USD", "eur": "EUR", "gbp": "GBP", "jpy": "JPY", "chf": "CHF",
    "cny": "CNY", "inr": "INR", "rs": "INR", "rs.": "INR", "aud": "AUD", "cad": "CAD", "hkd": "HKD",
    "rmb": "CNY",
}
# ISO codes written after a figure ("50 million USD"), and the finance shorthand that puts the
# million on the code ("120 MEUR", "MAUD 60").
CURRENCY_CODES = {"usd", "eur", "gbp", "jpy", "chf", "cny", "inr", "aud", "cad", "hkd", "rmb"}
SCALED_CODE = re.compile(r"(?P<scale>[MK])(?P<code>USD|EUR|GBP|JPY|CHF|CNY|INR|AUD|CAD|HKD)(?![A-Za-z])")
CURRENCY_WORDS: dict[str, tuple[str, float]] = {
    "us dollars": ("USD", 1), "dollars": ("USD", 1), "dollar": ("USD", 1), "euros": ("EUR", 1),
    "euro": ("EUR", 1), "euro cents": ("EUR", 0.01), "cents": ("USD", 0.01), "pounds sterling": ("GBP", 1),
    "pounds": ("GBP", 1), "pence": ("GBP", 0.01), "yen": ("JPY", 1), "yuan": ("CNY", 1),
    "rupees": ("INR", 1), "francs": ("CHF", 1), "swiss francs": ("CHF", 1), "us dollar": ("USD", 1),
    "cent": ("USD", 0.01), "euro cent": ("EUR", 0.01), "penny": ("GBP", 0.01), "rupee": ("INR", 1),
    "pound sterling": ("GBP", 1), "€": ("EUR", 1),
}
CURRENCY_WORDS.update({code: (CURRENCY_SYMBOLS[code], 1) for code in CURRENCY_CODES})
# The English word news writes for the Nordic and Czech currencies ("421 million Norwegian crowns"),
# and their own plurals ("Swedish kronor").
_CURRENCY_GLOSS = {"krone": "crown", "krona": "crown", "koruna": "crown"}
_CURRENCY_PLURAL = {"krone": "kroner", "krona": "kronor"}


def _currency_forms() -> Iterator[tuple[list[str], str, str]]:
    """Each ISO 4217 name with a country's adjective, from pycountry, as (country words, a form of
    its noun, code): singular, plural and the English word ("Norwegian" + "kroner", "crowns")."""
    import pycountry

    for currency in pycountry.currencies:
        words = currency.name.lower().split()
        if len(words) < 2 or not all(w.isalpha() for w in words):
            continue
        *country, noun = words
        gloss = _CURRENCY_GLOSS.get(noun, noun)
        for form in {noun, noun + "s", gloss, gloss + "s", _CURRENCY_PLURAL.get(noun, noun)}:
            yield country, form, currency.alpha_3


def _currency_names() -> dict[str, tuple[str, float]]:
    """Currency names with the country's adjective: "Mexican pesos", "Norwegian kroner", "Swedish
    crowns". A bare noun ("pesos", "crowns") names many currencies, so only the full name counts."""
    names: dict[str, tuple[str, float]] = {}
    for country, form, code in _currency_forms():
        names.setdefault(" ".join([*country, form]), (code, 1.0))
    return names


@functools.lru_cache(maxsize=1)
def bare_currency_nouns() -> dict[str, frozenset[str]]:
    """The nouns that name several currencies without their country ("crowns": NOK, SEK, DKK, ISK,
    CZK; "pesos"), in their singular, plural and English forms, with the ISO codes of each."""
    codes: dict[str, set[str]] = {}
    for _, form, code in _currency_forms():
        codes.setdefault(form, set()).add(code)
    return {form: frozenset(c) for form, c in codes.items() if len(c) > 1 and form not in CURRENCY_WORDS}


for _name, _entry in _currency_names().items():
    CURRENCY_WORDS.setdefault(_name, _entry)
_CURRENCY_UNITS = set(CURRENCY_SYMBOLS.values()) | {code for code, _ in CURRENCY_WORDS.values()}

_SURFACE: dict[str, tuple[str, float]] = {
    surface: (canonical, factor)
    for canonical, forms in UNIT_FACTORS.items()
    for surface, factor in forms.items()
}
for _word, (_code, _factor) in CURRENCY_WORDS.items():
    _SURFACE[_word] = (_code, _factor)

# Short forms that are units only when written right after a number ("5km", "3 kg").
ABBREVIATIONS = {"m", "g", "l", "km", "kg", "cm", "mm", "ml", "mi", "ft", "ha", "lb", "lbs", "oz", "mw", "gw",
                 "kw", "bp", "bps", "hr", "hrs", "min", "mins", "secs", "°", "°c", "pct", "sq km", "sq mi", "km2",
                 "m2", "m²", "sq m", "mg", "mcg"} | CURRENCY_CODES

_UNIT_ALT = "|".join(re.escape(s) for s in sorted(_SURFACE, key=len, reverse=True))
UNIT_AFTER = re.compile(rf"\s?(?:{_UNIT_ALT})(?![\w])", re.I)
_CURRENCY_ALT = "|".join(re.escape(s) for s in sorted(CURRENCY_SYMBOLS, key=len, reverse=True))
CURRENCY_BEFORE = re.compile(rf"(?<![A-Za-z])(?:{_CURRENCY_ALT})\s?$", re.I)


_MONTH = UNIT_FACTORS["second"]["month"]


def length_spread(unit: str | None, factor: float) -> float:
    """How far a unit of varying length strays from its mean: a calendar month is 28 to 31 days,
    so "two months" and "60 days" agree."""
    return 0.05 if unit == "second" and factor == _MONTH else 0.0


def lookup_unit(surface: str) -> tuple[str, float] | None:
    """Return (canonical unit, factor) for a unit's `surface` form, or None."""
    return _SURFACE.get(surface.strip().lower())


@functools.lru_cache(maxsize=1)
def iso_currency_codes() -> frozenset[str]:
    """Every ISO 4217 code, from pycountry: "NOK 412 million" and "SEK 3bn" are money too."""
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.currencies)


# An ISO code written in capitals just after a figure ("412 NOK"; before it, quantities' atom
# pattern reads it); in lower case only the common codes above count, as "all" or "top" are words first.
ISO_CODE_AFTER = re.compile(r"\s?([A-Z]{3})(?![A-Za-z0-9])")


def is_currency(unit: str | None) -> bool:
    """True for the ISO code a money figure carries as its unit ("USD")."""
    return unit in _CURRENCY_UNITS or (unit is not None and len(unit) == 3 and unit in iso_currency_codes())


def currency_code(symbol: str) -> str | None:
    """Return the ISO code of a currency `symbol` such as "$", "EUR" or "NOK"."""
    symbol = symbol.strip()
    return CURRENCY_SYMBOLS.get(symbol.lower()) or (symbol if symbol in iso_currency_codes() else None)
