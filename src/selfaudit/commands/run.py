"""``selfaudit`` / ``selfaudit run``: open the terminal app."""

from __future__ import annotations

import argparse


def main(args: argparse.Namespace) -> int:
    """Build the app through the one factory and run it.

    SIGTERM and SIGHUP make the app exit cleanly (terminal restored, draft locks released); the
    draft itself is already saved after every answer.
    """
    # Textual costs ~150 ms to import; only this command pays for it.
    from selfaudit.tui.app import create_app

    app = create_app(data_dir=args.data_dir, handle_signals=True)
    app.run()
    return int(app.return_code or 0)
