"""Errors that name where the problem is: the file, the line when known, the item and the field."""
from __future__ import annotations

from core.yamlfile import YamlError

# A problem in an item bank: the file, the line when known, the item and the field; `str()` is one line a
# writer can act on. A bank is a YAML file, and its reader (`core.yamlfile.read_yaml`) raises this same
# class, so one `except BankError` catches an unreadable file and a bad item alike.
BankError = YamlError


class BankErrors(ValueError):
    """Every problem found in one bank, so a writer fixes them in one pass."""

    def __init__(self, errors: list[BankError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))
