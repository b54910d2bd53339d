"""The :class:`Store` facade: completed sessions here; drafts, identity and health delegated."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
import uuid
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from selfaudit import paths
from selfaudit.core.answers import validate_answers
from selfaudit.core.followups import Followup
from selfaudit.core.model import QuestionSet
from selfaudit.core.responses import Response
from selfaudit.core.results import compute_results
from selfaudit.core.rounds import DEFAULT_CADENCE, Cadence, Round
from selfaudit.settings import load_settings
from selfaudit.store import answer_cache, health, identity, query
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
from selfaudit.store.folders import SESSIONS, ensure_private_dir, is_record_file, toml_files
from selfaudit.store.index import SessionIndex, cache_file_for, read_own_session
from selfaudit.store.query import SessionFilter
from selfaudit.store.records import Draft, Session, SessionSummary, Unreadable, utc_now
from selfaudit.store.respondents import Attribution
from selfaudit.store.trash import FOLDER as TRASH_FOLDER
from selfaudit.store.trash import Trash
from selfaudit.tomlio import TomlError


class Store:
    """Sessions and drafts under one data dir (layout in :mod:`selfaudit.store`)."""

    def __init__(self, root: Path, own_name: str | None = None) -> None:
        self.root = root
        self.own_name = own_name
        """The name this install's user goes by, which attributes their sessions saved before
        format 3 (:mod:`selfaudit.store.respondents`); ``None``: the name in the settings, read
        at every query, so a name set on the settings screen counts at once."""
        self.sessions_dir = root / SESSIONS
        self.drafts_dir = root / "drafts"
        self.trash_dir = root / TRASH_FOLDER
        self.trash = Trash(self.trash_dir, self.sessions_dir)
        self.index = SessionIndex(self.sessions_dir, cache_file_for(root))
        self.drafts_store = Drafts(self.drafts_dir, self.sessions_dir)

    @classmethod
    def open(
        cls,
        data_dir: str | os.PathLike[str] | None = None,
        *,
        create: bool = True,
        own_name: str | None = None,
    ) -> Store:
        """Open the store; with ``create`` make its folders (0700) and tidy up after a crash.

        Tidying removes only what selfaudit itself left: its temp files whose writer died, drafts
        whose own session was saved, and its lock files nobody holds. ``own_name``: see
        :attr:`own_name`.
        """
        store = cls(paths.data_dir(data_dir), own_name)
        if create:
            ensure_private_dir(store.root, chosen_by_user=True)
            for folder in (store.sessions_dir, store.drafts_dir):
                ensure_private_dir(folder)
            clean_stale_temps(store.root, lambda name: name == identity.FILE_NAME)
            for folder in (store.sessions_dir, store.drafts_dir):
                clean_stale_temps(folder, is_record_file)
            cache = store.index.cache_file
            clean_stale_temps(
                cache.parent,
                lambda name: name == cache.name or answer_cache.is_cache_file(cache, name),
            )
            store.drafts_store.tidy()
        return store

    def pseudonym(self) -> str:
        """This install's stable pseudonym, made once, so "my" trend works without a name.

        It is the respondent id of every session this install saves for its own user.
        """
        return identity.pseudonym(self.root)

    def known_pseudonym(self) -> str | None:
        """The pseudonym if this store has one already (never makes one: for reading)."""
        try:
            return identity.read_pseudonym(self.root / identity.FILE_NAME)
        except StoreError:
            return None

    # -- who answered (see selfaudit.store.respondents) -----------------------------------------

    def _own_name(self) -> str:
        if self.own_name is not None:
            return self.own_name.strip()
        return load_settings()[0].respondent.strip()

    def _attribution(
        self,
        names: Iterable[str] = (),
        summaries: Iterable[SessionSummary] | None = None,
        make: bool = False,
    ) -> Attribution:
        """What attributes sessions of format 1 and 2 (saved under ``names``, or among
        ``summaries``); the index is read only when a name needs the names format-3 sessions
        pair with ids. With ``make``, a store without a pseudonym gets one (for writing)."""
        pseudonym = self.pseudonym() if make else self.known_pseudonym()
        found = Attribution(pseudonym, self._own_name())
        if summaries is None and any(n not in ("", pseudonym) for n in names):
            summaries, _ = self.index.refresh()
        if summaries is not None:
            found.learn(summaries)
        return found

    def _attributed(self, summaries: list[SessionSummary]) -> list[SessionSummary]:
        """``summaries`` with every session of format 1 and 2 attributed to a respondent id."""
        if all(s.respondent_id for s in summaries):
            return summaries
        rule = self._attribution(summaries=summaries)
        for s in summaries:
            if not s.respondent_id:
                # Completed in place: these summaries were made by this read and nobody holds
                # them yet (dataclasses.replace would cost as much as reading them again).
                object.__setattr__(s, "respondent_id", rule.respondent_id(s.respondent_name))
                object.__setattr__(s, "respondent_name", rule.name(s.respondent_name))
        return summaries

    def _attributed_records(self, records: list[Any], make: bool = False) -> list[Any]:
        """Sessions or drafts, each with its respondent id (attributed when it has none)."""
        unknown = [r.respondent for r in records if not r.respondent_id]
        if not unknown:
            return records
        rule = self._attribution(unknown, make=make)
        return [
            r
            if r.respondent_id
            else dataclasses.replace(
                r,
                respondent_id=rule.respondent_id(r.respondent),
                respondent=rule.name(r.respondent),
            )
            for r in records
        ]

    def _who(self, respondent_id: str | None, respondent: str) -> tuple[str, str]:
        """The respondent id and name a new draft or session is saved with: the id given, else
        this install's pseudonym; a "name" that is the id itself is no name."""
        chosen = respondent_id or self.pseudonym()
        return chosen, "" if respondent in (chosen, self.known_pseudonym()) else respondent

    # -- drafts (see selfaudit.store.drafts) -----------------------------------------------------

    def new_draft(
        self,
        qset: QuestionSet,
        team: str = "",
        respondent: str = "",
        lang: str = "en",
        *,
        respondent_id: str | None = None,
        followups: Sequence[Followup] = (),
    ) -> Draft:
        """Start a session: saved at once and locked for this window.

        ``respondent`` is the name (the pseudonym passed as a name counts as none);
        ``respondent_id`` defaults to this install's pseudonym. ``followups`` are the action
        items of the respondent's previous session of the set (see :meth:`previous_actions`).
        """
        respondent_id, respondent = self._who(respondent_id, respondent)
        draft = self.draft_in_memory(
            qset, team, respondent, lang, respondent_id=respondent_id, followups=followups
        )
        try:
            self.save_draft(draft)
        except StoreError:
            self.close_draft(draft.id)
            raise
        return draft

    def draft_in_memory(
        self,
        qset: QuestionSet,
        team: str = "",
        respondent: str = "",
        lang: str = "en",
        *,
        respondent_id: str | None = None,
        followups: Sequence[Followup] = (),
    ) -> Draft:
        """A new draft that is not saved: what :meth:`new_draft` saves, or, when the store
        cannot be written at all, what the person answers in memory (and may export).

        Without ``respondent_id`` it is the store's pseudonym if one can be read, else ``""``:
        the store that saves the draft's session fills it in (:meth:`complete`).
        """
        if respondent_id is None:
            respondent_id = self.known_pseudonym() or ""
            if respondent == respondent_id:
                respondent = ""
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
            respondent_id=respondent_id,
            followups=list(followups),
        )

    def save_draft(self, draft: Draft) -> None:
        """Save a draft atomically; the caller keeps its answers in memory if this raises."""
        draft.updated_at = utc_now()
        self.drafts_store.save(draft)

    def open_draft(self, draft_id: str) -> Draft:
        """Load a draft and lock it for this window; :class:`DraftBusy` if open elsewhere.

        A draft saved before format 3 comes with its respondent id attributed (it is saved in
        format 3 with the next answer)."""
        draft = self.drafts_store.open(draft_id)
        try:
            attributed: Draft = self._attributed_records([draft])[0]
        except StoreError:
            self.close_draft(draft_id)
            raise
        return attributed

    def drafts(self) -> list[Draft]:
        """Every readable draft, newest first (unreadable ones are left for ``doctor``)."""
        drafts: list[Draft] = self._attributed_records(self.drafts_store.readable())
        return drafts

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
        (draft,) = self._attributed_records([draft], make=True)
        session = self._make_session(
            qset,
            answers,
            draft.notes,
            draft.team,
            (draft.respondent_id, draft.respondent),
            draft.lang,
            draft.actions,
            draft.id,
            draft.started_at,
            draft.followups,
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
        respondent_id: str | None = None,
        followups: Sequence[Followup] = (),
        share_notes: bool = False,
        share_name: bool = False,
    ) -> Session:
        """Save a completed session from validated answers (``selfaudit take``).

        ``respondent`` is the name; ``respondent_id`` is who answered, by default this
        install's user (its pseudonym), or the id of someone whose answers a lead enters.
        ``share_notes`` and ``share_name`` record what the respondent lets leave the machine
        besides the shareable part (:mod:`selfaudit.store.shareable`).
        :class:`NotDurable` carries the session, which is in place but not confirmed durable.
        """
        who = self._who(respondent_id, respondent)
        session = self._make_session(
            qset, answers, notes or {}, team, who, lang, actions or [], followups=followups
        )
        session = dataclasses.replace(session, share_notes=share_notes, share_name=share_name)
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
        who: tuple[str, str],
        lang: str,
        actions: list[str],
        session_id: str = "",
        started_at: Any = None,
        followups: Sequence[Followup] = (),
    ) -> Session:
        """``who`` is the respondent id and name."""
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
            respondent=who[1],
            lang=lang,
            answers=dict(answers),
            notes={k: v for k, v in notes.items() if v},
            skipped=results.skipped,
            actions=tuple(actions),
            results=results.to_dict(),
            respondent_id=who[0],
            followups=tuple(followups),
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
            session = read_own_session(path)
        except (TomlError, DocumentError) as exc:
            raise StoreError(f"Cannot read {unreadable_reason(path, exc)}") from None
        attributed: Session = self._attributed_records([session])[0]
        return attributed

    # -- queries (see selfaudit.store.query) ----------------------------------------------------

    def summaries(self) -> list[SessionSummary]:
        """Every readable session's summary (unordered), each attributed to a respondent id."""
        summaries, _ = self.index.refresh()
        return self._attributed(summaries)

    def query(
        self,
        set_id: str | None = None,
        *,
        team: str | None = None,
        respondent_id: str | None = None,
        since: dt.datetime | None = None,
        until: dt.datetime | None = None,
        in_round: Round | None = None,
    ) -> list[SessionSummary]:
        """Summaries of the sessions selected (:class:`~selfaudit.store.query.SessionFilter`),
        newest first, from the index: no session file is opened."""
        where = SessionFilter(set_id, team, respondent_id, since, until, in_round)
        return query.select(self.summaries(), where)

    def sessions(self, set_id: str | None = None, team: str | None = None) -> list[SessionSummary]:
        """Summaries of readable sessions, newest first, optionally for one set or team (matched
        as typed: case, spaces and Unicode forms make no difference)."""
        return self.query(set_id, team=team)

    def trend(self, set_id: str, respondent_id: str | None = None) -> list[SessionSummary]:
        """One set's sessions oldest first (optionally one respondent's): the data of a trend."""
        return self.query(set_id, respondent_id=respondent_id)[::-1]

    def latest_by_set(self, respondent_id: str) -> dict[str, SessionSummary]:
        """Per set, the latest session of ``respondent_id`` (Home's "Last result" is my own)."""
        return query.latest_by_set(self.summaries(), respondent_id)

    def latest_per_round(
        self,
        set_id: str,
        *,
        team: str | None = None,
        cadence: Cadence = DEFAULT_CADENCE,
    ) -> dict[Round, list[SessionSummary]]:
        """Per round, each respondent's latest session of ``set_id`` (of ``team``): the
        sessions a team view counts (:func:`~selfaudit.store.query.latest_per_round`)."""
        return query.latest_per_round(self.query(set_id, team=team), cadence)

    def previous_actions(self, set_id: str, respondent_id: str) -> list[str]:
        """The action items of ``respondent_id``'s latest session of ``set_id`` (``[]`` when
        there is none, or it planned none, or it cannot be read any more)."""
        latest = query.latest_by_set(self.summaries(), respondent_id).get(set_id)
        if latest is None or not latest.actions:
            return []
        session = self._read_quietly(latest.id)
        return list(session.actions) if session is not None else []

    def responses(self, qset: QuestionSet, summaries: Sequence[SessionSummary]) -> list[Response]:
        """The sessions of ``summaries`` (of ``qset``'s set; others are left out) loaded with
        their answers and results, oldest first. Only those are read: from the answer cache of
        their set and team (:mod:`~selfaudit.store.answer_cache`), else from their files."""
        groups: dict[str, answer_cache.AnswerCache] = {}
        chosen = {s.id: s for s in summaries if s.set_id == qset.id}

        def read(session_id: str) -> Session | None:
            summary = chosen[session_id]
            cache = groups.get(summary.team_key)
            if cache is None:
                path = answer_cache.cache_file(self.index.cache_file, qset.id, summary.team_key)
                cache = groups[summary.team_key] = answer_cache.AnswerCache(path, self.index.seen)
            session = cache.get(summary)
            if session is None:
                session = self._read_quietly(session_id)
                if session is not None and self._stat_of(session_id) == summary.source:
                    cache.put(summary, session, qset)
            return session

        found = query.load_responses(list(chosen.values()), qset, read)
        for cache in groups.values():
            cache.save()
        return found

    def response(self, session_id: str, qset: QuestionSet) -> Response:
        """One session as the views read it; raises :class:`StoreError` as :meth:`load` does."""
        return query.response_of(self.load(session_id), qset)

    def my_responses(self, qset: QuestionSet, respondent_id: str) -> list[Response]:
        """``respondent_id``'s sessions of ``qset``, oldest first (a person's trend)."""
        return self.responses(qset, self.query(qset.id, respondent_id=respondent_id))

    def team_responses(
        self, qset: QuestionSet, team: str, cadence: Cadence = DEFAULT_CADENCE
    ) -> list[Response]:
        """The sessions a team's views of ``qset`` count, loaded: per round of ``cadence``, each
        respondent's latest in ``team``. What a team view computes from them is what it
        computes from all of the team's sessions; the rest are not opened."""
        rounds = self.latest_per_round(qset.id, team=team, cadence=cadence)
        return self.responses(qset, [s for chosen in rounds.values() for s in chosen])

    def gap_rounds(
        self, set_id: str, team: str, cadence: Cadence = DEFAULT_CADENCE
    ) -> dict[Round, list[SessionSummary]]:
        """Per round, the sessions a gap view of ``team`` counts: each member's latest, and each
        internal customer's latest rating ``team`` (:func:`~selfaudit.core.gap.team_gap` picks
        the same ones from them). Load a round's with :meth:`responses`."""
        summaries = self.summaries()
        own = query.latest_per_round(query.select(summaries, SessionFilter(set_id, team)), cadence)
        rating = query.latest_per_round(query.rating(summaries, set_id, team), cadence)
        return {rnd: [*own.get(rnd, []), *rating.get(rnd, [])] for rnd in sorted({*own, *rating})}

    def _read_quietly(self, session_id: str) -> Session | None:
        """A session file as it is now, or ``None`` when it cannot be read (any more)."""
        with contextlib.suppress(TomlError, DocumentError, OSError):
            return read_own_session(self.path_of(session_id))
        return None

    def _stat_of(self, session_id: str) -> tuple[int, ...]:
        """A session file's size, times and inode as the index keys it (``()`` if gone)."""
        try:
            st = os.stat(self.path_of(session_id), follow_symlinks=False)
        except OSError:
            return ()
        return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)

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
        summaries = self._attributed([SessionSummary.of(s) for s in sessions])
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
    """What a person put into a draft: answers, notes, skipped questions, action items and how
    last time's actions went."""
    return (draft.answers, draft.notes, draft.skipped, draft.actions, draft.followups)
