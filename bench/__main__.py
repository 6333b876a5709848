"""Run every benchmark (or those named) and print a summary: `python -m bench [name ...]`."""
from __future__ import annotations

import ast
import importlib
import io
import runpy
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


class _Tee(io.TextIOBase):
    """Write to the real stdout and remember the text, to count PASS and MISS lines."""

    def __init__(self, out: io.TextIOBase) -> None:
        self.out = out
        self.text = io.StringIO()

    def write(self, text: str) -> int:
        self.text.write(text)
        return self.out.write(text)

    def flush(self) -> None:
        self.out.flush()


def discover() -> list[str]:
    """Module names of bench/bench_*.py, in name order."""
    return sorted(p.stem for p in HERE.glob("bench_*.py"))


def _module_name(arg: str) -> str:
    """Accept `table`, `bench_table`, `bench_table.py` or `bench/bench_table.py`."""
    stem = Path(arg).stem
    return stem if stem.startswith("bench_") else f"bench_{stem}"


def has_main(path: Path) -> bool:
    """True when the file defines a top-level main() (read, not imported)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    return any(isinstance(node, ast.FunctionDef) and node.name == "main" for node in tree.body)


def run_one(name: str) -> tuple[str, float, str]:
    """Run one benchmark's main() (or the file as a script): status, seconds, output."""
    # Status: "ok"; "missed" when main() returned or exited non-zero (a target missed); "error".
    tee = _Tee(sys.stdout)
    real, sys.stdout = sys.stdout, tee
    t0 = time.perf_counter()
    status = "ok"
    try:
        path = HERE / f"{name}.py"
        if has_main(path):
            code = importlib.import_module(f"bench.{name}").main()
            if code not in (None, 0):
                status = "missed"
        else:
            runpy.run_path(str(path), run_name="__main__")
    except SystemExit as exc:
        if exc.code not in (None, 0):
            status = "missed"
    except Exception:  # noqa: BLE001 - one failing benchmark must not stop the others
        traceback.print_exc(file=tee)
        status = "error"
    finally:
        sys.stdout = real
    return status, time.perf_counter() - t0, tee.text.getvalue()


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks, then one summary line each; exit 1 if any missed or failed."""
    sys.path.insert(0, str(ROOT))
    args = sys.argv[1:] if argv is None else argv
    available = discover()
    names = [_module_name(a) for a in args] or available
    unknown = [n for n in names if n not in available]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; available: "
              f"{', '.join(n.removeprefix('bench_') for n in available)}", file=sys.stderr)
        return 2
    results = []
    for name in names:
        print(f"\n=== {name} ===", flush=True)
        status, seconds, output = run_one(name)
        results.append((name, status, seconds, output.count("PASS"), output.count("MISS")))
    print("\n=== summary ===")
    for name, status, seconds, passed, missed in results:
        verdicts = f"{passed} PASS, {missed} MISS" if passed or missed else "no bounds"
        print(f"  {name:<20} {status:<8} {seconds:7.1f} s  {verdicts}")
    return 0 if all(r[1] == "ok" for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
