"""`decodia quiz` and `decodia grade`: keys, gradebook, item analysis, and nothing lost on bad input."""
import csv
import json
import re
import subprocess
import sys
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
