import subprocess
import sys

import consilience
from consilience.model import Span


def test_api_all_names_exist_and_nothing_private_leaks():
    for name in consilience.__all__:
        assert hasattr(consilience, name), name
    assert not [n for n in consilience.__all__ if n.startswith("_") and n != "__version__"]


def test_api_import_stays_light():
    # Heavy libraries are imported by the stages that need them, never by `import consilience`.
    code = "import sys, consilience; print(','.join(m for m in ('trafilatura','numpy','rich','lxml') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""


def test_api_span_validates_its_bounds():
    import pytest

    with pytest.raises(ValueError):
        Span("d", 5, 3)
    with pytest.raises(ValueError):
        Span("d", -1, 3)
    with pytest.raises(ValueError):
        Span("d", 0, 10).within("short")
    assert Span("d", 0, 5).within("short text") == "short"
