"""take / list / show / doctor through the real command line: streams, exit codes, JSON."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.conftest import run_cli


@pytest.fixture
def with_mini(isolated_dirs: Path, mini_path: Path) -> None:
    folder = Path(os.environ["SELFAUDIT_CONFIG_DIR"]) / "questionnaires"
    folder.mkdir(parents=True)
    shutil.copy(mini_path, folder)


def _answers(tmp_path: Path, text: str) -> str:
    path = tmp_path / "answers.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


GOOD = 'fast = 4\nignore = 1\nrecommend = 6\nagain = false\nmood = "good"\npeople = "12"\n'


def test_take_saves_and_prints_json(with_mini: None, tmp_path: Path) -> None:
    result = run_cli(
        "take", "mini", "--answers", _answers(tmp_path, GOOD), "--team", "Ops [x]", "--json"
    )
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert Path(doc["path"]).is_file()
    assert doc["results"]["dimensions"][0] == {
        "id": "serve",
        "answered": 2,
        "skipped": 0,
        "score": 87.5,
        "band": "high",
        "by_side": {"provider": 75.0, "customer": 100.0},
    }
    assert doc["results"]["enps"] == {"item": "recommend", "answer": 6, "category": "detractor"}
    listed = json.loads(run_cli("list", "--json").stdout)
    assert [(s["id"], s["team"]) for s in listed] == [(doc["id"], "Ops [x]")]
    assert listed[0]["respondent"].startswith("anon-")
    shown = run_cli("show", doc["id"][:8], "--json")
    assert shown.returncode == 0
    assert json.loads(shown.stdout)["answers"]["people"] == 12.0


def test_take_reports_every_problem_and_saves_nothing(with_mini: None, tmp_path: Path) -> None:
    bad = 'fast = 9\nignore = "a lot"\nnope = 1\npeople = "1,5"\n'
    result = run_cli("take", "mini", "--answers", _answers(tmp_path, bad))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 5 and "Traceback" not in result.stderr
    assert any("fast: likert5 answer must be a whole number from 1 to 5" in line for line in lines)
    assert any("nope: 'mini' has no item 'nope'" in line for line in lines)
    assert lines[-1] == f"selfaudit: 4 problems in {tmp_path / 'answers.toml'}; nothing was saved"
    assert json.loads(run_cli("list", "--json").stdout) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["take", "nosuch", "--answers", "x.toml"], "no question set 'nosuch'"),
        (["take", "mini", "--answers", "/nonexistent.toml"], "/nonexistent.toml: no such file"),
        (["frobnicate"], "invalid choice"),
        (["show", "zzzz"], "No session id starts with 'zzzz'"),
        (["show", "ab"], "Give at least the first 4 characters"),
        (["take", "mini", "--answers", "x.toml", "--team", "a" * 201], "--team is 201 characters"),
        (
            ["take", "mini", "--answers", "x.toml", "--team", "a\x01b"],
            "--team contains the control character \\x01",
        ),
        (["take", "mini", "--answers", "x.toml", "--respondent", "a\nb"], "--respondent contains"),
        (
            ["take", "mini", "--answers", "x.toml", "--team", os.fsdecode(b"\xff\xfe")],
            "--team is not valid UTF-8 text",
        ),
    ],
)
def test_bad_input_is_one_clear_line_and_exit_2(
    with_mini: None, args: list[str], message: str
) -> None:
    result = run_cli(*args)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_show_ambiguous_prefix_is_bad_input(with_mini: None, tmp_path: Path) -> None:
    saved = json.loads(
        run_cli("take", "mini", "--answers", _answers(tmp_path, GOOD), "--json").stdout
    )
    path = Path(saved["path"])
    twin = path.with_name(saved["id"][:8] + "-0000-4000-8000-000000000000.toml")
    twin.write_text("not read")
    result = run_cli("show", saved["id"][:8])
    assert result.returncode == 2
    assert f"'{saved['id'][:8]}' matches 2 sessions; give more characters" in result.stderr


def test_show_a_newer_session_names_file_and_versions(with_mini: None, tmp_path: Path) -> None:
    saved = json.loads(
        run_cli("take", "mini", "--answers", _answers(tmp_path, GOOD), "--json").stdout
    )
    path = Path(saved["path"])
    path.write_text(path.read_text().replace("format_version = 3", "format_version = 7"))
    result = run_cli("show", saved["id"][:6])
    assert result.returncode == 1
    assert result.stderr == (
        f"selfaudit: Cannot read {path}: format_version 7 is newer than this build reads "
        "(up to 3); update selfaudit to read it. The file is left as it is.\n"
    )


def test_show_an_unreadable_file_names_it_once(with_mini: None, tmp_path: Path) -> None:
    saved = json.loads(
        run_cli("take", "mini", "--answers", _answers(tmp_path, GOOD), "--json").stdout
    )
    path = Path(saved["path"])
    path.write_text("format_version = [")
    result = run_cli("show", saved["id"])
    assert result.returncode == 1
    assert result.stderr.count(str(path)) == 1 and "invalid TOML" in result.stderr


def test_show_uses_stored_results_when_the_set_changed(with_mini: None, tmp_path: Path) -> None:
    saved = json.loads(
        run_cli("take", "mini", "--answers", _answers(tmp_path, GOOD), "--json").stdout
    )
    assert "Serving" in run_cli("show", saved["id"]).stdout
    installed = Path(os.environ["SELFAUDIT_CONFIG_DIR"]) / "questionnaires" / "mini.toml"
    installed.write_text(installed.read_text() + "\n# edited, same version\n")
    shown = run_cli("show", saved["id"])
    assert shown.returncode == 0
    assert "shown as they were saved" in shown.stdout
    assert re.search(r"Serving\s+88 ", shown.stdout), shown.stdout  # 87.5 as saved


def test_list_and_doctor_on_a_data_dir_that_is_a_file(with_mini: None, tmp_path: Path) -> None:
    data = tmp_path / "data-file"
    data.write_text("oops")
    listed = run_cli("--data-dir", str(data), "list")
    assert listed.returncode == 1
    assert listed.stderr.startswith(f"selfaudit: Could not read the folder {data / 'sessions'}")
    assert len(listed.stderr.splitlines()) == 1 and "Traceback" not in listed.stderr
    doctor = run_cli("--data-dir", str(data), "doctor")
    assert doctor.returncode == 1 and f"{data}: is not a folder" in doctor.stdout


UNREADABLE = """
import os, sys
import contextlib, io
from selfaudit.cli import main
# Warm up first: as nobody, the interpreter's own files (under /root) cannot be imported.
with contextlib.redirect_stdout(io.StringIO()):
    main(["--data-dir", os.path.join(sys.argv[1], "missing"), sys.argv[2]])
