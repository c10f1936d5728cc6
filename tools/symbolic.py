"""Symbolic maths tools: differentiate, integrate, solve, simplify, limit, series, summation, matrix, evaluate.

Why this shape: user text is parsed here, in the calling process, by `tools.safe_expr`
(never by `sympify`, which runs code), so a typo is reported at once with its column and
costs no SymPy import. The SymPy work itself runs in a worker process with a time limit
(`tools.worker`), because an integral or a `solve` can run for minutes and only a process
can be stopped. Every result carries `result` (text that SymPy parses back) and `latex`,
plus numeric values where a number is meaningful, so that the graph's AUDIT can check a
result by an independent route (finite differences through `evaluate`, quadrature for a
definite integral).
"""

from __future__ import annotations

import contextlib
import functools
import signal
import threading
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Annotated, Any, Literal, TypeVar

from pydantic import AliasChoices, BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr

from tools import safe_expr
from tools.errors import HavocInputError
from tools.registry import register
from tools.safe_expr import Node
from tools.worker import DEFAULT_TIMEOUT_S, MAX_TIMEOUT_S, ToolTimeoutError, run_with_timeout

T = TypeVar("T")

MAX_RESULT_CHARS = 100_000
MAX_ORDER = 50
MAX_MATRIX = 20
CHECK_TIMEOUT_S = 10.0  # the numeric cross-check of a definite integral gets at most this
MAX_EQUATIONS = 20
MAX_VALUES = 100


def _to_text(value: Any) -> Any:
    """Let a JSON number stand for an expression ("5" and 5 mean the same)."""
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    return value


ExprText = Annotated[str, BeforeValidator(_to_text), Field(description="a maths expression, e.g. x^3*sin(x)")]
Scalar = str | int | Decimal | float
Names = str | list[str]
Timeout = Annotated[float, Field(gt=0, le=MAX_TIMEOUT_S, description=f"seconds before the work is stopped "
                                                                    f"(at most {MAX_TIMEOUT_S:g})")]


class _Args(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


# ------------------------------------------------------------------ results


class SymbolicResult(BaseModel):
    result: str = Field(description="the answer as text SymPy parses back")
    latex: str


class Value(BaseModel):
    """One exact value with its numeric form (numeric is None when it is not a finite number)."""

    exact: str
    latex: str
    numeric: float | None = None
    imag: float | None = Field(None, description="imaginary part when the value is complex")
    is_real: bool | None = None


class PointValue(BaseModel):
    result: str = Field(description="the value as text, to the requested digits")
    value: float | None = Field(None, description="the real value; None when complex or not finite")
    imag: float | None = None
    is_real: bool
    finite: bool
    exact: str | None = None


class DerivativeResult(SymbolicResult):
    expression: str
    variables: list[str] = Field(description="the variables differentiated by, in order (x, x = second derivative)")
    order: int
    at: dict[str, str] | None = Field(None, description="the point the result was evaluated at, when one was given")
    value_at: PointValue | None = Field(None, description="the result's value at that point (exact and numeric)")


class IntegralResult(SymbolicResult):
    expression: str
    variable: str
    definite: bool
    lower: str | None = None
    upper: str | None = None
    evaluated: bool = Field(description="False when SymPy found no closed form (result is the unevaluated integral)")
    numeric: float | None = Field(None, description="the definite integral's value (real part) as a number")
    numeric_imag: float | None = Field(None, description="its imaginary part, when the value is complex")
    numeric_check: float | None = Field(None, description="independent numerical quadrature of the integrand")
    numeric_check_imag: float | None = None
    check_agrees: bool | None = None
    split_at: list[str] | None = Field(None, description="where the integrand switches branch (abs, sign, floor, "
                                                         "Max, ...) between the bounds: it was integrated piece "
                                                         "by piece between these points")
    note: str | None = None
    # a closed form from SymPy over an integrand whose break points were not found: kept only if quadrature agrees
    _tentative: tuple[str, str] | None = PrivateAttr(None)


class SolveResult(SymbolicResult):
    equations: list[str]
    variables: list[str]
    kind: Literal["equations", "inequality"]
    domain: Literal["complex", "real"]
    solutions: list[dict[str, Value]]
    count: int
    complete: bool | None = Field(None, description="False when the solutions shown are only the principal ones "
                                                    "of an infinite family (see solution_set)")
    solution_set: str | None = None


class PartialFraction(BaseModel):
    numerator: str
    denominator: str
    value: float | None = Field(None, description="the numerator as a number, when it is a constant (the A of A/(x - 5))")


class Coefficient(BaseModel):
    power: int
    coefficient: str
    value: float | None = None


class SimplifyResult(SymbolicResult):
    expression: str
    method: str
    changed: bool
    at: dict[str, str] | None = Field(None, description="the point the result was evaluated at, when one was given")
    value_at: PointValue | None = Field(None, description="the result's value at that point (exact and numeric)")
    fractions: list[PartialFraction] | None = Field(None, description="apart: each partial fraction, its numerator "
                                                                      "over its denominator (A/(x - 5) …)")
    coefficients: list[Coefficient] | None = Field(None, description="expand, of a polynomial in one variable: the "
                                                                     "coefficient of each power, lowest first")


class LimitResult(SymbolicResult):
    expression: str
    variable: str
    point: str
    direction: str
    exists: bool = Field(description="True when the limit is one finite or infinite value")
    finite: bool
    numeric: float | None = None
    left: str | None = None
    right: str | None = None


class SummationResult(SymbolicResult):
    expression: str
    variable: str
    lower: str
    upper: str
    evaluated: bool = Field(description="False when SymPy found no closed form (result is then the unevaluated sum)")
    converges: bool | None = Field(None, description="an infinite sum: True when it has a finite value, False when "
                                                     "it diverges, None when that could not be decided")
    numeric: float | None = Field(None, description="the value as a number")
    numeric_check: float | None = Field(None, description="the value by adding the terms numerically (mpmath: "
                                                          "exactly for a finite range, by extrapolation for an "
                                                          "infinite one), independent of the closed form")
    check_agrees: bool | None = None
    note: str | None = None


class SeriesResult(SymbolicResult):
    expression: str
    variable: str
    point: str
    order: int
    polynomial: str = Field(description="the series without its O(...) term")
    coefficients: list[str] | None = Field(None, description="c0..c(order-1) of powers of (x - point), "
                                                             "when the series is a plain power series")
    numeric_coefficients: list[float | None] | None = Field(None, description="the coefficients in decimals (None "
                                                                              "where one is not a real number)")


class Eigenvalue(BaseModel):
    value: Value
    multiplicity: int
    vectors: list[list[str]] | None = None


class MatrixResult(SymbolicResult):
    operation: str
    shape: list[int]
    value: Value | None = Field(None, description="scalar results: determinant, rank, trace")
    rows: list[list[str]] | None = Field(None, description="matrix results: inverse, transpose, rref")
    numeric_rows: list[list[float]] | None = Field(
        None, description="the matrix result in decimals, when every entry is a real number (52/263 → 0.1977…)")
    eigenvalues: list[Eigenvalue] | None = None
    result_trace: Value | None = Field(None, description="square matrix results (inverse, transpose): the trace of "
                                       "the result, e.g. the trace of the inverse")


class EvaluateResult(SymbolicResult, PointValue):
    expression: str
    unused: list[str] = Field(default_factory=list, description="names in values that the expression does not use")
    points: list[PointValue] = Field(default_factory=list, description="one entry per point, when points were given")


# --------------------------------------------------------------- helpers


def _sp() -> Any:
    import sympy

    return sympy


def _text(expr: Any, field: str = "result") -> str:
    try:
        text = str(expr)
    except ValueError:  # Python refuses to print integers of more than 4300 digits
        raise HavocInputError("the result contains a number too large to print", field=field) from None
    if len(text) > MAX_RESULT_CHARS:
        raise HavocInputError(f"the result is longer than {MAX_RESULT_CHARS} characters", field=field)
    return text


def _latex(expr: Any) -> str:
    try:
        text = _sp().latex(expr)
    except ValueError:
        raise HavocInputError("the result contains a number too large to print", field="result") from None
    if len(text) > 2 * MAX_RESULT_CHARS:
        raise HavocInputError(f"the result's LaTeX is longer than {2 * MAX_RESULT_CHARS} characters", field="result")
    return text


def _numeric(expr: Any) -> tuple[float | None, float | None, bool | None]:
    """(real part, imaginary part or None, is_real) of a closed-form number.

    Nones when it is not a finite number; a part too large for a float is None too,
    while is_real still tells what kind of number it is.
    """
    sp = _sp()
    try:
        if not getattr(expr, "is_number", False) or expr.has(sp.zoo, sp.nan, sp.oo, -sp.oo, sp.AccumBounds):
            return None, None, None
        roots = expr.atoms(sp.CRootOf)
        if roots:  # evalf refines CRootOf's isolating rectangles exactly: seconds per root; Newton takes ms
            expr = expr.xreplace({r: r.eval_approx(17) for r in roots})
        value = sp.N(expr, 17)  # 17 digits round-trip a float
        re_part, im_part = value.as_real_imag()
        is_real = bool(im_part == 0 or abs(im_part) <= abs(re_part) * sp.Float("1e-16", 17))
        re_f, im_f = _float(re_part), _float(im_part)
    except (TypeError, ValueError, AttributeError, ArithmeticError):
        return None, None, None
    return re_f, (None if is_real else im_f), is_real


def _float(value: Any) -> float | None:
    number = float(value)
    return number if abs(number) < float("inf") else None


def _value(expr: Any) -> Value:
    numeric, imag, is_real = _numeric(expr)
    return Value(exact=_text(expr), latex=_latex(expr), numeric=numeric, imag=imag, is_real=is_real)


def _names(value: Names | None, field: str) -> list[str] | None:
    if value is None:
        return None
    items = [value] if isinstance(value, str) else list(value)
    if not items:
        raise HavocInputError("is empty", field=field)
    return [safe_expr.check_symbol_name(v, f"{field}[{i}]" if not isinstance(value, str) else field)
            for i, v in enumerate(items)]


def _pick_variable(tree: Node | list[Node], given: Names | None, field: str = "variable") -> str:
    names = _names(given, field)
    if names is not None:
        if len(names) != 1:
            raise HavocInputError("give one variable", field=field)
        return names[0]
    trees = tree if isinstance(tree, list) else [tree]
    found = sorted(set().union(*(safe_expr.symbols_in(t) for t in trees)))
    if len(found) == 1:
        return found[0]
    if not found:
        return "x"
    raise HavocInputError(f"the expression has several symbols ({', '.join(found)}); say which one", field=field)


def _scalar_tree(value: Scalar | None, field: str) -> Node | None:
    return None if value is None else safe_expr.number_node(value, field)


def _timeout(args: Any) -> float:
    return float(getattr(args, "timeout_s", DEFAULT_TIMEOUT_S) or DEFAULT_TIMEOUT_S)


def _build(tree: Node, field: str, real: bool = True) -> Any:
    """Symbols are real unless a tool says otherwise: x in calculus is a real variable."""
    return safe_expr.to_sympy(tree, field, real=real)


def _symbol(name: str, real: bool = True) -> Any:
    return _sp().Symbol(name, real=True) if real else _sp().Symbol(name)


def _math_errors(what: str, field: str = "expression") -> Callable[[Callable[..., T]], Callable[..., T]]:
    """Turn SymPy's complaints about the maths (ValueError, NotImplementedError, ...) into input errors.

    SymPy signals "this cannot be done with this input" (a factorial2 of 1.75, an undecidable
    comparison) with ordinary exceptions; to the user that is bad input, said in one line.
    """
    def wrap(job: Callable[..., T]) -> Callable[..., T]:
        @functools.wraps(job)
        def run(*args: Any, **kwargs: Any) -> T:
            try:
                return job(*args, **kwargs)
            except HavocInputError:
                raise
            except Exception as exc:
                maths = isinstance(exc, (ValueError, TypeError, NotImplementedError, ArithmeticError)) or \
                    type(exc).__module__.startswith("sympy.polys")  # PolynomialError, CoercionFailed, ...
                if not maths:
                    raise
                raise HavocInputError(f"{what} is not possible here: {_brief(exc)}", field=field) from None

        return run

    return wrap


# ------------------------------------------------------------ differentiate


class DifferentiateArgs(_Args):
    expression: ExprText
    variable: Names | None = Field(None, validation_alias=AliasChoices("variable", "variables"),
                                   description="x, or a list such as [x, y] for the mixed partial d2/dxdy; "
                                               "default: the only symbol")
    order: int = Field(1, ge=1, le=MAX_ORDER, description="how many times (with one variable)")
    simplify: bool = Field(False, description="also simplify the derivative (slower on big expressions)")
    at: dict[str, Scalar] | None = Field(None, description="{variable: value}: also the derivative's value there "
                                                           "(the slope at x = e, ∂f/∂y at (1, 2))")
    timeout_s: Timeout = DEFAULT_TIMEOUT_S


def _value_there(sp: Any, result: Any, at: dict[str, Node] | None) -> dict[str, Any]:
    """The `at` and `value_at` fields: the result's exact and numeric value at the given point."""
    if not at:
        return {}
    subs = {_symbol(k): _build(v, f"at.{k}") for k, v in at.items()}
    point, _ = _evaluate_at(sp, result, subs, 15, True)
    return {"at": {str(k): _text(v, f"at.{k}") for k, v in subs.items()}, "value_at": point}


def _at_trees(at: dict[str, Scalar] | None, tree: Node) -> dict[str, Node] | None:
    """The point's values, checked: numbers or constants, and one for every symbol of the expression."""
    if not at:
        return None
    if len(at) > MAX_VALUES:
        raise HavocInputError(f"at most {MAX_VALUES} values", field="at")
    trees = _value_trees(at, "at")
    missing = sorted(safe_expr.symbols_in(tree) - set(trees))
    if missing:
        raise HavocInputError(f"no value for {', '.join(missing)} in the point", field="at")
    return trees


@_math_errors("differentiation", "expression")
def _differentiate_job(tree: Node, variables: list[str], simplify: bool = False,
                       at: dict[str, Node] | None = None) -> DerivativeResult:
    sp = _sp()
    expr = _build(tree, "expression")
    result = sp.diff(expr, *[_symbol(v) for v in variables])
    if simplify:
        result = sp.simplify(result)
    return DerivativeResult(result=_text(result), latex=_latex(result), expression=_text(expr, "expression"),
                            variables=variables, order=len(variables), **_value_there(sp, result, at))


@register("differentiate", DifferentiateArgs)
def differentiate(args: DifferentiateArgs) -> DerivativeResult:
    """Derivative of an expression: d^n/dx^n, or mixed partials over a list of variables."""
    tree = safe_expr.parse(args.expression, "expression")
    if isinstance(args.variable, list) and len(args.variable) > 1:
        if args.order != 1:
            raise HavocInputError("give either one variable with an order, or a list of variables", field="order")
        variables = _names(args.variable, "variable") or []
        if len(variables) > MAX_ORDER:
            raise HavocInputError(f"at most {MAX_ORDER} differentiations", field="variable")
    else:
        variables = [_pick_variable(tree, args.variable)] * args.order
    return run_with_timeout(_differentiate_job, tree, variables, args.simplify, _at_trees(args.at, tree),
                            timeout=_timeout(args), label="differentiate")


# ---------------------------------------------------------------- integrate


class IntegrateArgs(_Args):
    expression: ExprText
    variable: str | None = Field(None, description="default: the only symbol")
    lower: Scalar | None = Field(None, description="lower bound (number or expression, -oo allowed)")
    upper: Scalar | None = Field(None, description="upper bound (number or expression, oo allowed)")
    timeout_s: Timeout = DEFAULT_TIMEOUT_S


# ------------------------------------------- integrands with kinks and jumps
#
# SymPy's definite integral of abs(sin(3x)) over [0, 10] is wrong (it integrates as if the
# sign never changed), and tanh-sinh quadrature loses its precision at a kink. Both are fixed
# the same way: find where the formula switches branch (abs, sign, Heaviside: where the
# argument is 0 or has a pole; Max, Min: where two arguments cross; floor, ceiling: where the
# argument passes an integer), then integrate piece by piece, each piece with the branch it
# takes at its midpoint, so that every piece is smooth.

SWITCH_FUNCTIONS = ("Abs", "sign", "Heaviside", "floor", "ceiling", "Max", "Min")
MAX_PIECES = 500  # more pieces than this are not integrated one by one (abs(sin(1000x)) on [0, 100])
_DIGITS = 30  # working precision for placing and comparing break points
_TIE = 1e-20  # values closer than this (relative) count as equal when choosing a branch


class _TooManyPieces(Exception):
    """The integrand switches branch more often than MAX_PIECES allows."""


class _NoExactBreaks(Exception):
    """SymPy cannot give the break points exactly (the message says which and why)."""


class _OutOfTime(BaseException):
    """A SymPy step ran past its share of the time (BaseException: SymPy's own `except Exception` lets it by)."""


@contextlib.contextmanager
def _time_budget(seconds: float) -> Iterator[None]:
    """Raise _OutOfTime in the block after `seconds` (a timer signal; only in a main thread, and only if > 0).

    solveset can run for minutes on an argument such as sin(x)*cos(x)^2 - 1/4; the part of
    the work that has a numeric way out gets a share of the time and then takes that way.
    """
    if seconds <= 0 or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def ring(signum: int, frame: Any) -> None:
        raise _OutOfTime

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)
        finally:
            signal.signal(signal.SIGALRM, previous)


