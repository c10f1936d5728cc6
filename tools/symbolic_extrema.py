"""Stationary (critical) points of a function, classified, with its absolute extremes where they exist.

Why a tool of its own: "find the maximum of -2x^2 + 8x + 3", "critical points of x^3 - 3xy + y^3" are
three steps (the gradient, its zeros, a test of each) that a student does by hand and a reader of the answer
wants to see. Done as one call the steps cannot drift apart: the points are the real zeros of the gradient
(and, in one variable, where f' does not exist but f does, as |x| at 0), each classified by the
second-derivative test, by the first derivative that does not vanish when f'' = 0 (x^4 at 0 is a minimum,
x^3 at 0 is no extremum), or by the Hessian's eigenvalues in several variables (mixed signs: a saddle; a zero
eigenvalue: the test says nothing, and the answer says so). In one variable the absolute maximum and minimum
are given on a closed interval (stationary points inside it and the two ends) or, over the whole line, when
the function is continuous there and the limits at ±∞ allow one.

User text is parsed in the caller by `tools.safe_expr`; the SymPy work runs in a worker with a time limit,
as for every symbolic tool.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from tools import safe_expr
from tools.errors import HavocInputError
from tools.registry import register
from tools.safe_expr import Node
from tools.symbolic import (
    DEFAULT_TIMEOUT_S,
    ExprText,
    Names,
    Scalar,
    SymbolicResult,
    Timeout,
    Value,
    _Args,
    _build,
    _latex,
    _math_errors,
    _names,
    _sp,
    _symbol,
    _text,
    _timeout,
    _value,
)
from tools.worker import run_with_timeout

MAX_VARIABLES = 3
MAX_POINTS = 50
MAX_TEST_ORDER = 12  # the higher-derivative test looks this far for a derivative that does not vanish

Kind = Literal["local minimum", "local maximum", "saddle point", "no extremum", "undetermined"]


class ExtremaArgs(_Args):
    expression: ExprText
    variables: Names | None = Field(None, description="x, or [x, y] for a function of several variables "
                                                      f"(at most {MAX_VARIABLES}); default: every symbol")
    lower: Scalar | None = Field(None, description="one variable only: the interval's left end (-oo or absent: "
                                                   "unbounded below)")
    upper: Scalar | None = Field(None, description="one variable only: the interval's right end (oo or absent: "
                                                   "unbounded above)")
    lower_open: bool = Field(False, description="the left end is excluded (x > a rather than x >= a)")
    upper_open: bool = Field(False, description="the right end is excluded (x < b rather than x <= b)")
    timeout_s: Timeout = DEFAULT_TIMEOUT_S


class CriticalPoint(BaseModel):
    point: dict[str, Value]
    value: Value = Field(description="the function's value there")
    kind: Kind
    test: str = Field(description="how it was classified, e.g. f''(1) = 6 > 0")
    derivative_exists: bool = Field(True, description="False where f is defined but f' is not (|x| at 0)")


class Extreme(BaseModel):
    value: Value
    at: list[str] = Field(description="where it is attained: the variable's values")
    end: list[str | None] = Field(default_factory=list, description="for each value in `at`: 'left' or 'right' "
                                  "when it is an end of the interval, else null")
    at_numeric: list[float | None] = Field(default_factory=list, description="each value in `at` as a number")


class ExtremaResult(SymbolicResult):
    expression: str
    variables: list[str]
    gradient: list[str] = Field(description="the first partial derivatives, in the order of variables")
    lower: str | None = None
    upper: str | None = None
    interval: str | None = Field(None, description="the interval searched, e.g. [-3, 2] or (0, oo)")
    points: list[CriticalPoint]
    count: int
    absolute_max: Extreme | None = Field(None, description="one variable: the greatest value on the interval (or "
                                                           "the line), when it is attained")
    absolute_min: Extreme | None = None
    notes: list[str] = Field(default_factory=list)


def _sign(sp: Any, value: Any) -> int | None:
    """+1, -1 or 0 for a real number; None when it is not one."""
    if value.has(sp.DiracDelta, sp.zoo, sp.nan, sp.oo, -sp.oo) or not value.is_number:
        return None
    if value.is_zero:
        return 0
    try:
        number = complex(sp.N(value, 30))
    except (TypeError, ValueError):
        return None
    if abs(number.imag) > 1e-12 * max(1.0, abs(number.real)):
        return None
    if abs(number.real) < 1e-25:
        simplified = sp.simplify(value)
        if simplified.is_zero:
            return 0
    return 1 if number.real > 0 else -1


def _is_real_number(sp: Any, value: Any) -> bool:
    if value.has(sp.zoo, sp.nan, sp.oo, -sp.oo) or not value.is_number:
        return False
    try:
        number = complex(sp.N(value, 30))
    except (TypeError, ValueError):
        return False
    return abs(number.imag) <= 1e-12 * max(1.0, abs(number.real))


def _differentiable_at(sp: Any, fp: Any, x: Any, c: Any) -> bool:
    if not fp.has(sp.sign, sp.Abs, sp.Heaviside, sp.Piecewise, sp.Max, sp.Min, sp.floor, sp.ceiling):
        return True
    try:
        return all(sp.limit(fp, x, c, side) == 0 for side in ("+", "-"))
    except (NotImplementedError, ValueError, TypeError):
        return True


def _classify_one(sp: Any, f: Any, x: Any, c: Any, derivative_exists: bool, neighbours: list[Any]) -> tuple[str, str]:
    """(kind, test) of the critical point c of f(x): the higher-derivative test, else the sign of f' either side."""
    if derivative_exists:
        derivative = sp.diff(f, x)
        for order in range(2, MAX_TEST_ORDER + 1):
            derivative = sp.diff(derivative, x)
            there = sp.simplify(derivative.subs(x, c))
            sign = _sign(sp, there)
            if sign is None:
                break
            if sign == 0:
                continue
            mark = "''" if order == 2 else f"^({order})"
            shown = f"f{mark}({_text(c)}) = {_text(there)}"
            if order % 2 == 1:
                return "no extremum", f"{shown} ≠ 0, the first non-zero derivative is of odd order {order}"
            relation = "> 0" if sign > 0 else "< 0"
            test = shown + " " + relation + ("" if order == 2 else f" (the first non-zero derivative, of even order {order})")
            return ("local minimum" if sign > 0 else "local maximum"), test
    # the first-derivative test: the sign of f' just left and right of c, closer than any other critical point
    gaps = [abs(float(sp.N(n - c))) for n in neighbours if n != c]
    h = min([1e-3, *[g / 4 for g in gaps if g > 0]])
    fp = sp.diff(f, x)
    signs = []
    for side in (-1, 1):
        value = fp.subs(x, c + side * sp.Rational(str(h)))
        signs.append(_sign(sp, value) if _is_real_number(sp, value) else None)
    if None in signs or 0 in signs:
        return "undetermined", "neither the higher derivatives nor the sign of f' either side settle it"
    left, right = ("+" if s > 0 else "−" for s in signs)
    test = f"f' changes sign from {left} to {right} at {_text(c)}" if left != right else \
        f"f' has the sign {left} on both sides of {_text(c)}"
    if left == right:
        return "no extremum", test
    return ("local maximum" if left == "+" else "local minimum"), test


