"""The duties a plan gives to others, from every structure real plans use.

    5. Ủy ban nhân dân các xã, thị trấn               <- a unit block: each task below is for cấp xã
    - Phát tin trên đài truyền thanh ...

    Các sở, UBND cấp huyện và cấp xã thực hiện các hình thức sau:   <- a lead-in sentence binding
    a) Tuyên truyền trên Cổng TTĐT ...                                 units to the list below it,
    * Đối với cấp xã:                                                   across sub-headings, until
    - Treo băng rôn tại trụ sở ...                                      its section ends; a scope
                                                                        header ("Đối với cấp xã:")
                                                                        rebinds what follows
    | Nội dung | Đơn vị chủ trì | Phối hợp | Thời gian |             <- an appendix task table: the
                                                                        lead unit (chủ trì) binds
    Thí điểm mô hình ... tại xã Tân Phú                               <- a sentence naming a unit

A line that only names whom the items after it are for is a binder, never a duty itself; an item
that opens with another unit as its subject ("- Báo tỉnh mở chuyên mục ...") is that unit's duty.
Each duty carries what its own line states of quantity, frequency, deadline and recipient
(terms.py). Who among the addressees a child plan is, is the trace's question (trace/requirements.py).
"""

from __future__ import annotations

import datetime as dt
import re

from audit.model import Addressee, Appendix, Line, Obligation, Section, Table, Terms, Unit
from audit.parse.closing import parse_tables
from audit.parse.sections import heading_of, is_sentence, walk
from audit.parse.terms import ACT, address_spans, from_issue, read_terms, ubnd
from audit.parse.units import ORG_WORDS, is_task_line
from audit.base.normalize import fold

_NOT_ORG = r"(?!Hội (?:nghị|thi|thảo|diễn)|Báo cáo|Ban hành|Cơ quan báo chí)"
_ORG_START = re.compile(rf"^(?:[-+•*]\s*)?(?:Đối với\s+|Giao\s+|Đề nghị\s+|Yêu cầu\s+)?{_NOT_ORG}(?P<org>(?:{ORG_WORDS})\b[^:;,.]{{0,80}}?)"
                        r"(?=\s+(?:chủ trì|phối hợp|tổ chức|có trách nhiệm|triển khai|tham mưu|thực hiện|"
                        r"chỉ đạo|hướng dẫn|xây dựng|duy trì|mở|đăng|phát|in|cử|bố trí|căn cứ|tăng cường|"
                        r"đẩy mạnh|rà soát|theo dõi|tuyên truyền|phát hành)\b|\s*:\s*$)")
_NAMED = re.compile(r"\b(?P<name>(?:xã|phường|thị trấn|đặc khu|huyện|thị xã|quận)\s+"
                    r"(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*)(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){0,3})")
# A level narrowed to the units a parenthesis names: "các sở được giao chủ trì lĩnh vực (cải cách thể
# chế: Sở Tư pháp; cải cách tài chính công: Sở Tài chính)" binds those two, not every sở.
_CHOSEN = re.compile(r"\bđược (?:giao|phân công)\b[^(:]{0,80}\((?P<names>[^)]*\b(?:Sở|Ban|Phòng)\b[^)]*)\)")
_NAME_IN_LIST = re.compile(rf"(?<![\w])(?:{ORG_WORDS})\b[^;:,()]*")


def _chosen(text: str) -> list[Addressee] | None:
    chosen = _CHOSEN.search(text)
    return [Addressee(name=m.group().strip()) for m in _NAME_IN_LIST.finditer(chosen["names"])] if chosen else None
