"""Issue #22, bounded work: each input that took quadratic or exponential time or memory now costs
time in proportion to its size. Growth is measured in one run, never against a wall-clock limit:
the work on an input of size 4n takes about 4 times the work on size n when it is linear, 16 times
when it is quadratic; a test asserts a ratio under 10, the best of a few runs each (another process
slowing one measurement down only makes a run look slower, so the best is the fair figure)."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from audit.cli import main

CITATION = "Thực hiện Kế hoạch số 1183/KH-UBND ngày 08/4/2022 của UBND tỉnh Tây Ninh"
HEADER = "ỦY BAN NHÂN DÂN\nKẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2024\n"
SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"


def growth(work, make, n: int, repeat: int = 7) -> float:
    """How many times longer `work` takes on `make(4 * n)` than on `make(n)`, `n` first doubled until
    one run takes 20 ms (shorter times are mostly noise)."""
    def best(value) -> float:
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            work(value)
            times.append(time.perf_counter() - start)
        return min(times)

    work(make(n))  # imports, compiled patterns and caches warmed first
    while best(make(n)) < 0.02 and n < 1_000_000:
        n *= 2
    return best(make(4 * n)) / best(make(n))


def linear(work, make, n: int) -> None:
    """Growth under 10 in one of three measurements: a busy machine can slow one measurement down,
    a quadratic cost (16) never measures under 10."""
    ratios = []
    while len(ratios) < 3 and (not ratios or ratios[-1] >= 10):
        ratios.append(growth(work, make, n))
    assert min(ratios) < 10, f"4 times the input took {', '.join(f'{r:.1f}' for r in ratios)} times as long"


# --- regular expressions over document text ------------------------------------------------------------


def test_a_citation_followed_by_a_run_of_spaces_costs_linear_time():
    from audit.parse.docref import find_refs

    linear(find_refs, lambda n: CITATION + " " * n + "x", 4000)
    linear(find_refs, lambda n: "Kế hoạch số 1/KH-UBND về " + "a" + " " * n + "b", 4000)  # the subject
    assert find_refs(CITATION + " " * 10 + "về tuyên truyền")[0].issuer == "Ủy ban nhân dân tỉnh Tây Ninh"


@pytest.mark.parametrize("run", [".", "…"])
def test_runs_of_dots_or_ellipses_cost_linear_time(run):
    from audit.text.hygiene import placeholders

    search = placeholders.__wrapped__  # not the remembered answer
    linear(search, lambda n: "Số " + run * n + " x", 4000)
    linear(search, lambda n: "[" + run * n, 4000)
    assert search("Số: .../KH-UBND") == ((0, 10),)
    assert search("a..../KH") == ((1, 8),)


def test_the_header_number_pattern_costs_linear_time_after_so():
    from audit.parse.docref import HEADER_NUMBER_RE

    linear(HEADER_NUMBER_RE.search, lambda n: "Số" + " " * n + "x", 4000)


# --- findings per line ----------------------------------------------------------------------------------


def test_a_line_that_trips_a_rule_many_times_gives_capped_findings_with_clipped_evidence(tmp_path):
    from audit.engine.context import MAX_EVIDENCE
    from audit.engine.engine import MAX_PER_LINE

    plan = tmp_path / "x.txt"
    plan.write_text(HEADER + "tuyên truyền " * 5000 + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(plan), "--format", "json", "--select", "CHINHTA002"])
    import json

    findings = json.loads(result.stdout)["findings"]
    assert len(findings) == MAX_PER_LINE
    assert all(len(f["evidence"]) == MAX_EVIDENCE and f["evidence"].endswith("…") for f in findings)
    assert len(result.stdout) < 100_000  # was 122 KB in, 301 MB out


# --- .docx and PDF ---------------------------------------------------------------------------------------


def _docx(path: Path, paragraphs: int) -> Path:
    """A .docx of a "KẾ HOẠCH" line and `paragraphs` one-letter paragraphs, all of style "X"."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("hostile_inputs", SCRIPTS / "hostile_inputs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.docx_case(path.parent, ["KẾ HOẠCH"] + ["a"] * paragraphs, 0, path.name, style="X")


