"""The layer contract, checked by import-linter (`[tool.importlinter]` in pyproject.toml):
core <- modules (models) <- widgets <- quizzes <- book; quizzes and book use no course module as a library.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("core", "modules", "widgets", "quizzes", "book")


def _lint(root: Path) -> subprocess.CompletedProcess:
    lint = Path(sys.executable).with_name("lint-imports")
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run([str(lint), "--no-cache", "--config", str(root / "pyproject.toml")], cwd=root, env=env,
                          capture_output=True, text=True)


def test_the_layers_are_kept():
    proc = _lint(ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Contracts: 2 kept, 0 broken." in proc.stdout


def test_an_import_against_the_layers_is_caught(tmp_path):
    """The contract is not vacuous: core importing a widget, or the engine importing a course module, fails."""
    for name in PACKAGES:
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "data", "*.md"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    (tmp_path / "core" / "formats.py").write_text(
        (ROOT / "core" / "formats.py").read_text(encoding="utf-8") + "\nfrom widgets.views import View\n",
        encoding="utf-8")
    (tmp_path / "quizzes" / "worksheet.py").write_text(
        (ROOT / "quizzes" / "worksheet.py").read_text(encoding="utf-8") + "\nfrom modules.chatbots.text import words\n",
        encoding="utf-8")
    proc = _lint(tmp_path)
    assert proc.returncode != 0
    assert "core.formats -> widgets.views" in proc.stdout
    assert "quizzes.worksheet -> modules.chatbots.text" in proc.stdout