def _hessian_kind(sp: Any, hessian: Any) -> tuple[str, str]:
    eigen = [sp.N(v, 20) for v, m in hessian.eigenvals().items() for _ in range(m)]
    values = [float(sp.re(v)) for v in eigen]
    shown = ", ".join(f"{v:.6g}" for v in values)
    scale = max([1.0, *(abs(v) for v in values)])
    if any(abs(v) <= 1e-12 * scale for v in values):
        return "undetermined", f"the Hessian there has eigenvalues {shown}: a zero eigenvalue, the test says nothing"
    if all(v > 0 for v in values):
        return "local minimum", f"the Hessian there has eigenvalues {shown}, all > 0"
    if all(v < 0 for v in values):
        return "local maximum", f"the Hessian there has eigenvalues {shown}, all < 0"
    return "saddle point", f"the Hessian there has eigenvalues {shown}, of both signs"


def _finite_real_points(sp: Any, found: Any, field: str) -> list[Any]:
    if isinstance(found, sp.ConditionSet):
        raise HavocInputError("SymPy cannot find where the derivative is zero", field=field)
    if found is sp.EmptySet:
        return []
    if not isinstance(found, sp.FiniteSet):
        raise HavocInputError(f"the derivative is zero at infinitely many points ({_text(found)}): give an interval "
                              "with lower and upper", field=field)
    points = sorted((p for p in found if _is_real_number(sp, p)), key=lambda p: float(sp.N(p)))
    if len(points) > MAX_POINTS:
        raise HavocInputError(f"more than {MAX_POINTS} critical points", field=field)
    return points


