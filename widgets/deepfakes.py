"""The demos of the module `deepfakes`, ready for a lesson cell: `demo.samples("fr")`.

The models live in `modules.deepfakes`; here are the controls, labels and views.
"""
from __future__ import annotations

from core.formats import listed, number, percent, quoted
from core.markup import esc
from modules.deepfakes import detector as race_model
from modules.deepfakes import game as game_model
from modules.deepfakes import impersonation
from modules.deepfakes.generator import DEFAULT_SIZE, SIZES, copy_check, generator, nearest_training
from modules.deepfakes.images import image_set

from .explorer import Choice, Explorer
from .game import Game
from .views import View, images, paragraph, table

T = {
    "fr": {
        "samples_title": "Un petit modèle génère des images",
        "set": "Images", "sets": {"digits": "chiffres écrits à la main", "faces": "visages dessinés par ordinateur"},
        "size": "Mémoire du modèle", "size_shown": "{n} modèles de forme",
        "real_caption": "Vraies images (le modèle ne les a jamais vues)",
        "fake_caption": "Images générées par le modèle",
        "real_item": "Vraie {n}", "fake_item": "Générée {n}",
        "pairs_caption": "Chaque image générée, à côté de l'image d'entraînement la plus proche",
        "pair_fake": "Générée {n}", "pair_near": "La plus proche {n}",
        "copy_headers": ["Mesure", "Valeur"],
        "copy_caption": "Le modèle copie-t-il ses images d'entraînement ?",
        "copy_rows": ["Distance typique : image générée → image d'entraînement la plus proche",
                      "Distance typique : vraie image nouvelle → image d'entraînement la plus proche",
                      "Images générées presque identiques à une image d'entraînement"],
        "copies": "Verdict : le modèle recopie souvent ses images d'entraînement. Ses images ne sont pas vraiment nouvelles.",
        "new": "Verdict : les images générées ne sont pas plus proches des images d'entraînement que de vraies images nouvelles. Le modèle invente, il ne recopie pas.",
        "near_note": "(on en attend environ 5 % par hasard)",
        "game": {"title": "Vraie ou générée ?",
                 "intro": "Quatre de ces huit chiffres ont été écrits à la main par des personnes. Les quatre autres ont été générés par le modèle. Pour chaque image, choisissez « Vraie » ou « Générée », puis cliquez sur « Vérifier ».",
                 "print_intro": "Quatre de ces huit chiffres ont été écrits à la main ; les quatre autres ont été générés. Encerclez ceux que vous croyez générés.",
                 "item": "Image {n}", "real": "Vraie", "fake": "Générée", "check": "Vérifier",
                 "next": "Nouvelle partie", "round": "Partie {n} sur {total}",
                 "unanswered": "Choisissez une réponse pour chaque image, puis vérifiez.",
                 "score": "Vous avez {right} bonnes réponses sur {total}.",
                 "chance": "En répondant au hasard, on fait au moins aussi bien {p} fois sur 100.",
                 "total": "Depuis le début : {right} sur {total}. Au hasard, on ferait au moins aussi bien {p} fois sur 100.",
                 "right": "Bonne réponse :", "wrong": "Mauvaise réponse :",
                 "was_real": "c'est une vraie image.", "was_fake": "c'est une image générée.",
                 "answers": "Réponses : les images {items} sont générées.",
                 "chance_caption": "Ce que donne le hasard sur {total} images",
                 "chance_headers": ["Bonnes réponses (au moins)", "Chances d'y arriver au hasard"],
                 "chance_row": "{p}"},
        "race_title": "Le détecteur contre le faussaire", "step": "Étape",
        "steps": {1: "1. Le détecteur apprend", 2: "2. Le faussaire arrondit", 3: "3. Le détecteur réapprend",
                  4: "4. Le faussaire se sert du détecteur"},
        "step_text": {
            1: "On entraîne un détecteur avec de vraies images et des images générées. Puis on le teste avec des images qu'il n'a jamais vues.",
            2: "Le faussaire fait un seul petit changement : il arrondit chaque pixel à un nombre entier, comme dans une vraie image numérisée. Le détecteur n'a pas changé.",
            3: "On réentraîne le détecteur avec des images arrondies. Il les reconnaît de nouveau.",
            4: "Le faussaire fait passer ses images dans le détecteur et ne garde que celles qu'il laisse passer."},
        "made": "Pour garder {kept} fausses images qui passent, le faussaire en a fabriqué {made}.",
        "race_headers": ["Images testées", "Jugées correctement", "Taux"],
        "race_caption": "Ce que le détecteur décide (images jamais vues à l'entraînement)",
        "race_rows": ["Vraies images gardées comme vraies", "Fausses images attrapées", "Exactitude globale"],
        "race_accuracy": "Exactitude : {acc}. Au hasard, on aurait 50 %.",
        "impostor_title": "Un message « dans le style de » quelqu'un",
        "person": "Personne imitée", "people": {"leo": "Léo, le petit-fils", "nadia": "Nadia, la directrice"},
        "request": "Ce que l'arnaqueur demande",
        "requests": ["de l'argent, tout de suite", "des cartes-cadeaux", "de l'argent, vers un nouveau compte ou un autre pays"],
        "version": "Essai du modèle", "version_shown": "essai {n}",
        "message_label": "Le faux message reçu",
        "parts_caption": "Qui a écrit quoi ?", "parts_headers": ["Partie du message", "Écrite par"],
        "by_model": "le modèle, entraîné sur les vrais messages de {who}", "by_scammer": "l'arnaqueur",
        "who": {"leo": "Léo", "nadia": "Nadia"},
        "borrowed": "{share} des suites de cinq mots écrites par le modèle se trouvent telles quelles dans les vrais messages de {who} : il recoud des morceaux de ses vrais messages.",
        "signs_title": "Signes d'alerte dans ce message : {signs}.",
        "signs": {"urgency": "l'urgence", "secrecy": "le secret demandé", "money": "une demande d'argent",
                  "new-number": "un nouveau numéro", "gift-cards": "des cartes-cadeaux",
                  "new-details": "de nouvelles coordonnées bancaires", "no-call": "on vous demande de ne pas appeler"},
    },
    "en": {
        "samples_title": "A small model generates images",
        "set": "Images", "sets": {"digits": "handwritten digits", "faces": "faces drawn by computer"},
        "size": "Model memory", "size_shown": "{n} shape models",
        "real_caption": "Real images (the model never saw them)",
        "fake_caption": "Images generated by the model",
        "real_item": "Real {n}", "fake_item": "Generated {n}",
        "pairs_caption": "Each generated image, next to the closest training image",
        "pair_fake": "Generated {n}", "pair_near": "Closest {n}",
        "copy_headers": ["Measure", "Value"],
        "copy_caption": "Does the model copy its training images?",
        "copy_rows": ["Typical distance: generated image → closest training image",
                      "Typical distance: new real image → closest training image",
                      "Generated images almost identical to a training image"],
        "copies": "Verdict: the model often copies its training images. Its images are not really new.",
        "new": "Verdict: the generated images are no closer to the training images than new real images are. The model invents; it does not copy.",
        "near_note": "(about 5% would be expected by chance)",
        "game": {"title": "Real or generated?",
                 "intro": "Four of these eight digits were handwritten by people. The other four were generated by the model. For each image, choose \u201cReal\u201d or \u201cGenerated\u201d, then click \u201cCheck\u201d.",
                 "print_intro": "Four of these eight digits were handwritten; the other four were generated. Circle the ones you think are generated.",
                 "item": "Image {n}", "real": "Real", "fake": "Generated", "check": "Check",
                 "next": "New round", "round": "Round {n} of {total}",
                 "unanswered": "Choose an answer for each image, then check.",
                 "score": "You got {right} of {total} right.",
                 "chance": "Guessing at random does at least as well {p} times in 100.",
                 "total": "So far: {right} of {total}. Guessing would do at least as well {p} times in 100.",
                 "right": "Right:", "wrong": "Wrong:",
                 "was_real": "it is a real image.", "was_fake": "it is a generated image.",
                 "answers": "Answers: images {items} are generated.",
                 "chance_caption": "What guessing gives on {total} images",
                 "chance_headers": ["Right answers (at least)", "Chance of getting there by guessing"],
                 "chance_row": "{p}"},
        "race_title": "The detector against the forger", "step": "Step",
        "steps": {1: "1. The detector learns", 2: "2. The forger rounds", 3: "3. The detector relearns",
                  4: "4. The forger uses the detector"},
        "step_text": {
            1: "We train a detector on real images and generated ones. Then we test it on images it has never seen.",
            2: "The forger makes one small change: each pixel is rounded to a whole number, as in a real scanned image. The detector has not changed.",
            3: "We retrain the detector on rounded images. It recognises them again.",
            4: "The forger runs the fakes through the detector and keeps only the ones it lets through."},
        "made": "To keep {kept} fakes that pass, the forger made {made}.",
        "race_headers": ["Images tested", "Judged correctly", "Rate"],
        "race_caption": "What the detector decides (images never seen in training)",
        "race_rows": ["Real images kept as real", "Fake images caught", "Overall accuracy"],
        "race_accuracy": "Accuracy: {acc}. Guessing would get 50%.",
        "impostor_title": "A message \u201cin the style of\u201d someone",
        "person": "Person imitated", "people": {"leo": "Leo, the grandson", "nadia": "Nadia, the director"},
        "request": "What the scammer asks for",
        "requests": ["money, right now", "gift cards", "money, to a new account or abroad"],
        "version": "Model's attempt", "version_shown": "attempt {n}",
        "message_label": "The fake message received",
        "parts_caption": "Who wrote what?", "parts_headers": ["Part of the message", "Written by"],
        "by_model": "the model, trained on {who}'s real messages", "by_scammer": "the scammer",
        "who": {"leo": "Leo", "nadia": "Nadia"},
        "borrowed": "{share} of the five-word runs the model wrote appear word for word in {who}'s real messages: it stitches together pieces of what they really wrote.",
        "signs_title": "Warning signs in this message: {signs}.",
        "signs": {"urgency": "urgency", "secrecy": "a request for secrecy", "money": "a request for money",
                  "new-number": "a new number", "gift-cards": "gift cards",
                  "new-details": "new bank details", "no-call": "being told not to call"},
    },
}
N_SHOWN = 8


