"""The quiz engine: validated item banks, seeded generation, renderers and grading.

- `load_bank`, `validate_bank`, `module_bank`: item banks (`modules/<slug>/quiz.yaml`);
- `assemble`: a seeded quiz covering every objective;
- `grade`: one response to one question;
- `SelfCheck`: the quiz at the end of a lesson, with its page, live and print faces.
"""
from .assemble import Quiz, assemble
from .bank import Bank, load_bank, module_bank, validate_bank
from .errors import BankError, BankErrors
from .grading import Score, grade, normalise
from .model import Question, validate_item
from .page import SelfCheck

__all__ = ["Bank", "BankError", "BankErrors", "Question", "Quiz", "Score", "SelfCheck", "assemble", "grade",
           "load_bank", "module_bank", "normalise", "validate_bank", "validate_item"]