_UNIT_TITLE = re.compile(rf"^(?:Đề nghị\s+)?{_NOT_ORG}(?:{ORG_WORDS})\b[^:;.]{{0,90}}$")
_ACT_RE = re.compile(rf"\b(?:{ACT}|thi diem|chu tri|xay dung mo hinh|bao cao)\b|[:;] trach nhiem cua\b")
_TABLE_LEAD = ("chu tri", "don vi thuc hien", "co quan thuc hien", "don vi thuc hien chinh")
_TABLE_TASK = ("noi dung", "nhiem vu", "hoat dong", "ten nhiem vu", "cong viec", "chu de")
_TABLE_TERMS = ("thoi gian", "thoi han", "san pham", "ket qua", "tien do", "so luong")
_TABLE_TIMES = ("thoi gian", "thoi han", "tien do")


def stated_times(header: list[str], row: list[str]) -> list[str]:
    """A table row's time cells as deadlines, read by the header's time columns."""
    return [_by(cell) for column, cell in zip(header, row) if fold(column).startswith(_TABLE_TIMES) and cell.strip()]


def _by(cell: str) -> str:
    """A time column's cell as a deadline: "Quý II/2024" in "Thời gian hoàn thành" is "by the end of
    quarter II", a date "30/9/2025" is "by that day"."""
    if re.match(r"(?i)\s*(trước|trong|chậm nhất|hoàn thành)", cell):
        return cell
    return f"trước ngày {cell}" if re.fullmatch(r"\s*\d{1,2}/\d{1,2}/\d{4}\s*", cell) else f"hoàn thành trong {cell}"


def parse_obligations(body: list[Line], sections: list[Section], units: list[Unit],
                      appendix: Appendix | None, year: int | None, issued: dt.date | None = None) -> list[Obligation]:
    """Every duty of the plan's body and appendix, in line order; deadlines counted from the plan's
    date (`issued`) among their terms."""
    found: dict[int, Obligation] = {}
    tables = [t for t in parse_tables(body) if _task_columns(t) or _unit_columns(t)]  # a task table says who
    for obligation in _from_units(units, year):
        found.setdefault(obligation.line, obligation)
    taken = set(found) | {unit.line for unit in units if unit.tasks} | {n for t in tables for n in [t.line, *t.row_lines]}
    binders = _binders(body, sections, taken) + _unit_lead_ins(units, body, sections)
    for obligation in _bound_items(body, sections, binders, taken, year):
        found.setdefault(obligation.line, obligation)
    taken |= {first for first, _, _ in binders}
    for obligation, fields in _task_blocks(body, taken, year):
        found.setdefault(obligation.line, obligation)
        taken |= {obligation.line, *fields}
    for obligation in _inline_fields(body, taken, year):
        found.setdefault(obligation.line, obligation)
        taken.add(obligation.line)
    aims = {n for s, kinds in walk(sections) if {"muc_dich", "yeu_cau"} & set(kinds)
            for n in range(s.line, s.end_line + 1)}
    for obligation in _from_sentences(body, set(found) | taken | aims, year):
        found.setdefault(obligation.line, obligation)
    # A duty that only points elsewhere ("Thực hiện các chỉ tiêu tại Mục V"): what it points to asks;
    # one that only urges the plan on ("Yêu cầu các cơ quan ... nghiêm túc triển khai thực hiện") asks nothing.
    obligations = sorted((o for o in found.values() if not _POINTER.search(fold(o.text)) and not _urges(o.text)),
                         key=lambda o: o.line)
    found_all = sorted(obligations + _from_tables(tables, year), key=lambda o: o.line) \
        + _from_tables(appendix.tables if appendix else [], year)
    periods = _periods(body, year)
    return [_dated(_in_period(o, periods), issued) for o in found_all]


# A line naming only a period or a time, over the duties to be done then: "**Quý II/2025**", "Tháng
# 10/2025", "Trước ngày 05/12/2025"; "Thường xuyên trong năm" ends the one before and dates nothing.
_PERIOD_TITLE = re.compile(r"(?:Quý\s+[IV]{1,3}|Tháng\s+\d{1,2}|6 tháng (?:đầu|cuối) năm)(?:/|\s+năm\s+)\d{4}"
                           r"|(?:Trước|Chậm nhất|Trong) ngày \d{1,2}/\d{1,2}/\d{4}"
                           r"|(?:Thường xuyên|Hằng tháng|Hằng quý|Cả năm)(?: trong năm)?(?: \d{4})?", re.IGNORECASE)


