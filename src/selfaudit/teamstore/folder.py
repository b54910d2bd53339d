"""A sync with a team store that is a folder (a network drive, a synced folder, or the checkout
of a git remote, see :mod:`selfaudit.teamstore.git`).

It **publishes** this store's own completed sessions (never imported ones, never drafts), each
in its shareable form, as a new file ``teams/<team>/<yyyy>/<id>.toml`` that is never changed
afterwards, and it **pulls** what the member's team needs: every session of that team, and every
session in which someone of another team rates that team (the answer to a set's item of kind
``team``), imported as :mod:`selfaudit.store.imports` imports any file. Other teams' own
answers stay in the folder. Nothing is written through a link: a link anywhere in the layout is
refused, and read files are opened as the store opens its own.

Offline (the folder cannot be reached) nothing is lost: the sessions not yet published are the
queue, published at the next sync that reaches the folder.

A sync with nothing new opens no session and no file of the team store: it lists the sessions
folder, and the team store's folders whose entries changed. The modules that read and write
sessions (most of a command's start-up) are imported only when a session is read.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

from selfaudit.core.keys import team_key
from selfaudit.store.atomic import encode_toml, write_atomic
from selfaudit.store.errors import StoreError
from selfaudit.store.folders import IS_A_LINK, is_record_file
from selfaudit.store.import_result import FileResult, Outcome
from selfaudit.teamstore.layout import TEAMS, session_path
from selfaudit.teamstore.local import Local
from selfaudit.teamstore.state import SyncState

TYPE_CHECKING = False  # typing's, without importing typing (5 ms of every start)

if TYPE_CHECKING:
    from selfaudit.questionnaires.loader import Catalog
    from selfaudit.store.records import Session

#: A file in the team store that is neither this team's nor rates it: left where it is.
OTHER_TEAM = "other team"
#: Files of the team store are for the team to read.
SHARED_FILE_MODE = 0o644

Progress = Callable[[int, int], None]
"""Called with (done, total) as files are published and read."""


class Unreachable(Exception):
    """The team store cannot be reached or written; ``str()`` is one sentence saying so and
    what waits for the next sync.

    ``code`` names the kind of problem and ``values`` what the sentence says of it, so an
    interface can say it in its own language (``code`` empty: only the English sentence)."""

    def __init__(self, message: str, code: str = "", **values: object) -> None:
        super().__init__(message)
        self.code = code
        self.values = values


class SyncReport:
    """What one sync did (a plain class: see :mod:`selfaudit.teamstore.state` on dataclasses)."""

    def __init__(self) -> None:
        self.published: list[str] = []
        """Ids of the sessions published now."""
        self.written: list[Path] = []
        """The files written into the team store (a git sync commits exactly these)."""
        self.imported: list[FileResult] = []
        self.present = 0
        """Files read now whose session was here already (one's own, or pulled before)."""
        self.refused: list[FileResult] = []
        """Files refused now (a file refused once is not reported again until it changes)."""
        self.warnings: list[str] = []
        """Sessions that could not be published, one sentence each."""


class SyncPreview:
    """What the next sync would publish, and what it leaves out for good."""

    def __init__(self, files: list[tuple[str, list[str]]], teamless: int) -> None:
        self.files = files
        """Per session to publish: its file in the store and the fields that would leave."""
        self.teamless = teamless
        """How many of this store's own sessions were saved without a team: never published,
        since a saved session does not change."""


def rates_team(session: Session, catalog: Catalog, key: str) -> bool:
    """Whether ``session`` rates the team of ``key``: its answer to its set's ``team`` item."""
    qset = catalog.get(session.set_id)
    item = qset.team_item if qset is not None else None
    answer = session.answers.get(item.id) if item is not None else None
    return isinstance(answer, str) and team_key(answer) == key


def _real_folder(path: Path) -> bool:
    """Whether ``path`` is a folder itself; raises :class:`Unreachable` for a link."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return False
    if stat.S_ISLNK(info.st_mode):
        raise Unreachable(f"{path} {IS_A_LINK}; replace it with a real folder.", "link", path=path)
    if not stat.S_ISDIR(info.st_mode):
        raise Unreachable(f"{path} is a file, not a folder; move it away.", "file", path=path)
    return True


def _make_folders(root: Path, target: Path) -> None:
    """Create the folders between ``root`` and ``target``'s folder, refusing links."""
    folder = root
    for part in target.parent.relative_to(root).parts:
        folder = folder / part
        if not _real_folder(folder):
            folder.mkdir(mode=0o755)


class FolderSync:
    """One sync of this install's side ``local`` with the team store at ``root`` for the team
    ``team``."""

    def __init__(
        self,
        local: Local,
        root: Path,
        team: str,
        state: SyncState,
        sets: Callable[[], Catalog],
        progress: Progress | None = None,
    ) -> None:
        self.local = local
        self.root = root
        self.key = team_key(team)
        self.state = state
        self._sets = sets
        self._catalog: Catalog | None = None
        self.progress = progress
        self.report = SyncReport()

    @property
    def catalog(self) -> Catalog:
        """The installed sets, read when first needed (a sync with nothing new needs none)."""
        if self._catalog is None:
            self._catalog = self._sets()
        return self._catalog

    def waiting(self) -> list[str]:
        """The ids of this store's own sessions not yet published (the queue): only files
        whose id the team store is not known to hold are opened."""
        found = []
        try:
            ids = {n[:-5] for n in os.listdir(self.local.sessions_dir) if n.endswith(".toml")}
        except FileNotFoundError:
            ids = set()
        for session_id in sorted(ids - self.state.published - self.state.passed):
            if not is_record_file(f"{session_id}.toml"):
                continue
            try:
                session = self.local.store.load(session_id)
            except StoreError:
                continue  # unreadable: doctor reports it
            if session.imported_at is None and session.team_key:
                found.append(session.id)
            else:  # a saved session never changes: it is never published
                self.state.passed.add(session.id)
                self.state.changed = True
        return found

    def preview(self) -> SyncPreview:
        """What the next sync would publish, writing nothing: per waiting session its file in
        the store (``teams/<team>/<yyyy>/<id>.toml``) and the fields that would leave
        (:func:`~selfaudit.store.shareable.shared_fields`); and how many of this store's own
        sessions are never published, as they were saved without a team."""
        from selfaudit.store.shareable import NotShareable, shareable_doc, shared_fields

        found = []
        for session_id in self.waiting():
            session = self.local.store.load(session_id)
            try:
                doc = shareable_doc(session, self.catalog.get(session.set_id))
            except NotShareable:
                continue  # the sync leaves it out too, with a warning
            found.append((str(session_path(Path(), session)), shared_fields(doc)))
        teamless = sum(1 for s in self.local.store.summaries() if not s.imported and not s.team_key)
        return SyncPreview(found, teamless)

    def run(self, waiting: list[str] | None = None) -> SyncReport:
        """Publish (``waiting``: what :meth:`waiting` found, when it was asked already), then
        pull; raises :class:`Unreachable` when the folder cannot be used."""
        if waiting is None:
            waiting = self.waiting()
        if not os.path.isdir(self.root):
            count = len(waiting)
            raise Unreachable(
                f"The team store {self.root} cannot be reached (is the drive connected?); "
                f"{count} session{'' if count == 1 else 's'} wait{'s' if count == 1 else ''} "
                "to be published at the next sync.",
                "folder-unreachable",
                path=self.root,
                count=count,
            )
        self.publish(waiting)
        self.pull()
        self.state.last_sync = dt.datetime.now(dt.UTC)
        return self.report

    def publish(self, waiting: list[str]) -> None:
        """Write the shareable form of each session of ``waiting`` into the team store."""
        if not waiting:
            return
        from selfaudit.store.shareable import NotShareable, shareable_doc  # see module docstring

        for done, session_id in enumerate(waiting, 1):
            session = self.local.store.load(session_id)
            try:
                doc = shareable_doc(session, self.catalog.get(session.set_id))
            except NotShareable as exc:
                self.report.warnings.append(str(exc))
                continue
            target = session_path(self.root, session)
            _make_folders(self.root, target)
            try:
                write_atomic(target, encode_toml(doc), overwrite=False, mode=SHARED_FILE_MODE)
            except FileExistsError:
                pass  # published before (the state was lost): files are never changed
            except StoreError as exc:
                raise Unreachable(f"{exc} The session waits for the next sync.") from None
            else:
                self.report.written.append(target)
                self.report.published.append(session_id)
            self.state.published.add(session_id)
            self.state.changed = True
            if self.progress:
                self.progress(done, len(waiting))

    def _year_folders(self) -> Iterator[tuple[str, os.DirEntry[str]]]:
        """Every ``teams/<team>/<yyyy>`` folder, with its path relative to ``teams``."""
        teams = self.root / TEAMS
        if not _real_folder(teams):
            return
        for team_dir in _folders(teams):
            for year_dir in _folders(Path(team_dir.path)):
                yield f"{team_dir.name}/{year_dir.name}", year_dir

    def _changed_files(self) -> tuple[list[tuple[str, Path, list[int]]], dict[str, int]]:
        """The files to read: those new or changed in a folder whose entries changed since it
        was last read (its modification time), and those refused before (they may have been
        completed since, as a sync client finishes copying them). With them, the new time of
        each folder listed, to be kept once its files are read (a sync that stops halfway
        lists the folder again next time)."""
        found: list[tuple[str, Path, list[int]]] = []
        stamps: dict[str, int] = {}
        for rel_dir, year_dir in self._year_folders():
            stamp = year_dir.stat(follow_symlinks=False).st_mtime_ns
            if self.state.folders.get(rel_dir) == stamp:
                continue
            seen = self.state.seen
            with os.scandir(year_dir.path) as entries:
                for entry in entries:
                    if entry.name.endswith(".toml") and not entry.name.startswith("."):
                        info = entry.stat(follow_symlinks=False)
                        key = [info.st_size, info.st_mtime_ns]
                        rel = f"{rel_dir}/{entry.name}"
                        if seen.get(rel, [])[:2] != key:
                            found.append((rel, Path(entry.path), key))
            stamps[rel_dir] = stamp
        listed = {rel for rel, _, _ in found}
        for rel, key in list(self.state.refused.items()):
            if rel in listed:
                continue
            path = self.root / TEAMS / rel
            try:
                info = os.lstat(path)
            except FileNotFoundError:  # gone from the store
                del self.state.refused[rel]
                self.state.changed = True
                continue
            except OSError:
                continue  # cannot be looked at now (the drive): looked at again next time
            if [info.st_size, info.st_mtime_ns] != key:
                found.append((rel, path, [info.st_size, info.st_mtime_ns]))
        return found, stamps

    def pull(self) -> None:
        """Import the team's sessions and those rating it; files unchanged since they were
        last read are not opened again (nor, in a folder whose entries did not change, even
        looked at)."""
        files, stamps = self._changed_files()
        for done, (rel, path, key) in enumerate(files, 1):
            outcome = self._pull_one(path)
            self.state.seen[rel] = [*key, outcome]
            self.state.seen_changed = True
            if outcome == Outcome.REFUSED:
                self.state.refused[rel] = key
            else:
                self.state.refused.pop(rel, None)
            self.state.changed = True
            if self.progress:
                self.progress(done, len(files))
        if stamps:
            self.state.folders.update(stamps)
            self.state.changed = True

    def _pull_one(self, path: Path) -> str:
        from selfaudit.store.imports import import_session, read_shareable
        from selfaudit.store.records import Session

        found = read_shareable(path)
        if isinstance(found, Session) and path.name != f"{found.id}.toml":
            found = FileResult(path, Outcome.REFUSED, f"its id {found.id} is not its file name")
        if isinstance(found, FileResult):
            self.report.refused.append(found)
            return found.outcome.value
        if found.team_key != self.key and not rates_team(found, self.catalog, self.key):
            return OTHER_TEAM
        result = import_session(self.local.store, path, found)
        if result.outcome is not Outcome.REFUSED:
            self.state.published.add(found.id)  # the team store holds it: never published again
        if result.outcome is Outcome.IMPORTED:
            self.report.imported.append(result)
        elif result.outcome is Outcome.PRESENT:
            self.report.present += 1
        else:
            self.report.refused.append(result)
        return result.outcome.value


def _folders(parent: Path) -> list[os.DirEntry[str]]:
    """The real sub-folders of ``parent`` (links and hidden ones passed over), sorted."""
    with os.scandir(parent) as entries:
        return sorted(
            (e for e in entries if e.is_dir(follow_symlinks=False) and not e.name.startswith(".")),
            key=lambda e: e.name,
        )
