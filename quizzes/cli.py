"""The `decodia quiz` and `decodia grade` commands (wired into `book.cli`)."""
from __future__ import annotations

import sys
from pathlib import Path

from .bank import module_bank
from .errors import BankError, BankErrors
from .grader import InputError, Intake, grade_all, load_key, read_responses, write_gradebook, write_rejects
from .pack import FORMATS, write_pack
from .report import write_report


def quiz_command(args) -> int:
    formats = [f.strip() for f in args.format.split(",") if f.strip()]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        print(f"decodia quiz: unknown format(s) {', '.join(unknown)}; available: {', '.join(FORMATS)}", file=sys.stderr)
        return 2
    if args.variants < 1:
        print("decodia quiz: --variants must be at least 1", file=sys.stderr)
        return 2
    try:
        bank = module_bank(args.module)
    except (BankError, BankErrors) as err:
        print(err, file=sys.stderr)
        return 1
    out = Path(args.out)
    try:
        files = write_pack(bank, args.lang, args.level, args.variants, args.seed, formats, out, args.n,
                           getattr(args, "paper", "letter"))
    except RuntimeError as err:
        print(f"decodia quiz: {err}", file=sys.stderr)
        return 1
    print(f"{args.variants} variant(s) of {bank.module} ({args.lang}, {args.level}): {len(files)} file(s) in {out}/")
    for f in files:
        print(f"  {f.name}")
    return 0


def grade_command(args) -> int:
    try:
        quiz = load_key(Path(args.key))
        roster = None
        if args.roster:
            lines = Path(args.roster).read_text(encoding="utf-8").splitlines()
            roster = {ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")}
        intake = Intake()
        for f in args.responses:
            read_responses(Path(f), quiz, intake)
    except (InputError, OSError) as err:
        print(f"decodia grade: {err}", file=sys.stderr)
        return 1
    rows = grade_all(quiz, intake, roster)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    book = write_gradebook(quiz, rows, out)
    rejects = write_rejects(intake, out)
    report = write_report(quiz, rows, intake, out)
    print(f"{len(rows)} graded -> {book}")
    print(f"{len(intake.rejects)} rejected -> {rejects}")
    for r in intake.rejects:
        print(f"  rejected {r.source}: {r.reason}", file=sys.stderr)
    for n in intake.notes:
        print(f"  note: {n}", file=sys.stderr)
    print(f"item analysis -> {report}")
    return 0
