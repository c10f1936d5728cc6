"""PLAN with a configured LangChain chat model: ask for a DSL program, keep it only if it checks.

Any `BaseChatModel` works. Our own `ChatHavoc` decodes under the DSL grammar, so
its output always parses; other models are asked nicely and then verified the
same way: a program that does not parse and check is never executed. One retry
shows a general chat model its own error (not our planner, which was never trained on one).
"""

from __future__ import annotations

import re

SYSTEM = """You translate questions about statistics, design of experiments, process control and calculus
into HAVOC DSL programs. Answer with the program only, inside a ```havoc fenced block. Never invent data:
use only numbers present in the question. Examples:
{examples}"""

EXAMPLES = """question: Design a Box-Behnken DOE for temperature, pressure and time
```havoc
{bbd}
```
question: What is the derivative of x^3 sin x?
```havoc
{deriv}
```"""

_FENCE = re.compile(r"```(?:havoc|dsl)?\s*\n?(.*?)```", re.S | re.I)


def _examples() -> str:
    from graphs.planning.intent import Intent
    from graphs.planning.to_dsl import render_program

    bbd = render_program([Intent("doe_design", {"design": "box_behnken", "center_points": 3, "factors": [
        {"name": "temperature"}, {"name": "pressure"}, {"name": "time"}]}, binding="d")])
    deriv = render_program([Intent("differentiate", {"expression": "x^3*sin(x)", "variable": "x"})])
    return EXAMPLES.format(bbd=bbd, deriv=deriv)


def extract_program(text: str) -> str:
    m = _FENCE.search(text)
    return (m.group(1) if m else text).strip()


def plan_with_chat_model(model, question: str, mode: str, bindings: dict | None = None) -> tuple[str | None, str]:
    """(program or None, what happened in words)."""
    from langchain_core.messages import AIMessage, HumanMessage, SystemMessage

    import dsl

    attempts = 2
    if getattr(model, "plans_from_question_alone", False):
        # the planner model was trained on bare questions, and decodes under the DSL grammar; it never saw
        # its own errors, so a second attempt with one would be noise
        messages = [HumanMessage(question)]
        model = model.bind(grammar="dsl")
        attempts = 1
    else:
        messages = [SystemMessage(SYSTEM.format(examples=_examples())), HumanMessage(f"({mode}) {question}")]
    last_error = ""
    for attempt in range(attempts):
        try:
            reply = model.invoke(messages)
        except Exception as exc:
            return None, f"chat model failed: {type(exc).__name__}: {exc}"
        text = reply.content if isinstance(reply.content, str) else str(reply.content)
        program = extract_program(text)
        if not program:
            return None, "chat model gave no program"
        try:
            dsl.check(dsl.parse(program), env=dict(bindings or {}))
            return program, f"accepted on attempt {attempt + 1}"
        except Exception as exc:
            last_error = str(exc)
            messages += [AIMessage(text), HumanMessage(f"That program is invalid: {last_error}. Reply with a corrected program.")]
    return None, f"chat model's program rejected: {last_error}"
