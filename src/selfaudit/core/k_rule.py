"""The k rule's numbers: a team figure rests on at least k distinct people.

Kept apart from :mod:`selfaudit.core.team` so the settings can check a k without importing the
team view (every command reads the settings).
"""

from __future__ import annotations

#: The fewest distinct respondents a team figure may rest on, whatever is configured.
MIN_K = 3
#: k unless configured.
DEFAULT_K = 5
