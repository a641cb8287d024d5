"""Lessons live on one machine (issue 20): the lessons as notebooks, `decodia lab`, and the launch button.

The notebooks are plain .ipynb (no jupytext for the learner), with the book's MyST markup written as a
notebook's Markdown; a notebook the learner edited is kept when the lesson changes. `decodia lab`
starts JupyterLab on 127.0.0.1, answers on its port with the first lesson, and stops on Ctrl+C. With a
JupyterHub set, a lesson page built by the book's Sphinx configuration links to that lesson, in that
edition, on the hub.
"""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

from book.lab import HUB_FOLDER, _digest, hub_lesson_url, lesson_notebook, markdown, notebook_path, write_lessons
from core.course import modules
from tests.live import free_port, request

ROOT = Path(__file__).resolve().parent.parent
FIRST = modules()[0]


def test_myst_markup_becomes_notebook_markdown():
    text = ("::::{admonition} In this lesson\n:class: tip\n- {objective}`tokens` Explain tokens.\n::::\n\n"
            ":::{dropdown} To go further: merges\nA {term}`tokenizer` learns. See {term}`BPE <byte-pair encoding>`.\n"
            ":::\n\n:::{on-screen}\nChange the list.\n:::\n\n:::{on-paper}\nThe printed page shows the default.\n:::")
    out = markdown(text, FIRST, "en")
    assert out.splitlines()[:3] == ["> **In this lesson**", ">", "> - Explain tokens."]
    assert "<details>\n<summary>To go further: merges</summary>\n\nA tokenizer learns. See BPE." in out
    assert "Change the list." in out
    assert "printed page" not in out and "{" not in out and ":::" not in out


def test_citations_link_to_their_source_and_the_sources_block_lists_them():
    from core.sources import citation, load_sources

    sources = load_sources(FIRST.sources)
    source = next(s for s in sources if s.link("fr"))
    ident, link = source.id, source.link("fr")
    cited = markdown(f"Un fait {{source}}`{ident}`. Et {{source}}`ces mots <{ident}>`.", FIRST, "fr")
    assert f"([{citation(source, 'fr')}]({link}))" in cited
    assert f"[ces mots]({link})" in cited
    block = markdown(f":::{{sources}}\n{ident}\n:::", FIRST, "fr")
    assert block.startswith("**Sources**") and "Faits vérifiés en" in block
    assert block.count("\n- ") == 1 and f"<{link}>" in block


@pytest.mark.parametrize("lang,level", [("fr", "simple"), ("en", "advanced")])
def test_every_lesson_is_a_valid_notebook_with_its_code_and_no_myst_left(lang, level):
    for module in modules():
        nb = lesson_notebook(module, lang, level)
        nbformat.validate(nb)
        assert nb.metadata.kernelspec.name == "python3" and "jupytext" not in nb.metadata
        code = [c for c in nb.cells if c.cell_type == "code"]
        source = module.lesson(lang, level).read_text(encoding="utf-8")
        assert len(code) == source.count("```{code-cell}")
        assert [c.source for c in code] == [c.source for c in __import__("jupytext").read(
            module.lesson(lang, level), fmt="md:myst").cells if c.cell_type == "code"]
        assert "SelfCheck(" in code[-1].source
        text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
        leftover = re.findall(r"\{[a-z-]+\}`|^:{3,}", text, re.M)
        assert not leftover, f"{module.slug} {lang}/{level}: MyST left in the notebook: {leftover[:3]}"
        if level == "simple":   # the code the simple page hides is folded in the notebook too
            assert all(c.metadata.get("jupyter", {}).get("source_hidden") for c in code)


