"""What a parent plan asks of a child plan: its obligations (audit/parse/obligations.py) that are
for the child, and the concepts it merely lists.

    5. Ủy ban nhân dân các xã, thị trấn                        <- binds cấp xã
    - Tổ chức tuyên truyền trên Zalo, đo lường sự hài lòng ... <- assigned: concepts channel.zalo, indicator.sipas
    - Gửi báo cáo 6 tháng, năm về Phòng Nội vụ ...             <- assigned: a reporting duty, with its terms
    II. NỘI DUNG / III. HÌNH THỨC: Cổng TTĐT, PAR INDEX ...     <- listed: concepts the parent names

An obligation is for the child when it addresses the child's level, every unit ("các cơ quan, đơn
vị, địa phương"), or the child by name. An obligation that names concepts becomes one requirement
per concept, with its line; a reporting duty and an obligation naming none are judged whole
(coverage.py). Each requirement carries the parent's terms that apply to the child: where one
sentence gives each level its own date, the child's level's date.
"""

from __future__ import annotations

import re
from functools import lru_cache

from audit.model import Addressee, Obligation, Plan, Requirement, Terms
from audit.parse.sections import kinds_in, section_spans
from audit.parse.terms import read_terms, ubnd
from audit.base.normalize import fold

LISTING_KINDS = {"noi_dung", "hinh_thuc", "san_pham"}
REPORT_RE = re.compile(r"\bbao cao\b(?! (?:vien|tham luan|chuyen de|cua ubnd|chinh tri))")


def concept_family(concept_id: str) -> str:
    return concept_id.split(".", 1)[0]


def is_for(obligation: Obligation, level: str | None, issuer: str | None) -> bool:
    """Whether the obligation addresses the child: its level, every unit, or the child by name."""
    return any(_addresses(a, level, issuer) for a in obligation.addressees)


def _addresses(addressee: Addressee, level: str | None, issuer: str | None) -> bool:
    if addressee.general:
        return level is not None
    if addressee.level:
        return addressee.level == level
    return names(addressee.name or "", issuer or "")


def names(name: str, issuer: str) -> bool:
    """Whether a unit's name is the child's issuer ("xã Tân Phú", "Ủy ban nhân dân xã Tân Phú")."""
    one, other = _body(name), _body(issuer)
    if not one or not other:
        return False
    if one.startswith("linh vuc "):  # the body managing a field: "lĩnh vực xây dựng, nhà ở" is Sở Xây dựng's
        return other.startswith("so ") and f" {other[3:]} " in f" {one[9:]} "
    return one == other or other.startswith(one + " ") or one.startswith(other + " ") or other.endswith(" " + one)


@lru_cache(maxsize=1024)  # a parent's unit names, asked of each child
def _body(name: str) -> str:
    words = ubnd(fold(name)).replace(",", " ").split()
    return " ".join(words[1:] if words[:1] == ["ubnd"] else words)


def obligations_for(parent: Plan, child: Plan) -> list[Obligation]:
    level, issuer = child.header.level, child.header.issuer
    return [o for o in parent.obligations if is_for(o, level, issuer)]


def derive_requirements(parent: Plan, child: Plan, families: set[str] | None = None) -> list[Requirement]:
    """Every requirement the parent sets for the child, in the parent's line order. Siblings of one
    level share the answer unless the parent names one of them: the last few answers are kept."""
    year = parent.header.plan_year
    obligations = [_with_quota(o, child.header.issuer or "", year) for o in obligations_for(parent, child)]
    key = (tuple((o.line, tuple(q.amount for q in o.terms.quantities)) for o in obligations), child.header.level,
           frozenset(families or ()))
    for asked, of, answer in _RECENT:
        if of is parent and asked == key:
            return list(answer)
    answer = _derive(parent, obligations, child.header.level, families)
    _RECENT.insert(0, (key, parent, answer))
    del _RECENT[16:]
    return list(answer)


_RECENT: list[tuple[tuple, Plan, list[Requirement]]] = []

# A count given unit by unit after a colon: "mỗi quý: phường Đá Mài 04; xã Bến Sậy 03; các xã,
# phường còn lại 02" or "số buổi: xã Hòn Sỏi, xã Đầm Vạc mỗi xã 04 buổi; các xã còn lại 02 buổi".
_QUOTAS = re.compile(r":\s*(?P<list>[^:;]+\d[^:;]*(?:;[^:;]+\d[^:;]*)+)$")
_QUOTA = re.compile(r"^(?P<who>.+?)\s+(?:mỗi (?:xã|phường|đơn vị|địa phương)\s+)?(?P<n>\d{1,4})\b\s*(?P<noun>[^\d;.]*)")
_QUOTA_NOUN = re.compile(r"\b(?:[Cc]hỉ tiêu|[Ss]ố)\s+(?P<noun>[^:]+?)(?:\s+(?:về|đăng|tại|trên|ở|trong)\b|,\s*mỗi\b|:)")


