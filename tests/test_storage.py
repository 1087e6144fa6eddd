"""Session files: round trips, every kind of bad file, and saves that never damage a file."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from partnerworkshop.errors import FileProblem
from partnerworkshop.model import storage
from partnerworkshop.model.edits import SessionEditor
from partnerworkshop.model.session import Session
from partnerworkshop.model.storage import (
    backup_path,
    load_any,
    load_session,
    load_template,
    save_session,
    session_to_json,
)
from partnerworkshop.model.template import Questionnaire


def _filled(session: Session) -> Session:
    editor = SessionEditor(session)
    editor.set_answer("A", "trust", 4)
    editor.set_answer("B", "name", "partner")
    editor.set_answer("A", "priorities", ["joint", "service", "price"])
    editor.set_comment("B", "costs", "Zoë Łukasiewicz thinks 50/50 <b>&</b>")
    editor.set_importance("B", "costs", "high")
    editor.resolve("trust", "adopt_a")
    editor.park("name", "Ørsted", None)
    return session


def test_round_trip_keeps_everything(tmp_path: Path, small_session: Session) -> None:
    session = _filled(small_session)
    path = tmp_path / "workshop.pws.json"
    save_session(session, path)
    loaded = load_session(path)
    assert loaded == session
    assert session_to_json(loaded) == path.read_text(encoding="utf-8")


def test_the_file_is_readable_json(tmp_path: Path, small_session: Session) -> None:
    path = tmp_path / "workshop.pws.json"
    save_session(small_session, path)
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["format"] == "partnerworkshop-session"
    assert raw["schema_version"] == storage.SESSION_SCHEMA_VERSION
    assert raw["template"]["id"] == "small", "the questionnaire is embedded in the session"
    assert path.read_text(encoding="utf-8").count("\n") > 20, "indented for people to read"


def test_saving_keeps_the_previous_version_as_a_backup(
    tmp_path: Path, small_session: Session
) -> None:
    path = tmp_path / "workshop.pws.json"
    save_session(small_session, path)
    first = path.read_bytes()
    SessionEditor(small_session).set_workshop("title", "Second")
    save_session(small_session, path)
    assert backup_path(path).read_bytes() == first
    assert load_session(path).workshop.title == "Second"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "workshop.pws.json",
        "workshop.pws.json.bak",
    ]


def test_saving_removes_what_saves_cut_short_left_behind(
    tmp_path: Path, small_session: Session
) -> None:
    path = tmp_path / "workshop.pws.json"
    left_over = [
        tmp_path / ".workshop.pws.json.0123456789ab.tmp",
        tmp_path / ".workshop.pws.json.bak.tmp",
    ]
    in_progress = tmp_path / ".workshop.pws.json.ba9876543210.tmp"
    not_ours = [
        tmp_path / ".other.pws.json.0123456789ab.tmp",
        tmp_path / "workshop.pws.json.0123456789ab.tmp",
        tmp_path / ".workshop.pws.json.notes.tmp",
    ]
    long_ago = time.time() - storage.LEFTOVER_AGE_SECONDS - 60
    for leftover in (*left_over, in_progress, *not_ours):
        leftover.write_bytes(b'{"half": ')
        if leftover is not in_progress:
            os.utime(leftover, (long_ago, long_ago))
    save_session(small_session, path)
    assert not any(leftover.exists() for leftover in left_over)
    assert in_progress.exists(), "a save in progress elsewhere is left alone"
    assert all(other.exists() for other in not_ours)


def _write(path: Path, content: bytes | str) -> Path:
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def _valid_raw(session: Session) -> dict[str, object]:
    raw: dict[str, object] = json.loads(session_to_json(session))
    return raw


BAD_FILES = {
    "empty": (b"", "the file is empty"),
    "blank": (b"  \n ", "the file is empty"),
    "not json": (b"hello, world", "the file is not valid JSON"),
    "garbage": (bytes(range(256)) * 4, "the file is not UTF-8 text"),
    "list": (b"[1, 2, 3]", "expected a JSON object at the top of the file, found a list"),
    "number": (b"42", "found a number"),
    "foreign": (b'{"name": "something else"}', "this is not a workshop session file"),
    "deep": (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
}


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_broken_files_are_refused_with_a_plain_message(tmp_path: Path, name: str) -> None:
    content, expected = BAD_FILES[name]
    path = _write(tmp_path / "bad.pws.json", content)
    with pytest.raises(FileProblem) as caught:
        load_session(path)
    assert expected in str(caught.value)
    assert str(path) in str(caught.value)
    assert path.read_bytes() == content, "loading never touches the file"


def test_truncated_file(tmp_path: Path, small_session: Session) -> None:
    text = session_to_json(small_session)
    path = _write(tmp_path / "cut.pws.json", text[: len(text) // 2])
    with pytest.raises(FileProblem, match="the file ends too early: it looks truncated"):
        load_session(path)


def test_missing_and_unknown_fields(tmp_path: Path, small_session: Session) -> None:
    raw = _valid_raw(small_session)
    del raw["template"]
    raw["surprise"] = 1
    path = _write(tmp_path / "fields.pws.json", json.dumps(raw))
    with pytest.raises(FileProblem) as caught:
        load_session(path)
    message = str(caught.value)
    assert "template: this field is missing" in message
    assert "surprise: this field is not known to partnerworkshop" in message


def test_invalid_answers_name_the_question(tmp_path: Path, small_session: Session) -> None:
    raw = _valid_raw(small_session)
    raw["answers"] = {"A": {"trust": {"value": 9}}, "B": {"costs": {"value": 101}}}
    path = _write(tmp_path / "answers.pws.json", json.dumps(raw))
    with pytest.raises(FileProblem) as caught:
        load_session(path)
    assert caught.value.problems == [
        'Party A\'s answers: Question "trust": 9 is outside the scale 1-5',
        'Party B\'s answers: Question "costs": a split must be between 0 and 100 percent, got 101',
    ]


def test_a_template_is_not_a_session(tmp_path: Path, small_template: Questionnaire) -> None:
    path = _write(tmp_path / "t.json", small_template.model_dump_json())
    with pytest.raises(
        FileProblem, match="this is a questionnaire template, not a workshop session"
    ):
        load_session(path)
    assert isinstance(load_any(path), Questionnaire)
    assert load_template(path) == small_template


def test_a_newer_schema_is_refused(tmp_path: Path, small_session: Session) -> None:
    raw = _valid_raw(small_session)
    raw["schema_version"] = storage.SESSION_SCHEMA_VERSION + 1
    path = _write(tmp_path / "new.pws.json", json.dumps(raw))
    with pytest.raises(FileProblem, match="made by a newer version of partnerworkshop"):
        load_session(path)


def test_a_missing_schema_version_is_refused(tmp_path: Path, small_session: Session) -> None:
    raw = _valid_raw(small_session)
    del raw["schema_version"]
    path = _write(tmp_path / "nov.pws.json", json.dumps(raw))
    with pytest.raises(FileProblem, match="schema_version is missing"):
        load_session(path)


def test_an_older_schema_is_migrated(
    tmp_path: Path, small_session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files of every earlier version are brought up to date, step by step, on loading."""
    older = storage.SESSION_SCHEMA_VERSION
    raw = _valid_raw(small_session)
    raw["workshop"] = {"name": "Old title"}  # pretend the older version called the title "name"

    def rename_title(old: dict[str, object]) -> dict[str, object]:
        workshop = dict(old["workshop"])  # type: ignore[call-overload]
        workshop["title"] = workshop.pop("name")
        return {**old, "workshop": workshop}

    monkeypatch.setitem(storage.SESSION_MIGRATIONS, older, rename_title)
    monkeypatch.setattr(storage, "SESSION_SCHEMA_VERSION", older + 1)
    path = _write(tmp_path / "old.pws.json", json.dumps(raw))
    migrated = load_session(path)
    assert migrated.workshop.title == "Old title"
    assert migrated.schema_version == older + 1


