"""Read maths as people type it, and turn it into SymPy without ever running their text.

Why a parser of our own: `sympify` and `parse_expr` end in Python's `eval`, so to them
`__import__('os').system(...)` is code. Here a hand-written tokenizer matches every
character against an allow-list, a recursive-descent parser builds a small tree of plain
data, and only then are SymPy objects made, by calling whitelisted constructors directly.
Nothing the user typed is ever looked up as a Python name or attribute.

The tree (`Node`) is plain frozen dataclasses: parsing needs no SymPy import (cheap input
validation in the calling process) and the tree pickles, so the SymPy work can happen in a
worker process (`tools.worker`) that can be killed.

SymPy evaluates eagerly (`9**9**9**9` would try to build a number with 10^8 digits), so
the resource caps are checked while the tree is turned into SymPy, before each operation
that could explode: input length, nesting depth, number literal size, exponent size
against the size of the base, factorial/gamma/binomial arguments.

Accepted: `x^3*sin(x)`, `x**2`, `2x`, `3 sin(x)`, `(x+1)(x-1)`, `e^x`, `ln(x)`, `log(x, 2)`,
`log_2(x)`, `sin^2(x)`, `sqrt`, `√x`, `∛x`, `x²`, `x⁻¹`, `5!`, `pi`/`π`, `oo`/`inf`/`∞`, `I`
(imaginary unit), `abs`, `×`, `·`, `÷`, `−`, Greek letters, relations `=`, `<`, `<=`, `≤`, `≠`
(equations and inequalities), and the special functions SymPy writes in its own answers
(`Si`, `erfi`, `polygamma`, `LambertW`, ...), so results read back in.

Conventions, each a choice worth knowing: multi-letter names are one symbol (`xy` is the
symbol xy, not x*y); a one-letter name before `(` multiplies (`x(x+1)`), a longer unknown
one is an error (`foo(x)`); `sin x` without parentheses is an error rather than a guess;
decimals are exact rationals (`0.1` is 1/10); `lambda`/`λ` is spelled `lamda`, as SymPy does,
and Python keywords are not names, so every result stays parseable by SymPy.
"""

from __future__ import annotations

import keyword
import math
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from tools.errors import HavocInputError

if TYPE_CHECKING:  # SymPy is imported lazily: parsing alone must not pay for it
    import sympy

MAX_LENGTH = 2000  # characters of one expression
MAX_DEPTH = 60  # nested parentheses, function calls, powers and signs
MAX_NAME_LENGTH = 40
MAX_LITERAL_EXPONENT = 1000  # 1e1000 is fine, 1e1001 is refused
MAX_RESULT_DIGITS = 4000  # a number built by ^ may have at most this many decimal digits
MAX_EXPONENT = 10**6  # |n| in x^n, whatever x is
MAX_FACTORIAL = 1000  # n! and gamma(n) for numeric n
MAX_BINOMIAL = 10_000

# ---------------------------------------------------------------- the tree


@dataclass(frozen=True, slots=True)
class Num:
    text: str  # decimal text as typed ("0.1", "2.5e3"); kept exact, never a float
    col: int


@dataclass(frozen=True, slots=True)
class Sym:
    name: str
    col: int


@dataclass(frozen=True, slots=True)
class Const:
    name: str  # a key of CONSTANTS
    col: int


@dataclass(frozen=True, slots=True)
class Call:
    func: str  # a key of FUNCTIONS (canonical name)
    args: tuple[Node, ...]
    col: int


@dataclass(frozen=True, slots=True)
class Sum:
    terms: tuple[tuple[int, Node], ...]  # (+1 or -1, term): flat, so long sums stay shallow


@dataclass(frozen=True, slots=True)
class Product:
    factors: tuple[tuple[str, Node, int], ...]  # ("*" or "/", factor, column of the operator)


@dataclass(frozen=True, slots=True)
class Neg:
    operand: Node
    col: int


