"""Natural-language calculus questions → symbolic tool intents.

The expression text is only cleaned up here (unicode powers, `sin x` → `sin(x)`);
it is parsed — safely, never evaluated — by `tools.safe_expr` when the tool runs.
"""

from __future__ import annotations

import re

from graphs.planning.extract import NUM, flat_lists, tables, to_decimal
from graphs.planning.intent import Intent
from graphs.planning.nl_extrema import plan_extrema
from tools.errors import HavocInputError

_SUPERSCRIPTS = str.maketrans({"⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6",
                               "⁷": "7", "⁸": "8", "⁹": "9", "⁻": "-", "ˣ": "x", "ʸ": "y", "ᶻ": "z", "ᵗ": "t"})
_SUBSCRIPTS = str.maketrans({"₀": "0", "₁": "1", "₂": "2", "₃": "3", "₄": "4", "₅": "5", "₆": "6", "₇": "7", "₈": "8",
                             "₉": "9", "₋": "-"})
_FUNCS = r"(?:sin|cos|tan|sec|csc|cot|sinh|cosh|tanh|asin|acos|atan|arcsin|arccos|arctan|exp|ln|log|sqrt|abs)"


def clean_expression(text: str) -> str:
    text = text.strip().strip("?.!:;,").strip()
    # "… please", "… for me, thanks": politeness around an expression is not part of it
    text = re.sub(r"(?:[\s,]+(?:please|pls|thanks|thank you|for me))+\s*[?.!]*\s*$", "", text, flags=re.I)
    text = re.sub(r"^\s*(?:please|pls)\s+", "", text, flags=re.I)
    text = re.sub(r"[\"'`]", "", text)
    text = re.sub(r"([⁰¹²³⁴⁵⁶⁷⁸⁹⁻ˣʸᶻᵗ]+)", lambda m: "^" + m.group(1).translate(_SUPERSCRIPTS), text)
    # "e^(xy)", "sin(xy)": two variables written side by side are a product, not a variable named xy
    text = re.sub(r"(?<![A-Za-z])([xyztuvw])([xyztuvw])(?![A-Za-z(])", r"\1*\2", text)
    text = text.replace("{", "(").replace("}", ")")  # e^{2x}, as typed in LaTeX
    text = re.sub(r"\|([^|]+)\|", r"abs(\1)", text)  # |x|
    text = text.replace("×", "*").replace("·", "*").replace("−", "-").replace("π", "pi").replace("√", "sqrt")
    # `sec^2(x)` and `sin^2 x` mean the function's value squared: `sec(x)^2`, `sin(x)^2`
    text = re.sub(rf"\b({_FUNCS})\s*\^\s*(\d+)\s*\(([^()]*)\)", r"\1(\3)^\2", text)
    text = re.sub(rf"\b({_FUNCS})\s*\^\s*(\d+)\s+([A-Za-z0-9.]+)", r"\1(\3)^\2", text)
    text = re.sub(rf"\b({_FUNCS})\s*\^\s*(\d)([a-z])\b", r"\1(\3)^\2", text)  # sin²x typed as sin^2x
    # `sin x` → `sin(x)`, `ln 2x` → `ln(2x)`
    text = re.sub(rf"(?<![A-Za-z])({_FUNCS})\s+([A-Za-z0-9.^]+)", r"\1(\2)", text)  # "2sin x" too
    # `3xe^x`, `xe^(2x)`: a variable typed against e^ is a product with the exponential, not a variable `xe`
    text = re.sub(r"(?<![A-Za-z])([A-Za-z])e\s*\^", r"\1*e^", text)
    text = re.sub(r"\s+", " ", text)
    return text.strip()


# ("for a report", "by a factor": the article before a word is no variable)
_WRT = r"(?:with respect to|w\.?r\.?t\.?|by|in terms of|for)\s+(?!(?:a|A|I)\s+[A-Za-z]{2,})([A-Za-z])\b"


def _variable(text: str, expression: str, default: str = "x") -> str:
    m = re.search(_WRT, text, flags=re.I) or re.search(r"\bd/d([A-Za-z])\b", text)
    if m:
        return m.group(1)
    from tools.safe_expr import _GREEK_NAMES

    names = set(re.findall(r"(?<![A-Za-z])([a-z])(?![A-Za-z(])", expression)) - {"e"}
    if not names:  # theta^2 cos(theta); but in sin(omega t) the variable is t, omega a constant
        names = {w for w in re.findall(r"[A-Za-z]+", expression) if w.lower() in _GREEK_NAMES}
    if default in names or not names:
        return default
    return sorted(names)[0]


def _strip_tail(expr: str) -> str:
    expr = re.split(_WRT, expr, flags=re.I)[0]
    expr = re.sub(r"\s+(?:at any|for (?:any|all|every)|in general for)\s+[a-z]\s*[?.!]?\s*$", "", expr)
    expr = re.sub(r"\s*\bd[a-z]\b\s*$", "", expr)
    # "1/(x^2*(1+x)) dx converge? if so what's its value?": the differential closes the integrand
    expr = re.sub(r"(?<=\S)\s+d[a-z]\b(?!\s*[/*^(])\s*[,;:?!.]?\s+(?:converge|exist|diverge|does|is|and|if|what|then|"
                  r"please|pls)\b.*$", "", expr, flags=re.S | re.I)
    return expr


_POINT = r"[-+−]?(?:\d+(?:\.\d+)?|oo|∞|inf(?:inity)?|pi|π|e)"


