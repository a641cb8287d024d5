"""IMS QTI 2.1 content package: `qti_package(quizzes, title) -> bytes` (a zip).

Contents (entries sorted, fixed dates and modes, so the same input gives the same bytes):
- `imsmanifest.xml`: IMS Content Packaging 1.1 with one `imsqti_item_xmlv2p1` resource per item variant
  and one `imsqti_test_xmlv2p1` resource for the test, which depends on every item;
- `items/<quiz id>-<item id>.xml`: one assessmentItem per item variant (an item several quizzes drew with the
  same content is written once), with `xml:lang`;
- `test.xml`: an assessmentTest with one testPart and one assessmentSection per objective (and edition);
  each section holds that objective's distinct variants from every quiz and draws as many of them, at
  random, as a quiz has on average (at least one), like Moodle random slots. The test's SCORE is the sum
  of the items'.

Every item scores SCORE in points, exactly as quizzes/grading.py does:
- single, truefalse: choiceInteraction (maxChoices=1; true/false as two choices), points if right;
- multiple: choiceInteraction maxChoices=0; a mapping +1/R per right choice and −1/R per wrong one,
  bounded to [0, 1], times the points: (right − wrong) / right, never below zero;
- numeric: textEntryInteraction, baseType float, `<equal toleranceMode="absolute" tolerance="t t">`;
- text: textEntryInteraction, baseType string, a mapping with one caseSensitive="false" entry per accepted
  answer (plus accent-free and apostrophe variants: QTI compares strings exactly, bar case);
- ordering: orderInteraction, points / n for each item in its right place;
- matching: matchInteraction with directedPair responses, points / n per right pair.
Feedback: modalFeedback GENERAL (the item's feedback) and, for choice items, one per choice with feedback.
Tables are XHTML tables; images are <img> with data: PNG URIs (QTI's img src is xs:anyURI, which a data:
URI is), with their label as alt text and caption.
"""
from __future__ import annotations

import base64
import re
import zipfile

from lxml import etree

from . import accepted_variants, by_category, category_path, clean, number, question_name, unique_quizzes
from ..model import Question
from ..types import QtiParts

QTI_NS = "http://www.imsglobal.org/xsd/imsqti_v2p1"
QTI_XSD = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
CP_NS = "http://www.imsglobal.org/xsd/imscp_v1p1"
QTIMD_NS = "http://www.imsglobal.org/xsd/imsqti_metadata_v2p1"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
XML_NS = "http://www.w3.org/XML/1998/namespace"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
ZIP_MODE = 0o100644 << 16  # a regular file, rw-r--r--


def identifier(text: str, prefix: str = "I_") -> str:
    """An NCName built from `text` (QTI identifiers and CP ids must be NCNames)."""
    ident = re.sub(r"[^A-Za-z0-9_.-]", "_", text)
    return ident if re.match(r"[A-Za-z_]", ident) else prefix + ident


def _idents(ids, prefix: str) -> dict[str, str]:
    """Choice id -> unique QTI identifier, `prefix` + the sanitised id."""
    out: dict[str, str] = {}
    for cid in ids:
        base = prefix + re.sub(r"[^A-Za-z0-9_.-]", "_", cid)
        ident, n = base, 1
        while ident in out.values():
            n += 1
            ident = f"{base}_{n}"
        out[cid] = ident
    return out


def _float(x: float) -> str:
    return number(x) if float(x).is_integer() else repr(float(x))


def el(tag: str, *children, text: str | None = None, ns: str = QTI_NS, **attrib) -> etree._Element:
    """An element in the QTI (or `ns`) namespace, its attributes, text and children; None children skipped."""
    e = etree.Element(f"{{{ns}}}{tag}", {k.rstrip("_"): str(v) for k, v in attrib.items()})
    if text is not None:
        e.text = clean(text)
    for c in children:
        if c is not None:
            e.append(c)
    return e


def value(v, base: str = "float") -> etree._Element:
    return el("baseValue", text=str(v), baseType=base)


def set_outcome(outcome: str, expr) -> etree._Element:
    return el("setOutcomeValue", expr, identifier=outcome)


def response() -> etree._Element:
    return el("variable", identifier="RESPONSE")


def condition(*branches) -> etree._Element:
    """responseCondition of (tag, test, action) branches: responseIf, responseElseIf…, responseElse (test None)."""
    return el("responseCondition", *[el(tag, *([test] if test is not None else []), action) for tag, test, action in branches])


def if_null_zero_else(expr) -> etree._Element:
    return condition(("responseIf", el("isNull", response()), set_outcome("SCORE", value(0))),
                     ("responseElse", None, set_outcome("SCORE", expr)))


