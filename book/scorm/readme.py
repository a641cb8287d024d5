"""The teacher README of a SCORM package, in the lesson's language: what the package holds, how to add it as an
activity in Moodle, Brightspace and Canvas, and where the grade appears.

Its words are messages of the catalogs (`core.i18n`): one message a paragraph, a platform's numbered steps in
one. The code adds the Markdown headings, the platforms' names (not translated) and the list of the lessons.

The menu names are the ones these platforms' help pages give (Moodle: docs.moodle.org, "SCORM activity";
Canvas: Instructure's "SCORM" course navigation tool, community.canvaslms.com; Brightspace: D2L's Content tool);
a school's platform may be set up differently, which the text says.
"""
from __future__ import annotations

from core.formats import number
from core.i18n import NP_, gettext, pgettext

# How the README names a reading level, in a sentence (the same messages as the assignment pack's README).
LEVEL_WORDS = {"simple": NP_("a reading level, in a sentence", "easy reading"),
               "standard": NP_("a reading level, in a sentence", "standard"),
               "advanced": NP_("a reading level, in a sentence", "in depth")}


def _what(lang: str, lessons: int, version: str, level: str) -> str:
    """What the package is: one lesson, or the lessons of an edition."""
    if lessons == 1:
        return gettext(lang, "This .zip file is a SCORM {version} package: the *Decoding AI* lesson ({level}), with "
                             "its self-check, ready to add as an activity in Moodle, Brightspace or Canvas. The page "
                             "asks nothing of any other site. When the student clicks \"Check my answers\", the "
                             "score reaches the platform's gradebook, with each answer. The platform keeps the "
                             "student's answers: they are there again at the next visit.",
                       version=version, level=level)
    return gettext(lang, "This .zip file is a SCORM {version} package: the lessons of *Decoding AI* ({level}), each "
                         "with its self-check, ready to add as an activity in Moodle, Brightspace or Canvas. The "
                         "pages ask nothing of any other site. When the student clicks \"Check my answers\", the "
                         "score reaches the platform's gradebook, with each answer. The platform keeps the "
                         "student's answers: they are there again at the next visit.",
                   version=version, level=level)


def _passing(lang: str, mastery: float | None) -> str:
    """The passing score, and the status the platform records."""
    if mastery is None:
        return gettext(lang, "No passing score: the platform records \"completed\" as soon as the student has "
                             "checked the answers. For a passing score, make the package again with --mastery 60, "
                             "for example.")
    return gettext(lang, "Passing score: {mastery}%. Below it, the platform records \"failed\"; from it up, "
                         "\"passed\".", mastery=number(mastery, lang))


def _score(lang: str, version: str, shown: str) -> str:
    """How SCORM `version` (`shown` as the reader reads it) sends the score, and the answers."""
    if version == "2004":
        return gettext(lang, "The score: SCORM {version} sends it in points (raw score out of the maximum) and as a "
                             "proportion (0 to 1). Each question is also sent as an \"interaction\": its number, the "
                             "student's answer and whether it is right.", version=shown)
    return gettext(lang, "The score: SCORM {version} sends it as a percentage (0 to 100). Each question is also "
                         "sent as an \"interaction\": its number, the student's answer and whether it is right.",
                   version=shown)


def _platforms(lang: str) -> list[tuple[str, str, str]]:
    """Each platform: its name, the steps that add the package, and where the grade and the answers appear."""
    return [
        ("Moodle",
         gettext(lang, "1. In the course, turn editing on.\n"
                       "2. In a section, choose \"Add an activity or resource\", then \"SCORM package\".\n"
                       "3. Drop this .zip file into \"Package file\", give a name, then save.\n"
                       "4. In the grade settings, choose how attempts count (for example, the best one)."),
         gettext(lang, "The score appears in the course gradebook (\"Grades\"). Each answer is in the activity's "
                       "\"Reports\" tab.")),
        ("Brightspace (D2L)",
         gettext(lang, "1. Open the course's \"Content\" tool and choose a module.\n"
                       "2. Add a SCORM object: depending on the Brightspace version, the menu is \"Upload / "
                       "Create\" or \"Add Existing\", then \"SCORM/xAPI\".\n"
                       "3. Upload this .zip file, then link the activity to a grade item."),
         gettext(lang, "The score appears in the \"Grades\" tool, under the linked item. The answers are in the "
                       "SCORM object's reports.")),
        ("Canvas",
         gettext(lang, "1. In the course navigation, open \"SCORM\". If the link is missing, the school's Canvas "
                       "administrator must turn the SCORM tool on.\n"
                       "2. Upload this .zip file and choose to import it as a graded assignment.\n"
                       "3. Publish the assignment it creates."),
         gettext(lang, "The score appears in the gradebook (\"Grades\"), in that assignment's column.")),
    ]


def readme(lang: str, level: str, title: str, items: list[str], version: str, mastery: float | None) -> tuple[str, str]:
    """(file name, Markdown text) of the teacher README of a package: `title` is the package's, `items` the titles
    of its lessons."""
    name = pgettext(lang, "the file name of a SCORM package's teacher README", "README.md")
    shown = gettext(lang, "2004 (4th Edition)") if version == "2004" else version
    level_words = pgettext(lang, "a reading level, in a sentence", LEVEL_WORDS[level])
    parts = ["# " + gettext(lang, "SCORM activity: {title}", title=title),
             _what(lang, len(items), shown, level_words)]
    if len(items) > 1:
        parts.append(gettext(lang, "The package holds one activity per module:") + "\n\n"
                     + "\n".join(f"- {item}" for item in items))
    parts += [_passing(lang, mastery), _score(lang, version, shown)]
    parts += [f"## {platform}\n\n{steps}\n\n{grade}" for platform, steps, grade in _platforms(lang)]
    parts.append("## " + gettext(lang, "Check before the students do") + "\n\n"
                 + gettext(lang, "Open the activity with a test student account, answer, click \"Check my answers\", "
                                 "then close the activity: the score must appear in the gradebook. Menus change from "
                                 "one version of these platforms to the next, and every school sets them up its own "
                                 "way."))
    return name, "\n\n".join(parts) + "\n"
