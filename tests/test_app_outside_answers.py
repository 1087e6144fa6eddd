"""Answer sheets and answer packs from the app's File menu: previewed, then one undo step."""

from __future__ import annotations

import csv
import io
import uuid
from pathlib import Path
from typing import Any

from ui_driver import visible_texts

from partnerworkshop.export.answer_sheet import write_answer_sheet
from partnerworkshop.model.catalog import example_session
from partnerworkshop.model.packs import make_pack
from partnerworkshop.model.session import Answer, Session
from partnerworkshop.model.storage import load_session, save_session
from partnerworkshop.ui.main_window import MainWindow


def _without_answers_of(session: Session, side: str) -> Session:
    data = session.model_dump()
    data["answers"][side] = {}
    return Session.model_validate(data)


def test_export_an_answer_sheet(window: MainWindow, dialogs: Any, tmp_path: Path) -> None:
    window.set_document(example_session(), None)
    dialogs.answer("choose_party", "B")
    dialogs.answer("save_file_name", tmp_path / "contoso.csv")
    window.export_sheet_action.trigger()
    text = (tmp_path / "contoso.csv").read_bytes().decode("utf-8-sig")
    assert "Contoso" in text
    assert "question_id" in text


def test_import_an_answer_sheet_after_a_preview(
    window: MainWindow, dialogs: Any, tmp_path: Path
) -> None:
    full = example_session()
    sheet = tmp_path / "northwind.csv"
    write_answer_sheet(full, "A", sheet)
    window.set_document(_without_answers_of(full, "A"), None)

    dialogs.answer("choose_party", "A")
    dialogs.answer("open_file_name", sheet)
    dialogs.answer("preview_incoming", "cancel")
    window.import_sheet_action.trigger()
    assert window.session.answers.A == {}, "cancelled after the preview: nothing changed"
    assert "46 new answers" in dialogs.shown[-1][1]

    dialogs.answer("choose_party", "A")
    dialogs.answer("open_file_name", sheet)
    dialogs.answer("preview_incoming", "new")
    window.import_sheet_action.trigger()
    assert window.session.answers.A == full.answers.A
    window.undo_action.trigger()
    assert window.session.answers.A == {}, "one undo takes the whole import back"


def test_import_a_sheet_excel_saved_as_unicode_text(
    window: MainWindow, dialogs: Any, tmp_path: Path
) -> None:
    """Excel's "Unicode Text": a .txt file in UTF-16, with tabs between cells."""
    full = example_session()
    written = tmp_path / "northwind.csv"
    write_answer_sheet(full, "B", written)
    rows = list(csv.reader(io.StringIO(written.read_text("utf-8-sig"), newline="")))
    buffer = io.StringIO()
    csv.writer(buffer, delimiter="\t", lineterminator="\r\n").writerows(rows)
    sheet = tmp_path / "northwind.txt"
    sheet.write_text(buffer.getvalue(), encoding="utf-16")
    window.set_document(_without_answers_of(full, "B"), None)

    dialogs.answer("choose_party", "B")
    dialogs.answer("open_file_name", sheet)
    dialogs.answer("preview_incoming", "new")
    window.import_sheet_action.trigger()
    opened = next(entry for entry in dialogs.shown if entry[0] == "open_file_name")
    assert "*.txt" in opened[2], "the file dialog offers .txt files"
    assert window.session.answers.B == full.answers.B


def test_conflicting_answers_are_kept_unless_replacing(
    window: MainWindow, dialogs: Any, tmp_path: Path
) -> None:
    full = example_session()
    sheet = tmp_path / "northwind.csv"
    write_answer_sheet(full, "A", sheet)
    first = next(iter(full.answers.A))
    changed = _without_answers_of(full, "A")
    changed.answers.A[first] = Answer(comment="Our own note")
    window.set_document(changed, None)
    for choice, expected in (
        ("new", Answer(comment="Our own note")),
        ("replace", full.answers.A[first]),
    ):
        dialogs.answer("choose_party", "A")
        dialogs.answer("open_file_name", sheet)
        dialogs.answer("preview_incoming", choice)
        window.import_sheet_action.trigger()
        _, text, details = dialogs.shown[-1]
        assert "1 that differ" in text
        new_part, differ_part = details.split("\n\n")
        assert new_part.startswith("New answers (45):\n")
        assert new_part.endswith("\nand 25 more"), "the list stops at 20 and says so"
        prompt = full.template.question(first).prompt
        assert differ_part.startswith(f'Different from the session (1):\n\u2022 "{prompt}": ')
        assert first not in details, "questions are named as people read them"
        assert window.session.answers.A[first] == expected
        window.undo_action.trigger()


