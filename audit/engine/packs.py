"""Rule packs: YAML files under rules/<pack>/, loaded into validated `Rule`s.

    rules:
      - code: KENH001
        severity: warning
        check: requires_any_of
        params: {concepts: [channel.cong_ttdt, channel.zalo]}
        title: {vi: ..., en: ...}
        message: {vi: "... {concepts} ...", en: ...}
        rationale: {vi: ..., en: ...}
        reference: "QĐ 35/QĐ-BNV"

Rules are data: a rule names a check kind (audit/engine/checks/) and gives it parameters; it cannot
run code. Everything wrong with a pack (bad YAML, unknown kind, bad parameters, a duplicate code, a
bad regex, a message placeholder the kind does not fill) fails the load with file:line.
"""

from __future__ import annotations

import re
import string
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError
from yaml.nodes import Node

from audit.base.yaml_lines import YamlError, key_line, line_of, load_with_nodes
from audit.engine.checks import kind_name, kind_names, load_kind
from audit.messages import msg
from audit.model import Severity

CODE_PATTERN = r"^[A-Z]{2,10}\d{3}$"


class PackError(Exception):
    """A rule pack that cannot be used. `str()` is "<file>:<line>: <what is wrong>"."""

    def __init__(self, path: str | Path, line: int | None, problem: str) -> None:
        self.path, self.line, self.problem = str(path), line, problem
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {problem}")


def _load_yaml(path: Path) -> tuple[Any, Node | None]:
    try:
        return load_with_nodes(path)
    except YamlError as error:  # worded in English, as every problem of a pack is
        raise PackError(path, error.line, msg(f"yaml.{error.kind}", "en", **error.values)) from None


class Bilingual(BaseModel):
    """A text in Vietnamese and in English."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    vi: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.vi


class RuleExamples(BaseModel):
    """A plan excerpt the rule passes and one it fails (and the parent's, for a rule that compares
    with the parent): `plan-audit rules CODE` shows them and tests/test_rule_examples.py runs them.
    An excerpt that starts at a section heading is audited under a plain plan header."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    passes: str = Field(alias="pass", min_length=1)
    fails: str = Field(alias="fail", min_length=1)
    parent: str = ""


class Rule(BaseModel):
    """One rule of a pack; `params` is the check kind's validated `Params` after loading."""

    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=True)

    code: str = Field(pattern=CODE_PATTERN)
    severity: Severity
    check: Annotated[str, AfterValidator(kind_name)]  # a former kind name is read as the current one
    params: Any = Field(default_factory=dict)
    title: Bilingual
    message: Bilingual
    rationale: Bilingual
    reference: str = Field(min_length=1)
    # An opt-in rule (enabled: false) runs only when --select names its full code: for findings
    # a reviewer would not want by default (e.g. every channel a province merely lists).
    enabled: bool = True
    examples: RuleExamples | None = None
    pack: str = ""
    source: str = ""  # file:line where the rule is written

    @property
    def family(self) -> str:
        """The letters of the code: KENH for KENH001."""
        return re.match(r"[A-Z]+", self.code).group(0)


# The rule of the reading stage: a file in a batch that cannot be read becomes its finding.
INPUT_RULE = Rule(
    code="INPUT001", severity=Severity.error, check="input", pack="core", source="audit/engine/packs.py",
    title=Bilingual(vi="Không đọc được tệp kế hoạch", en="The plan file cannot be read"),
    message=Bilingual(vi="Không đọc được tệp: {error}", en="Cannot read the file: {error}"),
    rationale=Bilingual(
        vi="Một tệp không đọc được thì không kiểm tra được; báo lỗi để người rà soát không tưởng là kế hoạch đạt.",
        en="A file that cannot be read cannot be audited; it is reported so no one takes it for a plan that passed.",
    ),
    reference="Nghị định 30/2020/NĐ-CP (định dạng văn bản điện tử)",
)


class Family(BaseModel):
    """The rules of one pack file: one family of codes (KENH001, KENH002, ...) and what it is about."""

    model_config = ConfigDict(extra="forbid")

    code: str = Field(pattern=r"^[A-Z]{2,10}$")
    description: Bilingual
    pack: str = ""
    rules: list[Rule] = Field(default_factory=list)


INPUT_FAMILY = Family(
    code="INPUT", pack="core", rules=[INPUT_RULE],
    description=Bilingual(vi="Đọc tệp đầu vào", en="Reading the input files"),
)


