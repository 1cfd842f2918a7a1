"""Page → Document. See ``article.extract``; the page patterns and outlet formats are data files here."""

from .article import extract
from .rules import load_outlets, load_rules

__all__ = ["extract", "load_outlets", "load_rules"]
