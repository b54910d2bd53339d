"""Kill -9 harness: fork a writer, SIGKILL it in the middle of a save, check nothing was lost.

Run as ``python killharness.py DATA_DIR SET_FILE SEED MODE SAVES COMPLETES SESSIONS`` where MODE
is ``atomic`` (the real store) or ``naive`` (drafts and sessions written with a plain
``open().write()``). Prints one JSON line: kills done, kills that landed in the middle of a draft
save and of a completion, saves acknowledged, sessions completed, and every violation found.

How many kills it takes follows from what is checked, never from how fast the disk is: the runner
goes on until at least SAVES kills have each interrupted a draft save in flight, COMPLETES kills a
completion in flight, and SESSIONS sessions were completed (``atomic``), or until the first
violation (``naive``: the harness has shown its teeth). A bound on the number of kills only stops
a run that could never get there; the report then says the targets were not reached.

The writer resumes the newest draft (or starts one), answers one item per save and completes the
session when every item is answered. Before each save or completion it journals the start and
tells the runner through a pipe; after the call returned it journals the acknowledgement. The
runner waits for the start of an operation it picked, sleeps a random fraction of how long such an
operation took so far (the aim adapts to the disk), and kills. A kill landed in flight when the
journal's last line is a start. After each kill the runner checks: every completed session loads;
every draft loads and holds at least every answer the journal acknowledged; no acknowledged answer
vanished; temp files are only those of the writer just killed (the next start removes them). At
the end it opens the store once more and checks that no temp file is left.
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import statistics
import sys
import time
from collections import deque
from pathlib import Path
from typing import Any

import tomli_w

from selfaudit.core.model import Kind, QuestionSet
from selfaudit.questionnaires import load_file
from selfaudit.store import Store
from selfaudit.store.codec import draft_from_doc, draft_to_doc, session_to_doc
from selfaudit.store.index import read_session_file
from selfaudit.store.records import Session
from selfaudit.tomlio import read_toml

#: The pid in a temp file's name (``.tmp-<pid>-...``, see selfaudit.store.atomic).
TEMP = re.compile(r"\.tmp-(\d+)-")
#: What the writer tells the runner through the pipe.
SAVE, COMPLETE, ACK = b"s", b"c", b"a"


def answer_for(qset: QuestionSet, index: int, rng: random.Random) -> tuple[str, Any]:
    item = qset.items[index % len(qset.items)]
    if item.kind is Kind.LIKERT5:
        return item.id, rng.randint(1, 5)
    if item.kind is Kind.SCALE10:
        return item.id, rng.randint(0, 10)
    if item.kind is Kind.YESNO:
        return item.id, rng.random() < 0.5
    if item.kind is Kind.CHOICE:
        return item.id, rng.choice(item.options).id
    if item.kind is Kind.NUMBER:
        return item.id, float(
            rng.randint(int(item.minimum or 0), int(min(item.maximum or 100, 1000)))
        )
    return item.id, "note " * rng.randint(0, 8)


def make_naive(store: Store) -> None:
    """Swap the store's writes for the plain open().write() a naive implementation would use."""

    def save_draft(draft: Any) -> None:
        with open(store.drafts_dir / f"{draft.id}.toml", "w", encoding="utf-8") as f:
            f.write(tomli_w.dumps(draft_to_doc(draft)))

    def write_session(session: Any) -> None:
        with open(store.path_of(session.id), "w", encoding="utf-8") as f:
            f.write(tomli_w.dumps(session_to_doc(session)))

    vars(store).update(save_draft=save_draft, write_session=write_session)


def writer(
    data_dir: Path, qset: QuestionSet, journal: Path, seed: int, naive: bool, tell: int
) -> None:
    rng = random.Random(seed)
    store = Store.open(data_dir)
    if naive:
        make_naive(store)
    fd = os.open(journal, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)

    def note(entry: dict[str, Any]) -> None:
        os.write(fd, (json.dumps(entry) + "\n").encode())

    drafts = store.drafts()
    draft = store.open_draft(drafts[0].id) if drafts else store.new_draft(qset)
    while True:
        if len(draft.answers) < len(qset.items):
            key, value = answer_for(qset, len(draft.answers), rng)
            draft.answers[key] = value
            draft.position = len(draft.answers)
            note({"begin": "save", "id": draft.id})
            os.write(tell, SAVE)
            store.save_draft(draft)
            note({"id": draft.id, "answers": draft.answers})
            os.write(tell, ACK)
        else:
            note({"begin": "complete", "id": draft.id})
            os.write(tell, COMPLETE)
            session = store.complete(draft, qset)
            note({"id": session.id, "done": True})
            os.write(tell, ACK)
            draft = store.new_draft(qset)


def read_journal(journal: Path) -> list[dict[str, Any]]:
    entries = []
    for line in journal.read_text().splitlines() if journal.exists() else []:
        try:
            entries.append(json.loads(line))
        except ValueError:
            continue  # a journal line cut by the kill: that save was not acknowledged
    return entries


#: Sessions already read, by name and (size, mtime, inode): a file that changed is read again.
_read_before: dict[tuple[str, int, int, int], Session] = {}


def _read_session(path: Path) -> Session:
    info = path.stat()
    key = (path.name, info.st_size, info.st_mtime_ns, info.st_ino)
    if key not in _read_before:
        _read_before[key] = read_session_file(path)
    return _read_before[key]