# The rules of a project's own policy files (audit/policy/): a waiver past its date, a waiver that
# waived nothing in the plans it names, a baseline entry whose finding is gone. Each points at the
# line of the waiver or baseline file, so the file is kept honest.
POLICY_FAMILY = Family(
    code="POLICY", pack="core",
    description=Bilingual(vi="Miễn trừ và đường cơ sở", en="Waivers and baselines"),
    rules=[
        Rule(
            code="POLICY001", severity=Severity.warning, check="policy", pack="core", source="audit/engine/packs.py",
            title=Bilingual(vi="Miễn trừ đã hết hạn", en="A waiver has expired"),
            message=Bilingual(
                vi="Miễn trừ {code} cho {plan} đã hết hạn ngày {expires}, nên không còn miễn trừ nữa; "
                   "gia hạn (kèm lý do) hoặc xóa miễn trừ",
                en="The waiver of {code} for {plan} expired on {expires} and no longer waives anything; "
                   "renew it (with a reason) or remove it",
            ),
            rationale=Bilingual(
                vi="Miễn trừ có thời hạn để vấn đề được xem xét lại; hết hạn thì phát hiện được báo trở lại.",
                en="A waiver has a date so the problem is looked at again; once past it, the findings are reported again.",
            ),
            reference="plan-audit: waivers (docs/ci.md)",
        ),
        Rule(
            code="POLICY002", severity=Severity.info, check="policy", pack="core", source="audit/engine/packs.py",
            title=Bilingual(vi="Miễn trừ không dùng đến", en="A waiver matched nothing"),
            message=Bilingual(
                vi="Miễn trừ {code} cho {plan} không khớp phát hiện nào của các kế hoạch đã kiểm tra; "
                   "vấn đề có thể đã được khắc phục: xóa miễn trừ",
                en="The waiver of {code} for {plan} matched no finding of the plans audited; "
                   "the problem may be fixed: remove the waiver",
            ),
            rationale=Bilingual(
                vi="Miễn trừ thừa có thể che một lỗi mới cùng mã; xóa đi khi vấn đề đã hết.",
                en="A waiver left behind could hide a new problem with the same code; remove it once the problem is gone.",
            ),
            reference="plan-audit: waivers (docs/ci.md)",
        ),
        Rule(
            code="POLICY003", severity=Severity.info, check="policy", pack="core", source="audit/engine/packs.py",
            title=Bilingual(vi="Mục đường cơ sở đã lỗi thời", en="A baseline entry is stale"),
            message=Bilingual(
                vi="Phát hiện {code} trong đường cơ sở không còn nữa ({message}); ghi lại đường cơ sở bằng --write-baseline",
                en="The baseline's {code} finding is gone ({message}); write the baseline anew with --write-baseline",
            ),
            rationale=Bilingual(
                vi="Đường cơ sở chỉ nên giữ các phát hiện còn tồn tại, để lỗi đã sửa không bị che nếu xuất hiện lại.",
                en="A baseline should hold only findings that still exist, so a fixed problem is not hidden if it returns.",
            ),
            reference="plan-audit: baselines (docs/ci.md)",
        ),
    ],
)


def load_rules(root: Path | None = None) -> list[Rule]:
    """Every rule of every pack under `root` (default: the installed rules/ folder), by code."""
    return sorted((rule for family in load_families(root) for rule in family.rules), key=lambda r: r.code)


def load_families(root: Path | None = None) -> list[Family]:
    """The families of every pack under `root`, by code; codes are unique across all packs."""
    if root is None:
        from audit.resources import rules_root

        root = rules_root()
    paths = sorted(root.glob("*/*.yaml"))
    if not paths:  # an install that lost its data must not pass every plan silently
        raise PackError(root, None, "no rule packs found (expected <pack>/*.yaml files in this folder)")
    families = [INPUT_FAMILY, POLICY_FAMILY]
    where = {rule.code: rule.source for family in families for rule in family.rules}
    for path in paths:
        family = load_pack_file(path, pack=path.parent.name)
        for rule in family.rules:
            if rule.code in where:
                raise PackError(path, _line(rule), f"rule code {rule.code} is already used at {where[rule.code]}")
            where[rule.code] = rule.source
        families.append(family)
    return sorted(families, key=lambda f: f.code)


