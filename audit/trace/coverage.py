"""Whether a child plan commits to what its parent asks, and on what terms.

A requirement is met only by a commitment in the child's own text: not its preamble (căn cứ), not
"Nơi nhận", not a line quoting the parent, and not a clause that declines, postpones or makes the
duty conditional ("chưa có điều kiện triển khai trang Facebook", "khi có kinh phí sẽ in tờ gấp").

- a concept: a line of the child where the matcher found it, committed to;
- a reporting duty: a line of the child about reporting (báo cáo);
- a task naming no concept: a task to issue this very plan ("xây dựng, ban hành kế hoạch ...") is met
  by the plan itself; any other is met by the line that holds most of the task's key words (at
  least `task_share` of them, 60% by default); a task of fewer than 3 key words is not judged.

Where the child commits, its own terms are read with the parent's grammar (parse/terms.py) and
compared: fewer items, a lower frequency, a later date for its level, another recipient (or one
that no longer exists after 1/7/2025) are shortfalls, each reported with both lines.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from audit.graph.plan_graph import LEVEL_RANK
from audit.model import Commitment, Coverage, Evidence, Line, Plan, Quantity, Requirement, Shortfall, Terms
from audit.parse.obligations import group_titles, stated_times
from audit.parse.sections import walk
from audit.parse.terms import (
    ACT, DEFUNCT, PER_YEAR, body_key, clause_around, deadlines, declined, from_issue, per_year, read_terms, refusals, same_body,
    sentence_around,
)
from audit.base.normalize import SEEN_LINES, fold
from audit.trace.copying import CopiedShare, copied_share
from audit.trace.requirements import CARRIERS, REPORT_RE, TITLE, concept_family, derive_requirements, items_in
from audit.trace.words import key_words

ISSUE_PLAN_RE = re.compile(r"\b(xay dung|ban hanh)\b.{0,40}\bke hoach\b")
TWO_TIER_FROM = dt.date(2025, 7, 1)
# The share of a duty's key words a line must hold to meet a concept it names in other words: more
# than for a task, as plans share their boilerplate ("với nội dung ngắn gọn, dễ hiểu").
PARAPHRASE_SHARE = 0.75
_QUOTING = re.compile(r"\b(?:yeu cau|giao|de ra|chi dao|quy dinh)\b")


@dataclass(frozen=True)
class Settings:
    """What the rule pack tunes in a trace: the share of a task's key words a line must hold, and
    the similarity for a sentence to count as copied."""

    task_share: float = 0.6
    similarity: float = 90


def body_lines(plan: Plan) -> list[Line]:
    """The plan's own text: the lines after its header and preamble (the header is the form every
    plan shares, the preamble's citations name other documents)."""
    start = max([plan.preamble[1] if plan.preamble else 0, *plan.header.lines.values()])
    return [line for line in plan.lines if line.number > start]


def commitment_lines(plan: Plan) -> list[Line]:
    """The lines where a plan can commit: its body less "Nơi nhận", its aims (Mục đích, Yêu cầu:
    "người dân biết và sử dụng dịch vụ công trực tuyến" is a goal, not a task), the titles over
    its items ("5. Đối thoại": what the plan does is below it) and the lines quoting what a cited
    document asks ("Kế hoạch số 15/KH-UBND yêu cầu các xã ...")."""
    body = body_lines(plan)
    skip = {r.line for r in plan.recipients} | _aims(plan) | group_titles(body, plan.sections)
    cited = {(c.number, c.symbol) for c in plan.citations}
    skip |= {m.line for m in plan.mentions
             if (m.number, m.symbol) in cited and _QUOTING.search(fold(plan.line_text(m.line)))}
    return _with_wraps([line for line in body if line.number not in skip])


def _with_wraps(lines: list[Line]) -> list[Line]:
    """The lines, each with the next one joined where a sentence runs on ("... kỳ 1 vào tháng
    6/2026," then "kỳ 2 vào tháng 12/2026; ..."): a line not ending a sentence, followed by one
    opening in lower case. The next line stays a line of its own."""
    out = list(lines)
    for at, (line, after) in enumerate(zip(lines, lines[1:])):
        if (after.number == line.number + 1 and not line.cells and not after.cells and line.text
                and line.text.rstrip()[-1:] not in ".;:!?" and after.text[:1].islower()):
            out[at] = line.model_copy(update={"text": f"{line.text.rstrip()} {after.text.strip()}"})
    return out


