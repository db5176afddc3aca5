"""`--format xlsx`: the summary a district sends up to the province, as an Excel workbook (--output).

Sheets, headers in the report's language (Vietnamese by default), the header row frozen and filtered:
- Tổng hợp: a row per plan: file, unit, level, number, date, parent, findings by severity, the
  parent's assigned requirements met (by category), share met, share copied, on time or late;
- Phát hiện: a row per finding: file, line, severity, code, message, evidence, the parent's
  file, line and wording, what to do, the waiver's reason;
- Đơn vị chưa có kế hoạch: plans cited that are not in the folder, and with --expected the
  expected units that filed none;
- Ma trận: plans × the parents' requirements: met, missing, or only listed and not named.
Numbers are numbers (shares as percentages), dates are dates; every text is a cell's value,
never a formula (a text starting with "=" is stored as text).
"""

from __future__ import annotations

import io

from audit.engine.engine import CheckRun
from audit.model import Severity
from audit.report.coverage import CATEGORIES, shares
from audit.report.output import write_atomic
from audit.report.paths import PathStyle
from audit.report.view import header_number, plan_views, requirement_name, rules_by_code, to_add_one, words

LATE_RULE = "KETHUA006"  # the plan was issued after the parent's time limit
WIDTHS = {"path": 30, "name": 30, "text": 60, "short": 12, "number": 9}


def write(run: CheckRun, output: str, lang: str, paths: PathStyle, expected: dict | None = None) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    shown = paths.apply(run)
    _summary(workbook.create_sheet(words(lang)["xlsx.summary"]), shown, lang)
    _findings(workbook.create_sheet(words(lang)["xlsx.findings"]), shown, lang)
    _missing(workbook.create_sheet(words(lang)["xlsx.missing"]), shown, lang, expected)
    _matrix(workbook.create_sheet(words(lang)["xlsx.matrix"]), shown, lang)
    buffer = io.BytesIO()
    workbook.save(buffer)
    write_atomic(output, buffer.getvalue())


