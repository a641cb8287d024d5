"""The teacher README of a SCORM package, in the lesson's language: what the package holds, how to add it as an
activity in Moodle, Brightspace and Canvas, and where the grade appears.

The menu names are the ones these platforms' help pages give (Moodle: docs.moodle.org, "SCORM activity";
Canvas: Instructure's "SCORM" course navigation tool, community.canvaslms.com; Brightspace: D2L's Content tool);
a school's platform may be set up differently, which the text says.
"""
from __future__ import annotations

TEXTS = {
    "fr": {
        "file": "LISEZMOI.md",
        "title": "# Activité SCORM : {title}",
        "what": ("Ce fichier .zip est un paquet SCORM {version} : la leçon de *Décoder l'IA* ({level}), avec son "
                 "autoévaluation, prête à ajouter comme activité dans Moodle, Brightspace ou Canvas. La page ne "
                 "demande rien à un autre site. Quand l'élève clique sur « Vérifier mes réponses », la note arrive "
                 "dans le carnet de notes de la plateforme, avec chaque réponse. La plateforme garde aussi ses "
                 "réponses : l'élève les retrouve à sa prochaine visite."),
        "items": "Le paquet contient une activité par module :",
        "many": ("Ce fichier .zip est un paquet SCORM {version} : les leçons de *Décoder l'IA* ({level}), chacune avec "
                 "son autoévaluation, prêtes à ajouter comme activités dans Moodle, Brightspace ou Canvas. Les pages ne "
                 "demandent rien à un autre site. Quand l'élève clique sur « Vérifier mes réponses », la note arrive "
                 "dans le carnet de notes de la plateforme, avec chaque réponse. La plateforme garde aussi ses "
                 "réponses : l'élève les retrouve à sa prochaine visite."),
        "mastery": ("Note de passage : {mastery} %. Sous cette note, la plateforme inscrit « échec » (failed). À "
                    "partir de cette note, elle inscrit « réussite » (passed)."),
        "no_mastery": ("Aucune note de passage : la plateforme inscrit « terminé » (completed) dès que l'élève a "
                       "vérifié ses réponses. Pour une note de passage, refaites le paquet avec --mastery 60, par "
                       "exemple."),
        "score": ("La note : SCORM {version} l'envoie {score_form}. Chaque question est aussi envoyée comme une "
                  "« interaction » : son numéro, la réponse de l'élève et si elle est juste."),
        "score12": "en pourcentage (de 0 à 100)",
        "score2004": "en points (note brute sur le maximum) et en proportion (de 0 à 1)",
        "moodle": ("## Moodle\n\n"
                   "1. Dans le cours, activez le mode édition.\n"
                   "2. Dans une section, choisissez « Ajouter une activité ou ressource », puis « Paquetage "
                   "SCORM ».\n"
                   "3. Déposez ce fichier .zip dans le champ du paquetage, donnez un nom, puis enregistrez.\n"
                   "4. Dans les réglages de la note, choisissez comment les tentatives comptent (par exemple, la "
                   "meilleure).\n\n"
                   "La note paraît dans le carnet de notes du cours (« Notes »). Le détail des réponses est dans "
                   "l'activité, onglet « Rapports »."),
        "brightspace": ("## Brightspace (D2L)\n\n"
                        "1. Ouvrez l'outil « Contenu » du cours et choisissez un module.\n"
                        "2. Ajoutez un objet SCORM : selon la version de Brightspace, le menu s'appelle "
                        "« Téléverser/Créer » ou « Ajouter un élément existant », puis « SCORM/xAPI ».\n"
                        "3. Téléversez ce fichier .zip, puis associez l'activité à un élément du carnet de notes.\n\n"
                        "La note paraît dans l'outil « Notes », sous l'élément associé. Les réponses sont dans les "
                        "rapports de l'objet SCORM."),
        "canvas": ("## Canvas\n\n"
                   "1. Dans la navigation du cours, ouvrez « SCORM ». Si ce lien manque, l'administrateur de "
                   "Canvas de l'école doit activer l'outil SCORM.\n"
                   "2. Téléversez ce fichier .zip et choisissez de l'importer comme devoir noté.\n"
                   "3. Publiez le devoir créé.\n\n"
                   "La note paraît dans le carnet de notes (« Notes »), dans la colonne de ce devoir."),
        "check": ("## Vérifier avant les élèves\n\n"
                  "Ouvrez l'activité avec un compte d'élève test, répondez, cliquez sur « Vérifier mes réponses », "
                  "puis fermez l'activité : la note doit paraître dans le carnet de notes. Les menus peuvent changer "
                  "d'une version à l'autre de ces plateformes, et chaque école les règle à sa façon."),
        "levels": {"simple": "lecture facile", "standard": "standard", "advanced": "approfondi"},
    },
    "en": {
        "file": "README.md",
        "title": "# SCORM activity: {title}",
        "what": ("This .zip file is a SCORM {version} package: the *Decoding AI* lesson ({level}), with its "
                 "self-check, ready to add as an activity in Moodle, Brightspace or Canvas. The page asks nothing "
                 "of any other site. When the student clicks \"Check my answers\", the score reaches the "
                 "platform's gradebook, with each answer. The platform keeps the student's answers: they are "
                 "there again at the next visit."),
        "items": "The package holds one activity per module:",
        "many": ("This .zip file is a SCORM {version} package: the lessons of *Decoding AI* ({level}), each with its "
                 "self-check, ready to add as an activity in Moodle, Brightspace or Canvas. The pages ask nothing "
                 "of any other site. When the student clicks \"Check my answers\", the score reaches the "
                 "platform's gradebook, with each answer. The platform keeps the student's answers: they are "
                 "there again at the next visit."),
        "mastery": ("Passing score: {mastery}%. Below it, the platform records \"failed\"; from it up, "
                    "\"passed\"."),
        "no_mastery": ("No passing score: the platform records \"completed\" as soon as the student has checked "
                       "the answers. For a passing score, make the package again with --mastery 60, for example."),
        "score": ("The score: SCORM {version} sends it {score_form}. Each question is also sent as an "
                  "\"interaction\": its number, the student's answer and whether it is right."),
        "score12": "as a percentage (0 to 100)",
        "score2004": "in points (raw score out of the maximum) and as a proportion (0 to 1)",
        "moodle": ("## Moodle\n\n"
                   "1. In the course, turn editing on.\n"
                   "2. In a section, choose \"Add an activity or resource\", then \"SCORM package\".\n"
                   "3. Drop this .zip file into \"Package file\", give a name, then save.\n"
                   "4. In the grade settings, choose how attempts count (for example, the best one).\n\n"
                   "The score appears in the course gradebook (\"Grades\"). Each answer is in the activity's "
                   "\"Reports\" tab."),
        "brightspace": ("## Brightspace (D2L)\n\n"
                        "1. Open the course's \"Content\" tool and choose a module.\n"
                        "2. Add a SCORM object: depending on the Brightspace version, the menu is \"Upload / "
                        "Create\" or \"Add Existing\", then \"SCORM/xAPI\".\n"
                        "3. Upload this .zip file, then link the activity to a grade item.\n\n"
                        "The score appears in the \"Grades\" tool, under the linked item. The answers are in the "
                        "SCORM object's reports."),
        "canvas": ("## Canvas\n\n"
                   "1. In the course navigation, open \"SCORM\". If the link is missing, the school's Canvas "
                   "administrator must turn the SCORM tool on.\n"
                   "2. Upload this .zip file and choose to import it as a graded assignment.\n"
                   "3. Publish the assignment it creates.\n\n"
                   "The score appears in the gradebook (\"Grades\"), in that assignment's column."),
        "check": ("## Check before the students do\n\n"
                  "Open the activity with a test student account, answer, click \"Check my answers\", then close "
                  "the activity: the score must appear in the gradebook. Menus change from one version of these "
                  "platforms to the next, and every school sets them up its own way."),
        "levels": {"simple": "easy reading", "standard": "standard", "advanced": "in depth"},
    },
}


def readme(lang: str, level: str, title: str, items: list[str], version: str, mastery: float | None) -> tuple[str, str]:
    """(file name, Markdown text) of the teacher README of a package."""
    t = TEXTS[lang]
    shown_version = "2004 (4th Edition)" if version == "2004" else version
    if lang == "fr":
        shown_version = "2004 (4e édition)" if version == "2004" else version
    mastery_text = f"{mastery:g}".replace(".", ",") if lang == "fr" and mastery is not None else (
        f"{mastery:g}" if mastery is not None else "")
    parts = [t["title"].format(title=title),
             t["what" if len(items) == 1 else "many"].format(version=shown_version, level=t["levels"][level])]
    if len(items) > 1:
        parts.append(t["items"] + "\n\n" + "\n".join(f"- {i}" for i in items))
    parts.append(t["mastery"].format(mastery=mastery_text) if mastery is not None else t["no_mastery"])
    parts.append(t["score"].format(version=shown_version, score_form=t["score2004" if version == "2004" else "score12"]))
    parts += [t["moodle"], t["brightspace"], t["canvas"], t["check"]]
    return t["file"], "\n\n".join(parts) + "\n"
