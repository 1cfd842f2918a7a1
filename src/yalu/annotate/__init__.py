"""Annotations over a Document's text: mentions of people, places, organisations, dates, quoted terms
and quantities, the roles of the people, and the events (meetings, inspection tours) they make."""

from .mentions import annotate, mentions, reference_year

__all__ = ["annotate", "mentions", "reference_year"]
