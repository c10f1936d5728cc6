"""Records pasted one per line as name=value pairs with no row label ("temp=81C yield=64.2%"): read as a table of
columns, and a decimal with a one-letter unit ("3.2N") is a measurement, not an identifier."""

from __future__ import annotations

from graphs.planning.record_lines import records_as_table
from graphs.reading.audit import tool_defaults
from graphs.reading.calls import Call
from graphs.reading.numbers import account
from tests.graphs.planned import first_intent

Q = ("Pearson correlation between cure temperature and hardness?\ntemp=81C hardness=64.2\ntemp=86C hardness=66.0\n"
     "temp=90C hardness=69.5\ntemp=95C hardness=70.1\ntemp=99C hardness=73.8")


def test_name_value_lines_become_columns() -> None:
    text, notes = records_as_table(Q)
    assert "temp (C),hardness" in text and "81,64.2" in text and notes


def test_lines_with_different_names_are_no_table() -> None:
    q = "a=1 b=2\nc=3 d=4\ne=5 f=6"
    assert records_as_table(q) == (q, [])


def test_the_columns_are_the_pairs_of_a_correlation() -> None:
    i = first_intent(Q)
    assert i.tool == "correlation"
    assert [float(v) for v in i.args["x"]] == [81, 86, 90, 95, 99]
    assert [float(v) for v in i.args["y"]] == [64.2, 66.0, 69.5, 70.1, 73.8]


def test_a_decimal_with_a_one_letter_unit_is_a_measurement() -> None:
    q = "force: 3.2N 4.8N 1.4N, bay 4B"
    acc = account(q, [Call("describe", {"data": [3.2, 4.8, 1.4]})], {"describe": tool_defaults("describe")})
    roles = {n.text: n.role for n in acc.numbers}
    assert not acc.labels_as_data and "identifier" in (roles.get("4") or "")
