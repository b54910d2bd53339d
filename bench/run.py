"""Store benchmarks: listing and trend reads over 1,000 and 10,000 sessions.

Builds each store once under ``bench/out/`` (session files written directly, without fsync, to
keep set-up short; what is measured is reading). Each measurement runs in a fresh process so
imports and caches are honest, and reports the median of several runs plus peak memory:

* ``cold``: no index cache yet (first start after an upgrade, or a cache that was thrown away);
* ``warm``: the index cache is current (every later start);
* ``cli``: the whole ``selfaudit list --json`` command, start-up included.

Usage: ``python bench/run.py [--sizes 1000 10000] [--runs 5]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

from selfaudit.core.answers import validate_answers
from selfaudit.questionnaires import load_catalog
from selfaudit.store import Store
from selfaudit.store.atomic import encode_toml
from selfaudit.store.codec import session_to_doc

OUT = Path(__file__).parent / "out"

PROBE = r"""
import json, resource, sys, time
start = time.perf_counter()
from selfaudit.store import Store
store = Store.open(sys.argv[1], create=False)
listed = store.sessions()
t_list = time.perf_counter() - start
t0 = time.perf_counter()
trend = store.trend("internal-service")
t_trend = time.perf_counter() - t0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"list": t_list, "trend": t_trend, "n": len(listed), "peak_mb": peak}))
"""


def build(size: int) -> Path:
    """A store of ``size`` sessions spread over two years, four sets and five teams."""
    root = OUT / f"store-{size}"
    marker = root / ".complete"
    if marker.exists():
        return root
    shutil.rmtree(root, ignore_errors=True)
    store = Store.open(root)
    catalog = load_catalog()
    sets = [catalog.sets[s] for s in ("choose-us", "internal-service", "competency-level")]
    rng = random.Random(size)
    start = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    for n in range(size):
        qset = sets[n % len(sets)]
        raw = {i.id: rng.randint(1, 5) for i in qset.items if i.kind.value == "likert5"}
        if qset.enps_item:
            raw[qset.enps_item] = rng.randint(0, 10)
        answers, _ = validate_answers(qset, raw)
        session = store._make_session(
            qset, answers, {}, f"team-{n % 5}", f"anon-{n % 40:04x}", "en", []
        )
        when = start + dt.timedelta(minutes=n * 97)
        session = type(session)(
            **{
                **session.__dict__,
                "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "started_at": when,
                "completed_at": when,
            }
        )
        path = store.path_of(session.id)
        path.write_bytes(encode_toml(session_to_doc(session)))
        os.chmod(path, 0o600)
    marker.touch()
    return root


def probe(root: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(root)], capture_output=True, text=True, check=True
    )
    result: dict[str, float] = json.loads(out.stdout)
    return result


def cli(root: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "selfaudit", "--data-dir", str(root), "list", "--json"],
        stdout=subprocess.DEVNULL,
        check=True,
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(
        f"{'sessions':>8}  {'mode':<5} {'list ms':>8} {'trend ms':>9} {'peak MB':>8}"
        f"  (median of {args.runs})"
    )
    for size in args.sizes:
        t0 = time.perf_counter()
        root = build(size)
        print(f"{size:>8}  built in {time.perf_counter() - t0:.1f} s")
        cache = Store(root).index.cache_file
        cold = []
        for _ in range(max(1, args.runs // 2)):
            cache.unlink(missing_ok=True)
            cold.append(probe(root))
        warm = [probe(root) for _ in range(args.runs)]
        for mode, runs in (("cold", cold), ("warm", warm)):
            assert all(r["n"] == size for r in runs), runs
            print(
                f"{size:>8}  {mode:<5} {statistics.median(r['list'] for r in runs) * 1000:>8.1f} "
                f"{statistics.median(r['trend'] for r in runs) * 1000:>9.1f} "
                f"{max(r['peak_mb'] for r in runs):>8.1f}"
            )
        print(
            f"{size:>8}  cli   "
            f"{statistics.median(cli(root) for _ in range(args.runs)) * 1000:>8.1f}  "
            "(whole 'selfaudit list --json' process)"
        )


if __name__ == "__main__":
    main()