def _aims(plan: Plan) -> set[int]:
    """The lines of the sections that state only aims and general requirements."""
    return {n for section, kinds in walk(plan.sections) if kinds and set(kinds) <= {"muc_dich", "yeu_cau"}
            for n in range(section.line, section.end_line + 1)}


def judge(requirement: Requirement, child: Plan, lines: list[Line], settings: Settings = Settings()) -> Coverage:
    """The coverage of one requirement by the child; `lines` are its `commitment_lines`."""
    if requirement.category == "concept":
        return _concept(requirement, child, {line.number for line in lines}, settings, lines)
    if requirement.category == "report":
        return _report(requirement, child, lines)
    if ISSUE_PLAN_RE.search(fold(requirement.text)):
        title_line = child.header.lines.get("title")
        evidence = [Evidence(line=title_line, text=child.header.title or "")] if title_line else []
        return Coverage(requirement=requirement, status="covered", evidence=evidence)
    return _task(requirement, child, lines, settings)


def _concept(requirement: Requirement, child: Plan, own: set[int], settings: Settings, lines: list[Line]) -> Coverage:
    hits = [child.concept(c) for c in [requirement.concept or "", *requirement.alternatives]]
    mine = frozenset(c for c in [requirement.concept or "", *requirement.alternatives])
    under = _items_under_titles(child, {e.line for hit in hits if hit for e in hit.evidence} - own, own)
    found = [_commitment(e.line, e.text, child, _span(e), concepts=mine)
             for hit in hits if hit for e in hit.evidence if e.line in own and _gives_item(requirement, e.text)]
    found += [_commitment(line.number, line.text, child, concepts=mine) for line in under]
    found = found or [_commitment(line.number, line.text, child, span, concepts=mine)
                      for line, span in _named_together(mine, lines) + _same_title(requirement.text, lines)]
    if not found:  # named in other words than the lexicon's: a line holding most of the duty's words
        others = _listing_others(requirement, child) | _naming_kin(requirement, child)
        by_words = _task(_own_part(requirement), child, [line for line in lines if line.number not in others],
                         replace(settings, task_share=max(settings.task_share, PARAPHRASE_SHARE)))
        if by_words.status in ("covered", "declined"):
            return by_words.model_copy(update={"requirement": requirement})
        return Coverage(requirement=requirement, status="missing")
    return _status(requirement, found, child)


def _naming_kin(requirement: Requirement, child: Plan) -> set[int]:
    """The lines naming another concept of the requirement's family that the duty does not name:
    "giới thiệu cải cách tài chính công" is about public finance, whatever words it shares with a
    duty on procedures."""
    from audit.text.matcher import find_matches

    family = concept_family(requirement.concept or "")
    named = {requirement.concept, *requirement.alternatives} | {m.concept for m in find_matches(requirement.text)}
    return {e.line for hit in child.concepts if concept_family(hit.id) == family and hit.id not in named
            for e in hit.evidence}


def _own_part(requirement: Requirement) -> Requirement:
    """The requirement with the words of the duty's parts (between ";") that name its concept: a
    line copying "Niêm yết công khai quy trình ..." of "Niêm yết ...; triển khai đánh giá Chỉ số
    DDCI" holds most of the duty's words and none of the DDCI's."""
    from audit.text.matcher import find_matches

    wanted = {requirement.concept, *requirement.alternatives}
    parts = [part for part in requirement.text.split(";") if wanted & {m.concept for m in find_matches(part)}]
    return requirement.model_copy(update={"text": ";".join(parts)}) if parts else requirement


def _items_under_titles(child: Plan, titles: set[int], own: set[int]) -> list[Line]:
    """The plan's commitments under titles that name the concept ("2. Trên hệ thống truyền thanh"
    over "- Phát tin ... mỗi tuần 01 lần"): the title says where, its items what and how often."""
    found = []
    for section, _ in walk(child.sections) if titles else ():
        if section.line in titles:
            end = section.children[0].line - 1 if section.children else section.end_line
            found += [line for line in child.lines[section.line: end] if line.number in own and line.text.strip()]
    return found


