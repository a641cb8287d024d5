"""`decodia workshop`: write the printable workshop kits of one module or of all of them."""
from __future__ import annotations

import sys
from pathlib import Path

from core.course import UnknownModule, course, modules
from core.languages import LANGS
from core.printing import chromium

from .kit import KitErrors, kit_path
from .printing import write_kits


def workshop_command(args) -> int:
    if not args.all and not args.module:
        print("decodia workshop: name a module with --module SLUG, or write every kit with --all", file=sys.stderr)
        return 2
    try:
        chosen = list(modules()) if args.all else [course().module(args.module)]
    except UnknownModule as err:
        print(f"decodia workshop: {err}", file=sys.stderr)
        return 2
    langs = [args.lang] if args.lang else list(LANGS)
    missing = [f"{m.slug} ({lang}): {kit_path(m, lang)}" for m in chosen for lang in langs
               if not kit_path(m, lang).is_file()]
    if missing and not args.all:
        print("decodia workshop: no kit file yet for " + "; ".join(missing), file=sys.stderr)
        return 1
    if missing:
        print("decodia workshop: skipped, no kit file yet: " + "; ".join(missing), file=sys.stderr)
        chosen = [m for m in chosen if all(kit_path(m, lang).is_file() for lang in langs)]
    pdf = chromium() is not None
    if not pdf:
        print("decodia workshop: Chromium is missing, so only the HTML kits are written "
              "(sudo apt-get install chromium)", file=sys.stderr)
    try:
        written = write_kits(chosen, langs, Path(args.out), paper=args.paper, pdf=pdf)
    except KitErrors as err:
        print(f"{err}\ndecodia workshop: fix the kit file(s) above.", file=sys.stderr)
        return 1
    for path in written:
        print(f"  wrote {path}")
    return 0
