"""Coded errors that say what went wrong and what to do about it."""

from __future__ import annotations


class CheckerError(Exception):
    """An input, configuration or rule problem the user can fix; the CLI exits 2."""

    def __init__(self, code: str, message: str, hint: str = "") -> None:
        super().__init__(f"{code} {message}")
        self.code = code
        self.message = message
        self.hint = hint

    def render(self) -> str:
        text = f"error {self.code}: {self.message}"
        return text + (f"\n  hint: {self.hint}" if self.hint else "")


# Input documents
E101_MISSING = "E101"
E102_DIRECTORY = "E102"
E103_BINARY = "E103"
E104_TOO_LARGE = "E104"
E105_UNREADABLE = "E105"
E106_SUFFIX = "E106"
# Rules and lexicon
E201_RULE_TOML = "E201"
E202_RULE_KEY = "E202"
E203_RULE_VALUE = "E203"
E204_RULES_DIR = "E204"
E205_RULE_UNKNOWN = "E205"
E206_RULE_EXAMPLE = "E206"
# Configuration
E301_CONFIG = "E301"
# Model
E401_MODEL = "E401"
E402_NLP = "E402"
E403_DECISION = "E403"
# Labelled cases (claimcheck fit)
E501_CASES = "E501"
# Requests to `claimcheck serve`
E601_REQUEST = "E601"
# Archives (`claimcheck index`, `check --archive`)
E701_ARCHIVE = "E701"
E702_STORE = "E702"
E703_CLUSTER = "E703"
