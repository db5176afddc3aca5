"""`--format markdown` and `--format html`: the report a reviewer sends back to a plan's authors,
on the fixture hierarchy: header, parent, met requirements with evidence, missing ones with the
parent's wording, other findings, waived ones, what to add; Vietnamese by default; document text
neutralized (Markdown rendered by a real CommonMark parser, HTML parsed)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner
from markdown_it import MarkdownIt

from audit.cli import main
from audit.report import html, markdown
from tests.conftest import FIXTURES, REPO
from tests.helpers.reports import IMAGE, SCRIPT, fixture_run, hostile_pair, waive

# totals and whole reports: on the pinned rules, whatever default rule is added (tests/helpers/pinned.py)
pytestmark = pytest.mark.usefixtures("pinned_rules")


def corpus(fmt: str, *args: str) -> str:
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(REPO)
        result = CliRunner().invoke(main, ["corpus", "fixtures", "--format", fmt, "--fail-on", "never", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def section(text: str, start: str, end: str = "\n## ") -> str:
    at = text.index(start)
    stop = text.find(end, at + len(start))
    return text[at:stop if stop > 0 else None]


class Elements(HTMLParser):
    """The tags of a page, the text under each heading level, and every attribute."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.headings: dict[str, list[str]] = {"h1": [], "h2": [], "h3": []}
        self.attributes: list[tuple[str, str | None]] = []
        self._open: str | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes += attrs
        if tag in self.headings:
            self._open = tag
            self.headings[tag].append("")

    def handle_endtag(self, tag):
        if tag == self._open:
            self._open = None

    def handle_data(self, data):
        if self._open:
            self.headings[self._open][-1] += data


def elements(page: str) -> Elements:
    parser = Elements()
    parser.feed(page)
    return parser


# --- Markdown ------------------------------------------------------------------------------


def test_markdown_per_plan_header_parent_met_missing_findings_and_advice():
    text = corpus("markdown")
    assert text.startswith("# Báo cáo rà soát kế hoạch\n")
    assert "- **Đáp ứng yêu cầu được giao:**" in text
    plan = section(text, "## fixtures/2024-xa-phuc-khe.pdf: Tuyên truyền cải cách hành chính xã Phúc Khê năm 2024")
    assert "- **Số:** 06/KH\\-UBND" not in plan  # a hyphen inside a line is left alone
    assert "- **Số:** 06/KH-UBND" in plan
    assert "- **Ngày ban hành:** 08/02/2024" in plan
    assert "- **Cơ quan ban hành:** Ủy ban nhân dân xã Phúc Khê" in plan
    assert "- **Thực hiện kế hoạch cấp trên:** 12/KH-UBND, 26/01/2024, Ủy ban nhân dân huyện Phù Lam" in plan
    met = section(plan, "### Yêu cầu của kế hoạch cấp trên đã đáp ứng", "\n### ")
    assert re.search(r"\| Nội dung \(được giao\): Đài truyền thanh[^|]*\| dòng \d+ \| dòng \d+: ", met)
    missing = section(plan, "### Yêu cầu của kế hoạch cấp trên còn thiếu (2)", "\n### ")
    assert ("| Nội dung (được giao): Zalo | dòng 81: Hướng dẫn người dân sử dụng Zalo OA "
            "\"Chính quyền số Lam Giang\" và Cổng Dịch vụ công tỉnh khi giải quyết TTHC. |") in missing
    assert "| Nội dung (được giao): Chỉ số hài lòng về sự phục vụ hành chính (SIPAS) | dòng 83:" in missing
    # the two gaps are the missing requirements, not repeated; the other is "PAPI của huyện" (NOIDUNG003)
    assert "### Các vấn đề khác (1)" in plan
    advice = section(plan, "### Đề nghị bổ sung, chỉnh sửa", "\n### ")
    assert "1. PCI, PAPI là chỉ số cấp tỉnh: không gán cho cấp huyện, xã" in advice
    assert "2. Bổ sung: Zalo (dòng 26; kế hoạch cấp trên, dòng 81)" in advice
    assert "3. Bổ sung: Chỉ số hài lòng về sự phục vụ hành chính (SIPAS) (dòng 26; kế hoạch cấp trên, dòng 83)" in advice


def test_markdown_other_findings_with_evidence_and_the_rule_as_advice():
    plan = section(corpus("markdown"), "## fixtures/2024-so-tttt.docx")
    findings = section(plan, "### Các vấn đề khác (4)", "\n### ")  # the draft's three blanks are one finding
    assert ("- Cảnh báo THETHUC009: Số, ngày ban hành và họ tên người ký đều để trống: đây là bản dự thảo, "
            "chưa phải văn bản ban hành.") in findings
    assert "  - fixtures/2024-so-tttt.docx:3" in findings
    assert "  - » Số: /KH-STTTT \\| Bến Lam, ngày tháng năm 2024" in findings
    assert "1. Kế hoạch ban hành phải ghi số, ngày và họ tên người ký (bản dự thảo để trống cả ba)" in section(
        plan, "### Đề nghị bổ sung, chỉnh sửa", "\n### ")