def _switch_atoms(expr: Any, x: Any) -> list[Any]:
    sp = _sp()
    kinds = tuple(getattr(sp, name) for name in SWITCH_FUNCTIONS)
    return list(dict.fromkeys(e for e in sp.preorder_traversal(expr) if isinstance(e, kinds) and e.has(x)))


def _real_number(value: Any) -> Any:
    """value to _DIGITS digits as a real SymPy Float, or None when it is not a finite real number."""
    sp = _sp()
    try:
        number = sp.N(value, _DIGITS)
        if not number.is_number or number.has(sp.nan, sp.zoo, sp.oo, -sp.oo):
            return None
        re_part, im_part = number.as_real_imag()
        if im_part != 0 and abs(im_part) > _TIE * (1 + abs(re_part)):
            return None
        return sp.Float(re_part, _DIGITS) if re_part.is_finite else None
    except (TypeError, ValueError, AttributeError, ArithmeticError):
        return None


class _Window:
    """The open interval (a, b) with its ends as Floats, and how many break points it may still take."""

    def __init__(self, a: Any, b: Any) -> None:
        self.a, self.b = a, b
        self.lo, self.hi = _real_number(a), _real_number(b)
        self.eps = _TIE * (1 + abs(self.lo) + abs(self.hi))

    def inside(self, point: Any) -> bool:
        value = _real_number(point)
        return value is not None and self.lo + self.eps < value < self.hi - self.eps


def _members(s: Any, window: _Window, what: str) -> list[Any]:
    """The members of a SymPy solution set that lie in the window, exactly; periodic families enumerated."""
    sp = _sp()
    if s is sp.S.EmptySet:
        return []
    if isinstance(s, sp.FiniteSet):
        return [p for p in s.args if window.inside(p)]
    if isinstance(s, sp.Union):
        return [p for part in s.args for p in _members(part, window, what)]
    if isinstance(s, sp.Interval):  # the argument vanishes on a whole stretch: its ends are the switches
        return [p for p in (s.start, s.end) if p.is_finite and window.inside(p)]
    if isinstance(s, sp.Complement):  # extra break points are harmless: keep what cannot be ruled out
        return [p for p in _members(s.args[0], window, what) if s.args[1].contains(p) is not sp.S.true]
    if isinstance(s, sp.Intersection):  # with Reals or an interval, mostly: those filter, the others list
        for n, part in enumerate(s.args):
            if isinstance(part, sp.Interval):
                continue
            try:
                found = _members(part, window, what)
            except _NoExactBreaks:
                continue
            others = s.args[:n] + s.args[n + 1:]
            if all(_within(p, o) for p in found for o in others):
                return [p for p in found if all(_within(p, o) is True for o in others)]
        raise _NoExactBreaks(f"{what}: SymPy gives them as {_short(s)}")
    if isinstance(s, sp.ImageSet) and len(s.base_sets) == 1 and s.base_sets[0] == sp.S.Integers:
        (n,), body = s.lamda.variables, s.lamda.expr
        step = body.diff(n)
        if body.has(n) and not step.has(n):
            step_f, start_f = _real_number(step), _real_number(body.subs(n, 0))
            if step_f is not None and start_f is not None and step_f != 0:
                ends = sorted(((window.lo - start_f) / step_f, (window.hi - start_f) / step_f))
                first, last = int(sp.floor(ends[0])), int(sp.ceiling(ends[1]))
                if last - first > MAX_PIECES + 1:
                    raise _TooManyPieces
                return [p for k in range(first, last + 1) if window.inside(p := body.subs(n, k))]
    raise _NoExactBreaks(f"{what}: SymPy gives them as {_short(s)}")