def _periods(body: list[Line], year: int | None) -> list[tuple[int, int, Terms]]:
    """(first line, last line, the period as terms) of each period title: it holds until the next
    period title or numbered heading."""
    titles = [line for line in body if _PERIOD_TITLE.fullmatch(line.text.strip(" *:"))]
    if not titles:
        return []
    ends = sorted({line.number for line in body if heading_of(line)} | {t.number for t in titles} | {body[-1].number + 1})
    return [(t.number, next(e for e in ends if e > t.number) - 1, read_terms(_by(t.text.strip(" *:")), year))
            for t in titles]


def _in_period(obligation: Obligation, periods: list[tuple[int, int, Terms]]) -> Obligation:
    """The duty with the deadline of the period title over it, when it states none of its own."""
    period = next((terms for first, last, terms in periods if first < obligation.line <= last), None)
    if period is None or obligation.terms.deadlines or not period.deadlines:
        return obligation
    return obligation.model_copy(update={"terms": obligation.terms.model_copy(update={"deadlines": period.deadlines})})


def _dated(obligation: Obligation, issued: dt.date | None) -> Obligation:
    """The obligation with its deadlines counted from the plan's date ("trong vòng 15 ngày kể từ
    ngày Kế hoạch này được ban hành"), if it has any."""
    terms = from_issue(obligation.terms, obligation.text, issued)
    return obligation if terms is obligation.terms else obligation.model_copy(update={"terms": terms})


def addressees_of(text: str, role: str = "thuc_hien") -> list[Addressee]:
    """Whom a unit's name or a binding phrase names: levels, everyone, or the named unit itself."""
    spans = address_spans(text)
    found = [Addressee(level=kind, role=role) if kind != "general" else Addressee(general=True, role=role)
             for _, kind in spans]
    if not spans:
        name = re.sub(r"^(?:Đối với|Giao|Đề nghị)\s+", "", text.strip(" -+•*:."), flags=re.IGNORECASE)
        found.append(Addressee(name=name, role=role))
    return list({(a.level, a.name, a.general): a for a in found}.values())


# --- unit blocks ---------------------------------------------------------------------------------


def _from_units(units: list[Unit], year: int | None):
    for unit in units:
        chosen = None
        for task in unit.tasks:
            if task.text.rstrip(" *").endswith(":"):  # it leads into the tasks below, and may narrow them
                chosen = _chosen(task.text) or _field(task.text) or chosen
                continue
            addressees = chosen or addressees_of(unit.name, task.role)
            if task.role == "de_nghi" and not any(a.level or a.general for a in addressees):
                continue  # a request to a body the plan cannot order (the Front, unions), not to a level
            yield Obligation(text=task.text, line=task.line, lead_line=unit.line, source="unit",
                             addressees=addressees, terms=read_terms(task.text, year))


# --- lead-in sentences and scope headers ---------------------------------------------------------


Binder = tuple[int, int, list[Addressee]]  # first line, last line it holds to, addressees


def _binders(body: list[Line], sections: list[Section], taken: set[int]) -> list[Binder]:
    """The lines that bind what follows them to addressees: lead-in sentences, scope headers."""
    spans = [(s.line, s.end_line) for s, _ in walk(sections)]
    found = []
    for line in body:
        addressed = _binder(line) if line.number not in taken and line.text else None
        if addressed is not None:
            found.append((line.number, _scope_end(line.number, spans, body), addressed))
    return found


def _unit_lead_ins(units: list[Unit], body: list[Line], sections: list[Section]) -> list[Binder]:
    """A unit's task that leads into a list ("... chú trọng các nội dung sau:" over a)-e)) binds the
    list to the unit, though the list's items are headings of their own."""
    spans = [(s.line, s.end_line) for s, _ in walk(sections)]
    return [(task.line, _scope_end(task.line, spans, body), addressees_of(unit.name, task.role))
            for unit in units for task in unit.tasks if task.role != "de_nghi" and task.text.rstrip(" *").endswith(":")]