@dataclass(frozen=True, slots=True)
class Power:
    base: Node
    exponent: Node
    col: int  # column of the ^ (where "exponent too large" points)


@dataclass(frozen=True, slots=True)
class Factorial:
    operand: Node
    double: bool
    col: int


@dataclass(frozen=True, slots=True)
class Relation:
    op: str  # one of RELATIONS
    lhs: Node
    rhs: Node
    col: int


Node = Num | Sym | Const | Call | Sum | Product | Neg | Power | Factorial | Relation

RELATIONS = ("=", "!=", "<", "<=", ">", ">=")

# ------------------------------------------------------- names we understand

# canonical name -> (min args, max args or None for any number)
FUNCTIONS: dict[str, tuple[int, int | None]] = {
    "sin": (1, 1), "cos": (1, 1), "tan": (1, 1), "cot": (1, 1), "sec": (1, 1), "csc": (1, 1),
    "asin": (1, 1), "acos": (1, 1), "atan": (1, 1), "acot": (1, 1), "asec": (1, 1), "acsc": (1, 1),
    "atan2": (2, 2),
    "sinh": (1, 1), "cosh": (1, 1), "tanh": (1, 1), "coth": (1, 1), "sech": (1, 1), "csch": (1, 1),
    "asinh": (1, 1), "acosh": (1, 1), "atanh": (1, 1), "acoth": (1, 1),
    "exp": (1, 1), "log": (1, 2), "log10": (1, 1), "log2": (1, 1),
    "sqrt": (1, 1), "cbrt": (1, 1), "root": (2, 2),
    "Abs": (1, 1), "sign": (1, 1), "floor": (1, 1), "ceiling": (1, 1),
    "re": (1, 1), "im": (1, 1), "conjugate": (1, 1), "arg": (1, 1),
    "factorial": (1, 1), "factorial2": (1, 1), "binomial": (2, 2), "gamma": (1, 1),
    "erf": (1, 1), "erfc": (1, 1), "Min": (1, None), "Max": (1, None),
    "Heaviside": (1, 1), "DiracDelta": (1, 1),
    "asech": (1, 1), "acsch": (1, 1), "sinc": (1, 1),
    # special functions SymPy writes in its answers (Si(x) from integrating sin(x)/x, ...): read
    # back so that a result can be checked numerically by `evaluate`
    "Si": (1, 1), "Ci": (1, 1), "Shi": (1, 1), "Chi": (1, 1), "Ei": (1, 1), "li": (1, 1),
    "erfi": (1, 1), "fresnels": (1, 1), "fresnelc": (1, 1), "polygamma": (2, 2), "digamma": (1, 1),
    "loggamma": (1, 1), "LambertW": (1, 2), "lowergamma": (2, 2), "uppergamma": (2, 2), "expint": (2, 2),
    "besselj": (2, 2), "bessely": (2, 2), "besseli": (2, 2), "besselk": (2, 2), "airyai": (1, 1),
    "airybi": (1, 1),
}
_SPECIAL = {"Si", "Ci", "Shi", "Chi", "Ei", "li", "erfi", "fresnels", "fresnelc", "polygamma", "digamma",
            "loggamma", "LambertW", "lowergamma", "uppergamma", "expint", "besselj", "bessely", "besseli",
            "besselk", "airyai", "airybi", "sinc"}
FUNCTION_ALIASES = {
    "ln": "log", "abs": "Abs", "arcsin": "asin", "arccos": "acos", "arctan": "atan",
    "arccot": "acot", "arcsec": "asec", "arccsc": "acsc", "arsinh": "asinh", "arcsinh": "asinh",
    "arcosh": "acosh", "arccosh": "acosh", "artanh": "atanh", "arctanh": "atanh",
    "ceil": "ceiling", "sgn": "sign", "min": "Min", "max": "Max", "heaviside": "Heaviside",
    "delta": "DiracDelta", "Gamma": "gamma", "lg": "log10",
}
# Names that are also ordinary variable names: without "(" they are symbols. Every other
# function name without "(" is an error, because `sin x` read as the symbol sin times x
# would be silently wrong.
SYMBOL_WHEN_NOT_CALLED = {"gamma", "re", "im", "arg", "sign", "root", "delta", "Gamma", "lg"} | _SPECIAL

