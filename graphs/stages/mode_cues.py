"""The vocabulary MODE weighs: cue phrases per mode, in tiers, and labelled example questions.

A phrase is lower case; a space in it also matches a hyphen, an underscore, a slash or nothing
("t test" matches "t-test" and "ttest"), and a final "s"/"es" is allowed ("factorials").

- STRONG: technical terms that name the domain on their own (Box-Behnken, Cpk, t-test, derivative).
- WEAK: everyday words that mean the domain only in context ("mean", "design", "chart", "before").
  They count in full when the question carries data or a maths expression, when any strong cue is
  present, or when two or more weak cues of the same mode corroborate each other; else a third.
- ANCHORED: words that count only next to a strong cue of their own mode ("process" is SPC only
  with a chart, capability or control word beside it).
- COMPARE: comparison words. They favour stats (a comparison of groups) when the question carries
  data and is not about a design or a chart; otherwise they are one weak stats cue.
- OFF_TASK: requests that are not computations whatever their topic (a poem about statistics);
  without data they damp every domain.
"""

from __future__ import annotations

STRONG: dict[str, dict[str, float]] = {
    "doe": {
        "doe": 4, "design of experiment": 5, "designed experiment": 5, "experimental design": 5, "experiment": 3,
        "experimental plan": 4, "factorial": 4, "fractional": 3, "half fraction": 4, "quarter fraction": 4,
        "box behnken": 5, "behnken": 5, "bbd": 4, "ccd": 4, "central composite": 5, "face centred": 3,
        "face centered": 3, "rotatable": 3, "rotatability": 3, "plackett burman": 5, "plackett": 5, "burman": 4,
        "latin hypercube": 5, "hypercube": 4, "lhs": 3, "space filling": 4, "resolution iii": 4,
        "resolution iv": 4, "resolution v": 4, "res iii": 4, "res iv": 4, "res v": 4, "resolution": 2,
        "alias": 4, "aliasing": 4, "aliased": 4, "confounding": 3, "confounded": 3, "defining relation": 5,
        "generator": 3, "fold over": 4, "foldover": 4, "centre point": 4, "center point": 4, "centre pt": 4,
        "center pt": 4, "centre run": 4, "center run": 4, "response surface": 5, "rsm": 4, "screening": 3,
        "screening design": 5, "definitive screening": 5, "lenth": 4, "stationary point": 4, "taguchi": 5,
        "orthogonal array": 4, "main effect": 4, "interaction effect": 4, "standardised effect": 4,
        "standardized effect": 4, "2 level": 2.5, "two level": 2.5, "3 level": 2.5, "three level": 2.5,
        "run order": 3, "trials": 1.5,
    },
    "spc": {
        "spc": 5, "control chart": 5, "control limit": 5, "xbar": 5, "x bar": 5, "xbar r": 5, "xbar s": 5,
        "imr": 5, "i mr": 5, "i chart": 4, "individuals chart": 5, "moving range": 4, "mr chart": 4,
        "p chart": 5, "np chart": 5, "c chart": 5, "u chart": 5, "run chart": 4, "ewma": 5, "cusum": 5,
        "exponentially weighted": 5, "cumulative sum": 5, "tabular cusum": 5, "decision interval": 4,
        "shewhart": 5, "western electric": 5, "nelson": 4, "nelson rule": 5, "run rule": 5, "capable": 4,
        "capability": 5, "cpk": 5, "cp": 4, "ppk": 5, "cpm": 5, "lsl": 3.5, "usl": 3.5, "spec limit": 4,
        "specification limit": 4, "tolerance": 2, "in control": 4, "out of control": 5, "statistical control": 5,
        "in statistical control": 5, "special cause": 4, "common cause": 4, "assignable cause": 4,
        "rational subgroup": 5, "subgroup": 4, "centre line": 3, "center line": 3, "3 sigma limit": 4,
        "three sigma limit": 4, "nonconformities": 4, "nonconforming": 3, "defectives": 3, "defective": 2.5,
        "percent defective": 4, "fraction defective": 4, "proportion defective": 4.5, "proportion nonconforming": 4.5,
        "fraction nonconforming": 4.5, "defects per unit": 4, "ppm": 2.5, "c4": 4, "d2": 4,
        "d3": 4, "d4": 4, "a2": 3.5, "a3": 3.5, "b3": 3.5, "b4": 3.5, "e2": 3.5, "chart constant": 5,
        "control chart constant": 5, "pareto chart": 3, "phase i": 3,
        "phase ii": 4, "phase 2": 4, "baseline": 2, "set the limits": 4, "new readings": 2, "cpu": 4, "cpl": 4,
        "what chart": 4, "which chart": 4, "chart and limits": 5, "chart limits": 4, "flaws per": 3.5,
        "defects per": 3.5, "scratches per": 3.5, "voids per": 3.5, "blemishes per": 3.5, "faults per": 3.5,
        "to chart": 4.5, "chart the": 3, "chart for": 3, "per square metre": 3, "per square meter": 3,
    },
    "stats": {
        "t test": 5, "ttest": 5, "students t": 5, "welch": 5, "anova": 5, "analysis of variance": 5,
        "tukey": 5, "post hoc": 4, "kruskal": 5, "kruskal wallis": 5, "friedman": 5, "mann whitney": 5, "wilcoxon": 5,
        "u test": 4, "signed rank": 5, "rank sum": 5, "chi square": 5, "chi squared": 5, "chisquare": 5,
        "contingency": 4, "contingency table": 5, "goodness of fit": 4, "independence": 3.5, "independent of": 4,
        "association": 3, "associated with": 3, "observed count": 3, "expected count": 3, "levene": 5,
        "brown forsythe": 5, "bartlett": 5, "sign test": 5, "mcnemar": 5,
        "kendall": 4, "f test": 4, "equal variance": 5, "variances equal": 5, "variances are equal": 5,
        "homogeneity of variance": 5, "normality": 4, "normally distributed": 4, "normal distribution": 3.5,
        "shapiro": 5, "shapiro wilk": 5, "anderson darling": 5, "regression": 5, "regress": 5,
        "least squares": 4, "linear model": 4, "r squared": 4, "r2": 3, "r²": 4, "correlation": 4,
        "correlation coefficient": 5, "pearson": 4, "spearman": 4, "covariance": 4, "p value": 4,
        "significance": 3.5, "significant": 3.5, "statistically": 4, "hypothesis": 3.5, "null hypothesis": 5,
        "confidence interval": 4, "standard deviation": 4, "standard error": 4, "variance": 3,
        "descriptive statistic": 5, "summary statistic": 5, "statistic": 2.5, "median": 3, "iqr": 4,
        "interquartile": 4, "quartile": 3.5, "percentile": 3, "histogram": 3.5, "box plot": 3.5, "boxplot": 3.5, "skewness": 4, "kurtosis": 4, "outlier": 2.5,
        "type i error": 5, "type ii error": 5, "one tailed": 4, "two tailed": 4, "power": 1, "sample size": 3,
        "margin of error": 4.5, "half width": 3,
        "central limit theorem": 5, "proportion": 3, "binomial": 3.5, "poisson": 3, "probability": 3,
        "conversion": 1.5, "a b test": 4, "one way": 3, "two way": 3, "paired": 3.5, "nonparametric": 4,
        "non parametric": 4, "fit a line": 5, "fit a straight line": 5, "fit a quadratic": 5,
        "fit a curve": 5, "curve fit": 5, "best fit": 5, "fit a model": 4, "trend line": 4, "degrees of freedom": 3.5, "sum of squares": 4, "effect size": 4, "cohen": 3,
        # proportions, summary figures, power
        "response rate": 3, "binomial test": 5, "exact binomial": 5, "fisher": 4, "fishers exact": 5,
        "fisher exact": 5, "proportion test": 5, "two proportion": 5, "power analysis": 5, "statistical power": 5,
        "wilson": 5, "score interval": 5, "clopper": 5, "clopper pearson": 5, "agresti coull": 5, "wald interval": 5,
    },
    "math": {
        "derivative": 5, "derivatives": 5, "differentiate": 5, "antiderivative": 5, "integral": 5, "integrate": 5,
        "integration by parts": 5, "integrate by parts": 5, "partial fraction": 5, "solve": 3.5, "equation": 3.5,
        "simultaneous equation": 5, "inequality": 3.5, "simplify": 4.5, "factorise": 4.5, "factorize": 4.5,
        "expand": 3, "limit": 3.5, "series expansion": 5, "taylor": 5, "maclaurin": 5, "laurent": 5,
        "laplace transform": 5, "fourier": 4, "determinant": 5, "eigenvalue": 5, "eigenvector": 5, "eigen value": 5, "eigen vector": 5,
        "matrix": 4, "transpose": 4, "inverse matrix": 5, "inverse": 3.5, "mean value theorem": 5, "theorem": 2.5,
        "square root": 4, "cube root": 4, "squared": 3, "cubed": 3, "logarithm": 4, "log base": 4, "polynomial": 3.5, "quadratic": 3,
        "critical point": 4, "stationary point": 4, "turning point": 4, "saddle point": 4, "local maximum": 4,
        "local minimum": 4, "local extrema": 5, "extrema": 4, "absolute maximum": 3.5, "absolute minimum": 3.5, "gradient": 3, "partial derivative": 5, "roots of": 3.5, "decimal places": 3,
        "significant figures": 3, "fraction": 3, "arcsin": 4, "arccos": 4, "arctan": 4, "sinh": 4, "cosh": 4,
        "sin": 3, "cos": 3, "tan": 2.5, "exp": 2.5, "ln": 3, "log": 2.5, "sqrt": 3, "infinity": 2.5,
        "dx": 3, "dy": 2, "dt": 2, "trigsimp": 5, "rref": 5, "nullspace": 5, "increasing": 1.5, "decreasing": 1.5,
        "area under": 3, "average value": 3, "mean value of f": 5, "on the interval": 2.5, "over the interval": 2.5,
        "closed interval": 3, "function": 1.5, "calculus": 4, "algebra": 3,
    },
    "general": {
        "weather": 5, "forecast": 3, "rain": 3, "who are you": 5, "your name": 5, "what can you do": 5, "capital of": 5, "president": 4,
        "ceo": 4, "prime minister": 4, "population": 3, "live in": 3, "how tall": 4, "how far": 4,
        "what time is it": 5, "what year": 3, "who wrote": 5, "who won": 5, "world cup": 4, "football": 4,
        "recipe": 5, "cook": 4, "bake": 3, "dinner": 4, "restaurant": 4, "pizza": 4, "coffee": 3, "latte": 4,
        "flight": 4, "hotel": 4, "holiday": 4, "vacation": 4, "visa": 4, "password": 5, "news": 4, "movie": 4,
        "book": 2, "laptop": 3, "buy": 2.5, "exchange rate": 5, "meaning of life": 5, "sleep": 3, "anxiety": 4,
        "cover letter": 5, "startup": 3, "programming language": 4, "opening hours": 5, "history of": 3,
        "revolution": 3, "cat": 2, "dog": 2, "phone": 3, "engine": 2, "help": 1.5, "moon": 3,
    },
}

