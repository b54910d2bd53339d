"""validate as a new user meets it: a built-in id, a file that is no question set at all, key
paths that name the item, and a key of another kind."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import REPO, run_cli


def _mini_with(tmp_path: Path, mini_path: Path, old: str, new: str) -> Path:
    text = mini_path.read_text("utf-8")
    assert text.count(old) == 1
    target = tmp_path / "mine.toml"
    target.write_text(text.replace(old, new), "utf-8")
    return target


def test_a_set_with_a_built_in_id_is_refused_and_says_why(tmp_path: Path, mini_path: Path) -> None:
    mine = _mini_with(tmp_path, mini_path, 'id = "mini"', 'id = "choose-us"')
    result = run_cli("validate", str(mine))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.splitlines()[0] == (
        f"{mine}: id: 'choose-us' is the id of a built-in set, so selfaudit would ignore this "
        "file; give your set an id of its own ('selfaudit sets' lists the ids in use)"
    )
    built_in = run_cli("validate", str(REPO / "questionnaires" / "choose-us.toml"))
    assert built_in.returncode == 0, built_in.stderr


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (
            'headcount = 50\nleavers = 5\nsalary = "42000"\nfast = 4\nagain = true\n',
            "this holds answers or settings (key = value), not a question set; answers go to "
            "'selfaudit take SET --answers FILE'",
        ),
        ("[answers]\nfast = 4\n", "this is not a question set: it has no format, dimensions"),
        (
            'format_version = 2\nkind = "draft"\n[answers]\nfast = 4\n',
            "this is a draft of answers exported by selfaudit, not a question set",
        ),
    ],
)
def test_a_file_that_is_not_a_question_set_gets_one_sentence(
    tmp_path: Path, content: str, said: str
) -> None:
    target = tmp_path / "answers.toml"
    target.write_text(content, "utf-8")
    result = run_cli("validate", str(target))
    assert result.returncode == 2
    problems = result.stderr.splitlines()[:-1]  # the last line counts the files
    assert len(problems) == 1 and problems[0].startswith(f"{target}: {said}"), result.stderr


def test_a_saved_session_is_not_a_question_set(tmp_path: Path) -> None:
    answers = tmp_path / "answers.toml"
    answers.write_text("enps = 9\n", "utf-8")
    taken = json.loads(run_cli("take", "choose-us", "--answers", str(answers), "--json").stdout)
    result = run_cli("validate", taken["path"])
    assert result.returncode == 2
    assert result.stderr.splitlines()[:-1] == [
        f"{taken['path']}: this is a session saved by selfaudit, not a question set; "
        "'selfaudit show ID' shows a saved session"
    ]


def test_key_paths_name_the_item_by_its_id(tmp_path: Path, mini_path: Path) -> None:
    mine = _mini_with(tmp_path, mini_path, 'id = "people"', 'id = "people"\ncolour = "red"')
    result = run_cli("validate", str(mine))
    assert result.returncode == 2
    assert f'{mine}: items[5] (id "people").colour: unknown key; allowed here: ' in result.stderr


@pytest.mark.parametrize(
    ("item_id", "key", "said"),
    [
        ("people", "reverse = true", "a number item has no reverse; only likert5, scale10 and "),
        ("mood", "reverse = true", "a choice item has no reverse; only likert5, scale10 and "),
        ("fast", 'unit = "percent"', "a likert5 item has no unit; only number items do"),
    ],
)
def test_a_key_of_another_kind_says_which_kinds_take_it(
    tmp_path: Path, mini_path: Path, item_id: str, key: str, said: str
) -> None:
    mine = _mini_with(tmp_path, mini_path, f'id = "{item_id}"', f'id = "{item_id}"\n{key}')
    result = run_cli("validate", str(mine))
    assert result.returncode == 2
    assert said in result.stderr and "unknown key" not in result.stderr, result.stderr