CONSTANTS = {"pi": "pi", "π": "pi", "e": "E", "E": "E", "I": "I", "oo": "oo", "inf": "oo",
             "infinity": "oo", "Infinity": "oo", "∞": "oo", "EulerGamma": "EulerGamma",
             "GoldenRatio": "GoldenRatio", "Catalan": "Catalan", "zoo": "zoo", "nan": "nan"}

GREEK = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ζ": "zeta",
    "η": "eta", "θ": "theta", "ι": "iota", "κ": "kappa", "λ": "lamda", "μ": "mu", "ν": "nu",
    "ξ": "xi", "ο": "omicron", "ρ": "rho", "σ": "sigma", "τ": "tau", "υ": "upsilon",
    "φ": "phi", "χ": "chi", "ψ": "psi", "ω": "omega", "Δ": "Delta", "Θ": "Theta",
    "Λ": "Lambda", "Σ": "Sigma", "Φ": "Phi", "Ψ": "Psi", "Ω": "Omega",
}
_GREEK_NAMES = frozenset(GREEK.values())
LOG_BASE_RE = re.compile(r"log_(\d+)")
NAME_RE = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
NUMBER_RE = re.compile(r"(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
SUPERSCRIPTS = {"⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6",
                "⁷": "7", "⁸": "8", "⁹": "9"}
SINGLE_OPS = {"+": "+", "-": "-", "−": "-", "–": "-", "*": "*", "×": "*", "·": "*", "⋅": "*",
              "∙": "*", "/": "/", "÷": "/", "^": "^", "(": "(", ")": ")", ",": ",",
              "<": "<", ">": ">", "=": "=", "≤": "<=", "≥": ">=", "≠": "!=", "!": "!",
              "√": "sqrt", "∛": "cbrt"}
TWO_CHAR_OPS = {"**": "^", "<=": "<=", ">=": ">=", "==": "=", "!=": "!=", "!!": "!!"}


def is_symbol_name(name: str) -> bool:
    """Whether `name` may be used as a variable: what a `variable` argument is checked with."""
    if not isinstance(name, str):
        return False
    name = GREEK.get(name, name)
    return (bool(NAME_RE.fullmatch(name)) and "__" not in name and len(name) <= MAX_NAME_LENGTH
            and name not in CONSTANTS)


def check_symbol_name(name: Any, field: str) -> str:
    """Validate a variable name given on its own (not inside an expression)."""
    if not isinstance(name, str) or not name.strip():
        raise HavocInputError("expected a variable name such as x", field=field)
    text = name.strip()
    text = GREEK.get(text, text)
    text = "lamda" if text == "lambda" else text
    if keyword.iskeyword(text):
        raise HavocInputError(f"{text!r} is a reserved word, not a name for a variable", field=field)
    if text in CONSTANTS:
        raise HavocInputError(f"{text!r} is a constant, not a variable", field=field)
    if (text in FUNCTIONS or text in FUNCTION_ALIASES) and text not in SYMBOL_WHEN_NOT_CALLED:
        raise HavocInputError(f"{text!r} is a function name, not a variable", field=field)
    if not is_symbol_name(text):
        raise HavocInputError(f"{text[:40]!r} is not a variable name (letters, digits and _, starting with a letter)",
                              field=field)
    return text


# ------------------------------------------------------------ tokenizer


@dataclass(frozen=True, slots=True)
class _Tok:
    kind: str  # num, name, op, end
    text: str
    col: int


def error_at(field: str, message: str, col: int) -> HavocInputError:
    """The error for a problem at a column of a text field: "field: message at column N"."""
    return HavocInputError(f"{message} at column {col}", field=field)


_fail = error_at


def _tokenize(text: str, field: str) -> list[_Tok]:
    toks: list[_Tok] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        col = i + 1
        if ch.isspace():
            i += 1
            continue
        if ch in "0123456789" or (ch == "." and i + 1 < n and text[i + 1] in "0123456789"):
            m = NUMBER_RE.match(text, i)
            assert m is not None
            toks.append(_Tok("num", m.group(), col))
            i = m.end()
            continue
        if ch.isascii() and ch.isalpha():
            m = NAME_RE.match(text, i)
            assert m is not None
            name = m.group()
            if name == "lambda":
                name = "lamda"  # SymPy's spelling: results must stay parseable by SymPy
            elif keyword.iskeyword(name):
                raise _fail(field, f"{name!r} is a reserved word, not a name for a variable", col)
            if "__" in name:
                raise _fail(field, f"name {name[:40]!r} contains '__', which is not allowed", col)
            if len(name) > MAX_NAME_LENGTH:
                raise _fail(field, f"name longer than {MAX_NAME_LENGTH} characters", col)
            toks.append(_Tok("name", name, col))
            i = m.end()
            continue
        if ch in GREEK or ch in ("π", "∞"):
            toks.append(_Tok("name", GREEK.get(ch, ch), col))
            i += 1
            continue
        if ch in SUPERSCRIPTS or ch == "⁻":
            j = i + 1 if ch == "⁻" else i
            digits = ""
            while j < n and text[j] in SUPERSCRIPTS:
                digits += SUPERSCRIPTS[text[j]]
                j += 1
            if not digits:
                raise _fail(field, "superscript minus needs superscript digits after it", col)
            toks.append(_Tok("op", "^", col))
            if ch == "⁻":
                toks.append(_Tok("op", "-", col))
            toks.append(_Tok("num", digits, col))
            i = j
            continue
        pair = text[i:i + 2]
        if pair in TWO_CHAR_OPS:
            toks.append(_Tok("op", TWO_CHAR_OPS[pair], col))
            i += 2
            continue
        if ch in SINGLE_OPS:
            toks.append(_Tok("op", SINGLE_OPS[ch], col))
            i += 1
            continue
        if ch == "_":
            raise _fail(field, "names may not start with '_'", col)
        if ch == "|":
            raise _fail(field, "write abs(...) instead of |...|", col)
        if ch in "[]{}":
            raise _fail(field, f"unexpected {ch!r}: use ( ) for grouping", col)
        shown = ch if ch.isprintable() else f"U+{ord(ch):04X}"
        raise _fail(field, f"unexpected character {shown!r}", col)
    toks.append(_Tok("end", "", n + 1))
    return toks


# --------------------------------------------------------------- parser


class _Parser:
    def __init__(self, toks: list[_Tok], field: str) -> None:
        self.toks = toks
        self.pos = 0
        self.field = field
        self.depth = 0

    # helpers
    @property
    def tok(self) -> _Tok:
        return self.toks[self.pos]

    def next(self) -> _Tok:
        tok = self.toks[self.pos]
        self.pos += 1
        return tok

    def is_op(self, *ops: str) -> bool:
        return self.tok.kind == "op" and self.tok.text in ops

    def expect(self, op: str, what: str) -> _Tok:
        if not self.is_op(op):
            raise self.error(f"expected {what}")
        return self.next()

    def error(self, message: str, tok: _Tok | None = None) -> HavocInputError:
        tok = tok or self.tok
        found = "end of input" if tok.kind == "end" else repr(tok.text)
        return _fail(self.field, f"{message}, found {found}", tok.col)

    def enter(self, tok: _Tok) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _fail(self.field, f"nested more than {MAX_DEPTH} levels deep", tok.col)

    # grammar
    def relation(self) -> Node:
        lhs = self.sum()
        if self.is_op(*RELATIONS):
            op_tok = self.next()
            rhs = self.sum()
            if self.is_op(*RELATIONS):
                raise self.error("only one relation (=, <, ...) per expression")
            return Relation(op_tok.text, lhs, rhs, op_tok.col)
        return lhs

    def sum(self) -> Node:
        terms: list[tuple[int, Node]] = [(1, self.term())]
        while self.is_op("+", "-"):
            sign = 1 if self.next().text == "+" else -1
            terms.append((sign, self.term()))
        if len(terms) == 1:
            return terms[0][1]
        return Sum(tuple(terms))

    def starts_implicit_factor(self) -> bool:
        tok = self.tok
        return tok.kind == "name" or (tok.kind == "op" and tok.text in ("(", "sqrt", "cbrt"))

    def term(self) -> Node:
        first_col = self.tok.col
        factors: list[tuple[str, Node, int]] = [("*", self.signed(), first_col)]
        while True:
            if self.is_op("*", "/"):
                op_tok = self.next()
                factors.append((op_tok.text, self.signed(), op_tok.col))
            elif self.starts_implicit_factor():
                factors.append(("*", self.power(), self.tok.col))
            elif self.tok.kind == "num":
                raise self.error("missing operator before a number")
            else:
                break
        if len(factors) == 1:
            return factors[0][1]
        return Product(tuple(factors))

    def signed(self) -> Node:
        if self.is_op("+", "-"):
            tok = self.next()
            self.enter(tok)
            operand = self.signed()
            self.depth -= 1
            return Neg(operand, tok.col) if tok.text == "-" else operand
        return self.power()

    def power(self) -> Node:
        base = self.postfix()
        if self.is_op("^"):
            tok = self.next()
            self.enter(tok)
            exponent = self.signed()  # right-associative; allows x^-2
            self.depth -= 1
            return Power(base, exponent, tok.col)
        return base

    def postfix(self) -> Node:
        node = self.atom()
        while self.is_op("!", "!!"):
            tok = self.next()
            node = Factorial(node, tok.text == "!!", tok.col)
        return node

    def atom(self) -> Node:
        tok = self.tok
        if tok.kind == "num":
            self.next()
            return Num(tok.text, tok.col)
        if tok.kind == "name":
            return self.name()
        if tok.kind == "op" and tok.text == "(":
            self.next()
            self.enter(tok)
            if self.is_op(")"):
                raise self.error("empty parentheses")
            inner = self.sum()
            if not self.is_op(")"):
                raise self.error(f"unbalanced '(' opened at column {tok.col}: expected ')'")
            self.next()
            self.depth -= 1
            return inner
        if tok.kind == "op" and tok.text in ("sqrt", "cbrt"):
            self.next()
            self.enter(tok)
            operand = self.atom()
            self.depth -= 1
            return Call(tok.text, (operand,), tok.col)
        if tok.kind == "end":
            raise self.error("expression ended early")
        raise self.error("expected a number, a name or '('")

    def name(self) -> Node:
        tok = self.next()
        raw = tok.text
        base = LOG_BASE_RE.fullmatch(raw)
        if base and self.is_op("("):  # log_2(x) is log(x, 2)
            call = self.call("log", tok, fixed_args=1)
            return Call("log", (*call.args, Num(base.group(1), tok.col + 4)), tok.col)
        func = FUNCTION_ALIASES.get(raw, raw) if (raw in FUNCTIONS or raw in FUNCTION_ALIASES) else None
        if func is not None:
            if self.is_op("("):
                return self.call(func, tok)
            if self.is_op("^") and self.toks[self.pos + 1].kind == "num" and \
                    self.toks[self.pos + 2].kind == "op" and self.toks[self.pos + 2].text == "(":
                # sin^2(x) means sin(x)^2
                pow_tok = self.next()
                num_tok = self.next()
                return Power(self.call(func, tok), Num(num_tok.text, num_tok.col), pow_tok.col)
            if raw not in SYMBOL_WHEN_NOT_CALLED:
                raise _fail(self.field, f"function {raw} needs its argument in parentheses: {raw}(...)", tok.col)
            return Sym(raw, tok.col)
        if raw in CONSTANTS:
            return Const(CONSTANTS[raw], tok.col)
        if self.is_op("(") and len(raw) > 1 and raw not in _GREEK_NAMES:
            raise _fail(self.field, f"unknown function {raw!r}", tok.col)
        return Sym(raw, tok.col)  # a one-letter name before "(" multiplies: x(x+1), θ(1 - θ)

    def call(self, func: str, name_tok: _Tok, fixed_args: int | None = None) -> Call:
        open_tok = self.next()
        self.enter(open_tok)
        args: list[Node] = []
        if self.is_op(")"):
            raise self.error(f"{name_tok.text}() needs an argument")
        while True:
            args.append(self.sum())
            if self.is_op(","):
                self.next()
                continue
            if self.is_op(")"):
                self.next()
                break
            raise self.error(f"expected ',' or ')' in the call of {name_tok.text} at column {name_tok.col}")
        self.depth -= 1
        low, high = FUNCTIONS[func] if fixed_args is None else (fixed_args, fixed_args)
        if len(args) < low or (high is not None and len(args) > high):
            want = f"{low}" if low == high else f"{low} to {high}" if high else f"at least {low}"
            raise _fail(self.field, f"{name_tok.text} takes {want} argument(s), got {len(args)}", name_tok.col)
        return Call(func, tuple(args), name_tok.col)


def _check_text(text: Any, field: str) -> str:
    if isinstance(text, bool) or not isinstance(text, (str, int, Decimal, float)):
        raise HavocInputError(f"expected a text expression, got {type(text).__name__}", field=field)
    if not isinstance(text, str):
        text = str(text)
    if len(text) > MAX_LENGTH:
        raise HavocInputError(f"longer than {MAX_LENGTH} characters (got {len(text)}) at column {MAX_LENGTH + 1}",
                              field=field)
    if not text.strip():
        raise HavocInputError("is empty at column 1", field=field)
    return text


def parse(text: Any, field: str = "expression", *, relation: bool = False) -> Node:
    """Parse one expression (or, with `relation=True`, an equation/inequality) into a tree.

    Errors are one-line `HavocInputError`s naming `field` and the column.
    """
    text = _check_text(text, field)
    parser = _Parser(_tokenize(text, field), field)
    node = parser.relation() if relation else parser.sum()
    if parser.tok.kind != "end":
        tok = parser.tok
        if tok.kind == "op" and tok.text == ")":
            raise _fail(field, "unbalanced ')': no '(' to close", tok.col)
        if tok.kind == "op" and tok.text in RELATIONS and not relation:
            raise _fail(field, f"{tok.text!r} is not allowed here: give an expression, not an equation", tok.col)
        raise parser.error("unexpected input after a complete expression")
    return node


def symbols_in(node: Node) -> set[str]:
    """Names of the free symbols of a tree (without building SymPy objects)."""
    found: set[str] = set()
    stack: list[Node] = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, Sym):
            found.add(item.name)
        elif isinstance(item, Call):
            stack.extend(item.args)
        elif isinstance(item, Sum):
            stack.extend(t for _, t in item.terms)
        elif isinstance(item, Product):
            stack.extend(f for _, f, _ in item.factors)
        elif isinstance(item, (Neg, Factorial)):
            stack.append(item.operand)
        elif isinstance(item, Power):
            stack.extend((item.base, item.exponent))
        elif isinstance(item, Relation):
            stack.extend((item.lhs, item.rhs))
    return found


