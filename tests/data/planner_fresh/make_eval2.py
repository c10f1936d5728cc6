"""Held-out planner evaluation set 2: plain-English questions and the HAVOC
program a careful engineer would write for each.

Run from the repository root:  .venv/bin/python tests/data/planner_fresh/make_eval2.py
Writes planner_eval2.jsonl beside this file (one {"question", "program"} per line)
after parsing, checking and running every program.
"""
import json
import os
import sys
from collections import Counter

MAIN = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "planner_eval2.jsonl")

# Design-of-experiments pairs (35).
DESIGN = [
# ---- Box-Behnken (8)
("Set up a Box-Behnken design for temperature 150-200 °C, pressure 1-3 bar and time 10-30 min.",
'''design box_behnken {
    factor temperature 150 .. 200 "degC"
    factor pressure 1 .. 3 "bar"
    factor time 10 .. 30 "min"
    center_points 3
}'''),
("BBD, 4 factors, 5 center points",
'''design box_behnken {
    factors 4
    center_points 5
}'''),
("i need a box behnken for three factors: speed 800 to 1200 rpm, feed 0.1 to 0.3 mm/rev, depth 0.5 to 1.5 mm. randomize it with seed 11",
'''design box_behnken {
    factor speed 800 .. 1200 "rpm"
    factor feed 0.1 .. 0.3 "mm/rev"
    factor depth 0.5 .. 1.5 "mm"
    center_points 3
    randomize seed 11
}'''),
("Box–Behnken design in 5 coded factors please",
'''design box_behnken {
    factors 5
    center_points 3
}'''),
("We want to optimise a wet granulation step. Factors: binder 2-6 %, water 10-20 %, mixing time 3-9 min, impeller speed 200-400 rpm. Build a Box Behnken with 4 centre runs.",
'''design box_behnken {
    factor binder 2 .. 6 "%"
    factor water 10 .. 20 "%"
    factor mixing_time 3 .. 9 "min"
    factor impeller_speed 200 .. 400 "rpm"
    center_points 4
}'''),
("Make a BBD with factors pH (6 to 8), temperature (25 to 45 °C) and agitation (100 to 300 rpm), replicated twice.",
'''design box_behnken {
    factor pH 6 .. 8
    factor temperature 25 .. 45 "degC"
    factor agitation 100 .. 300 "rpm"
    center_points 3
    replicates 2
}'''),
("Could you generate a three-factor Box-Behnken design with 6 center points, randomized?",
'''design box_behnken {
    factors 3
    center_points 6
    randomize
}'''),
("box-behnken: voltage 10..20 V, gap 0.2..0.6 mm, flow 2..8 L/min",
'''design box_behnken {
    factor voltage 10 .. 20 "V"
    factor gap 0.2 .. 0.6 "mm"
    factor flow 2 .. 8 "L/min"
    center_points 3
}'''),
# ---- central composite (8)
("CCD for two factors, temperature 60-90 °C and time 30-90 min, 5 center points, rotatable.",
'''design central_composite {
    factor temperature 60 .. 90 "degC"
    factor time 30 .. 90 "min"
    center_points 5
    alpha rotatable
}'''),
("central composite design with 3 factors",
'''design central_composite {
    factors 3
    center_points 3
}'''),
("Face-centred CCD please: flow rate 1 to 5 mL/min, column temp 30 to 50 degC, gradient time 10 to 30 min, 6 centre points.",
'''design central_composite {
    factor flow_rate 1 .. 5 "mL/min"
    factor column_temp 30 .. 50 "degC"
    factor gradient_time 10 .. 30 "min"
    center_points 6
    face faced
}'''),
("I'd like a central composite design on 4 factors with 2 replicates.",
'''design central_composite {
    factors 4
    center_points 3
    replicates 2
}'''),
("Give me an inscribed CCD for two factors: current 2-4 A and speed 5-15 mm/s",
'''design central_composite {
    factor current 2 .. 4 "A"
    factor speed 5 .. 15 "mm/s"
    center_points 3
    face inscribed
}'''),
("CCD, factors: ethanol 40-60 %, ratio 10-30 mL/g, extraction time 20-60 min. 4 center pts. use seed 2024 for the randomisation",
'''design central_composite {
    factor ethanol 40 .. 60 "%"
    factor ratio 10 .. 30 "mL/g"
    factor extraction_time 20 .. 60 "min"
    center_points 4
    randomize seed 2024
}'''),
("central composite, 5 factors, orthogonal alpha, 8 center points",
'''design central_composite {
    factors 5
    center_points 8
    alpha orthogonal
}'''),
("Design a CCD with alpha = 1.5 for pressure 2 to 6 bar and dose 10 to 50 mg.",
'''design central_composite {
    factor pressure 2 .. 6 "bar"
    factor dose 10 .. 50 "mg"
    center_points 3
    alpha 1.5
}'''),
# ---- full factorial (9)
("2^3 full factorial",
'''design full_factorial {
    factors 3
}'''),
("Full factorial for temperature 20-40 °C, concentration 1-2 M and stirring 100-200 rpm, with 2 replicates.",
'''design full_factorial {
    factor temperature 20 .. 40 "degC"
    factor concentration 1 .. 2 "M"
    factor stirring 100 .. 200 "rpm"
    replicates 2
}'''),
("full factorial design, 4 factors, 3 center points, randomised with seed 5",
'''design full_factorial {
    factors 4
    center_points 3
    randomize seed 5
}'''),
("Need a full factorial with catalyst (A, B, C) and temperature at 100, 120 and 140.",
'''design full_factorial {
    factor catalyst levels ["A", "B", "C"]
    factor temperature levels [100, 120, 140]
}'''),
("two-level full factorial: feed 0.1-0.2 mm/rev, cutting speed 150-250 m/min",
'''design full_factorial {
    factor feed 0.1 .. 0.2 "mm/rev"
    factor cutting_speed 150 .. 250 "m/min"
}'''),
("Generate a full factorial in 5 factors.",
'''design full_factorial {
    factors 5
}'''),
("Full-factorial DOE for resin (types X and Y), cure time 30 to 60 min and cure temp 120 to 150 degC.",
'''design full_factorial {
    factor resin levels ["X", "Y"]
    factor cure_time 30 .. 60 "min"
    factor cure_temp 120 .. 150 "degC"
}'''),
("full factorial on 3 factors, 4 replicates, run in 2 blocks",
'''design full_factorial {
    factors 3
    replicates 4
    blocks 2
}'''),
("what would a factorial design look like for screw speed 100 to 300 rpm and barrel temp 180 to 220 °C, with 4 centre points?",
'''design full_factorial {
    factor screw_speed 100 .. 300 "rpm"
    factor barrel_temp 180 .. 220 "degC"
    center_points 4
}'''),
# ---- Plackett-Burman (5)
("Plackett-Burman screening design for 11 factors",
'''design plackett_burman {
    factors 11
}'''),
("PB design, 7 factors, 12 runs",
'''design plackett_burman {
    factors 7
    runs 12
}'''),
("Screen these with a Plackett Burman: pH 5-7, temperature 30-37 °C, glucose 10-30 g/L, yeast extract 2-8 g/L, NaCl 0.5-2 %",
'''design plackett_burman {
    factor pH 5 .. 7
    factor temperature 30 .. 37 "degC"
    factor glucose 10 .. 30 "g/L"
    factor yeast_extract 2 .. 8 "g/L"
    factor NaCl 0.5 .. 2 "%"
}'''),
("plackett-burman for 15 factors with 3 center points",
'''design plackett_burman {
    factors 15
    center_points 3
}'''),
("Screening design (Plackett–Burman) with 9 factors; randomise the run order, seed 99.",
'''design plackett_burman {
    factors 9
    randomize seed 99
}'''),
# ---- Latin hypercube (5)
("LHS with 3 factors and 20 samples",
'''design latin_hypercube {
    factors 3
    samples 20
}'''),
("Latin hypercube, 50 points, maximin: length 1-5 m, width 0.5-2 m, load 100-1000 N",
'''design latin_hypercube {
    factor length 1 .. 5 "m"
    factor width 0.5 .. 2 "m"
    factor load 100 .. 1000 "N"
    samples 50
    criterion maximin
}'''),
("latin hypercube sample of 10 runs over x 0..1 and y 0..10, seed 7",
'''design latin_hypercube {
    factor x 0 .. 1
    factor y 0 .. 10
    randomize seed 7
    samples 10
}'''),
("Make me a latin hypercube design for 6 factors, 30 samples, using the centermaximin criterion.",
'''design latin_hypercube {
    factors 6
    samples 30
    criterion centermaximin
}'''),
("space-filling design (LHS) over porosity 0.1 to 0.4 and permeability 10 to 500 mD with 25 samples",
'''design latin_hypercube {
    factor porosity 0.1 .. 0.4
    factor permeability 10 .. 500 "mD"
    samples 25
}'''),
]

