"""The session store: the one way the app and the CLI read and write sessions."""

from __future__ import annotations

import contextlib
import os
import secrets
import uuid
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from selfaudit import paths
from selfaudit.core.answers import validate_answers
from selfaudit.core.model import QuestionSet
from selfaudit.core.results import compute_results
from selfaudit.store.atomic import clean_stale_temps, encode_toml, write_atomic
from selfaudit.store.codec import DocumentError, draft_from_doc, draft_to_doc, session_to_doc
from selfaudit.store.errors import DraftBusy, StoreError, describe_os_error
from selfaudit.store.index import MAX_SESSION_BYTES, SessionIndex, Unreadable, read_session_file
from selfaudit.store.records import Draft, Session, SessionSummary, utc_now
from selfaudit.tomlio import TomlError, read_toml


def _ensure_private_dir(path: Path) -> None:
    """Create ``path`` 0700; on an existing folder only take away group and other access.

    The owner's own bits are left alone: a folder the user made read-only stays read-only.
    """
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        mode = path.stat().st_mode & 0o777
        if mode & 0o077:
            path.chmod(mode & 0o700)
    except OSError as exc:
        raise describe_os_error("create the folder", path, exc) from None


class Store:
    """Sessions and drafts under one data dir (layout in :mod:`selfaudit.store`)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.sessions_dir = root / "sessions"
        self.drafts_dir = root / "drafts"
        self.index = SessionIndex(self.sessions_dir, root / "cache" / "index.json")
        self._locks: dict[str, FileLock] = {}

    @classmethod
    def open(cls, data_dir: str | os.PathLike[str] | None = None, *, create: bool = True) -> Store:
        """Open the store; with ``create`` make its folders (0700) and clean stale temp files."""
        store = cls(paths.data_dir(data_dir))
        if create:
            for folder in (store.root, store.sessions_dir, store.drafts_dir):
                _ensure_private_dir(folder)
            for folder in (store.root, store.sessions_dir, store.drafts_dir, store.root / "cache"):
                clean_stale_temps(folder)
        return store

    # -- identity -----------------------------------------------------------------------------

    def pseudonym(self) -> str:
        """This install's stable pseudonym, made once, so "my" trend works without a name."""
        path = self.root / "identity.toml"
        try:
            doc = read_toml(path, 4096)
            value = doc.get("pseudonym")
            if isinstance(value, str) and value:
                return value
        except TomlError:
            if path.exists():
                raise StoreError(
                    f"{path} is damaged; move it aside and selfaudit will make a new one."
                ) from None
        name = f"anon-{secrets.token_hex(3)}"
        try:
            write_atomic(path, encode_toml({"pseudonym": name}), overwrite=False)
        except FileExistsError:
            return self.pseudonym()
        return name

    # -- drafts -------------------------------------------------------------------------------

    def _draft_path(self, draft_id: str) -> Path:
        return self.drafts_dir / f"{uuid.UUID(draft_id)}.toml"

    def _lock(self, draft_id: str) -> None:
        if draft_id in self._locks:
            return
        lock = FileLock(self.drafts_dir / f"{uuid.UUID(draft_id)}.lock", timeout=0, mode=0o600)
        try:
            lock.acquire()
        except Timeout:
            raise DraftBusy(
                "This session is open in another selfaudit window; finish or close it there first."
            ) from None
        except OSError as exc:
            raise describe_os_error("lock", self._draft_path(draft_id), exc) from None
        self._locks[draft_id] = lock

    def close_draft(self, draft_id: str) -> None:
        """Release this window's lock on a draft (its file stays)."""
        lock = self._locks.pop(draft_id, None)
        if lock is not None:
            lock.release()

    def close(self) -> None:
        """Release every lock this store holds."""
        for draft_id in list(self._locks):
            self.close_draft(draft_id)

    def new_draft(
        self, qset: QuestionSet, team: str = "", respondent: str = "", lang: str = "en"
    ) -> Draft:
        """Start a session: saved at once and locked for this window."""
        now = utc_now()
        draft = Draft(
            id=str(uuid.uuid4()),
            set_id=qset.id,
            set_version=qset.version,
            set_hash=qset.content_hash,
            started_at=now,
            updated_at=now,
            team=team,
            respondent=respondent,
            lang=lang,
        )
        self._lock(draft.id)
        try:
            self.save_draft(draft)
        except StoreError:
            self.close_draft(draft.id)
            raise
        return draft

    def save_draft(self, draft: Draft) -> None:
        """Save a draft atomically; the caller keeps its answers in memory if this raises."""
        self._lock(draft.id)
        draft.updated_at = utc_now()
        try:
            data = encode_toml(draft_to_doc(draft))
        except DocumentError as exc:
            raise StoreError(f"An answer could not be saved: {exc}.") from None
        write_atomic(self._draft_path(draft.id), data, overwrite=True)

    def open_draft(self, draft_id: str) -> Draft:
        """Load a draft and lock it for this window; :class:`DraftBusy` if open elsewhere."""
        self._lock(draft_id)
        try:
            return self._read_draft(self._draft_path(draft_id))
        except (TomlError, DocumentError) as exc:
            self.close_draft(draft_id)
            raise StoreError(
                f"The draft {self._draft_path(draft_id)} cannot be read: {exc}"
            ) from None

    def _read_draft(self, path: Path) -> Draft:
        draft = draft_from_doc(read_toml(path, MAX_SESSION_BYTES))
        if f"{draft.id}.toml" != path.name:
            raise DocumentError(f"its id {draft.id} does not match the file name")
        return draft

    def drafts(self) -> list[Draft]:
        """Every readable draft, newest first (unreadable ones are left for ``doctor``)."""
        found = []
        for path in self._files(self.drafts_dir):
            try:
                draft = self._read_draft(path)
            except (TomlError, DocumentError):
                continue
            if (self.sessions_dir / path.name).exists():
                continue  # completed; the draft file is removed by complete()
            found.append(draft)
        return sorted(found, key=lambda d: d.updated_at, reverse=True)

    def discard_draft(self, draft_id: str) -> None:
        """Delete a draft the user chose to throw away."""
        self._lock(draft_id)
        try:
            self._draft_path(draft_id).unlink(missing_ok=True)
        except OSError as exc:
            raise describe_os_error("delete", self._draft_path(draft_id), exc) from None
        finally:
            self._drop_lock_file(draft_id)

    def _drop_lock_file(self, draft_id: str) -> None:
        lock_path = self.drafts_dir / f"{uuid.UUID(draft_id)}.lock"
        self.close_draft(draft_id)
        with contextlib.suppress(OSError):
            lock_path.unlink(missing_ok=True)

    def export_draft(self, draft: Draft, path: str | os.PathLike[str]) -> Path:
        """Write a copy of a draft somewhere else (when the data dir cannot be written)."""
        target = Path(path).expanduser()
        if target.is_dir():
            target = target / f"selfaudit-{draft.id}.toml"
        write_atomic(target, encode_toml(draft_to_doc(draft)), overwrite=False)
        return target

    # -- sessions -----------------------------------------------------------------------------

    def complete(self, draft: Draft, qset: QuestionSet) -> Session:
        """Turn a draft into a completed session file and remove the draft."""
        answers, problems = validate_answers(qset, draft.answers, draft.lang)
        if problems:
            raise StoreError("Some answers are not valid: " + "; ".join(str(p) for p in problems))
        session = self._make_session(
            qset,
            answers,
            draft.notes,
            draft.team,
            draft.respondent,
            draft.lang,
            draft.actions,
            draft.id,
            draft.started_at,
        )
        try:
            self.write_session(session)
        except FileExistsError:
            session = self.load(draft.id)  # completed before, then interrupted; keep the first
        self._draft_path(draft.id).unlink(missing_ok=True)
        self._drop_lock_file(draft.id)
        return session

    def save_session(
        self,
        qset: QuestionSet,
        answers: dict[str, Any],
        *,
        notes: dict[str, str] | None = None,
        team: str = "",
        respondent: str = "",
        lang: str = "en",
        actions: list[str] | None = None,
    ) -> Session:
        """Save a completed session from validated answers (``selfaudit take``)."""
        session = self._make_session(
            qset, answers, notes or {}, team, respondent, lang, actions or []
        )
        self.write_session(session)
        return session

    def _make_session(
        self,
        qset: QuestionSet,
        answers: dict[str, Any],
        notes: dict[str, str],
        team: str,
        respondent: str,
        lang: str,
        actions: list[str],
        session_id: str = "",
        started_at: Any = None,
    ) -> Session:
        now = utc_now()
        results = compute_results(qset, answers)
        return Session(
            id=session_id or str(uuid.uuid4()),
            format_version=0,
            set_id=qset.id,
            set_version=qset.version,
            set_hash=qset.content_hash,
            started_at=started_at or now,
            completed_at=now,
            team=team,
            respondent=respondent,
            lang=lang,
            answers=dict(answers),
            notes={k: v for k, v in notes.items() if v},
            skipped=results.skipped,
            actions=tuple(actions),
            results=results.to_dict(),
        )

    def write_session(self, session: Session) -> None:
        """Write a completed session file once; never replaces an existing one."""
        try:
            data = encode_toml(session_to_doc(session))
        except DocumentError as exc:
            raise StoreError(f"The session could not be saved: {exc}.") from None
        _ensure_private_dir(self.sessions_dir)
        write_atomic(self.path_of(session.id), data, overwrite=False)

    def path_of(self, session_id: str) -> Path:
        """Where a completed session's file is."""
        return self.sessions_dir / f"{uuid.UUID(session_id)}.toml"

    def load(self, session_id: str) -> Session:
        """Load one completed session; raises :class:`StoreError` naming the file."""
        try:
            path = self.path_of(session_id)
        except ValueError:
            raise StoreError(
                f"'{session_id}' is not a session id; 'selfaudit list' shows them."
            ) from None
        if not path.exists():
            raise StoreError(f"No session {session_id} in {self.sessions_dir}.")
        try:
            return read_session_file(path)
        except (TomlError, DocumentError) as exc:
            raise StoreError(f"{path} cannot be read: {exc}") from None

    def sessions(self, set_id: str | None = None, team: str | None = None) -> list[SessionSummary]:
        """Summaries of readable sessions, newest first, optionally for one set or team."""
        summaries, _ = self.index.refresh()
        chosen = [
            s
            for s in summaries
            if (set_id is None or s.set_id == set_id) and (team is None or s.team == team)
        ]
        return sorted(chosen, key=lambda s: (s.completed_at, s.id), reverse=True)

    def trend(self, set_id: str, respondent: str | None = None) -> list[SessionSummary]:
        """One set's sessions oldest first (optionally one respondent's): the data of a trend."""
        summaries, _ = self.index.refresh()
        chosen = [
            s
            for s in summaries
            if s.set_id == set_id and (respondent is None or s.respondent == respondent)
        ]
        return sorted(chosen, key=lambda s: (s.completed_at, s.id))

    def resolve_id(self, prefix: str) -> str:
        """A full session id from a unique prefix of at least 4 characters."""
        prefix = prefix.strip().lower()
        if len(prefix) < 4:
            raise StoreError("Give at least the first 4 characters of the session id.")
        matches = [s.id for s in self.sessions() if s.id.startswith(prefix)]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise StoreError(f"No session id starts with '{prefix}'; 'selfaudit list' shows them.")
        raise StoreError(f"'{prefix}' matches {len(matches)} sessions; give more characters.")

    # -- health -------------------------------------------------------------------------------

    def _files(self, folder: Path) -> list[Path]:
        try:
            return sorted(
                Path(e.path)
                for e in os.scandir(folder)
                if e.name.endswith(".toml") and not e.name.startswith(".")
            )
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise describe_os_error("read the folder", folder, exc) from None

    def doctor(self) -> list[Unreadable]:
        """Every file views skip, with the reason, plus permission problems; nothing is changed."""
        _, problems = self.index.refresh()
        for path in self._files(self.drafts_dir):
            try:
                self._read_draft(path)
            except (TomlError, DocumentError) as exc:
                problems.append(Unreadable(path, str(exc)))
        for folder in (self.root, self.sessions_dir, self.drafts_dir):
            try:
                mode = folder.stat().st_mode & 0o777
            except OSError:
                continue
            if mode != 0o700:
                problems.append(
                    Unreadable(folder, f"folder permissions are {mode:o}; run 'chmod 700 {folder}'")
                )
        for path in self._files(self.sessions_dir) + self._files(self.drafts_dir):
            try:
                mode = path.stat(follow_symlinks=False).st_mode & 0o777
            except OSError:
                continue
            if mode & 0o077:
                problems.append(
                    Unreadable(path, f"file permissions are {mode:o}; run 'chmod 600 {path}'")
                )
        return sorted(problems, key=lambda u: str(u.path))