def test_a_docx_of_many_tiny_paragraphs_is_refused_before_they_are_read(tmp_path):
    from audit.read import MAX_LINES, read_source
    from audit.read.errors import InputError

    with pytest.raises(InputError) as refused:
        read_source(_docx(tmp_path / "many.docx", MAX_LINES + 1))
    assert refused.value.key == "too_many_lines"


def test_a_paragraph_style_is_looked_up_once_per_style(tmp_path, monkeypatch):
    from docx.text.paragraph import Paragraph

    from audit.read import read_source

    looked_up = []
    style = Paragraph.style.fget
    monkeypatch.setattr(Paragraph, "style", property(lambda self: looked_up.append(1) or style(self)))
    read_source(_docx(tmp_path / "styled.docx", 2000))
    assert len(looked_up) == 1  # style "X", once for 2,001 paragraphs


def test_a_zip_part_that_unpacks_to_more_than_it_says_is_refused_in_small_steps(tmp_path):
    import struct

    from audit.read import read_source
    from audit.read.errors import InputError

    path = _docx(tmp_path / "lie.docx", 1)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        real = archive.getinfo("word/document.xml").file_size
    for signature, offset in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):  # directory and local header
        at = 0
        while (at := data.find(signature, at)) >= 0:
            if struct.unpack_from("<I", data, at + offset)[0] == real:
                struct.pack_into("<I", data, at + offset, 20)
            at += 4
    path.write_bytes(bytes(data))
    with pytest.raises(InputError) as refused:
        read_source(path)
    assert refused.value.key == "bomb.lie"
    assert refused.value.values == {"member": "word/document.xml", "declared": 20}


