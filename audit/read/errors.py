"""The one error type of the reading stage: it names the file and says what to do, in either language."""

from __future__ import annotations

from audit.messages import DEFAULT_LANG, MESSAGES, msg
from audit.base.normalize import visible_path


class InputError(Exception):
    """A file that cannot be audited, as a message key of audit/messages.py ("input.empty") and the
    values its text needs. `message(lang)` is one line: "<path>: <what is wrong>. <what to do>";
    `str()` is that line in Vietnamese, the default language."""

    def __init__(self, path: str, key: str, **values: object) -> None:
        if f"input.{key}" not in MESSAGES:
            raise KeyError(f"no message input.{key} in audit/messages.py")
        self.path, self.key, self.values = visible_path(path), key, values  # a file name is printed: no escapes
        super().__init__(self.message(DEFAULT_LANG))

    def __reduce__(self):
        """Pickled by its key and values (worker processes send errors back), not by its text."""
        return _rebuild, (self.path, self.key, self.values)

    def problem(self, lang: str = DEFAULT_LANG) -> str:
        return msg(f"input.{self.key}", lang, **self.values)

    def advice(self, lang: str = DEFAULT_LANG) -> str:
        """What to do: "input.X.do" for the key "input.X" or "input.X.Y" (problems with one remedy)."""
        advice = f"input.{self.key.split('.')[0]}.do"
        return msg(advice, lang, **self.values) if advice in MESSAGES else ""

    def message(self, lang: str = DEFAULT_LANG) -> str:
        advice = self.advice(lang)
        return f"{self.path}: {self.problem(lang)}" + (f". {advice}" if advice else "")


def _rebuild(path: str, key: str, values: dict) -> InputError:
    return InputError(path, key, **values)
