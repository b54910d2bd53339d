"""``selfaudit sync [--folder PATH | --git URL] [--team T] [--dry-run]``: publish and pull
through the team store.

Given ``--folder`` or ``--git``, the team store is set up (kept in ``team-store.toml`` beside
the settings), and the command says plainly who can read it; then, and every time after without
them, it syncs (``--dry-run``: lists what would be published, and the fields of each, and does
nothing else). Prints what was published and pulled, and every file refused; exits 1 when the
store could not be reached (nothing is lost: the sessions wait) or a file was refused, 2 for bad
usage or a broken configuration. See ``docs/exchange.md``.

A sync with nothing new reads no session, so this module imports only what the sync needs to
find that out (:mod:`selfaudit.teamstore.local`); the store, the sets and the settings are
imported when first needed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from selfaudit import paths
from selfaudit.cli import EXIT_FAILURE, UserError
from selfaudit.core.keys import team_key
from selfaudit.core.text import visible
from selfaudit.store.errors import StoreError
from selfaudit.teamstore.config import (
    WHO_CAN_READ,
    ConfigError,
    TeamStoreConfig,
    load_config,
    save_config,
)
from selfaudit.teamstore.folder import FolderSync, Progress, SyncPreview, SyncReport, Unreachable
from selfaudit.teamstore.git import CHECKOUT, GitSync
from selfaudit.teamstore.local import Local
from selfaudit.teamstore.state import load_state, save_state

TYPE_CHECKING = False  # typing's, without importing typing (5 ms of every start)

if TYPE_CHECKING:
    from selfaudit.questionnaires.loader import Catalog


def _config(args: argparse.Namespace) -> TeamStoreConfig:
    """The configuration given now (then saved) or kept from before."""
    if args.folder and args.git:
        raise UserError("give --folder or --git, not both")
    try:
        if args.folder or args.git:
            folder = str(Path(args.folder).expanduser().absolute()) if args.folder else ""
            given = TeamStoreConfig(folder=folder, remote=args.git or "", team=args.team or "")
            path = save_config(given)
            print(visible(f"Team store set up in {path}: {given.where}"))
            print(WHO_CAN_READ.format(kind="folder" if args.folder else "repository"))
            return given
        config = load_config()
    except ConfigError as exc:
        raise UserError(str(exc)) from None
    if config is None:
        raise UserError(
            "no team store is set up; run 'selfaudit sync --folder PATH' or "
            "'selfaudit sync --git URL' once"
        )
    return config


def _team(args: argparse.Namespace, config: TeamStoreConfig) -> str:
    team = (args.team or config.team).strip()
    if not team:
        from selfaudit.settings import load_settings

        team = load_settings()[0].team.strip()
    if not team_key(team):
        raise UserError(
            "which team's sessions should be pulled? Set your team in the settings, or give "
            "--team once with --folder or --git"
        )
    return team


def _print(report: SyncReport) -> int:
    if report.imported or report.refused:
        from selfaudit.commands.import_sessions import describe  # see the module docstring

        for result in report.imported + report.refused:
            print(describe(result))
    for warning in report.warnings:
        print(f"selfaudit: warning: {visible(warning)}", file=sys.stderr)
    print(
        f"{len(report.published)} published, {len(report.imported)} imported, "
        f"{report.present} already present, {len(report.refused)} refused"
    )
    return EXIT_FAILURE if report.refused else 0


def _sets() -> Catalog:
    """The installed sets; the module is imported only when a file needs a set (a sync with
    nothing new never does)."""
    from selfaudit.questionnaires import load_catalog

    return load_catalog()


def run_sync(
    local: Local, config: TeamStoreConfig, team: str, progress: Progress | None = None
) -> SyncReport:
    """One sync of ``local`` with the team store of ``config`` for ``team`` (the app's sync
    screen runs it too, with ``progress``); the state is saved whatever happens. Raises
    :class:`Unreachable` (and its git form)."""
    state = load_state(local.data_dir, config.where)
    try:
        if config.remote:
            return GitSync(local, config.remote, team, state, _sets, progress).run()
        return FolderSync(local, Path(config.folder), team, state, _sets, progress).run()
    finally:
        save_state(local.data_dir, state)


def preview_sync(local: Local, config: TeamStoreConfig, team: str) -> SyncPreview:
    """What the next sync with ``config`` would publish (see
    :meth:`~selfaudit.teamstore.folder.FolderSync.preview`); nothing is written or fetched."""
    state = load_state(local.data_dir, config.where)
    root = local.data_dir / CHECKOUT if config.remote else Path(config.folder)
    return FolderSync(local, root, team, state, _sets).preview()


def print_preview(found: SyncPreview) -> int:
    """``--dry-run``: each file that would be published and its fields, and how many sessions
    are never published."""
    print("Nothing is published (--dry-run). What the next sync would publish:")
    for path, fields in found.files:
        print(visible(f"{path}: {', '.join(fields)}"))
    count = len(found.files)
    print(f"{count} session{'' if count == 1 else 's'} to publish")
    if found.teamless:
        from selfaudit.i18n import t  # the catalogs: not needed by a plain sync

        print(t("en", "sync.teamless", count=found.teamless))
    return 0


def main(args: argparse.Namespace) -> int:
    """Set up the team store when asked, then sync with it."""
    config = _config(args)
    team = _team(args, config)
    try:
        local = Local.open(paths.data_dir(args.data_dir))
        if args.dry_run:
            return print_preview(preview_sync(local, config, team))
        report = run_sync(local, config, team)
    except Unreachable as exc:
        print(f"selfaudit: {visible(str(exc))}", file=sys.stderr)
        return EXIT_FAILURE
    except StoreError as exc:
        raise UserError(str(exc), EXIT_FAILURE) from None
    return _print(report)
