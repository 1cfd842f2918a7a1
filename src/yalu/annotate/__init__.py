"""Annotations over a Document's text: mentions of people, places, organisations and dates."""

from .mentions import mentions, reference_year

__all__ = ["mentions", "reference_year"]