# Statistics pairs: describe 15, t-tests 22, normality 6, regression 9,
# anova/kruskal/levene 8, chisquare 4, rank tests 4.
DESCRIBE = [
("describe 12.1, 11.8, 12.4, 12.0, 11.9, 12.3",
 "describe [12.1, 11.8, 12.4, 12.0, 11.9, 12.3]"),
("Summary statistics for these cycle times (s): 41 38 45 43 39 44 40 42",
 "describe [41, 38, 45, 43, 39, 44, 40, 42]"),
("What's the mean and standard deviation of 3.2, 2.9, 3.5, 3.1 and 3.3?",
 "describe [3.2, 2.9, 3.5, 3.1, 3.3]"),
("Here are tensile strengths in MPa: 512, 498, 505, 520, 491, 509, 515, 502. Give me descriptive stats with a 90% confidence interval for the mean.",
 "describe [512, 498, 505, 520, 491, 509, 515, 502] confidence 0.9"),
("descriptive statistics pls: 0.82 0.79 0.85 0.81 0.80 0.84 0.83",
 "describe [0.82, 0.79, 0.85, 0.81, 0.80, 0.84, 0.83]"),
("I measured fill weights of 250.3, 249.8, 250.9, 251.2, 249.5, 250.1, 250.6 and 249.9 g. Can you summarise them?",
 "describe [250.3, 249.8, 250.9, 251.2, 249.5, 250.1, 250.6, 249.9]"),
("99% CI for the mean of 14, 17, 15, 16, 18, 13, 15",
 "describe [14, 17, 15, 16, 18, 13, 15] confidence 0.99"),
("Summarize: 102 97 110 105 99 101 108 96 103 104",
 "describe [102, 97, 110, 105, 99, 101, 108, 96, 103, 104]"),
("give me median, quartiles and so on for the delays 5, 12, 3, 8, 21, 7, 9, 4, 15",
 "describe [5, 12, 3, 8, 21, 7, 9, 4, 15]"),
("Basic stats on pH readings 6.8, 7.1, 6.9, 7.0, 7.2, 6.7 and 7.0",
 "describe [6.8, 7.1, 6.9, 7.0, 7.2, 6.7, 7.0]"),
("how variable are these? 1.04, 0.98, 1.10, 1.01, 0.95, 1.07, 1.03, 0.99",
 "describe [1.04, 0.98, 1.10, 1.01, 0.95, 1.07, 1.03, 0.99]"),
("Data: 230, 245, 238, 251, 242, 236. Describe it.",
 "describe [230, 245, 238, 251, 242, 236]"),
("descriptve stats for -2.1, 0.4, 1.3, -0.7, 2.2, 0.9, -1.5",
 "describe [-2.1, 0.4, 1.3, -0.7, 2.2, 0.9, -1.5]"),
("Compute the average, sd and a confidence interval for 18.4 19.1 17.9 18.8 19.3 18.2",
 "describe [18.4, 19.1, 17.9, 18.8, 19.3, 18.2]"),
("The daily scrap counts last two weeks were 4, 6, 3, 7, 5, 2, 6, 8, 4, 5. What do they look like statistically?",
 "describe [4, 6, 3, 7, 5, 2, 6, 8, 4, 5]"),
]

