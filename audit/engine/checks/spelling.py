"""Spelling slips read with dictionaries of Vietnamese (audit/text/spelling.py has the details).

`slip: syllable`: a word that is no Vietnamese syllable ("thựt", "nghành"), with the syllable one
edit away that makes a word with its neighbour.
`slip: mark`: two syllables that make no word where one mark changed makes one ("thành phổ" for
"thành phố"), upper-case headings included ("THỰC HIÊN").
`slip: foreign`: a foreign word left among Vietnamese ones ("query tra cứu").
`slip: abbreviation`: a body's abbreviation with D, or the look-alike Ð, for Đ ("HDND").

The dictionaries are Debian's hunspell-vi and pyvi's word list: without hunspell-vi the rules
find nothing, and the command says so once. A term of the lexicon written wrong is CHINHTA004's.

Example rule::

    check: spelling
    params: {slip: mark}

Passes::

    I. MỤC ĐÍCH, YÊU CẦU
    - Nâng cao nhận thức về cải cách hành chính trên địa bàn thành phố.

Fails::

    I. MỤC ĐÍCH, YÊU CẦU
    - Nâng cao nhận thức về cải cách hành chính trên địa bàn thành phổ.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from audit.engine.checks import change_to
from audit.model import Finding, Plan

PLACEHOLDERS = ("written", "detail")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")

    slip: Literal["syllable", "mark", "foreign", "abbreviation"] = Field(
        description="the slip looked for: no Vietnamese syllable, a wrong mark, a foreign word, a body's abbreviation")


def check(plan: Plan, rule, context) -> Iterator[Finding]:
    from audit.text.spelling import plan_slips

    vocab = _vocabulary()
    if vocab is None:
        return
    for line, text, slip in plan_slips(plan, vocab):
        if slip.kind == rule.params.slip:
            written = text[slip.start : slip.end]
            yield context.finding(
                rule, plan, line=line, evidence=text, written=written, detail=slip.fix,
                suggestion=change_to(slip.fix) if slip.fix else None,
            )


@lru_cache(maxsize=1)
def _vocabulary():
    """The dictionaries, or None (said once) when one is not installed."""
    from audit.text.vocabulary import DictionaryMissing, load_vocabulary

    try:
        return load_vocabulary()
    except DictionaryMissing as missing:
        print(f"plan-audit: {missing}; the spelling rules are skipped", file=sys.stderr)
        return None