def _bound_items(body: list[Line], sections: list[Section], binders: list[Binder], taken: set[int],
                 year: int | None):
    """Items of the lists that binders bind: the innermost binder over an item is the one in force."""
    subheadings = _subheadings(body)
    groups = _group_titles(body, sections, subheadings)
    starts = {first for first, _, _ in binders}
    for line in body:
        if line.number in taken or line.number in starts or not line.text:
            continue
        binder = next((b for b in reversed(binders) if b[0] < line.number <= b[1]), None)
        if binder is None or line.number in groups or _is_intro(line.text) or line.number in subheadings \
                or not is_task_line(line):
            continue
        own = _own_subject(line.text)
        addressees = own if own is not None else binder[2]
        text = _item_text(line)
        yield Obligation(text=text, line=line.number, lead_line=binder[0], source="lead_in",
                         addressees=addressees, terms=read_terms(text, year))


def _binder(line: Line) -> list[Addressee] | None:
    """The addressees of a line that binds what follows to them: a sentence or heading ending in a
    colon that names units, or a short heading that is only an address ("c) Đối với cấp xã")."""
    heading = heading_of(line)
    text = _SHORTHAND.sub("", (heading[2] if heading else line.text)).strip().strip("*").strip()
    ends_open = line.text.rstrip(" *").endswith(":")
    if heading and _UNIT_TITLE.match(text):  # a unit block whose tasks are numbered items
        return addressees_of(text)
    if not ends_open and not (heading and len(text.split()) <= 12 and _only_address(text)):
        return None
    if chosen := _chosen(text):
        return chosen
    if ends_open and (field := _field(text)):
        return field
    spans = address_spans(text)
    if spans:
        return addressees_of(text)
    m = _ORG_START.match(text) or _GIVEN.match(text)
    if m and ends_open:
        return addressees_of(m["org"])
    return None


# A unit given the list below by name, with a remark after it: "Giao Sở Tư pháp, ngoài nhiệm vụ tại
# khoản 2 Điều này:".
_GIVEN = re.compile(rf"^(?:Giao|Đề nghị|Yêu cầu)\s+(?P<org>(?:{ORG_WORDS})\b[^:;,]{{0,80}})")


# The body managing a field, named by the field: "a) Cơ quan được giao quản lý lĩnh vực xây dựng, nhà ở:"
# (requirements.names knows "Sở Xây dựng" by it).
_FIELD = re.compile(r"^(?:Cơ quan|Sở|Đơn vị)\b[^:;]{0,20}?\bquản lý (?:nhà nước )?(?:về |đối với )?(?P<field>lĩnh vực [^;]+)$",
                    re.IGNORECASE)


def _field(text: str) -> list[Addressee] | None:
    """The body a line names by the field it manages, as an addressee named by that field."""
    field = _FIELD.match(_ITEM_MARK.sub("", text.strip(" *")))
    return [Addressee(name=field["field"].strip(" :*"))] if field else None


# The name a plan gives the units it lists: "(sau đây gọi chung là bộ, ngành, địa phương)".
_SHORTHAND = re.compile(r"\s*\((?:sau đây )?gọi (?:chung|tắt) là [^)]*\)", re.IGNORECASE)
# What a heading over a unit's list may say before naming the unit: "Sản phẩm của mỗi xã, phường".
_OWNED_BY = re.compile(r"^(?:san pham|nhiem vu|trach nhiem|chi tieu|ket qua|cong viec)(?: chung| cu the)? (?:cua|doi voi)\s+")


def _only_address(text: str) -> bool:
    folded = _OWNED_BY.sub("", fold(text))
    rest = re.sub(r"\b(rieng|moi|tung|doi voi|ubnd|uy ban nhan dan|cac|cap|va|xa|phuong|thi tran|huyen|quan|thi xa|thanh pho|"
                  r"tinh|so|ban|nganh|co quan|don vi|dia phuong|dac khu|truc thuoc|trung uong|chuyen mon)\b", "", folded)
    return address_spans(text) != [] and not re.search(r"[a-z]", rest)


