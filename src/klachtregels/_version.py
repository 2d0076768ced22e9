"""The library version; stamped on every Decision, Deadline and report (results say what produced them)."""

__version__ = "0.1.0.dev0"