TTEST = [
# one sample (8)
("Is the mean of 10.2, 9.9, 10.4, 10.1, 10.3, 9.8 different from 10?",
 "ttest one_sample [10.2, 9.9, 10.4, 10.1, 10.3, 9.8] mu 10"),
("one-sample t test against 500 g: 498.2 501.5 497.9 499.4 500.8 496.7 498.9",
 "ttest one_sample [498.2, 501.5, 497.9, 499.4, 500.8, 496.7, 498.9] mu 500"),
("Bolt lengths (mm): 25.03, 25.07, 24.98, 25.05, 25.09, 25.04, 25.06. Is the average greater than the nominal 25 mm?",
 "ttest one_sample [25.03, 25.07, 24.98, 25.05, 25.09, 25.04, 25.06] mu 25 alternative greater"),
("test whether mean response time is less than 200 ms: 185, 210, 178, 192, 201, 188, 179, 195",
 "ttest one_sample [185, 210, 178, 192, 201, 188, 179, 195] mu 200 alternative less"),
("Our supplier claims 3.5% moisture. We measured 3.7, 3.6, 3.9, 3.4, 3.8 and 3.7. t-test it.",
 "ttest one_sample [3.7, 3.6, 3.9, 3.4, 3.8, 3.7] mu 3.5"),
("one sample ttest mu=50, 90% confidence, data 52 48 55 51 49 53 54",
 "ttest one_sample [52, 48, 55, 51, 49, 53, 54] mu 50 confidence 0.9"),
("Do these voltages average 12 V?  11.8 12.1 11.9 11.7 12.0 11.8 11.9 11.6",
 "ttest one_sample [11.8, 12.1, 11.9, 11.7, 12.0, 11.8, 11.9, 11.6] mu 12"),
("check if the mean thickness of 0.512, 0.498, 0.505, 0.509, 0.501 and 0.507 differs significantly from 0.5",
 "ttest one_sample [0.512, 0.498, 0.505, 0.509, 0.501, 0.507] mu 0.5"),
# paired (5)
("Paired t-test, before: 82, 75, 90, 68, 77, 85; after: 78, 72, 85, 66, 74, 80",
 "ttest paired [82, 75, 90, 68, 77, 85] and [78, 72, 85, 66, 74, 80]"),
("Same 7 parts measured on gauge A (10.12 10.08 10.15 10.11 10.09 10.14 10.10) and gauge B (10.10 10.07 10.16 10.08 10.09 10.11 10.08). Do the gauges disagree?",
 "ttest paired [10.12, 10.08, 10.15, 10.11, 10.09, 10.14, 10.10] and [10.10, 10.07, 10.16, 10.08, 10.09, 10.11, 10.08]"),
("blood pressure pre 142 138 150 145 139 147 and post 135 136 141 140 137 139 for the same patients - did it go down? (pre greater than post)",
 "ttest paired [142, 138, 150, 145, 139, 147] and [135, 136, 141, 140, 137, 139] alternative greater"),
("I have paired observations. Left hand: 34, 29, 41, 38, 30. Right hand: 36, 31, 40, 41, 33. Test the difference.",
 "ttest paired [34, 29, 41, 38, 30] and [36, 31, 40, 41, 33]"),
("paired ttest old method vs new method on same samples: 5.6 6.1 5.9 6.4 5.8 6.0 / 5.9 6.3 6.2 6.5 6.1 6.2",
 "ttest paired [5.6, 6.1, 5.9, 6.4, 5.8, 6.0] and [5.9, 6.3, 6.2, 6.5, 6.1, 6.2]"),
# welch (6)
("Compare the means of line 1 (23.1, 22.8, 23.5, 23.0, 22.9) and line 2 (23.6, 23.9, 23.4, 24.0, 23.7).",
 "ttest welch [23.1, 22.8, 23.5, 23.0, 22.9] and [23.6, 23.9, 23.4, 24.0, 23.7]"),
("two sample t test: A = 45, 51, 48, 50, 47, 49; B = 52, 55, 50, 57, 54",
 "ttest welch [45, 51, 48, 50, 47, 49] and [52, 55, 50, 57, 54]"),
("Is supplier X's yield lower than supplier Y's? X: 88.2 87.5 89.1 86.9 88.0  Y: 90.3 89.8 91.2 90.0 89.5 90.7",
 "ttest welch [88.2, 87.5, 89.1, 86.9, 88.0] and [90.3, 89.8, 91.2, 90.0, 89.5, 90.7] alternative less"),
("Welch test between 1.21, 1.35, 1.18, 1.40, 1.29 and 1.05, 1.12, 1.31, 0.98, 1.20, 1.08",
 "ttest welch [1.21, 1.35, 1.18, 1.40, 1.29] and [1.05, 1.12, 1.31, 0.98, 1.20, 1.08]"),
("do the night shift and day shift differ in output? night 310 295 320 301 288, day 325 318 330 312 327 321",
 "ttest welch [310, 295, 320, 301, 288] and [325, 318, 330, 312, 327, 321]"),
("t-test with unequal variances, 99% confidence: group1 14.2 15.1 13.8 14.9, group2 16.0 17.2 15.5 16.8 18.1",
 "ttest welch [14.2, 15.1, 13.8, 14.9] and [16.0, 17.2, 15.5, 16.8, 18.1] confidence 0.99"),
# pooled (3)
("Assuming equal variances, compare 8.1, 7.9, 8.4, 8.0, 8.2 with 8.6, 8.8, 8.5, 8.9, 8.7",
 "ttest pooled [8.1, 7.9, 8.4, 8.0, 8.2] and [8.6, 8.8, 8.5, 8.9, 8.7]"),
("pooled t-test: coating A 62 65 61 64 63 66, coating B 59 60 62 58 61 60",
 "ttest pooled [62, 65, 61, 64, 63, 66] and [59, 60, 62, 58, 61, 60]"),
("The two machines have the same variance. Is machine 1 (4.52, 4.48, 4.55, 4.50) producing bigger parts than machine 2 (4.46, 4.44, 4.49, 4.47, 4.45)?",
 "ttest pooled [4.52, 4.48, 4.55, 4.50] and [4.46, 4.44, 4.49, 4.47, 4.45] alternative greater"),
]