def _within(point: Any, s: Any) -> bool | None:
    """Whether a real point (written perhaps with I, as cubic roots are) lies in s; None when SymPy cannot say."""
    sp = _sp()
    if isinstance(s, sp.Interval):
        value, start, end = _real_number(point), _real_number(s.start), _real_number(s.end)
        if value is None:
            return False
        return (s.start == -sp.oo or (start is not None and (value > start or (value == start and not s.left_open))))\
            and (s.end == sp.oo or (end is not None and (value < end or (value == end and not s.right_open))))
    inside = s.contains(point)
    return True if inside is sp.S.true else False if inside is sp.S.false else None


def _short(s: Any) -> str:
    text = str(s)
    return text if len(text) <= 80 else text[:77] + "..."


def _zeros(u: Any, x: Any, window: _Window) -> list[Any]:
    """Where u changes sign inside the window (its real zeros and poles), exactly."""
    sp = _sp()
    if not u.has(x):
        return []
    what = f"the zeros of {_short(u)}"
    top = sp.fraction(sp.together(u))[0]
    poly = sp.Poly(top, x) if top.is_polynomial(x) else None
    if poly is not None and (poly.domain.is_ZZ or poly.domain.is_QQ):  # radicals or CRootOf, never I in a real root
        points = [p for p in set(sp.real_roots(poly)) if window.inside(p)]
    else:
        points = _members(sp.solveset(u, x, sp.S.Reals), window, what)
    try:
        poles = sp.singularities(u, x, sp.S.Reals)
    except Exception as exc:  # noqa: BLE001 - SymPy raises many kinds for functions it cannot analyse
        raise _NoExactBreaks(f"the poles of {_short(u)}: {_brief(exc)}") from None
    return points + _members(poles, window, f"the poles of {_short(u)}")


def _integer_crossings(u: Any, x: Any, window: _Window) -> list[Any]:
    """Where u passes an integer inside the window (floor and ceiling jump there), exactly."""
    sp = _sp()
    slope = sp.diff(u, x)
    if not slope.has(x) and slope == 0:
        return []
    try:
        poles = sp.singularities(u, x, sp.S.Reals)
    except Exception as exc:  # noqa: BLE001
        raise _NoExactBreaks(f"the poles of {_short(u)}: {_brief(exc)}") from None
    if _members(poles, window, f"the poles of {_short(u)}"):
        raise _NoExactBreaks(f"{_short(u)} has a pole between the bounds")
    turns = _zeros(slope, x, window)
    values = [_real_number(u.subs(x, p)) for p in (window.a, window.b, *turns)]
    if any(v is None for v in values):
        raise _NoExactBreaks(f"{_short(u)} is not real throughout the interval")
    low, high = int(sp.ceiling(min(values))), int(sp.floor(max(values)))
    if high - low + len(turns) >= MAX_PIECES:
        raise _TooManyPieces
    what = f"where {_short(u)} is an integer"
    return turns + [p for k in range(low, high + 1) for p in _members(sp.solveset(u - k, x, sp.S.Reals), window, what)]


def _break_points(expr: Any, x: Any, window: _Window) -> list[Any]:
    """The exact points inside the window where the integrand switches branch, sorted.

    Raises _TooManyPieces when there are MAX_PIECES or more, _NoExactBreaks when SymPy
    cannot give them exactly (a ConditionSet, a family it cannot enumerate).
    """
    sp = _sp()
    points: list[Any] = []
    for atom in _switch_atoms(expr, x):
        if isinstance(atom, (sp.Abs, sp.sign, sp.Heaviside)):
            points += _zeros(atom.args[0], x, window)
        elif isinstance(atom, (sp.floor, sp.ceiling)):
            points += _integer_crossings(atom.args[0], x, window)
        else:  # Max, Min
            args = atom.args
            points += [p for i, p_arg in enumerate(args) for q_arg in args[i + 1:]
                       for p in _zeros(p_arg - q_arg, x, window)]
        if len(points) >= MAX_PIECES:
            raise _TooManyPieces
    ordered: list[tuple[Any, Any]] = sorted(((_real_number(p), p) for p in set(points)), key=lambda t: t[0])
    unique: list[Any] = []
    last = None
    for value, point in ordered:  # the same point written two ways (sqrt(2) from abs and from floor)
        if last is None or value - last > window.eps:
            unique.append(point)
            last = value
    return unique


def _branch(expr: Any, x: Any, at: Any) -> Any:
    """expr with each abs, sign, Heaviside, floor, ceiling, Max and Min replaced by its branch at x = at.

    Raises _NoExactBreaks when the branch is undecided there (a switch the break points missed).
    """
    sp = _sp()
    if not expr.args or not expr.has(x):
        return expr
    args = [_branch(a, x, at) for a in expr.args]
    kinds = tuple(getattr(sp, name) for name in SWITCH_FUNCTIONS)
    if not isinstance(expr, kinds) or not any(a.has(x) for a in args):
        return expr.func(*args)

    def value(u: Any) -> Any:
        v = _real_number(u.subs(x, at))
        if v is None:
            raise _NoExactBreaks(f"{_short(u)} is not real at {x} = {_short(at)}")
        return v

    if isinstance(expr, (sp.Abs, sp.sign, sp.Heaviside)):
        u = args[0]
        v = value(u)
        if abs(v) <= _TIE:
            raise _NoExactBreaks(f"{_short(u)} vanishes at {x} = {_short(at)}, inside a piece")
        if isinstance(expr, sp.Abs):
            return u if v > 0 else -u
        return sp.S.One if v > 0 else (sp.S.Zero if isinstance(expr, sp.Heaviside) else sp.S.NegativeOne)
    if isinstance(expr, (sp.floor, sp.ceiling)):
        v = value(args[0])
        k = sp.floor(v)
        if abs(v - k) <= _TIE * (1 + abs(v)) or abs(v - k - 1) <= _TIE * (1 + abs(v)):
            raise _NoExactBreaks(f"{_short(args[0])} is an integer at {x} = {_short(at)}, inside a piece")
        return sp.Integer(k) if isinstance(expr, sp.floor) else sp.Integer(k) + 1
    values = [value(a) for a in args]  # Max, Min
    best = max(values) if isinstance(expr, sp.Max) else min(values)
    chosen = [a for a, v in zip(args, values, strict=True) if abs(v - best) <= _TIE * (1 + abs(best))]
    if any(sp.expand(a - chosen[0]) != 0 for a in chosen[1:]):
        raise _NoExactBreaks(f"the arguments of {_short(expr)} meet at {x} = {_short(at)}, inside a piece")
    return chosen[0]


def _piecewise_integral(expr: Any, x: Any, edges: list[Any]) -> Any:
    """∫ expr over [edges[0], edges[-1]] as the sum over the pieces between consecutive edges."""
    sp = _sp()
    antiderivatives: dict[Any, Any] = {}
    total = []
    at = [_real_number(e) for e in edges]  # branches are chosen at Float midpoints: exact ones cost 10x more
    for n, (lo, hi) in enumerate(zip(edges, edges[1:], strict=False)):
        smooth = _branch(expr, x, (at[n] + at[n + 1]) / 2)
        if smooth not in antiderivatives:  # one antiderivative per branch, used only where it is continuous
            F = sp.integrate(smooth, x)
            usable = not F.has(sp.Integral) and not _switch_atoms(F, x)
            if usable:
                try:
                    usable = sp.singularities(F, x, sp.S.Reals) is sp.S.EmptySet
                except Exception:  # noqa: BLE001 - cannot tell: integrate each piece on its own
                    usable = False
            antiderivatives[smooth] = F if usable else None
        F = antiderivatives[smooth]
        piece = None
        if F is not None:
            piece = F.subs(x, hi) - F.subs(x, lo)
            if piece.has(sp.nan, sp.zoo, sp.oo, -sp.oo):
                piece = None
        if piece is None:
            piece = sp.integrate(smooth, (x, lo, hi))
            if piece.has(sp.oo, -sp.oo, sp.zoo) and _real_number(smooth.subs(x, (lo + hi) / 2)) is not None:
                piece = sp.re(piece)  # a real integrand diverges to +-oo (SymPy says oo + I*pi for -1/x on [-1, 0])
        total.append(piece)
    return sp.Add(*total)


def _switch_functions(expr: Any, x: Any) -> list[tuple[str, Any]]:
    """(kind, g) for each switch: kind "sign" changes where g changes sign, "floor" where g passes an integer."""
    sp = _sp()
    found: list[tuple[str, Any]] = []
    for atom in _switch_atoms(expr, x):
        if isinstance(atom, (sp.floor, sp.ceiling)):
            found.append(("floor", atom.args[0]))
        elif isinstance(atom, (sp.Max, sp.Min)):
            found += [("sign", p - q) for i, p in enumerate(atom.args) for q in atom.args[i + 1:]]
        else:
            found.append(("sign", atom.args[0]))
    return found


