"""The bottom layer of Décodia: what every other package may rely on. It imports no other package of the
project (no course module, widget, quiz or book code; `tests/test_layers.py` checks it).

- `core.course`: the course registry. Each `modules/<slug>/module.yaml` is checked against
  `core/module.schema.json` and loaded once into a typed `Module`; the builder, `decodia check`,
  the landing page, the tests and the benchmarks take the module list from it.
- `core.languages`: the languages and reading levels (`LANGS`, `LEVELS`) and their Babel locales.
- `core.formats`: numbers, percentages, money and dates (Babel, fr_CA / en_CA), quotations, lists and
  French spacing, with no-break spaces wherever a line must not break.
- `core.markup`: HTML escaping.
- `core.yamlfile`: YAML data files read with line numbers; errors name the file, line, item and field.
- `core.printing`: Chromium discovery and the PDF printer (the book's PDFs, the packs' worksheets).
- `core.serve`: the static server of `decodia serve` and the browser tests.
"""