def _in_words(q: str) -> str:
    """Rewrite notation into the words the rules below read.

    `∫_0^2 f dx` → `integral of f dx from 0 to 2`; `∫ f dx` → `integral of f dx`;
    `lim x→0 f`, `lim_{x->0} f`, `limit as x approaches 0 of f` → `limit of f as x -> 0`;
    `d²/dx² f` → `second derivative of f by x`.
    """
    q = _fix_verbs(q).replace("∞", "oo").replace("→", "->").replace("π", "pi")
    q = re.sub(r"\s*\((?=[^()]*\b[a-z]{3,}\s+[a-z]{3,})[^()]*\)\s*$", "", q.rstrip(), flags=re.I)  # "(damped response, …)"
    q = re.sub(r"\bfrom zero to (?:plus )?infinity\b", "from 0 to oo", q, flags=re.I)
    q = re.sub(r"\b(from|between) zero (to|and)\b", r"\1 0 \2", q, flags=re.I)
    # "… from 0 to 2 - need the number for a centroid calc": a remark after a dash, words only, is no maths
    q = re.sub(r"\s+[-–—]+\s+(?:[A-Za-z']+\s+){2,}[A-Za-z']+\s*[.!?]?\s*$", "", q)
    # "from x = 0 to x = 2 (radians)": the bounds with their variable named
    q = re.sub(r"\b(from|between)\s+([a-z])\s*=\s*(\S+?)\s+(to|and)\s+\2\s*=\s*(\S+?)(?:\s*\((?:radians|rad)\))?(?=[\s,.;?!]|$)",
               r"\1 \3 \4 \5", q, flags=re.I)
    # "for what values of x is f equal to zero", "when is f = 0": the roots of f
    q = re.sub(r"^\s*(?:for )?what values? of ([a-z]) (?:is|makes?|does) (.+?) (?:equal(?: to)?|=) (?:zero|0)\s*[?.!]?\s*$",
               r"solve \2 = 0 for \1", q, flags=re.I | re.S)
    # "the integral over the whole real line of f dx": from -oo to oo
    q = re.sub(r"\b(integral|integrate)\s+(?:of\s+)?over\s+(?:the\s+)?(?:whole|entire)\s+real\s+(?:line|axis)\s+of\s+(.+?)\s*"
               r"(d[a-z])\b", r"\1 of \2 \3 from -oo to oo", q, flags=re.I)
    # "k = 0, 1, 2, ..." with no last term: the sum runs to infinity
    q = re.sub(r"\b([a-z])\s*=\s*([-+]?\d+)\s*,\s*\d+\s*,\s*\d+\s*,\s*(?:\.\.\.|…)(?!\s*,?\s*\d)", r"\1 = \2 to oo", q)
    # "What is the exact value of k * 2^k summed over k = 1, 2, ..., 15?": the terms before the word, the sum after
    q = re.sub(r"^\s*(?:(?:what(?:'s| is)|find|give me|compute|calculate)\s+)?(?:the\s+)?(?:exact\s+)?(?:value\s+of\s+)?"
               r"(.+?)\s+summed\s+(?:over|for|from)\s+", r"sum of \1 for ", q, flags=re.I | re.S)
    # "For which x is x^3 - 12x - 2 = 0? I need the smallest and the largest real solution": the equation, solved for x
    q = re.sub(r"^\s*(?:for )?(?:which|what) (?:values? of )?([a-z]) (?:is|does|do|will|makes?) ([^?=]+=[^?=]+?)\s*\?",
               r"solve \2 for \1.", q, flags=re.I | re.S)
    # "for what values of x does e^x = 3x?": the equation itself, solved for x
    q = re.sub(r"^\s*(?:for )?what values? of ([a-z]) (?:is|does|do|will|makes?) ([^?=]+=[^?=]+?)\s*[?.!]\s*$",
               r"solve \2 for \1", q, flags=re.I | re.S)
    # "f(x,y) = …. What is the partial derivative with respect to y?": the function defined first
    defined = re.match(r"^\s*(?:for\s+(?:the\s+)?(?:surface|function)\s+)?([a-z])\s*(?:\(\s*[a-z](?:\s*,\s*[a-z])*\s*\))?\s*=\s*"
                       r"(.+?)(?:\.\s+|,\s*|\s+)(?=(?:what|find|give|compute|calculate|get|determine)\b)(.*)$", q,
                       flags=re.I | re.S)
    if defined and re.search(r"derivative|partial|∂|d/d", defined.group(3), flags=re.I) and \
            not re.search(r"\bof\b\s*\S", re.sub(r"derivative\s+of\s+(?:" + defined.group(1) + r"|it)\b", "", defined.group(3))):
        q = re.sub(r"\b(?:the\s+)?(partial\s+derivative|derivative|mixed second partial)\b(?:\s+of\s+(?:" + defined.group(1) +
                   r"|it))?", lambda m: f"{m.group(1)} of {defined.group(2)}", defined.group(3), count=1, flags=re.I)
    # "∂f/∂y for f = x^2 y", "∂/∂y (x^2 y)", "partial (derivative) of f w.r.t. y": a derivative in y
    q = re.sub(r"∂\s*([a-z])?\s*/\s*∂\s*([a-z])\s*(?:(?:for|of|if|where|when|given|,|:)\s*)?(?:\1\s*(?:\([a-z, ]*\))?\s*=\s*)?"
               r"(.+?)\s*[?.!]?\s*$", lambda m: f"derivative of {m.group(3)} with respect to {m.group(2)}", q,
               flags=re.S)
    q = re.sub(r"\b(?:the\s+)?partial(?![\s-]*fractions?)(?:\s+derivative)?\s+(?:of\s+)?", "derivative of ", q, flags=re.I)
    # "derivative (of) wrt x of f", "derivative with respect to t of f": the variable before the expression
    q = re.sub(r"\bderivative\s+(?:of\s+)?(?:wrt|w\.r\.t\.?|with respect to|in)\s+([a-z])\s+(?:of\s+)?(.+?)\s*[?.!]?\s*$",
               r"derivative of \2 with respect to \1", q, flags=re.I | re.S)
    # "x plus y plus z equals 6": equations written in words
    if re.search(r"\b(?:equals|is equal to)\b", q, flags=re.I) and re.search(r"\b(?:plus|minus)\b", q, flags=re.I):
        q = re.sub(r"\btwice\s+", "2", q, flags=re.I)
        q = re.sub(r"\bthrice\s+", "3", q, flags=re.I)
        for word, sign in (("is equal to", "="), ("equals", "="), ("plus", "+"), ("minus", "-"), ("times", "*")):
            q = re.sub(rf"\b{word}\b", sign, q, flags=re.I)
        q = re.sub(r"(?<=[a-z0-9)])\s+is\s+(?=[-+]?\d)", " = ", q)  # "x - 2y + 3z is 9"
        q = re.sub(r"^\s*solve\s*:\s*", "", q, flags=re.I)
        q = re.sub(r"^\s*(?:\w+\s+){0,2}unknowns?\s*:\s*", "", q, flags=re.I)  # "Three unknowns: …"
    # "lim (3x^2+1)/(2x^2-x) as x→∞": the expression before the point
    q = re.sub(rf"\blim(?:it)?\s+(?!of\b)(?![a-z]\s*(?:->|approaches))(.+?)\s+as\s+([a-z])\s*(?:->|approaches|goes to|tends to)"
               rf"\s*({_POINT})\s*([+-])?\s*[?.!]?\s*$", r"limit of \1 as \2 -> \3\4", q, flags=re.I | re.S)
    q = _equations_then_unknowns(q)
    # "x + y + z = 6, 2x - y + z = 3, … solve it": the equations written before the verb
    m = re.search(r"\b(?:solve|find the solution(?: of)?)\s+(?:it|them|this|these|the system|the equations|this system)"
                  r"\b(?:\s+for\s+(?P<vars>[a-z](?:\s*(?:,|and)\s*[a-z])*))?", q, flags=re.I)
    if m:
        head = q[:m.start()].strip().rstrip(".;:")
        if head.count("=") >= 1:
            q = f"solve {head}" + (f" for {m.group('vars')}" if m.group("vars") else "")
    q = re.sub(r"(?<=[\do])⁺", "+", q)
    q = re.sub(r"(?<=[\do])⁻(?![⁰¹²³⁴⁵⁶⁷⁸⁹])", "-", q)  # "x→0⁺" is a side, "x⁻¹" a power
    # "find dy/dx if y = f(x)" → "derivative of f(x) with respect to x"
    q = re.sub(r"\bd([a-z])\s*/\s*d([a-z])\s*(?:if|of|for|when|where|given|,|:)?\s*\1\s*=\s*(.+?)\s*[?.!]?\s*$",
               r"derivative of \3 with respect to \2", q, flags=re.S)
    q = re.sub(r"\b(d\s*(?:\^\s*\d+|[²³])?\s*/\s*d[a-z]\s*(?:\^\s*\d+|[²³])?)\s*\[(.+)\]", r"\1 (\2)", q)  # d/dx[f], d^3/dx^3 [f]
    q = re.sub(r"∫\s*_\s*\{?\s*([^\s{}^]+?)\s*\}?\s*\^\s*\{?\s*([^\s{}]+?)\s*\}?\s+(.+?)\s*(d[a-z])\b(.*)$",
               r"integral of \3 \4 from \1 to \2\5", q, flags=re.S)
    q = re.sub(r"\bintegral\s+(?=∫)", "", q)  # "the improper integral ∫ from 1 to ∞ of …": the sign names it again
    # "int from 0 to 1 of ln(x)/sqrt(x) dx", "int x^2 dx": the abbreviation students type, ending with its dx
    q = re.sub(r"(?i)(^\s*|[.?!:;]\s+|\b(?:the|compute|find|evaluate|calculate|what's|is)\s+)int\b"
               r"(?=\s*(?:from\b|of\b|_|\^|\(|[a-z0-9])[^\n]*\bd[a-z]\b)", r"\1integral", q)
    q = re.sub(r"∫\s*", "integral of ", q)
    # "integral from 0 to 1 of f dx" → "integral of f dx from 0 to 1"
    q = re.sub(r"\b(integral|integrate)\s+(?:of\s+)?from\s+(\S+)\s+to\s+(\S+?)\s*,?\s+(?:of\s+)?(.+?)\s*[?.!]?\s*$",
               r"\1 of \4 from \2 to \3", q, flags=re.I | re.S)
    m = re.search(rf"\blim(?:it)?\s*_?\s*[{{(]?\s*(?:as\s+)?([a-z])\s*(?:->|approaches|goes to|tends to)\s*({_POINT})\s*([+-])?\s*[}})]?"
                  rf"\s*(?:,|of)?\s+(.+?)\s*[?.!]?\s*$", q, flags=re.I | re.S)
    if m:
        direction = m.group(3) or ""
        q = q[:m.start()] + f"limit of {m.group(4)} as {m.group(1)} -> {m.group(2)}{direction}"
    # paraphrases: "rate of change of f with respect to t", "area under y = f between a and b", "what does f tend to
    # as x goes to a", "expand f in powers of x", "partial fractions of f"
    q = re.sub(r"\b(?:the\s+)?(?:instantaneous\s+)?rate of change of\s+", "derivative of ", q, flags=re.I)
    # "What is the slope of f(x) = x^3 e^(-3x) at x = 2.0?": the derivative there
    q = re.sub(r"\b(?:the\s+)?(?:slope|gradient)\s+of\s+(?:the\s+(?:curve|graph|function)\s+)?"
               r"(?=[a-z]\s*\(\s*[a-z]\s*\)\s*=|y\s*=)", "derivative of ", q, flags=re.I)
    q = re.sub(rf"\b(?:the\s+)?area under\s+(?:the\s+)?(?:curve\s+|graph\s+(?:of\s+)?)?(?:of\s+)?(.+?)\s+"
               rf"(?:from|between)\s+({_POINT})\s+(?:to|and)\s+({_POINT})",
               r"integral of \1 from \2 to \3", q, flags=re.I | re.S)
    q = re.sub(rf"^\s*(?:what|where)\s+(?:does|do|will)\s+(.+?)\s+(?:tend|go|converge|approach)(?:\s+to)?\s+"
               rf"(?:as|when)\s+([a-z])\s*(?:->|approaches|goes to|tends to)\s*({_POINT})\s*[?.!]?\s*$",
               r"limit of \1 as \2 -> \3", q, flags=re.I | re.S)
    q = re.sub(r"\bexpand\s+(.+?)\s+(?:in|as)\s+(?:a\s+)?(?:powers|(?:taylor\s+|maclaurin\s+|power\s+)?series)"
               r"(?:\s+(?:of|in)\s+[a-z])?\b", r"series of \1", q, flags=re.I)
    order = {"2": "second", "3": "third", "²": "second", "³": "third"}
    m = re.search(r"\bd\s*\^?([23²³])\s*(?:([a-z])\s*)?/\s*d([a-z])\s*\^?[23²³]\s*(?:of\s+|for\s+|if\s+|where\s+|,\s*|:\s*)?", q)
    if m:
        rest = q[m.end():].strip().rstrip("?.!")
        if m.group(2):  # "d2y/dx2 for y = x^3": the name defined is not part of the expression
            rest = re.sub(rf"^{m.group(2)}\s*(?:\(\s*[a-z]\s*\))?\s*=\s*", "", rest)
        q = f"{q[:m.start()]}{order[m.group(1)]} derivative of {rest} with respect to {m.group(3)}"
    return q


def _equations_then_unknowns(q: str) -> str:
    """Equations written first, then what to find: "x + 2y - z = 3 (newline) … find x, y, z", "3a - 2b = 4 and
    5a + b = 11, what are a and b", "… . Solve", or equations alone, one per line → "solve E1; E2 for x, y"."""
    original = q
    q = re.sub(r"^[^=\n]*\bunknowns?\b[^=\n]*:\s*\n", "", q, flags=re.I)  # "four unknowns w, x, y, z:" (a heading)
    q = re.sub(r"\s*(?:find|solve for|give|get)\s+(?:all|each|every)(?:\s+(?:two|three|four|five|of them|unknowns))?\s*[?.!]*\s*$",
               "\nsolve", q, flags=re.I)
    q = re.sub(r"^\s*solve\s*:\s*", "", q, flags=re.I)
    # "Solve for a, b, c:" above the equations: the unknowns first, as a heading
    lead = re.match(r"\s*(?:solve|find)\s+(?:for\s+)?(?P<vars>[a-z](?:_?\d{1,2})?(?:\s*(?:,|and|&)\s*[a-z](?:_?\d{1,2})?)+)"
                    r"\s*[:.]?\s*\n", q, flags=re.I)
    if lead:
        q = q[lead.end():] + f"\nsolve for {lead.group('vars')}"
    m = re.search(r"(?:^|[\s,.;:])(?:(?:so\s+)?(?:solve|find|determine|compute|what are|get|give me)\s+(?:for\s+)?"
                  r"(?:the\s+values?\s+of\s+)?(?P<vars>[a-z](?:_?\d{1,2})?(?:\s*(?:,|and|&)\s*[a-z](?:_?\d{1,2})?)+)|"
                  r"(?:so\s+)?solve\s+for\s+(?:the\s+|all\s+)?(?:[a-z-]+\s+){0,2}(?:currents|unknowns|variables|values|"
                  r"voltages|forces|tensions|flows|rates|amounts|quantities)|"
                  r"(?:so\s+)?solve(?:\s+(?:it|them|"
                  r"this|these|the system))?)\s*[?.!]*\s*$", q, flags=re.I)
    head = q[:m.start()] if m else q
    head = re.sub(r"\([^()=\n]*\)\s*[.,;]?", " ", head)  # "(currents in mA)": a remark, no equation
    pieces = [x.strip().rstrip(",;.") for x in re.split(r"\n|;|,\s*(?=[^,=]*=)|\s+and\s+(?=[^=]*=)", head.strip().rstrip(".;:,"))
              if x.strip()]
    # "Mesh analysis on a 3-loop circuit gives me": the sentence before the equations, and the rest of it after a
    # comma ("… in the loop currents a, b, c:")
    lead_in = 0
    while lead_in < len(pieces) and "=" not in pieces[lead_in]:
        lead_in += 1
    if lead_in and re.search(r"[A-Za-z]{2,}(?:\s+[A-Za-z]{2,}){2,}", " ".join(pieces[:lead_in])):
        pieces = pieces[lead_in:]
    if len(pieces) < 2 or not all(x.count("=") == 1 and re.search(r"[A-Za-z]", x) and
                                  re.fullmatch(r"[\w\s.+\-*/^()=]+", x) for x in pieces):
        return original
    words = {w.lower() for x in pieces for w in re.findall(r"[A-Za-z]{2,}", x)}
    if words - {"sin", "cos", "tan", "exp", "ln", "log", "sqrt"}:  # "mean = 5; n = 10": figures, not equations
        return original
    if all(re.fullmatch(r"\s*[a-z]\s*=\s*[-+]?[\d.]+\s*", x) for x in pieces):  # "a = 2, b = 3": values
        return original
    names = sorted({v for x in pieces for v in re.findall(r"(?<![A-Za-z_\d])([A-Za-z](?:_?\d{1,2})?)(?![A-Za-z_\d(])", x)}
                   - {"e", "E"})
    variables = re.findall(r"\b[A-Za-z](?:_?\d{1,2})?\b", m.group("vars")) if m and m.group("vars") else names
    if not m and len(pieces) > len(names) + 1:
        return original
    return f"solve {'; '.join(pieces)} for {', '.join(variables)}"


