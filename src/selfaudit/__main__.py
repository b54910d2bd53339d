"""Allow ``python -m selfaudit``."""

from selfaudit.cli import main

raise SystemExit(main())
