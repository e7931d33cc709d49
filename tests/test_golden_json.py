"""The JSON of the built-in example against a reviewed golden file.

The golden file was read before it was committed. After a deliberate change of output, regenerate it
with ``python tests/test_golden_json.py`` and read the diff before committing: never regenerate blindly.
Input paths and dependency versions are machine-specific, so both are left out of the comparison.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden" / "example.json"
EXAMPLE = HERE.parent / "examples" / "story"


def normalised_example() -> str:
    from consilience.pipeline import reconcile
    from consilience.render import dossier_to_dict

    data = dossier_to_dict(reconcile([str(EXAMPLE)]))
    for doc in data["documents"]:
        doc.pop("origin", None)
    data["stats"].pop("versions", None)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def test_golden_json_example_matches_the_reviewed_file():
    assert normalised_example() == GOLDEN.read_text(encoding="utf-8")


if __name__ == "__main__":
    GOLDEN.write_text(normalised_example(), encoding="utf-8")
    sys.stdout.write(f"wrote {GOLDEN}; read the diff before committing\n")
