"""Mutational fuzz of the importers, on demand: damaged copies of every real or hand-made file in tests/io/data.

    .venv/bin/python benchmarks/fuzz_mutate.py --cases 10000 [--seed 0] [--keep DIR]

``benchmarks/fuzz_import.py`` writes files from a model of each format; this one takes the suite's own files (MS
Project XML and MPX, P6 XER and XML, GanttProject, CSV, .xlsx, .xls, .ods, trackers' exports) and damages copies of
them the way disks, mail and careless tools do: bytes changed, cut, repeated or inserted (numbers at the edges of
what a calendar holds, separators, quotes, BOMs, NULs), the file truncated; the parts inside a zip (.xlsx, .ods)
damaged and the zip rebuilt, so the damage reaches the XML readers past the zip checks. Each copy goes through
``planner.io.import_file`` in-process. A case fails when the import raises anything but ``InteropError`` (the one
clear message the command line and the app show) or takes more than 20 s. Prints the failures by kind (exception,
suffix, where) with a reproduction; exit status 1 when any case failed. (Session 19 found six internal errors this
way: a zip of a later version, an encrypted part, a bad checksum, an unknown XML encoding, a damaged sheet streamed
by openpyxl, a cut .xls record; each is a test in tests/io/test_s19_lead_zip_and_summary.py.)
"""

from __future__ import annotations

import argparse
import collections
import io
import os
import random
import signal
import sys
import tempfile
import traceback
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DATA = ROOT / "tests" / "io" / "data"
SKIP = (
    ".py",
    ".md",
    ".planner",
)  # scripts, notes, and MPXJ-only files (the bridge is not fuzzed: it needs Java)
TOKENS = [
    b"9999",
    b"-1",
    b"1e308",
    b"\x00",
    b"NaN",
    b"\xff\xfe",
    b";",
    b",",
    b"\t",
    b"\n",
    b'"',
    b"<",
    b"&amp;",
]
TOKENS += [b"%T\t", b"2147483648", b"0"]


class Hang(Exception):
    pass


def mutate(raw: bytes, rng: random.Random) -> bytes:
    b = bytearray(raw)
    for _ in range(rng.choice([1, 1, 2, 4, 16])):
        if not b:
            break
        op, i = rng.random(), rng.randrange(len(b))
        if op < 0.3:
            b[i] = rng.randrange(256)
        elif op < 0.45:
            del b[i : i + rng.randrange(1, 64)]
        elif op < 0.6:
            b[i:i] = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 8)))
        elif op < 0.75:
            j = rng.randrange(len(b))
            b[i:i] = b[j : j + rng.randrange(1, 200)]
        elif op < 0.85:
            b[i:i] = rng.choice(TOKENS)
        else:
            del b[i:]
    return bytes(b)


def mutate_zip(raw: bytes, rng: random.Random) -> bytes:
    """The archive rebuilt with one part (and a few others) damaged; the whole file when it is no zip."""
    try:
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(raw)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
            names = zin.namelist()
            victim = rng.choice(names)
            for name in names:
                data = zin.read(name)
                if name == victim or rng.random() < 0.1:
                    data = mutate(data, rng)
                zout.writestr(name, data)
        return out.getvalue()
    except (zipfile.BadZipFile, IndexError, OSError):
        return mutate(raw, rng)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cases", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=0, help="first case's seed (case k uses seed + k)")
    ap.add_argument("--keep", default=None, help="keep each failing file in this folder")
    args = ap.parse_args(argv)
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    sys.setrecursionlimit(10_000)
    from planner.io import InteropError, import_file

    files = sorted(p for p in DATA.rglob("*") if p.is_file() and not p.name.endswith(SKIP))
    keep = Path(args.keep) if args.keep else None
    if keep:
        keep.mkdir(parents=True, exist_ok=True)
    failures: collections.Counter[tuple[str, str, str]] = collections.Counter()
    example: dict[tuple[str, str, str], str] = {}

    def alarm(*_: Any) -> None:
        raise Hang

    signal.signal(signal.SIGALRM, alarm)
    with tempfile.TemporaryDirectory(prefix="fuzz_mutate_") as tmp:
        for k in range(args.seed, args.seed + args.cases):
            rng = random.Random(k)
            src = rng.choice(files)
            raw = src.read_bytes()
            zipped = src.suffix in (".xlsx", ".ods") and rng.random() < 0.8
            data = mutate_zip(raw, rng) if zipped else mutate(raw, rng)
            path = Path(tmp) / f"case{k}{src.suffix}"
            path.write_bytes(data)
            signal.alarm(20)
            try:
                import_file(path)
            except InteropError:
                pass
            except Hang:
                key = ("hang", src.suffix, "-")
                failures[key] += 1
                example.setdefault(key, f"seed {k} ({src.name})")
            except Exception as exc:  # noqa: BLE001 - any other exception is what this looks for
                last = traceback.extract_tb(exc.__traceback__)[-1]
                key = (type(exc).__name__, src.suffix, f"{Path(last.filename).name}:{last.lineno}")
                failures[key] += 1
                example.setdefault(key, f"seed {k} ({src.name}): {str(exc)[:160]}")
                if keep:
                    (keep / path.name).write_bytes(data)
            finally:
                signal.alarm(0)
            path.unlink(missing_ok=True)
            if (k - args.seed + 1) % 1000 == 0:
                print(f"{k - args.seed + 1:>7} cases, {sum(failures.values())} failures", flush=True)
    print(f"{args.cases} damaged copies of {len(files)} files: {sum(failures.values())} failures")
    for key, n in failures.most_common():
        print(f"  {n:>5}  {key[0]} {key[1]} at {key[2]}: {example[key]}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
