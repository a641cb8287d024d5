"""`decodia grade`: responses in, a gradebook and an item-analysis report out, nothing lost.

Responses come from the page's result files (JSON or CSV downloads; the file's name is the
student's name unless the file says otherwise) or from a CSV in the shape an LMS exports
(one row per student; one column per item, named by item id or "Response 1", "Réponse 1"…).
Every input row ends up either in `gradebook.csv` or in `rejects.csv`, with its file and line.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .assemble import Quiz
from .grading import grade, normalise
from .model import Choice, Question

STUDENT_COLUMNS = ("student", "élève", "eleve", "email address", "adresse de courriel", "username",
                   "nom d'utilisateur", "id number", "numéro d'identification", "name", "nom")


class InputError(ValueError):
    """A file that cannot be used at all (as opposed to a bad row, which is rejected and reported)."""


@dataclass
class Submission:
    student: str
    responses: dict[str, Any]
    source: str          # "file:line"


@dataclass
class Reject:
    source: str
    reason: str
    raw: str = ""


@dataclass
class Intake:
    submissions: list[Submission] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def load_key(path: Path) -> Quiz:
    """A quiz key written by `decodia quiz --format json`."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such key file") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InputError(f"{path}: not a quiz key (JSON expected): {err}") from None
    if not isinstance(data, dict) or not isinstance(data.get("questions"), list):
        raise InputError(f"{path}: not a quiz key: it needs 'questions' (write one with `decodia quiz --format json`)")
    try:
        questions = tuple(_question(q) for q in data["questions"])
        return Quiz(data["module"], data["lang"], data["level"], data["seed"], questions)
    except (KeyError, TypeError) as err:
        raise InputError(f"{path}: quiz key is incomplete ({err})") from None


def _question(d: dict) -> Question:
    return Question(id=d["id"], type=d["type"], points=d["points"], objective=d["objective"],
                    competencies=d["competencies"], prompt=d["prompt"], lang=d["lang"], level=d["level"],
                    choices=tuple(Choice(**c) for c in d["choices"]), answer=d["answer"], tolerance=d["tolerance"],
                    order=tuple(d["order"]), pairs=tuple(tuple(p) for p in d["pairs"]), table=d["table"],
                    images=tuple(d.get("images", ())), feedback=d["feedback"], generated=d["generated"], variant=d["variant"],
                    rights=tuple(d.get("rights", ())), fixed_order=bool(d.get("fixed_order", False)))


# -- reading responses -----------------------------------------------------------------------

def _from_text(q: Question, value: str) -> Any:
    """An LMS cell as a response: choice ids or choice texts, lists split on ';'."""
    value = value.strip()
    return None if value == "" else q.kind.from_cell(q, value)


def read_responses(path: Path, quiz: Quiz, intake: Intake) -> None:
    path = Path(path)
    name = path.name
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror})") from None
    if b"\x00" in raw:
        intake.rejects.append(Reject(name, "binary file: expected a CSV or a JSON result file"))
        return
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        intake.rejects.append(Reject(name, "not UTF-8 text: export the file as UTF-8 CSV"))
        return
    if not text.strip():
        intake.rejects.append(Reject(name, "empty file"))
        return
    if path.suffix.lower() == ".json" or text.lstrip().startswith(("{", "[")):
        _read_result_json(path, text, quiz, intake)
    else:
        _read_csv(path, text, quiz, intake)


def _read_result_json(path: Path, text: str, quiz: Quiz, intake: Intake) -> None:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        intake.rejects.append(Reject(f"{path.name}:{err.lineno}", f"not valid JSON: {err.msg}"))
        return
    records = data if isinstance(data, list) else [data]
    for i, rec in enumerate(records, 1):
        source = f"{path.name}:{i}" if isinstance(data, list) else path.name
        if not isinstance(rec, dict) or not isinstance(rec.get("responses"), dict):
            intake.rejects.append(Reject(source, "not a Décodia result: it needs 'responses'", json.dumps(rec)[:200]))
            continue
        if rec.get("quiz") not in (None, quiz.id):
            intake.rejects.append(Reject(source, f"result of quiz {rec.get('quiz')!r}, but the key is {quiz.id!r}"))
            continue
        student = str(rec.get("student") or path.stem)
        intake.submissions.append(Submission(student, rec["responses"], source))