def _scope_end(number: int, spans: list[tuple[int, int]], body: list[Line]) -> int:
    """A binder holds to the end of the innermost section that contains it and something after it
    (its own, when it is a heading over its items; its parent's, when the list below restarts its
    numbering as the heading's siblings: "3. UBND các xã thực hiện các nhiệm vụ sau:" / "1. ...")."""
    written = {line.number for line in body if line.text.strip()}
    inside = [(first, min(last, _next_sibling(number, body) - 1)) for first, last in spans
              if first <= number <= last and any(n in written for n in range(number + 1, last + 1))]
    return min(inside, key=lambda span: span[1] - span[0])[1] if inside else (body[-1].number if body else number)


def group_titles(body: list[Line], sections: list[Section]) -> set[int]:
    """The lines of `body` that title a group of items ("5. Đối thoại" over what the plan does)."""
    return _group_titles(body, sections, _subheadings(body))


def _next_sibling(number: int, body: list[Line]) -> int:
    """Where a list that restarts its numbering under the heading at `number` ends: at the first
    heading of that kind that does not go on counting 1, 2, 3 ... (the outer "4." after "3. ...
    sau:" and its items 1-5), or past the end."""
    end = body[-1].number + 1 if body else number + 1
    by_number = {line.number: line for line in body}
    heading = heading_of(by_number[number]) if number in by_number else None
    if heading is None or not heading[1].isdigit():
        return end
    expected = 1
    for line in body:
        h = heading_of(line) if line.number > number else None
        if h and h[0] == heading[0]:
            if h[1] != str(expected):
                return line.number if expected > 1 else end
            expected += 1
    return end


def _group_titles(body: list[Line], sections: list[Section], subheadings: set[int]) -> set[int]:
    """Headings with sub-headings or text of their own under them: titles of a group of items, not
    items ("1. Tuyên truyền trên báo chí" over its bullets); a numbered item alone is an item, and
    so is one followed by the next group's unnumbered sub-heading."""
    texts = {line.number for line in body if line.text and heading_of(line) is None} - subheadings
    groups = set()
    for section, _ in walk(sections):
        if is_sentence(section.title):  # "5. Báo cáo kết quả ... trước ngày 10/12." is an item
            continue
        own_end = section.children[0].line - 1 if section.children else section.end_line
        if section.children or any(n in texts for n in range(section.line + 1, own_end + 1)):
            groups.add(section.line)
    return groups


_ITEM_MARK = re.compile(r"^\s*(?:[-+•*]|\(?[0-9a-zđ]{1,3}[.)/])\s")


def _subheadings(body: list[Line]) -> set[int]:
    """Unnumbered titles inside a list ("Tuyên truyền trên môi trường số", set in bold, over items
    1 and 2): a few words with no closing stop, followed by a numbered or marked item."""
    texts = [line for line in body if line.text.strip()]
    found = set()
    for line, after in zip(texts, texts[1:]):
        text = line.text.strip()
        if (heading_of(line) is None and not _ITEM_MARK.match(text) and len(text.split()) <= 10
                and not re.search(r"[.;:,]$", text) and (heading_of(after) or _ITEM_MARK.match(after.text))):
            found.add(line.number)
    return found


def _is_intro(text: str) -> bool:
    """"Nội dung tuyên truyền gồm:" introduces items without being one."""
    return text.rstrip(" *").endswith(":") and len(text.split()) <= 14


def _own_subject(text: str) -> list[Addressee] | None:
    """The addressees of an item that names its own doer first ("- Báo tỉnh mở chuyên mục ...")."""
    m = _ORG_START.match(text)
    if not m:
        return None
    return addressees_of(m["org"])


def _item_text(line: Line) -> str:
    heading = heading_of(line)
    return (heading[2] if heading else line.text).lstrip("-+•* ").strip()


