"""`decodia check`: the course content is complete, consistent and readable.

Every problem is one line naming the file and what to change. Checks:
- each module has a valid `module.yaml`, its six editions and its two teacher pages;
- each edition's MyST front matter makes it a notebook (without it, code cells never run);
- each edition states every objective of `module.yaml` (``{objective}`id```) and runs the
  module's demos, in order, in its own language;
- the code is hidden as the level requires (none visible at `simple`);
- each edition and teacher page cites its sources from the module's `sources.yaml` (dated, at their original
  publisher, never a copy of core/mirrors.yaml), every number of its prose is computed by a demo or sits in a
  paragraph that cites a source, and a module whose facts were reviewed more than a year ago gets a warning
  (book/citations.py; CONTRIBUTING.md);
- readability meets the targets of its level, and the levels order simple > standard > advanced;
- each `simple` edition is easy to read (book/easyread.py): sentences of at most 15 words and 10 on average
  (each longer one named with its line), every glossary word it uses explained in bold or linked with {term},
  about six new words and a few decimals outside the folded boxes, no "ne … que", no double negative.
  Slightly too many new words or decimals is a warning, printed but not failed;
- each teacher page has the answer key, and shows the objectives, durations and competencies of
  `module.yaml` through `:::{objectives}`, ``{duration}`level``` and ``{competency}`tag```, never retyped;
- each bank is valid, free of item-writing flaws, covers every objective, and has at least 15 items,
  5 of them generated from the module's live model. A module marked `draft: true` (as
  `decodia new module` writes it) gets its bank's shortfalls as "to do" lines, which do not fail.
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from core.course import Module, ModuleErrors, UnknownModule, load_module, module_dirs

from .easyread import load_glossary
from .easyread import measure as measure_easyread
from .citations import check_module_sources, review_warnings
from .editions import LANGS, LEVELS, PAGES, ROOT
from .readability import measure

OBJECTIVE = re.compile(r"\{objective\}`([^`]+)`")
DEMO_CALL = re.compile(r"\bdemo\.(\w+)\(\s*[\"'](\w+)[\"']")
QUIZ_CALL = re.compile(r"\bSelfCheck\(\s*[\"']([\w-]+)[\"']\s*,\s*[\"'](\w+)[\"']\s*,\s*[\"'](\w+)[\"']")
LEVEL_TAGS = {"simple": {"remove-input", "remove-cell"}, "standard": {"hide-input", "remove-input", "remove-cell"}}
BANK_MIN_ITEMS = 15        # so that the self-check's variants differ
BANK_MIN_GENERATED = 5     # items computed from the module's live model (quiz.py)
CODE_FENCE = re.compile(r"^(`{3,}|~{3,})")
OBJECTIVES_BLOCK = re.compile(r"^(?::{3,}|`{3,})\{objectives\}\s*$", re.M)
DURATION_ROLE = re.compile(r"\{duration\}`([^`]*)`")
COMPETENCY_ROLE = re.compile(r"\{competency\}`([^`]*)`")
TYPED_MINUTES = re.compile(r"\(\s*\d+\s*(?:minutes?|min)\s*\)|^#+ .*\b\d+\s*(?:minutes?|min)\b", re.I)


def rel(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def front_matter(text: str) -> dict | None:
    m = re.match(r"\A---\n(.*?)\n---\n", text, re.S)
    if not m:
        return None
    try:
        data = yaml.safe_load(m.group(1))
    except yaml.YAMLError:
        return None
    return data if isinstance(data, dict) else None


def check_front_matter(path: Path, text: str) -> list[str]:
    fm = front_matter(text)
    where = rel(path)
    if fm is None:
        return [f"{where}: no YAML front matter; copy it from another edition (without it, code cells never run)"]
    problems = []
    rep = (fm.get("jupytext") or {}).get("text_representation") or {}
    if rep.get("format_name") != "myst":
        problems.append(f"{where}: front matter needs jupytext: text_representation: format_name: myst")
    if (fm.get("kernelspec") or {}).get("name") != "python3":
        problems.append(f"{where}: front matter needs kernelspec: name: python3")
    return problems


def code_cells(path: Path):
    import jupytext

    nb = jupytext.read(path, fmt="md:myst")
    return [c for c in nb.cells if c.cell_type == "code"]


def check_module_yaml(module_dir: Path) -> tuple[Module | None, list[str]]:
    """The module as the course registry loads it, or the registry's errors (file, line, field)."""
    try:
        return load_module(module_dir), []
    except ModuleErrors as err:
        return None, [str(e) for e in err.errors]


