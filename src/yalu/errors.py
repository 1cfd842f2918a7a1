"""The exceptions yalu raises, all under one base so a batch can catch one thing.

    YaluError                 any failure to read one input; carries the input's name and a reason
    ├── UnreadableInput       cannot get at the bytes: missing, too large, empty, binary, undecodable
    ├── NoArticle             the page decodes but holds no article (an index page, a blank template)
    └── AlignmentError        a span does not match the text it claims to point into (a bug or a bad file)
"""

from __future__ import annotations


class YaluError(Exception):
    """A failure tied to one input. ``str(error)`` is the one-line message users see."""

    code = "error"

    def __init__(self, name: str, reason: str):
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason

    def __reduce__(self):
        # batches read pages in other processes; the error must cross back intact, code included
        return _rebuild, (type(self), self.name, self.reason, self.code)


def _rebuild(cls: type[YaluError], name: str, reason: str, code: str) -> YaluError:
    error = cls.__new__(cls)
    YaluError.__init__(error, name, reason)
    error.code = code
    return error


class UnreadableInput(YaluError):
    def __init__(self, name: str, reason: str, code: str = "unreadable"):
        super().__init__(name, reason)
        self.code = code


class NoArticle(YaluError):
    code = "no-article"


class AlignmentError(YaluError):
    code = "alignment"
