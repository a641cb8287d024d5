"""Unit tests of the `deepfakes` live models: generator and copy check, game, detector arms race,
impersonation; and of the image views they need (quiz items with images, the game's three faces)."""
import base64
import json
import random
import re
import struct
import zlib

import numpy as np
import pytest

from modules.deepfakes import quiz as generators
from modules.deepfakes.detector import STEPS, arms_race, fakes_for
from modules.deepfakes.game import chance_at_least, rounds
from modules.deepfakes.generator import SIZES, copy_check, generator, nearest_training
from modules.deepfakes.images import INK, draw_face, image_set
from modules.deepfakes.impersonation import PEOPLE, REQUESTS, SIGNS, imitate, messages, real_runs, runs
from modules.chatbots.text import words
from quizzes.errors import BankError
from quizzes.model import validate_item
from widgets import deepfakes as demo
from widgets.views import pixels_png, pixels_text


def test_image_sets_are_real_digits_and_drawn_faces_split_once():
    digits, faces = image_set("digits"), image_set("faces")
    assert digits.train.shape == (1397, 64) and digits.held_out.shape == (400, 64)
    assert faces.train.shape[1] == 256 and len(faces.held_out) == 300
    for s in (digits, faces):
        assert s.train.min() >= 0 and s.train.max() <= INK
        assert (s.train == np.round(s.train)).all()                   # real scans hold whole numbers
        held = {tuple(r) for r in s.held_out}
        assert sum(tuple(r) in held for r in s.train) < 0.02 * len(s.train)   # held out means unseen (bar duplicates)
    with pytest.raises(ValueError, match="unknown image set"):
        image_set("photos")


def test_a_drawn_face_has_two_eyes_and_a_mouth_and_varies():
    rng = np.random.default_rng(0)
    a, b = draw_face(rng), draw_face(rng)
    assert a.shape == (16, 16) and not np.array_equal(a, b)
    assert a[:, 8].sum() > 0 and a.sum() > 30 * 4                     # something is drawn, centred


def test_the_generator_makes_new_images_in_range_and_rounding_gives_whole_numbers():
    g = generator("digits", 10)
    raw, rounded = g.sample(50, seed=1), g.sample(50, seed=1, touch="round")
    assert raw.shape == (50, 64) and raw.min() >= 0 and raw.max() <= INK
    assert (raw != np.round(raw)).mean() > 0.5                        # mixtures give real-valued ink...
    assert (rounded == np.round(raw)).all()                           # ...rounding makes it look scanned
    assert np.array_equal(g.sample(5, seed=3), g.sample(5, seed=3))   # same seed, same images
    with pytest.raises(ValueError, match="unknown touch"):
        g.sample(1, touch="blur")


def test_copy_check_small_memory_invents_huge_memory_copies():
    small, huge = copy_check("digits", SIZES[0]), copy_check("digits", SIZES[-1])
    assert not small.copies and small.near_copies < 0.1
    assert huge.copies and huge.generated < small.generated
    shares = [copy_check("faces", k).near_copies for k in SIZES]
    assert shares == sorted(shares)                                   # more memory, more copying
    img = generator("digits", 600).sample(1, seed=0, touch="round")[0]
    near = nearest_training("digits", img)
    assert np.abs(near - img).sum() <= np.abs(image_set("digits").train - img).sum(axis=1).min()


def test_game_rounds_are_half_real_half_generated_and_reproducible():
    rs = rounds("digits")
    assert len(rs) == 5 and all(len(r.images) == 8 and r.fakes == 4 for r in rs)
    assert rs == rounds.__wrapped__("digits")
    real = {tuple(x) for x in image_set("digits").held_out}
    for r in rs:
        for img, fake in zip(r.images, r.fake):
            assert (tuple(img) in real) != fake                        # every real image is a held-out scan
    assert len({r.fake for r in rs}) > 1                               # the order changes between rounds
    with pytest.raises(ValueError):
        rounds("digits", per_round=7)


