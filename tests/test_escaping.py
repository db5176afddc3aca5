"""Document text is data in every output: a plan whose lines hold rich markup ("[red]x[/red]",
"[link=...]"), HTML ("<script>", "<b>"), a Markdown link and ANSI escapes prints them as text.

The formats are read from `plan-audit check --format`'s choices, so a format added later is tested
here at once: by its own inspector below, or, for one this module does not know yet, by the rule
every format must keep (JSON parses, XML has no element from the plan, anything else never holds
"<script>" as written). The reader shows control characters as symbols ("\\x1b" as "␛"), so no
output carries a terminal escape taken from a plan.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from audit.cli import main
from tests.conftest import seed

# totals and whole reports: on the pinned rules, whatever default rule is added (tests/helpers/pinned.py)
pytestmark = pytest.mark.usefixtures("pinned_rules")

MARKUP = "[red]x[/red]"
LINK = "[link=https://evil.example]xem[/link]"
SCRIPT = "<script>alert(1)</script>"
BOLD_HTML = "<b>đậm</b>"
MD_LINK = "[bấm](javascript:alert(3))"
ESCAPE = "\x1b[31mđỏ\x1b[0m"
HYPERLINK = "\x1b]8;;http://evil\x07liên kết"  # OSC 8: a terminal hyperlink
SHOWN_ESCAPE = "␛[31mđỏ␛[0m"  # how the reader hands ESCAPE on
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # anything but tab and line breaks


def check_formats() -> list[str]:
    option = next(p for p in main.commands["check"].params if p.name == "fmt")
    assert isinstance(option.type, click.Choice)
    return list(option.type.choices)


@pytest.fixture(scope="module")
def plan(tmp_path_factory) -> Path:
    """Seed 004 with its number left blank (so THETHUC001 quotes the line as evidence), markup,
    HTML and escapes on that line, more on the title line, and markup in the cited issuer's name
    (which `graph` shows). Its first line, empty in this portal copy, gets the header's table back,
    so that the copy is no copy (THETHUC010) and the blank number is THETHUC001's."""
    text = "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" + seed("004").read_text(encoding="utf-8")
    number_line = f"Số: /KH-UBND {MARKUP} {SCRIPT} {ESCAPE} & {MD_LINK}"
    text = text.replace("Số: 02 /KH-UBND", number_line, 1)
    text = text.replace("tỉnh Hải Dương\n", f"tỉnh Hải Dương {LINK} {BOLD_HTML} {HYPERLINK}\n", 1)
    text = text.replace("thành phố Hải Dương về", f"thành phố Hải Dương {MARKUP} về", 1)
    path = tmp_path_factory.mktemp("escaping") / "ke-hoach.md"
    path.write_text(text, encoding="utf-8")
    return path


def outputs(tmp_path: Path, *args: str) -> list[str]:
    """What the command prints to a pipe, and what it writes with --output."""
    piped = CliRunner().invoke(main, list(args))
    assert piped.exit_code in (0, 1), piped.output
    out = tmp_path / "report.out"
    written = CliRunner().invoke(main, [*args, "--output", str(out)])
    assert (written.exit_code, written.stdout) == (piped.exit_code, "")
    return [piped.stdout, out.read_text(encoding="utf-8")]


def flat(text: str) -> str:
    """Text with its wrapping undone: the words in order, one space apart."""
    return " ".join(text.split())


def strings(data) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for value in data.values() for s in strings(value)]
    if isinstance(data, list):
        return [s for value in data for s in strings(value)]
    return []


# --- one inspector per format -----------------------------------------------------------------


def inspect_rich(out: str) -> None:
    text = flat(out)
    for literal in (MARKUP, SCRIPT, SHOWN_ESCAPE, MD_LINK, LINK, BOLD_HTML, "␛]8;;http://evil␇liên kết"):
        assert literal in text


def inspect_json(out: str) -> None:
    values = "\n".join(strings(json.loads(out)))
    for literal in (MARKUP, SCRIPT, SHOWN_ESCAPE, MD_LINK, LINK, BOLD_HTML):
        assert literal in values


def inspect_sarif(out: str) -> None:
    # Anything from the plan is inside a JSON string: "<" cannot stand outside one and parse.
    document = json.loads(out)
    assert "\x1b" not in "".join(strings(document))


def inspect_junit(out: str) -> None:
    root = ET.fromstring(out)
    assert {element.tag for element in root.iter()} <= {"testsuites", "testsuite", "testcase", "failure",
                                                        "skipped", "error", "properties", "property", "system-out"}
    assert SCRIPT not in out and BOLD_HTML not in out
    assert SCRIPT in "".join(root.itertext())  # escaped, and there: "&lt;script&gt;" read back as text


def inspect_github(out: str) -> None:
    for line in out.splitlines():
        if line.startswith("::"):
            assert re.match(r"^::(error|warning|notice) [^:]*::", line), line


def inspect_html(out: str) -> None:
    assert SCRIPT not in out and BOLD_HTML not in out
    assert "&lt;script&gt;" in out


def inspect_markdown(out: str) -> None:
    prose = re.sub(r"```.*?```|`[^`\n]*`", "", out, flags=re.DOTALL)  # code is shown as written
    assert SCRIPT not in prose and BOLD_HTML not in prose
    assert MD_LINK not in prose


