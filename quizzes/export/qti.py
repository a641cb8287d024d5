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
from xml.sax.saxutils import escape as _escape

from . import (accepted_variants, by_category, category_path, clean, number, question_name, table_html,
               unique_quizzes)
from ..model import Question
from ..text import UI

QTI_NS = "http://www.imsglobal.org/xsd/imsqti_v2p1"
QTI_XSD = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
CP_NS = "http://www.imsglobal.org/xsd/imscp_v1p1"
QTIMD_NS = "http://www.imsglobal.org/xsd/imsqti_metadata_v2p1"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
ZIP_MODE = 0o100644 << 16  # a regular file, rw-r--r--

INTERACTION = {"single": "choiceInteraction", "multiple": "choiceInteraction", "truefalse": "choiceInteraction",
               "numeric": "textEntryInteraction", "text": "textEntryInteraction",
               "ordering": "orderInteraction", "matching": "matchInteraction"}


def esc(text) -> str:
    return _escape(clean(text))


def attr(text) -> str:
    """An attribute value, quoted; tabs and line breaks as references so that parsing keeps them."""
    return '"' + _escape(clean(text), {'"': "&quot;", "\n": "&#10;", "\t": "&#9;"}) + '"'


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


def _image(img: dict) -> str:
    from widgets.views import pixels_png

    data = base64.b64encode(pixels_png(img["pixels"], img["width"])).decode("ascii")
    return (f'<div class="decodia-image"><img class="decodia-pixels" src="data:image/png;base64,{data}" '
            f'alt={attr(img["label"])} width="72" height="72"/><p>{esc(img["label"])}</p></div>')


def _stem(q: Question) -> str:
    images = ("<div class=\"decodia-images__row\">" + "".join(_image(i) for i in q.images) + "</div>"
              if q.images else "")
    return f'<div class="decodia-stem"><p>{esc(q.prompt)}</p>{table_html(q.table)}{images}</div>'


def _value(v, base="float") -> str:
    return f'<baseValue baseType="{base}">{v}</baseValue>'


def _set(outcome: str, expr: str) -> str:
    return f'<setOutcomeValue identifier="{outcome}">{expr}</setOutcomeValue>'


_RESPONSE = '<variable identifier="RESPONSE"/>'


def _if_null_zero_else(expr: str) -> str:
    return ("<responseCondition><responseIf><isNull>" + _RESPONSE + "</isNull>" + _set("SCORE", _value(0))
            + "</responseIf><responseElse>" + _set("SCORE", expr) + "</responseElse></responseCondition>")


def _scaled(points: float, expr: str) -> str:
    return expr if points == 1 else f"<product>{_value(_float(points))}{expr}</product>"