def _mp_function(expr: Any, x: Any) -> Callable[[Any], Any]:
    """expr as a function of one mpmath number (compiled by lambdify; SymPy's evalf where that fails).

    lambdify prints the expression as Python source and executes it. The expression was built by our own
    parser from whitelisted functions, and `dummify=True` prints every symbol as a generated `_Dummy_N` name,
    so the source holds nothing the user typed verbatim."""
    import mpmath

    sp = _sp()

    def slow(t: Any) -> Any:
        value = sp.N(expr.subs(x, sp.Float(t, _DIGITS + 5)), _DIGITS)
        re_part, im_part = value.as_real_imag()
        if not (re_part.is_number and im_part.is_number) or value.has(sp.nan, sp.zoo, sp.oo, -sp.oo):
            raise ValueError(f"no value at {t}")
        re_mp = mpmath.mpf(str(re_part))
        return re_mp if im_part == 0 else mpmath.mpc(re_mp, mpmath.mpf(str(im_part)))

    try:
        fast = sp.lambdify(x, expr, modules="mpmath", dummify=True)
    except Exception:  # noqa: BLE001 - a function lambdify cannot print
        return slow
    state = {"fast": True}

    def f(t: Any) -> Any:
        if state["fast"]:
            try:
                return fast(t)
            except (NameError, AttributeError, TypeError):  # a function mpmath does not have
                state["fast"] = False
        return slow(t)

    return f


NUMERIC_GRID = 4000  # samples per switch when its break points must be found numerically
CHECK_GRID = 1000  # samples per switch that must each fall in a piece of their own branch (exact break points)


def _switch_samples(expr: Any, x: Any, lo: Any, hi: Any, count: int
                    ) -> Iterator[tuple[list[Any], list[Any], Callable[[Any], Any]]]:
    """For each switch: a grid of count + 1 points on [lo, hi], its branch key at each, and the key function.

    The key is the sign of g for abs, sign, Heaviside, Max and Min, floor(g) for floor and
    ceiling, and None where g has no real value: a branch changes where the key does.
    """
    import mpmath

    grid = [lo + (hi - lo) * k / count for k in range(count + 1)]
    for kind, g in _switch_functions(expr, x):
        f = _mp_function(g, x)

        def key(t: Any, kind: str = kind, f: Callable[[Any], Any] = f) -> Any:
            try:
                v = f(t)
            except (ValueError, ZeroDivisionError, ArithmeticError, TypeError):
                return None
            if isinstance(v, mpmath.mpc) or not mpmath.isfinite(v):
                return None
            return mpmath.sign(v) if kind == "sign" else mpmath.floor(v)

        yield grid, [key(t) for t in grid], key


def _numeric_break_points(expr: Any, x: Any, lo: Any, hi: Any) -> list[Any] | None:
    """The switch points in (lo, hi) located numerically (grid, then bisection to full precision); None if too many."""
    import mpmath

    points: list[Any] = []
    for grid, keys, key in _switch_samples(expr, x, lo, hi, NUMERIC_GRID):
        for i in range(NUMERIC_GRID):
            if keys[i] == keys[i + 1]:
                continue
            left, right, k0 = grid[i], grid[i + 1], keys[i]
            for _ in range(3 * _DIGITS + 10):  # bisection: ~100 bits
                mid = (left + right) / 2
                if key(mid) == k0:
                    left = mid
                else:
                    right = mid
            points.append((left + right) / 2)
            if len(points) >= MAX_PIECES:
                return None
    eps = (hi - lo) * mpmath.mpf(10) ** (-_DIGITS + 5)
    unique: list[Any] = []
    for p in sorted(points):
        if lo + eps < p < hi - eps and (not unique or p - unique[-1] > eps):
            unique.append(p)
    return unique


def _check_break_points(expr: Any, x: Any, window: _Window, points: list[Any]) -> None:
    """Raise _NoExactBreaks where a switch changes between two samples with no exact break point between them.

    An independent look at the exact search: a zero SymPy did not report (or an edge of the
    real domain, where abs of a complex value is not +-its argument) would otherwise be
    integrated with the wrong branch.
    """
    import bisect

    import mpmath

    with mpmath.workdps(20):
        lo, hi = mpmath.mpf(str(window.lo)), mpmath.mpf(str(window.hi))
        where = [lo, *(mpmath.mpf(str(_real_number(p))) for p in points), hi]  # a switch at an end is no switch
        slack = (hi - lo) * mpmath.mpf("1e-12")
        for grid, keys, _ in _switch_samples(expr, x, lo, hi, CHECK_GRID):
            for i in range(CHECK_GRID):
                if keys[i] == keys[i + 1]:
                    continue
                n = bisect.bisect_left(where, grid[i] - slack)
                if n == len(where) or where[n] > grid[i + 1] + slack:
                    raise _NoExactBreaks(f"a branch changes between {x} = {mpmath.nstr(grid[i], 8)} and "
                                         f"{mpmath.nstr(grid[i + 1], 8)}, where the exact search found no point")


def _split_quadrature(expr: Any, x: Any, a: Any, b: Any, budget_s: float = 0.0) -> tuple[float, float | None] | None:
    """∫_a^b of an integrand with switches, by tanh-sinh quadrature on each smooth piece (mpmath).

    The pieces are cut at the exact break points when SymPy finds them, else at break points
    located numerically (also when the exact search takes more than budget_s seconds). None
    when there are too many pieces or a piece does not converge to ~13 digits of the sum of |piece|.
    """
    import mpmath

    window = _Window(a, b)
    sign = 1
    if window.lo > window.hi:
        window, sign = _Window(b, a), -1
    with mpmath.workdps(_DIGITS):
        lo, hi = mpmath.mpf(str(window.lo)), mpmath.mpf(str(window.hi))
        try:
            with _time_budget(budget_s):
                exact = _break_points(expr, x, window)
                _check_break_points(expr, x, window, exact)
            points = [mpmath.mpf(str(_real_number(p))) for p in exact]
        except _TooManyPieces:
            return None
        except (_NoExactBreaks, _OutOfTime):
            found = _numeric_break_points(expr, x, lo, hi)
            if found is None:
                return None
            points = found
        f = _mp_function(expr, x)
        edges = [lo, *points, hi]
        total, error, scale = mpmath.mpf(0), mpmath.mpf(0), mpmath.mpf(0)
        try:
            for left, right in zip(edges, edges[1:], strict=False):
                value, err = mpmath.quad(f, [left, right], error=True)
                total, error, scale = total + value, error + err, scale + abs(value)
        except (ValueError, ZeroDivisionError, ArithmeticError, TypeError):
            return None
        if not mpmath.isfinite(total) or error > mpmath.mpf("1e-13") * scale:
            return None
        total = sign * total
        real, imag = float(mpmath.re(total)), float(mpmath.im(total))
    if imag == 0 or abs(imag) <= abs(real) * 1e-16:
        return real, None
    return real, imag


@_math_errors("integration", "expression")
def _integrate_job(tree: Node, variable: str, lower: Node | None, upper: Node | None,
                   budget_s: float = 0.0) -> IntegralResult:
    """The integral; with budget_s (the call's time limit), an integrand with switches gives up on
    exact break points after 35% of it, and on SymPy's unconfirmed closed form after another 45%."""
    sp = _sp()
    expr = _build(tree, "expression")
    x = _symbol(variable)
    definite = lower is not None
    split_at = tentative = None
    note = None if definite else "plus an arbitrary constant of integration"
    if definite:
        a, b = _build(lower, "lower"), _build(upper, "upper")
        result = None
        if _splittable(expr, x, a, b):
            window = _Window(*((a, b) if _real_number(a) <= _real_number(b) else (b, a)))
            try:
                try:
                    with _time_budget(0.35 * budget_s):
                        points = _break_points(expr, x, window)
                        _check_break_points(expr, x, window, points)
                except _OutOfTime:
                    raise _NoExactBreaks(f"SymPy did not find them within {0.35 * budget_s:.3g} s") from None
                value = _piecewise_integral(expr, x, [window.a, *points, window.b])
                result = value if window.a == a else -value
                if result.has(sp.Integral):
                    result = sp.Integral(expr, (x, a, b))
                split_at = [_text(p, "split_at") for p in points]
            except _TooManyPieces:
                result = sp.Integral(expr, (x, a, b))
                note = (f"the integrand switches branch (abs, sign, floor, Max, ...) at {MAX_PIECES} or more points "
                        f"between the bounds; SymPy's closed form is not reliable there and it was not integrated "
                        f"piece by piece, so no closed form is given")
            except _NoExactBreaks as exc:
                note = f"the integrand's break points were not found exactly ({exc})"
                unevaluated = sp.Integral(expr, (x, a, b))
                tentative = (_text(unevaluated), _latex(unevaluated))
                try:
                    with _time_budget(0.45 * budget_s):
                        result = sp.integrate(expr, (x, a, b))
                except _OutOfTime:
                    result = unevaluated
        if result is None:
            result = sp.integrate(expr, (x, a, b))
        if result.has(sp.Integral) and split_at is None and tentative is None:
            # SymPy's definite integral did not close (∫₀¹ ln x/√x dx), yet the antiderivative may: F(b⁻) − F(a⁺),
            # given only if numerical quadrature confirms it (tentative)
            try:
                with _time_budget(0.4 * budget_s):
                    by_limits = _by_antiderivative(expr, x, a, b)
            except _OutOfTime:
                by_limits = None
            if by_limits is not None:
                unevaluated = sp.Integral(expr, (x, a, b))
                tentative = (_text(unevaluated), _latex(unevaluated))
                result = by_limits
                note = "by the antiderivative and its one-sided limits at the bounds"
    else:
        a = b = None
        result = sp.integrate(expr, x)
    evaluated = not result.has(sp.Integral)
    numeric, numeric_imag, _ = _numeric(result) if definite and evaluated else (None, None, None)
    if definite and evaluated and result.has(sp.oo, -sp.oo, sp.zoo, sp.nan):
        note = "the integral diverges"
        tentative = None
    if tentative is not None and not evaluated:
        tentative = None  # nothing to withdraw: the answer is the unevaluated integral already
    out = IntegralResult(result=_text(result), latex=_latex(result), expression=_text(expr, "expression"),
                         variable=variable, definite=definite, lower=None if a is None else _text(a),
                         upper=None if b is None else _text(b), evaluated=evaluated, numeric=numeric,
                         numeric_imag=numeric_imag, split_at=split_at, note=note)
    out._tentative = tentative
    return out


