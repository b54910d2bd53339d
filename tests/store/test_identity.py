"""identity.toml: made once, never recursed on, reported by doctor when damaged."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from selfaudit.store import Store, StoreError


@pytest.mark.parametrize("content", ["pseudonym = 5\n", "other = 'x'\n", 'pseudonym = ""\n', "= ["])
def test_a_damaged_identity_is_one_clear_error(store: Store, content: str) -> None:
    path = store.root / "identity.toml"
    path.write_text(content)
    path.chmod(0o600)
    with pytest.raises(StoreError, match=r"identity\.toml is damaged; move it aside"):
        store.pseudonym()
    assert path.read_text() == content
    (problem,) = store.doctor()
    assert problem.path == path and "is damaged" in problem.reason


def test_losing_the_race_reads_the_winner(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from selfaudit.store import identity

    real = identity.write_atomic

    def racing(path: Path, data: bytes, **kwargs: Any) -> None:
        real(path, b'pseudonym = "anon-winner"\n', **kwargs)  # the other window wins
        raise FileExistsError(path)

    monkeypatch.setattr(identity, "write_atomic", racing)
    assert store.pseudonym() == "anon-winner"
