"""MODE on questions it was not fitted to: tests/data/mode_holdout.jsonl, plus the misroutes review found.

The held-out file was written before the classifier was changed (its first 183 questions), then
grown with two more sets of 80 and 60 whose accuracy was measured before their misses were looked
at. The focused cases below are phrased afresh, not copied from that file.
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

import pytest

from graphs.planning.nl import plan_question
from graphs.stages.mode import classify, evidence
from graphs.state import MODES

DATA = Path(__file__).parents[1] / "data"
HOLDOUT = [json.loads(line) for line in (DATA / "mode_holdout.jsonl").read_text(encoding="utf-8").splitlines()
           if line.strip()]
AGENT = [json.loads(line) for line in (DATA / "agent_questions.jsonl").read_text(encoding="utf-8").splitlines()
         if line.strip()]
TOOL_MODES = ("doe", "spc", "stats", "math")


def _confusion(rows: list[dict]) -> tuple[float, str, list[str]]:
    table = {want: dict.fromkeys(MODES, 0) for want in MODES}
    misses = []
    for row in rows:
        got = classify(row["question"])[0]
        table[row["mode"]][got] += 1
        if got != row["mode"]:
            misses.append(f"want {row['mode']}, got {got}: {row['question'][:80]!r}")
    right = sum(table[m][m] for m in MODES)
    lines = ["expected \\ got " + " ".join(f"{m:>7}" for m in MODES)]
    lines += [f"{want:>14} " + " ".join(f"{table[want][got]:>7}" for got in MODES) for want in MODES]
    return right / len(rows), "\n".join(lines), misses


def test_holdout_file_is_varied_and_valid() -> None:
    assert len(HOLDOUT) >= 150
    assert {row["mode"] for row in HOLDOUT} == set(MODES)
    assert all(sum(row["mode"] == m for row in HOLDOUT) >= 25 for m in MODES)
    assert len({row["question"] for row in HOLDOUT}) == len(HOLDOUT)
    assert not {row["question"] for row in HOLDOUT} & {row["question"] for row in AGENT}


def test_holdout_accuracy() -> None:
    accuracy, table, misses = _confusion(HOLDOUT)
    print(f"\nheld-out accuracy {accuracy:.3f} on {len(HOLDOUT)} questions\n{table}")
    assert accuracy >= 0.95, "\n".join([table, *misses])


def test_no_general_question_runs_a_tool_mode() -> None:
    wrong = [(row["question"], classify(row["question"])) for row in HOLDOUT if row["mode"] == "general"]
    wrong = [(q, got) for q, got in wrong if got[0] in TOOL_MODES]
    assert not wrong, wrong


def test_agent_questions_route_as_labelled() -> None:  # the end-to-end set, without running the graph
    accuracy, table, misses = _confusion([row for row in AGENT if not row.get("hostile")])
    assert accuracy == 1.0, "\n".join([table, *misses])


@pytest.mark.parametrize("question", [
    "lot 7 versus lot 8 hardness: 61 63 62 60 / 66 65 67 68",
    "Supplier X vs supplier Y delivery days: 4, 6, 5, 7 and 3, 3, 4, 2",
    "compare the old gasket with the new one, leak rates 0.12 0.15 0.11 0.14 and 0.09 0.08 0.10 0.07",
    "Is coating B giving higher gloss? A 88 90 87 91 B 93 95 92 96",
    "which lubricant is better: L1 0.31 0.29 0.33 0.30, L2 0.27 0.26 0.28 0.25",
    "Do the two labs differ? lab1 7.2 7.4 7.1 7.3; lab2 7.6 7.5 7.8 7.7",
    "Did the retrained operators do better? before 14 12 15 13, after 10 9 11 10",
])
def test_comparison_words_with_data_favour_stats(question: str) -> None:
    assert classify(question)[0] == "stats", evidence(question)


@pytest.mark.parametrize(("question", "mode"), [
    ("Box-Behnken versus central composite for four factors: which is better?", "doe"),
    ("is a half fraction better than a full factorial for 5 factors", "doe"),
    ("p chart vs np chart when the sample size varies", "spc"),
    ("Which is better for single readings, an I-MR chart or an X-bar chart?", "spc"),
])
def test_comparison_about_a_design_or_chart_stays_there(question: str, mode: str) -> None:
    assert classify(question)[0] == mode, evidence(question)


@pytest.mark.parametrize(("question", "mode"), [
    ("process A: 3.1 3.3 3.2 3.4, process B: 3.6 3.7 3.5 3.8. Which has the higher mean?", "stats"),
    ("our new process gives 91 93 92 94 against 88 89 87 90 before", "stats"),
    ("what is the process for renewing a passport", "general"),
    ("describe the manufacturing process of glass", "general"),
    ("is the process in control? 8.1 8.3 8.0 8.2 8.4 8.1 9.6", "spc"),
    ("process capability for LSL 3, USL 5: 4.1 4.0 4.2 3.9 4.1", "spc"),
    ("the process is out of control, what are the usual causes", "spc"),
])
def test_process_alone_is_not_spc(question: str, mode: str) -> None:
    assert classify(question)[0] == mode, evidence(question)


@pytest.mark.parametrize("question", [
    "chi-squared test on [[14, 6], [9, 11]]",
    "chi squared: observed 10 14 16, expected 13 13 14",
    "Mann-Whitney on ranks of A 12 15 11 19 and B 22 18 25 21",
    "are the variances equal for these two fixtures: 1.1 1.4 1.2 1.3 | 1.0 1.9 0.7 1.6",
    "test of equal variances, three ovens: 5 6 5; 4 8 7; 6 6 5",
    "correlation between speed and wear?",
    "what's the intercept and slope of the least squares line",
    "fit a line to the calibration points 1 2 3 4 / 0.9 2.1 2.9 4.2",
    "is the proportion of late deliveries above 5%? 14 late out of 180",
])
def test_stats_vocabulary(question: str) -> None:
    assert classify(question)[0] == "stats", evidence(question)


@pytest.mark.parametrize("question", [
    "c4 for a subgroup of 9", "d3 for n=3", "what are A3 and B3 for n = 6", "B4 when n is 10",
    "western electric rules on 3 4 3 5 6 6 7 2, centre 4, sigma 1", "do any Nelson rules fire here: 9 9 10 11 12 13",
    "p chart, nonconforming units 3 5 4 2 out of 80 each", "np chart for 6 4 7 5 defectives, n = 60",
    "u chart: 9 flaws in 3 units, 7 in 2, 12 in 4", "EWMA with lambda 0.2 on 20.1 20.3 20.2 20.6 20.7",
    "tabular CUSUM for fill weights 500 501 499 502 503 504",
])
def test_spc_vocabulary(question: str) -> None:
    assert classify(question)[0] == "spc", evidence(question)


@pytest.mark.parametrize("question", [
    "What is the capital of France?", "write a poem about statistics", "weather in Paris",
    "what is the capital of Peru", "Write a sonnet about regression to the mean", "compose a song about Cpk",
    "What's the weather forecast for Lyon tomorrow?", "Compare Paris and Rome as holiday cities",
    "which is better, tea or coffee?", "tell me a story about a lonely control chart",
])
def test_non_numeric_off_topic_questions_are_general(question: str) -> None:
    mode = classify(question)[0]
    assert mode == "general", evidence(question)
    assert plan_question(question, mode) is None  # nothing is computed for them


# Downstream of MODE: routed right, these must not be planned as computations either.
def test_general_story_with_a_maths_word_plans_nothing() -> None:
    question = "tell me a story about the derivative who lost its function"
    assert classify(question)[0] == "general"
    assert plan_question(question, "general") is None


@pytest.mark.parametrize("question", ["explain Box-Behnken", "what is aliasing in DOE",
                                      "whats the difference between CCD and BBD", "When should I use a CCD?"])
def test_doe_knowledge_question_plans_no_design(question: str) -> None:
    assert classify(question)[0] == "doe"
    assert plan_question(question, "doe") is None


@pytest.mark.parametrize(("question", "mode"), [
    ("what is a p-value?", "stats"), ("explain Box-Behnken", "doe"), ("what are the Nelson rules?", "spc"),
    ("what does Cpk measure", "spc"), ("define the null hypothesis", "stats"), ("what is a Maclaurin series", "math"),
    ("what is a fractional factorial design", "doe"), ("when is Welch's test preferred?", "stats"),
])
def test_knowledge_questions_stay_in_their_domain(question: str, mode: str) -> None:
    assert classify(question)[0] == mode, evidence(question)


@pytest.mark.parametrize("question", ["what is a p-value?", "what does Cpk measure", "what are the Nelson rules?",
                                      "define the null hypothesis"])
def test_knowledge_questions_invent_no_computation(question: str) -> None:
    assert plan_question(question, classify(question)[0]) is None


@pytest.mark.parametrize(("question", "mode"), [
    ("contorl chart of 4.1 4.3 4.0 4.2 4.4", "spc"), ("derivitive of x^3", "math"),
    ("standrad deviation of 3 5 4 6", "stats"), ("box behnkin for 3 factors", "doe"),
    ("capabilty of 9.9 10.1 10.0 with spec 9.7 to 10.3", "spc"), ("regresion of y on x", "stats"),
])
def test_one_typo_in_a_technical_word(question: str, mode: str) -> None:
    assert classify(question)[0] == mode, evidence(question)


def test_everyday_words_near_the_vocabulary_are_not_corrected() -> None:
    assert classify("Tell me a story about a robot in a factory")[0] == "general"
    assert classify("tell me about the French revolution")[0] == "general"


def test_fast_when_warm() -> None:
    questions = [row["question"] for row in HOLDOUT]
    for q in questions[:20]:
        classify(q)
    times = []
    for q in questions:
        start = time.perf_counter()
        classify(q)
        times.append(time.perf_counter() - start)
    assert statistics.median(times) < 0.005 and max(times) < 0.05


def test_nothing_recognisable_is_general_and_unsure() -> None:
    mode, confidence, scores = classify("blorp fizzle wump")
    assert mode == "general" and confidence < 0.6 and set(scores) == set(MODES)