WEAK: dict[str, dict[str, float]] = {
    "doe": {
        "design": 1.5, "factor": 1.5, "run": 1, "level": 1.5, "replicate": 2, "replication": 2, "randomise": 1.5,
        "randomize": 1.5, "randomised": 1.5, "randomized": 1.5, "block": 1, "blocking": 2, "optimise": 1.5,
        "optimize": 1.5, "optimum": 2, "optimisation": 1.5, "optimization": 1.5, "interaction": 2, "effect": 1.5,
        "response": 1.5, "setting": 1.5, "variable": 0.5, "independent variable": 1, "input": 0.5, "curvature": 2, "treatment": 1,
    },
    "spc": {
        "chart": 2.5, "stable": 2.5, "stability": 2.5, "trend": 2, "drift": 2, "drifting": 2, "rising": 1.5, "falling": 1.5, "consecutive": 2, "run of": 1.5, "shift": 1.5, "over time": 2,
        "sigma": 1.5, "limit": 1, "spec": 2.5, "specification": 2.5, "defect": 2, "reject": 1.5, "inspect": 1.5,
        "inspected": 1.5, "in a row": 2.5, "monitor": 2, "variation": 1.5, "signal": 1.5, "points": 0.5,
        "readings": 1, "per shift": 2, "per day": 1, "lot": 1, "sample size": 1,
    },
    "stats": {
        "mean": 2, "average": 2, "mode": 1.5, "describe": 2, "summary": 2, "summarise": 2, "summarize": 2, "test": 1.5,
        "group": 1.5, "sample": 1, "data": 0.5, "before": 1.5, "after": 1.5, "spread": 1.5, "variability": 2,
        "distribution": 1.5, "relationship": 2, "related": 1.5, "coin": 2, "dice": 2, "die": 1, "heads": 1.5, "toss": 2, "predict": 1.5, "fit": 2, "line": 0.5,
        "slope": 2.5, "intercept": 2.5, "linear": 2, "rate": 1, "passed": 1, "fair": 1.5, "supplier": 1.5,
        "operator": 1, "batch": 1, "assumption": 1.5, "interpret": 1, "estimate": 1, "sd": 2.5, "std": 2.5,
        "ci": 2, "confidence": 1.5, "table": 1, "interval": 1.5,
    },
    "math": {
        "compute": 0.5, "calculate": 0.3, "evaluate": 1.5, "find x": 3, "roots": 2, "root": 1.5, "area": 1,
        "sum": 1, "product": 0.5, "digits": 2, "decimal": 1.5, "pi": 2, "oo": 2, "percent of": 2.5,
    },
}