def test_a_bad_sheet_is_explained_and_changes_nothing(
    window: MainWindow, dialogs: Any, tmp_path: Path
) -> None:
    window.set_document(example_session(), None)
    sheet = tmp_path / "bad.csv"
    sheet.write_text("question_id,value\nnope,1\n", encoding="utf-8")
    before = window.session.model_copy(deep=True)
    dialogs.answer("choose_party", "A")
    dialogs.answer("open_file_name", sheet)
    window.import_sheet_action.trigger()
    (warning,) = dialogs.warnings()
    assert "bad.csv" in warning[2]
    assert window.session == before
    assert not window.editor.can_undo


def test_make_a_pack_open_it_and_merge_it_back(
    window: MainWindow, dialogs: Any, tmp_path: Path
) -> None:
    full = example_session()
    session_path = tmp_path / "workshop.pws.json"
    save_session(_without_answers_of(full, "B"), session_path)
    assert window.load(session_path)

    pack_path = tmp_path / "pack.pws.json"
    dialogs.answer("choose_party", "B")
    dialogs.answer("save_file_name", pack_path)
    window.make_pack_action.trigger()
    assert load_session(pack_path).pack_for == "B"
    # The session keeps what proves the pack: saving it keeps that too.
    assert window.editor.is_modified
    window.save_action.trigger()

    # On the other party's laptop: only that party's column, and the window says so.
    assert window.load(pack_path)
    window.go_to_step(1)
    page = window.answer_page
    assert page.pack_banner.isVisible()
    assert "Contoso's answer pack" in page.pack_banner.text()
    assert all(set(card.columns) == {"B"} for card in page.cards.values())
    assert "Northwind is one of our key accounts" not in "\n".join(visible_texts(window))
    assert not window.merge_pack_action.isEnabled()
    for question_id, answer in full.answers.B.items():
        window.editor.set_answer("B", question_id, answer.value)
    window.save_action.trigger()

    assert window.load(session_path)
    dialogs.answer("open_file_name", pack_path)
    dialogs.answer("preview_incoming", "new")
    window.merge_pack_action.trigger()
    assert {q: a.value for q, a in window.session.answers.B.items()} == {
        q: a.value for q, a in full.answers.B.items()
    }
    window.undo_action.trigger()
    assert window.session.answers.B == {}


def test_a_pack_from_another_session_is_refused(
    window: MainWindow, dialogs: Any, tmp_path: Path
) -> None:
    window.set_document(example_session(), None)
    foreign = tmp_path / "foreign.pws.json"
    save_session(make_pack(example_session(), "B"), foreign)  # a fresh example has its own id
    dialogs.answer("open_file_name", foreign)
    window.merge_pack_action.trigger()
    (warning,) = dialogs.warnings()
    assert "made from another session" in warning[3]
    assert not window.editor.can_undo


def test_a_pack_s_set_up_step_cannot_be_changed(
    window: MainWindow, qtbot: Any, tmp_path: Path
) -> None:
    pack_path = tmp_path / "pack.pws.json"
    save_session(make_pack(example_session(), "B"), pack_path)
    assert window.load(pack_path)
    window.go_to_step(0)
    page = window.setup_page
    assert page.pack_note.isVisible()
    before = window.session.model_copy(deep=True)

    for field in (page.title, page.location, page.parties["A"].organisation):
        field.setFocus()
        qtbot.keyClicks(field, "changed")
    assert not page.template_choice.isEnabled()
    assert not page.open_template.isEnabled()
    assert not page.parties["A"].add.isEnabled()
    assert not page.parties["B"].colour.isEnabled()
    assert window.session == before
    assert not window.editor.is_modified


