"""The matcher on the spellings plans really use, and on the traps of DOMAIN.md."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from audit.cli import main
from audit.model import Line
from audit.pipeline import load_plan
from audit.text.lexicon import LexiconError, lexicon_path, load_lexicon
from audit.text.matcher import find_matches, match_lines
from tests.conftest import seed, shared
from tests.helpers.schema import validated


def named(text: str) -> dict[str, list[tuple[str, float]]]:
    """concept id -> [(matched text, score)] for `text`."""
    out: dict[str, list[tuple[str, float]]] = {}
    for m in find_matches(text):
        out.setdefault(m.concept, []).append((text[m.start : m.end], m.score))
    return out


@pytest.mark.parametrize(
    ("text", "concept", "matched"),
    [
        ("treo băng zôn tuyên truyền", "channel.truc_quan", "băng zôn"),
        ("băng rôn, khẩu hiệu, panô", "channel.truc_quan", "băng rôn"),
        ("pa nô, áp phích", "channel.truc_quan", "pa nô"),
        ("Công thông tin điện tử của xã", "channel.cong_ttdt", "Công thông tin điện tử"),
        ("đăng trên cong thong tin dien tu", "channel.cong_ttdt", "cong thong tin dien tu"),
        ("tin bài trên Cổng TTĐT tỉnh", "channel.cong_ttdt", "Cổng TTĐT"),
        ("Cổng / Trang thông tin điện tử", "channel.cong_ttdt", "Trang thông tin điện tử"),
        ("nâng cao PARINDEX", "indicator.par_index", "PARINDEX"),
        ("chỉ số CCHC (Par Index)", "indicator.par_index", "chỉ số CCHC"),
        ("Chỉ số cải cách hành chính (PAR INDEX)", "indicator.par_index", "Chỉ số cải cách hành chính"),
        ("Chỉ số đo lường sự hài lòng của người dân", "indicator.sipas", "đo lường sự hài lòng"),
        ("Báo Gia Lai; Đài PT-TH Gia Lai", "channel.bao_chi", "PT-TH"),
        ("Đài PTTH tỉnh", "channel.bao_chi", "PTTH"),
        ("trên các phương tiện thông tin đại chúng", "channel.bao_chi", "phương tiện thông tin đại chúng"),
        ("Hệ thống tiếp sóng Truyền thanh của huyện", "channel.truyen_thanh", "Truyền thanh"),
        ("qua các cuộc họp của xóm, cụm loa xóm", "channel.truyen_thanh", "cụm loa"),
        ("tuyên truyền trên loa của khu", "channel.truyen_thanh", "loa"),
        ("các tờ rời, tờ gấp", "channel.an_pham", "tờ rời"),
        ("Trang Fanpage Cổng thông tin điện tử huyện trên mạng xã hội Facebook", "channel.facebook", "Fanpage"),
        ("qua Cổng Hành chính công tỉnh Tây Ninh trên mạng xã hội Zalo", "channel.zalo", "Zalo"),
        ("qua Cổng Hành chính công tỉnh Tây Ninh trên mạng xã hội Zalo", "channel.cong_dvc", "Cổng Hành chính công"),
        ("hình thức sân khấu hoá", "channel.san_khau", "sân khấu hoá"),
        ("hình thức sân khấu hóa", "channel.san_khau", "sân khấu hóa"),
        ("Hội nghị sơ tổng kết", "channel.hoi_nghi", "Hội nghị"),
        ("nghiêm yết công khai các thủ tục", "channel.niem_yet", "nghiêm yết công khai"),
    ],
)
def test_variants_are_matched(text: str, concept: str, matched: str) -> None:
    assert matched in [m for m, _ in named(text).get(concept, [])]


def test_scores_tell_exact_from_loose_from_fuzzy() -> None:
    # the longest alias first ("Cổng thông tin" is one too): the one a plan's evidence keeps
    assert named("Cổng thông tin điện tử")["channel.cong_ttdt"][0] == ("Cổng thông tin điện tử", 1.0)
    assert named("Công thông tin điện tử")["channel.cong_ttdt"][0] == ("Công thông tin điện tử", 0.9)
    (_, score), = named("nghiêm yết công khai")["channel.niem_yet"]
    assert 0.8 <= score < 0.9  # a typo ranks below a word-for-word match


def test_unicode_form_and_tone_placement_do_not_matter() -> None:
    nfd = unicodedata.normalize("NFD", "hình thức sân khấu hoá")
    (match,) = find_matches(nfd)
    assert (match.concept, match.score) == ("channel.san_khau", 1.0)
    assert nfd[match.start : match.end] == unicodedata.normalize("NFD", "sân khấu hoá")


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("phân loại cơ quan hành chính", "channel.truyen_thanh"),  # "loại" is not "loa"
        ("chói lòa", "channel.truyen_thanh"),  # keep_tones: "lòa" is not "loa"
        ("mã SPCIX và PCIs", "indicator.pci"),  # PCI inside a longer word
        ("Nghị quyết số 18-NQ/TW Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XII", "channel.hoi_nghi"),
        ("Trung tâm Văn hóa, Thể thao và Truyền thanh huyện", "channel.truyen_thanh"),
        ("Phối hợp với Trung tâm Văn hoá, Thể thao và Truyền thanh huyện", "channel.truyen_thanh"),
        ("Đài Phát thanh - Truyền hình Gia Lai", "channel.truyen_thanh"),  # the provincial station: the press
        ("hệ thống đài truyền thanh xã", "channel.bao_chi"),  # "truyền thanh" is no typo of "truyền hình"
        ("các văn bản chỉ đạo CCHC của huyện", "indicator.par_index"),  # "đạo" is no typo of "số"
        ("chỉ số năng lực cạnh tranh cấp sở, ban, ngành và địa phương", "indicator.pci"),
        ("đơn vị sự nghiệp dịch vụ công", "channel.cong_dvc"),
        ("vốn lưu động", "channel.luu_dong"),
        ("báo cáo UBND xã", "channel.bao_chi"),
        # a typo stays inside its clause: "kỷ cương hành chính" ends before the semicolon
        ("Tăng cường kỷ cương hành chính; công khai, minh bạch", "channel.cong_dvc"),
    ],
)
def test_near_misses_are_not_matched(text: str, concept: str) -> None:
    assert concept not in named(text)


def test_a_scoped_alias_still_counts_outside_its_exclusion() -> None:
    text = "Trung tâm Văn hóa, Thể thao và Truyền thanh huyện phát trên hệ thống truyền thanh"
    assert named(text)["channel.truyen_thanh"] == [("truyền thanh", 1.0)]
    assert named("chỉ số năng lực cạnh tranh cấp sở, ban, ngành")["indicator.ddci"][0][1] == 1.0


def test_match_lines_groups_by_concept_with_the_best_match_per_line() -> None:
    lines = [
        Line(number=3, text="Đăng trên Công thông tin điện tử và Cổng thông tin điện tử xã"),
        Line(number=1, text="tin bài trên cổng TTĐT; pa nô"),
    ]
    hits = match_lines(lines)
    assert [h.id for h in hits] == sorted(h.id for h in hits)
    ttdt = next(h for h in hits if h.id == "channel.cong_ttdt")
    assert [(e.line, e.matched, e.score) for e in ttdt.evidence] == [
        (1, "cổng TTĐT", 1.0), (3, "Cổng thông tin điện tử", 1.0),
    ]
    assert ttdt.evidence[1].text == lines[0].text


def test_citations_in_the_preamble_are_not_coverage() -> None:
    """Seed 002 names PCI, ICT, PAPI and PAR Index only in a "Căn cứ" citation (line 10)."""
    plan = load_plan(seed("002"))
    line10 = [line for line in plan.lines if line.number == 10]
    found = {h.id for h in match_lines(line10)}
    assert {"indicator.pci", "indicator.papi", "indicator.par_index", "indicator.ict_index"} <= found
    assert not [c.id for c in plan.concepts if c.id.startswith("indicator.")]


def test_recipients_are_not_coverage() -> None:
    """Seed 001's "Nơi nhận" lists "Báo Gia Lai; Đài PT-TH Gia Lai" (line 135)."""
    plan = load_plan(seed("001"))
    assert 135 not in [e.line for e in plan.concept("channel.bao_chi").evidence]


