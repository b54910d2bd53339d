"""Time and peak memory of ``selfaudit validate`` on hostile files (the budget: 1 s, 100 MB each).

Each case runs the real command in a fresh process; the time includes Python start-up.
Usage: ``python bench/hostile.py``
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

#: Just under the set size cap (``MAX_SET_BYTES``, 256 KiB).
LIMIT = (256 << 10) - 1

CASES = {
    "2 MiB file": b"# " + b"x" * (2 << 20),
    "20,000 nested arrays": b"x = " + b"[" * 20000 + b"]" * 20000,
    "20,000 nested tables": b"x = " + b"{a=" * 20000 + b"1" + b"}" * 20000,
    "50,000-part dotted key": b"a" + b".a" * 50000 + b" = 1\n",
    "50,000-part digit key": b"1" + b".1" * 50000 + b" = 1\n",
    "100,000-digit integer": b"format = " + b"9" * 100000 + b"\n",
    "invalid UTF-8": b"id = '\xff\xfe'\n",
    "256 KiB of valid keys": b"".join(b"k%d = %d\n" % (i, i) for i in range(30000))[:LIMIT],
    # The slowest file under the cap: one array of 130,000 small integers.
    "256 KiB of x = [0,0,...]": (b"x = [" + b"0," * (LIMIT // 2))[: LIMIT - 2] + b"]\n",
    "400-digit integer": b"format = 1" + b"0" * 400 + b"\n",
}

MEASURE = """
import atexit, sys
def report():
    with open("/proc/self/status") as status:
        peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    sys.stderr.write(f"\\nPEAK_KIB {peak}\\n")
atexit.register(report)
from selfaudit.cli import main
sys.exit(main(sys.argv[1:]))
"""


def main() -> None:
    print(f"{'hostile file':<26} {'exit':>4} {'ms':>7} {'peak MB':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for name, data in CASES.items():
            path = Path(tmp) / "set.toml"
            path.write_bytes(data)
            start = time.perf_counter()
            result = subprocess.run(
                [sys.executable, "-c", MEASURE, "validate", str(path)],
                capture_output=True,
                text=True,
                timeout=60,
                check=False,
            )
            elapsed = (time.perf_counter() - start) * 1000
            peak = int(result.stderr.rpartition("PEAK_KIB ")[2]) / 1024
            print(f"{name:<26} {result.returncode:>4} {elapsed:>7.0f} {peak:>8.1f}")


if __name__ == "__main__":
    main()
