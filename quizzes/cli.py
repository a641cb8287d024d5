"""The `decodia quiz` and `decodia grade` commands (wired into `book.cli`)."""
from __future__ import annotations

import sys
from pathlib import Path

from core.i18n import gettext

from .bank import module_bank
from .errors import BankError, BankErrors
from .grader import InputError, Intake, grade_all, load_keys, read_responses, write_gradebook, write_rejects
from .pack import FORMATS, write_pack
from .report import write_report


def known_modules() -> list[str]:
    """The course's modules (the course registry; the folders with a quiz bank if a module.yaml is broken)."""
    try:
        from core.course import modules

        return [m.slug for m in modules()]
    except (ImportError, ValueError):  # a broken module.yaml (ModuleErrors) must not hide the list
        from .pack import ROOT

        return sorted(p.parent.name for p in (ROOT / "modules").glob("*/quiz.yaml"))


def quiz_command(args) -> int:
    """Write a pack; what it says, it says in the pack's language."""
    lang = args.lang
    formats = [f.strip() for f in args.format.split(",") if f.strip()]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        print("decodia quiz: " + gettext(lang, "unknown format(s) {formats}; available: {available}",
                                         formats=", ".join(unknown), available=", ".join(FORMATS)), file=sys.stderr)
        return 2
    if args.variants < 1:
        print("decodia quiz: " + gettext(lang, "--variants must be at least 1"), file=sys.stderr)
        return 2
    known = known_modules()
    if args.module not in known:
        print("decodia quiz: " + gettext(lang, "no module {module!r}; the modules are: {modules}", module=args.module,
                                         modules=", ".join(known) or gettext(lang, "none")), file=sys.stderr)
        return 2
    try:
        bank = module_bank(args.module)
    except (BankError, BankErrors) as err:
        print(err, file=sys.stderr)
        return 1
    out = Path(args.out)
    moodle = getattr(args, "moodle", "4.4")
    try:
        files = write_pack(bank, args.lang, args.level, args.variants, args.seed, formats, out, args.n,
                           getattr(args, "paper", "letter"), moodle)
    except RuntimeError as err:
        print(f"decodia quiz: {err}", file=sys.stderr)
        return 1
    print(gettext(lang, "{k} variant(s) of {module} ({lang}, {level}): {n} file(s) in {out}/", k=args.variants,
                  module=bank.module, lang=args.lang, level=args.level, n=len(files), out=out)
          + (gettext(lang, " (Moodle XML for Moodle {moodle} and later)", moodle=moodle) if "moodle" in formats else ""))
    for f in files:
        print(f"  {f.name}")
    return 0


def grade_command(args) -> int:
    try:
        keys = load_keys(args.key if isinstance(args.key, list) else [args.key])
        roster = None
        if args.roster:
            lines = Path(args.roster).read_text(encoding="utf-8").splitlines()
            roster = {ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")}
        intake = Intake()
        for f in args.responses:
            read_responses(Path(f), keys, intake)
    except (InputError, OSError) as err:
        print(f"decodia grade: {err}", file=sys.stderr)
        return 1
    rows = grade_all(keys, intake, roster)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    book = write_gradebook(keys, rows, out)
    rejects = write_rejects(intake, out)
    report = write_report(keys, rows, intake, out)
    lang = keys.lang        # from here on, the keys' language
    if not keys.single:
        print(gettext(lang, "keys: {keys}", keys=keys.id))
    print(gettext(lang, "{n} graded -> {path}", n=len(rows), path=book))
    print(gettext(lang, "{n} rejected -> {path}", n=len(intake.rejects), path=rejects))
    for r in intake.rejects:
        print(gettext(lang, "  rejected {source}: {reason}", source=r.source, reason=r.reason), file=sys.stderr)
    for n in intake.notes:
        print(gettext(lang, "  note: {note}", note=n), file=sys.stderr)
    print(gettext(lang, "item analysis -> {path}", path=report))
    return 0