def test_a_sheet_from_another_session_is_taken_in_only_when_the_user_says_so(
    window: MainWindow, dialogs: Any, tmp_path: Path
) -> None:
    full = example_session()
    other = full.model_copy(update={"id": uuid.uuid4()}, deep=True)
    sheet = tmp_path / "other-workshop.csv"
    write_answer_sheet(other, "A", sheet)
    window.set_document(_without_answers_of(full, "A"), None)

    dialogs.answer("choose_party", "A")
    dialogs.answer("open_file_name", sheet)
    dialogs.answer("confirm", False)
    window.import_sheet_action.trigger()
    assert "another workshop session" in dialogs.shown[-1][2]
    assert window.session.answers.A == {}

    dialogs.answer("choose_party", "A")
    dialogs.answer("open_file_name", sheet)
    dialogs.answer("confirm", True)
    dialogs.answer("preview_incoming", "new")
    window.import_sheet_action.trigger()
    assert window.session.answers.A == full.answers.A


def test_a_sheet_or_a_pack_for_one_representative_from_the_file_menu(
    window: MainWindow, dialogs: Any, tmp_path: Path
) -> None:
    from partnerworkshop.export.answer_sheet import SheetForRepresentative, read_answer_sheet

    session_path = tmp_path / "workshop.pws.json"
    save_session(example_session(), session_path)
    assert window.load(session_path)
    window.editor.set_party_answering("B", "individually")
    zoe = window.session.parties.B.representatives[1]

    dialogs.answer("choose_party", "B")
    dialogs.answer("choose_one", 2)  # the party's answers, then each representative's own
    dialogs.answer("save_file_name", tmp_path / "zoe.csv")
    window.export_sheet_action.trigger()
    (asked,) = [shown for shown in dialogs.shown if shown[0] == "choose_one"]
    assert asked[2:] == (
        "Contoso's answers, as the party",
        "Dr Helen Marsh's own answers",
        "Zoë Łukasiewicz's own answers",
        "Aisling Byrne's own answers",
    )
    try:
        read_answer_sheet(tmp_path / "zoe.csv", window.session, "B")
    except SheetForRepresentative as own_sheet:
        assert own_sheet.representative == zoe.id
    else:
        raise AssertionError("the sheet holds Zoë's own answers, not Contoso's")

    dialogs.answer("choose_party", "B")
    dialogs.answer("choose_one", 3)
    dialogs.answer("save_file_name", tmp_path / "aisling.pws.json")
    window.make_pack_action.trigger()
    pack = load_session(tmp_path / "aisling.pws.json")
    assert pack.pack_for == "B"
    assert pack.pack_for_representative == window.session.parties.B.representatives[2].id

    # The party's own sheet is still there, and a cancelled choice writes nothing.
    dialogs.answer("choose_party", "B")
    dialogs.answer("choose_one", 0)
    dialogs.answer("save_file_name", tmp_path / "contoso.csv")
    window.export_sheet_action.trigger()
    read_answer_sheet(tmp_path / "contoso.csv", window.session, "B")
    dialogs.answer("choose_party", "B")
    dialogs.answer("choose_one", None)
    window.export_sheet_action.trigger()
    assert sorted(path.name for path in tmp_path.glob("*.csv")) == ["contoso.csv", "zoe.csv"]


def test_a_party_answering_as_one_is_not_asked_whose_answers(
    window: MainWindow, dialogs: Any, tmp_path: Path
) -> None:
    window.set_document(example_session(), None)
    dialogs.answer("choose_party", "A")
    dialogs.answer("save_file_name", tmp_path / "northwind.csv")
    window.export_sheet_action.trigger()
    assert (tmp_path / "northwind.csv").exists()
    assert not [shown for shown in dialogs.shown if shown[0] == "choose_one"]