# --- task blocks ---------------------------------------------------------------------------------

# The fields of a task: "Đơn vị thực hiện: UBND các xã, phường", "Thời gian: trước ngày 15/12", on
# lines of their own under it or in brackets at its end.
_DOER = r"(?:đơn vị|cơ quan) (?:thực hiện|chủ trì)\s*:\s*"
_TIME = r"thời (?:gian|hạn)(?: thực hiện| hoàn thành)?\s*:\s*"
_DOER_FIELD = re.compile(rf"^[-+•*]?\s*{_DOER}(?P<names>\S.*)$", re.IGNORECASE)
_TIME_FIELD = re.compile(rf"^[-+•*]?\s*{_TIME}(?P<time>\S.*)$", re.IGNORECASE)
_TASK_LABEL = re.compile(r"^(?:Nhiệm vụ|Công việc)\s+\d{1,2}\s*[.:]\s*", re.IGNORECASE)


def _task_blocks(body: list[Line], taken: set[int], year: int | None):
    """A task followed by its fields ("Nhiệm vụ 3. Treo ít nhất 02 pano ..." over "- Đơn vị thực
    hiện: ..." and "- Thời gian: ..."): a duty of the units the field names, with the time as its
    deadline; (obligation, the field lines)."""
    texts = [line for line in body if line.text.strip()]
    for at, line in enumerate(texts):
        doer = _DOER_FIELD.match(line.text)
        if not doer or at == 0 or line.number in taken:
            continue
        task = next((t for t in reversed(texts[:at]) if not _TIME_FIELD.match(t.text)), None)
        if task is None or task.number in taken or _DOER_FIELD.match(task.text) or _is_title(task):
            continue
        near = [t for t in texts[at - 1: at + 2] if t is not task]
        times = [m["time"] for t in near if (m := _TIME_FIELD.match(t.text))]
        text = _TASK_LABEL.sub("", _item_text(task))
        yield (Obligation(text=text, line=task.number, source="block", addressees=_leads(doer["names"]),
                          terms=read_terms("; ".join([text, *map(_by, times)]), year)),
               [t.number for t in near if t is line or _TIME_FIELD.match(t.text)])


_INLINE_FIELDS = re.compile(rf"\(\s*{_DOER}(?P<names>[^;)]+)(?:;\s*{_TIME}(?P<time>[^)]+))?\)", re.IGNORECASE)


def _leads(names: str) -> list[Addressee]:
    """The units a doer field binds: "Sở Nội vụ chủ trì, UBND các xã phối hợp" binds the Sở."""
    return addressees_of(names.split("chủ trì")[0])


def _inline_fields(body: list[Line], taken: set[int], year: int | None):
    """A task carrying its doer and time in brackets: a duty of the units named there."""
    for line in body:
        fields = _INLINE_FIELDS.search(line.text) if line.number not in taken else None
        if fields:
            text = _item_text(line).replace(fields.group(), "").strip(" .")
            stated = "; ".join([text, *([_by(fields["time"])] if fields["time"] else [])])
            yield Obligation(text=text, line=line.number, source="block", addressees=_leads(fields["names"]),
                             terms=read_terms(stated, year))


# --- sentences outside lists and blocks ---------------------------------------------------------


