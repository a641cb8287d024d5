"""A static file server on 127.0.0.1 only: `decodia serve`, the browser tests and the benchmarks use it.

    server = make_server(folder)              # port 0: any free port
    with serving(folder) as url: ...          # in a background thread, for tests
"""
from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from pathlib import Path


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Files with the types a browser needs for the book (modules as text/javascript), and no request log."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript",
                      ".svg": "image/svg+xml", ".woff2": "font/woff2"}

    def log_message(self, fmt, *args):
        pass


def make_server(directory: Path, port: int = 0) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(QuietHandler, directory=str(directory))
    return http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)


@contextlib.contextmanager
def serving(directory: Path, port: int = 0):
    """Serve `directory` in a background thread; yields its URL (`http://127.0.0.1:PORT`)."""
    server = make_server(directory, port)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