def test_chance_is_the_binomial_tail():
    assert chance_at_least(0, 8) == 1
    assert chance_at_least(8, 8) == pytest.approx(1 / 256)
    assert chance_at_least(6, 8) == pytest.approx((28 + 8 + 1) / 256)
    with pytest.raises(ValueError):
        chance_at_least(9, 8)


def test_the_arms_race_detector_wins_loses_relearns_and_is_turned_against_itself():
    acc = {step: arms_race("digits", *STEPS[step]).accuracy for step in STEPS}
    assert acc[1] > 0.97                       # it learns the fakes it has seen
    assert acc[2] < 0.65                       # one small change: back near chance
    assert acc[3] > 0.95                       # it relearns
    assert acc[4] < 0.55                       # the forger filters through it
    v = arms_race("digits", *STEPS[4])
    assert v.fakes_caught == 0 and v.fakes_made > 5 * v.fakes_total
    assert v.real_total == v.fakes_total == 400


def test_filtered_fakes_are_never_padded_with_fakes_that_did_not_pass():
    from modules.deepfakes.detector import detector
    fakes, made = fakes_for("faces", "filtered", "round", 300)
    assert made >= len(fakes)
    if len(fakes):
        assert (detector("faces", "round").predict(fakes) == 0).all()


def test_the_training_messages_are_fictional_and_innocent():
    for person in PEOPLE:
        for lang in ("fr", "en"):
            real = messages(person, lang)
            assert len(real) >= 40
            text = " ".join(real).lower()
            assert not re.search(r"https?://|\d{3}[ -]\d{3}[ -]\d{4}", text)
            assert "carte-cadeau" not in text and "cartes-cadeaux" not in text and "gift card" not in text
    with pytest.raises(ValueError, match="unknown person"):
        messages("someone", "fr")


def test_the_impostor_writes_in_the_persons_voice_and_the_request_is_the_scammers():
    for person in PEOPLE:
        for lang in ("fr", "en"):
            for request in range(3):
                fake = imitate(person, lang, request, seed=1)
                assert fake.request == REQUESTS[person][lang][request]
                assert fake.signs == SIGNS[person][request]
                assert fake.opening and fake.text.startswith(fake.opening)
                made = runs(words(fake.opening)) + runs(words(fake.closing))
                assert fake.borrowed == pytest.approx(sum(r in real_runs(person, lang) for r in made) / max(len(made), 1))
    leo = imitate("leo", "fr", 0, seed=1)
    assert leo.opening.split(",")[0] in {"Allô grand-maman", "Salut grand-maman"}   # the greeting it learned
    assert leo.borrowed > 0.5
    assert imitate("leo", "fr", 0, seed=1) == leo and imitate("leo", "fr", 0, seed=2) != leo


@pytest.mark.parametrize("name", ["which_fake", "chance_score", "copies_training", "race_accuracy", "warning_signs"])
@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("level", ["simple", "standard"])
def test_generated_items_validate_and_their_key_is_what_the_model_says(name, lang, level):
    for seed in range(12):
        raw = getattr(generators, name)(random.Random(seed), lang, level)
        item = {"id": f"gen-{name}", "points": 1, "objective": "eye",
                "competencies": {"ai4k12": "3 Learning", "unesco": "Ethics of AI"}, **raw}
        q = validate_item(item, lang, level, "quiz.yaml", generated=True)
        assert q.prompt
        if q.choices:
            assert len(q.choices) <= (3 if level == "simple" else 6)
        if name == "which_fake":
            assert len(q.images) == len(q.choices) and sum(c.correct for c in q.choices) == len(q.images) // 2
            real = {tuple(x) for x in image_set("digits").held_out}
            for img, choice in zip(q.images, q.choices):
                assert (tuple(float(v) for v in img["pixels"]) in real) != choice.correct
        if name == "race_accuracy":
            kept, caught = (int(row[1].split()[0]) for row in q.table["rows"])
            assert q.answer == round(100 * (kept + caught) / 800)


