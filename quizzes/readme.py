"""The teacher's README of an assignment pack, in the pack's language.

It lists the pack's files and says how to use each format. Its advice is computed from the pack itself: the
Moodle section prints, for each objective, how many questions its category holds, how many a series asks and
how many random questions to draw from it for a quiz like a series (`quizzes.export.moodle.random_slots`); the
Moodle version note counts the questions whose type Moodle has in core only since 4.4; the grading section
names the pack's key file, or says how to write it when the pack has none.
"""
from __future__ import annotations

from core.i18n import NP_, gettext, pgettext

from .assemble import Quiz

# How the README names a reading level, in a sentence.
LEVEL_WORDS = {"simple": NP_("a reading level, in a sentence", "easy reading"),
               "standard": NP_("a reading level, in a sentence", "standard"),
               "advanced": NP_("a reading level, in a sentence", "in depth")}
ORDER = ("moodle", "quiz", "gift", "qti", "html", "pdf")   # the sections, in this order, for the formats present


def _text(lang: str) -> dict:
    """The README's words in `lang` (messages of the catalogs), their {placeholders} filled by `pack_readme`."""
    return {
        "head": gettext(lang, "Décodia assignment pack — {title}"),
        "what": gettext(lang, "Module: {module} · language: English · level: {level} · {k} set(s) of {n} "
                              "questions (seeds {first} to {last})."),
        "files": gettext(lang, "What is in the pack"),
        "fmt": {
            "json": gettext(lang, "Answer keys: one per set, and the whole pack's ({keys}), for `decodia grade "
                                  "--key`."),
            "worksheet": gettext(lang, "Plain-text worksheets and keys, one pair per set."),
            "moodle": gettext(lang, "Moodle XML question bank (for Moodle {moodle} and later)."),
            "gift": gettext(lang, "The same questions in GIFT format (Moodle and other platforms)."),
            "qti": gettext(lang, "QTI 2.1 package (.zip) for Canvas, Brightspace and other platforms that read "
                                 "QTI."),
            "html": gettext(lang, "The quiz as a single web page, graded in the browser."),
            "pdf": gettext(lang, "Printable worksheets and a separate answer key (PDF)."),
        },
        "moodle": (
            gettext(lang, "Import into Moodle (-moodle.xml file)"),
            gettext(lang, "1. In the course: Question bank > Import.\n"
                          '2. File format: "Moodle XML format". Drop the file, then "Import".\n'
                          "3. Questions land in one category per objective of the module: Décodia / {module} / "
                          "{lang}-{level} / <objective>. Each category holds, once each, the questions of that "
                          "objective drawn in the pack's {k} set(s).\n"
                          "Partial credit, per-choice feedback, numeric tolerance and accepted short answers are "
                          "included.\n"
                          "\n"
                          'Moodle version: ordering questions (the "Ordering" type) are part of Moodle only '
                          "since version 4.4. For Moodle 4.0 to 4.3, build the pack with --moodle 4.0: they are "
                          'then written as matching questions (the "Matching" type: each item with its '
                          "position), graded the same way."),
        ),
        "ordering": {
            "4.4": gettext(lang, " This file holds {m} ordering question(s): without --moodle 4.0, Moodle 4.0 to "
                                 "4.3 refuses the whole file, because one unknown question type is enough."),
            "none": gettext(lang, " This file holds none: it imports into Moodle 4.0 to 4.3 too."),
            "4.0": gettext(lang, " This pack was built with --moodle 4.0: its {m} ordering question(s) are "
                                 "matching questions, and the file imports into Moodle 4.0 and later."),
        },
        "quiz": (
            gettext(lang, "A Moodle quiz like a Décodia set"),
            gettext(lang, "A Décodia set always has {n} questions: at least one per objective, the others drawn "
                          "from the whole module, so the number of questions of an objective changes from one "
                          'set to another. For a quiz like a set: in the quiz, Add > "a random question", pick '
                          'the category of an objective, then set "Number of random questions" to the number in '
                          "the last column. Do it for each objective. Each random question draws one of the "
                          "questions of its category, and Moodle never gives the same question twice in one "
                          "attempt. The last column is the objective's mean share of the {k} set(s), rounded to "
                          "make {n} questions in all."),
        ),
        "table": (
            gettext(lang, "Objective"),
            gettext(lang, "Questions in the category"),
            gettext(lang, "Questions in a set"),
            gettext(lang, "Random questions to add"),
        ),
        "range": gettext(lang, "{lo} to {hi}"),
        "total": gettext(lang, "Total"),
        "same": gettext(lang, "For {objectives}, the category holds no more questions than the quiz draws: every "
                              "student gets the same questions there. Build the pack with more sets (--variants) "
                              "for variety."),
        "twins": gettext(lang, "Two random questions from one category can be two variants of the same generated "
                               "question (same task, other data); a Décodia set never asks the same question "
                               "twice."),
        "gift": (
            gettext(lang, "Import the GIFT file (.gift.txt)"),
            gettext(lang, 'Question bank > Import > "GIFT format". Categories are created the same way, and the '
                          'table in "A Moodle quiz like a Décodia set" applies too. Ordering questions are '
                          "written there as matching questions (each item with its position) for every Moodle "
                          "version: Moodle 4.4 also reads a GIFT ordering form, but leaves the characters : # = "
                          "{{ }} ~ in a coded form in it, and older versions take it for a short-answer "
                          "question. GIFT cannot express everything: read the comments (lines starting with //) "
                          "at the top of the file and above the questions."),
        ),
        "qti": (
            gettext(lang, "Import into Canvas or Brightspace (-qti21.zip file)"),
            gettext(lang, 'Canvas: Course Settings > Import Course Content > content type "QTI .zip file".\n'
                          "Brightspace: Course Admin > Import/Export/Copy Components > Import Components > "
                          "upload the .zip.\n"
                          "The package holds one question per variant and a test with one section per objective. "
                          "Each platform reads QTI its own way: preview the questions after importing."),
        ),
        "html": (
            gettext(lang, "The web page (.html)"),
            gettext(lang, "One file that loads nothing from elsewhere: upload it to your platform or send it. "
                          "Students answer, check, then can download their results (JSON or CSV). The keys are "
                          "in the page, scrambled: it is a self-check tool, not a proctored exam."),
        ),
        "pdf": (
            gettext(lang, "On paper (PDF)"),
            gettext(lang, "Worksheets carry no answers. Each one has its set code (e.g. {example}): keep it to "
                          "mark with the right page of the answer key, which gives each question's answer, "
                          "feedback and objective."),
        ),
        "grade": (
            gettext(lang, "Grading returned responses"),
            gettext(lang, "Collect the responses, then:\n"
                          "\n"
                          "    decodia grade --key {keys} --responses responses.csv --out results/ [--roster "
                          "roster.txt]\n"
                          "\n"
                          "{keys} holds the keys of every set: each response is graded against the question the "
                          "student actually saw. --key also takes one set's key ({example}.json), several keys, "
                          "or the pack's folder.\n"
                          '- Moodle: in the quiz, Results > Responses; tick "Question text" and "Response", then '
                          'download the table as CSV. Each question is recognised by its name ("<set> · '
                          '<question>") or by its text, whichever set it comes from.\n'
                          '- Other platforms: a CSV with a student column, then "Response 1", "Response 2"… or '
                          "one column per item id, with the key of the set given (--key {example}.json).\n"
                          "- The web page: the students' result files (they carry their set code).\n"
                          "A response that matches no question of the pack is not graded: it goes to "
                          "rejects.csv, with its line and the reason. You get gradebook.csv (the marks), "
                          "rejects.csv and item-analysis.html (item analysis: difficulty, discrimination, "
                          "distractor counts, reliability)."),
        ),
        "cut": gettext(lang, "\n"
                             "\n"
                             "Moodle 4.4 cuts the items of ordering questions to 10 characters in the Responses "
                             "report: when two items start the same way, which one the student placed cannot be "
                             "known, and the question goes to rejects.csv (the rest of the attempt is graded). "
                             "With --moodle 4.0, the matching responses are written in full."),
        "nokeys": gettext(lang, "This pack has no answer keys (json format). To write them, build the pack again "
                                "with the same arguments and json added to --format, from its folder: the same "
                                "arguments give exactly the same sets and the same files.\n"
                                "\n"
                                "    {command}\n"
                                "\n"),
    }


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    line = lambda r: "    " + "   ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip()  # noqa: E731
    return [line(header), "    " + "   ".join("-" * w for w in widths), *map(line, rows)]


