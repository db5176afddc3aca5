"""The pydantic models that every stage hands to the next: the contract of the pipeline.

file --read--> SourceText --parse--> Plan --match--> Plan.concepts
rule packs --load--> Rule --engine(plan, parent, graph)--> [Finding] --report--> output

Line numbers are 1-based and count lines as the reviewer sees them in the source: lines of a text
file, or paragraphs and table rows of a .docx, or text lines of a PDF page in reading order.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Literal, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PrivateAttr

from audit.base.normalize import visible_path

# A file's path as every report prints it: control characters in a file name shown as symbols.
ShownPath = Annotated[str, AfterValidator(visible_path)]

Level = Literal["trung_uong", "tinh", "so", "huyen", "xa"]
Relation = Literal["thuc_hien", "can_cu"]
SectionKind = Literal[
    "muc_dich", "yeu_cau", "doi_tuong", "noi_dung", "hinh_thuc", "to_chuc_thuc_hien",
    "thoi_gian", "kinh_phi", "san_pham", "phu_luc", "other",
]
Role = Literal["chu_tri", "phoi_hop", "de_nghi", "thuc_hien"]
Frequency = Literal["ngay", "tuan", "2_tuan", "thang", "2_thang", "quy", "6_thang", "nam"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")

    def __reduce__(self):
        # A corpus run pickles every plan (about 330 models) into its cache, its spool and between
        # processes. Pydantic's own pickling calls __getstate__ and __setstate__ (Python, a state dict
        # each) per model; this keeps its four attributes, already validated, at half the cost.
        return trusted, (type(self), self.__dict__, self.__pydantic_fields_set__, self.__pydantic_extra__,
                         self.__pydantic_private__)


M = TypeVar("M", bound=Model)
_set = object.__setattr__  # pydantic's own __setattr__ validates; this one sets the attribute as given


def trusted(cls: type[M], values: dict, fields_set: set[str] | None = None, extra: dict | None = None,
            private: dict | None = None) -> M:
    """A model of class `cls` holding `values`, one for every field, as they are: without validation,
    so only for values that our own code made of the fields' types (2.2 µs a `Line` validated, 1.0
    trusted). `fields_set`: the fields given explicitly (all of `values` when None)."""
    model = cls.__new__(cls)
    _set(model, "__dict__", values)
    _set(model, "__pydantic_fields_set__", set(values) if fields_set is None else fields_set)
    _set(model, "__pydantic_extra__", extra)
    _set(model, "__pydantic_private__", private)
    return model


# --- reading -------------------------------------------------------------------------------


class Line(Model):
    """One line of the source as the reviewer sees it, with Markdown marks removed from `text`."""

    number: int
    text: str
    raw: str = ""
    cells: list[str] | None = None  # table rows: the cells, left to right
    bold: bool = False  # a Markdown **…** or # heading, or a bold .docx paragraph
    page: int | None = None  # the PDF page the line is on (1-based); None for other formats
    ocr: bool = False  # read by OCR from a scanned page: its text may hold misread letters


class SourceText(Model):
    path: ShownPath
    format: Literal["text", "markdown", "docx", "pdf", "doc", "odt", "rtf", "html"]
    encoding: str | None = None
    lines: list[Line]


# --- parsing -------------------------------------------------------------------------------


class DocRef(Model):
    """A reference to a document: "Kế hoạch số 1183/KH-UBND ngày 08/4/2022 của UBND tỉnh Tây Ninh"."""

    doc_type: str | None = None  # type code of Nghị định 30/2020: KH, QĐ, NQ, CT, NĐ, TT, ...
    number: str | None = None  # the written digits: "02", "1183"
    symbol: str | None = None  # "KH-UBND", "NĐ-CP", "NQ/TW"
    number_year: int | None = None  # the year written inside the number: 61/2018/NĐ-CP
    date: dt.date | None = None
    date_text: str | None = None  # the date as written, kept when it cannot be read fully
    issuer: str | None = None
    subject: str | None = None
    line: int
    text: str

    @property
    def reference(self) -> str | None:
        """The number and symbol as one would write them: "61/2018/NĐ-CP", "18-NQ/TW"."""
        if self.symbol is None:
            return None
        if "/" in self.symbol and not self.number_year:  # party style: 18-NQ/TW
            return f"{self.number or ''}-{self.symbol}"
        year = f"{self.number_year}/" if self.number_year else ""
        return f"{self.number or ''}/{year}{self.symbol}"


class Citation(DocRef):
    """A basis link of the preamble: the plan implements (thuc_hien) or rests on (can_cu) it."""

    relation: Relation


class Header(Model):
    doc_type: str | None = None
    number: str | None = None
    symbol: str | None = None
    date: dt.date | None = None
    place: str | None = None
    issuer: str | None = None
    level: Level | None = None
    year: int | None = None
    title: str | None = None
    parent_body: str | None = None  # the line above the issuer in the header ("UBND HUYỆN ĐỊNH HÓA")
    national_motto: bool = False  # Quốc hiệu and Tiêu ngữ present
    date_text: str | None = None
    lines: dict[str, int] = Field(default_factory=dict)  # field name -> source line

    @property
    def plan_year(self) -> int | None:
        """The year the plan is for: its own year, else its date's (a year-less "trước ngày 15/12")."""
        return self.year or (self.date.year if self.date else None)


