"""Preamble citations (the plan's basis links) and body mentions (every other document named).

    Thực hiện Kế hoạch số 1183/KH-UBND ngày 08/4/2022 của UBND tỉnh Tây Ninh về ...;   -> thuc_hien
    Căn cứ Quyết định số 2818/QĐ-UBND ngày 20/01/2021 của Ủy ban nhân dân tỉnh ...     -> can_cu
    Kế hoạch số 89/KH-UBND ngày 13/01/2021 ...   (a line of a "Căn cứ" block without the words)

A citation may be hard-wrapped over several lines, and several may share one sentence split by ";".
"""

from __future__ import annotations

import re

from audit.model import Citation, DocRef, Line
from audit.parse.docref import DATE_RE, RefMatch, date_from_match, find_refs

_RELATION_RE = re.compile(r"^\W*(thực hiện|căn cứ|theo đề nghị|xét đề nghị)\b", re.IGNORECASE)
_RELATIONS = {"thực hiện": "thuc_hien", "căn cứ": "can_cu"}  # a proposal ("Theo đề nghị ...") is no basis
# A law is cited by name and date, without a number: "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015".
_LAW_RE = re.compile(
    r"^\W*(?:căn cứ\s+)?(?P<type>Luật|Bộ luật|Pháp lệnh|Hiến pháp)\s+(?P<name>[^;]+?)"
    r"(?:\s+ngày\s+(?P<date>\d{1,2}\s*(?:/|tháng)\s*\d{1,2}\s*(?:/|năm)\s*\d{4}))?\s*[;.,]?$",
    re.IGNORECASE,
)
_STATEMENT_RE = re.compile(
    r"(?P<body>(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Sở|Ban|Phòng|Văn phòng|Trung tâm|Bộ)\b[^,;.]{0,80}?)"
    r"(?:\s*\([^)]*\))?\s+(?:xây dựng|ban hành)\s+(?:kế hoạch|Kế hoạch)",
)


def logical_paragraphs(lines: list[Line]) -> list[tuple[str, list[tuple[int, int]]]]:
    """Join hard-wrapped lines into paragraphs; each comes with (offset, line number) marks."""
    paragraphs: list[tuple[str, list[tuple[int, int]]]] = []
    text, marks = "", []
    for line in lines:
        if not line.text:
            continue
        starts_new = _RELATION_RE.match(line.text) or line.text[:1] in "-+" or text.endswith((";", ".", ":"))
        if text and starts_new:
            paragraphs.append((text, marks))
            text, marks = "", []
        marks.append((len(text) + (1 if text else 0), line.number))
        text = f"{text} {line.text}" if text else line.text
    if text:
        paragraphs.append((text, marks))
    return paragraphs


def line_at(marks: list[tuple[int, int]], offset: int) -> int:
    number = marks[0][1]
    for start, line_number in marks:
        if start > offset:
            break
        number = line_number
    return number


def parse_preamble(lines: list[Line]) -> tuple[list[Citation], list[DocRef], tuple[str, int] | None]:
    """Citations and the other references of the preamble, and the plan's own statement
    ("UBND xã Định Biên xây dựng kế hoạch ...") which names its issuer."""
    citations: list[Citation] = []
    others: list[DocRef] = []
    statement: tuple[str, int] | None = None
    relation = None
    for text, marks in logical_paragraphs(lines):
        for clause_start, clause in _clauses(text):
            m = _RELATION_RE.match(clause)
            if m:
                relation = _RELATIONS.get(m.group(1).lower())
            refs = find_refs(clause)
            if not refs and relation:
                law = _law(clause, relation, line_at(marks, clause_start))
                citations.extend([law] if law else [])
            for i, ref in enumerate(refs):
                line = line_at(marks, clause_start + ref.start)
                if relation and (i == 0 or _is_coordinate(clause, refs[i - 1], ref)):
                    citations.append(Citation(relation=relation, **_fields(clause, ref, line)))
                else:
                    others.append(DocRef(**_fields(clause, ref, line)))
            # The plan's own statement follows its citations: "…; UBND xã Định Biên xây dựng kế hoạch".
            after = refs[-1].subject_end if refs else 0
            sm = _STATEMENT_RE.search(clause, after)
            if sm and statement is None:
                statement = (sm.group("body").strip(), line_at(marks, clause_start + sm.start()))
    return citations, others, statement


def _law(clause: str, relation: str, line: int) -> Citation | None:
    m = _LAW_RE.match(clause.strip())
    if not m:
        return None
    found = DATE_RE.search(m.group("date") or "")
    when, written = date_from_match(found) if found else (None, None)
    return Citation(relation=relation, doc_type="Luật", subject=m.group("name").strip(), date=when,
                    date_text=written, line=line, text=clause.strip())


def _clauses(text: str) -> list[tuple[int, str]]:
    out, start = [], 0
    for m in re.finditer(r";\s*", text):
        out.append((start, text[start : m.start()]))
        start = m.end()
    out.append((start, text[start:]))
    return [(s, c) for s, c in out if c.strip()]


def _is_coordinate(clause: str, previous: RefMatch, ref: RefMatch) -> bool:
    """A second reference in one clause is a citation of its own when it is joined to the first
    ("... của Chính phủ và Quyết định số ..."), not named inside the first's subject."""
    between = clause[previous.end : ref.start]
    return re.search(r"\b(về|v/v|ban hành|thực hiện|triển khai)\b", between, re.IGNORECASE) is None


def _fields(clause: str, ref: RefMatch, line: int) -> dict:
    return dict(
        doc_type=ref.doc_type, number=ref.number, symbol=ref.symbol, number_year=ref.number_year,
        date=ref.date, date_text=ref.date_text, issuer=ref.issuer, subject=ref.subject,
        line=line, text=clause[ref.start : ref.subject_end].strip(),
    )


def parse_mentions(lines: list[Line]) -> list[DocRef]:
    """Every document reference in the given (body) lines."""
    mentions: list[DocRef] = []
    for text, marks in logical_paragraphs(lines):
        for ref in find_refs(text):
            mentions.append(DocRef(**_fields(text, ref, line_at(marks, ref.start))))
    return mentions