def item_xml(q: Question, ident: str, title: str) -> str:
    """One assessmentItem (QTI 2.1) for one item variant."""
    ui = UI[q.lang] if q.lang in UI else UI["en"]
    points = _float(q.points)
    decl, body, rp, feedback = [], [], [], []
    fb_ids: dict[str, str] = {}  # modal feedback identifier -> its text
    feeds_response = False
    if q.type in ("single", "multiple", "truefalse"):
        if q.type == "truefalse":
            options = [("true", ui["true"], q.answer is True, ""), ("false", ui["false"], q.answer is False, "")]
            ids = {"true": "TRUE", "false": "FALSE"}
        else:
            options = [(c.id, c.text, c.correct, c.feedback) for c in q.choices]
            ids = _idents([c.id for c in q.choices], "C_")
        right = [ids[o[0]] for o in options if o[2]]
        card = "multiple" if q.type == "multiple" else "single"
        mapping = ""
        if q.type == "multiple":
            share = 1 / len(right)
            mapping = ('<mapping lowerBound="0" upperBound="1" defaultValue="0">'
                       + "".join(f'<mapEntry mapKey="{ids[o[0]]}" mappedValue="{_float(share if o[2] else -share)}"/>'
                                 for o in options) + "</mapping>")
        decl.append(f'<responseDeclaration identifier="RESPONSE" cardinality="{card}" baseType="identifier">'
                    "<correctResponse>" + "".join(f"<value>{r}</value>" for r in right) + "</correctResponse>"
                    + mapping + "</responseDeclaration>")
        max_choices = 0 if q.type == "multiple" else 1
        body.append(f'<choiceInteraction responseIdentifier="RESPONSE" shuffle="false" maxChoices="{max_choices}">'
                    + "".join(f'<simpleChoice identifier="{ids[o[0]]}">{esc(o[1])}</simpleChoice>' for o in options)
                    + "</choiceInteraction>")
        if q.type == "multiple":
            rp.append(_if_null_zero_else(_scaled(q.points, '<mapResponse identifier="RESPONSE"/>')))
        else:
            rp.append("<responseCondition><responseIf><match>" + _RESPONSE + '<correct identifier="RESPONSE"/>'
                      "</match>" + _set("SCORE", _value(points)) + "</responseIf><responseElse>"
                      + _set("SCORE", _value(0)) + "</responseElse></responseCondition>")
        for cid, _text, _right, fb in options:
            if fb:
                fb_ids[ids[cid]] = fb
        feeds_response = bool(fb_ids)
    elif q.type == "numeric":
        decl.append('<responseDeclaration identifier="RESPONSE" cardinality="single" baseType="float">'
                    f"<correctResponse><value>{_float(q.answer)}</value></correctResponse></responseDeclaration>")
        body.append(f'<p>{esc(ui["your_answer"])} <textEntryInteraction responseIdentifier="RESPONSE" '
                    'expectedLength="12"/></p>')
        tol = _float(q.tolerance)
        rp.append("<responseCondition><responseIf><isNull>" + _RESPONSE + "</isNull>" + _set("SCORE", _value(0))
                  + f'</responseIf><responseElseIf><equal toleranceMode="absolute" tolerance="{tol} {tol}">'
                  + _RESPONSE + '<correct identifier="RESPONSE"/></equal>' + _set("SCORE", _value(points))
                  + "</responseElseIf><responseElse>" + _set("SCORE", _value(0))
                  + "</responseElse></responseCondition>")
    elif q.type == "text":
        accepted = accepted_variants(q.answer)
        decl.append('<responseDeclaration identifier="RESPONSE" cardinality="single" baseType="string">'
                    f"<correctResponse><value>{esc(accepted[0])}</value></correctResponse>"
                    '<mapping lowerBound="0" upperBound="1" defaultValue="0">'
                    + "".join(f'<mapEntry mapKey={attr(a)} mappedValue="1" caseSensitive="false"/>' for a in accepted)
                    + "</mapping></responseDeclaration>")
        body.append(f'<p>{esc(ui["your_answer"])} <textEntryInteraction responseIdentifier="RESPONSE" '
                    'expectedLength="30"/></p>')
        rp.append(_if_null_zero_else(_scaled(q.points, '<mapResponse identifier="RESPONSE"/>')))
    elif q.type == "ordering":
        ids = _idents([c.id for c in q.choices], "C_")
        decl.append('<responseDeclaration identifier="RESPONSE" cardinality="ordered" baseType="identifier">'
                    "<correctResponse>" + "".join(f"<value>{ids[c]}</value>" for c in q.order)
                    + "</correctResponse></responseDeclaration>")
        body.append('<orderInteraction responseIdentifier="RESPONSE" shuffle="false">'
                    + "".join(f'<simpleChoice identifier="{ids[c.id]}">{esc(c.text)}</simpleChoice>' for c in q.choices)
                    + "</orderInteraction>")
        step = _float(q.points / len(q.order))
        rp.append(_set("SCORE", _value(0)))
        for n, cid in enumerate(q.order, 1):
            rp.append(f'<responseCondition><responseIf><match><index n="{n}">' + _RESPONSE + "</index>"
                      + _value(ids[cid], "identifier") + "</match>"
                      + _set("SCORE", '<sum><variable identifier="SCORE"/>' + _value(step) + "</sum>")
                      + "</responseIf></responseCondition>")
    elif q.type == "matching":
        from ..grading import normalise

        lefts = _idents([c.id for c in q.choices], "L_")
        rights = sorted({r for _, r in q.pairs}, key=lambda r: (normalise(r), r))
        rids = {r: f"R_{i}" for i, r in enumerate(rights, 1)}
        share = _float(1 / len(q.pairs))
        decl.append('<responseDeclaration identifier="RESPONSE" cardinality="multiple" baseType="directedPair">'
                    "<correctResponse>" + "".join(f"<value>{lefts[a]} {rids[b]}</value>" for a, b in q.pairs)
                    + '</correctResponse><mapping lowerBound="0" upperBound="1" defaultValue="0">'
                    + "".join(f'<mapEntry mapKey="{lefts[a]} {rids[b]}" mappedValue="{share}"/>' for a, b in q.pairs)
                    + "</mapping></responseDeclaration>")
        body.append(f'<matchInteraction responseIdentifier="RESPONSE" shuffle="false" maxAssociations="{len(q.pairs)}">'
                    "<simpleMatchSet>" + "".join(f'<simpleAssociableChoice identifier="{lefts[c.id]}" matchMax="1">'
                                                 f"{esc(c.text)}</simpleAssociableChoice>" for c in q.choices)
                    + "</simpleMatchSet><simpleMatchSet>"
                    + "".join(f'<simpleAssociableChoice identifier="{rids[r]}" matchMax="0">{esc(r)}'
                              "</simpleAssociableChoice>" for r in rights)
                    + "</simpleMatchSet></matchInteraction>")
        rp.append(_if_null_zero_else(_scaled(q.points, '<mapResponse identifier="RESPONSE"/>')))
    else:
        raise ValueError(f"unknown item type {q.type!r}")

    if q.feedback:
        fb_ids = {"GENERAL": q.feedback, **fb_ids}
    outcomes = ['<outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float">'
                "<defaultValue><value>0</value></defaultValue></outcomeDeclaration>",
                '<outcomeDeclaration identifier="MAXSCORE" cardinality="single" baseType="float">'
                f"<defaultValue><value>{points}</value></defaultValue></outcomeDeclaration>"]
    if fb_ids:
        outcomes.append('<outcomeDeclaration identifier="FEEDBACK" cardinality="multiple" baseType="identifier"/>')
        parts = (_value("GENERAL", "identifier") if q.feedback else "") + (_RESPONSE if feeds_response else "")
        rp.append(_set("FEEDBACK", f"<multiple>{parts}</multiple>"))
        feedback = [f'<modalFeedback outcomeIdentifier="FEEDBACK" identifier="{fid}" showHide="show">'
                    f"<p>{esc(text)}</p></modalFeedback>" for fid, text in fb_ids.items()]
    return ("\n".join([
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<assessmentItem xmlns="{QTI_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        f'xsi:schemaLocation="{QTI_NS} {QTI_XSD}" identifier="{ident}" title={attr(title)} '
        f'xml:lang={attr(q.lang)} adaptive="false" timeDependent="false" toolName="Décodia">',
        *decl, *outcomes,
        "<itemBody>" + _stem(q) + "".join(body) + "</itemBody>",
        "<responseProcessing>" + "".join(rp) + "</responseProcessing>",
        *feedback,
        "</assessmentItem>"]) + "\n")


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
    parts = ['<?xml version="1.0" encoding="UTF-8"?>',
             f'<assessmentTest xmlns="{QTI_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
             f'xsi:schemaLocation="{QTI_NS} {QTI_XSD}" identifier="{ident}" title={attr(title)} toolName="Décodia">',
             '<outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float">'
             "<defaultValue><value>0</value></defaultValue></outcomeDeclaration>",
             '<outcomeDeclaration identifier="MAXSCORE" cardinality="single" baseType="float">'
             "<defaultValue><value>0</value></defaultValue></outcomeDeclaration>",
             '<testPart identifier="P1" navigationMode="nonlinear" submissionMode="individual">']
    for path, entries in sections:
        sid = identifier("S-" + "-".join(path[1:]))
        parts.append(f'<assessmentSection identifier="{sid}" title={attr(" · ".join(path[1:]))} visible="true">'
                     f'<selection select="{min(per_quiz[path], len(entries))}"/>')
        parts += [f'<assessmentItemRef identifier="{i}" href="items/{i}.xml" category={attr(path[-1])}/>'
                  for i, _, _ in entries]
        parts.append("</assessmentSection>")
    parts += ["</testPart>",
              "<outcomeProcessing>"
              + _set("SCORE", '<sum><testVariables variableIdentifier="SCORE"/></sum>')
              + _set("MAXSCORE", '<sum><testVariables variableIdentifier="MAXSCORE"/></sum>')
              + "</outcomeProcessing>",
              "</assessmentTest>"]
    return "\n".join(parts) + "\n"