def scaled(points: float, expr) -> etree._Element:
    return expr if points == 1 else el("product", value(_float(points)), expr)


def mapping(entries, case_insensitive: bool = False) -> etree._Element:
    extra = {"caseSensitive": "false"} if case_insensitive else {}
    return el("mapping", *[el("mapEntry", mapKey=k, mappedValue=v, **extra) for k, v in entries],
              lowerBound="0", upperBound="1", defaultValue="0")


def declaration(cardinality: str, base: str, correct, *rest) -> etree._Element:
    return el("responseDeclaration", el("correctResponse", *[el("value", text=v) for v in correct]), *rest,
              identifier="RESPONSE", cardinality=cardinality, baseType=base)


def text_entry(q: Question, length: int) -> etree._Element:
    from core.i18n import gettext

    p = el("p", text=gettext(q.lang, "Your answer") + " ")
    p.append(el("textEntryInteraction", responseIdentifier="RESPONSE", expectedLength=length))
    return p


def choice_parts(q: Question, options, multiple: bool, ids: dict[str, str] | None = None) -> QtiParts:
    """single, multiple, true/false: a choiceInteraction; `options` are (id, text, right, feedback)."""
    ids = ids or _idents([o[0] for o in options], "C_")
    right = [ids[o[0]] for o in options if o[2]]
    rest = []
    if multiple:
        share = 1 / len(right)
        rest.append(mapping([(ids[o[0]], _float(share if o[2] else -share)) for o in options]))
    decl = declaration("multiple" if multiple else "single", "identifier", right, *rest)
    body = el("choiceInteraction", *[el("simpleChoice", text=o[1], identifier=ids[o[0]]) for o in options],
              responseIdentifier="RESPONSE", shuffle="false", maxChoices=0 if multiple else 1)
    if multiple:
        rp = [if_null_zero_else(scaled(q.points, el("mapResponse", identifier="RESPONSE")))]
    else:
        rp = [condition(("responseIf", el("match", response(), el("correct", identifier="RESPONSE")),
                         set_outcome("SCORE", value(_float(q.points)))),
                        ("responseElse", None, set_outcome("SCORE", value(0))))]
    feedback = {ids[cid]: fb for cid, _text, _right, fb in options if fb}
    return QtiParts(decl, [body], rp, feedback, feeds_response=bool(feedback))


def numeric_parts(q: Question) -> QtiParts:
    decl = el("responseDeclaration", el("correctResponse", el("value", text=_float(q.answer))),
              identifier="RESPONSE", cardinality="single", baseType="float")
    tol = _float(q.tolerance)
    rp = condition(("responseIf", el("isNull", response()), set_outcome("SCORE", value(0))),
                   ("responseElseIf", el("equal", response(), el("correct", identifier="RESPONSE"),
                                         toleranceMode="absolute", tolerance=f"{tol} {tol}"),
                    set_outcome("SCORE", value(_float(q.points)))),
                   ("responseElse", None, set_outcome("SCORE", value(0))))
    return QtiParts(decl, [text_entry(q, 12)], [rp])


def text_parts(q: Question) -> QtiParts:
    accepted = accepted_variants(q.answer)
    decl = declaration("single", "string", accepted[:1], mapping([(a, "1") for a in accepted], case_insensitive=True))
    rp = if_null_zero_else(scaled(q.points, el("mapResponse", identifier="RESPONSE")))
    return QtiParts(decl, [text_entry(q, 30)], [rp])


def order_parts(q: Question) -> QtiParts:
    ids = _idents([c.id for c in q.choices], "C_")
    decl = declaration("ordered", "identifier", [ids[c] for c in q.order])
    body = el("orderInteraction", *[el("simpleChoice", text=c.text, identifier=ids[c.id]) for c in q.choices],
              responseIdentifier="RESPONSE", shuffle="false")
    step = _float(q.points / len(q.order))
    rp = [set_outcome("SCORE", value(0))] + [
        condition(("responseIf", el("match", el("index", response(), n=n), value(ids[cid], "identifier")),
                   set_outcome("SCORE", el("sum", el("variable", identifier="SCORE"), value(step)))))
        for n, cid in enumerate(q.order, 1)]
    return QtiParts(decl, [body], rp)


