"""What an answer that is not allowed is told, in words that fit every count."""

from __future__ import annotations

import pytest

from selfaudit.core.answers import check_answer
from selfaudit.core.model import Item, Kind


@pytest.mark.parametrize(("limit", "expected"), [(1, "the limit is 1"), (2, "the limit is 2")])
def test_a_text_over_its_limit_names_the_limit(limit: int, expected: str) -> None:
    item = Item("said", Kind.TEXT, "d", {"en": "Say"}, {"en": "Why"}, max_length=limit)
    with pytest.raises(ValueError, match=f"^is 3 characters; {expected}$"):
        check_answer(item, "abc")