if os.geteuid() == 0:  # root reads any folder: run as nobody so the mode applies
    os.setgroups([])
    os.setgid(65534)
    os.setuid(65534)
sys.exit(main(["--data-dir", sys.argv[1], sys.argv[2]]))
"""


@pytest.mark.parametrize("command", ["list", "doctor"])
def test_list_and_doctor_on_an_unreadable_sessions_folder(command: str) -> None:
    base = Path(tempfile.mkdtemp(dir="/tmp", prefix="selfaudit-unreadable-"))
    try:
        base.chmod(0o755)
        data = base / "data"
        (data / "sessions").mkdir(parents=True)
        (data / "drafts").mkdir()
        if os.geteuid() == 0:
            for path in (data, *data.rglob("*")):
                os.chown(path, 65534, 65534)
        for path in (data, data / "drafts"):
            path.chmod(0o700)
        (data / "sessions").chmod(0o000)
        result = subprocess.run(
            [sys.executable, "-c", UNREADABLE, str(data), command],
            capture_output=True,
            text=True,
            timeout=60,
            cwd=base,
            check=False,
        )
        assert result.returncode == 1, result.stderr
        assert "Traceback" not in result.stderr
        if command == "list":
            assert result.stderr.startswith(
                f"selfaudit: Could not read the folder {data / 'sessions'}: permission denied"
            )
        else:
            assert f"{data / 'sessions'}: the folder cannot be read" in result.stdout
    finally:
        (base / "data" / "sessions").chmod(0o700)
        shutil.rmtree(base, ignore_errors=True)


def test_show_text_and_doctor(with_mini: None, tmp_path: Path) -> None:
    saved = json.loads(
        run_cli("take", "mini", "--answers", _answers(tmp_path, GOOD), "--json").stdout
    )
    shown = run_cli("show", saved["id"])
    assert re.search(r"Serving\s+88 ", shown.stdout), shown.stdout  # 87.5, halves round up
    healthy = run_cli("doctor")
    assert healthy.returncode == 0 and "1 readable session, 0 drafts" in healthy.stdout
    junk = Path(saved["path"]).with_name("22222222-2222-4222-8222-222222222222.toml")
    junk.write_text("format_version = [")
    sick = run_cli("doctor")
    assert sick.returncode == 1
    assert f"{junk}: invalid TOML" in sick.stdout
    assert junk.read_text() == "format_version = ["
    assert len(json.loads(run_cli("list", "--json").stdout)) == 1


def test_data_dir_flag_overrides_environment(with_mini: None, tmp_path: Path) -> None:
    other = tmp_path / "elsewhere"
    result = run_cli(
        "--data-dir", str(other), "take", "mini", "--answers", _answers(tmp_path, GOOD)
    )
    assert result.returncode == 0
    assert len(list((other / "sessions").glob("*.toml"))) == 1
    assert "Saved session" in result.stdout


def _exported_draft(tmp_path: Path, set_path: Path) -> Path:
    """A draft of ``set_path`` with answers, a note and a team, exported as the app would."""
    from selfaudit.questionnaires import load_file
    from selfaudit.store import Store

    qset, _ = load_file(set_path)
    assert qset is not None
    store = Store.open()
    draft = store.new_draft(qset, team="Ops", respondent="Kim", lang="nl")
    draft.answers.update({"fast": 4, "people": 12.0})
    draft.notes["fast"] = "slow on Fridays"
    draft.actions = ["Call back"]
    path = store.export_draft(draft, tmp_path)
    store.close()
    return path


def test_take_recovers_an_exported_draft(with_mini: None, tmp_path: Path, mini_path: Path) -> None:
    exported = _exported_draft(tmp_path, mini_path)
    result = run_cli("take", "mini", "--answers", str(exported), "--json")
    assert result.returncode == 0, result.stderr
    session = json.loads(run_cli("show", json.loads(result.stdout)["id"], "--json").stdout)
    assert session["answers"] == {"fast": 4, "people": 12.0}
    assert session["notes"] == {"fast": "slow on Fridays"}
    assert (session["team"], session["respondent"], session["lang"]) == ("Ops", "Kim", "nl")
    assert session["actions"] == ["Call back"]
    other = _exported_draft(tmp_path, mini_path)
    override = run_cli(
        "take", "mini", "--answers", str(other), "--team", "Dev", "--lang", "en", "--json"
    )
    again = json.loads(run_cli("show", json.loads(override.stdout)["id"], "--json").stdout)
    assert (again["team"], again["respondent"], again["lang"]) == ("Dev", "Kim", "en")


def test_take_refuses_a_draft_of_another_set(
    with_mini: None, tmp_path: Path, mini_path: Path
) -> None:
    exported = _exported_draft(tmp_path, mini_path)
    result = run_cli("take", "choose-us", "--answers", str(exported))
    assert result.returncode == 2
    assert result.stderr == (
        f"selfaudit: {exported} is a draft of the set 'mini', not 'choose-us'; "
        f"run 'selfaudit take mini --answers {exported}'\n"
    )


def test_take_when_the_disk_cannot_confirm_the_save(
    with_mini: None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from selfaudit import cli
    from selfaudit.store import atomic

    def fsync_dir(directory: Path) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(atomic, "fsync_dir", fsync_dir)
    code = cli.main(["take", "mini", "--answers", _answers(tmp_path, GOOD)])
    out, err = capsys.readouterr()
    assert code == 1
    saved = list((Path(os.environ["SELFAUDIT_DATA_DIR"]) / "sessions").glob("*.toml"))
    assert len(saved) == 1
    assert "Serving" in out and f"Saved session {saved[0].stem}" in out
    assert err == (
        f"selfaudit: warning: Saved as {saved[0]}, but the disk could not confirm it; "
        "check the disk.\n"
    )


def test_take_reports_levels_in_the_users_language(tmp_path: Path) -> None:
    from selfaudit.questionnaires import load_catalog
    from selfaudit.settings import Settings, save_settings

    save_settings(Settings(language="nl"))
    qset = load_catalog().sets["competency-level"]
    level = {d.id: d.level for d in qset.dimensions}
    # Level 1 always, level 2 skipped, level 3 always: the count stops at the unanswered level 2.
    answers = {i.id: 5 for i in qset.items if level[i.dimension] in (1, 3)}
    path = tmp_path / "answers.toml"
    path.write_text("".join(f"{k} = {v}\n" for k, v in answers.items()))
    result = run_cli("take", "competency-level", "--answers", str(path))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "niveau: 1 van 5" in out, out
    assert "niet beantwoord" in out
    assert "Niveau 2 is niet beantwoord" in out
    level_two = next(d for d in qset.dimensions if d.level == 2)
    assert qset.t(level_two.title, "nl") in out
    assert f"  - {qset.t(qset.items_of(level_two.id)[0].text, 'nl')}" in out


def test_take_warns_about_more_leavers_than_people(tmp_path: Path) -> None:
    path = tmp_path / "answers.toml"
    path.write_text("headcount = 50\nleavers = 1500\nsalary = 40000\n")
    result = run_cli("take", "turnover-cost", "--answers", str(path), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["results"]["turnover"]["warnings"] == [
        "leavers-exceed-headcount"
    ]
    shown = run_cli("take", "turnover-cost", "--answers", str(path))
    assert "More people left than work here" in shown.stdout


def test_output_into_a_closed_pipe_is_not_an_error() -> None:
    # 'selfaudit sets --json | head -1': the reader leaves after one line. The pipe is made
    # 4 KiB so the ~50 KB of output cannot all fit before the reader has gone.
    import fcntl

    read_end, write_end = os.pipe()
    fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, 4096)
    child = subprocess.Popen(
        [sys.executable, "-m", "selfaudit", "sets", "--json"],
        stdout=write_end,
        stderr=subprocess.PIPE,
        env=os.environ.copy(),
    )
    os.close(write_end)
    with os.fdopen(read_end, "rb") as reader:
        assert reader.readline().strip() == b"{"
    assert child.stderr is not None
    errors = child.stderr.read().decode()
    assert child.wait(timeout=30) == 0, errors
    assert "Traceback" not in errors and "BrokenPipe" not in errors


def test_take_uses_the_team_and_name_from_the_settings(tmp_path: Path) -> None:
    from selfaudit.settings import Settings, save_settings

    save_settings(Settings(team="Sales [bold]Ops[/bold]", respondent="Kim"))
    path = tmp_path / "answers.toml"
    path.write_text("enps = 9\n")
    saved = json.loads(run_cli("take", "choose-us", "--answers", str(path), "--json").stdout)
    shown = json.loads(run_cli("show", saved["id"], "--json").stdout)
    assert (shown["team"], shown["respondent"]) == ("Sales [bold]Ops[/bold]", "Kim")
    other = run_cli("take", "choose-us", "--answers", str(path), "--team", "", "--json")
    again = json.loads(run_cli("show", json.loads(other.stdout)["id"], "--json").stdout)
    assert again["team"] == ""  # the command line wins, even when empty
    listed = run_cli("list")
    assert "Sales [bold]Ops…  Kim               eNPS answer 9" in listed.stdout  # cut to 16
    unknown = run_cli("list", "--set", "nope")
    assert unknown.returncode == 2 and "no question set 'nope'" in unknown.stderr


def test_show_lists_what_you_wrote_in_your_own_words(tmp_path: Path) -> None:
    from selfaudit.settings import Settings, save_settings

    save_settings(Settings(language="nl"))
    draft = tmp_path / "answers.toml"
    draft.write_text('enps = 9\nchoose_what = "Meer [b]inspraak[/b]"\n')
    saved = json.loads(run_cli("take", "choose-us", "--answers", str(draft), "--json").stdout)
    shown = run_cli("show", saved["id"]).stdout
    assert "In je eigen woorden" in shown and "Meer [b]inspraak[/b]" in shown
    assert shown.startswith("Sessie ") and "Bestand: " in shown