def _region(sp: Any, a: Any, b: Any, lower_open: bool, upper_open: bool) -> Any:
    """The interval of x: an infinite end is always open."""
    left = -sp.oo if a is None else a
    right = sp.oo if b is None else b
    if not bool(left < right):
        raise HavocInputError("the interval's lower end must be below its upper end", field="lower")
    return sp.Interval(left, right, left_open=lower_open or left.is_infinite, right_open=upper_open or right.is_infinite)


@_math_errors("finding the critical points", "expression")
def _one_variable_job(tree: Node, variable: str, lower: Node | None, upper: Node | None, lower_open: bool = False,
                      upper_open: bool = False) -> ExtremaResult:
    sp = _sp()
    f, x = _build(tree, "expression"), _symbol(variable)
    a = None if lower is None else _build(lower, "lower")
    b = None if upper is None else _build(upper, "upper")
    bounded = a is not None or b is not None
    region = _region(sp, a, b, lower_open, upper_open)
    shown = None
    if bounded:
        shown = (("(" if region.left_open else "[") + f"{_text(region.left)}, {_text(region.right)}"
                 + (")" if region.right_open else "]"))
    domain = sp.calculus.util.continuous_domain(f, x, sp.S.Reals)
    if bounded and not region.is_subset(domain):
        raise HavocInputError(f"the function is not continuous on {shown} (it is on {_text(domain)})",
                              field="expression")
    fp = sp.diff(f, x)
    inner = sp.Interval.open(region.left, region.right) if bounded else domain
    zeros = _finite_real_points(sp, sp.solveset(fp, x, inner), "expression")
    # SymPy's f' can vanish where f has a corner (d|x|/dx = sign(x), and sign(0) = 0): a zero counts as one only
    # where f' tends to 0 from both sides
    zeros, kinks = [c for c in zeros if _differentiable_at(sp, fp, x, c)], [c for c in zeros
                                                                           if not _differentiable_at(sp, fp, x, c)]
    # where f is continuous but f' is not defined: a corner or a cusp is a critical point too
    singular = sp.singularities(fp, x, inner) if fp.has(x) else sp.EmptySet
    listed = singular is sp.EmptySet or isinstance(singular, sp.FiniteSet)
    corners = [*kinks, *(p for p in (singular if listed else [])
                         if _is_real_number(sp, p) and p in domain and p not in zeros and p not in kinks
                         and _is_real_number(sp, f.subs(x, p)))]
    everything = sorted([*zeros, *corners], key=lambda p: float(sp.N(p)))
    notes: list[str] = []
    if not listed:
        notes.append("where f' is undefined could not be listed: only the zeros of f' are shown")
    points = []
    for c in everything:
        exists = c in zeros
        kind, test = _classify_one(sp, f, x, c, exists, everything)
        points.append(CriticalPoint(point={variable: _value(c)}, value=_value(sp.simplify(f.subs(x, c))),
                                    kind=kind, test=test, derivative_exists=exists))
    absolute_max = absolute_min = None
    candidates = [(sp.simplify(f.subs(x, c)), c, None) for c in everything]
    if bounded:
        # a closed end is a candidate; at an open or infinite end only f's limit there counts (approached, never
        # attained), so an extreme exists only when no such limit goes past the best candidate
        ends = []
        if region.left_open:
            ends.append(sp.limit(f, x, region.left, "+") if region.left.is_finite else sp.limit(f, x, -sp.oo))
        else:
            candidates.append((sp.simplify(f.subs(x, region.left)), region.left, "left"))
        if region.right_open:
            ends.append(sp.limit(f, x, region.right, "-") if region.right.is_finite else sp.limit(f, x, sp.oo))
        else:
            candidates.append((sp.simplify(f.subs(x, region.right)), region.right, "right"))
        absolute_max, absolute_min = _extremes(sp, candidates, ends, notes, f"on {shown}")
    elif domain == sp.S.Reals and f.is_real is not True:
        notes.append("f is not known to be real for every real x: no absolute extremes over the whole line are given")
    elif domain == sp.S.Reals:
        ends = [sp.limit(f, x, sp.oo), sp.limit(f, x, -sp.oo)]
        absolute_max, absolute_min = _extremes(sp, candidates, ends, notes, "over the whole line")
    else:
        notes.append(f"f is continuous only on {_text(domain)}: no absolute extremes over the whole line are given")
    result = _listing(points)
    return ExtremaResult(result=result, latex=_latex(sp.FiniteSet(*everything)) if everything else r"\emptyset",
                         expression=_text(f, "expression"), variables=[variable], gradient=[_text(fp)],
                         lower=None if a is None else _text(a), upper=None if b is None else _text(b),
                         interval=shown, points=points, count=len(points), absolute_max=absolute_max,
                         absolute_min=absolute_min, notes=notes)