def test_an_oversized_file_is_refused_without_reading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(storage, "MAX_FILE_BYTES", 1000)
    path = _write(tmp_path / "big.pws.json", b" " * 2000)
    with pytest.raises(FileProblem, match="files over"):
        load_session(path)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(FileProblem, match="there is no such file"):
        load_session(tmp_path / "nothing.pws.json")
    with pytest.raises(FileProblem, match="this is a folder, not a file"):
        load_session(tmp_path)


def test_a_failed_save_leaves_the_old_file_exactly_as_it_was(
    tmp_path: Path, small_session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "workshop.pws.json"
    save_session(small_session, path)
    before = path.read_bytes()
    SessionEditor(small_session).set_workshop("title", "Changed")

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(FileProblem, match="could not be saved"):
        save_session(small_session, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["workshop.pws.json"], "no temporary file stays"


def test_a_failed_write_leaves_the_old_file(
    tmp_path: Path, small_session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "workshop.pws.json"
    save_session(small_session, path)
    before = path.read_bytes()

    def fail(descriptor: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(FileProblem, match="Input/output error"):
        save_session(small_session, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["workshop.pws.json"]


def test_saving_under_a_file_instead_of_a_folder_is_reported(
    tmp_path: Path, small_session: Session
) -> None:
    blocker = _write(tmp_path / "not-a-folder", b"x")
    with pytest.raises(FileProblem, match="could not be saved"):
        save_session(small_session, blocker / "x.pws.json")
    assert blocker.read_bytes() == b"x"


def test_saving_into_a_missing_folder_is_reported(tmp_path: Path, small_session: Session) -> None:
    with pytest.raises(FileProblem, match="could not be saved"):
        save_session(small_session, tmp_path / "missing" / "x.pws.json")