# -- 1. the generator and the copy check ------------------------------------------------------
def samples_view(name: str, size: int, lang: str) -> View:
    t = T[lang]
    width = image_set(name).width
    real = image_set(name).held_out[:N_SHOWN]
    fakes = generator(name, size).sample(N_SHOWN, seed=5, touch="round")
    check = copy_check(name, size)
    view = images([(t["real_item"].format(n=i + 1), px, width) for i, px in enumerate(real)], t["real_caption"], lang)
    view += images([(t["fake_item"].format(n=i + 1), px, width) for i, px in enumerate(fakes)], t["fake_caption"], lang)
    pairs = []
    for i, px in enumerate(fakes[:4]):
        pairs += [(t["pair_fake"].format(n=i + 1), px, width),
                  (t["pair_near"].format(n=i + 1), nearest_training(name, px), width)]
    view += images(pairs, t["pairs_caption"], lang)
    rows = [[t["copy_rows"][0], number(check.generated, lang, 1)], [t["copy_rows"][1], number(check.held_out, lang, 1)],
            [t["copy_rows"][2], f"{percent(check.near_copies, lang)} {t['near_note']}"]]
    view += table(t["copy_headers"], rows, t["copy_caption"], {1})
    return view + paragraph(t["copies"] if check.copies else t["new"], "decodia-verdict")


