"""The one error type of the reading stage: it names the file and says what to do."""

from __future__ import annotations


class InputError(Exception):
    """A file that cannot be audited. `str()` is one line: "<path>: <what is wrong>. <what to do>"."""

    def __init__(self, path: str, problem: str, advice: str = "") -> None:
        self.path = path
        self.problem = problem
        self.advice = advice
        super().__init__(f"{path}: {problem}" + (f". {advice}" if advice else ""))