NORMALITY = [
("Are these normal? 4.2 3.9 4.5 4.1 4.8 3.7 4.3 4.0 4.4",
 "normality [4.2, 3.9, 4.5, 4.1, 4.8, 3.7, 4.3, 4.0, 4.4]"),
("Shapiro-Wilk test on 12.5, 13.1, 12.8, 14.2, 12.9, 13.4, 12.7, 13.0",
 "normality [12.5, 13.1, 12.8, 14.2, 12.9, 13.4, 12.7, 13.0]"),
("Run an Anderson-Darling normality test: 101, 98, 104, 97, 110, 99, 102, 100, 103, 96",
 "normality [101, 98, 104, 97, 110, 99, 102, 100, 103, 96] method anderson_darling"),
("check normality of the hardness values 58 61 60 57 63 59 62 60 58 61 64",
 "normality [58, 61, 60, 57, 63, 59, 62, 60, 58, 61, 64]"),
("Do the residuals 0.3, -0.5, 0.1, 0.8, -0.2, -0.7, 0.4, 0.0, -0.1, 0.6 look normally distributed?",
 "normality [0.3, -0.5, 0.1, 0.8, -0.2, -0.7, 0.4, 0.0, -0.1, 0.6]"),
("test for normalty: 2.31, 2.45, 2.28, 2.90, 2.36, 2.41, 2.33, 2.52",
 "normality [2.31, 2.45, 2.28, 2.90, 2.36, 2.41, 2.33, 2.52]"),
]

REGRESSION = [
("Regress y on x. x: 1, 2, 3, 4, 5, 6  y: 2.3, 4.1, 6.2, 7.9, 10.2, 11.8",
 "regression [2.3, 4.1, 6.2, 7.9, 10.2, 11.8] on [1, 2, 3, 4, 5, 6]"),
("Fit a line: temperature 20 30 40 50 60 vs viscosity 95 81 70 58 47",
 "regression [95, 81, 70, 58, 47] on [20, 30, 40, 50, 60]"),
("linear regression of yield (y = 61, 65, 70, 72, 78, 81) on catalyst dose (x = 0.5, 1.0, 1.5, 2.0, 2.5, 3.0)",
 "regression [61, 65, 70, 72, 78, 81] on [0.5, 1.0, 1.5, 2.0, 2.5, 3.0]"),
("How does wear depend on load? load (N): 10, 20, 30, 40, 50, 60, 70; wear (mg): 1.2, 2.1, 3.3, 3.9, 5.2, 6.0, 7.1",
 "regression [1.2, 2.1, 3.3, 3.9, 5.2, 6.0, 7.1] on [10, 20, 30, 40, 50, 60, 70]"),
("quadratic fit of y on x, x = 0 1 2 3 4 5 6, y = 1.0 2.2 5.1 9.8 17.2 26.1 37.0",
 "regression [1.0, 2.2, 5.1, 9.8, 17.2, 26.1, 37.0] on [0, 1, 2, 3, 4, 5, 6] degree 2"),
("x = 2, 4, 6, 8, 10 and y = 5.1, 8.9, 13.2, 16.8, 21.1. Fit y against x and predict y at x = 12.",
 "regression [5.1, 8.9, 13.2, 16.8, 21.1] on [2, 4, 6, 8, 10] at [12]"),
("Calibration curve: concentration 0, 5, 10, 15, 20 ppm gives absorbance 0.002, 0.101, 0.198, 0.305, 0.399. Regress absorbance on concentration.",
 "regression [0.002, 0.101, 0.198, 0.305, 0.399] on [0, 5, 10, 15, 20]"),
("simple regression, y=[14,18,21,27,30,35,37] x=[1,2,3,4,5,6,7]",
 "regression [14, 18, 21, 27, 30, 35, 37] on [1, 2, 3, 4, 5, 6, 7]"),
("Fit sales against ad spend through the origin (no intercept). spend: 1.5, 2.0, 3.2, 4.1, 5.0; sales: 12, 15, 26, 33, 41",
 "regression [12, 15, 26, 33, 41] on [1.5, 2.0, 3.2, 4.1, 5.0] without intercept"),
]

