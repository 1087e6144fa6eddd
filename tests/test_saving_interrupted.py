"""A save interrupted at any point loses nothing: the old or the new file is there, whole.

The first tests make every file operation of a save fail in turn (an error, a write or copy
that stops half-way, an interrupt) and check what is left in the folder. The last one kills
a real process that keeps saving a large session, at random moments.
"""

from __future__ import annotations

import errno
import os
import random
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from types import TracebackType
from typing import Any

import pytest
from hostile import LONG_TEXT, hostile_session

from partnerworkshop.errors import FileProblem
from partnerworkshop.model.catalog import example_session
from partnerworkshop.model.session import Session
from partnerworkshop.model.storage import (
    LEFTOVER_AGE_SECONDS,
    backup_path,
    load_session,
    save_session,
)

FAILURES = ["error", "half-done", "interrupt"]
START_STATES = ["file and backup", "file only", "no file"]


class Faults:
    """Counts the file operations a save makes and makes the one numbered ``fail_at`` fail.

    ``failure`` is how it fails: an OSError ("error"), an OSError after writing or copying
    half of the data ("half-done"), or a KeyboardInterrupt ("interrupt").
    """

    def __init__(self, target: Path, fail_at: int, failure: str) -> None:
        self.target = target
        self.fail_at = fail_at
        self.failure = failure
        self.steps: list[str] = []
        self.renamed = False

    @property
    def failed(self) -> bool:
        return len(self.steps) > self.fail_at

    def step(self, name: str) -> bool:
        """Record the operation; True if it is the one that must fail."""
        self.steps.append(name)
        return len(self.steps) - 1 == self.fail_at

    def error(self) -> BaseException:
        if self.failure == "interrupt":
            return KeyboardInterrupt()
        return OSError(errno.ENOSPC, "No space left on device")

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        real_open, real_fsync, real_close = os.open, os.fsync, os.close
        real_replace, real_copy2 = os.replace, shutil.copy2
        real_fdopen = os.fdopen

        def faulty_open(name: Any, flags: int, *args: Any, **kwargs: Any) -> int:
            if self.step("create" if flags & os.O_CREAT else "open"):
                raise self.error()
            return real_open(name, flags, *args, **kwargs)

        def faulty_fsync(descriptor: int) -> None:
            if self.step("fsync"):
                raise self.error()
            real_fsync(descriptor)

        def faulty_close(descriptor: int) -> None:
            real_close(descriptor)  # the descriptor is released whatever the failure
            if self.step("close"):
                raise self.error()

        def faulty_replace(source: str | Path, target: str | Path) -> None:
            if self.step(f"rename to {Path(target).name}"):
                raise self.error()
            real_replace(source, target)
            self.renamed = self.renamed or Path(target) == self.target

        def faulty_copy2(source: str | Path, target: str | Path) -> Any:
            if self.step("copy"):
                if self.failure == "half-done":
                    data = Path(source).read_bytes()
                    Path(target).write_bytes(data[: len(data) // 2])
                raise self.error()
            return real_copy2(source, target)

        def faulty_fdopen(*args: Any, **kwargs: Any) -> FaultyFile:
            return FaultyFile(real_fdopen(*args, **kwargs), self)

        monkeypatch.setattr(os, "open", faulty_open)
        monkeypatch.setattr(os, "fsync", faulty_fsync)
        monkeypatch.setattr(os, "close", faulty_close)
        monkeypatch.setattr(os, "replace", faulty_replace)
        monkeypatch.setattr(shutil, "copy2", faulty_copy2)
        monkeypatch.setattr(os, "fdopen", faulty_fdopen)


class FaultyFile:
    """A temporary file whose write, flush and close are operations that can fail."""

    def __init__(self, handle: Any, faults: Faults) -> None:
        self.handle = handle
        self.faults = faults

    def __enter__(self) -> FaultyFile:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.handle.__exit__(kind, error, traceback)
        if self.faults.step("close"):
            raise self.faults.error()

    def write(self, data: bytes) -> int:
        if self.faults.step("write"):
            if self.faults.failure == "half-done":
                self.handle.write(data[: len(data) // 2])
                self.handle.flush()
            raise self.faults.error()
        written: int = self.handle.write(data)
        return written

    def flush(self) -> None:
        if self.faults.step("flush"):
            raise self.faults.error()
        self.handle.flush()

    def fileno(self) -> int:
        fileno: int = self.handle.fileno()
        return fileno


def _titled(session: Session, title: str) -> Session:
    return session.model_copy(
        update={"workshop": session.workshop.model_copy(update={"title": title})}
    )


def _start(folder: Path, state: str) -> tuple[Path, bytes | None, bytes | None]:
    """The session file (and its backup) as they are before the save."""
    folder.mkdir()
    path = folder / "workshop.pws.json"
    if state != "no file":
        save_session(_titled(example_session(), "Oldest"), path, keep_backup=False)
        if state == "file and backup":
            save_session(_titled(example_session(), "Old"), path)
    before = path.read_bytes() if path.exists() else None
    backup = backup_path(path)
    backup_before = backup.read_bytes() if backup.exists() else None
    return path, before, backup_before


def _interrupted_save(
    monkeypatch: pytest.MonkeyPatch, path: Path, new: Session, faults: Faults
) -> BaseException | None:
    with monkeypatch.context() as patch:
        faults.install(patch)
        try:
            save_session(new, path)
        except (FileProblem, KeyboardInterrupt) as stopped:
            return stopped
    return None


@pytest.mark.parametrize("state", START_STATES)
@pytest.mark.parametrize("failure", FAILURES)
def test_a_save_interrupted_at_any_step_leaves_the_old_or_the_new_file(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    generated_inputs: Counter[str],
    failure: str,
    state: str,
) -> None:
    new = _titled(example_session(), "New")
    steps_seen: set[str] = set()
    for fail_at in range(100):
        path, before, backup_before = _start(tmp_path / f"step-{fail_at}", state)
        faults = Faults(path, fail_at, failure)
        stopped = _interrupted_save(monkeypatch, path, new, faults)
        steps_seen.update(faults.steps)
        if not faults.failed:
            assert stopped is None
            assert load_session(path).workshop.title == "New"
            break
        generated_inputs["saves interrupted at one step"] += 1
        where = f"failing at step {fail_at} ({faults.steps[fail_at]})"
        expected_stop = KeyboardInterrupt if failure == "interrupt" else FileProblem
        assert stopped is None or isinstance(stopped, expected_stop), where
        if faults.renamed:
            assert load_session(path).workshop.title == "New", where
            if failure != "interrupt":
                assert stopped is None, f"a save that replaced the file says so ({where})"
        elif before is None:
            assert not path.exists(), where
        else:
            assert stopped is not None, where
            assert path.read_bytes() == before, where
        backup = backup_path(path)
        if backup.exists():
            assert backup.read_bytes() in {before, backup_before}, where
            load_session(backup)
        leftovers = {p.name for p in path.parent.iterdir()} - {path.name, backup.name}
        assert not leftovers, f"temporary files left {where}: {leftovers}"
    else:
        raise AssertionError("the save never completed")
    expected_steps = {"create", "write", "flush", "fsync", "rename to workshop.pws.json"}
    if state != "no file":
        expected_steps |= {"copy", "rename to workshop.pws.json.bak"}
    assert expected_steps <= steps_seen


def test_a_failure_after_the_file_is_in_place_does_not_fail_the_save(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Making the rename durable is a last, best effort: the file is saved already."""
    path = tmp_path / "workshop.pws.json"
    real_close = os.close

    def close_fails(descriptor: int) -> None:
        real_close(descriptor)
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "close", close_fails)
    save_session(_titled(example_session(), "New"), path)
    monkeypatch.undo()
    assert load_session(path).workshop.title == "New"


# A child process that saves the session in a file over and over, saying so after its first save.
SAVING_FOREVER = """
import sys
from pathlib import Path
from partnerworkshop.model.storage import load_session, save_session

path = Path(sys.argv[1])
session = load_session(path)
number = 1
while True:
    session.workshop.title = f"save {number}"
    save_session(session, path)
    if number == 1:
        print("saving", flush=True)
    number += 1
"""


def _large_session() -> Session:
    session = hostile_session()
    for answers in (session.answers.A, session.answers.B):
        for question_id, answer in answers.items():
            answers[question_id] = answer.model_copy(update={"comment": LONG_TEXT})
    return session


@pytest.mark.slow
def test_a_save_killed_at_random_moments_leaves_a_whole_file(
    tmp_path: Path, generated_inputs: Counter[str]
) -> None:
    path = tmp_path / "large.pws.json"
    original = _titled(_large_session(), "save 0")
    save_session(original, path)
    save_session(original, path)  # the backup beside it exists from the start
    assert path.stat().st_size > 1_000_000
    moments = random.Random(20260514)
    for _ in range(6):
        child = subprocess.Popen(
            [sys.executable, "-c", SAVING_FOREVER, str(path)],
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert child.stdout is not None and child.stdout.readline() == "saving\n"
            time.sleep(moments.uniform(0.0, 0.25))
        finally:
            child.kill()
            child.wait()
            if child.stdout is not None:
                child.stdout.close()
        generated_inputs["saves killed at a random moment"] += 1
        for whole in (path, backup_path(path)):
            loaded = load_session(whole)
            assert loaded.workshop.title.startswith("save ")
            assert _titled(loaded, "save 0").model_copy(update={"modified": original.modified}) == (
                original
            )
        assert load_session(path).workshop.title != "save 0", "the child saved before its end"

    # The next save, once the killed saves are long past, tidies up what they left behind.
    long_ago = time.time() - LEFTOVER_AGE_SECONDS - 60
    for leftover in tmp_path.glob(".*.tmp"):
        os.utime(leftover, (long_ago, long_ago))
    save_session(original, path)
    assert sorted(entry.name for entry in tmp_path.iterdir()) == [path.name, f"{path.name}.bak"]
