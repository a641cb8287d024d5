"""Live lessons on a real JupyterHub (issue 20), all on 127.0.0.1, bounded, stopping by themselves.

JupyterHub from PyPI and configurable-http-proxy from npm (tests/browser/package.json) start on free ports
with the dummy authenticator and the simple local-process spawner (tests/live.py). A learner logs in
through the hub's API, the hub spawns their server (configured as the user image configures it, so it
writes the lessons into the learner's home), the book's launch address of the first lesson leads to it,
and every cell of the lesson runs in a kernel of that server: the demos show their live widget face.
"""
from __future__ import annotations

import os

import pytest

from book.lab import HUB_FOLDER, hub_lesson_url, notebook_path
from core.course import modules
from tests.conftest import in_own_thread
from tests.live import LocalHub, RemoteKernel, request

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def test_a_learner_runs_a_lesson_on_a_real_hub(tmp_path):
    in_own_thread(_a_learner_runs_a_lesson, tmp_path)     # the kernel client runs its own asyncio loop


def _a_learner_runs_a_lesson(tmp_path):
    first = modules()[0]
    path = f"{HUB_FOLDER}/{notebook_path('fr', 'simple', first.slug)}"
    with LocalHub(tmp_path) as hub:
        with pytest.raises(PermissionError):
            hub.login("learner", "not-the-password")
        token = hub.login("learner")
        server = hub.start_server("learner", token)

        # the book's launch button: the hub's login form, then the lesson in JupyterLab on the learner's server
        with hub.open_as_browser(hub_lesson_url(hub.url, "fr", "simple", first.slug), "learner") as page:
            assert page.status == 200
            assert page.url == f"{hub.url}/user/learner/lab/tree/{path}", page.url
            assert "JupyterLab" in page.read().decode("utf-8", "replace")

        # the lesson is a notebook on the server (written there when the server started)
        status, model = request(f"{server}/api/contents/{path}", token=token)
        assert status == 200 and model["type"] == "notebook", (status, hub.log_tail())
        code = [c["source"] for c in model["content"]["cells"] if c["cell_type"] == "code"]
        assert code, "the lesson has no code cell"

        with RemoteKernel(server, token, path) as kernel:
            outputs = [kernel.execute(source) for source in code]
        errors = [f"cell {i}: {o['ename']}: {o['evalue']}" for i, out in enumerate(outputs, 1) for o in out
                  if o["output_type"] == "error"]
        assert not errors, errors
        views = [o for out in outputs for o in out if WIDGET_VIEW in o.get("data", {})]
        # each demo of module.yaml shows its live face, and so does the self-check at the end
        assert len(views) >= len(first.demos) + 1, f"{len(views)} widget views for {len(first.demos)} demos"
        assert all(v["data"][WIDGET_VIEW].get("model_id") for v in views)
        assert WIDGET_VIEW in str(outputs[-1]), "the self-check is not the live quiz"

        hub.stop_server("learner", token)
        assert request(server + "/api/status", token=token)[0] != 200
    assert request(f"{hub.url}/hub/api")[0] == 0, "the proxy still answers after the test"
    assert hub.proc.returncode is not None
    with pytest.raises(ProcessLookupError):     # nothing of the hub's process group is left
        os.killpg(hub.proc.pid, 0)