_VERBS = ("differentiate", "derivative", "integrate", "integral", "antiderivative", "simplify", "factorise",
          "factorize", "determinant", "eigenvalues", "eigenvalue", "series", "limit", "solve", "evaluate", "fractions",
          "partial", "second", "third")
# real words a letter or two from a verb: "on the interval [0, 3]" is no misspelt "integral"
_NOT_TYPOS = frozenset({"interval", "intervals", "internal", "integer", "integers", "serial", "secondly"})


def _transposed(word: str, verb: str) -> bool:
    """"slove" for "solve": the same letters with two neighbours swapped."""
    if len(word) != len(verb) or word == verb:
        return False
    diff = [i for i, (a, b) in enumerate(zip(word, verb, strict=True)) if a != b]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and word[diff[0]] == verb[diff[1]] and word[diff[1]] == verb[diff[0]]


def _fix_verbs(q: str) -> str:
    """A misspelt verb ("diferentiate", "intergrate", "derivitive") is the verb it is closest to: a typo must
    not turn a question with an expression into a request for an explanation."""
    from difflib import get_close_matches

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        if word.lower() in _VERBS or word.lower() in _NOT_TYPOS or len(word) < 4:
            return word
        swapped = next((verb for verb in _VERBS if _transposed(word.lower(), verb)), None)
        if swapped:
            return swapped
        # "lmit", "limt": a short word needs a closer match than a long one
        close = get_close_matches(word.lower(), _VERBS, n=1, cutoff=0.82 if len(word) >= 6 else 0.88)
        return close[0] if close else word

    return re.sub(r"[A-Za-z]+", fix, q)


def _known_word(word: str) -> bool:
    from tools.safe_expr import _GREEK_NAMES, CONSTANTS, FUNCTION_ALIASES, FUNCTIONS

    return (word in FUNCTIONS or word in FUNCTION_ALIASES or word in CONSTANTS or word.lower() in _GREEK_NAMES
            or bool(re.fullmatch(r"log_?\d+", word)))


def reads_as_maths(expression: str) -> bool:
    """True when every word in the expression is a variable, a product of one-letter variables ("xy"), a
    function, a constant or a Greek letter: "who lost its function" is prose, not something to differentiate."""
    words = re.findall(r"[A-Za-z][A-Za-z0-9_]*", expression)
    return bool(expression.strip()) and all(len(w) <= 2 or _known_word(w) for w in words)


def _math_args_read_as_maths(intent: Intent) -> bool:
    values = [intent.args.get("expression"), intent.args.get("equations")]
    texts = [t for v in values for t in (v if isinstance(v, list) else [v]) if isinstance(t, str)]
    return all(reads_as_maths(t) for t in texts)


# "… and evaluate it at the point (x, y) = (1, 2)", "… and tell me the slope at x = e", "… at x = 1, y = 2": the
# point where the derivative or the simplified form is wanted as a number
_AT_CLAUSE = re.compile(
    r"\s*,?\s*(?:(?:and\s+)?(?:then\s+)?(?:(?:evaluated?|give(?:\s+me)?|tell\s+me|find|compute|report|what\s+is|"
    r"what's)\s+(?:it|its|the)?\s*(?:(?:value|slope|result|gradient|rate\s+of\s+change|(?:simplified\s+)?(?:expression|"
    r"form|function))(?:\s+of\s+(?:the\s+|its\s+)?"
    r"(?:derivative|partial(?:\s+derivative)?|simplified\s+form|result|expression|function))?)?\s*"
    # "then tell me what the simplified expression equals at x = 3"
    r"(?:what\s+(?:it|the\s+(?:simplified\s+)?(?:expression|form|result|function|answer))\s+(?:equals|is|comes\s+to|"
    r"evaluates\s+to|gives)\s+)?)?)?\b(?:at|when)\s+"
    r"(?:the\s+point\s+)?(?:\(\s*(?P<names>[a-z](?:\s*,\s*[a-z])*)\s*\)\s*=\s*\(\s*(?P<vals>[^()]*?)\s*\)|"
    r"\(\s*(?P<bare>[-+]?[\w.]+(?:\s*,\s*[-+]?[\w.]+)+)\s*\)|"
    r"(?P<pairs>[a-z]\s*=\s*{v}(?:\s*(?:,|and)\s*[a-z]\s*=\s*{v})*))\s*[.?!]*"
    r"(?:\s*,?\s*(?:pls|please|thanks|thx|thank you)\s*[.?!]?)?\s*$".replace("{v}", r"[-+]?[\w.]+(?:\s*[*/]\s*[\w.]+)?"),
    re.I)
# a point's value: a number, e or pi, or a simple multiple or fraction of them ("pi/2", "3*pi/4" is not)
_POINT_VALUE = re.compile(rf"(?:{NUM}|e|pi|E)(?:\s*[*/]\s*(?:{NUM}|pi))?", re.I)


# "… and tell me f'(3)": the derivative's value at a point, in prime notation
_PRIME_AT = re.compile(rf"\s*,?\s*(?:and\s+)?(?:(?:tell|give|show)\s+me|find|compute|evaluate|what(?:'s|\s+is))?\s*"
                       rf"(?:the\s+value\s+of\s+)?(?P<f>[a-z])'\s*\(\s*(?P<v>{NUM}|pi|e)\s*\)\s*[.?!]?\s*$", re.I)


# "…, evaluated at 0", "and its value at 2": a point with no variable named (the function's one variable)
_BARE_AT = re.compile(rf"\s*,?\s*(?:and\s+)?(?:then\s+)?(?:evaluated?(?:\s+it)?|(?:give\s+)?(?:its|the)\s+value)\s+at\s+"
                      rf"(?P<v>[-+]?{NUM}|pi|e)\s*[.?!]?\s*$", re.I)


def _point_at(question: str) -> tuple[str, dict[str, str]] | None:
    """(the question without its trailing point, {name: value}), or None when it names no point."""
    prime = _PRIME_AT.search(question)
    if prime:
        signature = re.search(rf"\b{prime.group('f')}\s*\(\s*([a-z])\s*\)\s*=", question)
        value = "E" if prime.group("v") == "e" else prime.group("v")
        return question[:prime.start()], {signature.group(1) if signature else "x": value}
    bare = _BARE_AT.search(question)
    if bare and bare.start() > 0:  # "4th derivative of e^(2x) cos x, evaluated at 0": the one variable's value
        value = bare.group("v")
        return question[:bare.start()], {"": "E" if value == "e" else value}
    m = _AT_CLAUSE.search(question)
    if m and m.start() > 0:
        # "…, then what does the simplified version give at x = 1?": a clause of words alone between the maths and
        # the point asks for the value there, whatever its wording
        asked = re.search(r"(?:[,;?]|\s(?:and|then|so)\b)[A-Za-z'\s]*$", question[:m.start()])
        if asked and not re.search(r"\b(?:with\s+respect|w\.?r\.?t|respect)\b", asked.group(0), re.I):
            question = question[:asked.start()] + " " + question[m.start():].lstrip(" ,")
            m = _AT_CLAUSE.search(question)
    if not m or re.search(r"\b(?:continuous|discontinu\w*|hole|defined)\s*$", question[:m.start()], re.I):
        return None  # "what makes it continuous at x = -3": a limit there, not the value at the point
    if m.group("names") or m.group("bare"):
        # "at the point (1, 2)": the names come from the function's own, "f(x, y) = …", never guessed
        signature = re.search(r"\b[a-z]\s*\(\s*(?P<args>[a-z](?:\s*,\s*[a-z])+)\s*\)\s*=", question, re.I)
        if m.group("bare") and not signature:
            return None
        names = re.split(r"\s*,\s*", m.group("names") or signature.group("args"))
        values = re.split(r"\s*,\s*", m.group("vals") or m.group("bare"))
        if len(names) != len(values):
            return None
        point = dict(zip(names, values, strict=True))
    else:
        point = dict(re.findall(r"([a-z])\s*=\s*([-+]?[\w.]+(?:\s*[*/]\s*[\w.]+)?)", m.group("pairs"), re.I))
    point = {k: v.rstrip(".") for k, v in point.items()}  # "at x = 7." ends the sentence
    if not point or not all(_POINT_VALUE.fullmatch(v) for v in point.values()):
        return None
    point = {k: ("E" if v == "e" else v) for k, v in point.items()}  # "at x = e": Euler's number
    return question[:m.start()], point


_MATHS_WORDS = re.compile(r"\b(?:solve|find|roots?|zeros?|derivative|differentiate|integra\w*|limit|series|simplify|"
                          r"expand|factor\w*|evaluate|compute|calculate|slope|gradient|coefficients?|"
                          r"determinant|inverse|eigen\w*|tangent|critical|maximum|minimum|area|max|min|extrem\w*|"
                          r"stationary|turning|coefficients?|limit)\b", re.I)
_SMALL_WORDS = {"zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
                "eight": "8", "nine": "9", "ten": "10"}


# "-2x - 5y + 4z = -11": a linear equation on a line of its own (a coefficient beside a letter, or two terms)
_EQUATION_LINE = re.compile(r"^\s*[-+]?[\d.\s*a-z+-]*=\s*[-+]?\s*\d+(?:\.\d+)?\s*$")
_TWO_TERMS = re.compile(r"\d\s*\*?\s*[a-z]\b|\b[a-z]\s*[-+]\s*(?:\d+(?:\.\d+)?\s*\*?\s*)?[a-z]\b")


def _unsolved_system(q: str) -> str:
    """Two or more equations, one per line, with no verb ("3 eqns, 3 unknowns: …; x, y, z = ?"): solve them."""
    if re.search(r"\bsolve\b", q, re.I):
        return q
    lines = [ln.strip() for ln in q.split("\n")]
    equations = [ln for ln in lines if _EQUATION_LINE.match(ln) and _TWO_TERMS.search(ln)]
    if len(equations) < 2:
        return q
    unknowns = sorted(set(re.findall(r"(?<![a-z])([a-z])(?![a-z(])", " ".join(equations))))
    if not 2 <= len(unknowns) <= len(equations) + 1:
        return q
    return "solve " + "; ".join(equations) + " for " + ", ".join(unknowns)


