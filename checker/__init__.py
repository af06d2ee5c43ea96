"""claimcheck: find claims that cannot all be true across conflicting reports."""

__version__ = "0.1.0"
