"""`decodia grade`: responses in, a gradebook and an item-analysis report out, nothing lost.

The keys: one series' key (`<quiz id>.json`), the pack's key (`<module>-<lang>-<level>-keys.json`, every
series), several keys, or a pack's folder (`load_keys`). Each response is graded against the question the
student actually saw.

Responses come from the page's result files (JSON or CSV downloads, which carry their quiz id; the file's name
is the student's name unless the file says otherwise) or from a CSV in the shape an LMS exports, one row per
student or attempt:
- Moodle's Responses report (`Question 1`, `Response 1`, `Right answer 1`…, in English or French): each
  question is identified by its name (`<quiz id> · <item id>`) or, as Moodle writes it there, by its text, among
  every question of the keys; so a Moodle quiz built from random questions across a pack's series is graded
  question by question against the variant each student drew;
- one column per item, named by item id or "Response 1", "Réponse 1"… in the order of one series' key.
Every input row ends up either in `gradebook.csv` or in `rejects.csv`, with its file and line; a question of a
row that cannot be identified or read is left out of that row's score and maximum, and listed in `rejects.csv`.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.i18n import gettext

from .assemble import Quiz
from .export import by_category, question_name
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
    quiz: Quiz | None = None                      # the series answered, when the file says it
    questions: dict[str, Question] | None = None  # or each response's question (Moodle's Responses report)


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
    """A quiz key written by `decodia quiz --format json` (one series)."""
    quizzes = _read_key(Path(path))
    if len(quizzes) != 1:
        raise InputError(f"{path}: a pack key ({len(quizzes)} series); use load_keys")
    return quizzes[0]


def load_keys(paths) -> "Keys":
    """The keys to grade against: key files of one series or of a whole pack, and pack folders (every key
    file in them). A series given twice is kept once; two different keys for one series are refused."""
    quizzes: dict[str, Quiz] = {}
    origin: dict[str, Path] = {}
    for path in map(Path, paths):
        if path.is_dir():
            found = [q for f in sorted(path.glob("*.json")) for q in _read_key(f, folder=True)]
            if not found:
                raise InputError(f"{path}: no quiz key in this folder (write them with `decodia quiz --format json`)")
        else:
            found = _read_key(path)
        for quiz in found:
            if quiz.id in quizzes and quizzes[quiz.id] != quiz:
                raise InputError(f"{path}: its key of {quiz.id} differs from the one in {origin[quiz.id]}")
            quizzes.setdefault(quiz.id, quiz)
            origin.setdefault(quiz.id, path)
    return Keys(list(quizzes.values()))


def _read_key(path: Path, folder: bool = False) -> list[Quiz]:
    """The series in one key file: a series key ('questions') or a pack key ('quizzes'). In a folder, JSON
    files that are not keys (students' result files, say) are passed over."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such key file") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        if folder:
            return []
        raise InputError(f"{path}: not a quiz key (JSON expected): {err}") from None
    if isinstance(data, dict) and isinstance(data.get("quizzes"), list):
        records = data["quizzes"]
    elif isinstance(data, dict) and isinstance(data.get("questions"), list):
        records = [data]
    elif folder:
        return []
    else:
        raise InputError(f"{path}: not a quiz key: it needs 'questions' (write one with `decodia quiz --format json`)")
    try:
        return [Quiz(d["module"], d["lang"], d["level"], d["seed"], tuple(_question(q) for q in d["questions"]))
                for d in records]
    except (KeyError, TypeError) as err:
        raise InputError(f"{path}: quiz key is incomplete ({err})") from None


def _question(d: dict) -> Question:
    return Question(id=d["id"], type=d["type"], points=d["points"], objective=d["objective"],
                    competencies=d["competencies"], prompt=d["prompt"], lang=d["lang"], level=d["level"],
                    choices=tuple(Choice(**c) for c in d["choices"]), answer=d["answer"], tolerance=d["tolerance"],
                    order=tuple(d["order"]), pairs=tuple(tuple(p) for p in d["pairs"]), table=d["table"],
                    images=tuple(d.get("images", ())), feedback=d["feedback"], generated=d["generated"], variant=d["variant"],
                    rights=tuple(d.get("rights", ())), fixed_order=bool(d.get("fixed_order", False)))


def _tokens(text: str) -> list[str]:
    """The words and numbers of a text, normalised: how a question is recognised from its text."""
    return re.findall(r"\w+", normalise(text))


def _within(needle: list[str], hay: list[str]) -> bool:
    """`needle` appears in `hay` in order, other words allowed between (Moodle adds image alt texts, say)."""
    it = iter(hay)
    return all(word in it for word in needle)


def _run_in(needle: list[str], hay: list[str]) -> bool:
    n = len(needle)
    return any(hay[i:i + n] == needle for i in range(len(hay) - n + 1))


class Keys:
    """The series `decodia grade` grades against: one, or every series of a pack."""

    def __init__(self, quizzes: list[Quiz]):
        if not quizzes:
            raise InputError("no quiz key given")
        self.quizzes = quizzes
        self.by_id = {q.id: q for q in quizzes}
        self._names: dict[str, tuple[Quiz, Question]] | None = None
        self._texts: dict[tuple[str, ...], list] | None = None

    @property
    def single(self) -> Quiz | None:
        return self.quizzes[0] if len(self.quizzes) == 1 else None

    @property
    def lang(self) -> str:
        """The language of the keys: what `decodia grade` says about them is said in it."""
        return self.quizzes[0].lang

    @property
    def id(self) -> str:
        if self.single:
            return self.single.id
        editions = sorted({f"{q.module}-{q.lang}-{q.level}" for q in self.quizzes})
        series = gettext(self.lang, "{n} series", n=len(self.quizzes))
        return f"{', '.join(editions)} ({series})"

    @property
    def max_points(self) -> float:
        return max(q.max_points for q in self.quizzes)

    def columns(self, rows: list[dict] | None = None) -> list[tuple[str, Question]]:
        """The gradebook's item columns: one series' items, or every item of the pack (objectives in order),
        then any extra column the graded rows use (an item a Moodle attempt drew twice, in two variants)."""
        cols: dict[str, Question] = {}
        for quiz in self.quizzes:
            for q in quiz.questions:
                cols.setdefault(q.id, q)
        if not self.single:
            objectives: dict[str, int] = {}
            for q in cols.values():
                objectives.setdefault(q.objective, len(objectives))
            cols = dict(sorted(cols.items(), key=lambda kv: objectives[kv[1].objective]))
        for r in rows or ():
            for key, q in r["questions"].items():
                cols.setdefault(key, q)
        return list(cols.items())

    def unknown_series(self, quiz_id) -> str:
        if self.single:
            return gettext(self.lang, "result of quiz {quiz!r}, but the key is {key!r}", quiz=quiz_id,
                           key=self.single.id)
        if quiz_id is None:
            return gettext(self.lang, "result with no quiz id, but the keys hold {n} series", n=len(self.quizzes))
        return gettext(self.lang, "result of quiz {quiz!r}, which is not among the keys ({keys})", quiz=quiz_id,
                       keys=self.id)

    def find(self, cell: str) -> tuple[Quiz, Question]:
        """The question a cell names (`<quiz id> · <item id>`) or shows (its text, as Moodle's Responses report
        writes it: the stem as plain text, then for some types the choices). LookupError says why not."""
        if self._names is None:
            self._names, self._texts = {}, {}
            for quiz in self.quizzes:
                for q in quiz.questions:
                    self._names[question_name(quiz, q)] = (quiz, q)
            for _, items in by_category(self.quizzes):   # each distinct question once, as the LMS files hold them
                for quiz, q in items:
                    stem = [c for row in ([q.table["headers"]] + q.table["rows"] if q.table else []) for c in row]
                    rest = _tokens(" ".join(map(str, stem + [i["label"] for i in q.images])))
                    self._texts.setdefault(tuple(_tokens(q.prompt)), []).append(
                        (quiz, q, rest, [_tokens(c.text) for c in q.choices]))
        text = cell.strip()
        if text in self._names:
            return self._names[text]
        named = [name for name in self._names if name in text]
        if named:
            return self._names[max(named, key=len)]
        words = _tokens(text)
        found = []
        for prompt, entries in self._texts.items():
            if prompt and tuple(words[:len(prompt)]) == prompt:
                after = words[len(prompt):]
                found += [(len(prompt) + len(rest), quiz, q, after, choices)
                          for quiz, q, rest, choices in entries if _within(rest, after)]
        if len(found) > 1:   # several stems fit: keep those whose choices are all shown, then the most specific
            shown = [f for f in found if all(_run_in(c, f[3]) for c in f[4] if c)]
            found = shown or found
            best = max(f[0] for f in found)
            found = [f for f in found if f[0] == best]
        if not found:
            raise LookupError(gettext(self.lang, "matches no question of the key(s)"))
        if len(found) > 1:
            raise LookupError(gettext(self.lang, "could be any of {questions}",
                                      questions=", ".join(question_name(f[1], f[2]) for f in found)))
        return found[0][1], found[0][2]


def as_keys(keys) -> Keys:
    return keys if isinstance(keys, Keys) else Keys([keys])


# -- reading responses -----------------------------------------------------------------------

def _from_text(q: Question, value: str) -> Any:
    """An LMS cell as a response: choice ids or choice texts, lists split on ';' ("-" is Moodle's "no response");
    ValueError when the cell cannot be read as one response (see `ItemType.from_cell`)."""
    value = value.strip()
    return None if value in ("", "-") else q.kind.from_cell(q, value)


def read_responses(path: Path, keys, intake: Intake) -> None:
    """Read one response file into `intake`; `keys` is a `Keys` or one series' `Quiz`."""
    keys = as_keys(keys)
    lang = keys.lang
    path = Path(path)
    name = path.name
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise InputError(gettext(lang, "{path}: cannot be read ({error})", path=path, error=err.strerror)) from None
    if b"\x00" in raw:
        intake.rejects.append(Reject(name, gettext(lang, "binary file: expected a CSV or a JSON result file")))
        return
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        intake.rejects.append(Reject(name, gettext(lang, "not UTF-8 text: export the file as UTF-8 CSV")))
        return
    if not text.strip():
        intake.rejects.append(Reject(name, gettext(lang, "empty file")))
        return
    if path.suffix.lower() == ".json" or text.lstrip().startswith(("{", "[")):
        _read_result_json(path, text, keys, intake)
    else:
        _read_csv(path, text, keys, intake)


def _read_result_json(path: Path, text: str, keys: Keys, intake: Intake) -> None:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        intake.rejects.append(Reject(f"{path.name}:{err.lineno}", gettext(keys.lang, "not valid JSON: {error}",
                                                                          error=err.msg)))
        return
    records = data if isinstance(data, list) else [data]
    for i, rec in enumerate(records, 1):
        source = f"{path.name}:{i}" if isinstance(data, list) else path.name
        if not isinstance(rec, dict) or not isinstance(rec.get("responses"), dict):
            intake.rejects.append(Reject(source, gettext(keys.lang, "not a Décodia result: it needs 'responses'"),
                                         json.dumps(rec)[:200]))
            continue
        quiz = keys.single if keys.single and rec.get("quiz") is None else keys.by_id.get(rec.get("quiz"))
        if quiz is None:
            intake.rejects.append(Reject(source, keys.unknown_series(rec.get("quiz"))))
            continue
        student = str(rec.get("student") or path.stem)
        intake.submissions.append(Submission(student, rec["responses"], source, quiz=quiz))


_SLOT = re.compile(r"^(question|response|reponse|right answer|bonne reponse) (\d+)$")


def _read_csv(path: Path, text: str, keys: Keys, intake: Intake) -> None:
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = list(csv.reader(io.StringIO(text), dialect))
    header = [h.strip() for h in rows[0]]
    low = [normalise(h) for h in header]
    if low[:4] == ["quiz", "variant", "item", "response"]:  # the page's own CSV download
        _read_page_csv(path, rows, keys, intake)
        return
    lang = keys.lang
    student_col = next((i for i, h in enumerate(low) if h in STUDENT_COLUMNS), None)
    if student_col is None:
        intake.rejects.append(Reject(f"{path.name}:1", gettext(lang, "no student column (e.g. 'student' or "
                                                                     "'Email address')"), ",".join(header)))
        for n in range(2, len(rows) + 1):
            intake.rejects.append(Reject(f"{path.name}:{n}", gettext(lang, "file has no student column"),
                                         ",".join(rows[n - 1])))
        return
    slots = {i: m.groups() for i, h in enumerate(low) if (m := _SLOT.match(h))}
    if any(kind == "question" for kind, _ in slots.values()):
        read_row = _moodle_reader(path, header, slots, keys, intake)
    elif keys.single:
        read_row = _columns_reader(path, header, student_col, keys.single, intake)
    else:
        reason = gettext(lang, "the keys hold {n} series and this file does not say which each student had: give the "
                               "key of its series, or export Moodle's Responses report with the question text "
                               "('Question 1'… columns)", n=len(keys.quizzes))
        intake.rejects += [Reject(f"{path.name}:{n}", reason, ",".join(row)) for n, row in enumerate(rows[1:], 2)]
        return
    seen: dict[str, str] = {}
    for n, row in enumerate(rows[1:], 2):
        source = f"{path.name}:{n}"
        if not any(cell.strip() for cell in row):
            intake.rejects.append(Reject(source, gettext(lang, "empty row")))
            continue
        if len(row) != len(header):
            intake.rejects.append(Reject(source, gettext(lang, "{n} fields, but the header has {header}", n=len(row),
                                                         header=len(header)), ",".join(row)))
            continue
        student = row[student_col].strip()
        if not student:
            intake.rejects.append(Reject(source, gettext(lang, "no student name or id"), ",".join(row)))
            continue
        if student in seen:
            intake.rejects.append(Reject(source, gettext(lang, "student {student!r} already graded from {source}",
                                                         student=student, source=seen[student]), ",".join(row)))
            continue
        submission = read_row(row, source, student)
        if submission is not None:
            seen[student] = source
            intake.submissions.append(submission)


def _columns_reader(path: Path, header: list[str], student_col: int, quiz: Quiz, intake: Intake):
    """Rows of one series: a column per item, by item id or by position ("Response 1"…)."""
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
        intake.notes.append(gettext(quiz.lang, "{file}: columns naming no item of quiz {quiz} were not graded: "
                                               "{columns}", file=path.name, quiz=quiz.id, columns=", ".join(unknown)))

    def read(row: list[str], source: str, student: str) -> Submission | None:
        responses = {}
        for i, item in columns.items():
            try:
                responses[item] = _from_text(quiz.question(item), row[i])
            except ValueError as err:
                intake.rejects.append(Reject(source, gettext(quiz.lang, "{column}: {error}; graded as unanswered",
                                                             column=header[i], error=err), row[i]))
                responses[item] = None
        return Submission(student, responses, source, quiz=quiz)

    return read


def _moodle_reader(path: Path, header: list[str], slots: dict, keys: Keys, intake: Intake):
    """Rows of Moodle's Responses report: for each slot N, 'Question N' (the question's text, or its name)
    and 'Response N' (Moodle's summary of the response); 'Right answer N' is Moodle's, not needed here."""
    by_slot: dict[int, dict[str, int]] = {}
    for i, (kind, n) in slots.items():
        by_slot.setdefault(int(n), {})["response" if kind in ("response", "reponse") else kind] = i
    asked = sorted(n for n, cols in by_slot.items() if "question" in cols)
    missing = [n for n in asked if "response" not in by_slot[n]]
    lang = keys.lang
    if missing:
        intake.notes.append(gettext(lang, "{file}: no 'Response' column for question(s) {slots}: tick 'Response' in "
                                          "Moodle's Responses report", file=path.name,
                                    slots=", ".join(map(str, missing))))

    def read(row: list[str], source: str, student: str) -> Submission | None:
        responses: dict[str, Any] = {}
        questions: dict[str, Question] = {}
        tried = 0
        for n in asked:
            cell = row[by_slot[n]["question"]].strip()
            if cell in ("", "-"):
                continue          # a slot this attempt did not reach
            tried += 1
            try:
                quiz, q = keys.find(cell)
            except LookupError as err:
                intake.rejects.append(Reject(source, gettext(lang, "{column}: {error}; not graded",
                                                             column=header[by_slot[n]["question"]], error=err),
                                             cell[:200]))
                continue
            col = by_slot[n].get("response")
            try:
                response = _from_text(q, row[col]) if col is not None else None
            except ValueError as err:
                intake.rejects.append(Reject(source, gettext(lang, "{column} ({question}): {error}; not graded",
                                                             column=header[col], question=question_name(quiz, q),
                                                             error=err), row[col]))
                continue
            key = q.id if q.id not in questions else next(f"{q.id} ({k})" for k in range(2, 99)
                                                           if f"{q.id} ({k})" not in questions)
            questions[key], responses[key] = q, response
        if not questions:
            reason = (gettext(lang, "no question of this attempt could be identified") if tried
                      else gettext(lang, "no question in this attempt"))
            intake.rejects.append(Reject(source, reason, ",".join(row)[:200]))
            return None
        return Submission(student, responses, source, questions=questions)

    return read


def _read_page_csv(path: Path, rows: list[list[str]], keys: Keys, intake: Intake) -> None:
    responses: dict[str, Any] = {}
    quiz = None
    for n, row in enumerate(rows[1:], 2):
        source = f"{path.name}:{n}"
        if len(row) < 4:
            intake.rejects.append(Reject(source, gettext(keys.lang, "{n} fields, expected quiz,variant,item,"
                                                                    "response,points", n=len(row)), ",".join(row)))
            continue
        quiz_id, _variant, item, value = row[:4]
        row_quiz = keys.by_id.get(quiz_id)
        if row_quiz is None or (quiz is not None and row_quiz is not quiz):
            reason = (keys.unknown_series(quiz_id) if row_quiz is None
                      else gettext(keys.lang, "result of quiz {quiz!r}, but the file's first rows are of {first!r}",
                                   quiz=quiz_id, first=quiz.id))
            intake.rejects.append(Reject(source, reason, ",".join(row)))
            continue
        quiz = row_quiz
        if item not in {q.id for q in quiz.questions}:
            intake.rejects.append(Reject(source, gettext(keys.lang, "unknown item {item!r}", item=item),
                                         ",".join(row)))
            continue
        try:
            responses[item] = json.loads(value) if value[:1] in "[{" else (value or None)
        except json.JSONDecodeError:
            intake.rejects.append(Reject(source, gettext(keys.lang, "malformed response"), ",".join(row)))
    if responses:
        intake.submissions.append(Submission(path.stem, responses, f"{path.name}:2-{len(rows)}", quiz=quiz))


# -- grading and writing -------------------------------------------------------------------------

def grade_all(keys, intake: Intake, roster: set[str] | None = None) -> list[dict]:
    """Grade every submission against the questions its student saw; `keys` is a `Keys` or one `Quiz`."""
    keys = as_keys(keys)
    rows = []
    for sub in intake.submissions:
        if roster is not None and sub.student not in roster:
            intake.rejects.append(Reject(sub.source, gettext(keys.lang, "unknown student {student!r} (not in the "
                                                                        "roster)", student=sub.student)))
            continue
        questions = sub.questions or {q.id: q for q in (sub.quiz or keys.single).questions}
        extra = sorted(set(sub.responses) - set(questions))
        if extra:
            intake.notes.append(gettext(keys.lang, "{source}: unknown items not graded: {items}", source=sub.source,
                                        items=", ".join(extra)))
        scores = {key: grade(q, sub.responses.get(key)) for key, q in questions.items()}
        total = round(sum(s.points for s in scores.values()), 6)
        rows.append({"student": sub.student, "source": sub.source, "score": total,
                     "max": sum(q.points for q in questions.values()), "scores": scores,
                     "responses": sub.responses, "questions": questions})
    if roster is not None:
        graded = {r["student"] for r in rows}
        missing = sorted(roster - graded)
        if missing:
            intake.notes.append(gettext(keys.lang, "students in the roster with no response: {students}",
                                        students=", ".join(missing)))
    return rows


def write_gradebook(keys, rows: list[dict], out: Path) -> Path:
    """One line per student: score, maximum, percent, the points of each item (blank: not asked), the source."""
    columns = [key for key, _ in as_keys(keys).columns(rows)]
    path = out / "gradebook.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["student", "score", "max", "percent"] + columns + ["source"])
        for r in sorted(rows, key=lambda r: r["student"]):
            pct = 100 * r["score"] / r["max"] if r["max"] else 0
            w.writerow([r["student"], f"{r['score']:g}", f"{r['max']:g}", f"{pct:.1f}"]
                       + [f"{r['scores'][k].points:g}" if k in r["scores"] else "" for k in columns] + [r["source"]])
    return path


def write_rejects(intake: Intake, out: Path) -> Path:
    path = out / "rejects.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["source", "reason", "row"])
        for r in intake.rejects:
            w.writerow([r.source, r.reason, r.raw])
    return path
