"""Benchmark: `plan-audit corpus` on generated corpora of 1,000 and 10,000 plans, in both modes of
scripts/gen_corpus.py (today's, whose connecting sentences repeat, and --realistic, repeating lines as
rarely as a real archive), and the whole `plan-audit check CHILD --parent PARENT` process. Figures go
to docs/performance.md.

Goals (issue 20, a 2-core machine): 10,000 plans at most 20 s wall with 2 processes (60 s in pure
Python), peak RSS under 1 GB, 10k/1k time ratio at most 11; a second run on the unchanged corpus
under 10% of the first; check --parent at most 0.25 s; the same report for any number of processes.

Run: make bench   (or .venv/bin/python scripts/bench.py [--sizes 1000 10000] [--jobs 1 2]
                   [--modes default realistic] [--work /tmp/plan-audit-bench])
Corpora are generated under --work (never in the repository), by scripts/gen_corpus.py with seed 1.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))

from perf_doc import record  # noqa: E402

EXE = Path(sys.executable).parent / "plan-audit"
SEED = 1


def tree_rss(root: int) -> int:
    """Resident memory (bytes) of process `root` and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(entry))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except OSError:
            pass
    return total


def timed(command: list[str]) -> tuple[float, int, float]:
    """Wall seconds, the peak resident memory of the process tree (sampled every 20 ms) and its CPU
    seconds (user and system, workers included): on a shared machine the CPU time says what the
    run cost, the wall time also what it waited."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss(process.pid))
            done.wait(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    _, errors = process.communicate()
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}): {errors.decode()[-2000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, peak, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def corpus_at(work: Path, size: int, mode: str = "default") -> Path:
    folder = work / (f"corpus-{size}" if mode == "default" else f"corpus-{mode}-{size}")
    if not (folder / "manifest.json").exists():
        shutil.rmtree(folder, ignore_errors=True)
        subprocess.run([sys.executable, str(REPO / "scripts" / "gen_corpus.py"), str(folder), "--plans", str(size),
                        "--seed", str(SEED), *(["--realistic"] if mode == "realistic" else [])],
                       check=True, stdout=subprocess.DEVNULL)
    return folder


def corpus_command(folder: Path, jobs: int, cache: Path, out: Path) -> list[str]:
    return [str(EXE), "corpus", str(folder), "--format", "json", "-o", str(out), "--jobs", str(jobs),
            "--cache-dir", str(cache)]


def machine_memory() -> str:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal"):
            return f"{int(line.split()[1]) / 1024 / 1024:.0f} GB RAM"
    return "RAM unknown"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--modes", nargs="+", choices=["default", "realistic"], default=["default", "realistic"])
    parser.add_argument("--work", type=Path, default=Path("/tmp/plan-audit-bench"))
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    load_before = os.getloadavg()[0]
    runs = [measure(args.work, mode, size, jobs) for mode in args.modes for size in args.sizes for jobs in args.jobs]
    check = check_parent(args.work, min(args.sizes))
    body = (
        f"Machine: {machine_memory()}; load average {load_before:.1f} when the run began (the machine is shared: "
        "wall times include waiting for the CPU; the CPU time is what the run cost).\n\n"
        f"Corpora: `scripts/gen_corpus.py DIR --plans N --seed {SEED}` (15-25 KB plans, .md and .txt, a whole "
        "province hierarchy), in its default mode and with `--realistic` (under 30% of the lines repeat an "
        "earlier one, as in a real archive; the default mode repeats more than half). Each corpus is audited twice "
        "with the same fresh `--cache-dir`: first run (cold), second run (unchanged corpus, from the cache).\n\n"
        + "\n".join(table(runs)) + "\n\n"
        + "".join(f"{line}\n" for line in ratios(runs)) + "\n"
        + f"`plan-audit check CHILD --parent PARENT` (a generated commune plan and its district's plan, "
        f"--format json, whole process, median of 7): {check[0]:.3f} s, {check[1]:.3f} s of CPU.\n\n"
        + "Goals:\n\n" + "\n".join(goal_lines(runs, check)) + "\n\nReproduce:\n\n```sh\n"
        f"{sys.executable.replace(str(REPO) + '/', '')} scripts/gen_corpus.py /tmp/corpus-10000 --plans 10000 --seed {SEED}"
        " [--realistic]\n"
        ".venv/bin/plan-audit corpus /tmp/corpus-10000 --format json -o /tmp/report.json --jobs 2 "
        "--cache-dir /tmp/pa-cache   # twice: cold, then cached\n```\n"
    )
    record("Corpus at scale", "make bench", body)


def measure(work: Path, mode: str, size: int, jobs: int) -> dict:
    """One corpus audited cold, then again from its cache."""
    folder = corpus_at(work, size, mode)
    megabytes = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6
    cache = work / f"cache-{mode}-{size}-{jobs}"
    shutil.rmtree(cache, ignore_errors=True)
    out, again_out = work / f"report-{mode}-{size}-{jobs}.json", work / f"report-{mode}-{size}-{jobs}-again.json"
    wall, peak, cpu = timed(corpus_command(folder, jobs, cache, out))
    again, again_peak, _ = timed(corpus_command(folder, jobs, cache, again_out))
    return {"mode": mode, "size": size, "megabytes": megabytes, "jobs": jobs, "wall": wall, "cpu": cpu, "peak": peak,
            "again": again, "again_peak": again_peak, "report": out.read_bytes(),
            "same": out.read_bytes() == again_out.read_bytes(),
            "findings": len(json.loads(out.read_text(encoding="utf-8"))["findings"])}


def table(runs: list[dict]) -> list[str]:
    head = ["| corpus | plans | processes | first run | CPU per plan | plans/s | peak RSS (process tree) | second run "
            "| its peak RSS | findings |", "|---|---|---|---|---|---|---|---|---|---|"]
    return head + [
        f"| {r['mode']} | {r['size']:,} ({r['megabytes']:.0f} MB) | {r['jobs']} | {r['wall']:.1f} s "
        f"| {1000 * r['cpu'] / r['size']:.1f} ms | {r['size'] / r['wall']:.0f} | {r['peak'] / 2**20:.0f} MB "
        f"| {r['again']:.1f} s ({r['again'] / r['wall']:.0%}{'' if r['same'] else ', differs!'}) "
        f"| {r['again_peak'] / 2**20:.0f} MB | {r['findings']:,} |"
        for r in runs
    ]


def ratios(runs: list[dict]) -> list[str]:
    """The cost ratio of the largest to the smallest corpus, per mode and number of processes."""
    lines = []
    for (mode, jobs), some in _by(runs, "mode", "jobs").items():
        small, large = min(some, key=lambda r: r["size"]), max(some, key=lambda r: r["size"])
        if small is not large:
            lines.append(f"Cost ratio {large['size']:,}/{small['size']:,}, {mode} corpus, {jobs} process"
                         f"{'es' if jobs > 1 else ''}: {large['wall'] / small['wall']:.1f} (wall), "
                         f"{large['cpu'] / small['cpu']:.1f} (CPU).")
    return lines


def _by(runs: list[dict], *keys: str) -> dict[tuple, list[dict]]:
    groups: dict[tuple, list[dict]] = {}
    for run in runs:
        groups.setdefault(tuple(run[key] for key in keys), []).append(run)
    return groups


def check_parent(work: Path, size: int) -> tuple[float, float]:
    """The median wall and CPU seconds of the whole `check CHILD --parent PARENT` process."""
    manifest = json.loads((corpus_at(work, size) / "manifest.json").read_text(encoding="utf-8"))
    child = next(p for p in manifest["plans"] if p["level"] == "xa" and p["parent"] and "/2024/" in f"/{p['path']}")
    folder = corpus_at(work, size)
    command = [str(EXE), "check", str(folder / child["path"]), "--parent", str(folder / child["parent"]),
               "--format", "json", "-o", str(work / "check.json")]
    times = [timed(command) for _ in range(7)]
    return statistics.median(t[0] for t in times), statistics.median(t[2] for t in times)


def goal_lines(runs: list[dict], check: float) -> list[str]:
    def verdict(ok: bool) -> str:
        return "met" if ok else "**missed**"

    lines = []
    for r in (r for r in runs if r["size"] == 10000 and r["jobs"] == 2):
        lines.append(f"- 10,000 plans ({r['mode']} corpus) with 2 processes at most 20 s (60 s in pure Python): "
                     f"{r['wall']:.1f} s, {verdict(r['wall'] <= 20)} ({verdict(r['wall'] <= 60)} for pure Python)")
    if not lines:
        lines.append("- 10,000 plans with 2 processes at most 20 s: not measured in this run")
    for (mode, jobs), some in _by(runs, "mode", "jobs").items():
        small, large = min(some, key=lambda r: r["size"]), max(some, key=lambda r: r["size"])
        if small is not large:
            ratio = large["wall"] / small["wall"]
            lines.append(f"- cost ratio {large['size']:,}/{small['size']:,} ({mode}, {jobs} process"
                         f"{'es' if jobs > 1 else ''}) at most 11: {ratio:.1f}, {verdict(ratio <= 11)}")
    peak = max(max(r["peak"], r["again_peak"]) for r in runs) / 2**20
    lines.append(f"- peak RSS under 1 GB: largest {peak:.0f} MB, {verdict(peak < 1024)}")
    share = max(r["again"] / r["wall"] for r in runs)
    lines.append(f"- second run under 10% of the first: at most {share:.0%}, {verdict(share < 0.1)}")
    wall, cpu = check
    lines.append(f"- check --parent at most 0.25 s: {wall:.3f} s ({cpu:.3f} s of CPU), {verdict(wall <= 0.25)}")
    compared = [some for some in _by(runs, "mode", "size").values() if len(some) > 1]
    same = all(len({r["report"] for r in some}) == 1 for some in compared)
    lines.append(f"- the same report for any number of processes: {verdict(same)}" if compared else
                 "- the same report for any number of processes: not compared in this run (one number of processes)")
    return lines


if __name__ == "__main__":
    main()
