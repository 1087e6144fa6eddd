"""Answering outside the room from the command line: sheets and packs, out and back in."""

from __future__ import annotations

import csv
import io
import uuid
from pathlib import Path

import pytest

from partnerworkshop.app import main
from partnerworkshop.export.answer_sheet import COLUMNS, write_answer_sheet
from partnerworkshop.model.edits import SessionEditor
from partnerworkshop.model.session import Answer, Session
from partnerworkshop.model.storage import backup_path, load_session, save_session

# The small questionnaire's rows as a spreadsheet numbers them (after four lines and the header).
ROW = {"trust": 6, "name": 7, "brings": 8, "costs": 9, "priorities": 10, "success": 11}


def run_cli(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def session_file(small_session: Session, tmp_path: Path) -> Path:
    path = tmp_path / "workshop.pws.json"
    save_session(small_session, path, keep_backup=False)
    return path


def read_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text("utf-8-sig"), newline="")))


def write_rows(path: Path, rows: list[list[str]]) -> None:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode("utf-8-sig"))


def fill_in(path: Path, values: dict[str, dict[str, str]]) -> None:
    """Fill in cells of an answer sheet, as a person with a spreadsheet would."""
    rows = read_rows(path)
    for row in rows:
        for name, value in values.get(row[0], {}).items():
            row[COLUMNS.index(name)] = value
    write_rows(path, rows)


def exported(capsys: pytest.CaptureFixture[str], session_file: Path, party: str = "A") -> Path:
    sheet = session_file.with_name(f"sheet-{party}.csv")
    assert run_cli(capsys, "export-answers", session_file, "--party", party, "-o", sheet)[0] == 0
    return sheet


# --- sheets -------------------------------------------------------------------------------------


def test_export_fill_in_and_import_a_sheet(
    session_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = exported(capsys, session_file, "B")
    fill_in(
        sheet,
        {
            "trust": {"value": "4", "importance": "high"},
            "brings": {"value": "money; data", "comment": 'Zoë says: "money, then data"\nThanks'},
            "costs": {"value": "25", "not_sure": "yes"},
            "priorities": {"value": "joint; service; price"},
            "success": {"value": "=Дмитрий, Ελένη & 中文 agree 🤝"},
        },
    )
    code, out, err = run_cli(capsys, "import-answers", session_file, "--party", "B", sheet)
    assert (code, err) == (0, "")
    assert "imported Party B (Contoso)'s answers" in out
    assert "5 new answers" in out
    session = load_session(session_file)
    assert session.answers_of("B") == {
        "trust": Answer(value=4, importance="high"),
        "brings": Answer(value=["money", "data"], comment='Zoë says: "money, then data"\nThanks'),
        "costs": Answer(value=75, not_sure=True),
        "priorities": Answer(value=["joint", "service", "price"]),
        "success": Answer(value="=Дмитрий, Ελένη & 中文 agree 🤝"),
    }
    assert session.answers_of("A") == {}
    assert backup_path(session_file).exists()

    # The same sheet again changes nothing and says so.
    before = session_file.read_bytes()
    code, out, _ = run_cli(capsys, "import-answers", session_file, "--party", "b", sheet)
    assert code == 0
    assert "nothing new" in out and "all its answers (5)" in out
    assert session_file.read_bytes() == before


def test_a_sheet_with_existing_answers_round_trips(
    small_session: Session, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    small_session.answers.A = {
        "trust": Answer(value=1, comment='Łukasiewicz, "quoted"\r\nnext line'),
        "costs": Answer(value=80, importance="low"),
        "success": Answer(value="-minus first", not_sure=True),
    }
    source = tmp_path / "full.pws.json"
    save_session(small_session, source)
    sheet = exported(capsys, source, "A")
    small_session.answers.A = {}
    target = tmp_path / "empty.pws.json"
    save_session(small_session, target)
    assert run_cli(capsys, "import-answers", target, "--party", "A", sheet)[0] == 0
    assert load_session(target).answers == load_session(source).answers


BAD_SHEETS = {
    "scale value": ({"trust": {"value": "7"}}, 'row 6, question "trust": 7 is not on the scale'),
    "unknown option": ({"name": {"value": "friend"}}, 'row 7, question "name": there is no option'),
    "ranking not a permutation": (
        {"priorities": {"value": "price; price; joint"}},
        'row 10, question "priorities": listed more than once: price',
    ),
    "split out of range": (
        {"costs": {"value": "120"}},
        'row 9, question "costs": 120% is not a share from 0 to 100',
    ),
    "importance": ({"brings": {"importance": "very"}}, 'row 8, question "brings": "very" is not'),
    "not sure": ({"success": {"not_sure": "perhaps"}}, 'row 11, question "success": "perhaps"'),
    "unknown question": (
        {"trust": {"question_id": "trusts"}},
        'row 6, question "trusts": there is no question with this id',
    ),
}


@pytest.mark.parametrize("case", BAD_SHEETS)
def test_a_bad_sheet_changes_nothing(
    session_file: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    sheet = exported(capsys, session_file)
    values, expected = BAD_SHEETS[case]
    fill_in(sheet, {"success": {"value": "a good answer"}, **values})
    before = session_file.read_bytes()
    code, out, err = run_cli(capsys, "import-answers", session_file, "--party", "A", sheet)
    assert code == 1
    assert out == ""
    assert f"{sheet}: {expected}" in err
    assert session_file.read_bytes() == before
    assert not backup_path(session_file).exists()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "the file is empty"),
        ("question_id,value\r\nname,Zoë\r\n".encode("cp1252"), "the file is not UTF-8 text"),
        (b"id,answer\r\ntrust,3\r\n", "row 1 should be the header"),
        (
            ",".join(COLUMNS).encode() + b"\r\ntrust,,,,,3,,,\r\ntrust,,,,,4,,,\r\n",
            'row 3, question "trust": this question has a row already (row 2)',
        ),
    ],
)
def test_an_unreadable_sheet_changes_nothing(
    session_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: bytes,
    expected: str,
) -> None:
    sheet = tmp_path / "bad.csv"
    sheet.write_bytes(content)
    before = session_file.read_bytes()
    code, _, err = run_cli(capsys, "import-answers", session_file, "--party", "A", sheet)
    assert code == 1
    assert expected in err
    assert session_file.read_bytes() == before


