"""Reusable interactive components, each with its live, kernel-free and print faces.

No model logic lives here: a demo receives a `render` function that runs a model.
"""
from core.formats import number, percent
from core.markup import esc

from .explorer import STATIC, Choice, Explorer
from .views import View, bars, line_chart, paragraph, quote, table, tokens

__all__ = ["STATIC", "Choice", "Explorer", "View", "bars", "esc", "line_chart", "number", "paragraph", "percent",
           "quote", "table", "tokens"]
