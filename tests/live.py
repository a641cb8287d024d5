"""A real JupyterHub on 127.0.0.1 for the tests and the benchmarks, and a kernel driven through a Jupyter server.

    with LocalHub(tmp) as hub:                       # jupyterhub from PyPI, configurable-http-proxy from npm
        token = hub.login("learner")                 # the hub's API: username and password -> a token
        server = hub.start_server("learner", token)  # the hub spawns the learner's server (local process)
        with RemoteKernel(server, token, "decodia/fr-simple/chatbots.ipynb") as kernel:
            outputs = kernel.execute("1 + 1")

The hub uses the dummy authenticator and the simple local-process spawner, on free ports; each learner's
server reads the user image's Jupyter server configuration (deploy/jupyterhub/jupyter_server_config.json),
so it writes the lessons into its home as it does on the school's hub. Everything stops on exit: the hub
stops the servers and the proxy, then itself; whatever is left of the process group is killed.
"""
from __future__ import annotations

import asyncio
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHP = ROOT / "tests" / "browser" / "node_modules" / ".bin" / "configurable-http-proxy"
SERVER_CONFIG = ROOT / "deploy" / "jupyterhub" / "jupyter_server_config.json"
LAB_CONFIG = ROOT / "book" / "jupyter" / "labconfig" / "page_config.json"
PASSWORD = "a-test-password"


def _die_with_parent() -> None:
    """The hub stops (and stops its servers and proxy) when the test or benchmark that started it dies, however."""
    from book.lab import _die_with_parent as on_linux

    on_linux()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(url: str, method: str = "GET", body=None, token: str | None = None, timeout: float = 10.0):
    """(status, JSON or None) of one HTTP request; errors are answers too."""
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", f"token {token}")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            raw = r.read()
            return r.status, (json.loads(raw) if raw.strip() else None)
    except urllib.error.HTTPError as e:
        return e.code, None
    except (urllib.error.URLError, OSError):
        return 0, None