def check(data_dir: Path, entries: list[dict[str, Any]], killed: int) -> list[str]:
    """Violations after the kill of writer ``killed``."""
    violations: list[str] = []
    sessions, drafts = {}, {}
    for path in sorted((data_dir / "sessions").glob("*.toml")):
        try:
            sessions[path.stem] = _read_session(path)
        except Exception as exc:  # any failure to load is exactly what we look for
            violations.append(f"session {path.name} does not load: {exc}")
    for path in sorted((data_dir / "drafts").glob("*.toml")):
        try:
            drafts[path.stem] = draft_from_doc(read_toml(path, 1 << 20)).answers
        except Exception as exc:
            violations.append(f"draft {path.name} does not load: {exc}")
    acknowledged: dict[str, dict[str, Any]] = {}
    done: set[str] = set()
    for entry in entries:
        if entry.get("done"):
            done.add(entry["id"])
        elif "answers" in entry:
            acknowledged[entry["id"]] = entry["answers"]
    for draft_id, answers in acknowledged.items():
        if draft_id in sessions:
            kept = sessions[draft_id].answers
        elif draft_id in drafts:
            kept = drafts[draft_id]
        else:
            if draft_id not in done:
                violations.append(
                    f"draft {draft_id} with {len(answers)} acknowledged answers is gone"
                )
            continue
        lost = {k for k, v in answers.items() if kept.get(k) != v}
        if lost and draft_id not in done:
            violations.append(f"draft {draft_id} lost acknowledged answers {sorted(lost)}")
    for session_id in done:
        if session_id not in sessions:
            violations.append(f"completed session {session_id} is missing")
    for path in data_dir.rglob(".tmp-*"):
        found = TEMP.match(path.name)
        if found is None or int(found[1]) != killed:
            violations.append(f"stray temp file {path.relative_to(data_dir)} survived a start")
    return violations


def run_writer_until_aimed_op(
    data_dir: Path,
    qset: QuestionSet,
    journal: Path,
    mode: str,
    rng: random.Random,
    took: dict[bytes, deque[float]],
) -> tuple[int, str]:
    """Fork a writer, kill it during the operation picked; returns its pid and what it did."""
    aim = COMPLETE if rng.random() < 0.3 else SAVE
    skip = rng.randint(0, 2) if aim == SAVE else 0  # let a few saves finish first
    seed = rng.randrange(1 << 30)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(read_end)
            writer(data_dir, qset, journal, seed, mode == "naive", write_end)
        finally:
            os._exit(1)
    os.close(write_end)
    started: tuple[bytes, float] | None = None
    outcome = "aimed"
    try:
        while True:
            byte = os.read(read_end, 1)
            now = time.perf_counter()
            if not byte:
                outcome = "the writer stopped by itself"
                break
            if byte == ACK and started is not None:
                took[started[0]].append(now - started[1])
                started = None
            elif byte in (SAVE, COMPLETE):
                started = (byte, now)
                if byte == aim:
                    if skip == 0:
                        break
                    skip -= 1
        # Aim within the time this kind of operation has taken so far: on a slow disk it is
        # longer, and the kill still lands in flight most of the time (counted, not assumed).
        typical = statistics.median(took[aim]) if took[aim] else 0.002
        time.sleep(rng.uniform(0, 1.5 * typical))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    finally:
        os.close(read_end)
    return pid, outcome


def main() -> None:
    data_dir, set_file, seed, mode = (
        Path(sys.argv[1]),
        sys.argv[2],
        int(sys.argv[3]),
        sys.argv[4],
    )
    want_saves, want_completes, want_sessions = (int(a) for a in sys.argv[5:8])
    qset, problems = load_file(set_file)
    assert qset is not None, problems
    journal = data_dir.parent / "journal.jsonl"
    Store.open(data_dir)
    rng = random.Random(seed)
    violations: list[str] = []
    in_flight = {"save": 0, "complete": 0}
    took: dict[bytes, deque[float]] = {SAVE: deque(maxlen=50), COMPLETE: deque(maxlen=50)}
    kills = completed = 0
    # Only a run that can never reach its targets meets this bound (many times what they need).
    max_kills = 20 * (want_saves + want_completes + want_sessions)

    def reached() -> bool:
        return (
            in_flight["save"] >= want_saves
            and in_flight["complete"] >= want_completes
            and completed >= want_sessions
        )

    while kills < max_kills and not reached():
        pid, outcome = run_writer_until_aimed_op(data_dir, qset, journal, mode, rng, took)
        kills += 1
        if outcome != "aimed":
            violations.append(outcome)
        entries = read_journal(journal)
        if entries and "begin" in entries[-1]:
            in_flight[entries[-1]["begin"]] += 1
        completed = sum(1 for e in entries if e.get("done"))
        violations.extend(check(data_dir, entries, pid))
        if violations:
            break  # one is enough: naive shows its teeth, atomic has failed
    if not violations:
        Store.open(data_dir).close()  # a start tidies what the last writer left
        violations.extend(check(data_dir, read_journal(journal), killed=-1))
    entries = read_journal(journal)
    print(
        json.dumps(
            {
                "kills": kills,
                "in_flight": in_flight,
                "acknowledged": sum(1 for e in entries if "answers" in e),
                "completed": completed,
                "sessions": len(list((data_dir / "sessions").glob("*.toml"))),
                "reached": reached(),
                "violations": violations[:20],
            }
        )
    )


if __name__ == "__main__":
    main()