# ----------------------------------------------------------- to SymPy


def _log10_size(value: sympy.Rational) -> float:
    """Decimal digits of the larger of numerator and denominator (an upper bound of the size)."""
    p, q = abs(int(value.p)), int(value.q)
    return max(math.log10(p) if p else 0.0, math.log10(q))


class _Builder:
    def __init__(self, field: str, real: bool) -> None:
        import sympy

        self.sp = sympy
        self.field = field
        self.real = real
        self.symbols: dict[str, sympy.Symbol] = {}

    def fail(self, message: str, col: int) -> HavocInputError:
        return _fail(self.field, message, col)

    def build(self, node: Node) -> Any:
        sp = self.sp
        if isinstance(node, Num):
            return self.number(node)
        if isinstance(node, Sym):
            sym = self.symbols.get(node.name)
            if sym is None:
                sym = self.symbols[node.name] = sp.Symbol(node.name, real=True) if self.real else sp.Symbol(node.name)
            return sym
        if isinstance(node, Const):
            return {"pi": sp.pi, "E": sp.E, "I": sp.I, "oo": sp.oo, "EulerGamma": sp.EulerGamma,
                    "GoldenRatio": sp.GoldenRatio, "Catalan": sp.Catalan, "zoo": sp.zoo, "nan": sp.nan}[node.name]
        if isinstance(node, Sum):
            return sp.Add(*[self.build(t) if s > 0 else -self.build(t) for s, t in node.terms])
        if isinstance(node, Product):
            num, den = [], []
            for op, factor, col in node.factors:
                value = self.build(factor)
                if op == "/":
                    if value == 0:
                        raise self.fail("division by zero", col)
                    den.append(value)
                else:
                    num.append(value)
            value = sp.Mul(*num) / sp.Mul(*den) if den else sp.Mul(*num)
            if value.is_Rational and _log10_size(value) > MAX_RESULT_DIGITS:
                raise self.fail(f"this product has more than {MAX_RESULT_DIGITS} digits", node.factors[-1][2])
            return value
        if isinstance(node, Neg):
            return -self.build(node.operand)
        if isinstance(node, Power):
            return self.power(self.build(node.base), self.build(node.exponent), node.col)
        if isinstance(node, Factorial):
            arg = self.build(node.operand)
            self.check_integer_arg(arg, MAX_FACTORIAL * (2 if node.double else 1), "factorial", node.col)
            return sp.factorial2(arg) if node.double else sp.factorial(arg)
        if isinstance(node, Call):
            return self.call(node)
        if isinstance(node, Relation):
            lhs, rhs = self.build(node.lhs), self.build(node.rhs)
            cls = {"=": sp.Eq, "!=": sp.Ne, "<": sp.Lt, "<=": sp.Le, ">": sp.Gt, ">=": sp.Ge}[node.op]
            return cls(lhs, rhs, evaluate=False)
        raise TypeError(f"not a parse tree node: {type(node).__name__}")

    def number(self, node: Num) -> Any:
        try:
            exponent = Decimal(node.text).adjusted()
        except InvalidOperation:  # the tokenizer only lets decimal text through; be safe anyway
            raise self.fail(f"{node.text!r} is not a number", node.col) from None
        if abs(exponent) > MAX_LITERAL_EXPONENT:
            raise self.fail(f"number {node.text[:30]} is beyond 10^{MAX_LITERAL_EXPONENT}", node.col)
        exact = Fraction(Decimal(node.text))  # exact, and no SymPy string parsing involved
        return self.sp.Rational(exact.numerator, exact.denominator)

    def power(self, base: Any, exponent: Any, col: int) -> Any:
        sp = self.sp
        if exponent.is_Rational:
            if abs(exponent.p) > MAX_EXPONENT * exponent.q:
                raise self.fail(f"exponent {_short(exponent)} is too large (limit {MAX_EXPONENT})", col)
            size = abs(int(exponent.p)) / int(exponent.q)
            if not base.is_Add:
                # SymPy distributes integer powers over products and evaluates numbers:
                # bound the digits of every number that would be raised.
                weight = sum(_log10_size(a) for a in base.atoms(sp.Rational) if abs(a) != 1 and a != 0)
                if weight * size > MAX_RESULT_DIGITS:
                    raise self.fail(
                        f"{_short(base)}^{_short(exponent)} would have more than {MAX_RESULT_DIGITS} digits", col)
        if base == 0 and exponent.is_negative:
            raise self.fail("division by zero (0 to a negative power)", col)
        return sp.Pow(base, exponent)

    def check_integer_arg(self, arg: Any, limit: int, what: str, col: int) -> None:
        if arg.is_Rational and abs(arg) > limit:
            raise self.fail(f"{what} of {_short(arg)} is too large (limit {limit})", col)

    def call(self, node: Call) -> Any:
        sp = self.sp
        args = [self.build(a) for a in node.args]
        name, col = node.func, node.col
        if name == "sqrt":
            return self.power(args[0], sp.Rational(1, 2), col)
        if name == "cbrt":
            return self.power(args[0], sp.Rational(1, 3), col)
        if name == "root":
            if args[1] == 0:
                raise self.fail("root of degree 0", col)
            return self.power(args[0], 1 / args[1], col)
        if name == "log":
            if len(args) == 2 and args[1] in (0, 1):
                raise self.fail(f"logarithm base {args[1]} is undefined", col)
            return sp.log(*args)
        if name == "log10":
            return sp.log(args[0], 10)
        if name == "log2":
            return sp.log(args[0], 2)
        if name in ("factorial", "factorial2", "gamma", "polygamma"):
            self.check_integer_arg(args[0], MAX_FACTORIAL * (2 if name == "factorial2" else 1), name, col)
        if name == "binomial":
            for a in args:
                self.check_integer_arg(a, MAX_BINOMIAL, name, col)
        if name not in FUNCTIONS:
            raise self.fail(f"unknown function {name!r}", col)
        return getattr(sp, name)(*args)  # `name` is a key of FUNCTIONS, never user text


