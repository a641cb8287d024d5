"""`decodia new module <slug>`: a complete module skeleton that passes `decodia check --module <slug>`.

It writes, from the Jinja2 templates in `book/scaffold/templates/` (Markdown, YAML and Python, so
no HTML autoescaping):

- `modules/<slug>/module.yaml`: the module's contract, marked `draft: true`, its facts reviewed today;
- `modules/<slug>/__init__.py`: a tiny real model (it counts the words of a text);
- `widgets/<slug>.py`: one demo with its three faces, running that model;
- `modules/<slug>/{fr,en}/{simple,standard,advanced}.md`: six editions, each stating the objective,
  running the demo, hiding code as its level requires, ending with its self-check and sources;
- `modules/<slug>/teacher/{fr,en}.md`: two teacher pages, with what module.yaml says rendered from it
  and the answer key;
- `modules/<slug>/sources.yaml`: the module's sources, with the two frameworks the teacher pages cite;
- `modules/<slug>/quiz.yaml` and `quiz.py`: a bank with one written and one generated item.

The texts are placeholders that say what to write, in each page's language, written at each level's
reading ease so that the check passes. Being a draft, the module's bank may hold fewer than 15 items
(5 generated): `decodia check` lists that as "to do" until `draft: true` is removed.
"""
from __future__ import annotations

import datetime
import json
import keyword
import re
from pathlib import Path

from core.course import SCHEMA, ModuleErrors, course, module_dirs

TEMPLATES = Path(__file__).with_name("templates")
LANGS = ("fr", "en")
LEVELS = ("simple", "standard", "advanced")


class ScaffoldError(ValueError):
    """A slug that cannot name a new module, with what to do instead."""


def slug_problem(slug: str, root: Path) -> str | None:
    """Why `slug` cannot name a new module in the project at `root`, or None."""
    pattern = json.loads(SCHEMA.read_text(encoding="utf-8"))["$defs"]["name"]["pattern"]
    if not re.fullmatch(pattern, slug):
        better = re.sub(r"[^a-z0-9_]+", "_", slug.lower()).strip("_")
        better = better if re.fullmatch(pattern, better) and not keyword.iskeyword(better) else None
        hint = f"; try '{better}'" if better and better != slug else ""
        return (f"'{slug}' is not a valid module name: use lower-case letters, digits and _, starting with a "
                f"letter (it names the Python packages modules.<slug> and widgets.<slug>){hint}")
    if keyword.iskeyword(slug) or keyword.issoftkeyword(slug):
        return f"'{slug}' is a Python keyword, so modules.{slug} could not be imported; choose another name"
    for taken in (Path("modules") / slug, Path("widgets") / f"{slug}.py", Path("widgets") / slug):
        if (root / taken).exists():
            return f"{taken.as_posix()} already exists; choose another name"
    return None


def files(slug: str) -> dict[str, tuple[str, dict]]:
    """Each file the skeleton writes (relative to the project root): its template and what the template adds."""
    out = {f"modules/{slug}/module.yaml": ("module.yaml.j2", {}),
           f"modules/{slug}/__init__.py": ("model.py.j2", {}),
           f"widgets/{slug}.py": ("widget.py.j2", {})}
    for lang in LANGS:
        for level in LEVELS:
            out[f"modules/{slug}/{lang}/{level}.md"] = (f"lesson/{lang}-{level}.md.j2", {"lang": lang, "level": level})
    for lang in LANGS:
        out[f"modules/{slug}/teacher/{lang}.md"] = (f"teacher/{lang}.md.j2", {"lang": lang})
    out[f"modules/{slug}/sources.yaml"] = ("sources.yaml.j2", {})
    out[f"modules/{slug}/quiz.yaml"] = ("quiz.yaml.j2", {})
    out[f"modules/{slug}/quiz.py"] = ("quiz.py.j2", {})
    return out


def context(slug: str, root: Path) -> dict:
    try:
        orders = [m.order for m in course(root)]
    except ModuleErrors:        # another module.yaml is bad: the check names it; still place this one last
        orders = [len(module_dirs(root))]
    words = slug.replace("_", " ")
    return {
        "slug": slug,
        "order": max(orders, default=0) + 1,
        "title": {"fr": f"Module {words} (titre à écrire)", "en": f"Module {words} (title to write)"},
        "objective": "what-it-counts",
        "demo": "word_counts",
        "demo_id": f"{slug.replace('_', '-')}-word-counts",
        "competencies": {"ai4k12": ["3 Learning"], "unesco": ["AI techniques and applications"]},
        "duration": {"simple": 60, "standard": 75, "advanced": 120},
        "reviewed": datetime.date.today().isoformat(),
    }


def environment():
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=False,
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    env.filters["yaml"] = lambda value: json.dumps(value, ensure_ascii=False)   # a YAML string, quoted
    return env


def render(slug: str, root: Path) -> dict[str, str]:
    """The text of every file of the skeleton, without writing anything."""
    env, ctx = environment(), context(slug, root)
    return {target: env.get_template(template).render(**ctx, **extra) for target, (template, extra) in files(slug).items()}


def new_module(slug: str, root: Path | None = None) -> list[str]:
    """Write the skeleton of module `slug` into the project at `root`; return the files written."""
    from ..editions import ROOT

    root = Path(root or ROOT)
    problem = slug_problem(slug, root)
    if problem:
        raise ScaffoldError(problem)
    texts = render(slug, root)
    for target, text in texts.items():
        path = root / target
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    course.cache_clear()    # the registry of this process now has one more module
    return list(texts)
