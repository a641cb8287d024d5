"""Sphinx extension of the Décodia book: course roles and directives, the edition switcher.

- ``{objective}`id``` tags a sentence of an edition as stating the module's objective `id`
  (`decodia check` compares them across editions). It renders as an anchor only.
- ``:::{sources}`` lists, one id per line, the sources of the module's `sources.yaml` that the page
  cites, rendered the same way everywhere in the page's language, under "Facts checked in <month>"
  (module.yaml's `reviewed`); ``{source}`id``` cites one inline, "(Lum et Isaac, 2016)", linked to it, and
  ``{source}`Lum et Isaac (2016) <lum-2016>``` links the writer's own words.
  Both are left out of readability.
- ``:::{on-screen}`` holds what only makes sense on a screen ("choose another setting in the list"),
  left out of print and the PDFs; ``:::{on-paper}`` holds what the printed page says instead
  ("on the website, you can change this setting"), shown only on paper.
- What a teacher page shows of its module's `module.yaml` comes from the course registry, in the
  page's language, never retyped (`decodia check` refuses a page that retypes it):
  ``:::{objectives}`` lists the objectives, ``{duration}`simple``` gives a level's minutes
  ("60 minutes"; ``{duration}`all``` the course's range on any page), ``{competency}`3 Learning```
  names a competency tag ("Big Idea 3 — Learning"), and ``{competency-count}`ai4k12``` says how
  many tags of a framework the module has ("three").
- Each page gets links to itself in the five other editions and to the landing page.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import Directive
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

from core.formats import french_spacing
from core.i18n import NP_, gettext, ngettext, pgettext


def objective_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    node = nodes.inline("", "", ids=[f"objective-{text.strip()}"], classes=["decodia-objective"])
    return [node], []


# -- what a page shows of module.yaml -------------------------------------------------------------

# How many competencies a module has, in words ("three"); French counts them in the feminine ("une").
NUMBER_WORDS = [
    NP_("how many competencies", "zero"), NP_("how many competencies", "one"), NP_("how many competencies", "two"),
    NP_("how many competencies", "three"), NP_("how many competencies", "four"),
    NP_("how many competencies", "five"), NP_("how many competencies", "six")]


def _page_module(env):
    """The module whose page this is (`<slug>` or `<slug>-guide`), or None; module.yaml becomes a dependency."""
    from core.course import course

    from .editions import ROOT

    slug = env.docname.removesuffix("-guide")
    found = next((m for m in course(ROOT) if m.slug == slug), None)
    if found is not None:
        env.note_dependency(str(found.path / "module.yaml"))
    return found


def _role_error(inliner, lineno, rawtext, message):
    msg = inliner.reporter.error(message, line=lineno)
    problem = inliner.problematic(rawtext, rawtext, msg)
    return [problem], [msg]


def duration_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """``{duration}`standard``` -> "75 minutes" (the module's module.yaml); ``{duration}`all``` -> the course's range."""
    from core.course import course

    from .editions import LEVELS, ROOT

    env = inliner.document.settings.env
    lang, level = env.config.language, text.strip()
    if level == "all":
        every = [m.duration[lv] for m in course(ROOT) for lv in LEVELS]
        for m in course(ROOT):
            env.note_dependency(str(m.path / "module.yaml"))
        return [nodes.Text(gettext(lang, "{a} to {b} minutes", a=min(every), b=max(every)))], []
    module = _page_module(env)
    if module is None:
        return _role_error(inliner, lineno, rawtext, f"{{duration}}`{level}`: this page belongs to no module; "
                                                     "only {duration}`all` works here")
    if level not in module.duration:
        return _role_error(inliner, lineno, rawtext, f"{{duration}}`{level}`: the levels are {', '.join(LEVELS)}")
    minutes = module.duration[level]
    return [nodes.Text(ngettext(lang, "{n} minute", "{n} minutes", minutes))], []


def competency_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """``{competency}`Ethics of AI``` -> **Ethics of AI** (fr: **Éthique de l'IA** (*Ethics of AI*))."""
    from core.course import competency_name

    env = inliner.document.settings.env
    _page_module(env)
    tag = text.strip()
    try:
        shown, original = competency_name(tag, env.config.language)
    except KeyError:
        return _role_error(inliner, lineno, rawtext, f"{{competency}}`{tag}`: not a tag of core/competencies.yaml")
    out = [nodes.strong(shown, shown)]
    if original:
        out += [nodes.Text(" ("), nodes.emphasis(original, original), nodes.Text(")")]
    return out, []


def competency_count_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """``{competency-count}`ai4k12``` -> "three": how many tags of that framework the module's module.yaml gives."""
    env = inliner.document.settings.env
    module = _page_module(env)
    framework = text.strip()
    if module is None or framework not in module.competencies:
        return _role_error(inliner, lineno, rawtext, f"{{competency-count}}`{framework}`: needs a module page and "
                                                     "a framework of its module.yaml (ai4k12, unesco)")
    n = len(module.competencies[framework])
    words = pgettext(env.config.language, "how many competencies", NUMBER_WORDS[n]) if n < len(NUMBER_WORDS) else str(n)
    return [nodes.Text(words)], []


class Objectives(Directive):
    """``:::{objectives}`` -> the module's objectives as module.yaml words them, in the page's language, each
    followed by its id: "Explain how text becomes … (tokens)"."""

    has_content = False

    def run(self):
        env = self.state.document.settings.env
        module = _page_module(env)
        if module is None:
            return [self.state.document.reporter.error("{objectives}: this page belongs to no module", line=self.lineno)]
        lang = env.config.language
        items = nodes.bullet_list(bullet="-")
        for o in module.objectives:
            text = f"{o.text[lang]} ({o.id})"
            items += nodes.list_item("", nodes.paragraph(text, text))
        return [items]


class Medium(Directive):
    """``:::{on-screen}`` / ``:::{on-paper}``: a block shown only on one medium (see the theme's CSS)."""

    has_content = True
    medium = ""

    def run(self):
        box = nodes.container(classes=[f"decodia-on-{self.medium}"])
        self.state.nested_parse(self.content, self.content_offset, box)
        return [box]


class OnScreen(Medium):
    medium = "screen"


class OnPaper(Medium):
    medium = "paper"


# -- sources ----------------------------------------------------------------------------------------

SOURCE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@lru_cache(maxsize=None)
def _sources_at(path: str, mtime_ns: int):
    from core.sources import load_sources

    return load_sources(Path(path))


def _page_sources(env):
    """The page's module and its sources (modules/<slug>/sources.yaml, a dependency of the page), or (module, None)."""
    module = _page_module(env)
    if module is None or not module.sources.exists():
        return module, None
    import core.sources

    env.note_dependency(str(module.sources))
    env.note_dependency(core.sources.__file__)      # how a reference is written: a change re-renders the page
    return module, _sources_at(str(module.sources), module.sources.stat().st_mtime_ns)


def source_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """``{source}`lum-2016``` -> "(Lum et Isaac, 2016)", linked to the reference in the page's sources block;
    ``{source}`Lum and Isaac (2016) <lum-2016>``` links the writer's own words instead."""
    from core.sources import SourceErrors, citation

    from .numbers import _EXPLICIT

    env = inliner.document.settings.env
    explicit = _EXPLICIT.match(text)
    ident = (explicit.group("id") if explicit else text).strip()
    try:
        module, sources = _page_sources(env)
    except SourceErrors as err:
        return _role_error(inliner, lineno, rawtext, str(err))
    if sources is None or ident not in sources:
        where = f"modules/{module.slug}/sources.yaml" if module else "a module's sources.yaml (this page has no module)"
        return _role_error(inliner, lineno, rawtext, f"{{source}}`{ident}`: no such source in {where}")
    ref = nodes.reference("", "", internal=True, refid=f"source-{ident}", classes=["decodia-cite"])
    if explicit:
        ref += nodes.Text(explicit.group("text"))
        return [ref], []
    ref += nodes.Text(citation(sources[ident], env.config.language))
    return [nodes.Text("("), ref, nodes.Text(")")], []


class Sources(Directive):
    """``:::{sources}`` lists, one id per line, the sources of modules/<slug>/sources.yaml the page cites:
    each reference is rendered the same way on every page, in the page's language (core/sources.py),
    under "Facts checked in <month>" from module.yaml's `reviewed`."""

    has_content = True

    def run(self):
        from core.formats import month
        from core.sources import SourceErrors, reference

        env = self.state.document.settings.env
        lang = env.config.language
        box = nodes.container(classes=["decodia-sources"])
        box += nodes.rubric(text=gettext(lang, "Sources"))
        try:
            module, sources = _page_sources(env)
        except SourceErrors as err:
            return [self.state.document.reporter.error(str(err), line=self.lineno)]
        if module is not None:
            checked = gettext(lang, "Facts checked in {month}.", month=month(module.reviewed_on, lang))
            box += nodes.paragraph(checked, checked, classes=["decodia-reviewed"])
        ids = [line.strip() for line in self.content if line.strip()]
        written = next((i for i in ids if not SOURCE_ID.match(i)), None)
        if written is not None:
            return [self.state.document.reporter.error(
                f"{{sources}}: {written[:60]!r} is not a source id; write the reference once in the module's "
                "sources.yaml and list its id here, one per line", line=self.lineno)]
        items = nodes.bullet_list(bullet="-", classes=["decodia-references"])
        for ident in ids:
            if sources is None or ident not in sources:
                return [self.state.document.reporter.error(
                    f"{{sources}}: no source '{ident}' in modules/{module.slug if module else '?'}/sources.yaml",
                    line=self.lineno)]
            para = nodes.paragraph()
            for text, style, href in reference(sources[ident], lang):
                if style == "em":
                    para += nodes.emphasis(text, text)
                elif style == "link":      # the whole address, shown as is (the theme would shorten a GitHub one)
                    para += nodes.reference("", "", nodes.inline(text, text, classes=["decodia-address"]), refuri=href)
                else:
                    para += nodes.Text(text)
            items += nodes.list_item("", para, ids=[f"source-{ident}"])
        if ids:
            box += items
        return [box]


class FrenchSpacing(SphinxTransform):
    """French typography in French editions: no line break inside « », before ? ! : ;, before % and $
    after a number, or inside a number ("30 000").

    Writers type ordinary spaces; the page gets non-breaking ones (narrow before ? ! ;).
    """

    default_priority = 700

    def apply(self, **kwargs):
        if self.config.language != "fr":
            return
        for node in list(self.document.findall(nodes.Text)):
            if isinstance(node.parent, (nodes.literal, nodes.literal_block, nodes.raw)):
                continue
            text = str(node)
            new = french_spacing(text)
            if new != text:
                node.parent.replace(node, nodes.Text(new))


class Apostrophes(SphinxTransform):
    """An apostrophe typed just before markup ("l'{term}`IA`", "the model's **weights**") is an apostrophe.

    Smart quotes (which run after this) see the text before the markup alone and would take its final
    straight apostrophe for a closing quote ("l”IA"); it is turned into ’ here first.
    """

    default_priority = 700

    def apply(self, **kwargs):
        for node in list(self.document.findall(nodes.Text)):
            text = str(node)
            if len(text) < 2 or text[-1] != "'" or not text[-2].isalpha():
                continue
            if isinstance(node.parent, (nodes.literal, nodes.literal_block, nodes.raw)):
                continue
            if node.parent.index(node) + 1 < len(node.parent.children):   # markup follows, no space
                node.parent.replace(node, nodes.Text(text[:-1] + "\u2019"))


def page_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    ctx = app.config.html_context
    if "decodia_editions" not in ctx:
        return
    up = "../" * pagename.count("/")  # from this page to its edition's root
    links = []
    for e in ctx["decodia_editions"]:
        links.append({**e, "href": f"{up}../../{e['lang']}/{e['level']}/{pagename}.html"})
    context["decodia_links"] = links
    context["decodia_home"] = f"{up}../../index.html"




# Files of the theme that no Décodia page loads: the 1.5 MB fontawesome.js, its webfonts
# and source maps. Removing them keeps the static site small on a USB key or school server.
UNUSED = ["scripts/fontawesome.js", "scripts/fontawesome.js.LICENSE.txt", "vendor"]
DROP_SCRIPTS = ("sphinx-thebe.js", "design-tabs.js", "togglebutton.js", "clipboard.min.js", "copybutton.js")
DROP_CSS = ("sphinx-thebe.css", "sphinx-design.min.css", "togglebutton.css", "copybutton.css")
DROP_INLINE = ("THEBE_JS_URL", "toggleHint", "togglebuttonSelector", "kernelName")


def _name(asset) -> str:
    return str(getattr(asset, "filename", asset) or "")


def prune_assets(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Drop the scripts and styles no Décodia page uses: thebe (a CDN), sphinx-design tabs,
    toggle buttons, the copy button, and the saved ipywidgets state (the live face is
    for a running kernel; the page uses the kernel-free face)."""
    def keep_script(js) -> bool:
        attrs = getattr(js, "attributes", {}) or {}
        body = str(attrs.get("body", ""))
        if any(_name(js).endswith(d) for d in DROP_SCRIPTS):
            return False
        kind = str(attrs.get("type", ""))
        if "widget-state" in kind or "thebe" in kind or any(k in body for k in DROP_INLINE):
            return False
        return True

    if "script_files" in context:
        context["script_files"] = [js for js in context["script_files"] if keep_script(js)]
    if "css_files" in context:
        context["css_files"] = [c for c in context["css_files"] if not any(_name(c).endswith(d) for d in DROP_CSS)]
    # myst-nb names the "show code" toggles "Toggle hidden content" in English, whatever they
    # show: without that label, their accessible name is their visible, translated text.
    if "body" in context:
        context["body"] = context["body"].replace(' aria-label="Toggle hidden content"', "")


def drop_thebe_nodes(app: Sphinx, doctree, docname: str) -> None:
    """sphinx-thebe writes its Binder configuration into every notebook page; no page uses thebe."""
    for node in list(doctree.findall(nodes.raw)):
        if "x-thebe-config" in node.astext() or "kernelName =" in node.astext():
            node.parent.remove(node)


def finish(app: Sphinx, exception) -> None:
    """Write the icons the pages use and the quiz item types' script, and remove the theme files no page loads."""
    import shutil
    from pathlib import Path

    from quizzes.page import TYPES_SCRIPT, types_script

    from .icons import icons_css

    if exception or app.builder.format != "html":
        return
    static = Path(app.outdir) / "_static"
    (static / "decodia-icons.css").write_text(icons_css(Path(app.outdir)), encoding="utf-8")
    (static / TYPES_SCRIPT).write_text(types_script(), encoding="utf-8")
    for rel in UNUSED:
        target = static / rel
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
    for source_map in static.rglob("*.map"):
        source_map.unlink()


class WorkshopKits(Directive):
    """``:::{workshop-kits}`` -> every module's workshop kit in the page's language (issue 18): its title, its
    question, what it holds, and links to the kit printed by `decodia build` (PDF) and to the page it is printed
    from (HTML), in the site's `pdf/workshops/` folder."""

    has_content = False

    def run(self):
        from core.course import course
        from workshops.kit import KitErrors, kit_path, load_kit

        from .editions import ROOT

        env = self.state.document.settings.env
        lang = env.config.language
        out = nodes.bullet_list(bullet="-", classes=["decodia-kits"])
        for module in course(ROOT):
            path = kit_path(module, lang)
            if not path.is_file():
                continue
            env.note_dependency(str(path))
            try:
                kit = load_kit(module, lang)
            except KitErrors as err:
                return [self.state.document.reporter.error(str(err), line=self.lineno)]
            base = f"../../pdf/workshops/{module.slug}-{lang}"
            item = nodes.paragraph()
            item += nodes.strong(kit.title, kit.title)
            item += nodes.Text(" — " + kit.question + " ")
            holds = gettext(lang, "{cards} scenario cards, {roles} role cards.", cards=len(kit.scenarios),
                            roles=len(kit.roles))
            item += nodes.Text(holds + " ")
            for label, href in ((gettext(lang, "Kit to print (PDF)"), f"{base}.pdf"),
                                (gettext(lang, "Web version"), f"{base}.html")):
                item += nodes.reference(label, label, refuri=href)
                item += nodes.Text(" ")
            out += nodes.list_item("", item)
        return [out]


def setup(app: Sphinx) -> dict:
    app.add_config_value("decodia_theme_digest", "", "env")
    app.add_role("objective", objective_role)
    app.add_role("source", source_role)
    app.add_directive("sources", Sources)
    app.add_directive("on-screen", OnScreen)
    app.add_directive("on-paper", OnPaper)
    app.add_directive("objectives", Objectives)
    app.add_directive("workshop-kits", WorkshopKits)
    app.add_role("duration", duration_role)
    app.add_role("competency", competency_role)
    app.add_role("competency-count", competency_count_role)
    app.add_transform(FrenchSpacing)
    app.add_transform(Apostrophes)
    app.connect("html-page-context", page_context)
    app.connect("html-page-context", prune_assets, priority=900)
    app.connect("doctree-resolved", drop_thebe_nodes, priority=900)
    app.connect("build-finished", finish)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
