"""The command line: a thin shell that parses, calls the library and renders.

Exit codes (also in the README and ``consilience --help``):

* 0 — the report was produced from every input.
* 1 — the report was produced, but some inputs were skipped (each named on stderr and in the JSON).
* 2 — usage error: unknown option, bad value; nothing was produced.
* 3 — no input could be used at all.
* 70 — internal error (a bug): please report it with the input.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from . import errors

__all__ = ["app", "main"]

EXIT_CODES_HELP = (
    "Exit codes: 0 ok; 1 report produced but some inputs were skipped; 2 usage error; "
    "3 no usable input; 70 internal error."
)

app = typer.Typer(
    name="consilience",
    help="Reconcile many reports of the same story: who says what, where they agree, where they "
    "contradict, who copied whom.\n\n" + EXIT_CODES_HELP,
    add_completion=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)


def _example_dir() -> Path | None:
    """The built-in example: in the source checkout, or installed under ``share/`` from a wheel."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parents[1] / "examples" / "story", Path(sys.prefix) / "share" / "consilience" / "example"):
        if candidate.is_dir() and any(candidate.glob("*.txt")):
            return candidate
    return None


def _warn(message: str) -> None:
    typer.echo(f"consilience: {message}", err=True)


#: From this many input files on, a progress bar is drawn on stderr (when it is a terminal).
PROGRESS_FROM_FILES = 20


def _count_files(paths: list[str], limit: int) -> int:
    """How many files the inputs name, counting at most ``limit`` (a cheap walk, no reading)."""
    import glob
    import os

    n = 0
    for p in paths:
        if os.path.isdir(p):
            for _, _, files in os.walk(p):
                n += len(files)
                if n >= limit:
                    return limit
        elif any(ch in p for ch in "*?["):
            n += len(glob.glob(p, recursive=True))
        else:
            n += 1
    return min(n, limit)


def _run(paths: list[str], fmt: str, output: Optional[Path], read_opts, color: Optional[bool]) -> int:
    from .pipeline import STAGES, Options, reconcile
    from .render import FORMATS, render

    if fmt not in FORMATS:
        raise errors.UsageError(f"unknown --format {fmt!r}: choose one of {', '.join(FORMATS)}")
    from .render.text import progress

    many = _count_files(paths, PROGRESS_FROM_FILES) >= PROGRESS_FROM_FILES
    with progress(len(STAGES), description="Reconciling", min_total=1 if many else len(STAGES) + 1) as advance:
        dossier = reconcile(paths, Options(read=read_opts, on_stage=lambda _name: advance()))
    skipped = [d for d in dossier.documents if d.skipped]
    for d in skipped:
        _warn(f"skipped {d.origin or d.id}: {d.skipped}")
    for d in dossier.documents:
        for w in d.warnings:
            _warn(f"note on {d.origin or d.id}: {w}")
    if color is None and output is None:
        color = sys.stdout.isatty()
    # A file gets the plain layout of a pipe: no colour, 100 columns, whatever the terminal is.
    text = render(dossier, fmt, color=bool(color) if output is None else False,
                  width=100 if output is not None else None)
    if output is not None:
        output.write_text(text, encoding="utf-8")
        _warn(f"wrote {fmt} report to {output}")
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    if len(skipped) == len(dossier.documents):
        return errors.EXIT_NO_DOCUMENTS
    return errors.EXIT_INPUT_PROBLEMS if skipped else errors.EXIT_OK


@app.command(epilog="Example: consilience report articles/ --format html -o report.html")
def report(
    paths: list[str] = typer.Argument(..., help="Files, directories (read recursively), globs, or - for stdin."),
    fmt: str = typer.Option("text", "--format", "-f", help="text, json, md or html."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report here instead of stdout."),
    text_field: str = typer.Option("text", help="JSON/JSONL field holding the article text."),
    title_field: str = typer.Option("title", help="JSON/JSONL field holding the title."),
    url_field: str = typer.Option("url", help="JSON/JSONL field holding the URL."),
    date_field: str = typer.Option("date", help="JSON/JSONL field holding the publication date."),
    source_field: str = typer.Option("source", help="JSON/JSONL field naming the outlet."),
    max_bytes: int = typer.Option(20_000_000, help="Skip any document larger than this many bytes."),
    color: Optional[bool] = typer.Option(None, "--color/--no-color", help="Colour the text view (default: on a terminal)."),
) -> None:
    """Reconcile the reports in PATHS and print the dossier: conflicts first, each with its sources."""
    from .read import ReadOptions

    opts = ReadOptions(max_bytes=max_bytes, text_field=text_field, title_field=title_field,
                       url_field=url_field, date_field=date_field, source_field=source_field)
    raise typer.Exit(_run(paths, fmt, output, opts, color))


@app.command(epilog="Example: consilience demo --format md")
def demo(
    fmt: str = typer.Option("text", "--format", "-f", help="text, json, md or html."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report here instead of stdout."),
    color: Optional[bool] = typer.Option(None, "--color/--no-color", help="Colour the text view (default: on a terminal)."),
) -> None:
    """Run the report on the built-in example story (five reports of one event)."""
    from .read import ReadOptions

    where = _example_dir()
    if where is None:
        raise errors.UsageError("the built-in example is missing from this installation; reinstall consilience")
    raise typer.Exit(_run([str(where)], fmt, output, ReadOptions(), color))


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the app, turning our errors into messages and documented exit codes."""
    try:
        rv = app(args=argv, standalone_mode=False)
    except typer.Exit as exc:
        return exc.exit_code
    except errors.UsageError as exc:
        _warn(f"error: {exc}")
        return errors.EXIT_USAGE
    except errors.ConsilienceError as exc:
        _warn(f"error: {exc}")
        return errors.EXIT_INPUT_PROBLEMS
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the promise is: no traceback, ever; a clear message and code 70
        if hasattr(exc, "show") and hasattr(exc, "exit_code"):  # the parser's usage errors
            exc.show()
            return errors.EXIT_USAGE
        if type(exc).__name__ == "Abort":
            return 130
        _warn(f"internal error: {type(exc).__name__}: {exc} (please report this with the input)")
        return errors.EXIT_INTERNAL
    return rv if isinstance(rv, int) else errors.EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