def _read_csv(path: Path, text: str, quiz: Quiz, intake: Intake) -> None:
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = list(csv.reader(io.StringIO(text), dialect))
    header = [h.strip() for h in rows[0]]
    low = [normalise(h) for h in header]
    if low[:4] == ["quiz", "variant", "item", "response"]:  # the page's own CSV download
        _read_page_csv(path, rows, quiz, intake)
        return
    student_col = next((i for i, h in enumerate(low) if h in STUDENT_COLUMNS), None)
    if student_col is None:
        intake.rejects.append(Reject(f"{path.name}:1", "no student column (e.g. 'student' or 'Email address')",
                                     ",".join(header)))
        for n in range(2, len(rows) + 1):
            intake.rejects.append(Reject(f"{path.name}:{n}", "file has no student column", ",".join(rows[n - 1])))
        return
    ids = [q.id for q in quiz.questions]
    columns: dict[int, str] = {}
    unknown = []
    for i, h in enumerate(header):
        if i == student_col:
            continue
        key = normalise(h)
        if h in ids:
            columns[i] = h
        elif key.startswith(("response ", "reponse ")) and key.split()[-1].isdigit():
            n = int(key.split()[-1])
            if 1 <= n <= len(ids):
                columns[i] = ids[n - 1]
            else:
                unknown.append(h)
        elif key.startswith(("response", "reponse", "q")) or key in {normalise(x) for x in ids}:
            unknown.append(h)
    if unknown:
        intake.notes.append(f"{path.name}: columns naming no item of quiz {quiz.id} were not graded: "
                            + ", ".join(unknown))
    seen: dict[str, str] = {}
    for n, row in enumerate(rows[1:], 2):
        source = f"{path.name}:{n}"
        if not any(cell.strip() for cell in row):
            intake.rejects.append(Reject(source, "empty row"))
            continue
        if len(row) != len(header):
            intake.rejects.append(Reject(source, f"{len(row)} fields, but the header has {len(header)}", ",".join(row)))
            continue
        student = row[student_col].strip()
        if not student:
            intake.rejects.append(Reject(source, "no student name or id", ",".join(row)))
            continue
        if student in seen:
            intake.rejects.append(Reject(source, f"student {student!r} already graded from {seen[student]}",
                                         ",".join(row)))
            continue
        seen[student] = source
        responses = {item: _from_text(quiz.question(item), row[i]) for i, item in columns.items()}
        intake.submissions.append(Submission(student, responses, source))


def _read_page_csv(path: Path, rows: list[list[str]], quiz: Quiz, intake: Intake) -> None:
    responses: dict[str, Any] = {}
    ids = {q.id for q in quiz.questions}
    for n, row in enumerate(rows[1:], 2):
        source = f"{path.name}:{n}"
        if len(row) < 4:
            intake.rejects.append(Reject(source, f"{len(row)} fields, expected quiz,variant,item,response,points",
                                         ",".join(row)))
            continue
        quiz_id, _variant, item, value = row[:4]
        if quiz_id != quiz.id:
            intake.rejects.append(Reject(source, f"result of quiz {quiz_id!r}, but the key is {quiz.id!r}", ",".join(row)))
            continue
        if item not in ids:
            intake.rejects.append(Reject(source, f"unknown item {item!r}", ",".join(row)))
            continue
        try:
            responses[item] = json.loads(value) if value[:1] in "[{" else (value or None)
        except json.JSONDecodeError:
            intake.rejects.append(Reject(source, "malformed response", ",".join(row)))
    if responses:
        intake.submissions.append(Submission(path.stem, responses, f"{path.name}:2-{len(rows)}"))


# -- grading and writing -------------------------------------------------------------------------

def grade_all(quiz: Quiz, intake: Intake, roster: set[str] | None = None) -> list[dict]:
    rows = []
    for sub in intake.submissions:
        if roster is not None and sub.student not in roster:
            intake.rejects.append(Reject(sub.source, f"unknown student {sub.student!r} (not in the roster)"))
            continue
        extra = sorted(set(sub.responses) - {q.id for q in quiz.questions})
        if extra:
            intake.notes.append(f"{sub.source}: unknown items not graded: {', '.join(extra)}")
        scores = {q.id: grade(q, sub.responses.get(q.id)) for q in quiz.questions}
        total = round(sum(s.points for s in scores.values()), 6)
        rows.append({"student": sub.student, "source": sub.source, "score": total, "max": quiz.max_points,
                     "scores": scores, "responses": sub.responses})
    if roster is not None:
        graded = {r["student"] for r in rows}
        missing = sorted(roster - graded)
        if missing:
            intake.notes.append("students in the roster with no response: " + ", ".join(missing))
    return rows


def write_gradebook(quiz: Quiz, rows: list[dict], out: Path) -> Path:
    path = out / "gradebook.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["student", "score", "max", "percent"] + [q.id for q in quiz.questions] + ["source"])
        for r in sorted(rows, key=lambda r: r["student"]):
            pct = 100 * r["score"] / r["max"] if r["max"] else 0
            w.writerow([r["student"], f"{r['score']:g}", f"{r['max']:g}", f"{pct:.1f}"]
                       + [f"{r['scores'][q.id].points:g}" for q in quiz.questions] + [r["source"]])
    return path


def write_rejects(intake: Intake, out: Path) -> Path:
    path = out / "rejects.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["source", "reason", "row"])
        for r in intake.rejects:
            w.writerow([r.source, r.reason, r.raw])
    return path
