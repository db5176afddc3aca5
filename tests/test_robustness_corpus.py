"""Folders as they arrive: symbolic links looping back, one document filed twice, plans citing
each other in a circle. Every command terminates, audits each file once, and says what it saw."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from audit.cli import main
from tests.conftest import seed
from tests.test_graph import district, write_plan


def invoke(*args: str) -> tuple[int, dict]:
    paths = ["--absolute-paths"] if args[0] in ("check", "corpus", "graph") else []  # the files as named here
    result = CliRunner().invoke(main, [*args, "--format", "json", *paths])
    assert "Traceback" not in result.output
    return result.exit_code, json.loads(result.stdout) if result.stdout else {}


def looping_folder(root: Path) -> tuple[Path, Path]:
    """Two plans, a link back to the root from deep inside, a link to a plan and a link to a link."""
    parent = district(root / "huyen")
    child = write_plan(root / "xa", "dinh-bien.txt", "ỦY BAN NHÂN DÂN\nXÃ ĐỊNH BIÊN", "03/KH-UBND",
                       "Định Biên, ngày 10 tháng 01 năm 2022",
                       "Thực hiện Kế hoạch số 05/KH-UBND ngày 05/01/2022 của UBND huyện Định Hóa;")
    (root / "xa" / "sau").mkdir()
    (root / "xa" / "sau" / "goc").symlink_to(root, target_is_directory=True)
    (root / "xa" / "sau" / "vong").symlink_to(root / "xa" / "sau", target_is_directory=True)
    (root / "xa" / "ban-sao.txt").symlink_to(child)
    (root / "lien-ket").symlink_to(root / "xa", target_is_directory=True)
    return parent, child


def test_corpus_in_a_folder_with_link_loops_audits_each_plan_once(tmp_path):
    parent, child = looping_folder(tmp_path)
    code, data = invoke("corpus", "--fail-on", "never", str(tmp_path))
    assert code == 0
    assert [(p["path"], p["parent"]) for p in data["plans"]] == [(str(parent), None), (str(child), str(parent))]
    assert {f["path"] for f in data["findings"]} <= {str(parent), str(child)}


def test_check_and_graph_with_a_looping_corpus_terminate(tmp_path):
    parent, child = looping_folder(tmp_path)
    code, data = invoke("check", "--fail-on", "never", str(child), "--corpus", str(tmp_path))
    assert code == 0
    assert [(p["path"], p["parent"]) for p in data["plans"]] == [(str(child), str(parent))]
    code, data = invoke("graph", str(tmp_path))
    assert code == 0
    assert [d["path"] for d in data["documents"]] == [str(parent), str(child)]
    assert [(link["child"], link["parent"]) for link in data["links"]] == [(str(child), str(parent))]


def test_check_given_a_folder_says_to_use_corpus(tmp_path):
    looping_folder(tmp_path)
    code, data = invoke("check", "--fail-on", "never", str(tmp_path))
    assert code == 2
    assert [f["message"] for f in data["findings"]] == [
        f"Không đọc được tệp: {tmp_path}: là thư mục, không phải tệp kế hoạch. "
        "Dùng `plan-audit corpus DIR` để kiểm tra cả thư mục"
    ]
    code, data = invoke("check", "--fail-on", "never", "--lang", "en", str(tmp_path))
    assert [f["message"] for f in data["findings"]] == [
        f"Cannot read the file: {tmp_path}: is a directory, not a plan file. Use `plan-audit corpus DIR` for a folder"
    ]


def test_two_files_with_one_document_number_are_both_audited_and_reported(tmp_path):
    first = district(tmp_path / "2022")
    second = district(tmp_path / "ban-sao")
    code, data = invoke("graph", str(tmp_path))
    assert code == 0
    assert data["duplicates"] == [{"reference": "05/KH-UBND", "issuer": "Ủy ban nhân dân huyện Định Hoá",
                                   "year": 2022, "paths": [str(first), str(second)]}]
    code, data = invoke("corpus", "--fail-on", "never", str(tmp_path))
    assert code == 0
    assert [(p["path"], p["error"], p["header"]["number"]) for p in data["plans"]] == [
        (str(first), None, "05"), (str(second), None, "05"),
    ]
    rules = {path: [f["rule"] for f in data["findings"] if f["path"] == str(path)] for path in (first, second)}
    assert rules[first] == rules[second] != []


def citing_circle(folder: Path) -> list[Path]:
    """Three communes, each implementing the next one's plan, and a fourth citing itself."""
    names = [("an-khanh", "AN KHÁNH", "01"), ("binh-minh", "BÌNH MINH", "02"), ("cat-tien", "CÁT TIÊN", "03")]
    paths = []
    for i, (file, commune, number) in enumerate(names):
        _, next_commune, next_number = names[(i + 1) % 3]
        paths.append(write_plan(
            folder, f"{file}.txt", f"ỦY BAN NHÂN DÂN\nXÃ {commune}", f"{number}/KH-UBND",
            f"{commune.title()}, ngày 0{i + 2} tháng 01 năm 2023",
            f"Thực hiện Kế hoạch số {next_number}/KH-UBND ngày 0{(i + 1) % 3 + 2}/01/2023 của UBND xã {next_commune.title()};",
        ))
    paths.append(write_plan(folder, "dong-tien.txt", "ỦY BAN NHÂN DÂN\nXÃ ĐỒNG TIẾN", "04/KH-UBND",
                            "Đồng Tiến, ngày 05 tháng 01 năm 2023",
                            "Thực hiện Kế hoạch số 04/KH-UBND ngày 05/01/2023 của UBND xã Đồng Tiến;"))
    return paths


def test_citation_cycles_are_reported_and_each_plan_audited_once_against_its_parent(tmp_path):
    a, b, c, itself = citing_circle(tmp_path)
    code, data = invoke("graph", str(tmp_path))
    assert code == 0
    assert data["cycles"] == [[str(a), str(b), str(c)], [str(itself)]]
    code, data = invoke("corpus", "--fail-on", "never", str(tmp_path))
    assert code == 0
    # One entry per plan; each is audited against the plan it cites, never a chain of parents;
    # a plan citing itself has no parent.
    assert [(p["path"], p["parent"]) for p in data["plans"]] == [
        (str(a), str(b)), (str(b), str(c)), (str(c), str(a)), (str(itself), None),
    ]
    parent_paths = {f["parent_path"] for f in data["findings"] if f["rule"].startswith("KETHUA")}
    assert parent_paths <= {str(a), str(b), str(c)}


def test_check_with_a_circular_corpus_terminates(tmp_path):
    a, b, _, _ = citing_circle(tmp_path / "plans")
    copy = tmp_path / "moi.txt"
    shutil.copy(a, copy)
    code, data = invoke("check", "--fail-on", "never", str(copy), str(seed("004")), "--corpus", str(tmp_path / "plans"))
    assert code == 0
    assert [(p["path"], p["parent"]) for p in data["plans"]] == [(str(copy), str(b)), (str(seed("004")), None)]
