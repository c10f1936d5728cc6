"""The reading audit: does the executed plan cover the question? (issue 9)

Independent of whichever planner wrote the plan, it looks only at the
question's text and at the tool calls that were executed:

- `numbers.py`: every number of the question is used by a call, or has a
  context role it can name ("2024: a year, context"); otherwise it is flagged.
- `cues.py`: one table of wording cues ("paired", "don't assume equal
  variances", "in 2 blocks", "Ppk", "c chart" ...) and what each requires of
  the calls; a cue the calls do not honour is flagged.
- `sentence.py`: "I read this as …", one sentence generated from the calls.
- `audit.py`: the checks AUDIT records, in its check schema.
"""

from graphs.reading.audit import reading_checks, reading_failures
from graphs.reading.sentence import reading_sentence

__all__ = ["reading_checks", "reading_failures", "reading_sentence"]