def _from_sentences(body: list[Line], taken: set[int], year: int | None):
    """A sentence whose subject is an address ("Các cơ quan, đơn vị, địa phương báo cáo ...",
    "Các sở gửi ... ; UBND cấp xã gửi ..."): a duty for every level it names; else one naming a
    unit as the place or doer of a duty ("Thí điểm ... tại xã Tân Phú"). A label naming only
    addresses gives the duty after it to them ("- Cấp xã: Đài truyền thanh xã phát tin ..."). The aims and general
    requirements (Mục đích, Yêu cầu) are not read so: "các cơ quan ... xác định tuyên truyền là
    nhiệm vụ thường xuyên" is a stance, not a duty a line of the child could meet."""
    for line in body:
        text = _item_text(line)
        if line.number in taken or not text or _is_title(line) or not _ACT_RE.search(fold(text)):
            continue
        label = _LABEL.match(text)
        subjects = addressees_of(label.group()) if label and _only_address(label.group().rstrip(": ")) \
            else _subjects(_LABEL.sub("", text))
        if subjects:
            yield Obligation(text=text, line=line.number, source="sentence",
                             addressees=subjects, terms=read_terms(text, year))
            continue
        names = [m["name"] for m in _NAMED.finditer(line.text) if _capitalised(m["name"])]
        if names:
            yield Obligation(text=text, line=line.number, source="named",
                             addressees=[Addressee(name=name) for name in names], terms=read_terms(text, year))


def _subjects(text: str) -> list[Addressee]:
    """The addressees of a sentence whose subject is an address: those of a label naming only them
    ("- Cấp xã: Đài truyền thanh xã phát tin ..."); all it names, where it opens with one; else
    those opening its clauses ("Các phòng chuyên môn gửi ...; UBND các xã gửi ...") or
    naming the doer after the task ("Pano tại trụ sở ...: do UBND cấp huyện thực hiện")."""
    if _opens_with_address(text):
        return addressees_of(text)
    return [a for clause in re.split(r"[;:]", text) if _opens_with_address(clause) for a in addressees_of(clause)]


def _opens_with_address(text: str) -> bool:
    """Whether `text` opens with an address ("Các sở ...", "UBND các xã ...", "Đề nghị các ...")."""
    spans = address_spans(text.strip())
    return bool(spans) and bool(_BEFORE_ADDRESS.fullmatch(ubnd(fold(text.strip()))[: spans[0][0]]))


_BEFORE_ADDRESS = re.compile(r"(?:(?:ubnd|de nghi|giao|yeu cau|(?:pho )?chu tich|thu truong|do|trach nhiem cua)\s*)*")


def _capitalised(name: str) -> bool:
    """A unit's name, not a level followed by a word: "xã Tân Phú", not "huyện để tổng hợp"."""
    return all(word[0].isupper() for word in name.split()[1:])


# A sentence that only points to the appendix or a section (its rows or items are the duties), or
# makes units answer for the duties given elsewhere ("chịu trách nhiệm về kết quả ... được giao").
_POINTER = re.compile(r"\b(?:duoc giao|duoc phan cong|duoc neu|nhiem vu|chi tieu)\b[^.;]{0,40}\b(?:tai|theo|o)\s+(?:cac\s+)?"
                      r"(?:phu luc|muc [ivx\d]+)\b|\bchiu trach nhiem (?:ve|truoc)\b[^.;]{0,60}\bnhiem vu duoc giao\b"
                      r"|\bcan cu (?:vao )?(?:cac )?(?:phu luc|muc [ivx\d]+)\b")
# A closing that only urges the units named before it to carry the plan out.
_URGING = re.compile(r"\s*(?:(?:nghiem tuc|khan truong|tich cuc|to chuc|trien khai),?\s*)*thuc hien"
                     r"(?: nghiem tuc| co hieu qua| tot)?(?: (?:ke hoach|quyet dinh|van ban) nay)?\W*$")


def _urges(text: str) -> bool:
    folded = fold(text)
    m = _URGING.search(folded)
    who = text[: m.start()].strip() if m else ""
    return bool(m) and (not who or _only_address(re.sub(r"^(?:Yêu cầu|Đề nghị)\s+", "", who, flags=re.IGNORECASE)))


# A short label before the sentence's subject: "Chế độ báo cáo: các sở gửi ...".
_LABEL = re.compile(r"^[^:;,.]{1,90}:\s+")


def _is_title(line: Line) -> bool:
    """A numbered heading that is a title, not a numbered paragraph holding a duty."""
    heading = heading_of(line)
    return heading is not None and not is_sentence(heading[2])


# --- task tables (body and appendix) ------------------------------------------------------------------------