def _by_antiderivative(expr: Any, x: Any, a: Any, b: Any) -> Any | None:
    """F(b⁻) − F(a⁺) for an antiderivative F, when the integrand is continuous strictly between the bounds (so that
    the fundamental theorem holds on every closed interval inside); None when that cannot be established."""
    sp = _sp()
    if expr.free_symbols - {x} or a.free_symbols or b.free_symbols or a == b:
        return None
    if not (a.is_extended_real and b.is_extended_real):
        return None
    sign = 1
    if (a - b).is_positive or (a == sp.oo) or (b == -sp.oo):
        a, b, sign = b, a, -1
    try:
        from sympy.calculus.util import continuous_domain

        inside = sp.Interval.open(a, b)
        if continuous_domain(expr, x, inside) != inside:
            return None
        # the variable as it is between the bounds (x > 0 on (0, 1)): SymPy then needs no Piecewise for √x, ln x
        t = sp.Dummy(positive=True) if (a >= 0) == sp.true else sp.Dummy(negative=True) if (b <= 0) == sp.true \
            else sp.Dummy(real=True)
        antiderivative = None
        for how in ({}, {"meijerg": False}, {"manual": True}):  # SymPy's Meijer-G answers come as Piecewise
            found = sp.integrate(expr.subs(x, t), t, **how)
            if not found.has(sp.Integral, sp.Piecewise, sp.meijerg):
                antiderivative = found
                break
        if antiderivative is None:
            return None
        top = sp.limit(antiderivative, t, b, "-") if b.is_finite else sp.limit(antiderivative, t, b)
        bottom = sp.limit(antiderivative, t, a, "+") if a.is_finite else sp.limit(antiderivative, t, a)
        value = sp.simplify(sign * (top - bottom))
    except (NotImplementedError, ValueError, TypeError, AttributeError):
        return None
    if value.has(sp.Limit, sp.Integral, sp.AccumBounds, sp.nan) or value.free_symbols:
        return None
    return value


def _splittable(expr: Any, x: Any, a: Any, b: Any) -> bool:
    """Whether the integral is one with finite real bounds and a number for a value, with switches in x."""
    sp = _sp()
    if expr.free_symbols - {x} or a.free_symbols or b.free_symbols or expr.has(sp.DiracDelta):
        return False
    if _real_number(a) is None or _real_number(b) is None or a == b:
        return False
    return bool(_switch_atoms(expr, x))


def _quadrature_job(tree: Node, variable: str, lower: Node, upper: Node,
                    budget_s: float = 0.0) -> tuple[float, float | None] | None:
    """The definite integral by numerical quadrature (mpmath), independent of the closed form.

    Returns (real, imaginary or None), or None when quadrature cannot vouch for its value:
    tanh-sinh quadrature on an oscillating integrand over an infinite range returns noise,
    so such integrands use mpmath's oscillatory rule, and any value whose estimated accuracy
    is below ~12 digits is dropped rather than reported. An integrand with abs, sign, floor,
    Max, ... over a finite interval is integrated piece by piece between its break points.
    """
    sp = _sp()
    expr, x = _build(tree, "expression"), _symbol(variable)
    a, b = _build(lower, "lower"), _build(upper, "upper")
    if (expr.free_symbols - {x}) or a.free_symbols or b.free_symbols:
        return None
    if _splittable(expr, x, a, b):
        return _split_quadrature(expr, x, a, b, 0.3 * budget_s)
    integral = sp.Integral(expr, (x, a, b))
    rules = ["osc", None] if (a.is_infinite or b.is_infinite) and expr.has(sp.sin, sp.cos) else [None]
    for rule in rules:
        try:
            value = integral.evalf(20, quad=rule) if rule else integral.evalf(20)
        except Exception:  # noqa: BLE001 - a best-effort check: SymPy's evalf raises all sorts
            continue
        floats = value.atoms(sp.Float)
        if not value.is_number or value.has(sp.Integral) or not floats or min(f._prec for f in floats) < 40:
            continue
        real, imag, is_real = _numeric(value)
        if real is not None:
            return real, None if is_real else imag
    return None


@register("integrate", IntegrateArgs)
def integrate(args: IntegrateArgs) -> IntegralResult:
    """Integral of an expression: indefinite, or definite between lower and upper (oo allowed), with a numeric check."""
    tree = safe_expr.parse(args.expression, "expression")
    variable = _pick_variable(tree, args.variable)
    if (args.lower is None) != (args.upper is None):
        raise HavocInputError("give both lower and upper for a definite integral, or neither",
                              field="upper" if args.upper is None else "lower")
    lower, upper = _scalar_tree(args.lower, "lower"), _scalar_tree(args.upper, "upper")
    for node, field in ((lower, "lower"), (upper, "upper")):
        if node is not None and variable in safe_expr.symbols_in(node):
            raise HavocInputError(f"a bound cannot contain the integration variable {variable}", field=field)
    timeout = _timeout(args)
    result = run_with_timeout(_integrate_job, tree, variable, lower, upper, timeout, timeout=timeout, label="integrate")
    if not result.definite or result.note == "the integral diverges":
        return result
    parameters = (safe_expr.symbols_in(tree) - {variable}) | safe_expr.symbols_in(lower) | safe_expr.symbols_in(upper)
    if parameters:
        return result  # a value with parameters in it has no single number to check
    try:
        check_timeout = min(timeout, CHECK_TIMEOUT_S)
        check = run_with_timeout(_quadrature_job, tree, variable, lower, upper, check_timeout,
                                 timeout=check_timeout, label="numeric check")
    except ToolTimeoutError:
        if result._tentative is not None:
            return _withdraw(result, "the numeric check that had to confirm SymPy's closed form timed out")
        return result.model_copy(update={"note": "the numeric check timed out"})
    if check is None:
        if result._tentative is not None:
            return _withdraw(result, "numerical quadrature could not confirm SymPy's closed form")
        if result.note is not None and not result.evaluated:
            return result.model_copy(update={"note": f"{result.note}; numerical quadrature found no reliable value"})
        return result.model_copy(update={"note": "numerical quadrature could not confirm this value"})
    update: dict[str, Any] = {"numeric_check": check[0], "numeric_check_imag": check[1]}
    if result.numeric is not None:
        exact = complex(result.numeric, result.numeric_imag or 0.0)
        agrees = abs(complex(check[0], check[1] or 0.0) - exact) <= 1e-9 * max(1.0, abs(exact))
        update["check_agrees"] = agrees
        if not agrees:
            if result._tentative is not None:
                return _withdraw(result, "SymPy's closed form disagrees with numerical quadrature",
                                 check=update)
            update["note"] = "numerical quadrature disagrees with the closed form: do not rely on this value"
        elif result._tentative is not None:
            split = " split at break points found numerically" if "break points" in (result.note or "") else ""
            update["note"] = f"{result.note}; numerical quadrature{split} confirms it"
    if not result.evaluated:
        update["note"] = "no closed form found; numeric_check is the value by quadrature"
        if result.note is not None:  # why: the break points were not found exactly, or SymPy ran out of time
            update["note"] = f"{result.note}; {update['note']}"
    return result.model_copy(update=update)


def _withdraw(result: IntegralResult, why: str, check: dict[str, Any] | None = None) -> IntegralResult:
    """Replace a closed form that quadrature could not confirm by the unevaluated integral (and the quadrature value)."""
    text, latex = result._tentative or (result.result, result.latex)
    tail = "numeric_check is the value by quadrature" if check else "no value is given"
    update: dict[str, Any] = {"result": text, "latex": latex, "evaluated": False, "numeric": None,
                              "numeric_imag": None, "note": f"{result.note}; {why}, so it is not given; {tail}",
                              **(check or {})}
    update["check_agrees"] = None
    out = result.model_copy(update=update)
    out._tentative = None
    return out


# -------------------------------------------------------------------- solve


class SolveArgs(_Args):
    equations: str | list[str] = Field(validation_alias=AliasChoices("equations", "equation"),
                                       description='"lhs = rhs", or an expression meaning "= 0"; a list for a '
                                                   "system; one inequality (<, <=, >, >=) is also accepted")
    variables: Names | None = Field(None, validation_alias=AliasChoices("variables", "variable"),
                                    description="what to solve for; default: every symbol")
    domain: Literal["complex", "real"] = Field("complex", description="complex: every root (x^2 = -1 has two); "
                                                                       "real: real solutions only")
    timeout_s: Timeout = DEFAULT_TIMEOUT_S


@_math_errors("solving", "equations")
def _solve_job(trees: list[Node], variables: list[str], domain: str) -> SolveResult:
    sp = _sp()
    real = domain == "real"
    relations = [_build(t, f"equations[{i}]" if len(trees) > 1 else "equations", real)
                 for i, t in enumerate(trees)]
    symbols = [_symbol(v, real) for v in variables]
    texts = [_text(r, "equations") for r in relations]
    inequalities = [r for r in relations if isinstance(r, (sp.StrictLessThan, sp.LessThan,
                                                           sp.StrictGreaterThan, sp.GreaterThan))]
    if inequalities:
        if len(symbols) != 1:
            raise HavocInputError("an inequality is solved for exactly one variable", field="variables")
        try:
            result = sp.reduce_inequalities(relations, symbols)
        except (NotImplementedError, ValueError) as exc:
            raise HavocInputError(f"SymPy cannot solve this inequality ({_brief(exc)})", field="equations") from None
        return SolveResult(result=_text(result), latex=_latex(result), equations=texts, variables=variables,
                           kind="inequality", domain="real", solutions=[], count=0, complete=True)
    exprs = [r.lhs - r.rhs if isinstance(r, sp.Equality) else r for r in relations]
    try:
        # one equation goes in on its own: SymPy's system path gives up on e.g. x^5 - x + 1
        found = sp.solve(exprs[0] if len(exprs) == 1 else exprs, symbols, dict=True)
    except NotImplementedError as exc:
        raise HavocInputError(f"SymPy cannot solve this ({_brief(exc)})", field="equations") from None
    solutions = [{str(k): _value(v) for k, v in sol.items()} for sol in found]
    if real:
        # a cubic's roots come as radicals with I in them even where a root is real: keep those whose value is
        # real, drop those whose imaginary part is not zero
        solutions = [s for s in solutions if all(v.is_real or v.imag is None or abs(v.imag) <= 1e-12 * max(
            1.0, abs(v.numeric or 0.0)) for v in s.values())]
    result = "[" + ", ".join("{" + ", ".join(f"{k}: {v.exact}" for k, v in s.items()) + "}" for s in solutions) + "]"
    latex = ", ".join(", ".join(f"{sp.latex(_symbol(k))} = {v.latex}" for k, v in s.items()) for s in solutions)
    return SolveResult(result=result, latex=latex or r"\emptyset", equations=texts, variables=variables,
                       kind="equations", domain=domain, solutions=solutions, count=len(solutions))


