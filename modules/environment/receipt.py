"""The receipt of one answer: the task's tokens counted by a real tokenizer, the energy as the range of
published per-query estimates, then carbon, water and everyday comparisons on a chosen grid."""
from __future__ import annotations

from dataclasses import dataclass

from .grids import Footprint

TOKENIZER = "o200k_base"       # the tokenizer of GPT-4o and later OpenAI models (modules/chatbots/tokens.py)

TASKS = ("question", "summary", "image")

# What the learner sends, and (for text) a typical answer, written for the course.
TEXTS = {
    "fr": {
        "question": ("À quelle heure ferme la bibliothèque municipale le samedi ?",
                     "Le samedi, la bibliothèque municipale ferme habituellement à 17 h. Les heures peuvent changer "
                     "pendant les fêtes : vérifiez sur le site Web de votre ville avant de vous déplacer."),
        "summary": ("Résume ce rapport de 40 pages en 10 lignes pour le conseil d'établissement.",
                    "Le rapport décrit les besoins en locaux de l'école pour les cinq prochaines années. "),
        "image": ("Dessine un logo pour le club de plein air de l'école : une montagne, un canot et un soleil.", ""),
    },
    "en": {
        "question": ("What time does the public library close on Saturdays?",
                     "On Saturdays, the public library usually closes at 5 p.m. Hours may change during the "
                     "holidays: check your city's website before you go."),
        "summary": ("Summarize this 40-page report in 10 lines for the school board.",
                    "The report describes the school's space needs for the next five years. "),
        "image": ("Draw a logo for the school's outdoor club: a mountain, a canoe and a sun.", ""),
    },
}

# One page of the report to summarize (counted by the tokenizer, then multiplied by the pages).
REPORT_PAGE = {
    "fr": ("L'école accueille aujourd'hui 640 élèves répartis dans 28 classes. Selon les prévisions du centre de "
           "services scolaire, elle pourrait en accueillir 710 dans cinq ans. Trois locaux servent déjà de classes "
           "alors qu'ils étaient prévus pour la musique, la bibliothèque et le service de garde. Le comité propose "
           "trois options : agrandir l'aile est, installer deux classes modulaires dans la cour, ou partager des "
           "locaux avec l'école secondaire voisine. Chaque option est décrite avec ses coûts, ses délais et ses "
           "effets sur la vie de l'école. L'agrandissement coûterait le plus cher, mais il durerait le plus "
           "longtemps. Les classes modulaires seraient prêtes en un an, mais elles réduiraient la cour de récréation. "
           "Le partage de locaux ne coûterait presque rien, mais il demanderait des déplacements aux élèves et une "
           "entente entre les deux directions. Le comité a consulté les enseignantes, les enseignants, le personnel "
           "de soutien et les parents au printemps. La plupart des personnes consultées préfèrent l'agrandissement, "
           "à condition que les travaux se fassent pendant l'été. Le rapport recommande aussi de revoir l'horaire "
           "du gymnase et de la bibliothèque dès l'an prochain, sans attendre la fin des travaux. "),
    "en": ("The school has 640 students today in 28 classes. According to the school service centre's forecasts, it "
           "could have 710 in five years. Three rooms already serve as classrooms although they were meant for music, "
           "the library and the daycare service. The committee proposes three options: extend the east wing, put two "
           "modular classrooms in the yard, or share rooms with the high school next door. Each option is described "
           "with its costs, its delays and its effects on school life. The extension would cost the most, but it "
           "would last the longest. The modular classrooms would be ready in a year, but they would shrink the "
           "playground. Sharing rooms would cost almost nothing, but students would have to move between buildings "
           "and the two principals would need an agreement. The committee consulted teachers, support staff and "
           "parents in the spring. Most of the people consulted prefer the extension, provided the work is done in "
           "the summer. The report also recommends reviewing the gym and library schedules next year, without "
           "waiting for the end of the work. "),
}
REPORT_PAGES = 40


@dataclass(frozen=True)
class Estimate:
    """One published estimate of the electricity of one task."""
    who: str
    wh: float
    source: str
    what: str          # key of a message in widgets/environment.py: what was counted


# Published per-query estimates, by task. Keep the disagreement: each row is one publisher's figure.
ESTIMATES = {
    "question": (
        Estimate("Google", 0.24, "google-2025", "median"),           # median Gemini Apps text prompt, May 2025
        Estimate("Epoch AI", 0.3, "epoch-2025", "typical"),          # typical GPT-4o query, independent estimate
        Estimate("OpenAI", 0.34, "openai-2025", "average"),          # "average query", Sam Altman, June 2025
    ),
    "summary": (
        Estimate("Epoch AI", 2.5, "epoch-2025", "long-input"),       # a query that reads about 10 000 tokens
    ),
    "image": (
        Estimate("Luccioni et al.", 2.907, "luccioni-2024", "image-mean"),     # Table 2: mean, kWh per 1,000 images
        Estimate("Luccioni et al.", 11.49, "luccioni-2024", "image-worst"),    # the least efficient image model
    ),
}
LONG_INPUT_TOKENS = 10_000      # the input length of Epoch AI's long-input estimate (epoch-2025)


def count_tokens(text: str) -> int:
    from modules.chatbots.tokens import production_count

    return production_count(text, TOKENIZER) if text else 0


@dataclass(frozen=True)
class Receipt:
    task: str
    lang: str
    grid: str
    prompt_tokens: int        # what the learner sends (with the report, for a summary)
    answer_tokens: int        # the answer written (0 for an image)
    estimates: tuple[Estimate, ...]

    @property
    def low(self) -> Footprint:
        return Footprint(min(e.wh for e in self.estimates), self.grid)

    @property
    def high(self) -> Footprint:
        return Footprint(max(e.wh for e in self.estimates), self.grid)

    @property
    def single(self) -> bool:
        return len({e.wh for e in self.estimates}) == 1


def page_tokens(lang: str) -> int:
    return count_tokens(REPORT_PAGE[lang])


def receipt(task: str, lang: str, grid: str = "quebec") -> Receipt:
    if task not in TASKS:
        raise ValueError(f"unknown task {task!r}: expected one of {', '.join(TASKS)}")
    prompt, answer = TEXTS[lang][task]
    sent = count_tokens(prompt)
    if task == "summary":
        sent += REPORT_PAGES * page_tokens(lang)
        answer = answer * 10            # about ten lines
    return Receipt(task, lang, grid, sent, count_tokens(answer), ESTIMATES[task])