def _without_remarks(question: str) -> str:
    """The maths of a question without what only a person reads: a remark in brackets made of words alone ("(they
    are all real)"), closing sentences of words alone ("Decimal answers are fine."), the slope of a tangent (a
    derivative at a point) and a point written in words ("at x equals two")."""
    q = re.sub(r"\s*\((?=[^()]*[A-Za-z]{3})(?:[A-Za-z',;-]{2,}\s+)+[A-Za-z',;.-]{2,}\)", "", question)  # not "(x y)"
    # "(for a homework check)": words alone, two of them of three letters or more (never "(sin x)")
    q = re.sub(r"\s*\((?=(?:[^()]*?\b[A-Za-z]{3,}\b){2})(?:[A-Za-z',;-]+\s+)+[A-Za-z',;.-]+\)", "", q)
    # "… 1/(n(n+2)) ... telescoping? what does it converge to": prose after an ellipsis, no maths in it
    q = re.sub(r"\s*(?:\.{3,}|…)\s*[A-Za-z][A-Za-z ,'?!]*$", "", q)
    q = re.sub(r"\binfint?i?y\b|\binfinty\b|\binfinit\b|\binfintiy\b", "infinity", q, flags=re.I)
    # "(where the original is 0/0)", "(as it is undefined there)", with no equation: a comment on the maths, not maths
    q = re.sub(r"\s*\((?:where|since|because|as|which|i\.?e\.?,?|note|noting)\s[^()=]*\)", "", q, flags=re.I)
    # "(to 4 d.p.)", "to 3 significant figures": the precision wanted is no part of the maths
    q = re.sub(r"\s*\(\s*(?:(?:numerically|numerical|approx\w*|decimals?)\s*,?\s*)?(?:to\s+)?\d+\s*(?:d\.?\s?p\.?|dp|"
               r"decimal places|decimals|s\.?f\.?|sig(?:nificant)?\.? fig(?:ure)?s)[^()]{0,20}\)", "", q, flags=re.I)
    q = re.sub(r"\s+(?:--|—|–)\s+[A-Za-z][\w ,.'!?/-]*$", "", q)  # "… at x = 1  -- numerical value pls", "-- I get 0/0"
    # "…, angles in radians", "(radians)": the unit of the angles, which SymPy assumes anyway
    # ("(x in radians)" after the point too; never degrees, which SymPy would not assume)
    q = re.sub(r"\s*[,;]?\s*\(?\s*(?:(?:all\s+)?angles?\s+(?:are\s+|in\s+|measured\s+in\s+)?|use\s+|using\s+|"
               r"(?:[a-z]\s+(?:is\s+)?)?in\s+)?radians?\s*(?:please|pls)?\s*\)?\s*(?=[.?!]?\s*$)", "", q, flags=re.I)
    # "give it to 4+ decimals", "to 5 decimal places please": the precision wanted, at the end
    q = re.sub(r"\s*[,;.]?\s*(?:(?:please\s+|pls\s+)?(?:give|report|show|need|want|round)\s+(?:it|them|the (?:answer|root|"
               r"result|value))?\s*)?(?:to\s+)?(?:at least\s+)?\d+\s*\+?\s*(?:d\.?\s?p\.?|dp|decimal places|decimals|"
               r"places|s\.?f\.?|sig(?:nificant)?\.? fig(?:ure)?s)\b(?:\s+(?:or more|at least|please|pls))?\s*[.!]?\s*$", "",
               q, flags=re.I)
    q = _unsolved_system(q)
    # "how many real roots does x^3 - 6x^2 + 11x - 6.5 = 0 have?": the roots, counted in the answer
    q = re.sub(r"\bhow\s+many\s+(real\s+|distinct\s+|real\s+distinct\s+)?(roots|solutions|zeros|zeroes)\s+(?:does|do|has)\s+"
               r"(?:the\s+(?:equation|polynomial|cubic|quadratic|function)\s+)?(.+?)\s+(?:have|has)\b(?:\s+in\s+total)?",
               lambda m: f"{'real ' if m.group(1) and 'real' in m.group(1) else ''}roots of {m.group(3)}", q,
               flags=re.I)
    # "∫₀^∞ x^2 e^(-3x) dx", "∫_0^{pi/2} …": subscript digits are the lower bound
    q = re.sub(r"∫\s*([₀-₉₋]+)", lambda m: "int_" + m.group(1).translate(_SUBSCRIPTS), q)
    q = re.sub(r"∫\s*_", "int_", q)
    # "int_0^inf dx/(1+x^4)": the differential first, over the integrand's denominator
    q = re.sub(r"\bint_\{?([^\s{}^]+?)\}?\^\{?([^\s{}]+?)\}?\s+d([a-z])\s*/\s*(\([^()]*\)(?:\^(?:\d+|\([^()]*\)|[a-z]))?|"
               r"[a-z0-9^]+)",
               r"integral of 1/\4 d\3 from \1 to \2", q)
    q = re.sub(r"\bint_\{?([^\s{}^]+?)\}?\^\{?([^\s{}]+?)\}?\s+(.+?)\s*d([a-z])\b",
               r"integral of \3 d\4 from \1 to \2", q)  # "int_0^{pi/2} e^x cos(x) dx"
    q = re.sub(r"\b(integral|integrate)\s+(?:of\s+)?integral of\b", r"\1 of", q)  # "the improper integral ∫₀^∞ …"
    # "integral from 0 to infinity of 1/(x^2 + 9) dx": the bounds first
    q = re.sub(r"\b(integral|integrate)\s*:?\s+from\s+(\S+)\s+to\s+(\S+)\s+of\s+(.+?)\s*d([a-z])\b", r"\1 of \4 d\5 from \2 to \3",
               q, flags=re.I)
    q = re.sub(r"\b(integral|integrate)\s*:\s*(integral|integrate)\b", r"\2", q, flags=re.I)
    if not _SUM_CUE.search(q):  # "from x=1 to infinity" of an integral; a sum's index keeps its name
        q = re.sub(r"\b(from)\s+([a-z])\s*=\s*([-+]?\d+(?:\.\d+)?)\s+to\s+(?:\+\s*)?(infinity|oo|∞)", r"\1 \3 to oo", q,
                   flags=re.I)
    q = re.sub(r"^\s*(?:quick (?:one|q(?:uestion)?)|hi|hey|hello|ok(?:ay)?|so)\s*[-—–:,!]+\s*", "", q, flags=re.I)
    q = re.sub(r"\s*=\s*\?\s*$", "", q)  # "lim x→∞ (1 + 3/x)^(2x) = ?"
    q = re.sub(r"(\bof\s+|∫[^d]*?)\bd([a-z])\s*/\s*(\([^()]*\)(?:\^(?:\d+|\([^()]*\)|[a-z]))?|[a-z0-9^]+)", r"\g<1>1/\3 d\2",
               q)  # "of dx/(x^2 + x)", "of dx/(1 + x^2)^2"
    # "solve (the system)" on a line of its own, then one equation per line: the system, on one line
    q = re.sub(r"^(\s*solve(?:\s+(?:the|this|these|following))?(?:\s+(?:system|equations?|linear system))?)"
               r"(?:\s+for\s+(?P<vars>[a-z](?:\s*(?:,|and|\s)\s*[a-z]){1,5}))?\s*:?\s*\n"
               r"((?:[^=\n]+=[^=\n]+(?:\n|$)){2,})(?:\s*[A-Za-z][A-Za-z ,.'!]*\s*$)?",  # "exact values ok" after them
               lambda m: m.group(1) + " " + "; ".join(ln.strip() for ln in m.group(3).splitlines() if ln.strip())
               + (" for " + ", ".join(v for v in re.findall(r"\b[a-z]\b", m.group("vars"))) if m.group("vars") else ""), q,
               flags=re.I)
    # maths in words: "x squared times e to the x, from zero to two"
    q = re.sub(r"\b([a-z])\s+squared\b", r"\1^2", q)
    q = re.sub(r"\b([a-z])\s+cubed\b", r"\1^3", q)
    q = re.sub(r"\be\s+to\s+the\s+(?:power\s+(?:of\s+)?)?([a-z0-9]+)\b", r"e^(\1)", q)
    q = re.sub(r"(?<=[\w)^])\s+times\s+(?=[\w(])", "*", q)
    small = "|".join(_SMALL_WORDS)
    q = re.sub(rf"\b(from|between)\s+({small})\s+(to|and)\s+({small})\b",
               lambda m: f"{m.group(1)} {_SMALL_WORDS[m.group(2).lower()]} {m.group(3)} {_SMALL_WORDS[m.group(4).lower()]}",
               q, flags=re.I)
    sentences = re.split(r"(?<=[.?!])\s+", q.strip())
    # (never "Need the mixed partial f_xy": a subscript names a derivative)
    while len(sentences) > 1 and not re.search(r"[\d=^*/+()]|\b[a-z]_\{?[a-z]|\bpartials?\b", sentences[-1]) and \
            not _MATHS_WORDS.search(sentences[-1]) and len(re.findall(r"[A-Za-z]{3,}", sentences[-1])) >= 2:
        sentences.pop()
    q = " ".join(sentences)
    q = re.sub(r"\b(?:the\s+)?slope of the tangent(?:\s+line)?\s+(?:to|of)\s+(?:the\s+(?:curve|graph)\s+(?:of\s+)?)?",
               "the derivative of ", q, flags=re.I)
    # "the cube root of x", "square root of (x+1)": roots in words, as powers
    q = re.sub(r"\b(?:the\s+)?(cube|square|fourth)\s+root\s+of\s+(\([^()]*\)|[a-z]\w*(?:\^\d+)?)",
               lambda m: f"({m.group(2)})^(1/{ {'square': 2, 'cube': 3, 'fourth': 4}[m.group(1).lower()]})", q,
               flags=re.I)
    words = "|".join(_SMALL_WORDS)
    return re.sub(rf"\b(at|when|where)\s+([a-z])\s+(?:equals|is equal to)\s+({words}|{NUM})\b(?!\s*[-+*/^])",
                  lambda m: f"{m.group(1)} {m.group(2)} = {_SMALL_WORDS.get(m.group(3).lower(), m.group(3))}", q,
                  flags=re.I)


_TWO_PARTIALS = re.compile(r"(?P<a>(?:∂|\bd)\s*(?P<f>[a-z])\s*/\s*(?:∂|d)\s*[a-z])\s*(?:,|and|&|,\s*and)\s*"
                           r"(?P<b>(?:∂|\bd)\s*(?P=f)\s*/\s*(?:∂|d)\s*[a-z])\b")


# "differentiate F and give me the 3rd derivative at x = 1": the order named after the verb
# "differentiate x^4*e^(2x) 3 times", "differentiate it twice": the order as a count of times
_TIMES = re.compile(r"^\s*(?:pls\s+|please\s+)?differentiate\s+(?P<f>.+?)\s+(?P<n>\d\s+times|twice|three times|thrice|"
                    r"four times)\b(?P<rest>.*)$", re.I | re.S)
_ORDER_AFTER = re.compile(r"^\s*(?:please\s+)?differentiate\s+(?P<f>.+?)\s*,?\s*(?:and|then)\s+(?:(?:give|tell|find|compute|"
                          r"show|get)\s+(?:me\s+)?|what(?:'s|\s+is)\s+)?(?:the\s+)?(?P<order>(?:second|third|fourth|fifth|"
                          r"sixth|\d+(?:st|nd|rd|th))[\s-]+(?:order\s+)?derivative)\b(?P<rest>.*)$", re.I | re.S)


# "y = ln(x^2+1)/x. Find y'' when x = 2.", "g(t)=sqrt(1+t^2)*e^(-t). second derivative g''(t) at t=0.7": a function
# defined by name, then its derivative asked in prime notation
_DEFINED = re.compile(r"^\s*(?:let\s+|given\s+|if\s+)?(?P<f>[a-zA-Z])\s*(?:\(\s*(?P<v>[a-z])\s*\))?\s*=\s*"
                      r"(?P<expr>[^;\n]+?)\s*(?:[.;]\s+|,\s+(?=find|what|compute|give|evaluate|get)|\n)", re.I)
_PRIMES = re.compile(r"(?P<f>[a-zA-Z])\s*(?P<primes>'{1,4}|′{1,4}|″|‴)\s*(?:\(\s*(?P<arg>[a-z]|[-+]?\d+(?:\.\d+)?)\s*\))?")


def _prime_notation(question: str) -> str:
    """The question as "the N-th derivative of EXPR with respect to V at V = A" when it defines a function by name and
    asks for its derivative in prime notation; else unchanged."""
    defined = _DEFINED.match(question)
    if not defined:
        return question
    rest = question[defined.end():]
    asked = next((m for m in _PRIMES.finditer(rest) if m.group("f") == defined.group("f")), None)
    if not asked:
        return question
    primes = asked.group("primes")
    order = {"″": 2, "‴": 3}.get(primes) or len(primes)
    expr = defined.group("expr").strip()
    var = defined.group("v") or (asked.group("arg") if asked.group("arg") and asked.group("arg").isalpha() else None) \
        or _variable(rest, expr)
    point = asked.group("arg") if asked.group("arg") and not asked.group("arg").isalpha() else None
    at = re.search(rf"\b(?:at|when|for|where)\s+{var}\s*=\s*([-+]?\d+(?:\.\d+)?|pi|e)\b", rest)
    point = point or (at.group(1) if at else None)
    ordinal = {1: "first", 2: "second", 3: "third", 4: "fourth"}[order]
    return f"{ordinal} derivative of {expr} with respect to {var}" + (f" at {var} = {point}" if point else "")