def test_extract_json_lists_concepts_with_evidence() -> None:
    result = CliRunner().invoke(main, ["extract", "--format", "json", str(seed("004"))])
    assert result.exit_code == 0, result.output
    concepts = {c["id"]: c for c in validated(result.output, "extract")["concepts"]}
    evidence = {e["line"]: e for e in concepts["channel.cong_ttdt"]["evidence"]}
    assert evidence[85]["matched"] == "Công thông tin điện tử"
    assert evidence[85]["text"].startswith("- Công thông tin điện tử của xã")
    assert concepts["indicator.par_index"]["evidence"][0]["line"] == 21


# --- the lexicon -----------------------------------------------------------------------------


def test_lexicon_has_every_core_concept_of_the_contract() -> None:
    contract = shared("docs", "CONTRACT.md").read_text(encoding="utf-8")
    core = set(re.findall(r"`((?:channel|indicator|content|deliverable)\.[a-z_]+)`", contract))
    assert len(core) >= 35
    lexicon = load_lexicon()
    assert core <= set(lexicon.concepts)
    for concept in lexicon.concepts.values():
        assert concept.label_vi and concept.label_en and concept.aliases


def test_lexicon_is_compiled_once() -> None:
    assert load_lexicon() is load_lexicon()
    assert lexicon_path().is_file()


