"""The shared team store (``selfaudit sync``): a folder or a git repository that a team's
members publish the shareable part of their sessions to and pull each other's from.

:mod:`~selfaudit.teamstore.config` (where it is, set once), :mod:`~selfaudit.teamstore.layout`
(``teams/<team>/<yyyy>/<id>.toml``), :mod:`~selfaudit.teamstore.state` (what was published and
read, the last sync), :mod:`~selfaudit.teamstore.folder` (a sync over a folder) and
:mod:`~selfaudit.teamstore.git` (a sync over a git remote, with the git command line). See
``docs/exchange.md``.
"""