def samples(lang: str = "fr") -> Explorer:
    t = T[lang]
    return Explorer("samples", [Choice("name", t["set"], [(k, v) for k, v in t["sets"].items()], "digits"),
                                Choice("size", t["size"], [(n, t["size_shown"].format(n=n)) for n in SIZES],
                                       DEFAULT_SIZE, slider=True)],
                    lambda name, size: samples_view(name, size, lang), lang, t["samples_title"])


# -- 2. the game --------------------------------------------------------------------------------
def game(lang: str = "fr") -> Game:
    rounds = game_model.rounds("digits")
    return Game("real-or-generated", [(list(r.images), list(r.fake)) for r in rounds], rounds[0].width,
                T[lang]["game"], game_model.chance_at_least, lang)


# -- 3. the arms race -----------------------------------------------------------------------------
def race_view(step: int, lang: str) -> View:
    t = T[lang]
    trained_on, judged = race_model.STEPS[step]
    v = race_model.arms_race("digits", trained_on, judged)
    rows = [[t["race_rows"][0], f"{v.real_kept} / {v.real_total}", percent(v.real_kept / v.real_total, lang)],
            [t["race_rows"][1], f"{v.fakes_caught} / {v.fakes_total}", percent(v.caught_rate, lang)],
            [t["race_rows"][2], f"{v.real_kept + v.fakes_caught} / {v.real_total + v.fakes_total}", percent(v.accuracy, lang)]]
    view = paragraph(t["step_text"][step]) + table(t["race_headers"], rows, t["race_caption"], {1, 2})
    view += paragraph(t["race_accuracy"].format(acc=percent(v.accuracy, lang)), "decodia-verdict")
    if judged == "filtered":
        view += paragraph(t["made"].format(kept=number(v.fakes_total, lang), made=number(v.fakes_made, lang)))
    return view