def _short(value: Any) -> str:
    """A short, always printable rendering for error messages (huge integers cannot be str()-ed)."""
    if getattr(value, "is_Rational", False) and _log10_size(value) > 30:
        return f"(a number of about {round(_log10_size(value))} digits)"
    try:
        text = str(value)
    except ValueError:
        return "(a very large expression)"
    return text if len(text) <= 30 else text[:27] + "..."


def to_sympy(node: Node, field: str = "expression", *, real: bool = False) -> Any:
    """Build the SymPy object for a parsed tree, enforcing the size caps on the way.

    `real=True` makes every symbol real (what a calculus user means by x: d|x|/dx = sign(x));
    the default is SymPy's own (complex) symbol.
    """
    try:
        return _Builder(field, real).build(node)
    except RecursionError:
        raise HavocInputError(f"nested too deeply (limit {MAX_DEPTH})", field=field) from None


def parse_sympy(text: Any, field: str = "expression", *, relation: bool = False, real: bool = False) -> Any:
    """`parse` then `to_sympy`: text in, a SymPy expression (or relational) out."""
    return to_sympy(parse(text, field, relation=relation), field, real=real)


def number_node(value: Any, field: str) -> Node:
    """A JSON number (Decimal keeps its text) or an expression string, as a tree.

    Floats are read through `repr`, so 0.1 means one tenth, as the user wrote it.
    """
    if isinstance(value, bool):
        raise HavocInputError("expected a number or an expression, got a boolean", field=field)
    if isinstance(value, (int, Decimal)):
        if isinstance(value, Decimal) and not value.is_finite():
            raise HavocInputError(f"{value} is not a finite number; write oo or -oo for infinity", field=field)
        text = str(value)
    elif isinstance(value, float):
        if value != value:
            raise HavocInputError("NaN is not a number", field=field)
        text = "oo" if value == float("inf") else "-oo" if value == float("-inf") else repr(value)
    elif isinstance(value, str):
        text = value
    else:
        raise HavocInputError(f"expected a number or an expression, got {type(value).__name__}", field=field)
    return parse(text, field)
