"""Timings of DOE generation and analysis through the registry (figures only; never a test).

Run: OMP_NUM_THREADS=1 .venv/bin/python bench/doe_bench.py
"""

from __future__ import annotations

import time

import numpy as np

from tools.doe_fractions import CATALOGUE, exhaustive_generators, wlp_key
from tools.doe_words import parse_generators
from tools.registry import run_tool


def timed(label: str, name: str, args: dict) -> dict:
    start = time.perf_counter()
    out = run_tool(name, args)
    ms = (time.perf_counter() - start) * 1000
    print(f"{label:<58} {ms:9.1f} ms")
    return out


def main() -> None:
    run_tool("doe_design", {"design": "full_factorial", "factors": 2})  # load the registry once
    cases = [
        ("full factorial 2^14 (16384 runs)", {"design": "full_factorial", "factors": 14}),
        ("fraction 2^(11-7) from the catalogue", {"design": "fractional_factorial", "factors": 11, "runs": 16}),
        ("fraction 20 factors, resolution V (greedy search)", {"design": "fractional_factorial", "factors": 20,
                                                               "resolution": 5}),
        ("Plackett-Burman 47 factors (48 runs, Paley)", {"design": "plackett_burman", "factors": 47}),
        ("Box-Behnken 7 factors", {"design": "box_behnken", "factors": 7}),
        ("CCD 6 factors, orthogonal blocks", {"design": "ccd", "factors": 6, "blocks": 3, "center_points": 6}),
        ("Latin hypercube 10 x 5000, seeded", {"design": "latin_hypercube", "factors": 10, "samples": 5000,
                                               "seed": 1}),
    ]
    designs = {label: timed(label, "doe_design", args) for label, args in cases}
    for label in ("full factorial 2^14 (16384 runs)", "fraction 20 factors, resolution V (greedy search)"):
        timed(f"doe_properties of {label}", "doe_properties", {"coded": designs[label]["coded"]})
    rng = np.random.default_rng(0)
    y = rng.normal(size=1024).tolist()
    timed("doe_effects 2^10 unreplicated (1023 effects, Lenth)", "doe_effects", {"factors": 10, "response": y})
    ccd = designs["CCD 6 factors, orthogonal blocks"]
    y = rng.normal(size=ccd["runs"]).tolist()
    timed("rsm_fit 6 factors", "rsm_fit", {"X": ccd["coded"], "y": y})
    timed("doe_anova quadratic 6 factors", "doe_anova", {"coded": ccd["coded"], "response": y, "model": "quadratic"})
    start = time.perf_counter()
    agree = 0
    checked = [(k, p) for k, p in CATALOGUE if 2 ** (k - p) <= 32 and (k, p) != (11, 6)]
    for k, p in checked:
        gens = parse_generators(CATALOGUE[(k, p)], k)
        agree += wlp_key([g.word for g in gens], k) == wlp_key([g.word for g in exhaustive_generators(k, p)], k)
    ms = (time.perf_counter() - start) * 1000
    print(f"catalogue vs exhaustive minimum aberration: {agree}/{len(checked)} entries agree ({ms:.0f} ms)")


if __name__ == "__main__":
    main()