def _real_float(sp: Any, value: Any) -> float | None:
    try:
        number = complex(sp.N(value, 17))
    except (TypeError, ValueError):
        return None
    return number.real if abs(number.imag) <= 1e-12 * max(1.0, abs(number.real)) else None


def _extremes(sp: Any, candidates: list[tuple[Any, Any, str | None]], ends: list[Any], notes: list[str],
              where_text: str) -> tuple[Extreme | None, Extreme | None]:
    """The greatest and least candidate values, each only when no limit at an open end goes past it."""
    values = [(v, (where, end)) for v, where, end in candidates if _is_real_number(sp, v)]
    if not values:
        if ends:
            notes.append(f"no critical point and no closed end: {where_text} f has no absolute maximum or minimum")
        return None, None

    def pick(best: Any, better: Any) -> Extreme | None:
        top = values[0][0]
        for v, _ in values[1:]:
            if better(float(sp.N(v - top, 30)), 0):
                top = v
        for end in ends:
            if end.has(sp.AccumBounds, sp.nan) or (not end.is_infinite and not _is_real_number(sp, end)):
                return None
            if end.is_infinite:
                if better(1 if end == sp.oo else -1, 0):
                    return None
            elif better(float(sp.N(end - top, 30)), 0):
                return None  # approached at an open end but never reached
        where = [w for v, w in values if abs(float(sp.N(v - top, 30))) <= 1e-12 * max(1.0, abs(float(sp.N(top))))]
        return Extreme(value=_value(top), at=[_text(w) for w, _ in where], end=[e for _, e in where],
                       at_numeric=[_real_float(sp, w) for w, _ in where])

    absolute_max = pick(values, lambda d, z: d > z)
    absolute_min = pick(values, lambda d, z: d < z)
    if ends:
        if absolute_max is None:
            notes.append(f"{where_text} f has no absolute maximum (it grows without bound or only approaches "
                         "its supremum at an open end)")
        if absolute_min is None:
            notes.append(f"{where_text} f has no absolute minimum (it falls without bound or only approaches "
                         "its infimum at an open end)")
    return absolute_max, absolute_min


