"""PDF of every module in every edition, printed by Chromium with the book's print CSS."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from .editions import HTML, Edition, modules

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw", "--virtual-time-budget=5000"]


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def pdf_path(edition: Edition, slug: str) -> Path:
    return HTML / "pdf" / f"{slug}-{edition.lang}-{edition.level}.pdf"


def print_page(html: Path, pdf: Path) -> None:
    pdf.parent.mkdir(parents=True, exist_ok=True)
    profile = pdf.parent / ".chromium-profile"
    subprocess.run([chromium(), *FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={pdf}", html.as_uri()],
                   check=True, capture_output=True, timeout=120)
    shutil.rmtree(profile, ignore_errors=True)


def print_modules(editions: list[Edition]) -> list[Path]:
    made = []
    for e in editions:
        for m in modules():
            target = pdf_path(e, m.slug)
            page = e.out / f"{m.slug}.html"
            if target.exists() and target.stat().st_mtime >= page.stat().st_mtime:
                made.append(target)  # already printed from this very page
                continue
            print_page(page, target)
            made.append(target)
    return made