GROUPS = [
("One-way ANOVA: group 1 = 18, 21, 20, 19; group 2 = 24, 23, 26, 25; group 3 = 20, 22, 21, 23",
 "anova one_way [[18, 21, 20, 19], [24, 23, 26, 25], [20, 22, 21, 23]]"),
("Do the three machines Alpha, Beta and Gamma differ in mean diameter? Alpha: 5.01 5.03 4.99 5.02; Beta: 5.06 5.08 5.05 5.07; Gamma: 5.00 5.02 5.01 4.98",
 "anova one_way [[5.01, 5.03, 4.99, 5.02], [5.06, 5.08, 5.05, 5.07], [5.00, 5.02, 5.01, 4.98]] by [\"Alpha\", \"Beta\", \"Gamma\"]"),
("anova on 4 groups:\n12.1 12.5 11.9 12.3\n13.0 13.4 12.8 13.1\n12.2 12.0 12.6 12.4\n14.1 13.8 14.3 13.9",
 '''anova one_way [
    [12.1, 12.5, 11.9, 12.3],
    [13.0, 13.4, 12.8, 13.1],
    [12.2, 12.0, 12.6, 12.4],
    [14.1, 13.8, 14.3, 13.9],
]'''),
("compare mean strength across 3 curing times, one way anova. 7 days 31 29 33 30 32, 14 days 36 38 35 37 39, 28 days 42 40 44 41 43",
 "anova one_way [[31, 29, 33, 30, 32], [36, 38, 35, 37, 39], [42, 40, 44, 41, 43]]"),
("Kruskal-Wallis for these three groups: (3, 5, 4, 6, 2), (7, 9, 8, 6, 10), (4, 6, 5, 7, 3)",
 "kruskal [[3, 5, 4, 6, 2], [7, 9, 8, 6, 10], [4, 6, 5, 7, 3]]"),
("non-parametric comparison of the groups 1.2 1.9 1.5 1.1 | 2.4 2.8 2.2 3.0 | 1.8 1.6 2.1 1.7",
 "kruskal [[1.2, 1.9, 1.5, 1.1], [2.4, 2.8, 2.2, 3.0], [1.8, 1.6, 2.1, 1.7]]"),
("Levene's test for equal variances: A 10.1 10.4 9.8 10.2 10.0, B 9.5 10.9 10.2 9.1 11.0, C 10.0 10.1 10.2 9.9 10.0",
 "levene [[10.1, 10.4, 9.8, 10.2, 10.0], [9.5, 10.9, 10.2, 9.1, 11.0], [10.0, 10.1, 10.2, 9.9, 10.0]]"),
("are the variances of the two operators the same? op1: 3.1, 3.4, 2.9, 3.3, 3.0, 3.2; op2: 2.6, 3.8, 3.5, 2.4, 3.9, 3.1",
 "levene [[3.1, 3.4, 2.9, 3.3, 3.0, 3.2], [2.6, 3.8, 3.5, 2.4, 3.9, 3.1]]"),
]

CHISQUARE = [
("Chi-square test of independence for the table [[25, 15], [10, 30]]",
 "chisquare [[25, 15], [10, 30]]"),
("Is defect type related to shift?\nshift 1: 12 8 5\nshift 2: 9 14 7\nshift 3: 6 10 13",
 "chisquare [[12, 8, 5], [9, 14, 7], [6, 10, 13]]"),
("Goodness of fit: observed 48, 35, 17 vs expected 50, 30, 20",
 "chisquare [48, 35, 17] expected [50, 30, 20]"),
("We rolled a die 120 times and got 25, 17, 15, 23, 24, 16. Expected 20 each. Chi-square it.",
 "chisquare [25, 17, 15, 23, 24, 16] expected [20, 20, 20, 20, 20, 20]"),
]

RANK = [
("Mann-Whitney test between 3.1, 4.5, 2.8, 5.0, 3.9 and 5.6, 6.2, 4.8, 7.1, 5.9, 6.5",
 "ranktest mann_whitney [3.1, 4.5, 2.8, 5.0, 3.9] and [5.6, 6.2, 4.8, 7.1, 5.9, 6.5]"),
("wilcoxon rank sum: control 12 15 11 18 14, treated 19 22 17 25 21",
 "ranktest mann_whitney [12, 15, 11, 18, 14] and [19, 22, 17, 25, 21]"),
("Wilcoxon signed-rank test of whether the median of 1.8, 2.6, 0.9, 3.1, 2.2, 1.5, 2.9 is 1.5",
 "ranktest signed_rank [1.8, 2.6, 0.9, 3.1, 2.2, 1.5, 2.9] mu 1.5"),
("signed rank test on paired data, before 7.2 6.8 8.1 7.5 6.9 7.7 / after 6.5 6.9 7.2 7.0 6.1 7.1",
 "ranktest signed_rank [7.2, 6.8, 8.1, 7.5, 6.9, 7.7] and [6.5, 6.9, 7.2, 7.0, 6.1, 7.1]"),
]

