"""The teacher's README of an assignment pack, in the pack's language."""
from __future__ import annotations

from .assemble import Quiz

TEXT = {
    "fr": {
        "head": "Trousse d'évaluation Décodia — {title}",
        "what": "Module : {module} · langue : français · niveau : {level} · {k} série(s) de {n} questions (graines {first} à {last}).",
        "files": "Contenu de la trousse",
        "fmt": {
            "json": "Corrigés des séries (JSON), à donner à `decodia grade --key`.",
            "worksheet": "Fiches et corrigés en texte simple, une paire par série.",
            "moodle": "Banque de questions Moodle XML.",
            "gift": "Les mêmes questions au format GIFT (Moodle et d'autres plateformes).",
            "qti": "Paquet QTI 2.1 (.zip) pour Canvas, Brightspace et les autres plateformes qui lisent QTI.",
            "html": "Le questionnaire en une seule page Web, corrigé dans le navigateur.",
            "pdf": "Fiches d'exercices à imprimer et corrigé séparé (PDF).",
        },
        "sections": [
            ("Importer dans Moodle (fichier -moodle.xml)",
             "1. Dans le cours : Banque de questions > Importer.\n"
             "2. Format : « Format Moodle XML ». Déposez le fichier, puis « Importer ».\n"
             "3. Les questions arrivent dans une catégorie par objectif du module : "
             "Décodia / {module} / {lang}-{level} / <objectif>. Chaque catégorie contient les {k} variantes des "
             "questions de cet objectif.\n"
             "4. Dans un test : Ajouter > « une question aléatoire », une fois par catégorie. Chaque élève reçoit "
             "alors une variante tirée au hasard, et tous les objectifs sont couverts.\n"
             "Le crédit partiel, la rétroaction de chaque choix, la tolérance des réponses numériques et les "
             "réponses courtes acceptées sont compris."),
            ("Importer le fichier GIFT (.gift.txt)",
             "Banque de questions > Importer > « Format GIFT ». Les catégories sont créées de la même façon. "
             "GIFT ne sait pas tout dire : lisez les commentaires (lignes qui commencent par //) au début du fichier."),
            ("Importer dans Canvas ou Brightspace (fichier -qti21.zip)",
             "Canvas : Paramètres du cours > Importer le contenu d'un cours > type « Fichier QTI .zip ».\n"
             "Brightspace : Administration du cours > Importer/Exporter/Copier des composants > Importer des "
             "composants > téléversez le .zip.\n"
             "Le paquet contient une question par variante et un test avec une section par objectif. Chaque "
             "plateforme lit QTI à sa façon : prévisualisez les questions après l'importation."),
            ("La page Web (.html)",
             "Un seul fichier, qui ne charge rien d'ailleurs : déposez-le dans votre plateforme ou envoyez-le. "
             "L'élève répond, vérifie, puis peut télécharger ses résultats (JSON ou CSV). Les corrigés sont dans "
             "la page, brouillés : c'est un outil d'autoévaluation, pas un examen surveillé."),
            ("Sur papier (PDF)",
             "Les fiches n'ont aucune réponse. Chaque fiche porte son code de série (ex. {example}) : gardez-le "
             "pour corriger avec la bonne page du corrigé, qui donne la réponse, la rétroaction et l'objectif "
             "de chaque question."),
            ("Corriger les réponses reçues",
             "Exportez les réponses de votre plateforme en CSV (une colonne pour l'élève, puis « Réponse 1 », "
             "« Réponse 2 »… ou une colonne par identifiant de question), ou rassemblez les fichiers de résultats "
             "de la page Web, puis :\n\n"
             "    decodia grade --key {example}.json --responses reponses.csv --out resultats/ [--roster liste.txt]\n\n"
             "Vous obtenez gradebook.csv (les notes), rejects.csv (chaque ligne non corrigée, avec la raison) et "
             "item-analysis.html (l'analyse des questions : difficulté, discrimination, choix des distracteurs, "
             "fidélité)."),
        ],
    },
    "en": {
        "head": "Décodia assignment pack — {title}",
        "what": "Module: {module} · language: English · level: {level} · {k} set(s) of {n} questions (seeds {first} to {last}).",
        "files": "What is in the pack",
        "fmt": {
            "json": "Answer keys of the sets (JSON), for `decodia grade --key`.",
            "worksheet": "Plain-text worksheets and keys, one pair per set.",
            "moodle": "Moodle XML question bank.",
            "gift": "The same questions in GIFT format (Moodle and other platforms).",
            "qti": "QTI 2.1 package (.zip) for Canvas, Brightspace and other platforms that read QTI.",
            "html": "The quiz as a single web page, graded in the browser.",
            "pdf": "Printable worksheets and a separate answer key (PDF).",
        },
        "sections": [
            ("Import into Moodle (-moodle.xml file)",
             "1. In the course: Question bank > Import.\n"
             "2. File format: \"Moodle XML format\". Drop the file, then \"Import\".\n"
             "3. Questions land in one category per objective of the module: "
             "Décodia / {module} / {lang}-{level} / <objective>. Each category holds the {k} variants of that "
             "objective's questions.\n"
             "4. In a quiz: Add > \"a random question\", once per category. Each student then gets a randomly drawn "
             "variant, and every objective is covered.\n"
             "Partial credit, per-choice feedback, numeric tolerance and accepted short answers are included."),
            ("Import the GIFT file (.gift.txt)",
             "Question bank > Import > \"GIFT format\". Categories are created the same way. GIFT cannot express "
             "everything: read the comments (lines starting with //) at the top of the file."),
            ("Import into Canvas or Brightspace (-qti21.zip file)",
             "Canvas: Course Settings > Import Course Content > content type \"QTI .zip file\".\n"
             "Brightspace: Course Admin > Import/Export/Copy Components > Import Components > upload the .zip.\n"
             "The package holds one question per variant and a test with one section per objective. Each platform "
             "reads QTI its own way: preview the questions after importing."),
            ("The web page (.html)",
             "One file that loads nothing from elsewhere: upload it to your platform or send it. Students answer, "
             "check, then can download their results (JSON or CSV). The keys are in the page, scrambled: it is a "
             "self-check tool, not a proctored exam."),
            ("On paper (PDF)",
             "Worksheets carry no answers. Each one has its set code (e.g. {example}): keep it to mark with the "
             "right page of the answer key, which gives each question's answer, feedback and objective."),
            ("Grading returned responses",
             "Export the responses from your platform as CSV (a student column, then \"Response 1\", "
             "\"Response 2\"… or one column per item id), or collect the web page's result files, then:\n\n"
             "    decodia grade --key {example}.json --responses responses.csv --out results/ [--roster roster.txt]\n\n"
             "You get gradebook.csv (the marks), rejects.csv (every row not graded, with the reason) and "
             "item-analysis.html (item analysis: difficulty, discrimination, distractor counts, reliability)."),
        ],
    },
}
LEVELS = {"fr": {"simple": "lecture facile", "standard": "standard", "advanced": "approfondi"},
          "en": {"simple": "easy reading", "standard": "standard", "advanced": "in depth"}}
USED_BY = {"moodle": 0, "gift": 1, "qti": 2, "html": 3, "pdf": 4}


def pack_readme(quizzes: list[Quiz], title: str, files: dict[str, list[str]]) -> str:
    q0 = quizzes[0]
    t = TEXT[q0.lang]
    fill = dict(title=title, module=q0.module, lang=q0.lang, level=q0.level, k=len(quizzes), n=len(q0.questions),
                first=q0.seed, last=quizzes[-1].seed, example=q0.id)
    head = t["head"].format(**fill)
    lines = [head, "=" * len(head), "", t["what"].format(**{**fill, "level": LEVELS[q0.lang][q0.level]}), "",
             t["files"], "-" * len(t["files"])]
    for fmt, names in files.items():
        shown = names if len(names) <= 3 else names[:2] + ["…", names[-1]]
        lines.append(f"- {t['fmt'][fmt]}")
        lines += [f"    {n}" for n in shown]
    needed = sorted({USED_BY[f] for f in files if f in USED_BY} | {5})
    for i in needed:
        name, body = t["sections"][i]
        lines += ["", name, "-" * len(name), body.format(**fill)]
    return "\n".join(lines) + "\n"
