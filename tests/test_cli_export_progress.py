"""``partnerworkshop export`` shows how far a long export has got on a terminal, and nothing in a
log or a pipe."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from partnerworkshop import app
from partnerworkshop.export.charter import Progress
from partnerworkshop.model.catalog import example_session
from partnerworkshop.model.storage import save_session


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_one_line_says_how_far_the_export_has_got(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    session_file = tmp_path / "s.pws.json"
    save_session(example_session(), session_file)
    monkeypatch.setattr(app.time, "monotonic", iter(range(0, 10_000, 1)).__next__)
    assert app.main(["export", str(session_file), "-o", str(tmp_path / "c.pdf")]) == 0
    shown = terminal.getvalue()
    progress = shown.split("warning:")[0]  # what the command says comes after
    assert progress.startswith("\rpartnerworkshop: exporting, ")
    assert ", page " in progress, "one line, rewritten as the pages are drawn"
    assert progress.endswith("\r"), "and cleared when the export is done"


def test_in_a_log_the_export_prints_no_progress(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session_file = tmp_path / "s.pws.json"
    save_session(example_session(), session_file)
    assert app.main(["export", str(session_file), "-o", str(tmp_path / "c.pdf")]) == 0
    assert "exporting," not in capsys.readouterr().err


def test_the_report_shows_the_page_being_drawn(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    report = app._progress_on_a_terminal()
    report(Progress("pages", 0.5, page=11))
    assert terminal.getvalue() == "\rpartnerworkshop: exporting, 68% done, page 12"