def load_pack_file(path: Path, pack: str = "") -> Family:
    """The family of one pack file, validated; every code must carry the family's prefix."""
    data, node = _load_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise PackError(path, 1, "a pack file is a mapping with 'family', 'description' and a list under 'rules'")
    extra = sorted(set(data) - {"family", "description", "rules"})
    if extra:
        raise PackError(path, key_line(node, extra[0]), f"unknown top-level key '{extra[0]}' (use family, description, rules)")
    try:
        given = {"code": data.get("family"), "description": data.get("description")}
        family = Family.model_validate({k: v for k, v in given.items() if v is not None} | {"pack": pack})
    except ValidationError as error:
        first = error.errors()[0]
        key = "family" if first["loc"][0] == "code" else str(first["loc"][0])
        problem = _explain(first).replace("'code'", "'family'").replace("code:", "family:")
        raise PackError(path, key_line(node, key), problem) from None
    seen: dict[str, int] = {}
    for index, item in enumerate(data["rules"]):
        where = ("rules", index)
        rule = _validate(path, item, node, where, pack)
        line = line_of(node, where)
        if rule.family != family.code:
            raise PackError(path, line_of(node, (*where, "code")), f"rule {rule.code} is not of family {family.code} (its code must start with {family.code})")
        if rule.code in seen:
            raise PackError(path, line, f"rule code {rule.code} is already used on line {seen[rule.code]}")
        seen[rule.code] = line
        family.rules.append(rule)
    return family


def _validate(path: Path, item: Any, root: Node, where: tuple, pack: str) -> Rule:
    line = line_of(root, where)
    if not isinstance(item, dict):
        raise PackError(path, line, "a rule is a mapping (code, severity, check, params, title, message, ...)")
    for field in ("pack", "source"):
        if field in item:
            raise PackError(path, line_of(root, (*where, field)), f"'{field}' is set by the loader, not in the pack")
    try:
        rule = Rule.model_validate({**item, "pack": pack, "source": f"{path}:{line}"})
    except ValidationError as error:
        first = error.errors()[0]
        raise PackError(path, line_of(root, (*where, *first["loc"])), _explain(first)) from None
    kind = load_kind(rule.check)
    if kind is None:
        raise PackError(
            path, line_of(root, (*where, "check")),
            f"unknown check kind '{rule.check}' in {rule.code} (known: {', '.join(kind_names())})",
        )
    try:
        rule.params = kind.Params.model_validate(rule.params)
    except ValidationError as error:
        first = error.errors()[0]
        raise PackError(
            path, line_of(root, (*where, "params", *first["loc"])),
            f"bad parameters for check '{rule.check}' in {rule.code}: {_explain(first)}",
        ) from None
    _check_placeholders(path, rule, kind.PLACEHOLDERS, line_of(root, (*where, "message")))
    _check_concepts(path, rule, root, where)
    return rule


def _check_concepts(path: Path, rule: Rule, root: Node, where: tuple) -> None:
    """A concept id the lexicon does not define would make the rule fire on every plan: refuse it."""
    from audit.text.lexicon import load_lexicon

    known = load_lexicon().concepts
    named = rule.params.model_dump()
    for key in ("concept", "concepts"):
        values = named.get(key) or []
        for index, concept in enumerate([values] if isinstance(values, str) else values):
            if concept not in known:
                loc = (*where, "params", key) if isinstance(values, str) else (*where, "params", key, index)
                raise PackError(path, line_of(root, loc), f"{rule.code}: concept '{concept}' is not in the lexicon ({load_lexicon().path})")


def _check_placeholders(path: Path, rule: Rule, allowed: tuple[str, ...], line: int) -> None:
    for lang in ("vi", "en"):
        try:
            names = {name for _, name, _, _ in string.Formatter().parse(rule.message.get(lang)) if name is not None}
        except ValueError as error:
            raise PackError(path, line, f"message.{lang} of {rule.code}: {error}") from None
        unknown = sorted(names - set(allowed))
        if unknown:
            raise PackError(
                path, line,
                f"message.{lang} of {rule.code} uses {{{unknown[0]}}}, which check '{rule.check}' does not fill "
                f"(it fills: {', '.join('{' + p + '}' for p in allowed) or 'nothing'})",
            )


def _explain(error: dict) -> str:
    """A pydantic error as one line a pack author understands."""
    loc = ".".join(str(part) for part in error["loc"])
    if error["type"] == "missing":
        return f"'{loc}' is required"
    if error["type"] == "extra_forbidden":
        return f"unknown key '{loc}'"
    message = error["msg"].removeprefix("Value error, ")
    return f"{loc}: {message}" if loc else message


def _line(rule: Rule) -> int | None:
    return int(rule.source.rsplit(":", 1)[1]) if ":" in rule.source else None