def wait_until(check, timeout: float, what: str, interval: float = 0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(interval)
    raise TimeoutError(f"{what}: not within {timeout:.0f} s")


def process_tree(root_pid: int) -> dict[int, tuple[str, int]]:
    """Every process under `root_pid` (itself included): pid -> (command line, resident memory in bytes), from /proc."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    tree, todo = {}, [root_pid]
    while todo:
        pid = todo.pop()
        try:
            cmd = (Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace"))
            rss = next(int(line.split()[1]) * 1024 for line in Path(f"/proc/{pid}/status").read_text().splitlines()
                       if line.startswith("VmRSS:"))
        except (OSError, StopIteration):
            continue
        tree[pid] = (cmd, rss)
        todo += [child for child, parent in parents.items() if parent == pid]
    return tree


class LocalHub:
    def __init__(self, folder: Path, users=("learner",), start_timeout: float = 120.0):
        self.folder, self.users, self.start_timeout = Path(folder), list(users), start_timeout
        self.port, self.hub_port, self.api_port = free_port(), free_port(), free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None
        self.log = self.folder / "jupyterhub.log"

    def config(self) -> str:
        jupyter_config = self.folder / "jupyter-config"       # where the Dockerfile puts it, under /etc/jupyter
        (jupyter_config / "jupyter_server_config.d").mkdir(parents=True, exist_ok=True)
        shutil.copy(SERVER_CONFIG, jupyter_config / "jupyter_server_config.d" / "decodia.json")
        (jupyter_config / "labconfig").mkdir(exist_ok=True)
        shutil.copy(LAB_CONFIG, jupyter_config / "labconfig" / "page_config.json")
        args = ["--ServerApp.allow_root=True"] if os.geteuid() == 0 else []   # CI runs as root
        return "\n".join([
            "c = get_config()  # noqa",
            "c.JupyterHub.ip = '127.0.0.1'",
            f"c.JupyterHub.port = {self.port}",
            "c.JupyterHub.hub_ip = '127.0.0.1'",
            f"c.JupyterHub.hub_port = {self.hub_port}",
            f"c.ConfigurableHTTPProxy.api_url = 'http://127.0.0.1:{self.api_port}'",
            f"c.ConfigurableHTTPProxy.command = [{str(CHP)!r}]",
            f"c.ConfigurableHTTPProxy.pid_file = {str(self.folder / 'proxy.pid')!r}",
            f"c.JupyterHub.db_url = 'sqlite:///{self.folder / 'jupyterhub.sqlite'}'",
            f"c.JupyterHub.cookie_secret_file = {str(self.folder / 'cookie_secret')!r}",
            "c.JupyterHub.authenticator_class = 'dummy'",
            f"c.DummyAuthenticator.password = {PASSWORD!r}",
            f"c.Authenticator.allowed_users = {set(self.users)!r}",
            "c.JupyterHub.spawner_class = 'simple'",
            f"c.SimpleLocalProcessSpawner.home_dir_template = {str(self.folder / 'home' / '{username}')!r}",
            f"c.Spawner.cmd = [{sys.executable!r}, '-m', 'jupyterhub.singleuser']",
            f"c.Spawner.args = {args!r}",
            "c.Spawner.ip = '127.0.0.1'",
            "c.Spawner.default_url = '/lab'",
            f"c.Spawner.environment = {{'JUPYTER_CONFIG_PATH': {str(jupyter_config)!r}}}",
            f"c.Spawner.start_timeout = {int(self.start_timeout)}",
            f"c.Spawner.http_timeout = {int(self.start_timeout)}",
            "c.JupyterHub.cleanup_servers = True",
            "c.JupyterHub.cleanup_proxy = True",
        ]) + "\n"

    def __enter__(self) -> "LocalHub":
        if not CHP.exists():
            raise FileNotFoundError(f"{CHP} is missing: run `cd tests/browser && npm ci`")
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / "jupyterhub_config.py").write_text(self.config(), encoding="utf-8")
        env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
        with open(self.log, "wb") as log:
            self.proc = subprocess.Popen([sys.executable, "-m", "jupyterhub", "-f", "jupyterhub_config.py"],
                                         cwd=self.folder, stdout=log, stderr=subprocess.STDOUT, env=env,
                                         start_new_session=True, preexec_fn=_die_with_parent)
        try:
            wait_until(lambda: self._alive() and request(f"{self.url}/hub/api")[0] == 200, self.start_timeout,
                       "JupyterHub answering on its port")
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def _alive(self) -> bool:
        if self.proc.poll() is not None:
            raise RuntimeError(f"JupyterHub exited ({self.proc.returncode}):\n{self.log_tail()}")
        return True

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:]) \
            if self.log.exists() else ""

    def login(self, user: str, password: str = PASSWORD) -> str:
        """Log in through the hub's REST API (the authenticator checks the password); returns an API token."""
        status, body = request(f"{self.url}/hub/api/users/{user}/tokens", "POST",
                               {"auth": {"username": user, "password": password}, "note": "decodia test",
                                "expires_in": 3600})
        if status != 201 or not body:
            raise PermissionError(f"login of {user} refused ({status})")
        return body["token"]

    def open_as_browser(self, url: str, user: str, password: str = PASSWORD):
        """Follow `url` as a browser does, logging in on the hub's form when asked: the response at the end."""
        import http.cookiejar
        import re
        from urllib.parse import urlencode

        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        page = opener.open(url, timeout=30)
        if "/hub/login" in page.url:
            form = page.read().decode("utf-8", "replace")
            xsrf = re.search(r'name="_xsrf"\s+value="([^"]+)"', form)
            fields = {"username": user, "password": password, **({"_xsrf": xsrf.group(1)} if xsrf else {})}
            page = opener.open(urllib.request.Request(page.url, data=urlencode(fields).encode(), method="POST"),
                               timeout=self.start_timeout)
        return page

    def start_server(self, user: str, token: str) -> str:
        """Ask the hub to spawn the user's server; return its address through the proxy once it is ready."""
        status, _ = request(f"{self.url}/hub/api/users/{user}/server", "POST", {}, token, timeout=self.start_timeout)
        if status not in (201, 202):
            raise RuntimeError(f"spawn of {user}'s server refused ({status}):\n{self.log_tail()}")

        def ready():
            self._alive()
            _, model = request(f"{self.url}/hub/api/users/{user}", token=token)
            server = (model or {}).get("servers", {}).get("")
            return server and server.get("ready") and f"{self.url}{server['url'].rstrip('/')}"

        return wait_until(ready, self.start_timeout, f"{user}'s server ready", interval=0.1)

    def stop_server(self, user: str, token: str) -> None:
        request(f"{self.url}/hub/api/users/{user}/server", "DELETE", None, token)
        wait_until(lambda: not (request(f"{self.url}/hub/api/users/{user}", token=token)[1] or {})
                   .get("servers"), 30, f"{user}'s server stopped")

    def __exit__(self, *exc) -> None:
        if self.proc is None:
            return
        spawned = {pid: cmd for pid, (cmd, _) in process_tree(self.proc.pid).items()   # proxy, servers, kernels
                   if pid != self.proc.pid}
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)        # the hub stops the servers and the proxy, then exits
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                pass
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)     # our own process group only: anything left behind
        except (ProcessLookupError, PermissionError):
            pass
        self.proc.wait()
        for pid, cmd in spawned.items():                 # whatever the hub did not stop (each in its own session),
            try:                                         # if that pid is still the same process
                if Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace") == cmd:
                    os.kill(pid, signal.SIGKILL)
            except (OSError, ProcessLookupError):
                pass


