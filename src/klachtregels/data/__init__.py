"""Versioned legal data shipped with klachtregels (read with :mod:`importlib.resources`)."""
