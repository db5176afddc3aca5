"""Finding and reading the plans of a folder: order, hidden folders, link loops, unreadable files."""

from __future__ import annotations

import os
import shutil

import pytest

from audit.corpus import find_plan_files, load_corpus
from audit.read.errors import InputError
from tests.conftest import SEEDS, seed, shared


def test_seeds_folder_gives_the_five_plans_in_name_order():
    shared("seeds")
    corpus = load_corpus(SEEDS)
    names = [os.path.basename(p.path) for p in corpus.plans]
    assert names == sorted(path.name for path in SEEDS.glob("*.txt"))
    assert len(names) == 5
    assert corpus.problems == []
    assert corpus.plans[4].header.number == "02"


def test_walk_is_depth_first_in_name_order_and_skips_hidden_and_other_files(tmp_path):
    for rel in ("b/2.txt", "a/z.md", "a/sub/1.txt", "c.txt", ".git/x.txt", "a/.hidden/y.txt",
                "a/~$lock.docx", "notes.csv", "img.png"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("KẾ HOẠCH\n", encoding="utf-8")
    files, problems = find_plan_files(tmp_path)
    assert [f.relative_to(tmp_path).as_posix() for f in files] == ["a/sub/1.txt", "a/z.md", "b/2.txt", "c.txt"]
    assert problems == []


def test_symlink_loop_does_not_hang_and_each_file_is_listed_once(tmp_path):
    shutil.copy(seed("004"), tmp_path / "plan.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "sub" / "again.txt").symlink_to(tmp_path / "plan.txt")
    files, problems = find_plan_files(tmp_path)
    assert [f.relative_to(tmp_path).as_posix() for f in files] == ["plan.txt"]
    assert problems == []


def test_broken_link_is_a_problem_not_a_silence(tmp_path):
    shutil.copy(seed("004"), tmp_path / "plan.txt")
    (tmp_path / "gone.docx").symlink_to(tmp_path / "missing.docx")
    corpus = load_corpus(tmp_path)
    assert len(corpus.plans) == 1
    assert [(os.path.basename(p.path), p.problem("en")) for p in corpus.problems] == [
        ("gone.docx", "broken link: its target does not exist")]
    assert corpus.problems[0].problem() == "liên kết hỏng: đích của liên kết không tồn tại"


def test_unreadable_files_are_reported_and_the_rest_is_read(tmp_path):
    shutil.copy(seed("000"), tmp_path / "a.txt")
    (tmp_path / "b.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    (tmp_path / "c.txt").write_text("   \n", encoding="utf-8")
    shutil.copy(seed("003"), tmp_path / "d.txt")
    corpus = load_corpus(tmp_path)
    assert [os.path.basename(p.path) for p in corpus.plans] == ["a.txt", "d.txt"]
    problems = {os.path.basename(p.path): p.problem("en") for p in corpus.problems}
    assert problems == {"b.doc": "damaged Word .doc file (its OLE header is not valid)",
                        "c.txt": "file is empty"}


def test_missing_or_non_directory_root_raises_input_error(tmp_path):
    with pytest.raises(InputError, match="không tìm thấy thư mục") as raised:
        load_corpus(tmp_path / "nope")
    assert raised.value.message("en") == f"{tmp_path / 'nope'}: directory not found. Give the folder that holds the plans"
    (tmp_path / "f.txt").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="không phải thư mục") as raised:
        load_corpus(tmp_path / "f.txt")
    assert raised.value.problem("en") == "is not a directory"


def test_notes_beside_the_plans_are_not_audited_as_plans():
    from audit.corpus import find_plan_files
    from tests.conftest import FIXTURES

    files, problems = find_plan_files(FIXTURES)
    names = [f.name for f in files]
    assert "README.md" not in names and "2024-huyen-phu-lam.md" in names and not problems
