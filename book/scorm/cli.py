"""`decodia scorm`: arguments checked with a clear message, the edition built when it is missing, one package."""
from __future__ import annotations

import sys
import time
from pathlib import Path


def scorm_command(args) -> int:
    from core.course import UnknownModule, course

    from ..editions import HTML, select
    from . import ScormError, check_arguments, edition_dir, write_package

    def fail(message: str) -> int:
        print(f"decodia scorm: {message}", file=sys.stderr)
        return 2

    if bool(args.module) == bool(args.edition):
        return fail("give --module SLUG (one lesson) or --edition (every lesson of the edition), one of the two")
    try:
        check_arguments(args.version, args.mastery)
        slugs = [course().module(args.module).slug] if args.module else None
    except (ScormError, UnknownModule) as err:
        return fail(str(err))
    folder = edition_dir(args.lang, args.level, HTML)
    wanted = slugs or course().slugs
    if any(not (folder / f"{s}.html").is_file() for s in wanted):
        from ..build import build

        print(f"decodia scorm: the {args.lang}/{args.level} edition is not built yet; building it (no PDFs)...")
        results = build(select(args.lang, args.level), jobs=1, pdf=False)
        if not all(r.ok for r in results):
            return fail(f"the build of {args.lang}/{args.level} failed (logs in _build/logs/); fix it, or run "
                        f"`decodia build --lang {args.lang} --level {args.level} --no-pdf` to see why")
    started = time.perf_counter()
    try:
        zip_path = write_package(slugs, args.lang, args.level, version=args.version, mastery=args.mastery,
                                 out=Path(args.out))
    except ScormError as err:
        return fail(str(err))
    size = zip_path.stat().st_size
    print(f"decodia scorm: wrote {zip_path} (SCORM {args.version}, {size / 1024:.0f} KiB, "
          f"{time.perf_counter() - started:.1f} s) and its teacher README beside it.")
    return 0
