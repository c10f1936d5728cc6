"""Text -> typed AST, with errors a person can act on.

The Lark LALR parser is built once per process (`_lark()`), because the agent
parses on every plan and the constrained decoder asks it on every token.
Syntax errors never show Lark's token names: `words.describe_expected` turns
them into "a number", "`..`", "a design kind (box_behnken, ...)".
"""

from __future__ import annotations

import functools
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from lark import Lark, Token, Transformer, v_args
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken, VisitError
from lark.parsers.lalr_analysis import Shift
from lark.parsers.lalr_interactive_parser import InteractiveParser

from dsl import ast
from dsl.errors import DslError, DslSyntaxError
from dsl.words import describe_expected, describe_token, hint

GRAMMAR_PATH = Path(__file__).with_name("havoc.lark")
MAX_PROGRAM_CHARS = 8 * 1024 * 1024


@functools.cache
def _lark() -> Lark:
    return Lark(
        GRAMMAR_PATH.read_text(encoding="utf-8"),
        parser="lalr",
        lexer="contextual",
        propagate_positions=True,
        maybe_placeholders=False,
        cache=False,
    )


def lark_parser() -> Lark:
    """The compiled Lark parser (shared; do not mutate)."""
    return _lark()


def parse(text: str, *, source: str = "<program>") -> ast.Program:
    """Parse a HAVOC program; raises `DslSyntaxError` with line, column and words."""
    if not isinstance(text, str):
        raise DslSyntaxError(f"a program is text, got {type(text).__name__}", source=source)
    if len(text) > MAX_PROGRAM_CHARS:
        raise DslSyntaxError(f"the program is longer than {MAX_PROGRAM_CHARS // 2**20} MiB", source=source)
    try:
        tree = _lark().parse(text)
    except UnexpectedInput as exc:
        raise _syntax_error(exc, text, source) from None
    try:
        statements = _Build().transform(tree)
    except VisitError as exc:
        inner = exc.orig_exc
        if isinstance(inner, DslError):
            raise inner.relocated(source=source, text=text) from None
        if isinstance(inner, RecursionError):
            raise DslSyntaxError("the program is nested too deeply", source=source, text=text) from None
        raise
    except RecursionError:
        raise DslSyntaxError("the program is nested too deeply", source=source, text=text) from None
    program = ast.Program(statements, source=source, text=text, line=1, column=1)
    if "#" in text or "\n\n" in text:
        _attach_layout(program, text)
    return program


def parse_expression(text: str) -> ast.Expr:
    """A formula in canonical form (`x^3*sin(x)`), for code that builds programs from parts."""
    program = parse(f"simplify {text}", source="<formula>")
    if len(program.statements) != 1:
        raise DslSyntaxError("expected one formula", source="<formula>")
    return program.statements[0].expression


def interactive(text: str = "") -> InteractiveParser:
    """A Lark interactive parser positioned after `text`: `.accepts()` gives the terminals allowed next.

    The constrained decoder asks `dsl.parser.accepts(ip)` (fast; same answer as
    `ip.accepts()`), feeds the chosen token with `ip.feed_token(Token(type, value))`,
    and `ip.copy()` forks it to try alternatives.
    """
    ip = _lark().parse_interactive(text)
    try:
        ip.exhaust_lexer()
    except UnexpectedInput as exc:
        raise _syntax_error(exc, text, "<prefix>") from None
    return ip


def accepts(ip: InteractiveParser) -> set[str]:
    """The terminals `ip` can take next: the same set as `ip.accepts()`, without copying the parser.

    Why: Lark's `accepts()` copies the whole parser and feeds a fake token for
    every candidate terminal (milliseconds after a complete statement, where some
    70 are possible); the constrained decoder asks on every generated token.
    This walks the LALR table on a copy of the state stack only.
    """
    state = ip.parser_state
    conf = state.parse_conf
    states = conf.parse_table.states
    stack = state.state_stack
    found = set()
    for terminal in states[stack[-1]]:
        if terminal.isupper() and _can_shift(states, stack, terminal, conf.end_state):
            found.add(terminal)
    return found