def _gives_item(requirement: Requirement, text: str) -> bool:
    """Whether a line naming the concept gives the item asked for: by name, or by a name of the
    whole concept ("tuyên truyền trực quan" gives banners and billboards alike)."""
    if requirement.item is None:
        return True
    named = items_in(text, requirement.concept or "")
    return requirement.item in named or None in named


def _listing_others(requirement: Requirement, child: Plan) -> set[int]:
    """The lines naming a concept listed with the duty's ("trên Zalo và Facebook"): there the plan
    says what it will use, and leaves this one out ("trên Zalo OA của phường")."""
    listed = _listed_with(requirement.concept or "", requirement.text)
    return {e.line for hit in child.concepts if hit.id in listed for e in hit.evidence}


_LIST_JOIN = re.compile(r"\s*(?:,|/|&|\bva\b|\bhoac\b)?\s*")


def _listed_with(concept: str, text: str) -> set[str]:
    """The concepts of `text` in one list with `concept`, joined by commas, "và", "hoặc" or "/"."""
    from audit.text.matcher import find_matches

    folded, chains = fold(text), [[]]
    matches = sorted(find_matches(text), key=lambda m: m.start)
    for before, after in zip([None, *matches], matches):
        if before and not _LIST_JOIN.fullmatch(folded[before.end:after.start]):
            chains.append([])
        chains[-1].append(after.concept)
    return next((set(chain) - {concept} for chain in chains if concept in chain), set())


_REPLY = re.compile(r"^\W*(?:\d+\.\s*)?(?:Về|Việc|Đối với) ([^:]{3,80}):", re.IGNORECASE)


def _answering(wanted: frozenset[str], lines: list[Line]) -> list[tuple[Line, tuple[int, int]]]:
    """The lines replying to a duty by name: "3. Về mô hình, sáng kiến cải cách hành chính: ...",
    "2. Việc phối hợp với ngân hàng ...: phường để lại", whose named subject is two key words or more of the duty's."""
    found = []
    for line in lines:
        reply = _reply(line.text)
        if reply and reply[1] <= wanted:
            found.append((line, (reply[0], len(line.text))))
    return found


@lru_cache(maxsize=SEEN_LINES)  # asked of each line for each duty of its parents
def _reply(text: str) -> tuple[int, frozenset[str]] | None:
    """(where the reply's text starts, the key words of its named subject) when the line replies
    to a duty by a name of two key words or more."""
    m = _REPLY.match(text)
    named = key_words(m[1]) if m else frozenset()
    if len(named) >= 2:
        return m.end(), named
    m = _TITLED.match(text)  # no "Về": the title alone must name the duty at length
    named = key_words(m[1]) if m else frozenset()
    return (m.end(), named) if len(named) >= 5 else None


# A reply titled by the duty without "Về": "5. Lớp hướng dẫn sử dụng dịch vụ công ...: xã tạm hoãn ...".
_TITLED = re.compile(r"^\W*(?:\d+\.\s*)?([^:;.]{10,120}):\s")


# A name in quotes: words, not markup or code ("Dân vận khéo", not "document.title='x'").


def _same_title(text: str, lines: list[Line]) -> list[tuple[Line, tuple[int, int]]]:
    """The lines quoting a title the duty quotes (a contest's, a column's name): the same event."""
    titles = {" ".join(fold(m[1]).split()) for m in TITLE.finditer(text)}
    found = []
    for line in lines if titles else ():
        m = next((m for m in TITLE.finditer(line.text) if " ".join(fold(m[1]).split()) in titles), None)
        if m:
            found.append((line, m.span()))
    return found


def _named_together(concepts: frozenset[str], lines: list[Line]) -> list[tuple[Line, tuple[int, int]]]:
    """The lines, and the sentence in each, where all phrases of a concept's `together` group in the
    lexicon stand ("Công khai đầy đủ bộ thủ tục hành chính" is a public posting)."""
    from audit.text.lexicon import load_lexicon

    lexicon = load_lexicon()
    groups = [[f" {' '.join(p)} " for p in group] for concept in concepts for group in lexicon.together.get(concept, ())]
    found = []
    for line in lines if groups else ():
        for start, end, words in _loose_sentences(line.text):
            if any(all(p in words for p in group) for group in groups):
                found.append((line, (start, end)))
                break
    return found