def test_the_other_party_s_sheet_is_refused(
    session_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = exported(capsys, session_file, "B")
    fill_in(sheet, {"costs": {"value": "30"}})
    before = session_file.read_bytes()
    code, _, err = run_cli(capsys, "import-answers", session_file, "--party", "A", sheet)
    assert code == 1
    assert "this sheet was written for Party B (Contoso), not for Party A (Northwind)" in err
    assert session_file.read_bytes() == before


def test_import_lists_conflicts_and_replaces_only_when_asked(
    small_session: Session, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    small_session.answers.A = {"trust": Answer(value=2), "name": Answer(value="account")}
    path = tmp_path / "w.pws.json"
    save_session(small_session, path)
    sheet = exported(capsys, path)
    fill_in(
        sheet, {"trust": {"value": "5"}, "name": {"value": "account"}, "costs": {"value": "50"}}
    )
    before = path.read_bytes()

    code, out, err = run_cli(capsys, "import-answers", path, "--party", "A", sheet)
    assert (code, out) == (1, "")
    assert "1 answer in the sheet differs from Party A (Northwind)'s answers" in err
    assert "add --replace" in err
    assert "trust: the session has 2 (Point 2); the sheet has 5 (Point 5)" in err
    assert f"{sheet}: name:" not in err  # the same answer is no conflict
    assert path.read_bytes() == before

    code, out, _ = run_cli(capsys, "import-answers", path, "--party", "A", sheet, "--replace")
    assert code == 0
    assert "1 new answer, 1 replaced; 1 answer was the same already" in out
    answers = load_session(path).answers.A
    assert answers["trust"] == Answer(value=5)
    assert answers["costs"] == Answer(value=50)


def test_export_never_overwrites_unless_forced(
    session_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "mine.csv"
    sheet.write_text("keep me")
    code, _, err = run_cli(capsys, "export-answers", session_file, "--party", "A", "-o", sheet)
    assert code == 1
    assert "--force" in err
    assert sheet.read_text() == "keep me"
    args = ("export-answers", session_file, "--party", "A", "-o", sheet, "--force")
    assert run_cli(capsys, *args)[0] == 0
    assert sheet.read_bytes().startswith(b"\xef\xbb\xbf# Answer sheet for Party A")


@pytest.mark.parametrize(
    "args",
    [
        ["export-answers", "x.pws.json", "-o", "s.csv"],
        ["export-answers", "x.pws.json", "--party", "C", "-o", "s.csv"],
        ["import-answers", "x.pws.json", "--party", "A"],
        ["pack", "x.pws.json", "--party", "A"],
        ["merge", "x.pws.json"],
    ],
)
def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(args)
    assert caught.value.code == 2
    assert "usage:" in capsys.readouterr().err


# --- packs --------------------------------------------------------------------------------------


def test_pack_fill_in_and_merge(
    small_session: Session, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    small_session.answers.B = {"trust": Answer(value=1, comment="Contoso's private view")}
    path = tmp_path / "w.pws.json"
    save_session(small_session, path)
    pack_path = tmp_path / "northwind.pws.json"

    code, out, _ = run_cli(capsys, "pack", path, "--party", "A", "-o", pack_path)
    assert code == 0
    assert "answer pack for Party A (Northwind)" in out
    assert b"Contoso's private view" not in pack_path.read_bytes()

    # On Northwind's laptop.
    pack = load_session(pack_path)
    editor = SessionEditor(pack)
    editor.set_answer("A", "trust", 4)
    editor.set_comment("A", "trust", "Ελένη: trust is earned")
    editor.set_answer("A", "priorities", ["joint", "price", "service"])
    save_session(pack, pack_path)

    code, out, err = run_cli(capsys, "merge", path, pack_path)
    assert (code, err) == (0, "")
    assert "merged Party A (Northwind)'s answers" in out and "2 new answers" in out
    session = load_session(path)
    assert session.answers_of("A") == {
        "trust": Answer(value=4, comment="Ελένη: trust is earned"),
        "priorities": Answer(value=["joint", "price", "service"]),
    }
    assert session.answers_of("B") == small_session.answers.B
    assert session.pack_for is None


def test_merge_refuses_a_foreign_pack_or_a_full_session(
    small_session: Session, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "w.pws.json"
    save_session(small_session, path)
    other_path = tmp_path / "other.pws.json"
    assert (
        run_cli(capsys, "new", "-o", other_path, "--template", "partnership-meaning-short")[0] == 0
    )
    foreign = tmp_path / "foreign.pws.json"
    assert run_cli(capsys, "pack", other_path, "--party", "A", "-o", foreign)[0] == 0
    before = path.read_bytes()

    code, _, err = run_cli(capsys, "merge", path, foreign)
    assert code == 1
    assert f"{foreign}: this answer pack was made from another session" in err
    assert 'uses the questionnaire "partnership-meaning-short"' in err

    code, _, err = run_cli(capsys, "merge", path, other_path)
    assert code == 1
    assert "a full session file, not an answer pack" in err
    assert path.read_bytes() == before


def test_merge_lists_conflicts_and_replaces_only_when_asked(
    small_session: Session, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "w.pws.json"
    save_session(small_session, path)
    pack_path = tmp_path / "b.pws.json"
    assert run_cli(capsys, "pack", path, "--party", "B", "-o", pack_path)[0] == 0
    pack = load_session(pack_path)
    SessionEditor(pack).set_answer("B", "costs", 30)
    save_session(pack, pack_path)

    # Meanwhile, in the room, someone gave Contoso's answer already.
    in_the_room = load_session(path)
    in_the_room.answers.B = {"costs": Answer(value=50)}
    save_session(in_the_room, path)
    before = path.read_bytes()
    code, _, err = run_cli(capsys, "merge", path, pack_path)
    assert code == 1
    assert "costs: the session has 50% carried by Contoso; the pack has 70% carried by" in err
    assert path.read_bytes() == before

    code, out, _ = run_cli(capsys, "merge", path, pack_path, "--replace")
    assert code == 0
    assert "0 new answers, 1 replaced" in out
    assert load_session(path).answers_of("B") == {"costs": Answer(value=30)}


def test_pack_never_overwrites_unless_forced(
    session_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "pack.pws.json"
    target.write_text("keep me")
    code, _, err = run_cli(capsys, "pack", session_file, "--party", "A", "-o", target)
    assert code == 1
    assert "--force" in err
    assert target.read_text() == "keep me"


def test_a_sheet_from_another_session_is_refused_unless_asked(
    small_session: Session, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Another workshop with the same questionnaire: its sheet is not this session's."""
    other = small_session.model_copy(update={"id": uuid.uuid4()}, deep=True)
    other.answers.A = {"trust": Answer(value=2)}
    sheet = tmp_path / "other.csv"
    write_answer_sheet(other, "A", sheet)
    path = tmp_path / "w.pws.json"
    save_session(small_session, path)
    before = path.read_bytes()

    code, _, err = run_cli(capsys, "import-answers", path, "--party", "A", sheet)
    assert code == 1
    assert "written for another workshop session" in err
    assert "--from-other-session" in err
    assert path.read_bytes() == before

    code, _, err = run_cli(
        capsys, "import-answers", path, "--party", "A", sheet, "--from-other-session"
    )
    assert code == 0, err
    assert load_session(path).answer("A", "trust").value == 2
