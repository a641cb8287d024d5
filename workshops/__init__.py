"""Workshop kits (issue 18): for every module and language, a printable kit for community workshops.

`decodia workshop` writes them; `kit.py` reads and checks a module's kit file, `document.py` lays the kit out as one
HTML document, `printing.py` prints it to PDF with Chromium. The book links every kit from its "Workshops" page.
"""
