"""Inputs a hostile or unlucky user found to get past the checks: each is now handled plainly.

Devices and pipes given as files, read-only session files, links to session files, numbers and
dates too large to print or convert, sheets with thousands of bad rows, sheets in UTF-16 without
its mark or starting with Excel's "sep=" line, long cells, and commands told to write over the
session they read.
"""

from __future__ import annotations

import json
import os
import stat
import threading
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partnerworkshop.app import main
from partnerworkshop.errors import FileProblem
from partnerworkshop.export.answer_sheet import (
    COLUMNS,
    answer_sheet_bytes,
    answer_sheet_rows,
    parse_answer_sheet,
)
from partnerworkshop.export.charter import CharterOptions, charter_pdf, charter_summary
from partnerworkshop.model.base import SIDES, Side
from partnerworkshop.model.session import Answer, Session
from partnerworkshop.model.storage import (
    MAX_PROBLEMS,
    load_session,
    read_bytes,
    save_session,
    session_to_json,
)
from partnerworkshop.model.template import (
    MultipleChoiceQuestion,
    Option,
    Questionnaire,
    Section,
    TextQuestion,
)


def run_cli(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def session_file(small_session: Session, tmp_path: Path) -> Path:
    path = tmp_path / "workshop.pws.json"
    save_session(small_session, path, keep_backup=False)
    return path


def _sheet(rows: list[list[str]], encoding: str = "utf-8-sig") -> bytes:
    import csv
    import io

    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode(encoding)


def _problems(data: bytes, session: Session, side: Side = "A") -> list[str]:
    with pytest.raises(FileProblem) as caught:
        parse_answer_sheet(data, session, side, Path("sheet.csv"))
    return caught.value.problems


# --- only ordinary files are read ------------------------------------------------------------


def test_a_device_is_not_read(tmp_path: Path) -> None:
    with pytest.raises(FileProblem) as caught:
        read_bytes(Path("/dev/zero"))
    assert caught.value.problems == ["this is not an ordinary file (a device or a pipe)"]


def test_a_pipe_is_not_read_and_nothing_waits(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.pws.json"
    os.mkfifo(pipe)
    done = threading.Event()

    def write_if_read() -> None:
        # Only a reader that opens the pipe lets this writer in; it then gives it some JSON.
        while not done.is_set():
            try:
                descriptor = os.open(pipe, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:
                done.wait(0.01)
                continue
            os.write(descriptor, b"{}")
            os.close(descriptor)
            return

    writer = threading.Thread(target=write_if_read, daemon=True)
    writer.start()
    try:
        with pytest.raises(FileProblem) as caught:
            load_session(pipe)
    finally:
        done.set()
        writer.join()
    assert caught.value.problems == ["this is not an ordinary file (a device or a pipe)"]


# --- saving ------------------------------------------------------------------------------------


def test_a_read_only_session_file_is_not_replaced(small_session: Session, tmp_path: Path) -> None:
    path = tmp_path / "kept.pws.json"
    save_session(small_session, path, keep_backup=False)
    before = path.read_bytes()
    path.chmod(0o444)
    small_session.workshop.title = "Changed"
    with pytest.raises(FileProblem) as caught:
        save_session(small_session, path)
    assert "read-only" in caught.value.problems[0]
    assert path.read_bytes() == before
    assert stat.S_IMODE(path.stat().st_mode) == 0o444


def test_saving_through_a_link_updates_its_target_and_keeps_the_link(
    small_session: Session, tmp_path: Path
) -> None:
    real = tmp_path / "real"
    real.mkdir()
    target = real / "s.pws.json"
    save_session(small_session, target, keep_backup=False)
    links = tmp_path / "links"
    links.mkdir()
    link = links / "link.pws.json"
    link.symlink_to(Path("..") / "real" / "s.pws.json")

    small_session.workshop.title = "Saved through the link"
    save_session(small_session, link)

    assert link.is_symlink()
    assert load_session(target).workshop.title == "Saved through the link"
    assert (real / "s.pws.json.bak").exists()
    assert sorted(p.name for p in links.iterdir()) == ["link.pws.json"]


def test_importing_into_a_link_updates_its_target(
    capsys: pytest.CaptureFixture[str], small_session: Session, tmp_path: Path
) -> None:
    target = tmp_path / "s.pws.json"
    save_session(small_session, target, keep_backup=False)
    link = tmp_path / "link.pws.json"
    link.symlink_to(target.name)
    sheet = tmp_path / "a.csv"
    rows = answer_sheet_rows(small_session, "A")
    for row in rows:
        if row[0] == "trust":
            row[COLUMNS.index("value")] = "2"
    sheet.write_bytes(_sheet(rows))

    code, _, err = run_cli(capsys, "import-answers", link, "--party", "A", sheet, "--replace")

    assert code == 0, err
    assert link.is_symlink()
    assert load_session(target).answer("A", "trust").value == 2


@pytest.mark.parametrize("command", ["export-answers", "pack"])
def test_a_command_never_writes_over_the_session_it_reads(
    capsys: pytest.CaptureFixture[str], session_file: Path, command: str
) -> None:
    before = session_file.read_bytes()
    code, _, err = run_cli(
        capsys, command, session_file, "--party", "A", "-o", session_file, "--force"
    )
    assert code == 1
    assert "the session file itself" in err
    assert session_file.read_bytes() == before


# --- numbers and dates too large ---------------------------------------------------------------


def test_a_sheet_value_of_thousands_of_digits_is_a_plain_problem(
    capsys: pytest.CaptureFixture[str], session_file: Path, small_session: Session, tmp_path: Path
) -> None:
    rows = answer_sheet_rows(small_session, "A")
    for row in rows:
        if row[0] == "trust":
            row[COLUMNS.index("value")] = "9" * 5000
    sheet = tmp_path / "a.csv"
    sheet.write_bytes(_sheet(rows))
    code, _, err = run_cli(capsys, "import-answers", session_file, "--party", "A", sheet)
    assert code == 1
    assert "is not a whole number" in err
    assert "Traceback" not in err


def _saved_raw(session: Session) -> dict[str, Any]:
    raw: dict[str, Any] = json.loads(session_to_json(session))
    return raw


@pytest.mark.parametrize(
    ("where", "value", "shown"),
    [
        (
            ("agreement", "charters", 0, "exported"),
            "9999-12-31T23:00:00-05:00",
            "agreement.charters[1].exported",
        ),
        (("created",), "0001-01-01T00:00:00+05:00", "created"),
        (("workshop", "date"), "9999-12-31", "workshop.date"),
        (
            ("agreement", "charters", 0, "version"),
            int("4" * 4300),
            "agreement.charters[1].version",
        ),
    ],
    ids=["exported-year-9999", "created-year-1", "workshop-date-9999", "version-4300-digits"],
)
def test_dates_and_numbers_beyond_what_can_be_shown_are_refused(
    small_session: Session,
    tmp_path: Path,
    where: tuple[str | int, ...],
    value: object,
    shown: str,
) -> None:
    raw = _saved_raw(small_session)
    raw["agreement"]["charters"] = [{"version": 1, "exported": "2026-05-14T10:00:00Z"}]
    place: Any = raw
    for key in where[:-1]:
        place = place[key]
    place[where[-1]] = value
    path = tmp_path / "far.pws.json"
    path.write_text(json.dumps(raw))
    with pytest.raises(FileProblem) as caught:
        load_session(path)
    assert shown in caught.value.problems[0]


def test_the_latest_date_kept_still_exports(small_session: Session) -> None:
    raw = _saved_raw(small_session)
    raw["agreement"]["charters"] = [
        {"version": 999_999, "fingerprint": "0" * 16, "exported": "9998-12-31T23:00:00-05:00"}
    ]
    raw["workshop"]["date"] = "9998-12-31"
    session = Session.model_validate(raw)
    summary = charter_summary(session)
    assert summary.version == 999_999
    _, _, pages = charter_pdf(session, CharterOptions())
    assert pages > 0


# --- sheets --------------------------------------------------------------------------------------


def test_thousands_of_bad_rows_give_a_readable_list(small_session: Session) -> None:
    rows = answer_sheet_rows(small_session, "A")
    rows += [[f"no-such-question-{n}", "", "", "", "", "1", "", "", ""] for n in range(3000)]
    problems = _problems(_sheet(rows), small_session)
    assert len(problems) == MAX_PROBLEMS + 1
    assert problems[-1] == "and 2,950 more problems"


def test_utf16_without_its_mark_is_an_encoding_problem(small_session: Session) -> None:
    data = _sheet(answer_sheet_rows(small_session, "A"), "utf-16-le")
    [problem] = _problems(data, small_session)
    assert problem.startswith("the file is not UTF-8 text")
    assert "UTF-16" in problem


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_a_sheet_starting_with_excels_delimiter_line_is_read(
    small_session: Session, delimiter: str
) -> None:
    import csv
    import io

    buffer = io.StringIO(newline="")
    buffer.write(f"sep={delimiter}\r\n")
    rows = answer_sheet_rows(small_session, "A")
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    data = buffer.getvalue().encode("utf-8")
    answers = parse_answer_sheet(data, small_session, "A", Path("sheet.csv"))
    expected = {k: v for k, v in small_session.answers_of("A").items() if not v.is_empty}
    assert answers.keys() == expected.keys()


def _long_template(option_count: int, label_length: int) -> Questionnaire:
    options = [
        Option(id=f"o{n}", label=f"{n} " + "x" * (label_length - 2 - len(str(n))))
        for n in range(option_count)
    ]
    return Questionnaire(
        id="long",
        version="1",
        title="Long",
        sections=[
            Section(
                id="s",
                title="S",
                questions=[
                    TextQuestion(id="t", prompt="Say it", help="At length.", max_length=100_000),
                    MultipleChoiceQuestion(id="m", prompt="Pick", help="Any.", options=options),
                ],
            )
        ],
    )


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text_length=st.sampled_from([0, 1, 131_072, 100_000]),
    comment_length=st.sampled_from([0, 131_073, 100_000]),
    option_count=st.sampled_from([2, 300]),
    label_length=st.sampled_from([10, 500]),
    side=st.sampled_from(SIDES),
    character=st.sampled_from(["a", "\n", '"', ",", "é", "🤝"]),
)
def test_every_sheet_the_app_writes_it_reads_back(
    text_length: int,
    comment_length: int,
    option_count: int,
    label_length: int,
    side: Side,
    character: str,
) -> None:
    template = _long_template(option_count, label_length)
    session = Session(template=template)
    text = (character * text_length)[:100_000]
    comment = ("=" + character * comment_length)[:100_000]
    session.answers_of(side)["t"] = Answer(value=text or None, comment=comment)
    session.answers_of(side)["m"] = Answer(value=["o1"], comment=comment)
    expected = {k: v for k, v in session.answers_of(side).items() if not v.is_empty}

    assert parse_answer_sheet(answer_sheet_bytes(session, side), session, side, Path("s")) == (
        expected
    )


def test_an_unexpected_error_in_a_command_is_a_message_not_a_traceback(
    capsys: pytest.CaptureFixture[str], session_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from partnerworkshop import app

    def broken(_: object) -> int:
        raise OverflowError("date value out of range")

    summary, arguments, _ = app.COMMANDS["fingerprint"]
    monkeypatch.setitem(app.COMMANDS, "fingerprint", (summary, arguments, broken))
    code, _, err = run_cli(capsys, "fingerprint", session_file)
    assert code == 2
    assert "an unexpected problem stopped the command (OverflowError" in err
    assert "Traceback" not in err
