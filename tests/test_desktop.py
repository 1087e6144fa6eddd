"""The desktop integration: menu entry, icons and session file type, and a start that checks."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from partnerworkshop import __version__
from partnerworkshop.app import main
from partnerworkshop.desktop import (
    ICON_SIZES,
    SESSION_MIME_TYPE,
    exec_value,
    install_desktop_entry,
)
from partnerworkshop.model.catalog import example_session
from partnerworkshop.model.storage import save_session
from partnerworkshop.resources import resource_path

ENTRY = Path("applications", "partnerworkshop.desktop")


def _validate(entry: Path) -> str:
    """desktop-file-validate's complaints about ``entry`` (none when it is valid)."""
    completed = subprocess.run(
        ["desktop-file-validate", str(entry)], capture_output=True, text=True, check=False
    )
    return f"{completed.returncode} {completed.stdout}{completed.stderr}".strip()


def _exec_line(entry: Path) -> str:
    (line,) = (x for x in entry.read_text(encoding="utf-8").splitlines() if x.startswith("Exec="))
    return line.removeprefix("Exec=")


def test_the_shipped_desktop_entry_validates() -> None:
    assert _validate(resource_path("desktop", "partnerworkshop.desktop")) == "0"


def test_installing_writes_a_valid_entry_that_starts_the_given_program(tmp_path: Path) -> None:
    install = install_desktop_entry(tmp_path, ["/opt/partner workshop/partnerworkshop"])
    entry = tmp_path / ENTRY
    assert entry in install.files
    assert _validate(entry) == "0"
    assert _exec_line(entry) == '"/opt/partner workshop/partnerworkshop" %f'
    assert f"MimeType={SESSION_MIME_TYPE};" in entry.read_text(encoding="utf-8")


def test_exec_values_quote_and_escape_as_the_specification_asks() -> None:
    assert exec_value(["/usr/bin/partnerworkshop"]) == "/usr/bin/partnerworkshop %f"
    assert exec_value(["/a b/c$d"]) == '"/a b/c\\\\$d" %f'
    assert exec_value(['/x"y', "-m", "p"]) == '"/x\\\\"y" -m p %f'
    assert exec_value(["/50%/app"]) == "/50%%/app %f"
    assert exec_value(["C:\\apps\\pw"]) == '"C:\\\\\\\\apps\\\\\\\\pw" %f'


def test_the_icon_comes_in_every_usual_size_and_as_the_svg(qapp: Any, tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    install_desktop_entry(tmp_path, ["partnerworkshop"])
    icons = tmp_path / "icons" / "hicolor"
    for size in ICON_SIZES:
        image = QImage(str(icons / f"{size}x{size}" / "apps" / "partnerworkshop.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel()
        # The rounded corner is (nearly) transparent; the middle is the icon's solid background.
        assert image.pixelColor(0, 0).alpha() < 64
        assert image.pixelColor(size // 2, size // 2).alpha() == 255
    svg = icons / "scalable" / "apps" / "partnerworkshop.svg"
    assert svg.read_bytes() == resource_path("icons", "partnerworkshop.svg").read_bytes()
    assert {16, 32, 48, 256, 512} <= set(ICON_SIZES)


def test_a_pws_json_file_is_a_session_to_the_desktop_not_plain_json(tmp_path: Path) -> None:
    install = install_desktop_entry(tmp_path, ["partnerworkshop"])
    assert install.refreshed == ["update-mime-database", "update-desktop-database"]
    globs = (tmp_path / "mime" / "globs2").read_text(encoding="utf-8").splitlines()
    assert f"80:{SESSION_MIME_TYPE}:*.pws.json" in globs
    cache = (tmp_path / "applications" / "mimeinfo.cache").read_text(encoding="utf-8")
    assert f"{SESSION_MIME_TYPE}=partnerworkshop.desktop;" in cache.splitlines()
    # Qt reads the same database a desktop's file manager does.
    script = (
        "from PySide6.QtCore import QMimeDatabase\n"
        "match = QMimeDatabase.MatchMode.MatchExtension\n"
        "for name in ('workshop.pws.json', 'data.json'):\n"
        "    kind = QMimeDatabase().mimeTypeForFile(name, match)\n"
        "    print(kind.name(), kind.inherits('application/json'))\n"
    )
    environment = {**os.environ, "XDG_DATA_HOME": str(tmp_path), "XDG_DATA_DIRS": "/usr/share"}
    completed = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, env=environment
    )
    assert completed.stdout.splitlines() == [f"{SESSION_MIME_TYPE} True", "application/json True"]


def test_the_command_installs_for_this_user_an_entry_that_starts_this_app(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert main(["--install-desktop-entry"]) == 0
    out = capsys.readouterr().out
    assert str(tmp_path) in out and "applications/partnerworkshop.desktop" in out
    entry = tmp_path / ENTRY
    assert _validate(entry) == "0"
    command = shlex.split(_exec_line(entry).removesuffix(" %f"))
    # From elsewhere, so that the command cannot lean on the source folder being the current one.
    started = subprocess.run(
        [*command, "--version"], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert started.stdout.strip() == f"partnerworkshop {__version__}"


def _start_and_quit(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "partnerworkshop", "--quit-after-start", *arguments],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


@pytest.mark.slow
def test_a_check_start_opens_the_session_then_closes_the_window(tmp_path: Path) -> None:
    session = tmp_path / "workshop.pws.json"
    save_session(example_session(), session)
    before = session.read_bytes()
    started = _start_and_quit(str(session))
    assert started.returncode == 0, started.stderr
    assert started.stdout.splitlines() == [
        "workshop.pws.json \u2014 partnerworkshop: the window opened and closed"
    ]
    assert session.read_bytes() == before


@pytest.mark.slow
def test_a_check_start_never_closes_over_unsaved_changes() -> None:
    started = _start_and_quit("--demo")
    assert started.returncode == 1
    assert "unsaved changes; the window stays open" in started.stderr


def test_a_session_handed_over_by_the_desktop_opens(window: Any, tmp_path: Path) -> None:
    from PySide6.QtGui import QFileOpenEvent
    from PySide6.QtWidgets import QApplication

    from partnerworkshop.ui.application import OpenedFromDesktop

    QApplication.instance().installEventFilter(OpenedFromDesktop(window))
    session = tmp_path / "handed-over.pws.json"
    save_session(example_session(), session)
    QApplication.sendEvent(QApplication.instance(), QFileOpenEvent(str(session)))
    assert window.path == session
    assert window.session.workshop.title == example_session().workshop.title
