#!/usr/bin/env python
"""Run the benchmarks in bench/ and print a summary: `make bench` or `bench/run.py [names]`.

Each `bench/bench_<name>.py` exposes `run(progress) -> dict` of named measurements (a number
or a list of samples) and may define `RATIOS = {label: (numerator, denominator)}` naming two
of its measurements to compare by their medians. Each module runs in its own process, so
each can set Django up the way it needs. See bench/README.md.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent


def discover(names: list[str]) -> list[Path]:
    modules = sorted(BENCH_DIR.glob("bench_*.py"))
    if names:
        wanted = {n.removeprefix("bench_").removesuffix(".py") for n in names}
        modules = [m for m in modules if m.stem.removeprefix("bench_") in wanted]
        missing = wanted - {m.stem.removeprefix("bench_") for m in modules}
        if missing:
            sys.exit(f"No benchmark named {', '.join(sorted(missing))} in {BENCH_DIR}")
    return modules


def run_one(module_path: Path, result_path: Path) -> None:
    """In the child process: import the module, run it, write its results as JSON."""
    sys.path.insert(0, str(ROOT))
    spec = importlib.util.spec_from_file_location(module_path.stem, module_path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    started = time.monotonic()
    name = module_path.stem.removeprefix("bench_")

    def progress(message: str) -> None:
        print(f"  [{name} {time.monotonic() - started:6.1f}s] {message}", flush=True)

    measurements = module.run(progress)
    result_path.write_text(
        json.dumps({"measurements": measurements, "ratios": getattr(module, "RATIOS", {})})
    )


def samples_of(value: object) -> list[float]:
    return [float(v) for v in value] if isinstance(value, list | tuple) else [float(value)]


def summarise(results: dict[str, dict]) -> list[str]:
    header = (
        f"{'benchmark':<10} {'measurement':<28} {'n':>5} {'median':>10} {'min':>10} {'max':>10}"
    )
    lines = [header, "-" * len(header)]
    for bench, result in results.items():
        medians = {}
        for label, value in result["measurements"].items():
            samples = samples_of(value)
            medians[label] = statistics.median(samples)
            lines.append(
                f"{bench:<10} {label:<28} {len(samples):>5} {medians[label]:>10.3f} "
                f"{min(samples):>10.3f} {max(samples):>10.3f}"
            )
        for label, (numerator, denominator) in result["ratios"].items():
            ratio = medians[numerator] / medians[denominator] if medians[denominator] else 0.0
            lines.append(f"{bench:<10} {label:<28} {'':>5} {ratio:>9.2f}x")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="benchmarks to run (default: all)")
    parser.add_argument("--repeat", type=int, help="repetitions per measurement")
    parser.add_argument("--child", nargs=2, metavar=("MODULE", "RESULT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_one(Path(args.child[0]), Path(args.child[1]))
        return 0

    env = dict(os.environ)
    if args.repeat:
        env["SALA_BENCH_REPEAT"] = str(args.repeat)
    modules = discover(args.names)
    if not modules:
        print(f"No benchmarks (bench_*.py) in {BENCH_DIR}.")
        return 1
    started = time.monotonic()
    results: dict[str, dict] = {}
    failed = []
    with tempfile.TemporaryDirectory(prefix="sala-bench-") as tmp:
        for module in modules:
            name = module.stem.removeprefix("bench_")
            print(f"{name}: running {module.relative_to(ROOT)}", flush=True)
            result_path = Path(tmp) / f"{name}.json"
            child = subprocess.run(  # noqa: S603 - our own interpreter and script
                [sys.executable, __file__, "--child", str(module), str(result_path)],
                cwd=ROOT,
                env=env,
                check=False,
            )
            if child.returncode != 0 or not result_path.exists():
                print(f"{name}: FAILED (exit {child.returncode})")
                failed.append(name)
                continue
            results[name] = json.loads(result_path.read_text())

    print()
    print("\n".join(summarise(results)))
    measurements = sum(len(r["measurements"]) for r in results.values())
    samples = sum(len(samples_of(v)) for r in results.values() for v in r["measurements"].values())
    print(
        f"\n{len(results)} benchmark(s), {measurements} measurement(s), {samples} sample(s), "
        f"{len(failed)} failed, in {time.monotonic() - started:.1f} s"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
