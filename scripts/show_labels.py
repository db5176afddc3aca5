"""Print each labelled line of tests/data/obligations/*/ so a reviewer can check the labels by eye.

Usage: python scripts/show_labels.py [PAIR_PREFIX ...]

For every pair it prints, per label, the parent line and (where given) the child line the label
points at. It fails (exit 1) when a label names a line that does not exist or is blank, or when a
pair lacks labels.yaml, parent.md or child.md: a wrong line number is a wrong label.
"""
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent / "tests" / "data" / "obligations"


def _line(lines, number, where, problems):
    if not isinstance(number, int) or not 1 <= number <= len(lines) or not lines[number - 1].strip():
        problems.append(f"{where}: line {number} is missing or blank")
        return "?"
    return lines[number - 1].strip()


def show(pair: Path, problems: list) -> None:
    files = {name: pair / name for name in ("parent.md", "child.md", "labels.yaml")}
    absent = [name for name, path in files.items() if not path.is_file()]
    if absent:
        problems.append(f"{pair.name}: no {', '.join(absent)}")
        return
    labels = yaml.safe_load(files["labels.yaml"].read_text(encoding="utf-8"))
    parent = files["parent.md"].read_text(encoding="utf-8").splitlines()
    child = files["child.md"].read_text(encoding="utf-8").splitlines()
    print(f"== {pair.name} [{labels.get('child_level')}] {labels.get('structure')}")
    for group in ("expected", "covered"):
        for label in labels.get(group) or []:
            kind = label.get("kind", "covered")
            where = f"{pair.name} {group} {kind}"
            print(f"  {kind:9} P{label['parent_line']:>3}: {_line(parent, label['parent_line'], where, problems)}")
            if "line" in label:
                print(f"  {'':9} C{label['line']:>3}: {_line(child, label['line'], where, problems)}")


def main(prefixes) -> int:
    problems: list = []
    for pair in sorted(p for p in ROOT.iterdir() if p.is_dir()):
        if not prefixes or any(pair.name.startswith(p) for p in prefixes):
            show(pair, problems)
    for problem in problems:
        print("PROBLEM:", problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
