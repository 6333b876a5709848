"""Start-up of the frozen bundle against `python main.py` from the venv, side by side; its sizes."""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bundle.freeze import archive, build, executable, folder_size, mib  # noqa: E402

RUNS = 9
MAX_RATIO = 1.0          # the frozen program starts at least as fast as the source one
MAX_UNPACKED = 150 * 2**20
MAX_ARCHIVE = 70 * 2**20
COMMANDS = {
    "window painted (--screenshot, table view)": ("--screenshot", "{tmp}/shot.png"),
    "command line: activities": ("activities",),
    "command line: --version": ("--version",),
}


def environment(home: Path) -> dict[str, str]:
    """A clean environment with its own HOME, headless Qt."""
    (home / "tmp").mkdir(parents=True, exist_ok=True)
    return {"HOME": str(home), "TMPDIR": str(home / "tmp"), "QT_QPA_PLATFORM": "offscreen",
            "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}


def children_cpu() -> float:
    """CPU seconds (user + system) used by finished child processes; 0 where unknown (Windows)."""
    try:
        import resource
    except ImportError:
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one run, which must succeed."""
    cpu, start = children_cpu(), time.perf_counter()
    subprocess.run(command, env=env, cwd=env["TMPDIR"], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - start, children_cpu() - cpu


def compare(frozen: Path, work: Path) -> list[tuple[str, str, float, float]]:
    """Median wall and CPU seconds (frozen, source) per command, runs interleaved."""
    programs = {"frozen": [str(frozen)], "source": [sys.executable, str(ROOT / "main.py")]}
    envs = {name: environment(work / name) for name in programs}
    results = []
    for label, args in COMMANDS.items():
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in programs}
        for run in range(RUNS + 1):
            for name, program in programs.items():
                command = program + [a.format(tmp=envs[name]["TMPDIR"]) for a in args]
                measured = timed(command, envs[name])
                if run:  # the first run creates the database and warms the file cache
                    times[name].append(measured)
        for index, clock in enumerate(("wall", "CPU")):
            results.append((label, clock,
                            statistics.median(t[index] for t in times["frozen"]),
                            statistics.median(t[index] for t in times["source"])))
    return results


def main() -> int:
    """Build the bundle in a temporary folder, time it against the source, print sizes."""
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as temp:
        work = Path(temp)
        t0 = time.perf_counter()
        bundle = build(work / "dist", work / "build")
        built = time.perf_counter() - t0
        packed = archive(bundle)
        unpacked, packed_size = folder_size(bundle), packed.stat().st_size
        print(f"bundle built in {built:.0f} s")
        print(f"  unpacked {mib(unpacked)} (bound 150 MiB): "
              f"{'PASS' if unpacked <= MAX_UNPACKED else 'MISS'}")
        print(f"  {packed.name} {mib(packed_size)} (bound 70 MiB): "
              f"{'PASS' if packed_size <= MAX_ARCHIVE else 'MISS'}")
        print(f"\nstart-up, median of {RUNS} runs each, interleaved (load {os.getloadavg()[0]:.1f})")
        print(f"  {'':44} {'':4} {'frozen':>8} {'source':>8} {'ratio':>6}")
        ok = True
        for label, clock, frozen, source in compare(executable(bundle), work):
            if not source:
                continue  # no CPU figures on this system
            verdict = "PASS" if frozen / source <= MAX_RATIO else "MISS"
            ok = ok and verdict == "PASS"
            print(f"  {label:44} {clock:4} {frozen:7.2f}s {source:7.2f}s {frozen / source:6.2f}"
                  f"  {verdict}")
    return 0 if ok and unpacked <= MAX_UNPACKED and packed_size <= MAX_ARCHIVE else 1


if __name__ == "__main__":
    sys.exit(main())
