"""Views of a dossier. JSON is the contract; text, Markdown and HTML are rendered from the JSON dict."""

from __future__ import annotations

from ..errors import UsageError
from ..model import Dossier
from .json import dossier_to_dict, to_json

__all__ = ["FORMATS", "render", "dossier_to_dict", "to_json"]

FORMATS = ("text", "json", "md", "html")


def render(dossier: Dossier, fmt: str = "json", *, color: bool | None = None, width: int | None = None) -> str:
    """Render ``dossier`` in one of :data:`FORMATS`; the text view is colourless unless ``color`` and
    ``width`` columns wide when given (else the terminal's, or 100 when piped)."""
    if fmt == "json":
        return to_json(dossier)
    data = dossier_to_dict(dossier)
    if fmt == "text":
        from .text import render_text

        if width is not None:
            import io

            from rich.console import Console

            console = Console(file=io.StringIO(), width=width, force_terminal=bool(color), no_color=not color)
            return render_text(data, console=console, color=color)
        return render_text(data, color=color)
    if fmt == "md":
        from .markdown import render_markdown

        return render_markdown(data)
    if fmt == "html":
        from .html import render_html

        return render_html(data)
    raise UsageError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
