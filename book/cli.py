"""The `decodia` command: build, serve and check the course."""
from __future__ import annotations

import argparse
import sys

from .editions import LANGS, LEVELS


def _build(args) -> int:
    from core.course import ModuleErrors, course

    from .build import build
    from .editions import ROOT, select

    try:
        course(ROOT)    # every module.yaml valid before anything is built
    except ModuleErrors as err:
        print(f"{err}\ndecodia build: fix the module.yaml file(s) above first.", file=sys.stderr)
        return 1
    results = build(select(args.lang, args.level), jobs=args.jobs, pdf=not args.no_pdf, paper=args.paper)
    failed = [r for r in results if not r.ok]
    if failed:
        print(f"{len(failed)} edition(s) failed: {', '.join(r.edition.name for r in failed)}. "
              f"Full logs: _build/logs/", file=sys.stderr)
        return 1
    return 0


def _serve(args) -> int:
    from .serve import serve

    return serve(args.port)


def _check(args) -> int:
    import time

    from core.course import UnknownModule

    from .check import run_checks

    started = time.perf_counter()
    try:
        problems = run_checks(only=args.module)
    except UnknownModule as err:
        print(f"decodia check: {err}", file=sys.stderr)
        return 2
    what = f"module {args.module}" if args.module else "all content"
    took = f"{time.perf_counter() - started:.1f} s"
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        print(f"decodia check: {what}: {len(problems)} problem(s) ({took}).", file=sys.stderr)
        return 1
    print(f"decodia check: {what} checks passed ({took}).")
    return 0


def _quiz(args) -> int:
    from quizzes.cli import quiz_command

    return quiz_command(args)


def _grade(args) -> int:
    from quizzes.cli import grade_command

    return grade_command(args)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="decodia", description="Décoder l'IA / Decoding AI: build, serve and check the course.")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build every edition (or the ones named), the landing page and the PDFs")
    b.add_argument("--lang", choices=LANGS)
    b.add_argument("--level", choices=LEVELS)
    b.add_argument("--jobs", type=int, default=2, help="editions built at once (default 2)")
    b.add_argument("--no-pdf", action="store_true", help="skip the PDFs")
    b.add_argument("--paper", choices=("letter", "a4"), default="letter", help="PDF paper size (default: letter)")
    b.set_defaults(func=_build)
    s = sub.add_parser("serve", help="serve _build/html on 127.0.0.1")
    s.add_argument("--port", type=int, default=8000)
    s.set_defaults(func=_serve)
    c = sub.add_parser("check", help="validate the course content and the quiz banks")
    c.add_argument("--module", metavar="SLUG", help="check this module only, and say how long it took")
    c.set_defaults(func=_check)
    q = sub.add_parser("quiz", help="write an assignment pack: seeded variants in LMS, web, paper and key formats")
    q.add_argument("--module", required=True)
    q.add_argument("--lang", choices=LANGS, required=True)
    q.add_argument("--level", choices=LEVELS, required=True)
    q.add_argument("--variants", type=int, default=1)
    q.add_argument("--seed", type=int, default=1)
    q.add_argument("--n", type=int, default=None, help="questions per quiz (default: one per objective, plus 3)")
    q.add_argument("--format", default="json,worksheet",
                   help="comma-separated: json, worksheet, moodle, gift, qti, html, pdf")
    q.add_argument("--paper", choices=("letter", "a4"), default="letter", help="paper of the pdf format")
    q.add_argument("--out", required=True)
    q.set_defaults(func=_quiz)
    g = sub.add_parser("grade", help="grade responses: gradebook, rejects and item analysis")
    g.add_argument("--key", required=True, help="a quiz key written by `decodia quiz --format json`")
    g.add_argument("--responses", required=True, nargs="+", help="LMS CSV exports or the page's result files")
    g.add_argument("--roster", help="optional: one student name or id per line")
    g.add_argument("--out", required=True)
    g.set_defaults(func=_grade)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