def _quiz_section(quizzes: list[Quiz], t: dict, fill: dict) -> list[str]:
    from .export import by_category
    from .export.moodle import random_slots

    slots = random_slots(quizzes)
    rows = [(s.objective, str(s.in_category),
             str(s.fewest) if s.fewest == s.most else t["range"].format(lo=s.fewest, hi=s.most), str(s.draw))
            for s in slots]
    rows.append((t["total"], str(sum(s.in_category for s in slots)), str(fill["n"]), str(sum(s.draw for s in slots))))
    name, body = t["quiz"]
    lines = ["", name, "-" * len(name), body.format(**fill), "", *_table(t["table"], rows)]
    same = [s.objective for s in slots if s.in_category <= s.draw]
    if same:
        lines += ["", t["same"].format(objectives=", ".join(same))]
    if any(len({q.id for _, q in items}) < len(items) for _, items in by_category(quizzes)):
        lines += ["", t["twins"]]
    return lines


def pack_readme(quizzes: list[Quiz], title: str, files: dict[str, list[str]], moodle: str = "4.4",
                n: int | None = None, paper: str = "letter") -> str:
    """The README text. `files` maps each format written to its file names; `moodle` is the version the Moodle
    XML was written for; `n` and `paper` are the pack's (for the command that writes missing keys)."""
    q0 = quizzes[0]
    t = _text(q0.lang)
    base = f"{q0.module}-{q0.lang}-{q0.level}"
    fill = dict(title=title, module=q0.module, lang=q0.lang, level=q0.level, k=len(quizzes), n=len(q0.questions),
                first=q0.seed, last=quizzes[-1].seed, example=q0.id, keys=f"{base}-keys.json")
    newer = {(quiz.id, q.id) for quiz in quizzes for q in quiz.questions if _version(q.kind.moodle_since) > (4, 0)}
    fill["moodle"] = moodle if newer else "4.0"   # the oldest Moodle the XML file imports into
    head = t["head"].format(**fill)
    level = pgettext(q0.lang, "a reading level, in a sentence", LEVEL_WORDS[q0.level])
    lines = [head, "=" * len(head), "", t["what"].format(**{**fill, "level": level}), "",
             t["files"], "-" * len(t["files"])]
    for fmt, names in files.items():
        shown = names if len(names) <= 3 else names[:2] + ["…", names[-1]]
        lines.append(f"- {t['fmt'][fmt].format(**fill)}")
        lines += [f"    {name}" for name in shown]
    for section in ORDER:
        if section == "quiz":
            if "moodle" in files or "gift" in files:
                lines += _quiz_section(quizzes, t, fill)
            continue
        if section not in files:
            continue
        name, body = t[section]
        body = body.format(**fill)
        if section == "moodle":
            m = _distinct(quizzes, newer)
            body += t["ordering"]["none" if moodle == "4.4" and not m else moodle].format(m=m)
        lines += ["", name, "-" * len(name), body]
    name, body = t["grade"]
    if "json" not in files:
        command = " ".join(
            [f"decodia quiz --module {q0.module} --lang {q0.lang} --level {q0.level} --variants {len(quizzes)}",
             f"--seed {q0.seed}"] + ([f"--n {n}"] if n is not None else [])
            + [f"--format {','.join(['json', *files])}"] + ([f"--moodle {moodle}"] if moodle != "4.4" else [])
            + ([f"--paper {paper}"] if "pdf" in files and paper != "letter" else []) + ["--out ."])
        body = t["nokeys"].format(command=command) + body
    if "moodle" in files and moodle == "4.4" and newer:
        body += t["cut"]
    lines += ["", name, "-" * len(name), body.format(**fill)]
    return "\n".join(lines) + "\n"


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in text.split("."))


def _distinct(quizzes: list[Quiz], wanted: set[tuple[str, str]]) -> int:
    """How many distinct questions (as the Moodle file holds them, once each) are among `wanted`."""
    from .export import by_category

    return sum((quiz.id, q.id) in wanted for _, items in by_category(quizzes) for quiz, q in items)
