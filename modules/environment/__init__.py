"""The live models of the module "environment": what computing costs in energy, carbon and water.

- `compute`: the course's own small models timed on this machine, and the same arithmetic scaled to
  published model sizes (about 2 operations per parameter per token);
- `receipt`: the receipt of one answer (real tokenizer, published per-query estimates as a range);
- `grids`: carbon and water per kWh on several grids, and everyday things to compare with;
- `growth`: data-centre electricity, measured and projected, against countries;
- `tools`: the smallest tool that does the job.

Every constant that stands for the world names its source id in `modules/environment/sources.yaml`.
Plain Python, no user interface.
"""
from __future__ import annotations

from . import compute, grids, growth, receipt, tools

__all__ = ["compute", "grids", "growth", "receipt", "tools"]