class Section(Model):
    """A numbered or marked heading and what lies under it, up to the next heading of its rank."""

    marker: str  # "I", "2", "3.1", "a", or "" for an unnumbered bold heading
    title: str
    kind: SectionKind = "other"
    kinds: list[SectionKind] = Field(default_factory=list)  # all kinds a merged title names
    depth: int = 0
    line: int
    end_line: int
    children: list[Section] = Field(default_factory=list)


class Task(Model):
    text: str
    line: int
    role: Role = "thuc_hien"


class Unit(Model):
    """A unit named in Tổ chức thực hiện (or as "Cơ quan thực hiện"), with the tasks given to it."""

    name: str
    line: int
    roles: list[Role] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)


class TimelineEntry(Model):
    kind: Literal["quarter", "month", "deadline", "recurring", "year", "period"]
    value: str  # "Q1/2022", "2022-02-28", "thuong_xuyen", "2024", "6 tháng"
    line: int
    text: str


class Table(Model):
    columns: list[str]
    rows: list[dict[str, str]]
    line: int
    row_lines: list[int] = Field(default_factory=list)


class Appendix(Model):
    title: str
    line: int
    attached_to: DocRef | None = None  # "(Kèm theo Kế hoạch số ... ngày ...)"
    tables: list[Table] = Field(default_factory=list)


class Recipient(Model):
    text: str
    line: int


class Signer(Model):
    prefix: str | None = None  # TM., KT., Q., TL., TUQ.
    authority: str | None = None  # on whose behalf: "UBND XÃ ĐỊNH BIÊN", "GIÁM ĐỐC"
    position: str | None = None
    name: str | None = None
    line: int


class Evidence(Model):
    line: int
    text: str
    matched: str | None = None
    score: float | None = None


class ConceptHit(Model):
    id: str
    evidence: list[Evidence]


# --- what a sentence states of a duty (parse/terms.py) -----------------------------------------


class Quantity(Model):
    """"ít nhất 02 tin, bài mỗi tháng": 2 of "tin" a month (`per`: None for a total)."""

    amount: int
    noun: str  # the counted noun's head word, folded: "tin", "lop", "chuyen"
    also: list[str] = Field(default_factory=list)  # heads counted with it: "12 chương trình, phóng sự"
    per: Frequency | None = None
    text: str


class Deadline(Model):
    """A "by" date, for the levels named before it in its sentence ([]: for everyone addressed)."""

    date: dt.date
    levels: list[Level] = Field(default_factory=list)
    text: str
    monthly: bool = False  # "trước ngày 25 hằng tháng": `date` holds the day, in January


class Terms(Model):
    """How much, how often, by when and for whom a sentence says a duty is done."""

    quantities: list[Quantity] = Field(default_factory=list)
    frequency: Frequency | None = None
    deadlines: list[Deadline] = Field(default_factory=list)
    recipients: list[str] = Field(default_factory=list)  # as written: "Sở Nội vụ", "UBND huyện"


class Addressee(Model):
    """Whom a duty is for: every body of a level, one body by name, or everyone the plan addresses."""

    level: Level | None = None
    name: str | None = None
    general: bool = False
    role: Role = "thuc_hien"


class Obligation(Model):
    """One duty a plan gives to others: a task of a unit block, an item of a list a lead-in sentence
    binds to units, a row of the appendix's task table, a sentence naming a unit."""

    text: str
    line: int
    lead_line: int | None = None  # the unit heading, lead-in sentence or table that binds it
    addressees: list[Addressee]
    terms: Terms = Field(default_factory=Terms)
    source: Literal["unit", "lead_in", "table", "sentence", "named", "block"]