# "f(x) = x^3*sin(2x)" anywhere in the question, and "f'(1) and f''(1)" asked: one derivative per value asked
_DEFINED_ANYWHERE = re.compile(r"\b(?P<f>[fgh])\s*\(\s*(?P<v>[a-z])\s*\)\s*=\s*(?P<expr>[^,;\n?]+?)\s*(?=[,;\n?]|\.\s|\.?$)")


def _prime_asks(question: str) -> list[Intent] | None:
    defined = _DEFINED_ANYWHERE.search(question)
    if not defined:
        return None
    name, var = defined.group("f"), defined.group("v")
    expr = clean_expression(defined.group("expr"))
    asks = []
    for m in _PRIMES.finditer(question):
        if m.group("f") != name or not m.group("arg") or m.group("arg").isalpha() or \
                defined.start() <= m.start() < defined.end():
            continue
        order = {"″": 2, "‴": 3}.get(m.group("primes")) or len(m.group("primes"))
        if (order, m.group("arg")) not in asks:
            asks.append((order, m.group("arg")))
    if len(asks) < 2 or not expr or not reads_as_maths(expr):
        return None
    return [Intent("differentiate", {"expression": expr, "variable": var, **({"order": order} if order > 1 else {}),
                                     "at": {var: point}}) for order, point in asks]


# "sum of 1/(n(n+2)) for n = 1 to infinity?? also whats sum k^2 from k=1 to 20": two questions in one message
_ALSO = re.compile(r"(?:\?+|[.;!])\s*(?:and\s+)?also\b[,:]?|\band\s+also\b|\?+\s+(?:and\s+)?(?:what'?s|whats|what\s+is)\b",
                   re.I)


def plan_math(question: str) -> list[Intent] | None:
    """A calculus or algebra intent, or None; an "expression" that is English words is not planned. Two questions
    in one message ("…?? also whats …") are planned each on its own, when each can be."""
    parts = [p for p in _ALSO.split(question) if p.strip()]
    if len(parts) == 2:
        planned = [_plan_one(p) for p in parts]
        if all(planned):
            return [intent for intents in planned for intent in intents]
    # "partial fractions for … whats A and B, and then integrate it from 0 to 1": the second step works on the first's
    # expression
    then = re.search(r",?\s*(?:and\s+)?then\s+(?=[^.?!]*\bit\b)", question, re.I)
    if then:
        first = _plan_one(question[:then.start()])
        # only a rewriting keeps the value ("partial fractions", "simplify"): after a derivative, "it" is the
        # derivative, which is not its expression
        expression = first[0].args.get("expression") if first and len(first) == 1 and \
            first[0].tool == "simplify" and not first[0].args.get("at") else None
        if isinstance(expression, str) and expression:
            second = _plan_one(re.sub(r"\bit\b", f"({expression})", question[then.end():], count=1))
            if second:
                return [*first, *second]
    return _plan_one(question)


def _plan_one(question: str) -> list[Intent] | None:
    several = _prime_asks(_without_remarks(_fix_verbs(question)))
    if several:  # "f'(1) and f''(1)": each derivative asked, at its point
        return several
    question = _prime_notation(_fix_verbs(question))
    # "sinx", "lnx": a function glued to its variable
    question = re.sub(r"\b(sin|cos|tan|sec|csc|cot|ln|log|exp|sqrt)(x|y|z|θ)\b", r"\1(\2)", question)
    times = _TIMES.match(question)  # before "x times y" is read as a product
    if times:
        n = {"twice": 2, "three times": 3, "thrice": 3, "four times": 4}.get(times.group("n").lower()) or \
            int(times.group("n").split()[0])
        ordinal = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth"}.get(n, f"{n}th")
        question = f"{ordinal} derivative of {times.group('f')}{times.group('rest')}"
    question = _without_remarks(question)
    order = _ORDER_AFTER.match(question)
    if order:
        question = f"{order.group('order')} of {order.group('f')}{order.group('rest')}"
    both = _TWO_PARTIALS.search(question)
    if both:  # "find ∂f/∂x and ∂f/∂y at (1, 2)": each partial read on its own
        halves = [plan_math(question[:both.start()] + both.group(part) + question[both.end():]) for part in "ab"]
        if all(h and len(h) == 1 and h[0].tool == "differentiate" for h in halves):
            return [halves[0][0], halves[1][0]]
    at = _point_at(question)
    if at:
        intents = plan_math(at[0])
        if intents and len(intents) == 1 and intents[0].tool in ("differentiate", "simplify"):
            point = at[1]
            if "" in point:  # a bare point: the variable differentiated by, or the expression's one variable
                variable = intents[0].args.get("variable")
                names = sorted(set(re.findall(r"(?<![A-Za-z])[a-z](?![A-Za-z])", str(intents[0].args.get("expression")))) - {"e"})
                name = variable if isinstance(variable, str) else names[0] if len(names) == 1 else None
                if name is None:
                    return None
                point = {name: point[""]}
            intents[0].args["at"] = point
            return intents
    intents = _plan_math(question)
    intents = _without_prose_tails(intents)
    for intent in intents or []:
        expr = intent.args.get("expression")
        named = re.match(r"\s*[a-z]\s*\(\s*[a-z](?:\s*,\s*[a-z])*\s*\)\s*=\s*(.+)$", expr) if isinstance(expr, str) else None
        if named and "=" not in named.group(1):
            intent.args["expression"] = named.group(1).strip()  # "f(x,y) = x^2*y^3 + …": the formula, not its name
    if intents and not all(_math_args_read_as_maths(i) for i in intents if i.tool != "matrix"):
        return None
    return intents


# two-letter English words: prose after a formula, never a product of two variables written together
_SHORT_WORDS = frozenset({"at", "to", "in", "on", "of", "is", "it", "if", "so", "or", "an", "as", "be", "by", "do", "we",
                          "me", "my", "no", "up", "am", "ok", "pl"})
_PLUG_IN = re.compile(rf"\b(?:at|plug(?:ging)?\s+in|substitut\w*|put|when|evaluate\w*\s+(?:it\s+)?at)\s+(?P<v>[a-z])\s*=\s*"
                      rf"(?P<n>(?:{NUM}\s*\*?\s*)?pi\s*/\s*\d+|{NUM}|pi|e)(?![\w^*/(]|\.\d)", re.I)
_CONTINUOUS_AT = re.compile(rf"\bcontinuous\s+at\s+(?P<v>[a-z])\s*=\s*(?P<n>{NUM})|\b(?:removable\s+discontinuity|hole)\s+"
                            rf"at\s+(?P<v2>[a-z])\s*=\s*(?P<n2>{NUM})", re.I)


def _prose_cut(text: str) -> int | None:
    """Where prose starts after a formula ("x^3 sin(2x) ?? need the value at x = 1", "(5x+3)/(…) pls, need A"): the
    first top-level "?", ":" or ";", or the first word that is no part of a formula; None when there is none."""
    depth = 0
    for i, ch in enumerate(text):
        depth += ch in "([{"
        depth -= ch in ")]}"
        if depth == 0 and ch in "?:;":
            return i
    for m in re.finditer(r"(?<![A-Za-z0-9_])[A-Za-z][A-Za-z']+\b", text):
        word = m.group(0)
        if _known_word(word) or word in ("oo", "pi", "inf", "infinity"):
            continue
        if len(word) == 2 and word.lower() not in _SHORT_WORDS:
            continue  # "xy": a product of two variables
        before = text[:m.start()]
        if before.count("(") == before.count(")"):
            return m.start()
    return None


def _without_prose_tails(intents: list[Intent] | None) -> list[Intent] | None:
    """A formula read with the words after it is read again without them, and what those words ask is honoured
    when it is a point ("need the value at x = 1", "plug in x = 4": the value there), real roots only ("over the
    reals"), or the value that makes the function continuous at a point (its limit there)."""
    if not intents or len(intents) != 1:
        return intents
    intent = intents[0]
    parts = intent.args.get("equations")
    if intent.tool == "solve" and isinstance(parts, list) and not all(reads_as_maths(p) for p in parts):
        # "x^3 - 4x + 1 = 0 over the reals, and how many roots are there": equations, then a part that is words
        kept, tails = [], []
        for part in parts:
            cut = None if reads_as_maths(part) else _prose_cut(part)
            head = part if cut is None else part[:cut].rstrip(" ,.;:?!")
            if cut is not None:
                tails.append(part[cut:])
            if head and "=" in head and reads_as_maths(head) and _balanced(head):
                kept.append(head)
            elif "=" in head:
                return intents
        if not kept:
            return intents
        intent.args["equations"] = kept if len(kept) > 1 else kept[0]
        if re.search(r"\b(?:over|in)\s+the\s+reals?\b|\breal\s+(?:roots?|solutions?|zeros?)\b", " ".join(tails), re.I):
            intent.args["domain"] = "real"
        return intents
    key = "expression" if isinstance(intent.args.get("expression"), str) else \
        "equations" if isinstance(intent.args.get("equations"), str) else None
    if key is None or intent.tool not in ("differentiate", "series", "simplify", "solve", "integrate", "limit",
                                          "evaluate", "summation") or reads_as_maths(intent.args[key]):
        return intents
    text = intent.args[key]
    cut = _prose_cut(text)
    if cut is None:
        return intents
    head = re.sub(r"(?:\s*(?:,|\band\b|\bthen\b|\bpls\b|\bplease\b))+\s*$", "", text[:cut].rstrip(" ,.;:?!"),
                  flags=re.I).strip()
    tail = text[cut:]
    if not head or not reads_as_maths(head) or not _balanced(head) or (key == "equations" and "=" not in head):
        return intents
    intent.args[key] = head
    if intent.tool == "solve" and re.search(r"\b(?:over|in)\s+the\s+reals?\b|\breal\s+(?:roots?|solutions?|zeros?)\b",
                                            tail, re.I):
        intent.args["domain"] = "real"
    found = [intent]
    point = _PLUG_IN.search(_CONTINUOUS_AT.sub(" ", tail))
    if point and intent.tool in ("differentiate", "simplify") and "at" not in intent.args:
        intent.args["at"] = {point.group("v"): "E" if point.group("n") == "e" else point.group("n")}
    continuous = _CONTINUOUS_AT.search(tail)
    if continuous and intent.tool in ("simplify", "evaluate"):
        variable = continuous.group("v") or continuous.group("v2")
        found.append(Intent("limit", {"expression": head, "variable": variable,
                                      "point": continuous.group("n") or continuous.group("n2")},
                            notes=["the value that makes it continuous there is its limit"]))
    return found


