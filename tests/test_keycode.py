"""The page quiz's answer key: obfuscated by Python, decoded by the page with no secure-context API."""
import base64
import json

import pytest

from quizzes.keycode import fnv1a32, keystream, obfuscate, reveal

TRICKY = {
    "q1": {"type": "text", "accepted": ["intelligence artificielle", "l'ia", "ça dépend"], "points": 1,
           "feedback": "Un « robot conversationnel » prédit le mot suivant — il ne « sait » rien. 🤖"},
    "q2": {"type": "single", "correct": ["b"], "points": 2.5, "feedback": 'He said "maybe" \\ then \'no\'.',
           "choice_feedback": {"a": "Non : relis l'exemple.", "b": "Oui !"}},
    "q3": {"type": "numeric", "answer": 0.4, "tolerance": 0.05, "points": 1, "feedback": None},
    "q4": {"type": "matching", "pairs": {"œuf": "🥚", "日本": "Japon", "\u200b": "\n\t"}, "points": 1,
           "feedback": ""},
    "é🙂": {"type": "truefalse", "answer": False, "points": 1, "feedback": "</script><!--"},
}


def test_known_values_fix_the_scheme():
    """Published FNV-1a and mulberry32 values: the JS in the page implements the same algorithms."""
    assert fnv1a32(b"") == 0x811C9DC5
    assert fnv1a32(b"a") == 0xE40C292C
    assert fnv1a32(b"foobar") == 0xBF9CF968
    # mulberry32 seeded with FNV-1a("") = 0x811C9DC5: first outputs of bryc's reference JavaScript,
    # each giving 4 bytes, least significant first.
    words = [0x9C7A8434, 0x7E579BA5, 0xC6267EA9]
    assert keystream("", 12) == b"".join(w.to_bytes(4, "little") for w in words)
    assert len(keystream("x", 10)) == 10 and keystream("x", 10) == keystream("x", 12)[:10]
    assert keystream("a", 8) != keystream("b", 8)


@pytest.mark.parametrize("salt", ["chatbots-fr-simple-1", "deepfakes-en-advanced-3", "", "sel é 🙂"])
def test_reveal_inverts_obfuscate_on_tricky_data(salt):
    blob = obfuscate(TRICKY, salt)
    assert reveal(blob, salt) == TRICKY
    assert blob.isascii() and base64.b64decode(blob, validate=True)
    raw = base64.b64decode(blob)
    plain = json.dumps(TRICKY, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    assert len(raw) == len(plain) and raw != plain
    for secret in ["intelligence artificielle", "ça dépend", "correct", "accepted", "feedback", "Japon", "Oui"]:
        assert secret not in blob and secret.encode() not in raw
    # another salt does not give the key back
    with pytest.raises((UnicodeDecodeError, json.JSONDecodeError, ValueError)):
        assert reveal(blob, salt + "x") != TRICKY