def check_edition(module: Module, lang: str, level: str) -> list[str]:
    path = module.lesson(lang, level)
    where = rel(path)
    if not path.exists():
        return [f"{where}: edition missing ({lang}/{level})"]
    text = path.read_text(encoding="utf-8")
    problems = check_front_matter(path, text)
    if problems:
        return problems
    if len(re.findall(r"^# ", re.sub(r"```.*?```", "", text, flags=re.S), re.M)) != 1:
        problems.append(f"{where}: needs exactly one level-1 heading (the module title)")
    wanted = module.objective_ids
    stated = OBJECTIVE.findall(text)
    for oid in wanted:
        if oid not in stated:
            problems.append(f"{where}: objective '{oid}' is not stated (tag its sentence with {{objective}}`{oid}`)")
    for oid in sorted(set(stated) - set(wanted)):
        problems.append(f"{where}: objective '{oid}' is not in module.yaml")
    cells = code_cells(path)
    calls = [(name, arg) for c in cells for name, arg in DEMO_CALL.findall(c.source)]
    names = [name for name, _ in calls]
    if names != list(module.demos):
        problems.append(f"{where}: runs demos {names}, but module.yaml lists {list(module.demos)} (same order)")
    for name, arg in calls:
        if arg != lang:
            problems.append(f"{where}: demo.{name}(\"{arg}\") should be in this edition's language \"{lang}\"")
    quizzes = [m for c in cells for m in QUIZ_CALL.findall(c.source)]
    if quizzes != [(module.slug, lang, level)]:
        problems.append(f"{where}: must end with its self-check quiz, one cell calling "
                        f"SelfCheck(\"{module.slug}\", \"{lang}\", \"{level}\")")
    if level in LEVEL_TAGS:
        for number, c in enumerate(cells, 1):
            tags = set(c.metadata.get("tags", []))
            if not tags & LEVEL_TAGS[level]:
                need = " or ".join(sorted(LEVEL_TAGS[level] - {"remove-cell"}))
                problems.append(f"{where}: code cell {number} shows its code; the {level} level needs the tag {need}")
    return problems


def check_readability(module: Module) -> list[str]:
    problems = []
    for lang in LANGS:
        scores = {}
        for level in LEVELS:
            path = module.lesson(lang, level)
            if not path.exists():
                continue
            r = measure(path.read_text(encoding="utf-8"), lang)
            scores[level] = r.ease
            problems += [f"{rel(path)}: {p}" for p in r.problems(level)]
        if len(scores) == 3 and not scores["simple"] > scores["standard"] > scores["advanced"]:
            shown = ", ".join(f"{lvl} {scores[lvl]:.1f}" for lvl in LEVELS)
            problems.append(f"modules/{module.slug}/{lang}: reading ease must order simple > standard > advanced "
                            f"(now {shown})")
    return problems


def check_easyread(module: Module, warnings: list[str] | None = None) -> list[str]:
    """The easy-to-read rules of the `simple` editions (issue 14): errors returned, warnings added to `warnings`."""
    problems = []
    for lang in LANGS:
        path = module.lesson(lang, "simple")
        if not path.exists():
            continue
        glossary = load_glossary(PAGES / lang / "glossary.md")
        errors, warns = measure_easyread(path.read_text(encoding="utf-8"), lang, glossary).problems(rel(path), lang)
        problems += errors
        if warnings is not None:
            warnings += [f"warning: {w}" for w in warns]
    return problems