def match_parts(q: Question) -> QtiParts:
    from ..types.base import rights_shown

    lefts = _idents([c.id for c in q.choices], "L_")
    rights = rights_shown(q)
    rids = {r: f"R_{i}" for i, r in enumerate(rights, 1)}
    share = _float(1 / len(q.pairs))
    decl = declaration("multiple", "directedPair", [f"{lefts[a]} {rids[b]}" for a, b in q.pairs],
                       mapping([(f"{lefts[a]} {rids[b]}", share) for a, b in q.pairs]))
    body = el("matchInteraction",
              el("simpleMatchSet", *[el("simpleAssociableChoice", text=c.text, identifier=lefts[c.id], matchMax=1)
                                     for c in q.choices]),
              el("simpleMatchSet", *[el("simpleAssociableChoice", text=r, identifier=rids[r], matchMax=0)
                                     for r in rights]),
              responseIdentifier="RESPONSE", shuffle="false", maxAssociations=len(q.pairs))
    rp = if_null_zero_else(scaled(q.points, el("mapResponse", identifier="RESPONSE")))
    return QtiParts(decl, [body], [rp])


class _Builders:
    """What `ItemType.qti` builds its parts with."""
    choice_parts = staticmethod(choice_parts)
    numeric_parts = staticmethod(numeric_parts)
    text_parts = staticmethod(text_parts)
    order_parts = staticmethod(order_parts)
    match_parts = staticmethod(match_parts)


def _table(table: dict | None):
    if not table:
        return None
    head = el("thead", el("tr", *[el("th", text=str(h), scope="col") for h in table["headers"]]))
    body = el("tbody", *[el("tr", *[el("td", text=str(c)) for c in row]) for row in table["rows"]])
    return el("table", head, body, class_="decodia-table")


def _image(img: dict) -> etree._Element:
    from widgets.views import pixels_png

    data = base64.b64encode(pixels_png(img["pixels"], img["width"])).decode("ascii")
    return el("div", el("img", class_="decodia-pixels", src=f"data:image/png;base64,{data}", alt=clean(img["label"]),
                        width="72", height="72"), el("p", text=img["label"]), class_="decodia-image")


def _stem(q: Question) -> etree._Element:
    images = el("div", *[_image(i) for i in q.images], class_="decodia-images__row") if q.images else None
    return el("div", el("p", text=q.prompt), _table(q.table), images, class_="decodia-stem")


def _root(tag: str, ns: str, ident: str, title: str | None, schema: str, **attrib) -> etree._Element:
    root = etree.Element(f"{{{ns}}}{tag}", nsmap={None: ns, "xsi": XSI_NS})
    root.set(f"{{{XSI_NS}}}schemaLocation", schema)
    root.set("identifier", ident)
    if title is not None:
        root.set("title", clean(title))
    for k, v in attrib.items():
        root.set(k, v)
    return root


def _serialise(root: etree._Element) -> str:
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(root, encoding="unicode") + "\n"


def item_xml(q: Question, ident: str, title: str) -> str:
    """One assessmentItem (QTI 2.1) for one item variant."""
    parts: QtiParts = q.kind.qti(q, _Builders)
    points = _float(q.points)
    fb_ids = ({"GENERAL": q.feedback} if q.feedback else {}) | parts.choice_feedback
    root = _root("assessmentItem", QTI_NS, ident, title, f"{QTI_NS} {QTI_XSD}",
                 adaptive="false", timeDependent="false", toolName="Décodia")
    root.set(f"{{{XML_NS}}}lang", q.lang)
    root.append(parts.declaration)
    root.append(el("outcomeDeclaration", el("defaultValue", el("value", text="0")),
                   identifier="SCORE", cardinality="single", baseType="float"))
    root.append(el("outcomeDeclaration", el("defaultValue", el("value", text=points)),
                   identifier="MAXSCORE", cardinality="single", baseType="float"))
    processing = list(parts.processing)
    if fb_ids:
        root.append(el("outcomeDeclaration", identifier="FEEDBACK", cardinality="multiple", baseType="identifier"))
        picks = ([value("GENERAL", "identifier")] if q.feedback else []) + ([response()] if parts.feeds_response else [])
        processing.append(set_outcome("FEEDBACK", el("multiple", *picks)))
    root.append(el("itemBody", _stem(q), *parts.body))
    root.append(el("responseProcessing", *processing))
    for fid, text in fb_ids.items():
        root.append(el("modalFeedback", el("p", text=text), outcomeIdentifier="FEEDBACK", identifier=fid,
                       showHide="show"))
    return _serialise(root)


def _items(quizzes) -> list[tuple[tuple[str, ...], list[tuple[str, str, Question]]]]:
    """(section path, [(identifier, title, question)]) with identifiers unique across the package."""
    used: set[str] = set()
    out = []
    for path, items in by_category(quizzes):
        entries = []
        for quiz, q in items:
            base = identifier(f"{quiz.id}-{q.id}")
            ident, n = base, 1
            while ident.lower() in used:  # file names too must differ, even on case-insensitive disks
                n += 1
                ident = f"{base}_{n}"
            used.add(ident.lower())
            entries.append((ident, question_name(quiz, q), q))
        out.append((path, entries))
    return out


