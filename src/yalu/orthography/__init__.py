"""Chinese Korean ↔ South Korean standard spelling. The rules are the tables in ``rules/``."""

from ..document import Change, apply_changes
from .engine import Standardized, load_tables, standardize
from .variants import variants
from .variety import Variety, variety

__all__ = ["Change", "Standardized", "Variety", "apply_changes", "load_tables", "standardize", "variants",
           "variety"]