# SPC pairs: control charts 18, capability 8, constants 1.
CHARTS = [
# individuals (11)
("I-MR chart for 10.2, 10.5, 9.8, 10.1, 10.4, 9.9, 10.3, 10.0, 10.6, 9.7, 10.2, 10.1",
 "chart imr [10.2, 10.5, 9.8, 10.1, 10.4, 9.9, 10.3, 10.0, 10.6, 9.7, 10.2, 10.1] rules western_electric"),
("Plot an individuals chart of the daily yields 87.2 88.1 86.5 87.9 88.4 87.0 86.8 88.9 87.5 87.3 88.0 86.9 87.6",
 "chart imr [87.2, 88.1, 86.5, 87.9, 88.4, 87.0, 86.8, 88.9, 87.5, 87.3, 88.0, 86.9, 87.6] rules western_electric"),
("X-mR chart: 45, 47, 44, 49, 46, 48, 45, 51, 47, 46, 44, 50, 48, 47, 45",
 "chart imr [45, 47, 44, 49, 46, 48, 45, 51, 47, 46, 44, 50, 48, 47, 45] rules western_electric"),
("Is this process in control? One reading per batch: 3.42, 3.45, 3.39, 3.48, 3.44, 3.41, 3.50, 3.46, 3.43, 3.40, 3.47, 3.52",
 "chart imr [3.42, 3.45, 3.39, 3.48, 3.44, 3.41, 3.50, 3.46, 3.43, 3.40, 3.47, 3.52] rules western_electric"),
("control chart for individual measurements with nelson rules: 20.1 19.8 20.3 20.0 19.9 20.4 20.2 20.5 20.6 20.8 20.7 20.9",
 "chart imr [20.1, 19.8, 20.3, 20.0, 19.9, 20.4, 20.2, 20.5, 20.6, 20.8, 20.7, 20.9] rules nelson"),
("Make an IMR chart. Data: 152 149 155 151 148 153 150 157 152 149 151 154 150 156",
 "chart imr [152, 149, 155, 151, 148, 153, 150, 157, 152, 149, 151, 154, 150, 156] rules western_electric"),
("Here are hourly temperature readings (°C): 71.2, 70.8, 71.5, 71.0, 70.6, 71.9, 71.3, 70.9, 71.1, 72.4, 71.0, 70.7. Build an I-MR chart and tell me if anything is out of control.",
 "chart imr [71.2, 70.8, 71.5, 71.0, 70.6, 71.9, 71.3, 70.9, 71.1, 72.4, 71.0, 70.7] rules western_electric"),
("individuals and moving range chart for 0.251 0.249 0.253 0.250 0.248 0.252 0.251 0.254 0.250 0.247",
 "chart imr [0.251, 0.249, 0.253, 0.250, 0.248, 0.252, 0.251, 0.254, 0.250, 0.247] rules western_electric"),
("spc chart for single values 5.6, 5.9, 5.4, 5.8, 6.1, 5.7, 5.5, 6.0, 5.8, 5.6, 5.9, 6.3, 5.7",
 "chart imr [5.6, 5.9, 5.4, 5.8, 6.1, 5.7, 5.5, 6.0, 5.8, 5.6, 5.9, 6.3, 5.7] rules western_electric"),
("Wait times in minutes: 12, 15, 11, 14, 13, 16, 12, 18, 14, 13, 15, 12, 17, 14, 13, 16. Can you chart them (individuals)?",
 "chart imr [12, 15, 11, 14, 13, 16, 12, 18, 14, 13, 15, 12, 17, 14, 13, 16] rules western_electric"),
("I-MR for viscosity 1250 1262 1248 1271 1255 1259 1244 1266 1252 1258",
 "chart imr [1250, 1262, 1248, 1271, 1255, 1259, 1244, 1266, 1252, 1258] rules western_electric"),
# x-bar R with subgroups as rows (3)
("Xbar-R chart for these subgroups of 4: (74.01, 74.00, 73.99, 74.02), (73.98, 74.01, 74.00, 73.99), (74.03, 74.02, 74.01, 74.00), (73.99, 74.00, 73.98, 74.01), (74.00, 74.02, 74.01, 73.99)",
 '''chart xbar_r [
    [74.01, 74.00, 73.99, 74.02],
    [73.98, 74.01, 74.00, 73.99],
    [74.03, 74.02, 74.01, 74.00],
    [73.99, 74.00, 73.98, 74.01],
    [74.00, 74.02, 74.01, 73.99],
]'''),
("x-bar and R chart, each row is one subgroup:\n12.1 12.3 11.9\n12.0 12.2 12.4\n11.8 12.0 12.1\n12.3 12.5 12.2\n12.0 11.9 12.1\n12.2 12.1 12.0",
 '''chart xbar_r [
    [12.1, 12.3, 11.9],
    [12.0, 12.2, 12.4],
    [11.8, 12.0, 12.1],
    [12.3, 12.5, 12.2],
    [12.0, 11.9, 12.1],
    [12.2, 12.1, 12.0],
]'''),
("Five samples of five per shift: [5.2, 5.4, 5.1, 5.3, 5.5], [5.3, 5.2, 5.6, 5.4, 5.1], [5.0, 5.3, 5.2, 5.4, 5.2], [5.5, 5.6, 5.3, 5.4, 5.7], [5.2, 5.1, 5.3, 5.0, 5.4]. Plot xbar/R.",
 '''chart xbar_r [
    [5.2, 5.4, 5.1, 5.3, 5.5],
    [5.3, 5.2, 5.6, 5.4, 5.1],
    [5.0, 5.3, 5.2, 5.4, 5.2],
    [5.5, 5.6, 5.3, 5.4, 5.7],
    [5.2, 5.1, 5.3, 5.0, 5.4],
]'''),
# attribute charts (4)
("p chart: defectives 8, 12, 6, 9, 14, 7, 10, 11, 5, 9 in samples of 100",
 "chart p [8, 12, 6, 9, 14, 7, 10, 11, 5, 9] size 100"),
("We inspect 200 units a day and found 14, 11, 17, 9, 12, 15, 20, 13, 10, 16 defective units. np chart please.",
 "chart np [14, 11, 17, 9, 12, 15, 20, 13, 10, 16] size 200"),
("c-chart of defects per panel: 4, 7, 3, 6, 5, 9, 2, 6, 4, 8, 5, 3",
 "chart c [4, 7, 3, 6, 5, 9, 2, 6, 4, 8, 5, 3]"),
("u chart, defect counts 15 22 18 12 25 19 with inspected units 50 60 55 45 70 58",
 "chart u [15, 22, 18, 12, 25, 19] sizes [50, 60, 55, 45, 70, 58]"),
]

