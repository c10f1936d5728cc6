"""`doe_design`: generate an experimental design, coded and in natural units.

Why this shape: a design is more than a matrix. The user needs the run order to
follow, the natural settings to dial in, and the price of a fraction (its defining
relation, resolution and aliases) before spending a single run. Every family is
assembled here from the coded builders in `doe_matrices`; the word algebra lives in
`doe_words`, generator choice in `doe_fractions`, blocking in `doe_blocks`, and
`doe_properties` recomputes the invariants from the matrix alone for the audit.

Rows are in standard order (replicate after replicate); `run_order[i]` is the
position at which row i is run, and `execution_order` lists the rows to run in turn.
"""

from __future__ import annotations

import secrets
from decimal import Decimal
from typing import Any, Literal

import numpy as np
from pydantic import AliasChoices, BaseModel, ConfigDict, Field, field_validator

import tools.doe_properties  # noqa: F401  (registers `doe_properties`)
from tools import doe_matrices as mats
from tools.doe_blocks import block_column, choose_block_words, confounded_effects, independent
from tools.doe_factors import Factor, has_ranges, parse_factors, to_natural
from tools.doe_fractions import fraction_for_resolution, roman, standard_generators
from tools.doe_words import (
    Generator,
    aliases_up_to_two,
    defining_group,
    numeric_word,
    parse_generators,
    parse_word,
    require_letter_labels,
    resolution,
    signed,
    sort_words,
    word_length_pattern,
)
from tools.errors import HavocInputError
from tools.limits import check_at_most, limits, schema_maximum
from tools.registry import register

DesignName = Literal["full_factorial", "fractional_factorial", "plackett_burman", "box_behnken",
                     "central_composite", "latin_hypercube"]

_DESIGN_ALIASES = {
    "full": "full_factorial", "factorial": "full_factorial", "full_factorial": "full_factorial",
    "general_factorial": "full_factorial",
    "fractional": "fractional_factorial", "fractional_factorial": "fractional_factorial",
    "fracfact": "fractional_factorial",
    "plackett_burman": "plackett_burman", "pb": "plackett_burman",
    "box_behnken": "box_behnken", "bbd": "box_behnken",
    "central_composite": "central_composite", "ccd": "central_composite",
    "latin_hypercube": "latin_hypercube", "lhs": "latin_hypercube",
}
_FACE_ALIASES = {
    "circumscribed": "circumscribed", "ccc": "circumscribed",
    "inscribed": "inscribed", "cci": "inscribed",
    "faced": "faced", "ccf": "faced", "face_centred": "faced", "face_centered": "faced", "face": "faced",
}
# Myers & Montgomery, uniform-precision rotatable CCDs (full factorial core): centre runs by k.
UNIFORM_PRECISION_CENTRE = {2: 5, 3: 6, 4: 7, 5: 10, 6: 15}
LHS_CRITERIA = ("random", "center", "maximin", "centermaximin", "correlation")


class FactorSpec(BaseModel):
    """A named factor; low/high in natural units; `levels` (count or list) for full factorials."""

    model_config = ConfigDict(extra="forbid")

    name: str
    low: float | Decimal | None = None
    high: float | Decimal | None = None
    units: str | None = None
    levels: int | list[float | Decimal | str] | None = None