def _sheet(sheet, columns: list[tuple[str, str]], rows) -> None:
    """`columns` ((header, width kind)) then `rows`; header bold, frozen, filtered; widths set."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    sheet.append([header for header, _ in columns])
    for cell in sheet[1]:
        cell.font, cell.fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.row_dimensions[1].height = 62  # room for a header wrapped on four lines
    for row in rows:
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            if cell.data_type == "f":  # a text starting with "=" is text, never a formula
                cell.data_type = "s"
    for index, (_, kind) in enumerate(columns, 1):
        sheet.column_dimensions[get_column_letter(index)].width = WIDTHS[kind]
        for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
            cell.alignment = Alignment(wrap_text=kind == "text", vertical="top")
            if hasattr(cell.value, "year"):
                cell.number_format = "DD/MM/YYYY"
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = sheet.dimensions
    # Printed (or converted to PDF) landscape, as wide as one page, the header row on every page.
    sheet.page_setup.orientation, sheet.page_setup.paperSize = "landscape", sheet.PAPERSIZE_A4
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.print_title_rows = "1:1"


def _percent(sheet, header: str) -> None:
    column = next(cell.column_letter for cell in sheet[1] if cell.value == header)
    for (cell,) in sheet.iter_rows(min_row=2, min_col=sheet[column + "1"].column, max_col=sheet[column + "1"].column):
        cell.number_format = "0%"


def _summary(sheet, run: CheckRun, lang: str) -> None:
    w = words(lang)
    categories = [w[f"matrix.{key}"] for key, _, _ in CATEGORIES]
    columns = [(w["plan_file"], "path"), (w["issuer"], "name"), (w["xlsx.level"], "short"), (w["number"], "short"),
               (w["date"], "short"), (w["parent_plan"], "path"), (w[Severity.error], "number"),
               (w[Severity.warning], "number"), (w[Severity.info], "number"),
               *((f"{name} ({w['xlsx.met']})", "number") for name in categories),
               *((f"{name} ({w['xlsx.total']})", "number") for name in categories),
               (w["xlsx.share_met"], "number"), (w["matrix.copied"], "number"), (w["xlsx.timing"], "short")]
    _sheet(sheet, columns, (_summary_row(view, lang) for view in plan_views(run) if view.item))
    _percent(sheet, w["xlsx.share_met"])
    _percent(sheet, w["matrix.copied"])


def _summary_row(view, lang: str) -> list:
    w, item = words(lang), view.item
    header = item.plan.header if item.plan else None
    number = header_number(header) if header else None
    parent = item.parent.path if item.parent else None
    counts = [sum(1 for f in view.findings if f.severity == s) for s in (Severity.error, Severity.warning, Severity.info)]
    figures = shares(item.trace) if item.trace else {}
    met = [figures[key][0] if key in figures else None for key, _, _ in CATEGORIES]
    total = [figures[key][1] if key in figures else None for key, _, _ in CATEGORIES]
    assigned = [c for c in view.coverage if c.requirement.weight == "assigned"]
    share_met = sum(c.covered for c in assigned) / len(assigned) if assigned else None
    copied = round(item.trace.copied_share, 3) if item.trace else None
    late = any(f.rule == LATE_RULE for f in view.findings + view.waived)
    timing = (w["xlsx.late"] if late else w["xlsx.on_time"]) if item.parent else None
    level = w[f"level.{header.level}"] if header and header.level else None
    return [view.path, header.issuer if header else None, level, number,
            header.date if header else None, parent, *counts, *met, *total, share_met, copied, timing]


def _findings(sheet, run: CheckRun, lang: str) -> None:
    w, rules = words(lang), rules_by_code(run)
    columns = [(w["plan_file"], "path"), (w["line"].capitalize(), "number"), (w["xlsx.severity"], "short"),
               (w["code"], "short"), (w["message"], "text"), (w["evidence"], "text"), (w["parent_plan"], "path"),
               (w["xlsx.parent_line"], "number"), (w["parent_wording"], "text"), (w["what_to_do"], "text"),
               (w["reason"], "text")]
    rows = ([f.path, f.line, w[f"severity.{f.severity.value}"], f.rule, f.message, f.evidence, f.parent_path,
             f.parent_line, f.parent_text, to_add_one(f, rules, lang), f.waiver_reason if f.waived else None]
            for f in run.findings)
    _sheet(sheet, columns, rows)


def _missing(sheet, run: CheckRun, lang: str, expected: dict | None) -> None:
    """Plans cited but not in the folder; with `expected`, the units that filed no plan."""
    from audit.graph import PlanGraph, missing_units

    w = words(lang)
    graph = PlanGraph([item.plan for item in run.inputs if item.plan is not None])
    rows = [[w["xlsx.not_in_folder"], group.key.issuer, group.key.year, group.key.reference, None,
             ", ".join(group.paths)] for group in graph.unresolved_groups()]
    for item in missing_units(graph, expected) if expected else []:
        rows += [[w["xlsx.no_plan"], item.issuer, item.year, item.reference or ", ".join(item.paths), unit, None]
                 for unit in item.missing]
    columns = [(w["xlsx.kind"], "name"), (w["xlsx.upper_unit"], "name"), (w["xlsx.year"], "number"),
               (w["xlsx.upper_plan"], "path"), (w["xlsx.unit"], "name"), (w["xlsx.cited_by"], "path")]
    _sheet(sheet, columns, rows)


def _matrix(sheet, run: CheckRun, lang: str) -> None:
    """A column per requirement of the parents (the same concept asked by two parents is one
    column), a row per plan with a parent."""
    w = words(lang)
    columns: dict[str, str] = {}
    for item in run.inputs:
        for c in item.trace.coverage if item.trace else []:
            columns.setdefault(_key(c), f"{requirement_name(c, lang)} ({w['weight.' + c.requirement.weight]})")
    assigned_first = sorted(columns, key=lambda key: "(" + w["weight.assigned"] not in columns[key])
    columns = {key: columns[key] for key in assigned_first}
    rows = []
    for item in run.inputs:
        if item.trace:
            status: dict[str, str] = {}
            for c in item.trace.coverage:  # a concept asked on two lines: missing if either is
                if status.get(_key(c)) != w["xlsx.status.missing"]:
                    status[_key(c)] = _status(c, w)
            rows.append([item.path, item.parent.path, *(status.get(key) for key in columns)])
    header = [(w["plan_file"], "path"), (w["parent_plan"], "path"), *((name, "short") for name in columns.values())]
    _sheet(sheet, header, rows)


def _key(coverage) -> str:
    requirement = coverage.requirement
    return f"{requirement.category}:{requirement.concept or requirement.text}:{requirement.item or ''}"


def _status(coverage, w: dict) -> str:
    if coverage.covered:
        return w["xlsx.status.met"]
    return w["xlsx.status.missing"] if coverage.requirement.weight == "assigned" else w["xlsx.status.not_named"]