BASE = """
version: 1
concepts:
  - id: channel.loa
    category: channel
    label_vi: Loa
    label_en: loudspeakers
    aliases: [loa]
"""


@pytest.mark.parametrize(
    ("yaml_text", "line", "problem"),
    [
        ("version: 1\nconcepts: [\n", 3, "bad YAML: while parsing a flow node did not find expected node content"),
        (BASE.replace("    label_en: loudspeakers\n", ""), 4, "concepts.0.label_en: Field required"),
        (BASE.replace("id: channel.loa", "id: indicator.loa"), 4, "concepts.0: Value error, id 'indicator.loa' must start with its category"),
        (BASE + "    fuzzy: 30\n", 9, "concepts.0.fuzzy: Input should be greater than or equal to 50"),
        (BASE + "    not_in: [Trung tâm Truyền thanh]\n", 4,
         "channel.loa: not_in 'Trung tâm Truyền thanh' contains none of its aliases"),
        (BASE + BASE.split("concepts:\n")[1].replace("channel.loa", "channel.xe_loa"), 9,
         "channel.xe_loa: alias 'loa' is the same words as an alias of channel.loa"),
        (BASE + BASE.split("concepts:\n")[1], 9, "concept channel.loa is defined twice"),
        (BASE + "abbreviations: {PT-TH: phát thanh truyền hình, PT TH: phát thanh}\n", 9,
         "abbreviation 'PT TH' is listed twice"),
        (BASE + "    label_vi: Loa nữa\n", 9, "key 'label_vi' given twice (first on line 6)"),
        ("version: 1\nversion: 1\n", 2, "key 'version' given twice (first on line 1)"),
    ],
)
def test_a_bad_lexicon_names_the_file_the_line_and_the_problem(tmp_path: Path, yaml_text: str, line: int,
                                                               problem: str) -> None:
    path = tmp_path / "lexicon.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(LexiconError) as error:
        load_lexicon(path)
    assert str(error.value).startswith(f"{path}:{line}: {problem}")


def test_an_unreadable_lexicon_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.yaml"
    path.write_bytes(b"version: 1\n\xff\n")
    with pytest.raises(LexiconError) as error:
        load_lexicon(path)
    assert str(error.value).startswith(f"{path}: cannot read the file (")


def test_a_custom_lexicon_is_used(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.yaml"
    path.write_text(BASE + "abbreviations: {XL: xe loa}\n", encoding="utf-8")
    lexicon = load_lexicon(path)
    assert [(m.concept, m.start, m.end) for m in find_matches("dùng XL; phân loại", lexicon)] == [("channel.loa", 5, 7)]


def lines_of(*texts: str) -> list[Line]:
    return [Line(number=n, text=t) for n, t in enumerate(texts, start=1)]


def test_a_concept_cut_by_a_hard_line_wrap_is_found_on_the_line_where_it_starts() -> None:
    """PDF text and portal copies wrap lines mid-sentence: "Cổng Dịch vụ" / "công quốc gia"."""
    hits = match_lines(lines_of(
        "- Hướng dẫn người dân nộp hồ sơ trực tuyến trên Cổng Dịch vụ",
        "công quốc gia và theo dõi trên Zalo của xã.",
    ))
    by_id = {hit.id: hit.evidence for hit in hits}
    assert [(e.line, e.matched) for e in by_id["channel.cong_dvc"]] == [(1, "Cổng Dịch vụ công quốc gia")]
    assert by_id["channel.cong_dvc"][0].text.endswith("Cổng Dịch vụ công quốc gia và theo dõi trên Zalo của xã.")
    assert [e.line for e in by_id["channel.zalo"]] == [2]


@pytest.mark.parametrize("second", [
    "Công quốc gia.",            # a capital: a new sentence or a heading, not a wrapped one
    "- công khai thủ tục.",      # a bullet
])
def test_lines_that_do_not_carry_on_a_sentence_are_not_joined(second: str) -> None:
    hits = match_lines(lines_of("- Tuyên truyền trên Cổng Dịch vụ", second))
    assert "channel.cong_dvc" not in {hit.id for hit in hits}


def test_a_sentence_that_ended_is_not_joined_to_the_next_line() -> None:
    hits = match_lines(lines_of("Kết quả rà soát Cổng Dịch vụ.", "công khai tại trụ sở."))
    assert "channel.cong_dvc" not in {hit.id for hit in hits}


def test_the_wrap_reach_covers_the_longest_alias() -> None:
    from audit.text.matcher import WRAP_REACH

    lexicon = load_lexicon()
    longest = max(len(" ".join(phrase.norm)) for phrases in lexicon.by_first.values() for phrase in phrases)
    assert longest < WRAP_REACH