def check_guide(module: Module, lang: str) -> list[str]:
    """A teacher page: front matter, the answer key, and what it shows of module.yaml rendered from it."""
    from core.course import competency_framework, competency_name

    guide = module.guide(lang)
    where = rel(guide)
    if not guide.exists():
        return [f"{where}: the teacher page is missing"]
    text = guide.read_text(encoding="utf-8")
    problems = check_front_matter(guide, text)
    if f'AnswerKey("{module.slug}", "{lang}")' not in text:
        problems.append(f"{where}: the teacher page needs the answer key: a cell calling "
                        f'AnswerKey("{module.slug}", "{lang}")')
    # Objectives, durations and competencies come from module.yaml; typed by hand they drift from it.
    if not OBJECTIVES_BLOCK.search(text):
        problems.append(f"{where}: the teacher page must list the objectives from module.yaml: write a "
                        ":::{objectives} block (closed by :::) where the list goes")
    wordings = {" ".join(o.text[lg].split()).casefold(): o.id for o in module.objectives for lg in o.text}
    names = {}
    for tags in module.competencies.values():
        for tag in tags:
            for lg in LANGS:
                names[competency_name(tag, lg)[0].casefold()] = tag
    code = None     # the fence of the code block the line is in: code is not what the page says
    for number, line in enumerate(text.splitlines(), 1):
        if code:
            code = None if line.strip() == code else code
            continue
        m = CODE_FENCE.match(line.strip())
        if m:
            code = m.group(1)
            continue
        flat = " ".join(line.split()).casefold()
        item = re.match(r"^\s*(?:[-*+]|\d+[.)])\s+.*\(([\w-]+)\)\s*$", line)
        retyped = next((oid for wording, oid in wordings.items() if wording in flat), None)
        if retyped or (item and item.group(1) in module.objective_ids):
            problems.append(f"{where}, line {number}: retypes the objective '{retyped or item.group(1)}'; module.yaml "
                            "is the source: replace the hand-written list with a :::{objectives} block")
        typed_minutes = TYPED_MINUTES.search(line)
        if typed_minutes:
            n = int(re.search(r"\d+", typed_minutes.group(0)).group(0))
            level = next((lv for lv in LEVELS if module.duration[lv] == n), None)
            role = f"{{duration}}`{level}`" if level else "{duration}`simple` (or standard, advanced)"
            problems.append(f"{where}, line {number}: types a duration ({n} minutes); module.yaml is the source: "
                            f"write {role} instead")
        typed = next((tag for name, tag in names.items() if f"**{name}" in flat), None)
        if typed or re.search(r"\*\*(big idea|grande idée) \d", flat):
            tag = typed or "the tag"
            problems.append(f"{where}, line {number}: types a competency's name; module.yaml is the source: write "
                            f"{{competency}}`{tag}` instead")
    shown = DURATION_ROLE.findall(text)
    for level in LEVELS:
        if level not in shown:
            problems.append(f"{where}: does not show the {level} level's duration: write {{duration}}`{level}` "
                            f"(module.yaml gives {module.duration[level]} minutes)")
    for level in sorted(set(shown) - set(LEVELS) - {"all"}):
        problems.append(f"{where}: {{duration}}`{level}` names no level; the levels are {', '.join(LEVELS)}")
    tagged = COMPETENCY_ROLE.findall(text)
    for framework, tags in module.competencies.items():
        for tag in tags:
            if tag not in tagged:
                problems.append(f"{where}: does not show the {framework} competency '{tag}' that module.yaml lists: "
                                f"write {{competency}}`{tag}` and say how the lesson works on it")
    listed = {tag for tags in module.competencies.values() for tag in tags}
    for tag in sorted(set(tagged) - listed):
        known = "it is not a tag of core/competencies.yaml" if competency_framework(tag) is None else \
            "module.yaml does not list it (add it there, or remove it here)"
        problems.append(f"{where}: shows the competency '{tag}', but {known}")
    return problems


