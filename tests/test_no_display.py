"""Started where there is no display, the app says so and how to use its command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from partnerworkshop.app import main


@pytest.fixture
def windows_started(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path | None, bool]]:
    """Stands in for opening the window (the tests run without a display): records each."""
    from partnerworkshop.ui import application

    started: list[tuple[Path | None, bool]] = []

    def run_app(file: Path | None = None, *, demo: bool = False, **options: bool) -> int:
        started.append((file, demo))
        return 0

    monkeypatch.setattr(application, "run_app", run_app)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    return started


@pytest.mark.parametrize("arguments", [[], ["--demo"], ["workshop.pws.json"]])
def test_without_a_display_the_app_says_so_plainly(
    windows_started: list[object],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    arguments: list[str],
) -> None:
    monkeypatch.setattr("sys.platform", "linux")
    assert main(arguments) == 1
    message = capsys.readouterr().err
    assert message.startswith("partnerworkshop: no display was found")
    assert "partnerworkshop compare FILE" in message, "how to run the command-line parts"
    assert "python3 dev.py run compare FILE" in message, "and from a source folder"
    assert windows_started == []


@pytest.mark.parametrize(
    ("platform", "variable", "value"),
    [
        ("linux", "DISPLAY", ":0"),
        ("linux", "WAYLAND_DISPLAY", "wayland-0"),
        ("linux", "QT_QPA_PLATFORM", "offscreen"),
        ("freebsd14", "DISPLAY", ":1"),
        ("darwin", None, None),
        ("win32", None, None),
    ],
)
def test_with_a_display_the_window_opens(
    windows_started: list[object],
    monkeypatch: pytest.MonkeyPatch,
    platform: str,
    variable: str | None,
    value: str | None,
) -> None:
    monkeypatch.setattr("sys.platform", platform)
    if variable is not None and value is not None:
        monkeypatch.setenv(variable, value)
    assert main(["--demo"]) == 0
    assert windows_started == [(None, True)]


def test_commands_need_no_display(
    windows_started: list[object], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr("sys.platform", "linux")
    assert main(["demo", "-o", str(tmp_path / "example.pws.json")]) == 0
    assert windows_started == []
