"""Build the generated fixtures (.docx and PDF) from their text sources in fixtures/src/.

The sources end in ".in" (2024-so-tttt.md.in) so that `plan-audit corpus fixtures/` does not read
them as plans of their own, beside the files built from them.

    .venv/bin/python scripts/build_fixtures.py             # rewrite the files in fixtures/
    .venv/bin/python scripts/build_fixtures.py --out DIR   # write them into DIR instead

Edit the source, re-run this script and commit both: tests/test_fixtures_build.py fails when a
generated file no longer matches its source. The layout (header as a two-column table, appendix
as a Word table, PDF with a text layer) is the one of tests/helpers/make_docs.py.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # run as a script: make the `tests.helpers` package importable

from tests.helpers.make_docs import write_docx, write_pdf  # noqa: E402

FIXTURES = REPO / "fixtures"
SOURCES = FIXTURES / "src"

# generated file name -> (source file in fixtures/src/, writer)
GENERATED = {
    "2024-so-tttt.docx": ("2024-so-tttt.md.in", write_docx),
    "2024-xa-phuc-khe.pdf": ("2024-xa-phuc-khe.txt.in", write_pdf),
}


def build(out_dir: Path = FIXTURES) -> list[Path]:
    """Write every generated fixture into `out_dir`; returns the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (source, writer) in GENERATED.items():
        lines = (SOURCES / source).read_text(encoding="utf-8").splitlines()
        written.append(writer(lines, out_dir / name))
    return written


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=FIXTURES, help="folder to write into (default: fixtures/)")
    args = parser.parse_args(argv)
    for path in build(args.out):
        print(path)


if __name__ == "__main__":
    main()
