import json

import pytest
import typer.main

from consilience import errors
from consilience.cli import app, main


def _commands():
    return sorted(typer.main.get_command(app).commands)


def test_cli_every_command_has_help_ending_with_an_example(capsys):
    commands = _commands()
    assert {"report", "demo"} <= set(commands)
    for command in commands:  # a command added later without help fails here
        assert main([command, "--help"]) == 0
        lines = [ln for ln in capsys.readouterr().out.strip().splitlines() if ln.strip()]
        assert lines[-1].strip().startswith(f"Example: consilience {command}"), (command, lines[-1])


def test_cli_lists_exit_codes_in_top_level_help(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "Exit codes" in out and "skipped" in out


def test_cli_json_report_goes_to_stdout(example_dir, capsys):
    assert main(["report", str(example_dir), "--format", "json"]) == errors.EXIT_OK
    data = json.loads(capsys.readouterr().out)
    assert data["schema_version"] == "1"


def test_cli_unknown_format_is_a_usage_error(example_dir, capsys):
    assert main(["report", str(example_dir), "--format", "pdf"]) == errors.EXIT_USAGE
    err = capsys.readouterr().err
    assert "unknown --format 'pdf'" in err and "text, json, md, html" in err


def test_cli_unknown_option_is_a_usage_error(capsys):
    assert main(["report", "--no-such-option", "x"]) == errors.EXIT_USAGE


def test_cli_skipped_input_warns_and_exits_1(example_dir, tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    code = main(["report", str(example_dir), str(empty), "--format", "json"])
    captured = capsys.readouterr()
    assert code == errors.EXIT_INPUT_PROBLEMS
    assert "empty.txt" in captured.err and "empty" in captured.err
    data = json.loads(captured.out)
    assert any(d["skipped"] for d in data["documents"])


def test_cli_no_usable_input_exits_3(tmp_path, capsys):
    missing = tmp_path / "missing.txt"
    assert main(["report", str(missing), "--format", "json"]) == errors.EXIT_NO_DOCUMENTS
    assert "missing.txt" in capsys.readouterr().err


def test_cli_writes_output_file(example_dir, tmp_path, capsys):
    out = tmp_path / "r.md"
    assert main(["report", str(example_dir), "--format", "md", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").strip()


def test_cli_demo_prints_a_conflict(capsys):
    assert main(["demo", "--no-color"]) == 0
    assert "conflict" in capsys.readouterr().out.lower()


def test_cli_counts_input_files_for_the_progress_bar(example_dir, tmp_path):
    from consilience.cli import _count_files

    n = len(list(example_dir.glob("*.txt")))
    assert _count_files([str(example_dir)], limit=100) == n
    assert _count_files([str(example_dir / "*.txt"), str(tmp_path / "one.txt")], limit=100) == n + 1
    assert _count_files([str(example_dir)], limit=2) == min(n, 2)


def test_cli_text_written_to_a_file_has_no_colour_codes(example_dir, tmp_path):
    out = tmp_path / "r.txt"
    assert main(["report", str(example_dir), "-o", str(out), "--color"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "\x1b[" not in text and max(len(line) for line in text.splitlines()) <= 100
