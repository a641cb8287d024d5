"""The JupyterHub deployment (deploy/jupyterhub/), as far as it can be tested without Docker or Kubernetes.

No Docker on the test machines: the image's recipe is tested in its parts. `pip install .` of the
repository (a wheel, not the editable install of the tests) holds every lesson and writes them as
notebooks from the installed package, as the image's server does at start; the Dockerfile, the
Zero to JupyterHub config.yaml and the Jupyter server configuration agree with each other and with
the project (the lessons' folder, the user's uid, the JupyterHub version, the image's tag). The real
hub of tests/test_hub.py runs with the same server configuration file.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml

from book.lab import HUB_FOLDER, notebook_path
from core.course import modules

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy" / "jupyterhub"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _pin(requirements: list[str], name: str) -> str:
    return next(r.split("==")[1] for r in requirements if r.split("==")[0].strip().lower() == name)


def test_pip_install_of_the_repository_writes_every_lesson_from_the_installed_package(tmp_path):
    files = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                           capture_output=True, check=True).stdout.decode().split("\0")
    source = tmp_path / "decodia"
    for name in filter(None, files):
        if (ROOT / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            (source / name).write_bytes((ROOT / name).read_bytes())
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run(pip + ["wheel", "--no-deps", "--no-build-isolation", "-w", str(tmp_path / "dist"), str(source)],
                   check=True, capture_output=True, timeout=120)
    wheel = next((tmp_path / "dist").glob("decodia-*.whl"))
    subprocess.run(pip + ["install", "--no-deps", "--target", str(tmp_path / "site"), str(wheel)],
                   check=True, capture_output=True, timeout=120)
    script = ("import json, sys, book.lab\n"
              "from pathlib import Path\n"
              "done = book.lab.write_lessons(Path(sys.argv[1]))\n"
              "print(json.dumps({'from': book.lab.__file__, 'written': done.written,\n"
              "                  'extension': book.lab._jupyter_server_extension_points()}))\n")
    run = subprocess.run([sys.executable, "-c", script, str(tmp_path / "home" / HUB_FOLDER)], cwd=tmp_path,
                         env={"PYTHONPATH": str(tmp_path / "site"), "PATH": "/usr/bin:/bin"},
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert report["from"].startswith(str(tmp_path / "site")), "the test ran the working tree, not the installed package"
    expected = {notebook_path(lang, level, m.slug) for m in modules()
                for lang in ("fr", "en") for level in ("simple", "standard", "advanced")}
    assert set(report["written"]) == expected
    assert report["extension"] == [{"module": "book.lab"}]
    # `decodia lab`'s JupyterLab configuration, which the image copies too, is in the package
    assert (tmp_path / "site" / "book" / "jupyter" / "labconfig" / "page_config.json").exists()


def test_the_image_installs_the_project_and_configures_its_server():
    dockerfile = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r'pip install "/tmp/decodia\[hub\]"', dockerfile)
    assert "hub" in PYPROJECT["project"]["optional-dependencies"]
    copy = re.search(r"^COPY deploy/jupyterhub/jupyter_server_config\.json (\S+)$", dockerfile, re.M)
    # the same place, under a Jupyter configuration folder, as tests/live.py gives the real hub's servers
    assert copy and copy.group(1) == "/etc/jupyter/jupyter_server_config.d/decodia.json"
    lab = re.search(r"^COPY (book/jupyter/labconfig/page_config\.json) (\S+)$", dockerfile, re.M)
    assert lab and (ROOT / lab.group(1)).exists() and lab.group(2) == "/etc/jupyter/labconfig/page_config.json"
    base = re.search(r"^ARG BASE=python:(\d+)\.(\d+)-", dockerfile, re.M)
    assert base and (int(base.group(1)), int(base.group(2))) == (3, 11)
    assert re.search(r"^USER 1000$", dockerfile, re.M) and "--uid 1000 --gid 100" in dockerfile
    ignored = (DEPLOY / "Dockerfile.dockerignore").read_text(encoding="utf-8").split()
    assert {".git", ".venv", "_build"} <= set(ignored)

    server = json.loads((DEPLOY / "jupyter_server_config.json").read_text(encoding="utf-8"))
    assert server["ServerApp"]["jpserver_extensions"] == {"book.lab": True}
    assert server["DecodiaLessons"]["folder"] == HUB_FOLDER
    assert server["LabApp"]["news_url"] is None and server["LabApp"]["extension_manager"] == "readonly"


def test_the_hub_configuration_matches_the_image_and_the_project():
    text = (DEPLOY / "config.yaml").read_text(encoding="utf-8")
    config = yaml.safe_load(text)
    user = config["singleuser"]
    assert user["uid"] == 1000 and user["fsGid"] == 100
    assert user["defaultUrl"] == f"/lab/tree/{HUB_FOLDER}"
    assert user["image"]["tag"] == PYPROJECT["project"]["version"]
    assert user["cmd"] == "jupyterhub-singleuser"
    assert user["memory"]["guarantee"] and user["memory"]["limit"] and user["cpu"]["limit"]
    assert config["cull"]["enabled"] and 0 < config["cull"]["timeout"] <= 3600
    hub_pin = _pin(PYPROJECT["project"]["optional-dependencies"]["hub"], "jupyterhub")
    chart = re.search(r"Helm chart `jupyterhub` (\S+), JupyterHub (\S+)\)", text)
    assert chart and chart.group(2) == hub_pin, "the image's jupyterhub must be the chart's hub version"
    readme = (DEPLOY / "README.md").read_text(encoding="utf-8")
    assert f"--version {chart.group(1)}" in readme and hub_pin in readme


def test_the_project_validates_without_jsonschemas_slow_optional_iri_checker():
    """JupyterLab's server brings `rfc3987_syntax`, which costs every validating process 1.6 s (core/schema.py)."""
    script = ("import sys\n"
              "from core.course import modules\n"
              "modules()\n"
              "print('rfc3987_syntax' in sys.modules, 'jsonschema' in sys.modules)\n")
    run = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.stdout.split() == ["False", "True"], run.stderr
