"""Questions about the sample size for a given precision → the `sample_size_ci` intent.

"How many bolts must we measure to estimate the mean length to within ±0.2 mm with 95 % confidence? σ ≈ 0.8 mm",
"what sample size gives a margin of error of 3 percentage points on the defect rate?": no data, and no power or
difference to detect, only a margin (or an interval's width), a confidence level, and a standard deviation (a
mean) or an anticipated proportion. Each number is read by its cue; a mean without its standard deviation is
refused naming it, and a proportion without an anticipated value takes 0.5 and says so (the textbook's
conservative choice). A question about detecting a difference is the power reader's, not this one's.
"""

from __future__ import annotations

import re
from decimal import Decimal

from graphs.planning.cost import cost_asked
from graphs.planning.extract import NUM, spell_numbers, to_decimal, without_earlier_studies
from graphs.planning.intent import Intent
from tools.errors import HavocInputError

_HOW_MANY = re.compile(r"\bhow\s+many\b|\bwhat\s+n\b|\bn\s*=\s*\?|\bsample\s+size\b|\bhow\s+(?:large|big)\s+(?:a\s+)?(?:sample|n)\b|"
                       r"\b(?:minimum|required|necessary|needed)\s+(?:number\s+of\s+)?(?:samples?|n|observations|"
                       r"measurements|units|parts|respondents)\b|\bnumber\s+of\s+(?:samples|observations|measurements|"
                       r"units|parts|respondents|people|items)\s+(?:needed|required|necessary)\b|\bn\s+(?:needed|required)\b")
_PRECISION = re.compile(r"\bmargin\s+of\s+error\b|\bwithin\s*(?:±|\+/-|\+-|plus\s+or\s+minus)|"
                        r"\b(?:to|within)\s+(?:±\s*)?\d[\d.]*\s*(?:%|percent(?:age)?\s+points?|[a-zµ°%]{0,6})\s+of\s+the\s+"
                        r"(?:true|actual|population|real)\b|"
                        r"\bhalf[\s-]*width\b|\bto\s*(?:±|\+/-|\+-|plus\s+or\s+minus)\s*[\d.]|\b(?:confidence\s+interval|ci|estimate)\b[^.?!]{0,60}?(?:±|\+/-|\+-|plus\s+or\s+"
                        r"minus)\s*[\d.]|\b(?:interval|ci)\s+(?:no\s+wider\s+than|(?:has\s+)?(?:a\s+)?(?:total\s+)?"
                        r"width\s+of|width\s+(?:of\s+)?(?:at\s+most|no\s+more\s+than)|at\s+most\s+[\d.]+\s*\S*\s+wide)|"
                        r"\b(?:no\s+wider\s+than|wide\s+at\s+most)\b|\b(?:estimate|know|pin\s+down)\b[^.?!]{0,80}?"
                        r"\b(?:within|to\s+±|to\s+\+/-)\s*(?:±|\+/-|plus\s+or\s+minus)?\s*[\d.]|"
                        r"\b(?:error|precision)\s+(?:of\s+)?(?:at\s+most|no\s+(?:more|larger|greater)\s+than|not\s+"
                        r"exceeding|of)\s*(?:±\s*)?[\d.]|\baccura(?:te|cy)\s+(?:to\s+)?(?:within\s+)?(?:±\s*)?[\d.]")
_NOT_PRECISION = re.compile(r"(?<!not )(?<!no )(?<!rather than )(?<!instead of )(?<!not about )\bpower\b(?! is not)|\bdetect|\bcohen|\beffect\s+size|\bcontrol\s+(?:chart|limits?)\b|"
                            r"\b(?:factorial|box[\s-]*behnken|central\s+composite|plackett)\b")
_PROPORTION = re.compile(r"\bproportion|\bpercentage\b|\bfraction\b|\brate\b|\bshare\b|\bdefectives?\b|"
                         r"\bnon-?conforming\b|\bsurvey|\bpoll|\bp[\s-]*hat\b|\bp̂|\bpercentage\s+points?\b|"
                         r"\b(?:yes|approve|support|prefer|satisf)\w*\b|\bhow\s+many\s+people\b")
# ("treat sigma as known, 2.5", "sigma (known) 2.5", "sigma known to be 2.5")
_SD = re.compile(rf"(?:standard\s+deviation|std\.?\s*dev\.?|\bsd\b|\bs\s*=|sigma|σ|\bs\s*≈)"
                 rf"(?:\s+(?:as\s+)?known(?:\s+to\s+be)?\s*,?|\s*\(known\))?(?:\s+(?:of|for|on|in|within)\s+"
                 rf"(?:the\s+)?(?:[a-z-]+\s+){{0,3}}?[a-z-]+(?=\s*(?:[:=≈~]|(?:is|was|were|of|about|around|roughly|"
                 rf"approximately|near)\b|[-+]?\.?\d)))?\s*(?:(?:is|was|were)\s+)?(?:of|=|:|≈|~|is|was|were|at)?\s*"
                 rf"(?:about\s+|around\s+|roughly\s+|approximately\s+|near\s+|~\s*)?({NUM})")
