"""Units and their tasks: who does what in "Tổ chức thực hiện".

    IV. TỔ CHỨC THỰC HIỆN
    1. Phòng Văn hóa và Thông tin huyện          <- a unit heading
    - Chủ trì, tham mưu UBND huyện ...          <- its task, role chu_tri
    6. Đề nghị Ủy ban Mặt trận Tổ quốc xã       <- role de_nghi

Also "a) Cơ quan thực hiện: X" / "b) Cơ quan phối hợp: Y" inside content sections, and bullets
that open with a unit ("- Văn phòng Sở Xây dựng chủ trì phối hợp ...").
"""

from __future__ import annotations

import re

from audit.model import Line, Section, Task, Unit
from audit.parse.sections import heading_of, is_sentence, walk
from audit.parse.terms import ACT
from audit.base.normalize import fold

# Words that open a unit's name; those opening other phrases too say which ("Báo cáo" is a report,
# "Ban hành" to issue, "Phòng, chống" prevention, "Trường hợp" a case).
ORG_WORDS = (
    r"Ủy ban|Uỷ ban|UBND|Hội đồng|HĐND|Sở|Phòng(?!,? chống)|Ban(?! hành)|Văn phòng|Trung tâm|Công chức|Cán bộ|Đài|"
    r"Thủ trưởng|Chủ tịch|Báo(?! cáo)|Công an|Hội|Đoàn|Mặt trận|Bộ phận|Các cơ quan|Các bộ|Các sở|Các phòng|Các ban|"
    r"Cơ quan|Chánh Văn phòng|Ủy ban Mặt trận|Tổ trưởng|Trưởng các|Trưởng thôn|Trưởng ban|Liên đoàn|Tỉnh đoàn|Huyện đoàn|Công đoàn|Chi cục|Cục|Viện|Trường(?! hợp)"
)
# What may stand before a unit heading's name: a request, or "Trách nhiệm của" (its duties).
_UNIT_PREFIX = r"(?:Đề nghị|(?:Trách nhiệm|Nhiệm vụ)(?: chung)? của)\s+"
_ORG_RE = re.compile(rf"^(?:{ORG_WORDS})\b")
_ROLE_LINE_RE = re.compile(r"^(?:[a-zđ]\)\s*)?Cơ quan (thực hiện|chủ trì|phối hợp)\s*:\s*(?P<names>.+)$", re.IGNORECASE)
_BULLET_UNIT_RE = re.compile(
    rf"^[-+•]\s*(?P<name>(?:{ORG_WORDS})\b.{{0,90}}?)\s+"
    r"(?P<verb>chủ trì|phối hợp|tổ chức|có trách nhiệm|triển khai|tham mưu|chỉ đạo|hướng dẫn|thực hiện)\b"
)
# "Văn phòng HĐND và UBND huyện, Phòng Văn hoá và Thông tin huyện": names part at a comma
# followed by a unit word; "và" often joins words inside one name, so it never splits.
_SPLIT_NAMES = re.compile(rf",\s*(?=(?:{ORG_WORDS})\b)")


def role_of(text: str) -> str:
    lowered = text.lower().lstrip("-+• ")
    if lowered.startswith("chủ trì"):
        return "chu_tri"
    if lowered.startswith("phối hợp"):
        return "phoi_hop"
    return "thuc_hien"


def parse_units(lines: list[Line], sections: list[Section]) -> list[Unit]:
    units: dict[str, Unit] = {}
    by_number = {line.number: line for line in lines}
    for section, kinds in walk(sections):
        if ("to_chuc_thuc_hien" in kinds and section.kinds != ["to_chuc_thuc_hien"] and _unit_name(section.title)
                and not _is_paragraph(section.title)):
            _unit_from_heading(section, by_number, units)
    for line in lines:
        _units_from_role_line(line, units)
    if not any(u.tasks for u in units.values()):
        for section, _ in walk(sections):
            if "to_chuc_thuc_hien" in section.kinds:
                _units_from_bullets(section, by_number, units)
    return list(units.values())


def _add(units: dict[str, Unit], name: str, line: int) -> Unit:
    name = re.sub(r"\s+", " ", name).strip(" .,:;*")
    key = fold(name)  # "Phòng Văn hoá" and "Phòng Văn hóa" are one unit
    if key not in units:
        units[key] = Unit(name=name, line=line)
    return units[key]


# A row of a list's table asks something when a cell acts: not a header ("| STT | Nhiệm vụ |") nor
# a quota row ("| 1 | Thị trấn Cửa Rạch | 06 |"), whose duty is the line pointing to the table.
_ROW_ACT = re.compile(rf"\b(?:{ACT})\b")


def is_task_line(line: Line) -> bool:
    return not line.cells or any(_ROW_ACT.search(fold(cell)) for cell in line.cells[1:])


def _is_paragraph(title: str) -> bool:
    """A numbered paragraph opening with its doer ("4. Các bộ, ... gửi về Bộ Nội vụ trước ngày
    15/12."): a duty of its own, not a unit's heading over its tasks."""
    return is_sentence(title) and title.rstrip(" *").endswith(".")


def _unit_name(title: str) -> str:
    """The unit a heading names ("Trách nhiệm chung của các sở, ban, ngành"), "" for other titles."""
    name = re.sub(rf"^{_UNIT_PREFIX}", "", title, flags=re.IGNORECASE)
    return name if _ORG_RE.match(name[:1].upper() + name[1:]) else ""


def _unit_from_heading(section: Section, by_number: dict[int, Line], units: dict[str, Unit]) -> None:
    de_nghi = section.title.lower().startswith("đề nghị")
    unit = _add(units, _unit_name(section.title), section.line)
    if de_nghi:
        unit.roles.append("de_nghi")
    # Its tasks: the lines before its first sub-heading, and numbered paragraphs ("1. Hằng quý,
    # biên soạn và gửi tài liệu ...") wherever they stand.
    end = min((child.line for child in section.children if not is_sentence(child.title)), default=section.end_line + 1) - 1
    for number in range(section.line + 1, end + 1):
        line = by_number.get(number)
        if line and line.text and is_task_line(line) and ((heading := heading_of(line)) is None or is_sentence(heading[2])):
            role = "de_nghi" if de_nghi else role_of(line.text)
            unit.tasks.append(Task(text=line.text.lstrip("-+• ").strip(), line=number, role=role))
            if role not in unit.roles:
                unit.roles.append(role)


def _units_from_role_line(line: Line, units: dict[str, Unit]) -> None:
    m = _ROLE_LINE_RE.match(line.text)
    if not m:
        return
    role = "phoi_hop" if m.group(1).lower() == "phối hợp" else "chu_tri"
    for name in _SPLIT_NAMES.split(m.group("names")):
        if name.strip(" .,"):
            unit = _add(units, name, line.number)
            if role not in unit.roles:
                unit.roles.append(role)


def _units_from_bullets(section: Section, by_number: dict[int, Line], units: dict[str, Unit]) -> None:
    for number in range(section.line + 1, section.end_line + 1):
        line = by_number.get(number)
        m = _BULLET_UNIT_RE.match(line.text) if line else None
        if m:
            unit = _add(units, m.group("name"), number)
            role = "chu_tri" if m.group("verb") == "chủ trì" else "thuc_hien"
            unit.tasks.append(Task(text=line.text.lstrip("-+• "), line=number, role=role))
            if role not in unit.roles:
                unit.roles.append(role)