def assessment_test_xml(sections, ident: str, title: str, per_quiz: dict[tuple[str, ...], int]) -> str:
    root = _root("assessmentTest", QTI_NS, ident, title, f"{QTI_NS} {QTI_XSD}", toolName="Décodia")
    for outcome in ("SCORE", "MAXSCORE"):
        root.append(el("outcomeDeclaration", el("defaultValue", el("value", text="0")),
                       identifier=outcome, cardinality="single", baseType="float"))
    part = el("testPart", identifier="P1", navigationMode="nonlinear", submissionMode="individual")
    for path, entries in sections:
        part.append(el("assessmentSection", el("selection", select=min(per_quiz[path], len(entries))),
                       *[el("assessmentItemRef", identifier=i, href=f"items/{i}.xml", category=clean(path[-1]))
                         for i, _, _ in entries],
                       identifier=identifier("S-" + "-".join(path[1:])), title=clean(" · ".join(path[1:])),
                       visible="true"))
    root.append(part)
    root.append(el("outcomeProcessing",
                   *[set_outcome(o, el("sum", el("testVariables", variableIdentifier=o))) for o in ("SCORE", "MAXSCORE")]))
    return _serialise(root)


def manifest_xml(sections, test_ident: str, title: str) -> str:
    items = [e for _, entries in sections for e in entries]
    root = etree.Element(f"{{{CP_NS}}}manifest", nsmap={None: CP_NS, "imsqti": QTIMD_NS, "xsi": XSI_NS})
    root.set(f"{{{XSI_NS}}}schemaLocation", f"{CP_NS} http://www.imsglobal.org/xsd/imscp_v1p1.xsd "
                                            f"{QTIMD_NS} http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_metadata_v2p1.xsd")
    root.set("identifier", f"MANIFEST-{test_ident}")

    def cp(tag, *children, **attrib):
        return el(tag, *children, ns=CP_NS, **attrib)

    def md(tag, text):
        return el(tag, text=text, ns=QTIMD_NS)

    root.append(cp("metadata", el("schema", text="QTIv2.1 Package", ns=CP_NS), el("schemaversion", text="1.0.0", ns=CP_NS)))
    root.append(cp("organizations"))
    resources = cp("resources", cp("resource", cp("file", href="test.xml"),
                                   *[cp("dependency", identifierref=f"RES-{i}") for i, _, _ in items],
                                   identifier=f"RES-{test_ident}", type="imsqti_test_xmlv2p1", href="test.xml"))
    for i, _, q in items:
        meta = el("qtiMetadata", md("timeDependent", "false"), md("interactionType", q.kind.qti_interaction),
                  md("feedbackType", "nonadaptive"), md("solutionAvailable", "true"), md("toolName", "Décodia"),
                  ns=QTIMD_NS)
        resources.append(cp("resource", cp("metadata", meta), cp("file", href=f"items/{i}.xml"),
                            identifier=f"RES-{i}", type="imsqti_item_xmlv2p1", href=f"items/{i}.xml"))
    root.append(resources)
    return _serialise(root)


def qti_files(quizzes, title: str) -> dict[str, str]:
    """The package's files by name: manifest, test and one item per variant (what the zip holds)."""
    quizzes = unique_quizzes(quizzes)
    sections = _items(quizzes)
    # how many items of each objective one quiz holds, on average (at least 1): the section's draw
    drawn: dict[tuple[str, ...], int] = {}
    quizzes_of: dict[tuple[str, ...], set[str]] = {}
    for quiz in quizzes:
        for q in quiz.questions:
            path = tuple(category_path(quiz, q))
            drawn[path] = drawn.get(path, 0) + 1
            quizzes_of.setdefault(path, set()).add(quiz.id)
    per_quiz = {path: max(1, round(n / len(quizzes_of[path]))) for path, n in drawn.items()}
    test_ident = identifier("T-" + title)
    files = {"imsmanifest.xml": manifest_xml(sections, test_ident, title),
             "test.xml": assessment_test_xml(sections, test_ident, title, per_quiz)}
    for _, entries in sections:
        for ident, name, q in entries:
            files[f"items/{ident}.xml"] = item_xml(q, ident, name)
    return files


def qti_package(quizzes, title: str) -> bytes:
    """The quizzes as a QTI 2.1 content package (zip bytes), byte-identical for the same input."""
    import io

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, text in sorted(qti_files(quizzes, title).items()):
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = ZIP_MODE
            zf.writestr(info, text.encode("utf-8"), compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return buf.getvalue()
