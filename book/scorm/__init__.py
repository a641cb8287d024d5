"""SCORM packages of the lessons: `decodia scorm` (issue 19).

    from book.scorm import write_package
    zip_path = write_package(["chatbots"], "fr", "simple", version="1.2", mastery=60, out=Path("out"))

A package is a zip an LMS imports as an activity (Moodle, Brightspace, Canvas...): `imsmanifest.xml` (SCORM 1.2,
or SCORM 2004 4th Edition), the lesson page of the built book with the navigation that makes sense in an LMS
frame (no book menu, search, edition switcher or previous/next links; the glossary opens in a new tab), every
file the page loads (nothing from another host), and `decodia-scorm.js`, the adapter that talks to the LMS's API
(see its header). A teacher README in the lesson's language sits beside the zip and inside it.
One package per lesson, or one per edition with one item (one SCO) per module (`edition=True`).
"""
from __future__ import annotations

import json
import posixpath
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import lxml.html

from core.course import course

from ..editions import HTML

VERSIONS = ("1.2", "2004")
STATIC = Path(__file__).parent / "static"
ADAPTER = "decodia-scorm.js"
# What the book page has that has no place in an LMS frame: the book's menu, search, edition switcher, the
# previous/next links (the LMS shows its own), and the links to the search and index pages.
_DROP = [
    "//*[@id='pst-search-dialog' or @id='pst-primary-sidebar-modal' or @id='pst-primary-sidebar' or @id='searchbox']",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' decodia-switcher ')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' prev-next-footer ')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' primary-toggle ')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' search-button__button ')]",
    "//link[@rel='search' or @rel='index' or @rel='next' or @rel='prev']",
    "//script[contains(@src, 'searchtools.js') or contains(@src, 'language_data.js') or contains(@src, 'searchindex.js')]",
]
_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3""")
# The attributes by which a page loads a file (a <link> only when it is a stylesheet, an icon or a preload).
_ASSET_ATTRS = (("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"), ("video", "src"),
                ("audio", "src"), ("video", "poster"), ("object", "data"), ("embed", "src"), ("track", "src"))


class ScormError(ValueError):
    """A bad argument or a missing build: `str()` says what to do."""


def check_arguments(version: str, mastery: float | None) -> None:
    if version not in VERSIONS:
        raise ScormError(f"--version must be 1.2 or 2004 (SCORM 2004 4th Edition), not '{version}'")
    if mastery is not None and not 0 <= mastery <= 100:
        raise ScormError(f"--mastery is a passing score in percent, from 0 to 100, not {mastery:g}")


@dataclass
class Page:
    """A page of the package: its path in the package, its HTML, and the files it loads."""

    path: str
    html: bytes
    assets: set[str]


def _local(url: str) -> str | None:
    """The path part of a reference to a file of the book, or None for an anchor, data: URL or another site."""
    url = urldefrag(url)[0]
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        if parts.scheme in ("http", "https", "ftp") or parts.netloc:
            return "//other-host"
        return None                                   # data:, blob:, mailto:, javascript:
    return parts.path or None


def _resolve(base: str, ref: str) -> str:
    return posixpath.normpath(posixpath.join(posixpath.dirname(base), ref))


def _css_assets(edition_dir: Path, css: str, seen: set[str]) -> None:
    """Add to `seen` the files a stylesheet loads (url(), @import), following the stylesheets it imports."""
    text = (edition_dir / css).read_text(encoding="utf-8", errors="replace")
    for m in _CSS_URL.finditer(text):
        ref = m.group(2) or m.group(4)
        path = _local(ref)
        if path is None:
            continue
        if path == "//other-host":
            raise ScormError(f"{css} loads {ref} from another host; a package must be self-contained")
        target = _resolve(css, path)
        if target not in seen and (edition_dir / target).is_file():
            seen.add(target)
            if target.endswith(".css"):
                _css_assets(edition_dir, target, seen)


def lms_page(edition_dir: Path, name: str, in_package: set[str], adapter_tag: dict | None) -> Page:
    """The book page `name` (e.g. "chatbots.html") made for an LMS frame, and the files it needs."""
    source = edition_dir / name
    doc = lxml.html.fromstring(source.read_bytes())
    for selector in _DROP:
        for el in doc.xpath(selector):
            el.drop_tree()
    # Links: in-page anchors stay; pages of the package open in a new tab (leaving the SCO's page would end its
    # session; `noopener` so that a copy opened there finds no API and records nothing); other pages of the book
    # are not in the package, so their links become plain text; sources on the Web open in a new tab.
    for a in doc.xpath("//a[@href]"):
        href = a.get("href")
        path = _local(href)
        if path is None or href.startswith("#"):
            continue
        target = None if path == "//other-host" else _resolve(name, path)
        if target == name:                                   # this very page: an anchor
            a.set("href", "#" + urldefrag(href)[1])
        elif target is None or target in in_package:
            a.set("target", "_blank")
            a.set("rel", "noopener")
        else:
            a.drop_tag()
    if adapter_tag is not None:
        tag = lxml.html.Element("script", src=f"_static/{ADAPTER}", **adapter_tag)
        first = next(iter(doc.xpath('//script[contains(@src, "decodia-quiz-types.js")]')), None)
        if first is None:
            first = next(iter(doc.xpath("//head/script[@src]")), None)
        if first is None:
            doc.find("head").append(tag)
        else:
            first.addprevious(tag)
    assets: set[str] = set()
    for tag, attr in _ASSET_ATTRS:
        for el in doc.iter(tag):
            ref = el.get(attr)
            if not ref:
                continue
            path = _local(ref)
            if path is None:
                continue
            if path == "//other-host":
                raise ScormError(f"{name} loads {ref} from another host; a package must be self-contained")
            if tag == "link" and el.get("rel") not in ("stylesheet", "icon", "preload", "modulepreload"):
                continue
            target = _resolve(name, path)
            if target.startswith("../"):
                raise ScormError(f"{name} loads {ref}, outside its edition; a package holds one edition's files")
            if target == f"_static/{ADAPTER}":
                continue
            if not (edition_dir / target).is_file():
                raise ScormError(f"{name} loads {ref}, which the built book lacks: rebuild the edition")
            assets.add(target)
    for el in doc.xpath("//*[@style]"):
        for m in _CSS_URL.finditer(el.get("style")):
            path = _local(m.group(2) or "")
            if path and path != "//other-host" and (edition_dir / _resolve(name, path)).is_file():
                assets.add(_resolve(name, path))
    for css in sorted(a for a in assets if a.endswith(".css")):
        _css_assets(edition_dir, css, assets)
    html = lxml.html.tostring(doc, doctype="<!DOCTYPE html>", encoding="utf-8", method="html")
    return Page(name, html, assets)


# -- the manifest ---------------------------------------------------------------------------------------------------

NS12 = {"": "http://www.imsproject.org/xsd/imscp_rootv1p1p2", "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2"}
LOC12 = ("http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd "
         "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd "
         "http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd")
NS2004 = {"": "http://www.imsglobal.org/xsd/imscp_v1p1", "adlcp": "http://www.adlnet.org/xsd/adlcp_v1p3",
          "adlseq": "http://www.adlnet.org/xsd/adlseq_v1p3", "adlnav": "http://www.adlnet.org/xsd/adlnav_v1p3",
          "imsss": "http://www.imsglobal.org/xsd/imsss"}
LOC2004 = ("http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd "
           "http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd "
           "http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd "
           "http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd "
           "http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd")
XSI = "http://www.w3.org/2001/XMLSchema-instance"


@dataclass
class Sco:
    """One item of the organisation: a lesson page, its title and the files only it loads."""

    slug: str
    title: str
    page: str
    files: list[str]


def manifest(identifier: str, title: str, scos: list[Sco], shared: list[str], version: str,
             mastery: float | None) -> bytes:
    """`imsmanifest.xml`: one organisation, one item per lesson (a SCO), the files they share as one asset."""
    from lxml import etree

    ns = NS2004 if version == "2004" else NS12
    cp, adlcp, imsss = "{%s}" % ns[""], "{%s}" % ns["adlcp"], "{%s}" % ns.get("imsss", "")

    def sub(parent, tag, text=None, **attrs):
        el = etree.SubElement(parent, tag, {k: str(v) for k, v in attrs.items()})
        if text is not None:
            el.text = text
        return el

    root = etree.Element(cp + "manifest", nsmap={None if k == "" else k: v for k, v in ns.items()},
                         identifier=identifier, version="1")
    root.set(f"{{{XSI}}}schemaLocation", LOC2004 if version == "2004" else LOC12)
    meta = sub(root, cp + "metadata")
    sub(meta, cp + "schema", "ADL SCORM")
    sub(meta, cp + "schemaversion", "2004 4th Edition" if version == "2004" else "1.2")
    orgs = sub(root, cp + "organizations", default="org")
    org = sub(orgs, cp + "organization", identifier="org")
    sub(org, cp + "title", title)
    for sco in scos:
        item = sub(org, cp + "item", identifier=f"item-{sco.slug}", identifierref=f"res-{sco.slug}")
        sub(item, cp + "title", sco.title)
        if mastery is not None and version == "1.2":
            sub(item, adlcp + "masteryscore", f"{mastery:g}")
        if mastery is not None and version == "2004":
            seq = sub(item, imsss + "sequencing")
            objectives = sub(seq, imsss + "objectives")
            primary = sub(objectives, imsss + "primaryObjective", objectiveID=f"{sco.slug}-mastery",
                          satisfiedByMeasure="true")
            sub(primary, imsss + "minNormalizedMeasure", f"{mastery / 100:.4g}")
    resources = sub(root, cp + "resources")
    scorm_type = adlcp + ("scormType" if version == "2004" else "scormtype")
    for sco in scos:
        res = sub(resources, cp + "resource", identifier=f"res-{sco.slug}", type="webcontent", href=sco.page)
        res.set(scorm_type, "sco")
        for f in [sco.page] + sco.files:
            sub(res, cp + "file", href=f)
        sub(res, cp + "dependency", identifierref="res-shared")
    res = sub(resources, cp + "resource", identifier="res-shared", type="webcontent")
    res.set(scorm_type, "asset")
    for f in shared:
        sub(res, cp + "file", href=f)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


# -- the package ----------------------------------------------------------------------------------------------------

def package_name(slugs: list[str] | None, lang: str, level: str, version: str) -> str:
    what = f"{slugs[0]}-" if slugs and len(slugs) == 1 else ""
    return f"decodia-{what}{lang}-{level}-scorm{version.replace('.', '')}"


def _overrides() -> dict[str, bytes]:
    """The quiz's scripts as this code has them (the adapter relies on their store and their graded event), even
    if the edition was built before they changed; and the adapter."""
    from quizzes.page import STATIC as QUIZ_STATIC, types_script

    return {"_static/decodia-quiz.js": (QUIZ_STATIC / "decodia-quiz.js").read_bytes(),
            "_static/decodia-quiz-types.js": types_script().encode("utf-8"),
            f"_static/{ADAPTER}": (STATIC / ADAPTER).read_bytes()}


def adapter_attributes(version: str, mastery: float | None) -> dict:
    from quizzes.types import REGISTRY

    types = {name: kind.scorm_interaction for name, kind in REGISTRY.items()}
    return {"data-version": version, "data-mastery": "" if mastery is None else f"{mastery:g}",
            "data-types": json.dumps(types, sort_keys=True)}


def edition_dir(lang: str, level: str, html: Path = HTML) -> Path:
    return Path(html) / lang / level


def write_package(slugs: list[str] | None, lang: str, level: str, *, version: str = "1.2",
                  mastery: float | None = None, out: Path, html: Path = HTML) -> Path:
    """Write the package of the lessons `slugs` (None: every module of the edition, one SCO each) into `out`:
    the zip and, beside it, the teacher README. Returns the zip's path."""
    from ..editions import interface, level_name
    from .readme import readme

    check_arguments(version, mastery)
    reg = course()
    mods = [reg.module(s) for s in slugs] if slugs else list(reg)
    folder = edition_dir(lang, level, html)
    missing = [m.slug for m in mods if not (folder / f"{m.slug}.html").is_file()]
    if missing:
        state = (f"the {lang}/{level} edition has no page for the module(s) {', '.join(missing)} (built before they "
                 f"existed?)" if folder.is_dir() else f"the {lang}/{level} edition is not built (no {folder})")
        raise ScormError(f"{state}; run `decodia build --lang {lang} --level {level} --no-pdf` first")
    pages = [f"{m.slug}.html" for m in mods]
    extra = ["glossary.html"] if (folder / "glossary.html").is_file() else []
    in_package = set(pages + extra)
    attrs = adapter_attributes(version, mastery)
    built = [lms_page(folder, p, in_package, attrs) for p in pages] + [lms_page(folder, p, in_package, None)
                                                                     for p in extra]
    overrides = _overrides()
    everything: dict[str, bytes] = {}
    for page in built:
        everything[page.path] = page.html
        for a in page.assets:
            everything[a] = overrides.get(a) or (folder / a).read_bytes()
    everything[f"_static/{ADAPTER}"] = overrides[f"_static/{ADAPTER}"]
    shared = sorted(set(everything) - set(pages))
    ui = interface(lang)
    title = mods[0].title[lang] if slugs and len(mods) == 1 else f"{ui['book']} · {level_name(lang, level)}"
    name = package_name(slugs, lang, level, version)
    scos = [Sco(m.slug, m.title[lang], p, []) for m, p in zip(mods, pages)]
    everything["imsmanifest.xml"] = manifest(name, title, scos, shared, version, mastery)
    note_name, note = readme(lang, level, title, [s.title for s in scos], version, mastery)
    everything[note_name] = note.encode("utf-8")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"{name}.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for path in sorted(everything):
            info = zipfile.ZipInfo(path, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, everything[path])
    (out / f"{name}-{note_name}").write_text(note, encoding="utf-8")
    return target
