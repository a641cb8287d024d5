"""`decodia serve`: the built book on 127.0.0.1 only (the server is `core.serve`)."""
from __future__ import annotations

import sys

from core.serve import make_server

from .editions import HTML, ROOT


def serve(port: int = 8000) -> int:
    if not (HTML / "index.html").exists():
        print(f"Nothing to serve: {HTML.relative_to(ROOT)}/index.html is missing. Run `decodia build` first.",
              file=sys.stderr)
        return 1
    server = make_server(HTML, port)
    host, real_port = server.server_address[:2]
    print(f"Serving {HTML.relative_to(ROOT)} at http://{host}:{real_port}/  (Ctrl+C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0