class Plan(Model):
    path: ShownPath
    format: str
    encoding: str | None = None
    header: Header
    citations: list[Citation] = Field(default_factory=list)
    mentions: list[DocRef] = Field(default_factory=list)
    preamble: tuple[int, int] | None = None  # first and last line of the preamble
    sections: list[Section] = Field(default_factory=list)
    units: list[Unit] = Field(default_factory=list)
    timeline: list[TimelineEntry] = Field(default_factory=list)
    appendix: Appendix | None = None
    recipients: list[Recipient] = Field(default_factory=list)
    signer: Signer | None = None
    concepts: list[ConceptHit] = Field(default_factory=list)
    obligations: list[Obligation] = Field(default_factory=list)
    kind: str = "plan"  # "plan", or what the document is instead ("cong_van", "bao_cao", "fragment"; parse/kind.py)
    lines: list[Line] = Field(default_factory=list, exclude=True)
    _text_by_number: dict[int, str] | None = PrivateAttr(default=None)

    def line_text(self, number: int) -> str:
        """The text of source line `number` (1-based), or "" if there is none."""
        if self._text_by_number is None:  # built once: graph and checks ask for many lines
            self._text_by_number = {line.number: line.text for line in self.lines}
        return self._text_by_number.get(number, "")

    def concept(self, concept_id: str) -> ConceptHit | None:
        return next((c for c in self.concepts if c.id == concept_id), None)


# --- auditing ------------------------------------------------------------------------------


class Severity(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"

    @property
    def rank(self) -> int:
        return {"info": 1, "warning": 2, "error": 3}[self.value]


class Finding(Model):
    """One problem, for every rule of the tool: a gap, a slip, a bad input."""

    rule: str
    severity: Severity
    message: str
    path: ShownPath
    line: int | None = None
    concept: str | None = None
    evidence: str | None = None
    parent_path: ShownPath | None = None
    parent_line: int | None = None
    parent_text: str | None = None
    suggestion: str | None = None
    fingerprint: str = ""
    waived: bool = False
    waiver_reason: str | None = None
    # Where a reader finds the line when the viewer shows no line numbers (audit/engine/where.py): the
    # PDF page, or a .docx's section and paragraph, in the run's language. Absent from JSON when unknown.
    page: int | None = Field(default=None, exclude_if=lambda value: value is None)
    where: str | None = Field(default=None, exclude_if=lambda value: value is None)


# --- the corpus ----------------------------------------------------------------------------


class DocumentKey(Model):
    """What identifies an issued document: number and symbol, date (or at least the year) and
    issuer. A plan's own key comes from its header; a cited document's from the citation."""

    doc_type: str | None = None
    number: str | None = None  # the written digits: "05"
    symbol: str | None = None  # "KH-UBND"
    reference: str | None = None  # as written together: "05/KH-UBND"
    date: dt.date | None = None
    year: int | None = None  # the date's year, or the year written in the number
    issuer: str | None = None


# --- tracing a plan against its parent ------------------------------------------------------


class Requirement(Model):
    """Something the parent plan asks of the child: a concept to cover, a task given to the child's
    level (or to the child by name), a reporting duty. `weight` says how firmly it was asked:
    "assigned" (a task given to the child) weighs more than "listed" (named in the parent's content)."""

    id: str  # stable within one parent: "concept:channel.zalo:149", "task:149", "report:151"
    category: Literal["concept", "task", "report"]
    concept: str | None = None
    weight: Literal["assigned", "listed"] = "listed"
    text: str  # the parent's wording
    parent_line: int
    alternatives: list[str] = Field(default_factory=list)  # "sân khấu hóa hoặc hội thi": either serves
    item: str | None = None  # the one kind of the concept asked for by name: "pano" of visual campaigns
    parent_path: ShownPath | None = None  # which parent asks, when a plan has several
    terms: Terms = Field(default_factory=Terms)  # the parent's terms that apply to the child


Status = Literal["covered", "partly", "missing", "declined", "not_judged"]
Shortfall = Literal["quantity", "frequency", "deadline", "recipient", "defunct_recipient"]


class Commitment(Model):
    """A line of the child that takes up a requirement, with what it states; `declined` when it
    refuses, postpones or makes the duty conditional."""

    line: int
    text: str
    declined: bool = False
    terms: Terms = Field(default_factory=Terms)


class Coverage(Model):
    """A requirement and how the child meets it: its status, the child's evidence lines and the
    terms where the child commits to less than asked (`shortfalls`, each with the child's line)."""

    requirement: Requirement
    status: Status
    evidence: list[Evidence] = Field(default_factory=list)
    commitment: Commitment | None = None
    shortfalls: list[Shortfall] = Field(default_factory=list)

    @property
    def covered(self) -> bool:
        """Met, fully or in part (shortfalls are reported on their own); "not judged" is not met."""
        return self.status in ("covered", "partly")
