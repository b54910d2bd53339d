"""Question sets: finding, reading and strictly validating the TOML files.

The built-in sets live in the top-level ``questionnaires/`` folder (shipped in the wheel); users
add their own in :func:`selfaudit.paths.user_sets_dir`.
"""

from selfaudit.questionnaires.loader import Catalog, check_file, load_catalog, load_file

__all__ = ["Catalog", "check_file", "load_catalog", "load_file"]