def _can_shift(states: Any, stack: list, terminal: str, end_state: Any) -> bool:
    stack = list(stack)
    while True:
        action, arg = states[stack[-1]].get(terminal, (None, None))
        if action is None:
            return False
        if action is Shift:
            return True
        size = len(arg.expansion)  # a reduction: pop the rule's states, then follow its goto
        if size:
            del stack[-size:]
        goto = states[stack[-1]].get(arg.origin.name)
        if goto is None:
            return False
        stack.append(goto[1])
        if terminal == "$END" and stack[-1] == end_state:
            return True


def terminal_patterns() -> dict[str, str]:
    """Every terminal's regular expression, for a decoder that matches generated text to terminals."""
    return {t.name: t.pattern.to_regexp() for t in _lark().terminals}


# ---------------------------------------------------------------- errors


def _syntax_error(exc: UnexpectedInput, text: str, source: str) -> DslSyntaxError:
    terminals = {t.name: t for t in _lark().terminals}
    line, column = getattr(exc, "line", None), getattr(exc, "column", None)
    if isinstance(exc, UnexpectedCharacters):
        char = text[exc.pos_in_stream] if exc.pos_in_stream < len(text) else ""
        before = _tokens_before(text, exc.pos_in_stream)
        if char == '"':
            message = "this string is not closed: a string ends with `\"` on the same line"
        else:
            expected = describe_expected(_accepts_at(text, exc.pos_in_stream, exc.allowed), terminals)
            message = f"unexpected character `{char}`; expected {expected}" + (f" after `{before}`" if before else "")
    elif isinstance(exc, UnexpectedEOF) or (isinstance(exc, UnexpectedToken) and exc.token.type == "$END"):
        expected = describe_expected(_precise(exc), terminals)
        before = _tokens_before(text, len(text))
        message = f"the program ends too early; expected {expected}" + (f" after `{before}`" if before else "")
        line, column = _end_position(text)
    else:
        assert isinstance(exc, UnexpectedToken)
        allowed = _precise(exc)
        expected = describe_expected(allowed, terminals)
        before = _tokens_before(text, exc.token.start_pos)
        message = f"unexpected {describe_token(exc.token, terminals)}; expected {expected}"
        if before:
            message += f" after `{before}`"
        message += hint(exc.token, allowed, terminals, before)
    return DslSyntaxError(message, line=line, column=column, source=source, text=text)


def _precise(exc: UnexpectedInput) -> set[str]:
    """What really may come next: LALR's error state over-reports (merged lookaheads), `accepts()` does not."""
    ip = getattr(exc, "interactive_parser", None)
    if ip is not None:
        try:
            return set(ip.accepts())
        except Exception:  # noqa: BLE001 - fall back to Lark's own (coarser) set
            pass
    return set(getattr(exc, "expected", ()) or ())


def _accepts_at(text: str, position: int, fallback: Any) -> set[str]:
    try:
        ip = _lark().parse_interactive(text[:position])
        ip.exhaust_lexer()
        return set(ip.accepts())
    except UnexpectedInput:
        return set(fallback or ())


def _tokens_before(text: str, position: int | None, limit: int = 3) -> str:
    """The last few tokens before `position`, on its line if any, to say what the error follows."""
    if position is None:
        return ""
    tokens: list[Token] = []
    ip = _lark().parse_interactive(text)
    try:
        for token in ip.iter_parse():
            if token.start_pos is not None and token.start_pos >= position:
                break
            tokens.append(token)
    except UnexpectedInput:
        pass
    if not tokens:
        return ""
    error_line = text.count("\n", 0, position) + 1
    same_line = [t for t in tokens if t.line == error_line]
    chosen = same_line[-limit:] if same_line else tokens[-min(limit, 2):]
    return " ".join(text[chosen[0].start_pos : chosen[-1].end_pos].split())