class RemoteKernel:
    """A notebook's session on a Jupyter server: the REST API starts the kernel, its websocket runs code."""

    def __init__(self, server: str, token: str, path: str, timeout: float = 120.0):
        self.server, self.token, self.path, self.timeout = server.rstrip("/"), token, path, timeout
        self.loop = asyncio.new_event_loop()
        self.ws = None
        self.session_id = uuid.uuid4().hex

    def __enter__(self) -> "RemoteKernel":
        status, session = request(f"{self.server}/api/sessions", "POST",
                                  {"path": self.path, "type": "notebook", "name": Path(self.path).name,
                                   "kernel": {"name": "python3"}}, self.token, timeout=self.timeout)
        if status != 201:
            raise RuntimeError(f"no kernel session for {self.path} ({status})")
        self.session, self.kernel_id = session["id"], session["kernel"]["id"]
        self.ws = self.loop.run_until_complete(self._connect())
        return self

    async def _connect(self):
        from tornado.httpclient import HTTPRequest
        from tornado.websocket import websocket_connect

        url = (self.server.replace("http://", "ws://", 1)
               + f"/api/kernels/{self.kernel_id}/channels?session_id={self.session_id}")
        return await websocket_connect(HTTPRequest(url, headers={"Authorization": f"token {self.token}"},
                                                   request_timeout=self.timeout), max_message_size=64 << 20)

    def execute(self, code: str) -> list[dict]:
        """Run `code`; its iopub outputs (stream, display_data, execute_result, error), as nbformat writes them."""
        return self.loop.run_until_complete(asyncio.wait_for(self._execute(code), self.timeout))

    async def _execute(self, code: str) -> list[dict]:
        msg_id = uuid.uuid4().hex
        self.ws.write_message(json.dumps({
            "header": {"msg_id": msg_id, "username": "learner", "session": self.session_id,
                       "msg_type": "execute_request", "version": "5.3"},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                        "allow_stdin": False, "stop_on_error": True}}))
        outputs, replied, idle = [], False, False
        while not (replied and idle):
            raw = await self.ws.read_message()
            if raw is None:
                raise ConnectionError("the kernel's websocket closed")
            if isinstance(raw, bytes):
                continue
            msg = json.loads(raw)
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind = msg["header"]["msg_type"]
            if msg["channel"] == "shell" and kind == "execute_reply":
                replied = True
            elif kind == "status" and msg["content"]["execution_state"] == "idle":
                idle = True
            elif kind in ("stream", "display_data", "execute_result", "error"):
                outputs.append({"output_type": kind, **msg["content"]})
        return outputs

    def __exit__(self, *exc) -> None:
        if self.ws is not None:
            self.loop.run_until_complete(self._close())     # in its loop: a thread may have no loop of its own
        request(f"{self.server}/api/sessions/{self.session}", "DELETE", None, self.token)
        self.loop.close()

    async def _close(self) -> None:
        self.ws.close()
