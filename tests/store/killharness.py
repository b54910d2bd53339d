"""Kill -9 harness: fork a writer, SIGKILL it at a random moment, check nothing was lost; repeat.

Run as ``python killharness.py DATA_DIR SET_FILE KILLS SEED MODE`` where MODE is ``atomic`` (the
real store) or ``naive`` (drafts and sessions written with a plain ``open().write()``). Prints one
JSON line: kills done, saves acknowledged, and every violation found.

The writer resumes the newest draft (or starts one), answers one item per save, journals each
acknowledged save (after ``save_draft`` returned) and completes the session when every item is
answered. After each kill the runner checks: every completed session loads; every draft loads and
holds at least every answer the journal acknowledged; no acknowledged answer vanished.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sys
import time
from pathlib import Path
from typing import Any

import tomli_w

from selfaudit.core.model import Kind, QuestionSet
from selfaudit.questionnaires import load_file
from selfaudit.store import Store
from selfaudit.store.codec import draft_from_doc, draft_to_doc, session_to_doc
from selfaudit.store.index import read_session_file
from selfaudit.tomlio import read_toml


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


def writer(data_dir: Path, qset: QuestionSet, journal: Path, seed: int, naive: bool) -> None:
    rng = random.Random(seed)
    store = Store.open(data_dir)
    if naive:
        make_naive(store)
    fd = os.open(journal, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    drafts = store.drafts()
    draft = store.open_draft(drafts[0].id) if drafts else store.new_draft(qset)
    while True:
        if len(draft.answers) < len(qset.items):
            key, value = answer_for(qset, len(draft.answers), rng)
            draft.answers[key] = value
            draft.position = len(draft.answers)
            store.save_draft(draft)
            os.write(fd, (json.dumps({"id": draft.id, "answers": draft.answers}) + "\n").encode())
        else:
            session = store.complete(draft, qset)
            os.write(fd, (json.dumps({"id": session.id, "done": True}) + "\n").encode())
            draft = store.new_draft(qset)


def check(data_dir: Path, journal: Path) -> tuple[list[str], int]:
    """Violations after a kill, and how many saves the journal acknowledged."""
    violations: list[str] = []
    sessions, drafts = {}, {}
    for path in sorted((data_dir / "sessions").glob("*.toml")):
        try:
            sessions[path.stem] = read_session_file(path)
        except Exception as exc:  # any failure to load is exactly what we look for
            violations.append(f"session {path.name} does not load: {exc}")
    for path in sorted((data_dir / "drafts").glob("*.toml")):
        try:
            drafts[path.stem] = draft_from_doc(read_toml(path, 1 << 20)).answers
        except Exception as exc:
            violations.append(f"draft {path.name} does not load: {exc}")
    acknowledged: dict[str, dict[str, Any]] = {}
    done: set[str] = set()
    lines = journal.read_text().splitlines() if journal.exists() else []
    for line in lines:
        try:
            entry = json.loads(line)
        except ValueError:
            continue  # a journal line cut by the kill: that save was not acknowledged
        if entry.get("done"):
            done.add(entry["id"])
        else:
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
    return violations, len(lines)


def main() -> None:
    data_dir, set_file, kills, seed, mode = (
        Path(sys.argv[1]),
        sys.argv[2],
        int(sys.argv[3]),
        int(sys.argv[4]),
        sys.argv[5],
    )
    qset, problems = load_file(set_file)
    assert qset is not None, problems
    journal = data_dir.parent / "journal.jsonl"
    Store.open(data_dir)
    rng = random.Random(seed)
    violations: list[str] = []
    done_kills = 0
    while done_kills < kills:
        pid = os.fork()
        if pid == 0:
            try:
                writer(data_dir, qset, journal, rng.randrange(1 << 30), mode == "naive")
            finally:
                os._exit(1)
        time.sleep(rng.uniform(0.002, 0.03))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        done_kills += 1
        found, _ = check(data_dir, journal)
        if found:
            violations.extend(found)
            if mode == "naive":
                break  # the harness has shown its teeth
    _, acknowledged = check(data_dir, journal)
    print(
        json.dumps(
            {"kills": done_kills, "acknowledged": acknowledged, "violations": violations[:20]}
        )
    )


if __name__ == "__main__":
    main()