class DesignArgs(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    design: str = Field(description="full_factorial, fractional_factorial, plackett_burman, box_behnken, "
                                    "central_composite or latin_hypercube")
    factors: int | list[FactorSpec | str] = Field(description="a count (named A, B, C, ...) or "
                                                               "[{name, low, high, units?, levels?}]")
    center_points: int | None = Field(None, ge=0, le=1000,
                                      validation_alias=AliasChoices("center_points", "centre_points"),
                                      description="centre runs per replicate (default: 3 for Box-Behnken, "
                                                  "uniform precision for CCD, 0 otherwise)")
    generators: list[str] | None = Field(None, description='fractional factorial generators, e.g. ["E=ABCD"]')
    resolution: int | str | None = Field(None, description="wanted resolution (3..k, or III, IV, V)")
    runs: int | None = Field(None, ge=2, description="run count of a fraction or Plackett-Burman design",
                             json_schema_extra=schema_maximum("max_runs"))
    face: str = Field("circumscribed", description="CCD: circumscribed, inscribed or faced")
    alpha: str | float | None = Field(None, description="CCD axial distance: rotatable, orthogonal or a number")
    samples: int | None = Field(None, ge=2, description="Latin hypercube points (default 10 per factor)",
                                json_schema_extra=schema_maximum("max_runs"))
    criterion: str = Field("random", description="Latin hypercube: random, center, maximin, centermaximin, "
                                                 "correlation")
    levels: int | None = Field(None, ge=2, le=100, description="full factorial: level count for every factor "
                                                              "that does not give its own")
    replicates: int = Field(1, ge=1, le=100)
    center_once: bool = Field(False, description="with replicates: the centre runs once, after the replicated corner "
                                                 "runs, instead of center_points in every replicate")
    blocks: int = Field(1, ge=1, le=64, description="2^k / 2^(k-p): blocks confounded with high-order "
                                                    "interactions; CCD: orthogonal blocks")
    block_generators: list[str] | None = Field(None, description='2^k / 2^(k-p): the interactions to confound with '
                                                                 'blocks, e.g. ["ABC", "CDE"] for 4 blocks (default: '
                                                                 'chosen to confound the highest-order ones)')
    randomize: bool = False
    seed: int | None = Field(None, ge=0)
    cost_per_run: float | None = Field(None, gt=0, allow_inf_nan=False,
                                       description="the cost of one run: the result adds the total cost of all runs")

    @field_validator("factors", "center_points", "runs", "samples", "replicates", "blocks", "seed", "levels",
                     mode="before")
    @classmethod
    def _no_booleans(cls, value: Any, info: Any) -> Any:
        if isinstance(value, bool):
            raise HavocInputError("expected a number, got true/false", field=info.field_name)
        return value

    @field_validator("runs", "samples")
    @classmethod
    def _run_limit(cls, value: int | None, info: Any) -> int | None:
        if value is not None:
            check_at_most(info.field_name, "runs" if info.field_name == "runs" else "points", value, "max_runs")
        return value


class FactorInfo(BaseModel):
    label: str
    name: str
    low: float | None = None
    high: float | None = None
    units: str | None = None
    levels: list[float | str] | None = None


class DesignResult(BaseModel):
    design: DesignName
    runs: int
    factor_names: list[str]
    factor_labels: list[str]
    factors: list[FactorInfo]
    coded: list[list[float]]
    natural: list[list[float | str | None]] | None
    std_order: list[int]
    run_order: list[int]
    execution_order: list[int]
    randomized: bool
    seed: int | None
    replicates: int
    blocks: int
    block: list[int] | None
    runs_per_block: list[int] | None = Field(None, description="runs in each block, centre runs included")
    centre_points: int
    center_points: int
    design_points: int = Field(0, description="distinct factor-level combinations, centre runs not counted (the "
                                              "treatment combinations of a factorial, the runs of one Plackett-Burman)")
    pure_error_df: int = Field(0, description="runs minus distinct design points (the centre counted as one): the "
                                              "error degrees of freedom of the saturated model, before any block terms")
    alpha: float | None = None
    axial_runs: int | None = Field(None, description="central composite: the axial (star) runs, one factor at ±alpha "
                                                     "and the others at 0")
    factorial_runs: int | None = Field(None, description="central composite: the runs of its two-level core")
    alpha_kind: str | None = None
    face: str | None = None
    resolution: int | None = None
    resolution_roman: str | None = None
    generators: list[str] = []
    generator_source: str | None = None
    defining_relation: list[str] = []
    defining_relation_numeric: list[str] = []
    word_length_pattern: dict[str, int] = {}
    aliases: dict[str, list[str]] = {}
    block_generators: list[str] = []
    confounded_with_blocks: list[str] = []
    cost_per_run: float | None = None
    total_cost: float | None = Field(None, description="runs × cost_per_run, when a cost per run was given")
    notes: list[str] = []


class _Built:
    """A design before replicates and randomisation."""

    def __init__(self, coded: np.ndarray, block: np.ndarray | None = None, centre: int = 0) -> None:
        self.coded = coded
        self.block = block
        self.centre = centre
        self.info: dict[str, Any] = {}
        self.notes: list[str] = []
        self.replicates_per_block = 0  # > 0: each block is that many whole replicates (nothing confounded)


def _normalise(value: str, table: dict[str, str], field: str) -> str:
    key = value.strip().lower().replace("-", "_").replace(" ", "_")
    if key not in table:
        raise HavocInputError(f"unknown value {value!r}; use {', '.join(sorted(set(table.values())))}", field=field)
    return table[key]


def _resolution_arg(value: int | str | None) -> int | None:
    if value is None:
        return None
    if isinstance(value, int):
        return value
    romans = {"III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
    text = value.strip().upper()
    if text in romans:
        return romans[text]
    if text.isdigit():
        return int(text)
    raise HavocInputError(f"{value!r} is not a resolution (use 3..k or III, IV, V)", field="resolution")


def _centres(n: int, factors: list[Factor]) -> np.ndarray:
    if n and any(f.values is not None for f in factors):
        raise HavocInputError("factors given as level lists have no centre; give low/high instead",
                              field="center_points")
    return np.zeros((n, len(factors)))


def _spread(total: int, parts: int) -> list[int]:
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


def _replicate_blocking(args: DesignArgs) -> tuple[int, int]:
    """(blocks within each replicate, replicates per block) for a replicated two-level factorial.

    Montgomery §7.2: when a block holds a whole replicate, each replicate is a block and nothing is
    confounded; only blocks smaller than a replicate confound interactions. `blocks` counts all blocks.
    """
    reps, blocks = args.replicates, args.blocks
    if reps == 1 or blocks == 1:
        return blocks, 0
    if reps % blocks == 0:
        return 1, reps // blocks
    if blocks % reps == 0:
        return blocks // reps, 0
    raise HavocInputError(f"{blocks} blocks do not divide {reps} replicates evenly: use a number of blocks that "
                          "divides the replicates (whole replicates per block) or a multiple of them", field="blocks")


def _given_block_words(texts: list[str], k: int, group: list[tuple[int, int]]) -> list[int]:
    """The interactions the user confounds with blocks, as bitmasks: independent, and none of their products a word
    of the fraction's defining relation (that product would be constant: a block of no runs)."""
    words = [parse_word(t, k, f"block_generators[{i}]") for i, t in enumerate(texts)]
    if not independent(words):
        raise HavocInputError("the block generators are not independent: one is the product of the others",
                              field="block_generators")
    fraction = {w for w, _ in group}
    if any(b in fraction for b, _ in defining_group(words)[1:]):
        raise HavocInputError("a block generator (or a product of them) is a word of the fraction's defining relation, "
                              "so it is constant over the runs", field="block_generators")
    return words


def _block_count(blocks: int) -> int:
    b = blocks.bit_length() - 1
    if 1 << b != blocks:
        raise HavocInputError(f"{blocks} blocks: two-level designs are blocked in powers of two", field="blocks")
    return b


def _fraction_info(gens: list[Generator], k: int, names: list[str]) -> dict[str, Any]:
    group = defining_group([g.word for g in gens], [g.sign for g in gens])
    words = sort_words([w for w, _ in group[1:]])
    sign_of = dict(group)
    res = resolution(group)
    return {
        "group": group,
        "resolution": res,
        "resolution_roman": roman(res),
        "generators": [g.text() for g in gens],
        "defining_relation": [signed(w, sign_of[w]) for w in words],
        "defining_relation_numeric": [("-" if sign_of[w] < 0 else "") + numeric_word(w) for w in words],
        "word_length_pattern": word_length_pattern(group, k) if gens else {},
        "aliases": aliases_up_to_two(group, k) if gens else {},
    }


def _two_level(args: DesignArgs, factors: list[Factor], fractional: bool, blocks: int | None = None) -> _Built:
    k = len(factors)
    names = [f.name for f in factors]
    notes: list[str] = []
    if fractional:
        require_letter_labels(k)
        wanted = _resolution_arg(args.resolution)
        if args.generators:
            gens = parse_generators(args.generators, k, names)
            source = "given"
        else:
            if args.runs is not None:
                p = k - (args.runs.bit_length() - 1)
                if 1 << (args.runs.bit_length() - 1) != args.runs:
                    raise HavocInputError(f"{args.runs} is not a power of two; a 2^(k-p) fraction has 2^(k-p) runs",
                                          field="runs")
                if p < 1:
                    raise HavocInputError(f"{args.runs} runs is a full factorial (or more) for {k} factors",
                                          field="runs")
            elif wanted is not None:
                p = fraction_for_resolution(k, wanted)
            else:
                raise HavocInputError("a fractional factorial needs generators, a resolution or a run count",
                                      field="generators")
            gens, source = standard_generators(k, p)
        info = _fraction_info(gens, k, names)
        if wanted is not None and (info["resolution"] or k + 1) < wanted:
            raise HavocInputError(f"this {2 ** (k - len(gens))}-run fraction of {k} factors has resolution "
                                  f"{info['resolution_roman']}, below the {roman(wanted)} asked for",
                                  field="resolution")
        info["generator_source"] = source
        coded = mats.fractional(k, gens)
        base_factors = [j for j in range(k) if j not in {g.factor for g in gens}]
    else:
        if 2 ** k > limits().max_runs:
            raise HavocInputError(f"a 2^{k} full factorial has {2 ** k:,} runs, more than the limit of "
                                  f"{limits().max_runs:,} (HAVOC_MAX_RUNS); use a fraction", field="factors")
        coded = mats.yates(k)
        info = {"group": [(0, 1)], "resolution": None, "resolution_roman": None}
        base_factors = list(range(k))
    built = _Built(coded)
    if blocks is None:
        blocks, built.replicates_per_block = _replicate_blocking(args)
    if args.block_generators and blocks != 1 << len(args.block_generators):
        raise HavocInputError(f"{len(args.block_generators)} block generator(s) make {1 << len(args.block_generators)} "
                              f"blocks, not {blocks}", field="block_generators")
    if blocks > 1:
        require_letter_labels(k, "blocks")
        words = _given_block_words(args.block_generators, k, info["group"]) if args.block_generators else \
            choose_block_words(k, base_factors, info["group"], _block_count(blocks))
        built.block = block_column(coded, words)
        info["block_generators"] = [signed(b, 1) for b in words]
        info["confounded_with_blocks"] = confounded_effects(words, info["group"])
        shortest = min(len(c.split(" = ")[0]) for c in info["confounded_with_blocks"])
        if shortest <= 2:
            notes.append(f"blocking confounds {'a main effect' if shortest == 1 else 'a two-factor interaction'} "
                         "with blocks; consider fewer blocks or more runs")
    info.pop("group")
    built.info = info
    built.notes = notes
    return built


def _full_factorial(args: DesignArgs, factors: list[Factor]) -> _Built:
    counts = [f.levels or args.levels or 2 for f in factors]
    if all(c == 2 for c in counts) and not any(f.values for f in factors):
        return _two_level(args, factors, fractional=False)
    if args.blocks > 1:
        raise HavocInputError("blocking a mixed-level factorial is not supported; use replicates as blocks",
                              field="blocks")
    total = int(np.prod(counts, dtype=float))
    check_at_most("factors", "runs", total, "max_runs")
    return _Built(mats.general_full([f.coded_levels(c) for f, c in zip(factors, counts, strict=True)]))


def _ccd(args: DesignArgs, factors: list[Factor]) -> _Built:
    k = len(factors)
    if k < 2:
        raise HavocInputError("a central composite design needs at least 2 factors", field="factors")
    face = _normalise(args.face, _FACE_ALIASES, "face")
    notes: list[str] = []
    if args.generators or args.resolution is not None or args.runs is not None:
        core = _two_level(args, factors, fractional=True, blocks=1)  # CCD blocks are arranged below
        notes.append(f"factorial core is a resolution {core.info['resolution_roman']} fraction")
        if (core.info["resolution"] or 99) < 5:
            notes.append("a core below resolution V aliases two-factor interactions with each other")
        cube = core.coded
        frac_info = core.info
    else:
        if k > 12:
            raise HavocInputError(f"a full 2^{k} core has {2 ** k} runs; give a resolution for a fractional core",
                                  field="factors")
        cube = mats.yates(k)
        frac_info = {}
    nf = cube.shape[0]
    n_blocks = args.blocks
    if n_blocks <= 2:
        factorial_blocks = 1
    else:
        factorial_blocks = n_blocks - 1
        if factorial_blocks & (factorial_blocks - 1):
            raise HavocInputError(f"{n_blocks} blocks: a blocked CCD has 2^b factorial blocks plus 1 axial block "
                                  "(2, 3, 5, 9 blocks)", field="blocks")
    centre_total = args.center_points if args.center_points is not None else UNIFORM_PRECISION_CENTRE.get(k, 6)
    if args.center_points is None:
        notes.append(f"{centre_total} centre runs by default (uniform precision, Myers & Montgomery)"
                     if k in UNIFORM_PRECISION_CENTRE else f"{centre_total} centre runs by default")
    # factorial blocks must carry equal centre runs for orthogonal blocking; the axial block takes the rest
    per_factorial_block = centre_total // n_blocks
    per_block = [per_factorial_block] * factorial_blocks + [centre_total - per_factorial_block * factorial_blocks]
    if n_blocks > 1:
        notes.append(f"centre runs per block: {', '.join(map(str, per_block))} (last is the axial block)")
    centre_factorial = sum(per_block[:-1]) if n_blocks > 1 else 0
    centre_axial = per_block[-1] if n_blocks > 1 else 0

    alpha_arg = args.alpha if args.alpha is not None else ("orthogonal" if n_blocks > 1 else "rotatable")
    if face == "faced":
        if isinstance(alpha_arg, (int, float)) and float(alpha_arg) != 1.0:
            raise HavocInputError("a face-centred design has alpha = 1; use circumscribed or inscribed for "
                                  f"alpha = {alpha_arg}", field="alpha")
        alpha, kind = 1.0, "faced"
    elif isinstance(alpha_arg, (int, float)):
        alpha, kind = float(alpha_arg), "given"
        if not alpha > 0:
            raise HavocInputError(f"alpha must be positive, got {alpha_arg}", field="alpha")
    else:
        kind = alpha_arg.strip().lower()
        if kind in ("rotatable", "r"):
            alpha, kind = mats.alpha_rotatable(nf), "rotatable"
        elif kind in ("orthogonal", "o"):
            if n_blocks > 1:
                alpha, kind = mats.alpha_orthogonal_blocks(nf, k, centre_factorial, centre_axial), "orthogonal blocks"
            else:
                alpha, kind = mats.alpha_orthogonal(nf, k, centre_total), "orthogonal"
        else:
            raise HavocInputError(f"unknown alpha {alpha_arg!r}; use rotatable, orthogonal or a number",
                                  field="alpha")
    star = mats.axial(k, alpha)
    if face == "inscribed":
        cube, star = cube / alpha, star / alpha
    parts = [cube]
    block_ids: list[np.ndarray] = []
    if factorial_blocks > 1 and frac_info:
        raise HavocInputError("splitting a fractional CCD core into several blocks is not supported; "
                              "use blocks = 2", field="blocks")
    if n_blocks > 1 and factorial_blocks > 1:
        words = choose_block_words(k, list(range(k)), [(0, 1)], _block_count(factorial_blocks))
        fb = block_column(np.sign(cube), words)
        frac_info["block_generators"] = [signed(w, 1) for w in words]
        frac_info["confounded_with_blocks"] = confounded_effects(words, [(0, 1)])
        short = [c for c in frac_info["confounded_with_blocks"] if len(c) <= 2]
        if short:
            raise HavocInputError(f"splitting the 2^{k} cube into {factorial_blocks} blocks confounds "
                                  f"{', '.join(short)} with blocks, which a second-order model needs; "
                                  "use fewer blocks", field="blocks")
    else:
        fb = np.ones(nf, dtype=int)
    if n_blocks > 1:
        # factorial blocks with their centre runs, then the axial block with its centre runs
        rows, ids = [], []
        for b in range(1, factorial_blocks + 1):
            rows.append(cube[fb == b])
            rows.append(np.zeros((per_block[b - 1], k)))
            ids += [b] * (int((fb == b).sum()) + per_block[b - 1])
        rows += [star, np.zeros((centre_axial, k))]
        ids += [n_blocks] * (2 * k + centre_axial)
        coded = np.vstack(rows)
        block_ids.append(np.array(ids))
    else:
        coded = np.vstack(parts + [star, np.zeros((centre_total, k))])
    built = _Built(coded, block_ids[0] if block_ids else None, centre_total)
    built.info = {**frac_info, "alpha": alpha, "alpha_kind": kind, "face": face}
    built.notes = notes
    return built


def _box_behnken(args: DesignArgs, factors: list[Factor]) -> _Built:
    if args.blocks > 1:
        raise HavocInputError("blocked Box-Behnken designs are not supported; use blocks = 1", field="blocks")
    edges, source = mats.box_behnken(len(factors))
    centre = args.center_points if args.center_points is not None else 3
    built = _Built(np.vstack([edges, np.zeros((centre, len(factors)))]), centre=centre)
    built.notes = [source] + ([] if args.center_points is not None else ["3 centre runs by default"])
    return built


def _plackett_burman(args: DesignArgs, factors: list[Factor]) -> _Built:
    if args.blocks > 1:
        raise HavocInputError("blocked Plackett-Burman designs are not supported; use blocks = 1", field="blocks")
    built = _Built(mats.plackett_burman(len(factors), args.runs))
    built.info = {"resolution": 3, "resolution_roman": "III"}
    built.notes = ["Plackett-Burman designs alias each main effect partially with many two-factor interactions"]
    return built


def _latin_hypercube(args: DesignArgs, factors: list[Factor], seed: int) -> _Built:
    if args.blocks > 1 or args.center_points:
        raise HavocInputError("a Latin hypercube takes no blocks or centre points",
                              field="blocks" if args.blocks > 1 else "center_points")
    crit = args.criterion.strip().lower()
    if crit not in LHS_CRITERIA:
        raise HavocInputError(f"unknown criterion {args.criterion!r}; use {', '.join(LHS_CRITERIA)}",
                              field="criterion")
    samples = args.samples if args.samples is not None else 10 * len(factors)
    unit = mats.latin_hypercube(len(factors), samples, seed, crit)
    built = _Built(2.0 * unit - 1.0)
    built.notes = [f"{samples} points, one in each of {samples} equal strata per factor (seed {seed})"]
    return built


def _check_levels_use(design: str, factors: list[Factor]) -> None:
    if design == "full_factorial":
        return
    for i, f in enumerate(factors):
        if f.values is not None or (f.levels is not None and f.levels != 2):
            raise HavocInputError(f"only full_factorial takes level counts or lists ({design} fixes its levels)",
                                  field=f"factors[{i}].levels")


def _check_options_apply(design: str, args: DesignArgs) -> None:
    """An option the chosen family ignores is a misunderstanding worth reporting, not dropping."""
    takes = {
        "generators": ("fractional_factorial", "central_composite"),
        "resolution": ("fractional_factorial", "central_composite"),
        "runs": ("fractional_factorial", "central_composite", "plackett_burman"),
        "alpha": ("central_composite",),
        "samples": ("latin_hypercube",),
        "levels": ("full_factorial",),
    }
    for option, designs in takes.items():
        if getattr(args, option) is not None and design not in designs:
            raise HavocInputError(f"{design} takes no {option} (only {', '.join(designs)})", field=option)
    if args.face != "circumscribed" and design != "central_composite":
        raise HavocInputError(f"{design} takes no face (only central_composite)", field="face")
    if args.criterion != "random" and design != "latin_hypercube":
        raise HavocInputError(f"{design} takes no criterion (only latin_hypercube)", field="criterion")


@register("doe_design", DesignArgs)
def doe_design(args: DesignArgs) -> DesignResult:
    """Generate a design of experiments (full/fractional factorial, Plackett-Burman, Box-Behnken, CCD, LHS)."""
    design = _normalise(args.design, _DESIGN_ALIASES, "design")
    spec = args.factors if isinstance(args.factors, int) else [
        f.model_dump(exclude_none=True) if isinstance(f, FactorSpec) else f for f in args.factors]
    factors = parse_factors(spec)
    _check_levels_use(design, factors)
    _check_options_apply(design, args)
    k = len(factors)
    if design in ("fractional_factorial",) and k < 3:
        raise HavocInputError("a two-level fraction needs at least 3 factors", field="factors")
    seed = args.seed if args.seed is not None else (secrets.randbelow(2**31) if args.randomize or
                                                     design == "latin_hypercube" else None)
    if design == "full_factorial":
        built = _full_factorial(args, factors)
    elif design == "fractional_factorial":
        built = _two_level(args, factors, fractional=True)
    elif design == "plackett_burman":
        built = _plackett_burman(args, factors)
    elif design == "box_behnken":
        built = _box_behnken(args, factors)
    elif design == "central_composite":
        built = _ccd(args, factors)
    else:
        assert seed is not None
        built = _latin_hypercube(args, factors, seed)

    if design in ("full_factorial", "fractional_factorial", "plackett_burman") and args.center_points:
        centre = _centres(args.center_points, factors)
        if built.block is not None:
            nb = int(built.block.max())
            spread = _spread(args.center_points, nb)
            rows, ids = [], []
            for b in range(1, nb + 1):
                rows += [built.coded[built.block == b], centre[: spread[b - 1]]]
                ids += [b] * (int((built.block == b).sum()) + spread[b - 1])
            built.coded, built.block = np.vstack(rows), np.array(ids)
        else:
            built.coded = np.vstack([built.coded, centre])
        built.centre = args.center_points

    return _assemble(design, args, factors, built, seed)


def _assemble(design: str, args: DesignArgs, factors: list[Factor], built: _Built, seed: int | None) -> DesignResult:
    base = built.coded
    reps = args.replicates
    once = np.zeros((0, base.shape[1]))
    if args.center_once and reps > 1 and built.centre:
        if built.block is not None or built.replicates_per_block:
            raise HavocInputError("centre runs added once do not go with blocks: give centre runs per block instead",
                                  field="center_once")
        corner = ~np.all(np.abs(base) < 1e-15, axis=1)
        base, once = base[corner], base[~corner]
        built.notes.append(f"{once.shape[0]} centre run(s) once, after the {reps} replicates of the other runs")
    n = base.shape[0]
    check_at_most("replicates", "runs (runs x replicates)", n * reps + once.shape[0], "max_runs")
    coded = np.vstack([base] * reps + [once]) if reps > 1 else base
    n_blocks_base = int(built.block.max()) if built.block is not None else 1
    block = None
    if built.block is not None:
        block = np.concatenate([built.block + r * n_blocks_base for r in range(reps)])
    elif built.replicates_per_block:
        block = np.repeat(np.arange(reps) // built.replicates_per_block + 1, n)
        n_blocks_base = 1
        built.notes.append(f"each block is {'a whole replicate' if built.replicates_per_block == 1 else f'{built.replicates_per_block} whole replicates'}: "
                           "no effect is confounded with blocks")
    rng = np.random.default_rng(seed) if args.randomize else None
    total = coded.shape[0]
    if rng is not None:
        if block is not None:
            execution = np.concatenate([rng.permutation(np.flatnonzero(block == b)) for b in np.unique(block)])
        else:
            execution = rng.permutation(total)
    elif block is not None:  # blocks are run one after another (a day, a batch): standard order inside each
        execution = np.concatenate([np.flatnonzero(block == b) for b in np.unique(block)])
    else:
        execution = np.arange(total)
    run_order = np.empty(total, dtype=int)
    run_order[execution] = np.arange(1, total + 1)
    coded = np.where(np.abs(coded) < 1e-15, 0.0, coded)
    distinct = {tuple(np.round(row, 9)) for row in coded}
    centre_point = tuple([0.0] * coded.shape[1])
    design_points = len(distinct - {centre_point}) if built.centre else len(distinct)
    natural = to_natural(coded, factors) if has_ranges(factors) else None
    info = built.info
    return DesignResult(
        design=design,  # type: ignore[arg-type]
        runs=total,
        factor_names=[f.name for f in factors],
        factor_labels=[f.label for f in factors],
        factors=[FactorInfo(label=f.label, name=f.name, low=f.low, high=f.high, units=f.units,
                            levels=f.values) for f in factors],
        coded=[[float(v) for v in row] for row in coded],
        natural=natural,
        std_order=list(range(1, total + 1)),
        run_order=run_order.tolist(),
        execution_order=(execution + 1).tolist(),
        randomized=args.randomize,
        seed=seed,
        replicates=reps,
        blocks=int(block.max()) if block is not None else 1,
        block=block.tolist() if block is not None else None,
        runs_per_block=[int(n) for n in np.bincount(block)[1:]] if block is not None else None,
        centre_points=built.centre,
        center_points=built.centre,
        design_points=design_points,
        pure_error_df=total - len(distinct),
        alpha=info.get("alpha"),
        axial_runs=sum(1 for row in coded if sum(abs(float(v)) > 1e-12 for v in row) == 1)
        if design == "central_composite" else None,
        factorial_runs=sum(1 for row in coded if all(abs(float(v)) > 1e-12 for v in row))
        if design == "central_composite" else None,
        alpha_kind=info.get("alpha_kind"),
        face=info.get("face"),
        resolution=info.get("resolution"),
        resolution_roman=info.get("resolution_roman"),
        generators=info.get("generators", []),
        generator_source=info.get("generator_source"),
        defining_relation=info.get("defining_relation", []),
        defining_relation_numeric=info.get("defining_relation_numeric", []),
        word_length_pattern=info.get("word_length_pattern", {}),
        aliases=info.get("aliases", {}),
        block_generators=info.get("block_generators", []),
        confounded_with_blocks=info.get("confounded_with_blocks", []),
        cost_per_run=args.cost_per_run,
        total_cost=total * args.cost_per_run if args.cost_per_run is not None else None,
        notes=built.notes + ([f"{n} runs per replicate, {reps} replicates"] if reps > 1 else []),
    )


__all__ = ["DesignArgs", "DesignResult", "doe_design"]