def _solution_set_job(tree: Node, variable: str, count: int, domain: str) -> tuple[bool, str] | None:
    """Whether `solve` listed every solution (solveset's answer is a finite set), and that set."""
    sp = _sp()
    real = domain == "real"
    rel = _build(tree, "equations", real)
    expr = rel.lhs - rel.rhs if isinstance(rel, sp.Equality) else rel
    try:  # best effort: `solve` has answered already; this only says whether that answer is complete
        found = sp.solveset(expr, _symbol(variable, real), domain=sp.S.Reals if real else sp.S.Complexes)
        if isinstance(found, sp.ConditionSet):
            return None
        return isinstance(found, sp.FiniteSet) and len(found) == count, _text(found)
    except Exception:  # noqa: BLE001
        return None


def _scan_real_roots_job(tree: Node, variable: str, known: list[float]) -> list[float]:
    """Real roots of one equation in one variable that `solve` did not list (e^x = 3x: SymPy gives the principal
    LambertW branch only): sign changes of lhs − rhs on a grid over [-100, 100], each refined by Brent's method and
    kept only where the residual vanishes (a pole also changes sign)."""
    import numpy as np
    from scipy.optimize import brentq

    sp = _sp()
    rel = _build(tree, "equations", True)
    expr = rel.lhs - rel.rhs if isinstance(rel, sp.Equality) else rel
    x = _symbol(variable, True)
    f = sp.lambdify(x, expr, modules="numpy")
    grid = np.linspace(-100.0, 100.0, 200_001)
    with np.errstate(all="ignore"):
        values = np.asarray(f(grid), dtype=complex) if not np.isscalar(f(grid)) else np.full(grid.shape, f(grid))
    real = np.where(np.abs(values.imag) < 1e-12, values.real, np.nan)
    found: list[float] = []
    for i in np.nonzero(np.isfinite(real[:-1]) & np.isfinite(real[1:]) & (np.sign(real[:-1]) * np.sign(real[1:]) < 0))[0]:
        try:
            root = brentq(lambda t: float(np.real(f(t))), grid[i], grid[i + 1], xtol=1e-14, maxiter=200)
        except (ValueError, RuntimeError, ZeroDivisionError, OverflowError):
            continue
        scale = max(1.0, abs(float(np.real(f(grid[i])))), abs(float(np.real(f(grid[i + 1])))))
        if abs(float(np.real(f(root)))) > 1e-9 * scale:
            continue  # a pole or a jump, not a root
        if all(abs(root - k) > 1e-7 * max(1.0, abs(k)) for k in [*known, *found]):
            found.append(float(root))
    return found[:20]


def _brief(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:120] + ("..." if len(text) > 120 else "")


@register("solve", SolveArgs)
def solve(args: SolveArgs) -> SolveResult:
    """Solve equations or a system (exact and numeric solutions), or one inequality, for the given variables."""
    items = [args.equations] if isinstance(args.equations, str) else list(args.equations)
    if not items:
        raise HavocInputError("is empty", field="equations")
    if len(items) > MAX_EQUATIONS:
        raise HavocInputError(f"at most {MAX_EQUATIONS} equations", field="equations")
    trees: list[Node] = []
    for i, item in enumerate(items):
        field = "equations" if isinstance(args.equations, str) else f"equations[{i}]"
        tree = safe_expr.parse(item, field, relation=True)
        if isinstance(tree, safe_expr.Relation) and tree.op == "!=":
            raise safe_expr.error_at(field, "'!=' cannot be solved; use =, <, <=, > or >=", tree.col)
        trees.append(tree)
    ineq = [t for t in trees if isinstance(t, safe_expr.Relation) and t.op in ("<", "<=", ">", ">=")]
    if ineq and len(trees) > 1:
        raise HavocInputError("give one inequality on its own, not mixed with other equations", field="equations")
    variables = _names(args.variables, "variables")
    if variables is None:
        variables = sorted(set().union(*(safe_expr.symbols_in(t) for t in trees)))
        if not variables:
            raise HavocInputError("the equations contain no variable to solve for", field="equations")
    timeout = _timeout(args)
    domain = "real" if ineq else args.domain
    result = run_with_timeout(_solve_job, trees, variables, domain, timeout=timeout, label="solve")
    if result.kind == "equations" and len(trees) == 1 and len(variables) == 1:
        try:
            found = run_with_timeout(_solution_set_job, trees[0], variables[0], result.count, domain,
                                     timeout=min(timeout, CHECK_TIMEOUT_S), label="solution set")
        except ToolTimeoutError:
            found = None
        if found is not None:
            complete, solution_set = found
            result = result.model_copy(update={"complete": complete, "solution_set": None if complete else solution_set})
        if found is None:  # completeness unknown: look for real roots the symbolic answer left out
            try:
                known = [v.numeric for sol in result.solutions for v in sol.values()
                         if v.numeric is not None and (v.imag in (None, 0.0))]
                extra = run_with_timeout(_scan_real_roots_job, trees[0], variables[0], known,
                                         timeout=min(timeout, CHECK_TIMEOUT_S), label="real roots")
            except (ToolTimeoutError, HavocInputError):
                extra = []
            if extra:
                more = [{variables[0]: Value(exact=f"{r:.15g}", latex=f"{r:.15g}", numeric=r, is_real=True)}
                        for r in extra]
                result = result.model_copy(update={
                    "solutions": [*result.solutions, *more], "count": result.count + len(more), "complete": False,
                    "solution_set": f"{len(more)} more real root(s) found numerically (not in closed form): "
                                    + ", ".join(f"{r:.10g}" for r in extra)})
    return result


# ----------------------------------------------------------------- simplify


class SimplifyArgs(_Args):
    expression: ExprText
    method: Literal["simplify", "expand", "factor", "trigsimp", "cancel", "apart", "together", "radsimp",
                    "powsimp", "logcombine", "expand_trig", "expand_log"] = "simplify"
    at: dict[str, Scalar] | None = Field(None, description="{variable: value}: also the result's value there (a "
                                                           "removable singularity of the input is gone from it)")
    timeout_s: Timeout = DEFAULT_TIMEOUT_S


@_math_errors("rewriting", "expression")
def _simplify_job(tree: Node, method: str, at: dict[str, Node] | None = None) -> SimplifyResult:
    sp = _sp()
    expr = _build(tree, "expression")
    func = {"logcombine": lambda e: sp.logcombine(e, force=True),
            "expand_log": lambda e: sp.expand_log(e, force=True)}.get(method) or getattr(sp, method)
    try:
        result = func(expr)
    except (NotImplementedError, sp.PolynomialError) as exc:
        raise HavocInputError(f"{method} does not apply to this expression ({_brief(exc)})", field="method") from None
    if method == "simplify":
        result = _cancel_common_factors(result)
    return SimplifyResult(result=_text(result), latex=_latex(result), expression=_text(expr, "expression"),
                          method=method, changed=result != expr, **_value_there(sp, result, at),
                          fractions=_partial_fractions(sp, result) if method == "apart" else None,
                          coefficients=_coefficients(sp, result) if method == "expand" else None)


MAX_LISTED_POWERS = 200


def _coefficients(sp: Any, result: Any) -> list[Coefficient] | None:
    """The coefficient of every power of a polynomial in one variable ("the coefficient of x^4 in (3x - 3)^6")."""
    if len(result.free_symbols) != 1:
        return None
    try:
        poly = sp.Poly(result, *result.free_symbols)
    except sp.PolynomialError:
        return None
    if poly.degree() > MAX_LISTED_POWERS:
        return None
    out = []
    for power, c in enumerate(reversed(poly.all_coeffs())):
        value = float(c) if c.is_number and c.is_real else None
        out.append(Coefficient(power=power, coefficient=_text(c), value=value))
    return out


def _partial_fractions(sp: Any, result: Any) -> list[PartialFraction]:
    """The terms of an apart result, each as numerator over denominator; a constant numerator also as a number."""
    out = []
    for term in sp.Add.make_args(result):
        num, den = sp.fraction(sp.together(term))
        if den.free_symbols:  # 1/(2*x + 2) is (1/2)/(x + 1): a monic denominator, as A/(x + 1) is written
            try:
                lead = sp.Poly(den, *sorted(den.free_symbols, key=str)).LC()
                num, den = sp.nsimplify(num / lead), sp.factor(den / lead)
            except sp.PolynomialError:
                pass
        numeric = float(num) if num.is_number and num.is_real else None
        out.append(PartialFraction(numerator=_text(num), denominator=_text(den), value=numeric))
    return out


def _cancel_common_factors(expr: Any) -> Any:
    """SymPy's simplify keeps (x^3 - 8)/(x - 2) as it is (its operation count ties with x^2 + 2x + 4); a person
    cancels the common factor. Take the cancelled form when it lowers the denominator's degree."""
    sp = _sp()

    def denominator_degree(e: Any) -> int | None:
        den = sp.fraction(sp.together(e))[1]
        try:
            return sp.Poly(den, *sorted(e.free_symbols, key=str)).total_degree() if e.free_symbols else 0
        except sp.PolynomialError:
            return None

    try:
        cancelled = sp.cancel(expr)
    except (sp.PolynomialError, NotImplementedError):
        return expr
    before, after = denominator_degree(expr), denominator_degree(cancelled)
    return cancelled if before is not None and after is not None and after < before else expr


