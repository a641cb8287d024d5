"""Serve the built book on 127.0.0.1 only."""
from __future__ import annotations

import functools
import http.server
import sys

from .editions import HTML, ROOT


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript",
                      ".svg": "image/svg+xml", ".woff2": "font/woff2"}

    def log_message(self, fmt, *args):
        pass


def make_server(port: int = 0) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(QuietHandler, directory=str(HTML))
    return http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)


def serve(port: int = 8000) -> int:
    if not (HTML / "index.html").exists():
        print(f"Nothing to serve: {HTML.relative_to(ROOT)}/index.html is missing. Run `decodia build` first.",
              file=sys.stderr)
        return 1
    server = make_server(port)
    host, real_port = server.server_address[:2]
    print(f"Serving {HTML.relative_to(ROOT)} at http://{host}:{real_port}/  (Ctrl+C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0
