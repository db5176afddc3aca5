"""`--format letter`: for each audited plan, the official letter (công văn) that sends the review back
to the unit that issued it, laid out as Nghị định 30/2020/NĐ-CP (Phụ lục I) lays out a công văn:

    ỦY BAN NHÂN DÂN TỈNH ...           CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    ỦY BAN NHÂN DÂN HUYỆN ...              Độc lập - Tự do - Hạnh phúc
    Số:      /                            ..., ngày    tháng    năm
    V/v góp ý Kế hoạch số ... của ...
                       Kính gửi: <the plan's issuer>.
    <body: the parent's requirements not met, with their lines; what to fix, with the plan's lines;
     resubmit by a date left blank>
    Nơi nhận: ...                                   TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH

The issuer is the parent plan's (the reviewer is the level above); the number, the date, the deadline
and the signer are left blank for the office to fill in. Written as a .docx per plan (--output:
a file for one plan, else a folder). Plan text is set as text, never read as markup.
"""

from __future__ import annotations

from docx.shared import Pt

from audit.engine.engine import CheckRun
from audit.messages import msg
from audit.model import Header
from audit.report.paths import PathStyle
from audit.report.view import (
    PlanView, header_date, header_number, plan_views, requirement_name, rules_by_code, to_add_one,
)
from audit.report.word import new_document, save, targets

BLANK = "…………"


def write(run: CheckRun, output: str, lang: str, paths: PathStyle) -> None:
    rules = rules_by_code(run)
    files = dict((item.path, target) for item, target in targets(run, output, paths, "cong-van"))
    for view in plan_views(run):
        if view.path in files:
            save(letter(view, rules, lang), files[view.path])


def letter(view: PlanView, rules: dict, lang: str):
    """The công văn for one plan, as a python-docx Document."""
    document = new_document()
    plan, parent = view.item.plan, view.item.parent
    issuer = parent.header if parent else Header()
    _heading(document, issuer, _plan_name(plan.header, lang), lang)
    _paragraph(document, f"{_t('to', lang)}: {plan.header.issuer or BLANK}.", center=True)
    _body(document, view, rules, lang)
    _closing(document, issuer, lang)
    return document


def _t(key: str, lang: str, **values) -> str:
    return msg(f"letter.{key}", lang, **values)


def _plan_name(header: Header, lang: str) -> str:
    """"Kế hoạch số 05/KH-UBND ngày 12/01/2024 của Ủy ban nhân dân xã Kim Khê", as far as known."""
    number, date = header_number(header), header_date(header, lang)
    parts = [_t("plan", lang)]
    parts += [f"{_t('number', lang)} {number}"] if number else []
    parts += [f"{_t('dated', lang)} {date}"] if date else []
    parts += [f"{_t('of', lang)} {header.issuer}"] if header.issuer else []
    return " ".join(parts)