def test_markdown_lists_waived_findings_apart_and_speaks_english():
    run = waive(fixture_run("en"), "KETHUA006", "Deadline extended by letter 15/UBND")
    text = markdown.render(run, "en")
    assert text.startswith("# Plan review report\n") and "- **Waived:** 1" in text
    plan = section(text, "## " + markdown.text(next(iter(run.inputs)).path))  # the first plan, after the overview
    path = next(p.path for p in run.inputs if p.path.endswith("2024-phuong-truc-lam.txt"))
    truc_lam = section(text, "## " + markdown.text(path))  # the path as Markdown writes it ("ci\\_clone")
    assert "### Other findings (2)" in truc_lam  # the hygiene slips (NHATQUAN001, CHINHTA002)
    waived = section(truc_lam, "### Waived (1)", "\n### ")
    assert "- KETHUA006: The plan is dated 18/03/2024, after the deadline the parent set for plans" in waived
    assert "  - Why it is waived: Deadline extended by letter 15/UBND" in waived
    assert "KETHUA006" not in section(truc_lam, "### What to add or change", "\n### ")
    assert "### Requirements of the parent plan that are met" in plan


def test_markdown_neutralizes_document_text(tmp_path):
    child, parent = hostile_pair(tmp_path)
    result = CliRunner().invoke(main, ["check", str(child), "--parent", str(parent), "--format", "markdown"])
    source = result.stdout
    rendered = MarkdownIt("commonmark").enable("table").render(source)
    assert "<script" not in rendered and "<img" not in rendered
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in rendered
    assert "&lt;img src=x onerror=&quot;document.title='pwned'&quot;&gt;" in rendered
    for line in source.splitlines():  # a cell's "|" never adds a column
        if line.startswith("| "):
            assert len(re.findall(r"(?<!\\)\|", line)) in (3, 4), line
    assert markdown.text("- a *b* [c](d) <e> & | `f` # g") == "\\- a \\*b\\* \\[c\\](d) \\<e\\> \\& \\| \\`f\\` \\# g"
    assert markdown.text("12. mục\nhai") == "12\\. mục hai"


# --- HTML ----------------------------------------------------------------------------------


def test_html_is_one_self_contained_file_with_print_styles():
    page = corpus("html")
    found = elements(page)
    assert page.startswith("<!DOCTYPE html>") and '<html lang="vi">' in page
    assert "script" not in found.tags and "link" not in found.tags and "img" not in found.tags
    assert not any(name == "src" or name == "href" and not value.startswith("#plan-") for name, value in found.attributes)
    assert not re.search(r"url\(|@import|https?://", page.split("<main>")[0])  # nothing to fetch
    assert "@media print" in page and "break-before: page" in page
    # and no script or fetch even if something slipped through
    assert ("content", html.POLICY) in found.attributes and html.POLICY.startswith("default-src 'none';")
    assert found.headings["h1"] == ["Báo cáo rà soát kế hoạch"]
    plans = sorted(p.name for p in FIXTURES.iterdir() if p.suffix in (".md", ".txt", ".docx", ".pdf")
                   and p.name != "README.md")
    assert found.headings["h2"][0] == "Tổng hợp theo kế hoạch"  # the overview, each plan linked to its part
    assert sorted(h.split(":")[0].removeprefix("fixtures/") for h in found.headings["h2"][1:]) == plans
    assert "Yêu cầu của kế hoạch cấp trên còn thiếu (2)" in found.headings["h3"]


def test_html_content_of_a_plan_with_gaps():
    page = corpus("html")
    plan = page[page.index("<h2>fixtures/2024-xa-phuc-khe.pdf"):]
    plan = plan[:plan.index("</section>")]
    assert "<dt>Số</dt><dd>06/KH-UBND</dd>" in plan
    assert "<dt>Thực hiện kế hoạch cấp trên</dt><dd>12/KH-UBND, 26/01/2024, Ủy ban nhân dân huyện Phù Lam" in plan
    assert ("<td>Nội dung (được giao): Zalo</td><td>dòng 81: Hướng dẫn người dân sử dụng Zalo OA "
            "&quot;Chính quyền số Lam Giang&quot;") in plan
    assert "<li>Bổ sung: Zalo (dòng 26; kế hoạch cấp trên, dòng 81)</li>" in plan


def test_html_escapes_every_document_text(tmp_path):
    child, parent = hostile_pair(tmp_path)
    result = CliRunner().invoke(main, ["check", str(child), "--parent", str(parent), "--format", "html"])
    page = result.stdout
    found = elements(page)
    assert "script" not in found.tags and "img" not in found.tags
    assert not any(name == "onerror" for name, _ in found.attributes)
    assert SCRIPT not in page and IMAGE not in page
    assert "&lt;script&gt;document.title=&#x27;pwned&#x27;&lt;/script&gt;" in page
    assert found.headings["h2"][0].endswith(f"{SCRIPT} trên địa bàn thị trấn Lâm Xuyên")  # shown as written


def test_html_waived_and_english():
    run = waive(fixture_run("en"), "KETHUA006", "Deadline <extended>")
    page = html.render(run, "en")
    assert '<html lang="en">' in page and "<h1>Plan review report</h1>" in page
    assert '<li class="waived">KETHUA006: ' in page
    assert "<li>Why it is waived: Deadline &lt;extended&gt;</li>" in page
