"""Errors that name where the problem is: the file, the line when known, the item and the field."""
from __future__ import annotations


class BankError(ValueError):
    """A problem in an item bank; `str()` is one line a writer can act on."""

    def __init__(self, file: str, message: str, line: int | None = None, item: str | None = None,
                 field: str | None = None):
        self.file, self.line, self.item, self.field, self.message = file, line, item, field, message
        where = file + (f", line {line}" if line else "")
        what = "".join([f", item '{item}'" if item else "", f", field '{field}'" if field else ""])
        super().__init__(f"{where}{what}: {message}")


class BankErrors(ValueError):
    """Every problem found in one bank, so a writer fixes them in one pass."""

    def __init__(self, errors: list[BankError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))
