"""Forget what yalu has read, so that a benchmark times each text as new.

yalu keeps per-word results for the life of the process (the spelling engine's word memo, the bounded
``lru_cache`` lookups of words and names): in a corpus a word met again costs nothing. A benchmark that
reads the same texts in several rounds would time those memos, not the reading; ``cold()`` empties them
before each timed pass. The unbounded caches (``functools.cache``: dictionaries and gazetteers loaded
once) are kept, as a long run keeps them.
"""

from __future__ import annotations

import sys


def cold() -> None:
    from yalu.orthography import engine

    engine._WORD_MEMO.clear()
    for name, module in list(sys.modules.items()):
        if not name.startswith("yalu."):
            continue
        for value in list(vars(module).values()):
            info = getattr(value, "cache_info", None)
            if info is not None and info().maxsize is not None:
                value.cache_clear()
