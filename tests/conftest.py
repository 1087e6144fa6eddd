"""Shared test set-up: Qt runs offscreen, and no test touches the real user's files."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from factories import make_small_template
from hypothesis import HealthCheck, settings

from partnerworkshop.model.session import Session, new_session
from partnerworkshop.model.template import Questionnaire


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--onscreen", action="store_true", help="show Qt windows on the real display")


def pytest_configure(config: pytest.Config) -> None:
    if not config.getoption("--onscreen"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


# Speed is measured by the benchmark, never by tests: on a shared, busy machine a generated
# example that takes long to check is no failure.
settings.register_profile(
    "no-deadline", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("no-deadline")

GENERATED_INPUTS = pytest.StashKey[Counter[str]]()


@pytest.fixture(scope="session")
def generated_inputs(request: pytest.FixtureRequest) -> Counter[str]:
    """Counts the generated inputs the robustness tests try, by kind, for the run's summary."""
    return request.config.stash.setdefault(GENERATED_INPUTS, Counter())


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, config: pytest.Config
) -> None:
    counts = config.stash.get(GENERATED_INPUTS, Counter())
    if counts:
        terminalreporter.write_sep("-", f"{counts.total():,} generated inputs tried")
        for kind, count in sorted(counts.items()):
            terminalreporter.write_line(f"{count:>7,}  {kind}")


@pytest.fixture(autouse=True)
def user_folders(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Settings, recent files and recovery files live in a fresh folder for every test."""
    home = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("PARTNERWORKSHOP_USER_DIR", str(home))
    yield home


@pytest.fixture
def small_template() -> Questionnaire:
    return make_small_template()


@pytest.fixture
def small_session(small_template: Questionnaire) -> Session:
    return new_session(
        small_template, title="Test workshop", organisation_a="Northwind", organisation_b="Contoso"
    )


class DialogScript:
    """Stands in for every dialog: records what was shown and gives scripted answers.

    A dialog that asks something the test did not script fails the test instead of blocking it.
    """

    def __init__(self) -> None:
        self.shown: list[tuple[str, ...]] = []
        self._answers: dict[str, list[object]] = {}

    def answer(self, kind: str, value: object) -> None:
        self._answers.setdefault(kind, []).append(value)

    def _next(self, kind: str, *shown: str) -> Any:
        self.shown.append((kind, *shown))
        queue = self._answers.get(kind)
        if not queue:
            raise AssertionError(f"unexpected {kind} dialog: {shown}")
        return queue.pop(0)

    def warnings(self) -> list[tuple[str, ...]]:
        return [entry for entry in self.shown if entry[0] == "warn"]


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> DialogScript:
    from partnerworkshop.ui import dialogs as module

    script = DialogScript()
    monkeypatch.setattr(
        module,
        "warn",
        lambda parent, title, text, details="": script.shown.append(("warn", title, text, details)),
    )
    monkeypatch.setattr(
        module, "confirm", lambda parent, title, text, yes: script._next("confirm", title, text)
    )
    monkeypatch.setattr(module, "ask_save", lambda parent: script._next("ask_save"))
    monkeypatch.setattr(
        module, "ask_recover", lambda parent, text, details: script._next("ask_recover", text)
    )
    monkeypatch.setattr(
        module,
        "ask_open_elsewhere",
        lambda parent, text, details: script._next("ask_open_elsewhere", text, details),
    )
    monkeypatch.setattr(
        module,
        "open_file_name",
        lambda parent, title, folder, filters: script._next("open_file_name", title, filters),
    )
    monkeypatch.setattr(
        module,
        "save_file_name",
        lambda parent, title, suggested, filters: script._next("save_file_name", title),
    )
    monkeypatch.setattr(
        module, "open_externally", lambda parent, path: script.shown.append(("open", str(path)))
    )
    monkeypatch.setattr(
        module,
        "choose_party",
        lambda parent, title, text, names: script._next("choose_party", title),
    )
    monkeypatch.setattr(
        module,
        "choose_one",
        lambda parent, title, text, choices: script._next("choose_one", title, *choices),
    )
    monkeypatch.setattr(
        module,
        "preview_incoming",
        lambda parent, title, text, details, new, conflicts: script._next(
            "preview_incoming", text, details
        ),
    )
    return script


@pytest.fixture(scope="session")
def themed_app(qapp: Any) -> Any:
    """The application with the app's theme, set once (restyling every widget is not free)."""
    from partnerworkshop.ui.application import create_application
    from partnerworkshop.ui.style import apply_theme

    app = create_application()
    apply_theme(app, 100)
    return app


@pytest.fixture
def window(qtbot: Any, themed_app: Any, dialogs: DialogScript, user_folders: Path) -> Any:
    """The real main window, shown, on a new session; user files in a temporary folder."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from partnerworkshop.ui.main_window import MainWindow
    from partnerworkshop.ui.user_files import UserFiles

    user_files = UserFiles()
    assert user_files.folder == user_folders, "tests never touch the real user's files"
    main_window = MainWindow(user_files)
    main_window.show()
    qtbot.waitExposed(main_window)
    yield main_window
    # Whatever the test left unsaved, the window closes at the end without asking, and goes.
    if main_window.editor is not None:
        main_window.editor.mark_saved()
    main_window.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    # The theme belongs to the shared application: a zoom a test left must not reach the next test.
    if user_files.preferences.zoom != 100:
        from partnerworkshop.ui.style import apply_theme

        apply_theme(themed_app, 100)