CAPABILITY = [
("Cpk for 9.98, 10.02, 10.01, 9.97, 10.03, 10.00, 9.99, 10.04, 10.01, 9.98 with spec 9.9 to 10.1",
 "capability [9.98, 10.02, 10.01, 9.97, 10.03, 10.00, 9.99, 10.04, 10.01, 9.98] lsl 9.9 usl 10.1"),
("Process capability: LSL 45, USL 55, target 50. Data 49.2 50.8 51.1 48.7 50.3 49.9 50.6 51.4 49.5 50.1 50.9 49.8",
 "capability [49.2, 50.8, 51.1, 48.7, 50.3, 49.9, 50.6, 51.4, 49.5, 50.1, 50.9, 49.8] lsl 45 usl 55 target 50"),
("What are Cp and Cpk? specs 2.40-2.60 mm, parts measured 2.51 2.48 2.53 2.50 2.47 2.55 2.52 2.49 2.54 2.50",
 "capability [2.51, 2.48, 2.53, 2.50, 2.47, 2.55, 2.52, 2.49, 2.54, 2.50] lsl 2.40 usl 2.60"),
("Is the fill process capable? lower spec 495 g, upper spec 510 g; fills: 501, 503, 499, 505, 502, 500, 504, 498, 502, 503, 501, 506",
 "capability [501, 503, 499, 505, 502, 500, 504, 498, 502, 503, 501, 506] lsl 495 usl 510"),
("capability analysis usl=8.5 lsl=7.5 data 8.02 7.96 8.10 7.91 8.05 8.12 7.98 8.03 7.94 8.07",
 "capability [8.02, 7.96, 8.10, 7.91, 8.05, 8.12, 7.98, 8.03, 7.94, 8.07] lsl 7.5 usl 8.5"),
("Shaft diameters 24.98, 25.01, 25.03, 24.99, 25.00, 25.02, 24.97, 25.01, 25.04, 25.00 against a tolerance of 24.95 to 25.05 with nominal 25. Capability?",
 "capability [24.98, 25.01, 25.03, 24.99, 25.00, 25.02, 24.97, 25.01, 25.04, 25.00] lsl 24.95 usl 25.05 target 25"),
("calculate Ppk and Cpk, LSL 60 USL 80, values: 71 68 73 70 75 69 72 74 70 71 67 73",
 "capability [71, 68, 73, 70, 75, 69, 72, 74, 70, 71, 67, 73] lsl 60 usl 80"),
("Coating thickness (um): 31.5 29.8 30.6 32.1 30.2 31.0 29.5 30.8 31.7 30.4. Spec limits 27 and 34. How capable are we?",
 "capability [31.5, 29.8, 30.6, 32.1, 30.2, 31.0, 29.5, 30.8, 31.7, 30.4] lsl 27 usl 34"),
]

CONSTANTS = [
("What are the control chart constants (A2, D3, D4, d2) for subgroups of size 4?",
 "constants for subgroup 4"),
]

