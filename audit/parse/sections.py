"""The section tree: "I." / "1." / "3.1." / "a)" headings, each tagged with a canonical kind.

A plan without Roman numerals starts at "1."; a heading's rank comes from its marker type, so the
tree is right whichever levels a plan uses. Kinds come from the title's opening words, for each
part of a merged title ("NỘI DUNG, HÌNH THỨC TUYÊN TRUYỀN" is noi_dung and hinh_thuc).
"""

from __future__ import annotations

import re
from functools import lru_cache

from audit.model import Line, Section
from audit.base.normalize import SEEN_LINES, fold

_HEADING_RES = [
    ("roman", re.compile(r"^(?P<m>[IVX]{1,5})\s*[.)]\s*(?P<t>\S.*)$")),
    ("dieu", re.compile(r"^Điều\s+(?P<m>\d{1,2})\s*[.:]\s*(?P<t>.*)$")),
    ("decimal", re.compile(r"^(?P<m>\d{1,2}(?:\.\d{1,2})+)\.?\s+(?P<t>\S.*)$")),
    ("arabic", re.compile(r"^(?P<m>\d{1,2})\s*[.)]\s*(?P<t>[^\d\s].*)$")),
    ("letter", re.compile(r"^(?P<m>[a-zđ])\s*\)\s*(?P<t>\S.*)$")),
]
_RANK = {"roman": 0, "dieu": 1, "arabic": 2, "decimal": 3, "letter": 4}

# Opening words of a title part, folded, and the kind they give.
_KIND_STARTS: list[tuple[str, str]] = [
    ("muc dich", "muc_dich"), ("yeu cau", "yeu_cau"), ("doi tuong", "doi_tuong"),
    ("noi dung", "noi_dung"), ("hinh thuc", "hinh_thuc"), ("bien phap", "hinh_thuc"),
    ("phuong thuc", "hinh_thuc"), ("to chuc thuc hien", "to_chuc_thuc_hien"),
    ("trach nhiem thuc hien", "to_chuc_thuc_hien"), ("phan cong", "to_chuc_thuc_hien"),
    ("trach nhiem cua cac", "to_chuc_thuc_hien"), ("nhiem vu cua cac", "to_chuc_thuc_hien"),
    ("co quan thuc hien ke hoach", "to_chuc_thuc_hien"), ("thoi gian", "thoi_gian"),
    ("tien do", "thoi_gian"), ("kinh phi", "kinh_phi"), ("san pham", "san_pham"),
    ("ket qua du kien", "san_pham"), ("phu luc", "phu_luc"),
]
_FILLER = re.compile(r"^(mot so|cac|nhung)\s+")


def _may_open_heading(first: str) -> bool:
    """Whether a heading marker can start with `first` (what each of `_HEADING_RES` opens with:
    I V X, "Đ" of "Điều", a digit as `\\d` reads it, a lower-case letter): most lines start with
    none, and one test spares them five searches."""
    return first in "IVXĐđ" or "a" <= first <= "z" or first.isdecimal()


def heading_of(line: Line) -> tuple[str, str, str] | None:
    """(marker type, marker, title) when the line is a numbered heading."""
    return None if line.cells else _heading(line.text)


@lru_cache(maxsize=SEEN_LINES)  # asked of each line by several parsers, and plans repeat lines
def _heading(text: str) -> tuple[str, str, str] | None:
    if not text or not _may_open_heading(text[0]):
        return None
    for kind, pattern in _HEADING_RES:
        m = pattern.match(text)
        if m:
            return kind, m.group("m"), m.group("t").strip().rstrip(":").strip("*").strip()
    return None


def is_sentence(title: str) -> bool:
    """Whether a numbered heading's title is a sentence: a numbered paragraph, not a title."""
    return len(title.split()) >= 12


@lru_cache(maxsize=SEEN_LINES)  # plans copy their parents' and each other's headings
def kinds_of(title: str) -> tuple[str, ...]:
    """Canonical kinds named by a heading's title, in order."""
    # What follows a colon is content ("Sản phẩm, kết quả dự kiến: Tổ chức 02 đợt tập huấn ...");
    # a long title is a numbered paragraph, whose later words ("... và tổ chức thực hiện") name no kind.
    folded = fold(title).split(":")[0]
    parts = re.split(r",|;|\bva\b|\s[-–]\s|/", folded)
    if len(folded) > 80:
        parts = parts[:1]
    kinds: list[str] = []
    for part in parts:
        part = _FILLER.sub("", part.strip(" .:*"))
        for start, kind in _KIND_STARTS:
            if part.startswith(start) and kind not in kinds:
                kinds.append(kind)
                break
    return tuple(kinds)


def parse_sections(lines: list[Line], last_line: int) -> list[Section]:
    """The heading tree of the body lines; `last_line` closes the last sections."""
    roots: list[Section] = []
    stack: list[tuple[int, Section]] = []
    for line in lines:
        heading = heading_of(line)
        if heading is None:
            continue
        marker_type, marker, title = heading
        rank = _RANK[marker_type]
        while stack and stack[-1][0] >= rank:
            stack.pop()[1].end_line = line.number - 1
        kinds = kinds_of(title)
        section = Section(
            marker=marker, title=title, kind=kinds[0] if kinds else "other", kinds=list(kinds),
            depth=len(stack), line=line.number, end_line=last_line,
        )
        (stack[-1][1].children if stack else roots).append(section)
        stack.append((rank, section))
    return roots


def walk(sections: list[Section]):
    """Every section, depth first, with the kinds in force (its own, or its nearest ancestor's)."""
    def visit(section: Section, inherited: list[str]):
        in_force = section.kinds or inherited
        yield section, in_force
        for child in section.children:
            yield from visit(child, in_force)

    for section in sections:
        yield from visit(section, [])


def section_spans(sections: list[Section]) -> list[tuple[int, int, list[str]]]:
    """(first line, last line, kinds in force) of every section, depth first: walk the tree once
    when asking about many lines."""
    return [(section.line, section.end_line, in_force) for section, in_force in walk(sections)]


def kinds_in(spans: list[tuple[int, int, list[str]]], line: int) -> list[str]:
    found: list[str] = []
    for first, last, in_force in spans:
        if first <= line <= last:
            found = in_force
    return found