def _item(**extra):
    return {"id": "x", "type": "single", "points": 1, "objective": "eye", "text": {"fr": "Laquelle ?"},
            "competencies": {"ai4k12": "3 Learning", "unesco": "Ethics of AI"},
            "choices": [{"id": "a", "text": {"fr": "A"}, "correct": True}, {"id": "b", "text": {"fr": "B"}}], **extra}


@pytest.mark.parametrize("images,message", [
    ([], "non-empty list"),
    ([{"width": 2, "pixels": [0, 0, 0, 0]}], "needs a label"),
    ([{"label": "A", "width": 40, "pixels": [0] * 1600}], "width must be"),
    ([{"label": "A", "width": 2, "pixels": [0, 0, 0]}], "width × width"),
    ([{"label": "A", "width": 2, "pixels": [0, 0, 0, 17]}], "from 0 (paper) to 16"),
    ([{"label": "A", "width": 2, "pixels": [0, 0, "x", 1]}], "from 0 (paper) to 16"),
])
def test_malformed_images_in_an_item_get_a_clear_message(images, message):
    with pytest.raises(BankError, match=re.escape(message)):
        validate_item(_item(images=images), "fr", "standard", "quiz.yaml", line=7)


def test_images_render_in_the_page_and_as_shade_art_in_the_worksheet():
    from quizzes.page import question_html
    from quizzes.worksheet import worksheet_text
    q = validate_item(_item(images=[{"label": "Image 1", "width": 2, "pixels": [0, 16, 16, 0]}]), "fr", "standard", "q.yaml")
    html = question_html(q, 1, "p", "fr")
    assert 'alt="Image 1"' in html and "data:image/png;base64," in html
    sheet = worksheet_text(_quiz(q))
    assert "Image 1" in sheet and "@@" in sheet


def _quiz(q):
    from quizzes.assemble import Quiz
    import dataclasses
    fields = {f.name for f in dataclasses.fields(Quiz)}
    values = {"module": "deepfakes", "lang": "fr", "level": "standard", "seed": 1, "questions": (q,), "id": "DF-1"}
    return Quiz(**{k: v for k, v in values.items() if k in fields})


def test_pixels_png_is_a_valid_greyscale_png_and_ink_is_dark():
    png = pixels_png([0, 16, 8, 16], 2)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width, height, depth, colour = struct.unpack(">IIBB", png[16:26])
    assert (width, height, depth, colour) == (2, 2, 8, 0)
    idat = png[png.index(b"IDAT") + 4:png.index(b"IEND") - 8]
    assert zlib.decompress(idat) == bytes([0, 255, 0, 0, 128, 0])
    assert pixels_text([0, 16, 8, 16], 2) == ["  @@", "++@@"]


def test_the_game_has_three_faces_and_hides_the_truth_in_the_page():
    g = demo.game("fr")
    bundle = g._repr_mimebundle_()
    html = bundle["text/html"]
    assert html.count("<form") == 5 and html.count('type="radio"') == 5 * 8 * 2
    truths = re.findall(r'data-truth="([^"]+)"', html)
    assert [json.loads(base64.b64decode(t)) for t in truths] == [[int(f) for f in r.fake] for r in rounds("digits")]
    first = re.sub(r"<label[^>]*>[^<]*</label>", "", html.split("<form")[1].split("decodia-game__answers")[0])
    assert "énérée" not in first                 # before checking, nothing on screen says which are generated
    assert "Réponses : les images" in bundle["text/plain"] and "36,3" in bundle["text/plain"]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_demo_faces_are_light_enough_for_a_lesson_page(lang):
    for name in ("samples", "race", "impostor", "game"):
        html = getattr(demo, name)(lang).static_html()
        assert len(html) < 150_000, f"{name} ({len(html)} bytes)"