def _end_position(text: str) -> tuple[int, int]:
    stripped = text.rstrip()
    line = stripped.count("\n") + 1
    column = len(stripped) - (stripped.rfind("\n") + 1) + 1
    return line, column


# ---------------------------------------------------------------- tree -> AST


class _Opt:
    """An option of a statement, with the place of its keyword (for errors and duplicates)."""

    __slots__ = ("name", "value", "line", "column")

    def __init__(self, name: str, value: Any, meta: Any) -> None:
        self.name, self.value = name, value
        self.line, self.column = _pos(meta)


class _Flag(_Opt):
    """A `without ...` clause: present means False for its field."""




def comments_in(text: str) -> list[tuple[int, int, str]]:
    """(line, column, comment text without `#`) for every comment; a `#` inside a string is not one."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        if "#" not in line:
            continue
        in_string = escaped = False
        for index, char in enumerate(line):
            if in_string:
                if escaped:
                    escaped = False
                elif char == "\\":
                    escaped = True
                elif char == '"':
                    in_string = False
            elif char == '"':
                in_string = True
            elif char == "#":
                found.append((number, index + 1, line[index + 1 :].strip()))
                break
    return found


def _attach_layout(program: ast.Program, text: str) -> None:
    """Give each statement the comments above it (or inside it) and on its last line, and note blank lines.

    Why: `havoc-agent dsl fmt --write` rewrites people's files; it must not eat their notes.
    Comment lists hold `None` for a blank line between comments.
    """
    lines = text.splitlines()
    by_line = {c[0]: c[2] for c in comments_in(text)}
    previous_end = 0
    for statement in program.statements:
        start = statement.line or previous_end + 1
        end = statement.end_line or start
        before, blank = _gap(lines, by_line, previous_end + 1, start)
        statement.blank_before = blank and previous_end > 0
        inside = [by_line[n] for n in range(max(start, previous_end + 1), end) if n in by_line]
        if end in by_line and end != previous_end:
            statement.trailing_comment = by_line[end]
        statement.comments = before + inside
        previous_end = end
    program.closing_comments, _ = _gap(lines, by_line, previous_end + 1, len(lines) + 1)
    while program.closing_comments and program.closing_comments[-1] is None:
        program.closing_comments.pop()


def _gap(lines: list[str], by_line: dict[int, str], first: int, stop: int) -> tuple[list[str | None], bool]:
    """Comment lines in [first, stop), blank lines between them as None; and whether a blank line leads."""
    out: list[str | None] = []
    leading_blank = False
    for number in range(first, stop):
        if number in by_line and not lines[number - 1].split("#", 1)[0].strip():
            out.append(by_line[number])
        elif number - 1 < len(lines) and not lines[number - 1].strip():
            if out and out[-1] is not None:
                out.append(None)
            elif not out:
                leading_blank = True
    return out, leading_blank


def _pos(meta: Any) -> tuple[int | None, int | None]:
    return (getattr(meta, "line", None), getattr(meta, "column", None)) if not getattr(meta, "empty", True) else (None, None)


def _loc(meta: Any) -> dict[str, Any]:
    line, column = _pos(meta)
    return {"line": line, "column": column, "end_line": getattr(meta, "end_line", None) if line else None}


def _unquote(token: str) -> str:
    body = token[1:-1]
    return body.replace('\\"', '"').replace("\\\\", "\\") if "\\" in body else body


def _number(token: str) -> Decimal:
    try:
        return Decimal(token)
    except InvalidOperation:  # the grammar only lets digits through; keep the guard honest
        raise DslSyntaxError(f"`{token}` is not a number") from None


def _apply_options(node: ast.Node, options: list[_Opt], field_names: dict[str, str] | None = None) -> None:
    field_names = field_names or {}
    seen: dict[str, _Opt] = {}
    for opt in options:
        target = field_names.get(opt.name, opt.name)
        if target in seen:
            first = seen[target]
            raise DslSyntaxError(
                f"`{opt.name}` is given twice (first on line {first.line})", line=opt.line, column=opt.column
            )
        seen[target] = opt
        setattr(node, target, opt.value)
        if opt.line is not None:
            node.spots[target] = (opt.line, opt.column or 1)


@v_args(meta=True)
class _Build(Transformer):
    """Lark tree -> `dsl.ast` nodes. Anonymous keywords are filtered out by Lark."""

    def start(self, meta, children):
        return list(children)

    def __default__(self, data, children, meta):
        raise DslSyntaxError(f"internal: no builder for grammar rule {data}")

    # `keyword number` options: center_points 3, lsl 73.95, ... (explicit: the parser calls them while parsing)
    def center_points(self, meta, c):
        return _Opt("center_points", c[0], meta)

    def replicates(self, meta, c):
        return _Opt("replicates", c[0], meta)

    def resolution(self, meta, c):
        return _Opt("resolution", c[0], meta)

    def samples(self, meta, c):
        return _Opt("samples", c[0], meta)

    def blocks(self, meta, c):
        return _Opt("blocks", c[0], meta)

    def runs(self, meta, c):
        return _Opt("runs", c[0], meta)

    def k_sigma(self, meta, c):
        return _Opt("k_sigma", c[0], meta)

    def sigma(self, meta, c):
        return _Opt("sigma", c[0], meta)

    def center(self, meta, c):
        return _Opt("center", c[0], meta)

    def lsl(self, meta, c):
        return _Opt("lsl", c[0], meta)

    def usl(self, meta, c):
        return _Opt("usl", c[0], meta)

    def target(self, meta, c):
        return _Opt("target", c[0], meta)

    def confidence(self, meta, c):
        return _Opt("confidence", c[0], meta)

    def sigma_within(self, meta, c):
        return _Opt("sigma_within", c[0], meta)

    def mu(self, meta, c):
        return _Opt("mu", c[0], meta)

    def degree(self, meta, c):
        return _Opt("degree", c[0], meta)

    # ---- data
    def number(self, meta, c):
        return _number(c[0])

    def negative(self, meta, c):
        return _number("-" + c[0])

    def values(self, meta, c):
        return ast.Values([_unquote(v) if isinstance(v, Token) else v for v in c], **_loc(meta))

    def row(self, meta, c):
        return list(c)

    def rows(self, meta, c):
        return ast.Rows(list(c), **_loc(meta))

    def table_row(self, meta, c):
        return list(c)

    def table(self, meta, c):
        return ast.Rows(list(c), **_loc(meta))

    def ref(self, meta, c):
        return ast.Ref(str(c[0]), **_loc(meta))

    def file(self, meta, c):
        return _unquote(c[0])

    @staticmethod
    def _colname(token: Token) -> str:
        return _unquote(token) if token.type == "STRING" else str(token)

    def column_ref(self, meta, c):
        file = c[0] if len(c) == 2 else None
        return ast.Column(self._colname(c[-1]), file, **_loc(meta))

    def columns_ref(self, meta, c):
        file = c[0] if c and isinstance(c[0], str) and not isinstance(c[0], Token) else None
        names = [self._colname(t) for t in c if isinstance(t, Token)]
        return ast.Columns(names, file, **_loc(meta))

    # ---- design
    def factor_range(self, meta, c):
        name = str(c[0])
        if len(c) == 1:
            return ast.Factor(name, **_loc(meta))
        unit = _unquote(c[3]) if len(c) > 3 else None
        return ast.Factor(name, c[1], c[2], unit, **_loc(meta))

    def factor_levels(self, meta, c):
        return ast.Factor(str(c[0]), levels=list(c[1].items), **_loc(meta))

    def generator(self, meta, c):
        return ast.Generator(str(c[0]), str(c[1]), **_loc(meta))

    def negative_generator(self, meta, c):
        return ast.Generator(str(c[0]), str(c[1]), True, **_loc(meta))

    def randomize(self, meta, c):
        return [_Opt("randomize", True, meta)] + ([_Opt("seed", c[0], meta)] if c else [])

    def factor_count(self, meta, c):
        return _Opt("factor_count", c[0], meta)

    def face(self, meta, c):
        return _Opt("face", str(c[0]).lower(), meta)

    def alpha(self, meta, c):
        value = c[0]
        return _Opt("alpha", str(value).lower() if isinstance(value, Token) else value, meta)

    def design_stmt(self, meta, c):
        node = ast.Design(str(c[0]).lower(), **_loc(meta))
        options: list[_Opt] = []
        for item in c[1:]:
            if isinstance(item, ast.Factor):
                node.factors.append(item)
            elif isinstance(item, ast.Generator):
                node.generators.append(item)
            elif isinstance(item, list):
                options.extend(item)
            else:
                options.append(item)
        _apply_options(node, options)
        return node

    def response_order(self, meta, c):
        return _Opt("order", str(c[0]).lower(), meta)

    def analyze_stmt(self, meta, c):
        node = ast.Analyze(str(c[0]), c[1], **_loc(meta))
        rest = list(c[2:])
        if rest and isinstance(rest[0], _Opt):
            _apply_options(node, [rest.pop(0)])
        if rest:
            node.method = str(rest[0]).lower()
        return node

    def properties_stmt(self, meta, c):
        return ast.Properties(str(c[0]), **_loc(meta))

    # ---- SPC
    def subgroup(self, meta, c):
        return _Opt("subgroup", c[0], meta)

    def sizes(self, meta, c):
        return _Opt("sizes", c[0], meta)

    def exclude(self, meta, c):
        return _Opt("exclude", list(c[0].items), meta)

    def criterion(self, meta, c):
        return _Opt("criterion", str(c[0]).lower(), meta)

    def phase2(self, meta, c):
        return _Opt("phase2", c[0], meta)

    def rules(self, meta, c):
        return _Opt("rules", str(c[0]).lower(), meta)

    def chart_stmt(self, meta, c):
        node = ast.Chart(str(c[0]).lower(), c[1], **_loc(meta))
        _apply_options(node, c[2:])
        return node

    def rules_stmt(self, meta, c):
        node = ast.RunRules(str(c[0]).lower(), c[1], **_loc(meta))
        _apply_options(node, c[2:])
        return node

    def capability_stmt(self, meta, c):
        node = ast.Capability(c[0], **_loc(meta))
        _apply_options(node, c[1:])
        return node

    def constants_stmt(self, meta, c):
        return ast.Constants(c[0], **_loc(meta))

    # ---- statistics
    def alternative(self, meta, c):
        return _Opt("alternative", str(c[0]).lower(), meta)

    def ttest_stmt(self, meta, c):
        node = ast.TTest(str(c[0]).lower(), c[1], **_loc(meta))
        rest = list(c[2:])
        if rest and not isinstance(rest[0], _Opt):
            node.y = rest.pop(0)
        _apply_options(node, rest)
        return node

    def anova_one_stmt(self, meta, c):
        return ast.AnovaOneWay(c[0], c[1] if len(c) > 1 else None, **_loc(meta))

    def without_interaction(self, meta, c):
        return _Flag("interaction", False, meta)

    def with_correction(self, meta, c):
        return _Flag("correction", True, meta)

    def without_correction(self, meta, c):
        return _Flag("correction", False, meta)

    def without_intercept(self, meta, c):
        return _Flag("intercept", False, meta)

    def anova_two_stmt(self, meta, c):
        node = ast.AnovaTwoWay(c[0], c[1], c[2], **_loc(meta))
        _apply_options(node, c[3:])
        return node

    def levene_stmt(self, meta, c):
        return ast.Levene(c[0], c[1] if len(c) > 1 else None, **_loc(meta))

    def kruskal_stmt(self, meta, c):
        return ast.Kruskal(c[0], c[1] if len(c) > 1 else None, **_loc(meta))

    def normality_stmt(self, meta, c):
        return ast.Normality(c[0], str(c[1]).lower() if len(c) > 1 else None, **_loc(meta))

    def chisquare_stmt(self, meta, c):
        node = ast.ChiSquare(c[0], **_loc(meta))
        rest = list(c[1:])
        if rest and not isinstance(rest[0], _Opt):
            node.expected = rest.pop(0)
        _apply_options(node, rest)
        return node

    def regression_stmt(self, meta, c):
        node = ast.Regression(c[0], c[1], **_loc(meta))
        _apply_options(node, c[2:])
        return node

    def describe_stmt(self, meta, c):
        return ast.Describe(c[0], **_loc(meta))

    # ---- symbolic
    def derivative_stmt(self, meta, c):
        names = [str(t) for t in c[1:] if isinstance(t, Token)]
        order = c[-1] if isinstance(c[-1], Decimal) else None
        node = ast.Derivative(c[0], names, order, **_loc(meta))
        return node

    def integral_stmt(self, meta, c):
        lower, upper = (c[2], c[3]) if len(c) == 4 else (None, None)
        return ast.Integral(c[0], str(c[1]), lower, upper, **_loc(meta))

    def equation(self, meta, c):
        return ast.Equation(c[0], c[1] if len(c) > 1 else None, **_loc(meta))

    def solve_stmt(self, meta, c):
        equations = [e for e in c if isinstance(e, ast.Equation)]
        names = [str(t) for t in c if isinstance(t, Token)]
        return ast.Solve(equations, names, **_loc(meta))

    def simplify_stmt(self, meta, c):
        return ast.Simplify(c[0], **_loc(meta))

    def limit_stmt(self, meta, c):
        side = str(c[3]).lower() if len(c) > 3 else None
        return ast.Limit(c[0], str(c[1]), c[2], side, **_loc(meta))

    def series_stmt(self, meta, c):
        return ast.Series(c[0], str(c[1]), c[2], c[3] if len(c) > 3 else None, **_loc(meta))

    def matrix_row(self, meta, c):
        return list(c)

    def matrix_stmt(self, meta, c):
        return ast.Matrix(str(c[0]).lower(), list(c[1:]), **_loc(meta))

    def assignment(self, meta, c):
        return ast.Assignment(str(c[0]), c[1], **_loc(meta))

    def evaluate_stmt(self, meta, c):
        return ast.Evaluate(c[0], list(c[1:]), **_loc(meta))

    def let_stmt(self, meta, c):
        return ast.Let(str(c[0]), c[1], **_loc(meta))

    # ---- formulas: rebuilt as canonical text; parentheses are kept as written
    def _expr(self, meta, text: str) -> ast.Expr:
        return ast.Expr(text, **_loc(meta))

    def num(self, meta, c):
        return self._expr(meta, str(c[0]))

    def var(self, meta, c):
        return self._expr(meta, str(c[0]))

    def call(self, meta, c):
        return self._expr(meta, f"{c[0]}({', '.join(a.text for a in c[1:])})")

    def paren(self, meta, c):
        return self._expr(meta, f"({c[0].text})")

    def add(self, meta, c):
        return self._expr(meta, f"{c[0].text} + {c[1].text}")

    def sub(self, meta, c):
        return self._expr(meta, f"{c[0].text} - {c[1].text}")

    def mul(self, meta, c):
        return self._expr(meta, f"{c[0].text}*{c[1].text}")

    def div(self, meta, c):
        return self._expr(meta, f"{c[0].text}/{c[1].text}")

    def pow(self, meta, c):
        return self._expr(meta, f"{c[0].text}^{c[1].text}")

    def neg(self, meta, c):
        return self._expr(meta, f"-{c[0].text}")

    def pos(self, meta, c):
        return self._expr(meta, f"+{c[0].text}")