def _with_quota(obligation: Obligation, issuer: str, year: int | None) -> Obligation:
    """The obligation with the child's own count where the parent gives one unit by unit: its name's
    figure, else that of "còn lại" (the others)."""
    text = obligation.text.rstrip(" .")
    lists = _QUOTAS.search(text)
    if not lists or not issuer:
        return obligation
    quotas = [m for part in lists["list"].split(";") if (m := _QUOTA.match(part.strip()))]
    mine = next((m for m in quotas if any(names(who, issuer) for who in m["who"].split(","))), None)
    mine = mine or next((m for m in quotas if "còn lại" in m["who"]), None)
    noun = mine and (mine["noun"].strip() or (n := _QUOTA_NOUN.search(text)) and n["noun"])
    if not mine or not noun:
        return obligation
    stated = f"{text[:lists.start()]}: {int(mine['n']):02d} {noun}"
    return obligation.model_copy(update={"terms": obligation.terms.model_copy(
        update={"quantities": read_terms(stated, year).quantities})})


def _derive(parent: Plan, obligations: list[Obligation], level: str | None,
            families: set[str] | None) -> list[Requirement]:
    concepts = _concepts_by_line(parent, families)
    found: list[Requirement] = []
    for obligation in obligations:
        text = parent.line_text(obligation.line)
        on_line = _in_duty(concepts.get(obligation.line, []), text, obligation.text)
        for duty, report, principals in _duties(obligation, text, on_line, parent.header.plan_year):
            found.extend(_requirements_of(duty, principals, parent.path, level, report))
        if on_line:
            found.extend(_titled_parts(obligation, text, on_line, parent, level))
    assigned = {r.concept for r in found if r.concept}
    found.extend(_listed(parent, assigned, families))
    return sorted(found, key=lambda r: (r.parent_line, r.id))


# What a duty only encourages is not asked: "Tổ chức Hội thi ..., khuyến khích hình thức sân khấu hóa".
# Encouraging the public is the duty itself: "Khuyến khích người dân sử dụng dịch vụ công trực tuyến".
_OPTIONAL = re.compile(r"\b(?:khuyen khich(?! (?:nguoi dan|nhan dan|doanh nghiep|cong dan|to chuc,? ca nhan|ca nhan|"
                       r"ho gia dinh|ho kinh doanh|can bo|cong chuc|doan vien|hoi vien))|co the|neu co dieu kien)\b[^;.]*$")


def _in_duty(concepts: list[tuple[int, str]], line: str, duty: str) -> list[tuple[int, str]]:
    """The concepts of the duty's own words: not a table row's other cells ("Báo cáo kết quả khảo
    sát" under Sản phẩm), not what it only encourages, and not an indicator that is a survey's
    object ("khảo sát mức độ hài lòng" asks for a survey)."""
    from audit.text.matcher import find_matches

    start = line.find(duty)
    folded = fold(line)
    inside = [(at, c) for at, c in concepts if (start < 0 or start <= at < start + len(duty))
              and not _OPTIONAL.search(folded, max(at - 60, 0), at)]
    spans = {(m.start, m.concept): m.end for m in find_matches(line)}
    objects = {c for at, c in inside if concept_family(c) == "indicator"
               and any(concept_family(d) == "deliverable" and 0 <= at - spans.get((b, d), -9) <= 2 for b, d in inside)}
    return [(at, c) for at, c in inside if c not in objects]


def _duties(obligation: Obligation, line: str, concepts: list[tuple[int, str]],
            year: int | None) -> list[tuple[Obligation, bool, list[tuple[int, str]]]]:
    """(duty, whether it is a reporting duty, its principal concepts) for each duty of an obligation.
    A report joined by ";" to duties naming concepts is a duty of its own ("Gửi báo cáo 6 tháng về
    Phòng Nội vụ; cử công chức tham gia lớp tập huấn" asks for the report and for the training), each
    with the terms of its own parts; a table row keeps its row's terms (its time column)."""
    texts = _part_texts(line, obligation.text)
    reporting = [bool(REPORT_RE.search(fold(text))) for text in texts]
    parts = _parts(line, concepts)
    others = [part for part, report in zip(parts, reporting) if not report]
    principals = _carried_dropped([principal(part, fold(line)) for part in others])
    if not any(reporting):
        return [(obligation, False, principals)]
    if not principals:
        return [(obligation, True, [])]
    if obligation.source == "table":
        return [(obligation, True, []), (obligation, False, principals)]
    return [(obligation.model_copy(update={"terms": read_terms(_joined(texts, reporting, report), year)}),
             report, [] if report else principals) for report in (True, False)]