@lru_cache(maxsize=SEEN_LINES)  # asked of each line for each duty whose concept has `together` groups
def _loose_sentences(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, its loose words between spaces) of each sentence of the line."""
    from audit.text.lexicon import load_lexicon

    lexicon = load_lexicon()
    found, at = [], 0
    for sentence in re.split(r"(?<=[.!?])", text):  # one item may run on over ";"
        found.append((at, at + len(sentence), f" {' '.join(t.loose for t in lexicon.words(sentence))} "))
        at += len(sentence)
    return tuple(found)


def _span(evidence: Evidence) -> tuple[int, int] | None:
    at = evidence.text.find(evidence.matched or "\0")
    return (at, at + len(evidence.matched or "")) if at >= 0 else None


def _commitment(number: int, text: str, child: Plan, span: tuple[int, int] | None = None,
                wanted: frozenset[str] = frozenset(), concepts: frozenset[str] = frozenset(),
                about: re.Pattern | None = None) -> Commitment:
    """The child's line as a commitment to a duty named at `span` (else the sentence sharing most of
    the `wanted` key words): declined when the clause naming it, or a clause of its sentence that
    names nothing else, refuses it; its terms read from that sentence only (a line often sets a
    date for each of two duties), or, with `about`, from every sentence `about` finds something in
    ("báo cáo 6 tháng ... trước ngày 10/6; báo cáo năm ... trước ngày 15/11")."""
    folded = fold(text)
    if span is None:
        span = _best_sentence(text, wanted)
    start, end = sentence_around(folded, *span)
    year = child.header.plan_year
    refused = declined(text, span, year) or _sentence_declines(text[start:end], concepts, year)
    parts = [p for p in re.split(r"(?<=[;.])", text) if about.search(fold(p))] if about else []
    stated = "; ".join([*(parts or [text[start:_with_its_terms(text, end, concepts)]]), *_LABELLED_TERMS.findall(text),
                        *_row_times(child, number)])
    terms = from_issue(read_terms(stated, child.header.plan_year, onward=True), stated, child.header.date)
    return Commitment(line=number, text=text, declined=refused, terms=_one_date_of_line(terms, text, child))


def _one_date_of_line(terms: Terms, text: str, child: Plan) -> Terms:
    """The terms, dated by the line's one date when the duty's sentence gives none ("tổ chức Ngày hội
    ... trong tháng 8/2026; bố trí các bàn hướng dẫn ...": the event's date is its parts' date)."""
    if terms.deadlines:
        return terms
    line = text.replace("\t", "; ")  # cells apart, as read_terms reads them; only the dates are wanted
    dates = deadlines(line, fold(line), child.header.plan_year)
    return terms.model_copy(update={"deadlines": dates}) if len(dates) == 1 else terms


# A sentence giving the line's terms under a label: "... đăng tin tương ứng. Tần suất: hằng tháng."
_LABELLED_TERMS = re.compile(r"(?<=[.;]\s)(?:Tần suất|Thời gian|Thời hạn|Số lượng|Định kỳ):[^.;]*", re.IGNORECASE)


def _with_its_terms(text: str, end: int, concepts: frozenset[str]) -> int:
    """The end of a duty's sentence with the clauses after ";" that only say how much, how often or
    by when ("...trên Cổng Dịch vụ công; hoàn thành trong tháng 11/2025", "... duy trì chuyên mục;
    mỗi chuyên mục đăng 01 tin, bài/tháng"): clauses naming nothing else than the duty's concepts
    and the news a channel carries, and no report (a duty of its own)."""
    from audit.text.matcher import find_matches

    while end < len(text) and text[end] == ";":
        clause = re.split(r"[;.!?]", text[end + 1:], maxsplit=1)[0]
        if (not clause.strip() or REPORT_RE.search(fold(clause))
                or {m.concept for m in find_matches(clause)} - CARRIERS - concepts):
            break
        end += 1 + len(clause)
    return end


def _row_times(plan: Plan, number: int) -> list[str]:
    """The time cells of a row of the plan's own task table ("| Tổ chức ngày hội | Tháng 12/2025 |"
    under "Thời gian"), as deadlines."""
    lines = plan.lines[:number]
    if not lines or lines[-1].number != number or not lines[-1].cells:
        return []
    header = lines[-1]
    for line in reversed(lines):
        if line.cells:
            header = line
        elif line.text.strip():
            break
    return stated_times(header.cells or [], lines[-1].cells) if header is not lines[-1] else []


def _best_sentence(text: str, wanted: frozenset[str]) -> tuple[int, int]:
    """The span of the sentence of `text` that shares most key words with a duty."""
    best, span, at = -1, (0, len(text)), 0
    for part in re.split(r"(?<=[;!?])|(?<=\.)(?!\d)", text):
        shared = len(wanted & key_words(part))
        if shared > best and part.strip():
            best, span = shared, (at, at + len(part.rstrip(";.!? ")))
        at += len(part)
    return span


def _sentence_declines(sentence: str, concepts: frozenset[str], year: int | None) -> bool:
    """A clause of the sentence refuses something, and names no other duty (a channel, indicator or
    deliverable; a topic does not count): "Việc treo băng rôn, pano ... tạm dừng đến khi sửa xong
    trụ sở"."""
    from audit.text.matcher import find_matches

    folded = fold(sentence)
    for span in refusals(sentence, year):
        clause = clause_around(folded, *span)
        at = folded.find(clause)
        if _REASON.match(clause) and _ACTS.search(folded, at + len(clause)):
            continue  # the reason for doing less ("Do chưa bố trí đủ kinh phí, năm 2024 xã in 250 tờ rơi")
        named = {x.concept for x in find_matches(sentence[at: at + len(clause)])}
        if not {c for c in named - concepts if not c.startswith("content.")}:
            return True
    return False


_REASON = re.compile(r"\s*(?:do|vi|boi vi)\b")
_ACTS = re.compile(rf"\b(?:{ACT})\b")


def _status(requirement: Requirement, found: list[Commitment], child: Plan) -> Coverage:
    """Covered by the commitments that are not declined, with the terms they fall short on; declined
    when every line that names it declines it."""
    kept = [c for c in found if not c.declined]
    if not kept:
        first = found[0]
        return Coverage(requirement=requirement, status="declined", commitment=first,
                        evidence=[Evidence(line=first.line, text=first.text)])
    commitment, shortfalls = _weakest(requirement.terms, _answering_best(requirement.text, kept), child)
    return Coverage(requirement=requirement, status="covered", commitment=commitment, shortfalls=shortfalls,
                    evidence=[Evidence(line=c.line, text=c.text) for c in kept[:3]])


def _answering_best(duty: str, kept: list[Commitment]) -> list[Commitment]:
    """The commitments whose terms answer the duty: of lines naming its concept, those sharing at
    least half as many of its key words as the line sharing most (a row "Đăng kết quả giải quyết
    hồ sơ ... | Hằng quý" answers "Công khai kết quả giải quyết hồ sơ ... hằng tháng", not the news
    row above it that also names the website)."""
    wanted = key_words(duty)
    shared = [len(wanted & key_words(c.text)) for c in kept]
    return [c for c, n in zip(kept, shared) if 2 * n >= max(shared)]


def _weakest(asked: Terms, kept: list[Commitment], child: Plan) -> tuple[Commitment, list[Shortfall]]:
    """The commitment to compare with the parent's terms, and what it falls short on: a term falls
    short where a line states less than asked and no other line states enough. A line giving the
    duty on to the child's own subordinates ("UBND các xã báo cáo về Phòng Nội vụ huyện trước ngày
    05/6") carries it out, but its terms are theirs, not the child's: it is not compared."""
    passed_on = _passed_on(child)
    verdicts = [(c, term_verdicts(asked, c.terms, child)) for c in kept if c.line not in passed_on]
    short: list[Shortfall] = []
    first: Commitment | None = None
    for term in ("quantity", "frequency", "deadline", "defunct_recipient", "recipient"):
        if term in ("frequency", "deadline") and {"quantity", "frequency"} & set(short):
            continue  # one shortfall of what is done: fewer rounds are also later ones
        # A report to an abolished body is wrong even beside a right one: judged on the line that
        # answers the duty best (the first); other terms fall short only where no line says enough.
        said = [(c, v[term]) for c, v in verdicts[:1 if term == "defunct_recipient" else None] if v[term] is not None]
        if said and all(verdict for _, verdict in said) and not (term == "recipient" and "defunct_recipient" in short):
            short.append(term)  # type: ignore[arg-type]
            first = first or said[0][0]
    return first or kept[0], short


def _passed_on(plan: Plan) -> set[int]:
    """The lines of the plan's duties for levels below its own."""
    rank = LEVEL_RANK.get(plan.header.level or "")
    if rank is None:
        return set()
    return {o.line for o in plan.obligations
            if o.addressees and all(a.level and LEVEL_RANK[a.level] > rank for a in o.addressees)}


def term_verdicts(asked: Terms, given: Terms, child: Plan) -> dict[str, bool | None]:
    """For each term: True where the child commits to less than the parent asks, False where it
    commits to as much, None where the child or the parent does not state it. Counts of one period
    compare as quantities ("01 tin mỗi tháng" for 02); a longer period is a lower frequency ("02
    lần mỗi tháng" for "02 lần mỗi tuần")."""
    fewer = _fewer(asked, given)
    frequency = None
    if fewer and _less_often(asked, given):
        fewer, frequency = None, True
    elif not fewer and _rate(asked) and _rate(given, any_count=True):  # as many items, but less often?
        frequency = _rate(given, any_count=True) < _rate(asked)
    return {"quantity": fewer, "frequency": frequency, "deadline": _later(asked, given),
            "recipient": _other_recipient(asked, given, child), "defunct_recipient": _defunct(given, child)}


def _rate(terms: Terms, any_count: bool = False) -> int | None:
    """How many times a year: "02 lần trong năm" is twice, "hằng quý" four times. On the child's side
    any count for a period is a rate too: "04 tin bài mỗi tháng" is aired at least four times, but
    not a count of places or people ("hai tháng một lần ... trong nhóm Zalo của 21 thôn")."""
    times = [per_year(q) for q in terms.quantities
             if (q.noun == "lan" or any_count and q.noun not in _NOT_EVENTS) and q.per]
    times += [PER_YEAR[terms.frequency]] if terms.frequency else []
    return max(times, default=None)


# Nouns counting places and people: how many, never how often.
_NOT_EVENTS = frozenset("thon ban ap xom to khu xa phuong diem ho nguoi thanh".split())


def _fewer(asked: Terms, given: Terms) -> bool | None:
    """Whether the child counts fewer of an item the parent counts (None: no item counted by both).
    Times ("02 lần mỗi tháng") are counted only against times of the same period: "một lần mỗi
    quý" for "02 lần mỗi tháng" is less often, compared as rates."""
    verdict = None
    for wanted in asked.quantities:  # a total and a rate are not compared: "04 tin" may be a month's
        same = [q for q in given.quantities if same_item(q, wanted)
                and (_total(q) == _total(wanted) or wanted.per == "nam")  # "20 tin trong năm": 01 a month is fewer
                and (wanted.noun != "lan" or q.per == wanted.per)]
        if same:
            verdict = bool(verdict) or max(per_year(q) for q in same) < per_year(wanted)
    return verdict


def _less_often(asked: Terms, given: Terms) -> bool:
    """The child counts as many of an item as asked, but for a longer period."""
    return any(same_item(q, w) and q.per and w.per and q.amount == w.amount and PER_YEAR[q.per] < PER_YEAR[w.per]
               for w in asked.quantities for q in given.quantities)


def _total(quantity: Quantity) -> bool:
    """A count for the plan's year: a total, or one a year ("02 đợt/năm" in a year's plan)."""
    return quantity.per in (None, "nam")


def same_item(one: Quantity, other: Quantity) -> bool:
    """Whether two counts count the same item: their nouns meet ("06 phóng sự, chương trình" and
    "12 chương trình, phóng sự")."""
    return bool({one.noun, *one.also} & {other.noun, *other.also})


def _later(asked: Terms, given: Terms) -> bool | None:
    """Whether a date of the child is after the parent's nearest date for the same duty."""
    if not asked.deadlines or not given.deadlines:
        return None
    verdicts = [d.date > min(theirs, key=lambda t: abs((t - d.date).days))
                for d in given.deadlines if (theirs := [a.date for a in asked.deadlines if a.monthly == d.monthly])]
    return any(verdicts) if verdicts else None


def _outside(given: Terms, child: Plan) -> list[str]:
    """The recipients the child names other than itself (a commune's officers report to it)."""
    own = _own_body(child)
    return [r for r in given.recipients if not (own and same_body(r, own))]


def _other_recipient(asked: Terms, given: Terms, child: Plan) -> bool | None:
    """Whether the child reports elsewhere than the parent asks (not judged where the parent's
    recipient is the child itself: Sở Nội vụ compiles the reports and sends them on)."""
    outside = _outside(given, child)
    own = _own_body(child)
    if not outside or not asked.recipients or (own and any(same_body(a, own) for a in asked.recipients)):
        return None
    return not any(same_body(a, g) for a in asked.recipients for g in outside)


def _defunct(given: Terms, child: Plan) -> bool | None:
    """A recipient of a level that no longer exists when the child is dated (after 1/7/2025)."""
    when = child.header.date or (dt.date(child.header.year, 12, 31) if child.header.year else None)
    outside = _outside(given, child)
    if not outside or not when or when < TWO_TIER_FROM:
        return None
    return any(DEFUNCT.search(body_key(r)) for r in outside)


def _own_body(plan: Plan) -> str:
    return plan.header.issuer or ""


# A line about reporting: "báo cáo", results sent on ("tổng hợp kết quả, gửi Sở Nội vụ") or
# compiled for a period ("tổng hợp kết quả 6 tháng, năm").
_REPORTING = re.compile(r"\bbao cao\b|\b(?:ket qua|tong hop)\b[^.;]{0,50}\bgui\b|\bgui\b[^.;]{0,30}\bket qua\b"
                        r"|\btong hop ket qua (?:thuc hien )?(?:hang |dinh ky )?(?:6 thang|quy|nam|thang)\b")


def _report(requirement: Requirement, child: Plan, lines: list[Line]) -> Coverage:
    """A reporting duty is taken up by the child's lines about reporting, the one that shares most
    of the duty's words first."""
    reporting = [line for line in lines if _REPORTING.search(fold(line.text))]
    if not reporting:
        return Coverage(requirement=requirement, status="missing")
    wanted = key_words(requirement.text)
    reporting.sort(key=lambda line: -len(wanted & key_words(line.text)))
    found = [_commitment(line.number, line.text, child, wanted=wanted, about=_REPORTING) for line in reporting]
    return _status(requirement, found, child)


def _task(requirement: Requirement, child: Plan, lines: list[Line], settings: Settings) -> Coverage:
    wanted = key_words(requirement.text)
    answered = _same_title(requirement.text, lines) or _answering(wanted, lines)
    if answered:  # the same contest or model by its quoted name, or a reply "Về mô hình ...: ..."
        line, span = answered[0]
        return _status(requirement, [_commitment(line.number, line.text, child, span)], child)
    if len(wanted) < 3:  # too little to judge by words: shown as not judged, never as met
        return Coverage(requirement=requirement, status="not_judged")
    shared = [len(wanted & key_words(line.text)) for line in lines]
    most = max(shared, default=0)
    best, best_line = most / len(wanted), lines[shared.index(most)] if most else None  # the first line of the most
    if best < settings.task_share or best_line is None:
        return Coverage(requirement=requirement, status="missing")
    coverage = _status(requirement, [_commitment(best_line.number, best_line.text, child, wanted=wanted)], child)
    for evidence in coverage.evidence:
        evidence.score = round(best, 2)
    return coverage


@dataclass(frozen=True)
class Trace:
    """A plan traced against its parents: each requirement with its coverage, and the sentences
    copied from the nearest parent. Computed once per plan with the pack's settings, and read by
    the checks and every report alike."""

    coverage: list[Coverage]
    copy: CopiedShare  # the copied sentences

    @property
    def copied_share(self) -> float:
        """The share of the plan's sentences copied from the nearest parent (JSON: "localization")."""
        return self.copy.share


def trace(plan: Plan, parents: list[Plan], settings: Settings = Settings()) -> Trace:
    """Every requirement the parents make of `plan`, judged, and what `plan` copies of the first."""
    lines = commitment_lines(plan)
    coverage = [judge(r, plan, lines, settings) for parent in parents for r in derive_requirements(parent, plan)]
    copy = copied_share(body_lines(plan), body_lines(parents[0]), similarity=settings.similarity)
    return Trace(coverage, copy)