_CONFIDENCE = re.compile(rf"({NUM})\s*(?:%|percent)\s*(?:confidence|confident|ci\b|c\.i\.|level|two[\s-]*sided|"
                         rf"interval)|confidence(?:\s+level)?\s*(?:of|=|:|at)?\s*({NUM})\s*(%|percent)?|"
                         rf"({NUM})\s*(?:%|percent)\s+sure")
# "within ±0.5", "margin of error of 3 percentage points", "to within 2 %", "error at most 0.04"
_MARGIN = re.compile(rf"(?:margin\s+of\s+error|half[\s-]*width|\bwithin|\berror|\bprecision|accura(?:te|cy)\s+to|"
                     rf"accura(?:te|cy))\s*(?:of|is|=|:|at\s+most|no\s+(?:more|larger|greater)\s+than|not\s+exceeding|"
                     rf"to|within|of\s+at\s+most|of\s+no\s+more\s+than|about|around)?\s*(?:about\s+|around\s+|roughly\s+|"
                     rf"within\s+)?(?:±|\+/-|\+-|plus\s+or\s+minus)?\s*({NUM})\s*(%|percent(?:age)?(?:\s+points?)?|"
                     rf"points?)?")
_WIDTH = re.compile(rf"(?:no\s+wider\s+than|width\s+(?:of\s+)?(?:at\s+most\s+|no\s+more\s+than\s+)?|at\s+most|"
                    rf"wide\s+at\s+most)\s*({NUM})\s*(%|percent(?:age)?(?:\s+points?)?)?")
_P = re.compile(rf"\bp\s*(?:=|≈|is)\s*({NUM})\s*(%)?|(?:expect(?:ed)?|anticipat\w+|estimated?|guess|think|believe|"
                rf"prior|previous|pilot|last\s+(?:year|time|survey|study|quarter|month|week|shift|season)|historical(?:ly)?|"
                rf"currently|typically|"
                rf"about|around|roughly|near)\s+(?:\w+\s+){{0,6}}?({NUM})\s*(%|percent)")
_POPULATION = re.compile(rf"\bpopulation\s+(?:of|size\s+(?:of|is|=)?|is|=|N\s*=)?\s*({NUM})|\bN\s*=\s*({NUM})|"
                         rf"\b(?:from|out\s+of|among)\s+(?:a\s+|the\s+|all\s+)?(?:lot|batch|population|group|total)?"
                         rf"\s*(?:of\s+)?({NUM})\s+(?:units|items|parts|employees|people|students|members|customers|"
                         rf"households|residents|records|boxes|pieces)\b|"
                         rf"\b(?:lot|batch|shipment|company|plant|site|workforce|school|town|city|firm|population)\s+"
                         rf"(?:of|with|has)\s+({NUM})\s+(?:units|items|parts|employees|people|students|members|customers|"
                         rf"households|residents|records|boxes|pieces|workers|staff)\b")
_T_METHOD = re.compile(r"\bt[\s-]*(?:distribution|based|quantile|value|method|interval)\b|\bstudent'?s?\s+t\b|"
                       r"\b(?:σ|sigma|standard\s+deviation)\s+(?:is\s+)?unknown\b|\bunknown\s+(?:σ|sigma|standard\s+"
                       r"deviation)\b")


# "the 95 % confidence interval for the mean is ±0.5 µm": a margin written only as ± E
_PLUS_MINUS = re.compile(rf"(?:±|\+/-|\+-|plus\s+or\s+minus)\s*({NUM})\s*(%|percent(?:age)?(?:\s+points?)?|points?)?")


def reads_as_precision(question: str) -> bool:
    """A sample size for a given precision: how many, and to within what, with no power or difference to detect."""
    # "(not a power calc, just the margin)", "precision here, not power": power declined is no power question
    low = re.sub(r"\b(?:not|no|rather than|instead of)\s+(?:a\s+|an\s+|the\s+)?(?:statistical\s+)?power\b", " ",
                 question.lower())
    return bool(_HOW_MANY.search(low) and _PRECISION.search(low) and not _NOT_PRECISION.search(low))


def _percent(value: str, unit: str | None) -> Decimal:
    number = to_decimal(value)
    return number / 100 if unit or number >= 1 else number


