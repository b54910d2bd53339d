"""``selfaudit`` / ``selfaudit run``: open the terminal app."""

from __future__ import annotations

import argparse
import os
import sys


def main(args: argparse.Namespace) -> int:
    """Build the app through the one factory, run it, and leave promptly.

    SIGTERM and SIGHUP make the app exit cleanly (terminal restored, draft locks released); the
    draft itself is already saved after every answer.
    """
    # Textual costs ~150 ms to import; only this command pays for it.
    from selfaudit.tui.app import create_app

    app = create_app(data_dir=args.data_dir, handle_signals=True)
    app.run()
    code = int(app.return_code or 0)
    # Every answer is saved and fsynced and every lock released by now. Textual's input thread
    # can spin forever once the terminal is gone (Textualize/textual#6690), and interpreter
    # shutdown would wait for it at 100 % CPU; so leave without waiting for that thread.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
