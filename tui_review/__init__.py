"""tui-review: check Chinese government budget and final-account disclosures for consistency."""

__version__ = "0.1.0"
