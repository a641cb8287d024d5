"""The bottom layer of Décodia: what every other package may rely on, and that imports no course module.

- `core.course`: the course registry. Each `modules/<slug>/module.yaml` is checked against
  `core/module.schema.json` and loaded once into a typed `Module`; the builder, `decodia check`,
  the landing page, the tests and the benchmarks take the module list from it.
"""