def check_bank(module: Module, todos: list[str] | None = None) -> list[str]:
    """The module's quiz bank: valid in both languages at every level, covering every objective, big enough.

    A draft module's shortfalls in size go to `todos` ("to do" lines that do not fail the check)."""
    from quizzes.bank import load_bank, validate_bank
    from quizzes.errors import BankError, BankErrors

    path = module.path / "quiz.yaml"
    if not path.exists():
        return [f"{rel(path)}: the module has no quiz bank"]
    try:
        bank = load_bank(path, module.slug)
    except BankErrors as err:
        return [str(e) for e in err.errors]
    except BankError as err:
        return [str(err)]
    problems = [str(e) for e in validate_bank(bank)]
    from quizzes.flaws import bank_flaws  # item-writing flaws, and each item's objective stated in its editions

    problems += [str(e) for e in bank_flaws(bank, {(lg, lv): module.lesson(lg, lv) for lg in LANGS for lv in LEVELS})]
    wanted = module.objective_ids
    for oid in sorted(set(bank.objectives()) - set(wanted)):
        problems.append(f"{rel(path)}: objective '{oid}' is not in module.yaml")
    for oid in wanted:
        if oid not in bank.objectives():
            problems.append(f"{rel(path)}: no item checks the objective '{oid}'")
    if not any(item.generator for item in bank.items):
        problems.append(f"{rel(path)}: no item is generated from the module's live model")
    generated = sum(1 for item in bank.items if item.generator)
    short = []
    if len(bank.items) < BANK_MIN_ITEMS:
        short.append(f"{rel(path)}: the bank has {len(bank.items)} item(s); a module needs at least {BANK_MIN_ITEMS}, "
                     f"so that the self-check's variants differ: write {BANK_MIN_ITEMS - len(bank.items)} more")
    if generated < BANK_MIN_GENERATED:
        short.append(f"{rel(path)}: {generated} item(s) are generated; a module needs at least {BANK_MIN_GENERATED} "
                     f"computed from its live model: add {BANK_MIN_GENERATED - generated} generator(s) to quiz.py "
                     "and their items (generator: name) to quiz.yaml")
    if module.draft and todos is not None:
        todos += [f"to do: {s}" for s in short]
    else:
        problems += short
    return problems


def run_checks(root: Path = ROOT, only: str | None = None, todos: list[str] | None = None,
               warnings: list[str] | None = None) -> list[str]:
    """Every check, or with `only` one module's (an unknown slug raises UnknownModule naming the modules).

    What a draft module still lacks is added to `todos` when given (otherwise it counts as a problem);
    what is worth a look but does not fail (a page slightly over the easy-to-read counts) to `warnings`."""
    problems: list[str] = []
    dirs = module_dirs(root)
    if only is not None:
        if only not in [d.name for d in dirs]:
            raise UnknownModule(only, [d.name for d in dirs])
        return check_module(next(d for d in dirs if d.name == only), todos, warnings)
    if not dirs:
        return ["modules/: no module found"]
    for lang in LANGS:
        for page in ("index.md", "glossary.md", "teaching.md", "workshops.md"):
            if not (PAGES / lang / page).exists():
                problems.append(f"{rel(PAGES / lang / page)}: missing")
    for d in dirs:
        problems += check_module(d, todos, warnings)
    return problems


def check_workshop(module: Module, todos: list[str] | None = None) -> list[str]:
    """The module's workshop kit in every language (issue 18): a valid kit file whose every scenario names a demo
    and a setting the model has, and whose texts for participants follow the easy-to-read sentence rules. A
    draft module's missing kit is a "to do"."""
    from workshops.kit import KitErrors, kit_path, load_kit

    from .easyread import text_problems

    problems = []
    for lang in LANGS:
        path = kit_path(module, lang)
        try:
            kit = load_kit(module, lang)
        except KitErrors as err:
            if not path.is_file() and module.draft and todos is not None:
                todos += [f"to do: {e}" for e in err.errors]      # the kit a draft module still lacks
            else:
                problems += [str(e) for e in err.errors]
            continue
        for line, text in kit.reader_texts:
            problems += [f"{rel(path)}:{line}: {p}" for p in text_problems(text, lang)]
    return problems


def check_module(d: Path, todos: list[str] | None = None, warnings: list[str] | None = None) -> list[str]:
    """Every check of one module folder: its module.yaml, editions, teacher pages, readability and bank."""
    module, problems = check_module_yaml(d)
    if module is None:
        return problems
    if module.draft and todos is not None:
        todos.append(f"to do: {rel(module.path / 'module.yaml')}: remove 'draft: true' when the module is finished "
                     "(its bank must then meet the full contract)")
    for lang in LANGS:
        problems += check_guide(module, lang)
        for level in LEVELS:
            problems += check_edition(module, lang, level)
    problems += check_readability(module)
    problems += check_easyread(module, warnings)
    problems += check_bank(module, todos)
    problems += check_module_sources(module, d.parent.parent, todos)      # book/citations.py (issue 15)
    problems += check_workshop(module, todos)
    if warnings is not None:
        warnings += [f"warning: {w}" for w in review_warnings(module, d.parent.parent)]
    return problems
