"""Chinese Korean ↔ South Korean standard spelling. The rules are the tables in ``rules/``."""

from .engine import Change, Standardized, apply, load_tables, standardize

__all__ = ["Change", "Standardized", "apply", "load_tables", "standardize"]
