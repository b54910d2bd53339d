"""The :class:`Store` facade: completed sessions here; drafts, identity and health delegated."""

from __future__ import annotations

import os
import uuid
from pathlib import Path
from typing import Any

from selfaudit import paths
from selfaudit.core.answers import validate_answers
from selfaudit.core.model import QuestionSet
from selfaudit.core.results import compute_results
from selfaudit.store import health, identity
from selfaudit.store.atomic import clean_stale_temps, encode_toml, write_atomic
from selfaudit.store.codec import session_to_doc
from selfaudit.store.drafts import Drafts, unreadable_reason
from selfaudit.store.errors import (
    BadSessionId,
    DocumentError,
    InvalidAnswers,
    NotDurable,
    StoreError,
)
from selfaudit.store.folders import ensure_private_dir, is_record_file, toml_files
from selfaudit.store.index import SessionIndex, cache_file_for, read_own_session
from selfaudit.store.records import Draft, Session, SessionSummary, Unreadable, utc_now
from selfaudit.store.trash import FOLDER as TRASH_FOLDER
from selfaudit.store.trash import Trash
from selfaudit.tomlio import TomlError


class Store:
    """Sessions and drafts under one data dir (layout in :mod:`selfaudit.store`)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.sessions_dir = root / "sessions"
        self.drafts_dir = root / "drafts"
        self.trash_dir = root / TRASH_FOLDER
        self.trash = Trash(self.trash_dir, self.sessions_dir)
        self.index = SessionIndex(self.sessions_dir, cache_file_for(root))
        self.drafts_store = Drafts(self.drafts_dir, self.sessions_dir)

    @classmethod
    def open(cls, data_dir: str | os.PathLike[str] | None = None, *, create: bool = True) -> Store:
        """Open the store; with ``create`` make its folders (0700) and tidy up after a crash.

        Tidying removes only what selfaudit itself left: its temp files whose writer died, drafts
        whose own session was saved, and its lock files nobody holds.
        """
        store = cls(paths.data_dir(data_dir))
        if create:
            ensure_private_dir(store.root, chosen_by_user=True)
            for folder in (store.sessions_dir, store.drafts_dir):
                ensure_private_dir(folder)
            clean_stale_temps(store.root, lambda name: name == identity.FILE_NAME)
            for folder in (store.sessions_dir, store.drafts_dir):
                clean_stale_temps(folder, is_record_file)
            cache = store.index.cache_file
            clean_stale_temps(cache.parent, lambda name: name == cache.name)
            store.drafts_store.tidy()
        return store

    def pseudonym(self) -> str:
        """This install's stable pseudonym, made once, so "my" trend works without a name."""
        return identity.pseudonym(self.root)

    # -- drafts (see selfaudit.store.drafts) -----------------------------------------------------

    def new_draft(
        self, qset: QuestionSet, team: str = "", respondent: str = "", lang: str = "en"
    ) -> Draft:
        """Start a session: saved at once and locked for this window."""
        draft = self.draft_in_memory(qset, team, respondent, lang)
        try:
            self.save_draft(draft)
        except StoreError:
            self.close_draft(draft.id)
            raise
        return draft

    @staticmethod
    def draft_in_memory(
        qset: QuestionSet, team: str = "", respondent: str = "", lang: str = "en"
    ) -> Draft:
        """A new draft that is not saved: what :meth:`new_draft` saves, or, when the store
        cannot be written at all, what the person answers in memory (and may export)."""
        now = utc_now()
        return Draft(
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

    def save_draft(self, draft: Draft) -> None:
        """Save a draft atomically; the caller keeps its answers in memory if this raises."""
        draft.updated_at = utc_now()
        self.drafts_store.save(draft)

    def open_draft(self, draft_id: str) -> Draft:
        """Load a draft and lock it for this window; :class:`DraftBusy` if open elsewhere."""
        return self.drafts_store.open(draft_id)

    def drafts(self) -> list[Draft]:
        """Every readable draft, newest first (unreadable ones are left for ``doctor``)."""
        return self.drafts_store.readable()

    def close_draft(self, draft_id: str) -> None:
        """Release this window's lock on a draft (its file stays)."""
        self.drafts_store.release(draft_id)

    def close(self) -> None:
        """Release every lock this store holds."""
        self.drafts_store.release_all()

    def discard_draft(self, draft_id: str) -> None:
        """Delete a draft the user chose to throw away."""
        self.drafts_store.remove(draft_id)

    def export_draft(self, draft: Draft, folder: str | os.PathLike[str]) -> Path:
        """Copy a draft into ``folder`` (when the data dir cannot be written); returns the path.

        Exporting the same draft again replaces its earlier export; raises :class:`StoreError`.
        """
        return self.drafts_store.export(draft, folder)

    # -- sessions -------------------------------------------------------------------------------

    def complete(self, draft: Draft, qset: QuestionSet) -> Session:
        """Turn a draft into a completed session file and remove the draft (under its lock).

        The draft is kept when the session could not be written or not confirmed durable.
        """
        self.drafts_store.claim(draft.id)
        answers, problems = validate_answers(qset, draft.answers)
        if problems:
            wrong = {p.path for p in problems}
            raise InvalidAnswers(
                "Some answers are not valid: " + "; ".join(str(p) for p in problems),
                [i.id for i in qset.items if i.id in wrong],
            )
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
            session = self._saved_before(draft.id)
        self.drafts_store.remove(draft.id)
        return session

    def _saved_before(self, draft_id: str) -> Session:
        """The session a draft became before (completed, then interrupted): the first one stays.

        Raises :class:`StoreError` when the file in its place is not that session; the draft is
        then the only good copy and is kept.
        """
        path = self.path_of(draft_id)
        try:
            return read_own_session(path)
        except (TomlError, DocumentError) as exc:
            raise StoreError(
                f"Could not save the session: {path} is in the way and is not this session "
                f"({exc}); move that file aside and save again. Your answers are kept.",
                path=path,
            ) from None

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
        """Save a completed session from validated answers (``selfaudit take``).

        :class:`NotDurable` carries the session, which is in place but not confirmed durable.
        """
        session = self._make_session(
            qset, answers, notes or {}, team, respondent, lang, actions or []
        )
        self.write_session(session)
        return session

    def recover(self, exported: Draft, qset: QuestionSet) -> tuple[Session, bool]:
        """Save a draft exported from the app as that draft's session (``take --answers``).

        The session keeps the draft's id, so the same export never makes two sessions: if it was
        saved before, that session is returned with ``False``. The store's own copy of the draft
        is removed, as when it is completed; it is never lost: recovery is refused while it is
        open in another window (:class:`DraftBusy`), cannot be read, or holds later answers.
        """
        if os.path.lexists(self.path_of(exported.id)):
            return self._saved_before(exported.id), False
        self.drafts_store.claim(exported.id)
        try:
            self._check_own_copy(exported)
        except StoreError:
            self.drafts_store.release(exported.id)
            raise
        return self.complete(exported, qset), True

    def _check_own_copy(self, exported: Draft) -> None:
        """Refuse to recover ``exported`` when the store's own copy of it would be lost."""
        path = self.drafts_store.path(exported.id)
        if not os.path.lexists(path):
            return
        try:
            own = self.drafts_store.read(path)
        except (TomlError, DocumentError) as exc:
            raise StoreError(
                f"The store's own copy of this draft cannot be read "
                f"({unreadable_reason(path, exc)}); move it aside and try again."
            ) from None
        if own.updated_at > exported.updated_at and _answered(own) != _answered(exported):
            raise StoreError(
                f"{path} holds later answers than this export; finish or discard that draft in "
                "selfaudit instead."
            )

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
        ensure_private_dir(self.sessions_dir)
        try:
            write_atomic(self.path_of(session.id), data, overwrite=False)
        except NotDurable as exc:
            exc.session = session
            raise

    def path_of(self, session_id: str) -> Path:
        """Where a completed session's file is."""
        return self.sessions_dir / f"{uuid.UUID(session_id)}.toml"

    def load(self, session_id: str) -> Session:
        """Load one completed session; raises :class:`StoreError` naming the file."""
        try:
            path = self.path_of(session_id)
        except ValueError:
            raise BadSessionId(
                f"'{session_id}' is not a session id; 'selfaudit list' shows them."
            ) from None
        if not path.exists():
            raise BadSessionId(f"No session {session_id} in {self.sessions_dir}.")
        try:
            return read_own_session(path)
        except (TomlError, DocumentError) as exc:
            raise StoreError(f"Cannot read {unreadable_reason(path, exc)}") from None

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
        """A full session id from a unique prefix of at least 4 characters.

        Prefixes are matched against the file names, so a file this build cannot read is still
        found (and :meth:`load` then says why it cannot be read). Raises :class:`BadSessionId`.
        """
        return _resolve(prefix, self.sessions_dir, "No session id starts with", "selfaudit list")

    # -- the trash (see selfaudit.store.trash) --------------------------------------------------

    def move_to_trash(self, session_id: str) -> Path:
        """Move a saved session into ``trash/`` (one rename; never a copy, never replacing a
        file); returns its path there. Raises :class:`StoreError` and then moves nothing."""
        return self.trash.put(session_id)

    def restore(self, session_id: str) -> Path:
        """Move a session out of the trash back into ``sessions/``; returns its path there.

        :class:`~selfaudit.store.errors.SessionExists` when a session of that id is saved again:
        nothing is replaced.
        """
        return self.trash.take_back(session_id)

    def trashed(self) -> list[SessionSummary]:
        """Summaries of the readable sessions in the trash, newest first (the rest: ``doctor``)."""
        sessions, _ = self.trash.read()
        summaries = [SessionSummary.of(s) for s in sessions]
        return sorted(summaries, key=lambda s: (s.completed_at, s.id), reverse=True)

    def resolve_trashed_id(self, prefix: str) -> str:
        """:meth:`resolve_id` for a session in the trash."""
        return _resolve(prefix, self.trash_dir, "No id in the trash starts with", "selfaudit trash")

    def doctor(self) -> list[Unreadable]:
        """Every file views skip, with the reason, plus permission problems; nothing is changed."""
        return health.check(self)


def _resolve(prefix: str, folder: Path, none: str, listing: str) -> str:
    """The one id in ``folder``'s file names that starts with ``prefix`` (at least 4 characters).

    ``none`` begins the sentence for no match, ``listing`` is the command that shows the ids.
    Raises :class:`BadSessionId`.
    """
    prefix = prefix.strip().lower()
    if len(prefix) < 4:
        raise BadSessionId("Give at least the first 4 characters of the session id.")
    matches = []
    for path in toml_files(folder):
        try:
            session_id = str(uuid.UUID(path.stem))
        except ValueError:
            continue
        if session_id.startswith(prefix) and path.stem == session_id:
            matches.append(session_id)
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise BadSessionId(f"{none} '{prefix}'; '{listing}' shows them.")
    raise BadSessionId(f"'{prefix}' matches {len(matches)} sessions; give more characters.")


def _answered(draft: Draft) -> tuple[object, ...]:
    """What a person put into a draft: answers, notes, skipped questions and action items."""
    return (draft.answers, draft.notes, draft.skipped, draft.actions)
