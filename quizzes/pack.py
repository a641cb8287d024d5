"""An assignment pack: K seeded variants of a module's quiz, in every format a teacher needs.

    decodia quiz --module bias --lang fr --level standard --variants 30 --seed 1 \\
                 --format moodle,gift,qti,html,pdf [--moodle 4.4|4.0] --out pack/

Each format has one writer, all fed by the same engine (`assemble`):
- json: one answer key per variant, and the pack's key (`<module>-<lang>-<level>-keys.json`: every variant),
  for `decodia grade --key`;
- worksheet: the plain-text worksheet and key of each variant;
- moodle, gift, qti: LMS imports (`quizzes/export/`); `moodle` is the oldest Moodle the XML must import into
  ("4.4", or "4.0": ordering items written as matching);
- html: one self-contained page with the quiz, graded in the browser like the book's self-check;
- pdf: printable worksheets and a separate answer key (Chromium, like the book's PDFs).
Every pack has a README in its language. The same arguments give the same bytes.
"""
from __future__ import annotations

from pathlib import Path

import json

import yaml

from core.i18n import gettext, pgettext

from .assemble import Quiz, assemble
from .bank import Bank
from .readme import pack_readme

FORMATS = ("json", "worksheet", "moodle", "gift", "qti", "html", "pdf")
ROOT = Path(__file__).resolve().parent.parent
STATIC = Path(__file__).parent / "static"


def module_title(slug: str, lang: str) -> str:
    meta = yaml.safe_load((ROOT / "modules" / slug / "module.yaml").read_text(encoding="utf-8"))
    return meta["title"][lang]


def variants(bank: Bank, lang: str, level: str, count: int, seed: int, n: int | None = None) -> list[Quiz]:
    return [assemble(bank, lang, level, n, seed + k) for k in range(count)]


def pack_key(quizzes: list[Quiz]) -> str:
    """Every variant's key in one JSON file, for `decodia grade --key` (see `quizzes.grader.load_keys`)."""
    q0 = quizzes[0]
    data = {"pack": f"{q0.module}-{q0.lang}-{q0.level}", "module": q0.module, "lang": q0.lang, "level": q0.level,
            "seeds": [q.seed for q in quizzes], "quizzes": [q.to_dict() for q in quizzes]}
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def html_page(quizzes: list[Quiz], title: str) -> str:
    """The quiz as one file (`templates/pack.html.j2`): our quiz script and style inline, nothing fetched."""
    from markupsafe import Markup

    from core.i18n import render
    from widgets.explorer import STATIC as WIDGET_STATIC

    from .page import SelfCheck, quiz_script

    # the book's own styles for quizzes, tables and images, inline
    css = "".join((folder / name).read_text(encoding="utf-8")
                  for folder, name in ((WIDGET_STATIC, "decodia-widgets.css"), (STATIC, "decodia-quiz.css")))
    js = quiz_script().replace("</", "<\\/")
    return render(STATIC.parent / "templates", "pack.html.j2", quizzes[0].lang, title=title, css=Markup(css),
                  quiz=Markup(SelfCheck.of(quizzes).static_html()), script=Markup(js))


def write_pack(bank: Bank, lang: str, level: str, count: int, seed: int, formats: list[str], out: Path,
               n: int | None = None, paper: str = "letter", moodle: str = "4.4") -> list[Path]:
    from .export.moodle import VERSIONS

    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ValueError(f"unknown format(s) {', '.join(unknown)}; available: {', '.join(FORMATS)}")
    if moodle not in VERSIONS:
        raise ValueError(f"unknown Moodle version {moodle!r}; expected one of {', '.join(VERSIONS)}")
    quizzes = variants(bank, lang, level, count, seed, n)
    title = module_title(bank.module, lang)
    base = f"{bank.module}-{lang}-{level}"
    out.mkdir(parents=True, exist_ok=True)
    written: dict[str, list[str]] = {}

    def put(fmt: str, name: str, data: str | bytes) -> None:
        path = out / name
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8", newline="\n")
        else:
            path.write_bytes(data)
        written.setdefault(fmt, []).append(name)

    if "json" in formats:
        for quiz in quizzes:
            put("json", f"{quiz.id}.json", quiz.to_json())
        put("json", f"{base}-keys.json", pack_key(quizzes))
    if "worksheet" in formats:
        from .worksheet import answer_key_text, worksheet_text
        for quiz in quizzes:
            put("worksheet", f"{quiz.id}-worksheet.txt", worksheet_text(quiz))
            put("worksheet", f"{quiz.id}-key.txt", answer_key_text(quiz))
    if "moodle" in formats:
        from .export.moodle import moodle_xml
        put("moodle", f"{base}-moodle.xml", moodle_xml(quizzes, moodle))
    if "gift" in formats:
        from .export.gift import gift
        put("gift", f"{base}.gift.txt", gift(quizzes))
    if "qti" in formats:
        from .export.qti import qti_package
        put("qti", f"{base}-qti21.zip", qti_package(quizzes, title))
    if "html" in formats:
        put("html", f"{base}.html", html_page(quizzes, title))
    if "pdf" in formats:
        written["pdf"] = print_pdfs(quizzes, title, out, base, paper)
    put("readme", pgettext(lang, "a file name", "README.txt"),
        pack_readme(quizzes, title, dict(written), moodle=moodle, n=n, paper=paper))
    return [out / name for names in written.values() for name in names]


def print_pdfs(quizzes: list[Quiz], title: str, out: Path, base: str, paper: str) -> list[str]:
    """The worksheets and the answer key, printed by Chromium; returns their file names."""
    import tempfile

    from core.printing import Printer, chromium

    from .printable import answer_key_html, worksheets_html

    if not chromium():
        raise RuntimeError(gettext(quizzes[0].lang, "the pdf format needs Chromium (install the Debian package "
                                                    "`chromium`)"))
    lang = quizzes[0].lang
    names = (pgettext(lang, "a file name", "worksheets"), pgettext(lang, "a file name", "answer-key"))
    sub = (gettext(lang, "Worksheets"), gettext(lang, "Answer key"))
    made = []
    with tempfile.TemporaryDirectory() as tmp, Printer(paper) as printer:
        for html_text, name, subtitle in ((worksheets_html(quizzes, title), names[0], sub[0]),
                                          (answer_key_html(quizzes, title), names[1], sub[1])):
            page = Path(tmp) / f"{name}.html"
            page.write_text(html_text, encoding="utf-8")
            printer.print(page, out / f"{base}-{name}.pdf", title, subtitle, lang)
            made.append(f"{base}-{name}.pdf")
    return made