# Symbolic maths pairs: calculus and algebra 26, matrix 4.
CALCULUS = [
# derivatives (6)
("d/dx x^2 sin x",
 "derivative of x^2*sin(x) by x"),
("differentiate 3x^2 + 2x - 5",
 "derivative of 3*x^2 + 2*x - 5 by x"),
("What is the second derivative of e^(2x) cos(x)?",
 "derivative of exp(2*x)*cos(x) by x order 2"),
("slope of ln x / x at x = 2",
 "derivative of ln(x)/x by x at x = 2"),
("partial derivative of x^2 y + y^3 with respect to y",
 "derivative of x^2*y + y^3 by y"),
("Find the derivative of sqrt(x+1).",
 "derivative of sqrt(x + 1) by x"),
# integrals (7)
("integrate x^2 from 0 to 3",
 "integral of x^2 by x from 0 to 3"),
("Compute the integral of sin x dx from 0 to pi.",
 "integral of sin(x) by x from 0 to pi"),
("integral of e^(-x) from 0 to infinity?",
 "integral of exp(-x) by x from 0 to oo"),
("area under 1/x between x = 1 and x = 5",
 "integral of 1/x by x from 1 to 5"),
("antiderivative of x e^x",
 "integral of x*exp(x) by x"),
("Indefinite integral of 1/(1+x^2) please",
 "integral of 1/(1 + x^2) by x"),
("integrate ln x dx",
 "integral of ln(x) by x"),
# limits (3)
("limit of sin(3x)/x as x -> 0",
 "limit of sin(3*x)/x as x to 0"),
("lim as x goes to infinity of (2x^2 + 1)/(x^2 - 3)",
 "limit of (2*x^2 + 1)/(x^2 - 3) as x to oo"),
("What is the limit of 1/x as x approaches 0 from the left?",
 "limit of 1/x as x to 0 from left"),
# solve (3)
("solve x^2 - 7x + 12 = 0",
 "solve x^2 - 7*x + 12 = 0 for x"),
("Solve the system 2x + y = 7, x - y = -1 for x and y.",
 "solve 2*x + y = 7, x - y = -1 for x, y"),
("find the real solutions of x^3 - 6x^2 + 11x - 6 = 0",
 "solve x^3 - 6*x^2 + 11*x - 6 = 0 for x real"),
# simplify / expand / factor (3)
("simplify (x^2 - 4)/(x - 2)",
 "simplify (x^2 - 4)/(x - 2)"),
("Expand (x+2)^3",
 "simplify (x + 2)^3 method expand"),
("factor x^2 + 5x + 6",
 "simplify x^2 + 5*x + 6 method factor"),
# series (2)
("Taylor series of cos x around 0",
 "series of cos(x) around x = 0 order 6"),
("expand ln(1+x) as a series about x=0 to order 4",
 "series of ln(1 + x) around x = 0 order 4"),
# evaluate (2)
("evaluate sqrt(2) to 30 digits",
 "evaluate sqrt(2) digits 30"),
("what's x^3 - 2x when x = 1.5",
 "evaluate x^3 - 2*x at x = 1.5"),
]

MATRIX = [
("determinant of [[4, 2], [3, 1]]",
 "matrix determinant of [[4, 2], [3, 1]]"),
("Invert the matrix 2 1 / 5 3",
 "matrix inverse of [[2, 1], [5, 3]]"),
("eigenvalues of [[2, 0, 0], [0, 3, 4], [0, 4, 9]]",
 "matrix eigenvalues of [[2, 0, 0], [0, 3, 4], [0, 4, 9]]"),
("What's the rank of the matrix with rows (1, 2, 3), (2, 4, 6), (1, 0, 1)?",
 "matrix rank of [[1, 2, 3], [2, 4, 6], [1, 0, 1]]"),
]

GROUPS_OF_PAIRS = [
    ("design", DESIGN),
    ("describe", DESCRIBE),
    ("ttest", TTEST),
    ("chart", CHARTS),
    ("capability", CAPABILITY),
    ("normality", NORMALITY),
    ("regression", REGRESSION),
    ("anova_kruskal_levene", GROUPS),
    ("chisquare", CHISQUARE),
    ("ranktest", RANK),
    ("calculus", CALCULUS),
    ("matrix", MATRIX),
    ("constants", CONSTANTS),
]

PAIRS = [(kind, q, p) for kind, pairs in GROUPS_OF_PAIRS for q, p in pairs]


def main():
    os.chdir(MAIN)
    sys.path.insert(0, MAIN)
    import dsl
    from graphs.stages.execute import run_program

    questions = [q for _, q, _ in PAIRS]
    dup = [q for q, n in Counter(q.strip().lower() for q in questions).items() if n > 1]
    assert not dup, f"duplicate questions: {dup}"
    programs = [p for _, _, p in PAIRS]
    dup = [p for p, n in Counter(programs).items() if n > 1]
    assert not dup, f"duplicate programs: {dup}"

    failures = []
    for i, (kind, question, program) in enumerate(PAIRS):
        try:
            tree = dsl.parse(program)
            dsl.check(tree, env={})
            canonical = dsl.format(tree).strip()
            if canonical != program.strip():
                raise AssertionError(f"not in canonical form; dsl.format gives:\n{canonical}")
            results, _ = run_program(program, {})
            assert len(results) >= 1, "no results"
            for r in results:
                # every result carries an "error" field; it must be empty
                assert r.get("error") is None, f"error: {r.get('error')}"
        except Exception as exc:  # report all failures, then stop
            failures.append((i, kind, question, program, exc))

    for i, kind, question, program, exc in failures:
        print(f"--- #{i} [{kind}] {question}\n{program}\n=> {type(exc).__name__}: {exc}\n")
    if failures:
        sys.exit(f"{len(failures)} of {len(PAIRS)} programs failed")

    with open(OUT, "w", encoding="utf-8") as fh:
        for _, question, program in PAIRS:
            fh.write(json.dumps({"question": question, "program": program}, ensure_ascii=False) + "\n")

    counts = Counter(kind for kind, _, _ in PAIRS)
    for kind, _ in GROUPS_OF_PAIRS:
        print(f"{kind:22s} {counts[kind]}")
    print(f"{'total':22s} {len(PAIRS)}")
    print(f"all {len(PAIRS)} programs parsed, checked, canonical and ran without errors; wrote {OUT}")


if __name__ == "__main__":
    main()
