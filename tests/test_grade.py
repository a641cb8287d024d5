"""`decodia quiz` and `decodia grade`: keys, gradebook, item analysis, and nothing lost on bad input."""
import csv
import html
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def decodia(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "book.cli", *args], cwd=cwd, capture_output=True, text=True)


@pytest.fixture(scope="module")
def key(tmp_path_factory):
    out = tmp_path_factory.mktemp("pack")
    proc = decodia("quiz", "--module", "chatbots", "--lang", "en", "--level", "standard", "--seed", "5",
                   "--variants", "2", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    return out / "chatbots-en-standard-5.json"


def test_quiz_writes_identical_bytes_for_the_same_seed(key, tmp_path):
    again = tmp_path / "again"
    decodia("quiz", "--module", "chatbots", "--lang", "en", "--level", "standard", "--seed", "5", "--out", str(again))
    assert (again / key.name).read_bytes() == key.read_bytes()
    assert (key.parent / "chatbots-en-standard-6.json").exists()
    assert (key.parent / "chatbots-en-standard-5-worksheet.txt").read_text(encoding="utf-8").startswith("Worksheet")


def _right(q):
    if q["type"] == "single":
        return next(c["id"] for c in q["choices"] if c["correct"])
    if q["type"] == "multiple":
        return [c["id"] for c in q["choices"] if c["correct"]]
    if q["type"] == "text":
        return q["answer"][0]
    if q["type"] == "ordering":
        return q["order"]
    if q["type"] == "matching":
        return dict(q["pairs"])
    return q["answer"]


def _cell(q, value):
    """How an LMS writes a response in a CSV cell."""
    if value is None:
        return ""
    if q["type"] == "multiple":
        text = {c["id"]: c["text"] for c in q["choices"]}
        return "; ".join(text[v] for v in value)
    if q["type"] == "single":
        return next(c["text"] for c in q["choices"] if c["id"] == value)
    if q["type"] == "ordering":
        return ";".join(value)
    if q["type"] == "matching":
        return "; ".join(f"{k}={v}" for k, v in value.items())
    if q["type"] == "truefalse":
        return "True" if value else "False"
    return str(value)


def test_grade_lms_csv_and_page_results_into_gradebook_and_report(key, tmp_path):
    quiz = json.loads(key.read_text(encoding="utf-8"))
    qs = quiz["questions"]
    lms = tmp_path / "moodle-responses.csv"
    with lms.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Surname", "Email address"] + [f"Response {i}" for i in range(1, len(qs) + 1)])
        w.writerow(["Tremblay", "ana@school.qc.ca"] + [_cell(q, _right(q)) for q in qs])
        w.writerow(["Roy", "bo@school.qc.ca"] + [_cell(q, None) for q in qs])
        w.writerow(["Gagnon", "cy@school.qc.ca"] + [_cell(q, _right(q)) if i % 2 else "" for i, q in enumerate(qs)])
    page = tmp_path / "dany.json"
    page.write_text(json.dumps({"quiz": quiz["id"], "responses": {q["id"]: _right(q) for q in qs}}), encoding="utf-8")
    out = tmp_path / "out"
    proc = decodia("grade", "--key", str(key), "--responses", str(lms), str(page), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    book = {r["student"]: r for r in csv.DictReader((out / "gradebook.csv").open(encoding="utf-8"))}
    assert set(book) == {"ana@school.qc.ca", "bo@school.qc.ca", "cy@school.qc.ca", "dany"}
    full = f"{quiz['max_points']:g}"
    assert book["ana@school.qc.ca"]["score"] == full and book["dany"]["score"] == full
    assert book["bo@school.qc.ca"]["score"] == "0"
    assert 0 < float(book["cy@school.qc.ca"]["score"]) < quiz["max_points"]
    report = (out / "item-analysis.html").read_text(encoding="utf-8")
    assert "<svg" in report and ("KR-20" in report or "alpha" in report)
    assert not re.search(r'(src|href)="https?://|url\(https?://', report)  # self-contained: fetches nothing


def test_bad_rows_are_rejected_with_their_line_and_nothing_is_lost(key, tmp_path):
    quiz = json.loads(key.read_text(encoding="utf-8"))
    first = quiz["questions"][0]["id"]
    bad = tmp_path / "export.csv"
    bad.write_text(
        f"student,{first},Response 99\n"      # line 1: a column naming no item
        "ana,,\n"                               # line 2: ok (blank answers)
        "bo,x\n"                                # line 3: too few fields
        ",y,z\n"                                # line 4: no student
        "ana,z,z\n"                             # line 5: duplicate student
        "\n"                                    # line 6: (csv skips truly empty lines)
        "eve,q,q\n",                            # line 7: unknown student (not in roster)
        encoding="utf-8")
    roster = tmp_path / "roster.txt"
    roster.write_text("ana\nbo\nzoe\n", encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text('{"quiz": "chatbots-en-standard-5", "responses": {', encoding="utf-8")
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"quiz": "chatbots-fr-simple-1", "responses": {}}), encoding="utf-8")
    binary = tmp_path / "photo.csv"
    binary.write_bytes(b"\x89PNG\x00\x00")
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    out = tmp_path / "out"
    proc = decodia("grade", "--key", str(key), "--responses", str(bad), str(broken), str(other), str(binary),
                   str(empty), "--roster", str(roster), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    graded = [r["source"] for r in csv.DictReader((out / "gradebook.csv").open(encoding="utf-8"))]
    rejects = {r["source"]: r["reason"] for r in csv.DictReader((out / "rejects.csv").open(encoding="utf-8"))}
    assert graded == ["export.csv:2"]
    assert "2 fields, but the header has 3" in rejects["export.csv:3"]
    assert "no student" in rejects["export.csv:4"]
    assert "already graded from export.csv:2" in rejects["export.csv:5"]
    assert "unknown student 'eve'" in rejects["export.csv:7"]
    assert "not valid JSON" in rejects["broken.json:1"]
    assert "but the key is" in rejects["other.json"]
    assert "binary" in rejects["photo.csv"] and "empty" in rejects["empty.csv"]
    assert "Response 99" in proc.stderr and "zoe" in proc.stderr  # unknown item column, roster student missing
    assert "Traceback" not in proc.stderr


def test_a_missing_or_wrong_key_is_a_clear_error(tmp_path):
    proc = decodia("grade", "--key", str(tmp_path / "nope.json"), "--responses", "x.csv", "--out", str(tmp_path))
    assert proc.returncode == 1 and "no such key file" in proc.stderr and "Traceback" not in proc.stderr
    notkey = tmp_path / "k.json"
    notkey.write_text("[1, 2]", encoding="utf-8")
    proc = decodia("grade", "--key", str(notkey), "--responses", "x.csv", "--out", str(tmp_path))
    assert proc.returncode == 1 and "not a quiz key" in proc.stderr


# -- a Moodle quiz built from random questions across a pack's series -----------------------------------

@pytest.fixture(scope="module")
def pack(tmp_path_factory):
    out = tmp_path_factory.mktemp("moodle-pack")
    proc = decodia("quiz", "--module", "chatbots", "--lang", "en", "--level", "standard", "--seed", "3",
                   "--variants", "4", "--format", "json,moodle", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    return out


def _bank(pack):
    """The Moodle file's categories, each a list of (question name, question text as HTML), and every series'
    questions by name (from the series' own keys, so the test does not rely on the pack key it checks)."""
    cats, category = {}, None
    for el in ET.fromstring((pack / "chatbots-en-standard-moodle.xml").read_bytes()).findall("question"):
        if el.get("type") == "category":
            category = el.findtext("category/text")
        else:
            cats.setdefault(category, []).append((el.findtext("name/text"), el.findtext("questiontext/text")))
    named = {}
    for key in sorted(pack.glob("chatbots-en-standard-[0-9]*.json")):
        quiz = json.loads(key.read_text(encoding="utf-8"))
        named.update({f"{quiz['id']} · {q['id']}": q for q in quiz["questions"]})
    return cats, named


def _moodle_text(qhtml, q):
    """What Moodle's Responses report writes in 'Question N': the question text as plain text (html_to_text puts
    line breaks and tabs around blocks and table cells), then for choice questions ': ' and the choices."""
    text = html.unescape(re.sub(r"<[^>]+>", "\n\t", qhtml)).strip()
    if q["type"] in ("single", "multiple"):
        text += ": " + "; ".join(c["text"] for c in q["choices"])
    return text


def _moodle_response(q, value):
    """Moodle's summary of a response ('Response N'), by question type, as Moodle 4.4 writes it."""
    if value is None:
        return "-"
    text = {c["id"]: c["text"] for c in q["choices"]}
    if q["type"] == "single":
        return text[value]
    if q["type"] == "multiple":
        return "; ".join(text[v] for v in value)
    if q["type"] == "truefalse":
        return "True" if value else "False"
    if q["type"] == "matching":
        return "; ".join(f"{text[left]} -> {right}" for left, right in value.items())
    if q["type"] == "ordering":    # qtype_ordering: each item cut to 10 characters
        return "; ".join(text[v] if len(text[v]) <= 10 else text[v][:10] + "..." for v in value)
    return str(value)


def _cut_apart(q):
    """Whether an ordering item cut to 10 characters still tells every item apart."""
    starts = [c["text"][:10].lower() for c in q["choices"]]
    return all(sum(o.startswith(s) for o in starts) == 1 for s in starts)


def test_grade_a_moodle_quiz_of_random_questions_across_the_series(pack, tmp_path):
    cats, named = _bank(pack)
    slots = {}   # the quiz: for each category, the random questions the README says to add
    readme = (pack / "README.txt").read_text(encoding="utf-8")
    for ln in readme.splitlines():
        parts = ln.split()
        if len(parts) >= 4 and any(c.endswith("/" + parts[0]) for c in cats) and parts[-1].isdigit():
            slots[next(c for c in cats if c.endswith("/" + parts[0]))] = int(parts[-1])
    assert set(slots) == set(cats) and sum(slots.values()) == 8
    students = {"ana": "right", "bo": "blank", "cy": "by name", "dee": "stranger", "eve": "right"}
    header = ["Last name", "First name", "Email address", "State", "Started on", "Completed", "Time taken",
              "Grade/8.00"]
    n = sum(slots.values())
    for i in range(1, n + 1):
        header += [f"Question {i}", f"Response {i}", f"Right answer {i}"]
    rows, drawn = [], {}
    for k, (student, how) in enumerate(students.items()):
        row = [student.title(), "X", f"{student}@school.qc.ca", "Finished", "", "", "", "8.00"]
        seen = []
        for c, count in slots.items():
            for j in range(count):    # Moodle's draw: different questions of the category, here spread by student
                name, qhtml = cats[c][(k * 3 + j) % len(cats[c])]
                q = named[name]
                seen.append(name)
                cell = name if how == "by name" else _moodle_text(qhtml, q)
                if how == "stranger" and len(seen) == 1:
                    cell = "Which planet is the largest in the solar system?: Jupiter; Mars"
                row += [cell, _moodle_response(q, None if how == "blank" else _right(q)), ""]
        drawn[f"{student}@school.qc.ca"] = seen
        rows.append(row)
    report = tmp_path / "responses.csv"
    with report.open("w", newline="", encoding="utf-8-sig") as f:
        csv.writer(f).writerows([header, *rows])
    # the draws reach every series, and some question of a later series has another right answer than the same
    # item in the first series: graded against the first series, it would lose its points
    series = {name.split(" · ")[0] for names in drawn.values() for name in names}
    assert len(series) >= 3
    first = {name.split(" · ")[1]: named[name] for name in named if name.startswith("chatbots-en-standard-3 ")}
    right = lambda q: _moodle_response(q, _right(q))  # noqa: E731
    assert any(right(named[name]) != right(first[name.split(" · ")[1]]) for names in drawn.values()
               for name in names if not name.startswith("chatbots-en-standard-3 ") and name.split(" · ")[1] in first)

    out = tmp_path / "out"
    proc = decodia("grade", "--key", str(pack / "chatbots-en-standard-keys.json"), "--responses", str(report),
                   "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    book = {r["student"]: r for r in csv.DictReader((out / "gradebook.csv").open(encoding="utf-8"))}
    rejects = list(csv.DictReader((out / "rejects.csv").open(encoding="utf-8")))
    assert set(book) == {f"{s}@school.qc.ca" for s in students}

    def expected_max(student, skip_first=False):
        names = drawn[student][1:] if skip_first else drawn[student]
        return sum(named[nm]["points"] for nm in names if named[nm]["type"] != "ordering" or _cut_apart(named[nm]))

    for student in ("ana", "cy", "eve"):        # every response right, questions by text or by name: full marks
        row = book[f"{student}@school.qc.ca"]
        assert float(row["score"]) == float(row["max"]) == expected_max(f"{student}@school.qc.ca")
    assert book["bo@school.qc.ca"]["score"] == "0"
    # a question that is in no series goes to rejects.csv with its reason; the rest of the attempt is graded
    stranger = [r for r in rejects if "matches no question" in r["reason"]]
    assert len(stranger) == 1 and stranger[0]["source"] == "responses.csv:5" and "Question 1" in stranger[0]["reason"]
    assert float(book["dee@school.qc.ca"]["score"]) == float(book["dee@school.qc.ca"]["max"]) == \
        expected_max("dee@school.qc.ca", skip_first=True)
    for r in rejects:    # nothing else is rejected but ordering items cut too short to tell apart
        assert r is stranger[0] or "cut too short" in r["reason"], r
    # each item column holds the points of the variant the student saw; blank where not asked
    items = [c for c in book["ana@school.qc.ca"] if c not in ("student", "score", "max", "percent", "source")]
    assert {nm.split(" · ")[1] for names in drawn.values() for nm in names} <= set(items)
    assert any(book["ana@school.qc.ca"][c] == "" for c in items)
    assert "students saw different items" in (out / "item-analysis.html").read_text(encoding="utf-8")
    # the same grades with the pack's folder, or every series' key, as --key
    for keys in ([str(pack)], [str(p) for p in sorted(pack.glob("chatbots-en-standard-[0-9]*.json"))]):
        again = tmp_path / f"again{len(keys)}"
        proc = decodia("grade", "--key", *keys, "--responses", str(report), "--out", str(again))
        assert proc.returncode == 0, proc.stderr
        assert (again / "gradebook.csv").read_bytes() == (out / "gradebook.csv").read_bytes()
    # with one series' key only, a question of another series matches no question of the key
    one = tmp_path / "one"
    decodia("grade", "--key", str(pack / "chatbots-en-standard-3.json"), "--responses", str(report), "--out", str(one))
    assert sum("matches no question" in r["reason"] for r in csv.DictReader((one / "rejects.csv").open(encoding="utf-8"))) > 1


def test_pack_keys_grade_page_results_by_their_series_and_refuse_what_they_cannot_place(pack, tmp_path):
    keys = json.loads((pack / "chatbots-en-standard-keys.json").read_text(encoding="utf-8"))
    assert [q["id"] for q in keys["quizzes"]] == [f"chatbots-en-standard-{s}" for s in range(3, 7)]
    late = keys["quizzes"][-1]
    page = tmp_path / "fay.json"
    page.write_text(json.dumps({"quiz": late["id"], "responses": {q["id"]: _right(q) for q in late["questions"]}}),
                    encoding="utf-8")
    other = tmp_path / "gus.json"
    other.write_text(json.dumps({"quiz": "chatbots-en-standard-99", "responses": {}}), encoding="utf-8")
    lms = tmp_path / "lms.csv"   # one column per response, but several series: which one is not said
    lms.write_text("Email address,Response 1\nhal@school.qc.ca,x\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = decodia("grade", "--key", str(pack / "chatbots-en-standard-keys.json"), "--responses", str(page),
                   str(other), str(lms), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    book = {r["student"]: r for r in csv.DictReader((out / "gradebook.csv").open(encoding="utf-8"))}
    assert book["fay"]["score"] == book["fay"]["max"] == f"{late['max_points']:g}"
    rejects = {r["source"]: r["reason"] for r in csv.DictReader((out / "rejects.csv").open(encoding="utf-8"))}
    assert "not among the keys" in rejects["gus.json"]
    assert "does not say which" in rejects["lms.csv:2"]


def test_moodle_response_summaries_are_read_for_every_type():
    from quizzes.grading import grade
    from quizzes.model import Choice, Question

    def q(kind, **kw):
        return Question(id="x", type=kind, points=1, objective="o", competencies={}, prompt="p", lang="en",
                        level="standard", **kw)

    steps = (Choice("a", "The model learns from past records."), Choice("b", "The model picks whom to check."),
             Choice("c", "Fraud is found."))
    order = q("ordering", choices=steps, order=("a", "b", "c"))
    full = order.kind.from_cell(order, "The model learns from past records.; The model picks whom to check.; "
                                       "Fraud is found.")
    assert grade(order, full).points == 1
    with pytest.raises(ValueError, match="cut too short"):
        order.kind.from_cell(order, "The model ...; The model ...; Fraud is f...")
    as_matching = order.kind.from_cell(order, "Fraud is found. -> 3; The model picks whom to check. -> 1; "
                                              "The model learns from past records. -> 2")
    assert grade(order, as_matching).points == pytest.approx(1 / 3)
    short = (Choice("a", "Gather"), Choice("b", "Learn the shapes"), Choice("c", "Generate"))
    cut = q("ordering", choices=short, order=("a", "b", "c"))
    assert cut.kind.from_cell(cut, "Gather; Learn the ...; Generate") == ["a", "b", "c"]
    match = q("matching", choices=(Choice("l", "x -> y"), Choice("m", "tokens")), pairs=(("l", "1"), ("m", "2")))
    assert grade(match, match.kind.from_cell(match, "x -> y -> 1; tokens -> 2")).points == 1
    assert grade(match, match.kind.from_cell(match, "l=1; m=2")).points == 1