def _task_columns(table: Table) -> tuple[str, str] | None:
    """The columns of a task table naming who leads and what is done, if it has both; in a table of
    products ("Sản phẩm | Số lượng | Cơ quan thực hiện"), the product is what is done."""
    folded = [fold(c) for c in table.columns]
    lead = next((c for c, f in zip(table.columns, folded) if any(k in f for k in _TABLE_LEAD)), None)
    task = next((c for c, f in zip(table.columns, folded) if f.startswith(_TABLE_TASK)), None) \
        or next((c for c, f in zip(table.columns, folded) if f.startswith("san pham")), None)
    return (lead, task) if lead and task else None


def _from_tables(tables: list[Table], year: int | None) -> list[Obligation]:
    found = []
    for table in tables:
        if not (columns := _task_columns(table)):
            found += _from_matrix(table, year)
            continue
        lead, task = columns
        folded = [fold(c) for c in table.columns]
        terms = [c for c, f in zip(table.columns, folded) if any(k in f for k in _TABLE_TERMS) and c != task]
        times = {c for c, f in zip(table.columns, folded) if f.startswith(_TABLE_TIMES)}
        unit = ""  # a chủ trì cell left empty belongs to the row above: merged cells arrive so
        for row, line in zip(table.rows, table.row_lines):
            text = row.get(task, "").strip()
            unit = row.get(lead, "").strip() or unit
            if not text or not unit:
                continue
            stated = "; ".join([text, *(_by(row.get(c, "")) if c in times else row.get(c, "") for c in terms)])
            found.append(Obligation(text=text, line=line, lead_line=table.line, source="table",
                                    addressees=addressees_of(unit, "chu_tri"), terms=read_terms(stated, year)))
    return found


# --- assignment matrices: a column per unit or level -----------------------------------------------

_MARKS = {"x", "✓", "√", "v", "+"}  # the unit carries out the row's task
_NO_DUTY = {"", "-", "–", "—", "o", "0"}  # nothing for the unit, or only a part in it (phối hợp)


def _unit_columns(table: Table) -> list[str]:
    """The columns of an assignment matrix headed by units or levels ("Sở Nội vụ", "UBND các xã,
    phường", "Cấp huyện"), under a task column: at least two of them, or none."""
    folded = {c: fold(c) for c in table.columns}
    if not any(f.startswith(_TABLE_TASK) for f in folded.values()):
        return []
    units = [c for c, f in folded.items() if not f.startswith(_TABLE_TASK) and not f.startswith(_TABLE_TERMS)
             and (address_spans(c) or _UNIT_COLUMN.match(c))]
    return units if len(units) >= 2 else []


_UNIT_COLUMN = re.compile(rf"^(?:(?:{ORG_WORDS})\b|Cấp\s)")


def _from_matrix(table: Table, year: int | None) -> list[Obligation]:
    """A row's task for each unit column holding a mark ("x") or the unit's own part in words
    ("Treo băng rôn tại trụ sở UBND xã" under "Cấp xã"); a blank, a dash or "o" gives it nothing."""
    units = _unit_columns(table)
    if not units:
        return []
    folded = [fold(c) for c in table.columns]
    task = next(c for c, f in zip(table.columns, folded) if f.startswith(_TABLE_TASK))
    times = [c for c, f in zip(table.columns, folded) if f.startswith(_TABLE_TIMES)]
    found = []
    for row, line in zip(table.rows, table.row_lines):
        for unit in units:
            cell = row.get(unit, "").strip()
            if cell.lower() in _NO_DUTY or not row.get(task, "").strip():
                continue
            text = row[task].strip() if cell.lower() in _MARKS else f"{row[task].strip()}: {cell}"
            stated = "; ".join([text, *(_by(row[c]) for c in times if row.get(c, "").strip())])
            found.append(Obligation(text=text, line=line, lead_line=table.line, source="table",
                                    addressees=addressees_of(unit, "chu_tri"), terms=read_terms(stated, year)))
    return found