ANCHORED: dict[str, dict[str, float]] = {
    "spc": {"process": 1.5, "measurement": 0.5, "sigma level": 2},
    "doe": {"optimal": 1},
}

COMPARE = ("compare", "comparison", "comparing", "versus", "vs", "against", "higher", "lower", "better", "worse",
           "differ", "different", "difference", "more than", "less than", "exceed", "greater", "smaller",
           "increase", "decrease", "improve", "improvement", "affect", "effect of")

# Greetings and thanks: general when they are (nearly) the whole message, not when they open a real question.
SMALL_TALK: dict[str, float] = {
    "hello": 4, "hi": 3, "hey": 3, "good morning": 4, "good afternoon": 4, "good evening": 4, "how is it going": 4,
    "hows it going": 4, "thanks": 4, "thank you": 4, "cheers": 3, "bye": 4, "goodbye": 4,
}

OFF_TASK = ("poem", "haiku", "limerick", "song", "lyrics", "story", "essay", "joke", "translate", "translation",
            "rhyme", "sonnet", "compose", "write me a", "tweet", "slogan", "learn", "textbook", "married", "wife", "husband",
            "birthday")

# Prototype questions per mode: the nearest-example vote. General phrasings of each kind of request,
# not copies of any test question.
EXAMPLES: dict[str, list[str]] = {
    "doe": [
        "Design a Box-Behnken DOE for temperature, pressure and time",
        "I need a screening design for 7 factors in 8 runs",
        "Give me a 2^(5-1) fractional factorial of resolution V",
        "Build a central composite design for two factors with 5 centre points",
        "Which effects are active in this 2^4 factorial with these responses",
        "Fit a response surface to these runs and find the optimum",
        "Full factorial experiment with three factors at two levels",
        "How should I plan trials to study several process settings at once",
        "What does aliasing mean in a fractional factorial",
        "Randomised run order for an experiment with replicates and blocks",
    ],
    "spc": [
        "Is this process capable with spec limits 9.8 and 10.2",
        "Make an X-bar R control chart for these subgroups",
        "Compute Cpk for these measurements",
        "Are any points out of control by the Nelson rules",
        "p chart for defectives in samples of 100",
        "Individuals and moving range chart for these readings",
        "Control chart constants for subgroup size 5",
        "Is the process stable over time or is there a shift or trend",
        "What is the difference between common cause and special cause variation",
        "Which chart should I use to monitor defects per unit",
    ],
    "stats": [
        "Compare these three suppliers",
        "Is there a significant difference between the two machines",
        "Run a paired t-test on before and after values",
        "Regress yield on temperature",
        "Test whether these counts are independent",
        "Summary statistics for this data",
        "Is this data normally distributed",
        "Two-way ANOVA of operator and machine",
        "Is group B higher than group A",
        "How strong is the relationship between two variables",
        "What does a p-value tell me about a hypothesis test",
        "Is the proportion of failures different between two plants",
    ],
    "math": [
        "What is the derivative of x^3 sin x",
        "Integrate x^2 from 0 to 1",
        "Solve x^2 - 4 = 0",
        "Limit of sin(x)/x as x goes to 0",
        "Taylor series of exp(x) around 0",
        "Simplify (x^2 - 1)/(x - 1)",
        "Determinant of the matrix [[1,2],[3,4]]",
        "Evaluate the expression at a point",
        "Find the roots of the polynomial",
        "Explain what the chain rule of calculus says",
    ],
    "general": [
        "What is the weather in Paris",
        "Hello, what can you do",
        "Tell me a joke",
        "Who won the football match yesterday",
        "Write a poem about the sea",
        "What is the capital city of a country",
        "Recommend a good restaurant or a film",
        "Book me a train ticket",
        "Who is the author of this novel",
        "Give me advice about my health",
        "How do I fix my computer",
        "Tell me about the history of a city",
    ],
}

STOPWORDS = frozenset({
    "a", "an", "the", "of", "to", "in", "on", "at", "for", "from", "by", "with", "without", "and", "or", "but", "if",
    "then", "than", "so", "as", "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "done",
    "have", "has", "had", "i", "me", "my", "we", "our", "you", "your", "he", "she", "it", "its", "they", "them",
    "their", "this", "that", "these", "those", "there", "here", "between", "what", "which", "who", "whom", "whose",
    "when", "where", "why", "how", "can", "could", "would", "should", "will", "shall", "may", "might", "must",
    "please", "give", "get", "tell", "show", "let", "make", "want", "need", "like", "just", "any", "some", "all",
    "each", "every", "one", "two", "three", "about", "into", "over", "under", "up", "down", "out", "off", "again",
    "also", "very", "much", "more", "most", "such", "only", "own", "same", "other", "no", "not", "yes", "ok", "okay",
    "hi"
})
