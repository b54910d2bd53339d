"""Members and a lead, each with their own data dir, for the sync tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from selfaudit.questionnaires import load_catalog
from selfaudit.store import Session, Store
from selfaudit.teamstore.config import TeamStoreConfig
from selfaudit.teamstore.folder import SyncReport
from selfaudit.teamstore.local import Local
from tests.store.exchange import save

DAY = dt.datetime(2026, 5, 4, 9, tzinfo=dt.UTC)


@dataclass
class Person:
    """One install: its store and the team it pulls."""

    store: Store
    team: str

    def sync(self, config: TeamStoreConfig) -> SyncReport:
        from selfaudit.commands.sync import run_sync

        return run_sync(Local.of(self.store), config, self.team)

    def ids(self) -> set[str]:
        return {s.id for s in self.store.summaries()}


def person(root: Path, name: str, team: str = "Payroll") -> Person:
    return Person(Store.open(root / name), team)


def rating(store: Store, team: str, rated: str) -> Session:
    """An internal-service session of someone of ``team`` rating ``rated``."""
    qset = load_catalog().get("internal-service")
    assert qset is not None and qset.team_item is not None
    answers = {qset.team_item.id: rated, "resp_p_quick": 4}
    return store.save_session(
        qset, answers, team=team, respondent_id=store.pseudonym(), notes={"resp_p_quick": "hm"}
    )


def member_session(p: Person, name: str = "", days: int = 0) -> Session:
    """A choose-us session of ``p`` with a name and a note that must not leave."""
    return save(
        p.store, who=p.store.pseudonym(), team=p.team, name=name, when=DAY + dt.timedelta(days)
    )