def plan_sample_size_ci(question: str) -> list[Intent] | None:
    """The sample_size_ci intent of a precision question, or None when the question is not one."""
    if not reads_as_precision(question):
        return None
    low = spell_numbers(without_earlier_studies(question)).lower().replace("−", "-").replace("\u00a0", " ")
    notes: list[str] = []
    confidence = None
    m = _CONFIDENCE.search(low)
    if m:
        if m.group(1) is not None:
            confidence = to_decimal(m.group(1)) / 100
        elif m.group(2) is not None:
            confidence = _percent(m.group(2), m.group(3))
        else:
            confidence = to_decimal(m.group(4)) / 100
        notes.append(f"{next(g for g in m.groups() if g is not None)}: the confidence level")
        low = low[:m.start()] + " ; " + low[m.end():]
    else:
        notes.append("95 % confidence (no level was given)")
    # "… at 95% confidence? And how many if 90% confidence is enough?": a second level, each answered
    second = _CONFIDENCE.search(low) if confidence is not None else None
    other = None
    if second and second.group(1) is not None and re.search(r"\b(?:how\s+many|what)\s+(?:\w+\s+){0,3}?if\b|\band\s+(?:at|for)\b|"
                                                            r"\bversus\b|\bvs\.?\b|\balso\s+(?:at|for)\b", low):
        other = to_decimal(second.group(1)) / 100
        low = low[:second.start()] + " ; " + low[second.end():]
    target = "proportion" if _PROPORTION.search(low) and not _SD.search(low) else "mean"
    args: dict = {"target": target}
    width = _WIDTH.search(low)
    margin = None if width else (_MARGIN.search(low) or _PLUS_MINUS.search(low))
    if width:
        args["width"] = _percent(width.group(1), width.group(2)) if target == "proportion" else to_decimal(width.group(1))
        notes.append(f"{width.group(1)}: the interval's full width (± {args['width'] / 2})")
        low = low[:width.start()] + " ; " + low[width.end():]
    elif margin:
        value = _percent(margin.group(1), margin.group(2)) if target == "proportion" else to_decimal(margin.group(1))
        args["margin"] = value
        notes.append(f"{margin.group(1)}: the margin of error, ± E (half the interval's width)")
        low = low[:margin.start()] + " ; " + low[margin.end():]
    else:
        raise HavocInputError("a sample size for a given precision needs the margin of error (± E) or the interval's "
                              "width", field="margin")
    population = _POPULATION.search(low)
    declined = re.search(r"\b(?:ignore|ignoring|no|without|skip|don'?t\s+(?:use|apply))\s+(?:any\s+|the\s+|a\s+)?"
                         r"finite[\s-]*population(?:\s+correction)?|\bfpc\b", low)
    lot = re.search(rf"\b(?:lot|batch|population|shipment)\s+(?:is|of|has|=)\s+({NUM})", low)
    if declined and (population or lot):
        size = next(g for g in population.groups() if g is not None) if population else lot.group(1)
        notes.append(f"{size}: the lot size, set aside: the finite-population correction is declined, as asked")
        population = None
    if population:
        args["population"] = to_decimal(next(g for g in population.groups() if g is not None))
        notes.append(f"{args['population']}: the population size N (Cochran's finite-population correction)")
        low = low[:population.start()] + " ; " + low[population.end():]
    if target == "mean":
        sd = _SD.search(low)
        if not sd:
            raise HavocInputError("the sample size to estimate a mean needs its standard deviation (σ, or an "
                                  "estimate from earlier data)", field="sd")
        args["sd"] = to_decimal(sd.group(1))
        notes.append(f"{sd.group(1)}: the standard deviation")
        if _T_METHOD.search(low):
            args["method"] = "t"
            notes.append("the t method: the smallest n whose t interval is narrow enough")
    else:
        p = _P.search(low)
        if p:
            args["p"] = _percent(p.group(1), p.group(2)) if p.group(1) is not None else _percent(p.group(3),
                                                                                                p.group(4))
            notes.append(f"{args['p']}: the anticipated proportion")
        else:
            notes.append("no anticipated proportion: p = 0.5, the most conservative")
    if confidence is not None:
        if not 0 < confidence < 1:
            raise HavocInputError(f"a confidence level is between 0 and 100 %, got {confidence * 100}",
                                  field="confidence")
        args["confidence"] = confidence
    cost = cost_asked(question)
    if cost:
        args["cost_per_unit"] = cost[0]
        notes.append(f"{cost[0]}: the cost of one unit measured ('{cost[1]}'), totalled as asked")
    intents = [Intent("sample_size_ci", args, notes=notes)]
    if other is not None and 0 < other < 1 and other != confidence:
        intents.append(Intent("sample_size_ci", {**args, "confidence": other},
                              notes=[f"{other * 100:g}%: the second confidence level asked about"]))
    return intents