def race(lang: str = "fr") -> Explorer:
    t = T[lang]
    return Explorer("race", Choice("step", t["step"], [(k, v) for k, v in t["steps"].items()], 1, slider=True),
                    lambda step: race_view(step, lang), lang, t["race_title"])


# -- 4. impersonation -----------------------------------------------------------------------------
def impostor_view(person: str, request: int, version: int, lang: str) -> View:
    t = T[lang]
    fake = impersonation.imitate(person, lang, request, seed=version)
    who = t["who"][person]
    body = (f'<p>{esc(fake.opening)}</p><p class="decodia-message__request">{esc(fake.request)}</p>'
            + (f"<p>{esc(fake.closing)}</p>" if fake.closing else ""))
    label = f'<p class="decodia-quote__label">{esc(t["message_label"])}</p>'
    view = View(f'{label}<div class="decodia-message">{body}</div>', t["message_label"] + "\n" + quoted(fake.text, lang))
    rows = [[fake.opening, t["by_model"].format(who=who)], [fake.request, t["by_scammer"]]]
    if fake.closing:
        rows.append([fake.closing, t["by_model"].format(who=who)])
    view += table(t["parts_headers"], rows, t["parts_caption"])
    view += paragraph(t["borrowed"].format(share=percent(fake.borrowed, lang), who=who))
    return view + paragraph(t["signs_title"].format(signs=listed([t["signs"][s] for s in fake.signs], lang)),
                            "decodia-verdict")


def impostor(lang: str = "fr") -> Explorer:
    t = T[lang]
    people = list(t["people"].items())
    return Explorer("impostor", [
        Choice("person", t["person"], people, "leo"),
        Choice("request", t["request"], [(i, f"{i + 1}. {text}") for i, text in enumerate(t["requests"])], 0),
        Choice("version", t["version"], [(n, t["version_shown"].format(n=n)) for n in (1, 2, 3)], 1)],
        lambda person, request, version: impostor_view(person, request, version, lang), lang, t["impostor_title"])