# "d2f/dxdy for f = …", "∂²f/∂x∂y of …", "d^2/dx dy (…)", "f_xy where f = …": a mixed second partial
_MIXED = re.compile(r"(?:\bmixed\s+(?:second\s+)?(?:partial\s+)?(?:derivative\s+)?)?"
                    # ("d^2f/(dx dy)": the denominator in brackets)
                    r"(?:\bd|∂)\s*(?:\^\s*)?[2²]\s*(?P<f>[a-z])?\s*/\s*\(?\s*(?:d|∂)\s*(?P<v1>[a-z])\s*(?:\^?\s*1\s*)?"
                    r"\*?\s*(?:d|∂)\s*(?P<v2>[a-z])\b\s*\)?"
                    r"|\b(?P<g>[a-z])_\{?(?P<ws>[a-z]{2,4})\}?(?![a-z])", re.I)  # f_xy, f_{xxy}


def _balanced(text: str) -> bool:
    depth = 0
    for ch in text:
        depth += (ch == "(") - (ch == ")")
        if depth < 0:
            return False
    return depth == 0


# "∂f/∂x", "df/dx" of a function the question names ("f(x,y) = …"): a first partial derivative
_FIRST = re.compile(r"(?:\bd|∂)\s*(?P<f>[a-z])\s*/\s*(?:\bd|∂)\s*(?P<v1>[a-z])\b(?!\s*(?:d|∂)\s*[a-z]\b)", re.I)


def _plan_mixed_partial(q: str) -> list[Intent] | None:
    """A mixed second partial ("∂²f/∂x∂y"), or a first partial written as a quotient ("∂f/∂x") of a
    function whose formula the question gives before or after it."""
    m = _MIXED.search(q)
    first = m is None
    m = m or _FIRST.search(q)
    if not m:
        return None
    groups = m.groupdict()
    rest = re.sub(r"\((?=[^()]*[A-Za-z]{3})[A-Za-z\s,'-]*\)", " ", q[m.end():])  # "(mixed partial)": a remark
    name = groups.get("f") or groups.get("g")
    # "… d2f/dxdy at (1,2)": only the point follows, so the formula is the one given before
    # ("at (x, y) = (1.0, 0.5)": the variables named before the point)
    point_only = re.fullmatch(r"\s*(?:at|@)\s+(?:the\s+point\s+)?(?:\(\s*[a-z](?:\s*,\s*[a-z])+\s*\)\s*=\s*)?"
                              r"(?:\(\s*[-+\d.,\s]+\)|(?:[a-z]\s*=\s*[-+\d.]+"
                              r"[\s,and]*)+)\s*[.?!]*\s*", rest, re.I)
    if not re.search(r"[A-Za-z0-9]", rest) or point_only:  # "for the surface z = x³y² + y·eˣ find the mixed partial ∂²z/∂x∂y"
        before = re.search(rf"\b{name or '[a-z]'}\s*(?:\([a-z, ]*\))?\s*=\s*(.+?)\s*(?:[,.;:]\s*|\s+)"
                           r"(?:(?:i|we|you)\s+(?:'d\s+|would\s+|also\s+|now\s+)?)?"
                           r"(?:find|what|give|compute|calculate|get|determine|need|want|show|evaluate)\b", q[:m.start()],
                           flags=re.I)
        # "f(x,y) = x^2 y^3 + sin(x y). mixed partial d2f/dxdy …": the formula's own sentence, then the request
        before = before or re.search(rf"\b{name or '[a-z]'}\s*(?:\([a-z, ]*\))?\s*=\s*(.+?)\s*[.;](?:\s|$)", q[:m.start()],
                                     flags=re.I)
        if not before:
            return None
        rest = before.group(1)
    rest = re.sub(rf"^\s*(?:(?:for|of|if|where|when|given|with)\s+|[,:]\s*)?(?:{name or 'f'}\s*(?:\([a-z, ]*\))?\s*=\s*)?",
                  "", rest, flags=re.I) if name or rest else rest
    rest = rest.strip()
    if rest.startswith("(") and rest.endswith(")") and _balanced(rest[1:-1]):
        rest = rest[1:-1]
    expr = clean_expression(_strip_tail(_drop_lhs(rest)))
    if not expr or "=" in expr:
        return None
    if first:
        return [Intent("differentiate", {"expression": expr, "variable": groups["v1"]},
                       notes=[f"the partial derivative by {groups['v1']}, the other variables held constant"])]
    variables = list(groups["ws"]) if groups.get("ws") else [groups["v1"], groups["v2"]]
    order = {2: "second", 3: "third", 4: "fourth"}[len(variables)]
    args: dict = {"expression": expr, "variable": variables}
    point = re.search(r"\(\s*([-+\d.,\s]+)\)", point_only.group(0)) if point_only else None
    names = sorted(set(variables))
    if point and len(re.findall(r"[-+]?\d+(?:\.\d+)?", point.group(1))) == len(names):
        # "at (1,2)" with f's variables x and y: the point in the order the variables are named, x first
        args["at"] = dict(zip(names, re.findall(r"[-+]?\d+(?:\.\d+)?", point.group(1)), strict=True))
    return [Intent("differentiate", args, notes=[f"the mixed {order} partial: by {', then by '.join(variables)}"])]


# the matrix operations a question names ("det A", "A^-1", "eigenvalues"), in this order
_MATRIX_OPERATIONS = (("determinant", r"\bdet(?:erminant)?\b"), ("inverse", r"\binver(?:se|t)\b|\^\s*\(?-1\)?|⁻¹|\binv\s*\("),
                      ("eigenvalues", r"\beigen[\s-]?values?\b"), ("rank", r"\brank\b"), ("transpose", r"\btranspose\b"))


def _matrix_operations(question: str) -> list[str]:
    """Read from the question as written: a trailing remark ("(and det A while you're at it)") counts."""
    return [op for op, pattern in _MATRIX_OPERATIONS if re.search(pattern, question.lower())]


# a row typed on its own line, bare ("3 0 2") or between brackets or bars ("[ 4 -1 0 ]", "| 1, 2 |")
_ROW_LINE = re.compile(rf"\s*[\[(|]?\s*((?:{NUM}[\s,;]+)+{NUM})\s*[\])|]?\s*")


def _row_lines(question: str) -> list[list]:
    """The rows of a matrix typed one per line; [] unless they form one square block."""
    rows: list[list] = []
    for line in question.splitlines():
        m = _ROW_LINE.fullmatch(line.replace("−", "-"))
        if m and line.count("[") == line.count("]") and line.count("(") == line.count(")"):
            rows.append([to_decimal(v) for v in re.findall(NUM, m.group(1))])
        elif rows:
            break  # the block ended
    square = len(rows) >= 2 and all(len(r) == len(rows) for r in rows)
    return rows if square else []


def _semicolon_rows(question: str) -> list[list]:
    """"2 0 1; 1 3 2; 1 1 2" or "4 1 2 / 1 3 0 / 2 0 5": rows of a matrix separated by semicolons or spaced slashes
    (each row two numbers or more, so "3 / 4" stays a fraction)."""
    text = question.replace("−", "-")
    for sep in (r"\s*;\s*", r"[ \t]+/[ \t]+"):
        m = re.search(rf"{NUM}(?:[ \t,]+{NUM})+(?:{sep}{NUM}(?:[ \t,]+{NUM})+)+", text)
        if m:
            return [[to_decimal(v) for v in re.findall(NUM, row)] for row in re.split(sep, m.group(0))]
    return []


def square_matrix(question: str) -> list[list] | None:
    """The one square matrix a question holds: a nested list, a table, rows given as lists, rows one per line, or
    rows separated by semicolons or slashes, or rows in round brackets ("rows (5, 2, 0), (2, 3, 1), (0, 1, 1)")."""
    value = r"[-+]?\d+(?:\.\d+)?"  # "(1,1)" is two entries here, never one decimal with a comma
    bracketed = [[to_decimal(v) for v in re.findall(value, row)] for row in
                 re.findall(rf"\(\s*({value}(?:\s*,\s*{value})+|{value}(?:\s+{value})+)\s*\)", question.replace("−", "-"))]
    if bracketed:  # "rows (4 7 2), (3 6 1), (2 5 3) … the entry at (3,3)": the rows are those of the first row's length
        bracketed = [row for row in bracketed if len(row) == len(bracketed[0])]
    for found in (*tables(question), flat_lists(question), _row_lines(question), _semicolon_rows(question), bracketed):
        if len(found) >= 2 and all(len(row) == len(found) for row in found):
            return found
    return None


def _rectangular_matrix(question: str) -> list[list] | None:
    """A nested list or rows one per line of equal length (≥ 2 × 2) that is not square."""
    for found in (*tables(question), _row_lines(question), _semicolon_rows(question)):
        if len(found) >= 2 and len(found[0]) >= 2 and all(len(row) == len(found[0]) for row in found) and \
                len(found[0]) != len(found):
            return found
    return None


_SQUARE_ONLY = ("determinant", "inverse", "eigenvalues", "eigenvectors", "trace")


def plan_matrix(question: str) -> list[Intent] | None:
    """A named matrix operation on a square matrix, whatever else the question looks like: read before
    the data readers, which would take the rows for groups of measurements ("det of [4 -1 0] [-1 4 -1] …")."""
    ops = _matrix_operations(question)
    if ops == ["rank"] and re.search(r"rank[\s-]*(?:sum|test|order)|signed[\s-]*rank|spearman|kruskal|\branks\b",
                                     question, flags=re.I):
        return None  # the rank of a rank test, not of a matrix
    matrix = square_matrix(question) if ops else None
    if not matrix and ops:
        rectangular = _rectangular_matrix(question)
        if rectangular:
            shape = f"{len(rectangular)} × {len(rectangular[0])}"
            square_only = [op for op in ops if op in _SQUARE_ONLY]
            if square_only:  # "det of [[1, 2, 3, 4], [2, 0, 1, 5], [3, 1, 4, 2]]": no determinant to compute
                raise HavocInputError(f"the {square_only[0]} needs a square matrix; this one is {shape} (say if a row "
                                      "or column is missing or extra)", field="matrix")
            matrix = rectangular
    if not matrix:
        return None
    cells = [[str(v) for v in row] for row in matrix]
    return [Intent("matrix", {"matrix": cells, "operation": op}) for op in ops]


# the sum of a series: "sum of n^2/3^n for n = 1 to infinity", "Σ_{k=0}^{10} 2^k", "sum from n=1 to oo of 1/n^2",
# "Σ 1/(n(n+1)), n ≥ 1"; an index (one letter) runs over the integers between the bounds
_SUM_CUE = re.compile(r"\bsum(?:mation)?(?:\b|(?=_))|[Σ∑]", re.I)  # "sum_{n=1}^oo": LaTeX's subscript
_SUM_END = r"(?:[-+]?\d+|\+?oo|\+?∞|\+?inf(?:inity)?)"
_SUM_SUBSCRIPT = re.compile(rf"(?:[Σ∑]|\bsum)\s*_\s*\{{?\s*\(?\s*([a-z])\s*=\s*([-+]?\d+)\s*\)?\s*\}}?\s*\^\s*\{{?\s*\(?"
                            rf"\s*({_SUM_END})\s*\)?\s*\}}?", re.I)
_SUM_RANGE = re.compile(rf"\b([a-z])\s*(?:=|:=|from|runs?\s+from|going\s+from|goes\s+from|ranging\s+from)\s*"
                        rf"([-+]?\d+)\s*(?:to|\.\.\.?|…|through|thru|up\s+to|until|(?:,\s*[-+]?\d+)*,\s*(?:\.\.\.?|…)\s*,?|"
                        rf"-(?=\s*\d))\s*"
                        rf"({_SUM_END})(?![\w.]*\s*[*/^(])", re.I)
_SUM_FROM = re.compile(r"\b([a-z])\s*(?:≥|>=|⩾)\s*([-+]?\d+)")


