"""jsonschema for the project's own schemas, without the second and a half its optional IRI checker costs.

jsonschema imports `rfc3987_syntax` when it is installed (JupyterLab's server brings it, through
`jsonschema[format-nongpl]`) to check the "iri" format, and that module builds 38 Lark grammars as it is
imported: about 1.6 s of CPU (0.16 s without it) in every process that validates a `module.yaml`, a
`sources.yaml` or a quiz bank, that is every lesson kernel, every build and every `decodia` command. The
project's schemas use no "format" and are checked without a format checker, so when jsonschema is not
imported yet, it is imported here without that module (jsonschema then simply has no "iri" checker).
"""
from __future__ import annotations

import sys
from types import ModuleType


def load_jsonschema() -> ModuleType:
    if "jsonschema" not in sys.modules and "rfc3987_syntax" not in sys.modules:
        sys.modules["rfc3987_syntax"] = None      # `import rfc3987_syntax` raises ImportError, which jsonschema expects
        try:
            import jsonschema
        finally:
            del sys.modules["rfc3987_syntax"]
        return jsonschema
    import jsonschema

    return jsonschema
