"""`havoc-agent dsl run | check | fmt FILE|-`: the HAVOC language from the shell.

Bad programs print the full located message (file:line:col, the line, a caret,
what was expected) on stderr and exit with code 2; `run` prints each
statement's result as tables, or the machine form with `--json`. When a
statement fails while running, the results of the statements before it are
still printed (with `--json`: `{"results": [...], "error": {...}}`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from havoc_agent import jsonio
from tools.errors import HavocInputError
from tools.limits import check_at_most

MAX_BYTES = 16 * 1024 * 1024
MAX_TABLE_ROWS = 40


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("dsl", help="run, check and format HAVOC programs (docs/dsl.md)")
    dsub = parser.add_subparsers(dest="dsl_command", metavar="ACTION", required=True)

    p = dsub.add_parser("run", help="run a program and print each statement's result")
    p.add_argument("file", help="a .havoc file, or - for standard input")
    p.add_argument("--json", action="store_true", help="print the results as JSON")
    p.set_defaults(func=_run)

    p = dsub.add_parser("check", help="parse and check a program without running it")
    p.add_argument("file", help="a .havoc file, or - for standard input")
    p.set_defaults(func=_check)

    p = dsub.add_parser("fmt", help="print a program in canonical form")
    p.add_argument("file", help="a .havoc file, or - for standard input")
    p.add_argument("--write", action="store_true", help="rewrite the file in place instead of printing")
    p.add_argument("--check", action="store_true", help="exit 1 if the file is not in canonical form")
    p.set_defaults(func=_fmt)


def _read(name: str) -> tuple[str, str, Path]:
    """(text, source name for messages, directory CSV paths are relative to)."""
    if name == "-":
        try:
            text = sys.stdin.read(MAX_BYTES + 1)
        except UnicodeDecodeError as exc:
            raise HavocInputError(f"standard input is not UTF-8 text (byte {exc.start})", field="file") from None
        source, base = "<stdin>", Path.cwd()
    else:
        path = Path(name)
        text = jsonio.read_bounded(path, field="file", limit=MAX_BYTES)
        source, base = str(path), path.resolve().parent
    check_at_most("file", "characters of program", len(text), "max_program_chars")
    return text, source, base


def _located(func):
    """Print a DSL error in full (with the caret) and return 2; other input errors go to the CLI's handler."""

    def wrapper(args: argparse.Namespace) -> int:
        import dsl

        try:
            return func(args)
        except dsl.DslError as exc:
            print(exc.pretty(), file=sys.stderr)
            return 2

    return wrapper


@_located
def _run(args: argparse.Namespace) -> int:
    import dsl

    text, source, base = _read(args.file)
    program = None
    try:
        program = dsl.parse(text, source=source)
        results = dsl.execute(program, base_dir=base, env={})
    except dsl.DslError as exc:
        # the statements before the failing one ran: show their results, then the error (exit 2)
        if not args.json:
            if exc.results:
                _print_results(exc.results)
            raise
        statement = None
        if program is not None and exc.index is not None and 0 <= exc.index < len(program.statements):
            statement = dsl.format_statement(program.statements[exc.index])
        print(jsonio.dumps({"results": [r.model_dump(mode="json") for r in exc.results],
                            "error": exc.as_json(statement)}))
        print(exc.pretty(), file=sys.stderr)
        return 2
    if args.json:
        print(jsonio.dumps([r.model_dump(mode="json") for r in results]))
        return 0
    if not program.statements:
        print("(an empty program: nothing to run)")
        return 0
    _print_results(results)
    return 0


@_located
def _check(args: argparse.Namespace) -> int:
    import dsl

    text, source, base = _read(args.file)
    program = dsl.parse(text, source=source)
    dsl.check(program, base_dir=base)
    count = len(program.statements)
    print(f"{source}: ok ({count} statement{'s' * (count != 1)})")
    return 0


@_located
def _fmt(args: argparse.Namespace) -> int:
    import dsl

    text, source, _ = _read(args.file)
    formatted = dsl.format(dsl.parse(text, source=source))
    if args.check:
        if formatted != text:
            print(f"{source}: not in canonical form (run `havoc-agent dsl fmt --write {source}`)", file=sys.stderr)
            return 1
        return 0
    if args.write:
        if args.file == "-":
            raise HavocInputError("--write needs a file, not standard input", field="--write")
        if formatted != text:
            Path(args.file).write_text(formatted, encoding="utf-8")
        return 0
    sys.stdout.write(formatted)
    return 0


# ---------------------------------------------------------------- tables


def _print_results(results: list[Any]) -> None:
    from rich.console import Console

    console = Console(highlight=False, soft_wrap=False)
    if not results:
        console.print("(no tool calls: the program only binds data)")
    for result in results:
        head = result.statement.splitlines()[0] + (" ..." if "\n" in result.statement else "")
        console.rule(f"[bold]line {result.line}[/bold] · {result.tool}", align="left")
        console.print(head, markup=False)
        for table in _tables(result.output):
            console.print(table)


def _fmt_value(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.6g}"
    if isinstance(value, list):
        shown = ", ".join(_fmt_value(v) for v in value[:12])
        return f"[{shown}{', ...' if len(value) > 12 else ''}]" + (f" ({len(value)})" if len(value) > 12 else "")
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_fmt_value(v)}" for k, v in list(value.items())[:8]) + ("..." if len(value) > 8 else "") + "}"
    if value is None:
        return "-"
    return str(value)


def _tables(output: dict[str, Any]) -> list[Any]:
    """Scalars in one key/value table; each list of rows or of records in a table of its own."""
    from rich.table import Table
    from rich.text import Text

    names = output.get("factor_names") if isinstance(output.get("factor_names"), list) else None
    scalars = Table(show_header=False, box=None, pad_edge=False)
    scalars.add_column(style="cyan")
    scalars.add_column()
    extra = []
    for key, value in output.items():
        if isinstance(value, list) and value and all(isinstance(r, dict) for r in value):
            columns = list(dict.fromkeys(k for r in value for k in r))
            table = Table(title=key, title_justify="left")
            for column in columns:
                table.add_column(column)
            for record in value[:MAX_TABLE_ROWS]:
                table.add_row(*(Text(_fmt_value(record.get(c))) for c in columns))
            if len(value) > MAX_TABLE_ROWS:
                table.caption = f"{len(value) - MAX_TABLE_ROWS} more rows"
            extra.append(table)
        elif isinstance(value, list) and value and all(isinstance(r, list) for r in value):
            width = max(len(r) for r in value)
            table = Table(title=key, title_justify="left")
            table.add_column("#", style="dim")
            headers = names if key in ("coded", "natural") and names and len(names) == width else [str(i + 1) for i in range(width)]
            for header in headers:
                table.add_column(Text(str(header)))
            for i, row in enumerate(value[:MAX_TABLE_ROWS], start=1):
                table.add_row(str(i), *(Text(_fmt_value(v)) for v in row))
            if len(value) > MAX_TABLE_ROWS:
                table.caption = f"{len(value) - MAX_TABLE_ROWS} more rows"
            extra.append(table)
        elif value not in (None, [], {}, ""):  # empty fields are noise in a table; --json keeps them
            scalars.add_row(Text(key), Text(_fmt_value(value)))
    return [scalars, *extra]