# A title in quotes: a contest's, a column's, a model's name.
TITLE = re.compile(r"[\"“”]((?:[^\W\d_]+[ ,\-–]*){3,16})[\"“”]")


def _titled_parts(obligation: Obligation, line: str, concepts: list[tuple[int, str]], parent: Plan,
                  level: str | None) -> list[Requirement]:
    """The parts of a duty naming concepts elsewhere that ask for something by its quoted name and
    name no concept: duties of their own ("Lồng ghép ... trong hội nghị; riêng cấp xã lập và duy trì
    "Góc cải cách hành chính" tại nhà văn hóa thôn" asks for the meetings and for the corner)."""
    found = []
    for text, part in zip(_part_texts(line, obligation.text), _parts(line, concepts)):
        if not part and (title := TITLE.search(text)) and not REPORT_RE.search(fold(text)):
            terms = terms_for(read_terms(text, parent.header.plan_year), level)
            found.append(Requirement(id=f"task:{obligation.line}:{_slug(title[1])}", category="task", weight="assigned",
                                     text=text.strip(), parent_line=obligation.line, parent_path=parent.path, terms=terms))
    return found


def _part_texts(line: str, duty: str) -> list[str]:
    """The text of the duty in each of the line's parts between ";" (as `_parts` cuts them)."""
    start = max(line.find(duty), 0)
    end = start + len(duty) if duty in line else len(line)
    texts, at = [], 0
    for part in line.split(";"):
        texts.append(line[max(at, start):min(at + len(part), end)])
        at += len(part) + 1
    return texts


def _joined(texts: list[str], reporting: list[bool], wanted: bool) -> str:
    return "; ".join(text for text, report in zip(texts, reporting) if report == wanted and text.strip())


def _requirements_of(obligation: Obligation, concepts: list[tuple[int, str]], path: str, level: str | None,
                     report: bool) -> list[Requirement]:
    """The obligation's requirements: a reporting duty, one per principal concept (or group of
    alternatives), else the task whole."""
    terms = terms_for(obligation.terms, level)
    common = dict(weight="assigned", text=obligation.text, parent_line=obligation.line, parent_path=path, terms=terms)
    if report:
        return [Requirement(id=f"report:{obligation.line}", category="report", **common)]
    if concepts:
        return [Requirement(id=f"concept:{group[0]}:{obligation.line}" + (f":{_slug(item)}" if item else ""),
                            category="concept", concept=group[0], alternatives=group[1:], item=item, **common)
                for group in _alternatives(concepts, obligation.text)
                for item in (sorted(items_in(obligation.text, group[0]) - {None}) if len(group) == 1 else []) or [None]]
    return [Requirement(id=f"task:{obligation.line}", category="task", **common)]


# What every channel carries, and the column that holds it: "phát tin, bài trên đài truyền thanh"
# is about the radio, "duy trì chuyên mục trên Trang TTĐT, 02 tin mỗi tháng" about the website.
NEWS = "deliverable.tin_bai"
CARRIERS = {NEWS, "deliverable.chuyen_muc"}