def manifest_xml(sections, test_ident: str, title: str) -> str:
    items = [e for _, entries in sections for e in entries]
    parts = ['<?xml version="1.0" encoding="UTF-8"?>',
             f'<manifest xmlns="{CP_NS}" xmlns:imsqti="{QTIMD_NS}" '
             'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
             f'xsi:schemaLocation="{CP_NS} http://www.imsglobal.org/xsd/imscp_v1p1.xsd '
             f'{QTIMD_NS} http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_metadata_v2p1.xsd" '
             f'identifier="MANIFEST-{test_ident}">',
             "<metadata><schema>QTIv2.1 Package</schema><schemaversion>1.0.0</schemaversion></metadata>",
             "<organizations/>",
             "<resources>",
             f'<resource identifier="RES-{test_ident}" type="imsqti_test_xmlv2p1" href="test.xml">'
             '<file href="test.xml"/>'
             + "".join(f'<dependency identifierref="RES-{i}"/>' for i, _, _ in items) + "</resource>"]
    for i, _, q in items:
        parts.append(f'<resource identifier="RES-{i}" type="imsqti_item_xmlv2p1" href="items/{i}.xml">'
                     "<metadata><imsqti:qtiMetadata><imsqti:timeDependent>false</imsqti:timeDependent>"
                     f"<imsqti:interactionType>{INTERACTION[q.type]}</imsqti:interactionType>"
                     "<imsqti:feedbackType>nonadaptive</imsqti:feedbackType>"
                     "<imsqti:solutionAvailable>true</imsqti:solutionAvailable>"
                     "<imsqti:toolName>Décodia</imsqti:toolName></imsqti:qtiMetadata></metadata>"
                     f'<file href="items/{i}.xml"/></resource>')
    parts += ["</resources>", "</manifest>"]
    return "\n".join(parts) + "\n"


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
