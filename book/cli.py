"""The `decodia` command: build, serve and check the course, and run its lessons live."""
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


def _lab(args) -> int:
    from pathlib import Path

    from .editions import BUILD
    from .lab import lab

    folder = Path(args.dir) if args.dir else BUILD / "lab"
    return lab(folder, args.lang, args.level, port=args.port, browser=not args.no_browser)


def _check(args) -> int:
    import time

    from core.course import UnknownModule

    from .check import run_checks

    started = time.perf_counter()
    todos: list[str] = []
    warnings: list[str] = []
    try:
        problems = run_checks(only=args.module, todos=todos, warnings=warnings)
    except UnknownModule as err:
        print(f"decodia check: {err}", file=sys.stderr)
        return 2
    what = f"module {args.module}" if args.module else "all content"
    took = f"{time.perf_counter() - started:.1f} s"
    for t in todos + warnings:     # what a draft module still lacks, what is worth a look: listed, not failed
        print(t)
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        print(f"decodia check: {what}: {len(problems)} problem(s) ({took}).", file=sys.stderr)
        return 1
    left = f", {len(todos)} thing(s) to do in draft module(s)" if todos else ""
    left += f", {len(warnings)} warning(s)" if warnings else ""
    print(f"decodia check: {what} checks passed ({took}{left}).")
    return 0


def _new(args) -> int:
    from .scaffold import ScaffoldError, new_module

    try:
        written = new_module(args.slug)
    except ScaffoldError as err:
        print(f"decodia new module: {err}", file=sys.stderr)
        return 2
    for path in written:
        print(f"  wrote {path}")
    print(f"decodia new module: {args.slug}: {len(written)} files, a draft that passes the check. Next: write the "
          f"texts and the model (README, 'Add a module'), then run `decodia check --module {args.slug}`.")
    return 0


def _quiz(args) -> int:
    from quizzes.cli import quiz_command

    return quiz_command(args)


def _workshop(args) -> int:
    from workshops.cli import workshop_command

    return workshop_command(args)


def _scorm(args) -> int:
    from .scorm.cli import scorm_command

    return scorm_command(args)


def _grade(args) -> int:
    from quizzes.cli import grade_command

    return grade_command(args)