def test_pdf_pages_sharing_one_large_content_stream_cost_little(tmp_path):
    """40 pages drawing one 220 KB stream cost pypdf 4.4 s a page; PDFium parses a page's 3,000 text
    objects in C (about 7 ms here) and its text page holds the 41 letters drawn over each other."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, NameObject

    from audit.read import read_source

    writer = PdfWriter()
    stream = DecodedStreamObject()
    stream.set_data(b"BT /F1 12 Tf 72 720 Td (Ke hoach tuyen truyen cai cach hanh chinh) Tj ET\n" * 3000)
    shared = writer._add_object(stream)
    for _ in range(40):
        page = writer.add_blank_page(612, 792)
        page[NameObject("/Contents")] = shared
    path = tmp_path / "shared.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    lines = read_source(path).lines
    assert [(line.page, line.text) for line in lines] == [
        (page, "Ke hoach tuyen truyen cai cach hanh chinh") for page in range(1, 41)]


def test_a_pdf_page_holding_too_much_text_is_refused_before_its_words_are_read(tmp_path, monkeypatch):
    from fpdf import FPDF

    from audit.read import pdf, read_source
    from audit.read.errors import InputError

    document = FPDF()
    document.add_page()
    document.set_font("helvetica", size=1)
    for row in range(700):
        document.text(5, 5 + row * 0.4, "ke hoach tuyen truyen " * 4)
    document.output(str(tmp_path / "dense.pdf"))
    extracted = []
    monkeypatch.setattr(pdf, "_words", lambda *args: extracted.append(1) or [])
    with pytest.raises(InputError) as refused:
        read_source(tmp_path / "dense.pdf")
    assert refused.value.key == "pdf_heavy"
    assert refused.value.values["page"] == 1 and refused.value.values["limit"] == f"{pdf.MAX_PAGE_CHARS:,}"
    assert extracted == []  # counted, never read


# --- the plan graph --------------------------------------------------------------------------------------


def test_plans_that_all_cite_each_other_are_one_cycle_not_millions():
    import networkx as nx

    from audit.graph import PlanGraph

    graph = PlanGraph.__new__(PlanGraph)
    graph.graph = nx.relabel_nodes(nx.complete_graph(11, create_using=nx.DiGraph), lambda n: f"p{n:02d}")
    assert graph.cycles() == [[f"p{n:02d}" for n in range(11)]]
    ring = PlanGraph.__new__(PlanGraph)
    ring.graph = nx.DiGraph([("c", "a"), ("a", "b"), ("b", "c"), ("c", "x")])
    assert ring.cycles() == [["a", "b", "c"]]  # a ring is followed round, as before


# --- YAML -------------------------------------------------------------------------------------------------

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]\n" for previous, name in zip("abcdefgh", "bcdefghi"))
SELF = "a: &a [*a]\n"


@pytest.mark.parametrize("text", [BOMB, SELF], ids=["bomb", "self"])
@pytest.mark.parametrize("kind", ["config", "waivers", "baseline", "expected"])
def test_yaml_aliases_are_refused_in_every_file_the_reviewer_gives(tmp_path, monkeypatch, text, kind):
    from tests.conftest import FIXTURES

    monkeypatch.chdir(tmp_path)
    (tmp_path / "f.yaml").write_text(text, encoding="utf-8")
    plan = str(FIXTURES / "2024-xa-kim-khe.md")
    args = {"config": ["check", plan, "--config", "f.yaml"], "waivers": ["check", plan, "--config", "c.yaml"],
            "baseline": ["check", plan, "--baseline", "f.yaml"], "expected": ["graph", str(FIXTURES), "--expected", "f.yaml"]}
    (tmp_path / "c.yaml").write_text("waivers: f.yaml\n", encoding="utf-8")
    result = CliRunner().invoke(main, [*args[kind], "--lang", "en"])
    assert result.exit_code == 2
    assert "aliases (&name, *name, <<) are not accepted; write the value out" in result.stderr
    assert result.stderr.startswith("plan-audit: error: f.yaml:1: ")


def test_yaml_aliases_are_refused_in_a_rule_pack(tmp_path):
    from audit.engine.packs import PackError, load_pack_file

    (tmp_path / "pack.yaml").write_text(BOMB, encoding="utf-8")
    with pytest.raises(PackError, match="aliases"):
        load_pack_file(tmp_path / "pack.yaml")


# --- globs and pack regexes --------------------------------------------------------------------------------


def test_path_globs_are_matched_without_backtracking():
    from audit.policy.globs import PathPattern

    pattern = PathPattern("*a*a*a*a*a*a*a*a*b", Path("/"))
    linear(pattern.matches, lambda n: "a" * n, 2000)
    deep = PathPattern("**/**/**/**/x/**", Path("/r"))
    linear(deep.matches, lambda n: "/r/" + "a/" * n + "y", 200)
    assert PathPattern("drafts/**", Path("/r")).matches("/r/drafts/xa/k.docx")
    assert not PathPattern("drafts/**", Path("/r")).matches("/r/drafts")
    assert PathPattern("**/*.nhap.docx", Path("/r")).matches("/r/k.nhap.docx")


@pytest.mark.parametrize("pattern", ["(a+)+$", "(?:\\s*\\w+)+:", "(x?)*y"])
def test_a_pack_regex_that_repeats_a_repeat_is_refused_at_load(pattern):
    from pydantic import TypeAdapter, ValidationError

    from audit.engine.checks import Regex

    with pytest.raises(ValidationError, match="repeats a repeat"):
        TypeAdapter(Regex).validate_python(pattern)
    for safe in ("^tuyên truyền (trên|thông qua|qua)\\b", "(a++)+$", "(?>\\s*\\w+)+:"):
        assert TypeAdapter(Regex).validate_python(safe) == safe


# --- the size of what is read -------------------------------------------------------------------------------


def test_a_file_of_more_text_than_any_plan_is_refused_before_it_is_parsed(tmp_path, monkeypatch):
    from audit import pipeline
    from audit.read import MAX_TEXT_CHARS, read_source
    from audit.read.errors import InputError

    path = tmp_path / "big.txt"
    line = "Nội dung tuyên truyền cải cách hành chính " * 20
    path.write_text("\n".join([line] * (MAX_TEXT_CHARS // len(line) + 1)), encoding="utf-8")
    parsed = []
    monkeypatch.setattr(pipeline, "parse_plan", lambda source: parsed.append(source))
    with pytest.raises(InputError) as refused:
        pipeline.load_plan(path)
    assert refused.value.key == "too_much_text" and parsed == []
    path.write_text("\n".join([line] * 100), encoding="utf-8")
    assert len(read_source(path).lines) == 100


def test_an_xml_part_larger_than_any_plans_is_refused_unread(tmp_path, monkeypatch):
    from audit.read import docx
    from audit.read.errors import InputError

    monkeypatch.setattr(docx, "MAX_XML_BYTES", 1000)
    with pytest.raises(InputError) as refused:
        docx.check_zip(_docx(tmp_path / "big.docx", 100))
    assert refused.value.key == "bomb.size"