def test_write_lessons_refreshes_untouched_notebooks_and_keeps_edited_ones(tmp_path):
    done = write_lessons(tmp_path, langs=["en"], levels=["simple"])
    names = sorted(done.written)
    assert names == sorted(notebook_path("en", "simple", m.slug) for m in modules())
    assert write_lessons(tmp_path, langs=["en"], levels=["simple"]).written == []

    untouched, edited = (tmp_path / names[0]), (tmp_path / names[-1])
    for path in (untouched, edited):     # as if the lesson had changed since they were written
        nb = nbformat.read(path, as_version=4)
        nb.cells[0].source = "an older lesson"
        nb.metadata.decodia.cells = _digest(nb.cells)
        nb.metadata.decodia.source = "an-older-lesson"
        if path == edited:
            nb.cells.append(nbformat.v4.new_code_cell("print('my own cell')"))
        nbformat.write(nb, path)
    again = write_lessons(tmp_path, langs=["en"], levels=["simple"])
    assert again.updated == [names[0]] and again.kept == [names[-1]]
    assert "an older lesson" not in untouched.read_text(encoding="utf-8")
    assert "my own cell" in edited.read_text(encoding="utf-8")


def test_decodia_lab_answers_on_its_port_and_stops(tmp_path):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "book.cli", "lab", "--no-browser", "--port", str(port),
                             "--lang", "en", "--level", "simple", "--dir", str(tmp_path)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        address = None
        deadline = time.monotonic() + 90
        while address is None and time.monotonic() < deadline and proc.poll() is None:
            line = proc.stdout.readline()
            found = re.search(r"http://127\.0\.0\.1:\d+/\S+", line)
            address = found.group(0) if found else None
        assert address, f"no address printed:\n{proc.stderr.read() if proc.poll() is not None else ''}"
        assert address.startswith(f"http://127.0.0.1:{port}/lab/tree/{notebook_path('en', 'simple', FIRST.slug)}?token=")
        token = address.split("token=")[1]
        status, model = request(f"http://127.0.0.1:{port}/api/contents/{notebook_path('en', 'simple', FIRST.slug)}",
                                token=token)
        assert status == 200 and model["type"] == "notebook"
        assert request(f"http://127.0.0.1:{port}/api/status")[0] == 403, "JupyterLab answers without its token"
        with urllib.request.urlopen(address, timeout=30) as page:
            assert page.status == 200 and "JupyterLab" in page.read().decode()
        proc.send_signal(signal.SIGINT)                 # Ctrl+C
        assert proc.wait(timeout=30) == 0
        assert request(f"http://127.0.0.1:{port}/api/status", token=token)[0] == 0, "JupyterLab still answers"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()


def test_a_built_lesson_page_launches_that_lesson_on_the_hub(tmp_path, monkeypatch):
    """A tiny edition (the home page and the first lesson, not executed) built by the book's own configuration."""
    import yaml
    from jupyter_book.sphinx import build_sphinx

    from book.editions import Edition

    hub = "https://hub.example.org/"
    edition = Edition("en", "standard")
    monkeypatch.setenv("DECODIA_JUPYTERHUB_URL", hub)      # as `_config.yml`'s launch_buttons.jupyterhub_url
    config = edition.config()
    config["execute"] = {"execute_notebooks": "off"}
    src, out = tmp_path / "src", tmp_path / "html"
    src.mkdir()
    (src / "_config.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    (src / "_toc.yml").write_text(yaml.safe_dump({"format": "jb-book", "root": "index",
                                                  "chapters": [{"file": FIRST.slug}]}), encoding="utf-8")
    (src / "index.md").write_text("# Home\n", encoding="utf-8")
    (src / f"{FIRST.slug}.md").write_text(FIRST.lesson("en", "standard").read_text(encoding="utf-8"), encoding="utf-8")
    status = build_sphinx(str(src), str(out), doctreedir=str(tmp_path / "doctrees"), noconfig=True,
                          path_config=str(src / "_config.yml"), confoverrides={"latex_individualpages": False},
                          quiet=True)
    assert not status, status
    lesson = (out / f"{FIRST.slug}.html").read_text(encoding="utf-8")
    links = re.findall(r'href="(https://hub\.example\.org/[^"]+)"', lesson)
    assert links == [hub_lesson_url(hub, "en", "standard", FIRST.slug)]
    assert links[0] == f"https://hub.example.org/hub/user-redirect/lab/tree/{HUB_FOLDER}/en-standard/{FIRST.slug}.ipynb"
    assert "git-pull" not in lesson, "the theme's nbgitpuller link, to a path that does not exist"
    assert "hub.example.org" not in (out / "index.html").read_text(encoding="utf-8"), "only lessons launch"