def _plan_summation(q: str) -> list[Intent] | None:
    cue = _SUM_CUE.search(q)
    if not cue:
        return None
    sub = _SUM_SUBSCRIPT.search(q)
    if sub:
        variable, lower, upper = sub.group(1), sub.group(2), sub.group(3)
        body = q[sub.end():]
    else:
        span = _SUM_RANGE.search(q, cue.start()) or _SUM_FROM.search(q, cue.start())
        if not span:
            return None
        variable, lower = span.group(1), span.group(2)
        upper = span.group(3) if span.re is _SUM_RANGE else "oo"
        body = q[cue.end():span.start()] + " " + q[span.end():]
    # "sum of the infinite series …", "sum from n = 1 to 10 of …": words around the terms, not part of them
    body = re.sub(r"^\s*(?:of\s+)?(?:the\s+)?(?:(?:infinite|finite|geometric|telescoping)\s+)?(?:series\s+)?(?:of\s+)?",
                  "", body, flags=re.I)
    body = re.sub(r"\s*(?:,|\bfor\b|\bover\b|\bwith\b|\bwhere\b|\bas\b|\bfrom\b|\bwhen\b|\bof\b)\s*(?=\s|$)", " ",
                  body.strip(), flags=re.I)
    body = re.split(r"[?!]|\.\s|\s(?:does it|is it|if it|and (?:say|tell|state)|converge|diverge|adds? up|comes? to)", body,
                    flags=re.I)[0]
    expr = clean_expression(re.sub(r"^\s*(?:of|the)\s+", "", body.strip(), flags=re.I))
    if not expr or not re.search(rf"(?<![A-Za-z]){variable}(?![A-Za-z])", expr):
        return None
    return [Intent("summation", {"expression": expr, "variable": variable, "lower": _bound(lower),
                                 "upper": _bound(upper.lstrip("+").replace("∞", "oo"))})]


_PI_BOUND = r"-?(?:\d+\s*\*?\s*)?(?:pi|π)(?:\s*/\s*\d+)?"
# "from 0 to 3", "between 0 and 3", "over [0, 3]", "on the interval [0, pi]": the bounds of a definite integral
_INTERVAL_BOUNDS = re.compile(
    rf"\b(?:from|between)\s+({_PI_BOUND}|{NUM}|-?oo|-?inf(?:inity)?|-?e)\s+(?:to|and)\s+"
    rf"({_PI_BOUND}|{NUM}(?:/\d+)?|-?oo|-?inf(?:inity)?|e)(?![\w^(/])|"
    rf"\b(?:over|on|across)\s+(?:the\s+)?(?:closed\s+)?(?:interval\s+)?\[\s*({_PI_BOUND}|{NUM}|-?oo|-?inf(?:inity)?)\s*,\s*"
    rf"({_PI_BOUND}|{NUM}(?:/\d+)?|oo|inf(?:inity)?)\s*\]", re.I)


def _ends(m: re.Match[str]) -> tuple[str, str]:
    return m.group(1) or m.group(3), m.group(2) or m.group(4)


_AVERAGE_VALUE = re.compile(r"\b(?:average|mean)\s+value\s+of\s+(?:the\s+function\s+)?(?P<rest>.+)", re.I | re.S)


_COEFF_TERM = r"(?P<term>[a-z]\s*(?:\^\s*\d+|\d)?)"
_COEFF_ASKED = re.compile(rf"\s*[,;.]?\s*(?:and\s+)?(?:(?:what(?:'?s| is)|whats|give(?: me)?|find|tell me|i need)\s+)?(?:the\s+)?"
                          rf"coeff(?:icient|\.)?s?\s+(?:on|of|for|in front of)\s+(?:the\s+)?{_COEFF_TERM}(?:\s+term)?\s*[?.!]*\s*$",
                          re.I)
_COEFF_IN = re.compile(rf"\bcoeff(?:icient|\.)?\s+(?:on|of|for)\s+(?:the\s+)?{_COEFF_TERM}(?:\s+term)?\s+in\s+(?:the\s+)?"
                       r"(?:expansion\s+of\s+)?(?P<expr>.+?)\s*[?.!]*\s*$", re.I)


def _plan_math(question: str) -> list[Intent] | None:
    mixed = _plan_mixed_partial(_fix_verbs(question.strip()))
    if mixed:
        return mixed
    extrema = plan_extrema(question)  # before "derivative": "where the derivative is zero" asks for critical points
    if extrema:
        return extrema
    q = _in_words(question.strip())
    low = q.lower()
    summation = _plan_summation(q)
    if summation:
        return summation
    m = re.search(r"\b(second|third|fourth|fifth|sixth|(\d+)(?:st|nd|rd|th))[\s-]+(?:order\s+)?derivative", low)
    words = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
    order = (int(m.group(2)) if m.group(2) else words[m.group(1)]) if m else 1

    m = re.search(r"(?:(?<!anti)derivative|differentiate|d/d[a-z])\s*(?:of)?\s*(.+)", q, flags=re.I)
    if m:
        expr = clean_expression(_strip_tail(_drop_lhs(m.group(1))))
        if expr:
            var = _variable(q, expr)
            args = {"expression": expr, "variable": var}
            if order > 1:
                args["order"] = order
            return [Intent("differentiate", args)]

    average = _AVERAGE_VALUE.search(q)
    if average:  # the mean value of f on [a, b]: ∫ f / (b − a)
        bounds = _INTERVAL_BOUNDS.search(average.group("rest"))
        expr = clean_expression(_strip_tail(_drop_lhs(average.group("rest")[:bounds.start()]))) if bounds else ""
        if expr:
            a, b = (_bound(v) for v in _ends(bounds))
            try:
                length = str(to_decimal(str(b)) - to_decimal(str(a)))
            except (ValueError, ArithmeticError):
                length = f"(({b}) - ({a}))"
            return [Intent("integrate", {"expression": f"({expr})/{length}", "variable": _variable(q, expr),
                                         "lower": a, "upper": b},
                           notes=[f"the average value of f on [{a}, {b}] is its integral divided by the interval's "
                                  f"length {length}"])]

    m = re.search(r"(?:integral|integrate|antiderivative)\s*(?:of)?\s*(.+)", q, flags=re.I)
    if m:
        body = m.group(1)
        bounds = _INTERVAL_BOUNDS.search(body)
        expr_text = body[:bounds.start()] if bounds else body
        expr = clean_expression(_strip_tail(_drop_lhs(expr_text)))
        if expr:
            var = _variable(q, expr)
            args = {"expression": expr, "variable": var}
            if bounds:
                args["lower"], args["upper"] = (_bound(v) for v in _ends(bounds))
            return [Intent("integrate", args)]

    # "lim as x->0 of (1 - cos(4x))/(3x^2)": the variable and point first
    q = re.sub(r"\blim(?:it)?\s+as\s+([a-z])\s*(->|→|approaches|goes to|tends to)\s*([-+]?\w+(?:\.\d+)?)\s+of\s+(.+)",
               r"limit of \4 as \1 -> \3", q, flags=re.I)
    m = re.search(r"\blimit\s*(?:of)?\s*(.+?)\s+(?:as|when)\s+([a-z])\s*(?:->|→|approaches|goes to|tends to|to)\s*([-+]?\w+(?:\.\d+)?)\s*([+-])?", q, flags=re.I)
    if m:
        args = {"expression": clean_expression(m.group(1)), "variable": m.group(2), "point": _bound(m.group(3))}
        if m.group(4):
            args["direction"] = m.group(4)
        return [Intent("limit", args)]

    # "expand e^x cos(x) about x = 0": expanded about a point is a series, not an algebraic expansion
    q = re.sub(r"\bexpand\b(?=[^.?!]*\b(?:about|around)\s+(?:[a-z]\s*=\s*)?[-+]?(?:\d|pi\b))", "taylor expand", q,
               flags=re.I)
    m = re.search(r"(?:(?:taylor|maclaurin|power)?\s*series\s*(?:expansion)?|(?:taylor|maclaurin)\s*(?:polynomial|expansion))"
                  r"\s*(?:\([^()]*\)\s*)?(?:of|for)\s+(.+)|\b(?:taylor|maclaurin)[\s-]*expand(?:ed)?\s+(?:of\s+)?(.+)", q, flags=re.I)
    if m:
        body = m.group(1) or m.group(2)
        point = re.search(rf"\b(?:at|around|about|near)\s+(?:[a-z]\s*=\s*)?({NUM}|pi)", body, flags=re.I)
        # "…: what are the coefficients of x^2 and x^3?": the terms asked for set the order, and are no part of f
        term = r"(?:\(\s*[a-z]\s*[-+]\s*\d+(?:\.\d+)?\s*\)|[a-z])(?:\s*\^\s*\d+|\d)?"  # x^2, x3, (x-8)^2, (x-8)
        wanted = re.search(rf"\s*[:,;.]?\s*(?:and\s+)?(?:what\s+(?:is|are)|give(?:\s+me)?|find|list|i need)?\s*(?:the\s+)?"
                           rf"coefficients?\s+of\s+({term}(?:\s*(?:,|and|&|,\s*and)\s*{term})*)\s*[?.!]?\s*$", body, flags=re.I)
        if wanted:
            powers = [int(p) if p else 1 for p in re.findall(r"(?:\)|[a-z])\s*\^?\s*(\d*)(?=\s*(?:,|and|&|$))",
                                                             wanted.group(1), flags=re.I)]
            body = body[:wanted.start()] + f" up to x^{max(powers + [1])}"
        body = re.sub(r"\b(up to(?: and including)?|through|to)\s+(?:the\s+)?\(\s*[a-z]\s*[-+]\s*\d+(?:\.\d+)?\s*\)\s*\^\s*(\d+)"
                      r"(?:\s+term)?", r"\1 x^\2", body, flags=re.I)  # "up to and including the (x-8)^3 term"
        order_m = re.search(r"\b(?:order|degree|up to|to)\s+(?:order\s+)?(\d+)", body, flags=re.I)
        power_m = re.search(r"\b(?:up to(?: and including)?|through|to)\s+(?:the\s+)?(?:[a-z]\s*\^\s*(\d+)|[a-z](\d))\b",
                            body, flags=re.I)
        cut = min([x.start() for x in (point, order_m, power_m) if x] or [len(body)])
        expr = clean_expression(_strip_tail(body[:cut]))
        args = {"expression": expr, "variable": _variable(q, expr),
                "point": _bound(point.group(1)) if point else 0,
                "order": int(power_m.group(1) or power_m.group(2)) + 1 if power_m else int(order_m.group(1)) if order_m else 6}
        return [Intent("series", args, notes=[] if point else ["expanded about 0 (Maclaurin)"])]

    m = re.search(r"\bpartial[\s-]*fractions?\s*(?:decomposition\s*)?(?:(?:of|for)\s+|[:-]\s*(?=[(\d])|(?<=\s)(?=\())(.+)", q,
                  flags=re.I) or re.search(
        r"\b(?:split|decompose|break|write|express|resolve)\s+(.+?)\s+(?:up\s+)?(?:in|into|as)\s+(?:its\s+)?partial[\s-]*"
        r"fractions?", q, flags=re.I) or re.search(
        r"\b(?i:partial[\s-]*fractions?\s*[:,-]?\s*(?:write|express|decompose|split|resolve))\s+(.+?)\s+(?i:as|into)\s+"
        r"(?:[A-Z]\s*/|(?i:a\s+sum))", q)
    if m:  # "…, i.e. find A, B, C in A/(x - 5) + …": the form of the answer, not part of the expression
        body = re.split(r"[,;]\s*(?:i\.?e\.?|that is|so|find|giving|written|expressed|in the form|of the form|as)\b|"
                        r"\s+(?:--+|[—–])\s+|"
                        r"\.\s+(?=[A-Z])|\.\s+(?=(?:what|which|give|find|and)\b)|[.?!]\s*$|\s*\?+\s+(?=[A-Za-z])|"
                        r"\s+[-–—]+\s+(?=what|which|give|find|and|i\b|we\b)|\s*[,;]?\s*(?:what|which) (?:are|is)\b|"
                        r"\s*=\s*(?=[A-Z]\s*/)",  # "… = A/(x+1) + B/(x+3)": the answer's form
                        m.group(1), flags=re.I)[0]  # "… (x + 3)). Give A, B and C in …": the answer's form
        return [Intent("simplify", {"expression": clean_expression(body), "method": "apart"})]

    # "expand (3x - 3)^6, what's the coeff on x^4?", "the coefficient of x^4 in (3x - 3)^6": the expansion, whose
    # coefficients are listed
    coeff = _COEFF_ASKED.search(q)
    inside = _COEFF_IN.search(q)
    if inside and not re.search(r"\b(?:series|taylor|maclaurin|expand)\b", q, re.I):
        q = f"expand {inside.group('expr')}, coefficient of {inside.group('term')}"
        coeff = _COEFF_ASKED.search(q)
    m = re.search(r"\b(simplify|expand|factor|factorise|factorize)\s+(.+)", q, flags=re.I)
    if m and coeff and m.group(1).lower() == "expand" and coeff.start() > m.start():
        expr = clean_expression(q[m.start(2):coeff.start()])
        return [Intent("simplify", {"expression": expr, "method": "expand"},
                       notes=[f"the coefficient of {coeff.group('term').replace(' ', '')} is listed with the others"])]
    if m and not re.search(r"\bfactors?\b.*\b(design|doe|experiment)", low):
        method = {"factorise": "factor", "factorize": "factor"}.get(m.group(1).lower(), m.group(1).lower())
        return [Intent("simplify", {"expression": clean_expression(m.group(2)), "method": method})]

    m = re.search(r"\b(determinant|det|inverse|invert|eigenvalues?|rank|transpose)\b|\^\s*\(?-1\)?|⁻¹", low)
    rows = flat_lists(q)
    if m and not rows and not tables(q):
        rows = _row_lines(q)  # "A =\n3 0 2\n2 0 -2\n0 1 1\nfind A^-1": rows typed one per line
    if m and (q.count("[") != q.count("]") or q.count("(") != q.count(")")):
        raise HavocInputError("the matrix is cut off (its brackets do not close): paste it whole", field="matrix")
    if m and re.search(r"\[[^\[\]]*(?:,\s*,|,\s*\]|\[\s*,)", q):
        # "[0, 3, ]": an entry is missing (a row cut off in copying); a guess would be a different matrix
        raise HavocInputError("a row of the matrix has an empty entry: give every entry (the matrix cannot be "
                              "completed by guessing)", field="matrix")
    if m and not tables(q) and len(rows) >= 2 and len({len(r) for r in rows}) == 1 and len(rows[0]) == len(rows):
        # "Matrix A has rows [4, -2, 1], [3, 6, -4], [2, 1, 8]. Find det(A) and A inverse": one intent per operation
        matrix = [[str(v) for v in row] for row in rows]
        ops = _matrix_operations(question)
        return [Intent("matrix", {"matrix": matrix, "operation": op}) for op in ops]
    if m:
        mats = tables(q)
        if mats:
            named = _matrix_operations(question)
            op = {"eigenvalue": "eigenvalues", "det": "determinant", "invert": "inverse"}.get(m.group(1) or "",
                                                                                              m.group(1))
            matrix = [[str(v) for v in row] for row in mats[0]]
            return [Intent("matrix", {"matrix": matrix, "operation": o}) for o in (named or [op]) if o]

    m = re.search(r"\b(?:solve|roots? of|zeros? of|find [a-z] (?:such that|where|if))\s*(?:the equation|equations?)?\s*:?\s*(.+)", q, flags=re.I)
    if m:
        body = re.sub(r"^\s*(?:(?:the|these|this|those|following|the following)\s+)?(?:(?:linear|simultaneous|"
                      r"\w+)\s+)?(?:system(?:\s+of\s+(?:linear\s+)?equations)?|equations?)\s*:?\s*", "", m.group(1),
                      flags=re.I)
        # "…, need it to 5 decimal places", "for the real root": the precision wanted and the roots asked for
        body = re.sub(r"\s*[,;(-]?\s*(?:(?:i |we )?need(?:s)? it |give(?: it| me)? |to )?(?:to )?\d+\s+(?:decimal places|"
                      r"decimals|dp|significant (?:digits|figures))\b.*$", "", body, flags=re.I | re.S)
        real = re.search(r"\s*,?\s*(?:and\s+)?(?:for|find|give me|tell me|what are)\s+(?:[\w-]+\s+){0,6}?real\s+(?:roots?|"
                         r"solutions?|zeros?)\b[^=]*$|\s*[.;,]?\s*(?:(?:give|find)\s+(?:me\s+)?)?(?:only\s+)?(?:the\s+)?"
                         r"real\s+(?:roots?|solutions?|zeros?)(?:\s+only)?(?:,?\s+please)?\s*[.!]?\s*$", body, flags=re.I)
        if real:
            body = body[:real.start()]
        elif re.search(r"\breal\s+(?:roots?|solutions?|zeros?)\s+(?:of|to|for)\b", q, flags=re.I):
            real = True  # "find the real root of x^3 + 7x - 14 = 0"
        # "… = 0 and give me the largest and the smallest root": which roots to report, no part of the equations
        wanted = re.search(r"\s*(?:,|\band\b)\s*(?:then\s+)?(?:give|find|tell|what|list|report|show)\b[^=]*$", body,
                           flags=re.I)
        if wanted and "=" in body[:wanted.start()]:
            body = body[:wanted.start()]
        real_var = re.search(r"\bfor\s+(?:a\s+)?real\s+(?=[a-z]\b)", body, flags=re.I)  # "… = 0 for real x"
        if real_var:
            body = body[:real_var.start()] + "for " + body[real_var.end():]
            real = real or real_var
        lead = re.match(r"\s*for\s+([a-z](?:\s*(?:,|and)\s*[a-z])*)\s*[:,]\s*", body, flags=re.I)  # "solve for x: …"
        if lead:
            body = body[lead.end():] + f" for {lead.group(1)}"
        var_m = re.search(r"\bfor\s+([a-z](?:_?\d{1,2})?(?:\s*(?:,|and)\s*[a-z](?:_?\d{1,2})?)*)\s*[?.]?\s*$", body,
                          flags=re.I)
        if var_m:
            body = body[:var_m.start()]
        parts = [clean_expression(p) for p in re.split(r"\s*(?:;|,\s*(?=[^,]*=)|\band\b)\s*", body) if p.strip()]
        parts = [p for p in parts if p]
        if parts:
            args: dict = {"equations": parts if len(parts) > 1 else parts[0]}
            if var_m:
                args["variables"] = re.findall(r"\b[a-z](?:_?\d{1,2})?\b", var_m.group(1), flags=re.I)
            if real:
                args["domain"] = "real"
            return [Intent("solve", args)]
    return _plan_arithmetic(q)


