"""Chinese names in four forms, and the places and people they name.

    >>> from yalu import names
    >>> names.lookup("가목사")[0].hanzi, names.from_hanzi("习近平").standard
    ('佳木斯市', '시진핑')
"""

from .forms import pinyin, reading, standard, traditional
from .gazetteer import Candidate, from_hanzi, index, lookup
from .places import Address, Level, address, initial_sound_law

__all__ = ["Address", "Candidate", "Level", "address", "from_hanzi", "index", "initial_sound_law", "lookup", "pinyin",
           "reading", "standard", "traditional"]