def _heading(document, issuer: Header, plan_name: str, lang: str) -> None:
    """The two-column block: issuing body, number, subject | Quốc hiệu, Tiêu ngữ, place and date."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    left, right = _two_columns(document)
    _cell_lines(left, [((issuer.parent_body or "").upper(), False), ((issuer.issuer or BLANK).upper(), True),
                       ("", False), (f"{_t('number_label', lang)}:       /{BLANK}", False),
                       (f"{_t('subject', lang)} {plan_name}", False)], size=12)
    _cell_lines(right, [(_t("motto_1", lang), True), (_t("motto_2", lang), True), ("", False),
                        (_t("place_date", lang, place=issuer.place or BLANK), False)], size=12)
    right.paragraphs[1].runs[0].font.size = Pt(13)  # Tiêu ngữ: 13-14, the Quốc hiệu 12-13
    right.paragraphs[-1].runs[0].italic = True
    for cell in (left, right):
        for paragraph in cell.paragraphs:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph()


def _two_columns(document) -> tuple:
    """A borderless table of two cells, 6 and 10.5 cm wide (the text area of an A4 page)."""
    from docx.shared import Cm

    table = document.add_table(rows=1, cols=2)
    table.autofit = False
    left, right = table.rows[0].cells
    for column, cell, width in zip(table.columns, (left, right), (Cm(6), Cm(10.5))):
        column.width = cell.width = width  # Word reads the cells' widths, LibreOffice the grid's
    return left, right


def _lower_first(title: str) -> str:
    """A title as it reads after "về": "Tuyên truyền ..." -> "tuyên truyền ...", "CCHC ..." kept."""
    words = title.split(maxsplit=1)
    return title if not words or words[0].isupper() and len(words[0]) > 1 else title[:1].lower() + title[1:]


def _cell_lines(cell, lines: list[tuple[str, bool]], size: int | None = None) -> None:
    """A paragraph per line in `cell`: (text, bold), in `size` points when given."""
    first = True
    for text, bold in lines:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        if text:
            run = paragraph.add_run(text)
            run.bold = bold
            if size:
                run.font.size = Pt(size)


def _paragraph(document, text: str, center: bool = False, bold: bool = False):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    paragraph = document.add_paragraph()
    paragraph.add_run(text).bold = bold
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    else:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        paragraph.paragraph_format.first_line_indent = Cm(1)
    return paragraph


def _body(document, view: PlanView, rules: dict, lang: str) -> None:
    plan, parent = view.item.plan, view.item.parent
    reviewer = parent.header.issuer if parent and parent.header.issuer else BLANK
    title = f" {_t('about', lang)} {_lower_first(plan.header.title)}" if plan.header.title else ""
    _paragraph(document, _t("opening", lang, plan=_plan_name(plan.header, lang), title=title, reviewer=reviewer))
    number = 0
    if view.missing:
        number += 1
        _paragraph(document, f"{number}. {_t('missing', lang, parent=_plan_name(parent.header, lang))}", bold=True)
        for coverage in view.missing:
            requirement = coverage.requirement
            _paragraph(document, "- " + _t("missing_item", lang, name=requirement_name(coverage, lang),
                                           line=requirement.parent_line, text=" ".join(requirement.text.split())))
    fixes = view.other_findings
    if fixes:
        number += 1
        _paragraph(document, f"{number}. {_t('fixes', lang)}", bold=True)
        for finding in fixes:
            where = _t("at_line", lang, line=finding.line) if finding.line else _t("whole_plan", lang)
            _paragraph(document, f"- {where}: {finding.message} {_t('fix', lang)}: {to_add_one(finding, rules, lang)}.")
    if not number:
        _paragraph(document, _t("nothing", lang))
    _paragraph(document, _t("resubmit", lang, unit=plan.header.issuer or BLANK, reviewer=reviewer, blank=BLANK))


def _closing(document, issuer: Header, lang: str) -> None:
    """Nơi nhận (left) and the signature block (right), blank for the signer."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document.add_paragraph()
    left, right = _two_columns(document)
    _cell_lines(left, [(f"{_t('recipients', lang)}:", True), (f"- {_t('as_above', lang)};", False),
                       (f"- {_t('archive', lang)}.", False)], size=11)
    left.paragraphs[0].runs[0].italic = True
    left.paragraphs[0].runs[0].font.size = Pt(12)
    _cell_lines(right, [(line, True) for line in _signature(issuer, lang)] + [("", False)] * 3 + [(BLANK, True)])
    for paragraph in right.paragraphs:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _signature(issuer: Header, lang: str) -> list[str]:
    """"TM. ỦY BAN NHÂN DÂN" and "CHỦ TỊCH" for a people's committee, the head's title otherwise."""
    name = (issuer.issuer or "").lower()
    if name.startswith(("ủy ban nhân dân", "uỷ ban nhân dân")):
        return [_t("sign_committee", lang), _t("sign_chair", lang)]
    if name.startswith("sở"):
        return [_t("sign_director", lang)]
    return [_t("sign_head", lang)]