# "what is 2+2", "compute 17*23", "7 factorial", "sqrt(2) to 20 digits": a value, no variable in it
_ARITHMETIC = re.compile(
    r"^\s*(?:(?:so\s+|ok\s+|please\s+)?(?:what(?:'s|s|\s+is)(?:\s+the\s+value\s+of)?|compute|calculate|evaluate|"
    r"work out|how much is|find the value of|(?:the\s+)?value of)\s+)?(?P<expr>.+?)\s*(?:to\s+(?P<digits>\d+)\s+(?:significant\s+)?"
    r"(?:digits|figures|decimal places|dp)\s*)?[?=.!]*\s*$", re.I | re.S)
_NUMBER_FACTORIAL = re.compile(r"\b(\d+)\s+factorial\b|\bfactorial of (\d+)\b", re.I)


# "... at r = 3", "... for x = 2, y = 0.5": values for the formula's variables
_AT_VALUES = re.compile(rf"\s+(?:at|for|when|with|where)\s+((?:[a-z]\s*=\s*{NUM}(?:\s*(?:,|and)\s*)?)+)\s*$", re.I)


def _plan_arithmetic(q: str) -> list[Intent] | None:
    m = _ARITHMETIC.match(q)
    if not m:
        return None
    text = _NUMBER_FACTORIAL.sub(lambda f: f"factorial({f.group(1) or f.group(2)})", m.group("expr"))
    text = re.sub(r"(\d+(?:\.\d+)?)\s*%\s*of\s+", r"(\1/100)*", text)  # 15% of 240
    text = re.sub(r"\blog(?:arithm)?\s+(?:to\s+)?(?:the\s+)?base\s+(\d+)\s+of\s+([\w.^]+|\([^()]*\))", r"log(\2, \1)", text,
                  flags=re.I)  # "log base 2 of 64"
    values: dict[str, str] = {}
    at = _AT_VALUES.search(text)
    if at:  # "evaluate 2pi r^2 at r = 3"
        values = {name.lower(): value for name, value in re.findall(rf"([a-z])\s*=\s*({NUM})", at.group(1), re.I)}
        text = text[:at.start()]
    text = re.sub(r"\b(\d+)\s*(pi)\b", r"\1*\2", text)  # 2pi r^2: 2*pi r^2
    expr = clean_expression(text)
    words = re.findall(r"[A-Za-z][A-Za-z0-9_]*", expr)
    if not expr or not re.search(r"\d|\bpi\b", expr) or not reads_as_maths(expr) or \
            any(len(w) == 1 and w not in ("e", "E") and w.lower() not in values or len(w) > 1 and not _known_word(w)
                for w in words):
        return None  # a variable without a value, or prose: not a value to compute
    if not re.search(r"[-+*/^(!]|\bpi\b", expr) and not values:
        return None  # a bare number is not a question
    args: dict = {"expression": expr}
    if values:
        args["values"] = values
    digits = int(m.group("digits")) if m.group("digits") else None
    if digits is not None and 1 <= digits <= 100:  # the evaluate tool's range
        args["digits"] = digits
    elif digits is not None:
        return None  # "to 500 digits": more than the tool gives; say nothing rather than fewer digits silently
    return [Intent("evaluate", args, notes=[f"numeric value to {args.get('digits', 15)} significant digits"])]


def _drop_lhs(text: str) -> str:
    """`y = 3x^4 - 2x` or `f(x) = …` → the right-hand side: the name being defined is not part of it."""
    return re.sub(r"^\s*(?:[a-z]|[a-z]\s*\(\s*[a-z]\s*\))\s*=\s*(?!=)", "", text, flags=re.I)


# a multiple or fraction of pi as a bound: "pi", "-pi", "pi/2", "2pi", "3*pi/4", "π/3"


def _bound(text: str):
    t = text.strip().lower()
    if t in ("oo", "inf", "infinity", "+oo"):
        return "oo"
    if t in ("-oo", "-inf", "-infinity"):
        return "-oo"
    if re.fullmatch(_PI_BOUND, t) or re.fullmatch(r"\d+/\d+", t):
        return t.replace(" ", "")  # "pi/2", "2pi", "3*pi/4", "1/2": exact, for the tool's own parser
    try:
        from graphs.planning.extract import to_decimal

        return to_decimal(t)
    except ValueError:
        return t