@register("simplify", SimplifyArgs)
def simplify(args: SimplifyArgs) -> SimplifyResult:
    """Rewrite an expression: simplify, expand, factor, trigsimp, cancel, apart (partial fractions) and more."""
    tree = safe_expr.parse(args.expression, "expression")
    return run_with_timeout(_simplify_job, tree, args.method, _at_trees(args.at, tree), timeout=_timeout(args),
                            label=args.method)


# -------------------------------------------------------------------- summation

MAX_TERMS_ADDED = 100_000  # a finite sum with more terms is checked by extrapolation, like an infinite one


class SummationArgs(_Args):
    expression: ExprText
    variable: str | None = Field(None, description="the index; default: the only symbol")
    lower: Scalar = Field(description="the first value of the index (an integer, or -oo)")
    upper: Scalar = Field(description="the last value of the index (an integer, or oo)")
    timeout_s: Timeout = DEFAULT_TIMEOUT_S


def _integer_bound(sp: Any, bound: Any, field: str) -> None:
    if bound in (sp.oo, -sp.oo):
        return
    if not bound.is_number:
        return  # a bound with a parameter: the closed form keeps it
    if not bound.is_integer:
        raise HavocInputError(f"the index runs over integers; the {field} bound {bound} is not one", field=field)


@_math_errors("the sum", "expression")
def _summation_job(tree: Node, variable: str, lower: Node, upper: Node) -> SummationResult:
    sp = _sp()
    expr, n = _build(tree, "expression"), _symbol(variable)
    a, b = _build(lower, "lower"), _build(upper, "upper")
    _integer_bound(sp, a, "lower")
    _integer_bound(sp, b, "upper")
    if a.is_number and b.is_number and a not in (sp.oo, -sp.oo) and b not in (sp.oo, -sp.oo) and b < a:
        raise HavocInputError(f"the upper bound {b} is below the lower bound {a}", field="upper")
    n_int = sp.Symbol(variable, integer=True)  # the index is an integer: SymPy's closed forms depend on it
    term = expr.xreplace({n: n_int})
    result = sp.summation(term, (n_int, a, b))
    evaluated = not result.has(sp.Sum)
    infinite = a in (sp.oo, -sp.oo) or b in (sp.oo, -sp.oo)
    converges: bool | None = None
    note = None
    if infinite:
        if evaluated:
            converges = not result.has(sp.oo, -sp.oo, sp.zoo, sp.nan, sp.AccumBounds)
        else:
            with contextlib.suppress(Exception):  # SymPy cannot always decide convergence
                converges = bool(sp.Sum(term, (n_int, a, b)).is_convergent())
        if converges is False:
            note = "the sum diverges"
    result = result.xreplace({n_int: n})
    numeric = _numeric(result)[0] if evaluated and converges is not False else None
    return SummationResult(result=_text(result), latex=_latex(result), expression=_text(expr, "expression"),
                           variable=variable, lower=_text(a), upper=_text(b), evaluated=evaluated,
                           converges=converges, numeric=numeric, note=note)


def _summation_check_job(tree: Node, variable: str, lower: Node, upper: Node) -> float | None:
    """The sum by adding terms (mpmath, 30 digits): every term of a finite range, or nsum's extrapolation of an
    infinite one. None when the terms are not real numbers or the extrapolation does not settle."""
    import mpmath

    sp = _sp()
    expr, n = _build(tree, "expression"), _symbol(variable)
    a, b = _build(lower, "lower"), _build(upper, "upper")
    f = _mp_function(expr, n)
    with mpmath.workdps(30):
        def term(k: Any) -> Any:
            value = f(k)
            if not isinstance(value, (mpmath.mpf, int, float)):
                raise ValueError("not a real term")
            return value

        try:
            if a.is_number and b.is_number and sp.oo not in (a, b) and -sp.oo not in (a, b) \
                    and int(b) - int(a) < MAX_TERMS_ADDED:
                return float(mpmath.fsum(term(k) for k in range(int(a), int(b) + 1)))
            lo = -mpmath.inf if a == -sp.oo else int(a)
            hi = mpmath.inf if b == sp.oo else int(b)
            value = mpmath.nsum(term, [lo, hi])
        except (ValueError, TypeError, ZeroDivisionError, OverflowError):
            return None
        if not mpmath.isfinite(value):
            return None
        return float(value)


@register("summation", SummationArgs)
def summation(args: SummationArgs) -> SummationResult:
    """Sum of an expression over an integer index from lower to upper (oo allowed): closed form and a numeric check."""
    tree = safe_expr.parse(args.expression, "expression")
    variable = _pick_variable(tree, args.variable)
    symbols = safe_expr.symbols_in(tree)
    if symbols and variable not in symbols:
        raise HavocInputError(f"the index {variable} does not occur in the terms (they use {', '.join(sorted(symbols))})",
                              field="variable")
    lower, upper = _scalar_tree(args.lower, "lower"), _scalar_tree(args.upper, "upper")
    for node, field in ((lower, "lower"), (upper, "upper")):
        if variable in safe_expr.symbols_in(node):
            raise HavocInputError(f"a bound cannot contain the index {variable}", field=field)
    timeout = _timeout(args)
    result = run_with_timeout(_summation_job, tree, variable, lower, upper, timeout=timeout, label="summation")
    parameters = (safe_expr.symbols_in(tree) - {variable}) | safe_expr.symbols_in(lower) | safe_expr.symbols_in(upper)
    if parameters or result.converges is False:
        return result  # a value with parameters has no single number to check; a divergent sum none at all
    try:
        check_timeout = min(timeout, CHECK_TIMEOUT_S)
        check = run_with_timeout(_summation_check_job, tree, variable, lower, upper, timeout=check_timeout,
                                 label="numeric check")
    except ToolTimeoutError:
        return result.model_copy(update={"note": "the numeric check timed out"})
    if check is None:
        return result.model_copy(update={"note": "adding the terms numerically gave no reliable value"})
    update: dict[str, Any] = {"numeric_check": check}
    if result.numeric is not None:
        agrees = abs(check - result.numeric) <= 1e-9 * max(1.0, abs(result.numeric))
        update["check_agrees"] = agrees
        if not agrees:
            update["note"] = "adding the terms numerically disagrees with the closed form: do not rely on this value"
    elif not result.evaluated:
        update["note"] = "no closed form found; numeric_check is the value by adding the terms"
    return result.model_copy(update=update)


# -------------------------------------------------------------------- limit


class LimitArgs(_Args):
    expression: ExprText
    variable: str | None = Field(None, description="default: the only symbol")
    point: Scalar = Field(description="where: a number, an expression such as pi/2, oo or -oo; "
                                      "0+ or 0- for a one-sided limit")
    direction: Literal["+", "-", "both"] = Field("both", description="+ from above, - from below, both: two-sided")
    timeout_s: Timeout = DEFAULT_TIMEOUT_S


@_math_errors("the limit", "expression")
def _limit_job(tree: Node, variable: str, point: Node, direction: str) -> LimitResult:
    sp = _sp()
    expr, x, at = _build(tree, "expression"), _symbol(variable), _build(point, "point")
    infinite_point = at in (sp.oo, -sp.oo)
    left = right = None

    def one(d: str) -> Any:
        return sp.limit(expr, x, at, d)

    if infinite_point:
        result = sp.limit(expr, x, at)
    elif direction == "both":
        try:
            result = one("+-")
        except ValueError:  # the one-sided limits differ
            result = sp.nan
        if result in (sp.zoo, sp.nan):
            right, left = one("+"), one("-")
            if left == right:
                result = left
    else:
        result = one(direction)
    exists = not (result.has(sp.nan, sp.zoo, sp.AccumBounds) or result.has(sp.Limit))
    finite = exists and not result.has(sp.oo, -sp.oo)
    numeric = _numeric(result)[0] if finite else None
    return LimitResult(result=_text(result), latex=_latex(result), expression=_text(expr, "expression"),
                       variable=variable, point=_text(at), direction="both" if infinite_point else direction,
                       exists=exists, finite=finite, numeric=numeric,
                       left=None if left is None else _text(left), right=None if right is None else _text(right))


@register("limit", LimitArgs)
def limit(args: LimitArgs) -> LimitResult:
    """Limit of an expression as the variable approaches a point (oo allowed), from +, - or both sides."""
    tree = safe_expr.parse(args.expression, "expression")
    variable = _pick_variable(tree, args.variable)
    point_text, direction = args.point, args.direction
    if isinstance(point_text, str) and point_text.rstrip().endswith(("+", "-")) and len(point_text.strip()) > 1:
        # "0+" and "0-" are how people write one-sided limits
        side = point_text.rstrip()[-1]
        if direction not in ("both", side):
            raise HavocInputError(f"point {point_text.strip()!r} says {side} but direction says {direction}",
                                  field="direction")
        point_text, direction = point_text.rstrip()[:-1], side
    point = safe_expr.number_node(point_text, "point")
    if variable in safe_expr.symbols_in(point):
        raise HavocInputError(f"the point cannot contain the variable {variable}", field="point")
    return run_with_timeout(_limit_job, tree, variable, point, direction, timeout=_timeout(args), label="limit")


# ------------------------------------------------------------------- series


class SeriesArgs(_Args):
    expression: ExprText
    variable: str | None = Field(None, description="default: the only symbol")
    point: Scalar = Field(0, description="expansion point (oo allowed)")
    order: int = Field(6, ge=1, le=MAX_ORDER, description="terms up to (x - point)^(order-1), then O((x - point)^order)")
    timeout_s: Timeout = DEFAULT_TIMEOUT_S