def _parts(text: str, concepts: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """The concepts of each part of a line that joins duties with ";" ("sắp xếp bộ máy; phổ biến
    Chỉ số PCI" is two duties, each about its own concepts)."""
    ends = [m.start() for m in re.finditer(";", text)] + [len(text) + 1]
    parts: list[list[tuple[int, str]]] = [[] for _ in ends]
    for at, concept in concepts:
        parts[next((i for i, end in enumerate(ends) if at < end), -1)].append((at, concept))
    return parts


def _carried_dropped(parts: list[list[tuple[int, str]]]) -> list[tuple[int, str]]:
    """The principal concepts of a line's parts, less a part about news items alone where another
    part names the channel carrying them ("Duy trì chuyên mục trên Cổng TTĐT; cập nhật tin, bài hằng
    tuần" asks for the column, updated weekly)."""
    def carried(part: list[tuple[int, str]]) -> bool:
        return bool(part) and all(c == NEWS for _, c in part)

    if all(carried(part) or not part for part in parts):
        return [c for part in parts for c in part]
    return [c for part in parts if not carried(part) for c in part]


def principal(concepts: list[tuple[int, str]], folded: str = "") -> list[tuple[int, str]]:
    """The concepts an obligation is about: its channels, indicators and deliverables other than
    the news items a channel carries; else those news items; else its topic, when it has one (a
    duty naming several topics, "lắp đặt ki-ốt tra cứu TTHC tại Trung tâm Phục vụ hành chính công",
    is a task of its own, judged by its words). A topic is a content concept, or any concept the
    duty is "về" ("tuyên truyền lưu động về dịch vụ công trực tuyến" is a mobile campaign, whose
    subject is the online service)."""
    def topic(at: int, concept: str) -> bool:
        return (concept_family(concept) == "content" or bool(_ABOUT.search(folded, max(at - 80, 0), at))
                or bool(_PURPOSE.search(folded, max(at - 60, 0), at)))

    kinds = [lambda at, c: not topic(at, c) and c not in CARRIERS, lambda at, c: not topic(at, c)]
    for wanted in kinds:
        chosen = [(at, c) for at, c in concepts if wanted(at, c)]
        if chosen:
            return chosen
    return concepts if len({c for _, c in concepts}) == 1 else []


# "về" (or a publication "hướng dẫn": "tờ gấp hướng dẫn dịch vụ công trực tuyến" is about it) and
# what follows it up to the concept, unless a channel's preposition comes between: "về TTHC, dịch vụ
# công trực tuyến" is a list of topics, "về TTHC trên Cổng Dịch vụ công" is not.
_ABOUT = re.compile(r"(?:\bve|\b(?:to gap|to roi|tai lieu|cam nang|so tay|an pham|video|clip)\b[^;.:]{0,30}?\bhuong dan)\b(?:(?!\b(?:tren|tai|qua|bang|cho|den|voi|trong|vao|thong qua)\b)[^;.:(]){0,60}$")


# What a duty is for, not what it asks: "Tổ chức khảo sát ..., làm cơ sở cải thiện Chỉ số SIPAS".
_PURPOSE = re.compile(r"\b(?:lam co so|nham|gop phan)\b[^;.:(]{0,50}$")


def _alternatives(concepts: list[tuple[int, str]], text: str) -> list[list[str]]:
    """The concepts of a line in groups that one another can replace: those joined by "hoặc"
    ("sân khấu hóa hoặc hội thi"), each other concept alone."""
    folded = fold(text)
    groups: list[list[str]] = []
    previous = None
    for at, concept in sorted(concepts):
        between = folded[previous:at] if previous is not None else ""
        if groups and re.search(r"\bhoac\b", between) and not re.search(r"[;.]", between):
            groups[-1].append(concept)
        else:
            groups.append([concept])
        previous = at
    return groups


def _slug(item: str) -> str:
    return "_".join(fold(item).split())


def items_in(text: str, concept: str) -> set[str | None]:
    """The items of `concept` that `text` names by their aliases (rules/lexicon.yaml), None for a
    name of the concept that is no item's ("tuyên truyền trực quan")."""
    from audit.text.lexicon import load_lexicon
    from audit.text.matcher import find_matches

    lexicon = load_lexicon()
    items = lexicon.items.get(concept)
    if not items:
        return set()
    found: set[str | None] = set()
    for m in find_matches(text):
        if m.concept == concept:
            words = tuple(t.loose for t in lexicon.words(text[m.start: m.end]))
            found.add(next((name for name, phrases in items if words in phrases), None))
    return found


def terms_for(terms: Terms, level: str | None) -> Terms:
    """The terms as they apply to a child of `level`: a date given to other levels is not its own."""
    own = [d for d in terms.deadlines if level in d.levels]
    general = [d for d in terms.deadlines if not d.levels]
    return terms.model_copy(update={"deadlines": own or general})


def _concepts_by_line(parent: Plan, families: set[str] | None) -> dict[int, list[tuple[int, str]]]:
    """(offset in the line, concept) of the concepts on each line of the parent."""
    by_line: dict[int, list[tuple[int, str]]] = {}
    for hit in parent.concepts:
        if families and concept_family(hit.id) not in families:
            continue
        for evidence in hit.evidence:
            at = evidence.text.find(evidence.matched or "\0")
            by_line.setdefault(evidence.line, []).append((max(at, 0), hit.id))
    return by_line


def _listed(parent: Plan, assigned: set[str | None], families: set[str] | None) -> list[Requirement]:
    """The concepts the parent names in its content and forms and asks of no one in particular."""
    spans = section_spans(parent.sections)
    found = []
    for hit in parent.concepts:
        if hit.id in assigned or (families and concept_family(hit.id) not in families):
            continue
        listed = [e for e in hit.evidence if LISTING_KINDS & set(kinds_in(spans, e.line))]
        if listed:
            found.append(Requirement(id=f"concept:{hit.id}", category="concept", concept=hit.id, weight="listed",
                                     text=listed[0].text, parent_line=listed[0].line, parent_path=parent.path))
    return found
