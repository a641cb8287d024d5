"""The interface catalogs and the code, kept in step: `python -m book.messages`.

Babel extracts every message the code and the templates use (`babel.cfg`, `core.i18n.extract_python`); each
catalog `core/locales/<lang>/LC_MESSAGES/decodia.po` then gets the new messages (untranslated, except in
English, whose messages are their own ids), keeps its translations, and loses the messages no code uses
any more. It prints what is left to translate; `tests/test_i18n.py` fails until nothing is.
"""
from __future__ import annotations

import io
import re
import sys
from pathlib import Path

from core.i18n import DOMAIN, LOCALES, catalog_path
from core.languages import LANGS, locale

ROOT = Path(__file__).resolve().parent.parent
SOURCE = "en"          # the language of the message ids
HEADER = ("Language", "Plural-Forms", "MIME-Version", "Content-Type",
          "Content-Transfer-Encoding")


def extract(root: Path = ROOT) -> dict[tuple, list[str]]:
    """Every message of the code: (id, context) -> the files that use it. A plural's id is (singular, plural)."""
    from babel.messages.extract import extract_from_dir
    from babel.messages.frontend import parse_mapping_cfg

    with (root / "babel.cfg").open(encoding="utf-8") as f:
        method_map, options_map = parse_mapping_cfg(f)
    found: dict[tuple, list[str]] = {}
    for filename, _line, message, _comments, context in extract_from_dir(str(root), method_map, options_map):
        files = found.setdefault((message, context), [])
        if filename not in files:
            files.append(filename)
    return found


def read(lang: str, locales: Path = LOCALES):
    from babel.messages.pofile import read_po

    path = catalog_path(lang, locales)
    with path.open("rb") as f:
        return read_po(f, locale=locale(lang) if lang in LANGS else None, domain=DOMAIN)


def write(catalog, path: Path) -> None:
    """A catalog as a .po file with a short, stable header (no dates), its messages in the code's order."""
    from babel.messages.pofile import write_po

    buf = io.BytesIO()
    write_po(buf, catalog, width=116, include_lineno=False, omit_header=False)
    lines = buf.getvalue().decode("utf-8").split("\n")
    start = lines.index('msgid ""')
    head, body = lines[start:start + 2], lines[start + 2:]
    fields = []
    while body and body[0].startswith('"'):
        field = body.pop(0)
        if field[1:].split(":", 1)[0] in HEADER:
            fields.append(field)
    comment = [f"# Décodia: interface text in {catalog.locale.english_name if catalog.locale else catalog.locale_identifier}.",
               "# Message ids are the English source text; see core/i18n.py. Update with: python -m book.messages"]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(comment + head + fields + body), encoding="utf-8")


def update(root: Path = ROOT, langs=None) -> dict[str, list]:
    """Bring every catalog in step with the code; return, per language, the messages left to translate."""
    from babel.messages.catalog import Catalog

    found = extract(root)
    todo = {}
    for lang in langs or LANGS:
        path = catalog_path(lang, root / "core" / "locales")
        old = {(m.id, m.context): m for m in read(lang, path.parents[2])} if path.exists() else {}
        new = Catalog(locale=locale(lang), domain=DOMAIN, project="Décodia", fuzzy=False)
        todo[lang] = []
        for (msgid, context), files in found.items():
            m = old.get((msgid, context))
            string = m.string if m is not None and not m.fuzzy else None
            if not _translated(string) and lang == SOURCE:
                string = msgid
            if not _translated(string):
                todo[lang].append((msgid, context))
                string = ("",) * new.num_plurals if isinstance(msgid, tuple) else ""
            new.add(msgid, string, locations=[(f, None) for f in files], context=context)
        write(new, path)
    return todo


def problems(catalog, found: dict) -> list[str]:
    """What is wrong with `catalog` against the messages `found` in the code: each message the code uses and the
    catalog lacks, leaves untranslated (empty) or marks fuzzy; each message the code no longer uses; each
    translation whose {placeholders} differ from its id's."""
    name = catalog.locale_identifier or "?"
    have = {(m.id, m.context): m for m in catalog if m.id}
    out = []
    for key in found:
        m = have.get(key)
        shown = _shown(key)
        if m is None:
            out.append(f"{name}: lacks {shown} (used in {', '.join(found[key])})")
        elif m.fuzzy:
            out.append(f"{name}: {shown} is fuzzy")
        elif not _translated(m.string):
            out.append(f"{name}: {shown} has no translation")
        else:
            ids = m.id if isinstance(m.id, tuple) else (m.id,)
            strings = m.string if isinstance(m.string, tuple) else (m.string,)
            wanted = set().union(*(_placeholders(i) for i in ids))
            for s in strings:
                if _placeholders(s) - wanted or (len(ids) == 1 and _placeholders(s) != wanted):
                    out.append(f"{name}: {shown} is translated with other placeholders: {s!r}")
    for key in have.keys() - found.keys():
        out.append(f"{name}: keeps {_shown(key)}, which no code uses any more")
    return out


def _placeholders(text: str) -> set[str]:
    return set(re.findall(r"\{(\w+)[^{}]*\}", text.replace("{{", "").replace("}}", "")))


def _shown(key) -> str:
    msgid, context = key
    text = msgid[0] if isinstance(msgid, tuple) else msgid
    return repr(text) + (f" (context {context!r})" if context else "")


def _translated(string) -> bool:
    return bool(string) and (all(string) if isinstance(string, tuple) else True)


def main() -> int:
    todo = update()
    for lang, left in todo.items():
        print(f"{catalog_path(lang).relative_to(ROOT)}: {len(left)} message(s) to translate")
        for msgid, context in left:
            print(f"  {(context + ' | ') if context else ''}{msgid[0] if isinstance(msgid, tuple) else msgid}")
    return 1 if any(todo.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