def _listing(points: list[CriticalPoint]) -> str:
    return "[" + ", ".join("{" + ", ".join(f"{k}: {v.exact}" for k, v in p.point.items()) + f"}} {p.kind}"
                           for p in points) + "]"


@_math_errors("finding the critical points", "expression")
def _several_variables_job(tree: Node, variables: list[str]) -> ExtremaResult:
    sp = _sp()
    f = _build(tree, "expression")
    xs = [_symbol(v) for v in variables]
    gradient = [sp.diff(f, v) for v in xs]
    try:
        found = sp.solve(gradient, xs, dict=True)
    except NotImplementedError:
        raise HavocInputError("SymPy cannot solve for where the gradient is zero", field="expression") from None
    points = []
    notes: list[str] = []
    hessian = sp.hessian(f, xs)
    seen = []
    for solution in found:
        if set(solution) != set(xs):
            raise HavocInputError("the gradient is zero along a whole curve or surface, not at isolated points",
                                  field="expression")
        coords = [solution[v] for v in xs]
        if not all(_is_real_number(sp, c) for c in coords) or coords in seen:
            continue
        seen.append(coords)
        subs = dict(zip(xs, coords, strict=True))
        kind, test = _hessian_kind(sp, hessian.subs(subs))
        points.append(CriticalPoint(point={v: _value(c) for v, c in zip(variables, coords, strict=True)},
                                    value=_value(sp.simplify(f.subs(subs))), kind=kind, test=test))
    if len(points) > MAX_POINTS:
        raise HavocInputError(f"more than {MAX_POINTS} critical points", field="expression")
    points.sort(key=lambda p: [p_.numeric or 0.0 for p_ in p.point.values()])
    if not points:
        notes.append("the gradient is never zero at a real point: no critical points")
    return ExtremaResult(result=_listing(points), latex=_latex(sp.Matrix(gradient)), expression=_text(f, "expression"),
                         variables=variables, gradient=[_text(g) for g in gradient], points=points, count=len(points),
                         notes=notes)


@register("extrema", ExtremaArgs)
def extrema(args: ExtremaArgs) -> ExtremaResult:
    """Critical points of f(x) or f(x, y, …), each a local min, max, saddle or neither; absolute max/min on an interval."""
    tree = safe_expr.parse(args.expression, "expression")
    variables = _names(args.variables, "variables") or sorted(safe_expr.symbols_in(tree))
    if not variables:
        raise HavocInputError("the expression has no variable", field="expression")
    if len(variables) > MAX_VARIABLES:
        raise HavocInputError(f"at most {MAX_VARIABLES} variables", field="variables")
    unknown = sorted(safe_expr.symbols_in(tree) - set(variables))
    if unknown:
        raise HavocInputError(f"the expression also contains {', '.join(unknown)}: give it a value or list it as a "
                              "variable", field="expression")
    if (args.lower is not None or args.upper is not None) and len(variables) > 1:
        raise HavocInputError("an interval is for a function of one variable", field="lower")
    if args.lower_open and args.lower is None or args.upper_open and args.upper is None:
        raise HavocInputError("an open end needs its bound", field="lower" if args.lower_open else "upper")
    if len(variables) == 1:
        lower = None if args.lower is None else safe_expr.number_node(args.lower, "lower")
        upper = None if args.upper is None else safe_expr.number_node(args.upper, "upper")
        return run_with_timeout(_one_variable_job, tree, variables[0], lower, upper, args.lower_open,
                                args.upper_open, timeout=_timeout(args), label="extrema")
    return run_with_timeout(_several_variables_job, tree, variables, timeout=_timeout(args), label="extrema")
