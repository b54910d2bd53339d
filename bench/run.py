"""Store benchmarks: listing, trend, team and gap reads over 1,000 and 10,000 sessions.

Builds each store once under ``bench/out/``: session files written directly, without fsync, to
keep set-up short (what is measured is reading). The sessions cover three years, three sets and
six teams of ten people, the teams typed in several ways ("Service desk", "service desk "); one
in six is a format-2 file as 0.1.0 wrote it, some under a name, so the in-memory migration and
the attribution of old sessions are part of every read.

Each measurement runs in a fresh process, so imports and caches are honest, and reports the
median of several runs plus peak memory. The time is from the start of the process to the
result, imports included:

* ``list``: the summaries of every session (what ``selfaudit list`` reads), with no index cache
  (``cold``: first start after an upgrade) and with a current one (``warm``: every later start);
* ``trend``: one person's sessions of a set loaded as responses, and their trend;
* ``team``: a team's trend (every round, each respondent's latest session per round loaded);
* ``round``: one team's view of its latest round;
* ``gap``: one team's gap view of its latest round (its members and the sessions of other teams
  that rate it, each person's latest in the round);
* ``team cold``: ``team`` once with no answer cache yet (every counted session file parsed);
* ``cli``: the whole ``selfaudit list --json`` command, start-up included.

The queries are also given as a ratio to the warm ``list`` of the same store in the same run
(the target: at most 1.5x); only ratios compare between machines.

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
from typing import Any

from selfaudit.core.answers import validate_answers
from selfaudit.questionnaires import load_catalog
from selfaudit.store import Store
from selfaudit.store.atomic import encode_toml
from selfaudit.store.codec import session_to_doc
from selfaudit.store.identity import FILE_NAME

OUT = Path(os.environ.get("SELFAUDIT_BENCH_OUT", Path(__file__).parent / "out"))
#: Bumped when the generated stores change, so an older one under bench/out is built again.
STORE_VERSION = 3
SETS = ("choose-us", "internal-service", "competency-level")
TEAMS = ("Service desk", "service desk ", "Payroll", "PAYROLL", "Facilities", "IT", "HR", "Legal")
TEAM_OF = (0, 2, 4, 5, 6, 7)  # six teams; the first two are typed two ways each
PEOPLE_PER_TEAM = 10
YEARS = 3
#: Whose trend the ``trend`` probe reads, and which team the ``team`` probes read.
ME = "anon-000001"
TEAM = "service desk"
TREND_SET = "internal-service"

PROBE = r"""
import json, resource, sys, time
start = time.perf_counter()
mode, root = sys.argv[1], sys.argv[2]
from selfaudit.store import Store
store = Store.open(root, create=False, own_name="")
if mode == "list":
    n = len(store.sessions())
else:
    from selfaudit.questionnaires import load_catalog
    qset = load_catalog().sets[sys.argv[3]]
    if mode == "trend":
        from selfaudit.core.trend import my_trend
        responses = store.my_responses(qset, sys.argv[4])
        trend = my_trend(responses, set_id=qset.id, respondent_id=sys.argv[4], qset=qset)
        n = len(trend.points)
    elif mode == "team":
        from selfaudit.core.keys import team_key
        from selfaudit.core.team import team_trend
        responses = store.team_responses(qset, sys.argv[4])
        trend = team_trend(responses, qset, team_key=team_key(sys.argv[4]))
        n = len(responses)
    elif mode == "gap":
        from selfaudit.core.gap import team_gap
        from selfaudit.core.keys import team_key
        rounds = store.gap_rounds(qset.id, sys.argv[4])
        latest = max(rounds)
        responses = store.responses(qset, rounds[latest])
        gap = team_gap(responses, qset, team_key=team_key(sys.argv[4]), in_round=latest)
        n = gap.own_respondents + gap.customer_respondents
    else:
        from selfaudit.core.keys import team_key
        from selfaudit.core.team import team_round
        rounds = store.latest_per_round(qset.id, team=sys.argv[4])
        latest = max(rounds)
        responses = store.responses(qset, rounds[latest])
        view = team_round(responses, qset, team_key=team_key(sys.argv[4]), in_round=latest)
        n = view.respondents
took = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"s": took, "n": n, "peak_mb": peak}))
"""


def _format_2(doc: dict[str, Any], respondent: str) -> dict[str, Any]:
    """A format-3 document as 0.1.0 wrote it: one ``respondent``, no id, no follow-ups."""
    old = {k: v for k, v in doc.items() if k not in ("respondent_id", "followups")}
    return {**old, "format_version": 2, "respondent": respondent}


def build(size: int) -> Path:
    """A store of ``size`` sessions (see the module docstring)."""
    root = OUT / f"store-{size}"
    marker = root / ".complete"
    if marker.exists() and marker.read_text() == str(STORE_VERSION):
        return root
    shutil.rmtree(root, ignore_errors=True)
    store = Store.open(root)
    (root / FILE_NAME).write_text(f'pseudonym = "{ME}"\n')
    catalog = load_catalog()
    sets = [catalog.sets[s] for s in SETS]
    rng = random.Random(size)
    start = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    step = dt.timedelta(days=365 * YEARS) / size
    people = len(TEAM_OF) * PEOPLE_PER_TEAM
    for n in range(size):
        qset = sets[n % len(sets)]
        person = rng.randrange(people)
        team = TEAM_OF[person // PEOPLE_PER_TEAM]
        team += rng.randrange(2) if team in (0, 2) else 0  # "Service desk" or "service desk "
        raw = {i.id: rng.randint(1, 5) for i in qset.items if i.kind.value == "likert5"}
        if qset.enps_item:
            raw[qset.enps_item] = rng.randint(0, 10)
        if qset.team_item is not None:  # the customer side rates another team
            rated = rng.choice([t for t in TEAM_OF if t != TEAM_OF[person // PEOPLE_PER_TEAM]])
            raw[qset.team_item.id] = TEAMS[rated]
        answers, _ = validate_answers(qset, raw)
        pseudonym = f"anon-{person:06x}"
        actions = ["Call back within a day"] if rng.random() < 0.3 else []
        session = store._make_session(
            qset, answers, {}, TEAMS[team], (pseudonym, f"Person {person}"), "en", actions
        )
        when = start + n * step
        session = type(session)(
            **{
                **session.__dict__,
                "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "started_at": when,
                "completed_at": when,
            }
        )
        doc = session_to_doc(session)
        if n % 6 == 0:  # saved by 0.1.0: under the pseudonym, or (one in three) under the name
            doc = _format_2(doc, f"Person {person}" if n % 18 == 0 else pseudonym)
        path = store.path_of(session.id)
        path.write_bytes(encode_toml(doc))
        os.chmod(path, 0o600)
    marker.write_text(str(STORE_VERSION))
    return root


def probe(mode: str, root: Path, *args: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, mode, str(root), *args],
        capture_output=True,
        text=True,
        check=True,
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


def _line(size: int, mode: str, runs: list[dict[str, float]], warm_list: float | None) -> float:
    took = statistics.median(r["s"] for r in runs)
    ratio = f"{took / warm_list:>6.2f}x" if warm_list else " " * 7
    print(
        f"{size:>8}  {mode:<10} {took * 1000:>8.1f} {ratio} "
        f"{max(r['peak_mb'] for r in runs):>8.1f} {int(runs[0]['n']):>8}"
    )
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(
        f"{'sessions':>8}  {'read':<10} {'ms':>8} {'/ list':>7} {'peak MB':>8} {'rows':>8}"
        f"  (median of {args.runs}; each a fresh process, imports included)"
    )
    for size in args.sizes:
        t0 = time.perf_counter()
        root = build(size)
        print(f"{size:>8}  built in {time.perf_counter() - t0:.1f} s")
        cache = Store(root).index.cache_file
        cold = []
        for _ in range(max(1, args.runs // 2)):
            cache.unlink(missing_ok=True)
            cold.append(probe("list", root))
        _line(size, "list cold", cold, None)
        warm = _line(size, "list warm", [probe("list", root) for _ in range(args.runs)], None)
        answer_caches = list(cache.parent.glob(f"{cache.stem}-answers-*.json"))
        for stale in answer_caches:
            stale.unlink()
        team_cold = probe("team", root, TREND_SET, TEAM)
        for mode, extra in (
            ("trend", (TREND_SET, ME)),
            ("team", (TREND_SET, TEAM)),
            ("round", (TREND_SET, TEAM)),
            ("gap", (TREND_SET, TEAM)),
        ):
            _line(size, mode, [probe(mode, root, *extra) for _ in range(args.runs)], warm)
        _line(size, "team cold", [team_cold], warm)
        print(
            f"{size:>8}  cli        "
            f"{statistics.median(cli(root) for _ in range(args.runs)) * 1000:>8.1f}  "
            "(the whole 'selfaudit list --json' process)"
        )


if __name__ == "__main__":
    main()