def inspect_concise(out: str) -> None:
    """Plain text, read by grep: every line is one finding, `path:line: CODE message`."""
    for line in out.splitlines():
        assert re.match(r"^ke-hoach\.md(:\d+)?: [A-Z]+\d{3} ", line), line


def inspect_unknown(out: str) -> None:
    """A format this module does not know yet: at least, nothing from the plan can run."""
    try:
        json.loads(out)
        return
    except ValueError:
        pass
    if out.lstrip().startswith("<"):
        root = ET.fromstring(out)
        assert not {"script", "b"} & {element.tag for element in root.iter()}
        return
    assert SCRIPT not in out


def document_texts(path: Path) -> str:
    """Every text a Word document (its paragraphs, tables and comments) or a workbook shows."""
    if path.suffix == ".xlsx":
        from openpyxl import load_workbook

        book = load_workbook(path)
        assert all(cell.data_type != "f" for sheet in book for row in sheet.iter_rows() for cell in row)
        return "\n".join(str(cell.value) for sheet in book for row in sheet.iter_rows() for cell in row if cell.value)
    from docx import Document

    document = Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    comments = [comment.text for comment in document.comments]
    return "\n".join([*(p.text for p in document.paragraphs), *cells, *comments])


def inspect_document(path: Path) -> None:
    """A Word or Excel report holds the plan's text as text: the literal characters, no element or
    formula made of them (its XML parts parse, and every element is in an Office namespace: a
    "<script>" or "<b>" from the plan would have none)."""
    import zipfile

    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                tags = {element.tag for element in ET.fromstring(archive.read(name)).iter()}
                assert all(tag.startswith("{") for tag in tags), name
    text = document_texts(path)
    assert not CONTROL.search(text)
    assert any(literal in text for literal in (SCRIPT, MARKUP, LINK, BOLD_HTML)), text[:500]


INSPECTORS = {"rich": inspect_rich, "concise": inspect_concise, "json": inspect_json, "sarif": inspect_sarif, "junit": inspect_junit,
              "github": inspect_github, "html": inspect_html, "markdown": inspect_markdown}


FILE_FORMATS = {"docx", "xlsx", "letter"}  # written to --output only: inspected as documents


@pytest.mark.parametrize("fmt", sorted(FILE_FORMATS))
def test_word_and_excel_reports_show_document_text_as_text(fmt, plan, tmp_path):
    out = tmp_path / f"report.{'xlsx' if fmt == 'xlsx' else 'docx'}"
    result = CliRunner().invoke(main, ["check", "--format", fmt, str(plan), "--output", str(out)])
    assert result.exit_code in (0, 1), result.output
    inspect_document(out)


@pytest.mark.parametrize("fmt", [f for f in check_formats() if f not in FILE_FORMATS])
def test_check_output_shows_document_text_as_text(fmt, plan, tmp_path):
    inspect = INSPECTORS.get(fmt, inspect_unknown)
    for out in outputs(tmp_path, "check", "--format", fmt, str(plan)):
        assert not CONTROL.search(out), repr(CONTROL.search(out).group())
        inspect(out)


@pytest.mark.parametrize("command", ["extract", "graph"])
def test_extract_and_graph_terminal_output_show_markup_as_text(command, plan, tmp_path):
    target = str(plan) if command == "extract" else str(plan.parent)
    for out in outputs(tmp_path, command, target):
        assert not CONTROL.search(out)
        assert MARKUP in flat(out)


@pytest.mark.parametrize("fmt", [f for f in check_formats() if f not in FILE_FORMATS])
def test_a_file_name_with_a_terminal_escape_is_printed_as_a_symbol(fmt, tmp_path):
    """A file name is text from outside too: "x\\x1b[31mred.txt" must not colour the terminal."""
    named = tmp_path / "x\x1b[31mred.txt"
    named.write_text(seed("004").read_text(encoding="utf-8"), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(named), str(tmp_path / "x\x1b[2Jgone.docx"),
                                       "--format", fmt, "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output
    # shown as the symbol, whatever the format's own quoting (JSON \u, SARIF's URI %-encoding)
    assert any(symbol in result.output for symbol in ("␛", "\\u241b", "%E2%90%9B")), result.output


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_corpus_links_and_shows_a_parent_whose_file_name_has_an_escape(jobs, tmp_path):
    """The run knows files by their shown names, the workers open the real ones: Kim Khê still finds
    its parent, the city plan filed as "x\\x1b[31mcity.txt"."""
    fixtures = Path(__file__).resolve().parent.parent / "fixtures"
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "x\x1b[31mcity.txt").write_bytes((fixtures / "2024-tp-ben-lam.txt").read_bytes())
    (tmp_path / "plans" / "kim-khe.md").write_bytes((fixtures / "2024-xa-kim-khe.md").read_bytes())
    result = CliRunner().invoke(main, ["corpus", str(tmp_path / "plans"), "--jobs", jobs, "--format", "json",
                                       "--cache-dir", str(tmp_path / "cache"), "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output
    parents = {Path(p["path"]).name: p["parent"] and Path(p["parent"]).name for p in json.loads(result.output)["plans"]}
    assert parents == {"kim-khe.md": "x␛[31mcity.txt", "x␛[31mcity.txt": None}