def parser() -> argparse.ArgumentParser:
    """The `decodia` command line: one subcommand per task, every option with its help."""
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
    lb = sub.add_parser("lab", help="run the lessons live: JupyterLab on 127.0.0.1, the lessons as notebooks",
                        description="Write every lesson as a notebook (new ones and changed lessons; a notebook you "
                                    "edited is kept), start JupyterLab on 127.0.0.1, print its address and open "
                                    "the edition's first lesson in the browser. The demos rerun their models on "
                                    "your input; the self-check is the live quiz. Ctrl+C stops it.")
    lb.add_argument("--lang", choices=LANGS, default="fr", help="language of the lesson opened first (default fr)")
    lb.add_argument("--level", choices=LEVELS, default="standard",
                    help="reading level of the lesson opened first (default standard)")
    lb.add_argument("--port", type=int, default=8888, help="port on 127.0.0.1 (default 8888)")
    lb.add_argument("--no-browser", action="store_true", help="print the address without opening a browser")
    lb.add_argument("--dir", metavar="DIR", help="folder of the lesson notebooks (default _build/lab)")
    lb.set_defaults(func=_lab)
    c = sub.add_parser("check", help="validate the course content and the quiz banks")
    c.add_argument("--module", metavar="SLUG", help="check this module only, and say how long it took")
    c.set_defaults(func=_check)
    n = sub.add_parser("new", help="start a new module: a complete skeleton that passes the check")
    n.add_argument("what", choices=["module"])
    n.add_argument("slug", help="the module's name: lower-case letters, digits and _ (it names modules/<slug>/ "
                                "and widgets/<slug>.py)")
    n.set_defaults(func=_new)
    q = sub.add_parser("quiz", help="write an assignment pack: seeded variants in LMS, web, paper and key formats",
                       description="Write an assignment pack: K seeded variants (series) of a module's quiz, in the "
                                   "formats asked for, with a README for the teacher in the pack's language. The "
                                   "same arguments always give the same bytes.")
    q.add_argument("--module", required=True, metavar="SLUG",
                   help="the course module (its folder under modules/; an unknown name lists them)")
    q.add_argument("--lang", choices=LANGS, required=True, help="language of the questions")
    q.add_argument("--level", choices=LEVELS, required=True, help="literacy level of the questions")
    q.add_argument("--variants", type=int, default=1, metavar="K", help="how many series to write (default 1)")
    q.add_argument("--seed", type=int, default=1,
                   help="seed of the first series; the others take the next seeds (default 1)")
    q.add_argument("--n", type=int, default=None, help="questions per series (default: one per objective, plus 3)")
    q.add_argument("--format", default="json,worksheet",
                   help="comma-separated, among: json (answer keys, for decodia grade), worksheet (plain text), "
                        "moodle (Moodle XML), gift, qti (QTI 2.1 zip), html (one self-grading page), pdf "
                        "(worksheets and answer key, needs Chromium); default: json,worksheet")
    q.add_argument("--moodle", choices=("4.4", "4.0"), default="4.4",
                   help="oldest Moodle the XML must import into: 4.4 (default; ordering questions as Moodle's "
                        "ordering type, core since 4.4) or 4.0 (for Moodle 4.0-4.3: ordering written as matching, "
                        "item -> position)")
    q.add_argument("--paper", choices=("letter", "a4"), default="letter", help="paper of the pdf format (default letter)")
    q.add_argument("--out", required=True, metavar="DIR", help="folder to write the pack into (created if needed)")
    q.set_defaults(func=_quiz)
    w = sub.add_parser("workshop", help="write printable workshop kits: facilitator guide, cards and sheets",
                       description="Write one printable kit per module and language for a community workshop: the "
                                   "facilitator guide, role cards, scenario cards whose backs the module's model "
                                   "computes, the priorities sheet, the feedback form and the summary template "
                                   "(PDF with Chromium, and the HTML it is printed from).")
    w.add_argument("--module", metavar="SLUG", help="the course module (an unknown name lists them)")
    w.add_argument("--all", action="store_true", help="every module that has a kit")
    w.add_argument("--lang", choices=LANGS, help="one language (default: every language)")
    w.add_argument("--paper", choices=("letter", "a4"), default="letter", help="paper size (default letter)")
    w.add_argument("--out", required=True, metavar="DIR", help="folder to write the kits into (created if needed)")
    w.set_defaults(func=_workshop)
    sc = sub.add_parser("scorm", help="package a lesson (or an edition) as a SCORM activity for an LMS",
                        description="Write a SCORM package (a .zip an LMS such as Moodle, Brightspace or Canvas adds "
                                    "as an activity) of one lesson, or of a whole edition with one item per module: "
                                    "the built book's page, self-contained, whose self-check score, answers and "
                                    "status reach the LMS gradebook; and a README for the teacher beside it. Builds "
                                    "the edition first (without PDFs) when it is not built.")
    sc.add_argument("--module", metavar="SLUG", help="the lesson's module (an unknown name lists them)")
    sc.add_argument("--edition", action="store_true", help="every module of the edition, one package")
    sc.add_argument("--lang", choices=LANGS, required=True, help="language of the lesson")
    sc.add_argument("--level", choices=LEVELS, required=True, help="reading level of the lesson")
    sc.add_argument("--version", default="1.2", metavar="1.2|2004",
                    help="SCORM 1.2 (default, the most widely supported) or 2004 (4th Edition)")
    sc.add_argument("--mastery", type=float, metavar="PERCENT",
                    help="passing score, 0 to 100: the LMS records passed or failed (default: none, completed)")
    sc.add_argument("--out", required=True, metavar="DIR", help="folder to write the package into (created if needed)")
    sc.set_defaults(func=_scorm)
    g = sub.add_parser("grade", help="grade responses: gradebook, rejects and item analysis",
                       description="Grade responses against the answer keys: writes gradebook.csv, rejects.csv "
                                   "(every row or response not graded, with its file, line and reason) and "
                                   "item-analysis.html.")
    g.add_argument("--key", required=True, nargs="+", metavar="KEY",
                   help="answer keys written by `decodia quiz --format json`: the pack's key "
                        "(<module>-<lang>-<level>-keys.json, every series), one series' key, several keys, or a "
                        "pack folder; each response is graded against the series or question its student had")
    g.add_argument("--responses", required=True, nargs="+", metavar="FILE",
                   help="the page's result files (JSON or CSV) or LMS CSV exports: Moodle's Responses report "
                        "('Question N' and 'Response N' columns), or a student column then 'Response 1'... or "
                        "item-id columns (with one series' key)")
    g.add_argument("--roster", metavar="FILE",
                   help="optional: one student name or id per line; unknown and missing students are reported")
    g.add_argument("--out", required=True, metavar="DIR", help="folder for the gradebook, rejects and report")
    g.set_defaults(func=_grade)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