@_math_errors("the series expansion", "expression")
def _series_job(tree: Node, variable: str, point: Node, order: int) -> SeriesResult:
    sp = _sp()
    expr, x, at = _build(tree, "expression"), _symbol(variable), _build(point, "point")
    if at in (sp.oo, -sp.oo):
        result = sp.series(expr, x, at, order)
        polynomial = result.removeO()
        coefficients = None
    else:
        t = sp.Dummy("t")
        local = sp.series(expr.subs(x, t + at), t, 0, order)
        poly_t = local.removeO()
        polynomial = poly_t.subs(t, x - at)
        result = polynomial + sp.Order((x - at) ** order, (x, at)) if local.getO() is not None else polynomial
        coefficients = None
        numeric = None
        if poly_t.is_polynomial(t):
            exact = [sp.expand(poly_t).coeff(t, k) for k in range(order)]
            coefficients = [_text(c) for c in exact]
            numeric = [_numeric(c)[0] if _numeric(c)[2] else None for c in exact]
    return SeriesResult(result=_text(result), latex=_latex(result), expression=_text(expr, "expression"),
                        variable=variable, point=_text(at), order=order, polynomial=_text(polynomial),
                        coefficients=coefficients, numeric_coefficients=numeric if at not in (sp.oo, -sp.oo) else None)


@register("series", SeriesArgs)
def series(args: SeriesArgs) -> SeriesResult:
    """Taylor/Laurent series of an expression about a point, to a given order, with its coefficients."""
    tree = safe_expr.parse(args.expression, "expression")
    variable = _pick_variable(tree, args.variable)
    point = safe_expr.number_node(args.point, "point")
    if variable in safe_expr.symbols_in(point):
        raise HavocInputError(f"the point cannot contain the variable {variable}", field="point")
    return run_with_timeout(_series_job, tree, variable, point, args.order, timeout=_timeout(args), label="series")


# ------------------------------------------------------------------- matrix


class MatrixArgs(_Args):
    matrix: list[list[Scalar]] = Field(description="rows of numbers or expressions, e.g. [[1, 2], [3, 4]]")
    operation: Literal["determinant", "inverse", "eigenvalues", "eigenvectors", "rank", "transpose", "trace",
                       "rref", "nullspace", "charpoly"] = "determinant"
    timeout_s: Timeout = DEFAULT_TIMEOUT_S


def _rows(m: Any) -> list[list[str]]:
    return [[_text(m[i, j]) for j in range(m.cols)] for i in range(m.rows)]


@_math_errors("this matrix operation", "matrix")
def _matrix_job(cells: list[list[Node]], operation: str) -> MatrixResult:
    sp = _sp()
    m = sp.Matrix([[_build(c, f"matrix[{i}][{j}]") for j, c in enumerate(row)] for i, row in enumerate(cells)])
    square = m.rows == m.cols
    if operation in ("determinant", "inverse", "eigenvalues", "eigenvectors", "trace", "charpoly") and not square:
        raise HavocInputError(f"{operation} needs a square matrix, this one is {m.rows}x{m.cols}", field="matrix")
    shape = [m.rows, m.cols]
    out: dict[str, Any] = {"operation": operation, "shape": shape}
    if operation in ("determinant", "rank", "trace"):
        value = {"determinant": lambda: m.det(), "rank": lambda: sp.Integer(m.rank()), "trace": lambda: m.trace()}[
            operation]()
        value = sp.simplify(value) if operation == "determinant" and value.free_symbols else value
        return MatrixResult(result=_text(value), latex=_latex(value), value=_value(value), **out)
    if operation == "inverse":
        det = sp.simplify(m.det())
        if det == 0:
            raise HavocInputError("is singular (determinant 0), so it has no inverse", field="matrix")
        result = m.inv()
        if result.free_symbols:
            result = result.applyfunc(sp.simplify)
    elif operation == "transpose":
        result = m.T
    elif operation == "rref":
        result = m.rref()[0]
    elif operation == "nullspace":
        basis = m.nullspace()
        vectors = [[_text(c) for c in vec] for vec in basis]
        text = "[" + ", ".join(_text(sp.ImmutableMatrix(v)) for v in basis) + "]"
        latex = ", ".join(_latex(v) for v in basis) or r"\{0\}"
        return MatrixResult(result=text, latex=latex, rows=vectors, **out)
    elif operation == "charpoly":
        lam = sp.Symbol("lamda")  # SymPy's spelling of lambda (prints as \lambda in LaTeX)
        poly = m.charpoly(lam).as_expr()
        return MatrixResult(result=_text(poly), latex=_latex(poly), value=_value(poly), **out)
    else:
        if operation == "eigenvalues":
            eig = [Eigenvalue(value=_value(v), multiplicity=int(k)) for v, k in m.eigenvals().items()]
        else:
            eig = [Eigenvalue(value=_value(v), multiplicity=int(k), vectors=[[_text(c) for c in vec] for vec in vecs])
                   for v, k, vecs in m.eigenvects()]
        eig.sort(key=lambda e: (e.value.numeric is None, e.value.numeric or 0.0, e.value.imag or 0.0))
        text = "{" + ", ".join(f"{e.value.exact}: {e.multiplicity}" for e in eig) + "}"
        latex = ", ".join(rf"\lambda = {e.value.latex}" + (f" (\\times {e.multiplicity})" if e.multiplicity > 1 else "")
                          for e in eig)
        return MatrixResult(result=text, latex=latex, eigenvalues=eig, **out)
    numeric = None
    if not result.free_symbols and all(c.is_real for c in result):
        numeric = [[float(result[i, j]) for j in range(result.cols)] for i in range(result.rows)]
    trace = _value(sp.simplify(result.trace())) if result.rows == result.cols else None
    return MatrixResult(result=_text(result), latex=_latex(result), rows=_rows(result), numeric_rows=numeric,
                        result_trace=trace, **out)


@register("matrix", MatrixArgs)
def matrix(args: MatrixArgs) -> MatrixResult:
    """Exact matrix algebra: determinant, inverse, eigenvalues/vectors, rank, transpose, trace, rref, nullspace."""
    rows = args.matrix
    if not rows or not rows[0]:
        raise HavocInputError("is empty", field="matrix")
    if len(rows) > MAX_MATRIX or any(len(r) > MAX_MATRIX for r in rows):
        raise HavocInputError(f"at most {MAX_MATRIX}x{MAX_MATRIX}", field="matrix")
    width = len(rows[0])
    for i, row in enumerate(rows):
        if len(row) != width:
            raise HavocInputError(f"row {i} has {len(row)} entries, row 0 has {width}", field="matrix")
    cells = [[safe_expr.number_node(v, f"matrix[{i}][{j}]") for j, v in enumerate(row)] for i, row in enumerate(rows)]
    return run_with_timeout(_matrix_job, cells, args.operation, timeout=_timeout(args), label=args.operation)


# ----------------------------------------------------------------- evaluate

MAX_POINTS = 1000


class EvaluateArgs(_Args):
    expression: ExprText
    values: dict[str, Scalar] = Field(default_factory=dict, description="{variable: number or constant expression}")
    points: list[dict[str, Scalar]] = Field(
        default_factory=list, max_length=MAX_POINTS,
        description="several points in one call (each merged over values); the top-level fields describe the first")
    digits: int = Field(15, ge=1, le=100, description="significant digits of the text result")
    exact: bool = Field(False, description="also substitute exactly and return the exact value")
    timeout_s: Timeout = DEFAULT_TIMEOUT_S


def _evaluate_at(sp: Any, expr: Any, subs: dict[Any, Any], digits: int, exact: bool) -> tuple[PointValue, str]:
    exact_value = None
    if exact:
        exact_value = expr.xreplace(subs)
        numeric = sp.N(exact_value, max(digits, 30))
    else:
        numeric = sp.N(expr, max(digits, 30), subs=subs)  # numeric all the way: x^x^x at 10 stays cheap
    finite = bool(numeric.is_number) and not numeric.has(sp.zoo, sp.nan, sp.oo, -sp.oo)
    real, imag, is_real = _numeric(numeric) if finite else (None, None, None)
    shown = sp.N(numeric, digits) if finite else numeric
    point = PointValue(result=_text(shown), value=real if is_real else None, imag=imag, is_real=bool(is_real),
                       finite=finite, exact=None if exact_value is None else _text(exact_value))
    return point, _latex(shown)


@_math_errors("evaluation", "expression")
def _evaluate_job(tree: Node, points: list[dict[str, Node]], digits: int, exact: bool) -> EvaluateResult:
    sp = _sp()
    expr = _build(tree, "expression")
    values = []
    for i, point in enumerate(points):
        subs = {_symbol(k): _build(v, f"points[{i}].{k}" if len(points) > 1 else f"values.{k}")
                for k, v in point.items()}
        values.append(_evaluate_at(sp, expr, subs, digits, exact))
    first, latex = values[0]
    return EvaluateResult(**first.model_dump(), latex=latex, expression=_text(expr, "expression"),
                          points=[v for v, _ in values] if len(points) > 1 else [])


def _value_trees(values: dict[str, Scalar], field: str) -> dict[str, Node]:
    trees: dict[str, Node] = {}
    for name, value in values.items():
        key = safe_expr.check_symbol_name(name, f"{field}.{name[:40]}")
        node = safe_expr.number_node(value, f"{field}.{key}")
        if safe_expr.symbols_in(node):
            raise HavocInputError("a value must be a number or a constant expression such as pi/4",
                                  field=f"{field}.{key}")
        trees[key] = node
    return trees


@register("evaluate", EvaluateArgs)
def evaluate(args: EvaluateArgs) -> EvaluateResult:
    """Numeric value of an expression at given values of its variables (exact input, high-precision arithmetic)."""
    tree = safe_expr.parse(args.expression, "expression")
    if len(args.values) > MAX_VALUES:
        raise HavocInputError(f"at most {MAX_VALUES} values", field="values")
    needed = safe_expr.symbols_in(tree)
    base = _value_trees(args.values, "values")
    points = [{**base, **_value_trees(p, f"points[{i}]")} for i, p in enumerate(args.points)] or [base]
    for i, point in enumerate(points):
        missing = sorted(needed - set(point))
        if missing:
            raise HavocInputError(f"no value for {', '.join(missing)}",
                                  field=f"points[{i}]" if args.points else "values")
    unused = sorted(set().union(*points) - needed)
    used = [{k: v for k, v in point.items() if k in needed} for point in points]
    result = run_with_timeout(_evaluate_job, tree, used, args.digits, args.exact, timeout=_timeout(args),
                              label="evaluate")
    return result.model_copy(update={"unused": unused}) if unused else result
