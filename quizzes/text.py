"""The interface words of quizzes, in each language."""
from modules.chatbots.text import quoted  # noqa: F401  (one way of quoting, shared with the lessons)

UI = {
    "fr": {
        "title": "Autoévaluation", "question": "Question", "check": "Vérifier mes réponses",
        "new": "Nouvelles questions", "download_json": "Télécharger mes résultats (JSON)",
        "download_csv": "Télécharger mes résultats (CSV)", "true": "Vrai", "false": "Faux",
        "your_answer": "Votre réponse", "position": "Position de", "match": "Associé à",
        "choose": "Choisir…", "score": "Résultat : {score} sur {max} points.",
        "last": "Dernier résultat enregistré dans ce navigateur : {score} sur {max} (série {variant}).",
        "right": "Bonne réponse.", "partial": "Réponse en partie juste ({points} sur {max}).",
        "wrong": "Réponse à revoir.", "variant": "Série {n} sur {total}",
        "intro": "Répondez, puis vérifiez. Vos réponses restent dans ce navigateur : rien n'est envoyé.",
        "points": "{n} point", "points_p": "{n} points", "worksheet": "Fiche d'exercices",
        "key": "Corrigé", "name": "Nom", "date": "Date", "variant_code": "Code de la série",
        "objective": "Objectif", "answer": "Réponse", "accepted": "Réponses acceptées",
        "tolerance": "tolérance", "order_hint": "Numérotez dans le bon ordre.",
        "match_hint": "Reliez chaque élément à sa réponse.",
    },
    "en": {
        "title": "Self-check", "question": "Question", "check": "Check my answers",
        "new": "New questions", "download_json": "Download my results (JSON)",
        "download_csv": "Download my results (CSV)", "true": "True", "false": "False",
        "your_answer": "Your answer", "position": "Position of", "match": "Matches",
        "choose": "Choose…", "score": "Score: {score} out of {max} points.",
        "last": "Last result saved in this browser: {score} out of {max} (set {variant}).",
        "right": "Right answer.", "partial": "Partly right ({points} out of {max}).",
        "wrong": "Answer to review.", "variant": "Set {n} of {total}",
        "intro": "Answer, then check. Your answers stay in this browser: nothing is sent.",
        "points": "{n} point", "points_p": "{n} points", "worksheet": "Worksheet",
        "key": "Answer key", "name": "Name", "date": "Date", "variant_code": "Set code",
        "objective": "Objective", "answer": "Answer", "accepted": "Accepted answers",
        "tolerance": "tolerance", "order_hint": "Number them in the right order.",
        "match_hint": "Match each item with its answer.",
    },
}


def number(x: float, lang: str) -> str:
    text = f"{x:g}"
    return text.replace(".", ",") if lang == "fr" else text
